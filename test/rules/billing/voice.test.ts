/**
 * Kustomer Voice phone numbers billed in a month (Supplemental terms for usage-based plans, B.2:
 * a number added or removed during a month is billed the full monthly fee). The decision: billed
 * for every calendar month in which it was provisioned on some day, from the day added to the day
 * removed, both included; a number billed once a month however often it is re-added.
 * Dates are counted by hand on the calendar (June 2025 has 30 days, from Sunday 1 June).
 */
import { epochDayFromYmd as d } from "../../../src/rules/core/serial";
import { calendarMonth, phoneNumberRows, phoneNumbersBilled, provisionedIn } from "../../../src/rules/billing/voice";
import { ruleError as thrown } from "../../helpers/rule-error";

// 1900-system serials, counted from 2025-01-01 = 45658: 1 May = 45778, 31 May = 45808,
// 1 Jun = 45809, 3 Jun = 45811, 30 Jun = 45838, 1 Jul = 45839.
const S = { may1: 45778, may31: 45808, jun1: 45809, jun3: 45811, jun30: 45838, jul1: 45839 };
const rows = (added: unknown, removed: unknown, ids?: unknown) => phoneNumberRows(added, removed, ids, "1900");
const JUNE = d(2025, 6, 15);

describe("calendarMonth", () => {
  test("the first and last day of the month of a date", () => {
    expect(calendarMonth(d(2025, 6, 15))).toEqual({ first: d(2025, 6, 1), last: d(2025, 6, 30) });
    // February 2024 has 29 days, February 2025 28.
    expect(calendarMonth(d(2024, 2, 1))).toEqual({ first: d(2024, 2, 1), last: d(2024, 2, 29) });
    expect(calendarMonth(d(2025, 2, 28))).toEqual({ first: d(2025, 2, 1), last: d(2025, 2, 28) });
  });
});

describe("provisionedIn: any day of the month, both ends included", () => {
  const [first, last] = [d(2025, 6, 1), d(2025, 6, 30)];
  test.each([
    ["added before, never removed", d(2025, 5, 1), undefined, true],
    ["added on the month's last day", d(2025, 6, 30), undefined, true],
    ["added the day after the month", d(2025, 7, 1), undefined, false],
    ["removed on the month's first day", d(2025, 5, 1), d(2025, 6, 1), true],
    ["removed the day before the month", d(2025, 5, 1), d(2025, 5, 31), false],
    ["added and removed on one day inside it", d(2025, 6, 10), d(2025, 6, 10), true],
    ["added and removed before it", d(2025, 4, 1), d(2025, 4, 30), false],
    ["spanning the whole month", d(2025, 5, 31), d(2025, 7, 1), true],
  ])("%s", (_why, added, removed, billed) => {
    expect(provisionedIn({ added, removed }, first, last)).toBe(billed);
  });
});

describe("phoneNumbersBilled", () => {
  test("June 2025: added 1 May (kept), 30 Jun, 1 May removed 1 Jun, 1 May removed 31 May, 1 Jul: 3", () => {
    // Kept since 1 May: billed. Added 30 Jun: billed (a day is the whole month). Removed 1 Jun:
    // billed. Removed 31 May: not June. Added 1 Jul: not June. 1 + 1 + 1 = 3.
    const r = rows([[S.may1], [S.jun30], [S.may1], [S.may1], [S.jul1]], [[null], [null], [S.jun1], [S.may31], [null]]);
    expect(phoneNumbersBilled(JUNE, r)).toBe(3);
    // The same numbers in May: all but the one added 30 Jun and the one added 1 Jul: 3.
    expect(phoneNumbersBilled(d(2025, 5, 2), r)).toBe(3);
    // In July: kept since 1 May, added 30 Jun, added 1 Jul: 3; the two removed ones are gone.
    expect(phoneNumbersBilled(d(2025, 7, 31), r)).toBe(3);
    // In April: none was added yet: 0.
    expect(phoneNumbersBilled(d(2025, 4, 30), r)).toBe(0);
  });
  test("a number re-added in the month is billed once; identifiers compared in any case, ends trimmed", () => {
    // +1 555 0100: 1 May to 3 Jun, then from 20 Jun: one number in June. +1 555 0199: 10-12 Jun: one.
    const r = rows(
      [[S.may1], [S.jun1 + 19], [S.jun1 + 9]],
      [[S.jun3], [null], [S.jun1 + 11]],
      [["+1 555 0100"], [" +1 555 0100 "], ["+1 555 0199"]],
    );
    expect(phoneNumbersBilled(JUNE, r)).toBe(2);
    // In May only +1 555 0100 was provisioned: 1.
    expect(phoneNumbersBilled(d(2025, 5, 1), r)).toBe(1);
    // Text in another case is the same identifier: "abc" and "ABC" are one number.
    expect(phoneNumbersBilled(JUNE, rows([[S.jun1], [S.jun3]], [[null], [null]], [["abc"], ["ABC"]]))).toBe(1);
  });
  test("without identifiers, every row is a number of its own (two rows on the same day are two numbers)", () => {
    expect(phoneNumbersBilled(JUNE, rows([[S.jun1], [S.jun1]], [[null], [null]]))).toBe(2);
    // A blank identifier in a given column: that row is its own number; the two "A" rows are one. 1 + 1 = 2.
    expect(phoneNumbersBilled(JUNE, rows([[S.jun1], [S.jun1], [S.jun3]], [[null], [null], [null]], [[""], ["A"], ["a"]]))).toBe(2);
  });
  test("numeric identifiers (phone numbers typed as numbers) compare as their text", () => {
    expect(phoneNumbersBilled(JUNE, rows([[S.jun1], [S.jun3]], [[null], [null]], [[15550100], ["15550100"]]))).toBe(1);
  });
  test("an identifier seen only outside the month does not hide a row inside it", () => {
    // "A" removed 31 May (not June), then "A" re-added 30 Jun: billed once in June.
    expect(phoneNumbersBilled(JUNE, rows([[S.may1], [S.jun30]], [[S.may31], [null]], [["A"], ["A"]]))).toBe(1);
  });
});

describe("phoneNumberRows: reading the ranges", () => {
  test("rows blank in every range are skipped; an empty cell for removed_dates is none removed", () => {
    expect(rows([[S.may1], [null], [""]], [[null], [null], [""]])).toEqual([{ added: d(2025, 5, 1), removed: undefined, id: undefined }]);
    expect(rows([[S.may1], [S.jun1]], null)).toHaveLength(2);
    expect(rows(S.jun1, "")).toEqual([{ added: d(2025, 6, 1), removed: undefined, id: undefined }]);
  });
  test("a time of day and ISO text are read as the day", () => {
    expect(rows([[S.jun30 + 0.99], ["2025-06-01"]], [[null], ["2025-06-01T23:00:00"]])).toEqual([
      { added: d(2025, 6, 30), removed: undefined, id: undefined },
      { added: d(2025, 6, 1), removed: d(2025, 6, 1), id: undefined },
    ]);
  });
  test("errors name the argument and the row", () => {
    expect(thrown(() => rows([[S.jun1], [null]], [[null], [S.jun3]]))).toEqual({
      kind: "value",
      message:
        "added_dates (row 2, column 1) is required: expected the day the number was added, since the row has a removal date or an identifier.",
    });
    expect(thrown(() => rows([[S.jun1], [null]], [[null], [null]], [["A"], ["B"]]))).toEqual({
      kind: "value",
      message:
        "added_dates (row 2, column 1) is required: expected the day the number was added, since the row has a removal date or an identifier.",
    });
    expect(thrown(() => rows([[S.jun1], [S.jun3]], [[null], [S.jun1]]))).toEqual({
      kind: "num",
      message: "removed_dates (row 2, column 1) must be on or after the day the number was added; got 2025-06-01, before 2025-06-03.",
    });
    // One cell: no position in the message.
    expect(thrown(() => rows(S.jun3, S.jun1))).toEqual({
      kind: "num",
      message: "removed_dates must be on or after the day the number was added; got 2025-06-01, before 2025-06-03.",
    });
    expect(thrown(() => rows([[S.jun1], [S.jun3]], [[null]]))).toEqual({
      kind: "value",
      message: "added_dates and removed_dates must be ranges of the same shape; got 2x1 and 1x1.",
    });
    expect(thrown(() => rows([[S.jun1], [S.jun3]], [[null], [null]], [["A"]]))).toEqual({
      kind: "value",
      message: "added_dates and number_ids must be ranges of the same shape; got 2x1 and 1x1.",
    });
    expect(thrown(() => rows([["soon"]], [[null]]))).toEqual({
      kind: "value",
      message: 'added_dates must be a date (an Excel date serial or ISO text such as 2025-01-31); got "soon".',
    });
    expect(thrown(() => rows([[S.jun1], [S.jun1]], [[null], [true]]))).toEqual({
      kind: "value",
      message: "removed_dates (row 2, column 1) must be a date (an Excel date serial or ISO text such as 2025-01-31); got TRUE.",
    });
    expect(thrown(() => rows([[S.jun1]], [[null]], [[true]]))).toEqual({ kind: "value", message: "number_ids must be text; got TRUE." });
  });
});
