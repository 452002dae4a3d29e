/**
 * The Covered Service argument of SLACREDIT, SLACREDITPCT and SLAWORKING through the built
 * bundle: only Ultimate (license based, the default) and Ultimate AI (conversation based) earn a
 * Service Credit (003 §1); another Kustomer plan gives 0; an unknown name is #VALUE!.
 */
import { loadBundle, type LoadedBundle } from "../helpers/bundle";

let b: LoadedBundle;
beforeAll(() => {
  b = loadBundle();
});

// 2025-06-01 = 45809; June has 30 x 1440 = 43,200 minutes.
const JUNE1 = 45809;
const CHOICES = "Ultimate, Ultimate AI, Enterprise, Business, Professional, Enterprise AI, Business AI, Professional AI";

describe("SLACREDIT with a service", () => {
  test("the issue's examples: Enterprise earns 0; Ultimate AI 500 conversations", () => {
    // 99.5% is in the [99.0%, 99.9%) band, 10%. Enterprise is no Covered Service: 0.
    expect(b.call("SLACREDIT", 0.995, 2500, null, "Enterprise")).toBe(0);
    // Ultimate AI: 10% of an average monthly Commitment of 5,000 conversations = 500.
    expect(b.call("SLACREDIT", 0.995, 5000, null, "Ultimate AI")).toBe(500);
  });
  test("omitted, blank or Ultimate: the old result (10% x 1,000 = 100)", () => {
    expect(b.call("SLACREDIT", 0.995, 1000)).toBe(100);
    expect(b.call("SLACREDIT", 0.995, 1000, null, null)).toBe(100);
    expect(b.call("SLACREDIT", 0.995, 1000, null, "")).toBe(100);
    expect(b.call("SLACREDIT", 0.995, 1000, null, "Ultimate")).toBe(100);
    expect(b.call("SLACREDIT", 0.995, 1000, null, "kustomer platform ultimate")).toBe(100);
  });
  test("every other plan, and the legacy names, earn 0 in every band", () => {
    for (const plan of ["Professional", "Business", "Enterprise", "Professional AI", "Business AI", "Enterprise AI", "business (legacy)"]) {
      // 0.9 is below 97.0%: 50% on Ultimate (500 of 1,000), 0 here.
      expect({ plan, credit: b.call("SLACREDIT", 0.9, 1000, null, plan) }).toEqual({ plan, credit: 0 });
    }
  });
  test("a bad uptime or fee is still an error on a plan that earns nothing", () => {
    expect(b.call("SLACREDIT", 1.5, 1000, null, "Enterprise")).toEqual(expect.objectContaining({ error: "#NUM!" }));
    expect(b.call("SLACREDIT", 0.9, -1, null, "Enterprise")).toEqual({
      error: "#NUM!",
      message: "monthly_fee must not be negative; got -1.",
    });
  });
  test("an unknown name is #VALUE! listing the choices", () => {
    expect(b.call("SLACREDIT", 0.995, 1000, null, "Platinum")).toEqual({
      error: "#VALUE!",
      message: `service "Platinum" is not known; expected one of: ${CHOICES}.`,
    });
    // The dropdown's argument is declared as text: Excel passes a TRUE typed there as "TRUE".
    expect(b.call("SLACREDIT", 0.995, 1000, null, true)).toEqual({
      error: "#VALUE!",
      message: `service "TRUE" is not known; expected one of: ${CHOICES}.`,
    });
  });
});

describe("SLACREDITPCT with a service", () => {
  test("Ultimate AI below 97.0%: 50%; Enterprise: 0; Ultimate: the band", () => {
    expect(b.call("SLACREDITPCT", 0.96, null, "Ultimate AI")).toBe(0.5);
    expect(b.call("SLACREDITPCT", 0.96, null, "Enterprise")).toBe(0);
    expect(b.call("SLACREDITPCT", 0.98, null, "Ultimate")).toBe(0.25);
    expect(b.call("SLACREDITPCT", 0.98)).toBe(0.25);
  });
});

describe("SLAWORKING with a service", () => {
  // 194.4 outage minutes: (43200 - 194.4) / 43200 = 43005.6 / 43200 = 0.9955, the 10% band.
  const head = [
    ["Minutes in month", 43200],
    ["Outage minutes", 194.4],
    ["Uptime", 0.9955],
    ["Band", "99.0%–99.9%"],
  ];
  test("Ultimate AI: the credit is conversations off July's usage, said in its rows", () => {
    expect(b.call("SLAWORKING", JUNE1, 194.4, 5000, null, "Ultimate AI")).toEqual([
      ...head,
      ["Credit percentage", 0.1],
      [
        "Covered Service",
        "Ultimate AI (conversation based): the credit is in the Commitment's units, credited against July 2025's Conversation usage, not money",
      ],
      // 10% x 5,000 conversations.
      ["Credit in conversations (next month's usage)", 500],
    ]);
  });
  test("December's conversation credit goes to January of the next year", () => {
    // 2025-12-01 = 45809 + 183 = 45992 (June 30, July 31, Aug 31, Sept 30, Oct 31, Nov 30 days).
    const rows = b.call("SLAWORKING", 45992, 0, 1000, null, "Ultimate AI") as unknown[][];
    expect(rows[5][1]).toContain("against January 2026's Conversation usage");
  });
  test("Enterprise: not a Covered Service, 0; no fee: no credit row", () => {
    expect(b.call("SLAWORKING", JUNE1, 194.4, 2500, null, "Enterprise")).toEqual([
      ...head,
      ["Credit percentage", 0],
      ["Covered Service", "Enterprise is not a Covered Service: no credit"],
      ["Credit amount", 0],
    ]);
    expect(b.call("SLAWORKING", JUNE1, 194.4, null, null, "Business")).toEqual([
      ...head,
      ["Credit percentage", 0],
      ["Covered Service", "Business is not a Covered Service: no credit"],
    ]);
  });
  test("Ultimate named: money, with its row; omitted: the old 6 rows", () => {
    expect(b.call("SLAWORKING", JUNE1, 194.4, 2500, null, "Ultimate")).toEqual([
      ...head,
      ["Credit percentage", 0.1],
      ["Covered Service", "Ultimate (license based): the credit is money off the monthly fees"],
      ["Credit amount", 250],
    ]);
    expect(b.call("SLAWORKING", JUNE1, 194.4, 2500)).toEqual([...head, ["Credit percentage", 0.1], ["Credit amount", 250]]);
  });
  test("an unknown service is #VALUE!", () => {
    expect(b.call("SLAWORKING", JUNE1, 194.4, 2500, null, "Gold")).toEqual({
      error: "#VALUE!",
      message: `service "Gold" is not known; expected one of: ${CHOICES}.`,
    });
  });
});
