/**
 * The exact integer paths (scaled integers and one correctly rounded division) give the same
 * number as the decimal path for every input, and the same error when there is one: SLA credits,
 * translation fees.
 */
import fc from "fast-check";
import { Money, toExcelNumber } from "../../src/rules/core/money";
import { RuleError } from "../../src/rules/core/errors";
import { slaCredit, slaCreditPct, slaCreditPctToNumber, slaCreditToNumber } from "../../src/rules/sla/uptime";
import { translationFee, translationFeeToNumber, DEFAULT_PRICE_PER_WORD } from "../../src/rules/translation/words";

/** A result or the RuleError it throws, for comparing two paths. */
function outcome(f: () => number): unknown {
  try {
    return f();
  } catch (e) {
    if (e instanceof RuleError) return { kind: e.kind, message: e.message };
    throw e;
  }
}

// Decimals with up to 6 places, some negative, some large; and a few awkward doubles.
const amount = fc.oneof(
  fc.integer({ min: -1_000_000, max: 100_000_000 }).map((n) => n / 1000),
  fc.integer({ min: 0, max: 2 ** 40 }).map((n) => n / 1_000_000),
  fc.constantFrom(0, 0.1, 0.2, 0.3, 1e-7, 123456789.123456, 2 ** 53, 1e21, 0.1 + 0.2),
);

test("SLACREDIT and SLACREDITPCT: the integer path equals the decimal path", () => {
  const uptime = fc.oneof(
    fc.integer({ min: -1000, max: 1_001_000 }).map((n) => n / 1_000_000),
    fc.constantFrom(0.97, 0.99, 0.999, 0.98999999999, 1, 0, 0.9899999999999999),
  );
  fc.assert(
    fc.property(uptime, amount, (u, fee) => {
      expect(outcome(() => slaCreditToNumber(u, fee))).toEqual(outcome(() => toExcelNumber(slaCredit(new Money(u), new Money(fee)))));
      expect(outcome(() => slaCreditPctToNumber(u))).toEqual(outcome(() => toExcelNumber(slaCreditPct(new Money(u)))));
    }),
    { numRuns: 3000 },
  );
});

test("TRANSLATIONFEE: the integer path equals the decimal path", () => {
  fc.assert(
    fc.property(fc.integer({ min: -5, max: 2 ** 52 }), fc.option(amount, { nil: undefined }), (words, price) => {
      const decimal = outcome(() => toExcelNumber(translationFee(words, price === undefined ? DEFAULT_PRICE_PER_WORD : new Money(price))));
      expect(outcome(() => translationFeeToNumber(words, price))).toEqual(decimal);
    }),
    { numRuns: 2000 },
  );
});
