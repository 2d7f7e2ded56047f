/**
 * The decision (issue #18): from the compared rows to one answer under the user's must-haves.
 *
 * It reads what the engines computed (cost, the study's utility, the leakage ledger, feasibility)
 * and ranks with lib/recommend; it adds no figure of its own. Its parts:
 * - `answer`: the first option lib/recommend ranks under the scenario's must-haves (`maxCost`,
 *   `minUtility`, `protect`) and rule (`rank`); lib/recommend never ranks an infeasible row, so the
 *   answer is always a feasible row meeting every must-have (test/invariants checks it);
 * - `runnerUp`: the second; `excluded`: every other option with its reasons;
 * - `relax`: when nothing qualifies, each must-have that, relaxed alone, gives an option, and by
 *   how much (the smallest change that does: the cheapest such option's cost for a budget, the
 *   best such option's utility for a minimum);
 * - `robust`: whether the answer beats the runner-up across the ranges of the figures that decide
 *   between them (a row's `costRange` where the cost model gives one, else its point cost; the
 *   study's ± spread on utility; exposure has no range);
 * - `flips`: thresholds at which the answer changes, found by bisection on the same engine
 *   (./flips.ts). They cost many estimates, so `estimate()` leaves them null and the API, the CLI
 *   and the statement fill them with `withFlips`.
 */
import type { EstimateRow } from "../estimate";
import type { LeakageChannelId } from "../leakage";
import { methodDescriptor } from "../methods";
import { formatPercent, formatQuantity } from "../present/format";
import { exposureScore, recommend, type RankedOption, type RecommendConstraints, type RecommendOption } from "../recommend";
import { modelLabelWithStatus, type MethodId, type ModelId, type Scenario } from "../scenario";
import type { UtilityKind, UtilityMetric } from "../utility";
import type { AnswerSensitivity } from "./analysis";
import { formatEpsilon, formatEpsilonTarget, formatSignificant, formatUsdCents, formatUsdCentsUp } from "../present/format";

export interface OptionId {
  method: MethodId;
  model: ModelId;
}

/** A channel that is not protected for the option: who would see what. */
export interface DecisionLeak {
  channel: LeakageChannelId;
  status: "partial" | "exposed";
  what: string;
}

export interface DecisionOption extends OptionId {
  methodLabel: string;
  modelLabel: string;
  /** Training + query cost in USD; null when a price is unknown. */
  totalCostUsd: number | null;
  utility: { value: number | null; metric: UtilityMetric; spread: number | null; kind: UtilityKind; source: string | null };
  /** The ε the plan achieves (lib/methods), not the target; null when no finite ε bounds it. */
  epsilon: number | null;
  /** The channels that are not protected; empty = A, B and C all protected. */
  leaks: DecisionLeak[];
  /** The option in one sentence: cost, utility, ε achieved and what leaks. */
  sentence: string;
}

export interface DecisionExclusion extends OptionId {
  reasons: string[];
}

export type MustHave = "maxCost" | "minUtility" | `protect.${LeakageChannelId}` | "eps" | "maxEps";

export interface Relaxation {
  /** The share-link key to change (`protect.B` = drop B from `protect`). */
  constraint: MustHave;
  /** The value that gives an option: a number for maxCost / minUtility / eps / maxEps, null for dropping a channel. */
  to: number | null;
  gives: OptionId;
  sentence: string;
}

export interface Flip {
  /** The input moved, e.g. `queries`, `n`, `tokens`, `eps`, `gpuPrice`, `apiPrices`. */
  input: string;
  /** The input's value at the threshold (in its own units: queries, records, ×tokens, ε, $/h, ×prices). */
  at: number;
  /** The answer just beyond the threshold; null when nothing qualifies there. */
  to: OptionId | null;
  sentence: string;
}

export interface Decision {
  answer: DecisionOption | null;
  runnerUp: DecisionOption | null;
  excluded: DecisionExclusion[];
  relax: Relaxation[];
  robust: boolean;
  /** Why `robust` is what it is, in one sentence. */
  robustness: string;
  /** Null until computed by `withFlips` (lib/decide/flips.ts); then the thresholds found, maybe none. */
  flips: Flip[] | null;
  /**
   * The answer's total cost over each input's range (the tornado), null until computed by
   * `withSensitivity` (./analysis.ts): about a dozen estimates, so only when asked for.
   */
  sensitivity: AnswerSensitivity | null;
  /** The rule "best" followed, in words. */
  rule: string;
  /** Remarks on the inputs of the decision (utility source, ε picked under maxEps). */
  notes: string[];
  /**
   * The ε the decision ran at: the link's `eps`, or, with `maxEps`, the smallest larger ε up to it
   * at which an option meets every must-have (./epsilon.ts). The rows stay at `eps`.
   */
  epsilon: { asked: number; used: number; noAnswerAt: number | null; evaluations: number; sentence: string };
}

const CHANNELS: readonly LeakageChannelId[] = ["A", "B", "C"];
/** Said of a row without a leakage ledger, which cannot show any channel protected. */
const UNKNOWN_WHAT: Record<LeakageChannelId, string> = {
  A: "exposed: no leakage ledger for this pair, so private training records may reach the provider",
  B: "exposed: no leakage ledger for this pair, so queries may reach the provider",
  C: "exposed: no leakage ledger for this pair, so no bound on what the answers reveal is claimed",
};
/** One formatter, built once: toLocaleString builds a new one per call, a measurable share of a decision. */
/**
 * A budget rounded up to the cent, so "raise the budget to $X" is enough: the nearest cent when it
 * is not below x (41.2 stays 41.2 although 41.2 × 100 = 4120.000000000001), else the next cent up.
 * @example centsUp(2e-119) === 0.01; centsUp(41.2) === 41.2; centsUp(41.201) === 41.21
 */
export function centsUp(x: number): number {
  const nearest = Math.round(x * 100) / 100;
  return nearest >= x ? nearest : Math.ceil(x * 100) / 100;
}

/** The must-haves of a scenario as lib/recommend's constraints. */
export function constraintsOf(s: Pick<Scenario, "maxCostUsd" | "minUtility" | "protect" | "rank">): RecommendConstraints {
  return {
    ...(s.maxCostUsd !== null ? { maxBudgetUsd: s.maxCostUsd } : {}),
    ...(s.minUtility !== null ? { minUtility: s.minUtility } : {}),
    ...(s.protect.length > 0 ? { mustProtect: s.protect } : {}),
    rankBy: s.rank,
  };
}

/** "reaches" after "a DP instruction", "reach" after "DP synthetic samples". */
const reach = (thing: string) => (/^an? /.test(thing) ? "reaches" : "reach");

/** The first clause of a sentence: up to its first " (" or ";" (the rest is its citation). */
const firstClause = (text: string) => text.split(/ \(|;/)[0]?.trim() ?? text;

/**
 * What reaches whom through one channel of a row's ledger, led by the channel's status, e.g.
 * "exposed: an expected 8,142.3 private training records (40.71% of the training set) reach OpenAI in plaintext"
 * or "partial: no raw private record; DP synthetic samples reach OpenAI, and OpenAI learns the
 * number of seed samples per class, allocated from the private label counts without noise
 * (outside the DP guarantee)".
 *
 * Every figure is the ledger's own (lib/leakage leakageFor): the records it counts to the
 * provider, the query copies, the provider or host it names, the ε channel C is bounded at. What a
 * method sends instead of raw records is its file's `leakage.dpArtefact`, and what its DP
 * guarantee does not cover is its privacy's `notCovered` (lib/methods): no method is named here.
 */
export function leakWhat(row: EstimateRow, channel: LeakageChannelId): string {
  const l = row.leakage;
  if (!l) return UNKNOWN_WHAT[channel];
  const status = l.channels[channel].status;
  const who = l.provider ?? "a provider";
  if (channel === "A") {
    if (l.trainingRecordsToProvider > 0) {
      return `${status}: an expected ${formatQuantity(l.trainingRecordsToProvider)} private training records (${formatPercent(l.trainingFractionToProvider)} of the training set) reach ${who} in plaintext`;
    }
    const artefact = methodDescriptor(row.method).leakage.dpArtefact ?? "data derived from the private records";
    const notCovered = row.privacy.notCovered ? `, and ${who} learns ${firstClause(row.privacy.notCovered)} (outside the DP guarantee)` : "";
    return `${status}: no raw private record; ${artefact} ${reach(artefact)} ${who}${notCovered}`;
  }
  if (channel === "B") {
    const copies = l.queryCopiesToProvider;
    if (copies > 0) return `${status}: every query reaches ${who} in plaintext${copies === 1 ? "" : `, ${formatQuantity(copies)} copies of each`}`;
    return `${status}: ${l.channels.B.reason}`;
  }
  const achieved = l.hypothesisTest.epsilon;
  if (status === "exposed" || achieved === null) return `${status}: no finite ε bounds what the answers reveal about the private records to the querying party`;
  if (achieved > row.privacy.targetEpsilon) {
    return `${status}: the answers reveal the private records to the querying party up to ε = ${formatEpsilon(achieved)}, above the target ε = ${formatEpsilonTarget(row.privacy.targetEpsilon)}`;
  }
  return `${status}: the plan cannot run as specified, so the target ε is not claimed for what the answers reveal to the querying party`;
}

function leaksOf(row: EstimateRow): DecisionLeak[] {
  const channels = row.leakage?.channels;
  // A row without a ledger cannot show any channel protected: say all three may leak.
  if (!channels) return CHANNELS.map((channel) => ({ channel, status: "exposed" as const, what: UNKNOWN_WHAT[channel] }));
  return CHANNELS.filter((c) => channels[c].status !== "protected").map((channel) => ({ channel, status: channels[channel].status as "partial" | "exposed", what: leakWhat(row, channel) }));
}

export function utilityText(u: EstimateRow["utility"]): string {
  if (u.value === null) return "no accuracy measured by the study";
  const spread = u.spread !== null ? ` ± ${formatSignificant(u.spread)}` : "";
  const at = u.epsilon !== null ? ` at ε = ${formatEpsilonTarget(u.epsilon)}` : "";
  const kind = u.kind === "reported" ? "reported by the method's authors, not measured by the study" : u.kind;
  return `${u.metric} ${formatSignificant(u.value)}${spread} (${kind}${at}${u.source ? `, ${u.source}` : ""})`;
}

function leakText(row: EstimateRow, leaks: readonly DecisionLeak[]): string {
  if (leaks.length === 0) {
    // All three protected. At a provider or host, what the method sends instead of records is DP (its file's dpArtefact).
    const artefact = row.leakage && row.leakage.deployment !== "local" ? methodDescriptor(row.method).leakage.dpArtefact : null;
    const only = artefact ? ` (${row.leakage?.provider ?? "the provider"} receives only ${artefact}, covered by the target ε)` : "";
    return `no private record or query reaches a provider${only}, and the answers are bounded by the target ε`;
  }
  return `leaks: ${leaks.map((l) => `channel ${l.channel} ${l.what}`).join("; ")}`;
}

/**
 * A row whose utility its authors report, read as unknown (utilitySource=study): the decision
 * ranks it, filters it by minUtility and states it as having no figure from the study.
 */
export function withoutReportedUtility(row: EstimateRow): EstimateRow {
  if (row.utility.kind !== "reported") return row;
  const u = row.utility;
  return {
    ...row,
    utility: {
      value: null, metric: u.metric, spread: null, kind: "none", basis: null, source: null, epsilon: null,
      note: `Not used by the decision (utilitySource=study): its authors report ${u.metric} ${formatSignificant(u.value as number, 4)}${u.epsilon !== null ? ` at ε = ${formatEpsilonTarget(u.epsilon)}` : ""} (${u.source ?? "their paper"}), which the study did not measure.`,
    },
  };
}

/** What the decision says about where its accuracy figures come from. */
function utilitySourceNotes(scenario: Scenario, reported: readonly EstimateRow[]): string[] {
  const names = [...new Set(reported.map((r) => `${r.methodLabel} on ${r.modelLabel}`))].join(", ");
  if (scenario.utilitySource === "reported") {
    return [reported.length === 0
      ? "Accuracy from methods' authors was asked for, but none of the compared options has a figure from its authors at this setup: every accuracy here is the study's (Hanke et al. 2024, Tables 3–6)."
      : `Accuracy figures: the study's measurements (Hanke et al. 2024, Tables 3–6) and, for ${names}, figures reported by the method's own authors (marked "reported"; a different paper and protocol, not measured by the study).`];
  }
  return reported.length === 0 ? [] : [`Accuracy figures: the study's only (utilitySource=study). ${names} ${reported.length === 1 ? "has a figure" : "have figures"} reported by the method's own authors, shown in the table but not used here; utilitySource=reported uses them.`];
}

/** One option of the decision, with its sentence. */
export function decisionOption(row: EstimateRow): DecisionOption {
  const leaks = leaksOf(row);
  const eps = row.privacy.epsilon;
  const cost = row.totalCostUsd === null ? "cost unknown" : `${formatUsdCents(row.totalCostUsd)} in total`;
  const epsText = eps === null ? "no finite ε achieved" : `ε = ${formatEpsilon(eps)} achieved (target ${formatEpsilonTarget(row.privacy.targetEpsilon)})`;
  // The model's name carries its lifecycle mark ("GPT-3 Davinci (retired 2026-10-23)"), so the
  // decision never recommends a retired model unmarked (issue #17).
  const modelLabel = modelLabelWithStatus(row.model);
  return {
    method: row.method,
    model: row.model,
    methodLabel: row.methodLabel,
    modelLabel,
    totalCostUsd: row.totalCostUsd,
    utility: { value: row.utility.value, metric: row.utility.metric, spread: row.utility.spread, kind: row.utility.kind, source: row.utility.source },
    epsilon: eps,
    leaks,
    sentence: `${row.methodLabel} on ${modelLabel}: ${cost}, ${utilityText(row.utility)}, ${epsText}; ${leakText(row, leaks)}.`,
  };
}

/** The interval a row's total cost lies in: the cost model's `costRange` when the row carries one, else the point. */
export function costInterval(row: EstimateRow): { low: number; high: number } | null {
  const range = (row as EstimateRow & { costRange?: { low: number; high: number } | null }).costRange;
  if (range && Number.isFinite(range.low) && Number.isFinite(range.high)) return { low: range.low, high: range.high };
  return row.totalCostUsd === null ? null : { low: row.totalCostUsd, high: row.totalCostUsd };
}

/** The interval of a row's utility: the study's value ± its printed spread (0 when it printed none). */
export function utilityInterval(row: EstimateRow): { low: number; high: number } | null {
  const u = row.utility;
  if (u.value === null) return null;
  const spread = u.spread ?? 0;
  return { low: u.value - spread, high: u.value + spread };
}

/**
 * Whether the answer beats the runner-up across the ranges: walk the ranking rule's criteria in
 * order; the first on which the two differ decides. Exposure (0–6, lib/recommend) has no range, so
 * a difference there is robust; cost and utility are robust only if their intervals do not overlap.
 */
export function robustness(answer: EstimateRow, runnerUp: EstimateRow | null, rank: Scenario["rank"], exposure: (r: EstimateRow) => number): { robust: boolean; sentence: string } {
  const a = `${answer.methodLabel} on ${modelLabelWithStatus(answer.model)}`;
  if (runnerUp === null) return { robust: true, sentence: `${a} is the only option that meets every must-have.` };
  const b = `${runnerUp.methodLabel} on ${modelLabelWithStatus(runnerUp.model)}`;
  const criteria = { privacy: ["exposure", "utility", "cost"], cost: ["cost", "utility"], utility: ["utility", "cost"] }[rank];
  for (const criterion of criteria) {
    if (criterion === "exposure") {
      if (exposure(answer) !== exposure(runnerUp)) return { robust: true, sentence: `${a} exposes less to the provider than ${b}; exposure has no range, so the choice holds.` };
      continue;
    }
    const [ia, ib] = criterion === "cost" ? [costInterval(answer), costInterval(runnerUp)] : [utilityInterval(answer), utilityInterval(runnerUp)];
    if (ia === null || ib === null) {
      if (ia !== ib) return { robust: true, sentence: `${a} has a known ${criterion} and ${b} has none; the choice holds.` };
      continue;
    }
    if (ia.low === ib.low && ia.high === ib.high) continue;
    const clear = criterion === "cost" ? ia.high < ib.low : ia.low > ib.high;
    const what = criterion === "cost" ? "cost range" : "utility ± the study's spread";
    if (clear) return { robust: true, sentence: `${a} stays ahead of ${b} across the ${what}.` };
    return { robust: false, sentence: `${a} and ${b} are within each other's ${what}: a tie.` };
  }
  return { robust: false, sentence: `${a} and ${b} are equal on every criterion of the rule: a tie, broken by method and model id.` };
}

/** A must-have relaxed alone, and the first option it would admit. */
type Rankable = EstimateRow & RecommendOption;

function relaxations(rows: readonly Rankable[], c: RecommendConstraints): Relaxation[] {
  const out: Relaxation[] = [];
  const name = (r: RankedOption<Rankable>) => `${r.option.methodLabel} on ${modelLabelWithStatus(r.option.model)}`;
  if (c.maxBudgetUsd !== undefined) {
    const rest = { ...c, maxBudgetUsd: undefined };
    const costed = recommend(rows, rest).ranked.filter((r) => r.option.totalCostUsd !== null);
    const cheapest = costed.sort((x, y) => (x.option.totalCostUsd as number) - (y.option.totalCostUsd as number))[0];
    if (cheapest) {
      const to = centsUp(cheapest.option.totalCostUsd as number);
      out.push({ constraint: "maxCost", to, gives: { method: cheapest.option.method, model: cheapest.option.model }, sentence: `raise the budget to ${formatUsdCentsUp(to)} (${name(cheapest)})` });
    }
  }
  if (c.minUtility !== undefined) {
    const rest = { ...c, minUtility: undefined };
    const r = recommend(rows, rest);
    const scored = r.ranked.filter((x) => x.option.utility.value !== null && x.option.utility.metric === r.utilityMetric);
    const best = scored.sort((x, y) => (y.option.utility.value as number) - (x.option.utility.value as number))[0];
    if (best) {
      const to = best.option.utility.value as number;
      out.push({ constraint: "minUtility", to, gives: { method: best.option.method, model: best.option.model }, sentence: `lower the smallest ${best.option.utility.metric} to ${formatSignificant(to, 4)} (${name(best)})` });
    }
  }
  for (const ch of c.mustProtect ?? []) {
    const first = recommend(rows, { ...c, mustProtect: (c.mustProtect ?? []).filter((x) => x !== ch) }).ranked[0];
    if (first) out.push({ constraint: `protect.${ch}`, to: null, gives: { method: first.option.method, model: first.option.model }, sentence: `accept channel ${ch} ${leakWhat(first.option, ch)} (${name(first)})` });
  }
  return out;
}

/**
 * The decision for one set of rows under the scenario's must-haves, without flips (`flips: null`).
 * @example decide(scenario with maxCost=500&protect=A, rows).answer?.sentence
 * // "PrivateLoRA on Llama3-8B: $28.38 in total, accuracy 96 ± 0.2 (measured, Hanke et al. 2024, Table 3), ε = 8 achieved (target 8); ..."
 */
export function decide(scenario: Scenario, allRows: readonly EstimateRow[]): Decision {
  const c = constraintsOf(scenario);
  // utilitySource=study: a figure its authors report (kind "reported", issue #17) is not the study's,
  // so the decision reads it as unknown; the table still shows it, labelled.
  const rows = scenario.utilitySource === "study" ? allRows.map(withoutReportedUtility) : allRows;
  const reportedRows = allRows.filter((x) => x.utility.kind === "reported");
  // lib/recommend needs the leakage ledger; a pair without one cannot show any channel protected.
  const rankable = rows.filter((x): x is Rankable => x.leakage !== null);
  const r = recommend(rankable, c);
  const first = r.ranked[0]?.option ?? null;
  const second = r.ranked[1]?.option ?? null;
  const excluded: DecisionExclusion[] = [
    ...r.excluded.map((e) => ({ method: e.option.method, model: e.option.model, reasons: e.reasons })),
    ...rows.filter((x) => x.leakage === null).map((x) => ({ method: x.method, model: x.model, reasons: ["no leakage ledger for this pair, so it cannot be ranked"] })),
  ];
  const notes: string[] = [];
  notes.push(...utilitySourceNotes(scenario, reportedRows));
  const exposure = (row: EstimateRow) => (row.leakage ? exposureScore(row.leakage.channels) : 6);
  const rob = first ? robustness(first, second, scenario.rank, exposure) : { robust: false, sentence: "Nothing meets every must-have, so there is no choice to hold." };
  const relax = first ? [] : relaxations(rankable, c);
  if (!first && relax.length === 0) notes.push(rows.some((x) => x.feasible) ? "No must-have relaxed alone gives an option; relax several, or change the scenario." : "No compared option can run as planned at this ε and N (see each exclusion); a larger ε or more records may.");
  return {
    answer: first ? decisionOption(first) : null,
    runnerUp: second ? decisionOption(second) : null,
    excluded,
    relax,
    robust: rob.robust,
    robustness: rob.sentence,
    flips: null,
    sensitivity: null,
    rule: scenario.utilitySource === "reported" && reportedRows.length > 0 ? r.rule.replaceAll("the study's utility", "the utility (the study's, or its authors' where marked reported)") : r.rule,
    notes,
    epsilon: { asked: scenario.epsilon, used: scenario.epsilon, noAnswerAt: null, evaluations: 0, sentence: `ε = ${formatEpsilonTarget(scenario.epsilon)} as given.` },
  };
}
