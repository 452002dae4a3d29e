/* The pane's dark palette is written once, in src/taskpane/taskpane.css, as the block
 * `:root[data-theme="dark"] { ... }` (the pane sets data-theme from Office's theme, the help page
 * from its URL). Where neither sets it (Excel on the web, the help page opened directly), the
 * system's preference decides: the build adds the same block under
 * `@media (prefers-color-scheme: dark)` for a root not set to light, so the two never differ. */
"use strict";

const DARK = /^:root\[data-theme="dark"\] \{\n([^}]*)\}\n/m;

/** The stylesheet as served: the dark palette also under the system's dark preference. */
function withPreferredDark(css) {
  const m = DARK.exec(css);
  if (!m) throw new Error('taskpane.css has no :root[data-theme="dark"] { ... } block: the dark palette is missing');
  if (/prefers-color-scheme:\s*dark/.test(css)) throw new Error("taskpane.css already has a prefers-color-scheme: dark block: write the dark palette once");
  const body = m[1]
    .split("\n")
    .map((l) => (l === "" ? l : `  ${l}`))
    .join("\n");
  const preferred = `\n/* The same palette where the system prefers dark and nothing set the theme (added by the build: scripts/theme-css.js). */\n@media (prefers-color-scheme: dark) {\n  :root:not([data-theme="light"]) {\n${body}  }\n}\n`;
  const at = m.index + m[0].length;
  return css.slice(0, at) + preferred + css.slice(at);
}

module.exports = { withPreferredDark };
