/**
 * Start-up of the shared runtime (the functions and the task pane run in one page): which date
 * system the workbook uses, known before any function that reads a date answers.
 *
 * Two sources, both read without changing the workbook:
 * - the user's answer, stored in the workbook by the task pane ("This workbook uses the 1904
 *   date system"): Office's per-document settings (`Office.context.document.settings`, loaded
 *   with the document, so reading it is synchronous once Office is ready);
 * - Excel's own answer, `Workbook.use1904DateSystem`, where the Excel build and the office.js
 *   in use have it. It is a preview-only API today: production office.js has no such property,
 *   so the load gives nothing and the stored setting (else Excel's default, 1900) is used. It is
 *   only ever loaded (read), behind feature detection; where it answers, it wins, as it is the
 *   workbook's real setting.
 *
 * Until both are read (at most {@link DETECTION_TIMEOUT_MS}), functions that read dates wait
 * (see `excel` in ./excel), so a 1904 workbook never shows a 1900-system result.
 */
import type { DateSystem } from "../rules/core/serial";
import { awaitWorkbookDateSystem, setWorkbookDateSystem } from "./excel";

/** How long functions wait for the date system before assuming 1900 (Excel's default). */
export const DETECTION_TIMEOUT_MS = 5000;

/** The document setting that holds the user's answer: "1904" or "1900". */
export const DATE_SYSTEM_SETTING = "KUSTOMER.DateSystem";

/** Where the date system in force came from. */
export type DateSystemSource = "excel" | "setting" | "default";
let source: DateSystemSource = "default";

/** Where the date system in force came from: Excel's answer, the stored setting, or neither (1900). */
export function dateSystemSource(): DateSystemSource {
  return source;
}

/** Records that the system in force is the one the user chose (the pane, after storing it). */
export function useDateSystemSetting(system: DateSystem): void {
  setWorkbookDateSystem(system);
  source = "setting";
}

/** Office's per-document settings, where the host has them (not outside Office, not before Office is ready). */
export function documentSettings(): Office.Settings | undefined {
  try {
    const settings = typeof Office !== "undefined" ? Office.context?.document?.settings : undefined;
    return settings && typeof settings.get === "function" ? settings : undefined;
  } catch {
    return undefined;
  }
}

/** The date system the user stored in this workbook, or null when none is stored. */
export function storedDateSystem(): DateSystem | null {
  let value: unknown;
  try {
    value = documentSettings()?.get(DATE_SYSTEM_SETTING);
  } catch {
    return null;
  }
  return value === "1900" || value === "1904" ? value : null;
}

/** Reads `Workbook.use1904DateSystem`; resolves to the system it set, or null when Excel cannot tell. */
export async function detectDateSystem(): Promise<DateSystem | null> {
  if (typeof Excel === "undefined" || typeof Excel.run !== "function") return null;
  try {
    const use1904 = await Excel.run(async (context) => {
      // Preview only ([Api set: ExcelApi BETA (PREVIEW ONLY)]), not in @types/office-js: a
      // load is a read, and where office.js or Excel does not know the property, nothing is set.
      const workbook = context.workbook as Excel.Workbook & { use1904DateSystem?: boolean };
      workbook.load("use1904DateSystem");
      await context.sync();
      return workbook.use1904DateSystem;
    });
    if (typeof use1904 !== "boolean") return null;
    const system = use1904 ? "1904" : "1900";
    setWorkbookDateSystem(system);
    source = "excel";
    return system;
  } catch {
    // The property is unknown to this Excel build: keep the stored or default system.
    return null;
  }
}

/**
 * The workbook's date system at start-up: the stored setting first (synchronous), then Excel's
 * answer where it has one. Null when neither says (1900 stays).
 */
export async function readDateSystem(): Promise<DateSystem | null> {
  source = "default";
  const stored = storedDateSystem();
  if (stored !== null) useDateSystemSetting(stored);
  const detected = await detectDateSystem();
  return detected ?? stored;
}

/**
 * Starts reading the date system once Office is ready, holding the date functions until it is
 * over. Resolves to the system in force afterwards.
 */
export function startDateSystemDetection(timeoutMs = DETECTION_TIMEOUT_MS): Promise<DateSystem> {
  const detection = new Promise<DateSystem | null>((resolve) => {
    void Office.onReady(() => resolve(readDateSystem()));
  });
  return awaitWorkbookDateSystem(detection, timeoutMs);
}

/** The start-up read (undefined outside Office): the pane waits for it before showing the setting. */
export const dateSystemStartup: Promise<DateSystem> | undefined =
  typeof Office !== "undefined" && typeof Office.onReady === "function" ? startDateSystemDetection() : undefined;
