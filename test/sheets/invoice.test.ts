/**
 * The Invoice check sheet's layout, evaluated in HyperFormula with the KUSTOMER functions of the
 * built bundle (./engine; structured references translated row by row, as Excel fills a
 * calculated column), against an invoice checked by hand from the terms (docs/terms.md).
 */
import { NOTHING_LOADED } from "../../src/sheets/layout";
import {
  INVOICE_BODY_ROWS,
  INVOICE_COLUMNS,
  INVOICE_HEADER_ROW,
  INVOICE_SUMMARY_CELLS as SUM,
  invoiceFormulas,
  invoiceLayout,
  LINE_TYPES,
} from "../../src/sheets/invoice-layout";
import { evaluate } from "./engine";

// Serials (1900 system): 2025-01-01 = 45658; 2025-01-16 = 45673; 2025-01-22 = 45679; 2025-01-31 = 45688.
const JAN1 = 45658;
const JAN16 = 45673;
const JAN22 = 45679;
const JAN31 = 45688;
const month = { "Period start": JAN1, "Period end": JAN31 };

/**
 * Eight lines of a January 2025 invoice (31 days), two of them wrong:
 * 1. 3 seats at $93 added 22 Jan: 22..31 is 10 of 31 days: 3 x 93 x 10/31 = $90. Billed $90: OK.
 * 2. 2 seats at $62 added 16 Jan: 16..31 is 16 days: 2 x 62 x 16/31 = $64. Billed the whole
 *    month, 2 x 62 = $124: over-billed by $60.
 * 3. Plan change $300 -> $610 on 22 Jan: (610 - 300) x 10/31 = $100. Billed $100: OK.
 * 4. Data: 45.3 GB used of 43: 2.3 over -> 3 GB x $50 = $150. Billed $150: OK.
 * 5. Data: 12.4 GB used of 10: 2.4 over -> 3 GB x $50 = $150. Billed 2.4 x 50 = $120 (not rounded
 *    up): under-billed by $30.
 * 6. Attachments: 270.5 GB of 270: 0.5 over -> 1 GB x $1 = $1. Billed $1: OK.
 * 7. 120,000 translated words x $0.0005 = $60. Billed $60.01: $0.01 over, within the tolerance: OK.
 * 8. SLA credit: 99.5% uptime is in the 99.0-99.9% band, 10% of a $1,000 fee = $100, a credit:
 *    expected -$100. Billed -$100: OK.
 * Billed 90 + 124 + 100 + 150 + 120 + 1 + 60.01 - 100 = $545.01; expected 90 + 64 + 100 + 150 +
 * 150 + 1 + 60 - 100 = $515; net difference $30.01; 2 lines flagged.
 */
const LINES: Record<string, string | number>[] = [
  {
    "Line type": "Seat addition",
    Description: "3 agent seats",
    "Seats or quantity": 3,
    "Price or old price": 93,
    ...month,
    "Effective date": JAN22,
    Billed: 90,
  },
  {
    "Line type": "Seat addition",
    Description: "2 agent seats",
    "Seats or quantity": 2,
    "Price or old price": 62,
    ...month,
    "Effective date": JAN16,
    Billed: 124,
  },
  {
    "Line type": "Plan change",
    Description: "Upgrade to Ultimate",
    "Price or old price": 300,
    "New price": 610,
    ...month,
    "Effective date": JAN22,
    Billed: 100,
  },
  { "Line type": "Data storage overage", Description: "Data storage, org 1", "Used GB": 45.3, "Allowance GB": 43, Billed: 150 },
  { "Line type": "Data storage overage", Description: "Data storage, org 2", "Used GB": 12.4, "Allowance GB": 10, Billed: 120 },
  { "Line type": "Attachment storage overage", Description: "Attachments", "Used GB": 270.5, "Allowance GB": 270, Billed: 1 },
  { "Line type": "Translated words", Description: "Premium translation", Words: 120000, Billed: 60.01 },
  { "Line type": "SLA credit", Description: "SLA credit, December", Uptime: 0.995, "Monthly fee": 1000, Billed: -100 },
];

describe("Invoice check: eight lines, two wrong", () => {
  const layout = invoiceLayout(NOTHING_LOADED);
  const sheet = evaluate(layout, { tableRows: LINES });

  test("expected, difference and status of every line", () => {
    const rows = LINES.map((_l, i) => [sheet.tableCell("Expected", i), sheet.tableCell("Difference", i), sheet.tableCell("Status", i)]);
    expect(rows.map((r) => r[0])).toEqual([90, 64, 100, 150, 150, 1, 60, -100]);
    expect(rows.map((r) => r[2])).toEqual(["OK", "Over-billed", "OK", "OK", "Under-billed", "OK", "OK", "OK"]);
    expect(rows[1][1]).toBe(60);
    expect(rows[4][1]).toBe(-30);
    // Billed - Expected is the sheet's own subtraction, in binary floating point as in Excel:
    // 60.01 - 60 = 0.00999999999999801..., the difference of the two doubles, not 0.01.
    expect(rows[6][1]).toBe(60.01 - 60);
  });

  test("the summary", () => {
    expect(sheet.get(SUM.lines)).toBe(8);
    // SUM over the pasted amounts adds doubles in the table's order, as Excel does:
    // 90 + 124 + 100 + 150 + 120 + 1 + 60.01 - 100 = 545.01 (the double nearest it).
    const billed = LINES.map((l) => l.Billed as number).reduce((a, x) => a + x, 0);
    expect(billed).toBe(545.01);
    expect(sheet.get(SUM.billed)).toBe(billed);
    expect(sheet.get(SUM.expected)).toBe(515);
    // 545.01 - 515 in doubles: 30.00999999999999..., not the double nearest 30.01.
    expect(sheet.get(SUM.difference)).toBe(billed - 515);
    expect(sheet.get(SUM.flagged)).toBe(2);
  });

  test("the empty rows left in the table show nothing", () => {
    for (let i = LINES.length; i < INVOICE_BODY_ROWS; i++) {
      for (const h of ["Expected", "Difference", "Status"]) expect(sheet.tableCell(h, i)).toBe("");
    }
  });

  test("a tighter tolerance flags the $0.01 line too", () => {
    const s = evaluate(layout, { tableRows: LINES, inputs: { [SUM.tolerance]: 0.001 } });
    expect(s.tableCell("Status", 6)).toBe("Over-billed");
    expect(s.get(SUM.flagged)).toBe(3);
  });

  test("rows pasted beyond the table's empty rows extend it; the formulas fill down", () => {
    // 8 + 8 = 16 lines, more than the 10 rows the table starts with: everything doubles.
    const s = evaluate(layout, { tableRows: [...LINES, ...LINES] });
    expect(s.get(SUM.lines)).toBe(16);
    expect(s.get(SUM.expected)).toBe(1030);
    expect(s.get(SUM.flagged)).toBe(4);
    expect(s.tableCell("Status", 12)).toBe("Under-billed");
  });

  test("an unknown line type is #N/A; a missing input the function's error", () => {
    const s = evaluate(layout, {
      tableRows: [
        { "Line type": "Discount", Billed: 5 },
        { "Line type": "Seat addition", "Seats or quantity": 1, Billed: 5 },
      ],
    });
    expect(s.tableCell("Expected", 0)).toEqual(expect.objectContaining({ error: "#N/A" }));
    expect(s.tableCell("Expected", 1)).toEqual(expect.objectContaining({ error: "#VALUE!" }));
  });

  test("unused inputs are greyed out by type; the status is coloured", () => {
    const letter = (h: string) => String.fromCharCode(65 + INVOICE_COLUMNS.findIndex((c) => c.header === h));
    const at = (h: string, i: number) => `${letter(h)}${INVOICE_HEADER_ROW + 1 + i}`;
    const GREY = "#D9D9D9";
    expect(sheet.fills(at("Seats or quantity", 0))).toEqual([]);
    expect(sheet.fills(at("Used GB", 0))).toEqual([GREY]);
    expect(sheet.fills(at("New price", 0))).toEqual([GREY]);
    expect(sheet.fills(at("New price", 2))).toEqual([]);
    expect(sheet.fills(at("Used GB", 3))).toEqual([]);
    expect(sheet.fills(at("Uptime", 7))).toEqual([]);
    expect(sheet.fills(at("Seats or quantity", 7))).toEqual([GREY]);
    expect(sheet.fills(at("Price or old price", 7))).toEqual([GREY]);
    expect(sheet.fills(at("Used GB", 9))).toEqual([]); // an empty row: nothing greyed
    expect(sheet.fills(at("Status", 0))).toEqual(["#C6EFCE"]);
    expect(sheet.fills(at("Status", 1))).toEqual(["#FFC7CE"]);
    expect(sheet.fills(at("Status", 4))).toEqual(["#FFEB9C"]);
    // Lines flagged (2) shows red; with none flagged it does not.
    expect(sheet.fills(SUM.flagged)).toEqual(["#FFC7CE"]);
    expect(evaluate(layout, { tableRows: [LINES[0]] }).fills(SUM.flagged)).toEqual([]);
  });
});

describe("Invoice check: layout", () => {
  test("the table: its columns, the type dropdown, one formula per calculated column", () => {
    const l = invoiceLayout(NOTHING_LOADED, "Invoice check (2)", "InvoiceCheck_2");
    expect(l.sheetName).toBe("Invoice check (2)");
    const t = l.tables[0];
    expect(t.name).toBe("InvoiceCheck_2");
    // 17 input columns and Billed, then 5 calculated: A to W.
    expect(t.address).toBe(`A${INVOICE_HEADER_ROW}:W${INVOICE_HEADER_ROW + INVOICE_BODY_ROWS}`);
    expect(Object.keys(t.calculated)).toEqual(["Expected", "Difference", "Status", "Allowance by terms GB", "Credit in conversations"]);
    expect(l.validations[0]).toEqual(
      expect.objectContaining({
        kind: "list",
        list: LINE_TYPES,
        address: `A${INVOICE_HEADER_ROW + 1}:A${INVOICE_HEADER_ROW + INVOICE_BODY_ROWS}`,
      }),
    );
    // The storage inputs: users 0 or more (an average may be fractional), conversations whole, organizations 1 or more (columns O, P, Q).
    const body = (col: string) => `${col}${INVOICE_HEADER_ROW + 1}:${col}${INVOICE_HEADER_ROW + INVOICE_BODY_ROWS}`;
    expect(l.validations.slice(2).map((v) => [v.address, v.kind, "min" in v ? v.min : null])).toEqual([
      [body("O"), "decimal", 0],
      [body("P"), "whole", 0],
      [body("Q"), "whole", 1],
    ]);
    expect(l.cells.find((c) => c.address === SUM.lines)?.formula).toBe("=COUNTA(InvoiceCheck_2[Line type])");
    expect(l.cells.find((c) => c.address === SUM.tolerance)?.value).toBe(0.01);
  });

  test("no table loaded: the expected formula, in full", () => {
    expect(invoiceFormulas(NOTHING_LOADED).Expected).toBe(
      '=IF([@[Line type]]="","",SWITCH([@[Line type]],' +
        '"Seat addition",KUSTOMER.SEATCHARGE([@[Seats or quantity]],[@[Price or old price]],[@[Period start]],[@[Period end]],[@[Effective date]]),' +
        '"Plan change",KUSTOMER.PLANCHANGE([@[Price or old price]],[@[New price]],[@[Period start]],[@[Period end]],[@[Effective date]]),' +
        '"Data storage overage",KUSTOMER.STORAGEOVERAGE([@[Used GB]],IF([@[Plan or service]]="",[@[Allowance GB]],[@[Allowance by terms GB]]),"data",[@[Price or old price]]),' +
        '"Attachment storage overage",KUSTOMER.STORAGEOVERAGE([@[Used GB]],IF([@[Plan or service]]="",[@[Allowance GB]],[@[Allowance by terms GB]]),"attachment",[@[Price or old price]]),' +
        '"Translated words",KUSTOMER.TRANSLATIONFEE([@Words],[@[Price or old price]]),' +
        '"SLA credit",IF(OR(TRIM([@[Plan or service]])="Ultimate AI",TRIM([@[Plan or service]])="Kustomer Ultimate AI"),0,' +
        "-KUSTOMER.SLACREDIT([@Uptime],[@[Monthly fee]],,[@[Plan or service]]))," +
        '"Voice phone numbers",[@[Seats or quantity]]*[@[Price or old price]],NA()))',
    );
  });

  test("the SLA bands' table and the prices' names loaded: passed as rates and as the default price", () => {
    const f = invoiceFormulas({
      tables: ["Kustomer_SlaCreditBands"],
      names: ["Kustomer_DataPricePerGB", "Kustomer_PricePerTranslatedWord"],
    }).Expected;
    expect(f).toContain("-KUSTOMER.SLACREDIT([@Uptime],[@[Monthly fee]],Kustomer_SlaCreditBands[#All],[@[Plan or service]])");
    const allowance = 'IF([@[Plan or service]]="",[@[Allowance GB]],[@[Allowance by terms GB]])';
    expect(f).toContain(
      `"Data storage overage",KUSTOMER.STORAGEOVERAGE([@[Used GB]],${allowance},"data",IF([@[Price or old price]]="",Kustomer_DataPricePerGB,[@[Price or old price]]))`,
    );
    expect(f).toContain(
      `"Attachment storage overage",KUSTOMER.STORAGEOVERAGE([@[Used GB]],${allowance},"attachment",[@[Price or old price]])`,
    );
    expect(f).toContain(
      'KUSTOMER.TRANSLATIONFEE([@Words],IF([@[Price or old price]]="",Kustomer_PricePerTranslatedWord,[@[Price or old price]]))',
    );
  });

  test("with the data price's name loaded, a blank price reads it (an Order's $40)", () => {
    // Line 4 again, price left blank: 3 GB x $40 = $120.
    const l = invoiceLayout({ tables: [], names: ["Kustomer_DataPricePerGB"] });
    const s = evaluate(l, { tableRows: [LINES[3]], names: { Kustomer_DataPricePerGB: 40 } });
    expect(s.tableCell("Expected", 0)).toBe(120);
    expect(s.tableCell("Status", 0)).toBe("Over-billed");
  });
});

describe("Invoice check: an Order's storage allocation loaded", () => {
  test("the terms' allowance reads the Order's table (Kustomer_StorageAllocation[#All])", () => {
    const f = invoiceFormulas({ tables: ["Kustomer_StorageAllocation"], names: [] })["Allowance by terms GB"];
    expect(f).toContain(
      'KUSTOMER.STORAGEALLOWANCE(IF(OR(TRIM([@[Plan or service]])="Ultimate AI",TRIM([@[Plan or service]])="Kustomer Ultimate AI"),"Ultimate",[@[Plan or service]]),' +
        'IF([@[Line type]]="Data storage overage","data","attachment"),' +
        "[@[Full-time users]],[@[Committed conversations]],[@Organizations],Kustomer_StorageAllocation[#All])",
    );
    expect(invoiceFormulas(NOTHING_LOADED)["Allowance by terms GB"]).toContain(
      "[@[Full-time users]],[@[Committed conversations]],[@Organizations])",
    );
  });
});
