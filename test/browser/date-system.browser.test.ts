/**
 * The date system in the built pane, in Chromium: the "This workbook uses the 1904 date system"
 * checkbox. The fake Excel and the document's settings (test/helpers/fake-excel.ts) are in place
 * when Office is ready, as Excel's are; office.js is the local one (test/helpers/pane-browser.ts).
 * Ticking it stores the answer in the workbook's settings and recalculates; a workbook saved with
 * the answer opens with the box ticked. The values the KUSTOMER cells take are checked in
 * test/taskpane/date-system.test.ts; here, the pane's wiring.
 */
import type { Server } from "node:http";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import type { BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../helpers/browser";
import { fakeScript, routeOffice, serve } from "../helpers/pane-browser";

jest.setTimeout(180_000);

const root = join(__dirname, "..", "..");
const artifacts = join(root, "artifacts");
const SETTING = "KUSTOMER.DateSystem";

let server: Server;
let context: BrowserContext;
let base: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  server = await serve(join(root, "dist"));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  context = await launchChromium({ viewport: { width: 380, height: 900 } });
  await routeOffice(context, base);
});

afterAll(async () => {
  await context?.close();
  await new Promise((r) => server?.close(r));
});

/** Opens the pane on a workbook whose document holds `saved`; waits until the date system is shown. */
async function openPane(saved: Record<string, unknown>): Promise<Page> {
  const page = await context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.addInitScript(`${fakeScript()};
    window.__onOfficeReady = function () {
      if (window.__fake) return;
      var fake = window.__fakeExcelLib.createFakeExcel();
      fake.settings.saved = ${JSON.stringify(saved)};
      window.__fake = fake;
      window.Excel = fake.Excel;
      Object.defineProperty(Office.context, "document", { value: { settings: fake.settings }, configurable: true });
    };`);
  await page.goto(`${base}/taskpane.html`);
  await page.waitForFunction(() => document.body.dataset.officeReady === "true", null, { timeout: 60_000 });
  // The box opens once the date system is read (at start-up, before any date function answers).
  await page.waitForFunction(() => !(document.getElementById("date-1904") as HTMLInputElement).disabled, null, { timeout: 60_000 });
  return page;
}

const fakeState = (page: Page) =>
  page.evaluate(() => {
    const fake = (window as any).__fake;
    return { saved: fake.settings.saved, calculations: fake.stats.calculations };
  });

test("a new workbook: the box is open and clear; ticking it stores 1904 in the workbook and recalculates", async () => {
  const page = await openPane({});
  const box = page.getByRole("checkbox", { name: "This workbook uses the 1904 date system" });
  await expect(box.isEnabled()).resolves.toBe(true);
  await expect(box.isChecked()).resolves.toBe(false);
  await box.check();
  await page.locator("#message .message.success").waitFor();
  await expect(page.locator("#message").textContent()).resolves.toContain("Dates are read in the 1904 date system.");
  await expect(fakeState(page)).resolves.toEqual({ saved: { [SETTING]: "1904" }, calculations: 1 });
  await page.screenshot({ path: join(artifacts, "pane-date-system.png"), fullPage: false });
  // Unticking: 1900 stored, recalculated again.
  await box.uncheck();
  await page.locator("#message .message.success").filter({ hasText: "1900" }).waitFor();
  await expect(fakeState(page)).resolves.toEqual({ saved: { [SETTING]: "1900" }, calculations: 2 });
  await page.close();
});

test("a workbook saved with the answer opens with the box ticked, nothing written", async () => {
  const page = await openPane({ [SETTING]: "1904" });
  const box = page.getByRole("checkbox", { name: "This workbook uses the 1904 date system" });
  await page.waitForFunction(() => (document.getElementById("date-1904") as HTMLInputElement).checked);
  await expect(box.isEnabled()).resolves.toBe(true);
  await expect(fakeState(page)).resolves.toEqual({ saved: { [SETTING]: "1904" }, calculations: 0 });
  await page.close();
});

test("a save that fails: the box goes back, the pane says nothing was saved", async () => {
  const page = await openPane({});
  await page.evaluate(() => ((window as any).__fake.settings.failSave = true));
  const box = page.getByRole("checkbox", { name: "This workbook uses the 1904 date system" });
  // A click, not check(): the box is ticked, then goes back when the save fails.
  await box.click();
  await page.locator("#message .message.error").waitFor();
  await expect(page.locator("#message").textContent()).resolves.toContain("The date system was not changed.");
  await expect(box.isChecked()).resolves.toBe(false);
  await expect(fakeState(page)).resolves.toEqual({ saved: {}, calculations: 0 });
  await page.close();
});

test("no page errors", () => {
  expect(pageErrors).toEqual([]);
});
