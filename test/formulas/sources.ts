/**
 * Every place the add-in writes, documents or suggests a formula, as texts to read:
 * - writes: the cells, calculated columns and conditional formats of every sheet layout (with no
 *   rate card loaded and with every card loaded), the workbook names of the rate cards, and the
 *   formula the pane shows after a load (rates-snippet);
 * - documents: README.md, docs/*.md, samples/, src/functions/*.examples.json, the built pages
 *   (help.html, taskpane.html and the site pages, their scripts and styles aside), and the
 *   formulas the help page writes for an example's arguments;
 * - suggests: every function's and argument's description in the built dist/functions.json;
 * - and, whatever path builds or shows it, every text constant in src/ (a piece of a formula, a
 *   message, a label), read as prose.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { join, relative } from "path";
import * as ts from "typescript";
import { RATE_CARDS } from "../../src/rules/rates";
import { SHEETS } from "../../src/sheets";
import type { Loaded, SheetLayout } from "../../src/sheets/layout";
import { NOTHING_LOADED } from "../../src/sheets/layout";
import { nameFormula, namedCells, sheetNameFor } from "../../src/sheets/rate-card-layout";
import { ratesSnippet } from "../../src/taskpane/rates-snippet";
import { argFormula, arrayFormula, formulaText } from "../../src/help/format";
import { DIST, type Metadata } from "../helpers/bundle";

export const ROOT = join(__dirname, "..", "..");

/** One text to read: where it is (a path, or a path and what in it), and whether it is a formula. */
export interface Source {
  readonly where: string;
  readonly text: string;
  readonly formula: boolean;
}

const rel = (path: string) => relative(ROOT, path).split("\\").join("/");

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/** README.md, docs/ and samples/, read as prose (every file: guides, CSVs, JSON Order files). */
export function documentSources(): Source[] {
  const files = [join(ROOT, "README.md"), ...filesUnder(join(ROOT, "docs")), ...filesUnder(join(ROOT, "samples"))];
  return files.filter((f) => /\.(md|csv|json|txt)$/.test(f)).map((f) => ({ where: rel(f), text: readFileSync(f, "utf8"), formula: false }));
}

/** Each function family's examples file, read whole (formula, remark, working, errors). */
export function exampleSources(): Source[] {
  const dir = join(ROOT, "src", "functions");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".examples.json"))
    .sort()
    .map((f) => ({ where: rel(join(dir, f)), text: readFileSync(join(dir, f), "utf8"), formula: false }));
}

/** Blanks `<tag>...</tag>` (scripts, styles), keeping the lines so line numbers still point right. */
function withoutElements(html: string, tag: string): string {
  let out = "";
  let from = 0;
  const lower = html.toLowerCase();
  for (;;) {
    const open = lower.indexOf(`<${tag}`, from);
    if (open < 0) break;
    const close = lower.indexOf(`</${tag}>`, open);
    const end = close < 0 ? html.length : close + tag.length + 3;
    out += html.slice(from, open) + html.slice(open, end).replace(/[^\n]/g, " ");
    from = end;
  }
  return out + html.slice(from);
}

/** The built pages' HTML (help.html, taskpane.html, the site pages), scripts and styles aside. */
export function pageSources(dist = DIST): Source[] {
  return readdirSync(dist)
    .filter((f) => f.endsWith(".html"))
    .sort()
    .map((f) => ({
      where: `dist/${f}`,
      text: withoutElements(withoutElements(readFileSync(join(dist, f), "utf8"), "script"), "style"),
      formula: false,
    }));
}

export function metadata(dist = DIST): Metadata {
  const file = join(dist, "functions.json");
  if (!existsSync(file)) throw new Error("dist/functions.json is missing: run `npm run build` first (npm test does).");
  return JSON.parse(readFileSync(file, "utf8")) as Metadata;
}

/** Every function's description and every argument's, from the built functions.json. */
export function descriptionSources(meta: Metadata): Source[] {
  return meta.functions.flatMap((f) => [
    { where: `dist/functions.json ${f.name}`, text: f.description ?? "", formula: false },
    ...f.parameters.map((p) => ({ where: `dist/functions.json ${f.name} ${p.name}`, text: p.description ?? "", formula: false })),
  ]);
}

function layoutFormulas(layout: SheetLayout, what: string): Source[] {
  return [
    ...layout.cells.filter((c) => c.formula).map((c) => ({ where: `${what} ${c.address}`, text: c.formula as string, formula: true })),
    ...layout.tables.flatMap((t) =>
      Object.entries(t.calculated).map(([header, f]) => ({ where: `${what} table ${t.name}[${header}]`, text: f, formula: true })),
    ),
    ...layout.conditionalFormats.map((c) => ({ where: `${what} conditional format ${c.address}`, text: c.formula, formula: true })),
  ];
}

/** Every rate card loaded: its table and its workbook names, as the pane writes them. */
export const EVERY_CARD_LOADED: Loaded = Object.freeze({
  tables: RATE_CARDS.map((c) => c.id),
  names: RATE_CARDS.flatMap((c) => (c.names ?? []).map((n: { name: string }) => n.name)),
});

/** The formulas the pane writes: every sheet layout, the cards' workbook names, the rates snippet. */
export function writtenSources(): Source[] {
  const sheets = SHEETS.flatMap((s) => [
    ...layoutFormulas(s.layout(NOTHING_LOADED, s.sheetName), `src/sheets ${s.sheetName} (no card loaded)`),
    ...layoutFormulas(s.layout(EVERY_CARD_LOADED, s.sheetName), `src/sheets ${s.sheetName} (every card loaded)`),
  ]);
  const names = RATE_CARDS.flatMap((card) =>
    namedCells(card).map((n) => ({ where: `src/sheets name ${n.name}`, text: nameFormula(sheetNameFor(card), n.address), formula: true })),
  );
  const snippets = RATE_CARDS.flatMap((card) => {
    const s = ratesSnippet(card.id);
    return s ? [{ where: `src/taskpane/rates-snippet.ts ${card.id}`, text: s, formula: true }] : [];
  });
  return [...sheets, ...names, ...snippets];
}

interface Examples {
  [fn: string]: { examples?: { args?: unknown[] }[] };
}

type Cell = Parameters<typeof argFormula>[0];

/** One argument as the help page writes it once edited: a range as an array constant, a date as DATE(...). */
function helpArgument(arg: unknown): string {
  if (Array.isArray(arg)) return arrayFormula(arg as Cell[][]);
  return argFormula((arg ?? null) as Cell, true);
}

/** The formula the help page writes for each example's arguments (every number read as a date too). */
export function helpFormulaSources(ns = "KUSTOMER"): Source[] {
  return exampleSources().flatMap((file) => {
    const examples = JSON.parse(file.text) as Examples;
    return Object.entries(examples).flatMap(([fn, doc]) =>
      (doc.examples ?? []).map((e, i) => ({
        where: `src/help/format.ts ${fn} example ${i + 1}`,
        text: formulaText(`${ns}.${fn}`, (e.args ?? []).map(helpArgument)),
        formula: true,
      })),
    );
  });
}

/** Every string and template piece in the .ts files under src/, where it is (file:line), read as prose. */
export function codeStringSources(dir = join(ROOT, "src")): Source[] {
  return filesUnder(dir)
    .filter((f) => f.endsWith(".ts"))
    .flatMap((file) => {
      const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
      const found: Source[] = [];
      const visit = (node: ts.Node): void => {
        if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
          const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
          found.push({ where: `${rel(file)}:${line}`, text: (node as ts.LiteralLikeNode).text, formula: false });
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      return found;
    });
}
