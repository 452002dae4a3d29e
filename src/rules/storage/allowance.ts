/**
 * Storage allocation (billing-help, "Storage limits"; usage-terms F): the plan's default for the
 * organization plus, on a seat-based plan, an amount per full-time user or, on a
 * conversation-based plan, an amount per 1,000 committed conversations; data and attachments
 * separately (STORAGE_ALLOCATION).
 *
 * - Full-time users are counted at the end of the calendar month; for a custom usage-based
 *   license measured monthly, the straight-line average of full-time users across the commitment
 *   period, so a fractional number of users is valid.
 * - Decision (domain.md): per-1k amounts scale linearly (1,500 committed conversations on
 *   Ultimate give 1.5 x 300 MB = 450 MB of data).
 * - Decision (domain.md): an account with several organizations splits its allocation equally:
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
import { Money, type Money as MoneyT, type Scaled, scaledInteger, scaledOfText, toExcelNumber, POW10 } from "../core/money";
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
  /** The same rates as scaled integers, for the exact integer path (undefined where a rate has none). */
  readonly scaled: Record<StorageCategory, { readonly def?: Scaled; readonly perUser?: Scaled; readonly per1k?: Scaled }>;
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
  // The end compared and the rest trimmed, in one pass each (a lazy `^(.*?)\s*\(legacy\)$`
  // rescans the run of spaces after every character it tries: quadratic in a long label).
  const plan =
    label.length > LEGACY.length && label.slice(-LEGACY.length).toLowerCase() === LEGACY ? label.slice(0, -LEGACY.length).trimEnd() : null;
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
  const sc = (t: string | null) => (t === null ? undefined : scaledOfText(t));
  return {
    label: row.label,
    defaultGb: { data: new Money(row.defaultDataGb), attachment: new Money(row.defaultAttachmentGb) },
    perUserGb: { data: new Money(row.perUserDataGb), attachment: new Money(row.perUserAttachmentGb) },
    per1kConversationsGb: data && attachment ? { data, attachment } : null,
    scaled: {
      // Stryker disable next-line ObjectLiteral: an empty record sends every amount to the decimal path, which gives the same double
      data: { def: sc(row.defaultDataGb), perUser: sc(row.perUserDataGb), per1k: sc(row.per1kConversationsDataGb) },
      // Stryker disable next-line ObjectLiteral: an empty record sends every amount to the decimal path, which gives the same double
      attachment: { def: sc(row.defaultAttachmentGb), perUser: sc(row.perUserAttachmentGb), per1k: sc(row.per1kConversationsAttachmentGb) },
    },
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
    if (fullTimeUsers.isNegative() && !fullTimeUsers.isZero()) throw numError(Msg.negative("full_time_users", fullTimeUsers.toString()));
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
    // Stryker disable next-line ConditionalExpression: dividing by 1 leaves accountGb as it is (plus and times have already rounded it to 40 digits)
    gb: organizations === 1 ? accountGb : accountGb.div(organizations),
  };
}

/** The allocation of one organization, in GB: the `gb` of {@link storageAllowance}. */
export function storageAllowanceGb(input: AllowanceInput): MoneyT {
  return storageAllowance(input).gb;
}

const safe = Number.isSafeInteger;

/**
 * num / den as the nearest double when both are safe integers (one correctly rounded division);
 * else undefined. den is POW10[s] x organizations, and the fast path is only taken for a whole
 * number of organizations of 1 or more, so den is at least 1.
 */
function exactQuotient(num: number, den: number): number | undefined {
  // Stryker disable next-line ConditionalExpression: refusing a quotient only sends it to the decimal path, the same double
  if (!safe(num) || !safe(den)) return undefined;
  const q = num / den;
  // Stryker disable next-line ConditionalExpression: q is never -0: every numerator is up(def, s) (an integer from +0 up) plus a product, so +0 at least
  return q === 0 ? 0 : q;
}

/** x x 10^k, exact, for a scaled integer brought to a finer scale; NaN when not safe. */
// Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: past POW10 the index is undefined and the product NaN, as the guard gives, and exactQuotient refuses NaN
const up = (x: Scaled, scale: number) => (scale - x.scale < POW10.length ? x.int * POW10[scale - x.scale] : NaN);

/**
 * The allocation of one organization as the double nearest the exact value (what a cell receives).
 * Plain numbers on a plan whose rates have safe scaled integers take integer arithmetic and one
 * correctly rounded division: (default + rate x count) / organizations; otherwise, and for every
 * error, the decimal path of {@link storageAllowance}.
 */
export function storageAllowanceToNumber(
  input: Omit<AllowanceInput, "fullTimeUsers"> & { readonly fullTimeUsers?: number | MoneyT },
): number {
  const { plan, category, fullTimeUsers, committedConversations, organizations } = input;
  const rates = typeof plan === "string" ? RATES.get(plan) : plan;
  // Stryker disable BlockStatement: every block from here to the restore is the integer fast path; emptied, the decimal path below gives the same double
  if (
    rates &&
    safe(organizations) &&
    // Stryker disable next-line EqualityOperator: one organization by the decimal path gives the same double (0 and below are refused there too)
    organizations >= 1 &&
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a narrower test only sends more inputs to the decimal path, the same double (both given is refused there)
    (fullTimeUsers === undefined || committedConversations === undefined)
  ) {
    const r = rates.scaled[category];
    const def = r.def;
    let q: number | undefined;
    if (def !== undefined && fullTimeUsers === undefined && committedConversations === undefined) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: past POW10 the index is undefined, the denominator NaN, and exactQuotient refuses it, as the guard does
      q = def.scale < POW10.length ? exactQuotient(def.int, POW10[def.scale] * organizations) : undefined;
    } else if (
      def !== undefined &&
      // Stryker disable next-line ConditionalExpression: users given as a decimal have no scaled integer (scaledInteger of a non-number is undefined): the decimal path, the same double
      typeof fullTimeUsers === "number" &&
      // Stryker disable next-line EqualityOperator: 0 users by the decimal path give the same double (the default alone)
      fullTimeUsers >= 0 &&
      r.perUser !== undefined
    ) {
      const u = scaledInteger(fullTimeUsers);
      if (u !== undefined) {
        // default + perUser x users, on the finer of the two scales.
        // Stryker disable next-line MethodExpression,ArithmeticOperator: a smaller s makes POW10's index below negative: NaN, which exactQuotient refuses
        const s = Math.max(def.scale, r.perUser.scale + u.scale);
        const product = r.perUser.int * u.int;
        // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: past POW10 or a safe product the numerator is NaN or unsafe, which exactQuotient refuses
        if (s < POW10.length && safe(product))
          q = exactQuotient(up(def, s) + product * POW10[s - r.perUser.scale - u.scale], POW10[s] * organizations);
      }
    } else if (
      def !== undefined &&
      committedConversations !== undefined &&
      safe(committedConversations) &&
      // Stryker disable next-line EqualityOperator: 0 conversations by the decimal path give the same double (the default alone)
      committedConversations >= 0
    ) {
      const per1k = r.per1k;
      if (per1k !== undefined && rates.per1kConversationsGb !== null) {
        // (default x 1000 + per1k x conversations) / (1000 x organizations).
        // Stryker disable next-line MethodExpression: a smaller s makes POW10's index below negative: NaN, which exactQuotient refuses
        const s = Math.max(def.scale, per1k.scale);
        const product = per1k.int * committedConversations;
        // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: past POW10 or a safe product the numerator is NaN or unsafe, which exactQuotient refuses
        if (s < POW10.length && safe(product))
          q = exactQuotient(up(def, s) * 1000 + product * POW10[s - per1k.scale], POW10[s] * 1000 * organizations);
      }
    }
    if (q !== undefined) return q;
  }
  // Stryker restore BlockStatement
  return toExcelNumber(
    storageAllowance({
      ...input,
      fullTimeUsers: typeof fullTimeUsers === "number" ? new Money(fullTimeUsers) : fullTimeUsers,
    }).gb,
  );
}
