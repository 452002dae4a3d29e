/**
 * Integer helpers for the storage rules. Sizes are counted as integers (bytes, whole KB, or
 * record sizes in hundredths of a KB) and turned into a decimal once, at the end, so a sum over
 * 100,000 rows is exact and costs one integer addition per row.
 *
 * Units are decimal (billing-help, "Kustomer platform storage"): 1 KB = 1000 bytes,
 * 1 MB = 1000 KB, 1 GB = 1000 MB.
 */
import { Money, type Money as MoneyT } from "../core/money";
import { numError } from "../core/errors";

/** Powers of ten between the storage units. */
export const BYTES_PER_KB = 1000;
/** KB in a GB: 1000 x 1000 (decimal units). */
export const KB_PER_GB_DIGITS = 6;

/**
 * An exact sum of non-negative whole numbers: a plain number while it stays below 2^53, a
 * BigInt beyond (so a sum of many large counts never loses a unit).
 */
export class ExactSum {
  private small = 0;
  private big = 0n;

  /** Adds a non-negative whole number (a double holding an integer). */
  add(n: number): void {
    const s = this.small + n;
    if (s <= Number.MAX_SAFE_INTEGER) {
      this.small = s;
    } else {
      this.big += BigInt(this.small) + BigInt(n);
      this.small = 0;
    }
  }

  addBig(n: bigint): void {
    this.big += n;
  }

  get value(): bigint {
    return this.big + BigInt(this.small);
  }
}

/** The decimal value of `units` x 10^-digits, exactly (no binary floating point). */
export function scaled(units: bigint, digits: number): MoneyT {
  return new Money(`${units}e-${digits}`);
}

/** A whole count as the number Excel receives; a count too large for Excel is #NUM!. */
export function countToExcel(n: bigint): number {
  const v = Number(n);
  if (!Number.isFinite(v)) throw numError(`The result ${n} is too large for Excel.`);
  return v;
}

/**
 * Whole KB of a file of `bytes` bytes (a non-negative whole number), rounded up: 1 byte is
 * 1 KB, 1000 bytes 1 KB, 1001 bytes 2 KB. Integer arithmetic only; BigInt beyond 2^53.
 */
export function kbRoundedUp(bytes: number): number | bigint {
  if (bytes <= Number.MAX_SAFE_INTEGER) {
    const rest = bytes % BYTES_PER_KB;
    return (bytes - rest) / BYTES_PER_KB + (rest > 0 ? 1 : 0);
  }
  const b = BigInt(bytes);
  const k = BigInt(BYTES_PER_KB);
  return (b + k - 1n) / k;
}
