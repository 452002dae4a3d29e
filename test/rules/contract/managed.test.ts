/**
 * Managed Services (ps-terms §11, §12): monthly hours by level, and the term moved when the
 * Order is signed after its Start Date ("the End Date is adjusted to maintain the specified term
 * length": both dates move by the days between the Start Date and the signing).
 */
import { epochDayFromYmd as d } from "../../../src/rules/core/serial";
import { managedHours, managedLevel, managedService, managedTerm } from "../../../src/rules/contract/managed";
import { ruleError as thrown } from "../../helpers/rule-error";

describe("MANAGEDHOURS", () => {
  test("Managed Services: Essential 8, Basic 16, Standard 40 hours a month", () => {
    expect(managedHours(managedLevel("Essential"), managedService("Managed Services"))).toBe(8);
    expect(managedHours(managedLevel("basic"), managedService("managed services"))).toBe(16);
    expect(managedHours(managedLevel("STANDARD"), managedService(null))).toBe(40);
  });
  test("AI Managed Services: Basic 16, Standard 40; it has no Essential level (#N/A)", () => {
    expect(managedHours(managedLevel("Basic"), managedService("AI Managed Services"))).toBe(16);
    expect(managedHours(managedLevel("Standard"), managedService("ai managed services"))).toBe(40);
    expect(thrown(() => managedHours(managedLevel("Essential"), managedService("AI Managed Services")))).toEqual({
      kind: "na",
      message: "AI Managed Services has no Essential level; the terms offer Basic, Standard.",
    });
  });
  test("blank service is Managed Services; unknown names are #VALUE! listing the known ones", () => {
    expect(managedService("")).toBe("Managed Services");
    expect(thrown(() => managedLevel("Premium"))).toEqual({
      kind: "value",
      message: 'service_level "Premium" is not known; expected one of: Essential, Basic, Standard.',
    });
    expect(thrown(() => managedLevel(null))).toEqual({
      kind: "value",
      message: "service_level is required: expected one of: Essential, Basic, Standard.",
    });
    expect(thrown(() => managedService("Support"))).toEqual({
      kind: "value",
      message: 'service "Support" is not known; expected one of: Managed Services, AI Managed Services.',
    });
  });
});

describe("MANAGEDTERM", () => {
  test("signed 19 days late: 2025 term becomes 20 Jan 2025 to 19 Jan 2026", () => {
    // 1 Jan + 19 = 20 Jan; 31 Dec 2025 + 19 = 19 Jan 2026.
    expect(managedTerm(d(2025, 1, 1), d(2025, 12, 31), d(2025, 1, 20))).toEqual({ start: d(2025, 1, 20), end: d(2026, 1, 19) });
  });
  test("signed on or before the Start Date: nothing moves", () => {
    expect(managedTerm(d(2025, 1, 1), d(2025, 12, 31), d(2025, 1, 1))).toEqual({ start: d(2025, 1, 1), end: d(2025, 12, 31) });
    expect(managedTerm(d(2025, 1, 1), d(2025, 12, 31), d(2024, 12, 15))).toEqual({ start: d(2025, 1, 1), end: d(2025, 12, 31) });
  });
  test("a term containing 29 Feb keeps its 366 days", () => {
    // 1 Dec 2023 to 30 Nov 2024 is 366 days; signed 31 Dec 2023 (+30): end 30 Nov + 30 = 30 Dec 2024.
    expect(managedTerm(d(2023, 12, 1), d(2024, 11, 30), d(2023, 12, 31))).toEqual({ start: d(2023, 12, 31), end: d(2024, 12, 30) });
  });
  test("month ends: 31 Jan start signed 28 Feb (+28 days)", () => {
    // 28 Feb is 28 days after 31 Jan; 30 Jul + 1 = 31 Jul, + 27 = 27 Aug.
    expect(managedTerm(d(2025, 1, 31), d(2025, 7, 30), d(2025, 2, 28))).toEqual({ start: d(2025, 2, 28), end: d(2025, 8, 27) });
  });
  test("a one-day term stays one day", () => {
    expect(managedTerm(d(2025, 3, 1), d(2025, 3, 1), d(2025, 3, 5))).toEqual({ start: d(2025, 3, 5), end: d(2025, 3, 5) });
  });
  test("an end before the start is #NUM!; an end moved past 9999 is #NUM!", () => {
    expect(thrown(() => managedTerm(d(2025, 12, 31), d(2025, 1, 1), d(2025, 1, 1)))).toEqual({
      kind: "num",
      message: "end_date (2025-01-01) must be on or after start_date (2025-12-31).",
    });
    expect(thrown(() => managedTerm(d(9999, 1, 1), d(9999, 12, 31), d(9999, 1, 2)))).toEqual({
      kind: "num",
      message: "The adjusted end date falls after 9999-12-31, the end of Excel's calendar: 9999-12-31 + 1 day.",
    });
  });
});
