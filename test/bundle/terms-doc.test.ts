/**
 * docs/terms.md, the rules for users: every function it names exists in the built functions.json
 * and takes the arguments the page gives it, every
 * function of functions.json has its row in the index, every link resolves (its anchors inside the
 * page, and the headings it points at in the other docs), and the page, like the README, points at
 * nothing outside the project.
 */
import { existsSync, readFileSync } from "fs";
import { dirname, join } from "path";
import { loadBundle, type LoadedBundle } from "../helpers/bundle";

const ROOT = join(__dirname, "..", "..");
const TERMS = join(ROOT, "docs", "terms.md");
const text = (path: string) => readFileSync(path, "utf8");

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces as dashes, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const out = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (line.startsWith("```")) fenced = !fenced;
    const m = fenced ? null : /^#{1,6} (.*)$/.exec(line);
    if (m) {
      const base = m[1]
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9 _-]/g, "")
        .replace(/ /g, "-");
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      out.add(n === 0 ? base : `${base}-${n}`);
    }
  }
  for (const m of markdown.matchAll(/<a id="([^"]+)"><\/a>/g)) out.add(m[1]);
  return out;
}

const doc = text(TERMS);
const [body, index] = doc.split("\n## Index: the functions and the rules they apply\n");

let b: LoadedBundle;
let params: Map<string, number>;
beforeAll(() => {
  b = loadBundle();
  params = new Map(b.metadata.functions.map((f) => [f.name, f.parameters.length]));
});
const known = (name: string) => params.has(name);

test("the page has its index, one row per function, each with its anchor", () => {
  expect(index).toBeDefined();
  const rows = [...index.matchAll(/^\| <a id="(fn-[a-z0-9]+)"><\/a>`([A-Z0-9]+)` \| (.*) \|$/gm)];
  const names = rows.map((r) => r[2]);
  for (const [, id, name] of rows) expect(id).toBe(`fn-${name.toLowerCase()}`);
  // Every function Excel lists has its row, and every row names a function that exists.
  for (const f of b.metadata.functions)
    expect({ documented: f.name, in: names.includes(f.name) }).toEqual({ documented: f.name, in: true });
  for (const name of names) expect({ name, known: known(name) }).toEqual({ name, known: true });
  expect(new Set(names).size).toBe(names.length);
  expect([...names].sort()).toEqual(names);
  // Each row links to at least one rule.
  for (const r of rows) expect(r[3]).toMatch(/\[[^\]]+\]\(#[a-z0-9-]+\)/);
});

test("every rule's function links name the function they point at, and every function is linked from a rule", () => {
  const links = [...body.matchAll(/\[([A-Z0-9]+)\]\(#(fn-[a-z0-9]+)\)/g)];
  expect(links.length).toBeGreaterThan(30);
  for (const [, name, id] of links) {
    expect(id).toBe(`fn-${name.toLowerCase()}`);
    expect({ name, known: known(name) }).toEqual({ name, known: true });
  }
  const linked = new Set(links.map((l) => l[1]));
  for (const m of index.matchAll(/`([A-Z0-9]+)` \|/g))
    expect({ name: m[1], linked: linked.has(m[1]) }).toEqual({ name: m[1], linked: true });
});

test("every formula in the page calls a function that exists, with no more arguments than it takes", () => {
  const formulas = [...doc.matchAll(/KUSTOMER\.([A-Z0-9]+)\(([^)]*)\)/g)];
  expect(formulas.length).toBeGreaterThanOrEqual(3);
  for (const [formula, name, args] of formulas) {
    expect({ formula, known: known(name) }).toEqual({ formula, known: true });
    const count = args.split(",").length;
    const allowed = params.get(name) ?? 0;
    expect({ formula, count: count <= allowed }).toEqual({ formula, count: true });
  }
  // Backticked names that look like functions are functions (or Excel's own, named here).
  const excel = new Set(["EDATE", "DAYS360", "WORKDAY", "LEN", "ROUND", "YYYYMMDDTHH"]);
  for (const m of doc.matchAll(/`([A-Z][A-Z0-9]{3,})`/g)) {
    if (!excel.has(m[1])) expect({ name: m[1], known: known(m[1]) }).toEqual({ name: m[1], known: true });
  }
});

test("every link resolves: anchors in the page, files in the project, and the headings they name", () => {
  const own = anchorsOf(doc);
  const links = [...doc.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
  expect(links.length).toBeGreaterThan(40);
  for (const link of links) {
    expect(link).not.toMatch(/^https?:/);
    const [file, anchor] = link.split("#");
    if (file === "") {
      expect({ link, resolves: own.has(anchor) }).toEqual({ link, resolves: true });
      continue;
    }
    const target = join(dirname(TERMS), file);
    expect({ link, exists: existsSync(target) }).toEqual({ link, exists: true });
    if (anchor) expect({ link, resolves: anchorsOf(text(target)).has(anchor) }).toEqual({ link, resolves: true });
  }
});

test("the page and the README point at nothing outside the project; the README and the function reference point at the page", () => {
  const readme = text(join(ROOT, "README.md"));
  const reference = text(join(ROOT, "docs", "functions.md"));
  for (const page of [doc, readme]) {
    expect(page).not.toMatch(/\.\.\/shared|shared\/(seeds|domain)|domain\.md/);
    expect(page).not.toMatch(/\bissue \d+|#\d{2,}\b/i);
  }
  expect(readme).toContain("](docs/terms.md)");
  expect(reference).toContain("](terms.md)");
  // The documents are cited by their titles.
  for (const title of [
    "Professional Services Terms",
    "Supplemental terms for usage-based plans",
    "Billing help pages",
    "Service Level Agreement",
  ]) {
    expect(doc).toContain(title);
  }
});
