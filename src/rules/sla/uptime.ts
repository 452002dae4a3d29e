/**
 * Monthly Uptime Percentage and service credits (sla: sections 2 and 6).
 *
 * - Monthly Uptime Percentage = (total minutes in the calendar month - Outage minutes) / total
 *   minutes in the month; a month has its days x 1440 minutes (one clock: no daylight-saving
 *   hour is added or lost).
 * - Service credit by band, as a share of the monthly fees (license based) or of the average
 *   monthly Commitment (conversation based), capped at 50%.
 *
 * Decision (domain.md): the bands are contiguous and compared unrounded:
 * [99.9%, 100%] none, [99.0%, 99.9%) 10%, [97.0%, 99.0%) 25%, below 97.0% 50%.
 *
 * Exactness: the uptime is kept as the ratio (minutes - outage) / minutes of two exact decimals.
 * Its band is found by comparing the numerator with threshold x denominator (no division, no
 * rounding), and it becomes a JS number by one correctly-rounded division of two integers, so
 * 43.2 outage minutes in June (43,200 minutes) is exactly 0.999 and earns no credit. An uptime
 * given as a number is read as the exact decimal of its shortest text (0.999 is 0.999, not the
 * double just below it).
 */
import { Msg, numError } from "../core/errors";
import type { GivenRows } from "../rates/given";
import {
  compareScaled,
  exactMulDiv,
  Money,
  type Money as MoneyT,
  type Scaled,
  scaledInteger,
  scaledOfText,
  toExcelNumber,
  POW10,
} from "../core/money";
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
 * The JS number nearest a ratio. Both decimals are scaled to integers; when both are safe
 * integers one IEEE division gives the correctly rounded result (as `a / b` does), otherwise
 * a 40-digit decimal division is used.
 */
export function ratioToNumber(r: Ratio): number {
  const scale = Math.max(r.numerator.decimalPlaces(), r.denominator.decimalPlaces());
  const n = r.numerator.times(new Money(10).pow(scale));
  const d = r.denominator.times(new Money(10).pow(scale));
  const max = Number.MAX_SAFE_INTEGER;
  // Stryker disable next-line ConditionalExpression: false takes the 40-digit division for safe integers too, which rounds to the same double (a quotient of integers below 2^53 is never a midpoint between doubles, and is at a relative 2^-107 or more from one, far beyond 40 digits)
  const q = n.abs().lte(max) && d.abs().lte(max) ? n.toNumber() / d.toNumber() : n.div(d).toNumber();
  // Stryker disable next-line ConditionalExpression: q is never -0, as no numerator is negative zero (monthlyUptime subtracts to +0; uptimeFraction turns -0 into 0)
  return q === 0 ? 0 : q;
}

/** The Monthly Uptime Percentage of a month with `outage` Outage minutes, as an exact ratio. */
export function monthlyUptime(m: SlaMonth, outage: MoneyT, arg = "outage_minutes"): Ratio {
  if (outage.isNegative() && !outage.isZero()) throw numError(Msg.negative(arg, outage.toString()));
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
  /** The same bands as scaled integers (credits capped), for the exact integer path; null when a value has no safe one. */
  readonly scaled: ReadonlyArray<{ readonly from: Scaled | null; readonly below: Scaled | null; readonly credit: Scaled }> | null;
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
  const cap = bands.reduce((m, b) => (b.credit.gt(m) ? b.credit : m), new Money(0));
  const scaledOf = (d: MoneyT) => scaledOfText(d.toString());
  const scaled = bands.map((b) => ({
    from: b.from === null ? null : scaledOf(b.from),
    below: b.below === null ? null : scaledOf(b.below),
    credit: scaledOf(b.credit.gt(cap) ? cap : b.credit),
  }));
  // Stryker disable next-line ArrowFunction,BlockStatement: an always-false (or undefined) test only sends every uptime to the decimal path, which finds the same band
  const exact = scaled.every((b, i) => {
    // An edge shared by two contiguous bands (the validator allows no gap) is the upper edge of
    // one and the lower edge of the other: without a safe integer it fails both tests below.
    // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: the same edge fails the other band's below test, so exact stays false; a false here only sends uptimes to the decimal path
    const fromExact = bands[i].from === null || b.from;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: the same edge fails the other band's from test, so exact stays false; a false here only sends uptimes to the decimal path
    const belowExact = bands[i].below === null || b.below;
    // Stryker disable next-line ConditionalExpression: false only sends every uptime to the decimal path, which finds the same band
    return fromExact && belowExact && b.credit;
  });
  return Object.freeze({
    bands,
    cap,
    scaled: exact ? (scaled as { from: Scaled | null; below: Scaled | null; credit: Scaled }[]) : null,
  });
}

/** The built-in card, compiled once. */
export const BUILT_IN_CREDIT_BANDS: CreditBands = creditBands(SLA_CREDIT_BANDS.rows);

export const CREDIT_BANDS: ReadonlyArray<CreditBand> = BUILT_IN_CREDIT_BANDS.bands;

/** The cap on a service credit: the credit of the lowest band (Kustomer_SlaCreditCap, 50%). */
export const CREDIT_CAP: MoneyT = BUILT_IN_CREDIT_BANDS.cap;

// The validator has checked that the bands cover 0% to 100% without a gap or an overlap.
export const compileCreditBands = (g: GivenRows): CreditBands => creditBands(g.rows as Parameters<typeof creditBands>[0]);

/** The band of an uptime ratio: from <= n/d < below, compared as n >= from x d and n < below x d. */
export function creditBandOf(u: Ratio, table: CreditBands = BUILT_IN_CREDIT_BANDS): CreditBand {
  for (const b of table.bands) {
    if (b.from !== null && u.numerator.lt(b.from.times(u.denominator))) continue;
    if (b.below !== null && !u.numerator.lt(b.below.times(u.denominator))) continue;
    return b;
  }
  // The bands cover 0..1 without a gap; an uptime outside them was refused before.
  // Stryker disable next-line StringLiteral: unreachable: the card and every validated Order table cover 0 to 1, and monthlyUptime and uptimeFraction refuse uptimes outside it
  throw numError(`No service-credit band covers an uptime of ${u.numerator.div(u.denominator).toString()}.`);
}

const FRACTION_HINT = "1 (a fraction: 99.5% is written 0.995)";

/** An uptime given as a fraction, checked to be within 0..1, as a ratio over 1. */
export function uptimeFraction(uptime: MoneyT, arg = "uptime"): Ratio {
  if (uptime.isNegative() && !uptime.isZero()) throw numError(Msg.between(arg, "0", FRACTION_HINT, uptime.toString()));
  if (uptime.gt(1)) throw numError(Msg.between(arg, "0", FRACTION_HINT, uptime.toString()));
  return { numerator: uptime.isZero() ? new Money(0) : uptime, denominator: new Money(1) };
}

/** The service credit percentage (0, 0.1, 0.25 or 0.5 on the card) for an uptime fraction. */
export function slaCreditPct(uptime: MoneyT, arg = "uptime", table: CreditBands = BUILT_IN_CREDIT_BANDS): MoneyT {
  return creditBandOf(uptimeFraction(uptime, arg), table).credit;
}

/** Checks a fee or Commitment: not negative. */
function checkFee(fee: MoneyT, arg: string): void {
  if (fee.isNegative() && !fee.isZero()) throw numError(Msg.negative(arg, fee.toString()));
}

/** The credit amount: the band's percentage x the monthly fee, never above the 50% cap. */
export function creditAmount(pct: MoneyT, monthlyFee: MoneyT, feeArg = "monthly_fee", cap: MoneyT = CREDIT_CAP): MoneyT {
  checkFee(monthlyFee, feeArg);
  const capped = pct.gt(cap) ? cap : pct;
  return monthlyFee.times(capped);
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

/**
 * The credit band's scaled credit for an uptime number from 0 to 1, found by exact integer
 * comparisons; undefined when the integer path cannot decide (the decimal path decides).
 */
function scaledCredit(uptime: number, table: CreditBands): Scaled | undefined {
  const bands = table.scaled;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: an uptime of 0 or 1, or any, sent to the decimal path gets the same credit there
  if (bands === null || !(uptime >= 0 && uptime <= 1)) return undefined;
  const u = scaledInteger(uptime);
  if (u === undefined) return undefined;
  // Stryker disable next-line BlockStatement: no band found by integers sends the uptime to the decimal path, which finds the same band
  for (const b of bands) {
    if (b.from !== null) {
      const c = compareScaled(u, b.from);
      if (c === undefined) return undefined;
      // Stryker disable next-line ConditionalExpression: skipping every band with a lower edge leaves the lowest band (no lower edge), right below its upper edge; other uptimes go to the decimal path
      // Stryker disable next-line EqualityOperator: an uptime on a band's lower edge then matches no band and goes to the decimal path, which finds that band
      if (c < 0) continue;
    }
    if (b.below !== null) {
      const c = compareScaled(u, b.below);
      if (c === undefined) return undefined;
      // Stryker disable next-line ConditionalExpression: skipping every band with an upper edge leaves the top band (no upper edge), right from its lower edge; other uptimes go to the decimal path
      if (c >= 0) continue;
    }
    return b.credit;
  }
  return undefined;
}

/** SLACREDITPCT as the double nearest the exact value: integer comparisons for a number, else the decimal path. */
export function slaCreditPctToNumber(uptime: Amount, arg = "uptime", table: CreditBands = BUILT_IN_CREDIT_BANDS): number {
  if (typeof uptime === "number") {
    const credit = scaledCredit(uptime, table);
    if (credit !== undefined && credit.scale < POW10.length) return credit.int / POW10[credit.scale];
    uptime = new Money(uptime);
  }
  return toExcelNumber(slaCreditPct(uptime, arg, table));
}

/**
 * SLACREDIT as the double nearest the exact value. For numbers whose decimals are safe integers
 * over a power of ten, the band is found by integer comparisons and the credit is fee x credit by
 * one correctly rounded division; otherwise, and for every error, the decimal path of {@link slaCredit}.
 */
export function slaCreditToNumber(
  uptime: Amount,
  monthlyFee: Amount,
  args = { uptime: "uptime", fee: "monthly_fee" },
  table: CreditBands = BUILT_IN_CREDIT_BANDS,
): number {
  // Stryker disable next-line EqualityOperator: with > 0, a fee of 0 takes the decimal path, which gives the same 0
  // Stryker disable next-line BlockStatement: without the integer fast path the decimal path below gives the same double
  if (typeof uptime === "number" && typeof monthlyFee === "number" && monthlyFee >= 0) {
    const credit = scaledCredit(uptime, table);
    const fee = credit && scaledInteger(monthlyFee);
    // fee x credit = fee.int x credit.int / 10^(fee.scale + credit.scale).
    // Stryker disable next-line ConditionalExpression,EqualityOperator: at a scale of 16 or more POW10[scale] is undefined, so exactMulDiv gives undefined and the decimal path decides, as it does when the guard skips the fast path
    const q = fee && credit.scale < POW10.length ? exactMulDiv(fee, credit.int, POW10[credit.scale]) : undefined;
    if (q !== undefined) return q;
  }
  const money = (a: Amount) => (typeof a === "number" ? new Money(a) : a);
  return toExcelNumber(slaCredit(money(uptime), money(monthlyFee), args, table));
}
