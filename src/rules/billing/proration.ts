/**
 * Seat and plan proration (billing-help: Billing FAQ and Manage Subscription).
 *
 * - Seats added mid-period are charged for the remainder of the period (the month on a monthly
 *   plan, the contract period on an annual one).
 * - A change to a higher plan is charged for the remainder of the paid period; a change to a
 *   lower plan leaves a credit balance for the remainder.
 *
 * Decision (docs/terms.md): proration counts whole days, the effective day included:
 *   share = (period_end - effective + 1) / (period_end - period_start + 1).
 * Other bases, as options:
 * - "30/360": days counted as Excel's DAYS360 counts them, the period ending at the start of the
 *   day after period_end: DAYS360(effective, end + 1) / DAYS360(start, end + 1) (Zuora's
 *   "Strict 30/360").
 * - "actual/360": actual days charged over the period's 30/360 length (a month is 30 days, a year
 *   360), capped at the whole amount (Zuora's "Actual/360"). A 365-day year is 360 days long on
 *   this basis, so a change on any of its days 2 to 6 (364 to 360 actual days left) charges the
 *   whole year.
 * - "months" (a Decision in docs/terms.md): billing months counted from period_start as EDATE counts them,
 *   [EDATE(start, k), EDATE(start, k+1) - 1]; each day weighs 1 / (days in its billing month), and
 *   the share is the weight from the effective day to period_end over the weight of the period.
 *   A whole month charged is 1/12 of a year whatever its length; within one billing month this is
 *   the actual basis.
 * An effective date equal to period_start charges the whole amount on every basis.
 */
import { Msg, numError } from "../core/errors";
import { days360 } from "../core/days360";
import { Money, type Money as MoneyT, toExcelNumber } from "../core/money";
import { formatEpochDay } from "../core/serial";
import { edate, periodIndex } from "./period";

export type ProrationBasis = "actual" | "30/360" | "actual/360" | "months";

export const PRORATION_BASES: ReadonlyArray<{ readonly names: readonly string[]; readonly value: ProrationBasis }> = [
  { names: ["actual", "actual days", "act/act", "1"], value: "actual" },
  { names: ["30/360", "days360", "strict 30/360", "0"], value: "30/360" },
  { names: ["actual/360", "act/360", "2"], value: "actual/360" },
  { names: ["months", "month-based", "month based", "by month"], value: "months" },
];

/** A period and the day a change takes effect, as epoch days. */
export interface ProrationPeriod {
  readonly periodStart: number;
  readonly periodEnd: number;
  readonly effective: number;
  readonly basis: ProrationBasis;
}

export interface ProrationShare {
  readonly basis: ProrationBasis;
  /** Days in the whole period on the basis (the denominator); actual days on the months basis. */
  readonly daysInPeriod: number;
  /** Days from the effective day to the period end on the basis (the numerator before any cap); actual days on the months basis. */
  readonly daysCharged: number;
  /**
   * The exact share of the period charged, shareNumerator / shareDenominator (whole numbers, in
   * lowest terms on the months basis), at most 1: 1/1 whenever the whole period is charged (from
   * its first day, or on actual/360 from a later day with at least its 30/360 length left).
   */
  readonly shareNumerator: number;
  readonly shareDenominator: number;
  /** On the months basis, the billing months behind the share. */
  readonly months?: MonthsCount;
}

/**
 * The months basis as an auditor checks it. Billing months are counted from period_start; the
 * period is `wholeMonths` whole billing months and `partDays` days of the next one, which has
 * `partMonthDays` days (partDays is 0 when the period ends on a billing month's last day). The
 * days charged are `firstDays` of the effective day's billing month (`firstMonthDays` long),
 * then `wholeMonthsCharged` whole months, then `lastDays` of the part month at the end:
 *
 *   share = (firstDays / firstMonthDays + wholeMonthsCharged + lastDays / partMonthDays)
 *         / (wholeMonths + partDays / partMonthDays)
 *
 * When the effective day falls in the part month at the end, that month's days charged are
 * `firstDays` and `lastDays` is 0.
 */
export interface MonthsCount {
  readonly wholeMonths: number;
  readonly partDays: number;
  readonly partMonthDays: number;
  readonly firstDays: number;
  readonly firstMonthDays: number;
  readonly wholeMonthsCharged: number;
  readonly lastDays: number;
}

/**
 * An amount as it arrives: a JS number from a cell (its exact decimal value is its shortest
 * text), or an exact decimal read from text.
 */
export type Amount = number | MoneyT;

/** Argument names, as Excel shows them, for messages. */
export interface PeriodArgNames {
  readonly start: string;
  readonly end: string;
  readonly effective: string;
}

const DEFAULT_NAMES: PeriodArgNames = { start: "period_start", end: "period_end", effective: "effective_date" };

/** Checks the period and returns the share of it charged. */
export function prorationShare(p: ProrationPeriod, names: PeriodArgNames = DEFAULT_NAMES): ProrationShare {
  const { periodStart, periodEnd, effective, basis } = p;
  if (periodEnd < periodStart) {
    throw numError(`${names.end} (${formatEpochDay(periodEnd)}) must be on or after ${names.start} (${formatEpochDay(periodStart)}).`);
  }
  if (effective < periodStart || effective > periodEnd) {
    throw numError(
      `${names.effective} (${formatEpochDay(effective)}) must fall within the period ${formatEpochDay(periodStart)} to ${formatEpochDay(periodEnd)}.`,
    );
  }
  if (basis === "months") return monthsShare(periodStart, periodEnd, effective);
  let daysInPeriod: number;
  let daysCharged: number;
  if (basis === "actual") {
    daysInPeriod = periodEnd - periodStart + 1;
    daysCharged = periodEnd - effective + 1;
  } else if (basis === "30/360") {
    daysInPeriod = days360(periodStart, periodEnd + 1);
    daysCharged = days360(effective, periodEnd + 1);
  } else {
    daysInPeriod = days360(periodStart, periodEnd + 1);
    daysCharged = periodEnd - effective + 1;
  }
  // Decision: from the period's first day the share is 1 on every basis, even where
  // the basis counts no days in the period (a one-day period on the 30th or 31st on 30/360).
  // Only a one-day period can have no days on a 30/360 length: DAYS360(start, end + 1) >= 1 for
  // every period of two days or more (test/rules/billing/proration.test.ts checks each start in
  // the 400-year Gregorian cycle), and a one-day period's only effective day is its first. So
  // the share below never divides by 0. A share of the whole period is 1/1, also where actual/360
  // counts as many days left as the period's 30/360 length, or more (then capped).
  const whole = effective === periodStart || daysCharged >= daysInPeriod;
  return {
    basis,
    daysInPeriod,
    daysCharged,
    shareNumerator: whole ? 1 : Math.max(daysCharged, 0),
    shareDenominator: whole ? 1 : daysInPeriod,
  };
}

const gcd = (a: number, b: number): number => {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
};

/**
 * The months basis: whole billing months are counted arithmetically (EDATE from period_start),
 * so a period of 9,999 years costs what a month costs. With the period's end partway through
 * billing month K (partDays of its partMonthDays) and the effective day in billing month j:
 *   period weight  = K + partDays / partMonthDays
 *   charged weight = firstDays / firstMonthDays + (K - j - 1) + partDays / partMonthDays  (j < K)
 *                  = (period_end - effective + 1) / partMonthDays                          (j = K)
 * Over the common denominator firstMonthDays x partMonthDays every term is a whole number below
 * 2^53 (K is at most 12 x 10,000, the month lengths at most 31).
 */
function monthsShare(periodStart: number, periodEnd: number, effective: number): ProrationShare {
  const wholeMonths = periodIndex(periodStart, periodEnd + 1);
  const partStart = edate(periodStart, wholeMonths);
  const partDays = periodEnd + 1 - partStart;
  const partMonthDays = edate(periodStart, wholeMonths + 1) - partStart;
  const j = periodIndex(periodStart, effective);
  const monthStart = edate(periodStart, j);
  const firstMonthDays = edate(periodStart, j + 1) - monthStart;
  const inPart = j === wholeMonths;
  const firstDays = inPart ? periodEnd + 1 - effective : monthStart + firstMonthDays - effective;
  const wholeMonthsCharged = inPart ? 0 : wholeMonths - j - 1;
  const lastDays = inPart ? 0 : partDays;
  const num = firstDays * partMonthDays + (wholeMonthsCharged * partMonthDays + lastDays) * firstMonthDays;
  const den = (wholeMonths * partMonthDays + partDays) * firstMonthDays;
  const g = gcd(num, den);
  return {
    basis: "months",
    daysInPeriod: periodEnd - periodStart + 1,
    daysCharged: periodEnd - effective + 1,
    shareNumerator: num / g,
    shareDenominator: den / g,
    months: { wholeMonths, partDays, partMonthDays, firstDays, firstMonthDays, wholeMonthsCharged, lastDays },
  };
}

/** amount x the share charged, as amount x days / period so only one division rounds. */
function applyShare(amount: MoneyT, s: ProrationShare): MoneyT {
  if (s.shareNumerator === s.shareDenominator) return amount;
  return amount.times(s.shareNumerator).div(s.shareDenominator);
}

const asMoney = (a: Amount): MoneyT => (typeof a === "number" ? new Money(a) : a);
const isNegative = (a: Amount) => (typeof a === "number" ? a < 0 : a.isNegative());

/** The prorated amount for the remainder of the period, effective day included. */
export function prorate(amount: MoneyT, p: ProrationPeriod, names?: PeriodArgNames): MoneyT {
  return applyShare(amount, prorationShare(p, names));
}

/** `prorate`, as the double nearest the exact result (what a cell receives). */
export function prorateToNumber(amount: Amount, p: ProrationPeriod, names?: PeriodArgNames): number {
  return toExcelNumber(prorate(asMoney(amount), p, names));
}

/**
 * The charge for `seats` added on `p.effective`: seats x seat_price x share. `seatPrice` is the
 * price of one seat for the whole period (a month on a monthly plan, the term on an annual one).
 */
export function seatCharge(seats: number, seatPrice: Amount, p: ProrationPeriod, names?: PeriodArgNames): MoneyT {
  checkSeats(seats, seatPrice);
  return applyShare(asMoney(seatPrice).times(seats), prorationShare(p, names));
}

/** `seatCharge`, as the double nearest the exact result. */
export function seatChargeToNumber(seats: number, seatPrice: Amount, p: ProrationPeriod, names?: PeriodArgNames): number {
  return toExcelNumber(seatCharge(seats, seatPrice, p, names));
}

function checkSeats(seats: number, seatPrice: Amount): void {
  if (seats < 0) throw numError(Msg.negative("seats", String(seats)));
  if (isNegative(seatPrice)) throw numError(Msg.negative("seat_price", asMoney(seatPrice).toString()));
}

/**
 * A plan change on `p.effective`: (new - old) x share. Positive is the upgrade charge for the
 * remainder of the paid period; negative is the credit balance a downgrade leaves.
 */
export function planChange(oldPrice: Amount, newPrice: Amount, p: ProrationPeriod, names?: PeriodArgNames): MoneyT {
  checkPrices(oldPrice, newPrice);
  return applyShare(asMoney(newPrice).minus(asMoney(oldPrice)), prorationShare(p, names));
}

/** `planChange`, as the double nearest the exact result. */
export function planChangeToNumber(oldPrice: Amount, newPrice: Amount, p: ProrationPeriod, names?: PeriodArgNames): number {
  return toExcelNumber(planChange(oldPrice, newPrice, p, names));
}

function checkPrices(oldPrice: Amount, newPrice: Amount): void {
  if (isNegative(oldPrice)) throw numError(Msg.negative("old_price", asMoney(oldPrice).toString()));
  if (isNegative(newPrice)) throw numError(Msg.negative("new_price", asMoney(newPrice).toString()));
}

/** A plan change as an invoice shows it (Stripe's proration lines), each line the double nearest its exact value. */
export interface PlanChangeWorking {
  readonly share: ProrationShare;
  /** Credit for the unused time on the old plan: -old_price x share (0 or negative). */
  readonly credit: number;
  /** Charge for the remaining time on the new plan: new_price x share. */
  readonly charge: number;
  /** (new_price - old_price) x share, computed exactly as PLANCHANGE computes it. */
  readonly net: number;
}

/**
 * The lines of a plan change. Each is exact before its one rounding to a double, so the net is
 * exactly PLANCHANGE's result, while credit + charge added in binary may differ from it in the
 * last binary digit (for 300 to 610 over 10/31 of a month they do not: -96.7741935483871 +
 * 196.7741935483871 is 100).
 */
export function planChangeWorking(oldPrice: Amount, newPrice: Amount, p: ProrationPeriod, names?: PeriodArgNames): PlanChangeWorking {
  checkPrices(oldPrice, newPrice);
  const share = prorationShare(p, names);
  const oldM = asMoney(oldPrice);
  const newM = asMoney(newPrice);
  return {
    share,
    credit: toExcelNumber(applyShare(oldM.neg(), share)),
    charge: toExcelNumber(applyShare(newM, share)),
    net: toExcelNumber(applyShare(newM.minus(oldM), share)),
  };
}
