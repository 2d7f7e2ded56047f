/**
 * What each share-link version means when a key is absent: its defaults, frozen.
 *
 * The codec omits every value equal to its default (./codec), so a link is only as stable as its
 * defaults. A link's `v` therefore pins them: `v=1` reads with the table below forever. Adding a
 * method, correcting a dataset average, a preset's models, a knob default or a GPU's list price
 * changes the current catalogue (./catalog, ./knobs, lib/methods), not this table; a new default
 * reaches links only through a new version written by the codec (FORMAT_VERSIONS in ./schema).
 *
 * The values were copied from the catalogue as it stood when v=1 was published (and are checked
 * by test/scenario/link-corpus.test.ts against 700 recorded links): the study's dataset figures
 * (Hanke et al. 2024, Tables 7, 14, 21), the models it ran per dataset (Tables 3–6), its method
 * hyperparameters (Tables 8–20, Appendix D; docs/derivations.md §S8) and the A40 price of
 * Table 22. Their sources and caveats are documented where the current values live.
 */
import type { ClosedModelId, DatasetId, GpuId, MethodId, OpenModelId, PresetId, PriceSetId, Task } from "./catalog";
import type { FormatVersion } from "./schema";

/** One column of the study's hyperparameter tables: SST2 / Trec / Mpqa / Disaster, SAMSum / DocVQA / MIT-G / MIT-D. */
type PerDataset = readonly [sst2: number, trec: number, mpqa: number, disaster: number, samsum: number, docvqa: number, mitg: number, mitd: number];
const COLUMNS = ["sst2", "trec", "mpqa", "disaster", "samsum", "docvqa", "mitg", "mitd"] as const satisfies readonly DatasetId[];

/** Everything a version's link falls back on for a key it does not carry. */
export interface VersionDefaults {
  /** A link without `preset`. */
  preset: PresetId;
  /** `methods` absent: the methods compared. */
  methods: readonly MethodId[];
  /** Per dataset preset: task, N, token averages, classes. */
  datasets: Readonly<Record<DatasetId, { task: Task; records: number; classes: number | null; inTokens: number; outTokens: number }>>;
  /** A custom scenario: N, token averages, classes of a classification task. */
  custom: { records: number; inTokens: number; outTokens: number; classes: number };
  /** `closed` / `open` absent: the models the study ran per dataset. */
  models: Readonly<Record<PresetId, { closed: readonly ClosedModelId[]; open: readonly OpenModelId[] }>>;
  queries: number;
  epsilon: number;
  /** `prices` absent: the API price set. */
  priceSet: PriceSetId;
  /** `gpu` absent: the GPU that trains and serves the open models. */
  gpu: GpuId;
  /** `gpuPrice` absent: $ per GPU-hour of each GPU of the version. */
  gpuUsdPerHour: Readonly<Partial<Record<GpuId, number>>>;
  /** `<method>.<knob>` absent: per method and knob, one value per dataset column; custom reads SST2 (classification) or SAMSum (generation). */
  knobs: Readonly<Partial<Record<MethodId, Readonly<Record<string, PerDataset>>>>>;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const CLASSIFICATION_MODELS = {
  closed: ["gpt-3-babbage", "gpt-3-davinci", "gpt-4-turbo", "claude-2.1"],
  open: ["roberta-large", "pythia-160m", "pythia-6.9b", "vicuna-7b", "llama-3-8b-instruct"],
} as const;

/** The defaults of `v=1` (and of `v=2`, which differs only in custom's instruction tokens, see defaultInstructionTokens in ./schema). */
const V1: VersionDefaults = {
  preset: "sst2",
  methods: ["dp-icl", "prompt-pate", "dp-fewshotgen", "dp-opt", "prompt-dpsgd", "private-lora", "dp-finetune", "prompt-pate-gen"],
  datasets: {
    sst2: { task: "classification", records: 66674, classes: 2, inTokens: 12.35, outTokens: 1 },
    trec: { task: "classification", records: 5452, classes: 6, inTokens: 11.43, outTokens: 1 },
    mpqa: { task: "classification", records: 8603, classes: 2, inTokens: 3.88, outTokens: 1 },
    disaster: { task: "classification", records: 4430, classes: 2, inTokens: 30.79, outTokens: 1 },
    samsum: { task: "generation", records: 14732, classes: null, inTokens: 140.857, outTokens: 25.62 },
    docvqa: { task: "generation", records: 85000, classes: null, inTokens: 924.191, outTokens: 6.384 },
    mitg: { task: "generation", records: 2953, classes: null, inTokens: 24.314, outTokens: 2.301 },
    mitd: { task: "generation", records: 1561, classes: null, inTokens: 25.276, outTokens: 3.877 },
  },
  custom: { records: 10000, inTokens: 50, outTokens: 1, classes: 2 },
  models: {
    sst2: CLASSIFICATION_MODELS,
    trec: CLASSIFICATION_MODELS,
    mpqa: CLASSIFICATION_MODELS,
    disaster: CLASSIFICATION_MODELS,
    samsum: { closed: ["gpt-3-davinci", "gpt-3.5-turbo-instruct", "gpt-4-turbo"], open: ["bart-large", "pythia-410m", "pythia-1b", "pythia-6.9b", "vicuna-7b", "openllama-13b", "mixtral-8x7b"] },
    docvqa: { closed: ["gpt-3-davinci"], open: ["pythia-1b", "pythia-6.9b", "vicuna-7b", "openllama-13b"] },
    mitg: { closed: ["gpt-3-davinci"], open: ["pythia-410m", "pythia-1b", "vicuna-7b", "openllama-13b", "mixtral-8x7b"] },
    mitd: { closed: ["gpt-3-davinci"], open: ["pythia-410m", "pythia-1b", "vicuna-7b", "openllama-13b", "mixtral-8x7b"] },
    custom: { closed: ["gpt-3-davinci", "gpt-4-turbo"], open: ["pythia-1b", "llama-3-8b-instruct"] },
  },
  queries: 10000,
  epsilon: 8,
  priceSet: "paper-2024-05",
  gpu: "a40",
  gpuUsdPerHour: { a40: 0.69, "a100-40gb": 1.19, "a100-80gb": 1.64, h100: 2.69, l4: 0.43 },
  knobs: {
    "dp-icl": { ensemble: [10, 10, 10, 10, 100, 100, 100, 100], shots: [4, 4, 4, 4, 1, 1, 1, 1] },
    "prompt-pate": { ensemble: [400, 400, 400, 400, 400, 400, 400, 400], shots: [1, 1, 1, 1, 1, 1, 1, 1], public: [300, 300, 300, 300, 300, 300, 300, 300], studentShots: [1, 1, 1, 1, 1, 1, 1, 1] },
    "dp-fewshotgen": { ensemble: [20, 20, 20, 20, 20, 20, 20, 20], shots: [4, 4, 4, 4, 4, 4, 4, 4], tokens: [50, 50, 50, 50, 50, 50, 20, 20], demos: [4, 4, 4, 4, 4, 4, 4, 4] },
    "dp-opt": { ensemble: [205, 205, 205, 205, 205, 205, 205, 205], shots: [5, 5, 5, 5, 5, 5, 5, 5], tokens: [39, 39, 39, 39, 50, 50, 50, 50] },
    "prompt-dpsgd": { epochs: [22, 100, 100, 100, 20, 15, 40, 40], batch: [32, 32, 32, 32, 256, 256, 256, 256], promptLength: [1, 10, 10, 10, 10, 25, 5, 5] },
    "private-lora": { epochs: [10, 40, 20, 20, 20, 15, 20, 20], batch: [128, 128, 128, 128, 256, 256, 256, 256], rank: [4, 4, 4, 4, 8, 8, 8, 8] },
    "dp-finetune": { epochs: [10, 40, 40, 50, 20, 15, 20, 20], batch: [128, 128, 128, 128, 256, 256, 256, 256] },
    "prompt-pate-gen": { ensemble: [100, 100, 100, 100, 100, 100, 25, 25], shots: [1, 1, 1, 1, 1, 1, 1, 1], public: [100, 100, 100, 100, 100, 100, 100, 100], studentShots: [4, 4, 4, 4, 10, 10, 4, 4] },
  },
};

/**
 * The methods a v=3 link compares when it has no `methods` key. One line, so the methods added
 * beyond the study (Aug-PE, DPZero, POST) are appended here, and only here, when they land: a
 * v=1 or v=2 link never gains them.
 */
// The study's eight and the three methods beyond it (issue #17): v=3 is the first version to compare them by default.
const V3_METHODS: readonly MethodId[] = ["dp-icl", "prompt-pate", "dp-fewshotgen", "dp-opt", "prompt-dpsgd", "private-lora", "dp-finetune", "prompt-pate-gen", "dpzero", "post", "aug-pe"];

/**
 * Today's models (issue #17): what a team can use in 2026, at current prices. Closed: a flagship
 * and a small model of OpenAI, Anthropic and Google that @pydantic/genai-prices 0.1.8 prices and
 * whose provider has announced no shutdown (GPT-5 and GPT-5 mini have one, 2026-12-11, so GPT-4.1
 * and GPT-4.1 mini stand for OpenAI). Open: current 7–8B open models a team would fine-tune (model
 * cards on Hugging Face, ./catalog); Llama 3.1 70B is selectable but not a default, since training
 * it needs several 80 GB GPUs. None of these was run by the study: their accuracy is `none` unless
 * a source reports it.
 */
const TODAY_MODELS = {
  // In catalogue order, the codec's canonical list order (a reordered equal list is not a change).
  closed: ["gpt-4.1", "gpt-4.1-mini", "claude-sonnet-4.5", "gemini-2.5-pro", "gemini-2.5-flash", "claude-haiku-4.5"],
  open: ["llama-3.1-8b", "qwen2.5-7b", "mistral-7b"],
} as const;

/**
 * The defaults of `v=3` ("today's setup"): the study's datasets, ε, query volume and method
 * hyperparameters (no newer source gives better ones), with today's models at the `current` price
 * set on an H100 80 GB at the catalogue's list price (lib/scenario/catalog.ts GPUS: $2.69/h, a
 * RunPod rate; every GPU's price is pinned so a later correction does not move v=3 links). Why an
 * 80 GB H100, by the memory check (lib/cost/gpu-model.ts checkTrainingMemory) on SST2: prompt
 * tuning, LoRA and serving of the 7–8B defaults need 18–20 GB, which a 24 GB L4 holds only just,
 * while DP-FineTune of all weights needs 175–194 GB, 3 × 80 GB whatever the card; the H100 is the
 * 80 GB GPU teams rent today. "The study's setup (2024)" is v=1 (v=2 for custom), frozen above.
 */
const V3: VersionDefaults = {
  ...V1,
  methods: V3_METHODS,
  models: {
    sst2: TODAY_MODELS, trec: TODAY_MODELS, mpqa: TODAY_MODELS, disaster: TODAY_MODELS,
    samsum: TODAY_MODELS, docvqa: TODAY_MODELS, mitg: TODAY_MODELS, mitd: TODAY_MODELS, custom: TODAY_MODELS,
  },
  priceSet: "current",
  gpu: "h100",
  gpuUsdPerHour: { a40: 0.69, "a100-40gb": 1.19, "a100-80gb": 1.64, h100: 2.69, l4: 0.43, a10g: 1.01, h200: 3.59 },
};

/**
 * Defaults per format version; the compiler requires an entry for every version in
 * FORMAT_VERSIONS (./schema). v=2 changed only custom's instruction tokens, which
 * defaultInstructionTokens in ./schema computes from the version, so it shares v=1's table.
 * v=3 is today's setup (V3 above).
 */
export const VERSION_DEFAULTS: Readonly<Record<FormatVersion, VersionDefaults>> = deepFreeze({ 1: V1, 2: V1, 3: V3 });

/**
 * The knob values a version pins for a preset (and task, for custom), for the methods it knows.
 * A method the version does not list has no pinned knobs: its current defaults apply, which is
 * harmless because a link of that version selects it only by naming it.
 * @example pinnedKnobs(VERSION_DEFAULTS[1], "samsum", "generation")["dp-icl"] // { ensemble: 100, shots: 1 }
 */
export function pinnedKnobs(defaults: VersionDefaults, preset: PresetId, task: Task): Partial<Record<MethodId, Record<string, number>>> {
  const column = preset === "custom" ? (task === "generation" ? "samsum" : "sst2") : preset;
  const index = COLUMNS.indexOf(column);
  const out: Partial<Record<MethodId, Record<string, number>>> = {};
  for (const [method, knobs] of Object.entries(defaults.knobs) as [MethodId, Readonly<Record<string, PerDataset>>][]) {
    const row: Record<string, number> = {};
    for (const [knob, values] of Object.entries(knobs)) {
      const value = values[index];
      if (value !== undefined) row[knob] = value;
    }
    out[method] = row;
  }
  return out;
}
