/**
 * Name lookups for the contract rules' fixed choices (packages, inclusion items, managed-services
 * levels): case, spaces, dashes and punctuation ignored; maps built once at module load.
 */
import { describe, Msg, valueError } from "../core/errors";
import { cellValue, isBlank } from "../core/args";

/**
 * Lookup key of a name: case, spaces, dashes and punctuation ignored, so "implementation basic",
 * "Implementation-Basic" and "IMPLEMENTATION - BASIC" are one package.
 */
export function nameKey(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

/** Builds a name -> value map once; two names with one key would be a table bug. */
export function buildNameMap<T>(entries: ReadonlyArray<{ readonly names: readonly string[]; readonly value: T }>): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const e of entries) {
    for (const n of e.names) {
      const k = nameKey(n);
      if (map.has(k) && map.get(k) !== e.value) throw new Error(`ambiguous name ${n}`);
      map.set(k, e.value);
    }
  }
  return map;
}

/** Looks a name up in a map built by {@link buildNameMap}; unknown or blank is #VALUE! listing `known`. */
export function lookupName<T>(value: unknown, arg: string, map: ReadonlyMap<string, T>, known: readonly string[]): T {
  const v = cellValue(value, arg);
  if (isBlank(v)) throw valueError(Msg.required(arg, `one of: ${known.join(", ")}`));
  if (typeof v !== "string") throw valueError(Msg.unknownName(arg, describe(v), known));
  const found = map.get(nameKey(v));
  if (found === undefined) throw valueError(Msg.unknownName(arg, v, known));
  return found;
}
