/**
 * What the browser tests of the task pane share: a tiny server for dist/, the fake Excel API as a
 * page script, and the routing that serves the local office.js in place of
 * appsforoffice.microsoft.com (with Office.onReady reporting Excel, unless the page's URL has
 * `?outside`) and aborts every other non-local request.
 */
import { createServer, type Server } from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import type { AddressInfo } from "node:net";
import type { BrowserContext, Page } from "playwright-core";
import * as ts from "typescript";
import { launchChromium } from "./browser";
import type { FakeSheet, FakeTable } from "./fake-excel";

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

/** The built pane open in Chromium on the fake Excel API, with one empty sheet "Sheet1". */
export interface PaneOnFakeExcel {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors of the page, for a test to assert there were none. */
  pageErrors: string[];
  close(): Promise<void>;
}

/**
 * Serves `dist` (the build), opens taskpane.html at the viewport's size with office.js served
 * locally, waits for the pane and Office to be ready, then installs the fake Excel API in the page.
 */
export async function openPaneOnFakeExcel(dist: string, viewport: { width: number; height: number }): Promise<PaneOnFakeExcel> {
  if (!existsSync(join(dist, "taskpane.html")))
    throw new Error("dist/ is missing: run `npm test` (it builds first) or `npx webpack --mode production`.");
  const server = await serve(dist);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const context = await launchChromium({ viewport });
  const close = async () => {
    await context.close();
    await new Promise((r) => server.close(r));
  };
  try {
    await routeOffice(context, base);
    const page = context.pages()[0] ?? (await context.newPage());
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(`${base}/taskpane.html`);
    await page.waitForFunction(() => document.body.dataset.paneReady === "true" && document.body.dataset.officeReady === "true", null, {
      timeout: 60_000,
    });
    await page.evaluate(
      `${fakeScript()}; window.__fake = window.__fakeExcelLib.createFakeExcel(); window.__fake.addSheet("Sheet1"); window.Excel = window.__fake.Excel;`,
    );
    return { context, page, pageErrors, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** A sheet of the page's fake workbook and its tables, read back out of the page as plain data turned back into Maps. */
export async function readFakeSheet(page: Page, name: string): Promise<{ sheet: FakeSheet; tables: FakeTable[] }> {
  const raw = await page.evaluate((n) => {
    const wb = (window as any).__fake.workbook;
    const s = wb.sheets.find((x: any) => x.name === n);
    return {
      cells: [...s.cells.entries()],
      widths: [...s.columnWidths.entries()],
      hidden: [...(s.hiddenColumns ?? [])],
      conditionalFormats: s.conditionalFormats ?? [],
      printArea: s.printArea,
      tables: wb.tables.filter((t: any) => t.sheet === s).map((t: any) => ({ ...t, sheet: null })),
    };
  }, name);
  const sheet: FakeSheet = {
    id: 0, // read back out of the page: only its cells are used
    name,
    cells: new Map(raw.cells as [string, FakeSheet["cells"] extends Map<string, infer V> ? V : never][]),
    columnWidths: new Map(raw.widths as [number, number][]),
    frozenRows: 0,
    conditionalFormats: raw.conditionalFormats,
    printArea: raw.printArea,
    hiddenColumns: new Set(raw.hidden as number[]),
  };
  return { sheet, tables: raw.tables.map((t: FakeTable) => ({ ...t, sheet })) };
}
