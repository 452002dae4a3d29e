import {
  storageAllowance,
  storageAllowanceGb,
  storageAllowanceToNumber,
  STORAGE_CATEGORIES,
  STORAGE_PLANS,
  type AllowanceInput,
} from "../../../src/rules/storage/allowance";
import { toChoice } from "../../../src/rules/core/args";
import { Money } from "../../../src/rules/core/money";
import type { StorageCategory, StoragePlan } from "../../../src/rules/rates/storage";
import { ruleError } from "../../helpers/rule-error";

const input = (plan: StoragePlan, category: StorageCategory, more: Partial<AllowanceInput> = {}): AllowanceInput => ({
  plan,
  category,
  organizations: 1,
  ...more,
});
const users = (n: number | string) => ({ fullTimeUsers: new Money(n) });
const gb = (i: AllowanceInput) => storageAllowanceGb(i).toString();

// The allocation table (billing-help, "Default storage allocation per organization"), by hand, in GB
// (1 GB = 1000 MB): default; + 10 full-time users; + 2,000 committed conversations (2 x the per-1k amount).
const CELLS: [StoragePlan, StorageCategory, string, string, string | null][] = [
  // Professional (legacy): data 2.5 GB + 125 MB/user: 2.5 + 1.25 = 3.75; attachments 5 + 1.25 x 10 = 17.5; n/a per 1k.
  ["Professional", "data", "2.5", "3.75", null],
  ["Professional", "attachment", "5", "17.5", null],
  // Business (legacy): data 5 + 250 MB x 10 = 7.5; attachments 10 + 2.5 x 10 = 35; n/a per 1k.
  ["Business", "data", "5", "7.5", null],
  ["Business", "attachment", "10", "35", null],
  // Enterprise: data 10 + 500 MB x 10 = 15, 10 + 150 MB x 2 = 10.3; attachments 20 + 5 x 10 = 70, 20 + 3 x 2 = 26.
  ["Enterprise", "data", "10", "15", "10.3"],
  ["Enterprise", "attachment", "20", "70", "26"],
  // Ultimate: data 20 + 1 x 10 = 30, 20 + 300 MB x 2 = 20.6; attachments 40 + 10 x 10 = 140, 40 + 4 x 2 = 48.
  ["Ultimate", "data", "20", "30", "20.6"],
  ["Ultimate", "attachment", "40", "140", "48"],
];

describe("every cell of the allocation table", () => {
  test.each(CELLS)("%s %s: default %s GB, with 10 users %s GB, with 2,000 conversations %s GB", (plan, category, def, seat, conv) => {
    expect(gb(input(plan, category))).toBe(def);
    expect(gb(input(plan, category, users(10)))).toBe(seat);
    if (conv === null) {
      expect(ruleError(() => storageAllowance(input(plan, category, { committedConversations: 2000 })))).toEqual({
        kind: "na",
        message: `plan ${plan} (legacy) has no conversation-based allocation (the document says n/a); give full_time_users instead, or leave committed_conversations empty.`,
      });
    } else {
      expect(gb(input(plan, category, { committedConversations: 2000 }))).toBe(conv);
    }
  });
});

test.each(CELLS)("%s %s, as a cell's number: %s, %s, %s", (plan, category, def, seat, conv) => {
  // The same hand-worked cells as above, through storageAllowanceToNumber, which the function
  // STORAGEALLOWANCE calls: each the double nearest the exact decimal.
  expect(storageAllowanceToNumber(input(plan, category))).toBe(Number(def));
  expect(storageAllowanceToNumber({ plan, category, organizations: 1, fullTimeUsers: 10 })).toBe(Number(seat));
  if (conv !== null) expect(storageAllowanceToNumber(input(plan, category, { committedConversations: 2000 }))).toBe(Number(conv));
});

describe("seat-based", () => {
  test("a fractional number of users (a straight-line average) is valid", () => {
    // Professional data: 2.5 + 0.125 x 12.5 = 2.5 + 1.5625 = 4.0625 GB.
    expect(gb(input("Professional", "data", users("12.5")))).toBe("4.0625");
    // Business attachments: 10 + 2.5 x 7.25 = 10 + 18.125 = 28.125 GB.
    expect(gb(input("Business", "attachment", users("7.25")))).toBe("28.125");
  });
  test("0 users is the default alone", () => {
    expect(gb(input("Ultimate", "data", users(0)))).toBe("20");
  });
  test("the parts are reported", () => {
    const a = storageAllowance(input("Enterprise", "data", users(10)));
    expect([a.basis, a.defaultGb.toString(), a.additionalGb.toString(), a.accountGb.toString(), a.gb.toString()]).toEqual([
      "seat-based",
      "10",
      "5",
      "15",
      "15",
    ]);
  });
  test("negative users are #NUM!", () => {
    expect(ruleError(() => storageAllowance(input("Ultimate", "data", users(-1))))).toEqual({
      kind: "num",
      message: "full_time_users must not be negative; got -1.",
    });
  });
});

describe("conversation-based: per-1k amounts scale linearly (a Decision in docs/terms.md)", () => {
  test("1,500 committed conversations on Ultimate give 0.45 GB of data", () => {
    // 300 MB x 1,500 / 1,000 = 450 MB = 0.45 GB; + 20 GB default = 20.45 GB.
    const a = storageAllowance(input("Ultimate", "data", { committedConversations: 1500 }));
    expect([a.basis, a.additionalGb.toString(), a.gb.toString()]).toEqual(["conversation-based", "0.45", "20.45"]);
  });
  test("other fractions of a thousand", () => {
    // Enterprise data: 10 + 0.15 x 1.5 = 10.225; Ultimate attachments: 40 + 4 x 1.5 = 46;
    // Enterprise attachments with one conversation: 20 + 3 / 1000 = 20.003.
    expect(gb(input("Enterprise", "data", { committedConversations: 1500 }))).toBe("10.225");
    expect(gb(input("Ultimate", "attachment", { committedConversations: 1500 }))).toBe("46");
    expect(gb(input("Enterprise", "attachment", { committedConversations: 1 }))).toBe("20.003");
  });
  test("0 committed conversations on Ultimate: the 20 GB default, conversation-based", () => {
    // 0 x 300 MB / 1,000 = 0 GB on top of the 20 GB default.
    const a = storageAllowance(input("Ultimate", "data", { committedConversations: 0 }));
    expect([a.basis, a.additionalGb.toString(), a.gb.toString()]).toEqual(["conversation-based", "0", "20"]);
  });
  test("3 committed conversations on Ultimate: 20.0009 GB of data", () => {
    // 300 MB per 1,000 conversations = 0.3 MB per conversation; 3 x 0.3 MB = 0.9 MB = 0.0009 GB;
    // + the 20 GB default = 20.0009 GB. The cell's number is the double nearest 20.0009.
    const a = storageAllowance(input("Ultimate", "data", { committedConversations: 3 }));
    expect([a.basis, a.additionalGb.toString(), a.gb.toString()]).toEqual(["conversation-based", "0.0009", "20.0009"]);
    expect(storageAllowanceToNumber(input("Ultimate", "data", { committedConversations: 3 }))).toBe(20.0009);
    // Attachments: 4 GB per 1,000 = 0.004 GB each; 3 x 0.004 = 0.012; 40 + 0.012 = 40.012.
    expect(storageAllowanceToNumber(input("Ultimate", "attachment", { committedConversations: 3 }))).toBe(40.012);
    // Split across 3 organizations: 20.0009 / 3 = 200009 / 30000, to the nearest double.
    expect(storageAllowanceToNumber(input("Ultimate", "data", { committedConversations: 3, organizations: 3 }))).toBe(200009 / 30000);
    // Enterprise data: 150 MB per 1,000 = 0.15 MB each; 3 x 0.15 = 0.45 MB = 0.00045 GB; 10.00045.
    expect(storageAllowanceToNumber(input("Enterprise", "data", { committedConversations: 3 }))).toBe(10.00045);
  });
  test("fractional or negative conversations are #NUM!", () => {
    expect(ruleError(() => storageAllowance(input("Ultimate", "data", { committedConversations: 1.5 })))).toEqual({
      kind: "num",
      message: "committed_conversations must be a whole number; got 1.5.",
    });
    expect(ruleError(() => storageAllowance(input("Ultimate", "data", { committedConversations: -1 })))).toEqual({
      kind: "num",
      message: "committed_conversations must not be negative; got -1.",
    });
  });
  test("#N/A on Business names the plan", () => {
    expect(ruleError(() => storageAllowance(input("Business", "attachment", { committedConversations: 0 })))).toEqual({
      kind: "na",
      message:
        "plan Business (legacy) has no conversation-based allocation (the document says n/a); give full_time_users instead, or leave committed_conversations empty.",
    });
  });
});

describe("users and conversations together", () => {
  test("is #VALUE!, on every plan", () => {
    for (const plan of ["Professional", "Enterprise"] as const) {
      expect(ruleError(() => storageAllowance(input(plan, "data", { ...users(10), committedConversations: 1000 })))).toEqual({
        kind: "value",
        message: "Give full_time_users (seat-based plans) or committed_conversations (conversation-based plans), not both.",
      });
    }
  });
});

describe("organizations share the allocation equally (a Decision in docs/terms.md)", () => {
  test("the account's allocation is divided", () => {
    // Ultimate data, 10 users: 30 GB / 3 = 10 GB each.
    expect(gb(input("Ultimate", "data", { ...users(10), organizations: 3 }))).toBe("10");
    // Enterprise attachments, 40 users: (20 + 200) / 2 = 110 GB.
    expect(gb(input("Enterprise", "attachment", { ...users(40), organizations: 2 }))).toBe("110");
    // Business attachments, default only: 10 / 3 GB.
    expect(storageAllowanceGb(input("Business", "attachment", { organizations: 3 })).toNumber()).toBe(10 / 3);
  });
  test("fewer than 1, or a fraction, is #NUM!", () => {
    expect(ruleError(() => storageAllowance(input("Ultimate", "data", { organizations: 0 })))).toEqual({
      kind: "num",
      message: "organizations must be at least 1; got 0.",
    });
    expect(ruleError(() => storageAllowance(input("Ultimate", "data", { organizations: 1.5 })))).toEqual({
      kind: "num",
      message: "organizations must be a whole number; got 1.5.",
    });
  });
});

describe("neither users nor conversations", () => {
  test("is the organization default alone", () => {
    const a = storageAllowance(input("Enterprise", "attachment"));
    expect([a.basis, a.additionalGb.toString(), a.gb.toString()]).toEqual(["organization default only", "0", "20"]);
  });
});

describe("plan and category names", () => {
  test.each([
    ["Professional", "Professional"],
    ["professional", "Professional"],
    ["Professional (legacy)", "Professional"],
    ["professional (Legacy Plan)", "Professional"],
    ["Business (legacy)", "Business"],
    ["ENTERPRISE", "Enterprise"],
    ["ultimate", "Ultimate"],
  ])("plan %j is %s", (name, plan) => {
    expect(toChoice(name, "plan", STORAGE_PLANS)).toBe(plan);
  });
  test.each([
    ["data", "data"],
    ["Data storage", "data"],
    ["attachment", "attachment"],
    ["Attachments", "attachment"],
    ["attachment storage", "attachment"],
  ])("category %j is %s", (name, category) => {
    expect(toChoice(name, "category", STORAGE_CATEGORIES)).toBe(category);
  });
  test("unknown names are #VALUE! listing the known ones", () => {
    expect(() => toChoice("Premium", "plan", STORAGE_PLANS)).toThrow(
      'plan "Premium" is not known; expected one of: Professional, Business, Enterprise, Ultimate.',
    );
    expect(() => toChoice("files", "category", STORAGE_CATEGORIES)).toThrow(
      'category "files" is not known; expected one of: data, attachment.',
    );
  });
});
