import { shiftRows, translateStructured } from "./structured-refs";

const T = { InvoiceCheck: { headerRow: 14, firstCol: 0, headers: ["Line type", "Used GB", "Billed", "A'b"], rows: 8 } };
const CARD = { Kustomer_PsPackages: { sheet: "PS Packages", headerRow: 4, firstCol: 0, headers: ["Package", "Kick-off"], rows: 11 } };

describe("structured references to A1", () => {
  test("[@Col] and [@[Col name]] are the current row's cells", () => {
    expect(translateStructured('=IF([@[Line type]]="","",[@Billed]*2)', T, { table: "InvoiceCheck", row: 17 })).toBe(
      '=IF(A17="","",C17*2)',
    );
    expect(translateStructured("=InvoiceCheck[@[Used GB]]", T, { table: "InvoiceCheck", row: 15 })).toBe("=B15");
  });
  test("Table[Col] is the body column; Table[#All] the header and body, on its sheet", () => {
    // Body rows 15..22 (header row 14, 8 rows); the card's #All is rows 4..15.
    expect(translateStructured("=SUM(InvoiceCheck[Billed])", T)).toBe("=SUM(C15:C22)");
    expect(translateStructured("=KUSTOMER.PSEXPIRY(B5,B6,Kustomer_PsPackages[#All])", CARD)).toBe(
      "=KUSTOMER.PSEXPIRY(B5,B6,'PS Packages'!A4:B15)",
    );
  });
  test("' escapes a bracket character in a header; text in quotes is left alone", () => {
    expect(translateStructured("=[@[A''b]]", T, { table: "InvoiceCheck", row: 20 })).toBe("=D20");
    expect(translateStructured('="[@Billed] ""x"""&[@Billed]', T, { table: "InvoiceCheck", row: 20 })).toBe('="[@Billed] ""x"""&C20');
  });
  test("unknown tables and columns are refused", () => {
    expect(() => translateStructured("=Nope[#All]", T)).toThrow(/no table Nope/);
    expect(() => translateStructured("=[@Nope]", T, { table: "InvoiceCheck", row: 15 })).toThrow(/no column Nope/);
    expect(() => translateStructured("=[@Billed]", T)).toThrow(/outside a table/);
  });
  test("shiftRows moves relative rows only", () => {
    expect(shiftRows('=AND($A15<>"",NOT(OR($A15="Row 15")),$B$2>0)', 3)).toBe('=AND($A18<>"",NOT(OR($A18="Row 15")),$B$2>0)');
  });
});
