/**
 * Excel adapters for seat and plan proration (rules: src/rules/billing/proration.ts).
 * Each function only converts Excel's arguments, calls the rule and converts the result.
 */
import { toChoice, toDate, toInteger } from "../rules/core/args";
import { toAmount } from "../rules/core/money";
import {
  PRORATION_BASES,
  type ProrationPeriod,
  type ProrationShare,
  planChangeToNumber,
  planChangeWorking,
  prorateToNumber,
  prorationShare,
  seatChargeToNumber,
} from "../rules/billing/proration";
import { BILLING_CYCLES, billingPeriod } from "../rules/billing/period";
import { serialFromEpochDay } from "../rules/core/serial";
import { phoneNumberRows, phoneNumbersBilled } from "../rules/billing/voice";
import { excel, working, workbookDateSystem, type Working, type WorkingRow } from "./excel";

/**
 * How days are counted when prorating.
 * @customenum {string}
 */
enum ProrationBasis {
  /** Actual days, both ends included (default) */
  Actual = "actual",
  /** 30/360, days counted as Excel's DAYS360 */
  Days360 = "30/360",
  /** Actual days left over the period's DAYS360 length (30-day months, 360-day years), capped: 10 days left of January charge 10/30 */
  Actual360 = "actual/360",
  /** Billing months from period_start (as EDATE): each day weighs 1/(days in its billing month) */
  Months = "months",
}

function period(periodStart: unknown, periodEnd: unknown, effective: unknown, effectiveArg: string, basis: unknown): ProrationPeriod {
  const system = workbookDateSystem();
  return {
    periodStart: toDate(periodStart, "period_start", system),
    periodEnd: toDate(periodEnd, "period_end", system),
    effective: toDate(effective, effectiveArg, system),
    basis: toChoice(basis, "basis", PRORATION_BASES, "actual"),
  };
}

const names = (effective: string) => ({ start: "period_start", end: "period_end", effective });

/**
 * The working rows of a share, ending with the share itself. On the months basis the billing
 * months replace the day counts, each piece a whole number an auditor can check on a calendar:
 * share = (first days / its month's days + whole months charged + last days / part month's days)
 *       / (whole months in period + part month days / part month's days).
 */
function shareRows(share: ProrationShare): WorkingRow[] {
  // A ratio of two whole numbers: the division gives the double nearest the exact share.
  const ratio = share.shareNumerator / share.shareDenominator;
  const m = share.months;
  if (!m) {
    return [
      ["Basis", "text", share.basis],
      ["Days in period", "days", share.daysInPeriod],
      ["Days charged", "days", share.daysCharged],
      ["Share", "number", ratio],
    ];
  }
  return [
    ["Basis", "text", share.basis],
    ["Whole billing months in period", "number", m.wholeMonths],
    ["Days of the part month ending the period", "days", m.partDays],
    ["Days in that billing month", "days", m.partMonthDays],
    ["Days charged in the effective day's billing month", "days", m.firstDays],
    ["Days in that billing month", "days", m.firstMonthDays],
    ["Whole billing months charged after it", "number", m.wholeMonthsCharged],
    ["Days charged in the part month ending the period", "days", m.lastDays],
    ["Share", "number", ratio],
  ];
}

/**
 * Prorates an amount for the rest of a period: amount x (days from effective_date to period_end, both included) / (days in the period).
 * @customfunction PRORATE
 * @helpurl https://localhost:3000/help.html#PRORATE
 * @param amount The charge for the whole period, in money (e.g. 1200).
 * @param period_start First day of the period (a date or date serial).
 * @param period_end Last day of the period, included (a date or date serial).
 * @param effective_date Day the change takes effect, charged in full; must fall within the period.
 * @param [basis] How days are counted: "actual" (default), "30/360" (as DAYS360), "actual/360" (actual days left over the period's length as DAYS360 counts it, 30 days a month and 360 a year, capped: 10 days left of January charge 10/30; days 2-6 of a 365-day year charge it all) or "months" (each day 1/(days in its billing month)).
 * @returns The exact prorated amount, unrounded.
 */
export function prorateFn(amount: any, period_start: any, period_end: any, effective_date: any, basis?: ProrationBasis): number {
  return excel("PRORATE", () =>
    prorateToNumber(
      toAmount(amount, "amount"),
      period(period_start, period_end, effective_date, "effective_date", basis),
      names("effective_date"),
    ),
  );
}

/**
 * The charge for seats added mid-period: seats x seat_price x the share of the period left (the month on a monthly plan, the contract term on an annual plan).
 * @customfunction SEATCHARGE
 * @helpurl https://localhost:3000/help.html#SEATCHARGE
 * @param seats Number of full-time seats added (a whole number, 0 or more).
 * @param seat_price Price of one seat for the whole period: a month on a monthly plan, the contract term on an annual one.
 * @param period_start First day of the billing period (month) or contract period (year).
 * @param period_end Last day of the period, included.
 * @param add_date Day the seats are added, charged in full; must fall within the period.
 * @param [basis] How days are counted: "actual" (default), "30/360" (as DAYS360), "actual/360" (actual days left over the period's length as DAYS360 counts it, 30 days a month and 360 a year, capped: 10 days left of January charge 10/30; days 2-6 of a 365-day year charge it all) or "months" (each day 1/(days in its billing month)).
 * @returns The exact prorated charge, unrounded.
 */
export function seatChargeFn(
  seats: any,
  seat_price: any,
  period_start: any,
  period_end: any,
  add_date: any,
  basis?: ProrationBasis,
): number {
  return excel("SEATCHARGE", () =>
    seatChargeToNumber(
      toInteger(seats, "seats", { expected: "a whole number of seats" }),
      toAmount(seat_price, "seat_price"),
      period(period_start, period_end, add_date, "add_date", basis),
      names("add_date"),
    ),
  );
}

/**
 * The proration of a plan change: (new_price - old_price) x the share of the paid period left. Positive is the upgrade charge; negative the downgrade credit balance.
 * @customfunction PLANCHANGE
 * @helpurl https://localhost:3000/help.html#PLANCHANGE
 * @param old_price Price of the current plan for the whole paid period.
 * @param new_price Price of the new plan for the whole paid period.
 * @param period_start First day of the paid period.
 * @param period_end Last day of the paid period, included.
 * @param change_date Day the new plan takes effect, charged at the new price; must fall within the period.
 * @param [basis] How days are counted: "actual" (default), "30/360" (as DAYS360), "actual/360" (actual days left over the period's length as DAYS360 counts it, 30 days a month and 360 a year, capped: 10 days left of January charge 10/30; days 2-6 of a 365-day year charge it all) or "months" (each day 1/(days in its billing month)).
 * @returns The exact upgrade charge (positive) or credit balance (negative), unrounded.
 */
export function planChangeFn(
  old_price: any,
  new_price: any,
  period_start: any,
  period_end: any,
  change_date: any,
  basis?: ProrationBasis,
): number {
  return excel("PLANCHANGE", () =>
    planChangeToNumber(
      toAmount(old_price, "old_price"),
      toAmount(new_price, "new_price"),
      period(period_start, period_end, change_date, "change_date", basis),
      names("change_date"),
    ),
  );
}

/**
 * Shows a plan change as an invoice does, for auditors: spills PRORATEWORKING's rows (basis, days in period, days charged, share; on the months basis the billing months instead of the days), the credit for the unused time on the old plan, the charge for the remaining time on the new one, and the net.
 * @customfunction PLANCHANGEWORKING
 * @helpurl https://localhost:3000/help.html#PLANCHANGEWORKING
 * @param old_price Price of the current plan for the whole paid period.
 * @param new_price Price of the new plan for the whole paid period.
 * @param period_start First day of the paid period.
 * @param period_end Last day of the paid period, included.
 * @param change_date Day the new plan takes effect, charged at the new price; must fall within the period.
 * @param [basis] How days are counted: "actual" (default), "30/360" (as DAYS360), "actual/360" (actual days left over the period's length as DAYS360 counts it, 30 days a month and 360 a year, capped: 10 days left of January charge 10/30; days 2-6 of a 365-day year charge it all) or "months" (each day 1/(days in its billing month)).
 * @returns A 7x2 table of labels and values (12x2 on the months basis); the credit is negative and "Net charge" equals PLANCHANGE.
 */
export function planChangeWorkingFn(
  old_price: any,
  new_price: any,
  period_start: any,
  period_end: any,
  change_date: any,
  basis?: ProrationBasis,
): any[][] {
  return excel("PLANCHANGEWORKING", (): Working => {
    const w = planChangeWorking(
      toAmount(old_price, "old_price"),
      toAmount(new_price, "new_price"),
      period(period_start, period_end, change_date, "change_date", basis),
      names("change_date"),
    );
    return working([
      ...shareRows(w.share),
      ["Unused time on the old plan (credit)", "money", w.credit],
      ["Remaining time on the new plan (charge)", "money", w.charge],
      ["Net charge", "money", w.net],
    ]);
  });
}

/**
 * Shows the working of PRORATE, for auditors: spills labelled rows (basis, days in the period, days charged, share, amount); on the months basis, the whole billing months and the days of part months instead of the days.
 * @customfunction PRORATEWORKING
 * @helpurl https://localhost:3000/help.html#PRORATEWORKING
 * @param amount The charge for the whole period, in money.
 * @param period_start First day of the period.
 * @param period_end Last day of the period, included.
 * @param effective_date Day the change takes effect, charged in full.
 * @param [basis] How days are counted: "actual" (default), "30/360" (as DAYS360), "actual/360" (actual days left over the period's length as DAYS360 counts it, 30 days a month and 360 a year, capped: 10 days left of January charge 10/30; days 2-6 of a 365-day year charge it all) or "months" (each day 1/(days in its billing month)).
 * @returns A 5x2 table of labels and values (10x2 on the months basis).
 */
export function prorateWorkingFn(amount: any, period_start: any, period_end: any, effective_date: any, basis?: ProrationBasis): any[][] {
  return excel("PRORATEWORKING", (): Working => {
    const money = toAmount(amount, "amount");
    const p = period(period_start, period_end, effective_date, "effective_date", basis);
    const share = prorationShare(p, names("effective_date"));
    return working([...shareRows(share), ["Amount", "money", prorateToNumber(money, p, names("effective_date"))]]);
  });
}

/**
 * How often a contract is billed.
 * @customenum {string}
 */
enum BillingCycle {
  /** A period a month long, from EDATE(anchor_date, n) (default) */
  Monthly = "monthly",
  /** A period a year long, from EDATE(anchor_date, 12n) */
  Annual = "annual",
}

/**
 * The billing period that contains a date, from the contract's billing-cycle anchor: periods begin on EDATE(anchor_date, n) (monthly) or EDATE(anchor_date, 12n) (annual) and end the day before the next begins. Spills a row: start, end (the period arguments of SEATCHARGE, PRORATE and PLANCHANGE).
 * @customfunction BILLINGPERIOD
 * @helpurl https://localhost:3000/help.html#BILLINGPERIOD
 * @param anchor_date The billing-cycle anchor: the first day of the contract's first billing period.
 * @param date The day whose billing period is wanted, on or after anchor_date (e.g. the day seats are added).
 * @param [billing] "monthly" (default) or "annual".
 * @returns A 1x2 row of date serials: the period's first and last day (included); format the cells as dates.
 */
export function billingPeriodFn(anchor_date: any, date: any, billing?: BillingCycle): any[][] {
  return excel("BILLINGPERIOD", () => {
    const system = workbookDateSystem();
    const p = billingPeriod(
      toDate(anchor_date, "anchor_date", system),
      toDate(date, "date", system),
      toChoice(billing, "billing", BILLING_CYCLES, "monthly"),
    );
    return [[serialFromEpochDay(p.start, system, "The period's start"), serialFromEpochDay(p.end, system, "The period's end")]];
  });
}

/**
 * How many Kustomer Voice phone numbers are billed a full monthly fee for a calendar month: those provisioned at any moment of it, from the day added to the day removed, both included (never prorated). A number is billed once a month however often it is re-added: rows with the same number_ids are one number.
 * @customfunction PHONENUMBERSBILLED
 * @helpurl https://localhost:3000/help.html#PHONENUMBERSBILLED
 * @param month Any date within the calendar month billed.
 * @param added_dates Range of the dates each number was added (provisioned), one per row; rows blank in every range are skipped.
 * @param removed_dates Range of the dates each number was removed, the same shape as added_dates; a blank cell means still provisioned (an empty cell: none removed).
 * @param [number_ids] Range of each row's phone number or identifier, the same shape; rows with the same one (any case) are billed once. Omitted or blank: each row is a number of its own.
 * @returns The count of numbers billed for the month (multiply by the monthly fee per number).
 */
export function phoneNumbersBilledFn(month: any, added_dates: any, removed_dates: any, number_ids?: any): number {
  return excel("PHONENUMBERSBILLED", () => {
    const system = workbookDateSystem();
    const m = toDate(month, "month", system);
    return phoneNumbersBilled(m, phoneNumberRows(added_dates, removed_dates, number_ids, system));
  });
}
