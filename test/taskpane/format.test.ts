/**
 * Dates for display: an ISO date-only string shows as the same day in every time zone (npm test
 * runs this under UTC, New York, Kolkata and Chatham).
 */
import { RATE_CARDS } from "../../src/rules/rates";
import { captionFor, formatIsoDate, sourceOf, todayIso } from "../../src/taskpane/format";

test("document dates show day, month in words, year, with no time-zone drift", () => {
  expect(formatIsoDate("2025-11-17")).toBe("17 Nov 2025");
  expect(formatIsoDate("2024-11-01")).toBe("1 Nov 2024");
  expect(formatIsoDate("2024-12-23")).toBe("23 Dec 2024");
  expect(formatIsoDate("2024-02-29")).toBe("29 Feb 2024");
  expect(formatIsoDate("2025-01-01")).toBe("1 Jan 2025");
  expect(formatIsoDate("2025-12-31")).toBe("31 Dec 2025");
});

test("anything but a real ISO date is refused", () => {
  expect(() => formatIsoDate("2025-02-30")).toThrow("not an ISO date: 2025-02-30");
  expect(() => formatIsoDate("2025-1-1")).toThrow("not an ISO date: 2025-1-1");
  expect(() => formatIsoDate("2025-01-01T00:00:00Z")).toThrow(RangeError);
});

test("today is the local calendar day", () => {
  expect(todayIso(new Date(2026, 10, 21, 0, 0, 0))).toBe("2026-11-21");
  expect(todayIso(new Date(2026, 10, 21, 23, 59, 59))).toBe("2026-11-21");
});

test("each card names its source document and that document's last-updated date (docs/terms.md)", () => {
  expect(Object.fromEntries(RATE_CARDS.map((c) => [c.id, sourceOf(c)]))).toEqual({
    Kustomer_StorageRecordSizes: {
      title: "Billing help pages: FAQ, seasonal seats, storage limits and pricing, subscription",
      updated: "undated",
    },
    Kustomer_StorageAllocation: {
      title: "Billing help pages: FAQ, seasonal seats, storage limits and pricing, subscription",
      updated: "undated",
    },
    Kustomer_StoragePrices: {
      title: "Billing help pages: FAQ, seasonal seats, storage limits and pricing, subscription",
      updated: "undated",
    },
    Kustomer_TranslationPrice: { title: "Supplemental Terms, usage-based plans", updated: "last updated 1 Nov 2024" },
    Kustomer_SlaCreditBands: { title: "Service Level Agreement", updated: "last updated 23 Dec 2024" },
    Kustomer_SlaResponseTimes: { title: "Service Level Agreement", updated: "last updated 23 Dec 2024" },
    Kustomer_PsPackages: { title: "Professional Services Terms", updated: "last updated 17 Nov 2025" },
    Kustomer_ManagedServicesHours: { title: "Professional Services Terms", updated: "last updated 17 Nov 2025" },
    Kustomer_DataMigrationSizes: { title: "Professional Services Terms", updated: "last updated 17 Nov 2025" },
    Kustomer_PsLimits: { title: "Professional Services Terms", updated: "last updated 17 Nov 2025" },
  });
});

test("captions for the built-in rates and for an Order's", () => {
  const ps = RATE_CARDS.find((c) => c.id === "Kustomer_PsPackages")!;
  expect(captionFor(ps)).toEqual({
    title: "Professional-services packages",
    caption: 'Source: Professional Services Terms (last updated 17 Nov 2025), section "Package descriptions".',
  });
  expect(captionFor(ps, { fileName: "acme.json", importedOn: "2026-01-05" })).toEqual({
    title: "Professional-services packages (Order rates)",
    caption:
      'Source: Order file acme.json, imported 5 Jan 2026, in place of the built-in rates from Professional Services Terms (last updated 17 Nov 2025), section "Package descriptions".',
  });
});
