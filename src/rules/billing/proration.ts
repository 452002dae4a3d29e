/**
 * Seat and plan proration (billing-help: Billing FAQ and Manage Subscription).
 *
 * - Seats added mid-period are charged for the remainder of the period (the month on a monthly
 *   plan, the contract period on an annual one).
 * - A change to a higher plan is charged for the remainder of the paid period; a change to a
 *   lower plan leaves a credit balance for the remainder.
 *
 * Decision (domain.md): proration counts whole days, the effective day included:
 *   share = (period_end - effective + 1) / (period_end - period_start + 1).
 * Other bases, as options:
 * - "30/360": days counted as Excel's DAYS360 counts them, the period ending at the start of the
 *   day after period_end: DAYS360(effective, end + 1) / DAYS360(start, end + 1) (Zuora's
 *   "Strict 30/360").
 * - "actual/360": actual days charged over the period's 30/360 length (a month is 30 days, a year
 *   360), capped at the whole amount (Zuora's "Actual/360").
 * An effective date equal to period_start charges the whole amount on every basis.
 */
import { Msg, numError } from "../core/errors";
import { days360 } from "../core/days360";
import { Money, type Money as MoneyT } from "../core/money";
import { formatEpochDay } from "../core/serial";

export type ProrationBasis = "actual" | "30/360" | "actual/360";

export const PRORATION_BASES: ReadonlyArray<{ readonly names: readonly string[]; readonly value: ProrationBasis }> = [
  { names: ["actual", "actual days", "act/act", "1"], value: "actual" },
  { names: ["30/360", "days360", "strict 30/360", "0"], value: "30/360" },
  { names: ["actual/360", "act/360", "2"], value: "actual/360" },
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
  /** Days in the whole period on the basis (the denominator). */
  readonly daysInPeriod: number;
  /** Days from the effective day to the period end on the basis (the numerator before any cap). */
  readonly daysCharged: number;
  /** The exact share of the period charged: daysCharged / daysInPeriod, at most 1. */
  readonly share: MoneyT;
}

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
  if (daysInPeriod <= 0) {
    throw numError(
      `The period ${formatEpochDay(periodStart)} to ${formatEpochDay(periodEnd)} has no days on the ${basis} basis; use the actual basis.`,
    );
  }
  let share: MoneyT;
  if (effective === periodStart || daysCharged >= daysInPeriod) share = new Money(1);
  else share = new Money(Math.max(daysCharged, 0)).div(daysInPeriod);
  return { basis, daysInPeriod, daysCharged, share };
}

/** amount x the share charged, computed as amount x days / period so only one division rounds. */
function applyShare(amount: MoneyT, s: ProrationShare): MoneyT {
  if (s.share.eq(1)) return amount;
  return amount.times(Math.max(s.daysCharged, 0)).div(s.daysInPeriod);
}

/** The prorated amount for the remainder of the period, effective day included. */
export function prorate(amount: MoneyT, p: ProrationPeriod, names?: PeriodArgNames): MoneyT {
  return applyShare(amount, prorationShare(p, names));
}

/**
 * The charge for `seats` added on `p.effective`: seats x seat_price x share. `seatPrice` is the
 * price of one seat for the whole period (a month on a monthly plan, the term on an annual one).
 */
export function seatCharge(seats: number, seatPrice: MoneyT, p: ProrationPeriod, names?: PeriodArgNames): MoneyT {
  if (seats < 0) throw numError(Msg.negative("seats", String(seats)));
  if (seatPrice.isNegative() && !seatPrice.isZero()) throw numError(Msg.negative("seat_price", seatPrice.toString()));
  return applyShare(seatPrice.times(seats), prorationShare(p, names));
}

/**
 * A plan change on `p.effective`: (new - old) x share. Positive is the upgrade charge for the
 * remainder of the paid period; negative is the credit balance a downgrade leaves.
 */
export function planChange(oldPrice: MoneyT, newPrice: MoneyT, p: ProrationPeriod, names?: PeriodArgNames): MoneyT {
  if (oldPrice.isNegative() && !oldPrice.isZero()) throw numError(Msg.negative("old_price", oldPrice.toString()));
  if (newPrice.isNegative() && !newPrice.isZero()) throw numError(Msg.negative("new_price", newPrice.toString()));
  return applyShare(newPrice.minus(oldPrice), prorationShare(p, names));
}
