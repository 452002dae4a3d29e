/**
 * Excel adapters for contract dates and professional-services terms (rules: src/rules/contract/).
 * Each function only converts Excel's arguments, calls the rule and converts the result: dates
 * come back as serials of the workbook's date system (format the cell as a date).
 */
import { cellValue, isBlank, toChoice, toDate, toDateList, toInteger } from "../rules/core/args";
import { serialFromEpochDay, serialFromEpochSecond } from "../rules/core/serial";
import { psAcceptance, psExpiry, psInclusion, psInclusionItem, psKickoffDeadline, psPackage } from "../rules/contract/packages";
import { managedHours, managedLevel, managedService, managedTerm } from "../rules/contract/managed";
import { CSV_MAX_ROWS_PER_FILE, csvFiles, migrationSize } from "../rules/contract/migration";
import { seasonWindow, timeZone } from "../rules/contract/season";
import { CHANGE_KINDS, changeEffective, deactivationDate, priceEffective } from "../rules/contract/price-change";
import { DECLINED_CARD_GRACE_DAYS, PRICE_CHANGE_NOTICE_DAYS } from "../rules/contract/terms";
import { excel, workbookDateSystem } from "./excel";
import { managedHoursOf, migrationSizesOf, psPackagesOf } from "./rates";

/**
 * A professional-services package of the Kustomer Professional Services Terms.
 * @customenum {string}
 */
enum PsPackage {
  /** Client-led onboarding: Kick-Off within 30 days, 30 calendar days, up to 4 one-hour sessions */
  SelfPaced = "Onboarding - Self-Paced",
  /** Client-led onboarding: Kick-Off within 30 days, 30 calendar days, up to 6 one-hour sessions */
  Essentials = "Onboarding Essentials",
  /** Joint implementation: 8 weeks, 8 hours of collaborative configuration */
  ImplementationBasic = "Implementation - Basic",
  /** Joint implementation: 12 weeks, 16 hours of collaborative configuration */
  ImplementationStandard = "Implementation - Standard",
  /** Review of an existing platform: Kick-Off within 30 days of service start, 4 weeks */
  OptimizationAssessment = "Optimization Assessment",
  /** Up to 50,000 conversation records: 6 weeks */
  DataMigrationSmall = "Data Migration - Small",
  /** 50,001 to 250,000 conversation records: 8 weeks */
  DataMigrationMedium = "Data Migration - Medium",
  /** 250,001 to 500,000 conversation records: 10 weeks */
  DataMigrationLarge = "Data Migration - Large",
  /** A Zendesk instance, up to 500,000 records: 4 weeks */
  DataMigrationZendesk = "Data Migration - Zendesk",
  /** Kick-Off within 90 days of the AI products' start, 45 days, 1 AI team, up to 3 sub-agents */
  AiBasic = "Implementation - AI Basic",
  /** Kick-Off within 90 days of the AI products' start, 8 weeks, 1 AI team, up to 5 sub-agents */
  AiAdvanced = "Implementation - AI Advanced",
}

/**
 * What a professional-services package includes, as a number.
 * @customenum {string}
 */
enum PsInclusionItem {
  /** One-hour sessions: consultative (onboarding) or discovery (Optimization Assessment). Also "one-hour sessions", "consultative sessions", "discovery sessions" */
  Sessions = "sessions",
  /** Initial introductory calls (onboarding). Also "introductory calls", "intro call" */
  IntroCalls = "intro calls",
  /** Hours of collaborative configuration (implementations). Also "collaborative configuration hours", "config hours", "collaborative configuration" */
  ConfigurationHours = "configuration hours",
  /** Hours of web user training. Also "web user training hours", "user training" */
  UserTrainingHours = "user training hours",
  /** Hours of web admin training. Also "web admin training hours", "admin training" */
  AdminTrainingHours = "admin training hours",
  /** Hours of training, user and admin together. Also "training" */
  TrainingHours = "training hours",
  /** Post-go-live (post-launch) checkpoint calls. Also "checkpoint calls", "post-go-live checkpoints", "post-launch checkpoints" */
  Checkpoints = "checkpoints",
  /** AI teams configured. Also "AI team", "teams" */
  AiTeams = "AI teams",
  /** AI sub-agents in the AI team, at most. Also "AI sub-agents", "subagents", "agents" */
  SubAgents = "sub-agents",
  /** Targeted use cases. Also "use case", "targeted use cases" */
  UseCases = "use cases",
  /** Conversation records migrated, at most. Also "records", "max records" */
  ConversationRecords = "conversation records",
  /** Days from the (subscription) start within which the Kick-Off is held. Also "kickoff days", "kick-off window", "kick-off window days" */
  KickoffDays = "kick-off days",
  /** Days from the Kick-Off within which everything is completed. Also "duration" */
  DurationDays = "duration days",
}

/**
 * A Managed Services level.
 * @customenum {string}
 */
enum ManagedServiceLevel {
  /** 8 hours a month (Managed Services only) */
  Essential = "Essential",
  /** 16 hours a month */
  Basic = "Basic",
  /** 40 hours a month */
  Standard = "Standard",
}

/**
 * A Managed Services package.
 * @customenum {string}
 */
enum ManagedService {
  /** Platform managed services: Essential, Basic or Standard (default) */
  ManagedServices = "Managed Services",
  /** AI Agent managed services: Basic or Standard */
  AiManagedServices = "AI Managed Services",
}

/**
 * The last day a professional-services package's Kick-Off may be held: 30 days after the subscription start (90 days after the AI products' start for the AI packages).
 * @customfunction PSKICKOFFDEADLINE
 * @helpurl https://localhost:3000/help.html#PSKICKOFFDEADLINE
 * @param package_name The package, e.g. "Implementation - Basic" or "Data Migration - Small" (case-insensitive).
 * @param subscription_start The Subscription Start Date (the service start date for the Optimization Assessment; the AI products' start for the AI packages).
 * @param [rates] An Order's packages: the table Kustomer_PsPackages as the pane loads it (Kustomer_PsPackages[#All], or the range with or without its header row); it may hold packages of its own. Omitted: the terms' packages.
 * @returns The deadline as a date serial: subscription_start + 30 (or 90) days; format the cell as a date.
 */
export function psKickoffDeadlineFn(package_name: PsPackage, subscription_start: any, rates?: any[][]): number {
  return excel("PSKICKOFFDEADLINE", () => {
    const system = workbookDateSystem();
    const pkg = psPackage(package_name, "package_name", psPackagesOf(rates));
    const start = toDate(subscription_start, "subscription_start", system);
    return serialFromEpochDay(psKickoffDeadline(pkg, start), system, "The kick-off deadline");
  });
}

/**
 * The last day of a professional-services engagement, when unused hours and services expire: the Kick-Off + the package's duration (30 days, 4/6/8/10/12 weeks, 45 days).
 * @customfunction PSEXPIRY
 * @helpurl https://localhost:3000/help.html#PSEXPIRY
 * @param package_name The package, e.g. "Implementation - Standard" or "Data Migration - Zendesk" (case-insensitive).
 * @param kickoff_date The day the Project Kick-Off meeting was held.
 * @param [rates] An Order's packages: the table Kustomer_PsPackages (with or without its header row), as for PSKICKOFFDEADLINE. Omitted: the terms' packages.
 * @returns The expiry as a date serial: kickoff_date + the duration in days (weeks x 7); format the cell as a date.
 */
export function psExpiryFn(package_name: PsPackage, kickoff_date: any, rates?: any[][]): number {
  return excel("PSEXPIRY", () => {
    const system = workbookDateSystem();
    const pkg = psPackage(package_name, "package_name", psPackagesOf(rates));
    const kickoff = toDate(kickoff_date, "kickoff_date", system);
    return serialFromEpochDay(psExpiry(pkg, kickoff), system, "The expiry date");
  });
}

/**
 * The day professional services count as accepted when the client raises nothing: 5 business days after the Completion Notice (or the Optimization Assessment readout), as WORKDAY counts them.
 * @customfunction PSACCEPTANCE
 * @helpurl https://localhost:3000/help.html#PSACCEPTANCE
 * @param notice_date The day the Completion Notice (or the readout) was received.
 * @param [holidays] A range of holiday dates that are not business days (optional).
 * @returns The date serial of WORKDAY(notice_date, 5, holidays); format the cell as a date.
 */
export function psAcceptanceFn(notice_date: any, holidays?: any[][]): number {
  return excel("PSACCEPTANCE", () => {
    const system = workbookDateSystem();
    const notice = toDate(notice_date, "notice_date", system);
    const off = toDateList(holidays, "holidays", system);
    return serialFromEpochDay(psAcceptance(notice, off), system, "The acceptance date");
  });
}

/**
 * How many of an item a professional-services package includes (sessions, configuration or training hours, checkpoints, AI sub-agents, records...), from the PS rate table. #N/A where the terms state none.
 * @customfunction PSINCLUSION
 * @helpurl https://localhost:3000/help.html#PSINCLUSION
 * @param package_name The package, e.g. "Onboarding Essentials" (case-insensitive).
 * @param item What to count: "sessions", "intro calls", "configuration hours", "user training hours", "admin training hours", "training hours", "checkpoints", "AI teams", "sub-agents", "use cases", "conversation records", "kick-off days" or "duration days"; each also by the other names its dropdown tooltip lists (e.g. "config hours", "intro call").
 * @param [rates] An Order's packages: the table Kustomer_PsPackages (with or without its header row), as for PSKICKOFFDEADLINE. Omitted: the terms' packages.
 * @returns The number the terms state.
 */
export function psInclusionFn(package_name: PsPackage, item: PsInclusionItem, rates?: any[][]): number {
  return excel("PSINCLUSION", () => psInclusion(psPackage(package_name, "package_name", psPackagesOf(rates)), psInclusionItem(item)));
}

/**
 * The monthly allocated hours of a Managed Services or AI Managed Services level (Essential 8, Basic 16, Standard 40).
 * @customfunction MANAGEDHOURS
 * @helpurl https://localhost:3000/help.html#MANAGEDHOURS
 * @param service_level The level: "Essential", "Basic" or "Standard".
 * @param [service] "Managed Services" (default) or "AI Managed Services" (Basic or Standard only).
 * @param [rates] An Order's hours: the table Kustomer_ManagedServicesHours as the pane loads it (Kustomer_ManagedServicesHours[#All], or the range with or without its header row). Omitted: the terms' hours.
 * @returns Hours per month.
 */
export function managedHoursFn(service_level: ManagedServiceLevel, service?: ManagedService, rates?: any[][]): number {
  return excel("MANAGEDHOURS", () => {
    const table = managedHoursOf(rates);
    return managedHours(managedLevel(service_level, "service_level", table), managedService(service, "service", table), table);
  });
}

/**
 * A Managed Services term as adjusted when the Order is signed after its Start Date: the start moves to the signing day and the end by the same number of days. Spills a row: start, end.
 * @customfunction MANAGEDTERM
 * @helpurl https://localhost:3000/help.html#MANAGEDTERM
 * @param start_date The Start Date the Order specifies.
 * @param end_date The End Date the Order specifies (on or after start_date).
 * @param signed_date The day the Order was signed (executed).
 * @returns A 1x2 row of date serials: the adjusted start and end (unchanged when signed on or before the start).
 */
export function managedTermFn(start_date: any, end_date: any, signed_date: any): any[][] {
  return excel("MANAGEDTERM", () => {
    const system = workbookDateSystem();
    const term = managedTerm(
      toDate(start_date, "start_date", system),
      toDate(end_date, "end_date", system),
      toDate(signed_date, "signed_date", system),
    );
    return [
      [serialFromEpochDay(term.start, system, "The adjusted start date"), serialFromEpochDay(term.end, system, "The adjusted end date")],
    ];
  });
}

/**
 * When a seasonal seat window opens and closes, in a time zone's local time: opens 00:00 UTC of first_day, closes 00:00 UTC of the day after last_day. Spills a row: opens, closes.
 * @customfunction SEASONWINDOW
 * @helpurl https://localhost:3000/help.html#SEASONWINDOW
 * @param first_day The first day of the window, as contracted.
 * @param last_day The last day of the window, included.
 * @param [time_zone] An IANA time zone such as "America/New_York" (daylight saving applied) or an offset such as "-05:00"; default "UTC".
 * @returns A 1x2 row of local date-time serials; format the cells as date and time.
 */
export function seasonWindowFn(first_day: any, last_day: any, time_zone?: any): any[][] {
  return excel("SEASONWINDOW", () => {
    const system = workbookDateSystem();
    const first = toDate(first_day, "first_day", system);
    const last = toDate(last_day, "last_day", system);
    const w = seasonWindow(first, last, timeZone(time_zone));
    return [[serialFromEpochSecond(w.opens, system, "The opening time"), serialFromEpochSecond(w.closes, system, "The closing time")]];
  });
}

/**
 * When a KIQ Customer Assist or Kustomer Voice price update takes effect: the first day of the first calendar month starting on or after update_date + 30 days. notice_days 31 gives the stricter reading; 1 the first day of the next month. CHANGEEFFECTIVE answers for every kind of change.
 * @customfunction PRICEEFFECTIVE
 * @helpurl https://localhost:3000/help.html#PRICEEFFECTIVE
 * @param update_date The day the pricing page was updated.
 * @param [notice_days] Days of notice before the month may start (default 30; 31 if the month must begin after day 30; 1 for the first day of the next month).
 * @returns The effective date as a date serial (always a 1st of a month); format the cell as a date.
 */
export function priceEffectiveFn(update_date: any, notice_days?: any): number {
  return excel("PRICEEFFECTIVE", () => {
    const system = workbookDateSystem();
    const update = toDate(update_date, "update_date", system);
    const notice = toInteger(notice_days, "notice_days", { default: PRICE_CHANGE_NOTICE_DAYS });
    return serialFromEpochDay(priceEffective(update, notice), system, "The effective date");
  });
}

/**
 * The day an account is deactivated after a declined card if payment is not updated: decline_date + 3 days. It is the day of deactivation: payment can be updated until the end of the day before.
 * @customfunction DEACTIVATIONDATE
 * @helpurl https://localhost:3000/help.html#DEACTIVATIONDATE
 * @param decline_date The day the card was declined (the decline email).
 * @param [grace_days] Days allowed to update the payment method (default 3).
 * @returns The deactivation date as a date serial; format the cell as a date.
 */
export function deactivationDateFn(decline_date: any, grace_days?: any): number {
  return excel("DEACTIVATIONDATE", () => {
    const system = workbookDateSystem();
    const decline = toDate(decline_date, "decline_date", system);
    const grace = toInteger(grace_days, "grace_days", { default: DECLINED_CARD_GRACE_DAYS });
    return serialFromEpochDay(deactivationDate(decline, grace), system, "The deactivation date");
  });
}

/**
 * A change to the terms or prices, by when it takes effect.
 * @customenum {string}
 */
enum ChangeKind {
  /** KIQ Customer Assist or Kustomer Voice pricing (WhatsApp by Kustomer's own pricing too): the first day of the first month starting on or after notice + 30 days */
  UsagePrice = "usage price",
  /** Meta's WhatsApp Rate Card: the first day of the month after publication */
  WhatsAppRateCard = "WhatsApp rate card",
  /** Premium Translated Word pricing: at the Subscription Term's renewal (renewal_date) */
  TranslatedWordPrice = "translated word price",
  /** A change to the Service Level Agreement: notice + 30 days */
  Sla = "SLA",
  /** A change to the Service Level Agreement that diminishes Kustomer's responsibilities: at renewal (renewal_date) */
  SlaDiminishing = "SLA diminishing",
}

/**
 * The day a change to the terms or prices takes effect: "usage price" the first day of the first month starting on or after notice + 30 days, "WhatsApp rate card" the first day of the next month, "SLA" notice + 30 days, "translated word price" and "SLA diminishing" at renewal.
 * @customfunction CHANGEEFFECTIVE
 * @helpurl https://localhost:3000/help.html#CHANGEEFFECTIVE
 * @param change The kind of change: "usage price", "WhatsApp rate card", "translated word price", "SLA" or "SLA diminishing" (case-insensitive).
 * @param notice_date The day the change was notified (the pricing page updated, the rate card published, the SLA change notified).
 * @param [renewal_date] The first day of the next Subscription Term; required for the changes that take effect at renewal, not used by the others.
 * @returns The effective date as a date serial; format the cell as a date.
 */
export function changeEffectiveFn(change: ChangeKind, notice_date: any, renewal_date?: any): number {
  return excel("CHANGEEFFECTIVE", () => {
    const system = workbookDateSystem();
    const kind = toChoice(change, "change", CHANGE_KINDS);
    const notice = toDate(notice_date, "notice_date", system);
    const given = cellValue(renewal_date, "renewal_date");
    const renewal = isBlank(given) ? undefined : toDate(renewal_date, "renewal_date", system);
    return serialFromEpochDay(changeEffective(kind, notice, renewal), system, "The effective date");
  });
}

/**
 * The data migration size for a number of conversation records: "Small" (up to 50,000), "Medium" (to 250,000) or "Large" (to 500,000); more needs a Change Order (#NUM!).
 * @customfunction MIGRATIONSIZE
 * @helpurl https://localhost:3000/help.html#MIGRATIONSIZE
 * @param conversation_records The number of conversation records to migrate (a whole number, 0 to 500,000).
 * @param [rates] An Order's sizes: the table Kustomer_DataMigrationSizes as the pane loads it (Kustomer_DataMigrationSizes[#All], or the range with or without its header row). Omitted: the terms' sizes.
 * @returns "Small", "Medium" or "Large".
 */
export function migrationSizeFn(conversation_records: any, rates?: any[][]): string {
  return excel("MIGRATIONSIZE", () => {
    const sizes = migrationSizesOf(rates);
    return migrationSize(
      toInteger(conversation_records, "conversation_records", { expected: "a number of conversation records" }),
      "conversation_records",
      sizes,
    );
  });
}

/**
 * How many CSV import files a number of rows needs, at most 50,000 rows a file (Appendix A): ceil(rows / max_rows_per_file).
 * @customfunction CSVFILES
 * @helpurl https://localhost:3000/help.html#CSVFILES
 * @param rows The number of rows to import (a whole number, 0 or more).
 * @param [max_rows_per_file] Rows allowed per file (default 50,000, the terms' limit; another value if agreed in writing).
 * @returns The number of files; 0 rows need 0 files.
 */
export function csvFilesFn(rows: any, max_rows_per_file?: any): number {
  return excel("CSVFILES", () =>
    csvFiles(
      toInteger(rows, "rows", { expected: "a number of rows" }),
      toInteger(max_rows_per_file, "max_rows_per_file", { default: CSV_MAX_ROWS_PER_FILE }),
    ),
  );
}
