/**
 * Exact money. Amounts are decimal.js values from the moment they enter the rules to the moment
 * an adapter hands Excel a number (`toExcelNumber`), so no binary rounding happens in between.
 *
 * `Money` is a private Decimal constructor (40 significant digits, banker's rounding only where
 * a division cannot be exact), so the global Decimal settings of any other code are untouched.
 */
import Decimal from "decimal.js";
import { cellValue, isBlank, numericText } from "./args";
import { describe, Msg, numError, valueError } from "./errors";

export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -40, toExpPos: 40 });
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
    d = new Money(v === 0 ? 0 : v);
  } else if (typeof v === "string" && numericText(v) !== undefined) {
    d = new Money(numericText(v) as string);
    if (!d.isFinite()) throw numError(Msg.notFinite(arg));
  } else {
    throw valueError(Msg.notNumber(arg, describe(v)));
  }
  if (opts.nonNegative && d.isNegative() && !d.isZero()) throw numError(Msg.negative(arg, d.toString()));
  return d;
}

/**
 * The JS number Excel receives: the double nearest the exact value. This is the only place a
 * money value becomes binary floating point. -0 becomes 0.
 */
export function toExcelNumber(d: Money): number {
  const n = d.toNumber();
  if (!Number.isFinite(n)) throw numError(`The result ${d.toString()} is too large for Excel.`);
  return n === 0 ? 0 : n;
}

/** Exact powers of ten, 10^0 to 10^15: the scales of the integer paths. */
export const POW10: readonly number[] = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The exact decimal value of a JS number as a scaled integer: x = int / 10^scale, where `x`'s
 * decimal value is its shortest round-trip text (as decimal.js reads numbers). Undefined when the
 * integer would not be exact (more than 15-16 significant digits, or exponent notation).
 */
export function scaledInteger(x: number): { int: number; scale: number } | undefined {
  if (Number.isInteger(x)) return Number.isSafeInteger(x) ? { int: x === 0 ? 0 : x, scale: 0 } : undefined;
  // Fast path for amounts with up to 8 decimals: the smallest k for which round(x * 10^k) / 10^k
  // gives back x exactly. That decimal parses to x (an exact integer over an exact power of ten,
  // divided once with correct rounding), and no shorter one does, so it is x's shortest text.
  for (let k = 1; k <= 8; k++) {
    const int = Math.round(x * POW10[k]);
    if (!Number.isSafeInteger(int)) break;
    if (int / POW10[k] === x) return { int, scale: k };
  }
  // The digits of x's text without its point. Every other text gives no safe integer: "NaN" and
  // "Infinity" have no point and read as NaN; a fraction in exponent notation ("1.5e-9") has a
  // negative exponent and a last digit other than 0, so its digits read without the point make
  // no integer.
  const s = String(x);
  const dot = s.indexOf(".");
  const int = Number(s.slice(0, dot) + s.slice(dot + 1));
  return Number.isSafeInteger(int) ? { int, scale: s.length - dot - 1 } : undefined;
}

/**
 * Exact x * mul / div for a decimal x = int / 10^scale and whole mul >= 0, div > 0, when every
 * intermediate is an exact integer below 2^53: then the one IEEE division at the end rounds the
 * exact quotient once, to the nearest double, which is what `toExcelNumber` would return for the
 * same value computed in decimal. Undefined when the integers would not be exact (use decimal).
 */
export function exactMulDiv(x: { int: number; scale: number }, mul: number, div: number): number | undefined {
  const num = x.int * mul;
  // Past 10^15 the power is undefined and den NaN, which is no safe integer.
  const den = div * POW10[x.scale];
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || den <= 0) return undefined;
  const q = num / den;
  return q === 0 ? 0 : q;
}

/** Exact b - a of two scaled integers, on their common scale; undefined when not exact. */
export function exactDifference(
  a: { int: number; scale: number },
  b: { int: number; scale: number },
): { int: number; scale: number } | undefined {
  const scale = Math.max(a.scale, b.scale);
  if (scale >= POW10.length) return undefined;
  const ai = a.int * POW10[scale - a.scale];
  const bi = b.int * POW10[scale - b.scale];
  const d = bi - ai;
  return Number.isSafeInteger(d) && Number.isSafeInteger(ai) && Number.isSafeInteger(bi) ? { int: d, scale } : undefined;
}

/**
 * An amount argument as the rules take it: a finite JS number as it is (its exact decimal value
 * is its shortest text; the rules use integer fast paths on it), or text read exactly as a
 * decimal. Same checks and messages as `toMoney`.
 */
export function toAmount(v: unknown, arg: string, opts: MoneyOptions = {}): number | Money {
  if (typeof v !== "number") return toMoney(v, arg, opts);
  if (Number.isNaN(v)) throw valueError(Msg.notNumber(arg, describe(NaN)));
  if (!Number.isFinite(v)) throw numError(Msg.notFinite(arg));
  if (opts.nonNegative && v < 0) throw numError(Msg.negative(arg, String(v)));
  return v === 0 ? 0 : v;
}

/** An exact decimal as a safe integer over a power of ten: int / 10^scale. */
export interface Scaled {
  readonly int: number;
  readonly scale: number;
}

/**
 * Decimal text ("0.999", "50") as a scaled integer, when it is exact: the text's value equals the
 * shortest decimal of the double it parses to, and that double has a safe scaled integer.
 * Undefined otherwise (the decimal path is used).
 */
export function scaledOfText(t: string): Scaled | undefined {
  const n = Number(t);
  if (!Number.isFinite(n) || !new Money(t).eq(new Money(n))) return undefined;
  return scaledInteger(n);
}

/** The sign of a - b for two scaled integers; undefined when they cannot be compared exactly as integers. */
export function compareScaled(a: Scaled, b: Scaled): number | undefined {
  const d = exactDifference(b, a);
  return d === undefined ? undefined : d.int > 0 ? 1 : d.int < 0 ? -1 : 0;
}
