import {
  toBoolean,
  toChoice,
  toDate,
  toDateTime,
  toNumber,
  toRange,
  assertSameShape,
  toDateList,
  numericText,
  isBlank,
  isInvocation,
  cellValue,
} from "../../../src/rules/core/args";
import { RuleError } from "../../../src/rules/core/errors";
import { toMoney, toExcelNumber } from "../../../src/rules/core/money";
import { epochDayFromYmd } from "../../../src/rules/core/serial";

const kindOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof RuleError ? `${e.kind}: ${e.message}` : `other: ${String(e)}`;
  }
  return "no error";
};

describe("numbers", () => {
  test("numbers, numeric text, percent, currency and thousands", () => {
    expect(toNumber(12.5, "x")).toBe(12.5);
    expect(toNumber(" 1,234.5 ", "x")).toBe(1234.5);
    expect(toNumber("$1,000", "x")).toBe(1000);
    expect(toNumber("-2e3", "x")).toBe(-2000);
    expect(toNumber("50%", "x")).toBe(0.5);
    expect(Object.is(toNumber(-0, "x"), 0)).toBe(true);
    expect(numericText("12,34")).toBeUndefined();
  });
  test("blank: default or #VALUE! naming the argument", () => {
    expect(toNumber(null, "seats", { default: 1 })).toBe(1);
    expect(toNumber("", "seats", { default: 1 })).toBe(1);
    expect(kindOf(() => toNumber(null, "seats"))).toBe("value: seats is required: expected a number.");
  });
  test("wrong types are #VALUE!, infinities #NUM!", () => {
    expect(kindOf(() => toNumber("abc", "amount"))).toBe('value: amount must be a number; got "abc".');
    expect(kindOf(() => toNumber(true, "amount"))).toBe("value: amount must be a number; got TRUE.");
    expect(kindOf(() => toNumber(NaN, "amount"))).toBe("value: amount must be a number; got NaN.");
    expect(kindOf(() => toNumber(Infinity, "amount"))).toBe("num: amount must be a finite number.");
    expect(kindOf(() => toNumber([[1]], "amount"))).toBe("value: amount must be a number; got a range.");
  });
  test("booleans", () => {
    expect(toBoolean(null, "whole_gb", true)).toBe(true);
    expect(toBoolean(false, "whole_gb", true)).toBe(false);
    expect(toBoolean(0, "whole_gb", true)).toBe(false);
    expect(toBoolean("true", "whole_gb", false)).toBe(true);
    expect(kindOf(() => toBoolean("yes", "whole_gb", true))).toBe('value: whole_gb must be TRUE or FALSE; got "yes".');
  });
});

describe("money is exact", () => {
  test("0.1 + 0.2 is 0.3 exactly; text is read digit for digit", () => {
    expect(toMoney(0.1, "a").plus(toMoney(0.2, "b")).toString()).toBe("0.3");
    expect(toMoney("0.0005", "p").times(3).toString()).toBe("0.0015");
    expect(toExcelNumber(toMoney(45.3, "a").minus(45.1).times(50))).toBe(10);
  });
  test("nonNegative refuses negatives with #NUM!", () => {
    expect(kindOf(() => toMoney(-1, "seat_price", { nonNegative: true }))).toBe("num: seat_price must not be negative; got -1.");
  });
});

describe("dates", () => {
  const jan31 = epochDayFromYmd(2025, 1, 31);
  test("serials, with the time of day ignored", () => {
    expect(toDate(45688, "d", "1900")).toBe(jan31);
    expect(toDate(45688.75, "d", "1900")).toBe(jan31);
  });
  test("ISO text, with or without a time and Z", () => {
    expect(toDate("2025-01-31", "d", "1900")).toBe(jan31);
    expect(toDate("2025-01-31T23:59:59Z", "d", "1900")).toBe(jan31);
    expect(toDateTime("2025-01-31T06:30:00", "d", "1900")).toBe(jan31 * 86400 + 6 * 3600 + 30 * 60);
  });
  test("date-time serials are taken to the nearest second", () => {
    // 0.25 of a day is 06:00:00; 1/86400 more than that and a little float noise is still one second.
    expect(toDateTime(45688.25, "d", "1900")).toBe(jan31 * 86400 + 21600);
    expect(toDateTime(45688.25 + 1 / 86400 + 1e-12, "d", "1900")).toBe(jan31 * 86400 + 21601);
  });
  test("bad dates", () => {
    expect(kindOf(() => toDate("2025-02-30", "period_end", "1900"))).toBe(
      'value: period_end must be a date (an Excel date serial or ISO text such as 2025-01-31); got "2025-02-30".',
    );
    expect(kindOf(() => toDate("2025-01-31+02:00", "d", "1900"))).toMatch(/^value: /);
    expect(kindOf(() => toDate("next tuesday", "d", "1900"))).toMatch(/^value: d must be a date/);
    expect(kindOf(() => toDate(true, "d", "1900"))).toMatch(/^value: d must be a date/);
    expect(kindOf(() => toDate(-5, "d", "1900"))).toBe("num: d is outside Excel's calendar (1900-01-01 to 9999-12-31); got -5.");
    expect(kindOf(() => toDate(null, "d", "1900"))).toBe("value: d is required: expected a date.");
  });
  test("holiday lists skip blanks and name the bad cell", () => {
    expect(toDateList([[45688], [null], [""]], "holidays", "1900")).toEqual([jan31]);
    expect(toDateList(null, "holidays", "1900")).toEqual([]);
    expect(kindOf(() => toDateList([[45688], ["x"]], "holidays", "1900"))).toMatch(/^value: holidays \(row 2, column 1\) must be a date/);
  });
});

describe("ranges and choices", () => {
  test("shapes", () => {
    expect(toRange(5)).toEqual([[5]]);
    expect(toRange([1, 2])).toEqual([[1, 2]]);
    expect(kindOf(() => assertSameShape([[1], [2]], [[1, 2]], "record_types", "counts"))).toBe(
      "value: record_types and counts must be ranges of the same shape; got 2x1 and 1x2.",
    );
  });
  test("choices are case-insensitive, blank takes the default, unknown lists the known", () => {
    const choices = [
      { names: ["Data", "data storage"], value: "data" },
      { names: ["Attachment"], value: "attachment" },
    ];
    expect(toChoice("  DATA ", "category", choices)).toBe("data");
    expect(toChoice("Data  Storage", "category", choices)).toBe("data");
    expect(toChoice(null, "category", choices, "attachment")).toBe("attachment");
    expect(kindOf(() => toChoice("files", "category", choices))).toBe(
      'value: category "files" is not known; expected one of: Data, Attachment.',
    );
  });
});

describe("Excel's Invocation object in an argument's position reads as omitted", () => {
  // Excel passes it after the last argument its cached functions.json declares (docs/contributing.md).
  class InvocationContext {
    setResult = undefined;
    get functionName() {
      return "KUSTOMER.PRORATE";
    }
  }
  const invocations = [
    new InvocationContext(),
    { functionName: "KUSTOMER.X" },
    { address: "A1" },
    { setResult: () => undefined },
    { isInValuePreview: false },
  ];
  const dataTypes = [
    { type: "Entity", text: "Acme", properties: {} },
    { type: "Entity", text: "x", properties: { functionName: { type: "String", basicValue: "y" } } },
    { type: "WebImage", address: "https://example.com/a.png" },
    { type: "LinkedEntity", text: "Microsoft", id: { domainId: "a", entityId: "b", serviceId: 268 } },
  ];

  test.each(invocations.map((v) => [v]))("%p is an Invocation, blank, and its cell value is null", (v) => {
    expect(isInvocation(v)).toBe(true);
    expect(isBlank(v)).toBe(true);
    expect(cellValue(v, "x")).toBeNull();
    // Each reader takes it as omitted: the default, or "is required".
    expect(toNumber(v, "fee", { default: 7 })).toBe(7);
    expect(toBoolean(v, "flag", true)).toBe(true);
    expect(kindOf(() => toDate(v, "start", "1900"))).toBe("value: start is required: expected a date.");
    expect(toDateList(v, "holidays", "1900")).toEqual([]);
    expect(toRange(v)).toEqual([[null]]);
  });

  test.each(dataTypes.map((v) => [v]))("the data type %p is not an Invocation, even with an Invocation key", (v) => {
    expect(isInvocation(v)).toBe(false);
    expect(isBlank(v)).toBe(false);
    expect(cellValue(v, "x")).toBe(v);
  });

  test("an empty object, an array and scalars are not Invocations", () => {
    for (const v of [{}, [], [[1]], null, undefined, "", 0, "functionName", { other: 1 }]) expect(isInvocation(v)).toBe(false);
  });
});
