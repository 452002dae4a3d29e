/**
 * The maintenance cap (Decision in docs/terms.md): downtime in maintenance is excused up to 360 minutes
 * in any rolling 14 days, earliest first; the rest counts as Outage; excused downtime before the
 * month counts toward the cap. All logs here are UTC; maintenance is given as explicit ranges.
 */
import fc from "fast-check";
import { epochDayFromYmd } from "../../../src/rules/core/serial";
import { capSeconds, excuseUnderCap, type Intervals, NO_CAP, outageInMonth } from "../../../src/rules/sla/outage";
import { slaMonth } from "../../../src/rules/sla/uptime";
import { ruleError as errorOf } from "../../helpers/rule-error";
import { log } from "../../helpers/outage-log";

/** The standing 02:00-06:00 window on each of the June 2025 days given. */
const windowsOn = (...days: string[]) => log(...days.map((d): [string, string] => [`${d}T02:00`, `${d}T06:00`]));
const JUNE = slaMonth(epochDayFromYmd(2025, 6, 1));
const SIX_HOURS = 6 * 3600;

describe("the issue's examples", () => {
  test("03:00-06:00 on 2, 3 and 4 June inside 02:00-06:00 maintenance: 180 + 180 excused, the third 180 count", () => {
    // 2 June: 180 excused (180 in the 14 days). 3 June: 180 more (360). 4 June: the 14 days
    // before hold 360 already, so none of the third morning is excused: 180 minutes of Outage.
    const c = outageInMonth(
      JUNE,
      log(["2025-06-02T03:00", "2025-06-02T06:00"], ["2025-06-03T03:00", "2025-06-03T06:00"], ["2025-06-04T03:00", "2025-06-04T06:00"]),
      windowsOn("2025-06-02", "2025-06-03", "2025-06-04"),
    );
    expect([c.minutes, c.maintenanceSeconds / 60, c.excusedSeconds / 60, c.cappedSeconds / 60]).toEqual([180, 540, 360, 180]);
  });
  test("the same 180 minutes on 2 and 17 June: none count", () => {
    // 17 June 03:00 is 15 days after 2 June 03:00: the 14 days up to any second of the 17th's
    // downtime start after 3 June 03:00, so they hold none of 2 June's 180 minutes.
    const c = outageInMonth(
      JUNE,
      log(["2025-06-02T03:00", "2025-06-02T06:00"], ["2025-06-17T03:00", "2025-06-17T06:00"]),
      windowsOn("2025-06-02", "2025-06-17"),
    );
    expect([c.minutes, c.excusedSeconds / 60]).toEqual([0, 360]);
  });
  test("300 minutes excused on 28 May, then 02:00-04:00 on 2 June in maintenance: 60 excused, 60 count in June", () => {
    // 28 May 01:00-06:00 in maintenance 00:00-06:00: 300 minutes excused (May, before the month).
    // 2 June 02:00-04:00: the 14 days back to 19 June hold 300, so 60 more are excused (02:00-03:00)
    // and 03:00-04:00 counts.
    const c = outageInMonth(
      JUNE,
      log(["2025-05-28T01:00", "2025-05-28T06:00"], ["2025-06-02T02:00", "2025-06-02T04:00"]),
      log(["2025-05-28T00:00", "2025-05-28T06:00"], ["2025-06-02T02:00", "2025-06-02T06:00"]),
    );
    expect([c.minutes, c.excusedBeforeSeconds / 60, c.excusedSeconds / 60, c.cappedSeconds / 60]).toEqual([60, 300, 60, 60]);
    // Without the log's May row, all of 2 June is excused: the log must start 14 days before.
    expect(outageInMonth(JUNE, log(["2025-06-02T02:00", "2025-06-02T04:00"]), windowsOn("2025-06-02")).minutes).toBe(0);
  });
});

describe("the rolling window, to the second", () => {
  // 360 minutes excused on 1 June 00:00-06:00 (maintenance 1 June 00:00-06:00); a second
  // downtime in maintenance later, 14 days on.
  const first: [string, string] = ["2025-06-01T00:00", "2025-06-01T06:00"];
  const maint = log(first, ["2025-06-14T23:00", "2025-06-15T01:00"]);
  test("from 15 June 00:00:00 nothing is capped: each second's 14 days lose one of 1 June's as they gain one", () => {
    // Second 15 June 00:00:00: its 14 days are the seconds 1 June 00:00:01 .. 15 June 00:00:00,
    // holding 21,599 excused seconds of 1 June; the second itself makes 21,600, at the cap: excused.
    const c = outageInMonth(JUNE, log(first, ["2025-06-15T00:00", "2025-06-15T00:10"]), maint);
    expect([c.minutes, c.excusedSeconds]).toEqual([0, 21600 + 600]);
  });
  test("from 14 June 23:59:59 one second is capped", () => {
    // Second 14 June 23:59:59: its 14 days start at 1 June 00:00:00 and hold all 21,600: capped.
    // From 15 June 00:00:00 on, as above, every second is excused. 1 second = 1/60 minute.
    const c = outageInMonth(JUNE, log(first, ["2025-06-14T23:59:59", "2025-06-15T00:10"]), maint);
    expect([c.seconds, c.minutes, c.cappedSeconds]).toEqual([1, 1 / 60, 1]);
  });
});

describe("maintenance_cap_hours", () => {
  const down = log(
    ["2025-06-02T03:00", "2025-06-02T06:00"],
    ["2025-06-03T03:00", "2025-06-03T06:00"],
    ["2025-06-04T03:00", "2025-06-04T06:00"],
  );
  const maint = windowsOn("2025-06-02", "2025-06-03", "2025-06-04");
  test("0 is no cap: all 540 minutes excused", () => {
    expect(outageInMonth(JUNE, down, maint, 5, capSeconds(0)).minutes).toBe(0);
  });
  test("3 hours: 2 June's 180 fill it; 3 and 4 June count (360)", () => {
    expect(outageInMonth(JUNE, down, maint, 5, capSeconds(3)).minutes).toBe(360);
  });
  test("9 hours: all 540 excused", () => {
    expect(outageInMonth(JUNE, down, maint, 5, capSeconds(9)).minutes).toBe(0);
  });
  test("hours to the nearest second; negative is #NUM!", () => {
    expect([capSeconds(6), capSeconds(0.5), capSeconds(1 / 3), capSeconds(0)]).toEqual([21600, 1800, 1200, NO_CAP]);
    // A positive cap under half a second is 0 seconds: nothing is excused (not "no cap").
    expect(capSeconds(0.0001)).toBe(0);
    expect(outageInMonth(JUNE, down, maint, 5, capSeconds(0.0001)).minutes).toBe(540);
    expect(errorOf(() => capSeconds(-1))).toEqual({ kind: "num", message: "maintenance_cap_hours must not be negative; got -1." });
  });
});

describe("overlapping maintenance ranges and a log before the month", () => {
  test("maintenance counted once where ranges overlap; the cap spans the two days", () => {
    // 2 June: downtime 02:00-08:00; maintenance 02:00-06:00 and 04:00-07:00 (union 02:00-07:00):
    // 300 minutes in maintenance, excused; 07:00-08:00 counts (60).
    // 3 June: downtime 02:00-06:00; the window 02:00-06:00 listed twice: 240 in maintenance; the
    // 14 days hold 300, so 60 are excused and 180 count. Outage 60 + 180 = 240.
    const c = outageInMonth(
      JUNE,
      log(["2025-06-02T02:00", "2025-06-02T08:00"], ["2025-06-03T02:00", "2025-06-03T06:00"]),
      log(
        ["2025-06-02T02:00", "2025-06-02T06:00"],
        ["2025-06-02T04:00", "2025-06-02T07:00"],
        ["2025-06-03T02:00", "2025-06-03T06:00"],
        ["2025-06-03T02:00", "2025-06-03T06:00"],
      ),
    );
    expect([c.minutes, c.downtimeSeconds / 60, c.maintenanceSeconds / 60, c.excusedSeconds / 60, c.cappedSeconds / 60]).toEqual([
      240, 600, 540, 360, 180,
    ]);
  });
  test("a downtime crossing into the month: its May part uses the cap, only its June part is counted", () => {
    // 31 May 22:00 - 1 June 06:00 in maintenance 31 May 22:00 - 1 June 06:00: 480 minutes, the
    // first 360 (31 May 22:00 - 1 June 04:00) excused, 1 June 04:00-06:00 (120) capped, in June.
    const c = outageInMonth(JUNE, log(["2025-05-31T22:00", "2025-06-01T06:00"]), log(["2025-05-31T22:00", "2025-06-01T06:00"]));
    expect([c.minutes, c.excusedBeforeSeconds / 60, c.excusedSeconds / 60, c.maintenanceSeconds / 60]).toEqual([120, 120, 240, 360]);
  });
  test("downtimes shorter than min_minutes use none of the cap", () => {
    // 2 June 02:00-02:04 (4 minutes, dropped), then 02:10-08:10: 02:10-06:00 = 230 minutes in
    // maintenance, all excused under a cap of exactly 230 minutes, which the dropped 4 minutes
    // would have overrun; 06:00-08:10 = 130 outside. Outage 130.
    const c = outageInMonth(
      JUNE,
      log(["2025-06-02T02:00", "2025-06-02T02:04"], ["2025-06-02T02:10", "2025-06-02T08:10"]),
      windowsOn("2025-06-02"),
      5,
      capSeconds(230 / 60),
    );
    expect([c.dropped, c.minutes, c.excusedSeconds / 60]).toEqual([1, 130, 230]);
  });
});

test("a downtime and maintenance running on to 9999: June counts as if both ended with June", () => {
  // 2 June 02:00 onwards, all in maintenance. Excused, earliest first: 2 June 02:00-08:00 (360),
  // then from 16 June 02:00 (14 days on, each second replacing one leaving the window) to 08:00,
  // and 30 June 02:00-08:00: 1080. June holds 28 days 22 hours of it = 28 x 1440 + 1320 = 41,640
  // minutes; 41,640 - 1,080 = 40,560 count. What comes after June changes nothing in June.
  const toEnd = log(["2025-06-02T02:00", "9999-12-31T23:00"]);
  const c = outageInMonth(JUNE, toEnd, toEnd);
  expect([c.minutes, c.excusedSeconds / 60, c.downtimeSeconds / 60]).toEqual([40560, 1080, 41640]);
  const toJuly = log(["2025-06-02T02:00", "2025-07-01T00:00"]);
  expect(outageInMonth(JUNE, toJuly, toJuly).minutes).toBe(40560);
});

/** The definition, second by second: second s is excused iff in k and fewer than cap of s-W+1 .. s-1 are (cap -1: no cap). */
function bySecond(k: Intervals, cap: number, window: number): Set<number> {
  const e = new Set<number>();
  const inK = (s: number) => k.starts.some((a, i) => a <= s && s < k.ends[i]);
  if (k.starts.length === 0) return e;
  for (let s = k.starts[0]; s < k.ends[k.ends.length - 1]; s++) {
    if (!inK(s)) continue;
    let n = 0;
    for (let u = s - window + 1; u < s; u++) if (e.has(u)) n++;
    if (cap < 0 || n < cap) e.add(s);
  }
  return e;
}

test("excuseUnderCap equals the second-by-second definition (small windows and caps)", () => {
  // Sorted disjoint intervals on 0..120 from sorted distinct cut points.
  const intervals = fc.uniqueArray(fc.integer({ min: 0, max: 120 }), { maxLength: 12 }).map((xs) => {
    const p = [...xs].sort((a, b) => a - b);
    const k: Intervals = { starts: [], ends: [] };
    for (let i = 0; i + 1 < p.length; i += 2) {
      k.starts.push(p[i]);
      k.ends.push(p[i + 1]);
    }
    return k;
  });
  fc.assert(
    fc.property(intervals, fc.integer({ min: -1, max: 15 }), fc.integer({ min: 2, max: 40 }), (k, cap, window) => {
      const got = excuseUnderCap(k, cap < 0 ? NO_CAP : cap, window);
      const seconds = new Set<number>();
      for (let i = 0; i < got.starts.length; i++) for (let s = got.starts[i]; s < got.ends[i]; s++) seconds.add(s);
      // Disjoint and sorted, and the same seconds as the definition.
      for (let i = 1; i < got.starts.length; i++) if (got.starts[i] <= got.ends[i - 1]) return false;
      const want = bySecond(k, cap, window);
      return seconds.size === want.size && [...want].every((s) => seconds.has(s));
    }),
    { numRuns: 500 },
  );
});

test("no 14 days hold more than the cap, and long maintenance is excused in 6-hour slices every 14 days", () => {
  // A downtime of 40 days inside maintenance of 40 days, from 1 May: excused 1 May 00:00-06:00,
  // then each second 14 days after an excused one: 15 May 00:00-06:00 and 29 May 00:00-06:00.
  const all = log(["2025-05-01T00:00", "2025-06-10T00:00"]);
  const e = excuseUnderCap(all, SIX_HOURS);
  expect(e).toEqual(
    log(["2025-05-01T00:00", "2025-05-01T06:00"], ["2025-05-15T00:00", "2025-05-15T06:00"], ["2025-05-29T00:00", "2025-05-29T06:00"]),
  );
});
