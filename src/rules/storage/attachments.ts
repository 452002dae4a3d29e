/**
 * Attachment storage (billing-help, "Storage categories: Attachment storage"): the size of each
 * file "rounded up to the nearest KB" (1 KB = 1000 bytes), summed, in decimal GB.
 *
 * Decisions where the document is silent: blank cells are skipped (any range shape); a size
 * must be a whole, non-negative number of bytes (a fraction or a negative is #NUM!, since a
 * file has whole bytes and a fraction usually means the size was given in KB or MB); an empty
 * file (0 bytes) is 0 KB. Numeric text ("1,200") is read as Excel reads it; TRUE/FALSE is #VALUE!.
 */
import { type Cell, isBlank } from "../core/args";
import type { Money as MoneyT } from "../core/money";
import { BYTES_PER_KB, KB_PER_GB_DIGITS, MAX_SAFE, kbRoundedUp, scaled, wholeCell } from "./units";

export interface AttachmentStorage {
  /** Files counted (non-blank cells). */
  readonly files: number;
  /** Sum of the files' sizes, each rounded up to whole KB. */
  readonly kb: bigint;
  /** The attachment storage in GB, exact. */
  readonly gb: MoneyT;
}

/** The attachment storage of the file sizes (bytes) in `sizes`, any shape, blanks skipped. */
export function attachmentStorage(sizes: Cell[][]): AttachmentStorage {
  // The exact sum of KB: a plain number while below 2^53, carried into a BigInt beyond.
  let small = 0;
  let big = 0n;
  let files = 0;
  for (let r = 0; r < sizes.length; r++) {
    const row = sizes[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (isBlank(v)) continue;
      // Fast path: a plain whole number (x % 1 is NaN for ±Infinity and NaN, so they take the slow path).
      const bytes = typeof v === "number" && v >= 0 && v % 1 === 0 ? v : wholeCell(v, "file_sizes_bytes", r + 1, c + 1);
      files++;
      if (bytes <= MAX_SAFE) {
        // Whole KB rounded up, in integers: (bytes - rest) / 1000 is exact.
        const rest = bytes % BYTES_PER_KB;
        const k = (bytes - rest) / BYTES_PER_KB + (rest > 0 ? 1 : 0);
        const s = small + k;
        if (s <= MAX_SAFE) small = s;
        else {
          big += BigInt(small) + BigInt(k);
          small = 0;
        }
      } else {
        big += kbRoundedUp(bytes) as bigint;
      }
    }
  }
  const total = big + BigInt(small);
  return { files, kb: total, gb: scaled(total, KB_PER_GB_DIGITS) };
}

/** The attachment storage in GB: the `gb` of {@link attachmentStorage}. */
export function attachmentStorageGb(sizes: Cell[][]): MoneyT {
  return attachmentStorage(sizes).gb;
}
