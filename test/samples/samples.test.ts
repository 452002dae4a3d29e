/**
 * The files in samples/ give exactly the results the guides show (docs/sales.md, docs/auditor.md):
 * the Order's rates import with no problem, in CSV and in JSON, and quote as the sales guide says;
 * the invoice check flags exactly the six lines the auditor's guide names; the June 2025 outage
 * log gives the guide's Outage minutes, uptime and credit through the built bundle, as Excel calls
 * the functions. Every expected value is worked by hand below from the terms (docs/terms.md).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importOrderRates, type ImportResult } from "../../src/tables/order-file";
import { describeProblem } from "../../src/tables/problems";
import { parseCsv } from "../../src/tables/formats/csv";
import { cardGrid } from "../../src/sheets/rate-card-layout";
import { type AnyRateTable } from "../../src/rules/rates/documents";
import { STORAGE_ALLOCATION, STORAGE_PRICES } from "../../src/rules/rates/storage";
import { QUOTE_LINE_ROWS as ROW, QUOTE_RESULT_CELLS as OUT, quoteLayout } from "../../src/sheets/quote-layout";
import { FLAGS, INVOICE_CALCULATED, INVOICE_SUMMARY_CELLS as SUM, invoiceLayout } from "../../src/sheets/invoice-layout";
import { cardTable, evaluate } from "../sheets/engine";
import { INPUTS } from "../sheets/hand-worked-quote";
import { loadBundle } from "../helpers/bundle";

const SAMPLES = join(__dirname, "..", "..", "samples");
const sample = (name: string) => readFileSync(join(SAMPLES, name), "utf8");

/** The 1900-system serial of an ISO date or date-time (UTC), as Excel reads "2025-06-03 07:00:00" when it opens a CSV. */
function serial(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/.exec(iso);
  if (!m) throw new Error(`not a date: ${iso}`);
  const [, y, mo, d, h = "0", mi = "0", s = "0"] = m;
  return Date.UTC(+y, +mo - 1, +d) / 86_400_000 + 25_569 + (+h * 3600 + +mi * 60 + +s) / 86_400;
}

/** A CSV's cells as Excel opens the file: numbers and dates become numbers, blanks are blank, the rest is text. */
function openCsv(text: string): { headers: string[]; rows: Record<string, string | number>[] } {
  const { records, problems } = parseCsv(text);
  expect(problems).toEqual([]);
  const [headers, ...body] = records;
  const cell = (v: string): string | number | undefined => {
    if (v === "") return undefined;
    if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
    if (/^\d{4}-\d{2}-\d{2}/.test(v)) return serial(v);
    return v;
  };
  const rows = body.map((r) => {
    const row: Record<string, string | number> = {};
    headers.forEach((h, i) => {
      const v = cell(r[i] ?? "");
      if (v !== undefined) row[h] = v;
    });
    return row;
  });
  return { headers, rows };
}

function imported(card: AnyRateTable, file: string): AnyRateTable {
  const r: ImportResult = importOrderRates(card, file, sample(file));
  if (!r.ok) throw new Error(`${file}: ${r.problems.map(describeProblem).join("\n")}`);
  return r.table;
}

describe("samples/order-acme-*: Acme's Order, as the sales guide loads it", () => {
  test("the storage allocation imports with no problem, from CSV and from JSON alike, units converted", () => {
    const csv = imported(STORAGE_ALLOCATION, "order-acme-storage-allocation.csv");
    const json = imported(STORAGE_ALLOCATION, "order-acme-storage-allocation.json");
    expect(json.rows).toEqual(csv.rows);
    expect(csv.rows).toHaveLength(4);
    // 125 MB = 0.125 GB; 400 MB = 0.4 GB; n/a stays n/a (null) where the built-in card has n/a.
    expect(csv.rows[0]).toEqual(
      expect.objectContaining({ label: "Professional (legacy)", perUserDataGb: "0.125", per1kConversationsDataGb: null }),
    );
    expect(csv.rows[3]).toEqual(
      expect.objectContaining({
        label: "Ultimate",
        defaultDataGb: "22",
        defaultAttachmentGb: "40",
        perUserDataGb: "1",
        per1kConversationsDataGb: "0.4",
      }),
    );
  });

  test("the storage prices import with no problem, from CSV and from JSON alike: $40 and $0.80 a GB", () => {
    const csv = imported(STORAGE_PRICES, "order-acme-storage-prices.csv");
    expect(imported(STORAGE_PRICES, "order-acme-storage-prices.json").rows).toEqual(csv.rows);
    expect(csv.rows).toEqual([
      { label: "Data storage", pricePerGb: "40" },
      { label: "Attachment storage", pricePerGb: "0.8" },
    ]);
  });

  test("the hand-worked quote under the Order: $2,050.80 instead of $2,161", () => {
    const allocation = cardGrid(imported(STORAGE_ALLOCATION, "order-acme-storage-allocation.csv"));
    const prices = imported(STORAGE_PRICES, "order-acme-storage-prices.csv");
    const layout = quoteLayout({
      tables: ["Kustomer_StorageAllocation"],
      names: ["Kustomer_DataPricePerGB", "Kustomer_AttachmentPricePerGB"],
    });
    const sheet = evaluate(layout, {
      inputs: INPUTS,
      otherTables: {
        Kustomer_StorageAllocation: cardTable("Storage Allocation", allocation),
      },
      // The workbook names the pane gives the price card's cells.
      names: {
        Kustomer_DataPricePerGB: Number(prices.rows[0].pricePerGb),
        Kustomer_AttachmentPricePerGB: Number(prices.rows[1].pricePerGb),
      },
    });
    // Data: 22 GB (the Order's Ultimate default) + 1 GB x 23 full-time users = 45 GB; 45.3 GB used
    // is 0.3 GB over, billed as 1 whole GB x $40 = $40 (built-in: 43 GB, 3 GB x $50 = $150).
    expect(sheet.get(OUT.dataAllowance)).toBe(45);
    expect(sheet.get(`D${ROW.dataOverage}`)).toBe(40);
    // Attachments: 40 + 10 x 23 = 270 GB; 270.5 used: 1 GB x $0.80 = $0.80 (built-in: $1).
    expect(sheet.get(OUT.attachmentAllowance)).toBe(270);
    expect(sheet.get(`D${ROW.attachmentOverage}`)).toBe(0.8);
    // Total: seats 1,860 + added seats 90 + 40 + 0.80 + translation 60 = $2,050.80. The sheet's
    // SUM adds doubles, as Excel's does: 1,990 + 0.8 = 1,990.8 and + 60 both land on the doubles
    // nearest 1,990.80 and 2,050.80, so the total is exactly the double 2050.8.
    expect(sheet.get(OUT.total)).toBe(2050.8);
  });
});

describe("samples/invoice-acme-2025-07.csv: the auditor's July invoice, pasted into the Invoice check", () => {
  const { headers, rows } = openCsv(sample("invoice-acme-2025-07.csv"));
  // The auditor's workbook holds Acme's Order (the sales guide): its storage allocation table.
  const layout = invoiceLayout({ tables: ["Kustomer_StorageAllocation"], names: [] });
  const grid = cardGrid(imported(STORAGE_ALLOCATION, "order-acme-storage-allocation.csv"));
  const otherTables = {
    Kustomer_StorageAllocation: cardTable("Storage Allocation", grid),
  };
  const sheet = evaluate(layout, { tableRows: rows, otherTables });
  const bundle = loadBundle();
  const [JUL1, JUL31] = [serial("2025-07-01"), serial("2025-07-31")];

  test("its columns are the check's, in the check's order, so it pastes as is", () => {
    expect(headers).toEqual(layout.tables[0].headers.filter((h) => !(INVOICE_CALCULATED as readonly string[]).includes(h)));
    expect(layout.tables[0].headers.slice(0, headers.length)).toEqual(headers);
  });

  /**
   * July 2025 has 31 days (1 Jul = 45839, 31 Jul = 45869). Built-in prices where a line gives none.
   * 1. 4 seats x $124 from 17 Jul: 17..31 = 15 days: 4 x 124 x 15/31 = 7,440/31 = $240. Billed $240: OK.
   * 2. 5 seats x $89 from 10 Jul: 22 days: 5 x 89 x 22/31 = 9,790/31 = $315.8064516...; billed
   *    $315.81, $0.0035 over: within the $0.01 tolerance, OK.
   * 3. 2 seats x $155 from 25 Jul: 25..31 = 7 days: 2 x 155 x 7/31 = $70. Billed $80 (8 days, from
   *    24 Jul): Over-billed by $10.
   * 4. Plan $300 -> $610 from 20 Jul: 12 days: 310 x 12/31 = $120. Billed $120: OK.
   * Storage: Acme is on Ultimate with 48 full-time users and 2 organizations; its Order sets
   * Ultimate's default data at 22 GB (attachments 40 GB, 1 GB and 10 GB a user as the terms), so
   * each organization has (22 + 1 x 48) / 2 = 35 GB of data and (40 + 10 x 48) / 2 = 260 GB of
   * attachments.
   * 5. Data, org 1: 35.3 GB of 35 (as the terms): 0.3 over -> 1 GB x $40 = $40. Billed $40: OK.
   * 6. Data, org 2: 37.4 GB of 35: 2.4 over -> 3 whole GB x $40 = $120. Billed 2.4 x 40 = $96 (not
   *    rounded up to whole GB): Under-billed by $24.
   * 7. Attachments, org 1: 273.4 GB of 260: 13.4 over -> 14 GB x $0.80 = $11.20. Billed $11.20: OK.
   * 8. 250,000 translated words x $0.0005 = $125. Billed $150: Over-billed by $25.
   * 9. SLA credit for June, Ultimate: uptime 99.5486% (the outage log below) is in the 99.0%-99.9%
   *    band: 10% of $2,500 = $250, a credit: -$250. Billed -$250: OK.
   * 10. Attachments, org 2: the invoice states 200 GB, the terms 260: Wrong allowance. 265.6 GB used
   *    is 5.6 over 260 -> 6 GB x $0.80 = $4.80; billed 65.6 over 200 -> 66 x 0.80 = $52.80: $48 over.
   * 11. SLA credit for June, Ultimate AI (conversation based), Commitment 4,000 conversations: 10% =
   *    400 conversations off July's usage, no money: expected $0. Billed -$400: Money credit.
   * 12. 6 Voice numbers x $12 = $72 (never prorated). Billed $66 = 5.5 monthly fees: Prorated.
   */
  test("expected amounts and status of each line: lines 3, 6, 8, 10, 11 and 12 are flagged", () => {
    const expected = rows.map((_r, i) => sheet.tableCell("Expected", i));
    // Line 2's 5 x $89 x 22/31 = 9,790/31: the cell holds the double nearest it, as the bundle returns it.
    expect(expected[1]).toBe(9790 / 31);
    expect(bundle.call("SEATCHARGE", 5, 89, JUL1, JUL31, serial("2025-07-10"), null)).toBe(9790 / 31);
    expect([...expected.slice(0, 1), ...expected.slice(2)]).toEqual([240, 70, 120, 40, 120, 11.2, 125, -250, 4.8, 0, 72]);
    expect(rows.map((_r, i) => sheet.tableCell("Status", i))).toEqual([
      "OK",
      "OK",
      "Over-billed",
      "OK",
      "OK",
      "Under-billed",
      "OK",
      "Over-billed",
      "OK",
      FLAGS.allowance,
      FLAGS.moneyCredit,
      FLAGS.prorated,
    ]);
    expect([2, 5, 7, 9, 10, 11].map((i) => sheet.tableCell("Difference", i))).toEqual([10, -24, 25, 48, -400, -6]);
    expect(rows.map((_r, i) => sheet.tableCell("Allowance by terms GB", i)).slice(4, 10)).toEqual([35, 35, 260, "", "", 260]);
    expect(sheet.tableCell("Credit in conversations", 10)).toBe(400);
    // 315.81 - 9,790/31 = 0.0035483870967...: the sheet's own subtraction of two doubles, as Excel's
    // (0.00354838709677096..., its last digits those of the doubles, not of the exact difference).
    expect(sheet.tableCell("Difference", 1)).toBe(315.81 - 9790 / 31);
  });

  test("the summary: 12 lines, $521.81 billed, $868.81 expected, 6 flagged", () => {
    // Billed: 240 + 315.81 + 80 + 120 + 40 + 96 + 11.20 + 150 - 250 + 52.80 - 400 + 66 = 521.81.
    // Expected: 240 + 315.8064516 + 70 + 120 + 40 + 120 + 11.20 + 125 - 250 + 4.80 + 0 + 72 = 868.8064516.
    // Net: 521.81 - 868.8064516 = -346.9964516 (= 0.0035484 + 10 - 24 + 25 + 48 - 400 - 6).
    expect(sheet.get(SUM.lines)).toBe(12);
    // The sheet adds and subtracts doubles, line by line in the table's order, as Excel does.
    const sumInOrder = (xs: number[]) => xs.reduce((a, x) => a + x, 0);
    const billed = sumInOrder([240, 315.81, 80, 120, 40, 96, 11.2, 150, -250, 52.8, -400, 66]);
    const expected = sumInOrder([240, 9790 / 31, 70, 120, 40, 120, 11.2, 125, -250, 4.8, 0, 72]);
    expect(billed).toBe(521.81);
    expect(sheet.get(SUM.billed)).toBe(billed);
    expect(sheet.get(SUM.expected)).toBe(expected);
    expect(sheet.get(SUM.difference)).toBe(billed - expected);
    expect(sheet.get(SUM.flagged)).toBe(6);
  });

  test("a tolerance of $0.001 flags line 2 as well ($0.0035 over)", () => {
    const tight = evaluate(layout, { tableRows: rows, otherTables, inputs: { [SUM.tolerance]: 0.001 } });
    expect(tight.tableCell("Status", 1)).toBe("Over-billed");
    expect(tight.get(SUM.flagged)).toBe(7);
  });
});

describe("samples/outage-log-2025-06.csv: June 2025 from the monitoring log, through the built bundle", () => {
  const bundle = loadBundle();
  const JUNE = serial("2025-06-01");
  const col = (rows: Record<string, string | number>[], h: string) => rows.map((r) => [r[h] ?? null]);
  const log = openCsv(sample("outage-log-2025-06.csv")).rows;
  const excluded = openCsv(sample("excluded-downtime-2025-06.csv")).rows;
  const claims = openCsv(sample("claimed-maintenance-2025-06.csv")).rows;
  // K6 =KUSTOMER.SCHEDULEDMAINTENANCE(D9:D13, E9:E13, , , F9:F13): the claimed maintenance the
  // terms allow; OUTAGEMINUTES takes its columns as INDEX(K6#,0,1) and INDEX(K6#,0,2).
  const scheduled = bundle.call(
    "SCHEDULEDMAINTENANCE",
    col(claims, "start"),
    col(claims, "end"),
    null,
    null,
    col(claims, "notice"),
  ) as number[][];
  const mStarts = scheduled.map((w) => [w[0]]);
  const mEnds = scheduled.map((w) => [w[1]]);
  const ex = [col(excluded, "start"), col(excluded, "end")];

  /**
   * The claims by hand (US hosting, a UTC log; June is EDT, UTC-4: the standing window 02:00-06:00
   * EDT is 06:00-10:00 UTC, the weekend starts Saturday 00:00 EDT = 04:00 UTC):
   * - 28 May (Wednesday), 3 June (Tuesday), 5 June (Thursday) 06:00-10:00: the standing window,
   *   no notice needed: all Scheduled Maintenance.
   * - Saturday 14 June 10:00-14:00: the weekend, notified 13 June 18:00, 16 hours ahead (a day is
   *   needed): none of it.
   * - Tuesday 24 June 11:30-12:30 = 07:30-08:30 EDT: core business hours, whatever the notice: none.
   */
  test("SCHEDULEDMAINTENANCE keeps the three standing-window claims and drops the weekend and the midday ones", () => {
    expect(scheduled).toEqual(["2025-05-28", "2025-06-03", "2025-06-05"].map((d) => [serial(`${d} 06:00:00`), serial(`${d} 10:00:00`)]));
    const working = bundle.call(
      "SCHEDULEDMAINTENANCEWORKING",
      col(claims, "start"),
      col(claims, "end"),
      null,
      null,
      col(claims, "notice"),
    ) as unknown[][];
    // Minutes claimed, excusable, not: 240 each for the three windows; 240, 0, 240 for the
    // weekend; 60, 0, 60 at midday. Total 1,020 claimed, 720 excusable, 300 not.
    expect(working.slice(1).map((r) => r.slice(2, 5))).toEqual([
      [240, 240, 0],
      [240, 240, 0],
      [240, 240, 0],
      [240, 0, 240],
      [60, 0, 60],
      [1020, 720, 300],
    ]);
    expect(working[5][5]).toBe("60 min in core business hours: not excusable");
  });

  /**
   * The log by hand (min_minutes 5, cap 360 minutes in any rolling 14 days, earliest first):
   * - 28 May 06:30-09:30: 180 minutes in maintenance, excused (before the month; counts toward the cap).
   * - 3 Jun 07:00-10:00: 180 in maintenance; with 28 May's 180 the 14 days hold 360: all excused.
   * - 5 Jun 07:00-09:40: 160 in maintenance, but the 14 days before (from 22 May 07:00) hold 360
   *   excused: over the cap, 160 count.
   * - 10 Jun 12:00-22:00: 600 minutes, Excluded Downtime (an upstream provider): never Outage.
   * - 18 Jun 14:00-14:03: 3 minutes, under 5: dropped.
   * - 24 Jun 12:00-12:20: claimed as maintenance, but at midday (core hours): 20 count.
   * - 30 Jun 23:45 - 1 Jul 01:00: 15 minutes in June count.
   * Outage: 160 + 20 + 15 = 195 minutes. June: 30 x 1440 = 43,200 minutes;
   * uptime (43,200 - 195) / 43,200 = 43,005 / 43,200 = 0.99548611...: the 10% band; on a $2,500
   * monthly fee the credit is $250.
   */
  const outageOf = (rows: Record<string, string | number>[], ...rest: unknown[]) =>
    bundle.call("OUTAGEMINUTES", JUNE, col(rows, "start"), col(rows, "end"), ...rest);

  test("Outage minutes 195, uptime 43,005/43,200, the 10% band, a $250 credit", () => {
    const minutes = outageOf(log, mStarts, mEnds, null, null, ...ex);
    expect(minutes).toBe(195);
    const uptime = bundle.call("UPTIME", JUNE, 195);
    expect(uptime).toBe(43005 / 43200);
    expect(bundle.call("SLACREDITPCT", uptime)).toBe(0.1);
    expect(bundle.call("SLACREDIT", uptime, 2500)).toBe(250);
  });

  test("May matters: without the 14 days before the month, 35 minutes and no credit", () => {
    // From 1 June only (the log's or the claims' May rows left out): 3 June's 180 and 5 June's
    // 160 make 340, under the 360 cap: all excused. 20 + 15 = 35 minutes; 43,165 / 43,200 =
    // 99.919%: at or above 99.9%, no credit. The $250 rests on 28 May's maintenance.
    const june = (rows: Record<string, string | number>[]) => rows.filter((r) => (r.start as number) >= JUNE);
    expect(outageOf(june(log), mStarts, mEnds, null, null, ...ex)).toBe(35);
    expect(outageOf(log, mStarts.slice(1), mEnds.slice(1), null, null, ...ex)).toBe(35);
    expect(bundle.call("SLACREDIT", bundle.call("UPTIME", JUNE, 35), 2500)).toBe(0);
  });

  test("what the claims, the cap and the exclusion each change", () => {
    // The claims taken at their word: 24 June's 20 midday minutes excused too (the 14 days from
    // 10 June 12:00 hold nothing excused): 160 + 15 = 175.
    expect(outageOf(log, col(claims, "start"), col(claims, "end"), null, null, ...ex)).toBe(175);
    // No cap (0): every minute in maintenance is excused: 20 + 15 = 35.
    expect(outageOf(log, mStarts, mEnds, null, 0, ...ex)).toBe(35);
    // No maintenance given: 180 + 160 + 20 + 15 = 375 minutes; uptime 42,825/43,200 = 99.13%: still 10%.
    expect(outageOf(log, null, null, null, null, ...ex)).toBe(375);
    expect(bundle.call("SLACREDITPCT", 42825 / 43200)).toBe(0.1);
    // The upstream outage counted as Outage (not excluded): 195 + 600 = 795; uptime 42,405/43,200
    // = 98.16%: the 25% band, $625 on $2,500.
    expect(outageOf(log, mStarts, mEnds, null, null)).toBe(795);
    expect(bundle.call("SLACREDIT", bundle.call("UPTIME", JUNE, 795), 2500)).toBe(625);
  });

  test("the standing windows of the 14 days before June and June, in one formula", () => {
    // =KUSTOMER.MAINTENANCEWINDOWS(B2, , , 14): from 18 May, 10 weekdays in May and 21 in June,
    // 06:00-10:00 UTC. Given as the maintenance, every window counts, claimed or not: the log
    // gives the same 195 here, since every downtime in a window was claimed.
    const windows = bundle.call("MAINTENANCEWINDOWS", JUNE, null, null, 14) as number[][];
    expect(windows).toHaveLength(31);
    expect(windows[0]).toEqual([serial("2025-05-19 06:00:00"), serial("2025-05-19 10:00:00")]);
    const w = [windows.map((r) => [r[0]]), windows.map((r) => [r[1]])];
    expect(outageOf(log, ...w, null, null, ...ex)).toBe(195);
  });

  test("excluded downtime as its own ranges (the 8th and 9th arguments)", () => {
    // Excluded minutes use none of the cap; OUTAGEWORKING shows the 600 excluded minutes.
    const working = bundle.call("OUTAGEWORKING", JUNE, col(log, "start"), col(log, "end"), mStarts, mEnds, null, null, ...ex) as [
      string,
      number,
    ][];
    expect(working[working.length - 1]).toEqual(["Outage minutes", 195]);
    expect(working.filter(([label]) => /excluded/i.test(label)).map(([, v]) => v)).toContain(600);
  });
});
