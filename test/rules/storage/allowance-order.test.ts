/**
 * STORAGEALLOWANCE with an Order's allocation table (Kustomer_StorageAllocation given as
 * `rates`), the plan names such a table takes, and exact arithmetic on rates the card does not
 * have. Values by hand.
 */
import { allocationPlan, storageAllowance, storageAllowanceToNumber, STORAGE_PLANS } from "../../../src/rules/storage/allowance";
import { allocationTableOf } from "../../../src/functions/rates";
import { toChoice } from "../../../src/rules/core/args";
import { Money } from "../../../src/rules/core/money";
import type { StoragePlan } from "../../../src/rules/rates/storage";
import { STORAGE_ALLOCATION } from "../../../src/rules/rates/storage";
import { cardGrid } from "../../../src/sheets/rate-card-layout";
import { ruleError } from "../../helpers/rule-error";

const HEADERS = [...cardGrid(STORAGE_ALLOCATION).headers];
// Plan, default data, default attachments, data per user, attachments per user, data per 1k, attachments per 1k.
const table = (...rows: unknown[][]) => allocationTableOf([HEADERS, ...rows]);

describe("an Order's plan names", () => {
  // "Gold (legacy)" is also Gold, "Gold (legacy plan)" and "Gold legacy"; "Silver" is itself only.
  const t = table(
    ["Gold (legacy)", 10, 20, 1, 2, "n/a", "n/a"],
    ["Silver", 5, 10, 0.5, 1, 0.1, 0.2],
    ["Bronze(legacy)", 1, 2, 0.1, 0.2, "n/a", "n/a"],
  );
  test.each(["Gold (legacy)", "Gold", "gold (legacy plan)", "Gold legacy"])("%s is Gold (legacy)", (name) => {
    expect(allocationPlan(name, t).label).toBe("Gold (legacy)");
  });
  test("a plan written without a space before (legacy) has the same names", () => {
    expect(allocationPlan("Bronze", t).label).toBe("Bronze(legacy)");
  });
  test("a plan the table lacks is #N/A naming plan", () => {
    expect(ruleError(() => allocationPlan("Silver legacy", t))).toMatchObject({ kind: "na" });
    // A label longer than "(legacy)" but not ending in it has no shorter name: "Enterprise" is
    // not "En" (its first 10 - 8 characters).
    expect(ruleError(() => allocationPlan("En", table(["Enterprise", 10, 20, 1, 2, 0.5, 1])))).toMatchObject({ kind: "na" });
    expect(ruleError(() => allocationPlan("Platinum", t)).message).toMatch(/^plan "Platinum"/);
  });
  test("(legacy) in any case, after any spaces: 'Tin   (LEGACY)' is also Tin; '(legacy)' alone is itself only", () => {
    const u = table(["Tin   (LEGACY)", 1, 2, 0.1, 0.2, "n/a", "n/a"], ["(legacy)", 1, 2, 0.1, 0.2, "n/a", "n/a"]);
    expect(allocationPlan("tin", u).label).toBe("Tin   (LEGACY)");
    expect(allocationPlan("Tin legacy", u).label).toBe("Tin   (LEGACY)");
    expect(allocationPlan("(legacy)", u).label).toBe("(legacy)");
    expect(ruleError(() => allocationPlan("legacy", u))).toMatchObject({ kind: "na" });
  });
  test("(legacy) only at the end: 'Gold (legacy) plus' is its own name", () => {
    const u = table(["Gold (legacy) plus", 10, 20, 1, 2, "n/a", "n/a"]);
    expect(allocationPlan("Gold (legacy) plus", u).label).toBe("Gold (legacy) plus");
    expect(ruleError(() => allocationPlan("Gold", u))).toMatchObject({ kind: "na" });
  });
  test("two rows naming one plan are #VALUE! naming both rows", () => {
    // Row 2 "Gold (legacy)" is also "Gold"; row 3 "Gold" names it again.
    expect(ruleError(() => table(["Gold (legacy)", 10, 20, 1, 2, "n/a", "n/a"], ["Gold", 5, 10, 0.5, 1, "n/a", "n/a"]))).toEqual({
      kind: "value",
      message: 'rates row 3, "Plan": "Gold" names the same plan as row 2.',
    });
  });
  test("a table that is not one names rates", () => {
    expect(ruleError(() => allocationTableOf(42))).toEqual({
      kind: "value",
      message: "rates must be a range holding the table Kustomer_StorageAllocation (with or without its header row); got 42.",
    });
  });
});

describe("exact arithmetic on an Order's rates", () => {
  test("a default with more decimals than the per-user rate: 2.5 GB + 1 GB x 10 users = 12.5 GB", () => {
    const plan = allocationPlan("Gold", table(["Gold", 2.5, 20, 1, 2, 0.1, 0.2]));
    expect(storageAllowanceToNumber({ plan, category: "data", fullTimeUsers: 10, organizations: 1 })).toBe(12.5);
  });
  test("a default with more decimals than the per-1k rate: 2.5 GB + 1 GB x 3,000 / 1,000 = 5.5 GB", () => {
    const plan = allocationPlan("Gold", table(["Gold", 2.5, 20, 1, 2, 1, 0.2]));
    expect(storageAllowanceToNumber({ plan, category: "data", committedConversations: 3000, organizations: 1 })).toBe(5.5);
  });
});

describe("built-in names and errors", () => {
  test('"Professional legacy" is Professional', () => {
    expect(toChoice("Professional legacy", "plan", STORAGE_PLANS)).toBe("Professional");
  });
  test("an unknown plan given to the rule directly is #VALUE! listing the card's plans", () => {
    expect(ruleError(() => storageAllowance({ plan: "Gold" as StoragePlan, category: "data", organizations: 1 }))).toEqual({
      kind: "value",
      message: 'plan "Gold" is not known; expected one of: Professional, Business, Enterprise, Ultimate.',
    });
  });
  test("the default argument name is plan", () => {
    expect(ruleError(() => allocationPlan("Gold")).message).toMatch(/^plan "Gold" is not known/);
  });
  test("fractional users on several organizations: (20 + 1 x 2.5) / 3 = 7.5", () => {
    expect(storageAllowance({ plan: "Ultimate", category: "data", fullTimeUsers: new Money(2.5), organizations: 3 }).gb.toString()).toBe(
      "7.5",
    );
  });
  test("users and conversations together are #VALUE! on the number path too", () => {
    expect(
      ruleError(() =>
        storageAllowanceToNumber({ plan: "Ultimate", category: "data", fullTimeUsers: 10, committedConversations: 2000, organizations: 1 }),
      ),
    ).toEqual({
      kind: "value",
      message: "Give full_time_users (seat-based plans) or committed_conversations (conversation-based plans), not both.",
    });
  });
  test("a sum past 2^53 is divided exactly: (20 + 9,007,199,254,740,991 users x 1 GB) / 3 organizations", () => {
    // Ultimate data: 20 GB + 1 GB per user. 20 + 9,007,199,254,740,991 = 9,007,199,254,741,011,
    // and 3 x 3,002,399,751,580,337 = 9,007,199,254,741,011: exactly 3,002,399,751,580,337 GB,
    // a safe integer. (The sum as a double is 9,007,199,254,741,012, whose third is ...337.5.)
    expect(storageAllowanceToNumber({ plan: "Ultimate", category: "data", fullTimeUsers: 9007199254740991, organizations: 3 })).toBe(
      3002399751580337,
    );
  });
  test("an Order's plan with a per-1k rate for data but n/a for attachments has no conversation-based allocation", () => {
    const plan = allocationPlan("Gold", table(["Gold", 10, 20, 1, 2, 0.5, "n/a"]));
    expect(
      ruleError(() => storageAllowanceToNumber({ plan, category: "data", committedConversations: 1000, organizations: 1 })),
    ).toMatchObject({
      kind: "na",
    });
  });
});

describe("rates far below a GB are exact", () => {
  // "0.001 KB" is 0.000000001 GB (1 KB = 0.000001 GB), read digit for digit and summed exactly.
  const tiny = "0.001 KB";
  test("a tiny default alone: 0.000000001 GB", () => {
    const plan = allocationPlan("Gold", table(["Gold", tiny, 20, 1, 2, 0.5, 1]));
    expect(storageAllowanceToNumber({ plan, category: "data", organizations: 1 })).toBe(0.000000001);
  });
  test("a tiny default with users: 0.000000001 GB + 1 GB x 10 users = 10.000000001 GB", () => {
    const plan = allocationPlan("Gold", table(["Gold", tiny, 20, 1, 2, 0.5, 1]));
    expect(storageAllowanceToNumber({ plan, category: "data", fullTimeUsers: 10, organizations: 1 })).toBe(10.000000001);
  });
  test("a tiny default with conversations: 0.000000001 GB + 0.5 GB x 3,000 / 1,000 = 1.500000001 GB", () => {
    const plan = allocationPlan("Gold", table(["Gold", tiny, 20, 1, 2, 0.5, 1]));
    expect(storageAllowanceToNumber({ plan, category: "data", committedConversations: 3000, organizations: 1 })).toBe(1.500000001);
  });
  test("a tiny per-user rate: 2 GB + 0.000000001 GB x 10 users = 2.00000001 GB", () => {
    const plan = allocationPlan("Gold", table(["Gold", 2, 20, tiny, 2, 0.5, 1]));
    expect(storageAllowanceToNumber({ plan, category: "data", fullTimeUsers: 10, organizations: 1 })).toBe(2.00000001);
  });
  test("a tiny per-1k rate: 2 GB + 0.000000001 GB x 3,000 / 1,000 = 2.000000003 GB", () => {
    const plan = allocationPlan("Gold", table(["Gold", 2, 20, 1, 2, tiny, 1]));
    expect(storageAllowanceToNumber({ plan, category: "data", committedConversations: 3000, organizations: 1 })).toBe(2.000000003);
  });
});

describe("the number path refuses what the rule refuses, with the same error", () => {
  test("an unknown plan given directly is #VALUE! listing the card's plans", () => {
    expect(ruleError(() => storageAllowanceToNumber({ plan: "Gold" as StoragePlan, category: "data", organizations: 1 }))).toEqual({
      kind: "value",
      message: 'plan "Gold" is not known; expected one of: Professional, Business, Enterprise, Ultimate.',
    });
  });
  // Each way in: the default alone, users (0.5 users, a scale of 1), conversations.
  const ways = [
    ["the default alone", {}],
    ["0.5 users", { fullTimeUsers: 0.5 }],
    ["1,000 conversations", { committedConversations: 1000 }],
  ] as const;
  test.each(ways)("1.5 organizations are #NUM! (%s)", (_, extra) => {
    expect(ruleError(() => storageAllowanceToNumber({ plan: "Ultimate", category: "data", organizations: 1.5, ...extra }))).toMatchObject({
      kind: "num",
      message: expect.stringMatching(/^organizations must be a whole number/),
    });
  });
  test.each(ways)("0 and -1 organizations are #NUM! (%s)", (_, extra) => {
    for (const organizations of [0, -1]) {
      expect(ruleError(() => storageAllowanceToNumber({ plan: "Ultimate", category: "data", organizations, ...extra }))).toMatchObject({
        kind: "num",
        message: expect.stringMatching(/^organizations must be at least 1/),
      });
    }
  });
});

describe("a plan label with spaces around it", () => {
  test('" Gold (legacy) " is read trimmed, so it is also Gold', () => {
    const t = table([" Gold (legacy) ", 10, 20, 1, 2, "n/a", "n/a"]);
    expect(allocationPlan("Gold", t).label).toBe("Gold (legacy)");
  });
});

describe("organizations past 2^53 / 10: still the double nearest the exact quotient", () => {
  test("Ultimate data, 0.5 users, 9,007,199,254,740,988 organizations", () => {
    // (20 GB + 1 GB x 0.5) / 9,007,199,254,740,988 = 205 / 90,071,992,547,409,880. In doubles the
    // divisor 10 x 9,007,199,254,740,988 would be past 2^53 and round, and 205 divided by that
    // rounded double is 2.2759572004815717e-15, one unit in the last place
    // low. The exact quotient is 2.27595720048157196...e-15 (decimal.js-light, 60 digits, below), whose
    // nearest double prints as 2.275957200481572e-15.
    const exact = new (Money.clone({ precision: 60 }))(205).div("90071992547409880");
    expect(exact.toFixed(35)).toMatch(/^0\.0000000000000022759572004815719/);
    expect(storageAllowanceToNumber({ plan: "Ultimate", category: "data", fullTimeUsers: 0.5, organizations: 9007199254740988 })).toBe(
      2.275957200481572e-15,
    );
  });
});
