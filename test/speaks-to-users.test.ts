/**
 * The project speaks to its users alone: nothing in it (code, comments, tests, docs, samples,
 * scripts, vendored schemas) points at a folder outside it or at how its work was organised (issue numbers). The
 * rules and decisions users need are in docs/terms.md, and the four documents are cited by title.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import { extname, join, relative } from "path";

const ROOT = join(__dirname, "..");
const TEXT = new Set([".ts", ".js", ".mjs", ".cjs", ".md", ".json", ".html", ".css", ".csv", ".xml", ".yml", ".yaml"]);
const SELF = relative(ROOT, __filename);

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (TEXT.has(extname(name))) yield path;
  }
}

// A folder beside the project, its two files by name, or the word issue(s) followed by a number.
const OUTSIDE = /\.\.\/shared|shared\/(seeds|domain)|domain\.md|\bissues? #?\d+/i;

test("no file points outside the project or at an issue number", () => {
  const found: string[] = [];
  const roots = ["src", "test", "scripts", "docs", "samples", "schemas", ".ci"].map((d) => join(ROOT, d));
  const paths = [
    ...roots.flatMap((r) => [...files(r)]),
    join(ROOT, "README.md"),
    join(ROOT, "manifest.xml"),
    join(ROOT, "webpack.config.js"),
  ];
  for (const path of paths) {
    const rel = relative(ROOT, path);
    if (rel === SELF) continue;
    readFileSync(path, "utf8")
      .split("\n")
      .forEach((line, i) => {
        const m = OUTSIDE.exec(line);
        if (m) found.push(`${rel}:${i + 1}: ${m[0]}`);
      });
  }
  expect(found).toEqual([]);
});

test("the check sees what it looks for", () => {
  for (const planted of ["see ../shared/domain.md", "shared/seeds/000.txt", "(issue 19 §4)", "issues 11 and 12"])
    expect(OUTSIDE.test(planted)).toBe(true);
  for (const fine of ["the shared runtime", "SharedRuntime 1.1", "Issue date", "UAX #29"]) expect(OUTSIDE.test(fine)).toBe(false);
});
