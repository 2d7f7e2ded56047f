/**
 * "What would change the answer" in one call: the answer's sensitivity (tornado) and, when asked,
 * its flip thresholds, on one memoised evaluator, because the flip search revisits the range ends
 * the tornado already estimated (each distinct scenario is estimated once).
 *
 * Used by the page's analysis worker (components/calculator/engine-core.ts); the evaluator and the
 * flip inputs stay internal to lib/decide.
 */
import type { Scenario } from "../scenario";
import type { Flip } from "./decide";
import { decisionEvaluator, flipInputs, flipsFor } from "./flips";
import { flipMarkers, sensitivity, sensitivityTable, type FlipMarker, type Sensitivity } from "./sensitivity";

export interface DecisionSensitivity {
  sensitivity: Sensitivity;
  /** The chart's text alternative. */
  table: { caption: string; columns: string[]; rows: string[][] };
  /** Null unless `withFlips` (the search takes seconds). */
  flips: Flip[] | null;
  markers: FlipMarker[];
  /** Distinct scenarios estimated. */
  evaluations: number;
}

/**
 * @example analyseDecision(presetScenario("sst2"), false).sensitivity.bars[0] // the input with the widest cost swing
 */
export function analyseDecision(scenario: Scenario, withFlips: boolean): DecisionSensitivity {
  const seen = new Set<string>();
  const memo = decisionEvaluator();
  const evaluate: typeof memo = (s) => {
    seen.add(JSON.stringify(s));
    return memo(s);
  };
  const sens = sensitivity(scenario, null, {}, evaluate);
  const flips: Flip[] | null = withFlips
    ? flipInputs(scenario).flatMap((input) => flipsFor(scenario, input, evaluate).map((f): Flip => ({ input: f.input, at: f.at, to: f.to, sentence: f.sentence })))
    : null;
  const markers = flips ? flipMarkers(scenario, sens, flips, {}, evaluate) : [];
  return { sensitivity: sens, table: sensitivityTable(sens), flips, markers, evaluations: seen.size };
}
