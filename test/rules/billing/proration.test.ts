import {
  PRORATION_BASES,
  planChange,
  planChangeToNumber,
  planChangeWorking,
  prorate,
  prorationShare,
  seatCharge,
  seatChargeToNumber,
  type ProrationBasis,
} from "../../../src/rules/billing/proration";
import { toChoice } from "../../../src/rules/core/args";
import { RuleError } from "../../../src/rules/core/errors";
import { Money } from "../../../src/rules/core/money";
import { epochDayFromYmd } from "../../../src/rules/core/serial";

const d = (iso: string) => {
  const [y, m, dd] = iso.split("-").map(Number);
  return epochDayFromYmd(y, m, dd);
};
const period = (start: string, end: string, effective: string, basis: ProrationBasis = "actual") => ({
  periodStart: d(start),
  periodEnd: d(end),
  effective: d(effective),
  basis,
});
const money = (v: number | string) => new Money(v);

describe("actual days (the default, the decision in docs/terms.md)", () => {
  test("a year: 1 Jul to 31 Dec 2025 is 184 of 365 days", () => {
    // Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 31 = 184 days; 1200 x 184 / 365.
    const s = prorationShare(period("2025-01-01", "2025-12-31", "2025-07-01"));
    expect([s.daysInPeriod, s.daysCharged]).toEqual([365, 184]);
    // Both operands are integers, so JS's division gives the double nearest the exact quotient.
    expect(prorate(money(1200), period("2025-01-01", "2025-12-31", "2025-07-01")).toNumber()).toBe(220800 / 365);
  });
  test("the effective day is charged: effective = period_end charges one day", () => {
    // 365 x 1 / 365 = 1.
    expect(prorate(money(365), period("2025-01-01", "2025-12-31", "2025-12-31")).toString()).toBe("1");
  });
  test("the whole period charges the whole amount exactly", () => {
    expect(prorate(money("1234.56"), period("2025-01-01", "2025-12-31", "2025-01-01")).toString()).toBe("1234.56");
  });
  test("a leap year has 366 days: 1 to 31 Dec 2024 is 31 of them", () => {
    // 2 seats x 1098 x 31 / 366 = 68076 / 366 = 186.
    expect(seatCharge(2, money(1098), period("2024-01-01", "2024-12-31", "2024-12-01")).toString()).toBe("186");
  });
  test("a month on a monthly plan: 22 to 31 Jan is 10 of 31 days", () => {
    // 3 seats x 31 x 10 / 31 = 30.
    expect(seatCharge(3, money(31), period("2025-01-01", "2025-01-31", "2025-01-22")).toString()).toBe("30");
    // February 2025 has 28 days; 15 to 28 Feb is 14: 3 x 56 x 14 / 28 = 84.
    expect(seatCharge(3, money(56), period("2025-02-01", "2025-02-28", "2025-02-15")).toString()).toBe("84");
  });
  test("money stays exact: 3 seats at 0.1 for half of a 10-day period is 0.15, not 0.15000000000000002", () => {
    // 3 x 0.1 = 0.3; 6 to 10 Jan is 5 of 10 days: 0.3 x 5 / 10 = 0.15.
    expect(seatCharge(3, money(0.1), period("2025-01-01", "2025-01-10", "2025-01-06")).toNumber()).toBe(0.15);
  });
  test("plan changes: upgrade charge and downgrade credit", () => {
    // (610 - 300) x 10 / 31 = 100; the reverse is -100.
    expect(planChange(money(300), money(610), period("2025-01-01", "2025-01-31", "2025-01-22")).toString()).toBe("100");
    expect(planChange(money(610), money(300), period("2025-01-01", "2025-01-31", "2025-01-22")).toString()).toBe("-100");
    expect(planChange(money(300), money(300), period("2025-01-01", "2025-01-31", "2025-01-22")).isZero()).toBe(true);
  });
  test("a plan change split at a day sums to the two pieces", () => {
    // Old 300 -> new 610 on 22 Jan: old plan for 21 days (300 x 21/31) + new plan for 10 days
    // (610 x 10/31) = (6300 + 6100) / 31 = 400; that is 300 + the upgrade charge of 100.
    const p = period("2025-01-01", "2025-01-31", "2025-01-22");
    expect(
      money(300)
        .plus(planChange(money(300), money(610), p))
        .toString(),
    ).toBe("400");
  });
});

describe("Zuora's published proration examples", () => {
  // Zuora, "When prorating a month, assume 30 days in a month or use actual days?": the ratios
  // for a service period ending on the month's last day.
  test("27 to 31 Jan 2021: actual 5/31, Actual/360 5/30, Strict 30/360 4/30", () => {
    expect(prorate(money(100), period("2021-01-01", "2021-01-31", "2021-01-27", "actual")).toNumber()).toBe(500 / 31);
    expect(prorate(money(100), period("2021-01-01", "2021-01-31", "2021-01-27", "actual/360")).toNumber()).toBe(500 / 30);
    expect(prorate(money(100), period("2021-01-01", "2021-01-31", "2021-01-27", "30/360")).toNumber()).toBe(400 / 30);
  });
  test("27 to 28 Feb 2021: actual 2/28, Actual/360 2/30, Strict 30/360 4/30", () => {
    const shares = (["actual", "actual/360", "30/360"] as const).map((b) => {
      const s = prorationShare(period("2021-02-01", "2021-02-28", "2021-02-27", b));
      return [s.daysCharged, s.daysInPeriod];
    });
    expect(shares).toEqual([
      [2, 28],
      [2, 30],
      [4, 30],
    ]);
  });
  test("all of Feb 2020: actual 29/29 and Strict 30/360 30/30 are the whole amount", () => {
    expect(prorate(money(100), period("2020-02-01", "2020-02-29", "2020-02-01", "actual")).toString()).toBe("100");
    expect(prorate(money(100), period("2020-02-01", "2020-02-29", "2020-02-01", "30/360")).toString()).toBe("100");
    // Zuora's Actual/360 ratio here is 29/30; this add-in charges a whole period in full on every
    // basis (prorating from the first day of a period is no proration).
    expect(prorate(money(100), period("2020-02-01", "2020-02-29", "2020-02-01", "actual/360")).toString()).toBe("100");
  });
  test("Actual/360 never charges more than the whole amount", () => {
    // 2 to 31 Jan is 30 actual days over a 30-day month: 30/30, the whole 100.
    expect(prorate(money(100), period("2025-01-01", "2025-01-31", "2025-01-02", "actual/360")).toString()).toBe("100");
  });
  test("30/360 over a year: 1 Jul to 31 Dec is 180 of 360", () => {
    // DAYS360(1 Jul, 1 Jan) = 180; DAYS360(1 Jan, 1 Jan next) = 360: 1200 x 180 / 360 = 600.
    expect(prorate(money(1200), period("2025-01-01", "2025-12-31", "2025-07-01", "30/360")).toString()).toBe("600");
  });
});

describe("errors", () => {
  const err = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      if (e instanceof RuleError) return `${e.kind}: ${e.message}`;
      throw e;
    }
    return "no error";
  };
  test("a period ending before it starts is #NUM!", () => {
    expect(err(() => prorationShare(period("2025-02-01", "2025-01-31", "2025-01-31")))).toBe(
      "num: period_end (2025-01-31) must be on or after period_start (2025-02-01).",
    );
  });
  test("an effective date outside the period is #NUM!, naming the argument", () => {
    expect(err(() => prorationShare(period("2025-01-01", "2025-01-31", "2025-02-01")))).toBe(
      "num: effective_date (2025-02-01) must fall within the period 2025-01-01 to 2025-01-31.",
    );
    expect(
      err(() =>
        seatCharge(1, money(1), period("2025-01-01", "2025-01-31", "2024-12-31"), {
          start: "period_start",
          end: "period_end",
          effective: "add_date",
        }),
      ),
    ).toBe("num: add_date (2024-12-31) must fall within the period 2025-01-01 to 2025-01-31.");
  });
  test("negative seats or prices are #NUM!", () => {
    expect(err(() => seatCharge(-1, money(10), period("2025-01-01", "2025-01-31", "2025-01-02")))).toBe(
      "num: seats must not be negative; got -1.",
    );
    expect(err(() => seatCharge(1, money(-10), period("2025-01-01", "2025-01-31", "2025-01-02")))).toBe(
      "num: seat_price must not be negative; got -10.",
    );
    expect(err(() => planChange(money(-1), money(10), period("2025-01-01", "2025-01-31", "2025-01-02")))).toBe(
      "num: old_price must not be negative; got -1.",
    );
  });
  test("from the period's first day the share is 1 on every basis, even a one-day period on the 30th", () => {
    // DAYS360(30 Jan, 31 Jan) = 0: the 31st counts as the 30th, so 30/360 sees no days in the
    // period 30 Jan to 30 Jan. Decision: effective = period_start charges the whole amount, so
    // 100 x 1 = 100, as on 31 January (DAYS360(31 Jan, 1 Feb) = 1, 1/1).
    for (const b of ["30/360", "actual/360", "actual"] as const) {
      const s = prorationShare(period("2025-01-30", "2025-01-30", "2025-01-30", b));
      expect([s.shareNumerator, s.shareDenominator]).toEqual([1, 1]);
      expect(prorate(money(100), period("2025-01-30", "2025-01-30", "2025-01-30", b)).toString()).toBe("100");
      expect(prorate(money(100), period("2025-01-31", "2025-01-31", "2025-01-31", b)).toString()).toBe("100");
    }
    // 30/360 counts 0 days in the period: shown as such in the working, the share still 1.
    expect(prorationShare(period("2025-01-30", "2025-01-30", "2025-01-30", "30/360")).daysInPeriod).toBe(0);
  });
});

describe('the months basis ("months", docs/terms.md\'s Decision)', () => {
  const share = (start: string, end: string, effective: string) => {
    const s = prorationShare(period(start, end, effective, "months"));
    return [s.shareNumerator, s.shareDenominator];
  };
  test("1 Jan to 31 Dec 2025, effective 15 Mar: 1200 x (9 + 17/31) / 12 = 954.8387096774194", () => {
    // 15 to 31 Mar is 17 of March's 31 days, then April to December are 9 whole months; the year
    // is 12 whole months: (17/31 + 9) / 12 = (17 + 279) / 372 = 296 / 372 = 74 / 93.
    const p = period("2025-01-01", "2025-12-31", "2025-03-15", "months");
    expect(share("2025-01-01", "2025-12-31", "2025-03-15")).toEqual([74, 93]);
    expect(prorate(money(1200), p).toNumber()).toBe(954.8387096774194);
    // 1200 x 74 / 93 = 88800 / 93: both whole, so JS's division is the double nearest the quotient.
    expect(prorate(money(1200), p).toNumber()).toBe(88800 / 93);
    expect(prorationShare(p).months).toEqual({
      wholeMonths: 12,
      partDays: 0,
      partMonthDays: 31, // the billing month after the period (January 2026): no day of it is in the period
      firstDays: 17,
      firstMonthDays: 31,
      wholeMonthsCharged: 9,
      lastDays: 0,
    });
  });
  test("15 Jan 2025 to 14 Jan 2026, effective 1 Mar: 1200 x (10 + 14/28) / 12 = 1050", () => {
    // Billing months from 15 Jan: [15 Jan, 14 Feb], [15 Feb, 14 Mar] (28 days) ... 1 to 14 Mar
    // is 14 of the second month's 28 days, then 10 whole months (15 Mar to 14 Jan 2026).
    const p = period("2025-01-15", "2026-01-14", "2025-03-01", "months");
    expect(prorate(money(1200), p).toString()).toBe("1050");
    expect(share("2025-01-15", "2026-01-14", "2025-03-01")).toEqual([7, 8]);
  });
  test("31 Jan to 30 Mar 2025, effective 15 Mar: 620 x (16/31) / 2 = 160", () => {
    // The months are [31 Jan, 27 Feb] and [28 Feb, 30 Mar] (31 days); 15 to 30 Mar is 16 of them.
    const p = period("2025-01-31", "2025-03-30", "2025-03-15", "months");
    expect(prorate(money(620), p).toString()).toBe("160");
    expect(prorationShare(p).months).toMatchObject({
      wholeMonths: 2,
      partDays: 0,
      firstDays: 16,
      firstMonthDays: 31,
      wholeMonthsCharged: 0,
    });
  });
  test("1 Jan to 14 Feb 2025, effective 1 Feb: 300 x (14/28) / (1 + 14/28) = 100", () => {
    // January is a whole month; 1 to 14 Feb is 14 of February's 28 days, all of them charged.
    const p = period("2025-01-01", "2025-02-14", "2025-02-01", "months");
    expect(prorate(money(300), p).toString()).toBe("100");
    expect(prorationShare(p).months).toEqual({
      wholeMonths: 1,
      partDays: 14,
      partMonthDays: 28,
      firstDays: 14, // the effective day is in the part month ending the period: its days charged
      firstMonthDays: 28,
      wholeMonthsCharged: 0,
      lastDays: 0,
    });
  });
  test("a part month at both ends of the days charged: 1 Jan to 14 Feb 2025, effective 15 Jan", () => {
    // 15 to 31 Jan is 17 of 31 days, then 14 of February's 28: (17/31 + 14/28) / (1 + 14/28)
    // = (17 x 28 + 14 x 31) / (42 x 31) = (476 + 434) / 1302 = 910 / 1302 = 65 / 93.
    expect(share("2025-01-01", "2025-02-14", "2025-01-15")).toEqual([65, 93]);
    expect(prorationShare(period("2025-01-01", "2025-02-14", "2025-01-15", "months")).months).toMatchObject({
      firstDays: 17,
      firstMonthDays: 31,
      wholeMonthsCharged: 0,
      lastDays: 14,
    });
    // 93 x 65 / 93 = 65.
    expect(seatCharge(1, money(93), period("2025-01-01", "2025-02-14", "2025-01-15", "months")).toString()).toBe("65");
  });
  test("an effective day on a billing month's first day charges that month whole: (1 + 9) / 12", () => {
    // 1 Mar: all 31 of March's days, then 9 whole months: 10 / 12 = 5 / 6; 1200 x 5 / 6 = 1000.
    expect(share("2025-01-01", "2025-12-31", "2025-03-01")).toEqual([5, 6]);
    expect(planChange(money(300), money(1500), period("2025-01-01", "2025-12-31", "2025-03-01", "months")).toString()).toBe("1000");
  });
  test("a whole month is 1/12 of a year whatever its length: February and March cost the same", () => {
    // 1 Feb and 1 Mar 2025 on a yearly period: 11/12 and 10/12, so February costs 1200/12 = 100,
    // as March does (1 Mar and 1 Apr: 10/12 and 9/12); on the actual basis 28 and 31 days differ.
    const at = (effective: string) => prorate(money(1200), period("2025-01-01", "2025-12-31", effective, "months"));
    expect(at("2025-02-01").minus(at("2025-03-01")).toString()).toBe("100");
    expect(at("2025-03-01").minus(at("2025-04-01")).toString()).toBe("100");
  });
  test("within one billing month the months basis is the actual basis", () => {
    // 10 to 20 Jan, effective 15 Jan: 6 of 11 days on both (the month's 31 days cancel).
    expect(share("2025-01-10", "2025-01-20", "2025-01-15")).toEqual([6, 11]);
    // A whole billing month from 31 Jan: [31 Jan, 27 Feb] is 28 days; 20 to 27 Feb is 8 of them:
    // 8/28 = 2/7 in lowest terms.
    expect(share("2025-01-31", "2025-02-27", "2025-02-20")).toEqual([2, 7]);
    const actual = prorationShare(period("2025-01-31", "2025-02-27", "2025-02-20"));
    expect([actual.daysCharged, actual.daysInPeriod]).toEqual([8, 28]);
  });
  test("the period's first day charges the whole amount; its last day one day of its month", () => {
    expect(prorate(money("1234.56"), period("2025-01-31", "2025-03-30", "2025-01-31", "months")).toString()).toBe("1234.56");
    // 31 Dec 2025 is 1 of December's 31 days of 12 months: 1 / 372.
    expect(share("2025-01-01", "2025-12-31", "2025-12-31")).toEqual([1, 372]);
  });
  test("a period of 8,000 years is counted arithmetically, not day by day", () => {
    // 1 Jan 2000 to 31 Dec 9999 is 96,000 whole months; from 1 Jan 2001 all of January 2001 and
    // 95,987 whole months after it: 95,988 / 96,000; 1200 x 95988 / 96000 = 1199.85.
    const p = period("2000-01-01", "9999-12-31", "2001-01-01", "months");
    expect(prorate(money(1200), p).toString()).toBe("1199.85");
    expect(prorationShare(p).months).toMatchObject({ wholeMonths: 96000, firstDays: 31, wholeMonthsCharged: 95987 });
  });
});

describe("gaps a mutation run found", () => {
  const err = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      if (e instanceof RuleError) return `${e.kind}: ${e.message}`;
      throw e;
    }
    return "no error";
  };
  test("actual/360 caps at the whole amount from a day after the first: 23 Mar to 31 May 2023, effective 24 Mar", () => {
    // DAYS360(23 Mar, 1 Jun) = 2 x 30 + (1 - 23) + 30 = 68 days on the basis; 24 Mar to 31 May is
    // 8 + 30 + 31 = 69 actual days >= 68: the whole 100, never 100 x 69 / 68.
    const p = period("2023-03-23", "2023-05-31", "2023-03-24", "actual/360");
    const s = prorationShare(p);
    expect([s.daysCharged, s.daysInPeriod, s.shareNumerator, s.shareDenominator]).toEqual([69, 68, 1, 1]);
    expect(prorate(money(100), p).toString()).toBe("100");
    // Exactly at the length: 25 Mar leaves 68 actual days of 68, the whole amount too; 26 Mar 67/68.
    expect(prorate(money(68), period("2023-03-23", "2023-05-31", "2023-03-25", "actual/360")).toString()).toBe("68");
    // There the share is the whole period, 1/1 (not 68/68).
    const at = prorationShare(period("2023-03-23", "2023-05-31", "2023-03-25", "actual/360"));
    expect([at.daysCharged, at.daysInPeriod, at.shareNumerator, at.shareDenominator]).toEqual([68, 68, 1, 1]);
    expect(prorate(money(68), period("2023-03-23", "2023-05-31", "2023-03-26", "actual/360")).toString()).toBe("67");
  });
  test("actual/360 charges a 365-day year in full for a change on its days 2 to 6, as the basis's description says", () => {
    // DAYS360(1 Jan 2025, 1 Jan 2026) = 360. 2 Jan leaves 364 actual days, 6 Jan 360: all >= 360.
    // 7 Jan leaves 359: 360 x 359 / 360 = 359.
    for (const day of ["02", "03", "04", "05", "06"]) {
      expect(prorate(money(360), period("2025-01-01", "2025-12-31", `2025-01-${day}`, "actual/360")).toString()).toBe("360");
    }
    expect(prorate(money(360), period("2025-01-01", "2025-12-31", "2025-01-07", "actual/360")).toString()).toBe("359");
  });
  test("SEATCHARGE with 0 seats is 0, on every basis", () => {
    for (const b of ["actual", "30/360", "actual/360", "months"] as const) {
      expect(seatCharge(0, money(31), period("2025-01-01", "2025-01-31", "2025-01-22", b)).toString()).toBe("0");
    }
  });
  test("a negative new price is #NUM!, naming new_price", () => {
    expect(err(() => planChange(money(10), money(-1), period("2025-01-01", "2025-01-31", "2025-01-02")))).toBe(
      "num: new_price must not be negative; got -1.",
    );
    expect(err(() => planChange(10, -0.5, period("2025-01-01", "2025-01-31", "2025-01-02")))).toBe(
      "num: new_price must not be negative; got -0.5.",
    );
  });
  test('a negative price read from text ("-5") is #NUM! as the number is; "-0" is 0, not negative', () => {
    // Prices are what a plan or seat costs: never negative (the terms have no negative price).
    // Text is read as an exact decimal (Money), so the check must see a Decimal's sign.
    const p = period("2025-01-01", "2025-01-31", "2025-01-22");
    expect(err(() => seatCharge(1, money("-5"), p))).toBe("num: seat_price must not be negative; got -5.");
    expect(err(() => planChange(money("-5"), money(10), p))).toBe("num: old_price must not be negative; got -5.");
    expect(err(() => planChange(money(10), money("-5"), p))).toBe("num: new_price must not be negative; got -5.");
    expect(seatCharge(1, money("-0"), p).isZero()).toBe(true);
    // 0 to 31 is an upgrade of 31 x 10/31 = 10.
    expect(planChange(money("-0"), money(31), p).toString()).toBe("10");
  });
  test("every period of two days or more has a positive 30/360 length, so no share divides by 0", () => {
    // The Gregorian calendar repeats every 400 years (146,097 days, a whole number of weeks and
    // months), and DAYS360 looks only at year, month and day, so the starts of 2000 to 2399 are
    // every start there is. DAYS360(start, start + 2) is the shortest length of a period of two
    // days or more (DAYS360 never falls as the end moves later from the 1st on); it is >= 1.
    const first = d("2000-01-01");
    let shortest = Infinity;
    for (let start = first; start < first + 146097; start++) {
      const s = prorationShare({ periodStart: start, periodEnd: start + 1, effective: start + 1, basis: "30/360" });
      shortest = Math.min(shortest, s.daysInPeriod);
    }
    expect(shortest).toBe(1);
  });
});

describe("survivors of the mutation run on proration.ts (npm run mutation)", () => {
  test("every basis name the help lists picks its basis, YEARFRAC's codes included", () => {
    const pick = (name: string | number) => toChoice(name, "basis", PRORATION_BASES);
    expect(["actual", "Actual Days", "act/act", "1", 1].map(pick)).toEqual(Array(5).fill("actual"));
    expect(["30/360", "DAYS360", "Strict 30/360", "0", 0].map(pick)).toEqual(Array(5).fill("30/360"));
    expect(["actual/360", "ACT/360", "2", 2].map(pick)).toEqual(Array(4).fill("actual/360"));
    expect(["months", "Month-Based", "month based", "by month"].map(pick)).toEqual(Array(4).fill("months"));
    expect(() => pick("")).toThrow("basis is required: expected one of: actual, 30/360, actual/360, months.");
  });
  test("on the months basis the day counts shown are actual days", () => {
    // 1 Jan to 31 Dec 2025 is 365 days; 15 Mar to 31 Dec is 17 + 275 (Apr to Dec) = 292.
    const s = prorationShare(period("2025-01-01", "2025-12-31", "2025-03-15", "months"));
    expect([s.daysInPeriod, s.daysCharged]).toEqual([365, 292]);
  });
  test("the whole amount comes back exactly as given, even past 40 significant digits", () => {
    // No proration (share 1): nothing is multiplied, so nothing is rounded to Money's 40 digits.
    const amount = "1.000000000000000000000000000000000000000000001"; // 46 significant digits
    expect(prorate(money(amount), period("2025-01-01", "2025-12-31", "2025-01-01")).toString()).toBe(amount);
  });
  test("a price of 0 is allowed, as a number or as text", () => {
    const p = period("2025-01-01", "2025-01-31", "2025-01-22");
    expect(seatCharge(2, 0, p).toString()).toBe("0");
    // 0 to 31 over 10 of 31 days: 31 x 10 / 31 = 10.
    expect(planChange(0, 31, p).toString()).toBe("10");
    expect(planChangeToNumber(31, 0, p)).toBe(-10);
  });
  test("the number paths (what a cell receives): seats, plan changes and their working", () => {
    const jan = period("2025-01-01", "2025-01-31", "2025-01-22");
    // 3 seats x 31 x 10 / 31 = 30; 3 x 0.1 x 5 / 10 = 0.15 exactly (not 0.15000000000000002).
    expect(seatChargeToNumber(3, 31, jan)).toBe(30);
    expect(seatChargeToNumber(3, 0.1, period("2025-01-01", "2025-01-10", "2025-01-06"))).toBe(0.15);
    // 7 seats x 13 x 10 / 31 = 910 / 31.
    expect(seatChargeToNumber(7, 13, jan)).toBe(910 / 31);
    expect(seatChargeToNumber(7, money(13), jan)).toBe(910 / 31);
    // 10 seats x 31 x 10 / 31 = 100 (seats x days charged, never seats / days: 31 x 1 / 31 = 1).
    expect(seatChargeToNumber(10, 31, jan)).toBe(100);
    // (610 - 300) x 10 / 31 = 100; (0.3 - 0.1) x 1 = 0.2 exactly; a downgrade -100.
    expect(planChangeToNumber(300, 610, jan)).toBe(100);
    expect(planChangeToNumber(0.1, 0.3, period("2025-01-01", "2025-01-31", "2025-01-01"))).toBe(0.2);
    expect(planChangeToNumber(610, 300, jan)).toBe(-100);
    expect(planChangeToNumber(money(610), 300, jan)).toBe(-100);
    // Credit -300 x 10/31 = -3000/31, charge 610 x 10/31 = 6100/31, net 100.
    const w = planChangeWorking(300, 610, jan);
    expect([w.credit, w.charge, w.net]).toEqual([-3000 / 31, 6100 / 31, 100]);
    // Prices past 2^53: 2 x 1e20 x 10 / 31 = 2e21 / 31
    // ((3e20 - 1e20) x 10 / 31 the same); both operands are exact doubles, so JS's division is
    // the double nearest the exact quotient.
    expect(seatChargeToNumber(2, 1e20, jan)).toBe(2e21 / 31);
    expect(planChangeToNumber(1e20, 3e20, jan)).toBe(2e21 / 31);
    const t = planChangeWorking(money(300), money(610), jan);
    expect([t.credit, t.charge, t.net]).toEqual([-3000 / 31, 6100 / 31, 100]);
  });
});
