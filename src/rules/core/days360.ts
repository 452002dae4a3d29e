/**
 * Excel's DAYS360(start, end) with the default U.S. (NASD) method, as Excel computes it:
 * - a start date on the last day of its month becomes the 30th (so does the last day of February);
 * - an end date on the 31st becomes the 1st of the next month when the (adjusted) start day is
 *   before the 30th, otherwise the 30th;
 * - then 360 x years + 30 x months + days.
 * Epoch days in, a whole number of days out (negative when end is before start).
 */
import { daysInMonth, ymdFromEpochDay } from "./serial";

export function days360(startEpochDay: number, endEpochDay: number): number {
  const s = ymdFromEpochDay(startEpochDay);
  const e = ymdFromEpochDay(endEpochDay);
  let sd = s.day;
  let ed = e.day;
  let em = e.month;
  let ey = e.year;
  if (sd === daysInMonth(s.year, s.month)) sd = 30;
  if (ed === 31) {
    if (sd < 30) {
      ed = 1;
      em += 1;
      if (em === 13) {
        em = 1;
        ey += 1;
      }
    } else {
      ed = 30;
    }
  }
  return (ey - s.year) * 360 + (em - s.month) * 30 + (ed - sd);
}
