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

type Raw = string | number | boolean | null;

interface RawRow {
  readonly row: number;
  /** Raw values by column key; absent where the file has no such value (already reported). */
  readonly values: ReadonlyMap<string, Raw>;
}

/** The rows read, the problems found so far; `fatal` when the rows cannot be read at all. */
interface Records {
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
  const problems = [...parsed.problems];
  const records = parsed.records;
  const isEmpty = (r: string[]) => r.every((f) => f === "");
  const headerIndex = records.findIndex((r) => !isEmpty(r));
  if (headerIndex < 0)
    return fatal([{ row: null, column: null, message: `The file is empty; expected a header row with the columns ${columnsList(card)}.` }]);
  const header = records[headerIndex];
  const headerRow = headerIndex + 1;
  if (header.length === 1 && header[0].includes(";")) {
    problems.push({
      row: headerRow,
      column: null,
      message: "The values are separated by semicolons; save the file as CSV with commas (and decimal points).",
    });
    return fatal(problems);
  }
  const keys = headerKeys(
    card,
    header.map((h, i) => ({ name: h, position: i + 1 })),
    headerRow,
    problems,
  );
  const rows: RawRow[] = [];
  for (let r = headerIndex + 1; r < records.length; r++) {
    const rec = records[r];
    if (isEmpty(rec)) continue;
    if (rec.length !== header.length) {
      problems.push({
        row: r + 1,
        column: null,
        message: `has ${rec.length} value${rec.length === 1 ? "" : "s"}; the header has ${header.length}.`,
      });
      continue;
    }
    const values = new Map<string, Raw>();
    rec.forEach((v, i) => {
      const key = keys[i];
      if (key !== undefined) values.set(key, v);
    });
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

function noRows(card: AnyRateTable, rows: RawRow[]): ImportProblem[] {
  return rows.length === 0
    ? [{ row: null, column: null, message: `The file has no rates: expected at least one row under the header of "${card.title}".` }]
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
  const problems: ImportProblem[] = [...earlier];
  if (rows.length > MAX_ORDER_ROWS) {
    problems.push({ row: null, column: null, message: `The file has ${rows.length} rows; a rate card has at most ${MAX_ORDER_ROWS}.` });
    return fail(problems);
  }
  problems.push(...noRows(card, rows));
  const columns = card.columns as ReadonlyArray<RateColumn<unknown>>;
  const nullable = new Set(columns.filter((c) => card.rows.some((r: Record<string, unknown>) => r[c.key] === null)).map((c) => c.key));
  const out: Record<string, DecimalText | string | null>[] = [];
  for (const raw of rows) {
    const row: Record<string, DecimalText | string | null> = {};
    for (const col of columns) {
      if (!raw.values.has(col.key)) continue; // reported with the header
      const r = readCell(raw.values.get(col.key) ?? null, col.format, nullable.has(col.key));
      if ("problem" in r) problems.push({ row: raw.row, column: col.header, message: r.problem });
      else row[col.key] = r.value;
    }
    out.push(row);
  }
  problems.push(...keyProblems(card, rows, out));
  if (problems.length > 0) return fail(sortProblems(problems));
  return { ok: true, table: orderTable(card, out), format, rowCount: out.length };
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

function keyProblems(card: AnyRateTable, raws: RawRow[], rows: Record<string, unknown>[]): ImportProblem[] {
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
  for (const n of card.names ?? []) {
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
