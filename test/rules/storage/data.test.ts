import { dataStorage, dataStorageGb, recordType, RECORD_TYPES, SIZE_DIGITS } from "../../../src/rules/storage/data";
import type { Cell } from "../../../src/rules/core/args";
import { ruleError } from "../../helpers/rule-error";

/** A column range from a list of cells. */
const col = (...cells: Cell[]): Cell[][] => cells.map((c) => [c]);
const gb = (types: Cell[], counts: Cell[]) => dataStorageGb(col(...types), col(...counts)).toString();

const KNOWN = "Company, Customer, Conversation, Message, Attachment, Event / Audit Log, Note, KObject, Custom attribute";

describe("sizes per record type (billing-help: Storage categories, Data storage)", () => {
  // One million records of a type: size in KB x 1,000,000 / 1,000,000 KB per GB = size in GB
  // numerically; one record: size in KB / 1,000,000.
  test.each([
    ["Company", "0.1", "0.0000001"],
    ["Customer", "0.1", "0.0000001"],
    ["Conversation", "0.5", "0.0000005"],
    ["Message", "0.2", "0.0000002"],
    ["Attachment", "0.1", "0.0000001"],
    ["Event / Audit Log", "0.07", "0.00000007"],
    ["Note", "0.2", "0.0000002"],
    ["KObject", "0.5", "0.0000005"],
    ["Custom attribute", "0.05", "0.00000005"],
  ])("%s is %s KB", (name, kb, one) => {
    expect(recordType(name).sizeKb).toBe(kb);
    expect(gb([name], [1_000_000])).toBe(kb);
    expect(gb([name], [1])).toBe(one);
  });

  test("sizes are integers in hundredths of a KB (the finest size is 0.07 / 0.05 KB)", () => {
    expect(SIZE_DIGITS).toBe(2);
    expect(RECORD_TYPES.map((t) => [t.name, t.units])).toEqual([
      ["Company", 10],
      ["Customer", 10],
      ["Conversation", 50],
      ["Message", 20],
      ["Attachment", 10],
      ["Event / Audit Log", 7],
      ["Note", 20],
      ["KObject", 50],
      ["Custom attribute", 5],
    ]);
  });
});

describe("exact sums", () => {
  test("3 events are 0.00000021 GB exactly", () => {
    // 3 x 0.07 KB = 0.21 KB; / 1,000,000 = 0.00000021 GB.
    expect(gb(["Event"], [3])).toBe("0.00000021");
    expect(dataStorageGb(col("Event"), col(3)).toNumber()).toBe(0.00000021);
  });
  test("a mix of types", () => {
    // 10,000 x 0.5 + 50,000 x 0.2 + 2,000 x 0.1 = 5,000 + 10,000 + 200 = 15,200 KB = 0.0152 GB.
    expect(gb(["Conversation", "Message", "Customer"], [10000, 50000, 2000])).toBe("0.0152");
  });
  test("every type once: 0.1 + 0.1 + 0.5 + 0.2 + 0.1 + 0.07 + 0.2 + 0.5 + 0.05 = 1.82 KB", () => {
    expect(
      gb(
        RECORD_TYPES.map((t) => t.name),
        RECORD_TYPES.map(() => 1),
      ),
    ).toBe("0.00000182");
  });
  test("sums beyond 2^53 records stay exact", () => {
    // 2 x 2^53 = 2^54 = 18,014,398,509,481,984 notes x 0.2 KB = 3,602,879,701,896,396.8 KB
    // = 3,602,879,701.8963968 GB.
    expect(gb(["Note", "Note"], [2 ** 53, 2 ** 53])).toBe("3602879701.8963968");
    const d = dataStorage(col("Note", "Note"), col(2 ** 53, 2 ** 53));
    expect(d.totalCount).toBe(18014398509481984n);
  });
  test("empty ranges and all-blank rows are 0", () => {
    expect(dataStorageGb([], []).toString()).toBe("0");
    expect(gb([null, "", undefined], ["", null, undefined])).toBe("0");
  });
});

describe("names", () => {
  test.each([
    "Event",
    "event",
    "EVENT",
    "Audit Log",
    "audit log",
    "Event / Audit Log",
    "event/audit log",
    "  Event   /  Audit  Log ",
    "Events",
    "Audit Logs",
  ])("%j is Event / Audit Log (0.07 KB)", (name) => {
    expect(recordType(name).name).toBe("Event / Audit Log");
  });
  test.each([
    ["kobject", "KObject"],
    ["KObject (custom object)", "KObject"],
    ["custom object", "KObject"],
    ["Custom objects", "KObject"],
    ["custom attribute", "Custom attribute"],
    ["Custom attribute strings", "Custom attribute"],
    ["Attachment record", "Attachment"],
    ["Companies", "Company"],
    ["conversations", "Conversation"],
  ])("%j is %s", (name, canonical) => {
    expect(recordType(name).name).toBe(canonical);
  });
  test("an unknown type is #VALUE! naming it and its cell, listing the known types", () => {
    expect(ruleError(() => dataStorage(col("Company", "Tickets"), col(1, 2)))).toEqual({
      kind: "value",
      message: `record_types (row 2, column 1) "Tickets" is not known; expected one of: ${KNOWN}.`,
    });
    expect(ruleError(() => dataStorage(col(5), col(1)))).toEqual({
      kind: "value",
      message: `record_types (row 1, column 1) "5" is not known; expected one of: ${KNOWN}.`,
    });
    expect(ruleError(() => dataStorage(col(true), col(1)))).toEqual({
      kind: "value",
      message: `record_types (row 1, column 1) "TRUE" is not known; expected one of: ${KNOWN}.`,
    });
  });
});

describe("counts", () => {
  test("numeric text is read as Excel reads it", () => {
    // 1,200 + 5 events = 1,205 x 0.07 = 84.35 KB; 2 companies = 0.2 KB; 84.55 KB = 0.00008455 GB.
    expect(gb(["event", "Audit log", "Company"], ["1,200", " 5 ", "2"])).toBe("0.00008455");
    // "1e3" and "12.0" are whole numbers: 1,012 messages x 0.2 KB = 202.4 KB.
    expect(gb(["Message", "Message"], ["1e3", "12.0"])).toBe("0.0002024");
  });
  test("a zero count is valid", () => {
    expect(gb(["Note"], [0])).toBe("0");
    expect(gb(["Note"], [-0])).toBe("0");
  });
  test("a fractional count is #NUM!", () => {
    expect(ruleError(() => dataStorage(col("Event"), col(1.5)))).toEqual({
      kind: "num",
      message: "counts (row 1, column 1) must be a whole number; got 1.5.",
    });
    expect(ruleError(() => dataStorage(col("Event", "Note"), col(1, "2.5")))).toEqual({
      kind: "num",
      message: "counts (row 2, column 1) must be a whole number; got 2.5.",
    });
  });
  test("a negative count is #NUM!", () => {
    expect(ruleError(() => dataStorage(col("Event", "Note"), col(1, -1)))).toEqual({
      kind: "num",
      message: "counts (row 2, column 1) must not be negative; got -1.",
    });
    expect(ruleError(() => dataStorage(col("Note"), col("-1,000")))).toEqual({
      kind: "num",
      message: "counts (row 1, column 1) must not be negative; got -1000.",
    });
  });
  test("a count that is not a number is #VALUE!; an infinite one #NUM!", () => {
    expect(ruleError(() => dataStorage(col("Note"), col(true)))).toEqual({
      kind: "value",
      message: "counts (row 1, column 1) must be a number; got TRUE.",
    });
    expect(ruleError(() => dataStorage(col("Note"), col("lots")))).toEqual({
      kind: "value",
      message: 'counts (row 1, column 1) must be a number; got "lots".',
    });
    expect(ruleError(() => dataStorage(col("Note"), col(NaN)))).toEqual({
      kind: "value",
      message: "counts (row 1, column 1) must be a number; got NaN.",
    });
    expect(ruleError(() => dataStorage(col("Note"), col(Infinity)))).toEqual({
      kind: "num",
      message: "counts (row 1, column 1) must be a finite number.",
    });
  });
});

describe("blank cells (decision: both blank is skipped, one blank is #VALUE!)", () => {
  test("rows with both cells blank are skipped wherever they are", () => {
    // 4 messages x 0.2 KB = 0.8 KB.
    expect(gb([null, "Message", "", undefined], [null, 4, "", null])).toBe("0.0000008");
  });
  test("a type with a blank count is #VALUE!", () => {
    expect(ruleError(() => dataStorage(col("Message", "Event"), col(4, null)))).toEqual({
      kind: "value",
      message:
        'counts (row 2, column 1) is empty but its record type is "Event / Audit Log"; expected a whole number of records (0 or more), or clear the type.',
    });
  });
  test("a count with a blank type is #VALUE!", () => {
    expect(ruleError(() => dataStorage(col("Message", ""), col(4, 7)))).toEqual({
      kind: "value",
      message: `record_types (row 2, column 1) is empty but its count is 7; expected a record type (one of: ${KNOWN}), or clear the count.`,
    });
  });
});

describe("ranges", () => {
  test("ranges of different shapes are #VALUE!", () => {
    expect(ruleError(() => dataStorage(col("Note", "Message"), col(1)))).toEqual({
      kind: "value",
      message: "record_types and counts must be ranges of the same shape; got 2x1 and 1x1.",
    });
    expect(ruleError(() => dataStorage([["Note", "Message"]], col(1, 2)))).toEqual({
      kind: "value",
      message: "record_types and counts must be ranges of the same shape; got 1x2 and 2x1.",
    });
  });
  test("two-column ranges pair cell by cell; messages give row and column", () => {
    // 10 companies (1 KB) + 20 customers (2 KB) + 30 notes (6 KB) = 9 KB.
    const types: Cell[][] = [
      ["Company", "Customer"],
      ["Note", null],
    ];
    expect(
      dataStorageGb(types, [
        [10, 20],
        [30, null],
      ]).toString(),
    ).toBe("0.000009");
    expect(
      ruleError(() =>
        dataStorage(types, [
          [10, 20],
          [30, 1],
        ]),
      ),
    ).toEqual({
      kind: "value",
      message: `record_types (row 2, column 2) is empty but its count is 1; expected a record type (one of: ${KNOWN}), or clear the count.`,
    });
  });
});

describe("the working: one line per record type", () => {
  test("lines in order of first appearance; aliases of one type are one line", () => {
    // Event + Audit Log: 3 + 4 = 7 x 0.07 KB = 0.49 KB; 10 messages x 0.2 KB = 2 KB.
    const d = dataStorage(col("Event", "Message", "Audit Log", null), col(3, 10, 4, null));
    expect(d.lines.map((l) => [l.recordType, l.count, l.sizeKb, l.gb.toString()])).toEqual([
      ["Event / Audit Log", 7n, "0.07", "0.00000049"],
      ["Message", 10n, "0.2", "0.000002"],
    ]);
    expect(d.totalCount).toBe(17n);
    expect(d.gb.toString()).toBe("0.00000249");
  });
  test("a type with count 0 is still a line", () => {
    const d = dataStorage(col("KObject"), col(0));
    expect(d.lines.map((l) => [l.recordType, l.count, l.gb.toString()])).toEqual([["KObject", 0n, "0"]]);
  });
});
