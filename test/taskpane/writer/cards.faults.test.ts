/**
 * A failed write never leaves a broken workbook. The fake Excel fails the batch at command k
 * (the commands before k stay done, as in Excel), for EVERY k of a full load of the 10 cards and
 * of a replace. After each failure the workbook must hold: no half-written card sheet (every
 * sheet equals the same sheet after a clean load, or is the user's own), no default-named table
 * (Table1...), no workbook name pointing at a blank cell, the user's old sheet and table intact
 * (in place, or whole in the dated backup copy); and the report must say, per card, what is done.
 * A replace keeps the card's table object: a formula holding it reads the old rates or the new,
 * never #REF! and never the backup (cards.replace.test.ts has the row-count changes).
 */
import { RATE_CARDS } from "../../../src/rules/rates";
import type { AnyRateTable } from "../../../src/rules/rates/documents";
import { STORAGE_PRICES } from "../../../src/rules/rates/storage";
import { type CardLoad, type LoadReport, loadCards } from "../../../src/taskpane/writer/cards";
import { captionFor } from "../../../src/taskpane/format";
import { createFakeExcel, type FakeExcel, type Snapshot } from "../../helpers/fake-excel";

const TODAY = "2026-11-21";
const loadOf = (t: AnyRateTable): CardLoad => ({ table: t, ...captionFor(t) });
const ALL = RATE_CARDS.map(loadOf);
const BACKUP = "Storage Pr… (backup 2026-11-21)";

type Sheet = Snapshot["sheets"][number];
const byName = (snap: Snapshot) => new Map(snap.sheets.map((s) => [s.name, s]));
const withoutActive = (snap: Snapshot): Snapshot => ({ ...snap, active: undefined });

/** Every workbook name points at an existing, non-blank cell. */
function namesSound(snap: Snapshot): string[] {
  const sheets = byName(snap);
  const bad: string[] = [];
  for (const n of snap.names) {
    const m = /^=(?:'((?:[^']|'')+)'|([^!]+))!\$([A-Z]+)\$(\d+)$/.exec(n.formula);
    const sheet = m ? sheets.get((m[1] ?? m[2]).replace(/''/g, "'")) : undefined;
    const value = m && sheet ? sheet.values[`${m[3]}${m[4]}`] : undefined;
    if (value === undefined || value === "") bad.push(`${n.name} ${n.formula}`);
  }
  return bad;
}

const defaultTables = (snap: Snapshot) => snap.tables.filter((t) => /^Table\d+$/.test(t.name)).map((t) => `${t.name} on ${t.sheet}`);
const stagingSheets = (snap: Snapshot) => snap.sheets.filter((s) => s.name.endsWith("(loading)")).map((s) => s.name);

async function attempt(fake: FakeExcel, loads: CardLoad[], choose?: "replace"): Promise<LoadReport | "read failed"> {
  try {
    return await loadCards(loads, {
      run: fake.Excel.run,
      today: TODAY,
      choose: choose ? async (c) => Object.fromEntries(c.map((x) => [x.id, choose])) : undefined,
    });
  } catch {
    return "read failed";
  }
}

/** The number of commands a clean run of `go` sends. */
async function commandsOf(fake: FakeExcel, go: (f: FakeExcel) => Promise<unknown>): Promise<number> {
  const before = fake.stats.commands;
  await go(fake);
  return fake.stats.commands - before;
}

describe("a full load of all 10 cards, failing at every command", () => {
  test("each failure leaves whole cards only, sound names, no Table1, and a report per card", async () => {
    const clean = createFakeExcel();
    const total = await commandsOf(clean, (f) => loadCards(ALL, { run: f.Excel.run, today: TODAY }));
    const ref = byName(clean.snapshot());
    const refNames = clean.snapshot().names;
    expect(total).toBeGreaterThan(200); // every card's title, caption, values, formats, table, names...
    const createdCounts = new Set<number>();
    let readFailures = 0;
    for (let k = 0; k < total; k++) {
      const fake = createFakeExcel();
      fake.failAt(k);
      const report = await attempt(fake, ALL);
      const snap = fake.snapshot();
      const where = `failing at command ${k}`;
      expect([where, defaultTables(snap), stagingSheets(snap), namesSound(snap)]).toEqual([where, [], [], []]);
      if (report === "read failed") {
        // The failure hit the read: nothing was written.
        readFailures++;
        expect([where, snap.sheets.length]).toEqual([where, 0]);
        continue;
      }
      expect([where, report.failure?.repaired]).toEqual([where, true]);
      // Each sheet is whole: equal to the same sheet after a clean load.
      for (const s of snap.sheets) expect([where, s]).toEqual([where, ref.get(s.name) as Sheet]);
      // The report per card matches the workbook: created cards are there, the others absent.
      const created = report.outcomes.filter((o) => o.status === "created");
      createdCounts.add(created.length);
      expect([where, created.map((o) => o.sheet)]).toEqual([where, snap.sheets.map((s) => s.name)]);
      for (const o of report.outcomes.filter((x) => x.status !== "created"))
        expect([where, o.status, o.detail]).toEqual([where, "not-loaded", "not loaded; nothing of it was written."]);
      // A name exists only with its card, pointing where a clean load points it.
      for (const n of snap.names) expect([where, n]).toEqual([where, refNames.find((x) => x.name === n.name)]);
    }
    // The read phase loads the sheets, tables and names, then per card its table, range and
    // sheet; every number of cards done, 0 to 10, was seen.
    expect(readFailures).toBe(3 + 3 * ALL.length);
    expect([...createdCounts].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  test("when Excel stays down (every later command fails too), names stay sound and each card says where things may be", async () => {
    const clean = createFakeExcel();
    const total = await commandsOf(clean, (f) => loadCards(ALL, { run: f.Excel.run, today: TODAY }));
    const ref = byName(clean.snapshot());
    for (let k = 3 + 3 * ALL.length; k < total; k += 5) {
      const fake = createFakeExcel();
      fake.failAt(k, { persistent: true });
      const report = await attempt(fake, ALL);
      const snap = fake.snapshot();
      const where = `failing from command ${k}`;
      if (report === "read failed") throw new Error(`${where}: the read phase is over`);
      expect([where, report.failure?.repaired, namesSound(snap)]).toEqual([where, false, []]);
      // A sheet with a card's name is whole; only a "(loading)" sheet may be partial, and only it may hold a Table1.
      for (const s of snap.sheets.filter((x) => !x.name.endsWith("(loading)"))) expect([where, s]).toEqual([where, ref.get(s.name)]);
      for (const t of snap.tables.filter((x) => /^Table\d+$/.test(x.name))) expect(t.sheet).toMatch(/\(loading\)$/);
      for (const o of report.outcomes) expect(o.status).toBe("unknown");
      expect(report.outcomes[0].detail).toBe(
        "not finished, or not started: if a sheet “Storage Record Sizes (loading)” is left, it is an unfinished copy you can delete.",
      );
    }
  });
});

describe("a replace of the user's edited sheet, failing at every command", () => {
  /** All cards loaded, then the user typed $45 over the data price; a formula passes the card's table as rates. */
  async function edited(): Promise<FakeExcel> {
    const fake = createFakeExcel();
    await loadCards(ALL, { run: fake.Excel.run, today: TODAY });
    fake.workbook.sheets.find((s) => s.name === "Storage Prices")!.cells.get("4,1")!.value = 45; // B5
    fake.addReference("rates", { table: "Kustomer_StoragePrices" });
    return fake;
  }
  const OLD_RATES = [
    ["Storage", "Price per GB (USD)"],
    ["Data storage", 45],
    ["Attachment storage", 1],
  ];
  const NEW_RATES = [
    ["Storage", "Price per GB (USD)"],
    ["Data storage", 50],
    ["Attachment storage", 1],
  ];
  const replace = (f: FakeExcel) =>
    loadCards([loadOf(STORAGE_PRICES)], { run: f.Excel.run, today: TODAY, choose: async () => ({ Kustomer_StoragePrices: "replace" }) });

  test("the user's sheet and table stay whole, the names never point at a blank cell, and the report says which", async () => {
    const before = withoutActive((await edited()).snapshot());
    const userSheet = byName(before).get("Storage Prices")!;
    const userTable = before.tables.find((t) => t.name === "Kustomer_StoragePrices")!;
    const clean = await edited();
    const total = await commandsOf(clean, replace);
    const after = withoutActive(clean.snapshot());
    const seen = new Set<string>();
    for (let k = 0; k < total; k++) {
      const fake = await edited();
      const liveTable = fake.workbook.tables.find((t) => t.name === "Kustomer_StoragePrices");
      fake.failAt(k);
      const report = await attempt(fake, [loadOf(STORAGE_PRICES)], "replace");
      const snap = withoutActive(fake.snapshot());
      const where = `failing at command ${k}`;
      expect([where, defaultTables(snap), stagingSheets(snap), namesSound(snap)]).toEqual([where, [], [], []]);
      // The card's table is the same object on the same sheet: formulas holding it read old or new rates.
      expect([where, liveTable?.name, liveTable?.sheet.name]).toEqual([where, "Kustomer_StoragePrices", "Storage Prices"]);
      // The user's sheet is whole, under its own name or as the backup, with its table.
      const kept = byName(snap).get(BACKUP) ?? byName(snap).get("Storage Prices");
      expect([where, kept?.values]).toEqual([where, userSheet.values]);
      expect([where, snap.tables.find((t) => t.sheet === kept?.name)?.values]).toEqual([where, userTable.values]);
      if (report === "read failed") {
        seen.add("read failed");
        expect([where, snap]).toEqual([where, before]);
        continue;
      }
      // All or nothing for the card, as the report says.
      const o = report.outcomes[0];
      seen.add(o.status);
      if (o.status === "replaced") {
        expect([where, snap, fake.readReference("rates")]).toEqual([where, after, NEW_RATES]);
        expect([where, snap.tables.find((t) => t.name === "Kustomer_StoragePrices_backup")?.values]).toEqual([where, OLD_RATES]);
      } else {
        expect([where, o.status, o.detail]).toEqual([where, "not-loaded", "not loaded; your sheet “Storage Prices” is as it was."]);
        expect([where, snap, fake.readReference("rates")]).toEqual([where, before, OLD_RATES]);
      }
    }
    expect([...seen].sort()).toEqual(["not-loaded", "read failed", "replaced"]);
  });

  test("when Excel stays down: the card's table is the same object, the old rates are whole in it or in the backup, names sound", async () => {
    const clean = await edited();
    const total = await commandsOf(clean, replace);
    let changed = 0;
    for (let k = 0; k < total; k++) {
      const fake = await edited();
      const liveTable = fake.workbook.tables.find((t) => t.name === "Kustomer_StoragePrices")!;
      const liveSheet = liveTable.sheet;
      fake.failAt(k, { persistent: true });
      const report = await attempt(fake, [loadOf(STORAGE_PRICES)], "replace");
      const snap = fake.snapshot();
      const where = `failing from command ${k}`;
      expect([where, namesSound(snap), defaultTables(snap), stagingSheets(snap)]).toEqual([where, [], [], []]);
      // Same table object, same sheet object, under their names.
      expect([where, fake.workbook.tables.find((t) => t.name === "Kustomer_StoragePrices") === liveTable]).toEqual([where, true]);
      expect([where, liveTable.sheet === liveSheet, liveSheet.name]).toEqual([where, true, "Storage Prices"]);
      // The old rates: still in the live table, or else whole in the backup the report names.
      const now = fake.readReference("rates");
      if (JSON.stringify(now) !== JSON.stringify(OLD_RATES)) {
        changed++;
        const backup = snap.tables.find((t) => t.name === "Kustomer_StoragePrices_backup");
        expect([where, backup?.sheet, backup?.values]).toEqual([where, BACKUP, OLD_RATES]);
      }
      if (report !== "read failed") {
        expect(report.outcomes[0].status).toBe("unknown");
        expect(report.outcomes[0].detail).toBe(
          `not finished, or not started. If a sheet “${BACKUP}” exists, it holds your old rates whole (table Kustomer_StoragePrices_backup) and “Storage Prices” may be partly rewritten: load again to finish it. Otherwise “Storage Prices” is as it was (a copy of it that Excel named “Storage Prices (2)” or similar, if left, can be deleted). The workbook names point at a rate of the old card or of the new, never at a blank cell.`,
        );
      }
    }
    // Failures after the values write left the new rates in the live table (and the old in the backup).
    expect(changed).toBeGreaterThan(0);
  });
});

test("names being restored when Excel stops are reported as in doubt, never as done", async () => {
  const fake = createFakeExcel();
  await loadCards([loadOf(STORAGE_PRICES)], { run: fake.Excel.run, today: TODAY });
  fake.workbook.names.splice(0, 2); // the user deleted both names
  // The read is 3 loads + 3 for the card (6 commands); the first names.add is command 6.
  fake.failAt(6);
  const report = await loadCards([loadOf(STORAGE_PRICES)], { run: fake.Excel.run, today: TODAY });
  expect(report.failure).toEqual({ message: "GeneralException: injected fault at command 6 (names.add)", repaired: true });
  expect(report.outcomes).toEqual([
    {
      id: "Kustomer_StoragePrices",
      title: "Additional storage prices",
      status: "unknown",
      sheet: "Storage Prices",
      detail:
        "the names Kustomer_DataPricePerGB, Kustomer_AttachmentPricePerGB may be restored in part (each points at its rate); loading again adds the rest.",
    },
  ]);
  expect(namesSound(fake.snapshot())).toEqual([]);
});
