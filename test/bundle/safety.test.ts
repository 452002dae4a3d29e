/**
 * What the bundles must not contain: no eval or new Function anywhere (Office's content security
 * and auditors both care), and no network call from the functions (they compute from their
 * arguments and the built-in rate tables only).
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";
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

test("functions.js stays at most 120 KB, and what Excel's runtime loads to start under 100 KB gzip", () => {
  // 120 KB = 122,880 bytes of minified code (its exact money library, decimal.js-light, is about
  // 13 KB of it; decimal.js would be about 32 KB).
  const code = readFileSync(join(DIST, "functions.js"));
  expect(code.length).toBeLessThanOrEqual(120 * 1024);
  // The shared runtime's page, its own scripts and stylesheets, and the functions' metadata,
  // gzip-compressed as a server sends them (the same files the bench counts).
  const page = readFileSync(join(DIST, "taskpane.html"), "utf8");
  const local = [...page.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)=["']?([^"'\s>]+)/g)]
    .map((m) => m[1])
    .filter((u) => !/^[a-z]+:/i.test(u) && !u.endsWith(".html"));
  const files = ["taskpane.html", ...local, "functions.json"];
  expect(files).toEqual(expect.arrayContaining(["functions.js", "taskpane.js", "functions.json"]));
  const gzipped = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length, 0);
  expect(gzipped).toBeLessThan(100 * 1024);
});
