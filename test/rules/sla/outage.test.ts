import { epochDayFromYmd } from "../../../src/rules/core/serial";
import { intervalsFromRanges, type Intervals, mergeIntervals, NO_CAP, outageInMonth } from "../../../src/rules/sla/outage";
import { slaMonth } from "../../../src/rules/sla/uptime";
import { ruleError as errorOf } from "../../helpers/rule-error";
import { epochSecond as t, log } from "../../helpers/outage-log";

const JUNE = slaMonth(epochDayFromYmd(2025, 6, 1));
const JULY = slaMonth(epochDayFromYmd(2025, 7, 1));
const minutes = (m: ReturnType<typeof slaMonth>, down: Intervals, maint?: Intervals, min?: number) =>
  outageInMonth(m, down, maint, min).minutes;

describe("a single downtime", () => {
  test("10:00 to 10:10 on 1 June is 10 minutes", () => {
    expect(minutes(JUNE, log(["2025-06-01T10:00", "2025-06-01T10:10"]))).toBe(10);
  });
  test("seconds count: 10:00:00 to 10:05:30 is 5.5 minutes; 10:00:00 to 10:05:01 is 301/60", () => {
    expect(minutes(JUNE, log(["2025-06-01T10:00", "2025-06-01T10:05:30"]))).toBe(5.5);
    expect(minutes(JUNE, log(["2025-06-01T10:00", "2025-06-01T10:05:01"]))).toBe(301 / 60);
  });
});

describe("the threshold (min_minutes, default 5)", () => {
  test("a downtime of 4:59 does not count, one of exactly 5:00 does", () => {
    expect(minutes(JUNE, log(["2025-06-01T10:00", "2025-06-01T10:04:59"]))).toBe(0);
    expect(minutes(JUNE, log(["2025-06-01T10:00", "2025-06-01T10:05"]))).toBe(5);
  });
  test("with min_minutes 1 the 4:59 downtime counts 299 seconds; 59 seconds still do not", () => {
    expect(minutes(JUNE, log(["2025-06-01T10:00", "2025-06-01T10:04:59"]), undefined, 1)).toBe(299 / 60);
    expect(minutes(JUNE, log(["2025-06-01T10:00", "2025-06-01T10:00:59"]), undefined, 1)).toBe(0);
  });
  test("min_minutes outside 1..5 is #NUM!", () => {
    const down = log(["2025-06-01T10:00", "2025-06-01T10:10"]);
    expect(errorOf(() => outageInMonth(JUNE, down, undefined, 0))).toEqual({
      kind: "num",
      message: "min_minutes must be between 1 and 5; got 0.",
    });
    expect(errorOf(() => outageInMonth(JUNE, down, undefined, 6))).toEqual({
      kind: "num",
      message: "min_minutes must be between 1 and 5; got 6.",
    });
  });
});

describe("overlapping downtimes are counted once", () => {
  test("10:00-10:10 and 10:05-10:20 are one downtime of 20 minutes, not 25", () => {
    expect(minutes(JUNE, log(["2025-06-01T10:00", "2025-06-01T10:10"], ["2025-06-01T10:05", "2025-06-01T10:20"]))).toBe(20);
  });
  test("a downtime inside another adds nothing: 10:00-11:00 with 10:15-10:30 is 60", () => {
    expect(minutes(JUNE, log(["2025-06-01T10:15", "2025-06-01T10:30"], ["2025-06-01T10:00", "2025-06-01T11:00"]))).toBe(60);
  });
  test("merged before the threshold: two 3-minute downtimes overlapping by 1 minute make 5 minutes, which count", () => {
    // 10:00-10:03 and 10:02-10:05 -> 10:00-10:05.
    expect(minutes(JUNE, log(["2025-06-01T10:00", "2025-06-01T10:03"], ["2025-06-01T10:02", "2025-06-01T10:05"]))).toBe(5);
  });
  test("touching downtimes merge (decision): 10:00-10:03 and 10:03-10:06 are 6 minutes; one second apart they are two short ones", () => {
    expect(minutes(JUNE, log(["2025-06-01T10:00", "2025-06-01T10:03"], ["2025-06-01T10:03", "2025-06-01T10:06"]))).toBe(6);
    expect(minutes(JUNE, log(["2025-06-01T10:00", "2025-06-01T10:03"], ["2025-06-01T10:03:01", "2025-06-01T10:06:01"]))).toBe(0);
  });
  test("the log's order does not matter", () => {
    const a = log(
      ["2025-06-03T08:00", "2025-06-03T09:00"],
      ["2025-06-01T10:00", "2025-06-01T10:10"],
      ["2025-06-01T10:05", "2025-06-01T10:20"],
    );
    const b = { starts: [...a.starts].reverse(), ends: [...a.ends].reverse() };
    // 20 + 60 = 80 either way.
    expect(minutes(JUNE, a)).toBe(80);
    expect(minutes(JUNE, b)).toBe(80);
  });
  test("mergeIntervals gives the sorted union", () => {
    const merged = mergeIntervals(
      log(
        ["2025-06-02T00:00", "2025-06-02T01:00"],
        ["2025-06-01T10:05", "2025-06-01T10:20"],
        ["2025-06-01T10:00", "2025-06-01T10:10"],
        ["2025-06-01T10:20", "2025-06-01T10:30"],
        ["2025-06-02T00:30", "2025-06-02T00:40"],
      ),
    );
    expect(merged).toEqual(log(["2025-06-01T10:00", "2025-06-01T10:30"], ["2025-06-02T00:00", "2025-06-02T01:00"]));
  });
});

describe("Scheduled Maintenance is subtracted", () => {
  const MAINT = log(["2025-06-02T02:00", "2025-06-02T06:00"]);
  test("maintenance inside a downtime: 01:00-03:00 less 02:00-02:30 is 90 minutes", () => {
    expect(minutes(JUNE, log(["2025-06-02T01:00", "2025-06-02T03:00"]), log(["2025-06-02T02:00", "2025-06-02T02:30"]))).toBe(90);
  });
  test("maintenance across a downtime's start, end, or all of it", () => {
    // 05:30-06:30 less 02:00-06:00 leaves 06:00-06:30: 30.
    expect(minutes(JUNE, log(["2025-06-02T05:30", "2025-06-02T06:30"]), MAINT)).toBe(30);
    // 01:30-02:30 less 02:00-06:00 leaves 01:30-02:00: 30.
    expect(minutes(JUNE, log(["2025-06-02T01:30", "2025-06-02T02:30"]), MAINT)).toBe(30);
    // 03:00-04:00 lies inside the maintenance: 0.
    expect(minutes(JUNE, log(["2025-06-02T03:00", "2025-06-02T04:00"]), MAINT)).toBe(0);
    // 01:00-07:00 spans it: 60 before + 60 after = 120.
    expect(minutes(JUNE, log(["2025-06-02T01:00", "2025-06-02T07:00"]), MAINT)).toBe(120);
  });
  test("the threshold is judged before maintenance: a 7-minute downtime with 3 minutes in maintenance counts 4", () => {
    // 01:56-02:03 is 7 minutes (>= 5, kept); 02:00-02:03 is maintenance; 01:56-02:00 counts.
    expect(minutes(JUNE, log(["2025-06-02T01:56", "2025-06-02T02:03"]), MAINT)).toBe(4);
  });
  test("overlapping maintenance windows and one window over two downtimes", () => {
    // Downtimes 01:00-02:30 and 05:00-07:00; maintenance 02:00-04:00 and 03:00-06:00 (union 02:00-06:00).
    // Counted: 01:00-02:00 (60) + 06:00-07:00 (60) = 120.
    expect(
      minutes(
        JUNE,
        log(["2025-06-02T01:00", "2025-06-02T02:30"], ["2025-06-02T05:00", "2025-06-02T07:00"]),
        log(["2025-06-02T03:00", "2025-06-02T06:00"], ["2025-06-02T02:00", "2025-06-02T04:00"]),
      ),
    ).toBe(120);
  });
  test("several maintenance windows inside one downtime", () => {
    // 00:00-12:00 (720) less 02:00-03:00, 05:00-05:30 and 11:00-13:00 (60 + 30 + 60 inside) = 570.
    expect(
      minutes(
        JUNE,
        log(["2025-06-03T00:00", "2025-06-03T12:00"]),
        log(["2025-06-03T02:00", "2025-06-03T03:00"], ["2025-06-03T05:00", "2025-06-03T05:30"], ["2025-06-03T11:00", "2025-06-03T13:00"]),
      ),
    ).toBe(570);
  });
});

describe("the month: what falls inside it", () => {
  test("a downtime crossing the month boundary counts in each month for its own minutes", () => {
    // 30 June 23:50 to 1 July 00:20: 10 minutes in June, 20 in July.
    const down = log(["2025-06-30T23:50", "2025-07-01T00:20"]);
    expect(minutes(JUNE, down)).toBe(10);
    expect(minutes(JULY, down)).toBe(20);
  });
  test("the threshold is on the whole downtime: 6 minutes across midnight count 3 in each month", () => {
    const down = log(["2025-06-30T23:57", "2025-07-01T00:03"]);
    expect(minutes(JUNE, down)).toBe(3);
    expect(minutes(JULY, down)).toBe(3);
  });
  test("leap February: 28 Feb 23:00 to 1 Mar 01:00 2024 is 25 hours in February, 1 in March", () => {
    const down = log(["2024-02-28T23:00", "2024-03-01T01:00"]);
    // 28 Feb 23:00-24:00 (60) + all of 29 Feb (1440) = 1500; 1 Mar 00:00-01:00 = 60.
    expect(minutes(slaMonth(epochDayFromYmd(2024, 2, 10)), down)).toBe(1500);
    expect(minutes(slaMonth(epochDayFromYmd(2024, 3, 10)), down)).toBe(60);
    // In 2025 the same clock times skip a 29 Feb: 28 Feb 23:00 - 1 Mar 01:00 is 60 in each month.
    const down2025 = log(["2025-02-28T23:00", "2025-03-01T01:00"]);
    expect(minutes(slaMonth(epochDayFromYmd(2025, 2, 1)), down2025)).toBe(60);
  });
  test("downtimes of other months count 0; a downtime over the whole month counts all of it", () => {
    expect(minutes(JUNE, log(["2025-05-10T10:00", "2025-05-10T12:00"]))).toBe(0);
    expect(minutes(JUNE, log(["2025-05-31T00:00", "2025-07-02T00:00"]))).toBe(43200);
  });
});

describe("a log of 10,000 downtimes", () => {
  test("6-minute downtimes every 10 minutes from 1 June: June holds 4320 of them, 25,920 minutes", () => {
    // 43200 / 10 = 4320 downtimes start in June, each 6 minutes long and inside it: 4320 x 6 = 25920.
    const start = t("2025-06-01T00:00");
    const starts: number[] = [];
    const ends: number[] = [];
    for (let i = 0; i < 10000; i++) {
      starts.push(start + i * 600);
      ends.push(start + i * 600 + 360);
    }
    expect(minutes(JUNE, { starts, ends })).toBe(25920);
    expect(minutes(JUNE, { starts: [...starts].reverse(), ends: [...ends].reverse() })).toBe(25920);
    // Maintenance over the first minute of every downtime leaves 5 x 4320 = 21600 with no cap.
    const maint = { starts, ends: starts.map((s) => s + 60) };
    expect(outageInMonth(JUNE, { starts, ends }, maint, 5, NO_CAP).minutes).toBe(21600);
    // With the 6-hour cap, 360 of those minutes are excused in any 14 days, earliest first:
    // downtimes 0-359 (1 June 00:00 to 3 June 11:50); downtime 2016 starts exactly 14 days after
    // downtime 0 and each second of its first minute replaces one of downtime 0's in the window,
    // so downtimes 2016-2375 are excused too, and 4032-4319 (288, the rest of June). Excused:
    // 360 + 360 + 288 = 1008 of the 4320 minutes in maintenance; 3312 are capped.
    // Outage: 21600 + 3312 = 24912.
    expect(minutes(JUNE, { starts, ends }, maint)).toBe(24912);
  });
});

describe("reading the log from Excel ranges", () => {
  // 2025-06-01 is serial 45809; 10:00 is 10/24 of a day.
  const JUNE1 = 45809;
  test("serials to the nearest second, ISO text, blank rows skipped", () => {
    // 10:00:00.4 rounds to 10:00:00; 10:05:00.6 rounds to 10:05:01.
    const r = intervalsFromRanges(
      [[JUNE1 + 10 / 24 + 0.4 / 86400], [null], ["2025-06-02T08:00:00"]],
      [[JUNE1 + (10 * 3600 + 300.6) / 86400], [""], ["2025-06-02T09:00:00"]],
      "outage_starts",
      "outage_ends",
      "1900",
    );
    expect(r).toEqual({ starts: [t("2025-06-01T10:00"), t("2025-06-02T08:00")], ends: [t("2025-06-01T10:05:01"), t("2025-06-02T09:00")] });
  });
  test("omitted or blank ranges are an empty log", () => {
    expect(intervalsFromRanges(null, undefined, "maintenance_starts", "maintenance_ends", "1900")).toEqual({ starts: [], ends: [] });
    expect(intervalsFromRanges([[null]], null, "maintenance_starts", "maintenance_ends", "1900")).toEqual({ starts: [], ends: [] });
  });
  test("an end before its start is #NUM!", () => {
    expect(
      errorOf(() =>
        intervalsFromRanges([[JUNE1], [JUNE1 + 0.5]], [[JUNE1 + 0.25], [JUNE1 + 0.25]], "outage_starts", "outage_ends", "1900"),
      ),
    ).toEqual({
      kind: "num",
      message:
        "outage_ends (row 2, column 1) must not be before outage_starts (row 2, column 1); got an interval from 2025-06-01T12:00:00 to 2025-06-01T06:00:00.",
    });
  });
  test("ranges of different shapes, or a start without an end, are #VALUE!", () => {
    expect(
      errorOf(() => intervalsFromRanges([[JUNE1], [JUNE1]], [[JUNE1], [JUNE1], [JUNE1]], "outage_starts", "outage_ends", "1900")),
    ).toEqual({
      kind: "value",
      message: "outage_starts and outage_ends must be ranges of the same shape; got 2x1 and 3x1.",
    });
    expect(errorOf(() => intervalsFromRanges([[JUNE1]], null, "maintenance_starts", "maintenance_ends", "1900"))).toEqual({
      kind: "value",
      message: "maintenance_starts and maintenance_ends must be ranges of the same shape; got 1x1 and 0x0.",
    });
    expect(errorOf(() => intervalsFromRanges([[JUNE1], [JUNE1]], [[JUNE1], [null]], "outage_starts", "outage_ends", "1900"))).toEqual({
      kind: "value",
      message: "outage_ends (row 2, column 1) is required: expected a date-time, as outage_starts (row 2, column 1) has one.",
    });
    expect(errorOf(() => intervalsFromRanges([["soon"]], [[JUNE1]], "outage_starts", "outage_ends", "1900"))).toEqual({
      kind: "value",
      message: 'outage_starts (row 1, column 1) must be a date (an Excel date serial or ISO text such as 2025-01-31); got "soon".',
    });
    expect(errorOf(() => intervalsFromRanges([[true]], [[JUNE1]], "outage_starts", "outage_ends", "1900"))).toMatchObject({
      kind: "value",
    });
  });
  test("ranges of the same height but different widths are #VALUE!", () => {
    // Two columns of starts against one of ends: 1x2 and 1x1; 2x2 and 2x1.
    expect(errorOf(() => intervalsFromRanges([[JUNE1, JUNE1 + 1]], [[JUNE1 + 0.5]], "outage_starts", "outage_ends", "1900"))).toEqual({
      kind: "value",
      message: "outage_starts and outage_ends must be ranges of the same shape; got 1x2 and 1x1.",
    });
    expect(
      errorOf(() =>
        intervalsFromRanges(
          [
            [JUNE1, JUNE1 + 1],
            [JUNE1 + 2, JUNE1 + 3],
          ],
          [[JUNE1 + 0.5], [JUNE1 + 2.5]],
          "outage_starts",
          "outage_ends",
          "1900",
        ),
      ),
    ).toEqual({ kind: "value", message: "outage_starts and outage_ends must be ranges of the same shape; got 2x2 and 2x1." });
    // Only the second row differs (a ragged range): still #VALUE!, naming both arguments.
    expect(
      errorOf(() =>
        intervalsFromRanges([[JUNE1], [JUNE1 + 2]], [[JUNE1 + 0.5], [JUNE1 + 2.5, JUNE1 + 3]], "outage_starts", "outage_ends", "1900"),
      ),
    ).toMatchObject({ kind: "value", message: expect.stringMatching(/^outage_starts and outage_ends must be ranges of the same shape/) });
  });
  test("dates in January and February 1900 (serials 1 to 59) are read as the days they are", () => {
    // Serial 1 is 1900-01-01, epoch day -25,567 (70 years of 365 days + 17 leap days before 1970):
    // -25,567 x 86,400 = -2,208,988,800 s. Serial 1.5 is noon that day: +43,200.
    expect(intervalsFromRanges([[1]], [[1.5]], "outage_starts", "outage_ends", "1900")).toEqual({
      starts: [-2208988800],
      ends: [-2208945600],
    });
    // Serial 59.5 is 1900-02-28 12:00 (58 days after 1 January): (-25,567 + 58) x 86,400 + 43,200.
    // Serial 61 is 1900-03-01 (Excel's serial 60 is the 29 February 1900 that never was).
    expect(intervalsFromRanges([[59.5]], [[61]], "outage_starts", "outage_ends", "1900")).toEqual({
      starts: [-25509 * 86400 + 43200],
      ends: [-25508 * 86400],
    });
    // A downtime from 31 January 1900 06:00 (serial 31.25) to 28 February 1900 18:00 (59.75):
    // January holds 18 hours = 1,080 minutes; February 27 days 18 hours = 27 x 1,440 + 1,080 = 39,960.
    const down = intervalsFromRanges([[31.25]], [[59.75]], "outage_starts", "outage_ends", "1900");
    expect(minutes(slaMonth(epochDayFromYmd(1900, 1, 1)), down)).toBe(1080);
    expect(minutes(slaMonth(epochDayFromYmd(1900, 2, 1)), down)).toBe(39960);
  });
  test("serial 0 (Excel's 1900-01-00) and serial 60 (its 1900-02-29) are #NUM! naming the cell; in the 1904 system 0 is 1904-01-01", () => {
    expect(errorOf(() => intervalsFromRanges([[0]], [[1]], "outage_starts", "outage_ends", "1900"))).toEqual({
      kind: "num",
      message: "outage_starts (row 1, column 1) is outside Excel's calendar (1900-01-01 to 9999-12-31); got 0.",
    });
    expect(errorOf(() => intervalsFromRanges([[1]], [[60.5]], "outage_starts", "outage_ends", "1900"))).toEqual({
      kind: "num",
      message: "outage_ends (row 1, column 1) is serial 60, Excel's 1900-02-29, a day that never existed; use 1900-02-28 or 1900-03-01.",
    });
    // 1904-01-01 is epoch day -24,107 (66 years of 365 days + 17 leap days, 1904 to 1968, before 1970).
    expect(intervalsFromRanges([[0]], [[0.5]], "outage_starts", "outage_ends", "1904")).toEqual({
      starts: [-24107 * 86400],
      ends: [-24107 * 86400 + 43200],
    });
  });
  test("serials outside Excel's calendar are #NUM!", () => {
    expect(errorOf(() => intervalsFromRanges([[60]], [[61]], "outage_starts", "outage_ends", "1900")).kind).toBe("num");
    expect(errorOf(() => intervalsFromRanges([[JUNE1]], [[1e308]], "outage_starts", "outage_ends", "1900")).kind).toBe("num");
  });
});
