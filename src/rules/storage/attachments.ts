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
import { KB_PER_GB_DIGITS, kbRoundedUp, scaled, wholeCell } from "./units";

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
  let total = 0n;
  let files = 0;
  for (let r = 0; r < sizes.length; r++) {
    const row = sizes[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (isBlank(v)) continue;
      total += BigInt(kbRoundedUp(wholeCell(v, "file_sizes_bytes", r + 1, c + 1)));
      files++;
    }
  }
  return { files, kb: total, gb: scaled(total, KB_PER_GB_DIGITS) };
}

/** The attachment storage in GB: the `gb` of {@link attachmentStorage}. */
export function attachmentStorageGb(sizes: Cell[][]): MoneyT {
  return attachmentStorage(sizes).gb;
}
