/**
 * The sheet writer (src/taskpane/writer/sheet.ts) against the fake Excel API: two round trips
 * per sheet, never clobbering, the rate cards loaded by the pane's own loader passed as `rates`,
 * and a failure at any command leaving the workbook as it was.
 */
import { RATE_CARDS } from "../../../src/rules/rates";
import { captionFor } from "../../../src/taskpane/format";
import { loadCards } from "../../../src/taskpane/writer/cards";
import { writeSheet, type SheetKind } from "../../../src/taskpane/writer/sheet";
import { invoiceLayout, INVOICE_HEADER_ROW, INVOICE_BODY_ROWS } from "../../../src/sheets/invoice-layout";
import { NOTHING_LOADED } from "../../../src/sheets/layout";
import { QUOTE_INPUT_CELLS, QUOTE_RESULT_CELLS, quoteLayout } from "../../../src/sheets/quote-layout";
import { createFakeExcel, type FakeExcel, type FakeSheet } from "../../helpers/fake-excel";

const cellOf = (s: FakeSheet, a: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(a)!;
  let c = 0;
  for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
  return s.cells.get(`${Number(m[2]) - 1},${c - 1}`);
};
const sheetOf = (fake: FakeExcel, name: string) => {
  const s = fake.workbook.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};

describe("writing the Quote", () => {
  test("one Excel.run, two round trips; every cell, format, validation and the print area", async () => {
    const fake = createFakeExcel();
    const progress: string[] = [];
    const report = await writeSheet("quote", { run: fake.Excel.run, onProgress: (m) => progress.push(m) });
    expect(report).toEqual({ sheet: "Quote", table: undefined, syncs: 2, loaded: NOTHING_LOADED });
    expect([fake.stats.runs, fake.stats.syncs]).toEqual([1, 2]);
    expect(progress).toEqual(["Reading the workbook…", "Writing the sheet “Quote”…"]);
    const s = sheetOf(fake, "Quote");
    const layout = quoteLayout(NOTHING_LOADED);
    for (const c of layout.cells) {
      const cell = cellOf(s, c.address);
      if (c.formula) expect([c.address, cell?.formula]).toEqual([c.address, c.formula]);
      else if (c.value !== undefined) expect([c.address, cell?.value]).toEqual([c.address, c.value]);
      if (c.numberFormat) expect([c.address, cell?.numberFormat]).toEqual([c.address, c.numberFormat]);
    }
    expect(cellOf(s, QUOTE_INPUT_CELLS.customer)?.fill).toBe("#FFF2CC");
    expect(cellOf(s, QUOTE_INPUT_CELLS.plan)?.validation?.rule).toEqual({
      list: { inCellDropDown: true, source: "Professional (legacy),Business (legacy),Enterprise,Ultimate" },
    });
    expect(cellOf(s, QUOTE_INPUT_CELLS.psPackage)?.validation?.rule).toEqual({ list: { inCellDropDown: true, source: "=$H$8:$H$18" } });
    expect(s.printArea).toBe(layout.printArea);
    expect(fake.workbook.active?.name).toBe("Quote");
    expect(s.selected).toBe(QUOTE_INPUT_CELLS.customer);
  });

  test("never clobbers: Quote (2), Quote (3)", async () => {
    const fake = createFakeExcel();
    fake.addSheet("Quote", [["mine"]]);
    expect((await writeSheet("quote", { run: fake.Excel.run })).sheet).toBe("Quote (2)");
    expect((await writeSheet("quote", { run: fake.Excel.run })).sheet).toBe("Quote (3)");
    expect(cellOf(sheetOf(fake, "Quote"), "A1")?.value).toBe("mine");
  });

  test("rate cards loaded by the pane: the formulas pass their tables and names", async () => {
    const fake = createFakeExcel();
    await loadCards(
      RATE_CARDS.map((t) => ({ table: t, ...captionFor(t) })),
      { run: fake.Excel.run, today: "2026-11-23" },
    );
    const report = await writeSheet("quote", { run: fake.Excel.run });
    expect(report.loaded.names).toEqual(
      expect.arrayContaining(["Kustomer_DataPricePerGB", "Kustomer_AttachmentPricePerGB", "Kustomer_PricePerTranslatedWord"]),
    );
    const s = sheetOf(fake, "Quote");
    expect(cellOf(s, QUOTE_RESULT_CELLS.dataAllowance)?.formula).toBe(
      '=IF($B$9="","",KUSTOMER.STORAGEALLOWANCE($B$9,"data",$B$19,$B$20,$B$21,Kustomer_StorageAllocation[#All]))',
    );
    expect(cellOf(s, QUOTE_RESULT_CELLS.managedHours)?.formula).toContain(",Kustomer_ManagedServicesHours[#All]))");
    expect(cellOf(s, QUOTE_RESULT_CELLS.servicesEnd)?.formula).toContain("KUSTOMER.PSEXPIRY($A$31,$B$31,Kustomer_PsPackages[#All])");
  });
});

describe("writing the Invoice check", () => {
  test("two round trips; the table, its calculated columns filled in every body row, the conditional formats", async () => {
    const fake = createFakeExcel();
    const report = await writeSheet("invoice", { run: fake.Excel.run });
    expect([report.sheet, report.table, report.syncs]).toEqual(["Invoice check", "InvoiceCheck", 2]);
    const layout = invoiceLayout(NOTHING_LOADED);
    const t = fake.workbook.tables.find((x) => x.name === "InvoiceCheck")!;
    expect(t.sheet.name).toBe("Invoice check");
    // 23 columns, A to W (index 22): 17 inputs, Billed, then the 5 calculated columns.
    expect([t.r0 + 1, t.r1 + 1, t.c1]).toEqual([INVOICE_HEADER_ROW, INVOICE_HEADER_ROW + INVOICE_BODY_ROWS, 22]);
    const s = sheetOf(fake, "Invoice check");
    for (let r = INVOICE_HEADER_ROW + 1; r <= INVOICE_HEADER_ROW + INVOICE_BODY_ROWS; r++) {
      expect(cellOf(s, `S${r}`)?.formula).toBe(layout.tables[0].calculated.Expected);
      expect(cellOf(s, `U${r}`)?.formula).toBe(layout.tables[0].calculated.Status);
      expect(cellOf(s, `V${r}`)?.formula).toBe(layout.tables[0].calculated["Allowance by terms GB"]);
      expect(cellOf(s, `W${r}`)?.formula).toBe(layout.tables[0].calculated["Credit in conversations"]);
      expect(cellOf(s, `A${r}`)?.validation?.rule).toEqual({
        list: { inCellDropDown: true, source: layout.validations[0].kind === "list" ? layout.validations[0].list.join(",") : "" },
      });
    }
    expect(s.conditionalFormats?.map((c) => [c.address, c.formula, c.fill])).toEqual(
      layout.conditionalFormats.map((c) => [c.address, c.formula, c.fill]),
    );
  });

  test("a second check: sheet Invoice check (2), table InvoiceCheck_2", async () => {
    const fake = createFakeExcel();
    await writeSheet("invoice", { run: fake.Excel.run });
    const r = await writeSheet("invoice", { run: fake.Excel.run });
    expect([r.sheet, r.table]).toEqual(["Invoice check (2)", "InvoiceCheck_2"]);
    expect(cellOf(sheetOf(fake, "Invoice check (2)"), "B8")?.formula).toBe("=COUNTA(InvoiceCheck_2[Line type])");
  });
});

test("the fake refuses, as Excel does, a formula naming a table that does not exist (so tables are written first)", async () => {
  const fake = createFakeExcel();
  fake.addSheet("S");
  const write = (f: string) =>
    fake.Excel.run(async (ctx: any) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1").formulas = [[f]];
      await ctx.sync();
    });
  await expect(write("=SUM(Nope[Billed])")).rejects.toThrow(/names no table Nope/);
  await expect(write('=IF(A2="Nope[x]",1,2)')).resolves.toBeUndefined();
});

describe("a failure at any command leaves no half-written sheet", () => {
  const workbookWithData = () => {
    const fake = createFakeExcel();
    fake.addSheet("Quote", [["my own quote"]]);
    fake.addSheet("Data", [["Header"], [1]]);
    fake.addTable("Data", "InvoiceCheck", "A1:A2");
    fake.workbook.active = fake.workbook.sheets[1]; // the user is on "Data"
    return fake;
  };
  const state = (fake: FakeExcel) =>
    JSON.stringify({
      snap: fake.snapshot(),
      cf: fake.workbook.sheets.map((s) => [s.name, s.conditionalFormats ?? [], s.printArea ?? null]),
    });

  for (const kind of ["quote", "invoice"] as SheetKind[]) {
    test(`${kind}: every command index`, async () => {
      const ok = workbookWithData();
      await writeSheet(kind, { run: ok.Excel.run });
      const total = ok.stats.commands;
      expect(total).toBeGreaterThan(100);
      for (let k = 0; k < total; k++) {
        const fake = workbookWithData();
        const before = state(fake);
        fake.failAtCommand = k;
        await expect(writeSheet(kind, { run: fake.Excel.run })).rejects.toThrow(`injected failure at command ${k} `);
        expect([k, state(fake)]).toEqual([k, before]);
      }
    });
  }
});
