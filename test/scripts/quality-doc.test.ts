/**
 * docs/quality.md is generated (scripts/quality-doc.js) from the bench's JSON, docs/quality.json
 * (`npm run bench -- --json`), never typed by hand: the committed page must be the committed JSON
 * rendered, and every figure on it comes from the JSON.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { renderQuality, readMutation } = require("../../scripts/quality-doc") as {
  renderQuality: (b: unknown, mutation?: unknown) => string;
  readMutation: () => unknown;
};

const docs = join(__dirname, "..", "..", "docs");

test("docs/quality.md is docs/quality.json rendered, with docs/mutation.json's scores (re-measure with npm run quality)", () => {
  const bench = JSON.parse(readFileSync(join(docs, "quality.json"), "utf8"));
  expect(readFileSync(join(docs, "quality.md"), "utf8")).toBe(renderQuality(bench, readMutation()));
});

test("the page shows the JSON's figures, the machine and its load", () => {
  const md = renderQuality({
    runs: 7,
    machine: {
      date: "2026-12-06 12:00 UTC",
      node: "v20.1.0",
      platform: "linux x64",
      cpus: 2,
      cpu_model: "Test CPU",
      loadavg_start: [1.5, 1, 0.5],
      loadavg_end: [2, 1.25, 0.75],
    },
    functions: {
      PRORATE: { calls_per_s: 1234567, float_calls_per_s: 7654321, float_ratio: 6.2 },
      "SLACREDIT with rates": { calls_per_s: 4000000, float_calls_per_s: 40000000, float_ratio: 10, rates_cost: 1.81, rates_rows: 5 },
    },
    goal_us: 10,
    per_call_calls: 20000,
    clock_overhead_us: 0.031,
    per_call: [
      { fn: "PRORATE", inputs: "examples + varied", median_us: 1.234, p99_us: 4.5, cpu_us: 1.5 },
      { fn: "OUTAGEMINUTES", inputs: "examples", median_us: 6, p99_us: 10.01, cpu_us: 7 },
    ],
    ranges: [
      { case: "DATASTORAGE, 100k rows", wall_ms: 9.96, cpu_ms: 4.84, target_ms: 50 },
      { case: "OUTAGEMINUTES, 10k downtimes", wall_ms: 30, cpu_ms: 20.06, target_ms: 20 },
    ],
    scripts: [{ case: "100k Thai texts of 100 chars", wall_ms: 140.2, cpu_ms: 131.4, target_ms: 250 }],
    hostile: [{ argument: "PRORATE amount", shape: "1,1,1,...", ms: 0.1234 }],
    fuzz: { calls: 50000, failures: 0, slowest: [{ id: "STORAGEWORKING", ms: 3.4, wall_ms: 3.9, args: "[33059 rows] | x" }] },
    bundle_bytes: 130392,
    bundle_gzip_bytes: 45001,
    startup_files: ["taskpane.html", "functions.js"],
    startup_gzip_bytes: 90123,
    bundle_load_ms: 12.54,
    card_load_syncs: 2,
    sheet_syncs: [{ sheet: "Quote", workbook: "empty", syncs: 2, commands: 415, ms: 3 }],
    order_import: [{ name: "quotes", chars: 1000000, ms: 101.26, plain_ms: 80.04 }],
  });
  expect(md).toContain("Measured 2026-12-06 12:00 UTC on 2 CPU cores (Test CPU, linux x64), Node v20.1.0.");
  expect(md).toContain("Load average (1, 5, 15 min) at the start: 1.5, 1, 0.5; at the end: 2, 1.25, 0.75.");
  expect(md).toContain("| PRORATE | 1,234,567 | 7,654,321 | 6.2x |  |");
  expect(md).toContain("| SLACREDIT with rates | 4,000,000 | 40,000,000 | 10.0x | 1.81x (5 rows) |");
  // The goal, with the host's cost per call as its reason; each function against it.
  expect(md).toContain("**each call at most 10 µs at the 99th percentile on realistic inputs;");
  expect(md).toContain("marshals every call of a custom function across a process boundary");
  expect(md).toContain("Every function is called 20,000 times");
  expect(md).toContain("less the cost of reading the clock (0.031 µs)");
  expect(md).toContain("| PRORATE | examples + varied | 1.23 | 4.50 | 1.50 | met |");
  // 10.01 is over 10: missed, however close.
  expect(md).toContain("| OUTAGEMINUTES | examples | 6.00 | 10.01 | 7.00 | **missed** |");
  // Big ranges: the target is on processor time (4.84 <= 50 met; 20.06 > 20 missed).
  expect(md).toContain("| DATASTORAGE, 100k rows | 10.0 | 4.8 | <= 50 | met |");
  expect(md).toContain("| OUTAGEMINUTES, 10k downtimes | 30.0 | 20.1 | <= 20 | **missed** |");
  expect(md).toContain("| 100k Thai texts of 100 chars | 140.2 | 131.4 | < 250 |");
  expect(md).toContain("| PRORATE amount | 1,1,1,... | 0.123 | < 5 |");
  expect(md).toContain("| STORAGEWORKING | 3.40 | 3.90 | `[33059 rows] \\| x` | < 50 |");
  expect(md).toContain("| functions.js (minified) | 130,392 bytes | <= 120 KB |");
  expect(md).toContain("| functions.js (gzip) | 45,001 bytes |  |");
  expect(md).toContain("| to start: taskpane.html, functions.js (gzip) | 90,123 bytes | < 100 KB |");
  expect(md).toContain("| context.sync round trips, Quote (empty; 415 commands) | 2 | <= 2 |");
  expect(md).toContain("| quotes | 1,000,000 | 101.3 | 80.0 | < 1000 |");
});

test("the mutation scores: each file's counts, its marks, and a score without marks only where it carries none", () => {
  const file = (marks: number, score: number, survivors: string[] = []) => ({
    measured: "2026-12-08 02:00 UTC",
    killed: 40,
    timeout: 5,
    survived: survivors.length,
    no_coverage: 0,
    marks,
    score,
    score_without_marks: marks === 0 ? score : null,
    survivors,
  });
  const md = renderQuality(
    {},
    { files: { "src/rules/a.ts": file(0, 100), "src/rules/b.ts": file(2, 95.74, ["12:7 EqualityOperator -> a <= b"]) } },
  );
  expect(md).toContain("The marks in these files when measured: 2.");
  expect(md).toContain("| src/rules/a.ts | 2026-12-08 02:00 UTC | 40 | 5 | 0 | 0 | 0 | 100.00% | 100.00% |");
  expect(md).toContain("| src/rules/b.ts | 2026-12-08 02:00 UTC | 40 | 5 | 1 | 0 | 2 | 95.74% | not measured |");
  expect(md).toContain("Surviving in src/rules/b.ts (line:column, mutator, replacement): `12:7 EqualityOperator -> a <= b`.");
  // No scores recorded: no section.
  expect(renderQuality({})).not.toContain("## Mutation scores");
});

test("a function that misses the per-call goal is named with why; one without an explanation says so", () => {
  const row = (fn: string, p99: number) => ({ fn, inputs: "examples", median_us: 5, p99_us: p99, cpu_us: 5 });
  const md = renderQuality({
    goal_us: 10,
    per_call: [row("PRORATE", 9.99), row("MAINTENANCEWINDOWS", 141), row("NEWFN", 10.01), row("SLAWORKING with rates", 13)],
  });
  expect(md).toContain("Missed: MAINTENANCEWINDOWS, NEWFN, SLAWORKING. MAINTENANCEWINDOWS spills a row per standing window");
  expect(md).toContain("NEWFN: not explained yet.");
  expect(md).not.toMatch(/Missed: [^\n]*PRORATE/);
  expect(renderQuality({ goal_us: 10, per_call: [row("PRORATE", 10)] })).not.toContain("Missed:");
});
