/**
 * Storage rates (billing-help: "Kustomer platform storage limits and pricing"; usage-terms F).
 * Units are decimal: 1 KB = 1000 bytes, 1 MB = 1000 KB, 1 GB = 1000 MB.
 */
import { type DecimalText, rateTable } from "./documents";

export interface RecordSizeRow {
  readonly recordType: string;
  /**
   * Other names a user may type for the same type (case-insensitive; spaces around "/" and "-"
   * do not matter): the document's own variants and plurals.
   */
  readonly aliases: readonly string[];
  readonly sizeKb: DecimalText;
}

export const STORAGE_RECORD_SIZES = rateTable<RecordSizeRow>({
  id: "Kustomer_StorageRecordSizes",
  title: "Data storage size per record",
  source: "billing-help",
  section: "Storage categories: Data storage",
  columns: [
    { key: "recordType", header: "Record type", format: "text" },
    { key: "sizeKb", header: "Size (KB)", format: "kb" },
  ],
  rows: [
    { recordType: "Company", aliases: ["Companies"], sizeKb: "0.1" },
    { recordType: "Customer", aliases: ["Customers"], sizeKb: "0.1" },
    { recordType: "Conversation", aliases: ["Conversations"], sizeKb: "0.5" },
    { recordType: "Message", aliases: ["Messages"], sizeKb: "0.2" },
    { recordType: "Attachment", aliases: ["Attachments", "Attachment record", "Attachment records"], sizeKb: "0.1" },
    {
      recordType: "Event / Audit Log",
      aliases: ["Event", "Events", "Audit Log", "Audit Logs", "Event/Audit Log", "Events / Audit Logs"],
      sizeKb: "0.07",
    },
    { recordType: "Note", aliases: ["Notes"], sizeKb: "0.2" },
    { recordType: "KObject", aliases: ["KObjects", "Custom object", "Custom objects", "KObject (custom object)"], sizeKb: "0.5" },
    {
      recordType: "Custom attribute",
      aliases: ["Custom attributes", "Custom attribute string", "Custom attribute strings"],
      sizeKb: "0.05",
    },
  ],
});

export type StoragePlan = "Professional" | "Business" | "Enterprise" | "Ultimate";

export interface AllocationRow {
  readonly plan: StoragePlan;
  /** The plan's name in the document. */
  readonly label: string;
  readonly defaultDataGb: DecimalText;
  readonly defaultAttachmentGb: DecimalText;
  readonly perUserDataGb: DecimalText;
  readonly perUserAttachmentGb: DecimalText;
  /** Per 1,000 committed conversations; null where the document says n/a. */
  readonly per1kConversationsDataGb: DecimalText | null;
  readonly per1kConversationsAttachmentGb: DecimalText | null;
}

export const STORAGE_ALLOCATION = rateTable<AllocationRow>({
  id: "Kustomer_StorageAllocation",
  title: "Storage allocation by plan",
  source: "billing-help",
  section: "Storage limits: Default storage allocation per organization",
  columns: [
    { key: "label", header: "Plan", format: "text" },
    { key: "defaultDataGb", header: "Default data (GB)", format: "gb" },
    { key: "defaultAttachmentGb", header: "Default attachments (GB)", format: "gb" },
    { key: "perUserDataGb", header: "Data per full-time user (GB)", format: "gb" },
    { key: "perUserAttachmentGb", header: "Attachments per full-time user (GB)", format: "gb" },
    { key: "per1kConversationsDataGb", header: "Data per 1k committed conversations (GB)", format: "gb" },
    { key: "per1kConversationsAttachmentGb", header: "Attachments per 1k committed conversations (GB)", format: "gb" },
  ],
  rows: [
    // 125 MB = 0.125 GB; 1.25 GB.
    {
      plan: "Professional",
      label: "Professional (legacy)",
      defaultDataGb: "2.5",
      defaultAttachmentGb: "5",
      perUserDataGb: "0.125",
      perUserAttachmentGb: "1.25",
      per1kConversationsDataGb: null,
      per1kConversationsAttachmentGb: null,
    },
    {
      plan: "Business",
      label: "Business (legacy)",
      defaultDataGb: "5",
      defaultAttachmentGb: "10",
      perUserDataGb: "0.25",
      perUserAttachmentGb: "2.5",
      per1kConversationsDataGb: null,
      per1kConversationsAttachmentGb: null,
    },
    // 500 MB = 0.5 GB; 150 MB = 0.15 GB.
    {
      plan: "Enterprise",
      label: "Enterprise",
      defaultDataGb: "10",
      defaultAttachmentGb: "20",
      perUserDataGb: "0.5",
      perUserAttachmentGb: "5",
      per1kConversationsDataGb: "0.15",
      per1kConversationsAttachmentGb: "3",
    },
    // 300 MB = 0.3 GB.
    {
      plan: "Ultimate",
      label: "Ultimate",
      defaultDataGb: "20",
      defaultAttachmentGb: "40",
      perUserDataGb: "1",
      perUserAttachmentGb: "10",
      per1kConversationsDataGb: "0.3",
      per1kConversationsAttachmentGb: "4",
    },
  ],
});

export type StorageCategory = "data" | "attachment";

export interface StoragePriceRow {
  readonly category: StorageCategory;
  readonly label: string;
  readonly pricePerGb: DecimalText;
}

export const STORAGE_PRICES = rateTable<StoragePriceRow>({
  id: "Kustomer_StoragePrices",
  title: "Additional storage prices",
  source: "billing-help",
  section: "Purchase additional data and attachment storage",
  columns: [
    { key: "label", header: "Storage", format: "text" },
    { key: "pricePerGb", header: "Price per GB (USD)", format: "usd" },
  ],
  rows: [
    { category: "data", label: "Data storage", pricePerGb: "50" },
    { category: "attachment", label: "Attachment storage", pricePerGb: "1" },
  ],
  names: [
    { name: "Kustomer_DataPricePerGB", row: 0, key: "pricePerGb", description: "Price of one additional GB of data storage (USD)" },
    {
      name: "Kustomer_AttachmentPricePerGB",
      row: 1,
      key: "pricePerGb",
      description: "Price of one additional GB of attachment storage (USD)",
    },
  ],
});

// rateTable freezes the rows; their alias lists are frozen here so no name can change at run time either.
for (const row of STORAGE_RECORD_SIZES.rows) Object.freeze(row.aliases);
