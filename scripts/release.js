#!/usr/bin/env node
/* `npm run release -- --url https://billing.example.com/addin/` writes release/: a folder to
 * upload, as it is, to any static HTTPS host at that URL (docs/deploy.md).
 *
 *   release/
 *     manifest.xml            the XML manifest (Microsoft 365 admin center, perpetual-era clients)
 *     manifest.json           the unified manifest for Microsoft 365
 *     kustomer-contract-billing-<version>.zip   the app package of the unified manifest (manifest.json + its two icons)
 *     index.html, support.html, privacy.html, terms.html, site.css   stable URLs (SupportUrl, privacy, terms)
 *     <version>/              everything Office loads: taskpane.html, functions.js, functions.json, help.html, icons...
 *
 * Every release changes the manifests' Version (package.json's version: bump it first, e.g.
 * `npm version patch --no-git-tag-version`) and, with it, the URL of every file Office loads
 * (<url><version>/...): an updated manifest never pairs new code with old metadata in Office's
 * caches, and the previous version's folder can stay on the host for users not yet updated.
 *
 * Steps: webpack's production build (into a temporary folder, with ADDIN_PUBLIC_URL set to the
 * version's folder), then assemble(): copy, put the public URL in, generate both manifests from
 * scripts/addin.js, zip the app package, refuse any file that names localhost, and validate the
 * manifests and functions.json offline (scripts/validate.js).
 *
 * A release is refused, before anything is built, when `--out` already holds one whose manifest
 * Version is the same or higher (a version number is never reused; Office updates an add-in only
 * when the Version rises): checkVersionRises().
 *
 * Options: --url <https URL ending in "/"> (required), --out <folder> (default release/).
 * Node only, no shell: the same on Windows, Mac and Linux. */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");
const addin = require("./addin");
const { DEV_URL, xmlManifest, xmlVersion, unifiedManifest, checkFolderUrl } = require("./manifests");
const validate = require("./validate");

const root = path.join(__dirname, "..");
/** Files that the build writes and the release puts at the site's root, not in the version's folder. */
const SITE_FILES = ["support.html", "privacy.html", "terms.html", "site.css"];
/** Files of the build that the release writes anew (the manifests, for the public URL) or leaves out (the dev index). */
const REPLACED = ["manifest.xml", "manifest.json", "index.html"];
const TEXT = /\.(html|json|xml|css|js|txt)$/;
const DEV_ORIGIN = new URL(DEV_URL).origin;

/** --url and --out from argv (`--url X` or `--url=X`); throws a one-line message on a bad command line. */
function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(url|out)(?:=(.*))?$/.exec(argv[i]);
    if (!m)
      throw new Error(`unknown argument ${JSON.stringify(argv[i])}; usage: npm run release -- --url https://host/path/ [--out folder]`);
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === "") throw new Error(`--${m[1]} needs a value`);
    opts[m[1]] = value;
  }
  if (!opts.url) throw new Error("--url is required: where the release will be served, e.g. --url https://billing.example.com/addin/");
  const url = opts.url.endsWith("/") ? opts.url : `${opts.url}/`;
  checkFolderUrl(url, "--url");
  if (/^https:\/\/(localhost|127\.|\[::1\])/i.test(url))
    throw new Error(`--url must be where users' Excel reaches the add-in, not this machine; got ${url}`);
  return { url, out: path.resolve(opts.out ?? path.join(root, "release")) };
}

/** The XML manifest's Version in `text` (its first <Version> element) as four numbers, or null. */
function manifestVersion(text) {
  const m = /<Version>\s*(\d{1,5})\.(\d{1,5})\.(\d{1,5})\.(\d{1,5})\s*<\/Version>/.exec(text);
  return m ? m.slice(1).map(Number) : null;
}

/** The sign of a - b for two versions of four numbers each. */
function compareVersions(a, b) {
  for (let i = 0; i < 4; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

/**
 * Throws unless `version` (package.json's, three parts) is above the release already in `out`:
 * its manifest.xml's Version. No manifest.xml there is no earlier release; one without a
 * Version is refused too (the folder is not a release of this add-in).
 */
function checkVersionRises(out, version) {
  const file = path.join(out, "manifest.xml");
  if (!fs.existsSync(file)) return;
  const next = xmlVersion(version).split(".").map(Number);
  const last = manifestVersion(fs.readFileSync(file, "utf8"));
  if (!last) throw new Error(`${file} has no <Version>: --out must be an empty folder or an earlier release of this add-in`);
  if (compareVersions(next, last) <= 0) {
    const was = last.slice(0, 3).join(".");
    throw new Error(
      `version ${version} is not above ${was}, the release already in ${out}. Office updates an add-in only when its ` +
        "manifest's Version rises, and files under a reused number may still be served from caches. " +
        "Bump the version first (npm version patch --no-git-tag-version), or give another --out.",
    );
  }
}

function* walk(dir, rel = "") {
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const r = rel ? path.join(rel, e.name) : e.name;
    if (e.isDirectory()) yield* walk(dir, r);
    else yield r;
  }
}

/** The dev URL replaced by the public one: full URLs first, then the bare origin. */
const publicText = (text, base) => text.split(DEV_URL).join(base).split(DEV_ORIGIN).join(new URL(base).origin);

function write(file, data) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
}

/** The release index: what is here, for whoever opens the site's root. */
function indexPage(version) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${addin.name} add-in</title><link rel="stylesheet" href="site.css"></head>
<body><main>
<h1>${addin.name} add-in, version ${version}</h1>
<ul>
<li><a href="${version}/help.html">Function reference</a> (every KUSTOMER function, with live examples)</li>
<li><a href="manifest.xml">manifest.xml</a> and <a href="manifest.json">manifest.json</a>: the add-in's manifests, for your IT department</li>
<li><a href="support.html">Support</a>, <a href="privacy.html">privacy</a>, <a href="terms.html">terms of use</a></li>
</ul>
</main></body></html>
`;
}

/**
 * Assembles a release from a production build in `buildDir` (built for the dev URL or for the
 * version's URL: either way the public URL is put in) into `out`.
 * @returns {{ out: string, version: string, base: string, files: string[] }} files: every file written, relative to out
 */
async function assemble(buildDir, { url, out, version = addin.version }) {
  checkFolderUrl(url, "url");
  const base = `${url}${version}/`;
  fs.rmSync(out, { recursive: true, force: true });
  const written = [];
  const put = (rel, data) => {
    write(path.join(out, rel), data);
    written.push(rel.split(path.sep).join("/"));
  };
  for (const rel of walk(buildDir)) {
    const name = rel.split(path.sep).join("/");
    if (REPLACED.includes(name)) continue;
    const data = fs.readFileSync(path.join(buildDir, rel));
    if (SITE_FILES.includes(name)) {
      // The site's pages link the function reference in the version's folder.
      // (The build may have minified the page: the attribute's quotes may be gone.)
      put(name, data.toString("utf8").replace(/href=(["']?)help\.html\1(?=[\s>])/g, `href="${version}/help.html"`));
      continue;
    }
    put(path.join(version, rel), TEXT.test(name) ? publicText(data.toString("utf8"), base) : data);
  }
  const where = { base, site: url, version };
  const xml = xmlManifest(addin, where);
  const unified = unifiedManifest(addin, where);
  const json = `${JSON.stringify(unified, null, 2)}\n`;
  put("manifest.xml", xml);
  put("manifest.json", json);
  put("index.html", indexPage(version));
  // The unified manifest's app package: manifest.json and its two icons, at the paths it names.
  const { zipSync } = require("fflate");
  const icon = (p) => new Uint8Array(fs.readFileSync(path.join(buildDir, p)));
  const zip = zipSync(
    {
      "manifest.json": new TextEncoder().encode(json),
      [unified.icons.color]: icon(unified.icons.color),
      [unified.icons.outline]: icon(unified.icons.outline),
    },
    { mtime: new Date("2000-01-01T00:00:00Z") },
  );
  put(appPackageName(version), Buffer.from(zip));

  // Nothing may point at this machine.
  const local = written.filter((rel) => TEXT.test(rel) && /localhost|127\.0\.0\.1/i.test(fs.readFileSync(path.join(out, rel), "utf8")));
  if (local.length && !/localhost|127\.0\.0\.1/i.test(url))
    throw new Error(`release: these files still name localhost: ${local.join(", ")}`);

  // Offline validation against Microsoft's specifications.
  const problems = [
    ...(await validate.xsdErrors(xml)).map((e) => `manifest.xml: ${e}`),
    ...(await validate.manifestRuleErrors(xml)).map((e) => `manifest.xml: ${e}`),
    ...validate.unifiedErrors(unified).map((e) => `manifest.json: ${e}`),
    ...validate
      .functionsJsonErrors(JSON.parse(fs.readFileSync(path.join(out, version, addin.files.metadata), "utf8")))
      .map((e) => `functions.json: ${e}`),
  ];
  if (problems.length) throw new Error(`release: invalid files:\n  ${problems.join("\n  ")}`);
  return { out, version, base, files: written };
}

const appPackageName = (version) => `kustomer-contract-billing-${version}.zip`;

/** webpack's production build of the add-in into `dir`, for the public URL `base`. */
function build(dir, base) {
  const { resolveBin } = require("./commands");
  const r = spawnSync(process.execPath, [resolveBin(root, "webpack-cli"), "--mode", "production", "--output-path", dir], {
    cwd: root,
    env: { ...process.env, ADDIN_PUBLIC_URL: base },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0)
    throw new Error(
      `the build failed:\n${r.error ? r.error.message : `${r.stdout}\n${r.stderr}`.trim().split(/\r?\n/).slice(-30).join("\n")}`,
    );
}

async function main(argv) {
  const { url, out } = parseArgs(argv);
  checkVersionRises(out, addin.version);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kustomer-release-"));
  try {
    console.log(`Building version ${addin.version} for ${url}${addin.version}/ ...`);
    build(tmp, `${url}${addin.version}/`);
    const r = await assemble(tmp, { url, out });
    console.log(`
Release ${r.version} written to ${r.out} (${r.files.length} files), validated offline.
  Upload the folder's contents to ${url} (HTTPS; headers: docs/deploy.md).
  Keep earlier version folders on the host until every user has the new manifest.
  Then deploy in the Microsoft 365 admin center > Settings > Integrated apps:
    ${path.join(r.out, appPackageName(r.version))}   (unified manifest: Microsoft 365 subscription Excel)
    ${path.join(r.out, "manifest.xml")}   (XML manifest)
`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module)
  main(process.argv.slice(2)).catch((e) => {
    console.error(`npm run release: ${e.message}`);
    process.exit(1);
  });

module.exports = { parseArgs, assemble, build, appPackageName, checkVersionRises, compareVersions, manifestVersion, SITE_FILES };
