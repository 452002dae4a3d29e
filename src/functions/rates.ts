/**
 * The `rates` argument of the functions that take one: a range holding an Order's own rate card,
 * read here, in the adapters, like any other argument is coerced. The range is read and checked
 * by src/tables (`givenRatesReader`: the Order import's checks, cached by the range's content),
 * and the rule family's `compile…` turns its rows into the table the rule computes on. Omitted
 * (blank, or Excel's Invocation object in its place), it is the built-in card the rule holds.
 */
import { isBlank } from "../rules/core/args";
import type { GivenRows } from "../rules/rates/given";
import { MANAGED_SERVICES_HOURS, PS_PACKAGES, DATA_MIGRATION_SIZES } from "../rules/rates/professional-services";
import { SLA_CREDIT_BANDS, SLA_RESPONSE_TIMES } from "../rules/rates/sla";
import { STORAGE_ALLOCATION, STORAGE_RECORD_SIZES } from "../rules/rates/storage";
import type { AnyRateTable } from "../rules/rates/documents";
import { compileManagedHours, type ManagedHoursTable } from "../rules/contract/managed";
import { BUILT_IN_MIGRATION_SIZES, compileSizes, type MigrationSizes } from "../rules/contract/migration";
import { compilePackages, type PsPackages } from "../rules/contract/packages";
import { compileResponseTimes, type ResponseTimes } from "../rules/sla/response";
import { BUILT_IN_CREDIT_BANDS, compileCreditBands, type CreditBands } from "../rules/sla/uptime";
import { type AllocationTable, BUILT_IN_ALLOCATION, compileAllocation } from "../rules/storage/allowance";
import { BUILT_IN_RECORD_SIZES, compileRecordSizes, type RecordSizes } from "../rules/storage/data";
import { givenRatesReader } from "../tables/given";

/**
 * A reader of one card's `rates` argument: `builtIn` when it is omitted, else the range read as
 * `card` and compiled by the rule (once per distinct table; a table the rule cannot use is #VALUE!).
 */
function ratesArgument<T>(card: AnyRateTable, compile: (given: GivenRows) => T, builtIn: T): (rates: unknown, arg?: string) => T {
  const read = givenRatesReader(card, compile);
  return (rates, arg = "rates") => (isBlank(rates) ? builtIn : read(rates, arg));
}

/** Storage allocations (Kustomer_StorageAllocation). */
export const allocationTableOf = ratesArgument<AllocationTable>(STORAGE_ALLOCATION, compileAllocation, BUILT_IN_ALLOCATION);
/** Storage record sizes (Kustomer_StorageRecordSizes). */
export const recordSizesOf = ratesArgument<RecordSizes>(STORAGE_RECORD_SIZES, compileRecordSizes, BUILT_IN_RECORD_SIZES);
/** SLA credit bands (Kustomer_SlaCreditBands). */
export const creditBandsOf = ratesArgument<CreditBands>(SLA_CREDIT_BANDS, compileCreditBands, BUILT_IN_CREDIT_BANDS);
/** SLA response times (Kustomer_SlaResponseTimes); null for the built-in card. */
export const responseTimesOf = ratesArgument<ResponseTimes>(SLA_RESPONSE_TIMES, compileResponseTimes, null);
/** Professional-services packages (Kustomer_PsPackages); null for the built-in card. */
export const psPackagesOf = ratesArgument<PsPackages>(PS_PACKAGES, compilePackages, null);
/** Managed-services hours (Kustomer_ManagedServicesHours); null for the built-in card. */
export const managedHoursOf = ratesArgument<ManagedHoursTable | null>(MANAGED_SERVICES_HOURS, compileManagedHours, null);
/** Data migration sizes (Kustomer_DataMigrationSizes). */
export const migrationSizesOf = ratesArgument<MigrationSizes>(DATA_MIGRATION_SIZES, compileSizes, BUILT_IN_MIGRATION_SIZES);
