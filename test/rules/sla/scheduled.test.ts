/**
 * SCHEDULEDMAINTENANCE's rule: the part of claimed maintenance the terms allow as Scheduled
 * Maintenance (non-core business hours; notice 24 hours ahead outside the standing window).
 * Times are ISO texts on the log's clock; every expected part is worked from the terms in the
 * comment beside it.
 *
 * June 2025: 1 June is a Sunday, so Tuesday 10, Friday 13, Saturday 14, Sunday 15 June. US
 * Eastern time is EDT (UTC-4) all month: the standing window 02:00-06:00 EDT is 06:00-10:00 UTC,
 * and Saturday 00:00 EDT is 04:00 UTC.
 */
import { timeZone } from "../../../src/rules/contract/season";
import { type Claim, claimsFromRanges, judgeClaim, scheduledMaintenance } from "../../../src/rules/sla/scheduled";
import { epochSecond } from "../../helpers/outage-log";

const UTC = timeZone(null);
const iso = epochSecond;
const claim = (start: string, end: string, notice?: string | null): Claim => ({
  start: iso(start),
  end: iso(end),
  notice: notice === undefined || notice === null ? notice : iso(notice),
  row: 1,
  col: 1,
});
const parts = (c: Claim, hosting: "US" | "EU" = "US", clock = UTC) => judgeClaim(c, hosting, clock).parts;
const window = (start: string, end: string) => ({ start: iso(start), end: iso(end) });

// Serials: 2025-06-10 = 45818, so 45818 + h/24 is 10 June at h:00.
const serial = (day: number, hour: number) => 45818 + (day - 10) + hour / 24;

describe("the examples of the terms, UTC log, US hosting, June 2025 (EDT)", () => {
  test("Tuesday 10 June 08:00-12:00 UTC gives 08:00-10:00 (the window ends 06:00 EDT = 10:00 UTC)", () => {
    const v = judgeClaim(claim("2025-06-10T08:00", "2025-06-10T12:00"), "US", UTC);
    expect(v.parts).toEqual([window("2025-06-10T08:00", "2025-06-10T10:00")]);
    // 240 claimed: 120 in the window, 120 (10:00-12:00 UTC = 06:00-08:00 EDT) in core hours.
    expect(v.excusableSeconds).toBe(120 * 60);
    expect(v.coreSeconds).toBe(120 * 60);
    expect(v.unnoticedSeconds).toBe(0);
  });
  test("Saturday 14 June 12:00-14:00 with no notice column: all of it (notice not checked)", () => {
    const v = judgeClaim(claim("2025-06-14T12:00", "2025-06-14T14:00"), "US", UTC);
    expect(v.parts).toEqual([window("2025-06-14T12:00", "2025-06-14T14:00")]);
    expect(v.notice).toBe("not checked");
    expect(v.weekendSeconds).toBe(120 * 60);
  });
  test("the same with a notice at 13 June 13:00 (23 hours before): nothing", () => {
    const v = judgeClaim(claim("2025-06-14T12:00", "2025-06-14T14:00", "2025-06-13T13:00"), "US", UTC);
    expect(v.parts).toEqual([]);
    expect(v.notice).toBe("late");
    expect(v.unnoticedSeconds).toBe(120 * 60);
    expect(v.excusableSeconds).toBe(0);
  });
  test("the same with a notice at 12 June 12:00 (48 hours before): all of it", () => {
    expect(parts(claim("2025-06-14T12:00", "2025-06-14T14:00", "2025-06-12T12:00"))).toEqual([
      window("2025-06-14T12:00", "2025-06-14T14:00"),
    ]);
  });
  test("Friday 13 June 23:00 to Saturday 14 June 05:00 gives 04:00-05:00 (Saturday 00:00 EDT = 04:00 UTC)", () => {
    // 19:00-01:00 EDT: Friday 19:00-24:00 is core time, Saturday 00:00-01:00 EDT is the weekend.
    const v = judgeClaim(claim("2025-06-13T23:00", "2025-06-14T05:00"), "US", UTC);
    expect(v.parts).toEqual([window("2025-06-14T04:00", "2025-06-14T05:00")]);
    expect(v.coreSeconds).toBe(300 * 60);
  });
  test("EU hosting, 10 June 02:00-06:30 gives 02:00-06:00 (GMT, UTC+0)", () => {
    expect(parts(claim("2025-06-10T02:00", "2025-06-10T06:30"), "EU")).toEqual([window("2025-06-10T02:00", "2025-06-10T06:00")]);
  });
});

describe("notice", () => {
  test("exactly 24 hours before the start is in time; one second later is not", () => {
    expect(judgeClaim(claim("2025-06-14T12:00", "2025-06-14T14:00", "2025-06-13T12:00"), "US", UTC).notice).toBe("in time");
    expect(judgeClaim(claim("2025-06-14T12:00", "2025-06-14T14:00", "2025-06-13T12:00:01"), "US", UTC).notice).toBe("late");
  });
  test("no notice (a blank cell) excuses nothing at the weekend, but the standing window needs none", () => {
    // Saturday 14 June 12:00-14:00 with no notice: nothing. Tuesday 10 June 06:00-10:00 UTC is
    // the whole standing window: all of it, notice or not.
    expect(parts(claim("2025-06-14T12:00", "2025-06-14T14:00", null))).toEqual([]);
    expect(parts(claim("2025-06-10T06:00", "2025-06-10T10:00", null))).toEqual([window("2025-06-10T06:00", "2025-06-10T10:00")]);
  });
  test("Friday 09:00 UTC to Saturday 06:00 UTC, notice late: only Friday's 09:00-10:00 in the window", () => {
    // Friday 13 June 09:00 UTC = 05:00 EDT: 05:00-06:00 EDT is in the window (09:00-10:00 UTC);
    // 06:00 EDT Friday to 00:00 EDT Saturday (10:00-04:00 UTC) is core; Saturday 04:00-06:00 UTC
    // is the weekend, excused only with notice.
    const v = judgeClaim(claim("2025-06-13T09:00", "2025-06-14T06:00", "2025-06-13T08:00"), "US", UTC);
    expect(v.parts).toEqual([window("2025-06-13T09:00", "2025-06-13T10:00")]);
    expect(v.coreSeconds).toBe(18 * 3600);
    expect(v.unnoticedSeconds).toBe(2 * 3600);
  });
});

describe("the weekend and the hosting zone", () => {
  test("a whole weekend claimed, US: Saturday 04:00 UTC to Monday 04:00 UTC, then Monday's window 06:00-10:00", () => {
    // Saturday 14 00:00 EDT to Monday 16 00:00 EDT = 14 June 04:00 to 16 June 04:00 UTC, one part
    // (Saturday and Sunday touch); Monday 00:00-02:00 EDT is core; 02:00-06:00 EDT = 06:00-10:00 UTC.
    expect(parts(claim("2025-06-13T12:00", "2025-06-16T12:00"))).toEqual([
      window("2025-06-14T04:00", "2025-06-16T04:00"),
      window("2025-06-16T06:00", "2025-06-16T10:00"),
    ]);
  });
  test("winter (EST, UTC-5): a Tuesday 06:00-12:00 UTC claim gives 07:00-11:00", () => {
    // 14 January 2025 is a Tuesday; 02:00-06:00 EST = 07:00-11:00 UTC.
    expect(parts(claim("2025-01-14T06:00", "2025-01-14T12:00"))).toEqual([window("2025-01-14T07:00", "2025-01-14T11:00")]);
  });
  test("the weekend daylight saving starts, US: Saturday 8 March 2025 05:00 UTC to Monday 10 March 04:00 UTC", () => {
    // Saturday 00:00 EST = 05:00 UTC; Monday 00:00 EDT = 04:00 UTC (clocks go forward on Sunday
    // 9 March at 02:00 EST): the weekend is 47 hours. A claim over it all gives exactly that.
    const v = judgeClaim(claim("2025-03-07T12:00", "2025-03-10T05:00"), "US", UTC);
    expect(v.parts).toEqual([window("2025-03-08T05:00", "2025-03-10T04:00")]);
    expect(v.weekendSeconds).toBe(47 * 3600);
  });
  test("in a log kept on New York's clock, the claim is read there: Tuesday 05:00-07:00 local gives 05:00-06:00", () => {
    const ny = timeZone("America/New_York");
    expect(parts(claim("2025-06-10T05:00", "2025-06-10T07:00"), "US", ny)).toEqual([window("2025-06-10T05:00", "2025-06-10T06:00")]);
  });
  test("EU hosting in a +02:00 clock: Tuesday 03:00-09:00 local is 01:00-07:00 GMT, so 04:00-08:00 local", () => {
    expect(parts(claim("2025-06-10T03:00", "2025-06-10T09:00"), "EU", timeZone("+02:00"))).toEqual([
      window("2025-06-10T04:00", "2025-06-10T08:00"),
    ]);
  });
  test("an interval of no length, and one wholly in core hours, give nothing", () => {
    expect(parts(claim("2025-06-10T12:00", "2025-06-10T12:00"))).toEqual([]);
    const v = judgeClaim(claim("2025-06-10T12:00", "2025-06-10T16:00"), "US", UTC);
    expect(v.parts).toEqual([]);
    expect(v.coreSeconds).toBe(4 * 3600);
  });
});

describe("reading the ranges", () => {
  test("rows with both cells blank are skipped; notices follow their rows", () => {
    const starts = [[serial(10, 8)], [null], [serial(14, 12)]];
    const ends = [[serial(10, 12)], [null], [serial(14, 14)]];
    const notices = [[null], [null], [serial(12, 12)]];
    const claims = claimsFromRanges(starts, ends, notices, "US", "1900");
    expect(claims.map((c) => [c.row, c.notice])).toEqual([
      [1, null],
      [3, iso("2025-06-12T12:00")],
    ]);
    // 10 June: 08:00-10:00 (the window, no notice needed); 14 June: all, notified 48 hours ahead.
    expect(scheduledMaintenance(claims, "US", UTC)).toEqual([
      window("2025-06-10T08:00", "2025-06-10T10:00"),
      window("2025-06-14T12:00", "2025-06-14T14:00"),
    ]);
  });
  test("omitted notice_times: not checked", () => {
    const claims = claimsFromRanges([[serial(14, 12)]], [[serial(14, 14)]], null, "US", "1900");
    expect(claims[0].notice).toBeUndefined();
  });
  test("errors name the argument", () => {
    expect(() => claimsFromRanges([[serial(14, 12)]], [[serial(14, 14)]], [[1], [2]], "US", "1900")).toThrow(
      "maintenance_starts and notice_times must be ranges of the same shape; got 1x1 and 2x1.",
    );
    expect(() => claimsFromRanges([[serial(14, 12)]], [[serial(14, 14)]], [["soon"]], "US", "1900")).toThrow(
      /notice_times \(row 1, column 1\)/,
    );
    expect(() => claimsFromRanges([[serial(14, 12)]], [[null]], null, "US", "1900")).toThrow(
      /maintenance_ends \(row 1, column 1\) is required/,
    );
    // 1 June 1986 is serial 31564: before US Eastern daylight saving is modelled.
    expect(() => claimsFromRanges([[31564]], [[31565]], null, "US", "1900")).toThrow(
      /maintenance_starts \(row 1, column 1\) must be in 1987 or later/,
    );
    expect(claimsFromRanges([[31564]], [[31565]], null, "EU", "1900")).toHaveLength(1);
  });
  test("claims covering more than 5,000 days together are #NUM!, before any work; overlapping days count once", () => {
    // Serial 45000 to 49996: days 45000-2 .. 49996+2, 5,001 days.
    expect(() => claimsFromRanges([[45000]], [[49996]], null, "EU", "1900")).toThrow(
      "maintenance_starts and maintenance_ends may cover at most 5,000 days in all, counting two days either side of each interval (about 13 years; an SLA month needs the month and the 14 days before).",
    );
    // The whole of Excel's calendar in one interval: refused as soon as the count passes 5,000.
    expect(() => claimsFromRanges([[1]], [[2958465]], null, "EU", "1900")).toThrow(/at most 5,000 days/);
    // To 49995: 5,000 days, allowed. The same interval twice, and one inside it, still 5,000.
    expect(claimsFromRanges([[45000], [45000], [46000]], [[49995], [49995], [46001]], null, "EU", "1900")).toHaveLength(3);
    // Two claims 10,000 days apart: 5 + 5 days.
    expect(claimsFromRanges([[45000], [55000]], [[45000.5], [55000.5]], null, "EU", "1900")).toHaveLength(2);
  });
});
