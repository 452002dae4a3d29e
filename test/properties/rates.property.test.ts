/**
 * Each built-in card, passed as `rates` exactly as the pane writes it (with its header row, as
 * Table[#All] passes it, and without), gives exactly today's result for random arguments: the same
 * number, text or spilled table, or the same Excel error. Through the built bundle, as Excel calls
 * the functions. Names are drawn from the card's names and aliases (a given table keeps a built-in
 * row's aliases); other arguments range over valid and invalid values.
 */
import fc from "fast-check";
import { loadBundle, type LoadedBundle } from "../helpers/bundle";
import { cardGrid } from "../../src/sheets/rate-card-layout";
import { type AnyRateTable } from "../../src/rules/rates/documents";
import { STORAGE_ALLOCATION, STORAGE_RECORD_SIZES } from "../../src/rules/rates/storage";
import { SLA_CREDIT_BANDS, SLA_RESPONSE_TIMES } from "../../src/rules/rates/sla";
import { DATA_MIGRATION_SIZES, MANAGED_SERVICES_HOURS, PS_PACKAGES } from "../../src/rules/rates/professional-services";
import { STORAGE_PLANS } from "../../src/rules/storage/allowance";
import { PS_INCLUSION_ITEMS } from "../../src/rules/contract/packages";

let b: LoadedBundle;
beforeAll(() => {
  b = loadBundle();
});

/** A result as compared: an error by its code (a given table's #N/A message names "the given rates"), anything else as is. */
function outcome(v: unknown): unknown {
  if (typeof v === "object" && v !== null && "error" in v) return { error: (v as { error: string }).error };
  return v;
}

function sameAsBuiltIn(card: AnyRateTable, id: string, args: fc.Arbitrary<unknown[]>, numRuns = 300): void {
  const grid = cardGrid(card);
  const withHeader = [grid.headers, ...grid.body] as unknown[][];
  const body = grid.body as unknown[][];
  fc.assert(
    fc.property(args, (a) => {
      const today = outcome(b.call(id, ...a, null));
      expect({ id, args: a, result: outcome(b.call(id, ...a, withHeader)) }).toEqual({ id, args: a, result: today });
      expect({ id, args: a, result: outcome(b.call(id, ...a, body)) }).toEqual({ id, args: a, result: today });
    }),
    { numRuns },
  );
}

const JAN1_2025 = 45658;
const date = fc.integer({ min: 0, max: 3 * 365 }).map((d) => JAN1_2025 + d);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

test("DATASTORAGE and STORAGEWORKING: Kustomer_StorageRecordSizes", () => {
  const names = STORAGE_RECORD_SIZES.rows.flatMap((r) => [r.recordType, ...r.aliases, r.recordType.toUpperCase()]);
  const count = fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom<unknown>(-1, 1.5, "1,200", "x", null));
  const ranges = fc
    .array(fc.tuple(fc.constantFrom(...names), count), { minLength: 1, maxLength: 6 })
    .map((rows) => [rows.map(([n]) => [n]), rows.map(([, c]) => [c])]);
  sameAsBuiltIn(STORAGE_RECORD_SIZES, "DATASTORAGE", ranges);
  sameAsBuiltIn(STORAGE_RECORD_SIZES, "STORAGEWORKING", ranges, 100);
});

test("STORAGEALLOWANCE: Kustomer_StorageAllocation", () => {
  const plan = fc.constantFrom(...STORAGE_PLANS.flatMap((p) => p.names));
  const args = fc.tuple(
    plan,
    fc.constantFrom("data", "attachment", "attachments", "Data storage"),
    maybe(
      fc.oneof(
        fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100),
        fc.constant(-1),
      ),
    ),
    maybe(fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.constant(1.5))),
    maybe(fc.integer({ min: 0, max: 7 })),
  );
  sameAsBuiltIn(STORAGE_ALLOCATION, "STORAGEALLOWANCE", args);
});

test("SLACREDITPCT, SLACREDIT and SLAWORKING: Kustomer_SlaCreditBands", () => {
  // Uptimes in steps of 1e-6 from -0.01 to 1.01, the band edges among them.
  const uptime = fc.oneof(
    fc.integer({ min: -10_000, max: 1_010_000 }).map((n) => n / 1_000_000),
    fc.constantFrom(0.97, 0.99, 0.999, 1, 0),
  );
  const fee = fc.integer({ min: -100, max: 10_000_000 }).map((c) => c / 100);
  sameAsBuiltIn(SLA_CREDIT_BANDS, "SLACREDITPCT", fc.tuple(uptime));
  sameAsBuiltIn(SLA_CREDIT_BANDS, "SLACREDIT", fc.tuple(uptime, fee));
  const outage = fc.integer({ min: 0, max: 450_000 }).map((n) => n / 10);
  sameAsBuiltIn(SLA_CREDIT_BANDS, "SLAWORKING", fc.tuple(date, outage, maybe(fee)));
});

test("RESPONSEDUE: Kustomer_SlaResponseTimes", () => {
  const at = fc.tuple(date, fc.integer({ min: 0, max: 1439 })).map(([d, m]) => d + m / 1440);
  const holidays = maybe(fc.array(date, { maxLength: 5 }).map((ds) => ds.map((d) => [d])));
  sameAsBuiltIn(SLA_RESPONSE_TIMES, "RESPONSEDUE", fc.tuple(fc.constantFrom("Severe", "High", "Medium", "medium", " HIGH "), at, holidays));
});

test("PSKICKOFFDEADLINE, PSEXPIRY and PSINCLUSION: Kustomer_PsPackages", () => {
  const pkg = fc.constantFrom(...PS_PACKAGES.rows.flatMap((r) => [r.name, ...r.aliases]));
  sameAsBuiltIn(PS_PACKAGES, "PSKICKOFFDEADLINE", fc.tuple(pkg, date));
  sameAsBuiltIn(PS_PACKAGES, "PSEXPIRY", fc.tuple(pkg, fc.oneof(date, fc.constant(2958400))));
  sameAsBuiltIn(PS_PACKAGES, "PSINCLUSION", fc.tuple(pkg, fc.constantFrom(...PS_INCLUSION_ITEMS.flatMap((i) => i.names))));
});

test("MANAGEDHOURS: Kustomer_ManagedServicesHours", () => {
  const args = fc.tuple(
    fc.constantFrom("Essential", "Basic", "Standard", "standard"),
    fc.constantFrom(null, "Managed Services", "AI Managed Services", "MS", "AI", "AI MS"),
  );
  sameAsBuiltIn(MANAGED_SERVICES_HOURS, "MANAGEDHOURS", args, 100);
});

test("MIGRATIONSIZE: Kustomer_DataMigrationSizes", () => {
  const records = fc.oneof(fc.integer({ min: -5, max: 600_000 }), fc.constantFrom(50_000, 50_001, 250_000, 250_001, 500_000, 500_001, 1.5));
  sameAsBuiltIn(DATA_MIGRATION_SIZES, "MIGRATIONSIZE", fc.tuple(records));
});
