/**
 * The built help page (dist/help.html) in a real browser, as the place to try every function:
 * served on 127.0.0.1 by a tiny Node server, every other request aborted (it must run offline).
 * The page's script stands in for Excel's CustomFunctions, the real functions bundle
 * (functions.js) registers into it, and each example is computed in the page as it is edited.
 * The test checks every documented example (src/functions/*.examples.json) shows its documented
 * result on load, types into examples and checks the results as shown, runs axe-core (WCAG 2.2 A
 * and AA) at 380 and 1280 px in the light and dark themes, and saves screenshots at 380 px (the
 * pane's width), at 1280 px, dark, and in forced colours (Windows high contrast) to artifacts/.
 *
 * Needs the build (npm test builds first) and a Chromium-family browser (test/helpers/browser.ts).
 */
import { createServer, type Server } from "node:http";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import type { AddressInfo } from "node:net";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { launchChromium } from "../helpers/browser";
import { axeViolations } from "../helpers/axe";
import { rowKindsOf, showValue, spillCellFormat, type ResultFormat } from "../../src/help/format";
import { loadBundle } from "../helpers/bundle";

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
  ".ico": "image/x-icon",
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
  context = await launchChromium({ viewport: { width: 380, height: 900 }, hasTouch: true });
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
const formula = (form: Locator) => form.locator(".formula code").textContent();
/** Clicks Reset and waits until the example is computed again (the page resets the fields, then recomputes). */
async function reset(form: Locator): Promise<void> {
  const before = await form.getAttribute("data-computed");
  await form.locator("button[type=reset]").click();
  await form.evaluate(
    (f, n) =>
      new Promise<void>((resolve) => {
        const check = () => ((f as HTMLElement).dataset.computed !== n ? resolve() : setTimeout(check, 10));
        check();
      }),
    before,
  );
}

/** Every documented example, in the page's order within each function: src/functions/*.examples.json. */
const examplesDir = join(root, "src", "functions");
const documented = readdirSync(examplesDir)
  .filter((f) => f.endsWith(".examples.json"))
  .flatMap((f) =>
    Object.entries(
      JSON.parse(readFileSync(join(examplesDir, f), "utf8")) as Record<string, { examples?: { args: unknown[]; result: unknown }[] }>,
    ),
  );

test("every documented example shows its documented result on load, as the page formats it", async () => {
  // A working spill's rows in the kinds the function declares beside them (the same bundle, called here).
  const bundle = loadBundle();
  const shown = await page.locator("form.example").evaluateAll((forms) =>
    forms.map((f) => ({
      fn: (f as HTMLElement).dataset.fn!,
      format: (f as HTMLElement).dataset.format!,
      error: f.querySelector(".result-value.is-error")?.textContent ?? null,
      values: [...f.querySelectorAll(".result-value .value")].map((v) => v.textContent),
    })),
  );
  let count = 0;
  const wrong: string[] = [];
  for (const [name, doc] of documented)
    (doc.examples ?? []).forEach((e, k) => {
      count++;
      const form = shown.filter((f) => f.fn === name)[k];
      if (!form) return wrong.push(`${name} example ${k + 1}: not on the page`);
      const format = form.format as ResultFormat;
      const rows = Array.isArray(e.result) ? (e.result as unknown[][]) : [[e.result]];
      const kinds = Array.isArray(e.result) ? rowKindsOf(bundle.call(name, ...e.args)) : undefined;
      const expected = rows.flatMap((row, ri) =>
        row.map((v, ci) => showValue(v, Array.isArray(e.result) ? spillCellFormat(name, kinds, ri, ci, format) : format).text),
      );
      if (form.error !== null || JSON.stringify(form.values) !== JSON.stringify(expected))
        wrong.push(`${name} example ${k + 1}: shows ${form.error ?? JSON.stringify(form.values)}, documented ${JSON.stringify(expected)}`);
    });
  expect(count).toBeGreaterThanOrEqual(86);
  expect(wrong).toEqual([]);
});

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
  await expect(kickoff.locator(".value.date").textContent()).resolves.toBe("Fri 2025-02-14");
  await expect(kickoff.locator(".serial").textContent()).resolves.toBe("45702");
  // PRORATE(100, 1 Jan 2021, 31 Jan 2021, 27 Jan 2021, "30/360"): 100 x 4/30 = 13.333...: 13.33 shown.
  const money = result(example("PRORATE", 1)).locator(".value.money");
  await expect(money.textContent()).resolves.toBe("13.33");
  // SEASONWINDOW(1 Jun 2025, 30 Jun 2025, "America/New_York"): 00:00 UTC on 1 Jun and on 1 Jul are
  // 20:00 EDT (UTC-4) the evening before: Sat 31 May 2025 20:00 and Mon 30 Jun 2025 20:00.
  const cells = result(example("SEASONWINDOW")).locator("table.spill td .value.date");
  await expect(cells.allTextContents()).resolves.toEqual(["Sat 2025-05-31 20:00", "Mon 2025-06-30 20:00"]);
});

test("the exact, unrounded value is a button: Enter, a click or a tap shows it, again hides it", async () => {
  const value = result(example("PRORATE", 1)).getByRole("button", { name: "13.33" });
  const exact = result(example("PRORATE", 1)).locator(".exact");
  await expect(exact.isHidden()).resolves.toBe(true);
  await value.focus();
  await page.keyboard.press("Enter");
  await expect(value.getAttribute("aria-expanded")).resolves.toBe("true");
  await expect(exact.isVisible()).resolves.toBe(true);
  await expect(exact.textContent()).resolves.toBe("exact 13.333333333333334");
  await value.click();
  await expect(exact.isHidden()).resolves.toBe(true);
  // By touch: a tap.
  await value.tap();
  await expect(exact.isVisible()).resolves.toBe(true);
  await value.tap();
  await expect(exact.isHidden()).resolves.toBe(true);
});

test("working spills format each row by its kind: money, percentage, General", async () => {
  // PLANCHANGEWORKING(300, 610, Jan 2025, 22 Jan): credit -300 x 10/31 = -96.774...: -96.77; net 100.00.
  const plan = result(example("PLANCHANGEWORKING")).locator("tr");
  await expect(plan.nth(4).locator("td").allInnerTexts()).resolves.toEqual(["Unused time on the old plan (credit)", "-96.77"]);
  await expect(plan.nth(6).locator("td").allInnerTexts()).resolves.toEqual(["Net charge", "100.00"]);
  // SLAWORKING(Jan 2025, 446.4, 2500): uptime (44640 - 446.4) / 44640 = 0.99: 99%; the 10% band; 10% x 2,500 = 250.00.
  const sla = result(example("SLAWORKING")).locator("tr");
  await expect(sla.nth(2).locator("td").allInnerTexts()).resolves.toEqual(["Uptime", "99%"]);
  await expect(sla.nth(4).locator("td").allInnerTexts()).resolves.toEqual(["Credit percentage", "10%"]);
  await expect(sla.nth(5).locator("td").allInnerTexts()).resolves.toEqual(["Credit amount", "250.00"]);
  // SLACREDITPCT(0.995): the 99.0%–99.9% band, 10%.
  await expect(result(example("SLACREDITPCT", 1)).textContent()).resolves.toBe("10%");
});

test("large amounts as Excel shows them: 15 significant digits, scientific from 1E+15", async () => {
  const form = example("PRORATE");
  // PRORATE(1e21, 1 Jan 2025, 31 Jan 2025, 22 Jan 2025) = 1e21 x 10/31 = 3.2258064516129032...e20.
  await field(form, "amount").fill("1e21");
  await expect(result(form).locator("button.value").textContent()).resolves.toBe("3.2258064516129E+20");
  await field(form, "amount").fill("1e300");
  await expect(result(form).locator("button.value").textContent()).resolves.toBe("3.2258064516129E+299");
  // 123,456,789,012.34 x 10/31 = 39,824,770,649.14...: to the cent.
  await field(form, "amount").fill("123456789012.34");
  await expect(result(form).locator(".value").first().textContent()).resolves.toBe("39,824,770,649.14");
  await reset(form);
  await expect(result(form).textContent()).resolves.toBe("100.00");
});

test("the formula above an example follows its arguments; Reset brings back the documented one", async () => {
  const form = example("PSEXPIRY", 3);
  const doc = '=KUSTOMER.PSEXPIRY("Implementation - Standard", DATE(2025,3,3), Kustomer_PsPackages[#All])';
  await expect(formula(form)).resolves.toBe(doc);
  // A date typed: DATE(...) for it; the table reference stays, as it was not edited.
  await field(form, "kickoff_date").fill("2025-03-10");
  await expect(formula(form)).resolves.toBe('=KUSTOMER.PSEXPIRY("Implementation - Standard", DATE(2025,3,10), Kustomer_PsPackages[#All])');
  // The range edited: written in place as an array constant.
  const prorate = example("PRORATE");
  await field(prorate, "amount").fill("620");
  await expect(formula(prorate)).resolves.toBe("=KUSTOMER.PRORATE(620, DATE(2025,1,1), DATE(2025,1,31), DATE(2025,1,22))");
  const storage = example("ATTACHMENTSTORAGE", 1);
  await storage.locator(".grid input").first().fill("2000");
  await expect(formula(storage)).resolves.toBe("=KUSTOMER.ATTACHMENTSTORAGE({2000})");
  for (const f of [form, prorate, storage]) await reset(f);
  await expect(formula(form)).resolves.toBe(doc);
  await expect(formula(prorate)).resolves.toBe("=KUSTOMER.PRORATE(310, DATE(2025,1,1), DATE(2025,1,31), DATE(2025,1,22))");
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
  await expect(result(kickoff).locator(".value.date").textContent()).resolves.toBe("Mon 2025-03-31");
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

test("Reset restores the documented arguments, rows added included", async () => {
  // ATTACHMENTSTORAGE's first example: 2,500,000 + 5,000 bytes = 0.002505 GB. A row of 2,500,000 more: 0.005005.
  const form = example("ATTACHMENTSTORAGE");
  const rows = await form.locator(".grid tbody tr").count();
  await form.locator("button[data-grid-action=add]").click();
  await form.locator(".grid tbody tr").last().locator("input").fill("2500000");
  await expect(result(form).textContent()).resolves.toBe("0.005005");
  await reset(form);
  await expect(result(form).textContent()).resolves.toBe("0.002505");
  await expect(form.locator(".grid tbody tr").count()).resolves.toBe(rows);
  // A row removed comes back too.
  await form.locator("button[data-grid-action=remove]").click();
  await reset(form);
  await expect(result(form).textContent()).resolves.toBe("0.002505");
  await expect(form.locator(".grid tbody tr").count()).resolves.toBe(rows);
});

test("a range of date-times takes date-times: OUTAGEMINUTES' maintenance from 02:00 counts", async () => {
  const form = example("OUTAGEMINUTES", 1);
  const starts = form.locator(".field", { has: page.locator('.arg-name:text-is("maintenance_starts")') }).locator("input");
  await expect(starts.nth(1).inputValue()).resolves.toBe("2025-06-02 02:00");
  await expect(result(form).locator(".is-error").count()).resolves.toBe(0);
});

test("rate tables can be read: every value fits its field, and at 1280 px the table scrolls inside its card", async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  try {
    const form = example("PSEXPIRY", 3);
    const grid = form.locator(".grid");
    // 16 columns of Kustomer_PsPackages: each field as wide as its longest value, none cut.
    const cut = await grid
      .locator("input")
      .evaluateAll((inputs) =>
        (inputs as HTMLInputElement[])
          .filter((i) => i.scrollWidth > i.clientWidth + 1)
          .map((i) => `${i.getAttribute("aria-label")}: ${i.value}`),
      );
    expect(cut).toEqual([]);
    await expect(grid.locator("tbody tr").first().locator("input").nth(2).inputValue()).resolves.toBe("Kick-off counted from");
    const box = await form.boundingBox();
    const scroller = await grid.locator(".grid-scroll").boundingBox();
    expect(scroller!.x + scroller!.width).toBeLessThanOrEqual(box!.x + box!.width);
    const overflow = await grid.locator(".grid-scroll").evaluate((e) => e.scrollWidth > e.clientWidth);
    expect(overflow).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(1280);
  } finally {
    await page.setViewportSize({ width: 380, height: 900 });
  }
});

test("at 380 px no number, amount, percentage or date breaks across lines; a date-time in a spill only between its day and time", async () => {
  // Two date-times side by side (SEASONWINDOW) do not fit at 380 px: each breaks between its day and
  // its time (.day, .time), never inside either.
  const values =
    ".value.number, .value.money, .value.percent, .value.date:not(table.spill *), .value-wrap:not(table.spill .date), .value.date .day, .value.date .time";
  const broken = await page
    .locator(`.result-value :is(${values})`)
    .evaluateAll((els) =>
      els.filter((e) => e.getClientRects().length > 1 || (e as HTMLElement).offsetHeight > 30).map((e) => e.textContent),
    );
  expect(broken).toEqual([]);
});

test("keyboard: a skip link first, past the contents to the first example's first field", async () => {
  const fresh = await context.newPage();
  try {
    await fresh.goto(`${base}/help.html`);
    await fresh.waitForFunction(() => document.body.dataset.helpReady !== undefined);
    await fresh.keyboard.press("Tab");
    await expect(fresh.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Skip to the functions");
    await fresh.keyboard.press("Enter");
    await fresh.keyboard.press("Tab");
    const first = await fresh.locator("form.example").first().getAttribute("data-fn");
    await expect(fresh.evaluate(() => document.activeElement?.closest("form.example")?.getAttribute("data-fn"))).resolves.toBe(first);
    await expect(fresh.evaluate(() => document.activeElement?.tagName)).resolves.toBe("INPUT");
  } finally {
    await fresh.close();
  }
});

test("the index page: a main landmark, and no WCAG 2.2 A or AA violation", async () => {
  const index = await context.newPage();
  try {
    await index.goto(`${base}/`);
    await expect(index.locator("main h1").textContent()).resolves.toBe("Kustomer Contract Billing add-in");
    expect(await axeViolations(index)).toEqual([]);
  } finally {
    await index.close();
  }
});

test("the theme the pane's link asks for (?theme=dark) wins over the system's", async () => {
  const themed = await context.newPage();
  try {
    await themed.emulateMedia({ colorScheme: "light" });
    await themed.goto(`${base}/help.html?theme=dark`);
    await themed.waitForFunction(() => document.body.dataset.helpReady !== undefined);
    // body.help's background is --bg2: #1f1f1f in the dark palette, #fafafa in the light one.
    await expect(themed.evaluate(() => getComputedStyle(document.body).backgroundColor)).resolves.toBe("rgb(31, 31, 31)");
    await themed.emulateMedia({ colorScheme: "dark" });
    await themed.goto(`${base}/help.html?theme=light`);
    await themed.waitForFunction(() => document.body.dataset.helpReady !== undefined);
    await expect(themed.evaluate(() => getComputedStyle(document.body).backgroundColor)).resolves.toBe("rgb(250, 250, 250)");
  } finally {
    await themed.close();
  }
});

test("/favicon.ico is served", async () => {
  const res = await page.request.get(`${base}/favicon.ico`);
  expect(res.status()).toBe(200);
  expect([...(await res.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
});

test("axe-core: no WCAG 2.2 A or AA violation at 380 and 1280 px, and in the dark theme; screenshots dark and in forced colours", async () => {
  // The layout at both widths in the light theme; the dark theme's colours (contrast) at 1280 px,
  // the same colours as at 380 px. Each run of axe over the 86 examples takes seconds: three runs.
  const found: Record<string, string[]> = {};
  for (const [colorScheme, width] of [
    ["light", 380],
    ["light", 1280],
    ["dark", 1280],
  ] as const) {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width, height: 900 });
    found[`${colorScheme} ${width}`] = await axeViolations(page);
  }
  expect(found).toEqual({ "light 380": [], "light 1280": [], "dark 1280": [] });
  // The rounded value opened, a grid row added, an error shown: each state visible in the screenshots.
  const prorate = example("PRORATE", 1);
  await result(prorate).locator("button.rounded").click();
  const kickoff = example("PSKICKOFFDEADLINE");
  await field(kickoff, "subscription_start").fill("not a date");
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.locator("section#PRORATE").evaluate((e) => e.scrollIntoView());
  await page.screenshot({ path: join(artifacts, "help-1280-dark.png") });
  await page.emulateMedia({ colorScheme: "light", forcedColors: "active" });
  await page.screenshot({ path: join(artifacts, "help-1280-forced-colors.png") });
  await page.emulateMedia({ colorScheme: "light", forcedColors: "none" });
  for (const form of [prorate, kickoff]) await reset(form);
  await page.setViewportSize({ width: 380, height: 900 });
});

test("readable at the pane's width: no sideways scroll at 380 px or 320 px; screenshots at 380 and 1280 px", async () => {
  // The typed-into examples back to their documented arguments.
  for (const form of [example("PRORATE"), example("PSKICKOFFDEADLINE")]) await reset(form);
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
