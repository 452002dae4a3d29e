/**
 * Seasonal seat windows (billing-help, "Add seasonal seats").
 *
 * "All times for seasonal seats are set in UTC ... All windows open at 12 a.m. UTC of the day the
 * window is set to open and close at 12 a.m. UTC of the day after the window is set to close."
 * The document's example: a June 1 to June 30 window opens June 1 00:00 UTC = May 31 8 p.m. in
 * New York = May 31 5 p.m. in Los Angeles, and closes July 1 00:00 UTC = June 30 8 p.m. / 5 p.m.
 *
 * The rules return the two instants as local wall-clock times of an IANA time zone, computed with
 * Intl.DateTimeFormat(...).formatToParts (the zone's rules, daylight saving included; never the
 * host's zone). A fixed offset such as "+05:30" or "UTC-4" is also accepted, read here the same
 * way on every host.
 */
import { describe, numError, quote, valueError } from "../core/errors";
import { cellValue, isBlank } from "../core/args";
import { epochDayFromYmd, formatEpochDay, SECONDS_PER_DAY } from "../core/serial";

/**
 * A time zone: an IANA zone read through Intl, or a fixed offset from UTC in seconds. An IANA
 * zone's `fields` are the positions, in its formatter's text, of year, month, day, hour, minute
 * and second (the order the formatter's own parts give, learned once per zone).
 */
export type TimeZone =
  | {
      readonly kind: "iana";
      readonly name: string;
      readonly format: Intl.DateTimeFormat;
      readonly fields: { readonly [K in Field]: number };
    }
  | { readonly kind: "offset"; readonly name: string; readonly offsetSeconds: number };

type Field = "year" | "month" | "day" | "hour" | "minute" | "second";
const FIELDS: readonly Field[] = ["year", "month", "day", "hour", "minute", "second"];

/** An offset ("+05:30", "UTC-4", "-0700"), or UTC / GMT alone (offset 0). */
const OFFSET = /^(?:UTC|GMT)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$|^(?:UTC|GMT)$/i;
/** What a zone's formatter writes: the six numbers of a local time, on a 24-hour clock. */
export const ZONE_FIELDS: Intl.DateTimeFormatOptions = Object.freeze({
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
});
/** The six numbers of a formatted instant: runs of digits, anything else between them. */
const SIX_NUMBERS = /^\D*(\d+)\D+(\d+)\D+(\d+)\D+(\d+)\D+(\d+)\D+(\d+)\D*$/;
/** Longer than any IANA zone name (the longest is 32 characters) or offset: refused before Intl reads it. */
const MAX_ZONE_LENGTH = 64;
const ZONES = new Map<string, TimeZone>();
const UTC: TimeZone = { kind: "offset", name: "UTC", offsetSeconds: 0 };
const EXPECTED = "an IANA time zone such as America/New_York, Europe/London, Asia/Kolkata or UTC, or an offset such as -05:00";

/** Reads the time_zone argument: blank is UTC. An unknown zone is #VALUE!. */
export function timeZone(value: unknown, arg = "time_zone"): TimeZone {
  const v = cellValue(value, arg);
  if (isBlank(v)) return UTC;
  if (typeof v !== "string") throw valueError(`${arg} must be ${EXPECTED}; got ${describe(v)}.`);
  const text = v.trim();
  const key = text.toLowerCase();
  const cached = ZONES.get(key);
  if (cached) return cached;
  let zone: TimeZone;
  const m = OFFSET.exec(text);
  if (m && m[1] === undefined) {
    zone = { kind: "offset", name: text.toUpperCase(), offsetSeconds: 0 };
  } else if (m) {
    const hours = Number(m[2]);
    const minutes = m[3] === undefined ? 0 : Number(m[3]);
    if (hours > 23 || minutes > 59) throw valueError(`${arg} ${quote(text)} is not a valid offset; expected -23:59 to +23:59.`);
    const sign = m[1] === "-" ? -1 : 1;
    zone = { kind: "offset", name: text, offsetSeconds: sign * (hours * 3600 + minutes * 60) };
  } else {
    if (text.length > MAX_ZONE_LENGTH) throw valueError(`${arg} ${quote(text)} is not a known time zone; expected ${EXPECTED}.`);
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat("en-US", { ...ZONE_FIELDS, timeZone: text });
    } catch {
      throw valueError(`${arg} ${quote(text)} is not a known time zone; expected ${EXPECTED}.`);
    }
    zone = ianaZone(format);
  }
  if (ZONES.size < 1000) ZONES.set(key, zone);
  return zone;
}

/**
 * An IANA zone from its formatter (Latin digits, numeric fields, 24-hour clock), with where each
 * number stands in the formatter's text (month/day/year in en-US), learned from its parts.
 */
export function ianaZone(format: Intl.DateTimeFormat): TimeZone {
  const order = format
    .formatToParts(0)
    .map((p) => p.type)
    .filter((t): t is Field => (FIELDS as readonly string[]).includes(t));
  const fields = Object.fromEntries(FIELDS.map((f) => [f, order.indexOf(f) + 1])) as { [K in Field]: number };
  return { kind: "iana", name: format.resolvedOptions().timeZone, format, fields };
}

/**
 * The local wall-clock time of a UTC instant, as "local epoch seconds" (a serial's day and
 * fraction). An IANA zone's time is read from its formatter's text (a fifth of the cost of its
 * parts), number by number in the order the zone's parts gave.
 */
export function localEpochSecond(utcEpochSecond: number, zone: TimeZone): number {
  if (zone.kind === "offset") return utcEpochSecond + zone.offsetSeconds;
  const n = SIX_NUMBERS.exec(zone.format.format(utcEpochSecond * 1000)) as RegExpExecArray;
  const f = zone.fields;
  const hour = Number(n[f.hour]) % 24; // some engines write midnight as 24 in h23
  const day = epochDayFromYmd(Number(n[f.year]), Number(n[f.month]), Number(n[f.day]));
  return day * SECONDS_PER_DAY + hour * 3600 + Number(n[f.minute]) * 60 + Number(n[f.second]);
}

export interface SeasonWindow {
  /** When the window opens: first_day 00:00 UTC, as local epoch seconds in the zone. */
  readonly opens: number;
  /** When it closes: the day after last_day, 00:00 UTC, as local epoch seconds in the zone. */
  readonly closes: number;
}

/** The window from first_day to last_day (epoch days, both included), in a zone's local time. */
export function seasonWindow(firstDay: number, lastDay: number, zone: TimeZone): SeasonWindow {
  if (lastDay < firstDay) {
    throw numError(`last_day (${formatEpochDay(lastDay)}) must be on or after first_day (${formatEpochDay(firstDay)}).`);
  }
  // The day after last_day may be 10000-01-01 in UTC and still 9999-12-31 in a zone west of
  // UTC: only the local result is checked against Excel's calendar, where it becomes a serial.
  return {
    opens: localEpochSecond(firstDay * SECONDS_PER_DAY, zone),
    closes: localEpochSecond((lastDay + 1) * SECONDS_PER_DAY, zone),
  };
}
