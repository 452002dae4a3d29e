/**
 * The built bundle, loaded as Excel loads it: every function in functions.json is registered,
 * described and help-linked, and every documented example gives its documented result.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { DIST, loadBundle, type LoadedBundle } from "../helpers/bundle";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { loadExamples } = require("../../scripts/help-page");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { currentFunctionsDoc } = require("../../scripts/readme-table");

interface Example {
  formula: string;
  args: unknown[];
  result: unknown;
  working: string;
}
const examples: Record<string, { examples?: Example[]; errors?: { error: string; when: string }[] }> = loadExamples();

let bundle: LoadedBundle;
beforeAll(() => {
  bundle = loadBundle();
});

test("every function in functions.json is registered, and nothing else is", () => {
  const ids = bundle.metadata.functions.map((f) => f.id).sort();
  expect([...bundle.registered.keys()].sort()).toEqual(ids);
  expect(ids.length).toBeGreaterThanOrEqual(4);
});

test("names are bare upper-case ids (Excel adds the KUSTOMER. namespace)", () => {
  for (const f of bundle.metadata.functions) {
    expect(f.name).toBe(f.id);
    expect(f.name).toMatch(/^[A-Z][A-Z0-9]*$/);
  }
});

test("every function and argument is described and help-linked", () => {
  for (const f of bundle.metadata.functions) {
    expect(`${f.name}: ${f.description ?? ""}`.length).toBeGreaterThan(f.name.length + 30);
    expect(f.helpUrl).toBe(`https://localhost:3000/help.html#${f.name}`);
    for (const p of f.parameters) {
      expect(p.name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(`${f.name}.${p.name}: ${p.description ?? ""}`.length).toBeGreaterThan(f.name.length + p.name.length + 12);
    }
  }
});

test("the help page has a section for every function", () => {
  const html = readFileSync(join(DIST, "help.html"), "utf8");
  for (const f of bundle.metadata.functions) expect(html).toMatch(new RegExp(`<section id="?${f.name}"?>`));
});

test("every function has a documented example and its error causes", () => {
  for (const f of bundle.metadata.functions) {
    expect({ name: f.name, examples: (examples[f.name]?.examples ?? []).length > 0 }).toEqual({ name: f.name, examples: true });
    expect({ name: f.name, errors: (examples[f.name]?.errors ?? []).length > 0 }).toEqual({ name: f.name, errors: true });
  }
  const documented = Object.keys(examples).sort();
  expect(documented).toEqual(bundle.metadata.functions.map((f) => f.name).sort());
});

test("every documented example gives its documented result through the bundle", () => {
  for (const [name, doc] of Object.entries(examples)) {
    for (const ex of doc.examples ?? []) {
      expect({ formula: ex.formula, result: bundle.call(name, ...ex.args) }).toEqual({ formula: ex.formula, result: ex.result });
    }
  }
});

test("docs/functions.md's table of functions is current (npm run docs)", () => {
  const { doc, expected } = currentFunctionsDoc();
  expect(doc).toBe(expected);
});

test("enum parameters point at a declared enum", () => {
  const enums = new Set((bundle.metadata.enums ?? []).map((e) => e.id));
  for (const f of bundle.metadata.functions) for (const p of f.parameters) if (p.customEnumId) expect(enums.has(p.customEnumId)).toBe(true);
});
