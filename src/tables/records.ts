/**
 * A table's rows from a 2-D array of cells (a CSV file's records, a range's values): the header
 * matched to the card's columns (case and spacing aside), each row numbered as the user finds it,
 * blank rows skipped. The one reader of cells behind the CSV import and a formula's `rates`
 * range; the JSON reader (formats/json.ts) yields the same records.
 */
import { normalizeName } from "../rules/core/args";
import type { AnyRateTable, RateColumn } from "../rules/rates/documents";
import { MAX_HEADER, MAX_ORDER_ROWS, tooManyRows } from "./limits";
import type { ImportProblem } from "./problems";

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

export function fatal(problems: ImportProblem[]): Records {
  return { rows: [], problems, fatal: true };
}

/** The card's columns, quoted, for a message: "Plan", "Data (GB)". */
export function columnsList(card: AnyRateTable): string {
  return card.columns.map((c: RateColumn<unknown>) => `"${c.header}"`).join(", ");
}

/** The card's column a header (or JSON key) names: its header or its key, case and spacing aside. */
export function columnFor(card: AnyRateTable, name: string): RateColumn<unknown> | undefined {
  if (name.length > MAX_HEADER) return undefined; // no column has such a name; normalizeName never sees it
  const n = normalizeName(name);
  return card.columns.find((c: RateColumn<unknown>) => normalizeName(c.header) === n || normalizeName(c.key) === n);
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
