/**
 * Display text for the pane and the sheets' captions: document dates (date-fns) and the caption
 * naming a card's source. Dates are ISO date-only strings ("2025-11-17"); parseISO reads them
 * as local midnight and format() writes them back in local time, so the day shown is the day in
 * the string whatever the time zone.
 */
import { format, isValid, parseISO } from "date-fns";
import { DOCUMENTS } from "../rules/rates/documents";
import type { AnyRateTable } from "../rules/rates/documents";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "2025-11-17" -> "17 Nov 2025" (day first and the month in words: unambiguous in every locale). */
export function formatIsoDate(iso: string): string {
  const d = ISO_DATE.test(iso) ? parseISO(iso) : new Date(NaN);
  if (!isValid(d)) throw new RangeError(`not an ISO date: ${iso}`);
  return format(d, "d MMM yyyy");
}

/** Today's date in the user's time zone, as ISO text: the date of a backup sheet. */
export function todayIso(now: Date = new Date()): string {
  return format(now, "yyyy-MM-dd");
}

/** The source document's title and its last-updated date for display ("undated" where the document has none). */
export function sourceOf(card: AnyRateTable): { title: string; updated: string } {
  const doc = DOCUMENTS[card.source as keyof typeof DOCUMENTS];
  return { title: doc.title, updated: doc.lastUpdated ? `last updated ${formatIsoDate(doc.lastUpdated)}` : "undated" };
}

/** An Order file whose rates replace a card's built-in ones. */
export interface OrderOrigin {
  readonly fileName: string;
  /** ISO date of the import. */
  readonly importedOn: string;
}

/** Row 1 and row 2 of a card's sheet: its title, and the caption naming the source and its date. */
export function captionFor(card: AnyRateTable, order?: OrderOrigin): { title: string; caption: string } {
  const src = sourceOf(card);
  if (order) {
    return {
      title: `${card.title} (Order rates)`,
      caption: `Source: Order file ${order.fileName}, imported ${formatIsoDate(order.importedOn)}, in place of the built-in rates from ${src.title} (${src.updated}), section "${card.section}".`,
    };
  }
  return { title: card.title, caption: `Source: ${src.title} (${src.updated}), section "${card.section}".` };
}
