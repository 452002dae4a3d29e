/**
 * Loads the built functions bundle (dist/functions.js) the way Excel does: in a fresh script
 * context whose global `CustomFunctions` records every `associate(id, fn)` call; then calls
 * the functions by id with Excel-shaped arguments.
 */
import { readFileSync, existsSync, mkdirSync, writeFileSync } from "fs";
import { basename, join, relative, sep } from "path";
import { runInNewContext } from "vm";
import { encodeExact, type Exact } from "./exact";

export const DIST = join(__dirname, "..", "..", "dist");

// The stub CustomFunctions.Error and ErrorCode, shared with the benchmark and the fuzzer.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loader = require("../../scripts/bundle-loader") as {
  StubError: new (code: string, message?: string) => { code: string; message?: string };
  ErrorCode: Record<string, string>;
};
export const StubError = loader.StubError;
export const ErrorCode = loader.ErrorCode;

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: { name: string; description?: string; type?: string; optional?: boolean; customEnumId?: string; dimensionality?: string }[];
  result?: { type?: string; dimensionality?: string };
}

export interface Metadata {
  functions: FunctionMetadata[];
  enums?: { id: string; type: string; values: { name: string; stringValue?: string; numberValue?: number; tooltip?: string }[] }[];
}

export interface LoadedBundle {
  registered: Map<string, (...args: unknown[]) => unknown>;
  metadata: Metadata;
  /** Calls a function by id; a thrown CustomFunctions.Error comes back as `{ error, message }`. */
  call(id: string, ...args: unknown[]): unknown;
}

export type CallResult = unknown;

/**
 * One loaded bundle's calls, in order, with Node's results: what test/engines replays in the
 * browsers. Recorded when KUSTOMER_RECORD_CALLS names a folder, for the test files of test/bundle
 * only (one JSON file per test file: a list of loads, each a list of calls).
 */
export interface RecordedCall {
  id: string;
  args: Exact;
  result: Exact;
}
const recordDir = process.env.KUSTOMER_RECORD_CALLS;
const testPath: string = typeof expect === "function" ? (expect.getState().testPath ?? "") : "";
const recording = !!recordDir && relative(join(__dirname, ".."), testPath).split(sep)[0] === "bundle";
const recorded: RecordedCall[][] = [];
if (recording && typeof afterAll === "function")
  afterAll(() => {
    mkdirSync(recordDir!, { recursive: true });
    writeFileSync(join(recordDir!, `${basename(testPath)}.json`), JSON.stringify(recorded));
  });

export function loadBundle(): LoadedBundle {
  const js = join(DIST, "functions.js");
  if (!existsSync(js)) throw new Error("dist/functions.js is missing: run `npm run build` first (npm test does).");
  const code = readFileSync(js, "utf8");
  const metadata = JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8")) as Metadata;
  const registered = new Map<string, (...args: unknown[]) => unknown>();
  const CustomFunctions = {
    associate(id: string, fn: (...args: unknown[]) => unknown) {
      if (registered.has(id)) throw new Error(`${id} registered twice`);
      registered.set(id, fn);
    },
    Error: StubError,
    ErrorCode,
  };
  runInNewContext(code, { CustomFunctions, console, setTimeout, clearTimeout }, { filename: "functions.js" });
  const log: RecordedCall[] = [];
  if (recording) recorded.push(log);
  const run = (id: string, args: unknown[]): unknown => {
    const fn = registered.get(id);
    if (!fn) throw new Error(`${id} is not registered`);
    try {
      return fn(...args);
    } catch (e) {
      if (e instanceof StubError) return { error: e.code, message: e.message };
      throw e;
    }
  };
  return {
    registered,
    metadata,
    call(id: string, ...args: unknown[]) {
      if (!recording) return run(id, args);
      // Encoded before the call, in case a function changed an argument it was given.
      const before = encodeExact(args);
      const result = run(id, args);
      if (!JSON.stringify(before).includes('"!unrecordable"')) log.push({ id, args: before, result: encodeExact(result) });
      return result;
    },
  };
}

/** An Excel error result as `call` returns it. */
export function isErrorResult(v: unknown): v is { error: string; message?: string } {
  return typeof v === "object" && v !== null && "error" in v;
}

/** A date-time serial as Excel passes one: the day's serial plus the time as a fraction of 86,400 seconds. */
export const dateTimeSerial = (day: number, hh: number, mm = 0, ss = 0): number => day + (hh * 3600 + mm * 60 + ss) / 86400;
