/**
 * The Quote sheet's layout, evaluated in HyperFormula with the KUSTOMER functions of the built
 * bundle (./engine), against a quote worked out by hand from the terms (docs/terms.md).
 */
import { NOTHING_LOADED, type SheetLayout } from "../../src/sheets/layout";
import {
  ALLOWED,
  CLIENT_CHOICES,
  MANAGED_CHOICES,
  PLAN_CHOICES,
  PS_PACKAGE_CHOICES,
  QUOTE_FLAGS,
  QUOTE_INPUT_CELLS as IN,
  QUOTE_LINE_ROWS as ROW,
  QUOTE_PS_LINE_ROWS,
  QUOTE_RESULT_CELLS as OUT,
  QUOTE_SERVICES_END_CELLS as ENDS,
  quoteLayout,
  quotePackageCells as pkg,
  UNCHECKED,
} from "../../src/sheets/quote-layout";
import { calls, evaluate } from "./engine";
import { APR14, INPUTS, JAN20, JAN31 } from "./hand-worked-quote";

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

// More serials (1900 system, from 2025-01-01 = 45658): 1 Feb = 45658 + 31 = 45689; 3 Feb = 45691;
// 1 Mar = 45689 + 28 = 45717; 17 Mar = 45733; 31 Mar = 45747; 1 Apr = 45748; 15 Apr = 45762;
// 21 Apr = 45768; 22 Apr = 45769; 28 Apr = 45775; 2 May = 1 Apr + 31 = 45779.
const FEB1 = 45689;
const FEB3 = 45691;
const MAR1 = 45717;
const MAR17 = 45733;
const MAR31 = 45747;
const APR1 = 45748;
const MAY2 = 45779;

// The sentences of the Professional Services Terms each flag must quote, copied from the terms.
const ALONGSIDE = '"Must be purchased alongside a Kustomer Implementation, and cannot be purchased as a stand-alone service."';
const NEW_ONLY = '"Package available to new Clients only.';
const EXISTING_ONLY = '"Engagement available to existing Clients only."';
const AI_MANAGED = "AI implementation (Basic or Advanced) seeking to optimize or maintain current AI Agent Teams.";
const THIRTY_DAYS =
  '"The package must commence with a Project Kick-Off meeting scheduled within thirty (30) days of the Subscription Start Date."';

describe("Quote: several packages, each checked against the terms", () => {
  const layout = quoteLayout(NOTHING_LOADED);
  const [NEW, EXISTING, AI_DONE] = CLIENT_CHOICES;
  /** The hand-worked quote with packages in rows 1.. (package, kick-off, fee) and other inputs. */
  const quote = (packages: [string, number | "", number | ""][], more: Record<string, string | number> = {}) => {
    const inputs: Record<string, string | number> = { ...INPUTS, [IN.psPackage]: "", [IN.kickoff]: "" };
    packages.forEach(([name, kickoff, fee], i) => {
      inputs[pkg(i).package] = name;
      inputs[pkg(i).kickoff] = kickoff;
      inputs[pkg(i).fee] = fee;
    });
    return evaluate(layout, { inputs: { ...inputs, ...more } });
  };

  test("Implementation - Standard + Data Migration - Medium: both priced, both allowed", () => {
    // The Order's fees (the terms state none): $12,000 and $6,500. Total: 2,161 (the hand-worked
    // lines) + 12,000 + 6,500 = $20,661. Both kick off within 30 days of 1 Jan: by 31 Jan. Held on
    // 20 Jan: the Implementation ends 12 weeks (84 days) later, 14 Apr; the migration 8 weeks
    // (56 days) later, 17 Mar. Configuration hours: 16 (the migration states none); training 2 + 2.
    const s = quote([
      ["Implementation - Standard", JAN20, 12000],
      ["Data Migration - Medium", JAN20, 6500],
    ]);
    expect(s.get(`D${QUOTE_PS_LINE_ROWS[0]}`)).toBe(12000);
    expect(s.get(`D${QUOTE_PS_LINE_ROWS[1]}`)).toBe(6500);
    expect(s.get(`A${QUOTE_PS_LINE_ROWS[1]}`)).toBe("Data Migration - Medium");
    expect(s.get(OUT.total)).toBe(20661);
    expect([s.get(pkg(0).kickoffBy), s.get(pkg(1).kickoffBy)]).toEqual([JAN31, JAN31]);
    expect([s.get(ENDS[0]), s.get(ENDS[1])]).toEqual([APR14, MAR17]);
    expect([s.get(pkg(0).check), s.get(pkg(1).check)]).toEqual([ALLOWED, ALLOWED]);
    expect(s.get(OUT.configurationHours)).toBe(16);
    expect(s.get(OUT.trainingHours)).toBe(4);
    expect(s.get(OUT.sessions)).toBe("none");
    expect(s.fills(pkg(1).check)).toEqual([]);
    // Managed Services Standard beside the Implementation a new client buys: allowed.
    expect(s.get(OUT.managedCheck)).toBe(ALLOWED);
  });

  test("a Data Migration alone is flagged with the sentence it breaks, still priced, shown in red", () => {
    const s = quote([["Data Migration - Medium", JAN20, 6500]]);
    expect(s.get(pkg(0).check)).toBe(QUOTE_FLAGS.migrationAlone);
    expect(QUOTE_FLAGS.migrationAlone).toContain(ALONGSIDE);
    expect(s.fills(pkg(0).check)).toEqual(["#FFC7CE"]);
    expect(s.fills(`D${QUOTE_PS_LINE_ROWS[0]}`)).toEqual(["#FFC7CE"]);
    expect(s.get(`E${QUOTE_PS_LINE_ROWS[0]}`)).toBe(
      "The Order's fee; the package is flagged above: Not allowed: a Data Migration needs an Implementation (Basic or Standard) in the same quote.",
    );
    // 2,161 + 6,500: the fee is on the quote, in red, not silently left out.
    expect(s.get(OUT.total)).toBe(8661);
    // An AI Implementation is not "a Kustomer Implementation": still flagged.
    expect(
      quote([
        ["Data Migration - Zendesk", "", ""],
        ["Implementation - AI Basic", "", ""],
      ]).get(pkg(0).check),
    ).toBe(QUOTE_FLAGS.migrationAlone);
    expect(
      quote([
        ["Data Migration - Small", "", ""],
        ["Implementation - Basic", "", ""],
      ]).get(pkg(0).check),
    ).toBe(ALLOWED);
  });

  test("packages for new clients on an existing client, and the reverse", () => {
    const existing = quote(
      [
        ["Implementation - Basic", "", ""],
        ["Data Migration - Large", "", ""],
        ["Onboarding Essentials", "", ""],
        ["Optimization Assessment", "", ""],
      ],
      { [IN.client]: EXISTING },
    );
    expect(existing.get(pkg(0).check)).toBe(QUOTE_FLAGS.initialExisting);
    expect(existing.get(pkg(1).check)).toBe(QUOTE_FLAGS.migrationExisting);
    expect(QUOTE_FLAGS.migrationExisting).toContain(NEW_ONLY);
    expect(existing.get(pkg(2).check)).toBe(QUOTE_FLAGS.initialExisting);
    expect(existing.get(pkg(3).check)).toBe(ALLOWED);
    const fresh = quote([["Optimization Assessment", "", ""]], { [IN.client]: NEW });
    expect(fresh.get(pkg(0).check)).toBe(QUOTE_FLAGS.assessmentNew);
    expect(QUOTE_FLAGS.assessmentNew).toContain(EXISTING_ONLY);
    // The AI Implementations are for new and existing clients alike.
    for (const client of CLIENT_CHOICES)
      expect(quote([["Implementation - AI Advanced", "", ""]], { [IN.client]: client }).get(pkg(0).check)).toBe(ALLOWED);
  });

  test("managed services: AI Managed Services without an AI Implementation, and on a new client", () => {
    const check = (packages: string[], client: string, level: string) =>
      quote(
        packages.map((p) => [p, "", ""]),
        { [IN.client]: client, [IN.managedLevel]: level },
      ).get(OUT.managedCheck);
    expect(check([], EXISTING, "AI Basic")).toBe(QUOTE_FLAGS.aiManagedAlone);
    expect(QUOTE_FLAGS.aiManagedAlone).toContain(AI_MANAGED);
    expect(check(["Implementation - AI Basic"], EXISTING, "AI Standard")).toBe(ALLOWED);
    expect(check([], AI_DONE, "AI Standard")).toBe(ALLOWED);
    expect(check([], EXISTING, "Essential")).toBe(ALLOWED);
    // A new client: only beside the initial Implementation it buys.
    expect(check([], NEW, "Basic")).toBe(QUOTE_FLAGS.managedNew);
    expect(check(["Implementation - AI Basic"], NEW, "AI Basic")).toBe(QUOTE_FLAGS.aiManagedNew);
    expect(check(["Implementation - Standard"], NEW, "AI Basic")).toBe(QUOTE_FLAGS.aiManagedAlone);
    expect(check(["Implementation - Standard", "Implementation - AI Basic"], NEW, "AI Basic")).toBe(ALLOWED);
    expect(check(["Implementation - Standard"], NEW, "")).toBe("");
  });

  test("each kick-off deadline counts from its own start", () => {
    // Optimization Assessment, service start 1 Mar: by 1 Mar + 30 = 31 Mar. AI Basic: 90 days of
    // the AI products' start, 1 Feb: 2 May; blank, the period start 1 Jan: 1 Apr. The
    // Implementation: 30 days of the period start: 31 Jan, whatever the other starts.
    const packages: [string, "", ""][] = [
      ["Optimization Assessment", "", ""],
      ["Implementation - AI Basic", "", ""],
      ["Implementation - Standard", "", ""],
    ];
    const s = quote(packages, { [IN.client]: EXISTING, [IN.serviceStart]: MAR1, [IN.aiStart]: FEB1 });
    expect([0, 1, 2].map((i) => s.get(pkg(i).kickoffBy))).toEqual([MAR31, MAY2, JAN31]);
    const d = quote(packages, { [IN.client]: EXISTING });
    // Both starts blank: the period start, 1 Jan: 31 Jan, 1 Apr, 31 Jan.
    expect([0, 1, 2].map((i) => d.get(pkg(i).kickoffBy))).toEqual([JAN31, APR1, JAN31]);
  });

  test("a kick-off after its deadline is flagged with the schedule's sentence", () => {
    // Held 3 Feb, due by 31 Jan.
    const s = quote([["Implementation - Standard", FEB3, ""]]);
    expect(s.get(pkg(0).check)).toBe(QUOTE_FLAGS.lateKickoff);
    expect(QUOTE_FLAGS.lateKickoff).toContain(THIRTY_DAYS);
    // On the deadline day itself: allowed.
    expect(quote([["Implementation - Standard", JAN31, ""]]).get(pkg(0).check)).toBe(ALLOWED);
    // The AI products started 1 Feb: 3 Feb is well within 90 days.
    expect(quote([["Implementation - AI Basic", FEB3, ""]], { [IN.aiStart]: FEB1 }).get(pkg(0).check)).toBe(ALLOWED);
  });

  test("with a Go-Live date, the two weeks of checkpoint calls", () => {
    // Go-Live 14 Apr: week 1 is 15 to 21 Apr, week 2 is 22 to 28 Apr.
    const s = quote([["Implementation - Standard", JAN20, ""]], { [IN.goLive]: APR14 });
    expect([OUT.checkpointWeek1From, OUT.checkpointWeek1To, OUT.checkpointWeek2From, OUT.checkpointWeek2To].map((a) => s.get(a))).toEqual([
      45762, 45768, 45769, 45775,
    ]);
    // No Go-Live, or no Implementation: nothing shown.
    expect(quote([["Implementation - Standard", JAN20, ""]]).get(OUT.checkpointWeek1From)).toBe("");
    expect(quote([["Implementation - AI Basic", "", ""]], { [IN.goLive]: APR14 }).get(OUT.checkpointWeek1From)).toBe("");
  });

  test("inclusions are summed over the packages", () => {
    // Basic 8 + Standard 16 = 24 configuration hours; training 1 (admin) + 2 + 2 = 5 hours.
    // Onboarding Essentials: 6 one-hour sessions.
    const s = quote([
      ["Implementation - Basic", "", ""],
      ["Implementation - Standard", "", ""],
      ["Onboarding Essentials", "", ""],
    ]);
    expect([s.get(OUT.configurationHours), s.get(OUT.trainingHours), s.get(OUT.sessions)]).toEqual([24, 5, 6]);
  });

  test("a package the terms do not name: its deadline shows the error, the check says it is not checked", () => {
    const s = quote([["Implementation - Gold", JAN20, 100]]);
    expect(s.get(pkg(0).kickoffBy)).toEqual(expect.objectContaining({ error: expect.any(String) }));
    expect(s.get(pkg(0).check)).toBe(UNCHECKED);
    expect(s.fills(pkg(0).check)).toEqual(["#FFC7CE"]);
  });

  test("a fee typed without a package is still on the quote, and said so", () => {
    const s = quote([["", "", 250]]);
    expect(s.get(`D${QUOTE_PS_LINE_ROWS[0]}`)).toBe(250);
    expect(s.get(`E${QUOTE_PS_LINE_ROWS[0]}`)).toBe("A fee without a package.");
    expect(s.get(OUT.total)).toBe(2411); // 2,161 + 250
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

  test("every formula works in Excel 2021: none of the functions it lacks, no text over 255 characters", () => {
    const l = quoteLayout({ tables: ["Kustomer_PsPackages", "Kustomer_StorageAllocation", "Kustomer_ManagedServicesHours"], names: [] });
    const newer =
      /\b(VSTACK|HSTACK|CHOOSECOLS|CHOOSEROWS|TAKE|DROP|TOCOL|TOROW|WRAPROWS|WRAPCOLS|EXPAND|TEXTSPLIT|TEXTBEFORE|TEXTAFTER|LAMBDA|MAP|REDUCE|SCAN|BYROW|BYCOL|MAKEARRAY|REGEX\w*|GROUPBY|PIVOTBY|IMAGE)\(/;
    for (const c of formulasOf(l)) {
      const outsideText = c.formula!.replace(/"(?:[^"]|"")*"/g, '""');
      expect([c.address, newer.test(outsideText)]).toEqual([c.address, false]);
      for (const text of c.formula!.match(/"(?:[^"]|"")*"/g) ?? []) expect([c.address, text.length - 2 <= 255]).toEqual([c.address, true]);
    }
    // The checks' long texts are cells of a hidden column, which the check formulas read.
    expect(l.hiddenColumns).toEqual(["H", "I"]);
    expect(l.cells.filter((c) => c.address.startsWith("I") && c.value !== undefined).map((c) => c.value)).toEqual([
      "The terms' checks (read by column E)",
      ...Object.values(QUOTE_FLAGS),
    ]);
    expect(l.validations.find((v) => v.address === IN.client)).toEqual(expect.objectContaining({ kind: "list", list: CLIENT_CHOICES }));
    expect(l.cells.find((c) => c.address === IN.client)?.value).toBe("New client");
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
    expect(f(OUT.dataAllowance)).toBe(`=IF($B$9="","",KUSTOMER.STORAGEALLOWANCE($B$9,"data",$B$19,$B$20,$B$21))`);
    // The first package (A31) counts its kick-off from the AI products' start (B13, else the period
    // start B11) for an AI Implementation, from the service start (B14, else B11) for the
    // Optimization Assessment, and from the period start otherwise.
    expect(f(OUT.kickoffDeadline)).toBe(
      `=IF(OR($A$31="",$B$11=""),"",KUSTOMER.PSKICKOFFDEADLINE($A$31,IF(OR($A$31="Implementation - AI Basic",$A$31="Implementation - AI Advanced"),IF($B$13="",$B$11,$B$13),IF($A$31="Optimization Assessment",IF($B$14="",$B$11,$B$14),$B$11))))`,
    );
    expect(f(`D${ROW.dataOverage}`)).toBe(`=IF(N($B$22)=0,0,KUSTOMER.STORAGEOVERAGE($B$22,$B$${ROW.total + 3},"data"))`);
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
      `=IF($B$9="","",KUSTOMER.STORAGEALLOWANCE($B$9,"data",$B$19,$B$20,$B$21,Kustomer_StorageAllocation[#All]))`,
    );
    // Only beside copies of the PS card: the first of them.
    expect(f(OUT.kickoffDeadline)).toMatch(
      /^=IF\(OR\(\$A\$31="",\$B\$11=""\),"",KUSTOMER\.PSKICKOFFDEADLINE\(\$A\$31,.*,Kustomer_PsPackages_2\[#All\]\)\)$/,
    );
    expect(f(OUT.servicesEnd)).toBe(`=IF(OR($A$31="",$B$31=""),"",KUSTOMER.PSEXPIRY($A$31,$B$31,Kustomer_PsPackages_2[#All]))`);
    // Summed over the four package rows (A31:A34), each read from the Order's table.
    for (const a of ["$A$31", "$A$32", "$A$33", "$A$34"])
      expect(f(OUT.sessions)).toContain(`KUSTOMER.PSINCLUSION(${a},"sessions",Kustomer_PsPackages_2[#All])`);
    expect(f(OUT.managedHours)).toBe(
      `=IF($B$27="","",KUSTOMER.MANAGEDHOURS(IF(LEFT($B$27,3)="AI ",MID($B$27,4,40),$B$27),IF(LEFT($B$27,3)="AI ","AI Managed Services","Managed Services"),Kustomer_ManagedServicesHours[#All]))`,
    );
    expect(f(`D${ROW.dataOverage}`)).toBe(
      `=IF(N($B$22)=0,0,KUSTOMER.STORAGEOVERAGE($B$22,$B$${ROW.total + 3},"data",Kustomer_DataPricePerGB))`,
    );
    expect(f(`C${ROW.dataOverage}`)).toBe("=Kustomer_DataPricePerGB");
    expect(f(`D${ROW.translation}`)).toBe(`=IF(N($B$24)=0,0,KUSTOMER.TRANSLATIONFEE($B$24,Kustomer_PricePerTranslatedWord))`);
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
