/**
 * The Quote's package checks as properties, through the spreadsheet engine and the built bundle:
 * any packages in the four rows, any client, any managed-services level. Each check must say what
 * the table of the Professional Services Terms below says (restated here from the terms, package
 * by package, not from the layout), every fee must reach the total, and nothing is an error.
 */
import fc from "fast-check";
import { NOTHING_LOADED } from "../../src/sheets/layout";
import {
  ALLOWED,
  CLIENT_CHOICES,
  MANAGED_CHOICES,
  PS_PACKAGE_CHOICES,
  PS_ROWS,
  QUOTE_FLAGS,
  QUOTE_INPUT_CELLS as IN,
  QUOTE_RESULT_CELLS as OUT,
  quoteLayout,
  quotePackageCells as pkg,
} from "../../src/sheets/quote-layout";
import { evaluate } from "./engine";
import { INPUTS } from "./hand-worked-quote";

// Who may buy what (Professional Services Terms, each package's Eligibility):
// - Onboarding (§2, §3) and Implementation - Basic / - Standard (§4, §5): a new client's initial
//   implementation, so new clients only.
// - Data Migration, and - Zendesk (§7, §8): "new Clients only", and "alongside a Kustomer
//   Implementation" (Basic or Standard; an AI Implementation configures AI Agents, not the platform).
// - Optimization Assessment (§6): "existing Clients only".
// - Implementation - AI Basic / - AI Advanced (§9, §10): "new or existing Clients".
// - Managed Services (§11): existing clients, or a new client beside the Implementation it buys.
// - AI Managed Services (§12): as Managed Services, and an AI Implementation in the quote or done.
type Kind = "initial" | "migration" | "assessment" | "ai";
const KIND: Record<string, Kind> = {
  "Onboarding - Self-Paced": "initial",
  "Onboarding Essentials": "initial",
  "Implementation - Basic": "initial",
  "Implementation - Standard": "initial",
  "Optimization Assessment": "assessment",
  "Data Migration - Small": "migration",
  "Data Migration - Medium": "migration",
  "Data Migration - Large": "migration",
  "Data Migration - Zendesk": "migration",
  "Implementation - AI Basic": "ai",
  "Implementation - AI Advanced": "ai",
};

function expected(packages: string[], client: string, level: string) {
  const isNew = client === "New client";
  const implementation = packages.some((p) => p === "Implementation - Basic" || p === "Implementation - Standard");
  const ai = packages.some((p) => KIND[p] === "ai");
  const checks = packages.map((p) => {
    if (p === "") return "";
    const kind = KIND[p];
    if (kind === "migration" && !isNew) return QUOTE_FLAGS.migrationExisting;
    if (kind === "initial" && !isNew) return QUOTE_FLAGS.initialExisting;
    if (kind === "migration" && !implementation) return QUOTE_FLAGS.migrationAlone;
    if (kind === "assessment" && isNew) return QUOTE_FLAGS.assessmentNew;
    return ALLOWED;
  });
  const aiLevel = level.startsWith("AI ");
  const managed =
    level === ""
      ? ""
      : isNew && !implementation
        ? aiLevel
          ? QUOTE_FLAGS.aiManagedNew
          : QUOTE_FLAGS.managedNew
        : aiLevel && !ai && client !== "Existing client with an AI Implementation completed"
          ? QUOTE_FLAGS.aiManagedAlone
          : ALLOWED;
  return { checks, managed };
}

test("any packages, client and level: each check is the terms', every fee is in the total", () => {
  expect(Object.keys(KIND).sort()).toEqual([...PS_PACKAGE_CHOICES].sort());
  const layout = quoteLayout(NOTHING_LOADED);
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom("", ...PS_PACKAGE_CHOICES), { minLength: PS_ROWS, maxLength: PS_ROWS }),
      fc.array(fc.integer({ min: 0, max: 50_000 }), { minLength: PS_ROWS, maxLength: PS_ROWS }),
      fc.constantFrom(...CLIENT_CHOICES),
      fc.constantFrom("", ...MANAGED_CHOICES),
      (packages, fees, client, level) => {
        const inputs: Record<string, string | number> = { ...INPUTS, [IN.client]: client, [IN.managedLevel]: level };
        packages.forEach((p, i) => {
          inputs[pkg(i).package] = p;
          inputs[pkg(i).kickoff] = "";
          inputs[pkg(i).fee] = fees[i];
        });
        const s = evaluate(layout, { inputs });
        const want = expected(packages, client, level);
        expect(packages.map((_p, i) => s.get(pkg(i).check))).toEqual(want.checks);
        expect(s.get(OUT.managedCheck)).toBe(want.managed);
        // The hand-worked lines ($2,161) and every fee typed, whole dollars: exact in binary.
        expect(s.get(OUT.total)).toBe(2161 + fees.reduce((a, b) => a + b, 0));
      },
    ),
    { numRuns: 40 },
  );
});
