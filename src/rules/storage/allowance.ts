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
import { Msg, naError, numError, valueError } from "../core/errors";
import { Money, type Money as MoneyT } from "../core/money";
import { type AllocationRow, STORAGE_ALLOCATION, STORAGE_PRICES, type StorageCategory, type StoragePlan } from "../rates/storage";

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

interface Rates {
  readonly row: AllocationRow;
  readonly defaultGb: Record<StorageCategory, MoneyT>;
  readonly perUserGb: Record<StorageCategory, MoneyT>;
  readonly per1kConversationsGb: Record<StorageCategory, MoneyT> | null;
}

const money = (t: string | null) => (t === null ? null : new Money(t));

// Built once from the card.
const RATES: ReadonlyMap<StoragePlan, Rates> = new Map(
  STORAGE_ALLOCATION.rows.map((row) => {
    const data = money(row.per1kConversationsDataGb);
    const attachment = money(row.per1kConversationsAttachmentGb);
    const rates: Rates = {
      row,
      defaultGb: { data: new Money(row.defaultDataGb), attachment: new Money(row.defaultAttachmentGb) },
      perUserGb: { data: new Money(row.perUserDataGb), attachment: new Money(row.perUserAttachmentGb) },
      per1kConversationsGb: data && attachment ? { data, attachment } : null,
    };
    return [row.plan, rates];
  }),
);

export interface AllowanceInput {
  readonly plan: StoragePlan;
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
  readonly plan: StoragePlan;
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
  const rates = RATES.get(plan);
  if (!rates) throw valueError(Msg.unknownName("plan", String(plan), [...RATES.keys()]));
  if (fullTimeUsers !== undefined && committedConversations !== undefined) {
    throw valueError("Give full_time_users (seat-based plans) or committed_conversations (conversation-based plans), not both.");
  }
  if (committedConversations !== undefined && rates.per1kConversationsGb === null) {
    throw naError(
      `plan ${rates.row.label} has no conversation-based allocation (the document says n/a); ` +
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
    plan,
    category,
    basis,
    defaultGb,
    additionalGb,
    accountGb,
    organizations,
    gb: organizations === 1 ? accountGb : accountGb.div(organizations),
  };
}

/** The allocation of one organization, in GB: the `gb` of {@link storageAllowance}. */
export function storageAllowanceGb(input: AllowanceInput): MoneyT {
  return storageAllowance(input).gb;
}
