/* Builds the add-in into dist/: functions.js + functions.json (metadata generated from the
 * JSDoc of the adapters), taskpane.html/js, help.html, the support, privacy and terms pages,
 * the icons, and both manifests (manifest.xml and manifest.json, generated from
 * scripts/addin.js by scripts/manifests.js).
 * The dev URL https://localhost:3000/ is replaced by ADDIN_PUBLIC_URL (production) when set. */
const path = require("path");
const fs = require("fs");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { renderHelpPage, loadExamples, loadFamilies } = require("./scripts/help-page");
const addin = require("./scripts/addin");
const { xmlManifest, unifiedManifest } = require("./scripts/manifests");
const devCerts = require("./scripts/dev-certs");
const { icoFromPngs } = require("./scripts/favicon");
const { withPreferredDark } = require("./scripts/theme-css");

/**
 * help.html runs the functions bundle and its own script, and its stylesheets, all from its own
 * origin: nothing else. (taskpane.html has its policy in its template.)
 */
const HELP_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

const DEV_URL = "https://localhost:3000/";
const DEV_ORIGIN = "https://localhost:3000";
const PORT = 3000;

/** The adapter modules whose JSDoc becomes functions.json: every .ts in src/functions that declares a @customfunction. */
const FUNCTION_FILES = fs
  .readdirSync(path.join(__dirname, "src/functions"))
  .filter((f) => f.endsWith(".ts") && fs.readFileSync(path.join(__dirname, "src/functions", f), "utf8").includes("@customfunction"))
  .sort()
  .map((f) => `./src/functions/${f}`);

function publicUrl(mode) {
  const url = process.env.ADDIN_PUBLIC_URL;
  if (mode !== "production" || !url) return DEV_URL;
  if (!/^https:\/\/[^\s"<>]+\/$/.test(url)) throw new Error(`ADDIN_PUBLIC_URL must be an https URL ending in "/"; got ${url}`);
  return url;
}

/** Replaces the dev URL by the public one in the text assets (manifest, metadata, pages). */
class PublicUrlPlugin {
  constructor(url) {
    this.url = url;
  }
  apply(compiler) {
    const { sources, Compilation } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("PublicUrlPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "PublicUrlPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE }, (assets) => {
        if (this.url === DEV_URL) return;
        for (const name of Object.keys(assets)) {
          if (!/\.(xml|json|html)$/.test(name)) continue;
          const text = assets[name].source().toString();
          // Full URLs first, then the bare origin (the manifest's AppDomain).
          const replaced = text.split(DEV_URL).join(this.url).split(DEV_ORIGIN).join(new URL(this.url).origin);
          if (replaced !== text) compilation.updateAsset(name, new sources.RawSource(replaced));
        }
      });
    });
  }
}

/** Emits favicon.ico (browsers ask every served page for it) from the 16 and 32 px icons. */
class FaviconPlugin {
  apply(compiler) {
    const { sources, Compilation } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("FaviconPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "FaviconPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const pngs = ["icon-16.png", "icon-32.png"].map((f) => {
          const file = path.join(__dirname, "assets", f);
          compilation.fileDependencies.add(file);
          return fs.readFileSync(file);
        });
        compilation.emitAsset("favicon.ico", new sources.RawSource(icoFromPngs(pngs)));
      });
    });
  }
}

/** Emits help.html from the generated functions.json and the examples files. */
class HelpPagePlugin {
  apply(compiler) {
    const { sources, Compilation } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("HelpPagePlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "HelpPagePlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, (assets) => {
        const meta = assets["functions.json"];
        if (!meta) return;
        const examples = loadExamples((file) => compilation.fileDependencies.add(file));
        // The help script first (it stands in for Excel's CustomFunctions), then every file of
        // the functions bundle, in order (shared chunks included).
        const files = (entry) => (compilation.entrypoints.get(entry)?.getFiles() ?? []).filter((f) => f.endsWith(".js"));
        const html = renderHelpPage(JSON.parse(meta.source().toString()), examples, "KUSTOMER", {
          scripts: [...new Set([...files("help"), ...files("functions")])],
          styles: ["taskpane.css", "help.css"],
          families: loadFamilies(),
        }).replace('<meta charset="utf-8">', `<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${HELP_CSP}">`);
        if (!html.includes(HELP_CSP)) throw new Error("help.html: no <meta charset> to put the Content-Security-Policy after");
        compilation.emitAsset("help.html", new sources.RawSource(html));
      });
    });
  }
}

/** HTTPS options for `webpack serve`. Linux (and any machine where DEV_SERVER_CERT_DIR is
 * set, as `npm start` does): the certificates in .certs/, generated or renewed without sudo
 * (scripts/dev-certs.js), the same for `npm start` and `npm run dev-server`. Windows and Mac:
 * Office's trusted dev certificates (office-addin-dev-certs installs them on first use; desktop
 * Excel needs them trusted by the system). */
async function httpsOptions() {
  if (!process.env.WEBPACK_SERVE) return {};
  const dir = process.env.DEV_SERVER_CERT_DIR;
  if (dir) return devCerts.readHttpsOptions(dir);
  if (process.platform !== "win32" && process.platform !== "darwin") {
    const certs = await devCerts.ensureDevCertificates(devCerts.CERT_DIR);
    if (certs.generated)
      console.log(
        `Development certificates ${certs.reason === "missing" ? "generated" : "renewed"} in ${certs.dir} (trust ca.crt in your browser).`,
      );
    return devCerts.readHttpsOptions(devCerts.CERT_DIR);
  }
  return require("office-addin-dev-certs").getHttpsServerOptions();
}

/** Emits manifest.xml and manifest.json, generated from scripts/addin.js for the dev URL
 * (PublicUrlPlugin then puts the public URL in). The development build's manifests have their
 * own Id and "(dev)" name, so the dev add-in installs beside the released one; a production
 * build has the real ones. */
class ManifestPlugin {
  constructor(mode) {
    this.dev = mode === "development";
  }
  apply(compiler) {
    const { sources, Compilation } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("ManifestPlugin", (compilation) => {
      for (const f of ["addin.js", "manifests.js"]) compilation.fileDependencies.add(path.join(__dirname, "scripts", f));
      compilation.hooks.processAssets.tap({ name: "ManifestPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const where = { base: DEV_URL, dev: this.dev };
        compilation.emitAsset("manifest.xml", new sources.RawSource(xmlManifest(addin, where)));
        compilation.emitAsset("manifest.json", new sources.RawSource(`${JSON.stringify(unifiedManifest(addin, where), null, 2)}\n`));
      });
    });
  }
}

/** A production build without ADDIN_PUBLIC_URL still points at https://localhost:3000/: fine for
 * tests, never for a release. Said loudly, as a webpack warning and on stderr. */
class LocalhostManifestWarningPlugin {
  apply(compiler) {
    const message =
      "PRODUCTION BUILD WITHOUT ADDIN_PUBLIC_URL: dist/manifest.xml points at https://localhost:3000/. " +
      "Fine for tests; for a release set ADDIN_PUBLIC_URL=https://your.host/path/ and build again.";
    compiler.hooks.thisCompilation.tap("LocalhostManifestWarningPlugin", (compilation) => {
      compilation.warnings.push(new compiler.webpack.WebpackError(message));
    });
    compiler.hooks.done.tap("LocalhostManifestWarningPlugin", () => {
      const line = "!".repeat(100);
      process.stderr.write(`\n${line}\n!! ${message}\n${line}\n\n`);
    });
  }
}

/** https://localhost:3000/ (and the released root): what is served, linked. */
const INDEX_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Kustomer Contract Billing add-in</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="taskpane.css">
</head>
<body>
<main>
<h1>Kustomer Contract Billing add-in</h1>
<p class="lead">What this server hosts for Excel:</p>
<ul>
<li><a href="help.html">help.html</a>: every KUSTOMER function, with live examples you can edit (no Excel needed)</li>
<li><a href="taskpane.html">taskpane.html</a>: the task pane that loads the rate cards (works inside Excel)</li>
<li><a href="manifest.xml">manifest.xml</a>: the add-in manifest, to upload into Excel (Home &gt; Add-ins &gt; More Add-ins &gt; My Add-ins &gt; Upload My Add-in)</li>
<li><a href="manifest.json">manifest.json</a>: the same add-in as a unified manifest for Microsoft 365</li>
<li><a href="support.html">support.html</a>, <a href="privacy.html">privacy.html</a>, <a href="terms.html">terms.html</a>: support, privacy and terms</li>
<li><a href="functions.json">functions.json</a>: the functions' metadata Excel reads</li>
</ul>
</main>
</body></html>
`;

module.exports = async (env, argv) => {
  const mode = argv.mode || "production";
  const url = publicUrl(mode);
  const https = await httpsOptions();
  return {
    mode,
    devtool: mode === "production" ? false : "source-map",
    target: ["web", "es2020"],
    // Both bundles run in one page (the shared runtime: taskpane.html loads functions.js, then
    // taskpane.js). The pane depends on the functions entry, so the modules they share (decimal.js-light,
    // the rules) are bundled once, in functions.js, which also holds the webpack runtime and so
    // still loads alone (Functions.Script.Url, and the bundle tests).
    entry: {
      functions: "./src/functions/index.ts",
      taskpane: { import: "./src/taskpane/taskpane.ts", dependOn: "functions" },
      // The help page's live examples (scripts/help-page.js, src/help/help.ts). It stands in for
      // Excel's CustomFunctions, so it runs before the functions bundle, on its own runtime; it
      // imports no rule, so nothing (decimal.js-light least of all) is bundled twice.
      help: "./src/help/help.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: false, configFile: "tsconfig.build.json" } },
        },
      ],
    },
    performance: { hints: false },
    optimization: { splitChunks: false, runtimeChunk: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTION_FILES }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({ filename: "index.html", templateContent: INDEX_PAGE, inject: false }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // The support, privacy and terms pages (the manifests' SupportUrl, privacyUrl, termsOfUseUrl).
          { from: "src/site/*", to: "[name][ext]" },
          // The dark palette, written once, also under the system's dark preference.
          { from: "src/taskpane/taskpane.css", to: "taskpane.css", transform: (css) => withPreferredDark(css.toString()) },
          { from: "src/help/help.css", to: "help.css" },
        ],
      }),
      new HelpPagePlugin(),
      new ManifestPlugin(mode),
      new FaviconPlugin(),
      new PublicUrlPlugin(url),
      ...(mode === "production" && url === DEV_URL ? [new LocalhostManifestWarningPlugin()] : []),
    ],
    devServer: {
      port: PORT,
      // This machine only; `npm start -- --host 0.0.0.0` (or `npm run dev-server -- --host ...`) to serve the network.
      host: "localhost",
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.resolve(__dirname, "dist") },
      server: { type: "https", options: https },
      client: false,
      hot: false,
      liveReload: false,
    },
  };
};
