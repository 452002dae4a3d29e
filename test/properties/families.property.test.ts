/**
 * Invariants of the storage and SLA families, checked by fast-check (exact decimal comparisons).
 */
import fc from "fast-check";
import { Money } from "../../src/rules/core/money";
import { storageOverageCharge } from "../../src/rules/storage/overage";
import { slaCredit, slaCreditPct } from "../../src/rules/sla/uptime";

// Decimal amounts with up to 4 decimals, from thousandths of a unit: 0 to 5,000.
const gb = fc.integer({ min: 0, max: 50_000_000 }).map((n) => new Money(n).div(10_000));

test("overage never falls as usage rises (both categories, whole and exact GB, any price)", () => {
  fc.assert(
    fc.property(
      gb,
      gb,
      gb,
      fc.constantFrom("data" as const, "attachment" as const),
      fc.boolean(),
      fc.option(
        fc.integer({ min: 0, max: 100_000 }).map((c) => new Money(c).div(100)),
        { nil: undefined },
      ),
      (a, b, allowanceGb, category, wholeGb, pricePerGb) => {
        const [low, high] = a.lte(b) ? [a, b] : [b, a];
        const at = (usedGb: Money) => storageOverageCharge({ usedGb, allowanceGb, category, wholeGb, pricePerGb });
        return at(low).lte(at(high));
      },
    ),
    { numRuns: 1000 },
  );
});

test("the credit never rises as uptime rises (percentage and amount)", () => {
  // Uptimes from 0 to 1 in steps of 1e-6, the band edges 0.97, 0.99 and 0.999 among them.
  const uptime = fc.integer({ min: 0, max: 1_000_000 }).map((n) => new Money(n).div(1_000_000));
  const fee = fc.integer({ min: 0, max: 10_000_000 }).map((c) => new Money(c).div(100));
  fc.assert(
    fc.property(uptime, uptime, fee, (a, b, monthlyFee) => {
      const [low, high] = a.lte(b) ? [a, b] : [b, a];
      return slaCreditPct(high).lte(slaCreditPct(low)) && slaCredit(high, monthlyFee).lte(slaCredit(low, monthlyFee));
    }),
    { numRuns: 2000 },
  );
});

test("the credit is never above 50% of the fee", () => {
  const uptime = fc.integer({ min: 0, max: 1_000_000 }).map((n) => new Money(n).div(1_000_000));
  const fee = fc.integer({ min: 0, max: 10_000_000 }).map((c) => new Money(c).div(100));
  fc.assert(
    fc.property(uptime, fee, (u, monthlyFee) => slaCredit(u, monthlyFee).lte(monthlyFee.times("0.5"))),
    { numRuns: 1000 },
  );
});
