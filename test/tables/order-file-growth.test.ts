/**
 * The Order file reader (the pane's import, src/tables/order-file.ts) costs time linear in its
 * text, as the functions do (test/growth.test.ts, whose measure this uses: processor time, best
 * of several runs, as a ratio of a long text's cost to a short one's, so a loaded machine cannot
 * fail it by chance). For every rate card, as CSV and as JSON: each hostile shape of the fuzzer in
 * each cell of a row (1,000 against 32,767 characters), and whole files of hostile
 * shapes (30,303 against 1,000,000 characters, the largest file read). 33 times the text must cost
 * at most 100 times as much in a cell, 250 times in a whole file (FILE_BOUND); quadratic code costs
 * about 1,000 times.
 */
import { RATE_CARDS } from "../../src/rules/rates";
import { importOrderRates } from "../../src/tables/order-file";
import { cardGrid } from "../../src/sheets/rate-card-layout";
import { MAX_ORDER_FILE_CHARS } from "../../src/tables/limits";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { growthOf } = require("../../scripts/growth-lib");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LONG_SHAPES, brief } = require("../../scripts/fuzz-lib");

type Shape = (n: number) => string;
interface Growth {
  shortMs: number;
  longMs: number;
  ratio: number;
}

const BOUND = 100;
/**
 * Whole files: 1,000,000 characters (2 MB of text, and as many records as it holds) leave the
 * processor's caches and the collector's young generation, where 30,303 stay inside them, so
 * linear code has been measured at up to 101 times on a busy machine. Quadratic code costs about
 * 1,000 times: a bound of 250 still tells the two apart.
 */
const FILE_BOUND = 250;
const SHAPES = LONG_SHAPES as Shape[];
const csvCell = (v: unknown) => `"${String(v ?? "").replace(/"/g, '""')}"`;
const csvLine = (cells: readonly unknown[]) => cells.map(csvCell).join(",");

/** Whole files: each cell shape, and the shapes of CSV and JSON themselves, up to `n` characters. */
const FILE_SHAPES: [string, Shape][] = [
  ...SHAPES.map((s, i): [string, Shape] => [`shape ${i}`, s]),
  ['escaped quotes ""', (n) => '"' + '""'.repeat(Math.floor((n - 2) / 2)) + '"'],
  ["an open quote", (n) => '"' + "a".repeat(n - 1)],
  ["commas", (n) => ",".repeat(n)],
  ["line breaks", (n) => "\r\n".repeat(Math.floor(n / 2))],
  ["one key repeated", (n) => '{"rows":[{' + '"a":1,'.repeat(Math.floor((n - 16) / 6)) + '"b":1}]}'],
  ["escapes in a key", (n) => '{"rows":[{"' + "\\\\".repeat(Math.floor((n - 16) / 2)) + '":1}]}'],
  ["nested arrays", (n) => "[".repeat(Math.floor(n / 2)) + "]".repeat(Math.floor(n / 2))],
];

describe.each(RATE_CARDS.map((card) => [card.id, card] as const))("%s", (_, card) => {
  // The header and the card's last row: the other cells valid, so the text reaches its cell's reader.
  const grid = cardGrid(card);
  const row = grid.body[grid.body.length - 1];
  const headers = grid.headers;
  const withCell = (col: number, text: string) => [row.map((v, c) => (c === col ? text : v))];
  const csv = (col: number) => (text: string) =>
    importOrderRates(card, "order.csv", [headers, ...withCell(col, text)].map(csvLine).join("\r\n"));
  const json = (col: number) => (text: string) =>
    importOrderRates(
      card,
      "order.json",
      JSON.stringify({ card: card.id, rows: withCell(col, text).map((cells) => Object.fromEntries(headers.map((h, c) => [h, cells[c]]))) }),
    );

  test("a hostile text in any cell, as CSV and as JSON", () => {
    const worse: string[] = [];
    headers.forEach((header, col) => {
      SHAPES.forEach((shape, s) => {
        for (const [format, read] of [
          ["CSV", csv(col)],
          ["JSON", json(col)],
        ] as const) {
          const g: Growth = growthOf(read, shape);
          if (g.ratio > BOUND)
            worse.push(`${format}, "${header}", shape ${s} ${brief([shape(24)])}: ${g.shortMs.toFixed(3)} ms, ${g.longMs.toFixed(1)} ms`);
        }
      });
    });
    expect(worse).toEqual([]);
  }, 120_000);
});

test("whole files of hostile text, up to the largest file read (1,000,000 characters)", () => {
  const card = RATE_CARDS[0];
  const worse: string[] = [];
  for (const [name, shape] of FILE_SHAPES) {
    for (const fileName of ["order.csv", "order.json"]) {
      const g: Growth = growthOf((text: string) => importOrderRates(card, fileName, text), shape, {
        short: Math.ceil(MAX_ORDER_FILE_CHARS / 33),
        long: MAX_ORDER_FILE_CHARS,
      });
      if (g.ratio > FILE_BOUND) worse.push(`${fileName}, ${name}: ${g.shortMs.toFixed(3)} ms, ${g.longMs.toFixed(1)} ms`);
    }
  }
  expect(worse).toEqual([]);
}, 120_000);
