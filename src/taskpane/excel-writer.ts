/**
 * Writes rate cards to the workbook: each card to its own worksheet as an Excel table with the
 * card's stable name, a caption naming its source, number formats per column, column widths,
 * and workbook names for its single rates. Never clobbers: where a card's table (or a sheet of
 * its name) exists and differs, the caller's `choose` decides per card: replace (the old sheet
 * is first copied to a dated backup), keep, or load beside. A card already in the workbook with
 * the same values is left alone ("already up to date").
 *
 * The whole load is at most two `context.sync` round trips, whatever the number of cards: one
 * reading what exists (sheets, tables and their values, workbook names), one writing. The
 * layout and every name come from the pure module sheets/rate-card-layout; this module only
 * queues Excel commands. `run` is injectable (tests pass a fake); it defaults to Excel.run.
 *
 * Excel can stop in the middle of a batch (a protected sheet, a lost connection): the commands
 * before the failing one stay done. So the writes are ordered for every point to be sound.
 *
 * A new card (create, beside) is first written completely on a staging sheet ("Storage Prices
 * (loading)", its table under a staging name, named last); only then do the staging sheet and
 * table take the card's names, and the workbook names come last. No sheet or table has a
 * card's name unless it is whole, and a workbook name points at its value or does not exist.
 *
 * Replace keeps the card's sheet and table OBJECTS and writes the new rates into them, because
 * formulas refer to those objects: a structured reference (Kustomer_StoragePrices[#All], passed
 * as `rates`) follows its table through a rename, and an A1 reference follows its sheet. Were
 * the old sheet renamed to the backup, every such formula would silently keep the old rates.
 * So, in one batch: (1) the old sheet is copied (Worksheet.copy, ExcelApi 1.7) to the dated
 * backup, and the copy's table renamed to a backup name (a copy captures no one's references;
 * Excel may give the copy sheet-level copies of the workbook names, read only on the copy);
 * (2) only once the backup is whole, the live table is rewritten in place: its body resized to
 * the new row count (rows appended blank, or surplus rows deleted after the write), the header
 * and body values in ONE write, then formats and caption; (3) the workbook names last (first,
 * when rows shrink, so no name is left on a deleted row). Until (2) starts the user's sheet is
 * untouched; from then on the backup holds the old rates whole. A totals row the user turned
 * on stays, below the new body.
 *
 * After a failure, one more batch reads the workbook: it removes a partly written staging sheet
 * or an unnamed copy, finishes a card whose swap or whose in-place write had begun (the backup
 * is whole by then; the in-place write is repeated from the table's current size), and the
 * report says per card what is done and where the backup is.
 *
 * Where the user changed the table's columns (or a sheet of the card's name holds no card
 * table), replace cannot write in place: the card is written on a staging sheet and the old
 * sheet is renamed to the backup (formulas pointing at it follow it there, as before).
 */
import { type AnyRateTable } from "../rules/rates/documents";
import {
  backupSheetName,
  besideSheetName,
  besideTableName,
  CAPTION_ROW,
  type CardGrid,
  cardGrid,
  charsToPoints,
  columnLetter,
  columnWidthsInChars,
  excelNumberFormat,
  HEADER_ROW,
  nameFormula,
  type NamedCell,
  namedCells,
  sameReference,
  sameValues,
  sheetNameFor,
  tableAddress,
  TITLE_ROW,
  wrappedColumns,
} from "../sheets/rate-card-layout";

/**
 * The ExcelApi requirement set the load needs: the highest set among the Excel API members this
 * module uses (Range.getTables and TableScopedCollection.getFirst, 1.9; Worksheet.copy, names
 * with formulas and freeze panes, 1.7; TableRowCollection.add of several rows, 1.4). The pane
 * checks it before loading; test/requirement-sets.test.ts keeps it equal to what is used.
 */
export const EXCEL_API_SET = "1.9";

export type RunFn = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

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
interface Probe {
  readonly load: CardLoad;
  readonly grid: CardGrid;
  readonly table: Excel.Table;
  readonly range: Excel.Range;
  readonly sheet: Excel.Worksheet;
}

/** What to do with one card, decided from what the read phase found. */
interface Plan {
  readonly probe: Probe;
  readonly status: "create" | "up-to-date" | "names" | "conflict";
  readonly tableExists: boolean;
  /** The sheet that holds the card's table, or a sheet of the card's sheet name; undefined when neither exists. */
  readonly existingSheet?: string;
  /** Workbook names missing, or left broken (#REF!) by a deleted sheet: written without asking. */
  readonly fixNames: readonly string[];
  readonly conflict?: Conflict;
}

export async function loadCards(loads: readonly CardLoad[], options: LoadOptions): Promise<LoadReport> {
  const ids = loads.map((l) => l.table.id);
  if (new Set(ids).size !== ids.length) throw new Error("Each card can be loaded once per load.");
  const run: RunFn = options.run ?? ((batch) => Excel.run(batch));
  const progress = options.onProgress ?? (() => undefined);

  let failed: unknown = undefined;
  // Every sheet name read or planned: a sheet outside it after a failure is an unnamed copy.
  let knownSheets: ReadonlySet<string> = new Set();
  return run<LoadReport>(async (context) => {
    let syncs = 0;
    const sync = async () => {
      syncs++;
      await context.sync();
    };
    const wb = context.workbook;

    // ---- Round trip 1: read what exists -------------------------------------------------
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
    progress("Reading the workbook…");
    await sync();

    const sheetNames = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    knownSheets = sheetNames;
    const sheetByName = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s.name]));
    const usedTableNames = new Set([...tables.items.map((t) => t.name.toLowerCase()), ...names.items.map((n) => n.name.toLowerCase())]);
    const formulas = new Map(names.items.map((n) => [n.name.toLowerCase(), String(n.formula)]));

    const plans = probes.map((probe) => assess(probe, sheetByName, formulas));
    const conflicts = plans.flatMap((p) => (p.conflict ? [p.conflict] : []));
    let choices: Readonly<Record<string, Choice>> = {};
    if (conflicts.length > 0) {
      progress(
        conflicts.length === 1
          ? "One card differs from the workbook: waiting for your choice…"
          : `${conflicts.length} cards differ from the workbook: waiting for your choices…`,
      );
      const chosen = options.choose ? await options.choose(conflicts) : Object.fromEntries(conflicts.map((c) => [c.id, "keep" as Choice]));
      if (chosen === null) {
        return { outcomes: plans.map((p) => outcome(p, "cancelled")), syncs } as LoadReport;
      }
      choices = chosen;
    }

    // ---- Round trip 2: write -----------------------------------------------------------
    const outcomes: (Outcome | Job)[] = [];
    const jobs: Job[] = [];
    const positions = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s.position]));
    const job = (plan: Plan, j: Omit<Staged, "plan" | "staging" | "stagingTable">): Job => {
      const staging = withSuffix(j.finalSheet, " (loading)", sheetNames);
      sheetNames.add(staging.toLowerCase());
      const stagingTable = freeName(`${j.finalTable}_loading`, usedTableNames);
      usedTableNames.add(stagingTable.toLowerCase());
      const made: Staged = { plan, staging, stagingTable, ...j };
      jobs.push(made);
      return made;
    };
    let writes = 0;
    for (const plan of plans) {
      const { probe } = plan;
      const card = probe.load.table;
      const expectedSheet = sheetNameFor(card);
      if (plan.status === "up-to-date") {
        outcomes.push(outcome(plan, "up-to-date", { sheet: plan.existingSheet }));
        continue;
      }
      if (plan.status === "names") {
        const origin = topLeft(probe.range.address);
        for (const n of namedCells(card, origin)) {
          if (plan.fixNames.includes(n.name)) setName(names, formulas, n, plan.existingSheet as string, probe.sheet);
        }
        writes++;
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
        outcomes.push(
          job(plan, { kind: "create", finalSheet: expectedSheet, finalTable: card.id, withNames: true, oldTableExists: false }),
        );
      } else if (plan.tableExists && probe.range.values[0]?.length === probe.grid.headers.length && probe.grid.body.length > 0) {
        // Replace in place: a copy of the old sheet becomes the dated backup; the card's sheet
        // and table stay the same objects, now with the new rates.
        const backup = backupSheetName(existing, options.today, sheetNames);
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
        const backup = backupSheetName(existing, options.today, sheetNames);
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
    if (writes === 0 && jobs.length === 0) return { outcomes: outcomes as Outcome[], syncs };
    // Each card whole on its staging sheet, then swapped in; a failure stops at a sound point.
    let first: Excel.Worksheet | undefined;
    for (const j of jobs) {
      if (j.kind === "inplace") {
        const { probe } = j.plan;
        backUp(probe.sheet, j);
        writeInPlace(probe.sheet, probe.table, j, j.rows, names, formulas);
        first ??= probe.sheet;
        continue;
      }
      const ws = sheets.add(j.staging);
      const table = writeCard(ws, j.stagingTable, j.plan.probe);
      swapIn(j, ws, table, sheets, names, formulas);
      first ??= ws;
    }
    first?.activate();
    progress(`Writing ${plural(writes + jobs.length, "card")}…`);
    try {
      await sync();
    } catch (e) {
      failed = e;
    }
    if (failed === undefined) return { outcomes: outcomes.map((o) => ("kind" in o ? jobOutcome(o) : o)), syncs };
    return { outcomes: outcomes as Outcome[], syncs, jobs } as unknown as LoadReport;
  }).then(async (r) => {
    const partial = r as LoadReport & { jobs?: Job[] };
    if (failed === undefined || !partial.jobs) return r;
    progress("Excel stopped part-way: checking the workbook…");
    return recover(run, partial.outcomes as (Outcome | Job)[], partial.jobs, partial.syncs, failed, knownSheets);
  });
}

type Job = Staged | InPlace;

/** One card written to a staging sheet, then swapped in under its own names. */
interface Staged {
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
interface InPlace {
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

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** `base` + `suffix` in at most 31 characters (the base cut with "…"), numbered until free. */
function withSuffix(base: string, suffix: string, taken: ReadonlySet<string>): string {
  for (let i = 1; ; i++) {
    const sfx = i === 1 ? suffix : `${suffix.slice(0, -1)} ${i})`;
    const name = base.length + sfx.length <= 31 ? base + sfx : `${base.slice(0, 31 - sfx.length - 1)}…${sfx}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** `base`, or base_2, base_3... : the first not taken (tables and names share one namespace). */
function freeName(base: string, taken: ReadonlySet<string>): string {
  return taken.has(base.toLowerCase()) ? besideTableName(base, taken) : base;
}

/**
 * Queues the swap of a card written whole on its staging sheet: the old table and sheet step
 * aside (renamed: the backup), the staging table and sheet take the card's names, the new
 * sheet takes the old one's place, and the workbook names move last. Each step is one command
 * and leaves the workbook sound.
 */
function swapIn(
  j: Staged,
  ws: Excel.Worksheet,
  table: Excel.Table,
  sheets: Excel.WorksheetCollection,
  names: Excel.NamedItemCollection,
  formulas: ReadonlyMap<string, string>,
): void {
  const { probe } = j.plan;
  if (j.oldTableExists && j.backupTable) probe.table.name = j.backupTable;
  table.name = j.finalTable;
  if (j.kind === "replace" && j.backup) (j.oldTableExists ? probe.sheet : sheets.getItem(j.finalSheet)).name = j.backup;
  ws.name = j.finalSheet;
  if (j.position !== undefined) ws.position = j.position;
  if (j.withNames) for (const n of namedCells(probe.load.table)) setName(names, formulas, n, j.finalSheet, ws);
}

function jobOutcome(j: Job): Outcome {
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

/**
 * After a failed write: reads the workbook back, then for each card removes a staging sheet
 * that was not finished (nothing of the card was changed), or finishes a swap that had begun
 * (each remaining step only if not done yet). A replace in place whose backup sheet exists is
 * finished (the backup's table named if it is not yet, the in-place write repeated from the
 * table's current size); a copy not yet named as the backup is deleted (the user's sheet was not
 * touched). Cards before the failure are done; cards after it were not started. When even this
 * fails, each card's outcome says where things may be.
 */
async function recover(
  run: RunFn,
  done: readonly (Outcome | Job)[],
  jobs: readonly Job[],
  syncsBefore: number,
  error: unknown,
  knownSheets: ReadonlySet<string>,
): Promise<LoadReport> {
  const message = errorMessage(error);
  let syncs = syncsBefore;
  try {
    const settled = await run(async (context) => {
      const wb = context.workbook;
      const sheets = wb.worksheets;
      sheets.load("items/name");
      const names = wb.names;
      names.load("items/name,items/formula");
      const probe = (name: string) => {
        const t = wb.tables.getItemOrNullObject(name);
        t.load("name");
        // A navigation property (a proxy, read after the sync below), not a loaded value.
        // eslint-disable-next-line office-addins/call-sync-before-read
        const ws = t.worksheet;
        ws.load("name");
        return { t, ws };
      };
      const probes = jobs.map((j) => {
        const final = probe(j.finalTable);
        // The live table's size now, for an in-place write to be repeated from it.
        const range = j.kind === "inplace" ? final.t.getRange() : undefined;
        range?.load("address");
        if (j.kind === "inplace") final.t.load("showTotals");
        return {
          staging: j.kind === "inplace" ? undefined : probe(j.stagingTable),
          final,
          range,
          backup: j.backupTable ? probe(j.backupTable) : undefined,
        };
      });
      syncs++;
      await context.sync();
      const sheetNames = new Set(sheets.items.map((s) => s.name.toLowerCase()));
      const has = (n: string) => sheetNames.has(n.toLowerCase());
      const formulas = new Map(names.items.map((n) => [n.name.toLowerCase(), String(n.formula)]));
      const on = (p: { t: Excel.Table; ws: Excel.Worksheet } | undefined) => (p && !p.t.isNullObject ? p.ws.name.toLowerCase() : undefined);
      // Excel's copy of a sheet, made by this load but not yet named as its backup.
      for (const s of sheets.items)
        if (!knownSheets.has(s.name.toLowerCase()) && /\(\d+\)$/.test(s.name)) wb.worksheets.getItem(s.name).delete();
      const states = jobs.map((j, i) => {
        const p = probes[i];
        if (j.kind === "inplace") return has(j.backup) && on(p.final) !== undefined ? ("finish" as const) : ("not-started" as const);
        const stagingTableOn = on(p.staging);
        const finalTableOn = on(p.final);
        const stagingWhole = stagingTableOn !== undefined || finalTableOn === j.staging.toLowerCase();
        const swapBegun = j.kind === "replace" ? on(p.backup) !== undefined || has(j.backup as string) : false;
        if (has(j.staging) && !stagingWhole) return "partial" as const;
        if (has(j.staging) || swapBegun || (j.kind !== "replace" && finalTableOn === j.finalSheet.toLowerCase())) return "finish" as const;
        return "not-started" as const;
      });
      jobs.forEach((j, i) => {
        const state = states[i];
        const p = probes[i];
        if (j.kind === "inplace") {
          if (state !== "finish") return;
          if (on(p.backup) === undefined) nameBackupTable(wb.worksheets.getItem(j.backup), j);
          const box = topLeft((p.range as Excel.Range).address);
          const rows = rowsOf((p.range as Excel.Range).address) - (p.final.t.showTotals ? 1 : 0);
          writeInPlace(p.final.ws, p.final.t, { ...j, origin: box }, rows, names, formulas);
          return;
        }
        if (state === "partial") wb.worksheets.getItem(j.staging).delete();
        if (state !== "finish") return;
        if (
          j.oldTableExists &&
          j.backupTable &&
          on(p.backup) === undefined &&
          on(p.final) !== undefined &&
          on(p.final) !== j.staging.toLowerCase()
        )
          wb.tables.getItem(j.finalTable).name = j.backupTable;
        if (on(p.staging) !== undefined) wb.tables.getItem(j.stagingTable).name = j.finalTable;
        if (has(j.staging)) {
          if (j.kind === "replace" && j.backup && !has(j.backup)) wb.worksheets.getItem(j.finalSheet).name = j.backup;
          wb.worksheets.getItem(j.staging).name = j.finalSheet;
        }
        const ws = wb.worksheets.getItem(j.finalSheet);
        if (j.position !== undefined) ws.position = j.position;
        if (j.withNames) for (const n of namedCells(j.plan.probe.load.table)) setName(names, formulas, n, j.finalSheet, ws);
      });
      syncs++;
      await context.sync();
      return states;
    });
    const outcomes = done.map((o) => {
      if (!("kind" in o)) return namesInDoubt(o);
      const state = settled[jobs.indexOf(o)];
      return state === "finish" ? jobOutcome(o) : notLoaded(o);
    });
    return { outcomes, syncs, failure: { message, repaired: true } };
  } catch {
    return {
      outcomes: done.map((o) => ("kind" in o ? unknownState(o) : namesInDoubt(o))),
      syncs,
      failure: { message, repaired: false },
    };
  }
}

/** Names being restored when Excel stopped: some may be, each pointing at its rate; loading again adds the rest. */
function namesInDoubt(o: Outcome): Outcome {
  if (o.status !== "names-added") return o;
  return {
    id: o.id,
    title: o.title,
    status: "unknown",
    sheet: o.sheet,
    detail: `the names ${(o.names ?? []).join(", ")} may be restored in part (each points at its rate); loading again adds the rest.`,
  };
}

function notLoaded(j: Job): Outcome {
  const detail =
    j.kind === "replace" || j.kind === "inplace"
      ? `not loaded; your sheet “${j.finalSheet}” is as it was.`
      : "not loaded; nothing of it was written.";
  return outcome(j.plan, "not-loaded", { detail });
}

function unknownState(j: Job): Outcome {
  if (j.kind === "inplace")
    return outcome(j.plan, "unknown", {
      detail:
        `not finished, or not started. If a sheet “${j.backup}” exists, it holds your old rates whole (table ${j.backupTable}) ` +
        `and “${j.finalSheet}” may be partly rewritten: load again to finish it. Otherwise “${j.finalSheet}” is as it was ` +
        `(a copy of it that Excel named “${j.finalSheet.slice(0, 25)} (2)” or similar, if left, can be deleted). ` +
        "The workbook names point at a rate of the old card or of the new, never at a blank cell.",
    });
  const parts = [`not finished, or not started: if a sheet “${j.staging}” is left, it is an unfinished copy you can delete.`];
  if (j.kind === "replace")
    parts.push(
      `Your old sheet is “${j.finalSheet}”, or “${j.backup}” if the new card already took its place; the workbook names point at one or the other, never at a blank cell.`,
    );
  return outcome(j.plan, "unknown", { detail: parts.join(" ") });
}

/** What Excel said about a failure (its debug message when it gives one). */
export function errorMessage(e: unknown): string {
  const err = e as { message?: string; debugInfo?: { message?: string } } | undefined;
  return err?.debugInfo?.message ?? err?.message ?? String(e);
}

/** The number of rows below the first of an address such as 'Storage Prices'!A4:B6 (2). */
function rowsOf(address: string): number {
  const m = /(\d+)(?::\$?[A-Z]+\$?(\d+))?$/.exec(address);
  return m && m[2] ? Number(m[2]) - Number(m[1]) : 0;
}

/** The 1-based row and 0-based column of the top-left cell of an address such as 'Storage Prices'!A4:B6. */
function topLeft(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)/.exec(address.slice(address.lastIndexOf("!") + 1));
  if (!m) return { row: HEADER_ROW, col: 0 };
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col: col - 1 };
}

/** Compares what exists with the card: equal, equal but names to fix, free to create, or a conflict. */
function assess(probe: Probe, sheetByName: ReadonlyMap<string, string>, formulas: ReadonlyMap<string, string>): Plan {
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

/** Adds a workbook name, or re-points an existing one, at a cell of `ws`. */
function setName(
  names: Excel.NamedItemCollection,
  formulas: ReadonlyMap<string, string>,
  n: NamedCell,
  sheetName: string,
  ws: Excel.Worksheet,
): void {
  if (formulas.has(n.name.toLowerCase())) {
    const item = names.getItem(n.name);
    item.formula = nameFormula(sheetName, n.address);
    item.comment = n.description;
  } else {
    names.add(n.name, ws.getRange(n.address), n.description);
  }
}

function outcome(plan: Plan, status: Status, extra: Partial<Omit<Outcome, "id" | "title" | "status">> = {}): Outcome {
  const o: Outcome = { id: plan.probe.load.table.id, title: plan.probe.load.title, status };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) (o as unknown as Record<string, unknown>)[k] = v;
  return o;
}

/**
 * Queues one card onto its (new) staging sheet: title, caption, table with header style, number
 * formats, column widths, frozen header. The table gets its (staging) name last: a table so
 * named is the mark of a card written whole.
 */
function writeCard(ws: Excel.Worksheet, tableName: string, probe: Probe): Excel.Table {
  const { grid, load } = probe;
  const title = ws.getRange(`A${TITLE_ROW}`);
  title.values = [[load.title]];
  title.format.font.bold = true;
  title.format.font.size = 14;
  const caption = ws.getRange(`A${CAPTION_ROW}`);
  caption.values = [[load.caption]];
  caption.format.font.italic = true;
  caption.format.font.color = "#616161";

  // Number formats first, so text columns hold text exactly as written.
  const address = tableAddress(grid);
  // Named apart from the probes' loaded `range`: the add-in lint tracks load() by variable name.
  const target = ws.getRange(address);
  target.numberFormat = [grid.headers.map(() => "@"), ...grid.body.map(() => grid.formats.map(excelNumberFormat))];
  target.values = [[...grid.headers], ...grid.body.map((r) => [...r])];
  target.format.verticalAlignment = "Top";

  const widths = columnWidthsInChars(grid);
  const wrap = wrappedColumns(grid);
  widths.forEach((w, c) => {
    const letter = columnLetter(c);
    ws.getRange(`${letter}:${letter}`).format.columnWidth = charsToPoints(w);
    if (wrap[c] && grid.body.length > 0)
      ws.getRange(`${letter}${HEADER_ROW + 1}:${letter}${HEADER_ROW + grid.body.length}`).format.wrapText = true;
  });
  ws.freezePanes.freezeRows(HEADER_ROW);

  const table = ws.tables.add(address, true);
  table.style = "TableStyleMedium2";
  const header = table.getHeaderRowRange();
  header.format.font.bold = true;
  header.format.wrapText = true;
  table.name = tableName;
  return table;
}

/** The A1 address of a cell: 1-based row, 0-based column. */
function cellAt(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/**
 * Queues the dated backup of a card's sheet before its in-place write: a copy right after it,
 * named `backup`, whose copy of the table (found at the table's top-left cell) is named
 * `backupTable`. Three commands; until the last, the copy is not yet a backup (recovery deletes
 * an unnamed copy, and names the table of a named one).
 */
function backUp(ws: Excel.Worksheet, j: InPlace): void {
  const copy = ws.copy("After", ws);
  copy.name = j.backup;
  nameBackupTable(copy, j);
}

function nameBackupTable(copy: Excel.Worksheet, j: InPlace): void {
  copy.getRange(cellAt(j.origin.row, j.origin.col)).getTables(false).getFirst().name = j.backupTable;
}

/**
 * Queues the card's rates into the live table `table` on `ws` (which has `rows` body rows now),
 * keeping both objects: rows appended blank when the card has more; the header and body in ONE
 * values write (number formats just before it, so text columns hold text); surplus rows, left
 * blank by that write, deleted right after it; then formats, caption and workbook names. When
 * rows shrink, the names are re-pointed before the write, so none is ever on a deleted row.
 * Repeating it from the table's current size finishes an interrupted one.
 */
function writeInPlace(
  ws: Excel.Worksheet,
  table: Excel.Table,
  j: InPlace,
  rows: number,
  names: Excel.NamedItemCollection,
  formulas: ReadonlyMap<string, string>,
): void {
  const { grid, load } = j.plan.probe;
  const { row: top, col: left } = j.origin;
  const cols = grid.headers.length;
  const want = grid.body.length;
  const span = (n: number) => `${cellAt(top, left)}:${cellAt(top + n, left + cols - 1)}`;
  const blank = (n: number) => Array.from({ length: n }, () => grid.headers.map(() => ""));
  const pointNames = () => {
    for (const n of namedCells(load.table, j.origin)) setName(names, formulas, n, j.finalSheet, ws);
  };

  if (want > rows) table.rows.add(-1, blank(want - rows));
  if (want < rows) pointNames();
  const body = ws.getRange(span(Math.max(want, rows)));
  body.numberFormat = [
    grid.headers.map(() => "@"),
    ...grid.body.map(() => grid.formats.map(excelNumberFormat)),
    ...blank(rows - want).map((r) => r.map(() => "General")),
  ];
  body.values = [[...grid.headers], ...grid.body.map((r) => [...r]), ...blank(rows - want)];
  if (want < rows) ws.getRange(`${cellAt(top + want + 1, left)}:${cellAt(top + rows, left + cols - 1)}`).delete("Up");
  ws.getRange(span(want)).format.verticalAlignment = "Top";

  const widths = columnWidthsInChars(grid);
  const wrap = wrappedColumns(grid);
  widths.forEach((w, c) => {
    const letter = columnLetter(left + c);
    ws.getRange(`${letter}:${letter}`).format.columnWidth = charsToPoints(w);
    if (wrap[c] && want > 0) ws.getRange(`${letter}${top + 1}:${letter}${top + want}`).format.wrapText = true;
  });
  table.style = "TableStyleMedium2";
  const header = table.getHeaderRowRange();
  header.format.font.bold = true;
  header.format.wrapText = true;

  // Title and caption sit as far above the table as in a fresh load (when there is room).
  const titleRow = top - (HEADER_ROW - TITLE_ROW);
  if (titleRow >= 1) {
    const title = ws.getRange(cellAt(titleRow, left));
    title.values = [[load.title]];
    title.format.font.bold = true;
    title.format.font.size = 14;
    const caption = ws.getRange(cellAt(titleRow + (CAPTION_ROW - TITLE_ROW), left));
    caption.values = [[load.caption]];
    caption.format.font.italic = true;
    caption.format.font.color = "#616161";
  }
  if (want >= rows) pointNames();
}
