/**
 * Presets: one per dataset of the study, plus `custom`.
 *
 * A preset fixes N, the token averages, the task, the models the study ran on that dataset and the
 * method hyperparameters (docs/derivations.md §S3, §S8). Privacy defaults everywhere: ε = 8, δ = 1/N
 * (Hanke et al. 2024, Section 4); 10,000 queries as in the study's cost tables.
 */
import {
  GPUS, METHOD_IDS, methodSettingDefaults,
  type ClosedModelId, type GpuId, type OpenModelId, type PresetId, type Task,
} from "./catalog";
import { defaultKnobs, type ScenarioKnobs } from "./knobs";
import { FORMAT_VERSION, TODAY_VERSION, defaultInstructionTokens, linkVersionFor, type FormatVersion, type Scenario } from "./schema";
import { VERSION_DEFAULTS, pinnedKnobs } from "./versions";

/** The models the study ran on each dataset (Tables 3–6), as the study's setup (v=1) reads them (./versions); today's setup (v=3) has its own. */
export const PRESET_MODELS: Readonly<Record<PresetId, { closed: readonly ClosedModelId[]; open: readonly OpenModelId[] }>> = VERSION_DEFAULTS[1].models;

/** A custom scenario starts from a generic mid-sized classification task [assumption]. */
export const CUSTOM_DEFAULTS = VERSION_DEFAULTS[FORMAT_VERSION].custom;

export const DEFAULT_QUERIES = VERSION_DEFAULTS[FORMAT_VERSION].queries;
export const DEFAULT_EPSILON = VERSION_DEFAULTS[FORMAT_VERSION].epsilon;

/**
 * The default $ per GPU-hour of `gpu` in a link of `version`: the version's pinned price, or the
 * catalogue's for a GPU the version did not know (no link of that version names it).
 */
export function defaultGpuUsdPerHour(gpu: GpuId, version: FormatVersion = FORMAT_VERSION): number {
  return VERSION_DEFAULTS[version].gpuUsdPerHour[gpu] ?? GPUS[gpu].usdPerHour;
}

/**
 * The scenario a preset stands for, with the defaults `version` pins (./versions): a link's
 * version, not today's catalogue, decides what its absent keys mean. `task` may be given for
 * `custom` (it picks the knob column); for a dataset preset the dataset's own task is the default.
 * `version` defaults to the study's setup, the version the codec writes for the preset (v=1, or
 * v=2 for custom); pass TODAY_VERSION (3) for today's setup.
 */
export function presetScenario(preset: PresetId, task?: Task, version: FormatVersion = linkVersionFor(preset)): Scenario {
  const defaults = VERSION_DEFAULTS[version];
  const dataset = preset === "custom" ? null : defaults.datasets[preset];
  const resolvedTask: Task = task ?? dataset?.task ?? "classification";
  const records = dataset?.records ?? defaults.custom.records;
  const models = defaults.models[preset];
  // Methods the version does not pin keep their current defaults; they are selected only by name.
  const knobs = defaultKnobs(preset, resolvedTask) as unknown as Record<string, Record<string, number>>;
  for (const [method, pinned] of Object.entries(pinnedKnobs(defaults, preset, resolvedTask))) knobs[method] = { ...knobs[method], ...pinned };
  return {
    v: version >= TODAY_VERSION ? TODAY_VERSION : linkVersionFor(preset),
    preset,
    task: resolvedTask,
    // A generation dataset read as classification (task=classification) gets custom's classes.
    classes: dataset?.classes ?? (resolvedTask === "classification" ? defaults.custom.classes : null),
    records,
    inTokens: dataset?.inTokens ?? defaults.custom.inTokens,
    outTokens: dataset?.outTokens ?? defaults.custom.outTokens,
    instructionTokens: defaultInstructionTokens(preset, version),
    queries: defaults.queries,
    epsilon: defaults.epsilon,
    delta: 1 / records,
    accountant: "prv",
    // Filtered through the catalogue so the list stays in catalogue order (the codec's canonical order).
    methods: METHOD_IDS.filter((m) => defaults.methods.includes(m)),
    closedModels: [...models.closed],
    openModels: [...models.open],
    hostedModels: [],
    closedOnOpen: [],
    // The methods' settings that are not knobs, at their cards' defaults (DP-FewShotGen's generator: api).
    ...methodSettingDefaults(),
    priceSet: defaults.priceSet,
    gpu: defaults.gpu,
    gpuUsdPerHour: defaultGpuUsdPerHour(defaults.gpu, version),
    // One query at a time, as the study served (its eval scripts loop over queries).
    servingBatch: 1,
    priceOverrides: {},
    knobs: knobs as unknown as ScenarioKnobs,
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
