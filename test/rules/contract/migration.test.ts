/**
 * Data migration sizes (ps-terms §7) and CSV import files (Appendix A: at most 50,000 rows a file).
 */
import { csvFiles, CSV_MAX_ROWS_PER_FILE, migrationSize } from "../../../src/rules/contract/migration";
import { ruleError as thrown } from "../../helpers/rule-error";

describe("MIGRATIONSIZE", () => {
  test("Small up to 50,000; Medium 50,001 to 250,000; Large 250,001 to 500,000 (edges included)", () => {
    expect(migrationSize(0)).toBe("Small");
    expect(migrationSize(1)).toBe("Small");
    expect(migrationSize(50000)).toBe("Small");
    expect(migrationSize(50001)).toBe("Medium");
    expect(migrationSize(250000)).toBe("Medium");
    expect(migrationSize(250001)).toBe("Large");
    expect(migrationSize(500000)).toBe("Large");
  });
  test("above 500,000 needs a Change Order (#NUM!)", () => {
    expect(thrown(() => migrationSize(500001))).toEqual({
      kind: "num",
      message: "conversation_records (500,001) is above 500,000, the top of the Large size: a migration that big needs a Change Order.",
    });
    expect(thrown(() => migrationSize(1e308))).toMatchObject({ kind: "num" });
  });
  test("negative or fractional records are #NUM!", () => {
    expect(thrown(() => migrationSize(-1))).toEqual({ kind: "num", message: "conversation_records must not be negative; got -1." });
    expect(thrown(() => migrationSize(50000.5))).toEqual({
      kind: "num",
      message: "conversation_records must be a whole number; got 50000.5.",
    });
    expect(thrown(() => migrationSize(NaN))).toMatchObject({ kind: "num" });
  });
});

describe("CSVFILES", () => {
  test("the terms' maximum is 50,000 rows", () => {
    expect(CSV_MAX_ROWS_PER_FILE).toBe(50000);
  });
  test("ceil(rows / 50,000): 0 rows 0 files, 1 to 50,000 one, 50,001 two", () => {
    expect(csvFiles(0)).toBe(0);
    expect(csvFiles(1)).toBe(1);
    expect(csvFiles(50000)).toBe(1);
    expect(csvFiles(50001)).toBe(2);
    expect(csvFiles(100000)).toBe(2);
    expect(csvFiles(120000)).toBe(3);
    // 1,234,567 rows: 24 full files (1,200,000) and 34,567 rows in a 25th.
    expect(csvFiles(1234567)).toBe(25);
  });
  test("another agreed maximum", () => {
    expect(csvFiles(25000, 10000)).toBe(3);
    expect(csvFiles(7, 1)).toBe(7);
    expect(csvFiles(120000, 60000)).toBe(2);
  });
  test("exact at the largest safe integer: 2^53 - 1 rows at 2 a file is 2^52 files", () => {
    expect(csvFiles(9007199254740991, 2)).toBe(4503599627370496);
  });
  test("errors: negative or fractional rows, a maximum below 1, rows beyond 2^53", () => {
    expect(thrown(() => csvFiles(-1))).toEqual({ kind: "num", message: "rows must not be negative; got -1." });
    expect(thrown(() => csvFiles(2.5))).toEqual({ kind: "num", message: "rows must be a whole number; got 2.5." });
    expect(thrown(() => csvFiles(10, 0))).toEqual({ kind: "num", message: "max_rows_per_file must be at least 1; got 0." });
    expect(thrown(() => csvFiles(10, 0.5))).toEqual({ kind: "num", message: "max_rows_per_file must be a whole number; got 0.5." });
    expect(thrown(() => csvFiles(1e300))).toEqual({
      kind: "num",
      message: "rows must be at most 9,007,199,254,740,991; got 1e+300.",
    });
  });
});
