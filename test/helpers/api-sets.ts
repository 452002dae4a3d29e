/**
 * Which Excel JavaScript API requirement set each Excel API member the code uses needs, read
 * from @types/office-js: every member of the `Excel` namespace carries a JSDoc annotation
 * `[Api set: ExcelApi 1.x]` (or `ExcelApi BETA (PREVIEW ONLY)`, `ExcelApiOnline 1.1`...).
 *
 * The code is compiled with the TypeScript compiler (the project's tsconfig.build.json); each
 * property access, method call and identifier is resolved by the type checker to the declaration
 * it uses, and the annotation of that declaration in node_modules/@types/office-js/index.d.ts is
 * parsed. So `context.workbook.worksheets.getItem(n).copy()` yields Workbook.worksheets (1.1),
 * WorksheetCollection.getItem (1.1) and Worksheet.copy (1.7), whatever the variables are named.
 * Not seen: property names inside strings (`load("items/name")`; the reads that follow are seen)
 * and properties of object literals passed as options.
 *
 * The guard rule (docs/contributing.md): a file that uses Excel API members declares the set it
 * needs, `export const EXCEL_API_SET = "1.x"`, equal to the highest set among the members it
 * uses; a set above {@link BASELINE_SET} is checked at run time before the file's code runs:
 * the constant is an argument of an `isSetSupported(...)` or `excelApiSupported(...)` call
 * somewhere in src. A member of no ExcelApi set (preview-only, online-only) is refused.
 */
import { dirname, join, relative } from "node:path";
import * as ts from "typescript";

export const ROOT = join(__dirname, "..", "..");
export const OFFICE_DTS = join(ROOT, "node_modules", "@types", "office-js", "index.d.ts");
export const CUSTOM_FUNCTIONS_DTS = join(ROOT, "node_modules", "@types", "custom-functions-runtime", "index.d.ts");

/** An API family: where its types are declared, its namespace, its requirement set's name. */
interface Family {
  readonly dts: string;
  readonly namespace: string;
  readonly set: string;
}
export const EXCEL: Family = { dts: OFFICE_DTS, namespace: "Excel", set: "ExcelApi" };
export const CUSTOM_FUNCTIONS: Family = { dts: CUSTOM_FUNCTIONS_DTS, namespace: "CustomFunctions", set: "CustomFunctionsRuntime" };

/**
 * The set every Excel that runs this add-in has, so it needs no run-time check: ExcelApi 1.1,
 * the first set (Excel 2016), below everything a shared runtime with custom functions needs.
 */
export const BASELINE_SET = "1.1";

/** An ExcelApi version as [major, minor]; Infinity for a member in no ExcelApi set. */
export type Version = readonly [number, number];
export const UNAVAILABLE: Version = [Infinity, Infinity];

export function parseVersion(v: string): Version {
  const m = /^(\d+)\.(\d+)$/.exec(v);
  if (!m) throw new Error(`not a version: ${v}`);
  return [Number(m[1]), Number(m[2])];
}
export const compareVersions = (a: Version, b: Version): number => a[0] - b[0] || a[1] - b[1];
export const showVersion = (v: Version): string => (v[0] === Infinity ? "no ExcelApi set" : `${v[0]}.${v[1]}`);

export interface Use {
  /** Path relative to the project root. */
  readonly file: string;
  readonly line: number;
  /** Interface.member, as @types/office-js names it. */
  readonly member: string;
  /** The annotation as written, e.g. "ExcelApi 1.7". */
  readonly annotation: string;
  readonly version: Version;
}

export interface FileReport {
  readonly file: string;
  readonly uses: Use[];
  /** The CustomFunctions members used (CustomFunctionsRuntime sets). */
  readonly customFunctions: Use[];
  /** The file's `export const CUSTOM_FUNCTIONS_RUNTIME_SET`, if any. */
  readonly declaredCustomFunctions?: Version;
  /** The file's `export const EXCEL_API_SET`, if any. */
  readonly declared?: { readonly version: Version; readonly symbol: ts.Symbol };
}

/** Is `node` inside `declare namespace <namespace>` (at any depth)? */
function inNamespace(node: ts.Node, namespace: string): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isModuleDeclaration(n) && n.name.getText() === namespace && ts.isSourceFile(n.parent)) return true;
  }
  return false;
}

function containerName(node: ts.Node): string {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if ((ts.isClassDeclaration(n) || ts.isInterfaceDeclaration(n) || ts.isEnumDeclaration(n)) && n.name) return n.name.text;
    if (ts.isModuleDeclaration(n)) return n.name.getText();
  }
  return "";
}

const annotationCache = new Map<ts.Declaration, string | null>();

/** The `[Api set: ...]` text of a declaration's JSDoc, or null when it has none. */
export function apiSetAnnotation(decl: ts.Declaration): string | null {
  const cached = annotationCache.get(decl);
  if (cached !== undefined) return cached;
  const sf = decl.getSourceFile();
  let found: string | null = null;
  for (const r of ts.getLeadingCommentRanges(sf.text, decl.getFullStart()) ?? []) {
    const m = /\[Api set: ([^\]\r\n]*)\]/.exec(sf.text.slice(r.pos, r.end));
    if (m) found = m[1].trim();
  }
  annotationCache.set(decl, found);
  return found;
}

/** How a member is used, for annotations whose set depends on it. */
export interface UseContext {
  /** Assigned to (`range.values = ...`), not read. */
  readonly write?: boolean;
  /** The parameters a call passes, by name. */
  readonly passed?: ReadonlySet<string>;
}

/**
 * The ExcelApi version an annotation asks for a use. Most are one set ("ExcelApi 1.7"). Some
 * are conditional, clause by clause: "ExcelApi 1.1 for get, 1.8 for set" (a write takes the
 * set clause, a read the get clause), "1.1 for adding a single row; 1.4 allows adding of
 * multiple rows; 1.15 for adding `alwaysInsert` parameter" (a clause naming a parameter counts
 * when the call passes it; any other clause counts, to be safe). The highest clause that counts
 * wins. A use whose clause is "Preview", or an annotation of another set (BETA, ExcelApiOnline),
 * is unavailable.
 */
export function versionOf(annotation: string, use: UseContext = {}, set = EXCEL.set): Version {
  if (!new RegExp(`^${set} \\d+\\.\\d+`).test(annotation)) return UNAVAILABLE;
  const clauses = annotation
    .slice(set.length + 1)
    .split(new RegExp(`;\\s*|,\\s*(?=\\d+\\.\\d+|${set})`))
    .map((c) => new RegExp(`^(?:${set} )?(\\d+\\.\\d+|Preview)\\s*(.*)$`).exec(c.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ version: m[1] === "Preview" ? UNAVAILABLE : parseVersion(m[1]), cond: m[2] }));
  const counts = (cond: string): boolean => {
    if (cond === "") return true;
    const param = /`(\w+)`/.exec(cond);
    if (param) return use.passed?.has(param[1]) ?? false;
    if (/\bset(ting)?\b/.test(cond)) return use.write === true;
    if (/\b(get|getting|reading)\b/.test(cond)) return use.write !== true;
    return true;
  };
  const applying = clauses.filter((c) => counts(c.cond));
  const pool = applying.length > 0 ? applying : clauses.slice(0, 1);
  return pool.reduce((a, c) => (compareVersions(c.version, a) > 0 ? c.version : a), pool[0].version);
}

/** How `access` (the name of a member, or the access expression) is used: assigned to, called with which parameters. */
function useContext(access: ts.Node, decl: ts.Declaration): UseContext {
  const expr = ts.isPropertyAccessExpression(access.parent) && access.parent.name === access ? access.parent : access;
  const parent = expr.parent;
  const write =
    parent !== undefined &&
    ts.isBinaryExpression(parent) &&
    parent.left === expr &&
    parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
    parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
  const passed = new Set<string>();
  if (parent && ts.isCallExpression(parent) && parent.expression === expr && ts.isFunctionLike(decl)) {
    decl.parameters.forEach((p, i) => {
      if (i < parent.arguments.length && ts.isIdentifier(p.name)) passed.add(p.name.text);
    });
  }
  return { write, passed };
}

/** The Excel API member a node names, with its set; undefined when it is not an annotated Excel API member. */
function apiMember(
  checker: ts.TypeChecker,
  node: ts.Node,
  family: Family,
): { member: string; annotation: string; version: Version } | undefined {
  let symbol = checker.getSymbolAtLocation(node);
  if (!symbol) return undefined;
  if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const dts = family.dts.replace(/\\/g, "/");
  const decls = (symbol.declarations ?? []).filter((d) => d.getSourceFile().fileName === dts && inNamespace(d, family.namespace));
  let best: { member: string; annotation: string; version: Version } | undefined;
  for (const d of decls) {
    const annotation = apiSetAnnotation(d);
    if (annotation === null) continue;
    const version = versionOf(annotation, useContext(node, d), family.set);
    // Overloads (an enum and its string values) share the set; take the lowest that any declares.
    if (!best || compareVersions(version, best.version) < 0) best = { member: `${containerName(d)}.${symbol.name}`, annotation, version };
  }
  return best;
}

/** The file's `export const <name> = "1.x"` (EXCEL_API_SET, CUSTOM_FUNCTIONS_RUNTIME_SET). */
function declaredSet(checker: ts.TypeChecker, sf: ts.SourceFile, name = "EXCEL_API_SET"): FileReport["declared"] {
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st) || !st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    for (const d of st.declarationList.declarations) {
      if (ts.isIdentifier(d.name) && d.name.text === name && d.initializer && ts.isStringLiteral(d.initializer)) {
        const symbol = checker.getSymbolAtLocation(d.name);
        if (symbol) return { version: parseVersion(d.initializer.text), symbol };
      }
    }
  }
  return undefined;
}

/** Every annotated member of `family` (Excel, or CustomFunctions) that `sf` uses. */
export function apiUses(checker: ts.TypeChecker, sf: ts.SourceFile, family: Family = EXCEL): Use[] {
  const uses: Use[] = [];
  const file = relative(ROOT, sf.fileName).replace(/\\/g, "/");
  const visit = (node: ts.Node): void => {
    // The name of a property access (a.b, a.b()), a qualified type name is skipped: types are not calls.
    if (ts.isPropertyAccessExpression(node) || (ts.isIdentifier(node) && !ts.isPropertyAccessExpression(node.parent))) {
      const target = ts.isPropertyAccessExpression(node) ? node.name : node;
      if (!isInType(node)) {
        const m = apiMember(checker, target, family);
        if (m) uses.push({ file, line: sf.getLineAndCharacterOfPosition(target.getStart(sf)).line + 1, ...m });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return uses;
}

/** True inside a type annotation (`ws: Excel.Worksheet` uses no member at run time). */
function isInType(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if (ts.isTypeNode(n)) return true;
    if (ts.isStatement(n) || ts.isSourceFile(n)) return false;
  }
  return false;
}

/** The project's compiler options (tsconfig.build.json: office-js and custom-functions-runtime types). */
export function compilerOptions(): ts.CompilerOptions {
  const path = join(ROOT, "tsconfig.build.json");
  const config = ts.readConfigFile(path, ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(path)).options;
}

/** src/taskpane, src/functions and src/sheets: the code that may call Excel. */
export function sourceFiles(): string[] {
  return ["src/taskpane", "src/functions", "src/sheets"].flatMap((dir) =>
    (ts.sys.readDirectory(join(ROOT, dir), [".ts"]) ?? []).filter((f) => !f.endsWith(".d.ts")),
  );
}

/**
 * Compiles `files` (plus `extra`: in-memory files, path -> text, for the tests of the check
 * itself) and reports, per file, the Excel API members used and the set declared.
 */
export function analyse(files: string[], extra: Record<string, string> = {}): { reports: FileReport[]; guards: Set<ts.Symbol> } {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options, true);
  const norm = (p: string) => p.replace(/\\/g, "/");
  const virtual = new Map(Object.entries(extra).map(([p, text]) => [norm(p), text]));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, onError, create) => {
    const text = virtual.get(norm(name));
    return text !== undefined ? ts.createSourceFile(name, text, lang, true) : getSourceFile(name, lang, onError, create);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => virtual.has(norm(name)) || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => virtual.get(norm(name)) ?? readFile(name);
  const roots = [...files, ...virtual.keys()];
  const program = ts.createProgram(roots, options, host);
  const checker = program.getTypeChecker();
  const rootSet = new Set(roots.map(norm));
  const reports: FileReport[] = [];
  const guards = new Set<ts.Symbol>();
  for (const sf of program.getSourceFiles()) {
    if (!rootSet.has(norm(sf.fileName))) continue;
    reports.push({
      file: relative(ROOT, sf.fileName).replace(/\\/g, "/"),
      uses: apiUses(checker, sf, EXCEL),
      declared: declaredSet(checker, sf),
      customFunctions: apiUses(checker, sf, CUSTOM_FUNCTIONS),
      declaredCustomFunctions: declaredSet(checker, sf, "CUSTOM_FUNCTIONS_RUNTIME_SET")?.version,
    });
    // Guards: a constant passed to isSetSupported(...) or excelApiSupported(...).
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = ts.isPropertyAccessExpression(node.expression)
          ? node.expression.name.text
          : ts.isIdentifier(node.expression)
            ? node.expression.text
            : "";
        if (callee === "isSetSupported" || callee === "excelApiSupported") {
          for (const arg of node.arguments) {
            let s = checker.getSymbolAtLocation(arg);
            if (s && s.flags & ts.SymbolFlags.Alias) s = checker.getAliasedSymbol(s);
            if (s) guards.add(s);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { reports, guards };
}

/** What breaks the rule, one line each; empty when every file agrees with its guard. */
export function violations(analysis: { reports: FileReport[]; guards: Set<ts.Symbol> }): string[] {
  const out: string[] = [];
  const baseline = parseVersion(BASELINE_SET);
  for (const r of analysis.reports) {
    if (r.uses.length === 0) {
      if (r.declared) out.push(`${r.file}: declares EXCEL_API_SET ${showVersion(r.declared.version)} but uses no Excel API member`);
      continue;
    }
    for (const u of r.uses.filter((x) => x.version === UNAVAILABLE))
      out.push(`${u.file}:${u.line}: ${u.member} is in no released ExcelApi set ([Api set: ${u.annotation}])`);
    const used = r.uses.filter((x) => x.version !== UNAVAILABLE);
    if (used.length === 0) continue;
    const max = used.reduce((a, u) => (compareVersions(u.version, a) > 0 ? u.version : a), used[0].version);
    const top = [...new Set(used.filter((u) => compareVersions(u.version, max) === 0).map((u) => u.member))].join(", ");
    if (!r.declared) {
      out.push(`${r.file}: uses Excel API members up to ExcelApi ${showVersion(max)} (${top}) but declares no EXCEL_API_SET`);
      continue;
    }
    const declared = r.declared.version;
    for (const u of used.filter((x) => compareVersions(x.version, declared) > 0))
      out.push(
        `${u.file}:${u.line}: ${u.member} needs ExcelApi ${showVersion(u.version)}, above the file's EXCEL_API_SET ${showVersion(declared)}`,
      );
    if (compareVersions(max, declared) < 0)
      out.push(`${r.file}: EXCEL_API_SET ${showVersion(declared)} asks more than it uses: nothing above ${showVersion(max)} (${top})`);
    if (compareVersions(declared, baseline) > 0 && !analysis.guards.has(r.declared.symbol))
      out.push(
        `${r.file}: EXCEL_API_SET ${showVersion(declared)} is above ${BASELINE_SET} but no isSetSupported/excelApiSupported call checks it`,
      );
  }
  // CustomFunctionsRuntime: one declaration for the whole add-in (the manifest's requirement),
  // equal to the highest set among the CustomFunctions members any file uses.
  const cf = analysis.reports.flatMap((r) => r.customFunctions);
  const cfDeclared = analysis.reports.filter((r) => r.declaredCustomFunctions !== undefined);
  if (cf.length > 0 || cfDeclared.length > 0) {
    for (const u of cf.filter((x) => x.version === UNAVAILABLE))
      out.push(`${u.file}:${u.line}: ${u.member} is in no released CustomFunctionsRuntime set ([Api set: ${u.annotation}])`);
    const used = cf.filter((x) => x.version !== UNAVAILABLE);
    const max = used.reduce<Version | undefined>(
      (a, u) => (a === undefined || compareVersions(u.version, a) > 0 ? u.version : a),
      undefined,
    );
    if (cfDeclared.length !== 1) {
      out.push(
        `CUSTOM_FUNCTIONS_RUNTIME_SET is declared ${cfDeclared.length} times (${cfDeclared.map((r) => r.file).join(", ")}); declare it once`,
      );
    } else if (max !== undefined && compareVersions(max, cfDeclared[0].declaredCustomFunctions!) !== 0) {
      const top = [...new Set(used.filter((u) => compareVersions(u.version, max) === 0).map((u) => u.member))].join(", ");
      out.push(
        `${cfDeclared[0].file}: CUSTOM_FUNCTIONS_RUNTIME_SET ${showVersion(cfDeclared[0].declaredCustomFunctions!)} differs from what the code uses: up to ${showVersion(max)} (${top})`,
      );
    }
  }
  return out;
}
