/**
 * The file formats an Order's rates may come in. A new format is one file in this folder (an
 * {@link OrderFormat}) and one line in ORDER_FORMATS.
 */
import { CSV_FORMAT } from "./csv";
import type { OrderFormat } from "./format";
import { JSON_FORMAT } from "./json";

export type { OrderFormat } from "./format";

/** Every format, in the order the file picker lists them. The first is the default: a file that no name or sniff claims. */
export const ORDER_FORMATS: readonly OrderFormat[] = [CSV_FORMAT, JSON_FORMAT];

/** The format of a file: from its name's ending, else from its first characters, else the default. */
export function formatOf(fileName: string, text: string): OrderFormat {
  const lower = fileName.toLowerCase();
  const named = ORDER_FORMATS.find((f) => f.extensions.some((e) => lower.endsWith(e)));
  if (named) return named;
  const head = text.slice(0, 1000);
  return ORDER_FORMATS.find((f) => f.sniff?.(head)) ?? ORDER_FORMATS[0];
}

/** The file picker's `accept`: every format's endings, then its media types. */
export const ORDER_FILE_ACCEPT = [...ORDER_FORMATS.flatMap((f) => f.extensions), ...ORDER_FORMATS.flatMap((f) => f.mediaTypes)].join(",");
