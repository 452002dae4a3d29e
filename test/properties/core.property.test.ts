/**
 * Invariants, checked by fast-check over generated inputs (exact comparisons throughout).
 */
import fc from "fast-check";
import {
  epochDayFromSerial,
  serialFromEpochDay,
  epochDayFromYmd,
  ymdFromEpochDay,
  EPOCH_DAY_9999_12_31,
} from "../../src/rules/core/serial";
import { workday, isWeekend } from "../../src/rules/core/workday";
import { planChange, prorate, prorateToNumber, type ProrationBasis } from "../../src/rules/billing/proration";
import { Money } from "../../src/rules/core/money";

const RUNS = { numRuns: 500 };
const basis = fc.constantFrom<ProrationBasis>("actual", "30/360", "actual/360");
// Periods of 1 to 800 days between 1990 and 2100.
const periodArb = fc.record({
  start: fc.integer({ min: epochDayFromYmd(1990, 1, 1), max: epochDayFromYmd(2100, 1, 1) }),
  length: fc.integer({ min: 1, max: 800 }),
});

test("serial -> date -> serial is the identity in the 1900 system (all but the phantom serial 60)", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 2958465 }), (s) => {
      fc.pre(s !== 60);
      return serialFromEpochDay(epochDayFromSerial(s, "1900", "d"), "1900") === s;
    }),
    { numRuns: 5000 },
  );
});

test("serial -> date -> serial is the identity in the 1904 system", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 2957003 }), (s) => serialFromEpochDay(epochDayFromSerial(s, "1904", "d"), "1904") === s),
    { numRuns: 5000 },
  );
});

test("epoch day -> calendar date -> epoch day is the identity", () => {
  fc.assert(
    fc.property(fc.integer({ min: -25567, max: EPOCH_DAY_9999_12_31 }), (d) => {
      const { year, month, day } = ymdFromEpochDay(d);
      return epochDayFromYmd(year, month, day) === d;
    }),
    { numRuns: 5000 },
  );
});

test("a business-day result is never a weekend or a listed holiday", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: epochDayFromYmd(2000, 1, 1), max: epochDayFromYmd(2040, 1, 1) }),
      fc.integer({ min: -300, max: 300 }),
      fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 30 }),
      (start, days, offsets) => {
        fc.pre(days !== 0);
        const holidays = offsets.map((o) => start + (days > 0 ? o : -o));
        const d = workday(start, days, holidays);
        return !isWeekend(d) && !holidays.includes(d);
      },
    ),
    RUNS,
  );
});

test("prorating a whole period gives the whole amount, on every basis", () => {
  fc.assert(
    fc.property(
      periodArb,
      basis,
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.integer({ min: 0, max: 4 }),
      ({ start, length }, b, units, scale) => {
        const amount = units / 10 ** scale; // e.g. 1234.56
        const p = { periodStart: start, periodEnd: start + length - 1, effective: start, basis: b };
        return prorateToNumber(amount, p) === amount && prorate(new Money(amount), p).eq(new Money(amount));
      },
    ),
    RUNS,
  );
});

test("the number and decimal paths agree: prorateToNumber is the decimal result rounded once", () => {
  fc.assert(
    fc.property(
      periodArb,
      fc.nat(799),
      fc.integer({ min: -1e12, max: 1e12 }),
      fc.integer({ min: 0, max: 6 }),
      ({ start, length }, off, units, scale) => {
        const amount = units / 10 ** scale;
        const p = { periodStart: start, periodEnd: start + length - 1, effective: start + (off % length), basis: "actual" as const };
        return prorateToNumber(amount, p) === prorate(new Money(amount), p).toNumber();
      },
    ),
    RUNS,
  );
});

test("a plan change split at any day: old plan until the day before + new plan from the day = old + PLANCHANGE", () => {
  fc.assert(
    fc.property(periodArb, fc.nat(799), fc.nat(100000), fc.nat(100000), ({ start, length }, off, a, b) => {
      fc.pre(length >= 2);
      const end = start + length - 1;
      const day = start + 1 + (off % (length - 1)); // a change after the first day
      // Prices that are whole multiples of the period in cents, so every share is exact.
      const oldPrice = new Money(a).times(length).div(100);
      const newPrice = new Money(b).times(length).div(100);
      const oldPiece = oldPrice.minus(prorate(oldPrice, { periodStart: start, periodEnd: end, effective: day, basis: "actual" }));
      const newPiece = prorate(newPrice, { periodStart: start, periodEnd: end, effective: day, basis: "actual" });
      const viaChange = oldPrice.plus(
        planChange(oldPrice, newPrice, { periodStart: start, periodEnd: end, effective: day, basis: "actual" }),
      );
      return oldPiece.plus(newPiece).eq(viaChange);
    }),
    RUNS,
  );
});
