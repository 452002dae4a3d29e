/** How the cross-engine tests find Firefox and WebKit (test/helpers/engines.ts), per platform. */
import {
  availableEngines,
  enginesRequired,
  engineMissing,
  findOnPath,
  firefoxPath,
  pathDirs,
  webkitDriver,
  xvfbPath,
} from "../helpers/engines";

const none = () => false;
const only = (...paths: string[]) => {
  const set = new Set(paths);
  return (p: string) => set.has(p);
};

test("PATH is split as each platform splits it, empty entries dropped", () => {
  expect(pathDirs({ PATH: "/usr/local/bin:/usr/bin::/bin" }, "linux")).toEqual(["/usr/local/bin", "/usr/bin", "/bin"]);
  expect(pathDirs({ PATH: "/opt/homebrew/bin:/usr/bin" }, "darwin")).toEqual(["/opt/homebrew/bin", "/usr/bin"]);
  // Windows: ";" (a drive's "C:" is not a separator), and the variable may be spelled Path.
  expect(pathDirs({ Path: "C:\\Windows;C:\\Program Files\\Mozilla Firefox;" }, "win32")).toEqual([
    "C:\\Windows",
    "C:\\Program Files\\Mozilla Firefox",
  ]);
});

test("findOnPath: the first folder that has one of the names; on Windows with PATHEXT's endings", () => {
  expect(findOnPath(["firefox-esr", "firefox"], { PATH: "/a:/b" }, "linux", only("/b/firefox", "/b/firefox-esr"))).toBe("/b/firefox-esr");
  expect(findOnPath(["firefox"], { PATH: "/a:/b" }, "linux", none)).toBeUndefined();
  expect(findOnPath(["firefox"], { Path: "C:\\bin;D:\\Mozilla", PATHEXT: ".COM;.EXE" }, "win32", only("D:\\Mozilla\\firefox.exe"))).toBe(
    "D:\\Mozilla\\firefox.exe",
  );
});

describe("Firefox", () => {
  test("FIREFOX_PATH, when set, is used as given on every platform", () => {
    for (const platform of ["linux", "darwin", "win32"])
      expect(firefoxPath({ FIREFOX_PATH: "/opt/ff/firefox", PATH: "/usr/bin" }, platform, () => true)).toBe("/opt/ff/firefox");
  });
  test("linux: firefox-esr or firefox on PATH, else the distribution paths (/usr/bin/firefox-esr first)", () => {
    expect(firefoxPath({ PATH: "/usr/local/bin" }, "linux", only("/usr/local/bin/firefox"))).toBe("/usr/local/bin/firefox");
    expect(firefoxPath({ PATH: "" }, "linux", only("/usr/bin/firefox", "/usr/bin/firefox-esr"))).toBe("/usr/bin/firefox-esr");
    expect(firefoxPath({}, "linux", none)).toBeUndefined();
  });
  test("darwin: the application bundle's executable", () => {
    expect(firefoxPath({ PATH: "/usr/bin" }, "darwin", only("/Applications/Firefox.app/Contents/MacOS/firefox"))).toBe(
      "/Applications/Firefox.app/Contents/MacOS/firefox",
    );
  });
  test("win32: Program Files, then Program Files (x86), then the user's own install", () => {
    const env = {
      Path: "C:\\Windows",
      ProgramFiles: "C:\\Program Files",
      "ProgramFiles(x86)": "C:\\Program Files (x86)",
      LOCALAPPDATA: "C:\\Users\\u\\AppData\\Local",
    };
    expect(firefoxPath(env, "win32", only("C:\\Program Files (x86)\\Mozilla Firefox\\firefox.exe"))).toBe(
      "C:\\Program Files (x86)\\Mozilla Firefox\\firefox.exe",
    );
    expect(firefoxPath(env, "win32", none)).toBeUndefined();
  });
  test("missing: what to install, per platform, in one line", () => {
    expect(engineMissing("firefox", {}, "linux", none)).toBe(
      "Firefox not found: sudo apt-get install firefox-esr, or set FIREFOX_PATH to its executable.",
    );
    expect(engineMissing("firefox", {}, "win32", none)).toBe("Firefox not found: install Firefox, or set FIREFOX_PATH to its executable.");
    expect(engineMissing("firefox", {}, "linux", only("/usr/bin/firefox-esr"))).toBeUndefined();
  });
});

describe("WebKit", () => {
  const MINI = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
  test("linux: WebKitWebDriver on PATH with WebKitGTK's MiniBrowser, in an Xvfb display", () => {
    const exists = only("/usr/bin/WebKitWebDriver", MINI, "/usr/bin/Xvfb");
    expect(webkitDriver({ PATH: "/usr/bin" }, "linux", exists)).toEqual({
      kind: "webkitgtk",
      driver: "/usr/bin/WebKitWebDriver",
      browser: MINI,
    });
    expect(xvfbPath({ PATH: "/usr/bin" }, "linux", exists)).toBe("/usr/bin/Xvfb");
    expect(engineMissing("webkit", { PATH: "/usr/bin" }, "linux", exists)).toBeUndefined();
  });
  test("linux: WEBKIT_WEBDRIVER and WEBKIT_MINIBROWSER win; Fedora's libexec MiniBrowser is found", () => {
    expect(
      webkitDriver({ WEBKIT_WEBDRIVER: "/opt/wk/WebKitWebDriver", WEBKIT_MINIBROWSER: "/opt/wk/MiniBrowser" }, "linux", () => true),
    ).toEqual({ kind: "webkitgtk", driver: "/opt/wk/WebKitWebDriver", browser: "/opt/wk/MiniBrowser" });
    expect(
      webkitDriver({ PATH: "/usr/bin" }, "linux", only("/usr/bin/WebKitWebDriver", "/usr/libexec/webkit2gtk-4.1/MiniBrowser")),
    ).toEqual({
      kind: "webkitgtk",
      driver: "/usr/bin/WebKitWebDriver",
      browser: "/usr/libexec/webkit2gtk-4.1/MiniBrowser",
    });
  });
  test("linux: no driver, or no display at all, says what to install", () => {
    expect(engineMissing("webkit", { PATH: "/usr/bin" }, "linux", none)).toBe(
      "WebKitGTK's WebDriver not found: sudo apt-get install webkit2gtk-driver xvfb (or set WEBKIT_WEBDRIVER and WEBKIT_MINIBROWSER).",
    );
    const noXvfb = only("/usr/bin/WebKitWebDriver", MINI);
    expect(engineMissing("webkit", { PATH: "/usr/bin" }, "linux", noXvfb)).toBe(
      "Xvfb not found (WebKitGTK needs a display): sudo apt-get install xvfb xauth.",
    );
    // A desktop's own display will do without Xvfb.
    expect(engineMissing("webkit", { PATH: "/usr/bin", DISPLAY: ":0" }, "linux", noXvfb)).toBeUndefined();
  });
  test("darwin: Safari's safaridriver", () => {
    expect(webkitDriver({ PATH: "/usr/bin" }, "darwin", only("/usr/bin/safaridriver"))).toEqual({
      kind: "safari",
      driver: "/usr/bin/safaridriver",
    });
    expect(engineMissing("webkit", { PATH: "/usr/bin" }, "darwin", none)).toBe(
      "safaridriver not found: it ships with Safari (run `safaridriver --enable` once).",
    );
    expect(xvfbPath({ PATH: "/usr/bin" }, "darwin", () => true)).toBeUndefined();
  });
  test("win32: none, and it says where the WebKit cases run instead", () => {
    expect(webkitDriver({ Path: "C:\\Windows" }, "win32", () => true)).toEqual({
      kind: "missing",
      why: "WebKit does not run on Windows: its cases run in CI (Linux, WebKitGTK) or on a Mac (Safari).",
    });
  });
});

test("a missing engine fails in CI (CI set, or KUSTOMER_REQUIRE_ENGINES=1) and is only reported elsewhere", () => {
  expect(enginesRequired({ CI: "true" })).toBe(true);
  expect(enginesRequired({ CI: "1" })).toBe(true);
  expect(enginesRequired({ KUSTOMER_REQUIRE_ENGINES: "1" })).toBe(true);
  expect(enginesRequired({})).toBe(false);
  expect(enginesRequired({ CI: "false" })).toBe(false);
  expect(enginesRequired({ CI: "0" })).toBe(false);
});

test("availableEngines: in CI a missing engine throws, naming it; elsewhere it is listed as not run, with the reason", () => {
  expect(() => availableEngines({ CI: "true", PATH: "/usr/bin" }, "linux", none)).toThrow(
    "firefox: Firefox not found: sudo apt-get install firefox-esr, or set FIREFOX_PATH to its executable. (CI runs every engine)",
  );
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  try {
    expect(availableEngines({ PATH: "C:\\Windows" }, "win32", none)).toEqual([
      { engine: "chromium" },
      { engine: "firefox", missing: "Firefox not found: install Firefox, or set FIREFOX_PATH to its executable." },
      { engine: "webkit", missing: "WebKit does not run on Windows: its cases run in CI (Linux, WebKitGTK) or on a Mac (Safari)." },
    ]);
    expect(warn).toHaveBeenCalledTimes(2);
  } finally {
    warn.mockRestore();
  }
  // All three found on Linux: none missing, nothing said.
  const all = only(
    "/usr/bin/firefox-esr",
    "/usr/bin/WebKitWebDriver",
    "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
    "/usr/bin/Xvfb",
  );
  expect(availableEngines({ CI: "true", PATH: "/usr/bin" }, "linux", all)).toEqual([
    { engine: "chromium" },
    { engine: "firefox" },
    { engine: "webkit" },
  ]);
});
