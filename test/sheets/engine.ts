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
 */
import { CellError, ErrorType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
import { loadBundle, StubError, type LoadedBundle } from "../helpers/bundle";
import type { CellSpec, SheetLayout } from "../../src/sheets/layout";
import { columnLetter } from "../../src/sheets/layout";
import { shiftRows, translateStructured, type TableGeometry } from "./structured-refs";

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

class KustomerPlugin extends FunctionPlugin {
  call(ast: any, state: any): unknown {
    const name: string = String(ast.procedureName).replace(/^KUSTOMER\./, "");
    const fn = bundle?.registered.get(name);
    if (!fn) return new CellError(ErrorType.NAME, `KUSTOMER.${name} is not registered`);
    const args: unknown[] = [];
    for (const a of ast.args as any[]) {
      if (a.type === "EMPTY") {
        args.push(null);
        continue;
      }
      const v = this.evaluateAst(a, state);
      if (v instanceof CellError) return v;
      if (v instanceof SimpleRangeValue) {
        const data = v.rawData();
        for (const row of data) for (const x of row) if (x instanceof CellError) return x;
        args.push(data.map((row) => row.map(toArg)));
      } else args.push(toArg(v));
    }
    calls.set(name, (calls.get(name) ?? 0) + 1);
    try {
      const r = fn(...args);
      if (Array.isArray(r)) return new CellError(ErrorType.VALUE, "spilled results are not used by the sheets");
      return r as number | string;
    } catch (e) {
      if (e instanceof StubError) return new CellError(ERROR_TYPES[e.code] ?? ErrorType.VALUE, e.message);
      throw e;
    }
  }
}

/** Registers the bundle's functions with HyperFormula (once per test file). */
export function registerKustomer(): void {
  if (bundle) return;
  bundle = loadBundle();
  const implemented: Record<string, { method: string }> = {};
  const translations: Record<string, string> = {};
  for (const f of bundle.metadata.functions) {
    implemented[`KUSTOMER.${f.name}`] = { method: "call" };
    translations[`KUSTOMER.${f.name}`] = `KUSTOMER.${f.name}`;
  }
  (KustomerPlugin as any).implementedFunctions = implemented;
  HyperFormula.registerFunctionPlugin(KustomerPlugin as any, { enGB: translations, enUS: translations });
}

export type Value = number | string | boolean | null | { error: string; message: string };

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

const parse = (a: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(a);
  if (!m) throw new RangeError(`bad address ${a}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
};

/**
 * Builds the layout's sheet in HyperFormula: its cells, then `inputs` (address -> value, as a user
 * types them), then the table with `rows` body rows of `tableRows` values (by header) and its
 * calculated columns filled down; other tables (rate cards) and workbook names may be given.
 */
export function evaluate(
  layout: SheetLayout,
  options: {
    inputs?: Readonly<Record<string, string | number>>;
    tableRows?: ReadonlyArray<Readonly<Record<string, string | number>>>;
    otherTables?: Readonly<Record<string, TableGeometry & { values: (string | number | null)[][] }>>;
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
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3" });
  for (const [n, v] of Object.entries(options.names ?? {})) hf.addNamedExpression(n, v);
  const main = hf.getSheetId("Main") as number;
  const read = (address: string): Value => {
    const { row, col } = parse(address);
    const v = hf.getCellValue({ sheet: main, row, col }) as unknown;
    if (v !== null && typeof v === "object" && "type" in (v as object)) {
      const e = v as { value: string; message: string };
      return { error: e.value, message: e.message };
    }
    return v as Value;
  };
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
