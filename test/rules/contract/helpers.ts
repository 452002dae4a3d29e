import { RuleError } from "../../../src/rules/core/errors";

/** The kind and message of the RuleError `f` throws (fails when it throws nothing or something else). */
export function thrown(f: () => unknown): { kind: string; message: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof RuleError) return { kind: e.kind, message: e.message };
    throw e;
  }
  throw new Error("expected a RuleError");
}
