/**
 * Covered Services (003 §1): Ultimate (license based) and Ultimate AI (conversation based) earn a
 * Service Credit; every other Kustomer plan earns none. The rule, without Excel.
 */
import { Money } from "../../../src/rules/core/money";
import { epochDayFromYmd } from "../../../src/rules/core/serial";
import {
  coveredCredit,
  creditLabel,
  isCovered,
  serviceWording,
  SLA_SERVICES,
  slaServiceOf,
  ULTIMATE,
} from "../../../src/rules/sla/covered";
import { slaMonth, slaWorking } from "../../../src/rules/sla/uptime";
import { ruleError as errorOf } from "../../helpers/rule-error";

const CHOICES = "Ultimate, Ultimate AI, Enterprise, Business, Professional, Enterprise AI, Business AI, Professional AI";

describe("reading the service", () => {
  test("blank or omitted is Ultimate, license based", () => {
    expect(slaServiceOf(undefined)).toBe(ULTIMATE);
    expect(slaServiceOf(null)).toBe(ULTIMATE);
    expect(slaServiceOf("")).toBe(ULTIMATE);
    expect(ULTIMATE).toEqual({ name: "Ultimate", basis: "license" });
  });
  test("the two Covered Services, by any of their names, any case", () => {
    expect(slaServiceOf("ultimate ai")).toEqual({ name: "Ultimate AI", basis: "conversation" });
    expect(slaServiceOf("Kustomer Platform Ultimate")).toEqual({ name: "Ultimate", basis: "license" });
    expect(slaServiceOf(" Ultimate  AI ")).toEqual({ name: "Ultimate AI", basis: "conversation" });
  });
  test("the other plans are known but not covered", () => {
    for (const name of ["Professional", "Business (legacy)", "Enterprise", "Enterprise AI", "Business AI", "Professional AI"]) {
      const s = slaServiceOf(name);
      expect({ name, basis: s.basis, covered: isCovered(s) }).toEqual({ name, basis: null, covered: false });
    }
    expect(SLA_SERVICES.filter((s) => isCovered(s.value)).map((s) => s.value.name)).toEqual(["Ultimate", "Ultimate AI"]);
  });
  test("an unknown name is #VALUE! listing the choices", () => {
    expect(errorOf(() => slaServiceOf("Gold"))).toEqual({
      kind: "value",
      message: `service "Gold" is not known; expected one of: ${CHOICES}.`,
    });
    expect(errorOf(() => slaServiceOf(3, "covered_service"))).toEqual({
      kind: "value",
      message: `covered_service "3" is not known; expected one of: ${CHOICES}.`,
    });
  });
});

describe("the credit for a service", () => {
  test("a Covered Service keeps the bands' credit; another plan gets 0", () => {
    expect(coveredCredit(slaServiceOf("Ultimate AI"), 500)).toBe(500);
    expect(coveredCredit(ULTIMATE, 250)).toBe(250);
    expect(coveredCredit(slaServiceOf("Enterprise"), 250)).toBe(0);
  });
  test("the working's words", () => {
    expect(serviceWording(ULTIMATE, "July 2025")).toBe("Ultimate (license based): the credit is money off the monthly fees");
    expect(serviceWording(slaServiceOf("Ultimate AI"), "July 2025")).toBe(
      "Ultimate AI (conversation based): the credit is in the Commitment's units, credited against July 2025's Conversation usage, not money",
    );
    expect(serviceWording(slaServiceOf("Business"), "July 2025")).toBe("Business is not a Covered Service: no credit");
    expect(creditLabel(ULTIMATE)).toBe("Credit amount");
    expect(creditLabel(slaServiceOf("Enterprise"))).toBe("Credit amount");
    expect(creditLabel(slaServiceOf("Ultimate AI"))).toBe("Credit in conversations (next month's usage)");
  });
  test("SLAWORKING's rule: June 2025, 194.4 outage minutes (uptime 0.9955, the 10% band)", () => {
    const june = slaMonth(epochDayFromYmd(2025, 6, 1));
    // 10% of 5,000 = 500 (conversations for Ultimate AI, money for Ultimate); 0 on Enterprise.
    const ai = slaWorking(june, new Money("194.4"), new Money(5000), undefined, slaServiceOf("Ultimate AI"));
    expect([ai.creditPct.toString(), ai.creditAmount?.toString(), ai.service.name]).toEqual(["0.1", "500", "Ultimate AI"]);
    const ent = slaWorking(june, new Money("194.4"), new Money(5000), undefined, slaServiceOf("Enterprise"));
    expect([ent.band.band, ent.creditPct.toString(), ent.creditAmount?.toString()]).toEqual(["99.0%–99.9%", "0", "0"]);
    // The default is Ultimate; a negative fee is refused on any plan.
    expect(slaWorking(june, new Money("194.4"), new Money(5000)).creditAmount?.toString()).toBe("500");
    expect(errorOf(() => slaWorking(june, new Money(0), new Money(-1), undefined, slaServiceOf("Enterprise")))).toEqual({
      kind: "num",
      message: "monthly_fee must not be negative; got -1.",
    });
  });
});
