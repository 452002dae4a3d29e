#!/usr/bin/env node
// `npm run fuzz`: 100,000 generated argument lists through every registered function of the
// built bundle (run `npm run build` first). Prints the counts; exits 1 on any bad result.
// Options: --calls=N --seed=S
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const { fuzz, brief } = require("./fuzz-lib.js");

const opt = (name, dflt) => Number((process.argv.find((a) => a.startsWith(`--${name}=`)) || `=${dflt}`).split("=")[1]);
const calls = opt("calls", 100000);
const seed = opt("seed", 20261121);
const t0 = performance.now();
const c = fuzz({ calls, seed });
const ms = performance.now() - t0;
console.log(`fuzz: ${c.calls} calls (seed ${seed}) in ${(ms / 1000).toFixed(1)} s`);
console.log(`  numbers ${c.numbers}, strings ${c.strings}, arrays ${c.arrays}`);
console.log(
  `  Excel errors: ${Object.entries(c.errors)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ")}`,
);
console.log(`  failures: ${c.failures.length}`);
for (const f of c.failures.slice(0, 20)) console.log(`    ${f.id}(${brief(f.args)}): ${f.why}`);
process.exit(c.failures.length ? 1 : 0);
