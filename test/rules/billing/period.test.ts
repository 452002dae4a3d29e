import { BILLING_CYCLES, billingPeriod, edate, periodIndex } from "../../../src/rules/billing/period";
import { toChoice } from "../../../src/rules/core/args";
import { RuleError } from "../../../src/rules/core/errors";
import { epochDayFromYmd, formatEpochDay } from "../../../src/rules/core/serial";

const d = (iso: string) => {
  const [y, m, dd] = iso.split("-").map(Number);
  return epochDayFromYmd(y, m, dd);
};
const iso = (epochDay: number) => formatEpochDay(epochDay);
const period = (anchor: string, date: string, cycle: "monthly" | "annual" = "monthly") => {
  const p = billingPeriod(d(anchor), d(date), cycle);
  return [iso(p.start), iso(p.end)];
};

describe("edate: Excel's EDATE on calendar days", () => {
  test("the same day n months on, or the month's last day when it is shorter, counted from the start", () => {
    // EDATE(31 Jan 2025, 1) = 28 Feb (February 2025 has 28 days); EDATE(31 Jan, 2) = 31 Mar
    // (counted from 31 Jan, not from 28 Feb); EDATE(31 Jan, 3) = 30 Apr.
    expect(iso(edate(d("2025-01-31"), 1))).toBe("2025-02-28");
    expect(iso(edate(d("2025-01-31"), 2))).toBe("2025-03-31");
    expect(iso(edate(d("2025-01-31"), 3))).toBe("2025-04-30");
    // 2024 is a leap year: EDATE(31 Jan 2024, 1) = 29 Feb 2024; EDATE(29 Feb 2024, 12) = 28 Feb 2025.
    expect(iso(edate(d("2024-01-31"), 1))).toBe("2024-02-29");
    expect(iso(edate(d("2024-02-29"), 12))).toBe("2025-02-28");
    expect(iso(edate(d("2024-02-29"), 48))).toBe("2028-02-29");
    // Across a year end, and backwards: EDATE(15 Nov 2025, 3) = 15 Feb 2026; EDATE(31 Mar 2025, -1) = 28 Feb 2025.
    expect(iso(edate(d("2025-11-15"), 3))).toBe("2026-02-15");
    expect(iso(edate(d("2025-03-31"), -1))).toBe("2025-02-28");
    expect(iso(edate(d("2025-03-31"), -15))).toBe("2023-12-31");
    expect(iso(edate(d("2025-03-31"), 0))).toBe("2025-03-31");
  });
  test("periodIndex: the billing month (or year) counted from a start that contains a day", () => {
    // From 31 Jan: month 0 is 31 Jan to 27 Feb, month 1 is 28 Feb to 30 Mar, month 2 from 31 Mar.
    expect(periodIndex(d("2025-01-31"), d("2025-01-31"))).toBe(0);
    expect(periodIndex(d("2025-01-31"), d("2025-02-27"))).toBe(0);
    expect(periodIndex(d("2025-01-31"), d("2025-02-28"))).toBe(1);
    expect(periodIndex(d("2025-01-31"), d("2025-03-30"))).toBe(1);
    expect(periodIndex(d("2025-01-31"), d("2025-03-31"))).toBe(2);
    // Years from 15 Jan 2025: 14 Jan 2026 is in year 0, 15 Jan 2026 begins year 1.
    expect(periodIndex(d("2025-01-15"), d("2026-01-14"), 12)).toBe(0);
    expect(periodIndex(d("2025-01-15"), d("2026-01-15"), 12)).toBe(1);
    expect(periodIndex(d("2025-01-15"), d("2026-12-31"), 12)).toBe(1);
  });
});

describe("billingPeriod (the Decision in docs/terms.md on the billing period)", () => {
  test("the worked examples", () => {
    // Anchor 31 Jan: periods begin 31 Jan, 28 Feb (EDATE 1), 31 Mar (EDATE 2); 5 Mar is in the
    // second, which ends the day before 31 Mar.
    expect(period("2025-01-31", "2025-03-05")).toEqual(["2025-02-28", "2025-03-30"]);
    // 31 Mar begins the third period, which ends the day before 30 Apr.
    expect(period("2025-01-31", "2025-03-31")).toEqual(["2025-03-31", "2025-04-29"]);
    // The anchor itself begins the first period: 15 Jan to 14 Feb.
    expect(period("2025-01-15", "2025-01-15")).toEqual(["2025-01-15", "2025-02-14"]);
    // Annual from 29 Feb 2024: EDATE(., 36) = 28 Feb 2027 and EDATE(., 48) = 29 Feb 2028.
    expect(period("2024-02-29", "2027-03-01", "annual")).toEqual(["2027-02-28", "2028-02-28"]);
  });
  test("annual periods from 29 Feb 2024 begin 28 Feb in common years, 29 Feb in leap years", () => {
    expect(period("2024-02-29", "2024-02-29", "annual")).toEqual(["2024-02-29", "2025-02-27"]);
    expect(period("2024-02-29", "2025-02-27", "annual")).toEqual(["2024-02-29", "2025-02-27"]);
    expect(period("2024-02-29", "2025-02-28", "annual")).toEqual(["2025-02-28", "2026-02-27"]);
    expect(period("2024-02-29", "2028-02-29", "annual")).toEqual(["2028-02-29", "2029-02-27"]);
  });
  test("the last day of a period and the first of the next", () => {
    // Anchor 15 Jan: 14 Feb ends the first period, 15 Feb begins the second; December to January.
    expect(period("2025-01-15", "2025-02-14")).toEqual(["2025-01-15", "2025-02-14"]);
    expect(period("2025-01-15", "2025-02-15")).toEqual(["2025-02-15", "2025-03-14"]);
    expect(period("2025-01-15", "2026-01-10")).toEqual(["2025-12-15", "2026-01-14"]);
    // Anchor 30 Jan 2025: February's period begins 28 Feb (EDATE 1) and ends 29 Mar.
    expect(period("2025-01-30", "2025-03-29")).toEqual(["2025-02-28", "2025-03-29"]);
    expect(period("2025-01-30", "2025-03-30")).toEqual(["2025-03-30", "2025-04-29"]);
  });
  test("a date before the anchor is #NUM!, naming both arguments", () => {
    let caught: unknown;
    try {
      billingPeriod(d("2025-01-15"), d("2025-01-14"), "monthly");
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(RuleError);
    expect([(caught as RuleError).kind, (caught as RuleError).message]).toEqual([
      "num",
      "date (2025-01-14) must be on or after anchor_date (2025-01-15).",
    ]);
  });
  test("a date thousands of years on is found arithmetically", () => {
    // Anchor 31 Jan 1900, date 5 Mar 9999: the period beginning EDATE(anchor, 12 x 8099 + 1) =
    // 28 Feb 9999 (9999 is a common year) and ending the day before 31 Mar 9999.
    expect(period("1900-01-31", "9999-03-05")).toEqual(["9999-02-28", "9999-03-30"]);
    expect(period("1900-01-31", "9999-03-05", "annual")).toEqual(["9999-01-31", "10000-01-30"]);
  });
});

test("every billing name picks its cycle; anything else is #VALUE!", () => {
  const pick = (name: string) => toChoice(name, "billing", BILLING_CYCLES);
  expect(["monthly", "Month", "MONTHS"].map(pick)).toEqual(["monthly", "monthly", "monthly"]);
  expect(["annual", "Annually", "yearly", "year", "years"].map(pick)).toEqual(Array(5).fill("annual"));
  expect(() => pick("weekly")).toThrow('billing "weekly" is not known; expected one of: monthly, annual.');
  expect(() => pick("")).toThrow("billing is required: expected one of: monthly, annual.");
});
