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
 * Runs a rule for the function `fn` (its Excel name, for internal-error messages). A rule
 * error is thrown as a `CustomFunctions.Error`; nothing else escapes.
 */
export function excel<T>(fn: string, body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw toCustomFunctionsError(e, fn);
  }
}

let dateSystem: DateSystem = "1900";

/**
 * The workbook's date system. 1900 unless the runtime found the workbook uses 1904 (see
 * `detectDateSystem` in ./runtime).
 */
export function workbookDateSystem(): DateSystem {
  return dateSystem;
}

export function setWorkbookDateSystem(system: DateSystem): void {
  dateSystem = system;
}

/** A spilled label/value table: one row per label. */
export type Working = (string | number)[][];
