/**
 * Price changes (usage-terms: "the next full calendar month that follows thirty (30) days after
 * such update"; decision: the first month starting on or after update + 30) and the declined-card
 * deactivation (billing-help: three days).
 */
import { epochDayFromYmd as d } from "../../../src/rules/core/serial";
import { CHANGE_KINDS, changeEffective, deactivationDate, priceEffective } from "../../../src/rules/contract/price-change";
import { toChoice } from "../../../src/rules/core/args";
import { ruleError as thrown } from "../../helpers/rule-error";

describe("PRICEEFFECTIVE", () => {
  test("mid-month update: 15 Jan + 30 = 14 Feb, so 1 Mar", () => {
    expect(priceEffective(d(2025, 1, 15))).toBe(d(2025, 3, 1));
  });
  test("update + 30 on a 1st: that month (the decision: on or after)", () => {
    // 2 Jan 2025 + 30 = 1 Feb 2025.
    expect(priceEffective(d(2025, 1, 2))).toBe(d(2025, 2, 1));
    // The stricter reading (the month must begin after day 30) is notice_days 31: 2 Feb, so 1 Mar.
    expect(priceEffective(d(2025, 1, 2), 31)).toBe(d(2025, 3, 1));
  });
  test("leap years: 31 Jan + 30 is 1 Mar in 2024 but 2 Mar in 2025", () => {
    // 2024: 31 Jan + 29 = 29 Feb, + 1 = 1 Mar -> 1 Mar 2024.
    expect(priceEffective(d(2024, 1, 31))).toBe(d(2024, 3, 1));
    // 2025: 31 Jan + 28 = 28 Feb, + 2 = 2 Mar -> 1 Apr 2025.
    expect(priceEffective(d(2025, 1, 31))).toBe(d(2025, 4, 1));
    // 30 Jan 2024 + 30 = 29 Feb 2024 -> 1 Mar 2024.
    expect(priceEffective(d(2024, 1, 30))).toBe(d(2024, 3, 1));
  });
  test("across the year end", () => {
    // 15 Dec 2025 + 30 = 14 Jan 2026 -> 1 Feb 2026; 2 Dec 2025 + 30 = 1 Jan 2026 -> 1 Jan 2026.
    expect(priceEffective(d(2025, 12, 15))).toBe(d(2026, 2, 1));
    expect(priceEffective(d(2025, 12, 2))).toBe(d(2026, 1, 1));
    // 1 Dec 2025 + 30 = 31 Dec -> 1 Jan 2026.
    expect(priceEffective(d(2025, 12, 1))).toBe(d(2026, 1, 1));
  });
  test("WhatsApp Rate Card (first day of the month following publication) is notice_days 1", () => {
    expect(priceEffective(d(2025, 1, 31), 1)).toBe(d(2025, 2, 1));
    expect(priceEffective(d(2025, 1, 1), 1)).toBe(d(2025, 2, 1));
    expect(priceEffective(d(2025, 12, 31), 1)).toBe(d(2026, 1, 1));
  });
  test("notice_days 0: the first 1st on or after the update", () => {
    expect(priceEffective(d(2025, 3, 1), 0)).toBe(d(2025, 3, 1));
    expect(priceEffective(d(2025, 3, 2), 0)).toBe(d(2025, 4, 1));
  });
  test("errors: negative or fractional notice, past 9999-12-31", () => {
    expect(thrown(() => priceEffective(d(2025, 1, 1), -1))).toEqual({ kind: "num", message: "notice_days must not be negative; got -1." });
    expect(thrown(() => priceEffective(d(2025, 1, 1), 1.5))).toEqual({
      kind: "num",
      message: "notice_days must be a whole number; got 1.5.",
    });
    expect(thrown(() => priceEffective(d(2025, 1, 1), 1e308))).toEqual({
      kind: "num",
      message: "update_date + notice_days falls after 9999-12-31, the end of Excel's calendar: 2025-01-01 + 1e+308 days.",
    });
  });
});

describe("DEACTIVATIONDATE", () => {
  test("decline + 3 days, across month ends and leap days", () => {
    expect(deactivationDate(d(2025, 1, 30))).toBe(d(2025, 2, 2));
    // 2024: 28, 29 Feb, 1 Mar. 2025: 28 Feb, 1, 2 Mar.
    expect(deactivationDate(d(2024, 2, 27))).toBe(d(2024, 3, 1));
    expect(deactivationDate(d(2025, 2, 27))).toBe(d(2025, 3, 2));
    expect(deactivationDate(d(2025, 12, 30))).toBe(d(2026, 1, 2));
  });
  test("calendar days: a Friday decline deactivates on Monday", () => {
    // Fri 7 Mar 2025 + 3 = Mon 10 Mar.
    expect(deactivationDate(d(2025, 3, 7))).toBe(d(2025, 3, 10));
  });
  test("another grace period from an Order", () => {
    expect(deactivationDate(d(2025, 1, 30), 0)).toBe(d(2025, 1, 30));
    expect(deactivationDate(d(2025, 1, 30), 7)).toBe(d(2025, 2, 6));
  });
  test("errors", () => {
    expect(thrown(() => deactivationDate(d(2025, 1, 30), -3))).toEqual({
      kind: "num",
      message: "grace_days must not be negative; got -3.",
    });
    expect(thrown(() => deactivationDate(d(9999, 12, 30)))).toEqual({
      kind: "num",
      message: "The deactivation date falls after 9999-12-31, the end of Excel's calendar: 9999-12-30 + 3 days.",
    });
  });
});

describe("CHANGEEFFECTIVE", () => {
  test("SLA: notice + 30 calendar days, not the start of a month", () => {
    // 10 Mar 2025: 21 days left in March, then 9 in April: 9 Apr 2025.
    expect(changeEffective("SLA", d(2025, 3, 10))).toBe(d(2025, 4, 9));
    // 31 Jan 2024 + 30 = 1 Mar 2024 (29 days of a leap February); 31 Jan 2025 + 30 = 2 Mar 2025.
    expect(changeEffective("SLA", d(2024, 1, 31))).toBe(d(2024, 3, 1));
    expect(changeEffective("SLA", d(2025, 1, 31))).toBe(d(2025, 3, 2));
  });
  test("usage price: the first month starting on or after notice + 30 days (as PRICEEFFECTIVE)", () => {
    // 15 Jan + 30 = 14 Feb: 1 Mar. 2 Jan + 30 = 1 Feb, a 1st: 1 Feb.
    expect(changeEffective("usage price", d(2025, 1, 15))).toBe(d(2025, 3, 1));
    expect(changeEffective("usage price", d(2025, 1, 2))).toBe(d(2025, 2, 1));
  });
  test("WhatsApp rate card: the first day of the month after publication, even when published on a 1st or a 31st", () => {
    expect(changeEffective("WhatsApp rate card", d(2025, 1, 15))).toBe(d(2025, 2, 1));
    expect(changeEffective("WhatsApp rate card", d(2025, 1, 1))).toBe(d(2025, 2, 1));
    expect(changeEffective("WhatsApp rate card", d(2025, 1, 31))).toBe(d(2025, 2, 1));
    expect(changeEffective("WhatsApp rate card", d(2025, 12, 31))).toBe(d(2026, 1, 1));
  });
  test("translated word price and SLA diminishing: at renewal, the renewal date itself", () => {
    expect(changeEffective("translated word price", d(2025, 3, 10), d(2026, 1, 1))).toBe(d(2026, 1, 1));
    expect(changeEffective("SLA diminishing", d(2025, 3, 10), d(2026, 1, 1))).toBe(d(2026, 1, 1));
    // A renewal on the notice day itself is that day.
    expect(changeEffective("SLA diminishing", d(2025, 3, 10), d(2025, 3, 10))).toBe(d(2025, 3, 10));
  });
  test("a renewal date given to a change that does not wait for renewal is not used", () => {
    expect(changeEffective("SLA", d(2025, 3, 10), d(2026, 1, 1))).toBe(d(2025, 4, 9));
    expect(changeEffective("usage price", d(2025, 1, 15), d(2025, 2, 1))).toBe(d(2025, 3, 1));
  });
  test("errors: no renewal date for a change at renewal, a renewal before the notice, past 9999-12-31", () => {
    expect(thrown(() => changeEffective("translated word price", d(2025, 3, 10)))).toEqual({
      kind: "value",
      message:
        'renewal_date is required: expected the first day of the next Subscription Term, since a change of kind "translated word price" takes effect at renewal.',
    });
    expect(thrown(() => changeEffective("SLA diminishing", d(2025, 3, 10)))).toEqual({
      kind: "value",
      message:
        'renewal_date is required: expected the first day of the next Subscription Term, since a change of kind "SLA diminishing" takes effect at renewal.',
    });
    expect(thrown(() => changeEffective("SLA diminishing", d(2025, 3, 10), d(2025, 3, 9)))).toEqual({
      kind: "num",
      message: "renewal_date must be on or after notice_date; got 2025-03-09, before 2025-03-10.",
    });
    expect(thrown(() => changeEffective("SLA", d(9999, 12, 10)))).toEqual({
      kind: "num",
      message: "The effective date falls after 9999-12-31, the end of Excel's calendar: 9999-12-10 + 30 days.",
    });
    expect(thrown(() => changeEffective("WhatsApp rate card", d(9999, 12, 31)))).toEqual({
      kind: "num",
      message: "The effective date falls after 9999-12-31, the end of Excel's calendar: 9999-12-31 + 1 day.",
    });
  });
  test("the names: the dropdown's values, aliases, any case; plain WhatsApp is not a name", () => {
    const kind = (name: string) => toChoice(name, "change", CHANGE_KINDS);
    expect(kind("usage price")).toBe("usage price");
    expect(kind("Kustomer Voice")).toBe("usage price");
    expect(kind("kiq customer assist")).toBe("usage price");
    expect(kind("WhatsApp by Kustomer pricing")).toBe("usage price");
    expect(kind("whatsapp rate card")).toBe("WhatsApp rate card");
    expect(kind("Premium Translated Word")).toBe("translated word price");
    expect(kind("sla")).toBe("SLA");
    expect(kind("SLA Diminishing")).toBe("SLA diminishing");
    expect(thrown(() => kind("WhatsApp"))).toEqual({
      kind: "value",
      message:
        'change "WhatsApp" is not known; expected one of: usage price, WhatsApp rate card, translated word price, SLA, SLA diminishing.',
    });
  });
});
