/**
 * The date system, end to end in the fake Excel: the user's "This workbook uses the 1904 date system"
 * is stored in the workbook (Office's document settings), read at start-up before any date
 * function answers, and changing it recalculates the KUSTOMER cells.
 *
 * The cell used throughout: =KUSTOMER.PRICEEFFECTIVE(44196). Price changes take effect on the
 * first day of the month after 30 days' notice, i.e. EOMONTH(update_date + 29, 0) + 1.
 * - 1904 system: 44196 is 2025-01-01 (45658 in 1900, 1462 lower in 1904); + 29 = 2025-01-30; end
 *   of that month 2025-01-31; + 1 = 2025-02-01 = 44196 + 31 = 44227.
 * - 1900 system: 44196 is 2020-12-31; + 29 = 2021-01-29; end of month 2021-01-31; + 1 =
 *   2021-02-01 = 44196 + 32 = 44228.
 */
import { StubError, ErrorCode } from "../helpers/bundle";
import { createFakeExcel, type FakeExcel } from "../helpers/fake-excel";

const g = globalThis as unknown as { CustomFunctions: unknown; Excel?: unknown; Office?: unknown };
g.CustomFunctions = { Error: StubError, ErrorCode };

// Imported after the stub is in place.
/* eslint-disable @typescript-eslint/no-require-imports */
const excel = require("../../src/functions/excel");
const runtime = require("../../src/functions/runtime");
const { chooseDateSystem } = require("../../src/taskpane/date-system");
const { priceEffectiveFn } = require("../../src/functions/contract");
const { translationFeeFn } = require("../../src/functions/translation");
/* eslint-enable @typescript-eslint/no-require-imports */

const CELL = "=KUSTOMER.PRICEEFFECTIVE(44196)";
const SETTING = "KUSTOMER.DateSystem";

/** A workbook with one KUSTOMER cell and one other formula; Excel's calculation runs the function as Excel would. */
function workbook(saved: Record<string, unknown> = {}): FakeExcel {
  const fake = createFakeExcel();
  const sheet = fake.addSheet("Quote");
  sheet.cells.set("0,0", { value: 44228, numberFormat: "General", formula: CELL });
  sheet.cells.set("1,0", { value: 4, numberFormat: "General", formula: "=2+2" });
  fake.calculator = (formula) => {
    if (formula === "=2+2") return 4;
    const m = /^=KUSTOMER\.PRICEEFFECTIVE\((\d+)\)$/.exec(formula);
    if (!m) throw new Error(`the test's calculator does not know ${formula}`);
    const v = priceEffectiveFn(Number(m[1]), null);
    if (typeof v !== "number") throw new Error("a date function answered with a Promise after start-up");
    return v;
  };
  fake.settings.saved = saved;
  return fake;
}

const a1 = (fake: FakeExcel) => fake.workbook.sheets[0].cells.get("0,0")?.value;

/** Office as the shared runtime sees it: onReady (called by the test), and the document's settings. */
function office(fake: FakeExcel) {
  const office = {
    ready: undefined as (() => void) | undefined,
    onReady: (cb: () => void) => ((office.ready = cb), Promise.resolve()),
    context: { document: { settings: fake.settings } },
  };
  return office;
}

/** Opens the workbook: the runtime starts, reads the date system; resolves to it. */
async function open(fake: FakeExcel): Promise<string> {
  const o = office(fake);
  g.Office = o;
  g.Excel = fake.Excel;
  const done = runtime.startDateSystemDetection(60_000);
  o.ready?.();
  return done;
}

afterEach(() => {
  delete g.Excel;
  delete g.Office;
  excel.setWorkbookDateSystem("1900");
  runtime.useDateSystemSetting("1900");
});

test("start-up: the stored 1904 setting is read before any date function answers", async () => {
  const fake = workbook({ [SETTING]: "1904" });
  const o = office(fake);
  g.Office = o;
  g.Excel = fake.Excel;
  const done = runtime.startDateSystemDetection(60_000);
  // Called before Office is ready: held (a Promise; Excel shows #BUSY!), never the 1900 answer 44228.
  const early = priceEffectiveFn(44196, null);
  expect(early).toBeInstanceOf(Promise);
  // A function without dates does not wait: 1000 words x 0.0005 = 0.5.
  expect(translationFeeFn(1000, null)).toBe(0.5);
  o.ready?.();
  expect(await done).toBe("1904");
  expect(await early).toBe(44227);
  expect(runtime.dateSystemSource()).toBe("setting");
  expect(priceEffectiveFn(44196, null)).toBe(44227);
});

test("start-up reads without changing the workbook: one load, nothing saved, nothing calculated", async () => {
  const fake = workbook({ [SETTING]: "1904" });
  expect(await open(fake)).toBe("1904");
  // The only command: the load of the preview property (production office.js: nothing comes back).
  expect(fake.stats.commands).toBe(1);
  expect(fake.stats.calculations).toBe(0);
  expect(fake.settings.saved).toEqual({ [SETTING]: "1904" });
});

test("no setting stored and no answer from Excel: 1900, Excel's default", async () => {
  const fake = workbook();
  expect(await open(fake)).toBe("1900");
  expect(runtime.dateSystemSource()).toBe("default");
  expect(priceEffectiveFn(44196, null)).toBe(44228);
});

test("where Excel answers (the preview property), its answer wins over the stored setting", async () => {
  const fake = workbook({ [SETTING]: "1904" });
  fake.workbook.use1904DateSystem = false;
  expect(await open(fake)).toBe("1900");
  expect(runtime.dateSystemSource()).toBe("excel");
  const other = workbook();
  other.workbook.use1904DateSystem = true;
  expect(await open(other)).toBe("1904");
  expect(runtime.dateSystemSource()).toBe("excel");
});

test("ticking the box: stored in the workbook, in force at once, the KUSTOMER cell recalculated; reopened, it is read again", async () => {
  const fake = workbook();
  expect(await open(fake)).toBe("1900");
  expect(a1(fake)).toBe(44228);
  await chooseDateSystem("1904", { settings: fake.settings, run: fake.Excel.run });
  expect(fake.settings.saved).toEqual({ [SETTING]: "1904" });
  expect(excel.workbookDateSystem()).toBe("1904");
  expect(fake.stats.calculations).toBe(1);
  expect(a1(fake)).toBe(44227);
  expect(fake.workbook.sheets[0].cells.get("1,0")?.value).toBe(4);

  // The workbook saved and opened again (a new runtime): 1904 is read from it.
  excel.setWorkbookDateSystem("1900");
  const reopened = workbook(fake.settings.saved);
  expect(await open(reopened)).toBe("1904");
  expect(runtime.dateSystemSource()).toBe("setting");

  // Unticking: back to 1900, stored, recalculated.
  await chooseDateSystem("1900", { settings: reopened.settings, run: reopened.Excel.run });
  expect(reopened.settings.saved).toEqual({ [SETTING]: "1900" });
  expect(reopened.stats.calculations).toBe(1);
  expect(a1(reopened)).toBe(44228);
});

test("a save that fails changes nothing: not in force, not recalculated, the in-memory setting restored", async () => {
  const fake = workbook();
  await open(fake);
  fake.settings.failSave = true;
  await expect(chooseDateSystem("1904", { settings: fake.settings, run: fake.Excel.run })).rejects.toThrow(
    "The settings could not be saved.",
  );
  expect(excel.workbookDateSystem()).toBe("1900");
  expect(fake.settings.get(SETTING)).toBeNull();
  expect(fake.settings.saved).toEqual({});
  expect(fake.stats.calculations).toBe(0);
  expect(a1(fake)).toBe(44228);

  // With a stored answer, a failed save puts it back in memory.
  const stored = workbook({ [SETTING]: "1904" });
  await open(stored);
  stored.settings.failSave = true;
  await expect(chooseDateSystem("1900", { settings: stored.settings, run: stored.Excel.run })).rejects.toThrow();
  expect(stored.settings.get(SETTING)).toBe("1904");
  expect(excel.workbookDateSystem()).toBe("1904");
});
