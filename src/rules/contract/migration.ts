/**
 * Data migration sizes and CSV import files (ps-terms §7, Appendix A), from the rate tables.
 *
 * - Small up to 50,000 conversation records, Medium 50,001 to 250,000, Large 250,001 to 500,000.
 *   Beyond 500,000 is outside every size: Kustomer requires a formal Change Order.
 * - Records are whole: a fraction is #NUM! (like a fractional seat, it is a typo or an unrounded
 *   estimate; round it up with ROUNDUP first).
 * - CSV import: at most 50,000 rows a file, so rows need ceil(rows / 50,000) files; 0 rows need
 *   no file.
 */
import { Msg, numError } from "../core/errors";
import type { GivenRows } from "../rates/given";
import { DATA_MIGRATION_SIZES, psLimit } from "../rates/professional-services";
import { grouped } from "./calendar";

/** A table of migration sizes as the rule reads it, sorted by their lower bound. */
export interface MigrationSizes {
  readonly sizes: ReadonlyArray<{ readonly size: string; readonly minRecords: number; readonly maxRecords: number }>;
}

const sorted = (rows: MigrationSizes["sizes"]): MigrationSizes => ({ sizes: [...rows].sort((a, b) => a.minRecords - b.minRecords) });

/** The built-in card, compiled once. */
export const BUILT_IN_MIGRATION_SIZES: MigrationSizes = sorted(DATA_MIGRATION_SIZES.rows);

// The validator has checked that the sizes follow on without a gap or an overlap.
export const compileSizes = (g: GivenRows): MigrationSizes =>
  sorted(g.rows.map((r) => ({ size: r.size as string, minRecords: Number(r.minRecords), maxRecords: Number(r.maxRecords) })));

/** The migration size for a number of conversation records. */
export function migrationSize(records: number, arg = "conversation_records", table: MigrationSizes = BUILT_IN_MIGRATION_SIZES): string {
  if (!Number.isInteger(records)) throw numError(Msg.notInteger(arg, records));
  if (records < 0) throw numError(Msg.negative(arg, String(records)));
  const sizes = table.sizes;
  const smallest = sizes[0];
  if (records < smallest.minRecords) {
    throw numError(
      `${arg} (${grouped(records)}) is below ${grouped(smallest.minRecords)}, the bottom of the ${smallest.size} size in the given rates.`,
    );
  }
  for (const s of sizes) if (records <= s.maxRecords) return s.size;
  const largest = sizes[sizes.length - 1];
  throw numError(
    `${arg} (${grouped(records)}) is above ${grouped(largest.maxRecords)}, the top of the ${largest.size} size: a migration that big needs a Change Order.`,
  );
}

/** The terms' maximum rows per CSV import file (50,000). */
export const CSV_MAX_ROWS_PER_FILE = psLimit("csvMaxRowsPerFile");

/** How many CSV files `rows` rows need at `maxRowsPerFile` rows a file: ceil(rows / max), exact. */
export function csvFiles(rows: number, maxRowsPerFile: number = CSV_MAX_ROWS_PER_FILE): number {
  if (!Number.isInteger(rows)) throw numError(Msg.notInteger("rows", rows));
  if (rows < 0) throw numError(Msg.negative("rows", String(rows)));
  if (rows > Number.MAX_SAFE_INTEGER) throw numError(Msg.atMost("rows", grouped(Number.MAX_SAFE_INTEGER), String(rows)));
  if (!Number.isInteger(maxRowsPerFile)) throw numError(Msg.notInteger("max_rows_per_file", maxRowsPerFile));
  if (maxRowsPerFile < 1) throw numError(Msg.atLeast("max_rows_per_file", "1", String(maxRowsPerFile)));
  // % is exact on doubles, and rows - rest is an exact multiple of the maximum.
  const rest = rows % maxRowsPerFile;
  return (rows - rest) / maxRowsPerFile + (rest > 0 ? 1 : 0);
}
