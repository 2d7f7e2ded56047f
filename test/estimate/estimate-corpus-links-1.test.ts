/** @jest-environment node */
/**
 * `estimate()` is unchanged by refactors (issue #16): every corpus link, estimated with RDP, shard 1 of 3
 * (./estimate-corpus.ts). Oracle, coverage and regeneration: ./estimate-corpus.test.ts.
 */
import { changedCorpusLinks } from "./estimate-corpus";

it("every corpus link, estimated with RDP, shard 1 of 3: byte-identical to the recording", () => {
  expect(changedCorpusLinks(0)).toEqual([]);
}, 600_000);
