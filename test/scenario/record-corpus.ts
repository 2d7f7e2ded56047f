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
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { CORPUS_FILE, ESTIMATES_FILE, FIXTURE_DIR, corpusLinks, decode, estimateHash, V1_METHODS, estimateScenarios, withRdp, type CorpusEntry } from "./link-corpus";

/**
 * Scenario fields added after a link was recorded, with the value an old link (which cannot carry
 * the key) reads: the only way a recorded entry may change. Anything else that differs is an old
 * link that now means something else, and the recorder refuses to write.
 */
const ADDED_FIELDS: Record<string, unknown> = {
  servingBatch: 1, // issue #15: one query at a time, as the study served
  maxCostUsd: null, minUtility: null, protect: [], maxEpsilon: null, utilitySource: "study", rank: "privacy", // issue #18: no must-haves
};
const ADDED_KNOBS: Record<string, unknown> = { impl: "per-sample" }; // issue #15: DP-SGD as the study ran it (Opacus hooks)

function withAddedDefaults(old: Record<string, unknown>, now: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...old };
  for (const [k, v] of Object.entries(ADDED_FIELDS)) if (!(k in old) && k in now) out[k] = v;
  const knobs = { ...(old.knobs as Record<string, Record<string, unknown>>) };
  const nowKnobs = now.knobs as Record<string, Record<string, unknown>>;
  for (const [m, ks] of Object.entries(knobs)) {
    const extra: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(ADDED_KNOBS)) if (!(k in ks) && nowKnobs[m] && k in nowKnobs[m]) extra[k] = v;
    // Keep the decoder's key order so JSON comparison is exact.
    knobs[m] = Object.fromEntries(Object.keys(nowKnobs[m] ?? ks).filter((k) => k in ks || k in extra).map((k) => [k, k in ks ? ks[k] : extra[k]]));
  }
  // Knob groups of methods added after the link was recorded (issue #17): an old link cannot carry
  // their keys, so it reads their current defaults; no old estimate depends on them.
  for (const [m, ks] of Object.entries(nowKnobs)) if (!(m in knobs) && !V1_METHODS.has(m)) knobs[m] = ks;
  out.knobs = Object.fromEntries(Object.keys(nowKnobs).filter((m) => m in knobs).map((m) => [m, knobs[m]]));
  return Object.fromEntries(Object.keys(now).map((k) => [k, out[k]]));
}

// Append-only: every recorded link stays, in its place; new links the builder finds are appended.
const recorded: CorpusEntry[] = existsSync(CORPUS_FILE) ? (JSON.parse(readFileSync(CORPUS_FILE, "utf8")) as CorpusEntry[]) : [];
const entries: CorpusEntry[] = recorded.map((e) => {
  const now = decode(e.link);
  const expected = withAddedDefaults(e.scenario as unknown as Record<string, unknown>, now.scenario as unknown as Record<string, unknown>);
  if (now.canonical !== e.canonical || JSON.stringify(now.scenario) !== JSON.stringify(expected)) {
    throw new Error(`recorded link ${e.link} now decodes differently:\n was ${JSON.stringify(e.scenario)}\n now ${JSON.stringify(now.scenario)}`);
  }
  return { ...e, ...now };
});
const known = new Set(entries.map((e) => e.link));
for (const { link, origin } of corpusLinks()) if (!known.has(link)) entries.push({ link, origin, ...decode(link) });
const v1 = entries.filter((e) => e.link.startsWith("v=1")).length;
if (v1 < 500) throw new Error(`only ${v1} v=1 links; the corpus needs at least 500`);

const presets: Record<string, string> = {};
for (const link of estimateScenarios()) presets[link] = estimateHash(decode(link).scenario);
const corpus: Record<string, string> = {};
for (const e of entries) corpus[e.link] = estimateHash(withRdp(e.scenario));
// A recorded estimate may change only in a reviewed behaviour change: refuse unless told why.
const before = existsSync(ESTIMATES_FILE) ? (JSON.parse(readFileSync(ESTIMATES_FILE, "utf8")) as { presets: Record<string, string>; corpusRdp: Record<string, string> }) : { presets: {}, corpusRdp: {} };
const changedEstimates = [
  ...Object.entries(before.presets).filter(([l, h]) => presets[l] !== undefined && presets[l] !== h),
  ...Object.entries(before.corpusRdp).filter(([l, h]) => corpus[l] !== undefined && corpus[l] !== h),
].map(([l]) => l);
if (changedEstimates.length > 0 && !process.argv.includes("--accept-estimate-changes")) {
  throw new Error(`${changedEstimates.length} recorded estimates changed (e.g. ${changedEstimates.slice(0, 3).join(" ; ")}); re-record with --accept-estimate-changes only in a reviewed commit that says why`);
}
// Order independence: the accountants memoise; a hash that depended on what ran before would
// make the fixture flaky. Recompute in reverse order and require the same hashes.
for (const e of [...entries].reverse()) {
  if (estimateHash(withRdp(e.scenario)) !== corpus[e.link]) throw new Error(`estimate depends on evaluation order: ${e.link}`);
}

mkdirSync(FIXTURE_DIR, { recursive: true });
writeFileSync(CORPUS_FILE, `${JSON.stringify(entries, null, 0).replace(/\},\{"link"/g, '},\n{"link"')}\n`);
writeFileSync(ESTIMATES_FILE, `${JSON.stringify({ presets, corpusRdp: corpus }, null, 1)}\n`);
console.log(`${entries.length} links (${v1} v=1), ${Object.keys(presets).length} preset estimates`);
