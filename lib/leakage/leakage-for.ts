/**
 * The leakage ledger: for one method on one model in one scenario, who sees what, and how much.
 *
 * The study's three channels (Hanke et al. 2024, Section 2 and Fig. 1; docs/derivations.md §S1):
 * - A: the curator's private training records reach the LLM provider while prompts are built;
 * - B: the querying party's queries reach the provider at inference;
 * - C: the curator's records reach the querying party through the answers.
 * DP bounds only C. A and B depend on where the model runs (`deploymentOf`): on a provider's API,
 * or on an open model served by a host, they are plaintext to that provider or host, whatever ε
 * says; on an open model on the curator's own GPU nothing leaves the curator.
 *
 * Counts are expectations under each method's sampling (docs/derivations.md §2–§8 "Leakage",
 * §11 summary), with the formula and its inputs kept beside every number.
 */
// Straight from the module, not lib/estimate's index: that index imports this one.
import { batchDataNote } from "../cost/api-options";
import { privacyFeasibility, type RowFeasibility } from "../estimate/feasibility";
import { methodDescriptor, methodPrivacy, type LedgerTools, type MethodPrivacy } from "../methods";
// Straight from the module: lib/methods' index leaves the channel types to this domain's index.
import type { LeakageChannel, LeakageChannelStatus } from "../methods/types";
import { METHODS, MODELS, deploymentOf, type Deployment, type MethodId, type ModelId, type Scenario } from "../scenario";
import { expectedDistinctRecords } from "./exposure";
import { formatEpsilon, formatEpsilonTarget, formatParameter, formatPercent, formatPercentUpperBound, formatQuantity } from "../present/format";
import { membershipTestBound, type MembershipTestBound } from "./membership-test";
import { describeProviderPolicy, hostName, hostPolicy, providerPolicyFor, type ProviderDataPolicy } from "./provider-policy";

export type LeakageChannelId = "A" | "B" | "C";
// The channel types live with the method descriptors, which build channel A (lib/methods/types.ts).
export type { LeakageChannel, LeakageChannelStatus };

export type LeakageChannels = Record<LeakageChannelId, LeakageChannel>;

/**
 * Where the adapted model answers: on a closed model's API (`provider-api`), on an open model
 * served by a host (`hosted`; the host is the provider), or on the curator's own GPU (`local`).
 */
export type LeakageDeployment = Deployment;

export interface LeakageRow {
  method: MethodId;
  model: ModelId;
  deployment: LeakageDeployment;
  /** Who receives channels A and B (a closed model's provider, or the host of a hosted open model); null when local. */
  provider: string | null;
  /** Expected distinct private training records sent in plaintext, in records (≤ N). */
  trainingRecordsToProvider: number;
  /** The same as a fraction of N, in [0, 1]. */
  trainingFractionToProvider: number;
  /** Tokens of those distinct records: records × (input + output tokens per record). */
  trainingTokensToProvider: number;
  /** Times a private record is placed in a request, repeats counted, in record-sends. */
  trainingRecordSendsToProvider: number;
  /** Copies of each query sent to the provider (0 when local). */
  queryCopiesToProvider: number;
  /** Query copies over the scenario's life: copies × queries. */
  querySendsToProvider: number;
  /** Query input tokens sent over the scenario's life: copies × queries × input tokens. */
  queryTokensToProvider: number;
  channels: LeakageChannels;
  /** Channel C as a membership-inference hypothesis test at FPR 1%, 5%, 10%. */
  hypothesisTest: MembershipTestBound;
  /** The provider's stated data policy (a host's is "unknown": we do not know the host), or null when local. */
  providerPolicy: ProviderDataPolicy | null;
  /** One sentence in words. */
  statement: string;
  sources: string[];
}

/**
 * What channel C can claim depends on the plan, not on the target alone: the ε the calibrated
 * setting achieves (`privacy.epsilon`, null when unbounded), the δ it charges, the target it was
 * asked for, and whether the row can run as specified (lib/estimate/feasibility.ts).
 * A full MethodPrivacy fits; only these fields are read.
 */
export interface LeakagePlan {
  privacy: Pick<MethodPrivacy, "targetEpsilon" | "epsilon" | "delta">;
  feasibility: RowFeasibility;
}

/**
 * Whether the ledger is defined for this pairing. Any method can run on a local open model
 * (the study ran DP-ICL on OpenLLaMA 13B and DP-OPT on Vicuna 7B locally, docs/derivations.md §S2);
 * DP-SGD methods (`leakage.needsLocalWeights` in their lib/methods file) cannot use a closed API,
 * which exposes neither weights nor gradients.
 * @example leakageDefinedFor("private-lora", "gpt-4-turbo") // false
 */
export function leakageDefinedFor(method: MethodId, model: ModelId): boolean {
  return MODELS[model].llm === "open" || !methodDescriptor(method).leakage.needsLocalWeights;
}

const MECHANICS = "docs/derivations.md";

/** The ledger's arithmetic and number formatting, handed to each method's `providerExposure`. */
const TOOLS: LedgerTools = { expectedDistinctRecords, formatQuantity, formatPercent, formatParameter };

/**
 * The leakage ledger row for `method` on `model` in `scenario`.
 *
 * - Channel A, records to the provider: DP-ICL N·(1 − (1 − E·s/N)^Q) (fresh shots per query);
 *   DP-FewShotGen N·(1 − (1 − MN/N)^(T·d)) (fresh shots per generated token); PromptPATE and
 *   PromptPATEGen on an API min(N, E·s) (fixed teachers); DP-OPT 0 raw records but "partial"
 *   (its DP instruction may paraphrase records at high ε); anything local 0.
 * - Channel B, queries to the provider: DP-ICL sends each query once per teacher (E copies);
 *   the others once; local 0. Tokens = copies × Q × input tokens.
 * - Channel C: what the answers reveal to the querying party, bounded by the (ε, δ) the plan
 *   *achieves* (see channelFromPlan): "protected" only when the row is feasible and achieves the
 *   target; "partial" when it runs at a weaker finite ε or cannot run as specified; "exposed"
 *   when no finite ε bounds it. The membership-test bound is computed at the achieved (ε, δ).
 *
 * Where the model runs decides A and B (`deploymentOf`): on the curator's GPU nothing reaches a
 * provider; an open model served by a host makes the host the provider, and the method's prompts
 * and queries reach it as they would reach a closed model's API (a DP-SGD method still trains on
 * the curator's GPU, so the host receives its DP-trained artefact, not raw records).
 *
 * Units: records, record-sends, query copies, tokens; fractions in [0, 1].
 * Sources: Hanke et al. 2024, Section 2 and Fig. 1; docs/derivations.md §2–§8 and §11.
 *
 * @param plan the row's privacy and feasibility (lib/estimate passes the ones it shows); when
 *   absent they are computed here with methodPrivacy and privacyFeasibility, so no caller can get
 *   a channel C that claims the target without the plan reaching it.
 * @throws RangeError for a DP-SGD method on a closed model (see leakageDefinedFor)
 * @example
 * // SST2, DP-ICL (10 teachers × 4 shots), 872 queries, GPT-4 Turbo:
 * const row = leakageFor({ ...presetScenario("sst2"), queries: 872 }, "dp-icl", "gpt-4-turbo");
 * row.trainingFractionToProvider // ≈ 0.4074 (docs/derivations.md §2 gives 40.4% with N = 67,349)
 * row.queryCopiesToProvider // 10
 */
export function leakageFor(scenario: Scenario, method: MethodId, model: ModelId, plan?: LeakagePlan): LeakageRow {
  if (!leakageDefinedFor(method, model)) {
    throw new RangeError(`${method} trains with DP-SGD and needs a local open model; got closed model ${model}`);
  }
  const methodLabel = METHODS[method].label;
  const modelInfo = MODELS[model];
  const { hypothesisTest, channel: channelC, clause: dpClause } = channelFromPlan(plan ?? planOf(scenario, method));
  const sources = ["Hanke et al. 2024, Section 2 and Fig. 1", hypothesisTest.citation];

  const deployment = deploymentOf(scenario, model);
  if (deployment === "local") {
    const where = METHODS[method].llm === "closed" ? ` (${methodLabel} is a closed-LLM method run locally, as the study did with DP-ICL on OpenLLaMA 13B)` : "";
    const local = `${methodLabel} runs on ${modelInfo.label} on the curator's own hardware${where}`;
    return {
      method, model, deployment: "local", provider: null,
      trainingRecordsToProvider: 0, trainingFractionToProvider: 0, trainingTokensToProvider: 0, trainingRecordSendsToProvider: 0,
      queryCopiesToProvider: 0, querySendsToProvider: 0, queryTokensToProvider: 0,
      channels: {
        A: { status: "protected", reason: `${local}: no private training record leaves it.`, formula: "0 records (local model)" },
        B: { status: "protected", reason: `${local}: queries are answered locally and reach no provider.`, formula: "0 query copies (local model)" },
        C: channelC,
      },
      hypothesisTest, providerPolicy: null,
      statement: `${methodLabel} on ${modelInfo.label} runs locally: no private record and no query reaches any provider, and ${dpClause}.`,
      sources: [...sources, `${MECHANICS} §11`],
    };
  }

  const provider = deployment === "hosted" ? hostName(modelInfo.label) : modelInfo.provider;
  const x = methodDescriptor(method).leakage.providerExposure({ scenario, provider, bound: hypothesisTest, dpStatus: channelC.status, tools: TOOLS });
  const tokensPerRecord = scenario.inTokens + scenario.outTokens;
  const querySends = x.queryCopies * scenario.queries;
  const queryTokens = querySends * scenario.inTokens;
  const basePolicy = deployment === "hosted" ? hostPolicy(provider) : providerPolicyFor(model);
  // A batch API carries its own data handling (Anthropic's is not eligible for zero data
  // retention): the provider note says so when `batch=on` batches this method's stages (issue #17).
  const batchNote = deployment === "provider-api" ? batchDataNote(scenario, method, model) : null;
  const policy = basePolicy && batchNote ? { ...basePolicy, note: `${basePolicy.note} ${batchNote}` } : basePolicy;
  const copies = x.queryCopies === 1 ? "once" : `${formatQuantity(x.queryCopies)} times`;
  const channelB: LeakageChannel = x.queryChannel?.channel ?? {
    status: "exposed",
    formula: `copies × Q × input tokens = ${formatQuantity(x.queryCopies)} × ${formatQuantity(scenario.queries)} × ${formatQuantity(scenario.inTokens)} = ${formatQuantity(queryTokens)} tokens`,
    reason: `Every query is sent in plaintext to ${provider} ${copies}${x.copiesWhy ?? ""}; DP never protects queries.${x.queryNote ?? ""}`,
  };
  const aClause = x.aClause ?? (x.records > 0
    ? `${x.expected ? "an expected " : ""}${formatQuantity(x.records)} of ${formatQuantity(scenario.records)} private records (${formatPercent(x.fraction)})`
    : "no raw private record (but a DP instruction that may paraphrase them)");
  return {
    method, model, deployment, provider,
    trainingRecordsToProvider: x.records,
    trainingFractionToProvider: x.fraction,
    trainingTokensToProvider: x.records * tokensPerRecord,
    trainingRecordSendsToProvider: x.recordSends,
    queryCopiesToProvider: x.queryCopies,
    querySendsToProvider: querySends,
    queryTokensToProvider: queryTokens,
    channels: { A: x.channelA, B: channelB, C: channelC },
    hypothesisTest,
    providerPolicy: policy,
    statement: x.queryChannel
      ? `${methodLabel} on ${modelInfo.label} sends ${aClause} to ${provider}; ${x.queryChannel.clause}; ${dpClause}.`
      : `${methodLabel} on ${modelInfo.label} sends ${aClause} and every query ${copies} to ${provider} in plaintext; ${dpClause}.`,
    sources: [...sources, x.source, ...(policy ? [describeProviderPolicy(policy)] : [])],
  };
}

/** The plan as lib/estimate computes it, for callers that do not pass one. */
function planOf(scenario: Scenario, method: MethodId): LeakagePlan {
  const privacy = methodPrivacy(scenario, method);
  return { privacy, feasibility: privacyFeasibility(privacy) };
}

/** "reason one; reason two", or a generic phrase when a caller passed no reason. */
function reasonsText(feasibility: RowFeasibility): string {
  return feasibility.infeasibleReasons.length > 0 ? feasibility.infeasibleReasons.join("; ") : "the plan cannot run as specified";
}

/**
 * Channel C, its membership-test bound and the statement's clause, from what the plan achieves.
 *
 * DP bounds what the answers reveal only at the ε the calibrated setting actually reaches, so:
 * - protected: the row is feasible and achieved ε ≤ target; the bound is stated at the achieved
 *   (ε, δ), which is at least as strong as the target's (the TPR bound is non-decreasing in ε);
 * - partial: a finite ε bounds the answers but the plan misses the target (the bound is stated at
 *   the weaker achieved ε, e.g. 23.62 for a target of 8), or the plan cannot run as specified;
 * - exposed: no finite ε (unbounded or the computation failed): a membership test can reach
 *   TPR 100% at any FPR, so no guarantee is claimed.
 * @example
 * // PromptPATEGen on MIT-G at a target ε = 8 achieves only ε ≈ 23.62:
 * channelFromPlan({ privacy: { targetEpsilon: 8, epsilon: 23.62, delta: 3.39e-4 }, feasibility: { feasible: false, infeasibleReasons: ["…"] } }).channel.status // "partial"
 */
function channelFromPlan(plan: LeakagePlan): { hypothesisTest: MembershipTestBound; channel: LeakageChannel; clause: string } {
  const { privacy, feasibility } = plan;
  const achieved = privacy.epsilon;
  const d = formatParameter(privacy.delta);
  const target = formatEpsilonTarget(privacy.targetEpsilon);
  if (achieved === null || !Number.isFinite(achieved)) {
    const hypothesisTest = membershipTestBound(Infinity, privacy.delta);
    const formula = "no finite ε → TPR ≤ 100% at every FPR";
    const why = reasonsText(feasibility);
    return {
      hypothesisTest: { ...hypothesisTest, epsilon: null, formula, statement: `No finite ε bounds what the answers reveal (${why}): a membership test can be right every time, so no guarantee is claimed.` },
      channel: { status: "exposed", formula, reason: `No finite ε bounds what the answers reveal (${why}); no guarantee is claimed.` },
      clause: `no DP guarantee is claimed for its answers (${why})`,
    };
  }
  const hypothesisTest = membershipTestBound(achieved, privacy.delta);
  const e = formatEpsilon(achieved);
  const tpr1 = formatPercentUpperBound(hypothesisTest.points[0]?.tprMax ?? 1);
  if (feasibility.feasible && achieved <= privacy.targetEpsilon) {
    return {
      hypothesisTest,
      channel: { status: "protected", formula: hypothesisTest.formula, reason: hypothesisTest.statement },
      clause: `answers are (${e}, ${d})-DP, so a membership test at 1% false positives succeeds at most ${tpr1} of the time`,
    };
  }
  if (achieved > privacy.targetEpsilon) {
    const misses = `The plan misses the target ε = ${target}: it achieves only ε = ${e} (δ = ${d}).`;
    return {
      hypothesisTest,
      channel: { status: "partial", formula: hypothesisTest.formula, reason: `${misses} ${hypothesisTest.statement}` },
      clause: `answers are only (${e}, ${d})-DP, missing the target ε = ${target}, so the bound lets a membership test at 1% false positives succeed up to ${tpr1} of the time`,
    };
  }
  const why = reasonsText(feasibility);
  return {
    hypothesisTest,
    channel: { status: "partial", formula: hypothesisTest.formula, reason: `The plan cannot run as specified (${why}), so the guarantee of its planned setting is not claimed for what would run instead. As planned: ${hypothesisTest.statement}` },
    clause: `the plan cannot run as specified (${why}), so no DP guarantee is claimed for its answers; as planned they would be (${e}, ${d})-DP`,
  };
}
