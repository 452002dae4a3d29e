/* The benchmark's Order-import section: the validator (src/tables/order-file.ts, transpiled
 * in memory) on the worst shapes of file found by probing, each beside a plain file of the same
 * size. Goal: any file under the size limit is judged in under 1 s. Median of 5 runs. */
"use strict";
const path = require("path");

require("./ts-require.cjs");

const root = path.join(__dirname, "..");

function measureImport() {
  const { importOrderRates } = require(path.join(root, "src/tables/order-file.ts"));
  const { MAX_ORDER_FILE_CHARS } = require(path.join(root, "src/tables/limits.ts"));
  const { STORAGE_PRICES } = require(path.join(root, "src/rules/rates/storage.ts"));
  const HEADER = "Storage,Price per GB (USD)\n";
  /** A well-formed file of about `size` characters: at most 1000 rows, long labels. */
  const plain = (size) => {
    const rows = Math.max(2, Math.min(1000, Math.floor(size / 40)));
    const label = "x".repeat(Math.max(1, Math.floor((size - HEADER.length) / rows) - 20));
    return HEADER + Array.from({ length: rows }, (_, i) => `Tier ${i} ${label},${i}.25`).join("\n");
  };
  const json = (n) => `[{"Storage": "Data storage", "Price per GB (USD)": ${n}}]`;
  const shapes = [
    ['unquoted field of a"a"a"… (300 KB)', HEADER + "Data storage," + 'a"'.repeat(150_000) + "\n", "o.csv"],
    ['unquoted field of a"a"a"… (900 KB)', HEADER + "Data storage," + 'a"'.repeat(450_000) + "\n", "o.csv"],
    ["price of -, spaces, x (300 KB)", HEADER + "Data storage,-" + " ".repeat(300_000) + "x\n", "o.csv"],
    ["one-column CSV, 65,000 rows", "Storage\n" + Array.from({ length: 65_000 }, (_, i) => `row ${i}`).join("\n"), "o.csv"],
    ["1000 rows, every price wrong (1002 problems)", HEADER + Array.from({ length: 1000 }, (_, i) => `Tier ${i},lots`).join("\n"), "o.csv"],
    ["JSON number 0.{900k zeros}1", json(`0.${"0".repeat(900_000)}1`), "o.json"],
    ["JSON key of 900k spaces", `[{"${" ".repeat(900_000)}": 1}]`, "o.json"],
    ['one quoted field, 990 KB of "" pairs', HEADER + 'Data storage,"' + '""'.repeat(495_000) + '"\n', "o.csv"],
  ];
  const time = (f) => {
    f();
    const xs = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      f();
      xs.push(performance.now() - t0);
    }
    return xs.sort((a, b) => a - b)[2];
  };
  return shapes.map(([name, text, file]) => {
    if (text.length > MAX_ORDER_FILE_CHARS) throw new Error(`${name}: ${text.length} characters is over the size limit`);
    const worst = time(() => importOrderRates(STORAGE_PRICES, file, text));
    const base = plain(text.length);
    const same = time(() => importOrderRates(STORAGE_PRICES, "plain.csv", base));
    return { name, chars: text.length, ms: worst, plain_ms: same };
  });
}

module.exports = { measureImport };
