#!/usr/bin/env node
// `npm test`: builds the add-in once, then runs the whole jest suite under several time zones
// (the rules must not depend on the host's zone), then the cross-engine tests (test/engines: the
// bundle's calls and the help page in Chromium, Firefox and WebKit) once, and ends with one
// summary line. The first zone's run records the calls the bundle tests make (KUSTOMER_RECORD_CALLS)
// for the engines to replay.
// Options: --tz=UTC,Asia/Kolkata to choose the zones; --engines-only (`npm run test:engines`) for
// the cross-engine tests alone; other arguments go to jest (the zones' runs, and then the engines'
// do not run).
import { spawnSync } from "node:child_process";
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const tzArg = args.find((a) => a.startsWith("--tz="));
const enginesOnly = args.includes("--engines-only");
const zones = enginesOnly ? [] : tzArg ? tzArg.slice(5).split(",") : ["UTC", "America/New_York", "Asia/Kolkata", "Pacific/Chatham"];
const jestArgs = args.filter((a) => a !== tzArg && a !== "--engines-only");
const require = createRequire(import.meta.url);
const { buildCommand, jestCommand, resolveBin, tail } = require("./commands.js");
// Node runs the tools' JS CLIs itself: the same on Windows (no .cmd shims), Mac and Linux.
const tools = { execPath: process.execPath, webpackCli: resolveBin(root, "webpack-cli"), jestCli: resolveBin(root, "jest") };

const b = buildCommand(tools);
const build = spawnSync(b.command, b.args, { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
if (build.status !== 0) {
  const why = build.error ? build.error.message : tail(`${build.stdout}\n${build.stderr}`);
  console.error(`npm test: the build (webpack --mode production) failed, so no test ran:\n${why}`);
  process.exit(1);
}
if (/PRODUCTION BUILD WITHOUT ADDIN_PUBLIC_URL/.test(`${build.stdout}${build.stderr}`))
  console.log("build: done; its manifest points at https://localhost:3000/ (no ADDIN_PUBLIC_URL), as the tests expect.");

// Every fast-check property runs on one fixed seed (test/setup/fast-check-seed.ts); explore
// others with `npm run properties -- --seed=random`.
console.log(`fast-check seed: ${process.env.KUSTOMER_FC_SEED ?? "20261123 (fixed)"}`);

const tmp = mkdtempSync(join(tmpdir(), "kustomer-jest-"));
let passed = 0;
let failed = 0;
let ok = true;
// The whole suite's first run records the bundle tests' calls; a filtered run leaves the engines
// test to record them itself.
const calls = join(tmp, "calls");
const recordCalls = jestArgs.length === 0 && zones.length > 0;
const runs = zones.map((tz, i) => ({
  title: `jest under TZ=${tz}`,
  file: tz.replace(/\W/g, "_"),
  args: jestArgs,
  env: { TZ: tz, ...(i === 0 && recordCalls ? { KUSTOMER_RECORD_CALLS: calls } : {}) },
}));
// The cross-engine tests run once (each sets its browsers' zone to Pacific/Chatham), one file at a
// time; not after a run filtered to some tests.
if (enginesOnly || jestArgs.length === 0)
  runs.push({
    title: "the cross-engine tests (Chromium, Firefox, WebKit), once",
    file: "engines",
    args: ["--runInBand", "test/engines"],
    env: { KUSTOMER_ENGINES: "1", ...(recordCalls ? { KUSTOMER_BUNDLE_CALLS: calls } : {}) },
  });
for (const run of runs) {
  console.log(`\n=== ${run.title} ===`);
  const out = join(tmp, `${run.file}.json`);
  const j = jestCommand(tools, ["--ci", "--json", `--outputFile=${out}`, ...run.args]);
  const r = spawnSync(j.command, j.args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...run.env },
  });
  let result;
  try {
    result = JSON.parse(readFileSync(out, "utf8"));
  } catch {
    result = { numPassedTests: 0, numFailedTests: 1, numTotalTests: 0 };
  }
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  if (r.status !== 0 || result.numTotalTests === 0) ok = false;
}
rmSync(tmp, { recursive: true, force: true });
console.log(`\nTime zones: ${zones.join(", ") || "none (--engines-only)"}; engines: Chromium, Firefox, WebKit in Pacific/Chatham`);
console.log(`jest: ${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
