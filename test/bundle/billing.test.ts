/**
 * PRORATE, SEATCHARGE, PLANCHANGE and PRORATEWORKING through the built bundle, with the
 * arguments Excel passes: date serials, null for an omitted argument, text from text cells.
 */
import { loadBundle, type LoadedBundle } from "../helpers/bundle";

let b: LoadedBundle;
beforeAll(() => {
  b = loadBundle();
});

// Serials (1900 system): 2025-01-01 = 45658 (25569 + 20089 days since 1970), so
// 2025-01-22 = 45679, 2025-01-31 = 45688, 2025-12-31 = 46022, 2025-07-01 = 45839.
const JAN1 = 45658;
const JAN22 = 45679;
const JAN31 = 45688;
const DEC31 = 46022;
const JUL1 = 45839;

describe("PRORATE", () => {
  test("omitted basis (null) is actual days", () => {
    // 1 Jul to 31 Dec 2025 is 184 of 365 days.
    expect(b.call("PRORATE", 1200, JAN1, DEC31, JUL1, null)).toBe(220800 / 365);
  });
  test("a one-day period from its first day is the whole amount on every basis (issue 10)", () => {
    // =KUSTOMER.PRORATE(100, DATE(2025,1,30), DATE(2025,1,30), DATE(2025,1,30), "30/360"):
    // DAYS360 sees 0 days in the period, but a change on the first day charges it all: 100.
    const JAN30 = JAN31 - 1;
    for (const basis of ["30/360", "actual/360", "actual", null]) {
      expect(b.call("PRORATE", 100, JAN30, JAN30, JAN30, basis)).toBe(100);
      expect(b.call("SEATCHARGE", 2, 50, JAN30, JAN30, JAN30, basis)).toBe(100);
      expect(b.call("PLANCHANGE", 300, 400, JAN30, JAN30, JAN30, basis)).toBe(100);
    }
  });
  test("a time of day in a date serial is ignored", () => {
    expect(b.call("PRORATE", 310, JAN1 + 0.9, JAN31 + 0.1, JAN22 + 0.5, null)).toBe(100);
  });
  test("ISO text dates and numeric text amounts are read", () => {
    expect(b.call("PRORATE", "310", "2025-01-01", "2025-01-31", "2025-01-22", "actual")).toBe(100);
  });
  test("basis by dropdown value, by name in any case, or by Excel's YEARFRAC code", () => {
    // 27 to 31 Jan 2021 on 30/360: 4 of 30 days.
    const args = [100, "2021-01-01", "2021-01-31", "2021-01-27"];
    expect(b.call("PRORATE", ...args, "30/360")).toBe(400 / 30);
    expect(b.call("PRORATE", ...args, "DAYS360")).toBe(400 / 30);
    expect(b.call("PRORATE", ...args, 0)).toBe(400 / 30);
    expect(b.call("PRORATE", ...args, "Actual/360")).toBe(500 / 30);
    expect(b.call("PRORATE", ...args, 2)).toBe(500 / 30);
    expect(b.call("PRORATE", ...args, 1)).toBe(500 / 31);
  });
  test("errors: #NUM! out of period, #VALUE! for text that is not a number or date, unknown basis", () => {
    expect(b.call("PRORATE", 100, JAN1, JAN31, JAN31 + 1, null)).toEqual({
      error: "#NUM!",
      message: "effective_date (2025-02-01) must fall within the period 2025-01-01 to 2025-01-31.",
    });
    expect(b.call("PRORATE", 100, JAN31, JAN1, JAN1, null)).toEqual({
      error: "#NUM!",
      message: "period_end (2025-01-01) must be on or after period_start (2025-01-31).",
    });
    expect(b.call("PRORATE", "lots", JAN1, JAN31, JAN22, null)).toEqual({
      error: "#VALUE!",
      message: 'amount must be a number; got "lots".',
    });
    expect(b.call("PRORATE", 100, "soon", JAN31, JAN22, null)).toEqual({
      error: "#VALUE!",
      message: 'period_start must be a date (an Excel date serial or ISO text such as 2025-01-31); got "soon".',
    });
    expect(b.call("PRORATE", 100, JAN1, JAN31, JAN22, "monthly")).toEqual({
      error: "#VALUE!",
      message: 'basis "monthly" is not known; expected one of: actual, 30/360, actual/360.',
    });
    expect(b.call("PRORATE", null, JAN1, JAN31, JAN22, null)).toEqual({
      error: "#VALUE!",
      message: "amount is required: expected an amount.",
    });
    expect(b.call("PRORATE", 100, 60, JAN31, JAN22, null)).toMatchObject({ error: "#NUM!" });
  });
});

describe("SEATCHARGE", () => {
  test("monthly plan: 3 seats at 31 added 22 Jan is 30", () => {
    expect(b.call("SEATCHARGE", 3, 31, JAN1, JAN31, JAN22, null)).toBe(30);
  });
  test("annual plan in a leap year: 2 seats at 1098 added 1 Dec 2024 is 186", () => {
    // 2024-01-01 = 45292, 2024-12-01 = 45627, 2024-12-31 = 45657; 2 x 1098 x 31 / 366 = 186.
    expect(b.call("SEATCHARGE", 2, 1098, 45292, 45657, 45627, null)).toBe(186);
  });
  test("exact money: 3 seats at 0.1 for 5 of 10 days is 0.15", () => {
    expect(b.call("SEATCHARGE", 3, 0.1, JAN1, JAN1 + 9, JAN1 + 5, null)).toBe(0.15);
  });
  test("negative or fractional seats are #NUM!; boolean seats #VALUE!", () => {
    expect(b.call("SEATCHARGE", -1, 31, JAN1, JAN31, JAN22, null)).toEqual({
      error: "#NUM!",
      message: "seats must not be negative; got -1.",
    });
    expect(b.call("SEATCHARGE", 1.5, 31, JAN1, JAN31, JAN22, null)).toEqual({
      error: "#NUM!",
      message: "seats must be a whole number; got 1.5.",
    });
    expect(b.call("SEATCHARGE", true, 31, JAN1, JAN31, JAN22, null)).toEqual({
      error: "#VALUE!",
      message: "seats must be a number; got TRUE.",
    });
    expect(b.call("SEATCHARGE", 1, 31, JAN1, JAN31, JAN31 + 1, null)).toEqual({
      error: "#NUM!",
      message: "add_date (2025-02-01) must fall within the period 2025-01-01 to 2025-01-31.",
    });
  });
});

describe("PLANCHANGE", () => {
  test("upgrade is a charge, downgrade a credit", () => {
    expect(b.call("PLANCHANGE", 300, 610, JAN1, JAN31, JAN22, null)).toBe(100);
    expect(b.call("PLANCHANGE", 610, 300, JAN1, JAN31, JAN22, null)).toBe(-100);
  });
  test("a change on the first day is the whole difference; errors name change_date", () => {
    expect(b.call("PLANCHANGE", 0.1, 0.3, JAN1, JAN31, JAN1, null)).toBe(0.2);
    expect(b.call("PLANCHANGE", 300, 610, JAN1, JAN31, JAN1 - 1, null)).toEqual({
      error: "#NUM!",
      message: "change_date (2024-12-31) must fall within the period 2025-01-01 to 2025-01-31.",
    });
  });
});

describe("PRORATEWORKING", () => {
  test("spills labelled rows for auditors", () => {
    expect(b.call("PRORATEWORKING", 1200, JAN1, DEC31, JUL1, null)).toEqual([
      ["Basis", "actual"],
      ["Days in period", 365],
      ["Days charged", 184],
      ["Share", 184 / 365],
      ["Amount", 220800 / 365],
    ]);
  });
  test("errors as PRORATE", () => {
    expect(b.call("PRORATEWORKING", 1200, JAN1, DEC31, DEC31 + 1, null)).toMatchObject({ error: "#NUM!" });
  });
});
