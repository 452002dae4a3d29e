/**
 * A zone's local time read from its formatter's text (src/rules/contract/season.ts) agrees with
 * the formatter's own parts (Intl's formatToParts, read here independently) for every zone the
 * engine knows, at any instant from 1900 to just past 9999-12-31 (MAINTENANCEWINDOWS looks two days
 * beyond a month, so its last month reaches into the year 10000).
 */
import fc from "fast-check";
import { localEpochSecond, timeZone, ZONE_FIELDS } from "../../src/rules/contract/season";

const FIRST = Date.UTC(1900, 0, 1) / 1000;
const LAST = Date.UTC(10000, 0, 3) / 1000;
const ZONES: string[] = (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf("timeZone");

/** The local wall-clock time from the parts (the same fields, read part by part), as epoch seconds of that wall clock. */
function fromParts(utcSecond: number, zone: string): number {
  const f = new Intl.DateTimeFormat("en-US", { ...ZONE_FIELDS, timeZone: zone });
  const p = Object.fromEntries(f.formatToParts(utcSecond * 1000).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour) % 24, Number(p.minute), Number(p.second)) / 1000;
}

test("every zone, any instant: the formatter's text gives the time its parts give", () => {
  expect(ZONES.length).toBeGreaterThan(300);
  fc.assert(
    fc.property(
      fc.constantFrom(...ZONES),
      fc.integer({ min: FIRST, max: LAST }),
      (zone, t) => localEpochSecond(t, timeZone(zone)) === fromParts(t, zone),
    ),
    { numRuns: 5000 },
  );
});
