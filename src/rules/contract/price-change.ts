/**
 * When a price change or a declined card takes effect.
 *
 * - Supplemental terms for usage-based plans: KIQ Customer Assist and Kustomer Voice price updates
 *   take effect "in the next full calendar month that follows thirty (30) days after such
 *   update". Decision (docs/terms.md): the first day of the first calendar month that starts on
 *   or after update + 30 days. The stricter reading (the month must begin after day 30) is
 *   notice_days 31. WhatsApp by Kustomer's own pricing (C.2, its Included WhatsApp Conversations
 *   too) follows the same rule. The WhatsApp Rate Card (Meta's prices, C.2) is another rule: the first day of the calendar month
 *   following publication (notice_days 1, or CHANGEEFFECTIVE's "WhatsApp rate card").
 *   Premium Translated Word prices change at the Subscription Term's renewal.
 * - Service Level Agreement section 7: a change takes effect thirty days following its notice
 *   (notice + 30 days, a calendar day), or at renewal where it diminishes Kustomer's obligations.
 * - Billing help pages: after a declined card "you will have three days to update your payment
 *   information ... before your account is deactivated": the account is deactivated on decline
 *   + 3 days; payment can be updated until the end of the day before.
 */
import { Msg, numError, valueError } from "../core/errors";
import { epochDayFromYmd, formatEpochDay, ymdFromEpochDay } from "../core/serial";
import { addDays } from "./calendar";
import { DECLINED_CARD_GRACE_DAYS, PRICE_CHANGE_NOTICE_DAYS, SLA_CHANGE_NOTICE_DAYS } from "./terms";

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

/** A change the terms say when it takes effect. */
export type ChangeKind = "usage price" | "WhatsApp rate card" | "translated word price" | "SLA" | "SLA diminishing";

/** The changes by name, for CHANGEEFFECTIVE's dropdown (case-insensitive; aliases allowed). */
export const CHANGE_KINDS: ReadonlyArray<{ readonly names: readonly string[]; readonly value: ChangeKind }> = [
  {
    names: [
      "usage price",
      "usage prices",
      "usage pricing",
      "KIQ Customer Assist",
      "Customer Assist",
      "Voice",
      "Kustomer Voice",
      "WhatsApp by Kustomer pricing",
    ],
    value: "usage price",
  },
  // Plain "WhatsApp" is no name: Kustomer's own WhatsApp pricing follows the 30-day rule, Meta's Rate Card the next month.
  { names: ["WhatsApp rate card", "WhatsApp Rate Card changes"], value: "WhatsApp rate card" },
  {
    names: ["translated word price", "translated word prices", "Premium Translated Word", "Premium Translated Words", "translation"],
    value: "translated word price",
  },
  { names: ["SLA", "SLA change", "Service Level Agreement"], value: "SLA" },
  { names: ["SLA diminishing", "SLA diminished", "SLA reduction"], value: "SLA diminishing" },
];

/** True for the changes that take effect at the Subscription Term's renewal. */
export function atRenewal(change: ChangeKind): boolean {
  return change === "translated word price" || change === "SLA diminishing";
}

/**
 * The day a change of kind `change` noticed (or published) on `notice` takes effect, as an epoch
 * day; `renewal` is the first day of the next Subscription Term, required for the changes that
 * take effect at renewal (#VALUE! without it, #NUM! when it is before the notice).
 */
export function changeEffective(change: ChangeKind, notice: number, renewal?: number): number {
  switch (change) {
    case "usage price":
      return priceEffective(notice, PRICE_CHANGE_NOTICE_DAYS);
    case "WhatsApp rate card":
      // The first day of the calendar month following publication: the first 1st after it.
      return firstMonthStartOnOrAfter(addDays(notice, 1, "The effective date"));
    case "SLA":
      return addDays(notice, SLA_CHANGE_NOTICE_DAYS, "The effective date");
    default:
      if (renewal === undefined) {
        throw valueError(
          Msg.required(
            "renewal_date",
            `the first day of the next Subscription Term, since a change of kind "${change}" takes effect at renewal`,
          ),
        );
      }
      if (renewal < notice) {
        throw numError(`renewal_date must be on or after notice_date; got ${formatEpochDay(renewal)}, before ${formatEpochDay(notice)}.`);
      }
      return renewal;
  }
}
