/**
 * An Order's own rates for a rate card, read from a file in the card's shape (any format of
 * ./formats), and validated in full: columns, types, units, no negative rates. The result is all
 * or nothing: either a rate table in the card's shape (same id, columns and workbook names) or
 * the list of every problem found, each with its row and column. Pure: the task pane reads the
 * file and writes the table; this module decides whether the file is acceptable.
 *
 * Rows are numbered as a user finds them: in a CSV, as Excel numbers the rows when it opens the
 * file (the header is row 1, the first rates row 2); in JSON, the first object is row 1.
 *
 * Every step is linear in the size of the file, and no regular expression sees a value longer
 * than a few hundred characters: a 1 MB file of any shape is judged in milliseconds (measured in
 * `npm run bench`). The same checks read a 2-D array of cell values (`importOrderGrid`), such as
 * a range passed to a function.
 */
import { type AnyRateTable, type DecimalText, type RateColumn, rateTable } from "../rules/rates/documents";
import { formatOf } from "./formats";
import { MAX_ORDER_FILE_CHARS } from "./limits";
import type { ImportProblem } from "./problems";
import { cellRecords, type Raw, type RawRow } from "./records";
import { keyColumns, rowKey, validateRows } from "./validate";

/** A row of an imported Order: text, exact decimal text for rates, null for "n/a". */
export type OrderRow = Readonly<Record<string, DecimalText | string | null>>;

export type ImportResult =
  | { readonly ok: true; readonly table: AnyRateTable; readonly format: string; readonly rowCount: number }
  | { readonly ok: false; readonly problems: readonly ImportProblem[] };

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
 * Reads an Order file for `card`. The format (./formats) comes from the file name (.csv or
 * .json), or from the text when the name says neither (JSON starts with [ or {).
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
  const format = formatOf(fileName, body);
  const records = format.records(card, body);
  if (records.fatal) return fail(records.problems);
  return validate(card, records.rows, format.name, records.problems);
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

function fail(problems: ImportProblem[]): ImportResult {
  return { ok: false, problems };
}

/** The rows' values checked; the row limit was checked already, before any row was read (cellRecords, jsonRecords). */
function validate(card: AnyRateTable, rows: RawRow[], format: string, earlier: ImportProblem[]): ImportResult {
  const checked = validateRows(card, rows, earlier, { names: true });
  if (!checked.ok) return fail([...checked.problems]);
  return { ok: true, table: orderTable(card, checked.rows), format, rowCount: checked.rows.length };
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
