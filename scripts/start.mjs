#!/usr/bin/env node
// `npm start`: on Windows and Mac, builds, serves on https://localhost:3000 and sideloads the
// add-in into desktop Excel (office-addin-debugging). Excel does not run on Linux: there it
// builds, generates development certificates without sudo (in .certs/), serves the add-in on
// https://localhost:3000 and prints how to upload manifest.xml into Excel on the web.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const bin = (name) => join(root, "node_modules", ".bin", process.platform === "win32" ? `${name}.cmd` : name);

function run(cmd, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env }, shell: process.platform === "win32" });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited with ${code}`))));
  });
}

async function sideloadDesktop() {
  // office-addin-debugging starts `npm run dev-server`, waits for port 3000, then registers the
  // manifest with desktop Excel and opens it.
  await run(bin("office-addin-debugging"), [
    "start",
    "manifest.xml",
    "desktop",
    "--app",
    "excel",
    "--dev-server",
    "npm run dev-server",
    "--dev-server-port",
    "3000",
  ]);
}

async function serveForExcelOnTheWeb() {
  const certDir = join(root, ".certs");
  if (!existsSync(join(certDir, "localhost.key"))) {
    mkdirSync(certDir, { recursive: true });
    const { generateCertificates } = require("office-addin-dev-certs");
    await generateCertificates(join(certDir, "ca.crt"), join(certDir, "localhost.crt"), join(certDir, "localhost.key"), 30);
    console.log(`Development certificates generated in ${certDir} (no sudo needed; valid 30 days).`);
  }
  console.log(`
Excel does not run on ${process.platform}, so the add-in is served for Excel on the web:

  1. Trust the development certificate once: import ${join(certDir, "ca.crt")} into your
     browser's trusted authorities, or open https://localhost:3000/taskpane.html and accept it.
  2. Open a workbook in Excel on the web (https://www.office.com).
  3. Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in, and choose
     ${join(root, "manifest.xml")}
  4. Type =KUSTOMER. in a cell; Home > Rate cards opens the task pane.

Serving https://localhost:3000 until you press Ctrl+C.
`);
  await run(bin("webpack"), ["serve", "--mode", "development"], { DEV_SERVER_CERT_DIR: certDir });
}

const main = process.platform === "win32" || process.platform === "darwin" ? sideloadDesktop : serveForExcelOnTheWeb;
main().catch((e) => {
  console.error(`npm start failed: ${e.message}`);
  process.exit(1);
});
