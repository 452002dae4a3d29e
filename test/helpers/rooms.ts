/**
 * The rooms of src/ and what each may import (docs/architecture.md), read from the import
 * statements themselves: every `import`, `export ... from`, `import()` and `require()` of each
 * file, as the TypeScript compiler's own pre-processor finds them (ts.preProcessFile), resolved
 * to the file they name and that file's room.
 */
import { readFileSync } from "node:fs";
import { join, posix, relative } from "node:path";
import * as ts from "typescript";

export const ROOT = join(__dirname, "..", "..");

export interface Room {
  readonly name: string;
  /** The folder, relative to the repository, with a trailing slash. */
  readonly path: string;
  /** The rooms whose files it may import (its own always). */
  readonly may: readonly string[];
  /** Pure: no package but the add-in's runtime dependencies (package.json "dependencies"). */
  readonly pure: boolean;
}

/** Most specific first: a file belongs to the first room whose folder holds it. */
export const ROOMS: readonly Room[] = [
  { name: "rules/core", path: "src/rules/core/", may: [], pure: true },
  { name: "rules/rates", path: "src/rules/rates/", may: ["rules/core"], pure: true },
  { name: "tables", path: "src/tables/", may: ["rules/core", "rules/rates"], pure: true },
  { name: "rules", path: "src/rules/", may: ["rules/core", "rules/rates"], pure: true },
  { name: "sheets", path: "src/sheets/", may: ["rules/core", "rules/rates"], pure: true },
  { name: "functions", path: "src/functions/", may: ["rules/core", "rules/rates", "rules", "tables"], pure: false },
  { name: "taskpane/writer", path: "src/taskpane/writer/", may: ["rules/core", "rules/rates", "sheets"], pure: false },
  {
    name: "taskpane",
    path: "src/taskpane/",
    may: ["rules/core", "rules/rates", "rules", "tables", "sheets", "functions", "taskpane/writer"],
    pure: false,
  },
  { name: "help", path: "src/help/", may: [], pure: false },
];

/** Single files another room may import beyond its table: the help page wears the pane's Office theme. */
export const ALSO: Readonly<Record<string, readonly string[]>> = { help: ["src/taskpane/theme.ts"] };

/** The packages a pure room may import: the add-in's runtime dependencies. */
export function runtimePackages(): Set<string> {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
  return new Set(Object.keys(pkg.dependencies ?? {}));
}

export function roomOf(file: string): Room | undefined {
  return ROOMS.find((r) => file.startsWith(r.path));
}

/** A package's name from an import specifier: "date-fns", "@scope/name", "unicode-segmenter" of "unicode-segmenter/grapheme". */
function packageName(spec: string): string {
  const parts = spec.split("/");
  return spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/**
 * Every import of `files` (repository path -> text) that crosses a room's lines, one line each:
 * `src/rules/billing/x.ts:3 imports ../../taskpane/taskpane (taskpane); rules may import rules/core, ...`.
 * `exists` says whether a repository path is a file (to resolve `./x` to x.ts or x/index.ts).
 */
export function crossings(
  files: Readonly<Record<string, string>>,
  exists: (path: string) => boolean,
  packages: ReadonlySet<string>,
): string[] {
  const out: string[] = [];
  for (const [file, text] of Object.entries(files)) {
    const room = roomOf(file);
    if (!room) {
      out.push(`${file}: is in no room (add its folder to ROOMS and to docs/architecture.md)`);
      continue;
    }
    const lines = text.split("\n");
    const lineOf = (pos: number) => {
      let at = 0;
      for (let i = 0; i < lines.length; i++) {
        at += lines[i].length + 1;
        if (pos < at) return i + 1;
      }
      return lines.length;
    };
    for (const ref of ts.preProcessFile(text, true, true).importedFiles) {
      const spec = ref.fileName;
      const where = `${file}:${lineOf(ref.pos)} imports ${spec}`;
      if (!spec.startsWith(".")) {
        if (room.pure && !packages.has(packageName(spec)))
          out.push(`${where}; ${room.name} is pure: it may import only the runtime packages (${[...packages].join(", ")})`);
        continue;
      }
      const base = posix.normalize(posix.join(posix.dirname(file), spec));
      const target = [base, `${base}.ts`, `${base}/index.ts`].find((p) => p.endsWith(".ts") && exists(p));
      if (!target) {
        out.push(`${where}, which is no .ts file`);
        continue;
      }
      const to = roomOf(target);
      if (!to) {
        out.push(`${where} (${target}), outside src/`);
        continue;
      }
      if (to.name === room.name || room.may.includes(to.name) || (ALSO[room.name] ?? []).includes(target)) continue;
      out.push(`${where} (${to.name}); ${room.name} may import ${[room.name, ...room.may].join(", ")}`);
    }
  }
  return out;
}

/** Every .ts file under src/, repository path -> text. */
export function sourceTexts(): Record<string, string> {
  const files = ts.sys.readDirectory(join(ROOT, "src"), [".ts"]).filter((f) => !f.endsWith(".d.ts"));
  return Object.fromEntries(files.map((f) => [relative(ROOT, f).split("\\").join("/"), readFileSync(f, "utf8")]));
}
