/**
 * Record the link corpus and the estimate hashes (issue #16): `npx tsx test/scenario/record-corpus.ts`.
 *
 * Writes test/fixtures/links/v1-corpus.json (every corpus link, the scenario it decodes to and its
 * canonical re-serialization) and test/fixtures/links/v1-estimates.json (sha256 of the wire
 * document of `estimate()` for the preset scenarios and for every corpus link with RDP).
 *
 * Re-recording is a deliberate act: the corpus pins what old links mean, so a regenerated
 * v1-corpus.json must never change an existing entry; the estimate hashes change only with a
 * reviewed behaviour change (a new GPU cost model, a price correction), in a commit of its own
 * that says which estimates changed and why.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { CORPUS_FILE, ESTIMATES_FILE, FIXTURE_DIR, corpusLinks, decode, estimateHash, estimateScenarios, withRdp, type CorpusEntry } from "./link-corpus";

const entries: CorpusEntry[] = corpusLinks().map(({ link, origin }) => ({ link, origin, ...decode(link) }));
const v1 = entries.filter((e) => e.link.startsWith("v=1")).length;
if (v1 < 500) throw new Error(`only ${v1} v=1 links; the corpus needs at least 500`);

const presets: Record<string, string> = {};
for (const link of estimateScenarios()) presets[link] = estimateHash(decode(link).scenario);
const corpus: Record<string, string> = {};
for (const e of entries) corpus[e.link] = estimateHash(withRdp(e.scenario));
// Order independence: the accountants memoise; a hash that depended on what ran before would
// make the fixture flaky. Recompute in reverse order and require the same hashes.
for (const e of [...entries].reverse()) {
  if (estimateHash(withRdp(e.scenario)) !== corpus[e.link]) throw new Error(`estimate depends on evaluation order: ${e.link}`);
}

mkdirSync(FIXTURE_DIR, { recursive: true });
writeFileSync(CORPUS_FILE, `${JSON.stringify(entries, null, 0).replace(/\},\{"link"/g, '},\n{"link"')}\n`);
writeFileSync(ESTIMATES_FILE, `${JSON.stringify({ presets, corpusRdp: corpus }, null, 1)}\n`);
console.log(`${entries.length} links (${v1} v=1), ${Object.keys(presets).length} preset estimates`);
