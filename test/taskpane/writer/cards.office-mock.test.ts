/**
 * The writer against office-addin-mock's OfficeMockObject: an empty workbook whose sheets,
 * ranges, tables and names are mock objects that record what the writer sets on them, and a
 * context whose sync is counted. (The in-memory fake in cards.test.ts covers existing
 * workbooks, conflicts and backups.)
 */
import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock needs only the OfficeApp enum of its office-addin-manifest, whose other
// dependencies are ES modules jest (CommonJS) cannot load: give it the enum alone.
jest.mock("../../../node_modules/office-addin-mock/node_modules/office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));
const OfficeApp = { Excel: "excel" } as const;
import { RATE_CARDS } from "../../../src/rules/rates";
import { sheetNameFor } from "../../../src/sheets/rate-card-layout";
import { STORAGE_PRICES } from "../../../src/rules/rates/storage";
import { loadCards } from "../../../src/taskpane/writer/cards";
import { captionFor } from "../../../src/taskpane/format";

/** An empty workbook as OfficeMockObjects; records sheets added, names added and syncs. */
function emptyWorkbook() {
  const sheets: Record<
    string,
    {
      mock: any;
      ranges: Record<string, any>;
      tables: { address: string; hasHeaders: boolean; mock: any }[];
      frozen: number[];
      activated: number;
    }
  > = {};
  const namesAdded: { name: string; ref: any; comment: string }[] = [];
  let syncs = 0;

  /** Where each range mock points (a mock's own properties read as "not loaded" until loaded and synced, like Office's). */
  const addressOf = new Map<any, string>();
  const rangeMock = (address: string) => {
    const r = new OfficeMockObject(
      { format: { font: {}, wrapText: false, verticalAlignment: "", columnWidth: 0 } },
      OfficeApp.Excel as any,
    );
    addressOf.set(r, address);
    return r;
  };

  const sheetMock = (name: string) => {
    const rec = {
      mock: null as any,
      ranges: {} as Record<string, any>,
      tables: [] as { address: string; hasHeaders: boolean; mock: any }[],
      frozen: [] as number[],
      activated: 0,
    };
    rec.mock = new OfficeMockObject(
      {
        name,
        getRange: (address?: string) => (rec.ranges[address ?? "(whole sheet)"] ??= rangeMock(address ?? "(whole sheet)")),
        tables: {
          add: (address: string, hasHeaders: boolean) => {
            const header = rangeMock(`${address} header`);
            const table = new OfficeMockObject({ getHeaderRowRange: () => header }, OfficeApp.Excel as any);
            rec.tables.push({ address, hasHeaders, mock: table });
            return table;
          },
        },
        freezePanes: { freezeRows: (n: number) => rec.frozen.push(n) },
        activate: () => rec.activated++,
      },
      OfficeApp.Excel as any,
    );
    sheets[name] = rec;
    return rec.mock;
  };

  /** What getItemOrNullObject gives for a table that does not exist. */
  const nullTable = () => {
    const t: any = new OfficeMockObject(
      {
        name: "",
        showTotals: false,
        getRange: () => new OfficeMockObject({ values: [], address: "" }, OfficeApp.Excel as any),
        worksheet: { name: "" },
      },
      OfficeApp.Excel as any,
    );
    t.isNullObject = true;
    return t;
  };

  const context: any = new OfficeMockObject(
    {
      workbook: {
        worksheets: {
          load(this: { items?: unknown[] }) {
            this.items = []; // an empty workbook: no sheets, tables or names
          },
          add: (name: string) => sheetMock(name),
        },
        tables: {
          load(this: { items?: unknown[] }) {
            this.items = []; // an empty workbook: no sheets, tables or names
          },
          getItemOrNullObject: () => nullTable(),
        },
        names: {
          load(this: { items?: unknown[] }) {
            this.items = []; // an empty workbook: no sheets, tables or names
          },
          add: (name: string, ref: any, comment: string) => namesAdded.push({ name, ref, comment }),
        },
      },
    },
    OfficeApp.Excel as any,
  );
  const mockSync = context.sync.bind(context);
  context.sync = async () => {
    syncs++;
    await mockSync();
  };
  const run = async <T>(batch: (c: Excel.RequestContext) => Promise<T>): Promise<T> => batch(context);
  return { run, sheets, namesAdded, addressOf, syncs: () => syncs };
}

test("storage prices into an empty workbook: what is written where", async () => {
  const wb = emptyWorkbook();
  const report = await loadCards([{ table: STORAGE_PRICES, ...captionFor(STORAGE_PRICES) }], { run: wb.run, today: "2026-11-21" });
  expect(report.outcomes).toEqual([
    {
      id: "Kustomer_StoragePrices",
      title: "Additional storage prices",
      status: "created",
      sheet: "Storage Prices",
      names: ["Kustomer_DataPricePerGB", "Kustomer_AttachmentPricePerGB"],
    },
  ]);
  expect(wb.syncs()).toBe(2);
  // Written whole on a staging sheet, which then takes the card's name.
  const s = wb.sheets["Storage Prices (loading)"];
  expect(s.mock.name).toBe("Storage Prices");
  expect(Object.keys(s.ranges)).toEqual(["A1", "A2", "A4:B6", "A:A", "B:B", "B5", "B6"]);
  expect(s.ranges.A1.values).toEqual([["Additional storage prices"]]);
  expect(s.ranges.A1.format.font.bold).toBe(true);
  expect(s.ranges.A1.format.font.size).toBe(14);
  expect(s.ranges.A2.format.font.italic).toBe(true);
  expect(s.ranges["A4:B6"].values).toEqual([
    ["Storage", "Price per GB (USD)"],
    ["Data storage", 50],
    ["Attachment storage", 1],
  ]);
  expect(s.ranges["A4:B6"].numberFormat).toEqual([
    ["@", "@"],
    ["@", "$#,##0.00"],
    ["@", "$#,##0.00"],
  ]);
  // 20 characters wide each (see cards.test.ts): 113 points.
  expect([s.ranges["A:A"].format.columnWidth, s.ranges["B:B"].format.columnWidth]).toEqual([113, 113]);
  // The table's staging name (Kustomer_StoragePrices_loading, set last) gives way to the card's.
  expect(s.tables.map((t) => [t.address, t.hasHeaders, t.mock.name, t.mock.style])).toEqual([
    ["A4:B6", true, "Kustomer_StoragePrices", "TableStyleMedium2"],
  ]);
  expect(s.tables[0].mock.getHeaderRowRange().format.font.bold).toBe(true);
  expect(s.frozen).toEqual([4]);
  expect(s.activated).toBe(1);
  expect(wb.namesAdded.map((n) => [n.name, wb.addressOf.get(n.ref), n.comment])).toEqual([
    ["Kustomer_DataPricePerGB", "B5", "Price of one additional GB of data storage (USD)"],
    ["Kustomer_AttachmentPricePerGB", "B6", "Price of one additional GB of attachment storage (USD)"],
  ]);
});

test("all 10 cards: 2 syncs, 10 sheets, one table each, 4 names", async () => {
  const wb = emptyWorkbook();
  await loadCards(
    RATE_CARDS.map((t) => ({ table: t, ...captionFor(t) })),
    { run: wb.run, today: "2026-11-21" },
  );
  expect(wb.syncs()).toBe(2);
  expect(Object.keys(wb.sheets).length).toBe(10);
  expect(Object.values(wb.sheets).map((s) => s.mock.name)).toEqual(RATE_CARDS.map((c) => sheetNameFor(c)));
  expect(Object.values(wb.sheets).map((s) => s.tables.map((t) => t.mock.name))).toEqual(RATE_CARDS.map((c) => [c.id]));
  expect(wb.namesAdded.map((n) => n.name)).toEqual([
    "Kustomer_DataPricePerGB",
    "Kustomer_AttachmentPricePerGB",
    "Kustomer_PricePerTranslatedWord",
    "Kustomer_SlaCreditCap",
  ]);
});
