/**
 * Monthly Uptime Percentage and service credits (sla: sections 2 and 6).
 *
 * - Monthly Uptime Percentage = (total minutes in the calendar month - Outage minutes) / total
 *   minutes in the month; a month has its days x 1440 minutes (one clock: no daylight-saving
 *   hour is added or lost).
 * - Service credit by band, as a share of the monthly fees (license based) or of the average
 *   monthly Commitment (conversation based), capped at 50%.
 *
 * Decision (docs/terms.md): the bands are contiguous and compared unrounded:
 * [99.9%, 100%] none, [99.0%, 99.9%) 10%, [97.0%, 99.0%) 25%, below 97.0% 50%.
 *
 * Exactness: the uptime is kept as the ratio (minutes - outage) / minutes of two exact decimals.
 * Its band is found by comparing the numerator with threshold x denominator (no division, no
 * rounding), and it becomes a JS number by one 40-digit division rounded once to the nearest
 * double, so 43.2 outage minutes in June (43,200 minutes) is exactly 0.999 and earns no credit. An uptime
 * given as a number is read as the exact decimal of its shortest text (0.999 is 0.999, not the
 * double just below it).
 */
import { Msg, numError } from "../core/errors";
import type { GivenRows } from "../rates/given";
import { Money, type Money as MoneyT, toExcelNumber } from "../core/money";
import { daysInMonth, epochDayFromYmd, ymdFromEpochDay } from "../core/serial";
import { SLA_CREDIT_BANDS } from "../rates/sla";
import { isCovered, type SlaService, ULTIMATE } from "./covered";

export const MINUTES_PER_DAY = 1440;

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** The calendar month an SLA is measured over. */
export interface SlaMonth {
  readonly year: number;
  readonly month: number;
  /** Epoch day of the 1st of the month. */
  readonly firstDay: number;
  /** Epoch day of the 1st of the next month (the month ends just before it). */
  readonly nextFirstDay: number;
  readonly days: number;
  /** days x 1440. */
  readonly minutes: number;
  /** "June 2025", for messages. */
  readonly label: string;
}

/** The calendar month containing an epoch day. */
export function slaMonth(epochDay: number): SlaMonth {
  const { year, month } = ymdFromEpochDay(epochDay);
  const days = daysInMonth(year, month);
  const firstDay = epochDayFromYmd(year, month, 1);
  return {
    year,
    month,
    firstDay,
    nextFirstDay: firstDay + days,
    days,
    minutes: days * MINUTES_PER_DAY,
    label: `${MONTH_NAMES[month - 1]} ${year}`,
  };
}

/** An exact ratio of two decimals (a non-negative numerator, a positive denominator). */
export interface Ratio {
  readonly numerator: MoneyT;
  readonly denominator: MoneyT;
}

/**
 * The JS number nearest a ratio: one 40-digit decimal division, rounded to the nearest double.
 * Both decimals have a few tens of digits at most (minutes in a month, an amount Excel passed), so
 * their quotient is either exact in 40 digits or lies farther from every midpoint between two
 * doubles than the 40th digit can move it: the rounding is the correct one.
 */
export function ratioToNumber(r: Ratio): number {
  return r.numerator.div(r.denominator).toNumber();
}

/** The Monthly Uptime Percentage of a month with `outage` Outage minutes, as an exact ratio. */
export function monthlyUptime(m: SlaMonth, outage: MoneyT, arg = "outage_minutes"): Ratio {
  if (outage.isNegative()) throw numError(Msg.negative(arg, outage.toString()));
  if (outage.gt(m.minutes)) {
    throw numError(Msg.atMost(arg, `the ${m.minutes} minutes in ${m.label}`, outage.toString()));
  }
  const total = new Money(m.minutes);
  return { numerator: total.minus(outage), denominator: total };
}

/** A credit band, read once from the rate card. */
export interface CreditBand {
  readonly band: string;
  readonly from: MoneyT | null;
  readonly below: MoneyT | null;
  readonly credit: MoneyT;
}

/** A table of credit bands as the rule reads it: the built-in card, or an Order's given as `rates`. */
export interface CreditBands {
  readonly bands: ReadonlyArray<CreditBand>;
  /** The cap on a credit: the credit of the table's highest band (Kustomer_SlaCreditCap, 50%, on the card). */
  readonly cap: MoneyT;
}

function creditBands(
  rows: ReadonlyArray<{
    readonly band: string;
    readonly fromUptime: string | null;
    readonly belowUptime: string | null;
    readonly credit: string;
  }>,
): CreditBands {
  const bands = Object.freeze(
    rows.map((r) =>
      Object.freeze({
        band: r.band,
        from: r.fromUptime === null ? null : new Money(r.fromUptime),
        below: r.belowUptime === null ? null : new Money(r.belowUptime),
        credit: new Money(r.credit),
      }),
    ),
  );
  const cap = bands.reduce((max, b) => (b.credit.gt(max) ? b.credit : max), bands[0].credit);
  return Object.freeze({ bands, cap });
}

/** The built-in card, compiled once. */
export const BUILT_IN_CREDIT_BANDS: CreditBands = creditBands(SLA_CREDIT_BANDS.rows);

export const CREDIT_BANDS: ReadonlyArray<CreditBand> = BUILT_IN_CREDIT_BANDS.bands;

/** The cap on a service credit: the credit of the lowest band (Kustomer_SlaCreditCap, 50%). */
export const CREDIT_CAP: MoneyT = BUILT_IN_CREDIT_BANDS.cap;

// The validator has checked that the bands cover 0% to 100% without a gap or an overlap.
export const compileCreditBands = (g: GivenRows): CreditBands => creditBands(g.rows as Parameters<typeof creditBands>[0]);

/**
 * The band of an uptime ratio: from <= n/d < below, compared as n >= from x d and n < below x d.
 * The bands cover 0 to 1 without a gap or an overlap (the card, and every Order table the validator
 * passed), and monthlyUptime and uptimeFraction refuse an uptime outside 0 to 1: one band holds it.
 */
export function creditBandOf(u: Ratio, table: CreditBands = BUILT_IN_CREDIT_BANDS): CreditBand {
  const holds = (b: CreditBand) =>
    (b.from === null || !u.numerator.lt(b.from.times(u.denominator))) && (b.below === null || u.numerator.lt(b.below.times(u.denominator)));
  return table.bands.find(holds) as CreditBand;
}

const FRACTION_HINT = "1 (a fraction: 99.5% is written 0.995)";

/** An uptime given as a fraction, checked to be within 0..1, as a ratio over 1. */
export function uptimeFraction(uptime: MoneyT, arg = "uptime"): Ratio {
  if (uptime.isNegative()) throw numError(Msg.between(arg, "0", FRACTION_HINT, uptime.toString()));
  if (uptime.gt(1)) throw numError(Msg.between(arg, "0", FRACTION_HINT, uptime.toString()));
  return { numerator: uptime, denominator: new Money(1) };
}

/** The service credit percentage (0, 0.1, 0.25 or 0.5 on the card) for an uptime fraction. */
export function slaCreditPct(uptime: MoneyT, arg = "uptime", table: CreditBands = BUILT_IN_CREDIT_BANDS): MoneyT {
  return creditBandOf(uptimeFraction(uptime, arg), table).credit;
}

/** Checks a fee or Commitment: not negative. */
function checkFee(fee: MoneyT, arg: string): void {
  if (fee.isNegative()) throw numError(Msg.negative(arg, fee.toString()));
}

/** The credit amount: the band's percentage x the monthly fee, never above the 50% cap. */
export function creditAmount(pct: MoneyT, monthlyFee: MoneyT, feeArg = "monthly_fee", cap: MoneyT = CREDIT_CAP): MoneyT {
  checkFee(monthlyFee, feeArg);
  return monthlyFee.times(pct.gt(cap) ? cap : pct);
}

/** SLACREDIT: the credit for an uptime fraction and a monthly fee (or average monthly Commitment). */
export function slaCredit(
  uptime: MoneyT,
  monthlyFee: MoneyT,
  args = { uptime: "uptime", fee: "monthly_fee" },
  table: CreditBands = BUILT_IN_CREDIT_BANDS,
): MoneyT {
  const pct = slaCreditPct(uptime, args.uptime, table);
  return creditAmount(pct, monthlyFee, args.fee, table.cap);
}

/** Everything SLAWORKING shows for a month. */
export interface SlaWorking {
  readonly month: SlaMonth;
  readonly outageMinutes: MoneyT;
  readonly uptime: Ratio;
  readonly band: CreditBand;
  /** The band's credit for a Covered Service; 0 for another plan. */
  readonly creditPct: MoneyT;
  /** Only when a monthly fee was given: money (license based) or conversations (conversation based). */
  readonly creditAmount?: MoneyT;
  readonly service: SlaService;
}

export function slaWorking(
  m: SlaMonth,
  outage: MoneyT,
  monthlyFee?: MoneyT,
  table: CreditBands = BUILT_IN_CREDIT_BANDS,
  service: SlaService = ULTIMATE,
): SlaWorking {
  const uptime = monthlyUptime(m, outage);
  const band = creditBandOf(uptime, table);
  // A plan that is not a Covered Service earns nothing; its fee is still checked.
  const pct = isCovered(service) ? band.credit : new Money(0);
  const credit = monthlyFee === undefined ? undefined : creditAmount(pct, monthlyFee, "monthly_fee", table.cap);
  return {
    month: m,
    outageMinutes: outage,
    uptime,
    band,
    creditPct: pct,
    ...(credit === undefined ? {} : { creditAmount: credit }),
    service,
  };
}

/** An amount as the adapters pass it: a finite number (its exact decimal is its shortest text), or an exact decimal. */
export type Amount = number | MoneyT;

const money = (a: Amount): MoneyT => (typeof a === "number" ? new Money(a) : a);

/** SLACREDITPCT as the double nearest the exact value. */
export function slaCreditPctToNumber(uptime: Amount, arg = "uptime", table: CreditBands = BUILT_IN_CREDIT_BANDS): number {
  return toExcelNumber(slaCreditPct(money(uptime), arg, table));
}

/** SLACREDIT as the double nearest the exact value. */
export function slaCreditToNumber(
  uptime: Amount,
  monthlyFee: Amount,
  args = { uptime: "uptime", fee: "monthly_fee" },
  table: CreditBands = BUILT_IN_CREDIT_BANDS,
): number {
  return toExcelNumber(slaCredit(money(uptime), money(monthlyFee), args, table));
}
