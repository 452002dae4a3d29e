/**
 * An Order's SLA tables in any row order (docs/terms.md: "rows in any order"): each
 * built-in SLA card, given as `rates` with its rows in every order, with and without its header
 * row, gives the card's own results. The expected values are worked by hand from 003 §5 and §6.
 */
import { epochDayFromYmd } from "../../../src/rules/core/serial";
import { Money } from "../../../src/rules/core/money";
import { SLA_CREDIT_BANDS, SLA_RESPONSE_TIMES } from "../../../src/rules/rates/sla";
import { cardGrid } from "../../../src/sheets/rate-card-layout";
import { responseDue, responseTimeOf } from "../../../src/rules/sla/response";
import {
  creditBandOf,
  slaCredit,
  slaCreditPct,
  slaCreditPctToNumber,
  slaCreditToNumber,
  slaMonth,
  slaWorking,
  uptimeFraction,
} from "../../../src/rules/sla/uptime";
import { creditBandsOf, responseTimesOf } from "../../../src/functions/rates";

/** Every order of xs. */
function permutations<T>(xs: readonly T[]): T[][] {
  if (xs.length <= 1) return [[...xs]];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
}

/** Every order of a card's rows, each with and without its header row: [label, grid]. */
function everyOrder(card: Parameters<typeof cardGrid>[0]): [string, unknown[][]][] {
  const grid = cardGrid(card);
  const body = grid.body as unknown[][];
  return permutations(body.map((_, i) => i)).flatMap((order): [string, unknown[][]][] => {
    const rows = order.map((i) => body[i]);
    const label = order.map((i) => i + 1).join(",");
    return [
      [`rows ${label}, with header`, [[...grid.headers], ...rows]],
      [`rows ${label}, no header`, rows],
    ];
  });
}

describe("Kustomer_SlaCreditBands in every order (24 orders x with and without header)", () => {
  // 003 §6 and the Decision in docs/terms.md: [99.9%, 100%] none, [99.0%, 99.9%) 10%, [97.0%, 99.0%) 25%,
  // below 97.0% 50%, compared unrounded. On a $1,000 fee: $0, $100, $250, $500.
  const CASES: [number, string, number, number][] = [
    [1, "99.9% or above", 0, 0],
    [0.999, "99.9% or above", 0, 0],
    [0.998999, "99.0%–99.9%", 0.1, 100],
    [0.99, "99.0%–99.9%", 0.1, 100],
    [0.989999, "97.0%–99.0%", 0.25, 250],
    [0.97, "97.0%–99.0%", 0.25, 250],
    [0.969999, "Below 97.0%", 0.5, 500],
    [0, "Below 97.0%", 0.5, 500],
  ];
  const orders = everyOrder(SLA_CREDIT_BANDS);
  test("48 tables, the lowest band first among them", () => {
    expect(orders).toHaveLength(48);
    expect(orders.map(([label]) => label)).toContain("rows 4,3,2,1, with header");
  });
  test.each(orders)("%s: every band edge gives the card's band, credit and amount", (_label, grid) => {
    const table = creditBandsOf(grid);
    // The cap is the highest band's credit, 50%, whichever row holds it.
    expect(table.cap.toString()).toBe("0.5");
    for (const [uptime, band, pct, amount] of CASES) {
      const at = { uptime, grid: _label };
      expect({ ...at, band: creditBandOf(uptimeFraction(new Money(uptime)), table).band }).toEqual({ ...at, band });
      expect({ ...at, pct: slaCreditPct(new Money(uptime), "uptime", table).toNumber() }).toEqual({ ...at, pct });
      expect({ ...at, pct: slaCreditPctToNumber(uptime, "uptime", table) }).toEqual({ ...at, pct });
      expect({ ...at, amount: slaCredit(new Money(uptime), new Money(1000), undefined, table).toNumber() }).toEqual({ ...at, amount });
      expect({ ...at, amount: slaCreditToNumber(uptime, 1000, undefined, table) }).toEqual({ ...at, amount });
    }
    // SLAWORKING: January 2025 has 31 x 1,440 = 44,640 minutes; 1,339.2 outage minutes leave
    // 43,300.8 / 44,640 = 0.97 exactly: the 25% band; on $2,000, $500.
    const w = slaWorking(slaMonth(epochDayFromYmd(2025, 1, 1)), new Money("1339.2"), new Money(2000), table);
    expect([w.band.band, w.creditPct.toString(), w.creditAmount?.toString()]).toEqual(["97.0%–99.0%", "0.25", "500"]);
  });
});

describe("Kustomer_SlaResponseTimes in every order (6 orders x with and without header)", () => {
  // 003 §5: Severe 2 hours, High 8 hours, Medium 3 business days. Submitted Friday 6 June 2025
  // 15:30 (2025-06-01 is a Sunday): Severe 17:30; High 23:30; Medium Mon 9, Tue 10, Wed 11 June 15:30.
  const submitted = epochDayFromYmd(2025, 6, 6) * 86400 + 15 * 3600 + 30 * 60;
  const at = (d: number, hh: number, mm: number) => epochDayFromYmd(2025, 6, d) * 86400 + hh * 3600 + mm * 60;
  const orders = everyOrder(SLA_RESPONSE_TIMES);
  test("12 tables", () => {
    expect(orders).toHaveLength(12);
  });
  test.each(orders)("%s: Severe +2 h, High +8 h, Medium +3 business days", (_label, grid) => {
    const table = responseTimesOf(grid);
    expect(responseDue(responseTimeOf("Severe", table), submitted)).toBe(at(6, 17, 30));
    expect(responseDue(responseTimeOf("High", table), submitted)).toBe(at(6, 23, 30));
    expect(responseDue(responseTimeOf("Medium", table), submitted)).toBe(at(11, 15, 30));
  });
});
