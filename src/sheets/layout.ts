/**
 * What a built sheet is made of, as plain data: cells (values or en-US formulas), number formats,
 * styles, data validations, conditional formats, Excel tables with calculated columns, column
 * widths and the print area. The quote and invoice-check layouts produce it; the task pane's
 * writer (src/taskpane/writer/sheet.ts) only queues it. Pure: no Office, no DOM, no Date.
 */
import { DOCUMENTS } from "../rules/rates/documents";
import type { AnyRateTable } from "../rules/rates/documents";
import { columnLetter, MAX_SHEET_NAME } from "./rate-card-layout";

export { columnLetter };

/** How a cell looks; the writer maps each style to fonts, fills and borders (STYLE_FORMATS). */
export type CellStyle = "title" | "caption" | "section" | "label" | "input" | "calc" | "header" | "total" | "note";

/** One cell: a constant, or a formula in en-US syntax (English names, commas), as Range.formulas takes it. */
export interface CellSpec {
  /** A1 address on the sheet, e.g. "B7". */
  readonly address: string;
  readonly value?: string | number;
  readonly formula?: string;
  readonly numberFormat?: string;
  readonly style?: CellStyle;
  readonly wrap?: boolean;
}

/** A data validation on a range: a dropdown list, a decimal or whole number at least `min`, or a date. */
export type Validation =
  | { readonly address: string; readonly kind: "list"; readonly list: readonly string[]; readonly prompt: string }
  | { readonly address: string; readonly kind: "decimal" | "whole"; readonly min: number; readonly prompt: string }
  | { readonly address: string; readonly kind: "date"; readonly prompt: string };

/**
 * A formula-based conditional format: `formula` is written relative to the top-left cell of
 * `address` (A1 references, as Excel's conditional-format formulas take them).
 */
export interface ConditionalFormat {
  readonly address: string;
  readonly formula: string;
  readonly fill: string;
  readonly fontColor?: string;
  readonly bold?: boolean;
}

/** An Excel table: header row then body; a calculated column holds one formula in every body row. */
export interface TableSpec {
  readonly name: string;
  /** Header and body, e.g. "A13:Q23". */
  readonly address: string;
  readonly headers: readonly string[];
  readonly style: string;
  /** Formulas per column header: written to the whole body column, so Excel makes it a calculated column. */
  readonly calculated: Readonly<Record<string, string>>;
  /** Number formats per column header, applied to the body. */
  readonly formats: Readonly<Record<string, string>>;
}

export interface SheetLayout {
  readonly sheetName: string;
  readonly cells: readonly CellSpec[];
  /** Column widths in characters of the default font, by column letter. */
  readonly columnWidths: Readonly<Record<string, number>>;
  readonly validations: readonly Validation[];
  readonly conditionalFormats: readonly ConditionalFormat[];
  readonly tables: readonly TableSpec[];
  readonly printArea: string;
  readonly freezeRows?: number;
  /** Columns hidden (a dropdown's list kept on the sheet). */
  readonly hiddenColumns?: readonly string[];
  /** The cell selected when the sheet opens (the first input). */
  readonly select: string;
}

/** Fonts and fills of each style (hex colours), shared by the writer and the browser rendering. */
export const STYLE_FORMATS: Readonly<
  Record<CellStyle, { bold?: boolean; italic?: boolean; size?: number; color?: string; fill?: string; border?: boolean }>
> = {
  title: { bold: true, size: 16 },
  caption: { italic: true, color: "#595959" },
  section: { bold: true, size: 12, color: "#1F4E79" },
  label: {},
  // Input cells: the light yellow fill and blue text finance models use for "type here".
  input: { fill: "#FFF2CC", color: "#1F4E79", border: true },
  calc: { fill: "#F2F2F2" },
  header: { bold: true, fill: "#DDEBF7", border: true },
  total: { bold: true, border: true },
  note: { italic: true, color: "#7F7F7F" },
};

/** Number formats (en-US codes). */
export const FORMATS = {
  usd: "$#,##0.00;-$#,##0.00",
  usd4: "$#,##0.0000",
  date: "yyyy-mm-dd",
  count: "#,##0",
  gb: '#,##0.00" GB"',
  hours: '#,##0" h"',
  percent: "0.00%",
  text: "@",
} as const;

// ---------------------------------------------------------------------------------------------
// What is loaded in the workbook
// ---------------------------------------------------------------------------------------------

/**
 * A sheet the pane builds (the Quote, the Invoice check), registered in ./index.ts: its name, its
 * button, what the pane says while building it and once it is ready, and its layout.
 */
export interface SheetSpec<K extends string = string> {
  readonly kind: K;
  /** The sheet's name; a free variant ("Quote (2)") where the workbook has one of that name. */
  readonly sheetName: string;
  /** The pane's button for it. */
  readonly button: { readonly id: string; readonly label: string };
  /** The sheet in words: "Building the quote…", "Excel could not build the quote." */
  readonly what: string;
  /** What the user does next, said once the sheet is ready. */
  readonly ready: string;
  /** The layout on the sheet `sheetName`, for what the workbook holds. */
  readonly layout: (loaded: Loaded, sheetName: string) => SheetLayout;
}

/** The tables and workbook names the writer found in the workbook (any case). */
export interface Loaded {
  readonly tables: readonly string[];
  readonly names: readonly string[];
}

export const NOTHING_LOADED: Loaded = Object.freeze({ tables: [], names: [] });

/**
 * The table holding a card's rates in the workbook: the card's own table (Kustomer_PsPackages),
 * or, when only copies loaded beside are there, the first of them (Kustomer_PsPackages_2);
 * null when none is loaded. The own table is the one the card's workbook names point at.
 */
export function loadedTable(card: AnyRateTable, loaded: Loaded): string | null {
  const byLower = new Map(loaded.tables.map((t) => [t.toLowerCase(), t]));
  const own = byLower.get(card.id.toLowerCase());
  if (own) return own;
  const prefix = `${card.id.toLowerCase()}_`;
  const beside = loaded.tables
    .filter((t) => t.toLowerCase().startsWith(prefix) && /^\d+$/.test(t.slice(prefix.length)))
    .sort((a, b) => Number(a.slice(prefix.length)) - Number(b.slice(prefix.length)));
  return beside[0] ?? null;
}

/** True when the workbook has the name (case-insensitive), e.g. Kustomer_DataPricePerGB. */
export function hasName(name: string, loaded: Loaded): boolean {
  return loaded.names.some((n) => n.toLowerCase() === name.toLowerCase());
}

/**
 * A KUSTOMER function call: `args` in order; trailing undefined arguments are dropped, inner
 * ones left empty (`f(a,,c)`); `rates`, when given, is appended as `Table[#All]` after the
 * function's last parameter (`arity`), padding the optional ones between with empty commas.
 */
export function call(fn: string, arity: number, args: ReadonlyArray<string | undefined>, rates?: string | null): string {
  if (args.length > arity) throw new RangeError(`${fn} takes ${arity} arguments`);
  const list: (string | undefined)[] = [...args];
  if (rates) {
    while (list.length < arity) list.push(undefined);
    list.push(`${rates}[#All]`);
  }
  while (list.length > 0 && list[list.length - 1] === undefined) list.pop();
  return `KUSTOMER.${fn}(${list.map((a) => a ?? "").join(",")})`;
}

/** A text constant inside a formula: "Seat addition" with its quotes doubled. */
export function str(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

// ---------------------------------------------------------------------------------------------
// Captions: the rate cards a sheet uses and their documents' dates
// ---------------------------------------------------------------------------------------------

/** Rows the caption takes under the title: one per source document (each sheet reads three), and one on the workbook's own tables. */
export const CAPTION_ROWS = 4;

/**
 * The caption under a sheet's title: one line per source document, naming its cards and the
 * document's "last updated" date, then one naming the tables and names read from this workbook
 * instead (an Order's rates), or saying the built-in rates apply.
 */
export function ratesCaption(cards: readonly AnyRateTable[], fromWorkbook: readonly string[]): string[] {
  const byDoc = new Map<string, string[]>();
  for (const c of cards) byDoc.set(c.source, [...(byDoc.get(c.source) ?? []), c.title]);
  const lines = [...byDoc.entries()].map(([doc, titles]) => {
    const d = DOCUMENTS[doc as keyof typeof DOCUMENTS];
    return `${titles.join(", ")}: ${d.title}, ${d.lastUpdated ? `last updated ${d.lastUpdated}` : "undated"}.`;
  });
  lines.push(
    fromWorkbook.length > 0
      ? `Read from this workbook instead of the built-in cards: ${fromWorkbook.join(", ")}.`
      : "No rate-card table is loaded in this workbook: the built-in rates apply (Home > Rate cards loads them, or an Order's own).",
  );
  if (lines.length > CAPTION_ROWS) throw new RangeError(`a caption of ${lines.length} lines; the layouts leave ${CAPTION_ROWS}`);
  while (lines.length < CAPTION_ROWS) lines.push("");
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Sheet and table names
// ---------------------------------------------------------------------------------------------

/** A sheet name that is free: `base`, else "base (2)", "base (3)"... (case-insensitive, at most 31 characters). */
export function freeSheetName(base: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** A table name that is free among tables and workbook names: `base`, else base_2, base_3... */
export function freeTableName(base: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!lower.has(`${base}_${i}`.toLowerCase())) return `${base}_${i}`;
}
