/* Lets the benchmark's CommonJS scripts require the project's TypeScript (the pane's writers, the
 * Order import, the fake Excel of the tests): each .ts file is transpiled in memory when required,
 * so nothing is written to disk. Require this file once before requiring any .ts file. */
"use strict";
const fs = require("fs");
const ts = require("typescript");

if (!require.extensions[".ts"]) {
  require.extensions[".ts"] = (module, filename) => {
    const source = fs.readFileSync(filename, "utf8");
    const { outputText } = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
    });
    module._compile(outputText, filename);
  };
}
