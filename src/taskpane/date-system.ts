/**
 * The pane's "This workbook uses the 1904 date system" setting.
 *
 * Excel cannot yet tell an add-in which date system a workbook uses (`Workbook.use1904DateSystem`
 * is a preview-only API), so the user says it. The answer is stored in the workbook, in Office's
 * per-document settings (`Office.context.document.settings`, saved with `saveAsync`; the workbook
 * keeps it when the user saves the file), read at start-up by ../functions/runtime before any
 * date function answers, and put in force at once. Then every formula is recalculated, so the
 * KUSTOMER cells show results in the new system.
 *
 * Recalculation: Excel's API has no way to recalculate only the cells of one add-in's functions
 * (Worksheet.findAll would find them by text but skips hidden sheets), so this asks for a full
 * calculation, `Application.calculate(Full)` (ExcelApi 1.1), which recalculates every formula of
 * the open workbooks: the KUSTOMER ones with the new date system, the others to what they were.
 */
import type { DateSystem } from "../rules/core/serial";
import { DATE_SYSTEM_SETTING, useDateSystemSetting } from "../functions/runtime";

/** The ExcelApi requirement set the Excel calls of this module need (test/requirement-sets.test.ts checks it). */
export const EXCEL_API_SET = "1.1";

/** What {@link chooseDateSystem} needs: the document's settings and Excel.run (tests pass fakes). */
export interface DateSystemDeps {
  readonly settings: Pick<Office.Settings, "get" | "set" | "remove" | "saveAsync">;
  readonly run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
}

/** Saves the in-memory settings into the document; rejects with Office's error when it fails. */
function save(settings: DateSystemDeps["settings"]): Promise<void> {
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      // Office.AsyncResultStatus.Failed is the text "failed" at run time (a numeric enum in @types/office-js).
      if ((result.status as unknown) === "failed") reject(new Error(result.error?.message ?? "the settings were not saved"));
      else resolve();
    });
  });
}

/**
 * Stores the user's answer in the workbook, puts it in force for the functions, and
 * recalculates. If the save fails, nothing changes (the error is thrown); if only the
 * recalculation fails, the system is in force and stored, and the error is thrown so the pane
 * can say to recalculate (Ctrl+Alt+F9).
 */
export async function chooseDateSystem(system: DateSystem, deps: DateSystemDeps): Promise<void> {
  const before: unknown = deps.settings.get(DATE_SYSTEM_SETTING);
  deps.settings.set(DATE_SYSTEM_SETTING, system);
  try {
    await save(deps.settings);
  } catch (e) {
    // Not saved: the in-memory copy goes back to what the document holds.
    if (before === null || before === undefined) deps.settings.remove(DATE_SYSTEM_SETTING);
    else deps.settings.set(DATE_SYSTEM_SETTING, before);
    throw e;
  }
  useDateSystemSetting(system);
  await deps.run(async (context) => {
    context.workbook.application.calculate("Full");
    await context.sync();
  });
}
