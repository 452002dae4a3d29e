/**
 * The release smoke test: a release (scripts/release.js's assemble, from the build in dist/) is
 * served over HTTPS by serve-handler (the static file handler of Vercel's `serve`) with the
 * headers docs/deploy.md asks of the host (scripts/hosting.js), with development certificates
 * made for the test (office-addin-dev-certs, nothing installed). Then:
 *  - every URL either manifest names, and every help link in functions.json, answers 200 with
 *    the right content type (checked from Node, trusting only the test's CA);
 *  - functions.json can be read from another origin (CORS for GET), in Chromium;
 *  - the pane and the help page load under their Content-Security-Policy with office.js served
 *    locally, with no CSP violation, no page error and nothing fetched from elsewhere;
 *  - the functions bundle, loaded by the pane (the shared runtime), registers every function
 *    that functions.json declares.
 * Needs dist/ (npm test builds first) and a Chromium-family browser (test/helpers/browser.ts).
 */
import { createServer, get, type Server } from "node:https";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import type { BrowserContext, Page } from "playwright-core";
import handler from "serve-handler";
import { launchChromium } from "../helpers/browser";
import { routeOffice } from "../helpers/pane-browser";

/* eslint-disable @typescript-eslint/no-require-imports */
const { assemble } = require("../../scripts/release.js");
const { serveHandlerOptions } = require("../../scripts/hosting.js");
const { ensureDevCertificates, readHttpsOptions } = require("../../scripts/dev-certs.js");
const addin = require("../../scripts/addin.js");
/* eslint-enable @typescript-eslint/no-require-imports */

jest.setTimeout(180_000);

const root = join(__dirname, "..", "..");
const dist = join(root, "dist");
const CSP_LISTENER = `window.__csp = []; document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));`;

let tmp: string;
let server: Server;
let ca: Buffer;
let origin: string;
let url: string;
let context: BrowserContext;
const officeFiles: string[] = [];
const aborted: string[] = [];

/** GET from Node, trusting only the test's CA: status and headers. */
function fetchHead(
  target: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    get(target, { ca, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    }).on("error", reject);
  });
}

beforeAll(async () => {
  if (!existsSync(join(dist, "taskpane.html")))
    throw new Error("dist/ is missing: run `npm test` (it builds first) or `npx webpack --mode production`.");
  tmp = mkdtempSync(join(tmpdir(), "kustomer-release-smoke-"));
  const certs = await ensureDevCertificates(join(tmp, "certs"));
  const https = readHttpsOptions(certs.dir);
  ca = https.ca;
  const site = join(tmp, "site");
  server = createServer({ key: https.key, cert: https.cert }, (req, res) => handler(req, res, serveHandlerOptions(site)));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `https://localhost:${(server.address() as AddressInfo).port}`;
  url = `${origin}/addin/`;
  // The release, for where it is served here (the files are read on each request).
  await assemble(dist, { url, out: join(site, "addin") });
  context = await launchChromium({ viewport: { width: 1000, height: 900 }, ignoreHTTPSErrors: true });
  await routeOffice(context, origin, { officeFiles, aborted });
});

afterAll(async () => {
  await context?.close();
  await new Promise((r) => server?.close(r));
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const released = (rel: string) => readFileSync(join(tmp, "site", "addin", rel), "utf8");
const CONTENT_TYPES: Record<string, RegExp> = {
  html: /^text\/html\b/,
  js: /^(text|application)\/javascript\b/,
  json: /^application\/json\b/,
  png: /^image\/png$/,
  css: /^text\/css\b/,
  xml: /^(application|text)\/xml\b/,
};

test("every URL named by either manifest or by functions.json answers 200 with the right content type", async () => {
  const xml = released("manifest.xml");
  const json = released("manifest.json");
  const meta = JSON.parse(released(`${addin.version}/functions.json`));
  const urls = new Set<string>();
  for (const m of xml.matchAll(/"(https:\/\/[^"]+)"/g)) urls.add(m[1]);
  for (const m of xml.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)) expect(m[1]).toBe(origin);
  for (const m of json.matchAll(/"(https:\/\/[^"]+)"/g))
    if (!m[1].startsWith("https://developer.microsoft.com/json-schemas/")) urls.add(m[1]);
  for (const f of meta.functions) urls.add(f.helpUrl.replace(/#.*$/, ""));
  urls.delete(origin); // the AppDomain (an origin, not a file)
  const checked: string[] = [];
  for (const u of [...urls].sort()) {
    expect(u.startsWith(url)).toBe(true);
    const r = await fetchHead(u);
    const ext = /\.([a-z]+)$/.exec(new URL(u).pathname)![1];
    expect({ u, status: r.status, type: CONTENT_TYPES[ext].test(String(r.headers["content-type"])) }).toEqual({
      u,
      status: 200,
      type: true,
    });
    checked.push(new URL(u).pathname.replace(`/addin/`, ""));
  }
  // The manifests name the pane, the functions' script and metadata, the help page, the icons and the site's pages.
  const v = addin.version;
  expect(checked).toEqual(
    expect.arrayContaining([
      `${v}/taskpane.html`,
      `${v}/functions.js`,
      `${v}/functions.json`,
      `${v}/help.html`,
      `${v}/assets/icon-80.png`,
      "support.html",
      "privacy.html",
      "terms.html",
    ]),
  );
  // A file that is not there is a 404 (the check can fail).
  expect((await fetchHead(`${url}${v}/nothing.js`)).status).toBe(404);
});

test("the host's headers: functions.json is CORS-readable, icons cacheable, nothing sniffed", async () => {
  const v = addin.version;
  const meta = await fetchHead(`${url}${v}/functions.json`, { Origin: "https://excel.officeapps.live.com" });
  expect(meta.headers["access-control-allow-origin"]).toBe("*");
  expect(meta.headers["access-control-allow-methods"]).toBe("GET");
  expect(meta.headers["x-content-type-options"]).toBe("nosniff");
  expect((await fetchHead(`${url}${v}/assets/icon-32.png`)).headers["cache-control"]).toBe("public, max-age=604800");
  expect((await fetchHead(`${url}${v}/taskpane.html`)).headers["cache-control"]).toBe("no-cache");
});

test("in Chromium, another origin can read functions.json (CORS for GET), and cannot read the pane (no CORS there)", async () => {
  const other = origin.replace("localhost", "127.0.0.1");
  await context.route(`${other}/**`, (route) => route.continue());
  const page = await context.newPage();
  try {
    // A page of another origin without a Content-Security-Policy of its own: an icon.
    await page.goto(`${other}/addin/${addin.version}/assets/icon-16.png`);
    const read = (target: string) =>
      page.evaluate(async (t) => {
        try {
          const r = await fetch(t, { method: "GET", mode: "cors" });
          return `${r.status} ${(await r.text()).slice(0, 1)}`;
        } catch (e) {
          return `refused: ${(e as Error).message}`;
        }
      }, target);
    await expect(read(`${url}${addin.version}/functions.json`)).resolves.toBe("200 {");
    await expect(read(`${url}${addin.version}/taskpane.html`)).resolves.toMatch(/^refused/);
  } finally {
    await page.close();
  }
});

async function openUnderCsp(path: string): Promise<{ page: Page; errors: string[]; console: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  const consoleErrors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  await page.addInitScript(CSP_LISTENER);
  await page.goto(`${url}${path}`);
  return { page, errors, console: consoleErrors };
}

test("the pane loads under its Content-Security-Policy with the local office.js, and the functions bundle registers every function", async () => {
  const { page, errors, console: consoleErrors } = await openUnderCsp(`${addin.version}/taskpane.html`);
  try {
    await page.waitForFunction(() => document.body.dataset.paneReady === "true" && document.body.dataset.officeReady === "true", null, {
      timeout: 60_000,
    });
    expect(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content")).toMatch(
      /script-src 'self' https:\/\/appsforoffice\.microsoft\.com/,
    );
    const registered: string[] = await page.evaluate(() => Object.keys((window as any).CustomFunctions._association.mappings).sort());
    const declared = JSON.parse(released(`${addin.version}/functions.json`))
      .functions.map((f: { id: string }) => f.id)
      .sort();
    expect(declared.length).toBeGreaterThan(20);
    expect(registered.map((id) => id.toUpperCase())).toEqual(declared);
    expect(await page.evaluate(() => (window as any).__csp)).toEqual([]);
    expect(consoleErrors.filter((m) => /Content Security Policy|Refused to/i.test(m))).toEqual([]);
    expect(errors).toEqual([]);
    expect(officeFiles).toContain("office.js");
  } finally {
    await page.close();
  }
});

test("the help page loads under its Content-Security-Policy and runs the released functions bundle (every function registered)", async () => {
  const { page, errors, console: consoleErrors } = await openUnderCsp(`${addin.version}/help.html`);
  try {
    // help.ts sets data-help-ready to the number of functions the bundle registered with it.
    await page.waitForFunction(() => document.body.dataset.helpReady !== undefined, null, { timeout: 60_000 });
    const declared = JSON.parse(released(`${addin.version}/functions.json`)).functions.length;
    await expect(page.evaluate(() => document.body.dataset.helpReady)).resolves.toBe(String(declared));
    expect(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content")).toMatch(
      /^default-src 'none'; script-src 'self'/,
    );
    expect(await page.evaluate(() => (window as any).__csp)).toEqual([]);
    expect(consoleErrors.filter((m) => /Content Security Policy|Refused to/i.test(m))).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await page.close();
  }
});

test("the support, privacy and terms pages load under their policy, and nothing was fetched from anywhere else", async () => {
  for (const p of ["support.html", "privacy.html", "terms.html", "index.html"]) {
    const { page, errors } = await openUnderCsp(p);
    try {
      await expect(page.locator("h1").textContent()).resolves.toMatch(/Kustomer Contract Billing/);
      expect(await page.evaluate(() => (window as any).__csp)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }
  expect(aborted).toEqual([]);
});
