/**
 * Planning a load of rate cards: what the first round trip reads (the sheets, tables and their
 * values, workbook names), what each card meets there (equal, names to fix, free, or a conflict
 * for the user to decide), and the jobs that follow from the user's choices: each card's staging,
 * final, backup sheet and table names, decided before anything is written. The names themselves
 * come from the pure layout (src/sheets/rate-card-layout.ts).
 */
import type { AnyRateTable } from "../../rules/rates/documents";
import {
  backupSheetName,
  besideSheetName,
  besideTableName,
  type CardGrid,
  cardGrid,
  HEADER_ROW,
  nameFormula,
  namedCells,
  sameReference,
  sameValues,
  sheetNameFor,
} from "../../sheets/rate-card-layout";
import type { RunFn } from "./run";

/**
 * The ExcelApi requirement set of reading the workbook: the highest among the members this module
 * uses (NamedItem.formula, 1.7; TableCollection.getItemOrNullObject, 1.4). The pane checks it
 * before loading; test/requirement-sets.test.ts keeps it equal to what is used.
 */
export const EXCEL_API_SET = "1.7";

/** One card to load: the rates (built-in, or an Order's in the card's shape) and its two caption lines. */
export interface CardLoad {
  readonly table: AnyRateTable;
  readonly title: string;
  readonly caption: string;
}

/** What the user may do with a card whose sheet already holds something else. */
export type Choice = "replace" | "keep" | "beside";

export interface Conflict {
  readonly id: string;
  readonly title: string;
  /** The sheet that holds the card's table, or the sheet of the card's name. */
  readonly sheet: string;
  readonly reason: "values" | "names" | "sheet";
  readonly message: string;
}

export type Status = "created" | "up-to-date" | "names-added" | "replaced" | "kept" | "beside" | "cancelled" | "not-loaded" | "unknown";

export interface Outcome {
  readonly id: string;
  readonly title: string;
  readonly status: Status;
  /** The sheet the card is on after the load. */
  readonly sheet?: string;
  /** The table's name where it is not the card's id (beside). */
  readonly table?: string;
  /** The dated copy of the old sheet (replace). */
  readonly backup?: string;
  /** Workbook names written. */
  readonly names?: readonly string[];
  /** For "not-loaded" and "unknown" after a failed write: what is where, in words. */
  readonly detail?: string;
}

export interface LoadOptions {
  /** Defaults to Excel.run. */
  readonly run?: RunFn;
  /** ISO date for backup sheet names. */
  readonly today: string;
  /** Asked once with every conflict; resolves to a choice per card id, or null to cancel the load (nothing is written). Without it, conflicts are kept. */
  readonly choose?: (conflicts: readonly Conflict[]) => Promise<Readonly<Record<string, Choice>> | null>;
  readonly onProgress?: (message: string) => void;
}

export interface LoadReport {
  readonly outcomes: readonly Outcome[];
  /** context.sync round trips made (at most 2; more after a failure). */
  readonly syncs: number;
  /** Set when Excel stopped the write part-way: its message, and whether the workbook was read back and made whole. */
  readonly failure?: { readonly message: string; readonly repaired: boolean };
}

/** What the read phase queued for one card. */
export interface Probe {
  readonly load: CardLoad;
  readonly grid: CardGrid;
  readonly table: Excel.Table;
  readonly range: Excel.Range;
  readonly sheet: Excel.Worksheet;
}

/** What to do with one card, decided from what the read phase found. */
export interface Plan {
  readonly probe: Probe;
  readonly status: "create" | "up-to-date" | "names" | "conflict";
  readonly tableExists: boolean;
  /** The sheet that holds the card's table, or a sheet of the card's sheet name; undefined when neither exists. */
  readonly existingSheet?: string;
  /** Workbook names missing, or left broken (#REF!) by a deleted sheet: written without asking. */
  readonly fixNames: readonly string[];
  readonly conflict?: Conflict;
}

/** What the first round trip queued: the workbook's collections, and one probe per card. */
export interface Read {
  readonly sheets: Excel.WorksheetCollection;
  readonly tables: Excel.TableCollection;
  readonly names: Excel.NamedItemCollection;
  readonly probes: Probe[];
}

/** Queues round trip 1: every sheet, table and workbook name, and for each card its table, range and sheet. */
export function queueRead(context: Excel.RequestContext, loads: readonly CardLoad[]): Read {
  const wb = context.workbook;
  const sheets = wb.worksheets;
  sheets.load("items/name,items/position");
  const tables = wb.tables;
  tables.load("items/name");
  const names = wb.names;
  names.load("items/name,items/formula");
  const probes: Probe[] = loads.map((load) => {
    const table = tables.getItemOrNullObject(load.table.id);
    table.load("name,showTotals");
    // On a missing table these are null objects too; they are read only when it exists.
    const range = table.getRange();
    range.load("values,address");
    // A navigation to the table's sheet, not a read of a loaded value (the add-in lint cannot tell).
    // eslint-disable-next-line office-addins/call-sync-before-read
    const sheet = table.worksheet;
    sheet.load("name");
    return { load, grid: cardGrid(load.table), table, range, sheet };
  });
  return { sheets, tables, names, probes };
}

/** What round trip 1 found: the names in use (lower case; added to as the plan takes names), the sheets' places, the names' formulas. */
export interface Found {
  /** Every sheet name read or planned: a sheet outside it after a failure is an unnamed copy. */
  readonly sheetNames: Set<string>;
  readonly sheetByName: ReadonlyMap<string, string>;
  /** Table and workbook names in use or planned (one namespace). */
  readonly usedTableNames: Set<string>;
  readonly formulas: ReadonlyMap<string, string>;
  readonly positions: ReadonlyMap<string, number>;
}

/** The names and places read by round trip 1. */
export function workbookNames(read: Read): Found {
  const { sheets, tables, names } = read;
  const sheetNames = new Set(sheets.items.map((s) => s.name.toLowerCase()));
  const sheetByName = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s.name]));
  const usedTableNames = new Set([...tables.items.map((t) => t.name.toLowerCase()), ...names.items.map((n) => n.name.toLowerCase())]);
  const formulas = new Map(names.items.map((n) => [n.name.toLowerCase(), String(n.formula)]));
  const positions = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s.position]));
  return { sheetNames, sheetByName, usedTableNames, formulas, positions };
}

/** The plan of a load once the user has chosen: each card's outcome or job, and the cards whose workbook names only are fixed. */
export interface LoadPlan {
  readonly outcomes: (Outcome | Job)[];
  readonly jobs: Job[];
  /** Cards already in the workbook whose missing or broken workbook names are written. */
  readonly nameFixes: Plan[];
}

/** Turns each card's plan and the user's choice (keep when none was given) into what round trip 2 writes. */
export function planJobs(plans: readonly Plan[], choices: Readonly<Record<string, Choice>>, f: Found, today: string): LoadPlan {
  const { sheetNames, usedTableNames, positions } = f;
  const outcomes: (Outcome | Job)[] = [];
  const jobs: Job[] = [];
  const nameFixes: Plan[] = [];
  const job = (plan: Plan, j: Omit<Staged, "plan" | "staging" | "stagingTable">): Job => {
    const staging = withSuffix(j.finalSheet, " (loading)", sheetNames);
    sheetNames.add(staging.toLowerCase());
    const stagingTable = freeName(`${j.finalTable}_loading`, usedTableNames);
    usedTableNames.add(stagingTable.toLowerCase());
    const made: Staged = { plan, staging, stagingTable, ...j };
    jobs.push(made);
    return made;
  };
  for (const plan of plans) {
    const { probe } = plan;
    const card = probe.load.table;
    const expectedSheet = sheetNameFor(card);
    if (plan.status === "up-to-date") {
      outcomes.push(outcome(plan, "up-to-date", { sheet: plan.existingSheet }));
      continue;
    }
    if (plan.status === "names") {
      nameFixes.push(plan);
      outcomes.push(outcome(plan, "names-added", { sheet: plan.existingSheet, names: plan.fixNames }));
      continue;
    }
    const tableFor = () => (usedTableNames.has(card.id.toLowerCase()) ? besideTableName(card.id, usedTableNames) : card.id);
    if (plan.status === "create") {
      // The card's own sheet and table names, unless this load already used one of them.
      const finalSheet = besideSheetName(expectedSheet, sheetNames);
      const finalTable = tableFor();
      sheetNames.add(finalSheet.toLowerCase());
      usedTableNames.add(finalTable.toLowerCase());
      outcomes.push(job(plan, { kind: "create", finalSheet, finalTable, withNames: true, oldTableExists: false }));
      continue;
    }
    // A conflict: the user's choice (keep when none was given).
    const choice = choices[card.id] ?? "keep";
    const existing = plan.existingSheet;
    if (choice === "keep") {
      outcomes.push(outcome(plan, "kept", { sheet: existing }));
    } else if (choice === "beside") {
      const finalSheet = besideSheetName(existing ?? expectedSheet, sheetNames);
      const finalTable = tableFor();
      sheetNames.add(finalSheet.toLowerCase());
      usedTableNames.add(finalTable.toLowerCase());
      outcomes.push(job(plan, { kind: "beside", finalSheet, finalTable, withNames: false, oldTableExists: false }));
    } else if (existing === undefined) {
      // Only workbook names were in the way: create the sheet and re-point them.
      sheetNames.add(expectedSheet.toLowerCase());
      usedTableNames.add(card.id.toLowerCase());
      outcomes.push(job(plan, { kind: "create", finalSheet: expectedSheet, finalTable: card.id, withNames: true, oldTableExists: false }));
    } else if (plan.tableExists && probe.range.values[0]?.length === probe.grid.headers.length && probe.grid.body.length > 0) {
      // Replace in place: a copy of the old sheet becomes the dated backup; the card's sheet
      // and table stay the same objects, now with the new rates.
      const backup = backupSheetName(existing, today, sheetNames);
      sheetNames.add(backup.toLowerCase());
      const backupTable = freeName(`${card.id}_backup`, usedTableNames);
      usedTableNames.add(backupTable.toLowerCase());
      const made: InPlace = {
        plan,
        kind: "inplace",
        finalSheet: existing,
        finalTable: card.id,
        withNames: true,
        backup,
        backupTable,
        origin: topLeft(probe.range.address),
        // The range holds the header, the body and any totals row.
        rows: probe.range.values.length - 1 - (probe.table.showTotals ? 1 : 0),
      };
      jobs.push(made);
      outcomes.push(made);
    } else {
      // Replace where the table's columns changed (or only a sheet of the card's name
      // exists): the old sheet becomes the dated backup (its table renamed with it), the new
      // card takes its name and place.
      const backup = backupSheetName(existing, today, sheetNames);
      sheetNames.add(backup.toLowerCase());
      const backupTable = plan.tableExists ? freeName(`${card.id}_backup`, usedTableNames) : undefined;
      if (backupTable) usedTableNames.add(backupTable.toLowerCase());
      usedTableNames.add(card.id.toLowerCase());
      outcomes.push(
        job(plan, {
          kind: "replace",
          finalSheet: existing,
          finalTable: card.id,
          withNames: true,
          oldTableExists: plan.tableExists,
          backup,
          backupTable,
          position: positions.get(existing.toLowerCase()),
        }),
      );
    }
  }
  return { outcomes, jobs, nameFixes };
}

export type Job = Staged | InPlace;

/** One card written to a staging sheet, then swapped in under its own names. */
export interface Staged {
  readonly plan: Plan;
  readonly kind: "create" | "replace" | "beside";
  readonly staging: string;
  readonly stagingTable: string;
  readonly finalSheet: string;
  readonly finalTable: string;
  readonly withNames: boolean;
  /** Replace: the old sheet's table (named as the card) is renamed to backupTable. */
  readonly oldTableExists: boolean;
  readonly backup?: string;
  readonly backupTable?: string;
  /** Replace: the old sheet's position, taken by the new one. */
  readonly position?: number;
}

/** Replace in place: the old sheet copied to `backup` (its table's copy named `backupTable`), then the card written into the live table. */
export interface InPlace {
  readonly plan: Plan;
  readonly kind: "inplace";
  readonly finalSheet: string;
  readonly finalTable: string;
  readonly withNames: true;
  readonly backup: string;
  readonly backupTable: string;
  /** The live table's header row (1-based) and first column (0-based). */
  readonly origin: { readonly row: number; readonly col: number };
  /** The live table's body rows when read. */
  readonly rows: number;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** `base` + `suffix` in at most 31 characters (the base cut with "…"), numbered until free. */
export function withSuffix(base: string, suffix: string, taken: ReadonlySet<string>): string {
  for (let i = 1; ; i++) {
    const sfx = i === 1 ? suffix : `${suffix.slice(0, -1)} ${i})`;
    const name = base.length + sfx.length <= 31 ? base + sfx : `${base.slice(0, 31 - sfx.length - 1)}…${sfx}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** `base`, or base_2, base_3... : the first not taken (tables and names share one namespace). */
export function freeName(base: string, taken: ReadonlySet<string>): string {
  return taken.has(base.toLowerCase()) ? besideTableName(base, taken) : base;
}

export function jobOutcome(j: Job): Outcome {
  const card = j.plan.probe.load.table;
  const names = j.withNames ? namedCells(card).map((n) => n.name) : undefined;
  if (j.kind === "beside")
    return outcome(j.plan, "beside", { sheet: j.finalSheet, table: j.finalTable === card.id ? undefined : j.finalTable });
  if (j.kind === "replace" || j.kind === "inplace") return outcome(j.plan, "replaced", { sheet: j.finalSheet, backup: j.backup, names });
  return outcome(j.plan, j.plan.status === "conflict" ? "replaced" : "created", {
    sheet: j.finalSheet,
    table: j.finalTable === card.id ? undefined : j.finalTable,
    names,
  });
}

/** The number of rows below the first of an address such as 'Storage Prices'!A4:B6 (2). */
export function rowsOf(address: string): number {
  const m = /(\d+)(?::\$?[A-Z]+\$?(\d+))?$/.exec(address);
  return m && m[2] ? Number(m[2]) - Number(m[1]) : 0;
}

/** The 1-based row and 0-based column of the top-left cell of an address such as 'Storage Prices'!A4:B6. */
export function topLeft(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)/.exec(address.slice(address.lastIndexOf("!") + 1));
  if (!m) return { row: HEADER_ROW, col: 0 };
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col: col - 1 };
}

/** Compares what exists with the card: equal, equal but names to fix, free to create, or a conflict. */
export function assess(probe: Probe, sheetByName: ReadonlyMap<string, string>, formulas: ReadonlyMap<string, string>): Plan {
  const card = probe.load.table;
  const tableExists = !probe.table.isNullObject;
  const existingSheet = tableExists ? probe.sheet.name : sheetByName.get(sheetNameFor(card).toLowerCase());
  // Where the names should point: at the existing table's cells, or at the layout's.
  const origin = tableExists ? topLeft(probe.range.address) : undefined;
  const fixNames: string[] = [];
  const elsewhere: string[] = [];
  for (const n of namedCells(card, origin)) {
    const f = formulas.get(n.name.toLowerCase());
    if (f === undefined || /#REF!/i.test(f)) fixNames.push(n.name);
    else if (!tableExists || !sameReference(f, nameFormula(existingSheet as string, n.address))) elsewhere.push(`${n.name} points at ${f}`);
  }
  const base = { probe, tableExists, existingSheet, fixNames };
  const conflict = (reason: Conflict["reason"], message: string): Plan => ({
    ...base,
    status: "conflict",
    conflict: { id: card.id, title: probe.load.title, sheet: existingSheet ?? sheetNameFor(card), reason, message },
  });
  if (tableExists) {
    if (!sameValues(probe.range.values, probe.grid)) {
      return conflict("values", `The table ${card.id} on sheet "${existingSheet}" holds values that differ from these rates.`);
    }
    if (elsewhere.length > 0) return conflict("names", `The workbook name ${elsewhere.join("; ")}, not at this table.`);
    return { ...base, status: fixNames.length > 0 ? "names" : "up-to-date" };
  }
  if (existingSheet !== undefined) return conflict("sheet", `A sheet named "${existingSheet}" exists and holds no table ${card.id}.`);
  if (elsewhere.length > 0) return conflict("names", `The workbook name ${elsewhere.join("; ")}; loading the card would re-point it.`);
  return { ...base, status: "create" };
}

export function outcome(plan: Plan, status: Status, extra: Partial<Omit<Outcome, "id" | "title" | "status">> = {}): Outcome {
  const o: Outcome = { id: plan.probe.load.table.id, title: plan.probe.load.title, status };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) (o as unknown as Record<string, unknown>)[k] = v;
  return o;
}
