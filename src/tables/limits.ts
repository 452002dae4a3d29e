/**
 * The limits of a table read from outside (an Order's file, a `rates` range): what keeps a
 * mistaken file (a whole export, a binary) from reaching Excel, and any value from being looked
 * at longer than a cell of its kind can be. Every reader in this folder checks these first.
 */
import type { ImportProblem } from "./problems";

/** Limits that keep a mistaken file (a whole export, a binary) from reaching Excel. */
export const MAX_ORDER_ROWS = 1000;
export const MAX_ORDER_FILE_CHARS = 1_000_000;
/** The longest text value; any longer cell is refused before anything else looks at it. */
export const MAX_TEXT = 1000;
/** The longest number (with its sign, $, thousands commas, unit and spaces) read as a rate. */
export const MAX_NUMBER_TEXT = 100;
/** The most significant digits a rate may have: Excel keeps 15, so a longer rate would change on the sheet. */
export const MAX_SIGNIFICANT_DIGITS = 15;
/** The longest header (or JSON key) compared with the card's columns. */
export const MAX_HEADER = 200;

export function tooManyRows(count: number): ImportProblem {
  return {
    row: null,
    column: null,
    message: `The file has ${count} rows; a rate card has at most ${MAX_ORDER_ROWS}.`,
  };
}
