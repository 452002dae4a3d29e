/**
 * The professional-services rate tables against the terms (ps-terms, last updated 2025-11-17),
 * section by section. Each expected row is read from the document, not from the table.
 */
import {
  DATA_MIGRATION_SIZES,
  MANAGED_SERVICES_HOURS,
  PS_LIMITS,
  PS_PACKAGES,
  psLimit,
} from "../../../src/rules/rates/professional-services";

type Counts = [sessions: number | null, intro: number | null, config: number | null, user: number | null, admin: number | null];
type Ai = [checkpoints: number | null, teams: number | null, subAgents: number | null, useCases: number | null, records: number | null];

// name, kick-off within (days), duration as stated, that duration in days, counts, AI and records.
const TERMS: [string, number, string, number, Counts, Ai][] = [
  // §2 "within thirty (30) days of the Subscription Start Date" / "within thirty (30) calendar days of Kick-Off" /
  // "up to four (4) one-hour consultative sessions and an initial introductory call".
  ["Onboarding - Self-Paced", 30, "30 calendar days", 30, [4, 1, null, null, null], [null, null, null, null, null]],
  // §3 the same with "up to six (6)".
  ["Onboarding Essentials", 30, "30 calendar days", 30, [6, 1, null, null, null], [null, null, null, null, null]],
  // §4 "eight (8) weeks"; "up to eight (8) hours of Collaborative Configuration"; "Web Admin Training (1 hour)";
  // "one (1) checkpoint call per week for the first two (2) weeks".
  ["Implementation - Basic", 30, "8 weeks", 56, [null, null, 8, null, 1], [2, null, null, null, null]],
  // §5 "twelve (12) weeks"; "sixteen (16) hours"; "Web User Training (2 Hours)", "Web Admin Training (2 Hours)".
  ["Implementation - Standard", 30, "12 weeks", 84, [null, null, 16, 2, 2], [2, null, null, null, null]],
  // §6 "within thirty (30) days of service start date"; "four (4) weeks"; "Three (3) one-hour remote Discovery sessions".
  ["Optimization Assessment", 30, "4 weeks", 28, [3, null, null, null, null], [null, null, null, null, null]],
  // §7 Small "Up to 50,000", "Six (6) Weeks"; Medium "50,001 - 250,000", "Eight (8) Weeks"; Large "250,001 - 500,000", "Ten (10) Weeks".
  ["Data Migration - Small", 30, "6 weeks", 42, [null, null, null, null, null], [null, null, null, null, 50000]],
  ["Data Migration - Medium", 30, "8 weeks", 56, [null, null, null, null, null], [null, null, null, null, 250000]],
  ["Data Migration - Large", 30, "10 weeks", 70, [null, null, null, null, null], [null, null, null, null, 500000]],
  // §8 "Up to 500,000"; "four (4) weeks of Kick-Off".
  ["Data Migration - Zendesk", 30, "4 weeks", 28, [null, null, null, null, null], [null, null, null, null, 500000]],
  // §9 "ninety (90) days"; "forty-five (45) days of Kick-Off"; "one AI Team with up to three (3) AI Sub-Agents";
  // "two (2) post-launch checkpoint calls".
  ["Implementation - AI Basic", 90, "45 days", 45, [null, null, null, null, null], [2, 1, 3, null, null]],
  // §10 "ninety (90) days"; "eight (8) weeks"; "one AI Team with up to five (5) AI Sub-Agents"; "one (1) targeted use case".
  ["Implementation - AI Advanced", 90, "8 weeks", 56, [null, null, null, null, null], [null, 1, 5, 1, null]],
];

test("every package as the terms state it", () => {
  expect(
    PS_PACKAGES.rows.map((r) => [
      r.name,
      r.kickoffWithinDays,
      r.durationStated,
      r.durationDays,
      [r.sessions, r.introCalls, r.configurationHours, r.userTrainingHours, r.adminTrainingHours],
      [r.checkpoints, r.aiTeams, r.subAgents, r.useCases, r.maxRecords],
    ]),
  ).toEqual(TERMS);
});

test("durations in days are the stated weeks x 7 (a Decision in docs/terms.md)", () => {
  for (const r of PS_PACKAGES.rows) {
    const m = /^(\d+) (weeks|days|calendar days)$/.exec(r.durationStated);
    expect(m).not.toBeNull();
    expect(r.durationDays).toBe(m![2] === "weeks" ? Number(m![1]) * 7 : Number(m![1]));
  }
});

test("kick-off counted from the Subscription Start, the service start (Optimization) or the AI products' start", () => {
  expect(PS_PACKAGES.rows.map((r) => r.kickoffFrom)).toEqual([
    ...Array(4).fill("Subscription Start"),
    "service start",
    ...Array(4).fill("Subscription Start"),
    "Subscription Start of the AI products",
    "Subscription Start of the AI products",
  ]);
});

test("data migration sizes and durations agree with the package rows", () => {
  expect(DATA_MIGRATION_SIZES.rows.map((r) => [r.size, r.minRecords, r.maxRecords, r.durationWeeks])).toEqual([
    ["Small", 0, 50000, 6],
    ["Medium", 50001, 250000, 8],
    ["Large", 250001, 500000, 10],
  ]);
  for (const s of DATA_MIGRATION_SIZES.rows) {
    const pkg = PS_PACKAGES.rows.find((r) => r.name === `Data Migration - ${s.size}`)!;
    expect([pkg.durationDays, pkg.maxRecords]).toEqual([s.durationWeeks * 7, s.maxRecords]);
  }
});

test("managed services hours (§11, §12)", () => {
  expect(MANAGED_SERVICES_HOURS.rows.map((r) => [r.service, r.level, r.hoursPerMonth])).toEqual([
    ["Managed Services", "Essential", 8],
    ["Managed Services", "Basic", 16],
    ["Managed Services", "Standard", 40],
    ["AI Managed Services", "Basic", 16],
    ["AI Managed Services", "Standard", 40],
  ]);
});

test("acceptance periods and CSV limits (§1, §6, Appendix A)", () => {
  expect(psLimit("completionNoticeBusinessDays")).toBe(5);
  expect(psLimit("readoutClarificationBusinessDays")).toBe(5);
  expect(psLimit("csvMaxRowsPerFile")).toBe(50000);
  expect(psLimit("csvMaxCustomAttributes")).toBe(20);
});

test("stable table names, every column present in every row, all frozen", () => {
  const tables = [PS_PACKAGES, MANAGED_SERVICES_HOURS, DATA_MIGRATION_SIZES, PS_LIMITS];
  expect(tables.map((t) => t.id)).toEqual([
    "Kustomer_PsPackages",
    "Kustomer_ManagedServicesHours",
    "Kustomer_DataMigrationSizes",
    "Kustomer_PsLimits",
  ]);
  for (const t of tables) {
    expect(t.source).toBe("ps-terms");
    expect(Object.isFrozen(t) && Object.isFrozen(t.rows) && Object.isFrozen(t.columns)).toBe(true);
    for (const row of t.rows as object[]) {
      expect(Object.isFrozen(row)).toBe(true);
      for (const c of t.columns) expect(Object.keys(row)).toContain(c.key);
    }
  }
  expect(() => {
    (PS_PACKAGES.rows[0] as { durationDays: number }).durationDays = 99;
  }).toThrow(TypeError);
});
