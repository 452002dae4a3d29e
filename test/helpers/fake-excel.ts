/**
 * An in-memory fake of the part of the Excel JavaScript API the task pane uses, with Office's
 * proxy semantics: commands and loads are queued and run in order at `context.sync()`; reading a
 * property that was not loaded and synced throws; `*OrNullObject` gives null objects (and
 * anything reached from a null object is null too); errors (a duplicate sheet name, a missing
 * item, overlapping tables) surface at sync, like Excel's. Every sync is counted.
 *
 * Used by the jest tests of the writer and, transpiled to plain JS, inside Chromium by the
 * browser test (so it has no imports and touches no Node or DOM API).
 */

export interface FakeCell {
  value: string | number | boolean;
  numberFormat: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  wrap?: boolean;
  verticalAlignment?: string;
  /** Sheets: a formula written by Range.formulas, its fill, borders and data validation. */
  formula?: string;
  fill?: string;
  border?: boolean;
  validation?: { rule: unknown; prompt?: unknown };
}

/** A conditional format added to a range (custom formula rules). */
export interface FakeConditionalFormat {
  address: string;
  type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

export interface FakeSheet {
  /** Stable for the object's life, whatever it is renamed to (a copy gets a new id). */
  id: number;
  name: string;
  cells: Map<string, FakeCell>;
  columnWidths: Map<number, number>;
  frozenRows: number;
  conditionalFormats?: FakeConditionalFormat[];
  printArea?: string;
  selected?: string;
  hiddenColumns?: Set<number>;
}

export interface FakeTable {
  /** Stable for the object's life, whatever it is renamed to (a copy gets a new id). */
  id: number;
  name: string;
  sheet: FakeSheet;
  r0: number;
  c0: number;
  r1: number;
  c1: number;
  style: string;
  /** A totals row: the table's last row (r1), below the body. */
  showTotals?: boolean;
}

export interface FakeName {
  name: string;
  /** A cell reference, or a formula kept as text. */
  ref: { sheet: FakeSheet; row: number; col: number } | { formula: string };
  comment: string;
}

/**
 * A formula's reference, bound to the object as Excel binds it: a structured reference
 * (Kustomer_X[#All]) to the table object, an A1 reference ('Storage Prices'!B5) to the sheet
 * object. Renaming the table or sheet makes the reference follow it; deleting it gives #REF!.
 */
export type FakeReference = { table: FakeTable } | { sheet: FakeSheet; r0: number; c0: number; r1: number; c1: number };

export interface FakeWorkbook {
  sheets: FakeSheet[];
  tables: FakeTable[];
  names: FakeName[];
  active?: FakeSheet;
  references: Map<string, FakeReference>;
  /**
   * What `Workbook.use1904DateSystem` answers (a preview-only API): undefined, as with
   * production office.js, which has no such property; true or false for a preview Excel.
   */
  use1904DateSystem?: boolean;
}

/**
 * Office's per-document settings (Office.Settings) for this workbook: `get`/`set`/`remove` work
 * on the in-memory copy, `saveAsync` stores it in the document (`saved`).
 */
export interface FakeSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: string; error?: { message: string } }) => void): void;
  /** What the document holds (what a reopened workbook would read). */
  saved: Record<string, unknown>;
  /** Fault injection: the next saves fail, as when the document is read-only. */
  failSave?: boolean;
}

/** A plain-data view of the workbook for assertions (and for returning out of the browser). */
export interface Snapshot {
  sheets: {
    name: string;
    /** Values of the used cells by A1 address. */
    values: Record<string, string | number | boolean>;
    formats: Record<string, string>;
    bold: string[];
    italic: string[];
    columnWidths: Record<string, number>;
    frozenRows: number;
  }[];
  tables: { name: string; sheet: string; address: string; style: string; values: (string | number | boolean)[][] }[];
  names: { name: string; formula: string; comment: string }[];
  active?: string;
}

export interface FakeExcel {
  Excel: { run: <T>(batch: (context: any) => Promise<T>) => Promise<T> };
  workbook: FakeWorkbook;
  stats: { runs: number; syncs: number; commands: number; calculations: number };
  /**
   * Evaluates a formula at a full calculation (`Application.calculate`): every cell with a
   * formula gets the value it returns. Without it, values stay as they are.
   */
  calculator?: (formula: string) => string | number | boolean;
  /** The document's settings (Office.context.document.settings). */
  settings: FakeSettings;
  /**
   * Fault injection: the command at index `k` (counted from now, over every later sync) fails,
   * like Excel stopping in the middle of a batch: the commands before it stay done, it and the
   * rest of its batch are dropped, and the sync rejects. `persistent`: every command from k on
   * fails too (a lost connection), so a repair batch fails as well.
   */
  failAt(k: number, options?: { persistent?: boolean }): void;
  snapshot(): Snapshot;
  /** Test set-up, outside any sync: a sheet with values from A1, or at `at`. */
  addSheet(name: string, rows?: (string | number)[][], at?: string): FakeSheet;
  /** Test set-up: a table over a sheet's range (header row first). */
  addTable(sheet: string, name: string, address: string): FakeTable;
  addName(name: string, formula: string): void;
  /** Fault injection: the command with this 0-based index, counted over all syncs of the fake, fails at sync. */
  failAtCommand?: number;
  /**
   * Test set-up: a formula (known by `label`) referring to a table (`Kustomer_X[#All]`) or to a
   * sheet's range (`'Storage Prices'!B5`), bound to the object as Excel binds it.
   */
  addReference(label: string, target: { table: string } | { sheet: string; address: string }): void;
  /** What the formula `label` reads now: the referenced values, or "#REF!" once its object is gone. */
  readReference(label: string): (string | number | boolean)[][] | "#REF!";
  /** Where the formula `label` points now, as Excel would show it after renames. */
  referenceText(label: string): string;
}

const MAX_ROWS = 1048576;

class FakeError extends Error {
  code: string;
  constructor(code: string, message: string) {
    super(`${code}: ${message}`);
    this.code = code;
    this.name = "RichApi.Error";
  }
}

// ---------------------------------------------------------------------------------------------
// Addresses
// ---------------------------------------------------------------------------------------------

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function colLetters(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

function parseAddress(address: string): Box {
  const a = address.replace(/^.*!/, "").replace(/\$/g, "").toUpperCase();
  let m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a);
  if (m) {
    const r0 = Number(m[2]) - 1;
    const c0 = colIndex(m[1]);
    return { r0, c0, r1: m[3] ? Number(m[4]) - 1 : r0, c1: m[3] ? colIndex(m[3]) : c0 };
  }
  m = /^([A-Z]+):([A-Z]+)$/.exec(a);
  if (m) return { r0: 0, c0: colIndex(m[1]), r1: MAX_ROWS - 1, c1: colIndex(m[2]) };
  throw new FakeError("InvalidArgument", `bad address ${address}`);
}

function boxAddress(b: Box): string {
  const one = (r: number, c: number) => `${colLetters(c)}${r + 1}`;
  return b.r0 === b.r1 && b.c0 === b.c1 ? one(b.r0, b.c0) : `${one(b.r0, b.c0)}:${one(b.r1, b.c1)}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function key(r: number, c: number): string {
  return `${r},${c}`;
}

function overlaps(a: Box, b: Box): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

function validSheetName(name: string): boolean {
  return typeof name === "string" && name.length > 0 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !/^'|'$/.test(name);
}

// ---------------------------------------------------------------------------------------------
// The fake
// ---------------------------------------------------------------------------------------------

export function createFakeExcel(): FakeExcel {
  const wb: FakeWorkbook = { sheets: [], tables: [], names: [], references: new Map() };
  const stats = { runs: 0, syncs: 0, commands: 0, calculations: 0 };
  // The settings: the in-memory copy Office keeps, and what the document holds. Setting `saved`
  // (test set-up: a workbook saved with settings) makes the in-memory copy the same, as opening it does.
  const copy = (o: Record<string, unknown>): Record<string, unknown> => JSON.parse(JSON.stringify(o));
  let memory: Record<string, unknown> = {};
  let saved: Record<string, unknown> = {};
  const settings: FakeSettings = {
    get saved() {
      return saved;
    },
    set saved(v: Record<string, unknown>) {
      saved = copy(v);
      memory = copy(v);
    },
    get: (name) => (name in memory ? memory[name] : null),
    set: (name, value) => void (memory[name] = value),
    remove: (name) => void delete memory[name],
    saveAsync(callback) {
      // Asynchronous, as Office's: the callback runs after the caller's code.
      void Promise.resolve().then(() => {
        if (settings.failSave) return callback?.({ status: "failed", error: { message: "The settings could not be saved." } });
        saved = copy(memory);
        callback?.({ status: "succeeded" });
      });
    },
  };
  let fault: { at: number; base: number; persistent: boolean } | null = null;
  let ids = 0;
  const nextId = () => ++ids;

  const newSheet = (name: string): FakeSheet => ({ id: nextId(), name, cells: new Map(), columnWidths: new Map(), frozenRows: 0 });
  const findSheet = (name: string) => wb.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const findTable = (name: string) => wb.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  const findName = (name: string) => wb.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
  const nameTaken = (name: string) => findTable(name) !== undefined || findName(name) !== undefined;
  const cell = (s: FakeSheet, r: number, c: number): FakeCell => {
    let x = s.cells.get(key(r, c));
    if (!x) {
      x = { value: "", numberFormat: "General" };
      s.cells.set(key(r, c), x);
    }
    return x;
  };
  const formulaOf = (n: FakeName): string =>
    "formula" in n.ref
      ? n.ref.formula
      : wb.sheets.includes(n.ref.sheet)
        ? `=${quoteSheet(n.ref.sheet.name)}!$${colLetters(n.ref.col)}$${n.ref.row + 1}`
        : "=#REF!";
  const parseRef = (formula: string): FakeName["ref"] => {
    const m = /^=(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!\$?([A-Z]+)\$?(\d+)$/.exec(formula);
    const sheet = m ? findSheet((m[1] ?? m[2]).replace(/''/g, "'")) : undefined;
    return m && sheet ? { sheet, row: Number(m[4]) - 1, col: colIndex(m[3]) } : { formula };
  };
  const values = (s: FakeSheet, b: Box) => {
    const out: (string | number | boolean)[][] = [];
    for (let r = b.r0; r <= b.r1; r++) {
      const row: (string | number | boolean)[] = [];
      for (let c = b.c0; c <= b.c1; c++) row.push(s.cells.get(key(r, c))?.value ?? "");
      out.push(row);
    }
    return out;
  };

  /**
   * Moves the cells of columns c0..c1 of `sheet` from row `from` down by `by` rows (up when
   * negative; cells shifted into rows above `from` + by are dropped first), with the tables and
   * workbook names there, as Excel's insert and delete do. Names at dropped cells become #REF!.
   */
  const bodyEnd = (t: FakeTable) => (t.showTotals ? t.r1 - 1 : t.r1);
  const shiftRows = (sheet: FakeSheet, c0: number, c1: number, from: number, by: number) => {
    const moved = new Map<string, FakeCell>();
    for (const [k, v] of [...sheet.cells]) {
      const [r, c] = k.split(",").map(Number);
      if (c < c0 || c > c1 || r < Math.min(from, from + by)) continue;
      sheet.cells.delete(k);
      if (r >= from) moved.set(key(r + by, c), v);
    }
    for (const [k, v] of moved) sheet.cells.set(k, v);
    for (const n of wb.names) {
      if ("formula" in n.ref || n.ref.sheet !== sheet || n.ref.col < c0 || n.ref.col > c1) continue;
      if (n.ref.row >= from) n.ref = { ...n.ref, row: n.ref.row + by };
      else if (n.ref.row >= from + by) n.ref = { formula: "=#REF!" };
    }
    for (const t of wb.tables) {
      if (t.sheet !== sheet || t.r0 < from || t.c1 < c0 || t.c0 > c1) continue;
      if (t.c0 < c0 || t.c1 > c1) throw new FakeError("InvalidArgument", "the operation would move part of a table");
      t.r0 += by;
      t.r1 += by;
    }
  };

  function makeContext() {
    const queue: { what: string; op: () => void }[] = [];
    const enqueue = (what: string, op: () => void) => queue.push({ what, op });

    /**
     * A proxy: `resolve` finds its object at sync time (null for a null object, throws for a
     * missing item). Loaded scalar values land in `loaded` at sync.
     */
    class Proxy<T> {
      loaded: Record<string, unknown> | null = null;
      private cache: { v: T | null } | null = null;
      constructor(
        private readonly resolver: () => T | null,
        private readonly nullable = false,
      ) {}
      resolve(): T | null {
        if (!this.cache) this.cache = { v: this.resolver() };
        return this.cache.v;
      }
      /** The object, for a write: a null object cannot be written. */
      target(what: string): T {
        const v = this.resolve();
        if (v === null) throw new FakeError("ItemNotFound", `${what} on a null object`);
        return v;
      }
      get isNullObject(): boolean {
        if (!this.loaded) throw new FakeError("PropertyNotLoaded", "isNullObject");
        return this.resolve() === null;
      }
      isNullable(): boolean {
        return this.nullable;
      }
      read(prop: string): any {
        if (!this.loaded || !(prop in this.loaded))
          throw new FakeError("PropertyNotLoaded", `${prop} was not loaded (call load and sync first)`);
        return this.loaded[prop];
      }
      queueLoad(props: string[], get: (v: T, prop: string) => unknown): void {
        enqueue(`load ${props.join(",")}`, () => {
          const v = this.resolve();
          const out: Record<string, unknown> = { ...(this.loaded ?? {}) };
          for (const p of props) out[p] = v === null ? undefined : get(v, p);
          this.loaded = out;
        });
      }
    }

    const splitProps = (props: string | string[] | undefined): string[] =>
      (Array.isArray(props) ? props.join(",") : (props ?? ""))
        .split(",")
        .map((p) => p.trim())
        .filter((p) => p !== "");

    // ---- Range -------------------------------------------------------------------------
    type RangeT = { sheet: FakeSheet; box: Box };
    const rangeProxy = (resolver: () => RangeT | null) => {
      const p = new Proxy<RangeT>(resolver);
      const forCells = (what: string, f: (c: FakeCell) => void) =>
        enqueue(what, () => {
          const { sheet, box } = p.target(what);
          if (box.r1 - box.r0 > 10000) throw new FakeError("NotImplemented", `the fake formats cells of bounded ranges only (${what})`);
          for (let r = box.r0; r <= box.r1; r++) for (let c = box.c0; c <= box.c1; c++) f(cell(sheet, r, c));
        });
      const grid = (what: string, v: unknown, set: (c: FakeCell, x: any) => void) =>
        enqueue(what, () => {
          const { sheet, box } = p.target(what);
          const rows = box.r1 - box.r0 + 1;
          const cols = box.c1 - box.c0 + 1;
          if (!Array.isArray(v) || v.length !== rows || v.some((r) => !Array.isArray(r) || r.length !== cols)) {
            throw new FakeError("InvalidArgument", `${what}: expected ${rows} x ${cols} values for ${boxAddress(box)}`);
          }
          for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) set(cell(sheet, box.r0 + r, box.c0 + c), (v as any[][])[r][c]);
        });
      const font = {
        set bold(b: boolean) {
          forCells("font.bold", (c) => (c.bold = b));
        },
        set italic(b: boolean) {
          forCells("font.italic", (c) => (c.italic = b));
        },
        set size(n: number) {
          forCells("font.size", (c) => (c.size = n));
        },
        set color(s: string) {
          forCells("font.color", (c) => (c.color = s));
        },
      };
      const format = {
        font,
        set wrapText(b: boolean) {
          forCells("wrapText", (c) => (c.wrap = b));
        },
        set verticalAlignment(s: string) {
          forCells("verticalAlignment", (c) => (c.verticalAlignment = s));
        },
        fill: {
          set color(v: string) {
            forCells("fill.color", (c) => (c.fill = v));
          },
        },
        borders: {
          getItem() {
            return {
              set style(v: string) {
                forCells("borders.style", (c) => (c.border = v !== "None"));
              },
              set color(_v: unknown) {
                forCells("borders.color", () => undefined);
              },
            };
          },
        },
        set horizontalAlignment(_s: unknown) {
          forCells("horizontalAlignment", () => undefined);
        },
        set columnWidth(w: number) {
          enqueue("columnWidth", () => {
            const { sheet, box } = p.target("columnWidth");
            for (let c = box.c0; c <= box.c1; c++) sheet.columnWidths.set(c, w);
          });
        },
      };
      return {
        _proxy: p,
        format,
        get isNullObject() {
          return p.isNullObject;
        },
        get values() {
          return p.read("values");
        },
        set values(v: unknown) {
          grid("values", v, (c, x) => {
            if (typeof x === "string" && /^[=+-]/.test(x) && x.length > 1)
              throw new FakeError("InvalidArgument", `the fake refuses formulas: ${x}`);
            c.value = x;
          });
        },
        get address() {
          return p.read("address");
        },
        set columnHidden(h: boolean) {
          enqueue("columnHidden", () => {
            const { sheet, box } = p.target("columnHidden");
            for (let c = box.c0; c <= box.c1; c++) (sheet.hiddenColumns ??= new Set()).add(c);
            if (!h) for (let c = box.c0; c <= box.c1; c++) sheet.hiddenColumns?.delete(c);
          });
        },
        set formulas(v: unknown) {
          grid("formulas", v, (c, x) => {
            if (typeof x === "string" && x.startsWith("=")) {
              // Like Excel, a formula may not name a table that does not exist (text in quotes aside).
              for (const m of x.replace(/"(?:[^"]|"")*"/g, '""').matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\[/g))
                if (!findTable(m[1])) throw new FakeError("InvalidArgument", `the formula names no table ${m[1]}: ${x}`);
              c.formula = x;
              c.value = x;
            } else {
              delete c.formula;
              c.value = x;
            }
          });
        },
        dataValidation: {
          set rule(r: unknown) {
            forCells("dataValidation.rule", (c) => (c.validation = { ...(c.validation ?? {}), rule: r }));
          },
          set prompt(pr: unknown) {
            forCells("dataValidation.prompt", (c) => (c.validation = { rule: c.validation?.rule, prompt: pr }));
          },
        },
        conditionalFormats: {
          add(type: string) {
            const cf: FakeConditionalFormat = { address: "", type };
            enqueue("conditionalFormats.add", () => {
              const { sheet, box } = p.target("conditionalFormats.add");
              cf.address = boxAddress(box);
              (sheet.conditionalFormats ??= []).push(cf);
            });
            const set = (what: string, f: () => void) => enqueue(what, f);
            return {
              custom: {
                rule: {
                  set formula(f: string) {
                    set("cf.formula", () => (cf.formula = f));
                  },
                },
                format: {
                  fill: {
                    set color(v: string) {
                      set("cf.fill", () => (cf.fill = v));
                    },
                  },
                  font: {
                    set color(v: string) {
                      set("cf.font.color", () => (cf.fontColor = v));
                    },
                    set bold(v: boolean) {
                      set("cf.font.bold", () => (cf.bold = v));
                    },
                  },
                },
              },
            };
          },
        },
        select() {
          enqueue("select", () => {
            const { sheet, box } = p.target("select");
            sheet.selected = boxAddress(box);
          });
        },
        set numberFormat(v: unknown) {
          grid("numberFormat", v, (c, x) => (c.numberFormat = x));
        },
        load(props?: string | string[]) {
          p.queueLoad(splitProps(props), (r, prop) => {
            if (prop === "values") return values(r.sheet, r.box);
            if (prop === "address") return `${quoteSheet(r.sheet.name)}!${boxAddress(r.box)}`;
            throw new FakeError("NotImplemented", `Range.${prop}`);
          });
          return this;
        },
        /** Deletes the cells, shifting the cells below up: whole body rows of a table leave the table. */
        delete(shift: string) {
          enqueue("range.delete", () => {
            const { sheet, box } = p.target("range.delete");
            if (shift !== "Up") throw new FakeError("NotImplemented", `Range.delete(${shift})`);
            const height = box.r1 - box.r0 + 1;
            const inTable = wb.tables.filter((t) => t.sheet === sheet && overlaps(t, box));
            for (const t of inTable)
              if (t.c0 !== box.c0 || t.c1 !== box.c1 || box.r0 <= t.r0 || box.r1 > bodyEnd(t) || bodyEnd(t) - t.r0 - height < 1)
                throw new FakeError("InvalidArgument", "only whole body rows of a table can be deleted, leaving one");
            for (const t of inTable) t.r1 -= height;
            shiftRows(sheet, box.c0, box.c1, box.r1 + 1, -height);
          });
        },
        /** The tables that overlap the range (ExcelApi 1.9); only getFirst is modelled. */
        getTables(fullyContained?: boolean) {
          return {
            getFirst() {
              return tableProxy(() => {
                const r = p.resolve();
                const t = r && wb.tables.find((x) => x.sheet === r.sheet && (fullyContained ? false : overlaps(x, r.box)));
                if (!t) throw new FakeError("ItemNotFound", "no table in the range");
                return t;
              }, false);
            },
          };
        },
        clear() {
          enqueue("clear", () => {
            const { sheet, box } = p.target("clear");
            for (const k of [...sheet.cells.keys()]) {
              const [r, c] = k.split(",").map(Number);
              if (overlaps(box, { r0: r, c0: c, r1: r, c1: c })) sheet.cells.delete(k);
            }
          });
        },
      };
    };

    // ---- Table -------------------------------------------------------------------------
    const tableProxy = (resolver: () => FakeTable | null, nullable: boolean) => {
      const p = new Proxy<FakeTable>(resolver, nullable);
      const box = (t: FakeTable): Box => ({ r0: t.r0, c0: t.c0, r1: t.r1, c1: t.c1 });
      return {
        _proxy: p,
        get isNullObject() {
          return p.isNullObject;
        },
        get showTotals() {
          return p.read("showTotals");
        },
        get name() {
          return p.read("name");
        },
        set name(n: string) {
          enqueue("table.name", () => {
            const t = p.target("table.name");
            if (t.name.toLowerCase() !== n.toLowerCase() && nameTaken(n)) throw new FakeError("InvalidArgument", `the name ${n} is taken`);
            if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(n)) throw new FakeError("InvalidArgument", `bad table name ${n}`);
            t.name = n;
          });
        },
        set style(s: string) {
          enqueue("table.style", () => (p.target("table.style").style = s));
        },
        load(props?: string | string[]) {
          p.queueLoad(splitProps(props), (t, prop) => {
            if (prop === "name") return t.name;
            if (prop === "style") return t.style;
            if (prop === "showTotals") return t.showTotals === true;
            throw new FakeError("NotImplemented", `Table.${prop}`);
          });
          return this;
        },
        getRange() {
          return rangeProxy(() => {
            const t = p.resolve();
            return t ? { sheet: t.sheet, box: box(t) } : null;
          });
        },
        getHeaderRowRange() {
          return rangeProxy(() => {
            const t = p.resolve();
            return t ? { sheet: t.sheet, box: { ...box(t), r1: t.r0 } } : null;
          });
        },
        get worksheet() {
          return sheetProxy(() => p.resolve()?.sheet ?? null, true);
        },
        rows: {
          /** Appends rows at the body's end (index -1 or null only; above a totals row), shifting the cells below down. */
          add(index: number | null | undefined, rowValues: unknown) {
            enqueue("rows.add", () => {
              const t = p.target("rows.add");
              if (index !== undefined && index !== null && index !== -1) throw new FakeError("NotImplemented", "rows.add at an index");
              const cols = t.c1 - t.c0 + 1;
              if (!Array.isArray(rowValues) || rowValues.length === 0 || rowValues.some((r) => !Array.isArray(r) || r.length !== cols))
                throw new FakeError("InvalidArgument", `rows.add: expected n x ${cols} values`);
              const n = rowValues.length;
              const at = t.showTotals ? t.r1 : t.r1 + 1;
              shiftRows(t.sheet, t.c0, t.c1, at, n);
              t.r1 += n;
              rowValues.forEach((row: unknown[], i) =>
                row.forEach((v, c) => (cell(t.sheet, at + i, t.c0 + c).value = v as string | number | boolean)),
              );
            });
          },
        },
        convertToRange() {
          enqueue("convertToRange", () => {
            const t = p.target("convertToRange");
            wb.tables = wb.tables.filter((x) => x !== t);
          });
          return this.getRange();
        },
      };
    };

    const addTable = (sheet: FakeSheet, address: string): FakeTable => {
      const b = parseAddress(address);
      if (wb.tables.some((t) => t.sheet === sheet && overlaps(t, b)))
        throw new FakeError("InvalidArgument", "a table cannot overlap another table");
      let i = 1;
      while (nameTaken(`Table${i}`)) i++;
      const t: FakeTable = { id: nextId(), name: `Table${i}`, sheet, ...b, style: "TableStyleMedium2" };
      wb.tables.push(t);
      return t;
    };

    // ---- Worksheet ---------------------------------------------------------------------
    function sheetProxy(resolver: () => FakeSheet | null, nullable: boolean): any {
      const p = new Proxy<FakeSheet>(resolver, nullable);
      return {
        _proxy: p,
        get isNullObject() {
          return p.isNullObject;
        },
        get name() {
          return p.read("name");
        },
        set name(n: string) {
          enqueue("sheet.name", () => {
            const s = p.target("sheet.name");
            if (!validSheetName(n)) throw new FakeError("InvalidArgument", `bad sheet name "${n}"`);
            const other = findSheet(n);
            if (other && other !== s) throw new FakeError("InvalidArgument", `a sheet named "${n}" exists`);
            s.name = n;
          });
        },
        load(props?: string | string[]) {
          p.queueLoad(splitProps(props), (s, prop) => {
            if (prop === "name") return s.name;
            if (prop === "position") return wb.sheets.indexOf(s);
            throw new FakeError("NotImplemented", `Worksheet.${prop}`);
          });
          return this;
        },
        getRange(address?: string) {
          return rangeProxy(() => {
            const s = p.resolve();
            if (!s) return null;
            return { sheet: s, box: address === undefined ? { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: 16383 } : parseAddress(address) };
          });
        },
        tables: {
          add(address: string, hasHeaders: boolean) {
            let created: FakeTable | null = null;
            enqueue("tables.add", () => {
              if (!hasHeaders) throw new FakeError("NotImplemented", "tables without headers");
              created = addTable(p.target("tables.add"), address);
            });
            return tableProxy(() => created, false);
          },
        },
        freezePanes: {
          freezeRows(n: number) {
            enqueue("freezeRows", () => (p.target("freezeRows").frozenRows = n));
          },
        },
        activate() {
          enqueue("activate", () => (wb.active = p.target("activate")));
        },
        get position() {
          return p.read("position");
        },
        set position(n: number) {
          enqueue("sheet.position", () => {
            const s = p.target("sheet.position");
            if (!Number.isInteger(n) || n < 0 || n >= wb.sheets.length) throw new FakeError("InvalidArgument", `bad position ${n}`);
            wb.sheets.splice(wb.sheets.indexOf(s), 1);
            wb.sheets.splice(n, 0, s);
          });
        },
        pageLayout: {
          setPrintArea(address: string) {
            enqueue("setPrintArea", () => (p.target("setPrintArea").printArea = address));
          },
        },
        delete() {
          enqueue("sheet.delete", () => {
            const s = p.target("sheet.delete");
            // Excel removes the sheet's tables with it; names that pointed into it become #REF!;
            // the first sheet left becomes the active one.
            wb.sheets = wb.sheets.filter((x) => x !== s);
            wb.tables = wb.tables.filter((t) => t.sheet !== s);
            if (wb.active === s) wb.active = wb.sheets[0];
          });
        },
        copy(position: string, relativeTo?: any) {
          let created: FakeSheet | null = null;
          enqueue("copy", () => {
            const s = p.target("copy");
            let i = 2;
            while (findSheet(`${s.name.slice(0, 25)} (${i})`)) i++;
            const c = newSheet(`${s.name.slice(0, 25)} (${i})`);
            for (const [k, v] of s.cells) c.cells.set(k, { ...v });
            for (const [k, v] of s.columnWidths) c.columnWidths.set(k, v);
            c.frozenRows = s.frozenRows;
            const rel = relativeTo ? relativeTo._proxy.target("copy relativeTo") : s;
            const at =
              position === "After" ? wb.sheets.indexOf(rel) + 1 : position === "Before" ? wb.sheets.indexOf(rel) : wb.sheets.length;
            wb.sheets.splice(at, 0, c);
            // Excel copies the sheet's tables under new names.
            for (const t of wb.tables.filter((x) => x.sheet === s)) {
              let n = 2;
              while (nameTaken(`${t.name}${n}`)) n++;
              wb.tables.push({ ...t, id: nextId(), name: `${t.name}${n}`, sheet: c });
            }
            created = c;
          });
          return sheetProxy(() => created, false);
        },
      };
    }

    // ---- Workbook collections ------------------------------------------------------------
    const itemsLoader = <T>(make: (x: T) => any, list: () => T[], props: (x: T, prop: string) => unknown) => {
      const coll: any = {
        load(what?: string | string[]) {
          const fields = splitProps(what).map((f) => f.replace(/^items\//, ""));
          enqueue(`collection load ${fields.join(",")}`, () => {
            coll._items = list().map((x) => {
              const proxy = make(x);
              proxy._proxy.loaded = Object.fromEntries(fields.map((f) => [f, props(x, f)]));
              return proxy;
            });
          });
          return coll;
        },
        get items() {
          if (!coll._items) throw new FakeError("PropertyNotLoaded", "items");
          return coll._items;
        },
      };
      return coll;
    };

    const worksheets = Object.assign(
      itemsLoader<FakeSheet>(
        (s) => sheetProxy(() => (wb.sheets.includes(s) ? s : null), false),
        () => wb.sheets,
        (s, prop) => {
          if (prop === "name") return s.name;
          if (prop === "position") return wb.sheets.indexOf(s);
          throw new FakeError("NotImplemented", `Worksheet.${prop}`);
        },
      ),
      {
        add(name: string) {
          let created: FakeSheet | null = null;
          enqueue("worksheets.add", () => {
            if (!validSheetName(name)) throw new FakeError("InvalidArgument", `bad sheet name "${name}"`);
            if (findSheet(name)) throw new FakeError("ItemAlreadyExists", `a sheet named "${name}" exists`);
            created = newSheet(name);
            wb.sheets.push(created);
          });
          return sheetProxy(() => created, false);
        },
        getItem(name: string) {
          return sheetProxy(() => {
            const s = findSheet(name);
            if (!s) throw new FakeError("ItemNotFound", `no sheet "${name}"`);
            return s;
          }, false);
        },
        getItemOrNullObject(name: string) {
          return sheetProxy(() => findSheet(name) ?? null, true);
        },
        getActiveWorksheet() {
          return sheetProxy(() => wb.active ?? wb.sheets[0] ?? null, false);
        },
      },
    );

    const tables = Object.assign(
      itemsLoader<FakeTable>(
        (t) => tableProxy(() => (wb.tables.includes(t) ? t : null), false),
        () => wb.tables,
        (t, prop) => {
          if (prop === "name") return t.name;
          throw new FakeError("NotImplemented", `Table.${prop}`);
        },
      ),
      {
        getItemOrNullObject(name: string) {
          return tableProxy(() => findTable(name) ?? null, true);
        },
        getItem(name: string) {
          return tableProxy(() => {
            const t = findTable(name);
            if (!t) throw new FakeError("ItemNotFound", `no table ${name}`);
            return t;
          }, false);
        },
      },
    );

    const nameProxy = (resolver: () => FakeName | null) => {
      const p = new Proxy<FakeName>(resolver);
      return {
        _proxy: p,
        get name() {
          return p.read("name");
        },
        get formula() {
          return p.read("formula");
        },
        set formula(f: string) {
          enqueue("name.formula", () => (p.target("name.formula").ref = parseRef(f)));
        },
        set comment(c: string) {
          enqueue("name.comment", () => (p.target("name.comment").comment = c));
        },
      };
    };

    const names = Object.assign(
      itemsLoader<FakeName>(
        (n) => nameProxy(() => n),
        () => wb.names,
        (n, prop) => {
          if (prop === "name") return n.name;
          if (prop === "formula") return formulaOf(n);
          if (prop === "comment") return n.comment;
          throw new FakeError("NotImplemented", `NamedItem.${prop}`);
        },
      ),
      {
        add(name: string, reference: any, comment?: string) {
          let created: FakeName | null = null;
          enqueue("names.add", () => {
            if (nameTaken(name)) throw new FakeError("ItemAlreadyExists", `the name ${name} exists`);
            let ref: FakeName["ref"];
            if (typeof reference === "string") ref = parseRef(reference);
            else {
              const r = reference._proxy.target("names.add reference") as { sheet: FakeSheet; box: Box };
              ref = { sheet: r.sheet, row: r.box.r0, col: r.box.c0 };
            }
            created = { name, ref, comment: comment ?? "" };
            wb.names.push(created);
          });
          return nameProxy(() => created);
        },
        getItem(name: string) {
          return nameProxy(() => {
            const n = findName(name);
            if (!n) throw new FakeError("ItemNotFound", `no name ${name}`);
            return n;
          });
        },
      },
    );

    const workbook = {
      worksheets,
      tables,
      names,
      application: {
        /** Application.calculate (ExcelApi 1.1): every formula is evaluated again by `fake.calculator`. */
        calculate(calculationType: string) {
          enqueue("application.calculate", () => {
            if (!["Recalculate", "Full", "FullRebuild"].includes(calculationType))
              throw new FakeError("InvalidArgument", `calculationType ${calculationType}`);
            stats.calculations++;
            const calc = fake.calculator;
            if (!calc) return;
            for (const sheet of wb.sheets) for (const c of sheet.cells.values()) if (c.formula !== undefined) c.value = calc(c.formula);
          });
        },
      },
      _loaded: null as Record<string, unknown> | null,
      load(props?: string) {
        enqueue("workbook.load", () => {
          workbook._loaded = Object.fromEntries(
            splitProps(props).map((p) => [p, p === "use1904DateSystem" ? wb.use1904DateSystem : undefined]),
          );
        });
      },
      get use1904DateSystem() {
        if (!workbook._loaded) throw new FakeError("PropertyNotLoaded", "use1904DateSystem");
        return workbook._loaded.use1904DateSystem;
      },
    };

    const context = {
      workbook,
      async sync() {
        stats.syncs++;
        const ops = queue.splice(0, queue.length);
        for (const { what, op } of ops) {
          // Two ways to fail a batch: failAt(k) counts from when it was set (the rate-card
          // writer's tests); failAtCommand is an absolute command index (the sheet writer's).
          if (fault && stats.commands >= fault.at && (fault.persistent || stats.commands === fault.at)) {
            stats.commands++;
            throw new FakeError("GeneralException", `injected fault at command ${stats.commands - 1 - fault.base} (${what})`);
          }
          if (fake.failAtCommand === stats.commands) {
            stats.commands++;
            throw new FakeError("GeneralException", `injected failure at command ${stats.commands - 1} (${what})`);
          }
          stats.commands++;
          op();
        }
      },
      pending: () => queue.length,
    };
    return context;
  }

  const fake: FakeExcel = {
    workbook: wb,
    stats,
    settings,
    failAt(k, options = {}) {
      fault = { at: stats.commands + k, base: stats.commands, persistent: options.persistent === true };
    },
    Excel: {
      async run<T>(batch: (context: any) => Promise<T>): Promise<T> {
        stats.runs++;
        const context = makeContext();
        const result = await batch(context);
        // Like Excel.run: commands still queued at the end are sent in one more round trip.
        if (context.pending() > 0) await context.sync();
        return result;
      },
    },
    snapshot(): Snapshot {
      return {
        sheets: wb.sheets.map((s) => {
          const vals: Record<string, string | number | boolean> = {};
          const formats: Record<string, string> = {};
          const bold: string[] = [];
          const italic: string[] = [];
          const sorted = [...s.cells.entries()]
            .map(([k, c]) => ({ rc: k.split(",").map(Number), c }))
            .sort((a, b) => a.rc[0] - b.rc[0] || a.rc[1] - b.rc[1]);
          for (const { rc, c } of sorted) {
            const a = `${colLetters(rc[1])}${rc[0] + 1}`;
            if (c.value !== "") vals[a] = c.value;
            if (c.numberFormat !== "General") formats[a] = c.numberFormat;
            if (c.bold) bold.push(a);
            if (c.italic) italic.push(a);
          }
          const widths: Record<string, number> = {};
          for (const [c, w] of [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0])) widths[colLetters(c)] = w;
          return { name: s.name, values: vals, formats, bold, italic, columnWidths: widths, frozenRows: s.frozenRows };
        }),
        tables: wb.tables.map((t) => ({
          name: t.name,
          sheet: t.sheet.name,
          address: boxAddress(t),
          style: t.style,
          values: values(t.sheet, t),
        })),
        names: wb.names.map((n) => ({ name: n.name, formula: formulaOf(n), comment: n.comment })),
        active: wb.active?.name,
      };
    },
    addSheet(name, rows = [], at = "A1") {
      const s = newSheet(name);
      wb.sheets.push(s);
      const b = parseAddress(at);
      rows.forEach((row, r) => row.forEach((v, c) => (cell(s, b.r0 + r, b.c0 + c).value = v)));
      return s;
    },
    addTable(sheet, name, address) {
      const s = findSheet(sheet);
      if (!s) throw new Error(`no sheet ${sheet}`);
      const t: FakeTable = { id: nextId(), name, sheet: s, ...parseAddress(address), style: "TableStyleLight1" };
      wb.tables.push(t);
      return t;
    },
    addName(name, formula) {
      wb.names.push({ name, ref: parseRef(formula), comment: "" });
    },
    addReference(label, target) {
      if ("table" in target) {
        const t = findTable(target.table);
        if (!t) throw new Error(`no table ${target.table}`);
        wb.references.set(label, { table: t });
      } else {
        const s = findSheet(target.sheet);
        if (!s) throw new Error(`no sheet ${target.sheet}`);
        wb.references.set(label, { sheet: s, ...parseAddress(target.address) });
      }
    },
    readReference(label) {
      const ref = wb.references.get(label);
      if (!ref) throw new Error(`no reference ${label}`);
      if ("table" in ref) return wb.tables.includes(ref.table) ? values(ref.table.sheet, ref.table) : "#REF!";
      return wb.sheets.includes(ref.sheet) ? values(ref.sheet, ref) : "#REF!";
    },
    referenceText(label) {
      const ref = wb.references.get(label);
      if (!ref) throw new Error(`no reference ${label}`);
      if ("table" in ref) return wb.tables.includes(ref.table) ? `${ref.table.name}[#All]` : "#REF!";
      return wb.sheets.includes(ref.sheet) ? `${quoteSheet(ref.sheet.name)}!${boxAddress(ref)}` : "#REF!";
    },
  };
  return fake;
}
