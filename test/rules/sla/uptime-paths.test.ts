/**
 * Monthly uptime and service credits: the exact paths behind SLAUPTIME, SLACREDITPCT, SLACREDIT
 * and SLAWORKING at their edges. Expected values are
 * worked by hand from 003 §2 and §6 and the Decision in docs/terms.md on the bands.
 */
import { Money } from "../../../src/rules/core/money";
import { epochDayFromYmd } from "../../../src/rules/core/serial";
import { SLA_CREDIT_BANDS } from "../../../src/rules/rates/sla";
import { cardGrid } from "../../../src/sheets/rate-card-layout";
import {
  creditAmount,
  monthlyUptime,
  ratioToNumber,
  slaCredit,
  slaCreditPctToNumber,
  slaCreditToNumber,
  slaMonth,
  slaWorking,
  uptimeFraction,
} from "../../../src/rules/sla/uptime";
import { creditBandsOf } from "../../../src/functions/rates";
import { ruleError } from "../../helpers/rule-error";

const HEADERS = cardGrid(SLA_CREDIT_BANDS).headers;

describe("the uptime as a number: one rounding, of the exact quotient", () => {
  test("43.20000000000000000001 outage minutes in June: the double nearest 0.999 - 1e-20/43200", () => {
    // June has 30 x 1,440 = 43,200 minutes. (43,200 - 43.20000000000000000001) / 43,200
    // = 0.999 - 1e-20 / 43,200 = 0.999 - 2.3148...e-25. A double's spacing near 0.999 is
    // 2^-53 (about 1.1e-16), so the nearest double is the one nearest 0.999: Excel's 0.999.
    // (Rounding the 26-digit numerator and denominator to doubles first, then dividing, gives
    // 0.9990000000000001.)
    const u = monthlyUptime(slaMonth(epochDayFromYmd(2025, 6, 1)), new Money("43.20000000000000000001"));
    expect(ratioToNumber(u)).toBe(0.999);
  });
  test("an outage 5e-20 minutes short of the whole of June: 5e-20 / 43,200, rounded once", () => {
    // 5e-20 / 43,200 = 1e-20 / 8,640 = 1.157407407407407407...e-24 (1 / 8,640 = 0.000115740740...,
    // "740" repeating). The numerator is a safe integer (5 at scale 20) but the denominator
    // (43,200 x 10^20) is not: rounding it to a double before dividing is off by one unit.
    const u = monthlyUptime(slaMonth(epochDayFromYmd(2025, 6, 1)), new Money("43199.99999999999999999995"));
    expect(ratioToNumber(u)).toBe(Number("1.1574074074074074074074074074e-24"));
  });
});

describe("an Order's credit bands whose edges have no safe scaled integer", () => {
  // Three bands: 99.9% or above none; from 1e-19 (0.00000000000000001%) to 99.9% 10%; below
  // 1e-19 50%. 1e-19 prints in exponent notation; the bands compare exactly all the same.
  const table = creditBandsOf([
    HEADERS,
    ["top", 0.999, "n/a", 0],
    ["middle", "0.0000000000000000001", 0.999, 0.1],
    ["bottom", "n/a", "0.0000000000000000001", 0.5],
  ]);
  test("SLACREDITPCT and SLACREDIT find the band: 50% uptime is 10%, 10% of $1,000 is $100", () => {
    expect(slaCreditPctToNumber(0.5, "uptime", table)).toBe(0.1);
    expect(slaCreditToNumber(0.5, 1000, undefined, table)).toBe(100);
    // 0 is below 1e-19: 50%, $500; 0.999 is the top band: none.
    expect(slaCreditPctToNumber(0, "uptime", table)).toBe(0.5);
    expect(slaCreditToNumber(0, 1000, undefined, table)).toBe(500);
    expect(slaCreditPctToNumber(0.999, "uptime", table)).toBe(0);
  });
});

describe("a credit with 16 decimals", () => {
  // The middle band credits 0.0000012345678912 (16 decimals, 11 significant digits: Excel holds
  // it). The percentage is that number; on $1,000 it is $0.0012345678912.
  const table = creditBandsOf([
    HEADERS,
    ["top", 0.999, "n/a", 0],
    ["middle", 0.97, 0.999, 0.0000012345678912],
    ["bottom", "n/a", 0.97, 0.5],
  ]);
  test("SLACREDITPCT gives the credit as written; SLACREDIT the fee times it", () => {
    expect(slaCreditPctToNumber(0.98, "uptime", table)).toBe(0.0000012345678912);
    expect(slaCreditToNumber(0.98, 1000, undefined, table)).toBe(0.0012345678912);
  });
});

describe("messages name the argument when the caller names none", () => {
  test("an uptime above 1 names uptime", () => {
    expect(ruleError(() => uptimeFraction(new Money(1.5)))).toEqual({
      kind: "num",
      message: "uptime must be between 0 and 1 (a fraction: 99.5% is written 0.995); got 1.5.",
    });
  });
  test("a negative fee names monthly_fee, in creditAmount and in SLAWORKING", () => {
    const want = { kind: "num", message: "monthly_fee must not be negative; got -1." };
    expect(ruleError(() => creditAmount(new Money(0.1), new Money(-1)))).toEqual(want);
    expect(ruleError(() => slaWorking(slaMonth(epochDayFromYmd(2025, 6, 1)), new Money(0), new Money(-1)))).toEqual(want);
  });
  test("SLACREDITPCT and SLACREDIT name uptime and monthly_fee", () => {
    const uptime = { kind: "num", message: "uptime must be between 0 and 1 (a fraction: 99.5% is written 0.995); got 1.5." };
    const fee = { kind: "num", message: "monthly_fee must not be negative; got -1." };
    expect(ruleError(() => slaCreditPctToNumber(1.5))).toEqual(uptime);
    expect(ruleError(() => slaCreditToNumber(1.5, 100))).toEqual(uptime);
    expect(ruleError(() => slaCredit(new Money(1.5), new Money(100)))).toEqual(uptime);
    // 50% uptime is in a band (50% credit), so the fee is checked next.
    expect(ruleError(() => slaCreditToNumber(0.5, -1))).toEqual(fee);
    expect(ruleError(() => slaCredit(new Money(0.5), new Money(-1)))).toEqual(fee);
  });
  test("a table that is not one names rates", () => {
    expect(ruleError(() => creditBandsOf(42))).toEqual({
      kind: "value",
      message: "rates must be a range holding the table Kustomer_SlaCreditBands (with or without its header row); got 42.",
    });
  });
});

test("SLAWORKING without a fee has no credit amount at all (not an amount of undefined)", () => {
  const w = slaWorking(slaMonth(epochDayFromYmd(2025, 6, 1)), new Money(0));
  expect(Object.keys(w)).not.toContain("creditAmount");
});

test("June 2025 runs from epoch day 20240 (1 June) to 20270 (1 July), 30 days of 1,440 minutes", () => {
  // 2025-06-01 is epoch day 20240 (2025-06-02 is 20241); 1 July is 30 days later: 20270.
  // Any day of the month gives the same month: 17 June is 20256.
  const m = slaMonth(20256);
  expect([m.firstDay, m.nextFirstDay, m.days, m.minutes, m.label]).toEqual([20240, 20270, 30, 43200, "June 2025"]);
});
