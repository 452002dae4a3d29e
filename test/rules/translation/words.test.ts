import { characterCount, graphemeCount, numberText } from "../../../src/rules/translation/characters";
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

describe("scripts beyond Latin, counted without Intl.Segmenter", () => {
  // Thai and Devanagari worked by hand from UAX #29 (GB9: no break before an Extend or
  // SpacingMark; GB9c: no break inside a consonant + virama + consonant conjunct).
  const THAI = "\u0e2a\u0e27\u0e31\u0e2a\u0e14\u0e35"; // สวัสดี: ส | ว+ั | ส | ด+ี = 4
  const HINDI = "\u0928\u092e\u0938\u094d\u0924\u0947"; // नमस्ते: न | म | स+्+त+े = 3
  const intl = Intl as unknown as { Segmenter?: unknown };
  const saved = intl.Segmenter;
  afterEach(() => {
    intl.Segmenter = saved;
  });
  test("Thai, Devanagari, jamo and emoji count the same with no Intl.Segmenter in the runtime", () => {
    delete intl.Segmenter;
    // Fresh modules, loaded without Intl.Segmenter (nothing made before the delete is reused).
    jest.isolateModules(() => {
      /* eslint-disable @typescript-eslint/no-require-imports */
      const fresh = require("../../../src/rules/translation/characters");
      const words = require("../../../src/rules/translation/words");
      /* eslint-enable @typescript-eslint/no-require-imports */
      expect(fresh.graphemeCount(THAI)).toBe(4);
      expect(fresh.graphemeCount(HINDI)).toBe(3);
      expect(fresh.graphemeCount(HANGUL_JAMO)).toBe(1);
      // T o p ␣ 👍🏽 ␣ 👨‍👩‍👧 = 7.
      expect(fresh.graphemeCount(`Top ${THUMBS_UP_MEDIUM} ${FAMILY}`)).toBe(7);
      // 4 + 3 = 7 characters -> 2 words.
      expect(words.translatedWords([[THAI], [HINDI]])).toBe(2);
    });
  });
  test("lone surrogates and reversed pairs are one character each", () => {
    // A lone surrogate is a Control-class code point of its own (GB4/GB5); a low then a high
    // surrogate is no pair: two characters. A high then a low is one code point, 1 character.
    expect(graphemeCount("\ud800")).toBe(1);
    expect(graphemeCount("\udc00\ud800")).toBe(2);
    expect(graphemeCount("\ud800\udc00")).toBe(1);
    // low, high+low, high: 3.
    expect(graphemeCount("\udc00\ud800\udc00\ud800")).toBe(3);
  });
});

describe("graphemeCount agrees with Intl.Segmenter on every script", () => {
  // The reference: the runtime's own UAX #29 (ICU). Node 20.20 ships ICU 78 (Unicode 17), the
  // version unicode-segmenter 0.17 follows (UAX #29 revision 47), and the two agree on every
  // case below; over all 1,114,112 code points in the shape of the exhaustive test, they
  // differed nowhere (checked once, outside the suite). Decision where they would differ: the
  // current UAX #29 wins. An older ICU (Unicode < 15.1) lacks rule GB9c (Devanagari conjuncts):
  // there the Indic cases are checked against GB9c as worked by hand above. (Before this
  // change, the hand-written classes miscounted unassigned code points in U+1AC0-1AFF and
  // U+20E0-20FF, which they took for combining marks.)
  // Intl.Segmenter is ES2022; the project's TypeScript lib is ES2020.
  const segmenter = new (Intl as any).Segmenter("en", { granularity: "grapheme" });
  const segments = (s: string) => [...(segmenter.segment(s) as Iterable<unknown>)].length;
  const [major, minor] = (process.versions.unicode ?? "0.0").split(".").map(Number);
  const icuHasGb9c = major > 15 || (major === 15 && minor >= 1);
  // unicode-segmenter 0.17 follows Unicode 17. An ICU of an older Unicode does not know the
  // characters assigned since: there those (unassigned to the runtime, \p{Cn}) are left out.
  const unassignedToIcu = major < 17 ? /\p{Cn}/u : undefined;

  test("letters that never join a neighbour, then a combining mark or an emoji sequence", () => {
    // Precomposed é, ü, ideographs and Hangul syllables are one character each: "Café über 漢字 한국어" is
    // C a f é ␣ ü b e r ␣ 漢 字 ␣ 한 국 어 = 16.
    expect(graphemeCount("Caf\u00e9 \u00fcber 漢字 한국어")).toBe(16);
    // 漢 字 ␣ C a f é (e + combining acute) = 7.
    expect(graphemeCount(`漢字 Caf${E_ACUTE}`)).toBe(7);
    // CR LF just before the first complex code unit stays one character: a CR LF 👍🏽 = 3.
    expect(graphemeCount(`a\r\n${THUMBS_UP_MEDIUM}`)).toBe(3);
  });
  test("every code point of the BMP and the emoji and tag planes, alone and between neighbours", () => {
    // Each code point c in "c c a c é c 漢 c", 32 code points to a comparison.
    const wrong: string[] = [];
    const blocks: number[] = [];
    for (let b = 0; b < 0x10000; b += 32) blocks.push(b);
    for (let b = 0x1f000; b < 0x1fc00; b += 32) blocks.push(b);
    for (let b = 0xe0000; b < 0xe0200; b += 32) blocks.push(b);
    for (const block of blocks) {
      if (!icuHasGb9c && block >= 0x900 && block < 0xe00) continue; // Indic: see above
      let s = "";
      for (let u = block; u < block + 32; u++) {
        const c = String.fromCodePoint(u);
        if (unassignedToIcu?.test(c)) continue;
        s += `${c}${c}a${c}\u00e9${c}漢${c}`;
      }
      if (graphemeCount(s) !== segments(s)) wrong.push(block.toString(16));
    }
    expect(wrong).toEqual([]);
  });
  test("random texts mixing Thai, Devanagari, jamo, emoji sequences, flags, keycaps and surrogates", () => {
    const range = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((c) => String.fromCodePoint(c));
    const piece = fc.oneof(
      range(0x20, 0x7e), // ASCII
      range(0xa0, 0x2ff), // Latin-1 and Latin Extended (© is a pictograph that ZWJ may join)
      range(0x4e00, 0x4e20), // CJK ideographs
      fc.constantFrom("\r", "\n", "\r\n", "\t", "\u00ad"), // CR LF, controls
      range(0x0e00, 0x0e7f), // Thai (SARA AM, marks)
      ...(icuHasGb9c ? [range(0x0900, 0x097f), fc.constantFrom("\u0915\u094d\u0937", "\u0915\u094d\u200d\u0937")] : []), // Devanagari, conjuncts
      range(0x1100, 0x11ff), // Hangul jamo L, V, T
      range(0xa960, 0xa97f),
      range(0xd7b0, 0xd7ff),
      range(0xac00, 0xd7a3), // Hangul syllables LV, LVT
      range(0xd800, 0xdfff), // lone surrogates, and reversed pairs where a low follows a high
      range(0x0300, 0x036f), // combining marks
      range(0x0600, 0x0605), // Prepend
      range(0x1f1e6, 0x1f1ff), // regional indicators (flags)
      range(0x1f300, 0x1faff), // pictographs
      range(0x1f3fb, 0x1f3ff), // skin tones
      fc.constantFrom("\u200d", "\u200c", "\ufe0f", "\ufe0e", "\u20e3", "#\ufe0f\u20e3", "1\u20e3"), // ZWJ, ZWNJ, selectors, keycaps
      fc.constantFrom(FAMILY, THUMBS_UP_MEDIUM, FLAG_FR, "\u{1F3F4}\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}", "\u2764\ufe0f"),
      range(0xe0020, 0xe007f), // tags
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const s = parts.join("");
        expect({ s, n: graphemeCount(s) }).toEqual({ s, n: segments(s) });
      }),
      { numRuns: 4000 },
    );
  });
  test("the grapheme cases", () => {
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
  test("15 significant digits at the edges: rounding up to 1E+15, ties away from zero, just below 1E-6", () => {
    // 100000000000000.4 has 16 digits: the 16th (4) rounds down, "100000000000000".
    expect(numberText(100000000000000.4)).toBe("100000000000000");
    // 999999999999999.5: the 16th digit 5 rounds up to 1.00000000000000E+15, written "1E+15".
    expect(numberText(999999999999999.5)).toBe("1E+15");
    // 123456789012345.6 rounds to 123456789012346; 2265739692.375064 to 2265739692.37506.
    expect(numberText(123456789012345.6)).toBe("123456789012346");
    expect(numberText(2265739692.375064)).toBe("2265739692.37506");
    // 1E-6 is 0.000001; 1E-6 - 2^-72 is 9.999999999999997...E-7, 1.00000000000000E-6 at 15 digits.
    expect(numberText(1e-6)).toBe("0.000001");
    expect(numberText(1e-6 - 2 ** -72)).toBe("0.000001");
    // 0.1 + 0.7 is 0.7999999999999999 (16 nines' worth): 0.800000000000000, "0.8".
    expect(numberText(0.1 + 0.7)).toBe("0.8");
    // 1E+14 + 0.5 = 100000000000000.5 exactly: a tie at the 16th digit, taken away from zero.
    expect(numberText(1e14 + 0.5)).toBe("100000000000001");
    // Negative numbers take the sign before the digits: -0.000123 and -1.5E+20.
    expect(numberText(-0.000123)).toBe("-0.000123");
    expect(numberText(-1.5e20)).toBe("-1.5E+20");
    // Zeros inside the whole part stay: 1200.5 and 1E+14 (15 digits, no exponent).
    expect(numberText(1200.5)).toBe("1200.5");
    expect(numberText(1e14)).toBe("100000000000000");
    // Infinity and NaN never reach here from a cell; they are "0" rather than a crash.
    expect([Infinity, NaN].map(numberText)).toEqual(["0", "0"]);
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
