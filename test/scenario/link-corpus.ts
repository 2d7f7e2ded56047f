/**
 * The share links whose meaning is frozen (issue #16), and how each is projected for the fixtures.
 *
 * `corpusLinks()` builds the corpus deterministically (fixed fast-check seeds), so the recorder
 * (./record-corpus.ts) and a reader of the fixture agree on where every link came from:
 * - every preset, and `custom` with each task, as a bare `v=1` link;
 * - the README's examples (README.md, "The CLI" and "The share link") and the links of the
 *   older fixtures in test/fixtures/deploy/;
 * - one link per key family: every top-level key, every knob of every method, `hosted`,
 *   `closedOnOpen`, `instr`, `dp-fewshotgen.generator` and `price.<model>` overrides;
 * - random valid scenarios (test/scenario/arbitraries.ts) serialized with the codec, plus random
 *   deployment keys, written as `v=1` links (a custom scenario's canonical link is `v=2`; its
 *   `v=1` form is recorded too, since it is a link someone may hold).
 *
 * `ESTIMATE_SCENARIOS` is the estimate fixture's preset set: the "58 preset scenarios" that the
 * benchmark log names (test/bench/RESULTS.md: 8 presets × ε 8/3/1/0.5, both accountants,
 * δ = 1e-9, the two extreme ones) are not listed anywhere in code, so this is a superset of that
 * description: 8 presets × ε {8, 3, 1, 0.5} × {prv, rdp} (64), 8 presets at δ = 1e-9 with PRV,
 * and the two extreme scenarios of test/bench/privacy.bench.ts: 74 scenarios.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { estimateJson } from "@/lib/api";
import { estimate } from "@/lib/estimate";
import {
  ACCOUNTANT_IDS, CLOSED_MODEL_IDS, DATASET_IDS, FEWSHOTGEN_GENERATORS, GPU_IDS, KNOB_SPECS, OPEN_MODEL_IDS, PRESET_IDS, PRICE_SET_IDS, STUDY_METHOD_IDS,
  VERSION_DEFAULTS, isEnumKnob, parseScenario, serializeScenario, type EnumKnobSpec, type KnobSpec, type Scenario,
} from "@/lib/scenario";
import { scenarioArb } from "./arbitraries";

export const FIXTURE_DIR = path.join(__dirname, "../fixtures/links");
export const CORPUS_FILE = path.join(FIXTURE_DIR, "v1-corpus.json");
export const ESTIMATES_FILE = path.join(FIXTURE_DIR, "v1-estimates.json");

/** One recorded link: what it decodes to and the canonical link the codec writes for it. */
export interface CorpusEntry {
  link: string;
  /** Where the link came from (preset, readme, key family, random). */
  origin: string;
  scenario: Scenario;
  canonical: string;
}

/**
 * The methods the corpus is built over: the study's eight, the methods v=1 knows. A method added
 * later (Aug-PE) is selectable by a v=1 link only by naming it; such links are not in this corpus,
 * and drawing from the grown catalogue would change every fixed-seed draw below.
 */
const METHOD_IDS = STUDY_METHOD_IDS;
const CLOSED_METHOD_IDS = ["dp-icl", "prompt-pate", "dp-fewshotgen", "dp-opt"] as const;

/** Write a link as `v=1`: the codec writes `v=2` for custom scenarios, `v=1` for the presets. */
function asV1(link: string): string {
  return link.replace(/^v=\d+/, "v=1");
}

/** Distinct, deterministic, in a stable order. */
export function corpusLinks(): { link: string; origin: string }[] {
  const out: { link: string; origin: string }[] = [];
  const seen = new Set<string>();
  const add = (link: string, origin: string) => {
    const l = link.startsWith("v=") ? link : `v=1&${link}`;
    if (!seen.has(l)) {
      seen.add(l);
      out.push({ link: l, origin });
    }
  };
  // Every preset, and custom with each task.
  add("v=1", "preset");
  for (const p of PRESET_IDS) add(`v=1&preset=${p}`, "preset");
  add("v=1&preset=custom&task=classification", "preset");
  add("v=1&preset=custom&task=generation", "preset");
  // README.md examples.
  for (const q of ["n=5000&eps=3", "preset=samsum", "preset=trec&eps=3", "dp-icl.ensemble=100&dp-icl.shots=1", "preset=samsum&open=vicuna-7b&price.vicuna-7b=0.2,0.2"]) add(q, "readme");
  // The older fixtures' links (recorded before the deployment keys existed).
  for (const file of ["v1-estimates-before.json", "price-override-costs-before.json"]) {
    const links = Object.keys(JSON.parse(readFileSync(path.join(__dirname, "../fixtures/deploy", file), "utf8")) as Record<string, unknown>);
    for (const l of links) add(l, `test/fixtures/deploy/${file}`);
  }
  // Every top-level key with a non-default value, on a study preset and on custom.
  for (const preset of ["sst2", "samsum", "custom"]) {
    const p = `preset=${preset}`;
    for (const q of [
      "task=generation", "task=classification", "classes=7", "n=1234", "in=33.5", "out=2.25", "instr=0", "instr=287", "instr=512.5", "queries=1000000",
      "eps=0.5", "eps=3", "delta=1e-9", "accountant=rdp", "methods=dp-icl,private-lora", "methods=prompt-pate-gen", "closed=gpt-4o,claude-2.1", "closed=",
      "open=mixtral-8x7b", "open=", "prices=current", "gpu=h100", "gpu=l4&gpuPrice=0.5", "gpuPrice=1.25",
      "hosted=vicuna-7b", "hosted=pythia-1b,llama-3-8b-instruct", "open=vicuna-7b&hosted=vicuna-7b&price.vicuna-7b=0.2,0.3",
      "closedOnOpen=dp-icl", `closedOnOpen=${CLOSED_METHOD_IDS.join(",")}`, "dp-fewshotgen.generator=vicuna-7b", "dp-fewshotgen.generator=api",
    ]) add(`${p}&${q}`, "key family");
    for (const m of [...CLOSED_MODEL_IDS, ...OPEN_MODEL_IDS]) add(`${p}&price.${m}=1.5,3`, "key family: price override");
    for (const gen of FEWSHOTGEN_GENERATORS) add(`${p}&dp-fewshotgen.generator=${gen}`, "key family: generator");
    for (const gpu of GPU_IDS) add(`${p}&gpu=${gpu}`, "key family: gpu");
    for (const a of ACCOUNTANT_IDS) add(`${p}&accountant=${a}`, "key family: accountant");
    for (const ps of PRICE_SET_IDS) add(`${p}&prices=${ps}`, "key family: price set");
  }
  for (const method of METHOD_IDS) {
    for (const [knob, spec] of Object.entries(KNOB_SPECS[method]) as [string, KnobSpec | EnumKnobSpec][]) {
      // An enum knob (DP-SGD's impl, issue #15) has values, not a range: one link per value.
      if (isEnumKnob(spec)) {
        for (const value of spec.values) add(`preset=trec&${method}.${knob}=${value}`, "key family: knob");
        continue;
      }
      add(`preset=trec&${method}.${knob}=${spec.min}`, "key family: knob");
      add(`preset=mitg&${method}.${knob}=${Math.min(spec.max, spec.min + 3)}`, "key family: knob");
    }
  }
  for (const d of DATASET_IDS) add(`preset=${d}&methods=${METHOD_IDS.join(",")}&accountant=rdp&eps=1`, "key family: preset × methods");
  // Random valid scenarios, serialized by the codec, plus random deployment keys.
  const deployArb = fc.record({
    hosted: fc.subarray([...OPEN_MODEL_IDS], { maxLength: 3 }),
    closedOnOpen: fc.subarray([...CLOSED_METHOD_IDS], { maxLength: 2 }),
    generator: fc.constantFrom(...FEWSHOTGEN_GENERATORS),
  });
  const pairs = fc.sample(fc.tuple(scenarioArb, deployArb, fc.integer({ min: 0, max: 3 })), { seed: 16, numRuns: 420 });
  for (const [s, d, mode] of pairs) {
    const scenario: Scenario = mode === 0 ? { ...s, hostedModels: d.hosted, closedOnOpen: d.closedOnOpen, fewShotGenGenerator: d.generator } : s;
    const link = serializeScenario(scenario);
    if (link.length > 1900) continue;
    add(asV1(link), "random (test/scenario/arbitraries.ts, seed 16)");
    if (link !== asV1(link) && mode === 1) add(link, "random, as the codec writes it (v=2)");
  }
  return out;
}

/** Decode a corpus link; a corpus link that does not parse is a broken corpus, not a finding. */
export function decode(link: string): { scenario: Scenario; canonical: string } {
  const p = parseScenario(link);
  if (!p.ok) throw new Error(`corpus link does not parse: ${link}: ${JSON.stringify(p.errors)}`);
  return { scenario: p.scenario, canonical: serializeScenario(p.scenario) };
}

/** The estimate fixture's preset scenarios (see the module comment): 74 links. */
export function estimateScenarios(): string[] {
  const out: string[] = [];
  for (const d of DATASET_IDS) {
    for (const eps of [8, 3, 1, 0.5]) for (const a of ACCOUNTANT_IDS) out.push(`v=1&preset=${d}&eps=${eps}&accountant=${a}`);
    out.push(`v=1&preset=${d}&delta=1e-9`);
  }
  out.push("v=1&preset=disaster&n=367617633&in=20004.5&out=999985&queries=6&eps=0.001&accountant=rdp&methods=dp-icl&dp-icl.ensemble=52384&dp-icl.shots=101");
  out.push("v=1&preset=mitd&n=117280979&queries=999999999996&delta=0.9999999999999989");
  return out;
}

/** A corpus link estimated with the RDP accountant (fast), whatever accountant the link names. */
export function withRdp(scenario: Scenario): Scenario {
  return { ...scenario, accountant: "rdp" };
}

/**
 * The methods v=1 knows (lib/scenario/versions.ts). Methods added later (issue #17: DPZero, POST,
 * Aug-PE) cannot be in a link recorded before them, yet every decoded scenario carries their knob
 * defaults (`knobs.<new method>`), which an old link never set and no old estimate reads.
 */
export const V1_METHODS: ReadonlySet<string> = new Set(VERSION_DEFAULTS[1].methods);

/**
 * sha256 of the JSON wire document (lib/api/wire.ts estimateJson) of `estimate(scenario)`, with the
 * echoed scenario's knob groups of methods added after v=1 left out (see V1_METHODS): those groups
 * are new fields, not a change of an old estimate. A row of such a method is still hashed whole.
 * Likewise `decision.sensitivity` (issue #18), null unless asked for: a new field, left out while null.
 */
export function estimateHash(scenario: Scenario): string {
  const doc = JSON.parse(estimateJson(estimate(scenario))) as { scenario?: { knobs?: Record<string, unknown> }; decision?: { sensitivity?: unknown } };
  const knobs = doc.scenario?.knobs;
  if (knobs) for (const m of Object.keys(knobs)) if (!V1_METHODS.has(m)) delete knobs[m];
  if (doc.decision && doc.decision.sensitivity === null) delete doc.decision.sensitivity;
  return createHash("sha256").update(JSON.stringify(doc)).digest("hex");
}
