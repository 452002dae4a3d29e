/**
 * Premium Translated Words and their fee (usage-terms A.3).
 *
 * - A Premium Translated Word is 5 characters, spaces and punctuation included: "Return my
 *   order" is 15 characters, so 3 words.
 * - $0.0005 per Premium Translated Word unless the Order says otherwise.
 *
 * Decision (docs/terms.md): each text is counted on its own and a partial word rounds up (16
 * characters are 4 words); a month's words are the sum over its texts. Characters are counted
 * as a reader counts them (see ./characters), or as Excel's LEN as an option.
 *
 * Cells of a texts range: blank (empty or "") counts 0. Decision: a number counts as the text
 * Excel makes of it (123 is 3 characters, as LEN(123) is 3; a date cell is its serial, 45658).
 * TRUE/FALSE and anything else that is not text or a number is #VALUE!: a text to translate is
 * never a truth value, so such a cell is a mistake in the range.
 */
import { cellValue } from "../core/args";
import { describe, Msg, numError, valueError } from "../core/errors";
import { Money, type Money as MoneyT, toExcelNumber } from "../core/money";
import { TRANSLATION_PRICE } from "../rates/translation";
import { characterCount, type CountAs, numberText } from "./characters";

// Built-ins read once: in a sandboxed runtime every lookup of a global (Math, Array) is slow,
// and these run once per text.
const ceil = Math.ceil;
const isArray = Array.isArray;

const RATE = TRANSLATION_PRICE.rows[0];
/** Characters per Premium Translated Word (5). */
export const CHARACTERS_PER_WORD: number = RATE.charactersPerWord;
/** The default price of one Premium Translated Word (0.0005 USD), exact. */
export const DEFAULT_PRICE_PER_WORD: MoneyT = new Money(RATE.pricePerWord);

/** Premium Translated Words in one text: its characters / 5, a partial word rounded up. */
export function wordsInText(text: string, countAs: CountAs = "characters"): number {
  return ceil(characterCount(text, countAs) / CHARACTERS_PER_WORD);
}

function cellWords(value: unknown, countAs: CountAs, arg: string, row: number, col: number): number {
  if (typeof value === "string") return value === "" ? 0 : wordsInText(value, countAs);
  // A data type (a formatted number, a String value) counts as its plain value.
  const v = typeof value === "object" && value !== null ? cellValue(value, `${arg} (row ${row}, column ${col})`) : value;
  if (typeof v === "string") return v === "" ? 0 : wordsInText(v, countAs);
  if (v === null || v === undefined) return 0;
  if (typeof v === "number") {
    if (Number.isNaN(v)) throw valueError(Msg.notText(`${arg} (row ${row}, column ${col})`, describe(NaN)));
    return wordsInText(numberText(v), countAs);
  }
  throw valueError(Msg.notText(`${arg} (row ${row}, column ${col})`, describe(v)));
}

/**
 * The sum of the Premium Translated Words of every text in a cell or range (Excel's 2-D array,
 * or a single value), each text counted on its own.
 */
export function translatedWords(texts: unknown, countAs: CountAs = "characters", arg = "texts"): number {
  if (!isArray(texts)) return cellWords(texts, countAs, arg, 1, 1);
  let total = 0;
  for (let r = 0; r < texts.length; r++) {
    const row: unknown = texts[r];
    if (isArray(row)) {
      for (let c = 0; c < row.length; c++) total += cellWords(row[c], countAs, arg, r + 1, c + 1);
    } else {
      // A flat array is one row.
      total += cellWords(row, countAs, arg, 1, r + 1);
    }
  }
  return total;
}

/** The fee for `words` Premium Translated Words: words x price, exact. */
export function translationFee(words: number, pricePerWord: MoneyT = DEFAULT_PRICE_PER_WORD): MoneyT {
  if (words < 0) throw numError(Msg.negative("words", String(words)));
  if (pricePerWord.isNegative()) throw numError(Msg.negative("price_per_word", pricePerWord.toString()));
  return pricePerWord.times(words);
}

/** The fee as the double nearest the exact value of {@link translationFee}; the price defaults to the card's. */
export function translationFeeToNumber(words: number, pricePerWord?: number | MoneyT): number {
  const price =
    pricePerWord === undefined ? DEFAULT_PRICE_PER_WORD : typeof pricePerWord === "number" ? new Money(pricePerWord) : pricePerWord;
  return toExcelNumber(translationFee(words, price));
}
