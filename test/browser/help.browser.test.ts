/**
 * The built help page (dist/help.html) in a real browser, as the place to try every function:
 * served on 127.0.0.1 by a tiny Node server, every other request aborted (it must run offline).
 * The page's script stands in for Excel's CustomFunctions, the real functions bundle
 * (functions.js) registers into it, and each example is computed in the page as it is edited.
 * The test types into examples and checks the results as shown; it saves screenshots at 380 px
 * (the pane's width) and at 1280 px to artifacts/.
 *
 * Needs the build (npm test builds first) and a Chromium-family browser (test/helpers/browser.ts).
 */
import { createServer, type Server } from "node:http";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import type { AddressInfo } from "node:net";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { launchChromium } from "../helpers/browser";

jest.setTimeout(180_000);

const root = join(__dirname, "..", "..");
const dist = join(root, "dist");
const artifacts = join(root, "artifacts");
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
};

function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^([/\\])+/, "");
    const file = join(dir, path || "index.html");
    if (!file.startsWith(dir + sep) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

let server: Server;
let context: BrowserContext;
let page: Page;
let base: string;
const aborted: string[] = [];
const pageErrors: string[] = [];
const metadata = () => JSON.parse(readFileSync(join(dist, "functions.json"), "utf8")) as { functions: { id: string; name: string }[] };

beforeAll(async () => {
  if (!existsSync(join(dist, "help.html")))
    throw new Error("dist/ is missing: run `npm test` (it builds first) or `npx webpack --mode production`.");
  mkdirSync(artifacts, { recursive: true });
  server = await serve(dist);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  context = await launchChromium({ viewport: { width: 380, height: 900 } });
  await context.route("**/*", (route) => {
    if (new URL(route.request().url()).origin === base) return route.continue();
    aborted.push(route.request().url());
    return route.abort();
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(`${base}/help.html`);
  await page.waitForFunction(() => document.body.dataset.helpReady !== undefined, null, { timeout: 60_000 });
});

afterAll(async () => {
  await context?.close();
  await new Promise((r) => server?.close(r));
});

const example = (fn: string, n = 0): Locator => page.locator(`section#${fn} form.example`).nth(n);
const result = (form: Locator) => form.locator(".result-value");
const field = (form: Locator, name: string) =>
  form.locator(".field", { has: page.locator(`.arg-name:text-is("${name}")`) }).locator("input");

test("the real functions bundle registers every function in the page, offline, with no error", async () => {
  const ids = metadata().functions.map((f) => f.id);
  await expect(page.evaluate(() => document.body.dataset.helpReady)).resolves.toBe(String(ids.length));
  // Every example was computed once on load, and none shows the #NAME? of a missing function.
  const forms = page.locator("form.example");
  const count = await forms.count();
  expect(count).toBeGreaterThanOrEqual(ids.length);
  await expect(page.locator("form.example:not([data-computed])").count()).resolves.toBe(0);
  await expect(page.locator(".result-value .error-code", { hasText: "#NAME?" }).count()).resolves.toBe(0);
  expect(aborted).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test("documented examples show as Excel would: a date with its serial, money to the cent, a spill as a grid", async () => {
  // PSKICKOFFDEADLINE("Implementation - Basic", 45672): 15 Jan 2025 + 30 days = 14 Feb 2025, serial
  // 45702 (45658 is 1 Jan 2025, + 44 days); 1 Jan 2025 was a Wednesday, + 44 days (6 weeks + 2) a Friday.
  const kickoff = result(example("PSKICKOFFDEADLINE"));
  await expect(kickoff.locator(".value.date").textContent()).resolves.toBe("Fri 14 Feb 2025");
  await expect(kickoff.locator(".serial").textContent()).resolves.toBe("45702");
  // PRORATE(100, 1 Jan 2021, 31 Jan 2021, 27 Jan 2021, "30/360"): 100 x 5/30 = 13.333...: 13.33 shown,
  // the exact value on hover.
  const money = result(example("PRORATE", 1)).locator(".value.money");
  await expect(money.textContent()).resolves.toBe("13.33");
  await expect(money.getAttribute("title")).resolves.toBe("Exact value: 13.333333333333334");
  // SEASONWINDOW(1 Jun 2025, 30 Jun 2025, "America/New_York"): 00:00 UTC on 1 Jun and on 1 Jul are
  // 20:00 EDT (UTC-4) the evening before: Sat 31 May 2025 20:00 and Mon 30 Jun 2025 20:00.
  const cells = result(example("SEASONWINDOW")).locator("table.spill td .value.date");
  await expect(cells.allTextContents()).resolves.toEqual(["Sat 31 May 2025 20:00", "Mon 30 Jun 2025 20:00"]);
});

test("typing into an example recomputes it: a number, a date, and a wrong value with its error", async () => {
  const form = example("PRORATE");
  // PRORATE(amount, 1 Jan 2025, 31 Jan 2025, 22 Jan 2025): 10 of 31 days; 620 x 10/31 = 200.
  await field(form, "amount").fill("620");
  await expect(result(form).textContent()).resolves.toBe("200.00");
  // From 1 Jan: all 31 days, 620.
  await field(form, "effective_date").fill("2025-01-01");
  await expect(result(form).textContent()).resolves.toBe("620.00");
  await expect(form.locator(".field-input .serial").nth(2).textContent()).resolves.toBe("45658");
  // 12 Feb 2025 is outside the period: #NUM! and the function's message.
  await field(form, "effective_date").fill("2025-02-12");
  await expect(result(form).locator(".error-code").textContent()).resolves.toBe("#NUM!");
  await expect(result(form).locator(".error-message").textContent()).resolves.toBe(
    "effective_date (2025-02-12) must fall within the period 2025-01-01 to 2025-01-31.",
  );
  // Text where a number belongs: #VALUE!.
  await field(form, "amount").fill("abc");
  await expect(result(form).locator(".error-code").textContent()).resolves.toBe("#VALUE!");

  // A date typed as a date: Implementation - Basic's Kick-Off is due 30 days after 1 Mar 2025: 31 Mar
  // 2025, a Monday; serial 45658 + 31 + 28 + 30 = 45747.
  const kickoff = example("PSKICKOFFDEADLINE");
  await field(kickoff, "subscription_start").fill("2025-03-01");
  await expect(result(kickoff).locator(".value.date").textContent()).resolves.toBe("Mon 31 Mar 2025");
  await expect(result(kickoff).locator(".serial").textContent()).resolves.toBe("45747");
});

test("a range is a small editable grid: a row added and typed into counts", async () => {
  // ATTACHMENTSTORAGE(1,500,000,000 bytes) = 1.5 GB; a second file of 500,000,000 bytes: 2 GB.
  const form = example("ATTACHMENTSTORAGE", 1);
  await expect(result(form).textContent()).resolves.toBe("1.5");
  await form.locator("button[data-grid-action=add]").click();
  await form.locator(".grid tbody tr").nth(1).locator("input").fill("500000000");
  await expect(result(form).textContent()).resolves.toBe("2");
  await form.locator("button[data-grid-action=remove]").click();
  await expect(result(form).textContent()).resolves.toBe("1.5");
});

test("readable at the pane's width: no sideways scroll at 380 px or 320 px; screenshots at 380 and 1280 px", async () => {
  // The typed-into examples back to their documented arguments.
  for (const form of [example("PRORATE"), example("PSKICKOFFDEADLINE")]) await form.locator("button[type=reset]").click();
  await expect(result(example("PRORATE")).textContent()).resolves.toBe("100.00");
  for (const width of [380, 320]) {
    await page.setViewportSize({ width, height: 900 });
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    expect({ width, scroll }).toEqual({ width, scroll: width });
  }
  await page.setViewportSize({ width: 380, height: 1400 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator("section#PRORATE").evaluate((e) => e.scrollIntoView());
  await page.screenshot({ path: join(artifacts, "help-380.png") });
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.locator("section#SEASONWINDOW").evaluate((e) => e.scrollIntoView());
  await page.screenshot({ path: join(artifacts, "help-1280.png") });
  expect(existsSync(join(artifacts, "help-380.png")) && existsSync(join(artifacts, "help-1280.png"))).toBe(true);
});
