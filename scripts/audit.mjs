#!/usr/bin/env node
// `npm run audit`: `npm audit --omit=dev` must report no high or critical finding in the
// add-in's runtime dependencies. Where the registry offers no audit service (some mirrors answer
// 405 or 404), it says so plainly and lists the runtime dependencies that would have been
// audited. Any other failure (npm cannot be run, an answer that cannot be read) exits 1.
//
// npm is run as `node <npm-cli.js>` (scripts/commands.js): on Windows npm is a .cmd, which Node
// cannot spawn without a shell.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { npmCommand, auditOutcome } = require("./commands.js");

function npm(args) {
  const c = npmCommand(process.platform, { execPath: process.execPath, npmExecPath: process.env.npm_execpath }, args);
  const r = spawnSync(c.command, c.args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.error) {
    console.error(`audit: could not run npm (${[c.command, ...c.args].join(" ")}): ${r.error.message}`);
    process.exit(1);
  }
  return r;
}

const r = npm(["audit", "--omit=dev", "--json"]);
const result = auditOutcome(r.stdout, r.stderr);
if (result.outcome === "unavailable") {
  const ls = npm(["ls", "--omit=dev", "--all", "--parseable"]);
  const deps = (ls.stdout || "")
    .split("\n")
    .filter((l) => l.includes("node_modules"))
    .map((l) => l.slice(l.replace(/\\/g, "/").lastIndexOf("node_modules/") + 13));
  console.log(`audit: the registry's audit service is unavailable here (${result.why}); not audited: ${deps.join(", ")}`);
  process.exit(0);
}
if (result.outcome === "failed") {
  console.error(`audit: npm audit failed (exit ${r.status}): ${result.why}`);
  process.exit(1);
}
const v = result.counts;
console.log(`audit: runtime dependencies: ${v.critical} critical, ${v.high} high, ${v.moderate} moderate, ${v.low} low`);
process.exit(v.critical + v.high > 0 ? 1 : 0);
