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
 * layout and every name come from the pure module sheets/rate-card-layout. This module runs the
 * load; ./plan reads the workbook and decides, ./write queues the commands, ./repair reads the
 * workbook back after a failure. `run` is injectable (tests pass a fake); it defaults to Excel.run.
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
import {
  assess,
  type CardLoad,
  type Choice,
  type Job,
  type LoadOptions,
  type LoadReport,
  type Outcome,
  jobOutcome,
  outcome,
  plural,
  planJobs,
  queueRead,
  workbookNames,
} from "./plan";
import { recover } from "./repair";
import { excelRun, type RunFn, syncCounter } from "./run";
import { queueJobs, queueNameFixes } from "./write";

export type { CardLoad, Choice, Conflict, LoadOptions, LoadReport, Outcome, Status } from "./plan";
export { errorMessage } from "./repair";
export type { RunFn } from "./run";

export async function loadCards(loads: readonly CardLoad[], options: LoadOptions): Promise<LoadReport> {
  const ids = loads.map((l) => l.table.id);
  if (new Set(ids).size !== ids.length) throw new Error("Each card can be loaded once per load.");
  const run: RunFn = options.run ?? excelRun;
  const progress = options.onProgress ?? (() => undefined);

  let failed: unknown = undefined;
  // Every sheet name read or planned: a sheet outside it after a failure is an unnamed copy.
  let knownSheets: ReadonlySet<string> = new Set();
  return run<LoadReport>(async (context) => {
    const syncs = syncCounter();

    // ---- Round trip 1: read what exists -------------------------------------------------
    const read = queueRead(context, loads);
    progress("Reading the workbook…");
    await syncs.sync(context);

    const found = workbookNames(read);
    knownSheets = found.sheetNames;
    const plans = read.probes.map((probe) => assess(probe, found.sheetByName, found.formulas));
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
        return { outcomes: plans.map((p) => outcome(p, "cancelled")), syncs: syncs.count } as LoadReport;
      }
      choices = chosen;
    }

    // ---- Round trip 2: write -----------------------------------------------------------
    const { outcomes, jobs, nameFixes } = planJobs(plans, choices, found, options.today);
    const writes = nameFixes.length;
    if (writes === 0 && jobs.length === 0) return { outcomes: outcomes as Outcome[], syncs: syncs.count };
    queueNameFixes(nameFixes, read.names, found.formulas);
    queueJobs(jobs, read.sheets, read.names, found.formulas);
    progress(`Writing ${plural(writes + jobs.length, "card")}…`);
    try {
      await syncs.sync(context);
    } catch (e) {
      failed = e;
    }
    if (failed === undefined) return { outcomes: outcomes.map((o) => ("kind" in o ? jobOutcome(o) : o)), syncs: syncs.count };
    return { outcomes: outcomes as Outcome[], syncs: syncs.count, jobs } as unknown as LoadReport;
  }).then(async (r) => {
    const partial = r as LoadReport & { jobs?: Job[] };
    if (failed === undefined || !partial.jobs) return r;
    progress("Excel stopped part-way: checking the workbook…");
    return recover(run, partial.outcomes as (Outcome | Job)[], partial.jobs, partial.syncs, failed, knownSheets);
  });
}
