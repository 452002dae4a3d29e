/* How the cost of every function grows with the length of a hostile text, through the built
 * bundle as Excel calls it (run `npm run build` first). For every registered function, every
 * argument position (and, where a documented call passes a range there, every column of that
 * range's last row) and every hostile shape (scripts/fuzz-lib.js, LONG_SHAPES: whitespace runs,
 * digits and separators, combining marks, surrogates...), the same shape is passed at 1,000
 * characters and at Excel's longest cell, 32,767 (33 times the text), in a documented call
 * whose other arguments are valid, so the text reaches the reader of its position.
 *
 * Both costs are processor time of this process (process.cpuUsage), which other processes on a
 * loaded machine do not inflate as they do the wall clock; each is the best of several runs, so
 * a garbage collection or the first compilation of a path does not count. Each run passes a text
 * one character shorter than the last (a cache keyed by content is never hit twice). Linear code
 * costs about 33 times more on the long text; quadratic code about 1,000 times. The short cost
 * is floored at `floorMs`: below it, timer noise would make a ratio of nothing.
 * Used by test/growth.test.ts and test/tables/order-file-growth.test.ts (each fails on a ratio
 * over its bound). */
"use strict";
const { loadBundle } = require("./bundle-loader");
const { loadExamples } = require("./help-page");
const { LONG_SHAPES, LONGEST } = require("./fuzz-lib");

/** The short text's length: 33 times shorter than Excel's longest cell. */
const SHORT = 1000;

/** Processor milliseconds of one call (user + system time of this process); errors are outcomes, not failures. */
function cpuMs(fn, args) {
  const c0 = process.cpuUsage();
  try {
    fn(...args);
  } catch {
    // An Excel error (or anything else) is an answer here; test/fuzz.test.ts checks what the answers are.
  }
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

/** The best of `runs` calls, each with the shape at `n - k` characters (k = 0, 1, ...). */
function bestOf(fn, argsAt, shape, n, runs) {
  let best = Infinity;
  for (let k = 0; k < runs; k++) best = Math.min(best, cpuMs(fn, argsAt(shape(n - k))));
  return best;
}

/**
 * How the cost of `call(text)` grows from `make(short)` to `make(long)`: `{ shortMs, longMs, ratio }`,
 * ratio = longMs / max(shortMs, floorMs). The short text is timed `runs` times (best kept); the
 * long text once, and `recheckRuns` times more when the ratio first seen is over `recheckOver`
 * (only a suspect pays for the best of several). Each run's text is one character shorter.
 */
function growthOf(call, make, { short = SHORT, long = LONGEST, floorMs = 0.05, runs = 3, recheckOver = 50, recheckRuns = 5 } = {}) {
  const fn = (text) => call(text);
  const argsAt = (text) => [text];
  // Warm-up calls, not counted: the processor time is the whole process's, so a call that runs
  // while V8 compiles the function on its background threads would be charged for the compiling.
  bestOf(fn, argsAt, make, short, runs);
  const shortMs = bestOf(fn, argsAt, make, short, runs);
  let longMs = bestOf(fn, argsAt, make, long, 1);
  if (longMs / Math.max(shortMs, floorMs) > recheckOver) longMs = Math.min(longMs, bestOf(fn, argsAt, make, long - 1, recheckRuns));
  return { shortMs, longMs, ratio: longMs / Math.max(shortMs, floorMs) };
}

/** The documented call of `f` with the most arguments given (so a `rates` range is there), padded with blanks to every parameter. */
function baseArgs(f, examples) {
  const known = (examples[f.name] && examples[f.name].examples) || [];
  const given = (args) => args.filter((a) => a !== null && a !== undefined).length;
  const best = known.reduce((b, e) => (b === null || given(e.args) > given(b.args) ? e : b), null);
  const args = best ? best.args.slice() : [];
  while (args.length < f.parameters.length) args.push(null);
  return args;
}

/**
 * Every place a hostile text can go in `f`'s calls: `{ where, argsAt(text) }`. A text in each
 * position (a 1x1 range where the parameter is a range), and in each column of the last row of a
 * documented range (a row of a rates table, a list of dates).
 */
function placesOf(f, examples) {
  const base = baseArgs(f, examples);
  const places = [];
  f.parameters.forEach((p, i) => {
    const matrix = p.dimensionality === "matrix";
    places.push({
      where: p.name,
      argsAt: (text) => base.map((a, j) => (j === i ? (matrix ? [[text]] : text) : a)),
    });
    const range = base[i];
    if (matrix && Array.isArray(range) && range.length > 0 && Array.isArray(range[0]) && range.length * range[0].length > 1) {
      const last = range.length - 1;
      range[last].forEach((_, c) => {
        places.push({
          where: `${p.name} (row ${last + 1}, column ${c + 1})`,
          argsAt: (text) =>
            base.map((a, j) => (j === i ? range.map((row, r) => (r === last ? row.map((v, k) => (k === c ? text : v)) : row)) : a)),
        });
      });
    }
  });
  return places;
}

/**
 * Measures every function, place and shape (`growthOf` for each): returns
 * `[{ id, where, shape, shortMs, longMs, ratio }]`. `onlyIds` and `shapes` (indexes into
 * LONG_SHAPES) narrow the measure; the other options are `growthOf`'s.
 */
function growth({ bundle = loadBundle(), onlyIds, shapes, ...options } = {}) {
  const examples = loadExamples();
  const rows = [];
  for (const f of bundle.metadata.functions) {
    if (onlyIds && !onlyIds.includes(f.id)) continue;
    const fn = bundle.registered.get(f.id);
    for (const place of placesOf(f, examples)) {
      LONG_SHAPES.forEach((shape, s) => {
        if (shapes && !shapes.includes(s)) return;
        const g = growthOf((text) => fn(...place.argsAt(text)), shape, options);
        rows.push({ id: f.id, where: place.where, shape: s, ...g });
      });
    }
  }
  return rows;
}

module.exports = { growth, growthOf, placesOf, cpuMs, SHORT };
