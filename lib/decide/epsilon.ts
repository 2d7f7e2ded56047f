/**
 * Picking ε under `maxEps` (issue #18): when the user allows ε up to maxEps, the decision may raise
 * ε from `eps` to the smallest value at which some option meets every must-have.
 *
 * Search, on the same engine: if an option qualifies at ε = min(eps, maxEps), ε stays there. Else
 * the answer at maxEps is evaluated; if one exists, bisection in log ε narrows [none, some] until
 * some / none ≤ 1 + FLIP_TOLERANCE and the decision is the one at the `some` end, the smallest ε
 * found with an answer (the safe side: at the `none` end nothing qualifies). Larger ε buys more
 * queries, less noise and lower cost, so options qualify more easily as ε grows; where they do not
 * (an answer at a lower ε that vanishes higher up), bisection still returns an ε with an answer.
 */
import { estimateForSearch } from "../estimate";
import type { CostOptions } from "../cost";
import type { Scenario } from "../scenario";
import type { Decision, Relaxation } from "./decide";
import { FLIP_TOLERANCE } from "./flips";
import { formatEpsilon, formatEpsilonTarget, formatSignificant } from "../present/format";

export interface EpsilonChoice {
  /** The ε of the link (`eps`). */
  asked: number;
  /** The ε the answer runs at: `asked`, or a larger one up to maxEps found by the search. */
  used: number;
  /** The largest ε the search tried at which no option qualifies (the bracket's other end); null when it tried none. */
  noAnswerAt: number | null;
  /** Estimates the search ran (0 when maxEps is not set or not needed). */
  evaluations: number;
  sentence: string;
}

// A target ε or maxEps prints as typed, the ε the answer runs at as a bound (rounded up), the last
// ε bisection found no answer at to 4 significant digits (lib/present/format.ts).
const sig = (x: number) => formatSignificant(x, 4);

/**
 * The decision at the ε the search picks, and what it picked and why.
 * `atAsked` is the decision for the rows at `scenario.epsilon`.
 */
export function pickEpsilon(scenario: Scenario, atAsked: Decision, options: CostOptions = {}): { decision: Decision; epsilon: EpsilonChoice } {
  const asked = scenario.epsilon;
  const max = scenario.maxEpsilon;
  if (max === null) return { decision: atAsked, epsilon: { asked, used: asked, noAnswerAt: null, evaluations: 0, sentence: `ε = ${formatEpsilonTarget(asked)} as given (no maxEps).` } };
  let evaluations = 0;
  const at = (eps: number): Decision => {
    evaluations++;
    return estimateForSearch({ ...scenario, epsilon: eps, maxEpsilon: null }, options).decision;
  };
  const start = Math.min(asked, max);
  const first = start === asked ? atAsked : at(start);
  if (start < asked && first.answer === null) {
    return { decision: first, epsilon: { asked, used: start, noAnswerAt: start, evaluations, sentence: `eps = ${formatEpsilonTarget(asked)} is above maxEps = ${formatEpsilonTarget(max)}, so the decision runs at ε = ${formatEpsilonTarget(max)}, where no option meets every must-have.` } };
  }
  if (first.answer !== null) {
    const sentence = start < asked
      ? `eps = ${formatEpsilonTarget(asked)} is above maxEps = ${formatEpsilonTarget(max)}, so the decision runs at ε = ${formatEpsilonTarget(max)}.`
      : `At ε = ${formatEpsilonTarget(asked)} an option already meets every must-have, so ε is not raised toward maxEps = ${formatEpsilonTarget(max)}.`;
    return { decision: first, epsilon: { asked, used: start, noAnswerAt: null, evaluations, sentence } };
  }
  if (max === start) return { decision: first, epsilon: { asked, used: start, noAnswerAt: start, evaluations, sentence: `No option meets every must-have at ε = ${formatEpsilonTarget(start)} = maxEps.` } };
  const top = at(max);
  if (top.answer === null) {
    return { decision: first, epsilon: { asked, used: start, noAnswerAt: max, evaluations, sentence: `No option meets every must-have at ε = ${formatEpsilonTarget(start)}, nor at maxEps = ${formatEpsilonTarget(max)}; raising ε within the allowed range does not help.` } };
  }
  let none = start;
  let some = max;
  let someDecision = top;
  while (some / none > 1 + FLIP_TOLERANCE) {
    const mid = Math.sqrt(none * some);
    const d = at(mid);
    if (d.answer === null) none = mid;
    else {
      some = mid;
      someDecision = d;
    }
  }
  return {
    decision: someDecision,
    epsilon: {
      asked, used: some, noAnswerAt: none, evaluations,
      sentence: `No option meets every must-have at ε = ${formatEpsilonTarget(start)}; the smallest ε up to maxEps = ${formatEpsilonTarget(max)} at which one does is ε = ${formatEpsilon(some)} (bisection: none at ε = ${sig(none)}), so the answer runs at ε = ${formatEpsilon(some)}.`,
    },
  };
}

/** The largest ε a link accepts (lib/scenario/schema.ts, the `eps` field's bound). */
export const LARGEST_EPSILON = 100;

/** Whether the scenario names any must-have (budget, minimum utility, channels to protect, maxEps). */
export function hasMustHave(s: Pick<Scenario, "maxCostUsd" | "minUtility" | "protect" | "maxEpsilon">): boolean {
  return s.maxCostUsd !== null || s.minUtility !== null || s.protect.length > 0 || s.maxEpsilon !== null;
}

/**
 * Relaxing ε (issue #18): when nothing meets every must-have at the ε the decision ran at, the
 * smallest larger ε, up to the largest a link accepts (100), at which an option does.
 *
 * `decisionAt(ε)` is the decision at ε without maxEps (the same engine). From `from` (the ε
 * already known to give nothing: eps, or maxEps when set) ε doubles, up to 100, until an option
 * qualifies; then bisection in log ε narrows [none, some] until some / none ≤ 1 + FLIP_TOLERANCE. The
 * value offered is `some` rounded up to 3 significant digits when an option still qualifies there
 * (one more evaluation), else `some` itself: "allow ε up to 2.31" is then enough, not an estimate.
 * Null when nothing qualifies at any rung of the ladder (from × 2, × 4, …, 100).
 * @example nothing qualifies at ε = 1 with maxEps = 1; one does from ε ≈ 2.3 → { constraint: "maxEps", to: 2.31, sentence: "allow ε up to 2.31 (…)" }
 */
export function epsilonRelaxation(scenario: Scenario, from: number, decisionAt: (eps: number) => Decision): Relaxation | null {
  // Up a ladder of doublings to the first ε with an answer: an answer need not persist to ε = 100
  // (the study measured utility up to ε = 8 only, so a minimum utility fails beyond it).
  let none = from;
  let some = Number.NaN;
  let someDecision: Decision | null = null;
  for (let eps = Math.min(LARGEST_EPSILON, from * 2); eps > none; eps = Math.min(LARGEST_EPSILON, eps * 2)) {
    const d = decisionAt(eps);
    if (d.answer !== null) {
      some = eps;
      someDecision = d;
      break;
    }
    none = eps;
  }
  if (someDecision === null) return null;
  while (some / none > 1 + FLIP_TOLERANCE) {
    const mid = Math.sqrt(none * some);
    const d = decisionAt(mid);
    if (d.answer === null) none = mid;
    else {
      some = mid;
      someDecision = d;
    }
  }
  const rounded = Math.min(LARGEST_EPSILON, ceilSig(some, 3));
  if (rounded !== some) {
    const d = decisionAt(rounded);
    if (d.answer !== null) {
      some = rounded;
      someDecision = d;
    }
  }
  const a = (someDecision as Decision).answer as NonNullable<Decision["answer"]>;
  const maxEps = scenario.maxEpsilon !== null;
  return {
    constraint: maxEps ? "maxEps" : "eps",
    to: some,
    gives: { method: a.method, model: a.model },
    sentence: `${maxEps ? "allow ε up to" : "raise ε to"} ${String(some === rounded ? some : ceilSig(some, 6))} (${a.methodLabel} on ${a.modelLabel}; none at ε = ${sig(none)})`,
  };
}

/** x rounded up to `digits` significant digits. @example ceilSig(2.3049, 3) === 2.31 */
function ceilSig(x: number, digits: number): number {
  const scale = 10 ** (digits - 1 - Math.floor(Math.log10(x)));
  return Math.ceil(x * scale - 1e-9) / scale;
}
