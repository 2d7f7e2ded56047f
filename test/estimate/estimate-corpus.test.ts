/** @jest-environment node */
/**
 * `estimate()` is unchanged by refactors (issue #16): the sha256 of the JSON wire document
 * (lib/api/wire.ts estimateJson) of every preset scenario and of every corpus link (with RDP)
 * equals the recorded one.
 *
 * Oracle: test/fixtures/links/v1-estimates.json, recorded by test/scenario/record-corpus.ts on
 * commit bfe7082, before the method refactor. The preset set is described in
 * test/scenario/link-corpus.ts (8 presets × ε 8/3/1/0.5 × PRV/RDP, δ = 1e-9, the two extreme
 * scenarios of the benchmark). Behaviour changes other issues ask for (a new GPU cost model, a
 * price correction) legitimately change these hashes: regenerate with
 * `npx tsx test/scenario/record-corpus.ts` in a deliberate, reviewed commit of its own that says
 * which estimates changed and why, never together with a refactor.
 *
 * The work is split into shards (./estimate-corpus.ts) so Jest's workers share it: this file checks
 * the recording's coverage, that the shards partition it, and the first shard of the presets;
 * estimate-corpus-presets-2 and estimate-corpus-links-1…3 check the rest.
 */
import { estimateScenarios } from "../scenario/link-corpus";
import { CORPUS_SHARDS, PRESET_SHARDS, changedPresets, recorded, shardOf } from "./estimate-corpus";

describe("estimate() output is byte-identical to the recording", () => {
  it("covers the preset scenarios the recorder lists and at least 500 corpus links", () => {
    expect(Object.keys(recorded.presets)).toEqual(estimateScenarios());
    expect(Object.keys(recorded.corpusRdp).length).toBeGreaterThanOrEqual(500);
  });

  it("the shards hold every recorded entry exactly once", () => {
    for (const [entries, shards] of [[Object.keys(recorded.presets), PRESET_SHARDS], [Object.keys(recorded.corpusRdp), CORPUS_SHARDS]] as const) {
      const all = Array.from({ length: shards }, (_, i) => shardOf(entries, i, shards)).flat();
      expect(all.length).toBe(entries.length);
      expect(new Set(all)).toEqual(new Set(entries));
    }
  });

  it(`for the preset scenarios (PRV and RDP), shard 1 of ${PRESET_SHARDS}`, () => {
    expect(changedPresets(0)).toEqual([]);
  }, 600_000);
});
