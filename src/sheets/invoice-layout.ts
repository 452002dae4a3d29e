/**
 * The "Invoice check" sheet an auditor pastes an invoice into: a summary (lines, total billed,
 * total expected, net difference, lines flagged, the tolerance), then an Excel table with one
 * row per invoice line. Each row has a line type (a dropdown), the inputs the type needs in
 * shared columns (columns a type does not use are greyed out by conditional formatting), the
 * billed amount, and calculated columns: the expected amount (one formula choosing the rule by
 * type), the difference, a status ("OK" within the tolerance, "Over-billed", "Under-billed", or
 * a claim the terms do not allow: see {@link FLAGS}), the storage allowance by the terms and the
 * conversations a conversation-based SLA credit gives. The formulas are calculated columns, so
 * rows pasted below the table extend it and get them. Pure: the writer queues what this returns.
 */
import { SLA_CREDIT_BANDS, SLA_SERVICE_NAMES } from "../rules/rates/sla";
import { STORAGE_ALLOCATION, STORAGE_PRICES } from "../rules/rates/storage";
import { TRANSLATION_PRICE } from "../rules/rates/translation";
import type { AnyRateTable } from "../rules/rates/documents";
import {
  call,
  CAPTION_ROWS,
  type CellSpec,
  columnLetter,
  type ConditionalFormat,
  FORMATS,
  freeTableName,
  hasName,
  type Loaded,
  loadedTable,
  ratesCaption,
  type SheetLayout,
  type SheetSpec,
  str,
  type TableSpec,
  type Validation,
} from "./layout";

export const INVOICE_SHEET = "Invoice check";
export const INVOICE_TABLE = "InvoiceCheck";

export const LINE_TYPES = [
  "Seat addition",
  "Plan change",
  "Data storage overage",
  "Attachment storage overage",
  "Translated words",
  "SLA credit",
  "Voice phone numbers",
] as const;
export type LineType = (typeof LINE_TYPES)[number];

/** What Status says of a line, beside the amount's OK / Over-billed / Under-billed (see docs/terms.md). */
export const FLAGS = Object.freeze({
  /** A storage line whose stated allowance is not the one the terms give its plan, users or conversations and organizations. */
  allowance: "Wrong allowance",
  /** A money credit for a conversation-based service, whose credit is conversations off next month's usage. */
  moneyCredit: "Money credit",
  /** A Voice phone number line billed other than whole monthly fees (numbers are never prorated). */
  prorated: "Prorated",
});

const STORAGE_TYPES: readonly LineType[] = ["Data storage overage", "Attachment storage overage"];

/** The table's columns, in order. `uses` lists the line types that read an input column. */
export const INVOICE_COLUMNS = [
  { header: "Line type", format: FORMATS.text, width: 34 },
  { header: "Description", format: FORMATS.text, width: 28 },
  { header: "Seats or quantity", format: FORMATS.count, width: 10, uses: ["Seat addition", "Voice phone numbers"] },
  {
    header: "Price or old price",
    format: "$#,##0.00##",
    width: 12,
    uses: ["Seat addition", "Plan change", "Data storage overage", "Attachment storage overage", "Translated words", "Voice phone numbers"],
  },
  { header: "New price", format: FORMATS.usd, width: 12, uses: ["Plan change"] },
  { header: "Period start", format: FORMATS.date, width: 11, uses: ["Seat addition", "Plan change"] },
  { header: "Period end", format: FORMATS.date, width: 11, uses: ["Seat addition", "Plan change"] },
  { header: "Effective date", format: FORMATS.date, width: 11, uses: ["Seat addition", "Plan change"] },
  { header: "Used GB", format: "#,##0.00", width: 9, uses: ["Data storage overage", "Attachment storage overage"] },
  { header: "Allowance GB", format: "#,##0.00", width: 10, uses: ["Data storage overage", "Attachment storage overage"] },
  { header: "Words", format: FORMATS.count, width: 10, uses: ["Translated words"] },
  { header: "Uptime", format: "0.000%", width: 9, uses: ["SLA credit"] },
  { header: "Monthly fee", format: "#,##0.00##", width: 12, uses: ["SLA credit"] },
  {
    header: "Plan or service",
    format: FORMATS.text,
    width: 12,
    uses: ["Data storage overage", "Attachment storage overage", "SLA credit"],
  },
  { header: "Full-time users", format: "General", width: 9, uses: ["Data storage overage", "Attachment storage overage"] },
  { header: "Committed conversations", format: FORMATS.count, width: 13, uses: ["Data storage overage", "Attachment storage overage"] },
  { header: "Organizations", format: FORMATS.count, width: 14, uses: ["Data storage overage", "Attachment storage overage"] },
  { header: "Billed", format: FORMATS.usd, width: 13 },
  { header: "Expected", format: FORMATS.usd, width: 13 },
  { header: "Difference", format: FORMATS.usd, width: 12 },
  { header: "Status", format: FORMATS.text, width: 18 },
  { header: "Allowance by terms GB", format: "#,##0.00##", width: 11, uses: ["Data storage overage", "Attachment storage overage"] },
  { header: "Credit in conversations", format: FORMATS.count, width: 15, uses: ["SLA credit"] },
] as const satisfies ReadonlyArray<{ header: string; format: string; width: number; uses?: readonly LineType[] }>;

export type InvoiceColumn = (typeof INVOICE_COLUMNS)[number]["header"];

const TITLE_ROW = 1;
const SUMMARY_ROW = TITLE_ROW + CAPTION_ROWS + 2;
/** The summary's cells (column B). */
export const INVOICE_SUMMARY_CELLS = Object.freeze({
  lines: `B${SUMMARY_ROW + 1}`,
  billed: `B${SUMMARY_ROW + 2}`,
  expected: `B${SUMMARY_ROW + 3}`,
  difference: `B${SUMMARY_ROW + 4}`,
  flagged: `B${SUMMARY_ROW + 5}`,
  tolerance: `B${SUMMARY_ROW + 6}`,
});
const LINES_SECTION_ROW = SUMMARY_ROW + 8;
/** The table's header row; the body starts below it. */
export const INVOICE_HEADER_ROW = LINES_SECTION_ROW + 1;
/** Empty rows the new table starts with (pasting below it adds more). */
export const INVOICE_BODY_ROWS = 10;
export const DEFAULT_TOLERANCE = 0.01;

/** The cards the check reads. */
export const INVOICE_CARDS: readonly AnyRateTable[] = [STORAGE_ALLOCATION, STORAGE_PRICES, TRANSLATION_PRICE, SLA_CREDIT_BANDS];

/** The calculated columns, in order. */
export const INVOICE_CALCULATED = ["Expected", "Difference", "Status", "Allowance by terms GB", "Credit in conversations"] as const;
export type InvoiceCalculated = (typeof INVOICE_CALCULATED)[number];

/** A structured reference to this row's cell of a column: [@Billed], [@[Used GB]]. */
export function thisRow(header: string): string {
  const escaped = header.replace(/(['#[\]@])/g, "'$1");
  return /^[A-Za-z0-9_]+$/.test(header) ? `[@${escaped}]` : `[@[${escaped}]]`;
}

/** The calculated columns' formulas, by header (structured references; the tolerance by absolute address). */
export function invoiceFormulas(loaded: Loaded): Record<InvoiceCalculated, string> {
  const c = (h: InvoiceColumn) => thisRow(h);
  const sla = loadedTable(SLA_CREDIT_BANDS, loaded);
  const allocation = loadedTable(STORAGE_ALLOCATION, loaded);
  const plan = c("Plan or service");
  // The stated allowance where no plan is given (not checked); else the terms' allowance.
  const allowance = `IF(${plan}="",${c("Allowance GB")},${c("Allowance by terms GB")})`;
  // A conversation-based Covered Service (Ultimate AI): its credit is conversations, never money.
  const conversational = SLA_SERVICE_NAMES.filter((x) => x.basis === "conversation").flatMap((x) => x.names);
  const isConversational = `OR(${conversational.map((n) => `TRIM(${plan})=${str(n)}`).join(",")})`;
  // SLACREDIT(uptime, fee, [rates], [service]): the service after the (possibly empty) rates.
  const slaCredit = `KUSTOMER.SLACREDIT(${c("Uptime")},${c("Monthly fee")},${sla ? `${sla}[#All]` : ""},${plan})`;
  // A blank price is passed as blank (the terms' default); where the price card's names are loaded, they are the default.
  const price = (name: string) =>
    hasName(name, loaded) ? `IF(${c("Price or old price")}="",${name},${c("Price or old price")})` : c("Price or old price");
  const wordPrice = price("Kustomer_PricePerTranslatedWord");
  const rules: Record<LineType, string> = {
    "Seat addition": call("SEATCHARGE", 6, [
      c("Seats or quantity"),
      c("Price or old price"),
      c("Period start"),
      c("Period end"),
      c("Effective date"),
    ]),
    "Plan change": call("PLANCHANGE", 6, [
      c("Price or old price"),
      c("New price"),
      c("Period start"),
      c("Period end"),
      c("Effective date"),
    ]),
    "Data storage overage": call("STORAGEOVERAGE", 5, [c("Used GB"), allowance, str("data"), price("Kustomer_DataPricePerGB")]),
    "Attachment storage overage": call("STORAGEOVERAGE", 5, [
      c("Used GB"),
      allowance,
      str("attachment"),
      price("Kustomer_AttachmentPricePerGB"),
    ]),
    "Translated words": call("TRANSLATIONFEE", 2, [c("Words"), wordPrice]),
    // A credit reduces the invoice: expected as a negative amount; a conversation credit is no money.
    "SLA credit": `IF(${isConversational},0,-${slaCredit})`,
    // Numbers x the monthly fee per number: a number is billed a whole month, never prorated.
    "Voice phone numbers": `${c("Seats or quantity")}*${c("Price or old price")}`,
  };
  const type = c("Line type");
  const tol = `$${INVOICE_SUMMARY_CELLS.tolerance.replace(/(\d+)/, "$$$1")}`;
  const amount = `IF(ABS(ROUND(${c("Difference")},9))<=${tol},"OK",IF(${c("Difference")}>0,"Over-billed","Under-billed"))`;
  const stated = c("Allowance GB");
  const wrongAllowance = `IF(OR(${plan}="",${stated}=""),FALSE(),ROUND(${stated}-${c("Allowance by terms GB")},9)<>0)`;
  const fee = c("Price or old price");
  const prorated = `IF(OR(${fee}="",${fee}=0),FALSE(),MOD(ROUND(${c("Billed")}/${fee},9),1)<>0)`;
  const isStorage = `OR(${STORAGE_TYPES.map((t) => `${type}=${str(t)}`).join(",")})`;
  const category = `IF(${type}=${str("Data storage overage")},"data","attachment")`;
  // Ultimate AI is the Ultimate platform sold by conversations: its storage is Ultimate's
  // (the per-1,000-committed-conversations amounts).
  const storagePlan = `IF(${isConversational},"Ultimate",${plan})`;
  const storageAllowance = call(
    "STORAGEALLOWANCE",
    5,
    [storagePlan, category, c("Full-time users"), c("Committed conversations"), c("Organizations")],
    allocation,
  );
  return {
    Expected: `=IF(${type}="","",SWITCH(${type},${LINE_TYPES.map((t) => `${str(t)},${rules[t]}`).join(",")},NA()))`,
    Difference: `=IF(${type}="","",${c("Billed")}-${c("Expected")})`,
    // A claim the terms do not allow is its own flag, before the amount's.
    Status:
      `=IF(${type}="","",IF(${isStorage},IF(${wrongAllowance},${str(FLAGS.allowance)},${amount}),` +
      `SWITCH(${type},${str("SLA credit")},IF(AND(${isConversational},${c("Billed")}<>0),${str(FLAGS.moneyCredit)},${amount}),` +
      `${str("Voice phone numbers")},IF(${prorated},${str(FLAGS.prorated)},${amount}),${amount})))`,
    "Allowance by terms GB": `=IF(AND(${isStorage},${plan}<>""),${storageAllowance},"")`,
    "Credit in conversations": `=IF(AND(${type}=${str("SLA credit")},${isConversational}),${slaCredit},"")`,
  };
}

/** The Invoice check sheet's layout, for the tables and names loaded in the workbook. */
export function invoiceLayout(loaded: Loaded, sheetName: string = INVOICE_SHEET, tableName: string = INVOICE_TABLE): SheetLayout {
  const cells: CellSpec[] = [];
  const put = (address: string, spec: Omit<CellSpec, "address">) => cells.push({ address, ...spec });
  const sla = loadedTable(SLA_CREDIT_BANDS, loaded);
  const allocation = loadedTable(STORAGE_ALLOCATION, loaded);
  const names = ["Kustomer_DataPricePerGB", "Kustomer_AttachmentPricePerGB", "Kustomer_PricePerTranslatedWord"].filter((n) =>
    hasName(n, loaded),
  );
  put(`A${TITLE_ROW}`, { value: "Invoice check", style: "title" });
  ratesCaption(INVOICE_CARDS, [...(allocation ? [allocation] : []), ...(sla ? [sla] : []), ...names]).forEach(
    (line, i) => line && put(`A${TITLE_ROW + 1 + i}`, { value: line, style: "caption" }),
  );

  const col = (h: InvoiceColumn) => `${tableName}[${h.replace(/(['#[\]@])/g, "'$1")}]`;
  put(`A${SUMMARY_ROW}`, { value: "Summary", style: "section" });
  const S = INVOICE_SUMMARY_CELLS;
  const summary: [keyof typeof S, string, string, string][] = [
    ["lines", "Lines", `=COUNTA(${col("Line type")})`, FORMATS.count],
    ["billed", "Total billed", `=SUM(${col("Billed")})`, FORMATS.usd],
    ["expected", "Total expected", `=SUM(${col("Expected")})`, FORMATS.usd],
    ["difference", "Net difference (billed − expected)", `=${S.billed}-${S.expected}`, FORMATS.usd],
    [
      "flagged",
      "Lines flagged",
      `=${["Over-billed", "Under-billed", ...Object.values(FLAGS)].map((f) => `COUNTIF(${col("Status")},${str(f)})`).join("+")}`,
      FORMATS.count,
    ],
  ];
  for (const [k, label, formula, format] of summary) {
    const row = Number(S[k].slice(1));
    put(`A${row}`, { value: label, style: k === "difference" || k === "flagged" ? "total" : "label" });
    put(S[k], { formula, numberFormat: format, style: k === "difference" || k === "flagged" ? "total" : "calc" });
  }
  put(`A${Number(S.tolerance.slice(1))}`, { value: "Tolerance (a line within it is OK)" });
  put(S.tolerance, { value: DEFAULT_TOLERANCE, numberFormat: FORMATS.usd, style: "input" });

  put(`A${LINES_SECTION_ROW}`, { value: "Invoice lines", style: "section" });
  put(`B${LINES_SECTION_ROW}`, {
    value:
      "Paste the invoice's lines below (Paste Values): the table grows and its formulas fill down. Grey cells are not used by the line's type. Credits are negative. A storage line with a plan is checked against the terms' allowance.",
    style: "note",
  });

  const headers = INVOICE_COLUMNS.map((c) => c.header);
  const last = columnLetter(headers.length - 1);
  const firstBody = INVOICE_HEADER_ROW + 1;
  const lastBody = INVOICE_HEADER_ROW + INVOICE_BODY_ROWS;
  const letter = (h: InvoiceColumn) => columnLetter(headers.indexOf(h));
  const bodyOf = (h: InvoiceColumn) => `${letter(h)}${firstBody}:${letter(h)}${lastBody}`;
  const formulas = invoiceFormulas(loaded);
  const table: TableSpec = {
    name: tableName,
    address: `A${INVOICE_HEADER_ROW}:${last}${lastBody}`,
    headers,
    style: "TableStyleLight9",
    calculated: formulas,
    formats: Object.fromEntries(INVOICE_COLUMNS.map((c) => [c.header, c.format])),
  };

  const validations: Validation[] = [
    {
      address: bodyOf("Line type"),
      kind: "list",
      list: LINE_TYPES,
      prompt: "The kind of invoice line: it decides which columns are used.",
    },
    { address: S.tolerance, kind: "decimal", min: 0, prompt: "The largest difference still OK, e.g. 0.01." },
    {
      address: bodyOf("Full-time users"),
      kind: "decimal",
      min: 0,
      prompt:
        "Full-time users at the month's end (or the average over a custom license's commitment period); not with committed conversations.",
    },
    {
      address: bodyOf("Committed conversations"),
      kind: "whole",
      min: 0,
      prompt: "Committed conversations of a conversation-based plan; not with full-time users.",
    },
    { address: bodyOf("Organizations"), kind: "whole", min: 1, prompt: "Organizations sharing the allocation equally: 1 (blank) or more." },
  ];

  // Grey out an input column on rows whose type does not use it; colour the status.
  const typeCell = `$A${firstBody}`;
  const conditionalFormats: ConditionalFormat[] = [];
  for (const c of INVOICE_COLUMNS) {
    if (!("uses" in c)) continue;
    const used = c.uses.map((t) => `${typeCell}=${str(t)}`).join(",");
    conditionalFormats.push({
      address: bodyOf(c.header),
      formula: `=AND(${typeCell}<>"",NOT(OR(${used})))`,
      fill: "#D9D9D9",
      fontColor: "#A6A6A6",
    });
  }
  const status = `$${letter("Status")}${firstBody}`;
  conditionalFormats.push(
    { address: S.flagged, formula: `=${S.flagged}>0`, fill: "#FFC7CE", fontColor: "#9C0006", bold: true },
    { address: bodyOf("Status"), formula: `=${status}="OK"`, fill: "#C6EFCE", fontColor: "#006100" },
    { address: bodyOf("Status"), formula: `=${status}="Over-billed"`, fill: "#FFC7CE", fontColor: "#9C0006", bold: true },
    { address: bodyOf("Status"), formula: `=${status}="Under-billed"`, fill: "#FFEB9C", fontColor: "#9C5700", bold: true },
    {
      address: bodyOf("Status"),
      formula: `=OR(${Object.values(FLAGS)
        .map((f) => `${status}=${str(f)}`)
        .join(",")})`,
      fill: "#FFC7CE",
      fontColor: "#9C0006",
      bold: true,
    },
  );

  return {
    sheetName,
    cells,
    columnWidths: Object.fromEntries(INVOICE_COLUMNS.map((c, i) => [columnLetter(i), c.width])),
    validations,
    conditionalFormats,
    tables: [table],
    printArea: `A1:${last}${lastBody}`,
    select: `A${firstBody}`,
  };
}

/** The Invoice check, as the pane lists and builds it (registered in ./index.ts); its table gets a free name. */
export const INVOICE_CHECK: SheetSpec<"invoice"> = {
  kind: "invoice",
  sheetName: INVOICE_SHEET,
  button: { id: "check-invoice", label: "Check an invoice" },
  what: "the invoice check",
  ready: "Paste the invoice's lines into the table; each line is checked against the terms.",
  layout: (loaded, sheetName) => invoiceLayout(loaded, sheetName, freeTableName(INVOICE_TABLE, [...loaded.tables, ...loaded.names])),
};
