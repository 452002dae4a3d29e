/**
 * A seeded sample of the fuzzer (`npm run fuzz` runs 100k): every registered function, called
 * through the built bundle with hostile arguments, returns a finite number, a string or a 2-D
 * array of those, or throws CustomFunctions.Error with a message; never NaN, never an uncaught
 * exception, never an internal error, never a message over MAX_MESSAGE characters. The
 * arguments include Excel data types and error values, text up to 32,767 characters in the
 * shapes that once backtracked, and other scripts. Each call is timed and the slowest per
 * function recorded, but not asserted: jest runs beside other work on a shared CI machine, so a
 * time limit here would be flaky; `npm run fuzz` fails any call over 50 ms (best of three),
 * `npm run bench` reports the slowest call per function, and test/growth.test.ts fails a cost
 * that grows faster than the text (a ratio of processor times, which load does not skew).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { fuzz, brief } = require("../scripts/fuzz-lib");
import { loadBundle } from "./helpers/bundle";

test("5,000 hostile calls (seed 7) across every function", () => {
  const c = fuzz({ calls: 5000, seed: 7 });
  const failures = c.failures.slice(0, 5).map((f: { id: string; args: unknown[]; why: string }) => `${f.id}(${brief(f.args)}): ${f.why}`);
  expect(failures).toEqual([]);
  expect(c.calls).toBe(5000);
  // The sample reaches both outcomes: values and Excel errors.
  expect(c.numbers + c.strings + c.arrays).toBeGreaterThan(0);
  expect(Object.keys(c.errors).sort()).toEqual(expect.arrayContaining(["#NUM!", "#VALUE!", "#N/A"]));
  // Every registered function was called, and timed.
  expect(Object.keys(c.slowest).sort()).toEqual(
    loadBundle()
      .metadata.functions.map((f: { id: string }) => f.id)
      .sort(),
  );
});
