/**
 * Replace keeps the card's sheet and table OBJECTS and writes the new rates into them. Formulas
 * refer to those objects: a structured reference (Kustomer_StoragePrices[#All], passed as
 * `rates`) follows its table through a rename, an A1 reference ('Storage Prices'!B5) follows its
 * sheet. The fake Excel binds references to objects the same way (addReference), so these tests
 * show that after a replace every formula that used the card reads the NEW rates, and that the
 * dated backup is a separate copy nothing points to. (With the earlier design, which renamed
 * the user's sheet and table to the backup, these references followed the backup and kept
 * reading the old rates: the first test fails there.)
 *
 * Storage prices card (src/rules/rates/storage.ts), as loaded: A4 "Storage" | B4 "Price per GB
 * (USD)"; A5 "Data storage" | B5 50; A6 "Attachment storage" | B6 1. Names:
 * Kustomer_DataPricePerGB -> B5, Kustomer_AttachmentPricePerGB -> B6.
 */
import { RATE_CARDS } from "../../../src/rules/rates";
import type { AnyRateTable } from "../../../src/rules/rates/documents";
import { STORAGE_PRICES } from "../../../src/rules/rates/storage";
import { type CardLoad, type LoadReport, loadCards } from "../../../src/taskpane/writer/cards";
import { captionFor } from "../../../src/taskpane/format";
import { createFakeExcel, type FakeExcel, type FakeSheet, type Snapshot } from "../../helpers/fake-excel";

const TODAY = "2026-11-21";
const BACKUP = "Storage Pr… (backup 2026-11-21)";
const loadOf = (t: AnyRateTable): CardLoad => ({ table: t, ...captionFor(t) });
const NEW_TABLE = [
  ["Storage", "Price per GB (USD)"],
  ["Data storage", 50],
  ["Attachment storage", 1],
];

const replace = (fake: FakeExcel) =>
  loadCards([loadOf(STORAGE_PRICES)], {
    run: fake.Excel.run,
    today: TODAY,
    choose: async (c) => Object.fromEntries(c.map((x) => [x.id, "replace"])),
  });

async function loaded(): Promise<FakeExcel> {
  const fake = createFakeExcel();
  await loadCards([loadOf(STORAGE_PRICES)], { run: fake.Excel.run, today: TODAY });
  return fake;
}
const sheetOf = (fake: FakeExcel, name: string) => fake.workbook.sheets.find((s) => s.name === name) as FakeSheet;
const tableOf = (fake: FakeExcel, name: string) => fake.workbook.tables.find((t) => t.name === name);
const set = (s: FakeSheet, r: number, c: number, v: string | number) => {
  const x = s.cells.get(`${r},${c}`);
  if (x) x.value = v;
  else s.cells.set(`${r},${c}`, { value: v, numberFormat: "General" });
};

/** Every workbook name points at an existing, non-blank cell. */
function namesSound(snap: Snapshot): string[] {
  const sheets = new Map(snap.sheets.map((s) => [s.name, s]));
  return snap.names
    .filter((n) => {
      const m = /^=(?:'((?:[^']|'')+)'|([^!]+))!\$([A-Z]+)\$(\d+)$/.exec(n.formula);
      const sheet = m ? sheets.get((m[1] ?? m[2]).replace(/''/g, "'")) : undefined;
      const value = m && sheet ? sheet.values[`${m[3]}${m[4]}`] : undefined;
      return value === undefined || value === "";
    })
    .map((n) => `${n.name} ${n.formula}`);
}

describe("replace keeps the card's sheet and table; formulas read the new rates", () => {
  test("the same table and sheet objects hold the new rates; formulas that used them read them; the backup is a separate copy", async () => {
    const fake = await loaded();
    const sheet = sheetOf(fake, "Storage Prices");
    const table = tableOf(fake, "Kustomer_StoragePrices")!;
    set(sheet, 4, 1, 45); // the user typed $45 over the $50 data price (B5)
    // A quote's formula passes the card's table as rates; another reads B5 by address.
    fake.addReference("rates", { table: "Kustomer_StoragePrices" });
    fake.addReference("dataPrice", { sheet: "Storage Prices", address: "B5" });
    expect(fake.readReference("rates")).toEqual([NEW_TABLE[0], ["Data storage", 45], NEW_TABLE[2]]);

    const report = await replace(fake);
    expect(report.syncs).toBe(2);
    expect(report.outcomes[0]).toEqual({
      id: "Kustomer_StoragePrices",
      title: "Additional storage prices",
      status: "replaced",
      sheet: "Storage Prices",
      backup: BACKUP,
      names: ["Kustomer_DataPricePerGB", "Kustomer_AttachmentPricePerGB"],
    });
    // The table named Kustomer_StoragePrices is the very object the formulas hold, on the same sheet.
    const live = tableOf(fake, "Kustomer_StoragePrices")!;
    expect([live.id, live.sheet.id, live.sheet.name]).toEqual([table.id, sheet.id, "Storage Prices"]);
    expect(fake.readReference("rates")).toEqual(NEW_TABLE); // $50 again, not the user's $45
    expect(fake.referenceText("rates")).toBe("Kustomer_StoragePrices[#All]");
    expect(fake.readReference("dataPrice")).toEqual([[50]]);
    expect(fake.referenceText("dataPrice")).toBe("'Storage Prices'!B5");
    // The backup: another sheet and table object, right after the card's sheet, with the old rates.
    const backup = tableOf(fake, "Kustomer_StoragePrices_backup")!;
    expect(backup.id).not.toBe(table.id);
    expect(backup.sheet.id).not.toBe(sheet.id);
    expect(fake.snapshot().sheets.map((s) => s.name)).toEqual(["Storage Prices", BACKUP]);
    expect(fake.snapshot().tables.find((t) => t.name === "Kustomer_StoragePrices_backup")).toMatchObject({
      sheet: BACKUP,
      address: "A4:B6",
      values: [NEW_TABLE[0], ["Data storage", 45], NEW_TABLE[2]],
    });
    // The names point at the card's sheet.
    expect(Object.fromEntries(fake.snapshot().names.map((n) => [n.name, n.formula]))).toEqual({
      Kustomer_DataPricePerGB: "='Storage Prices'!$B$5",
      Kustomer_AttachmentPricePerGB: "='Storage Prices'!$B$6",
    });
    // The card's sheet is exactly what a fresh load writes (title, caption, formats, widths).
    const fresh = await loaded();
    expect(fake.snapshot().sheets[0]).toEqual(fresh.snapshot().sheets[0]);
  });

  test("more rows in the user's table than in the card: the surplus rows leave the same table", async () => {
    const fake = await loaded();
    const sheet = sheetOf(fake, "Storage Prices");
    const table = tableOf(fake, "Kustomer_StoragePrices")!;
    // The user added a row "Archive storage" | 7 (row 7) and a note two rows below the table (A9).
    set(sheet, 6, 0, "Archive storage");
    set(sheet, 6, 1, 7);
    table.r1 = 6;
    set(sheet, 8, 0, "note");
    fake.addReference("rates", { table: "Kustomer_StoragePrices" });
    const report = await replace(fake);
    expect(report.outcomes[0].status).toBe("replaced");
    expect(tableOf(fake, "Kustomer_StoragePrices")).toBe(table);
    expect(fake.readReference("rates")).toEqual(NEW_TABLE); // A4:B6 again: 2 body rows
    // Row 7 was deleted with the cells shifted up: the note moves from A9 to A8.
    const values = fake.snapshot().sheets[0].values;
    expect([values.A7, values.A8, values.A9]).toEqual([undefined, "note", undefined]);
    expect(fake.snapshot().tables.find((t) => t.name === "Kustomer_StoragePrices_backup")?.values).toEqual([
      ...NEW_TABLE,
      ["Archive storage", 7],
    ]);
    expect(namesSound(fake.snapshot())).toEqual([]);
  });

  test("fewer rows in the user's table than in the card: rows are added to the same table", async () => {
    const fake = await loaded();
    const sheet = sheetOf(fake, "Storage Prices");
    const table = tableOf(fake, "Kustomer_StoragePrices")!;
    // The user deleted the attachment row (row 6) and its name.
    sheet.cells.delete("5,0");
    sheet.cells.delete("5,1");
    table.r1 = 4;
    fake.workbook.names.splice(1, 1);
    fake.addReference("rates", { table: "Kustomer_StoragePrices" });
    const report = await replace(fake);
    expect(report.outcomes[0].status).toBe("replaced");
    expect(tableOf(fake, "Kustomer_StoragePrices")).toBe(table);
    expect(fake.readReference("rates")).toEqual(NEW_TABLE);
    expect(fake.snapshot().sheets[0]).toEqual((await loaded()).snapshot().sheets[0]);
    expect(Object.fromEntries(fake.snapshot().names.map((n) => [n.name, n.formula]))).toEqual({
      Kustomer_DataPricePerGB: "='Storage Prices'!$B$5",
      Kustomer_AttachmentPricePerGB: "='Storage Prices'!$B$6",
    });
  });

  test("a totals row the user turned on stays below the new body, in the same table", async () => {
    const fake = await loaded();
    const sheet = sheetOf(fake, "Storage Prices");
    const table = tableOf(fake, "Kustomer_StoragePrices")!;
    // Body rows 5 and 6 (data at $45 after the user's edit), then a totals row 7: 45 + 1 = 46.
    set(sheet, 4, 1, 45);
    set(sheet, 6, 0, "Total");
    set(sheet, 6, 1, 46);
    table.r1 = 6;
    table.showTotals = true;
    fake.addReference("rates", { table: "Kustomer_StoragePrices" });
    const report = await replace(fake);
    expect(report.failure).toBeUndefined();
    expect(report.outcomes[0].status).toBe("replaced");
    expect(tableOf(fake, "Kustomer_StoragePrices")).toBe(table);
    // The fake does not recompute the total (Excel would show 51); the row itself is kept.
    expect(fake.readReference("rates")).toEqual([...NEW_TABLE, ["Total", 46]]);
    expect(namesSound(fake.snapshot())).toEqual([]);
  });

  test("a table whose columns the user changed cannot be rewritten in place: the old sheet is renamed to the backup", async () => {
    const fake = await loaded();
    const sheet = sheetOf(fake, "Storage Prices");
    const table = tableOf(fake, "Kustomer_StoragePrices")!;
    set(sheet, 3, 2, "Notes"); // C4: a third column
    table.c1 = 2;
    const report = await replace(fake);
    expect(report.outcomes[0]).toMatchObject({ status: "replaced", sheet: "Storage Prices", backup: BACKUP });
    // The old objects are the backup now; a new table of the card's name holds the rates.
    expect(table.name).toBe("Kustomer_StoragePrices_backup");
    expect(sheet.name).toBe(BACKUP);
    expect(fake.snapshot().tables.find((t) => t.name === "Kustomer_StoragePrices")?.values).toEqual(NEW_TABLE);
  });
});

describe("an in-place replace that changes the row count, failing at every command", () => {
  type Shape = "shrink" | "grow" | "totals";
  /** The user's storage prices with a row added (shrink: the card has fewer) or removed (grow). */
  async function user(shape: Shape): Promise<FakeExcel> {
    const fake = await loaded();
    const sheet = sheetOf(fake, "Storage Prices");
    const table = tableOf(fake, "Kustomer_StoragePrices")!;
    if (shape === "shrink" || shape === "totals") {
      set(sheet, 6, 0, "Archive storage");
      set(sheet, 6, 1, 7);
      table.r1 = 6;
      if (shape === "totals") {
        // The user also turned on the totals row (row 8): 50 + 1 + 7 = 58.
        set(sheet, 7, 0, "Total");
        set(sheet, 7, 1, 58);
        table.r1 = 7;
        table.showTotals = true;
      }
      // The user pointed the attachment name at the added row: a replace re-points it to B6.
      fake.workbook.names[1].ref = { sheet, row: 6, col: 1 };
    } else {
      sheet.cells.delete("5,0");
      sheet.cells.delete("5,1");
      table.r1 = 4;
      fake.workbook.names.splice(1, 1);
    }
    fake.addReference("rates", { table: "Kustomer_StoragePrices" });
    return fake;
  }

  for (const shape of ["shrink", "grow", "totals"] as const) {
    test(`${shape}: whole old or whole new in the same table, names sound, the backup whole when the table changed`, async () => {
      const old = (await user(shape)).readReference("rates");
      const clean = await user(shape);
      const before = clean.stats.commands;
      await replace(clean);
      const total = clean.stats.commands - before;
      const after = clean.snapshot();
      const seen = new Set<string>();
      for (let k = 0; k < total; k++) {
        for (const persistent of [false, true]) {
          const fake = await user(shape);
          const table = tableOf(fake, "Kustomer_StoragePrices")!;
          fake.failAt(k, { persistent });
          let report: LoadReport | "read failed";
          try {
            report = await replace(fake);
          } catch {
            report = "read failed";
          }
          const snap = fake.snapshot();
          const where = `${shape}, failing ${persistent ? "from" : "at"} command ${k}`;
          expect([where, namesSound(snap), snap.tables.filter((t) => /^Table\d+$/.test(t.name))]).toEqual([where, [], []]);
          // The card's table is never another object; formulas holding it never see #REF!.
          expect([where, tableOf(fake, "Kustomer_StoragePrices")]).toEqual([where, table]);
          const now = fake.readReference("rates");
          const backup = snap.tables.find((t) => t.name === "Kustomer_StoragePrices_backup");
          // Where the live table is not the user's any more, the backup holds the user's rates whole.
          if (JSON.stringify(now) !== JSON.stringify(old)) expect([where, backup?.values]).toEqual([where, old]);
          if (report === "read failed" || persistent) {
            seen.add(report === "read failed" ? "read failed" : "unknown");
            continue;
          }
          const o = report.outcomes[0];
          seen.add(o.status);
          if (o.status === "replaced") expect([where, snap]).toEqual([where, after]);
          else {
            expect([where, o.status, now]).toEqual([where, "not-loaded", old]);
            expect([where, snap.sheets.map((s) => s.name), backup]).toEqual([where, ["Storage Prices"], undefined]);
          }
        }
      }
      expect([...seen].sort()).toEqual(["not-loaded", "read failed", "replaced", "unknown"]);
    });
  }
});

describe("a load replacing 3 edited cards in place and creating 5, failing at every command", () => {
  const ALL = RATE_CARDS.map(loadOf);
  const EDITED = ["Storage Record Sizes", "Storage Allocation", "Storage Prices"];
  /** The first 5 cards loaded, then the user typed 999 into B5 of the first 3. */
  async function user(): Promise<FakeExcel> {
    const fake = createFakeExcel();
    await loadCards(ALL.slice(0, 5), { run: fake.Excel.run, today: TODAY });
    for (const name of EDITED) sheetOf(fake, name).cells.get("4,1")!.value = 999;
    return fake;
  }
  const loadAll = (fake: FakeExcel) =>
    loadCards(ALL, { run: fake.Excel.run, today: TODAY, choose: async (c) => Object.fromEntries(c.map((x) => [x.id, "replace"])) });

  test("each replaced card is new in its own table with the old in its backup, or untouched; created cards whole or absent", async () => {
    const clean = await user();
    const before = clean.stats.commands;
    await loadAll(clean);
    const total = clean.stats.commands - before;
    const ref = clean.snapshot();
    const refTable = new Map(ref.tables.map((t) => [t.name, t.values]));
    const refSheet = new Map(ref.sheets.map((s) => [s.name, s]));
    const seen = new Set<string>();
    for (let k = 0; k < total; k++) {
      const fake = await user();
      const old = fake.snapshot();
      const oldTable = new Map(old.tables.map((t) => [t.name, t.values]));
      const objects = new Map(fake.workbook.tables.map((t) => [t.name, t]));
      fake.failAt(k);
      let report: LoadReport | "read failed";
      try {
        report = await loadAll(fake);
      } catch {
        report = "read failed";
      }
      const snap = fake.snapshot();
      const where = `failing at command ${k}`;
      const strays = snap.sheets.filter((s) => /\((loading|\d+)\)$/.test(s.name)).map((s) => s.name);
      expect([where, namesSound(snap), snap.tables.filter((t) => /^Table\d+$/.test(t.name)), strays]).toEqual([where, [], [], []]);
      // The 5 tables that were there are the same objects, under their names, on their sheets.
      for (const [name, t] of objects)
        expect([where, tableOf(fake, name) === t, t.sheet.name]).toEqual([where, true, old.tables.find((x) => x.name === name)?.sheet]);
      if (report === "read failed") {
        expect([where, snap]).toEqual([where, old]);
        continue;
      }
      for (const o of report.outcomes) {
        const now = snap.tables.find((t) => t.name === o.id)?.values;
        const backup = snap.tables.find((t) => t.name === `${o.id}_backup`);
        seen.add(`${EDITED.includes(o.sheet ?? "") || oldTable.has(o.id) ? "edited" : "new"} ${o.status}`);
        if (o.status === "replaced") {
          expect([where, o.id, now, backup?.values, backup?.sheet]).toEqual([
            where,
            o.id,
            refTable.get(o.id),
            oldTable.get(o.id),
            o.backup,
          ]);
        } else if (o.status === "created") {
          expect([where, snap.sheets.find((s) => s.name === o.sheet)]).toEqual([where, refSheet.get(o.sheet as string)]);
        } else if (o.status === "not-loaded") {
          expect([where, o.id, now, backup]).toEqual([where, o.id, oldTable.get(o.id), undefined]);
        } else expect([where, o.id, o.status]).toEqual([where, o.id, "up-to-date"]);
      }
    }
    expect([...seen].sort()).toEqual(["edited not-loaded", "edited replaced", "edited up-to-date", "new created", "new not-loaded"]);
  });
});
