/**
 * What the browser tests of the task pane share: a tiny server for dist/, the fake Excel API as a
 * page script, and the routing that serves the local office.js in place of
 * appsforoffice.microsoft.com (with Office.onReady reporting Excel, unless the page's URL has
 * `?outside`) and aborts every other non-local request.
 */
import { createServer, type Server } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import type { BrowserContext } from "playwright-core";
import * as ts from "typescript";

const root = join(__dirname, "..", "..");
export const officeDist = join(root, "node_modules", "@microsoft", "office-js", "dist");

export const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".txt": "text/plain",
};

/** Serves `dir` on 127.0.0.1 (a free port); files only, nothing outside `dir`. */
export function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^([/\\])+/, "");
    const file = join(dir, path || "taskpane.html");
    if (!file.startsWith(dir + sep) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** The fake Excel API as a script for the page: window.__fakeExcelLib.createFakeExcel. */
export function fakeScript(): string {
  const source = readFileSync(join(root, "test", "helpers", "fake-excel.ts"), "utf8");
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
  return `(() => { const exports = {}; ${js}\n window.__fakeExcelLib = exports; })();`;
}

/**
 * Appended to office.js: Office.onReady reports Excel, as it does inside Excel. A page's
 * `window.__onOfficeReady`, if any, runs first (a test installs its fakes there: the fake Excel
 * and the document's settings, in place before any onReady callback reads them).
 * With `?officeTheme=RRGGBB` in the page's URL, Office.context.officeTheme gives that body
 * background (as desktop Excel does; Excel on the web gives none).
 */
export const IN_EXCEL_SHIM = `
;(function () {
  var ready = Office.onReady;
  Office.onReady = function (callback) {
    return ready.call(Office).then(function () {
      var theme = /[?&]officeTheme=([0-9a-fA-F]{6})/.exec(location.search);
      if (theme && Office.context)
        Object.defineProperty(Office.context, "officeTheme", {
          configurable: true,
          value: { bodyBackgroundColor: "#" + theme[1], bodyForegroundColor: "#ffffff" },
        });
      var info = { host: "Excel", platform: "OfficeOnline" };
      if (typeof window.__onOfficeReady === "function") window.__onOfficeReady();
      if (callback) callback(info);
      return info;
    });
  };
})();
`;

/**
 * Routes the context's requests: `base` (the served dist/) passes; office.js and its files come
 * from node_modules (office.js with IN_EXCEL_SHIM unless the page's URL has `?outside`);
 * everything else is aborted. `seen` records the office files served and the URLs aborted.
 */
export async function routeOffice(
  context: BrowserContext,
  base: string,
  seen?: { officeFiles: string[]; aborted: string[] },
): Promise<void> {
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === base || url.protocol === "data:") return route.continue();
    const m = /^\/lib\/1\/hosted\/(.+)$/.exec(url.pathname);
    if (url.origin === "https://appsforoffice.microsoft.com" && m) {
      const file = normalize(join(officeDist, m[1]));
      if (file.startsWith(officeDist + sep) && existsSync(file)) {
        seen?.officeFiles.push(m[1]);
        const inExcel = m[1] === "office.js" && !/[?&]outside\b/.test(route.request().frame().url());
        const body = inExcel ? Buffer.concat([readFileSync(file), Buffer.from(IN_EXCEL_SHIM)]) : readFileSync(file);
        return route.fulfill({ status: 200, contentType: TYPES[extname(file)] ?? "text/plain", body });
      }
      seen?.officeFiles.push(`${m[1]} (404)`);
      return route.fulfill({ status: 404, body: "" });
    }
    seen?.aborted.push(url.href);
    return route.abort();
  });
}
