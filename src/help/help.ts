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
 *   date  - an <input type=date|datetime-local>; data-as="serial" passes the date serial,
 *           data-as="iso" the ISO text;
 *   grid  - a small table of cells (a range), each cell a cell or date field as above.
 */
import { parseCell, serialFromIso, showValue, type ResultFormat, type Shown } from "./format";

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

function shownElement(s: Shown): HTMLElement {
  const span = document.createElement("span");
  span.className = `value ${s.kind}`;
  span.textContent = s.text;
  if (s.exact) {
    span.title = `Exact value: ${s.exact}`;
    span.classList.add("rounded");
  }
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

/** The result as Excel would show it: one value, a spilled range as a small grid, or an error. */
function render(out: HTMLElement, result: unknown, format: ResultFormat): void {
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
    for (const row of result as unknown[][]) {
      const tr = table.insertRow();
      for (const v of row) tr.insertCell().append(shownElement(showValue(v, format)));
    }
    out.append(table);
    return;
  }
  out.append(shownElement(showValue(result, format)));
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
  render(out, result, format);
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
    form.addEventListener("submit", (e) => e.preventDefault());
    form.addEventListener("input", (e) => {
      const t = e.target as HTMLInputElement;
      if (t.dataset.kind === "date") updateSerial(t);
      compute(form);
    });
    form.addEventListener("click", (e) => {
      const button = (e.target as HTMLElement).closest<HTMLButtonElement>("button[data-grid-action]");
      const grid = button?.closest<HTMLElement>("[data-kind=grid]");
      if (!button || !grid) return;
      if (button.dataset.gridAction === "add") addRow(grid);
      else removeRow(grid);
      compute(form);
    });
    form.addEventListener("reset", () =>
      setTimeout(() => {
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
