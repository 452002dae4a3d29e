/**
 * Day arithmetic shared by the contract-date rules: adding days to an epoch day without leaving
 * Excel's calendar, with a message that says which date overflowed.
 */
import { numError } from "../core/errors";
import { EPOCH_DAY_9999_12_31, formatEpochDay } from "../core/serial";

/**
 * `day + days` (days may be negative), refused with #NUM! when it falls after 9999-12-31, the end
 * of Excel's calendar. The lower end is checked where the result becomes a serial.
 */
export function addDays(day: number, days: number, what: string): number {
  if (days > EPOCH_DAY_9999_12_31 - day) {
    throw numError(
      `${what} falls after 9999-12-31, the end of Excel's calendar: ${formatEpochDay(day)} + ${days} day${days === 1 ? "" : "s"}.`,
    );
  }
  return day + days;
}

/** Thousands separators for counts in messages: 500000 -> "500,000". */
export function grouped(n: number): string {
  const s = String(Math.abs(n));
  if (!/^\d+$/.test(s)) return String(n);
  return (n < 0 ? "-" : "") + s.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
