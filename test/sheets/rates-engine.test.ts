/**
 * The sheets with an Order's rate cards loaded in the workbook: the layouts pass
 * each loaded card's table as the functions' `rates` argument, and the engine (HyperFormula with
 * the built bundle's KUSTOMER functions, ./engine) shows the Order's rates flowing into the
 * quote's lines and the invoice check's expected amounts. Each table is laid out as the pane
 * writes it (cardGrid of the card, header row 4 from column A on the card's own sheet), with the
 * Order's changes worked in by hand below.
 */
import { cardGrid } from "../../src/sheets/rate-card-layout";
import { RATE_CARDS } from "../../src/rules/rates";
import { QUOTE_INPUT_CELLS as IN, QUOTE_LINE_ROWS as ROW, QUOTE_RESULT_CELLS as OUT, quoteLayout } from "../../src/sheets/quote-layout";
import { invoiceLayout } from "../../src/sheets/invoice-layout";
import { cardTable, evaluate, type OtherTable } from "./engine";
import { INPUTS, JAN31 } from "./hand-worked-quote";

/** A card's table as the pane writes it, with `change(row)` applied to the body rows. */
function orderTable(id: string, sheet: string, change: (row: (string | number)[]) => (string | number)[]): OtherTable {
  const card = RATE_CARDS.find((c) => c.id === id);
  if (!card) throw new Error(`no card ${id}`);
  const grid = cardGrid(card);
  return cardTable(
    sheet,
    grid,
    grid.body.map((r) => change([...r])),
  );
}

// 2025-04-20 = 2025-01-01 (45658) + 31 + 28 + 31 + 19 = 45767.
const APR20 = 45767;

describe("a quote under an Order's negotiated cards", () => {
  // The Order: Ultimate's default data is 25 GB (built-in 20); Implementation - Standard is
  // completed within 90 days of kick-off (built-in 84); Managed Services Standard is 50 hours
  // a month (built-in 40).
  const allocation = orderTable("Kustomer_StorageAllocation", "Storage Allocation", (r) =>
    r[0] === "Ultimate" ? [r[0], 25, ...r.slice(2)] : r,
  );
  const packages = orderTable("Kustomer_PsPackages", "PS Packages", (r) =>
    r[0] === "Implementation - Standard" ? [r[0], r[1], r[2], 90, ...r.slice(4)] : r,
  );
  const managed = orderTable("Kustomer_ManagedServicesHours", "Managed Services Hours", (r) =>
    r[0] === "Managed Services" && r[1] === "Standard" ? [r[0], r[1], 50] : r,
  );
  const layout = quoteLayout({ tables: ["Kustomer_StorageAllocation", "Kustomer_PsPackages", "Kustomer_ManagedServicesHours"], names: [] });
  const sheet = evaluate(layout, {
    inputs: INPUTS,
    otherTables: { Kustomer_StorageAllocation: allocation, Kustomer_PsPackages: packages, Kustomer_ManagedServicesHours: managed },
  });

  test("the Order's allocation: 25 + 1 x 23 = 48 GB of data, so 45.3 GB used is no overage", () => {
    expect(sheet.get(OUT.dataAllowance)).toBe(48);
    expect(sheet.get(`D${ROW.dataOverage}`)).toBe(0);
    // Attachments unchanged: 40 + 10 x 23 = 270 GB; 270.5 used, 1 GB over x $1.
    expect(sheet.get(OUT.attachmentAllowance)).toBe(270);
    expect(sheet.get(`D${ROW.attachmentOverage}`)).toBe(1);
  });

  test("the total: 1,860 + 90 + 0 + 1 + 60 = $2,011 ($150 less than under the built-in card)", () => {
    expect(sheet.get(OUT.total)).toBe(2011);
  });

  test("the Order's package and hours: services end 20 Jan + 90 days = 20 Apr 2025; 50 managed hours", () => {
    expect(sheet.get(OUT.servicesEnd)).toBe(APR20);
    expect(sheet.get(OUT.managedHours)).toBe(50);
    // The kick-off deadline is the card's 30 days from 1 Jan either way: 31 Jan.
    expect(sheet.get(OUT.kickoffDeadline)).toBe(JAN31);
  });

  test("a package only the Order has is quoted from the Order's table", () => {
    const custom = {
      ...packages,
      rows: packages.rows + 1,
      // "Implementation - Custom": kick-off within 45 days, completed within 120 days of kick-off,
      // 24 configuration hours; the other columns as Implementation - Standard's row.
      values: [
        ...packages.values,
        (() => {
          const std = packages.values.find((r) => r[0] === "Implementation - Standard") as (string | number)[];
          const headers = packages.headers;
          const row = [...std];
          row[0] = "Implementation - Custom";
          row[headers.indexOf("Kick-off within (days)")] = 45;
          row[headers.indexOf("Completed within (days of kick-off)")] = 120;
          row[headers.indexOf("Collaborative configuration (hours)")] = 24;
          return row;
        })(),
      ],
    };
    const s = evaluate(layout, {
      inputs: { ...INPUTS, [IN.psPackage]: "Implementation - Custom" },
      otherTables: { Kustomer_StorageAllocation: allocation, Kustomer_PsPackages: custom, Kustomer_ManagedServicesHours: managed },
    });
    // Kick-off by 1 Jan + 45 days = 15 Feb 2025 (45658 + 45 = 45703); ends 20 Jan + 120 days =
    // 20 May 2025 (45677 + 120 = 45797); 24 configuration hours.
    expect(s.get(OUT.kickoffDeadline)).toBe(45703);
    expect(s.get(OUT.servicesEnd)).toBe(45797);
    expect(s.get(OUT.configurationHours)).toBe(24);
  });
});

describe("an invoice check under an Order's credit bands", () => {
  // The Order: the 99.0%–99.9% band credits 15% (built-in 10%).
  const bands = orderTable("Kustomer_SlaCreditBands", "SLA Credit Bands", (r) => (r[0] === "99.0%–99.9%" ? [r[0], r[1], r[2], 0.15] : r));
  const layout = invoiceLayout({ tables: ["Kustomer_SlaCreditBands"], names: [] });

  test("an SLA credit of 99.5% uptime on a $1,000 fee is expected as -15% x 1,000 = -$150", () => {
    const sheet = evaluate(layout, {
      tableRows: [
        { "Line type": "SLA credit", Description: "billed at the built-in 10%", Uptime: 0.995, "Monthly fee": 1000, Billed: -100 },
        { "Line type": "SLA credit", Description: "billed at the Order's 15%", Uptime: 0.995, "Monthly fee": 1000, Billed: -150 },
      ],
      otherTables: { Kustomer_SlaCreditBands: bands },
    });
    expect(sheet.tableCell("Expected", 0)).toBe(-150);
    // Billed -100 against -150: 50 more than expected, so the customer was under-credited (over-billed).
    expect(sheet.tableCell("Difference", 0)).toBe(50);
    expect(sheet.tableCell("Status", 0)).toBe("Over-billed");
    expect(sheet.tableCell("Expected", 1)).toBe(-150);
    expect(sheet.tableCell("Status", 1)).toBe("OK");
  });
});
