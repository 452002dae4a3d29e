/* Loads the built functions bundle the way Excel does, for the benchmark and the fuzzer:
 * a stub CustomFunctions global records every associate(id, fn). `fresh: true` loads it into a
 * new vm context (cold load, as the tests do); otherwise it is compiled into this context, where
 * global lookups (Math, Number) are as fast as in Excel's runtime. */
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const DIST = path.join(__dirname, "..", "dist");

class StubError {
  constructor(code, message) {
    this.code = code;
    this.message = message;
  }
}
const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};

function loadBundle({ fresh = false } = {}) {
  const code = fs.readFileSync(path.join(DIST, "functions.js"), "utf8");
  const metadata = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8"));
  const registered = new Map();
  const CustomFunctions = { associate: (id, fn) => registered.set(id, fn), Error: StubError, ErrorCode };
  if (fresh) vm.runInNewContext(code, { CustomFunctions }, { filename: "functions.js" });
  else vm.runInThisContext(`(function (CustomFunctions) {${code}\n})`, { filename: "functions.js" })(CustomFunctions);
  return { registered, metadata, bytes: Buffer.byteLength(code) };
}

module.exports = { loadBundle, StubError, ErrorCode, DIST };
