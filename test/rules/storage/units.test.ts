/**
 * Sizes in GB written with a unit (src/rules/storage/units.ts, toGb), as the rate tables read
 * them: decimal units, 1 TB = 1000 GB, 1 GB = 1000 MB, 1 MB = 1000 KB.
 */
import { Money } from "../../../src/rules/core/money";
import { toGb } from "../../../src/rules/storage/units";
import { ruleError } from "../../helpers/rule-error";

const gb = (v: unknown) => {
  const r = toGb(v, "used_gb", "a number of GB");
  return r instanceof Money ? r.toString() : r;
};

test("a size with its unit: 45.3 GB is 45.3; 500 MB 0.5; 1.2 TB 1200; 800 KB 0.0008", () => {
  expect(gb("45.3 GB")).toBe("45.3");
  expect(gb("45.3GB")).toBe("45.3");
  expect(gb(" 45.3 gb ")).toBe("45.3");
  // 500 MB / 1000 = 0.5 GB; 1.2 TB x 1000 = 1200 GB; 800 KB / 1,000,000 = 0.0008 GB.
  expect(gb("500 MB")).toBe("0.5");
  expect(gb("1.2 TB")).toBe("1200");
  expect(gb("800 KB")).toBe("0.0008");
  // Thousands commas as Excel reads them: 1,250.5 GB.
  expect(gb("1,250.5 GB")).toBe("1250.5");
  // An Excel data type holding the text (a String cell value) reads the same.
  expect(gb({ type: "String", basicValue: "45.3 GB" })).toBe("45.3");
});

test("a number, or numeric text without a unit, as before", () => {
  // The number 45.3 is read as its shortest text, exactly 45.3.
  expect(gb(45.3)).toBe("45.3");
  expect(gb("45.3")).toBe("45.3");
});

test("an unknown unit or a word is #VALUE!; blank is required", () => {
  expect(ruleError(() => gb("45.3 PB"))).toEqual({ kind: "value", message: 'used_gb must be a number; got "45.3 PB".' });
  expect(ruleError(() => gb("lots GB"))).toEqual({ kind: "value", message: 'used_gb must be a number; got "lots GB".' });
  expect(ruleError(() => gb(null))).toEqual({ kind: "value", message: "used_gb is required: expected a number of GB." });
});

test("a blank text of Excel's longest cell is #VALUE!, its message giving the text's real length", () => {
  // 32,767 spaces: no number and no unit. The message quotes the first 57 characters, then "..."
  // and the length of the text received (not of the quote made of it).
  const spaces = " ".repeat(32767);
  expect(ruleError(() => gb(spaces))).toEqual({
    kind: "value",
    message: `used_gb must be a number; got "${" ".repeat(57)}..." (32767 characters).`,
  });
  // Spaces then a size, and a sign, spaces and grouped digits: read as before (5 GB; -1,200 MB is -1.2 GB).
  expect(gb(" ".repeat(32000) + "5 GB")).toBe("5");
  expect(gb("- 1,200 MB")).toBe("-1.2");
  expect(gb("+ .5 TB")).toBe("500");
});
