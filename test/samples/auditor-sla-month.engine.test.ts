/**
 * docs/auditor.md, Part 2 ("an SLA month from the monitoring log"), built cell by cell as the guide
 * lays it out and evaluated by a real spreadsheet engine (HyperFormula, test/sheets/engine.ts, with
 * the built KUSTOMER functions): the formulas are read from the guide itself (its code block, and
 * the month's and MAINTENANCEWINDOWS' formulas from its text), the data from the sample files, so
 * the guide and this test cannot drift. Spills (H12#, K6#) and INDEX(range#, 0, n) go through the
 * engine as Excel computes them; every figure below is worked by hand from the terms (docs/terms.md).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCsv } from "../../src/tables/formats/csv";
import { columnLetter } from "../../src/sheets/layout";
import { evaluateCells, type EvaluatedCells, type Value } from "../sheets/engine";
import { columnIndex } from "../sheets/spill-refs";
import { excel2021Problems } from "../formulas/function-calls";
import { metadata } from "../formulas/sources";

const ROOT = join(__dirname, "..", "..");
const GUIDE = readFileSync(join(ROOT, "docs", "auditor.md"), "utf8");
const PART2 = GUIDE.slice(GUIDE.indexOf("## Part 2"));
const sample = (name: string) => readFileSync(join(ROOT, "samples", name), "utf8");

/** The first match of `re` in Part 2 of the guide, its lines joined (a check of its wording too). */
function fromGuide(re: RegExp, text = PART2.replace(/\s+/g, " ")): RegExpExecArray {
  const m = re.exec(text);
  if (!m) throw new Error(`docs/auditor.md Part 2 no longer says ${re}`);
  return m;
}

/** The cells of the guide's code block: `H12 =KUSTOMER...` lines, address -> formula. */
function guideFormulas(): Record<string, string> {
  const block = fromGuide(/```\n([\s\S]*?)```/, PART2)[1];
  const out: Record<string, string> = {};
  for (const line of block.split("\n").filter((l) => l.trim() !== "")) {
    const m = /^([A-Z]+\d+)\s+(=.+)$/.exec(line.trim());
    if (!m) throw new Error(`not "<cell> =formula": ${line}`);
    out[m[1]] = m[2];
  }
  return out;
}

/** The 1900-system serial of an ISO date-time in UTC, as Excel reads "2025-06-03 07:00:00" from a CSV. */
function serial(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/.exec(iso);
  if (!m) throw new Error(`not a date: ${iso}`);
  const [, y, mo, d, h = "0", mi = "0", s = "0"] = m;
  return Date.UTC(+y, +mo - 1, +d) / 86_400_000 + 25_569 + (+h * 3600 + +mi * 60 + +s) / 86_400;
}

/** A sample CSV's body as Excel opens it: date-times become serials, blanks stay blank. */
function csvRows(name: string, columns: number): (number | null)[][] {
  const { records, problems } = parseCsv(sample(name));
  expect(problems).toEqual([]);
  return records.slice(1).map((r) => r.slice(0, columns).map((v) => (v === "" ? null : serial(v))));
}

const address = (a: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(a)!;
  return { col: columnIndex(m[1]), row: Number(m[2]) };
};

/** Pastes `rows` into `range` ("A6:B12"): the range must be exactly their size, as the guide says. */
function paste(cells: Record<string, string | number | null>, range: string, rows: (number | null)[][]): void {
  const [from, to] = range.split(":").map(address);
  expect([to.row - from.row + 1, to.col - from.col + 1]).toEqual([rows.length, rows[0].length]);
  rows.forEach((r, i) => r.forEach((v, j) => (cells[`${columnLetter(from.col + j)}${from.row + i}`] = v)));
}

/** To the second: the engine's serials and these may differ in the last bit of a fraction of a day. */
const seconds = (rows: Value[][]) => rows.map((r) => r.map((v) => (typeof v === "number" ? Math.round(v * 86_400) : v)));
const at = (iso: string) => Math.round(serial(iso) * 86_400);

// The layout the guide gives ("Lay it out as in the picture: ..."), read from its sentence.
const MONTH = fromGuide(/the month in ([A-Z]+\d+) \(`(=[^`]+)`\)/);
const FEE_CELL = fromGuide(/the fee in ([A-Z]+\d+)/)[1];
const LOG = fromGuide(/the log pasted in ([A-Z]+\d+:[A-Z]+\d+)/)[1];
const EXCLUDED = fromGuide(/the excluded downtime in ([A-Z]+\d+:[A-Z]+\d+)/)[1];
const CLAIMS = fromGuide(/the claimed maintenance in ([A-Z]+\d+:[A-Z]+\d+) \(start, end, notice\)/)[1];
// Part 1, line 9: "SLA credit for June: uptime 99.5486%, fee $2,500".
const FEE = Number(/fee \$([\d,]+)/.exec(GUIDE.slice(GUIDE.indexOf("| 9 |")))![1].replace(/,/g, ""));
const FORMULAS = guideFormulas();
// "Without a list of claims, ... come from one formula, `=KUSTOMER.MAINTENANCEWINDOWS(B2, , , 14)`
// ..., used the same way: `INDEX(K6#,0,1)` and `INDEX(K6#,0,2)`."
const WINDOWS = fromGuide(/`(=KUSTOMER\.MAINTENANCEWINDOWS\([^`]*\))`/)[1];
const WINDOWS_AT = fromGuide(/`INDEX\(([A-Z]+\d+)#,0,1\)` and `INDEX\(\1#,0,2\)`/)[1];
// The working papers: "`=KUSTOMER.SLAWORKING(B2, I6, B3)` spills ...", and the claims' working.
const SLA_WORKING = fromGuide(/`(=KUSTOMER\.SLAWORKING\([^`]*\))`/)[1];
const CLAIMS_WORKING = fromGuide(/`(=KUSTOMER\.SCHEDULEDMAINTENANCEWORKING\([^`]*\))`/)[1];

/** The guide's sheet: its inputs, the sample files pasted where it says, its formulas, and `extra` cells. */
function guideSheet(extra: Record<string, string> = {}, formulas = FORMULAS): EvaluatedCells {
  const cells: Record<string, string | number | null> = { [MONTH[1]]: MONTH[2], [FEE_CELL]: FEE };
  paste(cells, LOG, csvRows("outage-log-2025-06.csv", 2));
  paste(cells, EXCLUDED, csvRows("excluded-downtime-2025-06.csv", 2));
  paste(cells, CLAIMS, csvRows("claimed-maintenance-2025-06.csv", 3));
  for (const [a, f] of Object.entries({ ...formulas, ...extra })) {
    expect(cells[a]).toBeUndefined(); // no formula over the pasted data
    cells[a] = f;
  }
  return evaluateCells(cells);
}

describe("docs/auditor.md Part 2: the SLA month, evaluated in a spreadsheet engine", () => {
  const OUTAGE_CELL = Object.keys(FORMULAS).find((a) => FORMULAS[a].startsWith("=KUSTOMER.OUTAGEMINUTES("))!;
  const SPILL_CELL = Object.keys(FORMULAS).find((a) => FORMULAS[a].startsWith("=KUSTOMER.SCHEDULEDMAINTENANCE("))!;
  // The same count with the standing windows for the maintenance: the guide's OUTAGEMINUTES formula
  // with K6's spill in place of H12's ("used the same way"), in a free cell.
  const WITH_WINDOWS = FORMULAS[OUTAGE_CELL].split(`${SPILL_CELL}#`).join(`${WINDOWS_AT}#`);
  const sheet = guideSheet({ [WINDOWS_AT]: WINDOWS, N6: WITH_WINDOWS });

  test("the guide gives the layout and the five formulas this test builds", () => {
    expect([MONTH[1], MONTH[2], FEE_CELL, LOG, EXCLUDED, CLAIMS, FEE]).toEqual([
      "B2",
      "=DATE(2025,6,1)",
      "B3",
      "A6:B12",
      "D6:E6",
      "D9:F13",
      2500,
    ]);
    expect(Object.keys(FORMULAS)).toEqual(["H12", "I6", "I7", "I8", "I9"]);
    expect([WINDOWS, WINDOWS_AT]).toEqual(["=KUSTOMER.MAINTENANCEWINDOWS(B2, , , 14)", "K6"]);
    // The spill references reached the engine as the ranges the spills cover: H12's three rows
    // of start and end (H12:I14), K6's 31 windows (K6:L36).
    expect(sheet.formulas.get("I6")).toBe(
      "=KUSTOMER.OUTAGEMINUTES(B2, A6:A12, B6:B12, INDEX(H12:I14,0,1), INDEX(H12:I14,0,2), , , D6:D6, E6:E6)",
    );
    expect(sheet.formulas.get("N6")).toContain("INDEX(K6:L36,0,1), INDEX(K6:L36,0,2)");
  });

  test("every formula of the sheet uses only functions Excel 2021 has", () => {
    const kustomer = new Set(metadata().functions.map((f) => f.name.toUpperCase()));
    const all = { [MONTH[1]]: MONTH[2], ...FORMULAS, [WINDOWS_AT]: WINDOWS, N6: WITH_WINDOWS, P6: SLA_WORKING, P20: CLAIMS_WORKING };
    expect(Object.entries(all).flatMap(([a, f]) => excel2021Problems(a, f, kustomer, true))).toEqual([]);
    // And the check can fail: the same column taken with CHOOSECOLS is refused.
    expect(excel2021Problems("I6", FORMULAS.I6.replace("INDEX(H12#,0,1)", "CHOOSECOLS(H12#,1)"), kustomer, true)).toHaveLength(1);
  });

  /**
   * H12, the claims the terms allow (US hosting, a UTC log; June and late May are EDT, UTC-4, so
   * the standing window 02:00-06:00 EDT is 06:00-10:00 UTC, and the weekend starts Saturday 00:00
   * EDT = 04:00 UTC):
   * - Wed 28 May, Tue 3 June, Thu 5 June 06:00-10:00: the standing window, no notice needed: kept.
   * - Sat 14 June 10:00-14:00: the weekend, notified Fri 13 June 18:00, 16 hours ahead; a day is
   *   needed: dropped.
   * - Tue 24 June 11:30-12:30 = 07:30-08:30 EDT: core business hours: dropped.
   * Three rows of (start, end): H12:I14.
   */
  test("H12 spills the three standing-window claims; the weekend and the midday claims are dropped", () => {
    expect(seconds(sheet.spill("H12"))).toEqual(
      ["2025-05-28", "2025-06-03", "2025-06-05"].map((d) => [at(`${d} 06:00:00`), at(`${d} 10:00:00`)]),
    );
    expect(sheet.get("H15")).toBeNull(); // the spill ends there
  });

  /**
   * I6, the Outage minutes of June (min_minutes 5; cap 360 excused minutes in any rolling 14 days,
   * earliest first; the 14 days up to a minute on 5 June 07:00 reach back to 22 May 07:00):
   * - 28 May 06:30-09:30: 180 minutes in the 28 May window, excused (before June; counts to the cap).
   * - 3 Jun 07:00-10:00: 180 in the window; 180 + 180 = 360, at the cap: all excused.
   * - 5 Jun 07:00-09:40: 160 in the window, but the 14 days before already hold 360: over the
   *   cap, 160 count.
   * - 10 Jun 12:00-22:00: 600 minutes, Excluded Downtime (D6:E6): never Outage, none of the cap.
   * - 18 Jun 14:00-14:03: 3 minutes, under 5: not an Outage.
   * - 24 Jun 12:00-12:20: 20 minutes, in a claim that is not Scheduled Maintenance: count.
   * - 30 Jun 23:45 - 1 Jul 01:00: the 15 minutes to midnight count in June.
   * Outage: 160 + 20 + 15 = 195.
   * I7: June has 30 x 1,440 = 43,200 minutes: (43,200 - 195) / 43,200 = 43,005 / 43,200 = 0.995486...
   * I8: 99.0% <= 99.5486% < 99.9%: the 10% band.
   * I9: 10% of the $2,500 fee (B3) = $250, the credit on the July invoice's line 9.
   */
  test("I6:I9: 195 Outage minutes, uptime 43,005/43,200 (99.549%), the 10% band, a $250 credit", () => {
    expect(sheet.get("I6")).toBe(195);
    expect(sheet.get("I7")).toBe(43005 / 43200);
    expect(sheet.get("I8")).toBe(0.1);
    expect(sheet.get("I9")).toBe(250);
  });

  /**
   * K6 =KUSTOMER.MAINTENANCEWINDOWS(B2, , , 14): the standing windows from 14 days before 1 June,
   * i.e. from Sunday 18 May: weekdays 19-23 and 26-30 May (10) and, June 2025 starting on a Sunday,
   * 2-6, 9-13, 16-20, 23-27 and 30 June (21): 31 windows, each 06:00-10:00 UTC (EDT). Given as the
   * maintenance, every window counts, claimed or not; the log's downtimes in windows (28 May,
   * 3 and 5 June) are the same as in the claims, and 24 June 12:00 is in none: again
   * 160 + 20 + 15 = 195.
   */
  test("K6 spills the 31 standing windows; OUTAGEMINUTES on INDEX(K6#,0,1) and INDEX(K6#,0,2) gives 195 too", () => {
    const windows = seconds(sheet.spill("K6"));
    const weekdays = [19, 20, 21, 22, 23, 26, 27, 28, 29, 30].map((d) => `2025-05-${d}`);
    for (let d = 2; d <= 30; d++)
      if (![0, 6].includes(new Date(Date.UTC(2025, 5, d)).getUTCDay())) weekdays.push(`2025-06-${String(d).padStart(2, "0")}`);
    expect(weekdays).toHaveLength(31);
    expect(windows).toEqual(weekdays.map((d) => [at(`${d} 06:00:00`), at(`${d} 10:00:00`)]));
    expect(sheet.get("N6")).toBe(195);
  });

  /**
   * The guide's working papers, its formulas read from its text, in free cells:
   * - SLAWORKING(B2, I6, B3): June's 30 x 1,440 = 43,200 minutes, I6's 195 Outage minutes, the
   *   uptime 43,005 / 43,200, the band "99.0%–99.9%" (the guides' wording of [99.0%, 99.9%)), 10%, $250.
   * - SCHEDULEDMAINTENANCEWORKING(D9:D13, E9:E13, , , F9:F13): a header, the five claims, a total.
   *   Minutes claimed, excusable, not: 240, 240, 0 for each standing window; 10:00-14:00 on
   *   14 June is 240 claimed, none excusable (16 hours' notice); 11:30-12:30 on 24 June is 60, none
   *   (core hours). Totals: 3 x 240 + 240 + 60 = 1,020 claimed, 720 excusable, 300 not.
   */
  test("the working papers: SLAWORKING and SCHEDULEDMAINTENANCEWORKING spill the guide's figures", () => {
    expect([SLA_WORKING, CLAIMS_WORKING]).toEqual([
      "=KUSTOMER.SLAWORKING(B2, I6, B3)",
      "=KUSTOMER.SCHEDULEDMAINTENANCEWORKING(D9:D13, E9:E13, , , F9:F13)",
    ]);
    const papers = guideSheet({ P6: SLA_WORKING, P20: CLAIMS_WORKING });
    expect(papers.spill("P6")).toEqual([
      ["Minutes in month", 43200],
      ["Outage minutes", 195],
      ["Uptime", 43005 / 43200],
      ["Band", "99.0%–99.9%"],
      ["Credit percentage", 0.1],
      ["Credit amount", 250],
    ]);
    const claims = papers.spill("P20");
    expect([claims.length, claims[0].length]).toEqual([7, 6]);
    expect(claims.slice(1).map((r) => r.slice(2, 5))).toEqual([
      [240, 240, 0],
      [240, 240, 0],
      [240, 240, 0],
      [240, 0, 240],
      [60, 0, 60],
      [1020, 720, 300],
    ]);
  });

  /**
   * The guide's "what each rule changes", each the guide's I6 formula with one argument changed:
   * - the claims taken at their word (D9:D13, E9:E13 for the maintenance): 24 June 12:00-12:20 is
   *   in the 11:30-12:30 claim and the 14 days before it hold nothing excused: 160 + 15 = 175;
   * - no maintenance given (both left empty): 180 + 160 + 20 + 15 = 375; 42,825 / 43,200 = 99.13%:
   *   still the 10% band, $250;
   * - the upstream outage not excluded (no 8th and 9th arguments): 195 + 600 = 795;
   *   42,405 / 43,200 = 98.16%: the 25% band, 25% of $2,500 = $625.
   */
  test("the claims at their word 175, no maintenance 375, the upstream outage not excluded 795 and $625", () => {
    const i6 = FORMULAS[OUTAGE_CELL];
    const variant = (f: string) => guideSheet({}, { ...FORMULAS, [OUTAGE_CELL]: f });
    const atTheirWord = variant(i6.replace("INDEX(H12#,0,1), INDEX(H12#,0,2)", "D9:D13, E9:E13"));
    expect(atTheirWord.get("I6")).toBe(175);
    const none = variant(i6.replace("INDEX(H12#,0,1), INDEX(H12#,0,2)", " , "));
    expect([none.get("I6"), none.get("I8"), none.get("I9")]).toEqual([375, 0.1, 250]);
    const notExcluded = variant(i6.replace(", , , D6:D6, E6:E6)", ")"));
    expect([notExcluded.get("I6"), notExcluded.get("I7"), notExcluded.get("I8"), notExcluded.get("I9")]).toEqual([
      795,
      42405 / 43200,
      0.25,
      625,
    ]);
  });
});
