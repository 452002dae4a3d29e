/**
 * The help page's live examples. help.html (scripts/help-page.js) loads this script first and
 * the functions bundle (functions.js) after it: this script defines a stand-in CustomFunctions
 * global, so the bundle registers every function here exactly as it does in Excel
 * (`CustomFunctions.associate(id, fn)`), and each example calls the real function by its id as
 * its fields are edited. Nothing leaves the page: no Excel, no network.
 *
 * Each example is a <form class="example" data-fn="ID" data-format="date|money|general"> whose
 * fields carry data-arg (the argument's position) and data-kind:
 *   cell  - a text field typed as Excel types a cell (number, TRUE/FALSE, text, blank);
 *   enum  - a text field with the enum's values offered;
 *   date  - a text field typed as ISO (2025-06-02, 2025-06-02 02:00); data-as="serial" passes
 *           the date serial, data-as="iso" the text;
 *   grid  - a small table of cells (a range), each cell a cell or date field as above.
 * The formula above the example (data-formula: the documented one) follows the arguments: an
 * argument not edited keeps its documented text (a table reference, DATE(...)), an edited one is
 * written as typed (a range as an array constant). Reset brings back the documented arguments,
 * rows added or removed included. A rounded value is a button that shows the exact value.
 */
import {
  argFormula,
  arrayFormula,
  formulaArgs,
  formulaText,
  parseCell,
  rowKindsOf,
  serialFromIso,
  showValue,
  spillCellFormat,
  WORKING_COLUMNS,
} from "./format";
import type { ResultFormat, Shown } from "./format";
import { themeFromQuery } from "../taskpane/theme";

// The theme the pane's link asks for (?theme=dark); otherwise taskpane.css follows the system's.
const theme = themeFromQuery(location.search);
if (theme) document.documentElement.dataset.theme = theme;

class HelpError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}

const registered = new Map<string, (...args: unknown[]) => unknown>();

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  associate: (id: string, fn: (...args: unknown[]) => unknown) => registered.set(id, fn),
  Error: HelpError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  },
};

type Cell = string | number | boolean | null;

/** The value of one date field: its serial or its ISO text; null when blank; text when unreadable. */
function dateValue(input: HTMLInputElement): Cell {
  const text = input.value.trim();
  if (text === "") return null;
  if (input.dataset.as === "iso") return text;
  return serialFromIso(text) ?? text;
}

function fieldValue(input: HTMLInputElement): Cell {
  switch (input.dataset.kind) {
    case "date":
      return dateValue(input);
    case "enum":
      return input.value.trim() === "" ? null : input.value;
    default:
      return parseCell(input.value);
  }
}

/** A grid's range: its cells row by row; an optional range left all blank is omitted (null). */
function gridValue(grid: HTMLElement): Cell[][] | null {
  const rows = [...grid.querySelectorAll<HTMLTableRowElement>("tbody tr")].map((tr) =>
    [...tr.querySelectorAll<HTMLInputElement>("input")].map(fieldValue),
  );
  if (grid.dataset.optional === "true" && rows.every((r) => r.every((c) => c === null))) return null;
  return rows;
}

function args(form: HTMLFormElement): unknown[] {
  const out: unknown[] = [];
  for (const el of form.querySelectorAll<HTMLElement>("[data-arg]")) {
    const i = Number(el.dataset.arg);
    out[i] = el.dataset.kind === "grid" ? gridValue(el) : fieldValue(el as HTMLInputElement);
  }
  const count = Number(form.dataset.params);
  for (let i = 0; i < count; i++) if (out[i] === undefined) out[i] = null;
  return out;
}

/** A value's text; a date-time's day and time in spans of their own, so it can break between them (never inside). */
function setText(e: HTMLElement, s: Shown): void {
  const time = s.kind === "date" ? / (\d\d:\d\d(?::\d\d)?)$/.exec(s.text) : null;
  if (!time) {
    e.textContent = s.text;
    return;
  }
  const day = document.createElement("span");
  day.className = "day";
  day.textContent = s.text.slice(0, time.index);
  const at = document.createElement("span");
  at.className = "time";
  at.textContent = time[1];
  e.replaceChildren(day, " ", at);
}

/** A value; a rounded one is a button (keyboard, touch, mouse) that shows its exact value beside it. */
function valueElement(s: Shown): HTMLElement {
  if (!s.exact) {
    const span = document.createElement("span");
    span.className = `value ${s.kind}`;
    setText(span, s);
    return span;
  }
  const button = document.createElement("button");
  button.type = "button";
  button.className = `value ${s.kind} rounded`;
  setText(button, s);
  button.title = "Rounded: show the exact value";
  button.setAttribute("aria-expanded", "false");
  const exact = document.createElement("span");
  exact.className = "exact";
  exact.hidden = true;
  exact.textContent = `exact ${s.exact}`;
  const wrap = document.createElement("span");
  wrap.className = `value-wrap ${s.kind}`;
  wrap.append(button, exact);
  return wrap;
}

function toggleExact(button: HTMLButtonElement): void {
  const exact = button.nextElementSibling as HTMLElement | null;
  if (!exact) return;
  const open = button.getAttribute("aria-expanded") !== "true";
  button.setAttribute("aria-expanded", String(open));
  exact.hidden = !open;
}

function shownElement(s: Shown): HTMLElement {
  const span = valueElement(s);
  if (s.aside !== undefined) {
    const aside = document.createElement("span");
    aside.className = "serial";
    aside.textContent = s.aside;
    aside.title = "The date serial Excel stores";
    const wrap = document.createElement("span");
    wrap.className = "dated";
    wrap.append(span, aside);
    return wrap;
  }
  return span;
}

/** The result as Excel would show it: one value, a spilled range as a small grid (each cell in its
 * row's declared kind, for a working spill), or an error. */
function render(out: HTMLElement, result: unknown, format: ResultFormat, fn = ""): void {
  out.replaceChildren();
  out.className = "result-value";
  if (result instanceof HelpError) {
    out.classList.add("is-error");
    const code = document.createElement("span");
    code.className = "error-code";
    code.textContent = result.code;
    out.append(code);
    if (result.message) {
      const msg = document.createElement("span");
      msg.className = "error-message";
      msg.textContent = result.message;
      out.append(msg);
    }
    return;
  }
  if (Array.isArray(result)) {
    const table = document.createElement("table");
    table.className = "spill";
    const kinds = rowKindsOf(result);
    // A table of columns under a header row (one row per item): on a narrow page each item is shown
    // as a block, each value under its column's name (help.css), rather than six columns too wide to read.
    const header = WORKING_COLUMNS[fn] ? (result as unknown[][])[0] : undefined;
    if (header) table.classList.add("columns");
    (result as unknown[][]).forEach((row, ri) => {
      const tr = table.insertRow();
      if (header && ri === 0) tr.className = "head";
      row.forEach((v, ci) => {
        const td = tr.insertCell();
        if (header && ri > 0 && typeof header[ci] === "string") td.dataset.label = header[ci] as string;
        td.append(shownElement(showValue(v, spillCellFormat(fn, kinds, ri, ci, format))));
      });
    });
    out.append(table);
    return;
  }
  out.append(shownElement(showValue(result, format)));
}

/** Each argument's value when the page loaded (the documented one), to tell which were edited. */
const documented = new WeakMap<HTMLFormElement, string[]>();
const argTexts = (form: HTMLFormElement) => args(form).map((v) => JSON.stringify(v ?? null));

/** The formula for the current arguments; the documented one, remark included, while none is edited. */
function showFormula(form: HTMLFormElement): void {
  const code = form.querySelector<HTMLElement>(".formula code");
  const original = documented.get(form);
  if (!code || !original) return;
  const doc = code.dataset.formula ?? "";
  const now = argTexts(form);
  if (now.every((t, i) => t === original[i])) {
    code.textContent = doc;
    return;
  }
  const docArgs = formulaArgs(doc) ?? [];
  const texts = now.map((t, i) => {
    if (t === original[i] && docArgs[i] !== undefined) return docArgs[i];
    const el = form.querySelector<HTMLElement>(`[data-arg="${i}"]`);
    if (!el) return "";
    if (el.dataset.kind === "grid") {
      const range = gridValue(el);
      return range === null ? "" : arrayFormula(range);
    }
    const input = el as HTMLInputElement;
    return argFormula(fieldValue(input), input.dataset.kind === "date");
  });
  code.textContent = formulaText(form.dataset.call ?? "", texts);
}

function compute(form: HTMLFormElement): void {
  const out = form.querySelector<HTMLElement>(".result-value");
  if (!out) return;
  const fn = registered.get(form.dataset.fn ?? "");
  const format = (form.dataset.format as ResultFormat) ?? "general";
  if (!fn) {
    render(out, new HelpError("#NAME?", `${form.dataset.fn} is not in the functions bundle`), format);
    return;
  }
  let result: unknown;
  try {
    result = fn(...args(form));
  } catch (e) {
    result = e instanceof HelpError ? e : new HelpError("#VALUE!", e instanceof Error ? e.message : String(e));
  }
  render(out, result, format, form.dataset.fn);
  showFormula(form);
  form.dataset.computed = String(Number(form.dataset.computed ?? 0) + 1);
}

/** The serial shown beside a date field, kept current. */
function updateSerial(input: HTMLInputElement): void {
  const beside = input.parentElement?.querySelector<HTMLElement>(":scope > .serial");
  if (!beside) return;
  const v = input.value ? serialFromIso(input.value) : null;
  beside.textContent = v === null ? "" : String(Number(v.toFixed(6)));
}

function cellInput(template: HTMLInputElement): HTMLInputElement {
  const input = template.cloneNode() as HTMLInputElement;
  input.value = "";
  return input;
}

function addRow(grid: HTMLElement): void {
  const body = grid.querySelector("tbody");
  const last = body?.lastElementChild;
  if (!body || !last) return;
  const tr = document.createElement("tr");
  const number = document.createElement("th");
  number.scope = "row";
  number.textContent = String(body.children.length + 1);
  tr.append(number);
  for (const input of last.querySelectorAll<HTMLInputElement>("input")) tr.insertCell().append(cellInput(input));
  body.append(tr);
}

function removeRow(grid: HTMLElement): void {
  const body = grid.querySelector("tbody");
  if (body && body.children.length > 1) body.lastElementChild?.remove();
}

function init(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>("form.example")) {
    documented.set(form, argTexts(form));
    // Each range's rows as documented, for Reset.
    const grids = [...form.querySelectorAll<HTMLElement>("[data-kind=grid] tbody")].map((body) => ({
      body,
      rows: body.cloneNode(true) as HTMLElement,
    }));
    form.addEventListener("submit", (e) => e.preventDefault());
    form.addEventListener("input", (e) => {
      const t = e.target as HTMLInputElement;
      if (t.dataset.kind === "date") updateSerial(t);
      compute(form);
    });
    form.addEventListener("click", (e) => {
      const rounded = (e.target as HTMLElement).closest<HTMLButtonElement>("button.rounded");
      if (rounded) {
        toggleExact(rounded);
        return;
      }
      const button = (e.target as HTMLElement).closest<HTMLButtonElement>("button[data-grid-action]");
      const grid = button?.closest<HTMLElement>("[data-kind=grid]");
      if (!button || !grid) return;
      if (button.dataset.gridAction === "add") addRow(grid);
      else removeRow(grid);
      compute(form);
    });
    form.addEventListener("reset", () =>
      setTimeout(() => {
        for (const g of grids) g.body.replaceChildren(...[...g.rows.cloneNode(true).childNodes]);
        form.querySelectorAll<HTMLInputElement>("input[data-kind=date]").forEach(updateSerial);
        compute(form);
      }),
    );
    compute(form);
  }
  document.body.dataset.helpReady = String(registered.size);
}

// The functions bundle runs after this script (both deferred, in document order) and before
// DOMContentLoaded; so the examples start at DOMContentLoaded (or at load, should this script
// ever come later), once.
let started = false;
const start = () => {
  if (started) return;
  started = true;
  init();
};
if (document.readyState === "complete") start();
else {
  document.addEventListener("DOMContentLoaded", start);
  window.addEventListener("load", start);
}
