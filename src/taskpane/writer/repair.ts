/**
 * Repairing a load after Excel stopped part-way: one more round trip reads the workbook back,
 * removes a partly written staging sheet or an unnamed copy, finishes a card whose swap or whose
 * in-place write had begun (the backup is whole by then; the in-place write is repeated from the
 * table's current size), and says per card what is done and where the backup is.
 */
import { namedCells } from "../../sheets/rate-card-layout";
import { type Job, jobOutcome, type LoadReport, type Outcome, outcome, rowsOf, topLeft } from "./plan";
import { type RunFn, syncCounter } from "./run";
import { nameBackupTable, setName, writeInPlace } from "./write";

/**
 * The ExcelApi requirement set of the repair: the highest among the members this module uses
 * (NamedItem.formula, 1.7; the rest it asks of ./write, which declares its own). The pane checks
 * it before loading; test/requirement-sets.test.ts keeps it equal to what is used.
 */
export const EXCEL_API_SET = "1.7";

/**
 * After a failed write: reads the workbook back, then for each card removes a staging sheet
 * that was not finished (nothing of the card was changed), or finishes a swap that had begun
 * (each remaining step only if not done yet). A replace in place whose backup sheet exists is
 * finished (the backup's table named if it is not yet, the in-place write repeated from the
 * table's current size); a copy not yet named as the backup is deleted (the user's sheet was not
 * touched). Cards before the failure are done; cards after it were not started. When even this
 * fails, each card's outcome says where things may be.
 */
export async function recover(
  run: RunFn,
  done: readonly (Outcome | Job)[],
  jobs: readonly Job[],
  syncsBefore: number,
  error: unknown,
  knownSheets: ReadonlySet<string>,
): Promise<LoadReport> {
  const message = errorMessage(error);
  const syncs = syncCounter(syncsBefore);
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
      await syncs.sync(context);
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
      await syncs.sync(context);
      return states;
    });
    const outcomes = done.map((o) => {
      if (!("kind" in o)) return namesInDoubt(o);
      const state = settled[jobs.indexOf(o)];
      return state === "finish" ? jobOutcome(o) : notLoaded(o);
    });
    return { outcomes, syncs: syncs.count, failure: { message, repaired: true } };
  } catch {
    return {
      outcomes: done.map((o) => ("kind" in o ? unknownState(o) : namesInDoubt(o))),
      syncs: syncs.count,
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
