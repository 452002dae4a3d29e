/**
 * Business days as Excel's WORKDAY counts them: Monday to Friday, less a list of holidays.
 * WORKDAY(start, days, holidays) steps from `start` (which itself never counts) one calendar
 * day at a time, counting the days that are neither a weekend nor a holiday, until `days` have
 * been counted; a negative `days` steps backwards; 0 returns `start` itself.
 */
import { numError } from "./errors";
import { EPOCH_DAY_9999_12_31, weekdayOfEpochDay } from "./serial";

export function isWeekend(epochDay: number): boolean {
  const wd = weekdayOfEpochDay(epochDay);
  return wd === 0 || wd === 6;
}

/** Excel's WORKDAY over epoch days. `days` is truncated toward zero, as Excel does. */
export function workday(start: number, days: number, holidays: Iterable<number> = []): number {
  const n = Math.trunc(days);
  if (Math.abs(n) > EPOCH_DAY_9999_12_31) throw numError(`days must be within Excel's calendar; got ${days}.`);
  const off = new Set(holidays);
  const step = n < 0 ? -1 : 1;
  let d = start;
  let left = Math.abs(n);
  while (left > 0) {
    d += step;
    if (!isWeekend(d) && !off.has(d)) left--;
  }
  return d;
}

/** True when the day is a business day (a weekday that is not listed as a holiday). */
export function isBusinessDay(epochDay: number, holidays: ReadonlySet<number>): boolean {
  return !isWeekend(epochDay) && !holidays.has(epochDay);
}
