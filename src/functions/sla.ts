/**
 * Excel adapters for the Service Level Agreement (rules: src/rules/sla).
 * Each function only converts Excel's arguments, calls the rule and converts the result.
 */
import { isBlank, toChoice, toDate, toDateList, toDateTime, toInteger, toNumber } from "../rules/core/args";
import { toAmount, toExcelNumber, toMoney } from "../rules/core/money";
import { type DateSystem, EPOCH_DAY_9999_12_31, SECONDS_PER_DAY, serialFromEpochDay, serialFromEpochSecond } from "../rules/core/serial";
import { timeZone, type TimeZone } from "../rules/contract/season";
import { Msg, numError } from "../rules/core/errors";
import { type Hosting, HOSTINGS, MAX_DAYS_BEFORE, maintenanceWindows } from "../rules/sla/maintenance";
import { type Claim, type ClaimVerdict, claimsFromRanges, judgeClaims, scheduledMaintenance } from "../rules/sla/scheduled";
import { capSeconds, intervalsFromRanges, MAINTENANCE_CAP, MIN_MINUTES, type OutageCount, outageInMonth } from "../rules/sla/outage";
import { coveredCredit, creditLabel, serviceWording, type SlaService, slaServiceOf } from "../rules/sla/covered";
import { claimDeadline, responseDue, responseTimeOf } from "../rules/sla/response";
import { monthlyUptime, ratioToNumber, slaCreditPctToNumber, slaCreditToNumber, slaMonth, slaWorking } from "../rules/sla/uptime";
import { excel, working, workbookDateSystem, type RowKind, type Working, type WorkingRow } from "./excel";
import { creditBandsOf, responseTimesOf } from "./rates";

/**
 * Priority of a service request (SLA section 5).
 * @customenum {string}
 */
enum ResponsePriority {
  /** Service unavailable, or a substantial part without a workaround, security or data integrity issues: 2 hours */
  Severe = "Severe",
  /** Intermittent issues, performance issues, issues with a workaround: 8 hours */
  High = "High",
  /** Any other bug or issue: 3 business days */
  Medium = "Medium",
}

/**
 * Where a Covered Service is hosted, which sets its standing maintenance window (SLA section 3).
 * @customenum {string}
 */
enum MaintenanceHosting {
  /** U.S. data centre: 2:00-6:00 a.m. US Eastern time (EST/EDT), Monday to Friday (default) */
  US = "US",
  /** European data centre: 2:00-6:00 a.m. GMT (UTC+0 all year), Monday to Friday */
  EU = "EU",
}

/**
 * The Covered Service an SLA credit is for (SLA section 1). Another Kustomer plan (Professional, Business, Enterprise, or an AI variant) may be typed: it earns no credit.
 * @customenum {string}
 */
enum CoveredService {
  /** Kustomer Platform Ultimate, license based: the credit is money off the monthly fees (default) */
  Ultimate = "Ultimate",
  /** Ultimate AI, conversation based: the credit is conversations off the next month's usage, not money */
  UltimateAI = "Ultimate AI",
}

/**
 * The Monthly Uptime Percentage as a fraction (0.999 for 99.9%): (minutes in the month - outage minutes) / minutes in the month, for the calendar month containing the date month.
 * @customfunction UPTIME
 * @helpurl https://localhost:3000/help.html#UPTIME
 * @param month Any date within the calendar month measured; the month has its days x 1440 minutes.
 * @param outage_minutes Outage minutes in that month (0 up to the month's minutes), e.g. from OUTAGEMINUTES.
 * @returns The exact uptime fraction (43.2 outage minutes in June give exactly 0.999).
 */
export function uptimeFn(month: any, outage_minutes: any): number {
  return excel("UPTIME", () => {
    const m = slaMonth(toDate(month, "month", workbookDateSystem()));
    return ratioToNumber(monthlyUptime(m, toMoney(outage_minutes, "outage_minutes", { expected: "a number of minutes" })));
  });
}

/** Reads OUTAGEMINUTES' arguments and counts the month. */
function countOutage(
  month: unknown,
  outage_starts: unknown,
  outage_ends: unknown,
  maintenance_starts: unknown,
  maintenance_ends: unknown,
  min_minutes: unknown,
  maintenance_cap_hours: unknown,
  excluded_starts: unknown,
  excluded_ends: unknown,
): OutageCount {
  const system = workbookDateSystem();
  const m = slaMonth(toDate(month, "month", system));
  const down = intervalsFromRanges(outage_starts, outage_ends, "outage_starts", "outage_ends", system);
  const maint = intervalsFromRanges(maintenance_starts, maintenance_ends, "maintenance_starts", "maintenance_ends", system);
  const min = toInteger(min_minutes, "min_minutes", { default: MIN_MINUTES.default });
  const cap = capSeconds(toNumber(maintenance_cap_hours, "maintenance_cap_hours", { default: MAINTENANCE_CAP.defaultHours }));
  const excluded = intervalsFromRanges(excluded_starts, excluded_ends, "excluded_starts", "excluded_ends", system);
  return outageInMonth(m, down, maint, min, cap, excluded);
}

/**
 * The Outage minutes that count in a calendar month from a log of downtimes: to the nearest second, overlapping downtimes merged, those under min_minutes dropped, Excluded Downtime taken out, maintenance excused up to 6 hours in any rolling 14 days, cut to the month.
 * @customfunction OUTAGEMINUTES
 * @helpurl https://localhost:3000/help.html#OUTAGEMINUTES
 * @param month Any date within the calendar month measured.
 * @param outage_starts Range of date-times when each downtime began (one clock for every timestamp). Reach at least 14 days before the month: downtime excused then counts toward the maintenance cap; older downtime, where given, is used too.
 * @param outage_ends Range of date-times when each downtime ended, the same shape as outage_starts.
 * @param [maintenance_starts] Range of date-times when each Scheduled Maintenance interval began, e.g. INDEX(F2#,0,1) where F2 holds MAINTENANCEWINDOWS(month,,,14) or SCHEDULEDMAINTENANCE(...).
 * @param [maintenance_ends] Range of date-times when each maintenance interval ended, the same shape as maintenance_starts.
 * @param [min_minutes] Shortest downtime that counts as an Outage, a whole number of minutes from 1 to 5, judged on the whole downtime before anything is excused; 5 when omitted.
 * @param [maintenance_cap_hours] Downtime in maintenance excused in any rolling 14 days, earliest first; the rest counts. 6 when omitted; 0 means no cap.
 * @param [excluded_starts] Range of date-times when each Excluded Downtime interval began (force majeure, networks outside Kustomer, the client's own systems): never Outage, and none of the maintenance cap.
 * @param [excluded_ends] Range of date-times when each Excluded Downtime interval ended, the same shape as excluded_starts.
 * @returns The exact Outage minutes in the month (may be fractional: 90 seconds is 1.5).
 */
export function outageMinutesFn(
  month: any,
  outage_starts: any[][],
  outage_ends: any[][],
  maintenance_starts?: any[][],
  maintenance_ends?: any[][],
  min_minutes?: any,
  maintenance_cap_hours?: any,
  excluded_starts?: any[][],
  excluded_ends?: any[][],
): number {
  return excel(
    "OUTAGEMINUTES",
    () =>
      countOutage(
        month,
        outage_starts,
        outage_ends,
        maintenance_starts,
        maintenance_ends,
        min_minutes,
        maintenance_cap_hours,
        excluded_starts,
        excluded_ends,
      ).minutes,
  );
}

/**
 * Shows the working of OUTAGEMINUTES, for auditors: spills downtimes, dropped, downtime minutes in the month, of which Excluded Downtime (when excluded ranges are given), in maintenance, excused in the 14 days before, excused, over the cap, and the Outage minutes.
 * @customfunction OUTAGEWORKING
 * @helpurl https://localhost:3000/help.html#OUTAGEWORKING
 * @param month Any date within the calendar month measured.
 * @param outage_starts Range of date-times when each downtime began. Reach at least 14 days before the month: downtime excused then counts toward the maintenance cap; older downtime, where given, is used too.
 * @param outage_ends Range of date-times when each downtime ended, the same shape as outage_starts.
 * @param [maintenance_starts] Range of date-times when each Scheduled Maintenance interval began.
 * @param [maintenance_ends] Range of date-times when each maintenance interval ended, the same shape as maintenance_starts.
 * @param [min_minutes] Shortest downtime that counts as an Outage, a whole number of minutes from 1 to 5, judged on the whole downtime; 5 when omitted.
 * @param [maintenance_cap_hours] Downtime in maintenance excused in any rolling 14 days, earliest first. 6 when omitted; 0 means no cap.
 * @param [excluded_starts] Range of date-times when each Excluded Downtime interval began: never Outage, and none of the maintenance cap.
 * @param [excluded_ends] Range of date-times when each Excluded Downtime interval ended, the same shape as excluded_starts.
 * @returns An 8x2 table of labels and values (9x2 with excluded ranges); "Outage minutes" equals OUTAGEMINUTES.
 */
export function outageWorkingFn(
  month: any,
  outage_starts: any[][],
  outage_ends: any[][],
  maintenance_starts?: any[][],
  maintenance_ends?: any[][],
  min_minutes?: any,
  maintenance_cap_hours?: any,
  excluded_starts?: any[][],
  excluded_ends?: any[][],
): any[][] {
  return excel("OUTAGEWORKING", (): Working => {
    const c = countOutage(
      month,
      outage_starts,
      outage_ends,
      maintenance_starts,
      maintenance_ends,
      min_minutes,
      maintenance_cap_hours,
      excluded_starts,
      excluded_ends,
    );
    // The Excluded Downtime row only where excluded ranges are given: a sheet written before
    // the argument existed keeps its 8x2 spill.
    const withExcluded = !isBlank(excluded_starts) || !isBlank(excluded_ends);
    const excluded: WorkingRow[] = withExcluded ? [["Of which Excluded Downtime (never Outage)", "number", c.excludedSeconds / 60]] : [];
    return working([
      ["Downtimes in the log", "number", c.downtimes],
      ["Shorter than min_minutes (dropped)", "number", c.dropped],
      ["Downtime minutes in the month", "number", c.downtimeSeconds / 60],
      ...excluded,
      [withExcluded ? "Of which in maintenance, not excluded" : "Of which in maintenance", "number", c.maintenanceSeconds / 60],
      ["Excused in the 14 days before the month", "number", c.excusedBeforeSeconds / 60],
      ["Excused in the month", "number", c.excusedSeconds / 60],
      ["Over the cap (counted)", "number", c.cappedSeconds / 60],
      ["Outage minutes", "number", c.minutes],
    ]);
  });
}

/** The kind of the credit row: money off the fees, or (conversation based) a number of conversations. */
const creditKind = (s: SlaService): RowKind => (s.basis === "conversation" ? "number" : "money");

/** A local epoch second as a serial; the midnight ending 9999-12-31 (a month's end) is allowed. */
function windowSerial(s: number, system: DateSystem): number {
  const end = (EPOCH_DAY_9999_12_31 + 1) * SECONDS_PER_DAY;
  if (s === end) return serialFromEpochDay(EPOCH_DAY_9999_12_31, system) + 1;
  return serialFromEpochSecond(s, system, "A maintenance window");
}

/**
 * Kustomer's standing Scheduled Maintenance windows in a calendar month, 2:00-6:00 a.m. every weekday (US Eastern time with daylight saving, or GMT for EU hosting), in a time zone's clock. Spills one row per window: start, end.
 * @customfunction MAINTENANCEWINDOWS
 * @helpurl https://localhost:3000/help.html#MAINTENANCEWINDOWS
 * @param month Any date within the calendar month, in the clock of time_zone.
 * @param [hosting] "US" (default): 2:00-6:00 US Eastern time (EST/EDT); "EU": 2:00-6:00 GMT (UTC+0 all year).
 * @param [time_zone] The clock of the result and of the month's edges: an IANA time zone such as "America/New_York" or an offset such as "-05:00"; default "UTC" (as a monitoring log).
 * @param [days_before] Whole days before the month also covered, 0 to 366; 0 when omitted. 14 gives in one spill the windows of the 14 days that decide the month's maintenance cap and the month's own, for OUTAGEMINUTES.
 * @returns One row per window that overlaps the month (from days_before days before it), cut at its edges: start and end date-time serials; format the cells as date and time. Take a column with INDEX(F2#,0,1).
 */
export function maintenanceWindowsFn(month: any, hosting?: MaintenanceHosting, time_zone?: any, days_before?: any): any[][] {
  return excel("MAINTENANCEWINDOWS", () => {
    const system = workbookDateSystem();
    const m = slaMonth(toDate(month, "month", system));
    const h = toChoice(hosting, "hosting", HOSTINGS, "US");
    const zone = timeZone(time_zone);
    const before = toInteger(days_before, "days_before", { default: 0 });
    if (before < 0 || before > MAX_DAYS_BEFORE) throw numError(Msg.between("days_before", "0", String(MAX_DAYS_BEFORE), String(before)));
    return maintenanceWindows(m, h, zone, before).map((w) => [windowSerial(w.start, system), windowSerial(w.end, system)]);
  });
}

/**
 * The service credit percentage for a Monthly Uptime Percentage: 0 from 99.9%, 0.10 from 99.0%, 0.25 from 97.0%, 0.50 below 97.0% (bands contiguous, compared unrounded).
 * @customfunction SLACREDITPCT
 * @helpurl https://localhost:3000/help.html#SLACREDITPCT
 * @param uptime The Monthly Uptime Percentage as a fraction from 0 to 1 (99.5% is written 0.995), e.g. from UPTIME.
 * @param [rates] An Order's credit bands: the table Kustomer_SlaCreditBands as the pane loads it (Kustomer_SlaCreditBands[#All], or the range with or without its header row). Omitted: the SLA's bands.
 * @param [service] The Covered Service: "Ultimate" (license based, default) or "Ultimate AI" (conversation based). Another Kustomer plan (Professional, Business, Enterprise, or an AI variant) is not a Covered Service: 0. See terms.md.
 * @returns 0, 0.1, 0.25 or 0.5 (format the cell as % to show 10%).
 */
export function slaCreditPctFn(uptime: any, rates?: any[][], service?: CoveredService): number {
  return excel("SLACREDITPCT", () => {
    const s = slaServiceOf(service);
    const u = toAmount(uptime, "uptime", { expected: "an uptime fraction such as 0.995" });
    return coveredCredit(s, slaCreditPctToNumber(u, "uptime", creditBandsOf(rates)));
  });
}

/**
 * The SLA service credit amount: the credit percentage for the uptime x the monthly fee (license based) or the average monthly Commitment (conversation based), never above 50%.
 * @customfunction SLACREDIT
 * @helpurl https://localhost:3000/help.html#SLACREDIT
 * @param uptime The Monthly Uptime Percentage as a fraction from 0 to 1 (99.5% is written 0.995).
 * @param monthly_fee Monthly service fees of the Covered Service, or its average monthly Commitment.
 * @param [rates] An Order's credit bands: the table Kustomer_SlaCreditBands (with or without its header row), as for SLACREDITPCT. Omitted: the SLA's bands.
 * @param [service] The Covered Service: "Ultimate" (license based, default: money) or "Ultimate AI" (conversation based: the credit is in the Commitment's units, credited against the next month's Conversation usage). Another Kustomer plan is not a Covered Service: 0. See terms.md.
 * @returns The exact credit, unrounded: money for Ultimate, conversations for Ultimate AI.
 */
export function slaCreditFn(uptime: any, monthly_fee: any, rates?: any[][], service?: CoveredService): number {
  return excel("SLACREDIT", () => {
    const s = slaServiceOf(service);
    const credit = slaCreditToNumber(
      toAmount(uptime, "uptime", { expected: "an uptime fraction such as 0.995" }),
      toAmount(monthly_fee, "monthly_fee", { expected: "the monthly fee or average monthly Commitment" }),
      undefined,
      creditBandsOf(rates),
    );
    return coveredCredit(s, credit);
  });
}

/**
 * The last day an SLA credit request can reach Kustomer: 30 days after the incident date (the request's subject must say "SLA Credit Request").
 * @customfunction SLACLAIMDEADLINE
 * @helpurl https://localhost:3000/help.html#SLACLAIMDEADLINE
 * @param incident_date Date of the incident (a time of day is ignored).
 * @returns The date serial of the last day, incident_date + 30.
 */
export function slaClaimDeadlineFn(incident_date: any): number {
  return excel("SLACLAIMDEADLINE", () => {
    const system = workbookDateSystem();
    return serialFromEpochDay(claimDeadline(toDate(incident_date, "incident_date", system)), system, "the claim deadline");
  });
}

/**
 * When Kustomer's response to a service request is due: Severe + 2 hours, High + 8 hours on the clock; Medium + 3 business days (WORKDAY on the date, the time of day kept).
 * @customfunction RESPONSEDUE
 * @helpurl https://localhost:3000/help.html#RESPONSEDUE
 * @param priority Severe, High or Medium.
 * @param submitted_at Date-time the request was submitted.
 * @param [holidays] Range of holiday dates skipped by Medium's business days, as WORKDAY's holidays.
 * @param [rates] An Order's response times: the table Kustomer_SlaResponseTimes as the pane loads it (Kustomer_SlaResponseTimes[#All], or the range with or without its header row). Omitted: the SLA's times.
 * @returns A date-time serial (format the cell as a date and time).
 */
export function responseDueFn(priority: ResponsePriority, submitted_at: any, holidays?: any[][], rates?: any[][]): number {
  return excel("RESPONSEDUE", () => {
    const system = workbookDateSystem();
    const p = responseTimeOf(priority, responseTimesOf(rates), "priority");
    const at = toDateTime(submitted_at, "submitted_at", system);
    const off = toDateList(holidays, "holidays", system);
    return serialFromEpochSecond(responseDue(p, at, off), system, "the response due time");
  });
}

/**
 * Shows the working of an SLA month, for auditors: spills minutes in the month, outage minutes, uptime, band, credit percentage, and the credit amount when a fee is given.
 * @customfunction SLAWORKING
 * @helpurl https://localhost:3000/help.html#SLAWORKING
 * @param month Any date within the calendar month measured.
 * @param outage_minutes Outage minutes in that month, e.g. from OUTAGEMINUTES.
 * @param [monthly_fee] Monthly fees or average monthly Commitment; adds a "Credit amount" row.
 * @param [rates] An Order's credit bands: the table Kustomer_SlaCreditBands (with or without its header row), as for SLACREDITPCT. Omitted: the SLA's bands.
 * @param [service] The Covered Service: "Ultimate" (license based, default) or "Ultimate AI" (conversation based: the credit is conversations against the next month's usage). Another Kustomer plan earns no credit. Given: adds a "Covered Service" row saying which. See terms.md.
 * @returns A 5x2 table of labels and values (6x2 with a fee; one row more with a service).
 */
export function slaWorkingFn(month: any, outage_minutes: any, monthly_fee?: any, rates?: any[][], service?: CoveredService): any[][] {
  return excel("SLAWORKING", (): Working => {
    const m = slaMonth(toDate(month, "month", workbookDateSystem()));
    const outage = toMoney(outage_minutes, "outage_minutes", { expected: "a number of minutes" });
    const fee = isBlank(monthly_fee) ? undefined : toMoney(monthly_fee, "monthly_fee");
    const s = slaServiceOf(service);
    const w = slaWorking(m, outage, fee, creditBandsOf(rates), s);
    const rows: WorkingRow[] = [
      ["Minutes in month", "number", w.month.minutes],
      ["Outage minutes", "number", toExcelNumber(w.outageMinutes)],
      ["Uptime", "percent", ratioToNumber(w.uptime)],
      ["Band", "text", w.band.band],
      ["Credit percentage", "percent", toExcelNumber(w.creditPct)],
    ];
    // The service's row only where one is given: a sheet written before the argument keeps its spill.
    if (!isBlank(service)) rows.push(["Covered Service", "text", serviceWording(w.service, slaMonth(w.month.nextFirstDay).label)]);
    if (w.creditAmount !== undefined) rows.push([creditLabel(w.service), creditKind(w.service), toExcelNumber(w.creditAmount)]);
    return working(rows);
  });
}

/** Reads SCHEDULEDMAINTENANCE's (and its working's) arguments: the claims, their hosting and clock. */
function readClaims(
  maintenance_starts: unknown,
  maintenance_ends: unknown,
  hosting: unknown,
  time_zone: unknown,
  notice_times: unknown,
): { claims: Claim[]; hosting: Hosting; zone: TimeZone; system: DateSystem } {
  const system = workbookDateSystem();
  const h = toChoice(hosting, "hosting", HOSTINGS, "US");
  const zone = timeZone(time_zone);
  return { claims: claimsFromRanges(maintenance_starts, maintenance_ends, notice_times, h, system), hosting: h, zone, system };
}

/**
 * The parts of the maintenance Kustomer claims that the terms allow as Scheduled Maintenance: inside non-core business hours (2:00-6:00 a.m. weekdays and all weekend, US Eastern time with daylight saving or GMT by hosting), and outside the standing window only with notice at least 24 hours before the start. Spills one row per part: start, end; feeds OUTAGEMINUTES' maintenance arguments.
 * @customfunction SCHEDULEDMAINTENANCE
 * @helpurl https://localhost:3000/help.html#SCHEDULEDMAINTENANCE
 * @param maintenance_starts Range of date-times when each claimed maintenance interval began, in the log's clock (time_zone).
 * @param maintenance_ends Range of date-times when each claimed interval ended, the same shape as maintenance_starts.
 * @param [hosting] "US" (default): non-core hours in US Eastern time (EST/EDT); "EU": in GMT (UTC+0 all year).
 * @param [time_zone] The clock of the claimed times, the notice times and the result: an IANA time zone such as "America/New_York" or an offset such as "-05:00"; default "UTC" (as a monitoring log).
 * @param [notice_times] Range of date-times when each interval was notified, the same shape as maintenance_starts; a blank cell is no notice. Omitted: notice is not checked (SCHEDULEDMAINTENANCEWORKING says so).
 * @returns One row per qualifying part, in the claims' order: start and end date-time serials (format as date and time). When no part qualifies, one row of two empty cells, which OUTAGEMINUTES reads as no maintenance.
 */
export function scheduledMaintenanceFn(
  maintenance_starts: any[][],
  maintenance_ends: any[][],
  hosting?: MaintenanceHosting,
  time_zone?: any,
  notice_times?: any[][],
): any[][] {
  return excel("SCHEDULEDMAINTENANCE", () => {
    const { claims, hosting: h, zone, system } = readClaims(maintenance_starts, maintenance_ends, hosting, time_zone, notice_times);
    const parts = scheduledMaintenance(claims, h, zone);
    if (parts.length === 0) return [["", ""]];
    return parts.map((p) => [
      serialFromEpochSecond(p.start, system, "A maintenance part"),
      serialFromEpochSecond(p.end, system, "A maintenance part"),
    ]);
  });
}

/** Minutes of whole seconds, for the working's words: to 2 decimals (the numbers beside are exact). */
const minutesText = (seconds: number) => `${Number((seconds / 60).toFixed(2))} min`;

/** Why a claimed interval is, or is not, excusable, in words. */
function whyOf(v: ClaimVerdict): string {
  const why: string[] = [];
  const standing = v.excusableSeconds - (v.weekendSeconds - v.unnoticedSeconds);
  if (v.claim.end === v.claim.start) return "no length";
  if (standing > 0) why.push(`${minutesText(standing)} in the standing window (weekdays 2:00-6:00)`);
  if (v.weekendSeconds > 0) {
    const at = `${minutesText(v.weekendSeconds)} at the weekend`;
    if (v.notice === "not checked") why.push(`${at}: notice not checked (no notice_times given)`);
    else if (v.notice === "in time") why.push(`${at}, notified 24 hours or more before the start`);
    else if (v.notice === "late") why.push(`${at}, notified less than 24 hours before the start: not excusable`);
    else why.push(`${at}, no notice: not excusable`);
  }
  if (v.coreSeconds > 0) why.push(`${minutesText(v.coreSeconds)} in core business hours: not excusable`);
  return why.join("; ");
}

/**
 * Shows the working of SCHEDULEDMAINTENANCE, for auditors: one row per claimed interval with its minutes, the minutes excusable as Scheduled Maintenance, the minutes not, and why; then the totals.
 * @customfunction SCHEDULEDMAINTENANCEWORKING
 * @helpurl https://localhost:3000/help.html#SCHEDULEDMAINTENANCEWORKING
 * @param maintenance_starts Range of date-times when each claimed maintenance interval began, in the log's clock (time_zone).
 * @param maintenance_ends Range of date-times when each claimed interval ended, the same shape as maintenance_starts.
 * @param [hosting] "US" (default): non-core hours in US Eastern time (EST/EDT); "EU": in GMT (UTC+0 all year).
 * @param [time_zone] The clock of the claimed times and the notice times; default "UTC".
 * @param [notice_times] Range of date-times when each interval was notified, the same shape as maintenance_starts; a blank cell is no notice. Omitted: notice is not checked, and the working says so.
 * @returns A table with a header row (claimed start, claimed end, minutes claimed, minutes excusable, minutes not, why), one row per claimed interval, and a total row.
 */
export function scheduledMaintenanceWorkingFn(
  maintenance_starts: any[][],
  maintenance_ends: any[][],
  hosting?: MaintenanceHosting,
  time_zone?: any,
  notice_times?: any[][],
): any[][] {
  return excel("SCHEDULEDMAINTENANCEWORKING", (): Working => {
    const { claims, hosting: h, zone, system } = readClaims(maintenance_starts, maintenance_ends, hosting, time_zone, notice_times);
    const verdicts = judgeClaims(claims, h, zone);
    const checked = !isBlank(notice_times);
    const rows: Working = [["Claimed start", "Claimed end", "Minutes claimed", "Minutes excusable", "Minutes not", "Why"]];
    let claimed = 0;
    let excusable = 0;
    for (const v of verdicts) {
      const length = v.claim.end - v.claim.start;
      claimed += length;
      excusable += v.excusableSeconds;
      rows.push([
        serialFromEpochSecond(v.claim.start, system, "A claimed start"),
        serialFromEpochSecond(v.claim.end, system, "A claimed end"),
        length / 60,
        v.excusableSeconds / 60,
        (length - v.excusableSeconds) / 60,
        whyOf(v),
      ]);
    }
    const total = checked ? "Total" : "Total (notice not checked: no notice_times given)";
    rows.push([total, "", claimed / 60, excusable / 60, (claimed - excusable) / 60, ""]);
    return rows;
  });
}
