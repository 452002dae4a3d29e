/**
 * Excel's spill reference `A1#` (the whole array a formula in A1 spills) for HyperFormula, which
 * has no `#` operator: each `A1#` becomes the A1 range the anchor's array covers, `A1:B3`, from
 * the size the anchor's result had when the sheet was last evaluated (test/sheets/engine.ts
 * evaluates again until the sizes stop changing, as Excel re-spills after a recalculation).
 *
 * What `A1#` gives when A1 holds no spill: Excel's answer is #REF!, so the reference becomes
 * `#REF!`. Text in double quotes and quoted sheet names are left alone; a sheet-qualified
 * `Sheet!A1#` is refused (the sheets here never use one). One pass over the formula: linear.
 */
import { columnLetter } from "../../src/sheets/layout";

/** The size of a spilled array: rows and columns, each at least 1. */
export interface SpillSize {
  readonly rows: number;
  readonly cols: number;
}

/** What is known of an anchor cell (A1 address, no `$`): its spill's size, or "none" for no spill. */
export type SpillLookup = (anchor: string) => SpillSize | "none";

const isLetter = (c: string | undefined) => c !== undefined && c >= "A" && c <= "Z";
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const isWordChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_.$]/.test(c);

/** 0-based column of letters ("A" is 0, "AA" is 26). */
export function columnIndex(letters: string): number {
  let col = 0;
  for (const ch of letters) col = col * 26 + ch.charCodeAt(0) - 64;
  return col - 1;
}

/** Every anchor (A1, no `$`) a formula refers to with `#`, in order. */
export function spillAnchors(formula: string): string[] {
  const found: string[] = [];
  translateSpillRefs(formula, (anchor) => {
    found.push(anchor);
    return "none";
  });
  return found;
}

/** The formula with each `A1#` replaced by the anchor's spill range (or `#REF!` when it has none). */
export function translateSpillRefs(formula: string, lookup: SpillLookup): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const c = formula[i];
    if (c === '"' || c === "'") {
      // A text constant or a quoted sheet name, "a ""doubled"" quote" kept inside.
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === c && formula[j + 1] === c) j += 2;
        else if (formula[j] === c) break;
        else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    // A cell reference starts at a letter or $ not preceded by a word character.
    if ((isLetter(c) || c === "$") && !isWordChar(formula[i - 1])) {
      let j = i;
      if (formula[j] === "$") j++;
      const lettersStart = j;
      while (isLetter(formula[j])) j++;
      const letters = formula.slice(lettersStart, j);
      if (formula[j] === "$") j++;
      const digitsStart = j;
      while (isDigit(formula[j])) j++;
      const digits = formula.slice(digitsStart, j);
      const isRef = letters.length >= 1 && letters.length <= 3 && digits.length > 0 && !isWordChar(formula[j]);
      if (isRef && formula[j] === "#") {
        if (formula[i - 1] === "!") throw new SyntaxError(`a spill reference on another sheet is not supported: ${formula}`);
        const anchor = `${letters}${digits}`;
        const size = lookup(anchor);
        if (size === "none") out += "#REF!";
        else {
          const last = `${columnLetter(columnIndex(letters) + size.cols - 1)}${Number(digits) + size.rows - 1}`;
          out += `${formula.slice(i, j)}:${last}`;
        }
        i = j + 1;
        continue;
      }
      // Not a spill reference: copy the word whole (so "AB12C" is not read from its middle).
      while (isWordChar(formula[j])) j++;
      out += formula.slice(i, Math.max(j, i + 1));
      i = Math.max(j, i + 1);
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
