#!/usr/bin/env node
// `npm run properties`: runs the property tests (every test file that calls fc.assert) on a
// fast-check seed of your choosing, to explore beyond the fixed seed `npm test` uses.
//   npm run properties -- --seed=random            one fresh seed
//   npm run properties -- --seed=random --rounds=5 five fresh seeds, one after the other
//   npm run properties -- --seed=1234567           replay a seed (as printed by a failing run)
// The seed of each round is printed before it runs; the exit code is non-zero if any round fails.
import { spawnSync } from "node:child_process";
import { randomInt } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

export function parseArgs(argv) {
  let seed = "random";
  let rounds = 1;
  for (const a of argv) {
    if (a.startsWith("--seed=")) seed = a.slice(7);
    else if (a.startsWith("--rounds=")) rounds = Number(a.slice(9));
    else throw new Error(`unknown argument ${JSON.stringify(a)}; use --seed=random|<integer> and --rounds=<n>`);
  }
  if (seed !== "random" && !/^-?\d{1,10}$/.test(seed)) throw new Error(`--seed must be "random" or an integer, got ${JSON.stringify(seed)}`);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error("--rounds must be a whole number of at least 1");
  return { seed, rounds };
}

function propertyFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...propertyFiles(p));
    else if (name.endsWith(".test.ts") && readFileSync(p, "utf8").includes("fc.assert(")) out.push(p);
  }
  return out;
}

function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  const files = propertyFiles(join(root, "test")).map((f) => relative(root, f).split("\\").join("/"));
  const jest = require.resolve("jest/bin/jest");
  let failed = 0;
  for (let round = 0; round < opts.rounds; round++) {
    const seed = opts.seed === "random" ? randomInt(-(2 ** 31), 2 ** 31) : Number(opts.seed) | 0;
    console.log(`\n=== fast-check seed ${seed} (replay: npm run properties -- --seed=${seed}) ===`);
    const r = spawnSync(process.execPath, [jest, "--ci", ...files], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, KUSTOMER_FC_SEED: String(seed) },
    });
    if (r.status !== 0) {
      failed++;
      console.log(`seed ${seed} FAILED; replay with: npm run properties -- --seed=${seed}`);
    }
  }
  console.log(`\n${opts.rounds - failed} of ${opts.rounds} seed(s) passed`);
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
