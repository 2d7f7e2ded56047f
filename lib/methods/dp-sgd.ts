/**
 * The DP-SGD family on open LLMs (PromptDPSGD, PrivateLoRA, DP-FineTune), docs/derivations.md §8.
 *
 * Per-example clipping plus Gaussian noise σ·C on each batch's summed gradient; batches are
 * accounted as Poisson samples at rate q. The event is selfComposed(steps, poissonSampled(q,
 * gaussian(σ))). What differs between the codebases is how q and the step count follow from the
 * batch size B, the epochs E and N:
 * - opacus (PrivateLoRA / DP-FineTune classification): q = 1/⌈N/B⌉, steps = ⌊E/q⌋;
 * - private_transformers (PromptDPSGD classification): q = B/N, steps = ⌈E/q⌉;
 * - dp-transformers (every generation run): q = B/N, steps = ⌊E·(1/q + 1)⌋.
 * Any (ε, δ) is reachable by adding noise, so DP-SGD is always feasible; the UI shows σ.
 */
import { calibrateNoiseMultiplier, computeEpsilon, dpSgdEvent, type DpEvent } from "../privacy";
import type { DatasetId, MethodId, Scenario } from "../scenario";
import type { MethodCard } from "./card";
import { singleCallTokens, type DpSgdTraining, type MethodCost, type WeightPrecision, type WorkContext } from "../cost/work-types";
import { HANKE, MECHANICS, count, finiteOrNull, gaussianSpec, calibratedFields, requirement } from "./common";
import type { AsOriginalCode, DataRequirement, ExposureContext, MethodDescriptor, MethodPrivacy, MethodStyle, PaperNames, ProviderExposure } from "./types";
import { formatCount, formatSignificant } from "../present/format";

export type StepRule = "opacus" | "private-transformers" | "dp-transformers";

export interface DpSgdPlan {
  rule: StepRule;
  samplingRate: number;
  steps: number;
  epochs: number;
  batch: number;
}

/**
 * q and the number of noisy steps for a plan, by the framework the method's code uses.
 * @example dpSgdPlan(14732, 256, 20, "dp-transformers") // { samplingRate ≈ 0.017377, steps: 1170 } (docs/derivations.md §8)
 */
export function dpSgdPlan(records: number, batch: number, epochs: number, rule: StepRule): DpSgdPlan {
  const clippedBatch = Math.min(batch, records);
  if (rule === "opacus") {
    const batches = Math.ceil(records / clippedBatch);
    const q = 1 / batches;
    return { rule, samplingRate: q, steps: Math.max(1, Math.floor(epochs * batches)), epochs, batch };
  }
  const q = clippedBatch / records;
  const steps = rule === "private-transformers" ? Math.ceil(epochs / q - 1e-9) : Math.floor(epochs * (1 / q + 1));
  return { rule, samplingRate: q, steps: Math.max(1, steps), epochs, batch };
}

/** The card of a DP-SGD method of the study: its id keys its knobs in the scenario. */
export type DpSgdCard = MethodCard & { readonly id: Extract<MethodId, "prompt-dpsgd" | "private-lora" | "dp-finetune"> };

export interface DpSgdMethodConfig<C extends DpSgdCard = DpSgdCard> {
  /** The method's card (./card.ts): its id, label and knobs (`epochs`, `batch`, `impl`, …). */
  card: C;
  /** Which framework the method's code uses for each task. */
  rules: { classification: StepRule; generation: StepRule };
  sources: readonly string[];
  /** What the method's code does differently from our sound default, if anything. */
  asOriginalCode?: (scenario: Scenario, plan: DpSgdPlan) => AsOriginalCode | null;
  /** What training produces, as the leakage ledger names it: e.g. "soft prompt" (singular) or "LoRA adapters" (plural). */
  artefact: { name: string; plural: boolean };
  paperNames: PaperNames;
  style: MethodStyle;
  /** What the method trains, for its cost work (./dp-sgd.ts dpSgdWork) and the study's serving setup. */
  training: DpSgdTrainingConfig;
}

/** The cost-relevant difference between the DP-SGD methods. */
export interface DpSgdTrainingConfig {
  /** All weights, LoRA adapters, or a soft prompt / prefix (lib/cost/gpu-model.ts: FLOPs and memory per trainable). */
  trainable: DpSgdTraining["trainable"];
  /** Soft-prompt tokens in front of every record and query (PromptDPSGD's `promptLength`); 0 otherwise. */
  promptTokens?: (scenario: WorkContext["scenario"]) => number;
  /** LoRA rank, for the training memory check (PrivateLoRA's `rank`). */
  loraRank?: (scenario: WorkContext["scenario"]) => number;
  /**
   * Bytes per weight the study's eval scripts serve the trained model at on its generation presets
   * (sprintml/OpenLLMs: PEFT models loaded in 4-bit, full fine-tunes in 8- or 16-bit; lib/cost/gpu-model.ts gpuSetup).
   */
  servingPrecision: (dataset: DatasetId) => WeightPrecision;
}

const TRAINABLE_LABEL: Record<DpSgdTraining["trainable"], string> = { full: "all weights", lora: "LoRA adapters", prompt: "soft prompt" };

/**
 * A DP-SGD method's cost work (Hanke et al. 2024, Appendix D): E epochs over the N records, each of
 * ℓin + ℓout tokens plus the soft prompt, on the user's GPU; one call per query to the adapted model.
 * @example dpSgdWork(PrivateLoRA, SAMSum).training[0] // { kind: "dp-sgd", trainable: "lora", records: 14732, tokensPerRecord: 166.477 }
 */
export function dpSgdWork(config: DpSgdMethodConfig, { scenario, assumptions, sources }: WorkContext): ReturnType<MethodCost["work"]> {
  const li = scenario.inTokens;
  const lo = scenario.outTokens;
  const k = scenario.knobs[config.card.id];
  const promptTokens = config.training.promptTokens?.(scenario) ?? 0;
  const trainable = config.training.trainable;
  const loraRank = config.training.loraRank?.(scenario);
  const training: DpSgdTraining = {
    kind: "dp-sgd", phase: "training", id: "dp-sgd", label: `DP-SGD training (${TRAINABLE_LABEL[trainable]})`,
    trainable, epochs: k.epochs, records: scenario.records, tokensPerRecord: li + lo + promptTokens, impl: k.impl,
    ...(loraRank !== undefined ? { loraRank } : {}),
    formula: `${k.epochs} epochs × N × (ℓin + ℓout${promptTokens ? ` + ${promptTokens} prompt tokens` : ""})`,
  };
  const q = singleCallTokens({ promptTokens, inTokens: li, outTokens: lo });
  sources.push("Hanke et al. 2024, Appendix D (measured GPU hours × $/hour)");
  return {
    training: [training], assumptions, sources,
    perQuery: [{ kind: "llm-calls", phase: "query", id: "answer", label: "Adapted model answers the query", ...q, formula: `1 call; input ${promptTokens ? `${promptTokens} + ` : ""}ℓin, output ℓout` }],
  };
}

function dpSgdCost(config: DpSgdMethodConfig): MethodCost {
  return {
    work: (context) => dpSgdWork(config, context),
    // The adapted model is trained on, and answers, bare records (Appendix D): no instruction is sent.
    instructionTokens: "none",
    studyGpuSetup: { servingPrecision: config.training.servingPrecision },
  };
}

function planFor(config: DpSgdMethodConfig, scenario: Scenario): DpSgdPlan {
  const knobs = scenario.knobs[config.card.id] as { epochs: number; batch: number };
  return dpSgdPlan(scenario.records, knobs.batch, knobs.epochs, config.rules[scenario.task]);
}

export function dpSgdMethodPrivacy(config: DpSgdMethodConfig, scenario: Scenario): MethodPrivacy {
  const plan = planFor(config, scenario);
  const notes: string[] = [];
  if (plan.batch >= scenario.records) notes.push(`The batch (${plan.batch}) is at least N (${scenario.records}): every step uses all the data, q = 1, no amplification by subsampling.`);
  notes.push(`Steps by the ${plan.rule} rule: q = ${formatSignificant(plan.samplingRate, 4)}, ${formatCount(plan.steps)} noisy steps for ${plan.epochs} epochs.`);
  notes.push("Accounting assumes Poisson sampling of batches; dp-transformers' shuffled fixed-size batches are accounted the same way, as in its code (docs/derivations.md §12.6).");
  const { spec, note } = gaussianSpec(scenario, plan.samplingRate === 1 ? 1 : plan.steps);
  if (note) notes.push(note);
  const calibration = calibrateNoiseMultiplier({ targetEpsilon: scenario.epsilon, delta: scenario.delta, samplingRate: plan.samplingRate, steps: plan.steps, spec, relativeTolerance: 1e-3 });
  const feasible = calibration.feasible;
  return {
    method: config.card.id,
    label: config.card.label,
    feasible,
    ...calibratedFields(scenario, calibration),
    mechanism: { parameter: "noiseMultiplier", value: calibration.noiseMultiplier, unit: "σ (noise std ÷ clipping norm)" },
    budget: { unit: "steps", planned: plan.steps, allowed: null, epochs: plan.epochs },
    samplingRate: plan.samplingRate,
    ...(feasible ? {} : { minFeasibleEpsilon: null }),
    asOriginalCode: config.asOriginalCode?.(scenario, plan) ?? null,
    notes,
    sources: [...config.sources],
  };
}

/**
 * DP-SGD samples each batch from the N records at rate q = B/N (Abadi et al. 2016, Section 3.1;
 * opacus, private_transformers and dp-transformers alike), which needs B ≤ N: a batch of 128 cannot
 * be drawn from 100 records. (The privacy numbers of such a plan are those of B = N, q = 1.)
 */
export function dpSgdDataRequirements(config: Pick<DpSgdMethodConfig, "card">, scenario: Scenario): DataRequirement[] {
  const { batch } = scenario.knobs[config.card.id] as { batch: number };
  return [requirement({
    id: "batch", what: `records per expected batch (B = ${count(batch)})`, needed: batch, available: scenario.records,
    unmet: `${config.card.label}'s batch of ${count(batch)} records cannot be sampled from N = ${count(scenario.records)} (q = B/N > 1); lower the batch to at most N.`,
    met: `Each step samples a batch of ${count(batch)} of the ${count(scenario.records)} records (q = B/N).`,
    source: "Abadi et al., CCS 2016, Section 3.1 (DP-SGD, q = L/N); opacus, private_transformers, dp-transformers",
  })];
}

export function dpSgdDescriptor<C extends DpSgdCard>(config: DpSgdMethodConfig<C>): MethodDescriptor<C> {
  const privacy = (scenario: Scenario) => dpSgdMethodPrivacy(config, scenario);
  return {
    card: config.card,
    id: config.card.id,
    label: config.card.label,
    llm: config.card.llm,
    queriesSpendBudget: false,
    sources: config.sources,
    privacyEvent(scenario): DpEvent {
      const plan = planFor(config, scenario);
      return dpSgdEvent(privacy(scenario).noiseMultiplier ?? 1e6, plan.samplingRate, plan.steps);
    },
    privacy,
    dataRequirements: (scenario) => dpSgdDataRequirements(config, scenario),
    leakage: { needsLocalWeights: true, providerExposure: (context) => dpSgdProviderExposure(config, context), dpArtefact: "a DP-trained model" },
    cost: dpSgdCost(config),
    paperNames: config.paperNames,
    style: config.style,
  };
}

/**
 * What a DP-SGD method sends a host. Only an open model served by a host gets here (a closed API
 * exposes no gradients: `needsLocalWeights`). Training runs on the curator's GPU; the host receives
 * the trained artefact to serve it, never a raw record. Post-processing keeps it (ε, δ)-DP, so the
 * host learns about a record no more than a querying party can (channel C).
 */
function dpSgdProviderExposure(config: DpSgdMethodConfig, { scenario, provider, bound, dpStatus, tools: t }: ExposureContext): ProviderExposure {
  const { name, plural } = config.artefact;
  return {
    records: 0, expected: false, fraction: 0, recordSends: 0, queryCopies: 1,
    channelA: {
      status: dpStatus,
      formula: `0 raw records; the trained ${name} ${plural ? "are" : "is"} (${t.formatParameter(scenario.epsilon)}, ${t.formatParameter(scenario.delta)})-DP: ${bound.formula}`,
      reason: `${config.card.label} trains on the curator's own GPU; ${provider} receives the DP-trained ${name} to serve, not a raw record, and ${plural ? "they are" : "it is"} covered by the same (ε, δ) guarantee as the answers (channel C).`,
    },
    aClause: `no raw private record (only the DP-trained ${name})`,
    source: `Hanke et al. 2024, Section 2 and Fig. 1 (DP-SGD methods train on the open model's gradients)`,
  };
}

/** ε under our accounting of a σ some code chose (for asOriginalCode). */
export function soundEpsilonOf(scenario: Scenario, plan: DpSgdPlan, noiseMultiplier: number): number | null {
  const { spec } = gaussianSpec(scenario, plan.steps);
  return finiteOrNull(computeEpsilon(dpSgdEvent(noiseMultiplier, plan.samplingRate, plan.steps), scenario.delta, spec).epsilon);
}

export const DP_SGD_SOURCES = [HANKE, `${MECHANICS} §8`] as const;
