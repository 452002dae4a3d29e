import { epochDayFromYmd, formatEpochDay, formatEpochSecond } from "../../../src/rules/core/serial";
import { claimDeadline, responseDue, toPriority } from "../../../src/rules/sla/response";
import { ruleError as errorOf } from "../../helpers/rule-error";

const day = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return epochDayFromYmd(y, m, d);
};
/** Epoch seconds of "2025-06-06T15:30". */
const at = (iso: string) => {
  const [date, time] = iso.split("T");
  const [hh, mm] = time.split(":").map(Number);
  return day(date) * 86400 + hh * 3600 + mm * 60;
};
const due = (priority: "Severe" | "High" | "Medium", iso: string, holidays: string[] = []) =>
  formatEpochSecond(responseDue(priority, at(iso), holidays.map(day)));

// 2025-06-01 is a Sunday (2025-01-01 was a Wednesday; 151 days later, 151 = 21 x 7 + 4).
describe("time to response (sla section 5)", () => {
  test("Severe: 2 hours on the clock, over midnight into a Saturday", () => {
    expect(due("Severe", "2025-06-06T23:00")).toBe("2025-06-07T01:00:00");
  });
  test("High: 8 hours on the clock, weekends included", () => {
    expect(due("High", "2025-06-06T20:00")).toBe("2025-06-07T04:00:00");
    expect(due("High", "2025-06-07T10:15")).toBe("2025-06-07T18:15:00");
  });
  test("Medium: 3 business days by WORKDAY, the time of day kept", () => {
    // Friday 6 June 15:30 -> Mon 9, Tue 10, Wed 11: Wednesday 15:30.
    expect(due("Medium", "2025-06-06T15:30")).toBe("2025-06-11T15:30:00");
    // Submitted on Saturday 7 June 09:00 -> Mon 9, Tue 10, Wed 11 at 09:00.
    expect(due("Medium", "2025-06-07T09:00")).toBe("2025-06-11T09:00:00");
  });
  test("Medium skips holidays: with Monday 9 June off, Friday's request is due Thursday", () => {
    expect(due("Medium", "2025-06-06T15:30", ["2025-06-09"])).toBe("2025-06-12T15:30:00");
    // Tue 23 Dec 2025 10:00 with 25 and 26 Dec off: Wed 24 (1), Mon 29 (2), Tue 30 (3).
    expect(due("Medium", "2025-12-23T10:00", ["2025-12-25", "2025-12-26"])).toBe("2025-12-30T10:00:00");
  });
  test("holidays do not move Severe or High", () => {
    expect(due("High", "2025-12-24T20:00", ["2025-12-25"])).toBe("2025-12-25T04:00:00");
  });
  test("priority names, any case; unknown or blank #VALUE!", () => {
    expect([toPriority("severe"), toPriority("HIGH"), toPriority(" Medium ")]).toEqual(["Severe", "High", "Medium"]);
    expect(errorOf(() => toPriority("Urgent"))).toEqual({
      kind: "value",
      message: 'priority "Urgent" is not known; expected one of: Severe, High, Medium.',
    });
    expect(errorOf(() => toPriority(null))).toEqual({
      kind: "value",
      message: "priority is required: expected one of: Severe, High, Medium.",
    });
    expect(errorOf(() => toPriority(true))).toMatchObject({ kind: "value" });
  });
});

describe("the claim window: received within 30 days after the incident (sla section 6)", () => {
  test("incident date + 30 days", () => {
    // June has 30 days: 1 June + 30 = 1 July.
    expect(formatEpochDay(claimDeadline(day("2025-06-01")))).toBe("2025-07-01");
    // 15 Dec + 30 = 14 Jan.
    expect(formatEpochDay(claimDeadline(day("2025-12-15")))).toBe("2026-01-14");
  });
  test("over a February: 15 Feb + 30 is 16 March in a leap year, 17 March otherwise", () => {
    // 2024: 14 days to 29 Feb, 16 more in March. 2025: 13 days to 28 Feb, 17 more.
    expect(formatEpochDay(claimDeadline(day("2024-02-15")))).toBe("2024-03-16");
    expect(formatEpochDay(claimDeadline(day("2025-02-15")))).toBe("2025-03-17");
  });
});
