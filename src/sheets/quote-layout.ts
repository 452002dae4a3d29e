/**
 * The "Quote" sheet a salesperson fills in: an input block (customer, plan, billing, period,
 * seats, storage used, translated words, PS package, managed-services level), a lines table
 * whose every amount is a live KUSTOMER formula on the inputs, a total, the storage allowances
 * and the professional-services dates and inclusions. Where a rate card's table is loaded in the
 * workbook, the formulas pass it as the functions' last argument `rates` (so an Order's
 * negotiated rates flow in); where the storage and translation prices' workbook names are
 * loaded, the formulas use them as the price. Pure: the writer queues what this returns.
 *
 * Columns: A labels and items, B inputs and quantities, C unit prices (hints beside inputs),
 * D amounts, E "how it is computed". H holds the PS package list the dropdown reads (outside
 * the print area, hidden: a list typed into the validation is limited to 255 characters).
 */
import { STORAGE_ALLOCATION, STORAGE_PRICES } from "../rules/rates/storage";
import { TRANSLATION_PRICE } from "../rules/rates/translation";
import { MANAGED_SERVICES_HOURS, PS_PACKAGES } from "../rules/rates/professional-services";
import type { AnyRateTable } from "../rules/rates/documents";
import {
  call,
  CAPTION_ROWS,
  type CellSpec,
  type ConditionalFormat,
  FORMATS,
  hasName,
  type Loaded,
  loadedTable,
  ratesCaption,
  type SheetLayout,
  type SheetSpec,
  str,
  type Validation,
} from "./layout";

export const QUOTE_SHEET = "Quote";

/** The quote's inputs, in order: key, label, format, validation and the hint beside it. */
const INPUTS = [
  { key: "customer", label: "Customer", format: FORMATS.text, hint: "" },
  { key: "plan", label: "Plan", format: FORMATS.text, hint: "Sets the storage allocation" },
  { key: "billing", label: "Billing", format: FORMATS.text, hint: "Monthly: the period is the month; annual: the contract term" },
  { key: "periodStart", label: "Period start", format: FORMATS.date, hint: "First day of the month or term (also the subscription start)" },
  { key: "periodEnd", label: "Period end (included)", format: FORMATS.date, hint: "Last day of the month or term" },
  { key: "seats", label: "Seats", format: FORMATS.count, hint: "" },
  { key: "seatPrice", label: "Seat price (one seat, whole period)", format: FORMATS.usd, hint: "Per month (monthly) or per term (annual)" },
  { key: "seatsAdded", label: "Seats added", format: FORMATS.count, hint: "" },
  { key: "addDate", label: "Seats added on", format: FORMATS.date, hint: "Charged from this day, included, to the period end" },
  { key: "fullTimeUsers", label: "Full-time users", format: FORMATS.count, hint: "Seat-based plans; or committed conversations, not both" },
  {
    key: "committedConversations",
    label: "Committed conversations",
    format: FORMATS.count,
    hint: "Conversation-based plans (Enterprise, Ultimate)",
  },
  { key: "organizations", label: "Organizations", format: FORMATS.count, hint: "The allocation is split equally between them" },
  { key: "dataUsedGb", label: "Data storage used (GB)", format: FORMATS.gb, hint: "In the month" },
  { key: "attachmentUsedGb", label: "Attachment storage used (GB)", format: FORMATS.gb, hint: "In the month" },
  { key: "words", label: "Translated words per month", format: FORMATS.count, hint: "Premium Translated Words" },
  { key: "psPackage", label: "PS package", format: FORMATS.text, hint: "Professional services, optional" },
  { key: "kickoff", label: "Kick-off date", format: FORMATS.date, hint: "Day of the Project Kick-Off meeting" },
  { key: "managedLevel", label: "Managed services level", format: FORMATS.text, hint: "Optional" },
] as const;

export type QuoteInput = (typeof INPUTS)[number]["key"];

const TITLE_ROW = 1;
const INPUT_HEADER_ROW = TITLE_ROW + CAPTION_ROWS + 2;
const FIRST_INPUT_ROW = INPUT_HEADER_ROW + 1;
const LINES_SECTION_ROW = FIRST_INPUT_ROW + INPUTS.length + 1; // one empty row after the inputs
const LINES_HEADER_ROW = LINES_SECTION_ROW + 1;

/** The input cells by key, e.g. QUOTE_INPUT_CELLS.plan === "B7". */
export const QUOTE_INPUT_CELLS: Readonly<Record<QuoteInput, string>> = Object.freeze(
  Object.fromEntries(INPUTS.map((inp, i) => [inp.key, `B${FIRST_INPUT_ROW + i}`])) as Record<QuoteInput, string>,
);

const LINE_ITEMS = ["seats", "seatsAdded", "dataOverage", "attachmentOverage", "translation"] as const;
export type QuoteLine = (typeof LINE_ITEMS)[number];

/** The row of each line, and of the total. */
export const QUOTE_LINE_ROWS: Readonly<Record<QuoteLine | "total", number>> = Object.freeze({
  ...(Object.fromEntries(LINE_ITEMS.map((k, i) => [k, LINES_HEADER_ROW + 1 + i])) as Record<QuoteLine, number>),
  total: LINES_HEADER_ROW + 1 + LINE_ITEMS.length,
});

const ALLOWANCE_SECTION_ROW = QUOTE_LINE_ROWS.total + 2;
const SERVICES_SECTION_ROW = ALLOWANCE_SECTION_ROW + 4;

/** The calculated cells below the lines (column B). */
export const QUOTE_RESULT_CELLS = Object.freeze({
  dataAllowance: `B${ALLOWANCE_SECTION_ROW + 1}`,
  attachmentAllowance: `B${ALLOWANCE_SECTION_ROW + 2}`,
  kickoffDeadline: `B${SERVICES_SECTION_ROW + 1}`,
  servicesEnd: `B${SERVICES_SECTION_ROW + 2}`,
  sessions: `B${SERVICES_SECTION_ROW + 3}`,
  configurationHours: `B${SERVICES_SECTION_ROW + 4}`,
  trainingHours: `B${SERVICES_SECTION_ROW + 5}`,
  managedHours: `B${SERVICES_SECTION_ROW + 6}`,
  total: `D${QUOTE_LINE_ROWS.total}`,
});

const LAST_ROW = SERVICES_SECTION_ROW + 6;
const LIST_COLUMN = "H";

/** The plans of the allocation card, as the dropdown offers them ("Professional (legacy)"...). */
export const PLAN_CHOICES: readonly string[] = STORAGE_ALLOCATION.rows.map((r) => r.label);
/** The PS packages of the built-in card. */
export const PS_PACKAGE_CHOICES: readonly string[] = PS_PACKAGES.rows.map((r) => r.name);
/** Managed-services levels: "Essential", "Basic", "Standard" and the AI service's "AI Basic", "AI Standard". */
export const MANAGED_CHOICES: readonly string[] = MANAGED_SERVICES_HOURS.rows.map((r) =>
  r.service === "AI Managed Services" ? `AI ${r.level}` : r.level,
);
export const BILLING_CHOICES: readonly string[] = ["Monthly", "Annual"];

/** The cards a quote reads. */
export const QUOTE_CARDS: readonly AnyRateTable[] = [
  STORAGE_ALLOCATION,
  STORAGE_PRICES,
  TRANSLATION_PRICE,
  PS_PACKAGES,
  MANAGED_SERVICES_HOURS,
];

const abs = (a: string) => a.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");

/** The Quote sheet's layout, for the tables and names loaded in the workbook. */
export function quoteLayout(loaded: Loaded, sheetName: string = QUOTE_SHEET): SheetLayout {
  const I = Object.fromEntries(Object.entries(QUOTE_INPUT_CELLS).map(([k, a]) => [k, abs(a)])) as Record<QuoteInput, string>;
  const allocation = loadedTable(STORAGE_ALLOCATION, loaded);
  const packages = loadedTable(PS_PACKAGES, loaded);
  const managed = loadedTable(MANAGED_SERVICES_HOURS, loaded);
  const priceName = (name: string) => (hasName(name, loaded) ? name : undefined);
  const dataPrice = priceName("Kustomer_DataPricePerGB");
  const attachmentPrice = priceName("Kustomer_AttachmentPricePerGB");
  const wordPrice = priceName("Kustomer_PricePerTranslatedWord");
  const fromWorkbook = [allocation, packages, managed, dataPrice, attachmentPrice, wordPrice].filter((x): x is string => !!x);

  const cells: CellSpec[] = [];
  const put = (address: string, spec: Omit<CellSpec, "address">) => cells.push({ address, ...spec });
  put(`A${TITLE_ROW}`, { value: "Quote", style: "title" });
  ratesCaption(QUOTE_CARDS, fromWorkbook).forEach((line, i) => line && put(`A${TITLE_ROW + 1 + i}`, { value: line, style: "caption" }));

  // ---- Inputs -------------------------------------------------------------------------------
  put(`A${INPUT_HEADER_ROW}`, { value: "Inputs", style: "section" });
  put(`C${INPUT_HEADER_ROW}`, { value: "Type in the yellow cells; everything else is calculated.", style: "note" });
  const defaults: Partial<Record<QuoteInput, string | number>> = { billing: "Monthly", organizations: 1 };
  INPUTS.forEach((inp, i) => {
    const row = FIRST_INPUT_ROW + i;
    put(`A${row}`, { value: inp.label, style: "label" });
    const d = defaults[inp.key];
    put(`B${row}`, { ...(d === undefined ? {} : { value: d }), numberFormat: inp.format, style: "input" });
    if (inp.hint) put(`C${row}`, { value: inp.hint, style: "note" });
  });
  const listRange = `$${LIST_COLUMN}$${FIRST_INPUT_ROW}:$${LIST_COLUMN}$${FIRST_INPUT_ROW + PS_PACKAGE_CHOICES.length - 1}`;
  put(`${LIST_COLUMN}${INPUT_HEADER_ROW}`, { value: "PS packages (the dropdown's list)", style: "note" });
  PS_PACKAGE_CHOICES.forEach((p, i) =>
    put(`${LIST_COLUMN}${FIRST_INPUT_ROW + i}`, { value: p, numberFormat: FORMATS.text, style: "note" }),
  );

  const validations: Validation[] = [
    { address: QUOTE_INPUT_CELLS.plan, kind: "list", list: PLAN_CHOICES, prompt: "Choose the plan." },
    { address: QUOTE_INPUT_CELLS.billing, kind: "list", list: BILLING_CHOICES, prompt: "Monthly or annual billing." },
    {
      address: QUOTE_INPUT_CELLS.psPackage,
      kind: "list",
      list: [`=${listRange}`],
      prompt: "Choose a professional-services package, or leave blank.",
    },
    {
      address: QUOTE_INPUT_CELLS.managedLevel,
      kind: "list",
      list: MANAGED_CHOICES,
      prompt: "Choose a managed-services level, or leave blank.",
    },
    ...(["periodStart", "periodEnd", "addDate", "kickoff"] as const).map((k): Validation => ({
      address: QUOTE_INPUT_CELLS[k],
      kind: "date",
      prompt: "A date.",
    })),
    ...(["seats", "seatsAdded", "committedConversations", "words"] as const).map((k): Validation => ({
      address: QUOTE_INPUT_CELLS[k],
      kind: "whole",
      min: 0,
      prompt: "A whole number, 0 or more.",
    })),
    { address: QUOTE_INPUT_CELLS.organizations, kind: "whole", min: 1, prompt: "A whole number, 1 or more." },
    ...(["seatPrice", "fullTimeUsers", "dataUsedGb", "attachmentUsedGb"] as const).map((k): Validation => ({
      address: QUOTE_INPUT_CELLS[k],
      kind: "decimal",
      min: 0,
      prompt: "A number, 0 or more.",
    })),
  ];

  // ---- Lines --------------------------------------------------------------------------------
  const R = QUOTE_LINE_ROWS;
  const allowanceData = abs(QUOTE_RESULT_CELLS.dataAllowance);
  const allowanceAttachment = abs(QUOTE_RESULT_CELLS.attachmentAllowance);
  put(`A${LINES_SECTION_ROW}`, { value: "Lines", style: "section" });
  ["Item", "Quantity", "Unit price", "Amount", "How it is computed"].forEach((h, c) =>
    put(`${"ABCDE"[c]}${LINES_HEADER_ROW}`, { value: h, style: "header" }),
  );
  const builtIn = (card: AnyRateTable, row: number, key: string) => Number((card.rows[row] as Record<string, unknown>)[key]);
  const line = (
    row: number,
    item: string,
    quantity: string,
    quantityFormat: string,
    unit: { formula: string } | { value: number },
    unitFormat: string,
    amount: string,
    how: string,
  ) => {
    put(`A${row}`, { value: item });
    put(`B${row}`, { formula: quantity, numberFormat: quantityFormat });
    put(`C${row}`, { ...unit, numberFormat: unitFormat });
    put(`D${row}`, { formula: amount, numberFormat: FORMATS.usd });
    put(`E${row}`, { value: how, style: "note", wrap: true });
  };
  line(
    R.seats,
    "Seats for the period",
    `=${I.seats}`,
    FORMATS.count,
    { formula: `=${I.seatPrice}` },
    FORMATS.usd,
    `=${I.seats}*${I.seatPrice}`,
    "Seats × seat price.",
  );
  line(
    R.seatsAdded,
    "Seats added during the period",
    `=${I.seatsAdded}`,
    FORMATS.count,
    { formula: `=${I.seatPrice}` },
    FORMATS.usd,
    `=IF(N(${I.seatsAdded})=0,0,${call("SEATCHARGE", 6, [I.seatsAdded, I.seatPrice, I.periodStart, I.periodEnd, I.addDate])})`,
    "Seats added × seat price × days left (add day included) ÷ days in the period.",
  );
  const overage = (
    row: number,
    what: "data" | "attachment",
    used: string,
    allowance: string,
    name: string | undefined,
    priceRow: number,
  ) => {
    const priceCell = `C${row}`;
    line(
      row,
      what === "data" ? "Data storage beyond the allowance" : "Attachment storage beyond the allowance",
      `=IF(N(${priceCell})=0,0,ROUND(D${row}/${priceCell},6))`,
      '#,##0" GB"',
      name ? { formula: `=${name}` } : { value: builtIn(STORAGE_PRICES, priceRow, "pricePerGb") },
      FORMATS.usd,
      `=IF(N(${used})=0,0,${call("STORAGEOVERAGE", 5, [used, allowance, str(what), name])})`,
      `Excess over the allowance, rounded up to whole GB, × price per GB${name ? ` (${name})` : ""}.`,
    );
  };
  overage(R.dataOverage, "data", I.dataUsedGb, allowanceData, dataPrice, 0);
  overage(R.attachmentOverage, "attachment", I.attachmentUsedGb, allowanceAttachment, attachmentPrice, 1);
  line(
    R.translation,
    "Premium Translated Words (a month)",
    `=${I.words}`,
    FORMATS.count,
    wordPrice ? { formula: `=${wordPrice}` } : { value: builtIn(TRANSLATION_PRICE, 0, "pricePerWord") },
    FORMATS.usd4,
    `=IF(N(${I.words})=0,0,${call("TRANSLATIONFEE", 2, [I.words, wordPrice])})`,
    `Words × the price per word${wordPrice ? ` (${wordPrice})` : ""}.`,
  );
  put(`A${R.total}`, { value: "Total", style: "total" });
  for (const col of ["B", "C"]) put(`${col}${R.total}`, { style: "total" });
  put(`D${R.total}`, { formula: `=SUM(D${R.seats}:D${R.translation})`, numberFormat: FORMATS.usd, style: "total" });
  put(`E${R.total}`, { value: "Storage and translation are per month; seats per period.", style: "note", wrap: true });

  // ---- Storage allowance ----------------------------------------------------------------------
  put(`A${ALLOWANCE_SECTION_ROW}`, { value: "Storage allowance (per organization)", style: "section" });
  const allowance = (row: number, category: "data" | "attachment") => {
    put(`A${row}`, { value: category === "data" ? "Data storage allowance" : "Attachment storage allowance" });
    put(`B${row}`, {
      formula: `=IF(${I.plan}="","",${call(
        "STORAGEALLOWANCE",
        5,
        [I.plan, str(category), I.fullTimeUsers, I.committedConversations, I.organizations],
        allocation,
      )})`,
      numberFormat: FORMATS.gb,
      style: "calc",
    });
    put(`C${row}`, {
      value: `The plan's default + per full-time user or per 1,000 committed conversations, ÷ organizations${allocation ? ` (${allocation})` : ""}.`,
      style: "note",
    });
  };
  allowance(ALLOWANCE_SECTION_ROW + 1, "data");
  allowance(ALLOWANCE_SECTION_ROW + 2, "attachment");

  // ---- Professional and managed services -----------------------------------------------------
  put(`A${SERVICES_SECTION_ROW}`, { value: "Professional and managed services", style: "section" });
  const pkg = I.psPackage;
  const service = (row: number, label: string, formula: string, format: string, how: string) => {
    put(`A${row}`, { value: label });
    put(`B${row}`, { formula, numberFormat: format, style: "calc" });
    put(`C${row}`, { value: how, style: "note" });
  };
  const via = (table: string | null) => (table ? ` (${table})` : "");
  service(
    SERVICES_SECTION_ROW + 1,
    "Kick-off to be held by",
    `=IF(OR(${pkg}="",${I.periodStart}=""),"",${call("PSKICKOFFDEADLINE", 2, [pkg, I.periodStart], packages)})`,
    FORMATS.date,
    `30 days from the period start (90 for the AI packages)${via(packages)}.`,
  );
  service(
    SERVICES_SECTION_ROW + 2,
    "Services end; unused hours expire",
    `=IF(OR(${pkg}="",${I.kickoff}=""),"",${call("PSEXPIRY", 2, [pkg, I.kickoff], packages)})`,
    FORMATS.date,
    `The kick-off date + the package's duration${via(packages)}.`,
  );
  const inclusion = (row: number, label: string, item: string, format: string) =>
    service(
      row,
      label,
      `=IF(${pkg}="","",IFNA(${call("PSINCLUSION", 2, [pkg, str(item)], packages)},"none"))`,
      format,
      `Included in the package${via(packages)}.`,
    );
  inclusion(SERVICES_SECTION_ROW + 3, "One-hour sessions included", "sessions", FORMATS.count);
  inclusion(SERVICES_SECTION_ROW + 4, "Configuration hours included", "configuration hours", FORMATS.hours);
  inclusion(SERVICES_SECTION_ROW + 5, "Training hours included", "training hours", FORMATS.hours);
  const lvl = I.managedLevel;
  service(
    SERVICES_SECTION_ROW + 6,
    "Managed services hours a month",
    `=IF(${lvl}="","",${call(
      "MANAGEDHOURS",
      2,
      [`IF(LEFT(${lvl},3)="AI ",MID(${lvl},4,40),${lvl})`, `IF(LEFT(${lvl},3)="AI ","AI Managed Services","Managed Services")`],
      managed,
    )})`,
    FORMATS.hours,
    `Hours allocated each month at the level${via(managed)}.`,
  );

  const conditionalFormats: ConditionalFormat[] = [];
  return {
    sheetName,
    cells,
    columnWidths: { A: 40, B: 26, C: 13, D: 15, E: 72, F: 2, G: 2, H: 30 },
    validations,
    conditionalFormats,
    tables: [],
    printArea: `A1:E${LAST_ROW}`,
    hiddenColumns: [LIST_COLUMN],
    select: QUOTE_INPUT_CELLS.customer,
  };
}

/** The Quote, as the pane lists and builds it (registered in ./index.ts). */
export const QUOTE: SheetSpec<"quote"> = {
  kind: "quote",
  sheetName: QUOTE_SHEET,
  button: { id: "new-quote", label: "New quote" },
  what: "the quote",
  ready: "Type in the yellow cells; the lines and the total follow.",
  layout: (loaded, sheetName) => quoteLayout(loaded, sheetName),
};
