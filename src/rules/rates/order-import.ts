/**
 * An Order's own rates for a rate card, read from a CSV or JSON file in the card's shape, and
 * validated in full: columns, types, units, no negative rates. The result is all or nothing:
 * either a rate table in the card's shape (same id, columns and workbook names) or the list of
 * every problem found, each with its row and column. Pure: the task pane reads the file and
 * writes the table; this module decides whether the file is acceptable.
 *
 * Rows are numbered as a user finds them: in a CSV, as Excel numbers the rows when it opens the
 * file (the header is row 1, the first rates row 2); in JSON, the first object is row 1.
 */
import { normalizeName } from "../core/args";
import { Money } from "../core/money";
import type { ColumnFormat, DecimalText, RateColumn } from "./documents";
import { rateTable } from "./documents";
import { type AnyRateTable, NA_TEXT } from "./sheet-layout";

/** One problem in an Order file. `row` null: the file as a whole; `column` null: the whole row. */
export interface ImportProblem {
  readonly row: number | null;
  readonly column: string | null;
  readonly message: string;
}

/** A row of an imported Order: text, exact decimal text for rates, null for "n/a". */
export type OrderRow = Readonly<Record<string, DecimalText | string | null>>;

export type ImportResult =
  | { readonly ok: true; readonly table: AnyRateTable; readonly format: "csv" | "json"; readonly rowCount: number }
  | { readonly ok: false; readonly problems: readonly ImportProblem[] };

/** Limits that keep a mistaken file (a whole export, a binary) from reaching Excel. */
export const MAX_ORDER_ROWS = 1000;
export const MAX_ORDER_FILE_CHARS = 1_000_000;
const MAX_TEXT = 1000;

/** Renders a problem for a list: `Row 3, "Price per GB (USD)": ...`. */
export function describeProblem(p: ImportProblem): string {
  const where = [p.row === null ? null : `Row ${p.row}`, p.column === null ? null : `"${p.column}"`].filter((s) => s !== null).join(", ");
  return where ? `${where}: ${p.message}` : p.message;
}

/**
 * Reads an Order file for `card`. The format comes from the file name (.csv or .json), or from
 * the text when the name says neither (JSON starts with [ or {).
 */
export function importOrderRates(card: AnyRateTable, fileName: string, text: string): ImportResult {
  if (text.length > MAX_ORDER_FILE_CHARS) {
    return fail([
      {
        row: null,
        column: null,
        message: `The file is larger than ${MAX_ORDER_FILE_CHARS.toLocaleString("en-US")} characters; a rate card is a few rows.`,
      },
    ]);
  }
  const body = text.replace(/^\uFEFF/, "");
  const lower = fileName.toLowerCase();
  const format: "csv" | "json" = lower.endsWith(".json") ? "json" : lower.endsWith(".csv") ? "csv" : /^\s*[[{]/.test(body) ? "json" : "csv";
  const records = format === "json" ? jsonRecords(card, body) : csvRecords(card, body);
  if (records.fatal) return fail(records.problems);
  return validate(card, records.rows, format, records.problems);
}

// ---------------------------------------------------------------------------------------------
// Reading the file into records: for each row, its number and the raw value of each column
// ---------------------------------------------------------------------------------------------

export type Raw = string | number | boolean | null;

export interface RawRow {
  readonly row: number;
  /** Raw values by column key; absent where the file has no such value (already reported). */
  readonly values: ReadonlyMap<string, Raw>;
}

/** The rows read, the problems found so far; `fatal` when the rows cannot be read at all. */
export interface Records {
  readonly rows: RawRow[];
  readonly problems: ImportProblem[];
  readonly fatal: boolean;
}

function fatal(problems: ImportProblem[]): Records {
  return { rows: [], problems, fatal: true };
}

function fail(problems: ImportProblem[]): ImportResult {
  return { ok: false, problems };
}

function columnsList(card: AnyRateTable): string {
  return card.columns.map((c: RateColumn<unknown>) => `"${c.header}"`).join(", ");
}

/** The card's column a header (or JSON key) names: its header or its key, case and spacing aside. */
function columnFor(card: AnyRateTable, name: string): RateColumn<unknown> | undefined {
  const n = normalizeName(name);
  return card.columns.find((c: RateColumn<unknown>) => normalizeName(c.header) === n || normalizeName(c.key) === n);
}

/** RFC 4180 CSV: comma-separated, fields quoted with " (doubled inside), CRLF or LF. */
export function parseCsv(text: string): { records: string[][]; problems: ImportProblem[] } {
  const records: string[][] = [];
  const problems: ImportProblem[] = [];
  let field = "";
  let record: string[] = [];
  let i = 0;
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    record.push(wasQuoted ? field : field.trim());
    field = "";
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        // After the closing quote: spaces, then a comma or the end of the line.
        while (text[i] === " " || text[i] === "\t") i++;
        if (i < text.length && text[i] !== "," && text[i] !== "\r" && text[i] !== "\n") {
          problems.push({
            row: records.length + 1,
            column: null,
            message: `a quoted value must end at a comma or the end of the line (column ${record.length + 1}).`,
          });
          while (i < text.length && text[i] !== "," && text[i] !== "\r" && text[i] !== "\n") i++;
        }
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === "") {
      quoted = true;
      wasQuoted = true;
      field = "";
      i++;
    } else if (ch === ",") {
      endField();
      i++;
    } else if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (quoted) problems.push({ row: records.length + 1, column: null, message: 'a quoted value is not closed (a " is missing).' });
  if (field !== "" || wasQuoted || record.length > 0) endRecord();
  return { records, problems };
}

function csvRecords(card: AnyRateTable, text: string): Records {
  const parsed = parseCsv(text);
  return cellRecords(card, parsed.records, parsed.problems, { header: "required" });
}

/** How {@link cellRecords} finds the header: a CSV file must start with one; a `rates` range may omit it. */
export interface CellRecordOptions {
  /**
   * "required": the first non-empty row is the header (a CSV file). "optional": the first
   * non-empty row is the header when one of its cells names a column of the card; otherwise the
   * rows hold the card's columns in its order (a range passed to a formula as `rates`).
   */
  readonly header: "required" | "optional";
}

/** A blank cell: empty, or omitted. */
const isBlankRaw = (v: unknown) => v === null || v === undefined || v === "";

/**
 * A card's rows from a 2-D array of cells, each row numbered by its position (1-based, as Excel
 * numbers a CSV file's rows or a range's rows): the one reader of cells behind the CSV import
 * and a formula's `rates` range. Entirely blank rows are skipped; problems so far go to `earlier`.
 */
export function cellRecords(
  card: AnyRateTable,
  records: ReadonlyArray<ReadonlyArray<Raw>>,
  earlier: readonly ImportProblem[],
  opts: CellRecordOptions,
): Records {
  const problems = [...earlier];
  const isEmpty = (r: ReadonlyArray<Raw>) => r.every(isBlankRaw);
  const first = records.findIndex((r) => !isEmpty(r));
  if (first < 0) {
    const expected =
      opts.header === "required"
        ? `expected a header row with the columns ${columnsList(card)}`
        : `expected the rows of "${card.title}" (columns ${columnsList(card)})`;
    return fatal([{ row: null, column: null, message: `The ${opts.header === "required" ? "file" : "range"} is empty; ${expected}.` }]);
  }
  const firstRow = records[first];
  const hasHeader = opts.header === "required" || firstRow.some((v) => typeof v === "string" && columnFor(card, v) !== undefined);
  let keys: (string | undefined)[];
  let width: number;
  if (hasHeader) {
    const header = firstRow.map((v) => (typeof v === "string" ? v : isBlankRaw(v) ? "" : String(v)));
    if (opts.header === "required" && header.length === 1 && header[0].includes(";")) {
      problems.push({
        row: first + 1,
        column: null,
        message: "The values are separated by semicolons; save the file as CSV with commas (and decimal points).",
      });
      return fatal(problems);
    }
    // In a range, a column with neither a header nor a value is not part of the table.
    const used = header.map((h, i) => h.trim() !== "" || opts.header === "required" || records.some((r) => !isBlankRaw(r[i])));
    keys = headerKeys(
      card,
      header.map((h, i) => ({ name: h, position: i + 1 })).filter((_h, i) => used[i]),
      first + 1,
      problems,
    );
    const all: (string | undefined)[] = [];
    let k = 0;
    for (let i = 0; i < header.length; i++) all.push(used[i] ? keys[k++] : undefined);
    keys = all;
    width = header.length;
  } else {
    // No header: the card's columns in order; blank columns after the last are not part of the table.
    const columns = card.columns as ReadonlyArray<RateColumn<unknown>>;
    let used = 0;
    for (const r of records) for (let i = r.length - 1; i >= used; i--) if (!isBlankRaw(r[i])) used = i + 1;
    if (used !== columns.length) {
      return fatal([
        ...problems,
        {
          row: null,
          column: null,
          message:
            `The range has ${used} column${used === 1 ? "" : "s"} and no header row; "${card.title}" has ${columns.length}: ` +
            `${columnsList(card)} (in that order, or with its header row).`,
        },
      ]);
    }
    keys = columns.map((c) => c.key);
    width = -1;
  }
  const rows: RawRow[] = [];
  for (let r = hasHeader ? first + 1 : first; r < records.length; r++) {
    const rec = records[r];
    if (isEmpty(rec)) continue;
    if (width >= 0 && rec.length !== width) {
      problems.push({
        row: r + 1,
        column: null,
        message: `has ${rec.length} value${rec.length === 1 ? "" : "s"}; the header has ${width}.`,
      });
      continue;
    }
    const values = new Map<string, Raw>();
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key !== undefined) values.set(key, i < rec.length ? rec[i] : null);
    }
    rows.push({ row: r + 1, values });
  }
  return { rows, problems, fatal: false };
}

/** Maps header cells to column keys; reports unknown, repeated and missing columns. */
function headerKeys(
  card: AnyRateTable,
  header: { name: string; position: number }[],
  row: number | null,
  problems: ImportProblem[],
): (string | undefined)[] {
  const seen = new Map<string, number>();
  const keys = header.map(({ name, position }) => {
    const col = columnFor(card, name);
    if (!col) {
      problems.push({
        row,
        column: name === "" ? `column ${position}` : name,
        message: `is not a column of "${card.title}"; expected the columns ${columnsList(card)}.`,
      });
      return undefined;
    }
    if (seen.has(col.key)) {
      problems.push({ row, column: name, message: `appears twice (columns ${seen.get(col.key)} and ${position}).` });
      return undefined;
    }
    seen.set(col.key, position);
    return col.key;
  });
  for (const col of card.columns as ReadonlyArray<RateColumn<unknown>>) {
    if (!seen.has(col.key)) problems.push({ row, column: col.header, message: "is missing; every column of the card is required." });
  }
  return keys;
}

function noRows(card: AnyRateTable, rows: readonly RawRow[], noun: string): ImportProblem[] {
  return rows.length === 0
    ? [{ row: null, column: null, message: `The ${noun} has no rates: expected at least one row under the header of "${card.title}".` }]
    : [];
}

function jsonRecords(card: AnyRateTable, text: string): Records {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fatal([{ row: null, column: null, message: `The file is not valid JSON: ${(e as Error).message}` }]);
  }
  const problems: ImportProblem[] = [];
  let items: unknown = data;
  if (data !== null && typeof data === "object" && !Array.isArray(data)) {
    const obj = data as Record<string, unknown>;
    const declared = obj.card ?? obj.table ?? obj.id;
    if (declared !== undefined && declared !== card.id) {
      problems.push({ row: null, column: null, message: `The file is for the card ${JSON.stringify(declared)}, not ${card.id}.` });
    }
    items = obj.rows;
  }
  if (!Array.isArray(items)) {
    return fatal([
      ...problems,
      {
        row: null,
        column: null,
        message: 'Expected an array of rows, or an object with a "rows" array; each row an object keyed by the column headers.',
      },
    ]);
  }
  const rows: RawRow[] = [];
  items.forEach((item, i) => {
    const row = i + 1;
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      problems.push({ row, column: null, message: "must be an object keyed by the column headers." });
      return;
    }
    const values = new Map<string, Raw>();
    const seen = new Set<string>();
    for (const [name, v] of Object.entries(item as Record<string, unknown>)) {
      const col = columnFor(card, name);
      if (!col) {
        problems.push({ row, column: name, message: `is not a column of "${card.title}"; expected the columns ${columnsList(card)}.` });
      } else if (seen.has(col.key)) {
        problems.push({ row, column: name, message: `names the column "${col.header}" a second time.` });
      } else {
        seen.add(col.key);
        if (v !== null && typeof v === "object")
          problems.push({ row, column: col.header, message: "must be a number or text, not a list or an object." });
        else values.set(col.key, v === undefined ? null : (v as Raw));
      }
    }
    for (const col of card.columns as ReadonlyArray<RateColumn<unknown>>) {
      if (!seen.has(col.key)) problems.push({ row, column: col.header, message: "is missing; every column of the card is required." });
    }
    rows.push({ row, values });
  });
  return { rows, problems, fatal: false };
}

// ---------------------------------------------------------------------------------------------
// Validation of the values
// ---------------------------------------------------------------------------------------------

function validate(card: AnyRateTable, rows: RawRow[], format: "csv" | "json", earlier: ImportProblem[]): ImportResult {
  if (rows.length > MAX_ORDER_ROWS) {
    return fail([
      ...earlier,
      { row: null, column: null, message: `The file has ${rows.length} rows; a rate card has at most ${MAX_ORDER_ROWS}.` },
    ]);
  }
  const checked = validateRows(card, rows, earlier, { names: true });
  if (!checked.ok) return fail([...checked.problems]);
  return { ok: true, table: orderTable(card, checked.rows), format, rowCount: checked.rows.length };
}

/** What {@link validateRows} checks beyond the cells. */
export interface ValidateOptions {
  /** The rows the card's workbook names point at must be there (the pane writes the names; a formula's table needs none). */
  readonly names: boolean;
  /** What holds the rows, for messages: "file" (default) or "range". */
  readonly noun?: string;
}

export type ValidatedRows =
  | {
      readonly ok: true;
      readonly rows: Record<string, DecimalText | string | null>[];
      /** Each row's number, as the problems would name it. */
      readonly rowNumbers: readonly number[];
    }
  | { readonly ok: false; readonly problems: readonly ImportProblem[] };

/**
 * The one validator of an Order's rates, for the import and for a formula's `rates` range: each
 * value against its column's format (units, n/a only where the built-in card has n/a, no
 * negative rates), then the rows together (no repeated key; bands that neither overlap nor leave
 * a gap; the card's fixed choices, such as a response time's unit). All problems, sorted by row.
 */
export function validateRows(
  card: AnyRateTable,
  rows: readonly RawRow[],
  earlier: readonly ImportProblem[],
  opts: ValidateOptions,
): ValidatedRows {
  const problems: ImportProblem[] = [...earlier];
  problems.push(...noRows(card, rows, opts.noun ?? "file"));
  const columns = card.columns as ReadonlyArray<RateColumn<unknown>>;
  const nullable = nullableColumns(card);
  const out: Record<string, DecimalText | string | null>[] = [];
  let cellProblems = 0;
  for (const raw of rows) {
    const row: Record<string, DecimalText | string | null> = {};
    for (const col of columns) {
      if (!raw.values.has(col.key)) continue; // reported with the header
      const r = readCell(raw.values.get(col.key) ?? null, col.format, nullable.has(col.key));
      if ("problem" in r) {
        problems.push({ row: raw.row, column: col.header, message: r.problem });
        cellProblems++;
      } else row[col.key] = r.value;
    }
    out.push(row);
  }
  problems.push(...keyProblems(card, rows, out, opts.names));
  problems.push(...choiceProblems(card, rows, out));
  // Bands are compared only when every bound could be read.
  if (cellProblems === 0 && problems.length === 0) problems.push(...bandProblems(card, rows, out));
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, rows: out, rowNumbers: rows.map((r) => r.row) };
}

/** The columns where the built-in card has an n/a: only there may an Order write n/a. */
const NULLABLE = new WeakMap<object, ReadonlySet<string>>();
function nullableColumns(card: AnyRateTable): ReadonlySet<string> {
  let set = NULLABLE.get(card);
  if (!set) {
    const columns = card.columns as ReadonlyArray<RateColumn<unknown>>;
    set = new Set(columns.filter((c) => card.rows.some((r: Record<string, unknown>) => r[c.key] === null)).map((c) => c.key));
    NULLABLE.set(card, set);
  }
  return set;
}

function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  const rank = (p: ImportProblem) => (p.row === null ? -1 : p.row);
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
    .map(({ p }) => p);
}

type CellResult = { value: DecimalText | string | null } | { problem: string };

/** Units a value may carry, per column format, with the factor to the column's unit. */
const UNITS: Record<Exclude<ColumnFormat, "text">, Readonly<Record<string, string>>> = {
  usd: { "": "1", usd: "1" },
  usd4: { "": "1", usd: "1" },
  percent: { "": "1", "%": "0.01" },
  gb: { "": "1", gb: "1", tb: "1000", mb: "0.001", kb: "0.000001" },
  kb: { "": "1", kb: "1", b: "0.001", byte: "0.001", bytes: "0.001", mb: "1000", gb: "1000000" },
  days: { "": "1", day: "1", days: "1" },
  weeks: { "": "1", week: "1", weeks: "1" },
  hours: { "": "1", h: "1", hr: "1", hrs: "1", hour: "1", hours: "1" },
  count: { "": "1" },
};

const EXPECTED: Record<Exclude<ColumnFormat, "text">, string> = {
  usd: "an amount in US dollars, such as 50 or $50.00",
  usd4: "an amount in US dollars, such as 0.0005 or $0.0005",
  percent: "a percentage such as 10% (or the fraction 0.1)",
  gb: "a size in GB, such as 2.5 or 2.5 GB (MB and TB are converted at 1 GB = 1000 MB)",
  kb: "a size in KB, such as 0.5 or 0.5 KB (1 KB = 1000 bytes)",
  days: "a whole number of days, such as 30",
  weeks: "a whole number of weeks, such as 8",
  hours: "a number of hours, such as 16",
  count: "a whole number, such as 50000",
};

const WHOLE: ReadonlySet<ColumnFormat> = new Set<ColumnFormat>(["days", "weeks", "count"]);

// sign, $, number (with thousands commas or plain), unit
const NUMBER_TEXT = /^([+-])?\s*(US\s*\$|\$)?\s*(\d[\d,]*(?:\.\d*)?|\.\d+)\s*([A-Za-z%]*)$/;

function describeRaw(v: Raw): string {
  if (typeof v === "string") return `"${v.length > 40 ? v.slice(0, 37) + "..." : v}"`;
  return String(v);
}

/** One value of an Order file, checked against its column's format. */
export function readCell(v: Raw, format: ColumnFormat, nullable: boolean): CellResult {
  if (typeof v === "boolean") return { problem: `expected ${format === "text" ? "text" : EXPECTED[format]}; got ${v ? "TRUE" : "FALSE"}.` };
  const text = typeof v === "string" ? v.trim() : v;
  if (text === null || text === "") {
    if (format === "text") return { problem: "is empty; expected text." };
    return { problem: `is empty; expected ${EXPECTED[format]}${nullable ? `, or ${NA_TEXT} where the rate does not apply` : ""}.` };
  }
  if (format === "text") {
    const s = String(text);
    // Excel reads a value written as =..., +..., -... as a formula (and CSV injection uses @ too).
    if (/^[=+\-@]/.test(s)) return { problem: `${describeRaw(s)} starts with "${s[0]}", which Excel would read as a formula; write text.` };
    if (s.length > MAX_TEXT) return { problem: `is longer than ${MAX_TEXT} characters.` };
    return { value: s };
  }
  if (typeof text === "string" && text.toLowerCase() === NA_TEXT) {
    if (nullable) return { value: null };
    return { problem: `${NA_TEXT} is not accepted here: every rate in this column applies; expected ${EXPECTED[format]}.` };
  }
  let amount: Money;
  if (typeof text === "number") {
    if (!Number.isFinite(text)) return { problem: `expected ${EXPECTED[format]}; got ${text}.` };
    amount = new Money(text === 0 ? 0 : text);
  } else {
    const m = NUMBER_TEXT.exec(text);
    if (!m) return { problem: `expected ${EXPECTED[format]}; got ${describeRaw(text)}.` };
    const [, sign, dollar, digits, unitText] = m;
    if (digits.includes(",") && !/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(digits)) {
      return { problem: `${describeRaw(text)}: use a decimal point and commas only between thousands (0.5, 1,250.5).` };
    }
    const unit = unitText.toLowerCase();
    const units = UNITS[format];
    const isMoney = format === "usd" || format === "usd4";
    if ((dollar && !isMoney) || !(unit in units)) return { problem: `expected ${EXPECTED[format]}; got ${describeRaw(text)}.` };
    amount = new Money(digits.replace(/,/g, "")).times(units[unit]);
    if (sign === "-") amount = amount.negated();
  }
  if (amount.isNegative() && !amount.isZero()) return { problem: `${describeRaw(v)} is negative; rates cannot be negative.` };
  if (amount.isZero()) amount = new Money(0);
  if (WHOLE.has(format) && !amount.isInteger()) return { problem: `expected ${EXPECTED[format]}; got ${describeRaw(v)}.` };
  if (format === "percent" && amount.greaterThan(1)) {
    return { problem: `${describeRaw(v)} is above 100%; write a percentage such as 10% (or the fraction 0.1).` };
  }
  if (amount.greaterThanOrEqualTo("1e15")) return { problem: `${describeRaw(v)} is too large for a rate.` };
  return { value: amount.toString() };
}

// ---------------------------------------------------------------------------------------------
// Row identity: duplicates, and the rows the workbook names point at
// ---------------------------------------------------------------------------------------------

/**
 * The columns that identify a row: the shortest run of the card's first text columns whose
 * values are distinct in the built-in card (Storage -> "Data storage"; Service + Level for the
 * managed-services hours). Empty when no text columns identify the rows.
 */
export function keyColumns(card: AnyRateTable): RateColumn<unknown>[] {
  const texts = (card.columns as ReadonlyArray<RateColumn<unknown>>).filter((c) => c.format === "text");
  for (let n = 1; n <= texts.length; n++) {
    const cols = texts.slice(0, n);
    const keys = card.rows.map((r: Record<string, unknown>) => rowKey(r, cols));
    if (new Set(keys).size === keys.length) return cols;
  }
  return [];
}

function rowKey(row: Record<string, unknown>, cols: RateColumn<unknown>[]): string {
  return cols.map((c) => normalizeName(String(row[c.key] ?? ""))).join("\u0000");
}

function keyProblems(card: AnyRateTable, raws: readonly RawRow[], rows: Record<string, unknown>[], names: boolean): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const cols = keyColumns(card);
  const label = cols.map((c) => c.header).join(" + ");
  if (cols.length > 0) {
    const first = new Map<string, number>();
    rows.forEach((row, i) => {
      if (cols.some((c) => typeof row[c.key] !== "string")) return; // already reported
      const key = rowKey(row, cols);
      const earlier = first.get(key);
      if (earlier !== undefined)
        problems.push({ row: raws[i].row, column: label, message: `repeats row ${earlier}; each row must be distinct.` });
      else first.set(key, raws[i].row);
    });
  }
  // A row whose key cells are wrong is reported already; it might be the named row.
  const keysReadable = rows.every((r) => cols.every((c) => typeof r[c.key] === "string"));
  for (const n of names ? (card.names ?? []) : []) {
    if (cols.length === 0) {
      if (rows.length <= n.row)
        problems.push({ row: null, column: null, message: `The workbook name ${n.name} needs at least ${n.row + 1} rows.` });
      continue;
    }
    const key = rowKey(card.rows[n.row], cols);
    if (rows.length > 0 && keysReadable && !rows.some((r) => rowKey(r, cols) === key)) {
      const shown = cols.map((c) => String(card.rows[n.row][c.key])).join(" / ");
      problems.push({ row: null, column: label, message: `has no row "${shown}"; the workbook name ${n.name} points at its rate.` });
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Checks of a card's rows together: fixed choices and bands
// ---------------------------------------------------------------------------------------------

/** Text columns whose values the rules read as one of a few choices (by card id, then column key). */
const CHOICES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  Kustomer_SlaResponseTimes: { unit: ["hours", "business days"] },
};

/** A choice as typed: case, spacing and a plural "s" aside ("Hour", "business day"). */
export function choiceKey(s: string): string {
  return normalizeName(s).replace(/s$/, "");
}

function choiceProblems(card: AnyRateTable, raws: readonly RawRow[], rows: Record<string, unknown>[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const choices = CHOICES[card.id] ?? {};
  for (const col of card.columns as ReadonlyArray<RateColumn<unknown>>) {
    const allowed = choices[col.key];
    if (!allowed) continue;
    const keys = new Set(allowed.map(choiceKey));
    rows.forEach((row, i) => {
      const v = row[col.key];
      if (typeof v === "string" && !keys.has(choiceKey(v)))
        problems.push({ row: raws[i].row, column: col.header, message: `${describeRaw(v)} is not one of: ${allowed.join(", ")}.` });
    });
  }
  return problems;
}

/**
 * Cards whose rows are bands of a measure: each row from a bound to a bound, together covering
 * the measure without overlap or gap. "continuous": [from, below), n/a for no bound at either
 * end (the SLA credit bands over 0% to 100%); "whole": from..to, both included, each band
 * starting one after the last ends (the data migration sizes).
 */
const BANDS: Readonly<Record<string, { readonly kind: "continuous" | "whole"; readonly from: string; readonly to: string }>> = {
  Kustomer_SlaCreditBands: { kind: "continuous", from: "fromUptime", to: "belowUptime" },
  Kustomer_DataMigrationSizes: { kind: "whole", from: "minRecords", to: "maxRecords" },
};

function bandProblems(card: AnyRateTable, raws: readonly RawRow[], rows: Record<string, unknown>[]): ImportProblem[] {
  const spec = BANDS[card.id];
  if (!spec || rows.length === 0) return [];
  const columns = card.columns as ReadonlyArray<RateColumn<unknown>>;
  const fromCol = columns.find((c) => c.key === spec.from) as RateColumn<unknown>;
  const toCol = columns.find((c) => c.key === spec.to) as RateColumn<unknown>;
  const shown = (v: Money | null, col: RateColumn<unknown>) =>
    v === null ? NA_TEXT : col.format === "percent" ? `${v.times(100).toString()}%` : v.toString();
  const bands = rows.map((r, i) => ({
    row: raws[i].row,
    from: r[spec.from] === null ? null : new Money(r[spec.from] as string),
    to: r[spec.to] === null ? null : new Money(r[spec.to] as string),
  }));
  const problems: ImportProblem[] = [];
  for (const b of bands) {
    if (b.from !== null && b.to !== null && (spec.kind === "continuous" ? b.to.lte(b.from) : b.to.lt(b.from))) {
      problems.push({
        row: b.row,
        column: toCol.header,
        message: `${shown(b.to, toCol)} is ${spec.kind === "continuous" ? "not above" : "below"} "${fromCol.header}" (${shown(b.from, fromCol)}); a band must not be empty.`,
      });
    }
  }
  if (problems.length > 0) return problems;
  // Sorted by their lower bound (no bound first).
  const sorted = [...bands].sort((a, b) => (a.from === null ? -1 : b.from === null ? 1 : a.from.comparedTo(b.from)));
  for (let i = 0; i < sorted.length; i++) {
    const b = sorted[i];
    if (i > 0 && b.from === null) {
      problems.push({
        row: b.row,
        column: fromCol.header,
        message: `is ${NA_TEXT} in two rows (rows ${sorted[0].row} and ${b.row}); only the lowest band has no lower bound.`,
      });
      continue;
    }
    if (i === sorted.length - 1) {
      if (spec.kind === "continuous" && b.to !== null) {
        problems.push({
          row: b.row,
          column: toCol.header,
          message: `the top band stops below ${shown(b.to, toCol)}, which leaves a gap up to 100%; write ${NA_TEXT} for no upper bound.`,
        });
      }
      break;
    }
    const next = sorted[i + 1];
    if (b.to === null) {
      problems.push({ row: b.row, column: toCol.header, message: `is ${NA_TEXT}, so this band overlaps the band in row ${next.row}.` });
      continue;
    }
    if (next.from === null) continue; // reported at the next row
    const expected = spec.kind === "continuous" ? b.to : b.to.plus(1);
    const cmp = next.from.comparedTo(expected);
    if (cmp !== 0) {
      problems.push({
        row: next.row,
        column: fromCol.header,
        message:
          `${shown(next.from, fromCol)} ${cmp < 0 ? "overlaps" : "leaves a gap after"} the band in row ${b.row}, which ends ` +
          `${spec.kind === "continuous" ? "below" : "at"} ${shown(b.to, toCol)}; bands must follow on without a gap or an overlap` +
          ` (expected ${shown(expected, fromCol)}).`,
      });
    }
  }
  if (spec.kind === "continuous" && sorted[0].from !== null && !sorted[0].from.isZero()) {
    problems.push({
      row: sorted[0].row,
      column: fromCol.header,
      message: `the lowest band starts at ${shown(sorted[0].from, fromCol)}, which leaves a gap from 0%; write ${NA_TEXT} (or 0%) for no lower bound.`,
    });
  }
  return problems;
}

/** The Order's rates as a table in the card's shape: same id and columns; names re-pointed at the Order's rows. */
function orderTable(card: AnyRateTable, rows: Record<string, DecimalText | string | null>[]): AnyRateTable {
  const cols = keyColumns(card);
  const names = (card.names ?? []).map((n: { name: string; row: number; key: string; description: string }) => ({
    ...n,
    row: cols.length === 0 ? n.row : rows.findIndex((r) => rowKey(r, cols) === rowKey(card.rows[n.row], cols)),
  }));
  return rateTable<OrderRow>({
    id: card.id,
    title: card.title,
    source: card.source,
    section: card.section,
    columns: card.columns as ReadonlyArray<RateColumn<OrderRow>>,
    rows,
    ...(names.length > 0 ? { names } : {}),
  });
}
