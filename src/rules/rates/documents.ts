/**
 * The four documents the rules implement, with the date each was last updated.
 * Every rate table names one of these as its source, and that date is the version of the
 * built-in rate card.
 */
export type DocumentId = "ps-terms" | "usage-terms" | "billing-help" | "sla";

export interface SourceDocument {
  readonly id: DocumentId;
  readonly title: string;
  /** ISO date of the document's "last updated" line, or null where the document has none. */
  readonly lastUpdated: string | null;
}

export const DOCUMENTS: Readonly<Record<DocumentId, SourceDocument>> = Object.freeze({
  "ps-terms": {
    id: "ps-terms",
    title: "Professional Services Terms",
    lastUpdated: "2025-11-17",
  },
  "usage-terms": {
    id: "usage-terms",
    title: "Supplemental Terms, usage-based plans",
    lastUpdated: "2024-11-01",
  },
  "billing-help": {
    id: "billing-help",
    title: "Billing help pages: FAQ, seasonal seats, storage limits and pricing, subscription",
    lastUpdated: null,
  },
  sla: {
    id: "sla",
    title: "Service Level Agreement",
    lastUpdated: "2024-12-23",
  },
});

/**
 * A decimal written as text ("0.07"), so a rate is exact wherever it is read: the rules turn it
 * into a decimal, the task pane into the number it writes to a cell.
 */
export type DecimalText = string;

/** How the task pane formats a column: money, percentages, storage units, durations, counts. */
export type ColumnFormat = "text" | "usd" | "usd4" | "percent" | "gb" | "kb" | "days" | "weeks" | "hours" | "count";

/**
 * Units a value may carry, per column format, with the factor to the column's unit (own keys only:
 * a Map). An Order's table is read with them
 * (src/tables/cell.ts), and STORAGEOVERAGE reads its sizes with the same GB units (src/rules/storage/units.ts).
 */
export const UNITS: Readonly<Record<Exclude<ColumnFormat, "text">, ReadonlyMap<string, string>>> = {
  usd: new Map([
    ["", "1"],
    ["usd", "1"],
  ]),
  usd4: new Map([
    ["", "1"],
    ["usd", "1"],
  ]),
  percent: new Map([
    ["", "1"],
    ["%", "0.01"],
  ]),
  gb: new Map([
    ["", "1"],
    ["gb", "1"],
    ["tb", "1000"],
    ["mb", "0.001"],
    ["kb", "0.000001"],
  ]),
  kb: new Map([
    ["", "1"],
    ["kb", "1"],
    ["b", "0.001"],
    ["byte", "0.001"],
    ["bytes", "0.001"],
    ["mb", "1000"],
    ["gb", "1000000"],
  ]),
  days: new Map([
    ["", "1"],
    ["day", "1"],
    ["days", "1"],
  ]),
  weeks: new Map([
    ["", "1"],
    ["week", "1"],
    ["weeks", "1"],
  ]),
  hours: new Map([
    ["", "1"],
    ["h", "1"],
    ["hr", "1"],
    ["hrs", "1"],
    ["hour", "1"],
    ["hours", "1"],
  ]),
  count: new Map([["", "1"]]),
};

export interface RateColumn<Row> {
  readonly key: keyof Row & string;
  readonly header: string;
  readonly format: ColumnFormat;
}

/**
 * A rate table: typed rows, frozen, naming the document (and section) it was read from, with the
 * columns the task pane writes. The task pane writes these to sheets and the functions read
 * them: one source of truth. A null cell is "n/a" in the document.
 */
export interface RateTable<Row> {
  /** Stable Excel table name, e.g. Kustomer_StorageAllocation. */
  readonly id: string;
  readonly title: string;
  readonly source: DocumentId;
  readonly section: string;
  readonly columns: ReadonlyArray<RateColumn<Row>>;
  readonly rows: ReadonlyArray<Readonly<Row>>;
  /**
   * Single rates that also get a workbook name (e.g. Kustomer_DataPricePerGB), so formulas can
   * point at them: the name, the row index and the column.
   */
  readonly names?: ReadonlyArray<{
    readonly name: string;
    readonly row: number;
    readonly key: keyof Row & string;
    readonly description: string;
  }>;
  /**
   * Text columns whose values the rules read as one of a few choices (column key -> the choices,
   * compared case, spacing and a plural "s" aside): a table read from outside with any other value
   * is refused (src/tables/validate.ts).
   */
  readonly choices?: Readonly<Partial<Record<keyof Row & string, readonly string[]>>>;
  /**
   * Rows that are bands of a measure, each from a bound to a bound, together covering it without
   * overlap or gap: "continuous" is [from, to), n/a for no bound at either end (the SLA credit
   * bands over 0% to 100%); "whole" is from..to, both included, each band starting one after the
   * last ends (the data migration sizes). A table read from outside must keep to it.
   */
  readonly bands?: { readonly kind: "continuous" | "whole"; readonly from: keyof Row & string; readonly to: keyof Row & string };
}

/** Any rate table, whatever its row type (the built-in cards and an Order's import). */
export type AnyRateTable = RateTable<any>;

/** What a null rate ("n/a" in the document) reads as in a cell, and is written as in an Order's file. */
export const NA_TEXT = "n/a";

/** Deep-freezes a rate table so no caller can change a rate at run time. */
export function rateTable<Row>(table: RateTable<Row>): RateTable<Row> {
  for (const row of table.rows) Object.freeze(row);
  Object.freeze(table.rows);
  Object.freeze(table.columns);
  if (table.names) Object.freeze(table.names);
  if (table.choices) Object.freeze(table.choices);
  if (table.bands) Object.freeze(table.bands);
  return Object.freeze(table);
}
