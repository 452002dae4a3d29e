/**
 * Exact money (src/rules/core/money.ts): reading amounts, handing them to Excel, and the scaled
 * integers of the fast paths. Every expected value is worked by hand in its comment.
 */
import {
  compareScaled,
  exactDifference,
  exactMulDiv,
  Money,
  scaledInteger,
  scaledOfText,
  toAmount,
  toExcelNumber,
  toMoney,
} from "../../../src/rules/core/money";
import { ruleError } from "../../helpers/rule-error";

describe("toMoney", () => {
  test("a number is its shortest text, exactly; numeric text is read digit for digit", () => {
    expect(toMoney(0.1, "amount").toString()).toBe("0.1");
    expect(toMoney("0.0005", "amount").toString()).toBe("0.0005");
    expect(toMoney("-5", "amount").toString()).toBe("-5");
  });
  test("-0 is 0, not negative zero", () => {
    // Excel can pass -0 (e.g. =-0*1); the rules see plain 0.
    expect(Object.is(toMoney(-0, "amount").toNumber(), 0)).toBe(true);
    expect(toMoney(-0, "amount", { nonNegative: true }).isNegative()).toBe(false);
  });
  test("blank: the default when there is one, else #VALUE! saying what is expected", () => {
    const d = new Money(7);
    expect(toMoney(null, "fee", { default: d })).toBe(d);
    expect(ruleError(() => toMoney(null, "fee"))).toEqual({ kind: "value", message: "fee is required: expected an amount." });
    expect(ruleError(() => toMoney("", "fee", { expected: "a monthly fee" }))).toEqual({
      kind: "value",
      message: "fee is required: expected a monthly fee.",
    });
  });
  test("NaN is #VALUE!; an infinite number or text past decimal's range is #NUM!", () => {
    expect(ruleError(() => toMoney(NaN, "fee"))).toEqual({ kind: "value", message: "fee must be a number; got NaN." });
    expect(ruleError(() => toMoney(Infinity, "fee"))).toEqual({ kind: "num", message: "fee must be a finite number." });
    // 10^(10^17) is beyond decimal.js's largest exponent (9e15): Infinity.
    expect(ruleError(() => toMoney("1e100000000000000000", "fee"))).toEqual({ kind: "num", message: "fee must be a finite number." });
  });
  test("other values are #VALUE! describing them", () => {
    expect(ruleError(() => toMoney("ten", "fee"))).toEqual({ kind: "value", message: 'fee must be a number; got "ten".' });
    expect(ruleError(() => toMoney(true, "fee"))).toEqual({ kind: "value", message: "fee must be a number; got TRUE." });
  });
  test("nonNegative: a negative number or text is #NUM!; -0 (as a number or text) is not negative", () => {
    expect(ruleError(() => toMoney(-1, "fee", { nonNegative: true }))).toEqual({
      kind: "num",
      message: "fee must not be negative; got -1.",
    });
    expect(ruleError(() => toMoney("-5", "fee", { nonNegative: true }))).toEqual({
      kind: "num",
      message: "fee must not be negative; got -5.",
    });
    expect(toMoney("-0", "fee", { nonNegative: true }).isZero()).toBe(true);
    // Without the option a negative is accepted.
    expect(toMoney(-1, "fee").toString()).toBe("-1");
  });
});

describe("toExcelNumber", () => {
  test("the double nearest the exact value; -0 becomes 0", () => {
    // 1/3 to 40 digits rounds to the double nearest 1/3, which is what 1/3 gives in JS.
    expect(toExcelNumber(new Money(1).div(3))).toBe(1 / 3);
    expect(Object.is(toExcelNumber(new Money("-0")), 0)).toBe(true);
  });
  test("a value past the largest double is #NUM!", () => {
    expect(ruleError(() => toExcelNumber(new Money("1e400")))).toEqual({
      kind: "num",
      message: "The result 1e+400 is too large for Excel.",
    });
    expect(ruleError(() => toExcelNumber(new Money("-1e400")))).toEqual({
      kind: "num",
      message: "The result -1e+400 is too large for Excel.",
    });
  });
});

describe("scaledInteger: x = int / 10^scale, from x's shortest text", () => {
  test.each([
    // [x, int, scale]: whole numbers have scale 0.
    [5, 5, 0],
    [-12, -12, 0],
    [0.1, 1, 1],
    [-1.5, -15, 1],
    [45.3, 453, 1],
    [0.00000001, 1, 8],
    // 9 decimals: past the fast path's 8, read from the text "0.123456789".
    [0.123456789, 123456789, 9],
    // 15 decimals, text "0.000001234567891".
    [0.000001234567891, 1234567891, 15],
  ])("%s is %s / 10^%s", (x, int, scale) => {
    expect(scaledInteger(x)).toEqual({ int, scale });
  });
  test("-0 is 0", () => {
    expect(Object.is(scaledInteger(-0)?.int, 0)).toBe(true);
  });
  test("undefined where the integer would not be exact", () => {
    // 2^53 is a whole number but not a safe integer; NaN and infinities are no number of this kind;
    // 1e-9 has more than 8 decimals and prints in exponent notation; 0.12345678901234568 and
    // 123456789.12345679 need 17 digits (not safe), as does 217937288.77339733, whose
    // x x 10^8 rounds to an unsafe integer that divides back to x: the digits are not its own.
    for (const x of [2 ** 53, NaN, Infinity, -Infinity, 1e-9, 0.12345678901234568, 123456789.12345679, 217937288.77339733]) {
      expect(scaledInteger(x)).toBeUndefined();
    }
  });
});

describe("exactMulDiv: x x mul / div with one rounding", () => {
  test("0.3 x 2 / 3 = 0.2; 45.3 x 50 / 1 = 2265", () => {
    // 3 x 2 / (3 x 10) = 6 / 30 = 0.2 (one division: not 0.3 * 2 / 3 = 0.19999999999999998).
    expect(exactMulDiv({ int: 3, scale: 1 }, 2, 3)).toBe(0.2);
    expect(exactMulDiv({ int: 453, scale: 1 }, 50, 1)).toBe(2265);
  });
  test("-0 becomes 0", () => {
    expect(Object.is(exactMulDiv({ int: -5, scale: 0 }, 0, 1), 0)).toBe(true);
  });
  test("undefined when an integer is not safe, the divisor is 0, or the scale has no power of ten", () => {
    // 2^52 x 4 = 2^54: not safe.
    expect(exactMulDiv({ int: 2 ** 52, scale: 0 }, 4, 1)).toBeUndefined();
    // 10^15 x 10 = 10^16 as the denominator: not safe.
    expect(exactMulDiv({ int: 1, scale: 15 }, 1, 10)).toBeUndefined();
    expect(exactMulDiv({ int: 1, scale: 0 }, 1, 0)).toBeUndefined();
    expect(exactMulDiv({ int: 1, scale: 16 }, 1, 1)).toBeUndefined();
    // Scale 15 is the last with a power of ten: 1 / 10^15.
    expect(exactMulDiv({ int: 1, scale: 15 }, 1, 1)).toBe(1e-15);
  });
});

describe("exactDifference and compareScaled", () => {
  test("0.25 - 0.1 = 0.15 on the common scale 2; 0.1 - 0.25 = -0.15", () => {
    expect(exactDifference({ int: 1, scale: 1 }, { int: 25, scale: 2 })).toEqual({ int: 15, scale: 2 });
    expect(exactDifference({ int: 25, scale: 2 }, { int: 1, scale: 1 })).toEqual({ int: -15, scale: 2 });
  });
  test("undefined past scale 15 or a safe integer", () => {
    expect(exactDifference({ int: 1, scale: 16 }, { int: 1, scale: 0 })).toBeUndefined();
    expect(exactDifference({ int: 1, scale: 0 }, { int: 1, scale: 16 })).toBeUndefined();
    // Scale 15 works: 1 - 10^-15 = (10^15 - 1) / 10^15.
    expect(exactDifference({ int: 1, scale: 15 }, { int: 1, scale: 0 })).toEqual({ int: 1e15 - 1, scale: 15 });
    // 2^53 - 1 on scale 0 brought to scale 1 is (2^53 - 1) x 10: not safe.
    expect(exactDifference({ int: 2 ** 53 - 1, scale: 0 }, { int: 1, scale: 1 })).toBeUndefined();
    expect(exactDifference({ int: 1, scale: 1 }, { int: 2 ** 53 - 1, scale: 0 })).toBeUndefined();
    // Each safe, the difference not: (2^53 - 1) - (-(2^53 - 1)).
    expect(exactDifference({ int: -(2 ** 53 - 1), scale: 0 }, { int: 2 ** 53 - 1, scale: 0 })).toBeUndefined();
  });
  test("compareScaled is the sign of a - b", () => {
    expect(compareScaled({ int: 1, scale: 1 }, { int: 25, scale: 2 })).toBe(-1);
    expect(compareScaled({ int: 25, scale: 2 }, { int: 1, scale: 1 })).toBe(1);
    expect(compareScaled({ int: 10, scale: 2 }, { int: 1, scale: 1 })).toBe(0);
    expect(compareScaled({ int: 1, scale: 16 }, { int: 1, scale: 1 })).toBeUndefined();
  });
});

describe("scaledOfText", () => {
  test("exact decimal text is its scaled integer", () => {
    expect(scaledOfText("0.999")).toEqual({ int: 999, scale: 3 });
    expect(scaledOfText("50")).toEqual({ int: 50, scale: 0 });
  });
  test("undefined for text that is no finite number or not a double's shortest decimal", () => {
    expect(scaledOfText("abc")).toBeUndefined();
    expect(scaledOfText("1e400")).toBeUndefined();
    // 0.1000000000000000000001 parses to the double 0.1, whose decimal is 0.1: not the text.
    expect(scaledOfText("0.1000000000000000000001")).toBeUndefined();
  });
});

describe("toAmount", () => {
  test("a finite number as it is; -0 as 0; text as an exact decimal", () => {
    expect(toAmount(0.1, "fee")).toBe(0.1);
    expect(Object.is(toAmount(-0, "fee"), 0)).toBe(true);
    expect((toAmount("0.0005", "fee") as InstanceType<typeof Money>).toString()).toBe("0.0005");
  });
  test("NaN is #VALUE!, an infinity #NUM!, a negative #NUM! when refused (not otherwise)", () => {
    expect(ruleError(() => toAmount(NaN, "fee"))).toEqual({ kind: "value", message: "fee must be a number; got NaN." });
    expect(ruleError(() => toAmount(-Infinity, "fee"))).toEqual({ kind: "num", message: "fee must be a finite number." });
    expect(ruleError(() => toAmount(-2.5, "fee", { nonNegative: true }))).toEqual({
      kind: "num",
      message: "fee must not be negative; got -2.5.",
    });
    expect(toAmount(-2.5, "fee")).toBe(-2.5);
    expect(toAmount(-0, "fee", { nonNegative: true })).toBe(0);
    // Text takes toMoney's checks: "-5" refused as the number -5 is.
    expect(ruleError(() => toAmount("-5", "fee", { nonNegative: true }))).toEqual({
      kind: "num",
      message: "fee must not be negative; got -5.",
    });
  });
});
