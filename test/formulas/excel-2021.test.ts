/**
 * Every formula the add-in writes, documents or suggests works in Excel 2021, the oldest Excel
 * it supports: no function that came later (VSTACK, CHOOSECOLS, TEXTSPLIT, LAMBDA...). The list
 * of those functions, and of the Excel 2021 functions checked, is test/formulas/excel-2021.ts,
 * with the Microsoft pages it comes from.
 */
import { calls, excel2021Problem, excel2021Problems } from "./function-calls";
import { EXCEL_2021_FUNCTIONS, NEWER_THAN_EXCEL_2021 } from "./excel-2021";
import {
  codeStringSources,
  descriptionSources,
  documentSources,
  exampleSources,
  helpFormulaSources,
  metadata,
  pageSources,
  writtenSources,
  type Source,
} from "./sources";

const meta = metadata();
const KUSTOMER = new Set(meta.functions.map((f) => f.name.toUpperCase()));

const problemsOf = (sources: readonly Source[]) => sources.flatMap((s) => excel2021Problems(s.where, s.text, KUSTOMER, s.formula));

describe("finding the functions a formula calls", () => {
  test("NAME( anywhere, nested, inside LET, with KUSTOMER. and _xlfn. prefixes", () => {
    const f = "=LET(w, KUSTOMER.MAINTENANCEWINDOWS(D1), n, ROWS(w), IF(n>0, INDEX(w, 0, 1), _xlfn.VSTACK(A1)))";
    expect(calls(f, true).map((c) => c.name)).toEqual(["LET", "KUSTOMER.MAINTENANCEWINDOWS", "ROWS", "IF", "INDEX", "_xlfn.VSTACK"]);
    // Offsets: "=LET(" puts LET at 1; "w, " then KUSTOMER at 8.
    expect(
      calls(f, true)
        .slice(0, 2)
        .map((c) => c.offset),
    ).toEqual([1, 8]);
  });
  test("a formula's text constants and quoted sheet names are not calls; prose is read whole", () => {
    const f = `=IF(A1="TAKE(2)", 'DROP(1) sheet'!B2, "say ""VSTACK(""")`;
    expect(calls(f, true).map((c) => c.name)).toEqual(["IF"]);
    expect(calls(f, false).map((c) => c.name)).toEqual(["IF", "TAKE", "DROP", "VSTACK"]);
  });
  test("a name needs its bracket right after it: Excel reads no space there", () => {
    expect(calls("GMT (UTC+0 all year) and SUM (A1)", false)).toEqual([]);
    expect(calls("x=SUM(A1:A3)+sum(B1)", true).map((c) => c.name)).toEqual(["SUM", "sum"]);
  });
  test("linear: 200,000 letters with no bracket, or an unclosed quote, answer at once", () => {
    expect(calls("A".repeat(200_000), true)).toEqual([]);
    expect(calls(`="${"x(".repeat(100_000)}`, true)).toEqual([]);
    expect(calls("(".repeat(200_000) + "a", false)).toEqual([]);
  });
});

describe("what Excel 2021 lacks fails the check", () => {
  // The four planted functions: array shaping (2 kinds), text splitting, LAMBDA.
  test.each([
    ["=VSTACK(KUSTOMER.MAINTENANCEWINDOWS(EDATE(D1,-1)), KUSTOMER.MAINTENANCEWINDOWS(D1))", "VSTACK"],
    ["=KUSTOMER.OUTAGEMINUTES(D1, A2:A9, B2:B9, CHOOSECOLS(F2#,1), CHOOSECOLS(F2#,2))", "CHOOSECOLS"],
    ['=LET(parts, TEXTSPLIT(A1, ","), INDEX(parts, 1))', "TEXTSPLIT"],
    ["=LET(f, LAMBDA(x, x*2), f(3))", "LAMBDA"],
  ])("%s", (formula, fn) => {
    const problems = excel2021Problems("planted", formula, KUSTOMER, true);
    expect(problems.some((p) => p.startsWith(`planted: ${fn}: Excel 2021 has no ${fn} (https://support.microsoft.com/`))).toBe(true);
  });
  test("LAMBDA's call of its own name is flagged too, as an unknown function in a formula", () => {
    expect(excel2021Problems("planted", "=LET(f, LAMBDA(x, x*2), f(3))", KUSTOMER, true)).toEqual([
      `planted: LAMBDA: Excel 2021 has no LAMBDA (${NEWER_THAN_EXCEL_2021.LAMBDA}); it gives #NAME? there`,
      "planted: f: not on the list of functions checked in Excel 2021 (test/formulas/excel-2021.ts): check its Microsoft page and add it there, or write the formula without it",
    ]);
  });
  test("any case, and the saved-file prefix: vstack(, _xlfn.CHOOSECOLS(", () => {
    expect(excel2021Problem("vstack", KUSTOMER)).toMatch(/^vstack: Excel 2021 has no VSTACK/);
    expect(excel2021Problem("_xlfn.CHOOSECOLS", KUSTOMER, true)).toMatch(/^_xlfn\.CHOOSECOLS: Excel 2021 has no CHOOSECOLS/);
    expect(excel2021Problem("_xlfn._xlws.SORT", KUSTOMER, true)).toBeNull();
  });
  test("Excel 2021's own functions, KUSTOMER's, and prose words in lower case pass", () => {
    for (const name of ["LET", "XLOOKUP", "FILTER", "SORT", "UNIQUE", "SEQUENCE", "INDEX", "DATE", "EDATE"])
      expect(excel2021Problem(name, KUSTOMER, true)).toBeNull();
    expect(excel2021Problem("KUSTOMER.MAINTENANCEWINDOWS", KUSTOMER, true)).toBeNull();
    expect(excel2021Problem("OUTAGEMINUTES", KUSTOMER)).toBeNull();
    expect(excel2021Problem("ceil", KUSTOMER)).toBeNull();
  });
  test("a KUSTOMER function that does not exist, or an unchecked upper-case name, fails", () => {
    expect(excel2021Problem("KUSTOMER.NOSUCH", KUSTOMER, true)).toBe("KUSTOMER.NOSUCH: the add-in has no function NOSUCH");
    expect(excel2021Problem("FOOBAR", KUSTOMER)).toMatch(/^FOOBAR: not on the list of functions checked in Excel 2021/);
    expect(excel2021Problem("foobar", KUSTOMER, true)).toMatch(/^foobar: not on the list/);
  });
  test("the two lists never share a name, and every newer one cites a Microsoft page", () => {
    for (const [name, page] of Object.entries(NEWER_THAN_EXCEL_2021)) {
      expect(EXCEL_2021_FUNCTIONS.has(name)).toBe(false);
      expect(page).toMatch(/^https:\/\/support\.microsoft\.com\/en-us\/excel\/[a-z0-9/-]+$/);
    }
    for (const name of ["VSTACK", "HSTACK", "CHOOSECOLS", "CHOOSEROWS", "TAKE", "DROP", "TOCOL", "TOROW", "WRAPROWS", "EXPAND"])
      expect(NEWER_THAN_EXCEL_2021[name]).toBeDefined();
    for (const name of ["TEXTSPLIT", "TEXTBEFORE", "TEXTAFTER", "LAMBDA", "MAP", "REDUCE", "SCAN", "BYROW", "BYCOL", "MAKEARRAY"])
      expect(NEWER_THAN_EXCEL_2021[name]).toBeDefined();
    for (const name of ["REGEXTEST", "REGEXEXTRACT", "REGEXREPLACE", "GROUPBY", "PIVOTBY", "IMAGE"])
      expect(NEWER_THAN_EXCEL_2021[name]).toBeDefined();
  });
  test("a planted function in a document is reported with its file and line", () => {
    const doc = '# Guide\n\nTake a column: `INDEX(F2#, 0, 1)`.\n\n```\n=TAKE(F2#, 3)\n=TEXTSPLIT(A1, ",")\n```\n';
    expect(excel2021Problems("docs/x.md", doc, KUSTOMER)).toEqual([
      `docs/x.md:6: TAKE: Excel 2021 has no TAKE (${NEWER_THAN_EXCEL_2021.TAKE}); it gives #NAME? there`,
      `docs/x.md:7: TEXTSPLIT: Excel 2021 has no TEXTSPLIT (${NEWER_THAN_EXCEL_2021.TEXTSPLIT}); it gives #NAME? there`,
    ]);
  });
});

describe("every formula the add-in writes, documents or suggests works in Excel 2021", () => {
  test("the sources are all there (so a check of nothing cannot pass)", () => {
    const docs = documentSources().map((s) => s.where);
    expect(docs).toEqual(expect.arrayContaining(["README.md", "docs/functions.md", "docs/auditor.md", "samples/README.md"]));
    expect(exampleSources().map((s) => s.where)).toEqual(
      ["billing", "contract", "sla", "storage", "translation"].map((f) => `src/functions/${f}.examples.json`),
    );
    expect(pageSources().map((s) => s.where)).toEqual(expect.arrayContaining(["dist/help.html", "dist/taskpane.html"]));
    // The 33 functions at least, each with its description and its arguments'.
    expect(meta.functions.length).toBeGreaterThanOrEqual(33);
    expect(descriptionSources(meta).length).toBeGreaterThan(meta.functions.length * 2);
    const written = writtenSources();
    expect(written.filter((s) => s.where.startsWith("src/sheets Quote")).length).toBeGreaterThan(10);
    expect(written.filter((s) => s.where.startsWith("src/sheets Invoice check")).length).toBeGreaterThan(3);
    expect(written.filter((s) => s.where.startsWith("src/taskpane/rates-snippet.ts"))).toHaveLength(7);
    expect(helpFormulaSources().length).toBeGreaterThan(33);
    const strings = codeStringSources();
    expect(strings.some((s) => s.where.startsWith("src/sheets/invoice-layout.ts:") && s.text.includes("COUNTIF("))).toBe(true);
    // Every written formula calls something the check reads.
    expect(written.filter((s) => s.where.startsWith("src/sheets Quote")).some((s) => calls(s.text, true).length > 0)).toBe(true);
  });
  test("the sheets, the workbook names and the pane's rates formula", () => {
    expect(problemsOf(writtenSources())).toEqual([]);
  });
  test("README, docs and samples", () => {
    expect(problemsOf(documentSources())).toEqual([]);
  });
  test("the examples (src/functions/*.examples.json)", () => {
    expect(problemsOf(exampleSources())).toEqual([]);
  });
  test("the built pages: help.html, taskpane.html and the site", () => {
    expect(problemsOf(pageSources())).toEqual([]);
  });
  test("the formulas the help page writes for edited arguments", () => {
    expect(problemsOf(helpFormulaSources())).toEqual([]);
  });
  test("every text constant in src/ (formula pieces, messages, labels)", () => {
    expect(problemsOf(codeStringSources())).toEqual([]);
  });
  test("every function's and argument's description (dist/functions.json)", () => {
    expect(problemsOf(descriptionSources(meta))).toEqual([]);
  });
});
