/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // The cross-engine tests (Chromium, Firefox, WebKit) run once, after the time zones: `npm test`
  // and `npm run test:engines` set KUSTOMER_ENGINES (scripts/test.mjs).
  testPathIgnorePatterns: ["/node_modules/", ...(process.env.KUSTOMER_ENGINES ? [] : ["/test/engines/"])],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }] },
  // One fixed fast-check seed for every property (test/setup/fast-check-seed.ts).
  setupFiles: ["<rootDir>/test/setup/fast-check-seed.ts"],
  moduleFileExtensions: ["ts", "js", "json"],
};
