/**
 * Professional-services packages (ps-terms). Durations follow the decision in docs/terms.md: "within N
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
  /*
   * The inclusions the terms count, one number each. null: the terms state no number of this
   * kind for the package (it is not part of the package, or the terms give no count), which the
   * lookups report as #N/A rather than as a made-up 0.
   */
  /** One-hour sessions: consultative sessions (onboarding) or discovery sessions (Optimization Assessment). */
  readonly sessions: number | null;
  /** Initial introductory calls. */
  readonly introCalls: number | null;
  /** Hours of Collaborative Configuration. */
  readonly configurationHours: number | null;
  /** Hours of Web User Training. */
  readonly userTrainingHours: number | null;
  /** Hours of Web Admin Training. */
  readonly adminTrainingHours: number | null;
  /** Post-go-live (or post-launch) checkpoint calls. */
  readonly checkpoints: number | null;
  /** AI Teams configured. */
  readonly aiTeams: number | null;
  /** AI Sub-Agents in the AI Team, at most. */
  readonly subAgents: number | null;
  /** Targeted use cases. */
  readonly useCases: number | null;
  /** Conversation records migrated, at most. */
  readonly maxRecords: number | null;
}

/** Every counted inclusion unstated: each row names only what its package includes. */
const none = {
  sessions: null,
  introCalls: null,
  configurationHours: null,
  userTrainingHours: null,
  adminTrainingHours: null,
  checkpoints: null,
  aiTeams: null,
  subAgents: null,
  useCases: null,
  maxRecords: null,
} as const;

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
    { key: "sessions", header: "One-hour sessions", format: "count" },
    { key: "introCalls", header: "Intro calls", format: "count" },
    { key: "configurationHours", header: "Collaborative configuration (hours)", format: "hours" },
    { key: "userTrainingHours", header: "User training (hours)", format: "hours" },
    { key: "adminTrainingHours", header: "Admin training (hours)", format: "hours" },
    { key: "checkpoints", header: "Post-go-live checkpoints", format: "count" },
    { key: "aiTeams", header: "AI teams", format: "count" },
    { key: "subAgents", header: "AI sub-agents (up to)", format: "count" },
    { key: "useCases", header: "Use cases", format: "count" },
    { key: "maxRecords", header: "Conversation records (up to)", format: "count" },
  ],
  rows: [
    {
      // §2: Kick-Off within 30 days of the Subscription Start Date; completed within 30 calendar
      // days of Kick-Off; up to four one-hour consultative sessions and an initial introductory call.
      name: "Onboarding - Self-Paced",
      aliases: ["Self-Paced Onboarding", "Self-Paced", "Self-Paced Package"],
      kickoffWithinDays: 30,
      kickoffFrom: "Subscription Start",
      durationDays: 30,
      durationStated: "30 calendar days",
      inclusions: "Up to 4 one-hour consultative sessions and an initial introductory call (advisory only, no hands-on configuration)",
      ...none,
      sessions: 4,
      introCalls: 1,
    },
    {
      // §3: as §2 with up to six sessions, plus advisory architectural guidance.
      name: "Onboarding Essentials",
      aliases: ["Essentials Onboarding", "Essentials", "Essential Package", "Onboarding Essential"],
      kickoffWithinDays: 30,
      kickoffFrom: "Subscription Start",
      durationDays: 30,
      durationStated: "30 calendar days",
      inclusions:
        "Up to 6 one-hour consultative sessions and an initial introductory call (advisory only, no hands-on configuration); advisory architectural guidance",
      ...none,
      sessions: 6,
      introCalls: 1,
    },
    {
      // §4: 8 weeks; up to eight hours of Collaborative Configuration; Web Admin Training (1 hour);
      // one checkpoint call a week for the first two weeks after Go-Live.
      name: "Implementation - Basic",
      aliases: ["Basic Implementation"],
      kickoffWithinDays: 30,
      kickoffFrom: "Subscription Start",
      durationDays: 56,
      durationStated: "8 weeks",
      inclusions:
        "Project management, discovery and design, up to 8 hours of collaborative configuration, 1 hour of web admin training, 2 weekly post-go-live checkpoint calls",
      ...none,
      configurationHours: 8,
      adminTrainingHours: 1,
      checkpoints: 2,
    },
    {
      // §5: 12 weeks; up to sixteen hours of Collaborative Configuration; Web User Training
      // (2 hours) and Web Admin Training (2 hours); two weekly post-go-live checkpoint calls.
      name: "Implementation - Standard",
      aliases: ["Standard Implementation"],
      kickoffWithinDays: 30,
      kickoffFrom: "Subscription Start",
      durationDays: 84,
      durationStated: "12 weeks",
      inclusions:
        "Project management, discovery and design, up to 16 hours of collaborative configuration, platform architecture guidance, 2 hours of web user and 2 hours of web admin training, 2 weekly post-go-live checkpoint calls",
      ...none,
      configurationHours: 16,
      userTrainingHours: 2,
      adminTrainingHours: 2,
      checkpoints: 2,
    },
    {
      // §6: Kick-Off within 30 days of the *service* start date; 4 weeks; a Kick-Off session,
      // three one-hour remote Discovery sessions, a configuration review, a readout.
      name: "Optimization Assessment",
      aliases: ["Optimisation Assessment"],
      kickoffWithinDays: 30,
      kickoffFrom: "service start",
      durationDays: 28,
      durationStated: "4 weeks",
      inclusions:
        "Kick-off session, 3 one-hour discovery sessions, configuration and feature usage review, readout assessment and presentation",
      ...none,
      sessions: 3,
    },
    {
      // §7: sizes by conversation records; Small 6 weeks, Medium 8, Large 10.
      name: "Data Migration - Small",
      aliases: ["Small Data Migration"],
      kickoffWithinDays: 30,
      kickoffFrom: "Subscription Start",
      durationDays: 42,
      durationStated: "6 weeks",
      inclusions: "Up to 50,000 conversation records from a single source system",
      ...none,
      maxRecords: 50000,
    },
    {
      name: "Data Migration - Medium",
      aliases: ["Medium Data Migration"],
      kickoffWithinDays: 30,
      kickoffFrom: "Subscription Start",
      durationDays: 56,
      durationStated: "8 weeks",
      inclusions: "50,001 to 250,000 conversation records from a single source system",
      ...none,
      maxRecords: 250000,
    },
    {
      name: "Data Migration - Large",
      aliases: ["Large Data Migration"],
      kickoffWithinDays: 30,
      kickoffFrom: "Subscription Start",
      durationDays: 70,
      durationStated: "10 weeks",
      inclusions: "250,001 to 500,000 conversation records from a single source system",
      ...none,
      maxRecords: 500000,
    },
    {
      // §8: a single Zendesk instance, up to 500,000 records; 4 weeks of Kick-Off.
      name: "Data Migration - Zendesk",
      aliases: ["Zendesk Data Migration"],
      kickoffWithinDays: 30,
      kickoffFrom: "Subscription Start",
      durationDays: 28,
      durationStated: "4 weeks",
      inclusions: "Up to 500,000 conversation records from a single Zendesk instance",
      ...none,
      maxRecords: 500000,
    },
    {
      // §9: Kick-Off within 90 days of the Subscription Start Date of the AI products; 45 days;
      // one AI Team with up to three AI Sub-Agents; two post-launch checkpoint calls.
      name: "Implementation - AI Basic",
      aliases: ["AI Basic Implementation", "AI Basic"],
      kickoffWithinDays: 90,
      kickoffFrom: "Subscription Start of the AI products",
      durationDays: 45,
      durationStated: "45 days",
      inclusions:
        "1 AI team with up to 3 AI sub-agents, collaborative configuration of AI setup and tuning, 2 post-launch checkpoint calls",
      ...none,
      checkpoints: 2,
      aiTeams: 1,
      subAgents: 3,
    },
    {
      // §10: 90 days / 8 weeks; one AI Team with up to five sub-agents; one targeted use case.
      name: "Implementation - AI Advanced",
      aliases: ["AI Advanced Implementation", "AI Advanced"],
      kickoffWithinDays: 90,
      kickoffFrom: "Subscription Start of the AI products",
      durationDays: 56,
      durationStated: "8 weeks",
      inclusions: "1 AI team with up to 5 AI sub-agents, 1 targeted use case, configuration and development with a consultant or developer",
      ...none,
      aiTeams: 1,
      subAgents: 5,
      useCases: 1,
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
  bands: { kind: "whole", from: "minRecords", to: "maxRecords" },
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

export interface PsLimitRow {
  readonly key: "completionNoticeBusinessDays" | "readoutClarificationBusinessDays" | "csvMaxRowsPerFile" | "csvMaxCustomAttributes";
  readonly term: string;
  readonly value: number;
  readonly unit: string;
  readonly section: string;
}

/**
 * The other numbers of the terms: acceptance periods (§1 Completion Notice, §6 readout) and the
 * CSV import limits (Appendix A). Not (yet) one of the pane's RATE_CARDS: the functions read it.
 */
export const PS_LIMITS = rateTable<PsLimitRow>({
  id: "Kustomer_PsLimits",
  title: "Professional-services acceptance periods and import limits",
  source: "ps-terms",
  section: "Standard PS Terms; Optimization Assessment; Appendix A: CSV Import",
  columns: [
    { key: "term", header: "Term", format: "text" },
    { key: "value", header: "Value", format: "count" },
    { key: "unit", header: "Unit", format: "text" },
    { key: "section", header: "Section", format: "text" },
  ],
  rows: [
    {
      key: "completionNoticeBusinessDays",
      term: "Time to report outstanding services after a Completion Notice",
      value: 5,
      unit: "business days",
      section: "1. Standard PS Terms: Completion Notice",
    },
    {
      key: "readoutClarificationBusinessDays",
      term: "Time to request clarifications after the readout is delivered",
      value: 5,
      unit: "business days",
      section: "6. Optimization Assessment: Deliverables",
    },
    {
      key: "csvMaxRowsPerFile",
      term: "Rows per CSV import file, at most",
      value: 50000,
      unit: "rows",
      section: "Appendix A: CSV Row Limitations",
    },
    {
      key: "csvMaxCustomAttributes",
      term: "Custom attributes per conversation in a CSV import, at most",
      value: 20,
      unit: "attributes",
      section: "Appendix A: Conversations and Messages",
    },
  ],
});

/** A PS_LIMITS value by key. */
export function psLimit(key: PsLimitRow["key"]): number {
  const row = PS_LIMITS.rows.find((r) => r.key === key);
  if (!row) throw new Error(`PS_LIMITS has no ${key}`);
  return row.value;
}
