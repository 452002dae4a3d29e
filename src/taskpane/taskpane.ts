/**
 * The task pane: lists the rate cards (title, source document, that document's date), loads the
 * selected ones into the workbook, or one card from an Order's CSV/JSON file; builds the sheets of
 * src/sheets/index.ts. UI only: the rates come from rules/rates, the Order file is read and
 * validated by src/tables (order-file.ts), and the workbook is written by ./writer (cards.ts: a
 * load in at most two round trips; sheet.ts: a sheet). The page is shared with the custom
 * functions runtime.
 */
import { RATE_CARDS } from "../rules/rates";
import { ORDER_FILE_ACCEPT } from "../tables/formats";
import { decodeOrderFile, importOrderRates } from "../tables/order-file";
import { describeProblem, type ImportProblem, listedProblems } from "../tables/problems";
import { MAX_ORDER_FILE_CHARS } from "../tables/limits";
import { ratesSnippet } from "./rates-snippet";
import type { AnyRateTable } from "../rules/rates/documents";
import { sheetNameFor } from "../sheets/rate-card-layout";
import { type CardLoad, type Choice, type Conflict, errorMessage, type LoadReport, loadCards, type Outcome } from "./writer/cards";
import { EXCEL_API_SET as READ_API_SET } from "./writer/plan";
import { EXCEL_API_SET as REPAIR_API_SET } from "./writer/repair";
import { excelRun } from "./writer/run";
import { EXCEL_API_SET as LOAD_API_SET } from "./writer/write";
import { captionFor, sourceOf, todayIso } from "./format";
import { EXCEL_API_SET as SHEET_API_SET, writeSheet } from "./writer/sheet";
import { type SheetKind, SHEETS, sheetSpec } from "../sheets";
import { chooseDateSystem } from "./date-system";
import { dateSystemSource, dateSystemStartup, documentSettings } from "../functions/runtime";
import { workbookDateSystem } from "../functions/excel";
import { themeOf } from "./theme";

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from taskpane.html`);
  return el as T;
};

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) el.setAttribute(k, v);
  el.append(...children);
  return el;
}

const domId = (card: AnyRateTable) => card.id.replace(/[^A-Za-z0-9_-]/g, "_");

/** One guard for everything that may end in an Excel batch: a load, and an Order file from the moment it is read. */
let busy = false;
/** An Order file picked while a load was running: not read; the pane says so when the load ends. */
let skippedFile: string | null = null;
/** Set when Office.onReady says the pane is not in Excel (host null): loading is off, and the reason is shown. */
let outsideExcel = false;
/** True once the date-system checkbox may be changed: in Excel, settings available, Excel itself not reporting the system. */
let dateSettingOpen = false;
/** The last load that wrote something: its cards and what it showed, kept when loading again changes nothing. */
let lastWrite: { key: string; outcomes: readonly Outcome[]; summary: string } | null = null;

/** Runs an event handler; whatever it throws is shown, never lost in an unhandled rejection. */
function safely(handler: () => Promise<void> | void): () => void {
  return () => {
    void (async () => {
      try {
        await handler();
      } catch (e) {
        showMessage("error", "Something went wrong.", `${errorText(e)} Nothing more was written.`);
      }
    })();
  };
}

function errorText(e: unknown): string {
  const err = e as { message?: string; debugInfo?: { message?: string } } | undefined;
  const text = err?.debugInfo?.message ?? err?.message ?? String(e);
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

// ---------------------------------------------------------------------------------------------
// The card list
// ---------------------------------------------------------------------------------------------

function renderCards(): void {
  const list = $<HTMLUListElement>("cards");
  list.replaceChildren(
    ...RATE_CARDS.map((card) => {
      const id = domId(card);
      const src = sourceOf(card);
      const box = h("input", { type: "checkbox", id: `card-${id}`, "data-card": card.id, "aria-describedby": `src-${id} info-${id}` });
      box.checked = true;
      box.addEventListener("change", updateSelection);
      const names = (card.names ?? []).map((n) => n.name);
      const file = h("input", {
        type: "file",
        accept: ORDER_FILE_ACCEPT,
        hidden: "",
        id: `file-${id}`,
        "data-card": card.id,
      });
      file.addEventListener(
        "change",
        safely(() => onOrderFile(card, file)),
      );
      const pick = h(
        "button",
        {
          type: "button",
          class: "button subtle",
          id: `order-${id}`,
          "aria-label": `Load an Order's rates from a file… (${card.title}, CSV or JSON)`,
        },
        "Load an Order's rates from a file…",
      );
      pick.addEventListener("click", () => {
        if (!busy && !outsideExcel) file.click();
      });
      return h(
        "li",
        { class: "card", id: `item-${id}` },
        h("div", { class: "card-head" }, box, h("label", { for: `card-${id}`, class: "card-title", id: `title-${id}` }, card.title)),
        h(
          "div",
          { class: "card-body" },
          h("p", { class: "meta", id: `src-${id}` }, `${src.title} · `, h("span", { class: "date" }, src.updated)),
          h(
            "p",
            { class: "meta", id: `info-${id}` },
            `Sheet “${sheetNameFor(card)}”, table ${card.id}, ${card.rows.length} row${card.rows.length === 1 ? "" : "s"}`,
            names.length > 0 ? `; names ${names.join(", ")}` : "",
          ),
          h("div", { class: "card-actions" }, pick, file),
          h("div", {
            class: "problems",
            id: `problems-${id}`,
            hidden: "",
            role: "group",
            "aria-label": `Problems in the Order file for ${card.title}`,
          }),
        ),
      );
    }),
  );
  $<HTMLInputElement>("select-all").addEventListener("change", (e) => {
    const on = (e.target as HTMLInputElement).checked;
    for (const b of cardBoxes()) b.checked = on;
    updateSelection();
  });
  $<HTMLButtonElement>("load").addEventListener("click", safely(onLoadSelected));
  updateSelection();
}

function cardBoxes(): HTMLInputElement[] {
  return [...document.querySelectorAll<HTMLInputElement>("#cards input[type=checkbox][data-card]")];
}

function selectedCards(): AnyRateTable[] {
  const ids = new Set(
    cardBoxes()
      .filter((b) => b.checked)
      .map((b) => b.dataset.card),
  );
  return RATE_CARDS.filter((c) => ids.has(c.id));
}

function updateSelection(): void {
  const n = selectedCards().length;
  const all = $<HTMLInputElement>("select-all");
  all.checked = n === RATE_CARDS.length;
  all.indeterminate = n > 0 && n < RATE_CARDS.length;
  $("selected-count").textContent = `${n} of ${RATE_CARDS.length} selected`;
  const load = $<HTMLButtonElement>("load");
  load.textContent =
    n === 0 ? "Select cards to load" : n === RATE_CARDS.length ? "Load all rate cards" : `Load ${n} selected card${n === 1 ? "" : "s"}`;
  load.disabled = busy || n === 0 || outsideExcel;
  for (const b of document.querySelectorAll<HTMLButtonElement>("#cards button")) b.disabled = busy || outsideExcel;
}

// ---------------------------------------------------------------------------------------------
// Status, progress, messages
// ---------------------------------------------------------------------------------------------

function setBusy(on: boolean, text = ""): void {
  busy = on;
  $("progress").hidden = !on;
  $("app").setAttribute("aria-busy", String(on));
  for (const b of document.querySelectorAll<HTMLButtonElement>("#cards button, #select-all, .sheet-actions button")) b.disabled = on;
  for (const b of cardBoxes()) b.disabled = on;
  $<HTMLInputElement>("select-all").disabled = on;
  $<HTMLInputElement>("date-1904").disabled = on || !dateSettingOpen;
  updateSelection();
  if (text) setStatus(text);
}

function setStatus(text: string): void {
  $("status").textContent = text;
}

function showMessage(kind: "error" | "success" | "warning", title: string, ...detail: (Node | string)[]): void {
  lastWrite = null; // anything else said since: a later identical load is reported on its own
  const role = kind === "error" ? "alert" : "status";
  $("message").replaceChildren(
    h("div", { class: `message ${kind}`, role }, h("p", {}, h("strong", {}, title), detail.length ? " " : "", ...detail)),
  );
}

function clearMessages(): void {
  $("message").replaceChildren();
  $("results").replaceChildren();
  setStatus("");
}

function describeOutcome(o: Outcome): { cls: string; text: string } {
  const names = o.names && o.names.length > 0 ? ` Names: ${o.names.join(", ")}.` : "";
  switch (o.status) {
    case "created":
      return { cls: "ok", text: `${o.title}: loaded to sheet “${o.sheet}”.${names}` };
    case "up-to-date":
      return { cls: "same", text: `${o.title}: already up to date (sheet “${o.sheet}”).` };
    case "names-added":
      return { cls: "ok", text: `${o.title}: already up to date; restored the names ${(o.names ?? []).join(", ")}.` };
    case "replaced":
      return {
        cls: "replaced",
        text: o.backup
          ? `${o.title}: replaced on sheet “${o.sheet}”; the old sheet is kept as “${o.backup}”.${names}`
          : `${o.title}: loaded to sheet “${o.sheet}”.${names}`,
      };
    case "kept":
      return { cls: "kept", text: `${o.title}: kept sheet “${o.sheet}” as it is.` };
    case "beside":
      return { cls: "ok", text: `${o.title}: loaded beside, on sheet “${o.sheet}”${o.table ? ` as table ${o.table}` : ""}.` };
    case "cancelled":
      return { cls: "kept", text: `${o.title}: not loaded (cancelled).` };
    case "not-loaded":
    case "unknown":
      return { cls: "failed", text: `${o.title}: ${o.detail ?? "not loaded."}` };
  }
}

/** The outcomes after which the card's table is in the workbook, for formulas to pass as `rates`. */
const IN_WORKBOOK: ReadonlySet<Outcome["status"]> = new Set<Outcome["status"]>([
  "created",
  "replaced",
  "beside",
  "names-added",
  "up-to-date",
]);

function showOutcomes(report: LoadReport, key: string): void {
  const { outcomes } = report;
  const previous = lastWrite;
  const list = (os: readonly Outcome[]) =>
    $("results").replaceChildren(
      ...os.map((o) => {
        const d = describeOutcome(o);
        // A card in the workbook that formulas read as `rates`: the formula that passes its table.
        const snippet = IN_WORKBOOK.has(o.status) ? ratesSnippet(o.id, o.table ?? o.id) : null;
        const use = snippet ? [" In a formula: ", h("code", { class: "snippet" }, snippet)] : [];
        return h("li", { class: d.cls, "data-status": o.status, "data-card": o.id }, d.text, ...use);
      }),
    );
  const count = (s: Outcome["status"][]) => outcomes.filter((o) => s.includes(o.status)).length;
  const written = count(["created", "replaced", "beside", "names-added"]);
  const same = count(["up-to-date"]);
  const kept = count(["kept"]);
  if (report.failure) {
    list(outcomes);
    const notDone = count(["not-loaded", "unknown"]);
    const done = written > 0 ? `${plural(written, "card")} loaded; ` : "";
    showMessage(
      "error",
      "Excel stopped the load part-way.",
      `${errorText({ message: report.failure.message })} ${done}${plural(notDone, "card")} not loaded. ` +
        (report.failure.repaired
          ? "The workbook was checked: every card is either whole or as it was, and every name points at its rate (each card is listed below). Loading again is safe."
          : "Excel did not answer afterwards, so the workbook could not be checked: each card below says where things may be. Loading again is safe."),
    );
    return;
  }
  if (outcomes.length > 0 && count(["cancelled"]) === outcomes.length) {
    list(outcomes);
    showMessage("warning", "Load cancelled.", "Nothing was written.");
    return;
  }
  if (written === 0 && same === outcomes.length) {
    // Loading again right after a load (a second click): keep what that load said.
    if (previous?.key === key) {
      list(previous.outcomes);
      showMessage("success", "Done.", `${previous.summary} Checked again: already loaded, nothing changed.`);
      lastWrite = previous;
      return;
    }
    list(outcomes);
    showMessage(
      "success",
      "Already up to date.",
      `${plural(same, "card")} already in the workbook with the same rates; nothing was changed.`,
    );
    return;
  }
  list(outcomes);
  const parts = [
    written > 0 ? `${plural(written, "card")} loaded` : "",
    same > 0 ? `${same} already up to date` : "",
    kept > 0 ? `${kept} kept as they were` : "",
  ];
  const summary = `${parts.filter(Boolean).join(", ")}.`;
  showMessage("success", "Done.", summary);
  if (written > 0) lastWrite = { key, outcomes, summary };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

// ---------------------------------------------------------------------------------------------
// Conflicts: a modal dialog with a radio group per card
// ---------------------------------------------------------------------------------------------

const CHOICES: { value: Choice; label: string; hint: (c: Conflict) => string }[] = [
  { value: "keep", label: "Keep my sheet", hint: (c) => `Leave “${c.sheet}” as it is; this card is not loaded.` },
  {
    value: "replace",
    label: "Replace it, keeping a backup",
    hint: () =>
      "Your sheet is first copied to a dated backup sheet; then the new rates are written into your sheet and table, so formulas that use them read the new rates.",
  },
  { value: "beside", label: "Load beside it", hint: () => "The card goes to a new sheet; yours stays as it is." },
];

function chooseInDialog(conflicts: readonly Conflict[]): Promise<Record<string, Choice> | null> {
  const dialog = $<HTMLDialogElement>("conflicts");
  $("conflicts-title").textContent =
    conflicts.length === 1 ? "A sheet differs from the rate card" : `${conflicts.length} sheets differ from the rate cards`;
  $("conflict-list").replaceChildren(
    ...conflicts.map((c, i) =>
      h(
        "fieldset",
        { class: "conflict", "data-card": c.id },
        h("legend", {}, c.title),
        h("p", { class: "why", id: `why-${i}` }, c.message),
        ...CHOICES.map((choice) => {
          const input = h("input", { type: "radio", name: `choice-${i}`, value: choice.value, "aria-describedby": `why-${i}` });
          input.checked = choice.value === "keep";
          return h("label", { class: "radio" }, input, h("span", {}, choice.label, h("span", { class: "hint" }, choice.hint(c))));
        }),
      ),
    ),
  );
  return new Promise((resolve) => {
    const onClose = () => {
      dialog.removeEventListener("close", onClose);
      if (dialog.returnValue !== "ok") return resolve(null);
      const out: Record<string, Choice> = {};
      conflicts.forEach((c, i) => {
        const picked = dialog.querySelector<HTMLInputElement>(`input[name="choice-${i}"]:checked`);
        out[c.id] = (picked?.value as Choice) ?? "keep";
      });
      resolve(out);
    };
    dialog.returnValue = "";
    dialog.addEventListener("close", onClose);
    $("conflicts-cancel").onclick = () => dialog.close("cancel");
    dialog.showModal();
    dialog.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus();
  });
}

// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

/**
 * Whether Excel supports the ExcelApi requirement set `version`. Each writer declares the set
 * it needs (`EXCEL_API_SET`: the rate-card load and the sheets need 1.9); the manifest does not
 * require them, so the functions still load in older Excel, and the pane says what is missing
 * instead of failing half-way. True where Office cannot tell (outside Excel).
 */
function excelApiSupported(version: string): boolean {
  const requirements = typeof Office !== "undefined" ? Office.context?.requirements : undefined;
  return !requirements || typeof requirements.isSetSupported !== "function" || requirements.isSetSupported("ExcelApi", version);
}

/** Loads cards into the workbook; the caller holds the busy guard. */
async function runLoad(loads: CardLoad[], what: string): Promise<void> {
  clearMessages();
  if (typeof Excel === "undefined" || typeof Excel.run !== "function") {
    showMessage("error", "Excel is not available.", "Open this pane from Excel (Home > Rate cards) to load the cards.");
    return;
  }
  // Each part of the load declares its own set (reading, writing, repairing after a failure); writing needs the most.
  if (!excelApiSupported(LOAD_API_SET) || !excelApiSupported(READ_API_SET) || !excelApiSupported(REPAIR_API_SET)) {
    showMessage(
      "error",
      "This version of Excel cannot load the rate cards.",
      `Loading needs Excel JavaScript API ${LOAD_API_SET}. Update Excel, or use Excel on the web. Nothing was written.`,
    );
    return;
  }
  setStatus(`Loading ${what}…`);
  try {
    const report = await loadCards(loads, {
      run: excelRun,
      today: todayIso(),
      choose: chooseInDialog,
      onProgress: setStatus,
    });
    // The same cards from the same source: a second click on the same load.
    showOutcomes(report, loads.map((l) => `${l.table.id}\u0000${l.caption}`).join("\u0001"));
  } catch (e) {
    // The read failed: nothing was written.
    showMessage("error", "Excel could not read the workbook.", `${errorText(e)} Nothing was written; loading again is safe.`);
  } finally {
    setStatus("");
    $("message").scrollIntoView({ block: "nearest" });
  }
}

/** Holds the busy guard around `work`: a second click, or an Order file picked meanwhile, waits its turn (it is ignored). */
async function guarded(work: () => Promise<void>): Promise<boolean> {
  if (busy || outsideExcel) return false;
  setBusy(true);
  try {
    await work();
  } finally {
    setBusy(false);
    if (skippedFile !== null) setStatus(`${skippedFile} was not read: a load was running. Pick it again now.`);
    skippedFile = null;
  }
  return true;
}

async function onLoadSelected(): Promise<void> {
  const cards = selectedCards();
  if (cards.length === 0) return;
  await guarded(async () => {
    for (const c of cards) hideProblems(c);
    await runLoad(
      cards.map((card) => ({ table: card, ...captionFor(card) })),
      plural(cards.length, "rate card"),
    );
  });
}

function hideProblems(card: AnyRateTable): void {
  const box = $(`problems-${domId(card)}`);
  box.hidden = true;
  box.replaceChildren();
}

async function onOrderFile(card: AnyRateTable, input: HTMLInputElement): Promise<void> {
  const file = input.files?.[0];
  input.value = ""; // picking the same file again fires change again
  if (!file) return;
  const ran = await guarded(async () => {
    clearMessages();
    hideProblems(card);
    setStatus(`Reading ${file.name}…`);
    let text: string;
    try {
      if (file.size > MAX_ORDER_FILE_CHARS * 4)
        throw new Error(`${file.name} is ${Math.round(file.size / 1e6)} MB; a rate card is a few rows.`);
      const decoded = decodeOrderFile(new Uint8Array(await file.arrayBuffer()));
      if (!decoded.ok) {
        showProblems(card, file.name, [decoded.problem]);
        return;
      }
      text = decoded.text;
    } catch (e) {
      showMessage("error", `${file.name} could not be read.`, `${errorText(e)} Nothing was written.`);
      return;
    } finally {
      setStatus("");
    }
    const result = importOrderRates(card, file.name, text);
    if (!result.ok) {
      showProblems(card, file.name, result.problems);
      return;
    }
    await runLoad(
      [{ table: result.table, ...captionFor(card, { fileName: file.name, importedOn: todayIso() }) }],
      `the Order's rates from ${file.name}`,
    );
  });
  if (!ran && busy) skippedFile = file.name;
}

/** Lists an Order file's problems under its card: the first 100, then how many more. */
function showProblems(card: AnyRateTable, fileName: string, problems: readonly ImportProblem[]): void {
  const box = $(`problems-${domId(card)}`);
  const { shown, more } = listedProblems(problems);
  const items = shown.map((p) => h("li", {}, describeProblem(p)));
  if (more > 0) items.push(h("li", { class: "more" }, `…and ${plural(more, "more problem")}.`));
  const list = h("ul", {});
  list.append(...items);
  box.replaceChildren(
    h(
      "p",
      {},
      h("strong", {}, `${fileName}: ${plural(problems.length, "problem")}.`),
      " Nothing was written. Fix the file and pick it again.",
    ),
    list,
  );
  box.hidden = false;
  showMessage(
    "error",
    `${fileName} was not loaded.`,
    `${plural(problems.length, "problem")} in the file (listed under “${card.title}”). Nothing was written.`,
  );
  $<HTMLButtonElement>(`order-${domId(card)}`).focus();
}

// ---------------------------------------------------------------------------------------------
// Sheets: "New quote" and "Check an invoice"
// ---------------------------------------------------------------------------------------------

/** One button per registered sheet (src/sheets/index.ts), in its order. */
function renderSheetButtons(): void {
  const box = document.querySelector<HTMLElement>(".sheet-actions");
  if (!box) throw new Error(".sheet-actions is missing from taskpane.html");
  box.replaceChildren(
    ...SHEETS.map((s) => {
      const button = h("button", { id: s.button.id, type: "button", class: "button" }, s.button.label);
      button.addEventListener("click", () => void onNewSheet(s.kind));
      return button;
    }),
  );
}

async function onNewSheet(kind: SheetKind): Promise<void> {
  if (typeof Excel === "undefined" || typeof Excel.run !== "function") {
    showMessage("error", "Excel is not available.", "Open this pane from Excel (Home > Rate cards) to build the sheet.");
    return;
  }
  if (!excelApiSupported(SHEET_API_SET)) {
    showMessage(
      "error",
      "This version of Excel cannot build the sheet.",
      `It needs Excel JavaScript API ${SHEET_API_SET}. Nothing was written.`,
    );
    return;
  }
  const { what, ready } = sheetSpec(kind);
  // The same busy guard as a rate-card load: one Excel batch at a time.
  await guarded(async () => {
    clearMessages();
    setStatus(`Building ${what}…`);
    try {
      const report = await writeSheet(kind, { run: excelRun, onProgress: setStatus });
      const from = [...report.loaded.tables, ...report.loaded.names].filter((n) => /^Kustomer_/i.test(n));
      showMessage(
        "success",
        `Sheet “${report.sheet}” is ready.`,
        ready,
        from.length > 0 ? ` Rates from this workbook: ${from.join(", ")}.` : " Built-in rates (no rate card is loaded).",
      );
    } catch (e) {
      showMessage("error", `Excel could not build ${what}.`, `${errorMessage(e)} Nothing was left half-written; try again.`);
    } finally {
      setStatus("");
    }
  });
}

// ---------------------------------------------------------------------------------------------
// The workbook's date system
// ---------------------------------------------------------------------------------------------

/** Shows the date system read at start-up; opens the checkbox where the user's answer is what counts. */
async function showDateSystem(): Promise<void> {
  const box = $<HTMLInputElement>("date-1904");
  if (dateSystemStartup === undefined) return;
  await dateSystemStartup;
  box.checked = workbookDateSystem() === "1904";
  const note = $("date-system-note");
  if (dateSystemSource() === "excel") {
    note.textContent = `Excel reports that this workbook uses the ${workbookDateSystem()} date system; the KUSTOMER functions read dates in it.`;
    dateSettingOpen = false;
  } else {
    dateSettingOpen = documentSettings() !== undefined;
  }
  box.disabled = busy || !dateSettingOpen;
}

async function onDateSystemChange(box: HTMLInputElement): Promise<void> {
  const system = box.checked ? "1904" : "1900";
  const settings = documentSettings();
  if (!settings || typeof Excel === "undefined") return;
  const ran = await guarded(async () => {
    clearMessages();
    setStatus(`Switching to the ${system} date system…`);
    try {
      await chooseDateSystem(system, { settings, run: excelRun });
      showMessage(
        "success",
        `Dates are read in the ${system} date system.`,
        "Stored in the workbook (kept when you save it); the formulas were recalculated.",
      );
    } catch (e) {
      if (workbookDateSystem() === system) {
        showMessage(
          "warning",
          `Dates are read in the ${system} date system.`,
          `Excel did not recalculate (${errorText(e)}); press Ctrl+Alt+F9.`,
        );
      } else {
        box.checked = !box.checked;
        showMessage("error", "The date system was not changed.", `${errorText(e)} Nothing was saved.`);
      }
    } finally {
      setStatus("");
    }
  });
  if (!ran) box.checked = workbookDateSystem() === "1904";
}

// ---------------------------------------------------------------------------------------------
// Start
// ---------------------------------------------------------------------------------------------

function start(): void {
  renderCards();
  renderSheetButtons();
  document.body.dataset.paneReady = "true";
  if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
    const dateBox = $<HTMLInputElement>("date-1904");
    dateBox.addEventListener("change", () => void onDateSystemChange(dateBox));
    void Office.onReady((info) => {
      applyOfficeTheme();
      if (!info.host) notInExcel();
      else void showDateSystem();
      document.body.dataset.officeReady = "true";
    });
  } else {
    notInExcel();
  }
}

/** Office's theme where the host defines one (else taskpane.css follows the system's), passed on to the help link. */
function applyOfficeTheme(): void {
  let officeTheme: { bodyBackgroundColor?: string } | undefined;
  try {
    officeTheme = Office.context?.officeTheme;
  } catch {
    officeTheme = undefined; // no host context outside Excel
  }
  const theme = themeOf(officeTheme);
  if (!theme) return;
  document.documentElement.dataset.theme = theme;
  document.getElementById("help-link")?.setAttribute("href", `help.html?theme=${theme}`);
}

/** Outside Excel (a browser, or office.js missing): loading is off, and the reason stands beside the button. */
function notInExcel(): void {
  outsideExcel = true;
  const reason = $("load-reason");
  reason.textContent = "Open this pane from Excel (Home > Rate cards) to load the cards.";
  reason.hidden = false;
  updateSelection();
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
