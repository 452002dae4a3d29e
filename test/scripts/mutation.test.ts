/**
 * `npm run mutation` (scripts/mutation.js): which Stryker runs a command line asks for, and the
 * argv of each (node runs Stryker's CLI, no shell; the target reaches stryker.config.mjs by
 * environment). Kept out of `npm test`: only the plan is tested here, no mutant runs.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const m = require("../../scripts/mutation.js") as {
  families(root: string): string[];
  mutationPlan(argv: string[], known: string[]): { runs: { name: string; mutate: string[] }[]; concurrency: number; force: boolean };
  strykerCommand(
    tools: Record<string, string>,
    run: { name: string; mutate: string[] },
    concurrency: number,
    force?: boolean,
  ): { command: string; args: string[]; env: Record<string, string> };
};
import { join } from "path";

const KNOWN = ["billing", "core", "sla"];

test("the families are the folders of src/rules, then the table readers (src/tables)", () => {
  expect(m.families(join(__dirname, "..", ".."))).toEqual([
    "billing",
    "contract",
    "core",
    "rates",
    "sla",
    "storage",
    "translation",
    "tables",
  ]);
});

test("no argument: every family, one run each, concurrency 2", () => {
  expect(m.mutationPlan([], KNOWN)).toEqual({
    runs: [
      { name: "billing", mutate: ["src/rules/billing/**/*.ts"] },
      { name: "core", mutate: ["src/rules/core/**/*.ts"] },
      { name: "sla", mutate: ["src/rules/sla/**/*.ts"] },
    ],
    concurrency: 2,
    force: false,
  });
});

test("named families and files (Windows separators too); files share one run", () => {
  expect(
    m.mutationPlan(["sla", "src\\rules\\billing\\proration.ts", "./src/rules/core/money.ts", "--concurrency=1", "--force"], KNOWN),
  ).toEqual({
    runs: [
      { name: "sla", mutate: ["src/rules/sla/**/*.ts"] },
      { name: "proration+money", mutate: ["src/rules/billing/proration.ts", "src/rules/core/money.ts"] },
    ],
    concurrency: 1,
    force: true,
  });
});

test("the table readers: their family is src/tables, and a file there is a file to mutate", () => {
  expect(m.mutationPlan(["tables", "src/tables/cell.ts"], [...KNOWN, "tables"])).toEqual({
    runs: [
      { name: "tables", mutate: ["src/tables/**/*.ts"] },
      { name: "cell", mutate: ["src/tables/cell.ts"] },
    ],
    concurrency: 2,
    force: false,
  });
});

test("refuses an unknown family, a file outside src/rules, a bad concurrency or option", () => {
  expect(() => m.mutationPlan(["biling"], KNOWN)).toThrow(
    '"biling" is neither a family (billing, core, sla) nor a src/rules/ or src/tables/ .ts file',
  );
  expect(() => m.mutationPlan(["src/functions/billing.ts"], KNOWN)).toThrow("nor a src/rules/ or src/tables/ .ts file");
  expect(() => m.mutationPlan(["--concurrency=0"], KNOWN)).toThrow("--concurrency must be a whole number of at least 1");
  expect(() => m.mutationPlan(["--dry"], KNOWN)).toThrow('unknown option "--dry"');
});

test("node runs Stryker's CLI with the config file; the target goes by environment", () => {
  const tools = {
    execPath: "C:\\Program Files\\nodejs\\node.exe",
    strykerCli: "C:\\a b\\node_modules\\@stryker-mutator\\core\\bin\\stryker.js",
  };
  expect(
    m.strykerCommand(tools, { name: "proration+money", mutate: ["src/rules/billing/proration.ts", "src/rules/core/money.ts"] }, 2),
  ).toEqual({
    command: "C:\\Program Files\\nodejs\\node.exe",
    args: ["C:\\a b\\node_modules\\@stryker-mutator\\core\\bin\\stryker.js", "run", "stryker.config.mjs", "--concurrency=2"],
    env: { KUSTOMER_MUTATION_NAME: "proration+money", KUSTOMER_MUTATE: "src/rules/billing/proration.ts,src/rules/core/money.ts" },
  });
});

test("--force re-runs every mutant (Stryker's own --force)", () => {
  const tools = { execPath: "/usr/local/bin/node", strykerCli: "/p/node_modules/@stryker-mutator/core/bin/stryker.js" };
  expect(m.strykerCommand(tools, { name: "billing", mutate: ["src/rules/billing/**/*.ts"] }, 1, true).args).toEqual([
    "/p/node_modules/@stryker-mutator/core/bin/stryker.js",
    "run",
    "stryker.config.mjs",
    "--concurrency=1",
    "--force",
  ]);
});
