/** Premium Translated Words (usage-terms A.3). */
import { type DecimalText, rateTable } from "./documents";

export interface TranslationRateRow {
  readonly item: string;
  readonly charactersPerWord: number;
  readonly pricePerWord: DecimalText;
}

export const TRANSLATION_PRICE = rateTable<TranslationRateRow>({
  id: "Kustomer_TranslationPrice",
  title: "Premium Translated Word price",
  source: "usage-terms",
  section: "A.3 Premium Translated Words",
  columns: [
    { key: "item", header: "Item", format: "text" },
    { key: "charactersPerWord", header: "Characters per word", format: "count" },
    { key: "pricePerWord", header: "Price per word (USD)", format: "usd4" },
  ],
  rows: [{ item: "Premium Translated Word", charactersPerWord: 5, pricePerWord: "0.0005" }],
  names: [
    { name: "Kustomer_PricePerTranslatedWord", row: 0, key: "pricePerWord", description: "Price of one Premium Translated Word (USD)" },
  ],
});
