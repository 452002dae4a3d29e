/**
 * Logs for the outage tests, written as ISO texts read on one clock (UTC, no zone): the epoch
 * second of a date-time, and a log of [start, end] pairs as OUTAGEMINUTES' rule takes it.
 */
import { epochDayFromYmd } from "../../src/rules/core/serial";
import type { Intervals } from "../../src/rules/sla/outage";

/** Epoch seconds of "2025-06-01T10:00:00" (seconds may be left out, and the time too). */
export function epochSecond(iso: string): number {
  const [date, time = "00:00:00"] = iso.split("T");
  const [y, m, d] = date.split("-").map(Number);
  const [hh, mm, ss = 0] = time.split(":").map(Number);
  return epochDayFromYmd(y, m, d) * 86400 + hh * 3600 + mm * 60 + ss;
}

/** A log from [start, end] pairs of ISO texts. */
export function log(...pairs: [string, string][]): Intervals {
  return { starts: pairs.map((p) => epochSecond(p[0])), ends: pairs.map((p) => epochSecond(p[1])) };
}
