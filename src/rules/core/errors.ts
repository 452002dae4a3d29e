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

/** Message builders: `arg` is the argument name as Excel shows it (snake_case). */
export const Msg = {
  required: (arg: string, expected: string) => `${arg} is required: expected ${expected}.`,
  notNumber: (arg: string, got: string) => `${arg} must be a number; got ${got}.`,
  notFinite: (arg: string) => `${arg} must be a finite number.`,
  notInteger: (arg: string, got: number) => `${arg} must be a whole number; got ${got}.`,
  notBoolean: (arg: string, got: string) => `${arg} must be TRUE or FALSE; got ${got}.`,
  notText: (arg: string, got: string) => `${arg} must be text; got ${got}.`,
  notDate: (arg: string, got: string) => `${arg} must be a date (an Excel date serial or ISO text such as 2025-01-31); got ${got}.`,
  negative: (arg: string, got: string) => `${arg} must not be negative; got ${got}.`,
  atLeast: (arg: string, min: string, got: string) => `${arg} must be at least ${min}; got ${got}.`,
  atMost: (arg: string, max: string, got: string) => `${arg} must be at most ${max}; got ${got}.`,
  between: (arg: string, min: string, max: string, got: string) => `${arg} must be between ${min} and ${max}; got ${got}.`,
  unknownName: (arg: string, got: string, known: readonly string[]) =>
    `${arg} "${got}" is not known; expected one of: ${known.join(", ")}.`,
  dateOutOfRange: (arg: string, got: string) => `${arg} is outside Excel's calendar (1900-01-01 to 9999-12-31); got ${got}.`,
  phantomLeapDay: (arg: string) => `${arg} is serial 60, Excel's 1900-02-29, a day that never existed; use 1900-02-28 or 1900-03-01.`,
  notRange: (arg: string) => `${arg} must be a cell or a range.`,
  shapeMismatch: (a: string, b: string, shapeA: string, shapeB: string) =>
    `${a} and ${b} must be ranges of the same shape; got ${shapeA} and ${shapeB}.`,
} as const;

/** Describes a received argument for an error message: `"abc"` (text), `TRUE`, `1.5`, `an empty cell`. */
export function describe(v: unknown): string {
  if (v === null || v === undefined) return "an empty cell";
  if (typeof v === "string") return v === "" ? "empty text" : `"${v.length > 40 ? v.slice(0, 37) + "..." : v}"`;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return Number.isNaN(v) ? "NaN" : String(v);
  if (Array.isArray(v)) return "a range";
  return typeof v;
}
