/**
 * Managed Services and AI Managed Services (ps-terms §11, §12).
 *
 * - Monthly allocated hours by service level, from the MANAGED_SERVICES_HOURS rate table:
 *   Managed Services Essential 8, Basic 16, Standard 40; AI Managed Services Basic 16,
 *   Standard 40 (AI Managed Services has no Essential level: #N/A).
 * - The term: "If an Order is signed after the specified Start Date, the Start Date is adjusted
 *   to the Order execution date, and the End Date is adjusted to maintain the specified term
 *   length." The term's length is kept in days (start and end both move by the days between the
 *   Start Date and the signing); an Order signed on or before the Start Date changes nothing.
 */
import { naError, numError } from "../core/errors";
import { formatEpochDay } from "../core/serial";
import { MANAGED_SERVICES_HOURS, type ManagedServicesRow } from "../rates/professional-services";
import { addDays } from "./calendar";
import { buildNameMap, lookupName } from "./names";

export type ManagedService = ManagedServicesRow["service"];

const SERVICES: ReadonlyArray<{ readonly names: readonly string[]; readonly value: ManagedService }> = [
  { names: ["Managed Services", "Managed Service", "MS"], value: "Managed Services" },
  { names: ["AI Managed Services", "AI Managed Service", "AI", "AI MS"], value: "AI Managed Services" },
];
const SERVICE_NAMES = SERVICES.map((s) => s.value);
const SERVICES_BY_KEY = buildNameMap(SERVICES);

/** Levels in the order of the terms (Essential, Basic, Standard), each once. */
const LEVEL_NAMES: readonly string[] = [...new Set(MANAGED_SERVICES_HOURS.rows.map((r) => r.level))];
const LEVELS_BY_KEY = buildNameMap(LEVEL_NAMES.map((l) => ({ names: [l], value: l })));
const HOURS = new Map(MANAGED_SERVICES_HOURS.rows.map((r) => [`${r.service}|${r.level}`, r.hoursPerMonth]));

/** A managed service by name; blank is Managed Services. */
export function managedService(v: unknown, arg = "service"): ManagedService {
  if (v === null || v === undefined || v === "") return "Managed Services";
  return lookupName(v, arg, SERVICES_BY_KEY, SERVICE_NAMES);
}

/** A service level by name (Essential, Basic, Standard); unknown is #VALUE! listing them. */
export function managedLevel(v: unknown, arg = "service_level"): string {
  return lookupName(v, arg, LEVELS_BY_KEY, LEVEL_NAMES);
}

/** Monthly allocated hours of a level of a service; a level the service does not offer is #N/A. */
export function managedHours(level: string, service: ManagedService): number {
  const h = HOURS.get(`${service}|${level}`);
  if (h === undefined) {
    const offered = MANAGED_SERVICES_HOURS.rows.filter((r) => r.service === service).map((r) => r.level);
    throw naError(`${service} has no ${level} level; the terms offer ${offered.join(", ")}.`);
  }
  return h;
}

export interface Term {
  readonly start: number;
  readonly end: number;
}

/** The term as adjusted for an Order signed after its Start Date (days kept). */
export function managedTerm(start: number, end: number, signed: number): Term {
  if (end < start) {
    throw numError(`end_date (${formatEpochDay(end)}) must be on or after start_date (${formatEpochDay(start)}).`);
  }
  if (signed <= start) return { start, end };
  const shift = signed - start;
  return { start: signed, end: addDays(end, shift, "The adjusted end date") };
}
