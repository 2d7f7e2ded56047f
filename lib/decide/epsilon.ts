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
import { estimate } from "../estimate";
import type { CostOptions } from "../cost";
import type { Scenario } from "../scenario";
import type { Decision } from "./decide";
import { FLIP_TOLERANCE } from "./flips";

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

const sig = (x: number) => String(Number(x.toPrecision(4)));

/**
 * The decision at the ε the search picks, and what it picked and why.
 * `atAsked` is the decision for the rows at `scenario.epsilon`.
 */
export function pickEpsilon(scenario: Scenario, atAsked: Decision, options: CostOptions = {}): { decision: Decision; epsilon: EpsilonChoice } {
  const asked = scenario.epsilon;
  const max = scenario.maxEpsilon;
  if (max === null) return { decision: atAsked, epsilon: { asked, used: asked, noAnswerAt: null, evaluations: 0, sentence: `ε = ${sig(asked)} as given (no maxEps).` } };
  let evaluations = 0;
  const at = (eps: number): Decision => {
    evaluations++;
    return estimate({ ...scenario, epsilon: eps, maxEpsilon: null }, options).decision;
  };
  const start = Math.min(asked, max);
  const first = start === asked ? atAsked : at(start);
  if (start < asked && first.answer === null) {
    return { decision: first, epsilon: { asked, used: start, noAnswerAt: start, evaluations, sentence: `eps = ${sig(asked)} is above maxEps = ${sig(max)}, so the decision runs at ε = ${sig(max)}, where no option meets every must-have.` } };
  }
  if (first.answer !== null) {
    const sentence = start < asked
      ? `eps = ${sig(asked)} is above maxEps = ${sig(max)}, so the decision runs at ε = ${sig(max)}.`
      : `At ε = ${sig(asked)} an option already meets every must-have, so ε is not raised toward maxEps = ${sig(max)}.`;
    return { decision: first, epsilon: { asked, used: start, noAnswerAt: null, evaluations, sentence } };
  }
  if (max === start) return { decision: first, epsilon: { asked, used: start, noAnswerAt: start, evaluations, sentence: `No option meets every must-have at ε = ${sig(start)} = maxEps.` } };
  const top = at(max);
  if (top.answer === null) {
    return { decision: first, epsilon: { asked, used: start, noAnswerAt: max, evaluations, sentence: `No option meets every must-have at ε = ${sig(start)}, nor at maxEps = ${sig(max)}; raising ε within the allowed range does not help.` } };
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
      sentence: `No option meets every must-have at ε = ${sig(start)}; the smallest ε up to maxEps = ${sig(max)} at which one does is ε = ${sig(some)} (bisection: none at ε = ${sig(none)}), so the answer runs at ε = ${sig(some)}.`,
    },
  };
}
