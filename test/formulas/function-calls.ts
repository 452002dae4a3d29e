/**
 * Finds the worksheet functions a text calls (`NAME(`), and says which ones Excel 2021 lacks.
 * One pass over the text: linear in its length, whatever it holds.
 */
import { EXCEL_2021_FUNCTIONS, NEWER_THAN_EXCEL_2021 } from "./excel-2021";

/** A function called in a text: its name as written and where it starts (0-based offset). */
export interface Call {
  readonly name: string;
  readonly offset: number;
}

const isStart = (c: string) => (c >= "A" && c <= "Z") || (c >= "a" && c <= "z") || c === "_";
const isPart = (c: string) => isStart(c) || (c >= "0" && c <= "9") || c === ".";

/**
 * Every `NAME(` in `text`. A formula (`formula` true) is read as Excel reads it: its "text
 * constants" and 'sheet names' are skipped, so `=IF(A1="TAKE(", ...)` calls IF alone. Prose
 * (documents, descriptions) is read whole: a quote there is not a formula's.
 */
export function calls(text: string, formula = false): Call[] {
  const found: Call[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (formula && (c === '"' || c === "'")) {
      // "a ""quoted"" word": a doubled quote stays inside; an unclosed one runs to the end.
      i++;
      while (i < text.length) {
        if (text[i] === c && text[i + 1] === c) i += 2;
        else if (text[i] === c) break;
        else i++;
      }
      i++;
      continue;
    }
    if (isStart(c)) {
      const start = i;
      while (i < text.length && isPart(text[i])) i++;
      if (text[i] === "(") found.push({ name: text.slice(start, i), offset: start });
      continue;
    }
    i++;
  }
  return found;
}

/** What is wrong with one call, or null when Excel 2021 has the function. */
export function excel2021Problem(name: string, kustomerFunctions: ReadonlySet<string>, formula = false): string | null {
  // A saved file writes the newer functions with a prefix (_xlfn.VSTACK): the same function.
  const upper = name.toUpperCase().replace(/^(_XL(FN|WS)\.)+/, "");
  if (upper.startsWith("KUSTOMER.")) {
    const fn = upper.slice("KUSTOMER.".length);
    return kustomerFunctions.has(fn) ? null : `${name}: the add-in has no function ${fn}`;
  }
  if (kustomerFunctions.has(upper)) return null;
  const newer = NEWER_THAN_EXCEL_2021[upper];
  if (newer) return `${name}: Excel 2021 has no ${upper} (${newer}); it gives #NAME? there`;
  if (EXCEL_2021_FUNCTIONS.has(upper)) return null;
  // In prose, a word in lower case before a bracket ("ceil(rows / 50000)") is not a formula.
  if (!formula && name !== upper) return null;
  return `${name}: not on the list of functions checked in Excel 2021 (test/formulas/excel-2021.ts): check its Microsoft page and add it there, or write the formula without it`;
}

/** The problems of a text, each "where:line: problem" (line 1-based). */
export function excel2021Problems(where: string, text: string, kustomerFunctions: ReadonlySet<string>, formula = false): string[] {
  const problems: string[] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  let line = 0;
  for (const call of calls(text, formula)) {
    const problem = excel2021Problem(call.name, kustomerFunctions, formula);
    if (!problem) continue;
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= call.offset) line++;
    problems.push(lineStarts.length > 1 ? `${where}:${line + 1}: ${problem}` : `${where}: ${problem}`);
  }
  return problems;
}
