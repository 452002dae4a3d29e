/* The benchmark's count of context.sync round trips (and commands) for the pane's "New quote" and
 * "Check an invoice": the task pane's own sheet writer (src/taskpane/writer/sheet.ts) against the
 * counting in-memory fake of the Excel API (test/helpers/fake-excel.ts), into an empty workbook
 * and into one holding every rate card. The TypeScript is transpiled in memory. */
"use strict";
const path = require("path");

require("./ts-require.cjs");

const root = path.join(__dirname, "..");

/** [{ sheet, workbook, syncs, commands, ms }] for each sheet kind, into an empty workbook and one with every card. */
async function measureSheetSyncs() {
  const { writeSheet } = require(path.join(root, "src/taskpane/writer/sheet.ts"));
  const { loadCards } = require(path.join(root, "src/taskpane/writer/cards.ts"));
  const { captionFor } = require(path.join(root, "src/taskpane/format.ts"));
  const { RATE_CARDS } = require(path.join(root, "src/rules/rates/index.ts"));
  const { createFakeExcel } = require(path.join(root, "test/helpers/fake-excel.ts"));
  const out = [];
  for (const withCards of [false, true]) {
    for (const kind of ["quote", "invoice"]) {
      const fake = createFakeExcel();
      fake.addSheet("Sheet1");
      if (withCards)
        await loadCards(
          RATE_CARDS.map((table) => ({ table, ...captionFor(table) })),
          { run: fake.Excel.run, today: "2026-11-23" },
        );
      const syncs0 = fake.stats.syncs;
      const commands0 = fake.stats.commands;
      const t0 = performance.now();
      const report = await writeSheet(kind, { run: fake.Excel.run });
      const ms = performance.now() - t0;
      out.push({
        sheet: report.sheet,
        workbook: withCards ? "every rate card loaded" : "empty",
        syncs: fake.stats.syncs - syncs0,
        commands: fake.stats.commands - commands0,
        ms,
      });
    }
  }
  return out;
}

module.exports = { measureSheetSyncs };
