/**
 * The claims a row makes, checked against the numbers behind them. Each check returns the list of
 * contradictions it found (empty = the row is consistent), so a property test can report every
 * broken claim of a counterexample at once, and the sweep script can count them over a grid.
 *
 * Oracles: the definitions the claims are made of, restated here independently of the code that
 * makes them —
 * - "protected" (channel C): the plan runs (row.feasible) and achieves ε ≤ the target ε;
 * - "nothing reaches the provider": zero records and zero query tokens to any third party;
 * - every figure in a JSON document is finite and ≥ 0 (costs, counts, ε, δ, fractions).
 */
import { MODELS, privacyView, type Estimate, type EstimateRow, type Scenario } from "@/lib";
import { contextChecks } from "@/lib/estimate";
import { PAPER_DATASET_NAMES, PAPER_MODEL_NAMES, paperMethodNames } from "@/lib/utility/paper-names";
import paperResults from "../fixtures/golden/paper-results.json";

interface PaperRow { method: string; model: string; dataset: string; mean: number; epsilon: number | null; epsilonKind: string }
const PAPER_ROWS = (paperResults as { rows: PaperRow[] }).rows;

/** Floating slack when comparing an achieved ε with its target (the searches stop within 1e-9 relative). */
const EPS_SLACK = 1e-9;

export function channelCClaims(row: EstimateRow): string[] {
  const out: string[] = [];
  const p = row.privacy;
  const c = row.leakage?.channels.C;
  if (!c) return out;
  const meets = row.feasible && p.epsilon !== null && p.epsilon <= p.targetEpsilon * (1 + EPS_SLACK);
  if (c.status === "protected" && !meets) {
    out.push(`C "protected" but feasible=${row.feasible}, achieved ε=${p.epsilon}, target ${p.targetEpsilon}`);
  }
  // The membership-test bound must be computed at the ε the plan achieves, never at a target it misses.
  const ht = row.leakage?.hypothesisTest;
  if (ht && (ht.epsilon === null || p.epsilon === null ? ht.epsilon !== p.epsilon : Math.abs(ht.epsilon - p.epsilon) > 1e-9 * Math.max(1, p.epsilon))) {
    out.push(`membership test at ε=${ht.epsilon}, achieved ε=${p.epsilon}`);
  }
  // Any "(ε, δ)-DP" the row's words state must name the achieved ε.
  for (const text of [row.leakage?.statement ?? "", c.reason]) {
    for (const m of text.matchAll(/\(([^(),]+), ([^(),]+)\)-DP/g)) {
      const stated = m[1]?.trim();
      if (p.epsilon === null) out.push(`states "${m[0]}" although no ε is achieved`);
      else if (!statesBound(stated ?? "", p.epsilon)) out.push(`states "${m[0]}" but achieves ε=${p.epsilon}`);
    }
  }
  return out;
}

/**
 * A stated ε is an honest bound on the achieved ε: read back, it is not below it (a privacy loss
 * printed rounded down would claim more privacy than the plan has), and it is no looser than one
 * unit in its third significant digit (the page's precision, README "How numbers are rounded").
 */
function statesBound(stated: string, achieved: number): boolean {
  const value = Number(stated.replace(/,/g, ""));
  if (!Number.isFinite(value)) return false;
  const unit = value > 0 ? 10 ** (Math.floor(Math.log10(value)) - 2) : 0;
  return value >= achieved && value - achieved <= unit * (1 + 1e-9);
}

export function providerClaims(row: EstimateRow): string[] {
  const out: string[] = [];
  const l = row.leakage;
  if (!l) return out;
  const nothing = l.trainingRecordsToProvider === 0 && l.querySendsToProvider === 0 && l.queryTokensToProvider === 0;
  const saysNothing = /no private record and no query reaches any provider|nothing reaches/i.test(l.statement);
  if (saysNothing && !nothing) out.push(`says nothing reaches a provider, yet ${l.trainingRecordsToProvider} records / ${l.querySendsToProvider} query sends go`);
  if (l.provider === null && !nothing) out.push(`no provider named, yet ${l.trainingRecordsToProvider} records / ${l.querySendsToProvider} query sends go to one`);
  if (l.channels.B.status === "protected" && l.querySendsToProvider > 0) out.push(`B "protected" with ${l.querySendsToProvider} query sends to ${l.provider}`);
  if (l.channels.A.status === "protected" && l.trainingRecordsToProvider > 0) out.push(`A "protected" with ${l.trainingRecordsToProvider} records to ${l.provider}`);
  // A model priced per token by a third party is a provider: whatever its stages send reaches it.
  const apiStages = row.breakdown.stages.filter((st) => st.kind === "api" && st.model === row.model);
  if (l.provider === null && apiStages.length > 0) out.push(`priced per token at ${row.model}'s host, yet the ledger names no provider`);
  return out;
}

/** Every number finite and ≥ 0, with its JSON path; JSON's null is allowed (it means "none"). */
export function badNumbers(value: unknown, path = "$", out: string[] = []): string[] {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) out.push(`${path} = ${value}`);
    else if (value < 0) out.push(`${path} = ${value} (negative)`);
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) badNumbers(v, `${path}.${k}`, out);
  }
  return out;
}

/**
 * "feasible" ⇒ every declared data requirement is met (needed ≤ available, restated here rather
 * than read from `met`) and every prompt the cost model builds fits the model that reads it; and
 * an infeasible row always says why.
 */
export function feasibilityClaims(row: EstimateRow, scenario: Scenario): string[] {
  const out: string[] = [];
  if (row.feasible !== (row.infeasibleReasons.length === 0)) out.push(`feasible=${row.feasible} with ${row.infeasibleReasons.length} reasons`);
  if (!row.feasible) return out;
  if (!row.privacy.feasible) out.push("row feasible while its privacy is not");
  for (const r of row.privacy.requirements ?? []) if (!(r.needed <= r.available)) out.push(`feasible, yet requirement ${r.id} needs ${r.needed} of ${r.available}`);
  for (const c of contextChecks(scenario, row.method, row.model)) {
    if (c.tokens > MODELS[c.model].contextTokens) out.push(`feasible, yet stage ${c.stage} needs ${c.tokens} tokens on ${c.model} (context ${MODELS[c.model].contextTokens})`);
  }
  return out;
}

/**
 * Utility kind "measured" ⇒ the study printed this value for this (dataset, method, model) at the
 * row's ε (PromptPATE's "ε < 0.3" runs count at ε = 0.3). Oracle: the golden copy of the study's
 * tables (test/fixtures/golden/paper-results.json), not the lookup the code uses.
 */
export function utilityClaims(row: EstimateRow, scenario: Scenario): string[] {
  const u = row.utility;
  if (u.kind !== "measured") return [];
  const dataset = scenario.preset === "custom" ? null : PAPER_DATASET_NAMES[scenario.preset];
  const model = PAPER_MODEL_NAMES[row.model];
  // Both of a task-dependent method's names: a preset keeps its dataset's cells whatever `task` says.
  const methods: readonly string[] = paperMethodNames(row.method, row.model);
  const printed = PAPER_ROWS.some(
    (p) => p.dataset === dataset && p.model === model && methods.includes(p.method) && p.mean === u.value &&
      (p.epsilonKind === "below" ? scenario.epsilon === 0.3 : p.epsilon === scenario.epsilon),
  );
  return printed ? [] : [`utility ${u.value} "measured" at ε = ${scenario.epsilon}, but the study printed no such cell`];
}

/**
 * A capped figure is never printed as an exact count. The searches stop at 10⁹ (maxCompositions) or
 * 10⁷ (DP-OPT, PromptPATEGen): an allowed workload exactly at one of those limits must be flagged,
 * and a flagged one must print as a lower bound ("≥ … (search limit)").
 */
export function cappedClaims(row: EstimateRow): string[] {
  const b = row.privacy.budget;
  const out: string[] = [];
  if (b.allowed !== null && (b.allowed === 1e9 || b.allowed === 1e7) && !b.capped) out.push(`allowed = ${b.allowed}, the search limit, but not flagged capped`);
  if (b.capped) {
    const text = privacyView(row.privacy).budget.text;
    if (!/≥ .*\(search limit\)/.test(text)) out.push(`capped budget printed as "${text}"`);
  }
  return out;
}

export function rowClaims(row: EstimateRow, scenario: Scenario): string[] {
  return [...channelCClaims(row), ...providerClaims(row), ...feasibilityClaims(row, scenario), ...utilityClaims(row, scenario), ...cappedClaims(row)].map((m) => `${row.method} × ${row.model}: ${m}`);
}

export function estimateClaims(est: Estimate): string[] {
  return est.rows.flatMap((row) => rowClaims(row, est.scenario));
}
