/**
 * The hand-worked quote the sheet tests share (./quote.test.ts with the built-in cards,
 * ./rates-engine.test.ts under an Order's cards): its inputs as a salesperson types them.
 */
import { QUOTE_INPUT_CELLS as IN } from "../../src/sheets/quote-layout";

// Serials (1900 system): 2025-01-01 = 45658, so 2025-01-20 = 45677, 2025-01-22 = 45679,
// 2025-01-31 = 45688; 2025-04-14 = 45658 + 103 = 45761.
export const JAN1 = 45658;
export const JAN20 = 45677;
export const JAN22 = 45679;
export const JAN31 = 45688;
export const APR14 = 45761;

/**
 * The hand-worked quote (monthly plan, January 2025, Ultimate, one organization):
 * - Seats: 20 x $93 = $1,860.
 * - Seats added: 3 on 22 Jan; 22..31 Jan is 10 of 31 days: 3 x 93 x 10/31 = $90.
 * - Data allowance (Ultimate): 20 GB default + 1 GB x 23 full-time users = 43 GB.
 *   Used 45.3 GB: 2.3 GB over, rounded up to 3 GB x $50 = $150.
 * - Attachment allowance: 40 GB + 10 GB x 23 = 270 GB. Used 270.5 GB: 0.5 GB over -> 1 GB x $1 = $1.
 * - Translation: 120,000 words x $0.0005 = $60.
 * - Total: 1,860 + 90 + 150 + 1 + 60 = $2,161.
 * - Implementation - Standard: kick-off within 30 days of 1 Jan: by 31 Jan; kicked off 20 Jan,
 *   12 weeks = 84 days later ends 14 Apr 2025; 16 configuration hours; 2 user + 2 admin = 4 training
 *   hours; no one-hour sessions ("none").
 * - Managed Services Standard: 40 hours a month.
 * - The client is a new one (the sheet's default): the Implementation and the Managed Services
 *   that come with it are both allowed. The package is the first package row, with no fee typed.
 */
export const INPUTS = {
  [IN.customer]: "Acme Ltd",
  [IN.plan]: "Ultimate",
  [IN.billing]: "Monthly",
  [IN.periodStart]: JAN1,
  [IN.periodEnd]: JAN31,
  [IN.seats]: 20,
  [IN.seatPrice]: 93,
  [IN.seatsAdded]: 3,
  [IN.addDate]: JAN22,
  [IN.fullTimeUsers]: 23,
  [IN.organizations]: 1,
  [IN.dataUsedGb]: 45.3,
  [IN.attachmentUsedGb]: 270.5,
  [IN.words]: 120000,
  [IN.psPackage]: "Implementation - Standard",
  [IN.kickoff]: JAN20,
  [IN.managedLevel]: "Standard",
};
