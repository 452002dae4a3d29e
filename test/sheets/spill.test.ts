/**
 * The test engine's dynamic arrays (engine.ts, spill-refs.ts): a KUSTOMER array result spills,
 * `A1#` is the spill's range, INDEX(array, 0, n) is a whole column as in Excel, a spill into a
 * value is #SPILL!, and a reference to a blocked spill is refused. The expected windows are worked
 * by hand: MAINTENANCEWINDOWS(DATE(2025,6,1), , , 14) gives the weekday standing windows from
 * Sunday 18 May 2025: 19-23 and 26-30 May (10) and 2-6, 9-13, 16-20, 23-27 and 30 June (21),
 * 31 rows of (start, end), 06:00-10:00 UTC (02:00-06:00 EDT).
 */
import { evaluateCells } from "./engine";
import { spillAnchors, translateSpillRefs, type SpillLookup } from "./spill-refs";

const sizes: SpillLookup = (anchor) => (anchor === "A2" ? { rows: 10, cols: 1 } : anchor === "H12" ? { rows: 3, cols: 2 } : "none");
// 19 May 2025 is serial 45796 (1 Jan 2025 is 45658; 31 + 28 + 31 + 30 + 18 days later).
const MAY19 = 45796;

describe("A1# translated to the spill's range", () => {
  test.each([
    ["=SUM(A2#)", "=SUM(A2:A11)"],
    ["=INDEX(H12#,0,2)", "=INDEX(H12:I14,0,2)"],
    ["=ROWS($H$12#)+1", "=ROWS($H$12:I14)+1"],
    ["=FILTER(A2#,A2#>3)", "=FILTER(A2:A11,A2:A11>3)"],
    // No spill at B5 (a value, or a formula with one value): #REF!, as Excel gives.
    ["=SUM(B5#)", "=SUM(#REF!)"],
    // Text, an error literal, a name with digits, a structured reference: left alone.
    ['=IF(A1="H12#", #N/A, LOG10(A2#))', '=IF(A1="H12#", #N/A, LOG10(A2:A11))'],
    ["=SUM(T[#All])+AB12", "=SUM(T[#All])+AB12"],
  ])("%s", (formula, expected) => {
    expect(translateSpillRefs(formula, sizes)).toBe(expected);
  });
  test("the anchors a formula refers to, and a sheet-qualified A1# refused", () => {
    expect(spillAnchors("=SUM(A2#)+INDEX($H$12#,0,1)")).toEqual(["A2", "H12"]);
    expect(() => translateSpillRefs("=SUM(Other!A2#)", sizes)).toThrow(/another sheet/);
  });
  test("linear: 200,000 characters answer at once (within the test's time limit)", () => {
    expect(translateSpillRefs(`="${"A1#".repeat(70_000)}`, sizes)).toHaveLength(210_002);
    expect(translateSpillRefs("=" + "A2#+".repeat(50_000) + "1", sizes)).toHaveLength(1 + 50_000 * "A2:A11+".length + 1);
  });
});

describe("the engine spills a KUSTOMER array and reads A1#", () => {
  test("K6 spills 31 rows of 2; ROWS(K6#), INDEX(K6#,0,1) and a spill sized by another spill", () => {
    const e = evaluateCells({
      B2: "=DATE(2025,6,1)",
      K6: "=KUSTOMER.MAINTENANCEWINDOWS(B2, , , 14)",
      A1: "=ROWS(K6#)",
      B1: "=COLUMNS(K6#)",
      // Every standing window claimed, with no notice times: all are Scheduled Maintenance (the
      // standing window needs no notice), 31 rows. Its size is known only once K6's is: the
      // engine evaluates again until both settle.
      N6: "=KUSTOMER.SCHEDULEDMAINTENANCE(INDEX(K6#,0,1), INDEX(K6#,0,2))",
      Q6: "=INDEX(K6#,0,1)",
      S6: "=INDEX(K6#,2,0)",
    });
    expect([e.get("A1"), e.get("B1")]).toEqual([31, 2]);
    const k6 = e.spill("K6");
    expect(k6).toHaveLength(31);
    // 19 May 06:00 and 10:00: 45796 + 6/24 and + 10/24, to the second.
    expect(k6[0].map((v) => Math.round((v as number) * 86_400))).toEqual([(MAY19 * 24 + 6) * 3600, (MAY19 * 24 + 10) * 3600]);
    expect(e.get("K37")).toBeNull();
    expect(e.spill("N6")).toEqual(k6);
    // INDEX(K6#,0,1): the starts, down Q6:Q36; INDEX(K6#,2,0): 20 May's row, across S6:T6.
    expect(e.spill("Q6")).toEqual(k6.map((r) => [r[0]]));
    expect(e.get("Q37")).toBeNull();
    expect([e.get("S6"), e.get("T6"), e.get("S7")]).toEqual([...k6[1], null]);
    expect(e.formulas.get("N6")).toBe("=KUSTOMER.SCHEDULEDMAINTENANCE(INDEX(K6:L36,0,1), INDEX(K6:L36,0,2))");
  });

  test("INDEX with no 0 is HyperFormula's own; a 0 outside the array is #REF!", () => {
    const e = evaluateCells({ A1: 1, A2: 2, B1: 3, B2: 4, D1: "=INDEX(A1:B2,2,2)", F1: "=INDEX(A1:B2,0,3)", D3: "=SUM(INDEX(A1:B2,0,2))" });
    // Row 2, column 2: B2 = 4. Column 3 of a 2-column array: none. Column 2 summed: 3 + 4 = 7.
    expect(e.get("D1")).toBe(4);
    expect(e.get("F1")).toMatchObject({ error: "#REF!" });
    expect(e.get("F2")).toBeNull();
    expect(e.get("D3")).toBe(7);
  });

  test("A1# where A1 spills nothing is #REF!; A1# of HyperFormula's own array functions is refused", () => {
    const e = evaluateCells({ A1: "=1+1", B1: "=SUM(A1#)" });
    expect(e.get("B1")).toMatchObject({ error: "#REF!" });
    expect(() => evaluateCells({ A1: "=SEQUENCE(3)", B1: "=SUM(A1#)" })).toThrow(
      /Main!B1 refers to A1#, a spill of HyperFormula's own array functions: not supported/,
    );
  });

  test("a spill into a value is #SPILL! at its anchor (the value stays); a formula reading it is refused", () => {
    // K6's 31 rows need K6:L36; L9 holds a value.
    const blocked = { B2: "=DATE(2025,6,1)", K6: "=KUSTOMER.MAINTENANCEWINDOWS(B2, , , 14)", L9: "in the way" };
    const e = evaluateCells(blocked);
    expect(e.get("K6")).toMatchObject({ error: "#SPILL!" });
    expect(e.get("L9")).toBe("in the way");
    expect(() => evaluateCells({ ...blocked, A1: "=ROWS(K6#)" })).toThrow(
      /Main!A1 refers to K6#, a spill blocked by a value \(#SPILL!\): refused/,
    );
  });

  test("a KUSTOMER error is one cell, not a spill", () => {
    // "June" is text, not a date: MAINTENANCEWINDOWS answers #VALUE!, one cell, and K6# is no spill.
    const e = evaluateCells({ K6: '=KUSTOMER.MAINTENANCEWINDOWS("June")', A1: "=ROWS(K6#)" });
    expect(e.get("K6")).toMatchObject({ error: "#VALUE!" });
    expect(e.get("A1")).toMatchObject({ error: "#REF!" });
  });
});
