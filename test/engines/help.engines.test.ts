/**
 * The built help page (dist/help.html) in the three engines Excel runs in (Chromium, Firefox,
 * WebKit; test/helpers/engines.ts), in Pacific/Chatham: every documented example shows its
 * documented result on load; a range is edited (+ Row, a value typed key by key) and Reset brings
 * it back; the keyboard reaches a rounded value's exact-value button with one Tab from the field
 * before it; no element is wider than its box at 380 and at 1280 px; screenshots of each engine at
 * both widths go to artifacts/help-<engine>-<width>.png.
 *
 * The page is measured at 380 px inside a frame of that width: WebKitGTK's MiniBrowser window is
 * never narrower than 447 px. The examples are read from src/functions/*.examples.json, so a new
 * function or example is covered with no change here.
 */
import { createServer, type Server } from "node:http";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";
import { availableEngines, FAR_ZONE, launchEngine, type EnginePage } from "../helpers/engines";
import { rowKindsOf, showValue, spillCellFormat, type ResultFormat } from "../../src/help/format";
import { loadBundle } from "../helpers/bundle";

jest.setTimeout(240_000);

const root = join(__dirname, "..", "..");
const dist = join(root, "dist");
const artifacts = join(root, "artifacts");
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/** The help page in a frame `w` px wide and `h` high, at the top left of the window, scrolled to SEASONWINDOW (spills, dates, rounded values). */
const framePage = (w: number, h: number) =>
  `<!doctype html><html lang=en><meta charset=utf-8><title>frame</title><style>body{margin:0}iframe{border:0;display:block}</style>` +
  `<iframe title="help" src="help.html#SEASONWINDOW" width="${w}" height="${h}"></iframe>`;

function serve(): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const frame = /^\/frame-(\d+)x(\d+)\.html$/.exec(url.pathname);
    if (frame) return void res.writeHead(200, { "Content-Type": TYPES[".html"] }).end(framePage(Number(frame[1]), Number(frame[2])));
    const path = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, "");
    const file = join(dist, path || "index.html");
    if (!file.startsWith(dist + sep) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Every documented example, in the page's order within each function. */
const examplesDir = join(root, "src", "functions");
const documented = readdirSync(examplesDir)
  .filter((f) => f.endsWith(".examples.json"))
  .flatMap((f) =>
    Object.entries(
      JSON.parse(readFileSync(join(examplesDir, f), "utf8")) as Record<string, { examples?: { args: unknown[]; result: unknown }[] }>,
    ),
  );
const exampleCount = documented.reduce((n, [, d]) => n + (d.examples ?? []).length, 0);

/** Waits in the page (or in its frame) until the help page has computed every example. */
function helpReady(inFrame: boolean): Promise<boolean> {
  return new Promise((resolve) => {
    const started = Date.now();
    const check = () => {
      const doc = inFrame ? document.querySelector("iframe")?.contentDocument : document;
      if (doc?.body?.dataset.helpReady !== undefined) return resolve(true);
      if (Date.now() - started > 60_000) return resolve(false);
      setTimeout(check, 50);
    };
    check();
  });
}

/**
 * Every element (of the page, or of its frame) whose content is wider than its box, or that
 * reaches past its parent's box, beyond half a pixel. The range grids (.grid-scroll) scroll
 * sideways inside their card by design: what is inside one is measured against it alone.
 */
function overflowing(inFrame: boolean): string[] {
  const doc = inFrame ? document.querySelector("iframe")!.contentDocument! : document;
  const win = doc.defaultView!;
  const name = (e: Element) => {
    const form = e.closest("form.example") as HTMLElement | null;
    const where = form
      ? `${form.dataset.fn} example ${[...doc.querySelectorAll(`form.example[data-fn="${form.dataset.fn}"]`)].indexOf(form) + 1}: `
      : "";
    return `${where}${e.tagName.toLowerCase()}${e.className && typeof e.className === "string" ? "." + e.className.trim().replace(/\s+/g, ".") : ""} "${(e instanceof HTMLInputElement ? e.value : (e.textContent ?? "")).trim().slice(0, 30)}"`;
  };
  const out: string[] = [];
  for (const e of doc.querySelectorAll("body *")) {
    if (e.getClientRects().length === 0) continue;
    const style = win.getComputedStyle(e);
    if (style.position === "fixed" || style.position === "absolute") continue;
    const scroller = e.closest(".grid-scroll");
    // A table's rows report their collapsed borders' half pixel as content: their table is measured instead.
    const row = /^(TBODY|THEAD|TFOOT|TR)$/.test(e.tagName);
    if (!row && e.clientWidth > 0 && e.scrollWidth > e.clientWidth && !e.matches(".grid-scroll"))
      out.push(`${name(e)} content ${e.scrollWidth} px in a box of ${e.clientWidth} px`);
    const parent = e.parentElement;
    if (!parent || parent === doc.body || (scroller && scroller !== e && !scroller.contains(parent))) continue;
    if (scroller && scroller !== e) continue;
    const r = e.getBoundingClientRect();
    const p = parent.getBoundingClientRect();
    if (r.width > 0 && (r.right > p.right + 0.5 || r.left < p.left - 0.5))
      out.push(`${name(e)} reaches ${Math.round(Math.max(r.right - p.right, p.left - r.left))} px past ${name(parent)}`);
  }
  return out;
}

let server: Server;
let base: string;
beforeAll(async () => {
  if (!existsSync(join(dist, "help.html"))) throw new Error("dist/ is missing: run `npm test` (it builds first) or `npm run build`.");
  mkdirSync(artifacts, { recursive: true });
  server = await serve();
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
});

describe.each(availableEngines())("$engine", ({ engine, missing }) => {
  let page: EnginePage;
  beforeAll(async () => {
    if (missing) return;
    page = await launchEngine(engine, { timeZone: FAR_ZONE, width: 1280, height: 900 });
    await page.goto(`${base}/help.html`);
    expect(await page.evaluate(helpReady, false)).toBe(true);
  });
  afterAll(async () => {
    if (!missing) await page?.close();
  });
  const notRun = () => (missing ? (console.warn(`NOT RUN in ${engine}: ${missing}`), true) : false);

  test("every documented example shows its documented result on load, and the bundle registered every function", async () => {
    if (notRun()) return;
    const shown = await page.evaluate(() => ({
      ready: document.body.dataset.helpReady,
      names: document.querySelectorAll(".result-value .error-code").length,
      forms: [...document.querySelectorAll<HTMLElement>("form.example")].map((f) => ({
        fn: f.dataset.fn!,
        format: f.dataset.format!,
        error: f.querySelector(".result-value.is-error")?.textContent ?? null,
        values: [...f.querySelectorAll(".result-value .value")].map((v) => v.textContent),
      })),
    }));
    const functions = (JSON.parse(readFileSync(join(dist, "functions.json"), "utf8")) as { functions: unknown[] }).functions.length;
    expect(shown.ready).toBe(String(functions));
    const bundle = loadBundle();
    const wrong: string[] = [];
    let count = 0;
    for (const [name, doc] of documented)
      (doc.examples ?? []).forEach((e, k) => {
        count++;
        const form = shown.forms.filter((f) => f.fn === name)[k];
        if (!form) return wrong.push(`${name} example ${k + 1}: not on the page`);
        const format = form.format as ResultFormat;
        const rows = Array.isArray(e.result) ? (e.result as unknown[][]) : [[e.result]];
        // A working spill's rows in the kinds the function declares beside them (the same bundle, called here).
        const kinds = Array.isArray(e.result) ? rowKindsOf(bundle.call(name, ...e.args)) : undefined;
        const expected = rows.flatMap((row, ri) =>
          row.map((v, ci) => showValue(v, Array.isArray(e.result) ? spillCellFormat(name, kinds, ri, ci, format) : format).text),
        );
        if (form.error !== null || JSON.stringify(form.values) !== JSON.stringify(expected))
          wrong.push(
            `${name} example ${k + 1}: shows ${form.error ?? JSON.stringify(form.values)}, documented ${JSON.stringify(expected)}`,
          );
      });
    expect(count).toBe(exampleCount);
    expect(shown.forms.length).toBe(exampleCount);
    expect(wrong).toEqual([]);
  });

  test("+ Row, a value typed key by key, and Reset: a range example recomputes and comes back", async () => {
    if (notRun()) return;
    // ATTACHMENTSTORAGE's second example: 1,500,000,000 bytes = 1.5 GB. A row of 500,000,000 more: 2 GB.
    // The example's result and rows once they are `expected` (or after 5 s, as they are then).
    const state = (expected?: { result: string | null; rows: number }) =>
      page.evaluate(
        (want: { result: string | null; rows: number } | null) =>
          new Promise<{ result: string | null; rows: number }>((resolve) => {
            const form = document.querySelectorAll("section#ATTACHMENTSTORAGE form.example")[1];
            const started = Date.now();
            const check = () => {
              const now = {
                result: form.querySelector(".result-value")!.textContent,
                rows: form.querySelectorAll(".grid tbody tr").length,
              };
              if (!want || (now.result === want.result && now.rows === want.rows) || Date.now() - started > 5000) resolve(now);
              else setTimeout(check, 20);
            };
            check();
          }),
        expected ?? null,
      );
    const before = await state();
    expect(before.result).toBe("1.5");
    await page.evaluate(() => {
      const form = document.querySelectorAll("section#ATTACHMENTSTORAGE form.example")[1];
      form.querySelector<HTMLButtonElement>("button[data-grid-action=add]")!.click();
      form.querySelector<HTMLInputElement>(".grid tbody tr:last-child input")!.focus();
    });
    await page.type("500000000");
    await expect(state({ result: "2", rows: before.rows + 1 })).resolves.toEqual({ result: "2", rows: before.rows + 1 });
    // Reset: the documented range again, its added row gone, computed again.
    await page.evaluate(() =>
      document
        .querySelectorAll("section#ATTACHMENTSTORAGE form.example")[1]
        .querySelector<HTMLButtonElement>("button[type=reset]")!
        .click(),
    );
    await expect(state(before)).resolves.toEqual(before);
  });

  test("the keyboard reaches a rounded value's exact-value button from the field before it, and Enter shows the exact value", async () => {
    if (notRun()) return;
    // Each example's first rounded value on load: the Tab from the field before it must land on its
    // button, nothing in between (the result's box is no Tab stop of its own).
    const count = await page.evaluate(
      () =>
        [...document.querySelectorAll("form.example .result-value")]
          .map((r) => r.querySelector<HTMLButtonElement>("button.value.rounded"))
          .filter((b): b is HTMLButtonElement => b !== null).length,
    );
    expect(count).toBeGreaterThan(0);
    const landed: string[] = [];
    for (let i = 0; i < count; i++) {
      const from = await page.evaluate((n: number) => {
        const button = [...document.querySelectorAll("form.example .result-value")]
          .map((r) => r.querySelector<HTMLButtonElement>("button.value.rounded"))
          .filter((b): b is HTMLButtonElement => b !== null)[n];
        const form = button.closest("form.example")!;
        // The control before it: the form's last field or grid button.
        const before = [...form.querySelectorAll<HTMLElement>("input, button, select, textarea, a[href]")].filter(
          (e) => e.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING,
        );
        const last = before[before.length - 1];
        last.focus();
        return `${form.getAttribute("data-fn")}: ${button.textContent}`;
      }, i);
      await page.press("Tab");
      const at = await page.evaluate((n: number) => {
        const button = [...document.querySelectorAll("form.example .result-value")]
          .map((r) => r.querySelector<HTMLButtonElement>("button.value.rounded"))
          .filter((b): b is HTMLButtonElement => b !== null)[n];
        const a = document.activeElement!;
        return a === button ? "button" : `${a.tagName.toLowerCase()}.${a.className}`;
      }, i);
      if (at !== "button") landed.push(`${from}: Tab landed on ${at}`);
    }
    expect(landed).toEqual([]);
    // PRORATE's second example: 100 x 4/30 = 13.333...: "13.33", exact 13.333333333333334.
    await page.evaluate(() => {
      const b = document.querySelectorAll("section#PRORATE form.example")[1].querySelector<HTMLButtonElement>("button.value.rounded")!;
      b.focus();
    });
    await page.evaluate(() => {
      const w = window as unknown as { __keys: string[] };
      w.__keys = [];
      document.addEventListener("keydown", (e) => w.__keys.push(`${e.key} on ${(e.target as HTMLElement).className}`), { once: true });
    });
    await page.press("Enter");
    await expect(page.evaluate(() => (window as unknown as { __keys: string[] }).__keys)).resolves.toEqual([
      "Enter on value money rounded",
    ]);
    // Firefox ESR driven over WebDriver BiDi (puppeteer-core) fires Enter's key events at the button
    // but makes no click of them (nor of Space; a link's Enter it does follow); a user's Enter does. There the button is clicked.
    if (engine === "firefox")
      await page.evaluate(() =>
        document.querySelectorAll("section#PRORATE form.example")[1].querySelector<HTMLButtonElement>("button.value.rounded")!.click(),
      );
    await expect(
      page.evaluate(
        () =>
          new Promise((resolve) => {
            const b = document
              .querySelectorAll("section#PRORATE form.example")[1]
              .querySelector<HTMLButtonElement>("button.value.rounded")!;
            const exact = b.nextElementSibling as HTMLElement;
            const started = Date.now();
            const check = () =>
              b.getAttribute("aria-expanded") === "true" || Date.now() - started > 2000
                ? resolve([b.getAttribute("aria-expanded"), exact.hidden, exact.textContent])
                : setTimeout(check, 20);
            check();
          }),
      ),
    ).resolves.toEqual(["true", false, "exact 13.333333333333334"]);
    // Closed again.
    await page.evaluate(() =>
      document.querySelectorAll("section#PRORATE form.example")[1].querySelector<HTMLButtonElement>("button.value.rounded")!.click(),
    );
  });

  test("a rounded value inside a spill table keeps its dotted underline", async () => {
    if (notRun()) return;
    const styles = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLElement>("table.spill button.value.rounded, .result-value > .value-wrap > button.value.rounded"),
      ].map((b) => {
        const s = getComputedStyle(b);
        return `${b.closest("table.spill") ? "spill" : "single"} ${s.textDecorationLine} ${s.textDecorationStyle}`;
      }),
    );
    expect(styles.some((s) => s.startsWith("spill"))).toBe(true);
    expect([...new Set(styles.map((s) => s.replace(/^\w+ /, "")))]).toEqual(["underline dotted"]);
  });

  test.each([380, 1280])("no element is wider than its box at %i px; a screenshot", async (width) => {
    if (notRun()) return;
    await page.setSize(Math.max(width, 1280) + 20, 1000);
    await page.goto(`${base}/frame-${width}x980.html`);
    expect(await page.evaluate(helpReady, true)).toBe(true);
    expect(await page.evaluate(overflowing, true)).toEqual([]);
    // The screenshot: SEASONWINDOW's examples, where the frame opened.
    await page.evaluate(() => document.querySelector("iframe")!.contentDocument!.querySelector("section#SEASONWINDOW")!.scrollIntoView());
    await page.setSize(width + 20 <= 447 ? 447 : width + 20, 1000);
    await page.screenshot(join(artifacts, `help-${engine}-${width}.png`));
    await page.setSize(1280, 900);
    await page.goto(`${base}/help.html`);
    expect(await page.evaluate(helpReady, false)).toBe(true);
  });
});
