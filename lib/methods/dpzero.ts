/**
 * DPZero (Zhang et al., "DPZero: Private Fine-Tuning of Language Models without Backpropagation",
 * ICML 2024, arXiv 2310.09639; code github.com/Liang137/DPZero). Not run by Hanke et al. 2024.
 *
 * Mechanism, per step (DPZero `opt/src/trainer.py` `dpzero_step`, `roberta/src/trainer.py`):
 * 1. draw a seed and a direction z ~ N(0, I_d) over every trainable weight (regenerated from the
 *    seed, never stored; z does not depend on the data);
 * 2. two forward passes over the batch of B examples, at θ + λz and θ − λz (λ = `zo_eps` = 1e-3),
 *    giving per-example losses ℓ⁺ᵢ and ℓ⁻ᵢ; no backward pass;
 * 3. gᵢ = (ℓ⁺ᵢ − ℓ⁻ᵢ) / (2λ), clipped to [−C, C];
 * 4. ĝ = mean(clipped gᵢ) + N(0, s²) with s = 2σC/B (`dpzero_gaussian_std = 2 * multiplier *
 *    dp_clip_threshold / total_train_batch_size`);
 * 5. θ ← θ − η·ĝ·z.
 * Only the scalar ĝ depends on the private records, so each step is one Gaussian mechanism on a sum
 * of clipped scalars. The code draws σ from Opacus `get_noise_multiplier(target_epsilon, target_delta,
 * steps = max_steps, sample_rate = B/N)`: RDP, Opacus's orders, ε tolerance 0.01.
 *
 * Accounting here: T steps of a Poisson-subsampled Gaussian at q = B/N with noise multiplier σ,
 * selfComposed(T, poissonSampled(q, gaussian(σ))), by the scenario's accountant (PRV by default);
 * `asOriginalCode` gives the code's own σ (Opacus RDP). Two remarks, both on the safe side or
 * stated: (a) the code adds noise 2σC to the sum; one record changes that sum by at most C when
 * added or removed (Hanke et al.'s neighbouring relation), so the noise is 2σ sensitivities and
 * accounting it as σ overstates ε; (b) the code draws shuffled fixed-size batches (the HF Trainer),
 * not Poisson samples, and is accounted as Poisson, as the code's own accountant does
 * (docs/derivations.md §12.6 discusses the same gap for dp-transformers).
 *
 * σ for the authors' setups (Opacus RDP at δ = 1e-5, checked in test/methods/dpzero.test.ts):
 * RoBERTa-large SST-2 (N = 1,024, B = 64, T = 10,000): ε = 2 → σ = 13.516, ε = 6 → σ = 5.156.
 */
import { calibrateNoiseMultiplier, computeEpsilon, dpSgdEvent, opacusNoiseMultiplier, type DpEvent } from "../privacy";
import type { Scenario } from "../scenario";
import type { LocalForward, LlmCalls, MethodWork } from "../cost/work-types";
import { calibratedFields, count, finiteOrNull, gaussianSpec, requirement, fromWork } from "./common";
import type { AsOriginalCode, DataRequirement, ExposureContext, MethodDescriptor, MethodPrivacy, ProviderExposure } from "./types";
import { perDataset, type MethodCard } from "./card";
import { formatSignificant } from "../present/format";

export const DPZERO_PAPER = "Zhang et al., DPZero: Private Fine-Tuning of Language Models without Backpropagation, ICML 2024 (arXiv 2310.09639)";
export const DPZERO_CODE = "github.com/Liang137/DPZero (opt/src/trainer.py dpzero_step; roberta/src/trainer.py; examples/dpzero.sh)";

/** Forward passes per example per step: at θ + λz and at θ − λz (DPZero `dpzero_step`). */
export const DPZERO_FORWARD_PASSES_PER_STEP = 2;

export interface DpZeroPlan {
  steps: number;
  batch: number;
  /** q = min(B, N) / N. */
  samplingRate: number;
}

/**
 * The plan the scenario's knobs describe.
 * @example dpZeroPlan({ records: 1024, knobs: { dpzero: { steps: 10000, batch: 64 } } }) // { steps: 10000, batch: 64, samplingRate: 0.0625 }
 */
export function dpZeroPlan(scenario: Pick<Scenario, "records" | "knobs">): DpZeroPlan {
  const { steps, batch } = scenario.knobs.dpzero;
  return { steps, batch, samplingRate: Math.min(batch, scenario.records) / scenario.records };
}

/** DPZero's DP event: T Poisson-subsampled Gaussian steps on the clipped scalar (module comment). */
export function dpZeroEvent(noiseMultiplier: number, plan: DpZeroPlan): DpEvent {
  return dpSgdEvent(noiseMultiplier, plan.samplingRate, plan.steps);
}

/**
 * σ as DPZero's code computes it: Opacus `get_noise_multiplier` (RDP on Opacus's orders, σ from 10
 * doubled then bisected to ε tolerance 0.01), lib/privacy's `opacusNoiseMultiplier`.
 * @example dpZeroCodeNoiseMultiplier({ epsilon: 2, delta: 1e-5, records: 1024, batch: 64, steps: 10000 }) // 13.515625
 */
export function dpZeroCodeNoiseMultiplier(p: { epsilon: number; delta: number; records: number; batch: number; steps: number }): { noiseMultiplier: number; epsilon: number } {
  return opacusNoiseMultiplier({ targetEpsilon: p.epsilon, delta: p.delta, samplingRate: Math.min(p.batch, p.records) / p.records, steps: p.steps });
}

function asOriginalCode(scenario: Scenario, plan: DpZeroPlan): AsOriginalCode | null {
  let code: { noiseMultiplier: number; epsilon: number };
  try {
    code = dpZeroCodeNoiseMultiplier({ epsilon: scenario.epsilon, delta: scenario.delta, records: scenario.records, batch: plan.batch, steps: plan.steps });
  } catch {
    // Opacus's search gives up above σ = 2,000 (a target too small for it).
    return null;
  }
  const { spec } = gaussianSpec(scenario, plan.steps);
  const sound = finiteOrNull(computeEpsilon(dpZeroEvent(code.noiseMultiplier, plan), scenario.delta, spec).epsilon);
  return {
    summary: "DPZero's code takes σ from Opacus get_noise_multiplier (RDP on Opacus's orders, ε tolerance 0.01) at the δ it is given (its scripts pass δ = 1e-5).",
    mechanism: { parameter: "noiseMultiplier", value: code.noiseMultiplier, unit: "σ" },
    reportedEpsilon: finiteOrNull(code.epsilon),
    reportedDelta: scenario.delta,
    reportedAccountant: "rdp",
    soundEpsilon: sound,
    soundDelta: scenario.delta,
    reason: "Only the accountant differs: RDP is looser than PRV, so the code's σ is a little larger than needed (docs/derivations.md §12).",
  };
}

export function dpZeroPrivacy(scenario: Scenario): MethodPrivacy {
  const plan = dpZeroPlan(scenario);
  const notes: string[] = [];
  if (plan.batch >= scenario.records) notes.push(`The batch (${count(plan.batch)}) is at least N (${count(scenario.records)}): every step uses all the data, q = 1, no amplification by subsampling.`);
  notes.push(`${count(plan.steps)} zeroth-order steps at q = B/N = ${formatSignificant(plan.samplingRate, 4)}; each step releases one noisy mean of clipped scalars (2 forward passes per example, no gradient).`);
  notes.push("The code adds noise 2σC to a sum that one added or removed record moves by at most C, so σ is accounted with half the noise the code adds: the ε shown is an upper bound.");
  notes.push("Accounting assumes Poisson sampling of batches; DPZero's code draws shuffled fixed-size batches and accounts them the same way (Opacus).");
  const { spec, note } = gaussianSpec(scenario, plan.samplingRate === 1 ? 1 : plan.steps);
  if (note) notes.push(note);
  const calibration = calibrateNoiseMultiplier({ targetEpsilon: scenario.epsilon, delta: scenario.delta, samplingRate: plan.samplingRate, steps: plan.steps, spec, relativeTolerance: 1e-3 });
  return {
    method: "dpzero",
    label: dpZeroCard.label,
    feasible: calibration.feasible,
    ...calibratedFields(scenario, calibration),
    mechanism: { parameter: "noiseMultiplier", value: calibration.noiseMultiplier, unit: "σ (noise std on the sum of clipped scalars ÷ 2C)" },
    budget: { unit: "steps", planned: plan.steps, allowed: null },
    samplingRate: plan.samplingRate,
    ...(calibration.feasible ? {} : { minFeasibleEpsilon: null }),
    asOriginalCode: asOriginalCode(scenario, plan),
    notes,
    sources: [DPZERO_PAPER, DPZERO_CODE, "Opacus get_noise_multiplier (opacus/accountants/utils.py)"],
  };
}

function dataRequirements(scenario: Scenario): DataRequirement[] {
  const { batch } = scenario.knobs.dpzero;
  return [requirement({
    id: "batch", what: `records per batch (B = ${count(batch)})`, needed: batch, available: scenario.records,
    unmet: `DPZero's batch of ${count(batch)} records cannot be drawn from N = ${count(scenario.records)} (q = B/N > 1); lower dpzero.batch to at most N.`,
    met: `Each step draws a batch of ${count(batch)} of the ${count(scenario.records)} records (q = B/N).`,
    source: DPZERO_CODE,
  })];
}

/**
 * What DPZero sends a host: nothing during training (it runs on the curator's GPU, which needs the
 * weights to perturb them: no closed API can run it). A hosted model receives the DP-trained
 * weights to serve, covered by the same (ε, δ) as the answers (post-processing).
 */
function providerExposure({ scenario, provider, bound, dpStatus, tools: t }: ExposureContext): ProviderExposure {
  return {
    records: 0, expected: false, fraction: 0, recordSends: 0, queryCopies: 1,
    channelA: {
      status: dpStatus,
      formula: `0 raw records; the fine-tuned weights are (${t.formatParameter(scenario.epsilon)}, ${t.formatParameter(scenario.delta)})-DP: ${bound.formula}`,
      reason: `DPZero fine-tunes on the curator's own GPU; ${provider} receives the DP-trained model to serve, not a raw record, and it is covered by the same (ε, δ) guarantee as the answers (channel C).`,
    },
    aClause: "no raw private record (only the DP-trained model)",
    source: `${DPZERO_PAPER}; ${DPZERO_CODE}`,
  };
}

/**
 * DPZero's GPU work: T steps × 2 forward passes × B examples, no backward pass, priced as batched
 * forward passes of the row's model (lib/cost/gpu-model.ts `batchedForwardGpuHours`, 2·P FLOPs per
 * token), with its memory checked as inference (weights only: no gradients or optimiser state, the
 * direction z is regenerated from a seed). Then every query is one call of the fine-tuned model.
 *
 * forward tokens = 2 · T · B · (ℓin + ℓout + padding), padding as the GPU model pads DP-SGD
 * classification records (`processedTokensPerRecord`, passed in so lib/methods need not import lib/cost).
 *
 * @example SST2 defaults (T = 10,000, B = 64, ℓin + ℓout = 13.35, + 280 padding): 2 × 10,000 × 64 × 293.35 = 375,488,000 tokens
 */
export function dpZeroWork(scenario: Pick<Scenario, "task" | "records" | "inTokens" | "outTokens" | "knobs">, paddedTokensPerRecord: (tokens: number) => number): MethodWork {
  const { steps, batch } = dpZeroPlan(scenario);
  const record = scenario.inTokens + scenario.outTokens;
  const padded = paddedTokensPerRecord(record);
  const tokens = DPZERO_FORWARD_PASSES_PER_STEP * steps * Math.min(batch, scenario.records) * padded;
  const training: LocalForward = {
    kind: "local-forward", phase: "training", id: "zeroth-order-steps", label: "DPZero zeroth-order fine-tuning (2 forward passes per example and step, no backward pass)",
    tokens, longestCallTokens: record,
    formula: `${DPZERO_FORWARD_PASSES_PER_STEP} forward passes × ${count(steps)} steps × ${count(Math.min(batch, scenario.records))} examples × ${formatSignificant(padded, 6)} tokens (ℓin + ℓout + padding)`,
  };
  const query: LlmCalls = {
    kind: "llm-calls", phase: "query", id: "answer", label: "Fine-tuned model answers the query",
    calls: 1, inputTokens: scenario.inTokens, outputTokens: scenario.outTokens, longestCallTokens: record, formula: "1 call; input ℓin, output ℓout",
  };
  return {
    method: "dpzero", training: [training], perQuery: [query],
    assumptions: [
      "DPZero trains with forward passes only: memory ≈ inference (weights, no gradients or optimiser state; the direction z is regenerated from a seed), so a model that fits a GPU for inference fits it for DPZero.",
      "Regenerating z (≈ 4 passes over the weights per step) is not counted: it is memory-bound work small beside the batch's forward passes.",
    ],
    sources: [DPZERO_PAPER, DPZERO_CODE],
  };
}

/**
 * DPZero's card (./card.ts): its catalogue row and its share-link knobs `dpzero.<knob>`,
 * with their defaults per dataset (the method's own setup: the study did not run it; `defaultsNote`
 * gives the sources). lib/scenario reads it.
 */
export const dpZeroCard = {
  id: "dpzero", label: "DPZero", llm: "open", mechanism: "zeroth-order",
  summary: "All weights of a local open LLM are fine-tuned by zeroth-order steps: two forward passes per example and step, no backward pass; only a clipped scalar per example is privatised.",
  source: "Zhang et al., ICML 2024 (arXiv 2310.09639); github.com/Liang137/DPZero (not in Hanke et al. 2024)",
  inStudy: false,
  runsOnOpenModels: false,
  knobs: {
    steps: { label: "Steps", unit: "steps", description: "Zeroth-order steps T; each step privatises one clipped scalar per example of its batch (DPZero's max_steps).", min: 1, max: 10_000_000, integer: true },
    batch: { label: "Batch size", unit: "records", description: "Examples per step B; sampling rate q = B / N (DPZero's per_device_train_batch_size).", min: 1, max: 10_000_000, integer: true },
  },
  defaults: {
    // DPZero's scripts: RoBERTa-large classification (roberta/examples/dpzero.sh) and OPT on SQuAD/DROP (opt/examples/dpzero.sh).
    steps: perDataset(10000, 10000, 10000, 10000, 20000, 20000, 20000, 20000),
    batch: perDataset(64, 64, 64, 64, 16, 16, 16, 16),
  },
  defaultsNote: "Not run by the study. DPZero's own scripts: 10,000 steps × batch 64 for classification (RoBERTa-large, roberta/examples/dpzero.sh) and 20,000 steps × batch 16 for generation (OPT on SQuAD and DROP, opt/examples/dpzero.sh); github.com/Liang137/DPZero.",
} as const satisfies MethodCard;

export const dpZero: MethodDescriptor<typeof dpZeroCard> = {
  card: dpZeroCard,
  id: dpZeroCard.id,
  label: dpZeroCard.label,
  llm: dpZeroCard.llm,
  queriesSpendBudget: false,
  sources: [DPZERO_PAPER, DPZERO_CODE],
  privacyEvent(scenario): DpEvent {
    return dpZeroEvent(dpZeroPrivacy(scenario).noiseMultiplier ?? 1e6, dpZeroPlan(scenario));
  },
  privacy: dpZeroPrivacy,
  dataRequirements,
  cost: {
    work: (context) => fromWork(context, dpZeroWork(context.scenario, context.paddedTokensPerRecord)),
    // Trained on, and answering, bare records like the DP-SGD methods: no instruction tokens.
    instructionTokens: "none",
  },
  // It perturbs the weights themselves, so it needs them: no closed API runs it.
  leakage: { needsLocalWeights: true, providerExposure, dpArtefact: "a DP-trained model" },
  // The study did not run DPZero: no table prints these names, so its measured utility is "none".
  paperNames: { classification: "DPZero", generation: "DPZero" },
  // Okabe–Ito vermillion with a marker no other method uses with it.
  style: { color: { light: "#D55E00", dark: "#D55E00" }, marker: "star" },
};
