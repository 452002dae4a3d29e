/**
 * TRANSLATEDWORDS and TRANSLATIONFEE through the built bundle, with the arguments Excel passes:
 * a range as rows of cells (a single cell as [[v]]), null for an omitted argument or an empty
 * cell, the dropdown's text for count_as.
 */
import { loadBundle, type LoadedBundle } from "../helpers/bundle";

let b: LoadedBundle;
beforeAll(() => {
  b = loadBundle();
});

const THUMBS_UP_MEDIUM = "\u{1F44D}\u{1F3FD}"; // 1 character, 4 UTF-16 units
const E_ACUTE = "e\u0301"; // 1 character, 2 units
const FLAG_FR = "\u{1F1EB}\u{1F1F7}"; // 1 character, 4 units

describe("TRANSLATEDWORDS", () => {
  test("the terms' example and a partial word", () => {
    // 15 characters = 3 words; 16 = 3.2 -> 4.
    expect(b.call("TRANSLATEDWORDS", [["Return my order"]], null)).toBe(3);
    expect(b.call("TRANSLATEDWORDS", [["Return my order!"]], null)).toBe(4);
  });
  test("a range: each text on its own, blanks (null or empty text) count 0", () => {
    // 3 + 4 + 0 + 0 + 1 ("Hello" is 5 characters) = 8.
    expect(
      b.call(
        "TRANSLATEDWORDS",
        [
          ["Return my order", "Return my order!"],
          [null, ""],
          ["Hello", null],
        ],
        null,
      ),
    ).toBe(8);
  });
  test("grapheme cases as a reader counts, and as LEN", () => {
    // "Thanks 👍🏽": 8 characters -> 2 words; LEN 11 -> 3.
    // "Café!" with a combining accent: 5 -> 1; LEN 6 -> 2.
    // "Hi 🇫🇷": 4 -> 1; LEN 7 -> 2.
    // "你好，世界！": 6 -> 2; LEN 6 -> 2.
    const range = [[`Thanks ${THUMBS_UP_MEDIUM}`], [`Caf${E_ACUTE}!`], [`Hi ${FLAG_FR}`], ["你好，世界！"]];
    expect(b.call("TRANSLATEDWORDS", range, null)).toBe(2 + 1 + 1 + 2);
    expect(b.call("TRANSLATEDWORDS", range, "characters")).toBe(6);
    expect(b.call("TRANSLATEDWORDS", range, "len")).toBe(3 + 2 + 2 + 2);
    expect(b.call("TRANSLATEDWORDS", range, "LEN")).toBe(9);
  });
  test("numbers count as their text: 123 is 3 characters, 1 word", () => {
    expect(b.call("TRANSLATEDWORDS", [[123]], null)).toBe(1);
    // 1234567 -> 7 characters -> 2 words.
    expect(b.call("TRANSLATEDWORDS", [[1234567]], null)).toBe(2);
  });
  test("errors: TRUE in the range, unknown count_as", () => {
    expect(b.call("TRANSLATEDWORDS", [["Return my order"], [true]], null)).toEqual({
      error: "#VALUE!",
      message: "texts (row 2, column 1) must be text; got TRUE.",
    });
    expect(b.call("TRANSLATEDWORDS", [["Return my order"]], "words")).toEqual({
      error: "#VALUE!",
      message: 'count_as "words" is not known; expected one of: characters, len.',
    });
  });
});

describe("TRANSLATIONFEE", () => {
  test("3 words at the default $0.0005 is exactly 0.0015", () => {
    expect(b.call("TRANSLATIONFEE", 3, null)).toBe(0.0015);
  });
  test("an Order's price, as a number or numeric text", () => {
    // 9 x 0.0006 = 0.0054; 11 x 0.0003 = 0.0033 (binary floating point: 0.0032999999999999995).
    expect(b.call("TRANSLATIONFEE", 9, 0.0006)).toBe(0.0054);
    expect(b.call("TRANSLATIONFEE", 11, "0.0003")).toBe(0.0033);
  });
  test("the words of a range priced in one formula: 8 words x 0.0005 = 0.004", () => {
    const words = b.call(
      "TRANSLATEDWORDS",
      [
        ["Return my order", "Return my order!"],
        ["Hello", null],
      ],
      null,
    );
    expect(b.call("TRANSLATIONFEE", words, null)).toBe(0.004);
  });
  test("errors: negative or fractional words #NUM!, text #VALUE!, negative price #NUM!", () => {
    expect(b.call("TRANSLATIONFEE", -1, null)).toEqual({ error: "#NUM!", message: "words must not be negative; got -1." });
    expect(b.call("TRANSLATIONFEE", 2.5, null)).toEqual({ error: "#NUM!", message: "words must be a whole number; got 2.5." });
    expect(b.call("TRANSLATIONFEE", "many", null)).toEqual({ error: "#VALUE!", message: 'words must be a number; got "many".' });
    expect(b.call("TRANSLATIONFEE", null, null)).toEqual({
      error: "#VALUE!",
      message: "words is required: expected a whole number of words.",
    });
    expect(b.call("TRANSLATIONFEE", 3, -0.0005)).toEqual({ error: "#NUM!", message: "price_per_word must not be negative; got -0.0005." });
  });
});
