/**
 * From comparing to deciding (issue #18). Public surface of lib/decide.
 */
export {
  constraintsOf, costInterval, decide, decisionOption, robustness, utilityInterval, utilityText,
  type Decision, type DecisionExclusion, type DecisionLeak, type DecisionOption, type Flip, type MustHave, type OptionId, type Relaxation,
} from "./decide";
export { FLIP_TOLERANCE, decisionEvaluator, findFlips, flipInputs, flipsFor, withFlips, type FlipInput } from "./flips";
export { pickEpsilon, type EpsilonChoice } from "./epsilon";
