import {
  epochDayFromSerial,
  epochDayFromYmd,
  formatEpochDay,
  serialFromEpochDay,
  weekdayOfEpochDay,
  ymdFromEpochDay,
  formatEpochSecond,
} from "../../../src/rules/core/serial";
import { RuleError } from "../../../src/rules/core/errors";

const day = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return epochDayFromYmd(y, m, d);
};

describe("epoch days", () => {
  test("known days", () => {
    expect(epochDayFromYmd(1970, 1, 1)).toBe(0);
    // 2000-01-01: 30 years of 365 days + 7 leap days (72,76,80,84,88,92,96) = 10957.
    expect(epochDayFromYmd(2000, 1, 1)).toBe(10957);
    // 1969-12-31 is the day before the epoch.
    expect(epochDayFromYmd(1969, 12, 31)).toBe(-1);
    expect(ymdFromEpochDay(10957)).toEqual({ year: 2000, month: 1, day: 1 });
    // 2000-02-29 exists (2000 is divisible by 400): 31 + 28 days after 2000-01-01.
    expect(ymdFromEpochDay(10957 + 59)).toEqual({ year: 2000, month: 2, day: 29 });
  });

  test("weekday: 1970-01-01 was a Thursday, 2025-01-01 a Wednesday", () => {
    expect(weekdayOfEpochDay(0)).toBe(4);
    expect(weekdayOfEpochDay(day("2025-01-01"))).toBe(3);
    expect(weekdayOfEpochDay(-1)).toBe(3); // 1969-12-31, a Wednesday
  });

  test("format", () => {
    expect(formatEpochDay(day("2024-02-29"))).toBe("2024-02-29");
    expect(formatEpochSecond(day("2024-02-29") * 86400 + 3661)).toBe("2024-02-29T01:01:01");
  });
});

describe("1900 date system", () => {
  test("serial 1 is 1900-01-01 and 59 is 1900-02-28", () => {
    expect(formatEpochDay(epochDayFromSerial(1, "1900", "d"))).toBe("1900-01-01");
    expect(formatEpochDay(epochDayFromSerial(59, "1900", "d"))).toBe("1900-02-28");
  });
  test("serial 60 is Excel's phantom 1900-02-29: #NUM! naming the argument", () => {
    expect(() => epochDayFromSerial(60, "1900", "start_date")).toThrow(
      new RuleError("num", "start_date is serial 60, Excel's 1900-02-29, a day that never existed; use 1900-02-28 or 1900-03-01."),
    );
  });
  test("serial 61 is 1900-03-01; 25569 is 1970-01-01; 45658 is 2025-01-01", () => {
    expect(formatEpochDay(epochDayFromSerial(61, "1900", "d"))).toBe("1900-03-01");
    expect(epochDayFromSerial(25569, "1900", "d")).toBe(0);
    // 2025-01-01: 55 years after 1970 with 14 leap days (72..2024) = 20089 days; 25569 + 20089 = 45658.
    expect(epochDayFromSerial(45658, "1900", "d")).toBe(20089);
    expect(serialFromEpochDay(20089, "1900")).toBe(45658);
  });
  test("round trip around the phantom day", () => {
    expect(serialFromEpochDay(epochDayFromYmd(1900, 2, 28), "1900")).toBe(59);
    expect(serialFromEpochDay(epochDayFromYmd(1900, 3, 1), "1900")).toBe(61);
    expect(serialFromEpochDay(epochDayFromYmd(1900, 1, 1), "1900")).toBe(1);
  });
  test("the calendar ends: 0 and 2958466 are #NUM!, 2958465 is 9999-12-31", () => {
    expect(formatEpochDay(epochDayFromSerial(2958465, "1900", "d"))).toBe("9999-12-31");
    expect(() => epochDayFromSerial(0, "1900", "d")).toThrow(RuleError);
    expect(() => epochDayFromSerial(2958466, "1900", "d")).toThrow(/outside Excel's calendar/);
    expect(() => serialFromEpochDay(epochDayFromYmd(1899, 12, 31), "1900")).toThrow(/outside Excel's calendar/);
  });
});

describe("1904 date system", () => {
  test("serial 0 is 1904-01-01; 1461 is 1908-01-01 (366 + 3 x 365)", () => {
    expect(formatEpochDay(epochDayFromSerial(0, "1904", "d"))).toBe("1904-01-01");
    expect(formatEpochDay(epochDayFromSerial(1461, "1904", "d"))).toBe("1908-01-01");
  });
  test("the same day is 1462 serials lower than in the 1900 system: 2025-01-01 is 44196", () => {
    expect(epochDayFromSerial(44196, "1904", "d")).toBe(epochDayFromSerial(45658, "1900", "d"));
    expect(serialFromEpochDay(day("2025-01-01"), "1904")).toBe(44196);
  });
  test("serial 60 is an ordinary day (1904-03-01: 31 + 29 days after 1904-01-01)", () => {
    expect(formatEpochDay(epochDayFromSerial(60, "1904", "d"))).toBe("1904-03-01");
  });
  test("negative serials are outside the calendar", () => {
    expect(() => epochDayFromSerial(-1, "1904", "d")).toThrow(/outside Excel's calendar/);
  });
});
