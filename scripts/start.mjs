#!/usr/bin/env node
// `npm start`: on Windows and Mac, builds, serves on https://localhost:3000 and sideloads the
// add-in into desktop Excel (office-addin-debugging). Excel does not run on Linux: there it
// makes sure the development certificates in .certs/ exist and are not about to expire
// (generated without sudo), serves the add-in on https://localhost:3000 (this machine only;
// `npm start -- --host 0.0.0.0` to serve the network), and once the first build has succeeded
// prints how to try the functions in the browser and how to upload manifest.xml into Excel on
// the web.
//
// Every command is run as `node <package's JS CLI>` without a shell (scripts/commands.js), so
// the same argv works on every platform and nothing is split at spaces.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const { startCommand, resolveBin, afterFirstBuild, PORT, DEV_MANIFEST } = require("./commands.js");
const { ensureDevCertificates, CERT_DIR } = require("./dev-certs.js");
const { devManifest } = require("./dev-manifest.js");

// The development manifest (own Id, "Kustomer Contract Billing (dev)"), so a released add-in
// can stay installed beside it: the project's top-level manifest.xml, generated from
// scripts/addin.js. Rewritten only if the description changed; `npm stop` unregisters the same file.
const devManifestPath = join(root, ...DEV_MANIFEST);
const freshManifest = devManifest();
if (!existsSync(devManifestPath) || readFileSync(devManifestPath, "utf8") !== freshManifest) writeFileSync(devManifestPath, freshManifest);

const argv = process.argv.slice(2);
const hostArg = argv.find((a) => a.startsWith("--host"));
const host = hostArg ? (hostArg.includes("=") ? hostArg.split("=")[1] : argv[argv.indexOf(hostArg) + 1]) : undefined;

function run(command, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args[0]} exited with ${code}`))));
  });
}

function steps(certDir) {
  const ca = join(certDir, "ca.crt");
  return `
================================================================================
 The add-in is served on https://localhost:${PORT}${host ? ` (and on ${host}:${PORT})` : ""}.

 First, trust the development certificate once, or the browser refuses https://localhost:${PORT}:
   Chrome / Edge: open chrome://certificate-manager (Edge: edge://certificate-manager),
                  "Installed by you" > Trusted certificates > Import, choose
                  ${ca}
                  (older versions: Settings > Privacy and security > Security > Manage
                  certificates > Authorities > Import; tick "Trust this certificate for
                  identifying websites").
   Firefox:       Settings > Privacy & Security > Certificates > View Certificates >
                  Authorities > Import... > ${ca}
                  and tick "Trust this CA to identify websites".

 Then try the functions, no Excel needed:  https://localhost:${PORT}/help.html
 (every example there is live: edit its arguments and the result is recomputed).

 Excel does not run on ${process.platform}; use Excel on the web (needs a Microsoft account,
 free at https://account.microsoft.com):
   1. Open a workbook at https://www.office.com.
   2. Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in, and choose
      ${devManifestPath}
      (the development manifest: "Kustomer Contract Billing (dev)", its own Id).
   3. Chrome 142 and later ask whether the page may reach devices on your local network
      (Local Network Access): click Allow, or the add-in cannot load from localhost.
   4. Type =KUSTOMER. in a cell; Home > Rate cards opens the task pane.

 The index of what is served: https://localhost:${PORT}/   Stop with Ctrl+C.
================================================================================
`;
}

async function sideloadDesktop() {
  const cmd = startCommand(process.platform, {
    execPath: process.execPath,
    root,
    debuggingCli: resolveBin(root, "office-addin-debugging"),
  });
  await run(cmd.command, cmd.args);
}

async function serveForExcelOnTheWeb() {
  const certs = await ensureDevCertificates(CERT_DIR);
  if (certs.generated)
    console.log(
      `Development certificates ${certs.reason === "missing" ? "generated" : `renewed (the old one ${certs.reason})`} in ${certs.dir}; ` +
        `valid until ${certs.notAfter.toISOString().slice(0, 10)}. No sudo needed. Trust the new ca.crt in your browser (see below).`,
    );
  const cmd = startCommand(process.platform, { execPath: process.execPath, root, webpackCli: resolveBin(root, "webpack-cli"), host });
  await new Promise((resolve, reject) => {
    const child = spawn(cmd.command, cmd.args, {
      cwd: root,
      stdio: ["inherit", "pipe", "pipe"],
      // Piped (to watch for the first build), so colours are asked for when the terminal has them.
      env: { ...process.env, DEV_SERVER_CERT_DIR: certs.dir, ...(process.stdout.isTTY ? { FORCE_COLOR: "1" } : {}) },
    });
    // webpack's output passes through as it comes; the steps follow the first successful build
    // (after webpack's own lines of that build have been written).
    const onLine = afterFirstBuild(
      () => setImmediate(() => console.log(steps(certs.dir))),
      () => console.log("\nThe build failed (above); fix it and save: the server rebuilds, then prints how to try the add-in.\n"),
    );
    const watch = (stream, out) => {
      let pending = "";
      stream.on("data", (chunk) => {
        out.write(chunk);
        pending += chunk.toString();
        const lines = pending.split(/\r?\n/);
        pending = lines.pop();
        lines.forEach(onLine);
      });
    };
    watch(child.stdout, process.stdout);
    watch(child.stderr, process.stderr);
    // Ctrl+C reaches both; a plain kill of this script stops the server too.
    let stopping = false;
    for (const signal of ["SIGINT", "SIGTERM"])
      process.on(signal, () => {
        stopping = true;
        child.kill(signal);
      });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 || stopping || signal ? resolve() : reject(new Error(`webpack serve exited with ${code}`)),
    );
  });
}

const main = process.platform === "win32" || process.platform === "darwin" ? sideloadDesktop : serveForExcelOnTheWeb;
main().catch((e) => {
  console.error(`npm start failed: ${e.message}`);
  process.exit(1);
});
