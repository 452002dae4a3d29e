/**
 * Kustomer Voice phone numbers billed in a month (Supplemental terms for usage-based plans, B.2):
 * "If you add or remove phone numbers provisioned to Customer's account during a given calendar
 * month, you will be billed the full monthly fee for the applicable phone number, regardless of
 * when the phone number is added or removed": there is no proration.
 *
 * Decision (docs/terms.md, "Kustomer Voice phone numbers"): a number is billed for every calendar
 * month in which it was provisioned at any moment, from the day it was added to the day it was
 * removed, both included (added on the 31st, or removed on the 1st: that month in full; no removal
 * date: still provisioned). A number is billed once a month however often it is added and
 * removed, so rows with the same identifier are one number; a row without an identifier is a
 * number of its own.
 *
 * Linear in the rows: one pass, one set of the identifiers billed.
 */
import { assertSameShape, cellsOf, isBlank, toDate, toRange, toText } from "../core/args";
import { Msg, numError, valueError } from "../core/errors";
import { type DateSystem, daysInMonth, epochDayFromYmd, formatEpochDay, ymdFromEpochDay } from "../core/serial";

/** One row of a list of phone numbers, as epoch days; `removed` undefined is still provisioned. */
export interface PhoneNumberRow {
  readonly added: number;
  readonly removed?: number;
  /** The number's identifier (the phone number itself); undefined: this row is a number of its own. */
  readonly id?: string;
}

/** The calendar month of `day`: its first and last epoch days. */
export function calendarMonth(day: number): { first: number; last: number } {
  const { year, month } = ymdFromEpochDay(day);
  const first = epochDayFromYmd(year, month, 1);
  return { first, last: first + daysInMonth(year, month) - 1 };
}

/** True when the number of row `r` was provisioned on some day from `first` to `last`, both included. */
export function provisionedIn(r: PhoneNumberRow, first: number, last: number): boolean {
  return r.added <= last && (r.removed === undefined || r.removed >= first);
}

/**
 * How many numbers are billed a full monthly fee for the calendar month containing `month`
 * (an epoch day): the rows provisioned at any moment of it, rows with the same identifier
 * counted once.
 */
export function phoneNumbersBilled(month: number, rows: readonly PhoneNumberRow[]): number {
  const { first, last } = calendarMonth(month);
  const ids = new Set<string>();
  let count = 0;
  for (const r of rows) {
    if (!provisionedIn(r, first, last)) continue;
    if (r.id === undefined) count++;
    else if (!ids.has(r.id)) {
      ids.add(r.id);
      count++;
    }
  }
  return count;
}

/** The identifier of a number as the rows compare it: spaces at the ends ignored, any case; blank is none. */
export function phoneNumberId(text: string): string | undefined {
  const t = text.trim().toLowerCase();
  return t === "" ? undefined : t;
}

/**
 * The rows of a list of phone numbers from Excel's ranges (same shape, read cell by cell): a
 * position whose added date, removal date and identifier are all blank is skipped (the empty
 * rows of a table); an added date is required wherever the position has anything else.
 */
export function phoneNumberRows(
  addedDates: unknown,
  removedDates: unknown,
  numberIds: unknown,
  system: DateSystem,
  names = { added: "added_dates", removed: "removed_dates", ids: "number_ids" },
): PhoneNumberRow[] {
  const added = toRange(addedDates, names.added);
  // An empty cell for removed_dates: no number was removed.
  const removed = isBlank(removedDates) ? undefined : toRange(removedDates, names.removed);
  if (removed) assertSameShape(added, removed, names.added, names.removed);
  const ids = isBlank(numberIds) ? undefined : toRange(numberIds, names.ids);
  if (ids) assertSameShape(added, ids, names.added, names.ids);
  const rows: PhoneNumberRow[] = [];
  for (const { value, row, col } of cellsOf(added)) {
    const at = (arg: string) => (added.length === 1 && added[0].length === 1 ? arg : `${arg} (row ${row}, column ${col})`);
    const removedCell = removed ? removed[row - 1][col - 1] : null;
    const idCell = ids ? ids[row - 1][col - 1] : null;
    const id = isBlank(idCell) ? undefined : phoneNumberId(toText(idCell, at(names.ids), "a phone number or its identifier"));
    if (isBlank(value)) {
      if (isBlank(removedCell) && id === undefined) continue;
      throw valueError(Msg.required(at(names.added), "the day the number was added, since the row has a removal date or an identifier"));
    }
    const r: PhoneNumberRow = {
      added: toDate(value, at(names.added), system),
      removed: isBlank(removedCell) ? undefined : toDate(removedCell, at(names.removed), system),
      id,
    };
    if (r.removed !== undefined && r.removed < r.added) {
      throw numError(
        `${at(names.removed)} must be on or after the day the number was added; got ${formatEpochDay(r.removed)}, before ${formatEpochDay(r.added)}.`,
      );
    }
    rows.push(r);
  }
  return rows;
}
