import { planChange, prorate, prorationShare, seatCharge, type ProrationBasis } from "../../../src/rules/billing/proration";
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

describe("actual days (the default, domain.md's decision)", () => {
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
  test("from the period's first day the share is 1 on every basis, even a one-day period on the 30th (issue 10)", () => {
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
