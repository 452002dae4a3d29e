/**
 * Storage overage (billing-help, "Purchase additional data and attachment storage"; usage-terms
 * F): storage used beyond the allocation and not purchased is invoiced monthly "to raise your
 * limits to the amount you need", at $50 per additional GB of data and $1 per additional GB of
 * attachments (STORAGE_PRICES) unless the Order says otherwise.
 *
 * Decision (domain.md): the excess is billed in whole GB, rounded up (0.2 GB over is 1 GB);
 * the exact fractional excess is an option (`wholeGb` false). No excess is a charge of 0.
 */
import { Msg, numError, valueError } from "../core/errors";
import {
  exactDifference,
  exactMulDiv,
  Money,
  type Money as MoneyT,
  type Scaled,
  scaledInteger,
  scaledOfText,
  toExcelNumber,
  POW10,
} from "../core/money";
import { STORAGE_PRICES, type StorageCategory } from "../rates/storage";

// Built once from the card.
const PRICE_PER_GB: ReadonlyMap<StorageCategory, MoneyT> = new Map(STORAGE_PRICES.rows.map((r) => [r.category, new Money(r.pricePerGb)]));

// The card's prices as scaled integers, for the exact integer path.
const PRICE_SCALED: ReadonlyMap<StorageCategory, Scaled | undefined> = new Map(
  STORAGE_PRICES.rows.map((r) => [r.category, scaledOfText(r.pricePerGb)]),
);

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
  if (d.isNegative() && !d.isZero()) throw numError(Msg.negative(arg, d.toString()));
  return d;
}

/** The monthly overage charge and its parts. */
export function storageOverage(input: OverageInput): Overage {
  const used = nonNegative(input.usedGb, "used_gb");
  const allowance = nonNegative(input.allowanceGb, "allowance_gb");
  const pricePerGb = input.pricePerGb === undefined ? defaultPricePerGb(input.category) : nonNegative(input.pricePerGb, "price_per_gb");
  const over = used.minus(allowance);
  const excessGb = over.isPositive() && !over.isZero() ? over : new Money(0);
  const billedGb = input.wholeGb ? excessGb.ceil() : excessGb;
  return { excessGb, billedGb, pricePerGb, charge: billedGb.times(pricePerGb) };
}

/** The monthly overage charge: the `charge` of {@link storageOverage}. */
export function storageOverageCharge(input: OverageInput): MoneyT {
  return storageOverage(input).charge;
}

/** An amount as the adapters pass it: a finite number (its exact decimal is its shortest text), or an exact decimal. */
export type Amount = number | MoneyT;

/**
 * The overage charge as the double nearest the exact value (what a cell receives). When the
 * amounts are numbers whose decimals are safe integers over a power of ten, the excess, its
 * rounding up and the product with the price are integer arithmetic and one correctly rounded
 * division at the end; otherwise, and for every error, the decimal path of {@link storageOverage}.
 */
export function storageOverageToNumber(
  usedGb: Amount,
  allowanceGb: Amount,
  category: StorageCategory,
  pricePerGb: Amount | undefined,
  wholeGb: boolean,
): number {
  // Stryker disable next-line EqualityOperator: with > 0, a used or allowance of 0 takes the decimal path, which gives the same double
  // Stryker disable next-line BlockStatement: without the integer fast path the decimal path below gives the same double
  if (typeof usedGb === "number" && typeof allowanceGb === "number" && usedGb >= 0 && allowanceGb >= 0) {
    const price =
      // Stryker disable next-line ConditionalExpression: the card's price then takes the decimal path, which gives the same double
      pricePerGb === undefined
        ? PRICE_SCALED.get(category)
        : // Stryker disable next-line EqualityOperator: with > 0, a price of 0 takes the decimal path, which gives the same 0
          typeof pricePerGb === "number" && pricePerGb >= 0
          ? scaledInteger(pricePerGb)
          : undefined;
    const used = scaledInteger(usedGb);
    const allowance = scaledInteger(allowanceGb);
    const excess = price && used && allowance && exactDifference(allowance, used);
    // Stryker disable next-line BlockStatement: without the integer fast path the decimal path below gives the same double
    if (excess) {
      // Stryker disable next-line EqualityOperator: with < 0, an excess of 0 goes on to a product of 0 on either branch below: the same 0
      if (excess.int <= 0) return 0;
      // Stryker disable BlockStatement: either integer fast path emptied, the decimal path below gives the same double
      if (!wholeGb) {
        // excess x price = excess.int x price.int / 10^(excess.scale + price.scale).
        // Stryker disable next-line ConditionalExpression,EqualityOperator: at a scale of 16 or more POW10[scale] is undefined, so exactMulDiv gives undefined (NaN is not a safe integer) and the decimal path decides, as it does when the guard skips the fast path
        const q = price.scale < POW10.length ? exactMulDiv(excess, price.int, POW10[price.scale]) : undefined;
        if (q !== undefined) return q;
      } else {
        const unit = POW10[excess.scale];
        const rest = excess.int % unit;
        const billed = (excess.int - rest) / unit + (rest > 0 ? 1 : 0);
        const q = exactMulDiv(price, billed, 1);
        if (q !== undefined) return q;
      }
    }
  }
  // Stryker restore BlockStatement
  const money = (a: Amount) => (typeof a === "number" ? new Money(a) : a);
  return toExcelNumber(
    storageOverage({
      usedGb: money(usedGb),
      allowanceGb: money(allowanceGb),
      category,
      pricePerGb: pricePerGb === undefined ? undefined : money(pricePerGb),
      wholeGb,
    }).charge,
  );
}
