/**
 * Every sheet the pane builds, in the order of its buttons. A new sheet is one layout file in this
 * folder (exporting its {@link SheetSpec}) and one line here.
 */
import { INVOICE_CHECK } from "./invoice-layout";
import type { SheetSpec } from "./layout";
import { QUOTE } from "./quote-layout";

export const SHEETS = [QUOTE, INVOICE_CHECK] as const;

export type SheetKind = (typeof SHEETS)[number]["kind"];

/** The registered sheet of a kind. */
export function sheetSpec(kind: SheetKind): SheetSpec<SheetKind> {
  return SHEETS.find((s) => s.kind === kind) as SheetSpec<SheetKind>;
}
