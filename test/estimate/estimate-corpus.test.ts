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
 */
import { readFileSync } from "node:fs";
import { ESTIMATES_FILE, decode, estimateHash, estimateScenarios, withRdp } from "../scenario/link-corpus";

const recorded = JSON.parse(readFileSync(ESTIMATES_FILE, "utf8")) as { presets: Record<string, string>; corpusRdp: Record<string, string> };

describe("estimate() output is byte-identical to the recording", () => {
  it("covers the preset scenarios the recorder lists and at least 500 corpus links", () => {
    expect(Object.keys(recorded.presets)).toEqual(estimateScenarios());
    expect(Object.keys(recorded.corpusRdp).length).toBeGreaterThanOrEqual(500);
  });

  it("for the preset scenarios (PRV and RDP)", () => {
    const changed = Object.entries(recorded.presets).filter(([link, hash]) => estimateHash(decode(link).scenario) !== hash).map(([link]) => link);
    expect(changed).toEqual([]);
  }, 600_000);

  it("for every corpus link, estimated with RDP", () => {
    const changed = Object.entries(recorded.corpusRdp).filter(([link, hash]) => estimateHash(withRdp(decode(link).scenario)) !== hash).map(([link]) => link);
    expect(changed).toEqual([]);
  }, 600_000);
});
