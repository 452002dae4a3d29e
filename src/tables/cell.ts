/**
 * One cell of a table read from outside, checked against its column's format: text, or a rate
 * with its units (MB and TB to GB, % to a fraction, "$", thousands commas), n/a only where the
 * card allows it, never negative, never more digits than Excel holds. Any value longer than a
 * cell of its kind can be is refused first, before it is trimmed or matched.
 */
import { quote } from "../rules/core/errors";
import { Money } from "../rules/core/money";
import { type ColumnFormat, type DecimalText, NA_TEXT, UNITS } from "../rules/rates/documents";
import { MAX_NUMBER_TEXT, MAX_SIGNIFICANT_DIGITS, MAX_TEXT } from "./limits";
import type { Raw } from "./records";

export type CellResult = { value: DecimalText | string | null } | { problem: string };

const EXPECTED: Record<Exclude<ColumnFormat, "text">, string> = {
  usd: "an amount in US dollars, such as 50 or $50.00",
  usd4: "an amount in US dollars, such as 0.0005 or $0.0005",
  percent: "a percentage such as 10% (or the fraction 0.1)",
  gb: "a size in GB, such as 2.5 or 2.5 GB (MB and TB are converted at 1 GB = 1000 MB)",
  kb: "a size in KB, such as 0.5 or 0.5 KB (1 KB = 1000 bytes)",
  days: "a whole number of days, such as 30",
  weeks: "a whole number of weeks, such as 8",
  hours: "a number of hours, such as 16",
  count: "a whole number, such as 50000",
};

const WHOLE: ReadonlySet<ColumnFormat> = new Set<ColumnFormat>(["days", "weeks", "count"]);

// sign, $, number (with thousands commas or plain), unit. Each run of spaces is bounded on both
// sides by a different class, so nothing backtracks; and the text is at most MAX_NUMBER_TEXT long.
const NUMBER_TEXT = /^([+-])?\s*(?:(US\s*\$|\$)\s*)?(\d[\d,]*(?:\.\d*)?|\.\d+)\s*([A-Za-z%]*)$/;

/** A raw value for a message: text quoted (at most a short slice of it), anything else as itself. */
export function describeRaw(v: Raw): string {
  return typeof v === "string" ? quote(v) : String(v);
}

/** The significant digits of a plain decimal (digits, at most one point): from the first non-zero digit to the last. */
export function significantDigits(digits: string): number {
  const isSignificant = (i: number) => digits.charCodeAt(i) >= 49 && digits.charCodeAt(i) <= 57; // 1-9
  let first = 0;
  while (first < digits.length && !isSignificant(first)) first++;
  if (first === digits.length) return 0;
  let last = digits.length - 1;
  while (!isSignificant(last)) last--;
  const point = digits.indexOf(".", first);
  return last - first + 1 - (point >= 0 && point < last ? 1 : 0);
}

/**
 * One value of an Order file, checked against its column's format. Any value longer than a cell
 * of its kind can be is refused first, before it is trimmed or matched.
 */
export function readCell(v: Raw, format: ColumnFormat, nullable: boolean): CellResult {
  if (typeof v === "boolean") return { problem: `expected ${format === "text" ? "text" : EXPECTED[format]}; got ${v ? "TRUE" : "FALSE"}.` };
  if (typeof v === "string" && v.length > MAX_TEXT) {
    return { problem: `is longer than ${MAX_TEXT} characters: ${describeRaw(v)}.` };
  }
  const text = typeof v === "string" ? v.trim() : v;
  if (text === null || text === "") {
    if (format === "text") return { problem: "is empty; expected text." };
    return { problem: `is empty; expected ${EXPECTED[format]}${nullable ? `, or ${NA_TEXT} where the rate does not apply` : ""}.` };
  }
  if (typeof text === "string" && text.includes("\uFFFD")) {
    return { problem: `${describeRaw(text)} holds U+FFFD, the mark of a character that could not be read; save the file as UTF-8.` };
  }
  if (format === "text") {
    const s = String(text);
    // Excel reads a value written as =..., +..., -... as a formula (and CSV injection uses @ too).
    if (/^[=+\-@]/.test(s)) return { problem: `${describeRaw(s)} starts with "${s[0]}", which Excel would read as a formula; write text.` };
    return { value: s };
  }
  if (typeof text === "string" && text.toLowerCase() === NA_TEXT) {
    if (nullable) return { value: null };
    return { problem: `${NA_TEXT} is not accepted here: every rate in this column applies; expected ${EXPECTED[format]}.` };
  }
  let amount: Money;
  if (typeof text === "number") {
    if (!Number.isFinite(text)) return { problem: `expected ${EXPECTED[format]}; got ${text}.` };
    amount = new Money(text);
  } else {
    if (text.length > MAX_NUMBER_TEXT) {
      return { problem: `expected ${EXPECTED[format]}; got ${describeRaw(text)}.` };
    }
    const m = NUMBER_TEXT.exec(text);
    if (!m) return { problem: `expected ${EXPECTED[format]}; got ${describeRaw(text)}.` };
    const [, sign, dollar, digits, unitText] = m;
    if (digits.includes(",") && !/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(digits)) {
      return { problem: `${describeRaw(text)}: use a decimal point and commas only between thousands (0.5, 1,250.5).` };
    }
    const plain = digits.replace(/,/g, "");
    if (significantDigits(plain) > MAX_SIGNIFICANT_DIGITS) {
      return {
        problem: `${describeRaw(text)} has more than ${MAX_SIGNIFICANT_DIGITS} significant digits, which Excel cannot hold exactly.`,
      };
    }
    const unit = unitText.toLowerCase();
    const factor = UNITS[format].get(unit);
    const isMoney = format === "usd" || format === "usd4";
    if ((dollar && !isMoney) || factor === undefined) return { problem: `expected ${EXPECTED[format]}; got ${describeRaw(text)}.` };
    amount = new Money(plain).times(factor);
    if (sign === "-") amount = amount.negated();
  }
  if (amount.isNegative()) return { problem: `${describeRaw(v)} is negative; rates cannot be negative.` };
  if (WHOLE.has(format) && !amount.isInteger()) return { problem: `expected ${EXPECTED[format]}; got ${describeRaw(v)}.` };
  if (format === "percent" && amount.greaterThan(1)) {
    return { problem: `${describeRaw(v)} is above 100%; write a percentage such as 10% (or the fraction 0.1).` };
  }
  if (amount.greaterThanOrEqualTo("1e15")) return { problem: `${describeRaw(v)} is too large for a rate.` };
  if (!amount.isZero() && amount.toNumber() === 0) return { problem: `${describeRaw(v)} is too small for Excel to hold.` };
  return { value: amount.toString() };
}
