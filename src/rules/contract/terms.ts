/**
 * Day counts from the billing documents that the contract-date rules use as defaults. Each
 * names its document and clause; a formula argument can replace it (an Order can say otherwise).
 * The professional-services numbers live in ../rates/professional-services.ts.
 */

/**
 * usage-terms (KIQ Customer Assist, Kustomer Voice, WhatsApp by Kustomer pricing): a price
 * update takes effect "in the next full calendar month that follows thirty (30) days after such
 * update".
 */
export const PRICE_CHANGE_NOTICE_DAYS = 30;

/**
 * billing-help (Billing FAQ): after a declined card, "You will have three days to update your
 * payment information in our system before your account is deactivated."
 */
export const DECLINED_CARD_GRACE_DAYS = 3;
