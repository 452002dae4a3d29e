/**
 * docs/mutation.json (scripts/mutation-scores.js): each rule file's newest score from Stryker's
 * JSON reports. Counts worked by hand from the mutants listed.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ms = require("../../scripts/mutation-scores.js") as {
  fileScore(mutants: unknown[], source: string): Record<string, unknown>;
  mergeScores(previous: unknown, reports: { date: string; report: unknown }[]): { files: Record<string, Record<string, unknown>> };
  marksIn(source: string): number;
};

const mutant = (status: string, line = 1) => ({
  status,
  mutatorName: "EqualityOperator",
  replacement: "a <= b",
  location: { start: { line, column: 3 } },
});

test("the score is killed and timed out over the mutants that ran; ignored and compile errors do not count", () => {
  const mutants = [
    ...Array.from({ length: 7 }, () => mutant("Killed")),
    mutant("Timeout"),
    mutant("Survived", 12),
    mutant("NoCoverage", 30),
    mutant("Ignored"),
    mutant("CompileError"),
  ];
  // (7 + 1) / (7 + 1 + 1 + 1) = 80%.
  expect(ms.fileScore(mutants, "const a = 1;\n")).toMatchObject({
    mutants: 12,
    killed: 7,
    timeout: 1,
    survived: 1,
    no_coverage: 1,
    ignored: 1,
    compile_errors: 1,
    score: 80,
    marks: 0,
    score_without_marks: 80,
    survivors: ["12:3 EqualityOperator -> a <= b", "30:3 EqualityOperator -> a <= b"],
  });
});

test("a file with marks has no score without marks; marks are counted on CRLF sources too", () => {
  const source = "// Stryker disable next-line all: reason\r\nconst a = 1;\r\n  // Stryker disable next-line EqualityOperator: reason\r\n";
  expect(ms.marksIn(source)).toBe(2);
  // 2 of 3 = 66.666...% shown to two decimals: 66.67.
  expect(ms.fileScore([mutant("Killed"), mutant("Killed"), mutant("Survived")], source)).toMatchObject({
    score: 66.67,
    marks: 2,
    score_without_marks: null,
  });
  expect(ms.fileScore([], "")).toMatchObject({ score: null, score_without_marks: null });
});

test("merging: the newest report wins per file, other files keep their entries, files outside the rules are left out", () => {
  const report = (status: string) => ({
    files: {
      "src/rules/sla/uptime.ts": { source: "x", mutants: [mutant(status)] },
      "src/functions/sla.ts": { source: "x", mutants: [mutant("Killed")] },
    },
  });
  const previous = { files: { "src/rules/core/money.ts": { measured: "2026-12-01 10:00 UTC", score: 100 } } };
  const merged = ms.mergeScores(previous, [
    { date: "2026-12-08 03:00 UTC", report: report("Killed") },
    { date: "2026-12-08 01:00 UTC", report: report("Survived") },
  ]);
  expect(Object.keys(merged.files)).toEqual(["src/rules/core/money.ts", "src/rules/sla/uptime.ts"]);
  expect(merged.files["src/rules/sla/uptime.ts"]).toMatchObject({ measured: "2026-12-08 03:00 UTC", score: 100 });
  expect(merged.files["src/rules/core/money.ts"]).toEqual({ measured: "2026-12-01 10:00 UTC", score: 100 });
});
