/**
 * What a file format of an Order's rates provides: how a file is recognised, and how its text
 * becomes the rows of a card (../records), which the validator then checks.
 */
import type { AnyRateTable } from "../../rules/rates/documents";
import type { Records } from "../records";

export interface OrderFormat {
  /** The format's name, as an import reports it: "csv". */
  readonly name: string;
  /** File name endings, lower case, with the dot: [".csv"]. */
  readonly extensions: readonly string[];
  /** Media types the pane's file picker offers: ["text/csv"]. */
  readonly mediaTypes: readonly string[];
  /** True when a file whose name says no format looks like this one (its first 1000 characters). */
  readonly sniff?: (head: string) => boolean;
  /** The file's rows for `card`, each with its number, and the problems found reading them. */
  readonly records: (card: AnyRateTable, text: string) => Records;
}
