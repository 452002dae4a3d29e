/**
 * The analyst's guide (docs/analyst.md): every figure it shows, through the built bundle as Excel
 * calls the functions, worked by hand below.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importOrderRates } from "../../src/tables/order-file";
import { cardGrid } from "../../src/sheets/rate-card-layout";
import { STORAGE_ALLOCATION } from "../../src/rules/rates/storage";
import { loadBundle } from "../helpers/bundle";

const bundle = loadBundle();
// Serials (1900 system): 2025-01-01 = 45658; 31 Jan = 45688; 28 Feb = 45658 + 31 + 27 = 45716;
// 5 Mar = 45721; 15 Mar = 45731; 30 Mar = 45746; 31 Dec 2025 = 45658 + 364 = 46022.
const JAN1 = 45658;
const JAN22 = 45679;
const JAN31 = 45688;
const FEB28 = 45716;
const MAR5 = 45721;
const MAR15 = 45731;
const MAR30 = 45746;
const DEC31 = 46022;

test("PRORATE: 15 Mar to 31 Dec is 17 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31 = 292 of 365 days: 1,200 x 292/365 = 960", () => {
  expect(bundle.call("PRORATE", 1200, JAN1, DEC31, MAR15, null)).toBe(960);
});

test("SEATCHARGE: 3 seats x $93 added 22 Jan: 22..31 is 10 of 31 days: 3 x 93 x 10/31 = 90", () => {
  expect(bundle.call("SEATCHARGE", 3, 93, JAN1, JAN31, JAN22, null)).toBe(90);
});

test("SEATCHARGE over the billing period 28 Feb - 30 Mar (31 days), seats added 5 Mar: 26 days, 3 x 93 x 26/31 = 234", () => {
  expect(bundle.call("SEATCHARGE", 3, 93, FEB28, MAR30, MAR5, null)).toBe(234);
});

test("STORAGEALLOWANCE with 1,500 committed conversations: 20 + 0.3 x 1.5 = 20.45 GB; under Acme's Order 22 + 0.4 x 1.5 = 22.6 GB", () => {
  expect(bundle.call("STORAGEALLOWANCE", "Ultimate", "data", null, 1500, null, null)).toBe(20.45);
  const r = importOrderRates(
    STORAGE_ALLOCATION,
    "o.csv",
    readFileSync(join(__dirname, "..", "..", "samples", "order-acme-storage-allocation.csv"), "utf8"),
  );
  if (!r.ok) throw new Error("the sample Order does not import");
  const g = cardGrid(r.table);
  // As the range Kustomer_StorageAllocation[#All] arrives: the header row, then the body.
  expect(bundle.call("STORAGEALLOWANCE", "Ultimate", "data", null, 1500, null, [g.headers, ...g.body])).toBe(22.6);
});

test("the errors the guide shows: #NUM! for a date outside the period, #VALUE! for an unknown category", () => {
  expect(bundle.call("PRORATE", 1200, JAN1, DEC31, DEC31 + 15, null)).toEqual({
    error: "#NUM!",
    message: expect.stringMatching(/^effective_date/),
  });
  expect(bundle.call("STORAGEOVERAGE", 45.3, 43, "video", null, null)).toEqual({
    error: "#VALUE!",
    message: expect.stringMatching(/^category/),
  });
});

test("BILLINGPERIOD: anchor 31 Jan, 5 Mar is in [28 Feb, 30 Mar]", () => {
  // Periods begin on EDATE(31 Jan, n): 28 Feb, 31 Mar, ...; each ends the day before the next.
  expect(bundle.call("BILLINGPERIOD", JAN31, MAR5, null)).toEqual([[FEB28, MAR30]]);
  // Annual, anchor 29 Feb 2024 (45351): 1 Mar 2027 (46447) is in [28 Feb 2027, 28 Feb 2028] = [46446, 46811].
  expect(bundle.call("BILLINGPERIOD", 45351, 46447, "annual")).toEqual([[46446, 46811]]);
});

test('the "months" basis', () => {
  // Billing months from 1 Jan; 15..31 Mar is 17 of March's 31 days, then 9 whole months:
  // 1,200 x (9 + 17/31) / 12 = 100 x 296/31 = 29,600/31 = 954.8387...
  expect(bundle.call("PRORATE", 1200, JAN1, DEC31, MAR15, "months")).toBe(29600 / 31);
  // The guide's period [28 Feb, 30 Mar] on "months": billing months count from period_start, so
  // [28 Feb, 27 Mar] (28 days) and 3 days of [28 Mar, 27 Apr] (31 days). 5..27 Mar = 23/28,
  // 28..30 Mar = 3/31: share (23/28 + 3/31) / (1 + 3/31) = (797/868) / (952/868) = 797/952;
  // 3 x 93 x 797/952 = 222,363/952 = 233.5745798...
  expect(bundle.call("SEATCHARGE", 3, 93, FEB28, MAR30, MAR5, "months")).toBe(222363 / 952);
  // The same period on the actual basis: 26 of 31 days, 279 x 26/31 = 234.
  expect(bundle.call("SEATCHARGE", 3, 93, FEB28, MAR30, MAR5, null)).toBe(234);
});

test('the "actual/360" basis: actual days left over the period\'s DAYS360 length', () => {
  // A monthly period, 1-31 Jan, from 22 Jan: 22..31 is 10 actual days; DAYS360(1 Jan, 1 Feb) = 30
  // (a 30-day month, whatever January's length): 310 x 10/30 = 310/3 = 103.333..., the guide's 103.33.
  expect(bundle.call("PRORATE", 310, JAN1, JAN31, JAN22, "actual/360")).toBe(310 / 3);
  // The same on the actual basis: 10 of 31 days, 310 x 10/31 = 100.
  expect(bundle.call("PRORATE", 310, JAN1, JAN31, JAN22, null)).toBe(100);
  // From 2 Jan, 30 actual days are left of a 30-day length: capped at the whole amount.
  expect(bundle.call("PRORATE", 310, JAN1, JAN31, JAN1 + 1, "actual/360")).toBe(310);
  // An annual period, 1 Jan - 31 Dec 2025 (365 days; DAYS360(1 Jan 2025, 1 Jan 2026) = 360): from
  // 6 Jan, 360 days are left, charged in full; from 7 Jan, 359 of 360: 3,600 x 359/360 = 3,590.
  expect(bundle.call("PRORATE", 3600, JAN1, DEC31, JAN1 + 5, "actual/360")).toBe(3600);
  expect(bundle.call("PRORATE", 3600, JAN1, DEC31, JAN1 + 6, "actual/360")).toBe(3590);
});
