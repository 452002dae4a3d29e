// Mutation testing (`npm run mutation`, scripts/mutation.js): Stryker changes one line of a rule
// at a time and checks that some test fails. Not part of `npm test` or CI: a family takes minutes
// to tens of minutes on two cores. scripts/mutation.js runs one family (or file) per Stryker run
// and passes the target here through KUSTOMER_MUTATE (globs, comma-separated) and
// KUSTOMER_MUTATION_NAME (the report's and incremental file's name).
const name = process.env.KUSTOMER_MUTATION_NAME || "rules";
const mutate = (process.env.KUSTOMER_MUTATE || "src/rules/**/*.ts,src/tables/**/*.ts").split(",");

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "jest",
  checkers: ["typescript"],
  tsconfigFile: "tsconfig.json",
  // A mutant that does not compile is reported as such, not run.
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate,
  jest: {
    projectType: "custom",
    configFile: "jest.config.js",
    // Related tests are found from the rules' importers in both src/ and test/ (with test/ alone
    // jest misses the tests that reach a rule through an adapter or another rule).
    config: {
      roots: ["<rootDir>/src", "<rootDir>/test"],
      // Browser, spreadsheet-engine, webpack and fuzz tests run the built bundle or a browser:
      // slow, and blind to the mutated sources (the bundle is built once, before the run).
      testPathIgnorePatterns: [
        "/node_modules/",
        "<rootDir>/test/browser/",
        "<rootDir>/test/sheets/",
        "<rootDir>/test/fuzz.test.ts",
        "<rootDir>/test/webpack-config.test.ts",
      ],
    },
    enableFindRelatedTests: true,
  },
  coverageAnalysis: "perTest",
  incremental: true,
  incrementalFile: `reports/mutation/${name}.incremental.json`,
  reporters: ["clear-text", "progress-append-only", "html", "json"],
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  clearTextReporter: { allowColor: false, logTests: false },
  // Only the sources carry type checks to switch off in the sandbox (not the built HTML).
  disableTypeChecks: "{src,test}/**/*.{js,ts}",
  ignorePatterns: ["artifacts", "coverage", ".certs", ".dev", "docs", "reports"],
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
  timeoutMS: 10000,
};
