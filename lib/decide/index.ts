/**
 * From comparing to deciding (issue #18). Public surface of lib/decide.
 */
export {
  constraintsOf, costInterval, decide, decisionOption, robustness, utilityInterval, utilityText,
  type Decision, type DecisionExclusion, type DecisionLeak, type DecisionOption, type Flip, type MustHave, type OptionId, type Relaxation,
} from "./decide";
export { FLIP_TOLERANCE, decisionEvaluator, findFlips, flipInputs, flipsFor, withFlips, type FlipInput } from "./flips";
export { LARGEST_EPSILON, epsilonRelaxation, hasMustHave, pickEpsilon, type EpsilonChoice } from "./epsilon";
export { flipMarkers, sensitivity, sensitivityTable, type FlipMarker, type Sensitivity, type SensitivityBar, type SensitivityEnd } from "./sensitivity";
export { analyseDecision, withSensitivity, type AnswerSensitivity, type DecisionSensitivity } from "./analysis";
