/**
 * The thin edge between Excel and the rules: converts a rule's result into what a cell can
 * hold, and any error into a `CustomFunctions.Error` carrying a message.
 *
 * Excel shows the message in the cell's error flag for #VALUE! and #N/A. For #NUM! Excel
 * currently shows no custom message; the message is still attached (tests read it, and hosts
 * that show it will), and every #NUM! cause is listed on the function's help page.
 */
import { RuleError } from "../rules/core/errors";
import type { DateSystem } from "../rules/core/serial";

/**
 * The CustomFunctionsRuntime requirement set the functions need: `CustomFunctions.Error` is
 * 1.2, `CustomFunctions.ErrorCode` 1.3 (test/requirement-sets.test.ts keeps this equal to the
 * highest set the code uses; the manifests declare it). functions.json's
 * `allowCustomDataForDataTypeAny` belongs to 1.4 and is not required: where Excel lacks 1.4 it
 * passes plain values instead of data types, and the argument readers (src/rules/core/args.ts)
 * read both alike.
 */
export const CUSTOM_FUNCTIONS_RUNTIME_SET = "1.3";
/** The set that brings data types to custom functions (`allowCustomDataForDataTypeAny`). */
export const CUSTOM_FUNCTIONS_DATA_TYPES_SET = "1.4";

/** Prefix of the message for an error no rule anticipated: a bug, found by the fuzz tests. */
export const INTERNAL_ERROR_PREFIX = "Internal error in KUSTOMER";

export function toCustomFunctionsError(e: unknown, fn: string): CustomFunctions.Error {
  if (e instanceof CustomFunctions.Error) return e;
  if (e instanceof RuleError) {
    const code =
      e.kind === "num"
        ? CustomFunctions.ErrorCode.invalidNumber
        : e.kind === "na"
          ? CustomFunctions.ErrorCode.notAvailable
          : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, e.message);
  }
  const detail = e instanceof Error ? e.message : String(e);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `${INTERNAL_ERROR_PREFIX}.${fn}: ${detail}`);
}

/**
 * Thrown by {@link workbookDateSystem} while the workbook's date system is being detected; caught
 * by {@link excel}, which then waits for the detection and runs the function again.
 */
const DETECTING: unique symbol = Symbol("KUSTOMER: date system detection under way");

let dateSystem: DateSystem = "1900";
/** Settles when the detection started by {@link awaitWorkbookDateSystem} is over; undefined once it is. */
let detecting: Promise<DateSystem> | undefined;

/**
 * Runs a rule for the function `fn` (its Excel name, for internal-error messages). A rule
 * error is thrown as a `CustomFunctions.Error`; nothing else escapes.
 *
 * While the workbook's date system is still being detected, a function that reads it (through
 * {@link workbookDateSystem}) returns a Promise instead, which settles with its result (or
 * rejects with its `CustomFunctions.Error`) once the detection is over. Excel's runtime takes a
 * Promise from any custom function (it checks each result for `then`), and the metadata is the
 * same (the generator reads `Promise<number>` as result type "number"). Excel shows #BUSY!
 * meanwhile, never a 1900-system result in a 1904 workbook. Once detected, every call returns
 * synchronously, as before, and functions that take no date never wait. The declared type
 * stays `T`, so the adapters' signatures do not change: only this start-up window returns a
 * Promise.
 */
export function excel<T>(fn: string, body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (e === DETECTING && detecting !== undefined) return detecting.then(() => excel(fn, body)) as unknown as T;
    throw toCustomFunctionsError(e, fn);
  }
}

/**
 * The workbook's date system: 1900 unless the runtime found the workbook uses 1904 (see
 * `detectDateSystem` in ./runtime). Called inside {@link excel}'s body only: while the
 * detection is under way it throws a signal that makes the call wait for it.
 */
export function workbookDateSystem(): DateSystem {
  if (detecting !== undefined) throw DETECTING;
  return dateSystem;
}

export function setWorkbookDateSystem(system: DateSystem): void {
  dateSystem = system;
}

/**
 * Holds every function that reads the date system until `detection` settles with the system
 * (null: Excel cannot tell, keep 1900) or `timeoutMs` passes, whichever is first; after a
 * timeout the 1900 system stays, as before. Resolves to the system in force afterwards.
 */
export function awaitWorkbookDateSystem(detection: Promise<DateSystem | null>, timeoutMs: number): Promise<DateSystem> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  const done: Promise<DateSystem> = Promise.race([detection.catch(() => null), timeout]).then((system) => {
    clearTimeout(timer);
    if (system === "1900" || system === "1904") dateSystem = system;
    if (detecting === done) detecting = undefined;
    return dateSystem;
  });
  detecting = done;
  return done;
}

/** True while functions that read the date system wait for its detection. */
export function isDetectingDateSystem(): boolean {
  return detecting !== undefined;
}

/** A spilled label/value table: one row per label. */
export type Working = (string | number)[][];

/**
 * The kind of a working row's value, declared where the row's label is written: money, a
 * percentage, a date, a number of days, text, or another number (a count, minutes, a ratio).
 * Excel formats a spill as a whole, so the spill itself holds plain numbers; the kinds travel
 * beside it for the help page, which shows each row as the kind says.
 */
export type RowKind = "money" | "percent" | "date" | "days" | "number" | "text";

/** One row of a working spill as an adapter writes it: its label, the kind of its value, the value. */
export type WorkingRow = readonly [label: string, kind: RowKind, value: string | number];

/**
 * The property of a working spill that holds its rows' kinds, in row order. Not enumerable, so
 * it is no cell: Excel's runtime, JSON and a structured copy see the label/value rows only.
 */
export const ROW_KINDS = "rowKinds";

/** A working spill from its rows: label/value pairs for Excel, each row's kind beside them ({@link ROW_KINDS}). */
export function working(rows: readonly WorkingRow[]): Working {
  const spill: Working = rows.map(([label, , value]) => [label, value]);
  Object.defineProperty(spill, ROW_KINDS, { value: rows.map((r) => r[1]), enumerable: false });
  return spill;
}
