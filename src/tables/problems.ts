/**
 * A problem found in a table read from outside, with its row and column, and how the pane lists
 * them. Every reader and check in this folder reports its findings as these.
 */
import { quote } from "../rules/core/errors";

/**
 * One problem in an Order file. `row` null: the file as a whole; `column` null: the whole row.
 * `column` is the header as written (or "column 3"): whoever shows it quotes it short.
 */
export interface ImportProblem {
  readonly row: number | null;
  readonly column: string | null;
  readonly message: string;
}

/** The pane lists at most this many problems, then "and N more". */
export const MAX_LISTED_PROBLEMS = 100;

/** Renders a problem for a list: `Row 3, "Price per GB (USD)": ...`. */
export function describeProblem(p: ImportProblem): string {
  const where = [p.row === null ? null : `Row ${p.row}`, p.column === null ? null : quote(p.column)].filter((s) => s !== null).join(", ");
  return where ? `${where}: ${p.message}` : p.message;
}

/** The problems to list (the first `max`) and how many more there are. */
export function listedProblems(problems: readonly ImportProblem[], max = MAX_LISTED_PROBLEMS): { shown: ImportProblem[]; more: number } {
  return { shown: problems.slice(0, max), more: Math.max(0, problems.length - max) };
}

/** The problems sorted by row (the file as a whole first), each row's in the order found. */
export function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  const rank = (p: ImportProblem) => (p.row === null ? -1 : p.row);
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
    .map(({ p }) => p);
}
