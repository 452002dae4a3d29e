/**
 * webpack.config.js, read without building: the dev server listens on localhost only, the
 * development build's manifests have their own Id and "(dev)" name while production has the real
 * ones (both generated from scripts/addin.js), every build emits an index page, and a production build without ADDIN_PUBLIC_URL warns
 * that its manifest points at localhost (checked by compiling a one-line entry with the plugin).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import webpack from "webpack";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require("../webpack.config.js") as (env: unknown, argv: { mode: string }) => Promise<webpack.Configuration>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DEV_ID, PRODUCTION_ID } = require("../scripts/dev-manifest.js") as { DEV_ID: string; PRODUCTION_ID: string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const addin = require("../scripts/addin.js");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { xmlManifest, unifiedManifest } = require("../scripts/manifests.js");

async function config(mode: string, url?: string): Promise<webpack.Configuration> {
  const saved = process.env.ADDIN_PUBLIC_URL;
  if (url === undefined) delete process.env.ADDIN_PUBLIC_URL;
  else process.env.ADDIN_PUBLIC_URL = url;
  try {
    return await makeConfig({}, { mode });
  } finally {
    if (saved === undefined) delete process.env.ADDIN_PUBLIC_URL;
    else process.env.ADDIN_PUBLIC_URL = saved;
  }
}
const pluginNames = (c: webpack.Configuration) => (c.plugins ?? []).map((p) => (p as object).constructor.name);

/** What the build's ManifestPlugin emits (manifest.xml and manifest.json), run on a stand-in compilation. */
function manifestsOut(c: webpack.Configuration): Record<string, string> {
  const plugin = (c.plugins ?? []).find((p) => (p as object).constructor.name === "ManifestPlugin") as webpack.WebpackPluginInstance;
  const emitted: Record<string, string> = {};
  const compilation = {
    fileDependencies: new Set<string>(),
    hooks: { processAssets: { tap: (_: unknown, fn: () => void) => fn() } },
    emitAsset: (name: string, source: { source(): string | Buffer }) => (emitted[name] = source.source().toString()),
  };
  plugin.apply({
    webpack: { sources: webpack.sources, Compilation: webpack.Compilation },
    hooks: { thisCompilation: { tap: (_: string, fn: (c: unknown) => void) => fn(compilation) } },
  } as unknown as webpack.Compiler);
  return emitted;
}

test("the dev server serves this machine only (localhost) on port 3000", async () => {
  const c = await config("development");
  expect((c as { devServer?: { host?: string; port?: number } }).devServer).toMatchObject({ host: "localhost", port: 3000 });
});

test("development manifests: their own Id and '(dev)' name, nothing else changed; production: the generated ones", async () => {
  const dev = manifestsOut(await config("development"));
  const prod = manifestsOut(await config("production"));
  expect(Object.keys(dev).sort()).toEqual(["manifest.json", "manifest.xml"]);
  expect(dev["manifest.xml"]).toContain(`<Id>${DEV_ID}</Id>`);
  expect(dev["manifest.xml"]).toContain('<DisplayName DefaultValue="Kustomer Contract Billing (dev)"/>');
  expect(DEV_ID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(DEV_ID).not.toBe(PRODUCTION_ID);
  expect(dev["manifest.xml"].replace(DEV_ID, PRODUCTION_ID).replace(" (dev)", "")).toBe(prod["manifest.xml"]);
  expect(prod["manifest.xml"]).toBe(xmlManifest(addin));
  expect(JSON.parse(dev["manifest.json"]).id).toBe(DEV_ID);
  expect(JSON.parse(prod["manifest.json"])).toEqual(unifiedManifest(addin));
});

test("every build emits an index page linking the pane, the help page and the manifest", async () => {
  const c = await config("production", "https://billing.example.com/");
  const index = (c.plugins ?? []).find((p) => (p as { options?: { filename?: string } }).options?.filename === "index.html") as unknown as {
    options: { templateContent: string };
  };
  for (const link of ['href="help.html"', 'href="taskpane.html"', 'href="manifest.xml"'])
    expect(index.options.templateContent).toContain(link);
});

test("the index page has a main landmark and the upload menu path the README (or a guide) and the start banner give", async () => {
  const c = await config("production");
  const index = (c.plugins ?? []).find((p) => (p as { options?: { filename?: string } }).options?.filename === "index.html") as unknown as {
    options: { templateContent: string };
  };
  const html = index.options.templateContent;
  expect(html).toMatch(/<main>[\s\S]*<h1>[\s\S]*<\/main>/);
  const path = "Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in";
  expect(html.replace(/&gt;/g, ">")).toContain(path);
  const root = join(__dirname, "..");
  const docs = [
    "README.md",
    ...readdirSync(join(root, "docs"))
      .filter((f) => f.endsWith(".md"))
      .map((f) => join("docs", f)),
  ];
  const written = docs.map((f) => readFileSync(join(root, f), "utf8").replace(/\*/g, "").replace(/\s+/g, " "));
  expect(written.some((t) => t.includes(path))).toBe(true);
  expect(readFileSync(join(root, "scripts", "start.mjs"), "utf8")).toContain(path);
});

test("the localhost warning is on for a production build without ADDIN_PUBLIC_URL only", async () => {
  expect(pluginNames(await config("production"))).toContain("LocalhostManifestWarningPlugin");
  expect(pluginNames(await config("production", "https://billing.example.com/"))).not.toContain("LocalhostManifestWarningPlugin");
  expect(pluginNames(await config("development"))).not.toContain("LocalhostManifestWarningPlugin");
});

test("the warning reaches webpack's warnings (and stderr), loudly", async () => {
  const c = await config("production");
  const Warning = (c.plugins ?? []).find((p) => (p as object).constructor.name === "LocalhostManifestWarningPlugin")!
    .constructor as new () => webpack.WebpackPluginInstance;
  const dir = mkdtempSync(join(tmpdir(), "kustomer-warn-"));
  const write = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    writeFileSync(join(dir, "entry.js"), "module.exports = 1;\n");
    const stats = await new Promise<webpack.Stats>((resolve, reject) =>
      webpack(
        { mode: "production", context: dir, entry: "./entry.js", output: { path: join(dir, "out") }, plugins: [new Warning()] },
        (err, s) => (err || !s ? reject(err) : resolve(s)),
      ),
    );
    const warnings = stats.toJson({ all: false, warnings: true }).warnings ?? [];
    expect(warnings.map((w) => w.message)).toEqual([
      "PRODUCTION BUILD WITHOUT ADDIN_PUBLIC_URL: dist/manifest.xml points at https://localhost:3000/. Fine for tests; for a release set ADDIN_PUBLIC_URL=https://your.host/path/ and build again.",
    ]);
    expect(write.mock.calls.map((c) => String(c[0])).join("")).toMatch(/!!!!!!!!\n!! PRODUCTION BUILD WITHOUT ADDIN_PUBLIC_URL/);
  } finally {
    write.mockRestore();
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
