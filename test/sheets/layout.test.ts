import { call, freeSheetName, freeTableName, loadedTable } from "../../src/sheets/layout";
import { PS_PACKAGES } from "../../src/rules/rates/professional-services";

describe("sheet and table names never clobber", () => {
  test("Quote, Quote (2), Quote (3)... case-insensitively", () => {
    expect(freeSheetName("Quote", ["Sheet1"])).toBe("Quote");
    expect(freeSheetName("Quote", ["quote"])).toBe("Quote (2)");
    expect(freeSheetName("Quote", ["Quote", "QUOTE (2)"])).toBe("Quote (3)");
    expect(freeSheetName("Invoice check", ["Invoice check", "Invoice check (2)", "Invoice check (3)"])).toBe("Invoice check (4)");
  });
  test("a table name is free among tables and workbook names", () => {
    expect(freeTableName("InvoiceCheck", ["Kustomer_DataPricePerGB"])).toBe("InvoiceCheck");
    expect(freeTableName("InvoiceCheck", ["invoicecheck", "InvoiceCheck_2"])).toBe("InvoiceCheck_3");
  });
});

describe("the rates argument", () => {
  test("appended after the function's last parameter, padding omitted ones; dropped when no table", () => {
    expect(call("STORAGEALLOWANCE", 5, ["A1", '"data"'], "Kustomer_StorageAllocation")).toBe(
      'KUSTOMER.STORAGEALLOWANCE(A1,"data",,,,Kustomer_StorageAllocation[#All])',
    );
    expect(call("STORAGEALLOWANCE", 5, ["A1", '"data"', undefined, "B1"], null)).toBe('KUSTOMER.STORAGEALLOWANCE(A1,"data",,B1)');
    expect(call("MANAGEDHOURS", 2, ["A1"], "T")).toBe("KUSTOMER.MANAGEDHOURS(A1,,T[#All])");
    expect(() => call("PSEXPIRY", 2, ["a", "b", "c"])).toThrow(RangeError);
  });
  test("the card's own table first, else the first beside copy, else none", () => {
    expect(loadedTable(PS_PACKAGES, { tables: ["Kustomer_PsPackages_3", "kustomer_pspackages"], names: [] })).toBe("kustomer_pspackages");
    expect(
      loadedTable(PS_PACKAGES, { tables: ["Kustomer_PsPackages_10", "Kustomer_PsPackages_3", "Kustomer_PsPackagesX"], names: [] }),
    ).toBe("Kustomer_PsPackages_3");
    expect(loadedTable(PS_PACKAGES, { tables: ["Kustomer_PsLimits"], names: ["Kustomer_PsPackages"] })).toBeNull();
  });
});
