/**
 * A seeded sample of the fuzzer (`npm run fuzz` runs 100k): every registered function, called
 * through the built bundle with hostile arguments, returns a finite number, a string or a 2-D
 * array of those, or throws CustomFunctions.Error with a message; never NaN, never an uncaught
 * exception, never an internal error.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { fuzz, brief } = require("../scripts/fuzz-lib");

test("5,000 hostile calls (seed 7) across every function", () => {
  const c = fuzz({ calls: 5000, seed: 7 });
  const failures = c.failures.slice(0, 5).map((f: { id: string; args: unknown[]; why: string }) => `${f.id}(${brief(f.args)}): ${f.why}`);
  expect(failures).toEqual([]);
  expect(c.calls).toBe(5000);
  // The sample reaches both outcomes: values and Excel errors.
  expect(c.numbers + c.strings + c.arrays).toBeGreaterThan(0);
  expect(Object.keys(c.errors).sort()).toEqual(expect.arrayContaining(["#NUM!", "#VALUE!"]));
});
