/**
 * A table an Order gives a formula as its `rates` argument, as the rules receive it: its rows
 * already read and validated (by the adapter, through src/tables), and the lookups the rules
 * build on them. Nothing here reads a range: a rule computes on what it is given.
 */
import { normalizeName } from "../core/args";
import { clip, describe, naError, quote, valueError } from "../core/errors";
import type { DecimalText } from "./documents";

/** The rows of a given table, validated: text, exact decimal text for rates, null for n/a. */
export interface GivenRows {
  readonly rows: ReadonlyArray<Readonly<Record<string, DecimalText | string | null>>>;
  /** Each row's number in the range (1-based, the header row counted), for messages. */
  readonly rowNumbers: readonly number[];
}

/** A choice as typed: case, spacing and a plural "s" aside ("Hour", "business day"). */
export function choiceKey(s: string): string {
  return normalizeName(s).replace(/s$/, "");
}

/** #N/A-style message for a name a given table lacks. */
export function notInGivenRates(arg: string, got: string, held: readonly string[]): string {
  // What the user typed and the table's own names are quoted short: at most 8 names, each clipped.
  const shown = held
    .slice(0, MAX_NAMES_LISTED)
    .map((n) => clip(n))
    .join(", ");
  const more = held.length > MAX_NAMES_LISTED ? `, and ${held.length - MAX_NAMES_LISTED} more` : "";
  return `${arg} ${quote(got)} is not in the given rates; they hold: ${shown}${more}.`;
}

/** The most of a given table's names a message lists. */
const MAX_NAMES_LISTED = 8;

/** Names to look up in a given table: each name's key, and the names to list in a message. */
export interface GivenChoices<T> {
  readonly index: ReadonlyMap<string, T>;
  /** The names exactly as listed, for the common call that passes one of them as is. */
  readonly exact: ReadonlyMap<string, T>;
  /** The table's own names, in its order. */
  readonly names: readonly string[];
  readonly key: (s: string) => string;
}

/**
 * Builds the lookup of a given table's names: each entry's names by `key`; the first entry to
 * claim a key keeps it (an entry's own name is listed before the built-in aliases it takes).
 */
export function givenChoices<T>(
  entries: ReadonlyArray<{ readonly names: readonly string[]; readonly value: T }>,
  key: (s: string) => string,
): GivenChoices<T> {
  const index = new Map<string, T>();
  for (const e of entries) for (const n of e.names) if (!index.has(key(n))) index.set(key(n), e.value);
  const exact = new Map<string, T>();
  for (const e of entries) for (const n of e.names) if (!exact.has(n) && index.get(key(n)) === e.value) exact.set(n, e.value);
  return { index, exact, names: entries.map((e) => e.names[0]), key };
}

/**
 * A name looked up in a given table: blank or not text is #VALUE!; a name the table lacks is
 * #N/A, "not in the given rates", listing what it holds.
 */
export function lookupGiven<T>(v: unknown, arg: string, choices: GivenChoices<T>): T {
  if (typeof v === "string") {
    const found = choices.exact.get(v);
    if (found !== undefined) return found;
  }
  if (v === null || v === undefined || v === "") throw valueError(`${arg} is required: expected one of: ${choices.names.join(", ")}.`);
  if (typeof v !== "string" && typeof v !== "number") throw valueError(`${arg} must be text; got ${describe(v)}.`);
  const found = choices.index.get(choices.key(String(v)));
  if (found === undefined) throw naError(notInGivenRates(arg, String(v), choices.names));
  return found;
}
