/**
 * Professional-services schedule (ps-terms), read from the PS_PACKAGES rate table.
 *
 * - Each package starts with a Kick-Off held "within N days of" the Subscription Start Date (the
 *   service start date for the Optimization Assessment; the Subscription Start Date of the AI
 *   products for the AI packages).
 * - All activities are completed "within N calendar days / weeks of Kick-Off"; unused hours and
 *   services expire then, with no refund or carry-over.
 * - Decision (docs/terms.md): "within N days / weeks of X" ends on X + N days (X + 7N for weeks), that
 *   day included; the table holds every duration in days.
 * - Completion Notice (§1) and the Optimization Assessment readout (§6): the client has 5
 *   business days from receipt to raise anything; otherwise the services are accepted. Business
 *   days are counted as Excel's WORKDAY counts them.
 */
import { Money } from "../core/money";
import { naError, valueError } from "../core/errors";
import { givenChoices, type GivenChoices, type GivenRows, lookupGiven } from "../rates/given";
import { workday } from "../core/workday";
import { PS_PACKAGES, psLimit, type PsPackageRow } from "../rates/professional-services";
import { addDays } from "./calendar";
import { buildNameMap, lookupName, nameKey } from "./names";

/** The package names, in the order of the terms (the dropdown's order). */
export const PS_PACKAGE_NAMES: readonly string[] = Object.freeze(PS_PACKAGES.rows.map((r) => r.name));

const PACKAGES_BY_KEY = buildNameMap(PS_PACKAGES.rows.map((r) => ({ names: [r.name, ...r.aliases], value: r })));

/** An Order's packages given as `rates` (Kustomer_PsPackages); null for the built-in card. */
export type PsPackages = GivenChoices<PsPackageRow> | null;

// A validated row holds text or null (n/a) in every column of the card, never undefined.
const count = (v: string | null): number | null => (v === null ? null : Number(v));

/**
 * Compiles an Order's package table. A row that names a built-in package (by its name or an
 * alias) also takes that package's other names; a package only the Order has is named as its row.
 */
export function compilePackages(g: GivenRows): GivenChoices<PsPackageRow> {
  const entries = g.rows.map((r, i) => {
    const name = r.name as string;
    const builtIn = PACKAGES_BY_KEY.get(nameKey(name));
    const row: PsPackageRow = Object.freeze({
      name,
      aliases: builtIn ? [builtIn.name, ...builtIn.aliases].filter((n) => nameKey(n) !== nameKey(name)) : [],
      kickoffWithinDays: Number(r.kickoffWithinDays),
      kickoffFrom: r.kickoffFrom as string,
      durationDays: Number(r.durationDays),
      durationStated: r.durationStated as string,
      inclusions: r.inclusions as string,
      sessions: count(r.sessions),
      introCalls: count(r.introCalls),
      configurationHours: count(r.configurationHours),
      userTrainingHours: count(r.userTrainingHours),
      adminTrainingHours: count(r.adminTrainingHours),
      checkpoints: count(r.checkpoints),
      aiTeams: count(r.aiTeams),
      subAgents: count(r.subAgents),
      useCases: count(r.useCases),
      maxRecords: count(r.maxRecords),
    });
    return { names: [name, ...row.aliases], value: row, row: g.rowNumbers[i] };
  });
  const own = new Map<string, number>();
  for (const e of entries) {
    const k = nameKey(e.value.name);
    const other = own.get(k);
    if (other !== undefined) throw valueError(`rates row ${e.row}, "Package": "${e.value.name}" names the same package as row ${other}.`);
    own.set(k, e.row);
  }
  return givenChoices(entries, nameKey);
}

/**
 * A package by name (case-insensitive, aliases allowed); unknown is #VALUE! listing the packages,
 * or, in a given table, #N/A ("not in the given rates").
 */
export function psPackage(v: unknown, arg = "package_name", table: PsPackages = null): PsPackageRow {
  if (table !== null) return lookupGiven(v, arg, table);
  return lookupName(v, arg, PACKAGES_BY_KEY, PS_PACKAGE_NAMES);
}

/** The last day the Kick-Off may be held: start + the package's kick-off window (30 or 90 days). */
export function psKickoffDeadline(pkg: PsPackageRow, start: number): number {
  return addDays(start, pkg.kickoffWithinDays, "The kick-off deadline");
}

/** The last day of the engagement, when unused services expire: kick-off + the package's duration. */
export function psExpiry(pkg: PsPackageRow, kickoff: number): number {
  return addDays(kickoff, pkg.durationDays, "The expiry date");
}

const ACCEPTANCE_BUSINESS_DAYS = psLimit("completionNoticeBusinessDays");

/**
 * The day the services count as accepted when the client raises nothing: the 5th business day
 * after the Completion Notice (or the readout) is received, i.e. WORKDAY(notice, 5, holidays).
 */
export function psAcceptance(notice: number, holidays: Iterable<number> = []): number {
  return workday(notice, ACCEPTANCE_BUSINESS_DAYS, holidays);
}

/** The inclusions a formula can look up, with what each counts. */
export type PsInclusionItem =
  | "sessions"
  | "intro calls"
  | "configuration hours"
  | "user training hours"
  | "admin training hours"
  | "training hours"
  | "checkpoints"
  | "AI teams"
  | "sub-agents"
  | "use cases"
  | "conversation records"
  | "kick-off days"
  | "duration days";

export interface PsInclusionDef {
  readonly names: readonly string[];
  readonly value: PsInclusionItem;
  /** What the number counts, for the #N/A message; none where every package has the number (kick-off window, duration). */
  readonly label?: string;
  readonly read: (r: PsPackageRow) => number | null;
}

/** Hours added exactly: whole on the card, but an Order may state 1.5 hours (1.1 + 2.2 is 3.3, not 3.3000000000000003). */
const sum = (a: number | null, b: number | null): number | null =>
  a === null && b === null ? null : new Money(a ?? 0).plus(b ?? 0).toNumber();

export const PS_INCLUSION_ITEMS: readonly PsInclusionDef[] = Object.freeze([
  {
    names: ["sessions", "one-hour sessions", "consultative sessions", "discovery sessions"],
    value: "sessions",
    label: "one-hour sessions",
    read: (r) => r.sessions,
  },
  {
    names: ["intro calls", "introductory calls", "intro call"],
    value: "intro calls",
    label: "introductory calls",
    read: (r) => r.introCalls,
  },
  {
    names: ["configuration hours", "collaborative configuration hours", "config hours", "collaborative configuration"],
    value: "configuration hours",
    label: "hours of collaborative configuration",
    read: (r) => r.configurationHours,
  },
  {
    names: ["user training hours", "web user training hours", "user training"],
    value: "user training hours",
    label: "hours of user training",
    read: (r) => r.userTrainingHours,
  },
  {
    names: ["admin training hours", "web admin training hours", "admin training"],
    value: "admin training hours",
    label: "hours of admin training",
    read: (r) => r.adminTrainingHours,
  },
  {
    names: ["training hours", "training"],
    value: "training hours",
    label: "hours of training",
    read: (r) => sum(r.userTrainingHours, r.adminTrainingHours),
  },
  {
    names: ["checkpoints", "checkpoint calls", "post-go-live checkpoints", "post-launch checkpoints"],
    value: "checkpoints",
    label: "checkpoint calls",
    read: (r) => r.checkpoints,
  },
  { names: ["AI teams", "AI team", "teams"], value: "AI teams", label: "AI teams", read: (r) => r.aiTeams },
  {
    names: ["sub-agents", "AI sub-agents", "subagents", "agents"],
    value: "sub-agents",
    label: "AI sub-agents",
    read: (r) => r.subAgents,
  },
  { names: ["use cases", "use case", "targeted use cases"], value: "use cases", label: "use cases", read: (r) => r.useCases },
  {
    names: ["conversation records", "records", "max records"],
    value: "conversation records",
    label: "conversation records",
    read: (r) => r.maxRecords,
  },
  {
    names: ["kick-off days", "kickoff days", "kick-off window", "kick-off window days"],
    value: "kick-off days",
    read: (r) => r.kickoffWithinDays,
  },
  {
    names: ["duration days", "duration"],
    value: "duration days",
    read: (r) => r.durationDays,
  },
] satisfies PsInclusionDef[]);

const ITEMS_BY_KEY = buildNameMap(PS_INCLUSION_ITEMS.map((d) => ({ names: d.names, value: d })));
// Each item's first name is its value, the name the #VALUE! message lists.
const ITEM_NAMES = PS_INCLUSION_ITEMS.map((d) => d.names[0]);

/** An inclusion item by name; unknown is #VALUE! listing the items. */
export function psInclusionItem(v: unknown, arg = "item"): PsInclusionDef {
  return lookupName(v, arg, ITEMS_BY_KEY, ITEM_NAMES);
}

/**
 * How many of `item` the package includes, from the rate table. Where the terms state no number
 * of that kind for the package, #N/A (not 0: the terms are silent, which an analyst should see).
 */
export function psInclusion(pkg: PsPackageRow, item: PsInclusionDef): number {
  const n = item.read(pkg);
  if (n === null) throw naError(`The terms state no number of ${item.label} for ${pkg.name} (it includes: ${pkg.inclusions}).`);
  return n;
}
