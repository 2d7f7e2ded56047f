/**
 * DP-OPT (Hong et al., ICLR 2024), docs/derivations.md §7.
 *
 * A local LLM writes the instruction token by token. For each token, E meta-prompts of s private
 * demonstrations are sampled (Poisson at q = E·s/n_train) and vote; the LimitedDomain Gumbel
 * mechanism releases the top token with ε_tok-DP except with probability δ0 (it may also refuse).
 * Accounting (DP-OPT `dp_accountant.py`): autodp general amplification (P6) of the EM's RDP at
 * q' = q(1−δ0)/(1−qδ0), composed over the token queries, improved conversion at δ1 on integer
 * orders 2…199, total δ = δ1 + δ0·q·niter. DP-OPT charges δ0 per token, so its code is sound.
 *
 * What the budget buys: ε_tok for the planned instruction (δ split δ1 = δ/2, δ0 = δ/(2·q·niter)),
 * and the most token queries at the smallest useful ε_tok. n_train = N minus DP-OPT's 1% holdout.
 */
import {
  computeEpsilon, exponential, largestInteger, largestIntegerAtMost, poissonSampled, requireCount, requireInterval, requirePositive, searchParameter, selfComposed, withFailure,
  type DpEvent,
} from "../privacy";

// Module-level bindings of globals used in the searches (see lib/privacy/calibrate.ts: a global
// lookup inside a vm context, as in Jest, is much slower).
const math = Math;
const INFINITY = Infinity;
import type { Scenario } from "../scenario";
import { singleCallTokens, type MethodCost, type WorkContext } from "../cost/work-types";
import { HANKE, MECHANICS, clippedRate, count, finiteOrNull, requirement } from "./common";
import type { AsOriginalCode, DataRequirement, ExposureContext, MethodDescriptor, MethodPrivacy, ProviderExposure } from "./types";
import { ensembleKnob, perDataset, shotsKnob, type MethodCard } from "./card";
import { formatEpsilon, formatFixed, formatPercentUpperBound } from "../present/format";

// ---------------------------------------------------------------------------------------------
// DP-OPT's token event, accountant and inverses: the method's DP recipe, built from lib/privacy's generic events and searches
// (moved here from lib/privacy/calibrate.ts, issue #16: lib/privacy holds nothing method-specific).
// ---------------------------------------------------------------------------------------------

/**
 * One DP-OPT token: LimitedDomain Gumbel vote (ε_tok-DP except with probability δ0) over a
 * Poisson sample at rate q = ensemble·demos/n_train (docs/derivations.md §7).
 */
export function dpOptTokenEvent(tokenEpsilon: number, failureProbability: number, samplingRate: number): DpEvent {
  return poissonSampled(samplingRate, withFailure(failureProbability, exponential(tokenEpsilon)));
}

/**
 * DP-OPT's accountant (`compose_subsampled_LimitedDomain_to_approxDP`): ε from P6 + improved
 * conversion on autodp's integer orders at δ1, and total δ = δ1 + δ0·q·niter.
 * @example dpOptEpsilon({ tokenEpsilon: 1.8, failureProbability: 5e-7, conversionDelta: 5e-7, samplingRate: 1025 / 66676, tokens: 100 }) // { epsilon ≈ 2.532312, delta ≈ 1.26864e-6 }
 */
export function dpOptEpsilon(input: { tokenEpsilon: number; failureProbability: number; conversionDelta: number; samplingRate: number; tokens: number; orders?: "autodp" | "default" }): { epsilon: number; delta: number; accountant: "rdp" } {
  const { tokenEpsilon, failureProbability, conversionDelta, samplingRate, tokens } = input;
  requireCount("tokens", tokens);
  requireInterval("conversionDelta", conversionDelta, 0, 1, true, true);
  const event = selfComposed(tokens, dpOptTokenEvent(tokenEpsilon, failureProbability, samplingRate));
  const failure = tokens * samplingRate * failureProbability;
  const total = conversionDelta + failure;
  if (!(total < 1)) return { epsilon: INFINITY, delta: 1, accountant: "rdp" };
  const r = computeEpsilon(event, total, { accountant: "rdp", orders: input.orders ?? "autodp" });
  return { epsilon: r.epsilon, delta: total, accountant: "rdp" };
}

/**
 * DP-OPT token budget: the most token queries within (ε, δ) at fixed ε_tok, δ0 and δ1
 * (the code's stopping rule: ε ≤ target and δ1 + δ0·q·niter ≤ δ).
 * @example dpOptTokenBudget({ tokenEpsilon: 1.8, failureProbability: 5e-7, conversionDelta: 5e-7, samplingRate: 1025 / 66676, targetEpsilon: 8, targetDelta: 1 / 66676 }) // 1,377 (docs/derivations.md §7)
 */
export function dpOptTokenBudget(input: { tokenEpsilon: number; failureProbability: number; conversionDelta: number; samplingRate: number; targetEpsilon: number; targetDelta: number; orders?: "autodp" | "default" }): number {
  const { targetEpsilon, targetDelta } = input;
  requirePositive("targetEpsilon", targetEpsilon);
  requireInterval("targetDelta", targetDelta, 0, 1, true, true);
  return largestInteger((tokens) => {
    const r = dpOptEpsilon({ ...input, tokens });
    return r.epsilon <= targetEpsilon && r.delta <= targetDelta;
  }, 10_000_000);
}

/**
 * ε_tok for DP-OPT to generate `tokens` token queries within (ε, δ), splitting δ as the
 * docs/derivations.md §7 inverse does: δ1 = δ/2 for the conversion and δ0 = δ/(2·q·tokens) per token.
 * @example calibrateTokenEpsilon({ targetEpsilon: 8, delta: 1 / 66676, samplingRate: 1025 / 66676, tokens: 2000 }).tokenEpsilon // ≈ 1.715
 */
export function calibrateTokenEpsilon(input: { targetEpsilon: number; delta: number; samplingRate: number; tokens: number; orders?: "autodp" | "default" }): { tokenEpsilon: number | null; failureProbability: number; epsilon: number; feasible: boolean; accountant: "rdp" } {
  const { targetEpsilon, delta, samplingRate, tokens } = input;
  requireInterval("samplingRate", samplingRate, 0, 1, true, false);
  const conversionDelta = delta / 2;
  const failureProbability = math.min(0.5, delta / (2 * samplingRate * math.max(1, tokens)));
  const eps = (tokenEpsilon: number) => dpOptEpsilon({ tokenEpsilon, failureProbability, conversionDelta, samplingRate, tokens, orders: input.orders }).epsilon;
  const search = searchParameter({ evaluate: eps, targetEpsilon, direction: "increasing", minimum: 1e-4, maximum: 100, initial: 1, relativeTolerance: 1e-5 });
  return { tokenEpsilon: search.value, failureProbability, epsilon: search.value === null ? search.epsilon : eps(search.value), feasible: search.feasible, accountant: "rdp" };
}

/** Where the search for the largest allowed workload stops; reaching it makes `allowed` a lower bound (budget.capped). */
const ALLOWED_SEARCH_LIMIT = 10_000_000;

const SOURCES = [
  "Hong et al., DP-OPT: Make Large Language Model Your Privacy-Preserving Prompt Engineer, ICLR 2024",
  HANKE,
  `${MECHANICS} §7 (VITA-Group/DP-OPT utils/dp_accountant.py)`,
] as const;

/** The code's SST-2 sweep setting for ε = 8 (docs/derivations.md §7). */
export const CODE_TOKEN_EPSILON = 1.8;
export const CODE_FAILURE_PROBABILITY = 5e-7;

/**
 * Smallest useful ε_tok [assumption]: the LimitedDomain threshold h_(k̄+1) + 1 + ln(2/δ0)/ε_tok
 * must be passable by a unanimous vote of E meta-prompts, i.e. ε_tok ≥ ln(2/δ0)/(E − 1).
 */
export function usefulTokenEpsilon(ensemble: number, failureProbability: number): number {
  // log 2 − log δ0 rather than log(2/δ0): 2/δ0 overflows for subnormal δ0.
  return (Math.LN2 - Math.log(failureProbability)) / Math.max(1, ensemble - 1);
}

function trainingRecords(records: number): number {
  return Math.max(1, records - Math.floor(records / 100));
}

function failureFor(delta: number, samplingRate: number, tokens: number): number {
  return Math.min(0.5, delta / (2 * samplingRate * Math.max(1, tokens)));
}

export function dpOptPrivacy(scenario: Scenario): MethodPrivacy {
  const { ensemble, shots, tokens } = scenario.knobs["dp-opt"];
  const notes: string[] = [];
  const nTrain = trainingRecords(scenario.records);
  const rate = clippedRate(ensemble * shots, nTrain, "meta-prompts × demonstrations per token");
  if (rate.note) notes.push(rate.note);
  const q = rate.rate;
  notes.push(`n_train = ${nTrain} (1% of the records held out for DP-OPT's private prompt selection, which composes in parallel). Planned token queries = the ${tokens} instruction tokens, one candidate, no retries [assumption: the code generates several candidates and retries failed tokens, each costing a query].`);
  notes.push("Accountant: RDP with autodp's general amplification (P6). The PRV accountant has no model of a step that fails with probability δ0.");
  if (!(scenario.delta / 2 > 0) || !(failureFor(scenario.delta, q, tokens) > 0)) {
    notes.push(`δ = ${scenario.delta} is too small to split into a conversion δ1 and a per-token δ0 in double precision: DP-OPT cannot run at this δ.`);
    return {
      method: "dp-opt", label: "DP-OPT", feasible: false, targetEpsilon: scenario.epsilon, epsilon: null, delta: scenario.delta, accountant: "rdp",
      noiseMultiplier: null, mechanism: { parameter: "tokenEpsilon", value: null, unit: "ε per token (LimitedDomain)" },
      budget: { unit: "token queries", planned: tokens, allowed: 0, allowedAccountant: "rdp" }, samplingRate: q, minFeasibleEpsilon: null,
      asOriginalCode: null, notes, sources: [...SOURCES],
    };
  }
  const calibration = calibrateTokenEpsilon({ targetEpsilon: scenario.epsilon, delta: scenario.delta, samplingRate: q, tokens, orders: "autodp" });
  const minUseful = usefulTokenEpsilon(ensemble, calibration.failureProbability);
  const feasible = calibration.feasible && calibration.tokenEpsilon !== null && calibration.tokenEpsilon >= minUseful;
  notes.push(`Useful limit [assumption]: ε_tok ≥ ${formatFixed(minUseful, 4)}, so that a unanimous vote of ${ensemble} can pass the LimitedDomain threshold.`);
  const epsilonAt = (n: number) => {
    const f = failureFor(scenario.delta, q, n);
    return dpOptEpsilon({ tokenEpsilon: usefulTokenEpsilon(ensemble, f), failureProbability: f, conversionDelta: scenario.delta / 2, samplingRate: q, tokens: n, orders: "autodp" }).epsilon;
  };
  // ε grows with n (more tokens, and a smaller δ0 = δ/(2qn) forcing a larger useful ε_tok), so the
  // largest n within the budget is found from ε's values: each n is a fresh P6 curve (~0.3 ms).
  const allowed = largestIntegerAtMost(epsilonAt, scenario.epsilon, ALLOWED_SEARCH_LIMIT);
  let minFeasibleEpsilon: number | null | undefined;
  if (!feasible) {
    minFeasibleEpsilon = finiteOrNull(epsilonAt(tokens));
    notes.push(allowed === 0 ? `DP-OPT cannot generate even one token at ε = ${scenario.epsilon} with a useful ε_tok.` : `The budget allows ${allowed} token queries, fewer than the ${tokens} planned.`);
  }
  const codeBudget = dpOptTokenBudget({ tokenEpsilon: CODE_TOKEN_EPSILON, failureProbability: CODE_FAILURE_PROBABILITY, conversionDelta: CODE_FAILURE_PROBABILITY, samplingRate: q, targetEpsilon: scenario.epsilon, targetDelta: scenario.delta });
  const codeRun = dpOptEpsilon({ tokenEpsilon: CODE_TOKEN_EPSILON, failureProbability: CODE_FAILURE_PROBABILITY, conversionDelta: CODE_FAILURE_PROBABILITY, samplingRate: q, tokens: Math.max(1, codeBudget) });
  const asOriginalCode: AsOriginalCode = {
    summary: `The code runs with fixed ε_tok = ${CODE_TOKEN_EPSILON}, δ0 = δ1 = ${CODE_FAILURE_PROBABILITY} (its ε = 8 sweep) and stops generating when the budget is spent: here after ${codeBudget} token queries.`,
    mechanism: { parameter: "tokenEpsilon", value: CODE_TOKEN_EPSILON, unit: "ε per token", extra: { failureProbability: CODE_FAILURE_PROBABILITY, tokenQueries: codeBudget } },
    reportedEpsilon: codeBudget > 0 ? finiteOrNull(codeRun.epsilon) : null,
    reportedDelta: codeBudget > 0 ? codeRun.delta : null,
    reportedAccountant: "rdp",
    soundEpsilon: codeBudget > 0 ? finiteOrNull(codeRun.epsilon) : null,
    soundDelta: codeBudget > 0 ? codeRun.delta : null,
    reason: "DP-OPT's accountant is sound (it charges δ0 for every token query); the difference is only the fixed per-token setting, which the code tuned for ε = 8 on SST-2 (docs/derivations.md §7).",
  };
  return {
    method: "dp-opt",
    label: "DP-OPT",
    feasible,
    targetEpsilon: scenario.epsilon,
    epsilon: finiteOrNull(calibration.epsilon),
    delta: scenario.delta,
    accountant: "rdp",
    noiseMultiplier: null,
    mechanism: { parameter: "tokenEpsilon", value: calibration.tokenEpsilon, unit: "ε per token (LimitedDomain)", extra: { failureProbability: calibration.failureProbability, conversionDelta: scenario.delta / 2, usefulTokenEpsilon: minUseful } },
    budget: { unit: "token queries", planned: tokens, allowed, allowedAccountant: "rdp", ...(allowed === ALLOWED_SEARCH_LIMIT ? { capped: true as const } : {}) },
    samplingRate: q,
    ...(minFeasibleEpsilon !== undefined ? { minFeasibleEpsilon } : {}),
    asOriginalCode,
    notes,
    sources: [...SOURCES],
  };
}

/**
 * DP-OPT holds 1% of the records out to select the best instruction privately and, for every
 * instruction token, samples E meta-prompts of s demonstrations from the rest (Hong et al. 2024,
 * Section 3; VITA-Group/DP-OPT train_opt.py, utils/dln.py). So one token needs E·s distinct
 * records out of n_train = N − ⌊N/100⌋ (205 × 5 = 1,025 by default), and the holdout at least one.
 * @example N = 100: n_train = 99 < 1,025, so DP-OPT cannot vote on a single token.
 */
export function dpOptDataRequirements(scenario: Scenario): DataRequirement[] {
  const { ensemble, shots } = scenario.knobs["dp-opt"];
  const holdout = Math.floor(scenario.records / 100);
  const nTrain = scenario.records - holdout;
  const needed = ensemble * shots;
  const source = "Hong et al., ICLR 2024, Section 3 (DP-OPT); VITA-Group/DP-OPT train_opt.py, utils/dln.py";
  return [
    requirement({
      id: "records-per-token", what: `distinct private demonstrations per instruction token (E × s = ${count(ensemble)} × ${count(shots)})`, needed, available: nTrain,
      unmet: `DP-OPT's ${count(ensemble)} meta-prompts × ${count(shots)} demonstration${shots === 1 ? "" : "s"} need ${count(needed)} distinct private records for every instruction token; only ${count(nTrain)} remain after the 1% holdout.`,
      met: `Each instruction token draws ${count(needed)} of the ${count(nTrain)} training records.`,
      source,
    }),
    requirement({
      id: "holdout", what: "private records held out (⌊N/100⌋) to select the best instruction", needed: 1, available: holdout,
      unmet: `DP-OPT selects its instruction on a 1% private holdout, which is empty at N = ${count(scenario.records)} (⌊N/100⌋ = 0).`,
      met: `${count(holdout)} record${holdout === 1 ? "" : "s"} (1%) held out to select the instruction.`,
      source,
    }),
  ];
}

/**
 * What DP-OPT sends a provider: the instruction is written on a local open LLM and only it
 * travels (docs/derivations.md §7): no raw record, but a DP text that at the plan's achieved ε
 * may still paraphrase records, so channel A is "partial".
 */
function dpOptProviderExposure({ scenario, bound, tools: t }: ExposureContext): ProviderExposure {
  const { tokens } = scenario.knobs["dp-opt"];
  const tpr1 = bound.points[0]?.tprMax ?? 1;
  // The instruction is as private as the plan achieves (the bound is channel C's), not the target.
  const eps = formatEpsilon(bound.epsilon);
  return {
    records: 0, expected: false, fraction: 0, recordSends: 0, queryCopies: 1,
    channelA: {
      status: "partial",
      formula: `0 raw records; the ${tokens}-token instruction is (${eps}, ${t.formatParameter(bound.delta)})-DP: ${bound.formula}`,
      reason: `No raw record is sent; the ${tokens}-token instruction sent with every query is DP, but at ε = ${eps} it may still paraphrase private records (a membership test at FPR 1% can reach TPR ${formatPercentUpperBound(tpr1)}).`,
    },
    source: `${MECHANICS} §7 Leakage (DP-OPT); docs/derivations.md §S2`,
  };
}

// ---------------------------------------------------------------------------------------------
// DP-OPT's cost work (docs/derivations.md §7): the instruction is searched on a local Vicuna 7B
// (GPU work, no API calls); each query is one call with the instruction in front of it.
// ---------------------------------------------------------------------------------------------

/** DP-OPT's code generates 40 candidate instructions in the SST-2 sweep (docs/derivations.md §7; VITA-Group/DP-OPT, train_opt.py). */
export const DP_OPT_CANDIDATE_PROMPTS = 40;
/** DP-OPT selects the best candidate on a 1% private holdout (docs/derivations.md §7; VITA-Group/DP-OPT, train_opt.py). */
export const DP_OPT_HOLDOUT_FRACTION = 0.01;

/**
 * Forward tokens of DP-OPT's local prompt search: for each of the candidate instructions and each
 * of its L tokens, E meta-prompts of s demos plus the t tokens written so far (no KV reuse, since
 * demos are resampled per token), plus scoring every candidate on a 1% holdout.
 *
 * tokens = K·E·(L·(s·(ℓin+ℓout) + I) + L(L−1)/2) + K·⌈0.01·N⌉·(L + ℓin + ℓout), I = instruction tokens
 */
export function dpOptSearchTokens(p: { candidates: number; ensemble: number; shots: number; tokens: number; records: number; inTokens: number; outTokens: number; instructionTokens?: number }) {
  const L = p.tokens;
  // Every forward pass of the search is one meta-prompt, and each carries the meta-instruction.
  const generation = p.candidates * p.ensemble * (L * (p.shots * (p.inTokens + p.outTokens) + (p.instructionTokens ?? 0)) + (L * (L - 1)) / 2);
  const holdout = p.candidates * Math.ceil(DP_OPT_HOLDOUT_FRACTION * p.records) * (L + p.inTokens + p.outTokens);
  // Longest pass: a meta-prompt of s demos plus the L − 1 instruction tokens so far, voting on the last one;
  // or scoring the finished instruction on a holdout record.
  const longestCallTokens = Math.max(p.shots * (p.inTokens + p.outTokens) + (p.instructionTokens ?? 0) + L, L + p.inTokens + p.outTokens);
  return { generation, holdout, total: generation + holdout, longestCallTokens };
}

/** DP-OPT's search (a local-forward item on Vicuna 7B) and one instruction-prefixed call per query. */
function dpOptWork({ scenario, assumptions, sources }: WorkContext): ReturnType<MethodCost["work"]> {
  const li = scenario.inTokens;
  const lo = scenario.outTokens;
  const k = scenario.knobs["dp-opt"];
  const t = dpOptSearchTokens({ candidates: DP_OPT_CANDIDATE_PROMPTS, ensemble: k.ensemble, shots: k.shots, tokens: k.tokens, records: scenario.records, inTokens: li, outTokens: lo, instructionTokens: scenario.instructionTokens });
  const q = singleCallTokens({ promptTokens: k.tokens, inTokens: li, outTokens: lo });
  sources.push("Hong et al., ICLR 2024 (DP-OPT)", "DP-OPT code: github.com/VITA-Group/DP-OPT");
  assumptions.push(`The instruction is searched on a local Vicuna 7B: ${DP_OPT_CANDIDATE_PROMPTS} candidates of ${k.tokens} tokens (DP-OPT code's SST-2 sweep), scored on a 1% holdout.`);
  return {
    assumptions, sources,
    training: [{ kind: "local-forward", phase: "training", id: "prompt-search", label: "Private instruction search on a local Vicuna 7B (no API calls)", localModel: "vicuna-7b", tokens: t.total, longestCallTokens: t.longestCallTokens,
      ...(t.longestCallTokens === k.shots * (li + lo) + scenario.instructionTokens + k.tokens ? { shots: { knob: "dp-opt.shots", count: k.shots, tokensEach: li + lo } } : {}),
      formula: `${DP_OPT_CANDIDATE_PROMPTS} candidates × ${k.ensemble} meta-prompts × Σ over ${k.tokens} tokens of (${k.shots} × (ℓin + ℓout) + ${scenario.instructionTokens} instruction tokens + t) + holdout scoring` }],
    perQuery: [{ kind: "llm-calls", phase: "query", id: "instruction", label: "Generated instruction answers the query", ...q, shots: { knob: "dp-opt.tokens", count: k.tokens, tokensEach: 1 }, formula: `1 call; input ${k.tokens} + ℓin, output ℓout` }],
  };
}

const dpOptCost: MethodCost = {
  work: dpOptWork,
  // Every call (the query's) carries the instruction; the search adds it per meta-prompt above.
  instructionTokens: "every-prompt",
  // The search runs on the curator's GPU even when the queries go to a closed API (Hanke et al. 2024, Table 3: "DP-OPT (local)").
  trainsLocally: true,
};

/**
 * DP-OPT's card (./card.ts): its catalogue row and its share-link knobs `dp-opt.<knob>`,
 * with their defaults per dataset (docs/derivations.md §S8: Hanke et al. 2024, Tables 8–20 and
 * Appendix D; `defaultsNote` marks what the study did not itself use). lib/scenario reads it.
 */
export const dpOptCard = {
  id: "dp-opt", label: "DP-OPT", llm: "closed", mechanism: "token-generation",
  summary: "A local open LLM writes an instruction token by token with a DP ensemble vote; only the instruction is used with the closed API.",
  source: "Hong et al., ICLR 2024; Hanke et al. 2024, Table 2",
  inStudy: true,
  runsOnOpenModels: true,
  knobs: {
    ensemble: ensembleKnob("Meta-prompts that vote on each instruction token (205 in DP-OPT's code)."),
    shots: shotsKnob("Private demonstrations per meta-prompt (5 in DP-OPT's code)."),
    tokens: { label: "Instruction tokens", unit: "tokens", description: "Tokens of the generated instruction sent with every query (at most 50 in DP-OPT's code).", min: 1, max: 10000, integer: true },
  },
  defaults: {
    ensemble: perDataset(205, 205, 205, 205, 205, 205, 205, 205),
    shots: perDataset(5, 5, 5, 5, 5, 5, 5, 5),
    // The paper's SST2 query-cost example uses a 39-token learned prompt.
    tokens: perDataset(39, 39, 39, 39, 50, 50, 50, 50),
  },
  defaultsNote: "205 meta-prompts × 5 demos (DP-OPT code); 39-token instruction for classification (paper's SST2 example), 50 for generation [assumption].",
} as const satisfies MethodCard;

export const dpOpt: MethodDescriptor<typeof dpOptCard> = {
  card: dpOptCard,
  id: dpOptCard.id,
  label: dpOptCard.label,
  llm: dpOptCard.llm,
  queriesSpendBudget: false,
  sources: SOURCES,
  privacyEvent(scenario) {
    const { tokens } = scenario.knobs["dp-opt"];
    const p = dpOptPrivacy(scenario);
    const f = p.mechanism.extra?.failureProbability ?? 0;
    return selfComposed(tokens, dpOptTokenEvent(p.mechanism.value ?? p.mechanism.extra?.usefulTokenEpsilon ?? 1, f, p.samplingRate));
  },
  privacy: dpOptPrivacy,
  dataRequirements: dpOptDataRequirements,
  cost: dpOptCost,
  leakage: { needsLocalWeights: false, providerExposure: dpOptProviderExposure, dpArtefact: "a DP instruction" },
  // Table 3: "DP-OPT (original)" on a closed model, "DP-OPT (local)" on Vicuna 7B.
  paperNames: { classification: "DP-OPT (original)", generation: "DP-OPT (original)", onOpenModel: { classification: "DP-OPT (local)", generation: "DP-OPT (local)" } },
  // Okabe–Ito black, light grey on a dark background.
  style: { color: { light: "#000000", dark: "#E8E8E8" }, marker: "diamond" },
};
