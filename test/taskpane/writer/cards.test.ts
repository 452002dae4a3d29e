/**
 * The task pane's Excel writer against the in-memory fake of the Excel API (test/helpers/
 * fake-excel.ts), which queues commands until sync, throws on reads that were not loaded, and
 * counts every context.sync. Expected cells, formats and names are written out by hand from the
 * rate cards (src/rules/rates) and the layout (title row 1, caption row 2, header row 4).
 */
import { RATE_CARDS } from "../../../src/rules/rates";
import { importOrderRates } from "../../../src/tables/order-file";
import type { AnyRateTable } from "../../../src/rules/rates/documents";
import { STORAGE_PRICES } from "../../../src/rules/rates/storage";
import { SLA_CREDIT_BANDS } from "../../../src/rules/rates/sla";
import { type CardLoad, type Choice, type Conflict, loadCards } from "../../../src/taskpane/writer/cards";
import { captionFor } from "../../../src/taskpane/format";
import { createFakeExcel, type FakeExcel } from "../../helpers/fake-excel";

const TODAY = "2026-11-21";
const loadOf = (t: AnyRateTable): CardLoad => ({ table: t, ...captionFor(t) });
const ALL = RATE_CARDS.map(loadOf);

async function loadAll(
  fake: FakeExcel,
  loads: CardLoad[] = ALL,
  choose?: (c: readonly Conflict[]) => Promise<Record<string, Choice> | null>,
) {
  return loadCards(loads, { run: fake.Excel.run, today: TODAY, choose });
}

function sheet(fake: FakeExcel, name: string) {
  const s = fake.snapshot().sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

describe("loading into an empty workbook", () => {
  let fake: FakeExcel;
  beforeEach(() => {
    fake = createFakeExcel();
  });

  test("all 10 cards in one Excel.run and 2 context.sync round trips (one read, one write)", async () => {
    const report = await loadAll(fake);
    expect(fake.stats.runs).toBe(1);
    expect(fake.stats.syncs).toBe(2);
    expect(report.syncs).toBe(2);
    expect(report.outcomes.map((o) => [o.id, o.status, o.sheet])).toEqual([
      ["Kustomer_StorageRecordSizes", "created", "Storage Record Sizes"],
      ["Kustomer_StorageAllocation", "created", "Storage Allocation"],
      ["Kustomer_StoragePrices", "created", "Storage Prices"],
      ["Kustomer_TranslationPrice", "created", "Translation Price"],
      ["Kustomer_SlaCreditBands", "created", "SLA Credit Bands"],
      ["Kustomer_SlaResponseTimes", "created", "SLA Response Times"],
      ["Kustomer_PsPackages", "created", "PS Packages"],
      ["Kustomer_ManagedServicesHours", "created", "Managed Services Hours"],
      ["Kustomer_DataMigrationSizes", "created", "Data Migration Sizes"],
      ["Kustomer_PsLimits", "created", "PS Limits"],
    ]);
    const snap = fake.snapshot();
    expect(snap.sheets.map((s) => s.name)).toEqual(report.outcomes.map((o) => o.sheet));
    // Each card is a table named by its stable id, on its own sheet, from A4.
    expect(snap.tables.map((t) => [t.name, t.sheet, t.address])).toEqual([
      ["Kustomer_StorageRecordSizes", "Storage Record Sizes", "A4:B13"], // 9 record types
      ["Kustomer_StorageAllocation", "Storage Allocation", "A4:G8"], // 4 plans, 7 columns
      ["Kustomer_StoragePrices", "Storage Prices", "A4:B6"],
      ["Kustomer_TranslationPrice", "Translation Price", "A4:C5"],
      ["Kustomer_SlaCreditBands", "SLA Credit Bands", "A4:D8"],
      ["Kustomer_SlaResponseTimes", "SLA Response Times", "A4:D7"],
      ["Kustomer_PsPackages", "PS Packages", "A4:P15"], // 11 packages, 16 columns (A to P)
      ["Kustomer_ManagedServicesHours", "Managed Services Hours", "A4:C9"],
      ["Kustomer_DataMigrationSizes", "Data Migration Sizes", "A4:D7"],
      ["Kustomer_PsLimits", "PS Limits", "A4:D8"], // 4 limits, 4 columns
    ]);
    for (const t of snap.tables) expect(t.style).toBe("TableStyleMedium2");
    expect(snap.active).toBe("Storage Record Sizes");
  });

  test("storage prices: title, caption with the source document, header, rates, formats, widths, names", async () => {
    await loadAll(fake, [loadOf(STORAGE_PRICES)]);
    const s = sheet(fake, "Storage Prices");
    expect(s.values).toEqual({
      A1: "Additional storage prices",
      // docs/terms.md: document 002 has no "last updated" date.
      A2: 'Source: Billing help pages: FAQ, seasonal seats, storage limits and pricing, subscription (undated), section "Purchase additional data and attachment storage".',
      A4: "Storage",
      B4: "Price per GB (USD)",
      A5: "Data storage",
      B5: 50, // $50 per GB of data
      A6: "Attachment storage",
      B6: 1, // $1 per GB of attachments
    });
    expect(s.formats).toEqual({ A4: "@", B4: "@", A5: "@", B5: "$#,##0.00", A6: "@", B6: "$#,##0.00" });
    expect(s.bold).toEqual(["A1", "A4", "B4"]);
    expect(s.italic).toEqual(["A2"]);
    // Widest text in A is "Attachment storage" (18) and in B the header (18): 20 characters with
    // padding, 20 x 5.25 + 7.5 = 112.5 -> 113 points.
    expect(s.columnWidths).toEqual({ A: 113, B: 113 });
    expect(s.frozenRows).toBe(4);
    expect(fake.snapshot().names).toEqual([
      { name: "Kustomer_DataPricePerGB", formula: "='Storage Prices'!$B$5", comment: "Price of one additional GB of data storage (USD)" },
      {
        name: "Kustomer_AttachmentPricePerGB",
        formula: "='Storage Prices'!$B$6",
        comment: "Price of one additional GB of attachment storage (USD)",
      },
    ]);
  });

  test("every column format becomes its Excel number format; n/a stays text", async () => {
    await loadAll(fake);
    const f = (name: string, cell: string) => sheet(fake, name).formats[cell];
    expect(f("Storage Record Sizes", "B5")).toBe('General" KB"');
    expect(f("Storage Allocation", "B5")).toBe('General" GB"');
    expect(f("Storage Prices", "B5")).toBe("$#,##0.00");
    expect(f("Translation Price", "B5")).toBe("#,##0"); // characters per word: a count
    expect(f("Translation Price", "C5")).toBe("$#,##0.0000"); // $0.0005 shows 4 decimals
    expect(f("SLA Credit Bands", "D5")).toBe("0.0##%");
    expect(f("PS Packages", "B5")).toBe('#,##0" days"');
    expect(f("Managed Services Hours", "C5")).toBe('General" hours"');
    expect(f("Data Migration Sizes", "D5")).toBe('#,##0" weeks"');
    // Professional (legacy): per-1k-conversation allocation is n/a in the document.
    expect(sheet(fake, "Storage Allocation").values.F5).toBe("n/a");
    // 125 MB per user = 0.125 GB; translated word $0.0005; credit cap 50% = 0.5.
    expect(sheet(fake, "Storage Allocation").values.D5).toBe(0.125);
    expect(sheet(fake, "Translation Price").values.C5).toBe(0.0005);
    expect(sheet(fake, "SLA Credit Bands").values.D8).toBe(0.5);
    const names = Object.fromEntries(fake.snapshot().names.map((n) => [n.name, n.formula]));
    expect(names).toEqual({
      Kustomer_DataPricePerGB: "='Storage Prices'!$B$5",
      Kustomer_AttachmentPricePerGB: "='Storage Prices'!$B$6",
      Kustomer_PricePerTranslatedWord: "='Translation Price'!$C$5",
      Kustomer_SlaCreditCap: "='SLA Credit Bands'!$D$8",
    });
    for (const s of fake.snapshot().sheets) {
      const tableCols = fake.snapshot().tables.find((t) => t.sheet === s.name)?.values[0].length;
      expect(Object.keys(s.columnWidths).length).toBe(tableCols);
    }
  });

  test("loading the same cards twice changes nothing: one read, no write, all up to date", async () => {
    await loadAll(fake);
    const before = fake.snapshot();
    const report = await loadAll(fake);
    expect(report.syncs).toBe(1);
    expect(fake.stats.syncs).toBe(3);
    expect(report.outcomes.every((o) => o.status === "up-to-date")).toBe(true);
    expect(fake.snapshot()).toEqual(before);
  });

  test("duplicate cards in one load are refused before anything is read", async () => {
    await expect(loadAll(fake, [loadOf(STORAGE_PRICES), loadOf(STORAGE_PRICES)])).rejects.toThrow("Each card can be loaded once per load.");
    expect(fake.stats.syncs).toBe(0);
  });
});

describe("never clobbering what is in the workbook", () => {
  let fake: FakeExcel;
  /** The storage-prices table after the user typed $45 over the $50 data price. */
  async function edited(): Promise<void> {
    fake = createFakeExcel();
    await loadAll(fake);
    fake.workbook.sheets.find((s) => s.name === "Storage Prices")!.cells.get("4,1")!.value = 45; // B5
  }
  const recorder = (choice: Choice | null) => {
    const seen: Conflict[][] = [];
    const choose = async (c: readonly Conflict[]) => {
      seen.push([...c]);
      return choice === null ? null : Object.fromEntries(c.map((x) => [x.id, choice]));
    };
    return { seen, choose };
  };

  test("values differ: the user is asked once, with only the card that differs", async () => {
    await edited();
    const { seen, choose } = recorder("keep");
    await loadAll(fake, ALL, choose);
    expect(seen).toEqual([
      [
        {
          id: "Kustomer_StoragePrices",
          title: "Additional storage prices",
          sheet: "Storage Prices",
          reason: "values",
          message: 'The table Kustomer_StoragePrices on sheet "Storage Prices" holds values that differ from these rates.',
        },
      ],
    ]);
  });

  test("replace: the card's own sheet and table take the new rates in place; a dated copy of the old sheet is the backup", async () => {
    await edited();
    const { choose } = recorder("replace");
    const report = await loadAll(fake, ALL, choose);
    expect(report.syncs).toBe(2);
    const replaced = report.outcomes.find((o) => o.id === "Kustomer_StoragePrices");
    // "Storage Prices (backup 2026-11-21)" is 34 characters; Excel allows 31, so the base is cut.
    expect(replaced).toEqual({
      id: "Kustomer_StoragePrices",
      title: "Additional storage prices",
      status: "replaced",
      sheet: "Storage Prices",
      backup: "Storage Pr… (backup 2026-11-21)",
      names: ["Kustomer_DataPricePerGB", "Kustomer_AttachmentPricePerGB"],
    });
    // The other 9 of the 10 cards were loaded unchanged before: up to date.
    expect(report.outcomes.filter((o) => o.status === "up-to-date").length).toBe(9);
    const names = fake.snapshot().sheets.map((s) => s.name);
    // The card's sheet keeps its place (the third sheet); the backup copy sits right after it.
    expect(names.slice(2, 4)).toEqual(["Storage Prices", "Storage Pr… (backup 2026-11-21)"]);
    expect(names.length).toBe(11);
    expect(sheet(fake, "Storage Pr… (backup 2026-11-21)").values.B5).toBe(45);
    expect(sheet(fake, "Storage Prices").values.B5).toBe(50);
    const tables = fake.snapshot().tables;
    expect(tables.find((t) => t.name === "Kustomer_StoragePrices")).toMatchObject({ sheet: "Storage Prices", address: "A4:B6" });
    // The copy of the user's table on the backup sheet has a backup name; the card's table keeps its own.
    expect(tables.filter((t) => t.sheet === "Storage Pr… (backup 2026-11-21)").map((t) => t.name)).toEqual([
      "Kustomer_StoragePrices_backup",
    ]);
    expect(fake.snapshot().names.find((n) => n.name === "Kustomer_DataPricePerGB")?.formula).toBe("='Storage Prices'!$B$5");
  });

  test("a second replace on the same day numbers the backup", async () => {
    await edited();
    await loadAll(fake, [loadOf(STORAGE_PRICES)], recorder("replace").choose);
    fake.workbook.sheets.find((s) => s.name === "Storage Prices")!.cells.get("4,1")!.value = 40;
    const report = await loadAll(fake, [loadOf(STORAGE_PRICES)], recorder("replace").choose);
    expect(report.outcomes[0].backup).toBe("Storage… (backup 2026-11-21 2)");
    expect(sheet(fake, "Storage… (backup 2026-11-21 2)").values.B5).toBe(40);
  });

  test("keep: nothing is written", async () => {
    await edited();
    const before = fake.snapshot();
    const report = await loadAll(fake, ALL, recorder("keep").choose);
    expect(report.syncs).toBe(1);
    expect(report.outcomes.find((o) => o.id === "Kustomer_StoragePrices")?.status).toBe("kept");
    expect(fake.snapshot()).toEqual(before);
  });

  test("beside: a new sheet with a suffix and a table with a suffix; the user's sheet and the names stay", async () => {
    await edited();
    const before = fake.snapshot();
    const report = await loadAll(fake, [loadOf(STORAGE_PRICES)], recorder("beside").choose);
    expect(report.outcomes).toEqual([
      {
        id: "Kustomer_StoragePrices",
        title: "Additional storage prices",
        status: "beside",
        sheet: "Storage Prices (2)",
        table: "Kustomer_StoragePrices_2",
      },
    ]);
    const snap = fake.snapshot();
    expect(snap.tables.find((t) => t.name === "Kustomer_StoragePrices_2")).toMatchObject({ sheet: "Storage Prices (2)", address: "A4:B6" });
    expect(sheet(fake, "Storage Prices (2)").values.B5).toBe(50);
    expect(sheet(fake, "Storage Prices")).toEqual(before.sheets.find((s) => s.name === "Storage Prices"));
    expect(snap.names).toEqual(before.names);
  });

  test("cancel: nothing is written, not even the cards without a conflict", async () => {
    await edited();
    fake.workbook.sheets.splice(0, 1); // the record-sizes sheet is gone...
    fake.workbook.tables.splice(0, 1); // ...with its table
    const before = fake.snapshot();
    const report = await loadAll(fake, ALL, recorder(null).choose);
    expect(report.syncs).toBe(1);
    expect(report.outcomes.every((o) => o.status === "cancelled")).toBe(true);
    expect(fake.snapshot()).toEqual(before);
  });

  test("a sheet of the card's name that holds the user's own work is a conflict; replace backs it up", async () => {
    fake = createFakeExcel();
    fake.addSheet("Storage Prices", [["my notes"], ["keep these"]]);
    const { seen, choose } = recorder("replace");
    const report = await loadAll(fake, [loadOf(STORAGE_PRICES)], choose);
    expect(seen[0].map((c) => [c.reason, c.message])).toEqual([
      ["sheet", 'A sheet named "Storage Prices" exists and holds no table Kustomer_StoragePrices.'],
    ]);
    expect(report.outcomes[0]).toMatchObject({ status: "replaced", backup: "Storage Pr… (backup 2026-11-21)" });
    expect(sheet(fake, "Storage Pr… (backup 2026-11-21)").values).toEqual({ A1: "my notes", A2: "keep these" });
    expect(sheet(fake, "Storage Prices").values.A1).toBe("Additional storage prices");
    expect(fake.snapshot().tables.map((t) => t.name)).toEqual(["Kustomer_StoragePrices"]);
  });

  test("a workbook name the user pointed elsewhere is a conflict; replace re-points it, keep leaves it", async () => {
    fake = createFakeExcel();
    fake.addSheet("Inputs", [[1], [2], [48]]);
    fake.addName("Kustomer_DataPricePerGB", "=Inputs!$A$3");
    const keep = recorder("keep");
    const kept = await loadAll(fake, [loadOf(STORAGE_PRICES)], keep.choose);
    expect(keep.seen[0].map((c) => [c.reason, c.message])).toEqual([
      ["names", "The workbook name Kustomer_DataPricePerGB points at =Inputs!$A$3; loading the card would re-point it."],
    ]);
    expect(kept.outcomes[0].status).toBe("kept");
    expect(fake.snapshot().sheets.map((s) => s.name)).toEqual(["Inputs"]);

    const replaced = await loadAll(fake, [loadOf(STORAGE_PRICES)], recorder("replace").choose);
    expect(replaced.outcomes[0]).toMatchObject({ status: "replaced", sheet: "Storage Prices" });
    expect(Object.fromEntries(fake.snapshot().names.map((n) => [n.name, n.formula]))).toEqual({
      Kustomer_DataPricePerGB: "='Storage Prices'!$B$5",
      Kustomer_AttachmentPricePerGB: "='Storage Prices'!$B$6",
    });
  });

  test("a missing name next to an up-to-date table is added without asking", async () => {
    fake = createFakeExcel();
    await loadAll(fake, [loadOf(STORAGE_PRICES)]);
    fake.workbook.names.splice(0, 1); // the user deleted Kustomer_DataPricePerGB
    const asked = recorder("keep");
    const report = await loadAll(fake, [loadOf(STORAGE_PRICES)], asked.choose);
    expect(asked.seen).toEqual([]);
    expect(report.syncs).toBe(2);
    expect(report.outcomes[0]).toMatchObject({ status: "names-added", sheet: "Storage Prices", names: ["Kustomer_DataPricePerGB"] });
    expect(fake.snapshot().names.map((n) => [n.name, n.formula])).toEqual([
      ["Kustomer_AttachmentPricePerGB", "='Storage Prices'!$B$6"],
      ["Kustomer_DataPricePerGB", "='Storage Prices'!$B$5"],
    ]);
  });

  test("a table the user moved: equal values are up to date, and missing names point at where it is", async () => {
    fake = createFakeExcel();
    fake.addSheet(
      "My rates",
      [
        ["Storage", "Price per GB (USD)"],
        ["Data storage", 50],
        ["Attachment storage", 1],
      ],
      "C10",
    );
    fake.addTable("My rates", "Kustomer_StoragePrices", "C10:D12");
    const report = await loadAll(fake, [loadOf(STORAGE_PRICES)]);
    expect(report.outcomes[0]).toMatchObject({ status: "names-added", sheet: "My rates" });
    // Header in row 10, column C: the prices are D11 (data) and D12 (attachments).
    expect(fake.snapshot().names.map((n) => [n.name, n.formula])).toEqual([
      ["Kustomer_DataPricePerGB", "='My rates'!$D$11"],
      ["Kustomer_AttachmentPricePerGB", "='My rates'!$D$12"],
    ]);
    const again = await loadAll(fake, [loadOf(STORAGE_PRICES)]);
    expect(again.outcomes[0].status).toBe("up-to-date");
  });

  test("a renamed sheet still holds the card: found by its table, compared, reported under its new name", async () => {
    fake = createFakeExcel();
    await loadAll(fake, [loadOf(SLA_CREDIT_BANDS)]);
    fake.workbook.sheets[0].name = "Credits";
    const report = await loadAll(fake, [loadOf(SLA_CREDIT_BANDS)]);
    expect(report.outcomes[0]).toMatchObject({ status: "up-to-date", sheet: "Credits" });
  });

  test("mixed workbook (3 edited, 2 equal, 5 absent): still 2 round trips for all 10 cards", async () => {
    fake = createFakeExcel();
    await loadAll(fake, ALL.slice(0, 5));
    for (const name of ["Storage Record Sizes", "Storage Allocation", "Storage Prices"]) {
      fake.workbook.sheets.find((s) => s.name === name)!.cells.get("4,1")!.value = 999;
    }
    const syncsBefore = fake.stats.syncs;
    const report = await loadAll(fake, ALL, recorder("replace").choose);
    expect(fake.stats.syncs - syncsBefore).toBe(2);
    expect(report.outcomes.map((o) => o.status)).toEqual([
      "replaced",
      "replaced",
      "replaced",
      "up-to-date",
      "up-to-date",
      "created",
      "created",
      "created",
      "created",
      "created",
    ]);
    // 10 card sheets + 3 dated backups of the replaced ones.
    expect(fake.snapshot().sheets.length).toBe(10 + 3);
  });
});

describe("an Order's own rates", () => {
  test("are written to the card's table, with the caption naming the Order file and names pointing at the Order's rows", async () => {
    // The Order lists attachments first, at $0.80, and data at $40.
    const csv = "Storage,Price per GB (USD)\nAttachment storage,$0.80\nData storage,40\n";
    const result = importOrderRates(STORAGE_PRICES, "acme-order.csv", csv);
    if (!result.ok) throw new Error("expected a valid file");
    const fake = createFakeExcel();
    const report = await loadAll(fake, [
      { table: result.table, ...captionFor(STORAGE_PRICES, { fileName: "acme-order.csv", importedOn: TODAY }) },
    ]);
    expect(report.outcomes[0]).toMatchObject({ status: "created", sheet: "Storage Prices" });
    const s = sheet(fake, "Storage Prices");
    expect(s.values).toEqual({
      A1: "Additional storage prices (Order rates)",
      A2: 'Source: Order file acme-order.csv, imported 21 Nov 2026, in place of the built-in rates from Billing help pages: FAQ, seasonal seats, storage limits and pricing, subscription (undated), section "Purchase additional data and attachment storage".',
      A4: "Storage",
      B4: "Price per GB (USD)",
      A5: "Attachment storage",
      B5: 0.8,
      A6: "Data storage",
      B6: 40,
    });
    expect(Object.fromEntries(fake.snapshot().names.map((n) => [n.name, n.formula]))).toEqual({
      Kustomer_DataPricePerGB: "='Storage Prices'!$B$6",
      Kustomer_AttachmentPricePerGB: "='Storage Prices'!$B$5",
    });
  });

  test("over the built-in card they are a conflict like any other (replace keeps the built-in sheet as a backup)", async () => {
    const fake = createFakeExcel();
    await loadAll(fake, [loadOf(STORAGE_PRICES)]);
    const result = importOrderRates(
      STORAGE_PRICES,
      "acme.json",
      JSON.stringify([
        { Storage: "Data storage", "Price per GB (USD)": 40 },
        { Storage: "Attachment storage", "Price per GB (USD)": 1 },
      ]),
    );
    if (!result.ok) throw new Error("expected a valid file");
    const report = await loadCards([{ table: result.table, ...captionFor(STORAGE_PRICES, { fileName: "acme.json", importedOn: TODAY }) }], {
      run: fake.Excel.run,
      today: TODAY,
      choose: async (c) => ({ [c[0].id]: "replace" }),
    });
    expect(report.outcomes[0]).toMatchObject({ status: "replaced", backup: "Storage Pr… (backup 2026-11-21)" });
    expect(sheet(fake, "Storage Prices").values.B5).toBe(40);
    expect(sheet(fake, "Storage Pr… (backup 2026-11-21)").values.B5).toBe(50);
  });
});
