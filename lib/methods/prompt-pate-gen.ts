/**
 * PromptPATEGen (Hanke et al. 2024), docs/derivations.md §5: PATE for generation on a local LLM.
 *
 * E teachers of s private records each are drawn once and answer all P public queries. Each
 * answer is keyword space aggregation with propose-test-release (KSA+PTR, §3): a Gaussian PTR
 * test with noise σ_PTR (RDP α/(2σ²)) and an ε_EM exponential-mechanism keyword selection, which
 * fails with probability δ0. The labelled public queries form the student prompt (post-processing).
 *
 * Sound default: the teachers are fixed, so there is no per-query amplification (q = 1), and
 * every query can fail, so δ0 is charged P times: P·δ0 = δ/2, the conversion runs at δ/2.
 * σ_PTR is the code's preset for the target ε; ε_EM is calibrated (RDP; PRV has no model of a
 * failing PTR step).
 */
import {
  composed, computeEpsilon, exponential, gaussian, largestInteger, poissonSampled, requireCount, selfComposed, rdpCurve, epsilonFromRdp, withFailure, AUTODP_ORDERS, searchParameter, upperNormalQuantile,
  type AccountantSpec, type DpEvent, type OrderGridId,
} from "../privacy";
import type { Scenario } from "../scenario";
import type { MethodCost } from "../cost/work-types";
import { pateWork } from "./prompt-pate";
import { HANKE, MECHANICS, finiteOrNull, fixedTeacherExposure, teacherRequirements } from "./common";
import type { AsOriginalCode, DataRequirement, MethodDescriptor, MethodPrivacy } from "./types";
import { ensembleKnob, perDataset, shotsKnob, type MethodCard } from "./card";
import { formatCount, formatDelta, formatFixed, formatScientific } from "../present/format";

// ---------------------------------------------------------------------------------------------
// KSA+PTR (private keyword aggregation): the method's DP recipe, built from lib/privacy's generic events and searches
// (moved here from lib/privacy/calibrate.ts, issue #16: lib/privacy holds nothing method-specific).
// ---------------------------------------------------------------------------------------------

/**
 * One KSA+PTR query of DP-ICL generation / PromptPATEGen (docs/derivations.md §3): a PTR test with
 * Gaussian noise σ (RDP α/(2σ²)) and an ε_EM exponential-mechanism keyword selection, failing
 * with probability δ0, on a Poisson sample at rate q (q = 1: fixed teachers, no amplification).
 */
export function ksaPtrQueryEvent(keywordEpsilon: number, ptrNoiseMultiplier: number, failureProbability: number, samplingRate: number): DpEvent {
  const step = withFailure(failureProbability, composed([gaussian(ptrNoiseMultiplier), exponential(keywordEpsilon)]));
  return samplingRate === 1 ? step : poissonSampled(samplingRate, step);
}

/**
 * ε_EM for KSA+PTR at a given PTR noise, by the RDP accountant with autodp's general
 * amplification (P6; ε_EM ↦ ε is increasing). Infeasible when the PTR part alone exceeds the budget.
 * @example calibrateKeywordEpsilon({ targetEpsilon: 3, delta: 5e-5, samplingRate: 400 / 14732, queries: 100, ptrNoiseMultiplier: 1.869, failureProbability: 0.99 * 5e-5 / (400 / 14732) / 100 })
 */
export function calibrateKeywordEpsilon(input: {
  targetEpsilon: number; delta: number; samplingRate: number; queries: number; ptrNoiseMultiplier: number; failureProbability: number;
  orders?: OrderGridId;
}): { keywordEpsilon: number | null; epsilon: number; feasible: boolean; accountant: "rdp" } {
  const { targetEpsilon, delta, samplingRate, queries, ptrNoiseMultiplier, failureProbability } = input;
  requireCount("queries", queries);
  const spec: AccountantSpec = { accountant: "rdp", orders: input.orders ?? "default" };
  const eps = (keywordEpsilon: number) => computeEpsilon(selfComposed(queries, ksaPtrQueryEvent(keywordEpsilon, ptrNoiseMultiplier, failureProbability, samplingRate)), delta, spec).epsilon;
  const search = searchParameter({ evaluate: eps, targetEpsilon, direction: "increasing", minimum: 1e-4, maximum: 100, initial: 1, relativeTolerance: 1e-5 });
  return { keywordEpsilon: search.value, epsilon: search.value === null ? search.epsilon : eps(search.value), feasible: search.feasible, accountant: "rdp" };
}

/** Where the search for the largest allowed workload stops; reaching it makes `allowed` a lower bound (budget.capped). */
const ALLOWED_SEARCH_LIMIT = 10_000_000;

const SOURCES = [
  `${HANKE}, Section 3 (PromptPATEGen)`,
  `${MECHANICS} §3, §5 (sprintml/OpenLLMs PromptPATEGen/priv_aggregation_utils.py)`,
  "Wu et al., ICLR 2024 (KSA+PTR)",
] as const;

/** The code's (ε_EM, σ_PTR, δ0 factor) presets for ε = 8, 3, 1 (docs/derivations.md §3 table). */
export const KSA_PRESETS = [
  { targetEpsilon: 8, keywordEpsilon: 1.0, ptrNoiseMultiplier: 1.15046, failureFactor: 0.99 },
  { targetEpsilon: 3, keywordEpsilon: 0.9, ptrNoiseMultiplier: 1.869, failureFactor: 0.99 },
  { targetEpsilon: 1, keywordEpsilon: 0.45, ptrNoiseMultiplier: 2.62, failureFactor: 0.8 },
] as const;

/** The code's hard-coded accounting inputs, whatever the dataset (§5: q = 400/14732, δ = 5e-5, 100 queries). */
export const CODE_SAMPLING_RATE = 400 / 14732;
export const CODE_DELTA = 5e-5;
export const CODE_QUERIES = 100;

/** Keyword gaps the selection chooses among (k ≤ 30 in the code). */
const KEYWORD_CANDIDATES = 30;

/** The preset the code would pick: the largest preset ε not above the target (the ε = 1 preset below 3). */
export function ksaPreset(targetEpsilon: number) {
  return KSA_PRESETS.find((p) => targetEpsilon >= p.targetEpsilon) ?? KSA_PRESETS[KSA_PRESETS.length - 1]!;
}

/**
 * Smallest useful ε_EM [assumption]: with a unanimous keyword gap of E votes (sensitivity 1,
 * Gumbel scale 2/ε_EM), the exponential mechanism picks the right k among 30 with probability
 * ≥ 90% when (K − 1)·e^(−ε_EM·E/2) ≤ 0.1, i.e. ε_EM ≥ 2·ln(10(K − 1))/E.
 */
export function usefulKeywordEpsilon(ensemble: number): number {
  return (2 * Math.log(10 * (KEYWORD_CANDIDATES - 1))) / ensemble;
}

/**
 * Largest useful PTR noise [assumption]: a unanimous gap of E must pass the test
 * E + N(0, (2σ)²) − 2σ·z(δ0) > 2 at its median, i.e. σ ≤ (E − 2)/(2·z(δ0)).
 */
export function usefulPtrNoise(ensemble: number, failureProbability: number): number {
  return Math.max(1e-3, (ensemble - 2) / (2 * upperNormalQuantile(Math.min(0.5, failureProbability))));
}

function soundEpsilon(keywordEpsilon: number, ptrNoise: number, failure: number, queries: number, delta: number): number {
  return computeEpsilon(selfComposed(queries, ksaPtrQueryEvent(keywordEpsilon, ptrNoise, failure, 1)), delta, { accountant: "rdp", orders: "default" }).epsilon;
}

/** The code's own number: hard-coded q and δ, δ0 = factor·δ/q charged once (δ' = δ − q·δ0), autodp orders. */
export function ksaEpsilonAsCoded(keywordEpsilon: number, ptrNoise: number, failureFactor: number): number {
  const failure = (failureFactor * CODE_DELTA) / CODE_SAMPLING_RATE;
  const curve = rdpCurve(selfComposed(CODE_QUERIES, ksaPtrQueryEvent(keywordEpsilon, ptrNoise, failure, CODE_SAMPLING_RATE)), AUTODP_ORDERS);
  return epsilonFromRdp(AUTODP_ORDERS, curve.rdp, CODE_DELTA - CODE_SAMPLING_RATE * failure).epsilon;
}

/**
 * δ/2 for the conversion plus n·δ0 for the PTR failures, at most δ: with δ0 = δ/(2n) the sum is δ
 * exactly, but in floating point δ/2 + n·(δ/(2n)) can round above δ, to 1 when δ ≈ 1 (found by
 * the schema-valid scenario property test: δ = 0.9999999999999999 threw "delta must be in (0, 1)").
 */
function totalDelta(delta: number, conversionDelta: number, queries: number, failure: number): number {
  return Math.min(delta, conversionDelta + queries * failure);
}

function calibrate(target: number, ptrNoise: number, failure: number, queries: number, conversionDelta: number, delta: number) {
  return searchParameter({
    evaluate: (e) => soundEpsilon(e, ptrNoise, failure, queries, totalDelta(delta, conversionDelta, queries, failure)),
    targetEpsilon: target,
    direction: "increasing",
    minimum: 1e-4,
    maximum: 100,
    initial: 1,
    relativeTolerance: 1e-4,
  });
}

export function promptPateGenPrivacy(scenario: Scenario): MethodPrivacy {
  const { ensemble, public: queries } = scenario.knobs["prompt-pate-gen"];
  const notes: string[] = [];
  const preset = ksaPreset(scenario.epsilon);
  const conversionDelta = scenario.delta / 2;
  const failure = Math.min(0.5, scenario.delta / (2 * queries));
  notes.push(`Teachers are drawn once and answer every public query, so no amplification by subsampling applies (q = 1). Each of the ${queries} queries may fail its PTR test with probability δ0 = ${formatScientific(failure, 3)}, charged per query (δ/2 in all); the RDP conversion runs at δ/2.`);
  notes.push("Accountant: RDP. The PRV accountant has no model of a step whose guarantee fails with probability δ0.");
  if (!(conversionDelta > 0) || !(failure > 0)) {
    notes.push(`δ = ${scenario.delta} is too small to split into a conversion δ and a per-query δ0 in double precision: PTR cannot run at this δ.`);
    return {
      method: "prompt-pate-gen", label: "PromptPATEGen", feasible: false, targetEpsilon: scenario.epsilon, epsilon: null, delta: scenario.delta, accountant: "rdp",
      noiseMultiplier: null, mechanism: { parameter: "keywordEpsilon", value: null, unit: "ε_EM per query (keyword selection)" },
      budget: { unit: "public queries", planned: queries, allowed: 0, allowedAccountant: "rdp" }, samplingRate: 1, minFeasibleEpsilon: null,
      asOriginalCode: null, notes, sources: [...SOURCES],
    };
  }
  const minKeyword = usefulKeywordEpsilon(ensemble);
  const maxPtrNoise = usefulPtrNoise(ensemble, failure);
  let ptrNoise: number = preset.ptrNoiseMultiplier;
  let search = calibrate(scenario.epsilon, ptrNoise, failure, queries, conversionDelta, scenario.delta);
  if ((!search.feasible || (search.value ?? 0) < minKeyword) && maxPtrNoise > ptrNoise) {
    notes.push(`With the code's PTR noise σ = ${ptrNoise} the budget does not leave a useful ε_EM; the PTR noise is raised to its useful limit ${formatFixed(maxPtrNoise, 3)} [assumption].`);
    ptrNoise = maxPtrNoise;
    search = calibrate(scenario.epsilon, ptrNoise, failure, queries, conversionDelta, scenario.delta);
  }
  const keywordEpsilon = search.value;
  const feasible = search.feasible && keywordEpsilon !== null && keywordEpsilon >= minKeyword;
  notes.push(`Useful limits [assumption]: ε_EM ≥ ${formatFixed(minKeyword, 4)} (the right keyword count wins with probability ≥ 90% on a unanimous gap of ${ensemble}); σ_PTR ≤ ${formatFixed(maxPtrNoise, 3)} (a unanimous gap passes the PTR test).`);
  // Queries allowed at the useful limits, with δ0 = δ/(2n) following the query count n.
  const allowed = largestInteger((n) => {
    const f = Math.min(0.5, scenario.delta / (2 * n));
    return soundEpsilon(minKeyword, usefulPtrNoise(ensemble, f), f, n, totalDelta(scenario.delta, conversionDelta, n, f)) <= scenario.epsilon;
  }, ALLOWED_SEARCH_LIMIT);
  // Why a larger N can allow fewer answers (audit finding 5): N enters only through δ = 1/N. With
  // fixed teachers there is no sampling rate q = E·s/N to shrink, while a smaller δ lowers δ0 =
  // δ/(2n), which lowers the useful PTR noise (E − 2)/(2·z(δ0)), and adds log(1/δ)/(α − 1) to the
  // conversion. E.g. SST-2 defaults, E = 100: δ = 0.01 → σ ≤ 12.59, 227 answers; δ = 1e-6 → σ ≤ 8.55, 77.
  notes.push(`Allowed public queries depend on δ, not on N: the ${ensemble} teachers are fixed (q = 1), so a smaller δ (here ${formatDelta(scenario.delta)}; the default δ = 1/N is tighter at larger N) means a smaller PTR failure probability δ0 = δ/(2n), less useful PTR noise (σ ≤ ${formatFixed(maxPtrNoise, 2)} at the planned ${queries}) and a costlier conversion, so fewer answers fit: ${formatCount(allowed)} here.`);
  let minFeasibleEpsilon: number | null | undefined;
  if (!feasible) {
    minFeasibleEpsilon = finiteOrNull(soundEpsilon(minKeyword, maxPtrNoise, failure, queries, totalDelta(scenario.delta, conversionDelta, queries, failure)));
    notes.push(`Labelling ${queries} public queries with fixed teachers does not fit ε = ${scenario.epsilon} at useful settings.`);
  }
  const achieved = keywordEpsilon === null ? search.epsilon : soundEpsilon(keywordEpsilon, ptrNoise, failure, queries, totalDelta(scenario.delta, conversionDelta, queries, failure));
  const codeEpsilon = ksaEpsilonAsCoded(preset.keywordEpsilon, preset.ptrNoiseMultiplier, preset.failureFactor);
  const codeFailure = (preset.failureFactor * CODE_DELTA) / CODE_SAMPLING_RATE;
  const asOriginalCode: AsOriginalCode = {
    summary: `The code uses the preset ε_EM = ${preset.keywordEpsilon}, σ_PTR = ${preset.ptrNoiseMultiplier} for ε = ${preset.targetEpsilon}, accounted with q = 400/14732, δ = 5e-5 and 100 queries hard-coded, and charges δ0 once.`,
    mechanism: { parameter: "keywordEpsilon", value: preset.keywordEpsilon, unit: "ε_EM per query", extra: { ptrNoiseMultiplier: preset.ptrNoiseMultiplier, failureProbability: codeFailure } },
    reportedEpsilon: finiteOrNull(codeEpsilon),
    reportedDelta: CODE_DELTA,
    reportedAccountant: "rdp",
    // With δ0 charged per query the total δ can reach 1: then no ε holds (null).
    soundEpsilon: scenario.delta + queries * codeFailure < 1 ? finiteOrNull(soundEpsilon(preset.keywordEpsilon, preset.ptrNoiseMultiplier, codeFailure, queries, scenario.delta + queries * codeFailure)) : null,
    soundDelta: Math.min(1, scenario.delta + queries * codeFailure),
    reason: "Fixed teachers answer every query, so per-query amplification by subsampling does not apply (sound: q = 1); q and δ are hard-coded for SAMSum whatever the configuration; and a PTR failure can happen at every query, so δ0 must be charged per query (≈ 5e-3 instead of 5e-5 for the presets) (docs/derivations.md §5 deviations 1–3, §12.2–3).",
  };
  return {
    method: "prompt-pate-gen",
    label: "PromptPATEGen",
    feasible,
    targetEpsilon: scenario.epsilon,
    epsilon: finiteOrNull(achieved),
    delta: scenario.delta,
    accountant: "rdp",
    noiseMultiplier: ptrNoise,
    mechanism: { parameter: "keywordEpsilon", value: keywordEpsilon, unit: "ε_EM per query (keyword selection)", extra: { ptrNoiseMultiplier: ptrNoise, failureProbability: failure, usefulKeywordEpsilon: minKeyword } },
    budget: { unit: "public queries", planned: queries, allowed, allowedAccountant: "rdp", ...(allowed === ALLOWED_SEARCH_LIMIT ? { capped: true as const } : {}) },
    samplingRate: 1,
    ...(minFeasibleEpsilon !== undefined ? { minFeasibleEpsilon } : {}),
    asOriginalCode,
    notes,
    sources: [...SOURCES],
  };
}

/**
 * PromptPATEGen's E teachers of s private records are drawn once, disjoint (sprintml/OpenLLMs
 * PromptPATEGen/run_generation.py), and its student prompt takes the first k of the P labelled
 * public queries (run_evaluation_students.py).
 */
export function promptPateGenDataRequirements(scenario: Scenario): DataRequirement[] {
  return teacherRequirements(scenario, "PromptPATEGen", scenario.knobs["prompt-pate-gen"], "Hanke et al. 2024, Section 3 (PromptPATEGen); sprintml/OpenLLMs PromptPATEGen/run_generation.py, run_evaluation_students.py");
}

// ---------------------------------------------------------------------------------------------
// PromptPATEGen's cost work: PATE's teachers and student (./prompt-pate.ts pateWork), plus the
// zero-shot fallback and the answers written from the released keywords.
// ---------------------------------------------------------------------------------------------

const promptPateGenCost: MethodCost = {
  work: (context) => pateWork({
    knob: "prompt-pate-gen",
    answerRules: [],
    afterTeachers: ({ scenario }, { lp, lo }) => {
      const k = scenario.knobs["prompt-pate-gen"];
      return [
        { kind: "llm-calls", phase: "training", id: "zero-shot", label: "Zero-shot answers of the public queries (fallback when PTR fails)", calls: k.public, inputTokens: k.public * lp, outputTokens: k.public * lo, longestCallTokens: lp + lo, formula: `${k.public} calls; input ℓin, output ℓout` },
        { kind: "llm-calls", phase: "training", id: "keyword-answers", label: "Answers written from the released private keywords", calls: k.public, inputTokens: k.public * (lp + lo), outputTokens: k.public * lo, longestCallTokens: lp + 2 * lo, formula: `${k.public} calls; input ℓin + ℓout (keywords), output ℓout` },
      ];
    },
    sources: ["Hanke et al. 2024, Section 3 (PromptPATEGen)", "PromptPATEGen code: github.com/sprintml/OpenLLMs (PromptPATEGen)"],
  }, context),
  instructionTokens: "every-prompt",
  // Its teachers and student write the answer: an encoder model has no text generator to do so.
  writesText: "PromptPATEGen's teachers and student generate text",
  studySetupGaps: [
    {
      part: "query",
      reason: "Unexplained by one-at-a-time serving, and consistent with batched serving (the paper does not say): OpenLLaMA 13B SAMSum costs $0.80 per 10k with a 10-shot student prompt, PrivateLoRA on the same model and dataset $8.05 with no prompt (Table 4); one-at-a-time serving cannot be 10× cheaper for a 10× longer prompt. The paper gives no batch size.",
    },
    {
      part: "training", model: "openllama-13b",
      reason: "PromptPATEGen's teacher generation on OpenLLaMA 13B costs 5.7× (SAMSum, Table 4: $18.63 vs $3.29) and 6.0× (MIT, Table 6: $3.11 vs $0.52) the same calls on Vicuna 7B, for 1.9× the parameters: a different, undescribed setup (e.g. several GPUs or 8-bit weights).",
    },
  ],
};

/**
 * PromptPATEGen's card (./card.ts): its catalogue row and its share-link knobs `prompt-pate-gen.<knob>`,
 * with their defaults per dataset (docs/derivations.md §S8: Hanke et al. 2024, Tables 8–20 and
 * Appendix D; `defaultsNote` marks what the study did not itself use). lib/scenario reads it.
 */
export const promptPateGenCard = {
  id: "prompt-pate-gen", label: "PromptPATEGen", llm: "open", mechanism: "pate",
  summary: "PATE on a local open LLM: teachers label public queries by private keyword aggregation; the student prompt answers unlimited queries.",
  source: "Hanke et al. 2024, Section 3 and Table 2",
  inStudy: true,
  runsOnOpenModels: false,
  knobs: {
    ensemble: ensembleKnob("Teacher prompts, drawn once, that answer every public query."),
    shots: shotsKnob("Private records in each teacher prompt."),
    public: { label: "Public queries labelled", unit: "queries", description: "Public inputs the teachers label with private keyword aggregation.", min: 1, max: 1_000_000, integer: true },
    studentShots: { label: "Student prompt shots", unit: "examples", description: "Labelled public examples in the student prompt.", min: 0, max: 1000, integer: true },
  },
  defaults: {
    ensemble: perDataset(100, 100, 100, 100, 100, 100, 25, 25),
    shots: perDataset(1, 1, 1, 1, 1, 1, 1, 1),
    public: perDataset(100, 100, 100, 100, 100, 100, 100, 100),
    studentShots: perDataset(4, 4, 4, 4, 10, 10, 4, 4),
  },
  defaultsNote: "100 teachers (SAMSum) or 25 (MIT) × 1 shot, 100 public queries, student 10 / 4 shots. Classification presets were not run: generation defaults assumed. PFL-DocVQA's student shots are not in the study's hyperparameter tables (SAMSum, MIT-G, MIT-D only): SAMSum's 10 are assumed, and at 930 tokens per example they exceed Vicuna 7B's 4,096-token context (at most 3 fit).",
} as const satisfies MethodCard;

export const promptPateGen: MethodDescriptor<typeof promptPateGenCard> = {
  card: promptPateGenCard,
  id: promptPateGenCard.id,
  label: promptPateGenCard.label,
  llm: promptPateGenCard.llm,
  queriesSpendBudget: false,
  sources: SOURCES,
  privacyEvent(scenario) {
    const { public: queries, ensemble } = scenario.knobs["prompt-pate-gen"];
    const p = promptPateGenPrivacy(scenario);
    const failure = Math.min(0.5, scenario.delta / (2 * queries));
    return selfComposed(queries, ksaPtrQueryEvent(p.mechanism.value ?? usefulKeywordEpsilon(ensemble), p.noiseMultiplier ?? 1, failure, 1));
  },
  privacy: promptPateGenPrivacy,
  dataRequirements: promptPateGenDataRequirements,
  cost: promptPateGenCost,
  leakage: { needsLocalWeights: false, providerExposure: (context) => fixedTeacherExposure(context, "prompt-pate-gen", `${MECHANICS} §5 Leakage (PromptPATEGen)`), dpArtefact: null },
  paperNames: { classification: "PromptPATEGen", generation: "PromptPATEGen" },
  // Okabe–Ito yellow on a dark background; a darker olive on white, where yellow lacks contrast.
  style: { color: { light: "#8C7E00", dark: "#F0E442" }, marker: "wye" },
};
