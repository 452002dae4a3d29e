/**
 * The functions bundle in the three engines Excel runs it in (V8, SpiderMonkey, JavaScriptCore):
 * every call the bundle tests (test/bundle) make through the built dist/functions.js, replayed in
 * the same order in each browser, in a time zone far from UTC (Pacific/Chatham, +12:45), must give
 * Node's result bit for bit: every number compared as its 64 bits (test/helpers/exact.ts), every
 * error by its code and message.
 *
 * The calls come from a run of test/bundle with KUSTOMER_RECORD_CALLS set: `npm test` records them
 * in its first time zone and passes the folder as KUSTOMER_BUNDLE_CALLS; run alone
 * (`npm run test:engines`), this file records them itself first. A new bundle test is covered
 * with no change here.
 */
import { spawnSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIST, ErrorCode, type RecordedCall } from "../helpers/bundle";
import { availableEngines, FAR_ZONE, launchEngine, type EnginePage } from "../helpers/engines";
import { decodeExact, encodeExact } from "../helpers/exact";

jest.setTimeout(240_000);

const root = join(__dirname, "..", "..");

/** The recorded calls: one list per loaded bundle, by test file; `text` is the file as the page fetches it. */
function recordedCalls(): { file: string; text: string; loads: RecordedCall[][] }[] {
  let dir = process.env.KUSTOMER_BUNDLE_CALLS;
  let temporary: string | undefined;
  if (!dir) {
    temporary = mkdtempSync(join(tmpdir(), "kustomer-calls-"));
    dir = temporary;
    const jest = join(root, "node_modules", "jest", "bin", "jest.js");
    const r = spawnSync(process.execPath, [jest, "--ci", "--silent", join(root, "test", "bundle")], {
      cwd: root,
      env: { ...process.env, KUSTOMER_RECORD_CALLS: dir },
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`recording the bundle tests' calls failed:\n${(r.stderr ?? "").slice(-2000)}`);
  }
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort();
  const out = files.map((file) => {
    const text = readFileSync(join(dir!, file), "utf8");
    return { file, text, loads: JSON.parse(text) as RecordedCall[][] };
  });
  if (temporary) rmSync(temporary, { recursive: true, force: true });
  return out;
}

const HARNESS = "<!doctype html><html lang=en><meta charset=utf-8><title>bundle</title><p>bundle</p>";

function serve(): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url === "/functions.js")
      res.writeHead(200, { "Content-Type": "text/javascript; charset=utf-8" }).end(readFileSync(join(DIST, "functions.js")));
    else if (req.url?.startsWith("/calls/")) {
      const r = recorded.find((c) => `/calls/${encodeURIComponent(c.file)}` === req.url);
      if (r) res.writeHead(200, { "Content-Type": "application/json" }).end(r.text);
      else res.writeHead(404).end();
    } else if (req.url === "/") res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(HARNESS);
    else res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/**
 * Runs in the page: loads the bundle afresh for each recorded load (as each test file does in
 * Node) and makes its calls in order; each result comes back encoded as JSON text.
 */
async function replay(encodeSource: string, decodeSource: string, errorCode: Record<string, string>, file: string): Promise<string[][]> {
  const encode = new Function(`return (${encodeSource});`)() as (v: unknown) => unknown;
  const decode = new Function(`return (${decodeSource});`)() as (v: unknown) => unknown[];
  const w = window as unknown as { __bundleCode?: string };
  if (w.__bundleCode === undefined) w.__bundleCode = await (await fetch("/functions.js")).text();
  const load = new Function("CustomFunctions", w.__bundleCode);
  // The calls come from the test's server (megabytes of ranges: too much for a WebDriver script's arguments).
  const loads = (await (await fetch(`/calls/${encodeURIComponent(file)}`)).json()) as { id: string; args: unknown }[][];
  return loads.map((calls) => {
    class StubError {
      code: string;
      message?: string;
      constructor(code: string, message?: string) {
        this.code = code;
        this.message = message;
      }
    }
    const registered = new Map<string, (...a: unknown[]) => unknown>();
    load({ associate: (id: string, fn: (...a: unknown[]) => unknown) => registered.set(id, fn), Error: StubError, ErrorCode: errorCode });
    return calls.map((c) => {
      const fn = registered.get(c.id);
      let result: unknown;
      if (!fn) result = { notRegistered: c.id };
      else
        try {
          result = fn(...decode(c.args));
        } catch (e) {
          result = e instanceof StubError ? { error: e.code, message: e.message } : { thrown: String(e) };
        }
      return JSON.stringify(encode(result));
    });
  });
}

const recorded = recordedCalls();
const total = recorded.reduce((n, r) => n + r.loads.reduce((m, l) => m + l.length, 0), 0);

test("the bundle tests' calls were recorded (the comparison below is not empty)", () => {
  // Every bundle test file that calls through the bundle: billing, contract, SLA, storage, translation, rates, invocation...
  expect(recorded.filter((r) => r.loads.some((l) => l.length > 0)).length).toBeGreaterThanOrEqual(10);
  expect(total).toBeGreaterThanOrEqual(2000);
  // Numbers travel as their bits: -0, the last bit of 0.1 + 0.2, and an object with getters round-trip.
  for (const v of [-0, 0.1 + 0.2, [[1e-300, NaN]], { error: "#N/A", message: "m" }])
    expect(Object.is(JSON.stringify(encodeExact(decodeExact(encodeExact(v)))), JSON.stringify(encodeExact(v)))).toBe(true);
  expect(encodeExact(-0)).not.toEqual(encodeExact(0));
  expect(encodeExact(0.1 + 0.2)).not.toEqual(encodeExact(0.3));
});

let server: Server;
let base: string;
beforeAll(async () => {
  if (!existsSync(join(DIST, "functions.js"))) throw new Error("dist/ is missing: run `npm test` (it builds first) or `npm run build`.");
  server = await serve();
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
});

describe.each(availableEngines())("$engine", ({ engine, missing }) => {
  let page: EnginePage | undefined;
  beforeAll(async () => {
    if (missing) return;
    page = await launchEngine(engine, { timeZone: FAR_ZONE, width: 800, height: 600 });
    await page.goto(`${base}/`);
  });
  afterAll(async () => {
    await page?.close();
  });

  test(`every recorded call gives Node's result bit for bit, in ${FAR_ZONE}`, async () => {
    if (missing) return console.warn(`NOT RUN in ${engine}: ${missing}`);
    // The browser runs in the far zone: +12:45 on 1 January 1970 (Chatham standard time).
    const zone = await page!.evaluate(() => [Intl.DateTimeFormat().resolvedOptions().timeZone, new Date(0).getTimezoneOffset()]);
    expect(zone).toEqual([FAR_ZONE, -765]);
    const wrong: string[] = [];
    let compared = 0;
    for (const { file, loads } of recorded) {
      const results = await page!.evaluate(replay, encodeExact.toString(), decodeExact.toString(), ErrorCode, file);
      loads.forEach((calls, i) =>
        calls.forEach((c, k) => {
          compared++;
          const node = JSON.stringify(c.result);
          if (results[i]?.[k] !== node && wrong.length < 20)
            wrong.push(
              `${file} #${k + 1} ${c.id}(${JSON.stringify(c.args).slice(0, 200)}): ${engine} ${String(results[i]?.[k]).slice(0, 200)}, Node ${node.slice(0, 200)}`,
            );
        }),
      );
    }
    expect(compared).toBe(total);
    expect(wrong).toEqual([]);
  });
});
