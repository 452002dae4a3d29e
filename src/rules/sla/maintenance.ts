/**
 * Kustomer's standing Scheduled Maintenance windows (sla: section 3, "Exclusions").
 *
 * "Kustomer maintains a standing scheduled maintenance window of 2:00am-6:00am (Eastern Time
 * Zone or Greenwich Mean Time, respectively) every weekday morning": Eastern time for a Covered
 * Service hosted in a U.S. data centre, GMT for one hosted in Europe.
 *
 * - US: 02:00-06:00 US Eastern time, Monday to Friday by the Eastern calendar, with US daylight
 *   saving (EST = UTC-5, EDT = UTC-4): 07:00-11:00 UTC in winter, 06:00-10:00 UTC in summer.
 * - EU: Decision (docs/terms.md): GMT means UTC+0 all year (no British Summer Time): 02:00-06:00 UTC,
 *   Monday to Friday by the UTC calendar.
 *
 * US daylight saving is computed here from the rules in law, in integer arithmetic (no `Date`, no
 * Intl, so neither the host's zone nor the host's time-zone database can change a window):
 * - from 2007 (Energy Policy Act of 2005): from the second Sunday of March, 02:00 EST (07:00 UTC),
 *   to the first Sunday of November, 02:00 EDT (06:00 UTC); applied to every later year;
 * - 1987 to 2006: from the first Sunday of April to the last Sunday of October, same hours.
 * A US month before 1987 is #NUM! (the SLA dates from 2024; earlier rules are not modelled).
 * The changes fall on Sundays, so a weekday window never straddles one: its offset is that of
 * its whole day. The test suite checks these rules against the IANA America/New_York zone.
 *
 * The result clock (`time_zone`, as in SEASONWINDOW) also sets the month's edges: the windows
 * are those that overlap [1st 00:00, 1st of the next month 00:00) of that clock, cut at them
 * (from `days_before` days before the 1st where that is given).
 */
import { numError } from "../core/errors";
import { daysInMonth, epochDayFromYmd, formatEpochDay, SECONDS_PER_DAY, weekdayOfEpochDay, ymdFromEpochDay } from "../core/serial";
import { localEpochSecond, type TimeZone } from "../contract/season";
import type { SlaMonth } from "./uptime";

export type Hosting = "US" | "EU";

/** The hosting argument's choices: "US" (default) and "EU". */
export const HOSTINGS: ReadonlyArray<{ readonly names: readonly string[]; readonly value: Hosting }> = [
  { names: ["US"], value: "US" },
  { names: ["EU"], value: "EU" },
];

/** The standing window's local hours, Monday to Friday (sla section 3). */
export const STANDING_WINDOW = Object.freeze({ fromHour: 2, toHour: 6 });

const HOUR = 3600;
const EST = -5 * HOUR;
const EDT = -4 * HOUR;
/** The first year whose US Eastern daylight saving is modelled. */
export const US_DST_FIRST_YEAR = 1987;

/** Epoch day of the n-th Sunday (1-based) of a month; n = -1 is the last Sunday. */
function sunday(year: number, month: number, n: number): number {
  if (n > 0) {
    const first = epochDayFromYmd(year, month, 1);
    return first + ((7 - weekdayOfEpochDay(first)) % 7) + (n - 1) * 7;
  }
  const last = epochDayFromYmd(year, month, daysInMonth(year, month));
  return last - weekdayOfEpochDay(last);
}

/**
 * US Eastern daylight saving of a year, as the UTC epoch seconds it starts (02:00 EST) and ends
 * (02:00 EDT). #NUM! before 1987.
 */
export function easternDst(year: number): { readonly start: number; readonly end: number } {
  if (year < US_DST_FIRST_YEAR) {
    throw numError(
      `US Eastern daylight saving is computed from ${US_DST_FIRST_YEAR} on (the rules in force since then); got a window in ${year}.`,
    );
  }
  const [startDay, endDay] = year >= 2007 ? [sunday(year, 3, 2), sunday(year, 11, 1)] : [sunday(year, 4, 1), sunday(year, 10, -1)];
  return { start: startDay * SECONDS_PER_DAY + 2 * HOUR - EST, end: endDay * SECONDS_PER_DAY + 2 * HOUR - EDT };
}

/** The US Eastern offset from UTC, in seconds, at a UTC instant (1987 on; EST all of December to February). */
export function easternOffsetSeconds(utcEpochSecond: number): number {
  const { year, month } = ymdFromEpochDay(Math.floor(utcEpochSecond / SECONDS_PER_DAY));
  if (month <= 2 || month === 12) return EST; // never daylight saving, under any of the rules
  const dst = easternDst(year);
  return utcEpochSecond >= dst.start && utcEpochSecond < dst.end ? EDT : EST;
}

/** One standing window, [start, end) in UTC epoch seconds. */
export interface UtcWindow {
  readonly start: number;
  readonly end: number;
}

/**
 * The standing window on a hosting zone's local day (an epoch day of that zone's calendar), or
 * undefined on a Saturday or Sunday.
 */
export function standingWindow(localDay: number, hosting: Hosting): UtcWindow | undefined {
  const wd = weekdayOfEpochDay(localDay);
  if (wd === 0 || wd === 6) return undefined;
  const localStart = localDay * SECONDS_PER_DAY + STANDING_WINDOW.fromHour * HOUR;
  const length = (STANDING_WINDOW.toHour - STANDING_WINDOW.fromHour) * HOUR;
  if (hosting === "EU") return { start: localStart, end: localStart + length };
  // A weekday's Eastern offset is the same all day (the changes are on Sundays): take EST, and
  // move an hour earlier where that instant is in daylight saving.
  let start = localStart - EST;
  if (easternOffsetSeconds(start) === EDT) start = localStart - EDT;
  return { start, end: start + length };
}

/** A window of the result, [start, end) in the result clock's local epoch seconds. */
export interface LocalWindow {
  readonly start: number;
  readonly end: number;
}

/** The most days before the month MAINTENANCEWINDOWS covers (a year: the cap looks back 14 days). */
export const MAX_DAYS_BEFORE = 366;

/**
 * The standing windows of a hosting zone that overlap a calendar month of the `clock` zone, in
 * that clock's local time, cut at the month's edges, in time order. With `daysBefore`, the span
 * starts that many whole days before the month's first day (00:00 of that clock), so that one
 * spill holds the 14 days before the month that decide its maintenance cap, and the month.
 */
export function maintenanceWindows(month: SlaMonth, hosting: Hosting, clock: TimeZone, daysBefore = 0): LocalWindow[] {
  const firstDay = month.firstDay - daysBefore;
  if (hosting === "US" && ymdFromEpochDay(firstDay).year < US_DST_FIRST_YEAR) {
    const what = daysBefore === 0 ? "month" : "month less days_before";
    throw numError(
      `${what} must be in ${US_DST_FIRST_YEAR} or later for US hosting: US Eastern daylight saving is computed by the rules in force since then; got ${formatEpochDay(firstDay)}.`,
    );
  }
  const from = firstDay * SECONDS_PER_DAY;
  const to = month.nextFirstDay * SECONDS_PER_DAY;
  const out: LocalWindow[] = [];
  // A clock is less than a day from UTC, and so is the hosting zone: the windows that can reach
  // the span are those of the hosting zone's days from two days before it to two days after.
  for (let day = firstDay - 2; day < month.nextFirstDay + 2; day++) {
    const w = standingWindow(day, hosting);
    if (!w) continue;
    const start = localEpochSecond(w.start, clock);
    const end = localEpochSecond(w.end, clock);
    if (end <= from || start >= to) continue;
    out.push({ start: start < from ? from : start, end: end > to ? to : end });
  }
  return out;
}
