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

/** A time zone: an IANA zone read through Intl, or a fixed offset from UTC in seconds. */
export type TimeZone =
  | { readonly kind: "iana"; readonly name: string; readonly format: Intl.DateTimeFormat }
  | { readonly kind: "offset"; readonly name: string; readonly offsetSeconds: number };

const OFFSET = /^(?:UTC|GMT)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/i;
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
  if (m) {
    const hours = Number(m[2]);
    const minutes = m[3] === undefined ? 0 : Number(m[3]);
    if (hours > 23 || minutes > 59) throw valueError(`${arg} ${quote(text)} is not a valid offset; expected -23:59 to +23:59.`);
    const sign = m[1] === "-" ? -1 : 1;
    zone = { kind: "offset", name: text, offsetSeconds: sign * (hours * 3600 + minutes * 60) };
  } else {
    if (text.length > MAX_ZONE_LENGTH) throw valueError(`${arg} ${quote(text)} is not a known time zone; expected ${EXPECTED}.`);
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat("en-US", {
        timeZone: text,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      throw valueError(`${arg} ${quote(text)} is not a known time zone; expected ${EXPECTED}.`);
    }
    zone = { kind: "iana", name: format.resolvedOptions().timeZone, format };
  }
  if (ZONES.size < 1000) ZONES.set(key, zone);
  return zone;
}

/** The local wall-clock time of a UTC instant, as "local epoch seconds" (a serial's day and fraction). */
export function localEpochSecond(utcEpochSecond: number, zone: TimeZone): number {
  if (zone.kind === "offset") return utcEpochSecond + zone.offsetSeconds;
  const parts: Record<string, number> = {};
  for (const p of zone.format.formatToParts(utcEpochSecond * 1000)) if (p.type !== "literal") parts[p.type] = Number(p.value);
  const hour = parts.hour === 24 ? 0 : parts.hour; // some engines write midnight as 24 in h23
  return epochDayFromYmd(parts.year, parts.month, parts.day) * SECONDS_PER_DAY + hour * 3600 + parts.minute * 60 + parts.second;
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
