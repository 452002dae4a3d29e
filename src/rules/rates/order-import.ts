/**
 * An Order's own rates for a rate card, read from a CSV or JSON file in the card's shape, and
 * validated in full: columns, types, units, no negative rates. The result is all or nothing:
 * either a rate table in the card's shape (same id, columns and workbook names) or the list of
 * every problem found, each with its row and column. Pure: the task pane reads the file and
 * writes the table; this module decides whether the file is acceptable.
 *
 * Rows are numbered as a user finds them: in a CSV, as Excel numbers the rows when it opens the
 * file (the header is row 1, the first rates row 2); in JSON, the first object is row 1.
 *
 * Every step is linear in the size of the file, and no regular expression sees a value longer
 * than a few hundred characters: a 1 MB file of any shape is judged in milliseconds (measured in
 * `npm run bench`). The same checks read a 2-D array of cell values (`importOrderGrid`), such as
 * a range passed to a function.
 */
import { normalizeName } from "../core/args";
import { Money } from "../core/money";
import type { ColumnFormat, DecimalText, RateColumn } from "./documents";
import { rateTable } from "./documents";
import { type AnyRateTable, NA_TEXT } from "./documents";

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
/** The longest text value; any longer cell is refused before anything else looks at it. */
const MAX_TEXT = 1000;
/** The longest number (with its sign, $, thousands commas, unit and spaces) read as a rate. */
const MAX_NUMBER_TEXT = 100;
/** The most significant digits a rate may have: Excel keeps 15, so a longer rate would change on the sheet. */
const MAX_SIGNIFICANT_DIGITS = 15;
/** The longest header (or JSON key) compared with the card's columns. */
const MAX_HEADER = 200;
/** The pane lists at most this many problems, then "and N more". */
export const MAX_LISTED_PROBLEMS = 100;

/** At most `max` characters of what the user wrote, for a message. */
function clip(s: string, max = 60): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Renders a problem for a list: `Row 3, "Price per GB (USD)": ...`. */
export function describeProblem(p: ImportProblem): string {
  const where = [p.row === null ? null : `Row ${p.row}`, p.column === null ? null : `"${clip(p.column)}"`]
    .filter((s) => s !== null)
    .join(", ");
  return where ? `${where}: ${p.message}` : p.message;
}

/** The problems to list (the first `max`) and how many more there are. */
export function listedProblems(problems: readonly ImportProblem[], max = MAX_LISTED_PROBLEMS): { shown: ImportProblem[]; more: number } {
  return { shown: problems.slice(0, max), more: Math.max(0, problems.length - max) };
}

/**
 * The text of an Order file from its bytes: UTF-8 (a byte-order mark is dropped), or UTF-16 when
 * the file starts with a UTF-16 byte-order mark (Excel's "Unicode Text"). Bytes that are not
 * UTF-8 are refused with the row they are on, rather than read as U+FFFD: a price or a name
 * with a character replaced would be loaded silently otherwise.
 */
export function decodeOrderFile(bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: ImportProblem } {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const encoding = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
    return { ok: true, text: new TextDecoder(encoding).decode(bytes) };
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    const lossy = new TextDecoder("utf-8").decode(bytes);
    const at = lossy.indexOf("\uFFFD");
    let row = 1;
    for (let i = 0; i < at; i++) if (lossy.charCodeAt(i) === 10) row++;
    return {
      ok: false,
      problem: {
        row,
        column: null,
        message:
          'The file is not UTF-8 text (it was probably saved in a Windows or Mac encoding): a character here cannot be read. In Excel, save it as "CSV UTF-8 (Comma delimited)".',
      },
    };
  }
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
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lower = fileName.toLowerCase();
  const format: "csv" | "json" = lower.endsWith(".json")
    ? "json"
    : lower.endsWith(".csv")
      ? "csv"
      : /^\s*[[{]/.test(body.slice(0, 1000))
        ? "json"
        : "csv";
  const records = format === "json" ? jsonRecords(card, body) : csvRecords(card, body);
  if (records.fatal) return fail(records.problems);
  return validate(card, records.rows, format, records.problems);
}

/**
 * The same checks on a 2-D array of cell values, header row first (a range read from a sheet,
 * or passed to a function): rows are numbered from 1 at the header, as in the range. Values are
 * text, numbers, booleans, or "" / null for an empty cell.
 */
export function importOrderGrid(card: AnyRateTable, grid: ReadonlyArray<ReadonlyArray<Raw>>): ImportResult {
  const records = cellRecords(card, grid, [], { header: "required" });
  if (records.fatal) return fail(records.problems);
  return validate(card, records.rows, "csv", records.problems);
}

// ---------------------------------------------------------------------------------------------
// Reading the file into records: for each row, its number and the raw value of each column
// ---------------------------------------------------------------------------------------------

/** A raw cell value: text (CSV, JSON, a sheet), a number or boolean (JSON, a sheet), null for none. */
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
  if (name.length > MAX_HEADER) return undefined; // no column has such a name; normalizeName never sees it
  const n = normalizeName(name);
  return card.columns.find((c: RateColumn<unknown>) => normalizeName(c.header) === n || normalizeName(c.key) === n);
}

function tooManyRows(count: number): ImportProblem {
  return {
    row: null,
    column: null,
    message: `The file has ${count} rows; a rate card has at most ${MAX_ORDER_ROWS}.`,
  };
}

/**
 * RFC 4180 CSV: comma-separated, fields quoted with " (doubled inside), CRLF or LF. One pass,
 * each character looked at once: an unquoted field is one slice of the text, a quoted one the
 * join of its pieces between doubled quotes, so the time is linear whatever the shape.
 *
 * Chosen by measurement against papaparse 5.5 (Node 20, median of 7 runs, this machine under
 * load): an unquoted 300 KB field of a"a"a"… 1.9 ms here vs 12.9 ms; 900 KB 10 ms vs 36 ms; a
 * 65,000-row one-column file 76 ms vs 150 ms; "-", 300 KB of spaces, "x" 1.7 ms vs 0.4 ms.
 * (The parser this replaced took 10.7 s and 116 s on the quote runs, in Chromium.) Both are
 * linear; this one keeps the row numbers of its problems (a quote not closed, text after a
 * closing quote) and adds no 20 KB to the pane. papaparse's delimiter guessing would read a
 * semicolon file, but such files (European Excel) also write decimal commas: they get a clear
 * message instead (see cellRecords), as tab-separated files do.
 */
export function parseCsv(text: string): { records: string[][]; problems: ImportProblem[] } {
  const records: string[][] = [];
  const problems: ImportProblem[] = [];
  let record: string[] = [];
  let i = 0;
  const n = text.length;
  const isEnd = (c: number) => c === 44 || c === 13 || c === 10; // , \r \n
  while (i <= n) {
    // At the start of a field: spaces before an opening quote do not count.
    const start = i;
    let j = i;
    while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    let field: string;
    if (j < n && text.charCodeAt(j) === 34) {
      const parts: string[] = [];
      let k = j + 1;
      let closed = false;
      while (k < n) {
        const q = text.indexOf('"', k);
        if (q < 0) break;
        parts.push(text.slice(k, q));
        if (text.charCodeAt(q + 1) === 34) {
          parts.push('"');
          k = q + 2;
          continue;
        }
        k = q + 1;
        closed = true;
        break;
      }
      if (!closed) {
        parts.push(text.slice(k));
        problems.push({ row: records.length + 1, column: null, message: 'a quoted value is not closed (a " is missing).' });
        record.push(parts.join(""));
        records.push(record);
        return { records, problems };
      }
      field = parts.join("");
      // After the closing quote: spaces, then a comma or the end of the line.
      while (k < n && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
      if (k < n && !isEnd(text.charCodeAt(k))) {
        problems.push({
          row: records.length + 1,
          column: null,
          message: `a quoted value must end at a comma or the end of the line (column ${record.length + 1}).`,
        });
        while (k < n && !isEnd(text.charCodeAt(k))) k++;
      }
      i = k;
    } else {
      let k = i;
      while (k < n && !isEnd(text.charCodeAt(k))) k++;
      field = text.slice(i, k).trim();
      i = k;
    }
    record.push(field);
    if (i >= n) {
      // The end of the text: a last line without its line break (nothing after a final one).
      if (record.length > 1 || i > start) records.push(record);
      break;
    }
    const c = text.charCodeAt(i);
    if (c === 44) {
      i++;
      continue;
    }
    records.push(record);
    record = [];
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    if (i >= n) break;
  }
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
  // The row limit first: a long file picked by mistake is refused before any row is judged.
  let count = 0;
  for (let r = hasHeader ? first + 1 : first; r < records.length; r++) if (!isEmpty(records[r])) count++;
  if (count > MAX_ORDER_ROWS) return fatal([tooManyRows(count)]);
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
    if (opts.header === "required" && header.length === 1 && header[0].includes("\t")) {
      problems.push({
        row: first + 1,
        column: null,
        message:
          'The values are separated by tabs (a tab-separated text file); save the file as CSV, with commas: in Excel, "CSV UTF-8 (Comma delimited)".',
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
        column: name === "" ? `column ${position}` : clip(name),
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

const own = (o: object, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? (o as Record<string, unknown>)[k] : undefined);

function jsonRecords(card: AnyRateTable, text: string): Records {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fatal([{ row: null, column: null, message: `The file is not valid JSON: ${clip((e as Error).message, 200)}` }]);
  }
  const problems: ImportProblem[] = [];
  let items: unknown = data;
  const wrapped = data !== null && typeof data === "object" && !Array.isArray(data);
  if (wrapped) {
    const obj = data as object;
    const declared = own(obj, "card") ?? own(obj, "table") ?? own(obj, "id");
    if (declared !== undefined && declared !== card.id) {
      problems.push({ row: null, column: null, message: `The file is for the card ${clip(JSON.stringify(declared))}, not ${card.id}.` });
    }
    items = own(obj, "rows");
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
  if (items.length > MAX_ORDER_ROWS) return fatal([tooManyRows(items.length)]);
  // JSON.parse keeps the last of two equal keys; the file is refused instead.
  problems.push(...duplicateKeys(text, wrapped));
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
        problems.push({
          row,
          column: clip(name),
          message: `is not a column of "${card.title}"; expected the columns ${columnsList(card)}.`,
        });
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

type Frame =
  | { obj: true; keys: Set<string>; expectKey: boolean; lastKey: string | null; row: number | null }
  | { obj: false; index: number; rows: boolean };

/**
 * Keys that appear twice in one object of a JSON text (already parsed, so valid): one pass over
 * the text with a stack of the open objects and arrays. A repeat inside a row names the row.
 */
function duplicateKeys(text: string, wrapped: boolean): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const stack: Frame[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (c === 123 /* { */) {
      const parent = top && !top.obj && top.rows ? top : undefined;
      stack.push({ obj: true, keys: new Set(), expectKey: true, lastKey: null, row: parent ? parent.index + 1 : null });
      i++;
    } else if (c === 91 /* [ */) {
      const rows = wrapped ? stack.length === 1 && top?.obj === true && top.lastKey === "rows" : stack.length === 0;
      stack.push({ obj: false, index: 0, rows });
      i++;
    } else if (c === 125 || c === 93 /* } ] */) {
      stack.pop();
      i++;
    } else if (c === 44 /* , */) {
      if (top?.obj) top.expectKey = true;
      else if (top) top.index++;
      i++;
    } else if (c === 34 /* " */) {
      let k = i + 1;
      while (k < n) {
        const d = text.charCodeAt(k);
        if (d === 92) k += 2;
        else if (d === 34) break;
        else k++;
      }
      if (top?.obj && top.expectKey) {
        const key = JSON.parse(text.slice(i, k + 1)) as string;
        if (top.keys.has(key)) {
          problems.push(
            top.row !== null
              ? { row: top.row, column: clip(key), message: "appears twice in this row; each column may appear once." }
              : {
                  row: null,
                  column: null,
                  message: `The key ${clip(JSON.stringify(key))} appears twice in one object; each key may appear once.`,
                },
          );
        }
        top.keys.add(key);
        top.lastKey = key;
        top.expectKey = false;
      }
      i = k + 1;
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      // A number: JSON.parse reads it as a double, so 0.000…1 becomes 0 and 20 digits are rounded.
      let k = i + 1;
      const inNumber = (d: number) => (d >= 48 && d <= 57) || d === 46 || d === 43 || d === 45 || d === 101 || d === 69; // 0-9 . + - e E
      while (k < n && inNumber(text.charCodeAt(k))) k++;
      const literal = text.slice(i, k);
      const e = literal.search(/[eE]/);
      const mantissa = literal.slice(literal.charCodeAt(0) === 45 ? 1 : 0, e < 0 ? literal.length : e);
      const value = Number(literal);
      const lost =
        (value === 0 && /[1-9]/.test(mantissa)) || !Number.isFinite(value) || significantDigits(mantissa) > MAX_SIGNIFICANT_DIGITS;
      if (lost && top?.obj && top.row !== null) {
        problems.push({
          row: top.row,
          column: clip(top.lastKey ?? ""),
          message: `${clip(literal, 40)} cannot be read exactly as a number (more than ${MAX_SIGNIFICANT_DIGITS} significant digits, or beyond Excel's range); write the rate as it should appear in Excel.`,
        });
      }
      i = k;
    } else {
      i++;
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Validation of the values
// ---------------------------------------------------------------------------------------------

/** The rows' values checked; the row limit was checked already, before any row was read (cellRecords, jsonRecords). */
function validate(card: AnyRateTable, rows: RawRow[], format: "csv" | "json", earlier: ImportProblem[]): ImportResult {
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

export type CellResult = { value: DecimalText | string | null } | { problem: string };

/** Units a value may carry, per column format, with the factor to the column's unit (own keys only: a Map). */
const UNITS: Readonly<Record<Exclude<ColumnFormat, "text">, ReadonlyMap<string, string>>> = {
  usd: new Map([
    ["", "1"],
    ["usd", "1"],
  ]),
  usd4: new Map([
    ["", "1"],
    ["usd", "1"],
  ]),
  percent: new Map([
    ["", "1"],
    ["%", "0.01"],
  ]),
  gb: new Map([
    ["", "1"],
    ["gb", "1"],
    ["tb", "1000"],
    ["mb", "0.001"],
    ["kb", "0.000001"],
  ]),
  kb: new Map([
    ["", "1"],
    ["kb", "1"],
    ["b", "0.001"],
    ["byte", "0.001"],
    ["bytes", "0.001"],
    ["mb", "1000"],
    ["gb", "1000000"],
  ]),
  days: new Map([
    ["", "1"],
    ["day", "1"],
    ["days", "1"],
  ]),
  weeks: new Map([
    ["", "1"],
    ["week", "1"],
    ["weeks", "1"],
  ]),
  hours: new Map([
    ["", "1"],
    ["h", "1"],
    ["hr", "1"],
    ["hrs", "1"],
    ["hour", "1"],
    ["hours", "1"],
  ]),
  count: new Map([["", "1"]]),
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

// sign, $, number (with thousands commas or plain), unit. Each run of spaces is bounded on both
// sides by a different class, so nothing backtracks; and the text is at most MAX_NUMBER_TEXT long.
const NUMBER_TEXT = /^([+-])?\s*(?:(US\s*\$|\$)\s*)?(\d[\d,]*(?:\.\d*)?|\.\d+)\s*([A-Za-z%]*)$/;

function describeRaw(v: Raw): string {
  if (typeof v === "string") return `"${v.length > 40 ? v.slice(0, 37) + "..." : v}"`;
  return String(v);
}

/** The significant digits of a plain decimal (digits, at most one point): from the first non-zero digit to the last. */
function significantDigits(digits: string): number {
  const isSignificant = (i: number) => digits.charCodeAt(i) >= 49 && digits.charCodeAt(i) <= 57; // 1-9
  let first = 0;
  while (first < digits.length && !isSignificant(first)) first++;
  if (first === digits.length) return 0;
  let last = digits.length - 1;
  while (!isSignificant(last)) last--;
  const point = digits.indexOf(".", first);
  return last - first + 1 - (point >= 0 && point < last ? 1 : 0);
}

/**
 * One value of an Order file, checked against its column's format. Any value longer than a cell
 * of its kind can be is refused first, before it is trimmed or matched.
 */
export function readCell(v: Raw, format: ColumnFormat, nullable: boolean): CellResult {
  if (typeof v === "boolean") return { problem: `expected ${format === "text" ? "text" : EXPECTED[format]}; got ${v ? "TRUE" : "FALSE"}.` };
  if (typeof v === "string" && v.length > MAX_TEXT) {
    return { problem: `is longer than ${MAX_TEXT} characters (${describeRaw(v)}, ${v.length.toLocaleString("en-US")}).` };
  }
  const text = typeof v === "string" ? v.trim() : v;
  if (text === null || text === "") {
    if (format === "text") return { problem: "is empty; expected text." };
    return { problem: `is empty; expected ${EXPECTED[format]}${nullable ? `, or ${NA_TEXT} where the rate does not apply` : ""}.` };
  }
  if (typeof text === "string" && text.includes("\uFFFD")) {
    return { problem: `${describeRaw(text)} holds U+FFFD, the mark of a character that could not be read; save the file as UTF-8.` };
  }
  if (format === "text") {
    const s = String(text);
    // Excel reads a value written as =..., +..., -... as a formula (and CSV injection uses @ too).
    if (/^[=+\-@]/.test(s)) return { problem: `${describeRaw(s)} starts with "${s[0]}", which Excel would read as a formula; write text.` };
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
    if (text.length > MAX_NUMBER_TEXT) {
      return { problem: `expected ${EXPECTED[format]}; got ${describeRaw(text)}, ${text.length.toLocaleString("en-US")} characters long.` };
    }
    const m = NUMBER_TEXT.exec(text);
    if (!m) return { problem: `expected ${EXPECTED[format]}; got ${describeRaw(text)}.` };
    const [, sign, dollar, digits, unitText] = m;
    if (digits.includes(",") && !/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(digits)) {
      return { problem: `${describeRaw(text)}: use a decimal point and commas only between thousands (0.5, 1,250.5).` };
    }
    const plain = digits.replace(/,/g, "");
    if (significantDigits(plain) > MAX_SIGNIFICANT_DIGITS) {
      return {
        problem: `${describeRaw(text)} has more than ${MAX_SIGNIFICANT_DIGITS} significant digits, which Excel cannot hold exactly.`,
      };
    }
    const unit = unitText.toLowerCase();
    const factor = UNITS[format].get(unit);
    const isMoney = format === "usd" || format === "usd4";
    if ((dollar && !isMoney) || factor === undefined) return { problem: `expected ${EXPECTED[format]}; got ${describeRaw(text)}.` };
    amount = new Money(plain).times(factor);
    if (sign === "-") amount = amount.negated();
  }
  if (amount.isNegative() && !amount.isZero()) return { problem: `${describeRaw(v)} is negative; rates cannot be negative.` };
  if (amount.isZero()) amount = new Money(0);
  if (WHOLE.has(format) && !amount.isInteger()) return { problem: `expected ${EXPECTED[format]}; got ${describeRaw(v)}.` };
  if (format === "percent" && amount.greaterThan(1)) {
    return { problem: `${describeRaw(v)} is above 100%; write a percentage such as 10% (or the fraction 0.1).` };
  }
  if (amount.greaterThanOrEqualTo("1e15")) return { problem: `${describeRaw(v)} is too large for a rate.` };
  if (!amount.isZero() && amount.toNumber() === 0) return { problem: `${describeRaw(v)} is too small for Excel to hold.` };
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
  // Each row's key once (null where a key cell is wrong: already reported).
  const keys = rows.map((row) => (cols.some((c) => typeof row[c.key] !== "string") ? null : rowKey(row, cols)));
  if (cols.length > 0) {
    const first = new Map<string, number>();
    keys.forEach((key, i) => {
      if (key === null) return;
      const earlier = first.get(key);
      if (earlier !== undefined)
        problems.push({ row: raws[i].row, column: label, message: `repeats row ${earlier}; each row must be distinct.` });
      else first.set(key, raws[i].row);
    });
  }
  // A row whose key cells are wrong is reported already; it might be the named row.
  const keysReadable = keys.every((k) => k !== null);
  const present = new Set(keys);
  for (const n of names ? (card.names ?? []) : []) {
    if (cols.length === 0) {
      if (rows.length <= n.row)
        problems.push({ row: null, column: null, message: `The workbook name ${n.name} needs at least ${n.row + 1} rows.` });
      continue;
    }
    const key = rowKey(card.rows[n.row], cols);
    if (rows.length > 0 && keysReadable && !present.has(key)) {
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
  const keys = cols.length === 0 ? [] : rows.map((r) => rowKey(r, cols));
  const names = (card.names ?? []).map((n: { name: string; row: number; key: string; description: string }) => ({
    ...n,
    row: cols.length === 0 ? n.row : keys.indexOf(rowKey(card.rows[n.row], cols)),
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
