/**
 * The three JavaScript engines Excel runs the add-in in, driven alike for the cross-engine tests:
 *   - chromium: V8, as WebView2 on Windows and Chrome or Edge on the web (playwright-core, found by
 *     test/helpers/browser.ts);
 *   - firefox: SpiderMonkey, Firefox on the web (puppeteer-core over WebDriver BiDi);
 *   - webkit: JavaScriptCore, as WKWebView on Mac and iPad and Safari on the web (W3C WebDriver over
 *     HTTP: WebKitGTK's WebKitWebDriver and MiniBrowser on Linux, in a private Xvfb display;
 *     Safari's safaridriver on a Mac).
 *
 * Where each is found (pure, so each platform's branch is unit-tested in test/engines-lookup.test.ts):
 *   firefox: FIREFOX_PATH, else firefox-esr or firefox on PATH, else the platform's install place;
 *   webkit:  WEBKIT_WEBDRIVER (+ WEBKIT_MINIBROWSER) on Linux, else WebKitWebDriver on PATH and
 *            MiniBrowser in the webkit2gtk library folders; safaridriver on a Mac; none on Windows.
 * An engine that is missing fails the test in CI (env CI, or KUSTOMER_REQUIRE_ENGINES=1) and is
 * reported, with what to install, on a developer's machine.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, posix, win32 } from "node:path";
import puppeteer from "puppeteer-core";
import { launchChromium } from "./browser";

export type EngineName = "chromium" | "firefox" | "webkit";
export const ENGINES: readonly EngineName[] = ["chromium", "firefox", "webkit"];

/** A time zone far from UTC (+12:45, +13:45 in its summer), for the cross-engine runs. */
export const FAR_ZONE = "Pacific/Chatham";

type Env = Record<string, string | undefined>;
type Exists = (p: string) => boolean;

/** The folders of PATH, split as the platform splits them. */
export function pathDirs(env: Env, platform: string): string[] {
  const value = env.PATH ?? env.Path ?? "";
  return value.split(platform === "win32" ? ";" : ":").filter((d) => d !== "");
}

/** The first executable called one of `names` on PATH (with PATHEXT's endings on Windows). */
export function findOnPath(names: string[], env: Env, platform: string, exists: Exists): string | undefined {
  const join2 = platform === "win32" ? win32.join : posix.join;
  const endings = platform === "win32" ? ["", ...(env.PATHEXT ?? ".EXE;.CMD;.BAT").toLowerCase().split(";")] : [""];
  for (const dir of pathDirs(env, platform))
    for (const name of names)
      for (const end of endings) {
        const p = join2(dir, name + end);
        if (exists(p)) return p;
      }
  return undefined;
}

/** Firefox's executable, or undefined. */
export function firefoxPath(env: Env, platform: string, exists: Exists): string | undefined {
  if (env.FIREFOX_PATH) return env.FIREFOX_PATH;
  const onPath = findOnPath(["firefox-esr", "firefox"], env, platform, exists);
  if (onPath) return onPath;
  const places =
    platform === "win32"
      ? [env.ProgramFiles, env["ProgramFiles(x86)"], env.LOCALAPPDATA]
          .filter((d): d is string => !!d)
          .map((d) => win32.join(d, "Mozilla Firefox", "firefox.exe"))
      : platform === "darwin"
        ? ["/Applications/Firefox.app/Contents/MacOS/firefox", "/Applications/Firefox ESR.app/Contents/MacOS/firefox"]
        : ["/usr/bin/firefox-esr", "/usr/bin/firefox", "/usr/lib/firefox-esr/firefox-esr", "/snap/bin/firefox"];
  return places.find(exists);
}

/** How WebDriver starts a WebKit browser on this platform. */
export type WebKitDriver =
  { kind: "webkitgtk"; driver: string; browser: string } | { kind: "safari"; driver: string } | { kind: "missing"; why: string };

const WEBKITGTK_MINIBROWSER = [
  "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
  "/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
  "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser",
  "/usr/lib/aarch64-linux-gnu/webkit2gtk-4.0/MiniBrowser",
  "/usr/libexec/webkit2gtk-4.1/MiniBrowser",
  "/usr/libexec/webkit2gtk-4.0/MiniBrowser",
];

export function webkitDriver(env: Env, platform: string, exists: Exists): WebKitDriver {
  if (platform === "darwin") {
    const driver = env.SAFARIDRIVER_PATH ?? findOnPath(["safaridriver"], env, platform, exists) ?? "/usr/bin/safaridriver";
    return exists(driver)
      ? { kind: "safari", driver }
      : { kind: "missing", why: "safaridriver not found: it ships with Safari (run `safaridriver --enable` once)." };
  }
  if (platform === "win32")
    return { kind: "missing", why: "WebKit does not run on Windows: its cases run in CI (Linux, WebKitGTK) or on a Mac (Safari)." };
  const driver = env.WEBKIT_WEBDRIVER ?? findOnPath(["WebKitWebDriver"], env, platform, exists);
  const browser = env.WEBKIT_MINIBROWSER ?? WEBKITGTK_MINIBROWSER.find(exists);
  if (!driver || !exists(driver) || !browser || !exists(browser))
    return {
      kind: "missing",
      why: "WebKitGTK's WebDriver not found: sudo apt-get install webkit2gtk-driver xvfb (or set WEBKIT_WEBDRIVER and WEBKIT_MINIBROWSER).",
    };
  return { kind: "webkitgtk", driver, browser };
}

/** Xvfb for WebKitGTK on Linux: its path, or undefined (then the display in DISPLAY is used, if any). */
export function xvfbPath(env: Env, platform: string, exists: Exists): string | undefined {
  if (platform !== "linux") return undefined;
  return findOnPath(["Xvfb"], env, platform, exists) ?? (exists("/usr/bin/Xvfb") ? "/usr/bin/Xvfb" : undefined);
}

/** Whether a missing engine fails (CI) or is only reported (a developer's machine). */
export function enginesRequired(env: Env): boolean {
  const ci = env.CI ?? "";
  return env.KUSTOMER_REQUIRE_ENGINES === "1" || (ci !== "" && ci !== "0" && ci.toLowerCase() !== "false");
}

/** Why an engine cannot start here, or undefined when it can be tried. */
export function engineMissing(
  engine: EngineName,
  env: Env = process.env,
  platform: string = process.platform,
  exists: Exists = existsSync,
): string | undefined {
  if (engine === "firefox")
    return firefoxPath(env, platform, exists)
      ? undefined
      : `Firefox not found: ${platform === "linux" ? "sudo apt-get install firefox-esr" : "install Firefox"}, or set FIREFOX_PATH to its executable.`;
  if (engine === "webkit") {
    const w = webkitDriver(env, platform, exists);
    if (w.kind === "missing") return w.why;
    if (w.kind === "webkitgtk" && !xvfbPath(env, platform, exists) && !env.DISPLAY)
      return "Xvfb not found (WebKitGTK needs a display): sudo apt-get install xvfb xauth.";
  }
  return undefined;
}

/** A page in one engine, driven the same way in all three. */
export interface EnginePage {
  readonly engine: EngineName;
  goto(url: string): Promise<void>;
  /** Runs `fn` in the page with JSON arguments (its source is sent); a returned promise is awaited; the result comes back as JSON. */
  evaluate<A extends unknown[], R>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<R>;
  /** The window's inner size (WebKitGTK's MiniBrowser is never narrower than 447 px: see `frameAt`). */
  setSize(width: number, height: number): Promise<void>;
  /** A key pressed on the focused element. */
  press(key: "Tab" | "Enter"): Promise<void>;
  /** Text typed into the focused element, key by key. */
  type(text: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export interface EngineOptions {
  width?: number;
  height?: number;
  /** The browser's time zone (its process's TZ; Chromium's emulation). */
  timeZone?: string;
}

/** The expression that calls `fn` with `args` (JSON) in a page. */
const callOf = (fn: (...a: never[]) => unknown, args: unknown[]): string => `(${fn.toString()}).apply(null, ${JSON.stringify(args)})`;

async function chromiumPage(o: EngineOptions): Promise<EnginePage> {
  const context = await launchChromium({ viewport: { width: o.width ?? 1280, height: o.height ?? 900 }, timezoneId: o.timeZone });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    engine: "chromium",
    goto: async (url) => void (await page.goto(url)),
    evaluate: (fn, ...args) => page.evaluate(callOf(fn as never, args)),
    setSize: (width, height) => page.setViewportSize({ width, height }),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    screenshot: async (path) => void (await page.screenshot({ path })),
    close: () => context.close(),
  };
}

async function firefoxPage(o: EngineOptions): Promise<EnginePage> {
  const executablePath = firefoxPath(process.env, process.platform, existsSync)!;
  const profile = mkdtempSync(join(tmpdir(), "kustomer-firefox-"));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  if (o.timeZone) env.TZ = o.timeZone;
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath,
    headless: true,
    userDataDir: profile,
    env,
    // No update checks, telemetry or other traffic of the browser's own.
    extraPrefsFirefox: {
      "app.update.enabled": false,
      "datareporting.policy.dataSubmissionEnabled": false,
      "network.dns.disablePrefetch": true,
    },
  });
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  await page.setViewport({ width: o.width ?? 1280, height: o.height ?? 900 });
  return {
    engine: "firefox",
    goto: async (url) => void (await page.goto(url)),
    evaluate: (fn, ...args) => page.evaluate(callOf(fn as never, args)) as never,
    setSize: (width, height) => page.setViewport({ width, height }),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png` })),
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Starts Xvfb on a display it chooses itself (-displayfd): no fixed display number. */
function startXvfb(path: string): Promise<{ display: string; process: ChildProcess }> {
  const child = spawn(path, ["-displayfd", "3", "-screen", "0", "1600x1200x24", "-nolisten", "tcp"], {
    stdio: ["ignore", "ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stderr!.on("data", (d) => (err += String(d)));
    child.stdio[3]!.on("data", (d) => {
      out += String(d);
      if (out.includes("\n")) resolve({ display: `:${out.trim()}`, process: child });
    });
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`Xvfb exited (${code}): ${err.slice(-300)}`)));
  });
}

const KEYS: Record<string, string> = { Tab: "\uE004", Enter: "\uE007" };

/** A small W3C WebDriver client: what the tests need of it, over HTTP. */
async function webkitPage(o: EngineOptions): Promise<EnginePage> {
  const w = webkitDriver(process.env, process.platform, existsSync);
  if (w.kind === "missing") throw new Error(w.why);
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  if (o.timeZone) env.TZ = o.timeZone;
  let xvfb: ChildProcess | undefined;
  if (w.kind === "webkitgtk") {
    const x = xvfbPath(process.env, process.platform, existsSync);
    if (x) {
      const started = await startXvfb(x);
      xvfb = started.process;
      env.DISPLAY = started.display;
      delete env.WAYLAND_DISPLAY;
    }
  }
  const port = await freePort();
  const driver = spawn(w.driver, [`--port=${port}`], { env, stdio: ["ignore", "ignore", "ignore"] });
  const base = `http://127.0.0.1:${port}`;
  const stop = () => {
    driver.kill();
    xvfb?.kill();
  };
  const send = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const r = await fetch(base + path, {
      method,
      headers: { "content-type": "application/json; charset=utf-8" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await r.json()) as { value: unknown };
    if (!r.ok) {
      const v = json.value as { error?: string; message?: string };
      throw new Error(`WebDriver ${method} ${path}: ${v.error ?? r.status}: ${(v.message ?? "").slice(0, 500)}`);
    }
    return json.value;
  };
  try {
    for (let i = 0; ; i++) {
      try {
        await send("GET", "/status");
        break;
      } catch (e) {
        if (i > 100) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const capabilities =
      w.kind === "webkitgtk" ? { "webkitgtk:browserOptions": { binary: w.browser, args: ["--automation"] } } : { browserName: "safari" };
    const session = (await send("POST", "/session", { capabilities: { alwaysMatch: capabilities } })) as { sessionId: string };
    const s = `/session/${session.sessionId}`;
    const setSize = async (width: number, height: number) => void (await send("POST", `${s}/window/rect`, { width, height }));
    await setSize(o.width ?? 1280, o.height ?? 900);
    const keys = (values: string[]) =>
      send("POST", `${s}/actions`, {
        actions: [
          {
            type: "key",
            id: "keyboard",
            actions: values.flatMap((value) => [
              { type: "keyDown", value },
              { type: "keyUp", value },
            ]),
          },
        ],
      });
    return {
      engine: "webkit",
      goto: async (url) => void (await send("POST", `${s}/url`, { url })),
      evaluate: async (fn, ...args) =>
        (await send("POST", `${s}/execute/sync`, { script: `return ${callOf(fn as never, args)};`, args: [] })) as never,
      setSize,
      press: async (key) => void (await keys([KEYS[key]])),
      type: async (text) => void (await keys([...text])),
      screenshot: async (path) => writeFileSync(path, Buffer.from((await send("GET", `${s}/screenshot`)) as string, "base64")),
      close: async () => {
        try {
          await send("DELETE", s);
        } finally {
          stop();
        }
      },
    };
  } catch (e) {
    stop();
    throw e;
  }
}

/** Starts `engine` with one page; the caller closes it. */
export function launchEngine(engine: EngineName, options: EngineOptions = {}): Promise<EnginePage> {
  return engine === "chromium" ? chromiumPage(options) : engine === "firefox" ? firefoxPage(options) : webkitPage(options);
}

/**
 * The engines to run here: each with why it cannot, if it cannot. In CI a missing engine throws
 * (the run fails); on a developer's machine it is reported on the console, with what to install.
 */
export function availableEngines(
  env: Env = process.env,
  platform: string = process.platform,
  exists: Exists = existsSync,
): { engine: EngineName; missing?: string }[] {
  return ENGINES.map((engine) => {
    const missing = engine === "chromium" ? undefined : engineMissing(engine, env, platform, exists);
    if (missing && enginesRequired(env)) throw new Error(`${engine}: ${missing} (CI runs every engine)`);
    if (missing) console.warn(`NOT RUN in ${engine}: ${missing}`);
    return missing ? { engine, missing } : { engine };
  });
}
