#!/usr/bin/env node
/* `npm run mutation`: Stryker on the rules (src/rules) and the table readers (src/tables), one
 * family at a time, incrementally (a re-run tests only the mutants whose code or tests changed).
 * Kept out of `npm test` and CI:
 * every family takes minutes to tens of minutes on two cores.
 *
 *   npm run mutation                                  every family, one after the other
 *   npm run mutation -- billing core                  the named families (folders of src/rules, or tables)
 *   npm run mutation -- src/rules/billing/proration.ts    one file (or several)
 *   npm run mutation -- billing --concurrency=1       fewer test processes (default 2)
 *   npm run mutation -- billing --force               every mutant again, ignoring the incremental state
 *
 * Incremental runs re-test a mutant when its code or the tests covering it change. A static
 * mutant (in a module-level table, such as a list of names) is covered by no test in particular,
 * so a new test that kills it is only seen by a --force run.
 *
 * Reports: reports/mutation/<name>.html and .json; the incremental state next to them. The
 * bundle is built first (some related tests load it). No shell: node runs Stryker's CLI. */
"use strict";

const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

/** The families: the folders of src/rules, in name order, then "tables" (src/tables, the table readers the rules use). */
function families(root) {
  const rules = fs
    .readdirSync(path.join(root, "src", "rules"), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return [...rules, "tables"];
}

/** The folder of a family. */
const folderOf = (f) => (f === "tables" ? "src/tables" : `src/rules/${f}`);

/**
 * The Stryker runs for the command line: one per family named (all when none is), plus one for
 * the files named, and the concurrency. Throws on an unknown family, a file outside src/rules or
 * an unknown option.
 * @returns {{ runs: { name: string, mutate: string[] }[], concurrency: number, force: boolean }}
 */
function mutationPlan(argv, known) {
  let concurrency = 2;
  let force = false;
  const named = [];
  const files = [];
  for (const a of argv) {
    if (a.startsWith("--concurrency=")) {
      concurrency = Number(a.slice("--concurrency=".length));
      if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error("--concurrency must be a whole number of at least 1");
    } else if (a === "--force") {
      force = true;
    } else if (a.startsWith("-")) {
      throw new Error(`unknown option ${JSON.stringify(a)}; use family names, src/rules/... files, --concurrency=<n> and --force`);
    } else if (known.includes(a)) {
      named.push(a);
    } else {
      const rel = a.replace(/\\/g, "/").replace(/^\.\//, "");
      if (!/^src\/(rules|tables)\/.+\.ts$/.test(rel))
        throw new Error(`${JSON.stringify(a)} is neither a family (${known.join(", ")}) nor a src/rules/ or src/tables/ .ts file`);
      files.push(rel);
    }
  }
  const runs = (named.length === 0 && files.length === 0 ? known : named).map((f) => ({ name: f, mutate: [`${folderOf(f)}/**/*.ts`] }));
  if (files.length > 0) {
    runs.push({ name: files.map((f) => path.posix.basename(f, ".ts")).join("+"), mutate: files });
  }
  return { runs, concurrency, force };
}

/** The argv and environment of one Stryker run (the target reaches stryker.config.mjs by environment). */
function strykerCommand(tools, run, concurrency, force = false) {
  return {
    command: tools.execPath,
    args: [tools.strykerCli, "run", "stryker.config.mjs", `--concurrency=${concurrency}`, ...(force ? ["--force"] : [])],
    env: { KUSTOMER_MUTATION_NAME: run.name, KUSTOMER_MUTATE: run.mutate.join(",") },
  };
}

function main() {
  const root = path.join(__dirname, "..");
  const { resolveBin, buildCommand, tail } = require("./commands.js");
  let plan;
  try {
    plan = mutationPlan(process.argv.slice(2), families(root));
  } catch (e) {
    console.error(`npm run mutation: ${e.message}`);
    process.exit(2);
  }
  const tools = {
    execPath: process.execPath,
    webpackCli: resolveBin(root, "webpack-cli"),
    strykerCli: resolveBin(root, "@stryker-mutator/core", "stryker"),
  };
  const b = buildCommand(tools);
  const build = spawnSync(b.command, b.args, { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (build.status !== 0) {
    console.error(
      `npm run mutation: the build failed, so no mutant ran:\n${build.error ? build.error.message : tail(`${build.stdout}\n${build.stderr}`)}`,
    );
    process.exit(1);
  }
  let ok = true;
  for (const run of plan.runs) {
    console.log(`\n=== mutation: ${run.name} (${run.mutate.join(", ")}) ===`);
    const started = Date.now();
    const c = strykerCommand(tools, run, plan.concurrency, plan.force);
    const r = spawnSync(c.command, c.args, { cwd: root, stdio: "inherit", env: { ...process.env, ...c.env } });
    console.log(`=== ${run.name}: ${((Date.now() - started) / 60000).toFixed(1)} min; report reports/mutation/${run.name}.html ===`);
    if (r.status !== 0) ok = false;
  }
  // Each file's newest score, for docs/quality.md.
  const { record } = require("./mutation-scores.js");
  const scores = record().files;
  for (const run of plan.runs)
    for (const [file, f] of Object.entries(scores))
      if (run.mutate.some((m) => m === file || file.startsWith(m.replace(/\*\*\/\*\.ts$/, ""))))
        console.log(
          `${file}: ${f.score ?? "n/a"}% (${f.killed} killed, ${f.timeout} timed out, ${f.survived} survived, ${f.no_coverage} not covered; ${f.marks} marks)`,
        );
  console.log("docs/mutation.json updated.");
  process.exit(ok ? 0 : 1);
}

if (require.main === module) main();

module.exports = { families, mutationPlan, strykerCommand };
