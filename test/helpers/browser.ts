/**
 * The one place the browser tests find and start a Chromium-family browser, on any platform:
 *   1. CHROME_PATH, when set (a Chrome, Edge or Chromium executable; used as given);
 *   2. Google Chrome, then Microsoft Edge, where playwright-core's channels find them
 *      (their standard install places on Windows, Mac and Linux);
 *   3. the Linux distributions' Chromium and Chrome paths (/usr/bin/chromium first; CI installs it).
 * Where none starts, it fails with one line that says what to install.
 *
 *   const context = await launchChromium({ viewport: { width: 380, height: 900 } });
 *   ...
 *   await context.close(); // also removes its temporary profile
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

export type Candidate = { label: string; executablePath: string } | { label: string; channel: "chrome" | "msedge" };

export const LINUX_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/snap/bin/chromium",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/usr/bin/microsoft-edge",
];

/** Where to look, in order (pure: the environment, platform and file test are inputs). */
export function browserCandidates(env: Record<string, string | undefined>, platform: string, exists: (p: string) => boolean): Candidate[] {
  if (env.CHROME_PATH) return [{ label: `CHROME_PATH=${env.CHROME_PATH}`, executablePath: env.CHROME_PATH }];
  const found: Candidate[] = [
    { label: "Google Chrome", channel: "chrome" },
    { label: "Microsoft Edge", channel: "msedge" },
  ];
  if (platform === "linux") for (const p of LINUX_PATHS) if (exists(p)) found.push({ label: p, executablePath: p });
  return found;
}

/** The one line said when no browser starts. */
export function noBrowserMessage(platform: string, env: Record<string, string | undefined>): string {
  if (env.CHROME_PATH) return `CHROME_PATH=${env.CHROME_PATH} does not start a browser: point it at a Chrome, Edge or Chromium executable.`;
  const install =
    platform === "win32"
      ? "install Google Chrome or Microsoft Edge"
      : platform === "darwin"
        ? "install Google Chrome or Microsoft Edge (brew install --cask google-chrome)"
        : "install Chromium (sudo apt-get install chromium) or Google Chrome";
  return `No Chromium-family browser found for the browser tests: ${install}, or set CHROME_PATH to its executable.`;
}

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface LaunchOptions {
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
  /** Accept a certificate the browser does not trust (a test's own HTTPS server with a self-made CA). */
  ignoreHTTPSErrors?: boolean;
  /** Touch events on (page.tap), as on a tablet or a touch screen. */
  hasTouch?: boolean;
  /** The page's time zone (an IANA name), as if the machine were set to it. */
  timezoneId?: string;
}

/** A temporary profile removed; a file the browser still held never fails a test. */
function removeProfile(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  } catch {
    // left in the temporary folder
  }
}

/** Starts the first browser found, headless, in a fresh temporary profile. */
export async function launchChromium(options: LaunchOptions = {}): Promise<BrowserContext> {
  const candidates = browserCandidates(process.env, process.platform, existsSync);
  for (const candidate of candidates) {
    const profile = mkdtempSync(join(tmpdir(), "kustomer-browser-"));
    try {
      const context = await chromium.launchPersistentContext(profile, {
        ...("channel" in candidate ? { channel: candidate.channel } : { executablePath: candidate.executablePath }),
        headless: true,
        args: ARGS,
        viewport: options.viewport ?? { width: 1280, height: 900 },
        deviceScaleFactor: options.deviceScaleFactor ?? 1,
        ignoreHTTPSErrors: options.ignoreHTTPSErrors ?? false,
        hasTouch: options.hasTouch ?? false,
        ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
      });
      // The profile goes once the browser has exited (close() waits for that).
      const close = context.close.bind(context);
      context.close = async (...a: Parameters<BrowserContext["close"]>) => {
        await close(...a);
        removeProfile(profile);
      };
      return context;
    } catch {
      removeProfile(profile);
    }
  }
  throw new Error(noBrowserMessage(process.platform, process.env));
}
