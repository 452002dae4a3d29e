/**
 * An Order's own rates from CSV or JSON: validated in full (columns, types, units, no negative
 * rates), every problem with its row and column, all or nothing. Expected values are the
 * Order's numbers converted by hand (1 GB = 1000 MB, 10% = 0.1).
 */
import { RATE_CARDS } from "../../src/rules/rates";
import { type ImportResult, decodeOrderFile, importOrderGrid, importOrderRates } from "../../src/tables/order-file";
import { describeProblem, listedProblems, MAX_LISTED_PROBLEMS } from "../../src/tables/problems";
import { keyColumns } from "../../src/tables/validate";
import { MAX_ORDER_ROWS } from "../../src/tables/limits";
import { parseCsv } from "../../src/tables/formats/csv";
import { readCell } from "../../src/tables/cell";
import { MANAGED_SERVICES_HOURS, DATA_MIGRATION_SIZES } from "../../src/rules/rates/professional-services";
import { cardGrid } from "../../src/sheets/rate-card-layout";
import { SLA_CREDIT_BANDS, SLA_RESPONSE_TIMES } from "../../src/rules/rates/sla";
import { STORAGE_ALLOCATION, STORAGE_PRICES, STORAGE_RECORD_SIZES } from "../../src/rules/rates/storage";
import { TRANSLATION_PRICE } from "../../src/rules/rates/translation";

function ok(r: ImportResult) {
  if (!r.ok) throw new Error(`expected a valid file; got:\n${r.problems.map(describeProblem).join("\n")}`);
  return r;
}
function problems(r: ImportResult): string[] {
  if (r.ok) throw new Error("expected problems");
  return r.problems.map(describeProblem);
}

describe("CSV", () => {
  test("the card's headers, any order, units and thousands separators; rates kept as exact decimal text", () => {
    const csv = 'Price per GB (USD),Storage\r\n"$1,250.50",Data storage\r\n0.0005,Attachment storage\r\n';
    const r = ok(importOrderRates(STORAGE_PRICES, "order.csv", csv));
    expect(r.format).toBe("csv");
    expect(r.rowCount).toBe(2);
    expect(r.table.rows).toEqual([
      { label: "Data storage", pricePerGb: "1250.5" },
      { label: "Attachment storage", pricePerGb: "0.0005" },
    ]);
    expect(r.table.id).toBe("Kustomer_StoragePrices");
    expect(r.table.columns).toBe(STORAGE_PRICES.columns);
    expect(Object.isFrozen(r.table.rows[0])).toBe(true);
  });

  test("headers may be the column keys, in any case and spacing; a byte-order mark is ignored", () => {
    const csv = "\uFEFFLABEL ,  pricepergb\nData storage,50\nAttachment storage,1\n";
    expect(ok(importOrderRates(STORAGE_PRICES, "o.csv", csv)).table.rows).toEqual([
      { label: "Data storage", pricePerGb: "50" },
      { label: "Attachment storage", pricePerGb: "1" },
    ]);
  });

  test("the workbook names follow their rows when the Order lists them in another order", () => {
    const csv = "Storage,Price per GB (USD)\nAttachment storage,0.8\nData storage,40\n";
    const t = ok(importOrderRates(STORAGE_PRICES, "o.csv", csv)).table;
    expect(t.names?.map((n: { name: string; row: number }) => [n.name, n.row])).toEqual([
      ["Kustomer_DataPricePerGB", 1],
      ["Kustomer_AttachmentPricePerGB", 0],
    ]);
  });

  test("storage sizes: MB and TB convert at 1 GB = 1000 MB; n/a only where the document has n/a", () => {
    const header = cardGrid(STORAGE_ALLOCATION).headers.join(",");
    const csv = [header, "Enterprise,10 GB,20,500 MB,5,150 MB,3", "Custom,1 TB,0.5 TB,1250 MB,5,n/a,N/A"].join("\n");
    const r = ok(importOrderRates(STORAGE_ALLOCATION, "o.csv", csv));
    // 500 MB = 0.5 GB; 150 MB = 0.15 GB; 1 TB = 1000 GB; 0.5 TB = 500 GB; 1250 MB = 1.25 GB.
    expect(r.table.rows).toEqual([
      {
        label: "Enterprise",
        defaultDataGb: "10",
        defaultAttachmentGb: "20",
        perUserDataGb: "0.5",
        perUserAttachmentGb: "5",
        per1kConversationsDataGb: "0.15",
        per1kConversationsAttachmentGb: "3",
      },
      {
        label: "Custom",
        defaultDataGb: "1000",
        defaultAttachmentGb: "500",
        perUserDataGb: "1.25",
        perUserAttachmentGb: "5",
        per1kConversationsDataGb: null,
        per1kConversationsAttachmentGb: null,
      },
    ]);
  });

  test("n/a where every built-in row has a rate is a problem", () => {
    const header = cardGrid(STORAGE_ALLOCATION).headers.join(",");
    expect(problems(importOrderRates(STORAGE_ALLOCATION, "o.csv", `${header}\nEnterprise,n/a,20,0.5,5,0.15,3`))).toEqual([
      'Row 2, "Default data (GB)": n/a is not accepted here: every rate in this column applies; expected a size in GB, such as 2.5 or 2.5 GB (MB and TB are converted at 1 GB = 1000 MB).',
    ]);
  });

  test("record sizes in KB accept bytes (1 KB = 1000 bytes)", () => {
    const csv = "Record type,Size (KB)\nNote,200 bytes\nMessage,0.2 KB\n";
    expect(ok(importOrderRates(STORAGE_RECORD_SIZES, "o.csv", csv)).table.rows).toEqual([
      { recordType: "Note", sizeKb: "0.2" },
      { recordType: "Message", sizeKb: "0.2" },
    ]);
  });

  test("percentages: 10% or the fraction 0.1; above 100% is refused", () => {
    const head = cardGrid(SLA_CREDIT_BANDS).headers.join(",");
    const good = [
      head,
      "99.9% or above,99.9%,n/a,0",
      "99.0% to 99.89%,0.99,99.9%,10%",
      "97.0% to 98.99%,97%,99%,25 %",
      "Below 97.0%,n/a,0.97,0.5",
    ].join("\n");
    expect(ok(importOrderRates(SLA_CREDIT_BANDS, "o.csv", good)).table.rows).toEqual([
      { band: "99.9% or above", fromUptime: "0.999", belowUptime: null, credit: "0" },
      { band: "99.0% to 99.89%", fromUptime: "0.99", belowUptime: "0.999", credit: "0.1" },
      { band: "97.0% to 98.99%", fromUptime: "0.97", belowUptime: "0.99", credit: "0.25" },
      { band: "Below 97.0%", fromUptime: null, belowUptime: "0.97", credit: "0.5" },
    ]);
    const bad = [head, "99.9% or above,99.9%,n/a,0", "Below 97.0%,n/a,0.97,150%", "Other,n/a,0.97,10"].join("\n");
    expect(problems(importOrderRates(SLA_CREDIT_BANDS, "o.csv", bad))).toEqual([
      'Row 3, "Service credit": "150%" is above 100%; write a percentage such as 10% (or the fraction 0.1).',
      'Row 4, "Service credit": "10" is above 100%; write a percentage such as 10% (or the fraction 0.1).',
    ]);
  });

  test("counts, days and weeks are whole numbers; hours may have decimals; units must match the column", () => {
    const head = cardGrid(DATA_MIGRATION_SIZES).headers.join(",");
    expect(
      problems(importOrderRates(DATA_MIGRATION_SIZES, "o.csv", `${head}\nSmall,0,"50,000.5",6\nMedium,50001,250000,8 days\n`)),
    ).toEqual([
      'Row 2, "To (conversation records)": expected a whole number, such as 50000; got "50,000.5".',
      'Row 3, "Duration (weeks)": expected a whole number of weeks, such as 8; got "8 days".',
    ]);
    const hours = cardGrid(MANAGED_SERVICES_HOURS).headers.join(",");
    expect(ok(importOrderRates(MANAGED_SERVICES_HOURS, "o.csv", `${hours}\nManaged Services,Custom,7.5 hours\n`)).table.rows).toEqual([
      { service: "Managed Services", level: "Custom", hoursPerMonth: "7.5" },
    ]);
  });

  test("negative rates are refused, whatever their unit", () => {
    const csv = "Storage,Price per GB (USD)\nData storage,-50\nAttachment storage,-$1\n";
    expect(problems(importOrderRates(STORAGE_PRICES, "o.csv", csv))).toEqual([
      'Row 2, "Price per GB (USD)": "-50" is negative; rates cannot be negative.',
      'Row 3, "Price per GB (USD)": "-$1" is negative; rates cannot be negative.',
    ]);
  });

  test("every problem of a file at once, sorted by row: unknown, missing and repeated columns, types, empties", () => {
    const csv = ["Storage,Price,Storage", "Data storage,50,x"].join("\n");
    // The file's problems come first, then each row's.
    expect(problems(importOrderRates(STORAGE_PRICES, "o.csv", csv))).toEqual([
      '"Storage": has no row "Attachment storage"; the workbook name Kustomer_AttachmentPricePerGB points at its rate.',
      'Row 1, "Price": is not a column of "Additional storage prices"; expected the columns "Storage", "Price per GB (USD)".',
      'Row 1, "Storage": appears twice (columns 1 and 3).',
      'Row 1, "Price per GB (USD)": is missing; every column of the card is required.',
    ]);
    const csv2 = ["Storage,Price per GB (USD)", "Data storage,fifty", ",1", "Attachment storage", "Attachment storage,"].join("\n");
    expect(problems(importOrderRates(STORAGE_PRICES, "o.csv", csv2))).toEqual([
      'Row 2, "Price per GB (USD)": expected an amount in US dollars, such as 50 or $50.00; got "fifty".',
      'Row 3, "Storage": is empty; expected text.',
      "Row 4: has 1 value; the header has 2.",
      'Row 5, "Price per GB (USD)": is empty; expected an amount in US dollars, such as 50 or $50.00.',
    ]);
  });

  test("the rows the workbook names point at must be there; rows must be distinct", () => {
    expect(
      problems(importOrderRates(STORAGE_PRICES, "o.csv", "Storage,Price per GB (USD)\nAttachment storage,1\nattachment  STORAGE,2\n")),
    ).toEqual([
      '"Storage": has no row "Data storage"; the workbook name Kustomer_DataPricePerGB points at its rate.',
      'Row 3, "Storage": repeats row 2; each row must be distinct.',
    ]);
  });

  test("a service and level identify a managed-services row (the service alone repeats)", () => {
    expect(keyColumns(MANAGED_SERVICES_HOURS).map((c) => c.key)).toEqual(["service", "level"]);
    expect(keyColumns(STORAGE_PRICES).map((c) => c.key)).toEqual(["label"]);
    expect(keyColumns(DATA_MIGRATION_SIZES).map((c) => c.key)).toEqual(["size"]);
    const head = cardGrid(MANAGED_SERVICES_HOURS).headers.join(",");
    expect(
      problems(
        importOrderRates(
          MANAGED_SERVICES_HOURS,
          "o.csv",
          `${head}\nManaged Services,Basic,16\nManaged Services,Standard,40\nManaged Services,basic,20\n`,
        ),
      ),
    ).toEqual(['Row 4, "Service + Level": repeats row 2; each row must be distinct.']);
  });

  test("text that Excel would read as a formula is refused", () => {
    const head = cardGrid(SLA_RESPONSE_TIMES).headers.join(",");
    expect(
      problems(
        importOrderRates(SLA_RESPONSE_TIMES, "o.csv", `${head}\nSevere,2,hours,"=HYPERLINK(""http://x"")"\nHigh,8,hours,@SUM(A1)\n`),
      ),
    ).toEqual([
      'Row 2, "Description": "=HYPERLINK("http://x")" starts with "=", which Excel would read as a formula; write text.',
      'Row 3, "Description": "@SUM(A1)" starts with "@", which Excel would read as a formula; write text.',
    ]);
  });

  test("files that cannot be read as a card: empty, no rows, semicolons, an open quote, too many rows", () => {
    expect(problems(importOrderRates(STORAGE_PRICES, "o.csv", "\n\n"))).toEqual([
      'The file is empty; expected a header row with the columns "Storage", "Price per GB (USD)".',
    ]);
    expect(problems(importOrderRates(STORAGE_PRICES, "o.csv", "Storage,Price per GB (USD)\n"))).toEqual([
      'The file has no rates: expected at least one row under the header of "Additional storage prices".',
    ]);
    expect(problems(importOrderRates(STORAGE_PRICES, "o.csv", "Storage;Price per GB (USD)\nData storage;50,5\n"))).toEqual([
      "Row 1: The values are separated by semicolons; save the file as CSV with commas (and decimal points).",
    ]);
    expect(
      problems(importOrderRates(STORAGE_PRICES, "o.csv", 'Storage,Price per GB (USD)\n"Data storage,50\nAttachment storage,1\n')),
    ).toContain('Row 2: a quoted value is not closed (a " is missing).');
    const many = ["Storage,Price per GB (USD)", ...Array.from({ length: MAX_ORDER_ROWS + 1 }, (_v, i) => `Tier ${i},1`)].join("\n");
    expect(problems(importOrderRates(STORAGE_PRICES, "o.csv", many))).toEqual(["The file has 1001 rows; a rate card has at most 1000."]);
  });

  test("blank lines are skipped but rows keep the numbers Excel shows", () => {
    const csv = "Storage,Price per GB (USD)\n\nData storage,x\n\nAttachment storage,1\n\n";
    expect(problems(importOrderRates(STORAGE_PRICES, "o.csv", csv))).toEqual([
      'Row 3, "Price per GB (USD)": expected an amount in US dollars, such as 50 or $50.00; got "x".',
    ]);
  });

  test("parseCsv: quotes, doubled quotes, commas and newlines inside quotes, CRLF, spaces around fields", () => {
    expect(parseCsv('a, "b, c" ,"say ""hi"""\r\n"multi\nline",2\n').records).toEqual([
      ["a", "b, c", 'say "hi"'],
      ["multi\nline", "2"],
    ]);
    expect(parseCsv('"a"b,c\n').problems).toEqual([
      { row: 1, column: null, message: "a quoted value must end at a comma or the end of the line (column 1)." },
    ]);
  });

  test("every built-in card, written out as CSV, reads back to the same cells", () => {
    const quote = (v: string | number) => (typeof v === "string" && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v));
    for (const card of RATE_CARDS) {
      const grid = cardGrid(card);
      const csv = [grid.headers, ...grid.body].map((r) => r.map(quote).join(",")).join("\n");
      const r = ok(importOrderRates(card, `${card.id}.csv`, csv));
      expect({ id: card.id, body: cardGrid(r.table).body }).toEqual({ id: card.id, body: grid.body });
      expect(r.table.names ?? []).toEqual(card.names ?? []);
    }
  });
});

describe("JSON", () => {
  test("an array of rows keyed by header or key; numbers, text with units, null for n/a", () => {
    const json = JSON.stringify([{ Item: "Premium Translated Word", charactersPerWord: 5, "Price per word (USD)": 0.0004 }]);
    const r = ok(importOrderRates(TRANSLATION_PRICE, "order.json", json));
    expect(r.format).toBe("json");
    expect(r.table.rows).toEqual([{ item: "Premium Translated Word", charactersPerWord: "5", pricePerWord: "0.0004" }]);
  });

  test('an object with "rows" (and the card it is for); the wrong card is a problem', () => {
    const rows = [
      { Storage: "Data storage", "Price per GB (USD)": "$40" },
      { Storage: "Attachment storage", "Price per GB (USD)": 1 },
    ];
    expect(ok(importOrderRates(STORAGE_PRICES, "o.json", JSON.stringify({ card: "Kustomer_StoragePrices", rows }))).rowCount).toBe(2);
    expect(problems(importOrderRates(STORAGE_PRICES, "o.json", JSON.stringify({ card: "Kustomer_SlaCreditBands", rows })))).toEqual([
      'The file is for the card "Kustomer_SlaCreditBands", not Kustomer_StoragePrices.',
    ]);
  });

  test("rows are numbered from 1; wrong types, unknown and missing keys, nested values are each reported", () => {
    const json = JSON.stringify([
      { Storage: "Data storage", "Price per GB (USD)": true },
      { Storage: "Attachment storage", "Price per GB (USD)": -1, Colour: "red" },
      { Storage: ["Nested"] },
      "Data storage,50",
    ]);
    expect(problems(importOrderRates(STORAGE_PRICES, "o.json", json))).toEqual([
      'Row 1, "Price per GB (USD)": expected an amount in US dollars, such as 50 or $50.00; got TRUE.',
      'Row 2, "Colour": is not a column of "Additional storage prices"; expected the columns "Storage", "Price per GB (USD)".',
      'Row 2, "Price per GB (USD)": -1 is negative; rates cannot be negative.',
      'Row 3, "Storage": must be a number or text, not a list or an object.',
      'Row 3, "Price per GB (USD)": is missing; every column of the card is required.',
      "Row 4: must be an object keyed by the column headers.",
    ]);
  });

  test("not JSON, or not rows", () => {
    expect(problems(importOrderRates(STORAGE_PRICES, "o.json", "{ rows: [ }"))[0]).toMatch(/^The file is not valid JSON: /);
    expect(problems(importOrderRates(STORAGE_PRICES, "o.json", '{"table": "Kustomer_StoragePrices"}'))).toEqual([
      'Expected an array of rows, or an object with a "rows" array; each row an object keyed by the column headers.',
    ]);
  });

  test("the format comes from the extension, else from the text", () => {
    expect(
      ok(
        importOrderRates(
          STORAGE_PRICES,
          "rates.txt",
          '[{"Storage":"Data storage","Price per GB (USD)":50},{"Storage":"Attachment storage","Price per GB (USD)":1}]',
        ),
      ).format,
    ).toBe("json");
    expect(ok(importOrderRates(STORAGE_PRICES, "rates", "Storage,Price per GB (USD)\nData storage,50\nAttachment storage,1")).format).toBe(
      "csv",
    );
  });
});

describe("readCell", () => {
  test.each([
    ["50", "usd", "50"],
    ["$50.00", "usd", "50"],
    ["US$ 50", "usd", "50"],
    ["50 USD", "usd", "50"],
    ["0.0005", "usd4", "0.0005"],
    [".5", "gb", "0.5"],
    ["2.5GB", "gb", "2.5"],
    ["125 mb", "gb", "0.125"],
    ["70 bytes", "kb", "0.07"],
    ["99.95%", "percent", "0.9995"],
    ["0", "percent", "0"],
    ["-0", "usd", "0"],
    ["30 days", "days", "30"],
    ["1 week", "weeks", "1"],
    ["16 h", "hours", "16"],
    ["250,000", "count", "250000"],
    [0.1, "usd", "0.1"],
    [1e-7, "usd4", "0.0000001"],
  ] as const)("%p as %s is %p", (raw, format, value) => {
    expect(readCell(raw, format, false)).toEqual({ value });
  });

  test.each([
    ["$50", "gb", 'expected a size in GB, such as 2.5 or 2.5 GB (MB and TB are converted at 1 GB = 1000 MB); got "$50".'],
    ["50 EUR", "usd", 'expected an amount in US dollars, such as 50 or $50.00; got "50 EUR".'],
    ["0,5", "gb", '"0,5": use a decimal point and commas only between thousands (0.5, 1,250.5).'],
    ["1e3", "count", 'expected a whole number, such as 50000; got "1e3".'],
    ["1000000000000000", "usd", '"1000000000000000" is too large for a rate.'],
    [Number.POSITIVE_INFINITY, "usd", "expected an amount in US dollars, such as 50 or $50.00; got Infinity."],
    ["", "text", "is empty; expected text."],
    [null, "gb", "is empty; expected a size in GB, such as 2.5 or 2.5 GB (MB and TB are converted at 1 GB = 1000 MB)."],
  ] as const)("%p as %s: %s", (raw, format, problem) => {
    expect(readCell(raw, format, false)).toEqual({ problem });
  });

  test("an empty nullable rate suggests n/a", () => {
    expect(readCell("", "gb", true)).toEqual({
      problem:
        "is empty; expected a size in GB, such as 2.5 or 2.5 GB (MB and TB are converted at 1 GB = 1000 MB), or n/a where the rate does not apply.",
    });
  });

  test("text keeps its inner spacing; numbers in a text column become text", () => {
    expect(readCell("  Data  storage ", "text", false)).toEqual({ value: "Data  storage" });
    expect(readCell(2025, "text", false)).toEqual({ value: "2025" });
  });
});

test("problems render with their row and column", () => {
  expect(describeProblem({ row: 3, column: "Size (KB)", message: "x." })).toBe('Row 3, "Size (KB)": x.');
  expect(describeProblem({ row: null, column: "Storage", message: "x." })).toBe('"Storage": x.');
  expect(describeProblem({ row: 2, column: null, message: "x." })).toBe("Row 2: x.");
  expect(describeProblem({ row: null, column: null, message: "The file is empty." })).toBe("The file is empty.");
});

describe("hostile or mistaken files: every shape is judged, with a clear message", () => {
  const HEADER = "Storage,Price per GB (USD)";

  test("an unquoted field full of quotes is one literal value; too long a value is refused by its length", () => {
    // a"a"a" is not a quoted field (it does not start with "), so its quotes are characters.
    expect(parseCsv('x,a"a"a"\n').records).toEqual([["x", 'a"a"a"']]);
    const field = 'a"'.repeat(150_000); // 300,000 characters
    const csv = `${HEADER}\nData storage,${field}\n`;
    expect(problems(importOrderRates(STORAGE_PRICES, "o.csv", csv))).toEqual([
      // The file has no "Attachment storage" row, which a workbook name needs (file-wide problems first).
      '"Storage": has no row "Attachment storage"; the workbook name Kustomer_AttachmentPricePerGB points at its rate.',
      // The value quoted as every message quotes input (rules/core/errors.ts): its first 57
      // characters (28 pairs a" and an a), "..." and its length.
      `Row 2, "Price per GB (USD)": is longer than 1000 characters: "${'a"'.repeat(28)}a..." (300000 characters).`,
    ]);
  });

  test("a price of -, many spaces and x is refused by its length before any pattern reads it", () => {
    const price = `-${" ".repeat(300_000)}x`;
    const r = readCell(price, "usd", false);
    // Over MAX_TEXT (1000) characters: refused as too long, quoting 57 characters of it (- and
    // 56 spaces) and its length, 1 + 300,000 + 1.
    expect(r).toEqual({ problem: `is longer than 1000 characters: "-${" ".repeat(56)}..." (300002 characters).` });
    // Short enough to be read (51 characters), it is simply not a number; quoted whole (at most 60).
    expect(readCell(`-${" ".repeat(49)}x`, "usd", false)).toEqual({
      problem: `expected an amount in US dollars, such as 50 or $50.00; got "-${" ".repeat(49)}x".`,
    });
    // The same with a number and a unit still reads: "- $ 5" is negative.
    expect(readCell("-  $  5", "usd", false)).toEqual({ problem: '"-  $  5" is negative; rates cannot be negative.' });
  });

  test("a 65,000-row one-column file is refused by the row limit alone, before any row is judged", () => {
    const csv = ["Storage", ...Array.from({ length: 65_000 }, (_v, i) => `row ${i}`)].join("\n");
    expect(problems(importOrderRates(STORAGE_PRICES, "export.csv", csv))).toEqual([
      "The file has 65000 rows; a rate card has at most 1000.",
    ]);
    const json = JSON.stringify(Array.from({ length: 1001 }, () => ({ Storage: "x" })));
    expect(problems(importOrderRates(STORAGE_PRICES, "export.json", json))).toEqual([
      "The file has 1001 rows; a rate card has at most 1000.",
    ]);
  });

  test("at most 100 problems are listed, then how many more", () => {
    // 1000 rows, each with a price that is not a number: 1000 problems, plus the two names'
    // rows missing ("Data storage" and "Attachment storage" are not among the labels).
    const csv = [HEADER, ...Array.from({ length: 1000 }, (_v, i) => `Tier ${i},lots`)].join("\n");
    const r = importOrderRates(STORAGE_PRICES, "o.csv", csv);
    if (r.ok) throw new Error("expected problems");
    expect(r.problems).toHaveLength(1002);
    const { shown, more } = listedProblems(r.problems);
    expect(shown).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(MAX_LISTED_PROBLEMS).toBe(100);
    expect(more).toBe(902);
    expect(listedProblems(r.problems.slice(0, 3))).toEqual({ shown: r.problems.slice(0, 3), more: 0 });
  });

  test("units are looked up as own names only: 5 constructor is an unknown unit, not a crash", () => {
    for (const unit of ["constructor", "toString", "hasOwnProperty", "valueOf"]) {
      expect(readCell(`5 ${unit}`, "gb", false)).toEqual({
        problem: `expected a size in GB, such as 2.5 or 2.5 GB (MB and TB are converted at 1 GB = 1000 MB); got "5 ${unit}".`,
      });
    }
    const csv = `${HEADER}\nData storage,5 constructor\nAttachment storage,1\n`;
    expect(problems(importOrderRates(STORAGE_PRICES, "o.csv", csv))).toEqual([
      'Row 2, "Price per GB (USD)": expected an amount in US dollars, such as 50 or $50.00; got "5 constructor".',
    ]);
    // A JSON object's own keys only: "constructor" is not a column, and no "card" is inherited.
    expect(problems(importOrderRates(STORAGE_PRICES, "o.json", '{"rows": [{"constructor": 1}]}'))).toEqual([
      'Row 1, "constructor": is not a column of "Additional storage prices"; expected the columns "Storage", "Price per GB (USD)".',
      'Row 1, "Storage": is missing; every column of the card is required.',
      'Row 1, "Price per GB (USD)": is missing; every column of the card is required.',
    ]);
  });

  test("a JSON key repeated in one object is refused (JSON.parse would keep the last silently)", () => {
    const json =
      '[{"Storage": "Data storage", "Price per GB (USD)": 40, "Price per GB (USD)": 50}, {"Storage": "Attachment storage", "Price per GB (USD)": 1}]';
    expect(problems(importOrderRates(STORAGE_PRICES, "o.json", json))).toEqual([
      'Row 1, "Price per GB (USD)": appears twice in this row; each column may appear once.',
    ]);
    const wrapped =
      '{"card": "Kustomer_StorageAllocation", "card": "Kustomer_StoragePrices", "rows": [{"Storage": "Data storage", "Price per GB (USD)": 40}, {"Storage": "Attachment storage", "Price per GB (USD)": 1}]}';
    expect(problems(importOrderRates(STORAGE_PRICES, "o.json", wrapped))).toEqual([
      'The key "card" appears twice in one object; each key may appear once.',
    ]);
    // The same key in two rows is fine; so is a key that only looks alike inside a string value.
    const fine =
      '[{"Storage": "Data storage", "Price per GB (USD)": 40}, {"Storage": "Attachment storage", "Price per GB (USD)": 1, "x\\"": 0}]';
    expect(problems(importOrderRates(STORAGE_PRICES, "o.json", fine))).toEqual([
      'Row 2, "x"": is not a column of "Additional storage prices"; expected the columns "Storage", "Price per GB (USD)".',
    ]);
  });

  test("bytes that are not UTF-8 are refused with their row; a UTF-16 file is decoded", () => {
    // "Data st\xE9rage": é in Windows-1252 is the single byte E9, not UTF-8.
    const bytes = Uint8Array.from([...Buffer.from(`${HEADER}\nData st`), 0xe9, ...Buffer.from("rage,40\n")]);
    const r = decodeOrderFile(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(describeProblem(r.problem)).toBe(
        'Row 2: The file is not UTF-8 text (it was probably saved in a Windows or Mac encoding): a character here cannot be read. In Excel, save it as "CSV UTF-8 (Comma delimited)".',
      );
    expect(decodeOrderFile(Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from("Storage é")]))).toEqual({ ok: true, text: "Storage é" });
    expect(decodeOrderFile(Uint8Array.from([0xff, 0xfe, ...Buffer.from("Sé\t1", "utf16le")]))).toEqual({ ok: true, text: "Sé\t1" });
    // Text that already holds U+FFFD (a lossy reader) is refused cell by cell.
    expect(readCell("Data st\uFFFDrage", "text", false)).toEqual({
      problem: '"Data st\uFFFDrage" holds U+FFFD, the mark of a character that could not be read; save the file as UTF-8.',
    });
  });

  test("a tab-separated file gets its own message", () => {
    const tsv = "Storage\tPrice per GB (USD)\nData storage\t40\n";
    expect(problems(importOrderRates(STORAGE_PRICES, "o.csv", tsv))).toEqual([
      'Row 1: The values are separated by tabs (a tab-separated text file); save the file as CSV, with commas: in Excel, "CSV UTF-8 (Comma delimited)".',
    ]);
  });

  test("0. then 900,000 zeros and a 1 is refused, never read as 0; small exact rates stay exact", () => {
    const tiny = `0.${"0".repeat(900_000)}1`;
    const csv = `${HEADER}\nData storage,${tiny}\nAttachment storage,1\n`;
    expect(problems(importOrderRates(STORAGE_PRICES, "o.csv", csv))).toEqual([
      // 57 characters quoted ("0." and 55 zeros); its length 2 + 900,000 + 1.
      `Row 2, "Price per GB (USD)": is longer than 1000 characters: "0.${"0".repeat(55)}..." (900003 characters).`,
    ]);
    // As a JSON number, JSON.parse would give 0: the literal is checked first.
    const json = `[{"Storage": "Data storage", "Price per GB (USD)": ${tiny}}, {"Storage": "Attachment storage", "Price per GB (USD)": 1}]`;
    expect(problems(importOrderRates(STORAGE_PRICES, "o.json", json))).toEqual([
      // The literal clipped as all input is: 57 characters, "...", its length (900,003).
      `Row 1, "Price per GB (USD)": ${tiny.slice(0, 57)}... (900003 characters) cannot be read exactly as a number (more than 15 significant digits, or beyond Excel's range); write the rate as it should appear in Excel.`,
    ]);
    // 0.0000001 (1e-7) and 0.{30 zeros}1 (1e-31) have 1 significant digit: exact.
    expect(readCell("0.0000001", "usd4", false)).toEqual({ value: "0.0000001" });
    expect(readCell(`0.${"0".repeat(30)}1`, "usd4", false)).toEqual({ value: `0.${"0".repeat(30)}1` });
    // 16 significant digits (1.000000000000001) would be rounded by Excel: refused.
    expect(readCell("1.000000000000001", "usd", false)).toEqual({
      problem: '"1.000000000000001" has more than 15 significant digits, which Excel cannot hold exactly.',
    });
    // 15 are fine, and 1,000,000,000,000 (1 significant digit) too.
    expect(readCell("1.00000000000001", "usd", false)).toEqual({ value: "1.00000000000001" });
  });

  test("a 2-D array of cell values (a range) is judged like a CSV, rows numbered from its header", () => {
    const grid = [
      ["Storage", "Price per GB (USD)"],
      ["Data storage", 40],
      ["Attachment storage", "lots"],
    ];
    expect(problems(importOrderGrid(STORAGE_PRICES, grid))).toEqual([
      'Row 3, "Price per GB (USD)": expected an amount in US dollars, such as 50 or $50.00; got "lots".',
    ]);
    grid[2][1] = "0.8";
    expect(ok(importOrderGrid(STORAGE_PRICES, grid)).table.rows).toEqual([
      { label: "Data storage", pricePerGb: "40" },
      { label: "Attachment storage", pricePerGb: "0.8" },
    ]);
  });
});
