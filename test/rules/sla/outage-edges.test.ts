/**
 * OUTAGEMINUTES' log reader and sweeps at their edges. Values by hand.
 *
 * Serials: 2025-06-01 is 45809 (2025-01-01 is 45658, and January to May hold 151 days), so
 * 2 June 10:00 is 45810 + 10/24. Epoch seconds: 2025-06-02 is epoch day 20241.
 */
import { epochDayFromYmd } from "../../../src/rules/core/serial";
import { excuseUnderCap, intervalsFromRanges, mergeIntervals, outageInMonth } from "../../../src/rules/sla/outage";
import { slaMonth } from "../../../src/rules/sla/uptime";
import { log } from "../../helpers/outage-log";
import { ruleError as errorOf } from "../../helpers/rule-error";

const JUNE_2 = 45810;
const at = (hours: number) => JUNE_2 + hours / 24;
const DAY_2 = epochDayFromYmd(2025, 6, 2) * 86400;
const read = (starts: unknown, ends: unknown, system: "1900" | "1904" = "1900") =>
  intervalsFromRanges(starts, ends, "outage_starts", "outage_ends", system);

describe("the ranges a log is read from", () => {
  test("epoch day of 2 June 2025 is 20241 (the serials' working above)", () => {
    expect(DAY_2).toBe(20241 * 86400);
  });
  test("a single cell each (not a range) is one interval", () => {
    // 2 June 10:00 to 10:30.
    expect(read(at(10), at(10.5))).toEqual({ starts: [DAY_2 + 36000], ends: [DAY_2 + 37800] });
  });
  test("a flat list (a script's one-dimensional array) is one row: its second cell is column 2", () => {
    expect(read([at(10), at(11)], [at(10.5), at(11.5)])).toEqual({
      starts: [DAY_2 + 36000, DAY_2 + 39600],
      ends: [DAY_2 + 37800, DAY_2 + 41400],
    });
    // An end before its start in the second cell names row 1, column 2.
    expect(errorOf(() => read([at(10), at(11)], [at(10.5), at(10)]))).toEqual({
      kind: "num",
      message:
        "outage_ends (row 1, column 2) must not be before outage_starts (row 1, column 2); got an interval from 2025-06-02T11:00:00 to 2025-06-02T10:00:00.",
    });
  });
  test("a row that is a single value (a ragged array) is a row of one cell", () => {
    expect(read([[at(10)], at(11)], [[at(10.5)], at(11.5)])).toEqual({
      starts: [DAY_2 + 36000, DAY_2 + 39600],
      ends: [DAY_2 + 37800, DAY_2 + 41400],
    });
  });
  test("an empty array is no cells: 0x0 against a 1x1 range is #VALUE!", () => {
    expect(errorOf(() => read([], [[at(10)]]))).toMatchObject({ kind: "value", message: expect.stringContaining("0x0") });
    expect(errorOf(() => read([], [[at(10)]])).message).toContain("1x1");
  });
  test("a start left blank beside an end is #VALUE! naming the start", () => {
    expect(errorOf(() => read([[null]], [[at(10)]]))).toEqual({
      kind: "value",
      message: "outage_starts (row 1, column 1) is required: expected a date-time, as outage_ends (row 1, column 1) has one.",
    });
  });
  test("a serial past 9999-12-31 is #NUM! naming its cell", () => {
    // 2958466 is 10000-01-01 in the 1900 system.
    expect(errorOf(() => read([[at(10)]], [[2958466]]))).toEqual({
      kind: "num",
      message: expect.stringMatching(/^outage_ends \(row 1, column 1\) is outside Excel's calendar/),
    });
    // In the 1904 system 9999-12-31 is 2957003, so 2957004 is past it.
    expect(errorOf(() => read([[2957004]], [[2957004]], "1904"))).toEqual({
      kind: "num",
      message: expect.stringMatching(/^outage_starts \(row 1, column 1\) is outside Excel's calendar \(1904-01-01 to 9999-12-31\)/),
    });
  });
});

describe("Excluded Downtime in pieces", () => {
  test("two excluded ranges inside one downtime: 10:00-12:00 less 10:10-10:20 and 10:40-10:50 is 100 minutes", () => {
    // 120 minutes of downtime; 10 + 10 of them excluded; 100 are Outage.
    const down = log(["2025-06-02T10:00", "2025-06-02T12:00"]);
    const excluded = log(["2025-06-02T10:10", "2025-06-02T10:20"], ["2025-06-02T10:40", "2025-06-02T10:50"]);
    const c = outageInMonth(slaMonth(epochDayFromYmd(2025, 6, 1)), down, undefined, 5, 6 * 3600, excluded);
    expect([c.minutes, c.excludedSeconds / 60]).toEqual([100, 20]);
  });
});

describe("the sweeps' results hold no empty interval", () => {
  test("an empty log merges to an empty log", () => {
    expect(mergeIntervals({ starts: [], ends: [] })).toStrictEqual({ starts: [], ends: [] });
  });
  test("a cap used up by 2 June 00:00-06:00 excuses none of 07:00-08:00, and adds no empty interval there", () => {
    // The first six hours fill the 6-hour cap; at 07:00 the 14 days before hold all 360 minutes,
    // so no second of 07:00-08:00 is excused: the result is the first interval alone.
    const k = log(["2025-06-02T00:00", "2025-06-02T06:00"], ["2025-06-02T07:00", "2025-06-02T08:00"]);
    expect(excuseUnderCap(k, 6 * 3600)).toEqual(log(["2025-06-02T00:00", "2025-06-02T06:00"]));
  });
});
