/**
 * Exact money (src/rules/core/money.ts): reading amounts and handing them to Excel. Every expected
 * value is worked by hand in its comment.
 */
import { Money, toAmount, toExcelNumber, toMoney } from "../../../src/rules/core/money";
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
  test("NaN is #VALUE!; an infinite number or text past the largest double is #NUM!", () => {
    expect(ruleError(() => toMoney(NaN, "fee"))).toEqual({ kind: "value", message: "fee must be a number; got NaN." });
    expect(ruleError(() => toMoney(Infinity, "fee"))).toEqual({ kind: "num", message: "fee must be a finite number." });
    // 10^400 is past the largest double, 1.7976931348623157 x 10^308: no cell holds it.
    expect(ruleError(() => toMoney("1e400", "fee"))).toEqual({ kind: "num", message: "fee must be a finite number." });
    expect(ruleError(() => toMoney("-1.8e308", "fee"))).toEqual({ kind: "num", message: "fee must be a finite number." });
    // 10^(10^17): an exponent of 18 digits.
    expect(ruleError(() => toMoney("1e100000000000000000", "fee"))).toEqual({ kind: "num", message: "fee must be a finite number." });
  });
  test("text up to the largest double is read digit for digit; below the smallest it is 0, as Excel reads it", () => {
    // 1.7976931348623157e308 is the largest double; its text, with 17 digits, is exact.
    expect(toMoney("1.7976931348623157e308", "fee").toString()).toBe("1.7976931348623157e+308");
    // 10^-400 is below the smallest double (about 4.9 x 10^-324): Excel reads the text "1e-400" as 0.
    expect(toMoney("1e-400", "fee").isZero()).toBe(true);
    expect(toMoney("-1e-400", "fee", { nonNegative: true }).isZero()).toBe(true);
    // 10^-(10^17): an exponent no decimal holds, also 0.
    expect(toMoney("1e-100000000000000000", "fee").isZero()).toBe(true);
    // 5 x 10^-324 is the smallest double: kept, digit for digit.
    expect(toMoney("5e-324", "fee").toString()).toBe("5e-324");
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
    // 1/3 cut at 40 digits is 0.333...3 (40 threes), whose nearest double is the one nearest 1/3,
    // which is what 1/3 gives in JS; 2/3 cut at 40 digits ends in ...666, and still rounds to 2/3's double.
    expect(toExcelNumber(new Money(1).div(3))).toBe(1 / 3);
    expect(toExcelNumber(new Money(2).div(3))).toBe(2 / 3);
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
