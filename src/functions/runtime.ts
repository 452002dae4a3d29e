/**
 * Start-up of the shared runtime (the functions and the task pane run in one page).
 * Asks Excel, where it can tell, whether the workbook uses the 1904 date system; where the
 * property is not available (older Excel builds), the 1900 system stays assumed. Until the
 * answer comes (at most {@link DETECTION_TIMEOUT_MS}), functions that read dates wait for it
 * (see `excel` in ./excel), so a 1904 workbook never shows a 1900-system result.
 */
import { awaitWorkbookDateSystem, setWorkbookDateSystem } from "./excel";

/** How long functions wait for the date system before assuming 1900 (Excel's default). */
export const DETECTION_TIMEOUT_MS = 5000;

/** Reads `Workbook.use1904DateSystem`; resolves to the system it set, or null when Excel cannot tell. */
export async function detectDateSystem(): Promise<"1900" | "1904" | null> {
  if (typeof Excel === "undefined" || typeof Excel.run !== "function") return null;
  try {
    const use1904 = await Excel.run(async (context) => {
      // Not yet in @types/office-js; present in current Excel builds (ExcelApi 1.16+ / preview elsewhere).
      const workbook = context.workbook as Excel.Workbook & { use1904DateSystem?: boolean };
      workbook.load("use1904DateSystem");
      await context.sync();
      return workbook.use1904DateSystem;
    });
    if (typeof use1904 !== "boolean") return null;
    const system = use1904 ? "1904" : "1900";
    setWorkbookDateSystem(system);
    return system;
  } catch {
    // The property is unknown to this Excel build: keep the 1900 system (Excel's default).
    return null;
  }
}

/**
 * Starts the detection once Office is ready, holding the date functions until it is over.
 * Resolves to the system in force afterwards.
 */
export function startDateSystemDetection(timeoutMs = DETECTION_TIMEOUT_MS): Promise<"1900" | "1904"> {
  const detection = new Promise<"1900" | "1904" | null>((resolve) => {
    void Office.onReady(() => resolve(detectDateSystem()));
  });
  return awaitWorkbookDateSystem(detection, timeoutMs);
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void startDateSystemDetection();
}
