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
import { isBlank } from "../core/args";
import { naError, numError, valueError } from "../core/errors";
import { givenChoices, type GivenChoices, type GivenRows, lookupGiven } from "../rates/given";
import { formatEpochDay } from "../core/serial";
import { MANAGED_SERVICES_HOURS, type ManagedServicesRow } from "../rates/professional-services";
import { addDays } from "./calendar";
import { buildNameMap, lookupName, nameKey } from "./names";

/** "Managed Services" or "AI Managed Services" on the card; an Order's table may name others. */
export type ManagedService = ManagedServicesRow["service"] | string;

const SERVICES: ReadonlyArray<{ readonly names: readonly string[]; readonly value: ManagedService }> = [
  { names: ["Managed Services", "Managed Service", "MS"], value: "Managed Services" },
  { names: ["AI Managed Services", "AI Managed Service", "AI", "AI MS"], value: "AI Managed Services" },
];
const SERVICE_NAMES = SERVICES.map((s) => s.value);
const SERVICES_BY_KEY = buildNameMap(SERVICES);

/** Levels in the order of the terms (Essential, Basic, Standard), each once. */
const LEVEL_NAMES: readonly string[] = [...new Set(MANAGED_SERVICES_HOURS.rows.map((r) => r.level))];
const LEVELS_BY_KEY = buildNameMap(LEVEL_NAMES.map((l) => ({ names: [l], value: l })));
/** Hours by service, then level (two lookups; no key is built per call). */
type HoursBy = ReadonlyMap<string, ReadonlyMap<string, number>>;
function hoursBy(rows: ReadonlyArray<{ readonly service: string; readonly level: string; readonly hours: number }>): HoursBy {
  const m = new Map<string, Map<string, number>>();
  for (const r of rows) {
    let levels = m.get(r.service);
    if (!levels) m.set(r.service, (levels = new Map()));
    levels.set(r.level, r.hours);
  }
  return m;
}
const HOURS = hoursBy(MANAGED_SERVICES_HOURS.rows.map((r) => ({ service: r.service, level: r.level, hours: r.hoursPerMonth })));

/** An Order's managed-services hours given as `rates` (Kustomer_ManagedServicesHours). */
export interface ManagedHoursTable {
  readonly services: GivenChoices<string>;
  readonly levels: GivenChoices<string>;
  /** Hours by service, then level, as the table names them. */
  readonly hours: HoursBy;
  /** Each service's levels, in the table's order, for messages. */
  readonly offered: ReadonlyMap<string, readonly string[]>;
}

export function compileManagedHours(g: GivenRows): ManagedHoursTable {
  const services: string[] = [];
  const levels: string[] = [];
  const rows: { service: string; level: string; hours: number }[] = [];
  const listed = new Set<string>();
  const serviceByKey = new Map<string, string>();
  const levelByKey = new Map<string, string>();
  const offered = new Map<string, string[]>();
  g.rows.forEach((r, i) => {
    // One spelling per service and level: the first row's.
    const service = serviceByKey.get(nameKey(r.service as string)) ?? (r.service as string);
    const level = levelByKey.get(nameKey(r.level as string)) ?? (r.level as string);
    if (!serviceByKey.has(nameKey(service))) {
      serviceByKey.set(nameKey(service), service);
      services.push(service);
    }
    if (!levelByKey.has(nameKey(level))) {
      levelByKey.set(nameKey(level), level);
      levels.push(level);
    }
    if (listed.has(`${service}\u0000${level}`)) {
      throw valueError(`rates row ${g.rowNumbers[i]}, "Service + Level": ${service} ${level} is listed twice.`);
    }
    listed.add(`${service}\u0000${level}`);
    rows.push({ service, level, hours: Number(r.hoursPerMonth) });
    offered.set(service, [...(offered.get(service) ?? []), level]);
  });
  // A service the card knows keeps its other names (MS, AI).
  const serviceEntries = services.map((s) => {
    const builtIn = SERVICES_BY_KEY.get(nameKey(s));
    const aliases = builtIn ? (SERVICES.find((e) => e.value === builtIn)?.names ?? []) : [];
    return { names: [s, ...aliases], value: s };
  });
  return {
    services: givenChoices(serviceEntries, nameKey),
    levels: givenChoices(
      levels.map((l) => ({ names: [l], value: l })),
      nameKey,
    ),
    hours: hoursBy(rows),
    offered,
  };
}

/** A managed service by name; blank is Managed Services (in a given table: its first service). */
export function managedService(v: unknown, arg = "service", table: ManagedHoursTable | null = null): ManagedService {
  if (table !== null) {
    if (isBlank(v)) {
      return table.services.index.get(nameKey("Managed Services")) ?? table.services.names[0];
    }
    return lookupGiven(v, arg, table.services);
  }
  if (isBlank(v)) return "Managed Services";
  return lookupName(v, arg, SERVICES_BY_KEY, SERVICE_NAMES);
}

/** A service level by name (Essential, Basic, Standard); unknown is #VALUE! listing them (#N/A in a given table). */
export function managedLevel(v: unknown, arg = "service_level", table: ManagedHoursTable | null = null): string {
  return table !== null ? lookupGiven(v, arg, table.levels) : lookupName(v, arg, LEVELS_BY_KEY, LEVEL_NAMES);
}

/** Monthly allocated hours of a level of a service; a level the service does not offer is #N/A. */
export function managedHours(level: string, service: ManagedService, table: ManagedHoursTable | null = null): number {
  const h = (table !== null ? table.hours : HOURS).get(service)?.get(level);
  if (h === undefined) {
    const offered =
      table !== null
        ? (table.offered.get(service) ?? [])
        : MANAGED_SERVICES_HOURS.rows.filter((r) => r.service === service).map((r) => r.level);
    throw naError(
      `${service} has no ${level} level; ${table !== null ? "the given rates offer" : "the terms offer"} ${offered.join(", ")}.`,
    );
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
