/**
 * Exact money. Amounts are decimal values (decimal.js-light) from the moment they enter the rules
 * to the moment an adapter hands Excel a number (`toExcelNumber`), so no binary rounding happens
 * in between.
 *
 * `Money` is a private Decimal constructor, so the global Decimal settings of any other code are
 * untouched. Sums and products are exact while they need at most 40 significant digits (an
 * amount read from a cell has at most 17, a count of days at most 7). A division that cannot be
 * exact (a share of days, an allowance split between organizations) is cut at 40 significant
 * digits, 23 more than a double holds: the cut can move the double Excel receives only where the exact quotient lies
 * within one part in 10^39 of halfway between two doubles. An amount in cents times n over d days
 * never does: its quotient is a fraction over 100 x d, at least 1 / (100 x d x 2^54) of itself
 * away from any such halfway point (below 2^53; above it, 1 / (100 x d) away, which is more than
 * the cut up to 10^30 / d). Decimal values have no NaN, no infinity and no negative zero.
 */
import Decimal from "decimal.js-light";
import { cellValue, isBlank, numericText } from "./args";
import { describe, Msg, numError, valueError } from "./errors";

export const Money = Decimal.clone({ precision: 40, toExpNeg: -40, toExpPos: 40 });
export type Money = Decimal;

export const ZERO: Money = new Money(0);

export interface MoneyOptions {
  /** Used when the argument is blank; without it a blank argument is #VALUE!. */
  readonly default?: Money;
  /** Refuse negative values with #NUM!. */
  readonly nonNegative?: boolean;
  readonly expected?: string;
}

/**
 * An exact decimal from an Excel number (its shortest round-trip text: 0.1 is exactly 0.1) or
 * from numeric text (read digit for digit, so "0.0005" is exact whatever a double would hold).
 */
export function toMoney(value: unknown, arg: string, opts: MoneyOptions = {}): Money {
  const v = cellValue(value, arg);
  let d: Money;
  if (isBlank(v)) {
    if (opts.default !== undefined) return opts.default;
    throw valueError(Msg.required(arg, opts.expected ?? "an amount"));
  } else if (typeof v === "number") {
    if (Number.isNaN(v)) throw valueError(Msg.notNumber(arg, describe(NaN)));
    if (!Number.isFinite(v)) throw numError(Msg.notFinite(arg));
    d = new Money(v);
  } else if (typeof v === "string" && numericText(v) !== undefined) {
    const text = numericText(v) as string;
    // Text is read digit for digit, within what a cell holds: past the largest double it is
    // #NUM! (as an infinite number is), below the smallest it is 0 (as Excel reads "1e-400").
    const n = Number(text);
    if (!Number.isFinite(n)) throw numError(Msg.notFinite(arg));
    d = n === 0 ? ZERO : new Money(text);
  } else {
    throw valueError(Msg.notNumber(arg, describe(v)));
  }
  if (opts.nonNegative && d.isNegative()) throw numError(Msg.negative(arg, d.toString()));
  return d;
}

/**
 * The JS number Excel receives: the double nearest the exact value. This is the only place a
 * money value becomes binary floating point (never -0: a decimal zero has no sign).
 */
export function toExcelNumber(d: Money): number {
  const n = d.toNumber();
  if (!Number.isFinite(n)) throw numError(`The result ${d.toString()} is too large for Excel.`);
  return n;
}

/**
 * An amount argument as the rules take it: a finite JS number as it is (its exact decimal value
 * is its shortest text, as decimal.js-light reads it), or text read exactly as a decimal. Same
 * checks and messages as `toMoney`.
 */
export function toAmount(v: unknown, arg: string, opts: MoneyOptions = {}): number | Money {
  if (typeof v !== "number") return toMoney(v, arg, opts);
  if (Number.isNaN(v)) throw valueError(Msg.notNumber(arg, describe(NaN)));
  if (!Number.isFinite(v)) throw numError(Msg.notFinite(arg));
  if (opts.nonNegative && v < 0) throw numError(Msg.negative(arg, String(v)));
  return v === 0 ? 0 : v;
}
