/* The benchmark's count of context.sync round trips for loading every built-in rate card into an
 * empty workbook: the task pane's own writer (src/taskpane/writer/cards.ts) against the counting
 * in-memory fake of the Excel API the tests use (test/helpers/fake-excel.ts). The TypeScript is
 * transpiled in memory, so nothing is written to disk. */
"use strict";
const path = require("path");

require("./ts-require.cjs");

const root = path.join(__dirname, "..");

async function measureCardLoadSyncs() {
  const { loadCards } = require(path.join(root, "src/taskpane/writer/cards.ts"));
  const { captionFor } = require(path.join(root, "src/taskpane/format.ts"));
  const { RATE_CARDS } = require(path.join(root, "src/rules/rates/index.ts"));
  const { createFakeExcel } = require(path.join(root, "test/helpers/fake-excel.ts"));
  const fake = createFakeExcel();
  const report = await loadCards(
    RATE_CARDS.map((table) => ({ table, ...captionFor(table) })),
    { run: fake.Excel.run, today: "2026-11-21" },
  );
  const created = report.outcomes.filter((o) => o.status === "created").length;
  if (created !== RATE_CARDS.length) throw new Error(`only ${created} of ${RATE_CARDS.length} cards were created`);
  return fake.stats.syncs;
}

/** Each built-in card's table as the pane writes it, header row first (what Table[#All] passes a formula), by card id. */
function cardTables() {
  const { RATE_CARDS } = require(path.join(root, "src/rules/rates/index.ts"));
  const { cardGrid } = require(path.join(root, "src/sheets/rate-card-layout.ts"));
  const out = {};
  for (const card of RATE_CARDS) {
    const g = cardGrid(card);
    out[card.id] = [g.headers, ...g.body].map((r) => [...r]);
  }
  return out;
}

module.exports = { measureCardLoadSyncs, cardTables };
