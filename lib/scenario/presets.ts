/**
 * Presets: one per dataset of the study, plus `custom`.
 *
 * A preset fixes N, the token averages, the task, the models the study ran on that dataset and the
 * method hyperparameters (docs/derivations.md §S3, §S8). Privacy defaults everywhere: ε = 8, δ = 1/N
 * (Hanke et al. 2024, Section 4); 10,000 queries as in the study's cost tables.
 */
import {
  DATASETS, GPUS, METHOD_IDS,
  type ClosedModelId, type DatasetId, type OpenModelId, type PresetId, type Task,
} from "./catalog";
import { defaultKnobs } from "./knobs";
import { defaultInstructionTokens, linkVersionFor, type Scenario } from "./schema";

const CLASSIFICATION_MODELS = {
  closed: ["gpt-3-babbage", "gpt-3-davinci", "gpt-4-turbo", "claude-2.1"],
  open: ["roberta-large", "pythia-160m", "pythia-6.9b", "vicuna-7b", "llama-3-8b-instruct"],
} as const;

/** The models the study ran on each dataset (Tables 3–6). */
export const PRESET_MODELS: Record<PresetId, { closed: readonly ClosedModelId[]; open: readonly OpenModelId[] }> = {
  sst2: CLASSIFICATION_MODELS,
  trec: CLASSIFICATION_MODELS,
  mpqa: CLASSIFICATION_MODELS,
  disaster: CLASSIFICATION_MODELS,
  samsum: { closed: ["gpt-3-davinci", "gpt-3.5-turbo-instruct", "gpt-4-turbo"], open: ["bart-large", "pythia-410m", "pythia-1b", "pythia-6.9b", "vicuna-7b", "openllama-13b", "mixtral-8x7b"] },
  docvqa: { closed: ["gpt-3-davinci"], open: ["pythia-1b", "pythia-6.9b", "vicuna-7b", "openllama-13b"] },
  mitg: { closed: ["gpt-3-davinci"], open: ["pythia-410m", "pythia-1b", "vicuna-7b", "openllama-13b", "mixtral-8x7b"] },
  mitd: { closed: ["gpt-3-davinci"], open: ["pythia-410m", "pythia-1b", "vicuna-7b", "openllama-13b", "mixtral-8x7b"] },
  custom: { closed: ["gpt-3-davinci", "gpt-4-turbo"], open: ["pythia-1b", "llama-3-8b-instruct"] },
};

/** A custom scenario starts from a generic mid-sized classification task [assumption]. */
export const CUSTOM_DEFAULTS = { records: 10000, inTokens: 50, outTokens: 1, classes: 2 } as const;

export const DEFAULT_QUERIES = 10000;
export const DEFAULT_EPSILON = 8;

/**
 * The scenario a preset stands for. `task` may be given for `custom` (it picks the knob column);
 * for a dataset preset the dataset's own task is the default.
 */
export function presetScenario(preset: PresetId, task?: Task): Scenario {
  const dataset = preset === "custom" ? null : DATASETS[preset as DatasetId];
  const resolvedTask: Task = task ?? dataset?.task ?? "classification";
  const records = dataset?.train ?? CUSTOM_DEFAULTS.records;
  const models = PRESET_MODELS[preset];
  return {
    v: linkVersionFor(preset),
    preset,
    task: resolvedTask,
    classes: dataset?.classes ?? (resolvedTask === "classification" ? CUSTOM_DEFAULTS.classes : null),
    records,
    inTokens: dataset?.inTokens ?? CUSTOM_DEFAULTS.inTokens,
    outTokens: dataset?.outTokens ?? CUSTOM_DEFAULTS.outTokens,
    instructionTokens: defaultInstructionTokens(preset, linkVersionFor(preset)),
    queries: DEFAULT_QUERIES,
    epsilon: DEFAULT_EPSILON,
    delta: 1 / records,
    accountant: "prv",
    methods: [...METHOD_IDS],
    closedModels: [...models.closed],
    openModels: [...models.open],
    hostedModels: [],
    closedOnOpen: [],
    fewShotGenGenerator: "api",
    priceSet: "paper-2024-05",
    gpu: "a40",
    gpuUsdPerHour: GPUS.a40.usdPerHour,
    // One query at a time, as the study served (its eval scripts loop over queries).
    servingBatch: 1,
    priceOverrides: {},
    knobs: defaultKnobs(preset, resolvedTask),
    // Must-haves (issue #18): none by default, ranked by today's rule.
    maxCostUsd: null,
    minUtility: null,
    protect: [],
    maxEpsilon: null,
    utilitySource: "study",
    rank: "privacy",
  };
}

/** The study's SST2 setup at ε = 8, δ = 1/N, 10,000 queries, all methods. */
export function defaultScenario(): Scenario {
  return presetScenario("sst2");
}
