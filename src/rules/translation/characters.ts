/**
 * Counting characters of a text to translate (usage-terms A.3: "A translated word is equal to 5
 * characters, including spaces and punctuation").
 *
 * Decision (domain.md): characters are counted as a reader counts them, i.e. as Unicode extended
 * grapheme clusters: an emoji with a skin tone, a flag, or e + a combining accent is one
 * character; a CR LF line break is one character too. Counting as Excel's LEN (UTF-16 code
 * units: the thumbs-up with a skin tone is 4) is the option "len".
 *
 * Speed: most texts are plain ASCII, where a grapheme is a code unit except CR LF; those are
 * counted without the segmenter (Intl.Segmenter costs about a microsecond per grapheme). A
 * non-ASCII text goes to the segmenter only for the pieces around code points that can join
 * a neighbour (see COMPLEX); a text of, say, precomposed accented letters or CJK ideographs is
 * counted as its length, and "Thanks 👍🏽" segments only " 👍🏽".
 */
import { valueError } from "../core/errors";

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
 * grapheme boundary (no rule of UAX #29 joins two of them, CR LF aside).
 * test/rules/translation checks this set against the segmenter for every BMP code unit.
 */
const COMPLEX =
  "\\p{M}\\u200c\\u200d\\uff9e\\uff9f\\u0e33\\u0eb3\\u1100-\\u11ff\\ua960-\\ua97f\\ud7b0-\\ud7ff\\u0600-\\u0605\\u06dd\\u070f\\u0890\\u0891\\u08e2\\u0d4e\\ud800-\\udfff\\u{10000}-\\u{10ffff}";
// The class lists marks and ZWJ one by one, on purpose: it matches each, never a sequence.
// eslint-disable-next-line no-misleading-character-class
const NEEDS_SEGMENTER = new RegExp(`[${COMPLEX}]`, "u");

/**
 * Which UTF-16 code units are complex (in COMPLEX, or a surrogate: a code point beyond the BMP),
 * as a table built from NEEDS_SEGMENTER on the first non-ASCII text (about 64k tests, once), so
 * the scan of a text is a table lookup per code unit instead of a Unicode-aware regex. Nothing
 * below U+0300 is complex.
 */
let complexUnits: Uint8Array | undefined;
function complexTable(): Uint8Array {
  if (complexUnits) return complexUnits;
  const t = new Uint8Array(0x10000);
  for (let c = 0x300; c < 0x10000; c++) t[c] = (c >= 0xd800 && c <= 0xdfff) || NEEDS_SEGMENTER.test(String.fromCharCode(c)) ? 1 : 0;
  complexUnits = t;
  return t;
}

/** Index of the first complex code unit at or after `from`, or the text's length. */
function nextComplex(text: string, from: number): number {
  const len = text.length;
  let i = from;
  while (i < len && text.charCodeAt(i) < 0x300) i++;
  if (i === len) return len;
  const t = complexTable();
  while (i < len && t[text.charCodeAt(i)] === 0) i++;
  return i;
}

/** End (exclusive) of the run of complex code units starting at `from`. */
function runEnd(text: string, from: number): number {
  const t = complexTable();
  let i = from + 1;
  while (i < text.length && t[text.charCodeAt(i)] === 1) i++;
  return i;
}

interface GraphemeSegmenter {
  segment(text: string): Iterable<unknown>;
}
type SegmenterConstructor = new (locale: string, options: { granularity: "grapheme" }) => GraphemeSegmenter;

let segmenter: GraphemeSegmenter | undefined;

/** Intl.Segmenter (ES2022; Excel's WebView2 and Safari runtimes and Node 16+ have it), made once. */
function graphemeSegmenter(): GraphemeSegmenter {
  if (segmenter) return segmenter;
  const Ctor = (Intl as unknown as { Segmenter?: SegmenterConstructor }).Segmenter;
  if (typeof Ctor !== "function") {
    throw valueError(
      'This Excel cannot split text into characters as a reader counts them (no Intl.Segmenter); use count_as "len" to count as Excel\'s LEN.',
    );
  }
  segmenter = new Ctor("en", { granularity: "grapheme" });
  return segmenter;
}

// Classes for the whitelisted fast path of `pieceCount` (UAX #29 rules GB3-GB5, GB9, GB9a, GB11,
// GB12-13 restricted to these code points; anything else goes to the segmenter).
const BASE = 0; // a simple code unit that is not a control
const CONTROL = 1; // \p{Cc}, \p{Cf}, line/paragraph separators: never joined by an extender (GB4-5)
const CR = 2;
const LF = 3;
const PICT = 4; // Extended_Pictographic: may be joined after ZWJ (GB11)
const EXT = 5; // emoji modifiers, variation selectors, tags, keycap, Latin/Greek/Cyrillic combining marks
const ZWJ = 6;
const RI = 7; // regional indicators: pairs make one flag (GB12-13)
const OTHER = 8; // not whitelisted: the piece goes to the segmenter
const IS_PICT = /\p{Extended_Pictographic}/u;
const IS_CONTROL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

function classOf(cp: number, complex: boolean): number {
  if (cp === 0x0d) return CR;
  if (cp === 0x0a) return LF;
  if (cp === 0x200d) return ZWJ;
  if (
    (cp >= 0x1f3fb && cp <= 0x1f3ff) || // emoji modifiers (skin tones)
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors
    (cp >= 0xe0020 && cp <= 0xe007f) || // tags (subdivision flags)
    cp === 0x20e3 || // combining enclosing keycap
    (cp >= 0x0300 && cp <= 0x036f) || // combining diacritical marks
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe20 && cp <= 0xfe2f)
  )
    return EXT;
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) return RI;
  const ch = String.fromCodePoint(cp);
  if (IS_PICT.test(ch)) return PICT;
  if (complex) return OTHER;
  return IS_CONTROL.test(ch) ? CONTROL : BASE;
}

/**
 * Graphemes of a piece without the segmenter, when every code point is whitelisted (see the
 * classes above); undefined otherwise. Covers emoji with skin tones, ZWJ sequences, keycaps,
 * flags and letters with combining accents: the common non-ASCII pieces of support texts.
 */
function pieceCount(text: string): number | undefined {
  let n = 0;
  let prev = -1; // class of the previous code point; -1 at the start
  let pictChain = false; // the cluster so far is PICT EXT* (ZWJ may follow and join a PICT)
  let afterPictZwj = false; // the cluster so far is PICT EXT* ZWJ
  let riRun = 0; // regional indicators in a row
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) as number;
    if (cp > 0xffff) i++;
    const c = classOf(cp, cp > 0xffff || complexTable()[cp] === 1);
    if (c === OTHER) return undefined;
    let join: boolean;
    if (prev === -1) join = false;
    else if (c === LF)
      join = prev === CR; // GB3
    else if (prev === CR || prev === LF || prev === CONTROL)
      join = false; // GB4
    else if (c === CR || c === CONTROL)
      join = false; // GB5
    else if (c === EXT || c === ZWJ)
      join = true; // GB9
    else if (c === PICT && afterPictZwj)
      join = true; // GB11
    else if (c === RI && prev === RI && riRun % 2 === 1)
      join = true; // GB12-13
    else join = false;
    if (!join) n++;
    // State for the next code point.
    if (!join) {
      pictChain = c === PICT;
      afterPictZwj = false;
    } else if (c === ZWJ) {
      afterPictZwj = pictChain;
      pictChain = false;
    } else if (c === PICT) {
      pictChain = true;
      afterPictZwj = false;
    } else if (c !== EXT) {
      pictChain = false;
      afterPictZwj = false;
    } else afterPictZwj = false;
    riRun = c === RI ? riRun + 1 : 0;
    prev = c;
  }
  return n;
}

/** Graphemes of a (short) text, by the segmenter. */
function segmentCount(text: string): number {
  const it = graphemeSegmenter().segment(text)[Symbol.iterator]();
  let n = 0;
  while (!it.next().done) n++;
  return n;
}

/** Graphemes in text[from, to) when every code unit there is simple: its length less its CR LF pairs. */
function simpleCount(text: string, from: number, to: number): number {
  let n = to - from;
  let i = text.indexOf("\r\n", from);
  while (i >= 0 && i + 1 < to) {
    n--;
    i = text.indexOf("\r\n", i + 2);
  }
  return n;
}

/** True when the text can be counted without the segmenter (every code unit is a grapheme, CR LF aside). */
export function isSimpleText(text: string): boolean {
  return nextComplex(text, 0) === text.length;
}

/**
 * Grapheme clusters in a text, as a reader counts characters.
 *
 * Only the pieces that need it go to the segmenter (which is slow, and slower than linear on
 * long texts in some engines): each run of complex code points with one simple code unit on
 * either side (the e before a combining accent, the consonant after a virama), runs that
 * share a neighbour taken together, a CR LF never split. Everything else is counted as its
 * length less its CR LF pairs.
 */
export function graphemeCount(text: string): number {
  const len = text.length;
  let i = nextComplex(text, 0);
  if (i === len) return simpleCount(text, 0, len);
  let total = 0;
  let pos = 0; // text before pos is counted
  while (i < len) {
    let end = runEnd(text, i);
    let from = i > pos ? i - 1 : pos;
    if (from > pos && text.charCodeAt(from) === 0x0a && text.charCodeAt(from - 1) === 0x0d) from--;
    let to = end + 1;
    let next = nextComplex(text, end);
    while (next < len && next - 1 < to) {
      end = runEnd(text, next);
      to = end + 1;
      next = nextComplex(text, end);
    }
    if (to > len) to = len;
    if (to < len && text.charCodeAt(to - 1) === 0x0d && text.charCodeAt(to) === 0x0a) to++;
    const piece = text.slice(from, to);
    total += simpleCount(text, pos, from) + (pieceCount(piece) ?? segmentCount(piece));
    pos = to;
    i = next;
  }
  return total + simpleCount(text, pos, len);
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
