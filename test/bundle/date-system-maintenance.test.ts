/**
 * MAINTENANCEWINDOWS, SCHEDULEDMAINTENANCE and OUTAGEMINUTES in a 1904 workbook: 2025-06-01 is serial 44347 there
 * (45809 - 1462), and the windows come back in the same system.
 */
import { StubError, ErrorCode } from "../helpers/bundle";

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = { Error: StubError, ErrorCode };

// Imported after the stub is in place.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { setWorkbookDateSystem } = require("../../src/functions/excel");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { maintenanceWindowsFn, outageMinutesFn, scheduledMaintenanceFn, scheduledMaintenanceWorkingFn } = require("../../src/functions/sla");

afterAll(() => setWorkbookDateSystem("1900"));

test("1904 system: June 2025's US windows start on Monday 2 June (44348) at 06:00 UTC and feed OUTAGEMINUTES", () => {
  setWorkbookDateSystem("1904");
  const w = maintenanceWindowsFn(44347, null, null) as number[][];
  expect(w.length).toBe(21);
  expect(w[0]).toEqual([44348 + 6 / 24, 44348 + 10 / 24]);
  // 2 June 07:00-09:00 UTC lies inside the first window: 120 minutes, excused (under 360).
  expect(
    outageMinutesFn(
      44347,
      [[44348 + 7 / 24]],
      [[44348 + 9 / 24]],
      w.map((r) => [r[0]]),
      w.map((r) => [r[1]]),
      null,
      null,
    ),
  ).toBe(0);
  expect(outageMinutesFn(44347, [[44348 + 7 / 24]], [[44348 + 9 / 24]], null, null, null, null)).toBe(120);
});

test("1904 system: SCHEDULEDMAINTENANCE reads and returns serials of the workbook's system", () => {
  setWorkbookDateSystem("1904");
  // Tuesday 10 June 2025 is 44347 + 9 = 44356. 08:00-12:00 UTC claimed: 08:00-10:00 is in the
  // 02:00-06:00 EDT window (06:00-10:00 UTC); with days_before 14 the windows start on 19 May.
  const TUE = 44356;
  expect(scheduledMaintenanceFn([[TUE + 8 / 24]], [[TUE + 12 / 24]], null, null, null)).toEqual([[TUE + 8 / 24, TUE + 10 / 24]]);
  const w = scheduledMaintenanceWorkingFn([[TUE + 8 / 24]], [[TUE + 12 / 24]], null, null, null) as unknown[][];
  expect(w[1].slice(0, 5)).toEqual([TUE + 8 / 24, TUE + 12 / 24, 240, 120, 120]);
  const span = maintenanceWindowsFn(44347, null, null, 14) as number[][];
  expect(span.length).toBe(31);
  expect(span[0]).toEqual([44347 - 13 + 6 / 24, 44347 - 13 + 10 / 24]);
});
