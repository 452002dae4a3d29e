/**
 * Professional-services schedule: kick-off deadlines, expiry, acceptance, inclusions.
 * Every expected date is counted by hand on the calendar; the working is in the comments.
 * Decision (docs/terms.md): "within N days / weeks of X" ends on X + N days (X + 7N for weeks).
 */
import { epochDayFromYmd as d } from "../../../src/rules/core/serial";
import {
  PS_PACKAGE_NAMES,
  psAcceptance,
  psExpiry,
  psInclusion,
  psInclusionItem,
  psKickoffDeadline,
  psPackage,
  PS_INCLUSION_ITEMS,
} from "../../../src/rules/contract/packages";
import { psPackagesOf } from "../../../src/functions/rates";
import { PS_PACKAGES } from "../../../src/rules/rates/professional-services";
import { cardGrid } from "../../../src/sheets/rate-card-layout";
import { ruleError as thrown } from "../../helpers/rule-error";
import { PS_ITEM_ALIASES } from "./ps-item-aliases";

const ALL =
  "Onboarding - Self-Paced, Onboarding Essentials, Implementation - Basic, Implementation - Standard, Optimization Assessment, " +
  "Data Migration - Small, Data Migration - Medium, Data Migration - Large, Data Migration - Zendesk, " +
  "Implementation - AI Basic, Implementation - AI Advanced";

describe("package names", () => {
  test("the eleven packages of the table in docs/terms.md, in the terms' order", () => {
    expect(PS_PACKAGE_NAMES.join(", ")).toBe(ALL);
  });
  test("case, spaces and dashes do not matter; aliases are read", () => {
    expect(psPackage("implementation - basic").name).toBe("Implementation - Basic");
    expect(psPackage("IMPLEMENTATION BASIC").name).toBe("Implementation - Basic");
    expect(psPackage("  Data Migration-Zendesk ").name).toBe("Data Migration - Zendesk");
    expect(psPackage("data migration small").name).toBe("Data Migration - Small");
    expect(psPackage("Zendesk Data Migration").name).toBe("Data Migration - Zendesk");
    expect(psPackage("onboarding self paced").name).toBe("Onboarding - Self-Paced");
    expect(psPackage("AI Advanced").name).toBe("Implementation - AI Advanced");
    expect(psPackage("Implementation \u2013 AI Basic").name).toBe("Implementation - AI Basic"); // en dash
  });
  test("an unknown package is #VALUE! listing the known ones; blank is required", () => {
    expect(thrown(() => psPackage("Data Migration"))).toEqual({
      kind: "value",
      message: `package_name "Data Migration" is not known; expected one of: ${ALL}.`,
    });
    expect(thrown(() => psPackage(null))).toEqual({ kind: "value", message: `package_name is required: expected one of: ${ALL}.` });
    expect(thrown(() => psPackage(true))).toEqual({ kind: "value", message: `package_name "TRUE" is not known; expected one of: ${ALL}.` });
  });
});

describe("PSKICKOFFDEADLINE: start + 30 days (90 for the AI packages)", () => {
  const thirty = [
    "Onboarding - Self-Paced",
    "Onboarding Essentials",
    "Implementation - Basic",
    "Implementation - Standard",
    "Optimization Assessment",
    "Data Migration - Small",
    "Data Migration - Medium",
    "Data Migration - Large",
    "Data Migration - Zendesk",
  ];
  test.each(thirty)("%s: 15 Jan 2025 + 30 = 14 Feb 2025 (16 days to 31 Jan, 14 into February)", (name) => {
    expect(psKickoffDeadline(psPackage(name), d(2025, 1, 15))).toBe(d(2025, 2, 14));
  });
  test.each(["Implementation - AI Basic", "Implementation - AI Advanced"])(
    "%s: 15 Jan 2025 + 90 = 15 Apr 2025 (16 + 28 + 31 = 75 to 31 Mar, 15 into April)",
    (name) => {
      expect(psKickoffDeadline(psPackage(name), d(2025, 1, 15))).toBe(d(2025, 4, 15));
    },
  );
  test("month ends and leap days", () => {
    const basic = psPackage("Implementation - Basic");
    // 31 Jan 2025 + 28 = 28 Feb, + 2 = 2 Mar (February 2025 has 28 days).
    expect(psKickoffDeadline(basic, d(2025, 1, 31))).toBe(d(2025, 3, 2));
    // 31 Jan 2024 + 29 = 29 Feb, + 1 = 1 Mar (leap year).
    expect(psKickoffDeadline(basic, d(2024, 1, 31))).toBe(d(2024, 3, 1));
    // 1 Feb 2024 + 28 = 29 Feb, + 2 = 2 Mar.
    expect(psKickoffDeadline(basic, d(2024, 2, 1))).toBe(d(2024, 3, 2));
    const ai = psPackage("Implementation - AI Basic");
    // 1 Dec 2023 + 30 = 31 Dec, + 31 = 31 Jan (61), + 29 = 29 Feb 2024 (90): a leap day.
    expect(psKickoffDeadline(ai, d(2023, 12, 1))).toBe(d(2024, 2, 29));
    // 1 Dec 2024 + 30 = 31 Dec, + 31 = 31 Jan (61), + 28 = 28 Feb (89), + 1 = 1 Mar 2025.
    expect(psKickoffDeadline(ai, d(2024, 12, 1))).toBe(d(2025, 3, 1));
    // 15 Dec 2025 + 30 = 14 Jan 2026: across the year end.
    expect(psKickoffDeadline(basic, d(2025, 12, 15))).toBe(d(2026, 1, 14));
  });
  test("a deadline after 9999-12-31 is #NUM!", () => {
    expect(thrown(() => psKickoffDeadline(psPackage("Onboarding Essentials"), d(9999, 12, 15)))).toEqual({
      kind: "num",
      message: "The kick-off deadline falls after 9999-12-31, the end of Excel's calendar: 9999-12-15 + 30 days.",
    });
  });
});

describe("PSEXPIRY: kick-off + the package's duration", () => {
  // Kick-Off on Monday 3 Mar 2025. March has 31 days: 3 Mar + 28 = 31 Mar.
  const KICKOFF = d(2025, 3, 3);
  const cases: [string, number, number, number, string][] = [
    ["Onboarding - Self-Paced", 2025, 4, 2, "30 calendar days: 31 Mar + 2"],
    ["Onboarding Essentials", 2025, 4, 2, "30 calendar days: 31 Mar + 2"],
    ["Implementation - Basic", 2025, 4, 28, "8 weeks = 56 days: 31 Mar + 28"],
    ["Implementation - Standard", 2025, 5, 26, "12 weeks = 84 days: 28 Apr + 28"],
    ["Optimization Assessment", 2025, 3, 31, "4 weeks = 28 days"],
    ["Data Migration - Small", 2025, 4, 14, "6 weeks = 42 days: 31 Mar + 14"],
    ["Data Migration - Medium", 2025, 4, 28, "8 weeks = 56 days"],
    ["Data Migration - Large", 2025, 5, 12, "10 weeks = 70 days: 28 Apr + 14"],
    ["Data Migration - Zendesk", 2025, 3, 31, "4 weeks = 28 days"],
    ["Implementation - AI Basic", 2025, 4, 17, "45 days: 31 Mar + 17"],
    ["Implementation - AI Advanced", 2025, 4, 28, "8 weeks = 56 days"],
  ];
  test.each(cases)("%s from 3 Mar 2025 ends %i-%i-%i (%s)", (name, y, m, day) => {
    expect(psExpiry(psPackage(name), KICKOFF)).toBe(d(y, m, day));
  });
  test("weeks end on the kick-off's weekday", () => {
    // Monday 3 Mar 2025 + 56 days is Monday 28 Apr 2025: (56 % 7 = 0).
    expect((psExpiry(psPackage("Implementation - Basic"), KICKOFF) + 4) % 7).toBe(1);
  });
  test("leap years: 30 days from 1 Feb is 2 Mar in 2024 and 3 Mar in 2023", () => {
    expect(psExpiry(psPackage("Onboarding Essentials"), d(2024, 2, 1))).toBe(d(2024, 3, 2));
    expect(psExpiry(psPackage("Onboarding Essentials"), d(2023, 2, 1))).toBe(d(2023, 3, 3));
    // 45 days from 15 Jan 2024: 16 to 31 Jan, 29 in February -> 29 Feb 2024.
    expect(psExpiry(psPackage("Implementation - AI Basic"), d(2024, 1, 15))).toBe(d(2024, 2, 29));
  });
});

describe("PSACCEPTANCE: WORKDAY(notice, 5, holidays)", () => {
  test("a Thursday notice: Fri, Mon, Tue, Wed, Thu", () => {
    // Thu 3 Jul 2025 -> 4 (1), 7 (2), 8 (3), 9 (4), 10 Jul (5).
    expect(psAcceptance(d(2025, 7, 3))).toBe(d(2025, 7, 10));
  });
  test("a holiday on Friday 4 July pushes it a day", () => {
    // 7 (1), 8, 9, 10, 11 Jul (5).
    expect(psAcceptance(d(2025, 7, 3), [d(2025, 7, 4)])).toBe(d(2025, 7, 11));
  });
  test("a notice received on a weekend counts from Monday", () => {
    // Sat 1 Mar 2025 -> Mon 3 (1) ... Fri 7 Mar (5); Fri 28 Feb gives the same day.
    expect(psAcceptance(d(2025, 3, 1))).toBe(d(2025, 3, 7));
    expect(psAcceptance(d(2025, 3, 2))).toBe(d(2025, 3, 7));
    expect(psAcceptance(d(2025, 2, 28))).toBe(d(2025, 3, 7));
  });
  test("a holiday on a weekend or listed twice changes nothing", () => {
    expect(psAcceptance(d(2025, 3, 1), [d(2025, 3, 8), d(2025, 3, 8)])).toBe(d(2025, 3, 7));
  });
  test("Christmas and New Year across the year end", () => {
    // Wed 24 Dec 2025, holidays 25, 26 Dec and 1 Jan: 29 (1), 30 (2), 31 (3), 2 Jan (4), 5 Jan 2026 (5).
    expect(psAcceptance(d(2025, 12, 24), [d(2025, 12, 25), d(2025, 12, 26), d(2026, 1, 1)])).toBe(d(2026, 1, 5));
  });
  test("a leap day is a business day", () => {
    // Mon 26 Feb 2024: 27 (1), 28 (2), 29 (3), 1 Mar (4), Mon 4 Mar (5).
    expect(psAcceptance(d(2024, 2, 26))).toBe(d(2024, 3, 4));
  });
});

describe("PSINCLUSION: the numbers the terms state", () => {
  const cases: [string, string, number][] = [
    ["Onboarding - Self-Paced", "sessions", 4],
    ["Onboarding - Self-Paced", "intro calls", 1],
    ["Onboarding Essentials", "sessions", 6],
    ["Onboarding Essentials", "intro calls", 1],
    ["Implementation - Basic", "configuration hours", 8],
    ["Implementation - Basic", "admin training hours", 1],
    ["Implementation - Basic", "training hours", 1],
    ["Implementation - Basic", "checkpoints", 2],
    ["Implementation - Standard", "configuration hours", 16],
    ["Implementation - Standard", "user training hours", 2],
    ["Implementation - Standard", "admin training hours", 2],
    ["Implementation - Standard", "training hours", 4],
    ["Implementation - Standard", "checkpoints", 2],
    ["Optimization Assessment", "sessions", 3],
    ["Data Migration - Small", "conversation records", 50000],
    ["Data Migration - Medium", "conversation records", 250000],
    ["Data Migration - Large", "conversation records", 500000],
    ["Data Migration - Zendesk", "conversation records", 500000],
    ["Implementation - AI Basic", "AI teams", 1],
    ["Implementation - AI Basic", "sub-agents", 3],
    ["Implementation - AI Basic", "checkpoints", 2],
    ["Implementation - AI Advanced", "AI teams", 1],
    ["Implementation - AI Advanced", "sub-agents", 5],
    ["Implementation - AI Advanced", "use cases", 1],
    ["Onboarding - Self-Paced", "kick-off days", 30],
    ["Implementation - AI Advanced", "kick-off days", 90],
    ["Implementation - Standard", "duration days", 84],
    ["Implementation - AI Basic", "duration days", 45],
    ["Data Migration - Large", "duration days", 70],
  ];
  test.each(cases)("%s: %s = %i", (pkg, item, n) => {
    expect(psInclusion(psPackage(pkg), psInclusionItem(item))).toBe(n);
  });
  test("items by alias, any case", () => {
    expect(psInclusion(psPackage("Implementation - Basic"), psInclusionItem("Collaborative Configuration Hours"))).toBe(8);
    expect(psInclusion(psPackage("Implementation - AI Basic"), psInclusionItem("SUBAGENTS"))).toBe(3);
    expect(psInclusion(psPackage("Optimization Assessment"), psInclusionItem("discovery sessions"))).toBe(3);
  });
  test("an item the terms do not state for the package is #N/A, saying what it includes", () => {
    expect(thrown(() => psInclusion(psPackage("Onboarding - Self-Paced"), psInclusionItem("configuration hours")))).toEqual({
      kind: "na",
      message:
        "The terms state no number of hours of collaborative configuration for Onboarding - Self-Paced (it includes: Up to 4 one-hour consultative sessions and an initial introductory call (advisory only, no hands-on configuration)).",
    });
    expect(thrown(() => psInclusion(psPackage("Implementation - AI Advanced"), psInclusionItem("checkpoints")))).toMatchObject({
      kind: "na",
    });
    expect(thrown(() => psInclusion(psPackage("Implementation - Basic"), psInclusionItem("user training hours")))).toMatchObject({
      kind: "na",
    });
  });
  test("an unknown item is #VALUE! listing the items", () => {
    expect(thrown(() => psInclusionItem("coffee"))).toEqual({
      kind: "value",
      message:
        'item "coffee" is not known; expected one of: sessions, intro calls, configuration hours, user training hours, admin training hours, training hours, checkpoints, AI teams, sub-agents, use cases, conversation records, kick-off days, duration days.',
    });
  });
});

describe("PSINCLUSION: gaps a mutation run found", () => {
  test('"training hours" on a package with no training (Onboarding - Self-Paced) is #N/A, not 0', () => {
    // Self-Paced states 4 sessions and an intro call, no user or admin training: the terms are
    // silent, so the sum of two missing numbers is no number.
    expect(thrown(() => psInclusion(psPackage("Onboarding - Self-Paced"), psInclusionItem("training hours")))).toEqual({
      kind: "na",
      message:
        "The terms state no number of hours of training for Onboarding - Self-Paced (it includes: Up to 4 one-hour consultative sessions and an initial introductory call (advisory only, no hands-on configuration)).",
    });
    // Only one of the two stated: the sum is that one (Implementation - Basic: 1 h admin training).
    expect(psInclusion(psPackage("Implementation - Basic"), psInclusionItem("training"))).toBe(1);
  });

  test("training hours summed exactly from an Order's table: 1.1 + 2.2 = 3.3", () => {
    // An Order whose Implementation - Standard states 1.1 h user and 2.2 h admin training:
    // 1.1 + 2.2 is 3.3 in decimal (binary floating point would give 3.3000000000000003).
    const grid = cardGrid(PS_PACKAGES);
    const col = (header: string) => grid.headers.indexOf(header);
    const body = grid.body.map((r) => [...r]);
    const row = body.find((r) => r[0] === "Implementation - Standard") as unknown[];
    row[col("User training (hours)")] = 1.1;
    row[col("Admin training (hours)")] = 2.2;
    const table = psPackagesOf([grid.headers, ...body]);
    const pkg = psPackage("Implementation - Standard", "package_name", table);
    expect(psInclusion(pkg, psInclusionItem("training hours"))).toBe(3.3);
    // And 0.1 + 0.2 = 0.3, with one of them given as text.
    row[col("User training (hours)")] = 0.1;
    row[col("Admin training (hours)")] = "0.2";
    expect(psInclusion(psPackage("Implementation - Standard", "package_name", psPackagesOf(body)), psInclusionItem("training hours"))).toBe(
      0.3,
    );
  });

  // Every name of every item, each checked against the item it names (the table in docs/terms.md).
  const byAlias = PS_ITEM_ALIASES;
  test.each(byAlias)('%s by its other name "%s": %s gives %i', (item, alias, pkg, n) => {
    expect(psInclusionItem(alias).value).toBe(item);
    expect(psInclusion(psPackage(pkg), psInclusionItem(alias))).toBe(n);
    // Any case, as typed.
    expect(psInclusionItem(alias.toUpperCase()).value).toBe(item);
  });
  test("the table above names every item's every other name", () => {
    const all = PS_INCLUSION_ITEMS.flatMap((d) => d.names.slice(1).map((n) => `${d.value}: ${n}`)).sort();
    expect(byAlias.map(([item, alias]) => `${item}: ${alias}`).sort()).toEqual(all);
  });
});

describe("PSINCLUSION's #N/A says what the missing number counts, for every item the terms can be silent on", () => {
  // Data Migration - Small states only its records (ps-terms §7), so every other count is silent;
  // Onboarding - Self-Paced states no records. Each message names what the item counts.
  const SMALL = "Data Migration - Small (it includes: Up to 50,000 conversation records from a single source system)";
  const SELF_PACED =
    "Onboarding - Self-Paced (it includes: Up to 4 one-hour consultative sessions and an initial introductory call (advisory only, no hands-on configuration))";
  const cases: [string, string, string][] = [
    ["Data Migration - Small", "sessions", `one-hour sessions for ${SMALL}`],
    ["Data Migration - Small", "intro calls", `introductory calls for ${SMALL}`],
    ["Data Migration - Small", "configuration hours", `hours of collaborative configuration for ${SMALL}`],
    ["Data Migration - Small", "user training hours", `hours of user training for ${SMALL}`],
    ["Data Migration - Small", "admin training hours", `hours of admin training for ${SMALL}`],
    ["Data Migration - Small", "training hours", `hours of training for ${SMALL}`],
    ["Data Migration - Small", "checkpoints", `checkpoint calls for ${SMALL}`],
    ["Data Migration - Small", "AI teams", `AI teams for ${SMALL}`],
    ["Data Migration - Small", "sub-agents", `AI sub-agents for ${SMALL}`],
    ["Data Migration - Small", "use cases", `use cases for ${SMALL}`],
    ["Onboarding - Self-Paced", "conversation records", `conversation records for ${SELF_PACED}`],
  ];
  test.each(cases)("%s, %s", (pkg, item, what) => {
    expect(thrown(() => psInclusion(psPackage(pkg), psInclusionItem(item)))).toEqual({
      kind: "na",
      message: `The terms state no number of ${what}.`,
    });
  });
});

describe("PSEXPIRY after 9999-12-31", () => {
  test("is #NUM! naming the expiry date", () => {
    // Implementation - Standard: 12 weeks = 84 days; 9999-12-01 + 84 days is in the year 10000.
    expect(thrown(() => psExpiry(psPackage("Implementation - Standard"), d(9999, 12, 1)))).toEqual({
      kind: "num",
      message: "The expiry date falls after 9999-12-31, the end of Excel's calendar: 9999-12-01 + 84 days.",
    });
  });
});

describe("an Order's package table (Kustomer_PsPackages given as rates)", () => {
  const grid = cardGrid(PS_PACKAGES);
  const col = (header: string) => grid.headers.indexOf(header);
  /** The card's rows, with `edit` applied to a copy of the named row. */
  const withRow = (name: string, edit: (row: unknown[]) => void): unknown[][] => {
    const body = grid.body.map((r) => [...r]);
    edit(body.find((r) => r[0] === name) as unknown[]);
    return [[...grid.headers], ...body];
  };

  test("a row named by a built-in package's alias takes its other names, not its own twice", () => {
    // The card names Onboarding - Self-Paced also "Self-Paced Onboarding", "Self-Paced" and
    // "Self-Paced Package". An Order's row named "Self-Paced" keeps the other three.
    const table = psPackagesOf(withRow("Onboarding - Self-Paced", (r) => (r[0] = "Self-Paced")));
    const pkg = psPackage("Onboarding - Self-Paced", "package_name", table);
    expect(pkg.name).toBe("Self-Paced");
    expect(pkg.aliases).toEqual(["Onboarding - Self-Paced", "Self-Paced Onboarding", "Self-Paced Package"]);
    expect(psPackage("self-paced package", "package_name", table)).toBe(pkg);
  });

  test("a package only the Order has has no other names", () => {
    const table = psPackagesOf(withRow("Data Migration - Zendesk", (r) => (r[0] = "Data Migration - Freshdesk")));
    const pkg = psPackage("Data Migration - Freshdesk", "package_name", table);
    expect(pkg.aliases).toEqual([]);
  });

  test("two rows naming one package are #VALUE! naming both rows", () => {
    // Rows 2 and 3 of the sheet (under the header): Onboarding - Self-Paced, and the second
    // row renamed "onboarding - self paced", the same name in another case and spacing.
    const body = grid.body.map((r) => [...r]);
    body[1][0] = "onboarding - self paced";
    expect(thrown(() => psPackagesOf([[...grid.headers], ...body]))).toEqual({
      kind: "value",
      message: 'rates row 3, "Package": "onboarding - self paced" names the same package as row 2.',
    });
  });

  test("a table that is not one names rates", () => {
    expect(thrown(() => psPackagesOf(42))).toEqual({
      kind: "value",
      message: "rates must be a range holding the table Kustomer_PsPackages (with or without its header row); got 42.",
    });
  });

  test("training hours: one of the two left blank is the other alone; a fraction and a whole number summed in decimal", () => {
    // User training 2 h, admin training n/a (the terms silent): training hours = 2; admin
    // training hours is #N/A.
    const userOnly = psPackage(
      "Implementation - Standard",
      "package_name",
      psPackagesOf(withRow("Implementation - Standard", (r) => (r[col("Admin training (hours)")] = "n/a"))),
    );
    expect(psInclusion(userOnly, psInclusionItem("training hours"))).toBe(2);
    expect(thrown(() => psInclusion(userOnly, psInclusionItem("admin training hours")))).toMatchObject({ kind: "na" });
    // 0.14 h + 1 h = 1.14 h in decimal (binary floating point gives 1.1400000000000001), in
    // either column.
    for (const [user, admin] of [
      [0.14, 1],
      [1, 0.14],
    ]) {
      const rows = withRow("Implementation - Standard", (r) => {
        r[col("User training (hours)")] = user;
        r[col("Admin training (hours)")] = admin;
      });
      expect(
        psInclusion(psPackage("Implementation - Standard", "package_name", psPackagesOf(rows)), psInclusionItem("training hours")),
      ).toBe(1.14);
    }
  });
});
