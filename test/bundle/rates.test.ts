/**
 * An Order's own rates as the last argument, `rates`, through the built bundle as Excel calls it:
 * the range holds a card's table as the pane writes it, with its header row (Table[#All]) or
 * without (the table's data body), rows in any order. Every expected value is worked out by hand
 * from the Order's numbers in the test.
 */
import { loadBundle, type LoadedBundle } from "../helpers/bundle";
import { cardGrid } from "../../src/sheets/rate-card-layout";
import { STORAGE_ALLOCATION, STORAGE_RECORD_SIZES } from "../../src/rules/rates/storage";
import { SLA_CREDIT_BANDS, SLA_RESPONSE_TIMES } from "../../src/rules/rates/sla";
import { DATA_MIGRATION_SIZES, MANAGED_SERVICES_HOURS, PS_PACKAGES } from "../../src/rules/rates/professional-services";

let b: LoadedBundle;
beforeAll(() => {
  b = loadBundle();
});

type Grid = unknown[][];
const headers = (card: Parameters<typeof cardGrid>[0]) => cardGrid(card).headers as unknown[];
/** The table as Table[#All] passes it (header first), as the data body passes it, and the body with its rows reversed. */
const shapes = (header: unknown[], body: Grid): [string, Grid][] => [
  ["with its header row", [header, ...body]],
  ["without a header row", body],
  ["rows shuffled, with header", [header, ...[...body].reverse()]],
  ["rows shuffled, without header", [...body.slice(1), body[0]]],
];
const copy = (g: Grid): Grid => g.map((r) => [...r]);

// ---------------------------------------------------------------------------------------------
// STORAGEALLOWANCE (Kustomer_StorageAllocation)
// ---------------------------------------------------------------------------------------------

// An Order where Ultimate's default data is 25 GB and its data per 1k conversations 0.4 GB.
const ALLOCATION_BODY: Grid = [
  ["Professional (legacy)", 2.5, 5, 0.125, 1.25, "n/a", "n/a"],
  ["Enterprise", 10, 20, 0.5, 5, 0.15, 3],
  ["Ultimate", 25, 40, 1, 10, 0.4, 4],
];
const ALLOCATION_HEADER = headers(STORAGE_ALLOCATION);

describe("STORAGEALLOWANCE with an Order's allocation table", () => {
  test.each(shapes(ALLOCATION_HEADER, ALLOCATION_BODY))("Ultimate data, 1,500 committed conversations: 25.6 GB (%s)", (_name, rates) => {
    // 25 GB + 1.5 x 0.4 GB = 25 + 0.6 = 25.6 GB.
    expect(b.call("STORAGEALLOWANCE", "Ultimate", "data", null, 1500, null, rates)).toBe(25.6);
  });

  test("omitting rates keeps the built-in allocation: 20 + 1.5 x 0.3 = 20.45 GB", () => {
    expect(b.call("STORAGEALLOWANCE", "Ultimate", "data", null, 1500, null, null)).toBe(20.45);
  });

  test("values with units: 25 GB, 400 MB; the legacy plan by its dropdown name", () => {
    const rates = copy([ALLOCATION_HEADER, ...ALLOCATION_BODY]);
    rates[3][1] = "25 GB";
    rates[3][5] = "400 MB";
    // 25 + 2,000 / 1,000 x 0.4 = 25.8 GB.
    expect(b.call("STORAGEALLOWANCE", "Ultimate", "data", null, 2000, null, rates)).toBe(25.8);
    // Professional (legacy) attachments: (5 + 10 x 1.25) / 1 = 17.5 GB.
    expect(b.call("STORAGEALLOWANCE", "Professional", "attachment", 10, null, null, rates)).toBe(17.5);
  });

  test("a plan the table lacks is #N/A, not in the given rates", () => {
    expect(b.call("STORAGEALLOWANCE", "Business", "data", 10, null, null, ALLOCATION_BODY)).toEqual({
      error: "#N/A",
      message: 'plan "Business" is not in the given rates; they hold: Professional (legacy), Enterprise, Ultimate.',
    });
  });

  test("n/a where the card has n/a: conversations on that plan are #N/A, as today", () => {
    expect(b.call("STORAGEALLOWANCE", "Professional", "data", null, 1000, null, ALLOCATION_BODY)).toMatchObject({ error: "#N/A" });
  });

  test("a value that is not a number names its row and column", () => {
    const rates = copy([ALLOCATION_HEADER, ...ALLOCATION_BODY]);
    rates[2][1] = "lots";
    expect(b.call("STORAGEALLOWANCE", "Ultimate", "data", null, 1500, null, rates)).toEqual({
      error: "#VALUE!",
      message:
        'rates row 3, "Default data (GB)": expected a size in GB, such as 2.5 or 2.5 GB (MB and TB are converted at 1 GB = 1000 MB); got "lots".',
    });
  });

  test("n/a where the card has a rate, a negative rate, a missing column, a repeated plan: #VALUE!", () => {
    const na = copy(ALLOCATION_BODY);
    na[2][1] = "n/a";
    expect(b.call("STORAGEALLOWANCE", "Ultimate", "data", null, 1500, null, na)).toEqual({
      error: "#VALUE!",
      message:
        'rates row 3, "Default data (GB)": n/a is not accepted here: every rate in this column applies; expected a size in GB, such as 2.5 or 2.5 GB (MB and TB are converted at 1 GB = 1000 MB).',
    });
    const negative = copy(ALLOCATION_BODY);
    negative[1][3] = -0.5;
    expect(b.call("STORAGEALLOWANCE", "Ultimate", "data", null, 1500, null, negative)).toEqual({
      error: "#VALUE!",
      message: 'rates row 2, "Data per full-time user (GB)": -0.5 is negative; rates cannot be negative.',
    });
    const missing = [ALLOCATION_HEADER.slice(0, 6), ...ALLOCATION_BODY.map((r) => r.slice(0, 6))];
    expect(b.call("STORAGEALLOWANCE", "Ultimate", "data", null, 1500, null, missing)).toEqual({
      error: "#VALUE!",
      message: 'rates row 1, "Attachments per 1k committed conversations (GB)": is missing; every column of the card is required.',
    });
    const noHeaderShort = ALLOCATION_BODY.map((r) => r.slice(0, 6));
    expect(b.call("STORAGEALLOWANCE", "Ultimate", "data", null, 1500, null, noHeaderShort)).toMatchObject({
      error: "#VALUE!",
      message: expect.stringMatching(/^rates: The range has 6 columns and no header row; "Storage allocation by plan" has 7: "Plan", /),
    });
    const repeated = [ALLOCATION_HEADER, ...ALLOCATION_BODY, ["ultimate", 30, 40, 1, 10, 0.3, 4]];
    expect(b.call("STORAGEALLOWANCE", "Ultimate", "data", null, 1500, null, repeated)).toEqual({
      error: "#VALUE!",
      message: 'rates row 5, "Plan": repeats row 4; each row must be distinct.',
    });
  });

  test("several problems: the first in full and how many more", () => {
    const rates = copy(ALLOCATION_BODY);
    rates[0][1] = "lots";
    rates[1][2] = true;
    expect(b.call("STORAGEALLOWANCE", "Ultimate", "data", null, 1500, null, rates)).toMatchObject({
      error: "#VALUE!",
      message: expect.stringMatching(/^rates row 1, "Default data \(GB\)": .* \(and 1 more problem in the table\)\.$/),
    });
  });
});

// ---------------------------------------------------------------------------------------------
// SLACREDITPCT, SLACREDIT, SLAWORKING (Kustomer_SlaCreditBands)
// ---------------------------------------------------------------------------------------------

// An Order whose 99.0% to 99.89% band credits 15%.
const BANDS_BODY: Grid = [
  ["99.9% or above", 0.999, "n/a", 0],
  ["99.0% to 99.89%", 0.99, 0.999, 0.15],
  ["97.0% to 98.99%", 0.97, 0.99, 0.25],
  ["Below 97.0%", "n/a", 0.97, 0.5],
];
const BANDS_HEADER = headers(SLA_CREDIT_BANDS);

describe("SLA credits with an Order's bands", () => {
  test.each(shapes(BANDS_HEADER, BANDS_BODY))("SLACREDIT(0.995, 2000) is 300 (%s)", (_name, rates) => {
    // 99.5% is in the 99.0%-99.89% band: 15% x 2,000 = 300.
    expect(b.call("SLACREDIT", 0.995, 2000, rates)).toBe(300);
    expect(b.call("SLACREDITPCT", 0.995, rates)).toBe(0.15);
  });

  test("without rates: 10% x 2,000 = 200", () => {
    expect(b.call("SLACREDIT", 0.995, 2000, null)).toBe(200);
  });

  test("percentages as text, as typed: 15%", () => {
    const rates = copy(BANDS_BODY);
    rates[1] = ["99.0% to 99.89%", "99%", "99.9%", "15%"];
    expect(b.call("SLACREDIT", 0.995, 2000, rates)).toBe(300);
  });

  test("SLAWORKING shows the Order's band and credit", () => {
    // January 2025: 31 x 1,440 = 44,640 minutes; 446.4 outage minutes leave 99%, the 15% band;
    // credit 15% x 2,500 = 375.
    expect(b.call("SLAWORKING", 45658, 446.4, 2500, [BANDS_HEADER, ...BANDS_BODY])).toEqual([
      ["Minutes in month", 44640],
      ["Outage minutes", 446.4],
      ["Uptime", 0.99],
      ["Band", "99.0% to 99.89%"],
      ["Credit percentage", 0.15],
      ["Credit amount", 375],
    ]);
  });

  test("bands that overlap or leave a gap, or a top band with a ceiling: #VALUE! naming the row", () => {
    const overlap = copy([BANDS_HEADER, ...BANDS_BODY]);
    overlap[3][1] = 0.96; // 97.0% to 98.99% now starts at 96%, inside "Below 97.0%"
    expect(b.call("SLACREDIT", 0.995, 2000, overlap)).toEqual({
      error: "#VALUE!",
      message:
        'rates row 4, "From (included)": 96% overlaps the band in row 5, which ends below 97%; bands must follow on without a gap or an overlap (expected 97%).',
    });
    const gap = copy([BANDS_HEADER, ...BANDS_BODY]);
    gap[2][1] = 0.991; // 99.0% band now starts at 99.1%: 99.0% to 99.1% has no band
    expect(b.call("SLACREDITPCT", 0.995, gap)).toEqual({
      error: "#VALUE!",
      message:
        'rates row 3, "From (included)": 99.1% leaves a gap after the band in row 4, which ends below 99%; bands must follow on without a gap or an overlap (expected 99%).',
    });
    const ceiling = copy(BANDS_BODY);
    ceiling[0][2] = 1;
    expect(b.call("SLACREDITPCT", 1, ceiling)).toEqual({
      error: "#VALUE!",
      message:
        'rates row 1, "Below (excluded)": the top band stops below 100%, which leaves a gap up to 100%; write n/a for no upper bound.',
    });
  });

  test("a percentage above 100% and a repeated band are #VALUE!", () => {
    const above = copy(BANDS_BODY);
    above[3][3] = 1.5;
    expect(b.call("SLACREDIT", 0.5, 100, above)).toEqual({
      error: "#VALUE!",
      message: 'rates row 4, "Service credit": 1.5 is above 100%; write a percentage such as 10% (or the fraction 0.1).',
    });
    const twice = [...BANDS_BODY, ["Below 97.0%", "n/a", 0.97, 0.5]];
    expect(b.call("SLACREDIT", 0.5, 100, twice)).toMatchObject({
      error: "#VALUE!",
      message: 'rates row 5, "Monthly Uptime Percentage": repeats row 4; each row must be distinct.',
    });
  });
});

// ---------------------------------------------------------------------------------------------
// RESPONSEDUE (Kustomer_SlaResponseTimes)
// ---------------------------------------------------------------------------------------------

const RESPONSE_BODY: Grid = [
  ["Severe", 4, "hours", "Down"],
  ["High", 12, "hours", "Degraded"],
  ["Medium", 2, "business days", "Other"],
];

describe("RESPONSEDUE with an Order's response times", () => {
  test.each(shapes(headers(SLA_RESPONSE_TIMES), RESPONSE_BODY))("Severe in 4 hours, Medium in 2 business days (%s)", (_name, rates) => {
    // Friday 6 June 2025 (serial 45814) 23:00 + 4 hours = Saturday 7 June 03:00 = 45815 + 3/24.
    expect(b.call("RESPONSEDUE", "Severe", "2025-06-06T23:00", null, rates)).toBe(45815.125);
    // Friday 6 June 12:00 + 2 business days = Tuesday 10 June (45818) 12:00.
    expect(b.call("RESPONSEDUE", "Medium", "2025-06-06T12:00", null, rates)).toBe(45818.5);
  });

  test("a priority the table lacks is #N/A; a unit other than hours or business days is #VALUE!", () => {
    expect(b.call("RESPONSEDUE", "Medium", 45814, null, RESPONSE_BODY.slice(0, 2))).toEqual({
      error: "#N/A",
      message: 'priority "Medium" is not in the given rates; they hold: Severe, High.',
    });
    const weeks = copy(RESPONSE_BODY);
    weeks[2][2] = "weeks";
    expect(b.call("RESPONSEDUE", "Severe", 45814, null, weeks)).toEqual({
      error: "#VALUE!",
      message: 'rates row 3, "Unit": "weeks" is not one of: hours, business days.',
    });
  });
});

// ---------------------------------------------------------------------------------------------
// PSKICKOFFDEADLINE, PSEXPIRY, PSINCLUSION (Kustomer_PsPackages)
// ---------------------------------------------------------------------------------------------

const PS_HEADER = headers(PS_PACKAGES);
// "Implementation - Standard" completed within 90 days; "Implementation - Custom" is the Order's own.
const PS_BODY: Grid = [
  [
    "Implementation - Standard",
    30,
    "Subscription Start",
    90,
    "90 days",
    "Custom scope",
    "n/a",
    "n/a",
    20,
    3,
    2,
    2,
    "n/a",
    "n/a",
    "n/a",
    "n/a",
  ],
  [
    "Implementation - Custom",
    45,
    "Subscription Start",
    120,
    "120 days",
    "Bespoke",
    "n/a",
    "n/a",
    24.5,
    2,
    1.5,
    4,
    "n/a",
    "n/a",
    "n/a",
    "n/a",
  ],
];

describe("PS packages with an Order's table", () => {
  test.each(shapes(PS_HEADER, PS_BODY))("PSEXPIRY(Implementation - Standard, 3 Mar 2025) is 1 Jun 2025 (%s)", (_name, rates) => {
    // 3 March 2025 is serial 45719; + 90 days = 45809, 1 June 2025.
    expect(b.call("PSEXPIRY", "Implementation - Standard", 45719, rates)).toBe(45809);
    // The built-in 12 weeks: 45719 + 84 = 45803 (26 May 2025).
    expect(b.call("PSEXPIRY", "Implementation - Standard", 45719, null)).toBe(45803);
  });

  test("a package only the Order has", () => {
    const rates = [PS_HEADER, ...PS_BODY];
    // Kick-off within 45 days of 1 Jan 2025 (45658): 45703; expiry 120 days after 3 Mar: 45839.
    expect(b.call("PSKICKOFFDEADLINE", "Implementation - Custom", 45658, rates)).toBe(45703);
    expect(b.call("PSEXPIRY", "implementation custom", 45719, rates)).toBe(45839);
    expect(b.call("PSINCLUSION", "Implementation - Custom", "configuration hours", rates)).toBe(24.5);
    // Training: 2 user hours + 1.5 admin hours = 3.5.
    expect(b.call("PSINCLUSION", "Implementation - Custom", "training hours", rates)).toBe(3.5);
    expect(b.call("PSINCLUSION", "Implementation - Custom", "sub-agents", rates)).toMatchObject({ error: "#N/A" });
  });

  test("a built-in package keeps its aliases in the Order's table; a package the table lacks is #N/A", () => {
    const rates = [PS_HEADER, ...PS_BODY];
    expect(b.call("PSEXPIRY", "Standard Implementation", 45719, rates)).toBe(45809);
    expect(b.call("PSEXPIRY", "Onboarding Essentials", 45719, rates)).toEqual({
      error: "#N/A",
      message:
        'package_name "Onboarding Essentials" is not in the given rates; they hold: Implementation - Standard, Implementation - Custom.',
    });
  });

  test("days must be whole; a text cell starting with = is refused", () => {
    const frac = copy(PS_BODY);
    frac[0][3] = 90.5;
    expect(b.call("PSEXPIRY", "Implementation - Standard", 45719, frac)).toEqual({
      error: "#VALUE!",
      message: 'rates row 1, "Completed within (days of kick-off)": expected a whole number of days, such as 30; got 90.5.',
    });
    const formula = copy(PS_BODY);
    formula[1][0] = "=1+1";
    expect(b.call("PSEXPIRY", "Implementation - Standard", 45719, formula)).toMatchObject({
      error: "#VALUE!",
      message: expect.stringMatching(/^rates row 2, "Package": "=1\+1" starts with "="/),
    });
  });
});

// ---------------------------------------------------------------------------------------------
// MANAGEDHOURS, MIGRATIONSIZE, DATASTORAGE, STORAGEWORKING
// ---------------------------------------------------------------------------------------------

const MANAGED_BODY: Grid = [
  ["Managed Services", "Essential", 10],
  ["Managed Services", "Standard", 50],
  ["AI Managed Services", "Standard", "45 hours"],
];

describe("MANAGEDHOURS with an Order's hours", () => {
  test.each(shapes(headers(MANAGED_SERVICES_HOURS), MANAGED_BODY))("Essential 10, AI Standard 45 (%s)", (_name, rates) => {
    expect(b.call("MANAGEDHOURS", "Essential", null, rates)).toBe(10);
    expect(b.call("MANAGEDHOURS", "Standard", "AI", rates)).toBe(45);
  });
  test("a level the table lacks is #N/A; a level the service lacks is #N/A", () => {
    expect(b.call("MANAGEDHOURS", "Basic", null, MANAGED_BODY)).toEqual({
      error: "#N/A",
      message: 'service_level "Basic" is not in the given rates; they hold: Essential, Standard.',
    });
    expect(b.call("MANAGEDHOURS", "Essential", "AI Managed Services", MANAGED_BODY)).toEqual({
      error: "#N/A",
      message: "AI Managed Services has no Essential level; the given rates offer Standard.",
    });
  });
});

const SIZES_BODY: Grid = [
  ["Small", 0, 100000, 8],
  ["Medium", 100001, 300000, 10],
  ["Large", 300001, 600000, 12],
];

describe("MIGRATIONSIZE with an Order's sizes", () => {
  test.each(shapes(headers(DATA_MIGRATION_SIZES), SIZES_BODY))("100,000 Small, 300,001 Large; above 600,000 #NUM! (%s)", (_name, rates) => {
    expect(b.call("MIGRATIONSIZE", 100000, rates)).toBe("Small");
    expect(b.call("MIGRATIONSIZE", 300001, rates)).toBe("Large");
    expect(b.call("MIGRATIONSIZE", 600001, rates)).toEqual({
      error: "#NUM!",
      message: "conversation_records (600,001) is above 600,000, the top of the Large size: a migration that big needs a Change Order.",
    });
  });
  test("sizes that leave a gap or overlap are #VALUE!", () => {
    const gap = copy(SIZES_BODY);
    gap[1][1] = 100002;
    expect(b.call("MIGRATIONSIZE", 5, gap)).toEqual({
      error: "#VALUE!",
      message:
        'rates row 2, "From (conversation records)": 100002 leaves a gap after the band in row 1, which ends at 100000; bands must follow on without a gap or an overlap (expected 100001).',
    });
    const overlap = copy(SIZES_BODY);
    overlap[2][1] = 250000;
    expect(b.call("MIGRATIONSIZE", 5, overlap)).toMatchObject({
      error: "#VALUE!",
      message: expect.stringMatching(/^rates row 3, "From \(conversation records\)": 250000 overlaps the band in row 2/),
    });
  });
});

const SIZES_HEADER = headers(STORAGE_RECORD_SIZES);
// The Order's events are 0.1 KB; a "Ticket" type of its own is 1,500 bytes (1.5 KB).
const RECORDS_BODY: Grid = [
  ["Event / Audit Log", "0.1 KB"],
  ["Ticket", "1500 bytes"],
  ["Message", 0.2],
];

describe("DATASTORAGE and STORAGEWORKING with an Order's record sizes", () => {
  test.each(shapes(SIZES_HEADER, RECORDS_BODY))("3 events and 2 tickets: 3.3 KB (%s)", (_name, rates) => {
    // 3 x 0.1 + 2 x 1.5 = 0.3 + 3 = 3.3 KB = 0.0000033 GB.
    expect(b.call("DATASTORAGE", [["Event"], ["Ticket"]], [[3], [2]], rates)).toBe(0.0000033);
  });
  test("STORAGEWORKING lists the Order's sizes", () => {
    expect(b.call("STORAGEWORKING", [["Audit Log"], ["Ticket"]], [[3], [2]], RECORDS_BODY)).toEqual([
      ["Record type", "Count", "Size per record (KB)", "GB"],
      ["Event / Audit Log", 3, 0.1, 0.0000003],
      ["Ticket", 2, 1.5, 0.000003],
      ["Total", 5, "", 0.0000033],
    ]);
  });
  test("a record type the table lacks is #N/A", () => {
    expect(b.call("DATASTORAGE", [["Company"]], [[1]], RECORDS_BODY)).toEqual({
      error: "#N/A",
      message: 'record_types (row 1, column 1) "Company" is not in the given rates; they hold: Event / Audit Log, Ticket, Message.',
    });
  });
});

// ---------------------------------------------------------------------------------------------
// What the range may be
// ---------------------------------------------------------------------------------------------

describe("the rates range itself", () => {
  test("a whole column (1,048,576 rows) is refused before it is read", () => {
    const column = Array.from({ length: 1_048_576 }, () => [null]);
    expect(b.call("SLACREDIT", 0.995, 2000, column)).toEqual({
      error: "#VALUE!",
      message: "rates has 1048576 rows; a rate card has at most 1000: pass the table Kustomer_SlaCreditBands, not a whole column.",
    });
    const wide = [Array.from({ length: 16384 }, () => null)];
    expect(b.call("SLACREDIT", 0.995, 2000, wide)).toMatchObject({
      error: "#VALUE!",
      message: expect.stringMatching(/^rates has 16384 columns/),
    });
  });

  test("blank rows and blank columns around the table are ignored", () => {
    const rates = [[null, null, null, null, null], ...BANDS_BODY.map((r) => [...r, null]), ["", "", "", "", ""]];
    expect(b.call("SLACREDIT", 0.995, 2000, rates)).toBe(300);
  });

  test("an empty range, a single value, the wrong card's table: #VALUE!", () => {
    expect(b.call("SLACREDIT", 0.995, 2000, [[null]])).toMatchObject({
      error: "#VALUE!",
      message: expect.stringMatching(/^rates: The range is empty/),
    });
    expect(b.call("SLACREDIT", 0.995, 2000, 0.1)).toMatchObject({
      error: "#VALUE!",
      message: expect.stringMatching(/^rates must be a range/),
    });
    expect(b.call("SLACREDIT", 0.995, 2000, [ALLOCATION_HEADER, ...ALLOCATION_BODY])).toMatchObject({ error: "#VALUE!" });
  });

  test("a table read once is not reused for another: same content gives the same result, changed content a new one", () => {
    const a = copy(BANDS_BODY);
    expect(b.call("SLACREDIT", 0.995, 2000, a)).toBe(300);
    a[1][3] = 0.2; // the same array, changed in place: 20% x 2,000 = 400
    expect(b.call("SLACREDIT", 0.995, 2000, a)).toBe(400);
    expect(b.call("SLACREDIT", 0.995, 2000, copy(BANDS_BODY))).toBe(300);
    // A bad table stays bad, a good one good, however they alternate.
    const bad = copy(BANDS_BODY);
    bad[1][3] = "lots";
    for (let i = 0; i < 3; i++) {
      expect(b.call("SLACREDIT", 0.995, 2000, bad)).toMatchObject({ error: "#VALUE!" });
      expect(b.call("SLACREDIT", 0.995, 2000, BANDS_BODY)).toBe(300);
    }
  });

  test("rates is an optional matrix, the last argument of each of the twelve functions but for an argument added after it", () => {
    const ids = [
      "DATASTORAGE",
      "STORAGEWORKING",
      "STORAGEALLOWANCE",
      "SLACREDITPCT",
      "SLACREDIT",
      "SLAWORKING",
      "RESPONSEDUE",
      "PSKICKOFFDEADLINE",
      "PSEXPIRY",
      "PSINCLUSION",
      "MANAGEDHOURS",
      "MIGRATIONSIZE",
    ];
    // A new argument goes at the end: the SLA credit functions' service came after rates.
    const addedAfter: Record<string, string[]> = { SLACREDITPCT: ["service"], SLACREDIT: ["service"], SLAWORKING: ["service"] };
    for (const id of ids) {
      const params = b.metadata.functions.find((f) => f.id === id)?.parameters ?? [];
      const after = addedAfter[id] ?? [];
      expect({
        id,
        rates: params[params.length - 1 - after.length],
        after: params.slice(params.length - after.length).map((p) => p.name),
      }).toMatchObject({
        id,
        rates: { name: "rates", optional: true, dimensionality: "matrix" },
        after,
      });
    }
    const withRates = b.metadata.functions.filter((f) => f.parameters.some((p) => p.name === "rates")).map((f) => f.id);
    expect(withRates.sort()).toEqual([...ids].sort());
  });
});
