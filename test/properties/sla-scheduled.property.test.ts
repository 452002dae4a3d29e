/**
 * SCHEDULEDMAINTENANCE's invariants, by fast-check on the project's seed: on random claims in
 * 2024-2026 (daylight saving changes included) in clocks a fixed offset from UTC, every part it
 * keeps is inside its claimed interval and inside non-core business hours, judged by an oracle
 * independent of the rule (the IANA America/New_York zone through Intl for US hosting, UTC for
 * EU); where notice is not checked, every non-core minute of a claim is kept; a weekend minute
 * is kept only with notice a day ahead; and the minutes add up.
 */
import fc from "fast-check";
import { epochDayFromYmd } from "../../src/rules/core/serial";
import { timeZone } from "../../src/rules/contract/season";
import { type Claim, judgeClaim } from "../../src/rules/sla/scheduled";

const FROM = epochDayFromYmd(2024, 1, 1) * 86400;
const TO = epochDayFromYmd(2026, 12, 31) * 86400;
const OFFSETS = ["UTC", "+05:30", "-03:00", "+13:00"];
const offsetSeconds: Record<string, number> = { UTC: 0, "+05:30": 19800, "-03:00": -10800, "+13:00": 46800 };

const NEW_YORK = new Intl.DateTimeFormat("en-US", {
  timeZone: "America/New_York",
  hourCycle: "h23",
  weekday: "short",
  hour: "numeric",
});

/** Whether a UTC instant is in non-core hours: 2:00-6:00 Monday to Friday, or Saturday or Sunday, in the hosting zone. */
function nonCore(utc: number, hosting: "US" | "EU"): { nonCore: boolean; weekend: boolean } {
  let weekday: string;
  let hour: number;
  if (hosting === "US") {
    const parts = NEW_YORK.formatToParts(utc * 1000);
    weekday = parts.find((p) => p.type === "weekday")!.value;
    hour = Number(parts.find((p) => p.type === "hour")!.value) % 24;
  } else {
    const d = new Date(utc * 1000);
    weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][d.getUTCDay()];
    hour = d.getUTCHours();
  }
  const weekend = weekday === "Sat" || weekday === "Sun";
  return { nonCore: weekend || (hour >= 2 && hour < 6), weekend };
}

const claims = fc.record({
  start: fc.integer({ min: FROM, max: TO }),
  length: fc.oneof(fc.integer({ min: 0, max: 6 * 3600 }), fc.integer({ min: 0, max: 4 * 86400 })),
  // undefined: not checked; null: no notice; a number: seconds before the start (negative: after).
  notice: fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer({ min: -86400, max: 3 * 86400 })),
  hosting: fc.constantFrom<"US" | "EU">("US", "EU"),
  clock: fc.constantFrom(...OFFSETS),
});

/** Sample seconds of [a, b): its ends and every 10 minutes. */
function samples(a: number, b: number): number[] {
  const out: number[] = [];
  if (b <= a) return out;
  for (let t = a; t < b; t += 600) out.push(t);
  out.push(b - 1);
  return out;
}

test("every part kept is inside its claim and inside non-core hours; with notice unchecked, every non-core second is kept", () => {
  fc.assert(
    fc.property(claims, ({ start, length, notice, hosting, clock }) => {
      const c: Claim = { start, end: start + length, notice: typeof notice === "number" ? start - notice : notice, row: 1, col: 1 };
      const v = judgeClaim(c, hosting, timeZone(clock));
      const off = offsetSeconds[clock];
      let last = -Infinity;
      let kept = 0;
      for (const p of v.parts) {
        // Inside the claim, in time order, disjoint and not touching (touching parts are merged).
        expect(p.start).toBeGreaterThanOrEqual(c.start);
        expect(p.end).toBeLessThanOrEqual(c.end);
        expect(p.start).toBeGreaterThan(last);
        expect(p.end).toBeGreaterThan(p.start);
        last = p.end;
        kept += p.end - p.start;
        for (const t of samples(p.start, p.end)) {
          const n = nonCore(t - off, hosting);
          expect(n.nonCore).toBe(true);
          // A weekend second is kept only where notice is not checked or came a day ahead.
          if (n.weekend) expect(c.notice === undefined || (c.notice !== null && c.notice <= c.start - 86400)).toBe(true);
        }
      }
      expect(kept).toBe(v.excusableSeconds);
      expect(v.excusableSeconds + v.coreSeconds + v.unnoticedSeconds).toBe(length);
      if (c.notice === undefined) {
        // Every non-core second of the claim is in a part.
        for (const t of samples(c.start, c.end)) {
          if (nonCore(t - off, hosting).nonCore) expect(v.parts.some((p) => p.start <= t && t < p.end)).toBe(true);
        }
      }
    }),
    { numRuns: 150 },
  );
});
