/**
 * The recommendation: which of the compared (method, model) options meet the user's hard
 * constraints, in what order, and why each other one is out.
 *
 * It only reads what the other engines computed (cost, the study's utility, the leakage
 * ledger); it adds no numbers of its own.
 */
import type { LeakageChannelId, LeakageChannelStatus, LeakageChannels } from "../leakage";
import type { LlmFamily, MethodId, ModelId } from "../scenario";
import type { UtilityKind, UtilityMetric } from "../utility";
import { formatSignificant, formatUsdCents, formatUsdCentsUp } from "../present/format";

/** One compared option: the fields of an estimate row the recommendation needs. */
export interface RecommendOption {
  method: MethodId;
  model: ModelId;
  llm: LlmFamily;
  /** Training + querying cost for the scenario, in USD; null when it could not be computed. */
  totalCostUsd: number | null;
  utility: { value: number | null; kind: UtilityKind; metric: UtilityMetric };
  leakage: { channels: LeakageChannels };
  /**
   * Whether the plan can run as specified (lib/estimate/feasibility.ts: privacy, data, context).
   * An infeasible option is never ranked, whatever the constraints: its figures describe a plan
   * that will not run.
   */
  feasible: boolean;
  /** One line per unmet requirement; empty when feasible. */
  infeasibleReasons: readonly string[];
}

export interface RecommendConstraints {
  /** Largest acceptable total cost, in USD. */
  maxBudgetUsd?: number;
  /** Smallest acceptable utility, in the units of `utilityMetric` (accuracy in %, ROUGE in points). */
  minUtility?: number;
  /** The metric `minUtility` is stated in; defaults to the metric most options report. */
  utilityMetric?: UtilityMetric;
  /** Channels that must be fully protected ("partial" does not qualify). */
  mustProtect?: readonly LeakageChannelId[];
  /**
   * What "best" means among the options that qualify (issue #18, share link `rank`):
   * `privacy` (default, RANKING_RULE), `cost` (cheapest, then utility), `utility` (most
   * accurate, then cost). Ties then fall to method id, then model id, so the order is stable.
   */
  rankBy?: "privacy" | "cost" | "utility";
}

export interface RankedOption<T extends RecommendOption = RecommendOption> {
  option: T;
  /** 1 = recommended. */
  rank: number;
  /** One line: what puts it here. */
  why: string;
}

export interface ExcludedOption<T extends RecommendOption = RecommendOption> {
  option: T;
  /** Every constraint it fails, one clause each. */
  reasons: string[];
  /** The same as one line. */
  reason: string;
}

export interface Recommendation<T extends RecommendOption = RecommendOption> {
  ranked: RankedOption<T>[];
  excluded: ExcludedOption<T>[];
  /** The metric utilities were compared in (null when no option reports one). */
  utilityMetric: UtilityMetric | null;
  rule: string;
}

/**
 * The ranking rule, in words, for the UI. Privacy comes first because it is the one property
 * ε does not describe: the study's point is that A and B leak on a closed API whatever ε is.
 */
export const RANKING_RULE =
  "Options that can run as planned and meet every constraint are ranked by (1) exposure to the provider: the sum over channels A, B, C of 0 (protected), 1 (partial) or 2 (exposed), lower first; " +
  "(2) the study's utility in the compared metric, higher first, options without a comparable value after those with one; " +
  "(3) total cost, lower first, unknown cost last; (4) method id, then model id, so the order is stable.";

/** The rule each `rankBy` applies, in words. */
export const RANKING_RULES = {
  privacy: RANKING_RULE,
  cost: "Options that can run as planned and meet every constraint are ranked by (1) total cost, lower first, unknown cost last; (2) the study's utility in the compared metric, higher first; (3) method id, then model id.",
  utility: "Options that can run as planned and meet every constraint are ranked by (1) the study's utility in the compared metric, higher first, options without a comparable value last; (2) total cost, lower first; (3) method id, then model id.",
} as const;

const CHANNELS: readonly LeakageChannelId[] = ["A", "B", "C"];
const CHANNEL_WHAT: Record<LeakageChannelId, string> = {
  A: "private training data → provider",
  B: "queries → provider",
  C: "training data → querying party",
};
const STATUS_WEIGHT: Record<LeakageChannelStatus, number> = { protected: 0, partial: 1, exposed: 2 };

/** One formatter, built once: toLocaleString builds a new one per call, a measurable share of a decision. */

/** Sum of channel weights: 0 = nothing leaves, 6 = all three channels exposed. */
export function exposureScore(channels: LeakageChannels): number {
  return CHANNELS.reduce((sum, c) => sum + STATUS_WEIGHT[channels[c].status], 0);
}

/** The metric most options report (ties: first seen), or null when none reports a value. */
function dominantMetric(options: readonly RecommendOption[]): UtilityMetric | null {
  const counts = new Map<UtilityMetric, number>();
  for (const o of options) if (o.utility.value !== null) counts.set(o.utility.metric, (counts.get(o.utility.metric) ?? 0) + 1);
  let best: UtilityMetric | null = null;
  for (const [metric, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = metric;
  return best;
}

function validate(c: RecommendConstraints): void {
  if (c.maxBudgetUsd !== undefined && !(c.maxBudgetUsd >= 0)) throw new RangeError(`maxBudgetUsd must be a number ≥ 0; got ${c.maxBudgetUsd}`);
  if (c.minUtility !== undefined && Number.isNaN(c.minUtility)) throw new RangeError(`minUtility must be a number; got ${c.minUtility}`);
  for (const ch of c.mustProtect ?? []) if (!CHANNELS.includes(ch)) throw new RangeError(`mustProtect entries must be A, B or C; got ${String(ch)}`);
}

/**
 * Rank the compared options under hard constraints; explain each exclusion in one line.
 *
 * An option whose plan cannot run (feasible = false) is always excluded, first clause
 * "cannot run as planned: <its reasons>", so an infeasible option is never ranked or chosen.
 * Constraints (an option failing any is excluded, with every failed clause listed):
 * - mustProtect: each listed channel's status must be "protected";
 * - maxBudgetUsd: totalCostUsd ≤ budget (an unknown cost cannot be checked, so it is excluded);
 * - minUtility: utility.value ≥ minimum, in `utilityMetric` (unknown or other-metric utility is excluded).
 * The survivors are ordered by RANKING_RULE.
 *
 * @example
 * recommend(rows, { maxBudgetUsd: 50, minUtility: 90, mustProtect: ["A", "B"] })
 * // → { ranked: [{ rank: 1, option: PrivateLoRA on Llama3-8B, why: "protects A, B, C · accuracy 96 (measured) · $28.38" }, ...],
 * //     excluded: [{ option: DP-ICL on GPT-4 Turbo, reason: "channel A (private training data → provider) is exposed; ..." }] }
 */
export function recommend<T extends RecommendOption>(options: readonly T[], constraints: RecommendConstraints = {}): Recommendation<T> {
  validate(constraints);
  const metric = constraints.utilityMetric ?? dominantMetric(options);
  const must = [...new Set(constraints.mustProtect ?? [])];
  const eligible: T[] = [];
  const excluded: ExcludedOption<T>[] = [];

  for (const option of options) {
    const reasons: string[] = [];
    if (!option.feasible) reasons.push(`cannot run as planned: ${option.infeasibleReasons.length > 0 ? option.infeasibleReasons.join("; ") : "a requirement of the plan is not met"}`);
    for (const ch of must) {
      const status = option.leakage.channels[ch].status;
      if (status !== "protected") reasons.push(`channel ${ch} (${CHANNEL_WHAT[ch]}) is ${status}, must be protected`);
    }
    if (constraints.maxBudgetUsd !== undefined) {
      if (option.totalCostUsd === null) reasons.push(`cost unknown, cannot check the ${formatUsdCents(constraints.maxBudgetUsd)} budget`);
      else if (option.totalCostUsd > constraints.maxBudgetUsd) reasons.push(`costs ${formatUsdCentsUp(option.totalCostUsd)}, over the ${formatUsdCents(constraints.maxBudgetUsd)} budget`);
    }
    if (constraints.minUtility !== undefined) {
      const u = option.utility;
      if (u.value === null) reasons.push(`no utility measured by the study (${u.kind}), cannot check the minimum ${formatSignificant(constraints.minUtility, 4)}`);
      else if (u.metric !== metric) reasons.push(`utility is in ${u.metric}, not comparable with the minimum in ${metric}`);
      else if (u.value < constraints.minUtility) reasons.push(`${u.metric} ${formatSignificant(u.value, 4)} (${u.kind}) is below the minimum ${formatSignificant(constraints.minUtility, 4)}`);
    }
    if (reasons.length > 0) excluded.push({ option, reasons, reason: reasons.join("; ") });
    else eligible.push(option);
  }

  const comparable = (o: RecommendOption): number | null => (o.utility.value !== null && o.utility.metric === metric ? o.utility.value : null);
  const byUtility = (a: RecommendOption, b: RecommendOption): number => {
    const ua = comparable(a);
    const ub = comparable(b);
    if (ua === ub) return 0;
    if (ua === null) return 1;
    if (ub === null) return -1;
    return ub - ua;
  };
  const byCost = (a: RecommendOption, b: RecommendOption): number => {
    const ca = a.totalCostUsd;
    const cb = b.totalCostUsd;
    if (ca === cb) return 0;
    if (ca === null) return 1;
    if (cb === null) return -1;
    return ca - cb;
  };
  const byExposure = (a: RecommendOption, b: RecommendOption): number => exposureScore(a.leakage.channels) - exposureScore(b.leakage.channels);
  const order = { privacy: [byExposure, byUtility, byCost], cost: [byCost, byUtility], utility: [byUtility, byCost] }[constraints.rankBy ?? "privacy"];
  const sorted = [...eligible].sort((a, b) => {
    for (const compare of order) {
      const d = compare(a, b);
      if (d !== 0) return d;
    }
    return a.method.localeCompare(b.method) || a.model.localeCompare(b.model);
  });

  const ranked = sorted.map((option, i) => ({ option, rank: i + 1, why: describe(option, metric) }));
  return { ranked, excluded, utilityMetric: metric, rule: RANKING_RULES[constraints.rankBy ?? "privacy"] };
}

function describe(o: RecommendOption, metric: UtilityMetric | null): string {
  const protectedChannels = CHANNELS.filter((c) => o.leakage.channels[c].status === "protected");
  const leaking = CHANNELS.filter((c) => o.leakage.channels[c].status !== "protected").map((c) => `${c} ${o.leakage.channels[c].status}`);
  const privacy = leaking.length === 0 ? `protects ${protectedChannels.join(", ")}` : `${leaking.join(", ")}${protectedChannels.length ? `; protects ${protectedChannels.join(", ")}` : ""}`;
  const u = o.utility;
  const utility = u.value === null ? "utility not measured" : u.metric !== metric ? `${u.metric} ${formatSignificant(u.value, 4)} (${u.kind}; other metric, not compared)` : `${u.metric} ${formatSignificant(u.value, 4)} (${u.kind})`;
  const cost = o.totalCostUsd === null ? "cost unknown" : formatUsdCents(o.totalCostUsd);
  return `${privacy} · ${utility} · ${cost}`;
}
