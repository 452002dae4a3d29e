/**
 * Start-up of the shared runtime (the functions and the task pane run in one page).
 * Asks Excel, where it can tell, whether the workbook uses the 1904 date system; where the
 * property is not available (older Excel builds), the 1900 system stays assumed.
 */
import { setWorkbookDateSystem } from "./excel";

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

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady(() => detectDateSystem());
}
