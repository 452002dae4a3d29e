/**
 * A workbook on older metadata. Excel caches functions.json and passes its Invocation object
 * right after the last argument the CACHED metadata declares: after an update that added an
 * optional argument at position p, a workbook still on the old metadata passes the Invocation
 * object IN position p. Every function must read it as that argument omitted.
 *
 * Generated from the built dist/functions.json: for every function and every optional
 * parameter position p, the function is called through the built bundle with its help
 * examples' arguments cut at p, once with an Invocation in position p and once without; the
 * two results must be the same. A future argument (or function) is covered with no new test.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { DIST, loadBundle, isErrorResult, type LoadedBundle, type FunctionMetadata, type Metadata } from "../helpers/bundle";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { loadExamples } = require("../../scripts/help-page");

const examples: Record<string, { examples?: { args: unknown[] }[] }> = loadExamples();

/**
 * Built as Office's runtime builds it (custom-functions-runtime.js, `InvocationContext`):
 * `functionName`, `address`, `parameterAddresses` and `onCanceled` are getters on the
 * prototype, `setResult` and `setError` own properties (undefined unless streaming or cancelable).
 */
class InvocationContext {
  private readonly _functionName: string;
  private readonly _address?: string;
  setResult: undefined;
  setError: undefined;
  constructor(functionName: string, address?: string) {
    this._functionName = functionName;
    if (address !== undefined) this._address = address;
    this.setResult = undefined;
    this.setError = undefined;
  }
  get functionName(): string {
    return this._functionName;
  }
  get address(): string | undefined {
    return this._address;
  }
  get parameterAddresses(): string[] | undefined {
    return undefined;
  }
  get onCanceled(): undefined {
    return undefined;
  }
}

/** The Invocation shapes tried in each position: the runtime's, and a plain object with the documented keys. */
const invocations = (f: FunctionMetadata): { label: string; value: unknown }[] => [
  { label: "the runtime's InvocationContext", value: new InvocationContext(`KUSTOMER.${f.id}`) },
  { label: "InvocationContext with an address", value: new InvocationContext(`KUSTOMER.${f.id}`, "Sheet1!B2") },
  {
    label: "a plain Invocation object",
    value: { functionName: `KUSTOMER.${f.id}`, address: "Sheet1!B2", parameterAddresses: ["Sheet1!A1"], isInValuePreview: false },
  },
  { label: "a streaming Invocation", value: { setResult: () => undefined, onCanceled: undefined } },
];

let bundle: LoadedBundle;
beforeAll(() => {
  bundle = loadBundle();
});

/** Every example's arguments for the function, padded with null to the declared parameters. */
function baseArgs(f: FunctionMetadata): unknown[][] {
  const list = examples[f.id]?.examples ?? [];
  return list.map((e) => {
    const args = e.args.slice(0, f.parameters.length);
    while (args.length < f.parameters.length) args.push(null);
    return args;
  });
}

// The metadata is read at collection time so each function gets its own named test.
const metadata = JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8")) as Metadata;

test("the metadata has functions with optional arguments (the test below is not empty)", () => {
  const withOptional = metadata.functions.filter((f) => f.parameters.some((p) => p.optional));
  expect(withOptional.length).toBeGreaterThanOrEqual(20);
});

describe.each(metadata.functions.map((f) => [f.id, f] as const))("%s", (_id, f) => {
  test("has help examples to call it with", () => {
    expect(baseArgs(f).length).toBeGreaterThan(0);
  });

  test("an Invocation in each optional position reads as the argument omitted", () => {
    const optional = f.parameters.map((p, i) => (p.optional ? i : -1)).filter((i) => i >= 0);
    // The rule: optional arguments come last (a required one after an optional one could not be added safely).
    optional.forEach((p, k) => expect(p).toBe(f.parameters.length - optional.length + k));
    let nonError = 0;
    let compared = 0;
    for (const base of baseArgs(f)) {
      // Every optional position p, and p = parameters.length: today's metadata (the Invocation after the last argument).
      for (const p of [...optional, f.parameters.length]) {
        const cut = base.slice(0, p);
        const omitted = bundle.call(f.id, ...cut);
        if (!isErrorResult(omitted)) nonError++;
        for (const inv of invocations(f)) {
          const withInvocation = bundle.call(f.id, ...cut, inv.value);
          expect({ p, invocation: inv.label, result: withInvocation }).toEqual({ p, invocation: inv.label, result: omitted });
          compared++;
        }
      }
    }
    expect(compared).toBe(baseArgs(f).length * (optional.length + 1) * invocations(f).length);
    // The comparison is meaningful: some call gives a real result, not two equal errors.
    expect(nonError).toBeGreaterThan(0);
  });
});

test("an Excel data type in an optional position is still read as a value, not as omitted", () => {
  // An entity has no plain value: TRANSLATIONFEE's price_per_word must refuse it, not use the default.
  const entity = { type: "Entity", text: "Price", properties: { functionName: { type: "String", basicValue: "x" } } };
  const fee = bundle.call("TRANSLATIONFEE", 1000, entity);
  expect(isErrorResult(fee) && fee.error).toBe("#VALUE!");
  expect(isErrorResult(fee) && fee.message).toMatch(/price_per_word/);
  // A formatted number is its number: 1000 words at 0.25 = 250.
  expect(bundle.call("TRANSLATIONFEE", 1000, { type: "FormattedNumber", basicValue: 0.25, numberFormat: "0.00" })).toBe(250);
});
