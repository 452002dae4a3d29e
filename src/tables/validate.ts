/**
 * The one validator of a card's rows read from outside, for an Order's file and for a formula's
 * `rates` range: each cell (./cell), then the rows together: no repeated key, the rows the
 * workbook names point at, the card's fixed choices, bands without a gap or an overlap.
 */
import { normalizeName } from "../rules/core/args";
import { Money } from "../rules/core/money";
import { type AnyRateTable, type DecimalText, NA_TEXT, type RateColumn } from "../rules/rates/documents";
import { choiceKey } from "../rules/rates/given";
import { describeRaw, readCell } from "./cell";
import { type ImportProblem, sortProblems } from "./problems";
import type { RawRow } from "./records";

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

function noRows(card: AnyRateTable, rows: readonly RawRow[], noun: string): ImportProblem[] {
  return rows.length === 0
    ? [{ row: null, column: null, message: `The ${noun} has no rates: expected at least one row under the header of "${card.title}".` }]
    : [];
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

export function rowKey(row: Record<string, unknown>, cols: RateColumn<unknown>[]): string {
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

function choiceProblems(card: AnyRateTable, raws: readonly RawRow[], rows: Record<string, unknown>[]): ImportProblem[] {
  const problems: ImportProblem[] = [];
  // The card's fixed choices (RateTable.choices), by column key.
  const choices: Readonly<Record<string, readonly string[] | undefined>> = card.choices ?? {};
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
 * The rows of a card whose rows are bands of a measure (RateTable.bands): each row from a bound
 * to a bound, together covering the measure without overlap or gap. "continuous": [from, below),
 * n/a for no bound at either end (the SLA credit bands over 0% to 100%); "whole": from..to, both
 * included, each band starting one after the last ends (the data migration sizes).
 */
function bandProblems(card: AnyRateTable, raws: readonly RawRow[], rows: Record<string, unknown>[]): ImportProblem[] {
  const spec = card.bands;
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
