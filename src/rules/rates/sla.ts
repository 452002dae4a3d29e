/** Service Level Agreement rates (sla: sections 5 and 6). */
import { type DecimalText, rateTable } from "./documents";

export interface CreditBandRow {
  readonly band: string;
  /** Lowest Monthly Uptime Percentage of the band, as a fraction, included; null for no floor. */
  readonly fromUptime: DecimalText | null;
  /** Uptime the band stays below, as a fraction, excluded; null for the top band (up to 100%). */
  readonly belowUptime: DecimalText | null;
  /** Service credit as a fraction of the monthly fees or average monthly Commitment. */
  readonly credit: DecimalText;
}

/**
 * The bands as the terms are read (docs/terms.md): contiguous, compared unrounded:
 * [99.9%, 100%] none, [99.0%, 99.9%) 10%, [97.0%, 99.0%) 25%, below 97.0% 50%. A band's label
 * names its edges as the guides do ("99.0%–99.9%"); its lower edge is included, its upper one
 * excluded (the From and Below columns), so 99.89% and 99.899% are both in the 10% band.
 */
export const SLA_CREDIT_BANDS = rateTable<CreditBandRow>({
  id: "Kustomer_SlaCreditBands",
  title: "SLA service credits by Monthly Uptime Percentage",
  source: "sla",
  section: "6. Service Credits",
  bands: { kind: "continuous", from: "fromUptime", to: "belowUptime" },
  columns: [
    { key: "band", header: "Monthly Uptime Percentage", format: "text" },
    { key: "fromUptime", header: "From (included)", format: "percent" },
    { key: "belowUptime", header: "Below (excluded)", format: "percent" },
    { key: "credit", header: "Service credit", format: "percent" },
  ],
  rows: [
    { band: "99.9% or above", fromUptime: "0.999", belowUptime: null, credit: "0" },
    { band: "99.0%–99.9%", fromUptime: "0.99", belowUptime: "0.999", credit: "0.1" },
    { band: "97.0%–99.0%", fromUptime: "0.97", belowUptime: "0.99", credit: "0.25" },
    { band: "Below 97.0%", fromUptime: null, belowUptime: "0.97", credit: "0.5" },
  ],
  names: [
    { name: "Kustomer_SlaCreditCap", row: 3, key: "credit", description: "Maximum SLA service credit (fraction of the monthly fees)" },
  ],
});

/**
 * The plans an SLA credit may be asked for (sla section 1): the two Covered Services, Ultimate
 * (license based) and Ultimate AI (conversation based), and the other Kustomer plans, which earn
 * no Service Credit (basis null). The first name of each is the one shown and listed.
 */
export const SLA_SERVICE_NAMES: ReadonlyArray<{ readonly names: readonly string[]; readonly basis: "license" | "conversation" | null }> = [
  { names: ["Ultimate", "Kustomer Platform Ultimate", "Kustomer Ultimate"], basis: "license" },
  { names: ["Ultimate AI", "Kustomer Ultimate AI"], basis: "conversation" },
  { names: ["Enterprise", "Kustomer Enterprise"], basis: null },
  { names: ["Business", "Business (legacy)"], basis: null },
  { names: ["Professional", "Professional (legacy)"], basis: null },
  { names: ["Enterprise AI"], basis: null },
  { names: ["Business AI"], basis: null },
  { names: ["Professional AI"], basis: null },
];

export type Priority = "Severe" | "High" | "Medium";

export interface ResponseTimeRow {
  readonly priority: Priority;
  readonly description: string;
  readonly amount: number;
  readonly unit: "hours" | "business days";
}

export const SLA_RESPONSE_TIMES = rateTable<ResponseTimeRow>({
  id: "Kustomer_SlaResponseTimes",
  title: "SLA time to response by priority",
  source: "sla",
  section: "5. Service Requests",
  choices: { unit: ["hours", "business days"] },
  columns: [
    { key: "priority", header: "Priority", format: "text" },
    { key: "amount", header: "Time to response", format: "count" },
    { key: "unit", header: "Unit", format: "text" },
    { key: "description", header: "Description", format: "text" },
  ],
  rows: [
    {
      priority: "Severe",
      description:
        "Covered Service is unavailable or a substantial subset of functionality is unavailable without a workaround, security issues, or data integrity issues",
      amount: 2,
      unit: "hours",
    },
    {
      priority: "High",
      description: "Intermittent issues, issues with system performance, and issues with available workarounds",
      amount: 8,
      unit: "hours",
    },
    {
      priority: "Medium",
      description: "Any other bugs or issues that are not considered Severe or High",
      amount: 3,
      unit: "business days",
    },
  ],
});

/**
 * The SLA's other numbers (sla: sections 2 and 6), for the rules. Not a rate card of its own:
 * the task pane lists the two tables above.
 */
export const SLA_TERMS = Object.freeze({
  source: "sla" as const,
  /** Section 2: the service commitment, a Monthly Uptime Percentage of at least 99.9%. */
  uptimeCommitment: "0.999" as DecimalText,
  /** Section 2: "an Outage period may begin after observing one to five consecutive minutes of downtime". */
  outageThresholdMinutes: Object.freeze({ min: 1, max: 5, default: 5 }),
  /** Section 6: a claim must be received "within thirty (30) days after which the incident occurred". */
  claimWindowDays: 30,
});
