/**
 * KUSTOMER.BILLINGPERIOD through the built bundle, as Excel calls it, and in
 * a 1904 workbook through its adapter.
 */
import { loadBundle, StubError, ErrorCode, type LoadedBundle } from "../helpers/bundle";

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = { Error: StubError, ErrorCode };
// Imported after the stub is in place.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { setWorkbookDateSystem } = require("../../src/functions/excel");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { billingPeriodFn } = require("../../src/functions/billing");

let b: LoadedBundle;
beforeAll(() => {
  b = loadBundle();
});
afterAll(() => setWorkbookDateSystem("1900"));

// Serials (1900 system): 2025-01-01 = 45658, so 2025-01-15 = 45672, 2025-01-31 = 45688,
// 2025-02-14 = 45702, 2025-02-28 = 45716, 2025-03-05 = 45721, 2025-03-30 = 45746,
// 2025-03-31 = 45747, 2025-04-29 = 45776. 2024-02-29 = 45351; 2027-01-01 = 46388, so
// 2027-02-28 = 46446 and 2027-03-01 = 46447; 2028-01-01 = 46753, so 2028-02-28 = 46811.
describe("BILLINGPERIOD", () => {
  test("the worked examples", () => {
    expect(b.call("BILLINGPERIOD", 45688, 45721, null)).toEqual([[45716, 45746]]);
    expect(b.call("BILLINGPERIOD", 45688, 45747, null)).toEqual([[45747, 45776]]);
    expect(b.call("BILLINGPERIOD", 45672, 45672, null)).toEqual([[45672, 45702]]);
    expect(b.call("BILLINGPERIOD", 45351, 46447, "annual")).toEqual([[46446, 46811]]);
  });
  test("billing by dropdown value or by name in any case; a time of day and ISO text are read", () => {
    expect(b.call("BILLINGPERIOD", 45688, 45721, "monthly")).toEqual([[45716, 45746]]);
    expect(b.call("BILLINGPERIOD", 45688.75, 45721.5, "Monthly")).toEqual([[45716, 45746]]);
    expect(b.call("BILLINGPERIOD", "2024-02-29", "2027-03-01", "Yearly")).toEqual([[46446, 46811]]);
  });
  test("it feeds SEATCHARGE: 3 seats at 31 added 5 Mar in the period 28 Feb to 30 Mar (31 days)", () => {
    // 5 to 30 Mar is 26 days: 3 x 31 x 26 / 31 = 78.
    const [[start, end]] = b.call("BILLINGPERIOD", 45688, 45721, null) as number[][];
    expect(b.call("SEATCHARGE", 3, 31, start, end, 45721, null)).toBe(78);
  });
  test("errors: a date before the anchor #NUM!, an unknown billing #VALUE!, a period ending after 9999 #NUM!", () => {
    expect(b.call("BILLINGPERIOD", 45688, 45687, null)).toEqual({
      error: "#NUM!",
      message: "date (2025-01-30) must be on or after anchor_date (2025-01-31).",
    });
    expect(b.call("BILLINGPERIOD", 45688, 45721, "weekly")).toEqual({
      error: "#VALUE!",
      message: 'billing "weekly" is not known; expected one of: monthly, annual.',
    });
    expect(b.call("BILLINGPERIOD", "x", 45721, null)).toMatchObject({ error: "#VALUE!" });
    expect(b.call("BILLINGPERIOD", 45688, null, null)).toMatchObject({ error: "#VALUE!" });
    // Anchor 20 Jan 2025, date 25 Dec 9999 (serial 2958459): the period 20 Dec 9999 to
    // 19 Jan 10000 ends after Excel's last day, 9999-12-31.
    expect(b.call("BILLINGPERIOD", 45677, 2958459, null)).toEqual({
      error: "#NUM!",
      message: "The period's end is outside Excel's calendar (1900-01-01 to 9999-12-31); got 10000-01-19.",
    });
  });
});

test("1904 system: the period comes back in 1904 serials (1462 lower)", () => {
  setWorkbookDateSystem("1904");
  // 31 Jan 2025 = 44226, 5 Mar 2025 = 44259; 28 Feb = 44254, 30 Mar = 44284.
  expect(billingPeriodFn(44226, 44259, null)).toEqual([[44254, 44284]]);
  // 1904-01-31 (serial 30), monthly: 1904-03-05 (serial 64) is in [29 Feb 1904 (59), 30 Mar 1904 (89)].
  expect(billingPeriodFn(30, 64, null)).toEqual([[59, 89]]);
});
