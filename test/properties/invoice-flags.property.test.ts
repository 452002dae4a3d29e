/**
 * The Invoice check's claim flags on random lines, in the real spreadsheet engine (HyperFormula
 * with the built bundle's functions, ../sheets/engine): a Voice line is "Prorated" exactly when
 * its amount is not a whole number of monthly fees; a storage line is "Wrong allowance" exactly
 * when its stated allowance differs from STORAGEALLOWANCE of its plan, users or conversations and
 * organizations. The lines are drawn by fast-check on the project's seed and checked in one sheet.
 */
import fc from "fast-check";
import { NOTHING_LOADED } from "../../src/sheets/layout";
import { FLAGS, invoiceLayout } from "../../src/sheets/invoice-layout";
import { evaluate } from "../sheets/engine";
import { loadBundle } from "../helpers/bundle";

const layout = invoiceLayout(NOTHING_LOADED);

test("a Voice line is Prorated exactly when it bills a fraction of a fee; else its amount decides", () => {
  const line = fc.record({
    numbers: fc.integer({ min: 0, max: 50 }),
    feeCents: fc.integer({ min: 1, max: 10_000 }),
    wholeFees: fc.integer({ min: 0, max: 60 }),
    // 0: whole fees; 1..19: that many twentieths of a fee more (a day's or a half month's proration).
    twentieths: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 19 })),
  });
  const lines = fc.sample(line, 150);
  const rows = lines.map((l) => ({
    "Line type": "Voice phone numbers",
    "Seats or quantity": l.numbers,
    "Price or old price": l.feeCents / 100,
    Billed: ((l.wholeFees * 20 + l.twentieths) * l.feeCents) / 2000,
  }));
  const sheet = evaluate(layout, { tableRows: rows });
  lines.forEach((l, i) => {
    const whole = l.twentieths === 0;
    const status = whole ? (l.wholeFees === l.numbers ? "OK" : l.wholeFees > l.numbers ? "Over-billed" : "Under-billed") : FLAGS.prorated;
    expect({ i, line: l, status: sheet.tableCell("Status", i) }).toEqual({ i, line: l, status });
  });
  // Both kinds were drawn.
  expect(lines.some((l) => l.twentieths === 0) && lines.some((l) => l.twentieths > 0)).toBe(true);
});

test("a storage line is Wrong allowance exactly when its stated allowance is not the terms'", () => {
  const bundle = loadBundle();
  const line = fc.record({
    data: fc.boolean(),
    plan: fc.constantFrom("Professional", "Business", "Enterprise", "Ultimate"),
    users: fc.integer({ min: 0, max: 300 }),
    conversationsK: fc.integer({ min: 0, max: 200 }),
    byConversations: fc.boolean(),
    organizations: fc.integer({ min: 1, max: 6 }),
    // The stated allowance: the terms' (0), or off by a multiple of 0.25 GB.
    offQuarters: fc.oneof(fc.constant(0), fc.integer({ min: -40, max: 40 })),
  });
  // Conversations only on the plans that have a per-1k amount (Enterprise, Ultimate).
  const lines = fc.sample(line, 120).map((l) => ({ ...l, byConversations: l.byConversations && /Enterprise|Ultimate/.test(l.plan) }));
  const rows = lines.map((l) => {
    const category = l.data ? "data" : "attachment";
    const users = l.byConversations ? null : l.users;
    const conversations = l.byConversations ? l.conversationsK * 1000 : null;
    const terms = bundle.call("STORAGEALLOWANCE", l.plan, category, users, conversations, l.organizations, null) as number;
    const stated = Math.max(0, terms + l.offQuarters / 4);
    const line: Record<string, string | number> = {
      "Line type": l.data ? "Data storage overage" : "Attachment storage overage",
      "Used GB": 0,
      "Allowance GB": stated,
      "Plan or service": l.plan,
      ...(users === null ? {} : { "Full-time users": users }),
      ...(conversations === null ? {} : { "Committed conversations": conversations }),
      Organizations: l.organizations,
      Billed: 0,
    };
    return { line, stated, terms };
  });
  const sheet = evaluate(layout, { tableRows: rows.map((r) => r.line) });
  rows.forEach((r, i) => {
    // HyperFormula hands back a formula's number rounded to 8 decimal places (1,000 GB / 3 shows
    // as 333.33333333), so the column is compared to 8 places; the flag below compares in full.
    expect({ i, terms: Math.round((sheet.tableCell("Allowance by terms GB", i) as number) * 1e8) }).toEqual({
      i,
      terms: Math.round(r.terms * 1e8),
    });
    // Nothing used, nothing billed: the amount is OK, so Status is the allowance's flag or OK.
    const status = r.stated === r.terms ? "OK" : FLAGS.allowance;
    expect({ i, status: sheet.tableCell("Status", i) }).toEqual({ i, status });
  });
  expect(rows.some((r) => r.stated === r.terms) && rows.some((r) => r.stated !== r.terms)).toBe(true);
});
