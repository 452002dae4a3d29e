/**
 * The built task pane (dist/taskpane.html) on the fake Excel API in Chromium, Firefox and WebKit
 * (test/helpers/engines.ts), in Pacific/Chatham: it lists every rate card, Load writes every card
 * as a sheet with its table, under the pane's own Content-Security-Policy, which refuses nothing
 * but the telemetry frame office.js opens outside Office; a screenshot of each engine goes to
 * artifacts/taskpane-<engine>.png.
 *
 * No request can be intercepted in Firefox and WebKit here, so the test's server serves the pane
 * with office.js from its own /lib/1/hosted/ (node_modules/@microsoft/office-js/dist, reporting
 * Excel as test/helpers/pane-browser.ts does), and the policy's https://appsforoffice.microsoft.com
 * changed to that origin and nothing else. The fake Excel is installed as Office becomes ready.
 */
import { createServer, type Server } from "node:http";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";
import { availableEngines, FAR_ZONE, launchEngine, type EnginePage } from "../helpers/engines";
import { fakeScript, IN_EXCEL_SHIM, officeDist, TYPES } from "../helpers/pane-browser";
import { RATE_CARDS } from "../../src/rules/rates";

jest.setTimeout(240_000);

const root = join(__dirname, "..", "..");
const dist = join(root, "dist");
const artifacts = join(root, "artifacts");
const OFFICE = "https://appsforoffice.microsoft.com";

/** Before office.js: every refused load recorded, and the fake Excel installed as Office becomes ready. */
const PAGE_SETUP = `
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) { window.__csp.push(e.violatedDirective + " " + e.blockedURI); });
${fakeScript()}
window.__onOfficeReady = function () {
  window.__fake = window.__fakeExcelLib.createFakeExcel();
  window.__fake.addSheet("Sheet1");
  window.Excel = window.__fake.Excel;
};
`;

function serve(): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const origin = `http://${req.headers.host}`;
    if (url.pathname === "/taskpane.html") {
      const html = readFileSync(join(dist, "taskpane.html"), "utf8");
      const local = html.split(`${OFFICE}/lib/1/hosted/office.js`).join("/lib/1/hosted/office.js").split(OFFICE).join(origin);
      if (local === html || local.includes("appsforoffice")) throw new Error("taskpane.html: office.js or its policy not where expected");
      return void res
        .writeHead(200, { "Content-Type": TYPES[".html"] })
        .end(
          local.replace("<script src=/lib/1/hosted/office.js>", "<script src=/page-setup.js></script><script src=/lib/1/hosted/office.js>"),
        );
    }
    if (url.pathname === "/page-setup.js") return void res.writeHead(200, { "Content-Type": TYPES[".js"] }).end(PAGE_SETUP);
    const office = /^\/lib\/1\/hosted\/(.+)$/.exec(url.pathname);
    const dir = office ? officeDist : dist;
    const file = normalize(join(dir, office ? office[1] : decodeURIComponent(url.pathname).replace(/^([/\\])+/, "")));
    if (!file.startsWith(dir + sep) || !existsSync(file)) return void res.writeHead(404).end();
    const body = office && office[1] === "office.js" ? Buffer.concat([readFileSync(file), Buffer.from(IN_EXCEL_SHIM)]) : readFileSync(file);
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Waits in the page (its policy allows no eval) until the pane and Office are ready and the fake Excel is in. */
function paneReady(): Promise<boolean> {
  return new Promise((resolve) => {
    const started = Date.now();
    const check = () => {
      const b = document.body?.dataset;
      if (b?.paneReady === "true" && b.officeReady === "true" && (window as unknown as { __fake?: unknown }).__fake) return resolve(true);
      if (Date.now() - started > 60_000) return resolve(false);
      setTimeout(check, 50);
    };
    check();
  });
}

/** Waits in the page until the load says it is done. */
function loadDone(): Promise<boolean> {
  return new Promise((resolve) => {
    const started = Date.now();
    const check = () => {
      if (document.querySelector("#message .message.success")) return resolve(true);
      if (Date.now() - started > 60_000) return resolve(false);
      setTimeout(check, 50);
    };
    check();
  });
}

let server: Server;
let base: string;
beforeAll(async () => {
  if (!existsSync(join(dist, "taskpane.html"))) throw new Error("dist/ is missing: run `npm test` (it builds first) or `npm run build`.");
  mkdirSync(artifacts, { recursive: true });
  server = await serve();
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
});

describe.each(availableEngines())("$engine", ({ engine, missing }) => {
  let page: EnginePage;
  beforeAll(async () => {
    if (missing) return;
    // 380 px, the pane's width; WebKitGTK's window is never narrower than 447 px.
    page = await launchEngine(engine, { timeZone: FAR_ZONE, width: 380, height: 900 });
  });
  afterAll(async () => {
    if (!missing) await page?.close();
  });

  test("the pane lists every rate card, and Load writes each as a sheet with its table", async () => {
    if (missing) return console.warn(`NOT RUN in ${engine}: ${missing}`);
    await page.goto(`${base}/taskpane.html`);
    expect(await page.evaluate(paneReady)).toBe(true);
    await expect(page.evaluate(() => document.querySelectorAll("#cards > li").length)).resolves.toBe(RATE_CARDS.length);
    await page.evaluate(() => document.getElementById("load")!.click());
    expect(await page.evaluate(loadDone)).toBe(true);
    const done = await page.evaluate(() => ({
      message: document.getElementById("message")!.textContent,
      results: document.querySelectorAll("#results li").length,
      snapshot: (
        window as unknown as { __fake: { snapshot(): { sheets: { name: string }[]; tables: { name: string }[] } } }
      ).__fake.snapshot(),
    }));
    expect(done.message).toBe(`Done. ${RATE_CARDS.length} cards loaded.`);
    expect(done.results).toBe(RATE_CARDS.length);
    // Every card's table, by its name (Kustomer_...), each on a sheet of its own beside Sheet1.
    expect(done.snapshot.tables.map((t) => t.name).sort()).toEqual(RATE_CARDS.map((c) => c.id).sort());
    expect(done.snapshot.sheets.length).toBe(RATE_CARDS.length + 1);
    await page.screenshot(join(artifacts, `taskpane-${engine}.png`));
  });

  test("the pane's policy refuses nothing office.js needs: only the telemetry frame it opens outside Office", async () => {
    if (missing) return console.warn(`NOT RUN in ${engine}: ${missing}`);
    // office.js outside Office (no host in the URL) loads its Office 2013/2016 mapping, which opens
    // a hidden frame from telemetryservice.firstpartyapps.oaspapps.com 3 s after that script has
    // loaded: waited for, up to 15 s from the page's start.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const csp = (window as unknown as { __csp: string[] }).__csp;
          const check = () => (csp.length > 0 || performance.now() > 15_000 ? resolve() : setTimeout(check, 50));
          check();
        }),
    );
    // A little longer, for anything refused after it.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
    const refused = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    // Refused, and nothing else: office.js needs no other origin, and no connection, frame or inline script beyond the policy.
    expect(refused.map((r) => r.replace(/^(\S+ https:\/\/[^/]+).*$/, "$1"))).toEqual([
      "frame-src https://telemetryservice.firstpartyapps.oaspapps.com",
    ]);
  });
});
