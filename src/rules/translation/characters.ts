/**
 * Counting characters of a text to translate (usage-terms A.3: "A translated word is equal to 5
 * characters, including spaces and punctuation").
 *
 * Decision (docs/terms.md): characters are counted as a reader counts them, i.e. as Unicode extended
 * grapheme clusters: an emoji with a skin tone, a flag, or e + a combining accent is one
 * character; a CR LF line break is one character too. Counting as Excel's LEN (UTF-16 code
 * units: the thumbs-up with a skin tone is 4) is the option "len".
 *
 * Graphemes are counted by `unicode-segmenter` (MIT, Unicode 17 / UAX #29 revision 47): a
 * table-driven state machine, linear in the text's length, about 20 ns per code point on every
 * script (Latin, CJK, Thai, Devanagari, Hangul jamo, emoji sequences, lone surrogates alike),
 * with no Intl.Segmenter needed. test/rules/translation checks the result against
 * Intl.Segmenter for every code point and over every script.
 */
import { countGraphemes } from "unicode-segmenter/grapheme";

export type CountAs = "characters" | "len";

export const COUNT_AS: ReadonlyArray<{ readonly names: readonly string[]; readonly value: CountAs }> = [
  { names: ["characters", "graphemes", "grapheme clusters", "reader"], value: "characters" },
  { names: ["len", "code units", "utf-16", "utf16"], value: "len" },
];

/** Grapheme clusters in a text, as a reader counts characters; linear in its length. */
export function graphemeCount(text: string): number {
  return countGraphemes(text);
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
  const sign = n < 0 ? "-" : "";
  // toExponential(14) rounds to 15 significant digits, written "d.dddddddddddddde+x" (the first
  // digit never 0, the exponent from index 17); the digits are kept without trailing zeros.
  const s = (n < 0 ? -n : n).toExponential(14);
  const exp = Number(s.slice(17));
  let end = 16;
  while (s.charCodeAt(end - 1) === 0x30) end--; // "0"
  const digits = s[0] + s.slice(2, end);
  if (exp >= 15 || exp < -9) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}E${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
  const fraction = digits.slice(exp + 1);
  return `${sign}${whole}${fraction ? "." + fraction : ""}`;
}
