import { Money } from "../../../src/rules/core/money";
import { epochDayFromYmd } from "../../../src/rules/core/serial";
import {
  creditAmount,
  creditBandOf,
  monthlyUptime,
  ratioToNumber,
  slaCredit,
  slaCreditPct,
  slaMonth,
  slaWorking,
} from "../../../src/rules/sla/uptime";
import { ruleError as errorOf } from "../../helpers/rule-error";

const month = (y: number, m: number, d = 1) => slaMonth(epochDayFromYmd(y, m, d));
const money = (v: number | string) => new Money(v);
/** Uptime of a month with `outage` minutes, as Excel receives it. */
const uptime = (y: number, m: number, outage: number | string) => ratioToNumber(monthlyUptime(month(y, m), money(outage)));
/** Credit percentage of a month with `outage` minutes, compared exactly. */
const pctOf = (y: number, m: number, outage: number | string) => creditBandOf(monthlyUptime(month(y, m), money(outage))).credit.toNumber();

describe("minutes in a calendar month: days x 1440", () => {
  test("30-day, 31-day and February months; any day of the month names it", () => {
    // June: 30 x 1440 = 43200; January: 31 x 1440 = 44640; February 2025: 28 x 1440 = 40320.
    expect(month(2025, 6).minutes).toBe(43200);
    expect(month(2025, 6, 30).minutes).toBe(43200);
    expect(month(2025, 1, 17).minutes).toBe(44640);
    expect(month(2025, 2).minutes).toBe(40320);
    expect(month(2025, 6, 15).label).toBe("June 2025");
  });
  test("leap Februaries have 29 days: 41760 minutes (2024, 2000), not 2100", () => {
    expect(month(2024, 2, 29).minutes).toBe(41760);
    expect(month(2000, 2).minutes).toBe(41760);
    expect(month(2100, 2).minutes).toBe(40320);
  });
});

describe("Monthly Uptime Percentage, exact", () => {
  test("43.2 outage minutes in June are exactly 0.999 (binary floating point gives 0.9990000000000001)", () => {
    // (43200 - 43.2) / 43200 = 43156.8 / 43200 = 0.999.
    expect(uptime(2025, 6, 43.2)).toBe(0.999);
    expect(pctOf(2025, 6, 43.2)).toBe(0);
  });
  test("a fractional result is the double nearest the exact quotient", () => {
    // (44640 - 1) / 44640 = 44639 / 44640; (43200 - 0.1) / 43200 = 431999 / 432000.
    expect(uptime(2025, 1, 1)).toBe(44639 / 44640);
    expect(uptime(2025, 6, 0.1)).toBe(431999 / 432000);
    // 43.21 in June: 4315679 / 4320000, just under 99.9%.
    expect(uptime(2025, 6, 43.21)).toBe(4315679 / 4320000);
  });
  test("no outage is 1; a whole month out is 0", () => {
    expect(uptime(2025, 6, 0)).toBe(1);
    expect(uptime(2025, 6, 43200)).toBe(0);
  });
  test("outage minutes below 0 or above the month's minutes are #NUM!", () => {
    expect(errorOf(() => monthlyUptime(month(2025, 6), money(-1)))).toEqual({
      kind: "num",
      message: "outage_minutes must not be negative; got -1.",
    });
    expect(errorOf(() => monthlyUptime(month(2025, 6), money("43200.5")))).toEqual({
      kind: "num",
      message: "outage_minutes must be at most the 43200 minutes in June 2025; got 43200.5.",
    });
    // 43201 minutes fit in January (44640) but not in February 2025 (40320).
    expect(uptime(2025, 1, 43201)).toBe(1439 / 44640);
    expect(errorOf(() => monthlyUptime(month(2025, 2), money(43201))).kind).toBe("num");
  });
});

describe("credit bands: contiguous, compared unrounded (docs/terms.md)", () => {
  // Band edges as outage minutes: 0.1%, 1% and 3% of the month.
  test("a 30-day month (43200 minutes): edges at 43.2, 432 and 1296 minutes", () => {
    expect(pctOf(2025, 6, 43.2)).toBe(0); // 0.999 exactly: none
    expect(pctOf(2025, 6, 43.21)).toBe(0.1); // just below 0.999
    expect(pctOf(2025, 6, 432)).toBe(0.1); // 0.99 exactly: 10%
    expect(pctOf(2025, 6, 432.01)).toBe(0.25); // just below 0.99
    expect(pctOf(2025, 6, 1296)).toBe(0.25); // 0.97 exactly: 25%
    expect(pctOf(2025, 6, 1296.01)).toBe(0.5); // below 0.97: 50%
  });
  test("a 31-day month (44640 minutes): edges at 44.64, 446.4 and 1339.2 minutes", () => {
    expect(uptime(2025, 1, 44.64)).toBe(0.999);
    expect(pctOf(2025, 1, 44.64)).toBe(0);
    expect(pctOf(2025, 1, 44.65)).toBe(0.1);
    expect(uptime(2025, 1, 446.4)).toBe(0.99);
    expect(pctOf(2025, 1, 446.4)).toBe(0.1);
    expect(pctOf(2025, 1, 446.41)).toBe(0.25);
    expect(uptime(2025, 1, 1339.2)).toBe(0.97);
    expect(pctOf(2025, 1, 1339.2)).toBe(0.25);
    expect(pctOf(2025, 1, 1339.21)).toBe(0.5);
  });
  test("leap February: 41.76 minutes are exactly 99.9% in 2024 (none) but 10% in February 2025", () => {
    // 2024: (41760 - 41.76) / 41760 = 0.999. 2025: (40320 - 41.76) / 40320 = 4027824 / 4032000 < 0.999.
    expect(uptime(2024, 2, 41.76)).toBe(0.999);
    expect(pctOf(2024, 2, 41.76)).toBe(0);
    expect(uptime(2025, 2, 41.76)).toBe(4027824 / 4032000);
    expect(pctOf(2025, 2, 41.76)).toBe(0.1);
    // February 2025's own edge: 40.32 minutes.
    expect(pctOf(2025, 2, 40.32)).toBe(0);
  });
  test("an uptime given as a fraction: every edge, read from the number's shortest text", () => {
    const pct = (u: number) => slaCreditPct(money(u)).toNumber();
    expect([1, 0.9995, 0.999].map(pct)).toEqual([0, 0, 0]);
    // The double just below 0.999 writes as 0.9989999999999999: below the edge, 10%.
    expect(pct(0.9989999999999999)).toBe(0.1);
    expect([0.9989, 0.995, 0.99].map(pct)).toEqual([0.1, 0.1, 0.1]);
    // "98.99%" and anything below 99.0% down to 97.0%: 25%.
    expect([0.9899999999999999, 0.9899, 0.98, 0.97].map(pct)).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect([0.9699999999999999, 0.9699, 0.5, 0].map(pct)).toEqual([0.5, 0.5, 0.5, 0.5]);
  });
  test("an uptime outside 0..1 is #NUM! and says how 99.5% is written", () => {
    expect(errorOf(() => slaCreditPct(money(99.5)))).toEqual({
      kind: "num",
      message: "uptime must be between 0 and 1 (a fraction: 99.5% is written 0.995); got 99.5.",
    });
    expect(errorOf(() => slaCreditPct(money(-0.001)))).toEqual({
      kind: "num",
      message: "uptime must be between 0 and 1 (a fraction: 99.5% is written 0.995); got -0.001.",
    });
    expect(errorOf(() => slaCreditPct(money("1.0000000001"))).kind).toBe("num");
  });
});

describe("the credit amount: percentage x monthly fee, capped at 50%", () => {
  test("each band on a fee of 1000", () => {
    // 0.9995 none; 0.995 10% = 100; 0.98 25% = 250; 0.9 50% = 500.
    expect([0.9995, 0.995, 0.98, 0.9].map((u) => slaCredit(money(u), money(1000)).toNumber())).toEqual([0, 100, 250, 500]);
  });
  test("exact: 10% of 0.7 is 0.07 (binary floating point gives 0.06999999999999999); 25% of 1234.56 is 308.64", () => {
    expect(slaCredit(money(0.995), money(0.7)).toString()).toBe("0.07");
    expect(slaCredit(money(0.98), money(1234.56)).toString()).toBe("308.64");
  });
  test("never above 50% of the fee, whatever percentage is asked", () => {
    // A percentage above the cap (e.g. from a custom table) is held to 50%: 60% of 200 -> 100.
    expect(creditAmount(money("0.6"), money(200)).toString()).toBe("100");
    expect(slaCredit(money(0), money(200)).toString()).toBe("100");
  });
  test("a negative fee is #NUM!", () => {
    expect(errorOf(() => slaCredit(money(0.98), money(-1)))).toEqual({ kind: "num", message: "monthly_fee must not be negative; got -1." });
  });
});

describe("the working of an SLA month", () => {
  test("June 2025, 43.2 outage minutes, fee 1000: 99.9% exactly, no credit", () => {
    const w = slaWorking(month(2025, 6), money(43.2), money(1000));
    expect([w.month.minutes, w.outageMinutes.toString(), ratioToNumber(w.uptime), w.band.band, w.creditPct.toString()]).toEqual([
      43200,
      "43.2",
      0.999,
      "99.9% or above",
      "0",
    ]);
    expect(w.creditAmount?.toString()).toBe("0");
  });
  test("January 2025, 446.4 outage minutes, fee 2500: 99.0% exactly, 10% = 250; no fee, no amount", () => {
    const w = slaWorking(month(2025, 1), money(446.4), money(2500));
    expect([w.band.band, w.creditPct.toString(), w.creditAmount?.toString()]).toEqual(["99.0%–99.9%", "0.1", "250"]);
    expect(slaWorking(month(2025, 1), money(446.4)).creditAmount).toBeUndefined();
  });
});
