/**
 * The help page's values (src/help/format.ts): cells typed as Excel types them, dates <-> serials
 * in the 1900 system, and results shown as Excel shows them. Serials worked out from
 * 1 Jan 2025 = 45658 (Excel: =DATE(2025,1,1)).
 */
import {
  argFormula,
  arrayFormula,
  dateFormula,
  dateText,
  exactText,
  formulaArgs,
  formulaText,
  generalText,
  isoFromSerial,
  moneyText,
  parseCell,
  percentText,
  serialFromIso,
  showValue,
  rowKindsOf,
  spillCellFormat,
} from "../../src/help/format";

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

test("a date reads as every date on the page does: ISO, with the weekday before it, and the time when it has one", () => {
  // 1 Jan 2025 was a Wednesday; 14 Feb 2025 (+44 days, 6 weeks + 2 days) a Friday.
  expect(dateText(45702)).toBe("Fri 2025-02-14");
  // RESPONSEDUE's example: 45815.041666666664 is 7 Jun 2025 (a Saturday) 01:00.
  expect(dateText(45815.041666666664)).toBe("Sat 2025-06-07 01:00");
  // 20:00 EDT = 45808.833333333336 (31 May 2025, a Saturday).
  expect(dateText(45808.833333333336)).toBe("Sat 2025-05-31 20:00");
});

test("money to the cent with thousands separators, from 15 significant digits", () => {
  expect(moneyText(100)).toBe("100.00");
  expect(moneyText(400 / 30)).toBe("13.33");
  expect(moneyText(-100)).toBe("-100.00");
  expect(moneyText(1234567.891)).toBe("1,234,567.89");
  // 0.0015: the third place is 1, so 0.00; a negative that rounds to nothing has no sign.
  expect(moneyText(0.0015)).toBe("0.00");
  expect(moneyText(-0.001)).toBe("0.00");
  // Half a cent rounds away from zero, as Excel shows it: 2.675 is held as 2.67499999999999982236431605997495353221893310546875,
  // whose 15 significant digits are 2.67500000000000: 2.68.
  expect(moneyText(2.675)).toBe("2.68");
  expect(moneyText(-2.675)).toBe("-2.68");
  // 99.995 -> 100.00: the carry runs into a new digit.
  expect(moneyText(99.995)).toBe("100.00");
  // 15 digits in the whole part: the cents are past Excel's precision, so zeros;
  // 123456789012345.67 to 15 digits is 123456789012346 (the 16th digit, 6, rounds up).
  expect(moneyText(123456789012345.67)).toBe("123,456,789,012,346.00");
  // PRORATE(1e21, ...) x 10/31 = 3.2258064516129032...e20: past 1E+15, General's scientific
  // notation, 15 digits 322580645161290 with the trailing zero dropped.
  expect(moneyText((1e21 * 10) / 31)).toBe("3.2258064516129E+20");
  expect(moneyText((1e300 * 10) / 31)).toBe("3.2258064516129E+299");
  expect(moneyText(-1e15)).toBe("-1E+15");
});

test("General as Excel shows it in a wide column: 15 significant digits, scientific from 1E+15 and below 0.0001", () => {
  expect(generalText(0.999)).toBe("0.999");
  // 400/30 = 13.333...: 15 significant digits are 2 before the point and 13 after.
  expect(generalText(400 / 30)).toBe("13.3333333333333");
  // 10/31 = 0.32258064516129032...: 15 digits after the leading zero, 0.322580645161290, the
  // trailing zero dropped.
  expect(generalText(10 / 31)).toBe("0.32258064516129");
  // 2/3 = 0.6666...: the 15th digit rounds up.
  expect(generalText(2 / 3)).toBe("0.666666666666667");
  expect(generalText(-2 / 3)).toBe("-0.666666666666667");
  expect(generalText(2.1e-7)).toBe("2.1E-07");
  expect(generalText(0.0001)).toBe("0.0001");
  expect(generalText(0.00001)).toBe("1E-05");
  expect(generalText(120000)).toBe("120000");
  expect(generalText(123456789012)).toBe("123456789012");
  expect(generalText(999999999999999)).toBe("999999999999999");
  expect(generalText(1e15)).toBe("1E+15");
  expect(generalText(1e21)).toBe("1E+21");
  expect(generalText(1e300)).toBe("1E+300");
  // 0.1 + 0.2 = 0.30000000000000004: 15 digits are 0.300000000000000, so 0.3.
  expect(generalText(0.1 + 0.2)).toBe("0.3");
  expect(generalText(0)).toBe("0");
  expect(generalText(Infinity)).toBe("#NUM!");
});

test("a percentage from a fraction, shifted on its digits: 0.1 is 10%, 0.999 is 99.9%", () => {
  expect(percentText(0.1)).toBe("10%");
  expect(percentText(0.15)).toBe("15%");
  expect(percentText(0.999)).toBe("99.9%");
  expect(percentText(0)).toBe("0%");
  // 10/31 = 0.32258064516129032...: 32.2580645161290, 15 digits, the trailing zero dropped.
  expect(percentText(10 / 31)).toBe("32.258064516129%");
  expect(percentText(1)).toBe("100%");
});

test("a shown value keeps the exact value only when the text rounds it", () => {
  expect(showValue(13.333333333333334, "money")).toEqual({ text: "13.33", exact: "13.333333333333334", kind: "money" });
  expect(showValue(100, "money")).toEqual({ text: "100.00", exact: undefined, kind: "money" });
  expect(showValue(1e21, "money")).toEqual({ text: "1E+21", exact: undefined, kind: "money" });
  // 1e21 x 10/31: the double's shortest decimal is 3.225806451612903e20, shown in the text's notation.
  expect(showValue((1e21 * 10) / 31, "money")).toEqual({ text: "3.2258064516129E+20", exact: "3.225806451612903E+20", kind: "money" });
  expect(exactText(2.1e-7)).toBe("2.1E-07");
  expect(exactText(-1 / 3)).toBe("-0.3333333333333333");
  expect(showValue(45702, "date")).toEqual({ text: "Fri 2025-02-14", aside: "45702", exact: undefined, kind: "date" });
  // 45815 + 1/24 = 45815.041666...: 15 digits are 45815.0416666667.
  expect(showValue(45815.041666666664, "date")).toEqual({
    text: "Sat 2025-06-07 01:00",
    aside: "45815.0416666667",
    exact: "45815.041666666664",
    kind: "date",
  });
  expect(showValue(0.1, "percent")).toEqual({ text: "10%", exact: undefined, kind: "percent" });
  expect(showValue(10 / 31, "general")).toEqual({ text: "0.32258064516129", exact: "0.3225806451612903", kind: "number" });
  expect(showValue("Days in period", "general")).toEqual({ text: "Days in period", kind: "text" });
  expect(showValue(31, "general")).toEqual({ text: "31", exact: undefined, kind: "number" });
  expect(showValue(true, "general")).toEqual({ text: "TRUE", kind: "boolean" });
  expect(showValue(null, "date")).toEqual({ text: "", kind: "blank" });
});

test("each row of a working spill is shown as the kind the function declares beside it: money, percent, date, or General", () => {
  // A spill of labelled rows with its kinds beside it, as the functions hand it over (not enumerable: no cell).
  const spill = [
    ["Days in period", 31],
    ["Unused time on the old plan (credit)", -96.7741935483871],
    ["Credit percentage", 0.1],
    ["Band", "99.0% to 99.89%"],
  ];
  Object.defineProperty(spill, "rowKinds", { value: ["days", "money", "percent", "text"], enumerable: false });
  const kinds = rowKindsOf(spill);
  expect(kinds).toEqual(["days", "money", "percent", "text"]);
  expect(spillCellFormat("PLANCHANGEWORKING", kinds, 1, 1, "general")).toBe("money");
  // The label is text, shown in the function's format.
  expect(spillCellFormat("PLANCHANGEWORKING", kinds, 1, 0, "general")).toBe("general");
  expect(spillCellFormat("SLAWORKING", kinds, 2, 1, "general")).toBe("percent");
  // Days and text in General.
  expect(spillCellFormat("PRORATEWORKING", kinds, 0, 1, "general")).toBe("general");
  expect(spillCellFormat("SLAWORKING", kinds, 3, 1, "general")).toBe("general");
  // A date row as a date.
  expect(spillCellFormat("X", ["date"], 0, 1, "general")).toBe("date");
  // -96.7741935483871 as money: -96.77; 0.1 as a percentage: 10%.
  expect(showValue(spill[1][1], spillCellFormat("PLANCHANGEWORKING", kinds, 1, 1, "general")).text).toBe("-96.77");
  expect(showValue(spill[2][1], spillCellFormat("SLAWORKING", kinds, 2, 1, "general")).text).toBe("10%");
  // A spill that declares no kinds (MAINTENANCEWINDOWS' windows) is in the function's format.
  expect(rowKindsOf([[45810.25, 45810.41666666666]])).toBeUndefined();
  expect(spillCellFormat("MAINTENANCEWINDOWS", undefined, 0, 1, "date")).toBe("date");
  // Kinds that do not fit the spill (another length, not text) are no declaration.
  const ragged = [["a", 1]];
  Object.defineProperty(ragged, "rowKinds", { value: ["money", "money"], enumerable: false });
  expect(rowKindsOf(ragged)).toBeUndefined();
  expect(rowKindsOf(0.5)).toBeUndefined();
  // A table of columns: the claimed start and end as dates, the minutes in General, on every row.
  const claim = [45818 + 8 / 24, 45818.5, 240, 120, 120, "why"];
  expect([0, 1, 2, 3, 4].map((c) => spillCellFormat("SCHEDULEDMAINTENANCEWORKING", undefined, 1, c, "general"))).toEqual([
    "date",
    "date",
    "general",
    "general",
    "general",
  ]);
  expect(showValue(claim[0], "date").kind).toBe("date");
});

test("the formula for the current arguments: dates as DATE(...), text quoted, a range as an array constant", () => {
  // 45702 = 14 Feb 2025; 45810.0833... = 2 Jun 2025 02:00 (45809 = 1 Jun, + 1 + 2/24).
  expect(dateFormula(45702)).toBe("DATE(2025,2,14)");
  expect(dateFormula(45810 + 2 / 24)).toBe("DATE(2025,6,2)+TIME(2,0,0)");
  expect(argFormula(45702, true)).toBe("DATE(2025,2,14)");
  expect(argFormula(45702)).toBe("45702");
  expect(argFormula('Say "hi"')).toBe('"Say ""hi"""');
  expect(argFormula(1e21)).toBe("1E+21");
  expect(argFormula(false)).toBe("FALSE");
  expect(argFormula(null)).toBe("");
  expect(
    arrayFormula([
      ["Ticket", 2],
      ["Message", null],
    ]),
  ).toBe('{"Ticket",2;"Message",""}');
  // Trailing omitted arguments are dropped; one in the middle stays empty.
  expect(formulaText("KUSTOMER.PRORATE", ["620", "DATE(2025,1,1)", "", "DATE(2025,1,22)", ""])).toBe(
    "=KUSTOMER.PRORATE(620, DATE(2025,1,1), , DATE(2025,1,22))",
  );
  // A documented formula's arguments, as written: commas inside quotes, calls and brackets stay.
  expect(formulaArgs('=KUSTOMER.PSEXPIRY("A, B", DATE(2025,3,3), Kustomer_PsPackages[#All])')).toEqual([
    '"A, B"',
    "DATE(2025,3,3)",
    "Kustomer_PsPackages[#All]",
  ]);
  expect(formulaArgs("=KUSTOMER.OUTAGEWORKING(DATE(2025,6,1), A2:A3) with the log of OUTAGEMINUTES' second example")).toEqual([
    "DATE(2025,6,1)",
    "A2:A3",
  ]);
  expect(formulaArgs("=KUSTOMER.NOW()")).toEqual([]);
  expect(formulaArgs("no call")).toBeNull();
});
