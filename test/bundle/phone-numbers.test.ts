/**
 * PHONENUMBERSBILLED through the built bundle, with the arguments Excel passes: ranges as 2-D
 * arrays with null for an empty cell, date serials (1900 system), text from text cells.
 * Serials counted from 2025-01-01 = 45658: 1 May = 45778, 31 May = 45808, 1 Jun = 45809,
 * 3 Jun = 45811, 10 Jun = 45818, 12 Jun = 45820, 20 Jun = 45828, 30 Jun = 45838, 1 Jul = 45839.
 */
import { loadBundle, type LoadedBundle } from "../helpers/bundle";

let b: LoadedBundle;
beforeAll(() => {
  b = loadBundle();
});

const [MAY1, MAY31, JUN1, JUN3, JUN10, JUN12, JUN20, JUN30, JUL1] = [45778, 45808, 45809, 45811, 45818, 45820, 45828, 45838, 45839];

describe("PHONENUMBERSBILLED", () => {
  test("the terms' example, June 2025: added 1 May (kept), 30 Jun, removed 1 Jun, removed 31 May, added 1 Jul: 3", () => {
    // Billed in June: kept since 1 May, added 30 Jun, removed 1 Jun (a day of June is the
    // whole month): 3. Removed 31 May and added 1 Jul were never provisioned in June.
    const added = [[MAY1], [JUN30], [MAY1], [MAY1], [JUL1]];
    const removed = [[null], [null], [JUN1], [MAY31], [null]];
    expect(b.call("PHONENUMBERSBILLED", JUN1, added, removed, null)).toBe(3);
    // Any day of June names June; the fourth argument omitted as Excel omits it.
    expect(b.call("PHONENUMBERSBILLED", JUN30 + 0.5, added, removed)).toBe(3);
  });
  test("a number re-added is billed once a month, told apart by number_ids", () => {
    // +1 555 0100: 1 May to 3 Jun and again from 20 Jun; +1 555 0199: 10 to 12 Jun. June: 2.
    const added = [[MAY1], [JUN20], [JUN10]];
    const removed = [[JUN3], [null], [JUN12]];
    const ids = [["+1 555 0100"], ["+1 555 0100"], ["+1 555 0199"]];
    expect(b.call("PHONENUMBERSBILLED", JUN1, added, removed, ids)).toBe(2);
    // Without identifiers the three rows are three numbers.
    expect(b.call("PHONENUMBERSBILLED", JUN1, added, removed, null)).toBe(3);
  });
  test("a table's empty rows are skipped; an empty cell for removed_dates; ISO text dates", () => {
    expect(b.call("PHONENUMBERSBILLED", "2025-06-15", [[JUN1], [null], [""]], [[null], [null], [""]], null)).toBe(1);
    expect(b.call("PHONENUMBERSBILLED", JUN1, [["2025-05-01"], [JUN30]], null, null)).toBe(2);
  });
  test("errors", () => {
    expect(b.call("PHONENUMBERSBILLED", JUN1, [[JUN3], [JUN3]], [[null], [JUN1]], null)).toEqual({
      error: "#NUM!",
      message: "removed_dates (row 2, column 1) must be on or after the day the number was added; got 2025-06-01, before 2025-06-03.",
    });
    expect(b.call("PHONENUMBERSBILLED", JUN1, [[JUN1], [null]], [[null], [JUN3]], null)).toEqual({
      error: "#VALUE!",
      message:
        "added_dates (row 2, column 1) is required: expected the day the number was added, since the row has a removal date or an identifier.",
    });
    expect(b.call("PHONENUMBERSBILLED", JUN1, [[JUN1], [JUN3]], [[null]], null)).toEqual({
      error: "#VALUE!",
      message: "added_dates and removed_dates must be ranges of the same shape; got 2x1 and 1x1.",
    });
    expect(b.call("PHONENUMBERSBILLED", null, [[JUN1]], [[null]], null)).toEqual({
      error: "#VALUE!",
      message: "month is required: expected a date.",
    });
  });
});
