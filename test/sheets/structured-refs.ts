/**
 * Translates Excel's structured references to A1 references, for HyperFormula, which has no
 * Excel tables: Table[#All], Table[Column] (the body column), [@Column] and Table[@Column] (the
 * current row's cell), with the ' escapes and the [@[Column name]] form. Text in double quotes is
 * left alone. Also shifts a conditional format's relative rows to another row of its range.
 */
import { columnLetter } from "../../src/sheets/layout";

export interface TableGeometry {
  /** The sheet, quoted in the result when given (rate cards on other sheets). */
  readonly sheet?: string;
  /** 1-based header row, 0-based first column. */
  readonly headerRow: number;
  readonly firstCol: number;
  readonly headers: readonly string[];
  /** Number of body rows. */
  readonly rows: number;
}

const unescape = (s: string) => s.replace(/'(.)/g, "$1");

function sheetPrefix(t: TableGeometry): string {
  if (!t.sheet) return "";
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(t.sheet) ? `${t.sheet}!` : `'${t.sheet.replace(/'/g, "''")}'!`;
}

/** Reads the bracket group at s[i] === "[": its inner text (escapes kept) and the index after it. */
function group(s: string, i: number): { inner: string; end: number } {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const ch = s[j];
    if (ch === "'") {
      j++;
      continue;
    }
    if (ch === "[") depth++;
    else if (ch === "]" && --depth === 0) return { inner: s.slice(i + 1, j), end: j + 1 };
  }
  throw new SyntaxError(`unclosed [ in ${s}`);
}

/**
 * `formula` with its structured references replaced. `current` names the table and the 1-based
 * sheet row of the row `[@...]` refers to.
 */
export function translateStructured(
  formula: string,
  tables: Readonly<Record<string, TableGeometry>>,
  current?: { table: string; row: number },
): string {
  const byLower = new Map(Object.entries(tables).map(([k, v]) => [k.toLowerCase(), v]));
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const j = formula.indexOf('"', i + 1);
      // "" inside text is an escaped quote: keep scanning past it.
      let end = j;
      while (end >= 0 && formula[end + 1] === '"') end = formula.indexOf('"', end + 2);
      if (end < 0) throw new SyntaxError(`unclosed " in ${formula}`);
      out += formula.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_.]*(?=\[)/.exec(formula.slice(i));
    const prev = i > 0 ? formula[i - 1] : "";
    if ((m && !/[A-Za-z0-9_.$]/.test(prev)) || ch === "[") {
      const name = m ? m[0] : current?.table;
      if (!name) throw new SyntaxError(`[@...] outside a table: ${formula}`);
      const t = byLower.get(name.toLowerCase());
      if (!t) throw new RangeError(`no table ${name}`);
      const start = m ? i + m[0].length : i;
      const { inner, end } = group(formula, start);
      out += resolve(t, inner, current && current.table.toLowerCase() === name.toLowerCase() ? current.row : undefined);
      i = end;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function resolve(t: TableGeometry, inner: string, row: number | undefined): string {
  const p = sheetPrefix(t);
  const lastCol = columnLetter(t.firstCol + t.headers.length - 1);
  if (inner === "#All") return `${p}${columnLetter(t.firstCol)}${t.headerRow}:${lastCol}${t.headerRow + t.rows}`;
  if (inner === "#Data") return `${p}${columnLetter(t.firstCol)}${t.headerRow + 1}:${lastCol}${t.headerRow + t.rows}`;
  const thisRow = inner.startsWith("@");
  let col = thisRow ? inner.slice(1) : inner;
  if (col.startsWith("[") && col.endsWith("]")) col = col.slice(1, -1);
  const header = unescape(col);
  const idx = t.headers.findIndex((h) => h.toLowerCase() === header.toLowerCase());
  if (idx < 0) throw new RangeError(`no column ${header}`);
  const letter = columnLetter(t.firstCol + idx);
  if (thisRow) {
    if (row === undefined) throw new SyntaxError(`[@${header}] outside a row of its table`);
    return `${p}${letter}${row}`;
  }
  return `${p}${letter}${t.headerRow + 1}:${letter}${t.headerRow + t.rows}`;
}

/** A conditional-format formula written for the first row of its range, moved `by` rows down (rows without $). */
export function shiftRows(formula: string, by: number): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, k) =>
      k % 2 === 1 ? part : part.replace(/(\$?[A-Z]{1,3})(\$?)(\d+)/g, (_m, c, d, r) => `${c}${d}${d ? r : Number(r) + by}`),
    )
    .join("");
}
