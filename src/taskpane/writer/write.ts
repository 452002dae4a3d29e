/**
 * Writing a load of rate cards: the commands round trip 2 queues, in an order that leaves the
 * workbook sound at every point where Excel might stop (see ./cards.ts). A new card is written
 * whole on its staging sheet, then swapped in under its own names; a replace in place copies the
 * old sheet to its dated backup, then rewrites the live table; the workbook names come last.
 * Only queues: the layout and every name come from src/sheets/rate-card-layout.ts and ./plan.
 */
import {
  CAPTION_ROW,
  charsToPoints,
  columnLetter,
  columnWidthsInChars,
  excelNumberFormat,
  HEADER_ROW,
  nameFormula,
  type NamedCell,
  namedCells,
  tableAddress,
  TITLE_ROW,
  wrappedColumns,
} from "../../sheets/rate-card-layout";
import type { InPlace, Job, Plan, Probe, Staged } from "./plan";
import { topLeft } from "./plan";

/**
 * The ExcelApi requirement set the load needs: the highest set among the Excel API members this
 * module uses (Range.getTables and TableScopedCollection.getFirst, 1.9; Worksheet.copy, names
 * with formulas and freeze panes, 1.7; TableRowCollection.add of several rows, 1.4). The pane
 * checks it before loading; test/requirement-sets.test.ts keeps it equal to what is used.
 */
export const EXCEL_API_SET = "1.9";

/** Queues the workbook names missing (or broken) of the cards already in the workbook. */
export function queueNameFixes(fixes: readonly Plan[], names: Excel.NamedItemCollection, formulas: ReadonlyMap<string, string>): void {
  for (const plan of fixes) {
    const { probe } = plan;
    const origin = topLeft(probe.range.address);
    for (const n of namedCells(probe.load.table, origin)) {
      if (plan.fixNames.includes(n.name)) setName(names, formulas, n, plan.existingSheet as string, probe.sheet);
    }
  }
}

/**
 * Queues every job: each card whole on its staging sheet, then swapped in (or backed up, then
 * rewritten in place); a failure stops at a sound point. The first card's sheet is activated.
 */
export function queueJobs(
  jobs: readonly Job[],
  sheets: Excel.WorksheetCollection,
  names: Excel.NamedItemCollection,
  formulas: ReadonlyMap<string, string>,
): void {
  let first: Excel.Worksheet | undefined;
  for (const j of jobs) {
    if (j.kind === "inplace") {
      const { probe } = j.plan;
      backUp(probe.sheet, j);
      writeInPlace(probe.sheet, probe.table, j, j.rows, names, formulas);
      first ??= probe.sheet;
      continue;
    }
    const ws = sheets.add(j.staging);
    const table = writeCard(ws, j.stagingTable, j.plan.probe);
    swapIn(j, ws, table, sheets, names, formulas);
    first ??= ws;
  }
  first?.activate();
}

/**
 * Queues the swap of a card written whole on its staging sheet: the old table and sheet step
 * aside (renamed: the backup), the staging table and sheet take the card's names, the new
 * sheet takes the old one's place, and the workbook names move last. Each step is one command
 * and leaves the workbook sound.
 */
export function swapIn(
  j: Staged,
  ws: Excel.Worksheet,
  table: Excel.Table,
  sheets: Excel.WorksheetCollection,
  names: Excel.NamedItemCollection,
  formulas: ReadonlyMap<string, string>,
): void {
  const { probe } = j.plan;
  if (j.oldTableExists && j.backupTable) probe.table.name = j.backupTable;
  table.name = j.finalTable;
  if (j.kind === "replace" && j.backup) (j.oldTableExists ? probe.sheet : sheets.getItem(j.finalSheet)).name = j.backup;
  ws.name = j.finalSheet;
  if (j.position !== undefined) ws.position = j.position;
  if (j.withNames) for (const n of namedCells(probe.load.table)) setName(names, formulas, n, j.finalSheet, ws);
}

/** Adds a workbook name, or re-points an existing one, at a cell of `ws`. */
export function setName(
  names: Excel.NamedItemCollection,
  formulas: ReadonlyMap<string, string>,
  n: NamedCell,
  sheetName: string,
  ws: Excel.Worksheet,
): void {
  if (formulas.has(n.name.toLowerCase())) {
    const item = names.getItem(n.name);
    item.formula = nameFormula(sheetName, n.address);
    item.comment = n.description;
  } else {
    names.add(n.name, ws.getRange(n.address), n.description);
  }
}

/**
 * Queues one card onto its (new) staging sheet: title, caption, table with header style, number
 * formats, column widths, frozen header. The table gets its (staging) name last: a table so
 * named is the mark of a card written whole.
 */
export function writeCard(ws: Excel.Worksheet, tableName: string, probe: Probe): Excel.Table {
  const { grid, load } = probe;
  const title = ws.getRange(`A${TITLE_ROW}`);
  title.values = [[load.title]];
  title.format.font.bold = true;
  title.format.font.size = 14;
  const caption = ws.getRange(`A${CAPTION_ROW}`);
  caption.values = [[load.caption]];
  caption.format.font.italic = true;
  caption.format.font.color = "#616161";

  // Number formats first, so text columns hold text exactly as written.
  const address = tableAddress(grid);
  // Named apart from the probes' loaded `range`: the add-in lint tracks load() by variable name.
  const target = ws.getRange(address);
  target.numberFormat = [grid.headers.map(() => "@"), ...grid.body.map(() => grid.formats.map(excelNumberFormat))];
  target.values = [[...grid.headers], ...grid.body.map((r) => [...r])];
  target.format.verticalAlignment = "Top";

  const widths = columnWidthsInChars(grid);
  const wrap = wrappedColumns(grid);
  widths.forEach((w, c) => {
    const letter = columnLetter(c);
    ws.getRange(`${letter}:${letter}`).format.columnWidth = charsToPoints(w);
    if (wrap[c] && grid.body.length > 0)
      ws.getRange(`${letter}${HEADER_ROW + 1}:${letter}${HEADER_ROW + grid.body.length}`).format.wrapText = true;
  });
  ws.freezePanes.freezeRows(HEADER_ROW);

  const table = ws.tables.add(address, true);
  table.style = "TableStyleMedium2";
  const header = table.getHeaderRowRange();
  header.format.font.bold = true;
  header.format.wrapText = true;
  table.name = tableName;
  return table;
}

/** The A1 address of a cell: 1-based row, 0-based column. */
export function cellAt(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/**
 * Queues the dated backup of a card's sheet before its in-place write: a copy right after it,
 * named `backup`, whose copy of the table (found at the table's top-left cell) is named
 * `backupTable`. Three commands; until the last, the copy is not yet a backup (recovery deletes
 * an unnamed copy, and names the table of a named one).
 */
export function backUp(ws: Excel.Worksheet, j: InPlace): void {
  const copy = ws.copy("After", ws);
  copy.name = j.backup;
  nameBackupTable(copy, j);
}

export function nameBackupTable(copy: Excel.Worksheet, j: InPlace): void {
  copy.getRange(cellAt(j.origin.row, j.origin.col)).getTables(false).getFirst().name = j.backupTable;
}

/**
 * Queues the card's rates into the live table `table` on `ws` (which has `rows` body rows now),
 * keeping both objects: rows appended blank when the card has more; the header and body in ONE
 * values write (number formats just before it, so text columns hold text); surplus rows, left
 * blank by that write, deleted right after it; then formats, caption and workbook names. When
 * rows shrink, the names are re-pointed before the write, so none is ever on a deleted row.
 * Repeating it from the table's current size finishes an interrupted one.
 */
export function writeInPlace(
  ws: Excel.Worksheet,
  table: Excel.Table,
  j: InPlace,
  rows: number,
  names: Excel.NamedItemCollection,
  formulas: ReadonlyMap<string, string>,
): void {
  const { grid, load } = j.plan.probe;
  const { row: top, col: left } = j.origin;
  const cols = grid.headers.length;
  const want = grid.body.length;
  const span = (n: number) => `${cellAt(top, left)}:${cellAt(top + n, left + cols - 1)}`;
  const blank = (n: number) => Array.from({ length: n }, () => grid.headers.map(() => ""));
  const pointNames = () => {
    for (const n of namedCells(load.table, j.origin)) setName(names, formulas, n, j.finalSheet, ws);
  };

  if (want > rows) table.rows.add(-1, blank(want - rows));
  if (want < rows) pointNames();
  const body = ws.getRange(span(Math.max(want, rows)));
  body.numberFormat = [
    grid.headers.map(() => "@"),
    ...grid.body.map(() => grid.formats.map(excelNumberFormat)),
    ...blank(rows - want).map((r) => r.map(() => "General")),
  ];
  body.values = [[...grid.headers], ...grid.body.map((r) => [...r]), ...blank(rows - want)];
  if (want < rows) ws.getRange(`${cellAt(top + want + 1, left)}:${cellAt(top + rows, left + cols - 1)}`).delete("Up");
  ws.getRange(span(want)).format.verticalAlignment = "Top";

  const widths = columnWidthsInChars(grid);
  const wrap = wrappedColumns(grid);
  widths.forEach((w, c) => {
    const letter = columnLetter(left + c);
    ws.getRange(`${letter}:${letter}`).format.columnWidth = charsToPoints(w);
    if (wrap[c] && want > 0) ws.getRange(`${letter}${top + 1}:${letter}${top + want}`).format.wrapText = true;
  });
  table.style = "TableStyleMedium2";
  const header = table.getHeaderRowRange();
  header.format.font.bold = true;
  header.format.wrapText = true;

  // Title and caption sit as far above the table as in a fresh load (when there is room).
  const titleRow = top - (HEADER_ROW - TITLE_ROW);
  if (titleRow >= 1) {
    const title = ws.getRange(cellAt(titleRow, left));
    title.values = [[load.title]];
    title.format.font.bold = true;
    title.format.font.size = 14;
    const caption = ws.getRange(cellAt(titleRow + (CAPTION_ROW - TITLE_ROW), left));
    caption.values = [[load.caption]];
    caption.format.font.italic = true;
    caption.format.font.color = "#616161";
  }
  if (want >= rows) pointNames();
}
