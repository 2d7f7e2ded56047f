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
import { HANKE, MECHANICS, RDP_SPEC, finiteOrNull, fixedTeacherExposure, gaussianSpec, usefulVoteNoise, calibratedFields, teacherRequirements } from "./common";
import { dataDependentGnmaxEpsilon } from "./pate-data-dependent";
import type { AsOriginalCode, DataRequirement, MethodDescriptor, MethodPrivacy } from "./types";

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
  notes.push(`Data-independent bound: all ${answered.toLocaleString("en-US")} public inputs are answered (no confident-GNMax threshold), each a GNMax vote with sensitivity √2. Teachers are fixed, so there is no amplification by subsampling.`);
  const { spec, note } = gaussianSpec(scenario, 1);
  if (note) notes.push(note);
  const usefulNoise = usefulVoteNoise(ensemble, classes);
  notes.push(`Useful noise limit [assumption]: σ_G ≤ ${usefulNoise.toFixed(2)} votes (a unanimous ensemble of ${ensemble} still wins the noisy argmax with probability ≥ 90%).`);
  const calibration = calibrateGnmaxNoise({ targetEpsilon: scenario.epsilon, delta: scenario.delta, queries: answered, spec });
  const allowed = maxGnmaxQueries({ noiseMultiplier: usefulNoise, targetEpsilon: scenario.epsilon, delta: scenario.delta, spec: RDP_SPEC });
  const feasible = calibration.noiseMultiplier !== null && calibration.noiseMultiplier <= usefulNoise;
  let minFeasibleEpsilon: number | null | undefined;
  if (!feasible) {
    minFeasibleEpsilon = finiteOrNull(computeEpsilon(selfComposed(answered, gnmax(usefulNoise)), scenario.delta, spec).epsilon);
    notes.push(`Labelling ${answered.toLocaleString("en-US")} public inputs needs more noise than is useful at ε = ${scenario.epsilon}; the budget allows ${allowed.count.toLocaleString("en-US")} answers.`);
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

export const promptPate: MethodDescriptor = {
  id: "prompt-pate",
  label: "PromptPATE",
  llm: "closed",
  queriesSpendBudget: false,
  sources: SOURCES,
  privacyEvent(scenario) {
    const { ensemble, public: answered } = scenario.knobs["prompt-pate"];
    const sigma = promptPatePrivacy(scenario).noiseMultiplier ?? usefulVoteNoise(ensemble, scenario.classes ?? 2);
    return selfComposed(answered, gnmax(sigma));
  },
  privacy: promptPatePrivacy,
  dataRequirements: promptPateDataRequirements,
  leakage: { needsLocalWeights: false, providerExposure: (context) => fixedTeacherExposure(context, "prompt-pate", `${MECHANICS} §4 Leakage (PromptPATE)`), dpArtefact: null },
  paperNames: { classification: "PromptPATE", generation: "PromptPATE" },
  // Okabe–Ito orange.
  style: { color: { light: "#E69F00", dark: "#E69F00" }, marker: "square" },
};
