/** How the browser tests find a browser (test/helpers/browser.ts), per platform. */
import { browserCandidates, launchChromium, noBrowserMessage } from "../helpers/browser";

const none = () => false;

test("CHROME_PATH, when set, is the only candidate (on every platform)", () => {
  for (const platform of ["win32", "darwin", "linux"])
    expect(browserCandidates({ CHROME_PATH: "C:\\Tools\\chrome.exe" }, platform, none)).toEqual([
      { label: "CHROME_PATH=C:\\Tools\\chrome.exe", executablePath: "C:\\Tools\\chrome.exe" },
    ]);
});

test("win32 and darwin: Chrome, then Edge, through playwright's channels", () => {
  const channels = [
    { label: "Google Chrome", channel: "chrome" },
    { label: "Microsoft Edge", channel: "msedge" },
  ];
  expect(browserCandidates({}, "win32", () => true)).toEqual(channels);
  expect(browserCandidates({}, "darwin", () => true)).toEqual(channels);
});

test("linux: the channels, then the distribution paths that exist, /usr/bin/chromium first", () => {
  const present = new Set(["/usr/bin/google-chrome", "/usr/bin/chromium"]);
  expect(browserCandidates({}, "linux", (p) => present.has(p))).toEqual([
    { label: "Google Chrome", channel: "chrome" },
    { label: "Microsoft Edge", channel: "msedge" },
    { label: "/usr/bin/chromium", executablePath: "/usr/bin/chromium" },
    { label: "/usr/bin/google-chrome", executablePath: "/usr/bin/google-chrome" },
  ]);
});

test("no browser: one line saying what to install, per platform", () => {
  expect(noBrowserMessage("linux", {})).toBe(
    "No Chromium-family browser found for the browser tests: install Chromium (sudo apt-get install chromium) or Google Chrome, or set CHROME_PATH to its executable.",
  );
  expect(noBrowserMessage("win32", {})).toMatch(
    /^No Chromium-family browser found for the browser tests: install Google Chrome or Microsoft Edge, or set CHROME_PATH/,
  );
  expect(noBrowserMessage("darwin", {})).toMatch(/install Google Chrome or Microsoft Edge \(brew install --cask google-chrome\)/);
  for (const p of ["linux", "win32", "darwin"]) expect(noBrowserMessage(p, {})).not.toMatch(/\n/);
});

test("a CHROME_PATH that starts nothing fails with that one line", async () => {
  const saved = process.env.CHROME_PATH;
  process.env.CHROME_PATH = "/nonexistent/kustomer/chrome";
  try {
    await expect(launchChromium()).rejects.toThrow(
      /^CHROME_PATH=\/nonexistent\/kustomer\/chrome does not start a browser: point it at a Chrome, Edge or Chromium executable\.$/,
    );
  } finally {
    if (saved === undefined) delete process.env.CHROME_PATH;
    else process.env.CHROME_PATH = saved;
  }
});
