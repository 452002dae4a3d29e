/**
 * The help page's values, as Excel types and shows them (pure: no DOM; unit-tested in
 * test/help/format.test.ts).
 *  - What a typed cell holds: a number, TRUE/FALSE, text, or blank (null).
 *  - Date serials (1900 date system, as the functions return them) <-> ISO text, in UTC so the
 *    host's time zone never matters.
 *  - A result: a date with its serial beside, money to the cent, a percentage, a number in
 *    General format (15 significant digits, scientific where Excel uses it), with the exact value
 *    kept when the text rounds it; each row of a working spill in its own format.
 *  - The formula a user would type for an example's current arguments.
 */

const DAY_MS = 86_400_000;
/** Serial 0 in the 1900 system, for serials from 61 (1 Mar 1900) on: 30 Dec 1899. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
/** The last serial Excel shows as a date: 31 Dec 9999. */
export const MAX_SERIAL = 2958465;

/** What Excel stores when a cell is typed: a number, a boolean, text, or blank. */
export function parseCell(text: string): string | number | boolean | null {
  const t = text.trim();
  if (t === "") return null;
  if (/^true$/i.test(t)) return true;
  if (/^false$/i.test(t)) return false;
  const n = t.replace(/,/g, "");
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(n)) return Number(n);
  if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(n)) return Number(n.slice(0, -1)) / 100;
  return text;
}

/** The text to put back in a field for a cell value. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** Whether `v` is a number Excel could show as a date (1 Jan 1900 to 31 Dec 9999). */
export function isSerial(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v) && v >= 1 && v < MAX_SERIAL + 1;
}

/** The UTC time of a serial (Excel's fictitious 29 Feb 1900, serial 60, has none: 1 Mar). */
function serialToMs(serial: number): number {
  const whole = Math.floor(serial);
  const days = whole <= 60 ? whole + 1 : whole; // up to the fictitious 29 Feb 1900, one day more from 30 Dec 1899
  return EPOCH_1900 + days * DAY_MS + Math.round((serial - whole) * DAY_MS);
}

/** ISO text of a serial: "2025-02-14", or "2025-06-07T01:00" (":ss" when it has seconds) with a time. */
export function isoFromSerial(serial: number, withTime = serial % 1 !== 0): string {
  const d = new Date(serialToMs(serial));
  const date = d.toISOString().slice(0, 10);
  if (!withTime) return date;
  const time = d.toISOString().slice(11, 19);
  return `${date}T${time.endsWith(":00") ? time.slice(0, 5) : time}`;
}

/** The serial of ISO text "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS]"; null when it is not one. */
export function serialFromIso(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h = "0", mi = "0", s = "0"] = m.slice(1);
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d));
  const check = new Date(ms);
  if (check.getUTCFullYear() !== Number(y) || check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return null;
  let days = (ms - EPOCH_1900) / DAY_MS;
  if (days < 61) days -= 1; // before 1 Mar 1900: Excel counts the fictitious 29 Feb 1900
  if (days < 1) return null;
  const seconds = Number(h) * 3600 + Number(mi) * 60 + Number(s);
  return days + seconds / 86400;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/**
 * A serial as the page shows every date, fields and results alike: ISO 8601 (as typed in the
 * fields, and as the functions' messages quote dates), with the weekday before it:
 * "Fri 2025-02-14", or "Sat 2025-06-07 01:00" with a time (":ss" when it has seconds).
 */
export function dateText(serial: number): string {
  const d = new Date(serialToMs(serial));
  return `${WEEKDAYS[d.getUTCDay()]} ${isoFromSerial(serial).replace("T", " ")}`;
}

/** Excel keeps and shows 15 significant digits. */
const PRECISION = 15;

/**
 * |n| (finite, not 0) to 15 significant digits: the digits (15 of them, trailing zeros kept) and
 * the power of ten of the first: 1234.5 -> { digits: "123450000000000", exp: 3 }.
 */
function significant(abs: number): { digits: string; exp: number } {
  const [mantissa, exp] = abs.toExponential(PRECISION - 1).split("e");
  return { digits: mantissa.replace(".", ""), exp: Number(exp) };
}

/** Adds 1 to a string of decimal digits: "0999" -> "1000", "99" -> "100". */
function increment(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === "9") i--;
  if (i < 0) return `1${"0".repeat(digits.length)}`;
  return digits.slice(0, i) + String(Number(digits[i]) + 1) + "0".repeat(digits.length - i - 1);
}

/**
 * digits x 10^(exp - digits.length + 1) (a value given by its significant digits and the power of
 * ten of the first), written in plain decimal with `decimals` places, rounded half away from zero
 * as Excel rounds what it shows; digits past the given ones are zeros (so a huge amount never
 * shows the binary noise beyond its 15th digit): { whole: "322580645161290000000", fraction: "00" }.
 */
function fixed(digits: string, exp: number, decimals: number): { whole: string; fraction: string } {
  // All the digits from the ones place (or the first digit, if larger) to one place past `decimals`.
  const lead = exp >= 0 ? "" : "0".repeat(-exp); // "0" for the ones, then the zeros after the point
  const wholeLength = exp >= 0 ? exp + 1 : 1;
  const needed = wholeLength + decimals + 1;
  const all = (lead + digits).padEnd(needed, "0");
  let kept = all.slice(0, wholeLength + decimals);
  if (all[wholeLength + decimals] >= "5") kept = increment(kept);
  const cut = kept.length - decimals;
  const whole = kept.slice(0, cut).replace(/^0+(?=\d)/, "");
  return { whole, fraction: kept.slice(cut) };
}

const thousands = (whole: string) => whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** Scientific notation as Excel writes it: "2.1E-07", "1E+21", "3.2258064516129E+299". */
function scientific(negative: boolean, digits: string, exp: number): string {
  const trimmed = digits.replace(/0+$/, "");
  const mantissa = trimmed.length > 1 ? `${trimmed[0]}.${trimmed.slice(1)}` : trimmed;
  return `${negative ? "-" : ""}${mantissa}E${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
}

/** Whether Excel's General format writes a number of this power of ten in scientific notation. */
const isScientific = (exp: number) => exp >= PRECISION || exp < -4;

/**
 * A number as Excel's General format shows it in a column wide enough: 15 significant digits,
 * trailing zeros dropped; scientific notation from 1E+15 (where a 16th digit would be needed) and
 * below 0.0001 (as Excel writes 0.00001 as 1E-05). Not finite: #NUM!.
 */
export function generalText(n: number): string {
  if (!Number.isFinite(n)) return "#NUM!";
  if (n === 0) return "0";
  const { digits, exp } = significant(Math.abs(n));
  if (isScientific(exp)) return scientific(n < 0, digits, exp);
  const { whole, fraction } = fixed(digits, exp, Math.max(0, PRECISION - 1 - exp));
  const f = fraction.replace(/0+$/, "");
  return `${n < 0 ? "-" : ""}${whole}${f ? `.${f}` : ""}`;
}

/**
 * Money as Excel's #,##0.00 shows it: to the cent, with thousands separators, from its 15
 * significant digits (past them Excel shows zeros: 123456789012345.67 -> "123,456,789,012,346.00");
 * a negative that rounds to 0.00 shows 0.00. From 1E+15 on, where the cents and then whole
 * units would be only zeros (1e300 would be 300 digits), in General's scientific notation.
 */
export function moneyText(n: number): string {
  if (!Number.isFinite(n)) return "#NUM!";
  if (n === 0) return "0.00";
  const { digits, exp } = significant(Math.abs(n));
  if (exp >= PRECISION) return scientific(n < 0, digits, exp);
  const { whole, fraction } = fixed(digits, exp, 2);
  const sign = n < 0 && /[1-9]/.test(whole + fraction) ? "-" : "";
  return `${sign}${thousands(whole)}.${fraction}`;
}

/**
 * A fraction as a percentage, as Excel's 0% format would show it were it given the places it
 * needs: 0.1 -> "10%", 0.999 -> "99.9%", 10/31 -> "32.258064516129%" (15 significant digits;
 * the shift by two places is done on the digits, so 0.999 x 100 has no binary noise).
 */
export function percentText(n: number): string {
  if (!Number.isFinite(n)) return "#NUM!";
  if (n === 0) return "0%";
  const { digits, exp } = significant(Math.abs(n));
  if (isScientific(exp + 2)) return `${scientific(n < 0, digits, exp + 2)}%`;
  const { whole, fraction } = fixed(digits, exp + 2, Math.max(0, PRECISION - 1 - (exp + 2)));
  const f = fraction.replace(/0+$/, "");
  return `${n < 0 ? "-" : ""}${whole}${f ? `.${f}` : ""}%`;
}

/**
 * The exact value a function returned (the shortest decimal that is that double), offered beside
 * a rounded text: plain where General is plain, else in the same scientific notation as the text
 * (1e21 x 10/31 is "3.225806451612903E+20", not 322580645161290300000, whose zeros are not digits).
 */
export function exactText(n: number): string {
  if (n === 0 || !Number.isFinite(n) || !isScientific(significant(Math.abs(n)).exp)) return String(n);
  const [mantissa, exp] = n.toExponential().split("e");
  const e = Number(exp);
  return `${mantissa.toUpperCase()}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
}

/** Whether 15 significant digits hold `n` exactly (else the page offers the exact value). */
const holdsExactly = (n: number) => n === 0 || Number(Math.abs(n).toExponential(PRECISION - 1)) === Math.abs(n);

/** How a value is shown: a date (with its serial beside), money, a percentage, or General. */
export type ResultFormat = "date" | "money" | "percent" | "general";

/** One shown value: its text, an optional second text (the serial beside a date), the exact
 * value (offered beside the text) when the text rounds it, and a class for its look. */
export interface Shown {
  text: string;
  aside?: string;
  exact?: string;
  kind: "date" | "money" | "percent" | "number" | "text" | "boolean" | "blank" | "error";
}

/** How Excel would show one value of a function whose results are in `format`. */
export function showValue(v: unknown, format: ResultFormat): Shown {
  if (v === null || v === undefined || v === "") return { text: "", kind: "blank" };
  if (typeof v === "boolean") return { text: v ? "TRUE" : "FALSE", kind: "boolean" };
  if (typeof v === "number") {
    if (format === "date" && isSerial(v)) {
      const general = generalText(v);
      return { text: dateText(v), aside: general, exact: general === String(v) ? undefined : exactText(v), kind: "date" };
    }
    if (format === "money") {
      const text = moneyText(v);
      const exact = Math.abs(v) < 1e15 ? Number(text.replace(/,/g, "")) === v : holdsExactly(v);
      return { text, exact: exact ? undefined : exactText(v), kind: "money" };
    }
    if (format === "percent") return { text: percentText(v), exact: holdsExactly(v) ? undefined : exactText(v), kind: "percent" };
    const text = generalText(v);
    return { text, exact: holdsExactly(v) ? undefined : exactText(v), kind: "number" };
  }
  return { text: String(v), kind: "text" };
}

/**
 * How the help page shows a working row of each kind. The functions declare the kind of each row
 * where they write its label, and hand the kinds over beside the spill, in a property that is no
 * cell (`rowKinds`, not enumerable): money, percent and date rows in their formats; days, other
 * numbers and text in General, as Excel shows them.
 */
const ROW_FORMATS: Readonly<Record<string, ResultFormat>> = { money: "money", percent: "percent", date: "date" };

/** The kinds a working spill declares for its rows, in row order; undefined for any other result. */
export function rowKindsOf(result: unknown): readonly string[] | undefined {
  if (!Array.isArray(result)) return undefined;
  const kinds: unknown = (result as { rowKinds?: unknown }).rowKinds;
  return Array.isArray(kinds) && kinds.length === result.length && kinds.every((k) => typeof k === "string") ? kinds : undefined;
}

/**
 * The format of each column of the working spills that are tables of columns under a header row
 * (one row per item, not per label): used for their numbers (the header's and the labels' text is
 * shown as text).
 */
export const WORKING_COLUMNS: Readonly<Record<string, readonly ResultFormat[]>> = {
  SCHEDULEDMAINTENANCEWORKING: ["date", "date", "general", "general", "general", "general"],
};

/**
 * The format of one cell of a spilled result: its column's, in a working spill of columns; its
 * row's declared kind, in a working spill of labelled rows (`kinds`, from {@link rowKindsOf}; the
 * label itself is text); else the function's.
 */
export function spillCellFormat(
  fn: string,
  kinds: readonly string[] | undefined,
  row: number,
  column: number,
  format: ResultFormat,
): ResultFormat {
  const columns = WORKING_COLUMNS[fn];
  if (columns) return columns[column] ?? format;
  if (kinds === undefined || column === 0) return format;
  return ROW_FORMATS[kinds[row]] ?? "general";
}

// ---- The formula a user would type -------------------------------------------------------

type Cell = string | number | boolean | null;

const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;
/** A number as a formula writes it: 45702, 0.995, 1E+21. */
const numberLiteral = (n: number) => String(n).replace("e", "E");

/** A serial as DATE(...), with +TIME(...) when it has a time of day: DATE(2025,6,2)+TIME(2,0,0). */
export function dateFormula(serial: number): string {
  const d = new Date(serialToMs(serial));
  const date = `DATE(${d.getUTCFullYear()},${d.getUTCMonth() + 1},${d.getUTCDate()})`;
  if (serial % 1 === 0) return date;
  return `${date}+TIME(${d.getUTCHours()},${d.getUTCMinutes()},${d.getUTCSeconds()})`;
}

/** One argument as typed in a formula: blank (omitted), TRUE, "text", a number, or DATE(...) for a date field's serial. */
export function argFormula(v: Cell, asDate = false): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return quoted(v);
  return asDate && isSerial(v) ? dateFormula(v) : numberLiteral(v);
}

/** A range typed in place as an array constant: {"Ticket",2;"Message",10} (a blank cell is ""). */
export function arrayFormula(rows: readonly (readonly Cell[])[]): string {
  const cell = (v: Cell) => (v === null ? '""' : typeof v === "string" ? quoted(v) : argFormula(v));
  return `{${rows.map((r) => r.map(cell).join(",")).join(";")}}`;
}

/**
 * The arguments of a documented formula, as written: `=KUSTOMER.F(1, "a,b", DATE(2025,1,1), A2:A3)`
 * -> ["1", '"a,b"', "DATE(2025,1,1)", "A2:A3"] (split at the commas outside brackets and quotes;
 * anything after the closing parenthesis, such as a remark, is dropped). Null when it is not a call.
 */
export function formulaArgs(formula: string): string[] | null {
  const open = formula.indexOf("(");
  if (open < 0) return null;
  const args: string[] = [];
  let depth = 0;
  let inText = false;
  let current = "";
  for (let i = open + 1; i < formula.length; i++) {
    const c = formula[i];
    if (inText) {
      current += c;
      if (c === '"') inText = false;
      continue;
    }
    if (c === '"') inText = true;
    else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) {
      if (depth === 0) {
        args.push(current.trim());
        return args.length === 1 && args[0] === "" ? [] : args;
      }
      depth--;
    } else if (c === "," && depth === 0) {
      args.push(current.trim());
      current = "";
      continue;
    }
    current += c;
  }
  return null;
}

/** `=NS.NAME(a, b, c)` from the arguments' texts, trailing omitted ones dropped (Excel passes them as blank). */
export function formulaText(call: string, args: readonly string[]): string {
  let n = args.length;
  while (n > 0 && args[n - 1] === "") n--;
  return `=${call}(${args.slice(0, n).join(", ")})`;
}
