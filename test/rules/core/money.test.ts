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
