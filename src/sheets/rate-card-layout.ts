/**
 * How a rate card is laid out on a worksheet: the cells, the Excel number formats, the column
 * widths, the addresses of the named single rates, and the names of new, backup and "beside"
 * sheets. Pure (no Office, no DOM, no Date): the task pane's Excel writer only queues what this
 * module computes. Generic over RateTable: it reads a card's columns, formats and `names`, never
 * a particular card.
 *
 * Layout (1-based Excel rows): row 1 the card's title, row 2 the caption naming the source
 * document and its date, row 3 empty, row 4 the table's header, rows 5.. the rates.
 */
import { type AnyRateTable, type ColumnFormat, NA_TEXT } from "../rules/rates/documents";

/** A value the writer puts in a cell. */
export type CellValue = string | number;

export const TITLE_ROW = 1;
export const CAPTION_ROW = 2;
export const HEADER_ROW = 4;
/** Excel's limit on a worksheet name. */
export const MAX_SHEET_NAME = 31;

/** The cells of a card's table: header and body, and each column's format. */
export interface CardGrid {
  readonly headers: readonly string[];
  readonly formats: readonly ColumnFormat[];
  readonly body: ReadonlyArray<readonly CellValue[]>;
}

/**
 * The value a card's cell holds: text as is; a rate (DecimalText or number) as the nearest
 * double, which is what Excel stores; null as "n/a".
 */
export function cellValue(v: unknown, format: ColumnFormat): CellValue {
  if (v === null || v === undefined) return NA_TEXT;
  if (format === "text") return String(v);
  const n = typeof v === "number" ? v : Number(v);
  if (typeof v !== "number" && typeof v !== "string") throw new TypeError(`a rate must be a number or decimal text; got ${typeof v}`);
  if (!Number.isFinite(n)) throw new TypeError(`a rate must be a finite number; got ${String(v)}`);
  return n === 0 ? 0 : n;
}

/** The header and body cells of a card, in its column order. */
export function cardGrid(table: AnyRateTable): CardGrid {
  const cols = table.columns;
  return {
    headers: cols.map((c) => c.header),
    formats: cols.map((c) => c.format),
    body: table.rows.map((row: Record<string, unknown>) => cols.map((c) => cellValue(row[c.key], c.format))),
  };
}

/** Excel's number format (en-US codes, as Range.numberFormat takes them) for each column format. */
export function excelNumberFormat(format: ColumnFormat): string {
  switch (format) {
    case "text":
      return "@";
    case "usd":
      return "$#,##0.00";
    case "usd4":
      return "$#,##0.0000";
    case "percent":
      return "0.0##%";
    case "gb":
      return 'General" GB"';
    case "kb":
      return 'General" KB"';
    case "days":
      return '#,##0" days"';
    case "weeks":
      return '#,##0" weeks"';
    case "hours":
      return 'General" hours"';
    case "count":
      return "#,##0";
  }
}

/** Excel's column letters for a 0-based column index: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The A1 address of the card's table (header and body), e.g. "A4:C7". */
export function tableAddress(grid: CardGrid): string {
  const last = columnLetter(grid.headers.length - 1);
  return `A${HEADER_ROW}:${last}${HEADER_ROW + grid.body.length}`;
}

/** The A1 address of the body cells of one column (0-based), or null for an empty body. */
export function bodyColumnAddress(grid: CardGrid, col: number): string | null {
  if (grid.body.length === 0) return null;
  const letter = columnLetter(col);
  return `${letter}${HEADER_ROW + 1}:${letter}${HEADER_ROW + grid.body.length}`;
}

/** A workbook name for one of a card's single rates, with the cell it points at. */
export interface NamedCell {
  readonly name: string;
  readonly description: string;
  /** A1 address on the card's sheet, e.g. "B5". */
  readonly address: string;
}

/**
 * The cells a card's `names` point at, for a table whose header row starts at `origin` (1-based
 * row, 0-based column; the layout's A4 by default, or where an existing table was found).
 */
export function namedCells(table: AnyRateTable, origin: { row: number; col: number } = { row: HEADER_ROW, col: 0 }): NamedCell[] {
  return (table.names ?? []).map((n: { name: string; row: number; key: string; description: string }) => {
    const col = table.columns.findIndex((c: { key: string }) => c.key === n.key);
    if (col < 0 || n.row < 0 || n.row >= table.rows.length)
      throw new RangeError(`${table.id}: the name ${n.name} points outside the table`);
    return { name: n.name, description: n.description, address: `${columnLetter(origin.col + col)}${origin.row + 1 + n.row}` };
  });
}

/** A sheet name as a formula writes it: quoted when it holds anything but letters, digits and _. */
export function quoteSheetName(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** The formula of a workbook name pointing at one cell: ='Storage Prices'!$B$5. */
export function nameFormula(sheet: string, address: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new RangeError(`not a cell address: ${address}`);
  return `=${quoteSheetName(sheet)}!$${m[1]}$${m[2]}`;
}

/**
 * Compares two name formulas as Excel may write them: case, $ signs and sheet-name quotes aside
 * (Excel returns ='Storage Prices'!$B$5; a user may have typed =storage prices!b5 in a dialog).
 */
export function sameReference(a: string, b: string): boolean {
  const norm = (f: string) =>
    f
      .trim()
      .replace(/^=/, "")
      .replace(/\$/g, "")
      .replace(/^'(.*)'!/, (_m, s: string) => `${s.replace(/''/g, "'")}!`)
      .toLowerCase();
  return norm(a) === norm(b);
}

/** True when the values read from a table (header row first) are exactly the card's cells. */
export function sameValues(existing: ReadonlyArray<ReadonlyArray<unknown>>, grid: CardGrid): boolean {
  const expected = [grid.headers, ...grid.body];
  if (existing.length !== expected.length) return false;
  for (let r = 0; r < expected.length; r++) {
    const a = existing[r];
    const b = expected[r];
    if (a.length !== b.length) return false;
    for (let c = 0; c < b.length; c++) if (a[c] !== b[c]) return false;
  }
  return true;
}

/** Widths in characters: header (up to 24, longer headers wrap) or the longest shown value, 10 to 60. */
export function columnWidthsInChars(grid: CardGrid): number[] {
  return grid.headers.map((h, c) => {
    let width = Math.min(h.length, 24);
    for (const row of grid.body) width = Math.max(width, shownLength(row[c], grid.formats[c]));
    return Math.max(10, Math.min(60, width + 2));
  });
}

/** Points for a width in characters of Excel's default font (Calibri 11: about 7 px = 5.25 pt a character, plus padding). */
export function charsToPoints(chars: number): number {
  return Math.round(chars * 5.25 + 7.5);
}

/** Columns whose longest text is wider than its column, so the writer wraps them. */
export function wrappedColumns(grid: CardGrid): boolean[] {
  const widths = columnWidthsInChars(grid);
  return grid.headers.map((_h, c) => grid.body.some((row) => shownLength(row[c], grid.formats[c]) > widths[c] - 2));
}

const SUFFIX_LENGTH: Record<ColumnFormat, number> = {
  text: 0,
  usd: 4, // "$" and ".00"
  usd4: 6,
  percent: 3,
  gb: 3,
  kb: 3,
  days: 5,
  weeks: 6,
  hours: 6,
  count: 0,
};

function shownLength(v: CellValue, format: ColumnFormat): number {
  if (typeof v === "string") return v.length;
  const digits = format === "percent" ? String(Math.round(v * 1e6) / 1e4) : String(v);
  const grouping = Math.floor(Math.max(0, digits.split(".")[0].replace("-", "").length - 1) / 3);
  return digits.length + grouping + SUFFIX_LENGTH[format];
}

// ---------------------------------------------------------------------------------------------
// Sheet and table names
// ---------------------------------------------------------------------------------------------

/** Removes what Excel forbids in a sheet name (: \ / ? * [ ]), leading/trailing apostrophes, and trims to 31. */
export function cleanSheetName(name: string): string {
  const cleaned = name
    .replace(/[:\\/?*[\]]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "");
  return truncate(cleaned, MAX_SHEET_NAME) || "Rates";
}

function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  return s.slice(0, max - 1).trimEnd() + "…";
}

/**
 * The sheet a card goes to, from its stable id: Kustomer_StorageAllocation -> "Storage
 * Allocation". A word the title writes in capitals keeps them (SLA), and so does a two-letter
 * word (Ps -> PS, an abbreviation).
 */
export function sheetNameFor(table: AnyRateTable): string {
  const stem = table.id.replace(/^Kustomer_/, "");
  const words = stem.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? [stem];
  const titleWords = new Set(table.title.split(/[^A-Za-z0-9]+/));
  const shown = words.map((w) => (titleWords.has(w.toUpperCase()) || (w.length === 2 && /^[A-Z][a-z]$/.test(w)) ? w.toUpperCase() : w));
  return cleanSheetName(shown.join(" "));
}

/** Sheet names are unique regardless of case. */
function isTaken(name: string, taken: ReadonlySet<string>): boolean {
  return taken.has(name.toLowerCase());
}

/** `base` + `suffix`, the base shortened (with "…") so the whole fits in 31 characters. */
function withSuffix(base: string, suffix: string): string {
  return base.length + suffix.length <= MAX_SHEET_NAME ? base + suffix : truncate(base, MAX_SHEET_NAME - suffix.length) + suffix;
}

/**
 * The dated backup of a sheet: "Storage Prices (backup 2026-11-21)". Excel allows 31 characters,
 * so a longer base is cut with "…" ("Storage Al… (backup 2026-11-21)"); a second backup the same
 * day is numbered. `taken` holds the lower-cased names in use.
 */
export function backupSheetName(base: string, isoDate: string, taken: ReadonlySet<string>): string {
  for (let i = 1; ; i++) {
    const name = withSuffix(base, i === 1 ? ` (backup ${isoDate})` : ` (backup ${isoDate} ${i})`);
    if (!isTaken(name, taken)) return name;
  }
}

/** A sheet beside an existing one: "Storage Prices (2)", "(3)"... (the base itself when it is free). */
export function besideSheetName(base: string, taken: ReadonlySet<string>): string {
  if (!isTaken(base, taken)) return base;
  for (let i = 2; ; i++) {
    const name = withSuffix(base, ` (${i})`);
    if (!isTaken(name, taken)) return name;
  }
}

/** A free table name beside an existing table: Kustomer_StoragePrices_2, _3... (tables and workbook names share one namespace). */
export function besideTableName(id: string, taken: ReadonlySet<string>): string {
  for (let i = 2; ; i++) {
    const name = `${id}_${i}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
