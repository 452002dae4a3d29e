#!/usr/bin/env node
/* docs/quality.md, generated from `npm run bench -- --json` so no figure in it is typed by hand.
 *
 *   npm run quality                              build, run the bench once (minutes of CPU), write
 *                                                docs/quality.json (the bench's JSON) and docs/quality.md
 *   node scripts/quality-doc.js --from=FILE      render docs/quality.md from a saved JSON
 *                                                (`npm run bench -- --json > FILE`), and keep it as docs/quality.json
 *   node scripts/quality-doc.js --check          fail when docs/quality.md is not docs/quality.json rendered
 *
 * The page also shows the mutation scores recorded in docs/mutation.json (`npm run mutation`).
 * test/scripts/quality-doc.test.ts checks the committed page is the committed JSON rendered. */
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.join(__dirname, "..");
const MD = path.join(ROOT, "docs", "quality.md");
const JSON_FILE = path.join(ROOT, "docs", "quality.json");
const MUTATION_FILE = path.join(ROOT, "docs", "mutation.json");
/** docs/mutation.json (written by `npm run mutation`), or none. */
const readMutation = () => (fs.existsSync(MUTATION_FILE) ? JSON.parse(fs.readFileSync(MUTATION_FILE, "utf8")) : { files: {} });

const int = (n) => Math.round(n).toLocaleString("en-US");
const fixed = (n, d) => (n === null || n === undefined ? "n/a" : Number(n).toFixed(d));
const esc = (s) => String(s).replace(/\|/g, "\\|");
const table = (head, align, rows) =>
  [
    `| ${head.join(" | ")} |`,
    `|${align.map((a) => (a === "r" ? "---:" : "---")).join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");

/**
 * What a miss of the per-call goal comes from, for the functions whose cost grows with their
 * input or their spill (the goal was set for one value a call): a sentence per function missed.
 */
const WHY_MISSED = {
  MAINTENANCEWINDOWS:
    "MAINTENANCEWINDOWS spills a row per standing window in the month (21 to 31 in its examples) and, with an IANA time zone (two of its five examples), reads the start and end of every weekday window near the month from the engine's time-zone database (Intl): 50 to 70 readings of about 2 µs each, which no rewrite of ours removes. In UTC or a fixed offset it reads none.",
  OUTAGEMINUTES:
    "OUTAGEMINUTES takes ranges: two of its seven examples hold 24 downtime and maintenance rows, and its 99th percentile is their cost (about half a microsecond a row, as in the 10,000-row month below).",
  OUTAGEWORKING: "OUTAGEWORKING takes ranges and spills every step of the sweep; its example holds 8 rows in four ranges and spills 8.",
  SLAWORKING:
    "SLAWORKING spills 6 or 7 rows, each an exact decimal computation (the uptime ratio, the band compared exactly, the credit) turned into a double.",
  SCHEDULEDMAINTENANCEWORKING: "SCHEDULEDMAINTENANCEWORKING takes ranges and spills a row per claim.",
  STORAGEWORKING: "STORAGEWORKING takes ranges and spills a row per record type.",
  PLANCHANGEWORKING: "PLANCHANGEWORKING spills 7 rows (12 on the months basis), each an exact decimal computation turned into a double.",
};
function missedCalls(b) {
  const goal = b.goal_us ?? 10;
  const missed = [...new Set((b.per_call || []).filter((r) => r.p99_us > goal).map((r) => r.fn.replace(/ with rates$/, "")))];
  if (missed.length === 0) return [];
  return [`Missed: ${missed.join(", ")}. ${missed.map((f) => WHY_MISSED[f] ?? `${f}: not explained yet.`).join(" ")}`, ""];
}

/** The mutation scores section, from docs/mutation.json's `files`. */
function renderMutation(files) {
  const rows = Object.entries(files || {});
  if (rows.length === 0) return [];
  const pct = (x) => (x === null || x === undefined ? "not measured" : `${fixed(x, 2)}%`);
  const marks = rows.reduce((n, [, f]) => n + f.marks, 0);
  return [
    "## Mutation scores",
    "",
    `\`npm run mutation\` (Stryker) changes one operator, condition or literal of a rule at a time and runs the tests that cover it; the score is the share of those mutants the tests catch (killed or timed out), over the mutants that ran. A \`// Stryker disable\` mark leaves a mutant out of the score, so a file's score without marks is only known when it carries none. The marks in these files when measured: ${marks}. Each file's newest run (docs/mutation.json, written by \`npm run mutation\`; the source it mutated is identified by its SHA-256 there).`,
    "",
    table(
      ["file", "measured", "killed", "timed out", "survived", "not covered", "marks", "score", "score without marks"],
      ["l", "l", "r", "r", "r", "r", "r", "r", "r"],
      rows.map(([file, f]) => [
        file,
        f.measured,
        int(f.killed),
        int(f.timeout),
        int(f.survived),
        int(f.no_coverage),
        int(f.marks),
        pct(f.score),
        pct(f.score_without_marks),
      ]),
    ),
    "",
    ...rows.flatMap(([file, f]) =>
      (f.survivors || []).length === 0
        ? []
        : [`Surviving in ${file} (line:column, mutator, replacement): ${f.survivors.map((x) => `\`${esc(x)}\``).join("; ")}.`, ""],
    ),
  ];
}

/** The page for one run of the bench (its `--json` object) and the mutation scores (docs/mutation.json). */
function renderQuality(b, mutation = { files: {} }) {
  const m = b.machine || {};
  const fns = Object.entries(b.functions || {});
  const withRates = fns.filter(([, f]) => f.rates_cost !== undefined);
  const out = [];
  out.push(
    "# Measured quality",
    "",
    "<!-- Generated by scripts/quality-doc.js from docs/quality.json (`npm run bench -- --json`): do not edit by hand; `npm run quality` re-measures. -->",
    "",
    `Measured ${m.date ?? "(date not recorded)"} on ${m.cpus ?? "?"} CPU cores (${esc(m.cpu_model || "unknown model")}, ${m.platform ?? "?"}), Node ${m.node ?? "?"}.`,
    `Load average (1, 5, 15 min) at the start: ${(m.loadavg_start || []).join(", ") || "n/a"}; at the end: ${(m.loadavg_end || []).join(", ") || "n/a"}.`,
    "Calls per second and times vary with the machine's load; the ratios are steadier. The test suite asserts none of them.",
    "",
    "## The goal, and why",
    "",
    `Excel runs the add-in's functions in a shared JavaScript runtime and marshals every call of a custom function across a process boundary: the host's own cost for one call is far larger than the rule's, and a workbook feels slow from how many calls it makes (long chains, a few thousand cells), not from microseconds inside a rule. So the goal is set by the host, not by a calls-per-second race: **each call at most ${b.goal_us ?? 10} µs at the 99th percentile on realistic inputs; an SLA month of 10,000 log rows (with as many maintenance and excluded rows) at most 20 ms, and 100,000 texts at most 250 ms, of processor time; under 100 KB gzip to start.** Inside that goal every rule takes one exact path (money in exact decimals, dates as whole serials), with no shortcut beside it: a shortcut that saves a microsecond the host cannot show is code to test and nothing a user gains.`,
    "",
    "## Each call",
    "",
    `Every function is called ${b.per_call_rounds ? `in ${b.per_call_rounds} rounds of ${int(b.per_call_calls ?? 20000)} calls` : `${int(b.per_call_calls ?? 20000)} times`} through the built bundle exactly as Excel calls it: on its help examples (the inputs the help page shows) and, where the next table has them, on 1024 varied arguments, half the calls each; "with rates" passes the built-in card as \`rates\`, a fresh copy of the array per call as Excel passes one. The median and 99th percentile are of the wall time of each call, less the cost of reading the clock (${fixed(b.clock_overhead_us, 3)} µs); the processor time is a round's over its calls${b.per_call_rounds ? "; each figure is the median of the rounds' (a round in which another process took the core does not set it)" : ""}.`,
    "",
    table(
      [
        "function",
        "inputs",
        "median µs",
        "99th percentile µs",
        "processor µs a call",
        "goal: 99th percentile <= " + (b.goal_us ?? 10) + " µs",
      ],
      ["l", "l", "r", "r", "r", "l"],
      (b.per_call || []).map((r) => [
        r.fn,
        r.inputs,
        fixed(r.median_us, 2),
        fixed(r.p99_us, 2),
        fixed(r.cpu_us, 2),
        r.p99_us <= (b.goal_us ?? 10) ? "met" : "**missed**",
      ]),
    ),
    "",
    ...missedCalls(b),
    "## Money and date functions",
    "",
    `Each function is called through the built bundle exactly as Excel calls it (arguments checked, money exact), median of ${b.runs ?? "several"} runs. "Bare float" is the same rule written as a hand-made Excel formula computes it, in binary floating point with no checks. "With rates" passes the built-in card as the \`rates\` argument, header row included, a fresh copy of the array per call as Excel passes one; "cost of rates" is the time of a call with the table over one without.`,
    "",
    table(
      ["function", "exact (calls/s)", "bare float (calls/s)", "float / exact", "cost of rates"],
      ["l", "r", "r", "r", "r"],
      fns.map(([id, f]) => [
        id,
        int(f.calls_per_s),
        f.float_calls_per_s === undefined ? "n/a" : int(f.float_calls_per_s),
        `${fixed(f.float_ratio, 1)}x`,
        f.rates_cost === undefined ? "" : `${fixed(f.rates_cost, 2)}x (${f.rates_rows} rows)`,
      ]),
    ),
    "",
  );
  if (withRates.length) {
    const costs = withRates.map(([, f]) => f.rates_cost);
    out.push(
      `Passing \`rates\` costs from ${fixed(Math.min(...costs), 2)}x to ${fixed(Math.max(...costs), 2)}x a call without it: the table is compared cell by cell with the one read last, so the cost grows with its cells (the PS packages' card is the largest).`,
      "",
    );
  }
  out.push(
    "## Big ranges",
    "",
    "Median of the runs; the target is on processor time, which other processes do not inflate. The logs are scattered over the month, not in time order.",
    "",
    table(
      ["case", "wall ms", "processor ms", "target", "goal"],
      ["l", "r", "r", "r", "l"],
      (b.ranges || []).map((r) => {
        const cpu = r.cpu_ms ?? r.ms;
        return [esc(r.case), fixed(r.wall_ms ?? r.ms, 1), fixed(cpu, 1), `<= ${r.target_ms}`, cpu <= r.target_ms ? "met" : "**missed**"];
      }),
    ),
    "",
    "## TRANSLATEDWORDS on every script",
    "",
    "Characters are counted with `unicode-segmenter` (linear; no `Intl.Segmenter` needed). The target is on processor time, which other processes do not inflate.",
    "",
    table(
      ["case", "wall ms", "processor ms", "target"],
      ["l", "r", "r", "r"],
      (b.scripts || []).map((r) => [esc(r.case), fixed(r.wall_ms, 1), fixed(r.cpu_ms, 1), `< ${r.target_ms}`]),
    ),
    "",
    "## Hostile 32,767-character arguments",
    "",
    "The slowest of several shapes that make parsers backtrack, per kind of argument: every argument parser is linear.",
    "",
    table(
      ["argument", "slowest shape", "ms", "target"],
      ["l", "l", "r", "r"],
      (b.hostile || []).map((r) => [esc(r.argument), esc(r.shape), fixed(r.ms, 3), "< 5"]),
    ),
    "",
  );
  if (b.fuzz) {
    out.push(
      "## Fuzzing",
      "",
      `A seeded sample of ${int(b.fuzz.calls)} generated calls (NaN, ±Infinity, 1e308, text in several scripts and hostile shapes, dates as text, booleans, Excel data types and error values, ranges empty, ragged and of tens of thousands of rows). A call must return a finite number, a string or a 2-D array of those, or an Excel error with a short message, within 50 ms of processor time (best of three). Failures: ${b.fuzz.failures}. \`npm run fuzz\` runs 100,000 calls; the test suite runs a seeded sample without the time limit, and fails a function whose cost grows faster than its text (\`test/growth.test.ts\`: every argument, every hostile shape, 32,767 characters at most 100 times the cost of 1,000).`,
      "",
      table(
        ["function", "slowest call, processor ms", "wall ms", "arguments", "target"],
        ["l", "r", "r", "l", "r"],
        b.fuzz.slowest.map((s) => [s.id, fixed(s.ms, 2), fixed(s.wall_ms, 2), `\`${esc(s.args)}\``, "< 50"]),
      ),
      "",
    );
  }
  out.push(
    "## Bundle and task pane",
    "",
    table(
      ["measure", "value", "target"],
      ["l", "r", "r"],
      [
        ["functions.js (minified)", `${int(b.bundle_bytes)} bytes`, "<= 120 KB"],
        ...(b.bundle_gzip_bytes === undefined ? [] : [["functions.js (gzip)", `${int(b.bundle_gzip_bytes)} bytes`, ""]]),
        ...(b.startup_gzip_bytes === undefined
          ? []
          : [[`to start: ${(b.startup_files || []).join(", ")} (gzip)`, `${int(b.startup_gzip_bytes)} bytes`, "< 100 KB"]]),
        ["cold load (new vm context)", `${fixed(b.bundle_load_ms, 1)} ms`, "< 50 ms"],
        ["context.sync round trips, all rate cards", String(b.card_load_syncs ?? "n/a"), "<= 2"],
        ...(b.sheet_syncs || []).map((r) => [
          `context.sync round trips, ${r.sheet} (${r.workbook}; ${int(r.commands)} commands)`,
          String(r.syncs),
          "<= 2",
        ]),
      ],
    ),
    "",
    "## The Order import",
    "",
    "The worst file shapes found by probing, against a plain file of the same size (median of 5 runs).",
    "",
    table(
      ["file", "characters", "ms", "plain file, ms", "target"],
      ["l", "r", "r", "r", "r"],
      (b.order_import || []).map((r) => [esc(r.name), int(r.chars), fixed(r.ms, 1), fixed(r.plain_ms, 1), "< 1000"]),
    ),
    "",
    ...renderMutation(mutation.files),
    "## What the suite checks on every run",
    "",
    "- **Invariants** (fast-check, fixed seed): a whole period prorates to the whole amount; a plan change split at any day sums to the two pieces; overage never falls as usage rises; the SLA credit never rises as uptime rises and never exceeds 50%; raising the maintenance cap never raises the Outage minutes, and the cap's run-by-run sweep excuses exactly the seconds its second-by-second definition does; a business-day result is never a weekend or a listed holiday; serial to date and back is the identity in both date systems.",
    "- **Exact money without binary rounding**: every amount is read as the exact decimal it shows and computed in exact decimals (decimal.js-light), with one division at the end, cut at 40 significant digits (23 more than a double holds; src/rules/core/money.ts gives the bound under which the double Excel receives is the one nearest the exact quotient); where a shortcut stays beside the exact path because the goal above needs it, a property test compares the two on generated inputs.",
    "- **Safety**: no `eval` or `new Function` in any bundle, no network call in `functions.js` (`test/bundle/safety.test.ts`). `npm run audit` runs `npm audit --omit=dev` and says so when the registry does not answer its audit service.",
    "",
  );
  return out.join("\n");
}

module.exports = { renderQuality, readMutation };

if (require.main === module) {
  const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  if (process.argv.includes("--check")) {
    const want = renderQuality(JSON.parse(fs.readFileSync(JSON_FILE, "utf8")), readMutation());
    if (fs.readFileSync(MD, "utf8") !== want) {
      console.error("docs/quality.md is not docs/quality.json rendered: run node scripts/quality-doc.js --from=docs/quality.json");
      process.exit(1);
    }
    process.exit(0);
  }
  let text;
  const from = arg("from");
  if (from) text = fs.readFileSync(path.resolve(from), "utf8");
  else {
    console.log("Running the bench (node scripts/bench.mjs --json): a few minutes of CPU...");
    const r = spawnSync(process.execPath, [path.join(__dirname, "bench.mjs"), "--json"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) {
      console.error(r.stderr || `bench.mjs exited with ${r.status}`);
      process.exit(1);
    }
    text = r.stdout;
  }
  // A saved page of JSON (docs/quality.json itself), or the bench's output: one JSON object on
  // its last line that is one (a build warning may precede it).
  let bench;
  try {
    bench = JSON.parse(text);
  } catch {
    const line = text
      .trim()
      .split(/\r?\n/)
      .reverse()
      .find((l) => l.startsWith("{"));
    if (!line) throw new Error("no JSON object in the bench's output");
    bench = JSON.parse(line);
  }
  fs.mkdirSync(path.dirname(MD), { recursive: true });
  fs.writeFileSync(JSON_FILE, `${JSON.stringify(bench, null, 2)}\n`);
  fs.writeFileSync(MD, renderQuality(bench, readMutation()));
  console.log("docs/quality.json and docs/quality.md written.");
}
