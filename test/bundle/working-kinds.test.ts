/**
 * A working spill declares the kind of each row where it writes the row's label (money, percent,
 * date, days, text, or another number), and hands the kinds over beside its cells: the help page
 * formats each row from them, with no list of labels of its own. Excel receives the label/value
 * rows only: the kinds are no cell (not enumerable, not in JSON).
 */
import { rowKindsOf } from "../../src/help/format";
import { loadBundle, type LoadedBundle } from "../helpers/bundle";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { loadExamples } = require("../../scripts/help-page");

const examples: Record<string, { examples?: { args: unknown[]; result: unknown[][] }[] }> = loadExamples();
const KINDS = ["money", "percent", "date", "days", "number", "text"];

let b: LoadedBundle;
beforeAll(() => {
  b = loadBundle();
});

/** The rows' labels with their kinds: "Label: kind". */
const labelled = (spill: unknown): string[] => {
  const kinds = rowKindsOf(spill) ?? [];
  return (spill as unknown[][]).map((row, i) => `${String(row[0])}: ${kinds[i]}`);
};

test("PRORATEWORKING: the days as days, the share a number, the amount money; on the months basis the months are numbers", () => {
  // 1 Jan to 31 Jan 2025 (45658 to 45688), effective 22 Jan: 31 days, 10 charged, 620 x 10/31 = 200.
  const spill = b.call("PRORATEWORKING", 620, 45658, 45688, 45679, null);
  expect(spill).toEqual([
    ["Basis", "actual"],
    ["Days in period", 31],
    ["Days charged", 10],
    ["Share", 10 / 31],
    ["Amount", 200],
  ]);
  expect(labelled(spill)).toEqual(["Basis: text", "Days in period: days", "Days charged: days", "Share: number", "Amount: money"]);
  const months = b.call("PRORATEWORKING", 620, 45658, 45688, 45679, "months");
  expect(labelled(months)).toEqual([
    "Basis: text",
    "Whole billing months in period: number",
    "Days of the part month ending the period: days",
    "Days in that billing month: days",
    "Days charged in the effective day's billing month: days",
    "Days in that billing month: days",
    "Whole billing months charged after it: number",
    "Days charged in the part month ending the period: days",
    "Share: number",
    "Amount: money",
  ]);
});

test("PLANCHANGEWORKING: the credit, the charge and the net as money", () => {
  // 300 -> 500 for 1-31 Jan 2025, from 17 Jan: 15 of 31 days; credit -300 x 15/31, charge 500 x 15/31, net 200 x 15/31.
  const spill = b.call("PLANCHANGEWORKING", 300, 500, 45658, 45688, 45674, null) as unknown[][];
  expect(spill.slice(4)).toEqual([
    ["Unused time on the old plan (credit)", (-300 * 15) / 31],
    ["Remaining time on the new plan (charge)", (500 * 15) / 31],
    ["Net charge", (200 * 15) / 31],
  ]);
  expect(labelled(spill).slice(4)).toEqual([
    "Unused time on the old plan (credit): money",
    "Remaining time on the new plan (charge): money",
    "Net charge: money",
  ]);
});

test("SLAWORKING: uptime and credit percentage as percentages, the band and the service as text, a money credit as money and a conversation credit as a number", () => {
  // July 2025 (45839 = 1 Jul): 31 x 1440 = 44,640 minutes; 446.4 down: uptime 0.99; a fee, so a credit row.
  const spill = b.call("SLAWORKING", 45839, 446.4, 2500, null, null);
  expect(labelled(spill)).toEqual([
    "Minutes in month: number",
    "Outage minutes: number",
    "Uptime: percent",
    "Band: text",
    "Credit percentage: percent",
    "Credit amount: money",
  ]);
  const ai = b.call("SLAWORKING", 45839, 446.4, 5000, null, "Ultimate AI");
  expect(labelled(ai).slice(5)).toEqual(["Covered Service: text", "Credit in conversations (next month's usage): number"]);
});

test("every documented working spill of labelled rows declares a kind for each row, and Excel sees its cells only", () => {
  let spills = 0;
  const wrong: string[] = [];
  for (const [name, doc] of Object.entries(examples)) {
    if (!name.endsWith("WORKING")) continue;
    for (const e of doc.examples ?? []) {
      const result = b.call(name, ...e.args);
      expect(result).toEqual(e.result);
      const rows = result as unknown[][];
      // A table of columns under a header row (STORAGEWORKING, SCHEDULEDMAINTENANCEWORKING) has no labelled rows.
      if (rows[0].length > 2) continue;
      spills++;
      const kinds = rowKindsOf(result);
      if (kinds === undefined) {
        wrong.push(`${name}: no kinds`);
        continue;
      }
      rows.forEach((row, i) => {
        const kind = kinds[i];
        if (!KINDS.includes(kind)) wrong.push(`${name} ${String(row[0])}: ${kind}`);
        // Text rows hold text, every other kind a number.
        if ((kind === "text") !== (typeof row[1] === "string"))
          wrong.push(`${name} ${String(row[0])}: ${kind} holds ${JSON.stringify(row[1])}`);
      });
      // The kinds are no cell: not an own enumerable key, not in the JSON Excel's runtime would send.
      expect(Object.keys(rows)).toEqual(rows.map((_, i) => String(i)));
      expect(JSON.parse(JSON.stringify(rows))).toEqual(e.result);
    }
  }
  expect(spills).toBeGreaterThanOrEqual(8);
  expect(wrong).toEqual([]);
});
