/**
 * Whether a row's plan can run as the scenario specifies it, and if not, why, one line per unmet
 * requirement. A row is feasible only when every requirement holds:
 * - privacy: the target (ε, δ) runs the planned workload at a useful setting (lib/methods);
 * - data: N private records meet what the method draws from them (teachers × shots, demos per
 *   token, minimum shots, student/public examples) — declared by each method;
 * - context: every prompt the cost model builds fits the model's context window.
 *
 * Every claim that depends on the plan ("protected", "feasible", a ranking, the statement's choice)
 * reads this, so a plan that cannot run is never presented as if it could.
 */
import { methodWork, type ApiCostOptions, type MethodWork, type WorkItem } from "../cost";
import { formatCount, formatEpsilon, formatEpsilonTarget } from "../present/format";
import type { MethodPrivacy } from "../methods";
import { MODELS, type MethodId, type ModelId, type Scenario } from "../scenario";

export interface RowFeasibility {
  feasible: boolean;
  /** One plain line per unmet requirement; empty when feasible. */
  infeasibleReasons: string[];
}

/**
 * The privacy part of a row's feasibility.
 * @example privacyFeasibility({ feasible: false, targetEpsilon: 8, epsilon: 23.6, ... }).infeasibleReasons
 * // ["the plan misses the target ε = 8: it achieves ε = 23.6"]
 */
export function privacyFeasibility(privacy: MethodPrivacy): RowFeasibility {
  if (privacy.feasible) return { feasible: true, infeasibleReasons: [] };
  // Unmet data requirements are their own reasons; the budget's reason follows only if the budget fails too.
  const dataReasons = (privacy.requirements ?? []).filter((r) => !r.met).map((r) => r.reason);
  if (dataReasons.length > 0 && privacy.budgetFeasible !== false) return { feasible: false, infeasibleReasons: dataReasons };
  const target = formatEpsilonTarget(privacy.targetEpsilon);
  const reason = privacy.error
    ? `the privacy computation failed (${privacy.error}); no guarantee is claimed`
    : privacy.epsilon === null
      ? `no setting reaches the target ε = ${target} for the planned workload; no guarantee is claimed`
      : privacy.epsilon > privacy.targetEpsilon
        ? `the plan misses the target ε = ${target}: it achieves ε = ${formatEpsilon(privacy.epsilon)}`
        : `the target ε = ${target} cannot run the planned workload at a useful setting`;
  return { feasible: false, infeasibleReasons: [...dataReasons, reason] };
}

/** One prompt the plan sends, checked against the context window of the model that reads it. */
export interface ContextCheck {
  /** The cost stage (method-work id), e.g. `student`, `teachers`, `prompt-search`. */
  stage: string;
  label: string;
  model: ModelId;
  /** Prompt plus generated tokens of the stage's longest call, at the dataset's average lengths. */
  tokens: number;
  contextTokens: number;
  fits: boolean;
  /** A DP-SGD training sequence (ℓin + ℓout + soft-prompt tokens) rather than an LLM call. */
  sequence: boolean;
  /** When it does not fit and the prompt holds examples: the most that fit (0 = none, the rest alone is too long). */
  maxShots?: { knob: string; count: number };
}

/**
 * Every prompt the cost model builds for `method` (lib/cost/method-work.ts), each against the
 * context window of the model that reads it: LLM calls and DP-SGD sequences on the row's model,
 * DP-OPT's prompt search on its local Vicuna 7B. Lengths are the dataset's averages (Appendix D),
 * so a longer-than-average record overflows first: a fit here is necessary, not sufficient.
 * @example PromptPATEGen on PFL-DocVQA with 10 student shots: 10 × (924.191 + 6.384) + 924.191 + 6.384
 * = 10,236 tokens > Vicuna 7B's 4,096, so at most ⌊(4,096 − 930.575) / 930.575⌋ = 3 shots fit.
 */
export function contextChecks(scenario: Scenario, method: MethodId, model: ModelId, options: ApiCostOptions = {}, work: MethodWork = methodWork(method, scenario, options, model)): ContextCheck[] {
  // With the row's model, so model-specific answer lengths (Claude's 10-token answers) are in the
  // longest call. `work`: that same work when the caller has it (estimate() from the cost rows).
  const items: WorkItem[] = [...work.training, ...work.perQuery];
  return items.map((item) => {
    // The model that reads the prompt: a local search model, a variant-(2) generator (runsOn), or the row's model.
    const reader: ModelId = item.kind === "local-forward" || item.kind === "dp-sgd" ? (item.localModel ?? model) : item.kind === "llm-calls" && item.runsOn ? item.runsOn : model;
    const contextTokens = MODELS[reader].contextTokens;
    const tokens = item.kind === "dp-sgd" ? item.tokensPerRecord : item.longestCallTokens;
    const fits = tokens <= contextTokens;
    const check: ContextCheck = { stage: item.id, label: item.label, model: reader, tokens, contextTokens, fits, sequence: item.kind === "dp-sgd" };
    const shots = item.kind === "dp-sgd" ? undefined : item.shots;
    if (!fits && shots && shots.tokensEach > 0) {
      const rest = tokens - shots.count * shots.tokensEach;
      check.maxShots = { knob: shots.knob, count: Math.max(0, Math.floor((contextTokens - rest) / shots.tokensEach)) };
    }
    return check;
  });
}

/** e.g. "Student prompt answers the query: one call is ≈10,236 tokens at the dataset's average lengths, more than Vicuna 7B's 4,096-token context window; lower prompt-pate-gen.studentShots to at most 3." */
function contextReason(c: ContextCheck): string {
  const label = MODELS[c.model].label;
  const shots = c.maxShots
    ? c.maxShots.count > 0
      ? `; lower ${c.maxShots.knob} to at most ${c.maxShots.count}`
      : `; the rest of the prompt alone does not fit, whatever ${c.maxShots.knob} is`
    : "";
  return `${c.label}: one ${c.sequence ? "training sequence" : "call"} is ≈${formatCount(Math.round(c.tokens))} tokens at the dataset's average lengths, more than ${label}'s ${formatCount(c.contextTokens)}-token context window${shots}.`;
}

/**
 * Whether a row's plan can run, and why not: the privacy result (budget and data requirements,
 * see privacyFeasibility) and every prompt against the context window (contextChecks). The cost of
 * an infeasible row may still be shown, for the plan as if it could run, but the row says it cannot.
 */
export function rowFeasibility(input: { scenario: Scenario; method: MethodId; model: ModelId; privacy: MethodPrivacy; options?: ApiCostOptions; work?: MethodWork }): RowFeasibility & { context: ContextCheck[] } {
  const privacy = privacyFeasibility(input.privacy);
  const context = contextChecks(input.scenario, input.method, input.model, input.options, input.work);
  const reasons = [...privacy.infeasibleReasons, ...context.filter((c) => !c.fits).map(contextReason)];
  return { feasible: reasons.length === 0, infeasibleReasons: reasons, context };
}
