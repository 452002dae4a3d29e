#!/usr/bin/env node
// `npm test`: builds the add-in once, then runs the whole jest suite under several time zones
// (the rules must not depend on the host's zone), and ends with one summary line.
// Options: --tz=UTC,Asia/Kolkata to choose the zones; other arguments go to jest.
import { spawnSync } from "node:child_process";
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const tzArg = args.find((a) => a.startsWith("--tz="));
const zones = tzArg ? tzArg.slice(5).split(",") : ["UTC", "America/New_York", "Asia/Kolkata", "Pacific/Chatham"];
const jestArgs = args.filter((a) => a !== tzArg);
const bin = (n) => join(root, "node_modules", ".bin", n);

const build = spawnSync(bin("webpack"), ["--mode", "production"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
if (build.status !== 0) {
  console.error("build failed");
  process.exit(1);
}

// Every fast-check property runs on one fixed seed (test/setup/fast-check-seed.ts); explore
// others with `npm run properties -- --seed=random`.
console.log(`fast-check seed: ${process.env.KUSTOMER_FC_SEED ?? "20261123 (fixed)"}`);

const tmp = mkdtempSync(join(tmpdir(), "kustomer-jest-"));
let passed = 0;
let failed = 0;
let ok = true;
for (const tz of zones) {
  console.log(`\n=== jest under TZ=${tz} ===`);
  const out = join(tmp, `${tz.replace(/\W/g, "_")}.json`);
  const r = spawnSync(bin("jest"), ["--ci", "--json", `--outputFile=${out}`, ...jestArgs], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, TZ: tz },
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
console.log(`\nTime zones: ${zones.join(", ")}`);
console.log(`jest: ${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
