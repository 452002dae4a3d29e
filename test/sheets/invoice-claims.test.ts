/**
 * The Invoice check's checks of what an invoice claims, beside its amounts, evaluated in
 * HyperFormula with the KUSTOMER functions of the built bundle (./engine): a storage allowance
 * other than the terms give, a money credit for a conversation-based service, a Voice phone
 * number prorated. Every value worked by hand from the terms (see docs/terms.md).
 */
import { NOTHING_LOADED } from "../../src/sheets/layout";
import { FLAGS, INVOICE_COLUMNS, INVOICE_HEADER_ROW, INVOICE_SUMMARY_CELLS as SUM, invoiceLayout } from "../../src/sheets/invoice-layout";
import { evaluate } from "./engine";

/**
 * 1. Data, Ultimate, 1,500 committed conversations, 1 organization: 20 GB + 300 MB x 1.5 = 20.45 GB
 *    by the terms; the invoice states 20 GB. Used 21.3: 0.85 GB over -> 1 whole GB x $50 = $50.
 *    Billed $100 (1.3 GB over the stated 20 -> 2 GB): Wrong allowance, $50 over.
 * 2. Attachments, Enterprise, 40 full-time users, 2 organizations: (20 GB + 5 GB x 40) / 2 = 110 GB
 *    each, as stated. Used 120.5: 10.5 over -> 11 GB x $1 = $11. Billed $11: OK.
 * 3. Data with no plan: the stated 10 GB is used, not checked. 12.4 used -> 3 GB x $50 = $150: OK.
 * 4. SLA credit, Ultimate AI, 99.5% uptime, Commitment 5,000 conversations a month: 10% = 500
 *    conversations off next month's usage, no money. Billed -$500: Money credit.
 * 5. The same credit left off the invoice (billed 0): OK, 500 conversations to credit.
 * 6. SLA credit, Enterprise, 99.5%, fee $2,500: not a Covered Service, expected $0. Billed -$250:
 *    $250 under-billed (a credit the terms do not give).
 * 7. SLA credit, Ultimate, 99.5%, fee $2,500: 10% = -$250. Billed -$250: OK.
 * 8. Voice, 3 numbers x $15 = $45. Billed $37.50 = 2.5 monthly fees: Prorated.
 * 9. Voice, 4 numbers x $15 = $60. Billed $45 = 3 whole fees: $15 under-billed.
 * 10. Voice, 2 numbers x $15 = $30. Billed $30: OK.
 */
const LINES: Record<string, string | number>[] = [
  {
    "Line type": "Data storage overage",
    "Used GB": 21.3,
    "Allowance GB": 20,
    "Plan or service": "Ultimate",
    "Committed conversations": 1500,
    Organizations: 1,
    Billed: 100,
  },
  {
    "Line type": "Attachment storage overage",
    "Used GB": 120.5,
    "Allowance GB": 110,
    "Plan or service": "Enterprise",
    "Full-time users": 40,
    Organizations: 2,
    Billed: 11,
  },
  { "Line type": "Data storage overage", "Used GB": 12.4, "Allowance GB": 10, Billed: 150 },
  { "Line type": "SLA credit", Uptime: 0.995, "Monthly fee": 5000, "Plan or service": "Ultimate AI", Billed: -500 },
  { "Line type": "SLA credit", Uptime: 0.995, "Monthly fee": 5000, "Plan or service": "Ultimate AI", Billed: 0 },
  { "Line type": "SLA credit", Uptime: 0.995, "Monthly fee": 2500, "Plan or service": "Enterprise", Billed: -250 },
  { "Line type": "SLA credit", Uptime: 0.995, "Monthly fee": 2500, "Plan or service": "Ultimate", Billed: -250 },
  { "Line type": "Voice phone numbers", "Seats or quantity": 3, "Price or old price": 15, Billed: 37.5 },
  { "Line type": "Voice phone numbers", "Seats or quantity": 4, "Price or old price": 15, Billed: 45 },
  { "Line type": "Voice phone numbers", "Seats or quantity": 2, "Price or old price": 15, Billed: 30 },
];

describe("Invoice check: the claims the terms let an auditor check", () => {
  const layout = invoiceLayout(NOTHING_LOADED);
  const sheet = evaluate(layout, { tableRows: LINES });
  const column = (h: string) => LINES.map((_l, i) => sheet.tableCell(h, i));

  test("the storage allowance by the terms, on storage lines with a plan", () => {
    expect(column("Allowance by terms GB")).toEqual([20.45, 110, "", "", "", "", "", "", "", ""]);
  });

  test("expected amounts: storage against the terms' allowance, no money for a conversation credit, numbers x fee", () => {
    expect(column("Expected")).toEqual([50, 11, 150, 0, 0, 0, -250, 45, 60, 30]);
    expect(column("Difference")).toEqual([50, 0, 0, -500, 0, -250, 0, -7.5, -15, 0]);
  });

  test("each claim the terms do not allow is its own flag", () => {
    expect(column("Status")).toEqual([
      FLAGS.allowance,
      "OK",
      "OK",
      FLAGS.moneyCredit,
      "OK",
      "Under-billed",
      "OK",
      FLAGS.prorated,
      "Under-billed",
      "OK",
    ]);
  });

  test("the conversations a conversation-based credit gives, on its lines only", () => {
    expect(column("Credit in conversations")).toEqual(["", "", "", 500, 500, "", "", "", "", ""]);
  });

  test("the summary counts the new flags: 5 lines flagged", () => {
    expect(sheet.get(SUM.lines)).toBe(10);
    // Wrong allowance, Money credit, Under-billed (Enterprise), Prorated, Under-billed (voice).
    expect(sheet.get(SUM.flagged)).toBe(5);
    // Expected: 50 + 11 + 150 + 0 + 0 + 0 - 250 + 45 + 60 + 30 = 96.
    expect(sheet.get(SUM.expected)).toBe(96);
  });

  test("a stated allowance equal to the terms' is not flagged; the amount decides", () => {
    // Line 1 with 20.45 GB stated and billed $50: OK; billed $100: Over-billed by $50.
    const ok = evaluate(layout, { tableRows: [{ ...LINES[0], "Allowance GB": 20.45, Billed: 50 }] });
    expect(ok.tableCell("Status", 0)).toBe("OK");
    const over = evaluate(layout, { tableRows: [{ ...LINES[0], "Allowance GB": 20.45 }] });
    expect(over.tableCell("Status", 0)).toBe("Over-billed");
    expect(over.tableCell("Difference", 0)).toBe(50);
  });

  test("on a storage line, Ultimate AI reads as Ultimate (its conversation-based allocation)", () => {
    // Line 1 with Ultimate AI: 20 GB + 300 MB x 1.5 = 20.45 GB, as for Ultimate.
    const s = evaluate(layout, { tableRows: [{ ...LINES[0], "Plan or service": "Ultimate AI" }] });
    expect(s.tableCell("Allowance by terms GB", 0)).toBe(20.45);
    expect(s.tableCell("Status", 0)).toBe(FLAGS.allowance);
  });

  test("an unknown service on an SLA line is #VALUE!; a storage plan the terms lack too", () => {
    const s = evaluate(layout, {
      tableRows: [
        { ...LINES[6], "Plan or service": "Gold" },
        { ...LINES[0], "Plan or service": "Gold" },
      ],
    });
    expect(s.tableCell("Expected", 0)).toEqual(expect.objectContaining({ error: "#VALUE!" }));
    expect(s.tableCell("Allowance by terms GB", 1)).toEqual(expect.objectContaining({ error: "#VALUE!" }));
  });

  test("the flags are red; the new inputs are greyed on lines that do not use them", () => {
    const letter = (h: string) => String.fromCharCode(65 + INVOICE_COLUMNS.findIndex((c) => c.header === h));
    const at = (h: string, i: number) => `${letter(h)}${INVOICE_HEADER_ROW + 1 + i}`;
    for (const i of [0, 3, 7]) expect(sheet.fills(at("Status", i))).toEqual(["#FFC7CE"]);
    expect(sheet.fills(at("Plan or service", 0))).toEqual([]);
    expect(sheet.fills(at("Plan or service", 7))).toEqual(["#D9D9D9"]);
    expect(sheet.fills(at("Seats or quantity", 7))).toEqual([]);
    expect(sheet.fills(at("Organizations", 3))).toEqual(["#D9D9D9"]);
  });
});
