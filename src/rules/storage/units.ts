/**
 * Integer helpers for the storage rules. Sizes are counted as integers (bytes, whole KB, or
 * record sizes in hundredths of a KB) and turned into a decimal once, at the end, so a sum over
 * 100,000 rows is exact and costs one integer addition per row. A sum is a plain number while it
 * stays below 2^53 and is carried into a BigInt beyond, so it never loses a unit.
 *
 * Units are decimal (billing-help, "Kustomer platform storage"): 1 KB = 1000 bytes,
 * 1 MB = 1000 KB, 1 GB = 1000 MB.
 */
import { type Cell, cellValue, toNumber } from "../core/args";
import { Msg, numError } from "../core/errors";
import { Money, type Money as MoneyT, toMoney } from "../core/money";
import { UNITS } from "../rates/documents";

/** Powers of ten between the storage units. */
export const BYTES_PER_KB = 1000;
/**
 * 2^53 - 1 as a module constant: the hot loops compare against it without reading the global
 * `Number` (a global read is slow where the host runs the bundle in a sandboxed context).
 */
export const MAX_SAFE = 9007199254740991;
/** KB in a GB: 1000 x 1000 (decimal units). */
export const KB_PER_GB_DIGITS = 6;

/** The decimal value of `units` x 10^-digits, exactly (no binary floating point). */
export function scaled(units: bigint, digits: number): MoneyT {
  return new Money(`${units}e-${digits}`);
}

/** A whole count as the number Excel receives; a count too large for Excel is #NUM!. */
export function countToExcel(n: bigint): number {
  const v = Number(n);
  if (!Number.isFinite(v)) throw numError(`The total count (${String(n).length} digits) is too large for Excel.`);
  return v;
}

/**
 * Whole KB of a file of `bytes` bytes (a non-negative whole number), rounded up: 1 byte is
 * 1 KB, 1000 bytes 1 KB, 1001 bytes 2 KB. Integer arithmetic only; BigInt beyond 2^53.
 */
export function kbRoundedUp(bytes: number): number | bigint {
  if (bytes <= MAX_SAFE) {
    const rest = bytes % BYTES_PER_KB;
    return (bytes - rest) / BYTES_PER_KB + (rest > 0 ? 1 : 0);
  }
  const b = BigInt(bytes);
  const k = BigInt(BYTES_PER_KB);
  return (b + k - 1n) / k;
}

/**
 * A non-blank cell that must hold a whole number, 0 or more (a count, a size in bytes): a number,
 * or numeric text read as Excel reads it ("1,200"); a fraction or a negative is #NUM!, anything
 * else #VALUE!, naming `arg (row r, column c)`.
 */
export function wholeCell(v: Cell, arg: string, row: number, col: number): number {
  const name = `${arg} (row ${row}, column ${col})`;
  const n = toNumber(v, name);
  if (!Number.isInteger(n)) throw numError(Msg.notInteger(name, n));
  if (n < 0) throw numError(Msg.negative(name, String(n)));
  return n;
}

/** GB in one of each unit a size may be written in: the rate tables' own (decimal units). */
const GB_PER_UNIT = UNITS.gb;
// A number (as Excel reads typed numbers: sign, thousands commas, decimals) and a unit, matched
// on the trimmed text. Each run is followed by a character it cannot take (spaces by a digit, a
// point or a letter; digits by a point, a space or a letter), so a failed match gives back each
// character once: linear. (The old form began `^\s*[+-]?\s*`, two runs of spaces with nothing
// between them when there is no sign: it tried every split of a blank text, and 32,767 spaces
// cost a second.)
const SIZE_TEXT = /^([+-]?)\s*(\d[\d,]*(?:\.\d*)?|\.\d+)\s*([A-Za-z]{2})$/;

/**
 * A size in GB (STORAGEOVERAGE's used and allowance): a number, numeric text, or text with a
 * unit as the rate tables accept it: "45.3 GB" is 45.3, "500 MB" 0.5, "1.2 TB" 1200, "800 KB"
 * 0.0008. The number is read exactly (as text, not through a double), then scaled. Anything
 * else gets `toMoney`'s checks and messages.
 */
export function toGb(v: unknown, arg: string, expected: string): MoneyT {
  const plain = cellValue(v, arg);
  if (typeof plain === "string") {
    const m = SIZE_TEXT.exec(plain.trim());
    const factor = m ? GB_PER_UNIT.get(m[3].toLowerCase()) : undefined;
    if (m && factor !== undefined) return toMoney(m[1] + m[2], arg, { expected }).times(factor);
  }
  return toMoney(plain, arg, { expected });
}
