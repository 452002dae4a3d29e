/**
 * Every function's cost grows linearly with the length of a hostile text, through the built
 * bundle as Excel calls it: for every function, every argument position (and every column of
 * the last row of a documented range there, such as a rates table) and every hostile shape the
 * fuzzer makes (whitespace runs, digits and separators, combining marks, surrogates...), the
 * processor time of the shape at 32,767 characters (Excel's longest cell) against the same shape
 * at 1,000, best of several runs (scripts/growth-lib.js).
 *
 * A ratio, not a time limit, so a loaded CI machine cannot fail it by chance: load slows both
 * texts alike, and processor time does not count the time other processes take. 33 times the
 * text costs about 33 times as much in linear code (a little more with the garbage it leaves)
 * and about 1,000 times in quadratic code; the bound is 100. `npm run fuzz` keeps its 50 ms
 * limit a call, for people to run.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { growth, SHORT } = require("../scripts/growth-lib");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LONG_SHAPES, LONGEST, brief } = require("../scripts/fuzz-lib");
import { loadBundle } from "./helpers/bundle";

interface Row {
  id: string;
  where: string;
  shape: number;
  shortMs: number;
  longMs: number;
  ratio: number;
}

/** Worse than linear: 33 times the text costing over 100 times as much. */
const BOUND = 100;

const report = (rows: Row[]) =>
  rows.map(
    (r) =>
      `${r.id} ${r.where} ${brief([LONG_SHAPES[r.shape](24)])}: ${r.shortMs.toFixed(3)} ms at ${SHORT} characters, ` +
      `${r.longMs.toFixed(1)} ms at ${LONGEST} (${r.ratio.toFixed(0)} times)`,
  );

/** A one-function bundle, to check the measure itself. */
const bundleOf = (fn: (text: unknown) => unknown) => ({
  metadata: { functions: [{ id: "ONE", name: "ONE", parameters: [{ name: "text" }] }] },
  registered: new Map([["ONE", fn]]),
});

test("the measure tells quadratic from linear code", () => {
  // Linear: one pass over the text. Quadratic: the run of spaces rescanned from every position (one
  // character in 16, so the check stays quick), as a backtracking regular expression does.
  const linear = (t: unknown) =>
    String(t)
      .split("")
      .filter((c) => c === " ").length;
  const quadratic = (t: unknown) => {
    const s = String(t);
    let n = 0;
    for (let i = 0; i < s.length; i++) for (let j = i; j < s.length && s.charCodeAt(j) === 32; j += 16) n++;
    return n;
  };
  const shapes = [1]; // spaces alone
  const lin = growth({ bundle: bundleOf(linear), shapes }) as Row[];
  const quad = growth({ bundle: bundleOf(quadratic), shapes }) as Row[];
  expect(lin.map((r) => r.ratio < BOUND)).toEqual([true]);
  expect(quad.map((r) => r.ratio > BOUND)).toEqual([true]);
}, 60_000);

test("every function, argument and hostile shape: 32,767 characters cost at most 100 times 1,000", () => {
  const rows = growth() as Row[];
  // Every registered function was measured, in every position, with every shape.
  const ids = loadBundle().metadata.functions.map((f) => f.id);
  expect([...new Set(rows.map((r) => r.id))].sort()).toEqual([...ids].sort());
  expect(rows.length).toBeGreaterThanOrEqual(ids.length * LONG_SHAPES.length);
  expect(report(rows.filter((r) => r.ratio > BOUND))).toEqual([]);
}, 300_000);
