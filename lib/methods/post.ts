/**
 * POST, Privacy Of Soft-prompt Transfer (Wang, Xu, Boenisch, Backes, Choquette-Choo, Dziedzic,
 * ICML 2025, arXiv 2506.16196; code github.com/sprintml/POST), the study's authors' follow-up.
 * Not run by Hanke et al. 2024.
 *
 * Pipeline (POST §3, Fig. 2):
 * 1. the provider distils its large model Φt into a small Φs once, for every user (Table 4: 1,203
 *    A100-minutes for GPT2-XL), and sends Φs to the user;
 * 2. the user tunes a soft prompt of 100 tokens on Φs over the private records with PromptDPSGD
 *    (clip c, noise N(0, σ²c²I); Opacus, Poisson sampling, PRV accountant:
 *    `make_private_with_epsilon`, model/torch_models.py);
 * 3. the user sends the DP soft prompt to the provider, which transfers it to Φt with a small
 *    public dataset only (Eq. 3–5);
 * 4. queries go to Φt with the transferred prompt.
 *
 * Privacy: T = ⌊E·⌈N/B⌉⌋ Poisson-subsampled Gaussian steps at q = 1/⌈N/B⌉ (Opacus's rule, as
 * PrivateLoRA's classification code; lib/methods/dp-sgd.ts `dpSgdPlan`), by the scenario's
 * accountant (PRV = the code's). Everything after step 2 is post-processing of the DP prompt.
 * Leakage: A: only the DP soft prompt reaches the provider; B: every query does; C: (ε, δ).
 */
import { calibrateNoiseMultiplier, dpSgdEvent, type DpEvent } from "../privacy";
import type { OpenModelId, Scenario } from "../scenario";
import type { DpSgdTraining, LlmCalls, MethodWork } from "../cost/work-types";
import { calibratedFields, count, gaussianSpec, requirement, fromWork } from "./common";
import { formatEpsilon, formatPercentUpperBound, formatSignificant } from "../present/format";
import { dpSgdPlan, type DpSgdPlan } from "./dp-sgd";
import type { DataRequirement, ExposureContext, MethodDescriptor, MethodPrivacy, ProviderExposure } from "./types";
import { BATCH_KNOB, EPOCHS_KNOB, IMPL_KNOB, perDataset, type MethodCard } from "./card";

export const POST_PAPER = "Wang et al., Privacy Of Soft-prompt Transfer (POST), ICML 2025 (arXiv 2506.16196)";
export const POST_CODE = "github.com/sprintml/POST (scripts/train_DP_prompt.py, model/torch_models.py)";

/**
 * The catalogue model whose GPU cost stands in for the distilled Φs. POST's Φs have 53M
 * (RoBERTa-base, 2 layers), 205M (GPT2-XL, 4 layers) and 667M parameters (Llama2-7b, 2 layers)
 * (POST Table 7); a closed provider publishes none. Pythia 410M (0.41B) lies between the two decoder
 * ones [assumption: the size of a closed model's Φs is not published].
 */
export const POST_SMALL_MODEL_STAND_IN: OpenModelId = "pythia-410m";

/**
 * The plan's steps and sampling rate: Opacus's rule (q = 1/⌈N/B⌉, steps = ⌊E/q⌋).
 * @example postPlan({ records: 66674, knobs: { post: { epochs: 20, batch: 32, promptLength: 100 } } }) // q = 1/2084, 41,680 steps
 */
export function postPlan(scenario: Pick<Scenario, "records" | "knobs">): DpSgdPlan {
  const { epochs, batch } = scenario.knobs.post;
  return dpSgdPlan(scenario.records, batch, epochs, "opacus");
}

export function postPrivacy(scenario: Scenario): MethodPrivacy {
  const plan = postPlan(scenario);
  const notes: string[] = [];
  if (plan.batch >= scenario.records) notes.push(`The batch (${count(plan.batch)}) is at least N (${count(scenario.records)}): every step uses all the data, q = 1, no amplification by subsampling.`);
  notes.push(`PromptDPSGD on the provider's distilled small model: q = ${formatSignificant(plan.samplingRate, 4)}, ${count(plan.steps)} noisy steps for ${plan.epochs} epochs (Opacus's rule, as POST's code).`);
  notes.push("Transferring the soft prompt to the provider's large model uses public data only, and answering queries with it is post-processing: neither spends budget.");
  const { spec, note } = gaussianSpec(scenario, plan.samplingRate === 1 ? 1 : plan.steps);
  if (note) notes.push(note);
  const calibration = calibrateNoiseMultiplier({ targetEpsilon: scenario.epsilon, delta: scenario.delta, samplingRate: plan.samplingRate, steps: plan.steps, spec, relativeTolerance: 1e-3 });
  return {
    method: "post",
    label: postCard.label,
    feasible: calibration.feasible,
    ...calibratedFields(scenario, calibration),
    mechanism: { parameter: "noiseMultiplier", value: calibration.noiseMultiplier, unit: "σ (noise std ÷ clipping norm)" },
    budget: { unit: "steps", planned: plan.steps, allowed: null, epochs: plan.epochs },
    samplingRate: plan.samplingRate,
    ...(calibration.feasible ? {} : { minFeasibleEpsilon: null }),
    // POST's code calibrates with Opacus's PRV accountant at δ = 1/(batches × B) ≈ 1/N, as the default does.
    asOriginalCode: null,
    notes,
    sources: [POST_PAPER, POST_CODE, "Duan et al., NeurIPS 2023 (PromptDPSGD)"],
  };
}

function dataRequirements(scenario: Scenario): DataRequirement[] {
  const { batch } = scenario.knobs.post;
  return [requirement({
    id: "batch", what: `records per expected batch (B = ${count(batch)})`, needed: batch, available: scenario.records,
    unmet: `POST's batch of ${count(batch)} records cannot be sampled from N = ${count(scenario.records)}; lower post.batch to at most N.`,
    met: `Each step samples a batch of about ${count(batch)} of the ${count(scenario.records)} records (Poisson, q = 1/⌈N/B⌉).`,
    source: POST_CODE,
  })];
}

/** Channel A: no raw record; the soft prompt the provider receives is (ε, δ)-DP (post-processing). */
function providerExposure({ scenario, provider, bound, dpStatus, tools: t }: ExposureContext): ProviderExposure {
  const { promptLength } = scenario.knobs.post;
  const eps = formatEpsilon(bound.epsilon);
  const tpr1 = bound.points[0]?.tprMax ?? 1;
  return {
    records: 0, expected: false, fraction: 0, recordSends: 0, queryCopies: 1,
    channelA: {
      status: dpStatus,
      formula: `0 raw records; the ${promptLength}-token soft prompt is (${eps}, ${t.formatParameter(bound.delta)})-DP: ${bound.formula}`,
      reason: `No raw record is sent: ${provider} receives only the soft prompt tuned with DP on its distilled model, then transfers it on public data; it is as private as the answers (a membership test at FPR 1% can reach TPR ${formatPercentUpperBound(tpr1)}; POST Table 3 measures LiRA AUC 0.5258 at ε = 8 on SST-2).`,
    },
    aClause: `no raw private record (only the ${promptLength}-token DP soft prompt)`,
    source: `${POST_PAPER}, Section 3 and Table 3`,
  };
}

/**
 * POST's work for the user: DP prompt tuning of Φs on the user's GPU (priced on the stand-in
 * POST_SMALL_MODEL_STAND_IN), then one API call per query carrying the soft prompt.
 *
 * training: E epochs × N records × (ℓin + ℓout + prompt length) tokens on Φs;
 * per query: input prompt length + ℓin, output ℓout on the provider's model [assumption: the
 * provider bills each soft-prompt position like an input token; POST does not say how it would bill].
 *
 * @example SST2 defaults (E = 20, B = 32, 100 prompt tokens): 1 call per query, input 100 + 12.35 = 112.35 tokens, output 1
 */
export function postWork(scenario: Pick<Scenario, "records" | "inTokens" | "outTokens" | "knobs">): MethodWork {
  const { epochs, promptLength, impl } = scenario.knobs.post;
  const training: DpSgdTraining = {
    kind: "dp-sgd", phase: "training", id: "dp-prompt-tuning", label: "DP soft-prompt tuning on the provider's distilled small model (your GPU)",
    trainable: "prompt", epochs, records: scenario.records, tokensPerRecord: scenario.inTokens + scenario.outTokens + promptLength, impl,
    localModel: POST_SMALL_MODEL_STAND_IN,
    formula: `${epochs} epochs × N × (ℓin + ℓout + ${promptLength} prompt tokens) on the distilled model (priced as ${POST_SMALL_MODEL_STAND_IN})`,
  };
  const query: LlmCalls = {
    kind: "llm-calls", phase: "query", id: "transferred-prompt", label: "The provider's model answers the query with the transferred soft prompt",
    calls: 1, inputTokens: promptLength + scenario.inTokens, outputTokens: scenario.outTokens, longestCallTokens: promptLength + scenario.inTokens + scenario.outTokens,
    formula: `1 call; input ${promptLength} soft-prompt positions + ℓin, output ℓout`,
  };
  return {
    method: "post", training: [training], perQuery: [query],
    assumptions: [
      `The distilled small model's GPU cost is priced as ${POST_SMALL_MODEL_STAND_IN} (0.41B parameters), between POST's distilled models of 205M and 667M parameters (POST Table 7); a closed provider publishes no size.`,
      "Not charged to you: the provider's one-time distillation (POST Table 4: 1,203 A100-minutes for GPT2-XL, shared by every user) and its transfer of your prompt on public data (99 A100-minutes for 5,000 steps, Table 4).",
      "Each of the soft prompt's positions is billed like one input token [assumption: POST does not say how a provider would bill a soft prompt].",
    ],
    sources: [POST_PAPER, POST_CODE],
  };
}

/**
 * POST's card (./card.ts): its catalogue row and its share-link knobs `post.<knob>`,
 * with their defaults per dataset (the method's own setup: the study did not run it; `defaultsNote`
 * gives the sources). lib/scenario reads it.
 */
export const postCard = {
  id: "post", label: "POST", llm: "closed", mechanism: "dp-sgd",
  summary: "A soft prompt is tuned with DP-SGD on a small model the provider distilled from its LLM, then transferred to the provider's LLM on public data; queries go to the provider with it.",
  source: "Wang et al., ICML 2025 (arXiv 2506.16196); github.com/sprintml/POST (not in Hanke et al. 2024)",
  inStudy: false,
  runsOnOpenModels: false,
  knobs: {
    epochs: EPOCHS_KNOB, batch: BATCH_KNOB, impl: IMPL_KNOB,
    promptLength: { label: "Soft-prompt length", unit: "virtual tokens", description: "Soft-prompt tokens tuned on the small model and sent with every query (100 in POST).", min: 1, max: 10000, integer: true },
  },
  defaults: {
    // POST Table 10 and scripts/train_DP_prompt.py: 20 epochs, batch 32, 100 prompt tokens.
    epochs: perDataset(20, 20, 20, 20, 20, 20, 20, 20),
    batch: perDataset(32, 32, 32, 32, 32, 32, 32, 32),
    impl: "per-sample",
    promptLength: perDataset(100, 100, 100, 100, 100, 100, 100, 100),
  },
  defaultsNote: "Not run by the study. POST's own setup: 20 epochs, batch 32, a 100-token soft prompt, Opacus per-sample gradients (POST Table 10; scripts/train_DP_prompt.py; github.com/sprintml/POST). Generation datasets were not run by POST: classification defaults assumed.",
  // The knob tables listed POST before DPZero when both landed (issue #17); JSON output keeps that order.
  knobsEntryBefore: "dpzero",
} as const satisfies MethodCard;

export const post: MethodDescriptor<typeof postCard> = {
  card: postCard,
  id: postCard.id,
  label: postCard.label,
  llm: postCard.llm,
  queriesSpendBudget: false,
  sources: [POST_PAPER, POST_CODE],
  privacyEvent(scenario): DpEvent {
    const plan = postPlan(scenario);
    return dpSgdEvent(postPrivacy(scenario).noiseMultiplier ?? 1e6, plan.samplingRate, plan.steps);
  },
  privacy: postPrivacy,
  dataRequirements,
  cost: {
    work: (context) => fromWork(context, postWork(context.scenario)),
    // The soft prompt replaces the instruction (POST trains it on bare records): no instruction tokens.
    instructionTokens: "none",
  },
  // The user trains on the provider's small model, which it is sent; the large model stays a closed API.
  leakage: { needsLocalWeights: false, providerExposure, dpArtefact: "a DP soft prompt" },
  // The study did not run POST: no table prints these names.
  paperNames: { classification: "POST", generation: "POST" },
  // Okabe–Ito bluish green with a marker no other method uses with it.
  style: { color: { light: "#009E73", dark: "#009E73" }, marker: "wye" },
};
