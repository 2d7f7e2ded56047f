/**
 * DP-FewShotGen (Tang et al., ICLR 2024), docs/derivations.md §6.
 *
 * n synthetic demonstrations are generated token by token. For every token, M·s private records
 * are sampled afresh (Poisson at q = M·s/N_pool in the accounting), split into M prompts, and the
 * M next-token distributions are averaged with Gaussian noise of std √2·σ/M (sensitivity √2/M of
 * the mean under replacement), so each token is one subsampled Gaussian step with multiplier σ.
 * Tokens drawing on the same pool compose: T = T_max × (demos per pool).
 *
 * Pools: classification samples each demo's records from its label's pool (`--sample-same-label-
 * prompts`), so the C pools compose in parallel; we assume balanced classes, N/C records per pool
 * and ⌈n/C⌉ demos per pool [assumption]. Generation uses the whole set as one pool.
 */
import { calibrateNoiseMultiplier, computeEpsilon, dpSgdEvent, maxCompositions, poissonSampled, gaussian, upperNormalQuantile } from "../privacy";
import type { Scenario } from "../scenario";
import { FEWSHOTGEN_GENERATORS, MODELS } from "../scenario/base-catalog";
import {
  CALIBRATION_CONTENT_FREE_INPUTS, CALIBRATION_CONTENT_FREE_TOKENS, calibrationTokens, fewShotGenTokens, singleCallTokens,
  type LlmCalls, type MethodCost, type WorkContext,
} from "../cost/work-types";
import { HANKE, MECHANICS, RDP_SPEC, USEFUL_ANSWER_PROBABILITY, clippedRate, count, finiteOrNull, gaussianSpec, requirement, calibratedFields } from "./common";
import type { AsOriginalCode, DataRequirement, ExposureContext, MethodDescriptor, MethodPrivacy, ProviderExposure } from "./types";
import { ensembleKnob, perDataset, shotsKnob, type MethodCard } from "./card";
import { formatFixed, formatSignificant } from "../present/format";

const SOURCES = [
  "Tang et al., Privacy-Preserving In-Context Learning with Differentially Private Few-Shot Generation, ICLR 2024",
  HANKE,
  `${MECHANICS} §6 (microsoft/dp-few-shot-generation)`,
] as const;

/** Candidate tokens the noisy argmax runs over (the public top-100 of the RVP variant). */
export const CANDIDATE_TOKENS = 100;

/**
 * Largest useful σ [assumption]: when all M prompts agree on a token (margin 1 in the averaged
 * distribution), the noisy argmax keeps it against 99 rivals with probability ≥ 90%. Each
 * difference of two noisy coordinates has std 2σ/M, so σ ≤ M / (2·z(0.1/99)).
 * @example usefulTokenNoise(20) ≈ 2.73
 */
export function usefulTokenNoise(ensemble: number): number {
  return ensemble / (2 * upperNormalQuantile((1 - USEFUL_ANSWER_PROBABILITY) / (CANDIDATE_TOKENS - 1)));
}

interface Setup {
  samplingRate: number;
  tokens: number;
  pool: number;
  demosPerPool: number;
  ensemble: number;
  notes: string[];
}

function setup(scenario: Scenario): Setup {
  const { ensemble, shots, tokens, demos } = scenario.knobs["dp-fewshotgen"];
  const notes: string[] = [];
  const classes = scenario.task === "classification" ? scenario.classes ?? 2 : 1;
  const pool = scenario.records / classes;
  const demosPerPool = Math.ceil(demos / classes);
  const rate = clippedRate(ensemble * shots, pool, "M × shots per token");
  if (rate.note) notes.push(rate.note);
  if (classes > 1) notes.push(`Label-partitioned pools [assumption: balanced classes]: ${classes} pools of ≈${Math.round(pool)} records compose in parallel; ${demosPerPool} of the ${demos} demonstrations draw on each pool, so T = ${demosPerPool} × ${tokens} tokens.`);
  else notes.push(`One pool of ${scenario.records} records: all ${demos} demonstrations draw on it, so T = ${demos} × ${tokens} tokens.`);
  return { samplingRate: rate.rate, tokens: demosPerPool * tokens, pool, demosPerPool, ensemble, notes };
}

export function dpFewShotGenPrivacy(scenario: Scenario): MethodPrivacy {
  const s = setup(scenario);
  const notes = [...s.notes];
  const { spec, note } = gaussianSpec(scenario, s.tokens);
  if (note) notes.push(note);
  const usefulNoise = usefulTokenNoise(s.ensemble);
  notes.push(`Useful noise limit [assumption]: σ ≤ ${formatFixed(usefulNoise, 3)} (a token all ${s.ensemble} prompts agree on survives the noisy argmax over ${CANDIDATE_TOKENS} candidates with probability ≥ 90%).`);
  const calibration = calibrateNoiseMultiplier({ targetEpsilon: scenario.epsilon, delta: scenario.delta, samplingRate: s.samplingRate, steps: s.tokens, spec, relativeTolerance: 1e-3 });
  const allowed = maxCompositions(poissonSampled(s.samplingRate, gaussian(usefulNoise)), scenario.epsilon, scenario.delta, RDP_SPEC);
  const feasible = calibration.noiseMultiplier !== null && calibration.noiseMultiplier <= usefulNoise;
  let minFeasibleEpsilon: number | null | undefined;
  if (!feasible) {
    minFeasibleEpsilon = finiteOrNull(computeEpsilon(dpSgdEvent(usefulNoise, s.samplingRate, s.tokens), scenario.delta, spec).epsilon);
    notes.push(`Generating ${s.tokens} tokens per pool needs more noise than is useful at ε = ${scenario.epsilon}; the budget allows ${allowed.count} tokens per pool.`);
  }
  if (calibration.noiseMultiplier !== null) notes.push(`Noise std on the averaged next-token distribution: √2·σ/M = ${formatSignificant(Math.SQRT2 * calibration.noiseMultiplier / s.ensemble, 3)}.`);
  // The code's accounting: T = T_max (one demo per pool) with δ = 1/N_pool.
  const { tokens: tMax } = scenario.knobs["dp-fewshotgen"];
  const codeDelta = Math.min(0.5, 1 / s.pool);
  let asOriginalCode: AsOriginalCode | null = null;
  if (s.demosPerPool > 1 || Math.abs(codeDelta - scenario.delta) > 1e-15) {
    const code = calibrateNoiseMultiplier({ targetEpsilon: scenario.epsilon, delta: codeDelta, samplingRate: s.samplingRate, steps: tMax, spec, relativeTolerance: 1e-3 });
    const sound = code.noiseMultiplier === null ? null : computeEpsilon(dpSgdEvent(code.noiseMultiplier, s.samplingRate, s.tokens), scenario.delta, spec);
    asOriginalCode = {
      summary: `The code's accountant charges T_max = ${tMax} tokens per pool at δ = 1/N_pool, whatever the number of demonstrations sharing a pool.`,
      mechanism: code.noiseMultiplier === null ? null : { parameter: "noiseMultiplier", value: code.noiseMultiplier, unit: "σ" },
      reportedEpsilon: finiteOrNull(code.epsilon),
      reportedDelta: codeDelta,
      reportedAccountant: code.accountant,
      soundEpsilon: finiteOrNull(sound?.epsilon),
      soundDelta: scenario.delta,
      reason: "Demonstrations that draw on the same pool compose sequentially: with n demos per pool the mechanism runs n·T_max subsampled steps on it, not T_max (docs/derivations.md §6, §12.5).",
    };
  }
  return {
    method: "dp-fewshotgen",
    label: "DP-FewShotGen",
    feasible,
    ...calibratedFields(scenario, calibration),
    mechanism: { parameter: "noiseMultiplier", value: calibration.noiseMultiplier, unit: "σ (noise std ÷ sensitivity √2/M)", extra: { usefulNoiseLimit: usefulNoise, poolRecords: s.pool } },
    budget: { unit: "tokens", planned: s.tokens, allowed: allowed.count, allowedAccountant: allowed.accountant, ...(allowed.capped ? { capped: true as const } : {}) },
    samplingRate: s.samplingRate,
    ...(minFeasibleEpsilon !== undefined ? { minFeasibleEpsilon } : {}),
    asOriginalCode,
    notes,
    sources: [...SOURCES],
  };
}

/**
 * For every generated token DP-FewShotGen samples M·s private records afresh and splits them into
 * M disjoint prompts (microsoft/dp-few-shot-generation run_exp_*.py, `--subsample-per-token`), from
 * the target label's pool in classification (`--sample-same-label-prompts`). So each pool must hold
 * M·s records: 20 × 4 = 80 per token; with balanced classes a pool is ⌊N/C⌋ records [assumption].
 */
export function dpFewShotGenDataRequirements(scenario: Scenario): DataRequirement[] {
  const { ensemble, shots } = scenario.knobs["dp-fewshotgen"];
  const classes = scenario.task === "classification" ? scenario.classes ?? 2 : 1;
  const pool = Math.floor(scenario.records / classes);
  const needed = ensemble * shots;
  const poolWords = classes > 1 ? `each label's pool (⌊N/C⌋ = ${count(pool)} records, balanced classes assumed)` : `the pool of N = ${count(pool)} records`;
  return [requirement({
    id: "records-per-token", what: `private records per generated token (M × s = ${count(ensemble)} × ${count(shots)})`, needed, available: pool,
    unmet: `DP-FewShotGen's ${count(ensemble)} prompts × ${count(shots)} shot${shots === 1 ? "" : "s"} need ${count(needed)} distinct private records for every generated token, more than ${poolWords} holds.`,
    met: `Each generated token draws ${count(needed)} records from ${poolWords}.`,
    source: "Tang et al., ICLR 2024, Section 3 (DP-FewShotGen); microsoft/dp-few-shot-generation run_exp_*.py (--subsample-per-token)",
  })];
}

/**
 * What DP-FewShotGen sends a provider. Variant (1), the study's: demonstrations generated through
 * the model's own API, resampling M·N private records for every generated token, so
 * N·(1 − (1 − min(1, MN/N))^(T·d)) distinct records in expectation (docs/derivations.md §6).
 * Variant (2) (Hanke et al. 2024, Table 1: A protected): the demonstrations are written on an open
 * model on the curator's GPU; only they, (ε, δ)-DP like the answers, travel.
 */
function dpFewShotGenProviderExposure({ scenario, provider, bound, dpStatus, tools: t }: ExposureContext): ProviderExposure {
  const n = scenario.records;
  const nText = t.formatQuantity(n);
  const { ensemble, shots, tokens, demos } = scenario.knobs["dp-fewshotgen"];
  const generator = scenario.fewShotGenGenerator;
  if (generator !== "api") {
    return {
      records: 0, expected: false, fraction: 0, recordSends: 0, queryCopies: 1,
      channelA: {
        status: dpStatus,
        formula: `0 raw records; the ${demos} demonstrations are (${t.formatParameter(scenario.epsilon)}, ${t.formatParameter(scenario.delta)})-DP: ${bound.formula}`,
        reason: `The ${demos} demonstrations are generated on ${MODELS[generator].label} on the curator's own GPU (variant (2)): no private record reaches ${provider}; the DP demonstrations sent with every query are covered by the same (ε, δ) guarantee as the answers (channel C).`,
      },
      aClause: "no raw private record (only the DP synthetic demonstrations)",
      source: `Hanke et al. 2024, Table 1 (DP-FewShotGen variant (2)); Tang et al., ICLR 2024`,
    };
  }
  const perToken = Math.min(n, ensemble * shots);
  const steps = tokens * demos;
  const x = t.expectedDistinctRecords(n, perToken, steps);
  const formula =
    `N·(1 − (1 − min(1, MN/N))^(T·d)) = ${nText}·(1 − (1 − ${ensemble}·${shots}/${nText})^(${tokens}·${demos})) ` +
    `= ${t.formatQuantity(x.expectedRecords)} records (${t.formatPercent(x.fraction)} of N)`;
  return {
    records: x.expectedRecords, expected: true, fraction: x.fraction, recordSends: perToken * steps, queryCopies: 1,
    channelA: { status: "exposed", formula, reason: `Generating ${demos} demonstrations of ${tokens} tokens resamples ${t.formatQuantity(perToken)} private records per token into prompts to ${provider}, reaching ${t.formatPercent(x.fraction)} of the training set (the study's variant (1); generating on a local open model, dp-fewshotgen.generator=<open model>, would protect A).` },
    source: `${MECHANICS} §6 Leakage (DP-FewShotGen)`,
  };
}

// ---------------------------------------------------------------------------------------------
// DP-FewShotGen's cost work (docs/derivations.md §6): n demonstrations generated token by token,
// M prompts per token; one call per query with the finished demonstrations.
// ---------------------------------------------------------------------------------------------

/**
 * Training: the generation calls (fewShotGenTokens), on the closed model (variant (1)) or on an
 * open model (variant (2), `runsOn`); with the original code's options, the RVP public-token calls
 * and one contextual calibration. Per query: one call with n demonstrations of T + ℓout tokens.
 * @example dpFewShotGenWork(MIT-G, n = 4, M = 20, N = 4, T = 20).training[0] // 1,600 calls, 185,536 input tokens
 */
function dpFewShotGenWork({ scenario, options, classes, calibration, assumptions, sources }: WorkContext): ReturnType<MethodCost["work"]> {
  const li = scenario.inTokens;
  const lo = scenario.outTokens;
  const k = scenario.knobs["dp-fewshotgen"];
  const g = fewShotGenTokens({ demos: k.demos, ensemble: k.ensemble, shots: k.shots, tokens: k.tokens, inTokens: li, outTokens: lo });
  // Variant (2) (Hanke et al. 2024, Table 1): the same token-by-token calls, made on an open
  // model; only the finished demonstrations go to the model that answers the queries.
  const generator = scenario.fewShotGenGenerator ?? "api";
  const runsOn = generator === "api" ? {} : { runsOn: generator };
  const training: LlmCalls[] = [{
    kind: "llm-calls", phase: "training", id: "generation", label: `Token-by-token generation of the demonstrations (ensemble next-token votes)${generator === "api" ? "" : ", variant (2) on an open model"}`, ...g, ...runsOn, shots: { knob: "dp-fewshotgen.shots", count: k.shots, tokensEach: li + lo },
    formula: `${k.demos} demos × ${k.tokens} tokens × ${k.ensemble} prompts; input each ${k.shots} × (ℓin + ℓout) + tokens so far, output 1`,
  }];
  if (options.publicTokenCalls === true) {
    const calls = k.demos * k.tokens;
    training.push({ kind: "llm-calls", phase: "training", id: "public-token-calls", label: "Public-prompt call per generated token (RVP variant, original code)", calls,
      inputTokens: k.demos * ((k.tokens * (k.tokens - 1)) / 2), outputTokens: calls, longestCallTokens: k.tokens, option: "publicTokenCalls", formula: `${k.demos} × ${k.tokens} calls; input tokens so far, output 1`, ...runsOn });
  }
  if (calibration) {
    const c = calibrationTokens({ prompts: 1, shots: k.demos, inTokens: k.tokens, outTokens: lo, classes: classes! });
    training.push({ kind: "llm-calls", phase: "training", id: "calibration", label: "Contextual calibration of the final prompt, once (original code)", ...c, shots: { knob: "dp-fewshotgen.demos", count: k.demos, tokensEach: k.tokens + lo }, option: "calibrationCalls",
      formula: `${CALIBRATION_CONTENT_FREE_INPUTS} × ${classes} calls; input each ${k.demos} × (${k.tokens} + ℓout) + ${CALIBRATION_CONTENT_FREE_TOKENS} + ℓout` });
  }
  // A generated demonstration is T generated tokens plus its label/answer.
  const q = singleCallTokens({ promptTokens: k.demos * (k.tokens + lo), inTokens: li, outTokens: lo });
  sources.push("Tang et al., ICLR 2024 (DP-FewShotGen)", "DP-FewShotGen code: github.com/microsoft/dp-few-shot-generation");
  assumptions.push(`Every demonstration reaches the maximum length (${k.tokens} tokens).`);
  return {
    training, assumptions, sources,
    perQuery: [{ kind: "llm-calls", phase: "query", id: "synthetic-prompt", label: "Prompt of synthetic demonstrations answers the query", ...q, shots: { knob: "dp-fewshotgen.demos", count: k.demos, tokensEach: k.tokens + lo }, formula: `1 call; input ${k.demos} × (${k.tokens} + ℓout) + ℓin, output ℓout` }],
  };
}

const dpFewShotGenCost: MethodCost = { work: dpFewShotGenWork, instructionTokens: "every-prompt" };

/**
 * DP-FewShotGen's card (./card.ts): its catalogue row and its share-link knobs `dp-fewshotgen.<knob>`,
 * with their defaults per dataset (docs/derivations.md §S8: Hanke et al. 2024, Tables 8–20 and
 * Appendix D; `defaultsNote` marks what the study did not itself use). lib/scenario reads it.
 */
export const dpFewShotGenCard = {
  id: "dp-fewshotgen", label: "DP-FewShotGen", llm: "closed", mechanism: "token-generation",
  summary: "Synthetic few-shot demonstrations are generated token by token from noisy averages of many private prompts.",
  source: "Tang et al., ICLR 2024; Hanke et al. 2024, Table 2",
  inStudy: true,
  runsOnOpenModels: true,
  knobs: {
    ensemble: ensembleKnob("Prompts M whose next-token distributions are averaged for every generated token."),
    shots: shotsKnob("Private records per prompt (M × shots are sampled afresh per token)."),
    tokens: { label: "Tokens per demonstration", unit: "tokens", description: "Maximum length T_max of each generated demonstration.", min: 1, max: 10000, integer: true },
    demos: { label: "Demonstrations", unit: "demos", description: "Synthetic demonstrations generated from the same private pool.", min: 1, max: 1000, integer: true },
  },
  defaults: {
    // M = 20 prompts, MN = 80 private shots in all (so 4 per prompt); Tmax 50 / 50 / 20 / 20.
    ensemble: perDataset(20, 20, 20, 20, 20, 20, 20, 20),
    shots: perDataset(4, 4, 4, 4, 4, 4, 4, 4),
    tokens: perDataset(50, 50, 50, 50, 50, 50, 20, 20),
    demos: perDataset(4, 4, 4, 4, 4, 4, 4, 4),
  },
  defaultsNote: "M = 20, MN = 80, Tmax 50 (classification, SAMSum) or 20 (MIT); 4 demonstrations as in the method's code.",
  settings: {
    // Variant (1) generates on the closed model that answers the queries, variant (2) on an open
    // model on the curator's GPU (Hanke et al. 2024, Table 1).
    generator: {
      path: "fewShotGenGenerator", label: "DP-FewShotGen generator", unit: "", values: FEWSHOTGEN_GENERATORS, default: "api",
      description: "Where DP-FewShotGen writes its synthetic demonstrations: api = on the model that answers the queries (the study's variant (1)), or an open model id run on your own GPU (variant (2), Hanke et al. 2024, Table 1: the private records reach no provider).",
    },
  },
} as const satisfies MethodCard;

export const dpFewShotGen: MethodDescriptor<typeof dpFewShotGenCard> = {
  card: dpFewShotGenCard,
  id: dpFewShotGenCard.id,
  label: dpFewShotGenCard.label,
  llm: dpFewShotGenCard.llm,
  queriesSpendBudget: false,
  sources: SOURCES,
  privacyEvent(scenario) {
    const s = setup(scenario);
    const sigma = dpFewShotGenPrivacy(scenario).noiseMultiplier ?? usefulTokenNoise(s.ensemble);
    return dpSgdEvent(sigma, s.samplingRate, s.tokens);
  },
  privacy: dpFewShotGenPrivacy,
  dataRequirements: dpFewShotGenDataRequirements,
  cost: dpFewShotGenCost,
  leakage: { needsLocalWeights: false, providerExposure: dpFewShotGenProviderExposure, dpArtefact: "DP demonstrations" },
  // Table 3 prints variant (1), the prompt generated through the API, as "DP-FewShotGen (1)"; Table 6 plain.
  paperNames: { classification: "DP-FewShotGen (1)", generation: "DP-FewShotGen" },
  // The study ran it only with demonstrations generated on the closed model (variant (1), Hanke
  // et al. 2024, Tables 3 and 6): a variant (2) row has no measured value.
  unmeasuredSetup: (scenario, measured) => scenario.fewShotGenGenerator === "api" ? null
    : `The study measured DP-FewShotGen only with demonstrations generated on the closed model (variant (1): ${measured}); variant (2), generating on ${MODELS[scenario.fewShotGenGenerator].label}, was not measured.`,
  // Okabe–Ito reddish purple.
  style: { color: { light: "#CC79A7", dark: "#CC79A7" }, marker: "triangle" },
};
