/**
 * The Covered Service argument, through the built bundle on random uptimes, fees and services:
 * on the built-in bands a credit is never negative and never above 50% of the fee (or
 * Commitment); Ultimate AI credits what Ultimate credits (in conversations); every other plan 0;
 * SLAWORKING's credit row and SLACREDIT agree.
 */
import fc from "fast-check";
import { loadBundle, type LoadedBundle } from "../helpers/bundle";
import { SLA_SERVICES } from "../../src/rules/sla/covered";

let b: LoadedBundle;
beforeAll(() => {
  b = loadBundle();
});

// Uptimes from 0 to 1 in steps of 1e-6 (the band edges among them); fees in cents to $100,000.
const uptime = fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1_000_000);
const fee = fc.integer({ min: 0, max: 10_000_000 }).map((c) => c / 100);
const service = fc.constantFrom(...SLA_SERVICES.flatMap((s) => s.names), null);

test("a credit is never negative and never above 50% of the fee, for every service", () => {
  fc.assert(
    fc.property(uptime, fee, service, (u, f, s) => {
      const credit = b.call("SLACREDIT", u, f, null, s) as number;
      const pct = b.call("SLACREDITPCT", u, null, s) as number;
      return credit >= 0 && credit <= f * 0.5 && pct >= 0 && pct <= 0.5;
    }),
    { numRuns: 1000 },
  );
});

test("Ultimate AI credits what Ultimate does; another plan nothing; blank is Ultimate", () => {
  const others = SLA_SERVICES.filter((s) => s.value.basis === null).flatMap((s) => s.names);
  fc.assert(
    fc.property(uptime, fee, fc.constantFrom(...others), (u, f, other) => {
      const ultimate = b.call("SLACREDIT", u, f) as number;
      return (
        b.call("SLACREDIT", u, f, null, "Ultimate AI") === ultimate &&
        b.call("SLACREDIT", u, f, null, null) === ultimate &&
        b.call("SLACREDIT", u, f, null, other) === 0 &&
        b.call("SLACREDITPCT", u, null, other) === 0
      );
    }),
    { numRuns: 500 },
  );
});

test("SLAWORKING's last row is SLACREDIT of the month's uptime, for every service", () => {
  // June 2025 (serial 45809): 43,200 minutes; outage in tenths of a minute.
  const outage = fc.integer({ min: 0, max: 432_000 }).map((t) => t / 10);
  fc.assert(
    fc.property(outage, fee, service, (o, f, s) => {
      const rows = b.call("SLAWORKING", 45809, o, f, null, s) as [string, number][];
      const u = b.call("UPTIME", 45809, o) as number;
      return rows[rows.length - 1][1] === b.call("SLACREDIT", u, f, null, s);
    }),
    { numRuns: 500 },
  );
});
