/**
 * The help page's values, as Excel types and shows them (pure: no DOM; unit-tested in
 * test/help/format.test.ts).
 *  - What a typed cell holds: a number, TRUE/FALSE, text, or blank (null).
 *  - Date serials (1900 date system, as the functions return them) <-> ISO text, in UTC so the
 *    host's time zone never matters.
 *  - A result: a date with its serial beside, money to the cent with the exact value kept for
 *    the hover, a number in General format, an error with its message.
 */

const DAY_MS = 86_400_000;
/** Serial 0 in the 1900 system, for serials from 61 (1 Mar 1900) on: 30 Dec 1899. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
/** The last serial Excel shows as a date: 31 Dec 9999. */
export const MAX_SERIAL = 2958465;

/** What Excel stores when a cell is typed: a number, a boolean, text, or blank. */
export function parseCell(text: string): string | number | boolean | null {
  const t = text.trim();
  if (t === "") return null;
  if (/^true$/i.test(t)) return true;
  if (/^false$/i.test(t)) return false;
  const n = t.replace(/,/g, "");
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(n)) return Number(n);
  if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(n)) return Number(n.slice(0, -1)) / 100;
  return text;
}

/** The text to put back in a field for a cell value. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** Whether `v` is a number Excel could show as a date (1 Jan 1900 to 31 Dec 9999). */
export function isSerial(v: unknown): v is number {
  return typeof v === "number" && Number.isFinite(v) && v >= 1 && v < MAX_SERIAL + 1;
}

/** The UTC time of a serial (Excel's fictitious 29 Feb 1900, serial 60, has none: 1 Mar). */
function serialToMs(serial: number): number {
  const whole = Math.floor(serial);
  const days = whole <= 60 ? whole + 1 : whole; // up to the fictitious 29 Feb 1900, one day more from 30 Dec 1899
  return EPOCH_1900 + days * DAY_MS + Math.round((serial - whole) * DAY_MS);
}

/** ISO text of a serial: "2025-02-14", or "2025-06-07T01:00" (":ss" when it has seconds) with a time. */
export function isoFromSerial(serial: number, withTime = serial % 1 !== 0): string {
  const d = new Date(serialToMs(serial));
  const date = d.toISOString().slice(0, 10);
  if (!withTime) return date;
  const time = d.toISOString().slice(11, 19);
  return `${date}T${time.endsWith(":00") ? time.slice(0, 5) : time}`;
}

/** The serial of ISO text "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS]"; null when it is not one. */
export function serialFromIso(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h = "0", mi = "0", s = "0"] = m.slice(1);
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d));
  const check = new Date(ms);
  if (check.getUTCFullYear() !== Number(y) || check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return null;
  let days = (ms - EPOCH_1900) / DAY_MS;
  if (days < 61) days -= 1; // before 1 Mar 1900: Excel counts the fictitious 29 Feb 1900
  if (days < 1) return null;
  const seconds = Number(h) * 3600 + Number(mi) * 60 + Number(s);
  return days + seconds / 86400;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A serial as a reader reads a date: "Fri 14 Feb 2025", or "Sat 7 Jun 2025 01:00" with a time. */
export function dateText(serial: number): string {
  const d = new Date(serialToMs(serial));
  const day = `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  if (serial % 1 === 0) return day;
  const iso = d.toISOString();
  const secs = iso.slice(17, 19);
  return `${day} ${iso.slice(11, 16)}${secs === "00" ? "" : `:${secs}`}`;
}

/** Money to the cent, with thousands separators: 1234.5 -> "1,234.50"; -100 -> "-100.00". */
export function moneyText(n: number): string {
  const cents = Math.round(Math.abs(n) * 100);
  const whole = Math.floor(cents / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = n < 0 && cents !== 0 ? "-" : "";
  return `${sign}${whole}.${String(cents % 100).padStart(2, "0")}`;
}

/** A number as Excel's General format shows it in a standard cell: up to 10 significant digits;
 * very small or very large numbers in scientific notation (2.1E-07). */
export function generalText(n: number): string {
  if (!Number.isFinite(n)) return "#NUM!";
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs < 1e-4 || abs >= 1e11) {
    const [mant, exp] = n.toExponential(5).split("e");
    const m = mant.replace(/\.?0+$/, "");
    const e = Number(exp);
    return `${m}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  return String(Number(n.toPrecision(10)));
}

export type ResultFormat = "date" | "money" | "general";

/** One shown value: its text, an optional second text (the serial beside a date), the exact
 * value for the hover when the text rounds it, and a class for its look. */
export interface Shown {
  text: string;
  aside?: string;
  exact?: string;
  kind: "date" | "money" | "number" | "text" | "boolean" | "blank" | "error";
}

/** How Excel would show one value of a function whose results are in `format`. */
export function showValue(v: unknown, format: ResultFormat): Shown {
  if (v === null || v === undefined || v === "") return { text: "", kind: "blank" };
  if (typeof v === "boolean") return { text: v ? "TRUE" : "FALSE", kind: "boolean" };
  if (typeof v === "number") {
    if (format === "date" && isSerial(v)) {
      const general = generalText(v);
      return { text: dateText(v), aside: general, exact: general === String(v) ? undefined : String(v), kind: "date" };
    }
    if (format === "money") {
      const text = moneyText(v);
      return { text, exact: Number(text.replace(/,/g, "")) === v ? undefined : String(v), kind: "money" };
    }
    const text = generalText(v);
    return { text, exact: text === String(v) ? undefined : String(v), kind: "number" };
  }
  return { text: String(v), kind: "text" };
}
