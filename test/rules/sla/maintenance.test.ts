/**
 * The standing maintenance windows (sla section 3): US Eastern daylight saving from the rules in
 * law, checked against the IANA America/New_York zone; windows of a month in a result clock.
 */
import { epochDayFromYmd, formatEpochSecond } from "../../../src/rules/core/serial";
import { timeZone } from "../../../src/rules/contract/season";
import { easternDst, easternOffsetSeconds, maintenanceWindows, standingWindow } from "../../../src/rules/sla/maintenance";
import { slaMonth } from "../../../src/rules/sla/uptime";
import { ruleError as errorOf } from "../../helpers/rule-error";

const day = (y: number, m: number, d: number) => epochDayFromYmd(y, m, d);
const month = (y: number, m: number) => slaMonth(day(y, m, 1));
/** Windows as ISO text pairs, to compare with hand-written lists. */
const iso = (ws: { start: number; end: number }[]) => ws.map((w) => [formatEpochSecond(w.start), formatEpochSecond(w.end)]);
/** The hand-worked list: each day of `days` with the same hours. */
const rows = (ym: string, days: number[], from: string, to: string) =>
  days.map((d) => [`${ym}-${String(d).padStart(2, "0")}T${from}:00`, `${ym}-${String(d).padStart(2, "0")}T${to}:00`]);

describe("US Eastern daylight saving, computed from the rules", () => {
  test("2025: from Sunday 9 March 07:00 UTC (2:00 EST) to Sunday 2 November 06:00 UTC (2:00 EDT)", () => {
    // March 2025 starts on a Saturday: Sundays 2 and 9, so the second is the 9th. November 2025
    // starts on a Saturday: the first Sunday is the 2nd.
    const d = easternDst(2025);
    expect([formatEpochSecond(d.start), formatEpochSecond(d.end)]).toEqual(["2025-03-09T07:00:00", "2025-11-02T06:00:00"]);
  });
  test("2006, under the 1987-2006 rule: first Sunday of April (2 April) to last Sunday of October (29 October)", () => {
    const d = easternDst(2006);
    expect([formatEpochSecond(d.start), formatEpochSecond(d.end)]).toEqual(["2006-04-02T07:00:00", "2006-10-29T06:00:00"]);
  });
  test("the offset flips at the instants, to the second", () => {
    const d = easternDst(2025);
    expect([d.start - 1, d.start, d.end - 1, d.end].map(easternOffsetSeconds)).toEqual([-18000, -14400, -14400, -18000]);
  });
  test("agrees with the IANA zone America/New_York every 6 hours from 1987 to 2040 (Intl's tz data as the oracle)", () => {
    const ny = new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", timeZoneName: "shortOffset" });
    const offsetOf = (s: number) => {
      const name = ny.formatToParts(s * 1000).find((p) => p.type === "timeZoneName")?.value;
      return name === "GMT-4" ? -14400 : name === "GMT-5" ? -18000 : NaN;
    };
    const mismatches: string[] = [];
    // Around each change, every minute from an hour before to an hour after; elsewhere every 6 hours.
    for (let year = 1987; year <= 2040; year++) {
      const d = easternDst(year);
      for (const edge of [d.start, d.end])
        for (let s = edge - 3600; s <= edge + 3600; s += 60)
          if (easternOffsetSeconds(s) !== offsetOf(s)) mismatches.push(formatEpochSecond(s));
    }
    for (let s = day(1987, 1, 1) * 86400; s < day(2041, 1, 1) * 86400; s += 6 * 3600)
      if (easternOffsetSeconds(s) !== offsetOf(s)) mismatches.push(formatEpochSecond(s));
    expect(mismatches).toEqual([]);
  });
  test("before 1987 is #NUM!; December to February need no rule", () => {
    expect(errorOf(() => easternDst(1986))).toEqual({
      kind: "num",
      message: "US Eastern daylight saving is computed from 1987 on (the rules in force since then); got a window in 1986.",
    });
    expect(easternOffsetSeconds(day(1986, 12, 31) * 86400)).toBe(-18000);
  });
});

describe("standingWindow: one weekday", () => {
  test("a Saturday and a Sunday have none", () => {
    expect(standingWindow(day(2025, 6, 7), "US")).toBeUndefined();
    expect(standingWindow(day(2025, 6, 8), "EU")).toBeUndefined();
  });
  test("Monday 2 June 2025: US 06:00-10:00 UTC (EDT), EU 02:00-06:00 UTC", () => {
    expect(iso([standingWindow(day(2025, 6, 2), "US")!])).toEqual([["2025-06-02T06:00:00", "2025-06-02T10:00:00"]]);
    expect(iso([standingWindow(day(2025, 6, 2), "EU")!])).toEqual([["2025-06-02T02:00:00", "2025-06-02T06:00:00"]]);
  });
});

describe("maintenanceWindows: the issue's examples, worked by hand", () => {
  const UTC = timeZone(null);
  test("June 2025, US, UTC: 21 rows, 06:00-10:00 (EDT)", () => {
    // 1 June 2025 is a Sunday: weekdays 2-6, 9-13, 16-20, 23-27, 30 = 21.
    const days = [2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20, 23, 24, 25, 26, 27, 30];
    expect(iso(maintenanceWindows(month(2025, 6), "US", UTC))).toEqual(rows("2025-06", days, "06:00", "10:00"));
  });
  test("January 2025, US: 23 rows, 07:00-11:00 UTC (EST)", () => {
    // 1 January 2025 is a Wednesday: 1-3, 6-10, 13-17, 20-24, 27-31 = 3 + 20 = 23.
    const days = [1, 2, 3, 6, 7, 8, 9, 10, 13, 14, 15, 16, 17, 20, 21, 22, 23, 24, 27, 28, 29, 30, 31];
    expect(iso(maintenanceWindows(month(2025, 1), "US", UTC))).toEqual(rows("2025-01", days, "07:00", "11:00"));
  });
  test("March 2025, US: 07:00 UTC until Friday 7 March, 06:00 UTC from Monday 10 March (spring forward, Sunday 9th)", () => {
    // 1 March 2025 is a Saturday: weekdays 3-7 (EST), then 10-14, 17-21, 24-28, 31 (EDT).
    expect(iso(maintenanceWindows(month(2025, 3), "US", UTC))).toEqual([
      ...rows("2025-03", [3, 4, 5, 6, 7], "07:00", "11:00"),
      ...rows("2025-03", [10, 11, 12, 13, 14, 17, 18, 19, 20, 21, 24, 25, 26, 27, 28, 31], "06:00", "10:00"),
    ]);
  });
  test("November 2024, US: Friday 1 November 06:00 UTC, from Monday 4 November 07:00 UTC (fall back, Sunday 3rd)", () => {
    // 1 November 2024 is a Friday; the first Sunday is the 3rd. Weekdays 1, 4-8, 11-15, 18-22, 25-29 = 21.
    expect(iso(maintenanceWindows(month(2024, 11), "US", UTC))).toEqual([
      ...rows("2024-11", [1], "06:00", "10:00"),
      ...rows("2024-11", [4, 5, 6, 7, 8, 11, 12, 13, 14, 15, 18, 19, 20, 21, 22, 25, 26, 27, 28, 29], "07:00", "11:00"),
    ]);
  });
  test("June 2025, EU, in the Europe/London clock: 03:00-07:00 (GMT windows read in BST)", () => {
    const days = [2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20, 23, 24, 25, 26, 27, 30];
    expect(iso(maintenanceWindows(month(2025, 6), "EU", timeZone("Europe/London")))).toEqual(rows("2025-06", days, "03:00", "07:00"));
  });
  test("in the America/New_York clock a US window is 02:00-06:00 on both sides of the change (March 2025)", () => {
    const days = [3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 17, 18, 19, 20, 21, 24, 25, 26, 27, 28, 31];
    expect(iso(maintenanceWindows(month(2025, 3), "US", timeZone("America/New_York")))).toEqual(rows("2025-03", days, "02:00", "06:00"));
  });
});

describe("maintenanceWindows: windows cut by the result clock", () => {
  // Pacific/Kiritimati is UTC+14 all year. A winter US window, 07:00-11:00 UTC, is 21:00 to 01:00
  // the next day there.
  const KIRITIMATI = timeZone("Pacific/Kiritimati");
  test("February 2025 opens with the last hour of Friday 31 January's window and ends cut at 1 March 00:00", () => {
    // Fri 31 Jan ET: 31 Jan 21:00 - 1 Feb 01:00 local, cut to 1 Feb 00:00-01:00. Then the ET
    // weekdays 3-7, 10-14, 17-21, 24-28 February at 21:00 to 01:00 the next day; Fri 28 Feb's
    // runs to 1 March 01:00 and is cut at 1 March 00:00. 1 + 20 = 21 rows.
    const ws = iso(maintenanceWindows(month(2025, 2), "US", KIRITIMATI));
    expect(ws.length).toBe(21);
    expect(ws[0]).toEqual(["2025-02-01T00:00:00", "2025-02-01T01:00:00"]);
    expect(ws[1]).toEqual(["2025-02-03T21:00:00", "2025-02-04T01:00:00"]);
    expect(ws[19]).toEqual(["2025-02-27T21:00:00", "2025-02-28T01:00:00"]);
    expect(ws[20]).toEqual(["2025-02-28T21:00:00", "2025-03-01T00:00:00"]);
  });
  test("the fixed offset +14:00 gives the same windows", () => {
    expect(maintenanceWindows(month(2025, 2), "US", timeZone("+14:00"))).toEqual(maintenanceWindows(month(2025, 2), "US", KIRITIMATI));
  });
  test("west of UTC: EU windows in -05:00 are 21:00-01:00 from the day before; July's first is cut at 1 July 00:00", () => {
    // June 2025 in UTC-5: Mon 2 June 02:00-06:00 UTC is 1 June 21:00 - 2 June 01:00. Fri 30 May's
    // window (29 May 21:00 - 30 May 01:00 local) is in May. Mon 30 June's is 29 June 21:00 -
    // 30 June 01:00; Tue 1 July's is 30 June 21:00 - 1 July 01:00, cut at 1 July 00:00.
    // 21 weekdays of June + 1 = 22 rows.
    const ws = iso(maintenanceWindows(month(2025, 6), "EU", timeZone("-05:00")));
    expect(ws.length).toBe(22);
    expect(ws[0]).toEqual(["2025-06-01T21:00:00", "2025-06-02T01:00:00"]);
    expect(ws[20]).toEqual(["2025-06-29T21:00:00", "2025-06-30T01:00:00"]);
    expect(ws[21]).toEqual(["2025-06-30T21:00:00", "2025-07-01T00:00:00"]);
  });
});

describe("maintenanceWindows: errors", () => {
  test("a US month before 1987 is #NUM!; EU has no such limit", () => {
    expect(errorOf(() => maintenanceWindows(month(1986, 12), "US", timeZone(null)))).toEqual({
      kind: "num",
      message:
        "month must be in 1987 or later for US hosting: US Eastern daylight saving is computed by the rules in force since then; got 1986-12-01.",
    });
    // December 1986 (1 December a Monday): 23 weekdays.
    expect(maintenanceWindows(month(1986, 12), "EU", timeZone(null)).length).toBe(23);
  });
});
