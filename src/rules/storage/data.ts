/**
 * Data storage (billing-help, "Storage categories: Data storage"): the sum over record types of
 * the count of records x the storage size of one record, in decimal GB (1 GB = 10^6 KB).
 *
 * Sizes come from STORAGE_RECORD_SIZES and are counted as integers in units of 10^-SIZE_DIGITS KB
 * (hundredths of a KB for the built-in card: an event is 7 units), so a sum over any number of
 * rows is an integer sum; the one decimal conversion is units x 10^-(SIZE_DIGITS + 6) GB.
 *
 * Input, as Excel gives it: a range of record type names and a range of counts, of the same
 * shape. Names are case-insensitive and take the card's aliases ("Event", "Audit Log" and
 * "Event / Audit Log" are one type). Decisions where the document is silent:
 * - a row whose type and count are both blank is skipped;
 * - a type with a blank count, or a count with a blank type, is #VALUE! naming the cell (a
 *   half-filled row is a mistake in the sheet, not a zero);
 * - counts are whole and non-negative (a fraction or a negative is #NUM!); numeric text
 *   ("1,200") is read as Excel reads it, TRUE/FALSE is #VALUE!;
 * - the working lists one row per record type, in the order the types first appear; a type
 *   given on several rows (or under two names, such as Event and Audit Log) is one row.
 */
import { type Cell, assertSameShape, cellValue, isBlank, normalizeName } from "../core/args";
import { describe, Msg, naError, valueError } from "../core/errors";
import { type GivenRows, notInGivenRates } from "../rates/given";
import { Money, type Money as MoneyT, toExcelNumber } from "../core/money";
import type { DecimalText } from "../rates/documents";
import { STORAGE_RECORD_SIZES } from "../rates/storage";
import { KB_PER_GB_DIGITS, scaled, wholeCell } from "./units";

export interface RecordType {
  /** Position in its table. */
  readonly index: number;
  /** The table's name for the type. */
  readonly name: string;
  readonly sizeKb: DecimalText;
  /** The size in units of 10^-digits KB (the table's finest size sets digits), a whole number. */
  readonly units: number;
  /** The same, exact whatever its size. */
  readonly unitsBig: bigint;
}

/** A table of record sizes as the rule reads it: the built-in card, or an Order's given as `rates`. */
export interface RecordSizes {
  readonly types: readonly RecordType[];
  /** Every name and alias, by {@link recordTypeKey}. */
  readonly byKey: ReadonlyMap<string, RecordType>;
  /** Every name and alias exactly as written, for the common cell that holds one as is. */
  readonly exact: ReadonlyMap<string, RecordType>;
  readonly names: readonly string[];
  /** GB = units x 10^-gbDigits. */
  readonly gbDigits: number;
  /** True for an Order's table: a name it lacks is #N/A ("not in the given rates"). */
  readonly given: boolean;
}

/** A record type name as looked up: normalizeName, and spaces around "/" made uniform. */
export function recordTypeKey(name: string): string {
  return normalizeName(name).replace(/\s*\/\s*/g, " / ");
}

/**
 * Compiles rows of record types and sizes. Each row's own name is looked up first; a row that
 * names a built-in type (by its name or an alias) also takes that type's other names.
 */
function recordSizes(
  rows: ReadonlyArray<{ readonly recordType: string; readonly sizeKb: DecimalText; readonly aliases?: readonly string[] }>,
  given: boolean,
  builtIn: ReadonlyMap<string, readonly string[]> | null,
  rowNumbers?: readonly number[],
): RecordSizes {
  const digits = rows.reduce((d, r) => Math.max(d, new Money(r.sizeKb).decimalPlaces()), 0);
  const scale = new Money(10).pow(digits);
  const types: RecordType[] = rows.map((r, index) => {
    const units = new Money(r.sizeKb).times(scale);
    return Object.freeze({ index, name: r.recordType, sizeKb: r.sizeKb, units: units.toNumber(), unitsBig: BigInt(units.toFixed(0)) });
  });
  const byKey = new Map<string, RecordType>();
  types.forEach((t, i) => {
    const key = recordTypeKey(t.name);
    const other = byKey.get(key);
    if (other !== undefined && rowNumbers) {
      throw valueError(
        `rates row ${rowNumbers[i]}, "Record type": "${t.name}" names the same type as row ${rowNumbers[other.index]} ("${other.name}").`,
      );
    }
    byKey.set(key, t);
  });
  types.forEach((t, i) => {
    const aliases = rows[i].aliases ?? builtIn?.get(recordTypeKey(t.name)) ?? [];
    for (const n of aliases) {
      const key = recordTypeKey(n);
      if (!byKey.has(key)) byKey.set(key, t);
    }
  });
  const exact = new Map<string, RecordType>();
  types.forEach((t, i) => {
    for (const n of [t.name, ...(rows[i].aliases ?? builtIn?.get(recordTypeKey(t.name)) ?? [])]) {
      if (byKey.get(recordTypeKey(n)) === t && !exact.has(n)) exact.set(n, t);
    }
  });
  return Object.freeze({
    types: Object.freeze(types),
    byKey,
    exact,
    names: Object.freeze(types.map((t) => t.name)),
    gbDigits: digits + KB_PER_GB_DIGITS,
    given,
  });
}

/** The built-in card, compiled once. */
export const BUILT_IN_RECORD_SIZES: RecordSizes = recordSizes(STORAGE_RECORD_SIZES.rows, false, null);

/** Every name of each built-in type (its name and aliases), by the key of any of them. */
const BUILT_IN_NAMES: ReadonlyMap<string, readonly string[]> = (() => {
  const m = new Map<string, readonly string[]>();
  for (const r of STORAGE_RECORD_SIZES.rows) {
    const names = [r.recordType, ...r.aliases];
    for (const n of names) m.set(recordTypeKey(n), names);
  }
  return m;
})();

export const compileRecordSizes = (g: GivenRows): RecordSizes =>
  recordSizes(
    g.rows.map((r) => ({ recordType: r.recordType as string, sizeKb: r.sizeKb as string })),
    true,
    BUILT_IN_NAMES,
    g.rowNumbers,
  );

/** Decimal places of the finest record size on the card (2 for 0.07 KB and 0.05 KB). */
export const SIZE_DIGITS: number = BUILT_IN_RECORD_SIZES.gbDigits - KB_PER_GB_DIGITS;

export const RECORD_TYPES: readonly RecordType[] = BUILT_IN_RECORD_SIZES.types;

export const RECORD_TYPE_NAMES: readonly string[] = BUILT_IN_RECORD_SIZES.names;

/** The record type named `name` (any case, any alias), or #VALUE! listing the known types (#N/A for a name a given table lacks). */
export function recordType(value: unknown, arg = "record_type", sizes: RecordSizes = BUILT_IN_RECORD_SIZES): RecordType {
  const name = cellValue(value, arg);
  if (isBlank(name)) throw valueError(Msg.required(arg, `a record type (one of: ${sizes.names.join(", ")})`));
  if (typeof name !== "string" && typeof name !== "number") throw valueError(Msg.unknownName(arg, describe(name), sizes.names));
  const t = (typeof name === "string" ? sizes.exact.get(name) : undefined) ?? sizes.byKey.get(recordTypeKey(String(name)));
  if (!t) {
    if (sizes.given) throw naError(notInGivenRates(arg, String(name), sizes.names));
    throw valueError(Msg.unknownName(arg, String(name), sizes.names));
  }
  return t;
}

export interface DataStorageLine {
  readonly recordType: string;
  readonly sizeKb: DecimalText;
  /** Records of this type, summed over every row that names it. */
  readonly count: bigint;
  /** count x size, in GB, exact. */
  readonly gb: MoneyT;
}

export interface DataStorage {
  /** One line per record type, in the order the types first appear. */
  readonly lines: readonly DataStorageLine[];
  readonly totalCount: bigint;
  /** The data storage in GB, exact. */
  readonly gb: MoneyT;
}

const cellArg = (arg: string, row: number, col: number) => `${arg} (row ${row}, column ${col})`;

/**
 * The data storage of `recordTypes` x `counts` (two ranges of the same shape), with one line per
 * record type. Throws #VALUE! for an unknown type, a half-filled row or ranges of different
 * shapes, #NUM! for a negative or fractional count.
 */
export function dataStorage(recordTypes: Cell[][], counts: Cell[][], sizes: RecordSizes = BUILT_IN_RECORD_SIZES): DataStorage {
  const tallied = tally(recordTypes, counts, sizes);
  let totalCount = 0n;
  let totalUnits = 0n;
  const lines = tallied.order.map((i) => {
    const t = sizes.types[i];
    const count = tallied.counts[i];
    const units = count * t.unitsBig;
    totalCount += count;
    totalUnits += units;
    return { recordType: t.name, sizeKb: t.sizeKb, count, gb: scaled(units, sizes.gbDigits) };
  });
  return { lines, totalCount, gb: scaled(totalUnits, sizes.gbDigits) };
}

/** {@link dataStorage} with each GB as the double nearest the exact value (what a cell receives). */
export interface DataStorageNumbers {
  readonly lines: ReadonlyArray<{ readonly recordType: string; readonly sizeKb: DecimalText; readonly count: bigint; readonly gb: number }>;
  readonly totalCount: bigint;
  readonly gb: number;
}

/** The data storage as numbers for a cell: {@link dataStorage} with each GB as the double nearest the exact value. */
export function dataStorageNumbers(
  recordTypes: Cell[][],
  counts: Cell[][],
  sizes: RecordSizes = BUILT_IN_RECORD_SIZES,
): DataStorageNumbers {
  const d = dataStorage(recordTypes, counts, sizes);
  return { lines: d.lines.map((l) => ({ ...l, gb: toExcelNumber(l.gb) })), totalCount: d.totalCount, gb: toExcelNumber(d.gb) };
}

/** The records of each type (by index, exact) and the order the types first appear in. */
interface Tally {
  readonly order: number[];
  readonly counts: bigint[];
}

/** The records of each type in `recordTypes` x `counts`, exact, and the order the types first appear in. */
function tally(recordTypes: Cell[][], counts: Cell[][], sizes: RecordSizes): Tally {
  assertSameShape(recordTypes, counts, "record_types", "counts");
  const types = sizes.types;
  const NAMES = sizes.names;
  const total: bigint[] = types.map(() => 0n);
  const listed: boolean[] = types.map(() => false);
  const order: number[] = [];
  // Type indexes of the names seen in this call, as typed: 100,000 rows have a handful of distinct names.
  const seen = new Map<string, number>();
  for (let r = 0; r < recordTypes.length; r++) {
    const typeRow = recordTypes[r];
    const countRow = counts[r];
    for (let c = 0; c < typeRow.length; c++) {
      const tv = typeRow[c];
      const cv = countRow[c];
      if (isBlank(tv)) {
        if (isBlank(cv)) continue;
        throw valueError(
          `${cellArg("record_types", r + 1, c + 1)} is empty but its count is ${describe(cv)}; ` +
            `expected a record type (one of: ${NAMES.join(", ")}), or clear the count.`,
        );
      }
      let i = typeof tv === "string" ? seen.get(tv) : undefined;
      if (i === undefined) {
        i = recordType(tv, cellArg("record_types", r + 1, c + 1), sizes).index;
        if (typeof tv === "string") seen.set(tv, i);
        if (!listed[i]) {
          listed[i] = true;
          order.push(i);
        }
      }
      if (isBlank(cv)) {
        throw valueError(
          `${cellArg("counts", r + 1, c + 1)} is empty but its record type is "${types[i].name}"; ` +
            `expected a whole number of records (0 or more), or clear the type.`,
        );
      }
      total[i] += BigInt(wholeCell(cv, "counts", r + 1, c + 1));
    }
  }
  return { order, counts: total };
}

/**
 * The data storage in GB of `recordTypes` x `counts`: the `gb` of {@link dataStorage}, the one
 * decimal made from the sum of every type's units (no line is made).
 */
export function dataStorageGb(recordTypes: Cell[][], counts: Cell[][], sizes: RecordSizes = BUILT_IN_RECORD_SIZES): MoneyT {
  const { order, counts: n } = tally(recordTypes, counts, sizes);
  return scaled(
    order.reduce((units, i) => units + n[i] * sizes.types[i].unitsBig, 0n),
    sizes.gbDigits,
  );
}
