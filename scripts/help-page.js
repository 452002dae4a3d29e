/* Renders the add-in's help page (dist/help.html) from the generated functions.json and the
 * documented examples (src/functions/*.examples.json). One section per function, anchored by its
 * name, which is where each function's helpUrl points. Used by webpack.config.js.
 *
 * Every example is live: its arguments are fields and the page computes the result with the
 * add-in's own functions bundle as they are edited (src/help/help.ts). Everything here is
 * derived from the metadata and the examples, so a new function or argument appears without a
 * change to this file:
 *  - a parameter with dimensionality "matrix" is a small editable grid (a range);
 *  - a parameter that names a date (its name ends in date/day/month/start/end/at, or its
 *    description speaks of dates) is a date field when its example is a date serial or ISO
 *    text: a text field typed as the page writes every date, ISO (2025-06-02, or
 *    2025-06-02 02:00 with a time), so any cell of a range may carry a time;
 *  - a parameter with a customEnumId offers the enum's values;
 *  - anything else is a cell, typed as Excel types it (number, TRUE/FALSE, text, blank).
 *  - a range's columns are as wide as their longest value, and the range scrolls inside its card.
 * Results: dates (with the serial beside) when the function takes a date and every documented
 * result is a date serial; money to the cent when the description's lead names a charge, fee,
 * amount, price or proration (not for spills); a percentage when it names a percentage (not
 * "as a fraction"); General otherwise. An examples entry may say
 * `"format": "date" | "money" | "percent" | "general"` to decide instead. */
"use strict";

const fs = require("fs");
const path = require("path");

const FUNCTIONS_DIR = path.join(__dirname, "..", "src", "functions");

/** The examples files, sorted: src/functions/<family>.examples.json. */
function exampleFiles() {
  return fs
    .readdirSync(FUNCTIONS_DIR)
    .filter((n) => n.endsWith(".examples.json"))
    .sort();
}

/** The documented examples and errors of every function: src/functions/*.examples.json, merged.
 * `onFile` is told each file read (webpack watches them). */
function loadExamples(onFile = () => {}) {
  const merged = {};
  for (const f of exampleFiles()) {
    const file = path.join(FUNCTIONS_DIR, f);
    onFile(file);
    for (const [name, doc] of Object.entries(JSON.parse(fs.readFileSync(file, "utf8")))) {
      if (merged[name]) throw new Error(`${name} is documented twice (second time in ${f})`);
      merged[name] = doc;
    }
  }
  return merged;
}

/** The family of each documented function, from its examples file: { PRORATE: "Billing", ... }. */
function loadFamilies() {
  const families = {};
  for (const f of exampleFiles()) {
    const family = f.replace(/\.examples\.json$/, "");
    const title = family.charAt(0).toUpperCase() + family.slice(1);
    for (const name of Object.keys(JSON.parse(fs.readFileSync(path.join(FUNCTIONS_DIR, f), "utf8")))) families[name] = title;
  }
  return families;
}

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
const attr = (name, value) => (value === undefined || value === null ? "" : ` ${name}="${esc(value)}"`);

// ---- What a parameter is ---------------------------------------------------------------

const DATE_NAME = /(^|_)(date|day|month|start|end|at)$|(^|_)date(_|$)/i;
const DATE_DESCRIPTION = /\bdates?\b|\bdate-times?\b/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?$/;
const MAX_SERIAL = 2958465;
const DAY_MS = 86400000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);

const isDateParam = (p) => DATE_NAME.test(p.name) || DATE_DESCRIPTION.test(p.description || "");
const isSerial = (v) => typeof v === "number" && Number.isFinite(v) && v >= 1 && v < MAX_SERIAL + 1;

/** ISO text of a 1900-system serial (UTC): "2025-02-14" or "2025-06-07T01:00[:ss]". */
function isoFromSerial(serial) {
  const whole = Math.floor(serial);
  const ms = EPOCH_1900 + (whole <= 60 ? whole + 1 : whole) * DAY_MS + Math.round((serial - whole) * DAY_MS);
  const iso = new Date(ms).toISOString();
  if (serial % 1 === 0) return iso.slice(0, 10);
  return iso.slice(19 - 3, 19) === ":00" ? iso.slice(0, 16) : iso.slice(0, 19);
}

/** How a date parameter's value is edited: { as, value } (value as the field shows it), or null
 * when it is not a date. A serial is shown as ISO ("2025-06-02 02:00") and passed as the serial;
 * ISO text is passed as the text it is. */
function dateField(v) {
  if (v === null || v === undefined || v === "") return { as: "serial", value: "" };
  if (typeof v === "string" && ISO_DATE.test(v.trim())) return { as: "iso", value: v.trim() };
  if (isSerial(v)) return { as: "serial", value: isoFromSerial(v).replace("T", " ") };
  return null;
}

/** A date field: text typed as ISO, described by the page's note on dates. */
const dateInput = (d, extra) =>
  `<input type="text" data-kind="date" data-as="${d.as}" value="${esc(d.value)}" placeholder="yyyy-mm-dd" aria-describedby="date-hint" spellcheck="false"${extra}>`;

const cellText = (v) => (v === null || v === undefined ? "" : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v));

/** One editable field: a date input or a text cell (with the enum's values offered). */
function fieldHtml(p, v, extra) {
  if (isDateParam(p)) {
    const d = dateField(v);
    if (d) return dateInput(d, extra);
  }
  if (p.customEnumId) return `<input type="text" data-kind="enum" list="enum-${esc(p.customEnumId)}" value="${esc(cellText(v))}"${extra}>`;
  return `<input type="text" data-kind="cell" value="${esc(cellText(v))}"${extra}>`;
}

/** Widths of a range's fields, in characters: each column as wide as its longest value, plus one
 * (4 to 64; a rate table's longest header has 47 characters, and no engine fits it in fewer). */
function columnSizes(texts) {
  const sizes = [];
  for (const r of texts) r.forEach((t, ci) => (sizes[ci] = Math.max(sizes[ci] || 4, Math.min(64, t.length + 1))));
  return sizes;
}

function gridHtml(p, v, i, id) {
  const rows = Array.isArray(v) && v.length ? v.map((r) => (Array.isArray(r) ? r : [r])) : [[null]];
  // A date range passes what its first filled cell is (serials, or ISO text); any cell may carry a time.
  const first = rows.flat().find((c) => c !== null && c !== undefined && c !== "");
  const dates = isDateParam(p) ? dateField(first) : null;
  const shown = rows.map((r) => r.map((c) => (dates ? (dateField(c) || { value: cellText(c) }).value : cellText(c))));
  const sizes = columnSizes(shown);
  const cell = (text, ci, label) => {
    const size = ` size="${sizes[ci]}"`;
    if (!dates) return `<input type="text" data-kind="cell" value="${esc(text)}"${size}${label}>`;
    return dateInput({ as: dates.as, value: text }, `${size}${label}`);
  };
  const body = shown
    .map(
      (r, ri) =>
        `<tr><th scope="row">${ri + 1}</th>${r
          .map((c, ci) => `<td>${cell(c, ci, ` aria-label="${esc(p.name)}, row ${ri + 1}${r.length > 1 ? `, column ${ci + 1}` : ""}"`)}</td>`)
          .join("")}</tr>`,
    )
    .join("");
  return `<div class="grid" role="group" aria-labelledby="${id}-label" data-arg="${i}" data-kind="grid" data-optional="${p.optional ? "true" : "false"}">
<div class="grid-scroll"><table><tbody>${body}</tbody></table></div>
<div class="grid-actions"><button type="button" class="button subtle" data-grid-action="add">+ Row</button><button type="button" class="button subtle" data-grid-action="remove">− Row</button></div>
</div>`;
}

function argHtml(fn, p, v, i, id) {
  const name = `<span class="arg-name">${esc(p.name)}</span>${p.optional ? ' <span class="optional">optional</span>' : ""}`;
  if (p.dimensionality === "matrix" || Array.isArray(v)) {
    // A range of several columns (a rate table) takes the example's whole width.
    const wide = Array.isArray(v) && v.some((r) => Array.isArray(r) && r.length > 1);
    return `<div class="field${wide ? " wide" : ""}"><span class="field-label" id="${id}-label">${name}</span>${gridHtml(p, v, i, id)}</div>`;
  }
  const placeholder = p.optional ? ' placeholder="omitted"' : "";
  const input = fieldHtml(p, v, ` id="${id}" data-arg="${i}"${placeholder}`);
  const serial = /data-kind="date" data-as="serial"/.test(input)
    ? `<span class="serial" title="The date serial passed to the function">${isSerial(v) ? esc(String(v)) : ""}</span>`
    : "";
  return `<div class="field"><label class="field-label" for="${id}">${name}</label><span class="field-input">${input}${serial}</span></div>`;
}

// ---- How a result is shown --------------------------------------------------------------

function resultFormat(fn, doc) {
  if (doc.format) return doc.format;
  const results = (doc.examples || [])
    .flatMap((e) => (Array.isArray(e.result) ? e.result.flat() : [e.result]))
    .filter((v) => typeof v === "number");
  // 20000..80000: 1954 to 2119, what a contract's dates are; a count or an amount is rarely all of them.
  if ((fn.parameters || []).some(isDateParam) && results.length > 0 && results.every((v) => v >= 20000 && v <= 80000 && isSerial(v)))
    return "date";
  const spills = fn.result && fn.result.dimensionality === "matrix";
  const lead = (fn.description || "").split(":")[0];
  if (!spills && /\b(charge|fee|amount|price|prorat\w*)\b/i.test(lead)) return "money";
  if (!spills && /\bpercentage\b/i.test(lead) && !/\bfraction\b/i.test(lead)) return "percent";
  return "general";
}

function exampleHtml(fn, e, k, ns, format) {
  const params = fn.parameters || [];
  const fields = params.map((p, i) => argHtml(fn, p, (e.args || [])[i], i, `ex-${fn.name}-${k}-${i}`)).join("\n");
  const formula = e.formula || `=${ns}.${fn.name}()`;
  // The formula shown is the documented one until an argument is edited, then the one a user would
  // type for the current arguments (src/help/help.ts).
  return `<form class="example" data-fn="${esc(fn.id || fn.name)}" data-call="${esc(`${ns}.${fn.name}`)}" data-format="${format}" data-params="${params.length}" autocomplete="off">
<p class="formula"><code data-formula="${esc(formula)}">${esc(formula)}</code></p>
<div class="fields">
${fields}
</div>
<div class="result"><span class="result-label">Result</span><output class="result-value" aria-live="polite">${esc(JSON.stringify(e.result))}</output><button type="reset" class="button subtle reset" aria-label="Reset: back to the documented arguments">Reset</button></div>
${e.working ? `<p class="working">${esc(e.working)}</p>` : ""}
</form>`;
}

function renderFunction(fn, doc, ns) {
  const format = resultFormat(fn, doc);
  // Break opportunities after "(" and each ", ", so a long signature wraps between arguments.
  const signature = `${esc(ns)}.${esc(fn.name)}(<wbr>${(fn.parameters || []).map((p) => esc(p.optional ? `[${p.name}]` : p.name)).join(",<wbr> ")})`;
  const params = (fn.parameters || [])
    .map(
      (p) =>
        `<dt><code>${esc(p.name)}</code>${p.optional ? ' <span class="optional">optional</span>' : ""}</dt><dd>${esc(p.description || "")}</dd>`,
    )
    .join("\n");
  const examples = (doc.examples || []).map((e, k) => exampleHtml(fn, e, k, ns, format)).join("\n");
  const errors = (doc.errors || []).map((e) => `<li><code class="error-code">${esc(e.error)}</code> ${esc(e.when)}</li>`).join("\n");
  return `<section id="${esc(fn.name)}">
<h2><code>${signature}</code></h2>
<p>${esc(fn.description || "")}</p>
${params ? `<dl class="params">\n${params}\n</dl>` : ""}
${examples ? `<h3>Try it</h3>\n${examples}` : ""}
${errors ? `<h3>Errors</h3><ul class="errors">\n${errors}\n</ul>` : ""}
</section>`;
}

function datalists(metadata) {
  return (metadata.enums || [])
    .map(
      (en) =>
        `<datalist id="enum-${esc(en.id)}">${(en.values || [])
          .map(
            (v) =>
              `<option value="${esc(v.stringValue !== undefined ? v.stringValue : v.numberValue)}"${attr("label", v.tooltip)}></option>`,
          )
          .join("")}</datalist>`,
    )
    .join("\n");
}

/**
 * The page. `options.scripts`: the scripts to load, in order (the help script first, then the
 * functions bundle's files); `options.styles`: the style sheets; `options.families`: the family
 * of each function, for the contents.
 */
function renderHelpPage(metadata, examples, ns, options = {}) {
  const scripts = options.scripts || ["help.js", "functions.js"];
  const styles = options.styles || ["taskpane.css", "help.css"];
  const families = options.families || {};
  const fns = [...metadata.functions].sort((a, b) => a.name.localeCompare(b.name));
  const groups = new Map();
  for (const f of fns) {
    const family = families[f.name] || "Other";
    if (!groups.has(family)) groups.set(family, []);
    groups.get(family).push(f);
  }
  const toc = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([family, list]) =>
        `<li><span class="toc-family">${esc(family)}</span><ul>${list.map((f) => `<li><a href="#${esc(f.name)}">${esc(f.name)}</a></li>`).join("")}</ul></li>`,
    )
    .join("\n");
  // The sections in the order of the contents: by family, then by name.
  const body = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([, list]) => list)
    .map((f) => renderFunction(f, examples[f.name] || {}, ns))
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(ns)} functions: help</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
${styles.map((s) => `<link rel="stylesheet" href="${esc(s)}">`).join("\n")}
${scripts.map((s) => `<script defer src="${esc(s)}"></script>`).join("\n")}
</head>
<body class="help">
<a class="skip-link" href="#functions">Skip to the functions</a>
<nav class="toc" aria-label="Functions">
<p class="toc-title">${esc(ns)} functions</p>
<ul>
${toc}
</ul>
</nav>
<main id="functions" tabindex="-1">
<header>
<h1>${esc(ns)} custom functions</h1>
<p>Every example below is live: edit its arguments and the result is recomputed by the add-in's own functions, in this page (no Excel, nothing sent anywhere).
Ranges are small grids (+ Row adds a row); the formula above each example is the one to type for its current arguments.</p>
<p class="note" id="date-hint">Dates, in fields and results alike, are written yyyy-mm-dd (2025-02-14), with a time yyyy-mm-dd hh:mm (2025-06-02 02:00, 24-hour); the functions receive them as Excel date serials (the number beside), or as the ISO text typed where an example passes text.</p>
<p class="note">Results are shown as Excel shows them once formatted: dates with the serial beside, money to the cent, percentages, other numbers to Excel's 15 significant digits, spills as grids with each row in its own format. A value underlined with dots is rounded: select it (click, tap, or Enter) to show the exact, unrounded value the function returns; wrap a result in ROUND to round it.
Errors: <code class="error-code">#VALUE!</code> wrong type or unknown name; <code class="error-code">#NUM!</code> a number or date out of range; <code class="error-code">#N/A</code> where the terms say n/a.
Excel shows the message of a <code>#VALUE!</code> or <code>#N/A</code> in the cell's error flag; for <code>#NUM!</code> it shows none, so each function lists its <code>#NUM!</code> causes.</p>
<p class="note">An Order's own rates: the functions that read a rate card take the Order's table as their last argument, <code>rates</code>, e.g. <code>=${esc(ns)}.STORAGEALLOWANCE("Ultimate","data",,B2,,Kustomer_StorageAllocation[#All])</code>, with or without the header row, rows in any order. A bad table is <code>#VALUE!</code> naming its row and column; a name the table does not hold is <code>#N/A</code>.</p>
<noscript><p class="note">Scripts are off: the results shown are the documented ones, as JSON.</p></noscript>
</header>
${body}
</main>
${datalists(metadata)}
</body></html>
`;
}

module.exports = { renderHelpPage, loadExamples, loadFamilies, resultFormat, isDateParam, dateField, isoFromSerial };
