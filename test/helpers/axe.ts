/**
 * axe-core in a page under test: its axe.min.js (from node_modules, no network) is evaluated in
 * the page, then axe.run checks WCAG 2.2 A and AA (the tags below). The page's
 * Content-Security-Policy does not apply to what the test evaluates. Returns one line per
 * violation and element, empty when none.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";

const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
export const WCAG22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: string[]; failureSummary?: string }[] }[];
}

/** The WCAG 2.2 A/AA violations axe finds in the page as it is now (optionally under one selector). */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(
    ([tags, sel]) =>
      (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<unknown> } }).axe.run(sel ? { include: [sel] } : document, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations"],
      }),
    [WCAG22_AA, include ?? ""] as const,
  )) as AxeResult;
  return result.violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${v.id} (${v.help}): ${n.target.join(" ")}${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, " ").slice(0, 160)})` : ""}`,
    ),
  );
}
