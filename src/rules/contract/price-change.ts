/**
 * When a price change or a declined card takes effect.
 *
 * - usage-terms: KIQ Customer Assist, Kustomer Voice and WhatsApp by Kustomer price updates take
 *   effect "in the next full calendar month that follows thirty (30) days after such update".
 *   Decision (domain.md): the first day of the first calendar month that starts on or after
 *   update + 30 days. The other readings are notice_days values: the month must begin strictly
 *   after day 30 is notice_days 31; the WhatsApp Rate Card ("the first day of the calendar month
 *   following" publication) is notice_days 1.
 * - billing-help: after a declined card "you will have three days to update your payment
 *   information ... before your account is deactivated": deactivation on decline + 3 days.
 */
import { Msg, numError } from "../core/errors";
import { epochDayFromYmd, ymdFromEpochDay } from "../core/serial";
import { addDays } from "./calendar";
import { DECLINED_CARD_GRACE_DAYS, PRICE_CHANGE_NOTICE_DAYS } from "./terms";

/** The first day of the first calendar month that starts on or after `day`. */
export function firstMonthStartOnOrAfter(day: number): number {
  const { year, month, day: dom } = ymdFromEpochDay(day);
  if (dom === 1) return day;
  return month === 12 ? epochDayFromYmd(year + 1, 1, 1) : epochDayFromYmd(year, month + 1, 1);
}

function checkDays(days: number, arg: string): void {
  if (!Number.isInteger(days)) throw numError(Msg.notInteger(arg, days));
  if (days < 0) throw numError(Msg.negative(arg, String(days)));
}

/** The day a price update made on `update` takes effect, with `noticeDays` of notice (default 30). */
export function priceEffective(update: number, noticeDays: number = PRICE_CHANGE_NOTICE_DAYS): number {
  checkDays(noticeDays, "notice_days");
  return firstMonthStartOnOrAfter(addDays(update, noticeDays, "update_date + notice_days"));
}

/** The day the account is deactivated after a card declined on `decline`: decline + grace (default 3). */
export function deactivationDate(decline: number, graceDays: number = DECLINED_CARD_GRACE_DAYS): number {
  checkDays(graceDays, "grace_days");
  return addDays(decline, graceDays, "The deactivation date");
}
