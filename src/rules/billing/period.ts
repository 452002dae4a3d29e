/**
 * Billing months and billing periods, counted as Excel's EDATE counts months.
 *
 * Decision (docs/terms.md, billing period): a contract's billing periods begin on EDATE(anchor, n)
 * (monthly) or EDATE(anchor, 12n) (annual) and end the day before the next begins, as Stripe's
 * billing-cycle anchor does: an anchor on 31 Jan gives periods from 28 Feb, 31 Mar, 30 Apr; an
 * anchor on 29 Feb 2024 gives annual periods from 28 Feb in common years and 29 Feb in leap years.
 *
 * Every count here is arithmetic on the calendar (no loop over days or months), so a period
 * spanning Excel's whole calendar costs the same as one month.
 */
import { numError } from "../core/errors";
import { daysInMonth, epochDayFromYmd, formatEpochDay, ymdFromEpochDay } from "../core/serial";

export type BillingCycle = "monthly" | "annual";

export const BILLING_CYCLES: ReadonlyArray<{ readonly names: readonly string[]; readonly value: BillingCycle }> = [
  { names: ["monthly", "month", "months"], value: "monthly" },
  { names: ["annual", "annually", "yearly", "year", "years"], value: "annual" },
];

/**
 * Excel's EDATE(start, months) on epoch days: the same day of the month `months` months later
 * (or earlier), or that month's last day when it is shorter (EDATE(31 Jan, 1) = 28 Feb, and
 * EDATE(31 Jan, 2) = 31 Mar: each is counted from the start, never from the month before).
 */
export function edate(epochDay: number, months: number): number {
  const { year, month, day } = ymdFromEpochDay(epochDay);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return epochDayFromYmd(y, m, Math.min(day, daysInMonth(y, m)));
}

/**
 * The index k of the billing month counted from `start` that contains `day` (day >= start):
 * EDATE(start, k) <= day < EDATE(start, k + 1). `step` is the months per period (1 or 12).
 */
export function periodIndex(start: number, day: number, step = 1): number {
  const s = ymdFromEpochDay(start);
  const d = ymdFromEpochDay(day);
  // Whole calendar months from start's month to day's month; EDATE(start, 12n or n) for this
  // many months lands in day's month or before it, and at most one period too late.
  const months = (d.year - s.year) * 12 + (d.month - s.month);
  const n = Math.floor(months / step);
  return edate(start, n * step) > day ? n - 1 : n;
}

/** A billing period, first and last day included, as epoch days. */
export interface BillingPeriod {
  readonly start: number;
  readonly end: number;
}

/**
 * The billing period that contains `date`, for a contract anchored on `anchor`. #NUM! for a date
 * before the anchor (no period contains it). `names` name the arguments in the message.
 */
export function billingPeriod(
  anchor: number,
  date: number,
  cycle: BillingCycle,
  names: { readonly anchor: string; readonly date: string } = { anchor: "anchor_date", date: "date" },
): BillingPeriod {
  if (date < anchor) {
    throw numError(`${names.date} (${formatEpochDay(date)}) must be on or after ${names.anchor} (${formatEpochDay(anchor)}).`);
  }
  const step = cycle === "annual" ? 12 : 1;
  const n = periodIndex(anchor, date, step);
  return { start: edate(anchor, n * step), end: edate(anchor, (n + 1) * step) - 1 };
}
