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
const { npmCommand } = require("./commands.js");

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
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  report = null;
}
if (!report || !report.metadata) {
  const why = (report && (report.message || (report.error && (report.error.summary || report.error.code)))) || (r.stderr || "").trim().split("\n").pop() || "";
  // The registry has no audit endpoint: a fact about the mirror, not a finding.
  if (/\b(405|404|ENOAUDIT|not implemented|method not allowed|not found)\b/i.test(why)) {
    const ls = npm(["ls", "--omit=dev", "--all", "--parseable"]);
    const deps = (ls.stdout || "")
      .split("\n")
      .filter((l) => l.includes("node_modules"))
      .map((l) => l.slice(l.replace(/\\/g, "/").lastIndexOf("node_modules/") + 13));
    console.log(`audit: the registry's audit service is unavailable here (${why}); not audited: ${deps.join(", ")}`);
    process.exit(0);
  }
  console.error(`audit: npm audit failed (exit ${r.status}): ${why || "no readable report"}`);
  process.exit(1);
}
const v = report.metadata.vulnerabilities;
console.log(`audit: runtime dependencies: ${v.critical} critical, ${v.high} high, ${v.moderate} moderate, ${v.low} low`);
process.exit(v.critical + v.high > 0 ? 1 : 0);
