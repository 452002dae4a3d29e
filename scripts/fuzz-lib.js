/* Fuzzing every registered function through the built bundle, as Excel calls it: generated
 * argument lists of hostile values (numbers, text in many scripts, text up to Excel's 32,767
 * characters, whitespace runs, Excel data types and error values, ranges of them); every call
 * must return a finite number, a string or a rectangular 2-D array of those, or throw
 * CustomFunctions.Error with a short message (at most MAX_MESSAGE characters) that is not an
 * internal error. Each call is timed (processor time, best of three runs): the slowest per
 * function is reported, and with `timeLimitMs` a call slower than that is a failure. Used by
 * `npm run fuzz` (100k calls, 50 ms limit), `npm run bench` (slowest call per function) and
 * test/fuzz.test.ts (a seeded sample, no time limit: jest must not fail on a loaded machine). */
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
  // Other scripts: Thai, Devanagari, Arabic, Chinese, Cyrillic, Hangul (jamo and syllables), emoji sequences.
  "\u0e2a\u0e27\u0e31\u0e2a\u0e14\u0e35\u0e04\u0e23\u0e31\u0e1a",
  "\u0928\u092e\u0938\u094d\u0924\u0947 \u0926\u0941\u0928\u093f\u092f\u093e",
  "\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645",
  "\u4f60\u597d\uff0c\u4e16\u754c\uff01",
  "\u041f\u0440\u0438\u0432\u0435\u0442",
  "\u1112\u1161\u11ab\uad6d\uc5b4",
  "\u{1F468}\u200d\u{1F469}\u200d\u{1F467} \u{1F1EB}\u{1F1F7} #\ufe0f\u20e3",
  "\ud800\udc00\udc00\ud800",
  "\uff11\uff12\uff13", // full-width digits
  "\u0661\u0662\u0663", // Arabic-Indic digits
  // Whitespace runs: tabs, line breaks, no-break and ideographic spaces.
  " \t\r\n\u00a0\u3000 ",
  "Implementation \t\u00a0- \u3000Basic",
];

/** Excel's longest cell. */
const LONGEST = 32767;
/** Text of up to 32,767 characters in the shapes that have cost parsers dear. */
const LONG_SHAPES = [
  (n) => "-" + " ".repeat(n - 2) + "x", // sign, spaces, a letter: backtracking in number regexes
  (n) => " ".repeat(n), // whitespace only
  (n) => ("a" + " ".repeat(50) + "-").repeat(Math.ceil(n / 52)).slice(0, n), // space runs around dashes (normalizeName)
  (n) => "\t\u00a0 \r\n".repeat(Math.ceil(n / 5)).slice(0, n), // mixed whitespace
  (n) => "1,".repeat(Math.ceil(n / 2)).slice(0, n) + "x", // almost thousands groups
  (n) => "0." + "0".repeat(n - 3) + "1", // a long exact decimal
  (n) => "9".repeat(n), // a huge number
  (n) => "2025-01-01" + " ".repeat(n - 11) + "Z", // ISO date, then spaces
  (n) => "UTC" + " ".repeat(n - 5) + "+x", // offset time zone, then spaces
  (n) => "America/" + "x".repeat(n - 8), // a long time zone
  (n) => "\ud800".repeat(n), // lone surrogates
  (n) => "\udc00\ud800".repeat(Math.ceil(n / 2)).slice(0, n), // reversed pairs
  (n) => "\u1100".repeat(n), // Hangul jamo L, one long syllable
  (n) => "\u{1F468}\u200d".repeat(Math.ceil(n / 3)).slice(0, n), // a ZWJ chain
  (n) => "a" + "\u0301".repeat(n - 1), // combining marks
  (n) => "\u0e2a\u0e27\u0e31".repeat(Math.ceil(n / 3)).slice(0, n), // Thai
  (n) => "\u0915\u094d".repeat(Math.ceil(n / 2)).slice(0, n), // a Devanagari conjunct chain
  (n) => " ".repeat(n - 4) + "5 GB", // spaces, then a size with its unit
  (n) => "5" + " ".repeat(n - 3) + "GB", // a number and its unit, far apart
  (n) => "1 ".repeat(Math.ceil(n / 2)).slice(0, n), // digits and spaces alternating
  (n) => "1.".repeat(Math.ceil(n / 2)).slice(0, n), // digits and decimal points alternating
  (n) => "12-".repeat(Math.ceil(n / 3)).slice(0, n), // date separators
  (n) => "12:".repeat(Math.ceil(n / 3)).slice(0, n), // time separators
];

function longText(r) {
  // At least 12 characters, so every shape (the longest prefix and suffix take 11) fits.
  const n = r() < 0.5 ? LONGEST : 12 + Math.floor(r() * (LONGEST - 12));
  return LONG_SHAPES[Math.floor(r() * LONG_SHAPES.length)](n);
}

const ERROR_TYPES = [
  "Div0",
  "NotAvailable",
  "Name",
  "Null",
  "Num",
  "Ref",
  "Value",
  "Spill",
  "Calc",
  "Busy",
  "Field",
  "Unknown",
  "NotAType",
];

/** An Excel data type as custom functions receive it (Office.js CellValue JSON), or an error value. */
function dataType(r) {
  const k = r();
  const n = NUMBERS[Math.floor(r() * NUMBERS.length)];
  if (k < 0.25) return { type: "FormattedNumber", basicValue: n, numberFormat: r() < 0.5 ? "$#,##0.00" : "yyyy-mm-dd" };
  if (k < 0.35) return { type: "Double", basicValue: n, basicType: "Double" };
  if (k < 0.45) return { type: "String", basicValue: TEXTS[Math.floor(r() * TEXTS.length)], basicType: "String" };
  if (k < 0.5) return { type: "Boolean", basicValue: r() < 0.5, basicType: "Boolean" };
  if (k < 0.55) return { type: "Empty", basicValue: "" };
  if (k < 0.75) {
    const errorType = ERROR_TYPES[Math.floor(r() * ERROR_TYPES.length)];
    return { type: "Error", errorType, basicValue: "#" + errorType.toUpperCase() + "!", basicType: "Error" };
  }
  if (k < 0.9)
    return {
      type: "Entity",
      text: r() < 0.5 ? "Contoso" : longText(r),
      properties: { Revenue: { type: "Double", basicValue: n } },
      basicValue: "#VALUE!",
    };
  if (k < 0.95) return { type: "WebImage", address: "https://example.com/a.png", basicValue: "#VALUE!" };
  // Not a known data type: a bare object, a type that is not text, a basicValue of the wrong type.
  return [{}, { type: 5 }, { type: "Double", basicValue: "12" }, { type: "String", basicValue: null }][Math.floor(r() * 4)];
}

/** One cell; `small` (for the cells of huge ranges) leaves out long text, whose millions of characters would time the range, not a parser. */
function scalar(r, small = false) {
  const k = r();
  if (k < 0.35) return NUMBERS[Math.floor(r() * NUMBERS.length)];
  if (k < 0.48) return (r() - 0.5) * 10 ** Math.floor(r() * 12);
  if (k < 0.7) return TEXTS[Math.floor(r() * TEXTS.length)];
  if (k < 0.77) return r() < 0.5;
  if (k < 0.85) return dataType(r);
  if (k < 0.9 && !small) return longText(r);
  return null;
}

function range(r) {
  const k = r();
  if (k < 0.15) return [];
  if (k < 0.3) return [[scalar(r)]];
  if (k < 0.4) return [[], [scalar(r)]]; // ragged
  if (k < 0.41) {
    const n = 20000 + Math.floor(r() * 20000); // huge: a column of tens of thousands of cells
    const v = scalar(r, true);
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

/** The longest error message accepted: the argument, what was expected (a list of choices), and at most 60 characters of input. */
const MAX_MESSAGE = 1000;

/**
 * One call, timed: `ms` is the processor time this process spent on it (user + system, from
 * process.cpuUsage), which other processes on a shared machine do not inflate as they do the
 * wall-clock time (`wallMs`, also kept). Its result or error is kept.
 */
function timed(fn, args) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let value;
  let error;
  let threw = false;
  try {
    value = fn(...args);
  } catch (e) {
    error = e;
    threw = true;
  }
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms: (c.user + c.system) / 1000, wallMs, value, error, threw };
}

/**
 * Calls `calls` generated argument lists spread over every function; returns the counts, the
 * slowest call of each function (`slowest[id] = { ms, args }`, best of three runs) and the
 * failures. With `timeLimitMs`, a call whose best of three runs is slower than that fails.
 */
function fuzz({ calls, seed = 1, bundle = loadBundle(), onlyIds, timeLimitMs } = {}) {
  const r = rng(seed);
  const fns = bundle.metadata.functions.filter((f) => !onlyIds || onlyIds.includes(f.id));
  const examples = loadExamples();
  const counts = { calls: 0, numbers: 0, strings: 0, arrays: 0, errors: {}, failures: [], slowest: {} };
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
    const run = timed(fn, args);
    let ms = run.ms;
    let wallMs = run.wallMs;
    const slow = counts.slowest[f.id];
    // A call slower than the function's slowest so far (or than the limit) is timed twice more and
    // counts its best run: one slow run is a garbage collection or the first compilation; a slow
    // best of three is the code.
    if ((!slow || ms > slow.ms || (timeLimitMs !== undefined && ms > timeLimitMs)) && ms > 0.5) {
      for (let k = 0; k < 2; k++) {
        const again = timed(fn, args);
        if (again.ms < ms) ({ ms, wallMs } = again);
      }
    }
    if (!slow || ms > slow.ms) counts.slowest[f.id] = { ms, wallMs, args };
    if (timeLimitMs !== undefined && ms > timeLimitMs) {
      counts.failures.push({ id: f.id, args, why: `took ${ms.toFixed(1)} ms of processor time (limit ${timeLimitMs} ms, best of 3)` });
    }
    if (!run.threw) {
      const v = run.value;
      const why = badResult(v);
      if (why) counts.failures.push({ id: f.id, args, why });
      else if (typeof v === "number") counts.numbers++;
      else if (typeof v === "string") counts.strings++;
      else counts.arrays++;
    } else {
      const e = run.error;
      if (!(e instanceof StubError)) counts.failures.push({ id: f.id, args, why: `uncaught ${e && e.stack ? e.stack : e}` });
      else if (!e.message) counts.failures.push({ id: f.id, args, why: `error ${e.code} without a message` });
      else if (e.message.startsWith("Internal error")) counts.failures.push({ id: f.id, args, why: e.message });
      else if (e.message.length > MAX_MESSAGE) counts.failures.push({ id: f.id, args, why: `a ${e.message.length}-character message` });
      else counts.errors[e.code] = (counts.errors[e.code] || 0) + 1;
    }
  }
  return counts;
}

/** Arguments for a report: long ranges as their row count, long text as its head and length. */
const brief = (args) =>
  JSON.stringify(args, (k, v) =>
    Array.isArray(v) && v.length > 6
      ? `[${v.length} rows]`
      : typeof v === "number" && !Number.isFinite(v)
        ? String(v)
        : typeof v === "string" && v.length > 40
          ? `${v.slice(0, 20)}...(${v.length} chars)`
          : v,
  );

/** The slowest call of each function, slowest first: [{ id, ms, wallMs, args }]. */
const slowestCalls = (counts) =>
  Object.entries(counts.slowest)
    .map(([id, s]) => ({ id, ms: s.ms, wallMs: s.wallMs, args: s.args }))
    .sort((a, b) => b.ms - a.ms);

module.exports = { fuzz, rng, badResult, brief, slowestCalls, MAX_MESSAGE, LONGEST, LONG_SHAPES };
