/**
 * Excel date serials <-> calendar dates, with integer arithmetic only (no `Date`, so no host
 * time zone can leak in).
 *
 * Internally a calendar day is an *epoch day*: whole days since 1970-01-01 (negative before).
 *
 * - 1900 date system (Windows default): serial 1 = 1900-01-01. Excel keeps Lotus 1-2-3's
 *   phantom 1900-02-29 as serial 60, so serial 61 = 1900-03-01 and every serial from 61 on is
 *   one more than the true count of days. Serial 60 has no calendar date: it is rejected.
 * - 1904 date system (old Mac workbooks): serial 0 = 1904-01-01, no phantom day.
 *
 * Excel's calendar ends on 9999-12-31 (serial 2958465 in the 1900 system).
 */
import { Msg, numError } from "./errors";

export type DateSystem = "1900" | "1904";

/** A calendar date; `month` is 1..12. */
export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const SERIAL_1970_1900 = 25569; // 1970-01-01 in the 1900 system (counts the phantom day)
const SERIAL_1970_1904 = 24107; // 1970-01-01 in the 1904 system: 66 years of 365 days + 17 leap days
const PHANTOM = 60;
/** Epoch days of the ends of Excel's calendar. */
export const EPOCH_DAY_1900_01_01 = -25567;
export const EPOCH_DAY_1904_01_01 = -24107;
export const EPOCH_DAY_9999_12_31 = 2932896;

export const SECONDS_PER_DAY = 86400;

/** Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (H. Hinnant's algorithm). */
export function epochDayFromYmd(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date of an epoch day. */
export function ymdFromEpochDay(epochDay: number): Ymd {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** 0 = Sunday ... 6 = Saturday, as Excel's WEEKDAY(d, 1) - 1. 1970-01-01 was a Thursday. */
export function weekdayOfEpochDay(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

/** First epoch day of Excel's calendar in a date system. */
export function firstEpochDay(system: DateSystem): number {
  return system === "1904" ? EPOCH_DAY_1904_01_01 : EPOCH_DAY_1900_01_01;
}

/**
 * The epoch day of a whole serial. `arg` names the argument for the error message.
 * Throws #NUM! outside Excel's calendar and for the phantom 1900-02-29.
 */
export function epochDayFromSerial(serial: number, system: DateSystem, arg: string): number {
  let epochDay: number;
  if (system === "1904") {
    epochDay = serial - SERIAL_1970_1904;
  } else {
    if (serial === PHANTOM) throw numError(Msg.phantomLeapDay(arg));
    epochDay = serial < PHANTOM ? serial - SERIAL_1970_1900 + 1 : serial - SERIAL_1970_1900;
  }
  if (!(epochDay >= firstEpochDay(system) && epochDay <= EPOCH_DAY_9999_12_31)) {
    throw numError(Msg.dateOutOfRange(arg, String(serial), system));
  }
  return epochDay;
}

/** The whole serial of an epoch day. Throws #NUM! when the day is outside Excel's calendar. */
export function serialFromEpochDay(epochDay: number, system: DateSystem, what = "the result"): number {
  if (epochDay < firstEpochDay(system) || epochDay > EPOCH_DAY_9999_12_31) {
    throw numError(Msg.dateOutOfRange(what, formatEpochDay(epochDay), system));
  }
  if (system === "1904") return epochDay + SERIAL_1970_1904;
  const serial = epochDay + SERIAL_1970_1900;
  return serial <= PHANTOM ? serial - 1 : serial;
}

/** ISO-8601 text of an epoch day: 2025-01-31. */
export function formatEpochDay(epochDay: number): string {
  const { year, month, day } = ymdFromEpochDay(epochDay);
  const y = year < 0 ? "-" + String(-year).padStart(4, "0") : String(year).padStart(4, "0");
  return `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** ISO-8601 text of an epoch second: 2025-01-31T08:30:00. */
export function formatEpochSecond(epochSecond: number): string {
  const day = Math.floor(epochSecond / SECONDS_PER_DAY);
  const s = epochSecond - day * SECONDS_PER_DAY;
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = s % 60;
  const p = (n: number) => String(n).padStart(2, "0");
  return `${formatEpochDay(day)}T${p(hh)}:${p(mm)}:${p(ss)}`;
}

/** The date-time serial (days + fraction of a day) of an epoch second. */
export function serialFromEpochSecond(epochSecond: number, system: DateSystem, what = "the result"): number {
  const day = Math.floor(epochSecond / SECONDS_PER_DAY);
  const seconds = epochSecond - day * SECONDS_PER_DAY;
  return serialFromEpochDay(day, system, what) + seconds / SECONDS_PER_DAY;
}
