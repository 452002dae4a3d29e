/**
 * Storage allocation (billing-help, "Storage limits"; usage-terms F): the plan's default for the
 * organization plus, on a seat-based plan, an amount per full-time user or, on a
 * conversation-based plan, an amount per 1,000 committed conversations; data and attachments
 * separately (STORAGE_ALLOCATION).
 *
 * - Full-time users are counted at the end of the calendar month; for a custom usage-based
 *   license measured monthly, the straight-line average of full-time users across the commitment
 *   period, so a fractional number of users is valid.
 * - Decision (docs/terms.md): per-1k amounts scale linearly (1,500 committed conversations on
 *   Ultimate give 1.5 x 300 MB = 450 MB of data).
 * - Decision (docs/terms.md): an account with several organizations splits its allocation equally:
 *   (default + per-user or per-1k part) / organizations.
 * - Where neither users nor conversations are given, the allocation is the organization default
 *   alone (split across the organizations).
 * - Users and conversations together is #VALUE! (a plan is seat-based or conversation-based);
 *   conversations on a plan whose per-1k column is "n/a" (Professional, Business) is #N/A.
 * - Seasonal and collaborator users get no allocation: they are not full-time users.
 */
import { normalizeName, toChoice } from "../core/args";
import { Msg, naError, numError, valueError } from "../core/errors";
import { givenChoices, type GivenChoices, type GivenRows, lookupGiven } from "../rates/given";
import { Money, type Money as MoneyT, toExcelNumber } from "../core/money";
import { STORAGE_ALLOCATION, STORAGE_PRICES, type StorageCategory, type StoragePlan } from "../rates/storage";

/** Plan names for toChoice: the plan, the document's label; legacy plans also with "(legacy plan)". */
export const STORAGE_PLANS: ReadonlyArray<{ readonly names: readonly string[]; readonly value: StoragePlan }> = Object.freeze(
  STORAGE_ALLOCATION.rows.map((r) => ({
    names: r.label === r.plan ? [r.plan] : [r.plan, r.label, `${r.plan} (legacy plan)`, `${r.plan} legacy`],
    value: r.plan,
  })),
);

/** Category names for toChoice: "data" / "attachment", their labels and plurals. */
export const STORAGE_CATEGORIES: ReadonlyArray<{ readonly names: readonly string[]; readonly value: StorageCategory }> = Object.freeze(
  STORAGE_PRICES.rows.map((r) => ({ names: [r.category, `${r.category}s`, r.label], value: r.category })),
);

/** One plan's allocation rates, exact. */
export interface PlanRates {
  /** The plan as the table names it ("Professional (legacy)"). */
  readonly label: string;
  readonly defaultGb: Record<StorageCategory, MoneyT>;
  readonly perUserGb: Record<StorageCategory, MoneyT>;
  readonly per1kConversationsGb: Record<StorageCategory, MoneyT> | null;
}

/** A table of allocations as the rule reads it: the built-in card, or an Order's given as `rates`. */
export interface AllocationTable {
  /** Each plan's names (for toChoice or a given table's lookup) and its rates. */
  readonly plans: ReadonlyArray<{ readonly names: readonly string[]; readonly value: PlanRates }>;
  /** An Order's table: a plan it lacks is #N/A. */
  readonly given: GivenChoices<PlanRates> | null;
}

const money = (t: string | null) => (t === null ? null : new Money(t));

/** The end of a legacy plan's label, in lower case. */
const LEGACY = "(legacy)";

/**
 * A plan's names: its label (listed in messages) and, for "X (legacy)", also X, "X (legacy plan)"
 * and "X legacy". The label arrives trimmed (an Order's cells are read trimmed).
 */
function planNames(label: string): string[] {
  // The end compared in one pass (a lazy `^(.*?)\s*\(legacy\)$` rescans the run of spaces after
  // every character it tries: quadratic in a long label). The spaces before "(legacy)" stay:
  // every name is looked up through normalizeName, which trims and collapses spaces.
  const plan = label.length > LEGACY.length && label.slice(-LEGACY.length).toLowerCase() === LEGACY ? label.slice(0, -LEGACY.length) : null;
  if (plan === null) return [label];
  return [label, plan, `${plan} (legacy plan)`, `${plan} legacy`];
}

function planRates(row: {
  readonly label: string;
  readonly defaultDataGb: string;
  readonly defaultAttachmentGb: string;
  readonly perUserDataGb: string;
  readonly perUserAttachmentGb: string;
  readonly per1kConversationsDataGb: string | null;
  readonly per1kConversationsAttachmentGb: string | null;
}): PlanRates {
  const data = money(row.per1kConversationsDataGb);
  const attachment = money(row.per1kConversationsAttachmentGb);
  return {
    label: row.label,
    defaultGb: { data: new Money(row.defaultDataGb), attachment: new Money(row.defaultAttachmentGb) },
    perUserGb: { data: new Money(row.perUserDataGb), attachment: new Money(row.perUserAttachmentGb) },
    per1kConversationsGb: data && attachment ? { data, attachment } : null,
  };
}

// Built once from the card.
const RATES: ReadonlyMap<StoragePlan, PlanRates> = new Map(STORAGE_ALLOCATION.rows.map((row) => [row.plan, planRates(row)]));

/** The built-in card, compiled once. */
export const BUILT_IN_ALLOCATION: AllocationTable = Object.freeze({
  plans: STORAGE_PLANS.map((p) => ({ names: p.names, value: RATES.get(p.value) as PlanRates })),
  given: null,
});

/** Compiles an Order's allocation table; two rows naming one plan is #VALUE!. */
export function compileAllocation(g: GivenRows): AllocationTable {
  const plans = g.rows.map((r) => ({ names: planNames(r.label as string), value: planRates(r as Parameters<typeof planRates>[0]) }));
  const seen = new Map<string, number>();
  plans.forEach((p, i) => {
    // Each of a row's names once, so a name already seen is another row's.
    for (const n of new Set(p.names.map(normalizeName))) {
      const j = seen.get(n);
      if (j !== undefined) {
        throw valueError(`rates row ${g.rowNumbers[i]}, "Plan": "${p.value.label}" names the same plan as row ${g.rowNumbers[j]}.`);
      }
      seen.set(n, i);
    }
  });
  return { plans, given: givenChoices(plans, normalizeName) };
}

/** The plan named by an Excel argument in a table: unknown is #VALUE! (built-in) or #N/A (a given table lacks it). */
export function allocationPlan(v: unknown, table: AllocationTable = BUILT_IN_ALLOCATION, arg = "plan"): PlanRates {
  return table.given ? lookupGiven(v, arg, table.given) : toChoice(v, arg, table.plans);
}

export interface AllowanceInput {
  /** A built-in plan by name, or a plan's rates as {@link allocationPlan} finds them. */
  readonly plan: StoragePlan | PlanRates;
  readonly category: StorageCategory;
  /** Full-time users (seat-based plans); may be fractional (an average). Omitted: undefined. */
  readonly fullTimeUsers?: MoneyT;
  /** Committed conversations (conversation-based plans), a whole number. Omitted: undefined. */
  readonly committedConversations?: number;
  /** Organizations sharing the account's allocation, a whole number, 1 or more. */
  readonly organizations: number;
}

export type AllowanceBasis = "seat-based" | "conversation-based" | "organization default only";

export interface Allowance {
  /** The plan as its table names it. */
  readonly plan: string;
  readonly category: StorageCategory;
  readonly basis: AllowanceBasis;
  /** The plan's default allocation for the category. */
  readonly defaultGb: MoneyT;
  /** The per-user or per-1k-conversations part (0 when neither is given). */
  readonly additionalGb: MoneyT;
  /** default + additional: the account's allocation. */
  readonly accountGb: MoneyT;
  readonly organizations: number;
  /** The allocation of one organization: accountGb / organizations. */
  readonly gb: MoneyT;
}

/** The storage allocation, per organization, with its parts. */
export function storageAllowance(input: AllowanceInput): Allowance {
  const { plan, category, fullTimeUsers, committedConversations, organizations } = input;
  const rates = typeof plan === "string" ? RATES.get(plan) : plan;
  if (!rates) throw valueError(Msg.unknownName("plan", String(plan), [...RATES.keys()]));
  if (fullTimeUsers !== undefined && committedConversations !== undefined) {
    throw valueError("Give full_time_users (seat-based plans) or committed_conversations (conversation-based plans), not both.");
  }
  if (committedConversations !== undefined && rates.per1kConversationsGb === null) {
    throw naError(
      `plan ${rates.label} has no conversation-based allocation (the document says n/a); ` +
        "give full_time_users instead, or leave committed_conversations empty.",
    );
  }
  if (!Number.isInteger(organizations)) throw numError(Msg.notInteger("organizations", organizations));
  if (organizations < 1) throw numError(Msg.atLeast("organizations", "1", String(organizations)));

  let basis: AllowanceBasis = "organization default only";
  let additionalGb: MoneyT = new Money(0);
  if (fullTimeUsers !== undefined) {
    if (fullTimeUsers.isNegative()) throw numError(Msg.negative("full_time_users", fullTimeUsers.toString()));
    basis = "seat-based";
    additionalGb = rates.perUserGb[category].times(fullTimeUsers);
  } else if (committedConversations !== undefined && rates.per1kConversationsGb !== null) {
    if (!Number.isInteger(committedConversations)) throw numError(Msg.notInteger("committed_conversations", committedConversations));
    if (committedConversations < 0) throw numError(Msg.negative("committed_conversations", String(committedConversations)));
    basis = "conversation-based";
    additionalGb = rates.per1kConversationsGb[category].times(committedConversations).div(1000);
  }
  const defaultGb = rates.defaultGb[category];
  const accountGb = defaultGb.plus(additionalGb);
  return {
    plan: typeof plan === "string" ? plan : rates.label,
    category,
    basis,
    defaultGb,
    additionalGb,
    accountGb,
    organizations,
    gb: accountGb.div(organizations),
  };
}

/** The allocation of one organization, in GB: the `gb` of {@link storageAllowance}. */
export function storageAllowanceGb(input: AllowanceInput): MoneyT {
  return storageAllowance(input).gb;
}

/**
 * The allocation of one organization as the double nearest the exact value (what a cell
 * receives): the `gb` of {@link storageAllowance}, users given as a number read as its exact
 * decimal (its shortest text).
 */
export function storageAllowanceToNumber(
  input: Omit<AllowanceInput, "fullTimeUsers"> & { readonly fullTimeUsers?: number | MoneyT },
): number {
  const { fullTimeUsers } = input;
  return toExcelNumber(
    storageAllowance({ ...input, fullTimeUsers: typeof fullTimeUsers === "number" ? new Money(fullTimeUsers) : fullTimeUsers }).gb,
  );
}
