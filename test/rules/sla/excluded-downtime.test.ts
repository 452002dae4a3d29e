/**
 * Excluded Downtime (Decision in docs/terms.md): downtime outside Kustomer's reasonable
 * control "do[es] not factor in to the Monthly Uptime Percentage calculation" (003 §3). It is
 * never Outage, whatever its length, and uses none of the maintenance cap (360 minutes in any
 * rolling 14 days, which covers Scheduled Maintenance only). A second both in maintenance and
 * excluded is Excluded Downtime, so it leaves the cap to later maintenance. min_minutes judges
 * each downtime as a whole, before anything is excused. All logs here are UTC.
 */
import { epochDayFromYmd } from "../../../src/rules/core/serial";
import { capSeconds, intervalsFromRanges, type Intervals, outageInMonth } from "../../../src/rules/sla/outage";
import { slaMonth } from "../../../src/rules/sla/uptime";
import { maintenanceWindows } from "../../../src/rules/sla/maintenance";
import { timeZone } from "../../../src/rules/contract/season";
import { ruleError as errorOf } from "../../helpers/rule-error";
import { log } from "../../helpers/outage-log";

/** 02:00-06:00 on each of the days given (the standing window in the EU's GMT, read in UTC). */
const mornings = (...days: string[]) => log(...days.map((d): [string, string] => [`${d}T02:00`, `${d}T06:00`]));
const NONE = log();
const JUNE = slaMonth(epochDayFromYmd(2025, 6, 1));
const SIX_HOURS = 6 * 3600;
/** The working in minutes: [Outage, excluded, in maintenance, excused, over the cap]. */
const working = (down: Intervals, maint: Intervals, excluded: Intervals, min = 5, cap = SIX_HOURS) => {
  const c = outageInMonth(JUNE, down, maint, min, cap, excluded);
  return [c.minutes, c.excludedSeconds / 60, c.maintenanceSeconds / 60, c.excusedSeconds / 60, c.cappedSeconds / 60];
};

describe("the issue's four examples", () => {
  const upstream: [string, string] = ["2025-06-10T12:00", "2025-06-10T22:00"];
  test("a 10-hour upstream outage, 10 June 12:00-22:00, excluded: 0", () => {
    // 600 minutes of downtime, all of it Excluded Downtime: never Outage.
    expect(working(log(upstream), NONE, log(upstream))).toEqual([0, 600, 0, 0, 0]);
    // The same range passed as maintenance (the old way) gave 240: 360 excused under the cap,
    // 240 over it. Maintenance still means that; only the excluded ranges are free of the cap.
    expect(working(log(upstream), log(upstream), NONE)).toEqual([240, 0, 600, 360, 240]);
  });
  test("2 and 3 June 02:00-06:00 in maintenance, 10 June 12:00-22:00 excluded: 120", () => {
    // 2 June: 240 excused (240 in the 14 days). 3 June: 120 more reach 360; 120 over the cap.
    // 10 June: 600 excluded, using none of the cap. Outage: 120.
    const down = log(["2025-06-02T02:00", "2025-06-02T06:00"], ["2025-06-03T02:00", "2025-06-03T06:00"], upstream);
    expect(working(down, mornings("2025-06-02", "2025-06-03"), log(upstream))).toEqual([120, 600, 480, 360, 120]);
  });
  test("10 June 12:00-22:00 with 12:00-14:00 excluded: 480", () => {
    // 600 minutes, 120 of them excluded; the other 480 (14:00-22:00) are Outage.
    expect(working(log(upstream), NONE, log(["2025-06-10T12:00", "2025-06-10T14:00"]))).toEqual([480, 120, 0, 0, 0]);
  });
  test("02:00-06:00 on 2, 3 and 4 June in maintenance, 3 June 00:00-12:00 also excluded: 120", () => {
    // 2 June: 240 excused. 3 June: its 240 minutes are in maintenance and excluded, so excluded:
    // they use none of the cap. 4 June: the 14 days hold 240, so 120 more are excused (02:00-04:00)
    // and 120 (04:00-06:00) are over the cap. Outage: 120.
    const down = mornings("2025-06-02", "2025-06-03", "2025-06-04");
    const maint = mornings("2025-06-02", "2025-06-03", "2025-06-04");
    expect(working(down, maint, log(["2025-06-03T00:00", "2025-06-03T12:00"]))).toEqual([120, 240, 480, 360, 120]);
    // Had 3 June counted as maintenance, it would have taken 120 of the cap and put 120 over it,
    // and all 240 of 4 June would count: 360.
    expect(working(down, maint, NONE)).toEqual([360, 0, 720, 360, 360]);
  });
});

describe("min_minutes is judged on the whole downtime, before anything is excused", () => {
  test("a 7-minute downtime with its first 3 minutes excluded still counts its other 4", () => {
    // 10:00-10:07 is 7 minutes (>= 5, kept); 10:00-10:03 excluded; 10:03-10:07 is Outage.
    expect(working(log(["2025-06-10T10:00", "2025-06-10T10:07"]), NONE, log(["2025-06-10T10:00", "2025-06-10T10:03"]))).toEqual([
      4, 3, 0, 0, 0,
    ]);
  });
  test("a 4-minute downtime inside an excluded range is dropped: no excluded minutes either", () => {
    // 10:00-10:04 is under 5 minutes: dropped before exclusion, so it is neither Outage nor excluded.
    const c = outageInMonth(
      JUNE,
      log(["2025-06-10T10:00", "2025-06-10T10:04"]),
      NONE,
      5,
      SIX_HOURS,
      log(["2025-06-10T09:00", "2025-06-10T11:00"]),
    );
    expect([c.dropped, c.minutes, c.excludedSeconds, c.downtimeSeconds]).toEqual([1, 0, 0, 0]);
  });
  test("excluded minutes inside a downtime do not split it below the threshold", () => {
    // 10:00-10:09 (9 minutes, kept) with 10:02-10:07 excluded: 10:00-10:02 and 10:07-10:09 are
    // 2 minutes each, under 5 on their own, but the downtime was judged whole: 4 minutes count.
    expect(working(log(["2025-06-10T10:00", "2025-06-10T10:09"]), NONE, log(["2025-06-10T10:02", "2025-06-10T10:07"]))).toEqual([
      4, 5, 0, 0, 0,
    ]);
  });
});

describe("excluded and maintenance together", () => {
  test("a minute in both is excluded: 2 June 03:00-04:00 of a 02:00-06:00 window, cap 2 hours", () => {
    // Downtime 2 June 02:00-06:00 in the window; 03:00-04:00 excluded. In maintenance and not
    // excluded: 02:00-03:00 and 04:00-06:00 = 180. Cap 120: 02:00-03:00 and 04:00-05:00 excused,
    // 05:00-06:00 over it. Outage 60.
    const down = mornings("2025-06-02");
    expect(working(down, mornings("2025-06-02"), log(["2025-06-02T03:00", "2025-06-02T04:00"]), 5, capSeconds(2))).toEqual([
      60, 60, 180, 120, 60,
    ]);
    // Without the exclusion: 240 in maintenance, 120 excused, 120 over the cap.
    expect(working(down, mornings("2025-06-02"), NONE, 5, capSeconds(2))).toEqual([120, 0, 240, 120, 120]);
  });
  test("Excluded Downtime before the month uses none of the cap", () => {
    // 28 May 00:00-06:00, in maintenance and excluded: excluded, none of the cap. 2 June
    // 02:00-06:00 in its window: the 14 days hold no excused minute, so all 240 are excused.
    const down = log(["2025-05-28T00:00", "2025-05-28T06:00"], ["2025-06-02T02:00", "2025-06-02T06:00"]);
    const maint = log(["2025-05-28T00:00", "2025-05-28T06:00"], ["2025-06-02T02:00", "2025-06-02T06:00"]);
    const c = outageInMonth(JUNE, down, maint, 5, SIX_HOURS, log(["2025-05-28T00:00", "2025-05-28T06:00"]));
    // May's minutes are outside June: June's working shows none of them as excluded.
    expect([c.minutes, c.excusedBeforeSeconds, c.excusedSeconds / 60, c.excludedSeconds]).toEqual([0, 0, 240, 0]);
    // Without the exclusion, 28 May takes all 360 and 2 June's 240 count.
    expect(outageInMonth(JUNE, down, maint).minutes).toBe(240);
  });
  test("one excluded range over several downtimes, overlapping excluded ranges counted once, cut to the month", () => {
    // Downtimes 10 June 01:00-02:00, 05:00-06:00 and 23:00 to 11 June 01:00; excluded 10 June
    // 00:00-12:00 and 11:00 to 11 June 00:00 (overlapping: one range 10 June 00:00 - 11 June
    // 00:00). Excluded 60 + 60 + 60 = 180; 11 June 00:00-01:00 is Outage: 60.
    const down = log(
      ["2025-06-10T01:00", "2025-06-10T02:00"],
      ["2025-06-10T05:00", "2025-06-10T06:00"],
      ["2025-06-10T23:00", "2025-06-11T01:00"],
    );
    const excl = log(["2025-06-10T00:00", "2025-06-10T12:00"], ["2025-06-10T11:00", "2025-06-11T00:00"]);
    expect(working(down, NONE, excl)).toEqual([60, 180, 0, 0, 0]);
    // A downtime across the month's end with its June part excluded: 30 June 23:00 - 1 July 01:00,
    // excluded 30 June 22:00 - 1 July 00:30. June: 60 minutes of downtime, all excluded.
    const late = outageInMonth(
      JUNE,
      log(["2025-06-30T23:00", "2025-07-01T01:00"]),
      NONE,
      5,
      SIX_HOURS,
      log(["2025-06-30T22:00", "2025-07-01T00:30"]),
    );
    expect([late.minutes, late.downtimeSeconds / 60, late.excludedSeconds / 60]).toEqual([0, 60, 60]);
  });
  test("excluded ranges with no downtime in them change nothing", () => {
    // 2 June 02:00-06:00 in maintenance (240 excused); excluded ranges only on days without downtime.
    expect(
      working(
        mornings("2025-06-02"),
        mornings("2025-06-02"),
        log(["2025-06-01T00:00", "2025-06-01T23:00"], ["2025-06-20T00:00", "2025-06-21T00:00"]),
      ),
    ).toEqual([0, 0, 240, 240, 0]);
  });
  test("excluding more can raise a later month's Outage: the cap, earliest first, is left to an earlier minute", () => {
    // US standing windows of May and June (2:00-6:00 a.m. Eastern, EDT: 06:00-10:00 UTC on
    // weekdays); min_minutes 1; a cap of 11 seconds in any rolling 14 days (0.0030555... hours).
    const windows = [JUNE, slaMonth(epochDayFromYmd(2025, 5, 1))].flatMap((m) => maintenanceWindows(m, "US", timeZone(null)));
    const maint: Intervals = { starts: windows.map((w) => w.start), ends: windows.map((w) => w.end) };
    const cap = capSeconds(11 / 3600);
    expect(cap).toBe(11);
    // Three downtimes, each a minute or more, each ending just inside a window:
    // 23 May (Fri) 05:57:11-06:00:11, 180 s, the last 11 s (06:00:00-06:00:11) in the window;
    // 26 May 22:00:49 - 27 May (Tue) 06:00:01, its last second (06:00:00) in the window;
    // 8 June 23:30:29 - 9 June (Mon) 06:00:11, 23,382 s, all in June, the last 11 s in the window.
    const down = log(
      ["2025-05-23T05:57:11", "2025-05-23T06:00:11"],
      ["2025-05-26T22:00:49", "2025-05-27T06:00:01"],
      ["2025-06-08T23:30:29", "2025-06-09T06:00:11"],
    );
    expect(down).toEqual({ starts: [1747979831, 1748296849, 1749425429], ends: [1747980011, 1748325601, 1749448811] });
    // Nothing excluded: 23 May's 11 s are excused (11, the cap). 27 May 06:00:00 is 4 days
    // later, the 14 days up to it hold 11: over the cap. On 9 June 06:00:00 the 14 days reach
    // back to 26 May 06:00:01: 23 May has left them, 27 May's second was not excused, so all 11 s
    // are excused. June's Outage: 23,382 - 11 = 23,371 s.
    const before = outageInMonth(JUNE, down, maint, 1, cap);
    // Excused in the 14 days before June (from 18 May): 23 May's 11 s.
    expect([before.seconds, before.excusedSeconds, before.cappedSeconds, before.excusedBeforeSeconds]).toEqual([23371, 11, 0, 11]);
    expect(before.minutes).toBe(23371 / 60);
    // 23 May 03:05:15-06:00:01 excluded (more excluded than none): of 23 May's downtime only
    // 06:00:01-06:00:11 is left, 10 s in the window, all excused (10 of 11). 27 May 06:00:00: the
    // 14 days hold 10, so it is excused (11). 9 June: the 14 days up to 06:00:00 hold 27 May's
    // second, so 10 more are excused (06:00:00-06:00:10) and 06:00:10-06:00:11 is over the cap.
    // June's Outage: 23,382 - 10 = 23,372 s, one second more. Excused before June: 10 + 1 = 11 s.
    const excluded = log(["2025-05-23T03:05:15", "2025-05-23T06:00:01"]);
    expect(excluded).toEqual({ starts: [1747969515], ends: [1747980001] });
    const after = outageInMonth(JUNE, down, maint, 1, cap, excluded);
    expect([after.seconds, after.excusedSeconds, after.cappedSeconds, after.excusedBeforeSeconds]).toEqual([23372, 10, 1, 11]);
    expect(after.minutes).toBe(23372 / 60);
  });
});

describe("reading excluded ranges", () => {
  // 2025-06-10 is serial 45818.
  const JUNE10 = 45818;
  test("mismatched sizes or widths are #VALUE! naming excluded_starts and excluded_ends", () => {
    expect(errorOf(() => intervalsFromRanges([[JUNE10], [JUNE10]], [[JUNE10 + 0.5]], "excluded_starts", "excluded_ends", "1900"))).toEqual({
      kind: "value",
      message: "excluded_starts and excluded_ends must be ranges of the same shape; got 2x1 and 1x1.",
    });
    expect(errorOf(() => intervalsFromRanges([[JUNE10, JUNE10]], [[JUNE10 + 0.5]], "excluded_starts", "excluded_ends", "1900"))).toEqual({
      kind: "value",
      message: "excluded_starts and excluded_ends must be ranges of the same shape; got 1x2 and 1x1.",
    });
  });
  test("an end before its start is #NUM!; text that is no date is #VALUE!", () => {
    expect(errorOf(() => intervalsFromRanges([[JUNE10 + 0.5]], [[JUNE10]], "excluded_starts", "excluded_ends", "1900"))).toEqual({
      kind: "num",
      message:
        "excluded_ends (row 1, column 1) must not be before excluded_starts (row 1, column 1); got an interval from 2025-06-10T12:00:00 to 2025-06-10T00:00:00.",
    });
    expect(errorOf(() => intervalsFromRanges([["storm"]], [[JUNE10]], "excluded_starts", "excluded_ends", "1900"))).toEqual({
      kind: "value",
      message: 'excluded_starts (row 1, column 1) must be a date (an Excel date serial or ISO text such as 2025-01-31); got "storm".',
    });
  });
});

test("a zero-length excluded range excludes nothing and does not split a downtime for the cap", () => {
  // 2 June 02:00-06:00 in maintenance, excluded 04:00-04:00 (no seconds). Cap 3 hours: 02:00-05:00
  // excused, 05:00-06:00 over it: 60, exactly as with no excluded range.
  const c = outageInMonth(
    JUNE,
    mornings("2025-06-02"),
    mornings("2025-06-02"),
    5,
    capSeconds(3),
    log(["2025-06-02T04:00", "2025-06-02T04:00"]),
  );
  expect([c.minutes, c.excludedSeconds, c.maintenanceSeconds / 60, c.excusedSeconds / 60]).toEqual([60, 0, 240, 180]);
});
