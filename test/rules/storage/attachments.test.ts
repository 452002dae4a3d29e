import { attachmentStorage, attachmentStorageGb } from "../../../src/rules/storage/attachments";
import { countToExcel, kbRoundedUp, wholeCell } from "../../../src/rules/storage/units";
import { toRange } from "../../../src/rules/core/args";
import type { Cell } from "../../../src/rules/core/args";
import { ruleError } from "../../helpers/rule-error";

const col = (...cells: Cell[]): Cell[][] => cells.map((c) => [c]);

describe("each file is rounded up to a whole KB (1 KB = 1000 bytes)", () => {
  test.each([
    [0, 0],
    [1, 1],
    [999, 1],
    [1000, 1],
    [1001, 2],
    [1999, 2],
    [2000, 2],
    [2001, 3],
    [2500000, 2500],
  ])("%d bytes is %d KB", (bytes, kb) => {
    expect(kbRoundedUp(bytes)).toBe(kb);
    expect(attachmentStorage(col(bytes)).kb).toBe(BigInt(kb));
  });
  test("beyond 2^53 bytes: 10,000,000,000,000,002 bytes is 10,000,000,000,001 KB", () => {
    // 1e16 + 2 bytes = 10,000,000,000,000 KB and 2 bytes, rounded up: 10,000,000,000,001 KB.
    expect(kbRoundedUp(1e16 + 2)).toBe(10000000000001n);
    expect(attachmentStorageGb(col(1e16 + 2)).toString()).toBe("10000000.000001");
  });
});

describe("the files are summed, in GB (1 GB = 1,000,000 KB)", () => {
  test("rounded per file, then summed", () => {
    // 1 + 1 + 1 + 2 + 2,500 = 2,505 KB = 0.002505 GB. (Summing bytes first would give
    // 2,503,001 bytes = 2,504 KB: the rounding is per file.)
    const a = attachmentStorage(col(1, 999, 1000, 1001, 2500000));
    expect([a.files, a.kb, a.gb.toString()]).toEqual([5, 2505n, "0.002505"]);
  });
  test("1,500,000,000 bytes is 1.5 GB; 10^9 bytes is 1 GB", () => {
    expect(attachmentStorageGb(col(1500000000)).toString()).toBe("1.5");
    expect(attachmentStorageGb(col(1e9)).toNumber()).toBe(1);
  });
  test("any shape; blanks skipped; numeric text read", () => {
    // 1,500 bytes = 2 KB; 1 byte = 1 KB; 3,000 bytes = 3 KB; total 6 KB.
    const r: Cell[][] = [
      ["1,500", null, 1],
      ["", " 3000 ", undefined],
    ];
    const a = attachmentStorage(r);
    expect([a.files, a.kb, a.gb.toString()]).toEqual([3, 6n, "0.000006"]);
  });
  test("an empty range or only blanks is 0", () => {
    expect(attachmentStorageGb([]).toString()).toBe("0");
    expect(attachmentStorageGb([[null, ""]]).toString()).toBe("0");
  });
});

describe("errors", () => {
  test("a fractional byte count is #NUM! (decision: a file has whole bytes)", () => {
    expect(ruleError(() => attachmentStorage([[1, 1.5]]))).toEqual({
      kind: "num",
      message: "file_sizes_bytes (row 1, column 2) must be a whole number; got 1.5.",
    });
  });
  test("a negative size is #NUM!", () => {
    expect(ruleError(() => attachmentStorage(col(1, -1000)))).toEqual({
      kind: "num",
      message: "file_sizes_bytes (row 2, column 1) must not be negative; got -1000.",
    });
  });
  test("TRUE or text that is not a number is #VALUE!; Infinity #NUM!", () => {
    expect(ruleError(() => attachmentStorage(col(true)))).toEqual({
      kind: "value",
      message: "file_sizes_bytes (row 1, column 1) must be a number; got TRUE.",
    });
    expect(ruleError(() => attachmentStorage(col("2 MB")))).toEqual({
      kind: "value",
      message: 'file_sizes_bytes (row 1, column 1) must be a number; got "2 MB".',
    });
    expect(ruleError(() => attachmentStorage(col(-Infinity)))).toEqual({
      kind: "num",
      message: "file_sizes_bytes (row 1, column 1) must be a finite number.",
    });
  });
});

describe("units helpers", () => {
  test("ranges are read by args.toRange: a value is 1x1, a flat array one row, a bare row one cell", () => {
    expect(toRange(5)).toEqual([[5]]);
    expect(toRange(null)).toEqual([[null]]);
    expect(toRange([])).toEqual([]);
    expect(toRange([1, 2])).toEqual([[1, 2]]);
    expect(toRange([[1], 2])).toEqual([[1], [2]]);
  });
  test("wholeCell reads digits, grouped digits and other numeric text", () => {
    expect(wholeCell("007", "n", 1, 1)).toBe(7);
    expect(wholeCell("1,234,567", "n", 1, 1)).toBe(1234567);
    expect(wholeCell("2e3", "n", 1, 1)).toBe(2000);
    expect(ruleError(() => wholeCell("1,23", "n", 3, 4))).toEqual({
      kind: "value",
      message: 'n (row 3, column 4) must be a number; got "1,23".',
    });
  });
});

describe("counts too large for Excel", () => {
  test("countToExcel is #NUM! beyond Excel's largest number", () => {
    // 10^309 has 310 digits; Excel's largest number is about 1.8 x 10^308.
    expect(countToExcel(10n ** 12n)).toBe(1e12);
    expect(ruleError(() => countToExcel(10n ** 309n))).toEqual({
      kind: "num",
      message: "The total count (310 digits) is too large for Excel.",
    });
  });
});
