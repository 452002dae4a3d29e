/**
 * An Order's own rates given to a formula: the `rates` argument, a range holding a rate card's
 * table as the task pane writes it (with its header row, as `Kustomer_StorageAllocation[#All]`
 * passes it, or without, as `Kustomer_StorageAllocation` passes it; or typed by hand in the same
 * column order), rows in any order.
 *
 * The range is read by the Order import's validator (./records and ./validate: the same cells, units, n/a
 * and row checks), then compiled by the rule family into what its lookups need. Excel passes the
 * range again on every call, so a table is parsed once per distinct content: a small cache, keyed
 * by a cheap fingerprint of the cells and confirmed cell by cell, keeps the last tables read.
 * Building the fingerprint is linear in the cells, and a range far larger than any card is
 * refused before it is read.
 */
import { describe, quote, RuleError, valueError } from "../rules/core/errors";
import type { AnyRateTable } from "../rules/rates/documents";
import type { GivenRows } from "../rules/rates/given";
import type { ImportProblem } from "./problems";
import { cellRecords, type Raw } from "./records";
import { validateRows } from "./validate";

/** A range with more rows than this is not a rate card (the largest card has a dozen). */
export const MAX_RATES_ROWS = 1000;
/** Nor with more columns than this (the widest card has 16). */
export const MAX_RATES_COLUMNS = 64;
/** Distinct tables kept parsed, across all cards; the least recently used goes first. */
export const RATES_CACHE_SIZE = 64;

/** The message of a `rates` problem: `rates row 3, "Default data (GB)": expected ...`. */
export function ratesProblem(arg: string, p: ImportProblem): string {
  const where = [p.row === null ? null : `row ${p.row}`, p.column === null ? null : quote(p.column)].filter((s) => s !== null);
  return `${arg}${where.length > 0 ? ` ${where.join(", ")}` : ""}: ${p.message}`;
}

/** #VALUE! for a table with problems: the first in full, and how many more. */
function tableError(arg: string, problems: readonly ImportProblem[]): RuleError {
  const more = problems.length - 1;
  const first = ratesProblem(arg, problems[0]).replace(/\.$/, "");
  return valueError(`${first}${more > 0 ? ` (and ${more} more problem${more === 1 ? "" : "s"} in the table)` : ""}.`);
}

// Read once: in a sandboxed host every global read is slow, and these run per cell.
const isArray = Array.isArray;
const imul = Math.imul;
const P = 0x01000193;

/**
 * The range's rows, checked for size and cell types, and its fingerprint: a 32-bit hash of the
 * shape, each number (scaled to 32 bits) and each text's length and first, middle and last characters.
 * Linear in the cells, and bounded: a range above the limits is refused before it is read.
 */
function shapeAndFingerprint(v: unknown, arg: string, card: AnyRateTable, cardSeed: number): { rows: unknown[][]; fp: number } {
  if (!isArray(v))
    throw valueError(`${arg} must be a range holding the table ${card.id} (with or without its header row); got ${describe(v)}.`);
  const rows: unknown[][] = isArray(v[0]) || v.length === 0 ? (v as unknown[][]) : [v as unknown[]];
  const n = rows.length;
  if (n > MAX_RATES_ROWS) {
    throw valueError(`${arg} has ${n} rows; a rate card has at most ${MAX_RATES_ROWS}: pass the table ${card.id}, not a whole column.`);
  }
  let h = imul(cardSeed ^ n, P);
  for (let r = 0; r < n; r++) {
    const row = rows[r];
    if (!isArray(row)) throw valueError(`${arg} must be a range (rows of cells); row ${r + 1} is not a row.`);
    const m = row.length;
    if (m > MAX_RATES_COLUMNS) {
      throw valueError(`${arg} has ${m} columns; a rate card has at most ${MAX_RATES_COLUMNS}: pass the table ${card.id}, not whole rows.`);
    }
    h = imul(h ^ m, P);
    for (let c = 0; c < m; c++) {
      const x: unknown = row[c];
      if (typeof x === "number") {
        // ToInt32 of x times a large odd constant: cheap, and different for nearby rates (0.1, 0.15).
        h = imul(h ^ ((x * 2654435761) | 0), P);
      } else if (typeof x === "string") {
        const len = x.length;
        h = imul(h ^ len, P);
        if (len > 0) h = imul(imul(imul(h ^ x.charCodeAt(0), P) ^ x.charCodeAt(len >> 1), P) ^ x.charCodeAt(len - 1), P);
      } else if (x === null || x === undefined) {
        h = imul(h ^ 0x9e3779b9, P);
      } else if (typeof x === "boolean") {
        h = imul(h ^ (x ? 0x51 : 0x50), P);
      } else {
        throw valueError(`${arg} row ${r + 1}, column ${c + 1}: holds ${describe(x)}, not a number or text; fix the cell.`);
      }
    }
  }
  return { rows, fp: h };
}

/** A table read before: its cells (flattened, row by row, with each row's length), and what it compiled to. */
interface Entry {
  readonly card: string;
  readonly compile: unknown;
  readonly flat: readonly unknown[];
  readonly lengths: readonly number[];
  readonly value: unknown;
  readonly error: RuleError | undefined;
}

/**
 * True when a range holds the same cells as a table read before (blank as null or undefined
 * alike). One pass over the table read before, which is within the limits: the range is not
 * read past them.
 */
function sameCells(e: Entry, b: unknown): boolean {
  if (!isArray(b)) return false;
  const lengths = e.lengths;
  const n = lengths.length;
  if (b.length !== n) return false;
  const flat = e.flat;
  let k = 0;
  for (let r = 0; r < n; r++) {
    const y: unknown = b[r];
    if (!isArray(y)) return false;
    const m = lengths[r];
    if (y.length !== m) return false;
    for (let c = 0; c < m; c++, k++) {
      const u = flat[k];
      const w: unknown = y[c];
      if (u !== w && !(u === null && (w === null || w === undefined))) return false;
    }
  }
  return true;
}

/** The cache: fingerprint -> entry, in least- to most-recently used order (a Map keeps insertion order). */
const CACHE = new Map<number, Entry>();
/** Each reader's last table, for {@link givenRates} (the rules' readers keep their own). */
const LAST = new Map<unknown, Entry>();

/** Empties the cache (for tests). */
export function clearRatesCache(): void {
  CACHE.clear();
  LAST.clear();
  generation++;
}
let generation = 0;

/** How many tables the cache holds (for tests). */
export function ratesCacheSize(): number {
  return CACHE.size;
}

const CARD_SEEDS = new Map<string, number>();
function cardSeed(id: string): number {
  let s = CARD_SEEDS.get(id);
  if (s === undefined) {
    s = 0x811c9dc5;
    for (let i = 0; i < id.length; i++) s = imul(s ^ id.charCodeAt(i), P);
    CARD_SEEDS.set(id, s);
  }
  return s;
}

/**
 * Reads the rows of a table given as `rates` for `card`: validated as the Order import
 * validates a file (#VALUE! naming the row and column of the first problem). No parse, no cache.
 */
export function readGivenRows(card: AnyRateTable, rows: readonly (readonly unknown[])[], arg = "rates"): GivenRows {
  const cells = rows.map((r) => r.map((x) => (x === undefined ? null : (x as Raw))));
  const records = cellRecords(card, cells, [], { header: "optional" });
  if (records.fatal) throw tableError(arg, records.problems);
  const checked = validateRows(card, records.rows, records.problems, { names: false, noun: "range" });
  if (!checked.ok) throw tableError(arg, checked.problems);
  return { rows: checked.rows, rowNumbers: checked.rowNumbers };
}

/** The cache entry of a range: found by fingerprint and confirmed cell by cell, or read, compiled and added. */
function entryOf(card: AnyRateTable, v: unknown, compile: (given: GivenRows) => unknown, arg: string): Entry {
  const { rows, fp } = shapeAndFingerprint(v, arg, card, cardSeed(card.id));
  const hit = CACHE.get(fp);
  if (hit !== undefined && hit.card === card.id && hit.compile === compile && sameCells(hit, rows)) {
    // Most recently used: move to the end.
    CACHE.delete(fp);
    CACHE.set(fp, hit);
    return hit;
  }
  let value: unknown;
  let error: RuleError | undefined;
  try {
    value = compile(readGivenRows(card, rows, arg));
  } catch (e) {
    if (!(e instanceof RuleError)) throw e;
    error = e;
  }
  const flat: unknown[] = [];
  for (const r of rows) for (const x of r) flat.push(x === undefined ? null : x);
  const entry: Entry = { card: card.id, compile, flat, lengths: rows.map((r) => r.length), value, error };
  CACHE.delete(fp);
  if (CACHE.size >= RATES_CACHE_SIZE) CACHE.delete(CACHE.keys().next().value as number);
  CACHE.set(fp, entry);
  return entry;
}

function use(entry: Entry): unknown {
  if (entry.error !== undefined) throw entry.error;
  return entry.value;
}

/**
 * The compiled rates of a table given as `rates` for `card`. `compile` turns the validated rows
 * into what the rule's lookups need (and may throw #VALUE! for a table its rule cannot use);
 * its result, or its error, is cached by the table's content, per card and compile function.
 */
export function givenRates<T>(card: AnyRateTable, v: unknown, compile: (given: GivenRows) => T, arg = "rates"): T {
  const last = LAST.get(compile);
  if (last !== undefined && sameCells(last, v)) return use(last) as T;
  const entry = entryOf(card, v, compile, arg);
  LAST.set(compile, entry);
  return use(entry) as T;
}

/**
 * A reader of `rates` for one card and rule: {@link givenRates}, which first compares the range
 * with the table it read last. A recalculation passes one table to a whole column of formulas,
 * so most calls cost one pass over the cells, without a fingerprint or a lookup.
 */
export function givenRatesReader<T>(card: AnyRateTable, compile: (given: GivenRows) => T): (v: unknown, arg?: string) => T {
  let last: Entry | undefined;
  let seen = generation;
  return (v: unknown, arg = "rates"): T => {
    if (last !== undefined && seen === generation && sameCells(last, v)) return use(last) as T;
    last = entryOf(card, v, compile, arg);
    seen = generation;
    return use(last) as T;
  };
}
