/**
 * The share link's keys as nuqs URL state: one raw-string parser per key. nuqs does not validate;
 * the codec reads the whole scenario (lib/scenario/search-params.ts). `nuqs/server` because the
 * parsers are plain objects usable on both sides (the `nuqs` entry is client-only).
 */
import { parseAsString } from "nuqs/server";

/** One nuqs parser per share-link key: the raw string, or null when the key is absent. */
export function scenarioParsers(keys: readonly string[]): Record<string, typeof parseAsString> {
  return Object.fromEntries(keys.map((k) => [k, parseAsString]));
}
