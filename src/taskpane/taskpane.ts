/**
 * The task pane: lists the rate cards (title, source document, that document's date), loads the
 * selected ones into the workbook, or one card from an Order's CSV/JSON file. UI only: the rates
 * come from rules/rates, the Order file is validated by rules/rates/order-import, and the
 * workbook is written by ./excel-writer (at most two round trips). The page is shared with the
 * custom functions runtime.
 */
import { RATE_CARDS } from "../rules/rates";
import { describeProblem, importOrderRates, MAX_ORDER_FILE_CHARS } from "../rules/rates/order-import";
import { type AnyRateTable, sheetNameFor } from "../rules/rates/sheet-layout";
import { type CardLoad, type Choice, type Conflict, loadCards, type Outcome } from "./excel-writer";
import { captionFor, sourceOf, todayIso } from "./format";
import { type SheetKind, writeSheet } from "./sheet-writer";

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

let busy = false;

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
        accept: ".csv,.json,text/csv,application/json",
        hidden: "",
        id: `file-${id}`,
        "data-card": card.id,
      });
      file.addEventListener("change", () => void onOrderFile(card, file));
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
      pick.addEventListener("click", () => file.click());
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
  $<HTMLButtonElement>("load").addEventListener("click", () => void onLoadSelected());
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
  load.disabled = busy || n === 0;
}

// ---------------------------------------------------------------------------------------------
// Status, progress, messages
// ---------------------------------------------------------------------------------------------

function setBusy(on: boolean, text = ""): void {
  busy = on;
  $("progress").hidden = !on;
  $("app").setAttribute("aria-busy", String(on));
  for (const b of document.querySelectorAll<HTMLButtonElement>("#cards button, #select-all")) b.disabled = on;
  for (const b of cardBoxes()) b.disabled = on;
  $<HTMLInputElement>("select-all").disabled = on;
  updateSelection();
  if (text) setStatus(text);
}

function setStatus(text: string): void {
  $("status").textContent = text;
}

function showMessage(kind: "error" | "success" | "warning", title: string, ...detail: (Node | string)[]): void {
  const role = kind === "error" ? "alert" : "status";
  $("message").replaceChildren(
    h("div", { class: `message ${kind}`, role }, h("p", {}, h("strong", {}, title), detail.length ? " " : "", ...detail)),
  );
}

function clearMessages(): void {
  $("message").replaceChildren();
  $("results").replaceChildren();
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
  }
}

function showOutcomes(outcomes: readonly Outcome[]): void {
  $("results").replaceChildren(
    ...outcomes.map((o) => {
      const d = describeOutcome(o);
      return h("li", { class: d.cls, "data-status": o.status, "data-card": o.id }, d.text);
    }),
  );
  const count = (s: Outcome["status"][]) => outcomes.filter((o) => s.includes(o.status)).length;
  const written = count(["created", "replaced", "beside", "names-added"]);
  const same = count(["up-to-date"]);
  const kept = count(["kept"]);
  if (outcomes.length > 0 && count(["cancelled"]) === outcomes.length) {
    showMessage("warning", "Load cancelled.", "Nothing was written.");
  } else if (written === 0 && same === outcomes.length) {
    showMessage(
      "success",
      "Already up to date.",
      `${plural(same, "card")} already in the workbook with the same rates; nothing was changed.`,
    );
  } else {
    const parts = [
      written > 0 ? `${plural(written, "card")} loaded` : "",
      same > 0 ? `${same} already up to date` : "",
      kept > 0 ? `${kept} kept as they were` : "",
    ];
    showMessage("success", "Done.", `${parts.filter(Boolean).join(", ")}.`);
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function excelError(e: unknown): string {
  const err = e as { message?: string; code?: string; debugInfo?: { message?: string } };
  return err?.debugInfo?.message ?? err?.message ?? String(e);
}

// ---------------------------------------------------------------------------------------------
// Conflicts: a modal dialog with a radio group per card
// ---------------------------------------------------------------------------------------------

const CHOICES: { value: Choice; label: string; hint: (c: Conflict) => string }[] = [
  { value: "keep", label: "Keep my sheet", hint: (c) => `Leave “${c.sheet}” as it is; this card is not loaded.` },
  { value: "replace", label: "Replace it, keeping a backup", hint: () => "The old sheet is copied to a dated backup sheet first." },
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
 * The writer copies a sheet before replacing it (ExcelApi 1.10) and points names with formulas
 * (1.7). The manifest does not require them, so the functions still load in older Excel; the pane
 * says what is missing instead of failing half-way. True where Office cannot tell (outside Excel).
 */
function excelApiSupported(): boolean {
  const requirements = typeof Office !== "undefined" ? Office.context?.requirements : undefined;
  return !requirements || typeof requirements.isSetSupported !== "function" || requirements.isSetSupported("ExcelApi", "1.10");
}

async function runLoad(loads: CardLoad[], what: string): Promise<void> {
  if (typeof Excel === "undefined" || typeof Excel.run !== "function") {
    showMessage("error", "Excel is not available.", "Open this pane from Excel (Home > Rate cards) to load the cards.");
    return;
  }
  if (!excelApiSupported()) {
    showMessage(
      "error",
      "This version of Excel cannot load the rate cards.",
      "Loading needs Excel JavaScript API 1.10 (to keep a backup copy of a sheet before replacing it). Update Excel, or use Excel on the web. Nothing was written.",
    );
    return;
  }
  clearMessages();
  setBusy(true, `Loading ${what}…`);
  try {
    const report = await loadCards(loads, {
      run: (batch) => Excel.run(batch),
      today: todayIso(),
      choose: chooseInDialog,
      onProgress: setStatus,
    });
    showOutcomes(report.outcomes);
    setStatus("");
    $("message").scrollIntoView({ block: "nearest" });
  } catch (e) {
    showMessage(
      "error",
      "Excel could not finish the load.",
      `${excelError(e)} Sheets already written stay as they are; loading again is safe.`,
    );
    setStatus("");
    $("message").scrollIntoView({ block: "nearest" });
  } finally {
    setBusy(false);
  }
}

async function onLoadSelected(): Promise<void> {
  const cards = selectedCards();
  if (cards.length === 0 || busy) return;
  for (const c of cards) hideProblems(c);
  await runLoad(
    cards.map((card) => ({ table: card, ...captionFor(card) })),
    plural(cards.length, "rate card"),
  );
}

function hideProblems(card: AnyRateTable): void {
  const box = $(`problems-${domId(card)}`);
  box.hidden = true;
  box.replaceChildren();
}

async function onOrderFile(card: AnyRateTable, input: HTMLInputElement): Promise<void> {
  const file = input.files?.[0];
  input.value = ""; // picking the same file again fires change again
  if (!file || busy) return;
  clearMessages();
  hideProblems(card);
  let text: string;
  try {
    if (file.size > MAX_ORDER_FILE_CHARS * 4)
      throw new Error(`${file.name} is ${Math.round(file.size / 1e6)} MB; a rate card is a few rows.`);
    text = await file.text();
  } catch (e) {
    showMessage("error", `${file.name} could not be read.`, `${(e as Error).message} Nothing was written.`);
    return;
  }
  const result = importOrderRates(card, file.name, text);
  if (!result.ok) {
    const box = $(`problems-${domId(card)}`);
    box.replaceChildren(
      h(
        "p",
        {},
        h("strong", {}, `${file.name}: ${plural(result.problems.length, "problem")}.`),
        " Nothing was written. Fix the file and pick it again.",
      ),
      h("ul", {}, ...result.problems.map((p) => h("li", {}, describeProblem(p)))),
    );
    box.hidden = false;
    showMessage(
      "error",
      `${file.name} was not loaded.`,
      `${plural(result.problems.length, "problem")} in the file (listed under “${card.title}”). Nothing was written.`,
    );
    $<HTMLButtonElement>(`order-${domId(card)}`).focus();
    return;
  }
  await runLoad(
    [{ table: result.table, ...captionFor(card, { fileName: file.name, importedOn: todayIso() }) }],
    `the Order's rates from ${file.name}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Sheets: "New quote" and "Check an invoice" (issue 12)
// ---------------------------------------------------------------------------------------------

async function onNewSheet(kind: SheetKind): Promise<void> {
  if (busy) return;
  if (typeof Excel === "undefined" || typeof Excel.run !== "function") {
    showMessage("error", "Excel is not available.", "Open this pane from Excel (Home > Rate cards) to build the sheet.");
    return;
  }
  // Print areas need ExcelApi 1.9 (validation 1.8, conditional formats 1.6).
  const requirements = typeof Office !== "undefined" ? Office.context?.requirements : undefined;
  if (requirements && typeof requirements.isSetSupported === "function" && !requirements.isSetSupported("ExcelApi", "1.9")) {
    showMessage("error", "This version of Excel cannot build the sheet.", "It needs Excel JavaScript API 1.9. Nothing was written.");
    return;
  }
  const what = kind === "quote" ? "the quote" : "the invoice check";
  clearMessages();
  setBusy(true, `Building ${what}…`);
  for (const b of sheetButtons()) b.disabled = true;
  try {
    const report = await writeSheet(kind, { run: (batch) => Excel.run(batch), onProgress: setStatus });
    const from = [...report.loaded.tables, ...report.loaded.names].filter((n) => /^Kustomer_/i.test(n));
    showMessage(
      "success",
      `Sheet “${report.sheet}” is ready.`,
      kind === "quote"
        ? "Type in the yellow cells; the lines and the total follow."
        : "Paste the invoice's lines into the table; each line is checked against the terms.",
      from.length > 0 ? ` Rates from this workbook: ${from.join(", ")}.` : " Built-in rates (no rate card is loaded).",
    );
  } catch (e) {
    showMessage("error", `Excel could not build ${what}.`, `${excelError(e)} Nothing was left half-written; try again.`);
  } finally {
    setStatus("");
    setBusy(false);
    for (const b of sheetButtons()) b.disabled = false;
  }
}

function sheetButtons(): HTMLButtonElement[] {
  return [$<HTMLButtonElement>("new-quote"), $<HTMLButtonElement>("check-invoice")];
}

// ---------------------------------------------------------------------------------------------
// Start
// ---------------------------------------------------------------------------------------------

function start(): void {
  renderCards();
  $<HTMLButtonElement>("new-quote").addEventListener("click", () => void onNewSheet("quote"));
  $<HTMLButtonElement>("check-invoice").addEventListener("click", () => void onNewSheet("invoice"));
  document.body.dataset.paneReady = "true";
  if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
    void Office.onReady((info) => {
      if (!info.host) setStatus("Open this pane from Excel (Home > Rate cards) to load the cards.");
      document.body.dataset.officeReady = "true";
    });
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
