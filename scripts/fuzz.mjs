#!/usr/bin/env node
// `npm run fuzz`: 100,000 generated argument lists through every registered function of the
// built bundle (run `npm run build` first). Prints the counts and the slowest call of each
// function; exits 1 on any bad result, and on any call slower than the time limit (50 ms of
// processor time, on its best of three runs: see fuzz-lib.js). The jest sample (test/fuzz.test.ts) has no time
// limit, so a loaded CI machine cannot fail it; the limit is enforced here. In CI, test/growth.test.ts
// guards the same hostile texts by how cost grows with length (a ratio, not a limit).
// Options: --calls=N --seed=S --limit=MS
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const { fuzz, brief, slowestCalls } = require("./fuzz-lib.js");

const opt = (name, dflt) => Number((process.argv.find((a) => a.startsWith(`--${name}=`)) || `=${dflt}`).split("=")[1]);
const calls = opt("calls", 100000);
const seed = opt("seed", 20261121);
const limit = opt("limit", 50);
const t0 = performance.now();
const c = fuzz({ calls, seed, timeLimitMs: limit });
const ms = performance.now() - t0;
console.log(`fuzz: ${c.calls} calls (seed ${seed}) in ${(ms / 1000).toFixed(1)} s, time limit ${limit} ms a call`);
console.log(`  numbers ${c.numbers}, strings ${c.strings}, arrays ${c.arrays}`);
console.log(
  `  Excel errors: ${Object.entries(c.errors)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ")}`,
);
console.log("  slowest call per function (processor ms, wall ms, best of 3):");
for (const s of slowestCalls(c)) {
  console.log(`    ${s.ms.toFixed(2).padStart(8)} ${s.wallMs.toFixed(2).padStart(8)}  ${s.id}(${brief(s.args).slice(0, 150)})`);
}
console.log(`  failures: ${c.failures.length}`);
for (const f of c.failures.slice(0, 20)) console.log(`    ${f.id}(${brief(f.args).slice(0, 300)}): ${f.why.slice(0, 300)}`);
process.exit(c.failures.length ? 1 : 0);
