/**
 * Response times and the claim window (sla: sections 5 and 6).
 *
 * - Time to response: Severe 2 hours, High 8 hours, Medium 3 business days.
 *   Hours run on the clock (24x7, weekends and holidays included); business days are counted
 *   by Excel's WORKDAY on the date submitted (Monday to Friday less the listed holidays), the
 *   time of day kept: Medium submitted Friday 15:30 is due Wednesday 15:30.
 * - A credit request "must be received by Kustomer within thirty (30) days after which the
 *   incident occurred": the last day is the incident date + 30 days (incident on 1 June, last
 *   day 1 July).
 */
import { type EpochSecond, normalizeName, toChoice } from "../core/args";
import { numError } from "../core/errors";
import { SECONDS_PER_DAY } from "../core/serial";
import { workday } from "../core/workday";
import { choiceKey, givenChoices, type GivenChoices, type GivenRows, lookupGiven } from "../rates/given";
import { type Priority, type ResponseTimeRow, SLA_RESPONSE_TIMES, SLA_TERMS } from "../rates/sla";

const BY_PRIORITY: ReadonlyMap<Priority, ResponseTimeRow> = new Map(SLA_RESPONSE_TIMES.rows.map((r) => [r.priority, r]));

export const PRIORITIES: ReadonlyArray<{ readonly names: readonly string[]; readonly value: Priority }> = Object.freeze(
  SLA_RESPONSE_TIMES.rows.map((r) => Object.freeze({ names: [r.priority], value: r.priority })),
);

/** A response time as the rule reads it: a whole amount of hours (on the clock) or business days. */
export interface ResponseTime {
  readonly priority: string;
  readonly amount: number;
  readonly unit: "hours" | "business days";
}

/** An Order's response times given as `rates` (Kustomer_SlaResponseTimes); null for the built-in card. */
export type ResponseTimes = GivenChoices<ResponseTime> | null;

export function compileResponseTimes(g: GivenRows): GivenChoices<ResponseTime> {
  const entries = g.rows.map((r) => {
    const unit: ResponseTime["unit"] = choiceKey(r.unit as string) === choiceKey("hours") ? "hours" : "business days";
    return { names: [r.priority as string], value: { priority: r.priority as string, amount: Number(r.amount), unit } };
  });
  return givenChoices(entries, normalizeName);
}

/** The priority named by an Excel argument (case-insensitive); unknown is #VALUE!. */
export function toPriority(v: unknown, arg = "priority"): Priority {
  return toChoice(v, arg, PRIORITIES);
}

/** The response time of a priority, from the rate card. */
export function responseTime(priority: Priority): ResponseTimeRow {
  const row = BY_PRIORITY.get(priority);
  if (!row) throw numError(`No response time is listed for priority ${priority}.`);
  return row;
}

/**
 * The response time a priority named by an Excel argument has: from the built-in card (unknown
 * is #VALUE!), or from a given table (a priority it lacks is #N/A).
 */
export function responseTimeOf(v: unknown, table: ResponseTimes = null, arg = "priority"): ResponseTime {
  return table === null ? responseTime(toPriority(v, arg)) : lookupGiven(v, arg, table);
}

/**
 * When a response is due, as epoch seconds: hours added on the clock, or business days by
 * WORKDAY on the date with the time of day kept.
 */
export function responseDue(priority: Priority | ResponseTime, submittedAt: EpochSecond, holidays: Iterable<number> = []): EpochSecond {
  const row = typeof priority === "string" ? responseTime(priority) : priority;
  if (row.unit === "hours") return submittedAt + row.amount * 3600;
  const day = Math.floor(submittedAt / SECONDS_PER_DAY);
  const timeOfDay = submittedAt - day * SECONDS_PER_DAY;
  return workday(day, row.amount, holidays) * SECONDS_PER_DAY + timeOfDay;
}

/** The last day (epoch day) a credit request can be received: the incident date + 30 days. */
export function claimDeadline(incidentDay: number): number {
  return incidentDay + SLA_TERMS.claimWindowDays;
}
