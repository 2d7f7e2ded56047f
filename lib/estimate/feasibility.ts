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
import { formatParameter } from "../leakage/format";
import type { MethodPrivacy } from "../methods";

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
  const target = formatParameter(privacy.targetEpsilon);
  const reason = privacy.error
    ? `the privacy computation failed (${privacy.error}); no guarantee is claimed`
    : privacy.epsilon === null
      ? `no setting reaches the target ε = ${target} for the planned workload; no guarantee is claimed`
      : privacy.epsilon > privacy.targetEpsilon
        ? `the plan misses the target ε = ${target}: it achieves ε = ${formatParameter(privacy.epsilon)}`
        : `the target ε = ${target} cannot run the planned workload at a useful setting`;
  return { feasible: false, infeasibleReasons: [reason] };
}
