/**
 * SCHEDULEDMAINTENANCE, its working and MAINTENANCEWINDOWS' days_before through the built bundle,
 * as Excel calls them; the result fed to OUTAGEMINUTES as INDEX(F2#,0,1) and INDEX(F2#,0,2) pass it.
 *
 * June 2025 in a UTC log, US hosting: EDT (UTC-4) all month, so the standing window 02:00-06:00
 * EDT is 06:00-10:00 UTC and the weekend starts Saturday 00:00 EDT = 04:00 UTC. 1 June is a
 * Sunday: Tuesday 10, Friday 13, Saturday 14 June.
 */
import { dateTimeSerial, loadBundle, type LoadedBundle } from "../helpers/bundle";

let b: LoadedBundle;
beforeAll(() => {
  b = loadBundle();
});

const JUNE1 = 45809;
const dt = dateTimeSerial;
/** 2025-06-d at h hours (and m minutes). */
const at = (d: number, h: number, m = 0) => dt(JUNE1 + d - 1, h + m / 60);
const cell = (v: unknown) => [[v]];
/** INDEX(spill, 0, n) as Excel passes it: a one-column range. */
const column = (spill: unknown, n: number) => (spill as unknown[][]).map((r) => [r[n - 1]]);

describe("SCHEDULEDMAINTENANCE: the examples of the terms", () => {
  test("Tuesday 10 June 08:00-12:00 gives 08:00-10:00", () => {
    expect(b.call("SCHEDULEDMAINTENANCE", cell(at(10, 8)), cell(at(10, 12)), null, null, null)).toEqual([[at(10, 8), at(10, 10)]]);
  });
  test("Saturday 14 June 12:00-14:00: no notice column, all; notice 13 June 13:00, nothing; notice 12 June 12:00, all", () => {
    const s = cell(at(14, 12));
    const e = cell(at(14, 14));
    expect(b.call("SCHEDULEDMAINTENANCE", s, e, null, null, null)).toEqual([[at(14, 12), at(14, 14)]]);
    // 23 hours ahead: under a day, so nothing; the result is two empty cells.
    expect(b.call("SCHEDULEDMAINTENANCE", s, e, null, null, cell(at(13, 13)))).toEqual([["", ""]]);
    expect(b.call("SCHEDULEDMAINTENANCE", s, e, null, null, cell(at(12, 12)))).toEqual([[at(14, 12), at(14, 14)]]);
  });
  test("Friday 13 June 23:00 to Saturday 14 June 05:00 gives 04:00-05:00", () => {
    expect(b.call("SCHEDULEDMAINTENANCE", cell(at(13, 23)), cell(at(14, 5)), "US", "UTC", null)).toEqual([[at(14, 4), at(14, 5)]]);
  });
  test("EU hosting, 10 June 02:00-06:30 gives 02:00-06:00", () => {
    expect(b.call("SCHEDULEDMAINTENANCE", cell(at(10, 2)), cell(at(10, 6, 30)), "EU", null, null)).toEqual([[at(10, 2), at(10, 6)]]);
  });
  test("text date-times are read as OUTAGEMINUTES reads them", () => {
    expect(b.call("SCHEDULEDMAINTENANCE", cell("2025-06-10T08:00"), cell("2025-06-10T12:00"), null, null, null)).toEqual([
      [at(10, 8), at(10, 10)],
    ]);
  });
});

describe("SCHEDULEDMAINTENANCE feeds OUTAGEMINUTES", () => {
  test("a claimed window at midday becomes Outage; nothing qualifying reads as no maintenance", () => {
    // Downtime Tuesday 10 June 08:00-12:00, claimed as maintenance 08:00-12:00: 08:00-10:00 is in
    // the standing window and excused (120 of the 360-minute cap); 10:00-12:00 is core time: 120
    // Outage minutes. Passed unchecked, the whole claim would excuse all 240: 0.
    const f2 = b.call("SCHEDULEDMAINTENANCE", cell(at(10, 8)), cell(at(10, 12)), null, null, null);
    const down = [cell(at(10, 8)), cell(at(10, 12))];
    expect(b.call("OUTAGEMINUTES", JUNE1, ...down, column(f2, 1), column(f2, 2), null, null)).toBe(120);
    expect(b.call("OUTAGEMINUTES", JUNE1, ...down, cell(at(10, 8)), cell(at(10, 12)), null, null)).toBe(0);
    // Saturday 14 June 12:00-14:00 down, claimed with a notice 23 hours ahead: nothing qualifies,
    // the ["", ""] row is no maintenance, and the 120 minutes are Outage.
    const none = b.call("SCHEDULEDMAINTENANCE", cell(at(14, 12)), cell(at(14, 14)), null, null, cell(at(13, 13)));
    expect(b.call("OUTAGEMINUTES", JUNE1, cell(at(14, 12)), cell(at(14, 14)), column(none, 1), column(none, 2), null, null)).toBe(120);
    expect(b.call("OUTAGEWORKING", JUNE1, cell(at(14, 12)), cell(at(14, 14)), column(none, 1), column(none, 2), null, null)).toContainEqual(
      ["Of which in maintenance", 0],
    );
  });
});

describe("SCHEDULEDMAINTENANCEWORKING", () => {
  test("each claim with its minutes excusable, not, and why; the total", () => {
    const r = b.call("SCHEDULEDMAINTENANCEWORKING", [[at(10, 8)], [at(14, 12)]], [[at(10, 12)], [at(14, 14)]], null, null, [
      [null],
      [at(13, 13)],
    ]);
    expect(r).toEqual([
      ["Claimed start", "Claimed end", "Minutes claimed", "Minutes excusable", "Minutes not", "Why"],
      // 240 claimed: 08:00-10:00 in the window, 10:00-12:00 core.
      [
        at(10, 8),
        at(10, 12),
        240,
        120,
        120,
        "120 min in the standing window (weekdays 2:00-6:00); 120 min in core business hours: not excusable",
      ],
      [at(14, 12), at(14, 14), 120, 0, 120, "120 min at the weekend, notified less than 24 hours before the start: not excusable"],
      ["Total", "", 360, 120, 240, ""],
    ]);
  });
  test("without notice_times it says notice was not checked", () => {
    expect(b.call("SCHEDULEDMAINTENANCEWORKING", cell(at(14, 12)), cell(at(14, 14)), null, null, null)).toEqual([
      ["Claimed start", "Claimed end", "Minutes claimed", "Minutes excusable", "Minutes not", "Why"],
      [at(14, 12), at(14, 14), 120, 120, 0, "120 min at the weekend: notice not checked (no notice_times given)"],
      ["Total (notice not checked: no notice_times given)", "", 120, 120, 0, ""],
    ]);
  });
});

describe("errors", () => {
  test("clear messages naming the argument", () => {
    expect(b.call("SCHEDULEDMAINTENANCE", cell(at(10, 12)), cell(at(10, 8)), null, null, null)).toMatchObject({
      error: "#NUM!",
      message: expect.stringMatching(/^maintenance_ends \(row 1, column 1\) must not be before maintenance_starts/),
    });
    expect(b.call("SCHEDULEDMAINTENANCE", cell(at(10, 8)), cell(at(10, 12)), "APAC", null, null)).toEqual({
      error: "#VALUE!",
      message: 'hosting "APAC" is not known; expected one of: US, EU.',
    });
    expect(b.call("SCHEDULEDMAINTENANCE", cell(at(10, 8)), cell(at(10, 12)), null, null, [[1], [2]])).toEqual({
      error: "#VALUE!",
      message: "maintenance_starts and notice_times must be ranges of the same shape; got 1x1 and 2x1.",
    });
    expect(b.call("SCHEDULEDMAINTENANCEWORKING", cell(at(10, 8)), cell(at(10, 12)), null, "Mars/Olympus", null)).toMatchObject({
      error: "#VALUE!",
    });
  });
});

describe("MAINTENANCEWINDOWS days_before", () => {
  test("14: the 14 days before June and June in one spill, 10 + 21 windows at 06:00-10:00 UTC", () => {
    // The span starts 18 May 00:00 (a Sunday): weekdays 19-23 and 26-30 May, then June's 21.
    const may = [19, 20, 21, 22, 23, 26, 27, 28, 29, 30].map((d) => [dt(45778 + d - 1, 6), dt(45778 + d - 1, 10)]);
    const june = b.call("MAINTENANCEWINDOWS", JUNE1, null, null) as number[][];
    expect(b.call("MAINTENANCEWINDOWS", JUNE1, null, null, 14)).toEqual([...may, ...june]);
    // 0 is the month alone, as omitted.
    expect(b.call("MAINTENANCEWINDOWS", JUNE1, null, null, 0)).toEqual(june);
  });
  test("a window across the span's first midnight is cut there: US in Pacific/Kiritimati (UTC+14), February 2025, 1 day before", () => {
    // A winter US window, 07:00-11:00 UTC, is 21:00-01:00 local. The span starts 31 January 00:00
    // local: Thursday 30 January's window (30 Jan 21:00 to 31 Jan 01:00) keeps its last hour;
    // Friday 31 January's runs whole, 31 Jan 21:00 to 1 Feb 01:00 (without days_before it is cut
    // to 1 Feb 00:00-01:00).
    const JAN31 = 45688;
    const r = b.call("MAINTENANCEWINDOWS", JAN31 + 1, "US", "Pacific/Kiritimati", 1) as number[][];
    expect(r.slice(0, 2)).toEqual([
      [JAN31, dt(JAN31, 1)],
      [dt(JAN31, 21), dt(JAN31 + 1, 1)],
    ]);
    expect(r).toHaveLength(22);
  });
  test("errors: out of range, not a whole number, before 1987 with US hosting", () => {
    expect(b.call("MAINTENANCEWINDOWS", JUNE1, null, null, 367)).toEqual({
      error: "#NUM!",
      message: "days_before must be between 0 and 366; got 367.",
    });
    expect(b.call("MAINTENANCEWINDOWS", JUNE1, null, null, -1)).toMatchObject({ error: "#NUM!" });
    expect(b.call("MAINTENANCEWINDOWS", JUNE1, null, null, "many")).toMatchObject({ error: "#VALUE!" });
    // January 1987 less 14 days starts in December 1986.
    expect(b.call("MAINTENANCEWINDOWS", "1987-01-01", "US", null, 14)).toEqual({
      error: "#NUM!",
      message:
        "month less days_before must be in 1987 or later for US hosting: US Eastern daylight saving is computed by the rules in force since then; got 1986-12-18.",
    });
  });
});
