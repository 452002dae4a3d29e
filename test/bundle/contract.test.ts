/**
 * The contract-date functions through the built bundle, with the arguments Excel passes: date
 * serials (1900 system), null for an omitted argument, text from text cells, 2-D arrays for
 * ranges. Every expected serial is counted by hand from 2025-01-01 = serial 45658:
 * Feb 1 = 45689, Mar 1 = 45717, Apr 1 = 45748, May 1 = 45778, Jun 1 = 45809, Jul 1 = 45839,
 * Oct 1 = 45931, Dec 1 = 45992, Dec 31 = 46022, 2026-01-01 = 46023; 2024-01-01 = 45292,
 * 2024-02-01 = 45323, 2024-03-01 = 45352 (2024-02-29 = 45351); 9999-12-31 = 2958465.
 */
import { loadBundle, type LoadedBundle, StubError, ErrorCode } from "../helpers/bundle";
import { PS_ITEM_ALIASES } from "../rules/contract/ps-item-aliases";

let b: LoadedBundle;
beforeAll(() => {
  b = loadBundle();
});

const PACKAGES =
  "Onboarding - Self-Paced, Onboarding Essentials, Implementation - Basic, Implementation - Standard, Optimization Assessment, " +
  "Data Migration - Small, Data Migration - Medium, Data Migration - Large, Data Migration - Zendesk, " +
  "Implementation - AI Basic, Implementation - AI Advanced";

describe("PSKICKOFFDEADLINE", () => {
  const JAN15 = 45672;
  test.each([
    ["Onboarding - Self-Paced", 45702],
    ["Onboarding Essentials", 45702],
    ["Implementation - Basic", 45702],
    ["Implementation - Standard", 45702],
    ["Optimization Assessment", 45702],
    ["Data Migration - Small", 45702],
    ["Data Migration - Medium", 45702],
    ["Data Migration - Large", 45702],
    ["Data Migration - Zendesk", 45702],
    ["Implementation - AI Basic", 45762],
    ["Implementation - AI Advanced", 45762],
  ])("%s from 15 Jan 2025 is serial %i (14 Feb = 45689 + 13; 15 Apr = 45748 + 14)", (name, serial) => {
    expect(b.call("PSKICKOFFDEADLINE", name, JAN15)).toBe(serial);
  });
  test("month ends and leap days", () => {
    // 31 Jan 2025 (45688) + 30 = 2 Mar 2025 (45718); 31 Jan 2024 (45322) + 30 = 1 Mar 2024 (45352).
    expect(b.call("PSKICKOFFDEADLINE", "Implementation - Basic", 45688)).toBe(45718);
    expect(b.call("PSKICKOFFDEADLINE", "Implementation - Basic", 45322)).toBe(45352);
    // 1 Dec 2023 (45261) + 90 = 29 Feb 2024 (45351).
    expect(b.call("PSKICKOFFDEADLINE", "Implementation - AI Advanced", 45261)).toBe(45351);
  });
  test("any case, ISO text dates, a time of day ignored", () => {
    expect(b.call("PSKICKOFFDEADLINE", "implementation basic", "2025-01-15")).toBe(45702);
    expect(b.call("PSKICKOFFDEADLINE", "ONBOARDING ESSENTIALS", JAN15 + 0.75)).toBe(45702);
  });
  test("errors: unknown package, blank package, not a date, outside the calendar", () => {
    expect(b.call("PSKICKOFFDEADLINE", "Gold Package", JAN15)).toEqual({
      error: "#VALUE!",
      message: `package_name "Gold Package" is not known; expected one of: ${PACKAGES}.`,
    });
    expect(b.call("PSKICKOFFDEADLINE", null, JAN15)).toEqual({
      error: "#VALUE!",
      message: `package_name is required: expected one of: ${PACKAGES}.`,
    });
    expect(b.call("PSKICKOFFDEADLINE", "Implementation - Basic", "soon")).toEqual({
      error: "#VALUE!",
      message: 'subscription_start must be a date (an Excel date serial or ISO text such as 2025-01-31); got "soon".',
    });
    expect(b.call("PSKICKOFFDEADLINE", "Implementation - Basic", null)).toEqual({
      error: "#VALUE!",
      message: "subscription_start is required: expected a date.",
    });
    // 9999-12-15 (2958449) + 30 is past the calendar.
    expect(b.call("PSKICKOFFDEADLINE", "Implementation - Basic", 2958449)).toEqual({
      error: "#NUM!",
      message: "The kick-off deadline falls after 9999-12-31, the end of Excel's calendar: 9999-12-15 + 30 days.",
    });
    expect(b.call("PSKICKOFFDEADLINE", "Implementation - Basic", 60)).toMatchObject({ error: "#NUM!" });
  });
});

describe("PSEXPIRY", () => {
  // Kick-Off Monday 3 Mar 2025 = 45719; 31 Mar = 45747.
  test.each([
    ["Onboarding - Self-Paced", 45749, "30 days: 2 Apr"],
    ["Onboarding Essentials", 45749, "30 days: 2 Apr"],
    ["Implementation - Basic", 45775, "56 days: 28 Apr"],
    ["Implementation - Standard", 45803, "84 days: 26 May"],
    ["Optimization Assessment", 45747, "28 days: 31 Mar"],
    ["Data Migration - Small", 45761, "42 days: 14 Apr"],
    ["Data Migration - Medium", 45775, "56 days: 28 Apr"],
    ["Data Migration - Large", 45789, "70 days: 12 May"],
    ["Data Migration - Zendesk", 45747, "28 days: 31 Mar"],
    ["Implementation - AI Basic", 45764, "45 days: 17 Apr"],
    ["Implementation - AI Advanced", 45775, "56 days: 28 Apr"],
  ])("%s from 3 Mar 2025 is %i (%s)", (name, serial) => {
    expect(b.call("PSEXPIRY", name, 45719)).toBe(serial);
  });
  test("leap February: 30 days from 1 Feb 2024 (45323) is 2 Mar 2024 (45353)", () => {
    expect(b.call("PSEXPIRY", "Onboarding - Self-Paced", 45323)).toBe(45353);
  });
  test("errors", () => {
    expect(b.call("PSEXPIRY", "Data Migration", 45719)).toEqual({
      error: "#VALUE!",
      message: `package_name "Data Migration" is not known; expected one of: ${PACKAGES}.`,
    });
    expect(b.call("PSEXPIRY", "Data Migration - Large", true)).toEqual({
      error: "#VALUE!",
      message: "kickoff_date must be a date (an Excel date serial or ISO text such as 2025-01-31); got TRUE.",
    });
  });
});
describe("PSACCEPTANCE", () => {
  test("5 business days; holidays optional, as a range with blanks", () => {
    // Thu 3 Jul 2025 (45841) -> Thu 10 Jul (45848); with 4 Jul (45842) a holiday -> Fri 11 Jul (45849).
    expect(b.call("PSACCEPTANCE", 45841, null)).toBe(45848);
    expect(b.call("PSACCEPTANCE", 45841, [[45842]])).toBe(45849);
    expect(b.call("PSACCEPTANCE", 45841, [[45842], [null], [""]])).toBe(45849);
    expect(b.call("PSACCEPTANCE", 45841, [["2025-07-04"]])).toBe(45849);
  });
  test("weekend notice and the year end", () => {
    // Sat 1 Mar 2025 (45717) -> Fri 7 Mar (45723).
    expect(b.call("PSACCEPTANCE", 45717, null)).toBe(45723);
    // Wed 24 Dec 2025 (46015), holidays 25, 26 Dec (46016, 46017) and 1 Jan 2026 (46023) -> Mon 5 Jan 2026 (46027).
    expect(b.call("PSACCEPTANCE", 46015, [[46016, 46017, 46023]])).toBe(46027);
  });
  test("leap day: Mon 26 Feb 2024 (45348) -> 27, 28, 29 Feb, 1 Mar, Mon 4 Mar (45355)", () => {
    expect(b.call("PSACCEPTANCE", 45348, null)).toBe(45355);
  });
  test("errors name the holiday cell", () => {
    expect(b.call("PSACCEPTANCE", 45841, [[45842, "July 4"]])).toEqual({
      error: "#VALUE!",
      message: 'holidays (row 1, column 2) must be a date (an Excel date serial or ISO text such as 2025-01-31); got "July 4".',
    });
    expect(b.call("PSACCEPTANCE", null, null)).toEqual({ error: "#VALUE!", message: "notice_date is required: expected a date." });
  });
});

describe("PSINCLUSION", () => {
  test.each([
    ["Onboarding - Self-Paced", "sessions", 4],
    ["Onboarding Essentials", "intro calls", 1],
    ["Implementation - Basic", "configuration hours", 8],
    ["Implementation - Basic", "training hours", 1],
    ["Implementation - Standard", "training hours", 4],
    ["Implementation - Standard", "checkpoints", 2],
    ["Optimization Assessment", "sessions", 3],
    ["Data Migration - Medium", "conversation records", 250000],
    ["Data Migration - Zendesk", "conversation records", 500000],
    ["Implementation - AI Basic", "sub-agents", 3],
    ["Implementation - AI Advanced", "sub-agents", 5],
    ["Implementation - AI Advanced", "kick-off days", 90],
    ["Data Migration - Small", "duration days", 42],
  ])("%s, %s: %i", (pkg, item, n) => {
    expect(b.call("PSINCLUSION", pkg, item)).toBe(n);
  });
  test("errors: #N/A where the terms state none, #VALUE! for unknown names", () => {
    expect(b.call("PSINCLUSION", "Implementation - AI Advanced", "checkpoints")).toEqual({
      error: "#N/A",
      message:
        "The terms state no number of checkpoint calls for Implementation - AI Advanced (it includes: 1 AI team with up to 5 AI sub-agents, 1 targeted use case, configuration and development with a consultant or developer).",
    });
    expect(b.call("PSINCLUSION", "Implementation - Basic", "pizza")).toMatchObject({ error: "#VALUE!" });
    expect(b.call("PSINCLUSION", "Basic", "sessions")).toMatchObject({ error: "#VALUE!" });
  });
});

describe("MANAGEDHOURS", () => {
  test("Essential 8, Basic 16, Standard 40; AI Basic 16, AI Standard 40", () => {
    expect(b.call("MANAGEDHOURS", "Essential", null)).toBe(8);
    expect(b.call("MANAGEDHOURS", "Basic", null)).toBe(16);
    expect(b.call("MANAGEDHOURS", "Standard", "Managed Services")).toBe(40);
    expect(b.call("MANAGEDHOURS", "Basic", "AI Managed Services")).toBe(16);
    expect(b.call("MANAGEDHOURS", "standard", "ai managed services")).toBe(40);
  });
  test("errors", () => {
    expect(b.call("MANAGEDHOURS", "Essential", "AI Managed Services")).toEqual({
      error: "#N/A",
      message: "AI Managed Services has no Essential level; the terms offer Basic, Standard.",
    });
    expect(b.call("MANAGEDHOURS", "Gold", null)).toEqual({
      error: "#VALUE!",
      message: 'service_level "Gold" is not known; expected one of: Essential, Basic, Standard.',
    });
  });
});

describe("MANAGEDTERM", () => {
  test("spills a 1x2 row: signed 20 Jan 2025 moves 2025 to 20 Jan 2025 - 19 Jan 2026", () => {
    expect(b.call("MANAGEDTERM", 45658, 46022, 45677)).toEqual([[45677, 46041]]);
  });
  test("signed on or before the start: unchanged", () => {
    expect(b.call("MANAGEDTERM", 45658, 46022, 45658)).toEqual([[45658, 46022]]);
    expect(b.call("MANAGEDTERM", 45658, 46022, 45641)).toEqual([[45658, 46022]]);
  });
  test("leap year: 1 Dec 2023 (45261) to 30 Nov 2024 (45626) signed 31 Dec 2023 (45291): + 30 days", () => {
    expect(b.call("MANAGEDTERM", 45261, 45626, 45291)).toEqual([[45291, 45656]]);
  });
  test("errors", () => {
    expect(b.call("MANAGEDTERM", 46022, 45658, 45658)).toEqual({
      error: "#NUM!",
      message: "end_date (2025-01-01) must be on or after start_date (2025-12-31).",
    });
    expect(b.call("MANAGEDTERM", 45658, 46022, "tomorrow")).toMatchObject({ error: "#VALUE!" });
  });
});

describe("SEASONWINDOW", () => {
  const JUN1 = 45809;
  const JUN30 = 45838;
  test("the document's example in New York and Los Angeles (EDT, PDT)", () => {
    // Opens 31 May (45808) 8 p.m. / 5 p.m.; closes 30 Jun (45838) 8 p.m. / 5 p.m.
    expect(b.call("SEASONWINDOW", JUN1, JUN30, "America/New_York")).toEqual([[45808 + 72000 / 86400, 45838 + 72000 / 86400]]);
    expect(b.call("SEASONWINDOW", JUN1, JUN30, "America/Los_Angeles")).toEqual([[45808 + 61200 / 86400, 45838 + 61200 / 86400]]);
  });
  test("UTC by default: whole days", () => {
    expect(b.call("SEASONWINDOW", JUN1, JUN30, null)).toEqual([[45809, 45839]]);
    expect(b.call("SEASONWINDOW", JUN1, JUN30, "")).toEqual([[45809, 45839]]);
  });
  test("half- and quarter-hour zones", () => {
    // Kolkata +5:30 = 19800 s; Chatham +12:45 = 45900 s (June is its winter).
    expect(b.call("SEASONWINDOW", JUN1, JUN30, "Asia/Kolkata")).toEqual([[45809 + 19800 / 86400, 45839 + 19800 / 86400]]);
    expect(b.call("SEASONWINDOW", JUN1, JUN30, "Pacific/Chatham")).toEqual([[45809 + 45900 / 86400, 45839 + 45900 / 86400]]);
  });
  test("both DST changes in New York", () => {
    // Mar 2025: opens 28 Feb (45716) 19:00 EST, closes 31 Mar (45747) 20:00 EDT.
    expect(b.call("SEASONWINDOW", 45717, 45747, "America/New_York")).toEqual([[45716 + 68400 / 86400, 45747 + 72000 / 86400]]);
    // Oct-Nov 2025: opens 30 Sep (45930) 20:00 EDT, closes 30 Nov (45991) 19:00 EST.
    expect(b.call("SEASONWINDOW", 45931, 45991, "America/New_York")).toEqual([[45930 + 72000 / 86400, 45991 + 68400 / 86400]]);
  });
  test("the calendar's ends: 9999-12-31 closes that evening in New York, and is out of range east of UTC", () => {
    expect(b.call("SEASONWINDOW", 2958465, 2958465, "America/New_York")).toEqual([[2958464 + 68400 / 86400, 2958465 + 68400 / 86400]]);
    expect(b.call("SEASONWINDOW", 2958465, 2958465, "Asia/Kolkata")).toEqual({
      error: "#NUM!",
      message: "The closing time is outside Excel's calendar (1900-01-01 to 9999-12-31); got 10000-01-01.",
    });
    expect(b.call("SEASONWINDOW", 1, 1, "America/New_York")).toEqual({
      error: "#NUM!",
      message: "The opening time is outside Excel's calendar (1900-01-01 to 9999-12-31); got 1899-12-31.",
    });
  });
  test("errors: unknown zone #VALUE!, last day before the first #NUM!", () => {
    expect(b.call("SEASONWINDOW", JUN1, JUN30, "Eastern")).toEqual({
      error: "#VALUE!",
      message:
        'time_zone "Eastern" is not a known time zone; expected an IANA time zone such as America/New_York, Europe/London, Asia/Kolkata or UTC, or an offset such as -05:00.',
    });
    expect(b.call("SEASONWINDOW", JUN30, JUN1, null)).toEqual({
      error: "#NUM!",
      message: "last_day (2025-06-01) must be on or after first_day (2025-06-30).",
    });
  });
});

describe("PRICEEFFECTIVE", () => {
  test("the first 1st on or after update + 30 days", () => {
    expect(b.call("PRICEEFFECTIVE", 45672, null)).toBe(45717); // 15 Jan -> 14 Feb -> 1 Mar 2025
    expect(b.call("PRICEEFFECTIVE", 45659, null)).toBe(45689); // 2 Jan -> 1 Feb -> 1 Feb 2025
    expect(b.call("PRICEEFFECTIVE", 45659, 31)).toBe(45717); // the stricter reading -> 1 Mar
    expect(b.call("PRICEEFFECTIVE", 45322, null)).toBe(45352); // 31 Jan 2024 -> 1 Mar 2024 (leap)
    expect(b.call("PRICEEFFECTIVE", 45688, null)).toBe(45748); // 31 Jan 2025 -> 2 Mar -> 1 Apr 2025
    expect(b.call("PRICEEFFECTIVE", 46006, null)).toBe(46054); // 15 Dec 2025 -> 14 Jan -> 1 Feb 2026
    expect(b.call("PRICEEFFECTIVE", "2025-01-15", "30")).toBe(45717);
  });
  test("errors", () => {
    expect(b.call("PRICEEFFECTIVE", 45672, -1)).toEqual({ error: "#NUM!", message: "notice_days must not be negative; got -1." });
    expect(b.call("PRICEEFFECTIVE", 45672, "a month")).toEqual({
      error: "#VALUE!",
      message: 'notice_days must be a number; got "a month".',
    });
    expect(b.call("PRICEEFFECTIVE", 45672, 2.5)).toEqual({ error: "#NUM!", message: "notice_days must be a whole number; got 2.5." });
  });
});

describe("DEACTIVATIONDATE", () => {
  test("decline + 3 days", () => {
    expect(b.call("DEACTIVATIONDATE", 45687, null)).toBe(45690); // 30 Jan -> 2 Feb 2025
    expect(b.call("DEACTIVATIONDATE", 45349, null)).toBe(45352); // 27 Feb 2024 -> 1 Mar 2024
    expect(b.call("DEACTIVATIONDATE", 45715, null)).toBe(45718); // 27 Feb 2025 -> 2 Mar 2025
    expect(b.call("DEACTIVATIONDATE", 46021, null)).toBe(46024); // 30 Dec 2025 -> 2 Jan 2026
    expect(b.call("DEACTIVATIONDATE", 45687, 7)).toBe(45694);
  });
  test("errors", () => {
    expect(b.call("DEACTIVATIONDATE", 45687, -3)).toEqual({ error: "#NUM!", message: "grace_days must not be negative; got -3." });
    expect(b.call("DEACTIVATIONDATE", "", null)).toEqual({ error: "#VALUE!", message: "decline_date is required: expected a date." });
  });
});

describe("what PRICEEFFECTIVE and DEACTIVATIONDATE say of themselves", () => {
  const description = (id: string) => b.metadata.functions.find((f) => f.id === id)?.description ?? "";
  test("PRICEEFFECTIVE's 30-day rule names KIQ Customer Assist and Voice, not WhatsApp (whose Rate Card changes the next month)", () => {
    expect(description("PRICEEFFECTIVE")).toMatch(/^When a KIQ Customer Assist or Kustomer Voice price update takes effect: /);
    expect(description("PRICEEFFECTIVE")).not.toMatch(/WhatsApp/i);
  });
  test("DEACTIVATIONDATE is the day of deactivation; payment can be updated until the end of the day before", () => {
    expect(description("DEACTIVATIONDATE")).toContain(
      "It is the day of deactivation: payment can be updated until the end of the day before.",
    );
  });
});

describe("CHANGEEFFECTIVE", () => {
  // 10 Mar 2025 = 45717 + 9 = 45726; 9 Apr 2025 = 45748 + 8 = 45756; 15 Jan 2025 = 45672.
  test("the four kinds of date the terms give", () => {
    // SLA: 10 Mar + 30 days = 9 Apr 2025 (21 days of March, 9 of April).
    expect(b.call("CHANGEEFFECTIVE", "SLA", 45726, null)).toBe(45756);
    // usage price: 15 Jan + 30 = 14 Feb; the next month to start is March: 1 Mar 2025.
    expect(b.call("CHANGEEFFECTIVE", "usage price", 45672, null)).toBe(45717);
    // WhatsApp rate card: the first day of the month after publication: 1 Feb 2025.
    expect(b.call("CHANGEEFFECTIVE", "WhatsApp rate card", 45672, null)).toBe(45689);
    // translated word price: at renewal, 1 Jan 2026.
    expect(b.call("CHANGEEFFECTIVE", "translated word price", 45726, 46023)).toBe(46023);
    expect(b.call("CHANGEEFFECTIVE", "SLA diminishing", 45726, 46023)).toBe(46023);
  });
  test("any case, aliases, ISO text, an omitted renewal_date", () => {
    expect(b.call("CHANGEEFFECTIVE", "sla", "2025-03-10")).toBe(45756);
    expect(b.call("CHANGEEFFECTIVE", "Kustomer Voice", 45672)).toBe(45717);
    expect(b.call("CHANGEEFFECTIVE", "premium translated word", 45726, "2026-01-01")).toBe(46023);
  });
  test("errors: a change at renewal without renewal_date, an unknown change, a renewal before the notice", () => {
    expect(b.call("CHANGEEFFECTIVE", "SLA diminishing", 45726, null)).toEqual({
      error: "#VALUE!",
      message:
        'renewal_date is required: expected the first day of the next Subscription Term, since a change of kind "SLA diminishing" takes effect at renewal.',
    });
    expect(b.call("CHANGEEFFECTIVE", "translated word price", 45726, "")).toEqual({
      error: "#VALUE!",
      message:
        'renewal_date is required: expected the first day of the next Subscription Term, since a change of kind "translated word price" takes effect at renewal.',
    });
    expect(b.call("CHANGEEFFECTIVE", "price rise", 45726, null)).toEqual({
      error: "#VALUE!",
      message:
        'change "price rise" is not known; expected one of: usage price, WhatsApp rate card, translated word price, SLA, SLA diminishing.',
    });
    expect(b.call("CHANGEEFFECTIVE", "SLA diminishing", 45726, 45725)).toEqual({
      error: "#NUM!",
      message: "renewal_date must be on or after notice_date; got 2025-03-09, before 2025-03-10.",
    });
  });
  test("the dropdown lists the five changes", () => {
    const f = b.metadata.functions.find((x) => x.id === "CHANGEEFFECTIVE");
    const enumId = f?.parameters[0].customEnumId;
    const values = (b.metadata.enums ?? []).find((e) => e.id === enumId)?.values.map((v) => v.stringValue);
    expect(values).toEqual(["usage price", "WhatsApp rate card", "translated word price", "SLA", "SLA diminishing"]);
  });
});

describe("MIGRATIONSIZE", () => {
  test.each([
    [0, "Small"],
    [50000, "Small"],
    [50001, "Medium"],
    [250000, "Medium"],
    [250001, "Large"],
    [500000, "Large"],
    ["50,001", "Medium"],
  ])("%p records: %s", (n, size) => {
    expect(b.call("MIGRATIONSIZE", n)).toBe(size);
  });
  test("errors", () => {
    expect(b.call("MIGRATIONSIZE", 500001)).toEqual({
      error: "#NUM!",
      message: "conversation_records (500,001) is above 500,000, the top of the Large size: a migration that big needs a Change Order.",
    });
    expect(b.call("MIGRATIONSIZE", -5)).toEqual({ error: "#NUM!", message: "conversation_records must not be negative; got -5." });
    expect(b.call("MIGRATIONSIZE", 1.5)).toEqual({ error: "#NUM!", message: "conversation_records must be a whole number; got 1.5." });
    expect(b.call("MIGRATIONSIZE", null)).toEqual({
      error: "#VALUE!",
      message: "conversation_records is required: expected a number of conversation records.",
    });
    expect(b.call("MIGRATIONSIZE", "many")).toEqual({ error: "#VALUE!", message: 'conversation_records must be a number; got "many".' });
  });
});

describe("CSVFILES", () => {
  test("ceil(rows / 50,000)", () => {
    expect(b.call("CSVFILES", 0, null)).toBe(0);
    expect(b.call("CSVFILES", 50000, null)).toBe(1);
    expect(b.call("CSVFILES", 50001, null)).toBe(2);
    expect(b.call("CSVFILES", 120000, null)).toBe(3);
    expect(b.call("CSVFILES", 25000, 10000)).toBe(3);
  });
  test("errors", () => {
    expect(b.call("CSVFILES", -1, null)).toEqual({ error: "#NUM!", message: "rows must not be negative; got -1." });
    expect(b.call("CSVFILES", 10, 0)).toEqual({ error: "#NUM!", message: "max_rows_per_file must be at least 1; got 0." });
    expect(b.call("CSVFILES", null, null)).toEqual({ error: "#VALUE!", message: "rows is required: expected a number of rows." });
  });
});

describe("garbage never escapes as NaN or an uncaught exception", () => {
  const garbage = [NaN, Infinity, -Infinity, -0, 1e308, 5e-324, true, false, "", "x", null, [[]], [[1, "a"], [2]]];
  const fns: [string, number][] = [
    ["PSKICKOFFDEADLINE", 2],
    ["PSEXPIRY", 2],
    ["PSACCEPTANCE", 2],
    ["PSINCLUSION", 2],
    ["MANAGEDHOURS", 2],
    ["MANAGEDTERM", 3],
    ["SEASONWINDOW", 3],
    ["PRICEEFFECTIVE", 2],
    ["DEACTIVATIONDATE", 2],
    ["MIGRATIONSIZE", 1],
    ["CSVFILES", 2],
  ];
  const good: Record<string, unknown[]> = {
    PSKICKOFFDEADLINE: ["Implementation - Basic", 45672],
    PSEXPIRY: ["Implementation - Basic", 45672],
    PSACCEPTANCE: [45672, null],
    PSINCLUSION: ["Implementation - Basic", "checkpoints"],
    MANAGEDHOURS: ["Basic", null],
    MANAGEDTERM: [45658, 46022, 45677],
    SEASONWINDOW: [45809, 45838, "UTC"],
    PRICEEFFECTIVE: [45672, null],
    DEACTIVATIONDATE: [45672, null],
    MIGRATIONSIZE: [100],
    CSVFILES: [100, null],
  };
  const ok = (v: unknown): boolean =>
    (typeof v === "number" && Number.isFinite(v)) ||
    typeof v === "string" ||
    (Array.isArray(v) && v.every((r) => Array.isArray(r) && r.every(ok))) ||
    (typeof v === "object" && v !== null && "error" in v);
  test.each(fns)("%s", (name, arity) => {
    for (let i = 0; i < arity; i++) {
      for (const g of garbage) {
        const args = [...good[name]];
        args[i] = g;
        expect({ name, i, g, ok: ok(b.call(name, ...args)) }).toEqual({ name, i, g, ok: true });
      }
    }
  });
});

describe("1904 date system (the adapters from source)", () => {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = { Error: StubError, ErrorCode };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { setWorkbookDateSystem } = require("../../src/functions/excel");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const c = require("../../src/functions/contract");
  afterAll(() => setWorkbookDateSystem("1900"));
  test("serials in and out are 1904 serials (1462 lower)", () => {
    setWorkbookDateSystem("1904");
    // 15 Jan 2025 = 45672 - 1462 = 44210; 14 Feb 2025 = 45702 - 1462 = 44240.
    expect(c.psKickoffDeadlineFn("Implementation - Basic", 44210)).toBe(44240);
    // June window in New York: 31 May 2025 = 45808 - 1462 = 44346, 30 Jun = 44376, 20:00.
    expect(c.seasonWindowFn(44347, 44376, "America/New_York")).toEqual([[44346 + 72000 / 86400, 44376 + 72000 / 86400]]);
    // 1904-01-01 (serial 0) in New York opens on 1903-12-31: outside the 1904 calendar.
    expect(() => c.seasonWindowFn(0, 0, "America/New_York")).toThrow(StubError);
  });
});

describe("PSINCLUSION: gaps a mutation run found", () => {
  // Every other name of every item (src/rules/contract/packages.ts), with a package that states it.
  const ALIASES = PS_ITEM_ALIASES;
  test.each(ALIASES)('"%s" also as "%s": %s gives %i, and the help lists the name', (item, alias, pkg, n) => {
    expect(b.call("PSINCLUSION", pkg, alias, null)).toBe(n);
    expect(b.call("PSINCLUSION", pkg, item, null)).toBe(n);
    // The help: the dropdown value's tooltip in functions.json names the alias.
    const value = b.metadata.enums?.find((e) => e.id === "PsInclusionItem")?.values.find((v) => v.stringValue === item);
    expect(value?.tooltip).toContain(`"${alias}"`);
  });
  test("every dropdown value has its tooltip, and the item's description points to them", () => {
    const values = b.metadata.enums?.find((e) => e.id === "PsInclusionItem")?.values ?? [];
    expect(values.map((v) => v.stringValue).sort()).toEqual([...new Set(ALIASES.map(([item]) => item))].sort());
    const item = b.metadata.functions.find((f) => f.name === "PSINCLUSION")?.parameters.find((p) => p.name === "item");
    expect(item?.description).toMatch(/other names its dropdown tooltip lists/);
  });
  test('"training hours" on Onboarding - Self-Paced is #N/A, not 0', () => {
    expect(b.call("PSINCLUSION", "Onboarding - Self-Paced", "training hours", null)).toEqual({
      error: "#N/A",
      message:
        "The terms state no number of hours of training for Onboarding - Self-Paced (it includes: Up to 4 one-hour consultative sessions and an initial introductory call (advisory only, no hands-on configuration)).",
    });
  });
  test("training hours summed exactly from an Order's table: 1.1 + 2.2 = 3.3", () => {
    // An Order's Kustomer_PsPackages with one row, Implementation - Standard at 1.1 h user and
    // 2.2 h admin training (columns as the pane writes the card).
    const header = [
      "Package",
      "Kick-off within (days)",
      "Kick-off counted from",
      "Completed within (days of kick-off)",
      "Duration as stated",
      "Included",
      "One-hour sessions",
      "Intro calls",
      "Collaborative configuration (hours)",
      "User training (hours)",
      "Admin training (hours)",
      "Post-go-live checkpoints",
      "AI teams",
      "AI sub-agents (up to)",
      "Use cases",
      "Conversation records (up to)",
    ];
    const row = [
      "Implementation - Standard",
      30,
      "Subscription Start",
      84,
      "12 weeks",
      "Custom",
      "n/a",
      "n/a",
      16,
      1.1,
      2.2,
      2,
      "n/a",
      "n/a",
      "n/a",
      "n/a",
    ];
    expect(b.call("PSINCLUSION", "Implementation - Standard", "training hours", [header, row])).toBe(3.3);
  });
});
