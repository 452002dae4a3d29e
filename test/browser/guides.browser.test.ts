/**
 * The guides' screenshots (docs/sales.md, docs/auditor.md, docs/analyst.md), made as a user makes
 * them: the built pane in Chromium against the fake Excel API (as ./sheets.browser.test.ts), the
 * files of samples/ loaded through the pane's own file inputs, the sheets it writes filled in and
 * calculated by HyperFormula with the built bundle's KUSTOMER functions, rendered as Excel shows a
 * sheet (./render-sheet). Each figure the guides quote is asserted here before its picture is
 * taken; the pictures go to artifacts/guide-*.png (copied by hand to docs/ after a look).
 *
 * Needs the build (npm test builds first) and a Chromium-family browser (test/helpers/browser.ts).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { openPaneOnFakeExcel, type PaneOnFakeExcel, readFakeSheet } from "../helpers/pane-browser";
import type { FakeCell, FakeSheet } from "../helpers/fake-excel";
import { loadBundle } from "../helpers/bundle";
import { cardGrid, HEADER_ROW } from "../../src/sheets/rate-card-layout";
import { importOrderRates } from "../../src/tables/order-file";
import { STORAGE_ALLOCATION } from "../../src/rules/rates/storage";
import { NOTHING_LOADED, type Loaded } from "../../src/sheets/layout";
import { QUOTE_INPUT_CELLS as IN, QUOTE_LINE_ROWS, QUOTE_RESULT_CELLS, quoteLayout } from "../../src/sheets/quote-layout";
import { INVOICE_HEADER_ROW, INVOICE_SUMMARY_CELLS, invoiceLayout } from "../../src/sheets/invoice-layout";
import { evaluate } from "../sheets/engine";
import { INPUTS } from "../sheets/hand-worked-quote";
import { renderSheet, type Shown } from "./render-sheet";

jest.setTimeout(180_000);

const root = join(__dirname, "..", "..");
const dist = join(root, "dist");
const artifacts = join(root, "artifacts");
const sample = (name: string) => readFileSync(join(root, "samples", name), "utf8");
let pane: PaneOnFakeExcel;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  pane = await openPaneOnFakeExcel(dist, { width: 380, height: 760 });
  ({ context, page, pageErrors } = pane);
});

afterAll(async () => {
  await pane?.close();
});

const readSheet = (name: string) => readFakeSheet(page, name);

/**
 * Renders `html` and saves it. `rows`, ranges [first, last] of 1-based sheet rows, keeps only the
 * column letters and those rows, which keeps each PNG small enough for the guides (< 150 KB).
 */
async function screenshot(html: string, file: string, width: number, rows?: [number, number][]): Promise<void> {
  const shot = await context.newPage();
  await shot.setViewportSize({ width, height: 120 });
  await shot.setContent(html);
  if (rows)
    await shot.evaluate(
      (ranges) =>
        document.querySelectorAll("table.grid tr").forEach((tr, i) => i > 0 && !ranges.some(([a, b]) => i >= a && i <= b) && tr.remove()),
      rows,
    );
  const grid = (await shot.locator("table.grid").boundingBox())!;
  await shot.screenshot({
    path: join(artifacts, file),
    fullPage: true,
    clip: { x: 0, y: 0, width: grid.x + grid.width, height: grid.y + grid.height },
  });
  await shot.close();
}

const rowsOf = (area: string) => Number(area.split(":")[1].replace(/[A-Z]+/, ""));

/** A sheet the guides draw by hand (no pane layout): cells by A1 address. */
function handSheet(name: string, widths: number[], cells: Record<string, Partial<FakeCell> & { value: string | number }>): FakeSheet {
  const map = new Map<string, FakeCell>();
  for (const [a, c] of Object.entries(cells)) {
    const [, col, row] = /^([A-Z])(\d+)$/.exec(a)!;
    map.set(`${Number(row) - 1},${col.charCodeAt(0) - 65}`, { numberFormat: "General", ...c });
  }
  return { id: 0, name, cells: map, columnWidths: new Map(widths.map((w, i) => [i, w])), frozenRows: 0 };
}
const valueOf = (sheet: FakeSheet) => (a: string) => {
  const [, col, row] = /^([A-Z])(\d+)$/.exec(a)!;
  const c = sheet.cells.get(`${Number(row) - 1},${col.charCodeAt(0) - 65}`);
  return (c?.value ?? null) as Shown;
};

test("sales: the hand-worked quote, then Acme's Order loaded from samples/ and the same quote under it", async () => {
  await page.getByRole("button", { name: "New quote" }).click();
  await page.locator("#message .message").waitFor();
  // The Order's two files, through the pane's file inputs (an empty workbook: no conflict to settle).
  for (const [card, file] of [
    ["Kustomer_StorageAllocation", "order-acme-storage-allocation.csv"],
    ["Kustomer_StoragePrices", "order-acme-storage-prices.json"],
  ]) {
    await page.locator("#message").evaluate((m) => (m.innerHTML = ""));
    await page.locator(`#file-${card}`).setInputFiles({ name: file, mimeType: "text/plain", buffer: Buffer.from(sample(file)) });
    await page.locator("#message .message.success").waitFor();
  }
  await page.locator("#results").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(artifacts, "guide-pane-order.png") });

  await page.getByRole("button", { name: "New quote" }).click();
  await page.locator("#message .message").waitFor();
  await expect(page.locator("#message").textContent()).resolves.toContain("Sheet “Quote (2)” is ready.");

  const builtIn = await readSheet("Quote");
  const calc0 = evaluate(quoteLayout(NOTHING_LOADED), { inputs: INPUTS });
  expect(calc0.get(QUOTE_RESULT_CELLS.total)).toBe(2161);
  const v0 = (a: string) => ((INPUTS as Record<string, string | number>)[a] ?? calc0.get(a)) as Shown;
  // The inputs (rows 1 to the managed-services level), then the lines, allowances and services.
  const lastInput = Number(IN.managedLevel.slice(1));
  const linesFrom = QUOTE_LINE_ROWS.seats - 2;
  const lastRow = rowsOf(builtIn.sheet.printArea!);
  const quoteHtml = renderSheet(builtIn.sheet, builtIn.tables, v0, () => null, { rows: lastRow, cols: 5 }, "Quote");
  await screenshot(quoteHtml, "guide-quote-inputs.png", 1040, [[1, lastInput]]);
  await screenshot(quoteHtml, "guide-quote-lines.png", 1040, [[linesFrom, lastRow]]);

  const loaded: Loaded = { tables: ["Kustomer_StorageAllocation"], names: ["Kustomer_DataPricePerGB", "Kustomer_AttachmentPricePerGB"] };
  const layout = quoteLayout(loaded);
  const { sheet, tables } = await readSheet("Quote (2)");
  // What the pane wrote is the layout for the Order's table and price names, formula for formula.
  for (const c of layout.cells.filter((x) => x.formula)) {
    const [, col, row] = /^([A-Z]+)(\d+)$/.exec(c.address)!;
    expect([c.address, sheet.cells.get(`${Number(row) - 1},${col.charCodeAt(0) - 65}`)?.formula]).toEqual([c.address, c.formula]);
  }
  const imported = importOrderRates(STORAGE_ALLOCATION, "a.csv", sample("order-acme-storage-allocation.csv"));
  if (!imported.ok) throw new Error("the sample Order does not import");
  const grid = cardGrid(imported.table);
  const calc = evaluate(layout, {
    inputs: INPUTS,
    otherTables: {
      Kustomer_StorageAllocation: {
        sheet: "Storage Allocation",
        headerRow: HEADER_ROW,
        firstCol: 0,
        headers: grid.headers,
        rows: grid.body.length,
        values: grid.body.map((r) => [...r]),
      },
    },
    names: { Kustomer_DataPricePerGB: 40, Kustomer_AttachmentPricePerGB: 0.8 },
  });
  // docs/sales.md: 1,860 + 90 + 40 + 0.80 + 60 = $2,050.80 (worked in test/samples/samples.test.ts);
  // the sheet's own floating-point SUM, as Excel's, so compared to 10 places.
  expect(calc.get(QUOTE_RESULT_CELLS.total)).toBeCloseTo(2050.8, 10);
  const v = (a: string) => ((INPUTS as Record<string, string | number>)[a] ?? calc.get(a)) as Shown;
  // The caption naming the Order's table and prices, then the lines and the allowances.
  await screenshot(
    renderSheet(sheet, tables, v, () => null, { rows: rowsOf(sheet.printArea!), cols: 5 }, "Quote (2)"),
    "guide-quote-order.png",
    1040,
    [
      [1, 5],
      [linesFrom, Number(QUOTE_RESULT_CELLS.attachmentAllowance.slice(1))],
    ],
  );
  expect(pageErrors).toEqual([]);
});

test("auditor: samples/invoice-acme-2025-07.csv pasted into the Invoice check; six lines flagged", async () => {
  await page.getByRole("button", { name: "Check an invoice" }).click();
  await page.locator("#message .message").waitFor();
  const { sheet, tables } = await readSheet("Invoice check");
  // The workbook holds the Order's price card, so blank prices read its names (every line of the
  // sample gives its price), and its allocation table, which the storage lines' allowance reads.
  const layout = invoiceLayout({
    tables: ["Kustomer_StorageAllocation"],
    names: ["Kustomer_DataPricePerGB", "Kustomer_AttachmentPricePerGB"],
  });
  // The pane's sheet reads the Order's allocation table, as this layout does.
  const allowanceColumn = layout.tables[0].headers.indexOf("Allowance by terms GB");
  expect(sheet.cells.get(`${INVOICE_HEADER_ROW},${allowanceColumn}`)?.formula).toBe(layout.tables[0].calculated["Allowance by terms GB"]);
  const [head, ...lines] = sample("invoice-acme-2025-07.csv").trim().split("\n");
  const headers = head.split(",");
  const cellOf = (v: string): string | number | undefined =>
    v === ""
      ? undefined
      : /^-?\d+(\.\d+)?$/.test(v)
        ? Number(v)
        : /^\d{4}-\d{2}-\d{2}$/.test(v)
          ? Date.UTC(+v.slice(0, 4), +v.slice(5, 7) - 1, +v.slice(8, 10)) / 864e5 + 25569
          : v;
  const rows = lines.map((l) => {
    const fields = l.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((f) => f.replace(/,$/, "").replace(/^"|"$/g, ""));
    const r: Record<string, string | number> = {};
    headers.forEach((h, i) => {
      const v = cellOf(fields[i] ?? "");
      if (v !== undefined) r[h] = v;
    });
    return r;
  });
  const imported = importOrderRates(STORAGE_ALLOCATION, "a.csv", sample("order-acme-storage-allocation.csv"));
  if (!imported.ok) throw new Error("the sample Order does not import");
  const grid = cardGrid(imported.table);
  const calc = evaluate(layout, {
    tableRows: rows,
    otherTables: {
      Kustomer_StorageAllocation: {
        sheet: "Storage Allocation",
        headerRow: HEADER_ROW,
        firstCol: 0,
        headers: grid.headers,
        rows: grid.body.length,
        values: grid.body.map((r) => [...r]),
      },
    },
    names: { Kustomer_DataPricePerGB: 40, Kustomer_AttachmentPricePerGB: 0.8 },
  });
  expect(calc.get(INVOICE_SUMMARY_CELLS.flagged)).toBe(6);
  const t = layout.tables[0];
  const headerRow = Number(t.address.split(":")[0].replace(/[A-Z]+/, "")) - 1;
  const pasted = new Map<string, string | number>();
  rows.forEach((l, i) =>
    t.headers.forEach((h, c) => l[h] !== undefined && pasted.set(`${String.fromCharCode(65 + c)}${headerRow + 2 + i}`, l[h])),
  );
  const cf = (a: string) => {
    const f = layout.conditionalFormats.find((x) => x.fill === calc.fills(a)[0]);
    return f ? { fill: f.fill, fontColor: f.fontColor, bold: f.bold } : null;
  };
  // Pasting past the table's empty rows grows it, each new row formatted as the one above.
  const table = tables.find((x) => x.name === "InvoiceCheck")!;
  const lastPasted = headerRow + rows.length;
  for (let r = table.r1 + 1; r <= lastPasted; r++) {
    for (let c = table.c0; c <= table.c1; c++) {
      const above = sheet.cells.get(`${table.r1},${c}`);
      if (above) sheet.cells.set(`${r},${c}`, { ...above });
    }
  }
  const grown = tables.map((x) => (x === table ? { ...x, r1: Math.max(x.r1, lastPasted) } : x));
  const html = renderSheet(
    sheet,
    grown,
    (a) => (pasted.get(a) ?? calc.get(a)) as Shown,
    cf,
    // The table grows to the twelve lines pasted, past its ten empty rows.
    { rows: Math.max(rowsOf(sheet.printArea!), headerRow + 1 + rows.length), cols: t.headers.length },
    "Invoice check",
  );
  await screenshot(html, "guide-invoice.png", 2600);
});

test("auditor: June 2025 from samples/outage-log-2025-06.csv, with the figures of docs/auditor.md", async () => {
  const bundle = loadBundle();
  const at = (iso: string) =>
    Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10), +iso.slice(11, 13) || 0, +iso.slice(14, 16) || 0) / 864e5 + 25569;
  const log = sample("outage-log-2025-06.csv")
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split(",").map(at));
  const excluded = sample("excluded-downtime-2025-06.csv")
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split(",").slice(0, 2).map(at));
  const JUNE = at("2025-06-01");
  const windows = [
    ...(bundle.call("MAINTENANCEWINDOWS", at("2025-05-01"), null, null) as number[][]),
    ...(bundle.call("MAINTENANCEWINDOWS", JUNE, null, null) as number[][]),
  ];
  const ex = [excluded.map((e) => [e[0]]), excluded.map((e) => [e[1]])];
  const minutes = bundle.call(
    "OUTAGEMINUTES",
    JUNE,
    log.map((r) => [r[0]]),
    log.map((r) => [r[1]]),
    windows.map((w) => [w[0]]),
    windows.map((w) => [w[1]]),
    null,
    null,
    ...ex,
  ) as number;
  expect(minutes).toBe(195);
  const uptime = bundle.call("UPTIME", JUNE, minutes) as number;
  const credit = bundle.call("SLACREDIT", uptime, 2500) as number;
  expect(credit).toBe(250);
  const DT = "yyyy-mm-dd hh:mm";
  const cells: Record<string, Partial<FakeCell> & { value: string | number }> = {
    A1: { value: "SLA month: June 2025, monitoring log in UTC", bold: true, size: 14 },
    A2: { value: "Month" },
    B2: { value: JUNE, numberFormat: "yyyy-mm-dd", fill: "#FFF2CC" },
    A3: { value: "Monthly fee" },
    B3: { value: 2500, numberFormat: "$#,##0.00", fill: "#FFF2CC" },
    A5: { value: "Downtime start", bold: true, border: true },
    B5: { value: "Downtime end", bold: true, border: true },
    D5: { value: "Excluded start", bold: true, border: true },
    E5: { value: "Excluded end", bold: true, border: true },
    G5: { value: "Result", bold: true, border: true },
    H5: { value: "", border: true },
    I5: { value: "Formula", bold: true, border: true },
    G6: { value: "Outage minutes" },
    H6: { value: minutes, numberFormat: "#,##0" },
    I6: { value: "=KUSTOMER.OUTAGEMINUTES(B2,A6:A13,B6:B13,CHOOSECOLS(K6#,1),CHOOSECOLS(K6#,2),,,D6:D6,E6:E6)", italic: true },
    G7: { value: "Uptime" },
    H7: { value: uptime, numberFormat: "0.000%" },
    I7: { value: "=KUSTOMER.UPTIME(B2,H6)", italic: true },
    G8: { value: "Credit %" },
    H8: { value: bundle.call("SLACREDITPCT", uptime) as number, numberFormat: "0%" },
    I8: { value: "=KUSTOMER.SLACREDITPCT(H7)", italic: true },
    G9: { value: "Credit", bold: true },
    H9: { value: credit, numberFormat: "$#,##0.00", bold: true },
    I9: { value: "=KUSTOMER.SLACREDIT(H7,B3)", italic: true },
    G11: { value: "Windows (K6)" },
    H11: { value: windows.length, numberFormat: "#,##0" },
    I11: { value: "=VSTACK(KUSTOMER.MAINTENANCEWINDOWS(EDATE(B2,-1)),KUSTOMER.MAINTENANCEWINDOWS(B2))", italic: true },
  };
  log.forEach(([s, e], i) => {
    cells[`A${6 + i}`] = { value: s, numberFormat: DT };
    cells[`B${6 + i}`] = { value: e, numberFormat: DT };
  });
  excluded.forEach(([s, e], i) => {
    cells[`D${6 + i}`] = { value: s, numberFormat: DT };
    cells[`E${6 + i}`] = { value: e, numberFormat: DT };
  });
  const sheet = handSheet("SLA June", [100, 100, 8, 100, 100, 8, 90, 52, 500], cells);
  await screenshot(
    renderSheet(sheet, [], valueOf(sheet), () => null, { rows: 14, cols: 9 }, "SLA June"),
    "guide-sla-month.png",
    1100,
  );
});

test("analyst: formulas and what they return, an Order's rates, errors with their messages", async () => {
  const bundle = loadBundle();
  const D = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 864e5 + 25569;
  const imported = importOrderRates(STORAGE_ALLOCATION, "a.csv", sample("order-acme-storage-allocation.csv"));
  if (!imported.ok) throw new Error("the sample Order does not import");
  const grid = cardGrid(imported.table);
  const table = [grid.headers, ...grid.body];
  const rows: [string, unknown, string][] = [
    [
      "=KUSTOMER.PRORATE(1200,DATE(2025,1,1),DATE(2025,12,31),DATE(2025,3,15))",
      bundle.call("PRORATE", 1200, D(2025, 1, 1), D(2025, 12, 31), D(2025, 3, 15), null),
      "$#,##0.00",
    ],
    [
      "=KUSTOMER.SEATCHARGE(3,93,DATE(2025,1,1),DATE(2025,1,31),DATE(2025,1,22))",
      bundle.call("SEATCHARGE", 3, 93, D(2025, 1, 1), D(2025, 1, 31), D(2025, 1, 22), null),
      "$#,##0.00",
    ],
    [
      '=KUSTOMER.STORAGEALLOWANCE("Ultimate","data",,1500)',
      bundle.call("STORAGEALLOWANCE", "Ultimate", "data", null, 1500, null, null),
      "0.00",
    ],
    [
      '=KUSTOMER.STORAGEALLOWANCE("Ultimate","data",,1500,,Kustomer_StorageAllocation[#All])',
      bundle.call("STORAGEALLOWANCE", "Ultimate", "data", null, 1500, null, table),
      "0.00",
    ],
    [
      "=KUSTOMER.PRORATE(1200,DATE(2025,1,1),DATE(2025,12,31),DATE(2026,1,15))",
      bundle.call("PRORATE", 1200, D(2025, 1, 1), D(2025, 12, 31), D(2026, 1, 15), null),
      "General",
    ],
    ['=KUSTOMER.STORAGEOVERAGE(45.3,43,"video")', bundle.call("STORAGEOVERAGE", 45.3, 43, "video", null, null), "General"],
  ];
  // docs/analyst.md: 1200 x 292/365 = 960; 3 x 93 x 10/31 = 90; 20 + 0.3 x 1.5 = 20.45; the Order's 22 + 0.4 x 1.5 = 22.6.
  expect(rows.slice(0, 4).map((r) => r[1])).toEqual([960, 90, 20.45, 22.6]);
  expect(rows.slice(4).map((r) => (r[1] as { error: string }).error)).toEqual(["#NUM!", "#VALUE!"]);
  const cells: Record<string, Partial<FakeCell> & { value: string | number }> = {
    A1: { value: "Formula", bold: true, border: true },
    B1: { value: "Result", bold: true, border: true },
    C1: { value: "Message (Excel's error flag shows it for #VALUE! and #N/A)", bold: true, border: true },
  };
  rows.forEach(([formula, result, format], i) => {
    cells[`A${i + 2}`] = { value: formula, italic: true };
    if (typeof result === "number") cells[`B${i + 2}`] = { value: result, numberFormat: format };
    else {
      const e = result as { error: string; message: string };
      cells[`B${i + 2}`] = { value: e.error, color: "#9C0006", bold: true };
      cells[`C${i + 2}`] = { value: e.message };
    }
  });
  const sheet = handSheet("Formulas", [505, 56, 420], cells);
  await screenshot(
    renderSheet(sheet, [], valueOf(sheet), () => null, { rows: 8, cols: 3 }, "Formulas"),
    "guide-formulas.png",
    1200,
  );
  writeFileSync(join(artifacts, "guide-formulas.json"), JSON.stringify(rows, null, 2));
});
