/**
 * Excluded Downtime through the built bundle, as Excel calls it: OUTAGEMINUTES and OUTAGEWORKING with
 * Excluded Downtime as their 8th and 9th arguments (excluded_starts, excluded_ends), ranges of
 * date-times as Excel passes them (rows of one-cell arrays). Excluded Downtime is never Outage
 * and uses none of the 6-hour maintenance cap (003 §3; Decision in docs/terms.md).
 */
import { dateTimeSerial, loadBundle, type LoadedBundle } from "../helpers/bundle";

let b: LoadedBundle;
beforeAll(() => {
  b = loadBundle();
});

// Serials (1900 system): 2025-06-01 = 45809, so 2 June = 45810, 10 June = 45818.
const JUNE1 = 45809;
const dt = dateTimeSerial;
/** Day d of June 2025. */
const june = (d: number) => JUNE1 + d - 1;
/** A one-column range of starts and one of ends from [day, from hour, to hour] rows. */
const ranges = (...rs: [number, number, number][]) => ({
  starts: rs.map(([d, from]) => [dt(june(d), from)]),
  ends: rs.map(([d, , to]) => [dt(june(d), to)]),
});
const outage = (down: ReturnType<typeof ranges>, maint: ReturnType<typeof ranges> | null, excl: ReturnType<typeof ranges>) =>
  b.call("OUTAGEMINUTES", JUNE1, down.starts, down.ends, maint?.starts ?? null, maint?.ends ?? null, null, null, excl.starts, excl.ends);

describe("OUTAGEMINUTES with excluded_starts and excluded_ends: the issue's four examples", () => {
  test("10 June 12:00-22:00, the same range excluded: 0 (passed as maintenance it is 240)", () => {
    const up = ranges([10, 12, 22]);
    expect(outage(up, null, up)).toBe(0);
    // As maintenance: 360 of the 600 minutes excused under the cap, 240 over it.
    expect(b.call("OUTAGEMINUTES", JUNE1, up.starts, up.ends, up.starts, up.ends, null, null)).toBe(240);
    // UPTIME and SLACREDITPCT follow: 0 minutes is 1 (100%) and no credit, where 240 of June's
    // 43,200 minutes gave 1 - 240/43200 = 0.99444..., the 10% band.
    expect(b.call("UPTIME", JUNE1, outage(up, null, up))).toBe(1);
    expect(b.call("SLACREDITPCT", b.call("UPTIME", JUNE1, outage(up, null, up)))).toBe(0);
  });
  test("2 and 3 June 02:00-06:00 in maintenance, 10 June 12:00-22:00 excluded: 240 + 120 excused, 120 over the cap: 120", () => {
    const down = ranges([2, 2, 6], [3, 2, 6], [10, 12, 22]);
    expect(outage(down, ranges([2, 2, 6], [3, 2, 6]), ranges([10, 12, 22]))).toBe(120);
  });
  test("10 June 12:00-22:00 with 12:00-14:00 excluded: 600 - 120 = 480", () => {
    expect(outage(ranges([10, 12, 22]), null, ranges([10, 12, 14]))).toBe(480);
  });
  test("2, 3 and 4 June 02:00-06:00 in maintenance, 3 June 00:00-12:00 also excluded: 240 excused, 0 of the cap, 120 + 120: 120", () => {
    const mornings = ranges([2, 2, 6], [3, 2, 6], [4, 2, 6]);
    expect(outage(mornings, mornings, ranges([3, 0, 12]))).toBe(120);
    // The maintenance from MAINTENANCEWINDOWS' EU spill (02:00-06:00 GMT on June's weekdays),
    // as INDEX(F2#,0,1) and INDEX(F2#,0,2) pass it: the same 120.
    const f2 = b.call("MAINTENANCEWINDOWS", JUNE1, "EU", null) as number[][];
    const col = (n: number) => f2.map((r) => [r[n]]);
    const excl = ranges([3, 0, 12]);
    expect(b.call("OUTAGEMINUTES", JUNE1, mornings.starts, mornings.ends, col(0), col(1), null, null, excl.starts, excl.ends)).toBe(120);
  });
});

describe("OUTAGEWORKING shows the excluded minutes as a row", () => {
  test("the fourth example: 720 downtime, 240 excluded, 480 in maintenance, 360 excused, 120 over the cap", () => {
    const mornings = ranges([2, 2, 6], [3, 2, 6], [4, 2, 6]);
    const excl = ranges([3, 0, 12]);
    expect(
      b.call("OUTAGEWORKING", JUNE1, mornings.starts, mornings.ends, mornings.starts, mornings.ends, null, null, excl.starts, excl.ends),
    ).toEqual([
      ["Downtimes in the log", 3],
      ["Shorter than min_minutes (dropped)", 0],
      ["Downtime minutes in the month", 720],
      ["Of which Excluded Downtime (never Outage)", 240],
      ["Of which in maintenance, not excluded", 480],
      ["Excused in the 14 days before the month", 0],
      ["Excused in the month", 360],
      ["Over the cap (counted)", 120],
      ["Outage minutes", 120],
    ]);
  });
  test("without excluded ranges the spill keeps its 8 rows", () => {
    // 10 June 12:00-22:00, no maintenance: 600 minutes, all Outage.
    const up = ranges([10, 12, 22]);
    const w = b.call("OUTAGEWORKING", JUNE1, up.starts, up.ends, null, null, null, null) as unknown[][];
    expect(w.map((r) => r[0])).not.toContain("Of which Excluded Downtime (never Outage)");
    expect(w).toHaveLength(8);
    expect(w[7]).toEqual(["Outage minutes", 600]);
    // Omitted (undefined, as JavaScript passes a missing argument) and blank cells read the same.
    expect(b.call("OUTAGEWORKING", JUNE1, up.starts, up.ends, null, null, null, null, undefined, undefined)).toEqual(w);
  });
});

describe("invalid excluded ranges name the argument", () => {
  const down = ranges([10, 12, 22]);
  const call = (s: unknown, e: unknown) => b.call("OUTAGEMINUTES", JUNE1, down.starts, down.ends, null, null, null, null, s, e);
  test("different sizes or widths: #VALUE!", () => {
    expect(call([[dt(june(10), 12)], [dt(june(11), 12)]], [[dt(june(10), 14)]])).toEqual({
      error: "#VALUE!",
      message: "excluded_starts and excluded_ends must be ranges of the same shape; got 2x1 and 1x1.",
    });
    expect(call([[dt(june(10), 12), dt(june(11), 12)]], [[dt(june(10), 14)]])).toEqual({
      error: "#VALUE!",
      message: "excluded_starts and excluded_ends must be ranges of the same shape; got 1x2 and 1x1.",
    });
    // A start given without its end.
    expect(call([[dt(june(10), 12)]], null)).toEqual({
      error: "#VALUE!",
      message: "excluded_starts and excluded_ends must be ranges of the same shape; got 1x1 and 0x0.",
    });
  });
  test("an end before its start: #NUM!", () => {
    expect(call([[dt(june(10), 14)]], [[dt(june(10), 12)]])).toEqual({
      error: "#NUM!",
      message:
        "excluded_ends (row 1, column 1) must not be before excluded_starts (row 1, column 1); got an interval from 2025-06-10T14:00:00 to 2025-06-10T12:00:00.",
    });
  });
  test("wrong types: #VALUE!", () => {
    expect(call([["storm"]], [[dt(june(10), 14)]])).toEqual({
      error: "#VALUE!",
      message: 'excluded_starts (row 1, column 1) must be a date (an Excel date serial or ISO text such as 2025-01-31); got "storm".',
    });
    expect(call([[dt(june(10), 12)]], [[true]])).toMatchObject({
      error: "#VALUE!",
      message: expect.stringMatching(/^excluded_ends \(row 1, column 1\)/),
    });
  });
});

describe("functions.json", () => {
  const params = (name: string) => b.metadata.functions.find((f) => f.name === name)!.parameters;
  test.each(["OUTAGEMINUTES", "OUTAGEWORKING"])("%s: excluded_starts and excluded_ends are the optional 8th and 9th arguments", (name) => {
    const p = params(name);
    expect(p.map((x) => x.name)).toEqual([
      "month",
      "outage_starts",
      "outage_ends",
      "maintenance_starts",
      "maintenance_ends",
      "min_minutes",
      "maintenance_cap_hours",
      "excluded_starts",
      "excluded_ends",
    ]);
    expect(p.slice(3).every((x) => x.optional === true)).toBe(true);
    // Maintenance is Scheduled Maintenance only; the log's description asks for 14 days before the month.
    expect(p[3].description).not.toMatch(/Excluded Downtime/);
    expect(p[7].description).toMatch(/Excluded Downtime/);
    expect(p[1].description).toMatch(/at least 14 days before the month/);
    expect(p[1].description).toMatch(/older downtime, where given, is used too/);
  });
});
