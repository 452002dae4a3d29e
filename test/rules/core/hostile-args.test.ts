/**
 * Hostile arguments (Excel's longest cell, 32,767 characters) get a
 * short message, and Excel data types (formatted numbers, entities, error values) are read in
 * the one coercion place. Speed is measured in `npm run bench` and `npm run fuzz`, never here.
 */
import fc from "fast-check";
import { cellValue, normalizeName, toBoolean, toChoice, toDate, toDateTime, toNumber, toRange, toText } from "../../../src/rules/core/args";
import { clip, describe as describeValue, QUOTE_MAX, quote } from "../../../src/rules/core/errors";
import { toMoney } from "../../../src/rules/core/money";
import { timeZone } from "../../../src/rules/contract/season";
import { lookupName, buildNameMap } from "../../../src/rules/contract/names";
import { recordType } from "../../../src/rules/storage/data";
import { translatedWords } from "../../../src/rules/translation/words";
import { epochDayFromYmd } from "../../../src/rules/core/serial";
import { ruleError } from "../../helpers/rule-error";

const LONGEST = 32767;
/** "-", then spaces, then "x", 32,767 characters: the shape that backtracked in the number regex. */
const DASH_SPACES_X = "-" + " ".repeat(LONGEST - 2) + "x";
/** Spaces and dashes alternating with long space runs: the shape that was quadratic in normalizeName. */
const SPACE_RUNS = ("a" + " ".repeat(1000) + "-").repeat(32).slice(0, LONGEST);
const LONG_ZONE = "America/" + "x".repeat(LONGEST - 8);

describe("quoting user input in messages", () => {
  test("short input is quoted whole; long input shows 57 characters, '...' and its length", () => {
    expect(quote("files")).toBe('"files"');
    expect(quote("x".repeat(QUOTE_MAX))).toBe(`"${"x".repeat(60)}"`);
    // 61 characters: the first 57, then ..., then the length.
    expect(quote("y".repeat(61))).toBe(`"${"y".repeat(57)}..." (61 characters)`);
    expect(clip("z".repeat(100))).toBe(`${"z".repeat(57)}... (100 characters)`);
    // Never half a surrogate pair: the 57th code unit is the high half of 😀, so the head stops at 56.
    const s = "a".repeat(56) + "\u{1F600}" + "b".repeat(10);
    expect(quote(s)).toBe(`"${"a".repeat(56)}..." (68 characters)`);
    // A parser's own message (JSON.parse's, in an Order file) may keep more: up to max, then max - 3 and "...".
    expect(clip("m".repeat(200), 200)).toBe("m".repeat(200));
    expect(clip("m".repeat(201), 200)).toBe(`${"m".repeat(197)}... (201 characters)`);
  });

  test("every parser refuses a 32,767-character argument with a message under 400 characters", () => {
    const choices = [{ names: ["Data", "data storage"], value: "data" }];
    const names = buildNameMap([{ names: ["Implementation - Basic"], value: 1 }]);
    const cases: Array<[string, () => unknown]> = [
      ["toNumber", () => toNumber(DASH_SPACES_X, "amount")],
      ["toMoney", () => toMoney(DASH_SPACES_X, "amount")],
      ["toDate", () => toDate(DASH_SPACES_X, "period_start", "1900")],
      ["toDateTime", () => toDateTime(DASH_SPACES_X, "start", "1900")],
      ["toBoolean", () => toBoolean(DASH_SPACES_X, "flag", false)],
      ["toChoice", () => toChoice(SPACE_RUNS, "category", choices)],
      ["lookupName", () => lookupName(SPACE_RUNS, "package_name", names, ["Implementation - Basic"])],
      ["recordType", () => recordType(SPACE_RUNS)],
      ["timeZone (name)", () => timeZone(LONG_ZONE)],
      ["timeZone (spaces)", () => timeZone("UTC" + " ".repeat(LONGEST - 5) + "+x")],
    ];
    const long: string[] = [];
    for (const [name, f] of cases) {
      const e = ruleError(f);
      expect(e.kind).toBe("value");
      if (e.message.length >= 400) long.push(`${name}: ${e.message.length}`);
    }
    expect(long).toEqual([]);
    // The message quotes the input's head and gives its length.
    expect(ruleError(() => timeZone(LONG_ZONE)).message).toBe(
      // "America/" and 49 x's are the first 57 characters.
      `time_zone "America/${"x".repeat(49)}..." (32767 characters) is not a known time zone` +
        "; expected an IANA time zone such as America/New_York, Europe/London, Asia/Kolkata or UTC, or an offset such as -05:00.",
    );
  });

  test("normalizeName gives what the old (quadratic) form gave, on names of spaces, dashes and letters", () => {
    const reference = (s: string) =>
      s
        .trim()
        .toLowerCase()
        .replace(/[\u2010-\u2015]/g, "-")
        .replace(/\s*-\s*/g, " - ")
        .replace(/\s+/g, " ");
    const piece = fc.constantFrom(" ", "  ", "\t", "-", "\u2013", "a", "B", "\u00a0", "/", "x y");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const s = parts.join("");
        expect(normalizeName(s)).toBe(reference(s));
      }),
      { numRuns: 3000 },
    );
    expect(normalizeName("  Implementation\u2013  Basic ")).toBe("implementation - basic");
    expect(normalizeName(SPACE_RUNS)).toBe(("a - ".repeat(32) + "a").slice(0, 4 * 32));
  });
});

describe("Excel data types as arguments (Office.js CellValue JSON)", () => {
  const FORMATTED = { type: "FormattedNumber", basicValue: 1200.5, numberFormat: "$#,##0.00" };
  const ENTITY = { type: "Entity", text: "Contoso", properties: { Revenue: { type: "Double", basicValue: 5 } } };
  const DIV0 = { type: "Error", errorType: "Div0", basicValue: "#DIV/0!" };

  test("a formatted number, a Double, a String and a Boolean are their basicValue", () => {
    expect(toNumber(FORMATTED, "amount")).toBe(1200.5);
    expect(toNumber({ type: "Double", basicValue: 7, numberFormat: "0" }, "seats")).toBe(7);
    // A String value of numeric text is read as the text "1,200" would be.
    expect(toNumber({ type: "String", basicValue: "1,200" }, "amount")).toBe(1200);
    expect(toBoolean({ type: "Boolean", basicValue: true }, "flag", false)).toBe(true);
    expect(toText({ type: "String", basicValue: "Data" }, "category")).toBe("Data");
    expect(toMoney(FORMATTED, "amount").toString()).toBe("1200.5");
    // 45658 is 2025-01-01 in the 1900 system; a date cell formatted as a date arrives as a formatted number.
    expect(toDate({ type: "FormattedNumber", basicValue: 45658, numberFormat: "yyyy-mm-dd" }, "d", "1900")).toBe(
      epochDayFromYmd(2025, 1, 1),
    );
    expect(toDateTime({ type: "Double", basicValue: 45658.5 }, "d", "1900")).toBe(epochDayFromYmd(2025, 1, 1) * 86400 + 43200);
    expect(toChoice({ type: "String", basicValue: "data" }, "category", [{ names: ["Data"], value: 1 }])).toBe(1);
    expect(cellValue({ type: "Empty", basicValue: "" }, "x")).toBeNull();
  });

  test("a long text in a message gives the text's own length, never the length of its quote", () => {
    // The quote of 32,767 spaces is 57 spaces, "..." and the length; quoting it again would say
    // "(80 characters)", the length of the quote.
    const spaces = " ".repeat(LONGEST);
    const quoted = `"${" ".repeat(57)}..." (32767 characters)`;
    expect(ruleError(() => toNumber(spaces, "amount")).message).toBe(`amount must be a number; got ${quoted}.`);
    expect(ruleError(() => toMoney(spaces, "amount")).message).toBe(`amount must be a number; got ${quoted}.`);
    expect(ruleError(() => toBoolean(spaces, "flag", false)).message).toBe(`flag must be TRUE or FALSE; got ${quoted}.`);
    expect(ruleError(() => toDate(spaces, "day", "1900")).message).toBe(
      `day must be a date (an Excel date serial or ISO text such as 2025-01-31); got ${quoted}.`,
    );
    // An entity's long text: its type, then its text quoted once.
    expect(ruleError(() => toNumber({ type: "Entity", text: spaces }, "amount")).message).toBe(
      `amount must be a number; got an Entity data type (${quoted}).`,
    );
  });

  test("an entity has no plain value: the message names its type and text", () => {
    expect(ruleError(() => toNumber(ENTITY, "amount"))).toEqual({
      kind: "value",
      message: 'amount must be a number; got an Entity data type ("Contoso").',
    });
    expect(describeValue({ type: "WebImage", address: "https://example.com/a.png" })).toBe("a WebImage data type");
    expect(describeValue({ foo: 1 })).toBe("an object");
  });

  test("an error value is that error, naming the argument: #N/A and #NUM! keep their kind", () => {
    expect(ruleError(() => toNumber(DIV0, "amount"))).toEqual({ kind: "value", message: "amount holds the error #DIV/0!." });
    expect(ruleError(() => toDate({ type: "Error", errorType: "NotAvailable" }, "d", "1900"))).toEqual({
      kind: "na",
      message: "d holds the error #N/A.",
    });
    expect(ruleError(() => toNumber({ type: "Error", errorType: "Num", basicValue: "#NUM!" }, "x")).kind).toBe("num");
  });

  test("inside 2-D ranges: data-type cells become plain values; an error names its cell", () => {
    expect(
      toRange(
        [
          [1, FORMATTED],
          [{ type: "String", basicValue: "Note" }, null],
        ],
        "counts",
      ),
    ).toEqual([
      [1, 1200.5],
      ["Note", null],
    ]);
    expect(ruleError(() => toRange([[1], [DIV0]], "counts"))).toEqual({
      kind: "value",
      message: "counts (row 2, column 1) holds the error #DIV/0!.",
    });
    // TRANSLATEDWORDS: a String value "Return my order" is 15 characters, 3 words; a formatted 123 is "123", 1 word.
    expect(
      translatedWords([
        [{ type: "String", basicValue: "Return my order" }],
        [{ type: "FormattedNumber", basicValue: 123, numberFormat: "0" }],
      ]),
    ).toBe(4);
    expect(ruleError(() => translatedWords([[ENTITY]])).message).toBe(
      'texts (row 1, column 1) must be text; got an Entity data type ("Contoso").',
    );
  });
});

describe("1904 workbooks: messages name the 1904 calendar", () => {
  test("a date before 1904-01-01 in a 1904 workbook", () => {
    expect(ruleError(() => toDate(-1, "period_start", "1904"))).toEqual({
      kind: "num",
      message: "period_start is outside Excel's calendar (1904-01-01 to 9999-12-31); got -1.",
    });
    expect(ruleError(() => toDate("1903-12-31", "period_start", "1904")).message).toBe(
      "period_start is outside Excel's calendar (1904-01-01 to 9999-12-31); got 1903-12-31.",
    );
    expect(ruleError(() => toDate(-1, "period_start", "1900")).message).toBe(
      "period_start is outside Excel's calendar (1900-01-01 to 9999-12-31); got -1.",
    );
  });
});
