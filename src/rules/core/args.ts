/**
 * Excel argument coercion, shared by every function family.
 *
 * Excel hands a custom function: numbers (dates are serial numbers), text, booleans, `null`
 * for an omitted argument, and 2-D arrays (rows of cells) for ranges, where a blank cell may
 * arrive as `null` or `""`. Where the metadata allows custom data, Excel data types arrive too
 * (see {@link cellValue}). These helpers turn those into rule inputs or throw a
 * {@link RuleError} whose message names the argument.
 *
 * Every parser here is linear in its input: no regex has two ways to match the same text (no
 * `\s*x?\s*`), so a 32,767-character cell costs microseconds, never a backtracking storm.
 */
import { clip, describe, Msg, naError, numError, type RuleError, valueError } from "./errors";
import {
  type DateSystem,
  epochDayFromSerial,
  epochDayFromYmd,
  daysInMonth,
  SECONDS_PER_DAY,
  firstEpochDay,
  EPOCH_DAY_9999_12_31,
} from "./serial";

/** A cell as Excel passes it. */
export type Cell = number | string | boolean | null | undefined;

// Read once: in sandboxed hosts (and the bundle tests' vm) every global read is slow, and
// toRange runs once per row of ranges of 100k rows.
const isArray = Array.isArray;

/** An Excel error value as a data type names it (Office.js ErrorCellValueType) -> the error Excel shows. */
const ERROR_NAMES: ReadonlyMap<string, string> = new Map([
  ["Div0", "#DIV/0!"],
  ["NotAvailable", "#N/A"],
  ["Name", "#NAME?"],
  ["Null", "#NULL!"],
  ["Num", "#NUM!"],
  ["Ref", "#REF!"],
  ["Value", "#VALUE!"],
  ["Spill", "#SPILL!"],
  ["Calc", "#CALC!"],
  ["Busy", "#BUSY!"],
  ["Blocked", "#BLOCKED!"],
  ["Connect", "#CONNECT!"],
  ["Field", "#FIELD!"],
  ["GettingData", "#GETTING_DATA"],
  ["Python", "#PYTHON!"],
  ["Unknown", "#UNKNOWN!"],
]);

/** The RuleError for an Excel error value passed as an argument: #N/A and #NUM! keep their kind, any other is #VALUE!. */
function errorArgument(o: { errorType?: unknown; basicValue?: unknown }, arg: string): RuleError {
  const errorType = typeof o.errorType === "string" ? o.errorType : "";
  const shown = ERROR_NAMES.get(errorType) ?? (typeof o.basicValue === "string" ? clip(o.basicValue) : "an error");
  const message = `${arg} holds the error ${shown}.`;
  return errorType === "NotAvailable" ? naError(message) : errorType === "Num" ? numError(message) : valueError(message);
}

/**
 * The keys of Excel's Invocation object (@types/custom-functions-runtime: `Invocation`,
 * `CancelableInvocation`, `StreamingInvocation`; Office's runtime builds it as an
 * InvocationContext whose `functionName`, `address`, `parameterAddresses` and `onCanceled` are
 * getters on its prototype and `setResult`/`setError` its own properties).
 */
const INVOCATION_KEYS = ["functionName", "address", "parameterAddresses", "isInValuePreview", "setResult", "setError", "onCanceled"];

/**
 * True for Excel's Invocation object. Excel passes it right after the last argument that its
 * cached functions.json declares: a workbook still on the metadata from before an optional
 * argument was added gets it IN that argument's position. It is read as the argument omitted
 * (see {@link cellValue} and {@link isBlank}), so such a workbook gets the results it got
 * before the update. Told apart from an Excel data type (which custom functions receive as
 * objects too, `allowCustomDataForDataTypeAny`) by its shape: every data type has a `type`;
 * the Invocation has none, and has at least one of its documented keys (`in`: the runtime's
 * are prototype getters).
 */
export function isInvocation(v: unknown): boolean {
  if (typeof v !== "object" || v === null || isArray(v)) return false;
  const o = v as Record<string, unknown>;
  if ("type" in o) return false;
  for (const k of INVOCATION_KEYS) if (k in o) return true;
  return false;
}

/**
 * The plain value of a cell that may be an Excel data type (Office.js CellValue JSON, which
 * custom functions receive when the metadata allows custom data): a formatted number or a
 * Double is its `basicValue` number, a String its text, a Boolean its truth value, Empty is
 * blank; an Error value is thrown as that error naming `arg`. Any other data type (an entity,
 * an image, a linked entity) has no plain value: it is returned as it is, and the caller's
 * message names its type ({@link describe}). Anything that is not an object is returned as is.
 */
export function cellValue(v: unknown, arg: string): unknown {
  if (typeof v !== "object" || v === null || isArray(v)) return v;
  const o = v as { type?: unknown; basicValue?: unknown; errorType?: unknown };
  switch (o.type) {
    case undefined:
      return isInvocation(v) ? null : v;
    case "Double":
    case "FormattedNumber":
      return typeof o.basicValue === "number" ? o.basicValue : v;
    case "String":
      return typeof o.basicValue === "string" ? o.basicValue : v;
    case "Boolean":
      return typeof o.basicValue === "boolean" ? o.basicValue : v;
    case "Empty":
      return null;
    case "Error":
      throw errorArgument(o, arg);
    default:
      return v;
  }
}

/**
 * Blank: omitted, an empty cell, or empty text. Omitted includes Excel's Invocation object in
 * an optional argument's position ({@link isInvocation}): callers only ever treat a blank as
 * "use the default", never read it.
 */
export function isBlank(v: unknown): v is null | undefined | "" {
  return v === null || v === undefined || v === "" || (typeof v === "object" && isInvocation(v));
}

// Text Excel would read as a number: optional sign and currency sign, thousands commas,
// decimals, exponent, a trailing percent sign. No ambiguous repetition: the spaces after the
// sign are one run, then an optional "$" with its own run (the old `\s*\$?\s*` could split one
// run of spaces two ways at every length, and took 0.7 s on a 32,767-character "-   ...   x").
const NUMERIC_TEXT = /^([+-])?\s*(?:\$\s*)?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?\s*(%)?$/;

/** Parses text as Excel would read a typed number; returns a plain decimal string or undefined. */
export function numericText(text: string): string | undefined {
  const m = NUMERIC_TEXT.exec(text.trim());
  if (!m) return undefined;
  const sign = m[1] === "-" ? "-" : "";
  const digits = m[2].replace(/,/g, "");
  const exp = m[3] ? Number(m[3]) : 0;
  const pct = m[4] ? -2 : 0;
  return `${sign}${digits.startsWith(".") ? "0" + digits : digits}e${exp + pct}`;
}

export interface NumberOptions {
  /** Value used when the argument is blank; without it, a blank argument is an error. */
  readonly default?: number;
  /** What the argument should be, for the "is required" message. */
  readonly expected?: string;
}

/** A finite number from a number or numeric text. Booleans are refused: TRUE is not an amount. */
export function toNumber(value: unknown, arg: string, opts: NumberOptions = {}): number {
  const v = cellValue(value, arg);
  if (isBlank(v)) {
    if (opts.default !== undefined) return opts.default;
    throw valueError(Msg.required(arg, opts.expected ?? "a number"));
  }
  if (typeof v === "number") {
    if (Number.isNaN(v)) throw valueError(Msg.notNumber(arg, describe(NaN)));
    if (!Number.isFinite(v)) throw numError(Msg.notFinite(arg));
    return v === 0 ? 0 : v; // -0 -> 0
  }
  if (typeof v === "string") {
    const t = numericText(v);
    if (t !== undefined) {
      const n = Number(t);
      if (!Number.isFinite(n)) throw numError(Msg.notFinite(arg));
      return n === 0 ? 0 : n;
    }
  }
  throw valueError(Msg.notNumber(arg, describe(v)));
}

/** A whole number (a fraction is an error, not truncated: 2.5 seats is a typo, not 2 seats). */
export function toInteger(v: unknown, arg: string, opts: NumberOptions = {}): number {
  const n = toNumber(v, arg, opts);
  if (!Number.isInteger(n)) throw numError(Msg.notInteger(arg, n));
  return n;
}

/** A boolean from TRUE/FALSE, a number (0 is FALSE) or the text "TRUE"/"FALSE". */
export function toBoolean(value: unknown, arg: string, fallback: boolean): boolean {
  const v = cellValue(value, arg);
  if (isBlank(v)) return fallback;
  if (typeof v === "boolean") return v;
  if (typeof v === "number" && Number.isFinite(v)) return v !== 0;
  if (typeof v === "string") {
    const t = v.trim().toUpperCase();
    if (t === "TRUE") return true;
    if (t === "FALSE") return false;
  }
  throw valueError(Msg.notBoolean(arg, describe(v)));
}

/** Text; numbers are taken as their text (a cell formatted as a number still names something). */
export function toText(value: unknown, arg: string, expected = "text"): string {
  const v = cellValue(value, arg);
  if (isBlank(v)) throw valueError(Msg.required(arg, expected));
  if (typeof v === "string") return v;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  throw valueError(Msg.notText(arg, describe(v)));
}

// ISO-8601 calendar date, optionally with a time of day and a trailing Z. Other offsets are
// refused: an Excel serial has no time zone, so a converted offset would silently move the date.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z)?$/;

/** An instant at whole-second precision, as epoch seconds (1970-01-01T00:00:00 = 0). */
export type EpochSecond = number;

function parseIsoText(text: string, arg: string): { day: number; seconds: number } | undefined {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw valueError(Msg.notDate(arg, describe(text)));
  }
  let seconds = 0;
  if (m[4] !== undefined) {
    const hh = Number(m[4]);
    const mm = Number(m[5]);
    const ss = m[6] !== undefined ? Number(m[6]) : 0;
    const frac = m[7] !== undefined ? Number("0." + m[7]) : 0;
    if (hh > 24 || mm > 59 || ss > 59 || (hh === 24 && (mm > 0 || ss > 0 || frac > 0))) {
      throw valueError(Msg.notDate(arg, describe(text)));
    }
    seconds = hh * 3600 + mm * 60 + ss + Math.round(frac);
  }
  return { day: epochDayFromYmd(year, month, day), seconds };
}

function checkEpochDay(day: number, system: DateSystem, arg: string, shown: string): number {
  if (day < firstEpochDay(system) || day > EPOCH_DAY_9999_12_31) throw numError(Msg.dateOutOfRange(arg, shown, system));
  return day;
}

/**
 * A calendar day (epoch day) from a serial or ISO text; any time of day is ignored, as the
 * rules that count days ignore it.
 */
export function toDate(value: unknown, arg: string, system: DateSystem): number {
  const v = cellValue(value, arg);
  if (isBlank(v)) throw valueError(Msg.required(arg, "a date"));
  if (typeof v === "number") {
    if (Number.isNaN(v)) throw valueError(Msg.notDate(arg, describe(NaN)));
    if (!Number.isFinite(v)) throw numError(Msg.dateOutOfRange(arg, String(v), system));
    return epochDayFromSerial(Math.floor(v), system, arg);
  }
  if (typeof v === "string") {
    const iso = parseIsoText(v, arg);
    if (iso) return checkEpochDay(iso.day + Math.floor(iso.seconds / SECONDS_PER_DAY), system, arg, v.trim());
    const t = numericText(v);
    if (t !== undefined) return toDate(Number(t), arg, system);
  }
  throw valueError(Msg.notDate(arg, describe(v)));
}

/** A date-time as epoch seconds, the time of day taken to the nearest second. */
export function toDateTime(value: unknown, arg: string, system: DateSystem): EpochSecond {
  const v = cellValue(value, arg);
  if (isBlank(v)) throw valueError(Msg.required(arg, "a date-time"));
  if (typeof v === "number") {
    if (Number.isNaN(v)) throw valueError(Msg.notDate(arg, describe(NaN)));
    if (!Number.isFinite(v)) throw numError(Msg.dateOutOfRange(arg, String(v), system));
    const whole = Math.floor(v);
    const day = epochDayFromSerial(whole, system, arg);
    // The fraction is the time of day; rounding to the second may carry into the next day.
    return day * SECONDS_PER_DAY + Math.round((v - whole) * SECONDS_PER_DAY);
  }
  if (typeof v === "string") {
    const iso = parseIsoText(v, arg);
    if (iso) {
      checkEpochDay(iso.day, system, arg, v.trim());
      return iso.day * SECONDS_PER_DAY + iso.seconds;
    }
    const t = numericText(v);
    if (t !== undefined) return toDateTime(Number(t), arg, system);
  }
  throw valueError(Msg.notDate(arg, describe(v)));
}

/** A row with any data-type cell replaced by its plain value ({@link cellValue}); the row itself when it has none. */
function plainRow(row: unknown[], arg: string, r: number): Cell[] {
  for (let c = 0; c < row.length; c++) {
    const x = row[c];
    if (typeof x === "object" && x !== null) {
      const out = row.slice();
      for (let k = c; k < row.length; k++) out[k] = cellValue(row[k], `${arg} (row ${r + 1}, column ${k + 1})`);
      return out as Cell[];
    }
  }
  return row as Cell[];
}

/**
 * A range as a 2-D array of cells: a single value is a 1x1 range, a flat array one row, a row
 * that is not an array one cell. Data-type cells become their plain values ({@link cellValue});
 * `arg` names the range in the message of an error value inside it.
 */
export function toRange(v: unknown, arg = "the range"): Cell[][] {
  if (!isArray(v)) return [[cellValue(v, arg) as Cell]];
  if (v.length === 0) return [];
  if (!isArray(v[0])) return [plainRow(v, arg, 0)];
  const out: Cell[][] = new Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const row: unknown = v[i];
    out[i] = isArray(row) ? plainRow(row, arg, i) : [cellValue(row, `${arg} (row ${i + 1}, column 1)`) as Cell];
  }
  return out;
}

/** "3x2" (rows x columns), for shape messages; a ragged array shows its longest row. */
export function shapeOf(range: Cell[][]): string {
  return `${range.length}x${range.reduce((m, r) => Math.max(m, r.length), 0)}`;
}

/** Throws #VALUE! unless the two ranges have the same rows and columns. */
export function assertSameShape(a: Cell[][], b: Cell[][], argA: string, argB: string): void {
  const same = a.length === b.length && a.every((row, i) => row.length === b[i].length);
  if (!same) throw valueError(Msg.shapeMismatch(argA, argB, shapeOf(a), shapeOf(b)));
}

/** Every cell of a range, row by row, with its 1-based position for messages. */
export function* cellsOf(range: Cell[][]): Generator<{ value: Cell; row: number; col: number }> {
  for (let r = 0; r < range.length; r++) {
    const row = range[r];
    for (let c = 0; c < row.length; c++) yield { value: row[c], row: r + 1, col: c + 1 };
  }
}

/** The non-blank dates of a range (a holidays list), as epoch days. */
export function toDateList(v: unknown, arg: string, system: DateSystem): number[] {
  if (isBlank(v)) return [];
  const out: number[] = [];
  for (const { value, row, col } of cellsOf(toRange(v, arg))) {
    if (isBlank(value)) continue;
    out.push(toDate(value, `${arg} (row ${row}, column ${col})`, system));
  }
  return out;
}

/**
 * Normalises a name for lookup: case-insensitive, spaces and dashes collapsed ("a  -b" is
 * "a - b"). Linear: whitespace runs are collapsed to one space first, so the spaces around a
 * dash are at most one each (the old `\s*-\s*` rescanned every run of spaces from each of
 * its positions: quadratic on a long run).
 */
export function normalizeName(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/[\u2010-\u2015]/g, "-")
    .replace(/\s+/g, " ")
    .replace(/ ?- ?/g, " - ")
    .replace(/ {2,}/g, " ");
}

/** Each table of choices gets its lookup map once: normalised names to the choice. */
const CHOICE_INDEX = new WeakMap<object, Map<string, { value: unknown }>>();
function choiceIndex<T>(choices: ReadonlyArray<{ readonly names: readonly string[]; readonly value: T }>): Map<string, { value: T }> {
  let index = CHOICE_INDEX.get(choices) as Map<string, { value: T }> | undefined;
  if (!index) {
    index = new Map();
    for (const c of choices)
      for (const n of c.names) {
        const key = normalizeName(n);
        if (!index.has(key)) index.set(key, { value: c.value });
      }
    CHOICE_INDEX.set(choices, index as Map<string, { value: unknown }>);
  }
  return index;
}

const knownNames = (choices: ReadonlyArray<{ readonly names: readonly string[] }>) => choices.map((c) => c.names[0]);

/**
 * Looks a name up in a table of choices (case-insensitive; aliases allowed). Blank gives
 * `fallback` when there is one. An unknown name is #VALUE! listing the known ones.
 */
export function toChoice<T>(
  value: unknown,
  arg: string,
  choices: ReadonlyArray<{ readonly names: readonly string[]; readonly value: T }>,
  fallback?: T,
): T {
  const v = cellValue(value, arg);
  if (isBlank(v)) {
    if (fallback !== undefined) return fallback;
    throw valueError(Msg.required(arg, `one of: ${knownNames(choices).join(", ")}`));
  }
  if (typeof v !== "string" && typeof v !== "number") throw valueError(Msg.unknownName(arg, describe(v), knownNames(choices)));
  const text = String(v);
  const index = choiceIndex(choices);
  const found = index.get(normalizeName(text));
  if (found !== undefined) return found.value;
  throw valueError(Msg.unknownName(arg, text, knownNames(choices)));
}
