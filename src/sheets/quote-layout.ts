/**
 * The "Quote" sheet a salesperson fills in: an input block (customer, plan, billing, period and
 * the AI products' and the Optimization Assessment's own starts, seats, storage used, translated
 * words, new or existing client, Go-Live, managed-services level), up to four professional-services
 * packages (package, kick-off day, the Order's fee; beside each, its kick-off deadline counted from
 * its own start and a check against who may buy it, quoting the sentence of the terms it breaks),
 * a lines table whose every amount is a live KUSTOMER formula on the inputs (one line per package
 * at its fee), a total, the storage allowances and the professional-services dates, inclusions
 * and checkpoint weeks. Where a rate card's table is loaded in the
 * workbook, the formulas pass it as the functions' last argument `rates` (so an Order's
 * negotiated rates flow in); where the storage and translation prices' workbook names are
 * loaded, the formulas use them as the price. Pure: the writer queues what this returns.
 *
 * Columns: A labels and items, B inputs and quantities, C unit prices (hints beside inputs),
 * D amounts, E "how it is computed" (and the packages' checks). H holds the PS package list the
 * dropdowns read and I the checks' texts (outside the print area, hidden: a list typed into a
 * validation, and a text typed in a formula, are limited to 255 characters).
 * The rules the checks apply, and the readings taken where the terms leave room: docs/terms.md.
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

/** The quote's inputs, in order: key, label, format and the hint beside it. */
const INPUTS = [
  { key: "customer", label: "Customer", format: FORMATS.text, hint: "" },
  { key: "plan", label: "Plan", format: FORMATS.text, hint: "Sets the storage allocation" },
  { key: "billing", label: "Billing", format: FORMATS.text, hint: "Monthly: the period is the month; annual: the contract term" },
  { key: "periodStart", label: "Period start", format: FORMATS.date, hint: "First day of the month or term (also the subscription start)" },
  { key: "periodEnd", label: "Period end (included)", format: FORMATS.date, hint: "Last day of the month or term" },
  {
    key: "aiStart",
    label: "AI products' Subscription Start",
    format: FORMATS.date,
    hint: "The AI Implementations' kick-off counts from it; blank: the period start",
  },
  {
    key: "serviceStart",
    label: "Optimization Assessment service start",
    format: FORMATS.date,
    hint: "The Optimization Assessment's kick-off counts from it; blank: the period start",
  },
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
  { key: "client", label: "Client", format: FORMATS.text, hint: "New or existing: decides which packages the terms allow" },
  { key: "goLive", label: "Go-Live date", format: FORMATS.date, hint: "Optional: shows the two weeks of post-go-live checkpoint calls" },
  { key: "managedLevel", label: "Managed services level", format: FORMATS.text, hint: "Optional" },
] as const;

export type QuoteInput = (typeof INPUTS)[number]["key"];

/** How many professional-services packages a quote holds (one row each). */
export const PS_ROWS = 4;

const TITLE_ROW = 1;
const INPUT_HEADER_ROW = TITLE_ROW + CAPTION_ROWS + 2;
const FIRST_INPUT_ROW = INPUT_HEADER_ROW + 1;
const PS_SECTION_ROW = FIRST_INPUT_ROW + INPUTS.length + 1; // one empty row after the inputs
const PS_HEADER_ROW = PS_SECTION_ROW + 1;
/** The rows of the packages (inputs in A:C, the kick-off deadline in D and the terms' check in E). */
export const QUOTE_PS_ROWS: readonly number[] = Object.freeze(Array.from({ length: PS_ROWS }, (_, i) => PS_HEADER_ROW + 1 + i));
/** The row checking the managed-services level against the terms, under the packages. */
const MANAGED_CHECK_ROW = PS_HEADER_ROW + 1 + PS_ROWS;
const LINES_SECTION_ROW = MANAGED_CHECK_ROW + 2; // one empty row after the packages
const LINES_HEADER_ROW = LINES_SECTION_ROW + 1;

/** A package's cells in its row: the package, its kick-off day, its fee (inputs), the kick-off deadline and the check. */
export const quotePackageCells = (i: number) => {
  const row = QUOTE_PS_ROWS[i];
  return { package: `A${row}`, kickoff: `B${row}`, fee: `C${row}`, kickoffBy: `D${row}`, check: `E${row}` };
};

/**
 * The input cells by key, e.g. QUOTE_INPUT_CELLS.plan === "B9"; `psPackage` and `kickoff` are the
 * first package's cells.
 */
export const QUOTE_INPUT_CELLS: Readonly<Record<QuoteInput | "psPackage" | "kickoff", string>> = Object.freeze({
  ...(Object.fromEntries(INPUTS.map((inp, i) => [inp.key, `B${FIRST_INPUT_ROW + i}`])) as Record<QuoteInput, string>),
  psPackage: quotePackageCells(0).package,
  kickoff: quotePackageCells(0).kickoff,
});

const LINE_ITEMS = ["seats", "seatsAdded", "dataOverage", "attachmentOverage", "translation"] as const;
export type QuoteLine = (typeof LINE_ITEMS)[number];

/** The lines of the packages' fees, one per package row, after the other lines. */
export const QUOTE_PS_LINE_ROWS: readonly number[] = Object.freeze(
  Array.from({ length: PS_ROWS }, (_, i) => LINES_HEADER_ROW + 1 + LINE_ITEMS.length + i),
);

/** The row of each line, and of the total. */
export const QUOTE_LINE_ROWS: Readonly<Record<QuoteLine | "total", number>> = Object.freeze({
  ...(Object.fromEntries(LINE_ITEMS.map((k, i) => [k, LINES_HEADER_ROW + 1 + i])) as Record<QuoteLine, number>),
  total: LINES_HEADER_ROW + 1 + LINE_ITEMS.length + PS_ROWS,
});

const ALLOWANCE_SECTION_ROW = QUOTE_LINE_ROWS.total + 2;
const SERVICES_SECTION_ROW = ALLOWANCE_SECTION_ROW + 4;
/** The rows of the packages' ends (services end, unused hours expire), one per package row. */
const SERVICES_END_ROWS = Array.from({ length: PS_ROWS }, (_, i) => SERVICES_SECTION_ROW + 1 + i);
const AFTER_ENDS = SERVICES_SECTION_ROW + 1 + PS_ROWS;

/** The calculated cells below the lines (column B; the checkpoint weeks' last days in C). */
export const QUOTE_RESULT_CELLS = Object.freeze({
  dataAllowance: `B${ALLOWANCE_SECTION_ROW + 1}`,
  attachmentAllowance: `B${ALLOWANCE_SECTION_ROW + 2}`,
  /** The first package's kick-off deadline and end. */
  kickoffDeadline: quotePackageCells(0).kickoffBy,
  servicesEnd: `B${SERVICES_END_ROWS[0]}`,
  sessions: `B${AFTER_ENDS}`,
  configurationHours: `B${AFTER_ENDS + 1}`,
  trainingHours: `B${AFTER_ENDS + 2}`,
  checkpointWeek1From: `B${AFTER_ENDS + 3}`,
  checkpointWeek1To: `C${AFTER_ENDS + 3}`,
  checkpointWeek2From: `B${AFTER_ENDS + 4}`,
  checkpointWeek2To: `C${AFTER_ENDS + 4}`,
  managedHours: `B${AFTER_ENDS + 5}`,
  /** The managed-services level checked against the terms (under the packages). */
  managedCheck: `E${MANAGED_CHECK_ROW}`,
  total: `D${QUOTE_LINE_ROWS.total}`,
});

/** Each package's services end (unused hours expire), by package row. */
export const QUOTE_SERVICES_END_CELLS: readonly string[] = Object.freeze(SERVICES_END_ROWS.map((r) => `B${r}`));

const LAST_ROW = AFTER_ENDS + 5;
const LIST_COLUMN = "H";
/** The column of the checks' texts (hidden): a text typed in a formula is limited to 255 characters. */
const TEXT_COLUMN = "I";

/** The plans of the allocation card, as the dropdown offers them ("Professional (legacy)"...). */
export const PLAN_CHOICES: readonly string[] = STORAGE_ALLOCATION.rows.map((r) => r.label);
/** The PS packages of the built-in card. */
export const PS_PACKAGE_CHOICES: readonly string[] = PS_PACKAGES.rows.map((r) => r.name);
/** Managed-services levels: "Essential", "Basic", "Standard" and the AI service's "AI Basic", "AI Standard". */
export const MANAGED_CHOICES: readonly string[] = MANAGED_SERVICES_HOURS.rows.map((r) =>
  r.service === "AI Managed Services" ? `AI ${r.level}` : r.level,
);
export const BILLING_CHOICES: readonly string[] = ["Monthly", "Annual"];
/** Who the client is: the terms sell some packages to new clients only, others to existing ones. */
export const CLIENT_CHOICES: readonly string[] = ["New client", "Existing client", "Existing client with an AI Implementation completed"];
const [NEW_CLIENT, , AI_DONE] = CLIENT_CHOICES;

/** What the check says of a package or level the terms allow. */
export const ALLOWED = "Allowed by the terms.";

/** What the check says where the kick-off deadline is an error (a package neither the terms nor the Order's table name). */
export const UNCHECKED = "Not checked: the kick-off deadline beside says what is wrong with the package.";

const TERMS = "Professional Services Terms";
/**
 * Why a package or a managed-services level is flagged: what is wrong, then the sentence of the
 * Professional Services Terms it breaks, word for word, and where it is.
 */
export const QUOTE_FLAGS = Object.freeze({
  migrationAlone:
    'Not allowed: a Data Migration needs an Implementation (Basic or Standard) in the same quote. The terms: "Must be purchased alongside a Kustomer Implementation, and cannot be purchased as a stand-alone service." (' +
    TERMS +
    ", Data Migration, Eligibility)",
  migrationExisting:
    'Not allowed for an existing client. The terms: "Package available to new Clients only. Intended for first-time Kustomer implementing Clients, not applicable to existing Clients expanding current implementation." (' +
    TERMS +
    ", Data Migration, Eligibility)",
  initialExisting:
    'Not allowed for an existing client: the onboarding and the Implementations (Basic, Standard) are a new client\'s initial implementation, which an existing client has completed. The terms: "Intended solely for Clients completing initial Kustomer Implementation seeking to optimize current platform use." (' +
    TERMS +
    ", Optimization Assessment, Eligibility)",
  assessmentNew:
    'Not allowed for a new client. The terms: "Engagement available to existing Clients only." and "Engagement is not applicable to new Clients or to existing Clients seeking strategic transformation, or expansion across new business units or brands." (' +
    TERMS +
    ", Optimization Assessment, Eligibility)",
  managedNew:
    'Not allowed for a new client without an Implementation (Basic or Standard) in the quote. The terms: "Engagement available to existing Kustomer Clients only. Intended solely for Clients completing initial Kustomer Implementation seeking to optimize or maintain current platform use." (' +
    TERMS +
    ", Managed Services, Eligibility)",
  aiManagedNew:
    'Not allowed for a new client without an Implementation (Basic or Standard) in the quote. The terms: "Engagement available to existing Kustomer Clients only. Intended solely for Clients completing initial Kustomer Implementation and AI implementation (Basic or Advanced) seeking to optimize or maintain current AI Agent Teams." (' +
    TERMS +
    ", AI Managed Services, Eligibility)",
  aiManagedAlone:
    'Not allowed without an AI Implementation (Basic or Advanced) in the quote or completed by the client. The terms: "Intended solely for Clients completing initial Kustomer Implementation and AI implementation (Basic or Advanced) seeking to optimize or maintain current AI Agent Teams." (' +
    TERMS +
    ", AI Managed Services, Eligibility)",
  lateKickoff:
    'The kick-off is after its deadline (the date beside). The terms: "The package must commence with a Project Kick-Off meeting scheduled within thirty (30) days of the Subscription Start Date." (' +
    TERMS +
    ", the package's Schedule)",
  lateKickoffAssessment:
    'The kick-off is after its deadline (the date beside). The terms: "The package must commence with a Project Kick-Off meeting scheduled within thirty (30) days of service start date." (' +
    TERMS +
    ", Optimization Assessment, Schedule)",
  lateKickoffAi:
    'The kick-off is after its deadline (the date beside). The terms: "The package must commence with a Project Kick-Off meeting scheduled within ninety (90) days of the Subscription Start Date for applicable AI products set forth in the Order Form." (' +
    TERMS +
    ", the AI Implementation's Schedule)",
});
type QuoteFlag = keyof typeof QUOTE_FLAGS;

const ONBOARDING = ["Onboarding - Self-Paced", "Onboarding Essentials"];
const IMPLEMENTATIONS = ["Implementation - Basic", "Implementation - Standard"];
const MIGRATIONS = ["Data Migration - Small", "Data Migration - Medium", "Data Migration - Large", "Data Migration - Zendesk"];
const AI_IMPLEMENTATIONS = ["Implementation - AI Basic", "Implementation - AI Advanced"];
const ASSESSMENT = "Optimization Assessment";

/** The quote's cards. */
export const QUOTE_CARDS: readonly AnyRateTable[] = [
  STORAGE_ALLOCATION,
  STORAGE_PRICES,
  TRANSLATION_PRICE,
  PS_PACKAGES,
  MANAGED_SERVICES_HOURS,
];

const abs = (a: string) => a.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
/** `cell` is one of `names` (Excel's = compares text without regard to case). */
const isOneOf = (cell: string, names: readonly string[]) =>
  names.length === 1 ? `${cell}=${str(names[0])}` : `OR(${names.map((n) => `${cell}=${str(n)}`).join(",")})`;

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
  const defaults: Partial<Record<QuoteInput, string | number>> = { billing: "Monthly", organizations: 1, client: NEW_CLIENT };
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
  // The checks' texts, each in a cell the checks read (a formula's own text is limited to 255 characters).
  put(`${TEXT_COLUMN}${INPUT_HEADER_ROW}`, { value: "The terms' checks (read by column E)", style: "note" });
  const flagCell = {} as Record<QuoteFlag, string>;
  (Object.keys(QUOTE_FLAGS) as QuoteFlag[]).forEach((k, i) => {
    const address = `${TEXT_COLUMN}${FIRST_INPUT_ROW + i}`;
    put(address, { value: QUOTE_FLAGS[k], numberFormat: FORMATS.text, style: "note" });
    flagCell[k] = abs(address);
  });

  // ---- Professional-services packages ---------------------------------------------------------
  const P = Array.from({ length: PS_ROWS }, (_, i) => {
    const c = quotePackageCells(i);
    return {
      row: QUOTE_PS_ROWS[i],
      pkg: abs(c.package),
      kickoff: abs(c.kickoff),
      fee: abs(c.fee),
      by: abs(c.kickoffBy),
      check: abs(c.check),
    };
  });
  const firstPkg = P[0].pkg;
  const lastPkg = P[PS_ROWS - 1].pkg;
  const count = (names: readonly string[]) => names.map((n) => `COUNTIF(${firstPkg}:${lastPkg},${str(n)})`).join("+");
  const implementations = `(${count(IMPLEMENTATIONS)})`;
  const aiImplementations = `(${count(AI_IMPLEMENTATIONS)})`;
  // A blank client reads as a new one, as the input starts.
  const isNew = `OR(${I.client}="",${I.client}=${str(NEW_CLIENT)})`;
  put(`A${PS_SECTION_ROW}`, { value: "Professional-services packages", style: "section" });
  put(`C${PS_SECTION_ROW}`, {
    value: "One package a row; the fee is the Order's. Each is checked against who may buy it and its kick-off deadline.",
    style: "note",
  });
  ["Package", "Kick-off held on", "Fee", "Kick-off by", "Against the terms"].forEach((h, c) =>
    put(`${"ABCDE"[c]}${PS_HEADER_ROW}`, { value: h, style: "header" }),
  );
  const orStart = (input: string) => `IF(${input}="",${I.periodStart},${input})`;
  for (const p of P) {
    put(`A${p.row}`, { numberFormat: FORMATS.text, style: "input" });
    put(`B${p.row}`, { numberFormat: FORMATS.date, style: "input" });
    put(`C${p.row}`, { numberFormat: FORMATS.usd, style: "input" });
    // Each package's kick-off counts from its own start: the AI products' Subscription Start for
    // the AI Implementations, the service start for the Optimization Assessment, else the period's.
    const start = `IF(${isOneOf(p.pkg, AI_IMPLEMENTATIONS)},${orStart(I.aiStart)},IF(${p.pkg}=${str(ASSESSMENT)},${orStart(I.serviceStart)},${I.periodStart}))`;
    put(`D${p.row}`, {
      formula: `=IF(OR(${p.pkg}="",${I.periodStart}=""),"",${call("PSKICKOFFDEADLINE", 2, [p.pkg, start], packages)})`,
      numberFormat: FORMATS.date,
      style: "calc",
    });
    const late = `AND(N(${p.kickoff})>0,ISNUMBER(${p.by}),N(${p.kickoff})>N(${p.by}))`;
    const lateFlag = `IF(${isOneOf(p.pkg, AI_IMPLEMENTATIONS)},${flagCell.lateKickoffAi},IF(${p.pkg}=${str(ASSESSMENT)},${flagCell.lateKickoffAssessment},${flagCell.lateKickoff}))`;
    put(`E${p.row}`, {
      formula:
        `=IF(${p.pkg}="","",IF(ISERROR(${p.by}),${str(UNCHECKED)},` +
        `IF(AND(${isOneOf(p.pkg, MIGRATIONS)},NOT(${isNew})),${flagCell.migrationExisting},` +
        `IF(AND(${isOneOf(p.pkg, [...ONBOARDING, ...IMPLEMENTATIONS])},NOT(${isNew})),${flagCell.initialExisting},` +
        `IF(AND(${isOneOf(p.pkg, MIGRATIONS)},${implementations}=0),${flagCell.migrationAlone},` +
        `IF(AND(${p.pkg}=${str(ASSESSMENT)},${isNew}),${flagCell.assessmentNew},` +
        `IF(${late},${lateFlag},${str(ALLOWED)})))))))`,
      style: "calc",
      wrap: true,
    });
  }
  // The managed-services level, checked as the packages are.
  const lvl = I.managedLevel;
  const isAiLevel = `LEFT(${lvl},3)="AI "`;
  put(`A${MANAGED_CHECK_ROW}`, { formula: `=IF(${lvl}="","Managed services: none","Managed services: "&${lvl})` });
  put(`E${MANAGED_CHECK_ROW}`, {
    formula:
      `=IF(${lvl}="","",` +
      `IF(AND(${isNew},${implementations}=0),IF(${isAiLevel},${flagCell.aiManagedNew},${flagCell.managedNew}),` +
      `IF(AND(${isAiLevel},${aiImplementations}=0,${I.client}<>${str(AI_DONE)}),${flagCell.aiManagedAlone},` +
      `${str(ALLOWED)})))`,
    style: "calc",
    wrap: true,
  });

  const validations: Validation[] = [
    { address: QUOTE_INPUT_CELLS.plan, kind: "list", list: PLAN_CHOICES, prompt: "Choose the plan." },
    { address: QUOTE_INPUT_CELLS.billing, kind: "list", list: BILLING_CHOICES, prompt: "Monthly or annual billing." },
    { address: QUOTE_INPUT_CELLS.client, kind: "list", list: CLIENT_CHOICES, prompt: "New or existing client." },
    ...P.map((p): Validation => ({
      address: `A${p.row}`,
      kind: "list",
      list: [`=${listRange}`],
      prompt: "Choose a professional-services package, or leave blank.",
    })),
    {
      address: QUOTE_INPUT_CELLS.managedLevel,
      kind: "list",
      list: MANAGED_CHOICES,
      prompt: "Choose a managed-services level, or leave blank.",
    },
    ...(["periodStart", "periodEnd", "aiStart", "serviceStart", "addDate", "goLive"] as const).map((k): Validation => ({
      address: QUOTE_INPUT_CELLS[k],
      kind: "date",
      prompt: "A date.",
    })),
    ...P.map((p): Validation => ({ address: `B${p.row}`, kind: "date", prompt: "A date." })),
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
    ...P.map((p): Validation => ({ address: `C${p.row}`, kind: "decimal", min: 0, prompt: "The Order's fee, 0 or more." })),
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
  // One line per package: its fee as the Order states it, flagged where the terms do not allow it.
  P.forEach((p, i) => {
    const row = QUOTE_PS_LINE_ROWS[i];
    // An unused row (no package, no fee) shows nothing; a fee typed without a package still counts.
    const unused = `AND(${p.pkg}="",N(${p.fee})=0)`;
    put(`A${row}`, { formula: `=IF(${unused},"",IF(${p.pkg}="","Professional services (no package chosen)",${p.pkg}))` });
    put(`B${row}`, { formula: `=IF(${unused},"",1)`, numberFormat: FORMATS.count });
    put(`C${row}`, { formula: `=IF(${unused},"",N(${p.fee}))`, numberFormat: FORMATS.usd });
    put(`D${row}`, { formula: `=IF(${unused},"",N(${p.fee}))`, numberFormat: FORMATS.usd });
    put(`E${row}`, {
      formula: `=IF(${p.pkg}="",IF(N(${p.fee})=0,"","A fee without a package."),IF(${p.check}=${str(ALLOWED)},"The Order's fee for the package.","The Order's fee; the package is flagged above: "&LEFT(${p.check},FIND(".",${p.check}))))`,
      style: "note",
      wrap: true,
    });
  });
  put(`A${R.total}`, { value: "Total", style: "total" });
  for (const col of ["B", "C"]) put(`${col}${R.total}`, { style: "total" });
  put(`D${R.total}`, {
    formula: `=SUM(D${R.seats}:D${QUOTE_PS_LINE_ROWS[PS_ROWS - 1]})`,
    numberFormat: FORMATS.usd,
    style: "total",
  });
  put(`E${R.total}`, {
    value: "Storage and translation are per month; seats per period; packages once.",
    style: "note",
    wrap: true,
  });

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
  /** A calculated row: its label (or a formula giving it), its value, and how it is computed (shown when `shownIf` holds). */
  const service = (row: number, label: string | { formula: string }, formula: string, format: string, how: string, shownIf?: string) => {
    put(`A${row}`, typeof label === "string" ? { value: label } : label);
    put(`B${row}`, { formula, numberFormat: format, style: "calc" });
    put(`C${row}`, shownIf ? { formula: `=IF(${shownIf},${str(how)},"")`, style: "note" } : { value: how, style: "note" });
  };
  const via = (table: string | null) => (table ? ` (${table})` : "");
  P.forEach((p, i) =>
    service(
      SERVICES_END_ROWS[i],
      { formula: `=IF(${p.pkg}="","",${p.pkg}&": services end")` },
      `=IF(OR(${p.pkg}="",${p.kickoff}=""),"",${call("PSEXPIRY", 2, [p.pkg, p.kickoff], packages)})`,
      FORMATS.date,
      `The kick-off date + the package's duration; unused hours expire then${via(packages)}.`,
      `${p.pkg}<>""`,
    ),
  );
  // An item summed over the packages: "none" where no package of the quote states it.
  const inclusion = (row: number, label: string, item: string, format: string) => {
    const each = P.map((p) => ({ p, f: call("PSINCLUSION", 2, [p.pkg, str(item)], packages) }));
    const stated = each.map(({ p, f }) => `IF(${p.pkg}="",0,IF(ISNA(${f}),0,1))`).join("+");
    const sum = each.map(({ p, f }) => `IF(${p.pkg}="",0,IFNA(${f},0))`).join("+");
    service(
      row,
      label,
      `=IF(COUNTA(${firstPkg}:${lastPkg})=0,"",IF(${stated}=0,"none",${sum}))`,
      format,
      `Included in the packages, together${via(packages)}.`,
    );
  };
  inclusion(AFTER_ENDS, "One-hour sessions included", "sessions", FORMATS.count);
  inclusion(AFTER_ENDS + 1, "Configuration hours included", "configuration hours", FORMATS.hours);
  inclusion(AFTER_ENDS + 2, "Training hours included", "training hours", FORMATS.hours);
  // One checkpoint call a week for the first two weeks after Go-Live (the Implementations).
  const week = (row: number, n: 1 | 2) => {
    const shown = `OR(${I.goLive}="",${implementations}=0)`;
    put(`A${row}`, { value: `Checkpoint calls, week ${n} (from, to)` });
    put(`B${row}`, { formula: `=IF(${shown},"",${I.goLive}+${7 * n - 6})`, numberFormat: FORMATS.date, style: "calc" });
    put(`C${row}`, { formula: `=IF(${shown},"",${I.goLive}+${7 * n})`, numberFormat: FORMATS.date, style: "calc" });
    put(`D${row}`, {
      value:
        n === 1 ? "With an Implementation (Basic or Standard) and a Go-Live date: one call a week." : "Go-Live + 8 to Go-Live + 14 days.",
      style: "note",
    });
  };
  week(AFTER_ENDS + 3, 1);
  week(AFTER_ENDS + 4, 2);
  service(
    AFTER_ENDS + 5,
    "Managed services hours a month",
    `=IF(${lvl}="","",${call(
      "MANAGEDHOURS",
      2,
      [`IF(${isAiLevel},MID(${lvl},4,40),${lvl})`, `IF(${isAiLevel},"AI Managed Services","Managed Services")`],
      managed,
    )})`,
    FORMATS.hours,
    `Hours allocated each month at the level${via(managed)}.`,
  );

  // A package or level the terms do not allow, in red: its check and its fee's line.
  const flagged = { fill: "#FFC7CE", fontColor: "#9C0006" };
  const conditionalFormats: ConditionalFormat[] = [
    {
      address: `E${QUOTE_PS_ROWS[0]}:E${MANAGED_CHECK_ROW}`,
      formula: `=AND(E${QUOTE_PS_ROWS[0]}<>"",E${QUOTE_PS_ROWS[0]}<>${str(ALLOWED)})`,
      ...flagged,
    },
    {
      address: `A${QUOTE_PS_LINE_ROWS[0]}:E${QUOTE_PS_LINE_ROWS[PS_ROWS - 1]}`,
      formula: `=AND($E${QUOTE_PS_ROWS[0]}<>"",$E${QUOTE_PS_ROWS[0]}<>${str(ALLOWED)})`,
      ...flagged,
    },
  ];
  return {
    sheetName,
    cells,
    columnWidths: { A: 40, B: 26, C: 13, D: 15, E: 72, F: 2, G: 2, H: 30, I: 60 },
    validations,
    conditionalFormats,
    tables: [],
    printArea: `A1:E${LAST_ROW}`,
    hiddenColumns: [LIST_COLUMN, TEXT_COLUMN],
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
