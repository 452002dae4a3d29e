/**
 * Writes rate cards to the workbook: each card to its own worksheet as an Excel table with the
 * card's stable name, a caption naming its source, number formats per column, column widths,
 * and workbook names for its single rates. Never clobbers: where a card's table (or a sheet of
 * its name) exists and differs, the caller's `choose` decides per card: replace (the old sheet
 * is first copied to a dated backup), keep, or load beside. A card already in the workbook with
 * the same values is left alone ("already up to date").
 *
 * The whole load is at most two `context.sync` round trips, whatever the number of cards: one
 * reading what exists (sheets, tables and their values, workbook names), one writing. The
 * layout and every name come from the pure module rules/rates/sheet-layout; this module only
 * queues Excel commands. `run` is injectable (tests pass a fake); it defaults to Excel.run.
 */
import {
  type AnyRateTable,
  backupSheetName,
  besideSheetName,
  besideTableName,
  CAPTION_ROW,
  type CardGrid,
  cardGrid,
  charsToPoints,
  columnLetter,
  columnWidthsInChars,
  excelNumberFormat,
  HEADER_ROW,
  nameFormula,
  type NamedCell,
  namedCells,
  sameReference,
  sameValues,
  sheetNameFor,
  tableAddress,
  TITLE_ROW,
  wrappedColumns,
} from "../rules/rates/sheet-layout";

export type RunFn = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** One card to load: the rates (built-in, or an Order's in the card's shape) and its two caption lines. */
export interface CardLoad {
  readonly table: AnyRateTable;
  readonly title: string;
  readonly caption: string;
}

/** What the user may do with a card whose sheet already holds something else. */
export type Choice = "replace" | "keep" | "beside";

export interface Conflict {
  readonly id: string;
  readonly title: string;
  /** The sheet that holds the card's table, or the sheet of the card's name. */
  readonly sheet: string;
  readonly reason: "values" | "names" | "sheet";
  readonly message: string;
}

export type Status = "created" | "up-to-date" | "names-added" | "replaced" | "kept" | "beside" | "cancelled";

export interface Outcome {
  readonly id: string;
  readonly title: string;
  readonly status: Status;
  /** The sheet the card is on after the load. */
  readonly sheet?: string;
  /** The table's name where it is not the card's id (beside). */
  readonly table?: string;
  /** The dated copy of the old sheet (replace). */
  readonly backup?: string;
  /** Workbook names written. */
  readonly names?: readonly string[];
}

export interface LoadOptions {
  /** Defaults to Excel.run. */
  readonly run?: RunFn;
  /** ISO date for backup sheet names. */
  readonly today: string;
  /** Asked once with every conflict; resolves to a choice per card id, or null to cancel the load (nothing is written). Without it, conflicts are kept. */
  readonly choose?: (conflicts: readonly Conflict[]) => Promise<Readonly<Record<string, Choice>> | null>;
  readonly onProgress?: (message: string) => void;
}

export interface LoadReport {
  readonly outcomes: readonly Outcome[];
  /** context.sync round trips made (at most 2). */
  readonly syncs: number;
}

/** What the read phase queued for one card. */
interface Probe {
  readonly load: CardLoad;
  readonly grid: CardGrid;
  readonly table: Excel.Table;
  readonly range: Excel.Range;
  readonly sheet: Excel.Worksheet;
}

/** What to do with one card, decided from what the read phase found. */
interface Plan {
  readonly probe: Probe;
  readonly status: "create" | "up-to-date" | "names" | "conflict";
  readonly tableExists: boolean;
  /** The sheet that holds the card's table, or a sheet of the card's sheet name; undefined when neither exists. */
  readonly existingSheet?: string;
  /** Workbook names missing, or left broken (#REF!) by a deleted sheet: written without asking. */
  readonly fixNames: readonly string[];
  readonly conflict?: Conflict;
}

export async function loadCards(loads: readonly CardLoad[], options: LoadOptions): Promise<LoadReport> {
  const ids = loads.map((l) => l.table.id);
  if (new Set(ids).size !== ids.length) throw new Error("Each card can be loaded once per load.");
  const run: RunFn = options.run ?? ((batch) => Excel.run(batch));
  const progress = options.onProgress ?? (() => undefined);

  return run(async (context) => {
    let syncs = 0;
    const sync = async () => {
      syncs++;
      await context.sync();
    };
    const wb = context.workbook;

    // ---- Round trip 1: read what exists -------------------------------------------------
    const sheets = wb.worksheets;
    sheets.load("items/name");
    const tables = wb.tables;
    tables.load("items/name");
    const names = wb.names;
    names.load("items/name,items/formula");
    const probes: Probe[] = loads.map((load) => {
      const table = tables.getItemOrNullObject(load.table.id);
      table.load("name");
      // On a missing table these are null objects too; they are read only when it exists.
      const range = table.getRange();
      range.load("values,address");
      // A navigation to the table's sheet, not a read of a loaded value (the add-in lint cannot tell).
      // eslint-disable-next-line office-addins/call-sync-before-read
      const sheet = table.worksheet;
      sheet.load("name");
      return { load, grid: cardGrid(load.table), table, range, sheet };
    });
    progress("Reading the workbook…");
    await sync();

    const sheetNames = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    const sheetByName = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s.name]));
    const usedTableNames = new Set([...tables.items.map((t) => t.name.toLowerCase()), ...names.items.map((n) => n.name.toLowerCase())]);
    const formulas = new Map(names.items.map((n) => [n.name.toLowerCase(), String(n.formula)]));

    const plans = probes.map((probe) => assess(probe, sheetByName, formulas));
    const conflicts = plans.flatMap((p) => (p.conflict ? [p.conflict] : []));
    let choices: Readonly<Record<string, Choice>> = {};
    if (conflicts.length > 0) {
      progress(
        conflicts.length === 1
          ? "One card differs from the workbook: waiting for your choice…"
          : `${conflicts.length} cards differ from the workbook: waiting for your choices…`,
      );
      const chosen = options.choose ? await options.choose(conflicts) : Object.fromEntries(conflicts.map((c) => [c.id, "keep" as Choice]));
      if (chosen === null) {
        return { outcomes: plans.map((p) => outcome(p, "cancelled")), syncs };
      }
      choices = chosen;
    }

    // ---- Round trip 2: write -----------------------------------------------------------
    const outcomes: Outcome[] = [];
    let writes = 0;
    let firstSheet: Excel.Worksheet | undefined;
    const shown = (ws: Excel.Worksheet) => {
      firstSheet ??= ws;
    };
    for (const plan of plans) {
      const { probe } = plan;
      const card = probe.load.table;
      const expectedSheet = sheetNameFor(card);
      if (plan.status === "up-to-date") {
        outcomes.push(outcome(plan, "up-to-date", { sheet: plan.existingSheet }));
        continue;
      }
      if (plan.status === "names") {
        const origin = topLeft(probe.range.address);
        for (const n of namedCells(card, origin)) {
          if (plan.fixNames.includes(n.name)) setName(names, formulas, n, plan.existingSheet as string, probe.sheet);
        }
        writes++;
        outcomes.push(outcome(plan, "names-added", { sheet: plan.existingSheet, names: plan.fixNames }));
        continue;
      }
      if (plan.status === "create") {
        // The card's own sheet and table names, unless this load already used one of them.
        const sheetName = besideSheetName(expectedSheet, sheetNames);
        const tableName = usedTableNames.has(card.id.toLowerCase()) ? besideTableName(card.id, usedTableNames) : card.id;
        const ws = sheets.add(sheetName);
        sheetNames.add(sheetName.toLowerCase());
        usedTableNames.add(tableName.toLowerCase());
        const written = writeCard(ws, sheetName, tableName, probe, names, formulas, true);
        shown(ws);
        writes++;
        outcomes.push(outcome(plan, "created", { sheet: sheetName, table: tableName === card.id ? undefined : tableName, names: written }));
        continue;
      }
      // A conflict: the user's choice (keep when none was given).
      const choice = choices[card.id] ?? "keep";
      const existing = plan.existingSheet;
      if (choice === "keep") {
        outcomes.push(outcome(plan, "kept", { sheet: existing }));
      } else if (choice === "beside") {
        const sheetName = besideSheetName(existing ?? expectedSheet, sheetNames);
        const tableName = usedTableNames.has(card.id.toLowerCase()) ? besideTableName(card.id, usedTableNames) : card.id;
        sheetNames.add(sheetName.toLowerCase());
        usedTableNames.add(tableName.toLowerCase());
        const ws = sheets.add(sheetName);
        writeCard(ws, sheetName, tableName, probe, names, formulas, false);
        shown(ws);
        writes++;
        outcomes.push(outcome(plan, "beside", { sheet: sheetName, table: tableName === card.id ? undefined : tableName }));
      } else if (existing === undefined) {
        // Only workbook names were in the way: create the sheet and re-point them.
        const ws = sheets.add(expectedSheet);
        sheetNames.add(expectedSheet.toLowerCase());
        usedTableNames.add(card.id.toLowerCase());
        const written = writeCard(ws, expectedSheet, card.id, probe, names, formulas, true);
        shown(ws);
        writes++;
        outcomes.push(outcome(plan, "replaced", { sheet: expectedSheet, names: written }));
      } else {
        // Replace: copy the old sheet to a dated backup, then rewrite the sheet in place, so
        // formulas that point at its cells keep pointing at them.
        const ws = plan.tableExists ? probe.sheet : sheets.getItem(existing);
        const backup = backupSheetName(existing, options.today, sheetNames);
        sheetNames.add(backup.toLowerCase());
        const copy = ws.copy("After", ws);
        copy.name = backup;
        if (plan.tableExists) probe.table.convertToRange();
        ws.getRange().clear();
        usedTableNames.add(card.id.toLowerCase());
        const written = writeCard(ws, existing, card.id, probe, names, formulas, true);
        shown(ws);
        writes++;
        outcomes.push(outcome(plan, "replaced", { sheet: existing, backup, names: written }));
      }
    }
    if (writes > 0) {
      firstSheet?.activate();
      progress(`Writing ${writes} card${writes === 1 ? "" : "s"}…`);
      await sync();
    }
    return { outcomes, syncs };
  });
}

/** The 1-based row and 0-based column of the top-left cell of an address such as 'Storage Prices'!A4:B6. */
function topLeft(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)/.exec(address.slice(address.lastIndexOf("!") + 1));
  if (!m) return { row: HEADER_ROW, col: 0 };
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col: col - 1 };
}

/** Compares what exists with the card: equal, equal but names to fix, free to create, or a conflict. */
function assess(probe: Probe, sheetByName: ReadonlyMap<string, string>, formulas: ReadonlyMap<string, string>): Plan {
  const card = probe.load.table;
  const tableExists = !probe.table.isNullObject;
  const existingSheet = tableExists ? probe.sheet.name : sheetByName.get(sheetNameFor(card).toLowerCase());
  // Where the names should point: at the existing table's cells, or at the layout's.
  const origin = tableExists ? topLeft(probe.range.address) : undefined;
  const fixNames: string[] = [];
  const elsewhere: string[] = [];
  for (const n of namedCells(card, origin)) {
    const f = formulas.get(n.name.toLowerCase());
    if (f === undefined || /#REF!/i.test(f)) fixNames.push(n.name);
    else if (!tableExists || !sameReference(f, nameFormula(existingSheet as string, n.address))) elsewhere.push(`${n.name} points at ${f}`);
  }
  const base = { probe, tableExists, existingSheet, fixNames };
  const conflict = (reason: Conflict["reason"], message: string): Plan => ({
    ...base,
    status: "conflict",
    conflict: { id: card.id, title: probe.load.title, sheet: existingSheet ?? sheetNameFor(card), reason, message },
  });
  if (tableExists) {
    if (!sameValues(probe.range.values, probe.grid)) {
      return conflict("values", `The table ${card.id} on sheet "${existingSheet}" holds values that differ from these rates.`);
    }
    if (elsewhere.length > 0) return conflict("names", `The workbook name ${elsewhere.join("; ")}, not at this table.`);
    return { ...base, status: fixNames.length > 0 ? "names" : "up-to-date" };
  }
  if (existingSheet !== undefined) return conflict("sheet", `A sheet named "${existingSheet}" exists and holds no table ${card.id}.`);
  if (elsewhere.length > 0) return conflict("names", `The workbook name ${elsewhere.join("; ")}; loading the card would re-point it.`);
  return { ...base, status: "create" };
}

/** Adds a workbook name, or re-points an existing one, at a cell of `ws`. */
function setName(
  names: Excel.NamedItemCollection,
  formulas: ReadonlyMap<string, string>,
  n: NamedCell,
  sheetName: string,
  ws: Excel.Worksheet,
): void {
  if (formulas.has(n.name.toLowerCase())) {
    const item = names.getItem(n.name);
    item.formula = nameFormula(sheetName, n.address);
    item.comment = n.description;
  } else {
    names.add(n.name, ws.getRange(n.address), n.description);
  }
}

function outcome(plan: Plan, status: Status, extra: Partial<Omit<Outcome, "id" | "title" | "status">> = {}): Outcome {
  const o: Outcome = { id: plan.probe.load.table.id, title: plan.probe.load.title, status };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) (o as unknown as Record<string, unknown>)[k] = v;
  return o;
}

/**
 * Queues one card onto a sheet (new, or cleared): title, caption, table with header style,
 * number formats, column widths, frozen header, and (with `withNames`) its workbook names.
 * Returns the names written.
 */
function writeCard(
  ws: Excel.Worksheet,
  sheetName: string,
  tableName: string,
  probe: Probe,
  names: Excel.NamedItemCollection,
  formulas: ReadonlyMap<string, string>,
  withNames: boolean,
): string[] {
  const { grid, load } = probe;
  const title = ws.getRange(`A${TITLE_ROW}`);
  title.values = [[load.title]];
  title.format.font.bold = true;
  title.format.font.size = 14;
  const caption = ws.getRange(`A${CAPTION_ROW}`);
  caption.values = [[load.caption]];
  caption.format.font.italic = true;
  caption.format.font.color = "#616161";

  // Number formats first, so text columns hold text exactly as written.
  const address = tableAddress(grid);
  // Named apart from the probes' loaded `range`: the add-in lint tracks load() by variable name.
  const target = ws.getRange(address);
  target.numberFormat = [grid.headers.map(() => "@"), ...grid.body.map(() => grid.formats.map(excelNumberFormat))];
  target.values = [[...grid.headers], ...grid.body.map((r) => [...r])];
  target.format.verticalAlignment = "Top";

  const table = ws.tables.add(address, true);
  table.name = tableName;
  table.style = "TableStyleMedium2";
  const header = table.getHeaderRowRange();
  header.format.font.bold = true;
  header.format.wrapText = true;

  const widths = columnWidthsInChars(grid);
  const wrap = wrappedColumns(grid);
  widths.forEach((w, c) => {
    const letter = columnLetter(c);
    ws.getRange(`${letter}:${letter}`).format.columnWidth = charsToPoints(w);
    if (wrap[c] && grid.body.length > 0)
      ws.getRange(`${letter}${HEADER_ROW + 1}:${letter}${HEADER_ROW + grid.body.length}`).format.wrapText = true;
  });
  ws.freezePanes.freezeRows(HEADER_ROW);

  if (!withNames) return [];
  const written: string[] = [];
  for (const n of namedCells(load.table)) {
    setName(names, formulas, n, sheetName, ws);
    written.push(n.name);
  }
  return written;
}
