/**
 * Professional-services packages (ps-terms). Durations follow domain.md's decision: "within N
 * days / weeks of X" ends on X + N days (X + 7N for weeks), that day included.
 */
import { rateTable } from "./documents";

export interface PsPackageRow {
  /** The name a user types (case-insensitive); data migration sizes are separate packages. */
  readonly name: string;
  readonly aliases: readonly string[];
  /** The Kick-Off must be held within this many days of `kickoffFrom`. */
  readonly kickoffWithinDays: number;
  readonly kickoffFrom: string;
  /** All activities are completed within this many days of the Kick-Off. */
  readonly durationDays: number;
  /** The duration as the terms state it ("8 weeks"). */
  readonly durationStated: string;
  readonly inclusions: string;
}

export const PS_PACKAGES = rateTable<PsPackageRow>({
  id: "Kustomer_PsPackages",
  title: "Professional-services packages",
  source: "ps-terms",
  section: "Package descriptions",
  columns: [
    { key: "name", header: "Package", format: "text" },
    { key: "kickoffWithinDays", header: "Kick-off within (days)", format: "days" },
    { key: "kickoffFrom", header: "Kick-off counted from", format: "text" },
    { key: "durationDays", header: "Completed within (days of kick-off)", format: "days" },
    { key: "durationStated", header: "Duration as stated", format: "text" },
    { key: "inclusions", header: "Included", format: "text" },
  ],
  rows: [
    {
      name: "Onboarding - Self-Paced",
      aliases: ["Self-Paced Onboarding", "Onboarding Self-Paced"],
      kickoffWithinDays: 30,
      kickoffFrom: "Subscription Start",
      durationDays: 30,
      durationStated: "30 calendar days",
      inclusions: "Up to 4 one-hour sessions and an intro call",
    },
    {
      name: "Onboarding Essentials",
      aliases: ["Onboarding - Essentials"],
      kickoffWithinDays: 30,
      kickoffFrom: "Subscription Start",
      durationDays: 30,
      durationStated: "30 calendar days",
      inclusions: "Up to 6 one-hour sessions and an intro call",
    },
    {
      name: "Implementation - Basic",
      aliases: ["Basic Implementation"],
      kickoffWithinDays: 30,
      kickoffFrom: "Subscription Start",
      durationDays: 56,
      durationStated: "8 weeks",
      inclusions: "8 hours of collaborative configuration, 1 hour of admin training, 2 weekly post-go-live checkpoints",
    },
    {
      name: "Implementation - Standard",
      aliases: ["Standard Implementation"],
      kickoffWithinDays: 30,
      kickoffFrom: "Subscription Start",
      durationDays: 84,
      durationStated: "12 weeks",
      inclusions: "16 hours of collaborative configuration, 2 hours of user and 2 hours of admin training, 2 weekly checkpoints",
    },
    {
      name: "Optimization Assessment",
      aliases: [],
      kickoffWithinDays: 30,
      kickoffFrom: "service start",
      durationDays: 28,
      durationStated: "4 weeks",
      inclusions: "Kick-off, 3 one-hour discovery sessions, readout",
    },
    {
      name: "Data Migration - Small",
      aliases: ["Data Migration Small"],
      kickoffWithinDays: 30,
      kickoffFrom: "Subscription Start",
      durationDays: 42,
      durationStated: "6 weeks",
      inclusions: "Up to 50,000 conversation records",
    },
    {
      name: "Data Migration - Medium",
      aliases: ["Data Migration Medium"],
      kickoffWithinDays: 30,
      kickoffFrom: "Subscription Start",
      durationDays: 56,
      durationStated: "8 weeks",
      inclusions: "50,001 to 250,000 conversation records",
    },
    {
      name: "Data Migration - Large",
      aliases: ["Data Migration Large"],
      kickoffWithinDays: 30,
      kickoffFrom: "Subscription Start",
      durationDays: 70,
      durationStated: "10 weeks",
      inclusions: "250,001 to 500,000 conversation records",
    },
    {
      name: "Data Migration - Zendesk",
      aliases: ["Zendesk Data Migration", "Data Migration Zendesk"],
      kickoffWithinDays: 30,
      kickoffFrom: "Subscription Start",
      durationDays: 28,
      durationStated: "4 weeks",
      inclusions: "Up to 500,000 records",
    },
    {
      name: "Implementation - AI Basic",
      aliases: ["AI Basic Implementation"],
      kickoffWithinDays: 90,
      kickoffFrom: "Subscription Start of the AI products",
      durationDays: 45,
      durationStated: "45 days",
      inclusions: "1 AI team, up to 3 sub-agents, 2 post-launch checkpoints",
    },
    {
      name: "Implementation - AI Advanced",
      aliases: ["AI Advanced Implementation"],
      kickoffWithinDays: 90,
      kickoffFrom: "Subscription Start of the AI products",
      durationDays: 56,
      durationStated: "8 weeks",
      inclusions: "1 AI team, up to 5 sub-agents",
    },
  ],
});

export interface ManagedServicesRow {
  readonly service: "Managed Services" | "AI Managed Services";
  readonly level: string;
  readonly hoursPerMonth: number;
}

export const MANAGED_SERVICES_HOURS = rateTable<ManagedServicesRow>({
  id: "Kustomer_ManagedServicesHours",
  title: "Managed services hours per month",
  source: "ps-terms",
  section: "Managed Services",
  columns: [
    { key: "service", header: "Service", format: "text" },
    { key: "level", header: "Level", format: "text" },
    { key: "hoursPerMonth", header: "Hours per month", format: "hours" },
  ],
  rows: [
    { service: "Managed Services", level: "Essential", hoursPerMonth: 8 },
    { service: "Managed Services", level: "Basic", hoursPerMonth: 16 },
    { service: "Managed Services", level: "Standard", hoursPerMonth: 40 },
    { service: "AI Managed Services", level: "Basic", hoursPerMonth: 16 },
    { service: "AI Managed Services", level: "Standard", hoursPerMonth: 40 },
  ],
});

export interface MigrationSizeRow {
  readonly size: "Small" | "Medium" | "Large";
  readonly minRecords: number;
  readonly maxRecords: number;
  readonly durationWeeks: number;
}

export const DATA_MIGRATION_SIZES = rateTable<MigrationSizeRow>({
  id: "Kustomer_DataMigrationSizes",
  title: "Data migration sizes",
  source: "ps-terms",
  section: "Data Migration",
  columns: [
    { key: "size", header: "Size", format: "text" },
    { key: "minRecords", header: "From (conversation records)", format: "count" },
    { key: "maxRecords", header: "To (conversation records)", format: "count" },
    { key: "durationWeeks", header: "Duration (weeks)", format: "weeks" },
  ],
  rows: [
    { size: "Small", minRecords: 0, maxRecords: 50000, durationWeeks: 6 },
    { size: "Medium", minRecords: 50001, maxRecords: 250000, durationWeeks: 8 },
    { size: "Large", minRecords: 250001, maxRecords: 500000, durationWeeks: 10 },
  ],
});
