/**
 * The four documents the rules implement (shared/seeds), with the date each was last updated.
 * Every rate table names one of these as its source, and that date is the version of the
 * built-in rate card.
 */
export type DocumentId = "ps-terms" | "usage-terms" | "billing-help" | "sla";

export interface SourceDocument {
  readonly id: DocumentId;
  readonly title: string;
  /** ISO date of the document's "last updated" line, or null where the document has none. */
  readonly lastUpdated: string | null;
  /** The file in shared/seeds the rules were read from. */
  readonly seedFile: string;
}

export const DOCUMENTS: Readonly<Record<DocumentId, SourceDocument>> = Object.freeze({
  "ps-terms": {
    id: "ps-terms",
    title: "Professional Services Terms",
    lastUpdated: "2025-11-17",
    seedFile: "000_85c2b1a903f2125d.txt",
  },
  "usage-terms": {
    id: "usage-terms",
    title: "Supplemental Terms, usage-based plans",
    lastUpdated: "2024-11-01",
    seedFile: "001_031688e6f7576106.txt",
  },
  "billing-help": {
    id: "billing-help",
    title: "Billing help pages: FAQ, seasonal seats, storage limits and pricing, subscription",
    lastUpdated: null,
    seedFile: "002_af0fda83b318108d.txt",
  },
  sla: {
    id: "sla",
    title: "Service Level Agreement",
    lastUpdated: "2024-12-23",
    seedFile: "003_6cb3240488d7ee9d.txt",
  },
});

/**
 * A rate table: typed rows, frozen, naming the document (and section) it was read from.
 * The task pane writes these to sheets and the functions read them: one source of truth.
 */
export interface RateTable<Row> {
  readonly id: string;
  readonly title: string;
  readonly source: DocumentId;
  readonly section: string;
  readonly rows: ReadonlyArray<Readonly<Row>>;
}

/** Deep-freezes a rate table so no caller can change a rate at run time. */
export function rateTable<Row>(table: RateTable<Row>): RateTable<Row> {
  for (const row of table.rows) Object.freeze(row);
  Object.freeze(table.rows);
  return Object.freeze(table);
}
