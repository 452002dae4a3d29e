import { RuleError } from "../../src/rules/core/errors";

/** The RuleError `f` throws, as { kind, message }; fails the test when it throws nothing or something else. */
export function ruleError(f: () => unknown): { kind: string; message: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof RuleError) return { kind: e.kind, message: e.message };
    throw e;
  }
  throw new Error("expected a RuleError");
}
