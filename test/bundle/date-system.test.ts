/**
 * The adapters read dates in the workbook's date system. In a 1904 workbook, 2025-01-01 is
 * serial 44196 (1462 lower than in the 1900 system).
 */
import { StubError, ErrorCode } from "../helpers/bundle";

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = { Error: StubError, ErrorCode };

// Imported after the stub is in place.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { setWorkbookDateSystem } = require("../../src/functions/excel");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prorateFn } = require("../../src/functions/billing");

afterAll(() => setWorkbookDateSystem("1900"));

test("1904 system: 22 to 31 Jan 2025 is 10 of 31 days", () => {
  setWorkbookDateSystem("1904");
  // 2025-01-01 = 44196, 2025-01-22 = 44217, 2025-01-31 = 44226 in the 1904 system.
  expect(prorateFn(310, 44196, 44226, 44217, null)).toBe(100);
  // Serial 60 is an ordinary day in 1904 (1904-03-01).
  // 1904-01-31 (serial 30) to 1904-03-01 (serial 60) is 31 days: 31 Jan, 29 days of February, 1 Mar.
  expect(prorateFn(31, 30, 60, 60, null)).toBe(1);
});

test("1900 system: serial 60 is the phantom day and is refused", () => {
  setWorkbookDateSystem("1900");
  expect(() => prorateFn(31, 32, 60, 60, null)).toThrow(StubError);
});
