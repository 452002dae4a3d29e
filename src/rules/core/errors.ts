/**
 * The one error model of the rules layer.
 *
 * Rules throw a {@link RuleError}; the Excel adapters turn it into a `CustomFunctions.Error`:
 * - `value` -> `#VALUE!`: a wrong type, or a name the rules do not know;
 * - `num`   -> `#NUM!`: a number (or date) outside the range the terms allow;
 * - `na`    -> `#N/A`: the terms say "n/a" for this combination.
 *
 * Every message names the argument and says what was expected. The builders in {@link Msg}
 * keep the wording uniform across families (one place to read, one place to test).
 */
export type RuleErrorKind = "value" | "num" | "na";

export class RuleError extends Error {
  readonly kind: RuleErrorKind;
  constructor(kind: RuleErrorKind, message: string) {
    super(message);
    this.name = "RuleError";
    this.kind = kind;
  }
}

export function valueError(message: string): RuleError {
  return new RuleError("value", message);
}
export function numError(message: string): RuleError {
  return new RuleError("num", message);
}
export function naError(message: string): RuleError {
  return new RuleError("na", message);
}

/**
 * Message builders: `arg` is the argument name as Excel shows it (snake_case). A message quotes at
 * most {@link QUOTE_MAX} characters of input: the wrong-type builders (`notNumber`, `notBoolean`,
 * `notText`, `notDate`) take a {@link describe}d value, whose input is already shortened with
 * its real length (clipping it again would give the length of the description); every other
 * `got` (a number's text, which can be thousands of digits) is shortened here by {@link clip}.
 */
export const Msg = {
  required: (arg: string, expected: string) => `${arg} is required: expected ${expected}.`,
  notNumber: (arg: string, got: Described) => `${arg} must be a number; got ${got}.`,
  notFinite: (arg: string) => `${arg} must be a finite number.`,
  notInteger: (arg: string, got: number) => `${arg} must be a whole number; got ${got}.`,
  notBoolean: (arg: string, got: Described) => `${arg} must be TRUE or FALSE; got ${got}.`,
  notText: (arg: string, got: Described) => `${arg} must be text; got ${got}.`,
  notDate: (arg: string, got: Described) => `${arg} must be a date (an Excel date serial or ISO text such as 2025-01-31); got ${got}.`,
  negative: (arg: string, got: string) => `${arg} must not be negative; got ${clip(got)}.`,
  atLeast: (arg: string, min: string, got: string) => `${arg} must be at least ${min}; got ${clip(got)}.`,
  atMost: (arg: string, max: string, got: string) => `${arg} must be at most ${max}; got ${clip(got)}.`,
  between: (arg: string, min: string, max: string, got: string) => `${arg} must be between ${min} and ${max}; got ${clip(got)}.`,
  /** `got` is the name as typed (quoted here, shortened to {@link QUOTE_MAX}) or a {@link describe}d non-text value. */
  unknownName: (arg: string, got: string, known: readonly string[]) =>
    `${arg} ${quote(got)} is not known; expected one of: ${known.join(", ")}.`,
  /** The calendar's first day depends on the workbook's date system (1900-01-01, or 1904-01-01 in a 1904 workbook). */
  dateOutOfRange: (arg: string, got: string, system: "1900" | "1904" = "1900") =>
    `${arg} is outside Excel's calendar (${system === "1904" ? "1904-01-01" : "1900-01-01"} to 9999-12-31); got ${clip(got)}.`,
  phantomLeapDay: (arg: string) => `${arg} is serial 60, Excel's 1900-02-29, a day that never existed; use 1900-02-28 or 1900-03-01.`,
  notRange: (arg: string) => `${arg} must be a cell or a range.`,
  shapeMismatch: (a: string, b: string, shapeA: string, shapeB: string) =>
    `${a} and ${b} must be ranges of the same shape; got ${shapeA} and ${shapeB}.`,
} as const;

/** At most this many characters of what the user typed appear in a message (Excel cells hold 32,767). */
export const QUOTE_MAX = 60;

/** The first `max` - 3 code units of a long input (never half a surrogate pair). */
function head(text: string, max = QUOTE_MAX): string {
  let end = max - 3;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end);
}

/**
 * User input, unquoted, for a message: itself up to {@link QUOTE_MAX} code units, else its head,
 * "..." and its length. The one helper that shortens input for a message, in the rules and in the
 * table readers alike; `max` is larger only for a parser's own message (which quotes little input).
 */
export function clip(text: string, max = QUOTE_MAX): string {
  return text.length <= max ? text : `${head(text, max)}... (${text.length} characters)`;
}

/** User input quoted for a message: `"abc"`, or `"abc..." (32767 characters)`. The one place that quotes input. */
export function quote(text: string): string {
  return text.length <= QUOTE_MAX ? `"${text}"` : `"${head(text)}..." (${text.length} characters)`;
}

/**
 * A received value as {@link describe} words it: any input in it already shortened (at most
 * {@link QUOTE_MAX} characters of it, with its length), so a message uses it as it is.
 */
export type Described = string & { readonly described: true };

/** Describes a received argument for an error message: `"abc"` (text), `TRUE`, `1.5`, `an empty cell`, `a date`. */
export function describe(v: unknown): Described {
  return describeText(v) as Described;
}

function describeText(v: unknown): string {
  if (v === null || v === undefined) return "an empty cell";
  if (typeof v === "string") return v === "" ? "empty text" : quote(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return Number.isNaN(v) ? "NaN" : String(v);
  if (Array.isArray(v)) return "a range";
  if (typeof v === "object") {
    // An Excel data type (Office.js CellValue JSON) that coercion could not read as a plain value.
    const { type, text } = v as { type?: unknown; text?: unknown };
    if (typeof type === "string") {
      const name = `${/^[AEIOU]/.test(type) ? "an" : "a"} ${clip(type)} data type`;
      return typeof text === "string" && text !== "" ? `${name} (${quote(text)})` : name;
    }
    return "an object";
  }
  return typeof v;
}
