/**
 * The sheet layout of a rate card (pure): cells, number formats, addresses of the named rates,
 * widths, and the names of card, backup and "beside" sheets within Excel's rules (31
 * characters, no : \ / ? * [ ], unique regardless of case).
 */
import { RATE_CARDS } from "../../src/rules/rates";
import type { ColumnFormat } from "../../src/rules/rates/documents";
import { SLA_CREDIT_BANDS, SLA_RESPONSE_TIMES } from "../../src/rules/rates/sla";
import {
  backupSheetName,
  besideSheetName,
  besideTableName,
  cardGrid,
  cellValue,
  charsToPoints,
  cleanSheetName,
  columnLetter,
  columnWidthsInChars,
  excelNumberFormat,
  nameFormula,
  namedCells,
  quoteSheetName,
  sameReference,
  sameValues,
  sheetNameFor,
  tableAddress,
  wrappedColumns,
} from "../../src/sheets/rate-card-layout";
import { STORAGE_ALLOCATION, STORAGE_PRICES } from "../../src/rules/rates/storage";

test("a card's cells: text as is, decimal text as the nearest number, null as n/a", () => {
  const grid = cardGrid(STORAGE_ALLOCATION);
  expect(grid.headers[0]).toBe("Plan");
  expect(grid.formats).toEqual(["text", "gb", "gb", "gb", "gb", "gb", "gb"]);
  // Professional (legacy): 2.5 GB, 5 GB, 125 MB = 0.125 GB, 1.25 GB, n/a, n/a.
  expect(grid.body[0]).toEqual(["Professional (legacy)", 2.5, 5, 0.125, 1.25, "n/a", "n/a"]);
  expect(grid.body[3]).toEqual(["Ultimate", 20, 40, 1, 10, 0.3, 4]);
  expect(tableAddress(grid)).toBe("A4:G8");
  expect(cellValue("-0", "usd")).toBe(0);
  expect(Object.is(cellValue("-0", "usd"), 0)).toBe(true);
  expect(() => cellValue({}, "usd")).toThrow(TypeError);
  expect(() => cellValue("abc", "usd")).toThrow("a rate must be a finite number; got abc");
});

test("every column format has its Excel number format", () => {
  const formats: Record<ColumnFormat, string> = {
    text: "@",
    usd: "$#,##0.00",
    usd4: "$#,##0.0000",
    percent: "0.0##%",
    gb: 'General" GB"',
    kb: 'General" KB"',
    days: '#,##0" days"',
    weeks: '#,##0" weeks"',
    hours: 'General" hours"',
    count: "#,##0",
  };
  for (const [f, code] of Object.entries(formats)) expect(excelNumberFormat(f as ColumnFormat)).toBe(code);
});

test("the named rates' cells, from A4 or from where an existing table starts", () => {
  expect(namedCells(STORAGE_PRICES)).toEqual([
    { name: "Kustomer_DataPricePerGB", description: "Price of one additional GB of data storage (USD)", address: "B5" },
    { name: "Kustomer_AttachmentPricePerGB", description: "Price of one additional GB of attachment storage (USD)", address: "B6" },
  ]);
  // A table whose header is C10: its body starts at row 11, the price column is D.
  expect(namedCells(STORAGE_PRICES, { row: 10, col: 2 }).map((n) => n.address)).toEqual(["D11", "D12"]);
  // The cap is the credit (column D) of the fourth band (row 5 + 3).
  expect(namedCells(SLA_CREDIT_BANDS).map((n) => n.address)).toEqual(["D8"]);
});

test("column letters", () => {
  expect([0, 1, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnLetter)).toEqual([
    "A",
    "B",
    "Z",
    "AA",
    "AB",
    "AZ",
    "BA",
    "ZZ",
    "AAA",
    "XFD",
  ]);
});

test("name formulas quote sheet names that need it; references compare as Excel writes them", () => {
  expect(nameFormula("Storage Prices", "B5")).toBe("='Storage Prices'!$B$5");
  expect(nameFormula("Rates", "C7")).toBe("=Rates!$C$7");
  expect(nameFormula("O'Brien", "A1")).toBe("='O''Brien'!$A$1");
  expect(quoteSheetName("Sheet1")).toBe("Sheet1");
  expect(quoteSheetName("2025")).toBe("'2025'");
  expect(sameReference("='Storage Prices'!$B$5", "=storage prices!b5")).toBe(true);
  expect(sameReference("='O''Brien'!$A$1", "=O'Brien!A1")).toBe(true);
  expect(sameReference("='Storage Prices'!$B$5", "='Storage Prices'!$B$6")).toBe(false);
});

test("values read back from Excel equal the card only cell for cell, type for type", () => {
  const grid = cardGrid(STORAGE_PRICES);
  const read = [
    ["Storage", "Price per GB (USD)"],
    ["Data storage", 50],
    ["Attachment storage", 1],
  ];
  expect(sameValues(read, grid)).toBe(true);
  expect(sameValues([read[0], ["Data storage", "50"], read[2]], grid)).toBe(false);
  expect(sameValues([...read, ["", ""]], grid)).toBe(false);
  expect(sameValues([read[0], ["Data storage", 50, ""], read[2]], grid)).toBe(false);
});

test("widths: header (to 24 characters) or the longest value, 10 to 60 characters; longer text wraps", () => {
  // SLA response times: Priority (8; "Medium" 6), Time to response (16; "2" + 0), Unit (4;
  // "business days" 13), Description (11; the Severe text is 152 characters).
  const grid = cardGrid(SLA_RESPONSE_TIMES);
  expect(columnWidthsInChars(grid)).toEqual([10, 18, 15, 60]);
  expect(wrappedColumns(grid)).toEqual([false, false, false, true]);
  expect(charsToPoints(10)).toBe(60); // 10 x 5.25 + 7.5 = 60
  // Credit bands: "Monthly Uptime Percentage" (25, counted as 24) + 2; then the headers "From
  // (included)" 15, "Below (excluded)" 16, "Service credit" 14, each + 2, wider than "99.9%" (7).
  expect(columnWidthsInChars(cardGrid(SLA_CREDIT_BANDS))).toEqual([26, 17, 18, 16]);
});

test("sheet names from the stable ids, capitals kept for SLA and PS", () => {
  expect(RATE_CARDS.map(sheetNameFor)).toEqual([
    "Storage Record Sizes",
    "Storage Allocation",
    "Storage Prices",
    "Translation Price",
    "SLA Credit Bands",
    "SLA Response Times",
    "PS Packages",
    "Managed Services Hours",
    "Data Migration Sizes",
    "PS Limits",
  ]);
  for (const n of RATE_CARDS.map(sheetNameFor)) expect(n.length).toBeLessThanOrEqual(31);
});

test("sheet names within Excel's rules", () => {
  expect(cleanSheetName("Q1/Q2: rates [draft]?")).toBe("Q1 Q2 rates draft");
  expect(cleanSheetName("'quoted'")).toBe("quoted");
  expect(cleanSheetName("***")).toBe("Rates");
  expect(cleanSheetName("A very long worksheet name that Excel refuses")).toBe("A very long worksheet name tha…");
});

test("backup names: dated, cut to 31 characters, numbered when that day's backup exists", () => {
  expect(backupSheetName("Rates", "2026-11-21", new Set())).toBe("Rates (backup 2026-11-21)");
  // "Storage Prices (backup 2026-11-21)" is 34 characters: the base keeps 10 and an ellipsis.
  expect(backupSheetName("Storage Prices", "2026-11-21", new Set())).toBe("Storage Pr… (backup 2026-11-21)");
  expect(backupSheetName("Storage Prices", "2026-11-21", new Set()).length).toBe(31);
  expect(backupSheetName("Rates", "2026-11-21", new Set(["rates (backup 2026-11-21)"]))).toBe("Rates (backup 2026-11-21 2)");
});

test("beside: the base when free, else numbered from 2; table names numbered from _2", () => {
  expect(besideSheetName("Storage Prices", new Set())).toBe("Storage Prices");
  expect(besideSheetName("Storage Prices", new Set(["storage prices"]))).toBe("Storage Prices (2)");
  expect(besideSheetName("Storage Prices", new Set(["storage prices", "storage prices (2)"]))).toBe("Storage Prices (3)");
  expect(besideSheetName("Managed Services Hours per Month", new Set(["managed services hours per month"]))).toBe(
    "Managed Services Hours per… (2)",
  );
  expect(besideTableName("Kustomer_X", new Set(["kustomer_x", "kustomer_x_2"]))).toBe("Kustomer_X_3");
});
