/**
 * "New quote" and "Check an invoice" from the built pane in Chromium, against the fake Excel API
 * (as test/browser/taskpane.browser.test.ts: dist/ served on 127.0.0.1, the local office.js,
 * nothing else reaches the network). The sheets the pane wrote are read out of the fake, filled
 * in as a salesperson and an auditor would (the hand-worked quote and invoice of test/sheets),
 * calculated by HyperFormula with the KUSTOMER functions of the built bundle, rendered as Excel
 * shows a sheet (./render-sheet), and saved as artifacts/quote.png and artifacts/invoice-check.png.
 *
 * Needs the build (npm test builds first) and a Chromium-family browser (test/helpers/browser.ts).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { openPaneOnFakeExcel, type PaneOnFakeExcel, readFakeSheet } from "../helpers/pane-browser";
import { NOTHING_LOADED } from "../../src/sheets/layout";
import { QUOTE_INPUT_CELLS as IN, QUOTE_RESULT_CELLS, quoteLayout } from "../../src/sheets/quote-layout";
import { INVOICE_SUMMARY_CELLS, invoiceLayout } from "../../src/sheets/invoice-layout";
import { evaluate } from "../sheets/engine";
import { renderSheet, type Shown } from "./render-sheet";

jest.setTimeout(180_000);

const root = join(__dirname, "..", "..");
const dist = join(root, "dist");
const artifacts = join(root, "artifacts");
let pane: PaneOnFakeExcel;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  pane = await openPaneOnFakeExcel(dist, { width: 380, height: 900 });
  ({ context, page, pageErrors } = pane);
});

afterAll(async () => {
  await pane?.close();
});

const readSheet = (name: string) => readFakeSheet(page, name);

async function screenshot(html: string, file: string, width: number): Promise<void> {
  const shot = await context.newPage();
  await shot.setViewportSize({ width, height: 800 });
  await shot.setContent(html);
  await shot.screenshot({ path: join(artifacts, file), fullPage: true });
  writeFileSync(join(artifacts, file.replace(/\.png$/, ".html")), html);
  await shot.close();
}

const syncs = (): Promise<number> => page.evaluate(() => (window as any).__fake.stats.syncs);
const addressOf = (r: number, c: number) => `${String.fromCharCode(65 + c)}${r + 1}`;

test("New quote: the pane writes the Quote in 2 round trips; filled in, it shows the hand-worked total", async () => {
  await page.getByRole("button", { name: "New quote" }).click();
  await page.locator("#message .message").waitFor();
  await expect(page.locator("#message").textContent()).resolves.toBe(
    "Sheet “Quote” is ready. Type in the yellow cells; the lines and the total follow. Built-in rates (no rate card is loaded).",
  );
  await expect(syncs()).resolves.toBe(2);
  const { sheet, tables } = await readSheet("Quote");
  const layout = quoteLayout(NOTHING_LOADED);
  // What the pane wrote is the layout, formula for formula.
  for (const c of layout.cells.filter((x) => x.formula)) {
    const [, col, row] = /^([A-Z]+)(\d+)$/.exec(c.address)!;
    expect([c.address, sheet.cells.get(`${Number(row) - 1},${col.charCodeAt(0) - 65}`)?.formula]).toEqual([c.address, c.formula]);
  }
  // The salesperson's inputs: the hand-worked quote of test/sheets/quote.test.ts (total $2,161).
  const inputs: Record<string, string | number> = {
    [IN.customer]: "Acme Ltd",
    [IN.plan]: "Ultimate",
    [IN.billing]: "Monthly",
    [IN.periodStart]: 45658,
    [IN.periodEnd]: 45688,
    [IN.seats]: 20,
    [IN.seatPrice]: 93,
    [IN.seatsAdded]: 3,
    [IN.addDate]: 45679,
    [IN.fullTimeUsers]: 23,
    [IN.organizations]: 1,
    [IN.dataUsedGb]: 45.3,
    [IN.attachmentUsedGb]: 270.5,
    [IN.words]: 120000,
    [IN.psPackage]: "Implementation - Standard",
    [IN.kickoff]: 45677,
    [IN.managedLevel]: "Standard",
  };
  const calc = evaluate(layout, { inputs });
  expect(calc.get(QUOTE_RESULT_CELLS.total)).toBe(2161);
  const rows = Number(sheet.printArea!.split(":")[1].replace(/[A-Z]+/, ""));
  const html = renderSheet(
    sheet,
    tables,
    (a) => (inputs[a] ?? calc.get(a)) as Shown,
    () => null,
    { rows, cols: 5 },
    "Quote",
  );
  await screenshot(html, "quote.png", 1040);
});

test("Check an invoice: the pane writes the table in 2 round trips; eight pasted lines, two flagged", async () => {
  const before = await syncs();
  await page.getByRole("button", { name: "Check an invoice" }).click();
  await page.locator("#message .message").waitFor();
  await expect(page.locator("#message").textContent()).resolves.toContain("Sheet “Invoice check” is ready.");
  await expect(syncs()).resolves.toBe(before + 2);
  await page.screenshot({ path: join(artifacts, "taskpane-sheets.png") });
  const { sheet, tables } = await readSheet("Invoice check");
  expect(tables.map((t) => t.name)).toEqual(["InvoiceCheck"]);
  const layout = invoiceLayout(NOTHING_LOADED);
  expect(sheet.conditionalFormats?.map((c) => c.formula)).toEqual(layout.conditionalFormats.map((c) => c.formula));
  // The auditor pastes the eight lines of test/sheets/invoice.test.ts.
  const month = { "Period start": 45658, "Period end": 45688 };
  const lines: Record<string, string | number>[] = [
    {
      "Line type": "Seat addition",
      Description: "3 agent seats",
      "Seats or quantity": 3,
      "Price or old price": 93,
      ...month,
      "Effective date": 45679,
      Billed: 90,
    },
    {
      "Line type": "Seat addition",
      Description: "2 agent seats",
      "Seats or quantity": 2,
      "Price or old price": 62,
      ...month,
      "Effective date": 45673,
      Billed: 124,
    },
    {
      "Line type": "Plan change",
      Description: "Upgrade to Ultimate",
      "Price or old price": 300,
      "New price": 610,
      ...month,
      "Effective date": 45679,
      Billed: 100,
    },
    { "Line type": "Data storage overage", Description: "Data storage, org 1", "Used GB": 45.3, "Allowance GB": 43, Billed: 150 },
    { "Line type": "Data storage overage", Description: "Data storage, org 2", "Used GB": 12.4, "Allowance GB": 10, Billed: 120 },
    { "Line type": "Attachment storage overage", Description: "Attachments", "Used GB": 270.5, "Allowance GB": 270, Billed: 1 },
    { "Line type": "Translated words", Description: "Premium translation", Words: 120000, Billed: 60.01 },
    { "Line type": "SLA credit", Description: "SLA credit, December", Uptime: 0.995, "Monthly fee": 1000, Billed: -100 },
  ];
  const calc = evaluate(layout, { tableRows: lines });
  expect(calc.get(INVOICE_SUMMARY_CELLS.flagged)).toBe(2);
  const t = layout.tables[0];
  const headerRow = Number(t.address.split(":")[0].replace(/[A-Z]+/, "")) - 1;
  // Pasted values into the rendered sheet (0-based rows).
  const pasted = new Map<string, string | number>();
  lines.forEach((l, i) => t.headers.forEach((h, c) => l[h] !== undefined && pasted.set(addressOf(headerRow + 1 + i, c), l[h])));
  const cf = (a: string) => {
    const fills = calc.fills(a);
    const f = layout.conditionalFormats.find((x) => x.fill === fills[0]);
    return f ? { fill: f.fill, fontColor: f.fontColor, bold: f.bold } : null;
  };
  const rows = Number(sheet.printArea!.split(":")[1].replace(/[A-Z]+/, ""));
  const html = renderSheet(
    sheet,
    tables,
    (a) => (pasted.get(a) ?? calc.get(a)) as Shown,
    cf,
    { rows, cols: t.headers.length },
    "Invoice check",
  );
  await screenshot(html, "invoice-check.png", 1900);
  expect(pageErrors).toEqual([]);
});
