/**
 * MAINTENANCEWINDOWS' days_before, by fast-check on the project's seed: for random months
 * (1989-2040), hostings, clocks and spans, every window lies in the span [first day - days_before,
 * next month's first day) of the clock, in time order; from the month's first day on, the windows
 * are exactly those without days_before; and a longer span only adds windows before the shorter
 * one's start (what both cover is the same).
 */
import fc from "fast-check";
import { epochDayFromYmd, SECONDS_PER_DAY } from "../../src/rules/core/serial";
import { timeZone } from "../../src/rules/contract/season";
import { type LocalWindow, maintenanceWindows } from "../../src/rules/sla/maintenance";
import { slaMonth } from "../../src/rules/sla/uptime";

const CLOCKS = ["UTC", "+05:30", "-08:00", "America/New_York", "Pacific/Kiritimati"].map((z) => timeZone(z));

/** The windows cut to [from, to), empty ones left out. */
const cut = (ws: LocalWindow[], from: number, to: number) =>
  ws.map((w) => ({ start: Math.max(w.start, from), end: Math.min(w.end, to) })).filter((w) => w.end > w.start);

test("days_before: windows inside the span, the month's own unchanged, a longer span only adds earlier windows", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1989, max: 2040 }),
      fc.integer({ min: 1, max: 12 }),
      fc.constantFrom<"US" | "EU">("US", "EU"),
      fc.constantFrom(...CLOCKS),
      fc.integer({ min: 0, max: 366 }),
      fc.integer({ min: 0, max: 366 }),
      (year, month, hosting, clock, a, b) => {
        const m = slaMonth(epochDayFromYmd(year, month, 1));
        const [short, long] = a <= b ? [a, b] : [b, a];
        const from = (m.firstDay - long) * SECONDS_PER_DAY;
        const first = m.firstDay * SECONDS_PER_DAY;
        const to = m.nextFirstDay * SECONDS_PER_DAY;
        const ws = maintenanceWindows(m, hosting, clock, long);
        let last = -Infinity;
        for (const w of ws) {
          expect(w.start).toBeGreaterThanOrEqual(from);
          expect(w.end).toBeLessThanOrEqual(to);
          expect(w.start).toBeGreaterThanOrEqual(last);
          last = w.end;
        }
        expect(cut(ws, first, to)).toEqual(maintenanceWindows(m, hosting, clock));
        const shorter = maintenanceWindows(m, hosting, clock, short);
        expect(cut(ws, (m.firstDay - short) * SECONDS_PER_DAY, to)).toEqual(shorter);
      },
    ),
    { numRuns: 60 },
  );
});
