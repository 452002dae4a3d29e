/**
 * The SLA functions through the built bundle, with the arguments Excel passes: date serials
 * (a fraction is the time of day), ISO text, ranges as rows of cells, null for an omitted
 * argument, the dropdown's text for priority.
 */
import { dateTimeSerial, ErrorCode, loadBundle, StubError, type LoadedBundle } from "../helpers/bundle";

let b: LoadedBundle;
beforeAll(() => {
  b = loadBundle();
});

// Serials (1900 system): 2025-01-01 = 45658; 2025-06-01 = 45658 + 151 = 45809 (a Sunday);
// 2025-07-01 = 45809 + 30 = 45839; 2024-02-01 = 45292 + 31 = 45323; 2025-02-01 = 45689.
const JAN1 = 45658;
const JUNE1 = 45809;
const JULY1 = 45839;
const FEB1_2024 = 45323;
const FEB1_2025 = 45689;
const dt = dateTimeSerial;

const FRACTION_MESSAGE = (got: string) => `uptime must be between 0 and 1 (a fraction: 99.5% is written 0.995); got ${got}.`;

describe("UPTIME", () => {
  test("43.2 outage minutes in June are exactly 0.999; any day of the month, any time, names it", () => {
    // (43200 - 43.2) / 43200 = 0.999.
    expect(b.call("UPTIME", JUNE1, 43.2)).toBe(0.999);
    expect(b.call("UPTIME", dt(JUNE1 + 29, 23, 59), 43.2)).toBe(0.999);
    expect(b.call("UPTIME", "2025-06-15", "43.2")).toBe(0.999);
  });
  test("31-day January and the Februaries", () => {
    // January: (44640 - 446.4) / 44640 = 0.99; (44640 - 1) / 44640.
    expect(b.call("UPTIME", JAN1, 446.4)).toBe(0.99);
    expect(b.call("UPTIME", JAN1 + 30, 1)).toBe(44639 / 44640);
    // February 2024 (41760 minutes): 41.76 -> 0.999; February 2025 (40320): 40278.24 / 40320.
    expect(b.call("UPTIME", FEB1_2024 + 28, 41.76)).toBe(0.999);
    expect(b.call("UPTIME", FEB1_2025, 41.76)).toBe(4027824 / 4032000);
  });
  test("errors: outage below 0 or above the month, not a number, not a date", () => {
    expect(b.call("UPTIME", JUNE1, -1)).toEqual({ error: "#NUM!", message: "outage_minutes must not be negative; got -1." });
    expect(b.call("UPTIME", JUNE1, 43200.5)).toEqual({
      error: "#NUM!",
      message: "outage_minutes must be at most the 43200 minutes in June 2025; got 43200.5.",
    });
    expect(b.call("UPTIME", JUNE1, "lots")).toEqual({ error: "#VALUE!", message: 'outage_minutes must be a number; got "lots".' });
    expect(b.call("UPTIME", JUNE1, null)).toEqual({
      error: "#VALUE!",
      message: "outage_minutes is required: expected a number of minutes.",
    });
    expect(b.call("UPTIME", "June", 1)).toEqual({
      error: "#VALUE!",
      message: 'month must be a date (an Excel date serial or ISO text such as 2025-01-31); got "June".',
    });
  });
});

describe("OUTAGEMINUTES", () => {
  test("serials to the nearest second; overlapping downtimes counted once", () => {
    // 10:00-10:10 and 10:05-10:20 on 1 June merge to 10:00-10:20: 20.
    const starts = [[dt(JUNE1, 10)], [dt(JUNE1, 10, 5)]];
    const ends = [[dt(JUNE1, 10, 10)], [dt(JUNE1, 10, 20)]];
    expect(b.call("OUTAGEMINUTES", JUNE1, starts, ends, null, null, null)).toBe(20);
  });
  test("threshold: 4:59 dropped by default, counted with min_minutes 1; exactly 5:00 counts", () => {
    const s = [[dt(JUNE1, 10)]];
    expect(b.call("OUTAGEMINUTES", JUNE1, s, [[dt(JUNE1, 10, 4, 59)]], null, null, null)).toBe(0);
    expect(b.call("OUTAGEMINUTES", JUNE1, s, [[dt(JUNE1, 10, 4, 59)]], null, null, 1)).toBe(299 / 60);
    expect(b.call("OUTAGEMINUTES", JUNE1, s, [[dt(JUNE1, 10, 5)]], null, null, null)).toBe(5);
  });
  test("touching downtimes merge into one long enough to count", () => {
    // 10:00-10:03 and 10:03-10:06: one 6-minute downtime.
    const starts = [[dt(JUNE1, 10)], [dt(JUNE1, 10, 3)]];
    const ends = [[dt(JUNE1, 10, 3)], [dt(JUNE1, 10, 6)]];
    expect(b.call("OUTAGEMINUTES", JUNE1, starts, ends, null, null, null)).toBe(6);
  });
  test("maintenance inside and across a downtime", () => {
    // 2 June 01:00-03:00 less 02:00-02:30 = 90.
    expect(
      b.call("OUTAGEMINUTES", JUNE1, [[dt(JUNE1 + 1, 1)]], [[dt(JUNE1 + 1, 3)]], [[dt(JUNE1 + 1, 2)]], [[dt(JUNE1 + 1, 2, 30)]], null),
    ).toBe(90);
    // 2 June 05:30-06:30 less the 02:00-06:00 window = 30.
    expect(
      b.call("OUTAGEMINUTES", JUNE1, [["2025-06-02T05:30"]], [["2025-06-02T06:30"]], [["2025-06-02T02:00"]], [["2025-06-02T06:00"]], 5),
    ).toBe(30);
  });
  test("a downtime crossing the month boundary: 10 minutes in June, 20 in July", () => {
    const s = [[dt(JULY1 - 1, 23, 50)]];
    const e = [[dt(JULY1, 0, 20)]];
    expect(b.call("OUTAGEMINUTES", JUNE1, s, e, null, null, null)).toBe(10);
    expect(b.call("OUTAGEMINUTES", JULY1 + 14, s, e, null, null, null)).toBe(20);
  });
  test("leap February 2024: 28 Feb 23:00 to 1 Mar 01:00 is 1500 minutes in February", () => {
    // 28 Feb 23:00-24:00 (60) + 29 Feb (1440) = 1500.
    expect(b.call("OUTAGEMINUTES", FEB1_2024, [[dt(FEB1_2024 + 27, 23)]], [[dt(FEB1_2024 + 29, 1)]], null, null, null)).toBe(1500);
  });
  test("blank rows of a log are skipped; an empty log is 0", () => {
    expect(b.call("OUTAGEMINUTES", JUNE1, [[dt(JUNE1, 10)], [null], [""]], [[dt(JUNE1, 10, 10)], [null], [""]], null, null, null)).toBe(10);
    expect(b.call("OUTAGEMINUTES", JUNE1, [[null]], [[null]], null, null, null)).toBe(0);
  });
  test("the log feeds UPTIME: 43 minutes 12 seconds of outage in June is exactly 99.9%", () => {
    // 1 June 10:00:00 to 10:43:12 = 2592 seconds = 43.2 minutes.
    const outage = b.call("OUTAGEMINUTES", JUNE1, [[dt(JUNE1, 10)]], [[dt(JUNE1, 10, 43, 12)]], null, null, null);
    expect(outage).toBe(43.2);
    expect(b.call("UPTIME", JUNE1, outage)).toBe(0.999);
    expect(b.call("SLACREDITPCT", b.call("UPTIME", JUNE1, outage))).toBe(0);
  });
  test("errors", () => {
    expect(b.call("OUTAGEMINUTES", JUNE1, [[dt(JUNE1, 10)]], [[dt(JUNE1, 9)]], null, null, null)).toEqual({
      error: "#NUM!",
      message:
        "outage_ends (row 1, column 1) must not be before outage_starts (row 1, column 1); got an interval from 2025-06-01T10:00:00 to 2025-06-01T09:00:00.",
    });
    expect(b.call("OUTAGEMINUTES", JUNE1, [[dt(JUNE1, 10)], [dt(JUNE1, 11)]], [[dt(JUNE1, 10, 10)]], null, null, null)).toEqual({
      error: "#VALUE!",
      message: "outage_starts and outage_ends must be ranges of the same shape; got 2x1 and 1x1.",
    });
    expect(b.call("OUTAGEMINUTES", JUNE1, [[dt(JUNE1, 10)]], [[dt(JUNE1, 10, 10)]], [[dt(JUNE1, 3)]], null, null)).toEqual({
      error: "#VALUE!",
      message: "maintenance_starts and maintenance_ends must be ranges of the same shape; got 1x1 and 0x0.",
    });
    expect(b.call("OUTAGEMINUTES", JUNE1, [[dt(JUNE1, 10)]], [[null]], null, null, null)).toEqual({
      error: "#VALUE!",
      message: "outage_ends (row 1, column 1) is required: expected a date-time, as outage_starts (row 1, column 1) has one.",
    });
    expect(b.call("OUTAGEMINUTES", JUNE1, [[dt(JUNE1, 10)]], [[dt(JUNE1, 10, 10)]], null, null, 6)).toEqual({
      error: "#NUM!",
      message: "min_minutes must be between 1 and 5; got 6.",
    });
    expect(b.call("OUTAGEMINUTES", JUNE1, [[dt(JUNE1, 10)]], [[dt(JUNE1, 10, 10)]], null, null, 2.5)).toEqual({
      error: "#NUM!",
      message: "min_minutes must be a whole number; got 2.5.",
    });
    expect(b.call("OUTAGEMINUTES", JUNE1, [["yesterday"]], [[dt(JUNE1, 10, 10)]], null, null, null)).toEqual({
      error: "#VALUE!",
      message: 'outage_starts (row 1, column 1) must be a date (an Excel date serial or ISO text such as 2025-01-31); got "yesterday".',
    });
  });
});

describe("SLACREDITPCT", () => {
  test("every band edge", () => {
    const pct = (u: unknown) => b.call("SLACREDITPCT", u);
    expect([1, 0.999].map(pct)).toEqual([0, 0]);
    // The double just below 0.999 (0.9989999999999999) is below the edge.
    expect([0.9989999999999999, 0.9989, 0.99].map(pct)).toEqual([0.1, 0.1, 0.1]);
    expect([0.9899999999999999, 0.9899, 0.97].map(pct)).toEqual([0.25, 0.25, 0.25]);
    expect([0.9699999999999999, 0.9699, 0].map(pct)).toEqual([0.5, 0.5, 0.5]);
  });
  test('a percentage typed as text is read: "99.5%" is 0.995', () => {
    expect(b.call("SLACREDITPCT", "99.5%")).toBe(0.1);
  });
  test("outside 0..1 is #NUM! saying how 99.5% is written; text #VALUE!", () => {
    expect(b.call("SLACREDITPCT", 99.5)).toEqual({ error: "#NUM!", message: FRACTION_MESSAGE("99.5") });
    expect(b.call("SLACREDITPCT", -0.5)).toEqual({ error: "#NUM!", message: FRACTION_MESSAGE("-0.5") });
    expect(b.call("SLACREDITPCT", "good")).toEqual({ error: "#VALUE!", message: 'uptime must be a number; got "good".' });
    expect(b.call("SLACREDITPCT", null)).toEqual({
      error: "#VALUE!",
      message: "uptime is required: expected an uptime fraction such as 0.995.",
    });
  });
});

describe("SLACREDIT", () => {
  test("percentage x fee, exact, capped at 50%", () => {
    // 10% of 1000 = 100; 25% of 1234.56 = 308.64; 50% of 1000 = 500; none of 1000 = 0.
    expect(b.call("SLACREDIT", 0.995, 1000)).toBe(100);
    expect(b.call("SLACREDIT", 0.98, 1234.56)).toBe(308.64);
    expect(b.call("SLACREDIT", 0.5, 1000)).toBe(500);
    expect(b.call("SLACREDIT", 0.999, 1000)).toBe(0);
    // 10% of 0.7 = 0.07 (binary floating point: 0.06999999999999999).
    expect(b.call("SLACREDIT", 0.995, 0.7)).toBe(0.07);
  });
  test("errors", () => {
    expect(b.call("SLACREDIT", 99.5, 1000)).toEqual({ error: "#NUM!", message: FRACTION_MESSAGE("99.5") });
    expect(b.call("SLACREDIT", 0.98, -100)).toEqual({ error: "#NUM!", message: "monthly_fee must not be negative; got -100." });
    expect(b.call("SLACREDIT", 0.98, null)).toEqual({
      error: "#VALUE!",
      message: "monthly_fee is required: expected the monthly fee or average monthly Commitment.",
    });
  });
});

describe("SLACLAIMDEADLINE", () => {
  test("incident date + 30 days, as a date serial", () => {
    // 1 June + 30 = 1 July (45839); a time of day is ignored; 15 Feb 2024 + 30 = 16 Mar 2024 (45323 + 14 + 30).
    expect(b.call("SLACLAIMDEADLINE", JUNE1)).toBe(JULY1);
    expect(b.call("SLACLAIMDEADLINE", dt(JUNE1, 18))).toBe(JULY1);
    expect(b.call("SLACLAIMDEADLINE", "2024-02-15")).toBe(FEB1_2024 + 14 + 30);
  });
  test("errors", () => {
    expect(b.call("SLACLAIMDEADLINE", null)).toEqual({ error: "#VALUE!", message: "incident_date is required: expected a date." });
    // 9999-12-31 + 30 is beyond Excel's calendar.
    expect(b.call("SLACLAIMDEADLINE", 2958465)).toEqual({
      error: "#NUM!",
      message: "the claim deadline is outside Excel's calendar (1900-01-01 to 9999-12-31); got 10000-01-30.",
    });
  });
});

describe("RESPONSEDUE", () => {
  // 6 June 2025 is a Friday (1 June is a Sunday).
  const FRI = JUNE1 + 5;
  test("Severe + 2 hours and High + 8 hours on the clock, into the weekend", () => {
    expect(b.call("RESPONSEDUE", "Severe", dt(FRI, 23), null)).toBe(dt(FRI + 1, 1));
    expect(b.call("RESPONSEDUE", "High", dt(FRI, 20), null)).toBe(dt(FRI + 1, 4));
    expect(b.call("RESPONSEDUE", "severe", "2025-06-06T23:00", null)).toBe(dt(FRI + 1, 1));
  });
  test("Medium + 3 business days, the time of day kept; holidays skipped", () => {
    // Friday 15:30 -> Wednesday 11 June 15:30; with Monday 9 June off -> Thursday 12 June 15:30.
    expect(b.call("RESPONSEDUE", "Medium", dt(FRI, 15, 30), null)).toBe(dt(FRI + 5, 15, 30));
    expect(b.call("RESPONSEDUE", "Medium", dt(FRI, 15, 30), [[FRI + 3]])).toBe(dt(FRI + 6, 15, 30));
    expect(b.call("RESPONSEDUE", "Medium", dt(FRI, 15, 30), [["2025-06-09"], [null]])).toBe(dt(FRI + 6, 15, 30));
  });
  test("errors: unknown priority, bad date", () => {
    expect(b.call("RESPONSEDUE", "Urgent", dt(FRI, 9), null)).toEqual({
      error: "#VALUE!",
      message: 'priority "Urgent" is not known; expected one of: Severe, High, Medium.',
    });
    expect(b.call("RESPONSEDUE", null, dt(FRI, 9), null)).toEqual({
      error: "#VALUE!",
      message: "priority is required: expected one of: Severe, High, Medium.",
    });
    expect(b.call("RESPONSEDUE", "High", "noon", null)).toEqual({
      error: "#VALUE!",
      message: 'submitted_at must be a date (an Excel date serial or ISO text such as 2025-01-31); got "noon".',
    });
  });
});

describe("SLAWORKING", () => {
  test("June 2025, 43.2 outage minutes: 5 rows, no credit", () => {
    expect(b.call("SLAWORKING", JUNE1, 43.2, null)).toEqual([
      ["Minutes in month", 43200],
      ["Outage minutes", 43.2],
      ["Uptime", 0.999],
      ["Band", "99.9% or above"],
      ["Credit percentage", 0],
    ]);
  });
  test("February 2025, 1000 outage minutes, fee 1200: 25% band, credit 300", () => {
    // (40320 - 1000) / 40320 = 39320 / 40320: at least 0.97 (0.97 x 40320 = 39110.4) and below
    // 0.99 (39916.8), so 25%; 25% x 1200 = 300.
    expect(b.call("SLAWORKING", FEB1_2025 + 10, 1000, 1200)).toEqual([
      ["Minutes in month", 40320],
      ["Outage minutes", 1000],
      ["Uptime", 39320 / 40320],
      ["Band", "97.0%–99.0%"],
      ["Credit percentage", 0.25],
      ["Credit amount", 300],
    ]);
  });
  test("June 2025, 1300 outage minutes, fee 1200: below 97.0%, 50%, credit 600", () => {
    // (43200 - 1300) / 43200 = 41900 / 43200 < 0.97 (41904): 50% x 1200 = 600.
    expect(b.call("SLAWORKING", JUNE1, 1300, 1200)).toEqual([
      ["Minutes in month", 43200],
      ["Outage minutes", 1300],
      ["Uptime", 41900 / 43200],
      ["Band", "Below 97.0%"],
      ["Credit percentage", 0.5],
      ["Credit amount", 600],
    ]);
  });
  test("errors as UPTIME; a negative fee #NUM!", () => {
    expect(b.call("SLAWORKING", JUNE1, 50000, null)).toEqual({
      error: "#NUM!",
      message: "outage_minutes must be at most the 43200 minutes in June 2025; got 50000.",
    });
    expect(b.call("SLAWORKING", JUNE1, 10, -1)).toEqual({ error: "#NUM!", message: "monthly_fee must not be negative; got -1." });
  });
});

describe("a 1904 workbook (the adapters, as date-system.test.ts loads them)", () => {
  // In the 1904 system every serial is 1462 lower: 2025-06-01 is 44347, 2025-07-01 is 44377.
  const JUNE1_1904 = JUNE1 - 1462;
  let fns: Record<string, (...args: unknown[]) => unknown>;
  let setSystem: (s: "1900" | "1904") => void;
  beforeAll(() => {
    (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = { Error: StubError, ErrorCode };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    setSystem = require("../../src/functions/excel").setWorkbookDateSystem;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    fns = require("../../src/functions/sla");
    setSystem("1904");
  });
  afterAll(() => setSystem("1900"));

  test("month, log and results read and written as 1904 serials", () => {
    expect(fns.uptimeFn(JUNE1_1904, 43.2)).toBe(0.999);
    // 30 June 23:50 to 1 July 00:20: 10 minutes in June.
    expect(fns.outageMinutesFn(JUNE1_1904, [[dt(JUNE1_1904 + 29, 23, 50)]], [[dt(JUNE1_1904 + 30, 0, 20)]], null, null, null)).toBe(10);
    expect(fns.slaClaimDeadlineFn(JUNE1_1904)).toBe(JUNE1_1904 + 30);
    // Friday 6 June 15:30, Medium: Wednesday 11 June 15:30.
    expect(fns.responseDueFn("Medium", dt(JUNE1_1904 + 5, 15, 30), null)).toBe(dt(JUNE1_1904 + 10, 15, 30));
  });
});

describe("the outage log's shapes and earliest dates, the credit bands lowest first", () => {
  test("outage_starts and outage_ends of different widths: #VALUE!", () => {
    // Two columns of starts (10:00 on 2 and 3 June) against one of ends.
    expect(b.call("OUTAGEMINUTES", JUNE1, [[dt(JUNE1 + 1, 10), dt(JUNE1 + 2, 10)]], [[dt(JUNE1 + 1, 11)]], null, null, null)).toEqual({
      error: "#VALUE!",
      message: "outage_starts and outage_ends must be ranges of the same shape; got 1x2 and 1x1.",
    });
  });
  test("January and February 1900: serials 1 to 59 are those days; 0 and 60 are #NUM!", () => {
    // 31 January 1900 06:00 (serial 31.25) to 28 February 1900 18:00 (59.75): January holds 18 h =
    // 1,080 minutes; February (serial 32 is 1 February) 27 days 18 hours = 27 x 1,440 + 1,080 = 39,960.
    expect(b.call("OUTAGEMINUTES", 1, [[31.25]], [[59.75]], null, null, null)).toBe(1080);
    expect(b.call("OUTAGEMINUTES", 32, [[31.25]], [[59.75]], null, null, null)).toBe(39960);
    // 28 February 1900 12:00 (59.5) to 1 March 1900 00:00 (61): 720 minutes in February; Excel's
    // phantom 29 February (serial 60) is no day of the log.
    expect(b.call("OUTAGEMINUTES", 32, [[59.5]], [[61]], null, null, null)).toBe(720);
    expect(b.call("OUTAGEMINUTES", 1, [[0]], [[1]], null, null, null)).toEqual({
      error: "#NUM!",
      message: "outage_starts (row 1, column 1) is outside Excel's calendar (1900-01-01 to 9999-12-31); got 0.",
    });
    expect(b.call("OUTAGEMINUTES", 32, [[59.5]], [[60]], null, null, null)).toEqual({
      error: "#NUM!",
      message: "outage_ends (row 1, column 1) is serial 60, Excel's 1900-02-29, a day that never existed; use 1900-02-28 or 1900-03-01.",
    });
  });
  test("the card's credit bands listed lowest band first give the card's credits at every edge", () => {
    const rates = [
      ["Monthly Uptime Percentage", "From (included)", "Below (excluded)", "Service credit"],
      ["Below 97.0%", "n/a", 0.97, 0.5],
      ["97.0% to 98.99%", 0.97, 0.99, 0.25],
      ["99.0% to 99.89%", 0.99, 0.999, 0.1],
      ["99.9% or above", 0.999, "n/a", 0],
    ];
    // [uptime, credit, on a $1,000 fee]: 003 §6's bands, contiguous and unrounded.
    for (const [uptime, pct, amount] of [
      [1, 0, 0],
      [0.999, 0, 0],
      [0.998999, 0.1, 100],
      [0.99, 0.1, 100],
      [0.989999, 0.25, 250],
      [0.97, 0.25, 250],
      [0.969999, 0.5, 500],
      [0, 0.5, 500],
    ]) {
      expect([uptime, b.call("SLACREDITPCT", uptime, rates)]).toEqual([uptime, pct]);
      expect([uptime, b.call("SLACREDIT", uptime, 1000, rates)]).toEqual([uptime, amount]);
      expect([uptime, b.call("SLACREDIT", uptime, 1000, rates.slice(1))]).toEqual([uptime, amount]);
    }
  });
});
