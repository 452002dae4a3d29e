/**
 * The formula that passes a loaded rate card to the functions that read it, as the task pane shows
 * it after a load: the table with its header row (`Table[#All]`) as the last argument, `rates`.
 * Pure: the pane knows the table's name (the card's id, or `_2` when loaded beside).
 */

/** Per card: the functions that take its table as `rates`, and an example formula ({table} is the table's name). */
export const RATES_FUNCTIONS: Readonly<Record<string, { readonly functions: readonly string[]; readonly formula: string }>> = Object.freeze(
  {
    Kustomer_StorageRecordSizes: {
      functions: ["DATASTORAGE", "STORAGEWORKING"],
      formula: "=KUSTOMER.DATASTORAGE(A2:A10, B2:B10, {table}[#All])",
    },
    Kustomer_StorageAllocation: {
      functions: ["STORAGEALLOWANCE"],
      formula: '=KUSTOMER.STORAGEALLOWANCE("Ultimate","data",,B2,,{table}[#All])',
    },
    Kustomer_SlaCreditBands: {
      functions: ["SLACREDITPCT", "SLACREDIT", "SLAWORKING"],
      formula: "=KUSTOMER.SLACREDIT(B2, C2, {table}[#All])",
    },
    Kustomer_SlaResponseTimes: { functions: ["RESPONSEDUE"], formula: '=KUSTOMER.RESPONSEDUE("Severe", B2, , {table}[#All])' },
    Kustomer_PsPackages: {
      functions: ["PSKICKOFFDEADLINE", "PSEXPIRY", "PSINCLUSION"],
      formula: '=KUSTOMER.PSEXPIRY("Implementation - Standard", B2, {table}[#All])',
    },
    Kustomer_ManagedServicesHours: { functions: ["MANAGEDHOURS"], formula: '=KUSTOMER.MANAGEDHOURS("Standard", , {table}[#All])' },
    Kustomer_DataMigrationSizes: { functions: ["MIGRATIONSIZE"], formula: "=KUSTOMER.MIGRATIONSIZE(B2, {table}[#All])" },
  },
);

/**
 * The formula snippet that passes the table `tableName` (a card loaded as `cardId`) to its
 * functions, e.g. `=KUSTOMER.STORAGEALLOWANCE("Ultimate","data",,B2,,Kustomer_StorageAllocation_2[#All])`;
 * null for a card no function reads as `rates`.
 */
export function ratesSnippet(cardId: string, tableName: string = cardId): string | null {
  const f = RATES_FUNCTIONS[cardId];
  return f ? f.formula.replace("{table}", tableName) : null;
}
