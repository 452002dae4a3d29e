/**
 * Excel adapters for storage (rules: src/rules/storage/). Each function only converts Excel's
 * arguments, calls the rule and converts the result.
 */
import { isBlank, toBoolean, toChoice, toNumber, toRange } from "../rules/core/args";
import { Money, toExcelNumber, toMoney } from "../rules/core/money";
import { attachmentStorage } from "../rules/storage/attachments";
import { dataStorageGb, dataStorageNumbers } from "../rules/storage/data";
import { allocationPlan, STORAGE_CATEGORIES, storageAllowanceToNumber } from "../rules/storage/allowance";
import { allocationTableOf, recordSizesOf } from "./rates";
import { storageOverageToNumber } from "../rules/storage/overage";
import { countToExcel, toGb } from "../rules/storage/units";
import { excel } from "./excel";

/**
 * A Kustomer platform plan (storage allocation table).
 * @customenum {string}
 */
enum StoragePlan {
  /** Professional (legacy plan): seat-based allocation only */
  Professional = "Professional",
  /** Business (legacy plan): seat-based allocation only */
  Business = "Business",
  /** Enterprise: per full-time user or per 1k committed conversations */
  Enterprise = "Enterprise",
  /** Ultimate: per full-time user or per 1k committed conversations */
  Ultimate = "Ultimate",
}

/**
 * A storage category: data (records) or attachments (files).
 * @customenum {string}
 */
enum StorageCategory {
  /** Data storage: records of standard and custom objects */
  Data = "data",
  /** Attachment storage: files attached to objects, email attachments */
  Attachment = "attachment",
}

const toCategory = (v: unknown) => toChoice(v, "category", STORAGE_CATEGORIES);

/**
 * Data storage in GB (1 GB = 10^9 bytes): the sum of count x size per record (Company 0.1 KB, Event / Audit Log 0.07 KB, ...). Rows with both cells blank are skipped.
 * @customfunction DATASTORAGE
 * @helpurl https://localhost:3000/help.html#DATASTORAGE
 * @param record_types Range of record types: Company, Customer, Conversation, Message, Attachment, Event / Audit Log (or Event, Audit Log), Note, KObject, Custom attribute.
 * @param counts Range of record counts, the same shape as record_types: whole numbers, 0 or more.
 * @param [rates] An Order's record sizes: the table Kustomer_StorageRecordSizes as the pane loads it (Kustomer_StorageRecordSizes[#All], or the range with or without its header row). Omitted: the built-in sizes.
 * @returns The data storage in GB, exact (3 events are 0.00000021 GB).
 */
export function dataStorageFn(record_types: any[][], counts: any[][], rates?: any[][]): number {
  return excel("DATASTORAGE", () => toExcelNumber(dataStorageGb(toRange(record_types), toRange(counts), recordSizesOf(rates))));
}

/**
 * Attachment storage in GB (1 GB = 10^9 bytes): each file's size rounded up to a whole KB (1000 bytes), then summed. Blank cells are skipped.
 * @customfunction ATTACHMENTSTORAGE
 * @helpurl https://localhost:3000/help.html#ATTACHMENTSTORAGE
 * @param file_sizes_bytes Range of file sizes in bytes (whole numbers, 0 or more), any shape.
 * @returns The attachment storage in GB, exact.
 */
export function attachmentStorageFn(file_sizes_bytes: any[][]): number {
  return excel("ATTACHMENTSTORAGE", () => toExcelNumber(attachmentStorage(toRange(file_sizes_bytes)).gb));
}

/**
 * Storage allocation in GB per organization: the plan's default + the per-full-time-user or per-1k-committed-conversations amount, split equally across organizations. Neither given: the default alone.
 * @customfunction STORAGEALLOWANCE
 * @helpurl https://localhost:3000/help.html#STORAGEALLOWANCE
 * @param plan Plan: Professional, Business, Enterprise or Ultimate ("(legacy)" may follow Professional or Business).
 * @param category Storage category: "data" or "attachment".
 * @param [full_time_users] Full-time users (seat-based plans) at the end of the month; may be a fractional average. Not with committed_conversations.
 * @param [committed_conversations] Committed conversations (conversation-based plans, Enterprise and Ultimate), scaled linearly per 1,000. Not with full_time_users.
 * @param [organizations] Organizations sharing the account's allocation equally: a whole number, 1 (default) or more.
 * @param [rates] An Order's allocations: the table Kustomer_StorageAllocation as the pane loads it (Kustomer_StorageAllocation[#All], or the range with or without its header row). Omitted: the built-in allocations.
 * @returns The allocation of one organization in GB, exact.
 */
export function storageAllowanceFn(
  plan: StoragePlan,
  category: StorageCategory,
  full_time_users?: any,
  committed_conversations?: any,
  organizations?: any,
  rates?: any[][],
): number {
  return excel("STORAGEALLOWANCE", () =>
    storageAllowanceToNumber({
      plan: allocationPlan(plan, allocationTableOf(rates)),
      category: toCategory(category),
      fullTimeUsers: isBlank(full_time_users) ? undefined : toMoney(full_time_users, "full_time_users"),
      committedConversations: isBlank(committed_conversations) ? undefined : toNumber(committed_conversations, "committed_conversations"),
      organizations: toNumber(organizations, "organizations", { default: 1 }),
    }),
  );
}

/**
 * Monthly storage overage charge: the GB used over the allowance x the price per GB ($50 data, $1 attachments). The excess is rounded up to whole GB; whole_gb FALSE bills the exact excess.
 * @customfunction STORAGEOVERAGE
 * @helpurl https://localhost:3000/help.html#STORAGEOVERAGE
 * @param used_gb Storage used in the month, in GB (0 or more); text with a unit is read as the rate tables read it ("45.3 GB", "500 MB").
 * @param allowance_gb Storage allocated plus any purchased, in GB (0 or more), e.g. from STORAGEALLOWANCE; text with a unit as for used_gb.
 * @param category Storage category: "data" or "attachment"; sets the default price.
 * @param [price_per_gb] Price of one additional GB from the Order; default $50 (data) or $1 (attachment).
 * @param [whole_gb] TRUE (default): bill the excess rounded up to whole GB; FALSE: bill the exact fractional excess.
 * @returns The charge in money, unrounded; 0 when there is no excess.
 */
export function storageOverageFn(used_gb: any, allowance_gb: any, category: StorageCategory, price_per_gb?: any, whole_gb?: any): number {
  return excel("STORAGEOVERAGE", () =>
    storageOverageToNumber(
      toGb(used_gb, "used_gb", "a number of GB"),
      toGb(allowance_gb, "allowance_gb", "a number of GB"),
      toCategory(category),
      isBlank(price_per_gb) ? undefined : toMoney(price_per_gb, "price_per_gb"),
      toBoolean(whole_gb, "whole_gb", true),
    ),
  );
}

/**
 * Shows the working of DATASTORAGE, for auditors: spills a header, one row per record type (type, count, size per record in KB, GB) and a total row.
 * @customfunction STORAGEWORKING
 * @helpurl https://localhost:3000/help.html#STORAGEWORKING
 * @param record_types Range of record types, as for DATASTORAGE (a type listed on several rows, or as Event and Audit Log, is one row).
 * @param counts Range of record counts, the same shape as record_types: whole numbers, 0 or more.
 * @param [rates] An Order's record sizes: the table Kustomer_StorageRecordSizes (with or without its header row), as for DATASTORAGE. Omitted: the built-in sizes.
 * @returns A table: header, one row per record type in order of first appearance, and a Total row.
 */
export function storageWorkingFn(record_types: any[][], counts: any[][], rates?: any[][]): any[][] {
  return excel("STORAGEWORKING", (): (string | number)[][] => {
    const d = dataStorageNumbers(toRange(record_types), toRange(counts), recordSizesOf(rates));
    return [
      ["Record type", "Count", "Size per record (KB)", "GB"],
      ...d.lines.map((l) => [l.recordType, countToExcel(l.count), toExcelNumber(new Money(l.sizeKb)), l.gb]),
      ["Total", countToExcel(d.totalCount), "", d.gb],
    ];
  });
}
