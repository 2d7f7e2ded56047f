/**
 * DP-ICL (Wu et al., ICLR 2024), docs/derivations.md §2 (classification) and §3 (generation, ESA).
 *
 * Every query draws E fresh teacher prompts of s private records each (a Poisson sample at rate
 * q = E·s/N in the accounting) and aggregates their answers with Gaussian noise:
 * - classification: report-noisy-max on the vote histogram (GNMax). Changing one record moves
 *   one vote, an L2 change of √2, so the sound event is `gnmax(σ)`;
 * - generation (ESA): noise on the sum of E unit-norm output embeddings, L2 sensitivity 1.
 * T queries compose: ε = Acc(selfComposed(T, poissonSampled(q, ·))).
 *
 * What the budget buys: σ for the planned queries, and the most queries the budget allows at the
 * largest useful noise (`usefulVoteNoise`). When even the planned queries need more noise than
 * that, DP-ICL cannot serve them at this ε: the result says so and gives the smallest ε that would.
 */
import {
  calibrateNoise, computeEpsilon, gaussian, gnmax, maxCompositions, poissonSampled, selfComposed,
  type AccountantSpec, type CompositionBudget, type DpEvent,
} from "../privacy";
import type { Scenario } from "../scenario";
import { CALIBRATION_CONTENT_FREE_INPUTS, CALIBRATION_CONTENT_FREE_TOKENS, calibrationTokens, dpIclQueryTokens, type LlmCalls, type MethodCost, type WorkContext } from "../cost/work-types";
import { HANKE, MECHANICS, RDP_SPEC, clippedRate, count, finiteOrNull, gaussianSpec, requirement, usefulVoteNoise, calibratedFields } from "./common";
import type { AsOriginalCode, DataRequirement, ExposureContext, MethodDescriptor, MethodPrivacy, ProviderExposure } from "./types";
import { ensembleKnob, perDataset, shotsKnob, type MethodCard } from "./card";
import { formatCount, formatEpsilon, formatFixed } from "../present/format";

// ---------------------------------------------------------------------------------------------
// DP-ICL's per-query event and query budget: the method's DP recipe, built from lib/privacy's generic events and searches
// (moved here from lib/privacy/calibrate.ts, issue #16: lib/privacy holds nothing method-specific).
// ---------------------------------------------------------------------------------------------

/**
 * DP-ICL's per-query event: report-noisy-max with Gaussian noise on the teachers' vote histogram
 * for a Poisson sample at rate q = ensemble·shots/N. `sensitivity: "vote-change"` (default, sound)
 * uses L2 sensitivity √2; `"code"` uses 1, as the DP-ICL code does (docs/derivations.md §12.1).
 */
export function dpIclQueryEvent(noiseMultiplier: number, samplingRate: number, sensitivity: "vote-change" | "code" = "vote-change"): DpEvent {
  return poissonSampled(samplingRate, sensitivity === "code" ? gaussian(noiseMultiplier) : gnmax(noiseMultiplier));
}

/**
 * How many DP-ICL queries a budget allows at noise σ (votes).
 * @example maxDpIclQueries({ noiseMultiplier: 1, samplingRate: 40 / 67349, targetEpsilon: 1, delta: 1e-5, sensitivity: "code", spec: { accountant: "rdp" } }).count // 86,784 (docs/derivations.md §2)
 */
export function maxDpIclQueries(input: { noiseMultiplier: number; samplingRate: number; targetEpsilon: number; delta: number; sensitivity?: "vote-change" | "code"; spec?: AccountantSpec }): CompositionBudget {
  return maxCompositions(dpIclQueryEvent(input.noiseMultiplier, input.samplingRate, input.sensitivity), input.targetEpsilon, input.delta, input.spec ?? { accountant: "prv" });
}

const SOURCES = [
  "Wu et al., Privacy-Preserving In-Context Learning for Large Language Models, ICLR 2024",
  `${HANKE}`,
  `${MECHANICS} §2, §3 (sprintml/OpenLLMs DP-ICL/main.py; tongwu2020/DP-ICL notebook)`,
] as const;

interface Setup {
  ensemble: number;
  shots: number;
  queries: number;
  samplingRate: number;
  classes: number;
  classification: boolean;
  sensitivity: "vote-change" | "code";
  notes: string[];
}

function setup(scenario: Scenario): Setup {
  const { ensemble, shots } = scenario.knobs["dp-icl"];
  const notes: string[] = [];
  const rate = clippedRate(ensemble * shots, scenario.records, "ensemble × shots");
  if (rate.note) notes.push(rate.note);
  const classification = scenario.task === "classification";
  if (!classification) notes.push("Generation uses embedding space aggregation (ESA): Gaussian noise on the sum of E unit-norm output embeddings, L2 sensitivity 1, as the DP-ICL notebook accounts it.");
  notes.push("Teachers are drawn without replacement but accounted as a Poisson sample at q = E·s/N, as the original code does.");
  return {
    ensemble, shots, queries: scenario.queries, samplingRate: rate.rate,
    classes: scenario.classes ?? 2, classification,
    sensitivity: classification ? "vote-change" : "code",
    notes,
  };
}

function queryEvent(s: Setup, noiseMultiplier: number): DpEvent {
  return dpIclQueryEvent(noiseMultiplier, s.samplingRate, s.sensitivity);
}

/** The code's own calibration for classification: Δ = 1 and autodp's classic conversion (P4). */
function asOriginalCode(scenario: Scenario, s: Setup, soundSpec: ReturnType<typeof gaussianSpec>["spec"]): AsOriginalCode | null {
  if (!s.classification) return null;
  const code = calibrateNoise((sigma) => selfComposed(s.queries, dpIclQueryEvent(sigma, s.samplingRate, "code")), scenario.epsilon, scenario.delta, { accountant: "rdp", conversion: "autodp-classic" });
  const sound = code.noiseMultiplier === null ? null : computeEpsilon(selfComposed(s.queries, queryEvent(s, code.noiseMultiplier)), scenario.delta, soundSpec);
  return {
    summary: "DP-ICL's code takes the vote histogram's sensitivity as 1 and converts RDP with the classic bound (autodp get_eps).",
    mechanism: code.noiseMultiplier === null ? null : { parameter: "noiseMultiplier", value: code.noiseMultiplier, unit: "votes (noise std)" },
    reportedEpsilon: finiteOrNull(code.epsilon),
    reportedDelta: scenario.delta,
    reportedAccountant: "rdp-autodp-classic",
    soundEpsilon: finiteOrNull(sound?.epsilon),
    soundDelta: scenario.delta,
    reason: "Changing one record moves one teacher's vote from one class to another: an L2 change of √2, not 1 (PATE's GNMax uses α/σ²). The code's σ therefore buys a larger ε than it reports; the classic RDP conversion it uses is looser than the improved one, which partly offsets this (docs/derivations.md §2 deviations (i) and (iii), §12.1).",
  };
}

export function dpIclPrivacy(scenario: Scenario): MethodPrivacy {
  const s = setup(scenario);
  const { spec, note } = gaussianSpec(scenario, s.queries);
  const notes = [...s.notes];
  if (note) notes.push(note);
  const usefulNoise = usefulVoteNoise(s.ensemble, s.classes);
  notes.push(`Useful noise limit [assumption]: σ ≤ ${formatFixed(usefulNoise, 3)} votes, where a unanimous ensemble of ${s.ensemble} still gets its label through the noisy argmax with probability ≥ 90% against ${Math.max(1, s.classes - 1)} rival class(es).`);
  const calibration = calibrateNoise((sigma) => selfComposed(s.queries, queryEvent(s, sigma)), scenario.epsilon, scenario.delta, spec);
  const allowed = maxCompositions(queryEvent(s, usefulNoise), scenario.epsilon, scenario.delta, RDP_SPEC);
  notes.push(`Queries allowed at the useful noise limit are counted with the RDP accountant (exact integer search; PRV would allow at least as many).`);
  const feasible = calibration.feasible && calibration.noiseMultiplier !== null && calibration.noiseMultiplier <= usefulNoise;
  let minFeasibleEpsilon: number | null | undefined;
  if (!feasible) {
    minFeasibleEpsilon = finiteOrNull(computeEpsilon(selfComposed(s.queries, queryEvent(s, usefulNoise)), scenario.delta, spec).epsilon);
    notes.push(allowed.count === 0
      ? `DP-ICL cannot answer even one query at ε = ${scenario.epsilon}: one query at the useful noise limit already costs ε = ${formatEpsilon(allowed.epsilonForOne)}.`
      : `The planned ${formatCount(s.queries)} queries need more noise than is useful; the budget allows ${formatCount(allowed.count)} queries.`);
  }
  return {
    method: "dp-icl",
    label: "DP-ICL",
    feasible,
    ...calibratedFields(scenario, calibration),
    mechanism: {
      parameter: "noiseMultiplier",
      value: calibration.noiseMultiplier,
      unit: s.classification ? "votes (noise std on each class count)" : "noise std per embedding coordinate",
      extra: { usefulNoiseLimit: usefulNoise, sensitivity: s.sensitivity === "vote-change" ? Math.SQRT2 : 1 },
    },
    budget: { unit: "queries", planned: s.queries, allowed: allowed.count, allowedAccountant: allowed.accountant, ...(allowed.capped ? { capped: true as const } : {}) },
    samplingRate: s.samplingRate,
    ...(minFeasibleEpsilon !== undefined ? { minFeasibleEpsilon } : {}),
    asOriginalCode: asOriginalCode(scenario, s, spec),
    notes,
    sources: [...SOURCES],
  };
}

/**
 * Every DP-ICL query puts E teacher prompts of s private records in front of the model, the E·s
 * records drawn without replacement (Wu et al. 2024, Section 3; sprintml/OpenLLMs DP-ICL/main.py),
 * so one query needs E·s distinct records: 10 × 4 = 40 on SST-2, 100 × 1 on SAMSum.
 */
export function dpIclDataRequirements(scenario: Scenario): DataRequirement[] {
  const { ensemble, shots } = scenario.knobs["dp-icl"];
  const needed = ensemble * shots;
  return [requirement({
    id: "records-per-query", what: `distinct private records per query (E × s = ${count(ensemble)} × ${count(shots)})`, needed, available: scenario.records,
    unmet: `DP-ICL's ${count(ensemble)} teacher prompts × ${count(shots)} shot${shots === 1 ? "" : "s"} need ${count(needed)} distinct private records for every query; N = ${count(scenario.records)}.`,
    met: `Each query draws ${count(needed)} of the ${count(scenario.records)} private records.`,
    source: "Wu et al., ICLR 2024, Section 3 (DP-ICL); sprintml/OpenLLMs DP-ICL/main.py",
  })];
}

/**
 * What DP-ICL sends a provider: fresh, disjoint E × s records per query, so over Q queries
 * N·(1 − (1 − min(1, E·s/N))^Q) distinct records in expectation (docs/derivations.md §2
 * "Mechanism" and "Leakage"), and every query E times, once per teacher prompt.
 * @example SST2 (N = 66,674), 10 teachers × 4 shots, 872 queries: ≈ 40.74% of N.
 */
function dpIclProviderExposure({ scenario, provider, tools: t }: ExposureContext): ProviderExposure {
  const n = scenario.records;
  const nText = t.formatQuantity(n);
  const q = scenario.queries;
  const { ensemble, shots } = scenario.knobs["dp-icl"];
  const perQuery = Math.min(n, ensemble * shots);
  const x = t.expectedDistinctRecords(n, perQuery, q);
  const formula =
    `N·(1 − (1 − min(1, E·s/N))^Q) = ${nText}·(1 − (1 − ${ensemble}·${shots}/${nText})^${t.formatQuantity(q)}) ` +
    `= ${t.formatQuantity(x.expectedRecords)} records (${t.formatPercent(x.fraction)} of N)`;
  return {
    records: x.expectedRecords, expected: true, fraction: x.fraction, recordSends: perQuery * q, queryCopies: ensemble,
    channelA: { status: "exposed", formula, reason: `Every query places ${t.formatQuantity(perQuery)} freshly drawn private records in plaintext prompts to ${provider}; over ${t.formatQuantity(q)} queries that reaches ${t.formatPercent(x.fraction)} of the training set.` },
    copiesWhy: " (once per teacher prompt)",
    queryNote: generationNote(scenario, t.formatQuantity),
    source: `${MECHANICS} §2 Leakage (DP-ICL)`,
  };
}

/**
 * DP-ICL for generation aggregates the E answers in one of two ways, and both send the query
 * again: KSA once more, ESA E more times for its zero-shot candidates (docs/derivations.md §3
 * "Leakage"). The ledger counts the E teacher copies every variant sends, and says so.
 */
function generationNote(scenario: Scenario, formatQuantity: (x: number) => string): string {
  if (scenario.task !== "generation") return "";
  const e = scenario.knobs["dp-icl"].ensemble;
  return ` Generation adds copies by aggregation variant: KSA ${formatQuantity(e + 1)}, ESA ${formatQuantity(2 * e + 1)} in all (counted here: the ${formatQuantity(e)} every variant sends).`;
}

// ---------------------------------------------------------------------------------------------
// DP-ICL's cost work (Hanke et al. 2024, Appendix D): no training; E teacher calls per query.
// ---------------------------------------------------------------------------------------------

/**
 * Per query: E teacher prompts of s shots answer it (dpIclQueryTokens); with the original code's
 * options, the contextual-calibration echo calls per teacher, and KSA's final keyword call.
 * @example dpIclCost.work(SAMSum, Davinci, E = 100, s = 1).perQuery[0] // 100 calls, 30,733.4 input, 2,562 output tokens ($665.91 per 10k, Table 4)
 */
function dpIclWork({ scenario, options, classes, calibration, assumptions, sources }: WorkContext): ReturnType<MethodCost["work"]> {
  const li = scenario.inTokens;
  const lo = scenario.outTokens;
  const k = scenario.knobs["dp-icl"];
  const q = dpIclQueryTokens({ ensemble: k.ensemble, shots: k.shots, inTokens: li, outTokens: lo });
  const perQuery: LlmCalls[] = [{
    kind: "llm-calls", phase: "query", id: "teachers", label: "Teacher prompts answer the query (ensemble vote)", ...q, shots: { knob: "dp-icl.shots", count: k.shots, tokensEach: li + lo },
    formula: `${k.ensemble} calls; input ${k.ensemble} × (${k.shots} × (ℓin + ℓout) + ℓin), output ${k.ensemble} × ℓout`,
  }];
  if (calibration) {
    const c = calibrationTokens({ prompts: k.ensemble, shots: k.shots, inTokens: li, outTokens: lo, classes: classes! });
    perQuery.push({ kind: "llm-calls", phase: "query", id: "calibration", label: "Contextual-calibration echo calls (original code)", ...c, shots: { knob: "dp-icl.shots", count: k.shots, tokensEach: li + lo }, option: "calibrationCalls",
      formula: `${k.ensemble} teachers × ${CALIBRATION_CONTENT_FREE_INPUTS} content-free inputs × ${classes} labels; input each ${k.shots} × (ℓin + ℓout) + ${CALIBRATION_CONTENT_FREE_TOKENS} + ℓout` });
  }
  if (options.finalKeywordCall === true && scenario.task === "generation") {
    // KSA writes the answer from a zero-shot prompt plus the released keywords; we take the
    // keywords to be as long as an answer (ℓout) [derived, docs/derivations.md §3: ≈ +$3.83 per 10k on SAMSum/Davinci].
    perQuery.push({ kind: "llm-calls", phase: "query", id: "final-keyword-call", label: "Final call writing the answer from the private keywords (original code, KSA)",
      calls: 1, inputTokens: li + lo, outputTokens: lo, longestCallTokens: li + 2 * lo, option: "finalKeywordCall", formula: "1 call; input ℓin + ℓout (keywords), output ℓout" });
  }
  sources.push("Wu et al., ICLR 2024 (DP-ICL)", "DP-ICL code: github.com/sprintml/OpenLLMs (DP-ICL), github.com/tongwu2020/DP-ICL");
  assumptions.push("No training cost: teacher prompts are drawn afresh for every query and building them is free (Appendix D).");
  return { training: [], perQuery, assumptions, sources };
}

const dpIclCost: MethodCost = { work: dpIclWork, instructionTokens: "every-prompt" };

/**
 * DP-ICL's card (./card.ts): its catalogue row and its share-link knobs `dp-icl.<knob>`,
 * with their defaults per dataset (docs/derivations.md §S8: Hanke et al. 2024, Tables 8–20 and
 * Appendix D; `defaultsNote` marks what the study did not itself use). lib/scenario reads it.
 */
export const dpIclCard = {
  id: "dp-icl", label: "DP-ICL", llm: "closed", mechanism: "ensemble-vote",
  summary: "Each query is answered by an ensemble of few-shot prompts built from private records; the votes are aggregated with noise.",
  source: "Wu et al., ICLR 2024; Hanke et al. 2024, Table 2",
  inStudy: true,
  runsOnOpenModels: true,
  knobs: {
    ensemble: ensembleKnob("Teacher prompts that answer every query (10 for classification, 100 for generation in the study)."),
    shots: shotsKnob("Private records in each teacher prompt, redrawn for every query."),
  },
  defaults: {
    ensemble: perDataset(10, 10, 10, 10, 100, 100, 100, 100),
    shots: perDataset(4, 4, 4, 4, 1, 1, 1, 1),
  },
  defaultsNote: "Classification: 10 teachers × 4 shots (Table 13). Generation: 100 teachers × 1 shot (Appendix D). MIT-G/MIT-D were not run with DP-ICL: generation defaults assumed.",
} as const satisfies MethodCard;

export const dpIcl: MethodDescriptor<typeof dpIclCard> = {
  card: dpIclCard,
  id: dpIclCard.id,
  label: dpIclCard.label,
  llm: dpIclCard.llm,
  queriesSpendBudget: true,
  sources: SOURCES,
  privacyEvent(scenario) {
    const s = setup(scenario);
    const sigma = dpIclPrivacy(scenario).noiseMultiplier ?? usefulVoteNoise(s.ensemble, s.classes);
    return selfComposed(s.queries, queryEvent(s, sigma));
  },
  privacy: dpIclPrivacy,
  dataRequirements: dpIclDataRequirements,
  cost: dpIclCost,
  leakage: { needsLocalWeights: false, providerExposure: dpIclProviderExposure, dpArtefact: null },
  paperNames: { classification: "DP-ICL", generation: "DP-ICL" },
  // Okabe–Ito vermillion.
  style: { color: { light: "#D55E00", dark: "#D55E00" }, marker: "circle" },
};
