/**
 * Storage overage (billing-help, "Purchase additional data and attachment storage"; usage-terms
 * F): storage used beyond the allocation and not purchased is invoiced monthly "to raise your
 * limits to the amount you need", at $50 per additional GB of data and $1 per additional GB of
 * attachments (STORAGE_PRICES) unless the Order says otherwise.
 *
 * Decision (docs/terms.md): the excess is billed in whole GB, rounded up (0.2 GB over is 1 GB);
 * the exact fractional excess is an option (`wholeGb` false). No excess is a charge of 0.
 */
import { Msg, numError, valueError } from "../core/errors";
import { Money, type Money as MoneyT, toExcelNumber } from "../core/money";
import { STORAGE_PRICES, type StorageCategory } from "../rates/storage";

// Built once from the card.
const PRICE_PER_GB: ReadonlyMap<StorageCategory, MoneyT> = new Map(STORAGE_PRICES.rows.map((r) => [r.category, new Money(r.pricePerGb)]));

/** The card's price of one additional GB of `category` storage. */
export function defaultPricePerGb(category: StorageCategory): MoneyT {
  const p = PRICE_PER_GB.get(category);
  if (!p) throw valueError(Msg.unknownName("category", String(category), [...PRICE_PER_GB.keys()]));
  return p;
}

export interface OverageInput {
  readonly usedGb: MoneyT;
  readonly allowanceGb: MoneyT;
  readonly category: StorageCategory;
  /** The Order's price per GB; omitted: the card's price for the category. */
  readonly pricePerGb?: MoneyT;
  /** Bill whole GB, rounded up (the default) or the exact excess (false). */
  readonly wholeGb: boolean;
}

export interface Overage {
  /** max(used - allowance, 0), exact. */
  readonly excessGb: MoneyT;
  /** The GB billed: the excess rounded up to whole GB, or the exact excess. */
  readonly billedGb: MoneyT;
  readonly pricePerGb: MoneyT;
  /** billedGb x pricePerGb, unrounded. */
  readonly charge: MoneyT;
}

function nonNegative(d: MoneyT, arg: string): MoneyT {
  if (d.isNegative()) throw numError(Msg.negative(arg, d.toString()));
  return d;
}

/** The monthly overage charge and its parts. */
export function storageOverage(input: OverageInput): Overage {
  const used = nonNegative(input.usedGb, "used_gb");
  const allowance = nonNegative(input.allowanceGb, "allowance_gb");
  const pricePerGb = input.pricePerGb === undefined ? defaultPricePerGb(input.category) : nonNegative(input.pricePerGb, "price_per_gb");
  const over = used.minus(allowance);
  const excessGb = over.isPositive() ? over : new Money(0);
  const billedGb = input.wholeGb ? excessGb.toDecimalPlaces(0, Money.ROUND_CEIL) : excessGb;
  return { excessGb, billedGb, pricePerGb, charge: billedGb.times(pricePerGb) };
}

/** The monthly overage charge: the `charge` of {@link storageOverage}. */
export function storageOverageCharge(input: OverageInput): MoneyT {
  return storageOverage(input).charge;
}

/** An amount as the adapters pass it: a finite number (its exact decimal is its shortest text), or an exact decimal. */
export type Amount = number | MoneyT;

/**
 * The overage charge as the double nearest the exact value (what a cell receives): the `charge`
 * of {@link storageOverage}, each number read as its exact decimal (its shortest text).
 */
export function storageOverageToNumber(
  usedGb: Amount,
  allowanceGb: Amount,
  category: StorageCategory,
  pricePerGb: Amount | undefined,
  wholeGb: boolean,
): number {
  const money = (a: Amount) => (typeof a === "number" ? new Money(a) : a);
  return toExcelNumber(
    storageOverageCharge({
      usedGb: money(usedGb),
      allowanceGb: money(allowanceGb),
      category,
      pricePerGb: pricePerGb === undefined ? undefined : money(pricePerGb),
      wholeGb,
    }),
  );
}
