import { characterCount, graphemeCount, isSimpleText, numberText } from "../../../src/rules/translation/characters";
import { translatedWords, translationFee, wordsInText } from "../../../src/rules/translation/words";
import fc from "fast-check";
import { Money } from "../../../src/rules/core/money";
import { ruleError as errorOf } from "../../helpers/rule-error";

/** The error a rule throws, as { kind, message }. */
// The grapheme test strings, spelled out code point by code point.
const THUMBS_UP_MEDIUM = "\u{1F44D}\u{1F3FD}"; // thumbs up + skin tone modifier: 2 code points, 4 UTF-16 units
const E_ACUTE = "e\u0301"; // e + COMBINING ACUTE ACCENT: 2 code points, 2 units
const FLAG_FR = "\u{1F1EB}\u{1F1F7}"; // regional indicators F + R: 2 code points, 4 units
const FAMILY = "\u{1F468}\u200D\u{1F469}\u200D\u{1F467}"; // man ZWJ woman ZWJ girl: 5 code points, 8 units
const HANGUL_JAMO = "\u1112\u1161\u11AB"; // 한 spelled as L + V + T jamo: 3 units
const CJK_EXT_B = "\u{20BB7}"; // 𠮷, outside the BMP: 2 units

describe("words per text (usage-terms A.3: 5 characters a word, spaces and punctuation included)", () => {
  test('the terms\' example: "Return my order" is 15 characters, 3 words', () => {
    expect(characterCount("Return my order", "characters")).toBe(15);
    expect(wordsInText("Return my order")).toBe(3);
  });
  test('a partial word rounds up: "Return my order!" is 16 characters, 4 words', () => {
    // 16 / 5 = 3.2 -> 4.
    expect(wordsInText("Return my order!")).toBe(4);
  });
  test("1 to 5 characters are 1 word, 6 are 2; spaces alone count", () => {
    expect(["a", "abcde", "abcdef", "     ", " "].map((t) => wordsInText(t))).toEqual([1, 1, 2, 1, 1]);
  });
});

describe("characters as a reader counts them (grapheme clusters), or as Excel's LEN", () => {
  test("an emoji with a skin tone is 1 character (LEN: 4)", () => {
    expect(graphemeCount(THUMBS_UP_MEDIUM)).toBe(1);
    expect(characterCount(THUMBS_UP_MEDIUM, "len")).toBe(4);
    // "Thanks " is 7 characters + 1 = 8 -> 2 words; LEN: 7 + 4 = 11 -> 3 words.
    expect(wordsInText(`Thanks ${THUMBS_UP_MEDIUM}`)).toBe(2);
    expect(wordsInText(`Thanks ${THUMBS_UP_MEDIUM}`, "len")).toBe(3);
  });
  test("e + a combining accent is 1 character (LEN: 2)", () => {
    expect(graphemeCount(E_ACUTE)).toBe(1);
    // "Café!" with a combining accent: C a f é ! = 5 characters -> 1 word; LEN: 6 -> 2 words.
    expect(wordsInText(`Caf${E_ACUTE}!`)).toBe(1);
    expect(wordsInText(`Caf${E_ACUTE}!`, "len")).toBe(2);
    // The precomposed é (U+00E9) is 1 character either way.
    expect(characterCount("Caf\u00e9!", "characters")).toBe(5);
    expect(characterCount("Caf\u00e9!", "len")).toBe(5);
  });
  test("a flag is 1 character (LEN: 4)", () => {
    expect(graphemeCount(FLAG_FR)).toBe(1);
    // "Hi " + flag: 4 characters -> 1 word; LEN: 3 + 4 = 7 -> 2 words.
    expect(wordsInText(`Hi ${FLAG_FR}`)).toBe(1);
    expect(wordsInText(`Hi ${FLAG_FR}`, "len")).toBe(2);
    // Two flags side by side are two characters, not one or four.
    expect(graphemeCount(FLAG_FR + FLAG_FR)).toBe(2);
  });
  test("a ZWJ family emoji is 1 character (LEN: 8)", () => {
    expect(graphemeCount(FAMILY)).toBe(1);
    expect(characterCount(FAMILY, "len")).toBe(8);
  });
  test("CJK: each ideograph and full-width punctuation mark is 1 character", () => {
    // 你好，世界！ : 6 characters -> 2 words, LEN 6 as well.
    expect(characterCount("你好，世界！", "characters")).toBe(6);
    expect(wordsInText("你好，世界！")).toBe(2);
    expect(wordsInText("你好，世界！", "len")).toBe(2);
    // An ideograph outside the BMP (U+20BB7) is 1 character but 2 UTF-16 units:
    // 𠮷野家です is 5 characters -> 1 word; LEN 6 -> 2 words.
    expect(wordsInText(`${CJK_EXT_B}野家です`)).toBe(1);
    expect(wordsInText(`${CJK_EXT_B}野家です`, "len")).toBe(2);
  });
  test("Hangul spelled in jamo is 1 syllable; CR LF is 1 character", () => {
    expect(graphemeCount(HANGUL_JAMO)).toBe(1);
    // "abcd" CR LF: 5 characters -> 1 word; LEN 6 -> 2 words. A lone CR or LF is 1 character.
    expect(graphemeCount("abcd\r\n")).toBe(5);
    expect(wordsInText("abcd\r\n")).toBe(1);
    expect(wordsInText("abcd\r\n", "len")).toBe(2);
    // a, CR, b, LF, c, CR LF, CR LF, d: 8 characters.
    expect(graphemeCount("a\rb\nc\r\n\r\nd")).toBe(8);
    // LF CR is two characters (only CR then LF pair up).
    expect(graphemeCount("\n\r")).toBe(2);
  });
  test("a mixed text: every case at once", () => {
    // T o p ␣ 👍🏽 ␣ é ␣ 🇫🇷 ␣ 漢 字 ␣ 👨‍👩‍👧 = 14 characters -> 3 words.
    const text = `Top ${THUMBS_UP_MEDIUM} ${E_ACUTE} ${FLAG_FR} 漢字 ${FAMILY}`;
    expect(graphemeCount(text)).toBe(14);
    expect(wordsInText(text)).toBe(3);
    // LEN: 4 + 4 + 1 + 2 + 1 + 4 + 1 + 2 + 1 + 8 = 28 -> 6 words.
    expect(characterCount(text, "len")).toBe(28);
    expect(wordsInText(text, "len")).toBe(6);
  });
});

describe("the fast paths agree with the segmenter", () => {
  // Intl.Segmenter is ES2022; the project's TypeScript lib is ES2020.
  const segmenter = new (Intl as any).Segmenter("en", { granularity: "grapheme" });
  const segments = (s: string) => [...(segmenter.segment(s) as Iterable<unknown>)].length;

  test("plain ASCII and accented Latin-1 or CJK texts skip the segmenter", () => {
    expect(isSimpleText("Return my order!")).toBe(true);
    expect(isSimpleText("Caf\u00e9 \u00fcber 漢字")).toBe(true);
    expect(isSimpleText(`Caf${E_ACUTE}`)).toBe(false);
    expect(isSimpleText(THUMBS_UP_MEDIUM)).toBe(false);
  });
  test("every BMP code unit the fast path accepts is one grapheme, alone, doubled and next to others", () => {
    // A text the fast path accepts has one grapheme per code unit (CR LF aside, handled apart):
    // checked for every such code unit c in "c c a c é c 漢 c", 32 code units to a segmenter call.
    const wrong: string[] = [];
    for (let block = 0; block < 0x10000; block += 32) {
      let s = "";
      for (let u = block; u < block + 32; u++) {
        const c = String.fromCharCode(u);
        if (isSimpleText(c) && u !== 0x0d && u !== 0x0a) s += `${c}${c}a${c}\u00e9${c}漢${c}`;
      }
      if (!isSimpleText(s) || segments(s) !== s.length) wrong.push(block.toString(16));
    }
    expect(wrong).toEqual([]);
  });
  test("texts mixing simple and complex pieces count as the segmenter counts the whole text", () => {
    // Pieces that join their neighbours in every way UAX #29 allows: marks after a letter, a
    // virama between consonants, ZWJ between pictographs (BMP ones too), regional indicators,
    // Hangul jamo around a syllable, Prepend, CR LF at every edge.
    const pieces = [
      "a",
      "e",
      " ",
      "\r",
      "\n",
      "\r\n",
      "\u00e9",
      "漢",
      "\u0301",
      "\u0302",
      THUMBS_UP_MEDIUM,
      "\u{1F3FD}",
      "\u{1F1EB}",
      "\u{1F1F7}",
      "\u200d",
      "\u263a",
      "\ufe0f",
      "\u0915",
      "\u094d",
      "\u0937",
      "\u1112",
      "\u1161",
      "\u11ab",
      "\ud55c",
      "\u0600",
      "\u0e01",
      "\u0e33",
      "\ud83d",
      FAMILY,
      CJK_EXT_B,
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (parts) => {
        const s = parts.join("");
        expect(graphemeCount(s)).toBe(segments(s));
      }),
      { numRuns: 3000 },
    );
  });
  test("the whitelisted fast path (emoji, flags, keycaps, tags, combining accents) counts as the segmenter", () => {
    // Code points the fast path classifies itself, and their neighbours that it must not join:
    // controls (tab, soft hyphen) before an extender, ZWJ after a non-pictograph, odd runs of
    // regional indicators, tag sequences (subdivision flags), keycaps, text/emoji selectors.
    const pieces = [
      "a",
      "#",
      "1",
      "\t",
      "\u00ad",
      "\r",
      "\n",
      "\u0300",
      "\u0301",
      "\u1dc0",
      "\u20e3",
      "\ufe0e",
      "\ufe0f",
      "\u200d",
      "\u2764",
      "\u00a9",
      "\u{1F468}",
      "\u{1F469}",
      "\u{1F9D1}",
      "\u{1F3FB}",
      "\u{1F3FF}",
      "\u{1F3F4}",
      "\u{E0067}",
      "\u{E0062}",
      "\u{E007F}",
      "\u{1F1FA}",
      "\u{1F1F8}",
      "\u{1F1EF}",
      "\u0915",
      "\u094d",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 20 }), (parts) => {
        const s = parts.join("");
        expect(graphemeCount(s)).toBe(segments(s));
      }),
      { numRuns: 5000 },
    );
  });
  test("graphemeCount matches the segmenter on the grapheme cases", () => {
    for (const s of [THUMBS_UP_MEDIUM, E_ACUTE, FLAG_FR, FAMILY, HANGUL_JAMO, CJK_EXT_B, "a\r\nb", "\r\n\r\n", "x\u0301\u0302y"]) {
      expect({ s, n: graphemeCount(s) }).toEqual({ s, n: segments(s) });
    }
  });
});

describe("a range of texts", () => {
  test("each text is counted on its own, then summed; blanks count 0", () => {
    // 3 + 4 + 0 + 0 + 1 = 8 (not ceil((15 + 16 + 1) / 5) = 7).
    expect(
      translatedWords([
        ["Return my order", "Return my order!"],
        [null, ""],
        ["?", undefined],
      ]),
    ).toBe(8);
  });
  test("a single text, a flat array, an empty range", () => {
    expect(translatedWords("Return my order")).toBe(3);
    expect(translatedWords(["Return my order", "abc"])).toBe(4);
    expect(translatedWords([])).toBe(0);
    expect(translatedWords(null)).toBe(0);
  });
  test("the options count the same range differently", () => {
    const range = [[`Thanks ${THUMBS_UP_MEDIUM}`], [`Hi ${FLAG_FR}`]];
    // Characters: 2 + 1 = 3; LEN: 3 + 2 = 5.
    expect(translatedWords(range, "characters")).toBe(3);
    expect(translatedWords(range, "len")).toBe(5);
  });
  test("a number counts as its text as Excel writes it (LEN(123) is 3)", () => {
    // 123 -> "123", 1 word; 123456 -> 6 characters, 2 words; a date serial 45658 -> 1 word;
    // 1/3 -> "0.333333333333333" (15 significant digits), 17 characters, 4 words.
    expect(translatedWords([[123], [123456], [45658], [1 / 3]])).toBe(1 + 2 + 1 + 4);
    expect(translatedWords(-0)).toBe(1);
  });
  test("TRUE/FALSE or NaN in the range is #VALUE! naming the cell", () => {
    expect(errorOf(() => translatedWords([["ok"], [true]]))).toEqual({
      kind: "value",
      message: "texts (row 2, column 1) must be text; got TRUE.",
    });
    expect(errorOf(() => translatedWords([["ok", Number.NaN]]))).toEqual({
      kind: "value",
      message: "texts (row 1, column 2) must be text; got NaN.",
    });
    expect(errorOf(() => translatedWords(false))).toEqual({ kind: "value", message: "texts (row 1, column 1) must be text; got FALSE." });
  });
});

describe("numbers as text (15 significant digits, as Excel)", () => {
  test("everyday numbers", () => {
    expect([123, 0.5, -5, 0, 45658, 123456789012345].map(numberText)).toEqual(["123", "0.5", "-5", "0", "45658", "123456789012345"]);
  });
  test("15 significant digits: 1/3 and 0.1 + 0.2", () => {
    expect(numberText(1 / 3)).toBe("0.333333333333333");
    expect(numberText(0.1 + 0.2)).toBe("0.3");
  });
  test("E notation from 1E+15 and below 1E-9", () => {
    expect(numberText(1e15)).toBe("1E+15");
    expect(numberText(2 ** 60)).toBe("1.15292150460685E+18");
    expect(numberText(1e-9)).toBe("0.000000001");
    expect(numberText(1.5e-10)).toBe("1.5E-10");
  });
});

describe("the fee: words x $0.0005 unless the Order says otherwise", () => {
  test("3 words cost exactly 0.0015", () => {
    expect(translationFee(3).toString()).toBe("0.0015");
    expect(translationFee(3).toNumber()).toBe(0.0015);
  });
  test("a million words cost 500; 0 words cost 0", () => {
    expect(translationFee(1_000_000).toString()).toBe("500");
    expect(translationFee(0).toString()).toBe("0");
  });
  test("an Order's price replaces the default: 9 words at 0.0006 is 0.0054", () => {
    // In binary floating point 9 x 0.0006 is 0.005399999999999999; exactly it is 0.0054.
    expect(translationFee(9, new Money("0.0006")).toNumber()).toBe(0.0054);
  });
  test("negative words or price are #NUM!", () => {
    expect(errorOf(() => translationFee(-1))).toEqual({ kind: "num", message: "words must not be negative; got -1." });
    expect(errorOf(() => translationFee(1, new Money("-0.1")))).toEqual({
      kind: "num",
      message: "price_per_word must not be negative; got -0.1.",
    });
  });
});
