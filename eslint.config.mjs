import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import officeAddins from "eslint-plugin-office-addins";

// Microsoft's add-in rules (the ones office-addin-lint runs), taken from the plugin's
// "recommended" flat config by name: that config also brings its own parser, ecmaVersion 6 and
// prettier-as-a-rule, which would override this project's settings (prettier runs on its own).
const officeAddinsRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((c) => Object.entries(c.rules ?? {}))
    .filter(([name]) => name.startsWith("office-addins/"))
    // Every one fails the lint here, "no context.sync() in a loop" included (the plugin only warns).
    .map(([name]) => [name, "error"]),
);

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "artifacts/**", ".certs/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.ts"],
    languageOptions: { globals: { ...globals.browser, Office: "readonly", Excel: "readonly", CustomFunctions: "readonly" } },
    rules: {
      // The adapters take Excel's untyped arguments: `any` is what Excel passes.
      "@typescript-eslint/no-explicit-any": "off",
      "no-eval": "error",
      "no-new-func": "error",
    },
  },
  {
    files: ["src/**/*.ts", "test/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: officeAddinsRules,
  },
  {
    files: ["src/rules/**/*.ts", "src/tables/**/*.ts", "src/sheets/**/*.ts"],
    rules: {
      // The rules, the table readers and the layouts are pure: no Office globals, no DOM.
      "no-restricted-globals": ["error", "Office", "Excel", "CustomFunctions", "document", "window", "Date"],
    },
  },
  {
    files: ["test/**/*.ts"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["scripts/**/*.{js,mjs,cjs}", "*.js", "*.mjs", "*.cjs"],
    languageOptions: { globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
