/**
 * What the code uses of the Excel JavaScript API agrees with what it checks.
 *
 * Each Excel API member's requirement set is read from @types/office-js's `[Api set: ExcelApi
 * 1.x]` annotations; the code of src/taskpane, src/functions and src/sheets is compiled and each
 * member it uses resolved by the type checker (test/helpers/api-sets.ts). The rule ("guards"):
 * a file that uses Excel API members declares `export const EXCEL_API_SET`, equal to the highest
 * set among them; a set above ExcelApi 1.1 is passed to an `isSetSupported`/`excelApiSupported`
 * check before the file's code runs (the pane checks it); no member of a preview or online-only set.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as ts from "typescript";
import { analyse, apiSetAnnotation, OFFICE_DTS, ROOT, sourceFiles, versionOf, violations, type FileReport } from "./helpers/api-sets";

jest.setTimeout(120_000);

/** The real code and the broken cases below, compiled in one program (one compile: about 8 s). */
let all: ReturnType<typeof analyse>;
let real: ReturnType<typeof analyse>;
beforeAll(() => {
  all = analyse(sourceFiles(), Object.fromEntries(Object.entries(brokenCases()).map(([n, t]) => [join(ROOT, "src", "taskpane", n), t])));
  real = { reports: all.reports.filter((r) => !r.file.startsWith("src/taskpane/__")), guards: all.guards };
});

const report = (file: string): FileReport => {
  const r = real.reports.find((x) => x.file === file);
  if (!r) throw new Error(`${file} was not analysed`);
  return r;
};
const members = (r: FileReport, version: string) =>
  [...new Set(r.uses.filter((u) => `${u.version[0]}.${u.version[1]}` === version).map((u) => u.member))].sort();

test("the code uses no Excel API member above the set that guards it, and asks no more than it uses", () => {
  expect(violations(real)).toEqual([]);
});

test("the analysis sees the members the writers use (the check above is not empty)", () => {
  const load = report("src/taskpane/writer/write.ts");
  // From @types/office-js: Worksheet.copy is [Api set: ExcelApi 1.7]; Range.getTables and
  // TableScopedCollection.getFirst are 1.9.
  expect(members(load, "1.7")).toEqual(expect.arrayContaining(["Worksheet.copy", "NamedItem.formula"]));
  expect(members(load, "1.9")).toEqual(["Range.getTables", "TableScopedCollection.getFirst"]);
  // rows.add(-1, several rows): "1.1 for adding a single row; 1.4 allows adding of multiple rows".
  expect(load.uses.find((u) => u.member === "TableRowCollection.add")?.version).toEqual([1, 4]);
  // write.ts alone queues 98 uses; with the reading and the repair, the load's writer more than 150.
  expect(load.uses.length).toBeGreaterThan(90);
  const writer = ["plan", "write", "repair", "cards"].flatMap((f) => report(`src/taskpane/writer/${f}.ts`).uses);
  expect(writer.length).toBeGreaterThan(150);
  // Reading the workbook (round trip 1) and repairing after a failure read the names' formulas (1.7).
  expect(members(report("src/taskpane/writer/plan.ts"), "1.7")).toEqual(["NamedItem.formula"]);
  expect(members(report("src/taskpane/writer/repair.ts"), "1.7")).toEqual(["NamedItem.formula"]);
  const sheet = report("src/taskpane/writer/sheet.ts");
  expect(members(sheet, "1.9")).toEqual(["PageLayout.setPrintArea", "Worksheet.pageLayout"]);
  expect(members(sheet, "1.8")).toEqual(expect.arrayContaining(["Range.dataValidation"]));
  expect([...new Set(report("src/taskpane/date-system.ts").uses.map((u) => u.member))].sort()).toEqual([
    "Application.calculate",
    "Workbook.application",
  ]);
  // Every file of the three folders was read.
  expect(real.reports.map((r) => r.file)).toEqual(
    expect.arrayContaining([
      "src/taskpane/taskpane.ts",
      "src/taskpane/writer/cards.ts",
      "src/taskpane/writer/run.ts",
      "src/functions/runtime.ts",
      "src/sheets/layout.ts",
    ]),
  );
});

test("CustomFunctionsRuntime: the code uses CustomFunctions.Error (1.2) and ErrorCode (1.3), as declared in src/functions/excel.ts", () => {
  const cf = real.reports.flatMap((r) => r.customFunctions);
  // From @types/custom-functions-runtime: class Error is [Api set: CustomFunctionsRuntime 1.2], each ErrorCode member 1.3.
  expect([...new Set(cf.filter((u) => u.version[1] === 2).map((u) => u.member))]).toContain("CustomFunctions.Error");
  expect([...new Set(cf.filter((u) => u.version[1] === 3).map((u) => u.member))].sort()).toEqual(
    expect.arrayContaining(["ErrorCode.invalidValue", "ErrorCode.invalidNumber", "ErrorCode.notAvailable"]),
  );
  expect(report("src/functions/excel.ts").declaredCustomFunctions).toEqual([1, 3]);
  // A declaration that differs from use is reported.
  const wrong = {
    reports: real.reports.map((r) => (r.file === "src/functions/excel.ts" ? { ...r, declaredCustomFunctions: [1, 2] as const } : r)),
    guards: real.guards,
  };
  expect(violations(wrong)).toEqual([
    "src/functions/excel.ts: CUSTOM_FUNCTIONS_RUNTIME_SET 1.2 differs from what the code uses: up to 1.3 (ErrorCode.invalidNumber, ErrorCode.notAvailable, ErrorCode.invalidValue)",
  ]);
});

test("functions.json asks for data types (CustomFunctionsRuntime 1.4), which the code reads but does not require", () => {
  const meta = JSON.parse(readFileSync(join(ROOT, "dist", "functions.json"), "utf8")) as { allowCustomDataForDataTypeAny?: boolean };
  expect(meta.allowCustomDataForDataTypeAny).toBe(true);
});

describe("annotations, as @types/office-js writes them", () => {
  test.each([
    ["ExcelApi 1.7", {}, [1, 7]],
    ["ExcelApi 1.10", {}, [1, 10]],
    ["ExcelApi 1.1 for get, 1.8 for set", {}, [1, 1]],
    ["ExcelApi 1.1 for get, 1.8 for set", { write: true }, [1, 8]],
    ["ExcelApi 1.1 for getting the name; 1.4 for setting it.", { write: true }, [1, 4]],
    ["ExcelApi 1.1 for reading visibility; 1.2 for setting it.", {}, [1, 1]],
    [
      "ExcelApi 1.1 for adding a single row; 1.4 allows adding of multiple rows; 1.15 for adding `alwaysInsert` parameter.",
      { passed: new Set(["index", "values"]) },
      [1, 4],
    ],
    [
      "ExcelApi 1.1 for adding a single row; 1.4 allows adding of multiple rows; 1.15 for adding `alwaysInsert` parameter.",
      { passed: new Set(["index", "values", "alwaysInsert"]) },
      [1, 15],
    ],
    ["ExcelApi 1.1 for String,Integer,Double,Boolean,Range,Error; 1.7 for Array", {}, [1, 7]],
    ["ExcelApi 1.9, ExcelApi Preview for null `destinationRange`", { passed: new Set(["destinationRange"]) }, [Infinity, Infinity]],
    ["ExcelApi 1.9, ExcelApi Preview for null `destinationRange`", { passed: new Set<string>() }, [1, 9]],
    ["ExcelApi BETA (PREVIEW ONLY)", {}, [Infinity, Infinity]],
    ["ExcelApiOnline 1.1", {}, [Infinity, Infinity]],
  ])("%s %p is %p", (annotation, use, expected) => {
    expect(versionOf(annotation, use)).toEqual(expected);
  });

  test("read from the declarations themselves", () => {
    // Worksheet.copy's annotation, found through the compiler as the analysis finds it.
    const load = report("src/taskpane/writer/write.ts");
    expect(load.uses.find((u) => u.member === "Worksheet.copy")?.annotation).toBe("ExcelApi 1.7");
  });
});

/**
 * Deliberately broken files, compiled beside the real ones (in memory, in src/taskpane, with the
 * project's options); each case's files have their own names, and each test reads its own lines.
 */
function brokenCases(): Record<string, string> {
  const copy = (set: string | null) => `${set === null ? "" : `export const EXCEL_API_SET = "${set}";`}
export async function backUp(): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem("Rates").copy("End");
    await context.sync();
  });
}`;
  const guard = (module: string) => `
import { EXCEL_API_SET, backUp } from "./${module}";
export function go(): void {
  if (Office.context.requirements.isSetSupported("ExcelApi", EXCEL_API_SET)) void backUp();
}`;
  const oneSet = (body: string) => `export const EXCEL_API_SET = "1.1";
export async function f(): Promise<void> {
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("Rates");
    ${body}
    await context.sync();
  });
}`;
  return {
    "__good.ts": copy("1.7"),
    "__good_pane.ts": guard("__good"),
    "__above.ts": copy("1.6"),
    "__above_pane.ts": guard("__above"),
    "__more.ts": copy("1.10"),
    "__more_pane.ts": guard("__more"),
    "__unchecked.ts": copy("1.7"),
    "__undeclared.ts": copy(null),
    "__read.ts": oneSet('ws.load("visibility"); await context.sync(); console.log(ws.visibility);'),
    "__write.ts": oneSet('ws.visibility = "Hidden";'),
    "__online.ts": oneSet(`console.log(ws.name); console.log(context.${previewMember().expression});`),
  };
}

describe("the check rejects deliberately broken code", () => {
  const of = (name: string) =>
    violations(all).filter((l) => l.startsWith(`src/taskpane/${name}:`) || l.startsWith(`src/taskpane/${name}.ts`));

  test("the good case passes: Worksheet.copy (1.7) declared 1.7 and checked", () => {
    expect(of("__good")).toEqual([]);
    expect(of("__good_pane")).toEqual([]);
  });
  test("a member above the declared set", () => {
    expect(of("__above")).toEqual(["src/taskpane/__above.ts:4: Worksheet.copy needs ExcelApi 1.7, above the file's EXCEL_API_SET 1.6"]);
  });
  test("a check that asks more than the code uses (the pane's old 1.10 for a 1.7 copy)", () => {
    expect(of("__more")).toEqual(["src/taskpane/__more.ts: EXCEL_API_SET 1.10 asks more than it uses: nothing above 1.7 (Worksheet.copy)"]);
  });
  test("a set above 1.1 that nothing checks", () => {
    expect(of("__unchecked")).toEqual([
      "src/taskpane/__unchecked.ts: EXCEL_API_SET 1.7 is above 1.1 but no isSetSupported/excelApiSupported call checks it",
    ]);
  });
  test("Excel API members with no declared set", () => {
    expect(of("__undeclared")).toEqual([
      "src/taskpane/__undeclared.ts: uses Excel API members up to ExcelApi 1.7 (Worksheet.copy) but declares no EXCEL_API_SET",
    ]);
  });
  test("a property written needs its set clause (Worksheet.visibility: 1.1 to read, 1.2 to set)", () => {
    expect(of("__read")).toEqual([]);
    expect(of("__write")).toEqual([
      "src/taskpane/__write.ts:5: Worksheet.visibility needs ExcelApi 1.2, above the file's EXCEL_API_SET 1.1",
    ]);
  });
  test("a member of no released ExcelApi set (ExcelApiOnline: @types/office-js holds no preview-only member)", () => {
    const m = previewMember();
    expect(of("__online")).toEqual([`src/taskpane/__online.ts:5: ${m.member} is in no released ExcelApi set ([Api set: ${m.annotation}])`]);
  });
  test("nothing else was reported", () => {
    expect(violations(all).filter((l) => l.startsWith("src/taskpane/__")).length).toBe(6);
  });
});

/** A property of Excel.Workbook that @types/office-js marks with no released ExcelApi set (online only; preview-only members are not in it). */
let previewFound: { expression: string; member: string; annotation: string } | undefined;
function previewMember(): { expression: string; member: string; annotation: string } {
  if (previewFound) return previewFound;
  // The first property of Excel.Workbook whose annotation names no released ExcelApi set.
  const sf = ts.createSourceFile("office.d.ts", readFileSync(OFFICE_DTS, "utf8"), ts.ScriptTarget.Latest, true);
  let found: { expression: string; member: string; annotation: string } | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (
      ts.isClassDeclaration(n) &&
      n.name?.text === "Workbook" &&
      ts.isModuleBlock(n.parent) &&
      (n.parent.parent as ts.ModuleDeclaration).name.getText() === "Excel"
    ) {
      for (const m of n.members) {
        if (!ts.isPropertyDeclaration(m) || !m.name || !ts.isIdentifier(m.name)) continue;
        const a = apiSetAnnotation(m);
        if (a !== null && versionOf(a)[0] === Infinity) {
          found = { expression: `workbook.${m.name.text}`, member: `Workbook.${m.name.text}`, annotation: a };
          return;
        }
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  if (!found) throw new Error("no preview-only or online-only Workbook property in @types/office-js");
  previewFound = found;
  return found;
}
