/**
 * The rooms of src/ and what each may import (docs/architecture.md). Every import
 * statement of every file under src/ is read (test/helpers/rooms.ts) and compared with the table
 * of rooms; deliberately wrong files, checked the same way, prove the check can fail.
 */
import { existsSync } from "node:fs";
import { join, posix } from "node:path";
import * as ts from "typescript";
import { crossings, ROOMS, ROOT, roomOf, runtimePackages, sourceTexts } from "./helpers/rooms";

const real = sourceTexts();
const exists = (p: string) => p in real || existsSync(join(ROOT, p));
const packages = runtimePackages();
/** The code without its comments (a comment may name Excel.run). */
const code = (text: string): string => text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");

test("every file under src/ is in a room, and no import crosses a room's lines", () => {
  expect(Object.keys(real).length).toBeGreaterThan(60);
  expect(Object.keys(real).filter((f) => roomOf(f) === undefined)).toEqual([]);
  expect(crossings(real, exists, packages)).toEqual([]);
});

test("the check reads the imports it guards: rules use the cards, the adapters read rates through the tables, the pane uses its writer", () => {
  // Each of these imports exists today; a check that saw no import would see none of them.
  const imports = (file: string) => real[file].match(/from "[^"]+"/g) ?? [];
  expect(imports("src/rules/storage/allowance.ts")).toEqual(expect.arrayContaining(['from "../rates/given"', 'from "../rates/storage"']));
  expect(imports("src/functions/rates.ts")).toEqual(
    expect.arrayContaining(['from "../tables/given"', 'from "../rules/storage/allowance"']),
  );
  expect(imports("src/taskpane/taskpane.ts")).toEqual(expect.arrayContaining(['from "./writer/cards"', 'from "../tables/order-file"']));
  // Every room holds files.
  for (const room of ROOMS) expect([room.name, Object.keys(real).some((f) => roomOf(f) === room)]).toEqual([room.name, true]);
});

test("an import that crosses the lines is reported, with its file, line and the rule it breaks", () => {
  const bad: Record<string, string> = {
    // A rule importing the pane, and a rule reading its own rates through the tables (the adapter's part).
    "src/rules/billing/__bad.ts": 'import { x } from "../core/errors";\nimport { loadCards } from "../../taskpane/writer/cards";\n',
    "src/rules/storage/__bad.ts": 'import { givenRatesReader } from "../../tables/given";\n',
    // A layout importing the writer (layouts are pure and know nothing of Excel).
    "src/sheets/__bad.ts": 'export { writeSheet } from "../taskpane/writer/sheet";\n',
    // A table reader requiring the pane, and a package that is no runtime dependency.
    "src/tables/__bad.ts": 'const t = require("../taskpane/taskpane");\nimport { OfficeMockObject } from "office-addin-mock";\n',
    // The rate cards importing a rule family, and the writer importing the pane's UI.
    "src/rules/rates/__bad.ts": 'import { prorate } from "../billing/proration";\n',
    "src/taskpane/writer/__bad.ts": 'import("../taskpane").then(() => undefined);\n',
    // A file outside every room.
    "src/misc/__bad.ts": "export const x = 1;\n",
    // What is allowed stays allowed: a rule using a given table's rows and decimal.js-light, an adapter reading rates, help its theme.
    "src/rules/billing/__good.ts": 'import type { GivenRows } from "../rates/given";\nimport Decimal from "decimal.js-light";\n',
    "src/functions/__good.ts": 'import { givenRatesReader } from "../tables/given";\n',
    "src/help/__good.ts": 'import { themeFromQuery } from "../taskpane/theme";\n',
  };
  const all = { ...real, ...bad };
  expect(crossings(bad, (p) => p in all || existsSync(join(ROOT, p)), packages)).toEqual([
    "src/rules/billing/__bad.ts:2 imports ../../taskpane/writer/cards (taskpane/writer); rules may import rules, rules/core, rules/rates",
    "src/rules/storage/__bad.ts:1 imports ../../tables/given (tables); rules may import rules, rules/core, rules/rates",
    "src/sheets/__bad.ts:1 imports ../taskpane/writer/sheet (taskpane/writer); sheets may import sheets, rules/core, rules/rates",
    "src/tables/__bad.ts:1 imports ../taskpane/taskpane (taskpane); tables may import tables, rules/core, rules/rates",
    `src/tables/__bad.ts:2 imports office-addin-mock; tables is pure: it may import only the runtime packages (${[...packages].join(", ")})`,
    "src/rules/rates/__bad.ts:1 imports ../billing/proration (rules); rules/rates may import rules/rates, rules/core",
    "src/taskpane/writer/__bad.ts:1 imports ../taskpane (taskpane); taskpane/writer may import taskpane/writer, rules/core, rules/rates, sheets",
    "src/misc/__bad.ts: is in no room (add its folder to ROOMS and to docs/architecture.md)",
  ]);
});

test("only the writers' run.ts (the pane) and the functions' runtime.ts (the date system) call Excel.run", () => {
  const callers = Object.entries(real)
    .filter(([, text]) => /\bExcel\.run\s*\(/.test(code(text)))
    .map(([f]) => f)
    .sort();
  expect(callers).toEqual(["src/functions/runtime.ts", "src/taskpane/writer/run.ts"]);
});

test("the pure rooms use no Office, Excel or DOM global (the lint's rule, checked on the same files)", () => {
  const pure = Object.entries(real).filter(([f]) => roomOf(f)?.pure);
  expect(pure.length).toBeGreaterThan(40);
  const offending = pure.filter(([, text]) => /\b(Office|Excel|CustomFunctions|document|window)\.\w/.test(code(text)));
  expect(offending.map(([f]) => f)).toEqual([]);
});

test("src/rules imports nothing outside src/rules but its runtime packages: a rule receives the tables it computes on", () => {
  const rules = Object.entries(real).filter(([f]) => f.startsWith("src/rules/"));
  expect(rules.length).toBeGreaterThan(30);
  const outside: string[] = [];
  for (const [file, text] of rules) {
    for (const { fileName: spec } of ts.preProcessFile(text, true, true).importedFiles) {
      const inside = spec.startsWith(".")
        ? posix.join(posix.dirname(file), spec).startsWith("src/rules/")
        : packages.has(spec.split("/")[0]);
      if (!inside) outside.push(`${file}: ${spec}`);
    }
  }
  expect(outside).toEqual([]);
  // The runtime packages are exactly the three the rules compute with.
  expect([...packages].sort()).toEqual(["date-fns", "decimal.js-light", "unicode-segmenter"]);
});
