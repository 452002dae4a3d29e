import { RATE_CARDS } from "../../../src/rules/rates";
import { DOCUMENTS } from "../../../src/rules/rates/documents";
import { STORAGE_ALLOCATION, STORAGE_PRICES, STORAGE_RECORD_SIZES } from "../../../src/rules/rates/storage";
import { SLA_CREDIT_BANDS } from "../../../src/rules/rates/sla";
import { TRANSLATION_PRICE } from "../../../src/rules/rates/translation";

test("every card has a stable Kustomer_ table name, a known source document and columns that exist", () => {
  const ids = RATE_CARDS.map((c) => c.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBe(10);
  for (const card of RATE_CARDS) {
    expect(card.id).toMatch(/^Kustomer_[A-Za-z]+$/);
    expect(DOCUMENTS[card.source]).toBeDefined();
    for (const col of card.columns) for (const row of card.rows) expect(Object.keys(row as object)).toContain(col.key);
    for (const n of card.names ?? []) {
      expect(n.name).toMatch(/^Kustomer_[A-Za-z]+$/);
      expect(card.rows[n.row]).toBeDefined();
    }
  }
});

test("cards are read-only at run time", () => {
  expect(Object.isFrozen(STORAGE_PRICES)).toBe(true);
  expect(Object.isFrozen(STORAGE_PRICES.rows)).toBe(true);
  expect(() => {
    (STORAGE_PRICES.rows[0] as { pricePerGb: string }).pricePerGb = "0";
  }).toThrow(TypeError);
});

test("documents carry the documents' last-updated dates", () => {
  expect(DOCUMENTS["ps-terms"].lastUpdated).toBe("2025-11-17");
  expect(DOCUMENTS["usage-terms"].lastUpdated).toBe("2024-11-01");
  expect(DOCUMENTS["billing-help"].lastUpdated).toBeNull();
  expect(DOCUMENTS.sla.lastUpdated).toBe("2024-12-23");
});

test("rates as the documents state them (MB converted at 1 GB = 1000 MB)", () => {
  const event = STORAGE_RECORD_SIZES.rows.find((r) => r.recordType === "Event / Audit Log");
  expect(event?.sizeKb).toBe("0.07");
  // Professional: 125 MB per user = 0.125 GB; Ultimate: 300 MB per 1k conversations = 0.3 GB.
  expect(STORAGE_ALLOCATION.rows.map((r) => [r.plan, r.perUserDataGb, r.per1kConversationsDataGb])).toEqual([
    ["Professional", "0.125", null],
    ["Business", "0.25", null],
    ["Enterprise", "0.5", "0.15"],
    ["Ultimate", "1", "0.3"],
  ]);
  expect(STORAGE_PRICES.rows.map((r) => r.pricePerGb)).toEqual(["50", "1"]);
  expect(TRANSLATION_PRICE.rows[0].pricePerWord).toBe("0.0005");
  expect(SLA_CREDIT_BANDS.rows.map((r) => r.credit)).toEqual(["0", "0.1", "0.25", "0.5"]);
});
