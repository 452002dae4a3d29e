/**
 * `npm run release -- --url https://billing.example.com/addin/`, run as a user runs it (Node
 * runs scripts/release.js, no shell): the release folder holds the pages, bundles, icons,
 * functions.json and both manifests, everything Office loads under the version's folder, the
 * app package of the unified manifest, and nothing that names localhost. Also its command line.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { unzipSync } from "fflate";

/* eslint-disable @typescript-eslint/no-require-imports */
const addin = require("../../scripts/addin.js");
const { xmlManifest, unifiedManifest } = require("../../scripts/manifests.js");
const { parseArgs, checkVersionRises, compareVersions, manifestVersion } = require("../../scripts/release.js");
/* eslint-enable @typescript-eslint/no-require-imports */

const root = join(__dirname, "..", "..");
const URL_ = "https://billing.example.com/addin/";
const V = addin.version as string;

function files(dir: string, rel = ""): string[] {
  return readdirSync(join(dir, rel))
    .flatMap((n) => (statSync(join(dir, rel, n)).isDirectory() ? files(dir, join(rel, n)) : [join(rel, n)]))
    .map((p) => p.split("\\").join("/"))
    .sort();
}

describe("npm run release", () => {
  let out: string;
  let all: string[];
  const read = (rel: string) => readFileSync(join(out, rel), "utf8");
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), "kustomer-release-test-"));
    // The README's form, `npm run release -- --url ...`, is `node scripts/release.js --url ...`.
    execFileSync(process.execPath, [join(root, "scripts", "release.js"), "--url", URL_, "--out", out], { cwd: root, stdio: "pipe" });
    all = files(out);
  }, 240_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test("writes the manifests, the app package and the site's pages at the root, everything Office loads under the version", () => {
    expect(all.filter((f) => !f.startsWith(`${V}/`))).toEqual(
      [
        "index.html",
        `kustomer-contract-billing-${V}.zip`,
        "manifest.json",
        "manifest.xml",
        "privacy.html",
        "site.css",
        "support.html",
        "terms.html",
      ].sort(),
    );
    for (const f of [
      "taskpane.html",
      "taskpane.js",
      "functions.js",
      "functions.json",
      "help.html",
      "help.js",
      "taskpane.css",
      "help.css",
      "assets/icon-32.png",
      "assets/icon-192.png",
    ])
      expect(all).toContain(`${V}/${f}`);
  });

  test("nothing in it names localhost (every text file, and the app package's manifest)", () => {
    const text = all.filter((f) => /\.(html|js|json|xml|css|txt)$/.test(f));
    expect(text.length).toBeGreaterThan(12);
    for (const f of text) expect({ f, localhost: /localhost|127\.0\.0\.1/.test(read(f)) }).toEqual({ f, localhost: false });
    const zip = unzipSync(new Uint8Array(readFileSync(join(out, `kustomer-contract-billing-${V}.zip`))));
    expect(new TextDecoder().decode(zip["manifest.json"])).not.toMatch(/localhost/);
  });

  test("the manifests are the generated ones for the version's folder, with the real Id and name", () => {
    const where = { base: `${URL_}${V}/`, site: URL_ };
    expect(read("manifest.xml")).toBe(xmlManifest(addin, where));
    expect(JSON.parse(read("manifest.json"))).toEqual(unifiedManifest(addin, where));
    expect(read("manifest.xml")).toMatch(
      /<Id>6f1d3c52-8a4e-4b7f-9c2d-51e8a0b7c3f4<\/Id>[\s\S]*<DisplayName DefaultValue="Kustomer Contract Billing"\/>/,
    );
    expect(read("manifest.xml")).toContain(`<bt:Url id="Functions.Metadata.Url" DefaultValue="${URL_}${V}/functions.json"/>`);
  });

  test("functions.json's help links point at the version's help page; the site's pages link it too", () => {
    const meta = JSON.parse(read(`${V}/functions.json`));
    for (const f of meta.functions) expect(f.helpUrl).toBe(`${URL_}${V}/help.html#${f.id}`);
    expect(read("support.html")).toContain(`href="${V}/help.html"`);
    expect(read("index.html")).toContain(`href="${V}/help.html"`);
  });

  test("the app package holds manifest.json and the two icons it names, at those paths", () => {
    const zip = unzipSync(new Uint8Array(readFileSync(join(out, `kustomer-contract-billing-${V}.zip`))));
    const manifest = JSON.parse(new TextDecoder().decode(zip["manifest.json"]));
    expect(Object.keys(zip).sort()).toEqual(["assets/icon-192.png", "assets/icon-outline-32.png", "manifest.json"]);
    expect(manifest.icons).toEqual({ color: "assets/icon-192.png", outline: "assets/icon-outline-32.png" });
    expect(Buffer.from(zip["assets/icon-192.png"]).equals(readFileSync(join(root, "assets", "icon-192.png")))).toBe(true);
  });
});

describe("its command line", () => {
  test("takes --url X or --url=X, adds a missing final slash, and writes release/ unless --out says otherwise", () => {
    expect(parseArgs(["--url", URL_])).toEqual({ url: URL_, out: join(root, "release") });
    expect(parseArgs(["--url=https://billing.example.com/addin", "--out", "x"]).url).toBe(URL_);
  });

  test.each([
    [[], /--url is required/],
    [["--url", "http://billing.example.com/"], /--url must be an https URL/],
    [["--url", "https://localhost:3000/"], /not this machine/],
    [["--url"], /--url needs a value/],
    [["--url", URL_, "--versoin", "2"], /unknown argument "--versoin"/],
  ])("refuses %j", (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

describe("a version number is never reused: a release over an earlier one must be a higher version", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "kustomer-release-version-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const earlier = (version: string) => writeFileSync(join(dir, "manifest.xml"), xmlManifest(addin, { version }));

  test("the XML manifest's Version is read as four numbers; versions compare part by part, as numbers", () => {
    expect(manifestVersion(xmlManifest(addin, { version: "1.10.3" }))).toEqual([1, 10, 3, 0]);
    expect(manifestVersion("<OfficeApp><VersionOverrides/></OfficeApp>")).toBeNull();
    // 1.10.0 is above 1.9.0 (10 > 9, though "10" < "9" as text).
    expect(compareVersions([1, 10, 0, 0], [1, 9, 0, 0])).toBe(1);
    expect(compareVersions([1, 9, 0, 0], [1, 10, 0, 0])).toBe(-1);
    expect(compareVersions([2, 0, 0, 0], [2, 0, 0, 0])).toBe(0);
  });
  test("an empty folder, or one holding a lower version, takes the release", () => {
    expect(() => checkVersionRises(dir, "1.0.0")).not.toThrow();
    earlier("1.9.0");
    expect(() => checkVersionRises(dir, "1.10.0")).not.toThrow();
    expect(() => checkVersionRises(dir, "2.0.0")).not.toThrow();
  });
  test("the same version or a lower one is refused, saying how to bump it", () => {
    earlier("1.2.0");
    expect(() => checkVersionRises(dir, "1.2.0")).toThrow(
      /^version 1\.2\.0 is not above 1\.2\.0, the release already in .*npm version patch --no-git-tag-version/,
    );
    expect(() => checkVersionRises(dir, "1.1.9")).toThrow(/^version 1\.1\.9 is not above 1\.2\.0/);
  });
  test("a manifest.xml without a Version is not an earlier release: refused", () => {
    writeFileSync(join(dir, "manifest.xml"), "<OfficeApp/>");
    expect(() => checkVersionRises(dir, "1.0.0")).toThrow(/has no <Version>/);
  });
  test("npm run release refuses before building anything, and exits 1 with the reason", () => {
    earlier(V);
    let failure: { status: number; stderr: string } | undefined;
    try {
      execFileSync(process.execPath, [join(root, "scripts", "release.js"), "--url", URL_, "--out", dir], { cwd: root, stdio: "pipe" });
    } catch (e) {
      const err = e as { status: number; stderr: Buffer };
      failure = { status: err.status, stderr: err.stderr.toString() };
    }
    expect(failure?.status).toBe(1);
    expect(failure?.stderr).toContain(`npm run release: version ${V} is not above ${V}, the release already in`);
    expect(readdirSync(dir)).toEqual(["manifest.xml"]);
  });
});
