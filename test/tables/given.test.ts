/**
 * A table given as `rates`: parsed once per distinct content, in a bounded cache whose key is a
 * cheap fingerprint confirmed cell by cell; oversized ranges refused before they are read.
 */
import { clearRatesCache, givenRates, MAX_RATES_ROWS, RATES_CACHE_SIZE, ratesCacheSize, readGivenRows } from "../../src/tables/given";
import { type GivenRows, notInGivenRates } from "../../src/rules/rates/given";
import { STORAGE_RECORD_SIZES } from "../../src/rules/rates/storage";
import { ruleError } from "../helpers/rule-error";

let compiled = 0;
const compile = (g: GivenRows) => {
  compiled++;
  return g.rows.map((r) => `${r.recordType}=${r.sizeKb}`);
};

beforeEach(() => {
  clearRatesCache();
  compiled = 0;
});

test("one parse per distinct table: the same cells in a new array reuse it", () => {
  const table = () => [
    ["Record type", "Size (KB)"],
    ["Ticket", "1.5 KB"],
  ];
  expect(givenRates(STORAGE_RECORD_SIZES, table(), compile)).toEqual(["Ticket=1.5"]);
  expect(givenRates(STORAGE_RECORD_SIZES, table(), compile)).toEqual(["Ticket=1.5"]);
  expect(givenRates(STORAGE_RECORD_SIZES, [["Ticket", 1.5]], compile)).toEqual(["Ticket=1.5"]);
  // Two distinct contents (with and without header): two parses.
  expect(compiled).toBe(2);
});

test("tables with the same fingerprint but other cells are not confused", () => {
  // Same lengths and the same first, middle and last characters: the fingerprint cannot tell them apart.
  expect(givenRates(STORAGE_RECORD_SIZES, [["Tabcket", 1]], compile)).toEqual(["Tabcket=1"]);
  expect(givenRates(STORAGE_RECORD_SIZES, [["Txycket", 1]], compile)).toEqual(["Txycket=1"]);
  expect(givenRates(STORAGE_RECORD_SIZES, [["Tabcket", 1]], compile)).toEqual(["Tabcket=1"]);
});

test("the cache holds at most RATES_CACHE_SIZE tables and drops the least recently used", () => {
  const table = (i: number) => [[`Type ${i}`, i]];
  givenRates(STORAGE_RECORD_SIZES, table(0), compile);
  for (let i = 1; i <= 100; i++) {
    givenRates(STORAGE_RECORD_SIZES, table(i), compile);
    givenRates(STORAGE_RECORD_SIZES, table(0), compile); // table 0 stays the most recently used
  }
  expect(ratesCacheSize()).toBe(RATES_CACHE_SIZE);
  // 101 distinct tables parsed once each; table 0 was never dropped.
  expect(compiled).toBe(101);
  givenRates(STORAGE_RECORD_SIZES, table(1), compile); // dropped long ago: parsed again
  expect(compiled).toBe(102);
});

test("a bad table is remembered as bad", () => {
  const bad = [["Ticket", "lots"]];
  const message = 'rates row 1, "Size (KB)": expected a size in KB, such as 0.5 or 0.5 KB (1 KB = 1000 bytes); got "lots".';
  expect(ruleError(() => givenRates(STORAGE_RECORD_SIZES, bad, compile))).toEqual({ kind: "value", message });
  expect(ruleError(() => givenRates(STORAGE_RECORD_SIZES, bad, compile))).toEqual({ kind: "value", message });
  expect(compiled).toBe(0);
});

test("ranges larger than any card are refused before they are read", () => {
  const rows = Array.from({ length: MAX_RATES_ROWS + 1 }, () => ["Ticket", 1]);
  expect(ruleError(() => givenRates(STORAGE_RECORD_SIZES, rows, compile))).toEqual({
    kind: "value",
    message: "rates has 1001 rows; a rate card has at most 1000: pass the table Kustomer_StorageRecordSizes, not a whole column.",
  });
  expect(ratesCacheSize()).toBe(0);
});

test("a header row is recognised by any of the card's headers or keys, trimmed and in any case", () => {
  expect(
    readGivenRows(STORAGE_RECORD_SIZES, [
      [" SIZE (KB) ", "record type"],
      [0.3, "Ticket"],
    ]).rows,
  ).toEqual([{ recordType: "Ticket", sizeKb: "0.3" }]);
  // Row numbers count the header and skipped blank rows, as the range shows them.
  expect(
    readGivenRows(STORAGE_RECORD_SIZES, [
      ["Record type", "Size (KB)"],
      [null, null],
      ["Ticket", 0.3],
    ]).rowNumbers,
  ).toEqual([3]);
});

test("a name the table lacks: the message quotes what was typed and the table's names short (found by the fuzzer)", () => {
  // Short input and a short table: quoted whole.
  expect(notInGivenRates("package_name", "Custom", ["Basic", "Standard"])).toBe(
    'package_name "Custom" is not in the given rates; they hold: Basic, Standard.',
  );
  // A 32,767-character name and a table of 40 long names: the input clipped to 57 characters, 8
  // names listed, each clipped the same way, then how many more.
  const long = "x".repeat(32767);
  const names = Array.from({ length: 40 }, (_v, i) => `${"n".repeat(100)}${i}`);
  const m = notInGivenRates("package_name", long, names);
  expect(m.startsWith(`package_name "${"x".repeat(57)}..." (32767 characters) is not in the given rates; they hold: `)).toBe(true);
  expect(m.endsWith(", and 32 more.")).toBe(true);
  expect(m.length).toBeLessThan(1000);
});
