/* Renders the add-in's help page (dist/help.html) from the generated functions.json and the
 * documented examples (src/functions/examples.json). One section per function, anchored by its
 * name, which is where each function's helpUrl points. Used by webpack.config.js. */
"use strict";

const fs = require("fs");
const path = require("path");

const FUNCTIONS_DIR = path.join(__dirname, "..", "src", "functions");

/** The documented examples and errors of every function: src/functions/*.examples.json, merged.
 * `onFile` is told each file read (webpack watches them). */
function loadExamples(onFile = () => {}) {
  const merged = {};
  for (const f of fs
    .readdirSync(FUNCTIONS_DIR)
    .filter((n) => n.endsWith(".examples.json"))
    .sort()) {
    const file = path.join(FUNCTIONS_DIR, f);
    onFile(file);
    for (const [name, doc] of Object.entries(JSON.parse(fs.readFileSync(file, "utf8")))) {
      if (merged[name]) throw new Error(`${name} is documented twice (second time in ${f})`);
      merged[name] = doc;
    }
  }
  return merged;
}

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

function renderFunction(fn, doc, ns) {
  const params = (fn.parameters || [])
    .map((p) => `<tr><td><code>${esc(p.name)}</code>${p.optional ? " (optional)" : ""}</td><td>${esc(p.description || "")}</td></tr>`)
    .join("\n");
  const signature = `${ns}.${fn.name}(${(fn.parameters || []).map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
  const examples = (doc.examples || [])
    .map(
      (e) =>
        `<tr><td><code>${esc(e.formula)}</code></td><td><code>${esc(JSON.stringify(e.result))}</code></td><td>${esc(e.working || "")}</td></tr>`,
    )
    .join("\n");
  const errors = (doc.errors || []).map((e) => `<li><code>${esc(e.error)}</code>: ${esc(e.when)}</li>`).join("\n");
  return `<section id="${esc(fn.name)}">
<h2><code>${esc(signature)}</code></h2>
<p>${esc(fn.description || "")}</p>
<table><thead><tr><th>Argument</th><th>Meaning</th></tr></thead><tbody>
${params}
</tbody></table>
${examples ? `<h3>Examples</h3><table><thead><tr><th>Formula</th><th>Result</th><th>Working</th></tr></thead><tbody>\n${examples}\n</tbody></table>` : ""}
${errors ? `<h3>Errors</h3><ul>\n${errors}\n</ul>` : ""}
</section>`;
}

function renderHelpPage(metadata, examples, ns) {
  const fns = [...metadata.functions].sort((a, b) => a.name.localeCompare(b.name));
  const toc = fns.map((f) => `<li><a href="#${esc(f.name)}">${esc(ns)}.${esc(f.name)}</a></li>`).join("\n");
  const body = fns.map((f) => renderFunction(f, examples[f.name] || {}, ns)).join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(ns)} functions: help</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:"Segoe UI",-apple-system,system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#242424;line-height:1.45}
h1{font-weight:600}h2{font-size:1.15rem;border-top:1px solid #e0e0e0;padding-top:1rem}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #e0e0e0;padding:.3rem .5rem;text-align:left;vertical-align:top}
code{font-family:Consolas,"SF Mono",monospace}
</style></head>
<body>
<h1>${esc(ns)} custom functions</h1>
<p>Dates are Excel date serials or ISO text (2025-01-31). Money is computed exactly and returned unrounded: wrap a result in ROUND to round it.
Errors: <code>#VALUE!</code> wrong type or unknown name; <code>#NUM!</code> a number or date out of range; <code>#N/A</code> where the terms say n/a.
Excel shows the message of a <code>#VALUE!</code> or <code>#N/A</code> in the cell's error flag; for <code>#NUM!</code> it shows none, so each function lists its <code>#NUM!</code> causes below.</p>
<p>An Order's own rates: the functions that read a rate card take the Order's table as their last argument, <code>rates</code>, e.g. <code>=${esc(ns)}.STORAGEALLOWANCE("Ultimate","data",,B2,,Kustomer_StorageAllocation[#All])</code>, with or without the header row, rows in any order. A bad table is <code>#VALUE!</code> naming its row and column; a name the table does not hold is <code>#N/A</code>.</p>
<ul>
${toc}
</ul>
${body}
</body></html>
`;
}

module.exports = { renderHelpPage, loadExamples };
