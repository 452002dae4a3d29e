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
  test("a one-day period from its first day is the whole amount on every basis", () => {
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
      message: 'basis "monthly" is not known; expected one of: actual, 30/360, actual/360, months.',
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

// Serials of the worked examples' dates: 2025-03-15 = 45658 + 31 + 28 + 14 = 45731; 2025-01-15 = 45672;
// 2026-01-14 = 46022 + 14 = 46036; 2025-03-01 = 45717; 2025-03-30 = 45746; 2025-02-14 = 45702;
// 2025-02-01 = 45689.
const MAR15 = 45731;
const JAN15 = 45672;

describe('the months basis ("months") as Excel calls it', () => {
  test("the four worked examples", () => {
    // 1200 x (9 + 17/31) / 12: 15 to 31 Mar is 17 of 31 days, April to December 9 whole months.
    expect(b.call("PRORATE", 1200, JAN1, DEC31, MAR15, "months")).toBe(954.8387096774194);
    // From 15 Jan: 1 to 14 Mar is 14 of the billing month [15 Feb, 14 Mar]'s 28 days, then 10
    // whole months: 1200 x 10.5 / 12 = 1050.
    expect(b.call("PRORATE", 1200, JAN15, 46036, 45717, "months")).toBe(1050);
    // Months [31 Jan, 27 Feb] and [28 Feb, 30 Mar]; 15 to 30 Mar is 16 of 31 days: 620 x 16/31 / 2.
    expect(b.call("PRORATE", 620, JAN31, 45746, MAR15, "months")).toBe(160);
    // January whole plus 14 of February's 28 days; 1 to 14 Feb charged: 300 x 0.5 / 1.5.
    expect(b.call("PRORATE", 300, JAN1, 45702, 45689, "months")).toBe(100);
  });
  test("within one month it equals the actual basis; by name in any case", () => {
    expect(b.call("PRORATE", 310, JAN1, JAN31, JAN22, "Months")).toBe(b.call("PRORATE", 310, JAN1, JAN31, JAN22, "actual"));
    expect(b.call("PRORATE", 310, JAN1, JAN31, JAN22, "month-based")).toBe(100);
  });
  test("SEATCHARGE and PLANCHANGE take it too", () => {
    // 3 seats x 400 x 74/93 (the first example's share, 296/372): 1200 x 74 / 93 = 954.84...
    expect(b.call("SEATCHARGE", 3, 400, JAN1, DEC31, MAR15, "months")).toBe(88800 / 93);
    // (1500 - 300) x 74/93, and the downgrade its negative.
    expect(b.call("PLANCHANGE", 300, 1500, JAN1, DEC31, MAR15, "months")).toBe(88800 / 93);
    expect(b.call("PLANCHANGE", 1500, 300, JAN1, DEC31, MAR15, "months")).toBe(-88800 / 93);
  });
  test("PRORATEWORKING shows the billing months", () => {
    expect(b.call("PRORATEWORKING", 1200, JAN1, DEC31, MAR15, "months")).toEqual([
      ["Basis", "months"],
      ["Whole billing months in period", 12],
      ["Days of the part month ending the period", 0],
      ["Days in that billing month", 31],
      ["Days charged in the effective day's billing month", 17],
      ["Days in that billing month", 31],
      ["Whole billing months charged after it", 9],
      ["Days charged in the part month ending the period", 0],
      ["Share", 74 / 93],
      ["Amount", 954.8387096774194],
    ]);
  });
  test("PLANCHANGEWORKING shows them before the invoice lines", () => {
    // 31 Jan to 30 Mar, change on 15 Mar: 16 of 31 days of 2 months, share 8/31.
    // Credit -310 x 8/31 = -80, charge 930 x 8/31 = 240, net 620 x 8/31 = 160.
    expect(b.call("PLANCHANGEWORKING", 310, 930, JAN31, 45746, MAR15, "months")).toEqual([
      ["Basis", "months"],
      ["Whole billing months in period", 2],
      ["Days of the part month ending the period", 0],
      ["Days in that billing month", 30],
      ["Days charged in the effective day's billing month", 16],
      ["Days in that billing month", 31],
      ["Whole billing months charged after it", 0],
      ["Days charged in the part month ending the period", 0],
      ["Share", 8 / 31],
      ["Unused time on the old plan (credit)", -80],
      ["Remaining time on the new plan (charge)", 240],
      ["Net charge", 160],
    ]);
  });
});

describe("gaps a mutation run found, as Excel calls them", () => {
  test("actual/360 capped: 23 Mar to 31 May 2023, effective 24 Mar, is the whole amount (69 actual days of 68)", () => {
    // 2023-03-23 = 45008, 2023-03-24 = 45009, 2023-05-31 = 45077. DAYS360(23 Mar, 1 Jun) = 68.
    expect(b.call("PRORATE", 100, 45008, 45077, 45009, "actual/360")).toBe(100);
  });
  test("SEATCHARGE with 0 seats is 0", () => {
    expect(b.call("SEATCHARGE", 0, 31, JAN1, JAN31, JAN22, null)).toBe(0);
  });
  test("a negative new price is #NUM!", () => {
    expect(b.call("PLANCHANGE", 300, -610, JAN1, JAN31, JAN22, null)).toEqual({
      error: "#NUM!",
      message: "new_price must not be negative; got -610.",
    });
  });
  test('a negative amount as text ("-5"): a price is #NUM! as the number is; PRORATE prorates it as the number', () => {
    // Prices (seat_price, old_price, new_price) are never negative. PRORATE's amount may be a
    // credit: -310 x 10/31 = -100, from text as from the number.
    expect(b.call("SEATCHARGE", 1, "-5", JAN1, JAN31, JAN22, null)).toEqual({
      error: "#NUM!",
      message: "seat_price must not be negative; got -5.",
    });
    expect(b.call("PLANCHANGE", "-5", 610, JAN1, JAN31, JAN22, null)).toEqual({
      error: "#NUM!",
      message: "old_price must not be negative; got -5.",
    });
    expect(b.call("PLANCHANGE", 300, "-5", JAN1, JAN31, JAN22, null)).toEqual({
      error: "#NUM!",
      message: "new_price must not be negative; got -5.",
    });
    expect(b.call("PRORATE", "-310", JAN1, JAN31, JAN22, null)).toBe(-100);
    expect(b.call("PRORATE", -310, JAN1, JAN31, JAN22, null)).toBe(-100);
  });
});
