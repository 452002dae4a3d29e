#!/usr/bin/env node
/* The mutation scores of the rule files, kept in docs/mutation.json for docs/quality.md.
 *
 *   node scripts/mutation-scores.js        read reports/mutation/*.json (Stryker's JSON reports)
 *                                          and record each file's newest result in docs/mutation.json
 *
 * `npm run mutation` runs it after its Stryker runs. A file's entry says when it was measured and
 * the SHA-256 of the source that was mutated, so a reader can tell a score from an older text.
 * Marks (`// Stryker disable`) are counted in that source: a marked mutant is "Ignored" and left
 * out of the score, so a score "without marks" is only known for a file that carried none. */
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const REPORTS = path.join(ROOT, "reports", "mutation");
const OUT = path.join(ROOT, "docs", "mutation.json");

/** Lines that carry a Stryker mark. */
const marksIn = (source) => source.split(/\r?\n/).filter((l) => /\/\/\s*Stryker disable/.test(l)).length;

/**
 * One file's result from its mutants (Stryker's statuses). The score is (killed + timed out) over
 * the mutants that ran (killed, timed out, survived, not covered); compile errors and ignored
 * (marked or static-skipped) mutants are not counted.
 */
function fileScore(mutants, source) {
  const count = (s) => mutants.filter((m) => m.status === s).length;
  const killed = count("Killed");
  const timeout = count("Timeout");
  const survived = count("Survived");
  const noCoverage = count("NoCoverage");
  const ran = killed + timeout + survived + noCoverage;
  const marks = marksIn(source);
  const score = ran === 0 ? null : Number((((killed + timeout) / ran) * 100).toFixed(2));
  return {
    mutants: mutants.length,
    killed,
    timeout,
    survived,
    no_coverage: noCoverage,
    ignored: count("Ignored"),
    compile_errors: count("CompileError"),
    score,
    marks,
    score_without_marks: marks === 0 ? score : null,
    survivors: mutants
      .filter((m) => m.status === "Survived" || m.status === "NoCoverage")
      .map((m) => `${m.location.start.line}:${m.location.start.column} ${m.mutatorName} -> ${String(m.replacement ?? "").slice(0, 60)}`),
    sha256: crypto.createHash("sha256").update(source).digest("hex"),
  };
}

/**
 * The newest result of each file in src/rules or src/tables across reports ({ date, report }),
 * merged over the results already recorded (`previous`): a file a report does not hold keeps its entry.
 */
function mergeScores(previous, reports) {
  const files = { ...(previous.files || {}) };
  for (const { date, report } of [...reports].sort((a, b) => a.date.localeCompare(b.date))) {
    for (const [file, f] of Object.entries(report.files || {})) {
      const rel = file.replace(/\\/g, "/");
      if (!/^src\/(rules|tables)\//.test(rel)) continue;
      files[rel] = { measured: date, ...fileScore(f.mutants || [], f.source || "") };
    }
  }
  return { files: Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) };
}

/** Reads the reports, merges them into docs/mutation.json, and returns the merged scores. */
function record() {
  const reports = fs.existsSync(REPORTS)
    ? fs
        .readdirSync(REPORTS)
        .filter((f) => f.endsWith(".json") && !f.endsWith(".incremental.json"))
        .map((f) => ({
          date: fs.statSync(path.join(REPORTS, f)).mtime.toISOString().slice(0, 16).replace("T", " ") + " UTC",
          report: JSON.parse(fs.readFileSync(path.join(REPORTS, f), "utf8")),
        }))
    : [];
  const previous = fs.existsSync(OUT) ? JSON.parse(fs.readFileSync(OUT, "utf8")) : {};
  const merged = mergeScores(previous, reports);
  fs.writeFileSync(OUT, `${JSON.stringify(merged, null, 2)}\n`);
  return merged;
}

module.exports = { fileScore, mergeScores, marksIn, record };

if (require.main === module) {
  for (const [file, r] of Object.entries(record().files)) console.log(`${file}: ${r.score ?? "n/a"}% (${r.marks} marks; ${r.measured})`);
}
