/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }] },
  // One fixed fast-check seed for every property (test/setup/fast-check-seed.ts).
  setupFiles: ["<rootDir>/test/setup/fast-check-seed.ts"],
  moduleFileExtensions: ["ts", "js", "json"],
};
