#!/usr/bin/env node
// `npm run bench`: one process, several runs, medians. Each money or date function through the
// built bundle (as Excel calls it) beside a bare floating-point version of the same rule (what a
// hand-written Excel formula computes); the big-range functions; the bundle's size and cold load
// time; the context.sync round trips of loading every rate card. `npm run bench -- --json`
// prints only one JSON object. Timing is measured here, never asserted in the test suite.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";

const require = createRequire(import.meta.url);
const { loadBundle, DIST, StubError, ErrorCode } = require("./bundle-loader.js");
const json = process.argv.includes("--json");
const RUNS = 7;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const log = (...a) => {
  if (!json) console.log(...a);
};

const bundle = loadBundle();
const fn = (id) => bundle.registered.get(id);

// ---- serial helpers for the float versions (what a spreadsheet formula does with dates) ----
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const toJsDate = (serial) => new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 864e5);
const toSerial = (d) => Math.round((d.getTime() - EXCEL_EPOCH_MS) / 864e5);
const eomonth = (serial, months) => {
  const d = toJsDate(serial);
  return toSerial(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months + 1, 0)));
};

// ---- money and date functions beside their bare float versions ----
// Each case cycles through 1024 argument lists so nothing is constant-folded.
const JAN1_2025 = 45658;
const VARIANTS = 1024;
const cases = [
  {
    id: "PRORATE",
    args: (i) => [1200 + (i % 97) * 0.25, JAN1_2025, JAN1_2025 + 364, JAN1_2025 + (i % 365), null],
    float: (a, ps, pe, e) => (a * (pe - e + 1)) / (pe - ps + 1),
  },
  {
    id: "SEATCHARGE",
    args: (i) => [1 + (i % 9), 49.99, JAN1_2025, JAN1_2025 + 30, JAN1_2025 + (i % 31), null],
    float: (s, p, ps, pe, e) => (s * p * (pe - e + 1)) / (pe - ps + 1),
  },
  {
    id: "PLANCHANGE",
    args: (i) => [89, 139 + (i % 50), JAN1_2025, JAN1_2025 + 30, JAN1_2025 + (i % 31), null],
    float: (o, n, ps, pe, e) => ((n - o) * (pe - e + 1)) / (pe - ps + 1),
  },
  {
    id: "STORAGEOVERAGE",
    args: (i) => [40 + (i % 100) * 0.1, 45.1, "data", null, null],
    float: (u, a) => Math.max(0, Math.ceil(u - a)) * 50,
  },
  { id: "TRANSLATIONFEE", args: (i) => [1000 + i, null], float: (w) => w * 0.0005 },
  {
    id: "SLACREDIT",
    args: (i) => [0.95 + (i % 50) / 1000, 10000],
    float: (u, fee) => fee * (u >= 0.999 ? 0 : u >= 0.99 ? 0.1 : u >= 0.97 ? 0.25 : 0.5),
  },
  {
    id: "UPTIME",
    args: (i) => [JAN1_2025 + (i % 365), (i % 500) / 10],
    float: (m, o) => {
      const days = eomonth(m, 0) - eomonth(m, -1);
      return (days * 1440 - o) / (days * 1440);
    },
  },
  { id: "SLACLAIMDEADLINE", args: (i) => [JAN1_2025 + (i % 365)], float: (d) => Math.floor(d) + 30 },
  { id: "DEACTIVATIONDATE", args: (i) => [JAN1_2025 + (i % 365), null], float: (d) => Math.floor(d) + 3 },
  { id: "PRICEEFFECTIVE", args: (i) => [JAN1_2025 + (i % 365), null], float: (d) => eomonth(Math.floor(d) + 29, 0) + 1 },
  { id: "PSKICKOFFDEADLINE", args: (i) => ["Implementation - Basic", JAN1_2025 + (i % 365)], float: (p, d) => Math.floor(d) + 30 },
  { id: "PSEXPIRY", args: (i) => ["Implementation - Standard", JAN1_2025 + (i % 365)], float: (p, d) => Math.floor(d) + 84 },
];

function callsPerSecond(f, argLists, n) {
  let sink = 0;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const r = f(...argLists[i & (VARIANTS - 1)]);
    if (typeof r === "number") sink += r;
  }
  const ms = performance.now() - t0;
  if (Number.isNaN(sink)) throw new Error("NaN in benchmark");
  return n / (ms / 1000);
}

function measure(f, argLists, n) {
  callsPerSecond(f, argLists, Math.min(n, 50000)); // warm up
  return median(Array.from({ length: RUNS }, () => callsPerSecond(f, argLists, n)));
}

const rows = [];
const out = {};
for (const c of cases) {
  const f = fn(c.id);
  if (!f) continue;
  const argLists = Array.from({ length: VARIANTS }, (_, i) => c.args(i));
  const r0 = f(...argLists[0]);
  if (typeof r0 !== "number") throw new Error(`${c.id} returned ${JSON.stringify(r0)} for ${JSON.stringify(argLists[0])}`);
  const exact = measure(f, argLists, 200000);
  const float = measure(c.float, argLists, 2000000);
  rows.push({ fn: c.id, exact, float, ratio: float / exact });
  if (c.id === "PRORATE") {
    out.prorate_calls_per_s = Math.round(exact);
    out.prorate_float_calls_per_s = Math.round(float);
  }
}

// ---- big ranges ----
function timeMs(f) {
  f(); // warm up
  return median(
    Array.from({ length: RUNS }, () => {
      const t0 = performance.now();
      f();
      return performance.now() - t0;
    }),
  );
}
const ranged = [];
if (fn("DATASTORAGE")) {
  const types = ["Company", "Customer", "Conversation", "Message", "Attachment", "Event", "Note", "KObject", "Custom attribute"];
  const recordTypes = Array.from({ length: 100000 }, (_, i) => [types[i % types.length]]);
  const counts = Array.from({ length: 100000 }, (_, i) => [(i * 7919) % 100000]);
  out.datastorage_100k_ms = timeMs(() => fn("DATASTORAGE")(recordTypes, counts));
  ranged.push(["DATASTORAGE, 100k rows", out.datastorage_100k_ms, 50]);
}
if (fn("TRANSLATEDWORDS")) {
  const pieces = ["Return my order ", "Où est mon colis ? ", "注文をキャンセルしたい ", "Thanks 👍🏽 ", "Danke schön! ", "plain ascii text "];
  const texts = Array.from({ length: 100000 }, (_, i) => {
    let s = "";
    for (let k = i; s.length < 100; k++) s += i % 10 < 6 ? pieces[0] + pieces[5] : pieces[k % pieces.length];
    return [s.slice(0, 100)];
  });
  out.translatedwords_100k_ms = timeMs(() => fn("TRANSLATEDWORDS")(texts, null));
  ranged.push(["TRANSLATEDWORDS, 100k texts of 100 chars (60% ASCII)", out.translatedwords_100k_ms, 250]);
}
if (fn("OUTAGEMINUTES")) {
  const JUN1 = 45809; // 2025-06-01
  const starts = [];
  const ends = [];
  for (let i = 0; i < 10000; i++) {
    const s = JUN1 + ((i * 7919) % (30 * 1440)) / 1440;
    starts.push([s]);
    ends.push([s + (1 + (i % 30)) / 1440]);
  }
  out.outageminutes_10k_ms = timeMs(() => fn("OUTAGEMINUTES")(JUN1, starts, ends, null, null, null));
  ranged.push(["OUTAGEMINUTES, 10k downtimes", out.outageminutes_10k_ms, 20]);
}

// ---- the bundle ----
const code = readFileSync(join(DIST, "functions.js"), "utf8");
out.bundle_bytes = Buffer.byteLength(code);
out.bundle_load_ms = median(
  Array.from({ length: 15 }, (_, i) => {
    // A unique comment defeats V8's compilation cache: every load parses and runs the bundle cold.
    const source = `${code}\n//# cold-load ${i} ${Math.random()}`;
    const t0 = performance.now();
    vm.runInNewContext(source, { CustomFunctions: { associate() {}, Error: StubError, ErrorCode } });
    return performance.now() - t0;
  }),
);

// ---- context.sync round trips to load every built-in rate card ----
try {
  const { measureCardLoadSyncs } = require("./bench-cards.cjs");
  out.card_load_syncs = await measureCardLoadSyncs();
} catch (e) {
  out.card_load_syncs = null;
  log(`(card load syncs not measured: ${e.message})`);
}

// ---- context.sync round trips of the pane's Quote and Invoice check sheets (issue 12) ----
try {
  const { measureSheetSyncs } = require("./bench-sheets.cjs");
  out.sheet_syncs = await measureSheetSyncs();
} catch (e) {
  out.sheet_syncs = null;
  log(`(sheet syncs not measured: ${e.message})`);
}

if (json) {
  console.log(JSON.stringify(out));
} else {
  const fmt = (n) => Math.round(n).toLocaleString("en-US");
  console.log(`\nMoney and date functions: calls per second through the bundle vs a bare float formula (median of ${RUNS} runs)`);
  console.log("| function | exact (calls/s) | bare float (calls/s) | float / exact |");
  console.log("|---|---:|---:|---:|");
  for (const r of rows) console.log(`| ${r.fn} | ${fmt(r.exact)} | ${fmt(r.float)} | ${r.ratio.toFixed(1)}x |`);
  console.log(`\nBig ranges (median of ${RUNS} runs)`);
  console.log("| case | ms | target |");
  console.log("|---|---:|---:|");
  for (const [name, ms, target] of ranged) console.log(`| ${name} | ${ms.toFixed(1)} | < ${target} |`);
  console.log("\nBundle and task pane");
  console.log("| measure | value | target |");
  console.log("|---|---:|---:|");
  console.log(`| functions.js (minified) | ${fmt(out.bundle_bytes)} bytes | <= 120 KB |`);
  console.log(`| cold load (new vm context) | ${out.bundle_load_ms.toFixed(1)} ms | < 50 ms |`);
  console.log(`| context.sync round trips, all rate cards | ${out.card_load_syncs ?? "n/a"} | <= 2 |`);
  if (out.sheet_syncs) {
    console.log("\nSheets built by the pane (fake Excel: round trips and queued commands per sheet)");
    console.log("| sheet | workbook | context.sync round trips | commands | ms | target |");
    console.log("|---|---|---:|---:|---:|---:|");
    for (const r of out.sheet_syncs) console.log(`| ${r.sheet} | ${r.workbook} | ${r.syncs} | ${fmt(r.commands)} | ${r.ms.toFixed(1)} | <= 2 round trips |`);
  }
}
