/**
 * Seasonal seat windows (billing-help): open 00:00 UTC of the first day, close 00:00 UTC of the
 * day after the last day, shown in a time zone's local time. Local times are "local epoch
 * seconds": epoch day x 86400 + seconds since local midnight. Offsets worked by hand from the
 * zones' rules (US: DST from the 2nd Sunday of March to the 1st Sunday of November at 2 a.m.
 * local; EU: last Sunday of March / October at 01:00 UTC; Sydney: 1st Sunday of April / October).
 */
import { epochDayFromYmd } from "../../../src/rules/core/serial";
import { ianaZone, localEpochSecond, seasonWindow, timeZone, ZONE_FIELDS } from "../../../src/rules/contract/season";
import { ruleError as thrown } from "../../helpers/rule-error";

const d = epochDayFromYmd;
/** Local wall-clock y-m-d h:m as local epoch seconds. */
const at = (y: number, m: number, day: number, h: number, min = 0) => d(y, m, day) * 86400 + h * 3600 + min * 60;

describe("the document's example: June 1 to June 30", () => {
  const JUNE1 = d(2025, 6, 1);
  const JUNE30 = d(2025, 6, 30);
  test("UTC (the default): June 1 00:00 to July 1 00:00", () => {
    expect(seasonWindow(JUNE1, JUNE30, timeZone(null))).toEqual({ opens: at(2025, 6, 1, 0), closes: at(2025, 7, 1, 0) });
    expect(seasonWindow(JUNE1, JUNE30, timeZone("UTC"))).toEqual({ opens: at(2025, 6, 1, 0), closes: at(2025, 7, 1, 0) });
  });
  test("New York (EDT, UTC-4): May 31 8 p.m. to June 30 8 p.m.", () => {
    expect(seasonWindow(JUNE1, JUNE30, timeZone("America/New_York"))).toEqual({ opens: at(2025, 5, 31, 20), closes: at(2025, 6, 30, 20) });
  });
  test("Los Angeles (PDT, UTC-7): May 31 5 p.m. to June 30 5 p.m.", () => {
    expect(seasonWindow(JUNE1, JUNE30, timeZone("America/Los_Angeles"))).toEqual({
      opens: at(2025, 5, 31, 17),
      closes: at(2025, 6, 30, 17),
    });
  });
  test("half- and quarter-hour zones: Kolkata +5:30, Kathmandu +5:45, Chatham +12:45 (its winter)", () => {
    expect(seasonWindow(JUNE1, JUNE30, timeZone("Asia/Kolkata"))).toEqual({ opens: at(2025, 6, 1, 5, 30), closes: at(2025, 7, 1, 5, 30) });
    expect(seasonWindow(JUNE1, JUNE30, timeZone("Asia/Kathmandu"))).toEqual({
      opens: at(2025, 6, 1, 5, 45),
      closes: at(2025, 7, 1, 5, 45),
    });
    expect(seasonWindow(JUNE1, JUNE30, timeZone("Pacific/Chatham"))).toEqual({
      opens: at(2025, 6, 1, 12, 45),
      closes: at(2025, 7, 1, 12, 45),
    });
  });
  test("fixed offsets are read on every host: +05:30, UTC-4, GMT+5:45, -0700", () => {
    expect(seasonWindow(JUNE1, JUNE30, timeZone("+05:30"))).toEqual({ opens: at(2025, 6, 1, 5, 30), closes: at(2025, 7, 1, 5, 30) });
    expect(seasonWindow(JUNE1, JUNE30, timeZone("UTC-4"))).toEqual({ opens: at(2025, 5, 31, 20), closes: at(2025, 6, 30, 20) });
    expect(seasonWindow(JUNE1, JUNE30, timeZone("GMT+5:45"))).toEqual({ opens: at(2025, 6, 1, 5, 45), closes: at(2025, 7, 1, 5, 45) });
    expect(seasonWindow(JUNE1, JUNE30, timeZone("-0700"))).toEqual({ opens: at(2025, 5, 31, 17), closes: at(2025, 6, 30, 17) });
  });
  test("zone names are case-insensitive; IANA's EST is a fixed UTC-5 all year (not New York)", () => {
    expect(seasonWindow(JUNE1, JUNE30, timeZone("america/new_york")).opens).toBe(at(2025, 5, 31, 20));
    expect(seasonWindow(JUNE1, JUNE30, timeZone("EST")).opens).toBe(at(2025, 5, 31, 19));
  });
});

describe("windows across daylight-saving changes", () => {
  test("New York spring forward (9 Mar 2025): opens in EST, closes in EDT", () => {
    // 1 Mar 00:00 UTC = 28 Feb 19:00 EST (UTC-5); 1 Apr 00:00 UTC = 31 Mar 20:00 EDT (UTC-4).
    expect(seasonWindow(d(2025, 3, 1), d(2025, 3, 31), timeZone("America/New_York"))).toEqual({
      opens: at(2025, 2, 28, 19),
      closes: at(2025, 3, 31, 20),
    });
  });
  test("New York fall back (2 Nov 2025): opens in EDT, closes in EST", () => {
    // 1 Oct 00:00 UTC = 30 Sep 20:00 EDT; 1 Dec 00:00 UTC = 30 Nov 19:00 EST.
    expect(seasonWindow(d(2025, 10, 1), d(2025, 11, 30), timeZone("America/New_York"))).toEqual({
      opens: at(2025, 9, 30, 20),
      closes: at(2025, 11, 30, 19),
    });
  });
  test("a one-day window on the change day: 24 hours in UTC, 25 or 23 on the local clock", () => {
    // 9 Mar 2025: 00:00 UTC is 8 Mar 19:00 EST; 10 Mar 00:00 UTC is 9 Mar 20:00 EDT.
    expect(seasonWindow(d(2025, 3, 9), d(2025, 3, 9), timeZone("America/New_York"))).toEqual({
      opens: at(2025, 3, 8, 19),
      closes: at(2025, 3, 9, 20),
    });
    // 2 Nov 2025 in Los Angeles: 00:00 UTC is 1 Nov 17:00 PDT; 3 Nov 00:00 UTC is 2 Nov 16:00 PST.
    expect(seasonWindow(d(2025, 11, 2), d(2025, 11, 2), timeZone("America/Los_Angeles"))).toEqual({
      opens: at(2025, 11, 1, 17),
      closes: at(2025, 11, 2, 16),
    });
  });
  test("London, changes at 01:00 UTC: 30 Mar 00:00 UTC is still GMT, 26 Oct 00:00 UTC still BST", () => {
    expect(seasonWindow(d(2025, 3, 30), d(2025, 10, 25), timeZone("Europe/London"))).toEqual({
      opens: at(2025, 3, 30, 0),
      closes: at(2025, 10, 26, 1),
    });
  });
  test("Sydney, the southern hemisphere: AEST from 6 Apr, AEDT from 5 Oct 2025", () => {
    // DST ended 6 Apr 03:00 AEDT = 5 Apr 16:00 UTC, so 6 Apr 00:00 UTC = 10:00 AEST (UTC+10).
    // DST began 5 Oct 02:00 AEST = 4 Oct 16:00 UTC, so 5 Oct 00:00 UTC = 11:00 AEDT (UTC+11).
    expect(seasonWindow(d(2025, 4, 6), d(2025, 10, 4), timeZone("Australia/Sydney"))).toEqual({
      opens: at(2025, 4, 6, 10),
      closes: at(2025, 10, 5, 11),
    });
  });
});

describe("calendar edges", () => {
  test("leap day 2024 in New York (EST)", () => {
    // 29 Feb 00:00 UTC = 28 Feb 19:00; 1 Mar 00:00 UTC = 29 Feb 19:00.
    expect(seasonWindow(d(2024, 2, 29), d(2024, 2, 29), timeZone("America/New_York"))).toEqual({
      opens: at(2024, 2, 28, 19),
      closes: at(2024, 2, 29, 19),
    });
  });
  test("a December window in Kolkata closes on 1 January 05:30", () => {
    expect(seasonWindow(d(2025, 12, 1), d(2025, 12, 31), timeZone("Asia/Kolkata"))).toEqual({
      opens: at(2025, 12, 1, 5, 30),
      closes: at(2026, 1, 1, 5, 30),
    });
  });
  test("localEpochSecond keeps seconds and handles an instant just before midnight UTC", () => {
    // 2025-06-01 23:59:59 UTC = 2025-06-02 05:29:59 in Kolkata.
    expect(localEpochSecond(at(2025, 6, 1, 23, 59) + 59, timeZone("Asia/Kolkata"))).toBe(at(2025, 6, 2, 5, 29) + 59);
  });
  test("a zone's time is read whatever order its formatter writes the numbers in", () => {
    // en-US writes 6/2/2025, 05:29:59; en-GB 02/06/2025, 05:29:59; sv-SE 2025-06-02 05:29:59;
    // ja-JP 2025/6/2 5:29:59: the same instant, 2025-06-01 23:59:59 UTC, read from each.
    for (const locale of ["en-US", "en-GB", "sv-SE", "ja-JP"]) {
      const zone = ianaZone(new Intl.DateTimeFormat(locale, { ...ZONE_FIELDS, timeZone: "Asia/Kolkata" }));
      expect([locale, localEpochSecond(at(2025, 6, 1, 23, 59) + 59, zone)]).toEqual([locale, at(2025, 6, 2, 5, 29) + 59]);
    }
  });
  test("UTC and GMT alone are offset 0, read without Intl, in any case", () => {
    for (const name of ["UTC", "gmt", " Utc "]) expect(timeZone(name)).toMatchObject({ kind: "offset", offsetSeconds: 0 });
    // 2025-06-01 12:34:56 UTC is the same wall-clock time.
    expect(localEpochSecond(at(2025, 6, 1, 12, 34) + 56, timeZone("GMT"))).toBe(at(2025, 6, 1, 12, 34) + 56);
  });
});

describe("errors", () => {
  const expected = "an IANA time zone such as America/New_York, Europe/London, Asia/Kolkata or UTC, or an offset such as -05:00";
  test("an unknown zone is #VALUE!", () => {
    expect(thrown(() => timeZone("Mars/Olympus"))).toEqual({
      kind: "value",
      message: `time_zone "Mars/Olympus" is not a known time zone; expected ${expected}.`,
    });
    expect(thrown(() => timeZone(5))).toEqual({ kind: "value", message: `time_zone must be ${expected}; got 5.` });
    expect(thrown(() => timeZone(true))).toEqual({ kind: "value", message: `time_zone must be ${expected}; got TRUE.` });
    expect(thrown(() => timeZone("+24:00"))).toEqual({
      kind: "value",
      message: 'time_zone "+24:00" is not a valid offset; expected -23:59 to +23:59.',
    });
  });
  test("a last day before the first is #NUM!", () => {
    expect(thrown(() => seasonWindow(d(2025, 6, 30), d(2025, 6, 1), timeZone(null)))).toEqual({
      kind: "num",
      message: "last_day (2025-06-01) must be on or after first_day (2025-06-30).",
    });
  });
});
