/**
 * What the bundles must not contain: no eval or new Function anywhere (Office's content security
 * and auditors both care), and no network call from the functions (they compute from their
 * arguments and the built-in rate tables only).
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { DIST } from "../helpers/bundle";

const bundles = readdirSync(DIST).filter((f) => f.endsWith(".js"));

test("the build produced the functions and task pane bundles", () => {
  expect(bundles).toEqual(expect.arrayContaining(["functions.js", "taskpane.js"]));
});

test.each(bundles)("%s has no eval and no new Function", (file) => {
  const code = readFileSync(join(DIST, file), "utf8");
  expect(code.match(/\beval\s*\(|new\s+Function\s*\(|\bFunction\s*\(\s*["'`]/g)).toBeNull();
});

test("functions.js makes no network call", () => {
  const code = readFileSync(join(DIST, "functions.js"), "utf8");
  expect(code.match(/\bfetch\s*\(|XMLHttpRequest|WebSocket|sendBeacon|importScripts|EventSource/g)).toBeNull();
});
