/** @jest-environment node */
/**
 * `estimate()` is unchanged by refactors (issue #16): the preset scenarios (PRV and RDP), shard 2 of 2
 * (./estimate-corpus.ts). Oracle, coverage and regeneration: ./estimate-corpus.test.ts.
 */
import { changedPresets } from "./estimate-corpus";

it("the preset scenarios (PRV and RDP), shard 2 of 2: byte-identical to the recording", () => {
  expect(changedPresets(1)).toEqual([]);
}, 600_000);
