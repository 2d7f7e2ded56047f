/** @jest-environment node */
/**
 * Links that never change meaning (issue #16): every recorded link decodes to the scenario it
 * decoded to when it was recorded, and re-serializes to the same canonical link.
 *
 * Oracle: test/fixtures/links/v1-corpus.json, recorded by test/scenario/record-corpus.ts on
 * commit bfe7082 (before the method refactor of issue #16). The corpus is built in
 * ./link-corpus.ts: every preset, the README's examples, one link per key family (every knob,
 * hosted, closedOnOpen, instr, price overrides, the DP-FewShotGen generator) and random valid
 * scenarios. Regenerating the fixture is a deliberate, reviewed commit of its own: an entry that
 * changes is an old link that now means something else. The recorder is append-only and refuses to
 * write if a recorded link decodes differently, except for scenario fields added after it was
 * recorded, which must hold the value an old link reads (record-corpus.ts ADDED_FIELDS): so far
 * servingBatch = 1, DP-SGD impl = per-sample (issue #15) and no must-haves (issue #18).
 */
import { readFileSync } from "node:fs";
import { CORPUS_FILE, corpusLinks, decode, type CorpusEntry } from "./link-corpus";

const corpus = JSON.parse(readFileSync(CORPUS_FILE, "utf8")) as CorpusEntry[];

describe("the v=1 link corpus", () => {
  it("holds at least 500 distinct v=1 links, every preset among them", () => {
    const links = corpus.map((e) => e.link);
    expect(new Set(links).size).toBe(links.length);
    expect(links.filter((l) => l.startsWith("v=1&") || l === "v=1").length).toBeGreaterThanOrEqual(500);
    expect(links).toEqual(expect.arrayContaining(["v=1", "v=1&preset=trec", "v=1&preset=mpqa", "v=1&preset=disaster", "v=1&preset=samsum", "v=1&preset=docvqa", "v=1&preset=mitg", "v=1&preset=mitd", "v=1&preset=custom"]));
  });

  it("holds every link the corpus builder makes today (the recorder appends new links and never drops one)", () => {
    const recorded = new Set(corpus.map((e) => e.link));
    expect(corpusLinks().map((l) => l.link).filter((l) => !recorded.has(l))).toEqual([]);
  });

  it("decodes every link to the recorded scenario and canonical link", () => {
    const changed: string[] = [];
    for (const e of corpus) {
      const now = decode(e.link);
      // A JSON round trip compares like with like (the fixture is JSON).
      const same = JSON.stringify(now.scenario) === JSON.stringify(e.scenario) && now.canonical === e.canonical;
      if (!same) changed.push(e.link);
    }
    expect(changed).toEqual([]);
  });

  it("reads each canonical link back to the same scenario", () => {
    for (const e of corpus) expect(JSON.stringify(decode(e.canonical).scenario)).toBe(JSON.stringify(e.scenario));
  });
});
