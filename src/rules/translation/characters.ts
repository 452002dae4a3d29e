/**
 * Counting characters of a text to translate (usage-terms A.3: "A translated word is equal to 5
 * characters, including spaces and punctuation").
 *
 * Decision (domain.md): characters are counted as a reader counts them, i.e. as Unicode extended
 * grapheme clusters: an emoji with a skin tone, a flag, or e + a combining accent is one
 * character; a CR LF line break is one character too. Counting as Excel's LEN (UTF-16 code
 * units: the thumbs-up with a skin tone is 4) is the option "len".
 *
 * Speed: most texts are plain ASCII, or letters that never join a neighbour (precomposed
 * accented letters, CJK ideographs, kana, Hangul syllables): there a grapheme is a code unit, CR
 * LF aside, and the text is counted by a scan of its code units (see COMPLEX). From the first
 * code unit that may join a neighbour on, the text is counted by `unicode-segmenter` (MIT,
 * Unicode 17 / UAX #29 revision 47): a table-driven state machine, linear in the text's length,
 * about 20 ns per code point on every script (Thai, Devanagari, Hangul jamo, emoji sequences,
 * lone surrogates alike), with no Intl.Segmenter needed. test/rules/translation checks the
 * result against Intl.Segmenter for every code point and over every script.
 */
import { countGraphemes } from "unicode-segmenter/grapheme";

export type CountAs = "characters" | "len";

export const COUNT_AS: ReadonlyArray<{ readonly names: readonly string[]; readonly value: CountAs }> = [
  { names: ["characters", "graphemes", "grapheme clusters", "reader"], value: "characters" },
  { names: ["len", "code units", "utf-16", "utf16"], value: "len" },
];

/**
 * Code points that may form a grapheme cluster with a neighbour (Unicode UAX #29): combining and
 * spacing marks (\p{M}, which holds Grapheme_Extend's marks, the viramas of Indic conjuncts and
 * most SpacingMark), ZWNJ/ZWJ, the halfwidth kana sound marks, Thai/Lao SARA AM, the Hangul
 * jamo (L, V, T), the BMP Prepend characters, and everything outside the BMP (emoji, modifiers,
 * regional indicators, tags) or a lone surrogate. Every other code unit ("simple") is a
 * grapheme of its own, CR LF aside, and between two simple code units there is always a
 * grapheme boundary (no rule of UAX #29 joins two of them, CR LF aside). Nothing below U+0300
 * is complex.
 */
const COMPLEX =
  "\\p{M}\\u200c\\u200d\\uff9e\\uff9f\\u0e33\\u0eb3\\u1100-\\u11ff\\ua960-\\ua97f\\ud7b0-\\ud7ff\\u0600-\\u0605\\u06dd\\u070f\\u0890\\u0891\\u08e2\\u0d4e\\ud800-\\udfff\\u{10000}-\\u{10ffff}";
/** The first code unit that may be complex (U+0300, COMBINING GRAVE ACCENT). */
const FIRST_COMPLEX = 0x300;

/**
 * Which UTF-16 code units are complex, as a table built on the first text that reaches U+0300
 * (64k tests of a Unicode regex, once), so the scan is a table lookup per code unit.
 */
let complexUnits: Uint8Array | undefined;
function complexTable(): Uint8Array {
  if (complexUnits) return complexUnits;
  // The class lists marks and ZWJ one by one, on purpose: it matches each, never a sequence.
  // eslint-disable-next-line no-misleading-character-class
  const complex = new RegExp(`[${COMPLEX}]`, "u");
  const t = new Uint8Array(0x10000);
  for (let c = FIRST_COMPLEX; c < 0x10000; c++) t[c] = (c >= 0xd800 && c <= 0xdfff) || complex.test(String.fromCharCode(c)) ? 1 : 0;
  complexUnits = t;
  return t;
}

/** Index of the first complex code unit, or the text's length. */
function firstComplex(text: string): number {
  const len = text.length;
  let i = 0;
  while (i < len && text.charCodeAt(i) < FIRST_COMPLEX) i++;
  if (i === len) return len;
  const t = complexTable();
  while (i < len && t[text.charCodeAt(i)] === 0) i++;
  return i;
}

/** True when the text can be counted by its code units (every code unit is a grapheme, CR LF aside). */
export function isSimpleText(text: string): boolean {
  return firstComplex(text) === text.length;
}

/** Graphemes in text[0, to) when every code unit there is simple: its length less its CR LF pairs. */
function simpleCount(text: string, to: number): number {
  let n = to;
  let i = text.indexOf("\r\n");
  while (i >= 0 && i + 1 < to) {
    n--;
    i = text.indexOf("\r\n", i + 2);
  }
  return n;
}

/**
 * Grapheme clusters in a text, as a reader counts characters; linear in its length.
 *
 * The simple code units before the first complex one are a grapheme each (CR LF aside); the
 * rest, from the code unit before the first complex one (the e before a combining accent, the
 * consonant before a virama, the pictograph before a ZWJ: every rule of UAX #29 that reaches
 * further back needs a complex code unit there), goes to the segmenter. There is a boundary
 * before that code unit, as between any two simple code units, unless it is the LF of a CR LF,
 * which then starts the rest.
 */
export function graphemeCount(text: string): number {
  const len = text.length;
  const i = firstComplex(text);
  if (i === len) return simpleCount(text, len);
  let start = i > 0 ? i - 1 : 0;
  if (start > 0 && text.charCodeAt(start) === 0x0a && text.charCodeAt(start - 1) === 0x0d) start--;
  return simpleCount(text, start) + countGraphemes(start === 0 ? text : text.slice(start));
}

/** Characters of a text: grapheme clusters, or UTF-16 code units as Excel's LEN counts. */
export function characterCount(text: string, countAs: CountAs): number {
  return countAs === "len" ? text.length : graphemeCount(text);
}

/**
 * A number as the text Excel makes of it (as =A1&"" does): at most 15 significant digits, so
 * 123 is "123" and 1/3 is "0.333333333333333". Decision: E notation (Excel's style, "1E+15",
 * "1.5E-10") from 1E+15 up and below 1E-9, where the 15 digits would not otherwise show.
 */
export function numberText(n: number): string {
  if (n === 0 || !Number.isFinite(n)) return "0";
  const a = n < 0 ? -n : n;
  // Fast paths (a range of 100k numbers is common): a whole number below 1E+15 is its own
  // text; from 1E-6 to 1E+15, toPrecision(15) rounds to the same 15 digits as toExponential(14)
  // (one rounding rule in ECMAScript for both) and writes them without an exponent, so only
  // the fraction's trailing zeros are left to trim.
  if (a < 1e15) {
    if (Number.isInteger(n)) return String(n);
    if (a >= 1e-6) {
      const p = n.toPrecision(15);
      if (p.indexOf("e") < 0) {
        if (p.indexOf(".") < 0) return p; // 15 digits before the point: nothing to trim
        let end = p.length;
        while (p.charCodeAt(end - 1) === 0x30) end--; // "0"
        if (p.charCodeAt(end - 1) === 0x2e) end--; // "."
        return p.slice(0, end);
      }
    }
  }
  const sign = n < 0 ? "-" : "";
  const [mantissa, e] = Math.abs(n).toExponential(14).split("e");
  const exp = Number(e);
  // toExponential(14) rounds to 15 significant digits; the first is never 0.
  const digits = mantissa.replace(".", "").replace(/0+$/, "");
  if (exp >= 15 || exp < -9) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}E${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
  const fraction = digits.slice(exp + 1);
  return `${sign}${whole}${fraction ? "." + fraction : ""}`;
}
