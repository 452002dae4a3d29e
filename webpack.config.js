/* Builds the add-in into dist/: functions.js + functions.json (metadata generated from the
 * JSDoc of the adapters), taskpane.html/js, help.html, manifest.xml and the icons.
 * The dev URL https://localhost:3000/ is replaced by ADDIN_PUBLIC_URL (production) when set. */
const path = require("path");
const fs = require("fs");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { renderHelpPage, loadExamples } = require("./scripts/help-page");

/** help.html is static: its own inline style, nothing else. (taskpane.html has its policy in its template.) */
const HELP_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

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

/** Emits help.html from the generated functions.json and the examples files. */
class HelpPagePlugin {
  apply(compiler) {
    const { sources, Compilation } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("HelpPagePlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "HelpPagePlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, (assets) => {
        const meta = assets["functions.json"];
        if (!meta) return;
        const examples = loadExamples((file) => compilation.fileDependencies.add(file));
        const html = renderHelpPage(JSON.parse(meta.source().toString()), examples, "KUSTOMER").replace(
          '<meta charset="utf-8">',
          `<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${HELP_CSP}">`,
        );
        if (!html.includes(HELP_CSP)) throw new Error("help.html: no <meta charset> to put the Content-Security-Policy after");
        compilation.emitAsset("help.html", new sources.RawSource(html));
      });
    });
  }
}

/** HTTPS options for `webpack serve`: the certificates scripts/start.mjs generated
 * (DEV_SERVER_CERT_DIR), or Office's trusted dev certificates (installed on first use on
 * Windows and Mac by office-addin-dev-certs). */
async function httpsOptions() {
  if (!process.env.WEBPACK_SERVE) return {};
  const dir = process.env.DEV_SERVER_CERT_DIR;
  if (dir) {
    const read = (f) => fs.readFileSync(path.join(dir, f));
    return { ca: read("ca.crt"), cert: read("localhost.crt"), key: read("localhost.key") };
  }
  return require("office-addin-dev-certs").getHttpsServerOptions();
}

module.exports = async (env, argv) => {
  const mode = argv.mode || "production";
  const url = publicUrl(mode);
  const https = await httpsOptions();
  return {
    mode,
    devtool: mode === "production" ? false : "source-map",
    target: ["web", "es2020"],
    // Both bundles run in one page (the shared runtime: taskpane.html loads functions.js, then
    // taskpane.js). The pane depends on the functions entry, so the modules they share (decimal.js,
    // the rules) are bundled once, in functions.js, which also holds the webpack runtime and so
    // still loads alone (Functions.Script.Url, and the bundle tests).
    entry: {
      functions: "./src/functions/index.ts",
      taskpane: { import: "./src/taskpane/taskpane.ts", dependOn: "functions" },
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
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
        ],
      }),
      new HelpPagePlugin(),
      new PublicUrlPlugin(url),
    ],
    devServer: {
      port: PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.resolve(__dirname, "dist") },
      server: { type: "https", options: https },
      client: false,
      hot: false,
      liveReload: false,
    },
  };
};
