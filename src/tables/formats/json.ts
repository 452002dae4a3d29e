/**
 * The JSON format of an Order's file: an array of rows (or an object with a "rows" array), each
 * an object keyed by the card's column headers. JSON.parse keeps the last of two equal keys and
 * rounds long numbers: one more pass over the text finds both, and the file is refused instead.
 */
import type { AnyRateTable, RateColumn } from "../../rules/rates/documents";
import { significantDigits } from "../cell";
import { MAX_ORDER_ROWS, MAX_SIGNIFICANT_DIGITS, tooManyRows } from "../limits";
import { clip, quote } from "../../rules/core/errors";
import type { ImportProblem } from "../problems";
import { columnFor, columnsList, fatal, type Raw, type RawRow, type Records } from "../records";
import type { OrderFormat } from "./format";

const own = (o: object, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? (o as Record<string, unknown>)[k] : undefined);

function jsonRecords(card: AnyRateTable, text: string): Records {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fatal([{ row: null, column: null, message: `The file is not valid JSON: ${clip((e as Error).message, 200)}` }]);
  }
  const problems: ImportProblem[] = [];
  let items: unknown = data;
  const wrapped = data !== null && typeof data === "object" && !Array.isArray(data);
  if (wrapped) {
    const obj = data as object;
    const declared = own(obj, "card") ?? own(obj, "table") ?? own(obj, "id");
    if (declared !== undefined && declared !== card.id) {
      problems.push({
        row: null,
        column: null,
        message: `The file is for the card ${typeof declared === "string" ? quote(declared) : clip(JSON.stringify(declared))}, not ${card.id}.`,
      });
    }
    items = own(obj, "rows");
  }
  if (!Array.isArray(items)) {
    return fatal([
      ...problems,
      {
        row: null,
        column: null,
        message: 'Expected an array of rows, or an object with a "rows" array; each row an object keyed by the column headers.',
      },
    ]);
  }
  if (items.length > MAX_ORDER_ROWS) return fatal([tooManyRows(items.length)]);
  // JSON.parse keeps the last of two equal keys; the file is refused instead.
  problems.push(...duplicateKeys(text, wrapped));
  const rows: RawRow[] = [];
  items.forEach((item, i) => {
    const row = i + 1;
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      problems.push({ row, column: null, message: "must be an object keyed by the column headers." });
      return;
    }
    const values = new Map<string, Raw>();
    const seen = new Set<string>();
    for (const [name, v] of Object.entries(item as Record<string, unknown>)) {
      const col = columnFor(card, name);
      if (!col) {
        problems.push({
          row,
          column: name,
          message: `is not a column of "${card.title}"; expected the columns ${columnsList(card)}.`,
        });
      } else if (seen.has(col.key)) {
        problems.push({ row, column: name, message: `names the column "${col.header}" a second time.` });
      } else {
        seen.add(col.key);
        if (v !== null && typeof v === "object")
          problems.push({ row, column: col.header, message: "must be a number or text, not a list or an object." });
        else values.set(col.key, v === undefined ? null : (v as Raw));
      }
    }
    for (const col of card.columns as ReadonlyArray<RateColumn<unknown>>) {
      if (!seen.has(col.key)) problems.push({ row, column: col.header, message: "is missing; every column of the card is required." });
    }
    rows.push({ row, values });
  });
  return { rows, problems, fatal: false };
}

type Frame =
  | { obj: true; keys: Set<string>; expectKey: boolean; lastKey: string | null; row: number | null }
  | { obj: false; index: number; rows: boolean };

/**
 * Keys that appear twice in one object of a JSON text (already parsed, so valid): one pass over
 * the text with a stack of the open objects and arrays. A repeat inside a row names the row.
 */
function duplicateKeys(text: string, wrapped: boolean): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const stack: Frame[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (c === 123 /* { */) {
      const parent = top && !top.obj && top.rows ? top : undefined;
      stack.push({ obj: true, keys: new Set(), expectKey: true, lastKey: null, row: parent ? parent.index + 1 : null });
      i++;
    } else if (c === 91 /* [ */) {
      const rows = wrapped ? stack.length === 1 && top?.obj === true && top.lastKey === "rows" : stack.length === 0;
      stack.push({ obj: false, index: 0, rows });
      i++;
    } else if (c === 125 || c === 93 /* } ] */) {
      stack.pop();
      i++;
    } else if (c === 44 /* , */) {
      if (top?.obj) top.expectKey = true;
      else if (top) top.index++;
      i++;
    } else if (c === 34 /* " */) {
      let k = i + 1;
      while (k < n) {
        const d = text.charCodeAt(k);
        if (d === 92) k += 2;
        else if (d === 34) break;
        else k++;
      }
      if (top?.obj && top.expectKey) {
        const key = JSON.parse(text.slice(i, k + 1)) as string;
        if (top.keys.has(key)) {
          problems.push(
            top.row !== null
              ? { row: top.row, column: key, message: "appears twice in this row; each column may appear once." }
              : {
                  row: null,
                  column: null,
                  message: `The key ${quote(key)} appears twice in one object; each key may appear once.`,
                },
          );
        }
        top.keys.add(key);
        top.lastKey = key;
        top.expectKey = false;
      }
      i = k + 1;
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      // A number: JSON.parse reads it as a double, so 0.000…1 becomes 0 and 20 digits are rounded.
      let k = i + 1;
      const inNumber = (d: number) => (d >= 48 && d <= 57) || d === 46 || d === 43 || d === 45 || d === 101 || d === 69; // 0-9 . + - e E
      while (k < n && inNumber(text.charCodeAt(k))) k++;
      const literal = text.slice(i, k);
      const e = literal.search(/[eE]/);
      const mantissa = literal.slice(literal.charCodeAt(0) === 45 ? 1 : 0, e < 0 ? literal.length : e);
      const value = Number(literal);
      const lost =
        (value === 0 && /[1-9]/.test(mantissa)) || !Number.isFinite(value) || significantDigits(mantissa) > MAX_SIGNIFICANT_DIGITS;
      if (lost && top?.obj && top.row !== null) {
        problems.push({
          row: top.row,
          column: top.lastKey ?? "",
          message: `${clip(literal)} cannot be read exactly as a number (more than ${MAX_SIGNIFICANT_DIGITS} significant digits, or beyond Excel's range); write the rate as it should appear in Excel.`,
        });
      }
      i = k;
    } else {
      i++;
    }
  }
  return problems;
}

/** A JSON file: named .json, or whose text starts with [ or {. */
export const JSON_FORMAT: OrderFormat = {
  name: "json",
  extensions: [".json"],
  mediaTypes: ["application/json"],
  sniff: (head) => /^\s*[[{]/.test(head),
  records: jsonRecords,
};
