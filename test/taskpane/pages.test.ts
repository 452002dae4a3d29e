/**
 * The pages and the package: the task pane's page carries a Content-Security-Policy that lets in
 * its own files and office.js's host, and nothing else; office.js comes from that host at run
 * time, so the @microsoft/office-js package (its local copy, served by the browser test) is a
 * development dependency only. (The built pages and bundles are checked in the browser test.)
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "..", "..");
const template = readFileSync(join(root, "src", "taskpane", "taskpane.html"), "utf8");

function policy(html: string): Map<string, string[]> {
  const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (!m) throw new Error("no Content-Security-Policy meta tag");
  return new Map(
    m[1]
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

test("the task pane's policy: scripts from itself and office.js's host only; no inline script, no eval, nothing else by default", () => {
  const csp = policy(template);
  expect(csp.get("default-src")).toEqual(["'self'"]);
  expect(csp.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
  expect(csp.get("object-src")).toEqual(["'none'"]);
  expect(csp.get("base-uri")).toEqual(["'none'"]);
  // The page's one external script is office.js, from the host the policy allows.
  const scripts = [...template.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
  expect(scripts).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
  // The meta tag comes before any script, so it applies to all of them.
  expect(template.indexOf("Content-Security-Policy")).toBeLessThan(template.indexOf("<script"));
});

test("@microsoft/office-js is a development dependency, and no source file imports it", () => {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  expect(Object.keys(pkg.dependencies)).not.toContain("@microsoft/office-js");
  expect(Object.keys(pkg.devDependencies)).toContain("@microsoft/office-js");
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
  const importers = files(join(root, "src")).filter((f) => readFileSync(f, "utf8").includes("@microsoft/office-js"));
  expect(importers).toEqual([]);
});
