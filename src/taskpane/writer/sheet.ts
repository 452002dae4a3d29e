/**
 * Writes a built sheet (the Quote, the Invoice check) to the workbook in two `context.sync`
 * round trips: one reading the sheet, table and workbook names in use (which rate-card tables
 * and names are loaded decides the formulas, and the new sheet's and table's names must be
 * free), one writing the sheet. The layout comes from the pure modules in src/sheets; this
 * module only queues it. Never clobbers: the sheet gets a free name ("Quote (2)"). A failure
 * while writing leaves no half-written sheet: the new sheet is deleted in one more round trip
 * (everything the writer writes is on that sheet), and the error is passed on.
 */
import { type SheetKind, sheetSpec } from "../../sheets";
import { freeSheetName, type Loaded, type SheetLayout, STYLE_FORMATS, type Validation } from "../../sheets/layout";
import { charsToPoints } from "../../sheets/rate-card-layout";
import { excelRun, type RunFn, syncCounter } from "./run";

/**
 * The ExcelApi requirement set building a sheet needs: the highest set among the Excel API
 * members this module uses (the print area, Worksheet.pageLayout, 1.9; data validation, 1.8;
 * freeze panes, 1.7; conditional formats, 1.6). The pane checks it before building;
 * test/requirement-sets.test.ts keeps it equal to what is used.
 */
export const EXCEL_API_SET = "1.9";

export type { SheetKind } from "../../sheets";

export interface SheetReport {
  readonly sheet: string;
  /** The Excel table written (the invoice check's). */
  readonly table?: string;
  /** context.sync round trips made (2 when all went well). */
  readonly syncs: number;
  /** Rate-card tables and names the formulas read from the workbook. */
  readonly loaded: Loaded;
}

export interface SheetOptions {
  /** Defaults to Excel.run. */
  readonly run?: RunFn;
  readonly onProgress?: (message: string) => void;
}

/** Builds the layout of a sheet kind for what the workbook holds (exported for the benchmark and tests). */
export function layoutFor(kind: SheetKind, loaded: Loaded, sheetNames: readonly string[]): SheetLayout {
  const spec = sheetSpec(kind);
  return spec.layout(loaded, freeSheetName(spec.sheetName, sheetNames));
}

export async function writeSheet(kind: SheetKind, options: SheetOptions = {}): Promise<SheetReport> {
  const run: RunFn = options.run ?? excelRun;
  const progress = options.onProgress ?? (() => undefined);
  return run(async (context) => {
    const syncs = syncCounter();
    const sync = () => syncs.sync(context);
    const wb = context.workbook;

    // ---- Round trip 1: what the workbook holds ------------------------------------------------
    const sheets = wb.worksheets;
    sheets.load("items/name");
    const tables = wb.tables;
    tables.load("items/name");
    const names = wb.names;
    names.load("items/name");
    // The sheet the user is on: back to it if the write fails.
    const previous = sheets.getActiveWorksheet();
    previous.load("name");
    progress("Reading the workbook…");
    await sync();
    // Read after the round trip above (`sync` is context.sync, counted; the add-in lint sees no sync).
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load
    const previousName = previous.name;
    const loaded: Loaded = { tables: tables.items.map((t) => t.name), names: names.items.map((n) => n.name) };
    const layout = layoutFor(
      kind,
      loaded,
      sheets.items.map((s) => s.name),
    );

    // ---- Round trip 2: the sheet --------------------------------------------------------------
    progress(`Writing the sheet “${layout.sheetName}”…`);
    try {
      const ws = sheets.add(layout.sheetName);
      queueLayout(ws, layout);
      ws.activate();
      ws.getRange(layout.select).select();
      await sync();
    } catch (e) {
      // Nothing half-written stays: the new sheet (and the table on it) goes.
      progress("Excel could not finish the sheet; removing it…");
      try {
        // The new sheet goes, and the user is back on the sheet they were on.
        sheets.getItemOrNullObject(layout.sheetName).delete();
        sheets.getItem(previousName).activate();
        await sync();
      } catch {
        // The original error is the one to report.
      }
      throw e;
    }
    return { sheet: layout.sheetName, table: layout.tables[0]?.name, syncs: syncs.count, loaded };
  });
}

/** Queues a layout onto a new, empty sheet. */
export function queueLayout(ws: Excel.Worksheet, layout: SheetLayout): void {
  for (const [col, chars] of Object.entries(layout.columnWidths)) ws.getRange(`${col}:${col}`).format.columnWidth = charsToPoints(chars);

  // Tables first: the cells' formulas may name them (=SUM(InvoiceCheck[Billed])), and Excel
  // refuses a formula naming a table that does not exist yet.
  for (const t of layout.tables) {
    const [start, end] = t.address.split(":");
    const col0 = start.replace(/\d+/g, "");
    const headerRow = Number(start.replace(/[A-Z]+/g, ""));
    const lastRow = Number(end.replace(/[A-Z]+/g, ""));
    const letter = (i: number) => columnFrom(col0, i);
    ws.getRange(`${start}:${letter(t.headers.length - 1)}${headerRow}`).values = [[...t.headers]];
    const table = ws.tables.add(t.address, true);
    table.name = t.name;
    table.style = t.style;
    t.headers.forEach((h, i) => {
      const body = ws.getRange(`${letter(i)}${headerRow + 1}:${letter(i)}${lastRow}`);
      const rows = lastRow - headerRow;
      const format = t.formats[h];
      if (format) body.numberFormat = Array.from({ length: rows }, () => [format]);
      // The same formula in every body row: Excel makes it a calculated column, filled into pasted rows.
      const f = t.calculated[h];
      if (f !== undefined) body.formulas = Array.from({ length: rows }, () => [f]);
    });
    ws.getRange(`${start}:${letter(t.headers.length - 1)}${headerRow}`).format.wrapText = true;
  }

  // Number formats before values, so text cells keep text exactly as written.
  for (const c of layout.cells) {
    const r = ws.getRange(c.address);
    if (c.numberFormat) r.numberFormat = [[c.numberFormat]];
    if (c.formula !== undefined) r.formulas = [[c.formula]];
    else if (c.value !== undefined) r.values = [[c.value]];
    if (c.style) {
      const s = STYLE_FORMATS[c.style];
      if (s.bold) r.format.font.bold = true;
      if (s.italic) r.format.font.italic = true;
      if (s.size) r.format.font.size = s.size;
      if (s.color) r.format.font.color = s.color;
      if (s.fill) r.format.fill.color = s.fill;
      if (s.border) r.format.borders.getItem("EdgeBottom").style = "Continuous";
    }
    if (c.wrap) r.format.wrapText = true;
  }

  for (const v of layout.validations) {
    const r = ws.getRange(v.address);
    r.dataValidation.rule = validationRule(v);
    r.dataValidation.prompt = { showPrompt: true, title: "", message: v.prompt };
  }

  for (const cf of layout.conditionalFormats) {
    const f = ws.getRange(cf.address).conditionalFormats.add("Custom" as Excel.ConditionalFormatType.custom);
    f.custom.rule.formula = cf.formula;
    f.custom.format.fill.color = cf.fill;
    if (cf.fontColor) f.custom.format.font.color = cf.fontColor;
    if (cf.bold) f.custom.format.font.bold = true;
  }

  for (const col of layout.hiddenColumns ?? []) ws.getRange(`${col}:${col}`).columnHidden = true;
  ws.pageLayout.setPrintArea(layout.printArea);
  if (layout.freezeRows) ws.freezePanes.freezeRows(layout.freezeRows);
}

function validationRule(v: Validation): Excel.DataValidationRule {
  switch (v.kind) {
    case "list":
      return { list: { inCellDropDown: true, source: v.list.join(",") } };
    case "whole":
      return { wholeNumber: { formula1: v.min, operator: "GreaterThanOrEqualTo" as Excel.DataValidationOperator.greaterThanOrEqualTo } };
    case "decimal":
      return { decimal: { formula1: v.min, operator: "GreaterThanOrEqualTo" as Excel.DataValidationOperator.greaterThanOrEqualTo } };
    case "date":
      // Any date from 1 Jan 1900 (serial 1): refuses text and negative numbers.
      return { date: { formula1: "1900-01-01", operator: "GreaterThanOrEqualTo" as Excel.DataValidationOperator.greaterThanOrEqualTo } };
  }
}

function columnFrom(first: string, offset: number): string {
  let n = 0;
  for (const ch of first) n = n * 26 + ch.charCodeAt(0) - 64;
  let s = "";
  for (let k = n + offset; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
