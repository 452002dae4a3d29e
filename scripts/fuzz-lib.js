/* Fuzzing every registered function through the built bundle, as Excel calls it: generated
 * argument lists of hostile values; every call must return a finite number, a string or a
 * rectangular 2-D array of those, or throw CustomFunctions.Error with a message that is not an
 * internal error. Used by `npm run fuzz` (100k calls) and test/fuzz.test.ts (a seeded sample). */
"use strict";
const { loadBundle, StubError } = require("./bundle-loader");
const { loadExamples } = require("./help-page");

/** mulberry32: a small seeded PRNG, so every failure can be replayed from its seed. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.5,
  2,
  60,
  61,
  100,
  1e308,
  -1e308,
  5e-324,
  NaN,
  Infinity,
  -Infinity,
  45658,
  45688.75,
  2958465,
  2958466,
  1e15,
  0.999,
  0.1,
  0.995,
  1.5,
  500000,
  500001,
  50000,
];
const TEXTS = [
  "",
  " ",
  "abc",
  "2025-01-31",
  "2025-02-30",
  "2025-01-31T08:30:00",
  "1,200",
  "50%",
  "$10",
  "-5",
  "TRUE",
  "data",
  "Attachment",
  "Ultimate",
  "Enterprise",
  "Severe",
  "Medium",
  "Onboarding Essentials",
  "Data Migration - Small",
  "America/New_York",
  "Mars/Base",
  "Event",
  "KObject",
  "30/360",
  "actual/360",
  "👍🏽 héllo",
  "e\u0301",
  "\u0000",
  "x".repeat(300),
];

function scalar(r) {
  const k = r();
  if (k < 0.4) return NUMBERS[Math.floor(r() * NUMBERS.length)];
  if (k < 0.55) return (r() - 0.5) * 10 ** Math.floor(r() * 12);
  if (k < 0.8) return TEXTS[Math.floor(r() * TEXTS.length)];
  if (k < 0.88) return r() < 0.5;
  return null;
}

function range(r) {
  const k = r();
  if (k < 0.15) return [];
  if (k < 0.3) return [[scalar(r)]];
  if (k < 0.4) return [[], [scalar(r)]]; // ragged
  if (k < 0.41) {
    const n = 20000 + Math.floor(r() * 20000); // huge: a column of tens of thousands of cells
    const v = scalar(r);
    return Array.from({ length: n }, () => [v]);
  }
  const rows = 1 + Math.floor(r() * 6);
  const cols = 1 + Math.floor(r() * 3);
  const ragged = r() < 0.1;
  return Array.from({ length: rows }, (_, i) => Array.from({ length: ragged && i % 2 ? cols + 1 : cols }, () => scalar(r)));
}

function arg(r) {
  return r() < 0.8 ? scalar(r) : range(r);
}

/** Why a result is not acceptable, or null when it is. */
function badResult(v) {
  const okCell = (c) => (typeof c === "number" && Number.isFinite(c)) || typeof c === "string";
  if (okCell(v)) return null;
  if (Array.isArray(v)) {
    if (v.length === 0) return "empty array";
    const w = Array.isArray(v[0]) ? v[0].length : -1;
    for (const row of v) {
      if (!Array.isArray(row) || row.length !== w || w === 0) return "not a rectangular 2-D array";
      for (const c of row) if (!okCell(c)) return `bad cell ${String(c)}`;
    }
    return null;
  }
  return `bad value ${typeof v} ${String(v)}`;
}

/** Calls `calls` generated argument lists spread over every function; returns the counts. */
function fuzz({ calls, seed = 1, bundle = loadBundle(), onlyIds } = {}) {
  const r = rng(seed);
  const fns = bundle.metadata.functions.filter((f) => !onlyIds || onlyIds.includes(f.id));
  const examples = loadExamples();
  const counts = { calls: 0, numbers: 0, strings: 0, arrays: 0, errors: {}, failures: [] };
  for (let i = 0; i < calls; i++) {
    const f = fns[i % fns.length];
    const known = (examples[f.name] && examples[f.name].examples) || [];
    let args;
    if (known.length && r() < 0.5) {
      // A documented, valid call with zero to two arguments replaced: reaches the rules' inner paths.
      args = known[Math.floor(r() * known.length)].args.slice();
      for (let k = Math.floor(r() * 3); k > 0; k--) args[Math.floor(r() * args.length)] = arg(r);
    } else {
      args = f.parameters.map((p) => (p.optional && r() < 0.3 ? null : arg(r)));
    }
    const fn = bundle.registered.get(f.id);
    counts.calls++;
    try {
      const v = fn(...args);
      const why = badResult(v);
      if (why) counts.failures.push({ id: f.id, args, why });
      else if (typeof v === "number") counts.numbers++;
      else if (typeof v === "string") counts.strings++;
      else counts.arrays++;
    } catch (e) {
      if (!(e instanceof StubError)) counts.failures.push({ id: f.id, args, why: `uncaught ${e && e.stack ? e.stack : e}` });
      else if (!e.message) counts.failures.push({ id: f.id, args, why: `error ${e.code} without a message` });
      else if (e.message.startsWith("Internal error")) counts.failures.push({ id: f.id, args, why: e.message });
      else counts.errors[e.code] = (counts.errors[e.code] || 0) + 1;
    }
  }
  return counts;
}

const brief = (args) =>
  JSON.stringify(args, (k, v) =>
    Array.isArray(v) && v.length > 6 ? `[${v.length} rows]` : typeof v === "number" && !Number.isFinite(v) ? String(v) : v,
  );

module.exports = { fuzz, rng, badResult, brief };
