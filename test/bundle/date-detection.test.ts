/**
 * Until Excel says whether the workbook uses the 1904 date system, the date
 * functions wait for the answer (they return a Promise, which Excel's runtime awaits) instead
 * of computing in the 1900 system; functions without dates answer at once; after a timeout the
 * 1900 system is assumed, as before. `detectDateSystem` is tested against a fake Office/Excel.
 *
 * PRICEEFFECTIVE(44196) (the issue's case): price changes take effect on the first day of the
 * month after 30 days' notice, i.e. EOMONTH(update_date + 29, 0) + 1.
 * - 1904 system: 44196 is 2025-01-01 (2025-01-01 is 45658 in 1900, 1462 lower in 1904);
 *   + 29 = 2025-01-30; end of that month 2025-01-31; + 1 = 2025-02-01 = 44196 + 31 = 44227.
 * - 1900 system: 44196 is 2020-12-31; + 29 = 2021-01-29; end of month 2021-01-31; + 1 =
 *   2021-02-01 = 44196 + 32 = 44228 (the wrong answer a 1904 workbook used to show).
 */
import { StubError, ErrorCode } from "../helpers/bundle";

const g = globalThis as unknown as { CustomFunctions: unknown; Excel?: unknown; Office?: unknown };
g.CustomFunctions = { Error: StubError, ErrorCode };

// Imported after the stub is in place.
/* eslint-disable @typescript-eslint/no-require-imports */
const excel = require("../../src/functions/excel");
const runtime = require("../../src/functions/runtime");
const { priceEffectiveFn } = require("../../src/functions/contract");
const { translationFeeFn } = require("../../src/functions/translation");
/* eslint-enable @typescript-eslint/no-require-imports */

/** A fake Excel whose workbook answers `use1904DateSystem` with `value` (or whose run throws). */
function fakeExcel(value: unknown, opts: { throws?: boolean } = {}) {
  const loaded: string[] = [];
  return {
    loaded,
    Excel: {
      run: async (batch: (context: unknown) => Promise<unknown>) => {
        if (opts.throws) throw new Error("PropertyNotLoaded: use1904DateSystem");
        const workbook: Record<string, unknown> = {
          load: (p: string) => {
            loaded.push(p);
            workbook.use1904DateSystem = value;
          },
        };
        return batch({ workbook, sync: async () => undefined });
      },
    },
  };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

afterEach(() => {
  delete g.Excel;
  delete g.Office;
  excel.setWorkbookDateSystem("1900");
});

describe("detectDateSystem", () => {
  test("a 1904 workbook: loads use1904DateSystem and sets the 1904 system", async () => {
    const fake = fakeExcel(true);
    g.Excel = fake.Excel;
    expect(await runtime.detectDateSystem()).toBe("1904");
    expect(fake.loaded).toEqual(["use1904DateSystem"]);
    expect(excel.workbookDateSystem()).toBe("1904");
  });
  test("a 1900 workbook", async () => {
    excel.setWorkbookDateSystem("1904");
    g.Excel = fakeExcel(false).Excel;
    expect(await runtime.detectDateSystem()).toBe("1900");
    expect(excel.workbookDateSystem()).toBe("1900");
  });
  test("an Excel that cannot tell (no property, or the request fails), or no Excel: null, 1900 kept", async () => {
    g.Excel = fakeExcel(undefined).Excel;
    expect(await runtime.detectDateSystem()).toBeNull();
    g.Excel = fakeExcel(true, { throws: true }).Excel;
    expect(await runtime.detectDateSystem()).toBeNull();
    delete g.Excel;
    expect(await runtime.detectDateSystem()).toBeNull();
    expect(excel.workbookDateSystem()).toBe("1900");
  });
});

describe("date functions wait for the detection", () => {
  test("PRICEEFFECTIVE(44196) in a 1904 workbook is 44227, never the 1900 answer 44228", async () => {
    const d = deferred<"1904" | "1900" | null>();
    const done = excel.awaitWorkbookDateSystem(d.promise, 60_000);
    const early = priceEffectiveFn(44196, null);
    expect(early).toBeInstanceOf(Promise);
    // A function without dates does not wait: 1000 words x 0.0005 = 0.5.
    expect(translationFeeFn(1000, null)).toBe(0.5);
    d.resolve("1904");
    expect(await early).toBe(44227);
    expect(await done).toBe("1904");
    // Detected: calls return synchronously again.
    expect(priceEffectiveFn(44196, null)).toBe(44227);
  });
  test("an error found while waiting rejects with the Excel error", async () => {
    const d = deferred<"1904" | "1900" | null>();
    excel.awaitWorkbookDateSystem(d.promise, 60_000);
    const early = priceEffectiveFn("next tuesday", null) as unknown as Promise<number>;
    d.resolve("1900");
    await expect(early).rejects.toBeInstanceOf(StubError);
    await expect(early).rejects.toMatchObject({ code: ErrorCode.invalidValue });
  });
  test("no answer within the timeout: the 1900 system, as before", async () => {
    const never = new Promise<"1904" | null>(() => undefined);
    const done = excel.awaitWorkbookDateSystem(never, 5);
    const early = priceEffectiveFn(44196, null);
    expect(early).toBeInstanceOf(Promise);
    expect(await early).toBe(44228);
    expect(await done).toBe("1900");
    expect(priceEffectiveFn(44196, null)).toBe(44228);
  });
  test("start-up: Office.onReady, then Excel's answer; functions called before it wait", async () => {
    let ready: (() => void) | undefined;
    g.Office = { onReady: (cb: () => void) => ((ready = cb), Promise.resolve()) };
    g.Excel = fakeExcel(true).Excel;
    const done = runtime.startDateSystemDetection(60_000);
    const early = priceEffectiveFn(44196, null);
    expect(early).toBeInstanceOf(Promise);
    expect(ready).toBeDefined();
    ready?.();
    expect(await done).toBe("1904");
    expect(await early).toBe(44227);
    // A 1904 error message names the 1904 calendar: serial -1 is 1903-12-31.
    expect(() => priceEffectiveFn(-1, null)).toThrow("update_date is outside Excel's calendar (1904-01-01 to 9999-12-31); got -1.");
  });
});
