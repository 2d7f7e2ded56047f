/**
 * Per-method knobs: the hyperparameters a method's cost, privacy and leakage depend on.
 *
 * In the share link a knob is `<method>.<knob>`, e.g. `dp-icl.ensemble=100&dp-icl.shots=1`.
 * Every ensemble method uses `.ensemble` and `.shots`; DP-SGD methods use `.epochs` and `.batch`.
 * Defaults come from the study's hyperparameter tables (docs/derivations.md §S8) for each dataset; where
 * the study is silent the default is marked as an assumption in `KNOB_DEFAULT_NOTES`.
 */
import type { MethodId, PresetId } from "./catalog";

import { DP_SGD_IMPLS, type DpSgdImpl, type EnumKnobSpec, type KnobSpec } from "./knob-spec";

export * from "./knob-spec";

const impl: EnumKnobSpec = {
  label: "DP-SGD implementation", unit: "", values: DP_SGD_IMPLS,
  description: "per-sample (Opacus hooks, as the study), ghost (ghost clipping, Li et al. 2022) or bk (book-keeping, Bu et al. 2023): same privacy, different time and memory.",
};

const ensemble = (description: string): KnobSpec => ({ label: "Ensemble size", unit: "prompts", description, min: 1, max: 100000, integer: true });
const shots = (description: string): KnobSpec => ({ label: "Shots per prompt", unit: "records", description, min: 1, max: 1000, integer: true });
const epochs: KnobSpec = { label: "Epochs", unit: "passes over N", description: "Training epochs of DP-SGD; with the batch size this fixes the number of noisy steps.", min: 1, max: 10000, integer: true };
const batch: KnobSpec = { label: "Batch size", unit: "records", description: "Expected batch size of DP-SGD; sampling rate q = batch / N.", min: 1, max: 10_000_000, integer: true };

export const KNOB_SPECS = {
  "dp-icl": {
    ensemble: ensemble("Teacher prompts that answer every query (10 for classification, 100 for generation in the study)."),
    shots: shots("Private records in each teacher prompt, redrawn for every query."),
  },
  "prompt-pate": {
    ensemble: ensemble("Teacher prompts, each holding its own disjoint private records."),
    shots: shots("Private records in each teacher prompt."),
    public: { label: "Public examples labelled", unit: "examples", description: "Unlabelled public inputs the teachers vote on (each answered vote spends budget).", min: 1, max: 1_000_000, integer: true },
    studentShots: { label: "Student prompt shots", unit: "examples", description: "Labelled public examples placed in the student prompt that answers queries.", min: 0, max: 1000, integer: true },
  },
  "dp-fewshotgen": {
    ensemble: ensemble("Prompts M whose next-token distributions are averaged for every generated token."),
    shots: shots("Private records per prompt (M × shots are sampled afresh per token)."),
    tokens: { label: "Tokens per demonstration", unit: "tokens", description: "Maximum length T_max of each generated demonstration.", min: 1, max: 10000, integer: true },
    demos: { label: "Demonstrations", unit: "demos", description: "Synthetic demonstrations generated from the same private pool.", min: 1, max: 1000, integer: true },
  },
  "dp-opt": {
    ensemble: ensemble("Meta-prompts that vote on each instruction token (205 in DP-OPT's code)."),
    shots: shots("Private demonstrations per meta-prompt (5 in DP-OPT's code)."),
    tokens: { label: "Instruction tokens", unit: "tokens", description: "Tokens of the generated instruction sent with every query (at most 50 in DP-OPT's code).", min: 1, max: 10000, integer: true },
  },
  "prompt-dpsgd": {
    epochs, batch, impl,
    promptLength: { label: "Soft-prompt length", unit: "virtual tokens", description: "Trainable prompt or prefix tokens.", min: 1, max: 10000, integer: true },
  },
  "private-lora": {
    epochs, batch, impl,
    rank: { label: "LoRA rank", unit: "", description: "Rank of the low-rank adapters.", min: 1, max: 4096, integer: true },
  },
  "dp-finetune": { epochs, batch, impl },
  "prompt-pate-gen": {
    ensemble: ensemble("Teacher prompts, drawn once, that answer every public query."),
    shots: shots("Private records in each teacher prompt."),
    public: { label: "Public queries labelled", unit: "queries", description: "Public inputs the teachers label with private keyword aggregation.", min: 1, max: 1_000_000, integer: true },
    studentShots: { label: "Student prompt shots", unit: "examples", description: "Labelled public examples in the student prompt.", min: 0, max: 1000, integer: true },
  },
  post: {
    epochs, batch, impl,
    promptLength: { label: "Soft-prompt length", unit: "virtual tokens", description: "Soft-prompt tokens tuned on the small model and sent with every query (100 in POST).", min: 1, max: 10000, integer: true },
  },
  dpzero: {
    steps: { label: "Steps", unit: "steps", description: "Zeroth-order steps T; each step privatises one clipped scalar per example of its batch (DPZero's max_steps).", min: 1, max: 10_000_000, integer: true },
    batch: { label: "Batch size", unit: "records", description: "Examples per step B; sampling rate q = B / N (DPZero's per_device_train_batch_size).", min: 1, max: 10_000_000, integer: true },
  },
  // Aug-PE (Xie et al., ICML 2024; AI-secure/aug-pe main.py, dpsda/arg_utils.py): lib/methods/aug-pe.ts.
  "aug-pe": {
    iterations: { label: "PE iterations T", unit: "noisy histograms", description: "Private-evolution rounds (the code's --epochs): each releases one Gaussian-noised nearest-neighbour vote histogram; 10 in the paper's DP runs.", min: 1, max: 1000, integer: true },
    samples: { label: "Synthetic samples S", unit: "samples", description: "Samples kept after every round (the code's --num_seed_samples); the final synthetic training set.", min: 1, max: 1_000_000, integer: true },
    variations: { label: "Variations per sample (L − 1)", unit: "variations", description: "New variations the API writes of each kept sample per round; with the sample itself, L = variations + 1 candidates each (3 in the GPT-3.5 scripts, so L = 4).", min: 1, max: 100, integer: true },
  },
} as const satisfies Record<MethodId, Record<string, KnobSpec | EnumKnobSpec>>;

type KnobSpecs = typeof KNOB_SPECS;
export type KnobName<M extends MethodId> = keyof KnobSpecs[M] & string;
/** A knob's value: a number, or one of an enum knob's values. */
export type KnobValue = number | string;
export type MethodKnobs<M extends MethodId> = { [K in KnobName<M>]: KnobSpecs[M][K] extends { values: readonly string[] } ? DpSgdImpl : number };
export type Knobs = { [M in MethodId]: MethodKnobs<M> };
/**
 * A scenario's knobs: every method's, the methods beyond the study's included (a link that never
 * names them reads their current defaults; test/scenario/link-corpus.ts treats their entries as
 * fields added after v=1, which no old estimate reads).
 */
export type ScenarioKnobs = Knobs;

/**
 * The knobs a method runs with in a scenario.
 * @example knobsFor(presetScenario("sst2"), "aug-pe") // { iterations: 10, samples: 2000, variations: 3 }
 */
export function knobsFor<M extends MethodId>(scenario: { knobs: ScenarioKnobs }, method: M): MethodKnobs<M> {
  return scenario.knobs[method] as MethodKnobs<M>;
}

export function knobNames<M extends MethodId>(method: M): KnobName<M>[] {
  return Object.keys(KNOB_SPECS[method]) as KnobName<M>[];
}

export function knobSpec(method: MethodId, knob: string): KnobSpec | EnumKnobSpec | undefined {
  return (KNOB_SPECS[method] as Record<string, KnobSpec | EnumKnobSpec>)[knob];
}

export function isEnumKnob(spec: KnobSpec | EnumKnobSpec): spec is EnumKnobSpec {
  return "values" in spec;
}

/** Column order in the paper's lists: SST2 / Trec / Mpqa / Disaster, then SAMSum / DocVQA / MIT-G / MIT-D. */
type PerDataset = Record<Exclude<PresetId, "custom">, number>;
const perDataset = (sst2: number, trec: number, mpqa: number, disaster: number, samsum: number, docvqa: number, mitg: number, mitd: number): PerDataset => ({ sst2, trec, mpqa, disaster, samsum, docvqa, mitg, mitd });

/**
 * Defaults per dataset. Sources: docs/derivations.md §S8 (Hanke et al. 2024, Tables 8–20 and Appendix D).
 * Entries marked [assumption] in KNOB_DEFAULT_NOTES were not run by the study on that dataset.
 */
const D = {
  "dp-icl": {
    ensemble: perDataset(10, 10, 10, 10, 100, 100, 100, 100),
    shots: perDataset(4, 4, 4, 4, 1, 1, 1, 1),
  },
  "prompt-pate": {
    // 400 private examples in the teachers; the E × s split is not given: 400 × 1 (docs/derivations.md §4).
    ensemble: perDataset(400, 400, 400, 400, 400, 400, 400, 400),
    shots: perDataset(1, 1, 1, 1, 1, 1, 1, 1),
    public: perDataset(300, 300, 300, 300, 300, 300, 300, 300),
    studentShots: perDataset(1, 1, 1, 1, 1, 1, 1, 1),
  },
  "dp-fewshotgen": {
    // M = 20 prompts, MN = 80 private shots in all (so 4 per prompt); Tmax 50 / 50 / 20 / 20.
    ensemble: perDataset(20, 20, 20, 20, 20, 20, 20, 20),
    shots: perDataset(4, 4, 4, 4, 4, 4, 4, 4),
    tokens: perDataset(50, 50, 50, 50, 50, 50, 20, 20),
    demos: perDataset(4, 4, 4, 4, 4, 4, 4, 4),
  },
  "dp-opt": {
    ensemble: perDataset(205, 205, 205, 205, 205, 205, 205, 205),
    shots: perDataset(5, 5, 5, 5, 5, 5, 5, 5),
    // The paper's SST2 query-cost example uses a 39-token learned prompt.
    tokens: perDataset(39, 39, 39, 39, 50, 50, 50, 50),
  },
  "prompt-dpsgd": {
    epochs: perDataset(22, 100, 100, 100, 20, 15, 40, 40),
    batch: perDataset(32, 32, 32, 32, 256, 256, 256, 256),
    // The study's code computes per-sample gradients (Opacus / dp-transformers, private-transformers).
    impl: "per-sample",
    promptLength: perDataset(1, 10, 10, 10, 10, 25, 5, 5),
  },
  "private-lora": {
    epochs: perDataset(10, 40, 20, 20, 20, 15, 20, 20),
    batch: perDataset(128, 128, 128, 128, 256, 256, 256, 256),
    impl: "per-sample",
    rank: perDataset(4, 4, 4, 4, 8, 8, 8, 8),
  },
  "dp-finetune": {
    epochs: perDataset(10, 40, 40, 50, 20, 15, 20, 20),
    batch: perDataset(128, 128, 128, 128, 256, 256, 256, 256),
    impl: "per-sample",
  },
  "prompt-pate-gen": {
    ensemble: perDataset(100, 100, 100, 100, 100, 100, 25, 25),
    shots: perDataset(1, 1, 1, 1, 1, 1, 1, 1),
    public: perDataset(100, 100, 100, 100, 100, 100, 100, 100),
    studentShots: perDataset(4, 4, 4, 4, 10, 10, 4, 4),
  },
  // POST Table 10 and scripts/train_DP_prompt.py: 20 epochs, batch 32, 100 prompt tokens.
  post: {
    epochs: perDataset(20, 20, 20, 20, 20, 20, 20, 20),
    batch: perDataset(32, 32, 32, 32, 32, 32, 32, 32),
    impl: "per-sample",
    promptLength: perDataset(100, 100, 100, 100, 100, 100, 100, 100),
  },
  // DPZero's scripts: RoBERTa-large classification (roberta/examples/dpzero.sh) and OPT on SQuAD/DROP (opt/examples/dpzero.sh).
  dpzero: {
    steps: perDataset(10000, 10000, 10000, 10000, 20000, 20000, 20000, 20000),
    batch: perDataset(64, 64, 64, 64, 16, 16, 16, 16),
  },
  "aug-pe": {
    // T = 10 (the README's DP setting: "we use 10 epochs for DP setting"); S = 2,000 and L − 1 = 3
    // (scripts/gpt-3.5-turbo/openreview.sh and pubmed.sh). The study's datasets were not run with Aug-PE.
    iterations: perDataset(10, 10, 10, 10, 10, 10, 10, 10),
    samples: perDataset(2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000),
    variations: perDataset(3, 3, 3, 3, 3, 3, 3, 3),
  },
} satisfies { [M in MethodId]: Record<KnobName<M>, PerDataset | DpSgdImpl> };

/** Which defaults the study did not itself use on that dataset (shown in the UI as assumptions). */
export const KNOB_DEFAULT_NOTES: Partial<Record<MethodId, string>> = {
  "dp-icl": "Classification: 10 teachers × 4 shots (Table 13). Generation: 100 teachers × 1 shot (Appendix D). MIT-G/MIT-D were not run with DP-ICL: generation defaults assumed.",
  "prompt-pate": "400 private examples in the teachers, public set 300, 1 student shot (GPT-3 Babbage setup). The teacher × shot split is not stated in the paper: 400 × 1 assumed.",
  "dp-fewshotgen": "M = 20, MN = 80, Tmax 50 (classification, SAMSum) or 20 (MIT); 4 demonstrations as in the method's code.",
  "dp-opt": "205 meta-prompts × 5 demos (DP-OPT code); 39-token instruction for classification (paper's SST2 example), 50 for generation [assumption].",
  "prompt-pate-gen": "100 teachers (SAMSum) or 25 (MIT) × 1 shot, 100 public queries, student 10 / 4 shots. Classification presets were not run: generation defaults assumed. PFL-DocVQA's student shots are not in the study's hyperparameter tables (SAMSum, MIT-G, MIT-D only): SAMSum's 10 are assumed, and at 930 tokens per example they exceed Vicuna 7B's 4,096-token context (at most 3 fit).",
  "prompt-dpsgd": "Batch 32 and epochs 22/100/100/100 (classification), batch 256 and epochs 20/15/40/40 (generation).",
  "private-lora": "Batch 128 (classification) or 256 (generation); epochs from Tables 8 and 16.",
  "dp-finetune": "Batch 128 (classification) or 256 (generation); epochs from Tables 9 and 18.",
  post: "Not run by the study. POST's own setup: 20 epochs, batch 32, a 100-token soft prompt, Opacus per-sample gradients (POST Table 10; scripts/train_DP_prompt.py; github.com/sprintml/POST). Generation datasets were not run by POST: classification defaults assumed.",
  dpzero: "Not run by the study. DPZero's own scripts: 10,000 steps × batch 64 for classification (RoBERTa-large, roberta/examples/dpzero.sh) and 20,000 steps × batch 16 for generation (OPT on SQuAD and DROP, opt/examples/dpzero.sh); github.com/Liang137/DPZero.",
  "aug-pe": "Not run by the study on any of its datasets [assumption]: T = 10 rounds (the Aug-PE README's DP setting), S = 2,000 samples and 3 variations each (L = 4), as its GPT-3.5 scripts for OpenReview and PubMed (AI-secure/aug-pe scripts/gpt-3.5-turbo/).",
};

/** The knob defaults for a preset; `custom` uses the SST2 column (classification) or SAMSum (generation). */
export function defaultKnobs(preset: PresetId, task: "classification" | "generation" = "classification"): Knobs {
  const column: Exclude<PresetId, "custom"> = preset === "custom" ? (task === "generation" ? "samsum" : "sst2") : preset;
  const out = {} as Record<string, Record<string, KnobValue>>;
  for (const [method, knobs] of Object.entries(D)) {
    const row: Record<string, KnobValue> = {};
    for (const [knob, values] of Object.entries(knobs)) row[knob] = typeof values === "string" ? values : (values as PerDataset)[column];
    out[method] = row;
  }
  return out as Knobs;
}
