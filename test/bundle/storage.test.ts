/**
 * DATASTORAGE, ATTACHMENTSTORAGE, STORAGEALLOWANCE, STORAGEOVERAGE and STORAGEWORKING through the
 * built bundle, with the arguments Excel passes: 2-D arrays for ranges, null for an omitted
 * argument or an empty cell, "" for a formula's empty text, text from text cells.
 */
import { loadBundle, type LoadedBundle } from "../helpers/bundle";

let b: LoadedBundle;
beforeAll(() => {
  b = loadBundle();
});

const col = (...cells: unknown[]) => cells.map((c) => [c]);
const KNOWN = "Company, Customer, Conversation, Message, Attachment, Event / Audit Log, Note, KObject, Custom attribute";

describe("dropdowns", () => {
  test("plan and category are custom enums with a tooltip per member", () => {
    const enums = new Map((b.metadata.enums ?? []).map((e) => [e.id, e]));
    expect(enums.get("StoragePlan")?.values.map((v) => v.stringValue)).toEqual(["Professional", "Business", "Enterprise", "Ultimate"]);
    expect(enums.get("StorageCategory")?.values.map((v) => v.stringValue)).toEqual(["data", "attachment"]);
    for (const id of ["StoragePlan", "StorageCategory"]) for (const v of enums.get(id)?.values ?? []) expect(v.tooltip).toBeTruthy();
    const param = (fn: string, p: string) => b.metadata.functions.find((f) => f.id === fn)?.parameters.find((x) => x.name === p);
    expect(param("STORAGEALLOWANCE", "plan")?.customEnumId).toBe("StoragePlan");
    expect(param("STORAGEALLOWANCE", "category")?.customEnumId).toBe("StorageCategory");
    expect(param("STORAGEOVERAGE", "category")?.customEnumId).toBe("StorageCategory");
  });
  test("range arguments are matrices; STORAGEWORKING spills", () => {
    const fn = (id: string) => b.metadata.functions.find((f) => f.id === id);
    // record_types, counts and the optional rates table.
    expect(fn("DATASTORAGE")?.parameters.map((p) => p.dimensionality)).toEqual(["matrix", "matrix", "matrix"]);
    expect(fn("ATTACHMENTSTORAGE")?.parameters.map((p) => p.dimensionality)).toEqual(["matrix"]);
    expect(fn("STORAGEWORKING")?.result?.dimensionality).toBe("matrix");
  });
});

describe("DATASTORAGE", () => {
  test.each([
    // 1,000 records: size in KB x 1,000 / 1,000,000 KB per GB.
    ["Company", 0.0001],
    ["Customer", 0.0001],
    ["Conversation", 0.0005],
    ["Message", 0.0002],
    ["Attachment", 0.0001],
    ["Event / Audit Log", 0.00007],
    ["Note", 0.0002],
    ["KObject", 0.0005],
    ["Custom attribute", 0.00005],
  ])("1,000 x %s", (type, gb) => {
    expect(b.call("DATASTORAGE", [[type]], [[1000]])).toBe(gb);
  });
  test("3 events are 0.00000021 GB exactly", () => {
    // 3 x 0.07 KB = 0.21 KB = 0.00000021 GB.
    expect(b.call("DATASTORAGE", [["Event"]], [[3]])).toBe(0.00000021);
    expect(b.call("DATASTORAGE", "event", 3)).toBe(0.00000021);
  });
  test("names in any case and alias; text counts; blank rows skipped", () => {
    // Event + Audit Log + Event / Audit Log: 1,200 + 5 + 10 = 1,215 x 0.07 = 85.05 KB; 2 companies 0.2 KB;
    // total 85.25 KB = 0.00008525 GB.
    const types = col("event", null, "AUDIT LOG", "Event/Audit Log", "", "company");
    const counts = col("1,200", null, 5, 10, "", "2");
    expect(b.call("DATASTORAGE", types, counts)).toBe(0.00008525);
  });
  test("a sum over many rows stays exact", () => {
    // 100,000 rows of 1 custom attribute: 100,000 x 0.05 KB = 5,000 KB = 0.005 GB.
    const n = 100000;
    expect(
      b.call(
        "DATASTORAGE",
        Array.from({ length: n }, () => ["Custom attribute"]),
        Array.from({ length: n }, () => [1]),
      ),
    ).toBe(0.005);
  });
  test("errors", () => {
    expect(b.call("DATASTORAGE", col("Note", "Tickets"), col(1, 2))).toEqual({
      error: "#VALUE!",
      message: `record_types (row 2, column 1) "Tickets" is not known; expected one of: ${KNOWN}.`,
    });
    expect(b.call("DATASTORAGE", col("Note", "Message"), col(1))).toEqual({
      error: "#VALUE!",
      message: "record_types and counts must be ranges of the same shape; got 2x1 and 1x1.",
    });
    expect(b.call("DATASTORAGE", col("Note"), col(-3))).toEqual({
      error: "#NUM!",
      message: "counts (row 1, column 1) must not be negative; got -3.",
    });
    expect(b.call("DATASTORAGE", col("Note"), col(2.5))).toEqual({
      error: "#NUM!",
      message: "counts (row 1, column 1) must be a whole number; got 2.5.",
    });
    expect(b.call("DATASTORAGE", col("Note"), col(true))).toEqual({
      error: "#VALUE!",
      message: "counts (row 1, column 1) must be a number; got TRUE.",
    });
    expect(b.call("DATASTORAGE", col("Note", "Message"), col(1, null))).toEqual({
      error: "#VALUE!",
      message:
        'counts (row 2, column 1) is empty but its record type is "Message"; expected a whole number of records (0 or more), or clear the type.',
    });
    expect(b.call("DATASTORAGE", col("Note", ""), col(1, 4))).toEqual({
      error: "#VALUE!",
      message: `record_types (row 2, column 1) is empty but its count is 4; expected a record type (one of: ${KNOWN}), or clear the count.`,
    });
  });
});

describe("ATTACHMENTSTORAGE", () => {
  test("each file rounded up to a whole KB, then summed", () => {
    // 1 + 1 + 1 + 2 + 2,500 = 2,505 KB = 0.002505 GB.
    expect(b.call("ATTACHMENTSTORAGE", col(1, 999, 1000, 1001, 2500000))).toBe(0.002505);
  });
  test("any shape, blanks skipped, text sizes read", () => {
    // 1,500,000,000 bytes = 1.5 GB; "1,001" bytes = 2 KB = 0.000002 GB; 0 bytes = 0 KB.
    expect(
      b.call("ATTACHMENTSTORAGE", [
        [1500000000, null, ""],
        ["1,001", 0, null],
      ]),
    ).toBe(1.500002);
    expect(b.call("ATTACHMENTSTORAGE", [[null]])).toBe(0);
    expect(b.call("ATTACHMENTSTORAGE", 1e9)).toBe(1);
  });
  test("errors", () => {
    expect(b.call("ATTACHMENTSTORAGE", [[1, -1]])).toEqual({
      error: "#NUM!",
      message: "file_sizes_bytes (row 1, column 2) must not be negative; got -1.",
    });
    expect(b.call("ATTACHMENTSTORAGE", col(10, 1.5))).toEqual({
      error: "#NUM!",
      message: "file_sizes_bytes (row 2, column 1) must be a whole number; got 1.5.",
    });
    expect(b.call("ATTACHMENTSTORAGE", col("big"))).toEqual({
      error: "#VALUE!",
      message: 'file_sizes_bytes (row 1, column 1) must be a number; got "big".',
    });
  });
});

describe("STORAGEALLOWANCE", () => {
  // Hand-worked from the allocation table (1 GB = 1000 MB): [plan, category, default,
  // + 10 users, + 2,000 committed conversations (2 x the per-1k amount) or null for n/a].
  test.each([
    ["Professional", "data", 2.5, 3.75, null], // 2.5 + 0.125 x 10
    ["Professional", "attachment", 5, 17.5, null], // 5 + 1.25 x 10
    ["Business", "data", 5, 7.5, null], // 5 + 0.25 x 10
    ["Business", "attachment", 10, 35, null], // 10 + 2.5 x 10
    ["Enterprise", "data", 10, 15, 10.3], // 10 + 0.5 x 10; 10 + 0.15 x 2
    ["Enterprise", "attachment", 20, 70, 26], // 20 + 5 x 10; 20 + 3 x 2
    ["Ultimate", "data", 20, 30, 20.6], // 20 + 1 x 10; 20 + 0.3 x 2
    ["Ultimate", "attachment", 40, 140, 48], // 40 + 10 x 10; 40 + 4 x 2
  ])("%s %s: %d GB default, %d GB with 10 users, %p with 2,000 conversations", (plan, category, def, seat, conv) => {
    expect(b.call("STORAGEALLOWANCE", plan, category, null, null, null)).toBe(def);
    expect(b.call("STORAGEALLOWANCE", plan, category, 10, null, null)).toBe(seat);
    expect(b.call("STORAGEALLOWANCE", plan, category, null, 2000, null)).toEqual(
      conv === null
        ? {
            error: "#N/A",
            message: `plan ${plan} (legacy) has no conversation-based allocation (the document says n/a); give full_time_users instead, or leave committed_conversations empty.`,
          }
        : conv,
    );
  });
  test("1,500 committed conversations on Ultimate give 0.45 GB of data: 20.45 GB", () => {
    expect(b.call("STORAGEALLOWANCE", "Ultimate", "data", null, 1500, null)).toBe(20.45);
    expect(b.call("STORAGEALLOWANCE", "ultimate", "Data", "", "1,500", "")).toBe(20.45);
  });
  test("fractional users; legacy names; organizations", () => {
    // 2.5 + 0.125 x 12.5 = 4.0625.
    expect(b.call("STORAGEALLOWANCE", "Professional (legacy)", "data", 12.5, null, null)).toBe(4.0625);
    // (20 + 5 x 40) / 2 = 110.
    expect(b.call("STORAGEALLOWANCE", "Enterprise", "attachment", 40, null, 2)).toBe(110);
    // Professional attachments, 2.5 users, 3 organizations: (5 + 3.125) / 3 = 8.125 / 3 = 65 / 24.
    expect(b.call("STORAGEALLOWANCE", "Professional", "attachment", 2.5, null, 3)).toBe(65 / 24);
  });
  test("errors", () => {
    expect(b.call("STORAGEALLOWANCE", "Enterprise", "data", 10, 1000, null)).toEqual({
      error: "#VALUE!",
      message: "Give full_time_users (seat-based plans) or committed_conversations (conversation-based plans), not both.",
    });
    expect(b.call("STORAGEALLOWANCE", "Ultimate", "data", null, null, 0)).toEqual({
      error: "#NUM!",
      message: "organizations must be at least 1; got 0.",
    });
    expect(b.call("STORAGEALLOWANCE", "Ultimate", "data", null, null, 2.5)).toEqual({
      error: "#NUM!",
      message: "organizations must be a whole number; got 2.5.",
    });
    expect(b.call("STORAGEALLOWANCE", "Ultimate", "data", -2, null, null)).toEqual({
      error: "#NUM!",
      message: "full_time_users must not be negative; got -2.",
    });
    expect(b.call("STORAGEALLOWANCE", "Ultimate", "data", null, 10.5, null)).toEqual({
      error: "#NUM!",
      message: "committed_conversations must be a whole number; got 10.5.",
    });
    expect(b.call("STORAGEALLOWANCE", "Premium", "data", null, null, null)).toEqual({
      error: "#VALUE!",
      message: 'plan "Premium" is not known; expected one of: Professional, Business, Enterprise, Ultimate.',
    });
    expect(b.call("STORAGEALLOWANCE", "Ultimate", "video", null, null, null)).toEqual({
      error: "#VALUE!",
      message: 'category "video" is not known; expected one of: data, attachment.',
    });
    expect(b.call("STORAGEALLOWANCE", null, "data", null, null, null)).toEqual({
      error: "#VALUE!",
      message: "plan is required: expected one of: Professional, Business, Enterprise, Ultimate.",
    });
    expect(b.call("STORAGEALLOWANCE", "Ultimate", "data", "many", null, null)).toEqual({
      error: "#VALUE!",
      message: 'full_time_users must be a number; got "many".',
    });
  });
});

describe("STORAGEOVERAGE", () => {
  test("45.3 GB over 45.1 GB, unrounded, is $10 exactly", () => {
    expect(b.call("STORAGEOVERAGE", 45.3, 45.1, "data", null, false)).toBe(10);
    expect(b.call("STORAGEOVERAGE", 45.3, 45.1, "data", null, "FALSE")).toBe(10);
  });
  test("by default the excess is rounded up to whole GB", () => {
    // 0.2 GB -> 1 GB x $50; 10.5 GB -> 11 GB x $1; 3 GB stays 3 GB x $50.
    expect(b.call("STORAGEOVERAGE", 45.3, 45.1, "data", null, null)).toBe(50);
    expect(b.call("STORAGEOVERAGE", 45.3, 45.1, "data", null, true)).toBe(50);
    expect(b.call("STORAGEOVERAGE", 120.5, 110, "attachment", null, null)).toBe(11);
    expect(b.call("STORAGEOVERAGE", 13, 10, "Data", null, null)).toBe(150);
  });
  test("no excess is 0; a price from the Order", () => {
    expect(b.call("STORAGEOVERAGE", 40, 45.1, "data", null, null)).toBe(0);
    // 2.3 GB over at $45: whole 3 GB = 135; exact 103.5.
    expect(b.call("STORAGEOVERAGE", 12.3, 10, "data", 45, null)).toBe(135);
    expect(b.call("STORAGEOVERAGE", "12.3", "10", "data", "$45", false)).toBe(103.5);
  });
  test("sizes written with a unit, as the rate tables accept them", () => {
    // 45.3 GB over 45.1 GB: 0.2 GB, rounded up to 1 GB x $50; 45,300 MB = 45.3 GB, the same.
    expect(b.call("STORAGEOVERAGE", "45.3 GB", "45.1 GB", "data", null, null)).toBe(50);
    expect(b.call("STORAGEOVERAGE", "45,300 MB", 45.1, "data", null, null)).toBe(50);
  });
  test("errors", () => {
    expect(b.call("STORAGEOVERAGE", -1, 10, "data", null, null)).toEqual({
      error: "#NUM!",
      message: "used_gb must not be negative; got -1.",
    });
    expect(b.call("STORAGEOVERAGE", 1, -10, "data", null, null)).toEqual({
      error: "#NUM!",
      message: "allowance_gb must not be negative; got -10.",
    });
    expect(b.call("STORAGEOVERAGE", 12, 10, "data", -50, null)).toEqual({
      error: "#NUM!",
      message: "price_per_gb must not be negative; got -50.",
    });
    expect(b.call("STORAGEOVERAGE", null, 10, "data", null, null)).toEqual({
      error: "#VALUE!",
      message: "used_gb is required: expected a number of GB.",
    });
    expect(b.call("STORAGEOVERAGE", 12, 10, "files", null, null)).toEqual({
      error: "#VALUE!",
      message: 'category "files" is not known; expected one of: data, attachment.',
    });
    expect(b.call("STORAGEOVERAGE", 12, 10, "data", null, "maybe")).toEqual({
      error: "#VALUE!",
      message: 'whole_gb must be TRUE or FALSE; got "maybe".',
    });
  });
});

describe("STORAGEWORKING", () => {
  test("a header, one row per record type, a total row", () => {
    // Event + Audit Log: 3 + 4 = 7 x 0.07 KB = 0.49 KB = 0.00000049 GB; 10 messages x 0.2 KB = 2 KB;
    // total 17 records, 2.49 KB = 0.00000249 GB.
    expect(b.call("STORAGEWORKING", col("Event", "Message", "Audit Log", null), col(3, 10, 4, null))).toEqual([
      ["Record type", "Count", "Size per record (KB)", "GB"],
      ["Event / Audit Log", 7, 0.07, 0.00000049],
      ["Message", 10, 0.2, 0.000002],
      ["Total", 17, "", 0.00000249],
    ]);
  });
  test("nothing listed: the header and a zero total", () => {
    expect(b.call("STORAGEWORKING", [[null]], [[null]])).toEqual([
      ["Record type", "Count", "Size per record (KB)", "GB"],
      ["Total", 0, "", 0],
    ]);
  });
  test("errors as DATASTORAGE", () => {
    expect(b.call("STORAGEWORKING", col("Note"), col(-1))).toEqual({
      error: "#NUM!",
      message: "counts (row 1, column 1) must not be negative; got -1.",
    });
  });
});

describe("garbage in: a number, a string, a 2-D array of those, or an Excel error; never NaN", () => {
  const garbage: unknown[] = [NaN, Infinity, -Infinity, -0, 1e308, 5e-324, true, "", null, [], [[]], [[1e308, 1e308]], "x"];
  const ok = (r: unknown) =>
    (typeof r === "number" && Number.isFinite(r)) ||
    typeof r === "string" ||
    (typeof r === "object" && r !== null && "error" in r) ||
    (Array.isArray(r) &&
      r.every((row) => Array.isArray(row) && row.every((c) => (typeof c === "number" && Number.isFinite(c)) || typeof c === "string")));
  test("every function, every argument", () => {
    const arity: Record<string, number> = {
      DATASTORAGE: 2,
      ATTACHMENTSTORAGE: 1,
      STORAGEALLOWANCE: 5,
      STORAGEOVERAGE: 5,
      STORAGEWORKING: 2,
    };
    const base: Record<string, unknown[]> = {
      DATASTORAGE: [[["Note"]], [[1]]],
      ATTACHMENTSTORAGE: [[[1]]],
      STORAGEALLOWANCE: ["Ultimate", "data", null, null, null],
      STORAGEOVERAGE: [2, 1, "data", null, null],
      STORAGEWORKING: [[["Note"]], [[1]]],
    };
    for (const [fn, n] of Object.entries(arity)) {
      for (let i = 0; i < n; i++) {
        for (const g of garbage) {
          const args = [...base[fn]];
          args[i] = g;
          const r = b.call(fn, ...args);
          expect({ fn, i, g, ok: ok(r) }).toEqual({ fn, i, g, ok: true });
        }
      }
    }
  });
});

describe("per-1k conversations and whole-GB rounding, as Excel calls them", () => {
  test("Ultimate data with 3 committed conversations is 20.0009 GB", () => {
    // 300 MB per 1,000 conversations: 3 x 0.3 MB = 0.9 MB = 0.0009 GB; + 20 GB = 20.0009.
    expect(b.call("STORAGEALLOWANCE", "Ultimate", "data", null, 3, null, null)).toBe(20.0009);
    // Enterprise data: 3 x 0.15 MB = 0.45 MB = 0.00045 GB; + 10 GB = 10.00045.
    expect(b.call("STORAGEALLOWANCE", "Enterprise", "data", null, 3, null, null)).toBe(10.00045);
  });
  test("whole GB rounded up: 2.999 GB over at $0.1 is 3 GB, $0.3; 1,000,000.5 GB over at $50 is $50,000,050", () => {
    expect(b.call("STORAGEOVERAGE", 12.999, 10, "data", 0.1, null)).toBe(0.3);
    expect(b.call("STORAGEOVERAGE", 1000010.5, 10, "data", null, null)).toBe(50000050);
  });
});
