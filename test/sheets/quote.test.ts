/**
 * The Quote sheet's layout, evaluated in HyperFormula with the KUSTOMER functions of the built
 * bundle (./engine), against a quote worked out by hand from the terms (shared/domain.md).
 */
import { NOTHING_LOADED, type SheetLayout } from "../../src/sheets/layout";
import {
  MANAGED_CHOICES,
  PLAN_CHOICES,
  PS_PACKAGE_CHOICES,
  QUOTE_INPUT_CELLS as IN,
  QUOTE_LINE_ROWS as ROW,
  QUOTE_RESULT_CELLS as OUT,
  quoteLayout,
} from "../../src/sheets/quote-layout";
import { calls, evaluate } from "./engine";
import { APR14, INPUTS, JAN31 } from "./hand-worked-quote";

const formulasOf = (l: SheetLayout) => l.cells.filter((c) => c.formula !== undefined);

describe("Quote: the hand-worked quote, in a spreadsheet engine", () => {
  const layout = quoteLayout(NOTHING_LOADED);
  const sheet = evaluate(layout, { inputs: INPUTS });

  test("every line's amount and the total", () => {
    expect(sheet.get(`D${ROW.seats}`)).toBe(1860);
    expect(sheet.get(`D${ROW.seatsAdded}`)).toBe(90);
    expect(sheet.get(`D${ROW.dataOverage}`)).toBe(150);
    expect(sheet.get(`B${ROW.dataOverage}`)).toBe(3); // whole GB billed
    expect(sheet.get(`D${ROW.attachmentOverage}`)).toBe(1);
    expect(sheet.get(`B${ROW.attachmentOverage}`)).toBe(1);
    expect(sheet.get(`D${ROW.translation}`)).toBe(60);
    expect(sheet.get(OUT.total)).toBe(2161);
  });

  test("allowances, PS dates and inclusions, managed hours", () => {
    expect(sheet.get(OUT.dataAllowance)).toBe(43);
    expect(sheet.get(OUT.attachmentAllowance)).toBe(270);
    expect(sheet.get(OUT.kickoffDeadline)).toBe(JAN31);
    expect(sheet.get(OUT.servicesEnd)).toBe(APR14);
    expect(sheet.get(OUT.configurationHours)).toBe(16);
    expect(sheet.get(OUT.trainingHours)).toBe(4);
    expect(sheet.get(OUT.sessions)).toBe("none");
    expect(sheet.get(OUT.managedHours)).toBe(40);
  });

  test("every formula the layout writes evaluates without an error, through the bundle", () => {
    for (const c of formulasOf(layout))
      expect([c.address, sheet.get(c.address)]).toEqual([c.address, expect.not.objectContaining({ error: expect.anything() })]);
    for (const fn of [
      "SEATCHARGE",
      "STORAGEALLOWANCE",
      "STORAGEOVERAGE",
      "TRANSLATIONFEE",
      "PSKICKOFFDEADLINE",
      "PSEXPIRY",
      "PSINCLUSION",
      "MANAGEDHOURS",
    ])
      expect([fn, (calls.get(fn) ?? 0) > 0]).toEqual([fn, true]);
  });

  test("AI Managed Services and committed conversations across organizations", () => {
    // Enterprise, 1,500 committed conversations, 2 organizations: data (10 GB + 0.15 GB x 1.5) / 2
    // = 10.225 / 2 = 5.1125 GB; attachments (20 + 3 x 1.5) / 2 = 12.25 GB. AI Basic: 16 hours.
    const s = evaluate(layout, {
      inputs: {
        ...INPUTS,
        [IN.plan]: "Enterprise",
        [IN.fullTimeUsers]: "",
        [IN.committedConversations]: 1500,
        [IN.organizations]: 2,
        [IN.managedLevel]: "AI Basic",
      },
    });
    expect(s.get(OUT.dataAllowance)).toBe(5.1125);
    expect(s.get(OUT.attachmentAllowance)).toBe(12.25);
    expect(s.get(OUT.managedHours)).toBe(16);
  });

  test("a new, empty quote shows no errors: blank amounts are 0 and the total $0", () => {
    const empty = evaluate(layout);
    for (const c of formulasOf(layout))
      expect([c.address, empty.get(c.address)]).toEqual([c.address, expect.not.objectContaining({ error: expect.anything() })]);
    expect(empty.get(OUT.total)).toBe(0);
  });

  test("a wrong input shows the function's error with its message", () => {
    const s = evaluate(layout, { inputs: { ...INPUTS, [IN.addDate]: 45700 } }); // 13 Feb: outside January
    expect(s.get(`D${ROW.seatsAdded}`)).toEqual({ error: "#NUM!", message: expect.stringMatching(/add_date/) });
    expect(s.get(OUT.total)).toEqual(expect.objectContaining({ error: "#NUM!" }));
  });
});

describe("Quote: layout", () => {
  test("dropdowns list the cards' plans, PS packages and managed-services levels", () => {
    const l = quoteLayout(NOTHING_LOADED);
    expect(PLAN_CHOICES).toEqual(["Professional (legacy)", "Business (legacy)", "Enterprise", "Ultimate"]);
    expect(MANAGED_CHOICES).toEqual(["Essential", "Basic", "Standard", "AI Basic", "AI Standard"]);
    expect(l.validations.find((v) => v.address === IN.plan)).toEqual(expect.objectContaining({ kind: "list", list: PLAN_CHOICES }));
    // The PS list (over Excel's 255 characters for a typed list) is on the sheet, column H.
    const ps = l.validations.find((v) => v.address === IN.psPackage);
    expect(ps).toEqual(expect.objectContaining({ kind: "list", list: ["=$H$8:$H$18"] }));
    expect(PS_PACKAGE_CHOICES).toHaveLength(11);
    expect(l.cells.filter((c) => /^H(\d+)$/.test(c.address) && Number(c.address.slice(1)) >= 8).map((c) => c.value)).toEqual(
      PS_PACKAGE_CHOICES,
    );
    expect(PS_PACKAGE_CHOICES.join(",").length).toBeGreaterThan(255);
  });

  test("print area, formats, the input cells styled as inputs", () => {
    const l = quoteLayout(NOTHING_LOADED);
    expect(l.printArea).toBe(`A1:E${Number(OUT.managedHours.slice(1))}`);
    const at = (a: string) => l.cells.find((c) => c.address === a);
    for (const a of Object.values(IN)) expect([a, at(a)?.style]).toEqual([a, "input"]);
    expect(at(OUT.total)?.numberFormat).toBe("$#,##0.00;-$#,##0.00");
    expect(at(IN.periodStart)?.numberFormat).toBe("yyyy-mm-dd");
    expect(at(OUT.servicesEnd)?.numberFormat).toBe("yyyy-mm-dd");
  });

  test("the caption names the rate cards and their documents' dates", () => {
    const l = quoteLayout(NOTHING_LOADED);
    expect(["A2", "A3", "A4"].map((a) => l.cells.find((c) => c.address === a)?.value)).toEqual([
      "Storage allocation by plan, Additional storage prices: Billing help pages: FAQ, seasonal seats, storage limits and pricing, subscription, undated.",
      "Premium Translated Word price: Supplemental Terms, usage-based plans, last updated 2024-11-01.",
      "Professional-services packages, Managed services hours per month: Professional Services Terms, last updated 2025-11-17.",
    ]);
    expect(l.cells.find((c) => c.address === "A5")?.value).toMatch(/^No rate-card table is loaded in this workbook/);
  });

  test("no table loaded: no rates argument, built-in prices", () => {
    const l = quoteLayout(NOTHING_LOADED);
    const f = (a: string) => l.cells.find((c) => c.address === a)?.formula;
    expect(f(OUT.dataAllowance)).toBe(`=IF($B$9="","",KUSTOMER.STORAGEALLOWANCE($B$9,"data",$B$17,$B$18,$B$19))`);
    expect(f(OUT.kickoffDeadline)).toBe(`=IF(OR($B$23="",$B$11=""),"",KUSTOMER.PSKICKOFFDEADLINE($B$23,$B$11))`);
    expect(f(`D${ROW.dataOverage}`)).toBe(`=IF(N($B$20)=0,0,KUSTOMER.STORAGEOVERAGE($B$20,$B$${ROW.total + 3},"data"))`);
    expect(l.cells.find((c) => c.address === `C${ROW.dataOverage}`)?.value).toBe(50);
    expect(l.cells.find((c) => c.address === `C${ROW.translation}`)?.value).toBe(0.0005);
  });

  test("tables loaded: each formula passes its card's table as the last argument, names as the price", () => {
    const l = quoteLayout({
      tables: ["Kustomer_StorageAllocation", "Kustomer_PsPackages_2", "Kustomer_PsPackages_3", "Kustomer_ManagedServicesHours", "Other"],
      names: ["Kustomer_DataPricePerGB", "kustomer_attachmentpricepergb", "Kustomer_PricePerTranslatedWord"],
    });
    const f = (a: string) => l.cells.find((c) => c.address === a)?.formula;
    // STORAGEALLOWANCE(plan, category, [full_time_users], [committed_conversations], [organizations], [rates]).
    expect(f(OUT.dataAllowance)).toBe(
      `=IF($B$9="","",KUSTOMER.STORAGEALLOWANCE($B$9,"data",$B$17,$B$18,$B$19,Kustomer_StorageAllocation[#All]))`,
    );
    // Only beside copies of the PS card: the first of them.
    expect(f(OUT.kickoffDeadline)).toBe(
      `=IF(OR($B$23="",$B$11=""),"",KUSTOMER.PSKICKOFFDEADLINE($B$23,$B$11,Kustomer_PsPackages_2[#All]))`,
    );
    expect(f(OUT.servicesEnd)).toBe(`=IF(OR($B$23="",$B$24=""),"",KUSTOMER.PSEXPIRY($B$23,$B$24,Kustomer_PsPackages_2[#All]))`);
    expect(f(OUT.sessions)).toBe(`=IF($B$23="","",IFNA(KUSTOMER.PSINCLUSION($B$23,"sessions",Kustomer_PsPackages_2[#All]),"none"))`);
    expect(f(OUT.managedHours)).toBe(
      `=IF($B$25="","",KUSTOMER.MANAGEDHOURS(IF(LEFT($B$25,3)="AI ",MID($B$25,4,40),$B$25),IF(LEFT($B$25,3)="AI ","AI Managed Services","Managed Services"),Kustomer_ManagedServicesHours[#All]))`,
    );
    expect(f(`D${ROW.dataOverage}`)).toBe(
      `=IF(N($B$20)=0,0,KUSTOMER.STORAGEOVERAGE($B$20,$B$${ROW.total + 3},"data",Kustomer_DataPricePerGB))`,
    );
    expect(f(`C${ROW.dataOverage}`)).toBe("=Kustomer_DataPricePerGB");
    expect(f(`D${ROW.translation}`)).toBe(`=IF(N($B$22)=0,0,KUSTOMER.TRANSLATIONFEE($B$22,Kustomer_PricePerTranslatedWord))`);
    expect(l.cells.find((c) => c.address === "A5")?.value).toBe(
      "Read from this workbook instead of the built-in cards: Kustomer_StorageAllocation, Kustomer_PsPackages_2, Kustomer_ManagedServicesHours, Kustomer_DataPricePerGB, Kustomer_AttachmentPricePerGB, Kustomer_PricePerTranslatedWord.",
    );
  });

  test("with the prices' names loaded, the engine reads them (an Order's $40 per GB)", () => {
    // 3 GB over x $40 = $120 instead of $150; the total falls by $30 to $2,131.
    const l = quoteLayout({ tables: [], names: ["Kustomer_DataPricePerGB"] });
    const s = evaluate(l, { inputs: INPUTS, names: { Kustomer_DataPricePerGB: 40 } });
    expect(s.get(`D${ROW.dataOverage}`)).toBe(120);
    expect(s.get(OUT.total)).toBe(2131);
  });
});
