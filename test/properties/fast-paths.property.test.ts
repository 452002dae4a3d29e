/**
 * The exact integer paths (scaled integers and one correctly rounded division) give the same
 * number as the decimal path for every input, and the same error when there is one: storage
 * overage and allocation, data storage, translation fees.
 */
import fc from "fast-check";
import { Money, toExcelNumber } from "../../src/rules/core/money";
import { RuleError } from "../../src/rules/core/errors";
import { storageOverage, storageOverageToNumber } from "../../src/rules/storage/overage";
import { storageAllowance, storageAllowanceToNumber } from "../../src/rules/storage/allowance";
import { dataStorage, dataStorageNumbers } from "../../src/rules/storage/data";
import { translationFee, translationFeeToNumber, DEFAULT_PRICE_PER_WORD } from "../../src/rules/translation/words";
import type { StoragePlan } from "../../src/rules/rates/storage";

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

test("STORAGEOVERAGE: the integer path equals the decimal path", () => {
  fc.assert(
    fc.property(
      amount,
      amount,
      fc.constantFrom("data" as const, "attachment" as const),
      fc.option(amount, { nil: undefined }),
      fc.boolean(),
      (u, a, c, p, w) => {
        const decimal = outcome(() =>
          toExcelNumber(
            storageOverage({
              usedGb: new Money(u),
              allowanceGb: new Money(a),
              category: c,
              pricePerGb: p === undefined ? undefined : new Money(p),
              wholeGb: w,
            }).charge,
          ),
        );
        expect(outcome(() => storageOverageToNumber(u, a, c, p, w))).toEqual(decimal);
      },
    ),
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

test("STORAGEALLOWANCE: the integer path equals the decimal path", () => {
  const plan = fc.constantFrom<StoragePlan>("Professional", "Business", "Enterprise", "Ultimate");
  fc.assert(
    fc.property(
      plan,
      fc.constantFrom("data" as const, "attachment" as const),
      fc.option(amount, { nil: undefined }),
      fc.option(fc.oneof(fc.integer({ min: -2, max: 2 ** 45 }), fc.constant(1.5)), { nil: undefined }),
      fc.integer({ min: 0, max: 12 }),
      (p, c, users, conversations, organizations) => {
        const input = { plan: p, category: c, committedConversations: conversations, organizations };
        const decimal = outcome(() =>
          toExcelNumber(storageAllowance({ ...input, fullTimeUsers: users === undefined ? undefined : new Money(users) }).gb),
        );
        expect(outcome(() => storageAllowanceToNumber({ ...input, fullTimeUsers: users }))).toEqual(decimal);
      },
    ),
    { numRuns: 3000 },
  );
});

test("DATASTORAGE: the numbers equal the decimal sums", () => {
  const types = ["Company", "Event", "Message", "Custom attribute", "KObject"];
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom(...types), fc.integer({ min: 0, max: 2 ** 53 - 1 })), { minLength: 1, maxLength: 8 }),
      (rows) => {
        const t = rows.map(([n]) => [n]);
        const c = rows.map(([, k]) => [k]);
        const exact = dataStorage(t, c);
        const numbers = dataStorageNumbers(t, c);
        expect(numbers.gb).toBe(toExcelNumber(exact.gb));
        expect(numbers.lines.map((l) => l.gb)).toEqual(exact.lines.map((l) => toExcelNumber(l.gb)));
      },
    ),
    { numRuns: 1000 },
  );
});
