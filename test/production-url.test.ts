/**
 * A production build writes the public URL (ADDIN_PUBLIC_URL) into the manifest, the function
 * metadata (help links) and the pages, and leaves no localhost URL behind.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const root = join(__dirname, "..");
// webpack-cli's JS entry run by this Node: the same on Windows (where .bin holds .cmd shims), Mac and Linux.
const webpackCli = join(root, "node_modules", "webpack-cli", "bin", "cli.js");

test("ADDIN_PUBLIC_URL replaces https://localhost:3000/ everywhere", () => {
  const out = mkdtempSync(join(tmpdir(), "kustomer-prod-"));
  try {
    execFileSync(process.execPath, [webpackCli, "--mode", "production", "--output-path", out], {
      cwd: root,
      env: { ...process.env, ADDIN_PUBLIC_URL: "https://billing.example.com/addin/" },
      stdio: "pipe",
    });
    for (const f of ["manifest.xml", "functions.json", "help.html", "taskpane.html", "index.html"]) {
      const text = readFileSync(join(out, f), "utf8");
      expect({ f, localhost: text.includes("localhost:3000") }).toEqual({ f, localhost: false });
    }
    expect(readFileSync(join(out, "manifest.xml"), "utf8")).toContain(
      '<bt:Url id="Functions.Metadata.Url" DefaultValue="https://billing.example.com/addin/functions.json"/>',
    );
    // A production build keeps the real Id and name (the development build has its own).
    expect(readFileSync(join(out, "manifest.xml"), "utf8")).toMatch(
      /<Id>6f1d3c52-8a4e-4b7f-9c2d-51e8a0b7c3f4<\/Id>[\s\S]*<DisplayName DefaultValue="Kustomer Contract Billing"\/>/,
    );
    const meta = JSON.parse(readFileSync(join(out, "functions.json"), "utf8"));
    expect(meta.functions[0].helpUrl).toMatch(/^https:\/\/billing\.example\.com\/addin\/help\.html#/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}, 120000);

test("a public URL that is not https is refused", () => {
  expect(() =>
    execFileSync(process.execPath, [webpackCli, "--mode", "production", "--output-path", join(tmpdir(), "kustomer-bad")], {
      cwd: root,
      env: { ...process.env, ADDIN_PUBLIC_URL: "http://billing.example.com/" },
      stdio: "pipe",
    }),
  ).toThrow(/must be an https URL/);
}, 120000);
