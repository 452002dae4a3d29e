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
import { describe, Msg, valueError } from "../core/errors";
import { Money, type Money as MoneyT } from "../core/money";
import type { DecimalText } from "../rates/documents";
import { STORAGE_RECORD_SIZES } from "../rates/storage";
import { KB_PER_GB_DIGITS, MAX_SAFE, scaled, wholeCell } from "./units";

export interface RecordType {
  /** Position in STORAGE_RECORD_SIZES. */
  readonly index: number;
  /** The document's name for the type. */
  readonly name: string;
  readonly sizeKb: DecimalText;
  /** The size in units of 10^-SIZE_DIGITS KB, a whole number. */
  readonly units: number;
}

/** Decimal places of the finest record size on the card (2 for 0.07 KB and 0.05 KB). */
export const SIZE_DIGITS: number = STORAGE_RECORD_SIZES.rows.reduce((d, r) => Math.max(d, new Money(r.sizeKb).decimalPlaces()), 0);

/** GB = units x 10^-GB_DIGITS. */
const GB_DIGITS = SIZE_DIGITS + KB_PER_GB_DIGITS;

export const RECORD_TYPES: readonly RecordType[] = Object.freeze(
  STORAGE_RECORD_SIZES.rows.map((r, index) =>
    Object.freeze({
      index,
      name: r.recordType,
      sizeKb: r.sizeKb,
      units: new Money(r.sizeKb).times(new Money(10).pow(SIZE_DIGITS)).toNumber(),
    }),
  ),
);

export const RECORD_TYPE_NAMES: readonly string[] = Object.freeze(RECORD_TYPES.map((t) => t.name));

/** A record type name as looked up: normalizeName, and spaces around "/" made uniform. */
export function recordTypeKey(name: string): string {
  return normalizeName(name).replace(/\s*\/\s*/g, " / ");
}

// Built once: every name and alias of every type, by key.
const BY_KEY: ReadonlyMap<string, RecordType> = (() => {
  const m = new Map<string, RecordType>();
  STORAGE_RECORD_SIZES.rows.forEach((r, i) => {
    for (const n of [r.recordType, ...r.aliases]) m.set(recordTypeKey(n), RECORD_TYPES[i]);
  });
  return m;
})();

/** The record type named `name` (any case, any alias), or #VALUE! listing the known types. */
export function recordType(value: unknown, arg = "record_type"): RecordType {
  const name = cellValue(value, arg);
  if (isBlank(name)) throw valueError(Msg.required(arg, `a record type (one of: ${RECORD_TYPE_NAMES.join(", ")})`));
  if (typeof name !== "string" && typeof name !== "number") throw valueError(Msg.unknownName(arg, describe(name), RECORD_TYPE_NAMES));
  const t = BY_KEY.get(recordTypeKey(String(name)));
  if (!t) throw valueError(Msg.unknownName(arg, String(name), RECORD_TYPE_NAMES));
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
export function dataStorage(recordTypes: Cell[][], counts: Cell[][]): DataStorage {
  assertSameShape(recordTypes, counts, "record_types", "counts");
  // Per type: an exact count, a plain number while below 2^53, carried into a BigInt beyond.
  const small = new Float64Array(RECORD_TYPES.length);
  const big: bigint[] = RECORD_TYPES.map(() => 0n);
  const listed: boolean[] = RECORD_TYPES.map(() => false);
  const order: number[] = [];
  // Type indexes of the names seen in this call, as typed: 100,000 rows have a handful of distinct names.
  const seen = new Map<string, number>();
  for (let r = 0; r < recordTypes.length; r++) {
    const typeRow = recordTypes[r];
    const countRow = counts[r];
    for (let c = 0; c < typeRow.length; c++) {
      const tv = typeRow[c];
      const cv = countRow[c];
      let i = typeof tv === "string" ? seen.get(tv) : undefined;
      // Fast path: a known name and a plain whole number (x % 1 is NaN for ±Infinity and NaN).
      if (i !== undefined && typeof cv === "number" && cv >= 0 && cv % 1 === 0) {
        const s = small[i] + cv;
        if (s <= MAX_SAFE) {
          small[i] = s;
          continue;
        }
      }
      // Everything else: blanks, a name not seen yet, text counts, errors, sums beyond 2^53.
      if (isBlank(tv)) {
        if (isBlank(cv)) continue;
        throw valueError(
          `${cellArg("record_types", r + 1, c + 1)} is empty but its count is ${describe(cv)}; ` +
            `expected a record type (one of: ${RECORD_TYPE_NAMES.join(", ")}), or clear the count.`,
        );
      }
      if (i === undefined) {
        i = recordType(tv, cellArg("record_types", r + 1, c + 1)).index;
        if (typeof tv === "string") seen.set(tv, i);
        if (!listed[i]) {
          listed[i] = true;
          order.push(i);
        }
      }
      if (isBlank(cv)) {
        throw valueError(
          `${cellArg("counts", r + 1, c + 1)} is empty but its record type is "${RECORD_TYPES[i].name}"; ` +
            `expected a whole number of records (0 or more), or clear the type.`,
        );
      }
      const n = typeof cv === "number" && cv >= 0 && cv % 1 === 0 ? cv : wholeCell(cv, "counts", r + 1, c + 1);
      const s = small[i] + n;
      if (s <= MAX_SAFE) small[i] = s;
      else {
        big[i] += BigInt(small[i]) + BigInt(n);
        small[i] = 0;
      }
    }
  }
  let totalCount = 0n;
  let totalUnits = 0n;
  const lines = order.map((i) => {
    const t = RECORD_TYPES[i];
    const count = big[i] + BigInt(small[i]);
    const units = count * BigInt(t.units);
    totalCount += count;
    totalUnits += units;
    return { recordType: t.name, sizeKb: t.sizeKb, count, gb: scaled(units, GB_DIGITS) };
  });
  return { lines, totalCount, gb: scaled(totalUnits, GB_DIGITS) };
}

/** The data storage in GB of `recordTypes` x `counts`: the `gb` of {@link dataStorage}. */
export function dataStorageGb(recordTypes: Cell[][], counts: Cell[][]): MoneyT {
  return dataStorage(recordTypes, counts).gb;
}
