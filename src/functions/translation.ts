/**
 * Excel adapters for Premium Translated Words (rules: src/rules/translation).
 * Each function only converts Excel's arguments, calls the rule and converts the result.
 */
import { isBlank, toChoice, toInteger } from "../rules/core/args";
import { toAmount } from "../rules/core/money";
import { COUNT_AS } from "../rules/translation/characters";
import { translatedWords, translationFeeToNumber } from "../rules/translation/words";
import { excel } from "./excel";

/**
 * How the characters of a text are counted.
 * @customenum {string}
 */
enum CharacterCount {
  /** As a reader counts them: an emoji, a flag or an accented letter is one character (default) */
  Characters = "characters",
  /** As Excel's LEN counts them: UTF-16 code units (an emoji with a skin tone is 4) */
  Len = "len",
}

/**
 * Premium Translated Words in a cell or range of texts: each text's characters (spaces and punctuation included) / 5, a partial word rounded up, summed. Characters are counted as a reader counts them; count_as "len" counts as Excel's LEN.
 * @customfunction TRANSLATEDWORDS
 * @helpurl https://localhost:3000/help.html#TRANSLATEDWORDS
 * @param texts A text, or a range of texts, each counted on its own; blank cells count 0, a number counts as its text (123 is 3 characters).
 * @param [count_as] "characters" (default: an emoji, a flag, or e plus an accent is one) or "len" (UTF-16 code units, as Excel's LEN).
 * @returns The total number of Premium Translated Words.
 */
export function translatedWordsFn(texts: any[][], count_as?: CharacterCount): number {
  return excel("TRANSLATEDWORDS", () => translatedWords(texts, toChoice(count_as, "count_as", COUNT_AS, "characters")));
}

/**
 * The fee for Premium Translated Words: words x $0.0005 (the Kustomer_PricePerTranslatedWord rate) unless your Order states another price.
 * @customfunction TRANSLATIONFEE
 * @helpurl https://localhost:3000/help.html#TRANSLATIONFEE
 * @param words Number of Premium Translated Words (a whole number, 0 or more), e.g. from TRANSLATEDWORDS.
 * @param [price_per_word] Price of one word from your Order; 0.0005 (USD) when omitted.
 * @returns The exact fee, unrounded (3 words cost exactly 0.0015).
 */
export function translationFeeFn(words: any, price_per_word?: any): number {
  return excel("TRANSLATIONFEE", () =>
    translationFeeToNumber(
      toInteger(words, "words", { expected: "a whole number of words" }),
      isBlank(price_per_word) ? undefined : toAmount(price_per_word, "price_per_word"),
    ),
  );
}
