/**
 * The scenario: every input of the calculator, as one zod schema.
 *
 * The same schema validates the page's URL, the JSON API and the CLI (all three go through
 * `parseScenario` in ./codec). Each field carries its share-link key, label, unit, allowed range
 * and a one-line description in zod metadata; the form labels and the OpenAPI document read them.
 */
import { z } from "zod";
import {
  ACCOUNTANT_IDS, CLOSED_METHOD_IDS, CLOSED_MODEL_IDS, GPU_IDS, METHOD_IDS, MODELS, OPEN_MODEL_IDS, PRESET_IDS, PRICE_SET_IDS, TASKS,
  METHOD_SETTING_FIELDS, type AccountantId, type ClosedMethodId, type ClosedModelId, type GpuId, type MethodSettings, type MethodId, type ModelId, type OpenModelId, type PresetId,
  type PriceSetId, type Task,
} from "./catalog";
import { isEnumKnob, KNOB_SPECS, type EnumKnobSpec, type KnobSpec, type ScenarioKnobs } from "./knobs";

/**
 * Share-link format versions. v=2 differs from v=1 in one default only: a custom scenario without
 * an `instr` key carries INSTRUCTION_TOKENS_CUSTOM_DEFAULT instruction tokens per call in v=2 and
 * 0 in v=1 (docs/derivations.md §S11). For the study's presets both read the same, so the codec
 * writes v=1 for them (every existing preset link stays byte-identical) and v=2 for custom ones.
 * v=3 (issue #17) is "today's setup": current closed models at current prices, current open models
 * on a current GPU (./versions); v=1 (v=2 for custom) is "the study's setup (2024)". The codec
 * writes v=3 for a scenario built from today's setup and v=1/v=2 for one built from the study's.
 * A link without `v` is read as v=2 (UNVERSIONED_LINK_VERSION), the latest version before v=3:
 * every link the page ever wrote carries `v` (the recorded corpus test/fixtures/links/v1-corpus.json
 * has none without it), but queries typed by hand for the CLI and the JSON API (the README's
 * examples, scripts) omit it, and they keep the meaning they had. The page opens an empty address
 * on today's setup (landingParams in ./search-params), and writes `v` into every link.
 */
export const FORMAT_VERSIONS = [1, 2, 3] as const;
export type FormatVersion = (typeof FORMAT_VERSIONS)[number];
/** The latest format version. */
export const FORMAT_VERSION = 3 as const;
/** The version of today's setup; below it, the study's setup (2024). */
export const TODAY_VERSION = 3 as const;
/** How a link without `v` is read (see FORMAT_VERSIONS): the study's setup, as before v=3 existed. */
export const UNVERSIONED_LINK_VERSION = 2 as const;

/**
 * Instruction and template tokens a prompt-based call carries in a custom scenario of a v=2 link.
 * Hanke et al. 2024, Table 3: 0-shot SST2 on GPT-3 Davinci costs $6.00 per 10,000 queries, i.e.
 * $0.0006 per query; at Davinci's $2.00 per 1M tokens (Table 22) that is 300 tokens per query.
 * The call carries the query (12.35 input tokens) and 1 output token (Table 7), so the instruction
 * is 300 − 12.35 − 1 = 286.65 ≈ 287 tokens (docs/derivations.md §S11).
 */
export const INSTRUCTION_TOKENS_CUSTOM_DEFAULT = 287;

/**
 * The link version a scenario of the study's setup is written in: v=2 only where its defaults
 * differ from v=1's. A scenario of today's setup (`v` = 3) is written as v=3 (scenarioLinkVersion).
 */
export function linkVersionFor(preset: PresetId): 1 | 2 {
  return preset === "custom" ? 2 : 1;
}

/** The version a scenario is written in: v=3 for today's setup, else linkVersionFor its preset. */
export function scenarioLinkVersion(s: Pick<Scenario, "v" | "preset">): FormatVersion {
  return s.v >= TODAY_VERSION ? TODAY_VERSION : linkVersionFor(s.preset);
}

/** Default instruction tokens per call: 0 (the study's accounting, Appendix D) except custom in v≥2. */
export function defaultInstructionTokens(preset: PresetId, version: FormatVersion): number {
  return preset === "custom" && version >= 2 ? INSTRUCTION_TOKENS_CUSTOM_DEFAULT : 0;
}
/** Caps on what one link may carry (issue #2): beyond them the input is refused, not truncated. */
export const MAX_QUERY_CHARS = 2000;
export const MAX_METHODS = 20;
export const MAX_MODELS = 20;
/** Smallest ε and δ a scenario may ask for (see the field comments). */
export const MIN_EPSILON = 0.001;
export const MIN_DELTA = 1e-20;

/**
 * Must-haves (issue #18): what the decision must respect. All were added after v=1 was published;
 * each defaults to "no constraint" (or today's ranking rule), so a link without them means what it
 * always did.
 * - Channels a user may require to be protected: A (private training data → provider),
 *   B (queries → provider), C (training data → querying party, bounded by the ε the plan achieves).
 * - Where accuracy figures may come from: `study` = measured by Hanke et al. 2024 (Tables 3–6) only;
 *   `reported` = also the figures a method's own authors report (lib/utility/reported.ts, utility
 *   kind "reported": DPZero's so far). The table shows both, labelled; only the decision differs.
 * - What "best" means among the options that meet every must-have: `privacy` (least exposure, then
 *   utility, then cost: lib/recommend's RANKING_RULE, the default), `cost` (cheapest, then utility),
 *   `utility` (most accurate, then cost).
 */
export const PROTECTABLE_CHANNELS = ["A", "B", "C"] as const;
export type ProtectableChannel = (typeof PROTECTABLE_CHANNELS)[number];
export const UTILITY_SOURCES = ["study", "reported"] as const;
export type UtilitySource = (typeof UTILITY_SOURCES)[number];
export const RANK_RULES = ["privacy", "cost", "utility"] as const;
export type RankRule = (typeof RANK_RULES)[number];

/** A user's override of one model's API price, in $ per 1M tokens. */
export interface PriceOverride {
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
}

/**
 * The scenario. Besides the fields below, it holds each method's settings that are not knobs
 * (MethodSettings, from the cards in lib/methods: `fewShotGenGenerator`, where DP-FewShotGen writes
 * its demonstrations: `api`, variant (1), the default, or an open model, variant (2)).
 */
export interface Scenario extends MethodSettings {
  /** The share-link version the scenario is written in (scenarioLinkVersion): 3 = today's setup, 1 or 2 = the study's. */
  v: FormatVersion;
  preset: PresetId;
  task: Task;
  /** Classes of a classification task; null for generation. */
  classes: number | null;
  /** Private training records N. */
  records: number;
  /** Average input tokens per record. */
  inTokens: number;
  /** Average output tokens per record. */
  outTokens: number;
  /**
   * Instruction/template tokens added to the input of every prompt-based call (API and local);
   * 0 is the study's accounting (Hanke et al. 2024, Appendix D). Share-link key `instr`.
   */
  instructionTokens: number;
  /** Queries to answer over the deployment's life. */
  queries: number;
  epsilon: number;
  delta: number;
  /** Which accountant produces the headline ε of Gaussian-based methods. */
  accountant: AccountantId;
  methods: MethodId[];
  closedModels: ClosedModelId[];
  openModels: OpenModelId[];
  /**
   * Open models served by a hosting provider rather than the user's GPU (share link `hosted`).
   * A `price.<open model>` override also means hosted (see `deploymentOf`); default none.
   */
  hostedModels: OpenModelId[];
  /** Closed-LLM methods that also run on every selected open model (share link `closedOnOpen`); default none. */
  closedOnOpen: ClosedMethodId[];
  priceSet: PriceSetId;
  gpu: GpuId;
  gpuUsdPerHour: number;
  /** Queries a local open model decodes together: 1 = one at a time, as the study measured; more = a batched server. */
  servingBatch: number;
  priceOverrides: Partial<Record<ModelId, PriceOverride>>;
  /** Per-method knobs (every method's, ScenarioKnobs). */
  knobs: ScenarioKnobs;
  /** Must-have: largest acceptable total cost in USD (share link `maxCost`); null = no limit. */
  maxCostUsd: number | null;
  /** Must-have: smallest acceptable utility, in the task's metric (share link `minUtility`); null = none. */
  minUtility: number | null;
  /** Must-have: channels that must be protected (share link `protect`, e.g. `A,B`); default none. */
  protect: ProtectableChannel[];
  /**
   * Largest acceptable ε (share link `maxEps`); null = use `epsilon` as given. When set, the
   * decision may raise ε from `epsilon` up to `maxEpsilon` to find an option meeting every must-have.
   */
  maxEpsilon: number | null;
  /** Where accuracy figures may come from (share link `utilitySource`); default `study`. */
  utilitySource: UtilitySource;
  /** What "best" means among qualifying options (share link `rank`); default `privacy`. */
  rank: RankRule;
  /**
   * Batch API for the offline API stages (share link `batch=on`, issue #17): half price, results
   * within 24 h (lib/cost/api-options.ts). Absent = off: the property exists only when on, so a
   * scenario read from a link without the key is the very object it was before the key existed.
   */
  batch?: "on";
  /** Prompt caching of fixed teacher prefixes (share link `cache=on`, issue #17); absent = off, as `batch`. */
  cache?: "on";
}

/** How a share-link value is read: the codec's parsing and the error's "allowed" text follow from it. */
export type FieldKind =
  | { type: "number"; min: number; max: number; minExclusive?: boolean; maxExclusive?: boolean; integer: boolean }
  | { type: "enum"; values: readonly string[] }
  | { type: "list"; values: readonly string[]; maxItems: number; minItems: number };

export interface FieldMeta {
  /** The share-link key, e.g. `eps` or `dp-icl.shots`. */
  key: string;
  label: string;
  unit: string;
  description: string;
  kind: FieldKind;
}

const num = (min: number, max: number, integer: boolean, opts: { minExclusive?: boolean; maxExclusive?: boolean } = {}): FieldKind => ({ type: "number", min, max, integer, ...opts });

/** Top-level fields, in canonical share-link order. `path` is the Scenario property. */
export const TOP_FIELDS = [
  { path: "v", key: "v", label: "Format version", unit: "", description: "Share-link format version, which fixes every default: 3 = today's setup (current models at current prices on an H100; the default), 1 = the study's setup (2024), 2 = the study's setup with custom scenarios at 287 instruction tokens per call.", kind: num(1, 3, true) },
  { path: "preset", key: "preset", label: "Preset", unit: "", description: "A dataset of the study (sets N, token averages and method hyperparameters) or custom.", kind: { type: "enum", values: PRESET_IDS } },
  { path: "task", key: "task", label: "Task", unit: "", description: "Classification (one label per query) or generation (free text).", kind: { type: "enum", values: TASKS } },
  { path: "classes", key: "classes", label: "Classes", unit: "classes", description: "Number of labels of a classification task.", kind: num(2, 10000, true) },
  // N ≥ 2: the default δ is 1/N, and δ must stay below 1.
  { path: "records", key: "n", label: "Private records N", unit: "records", description: "Private training records; the DP guarantee protects each one.", kind: num(2, 1e9, true) },
  { path: "inTokens", key: "in", label: "Input tokens per record", unit: "tokens", description: "Average input length of a record or query, instructions excluded.", kind: num(0.01, 1e6, false) },
  { path: "outTokens", key: "out", label: "Output tokens per record", unit: "tokens", description: "Average length of an answer (1 for a class label).", kind: num(0.01, 1e6, false) },
  { path: "instructionTokens", key: "instr", label: "Instruction tokens per call", unit: "tokens", description: "Instruction and template tokens every prompt-based call carries besides the record. 0 = the study's accounting (its presets); custom scenarios default to 287, derived from the study's 0-shot cost (Hanke et al. 2024, Table 3; docs/derivations.md §S11).", kind: num(0, 1e6, false) },
  { path: "queries", key: "queries", label: "Queries to answer", unit: "queries", description: "Queries the adapted model answers over its life.", kind: num(1, 1e12, true) },
  // ε below 0.001 or δ below 1e-20 protect nothing more in practice but drive the accountants'
  // inverse searches into extreme noise; the bounds keep every estimate fast and finite.
  { path: "epsilon", key: "eps", label: "ε (epsilon)", unit: "", description: "Privacy budget; smaller ε = stronger privacy. The study uses ε = 8.", kind: num(MIN_EPSILON, 100, false) },
  { path: "delta", key: "delta", label: "δ (delta)", unit: "", description: "Probability the ε guarantee may fail; default 1/N, keep it below 1/N.", kind: num(MIN_DELTA, 1, false, { maxExclusive: true }) },
  { path: "accountant", key: "accountant", label: "Accountant", unit: "", description: "PRV (tight numerical) or RDP (Rényi, looser) for Gaussian mechanisms.", kind: { type: "enum", values: ACCOUNTANT_IDS } },
  { path: "methods", key: "methods", label: "Methods", unit: "", description: "Adaptation methods to compare.", kind: { type: "list", values: METHOD_IDS, maxItems: MAX_METHODS, minItems: 1 } },
  { path: "closedModels", key: "closed", label: "Closed models", unit: "", description: "API models for the closed-LLM methods.", kind: { type: "list", values: CLOSED_MODEL_IDS, maxItems: MAX_MODELS, minItems: 0 } },
  { path: "openModels", key: "open", label: "Open models", unit: "", description: "Open models for the open-LLM methods; they run on your GPU unless listed under hosted.", kind: { type: "list", values: OPEN_MODEL_IDS, maxItems: MAX_MODELS, minItems: 0 } },
  // Added after v=1 was published: absent means every open model runs on the user's GPU, as
  // before (a `price.<open model>` override meant a hosted API then too, see deploymentOf).
  { path: "hostedModels", key: "hosted", label: "Open models run at a host", unit: "", description: "Open models served by a hosting provider instead of your own GPU: they are priced per token (price.<model>=in,out) and the host sees what they are sent. A price override on an open model also marks it hosted.", kind: { type: "list", values: OPEN_MODEL_IDS, maxItems: MAX_MODELS, minItems: 0 } },
  { path: "closedOnOpen", key: "closedOnOpen", label: "Closed-LLM methods also on open models", unit: "", description: "Also run these closed-LLM methods on every selected open model, as the study ran DP-ICL on OpenLLaMA 13B (Table 5) and DP-OPT on Vicuna 7B (Table 3).", kind: { type: "list", values: CLOSED_METHOD_IDS, maxItems: MAX_METHODS, minItems: 0 } },
  { path: "priceSet", key: "prices", label: "Price set", unit: "", description: "The study's API prices of 2024-05-22 or current list prices.", kind: { type: "enum", values: PRICE_SET_IDS } },
  { path: "gpu", key: "gpu", label: "GPU", unit: "", description: "GPU that trains and serves the open models.", kind: { type: "enum", values: GPU_IDS } },
  { path: "gpuUsdPerHour", key: "gpuPrice", label: "GPU price", unit: "$/GPU-hour", description: "Rental price of one GPU for one hour.", kind: num(0, 1000, false) },
  // The methods' settings that are not knobs, declared in their cards (`dp-fewshotgen.generator`: DP-FewShotGen's generator).
  ...METHOD_SETTING_FIELDS,
  { path: "servingBatch", key: "serveBatch", label: "Serving batch size", unit: "queries decoded together", description: "How a local open model answers queries: 1 = one at a time, as the study measured; more = a batched server (e.g. vLLM) that reads the weights once per step for the whole batch.", kind: num(1, 4096, true) },
  // Must-haves (issue #18), added after v=1: absent = no constraint and today's ranking rule.
  { path: "maxCostUsd", key: "maxCost", label: "Largest total budget", unit: "USD", description: "Must-have: an option qualifies only if its total cost (training + queries) is at most this. Absent = no limit.", kind: num(0, 1e12, false) },
  { path: "minUtility", key: "minUtility", label: "Smallest accuracy", unit: "task metric", description: "Must-have: an option qualifies only if the study's utility, in the task's metric (accuracy in % for classification, ROUGE/BLEU points for generation), is at least this. Absent = none.", kind: num(0, 100, false) },
  { path: "protect", key: "protect", label: "Channels that must not leak", unit: "", description: "Must-have: these channels must be protected: A = private training data → provider, B = queries → provider, C = training data → querying party (bounded by the ε the plan achieves). Absent = none.", kind: { type: "list", values: PROTECTABLE_CHANNELS, maxItems: PROTECTABLE_CHANNELS.length, minItems: 0 } },
  { path: "maxEpsilon", key: "maxEps", label: "Largest acceptable ε", unit: "", description: "When set, the decision may raise ε from eps up to this to find an option that meets every must-have, and says which ε it picked and why. Absent = ε is eps.", kind: num(MIN_EPSILON, 100, false) },
  { path: "utilitySource", key: "utilitySource", label: "Accuracy figures from", unit: "", description: "study = the decision uses only accuracy measured by Hanke et al. 2024 (Tables 3–6); reported = it also uses figures reported by a method's own authors (marked \"reported\", e.g. DPZero's on RoBERTa-large). The table shows both either way.", kind: { type: "enum", values: UTILITY_SOURCES } },
  // Issue #17, added after v=1: absent = off in every version.
  { path: "batch", key: "batch", label: "Batch API", unit: "", description: "on = send the offline API stages (PromptPATE's teacher labelling, DP-FewShotGen's generation) through the provider's batch API at half price, results within 24 h; live queries are never batched. Anthropic's batch API is not eligible for zero data retention.", kind: { type: "enum", values: ["off", "on"] } },
  { path: "cache", key: "cache", label: "Prompt caching", unit: "", description: "on = price PromptPATE's fixed teacher prompts at the provider's cached-input rate after one write per teacher, when the prefix reaches the provider's minimum (1,024 tokens or more) and the price data lists a cached rate; each row says whether it applied and why.", kind: { type: "enum", values: ["off", "on"] } },
  { path: "rank", key: "rank", label: "Best means", unit: "", description: "Among options meeting every must-have: privacy = least exposure, then accuracy, then cost (default); cost = cheapest, then accuracy; utility = most accurate, then cost.", kind: { type: "enum", values: RANK_RULES } },
] as const satisfies readonly (FieldMeta & { path: keyof Scenario })[];

export type TopFieldPath = (typeof TOP_FIELDS)[number]["path"];

/** Price overrides are `price.<model>=<in>,<out>` in $ per 1M tokens. */
export const PRICE_OVERRIDE_PREFIX = "price.";
export const PRICE_OVERRIDE_META = {
  label: "Price override",
  unit: "$ per 1M tokens (input,output)",
  description: "Replaces a model's API price: two numbers, input and output $ per 1M tokens.",
  min: 0,
  max: 100000,
};

/**
 * Where a model runs, which decides who sees channels A and B and how its calls are priced:
 * - `provider-api`: a closed model, called through its provider's API;
 * - `hosted`: an open model served by a host (listed in `hosted`, or given a `price.<model>`
 *   override, which only a hosted model has): per-token price, the host is the provider;
 * - `local`: an open model on the user's own GPU: GPU-hours, no provider.
 * @example deploymentOf({ hostedModels: [], priceOverrides: { "vicuna-7b": { inputUsdPerMTok: 0.2, outputUsdPerMTok: 0.2 } } }, "vicuna-7b") // "hosted"
 */
export type Deployment = "provider-api" | "hosted" | "local";
export function deploymentOf(scenario: Pick<Scenario, "hostedModels" | "priceOverrides">, model: ModelId): Deployment {
  if (MODELS[model].llm === "closed") return "provider-api";
  return scenario.hostedModels.includes(model as OpenModelId) || scenario.priceOverrides[model] !== undefined ? "hosted" : "local";
}

export function knobKey(method: MethodId, knob: string): string {
  return `${method}.${knob}`;
}

export function knobFieldMeta(method: MethodId, knob: string, spec: KnobSpec | EnumKnobSpec): FieldMeta {
  return { key: knobKey(method, knob), label: spec.label, unit: spec.unit, description: spec.description, kind: isEnumKnob(spec) ? { type: "enum", values: spec.values } : num(spec.min, spec.max, spec.integer) };
}

// ---------------------------------------------------------------------------------------------
// zod schema, built from the same tables so that it cannot drift from the codec.
// ---------------------------------------------------------------------------------------------

function numberSchema(kind: Extract<FieldKind, { type: "number" }>) {
  let s = z.number();
  if (kind.integer) s = s.int();
  s = kind.minExclusive ? s.gt(kind.min) : s.gte(kind.min);
  s = kind.maxExclusive ? s.lt(kind.max) : s.lte(kind.max);
  return s;
}

function fieldSchema(meta: FieldMeta): z.ZodType {
  const kind = meta.kind;
  const described = { key: meta.key, label: meta.label, unit: meta.unit, description: meta.description };
  switch (kind.type) {
    case "number":
      return numberSchema(kind).meta(described);
    case "enum":
      return z.enum(kind.values as [string, ...string[]]).meta(described);
    case "list":
      return z.array(z.enum(kind.values as [string, ...string[]])).min(kind.minItems).max(kind.maxItems).meta(described);
  }
}

const knobsSchema = z.object(
  Object.fromEntries(
    Object.entries(KNOB_SPECS).map(([method, knobs]) => [
      method,
      z.object(Object.fromEntries(Object.entries(knobs).map(([knob, spec]) => [knob, fieldSchema(knobFieldMeta(method as MethodId, knob, spec))]))).strict(),
    ]),
  ),
).strict();

const priceOverrideSchema = z.object({
  inputUsdPerMTok: z.number().gte(PRICE_OVERRIDE_META.min).lte(PRICE_OVERRIDE_META.max),
  outputUsdPerMTok: z.number().gte(PRICE_OVERRIDE_META.min).lte(PRICE_OVERRIDE_META.max),
}).strict();

const topShape = Object.fromEntries(TOP_FIELDS.map((f) => [f.path, fieldSchema(f)]));

/** The scenario schema. `classes` is nullable (generation); `v` is 1, 2 or 3. */
export const scenarioSchema = z.object({
  ...topShape,
  v: z.literal(FORMAT_VERSIONS).meta({ key: "v", description: "Share-link format version." }),
  classes: (topShape.classes as z.ZodNumber).nullable(),
  maxCostUsd: (topShape.maxCostUsd as z.ZodNumber).nullable(),
  minUtility: (topShape.minUtility as z.ZodNumber).nullable(),
  maxEpsilon: (topShape.maxEpsilon as z.ZodNumber).nullable(),
  // Absent = off; the codec drops an explicit `off`, a full scenario object may carry either value.
  batch: (topShape.batch as z.ZodType).optional(),
  cache: (topShape.cache as z.ZodType).optional(),
  priceOverrides: z.partialRecord(z.enum([...CLOSED_MODEL_IDS, ...OPEN_MODEL_IDS]), priceOverrideSchema),
  knobs: knobsSchema,
}).strict() as unknown as z.ZodType<Scenario>;
