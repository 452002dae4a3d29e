/**
 * Scheduled Maintenance through the built bundle, as Excel calls it: MAINTENANCEWINDOWS, OUTAGEMINUTES with
 * the six-hour maintenance cap fed by MAINTENANCEWINDOWS' spill (INDEX(F2#,0,1) and
 * INDEX(F2#,0,2) arrive as one-column ranges), OUTAGEWORKING, PLANCHANGEWORKING.
 */
import { dateTimeSerial, isErrorResult, loadBundle, type LoadedBundle } from "../helpers/bundle";

let b: LoadedBundle;
beforeAll(() => {
  b = loadBundle();
});

// Serials (1900 system): 2025-01-01 = 45658; 2025-02-01 = 45689; 2025-03-01 = 45717;
// 2025-05-01 = 45778; 2025-06-01 = 45809 (a Sunday); 2024-11-01 = 45597 (a Friday).
const JAN1 = 45658;
const FEB1 = 45689;
const MAR1 = 45717;
const MAY1 = 45778;
const JUNE1 = 45809;
const NOV1_2024 = 45597;
const dt = dateTimeSerial;
/** Day d of a month whose 1st is `first`. */
const on = (first: number, d: number) => first + d - 1;
/** Rows [start, end] at the same hours on each day d of the month. */
const rows = (first: number, days: number[], from: number, to: number) => days.map((d) => [dt(on(first, d), from), dt(on(first, d), to)]);
/** INDEX(spill, 0, n) as Excel passes it: a one-column range. */
const column = (spill: unknown, n: number) => (spill as number[][]).map((r) => [r[n - 1]]);

const JUNE_WEEKDAYS = [2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20, 23, 24, 25, 26, 27, 30];

describe("MAINTENANCEWINDOWS", () => {
  test("June 2025, US, UTC (both omitted): 21 rows, 06:00-10:00", () => {
    // 2:00-6:00 EDT (UTC-4) = 06:00-10:00 UTC on June's 21 weekdays.
    expect(b.call("MAINTENANCEWINDOWS", JUNE1, null, null)).toEqual(rows(JUNE1, JUNE_WEEKDAYS, 6, 10));
    // Any day of the month names it; "US" and "UTC" spelled out give the same.
    expect(b.call("MAINTENANCEWINDOWS", dt(on(JUNE1, 17), 15), "US", "UTC")).toEqual(rows(JUNE1, JUNE_WEEKDAYS, 6, 10));
  });
  test("January 2025, US: 23 rows, 07:00-11:00 UTC", () => {
    // 1 January 2025 is a Wednesday: 1-3, 6-10, 13-17, 20-24, 27-31.
    const days = [1, 2, 3, 6, 7, 8, 9, 10, 13, 14, 15, 16, 17, 20, 21, 22, 23, 24, 27, 28, 29, 30, 31];
    expect(b.call("MAINTENANCEWINDOWS", "2025-01-15", "US", null)).toEqual(rows(JAN1, days, 7, 11));
  });
  test("March 2025, US: 07:00 UTC until Friday 7 March, 06:00 UTC from Monday 10 March", () => {
    expect(b.call("MAINTENANCEWINDOWS", MAR1, "US", "UTC")).toEqual([
      ...rows(MAR1, [3, 4, 5, 6, 7], 7, 11),
      ...rows(MAR1, [10, 11, 12, 13, 14, 17, 18, 19, 20, 21, 24, 25, 26, 27, 28, 31], 6, 10),
    ]);
  });
  test("November 2024, US (fall back on Sunday 3 November): Friday the 1st at 06:00 UTC, from Monday the 4th at 07:00", () => {
    expect(b.call("MAINTENANCEWINDOWS", NOV1_2024, "US", "UTC")).toEqual([
      ...rows(NOV1_2024, [1], 6, 10),
      ...rows(NOV1_2024, [4, 5, 6, 7, 8, 11, 12, 13, 14, 15, 18, 19, 20, 21, 22, 25, 26, 27, 28, 29], 7, 11),
    ]);
  });
  test("June 2025, EU, in the Europe/London clock: 03:00-07:00 (GMT all year, read in BST)", () => {
    expect(b.call("MAINTENANCEWINDOWS", JUNE1, "EU", "Europe/London")).toEqual(rows(JUNE1, JUNE_WEEKDAYS, 3, 7));
  });
  test("February 2025, US, in Pacific/Kiritimati (UTC+14): windows cut at the month's edges in that clock", () => {
    // A winter US window, 07:00-11:00 UTC, is 21:00-01:00 local. Friday 31 January's ends at
    // 1 February 01:00: February opens with its last hour. Friday 28 February's is cut at 1 March 00:00.
    const days = [3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 17, 18, 19, 20, 21, 24, 25, 26, 27, 28];
    const want = [[dt(FEB1, 0), dt(FEB1, 1)], ...days.map((d) => [dt(on(FEB1, d), 21), d === 28 ? MAR1 : dt(on(FEB1, d + 1), 1)])];
    expect(b.call("MAINTENANCEWINDOWS", FEB1, "US", "Pacific/Kiritimati")).toEqual(want);
    expect(b.call("MAINTENANCEWINDOWS", FEB1, "US", "+14:00")).toEqual(want);
  });
  test("the last month of Excel's calendar: a window cut at the midnight ending 9999-12-31", () => {
    // 9999-12-31 is serial 2958465, a Friday. EU in +23:00: Friday's 02:00-06:00 UTC is
    // 10000-01-01 01:00-05:00, outside the month; Thursday the 30th's, 31 December 01:00-05:00,
    // is the last row.
    const r = b.call("MAINTENANCEWINDOWS", 2958465, "EU", "+23:00") as number[][];
    expect(r[r.length - 1]).toEqual([dt(2958465, 1), dt(2958465, 5)]);
    // US in +14:00: Friday's 02:00-06:00 EST = 07:00-11:00 UTC = 31 December 21:00 to 10000-01-01
    // 01:00, cut at the month's end, serial 2958466.
    const us = b.call("MAINTENANCEWINDOWS", 2958465, "US", "+14:00") as number[][];
    expect(us[us.length - 1]).toEqual([dt(2958465, 21), 2958466]);
  });
  test("errors: hosting, time_zone, a US month before 1987", () => {
    expect(b.call("MAINTENANCEWINDOWS", JUNE1, "APAC", null)).toEqual({
      error: "#VALUE!",
      message: 'hosting "APAC" is not known; expected one of: US, EU.',
    });
    expect(b.call("MAINTENANCEWINDOWS", JUNE1, "US", "Mars/Olympus")).toMatchObject({ error: "#VALUE!" });
    expect(b.call("MAINTENANCEWINDOWS", "1986-06-01", "US", null)).toEqual({
      error: "#NUM!",
      message:
        "month must be in 1987 or later for US hosting: US Eastern daylight saving is computed by the rules in force since then; got 1986-06-01.",
    });
    expect(b.call("MAINTENANCEWINDOWS", "June", "US", null)).toMatchObject({ error: "#VALUE!" });
  });
});

describe("OUTAGEMINUTES with the maintenance cap, maintenance from MAINTENANCEWINDOWS", () => {
  const euJune = () => b.call("MAINTENANCEWINDOWS", JUNE1, "EU", null);
  const mornings = (...days: number[]) => ({
    starts: days.map((d) => [dt(on(JUNE1, d), 3)]),
    ends: days.map((d) => [dt(on(JUNE1, d), 6)]),
  });
  test("03:00-06:00 on 2, 3 and 4 June, each in a 02:00-06:00 window: 180 + 180 excused, the third 180 count", () => {
    const f2 = euJune();
    const d = mornings(2, 3, 4);
    expect(b.call("OUTAGEMINUTES", JUNE1, d.starts, d.ends, column(f2, 1), column(f2, 2), null, null)).toBe(180);
    // maintenance_cap_hours 0: no cap; 9 hours: room for all 540.
    expect(b.call("OUTAGEMINUTES", JUNE1, d.starts, d.ends, column(f2, 1), column(f2, 2), null, 0)).toBe(0);
    expect(b.call("OUTAGEMINUTES", JUNE1, d.starts, d.ends, column(f2, 1), column(f2, 2), null, "9")).toBe(0);
    // 3 hours: 2 June fills the cap; 3 and 4 June count: 360.
    expect(b.call("OUTAGEMINUTES", JUNE1, d.starts, d.ends, column(f2, 1), column(f2, 2), null, 3)).toBe(360);
  });
  test("the same 180 minutes on 2 and 17 June: none count", () => {
    const f2 = euJune();
    const d = mornings(2, 17);
    expect(b.call("OUTAGEMINUTES", JUNE1, d.starts, d.ends, column(f2, 1), column(f2, 2), null, null)).toBe(0);
  });
  test("a log that starts before the month: the windows of the 14 days before in the same spill (days_before 14)", () => {
    // US hosting, UTC log. Downtimes 06:00-10:00 UTC on Thursday 29 and Friday 30 May (240 + 240
    // in the EDT windows) and 06:00-07:00 on Monday 2 June. 29 May: 240 excused; 30 May: 120
    // more reach the 360 cap, 120 count in May; 2 June: the 14 days hold 360, so its 60 count.
    const f2 = b.call("MAINTENANCEWINDOWS", JUNE1, "US", null, 14) as number[][];
    // The same rows as May's windows from 19 May followed by June's.
    const may = (b.call("MAINTENANCEWINDOWS", MAY1, "US", null) as number[][]).filter((w) => w[0] >= on(MAY1, 18));
    expect(f2).toEqual([...may, ...(b.call("MAINTENANCEWINDOWS", JUNE1, "US", null) as number[][])]);
    const starts = [[dt(on(MAY1, 29), 6)], [dt(on(MAY1, 30), 6)], [dt(on(JUNE1, 2), 6)]];
    const ends = [[dt(on(MAY1, 29), 10)], [dt(on(MAY1, 30), 10)], [dt(on(JUNE1, 2), 7)]];
    expect(b.call("OUTAGEMINUTES", JUNE1, starts, ends, column(f2, 1), column(f2, 2), null, null)).toBe(60);
    expect(b.call("OUTAGEMINUTES", MAY1, starts, ends, column(f2, 1), column(f2, 2), null, null)).toBe(120);
    // Without the May rows of the log, 2 June's hour is excused.
    expect(b.call("OUTAGEMINUTES", JUNE1, starts.slice(2), ends.slice(2), column(f2, 1), column(f2, 2), null, null)).toBe(0);
  });
  test("overlapping maintenance ranges count once toward the cap", () => {
    // June's EU windows plus a notified 2 June 04:00-07:00 (overlapping 04:00-06:00). Downtime
    // 2 June 02:00-08:00: 300 minutes in maintenance (02:00-07:00), excused; 60 outside. Downtime
    // 3 June 02:00-06:00: 240 in maintenance, 60 excused (360 reached), 180 count. 60 + 180 = 240.
    const f2 = [...(euJune() as number[][]), [dt(on(JUNE1, 2), 4), dt(on(JUNE1, 2), 7)]];
    const starts = [[dt(on(JUNE1, 2), 2)], [dt(on(JUNE1, 3), 2)]];
    const ends = [[dt(on(JUNE1, 2), 8)], [dt(on(JUNE1, 3), 6)]];
    expect(b.call("OUTAGEMINUTES", JUNE1, starts, ends, column(f2, 1), column(f2, 2), null, null)).toBe(240);
  });
  test("maintenance_cap_hours errors", () => {
    const d = mornings(2);
    expect(b.call("OUTAGEMINUTES", JUNE1, d.starts, d.ends, null, null, null, -1)).toEqual({
      error: "#NUM!",
      message: "maintenance_cap_hours must not be negative; got -1.",
    });
    expect(b.call("OUTAGEMINUTES", JUNE1, d.starts, d.ends, null, null, null, "six")).toEqual({
      error: "#VALUE!",
      message: 'maintenance_cap_hours must be a number; got "six".',
    });
  });
});

describe("OUTAGEWORKING", () => {
  test("the issue's 28 May case: 300 excused before the month, 60 excused and 60 counted in June", () => {
    // 28 May 01:00-06:00 in maintenance from 00:00 (300 minutes excused); 2 June 02:00-04:00 in
    // the 02:00-06:00 window: 60 excused up to 360, 60 over the cap. 28 May is serial 45805.
    const starts = [[dt(45805, 1)], [dt(on(JUNE1, 2), 2)]];
    const ends = [[dt(45805, 6)], [dt(on(JUNE1, 2), 4)]];
    const mStarts = [[dt(45805, 0)], [dt(on(JUNE1, 2), 2)]];
    const mEnds = [[dt(45805, 6)], [dt(on(JUNE1, 2), 6)]];
    const w = b.call("OUTAGEWORKING", JUNE1, starts, ends, mStarts, mEnds, null, null);
    expect(w).toEqual([
      ["Downtimes in the log", 2],
      ["Shorter than min_minutes (dropped)", 0],
      ["Downtime minutes in the month", 120],
      ["Of which in maintenance", 120],
      ["Excused in the 14 days before the month", 300],
      ["Excused in the month", 60],
      ["Over the cap (counted)", 60],
      ["Outage minutes", 60],
    ]);
    expect(b.call("OUTAGEMINUTES", JUNE1, starts, ends, mStarts, mEnds, null, null)).toBe(60);
  });
  test("a dropped 4-minute downtime and one outside maintenance", () => {
    // 2 June 10:00-10:04 (dropped), 11:00-11:30 (30 minutes, no maintenance).
    const w = b.call(
      "OUTAGEWORKING",
      JUNE1,
      [[dt(on(JUNE1, 2), 10)], [dt(on(JUNE1, 2), 11)]],
      [[dt(on(JUNE1, 2), 10, 4)], [dt(on(JUNE1, 2), 11, 30)]],
    );
    expect(w).toEqual([
      ["Downtimes in the log", 2],
      ["Shorter than min_minutes (dropped)", 1],
      ["Downtime minutes in the month", 30],
      ["Of which in maintenance", 0],
      ["Excused in the 14 days before the month", 0],
      ["Excused in the month", 0],
      ["Over the cap (counted)", 0],
      ["Outage minutes", 30],
    ]);
  });
  test("errors as OUTAGEMINUTES", () => {
    expect(isErrorResult(b.call("OUTAGEWORKING", JUNE1, [[dt(JUNE1, 10)]], [[dt(JUNE1, 9)]], null, null, null, null))).toBe(true);
  });
});

describe("PLANCHANGEWORKING", () => {
  const JAN22 = on(JAN1, 22);
  const JAN31 = on(JAN1, 31);
  test("300 to 610 in January 2025, changed on the 22nd: 10/31, -300 x 10/31, +610 x 10/31, net 100", () => {
    const w = b.call("PLANCHANGEWORKING", 300, 610, JAN1, JAN31, JAN22, null);
    expect(w).toEqual([
      ["Basis", "actual"],
      ["Days in period", 31],
      ["Days charged", 10],
      ["Share", 10 / 31],
      ["Unused time on the old plan (credit)", -3000 / 31],
      ["Remaining time on the new plan (charge)", 6100 / 31],
      ["Net charge", 100],
    ]);
    expect((w as unknown[][])[6][1]).toBe(b.call("PLANCHANGE", 300, 610, JAN1, JAN31, JAN22, null));
  });
  test("the net is PLANCHANGE's exact result, not the sum of two rounded lines: 0.1 to 0.3 over 1/3", () => {
    // 30/360 basis, 1 to 30 November 2025 (30 days), change on the 21st: DAYS360 counts 21 Nov to
    // 1 Dec as 10 days: share 10/30. Credit -0.1/3, charge 0.3/3 = 0.1, net 0.2/3 (exactly 1/15).
    const NOV1 = 45962;
    const w = b.call("PLANCHANGEWORKING", 0.1, 0.3, NOV1, on(NOV1, 30), on(NOV1, 21), "30/360") as unknown[][];
    expect(w.slice(0, 4)).toEqual([
      ["Basis", "30/360"],
      ["Days in period", 30],
      ["Days charged", 10],
      ["Share", 10 / 30],
    ]);
    expect(w.slice(4)).toEqual([
      ["Unused time on the old plan (credit)", -1 / 30],
      ["Remaining time on the new plan (charge)", 0.1],
      ["Net charge", 1 / 15],
    ]);
    expect(w[6][1]).toBe(b.call("PLANCHANGE", 0.1, 0.3, NOV1, on(NOV1, 30), on(NOV1, 21), "30/360"));
  });
  test("from the period's first day the share is 1 on every basis: a one-day period on the 30th on 30/360", () => {
    // DAYS360(30 Jan, 31 Jan) = 0: no days on the basis, but the change on the first day charges in full.
    const JAN30 = on(JAN1, 30);
    expect(b.call("PLANCHANGEWORKING", 300, 400, JAN30, JAN30, JAN30, "30/360")).toEqual([
      ["Basis", "30/360"],
      ["Days in period", 0],
      ["Days charged", 0],
      ["Share", 1],
      ["Unused time on the old plan (credit)", -300],
      ["Remaining time on the new plan (charge)", 400],
      ["Net charge", 100],
    ]);
  });
  test("errors as PLANCHANGE", () => {
    expect(b.call("PLANCHANGEWORKING", 300, 610, JAN1, JAN31, JAN1 - 1, null)).toMatchObject({ error: "#NUM!" });
    expect(b.call("PLANCHANGEWORKING", -1, 610, JAN1, JAN31, JAN22, null)).toEqual({
      error: "#NUM!",
      message: "old_price must not be negative; got -1.",
    });
    expect(b.call("PLANCHANGEWORKING", 300, 610, JAN1, JAN31, JAN22, "weekly")).toMatchObject({ error: "#VALUE!" });
  });
});
