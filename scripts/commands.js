/* The commands the developer scripts run (npm start, npm test, npm run audit), built as argv
 * arrays for child_process.spawn WITHOUT a shell, so no argument is ever split (a path with a
 * space, or "npm run dev-server" given as one argument, stays one argument).
 *
 * Every tool is a JavaScript CLI run by this very Node (process.execPath + the package's bin
 * script) rather than node_modules/.bin/<name>: on Windows .bin holds .cmd shims, which Node
 * 20.12+ refuses to spawn without a shell (CVE-2024-27980), and with a shell Node joins the
 * arguments unquoted. `node <script>` behaves the same on Windows, Mac and Linux.
 *
 * Pure functions: the platform and every path are inputs, so test/scripts/commands.test.ts
 * checks the exact argv for win32, darwin and linux on any machine. */
"use strict";

const path = require("path");

const PORT = 3000;
/** Where `npm start` writes the development manifest (own Id, "(dev)" name; scripts/dev-manifest.js). */
const DEV_MANIFEST = ["manifest.xml"];

/** The path module of `platform` (win32 paths on Windows, posix elsewhere). */
const pathFor = (platform) => (platform === "win32" ? path.win32 : path.posix);

/** The script a package's package.json names as its bin `name` (or its only bin), absolute. */
function binScript(packageJsonPath, packageJson, name) {
  const bin = typeof packageJson.bin === "string" ? packageJson.bin : packageJson.bin && packageJson.bin[name];
  if (!bin) throw new Error(`${packageJson.name} has no bin named ${name}`);
  return path.join(path.dirname(packageJsonPath), bin);
}

/** Resolves a package's CLI script from `root` (e.g. ("webpack-cli", "webpack-cli")). */
function resolveBin(root, pkg, name = pkg) {
  const pj = require.resolve(`${pkg}/package.json`, { paths: [root] });
  return binScript(pj, require(pj), name);
}

/**
 * `npm start`. Windows and Mac: office-addin-debugging sideloads the add-in into desktop Excel
 * and starts the dev server itself (it runs the --dev-server command line in a shell of its
 * own, in this directory, so "npm run dev-server" works there on both). Elsewhere (Linux):
 * `webpack serve` for Excel on the web.
 * @returns {{ mode: "desktop" | "web", command: string, args: string[] }}
 */
function startCommand(platform, { execPath, root, debuggingCli, webpackCli, host }) {
  const p = pathFor(platform);
  if (platform === "win32" || platform === "darwin") {
    return {
      mode: "desktop",
      command: execPath,
      args: [
        debuggingCli,
        "start",
        p.join(root, ...DEV_MANIFEST),
        "desktop",
        "--app",
        "excel",
        "--dev-server",
        "npm run dev-server",
        "--dev-server-port",
        String(PORT),
      ],
    };
  }
  const args = [webpackCli, "serve", "--mode", "development"];
  if (host) args.push("--host", host);
  return { mode: "web", command: execPath, args };
}

/** `npm test`'s build: webpack-cli run by Node (same on every platform). */
function buildCommand({ execPath, webpackCli }) {
  return { command: execPath, args: [webpackCli, "--mode", "production"] };
}

/** `npm test`'s jest run, by Node. */
function jestCommand({ execPath, jestCli }, jestArgs) {
  return { command: execPath, args: [jestCli, ...jestArgs] };
}

/**
 * npm itself. Under `npm run`, npm names its own CLI script in npm_execpath: run it with Node
 * (every platform). Without it: on Windows the npm-cli.js that the Node installer puts beside
 * node.exe (npm.cmd cannot be spawned without a shell); elsewhere `npm` on the PATH.
 */
function npmCommand(platform, { execPath, npmExecPath }, npmArgs) {
  if (npmExecPath && /\.(c|m)?js$/i.test(npmExecPath)) return { command: execPath, args: [npmExecPath, ...npmArgs] };
  if (platform === "win32") {
    const p = path.win32;
    return { command: execPath, args: [p.join(p.dirname(execPath), "node_modules", "npm", "bin", "npm-cli.js"), ...npmArgs] };
  }
  return { command: "npm", args: npmArgs };
}

/** What a line of webpack's output says of a build: "ok", "failed", or null (another line). */
function compileOutcome(line) {
  // eslint-disable-next-line no-control-regex -- ANSI colour codes, when colours are forced
  line = String(line).replace(/\x1b\[[0-9;]*m/g, "");
  if (/\bcompiled (successfully|with \d+ warnings?)\b/.test(line)) return "ok";
  if (/\bcompiled with \d+ errors?\b/.test(line) || /\bfailed to compile\b/i.test(line)) return "failed";
  return null;
}

/**
 * A line handler for webpack's output that calls `onFirstBuild` once, at the first successful
 * build (so `npm start` prints its steps after webpack's output, not before), and `onFailure` at
 * each failed build before it.
 */
function afterFirstBuild(onFirstBuild, onFailure = () => {}) {
  let done = false;
  return (line) => {
    if (done) return;
    const outcome = compileOutcome(line);
    if (outcome === "ok") {
      done = true;
      onFirstBuild();
    } else if (outcome === "failed") onFailure();
  };
}

/**
 * What `npm audit --json` said: { outcome: "audited", counts } with the vulnerability counts;
 * "unavailable" when the registry has no audit service (a 404/405 mirror: a fact, not a
 * finding); "failed" otherwise (unreadable answer, npm error): the audit must then exit 1.
 */
function auditOutcome(stdout, stderr) {
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    report = null;
  }
  if (report && report.metadata && report.metadata.vulnerabilities) return { outcome: "audited", counts: report.metadata.vulnerabilities };
  const why =
    (report && (report.message || (report.error && (report.error.summary || report.error.code)))) ||
    String(stderr || "")
      .trim()
      .split("\n")
      .pop() ||
    "no readable report";
  if (/\b(405|404|ENOAUDIT|not implemented|method not allowed)\b/i.test(why)) return { outcome: "unavailable", why };
  return { outcome: "failed", why };
}

/** The last `n` non-empty lines of a tool's output: the reason a build failed. */
function tail(text, n = 30) {
  const lines = String(text || "")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "");
  return lines.slice(-n).join("\n");
}

module.exports = { PORT, DEV_MANIFEST, startCommand, buildCommand, jestCommand, npmCommand, compileOutcome, afterFirstBuild, auditOutcome, resolveBin, binScript, tail };
