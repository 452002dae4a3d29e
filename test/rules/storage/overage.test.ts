import {
  defaultPricePerGb,
  storageOverage,
  storageOverageCharge,
  storageOverageToNumber,
  type OverageInput,
} from "../../../src/rules/storage/overage";
import { Money } from "../../../src/rules/core/money";
import type { StorageCategory } from "../../../src/rules/rates/storage";
import { ruleError } from "../../helpers/rule-error";

const m = (v: number | string) => new Money(v);
const input = (
  used: number | string,
  allowance: number | string,
  category: StorageCategory,
  more: Partial<OverageInput> = {},
): OverageInput => ({
  usedGb: m(used),
  allowanceGb: m(allowance),
  category,
  wholeGb: true,
  ...more,
});
const charge = (i: OverageInput) => storageOverageCharge(i).toString();

describe("prices from the card (billing-help: $50 per GB of data, $1 per GB of attachments)", () => {
  test("defaults", () => {
    expect(defaultPricePerGb("data").toString()).toBe("50");
    expect(defaultPricePerGb("attachment").toString()).toBe("1");
  });
  test("a category the card lacks is #VALUE! naming the argument and listing the card's two", () => {
    // The card (STORAGE_PRICES) prices "data" and "attachment" only, in that order.
    expect(ruleError(() => defaultPricePerGb("tape" as StorageCategory))).toEqual({
      kind: "value",
      message: 'category "tape" is not known; expected one of: data, attachment.',
    });
  });
});

describe("exact fractional excess (whole_gb FALSE)", () => {
  test("45.3 GB used over 45.1 GB allowed is $10 exactly, not 9.999999999999787", () => {
    // 45.3 - 45.1 = 0.2 GB (in decimal); 0.2 x $50 = $10.
    const o = storageOverage(input(45.3, 45.1, "data", { wholeGb: false }));
    expect([o.excessGb.toString(), o.billedGb.toString(), o.charge.toString()]).toEqual(["0.2", "0.2", "10"]);
    expect(o.charge.toNumber()).toBe(10);
  });
  test("attachments: 10.5 GB over at $1 is $10.5", () => {
    expect(charge(input(120.5, 110, "attachment", { wholeGb: false }))).toBe("10.5");
  });
});

describe("whole GB rounded up (the default, docs/terms.md decision)", () => {
  test("0.2 GB over is billed as 1 GB: $50", () => {
    const o = storageOverage(input(45.3, 45.1, "data"));
    expect([o.excessGb.toString(), o.billedGb.toString(), o.charge.toString()]).toEqual(["0.2", "1", "50"]);
  });
  test("a whole excess is not rounded further: 3 GB over is $150", () => {
    expect(charge(input(13, 10, "data"))).toBe("150");
  });
  test("a millionth of a GB over is a whole GB", () => {
    expect(charge(input("10.000001", 10, "data"))).toBe("50");
  });
  test("attachments: 10.5 GB over is 11 GB at $1: $11", () => {
    expect(charge(input(120.5, 110, "attachment"))).toBe("11");
  });
});

describe("whole GB rounded up, as a cell's number (storageOverageToNumber, which STORAGEOVERAGE calls)", () => {
  test.each([
    // [used, allowance, category, price or undefined for the card's, charge]
    // 45.3 - 45.1 = 0.2 GB over: 1 whole GB x $50.
    [45.3, 45.1, "data", undefined, 50],
    // 3 GB over exactly: 3 GB, not 4: $150.
    [13, 10, "data", undefined, 150],
    // 10.000001 - 10 = 0.000001 GB over: 1 GB: $50.
    [10.000001, 10, "data", undefined, 50],
    // 120.5 - 110 = 10.5 GB over: 11 GB at $1: $11.
    [120.5, 110, "attachment", undefined, 11],
    // 12.3 - 10 = 2.3 GB over: 3 GB at the Order's $45: $135.
    [12.3, 10, "data", 45, 135],
    // 2.999 GB over: 3 GB at $0.1: $0.3 (one division: 3 x 1 / 10, not 3 x 0.1 = 0.30000000000000004).
    [12.999, 10, "data", 0.1, 0.3],
    // 1,000,000.5 GB over: 1,000,001 GB at $50: $50,000,050.
    [1000010.5, 10, "data", undefined, 50000050],
    // Equal or under: no excess, $0.
    [45.1, 45.1, "data", undefined, 0],
    [40, 45.1, "data", undefined, 0],
  ] as [number, number, "data" | "attachment", number | undefined, number][])(
    "%s GB used, %s allowed (%s, price %s): %s",
    (used, allowance, category, price, want) => {
      expect(storageOverageToNumber(used, allowance, category, price, true)).toBe(want);
    },
  );
  test("the exact excess (whole_gb FALSE) on the same path: 0.2 x $50 = $10; 10.5 x $1 = $10.5", () => {
    expect(storageOverageToNumber(45.3, 45.1, "data", undefined, false)).toBe(10);
    expect(storageOverageToNumber(120.5, 110, "attachment", undefined, false)).toBe(10.5);
  });
});

describe("no excess", () => {
  test("used below or equal to the allowance is 0", () => {
    expect(charge(input(40, 45.1, "data"))).toBe("0");
    expect(charge(input(45.1, 45.1, "data"))).toBe("0");
    expect(charge(input(0, 0, "attachment", { wholeGb: false }))).toBe("0");
  });
});

describe("a price from the Order", () => {
  test("replaces the card's price", () => {
    // 2.3 GB over at $45: whole 3 GB = $135; exact 2.3 x 45 = $103.5.
    expect(charge(input(12.3, 10, "data", { pricePerGb: m(45) }))).toBe("135");
    expect(charge(input(12.3, 10, "data", { pricePerGb: m(45), wholeGb: false }))).toBe("103.5");
    expect(charge(input(12.3, 10, "attachment", { pricePerGb: m(0) }))).toBe("0");
  });
});

describe("negative amounts are #NUM!", () => {
  test.each([
    ["used_gb", input(-1, 10, "data")],
    ["allowance_gb", input(10, -1, "data")],
    ["price_per_gb", input(12, 10, "data", { pricePerGb: m(-1) })],
  ])("%s", (arg, i) => {
    expect(ruleError(() => storageOverage(i))).toEqual({ kind: "num", message: `${arg} must not be negative; got -1.` });
  });
});
