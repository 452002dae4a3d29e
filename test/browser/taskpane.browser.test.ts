/**
 * The built task pane in a real browser: dist/ served on 127.0.0.1 by a tiny Node server, opened
 * in Debian's Chromium through playwright-core, with the local office.js (node_modules/
 * @microsoft/office-js/dist) served in place of appsforoffice.microsoft.com; every other
 * non-local request is aborted, so nothing goes to the network. After Office.onReady, the page
 * gets the in-memory fake of the Excel API (test/helpers/fake-excel.ts, transpiled), and the
 * test clicks through: load every card, a conflict resolved by keyboard (replace keeps a dated
 * backup), and a bad Order CSV (every problem listed, nothing written). It asserts on the fake
 * workbook and saves screenshots to artifacts/. In every state (the list, the results, the conflict
 * dialog, an Order's problems, the sheet messages) axe-core finds no WCAG 2.2 A or AA violation,
 * in the light and the dark theme; screenshots in dark and in forced colours (Windows high
 * contrast) show the controls in each.
 *
 * Needs the build (npm test builds first) and a Chromium-family browser (test/helpers/browser.ts
 * finds one: CHROME_PATH, Chrome, Edge, or Linux's /usr/bin/chromium, which .ci/run installs).
 */
import type { Server } from "node:http";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import type { BrowserContext, Page } from "playwright-core";
import type { Snapshot } from "../helpers/fake-excel";
import { launchChromium } from "../helpers/browser";
import { fakeScript, routeOffice, serve } from "../helpers/pane-browser";
import { axeViolations } from "../helpers/axe";

jest.setTimeout(180_000);

const root = join(__dirname, "..", "..");
const dist = join(root, "dist");
const artifacts = join(root, "artifacts");
const TODAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Content-Security-Policy violations the page reports, by directive and blocked URL. */
const CSP_LISTENER = `window.__csp = []; document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));`;

let server: Server;
let context: BrowserContext;
let page: Page;
let base: string;
const officeFiles: string[] = [];
const aborted: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(dist, "taskpane.html")))
    throw new Error("dist/ is missing: run `npm test` (it builds first) or `npx webpack --mode production`.");
  mkdirSync(artifacts, { recursive: true });
  server = await serve(dist);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  context = await launchChromium({ viewport: { width: 380, height: 900 } });
  await routeOffice(context, base, { officeFiles, aborted });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.addInitScript(CSP_LISTENER);
  await page.goto(`${base}/taskpane.html`);
  // The pane renders at once; Office.onReady resolves once office.js has started (outside Excel: host null).
  await page.waitForFunction(() => document.body.dataset.paneReady === "true" && document.body.dataset.officeReady === "true", null, {
    timeout: 60_000,
  });
  // Install the fake after office.js has settled, so nothing in office.js can overwrite it.
  await page.evaluate(`${fakeScript()}; window.__fake = window.__fakeExcelLib.createFakeExcel(); window.Excel = window.__fake.Excel;`);
});

afterAll(async () => {
  await context?.close();
  await new Promise((r) => server?.close(r));
});

/** axe-core in the pane as it is now, in the light and the dark theme (prefers-color-scheme: Excel on the web gives no Office theme). */
async function expectAccessible(state: string): Promise<void> {
  const found: Record<string, string[]> = {};
  for (const colorScheme of ["dark", "light"] as const) {
    await page.emulateMedia({ colorScheme });
    found[`${state}, ${colorScheme}`] = await axeViolations(page);
  }
  expect(found).toEqual({ [`${state}, dark`]: [], [`${state}, light`]: [] });
}

/** A screenshot of the pane (as far as it shows at 380 x 900) in forced colours (Windows high contrast), then back to the light theme. */
async function forcedColorsShot(file: string): Promise<void> {
  await page.emulateMedia({ colorScheme: "light", forcedColors: "active" });
  await page.screenshot({ path: join(artifacts, file) });
  await page.emulateMedia({ colorScheme: "light", forcedColors: "none" });
}

const snapshot = (): Promise<Snapshot> => page.evaluate(() => (window as any).__fake.snapshot());
const syncs = (): Promise<number> => page.evaluate(() => (window as any).__fake.stats.syncs);

test("the pane lists the 10 rate cards with their source document and its last-updated date", async () => {
  const cards = page.locator("#cards > li");
  await expect(cards.count()).resolves.toBe(10);
  // docs/terms.md's table of documents: SLA 2024-12-23, usage terms 2024-11-01, PS terms 2025-11-17, billing help undated.
  const sla = page.locator("#item-Kustomer_SlaCreditBands");
  await expect(sla.locator(".card-title").textContent()).resolves.toBe("SLA service credits by Monthly Uptime Percentage");
  await expect(sla.locator(".meta").first().textContent()).resolves.toBe("Service Level Agreement · last updated 23 Dec 2024");
  await expect(page.locator("#item-Kustomer_TranslationPrice .meta").first().textContent()).resolves.toBe(
    "Supplemental Terms, usage-based plans · last updated 1 Nov 2024",
  );
  await expect(page.locator("#item-Kustomer_PsPackages .meta").first().textContent()).resolves.toBe(
    "Professional Services Terms · last updated 17 Nov 2025",
  );
  await expect(page.locator("#item-Kustomer_StoragePrices .meta").first().textContent()).resolves.toBe(
    "Billing help pages: FAQ, seasonal seats, storage limits and pricing, subscription · undated",
  );
  // Every checkbox has its label; all are selected at first.
  await expect(page.getByRole("checkbox", { name: "Premium Translated Word price" }).isChecked()).resolves.toBe(true);
  await expect(page.getByRole("button", { name: "Load all rate cards" }).isEnabled()).resolves.toBe(true);
  await expectAccessible("the list");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: join(artifacts, "taskpane-dark.png") });
  await page.emulateMedia({ colorScheme: "light" });
  await forcedColorsShot("taskpane-forced-colors.png");
});

test("load all: 10 sheets, 10 tables, the names, in 2 round trips", async () => {
  await page.getByRole("button", { name: "Load all rate cards" }).click();
  await page.locator("#message .message.success").waitFor();
  await expect(page.locator("#message").textContent()).resolves.toBe("Done. 10 cards loaded.");
  await expect(syncs()).resolves.toBe(2);
  await expect(page.locator("#results li").count()).resolves.toBe(10);
  // A card the functions read as `rates` shows the formula that passes its table; the others none.
  await expect(page.locator('#results li[data-card="Kustomer_StorageAllocation"] code').textContent()).resolves.toBe(
    '=KUSTOMER.STORAGEALLOWANCE("Ultimate","data",,B2,,Kustomer_StorageAllocation[#All])',
  );
  await expect(page.locator("#results li code").count()).resolves.toBe(7);
  await page.screenshot({ path: join(artifacts, "taskpane.png"), fullPage: true });
  await expectAccessible("the results");
  const snap = await snapshot();
  expect(snap.sheets.map((s) => s.name)).toEqual([
    "Storage Record Sizes",
    "Storage Allocation",
    "Storage Prices",
    "Translation Price",
    "SLA Credit Bands",
    "SLA Response Times",
    "PS Packages",
    "Managed Services Hours",
    "Data Migration Sizes",
    "PS Limits",
  ]);
  expect(snap.tables.map((t) => t.name)).toEqual(
    snap.sheets.map((s) => `Kustomer_${s.name.replace(/ /g, "").replace("SLA", "Sla").replace("PS", "Ps")}`),
  );
  expect(Object.fromEntries(snap.names.map((n) => [n.name, n.formula]))).toEqual({
    Kustomer_DataPricePerGB: "='Storage Prices'!$B$5",
    Kustomer_AttachmentPricePerGB: "='Storage Prices'!$B$6",
    Kustomer_PricePerTranslatedWord: "='Translation Price'!$C$5",
    Kustomer_SlaCreditCap: "='SLA Credit Bands'!$D$8",
  });
  const prices = snap.sheets.find((s) => s.name === "Storage Prices")!;
  expect(prices.values.B5).toBe(50);
  expect(prices.formats.B5).toBe("$#,##0.00");
  expect(prices.values.A2).toBe(
    'Source: Billing help pages: FAQ, seasonal seats, storage limits and pricing, subscription (undated), section "Purchase additional data and attachment storage".',
  );
  expect(snap.sheets.find((s) => s.name === "SLA Credit Bands")!.values.A2).toBe(
    'Source: Service Level Agreement (last updated 23 Dec 2024), section "6. Service Credits".',
  );

  // Loading again (a second click) changes nothing, and keeps what the load said.
  await page.getByRole("button", { name: "Load all rate cards" }).click();
  await page.locator("#message .message.success").waitFor();
  await page.waitForFunction(() => document.getElementById("load")?.getAttribute("disabled") === null);
  await expect(page.locator("#message").textContent()).resolves.toBe(
    "Done. 10 cards loaded. Checked again: already loaded, nothing changed.",
  );
  await expect(page.locator("#results li").count()).resolves.toBe(10);
  await expect(page.locator("#results li").first().textContent()).resolves.toBe(
    "Data storage size per record: loaded to sheet “Storage Record Sizes”. In a formula: =KUSTOMER.DATASTORAGE(A2:A10, B2:B10, Kustomer_StorageRecordSizes[#All])",
  );
  await expect(syncs()).resolves.toBe(3);
  expect(await snapshot()).toEqual(snap);
});

test("a conflict, chosen by keyboard: replace keeps a dated backup of the user's sheet", async () => {
  // The user typed $45 over the data price.
  await page.evaluate(() => {
    (window as any).__fake.workbook.sheets.find((s: any) => s.name === "Storage Prices").cells.get("4,1").value = 45;
  });
  // Select only the storage prices, by keyboard: Select all (off), then the card's checkbox.
  await page.locator("#select-all").focus();
  await page.keyboard.press("Space");
  await expect(page.getByRole("button", { name: "Select cards to load" }).isDisabled()).resolves.toBe(true);
  await page.getByRole("checkbox", { name: "Additional storage prices" }).focus();
  await page.keyboard.press("Space");
  const load = page.getByRole("button", { name: "Load 1 selected card" });
  await load.focus();
  const before = await syncs();
  await page.keyboard.press("Enter");

  const dialog = page.getByRole("dialog", { name: "A sheet differs from the rate card" });
  await dialog.waitFor();
  await expect(dialog.locator(".why").textContent()).resolves.toBe(
    'The table Kustomer_StoragePrices on sheet "Storage Prices" holds values that differ from these rates.',
  );
  // The pane shows its progress while it waits.
  await expect(page.locator("#progress").isVisible()).resolves.toBe(true);
  await expect(page.locator("#status").textContent()).resolves.toBe("One card differs from the workbook: waiting for your choice…");
  // Focus starts on the safe choice (keep); arrow down selects "replace", Enter continues.
  await expect(page.evaluate(() => (document.activeElement as HTMLInputElement).value)).resolves.toBe("keep");
  await page.keyboard.press("ArrowDown");
  await expect(dialog.getByRole("radio", { name: /Replace it, keeping a backup/ }).isChecked()).resolves.toBe(true);
  await page.screenshot({ path: join(artifacts, "taskpane-conflict.png") });
  await expectAccessible("the conflict dialog");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: join(artifacts, "taskpane-conflict-dark.png") });
  await forcedColorsShot("taskpane-conflict-forced-colors.png");
  await page.locator('input[type=radio][value="replace"]').focus();
  await page.keyboard.press("Enter");

  await page.locator("#message .message.success").waitFor();
  await expect(page.locator("#progress").isHidden()).resolves.toBe(true);
  await expect(syncs()).resolves.toBe(before + 2);
  const snap = await snapshot();
  const backup = snap.sheets.find((s) => s.name.includes("(backup "))!;
  const date = /\(backup (.+)\)$/.exec(backup.name)![1];
  expect(date).toMatch(TODAY_PATTERN);
  expect(backup.name).toBe(`Storage Pr… (backup ${date})`);
  expect(backup.values.B5).toBe(45);
  expect(snap.sheets.find((s) => s.name === "Storage Prices")!.values.B5).toBe(50);
  expect(snap.tables.find((t) => t.name === "Kustomer_StoragePrices")!.sheet).toBe("Storage Prices");
  await expect(page.locator("#results li").textContent()).resolves.toBe(
    `Additional storage prices: replaced on sheet “Storage Prices”; the old sheet is kept as “${backup.name}”. Names: Kustomer_DataPricePerGB, Kustomer_AttachmentPricePerGB.`,
  );
});

test("a bad Order CSV: every problem listed with its row and column, nothing written", async () => {
  const before = await snapshot();
  const syncsBefore = await syncs();
  const csv = ["Storage,Price per GB (USD),Colour", "Data storage,-50,red", "Attachment storage,1 GB,blue", "Data storage,12,green"].join(
    "\r\n",
  );
  await page
    .locator("#file-Kustomer_StoragePrices")
    .setInputFiles({ name: "acme-order.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  const problems = page.locator("#problems-Kustomer_StoragePrices");
  await problems.locator("li").first().waitFor();
  await expect(problems.locator("li").allTextContents()).resolves.toEqual([
    'Row 1, "Colour": is not a column of "Additional storage prices"; expected the columns "Storage", "Price per GB (USD)".',
    'Row 2, "Price per GB (USD)": "-50" is negative; rates cannot be negative.',
    'Row 3, "Price per GB (USD)": expected an amount in US dollars, such as 50 or $50.00; got "1 GB".',
    'Row 4, "Storage": repeats row 2; each row must be distinct.',
  ]);
  await expect(page.locator("#message [role=alert]").textContent()).resolves.toBe(
    "acme-order.csv was not loaded. 4 problems in the file (listed under “Additional storage prices”). Nothing was written.",
  );
  // Nothing was written, nor even read.
  await expect(syncs()).resolves.toBe(syncsBefore);
  expect(await snapshot()).toEqual(before);
  await page.locator("#item-Kustomer_StoragePrices").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(artifacts, "taskpane-bad-csv.png") });
  await expectAccessible("an Order's problems");
  await forcedColorsShot("taskpane-bad-csv-forced-colors.png");
});

test("a good Order CSV loads the Order's rates beside the built-in ones when asked", async () => {
  const csv = "Storage,Price per GB (USD)\nData storage,$40.00\nAttachment storage,$0.80\n";
  await page
    .locator("#file-Kustomer_StoragePrices")
    .setInputFiles({ name: "acme-order.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  const dialog = page.getByRole("dialog", { name: "A sheet differs from the rate card" });
  await dialog.waitFor();
  await dialog.getByRole("radio", { name: /Load beside it/ }).check();
  await dialog.getByRole("button", { name: "Continue" }).click();
  await page.locator("#message .message.success").waitFor();
  await expect(page.locator("#problems-Kustomer_StoragePrices").isHidden()).resolves.toBe(true);
  const snap = await snapshot();
  const beside = snap.sheets.find((s) => s.name === "Storage Prices (2)")!;
  expect(beside.values.A1).toBe("Additional storage prices (Order rates)");
  expect(beside.values.B5).toBe(40);
  expect(beside.values.B6).toBe(0.8);
  expect(snap.tables.find((t) => t.sheet === "Storage Prices (2)")!.name).toBe("Kustomer_StoragePrices_2");
  // The names still point at the card's own sheet.
  expect(snap.names.find((n) => n.name === "Kustomer_DataPricePerGB")!.formula).toBe("='Storage Prices'!$B$5");
});

test("an Excel without ExcelApi 1.9 is told so, and nothing is written", async () => {
  const before = await snapshot();
  const syncsBefore = await syncs();
  // Office says which requirement sets the host supports (Office.context.requirements, absent
  // outside a host); pretend an old Excel with ExcelApi up to 1.8, which answers no for 1.9.
  await page.evaluate(() => {
    (window as any).Office.context.requirements = {
      isSetSupported: (name: string, version: string) => name !== "ExcelApi" || Number(version.split(".")[1]) <= 8,
    };
  });
  await page.getByRole("checkbox", { name: "Select all" }).check();
  await page.locator("#load").click();
  await page.locator("#message .message.error").waitFor();
  await expect(page.locator("#message").textContent()).resolves.toContain("This version of Excel cannot load the rate cards.");
  await expect(page.locator("#message").textContent()).resolves.toContain("Loading needs Excel JavaScript API 1.9.");
  // The last load's green list is gone: only this load's message shows.
  await expect(page.locator("#results li").count()).resolves.toBe(0);
  await expect(syncs()).resolves.toBe(syncsBefore);
  expect(await snapshot()).toEqual(before);
  await page.evaluate(() => delete (window as any).Office.context.requirements);
});

test("an Order file of many problems lists the first 100, then how many more; a 65,000-row file gets the row limit alone", async () => {
  const input = page.locator("#file-Kustomer_StoragePrices");
  const problems = page.locator("#problems-Kustomer_StoragePrices");
  const syncsBefore = await syncs();
  // 1000 rows, each price "lots": 1000 problems, and 2 for the named rows the file lacks.
  const bad = ["Storage,Price per GB (USD)", ...Array.from({ length: 1000 }, (_v, i) => `Tier ${i},lots`)].join("\n");
  await input.setInputFiles({ name: "many.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await problems.locator("li.more").waitFor();
  await expect(problems.locator("li").count()).resolves.toBe(101);
  await expect(problems.locator("li.more").textContent()).resolves.toBe("…and 902 more problems.");
  await expect(page.locator("#message [role=alert]").textContent()).resolves.toBe(
    "many.csv was not loaded. 1002 problems in the file (listed under “Additional storage prices”). Nothing was written.",
  );
  // A one-column export of 65,000 rows: one problem, the row limit.
  const long = ["Storage", ...Array.from({ length: 65_000 }, (_v, i) => `row ${i}`)].join("\n");
  await input.setInputFiles({ name: "export.csv", mimeType: "text/csv", buffer: Buffer.from(long) });
  await page.waitForFunction(() =>
    document.querySelector("#problems-Kustomer_StoragePrices strong")?.textContent?.startsWith("export.csv"),
  );
  await expect(problems.locator("li").allTextContents()).resolves.toEqual(["The file has 65000 rows; a rate card has at most 1000."]);
  // The unit "5 constructor" is a problem like any other (it used to throw inside Object.prototype).
  await input.setInputFiles({
    name: "units.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("Storage,Price per GB (USD)\nData storage,5 constructor\nAttachment storage,1\n"),
  });
  await page.waitForFunction(() => document.querySelector("#problems-Kustomer_StoragePrices strong")?.textContent?.startsWith("units.csv"));
  await expect(problems.locator("li").allTextContents()).resolves.toEqual([
    'Row 2, "Price per GB (USD)": expected an amount in US dollars, such as 50 or $50.00; got "5 constructor".',
  ]);
  // Bytes that are not UTF-8 (é saved as Windows-1252) are refused with their row.
  await input.setInputFiles({
    name: "latin1.csv",
    mimeType: "text/csv",
    buffer: Buffer.concat([Buffer.from("Storage,Price per GB (USD)\nData st"), Buffer.from([0xe9]), Buffer.from("rage,40\n")]),
  });
  await page.waitForFunction(() =>
    document.querySelector("#problems-Kustomer_StoragePrices strong")?.textContent?.startsWith("latin1.csv"),
  );
  await expect(problems.locator("li").first().textContent()).resolves.toMatch(/^Row 2: The file is not UTF-8 text/);
  await expect(syncs()).resolves.toBe(syncsBefore);
});

test("one busy guard covers the file read: Load pressed while an Order file is read runs no second batch", async () => {
  // Hold the file read until the test lets it go.
  await page.evaluate(() => {
    const w = window as any;
    for (const method of ["arrayBuffer", "text"] as const) {
      const original = (Blob.prototype as any)[method];
      (Blob.prototype as any)[method] = function (this: Blob) {
        return new Promise((resolve) => (w.__releaseRead = () => resolve(original.call(this))));
      };
    }
  });
  const runsBefore = await page.evaluate(() => (window as any).__fake.stats.runs);
  // The built-in storage prices, as an Order file: the workbook already holds them.
  await page.locator("#file-Kustomer_StoragePrices").setInputFiles({
    name: "same.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("Storage,Price per GB (USD)\nData storage,50\nAttachment storage,1\n"),
  });
  await page.waitForFunction(() => typeof (window as any).__releaseRead === "function");
  // The Load button is off while the file is read; a click (even a scripted one) starts nothing.
  await expect(page.locator("#load").isDisabled()).resolves.toBe(true);
  await page.evaluate(() => document.getElementById("load")!.click());
  await expect(page.evaluate(() => (window as any).__fake.stats.runs)).resolves.toBe(runsBefore);
  await page.evaluate(() => (window as any).__releaseRead());
  await page.locator("#message .message.success").waitFor();
  await expect(page.locator("#message").textContent()).resolves.toBe(
    "Already up to date. 1 card already in the workbook with the same rates; nothing was changed.",
  );
  await expect(page.evaluate(() => (window as any).__fake.stats.runs)).resolves.toBe(runsBefore + 1);
  await page.evaluate(() => {
    for (const method of ["arrayBuffer", "text"]) delete (Blob.prototype as any)[method];
  });
});

test("a write that Excel stops part-way: the pane says per card what is done, and the workbook holds whole cards only", async () => {
  // A fresh workbook, and Excel failing at command 150 (the read is 33 commands; a card ~25).
  await page.evaluate(() => {
    const w = window as any;
    w.__fake = w.__fakeExcelLib.createFakeExcel();
    w.Excel = w.__fake.Excel;
    w.__fake.failAt(150);
  });
  await page.getByRole("button", { name: "Load all rate cards" }).click();
  await page.locator("#message .message.error").waitFor();
  await expect(page.locator("#message").textContent()).resolves.toMatch(
    /^Excel stopped the load part-way\. GeneralException: injected fault at command 150 \(.+\) [1-9] cards? loaded; [1-9] cards? not loaded\. The workbook was checked: every card is either whole or as it was/,
  );
  const statuses = await page.locator("#results li").evaluateAll((lis) => lis.map((li) => li.getAttribute("data-status")));
  const done = statuses.filter((s) => s === "created").length;
  expect(statuses).toEqual([...Array(done).fill("created"), ...Array(10 - done).fill("not-loaded")]);
  await expect(page.locator("#results li[data-status=not-loaded]").last().textContent()).resolves.toBe(
    "Professional-services acceptance periods and import limits: not loaded; nothing of it was written.",
  );
  const snap = await snapshot();
  expect(snap.sheets.length).toBe(done);
  expect(snap.tables.map((t) => t.name).filter((n) => /^Table\d+$/.test(n))).toEqual([]);
  await page.screenshot({ path: join(artifacts, "taskpane-failed-write.png"), fullPage: true });
});

test("sheet messages: New quote's success and an old Excel's refusal, accessible in both themes", async () => {
  // A fresh workbook (the last test's fake stops at command 150).
  await page.evaluate(() => {
    const w = window as any;
    w.__fake = w.__fakeExcelLib.createFakeExcel();
    w.__fake.addSheet("Sheet1");
    w.Excel = w.__fake.Excel;
  });
  await page.getByRole("button", { name: "New quote" }).click();
  await page.locator("#message .message.success").waitFor();
  await expect(page.locator("#message strong").textContent()).resolves.toMatch(/^Sheet “.+” is ready\.$/);
  await expectAccessible("New quote's message");
  await page.evaluate(() => {
    (window as any).Office.context.requirements = { isSetSupported: () => false };
  });
  await page.getByRole("button", { name: "Check an invoice" }).click();
  await page.locator("#message .message.error").waitFor();
  await expect(page.locator("#message strong").textContent()).resolves.toBe("This version of Excel cannot build the sheet.");
  await expectAccessible("an old Excel's message");
  await forcedColorsShot("taskpane-sheet-message-forced-colors.png");
  await page.evaluate(() => delete (window as any).Office.context.requirements);
});

test("Office's theme, where Excel gives one, wins over the system's: dark pane, dark help link; accessible", async () => {
  const themed = await context.newPage();
  try {
    // Office's Black theme (body background #262626) on a system that prefers light.
    await themed.emulateMedia({ colorScheme: "light" });
    await themed.goto(`${base}/taskpane.html?officeTheme=262626`);
    await themed.waitForFunction(() => document.body.dataset.officeReady === "true", null, { timeout: 60_000 });
    await expect(themed.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe("dark");
    // --bg1 of the dark palette: #292929.
    await expect(themed.evaluate(() => getComputedStyle(document.body).backgroundColor)).resolves.toBe("rgb(41, 41, 41)");
    await expect(themed.locator("#help-link").getAttribute("href")).resolves.toBe("help.html?theme=dark");
    expect(await axeViolations(themed)).toEqual([]);
    // A white Office theme on a system that prefers dark: light.
    await themed.emulateMedia({ colorScheme: "dark" });
    await themed.goto(`${base}/taskpane.html?officeTheme=ffffff`);
    await themed.waitForFunction(() => document.body.dataset.officeReady === "true", null, { timeout: 60_000 });
    await expect(themed.evaluate(() => getComputedStyle(document.body).backgroundColor)).resolves.toBe("rgb(255, 255, 255)");
    await expect(themed.locator("#help-link").getAttribute("href")).resolves.toBe("help.html?theme=light");
  } finally {
    await themed.close();
  }
});

test("outside Excel, Load is off with the reason beside it", async () => {
  const outside = await context.newPage();
  try {
    await outside.goto(`${base}/taskpane.html?outside`);
    await outside.waitForFunction(() => document.body.dataset.officeReady === "true", null, { timeout: 60_000 });
    const load = outside.locator("#load");
    await expect(load.isDisabled()).resolves.toBe(true);
    await expect(outside.locator("#load-reason").textContent()).resolves.toBe(
      "Open this pane from Excel (Home > Rate cards) to load the cards.",
    );
    await expect(outside.locator("#load-reason").isVisible()).resolves.toBe(true);
    await expect(load.getAttribute("aria-describedby")).resolves.toBe("load-reason");
    await expect(outside.locator("#order-Kustomer_StoragePrices").isDisabled()).resolves.toBe(true);
  } finally {
    await outside.close();
  }
});

test("nothing left the machine; the page ran without errors", async () => {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(artifacts, "taskpane-final.png"), fullPage: true });
  console.log(`office.js files served locally: ${officeFiles.join(", ")}\naborted: ${aborted.join(", ") || "none"}`);
  expect(officeFiles[0]).toBe("office.js");
  expect(officeFiles.filter((f) => f.endsWith("(404)"))).toEqual([]);
  // office.js asks for its telemetry frame; it was aborted like anything else not local.
  for (const url of aborted) expect(new URL(url).hostname).toMatch(/(^|\.)(oaspapps\.com|microsoft\.com|office\.net)$/);
  expect(pageErrors).toEqual([]);
  // The page has a Content-Security-Policy; it blocked nothing of the pane's or office.js's own
  // (only office.js's telemetry, which the policy does not let out, may show here).
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
  const violations: string[] = await page.evaluate(() => (window as any).__csp);
  console.log(`CSP violations: ${violations.join(", ") || "none"}`);
  for (const v of violations) expect(v).not.toMatch(/127\.0\.0\.1|appsforoffice\.microsoft\.com|^(script-src|style-src)\S* inline/);
  // decimal.js-light is bundled once: in functions.js, which the pane's page loads first.
  expect(readFileSync(join(dist, "functions.js"), "utf8")).toContain("DecimalError");
  expect(readFileSync(join(dist, "taskpane.js"), "utf8")).not.toContain("DecimalError");
});
