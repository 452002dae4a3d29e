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
import { cardGrid } from "../../src/sheets/rate-card-layout";
import { importOrderRates } from "../../src/tables/order-file";
import { STORAGE_ALLOCATION } from "../../src/rules/rates/storage";
import { NOTHING_LOADED, type Loaded, type SheetLayout } from "../../src/sheets/layout";
import {
  ALLOWED,
  QUOTE_FLAGS,
  QUOTE_INPUT_CELLS as IN,
  QUOTE_LINE_ROWS,
  QUOTE_PS_ROWS,
  QUOTE_RESULT_CELLS,
  QUOTE_SERVICES_END_CELLS,
  PS_ROWS,
  quoteLayout,
  quotePackageCells,
} from "../../src/sheets/quote-layout";
import { INVOICE_HEADER_ROW, INVOICE_SUMMARY_CELLS, invoiceLayout } from "../../src/sheets/invoice-layout";
import { cardTable, evaluate, type Evaluated } from "../sheets/engine";
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
  // The inputs (rows 1 to the packages' checks), then the lines, allowances and services.
  const lastInput = Number(QUOTE_RESULT_CELLS.managedCheck.slice(1));
  const linesFrom = QUOTE_LINE_ROWS.seats - 2;
  const lastRow = rowsOf(builtIn.sheet.printArea!);
  const cfOf = (layout: SheetLayout, calc: Evaluated) => (a: string) => {
    const f = layout.conditionalFormats.find((x) => x.fill === calc.fills(a)[0]);
    return f ? { fill: f.fill, fontColor: f.fontColor, bold: f.bold } : null;
  };
  const quoteHtml = renderSheet(
    builtIn.sheet,
    builtIn.tables,
    v0,
    cfOf(quoteLayout(NOTHING_LOADED), calc0),
    { rows: lastRow, cols: 5 },
    "Quote",
  );
  // The caption (rows 2 to 5) is in the Order's picture below.
  await screenshot(quoteHtml, "guide-quote-inputs.png", 1040, [
    [1, 1],
    [Number(IN.customer.slice(1)) - 1, lastInput],
  ]);
  await screenshot(quoteHtml, "guide-quote-lines.png", 1040, [[linesFrom, lastRow]]);

  // docs/sales.md, section 3: the Order's fees for Implementation - Standard ($12,000) and Data
  // Migration - Medium ($6,500): both allowed, both priced, total 2,161 + 12,000 + 6,500 = $20,661;
  // with a Go-Live on 14 April, the checkpoint weeks 15-21 and 22-28 April. Then the migration
  // alone: flagged with the terms' sentence (the total still holds its fee: 2,161 + 6,500 = $8,661).
  const PS_SECTION = QUOTE_PS_ROWS[0] - 2;
  const both: Record<string, string | number> = {
    ...INPUTS,
    [quotePackageCells(0).fee]: 12000,
    [quotePackageCells(1).package]: "Data Migration - Medium",
    [quotePackageCells(1).kickoff]: 45677,
    [quotePackageCells(1).fee]: 6500,
    [IN.goLive]: 45761,
  };
  const calcBoth = evaluate(quoteLayout(NOTHING_LOADED), { inputs: both });
  expect(calcBoth.get(QUOTE_RESULT_CELLS.total)).toBe(20661);
  expect([calcBoth.get(quotePackageCells(0).check), calcBoth.get(quotePackageCells(1).check)]).toEqual([ALLOWED, ALLOWED]);
  expect(calcBoth.get(QUOTE_RESULT_CELLS.checkpointWeek1From)).toBe(45762);
  const bothHtml = renderSheet(
    builtIn.sheet,
    builtIn.tables,
    (a) => (both[a] ?? calcBoth.get(a)) as Shown,
    cfOf(quoteLayout(NOTHING_LOADED), calcBoth),
    { rows: lastRow, cols: 5 },
    "Quote",
  );
  await screenshot(bothHtml, "guide-quote-packages.png", 1040, [
    [1, 1],
    [Number(IN.client.slice(1)), Number(IN.goLive.slice(1))],
    [PS_SECTION, QUOTE_PS_ROWS[1]],
    [QUOTE_PS_ROWS[PS_ROWS - 1] + 1, QUOTE_PS_ROWS[PS_ROWS - 1] + 1],
    [QUOTE_LINE_ROWS.seats - 1, QUOTE_LINE_ROWS.seats],
    [QUOTE_LINE_ROWS.translation + 1, QUOTE_LINE_ROWS.translation + 2],
    [QUOTE_LINE_ROWS.total, QUOTE_LINE_ROWS.total],
    [Number(QUOTE_SERVICES_END_CELLS[0].slice(1)) - 1, Number(QUOTE_SERVICES_END_CELLS[1].slice(1))],
    [Number(QUOTE_RESULT_CELLS.checkpointWeek1From.slice(1)), Number(QUOTE_RESULT_CELLS.checkpointWeek2From.slice(1))],
  ]);
  const alone: Record<string, string | number> = {
    ...INPUTS,
    [quotePackageCells(0).package]: "Data Migration - Medium",
    [quotePackageCells(0).fee]: 6500,
  };
  const calcAlone = evaluate(quoteLayout(NOTHING_LOADED), { inputs: alone });
  expect(calcAlone.get(quotePackageCells(0).check)).toBe(QUOTE_FLAGS.migrationAlone);
  expect(calcAlone.get(QUOTE_RESULT_CELLS.total)).toBe(8661);
  const aloneHtml = renderSheet(
    builtIn.sheet,
    builtIn.tables,
    (a) => (alone[a] ?? calcAlone.get(a)) as Shown,
    cfOf(quoteLayout(NOTHING_LOADED), calcAlone),
    { rows: lastRow, cols: 5 },
    "Quote",
  );
  await screenshot(aloneHtml, "guide-quote-flagged.png", 1040, [
    [1, 1],
    [PS_SECTION, QUOTE_PS_ROWS[0]],
    [QUOTE_PS_ROWS[PS_ROWS - 1] + 1, QUOTE_PS_ROWS[PS_ROWS - 1] + 1],
    [QUOTE_LINE_ROWS.seats - 1, QUOTE_LINE_ROWS.seats - 1],
    [QUOTE_LINE_ROWS.translation + 1, QUOTE_LINE_ROWS.translation + 1],
    [QUOTE_LINE_ROWS.total, QUOTE_LINE_ROWS.total],
  ]);

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
      Kustomer_StorageAllocation: cardTable("Storage Allocation", grid),
    },
    names: { Kustomer_DataPricePerGB: 40, Kustomer_AttachmentPricePerGB: 0.8 },
  });
  // docs/sales.md: 1,860 + 90 + 40 + 0.80 + 60 = $2,050.80 (worked in test/samples/samples.test.ts,
  // where the sheet's SUM of doubles is shown to land exactly on the double 2050.8).
  expect(calc.get(QUOTE_RESULT_CELLS.total)).toBe(2050.8);
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
      Kustomer_StorageAllocation: cardTable("Storage Allocation", grid),
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

test("auditor: June 2025 from samples/outage-log-2025-06.csv and Kustomer's claimed maintenance, with the figures of docs/auditor.md", async () => {
  const bundle = loadBundle();
  const at = (iso: string) =>
    Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10), +iso.slice(11, 13) || 0, +iso.slice(14, 16) || 0) / 864e5 + 25569;
  const csv = (name: string, columns: number) =>
    sample(name)
      .trim()
      .split("\n")
      .slice(1)
      .map((l) =>
        l
          .split(",")
          .slice(0, columns)
          .map((v) => (v === "" ? null : at(v))),
      );
  const log = csv("outage-log-2025-06.csv", 2) as number[][];
  const excluded = csv("excluded-downtime-2025-06.csv", 2) as number[][];
  const claims = csv("claimed-maintenance-2025-06.csv", 3);
  const JUNE = at("2025-06-01");
  const columnOf = (rows: (number | null)[][], n: number) => rows.map((r) => [r[n]]);
  // H12 =KUSTOMER.SCHEDULEDMAINTENANCE(D9:D13,E9:E13,,,F9:F13): the claims' three standing windows.
  const scheduled = bundle.call(
    "SCHEDULEDMAINTENANCE",
    columnOf(claims, 0),
    columnOf(claims, 1),
    null,
    null,
    columnOf(claims, 2),
  ) as number[][];
  // Compared to the second: this file's serials and the bundle's may differ in the last bit.
  const seconds = (rows: number[][]) => rows.map((r) => r.map((v) => Math.round(v * 86400)));
  expect(seconds(scheduled)).toEqual(seconds(["2025-05-28", "2025-06-03", "2025-06-05"].map((d) => [at(`${d}T06:00`), at(`${d}T10:00`)])));
  // I6: INDEX(H12#,0,1) and INDEX(H12#,0,2) pass the spill's columns.
  const outage = (maintenance: number[][]) =>
    bundle.call(
      "OUTAGEMINUTES",
      JUNE,
      columnOf(log, 0),
      columnOf(log, 1),
      columnOf(maintenance, 0),
      columnOf(maintenance, 1),
      null,
      null,
      columnOf(excluded, 0),
      columnOf(excluded, 1),
    ) as number;
  const minutes = outage(scheduled);
  expect(minutes).toBe(195);
  // The claims taken at their word: 24 June's 20 midday minutes excused, 175.
  expect(outage(claims as number[][])).toBe(175);
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
    D8: { value: "Claimed start", bold: true, border: true },
    E8: { value: "Claimed end", bold: true, border: true },
    F8: { value: "Notice", bold: true, border: true },
    H5: { value: "Result", bold: true, border: true },
    I5: { value: "", border: true },
    J5: { value: "Formula", bold: true, border: true },
    H6: { value: "Outage minutes" },
    I6: { value: minutes, numberFormat: "#,##0" },
    J6: { value: "=KUSTOMER.OUTAGEMINUTES(B2,A6:A12,B6:B12,INDEX(H12#,0,1),INDEX(H12#,0,2),,,D6:D6,E6:E6)", italic: true },
    H7: { value: "Uptime" },
    I7: { value: uptime, numberFormat: "0.000%" },
    J7: { value: "=KUSTOMER.UPTIME(B2,I6)", italic: true },
    H8: { value: "Credit %" },
    I8: { value: bundle.call("SLACREDITPCT", uptime) as number, numberFormat: "0%" },
    J8: { value: "=KUSTOMER.SLACREDITPCT(I7)", italic: true },
    H9: { value: "Credit", bold: true },
    I9: { value: credit, numberFormat: "$#,##0.00", bold: true },
    J9: { value: "=KUSTOMER.SLACREDIT(I7,B3)", italic: true },
    H11: { value: "Scheduled start", bold: true, border: true },
    I11: { value: "Scheduled end", bold: true, border: true },
    J12: { value: "=KUSTOMER.SCHEDULEDMAINTENANCE(D9:D13,E9:E13,,,F9:F13)", italic: true },
    J13: { value: "Not kept: 14 Jun, notified 16 hours ahead (a day is needed);" },
    J14: { value: "24 Jun 11:30-12:30, core hours: its 20 minutes of downtime are Outage." },
  };
  const put = (col: string, row: number, v: number | null) => {
    if (v !== null) cells[`${col}${row}`] = { value: v, numberFormat: DT };
  };
  log.forEach(([s, e], i) => (put("A", 6 + i, s), put("B", 6 + i, e)));
  excluded.forEach(([s, e], i) => (put("D", 6 + i, s), put("E", 6 + i, e)));
  claims.forEach(([s, e, n], i) => (put("D", 9 + i, s), put("E", 9 + i, e), put("F", 9 + i, n)));
  scheduled.forEach(([s, e], i) => (put("H", 12 + i, s), put("I", 12 + i, e)));
  const sheet = handSheet("SLA June", [100, 100, 8, 100, 100, 100, 8, 100, 100, 560], cells);
  await screenshot(
    renderSheet(sheet, [], valueOf(sheet), () => null, { rows: 14, cols: 10 }, "SLA June"),
    "guide-sla-month.png",
    1380,
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
