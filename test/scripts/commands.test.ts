/**
 * The exact argv the developer scripts spawn, per platform (scripts/commands.js). No shell is
 * ever used, so each array element reaches the program as one argument: a checkout path with a
 * space and the dev-server command line "npm run dev-server" each stay one element.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const c = require("../../scripts/commands.js") as {
  PORT: number;
  startCommand(platform: string, o: Record<string, string | undefined>): { mode: string; command: string; args: string[] };
  buildCommand(o: Record<string, string>): { command: string; args: string[] };
  jestCommand(o: Record<string, string>, a: string[]): { command: string; args: string[] };
  npmCommand(platform: string, o: Record<string, string | undefined>, a: string[]): { command: string; args: string[] };
  compileOutcome(line: string): string | null;
  afterFirstBuild(onFirstBuild: () => void, onFailure?: () => void): (line: string) => void;
  resolveBin(root: string, pkg: string, name?: string): string;
  tail(text: string, n?: number): string;
};
import { spawnSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

describe("npm start", () => {
  test("win32: node runs office-addin-debugging's cli.js; the dev manifest's path keeps its space; the dev server is one argument", () => {
    const cmd = c.startCommand("win32", {
      execPath: "C:\\Program Files\\nodejs\\node.exe",
      root: "C:\\Users\\Ana Lima\\kustomer billing",
      debuggingCli: "C:\\Users\\Ana Lima\\kustomer billing\\node_modules\\office-addin-debugging\\cli.js",
      webpackCli: "C:\\Users\\Ana Lima\\kustomer billing\\node_modules\\webpack-cli\\bin\\cli.js",
    });
    expect(cmd).toEqual({
      mode: "desktop",
      command: "C:\\Program Files\\nodejs\\node.exe",
      args: [
        "C:\\Users\\Ana Lima\\kustomer billing\\node_modules\\office-addin-debugging\\cli.js",
        "start",
        "C:\\Users\\Ana Lima\\kustomer billing\\manifest.xml",
        "desktop",
        "--app",
        "excel",
        "--dev-server",
        "npm run dev-server",
        "--dev-server-port",
        "3000",
      ],
    });
  });

  test("darwin: the same desktop sideload, with posix paths", () => {
    const cmd = c.startCommand("darwin", {
      execPath: "/usr/local/bin/node",
      root: "/Users/ana/My Projects/kustomer",
      debuggingCli: "/Users/ana/My Projects/kustomer/node_modules/office-addin-debugging/cli.js",
    });
    expect(cmd).toEqual({
      mode: "desktop",
      command: "/usr/local/bin/node",
      args: [
        "/Users/ana/My Projects/kustomer/node_modules/office-addin-debugging/cli.js",
        "start",
        "/Users/ana/My Projects/kustomer/manifest.xml",
        "desktop",
        "--app",
        "excel",
        "--dev-server",
        "npm run dev-server",
        "--dev-server-port",
        "3000",
      ],
    });
  });

  test("linux: webpack serve for Excel on the web, on localhost unless a host is asked for", () => {
    const o = { execPath: "/usr/bin/node", root: "/home/ana/k b", webpackCli: "/home/ana/k b/node_modules/webpack-cli/bin/cli.js" };
    expect(c.startCommand("linux", o)).toEqual({
      mode: "web",
      command: "/usr/bin/node",
      args: ["/home/ana/k b/node_modules/webpack-cli/bin/cli.js", "serve", "--mode", "development"],
    });
    expect(c.startCommand("linux", { ...o, host: "0.0.0.0" }).args).toEqual([
      "/home/ana/k b/node_modules/webpack-cli/bin/cli.js",
      "serve",
      "--mode",
      "development",
      "--host",
      "0.0.0.0",
    ]);
  });
});

describe("npm test", () => {
  test("webpack and jest are their JS CLIs run by node (one argv for every platform)", () => {
    const tools = {
      execPath: "C:\\node\\node.exe",
      webpackCli: "C:\\a b\\webpack-cli\\bin\\cli.js",
      jestCli: "C:\\a b\\jest\\bin\\jest.js",
    };
    expect(c.buildCommand(tools)).toEqual({
      command: "C:\\node\\node.exe",
      args: ["C:\\a b\\webpack-cli\\bin\\cli.js", "--mode", "production"],
    });
    expect(c.jestCommand(tools, ["--ci", "test/x.test.ts"])).toEqual({
      command: "C:\\node\\node.exe",
      args: ["C:\\a b\\jest\\bin\\jest.js", "--ci", "test/x.test.ts"],
    });
  });

  test("the bin scripts resolve to files of this checkout, from each package's own bin entry", () => {
    const root = join(__dirname, "..", "..");
    expect(c.resolveBin(root, "webpack-cli")).toBe(join(root, "node_modules", "webpack-cli", "bin", "cli.js"));
    expect(c.resolveBin(root, "jest")).toBe(join(root, "node_modules", "jest", "bin", "jest.js"));
    expect(c.resolveBin(root, "office-addin-debugging")).toBe(join(root, "node_modules", "office-addin-debugging", "cli.js"));
  });

  test("a failed build's reason is the last lines of its output", () => {
    expect(c.tail("a\n\nb\r\nERROR in ./src/x.ts\nTS2322: bad\n", 2)).toBe("ERROR in ./src/x.ts\nTS2322: bad");
  });
});

describe("npm run audit: npm itself", () => {
  test("under npm run (any platform): node runs npm_execpath", () => {
    expect(
      c.npmCommand("win32", { execPath: "C:\\node\\node.exe", npmExecPath: "C:\\node\\node_modules\\npm\\bin\\npm-cli.js" }, ["audit"]),
    ).toEqual({
      command: "C:\\node\\node.exe",
      args: ["C:\\node\\node_modules\\npm\\bin\\npm-cli.js", "audit"],
    });
  });

  test("win32 without npm_execpath: the npm-cli.js installed beside node.exe, never npm.cmd", () => {
    expect(c.npmCommand("win32", { execPath: "C:\\Program Files\\nodejs\\node.exe" }, ["audit", "--json"])).toEqual({
      command: "C:\\Program Files\\nodejs\\node.exe",
      args: ["C:\\Program Files\\nodejs\\node_modules\\npm\\bin\\npm-cli.js", "audit", "--json"],
    });
  });

  test("darwin and linux without npm_execpath: npm from the PATH", () => {
    expect(c.npmCommand("darwin", { execPath: "/usr/local/bin/node" }, ["audit"])).toEqual({ command: "npm", args: ["audit"] });
    expect(c.npmCommand("linux", { execPath: "/usr/bin/node", npmExecPath: "" }, ["ls"])).toEqual({ command: "npm", args: ["ls"] });
  });
});

test("webpack's outcome lines are told apart, coloured or not", () => {
  expect(c.compileOutcome("webpack 5.112.2 compiled successfully in 17952 ms")).toBe("ok");
  expect(c.compileOutcome("webpack 5.112.2 compiled \x1b[32msuccessfully\x1b[39m in 17952 ms")).toBe("ok");
  expect(c.compileOutcome("webpack 5.112.2 compiled with 1 warning in 900 ms")).toBe("ok");
  expect(c.compileOutcome("webpack 5.112.2 compiled with 2 errors in 900 ms")).toBe("failed");
  expect(c.compileOutcome("<i> [webpack-dev-server] Project is running at:")).toBeNull();
});

test("spawned without a shell, a script path with a space and a multi-word argument arrive whole", () => {
  const dir = mkdtempSync(join(tmpdir(), "kustomer argv "));
  try {
    const script = join(dir, "print args.js");
    writeFileSync(script, "process.stdout.write(JSON.stringify(process.argv.slice(2)))");
    const cmd = c.startCommand("darwin", { execPath: process.execPath, root: dir, debuggingCli: script });
    const r = spawnSync(cmd.command, cmd.args, { encoding: "utf8" });
    expect(JSON.parse(r.stdout)).toEqual([
      "start",
      join(dir, "manifest.xml"),
      "desktop",
      "--app",
      "excel",
      "--dev-server",
      "npm run dev-server",
      "--dev-server-port",
      "3000",
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("npm start's steps come once, after the first successful build's output, not before it", () => {
  const said: string[] = [];
  const onLine = c.afterFirstBuild(
    () => said.push("steps"),
    () => said.push("failed"),
  );
  for (const line of [
    "<i> [webpack-dev-server] Project is running at:",
    "asset functions.js 1.2 MiB [emitted] (name: functions)",
    "webpack 5.112.2 compiled with 1 error in 900 ms",
    "asset functions.js 1.2 MiB [emitted] (name: functions)",
    "webpack 5.112.2 compiled successfully in 800 ms",
    "webpack 5.112.2 compiled successfully in 300 ms",
  ]) {
    onLine(line);
    said.push(".");
  }
  expect(said.join("")).toBe("..failed..steps..");
});

test("npm audit's answer: counts, an unavailable service (exit 0, said), or a failure (exit 1)", () => {
  const c2 = c as unknown as {
    auditOutcome(stdout: string, stderr: string): { outcome: string; why?: string; counts?: Record<string, number> };
  };
  const counts = { info: 0, low: 1, moderate: 0, high: 2, critical: 0, total: 3 };
  expect(c2.auditOutcome(JSON.stringify({ metadata: { vulnerabilities: counts } }), "")).toEqual({ outcome: "audited", counts });
  expect(
    c2.auditOutcome(
      JSON.stringify({ message: "405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk" }),
      "",
    ),
  ).toEqual({
    outcome: "unavailable",
    why: "405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk",
  });
  expect(c2.auditOutcome("", "npm error code ENOLOCK\nnpm error audit This command requires an existing lockfile.")).toEqual({
    outcome: "failed",
    why: "npm error audit This command requires an existing lockfile.",
  });
  expect(c2.auditOutcome("not json", "")).toEqual({ outcome: "failed", why: "no readable report" });
});
