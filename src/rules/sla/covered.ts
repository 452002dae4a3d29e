/**
 * Covered Services (sla: section 1): only Kustomer Platform Ultimate (license based) and
 * Ultimate AI (conversation based) earn a Service Credit. See docs/terms.md.
 *
 * - "Ultimate" is the default, so a formula written before the argument existed keeps its result.
 * - "Ultimate AI": the credit is the band's share of the average monthly Commitment, in the
 *   Commitment's own units (conversations), credited against the next calendar month's usage:
 *   it is never money.
 * - Any other Kustomer plan (Professional, Business, Enterprise, or an AI variant of them) is not
 *   a Covered Service: its credit is 0. An unknown name is #VALUE! listing the choices.
 */
import { toChoice } from "../core/args";
import { SLA_SERVICE_NAMES } from "../rates/sla";

/** How a Covered Service's credit is given: money off the fees, or conversations off next month's usage. */
export type CreditBasis = "license" | "conversation";

export interface SlaService {
  /** The name as the working shows it: "Ultimate", "Ultimate AI", "Enterprise"... */
  readonly name: string;
  /** null: not a Covered Service, no credit. */
  readonly basis: CreditBasis | null;
}

/** The names the service argument takes (the card's list), Covered Services first. */
export const SLA_SERVICES: ReadonlyArray<{ readonly names: readonly string[]; readonly value: SlaService }> = SLA_SERVICE_NAMES.map(
  (s) => ({
    names: s.names,
    value: Object.freeze({ name: s.names[0], basis: s.basis }),
  }),
);

export const ULTIMATE: SlaService = SLA_SERVICES[0].value;

/** Reads the service argument: blank (or omitted) is "Ultimate"; an unknown name is #VALUE! listing the choices. */
export function slaServiceOf(value: unknown, arg = "service"): SlaService {
  return toChoice(value, arg, SLA_SERVICES, ULTIMATE);
}

/** Whether a service earns a Service Credit. */
export function isCovered(s: SlaService): boolean {
  return s.basis !== null;
}

/** A credit computed on the bands, for a service: 0 where the service is not covered. */
export function coveredCredit(s: SlaService, credit: number): number {
  return isCovered(s) ? credit : 0;
}

/** The working's "Covered Service" row; `nextMonth` names the month a conversation credit applies to ("July 2025"). */
export function serviceWording(s: SlaService, nextMonth: string): string {
  if (s.basis === "license") return `${s.name} (license based): the credit is money off the monthly fees`;
  if (s.basis === "conversation") {
    return `${s.name} (conversation based): the credit is in the Commitment's units, credited against ${nextMonth}'s Conversation usage, not money`;
  }
  return `${s.name} is not a Covered Service: no credit`;
}

/** The label of the working's credit row: money, or conversations off the next month's usage (named in the service row). */
export function creditLabel(s: SlaService): string {
  return s.basis === "conversation" ? CONVERSATION_CREDIT_LABEL : "Credit amount";
}

export const CONVERSATION_CREDIT_LABEL = "Credit in conversations (next month's usage)";
