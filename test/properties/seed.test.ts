/**
 * `npm test` is green on every run: each property draws from one fixed seed.
 */
import fc from "fast-check";
import { DEFAULT_FC_SEED } from "../setup/fast-check-seed";

test("fast-check runs on the fixed seed, or on the one KUSTOMER_FC_SEED replays", () => {
  const fromEnv = process.env.KUSTOMER_FC_SEED;
  const expected = fromEnv === undefined ? DEFAULT_FC_SEED : Number(fromEnv) | 0;
  expect(fc.readConfigureGlobal().seed).toBe(expected);
});

test("two runs of a property on that seed draw the same values", () => {
  const draw = () => fc.sample(fc.integer(), { numRuns: 5, seed: fc.readConfigureGlobal().seed });
  expect(draw()).toEqual(draw());
});
