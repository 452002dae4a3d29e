/**
 * Day counts from the billing documents that the contract-date rules use as defaults. Each
 * names its document and clause; a formula argument can replace it (an Order can say otherwise).
 * The professional-services numbers live in ../rates/professional-services.ts.
 */

/**
 * Supplemental terms for usage-based plans (KIQ Customer Assist and Kustomer Voice pricing): a
 * price update takes effect "in the next full calendar month that follows thirty (30) days after
 * such update". (The WhatsApp Rate Card takes effect on the first day of the following month.)
 */
export const PRICE_CHANGE_NOTICE_DAYS = 30;

/**
 * Service Level Agreement section 7: a change takes effect "thirty (30) days following the date of
 * such notice" (a calendar day, not the start of a month).
 */
export const SLA_CHANGE_NOTICE_DAYS = 30;

/**
 * billing-help (Billing FAQ): after a declined card, "You will have three days to update your
 * payment information in our system before your account is deactivated."
 */
export const DECLINED_CARD_GRACE_DAYS = 3;
