/**
 * A real spreadsheet engine for the sheets' formulas: HyperFormula (a dev-only dependency, under
 * its GPL-v3 licence key: these tests ship nothing), with every KUSTOMER function registered from
 * the BUILT bundle (dist/functions.js), so the engine calls exactly the code Excel calls. Arguments
 * are mapped as Excel passes them: a range to a 2-D array (blank cells null), an omitted argument
 * or a blank cell to null, an error argument stops the call (Excel does not call the function);
 * a CustomFunctions.Error becomes the matching HyperFormula error with its message.
 *
 * HyperFormula has no Excel tables, so a layout's structured references are translated to A1
 * references (./structured-refs) row by row, the way Excel fills a calculated column.
 *
 * Dynamic arrays, emulated where HyperFormula differs from Excel:
 * - A KUSTOMER function's array result spills from its cell as in Excel (a 1x1 array is the one
 *   value, as Excel shows it). HyperFormula fixes an array formula's size when it reads the
 *   formula, before any value is known, while Excel spills whatever size the result has; so the
 *   sheet is evaluated, the size of every array a KUSTOMER call returned is recorded, and the
 *   sheet is evaluated again with those sizes until none changes (at most MAX_ROUNDS times).
 *   A size is therefore the one the inputs given here produce: change an input through `hf`
 *   afterwards and the spill keeps its old size (HyperFormula's own rule), where Excel re-spills.
 * - A spill into non-empty cells is #SPILL! at its anchor, as in Excel: emulated by HyperFormula's
 *   own rule (an array formula needs empty cells), kept as is. A formula that refers to a blocked
 *   spill with `A1#` is refused (the sheet does not evaluate): what Excel gives there is not
 *   checked here, so no test may rest on it.
 * - `A1#` (the whole spill of A1) is translated to the A1 range the spill covers
 *   (./spill-refs) when A1's formula is a KUSTOMER call or an INDEX(array, 0, n); `A1#` where A1
 *   spills nothing is #REF!, as in Excel; `A1#` of HyperFormula's own array functions (FILTER,
 *   SORT...) is refused.
 * - INDEX(array, 0, n) and INDEX(array, n, 0) with the 0 written in the formula, Excel's whole
 *   column and whole row of an array, which HyperFormula's INDEX refuses (#VALUE!), are answered
 *   here (and spill); every other INDEX is HyperFormula's own.
 */
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
import { loadBundle, StubError, type LoadedBundle } from "../helpers/bundle";
import type { CellSpec, SheetLayout } from "../../src/sheets/layout";
import { columnLetter } from "../../src/sheets/layout";
import { shiftRows, translateStructured, type TableGeometry } from "./structured-refs";
import { type CardGrid, HEADER_ROW } from "../../src/sheets/rate-card-layout";
import { spillAnchors, translateSpillRefs, type SpillSize } from "./spill-refs";

const ERROR_TYPES: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#NUM!": ErrorType.NUM,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NAME?": ErrorType.NAME,
  "#REF!": ErrorType.REF,
};

let bundle: LoadedBundle | null = null;
/** Calls made by the engine, by function name (to show a formula really reached the bundle). */
export const calls = new Map<string, number>();

function toArg(v: unknown): unknown {
  if (typeof v === "symbol") return null; // HyperFormula's EmptyValue: a blank cell
  if (v !== null && typeof v === "object" && "val" in (v as object)) return (v as { val: number }).val; // a date or currency number
  return v;
}

/** Evaluations of one sheet before its spill sizes must have settled (each is one more round). */
const MAX_ROUNDS = 8;

/**
 * The array sizes of the sheet being evaluated (one at a time: the plugin is registered once,
 * statically). `predicted`: the size each KUSTOMER call is given when HyperFormula reads its
 * formula; `observed`: the size it returned when evaluated; `anchors`: the spill of each cell
 * whose whole formula is a KUSTOMER call or an INDEX(array, 0, n) returning an array
 * ("sheet:row:col", 0-based).
 * A call is known by its cell and its formula's syntax tree, so two calls in one cell differ.
 */
const spills = {
  predicted: new Map<string, SpillSize>(),
  observed: new Map<string, SpillSize>(),
  anchors: new Map<string, SpillSize>(),
  /** The calls evaluated in this round, and the cells whose whole formula was one of them. */
  evaluated: new Set<string>(),
  evaluatedCells: new Set<string>(),
};
interface Address {
  sheet: number;
  row: number;
  col: number;
}
const cellKey = (a: Address) => `${a.sheet}:${a.row}:${a.col}`;
const callKey = (ast: unknown, a: Address) => `${cellKey(a)}|${JSON.stringify(ast)}`;

/** An array result as a HyperFormula value: a 1x1 array is its value; a ragged one is #VALUE!. */
function arrayValue(r: unknown[]): { value: unknown; size: SpillSize | null } {
  const rows = r.map((row) => (Array.isArray(row) ? row : [row]));
  const cols = rows.length === 0 ? 0 : rows[0].length;
  if (rows.length === 0 || cols === 0 || rows.some((row) => row.length !== cols))
    return { value: new CellError(ErrorType.VALUE, "the function returned an empty or ragged array"), size: null };
  const cell = (v: unknown) => (v === null || v === undefined ? EmptyValue : v);
  if (rows.length === 1 && cols === 1) return { value: cell(rows[0][0]), size: null };
  return { value: SimpleRangeValue.onlyValues(rows.map((row) => row.map(cell)) as any), size: { rows: rows.length, cols } };
}

/**
 * Notes what a call's cell spills when the call is the cell's whole formula (not an argument of
 * another function): `size`, or nothing. Returns `value`.
 */
function noteAnchor<T>(ast: unknown, state: any, size: SpillSize | null, value: T): T {
  if (state.formulaVertex === undefined || state.formulaVertex.formula !== ast) return value;
  const cell = cellKey(state.formulaAddress);
  spills.evaluatedCells.add(cell);
  if (size) spills.anchors.set(cell, size);
  else spills.anchors.delete(cell);
  return value;
}

class KustomerPlugin extends FunctionPlugin {
  /** The size HyperFormula reserves for a call's result: the one it had when last evaluated. */
  size(ast: any, state: any): ArraySize {
    const s = spills.predicted.get(callKey(ast, state.formulaAddress));
    return s ? new ArraySize(s.cols, s.rows) : ArraySize.scalar();
  }

  call(ast: any, state: any): unknown {
    const key = callKey(ast, state.formulaAddress);
    spills.evaluated.add(key);
    spills.observed.delete(key);
    const { value, size } = this.run(ast, state);
    if (size) spills.observed.set(key, size);
    return noteAnchor(ast, state, size, value);
  }

  /** The call's value, and its size when it is an array that spills. */
  private run(ast: any, state: any): { value: unknown; size: SpillSize | null } {
    const name: string = String(ast.procedureName).replace(/^KUSTOMER\./, "");
    const fn = bundle?.registered.get(name);
    if (!fn) return { value: new CellError(ErrorType.NAME, `KUSTOMER.${name} is not registered`), size: null };
    const args: unknown[] = [];
    for (const a of ast.args as any[]) {
      if (a.type === "EMPTY") {
        args.push(null);
        continue;
      }
      const v = this.evaluateAst(a, state);
      if (v instanceof CellError) return { value: v, size: null };
      if (v instanceof SimpleRangeValue) {
        const data = v.rawData();
        for (const row of data) for (const x of row) if (x instanceof CellError) return { value: x, size: null };
        args.push(data.map((row) => row.map(toArg)));
      } else args.push(toArg(v));
    }
    calls.set(name, (calls.get(name) ?? 0) + 1);
    let r: unknown;
    try {
      r = fn(...args);
    } catch (e) {
      if (e instanceof StubError) return { value: new CellError(ERROR_TYPES[e.code] ?? ErrorType.VALUE, e.message), size: null };
      throw e;
    }
    return Array.isArray(r) ? arrayValue(r) : { value: r, size: null };
  }
}

/**
 * Excel's INDEX(array, 0, n) (column n, whole) and INDEX(array, n, 0) (row n, whole), with the 0
 * written in the formula, over HyperFormula's INDEX, which answers #VALUE! for a 0. Any other
 * INDEX is HyperFormula's.
 */
function excelIndexPlugin(): any {
  const Base = HyperFormula.getFunctionPlugin("INDEX") as any;
  if (!Base) throw new Error("HyperFormula has no INDEX");
  const isZero = (a: any) => a?.type === "NUMBER" && a.value === 0;
  class ExcelIndex extends Base {
    excelIndex(ast: any, state: any): unknown {
      const { value, size } = this.wholeRowOrColumn(ast, state);
      return noteAnchor(ast, state, size, value);
    }
    wholeRowOrColumn(ast: any, state: any): { value: unknown; size: SpillSize | null } {
      if (ast.args.length !== 3 || !(isZero(ast.args[1]) || isZero(ast.args[2]))) return { value: super.index(ast, state), size: null };
      const range = this.evaluateAst(ast.args[0], state);
      if (range instanceof CellError) return { value: range, size: null };
      const data: unknown[][] = range instanceof SimpleRangeValue ? range.data : [[range]];
      for (const row of data) for (const x of row) if (x instanceof CellError) return { value: x, size: null };
      const row = this.evaluateAst(ast.args[1], state);
      const col = this.evaluateAst(ast.args[2], state);
      const error = (type: ErrorType, message: string) => ({ value: new CellError(type, message), size: null });
      if (typeof row !== "number" || typeof col !== "number") return error(ErrorType.VALUE, "INDEX: row and column are numbers");
      if (row < 0 || col < 0 || row > data.length || col > (data[0]?.length ?? 0))
        return error(ErrorType.REF, "INDEX: row or column outside the array");
      const rows = row === 0 ? data : [data[row - 1]];
      const out = rows.map((r) => (col === 0 ? r : [r[col - 1]]));
      if (out.length === 1 && out[0].length === 1) return { value: out[0][0], size: null };
      return { value: SimpleRangeValue.onlyValues(out as any), size: { rows: out.length, cols: out[0].length } };
    }
    /** A whole column or row of a range is an array HyperFormula spills: its size, from the range. */
    excelIndexSize(ast: any, state: any): ArraySize {
      if (ast.args.length !== 3 || !(isZero(ast.args[1]) || isZero(ast.args[2]))) return ArraySize.scalar();
      const whole = this.arraySizeForAst(ast.args[0], state) as ArraySize;
      // A number past the array's edge is #REF!, one cell.
      const past = (a: any, n: number) => a?.type === "NUMBER" && a.value > n;
      if (past(ast.args[1], whole.height) || past(ast.args[2], whole.width)) return ArraySize.scalar();
      return new ArraySize(isZero(ast.args[2]) ? whole.width : 1, isZero(ast.args[1]) ? whole.height : 1);
    }
  }
  (ExcelIndex as any).implementedFunctions = {
    INDEX: { ...Base.implementedFunctions.INDEX, method: "excelIndex", sizeOfResultArrayMethod: "excelIndexSize" },
  };
  return ExcelIndex;
}

/** Registers the bundle's functions with HyperFormula (once per test file). */
export function registerKustomer(): void {
  if (bundle) return;
  bundle = loadBundle();
  const implemented: Record<string, { method: string; sizeOfResultArrayMethod: string }> = {};
  const translations: Record<string, string> = {};
  for (const f of bundle.metadata.functions) {
    implemented[`KUSTOMER.${f.name}`] = { method: "call", sizeOfResultArrayMethod: "size" };
    translations[`KUSTOMER.${f.name}`] = `KUSTOMER.${f.name}`;
  }
  (KustomerPlugin as any).implementedFunctions = implemented;
  HyperFormula.registerFunctionPlugin(KustomerPlugin as any, { enGB: translations, enUS: translations });
  HyperFormula.registerFunction("INDEX", excelIndexPlugin());
}

export type Value = number | string | boolean | null | { error: string; message: string };

type Grid = (string | number | null)[][];

function readCell(hf: HyperFormula, sheet: number, address: string): Value {
  const { row, col } = parse(address);
  const v = hf.getCellValue({ sheet, row, col }) as unknown;
  if (v !== null && typeof v === "object" && "type" in (v as object)) {
    const e = v as { value: string; message: string };
    return { error: e.value, message: e.message };
  }
  return v as Value;
}

const sameSizes = (a: ReadonlyMap<string, SpillSize>, b: ReadonlyMap<string, SpillSize>) =>
  a.size === b.size && [...a].every(([k, s]) => b.get(k)?.rows === s.rows && b.get(k)?.cols === s.cols);

/**
 * Builds the sheets in HyperFormula, again until the spills settle (see the top of this file):
 * each round reserves for every KUSTOMER call the size its result had in the round before and
 * translates each `A1#` from the anchors' spills then. Returns the instance and, by sheet, the
 * formulas whose `A1#` were translated (address -> formula given to HyperFormula) and the spill
 * of each anchor ("sheet:row:col", 0-based).
 */
function buildSettled(
  sheets: Readonly<Record<string, Grid>>,
  names: Readonly<Record<string, number | string>>,
  config: { smartRounding?: boolean } = {},
): { hf: HyperFormula; translated: Map<string, Map<string, string>>; anchors: ReadonlyMap<string, SpillSize> } {
  const order = Object.keys(sheets);
  spills.predicted.clear();
  let anchors = new Map<string, SpillSize>();
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const translated = new Map<string, Map<string, string>>();
    const originals = new Map<string, Map<string, string>>();
    const given: Record<string, Grid> = {};
    order.forEach((name, sheet) => {
      given[name] = sheets[name].map((cells, row) =>
        Array.from(cells, (v, col) => {
          if (typeof v !== "string" || !v.startsWith("=") || !v.includes("#")) return v ?? null;
          const f = translateSpillRefs(v, (anchor) => {
            const { row: r, col: c } = parse(anchor);
            return anchors.get(`${sheet}:${r}:${c}`) ?? "none";
          });
          if (f !== v) {
            if (!translated.has(name)) translated.set(name, new Map());
            translated.get(name)!.set(`${columnLetter(col)}${row + 1}`, f);
            if (!originals.has(name)) originals.set(name, new Map());
            originals.get(name)!.set(`${columnLetter(col)}${row + 1}`, v);
          }
          return f;
        }),
      );
    });
    spills.observed.clear();
    spills.anchors.clear();
    spills.evaluated.clear();
    spills.evaluatedCells.clear();
    const hf = HyperFormula.buildFromSheets(given, { licenseKey: "gpl-v3", ...config });
    order.forEach((name, sheet) => {
      if (hf.getSheetId(name) !== sheet) throw new Error(`sheet ${name} is not sheet ${sheet}`);
    });
    for (const [n, v] of Object.entries(names)) hf.addNamedExpression(n, v);
    // A call HyperFormula did not evaluate this round (a spill blocked by a value, a branch of IF
    // not taken) keeps the size it had.
    const observed = new Map(spills.observed);
    for (const [k, s] of spills.predicted) if (!spills.evaluated.has(k)) observed.set(k, s);
    const nextAnchors = new Map(spills.anchors);
    for (const [k, s] of anchors) if (!spills.evaluatedCells.has(k)) nextAnchors.set(k, s);
    if (sameSizes(observed, spills.predicted) && sameSizes(nextAnchors, anchors)) {
      for (const [name, byAddress] of originals)
        for (const [address, formula] of byAddress)
          for (const anchor of spillAnchors(formula)) {
            const sheet = hf.getSheetId(name) as number;
            const v = readCell(hf, sheet, anchor);
            if (!anchors.has(`${sheet}:${parse(anchor).row}:${parse(anchor).col}`) && hf.isCellPartOfArray({ sheet, ...parse(anchor) }))
              throw new Error(
                `${name}!${address} refers to ${anchor}#, a spill of HyperFormula's own array functions: not supported, see engine.ts`,
              );
            if (v !== null && typeof v === "object" && v.error === "#SPILL!")
              throw new Error(`${name}!${address} refers to ${anchor}#, a spill blocked by a value (#SPILL!): refused, see engine.ts`);
          }
      return { hf, translated, anchors };
    }
    spills.predicted = observed;
    anchors = nextAnchors;
    hf.destroy();
  }
  throw new Error(`the spills did not settle in ${MAX_ROUNDS} evaluations`);
}

export interface Evaluated {
  /** The value of a cell by A1 address (null for blank). */
  get(address: string): Value;
  /** The value of a table column in body row `i` (0-based). */
  tableCell(column: string, i: number): Value;
  /** True when a conditional format of the layout applies at `address`, by its fill. */
  fills(address: string): string[];
  /** Every formula given to the engine, translated, by address. */
  readonly formulas: ReadonlyMap<string, string>;
  readonly hf: HyperFormula;
}

function parse(a: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a);
  if (!m) throw new RangeError(`bad address ${a}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** A table of `evaluate`'s `otherTables`: where it stands, and its body's values. */
export type OtherTable = TableGeometry & { values: (string | number | null)[][] };

/**
 * A rate card's grid (cardGrid) as the pane writes it on its own sheet, header row HEADER_ROW from
 * column A; its body as it is, or `values` in its place (an Order's changes).
 */
export function cardTable(sheet: string, grid: CardGrid, values: (string | number | null)[][] = grid.body.map((r) => [...r])): OtherTable {
  return { sheet, headerRow: HEADER_ROW, firstCol: 0, headers: grid.headers, rows: values.length, values };
}

/**
 * Builds the layout's sheet in HyperFormula: its cells, then `inputs` (address -> value, as a user
 * types them), then the table with `rows` body rows of `tableRows` values (by header) and its
 * calculated columns filled down; other tables (rate cards) and workbook names may be given. A
 * cell reads as Excel holds it, the whole double (HyperFormula's rounding of what it gives out,
 * `smartRounding`, is off, as in {@link evaluateCells}).
 */
export function evaluate(
  layout: SheetLayout,
  options: {
    inputs?: Readonly<Record<string, string | number>>;
    tableRows?: ReadonlyArray<Readonly<Record<string, string | number>>>;
    otherTables?: Readonly<Record<string, OtherTable>>;
    names?: Readonly<Record<string, number>>;
  } = {},
): Evaluated {
  registerKustomer();
  const grid: (string | number | null)[][] = [];
  const set = (address: string, v: string | number | null) => {
    const { row, col } = parse(address);
    while (grid.length <= row) grid.push([]);
    grid[row][col] = v;
  };
  const formulas = new Map<string, string>();
  const geometry: Record<string, TableGeometry> = {};
  for (const [name, t] of Object.entries(options.otherTables ?? {})) geometry[name] = t;
  const table = layout.tables[0];
  let tableHeader = 0;
  let tableCol = 0;
  const rows = options.tableRows ?? [];
  if (table) {
    const start = parse(table.address.split(":")[0]);
    tableHeader = start.row + 1;
    tableCol = start.col;
    // The table grows to the rows pasted (at least its empty rows): as Excel extends a table.
    const bodyRows = Math.max(rows.length, Number(table.address.split(":")[1].replace(/[A-Z]+/, "")) - tableHeader);
    geometry[table.name] = { headerRow: tableHeader, firstCol: tableCol, headers: table.headers, rows: bodyRows };
  }
  const put = (c: CellSpec) => {
    if (c.formula !== undefined) {
      const f = translateStructured(c.formula, geometry);
      formulas.set(c.address, f);
      set(c.address, f);
    } else set(c.address, c.value ?? null);
  };
  for (const c of layout.cells) put(c);
  for (const [a, v] of Object.entries(options.inputs ?? {})) set(a, v);
  if (table) {
    const g = geometry[table.name];
    table.headers.forEach((h, c) => set(`${columnLetter(tableCol + c)}${tableHeader}`, h));
    for (let i = 0; i < g.rows; i++) {
      const sheetRow = tableHeader + 1 + i;
      table.headers.forEach((h, c) => {
        const address = `${columnLetter(tableCol + c)}${sheetRow}`;
        const calc = table.calculated[h];
        if (calc !== undefined) {
          const f = translateStructured(calc, geometry, { table: table.name, row: sheetRow });
          formulas.set(address, f);
          set(address, f);
        } else set(address, rows[i]?.[h] ?? null);
      });
    }
  }
  const sheets: Record<string, (string | number | null)[][]> = { Main: grid };
  for (const [name, t] of Object.entries(options.otherTables ?? {})) {
    const s: (string | number | null)[][] = [];
    for (let r = 0; r < t.headerRow - 1; r++) s.push([]);
    s.push([...t.headers]);
    for (const row of t.values) s.push(row);
    sheets[t.sheet ?? name] = s;
  }
  const { hf, translated } = buildSettled(sheets, options.names ?? {}, { smartRounding: false });
  for (const [a, f] of translated.get("Main") ?? []) if (formulas.has(a)) formulas.set(a, f);
  const main = hf.getSheetId("Main") as number;
  const read = (address: string): Value => readCell(hf, main, address);
  /** A formula evaluated in a scratch cell of `address`'s row (relative references allowed). */
  const evalIn = (address: string, formula: string): Value => {
    const { row } = parse(address);
    hf.setCellContents({ sheet: main, row, col: 250 }, formula);
    const v = read(`${columnLetter(250)}${row + 1}`);
    hf.setCellContents({ sheet: main, row, col: 250 }, null);
    return v;
  };
  return {
    hf,
    formulas,
    get: read,
    tableCell(column, i) {
      if (!table) throw new Error("no table");
      const c = table.headers.indexOf(column);
      if (c < 0) throw new RangeError(`no column ${column}`);
      return read(`${columnLetter(tableCol + c)}${tableHeader + 1 + i}`);
    },
    fills(address) {
      const { row, col } = parse(address);
      const out: string[] = [];
      for (const cf of layout.conditionalFormats) {
        const [a, b] = cf.address.split(":");
        const top = parse(a);
        const bottom = parse(b ?? a);
        if (row < top.row || col < top.col || col > bottom.col) continue;
        // A table's conditional formats grow with it, as Excel extends them with the table.
        const grows = table && top.row === tableHeader;
        if (!grows && row > bottom.row) continue;
        if (evalIn(address, shiftRows(cf.formula, row - top.row)) === true) out.push(cf.fill);
      }
      return out;
    },
  };
}

/** A sheet built cell by cell (no layout), evaluated with its spills settled. */
export interface EvaluatedCells {
  /** The value of a cell by A1 address (null for blank). */
  get(address: string): Value;
  /** The array `anchor` spills, row by row (its one value when it spills nothing). */
  spill(anchor: string): Value[][];
  /** Every formula given, as HyperFormula got it (its `A1#` translated), by address. */
  readonly formulas: ReadonlyMap<string, string>;
  readonly hf: HyperFormula;
}

/**
 * Builds one sheet from `cells` (A1 address -> a value or a formula, as a user types them). A cell
 * reads as Excel holds it, the whole double: HyperFormula's rounding of what it gives out to 10
 * digits (`smartRounding`) is turned off here.
 */
export function evaluateCells(cells: Readonly<Record<string, string | number | null>>): EvaluatedCells {
  registerKustomer();
  const grid: Grid = [];
  const formulas = new Map<string, string>();
  for (const [address, v] of Object.entries(cells)) {
    const { row, col } = parse(address);
    while (grid.length <= row) grid.push([]);
    grid[row][col] = v;
    if (typeof v === "string" && v.startsWith("=")) formulas.set(address, v);
  }
  const { hf, translated, anchors } = buildSettled({ Main: grid }, {}, { smartRounding: false });
  for (const [a, f] of translated.get("Main") ?? []) formulas.set(a, f);
  const main = hf.getSheetId("Main") as number;
  const get = (address: string) => readCell(hf, main, address);
  return {
    hf,
    formulas,
    get,
    spill(anchor) {
      const { row, col } = parse(anchor);
      const size = anchors.get(`${main}:${row}:${col}`) ?? { rows: 1, cols: 1 };
      return Array.from({ length: size.rows }, (_, r) =>
        Array.from({ length: size.cols }, (_, c) => get(`${columnLetter(col + c)}${row + 1 + r}`)),
      );
    },
  };
}
