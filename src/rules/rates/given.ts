/**
 * An Order's own rates given to a formula: the `rates` argument, a range holding a rate card's
 * table as the task pane writes it (with its header row, as `Kustomer_StorageAllocation[#All]`
 * passes it, or without, as `Kustomer_StorageAllocation` passes it; or typed by hand in the same
 * column order), rows in any order.
 *
 * The range is read by the Order import's validator (./order-import: the same cells, units, n/a
 * and row checks), then compiled by the rule family into what its lookups need. Excel passes the
 * range again on every call, so a table is parsed once per distinct content: a small cache, keyed
 * by a cheap fingerprint of the cells and confirmed cell by cell, keeps the last tables read.
 * Building the fingerprint is linear in the cells, and a range far larger than any card is
 * refused before it is read.
 */
import { describe, naError, RuleError, valueError } from "../core/errors";
import type { DecimalText } from "./documents";
import { cellRecords, type ImportProblem, type Raw, validateRows } from "./order-import";
import type { AnyRateTable } from "./sheet-layout";

/** A range with more rows than this is not a rate card (the largest card has a dozen). */
export const MAX_RATES_ROWS = 1000;
/** Nor with more columns than this (the widest card has 16). */
export const MAX_RATES_COLUMNS = 64;
/** Distinct tables kept parsed, across all cards; the least recently used goes first. */
export const RATES_CACHE_SIZE = 64;

/** The rows of a given table, validated: text, exact decimal text for rates, null for n/a. */
export interface GivenRows {
  readonly rows: ReadonlyArray<Readonly<Record<string, DecimalText | string | null>>>;
  /** Each row's number in the range (1-based, the header row counted), for messages. */
  readonly rowNumbers: readonly number[];
}

/** The message of a `rates` problem: `rates row 3, "Default data (GB)": expected ...`. */
export function ratesProblem(arg: string, p: ImportProblem): string {
  const where = [p.row === null ? null : `row ${p.row}`, p.column === null ? null : `"${p.column}"`].filter((s) => s !== null);
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
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const P = 0x01000193;

/**
 * The range's rows, checked for size and cell types, and its fingerprint: a 32-bit hash of the
 * shape, each number's bits and each text's length and first, middle and last characters.
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
        F64[0] = x;
        h = imul(imul(h ^ U32[0], P) ^ U32[1], P);
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

/** True when two ranges hold the same cells (blank as null or undefined alike). */
function sameCells(a: readonly (readonly unknown[])[], b: readonly (readonly unknown[])[]): boolean {
  if (a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) {
    const x = a[r];
    const y = b[r];
    if (x.length !== y.length) return false;
    for (let c = 0; c < x.length; c++) {
      const u = x[c];
      const w = y[c];
      if (u !== w && !((u === null || u === undefined) && (w === null || w === undefined))) return false;
    }
  }
  return true;
}

interface Entry {
  readonly card: string;
  readonly compile: unknown;
  readonly cells: readonly (readonly unknown[])[];
  readonly value: unknown;
  readonly error: RuleError | undefined;
}

/** The cache: fingerprint -> entry, in least- to most-recently used order (a Map keeps insertion order). */
const CACHE = new Map<number, Entry>();

/** Empties the cache (for tests). */
export function clearRatesCache(): void {
  CACHE.clear();
}

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

/**
 * The compiled rates of a table given as `rates` for `card`. `compile` turns the validated rows
 * into what the rule's lookups need (and may throw #VALUE! for a table its rule cannot use);
 * its result, or its error, is cached by the table's content, per card and compile function.
 */
export function givenRates<T>(card: AnyRateTable, v: unknown, compile: (given: GivenRows) => T, arg = "rates"): T {
  const { rows, fp } = shapeAndFingerprint(v, arg, card, cardSeed(card.id));
  const hit = CACHE.get(fp);
  if (hit !== undefined && hit.card === card.id && hit.compile === compile && sameCells(hit.cells, rows)) {
    // Most recently used: move to the end (cheap when it is already there, the common case).
    if (CACHE.size > 1) {
      CACHE.delete(fp);
      CACHE.set(fp, hit);
    }
    if (hit.error !== undefined) throw hit.error;
    return hit.value as T;
  }
  let value: unknown;
  let error: RuleError | undefined;
  try {
    value = compile(readGivenRows(card, rows, arg));
  } catch (e) {
    if (!(e instanceof RuleError)) throw e;
    error = e;
  }
  CACHE.delete(fp);
  if (CACHE.size >= RATES_CACHE_SIZE) CACHE.delete(CACHE.keys().next().value as number);
  CACHE.set(fp, { card: card.id, compile, cells: rows.map((r) => r.slice()), value, error });
  if (error !== undefined) throw error;
  return value as T;
}

/** #N/A-style message for a name a given table lacks. */
export function notInGivenRates(arg: string, got: string, held: readonly string[]): string {
  return `${arg} "${got}" is not in the given rates; they hold: ${held.join(", ")}.`;
}

/** Names to look up in a given table: each name's key, and the names to list in a message. */
export interface GivenChoices<T> {
  readonly index: ReadonlyMap<string, T>;
  /** The table's own names, in its order. */
  readonly names: readonly string[];
  readonly key: (s: string) => string;
}

/**
 * Builds the lookup of a given table's names: each entry's names by `key`; the first entry to
 * claim a key keeps it (an entry's own name is listed before the built-in aliases it takes).
 */
export function givenChoices<T>(
  entries: ReadonlyArray<{ readonly names: readonly string[]; readonly value: T }>,
  key: (s: string) => string,
): GivenChoices<T> {
  const index = new Map<string, T>();
  for (const e of entries) for (const n of e.names) if (!index.has(key(n))) index.set(key(n), e.value);
  return { index, names: entries.map((e) => e.names[0]), key };
}

/**
 * A name looked up in a given table: blank or not text is #VALUE!; a name the table lacks is
 * #N/A, "not in the given rates", listing what it holds.
 */
export function lookupGiven<T>(v: unknown, arg: string, choices: GivenChoices<T>): T {
  if (v === null || v === undefined || v === "") throw valueError(`${arg} is required: expected one of: ${choices.names.join(", ")}.`);
  if (typeof v !== "string" && typeof v !== "number") throw valueError(`${arg} must be text; got ${describe(v)}.`);
  const found = choices.index.get(choices.key(String(v)));
  if (found === undefined) throw naError(notInGivenRates(arg, String(v), choices.names));
  return found;
}
