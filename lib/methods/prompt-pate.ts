/**
 * PromptPATE (Duan et al., NeurIPS 2023), docs/derivations.md §4.
 *
 * E teacher prompts hold s private records each (fixed for the whole run: no subsampling). They
 * vote on P unlabelled public inputs; each answer is GNMax with noise σ_G in votes (L2 sensitivity
 * √2, RDP α/σ_G²). The answered inputs become the student prompt, which then serves unlimited
 * queries as post-processing. Sound default: the data-independent bound over the P answers,
 * ε = Acc(selfComposed(P, gnmax(σ_G))).
 *
 * The original code reports PATE's data-dependent ε instead, which depends on the actual votes
 * and is not itself differentially private unless sanitised (the code does not sanitise it).
 */
import { calibrateNoise, computeEpsilon, gnmax, maxCompositions, requireCount, selfComposed, type AccountantSpec, type CompositionBudget, type NoiseCalibration } from "../privacy";
import type { Scenario } from "../scenario";
import { MODELS } from "../scenario/base-catalog";
import {
  CALIBRATION_CONTENT_FREE_INPUTS, CALIBRATION_CONTENT_FREE_TOKENS, answerTokensBy, calibrationTokens, singleCallTokens,
  type LlmCalls, type MethodCost, type ProviderAnswerRule, type WorkContext,
} from "../cost/work-types";
import { HANKE, MECHANICS, RDP_SPEC, finiteOrNull, fixedTeacherExposure, gaussianSpec, usefulVoteNoise, calibratedFields, teacherRequirements } from "./common";
import { dataDependentGnmaxEpsilon } from "./pate-data-dependent";
import type { AsOriginalCode, DataRequirement, MethodDescriptor, MethodPrivacy } from "./types";
import { ensembleKnob, perDataset, shotsKnob, type MethodCard } from "./card";
import { formatCount, formatFixed } from "../present/format";

// ---------------------------------------------------------------------------------------------
// PATE's GNMax (data-independent bound): the method's DP recipe, built from lib/privacy's generic events and searches
// (moved here from lib/privacy/calibrate.ts, issue #16: lib/privacy holds nothing method-specific).
// ---------------------------------------------------------------------------------------------

/**
 * σ_G for PATE's data-independent GNMax bound over `queries` answered queries (fixed teachers:
 * no subsampling; vote sensitivity √2, RDP α/σ² per query).
 * @example calibrateGnmaxNoise({ targetEpsilon: 3, delta: 1e-5, queries: 200, spec: { accountant: "rdp", orders: "pate" } }).noiseMultiplier // ≈ 29.9 (docs/derivations.md §4)
 */
export function calibrateGnmaxNoise(input: { targetEpsilon: number; delta: number; queries: number; spec?: AccountantSpec }): NoiseCalibration {
  requireCount("queries", input.queries);
  return calibrateNoise((s) => selfComposed(input.queries, gnmax(s)), input.targetEpsilon, input.delta, input.spec ?? { accountant: "rdp" });
}

/**
 * The most queries PATE's GNMax can answer at σ_G within (ε, δ), data-independent.
 * @example maxGnmaxQueries({ noiseMultiplier: 40, targetEpsilon: 3, delta: 1e-5, spec: { accountant: "rdp", orders: "pate" } }).count // 358 (docs/derivations.md §4)
 */
export function maxGnmaxQueries(input: { noiseMultiplier: number; targetEpsilon: number; delta: number; spec?: AccountantSpec }): CompositionBudget {
  return maxCompositions(gnmax(input.noiseMultiplier), input.targetEpsilon, input.delta, input.spec ?? { accountant: "rdp" });
}

const SOURCES = [
  "Duan et al., Flocks of Stochastic Parrots: Differentially Private Prompt Learning for Large Language Models, NeurIPS 2023",
  HANKE,
  `${MECHANICS} §4 (cleverhans-lab/PrivatePrompts PromptPATE/pate)`,
  "Papernot et al., Scalable Private Learning with PATE, ICLR 2018 (GNMax, data-dependent RDP)",
] as const;

/** Teacher agreement assumed for the code's data-dependent ε [assumption]. */
export const CONSENSUS_AGREEMENT = 0.9;

function asOriginalCode(scenario: Scenario, ensemble: number, classes: number, answered: number, sigma: number | null, spec: AccountantSpec): AsOriginalCode | null {
  if (sigma === null) return null;
  const dataDependent = dataDependentGnmaxEpsilon({ teachers: ensemble, classes, agreement: CONSENSUS_AGREEMENT, noiseMultiplier: sigma, queries: answered, delta: scenario.delta });
  return {
    summary: `PromptPATE's code reports PATE's data-dependent ε, computed from the actual teacher votes; shown here for ${Math.round(CONSENSUS_AGREEMENT * 100)}% of the ${ensemble} teachers agreeing on every query [assumption].`,
    mechanism: { parameter: "noiseMultiplier", value: sigma, unit: "votes (σ_G)" },
    reportedEpsilon: finiteOrNull(dataDependent),
    reportedDelta: scenario.delta,
    reportedAccountant: "pate-data-dependent",
    soundEpsilon: finiteOrNull(computeEpsilon(selfComposed(answered, gnmax(sigma)), scenario.delta, spec).epsilon),
    soundDelta: scenario.delta,
    reason: "The data-dependent ε depends on the private votes themselves, so publishing it leaks information; it is a differential-privacy guarantee only after sanitisation (e.g. smooth sensitivity), which the code does not do. The data-independent bound holds for every dataset (docs/derivations.md §4, §12.4).",
  };
}

export function promptPatePrivacy(scenario: Scenario): MethodPrivacy {
  const { ensemble, public: answered } = scenario.knobs["prompt-pate"];
  const classes = scenario.classes ?? 2;
  const notes: string[] = [];
  if (scenario.task !== "classification") notes.push("PromptPATE labels public inputs with classes; for a generation task we treat each answer as a two-way choice [assumption].");
  notes.push(`Data-independent bound: all ${formatCount(answered)} public inputs are answered (no confident-GNMax threshold), each a GNMax vote with sensitivity √2. Teachers are fixed, so there is no amplification by subsampling.`);
  const { spec, note } = gaussianSpec(scenario, 1);
  if (note) notes.push(note);
  const usefulNoise = usefulVoteNoise(ensemble, classes);
  notes.push(`Useful noise limit [assumption]: σ_G ≤ ${formatFixed(usefulNoise, 2)} votes (a unanimous ensemble of ${ensemble} still wins the noisy argmax with probability ≥ 90%).`);
  const calibration = calibrateGnmaxNoise({ targetEpsilon: scenario.epsilon, delta: scenario.delta, queries: answered, spec });
  const allowed = maxGnmaxQueries({ noiseMultiplier: usefulNoise, targetEpsilon: scenario.epsilon, delta: scenario.delta, spec: RDP_SPEC });
  const feasible = calibration.noiseMultiplier !== null && calibration.noiseMultiplier <= usefulNoise;
  let minFeasibleEpsilon: number | null | undefined;
  if (!feasible) {
    minFeasibleEpsilon = finiteOrNull(computeEpsilon(selfComposed(answered, gnmax(usefulNoise)), scenario.delta, spec).epsilon);
    notes.push(`Labelling ${formatCount(answered)} public inputs needs more noise than is useful at ε = ${scenario.epsilon}; the budget allows ${formatCount(allowed.count)} answers.`);
  }
  return {
    method: "prompt-pate",
    label: "PromptPATE",
    feasible,
    ...calibratedFields(scenario, calibration),
    mechanism: { parameter: "noiseMultiplier", value: calibration.noiseMultiplier, unit: "votes (σ_G, noise std on each class count)", extra: { usefulNoiseLimit: usefulNoise, teachers: ensemble } },
    budget: { unit: "public queries", planned: answered, allowed: allowed.count, allowedAccountant: allowed.accountant, ...(allowed.capped ? { capped: true as const } : {}) },
    samplingRate: 1,
    ...(minFeasibleEpsilon !== undefined ? { minFeasibleEpsilon } : {}),
    asOriginalCode: asOriginalCode(scenario, ensemble, classes, answered, calibration.noiseMultiplier, spec),
    notes,
    sources: [...SOURCES],
  };
}

/**
 * PromptPATE's teachers hold E·s disjoint private records, fixed for the whole run (Duan et al.
 * 2023, Section 3; PrivatePrompts PromptPATE/prompts_gpt3/run_classification.py), and its student
 * prompt takes k of the P labelled public examples.
 * @example promptPateDataRequirements(presetScenario("sst2") with n = 100)[0].met // false: 400 × 1 > 100
 */
export function promptPateDataRequirements(scenario: Scenario): DataRequirement[] {
  return teacherRequirements(scenario, "PromptPATE", scenario.knobs["prompt-pate"], "Duan et al., NeurIPS 2023, Section 3 (PromptPATE); cleverhans-lab/PrivatePrompts PromptPATE/prompts_gpt3/run_classification.py");
}

// ---------------------------------------------------------------------------------------------
// The PATE family's cost work (PromptPATE here, PromptPATEGen in ./prompt-pate-gen.ts), Hanke et
// al. 2024, Appendix D: teachers label the public inputs once; one student call per query.
// ---------------------------------------------------------------------------------------------

/** What differs between the PATE methods' work. */
export interface PateWorkConfig {
  /** The method id, as the prefix of its share-link knobs (`<id>.shots`). */
  knob: "prompt-pate" | "prompt-pate-gen";
  /** Its answer-length rules (PromptPATE's Anthropic path); none for PromptPATEGen. */
  answerRules: readonly ProviderAnswerRule[];
  /** Training stages after the teachers' labelling (calibration calls, or PromptPATEGen's answer calls). */
  afterTeachers: (context: WorkContext, lengths: { lp: number; lo: number; li: number }) => LlmCalls[];
  /** The method's paper and its code, appended to the sources. */
  sources: readonly [string, string];
}

/**
 * E teachers × P public inputs, each call s shots and the input; one student call per query with
 * the student shots. The answer is ℓout, or the method code's longer answer on the row's provider.
 * @example pateWork(PromptPATE, SST2, E = 400, P = 300, s = 1) // teachers: 120,000 calls (test/cost/method-work.test.ts)
 */
export function pateWork(config: PateWorkConfig, context: WorkContext): ReturnType<MethodCost["work"]> {
  const { scenario, model, assumptions, sources } = context;
  const li = scenario.inTokens;
  const lo = scenario.outTokens;
  const k = scenario.knobs[config.knob];
  // Public inputs are assumed to be as long as private ones [assumption].
  const lp = li;
  // The demonstrations in a prompt carry the label (ℓout); the model's answer may be longer.
  const answer = answerTokensBy(config.answerRules, model, lo);
  const la = answer.tokens;
  const answerText = answer.rule ? `${la} (${MODELS[model!].provider} answer, up to ${la} tokens)` : "ℓout";
  const training: LlmCalls[] = [{
    kind: "llm-calls", phase: "training", id: "teachers", label: "Teachers label the public examples",
    calls: k.ensemble * k.public, inputTokens: k.ensemble * k.public * (k.shots * (li + lo) + lp), outputTokens: k.ensemble * k.public * la,
    longestCallTokens: k.shots * (li + lo) + lp + la, shots: { knob: `${config.knob}.shots`, count: k.shots, tokensEach: li + lo },
    formula: `${k.ensemble} teachers × ${k.public} public inputs; input each ${k.shots} × (ℓin + ℓout) + ℓin, output ${answerText}`,
  }];
  if (answer.rule) {
    assumptions.push(`Every ${MODELS[model!].label} answer is priced at the ${la}-token maximum the method's code allows (an upper bound).`);
    sources.push(answer.rule.source);
  }
  training.push(...config.afterTeachers(context, { lp, lo, li }));
  const q = singleCallTokens({ promptTokens: k.studentShots * (lp + lo), inTokens: li, outTokens: la });
  sources.push(...config.sources);
  assumptions.push("Public examples are as long as private records (ℓin, ℓout).", "Selecting the student prompt on validation data is not counted.");
  return {
    training, assumptions, sources,
    perQuery: [{ kind: "llm-calls", phase: "query", id: "student", label: "Student prompt answers the query", ...q, shots: { knob: `${config.knob}.studentShots`, count: k.studentShots, tokensEach: lp + lo }, formula: `1 call; input ${k.studentShots} × (ℓin + ℓout) + ℓin, output ${answerText}` }],
  };
}

/**
 * PromptPATE's Anthropic path asks Claude for the label inside an `<answer>` tag and allows up to 10
 * output tokens per call (docs/derivations.md §4). Claude 2.1 charges 3× as much for output as
 * for input (Hanke et al. 2024, Table 22), so this is what moves the Claude row: SST2 student query,
 * 2 shots, input 2 × (12.35 + 1) + 12.35 = 39.05 tokens →
 * 1 output token: 10,000 × (39.05 × $8 + 1 × $24)/1M = $3.36 per 10k;
 * 10 output tokens: 10,000 × (39.05 × $8 + 10 × $24)/1M = $5.52 per 10k (Table 3 prints $5.36).
 */
const PROMPT_PATE_ANSWER_RULES: readonly ProviderAnswerRule[] = [
  {
    provider: "Anthropic", tokens: 10,
    source: "PromptPATE code: github.com/cleverhans-lab/PrivatePrompts, PromptPATE/prompts_anthropic/teacher.py (answers of up to 10 tokens with an <answer> tag); docs/derivations.md §4",
  },
];

const promptPateCost: MethodCost = {
  work: (context) => pateWork({
    knob: "prompt-pate",
    answerRules: PROMPT_PATE_ANSWER_RULES,
    // The original code calibrates each teacher once, with content-free inputs (option `calibrationCalls`).
    afterTeachers: ({ scenario, classes, calibration }, { li, lo }) => {
      if (!calibration) return [];
      const k = scenario.knobs["prompt-pate"];
      const c = calibrationTokens({ prompts: k.ensemble, shots: k.shots, inTokens: li, outTokens: lo, classes: classes! });
      return [{ kind: "llm-calls", phase: "training", id: "calibration", label: "Contextual-calibration echo calls, once per teacher (original code)", ...c, shots: { knob: "prompt-pate.shots", count: k.shots, tokensEach: li + lo }, option: "calibrationCalls",
        formula: `${k.ensemble} teachers × ${CALIBRATION_CONTENT_FREE_INPUTS} × ${classes}; input each ${k.shots} × (ℓin + ℓout) + ${CALIBRATION_CONTENT_FREE_TOKENS} + ℓout` }];
    },
    sources: ["Duan et al., NeurIPS 2023 (PromptPATE)", "PromptPATE code: github.com/cleverhans-lab/PrivatePrompts"],
  }, context),
  instructionTokens: "every-prompt",
  answerTokens: PROMPT_PATE_ANSWER_RULES,
};

/**
 * PromptPATE's card (./card.ts): its catalogue row and its share-link knobs `prompt-pate.<knob>`,
 * with their defaults per dataset (docs/derivations.md §S8: Hanke et al. 2024, Tables 8–20 and
 * Appendix D; `defaultsNote` marks what the study did not itself use). lib/scenario reads it.
 */
export const promptPateCard = {
  id: "prompt-pate", label: "PromptPATE", llm: "closed", mechanism: "pate",
  summary: "A teacher ensemble of private prompts labels public data with noisy votes; the labelled public examples form a student prompt.",
  source: "Duan et al., NeurIPS 2023; Hanke et al. 2024, Table 2",
  inStudy: true,
  runsOnOpenModels: true,
  knobs: {
    ensemble: ensembleKnob("Teacher prompts, each holding its own disjoint private records."),
    shots: shotsKnob("Private records in each teacher prompt."),
    public: { label: "Public examples labelled", unit: "examples", description: "Unlabelled public inputs the teachers vote on (each answered vote spends budget).", min: 1, max: 1_000_000, integer: true },
    studentShots: { label: "Student prompt shots", unit: "examples", description: "Labelled public examples placed in the student prompt that answers queries.", min: 0, max: 1000, integer: true },
  },
  defaults: {
    // 400 private examples in the teachers; the E × s split is not given: 400 × 1 (docs/derivations.md §4).
    ensemble: perDataset(400, 400, 400, 400, 400, 400, 400, 400),
    shots: perDataset(1, 1, 1, 1, 1, 1, 1, 1),
    public: perDataset(300, 300, 300, 300, 300, 300, 300, 300),
    studentShots: perDataset(1, 1, 1, 1, 1, 1, 1, 1),
  },
  defaultsNote: "400 private examples in the teachers, public set 300, 1 student shot (GPT-3 Babbage setup). The teacher × shot split is not stated in the paper: 400 × 1 assumed.",
} as const satisfies MethodCard;

export const promptPate: MethodDescriptor<typeof promptPateCard> = {
  card: promptPateCard,
  id: promptPateCard.id,
  label: promptPateCard.label,
  llm: promptPateCard.llm,
  queriesSpendBudget: false,
  sources: SOURCES,
  privacyEvent(scenario) {
    const { ensemble, public: answered } = scenario.knobs["prompt-pate"];
    const sigma = promptPatePrivacy(scenario).noiseMultiplier ?? usefulVoteNoise(ensemble, scenario.classes ?? 2);
    return selfComposed(answered, gnmax(sigma));
  },
  privacy: promptPatePrivacy,
  dataRequirements: promptPateDataRequirements,
  cost: promptPateCost,
  leakage: { needsLocalWeights: false, providerExposure: (context) => fixedTeacherExposure(context, "prompt-pate", `${MECHANICS} §4 Leakage (PromptPATE)`), dpArtefact: null },
  paperNames: { classification: "PromptPATE", generation: "PromptPATE" },
  // Okabe–Ito orange.
  style: { color: { light: "#E69F00", dark: "#E69F00" }, marker: "square" },
};
