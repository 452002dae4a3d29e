/**
 * Invariants of the months basis and of billing periods, checked by fast-check with
 * exact integer arithmetic (BigInt cross-multiplication of the shares).
 */
import fc from "fast-check";
import { prorationShare } from "../../src/rules/billing/proration";
import { billingPeriod, edate } from "../../src/rules/billing/period";
import { EPOCH_DAY_1900_01_01, EPOCH_DAY_9999_12_31, daysInMonth, epochDayFromYmd, ymdFromEpochDay } from "../../src/rules/core/serial";
import { phoneNumberId, phoneNumbersBilled } from "../../src/rules/billing/voice";
import { changeEffective } from "../../src/rules/contract/price-change";

// Days across Excel's calendar, weighted towards the ends of months (where EDATE clamps).
const day = fc.integer({ min: EPOCH_DAY_1900_01_01, max: EPOCH_DAY_9999_12_31 - 4000 });
const monthEnd = day.map((x) => {
  const { year, month, day: dd } = ymdFromEpochDay(x);
  return x + daysInMonth(year, month) - dd;
});
const start = fc.oneof(day, monthEnd);
// Lengths from a day to ten years, sometimes thousands of years (the arithmetic path).
const length = fc.oneof(fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 0, max: 2_900_000 }));

const share = (periodStart: number, periodEnd: number, effective: number) => {
  const s = prorationShare({ periodStart, periodEnd, effective, basis: "months" });
  return [BigInt(s.shareNumerator), BigInt(s.shareDenominator)] as const;
};

test("the months share is between 0 and 1 and never grows as the effective day moves later", () => {
  fc.assert(
    fc.property(start, length, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (s, len, u, v) => {
      const end = Math.min(s + len, EPOCH_DAY_9999_12_31);
      const [a, b] = [Math.floor(u * (end - s)), Math.floor(v * (end - s))].sort((x, y) => x - y);
      const [n1, d1] = share(s, end, s + a);
      const [n2, d2] = share(s, end, s + b);
      // 0 < n <= d for both, and n1/d1 >= n2/d2.
      return n1 > 0n && n1 <= d1 && n2 > 0n && n2 <= d2 && n1 * d2 >= n2 * d1;
    }),
    { numRuns: 2000 },
  );
});

test("the months share from the period's first day is 1; within one billing month it is the actual share", () => {
  fc.assert(
    fc.property(start, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (s, len, off) => {
      const [n0, d0] = share(s, s + len, s);
      if (n0 !== d0) return false;
      const end = Math.min(s + len, edate(s, 1) - 1); // the period inside the first billing month
      const eff = s + Math.min(off, end - s);
      const [n, d] = share(s, end, eff);
      // actual: (end - eff + 1) / (end - s + 1)
      return n * BigInt(end - s + 1) === d * BigInt(end - eff + 1);
    }),
    { numRuns: 2000 },
  );
});

test("BILLINGPERIOD's periods tile the timeline: each contains its date, no gap, no overlap", () => {
  fc.assert(
    fc.property(start, length, fc.constantFrom("monthly" as const, "annual" as const), (anchor, len, cycle) => {
      const date = Math.min(anchor + len, EPOCH_DAY_9999_12_31 - 800);
      const p = billingPeriod(anchor, date, cycle);
      if (!(p.start <= date && date <= p.end)) return false;
      // The next period begins the day after this one ends; the one before ends the day before
      // this one begins (or this is the first, beginning on the anchor).
      const next = billingPeriod(anchor, p.end + 1, cycle);
      if (next.start !== p.end + 1) return false;
      if (p.start === anchor) return true;
      const prev = billingPeriod(anchor, p.start - 1, cycle);
      return prev.end === p.start - 1 && prev.start < p.start;
    }),
    { numRuns: 2000 },
  );
});

// ---- Kustomer Voice phone numbers and the day a change takes effect ----

// Rows of numbers around a month (2024-11 to 2025-03), some never removed, a few identifiers.
const voiceDay = fc.integer({ min: epochDayFromYmd(2024, 11, 1), max: epochDayFromYmd(2025, 3, 31) });
const voiceRow = fc
  .tuple(voiceDay, fc.option(fc.integer({ min: 0, max: 90 })), fc.option(fc.constantFrom("A", "b", "B", "+1 555 0100", "7")))
  .map(([added, len, id]) => ({ added, removed: len === null ? undefined : added + len, id: id === null ? undefined : phoneNumberId(id) }));

test("the numbers billed never exceed the rows, identifiers only lower the count, and a row more never lowers it", () => {
  fc.assert(
    fc.property(voiceDay, fc.array(voiceRow, { maxLength: 40 }), voiceRow, (month, rows, extra) => {
      const billed = phoneNumbersBilled(month, rows);
      const anonymous = phoneNumbersBilled(
        month,
        rows.map((r) => ({ added: r.added, removed: r.removed })),
      );
      return (
        Number.isInteger(billed) &&
        billed >= 0 &&
        billed <= anonymous &&
        anonymous <= rows.length &&
        phoneNumbersBilled(month, [...rows, extra]) >= billed
      );
    }),
    { numRuns: 1000 },
  );
});

test("every change takes effect on or after its notice; a usage price or WhatsApp rate card on a 1st within its bounds", () => {
  fc.assert(
    fc.property(day, fc.integer({ min: 0, max: 4000 }), (notice, wait) => {
      const usage = changeEffective("usage price", notice);
      const whatsapp = changeEffective("WhatsApp rate card", notice);
      const sla = changeEffective("SLA", notice);
      const renewal = changeEffective("SLA diminishing", notice, notice + wait);
      const first = (x: number) => ymdFromEpochDay(x).day === 1;
      // usage: a 1st in (notice + 29, notice + 30 + 30]; WhatsApp: a 1st in (notice, notice + 31].
      return (
        first(usage) &&
        usage >= notice + 30 &&
        usage <= notice + 60 &&
        first(whatsapp) &&
        whatsapp > notice &&
        whatsapp <= notice + 31 &&
        sla === notice + 30 &&
        renewal === notice + wait
      );
    }),
    { numRuns: 2000 },
  );
});
