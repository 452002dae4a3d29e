import { days360 } from "../../../src/rules/core/days360";
import { workday } from "../../../src/rules/core/workday";
import { epochDayFromYmd, formatEpochDay } from "../../../src/rules/core/serial";

const d = (iso: string) => {
  const [y, m, dd] = iso.split("-").map(Number);
  return epochDayFromYmd(y, m, dd);
};

describe("DAYS360 (U.S. method, as Excel)", () => {
  test("Microsoft's examples: 30 Jan to 1 Feb is 1; 1 Jan to 31 Dec is 360; 30 Jan to 31 Dec is 330", () => {
    // 30 Jan -> 1 Feb: 30 x (2 - 1) + (1 - 30) = 1.
    expect(days360(d("2011-01-30"), d("2011-02-01"))).toBe(1);
    // 1 Jan -> 31 Dec: end day 31 with start day 1 < 30 becomes 1 Jan next year: 360.
    expect(days360(d("2011-01-01"), d("2011-12-31"))).toBe(360);
    // 30 Jan -> 31 Dec: start day 30, so end 31 becomes 30: 30 x 11 + 0 = 330.
    expect(days360(d("2011-01-30"), d("2011-12-31"))).toBe(330);
  });
  test("the last day of February counts as the 30th when it starts the span", () => {
    // 28 Feb 2021 (last day) -> 31 Mar: start 30, end 31 -> 30: 30 x 1 + 0 = 30.
    expect(days360(d("2021-02-28"), d("2021-03-31"))).toBe(30);
    // 28 Feb 2020 is not the last day of February (a leap year), so it stays 28; the end 31 Mar
    // becomes 1 Apr because 28 < 30: 30 x 2 + (1 - 28) = 33.
    expect(days360(d("2020-02-28"), d("2020-03-31"))).toBe(33);
    // An end on 28 Feb is not adjusted: 15 Jan -> 28 Feb = 30 + 13 = 43.
    expect(days360(d("2025-01-15"), d("2025-02-28"))).toBe(43);
  });
  test("negative when end is before start", () => {
    // 1 Feb -> 1 Jan: -30.
    expect(days360(d("2025-02-01"), d("2025-01-01"))).toBe(-30);
  });
});

describe("WORKDAY", () => {
  const holidays = [d("2008-11-26"), d("2008-12-04"), d("2009-01-21")];
  test("Microsoft's example: 151 workdays after 1 Oct 2008", () => {
    // 150 workdays = 30 weeks = 210 days: Wed 1 Oct 2008 + 210 = Wed 29 Apr 2009; one more is Thu 30 Apr.
    expect(formatEpochDay(workday(d("2008-10-01"), 151))).toBe("2009-04-30");
    // The three holidays are weekdays, so three more workdays: Fri 1 May, Mon 4 May, Tue 5 May.
    expect(formatEpochDay(workday(d("2008-10-01"), 151, holidays))).toBe("2009-05-05");
  });
  test("weekends are skipped; a start on a weekend is not counted; 0 returns the start", () => {
    // Fri 3 Jan 2025 + 1 = Mon 6 Jan.
    expect(formatEpochDay(workday(d("2025-01-03"), 1))).toBe("2025-01-06");
    // Sat 4 Jan + 1 = Mon 6 Jan.
    expect(formatEpochDay(workday(d("2025-01-04"), 1))).toBe("2025-01-06");
    expect(formatEpochDay(workday(d("2025-01-04"), 0))).toBe("2025-01-04");
    // Mon 6 Jan - 1 = Fri 3 Jan.
    expect(formatEpochDay(workday(d("2025-01-06"), -1))).toBe("2025-01-03");
  });
  test("fractional days are truncated toward zero, as Excel", () => {
    expect(formatEpochDay(workday(d("2025-01-06"), 2.9))).toBe("2025-01-08");
    expect(formatEpochDay(workday(d("2025-01-08"), -1.5))).toBe("2025-01-07");
  });
});
