/**
 * The formula the pane shows after loading a card: its table, header row included, as the last
 * argument (`rates`) of a function that reads it.
 */
import { RATE_CARDS } from "../../src/rules/rates";
import { ratesSnippet, RATES_FUNCTIONS } from "../../src/taskpane/rates-snippet";

test("the issue's example: the allocation table as STORAGEALLOWANCE's last argument", () => {
  expect(ratesSnippet("Kustomer_StorageAllocation")).toBe(
    '=KUSTOMER.STORAGEALLOWANCE("Ultimate","data",,B2,,Kustomer_StorageAllocation[#All])',
  );
});

test("a card loaded beside the built-in one: the snippet names the _2 table", () => {
  expect(ratesSnippet("Kustomer_StorageAllocation", "Kustomer_StorageAllocation_2")).toBe(
    '=KUSTOMER.STORAGEALLOWANCE("Ultimate","data",,B2,,Kustomer_StorageAllocation_2[#All])',
  );
  expect(ratesSnippet("Kustomer_PsPackages", "Kustomer_PsPackages_3")).toBe(
    '=KUSTOMER.PSEXPIRY("Implementation - Standard", B2, Kustomer_PsPackages_3[#All])',
  );
});

test("seven cards are read as rates, by the twelve functions; prices and limits are not", () => {
  expect(RATE_CARDS.map((c) => c.id).filter((id) => ratesSnippet(id) !== null)).toEqual([
    "Kustomer_StorageRecordSizes",
    "Kustomer_StorageAllocation",
    "Kustomer_SlaCreditBands",
    "Kustomer_SlaResponseTimes",
    "Kustomer_PsPackages",
    "Kustomer_ManagedServicesHours",
    "Kustomer_DataMigrationSizes",
  ]);
  expect(Object.values(RATES_FUNCTIONS).flatMap((f) => f.functions).length).toBe(12);
  for (const [id, f] of Object.entries(RATES_FUNCTIONS)) {
    // Each snippet calls one of the card's functions and ends with the table as its last argument.
    expect(f.functions.some((fn) => ratesSnippet(id)!.startsWith(`=KUSTOMER.${fn}(`))).toBe(true);
    expect(ratesSnippet(id)!.endsWith(`${id}[#All])`)).toBe(true);
  }
  expect(ratesSnippet("Kustomer_StoragePrices")).toBeNull();
});
