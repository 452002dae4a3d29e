/**
 * Outage minutes of a calendar month from a log of downtimes (sla: sections 2 and 3).
 *
 * - An Outage excludes Scheduled Maintenance and Excluded Downtime (sla section 3).
 * - "An Outage period may begin after observing one to five consecutive minutes of downtime."
 *
 * Decision (domain.md): a downtime shorter than a threshold (default 5 minutes, argument 1..5)
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
 * 4. the parts inside Excluded Downtime (merged the same way) taken out: Decision (domain.md),
 *    downtime outside Kustomer's reasonable control "do[es] not factor in" (sla section 3), so it
 *    is never Outage, whatever its length, and uses none of the maintenance cap; a second both
 *    excluded and in maintenance is Excluded Downtime, leaving the cap to later maintenance;
 * 5. of what is left, the parts inside the Scheduled Maintenance intervals (merged the same
 *    way) excused, but only up to the maintenance cap: Decision (domain.md), 360 minutes in any
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
import { type DateSystem, epochDayFromSerial, formatEpochSecond, SECONDS_PER_DAY } from "../core/serial";
import { SLA_TERMS } from "../rates/sla";
import type { SlaMonth } from "./uptime";

/** Intervals [start, end) in epoch seconds, as two parallel arrays. */
export interface Intervals {
  readonly starts: number[];
  readonly ends: number[];
}

export const MIN_MINUTES = SLA_TERMS.outageThresholdMinutes;

// Built-ins read once: in a sandboxed runtime every lookup of a global (Math, Array) is slow,
// and these run once per cell of a log that may hold 10,000 rows.
const floor = Math.floor;
const maxOf = Math.max;
const minOf = Math.min;
const round = Math.round;
const isArray = Array.isArray;
const F64 = Float64Array;

/** An optional range argument as rows of cells: omitted or blank is empty; a value is 1x1. */
export function rowsOf(v: unknown): Cell[][] {
  if (isBlank(v)) return [];
  if (!isArray(v)) return [[v as Cell]];
  if (v.length === 0) return [];
  if (!isArray(v[0])) return [v as Cell[]];
  // A row that is one value (a script's ragged array; Excel passes rows of cells) is a row of one cell.
  return v.map((row) => (isArray(row) ? (row as Cell[]) : [row as Cell]));
}

function allBlank(range: Cell[][]): boolean {
  for (const row of range) for (const v of row) if (!isBlank(v)) return false;
  return true;
}

// Serials that are a valid date-time in both date systems (1900: from 61 = 1900-03-01, past
// the phantom 29 Feb; 1904: up to 2957003 = 9999-12-31).
const SAFE_SERIAL_MIN = 61;
const SAFE_SERIAL_MAX = 2957003;

/**
 * A cell as epoch seconds. A plain serial takes toDateTime's own arithmetic (epoch day of the
 * whole serial, the fraction to the nearest second) without its global lookups; anything else
 * (text, or a serial toDateTime must refuse) goes through toDateTime itself.
 */
function cellSecond(v: Cell, system: DateSystem, arg: string, row: number, col: number): number {
  // Stryker disable BlockStatement: without the fast path toDateTime gives the same second
  if (
    typeof v === "number" &&
    // Stryker disable next-line EqualityOperator: serial 61 by toDateTime gives the same second
    v >= SAFE_SERIAL_MIN &&
    // Stryker disable next-line ArithmeticOperator: serials 2957002 to 2957003 by toDateTime give the same second
    v < SAFE_SERIAL_MAX + 1
  ) {
    const whole = floor(v);
    // Stryker disable next-line StringLiteral: only serials valid in both systems come here, so no message names the argument
    return epochDayFromSerial(whole, system, "") * SECONDS_PER_DAY + round((v - whole) * SECONDS_PER_DAY);
  }
  // Stryker restore BlockStatement
  return toDateTime(v, `${arg} (row ${row}, column ${col})`, system);
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
  for (let r = 0; r < a.length; r++) {
    const ra = a[r];
    const rb = b[r];
    // Stryker disable next-line EqualityOperator: one cell past the row reads two undefined, a blank pair, skipped
    for (let c = 0; c < ra.length; c++) {
      const vs = ra[c];
      const ve = rb[c];
      const blankStart = isBlank(vs);
      const blankEnd = isBlank(ve);
      if (blankStart || blankEnd) {
        if (blankStart && blankEnd) continue;
        const at = `(row ${r + 1}, column ${c + 1})`;
        if (blankStart) throw valueError(Msg.required(`${startsArg} ${at}`, `a date-time, as ${endsArg} ${at} has one`));
        throw valueError(Msg.required(`${endsArg} ${at}`, `a date-time, as ${startsArg} ${at} has one`));
      }
      const s = cellSecond(vs, system, startsArg, r + 1, c + 1);
      const e = cellSecond(ve, system, endsArg, r + 1, c + 1);
      if (e < s) {
        const at = `(row ${r + 1}, column ${c + 1})`;
        throw numError(
          `${endsArg} ${at} must not be before ${startsArg} ${at}; got an interval from ${formatEpochSecond(s)} to ${formatEpochSecond(e)}.`,
        );
      }
      out.starts.push(s);
      out.ends.push(e);
    }
  }
  return out;
}

/** A sorted typed copy; a log already in time order (most are, and MAINTENANCEWINDOWS' spill is) skips the sort. */
function sortedCopy(xs: number[]): Float64Array {
  const a = F64.from(xs);
  // Stryker disable next-line EqualityOperator: one past the end compares with undefined, which is false
  for (let i = 1; i < a.length; i++) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: sorting an ordered copy (or at equal neighbours) changes nothing
    if (a[i] < a[i - 1]) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: both sorts give the same order; the radix sort is only faster
      return a.length >= RADIX_MIN ? sortWholeNumbers(a) : a.sort();
    }
  }
  return a;
}

const RADIX_MIN = 256;
const LOW = 4194304; // 2^22: a key is split into two 22-bit halves, each sorted in two 11-bit passes
const I32 = Int32Array;

/**
 * Sorts whole numbers in place, ascending: an LSD radix sort of (value - min) in four stable
 * 11-bit passes (two when the span is under 2^22), about twice as fast as the native sort on
 * 10,000 epoch seconds. Anything else (a fraction, a span of 2^44 or more) takes the native sort.
 */
export function sortWholeNumbers(a: Float64Array): Float64Array {
  const n = a.length;
  // Stryker disable next-line ConditionalExpression: 0 or 1 values come out of the native sort or the passes as they went in
  if (n < 2) return a;
  let min = a[0];
  let max = a[0];
  // In this loop and the guard after it, a changed test only sends the values to the native sort: the same order.
  // Stryker disable next-line EqualityOperator,UpdateOperator: one past the end (or before the start) reads undefined, not whole: the native sort
  for (let i = 0; i < n; i++) {
    const v = a[i];
    // Stryker disable next-line ConditionalExpression: the native sort gives the same order
    if (v !== floor(v)) return a.sort();
    // Stryker disable next-line EqualityOperator: at a tie min is the same value
    if (v < min) min = v;
    // Stryker disable next-line EqualityOperator: at a tie max is the same value
    if (v > max) max = v;
  }
  // Stryker disable next-line ConditionalExpression,ArithmeticOperator: the native sort gives the same order
  if (!(max - min < LOW * LOW)) return a.sort();
  let lo = new I32(n);
  let hi = new I32(n);
  let lo2 = new I32(n);
  let hi2 = new I32(n);
  // Stryker disable next-line EqualityOperator: a typed array ignores a write one past its end
  for (let i = 0; i < n; i++) {
    const k = a[i] - min;
    const h = floor(k / LOW);
    hi[i] = h;
    lo[i] = k - h * LOW;
  }
  const count = new I32(2048);
  // Stryker disable next-line ConditionalExpression: four passes sort a span under 2^22 too (the upper halves are all 0)
  const passes = max - min < LOW ? 2 : 4;
  for (let p = 0; p < passes; p++) {
    const key = p < 2 ? lo : hi;
    const shift = (p & 1) * 11;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(key[i] >>> shift) & 2047]++;
    let sum = 0;
    // Stryker disable next-line EqualityOperator: a typed array ignores a write one past its end, and the sum is not read after
    for (let d = 0; d < 2048; d++) {
      const c = count[d];
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const j = count[(key[i] >>> shift) & 2047]++;
      lo2[j] = lo[i];
      hi2[j] = hi[i];
    }
    [lo, lo2] = [lo2, lo];
    [hi, hi2] = [hi2, hi];
  }
  // Stryker disable next-line EqualityOperator: a typed array ignores a write one past its end
  for (let i = 0; i < n; i++) a[i] = min + hi[i] * LOW + lo[i];
  return a;
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
  const n = log.starts.length;
  const starts = sortedCopy(log.starts);
  const ends = sortedCopy(log.ends);
  const ms: number[] = [];
  const me: number[] = [];
  let i = 0;
  let j = 0;
  while (i < n) {
    // A merged interval opens at the next start and closes at the end that leaves none active.
    ms.push(starts[i]);
    let active = 0;
    for (;;) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: past the last start starts[i] is undefined, and undefined <= x is false
      if (i < n && starts[i] <= ends[j]) {
        active++;
        i++;
      } else {
        j++;
        if (--active === 0) break;
      }
    }
    me.push(ends[j - 1]);
  }
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
 * any rolling two (2) week period"). Decision (domain.md): downtime in maintenance is excused up
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
  return hours === 0 ? NO_CAP : round(hours * 3600);
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
  // Stryker disable next-line ConditionalExpression,MethodExpression: with no cap the runs below excuse every second too, and no caller changes the arrays
  if (cap === NO_CAP) return { starts: k.starts.slice(), ends: k.ends.slice() };
  // Stryker disable next-line ConditionalExpression,EqualityOperator: with a cap of 0 the runs below excuse nothing too
  if (!(cap > 0)) return { starts: [], ends: [] };
  const D = window - 1;
  const es: number[] = [];
  const ee: number[] = [];
  let h = 0; // first excused interval that ends after the tail
  let tail = -Infinity; // t - D
  let S = 0; // excused seconds in [tail, t)
  const excuse = (p: number, q: number) => {
    if (q <= p) return;
    S += q - p;
    const n = es.length;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: with no interval yet ee[-1] is undefined, never p
    if (n > 0 && ee[n - 1] === p) ee[n - 1] = q;
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
  // Stryker disable next-line EqualityOperator: one past the end reads undefined bounds, and no comparison with them is true
  for (let i = 0; i < k.starts.length; i++) {
    let t = k.starts[i];
    const b = k.ends[i];
    advance(t - D);
    while (t < b) {
      let g: number;
      let run: number;
      // Stryker disable next-line ConditionalExpression,EqualityOperator: past the last excused interval es[h] is undefined, and undefined <= x is false
      if (h < es.length && es[h] <= tail) {
        g = 1;
        run = ee[h] - tail;
      } else {
        g = 0;
        // Stryker disable next-line ConditionalExpression,EqualityOperator: past the last excused interval the run is NaN, which no length is above, as with Infinity
        run = h < es.length ? es[h] - tail : Infinity;
      }
      const len = minOf(b - t, run, D);
      if (g === 1) excuse(S < cap ? t : t + 1, t + len);
      else excuse(t, t + minOf(cap - S, len));
      t += len;
      advance(t - D);
    }
  }
  return { starts: es, ends: ee };
}

/** The seconds of sorted disjoint intervals inside [lo, hi). */
function measureIn(x: Intervals, lo: number, hi: number): number {
  let total = 0;
  // Stryker disable next-line EqualityOperator: one past the end reads undefined bounds: NaN, and b > a is false
  for (let i = 0; i < x.starts.length; i++) {
    const a = maxOf(x.starts[i], lo);
    const b = minOf(x.ends[i], hi);
    // Stryker disable next-line EqualityOperator: an empty part adds 0
    if (b > a) total += b - a;
  }
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
  // The part of [x, y) inside the month.
  const inMonth = (x: number, y: number) => {
    const lo = maxOf(x, monthStart);
    const hi = minOf(y, monthEnd);
    // Stryker disable next-line EqualityOperator: an empty part is 0 either way
    return hi > lo ? hi - lo : 0;
  };

  // Steps 3 and 4: the kept downtimes up to the month's end, less Excluded Downtime, as sorted
  // disjoint pieces. One sweep, linear: `x` only moves forward, and each downtime visits the
  // excluded intervals that overlap it: those inside it (no other downtime visits them) and at
  // most two across its ends.
  const xs = excl.starts;
  const xe = excl.ends;
  const nx = xs.length;
  const rest: Intervals = { starts: [], ends: [] };
  // Two pieces may touch (where a zero-length excluded range splits a downtime): every count
  // below is a sum over seconds, and excuseUnderCap takes touching intervals as one.
  const piece = (p: number, q: number) => {
    rest.starts.push(p);
    rest.ends.push(q);
  };
  let downtimeSeconds = 0;
  let excludedSeconds = 0;
  let dropped = 0;
  let x = 0; // first excluded interval that may still overlap a downtime
  // Stryker disable next-line EqualityOperator: one past the end reads undefined bounds, and every test on them is false: nothing is added
  for (let i = 0; i < down.starts.length; i++) {
    const a = down.starts[i];
    let b = down.ends[i];
    if (b - a < threshold) {
      dropped++;
      continue;
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a downtime from the month's end on is cut to nothing below: it adds 0
    if (a >= monthEnd) continue;
    downtimeSeconds += inMonth(a, b);
    // Cut at the month's end, once judged whole: the cap is earliest first, so what comes after
    // the month changes nothing in it, and a downtime running on to 9999 costs no more work.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: uncut, the part after the month is cut by inMonth and measureIn, and the cap is earliest first
    if (b > monthEnd) b = monthEnd;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: an excluded range not skipped ends by a and adds nothing below (skipping is for speed)
    while (x < nx && xe[x] <= a) x++;
    let cur = a;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: one more excluded range (one past the end, from b, or after cur passed b) adds nothing
    for (let k = x; k < nx && xs[k] < b && cur < b; k++) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: a piece of no length counts no second
      if (xs[k] > cur) piece(cur, xs[k]);
      excludedSeconds += inMonth(maxOf(xs[k], a), minOf(xe[k], b));
      // Stryker disable next-line ConditionalExpression,EqualityOperator: merged excluded ranges end later each time, so xe[k] is above cur
      if (xe[k] > cur) cur = xe[k];
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a piece of no length counts no second
    if (cur < b) piece(cur, b);
  }

  // Step 5: each piece split into its parts outside maintenance (Outage) and inside (the cap's
  // candidates, over the whole log up to the month's end).
  const ms = maint.starts;
  const me = maint.ends;
  const m = ms.length;
  let outside = 0; // downtime in the month neither excluded nor in maintenance
  const inMaint: Intervals = { starts: [], ends: [] };
  let j = 0; // first maintenance interval that may still overlap a piece
  // Stryker disable next-line EqualityOperator: one past the end reads undefined bounds, and no comparison with them is true
  for (let i = 0; i < rest.starts.length; i++) {
    const a = rest.starts[i];
    const b = rest.ends[i];
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a maintenance interval not skipped ends by a and adds nothing below (skipping is for speed)
    while (j < m && me[j] <= a) j++;
    let cur = a;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: one more maintenance interval (one past the end, from b, or after cur passed b) adds nothing
    for (let k = j; k < m && ms[k] < b && cur < b; k++) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: an empty part adds 0
      if (ms[k] > cur) outside += inMonth(cur, ms[k]);
      const p = maxOf(ms[k], a);
      const q = minOf(me[k], b);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: an interval of no length is excused and measured as 0
      if (q > p) {
        inMaint.starts.push(p);
        inMaint.ends.push(q);
      }
      // Stryker disable next-line ConditionalExpression,EqualityOperator: merged maintenance intervals end later each time, so me[k] is above cur
      if (me[k] > cur) cur = me[k];
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator: an empty part adds 0
    if (cur < b) outside += inMonth(cur, b);
  }
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
