/**
 * Outage minutes of a calendar month from a log of downtimes (sla: sections 2 and 3).
 *
 * - An Outage excludes Scheduled Maintenance and Excluded Downtime (sla section 3).
 * - "An Outage period may begin after observing one to five consecutive minutes of downtime."
 *
 * Decision (docs/terms.md): a downtime shorter than a threshold (default 5 minutes, argument 1..5)
 * does not count; overlapping outages are counted once; an outage that crosses a month
 * boundary counts in each month for its own minutes.
 *
 * The steps, in this order, all on whole epoch seconds (integers, so exact):
 * 1. every timestamp to the nearest second (toDateTime);
 * 2. downtimes sorted by start and merged where they overlap. Decision: downtimes that touch
 *    (one ends at the second the next starts) merge too: service was never restored between
 *    them, so they are one run of consecutive downtime;
 * 3. merged downtimes shorter than min_minutes dropped (one of exactly min_minutes counts),
 *    judged on the whole downtime, before Excluded Downtime, maintenance and the month cut it;
 * 4. the parts inside Excluded Downtime (merged the same way) taken out: Decision (docs/terms.md),
 *    downtime outside Kustomer's reasonable control "do[es] not factor in" (sla section 3), so it
 *    is never Outage, whatever its length, and uses none of the maintenance cap; a second both
 *    excluded and in maintenance is Excluded Downtime, leaving the cap to later maintenance;
 * 5. of what is left, the parts inside the Scheduled Maintenance intervals (merged the same
 *    way) excused, but only up to the maintenance cap: Decision (docs/terms.md), 360 minutes in any
 *    rolling 14 days, earliest first, over the whole log (downtime before the month counts
 *    toward the cap, so the log should reach at least 14 days before the month, and older
 *    downtime, where given, is used too: what was excused earlier decides what the cap leaves);
 *    the rest counts as Outage (`excuseUnderCap` defines the rolling window to the second);
 * 6. only what falls inside the month [1st 00:00:00, 1st of next month 00:00:00) kept.
 * Decision: downtimes dropped in step 3 use none of the cap (they are no Outage to excuse).
 * The result is seconds / 60 minutes, exact (one correctly rounded division of integers).
 *
 * One sort per log and linear sweeps: O(n log n) in the number of downtimes, excluded and
 * maintenance intervals; 10,000 of each take a few milliseconds.
 */
import { type Cell, isBlank, shapeOf, toDateTime } from "../core/args";
import { Msg, numError, valueError } from "../core/errors";
import { type DateSystem, formatEpochSecond, SECONDS_PER_DAY } from "../core/serial";
import { SLA_TERMS } from "../rates/sla";
import type { SlaMonth } from "./uptime";

/** Intervals [start, end) in epoch seconds, as two parallel arrays. */
export interface Intervals {
  readonly starts: number[];
  readonly ends: number[];
}

export const MIN_MINUTES = SLA_TERMS.outageThresholdMinutes;

const maxOf = Math.max;
const minOf = Math.min;

/** An optional range argument as rows of cells: omitted or blank is empty; a value is 1x1. */
export function rowsOf(v: unknown): Cell[][] {
  if (isBlank(v)) return [];
  if (!Array.isArray(v)) return [[v as Cell]];
  if (v.length === 0) return [];
  if (!Array.isArray(v[0])) return [v as Cell[]];
  // A row that is one value (a script's ragged array; Excel passes rows of cells) is a row of one cell.
  return v.map((row) => (Array.isArray(row) ? (row as Cell[]) : [row as Cell]));
}

function allBlank(range: Cell[][]): boolean {
  for (const row of range) for (const v of row) if (!isBlank(v)) return false;
  return true;
}

/**
 * Reads a log of intervals from a range of starts and a range of ends of the same shape. A row
 * with both cells blank is skipped; one blank of the two is #VALUE!; an end before its start
 * is #NUM!. Omitted, blank or all-blank ranges are an empty log.
 */
export function intervalsFromRanges(starts: unknown, ends: unknown, startsArg: string, endsArg: string, system: DateSystem): Intervals {
  let a = rowsOf(starts);
  let b = rowsOf(ends);
  if (allBlank(a) && allBlank(b)) a = b = [];
  const same = a.length === b.length && a.every((row, i) => row.length === b[i].length);
  if (!same) throw valueError(Msg.shapeMismatch(startsArg, endsArg, shapeOf(a), shapeOf(b)));
  const out: Intervals = { starts: [], ends: [] };
  a.forEach((ra, r) => {
    const rb = b[r];
    ra.forEach((vs, c) => {
      const ve = rb[c];
      const blankStart = isBlank(vs);
      const blankEnd = isBlank(ve);
      const at = `(row ${r + 1}, column ${c + 1})`;
      if (blankStart || blankEnd) {
        if (blankStart && blankEnd) return;
        if (blankStart) throw valueError(Msg.required(`${startsArg} ${at}`, `a date-time, as ${endsArg} ${at} has one`));
        throw valueError(Msg.required(`${endsArg} ${at}`, `a date-time, as ${startsArg} ${at} has one`));
      }
      const s = toDateTime(vs, `${startsArg} ${at}`, system);
      const e = toDateTime(ve, `${endsArg} ${at}`, system);
      if (e < s) {
        throw numError(
          `${endsArg} ${at} must not be before ${startsArg} ${at}; got an interval from ${formatEpochSecond(s)} to ${formatEpochSecond(e)}.`,
        );
      }
      out.starts.push(s);
      out.ends.push(e);
    });
  });
  return out;
}

/**
 * The union of intervals, as sorted disjoint intervals; intervals that overlap or touch merge.
 *
 * A time t is covered by #{starts <= t} - #{ends < t} intervals (every end is on or after its
 * start), which depends only on the sorted starts and the sorted ends, not on their pairing. So
 * both are sorted on their own (a native numeric sort of typed arrays) and swept once; at a
 * time where one downtime ends and another starts, the start is taken first, so the two touch
 * and merge.
 */
export function mergeIntervals(log: Intervals): Intervals {
  const starts = Float64Array.from(log.starts).sort();
  const ends = Float64Array.from(log.ends).sort();
  const ms: number[] = [];
  const me: number[] = [];
  let open = 0; // starts taken less ends passed: the intervals still open
  let j = 0; // the first end not passed
  starts.forEach((s) => {
    // The ends before s close what they can (an end at s does not: the two touch and merge).
    // Every interval ends on or after its start, so j stays below the starts taken.
    while (ends[j] < s) {
      j++;
      open--;
    }
    // None open: the merged interval before ends at the last end passed, and a new one opens at s.
    if (open === 0) {
      if (j > 0) me.push(ends[j - 1]);
      ms.push(s);
    }
    open++;
  });
  // The last merged interval ends at the last end.
  if (starts.length > 0) me.push(ends[ends.length - 1]);
  return { starts: ms, ends: me };
}

/** What OUTAGEMINUTES found, for the working and the tests (all seconds are whole). */
export interface OutageCount {
  /** Merged downtimes in the whole log. */
  readonly downtimes: number;
  /** Of those, how many were shorter than the threshold and dropped. */
  readonly dropped: number;
  /** Seconds of the kept downtimes that fall in the month. */
  readonly downtimeSeconds: number;
  /** Of those, the seconds inside Excluded Downtime (never Outage, none of the cap). */
  readonly excludedSeconds: number;
  /** Of those not excluded, the seconds inside maintenance (excused or capped). */
  readonly maintenanceSeconds: number;
  /** Of those, the seconds excused under the cap. */
  readonly excusedSeconds: number;
  /** Of those, the seconds over the cap, counted as Outage. */
  readonly cappedSeconds: number;
  /** Downtime excused in the 14 days before the month (the log's earlier days), which count toward the cap. */
  readonly excusedBeforeSeconds: number;
  /** Outage seconds counted in the month: downtime neither excluded nor in maintenance + capped. */
  readonly seconds: number;
  /** seconds / 60. */
  readonly minutes: number;
}

/** Checks min_minutes: a whole number from 1 to 5 (the terms' "one to five consecutive minutes"). */
export function checkMinMinutes(minMinutes: number, arg = "min_minutes"): number {
  if (minMinutes < MIN_MINUTES.min || minMinutes > MIN_MINUTES.max) {
    throw numError(Msg.between(arg, String(MIN_MINUTES.min), String(MIN_MINUTES.max), String(minMinutes)));
  }
  return minMinutes;
}

/**
 * The maintenance cap (sla section 3: Scheduled Maintenance of "no more than six (6) hours during
 * any rolling two (2) week period"). Decision (docs/terms.md): downtime in maintenance is excused up
 * to 360 minutes in any rolling 14 days, earliest first; the rest counts as Outage.
 */
export const MAINTENANCE_CAP = Object.freeze({ defaultHours: 6, windowDays: 14 });
export const CAP_WINDOW_SECONDS = MAINTENANCE_CAP.windowDays * SECONDS_PER_DAY;

/** No cap: every second of downtime in maintenance is excused. */
export const NO_CAP = Number.POSITIVE_INFINITY;

/**
 * Reads maintenance_cap_hours as whole seconds, to the nearest second: 0 hours means no cap
 * (NO_CAP); a positive cap below half a second rounds to 0 seconds and excuses nothing.
 */
export function capSeconds(hours: number, arg = "maintenance_cap_hours"): number {
  if (hours < 0) throw numError(Msg.negative(arg, String(hours)));
  return hours === 0 ? NO_CAP : Math.round(hours * 3600);
}

/**
 * Excuses, earliest first, the seconds of `k` (sorted, disjoint intervals of whole epoch seconds)
 * under a cap of `cap` seconds in any rolling `window` seconds (NO_CAP: all excused; 0: none).
 *
 * The rolling window, at the resolution of OUTAGEMINUTES (whole seconds): second t is the
 * interval [t, t+1); "the 14 days up to and including it" are the W = 1,209,600 seconds
 * t-W+1 .. t. Second t is excused iff it lies in `k` and fewer than `cap` seconds among
 * t-W+1 .. t-1 are excused, so that with t itself they stay at or under the cap. Taken in time
 * order this is "earliest first", and every W consecutive seconds then hold at most `cap`
 * excused ones.
 *
 * Computed in runs, not second by second. With S(t) = the excused seconds among t-W+1 .. t-1
 * and D = W-1, S(t+1) = S(t) + e(t) - e(t-D). On a run where both "t in k" and e(t-D) (the
 * second leaving the window) stay constant, and no longer than D (so every e(t-D) it reads is
 * already known):
 * - t not in k: nothing excused;
 * - e(t-D) = 1 and S < cap: all excused, S unchanged;
 * - e(t-D) = 1 and S = cap: the first second is not, the rest are (S drops to cap-1 and stays);
 * - e(t-D) = 0: the first min(length, cap-S) seconds are excused (S rises to at most cap).
 * Runs end at the ends of `k`'s intervals and where t-D crosses an end of an excused interval,
 * so the work is linear in the intervals of `k` and of the result; the result has at most
 * (1 + span / 14 days) intervals per interval of `k`, where span is the log's length.
 */
export function excuseUnderCap(k: Intervals, cap: number, window: number = CAP_WINDOW_SECONDS): Intervals {
  const D = window - 1;
  const es: number[] = [];
  const ee: number[] = [];
  let h = 0; // first excused interval that ends after the tail
  let tail = -Infinity; // t - D
  let S = 0; // excused seconds in [tail, t)
  const excuse = (p: number, q: number) => {
    if (q <= p) return;
    S += q - p;
    // Joined to the interval before when they touch (its end is undefined when there is none).
    if (ee[ee.length - 1] === p) ee[ee.length - 1] = q;
    else {
      es.push(p);
      ee.push(q);
    }
  };
  // Moves the tail to `to`, taking the excused seconds it passes out of S.
  const advance = (to: number) => {
    while (tail < to) {
      if (h >= es.length) {
        tail = to;
        break;
      }
      if (es[h] > tail) {
        tail = minOf(es[h], to);
        continue;
      }
      const stop = minOf(ee[h], to);
      S -= stop - tail;
      tail = stop;
      if (tail === ee[h]) h++;
    }
  };
  k.starts.forEach((start, i) => {
    let t = start;
    const b = k.ends[i];
    advance(t - D);
    while (t < b) {
      // The run ends where the second leaving the window (t - D) changes from excused to not,
      // or back: at the end of the excused interval it is in, or the start of the next one
      // (none: the run is not bounded there).
      const g = es[h] <= tail;
      const run = (g ? ee[h] : (es[h] ?? Infinity)) - tail;
      const len = minOf(b - t, run, D);
      if (g) excuse(S < cap ? t : t + 1, t + len);
      else excuse(t, t + minOf(cap - S, len));
      t += len;
      advance(t - D);
    }
  });
  return { starts: es, ends: ee };
}

/** The seconds of sorted disjoint intervals inside [lo, hi). */
function measureIn(x: Intervals, lo: number, hi: number): number {
  let total = 0;
  x.starts.forEach((s, i) => {
    total += maxOf(0, minOf(x.ends[i], hi) - maxOf(s, lo));
  });
  return total;
}

/**
 * The Outage seconds of a month: downtimes merged, short ones dropped, the parts inside Excluded
 * Downtime taken out, the parts inside maintenance excused up to the cap (`capSecs` in any
 * rolling 14 days, earliest first, over the whole log so that downtime before the month counts
 * toward it; NO_CAP for none), the rest cut to the month.
 */
export function outageInMonth(
  month: SlaMonth,
  downtimes: Intervals,
  maintenance: Intervals = { starts: [], ends: [] },
  minMinutes: number = MIN_MINUTES.default,
  capSecs: number = MAINTENANCE_CAP.defaultHours * 3600,
  excluded: Intervals = { starts: [], ends: [] },
): OutageCount {
  const threshold = checkMinMinutes(minMinutes) * 60;
  const down = mergeIntervals(downtimes);
  const excl = mergeIntervals(excluded);
  const maint = mergeIntervals(maintenance);
  const monthStart = month.firstDay * SECONDS_PER_DAY;
  const monthEnd = month.nextFirstDay * SECONDS_PER_DAY;
  // The seconds of [x, y) inside the month (0 when there are none).
  const inMonth = (x: number, y: number) => maxOf(0, minOf(y, monthEnd) - maxOf(x, monthStart));

  // Steps 3 and 4: the kept downtimes up to the month's end, less Excluded Downtime, as sorted
  // pieces. One sweep, linear: both logs are sorted and disjoint, and `x` only moves forward,
  // past each excluded range once the downtime it reaches into is done.
  const xs = excl.starts;
  const xe = excl.ends;
  const rest: Intervals = { starts: [], ends: [] };
  let downtimeSeconds = 0;
  let keptSeconds = 0; // of those, the seconds outside Excluded Downtime
  // A piece may be empty, or touch the next (where an excluded range of no length splits a
  // downtime): every count below is a sum over seconds, and excuseUnderCap joins touching intervals.
  const piece = (p: number, q: number) => {
    rest.starts.push(p);
    rest.ends.push(q);
    keptSeconds += inMonth(p, q);
  };
  let dropped = 0;
  let x = 0; // first excluded range that may reach into a downtime
  down.starts.forEach((a, i) => {
    const whole = down.ends[i];
    if (whole - a < threshold) {
      dropped++;
      return;
    }
    // Cut at the month's end, once judged whole: the cap is earliest first, so what comes after
    // the month changes nothing in it, and a downtime running on to 9999 costs no more work.
    // A downtime from the month's end on is cut to nothing: it adds no second and no piece.
    const b = minOf(whole, monthEnd);
    downtimeSeconds += inMonth(a, b);
    let cur = a; // the downtime before cur is done
    // The excluded ranges that end by b: the downtime up to each is kept, and it is done to its end.
    // (Past the last range xe[x] is undefined, and undefined <= b is false.)
    while (xe[x] <= b) {
      piece(cur, maxOf(cur, xs[x]));
      cur = maxOf(cur, xe[x]);
      x++;
    }
    // The next range may start before b (and run on into later downtimes: x stays on it).
    piece(cur, maxOf(cur, minOf(b, xs[x] ?? b)));
  });
  const excludedSeconds = downtimeSeconds - keptSeconds;

  // Step 5: each piece split into its parts outside maintenance (Outage) and inside (the cap's
  // candidates, over the whole log up to the month's end), in one sweep like the one above.
  const ms = maint.starts;
  const me = maint.ends;
  let outside = 0; // downtime in the month neither excluded nor in maintenance
  const inMaint: Intervals = { starts: [], ends: [] };
  const maintained = (p: number, q: number) => {
    inMaint.starts.push(p);
    inMaint.ends.push(q);
  };
  let j = 0; // first maintenance interval that may reach into a piece
  rest.starts.forEach((a, i) => {
    const b = rest.ends[i];
    let cur = a;
    // The maintenance intervals that end by b (before a: they add nothing).
    while (me[j] <= b) {
      outside += inMonth(cur, ms[j]);
      const p = maxOf(cur, ms[j]);
      cur = maxOf(cur, me[j]);
      maintained(p, maxOf(p, cur));
      j++;
    }
    // The next interval may start before b and run on past it.
    const p = maxOf(cur, minOf(b, ms[j] ?? b));
    outside += inMonth(cur, p);
    maintained(p, b);
  });
  const excused = excuseUnderCap(inMaint, capSecs);
  const maintenanceSeconds = measureIn(inMaint, monthStart, monthEnd);
  const excusedSeconds = measureIn(excused, monthStart, monthEnd);
  const cappedSeconds = maintenanceSeconds - excusedSeconds;
  const seconds = outside + cappedSeconds;
  return {
    downtimes: down.starts.length,
    dropped,
    downtimeSeconds,
    excludedSeconds,
    maintenanceSeconds,
    excusedSeconds,
    cappedSeconds,
    excusedBeforeSeconds: measureIn(excused, monthStart - CAP_WINDOW_SECONDS, monthStart),
    seconds,
    minutes: seconds / 60,
  };
}
