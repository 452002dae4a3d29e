/**
 * What counts as Scheduled Maintenance in the maintenance Kustomer claims (sla: section 3,
 * "Exclusions"), for SCHEDULEDMAINTENANCE and its working.
 *
 * Maintenance is "always during non-core business hours": "2:00am to 6:00am (Eastern Time Zone
 * if Client is using a Covered Service hosted in U.S. based data center or Greenwich Mean Time if
 * ... European based data center) during the weekday and all weekend"; "Kustomer maintains a
 * standing scheduled maintenance window of 2:00am-6:00am ... every weekday morning", and "may
 * schedule additional Scheduled Maintenance outside of the standing scheduled maintenance window
 * by providing notification to Client at least one day in advance". Decision (explained for users
 * in docs/terms.md):
 * - the part of a claimed interval outside non-core hours is not Scheduled Maintenance (the
 *   interval is cut, and that downtime is judged like any other);
 * - non-core hours are 2:00-6:00 a.m. Monday to Friday (the standing window) and the whole of
 *   Saturday and Sunday, in US Eastern time with daylight saving (US hosting) or GMT, UTC+0 all
 *   year (EU hosting), as MAINTENANCEWINDOWS computes them;
 * - outside the standing window (at the weekend) a part qualifies only where its interval's
 *   notice came at least 24 hours before the interval's start (notice <= start - 24 h, both in the
 *   log's clock); an interval without a notice then has none. Where no notice times are given at
 *   all, notice is not checked, and the working says so.
 *
 * Every time here is a local epoch second of the log's clock (`time_zone`, as for
 * MAINTENANCEWINDOWS and the log of OUTAGEMINUTES): the non-core hours are computed in UTC from
 * the hosting zone and read in that clock, then cut to each claimed interval. The work is linear
 * in the days the claimed intervals span (a few windows a day), bounded by {@link MAX_CLAIM_DAYS}.
 */
import type { Cell } from "../core/args";
import { isBlank, shapeOf, toDateTime } from "../core/args";
import { Msg, numError, valueError } from "../core/errors";
import { type DateSystem, epochDayFromYmd, formatEpochSecond, SECONDS_PER_DAY, weekdayOfEpochDay } from "../core/serial";
import { localEpochSecond, type TimeZone } from "../contract/season";
import { easternOffsetSeconds, type Hosting, type LocalWindow, standingWindow, US_DST_FIRST_YEAR } from "./maintenance";
import { intervalsFromRanges, rowsOf } from "./outage";

const HOUR = 3600;
const EST = -5 * HOUR;
const EDT = -4 * HOUR;
/** Notice "at least one (1) day in advance": 24 hours before the interval's start, or earlier. */
export const NOTICE_SECONDS = 24 * HOUR;
/**
 * The days the claimed intervals may cover together (the union of their days, with the two days
 * either side that decide their edges): about 13 years, far more than an SLA month's claims (the
 * month and the 14 days before), and it bounds the work in the slowest clock (an IANA zone, read
 * through Intl) to well under a second.
 */
export const MAX_CLAIM_DAYS = 5_000;

/** One interval of claimed maintenance, in the log's clock, with where it was read. */
export interface Claim {
  readonly start: number;
  readonly end: number;
  /** The notice time; null where the notice cell is blank; undefined where notice is not checked. */
  readonly notice: number | null | undefined;
  readonly row: number;
  readonly col: number;
}

/** How an interval's notice was judged, for the parts outside the standing window. */
export type NoticeVerdict = "not checked" | "in time" | "late" | "none";

/** What the terms allow of one claimed interval (seconds are whole seconds of the log's clock). */
export interface ClaimVerdict {
  readonly claim: Claim;
  /** The parts that are Scheduled Maintenance, in time order, touching parts merged. */
  readonly parts: LocalWindow[];
  readonly excusableSeconds: number;
  /** Seconds in core business hours (cut). */
  readonly coreSeconds: number;
  /** Seconds at the weekend whose notice came too late or not at all. */
  readonly unnoticedSeconds: number;
  /** Seconds at the weekend (outside the standing window, inside non-core hours). */
  readonly weekendSeconds: number;
  readonly notice: NoticeVerdict;
}

/** The UTC instant of a hosting zone's local wall-clock time; unambiguous at midnight and 2:00-6:00 on weekdays. */
function hostingToUtc(local: number, hosting: Hosting): number {
  if (hosting === "EU") return local;
  // US Eastern: the offset changes at 2:00 on a Sunday, so midnights and weekday hours are never
  // in the skipped or repeated hour. Take EST, and an hour earlier where that is daylight saving.
  const u = local - EST;
  return easternOffsetSeconds(u) === EDT ? local - EDT : u;
}

interface NonCore {
  /** [start, end) in the log's clock. */
  readonly start: number;
  readonly end: number;
  /** True for the standing window (weekdays 2:00-6:00), false for the weekend. */
  readonly standing: boolean;
}

/** A clock's reading of UTC instants, each instant read once per call (Intl is slow, and claims share their days' windows). */
export type ClockReader = (utcEpochSecond: number) => number;

/** A {@link ClockReader} for one call: an IANA zone's readings remembered; a fixed offset added. */
export function clockReader(clock: TimeZone): ClockReader {
  if (clock.kind === "offset") return (u) => u + clock.offsetSeconds;
  const seen = new Map<number, number>();
  return (u) => {
    let v = seen.get(u);
    if (v === undefined) {
      v = localEpochSecond(u, clock);
      seen.set(u, v);
    }
    return v;
  };
}

/** One hosting day's non-core hours in UTC: the standing window on a weekday, the whole day at the weekend. */
interface DayHours {
  readonly start: number;
  readonly end: number;
  readonly standing: boolean;
}

/** The non-core hours of the hosting zone's days in UTC, each day computed once per call. */
export type HostingDays = (day: number) => DayHours;

export function hostingDays(hosting: Hosting): HostingDays {
  const seen = new Map<number, DayHours>();
  return (day) => {
    let h = seen.get(day);
    if (h === undefined) {
      const wd = weekdayOfEpochDay(day);
      if (wd !== 0 && wd !== 6) {
        const w = standingWindow(day, hosting) as LocalWindow;
        h = { start: w.start, end: w.end, standing: true };
      } else {
        h = {
          start: hostingToUtc(day * SECONDS_PER_DAY, hosting),
          end: hostingToUtc((day + 1) * SECONDS_PER_DAY, hosting),
          standing: false,
        };
      }
      seen.set(day, h);
    }
    return h;
  };
}

/** How one call reads the hosting zone's days and the log's clock. */
export interface Judge {
  readonly days: HostingDays;
  readonly local: ClockReader;
}

export function judgeFor(hosting: Hosting, clock: TimeZone): Judge {
  return { days: hostingDays(hosting), local: clockReader(clock) };
}

/**
 * The non-core hours of the hosting zone's days `fromDay` to `toDay` (local epoch days), in the
 * log's clock, in time order and disjoint (a repeated hour of the clock is given to the earlier).
 */
function nonCoreHours(fromDay: number, toDay: number, judge: Judge, lo: number, hi: number): NonCore[] {
  const out: NonCore[] = [];
  for (let day = fromDay; day <= toDay; day++) {
    const { start, end, standing } = judge.days(day);
    // A clock is less than a day from UTC: a UTC interval a day away from [lo, hi) cannot meet it.
    if (end < lo - SECONDS_PER_DAY || start > hi + SECONDS_PER_DAY) continue;
    let s = judge.local(start);
    const e = judge.local(end);
    const prev = out.length > 0 ? out[out.length - 1].end : -Infinity;
    if (s < prev) s = prev;
    if (e > s) out.push({ start: s, end: e, standing });
  }
  return out;
}

/** The epoch day of a local epoch second. */
const dayOf = (s: number) => Math.floor(s / SECONDS_PER_DAY);

/** Judges one claimed interval (`judge`: the call's readings of the hosting days and the clock). */
export function judgeClaim(claim: Claim, hosting: Hosting, clock: TimeZone, judge: Judge = judgeFor(hosting, clock)): ClaimVerdict {
  const { start, end, notice } = claim;
  const verdict: NoticeVerdict =
    notice === undefined ? "not checked" : notice === null ? "none" : notice <= start - NOTICE_SECONDS ? "in time" : "late";
  const weekendAllowed = verdict === "not checked" || verdict === "in time";
  const parts: LocalWindow[] = [];
  let standingSeconds = 0;
  let weekendSeconds = 0;
  if (end > start) {
    // The hosting zone's days that can reach the interval: a clock and the hosting zone are each
    // less than a day from UTC, so two days either side.
    const windows = nonCoreHours(dayOf(start) - 2, dayOf(end) + 2, judge, start, end);
    for (const w of windows) {
      const a = w.start > start ? w.start : start;
      const b = w.end < end ? w.end : end;
      if (b <= a) continue;
      if (w.standing) standingSeconds += b - a;
      else weekendSeconds += b - a;
      if (!w.standing && !weekendAllowed) continue;
      const last = parts[parts.length - 1];
      if (last !== undefined && last.end === a) parts[parts.length - 1] = { start: last.start, end: b };
      else parts.push({ start: a, end: b });
    }
  }
  const unnoticedSeconds = weekendAllowed ? 0 : weekendSeconds;
  return {
    claim,
    parts,
    excusableSeconds: standingSeconds + weekendSeconds - unnoticedSeconds,
    coreSeconds: end - start - standingSeconds - weekendSeconds,
    unnoticedSeconds,
    weekendSeconds,
    notice: verdict,
  };
}

/**
 * Reads the claimed maintenance: starts and ends as OUTAGEMINUTES reads its maintenance ranges
 * (a row with both blank skipped; omitted or all blank is no maintenance), and notice_times, where
 * given, a range of the same shape (a blank cell is an interval without notice). Omitted notice
 * times (or one blank value) mean notice is not checked.
 */
export function claimsFromRanges(starts: unknown, ends: unknown, noticeTimes: unknown, hosting: Hosting, system: DateSystem): Claim[] {
  const log = intervalsFromRanges(starts, ends, "maintenance_starts", "maintenance_ends", system);
  const a = rowsOf(starts);
  const b = rowsOf(ends);
  const checked = !isBlank(noticeTimes);
  const n: Cell[][] = checked ? rowsOf(noticeTimes) : [];
  if (checked) {
    const same = n.length === a.length && n.every((row, i) => row.length === a[i].length);
    if (!same) throw valueError(Msg.shapeMismatch("maintenance_starts", "notice_times", shapeOf(a), shapeOf(n)));
  }
  const claims: Claim[] = [];
  if (log.starts.length === 0) return claims;
  const firstUsSecond = epochDayFromYmd(US_DST_FIRST_YEAR, 1, 1) * SECONDS_PER_DAY;
  for (let r = 0; r < a.length; r++) {
    for (let c = 0; c < a[r].length; c++) {
      if (isBlank(a[r][c]) && isBlank(b[r][c])) continue;
      const k = claims.length;
      const start = log.starts[k];
      const end = log.ends[k];
      if (hosting === "US" && start < firstUsSecond) {
        throw numError(
          `maintenance_starts (row ${r + 1}, column ${c + 1}) must be in ${US_DST_FIRST_YEAR} or later for US hosting: US Eastern daylight saving is computed by the rules in force since then; got ${formatEpochSecond(start)}.`,
        );
      }
      let notice: number | null | undefined;
      if (checked) {
        const v = n[r][c];
        notice = isBlank(v) ? null : toDateTime(v, `notice_times (row ${r + 1}, column ${c + 1})`, system);
      }
      claims.push({ start, end, notice, row: r + 1, col: c + 1 });
    }
  }
  checkCoveredDays(claims);
  return claims;
}

/** #NUM! where the claims' days (with two either side) cover more than {@link MAX_CLAIM_DAYS} together. */
function checkCoveredDays(claims: readonly Claim[]): void {
  // The days as a set, stopping as soon as it is too large: linear in the claims, and at most
  // MAX_CLAIM_DAYS + 1 days for the longest interval.
  const days = new Set<number>();
  for (const c of claims) {
    const last = dayOf(c.end) + 2;
    for (let d = dayOf(c.start) - 2; d <= last; d++) {
      days.add(d);
      if (days.size > MAX_CLAIM_DAYS) {
        throw numError(
          "maintenance_starts and maintenance_ends may cover at most 5,000 days in all, counting two days either side of each interval (about 13 years; an SLA month needs the month and the 14 days before).",
        );
      }
    }
  }
}

/** Every claim judged, in their order (one judge for them all). */
export function judgeClaims(claims: readonly Claim[], hosting: Hosting, clock: TimeZone): ClaimVerdict[] {
  const judge = judgeFor(hosting, clock);
  return claims.map((c) => judgeClaim(c, hosting, clock, judge));
}

/** The Scheduled Maintenance in the claims, one [start, end] per part, claims in their order. */
export function scheduledMaintenance(claims: readonly Claim[], hosting: Hosting, clock: TimeZone): LocalWindow[] {
  return judgeClaims(claims, hosting, clock).flatMap((v) => v.parts);
}
