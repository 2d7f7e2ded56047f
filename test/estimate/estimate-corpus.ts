/**
 * The recorded estimate hashes (test/fixtures/links/v1-estimates.json) and which of them
 * estimate() still reproduces, split into shards so that Jest's workers share the work: one file
 * of ~100 s of CPU was among the suite's longest (issue #19 item 8). The shards partition the
 * recording by position (entry i goes to shard i mod k), so together they check every entry once.
 *
 * Oracle and regeneration: see ./estimate-corpus.test.ts.
 */
import { readFileSync } from "node:fs";
import { ESTIMATES_FILE, decode, estimateHash, withRdp } from "../scenario/link-corpus";

export const recorded = JSON.parse(readFileSync(ESTIMATES_FILE, "utf8")) as { presets: Record<string, string>; corpusRdp: Record<string, string> };

/** Shards of the preset scenarios (PRV-heavy: ~41 of 74 are PRV) and of the corpus links (RDP). */
export const PRESET_SHARDS = 2;
export const CORPUS_SHARDS = 3;

/** The entries of shard `index` of `shards`: entry i belongs to shard i mod `shards`. */
export function shardOf<T>(entries: readonly T[], index: number, shards: number): T[] {
  if (!Number.isInteger(index) || index < 0 || index >= shards) throw new RangeError(`no shard ${index} of ${shards}`);
  return entries.filter((_, i) => i % shards === index);
}

/** The preset links of shard `index` whose estimate hash differs from the recording. */
export function changedPresets(index: number): string[] {
  return shardOf(Object.entries(recorded.presets), index, PRESET_SHARDS)
    .filter(([link, hash]) => estimateHash(decode(link).scenario) !== hash)
    .map(([link]) => link);
}

/** The corpus links of shard `index` whose RDP estimate hash differs from the recording. */
export function changedCorpusLinks(index: number): string[] {
  return shardOf(Object.entries(recorded.corpusRdp), index, CORPUS_SHARDS)
    .filter(([link, hash]) => estimateHash(withRdp(decode(link).scenario)) !== hash)
    .map(([link]) => link);
}
