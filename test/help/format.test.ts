/**
 * The help page's values (src/help/format.ts): cells typed as Excel types them, dates <-> serials
 * in the 1900 system, and results shown as Excel shows them. Serials worked out from
 * 1 Jan 2025 = 45658 (Excel: =DATE(2025,1,1)).
 */
import { dateText, generalText, isoFromSerial, moneyText, parseCell, serialFromIso, showValue } from "../../src/help/format";

test("a typed cell holds a number, a boolean, text, or blank", () => {
  expect(parseCell("310")).toBe(310);
  expect(parseCell(" -1,200.50 ")).toBe(-1200.5);
  expect(parseCell("2.1e-7")).toBe(2.1e-7);
  expect(parseCell("99.5%")).toBe(0.995);
  expect(parseCell("TRUE")).toBe(true);
  expect(parseCell("false")).toBe(false);
  expect(parseCell("")).toBeNull();
  expect(parseCell("   ")).toBeNull();
  expect(parseCell("Event / Audit Log")).toBe("Event / Audit Log");
  expect(parseCell("12abc")).toBe("12abc");
});

test("ISO dates and date-times to serials and back (1900 system, any time zone)", () => {
  // 1 Jan 2025 = 45658; 14 Feb 2025 = 45658 + 31 + 13 = 45702.
  expect(serialFromIso("2025-01-01")).toBe(45658);
  expect(serialFromIso("2025-02-14")).toBe(45702);
  // 7 Jun 2025 01:00: 45815 (1 Jun = 45809) + 1/24.
  expect(serialFromIso("2025-06-07T01:00")).toBe(45815 + 1 / 24);
  expect(serialFromIso("2025-06-01T10:00:30")).toBe(45809 + (10 * 3600 + 30) / 86400);
  // Excel's early serials: 1 Jan 1900 is 1; 28 Feb 1900 is 59; 1 Mar 1900 is 61 (60 is the fictitious 29 Feb).
  expect(serialFromIso("1900-01-01")).toBe(1);
  expect(serialFromIso("1900-02-28")).toBe(59);
  expect(serialFromIso("1900-03-01")).toBe(61);
  expect(serialFromIso("2025-02-30")).toBeNull();
  expect(serialFromIso("14/02/2025")).toBeNull();
  expect(isoFromSerial(45702)).toBe("2025-02-14");
  expect(isoFromSerial(45815 + 1 / 24)).toBe("2025-06-07T01:00");
  expect(isoFromSerial(45809 + (10 * 3600 + 30) / 86400)).toBe("2025-06-01T10:00:30");
  expect(isoFromSerial(1)).toBe("1900-01-01");
  expect(isoFromSerial(61)).toBe("1900-03-01");
});

test("a date reads as a date: weekday, day, month, year, and the time when it has one", () => {
  // 1 Jan 2025 was a Wednesday; 14 Feb 2025 (+44 days, 6 weeks + 2 days) a Friday.
  expect(dateText(45702)).toBe("Fri 14 Feb 2025");
  // RESPONSEDUE's example: 45815.041666666664 is 7 Jun 2025 (a Saturday) 01:00.
  expect(dateText(45815.041666666664)).toBe("Sat 7 Jun 2025 01:00");
  // 20:00 EDT = 45808.833333333336 (31 May 2025, a Saturday).
  expect(dateText(45808.833333333336)).toBe("Sat 31 May 2025 20:00");
});

test("money to the cent with thousands separators; General as Excel's standard cell shows it", () => {
  expect(moneyText(100)).toBe("100.00");
  expect(moneyText(400 / 30)).toBe("13.33");
  expect(moneyText(-100)).toBe("-100.00");
  expect(moneyText(1234567.891)).toBe("1,234,567.89");
  expect(moneyText(0.0015)).toBe("0.00");
  expect(moneyText(-0.001)).toBe("0.00");
  expect(generalText(0.999)).toBe("0.999");
  expect(generalText(400 / 30)).toBe("13.33333333");
  expect(generalText(2.1e-7)).toBe("2.1E-07");
  expect(generalText(120000)).toBe("120000");
  expect(generalText(0)).toBe("0");
});

test("a shown value keeps the exact value for the hover only when the text rounds it", () => {
  expect(showValue(13.333333333333334, "money")).toEqual({ text: "13.33", exact: "13.333333333333334", kind: "money" });
  expect(showValue(100, "money")).toEqual({ text: "100.00", exact: undefined, kind: "money" });
  expect(showValue(45702, "date")).toEqual({ text: "Fri 14 Feb 2025", aside: "45702", exact: undefined, kind: "date" });
  expect(showValue(45815.041666666664, "date")).toEqual({
    text: "Sat 7 Jun 2025 01:00",
    aside: "45815.04167",
    exact: "45815.041666666664",
    kind: "date",
  });
  // A working table is shown in General: a label as text, a count as a number.
  expect(showValue("Days in period", "general")).toEqual({ text: "Days in period", kind: "text" });
  expect(showValue(31, "general")).toEqual({ text: "31", exact: undefined, kind: "number" });
  expect(showValue(true, "general")).toEqual({ text: "TRUE", kind: "boolean" });
  expect(showValue(null, "date")).toEqual({ text: "", kind: "blank" });
});
