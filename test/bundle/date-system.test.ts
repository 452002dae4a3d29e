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

test("1904 system: the Voice numbers of June 2025 and the day a change takes effect", () => {
  setWorkbookDateSystem("1904");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { phoneNumbersBilledFn } = require("../../src/functions/billing");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { changeEffectiveFn } = require("../../src/functions/contract");
  // 1904 serials are 1462 lower: 1 May 2025 = 44316, 31 May = 44346, 1 Jun = 44347, 30 Jun = 44376, 1 Jul = 44377.
  // Kept since 1 May, added 30 Jun, removed 1 Jun: 3 in June; removed 31 May and added 1 Jul are not.
  const added = [[44316], [44376], [44316], [44316], [44377]];
  const removed = [[null], [null], [44347], [44346], [null]];
  expect(phoneNumbersBilledFn(44347, added, removed, null)).toBe(3);
  // Read in the 1900 system, 44347 would be 31 May 2021 and 44376 29 Jun 2021: not that month.
  expect(phoneNumbersBilledFn(44347, [[44376]], [[null]], null)).toBe(1);
  // 10 Mar 2025 = 45726 - 1462 = 44264; + 30 days = 9 Apr 2025 = 45756 - 1462 = 44294.
  expect(changeEffectiveFn("SLA", 44264, null)).toBe(44294);
  // 15 Jan 2025 = 44210: + 30 = 14 Feb, so 1 Mar 2025 = 45717 - 1462 = 44255 (read in the 1900
  // system, 44210 is 14 Jan 2021 and the answer 1 Mar 2021, serial 44256).
  expect(changeEffectiveFn("usage price", 44210, null)).toBe(44255);
  setWorkbookDateSystem("1900");
});
