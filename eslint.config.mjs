import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

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
    files: ["src/rules/**/*.ts", "src/sheets/**/*.ts"],
    rules: {
      // The rules layer is pure: no Office globals, no DOM.
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
