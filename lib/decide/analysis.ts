/**
 * "What would change the answer" in one call: the answer's sensitivity (tornado) and, when asked,
 * its flip thresholds, on one memoised evaluator, because the flip search revisits the range ends
 * the tornado already estimated (each distinct scenario is estimated once).
 *
 * Used by the page's analysis worker (components/calculator/engine-core.ts) and, through
 * `withSensitivity`, by the API (`sensitivity=1`), the CLI (`--sensitivity`) and /statement, so
 * every door draws or prints the same bars; the evaluator and the flip inputs stay internal to
 * lib/decide.
 */
import type { CostOptions } from "../cost";
import type { Estimate } from "../estimate";
import type { AccountantId, Scenario } from "../scenario";
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
 * The answer's sensitivity as the estimate document carries it (`decision.sensitivity`): the
 * tornado's bars (each input, its range and source, the answer's total cost and the decision's
 * answer at each end), their text table, and the flip markers when the flips were computed too.
 */
export interface AnswerSensitivity extends Sensitivity {
  /** The accountant every estimate behind the bars used: the link's. */
  accountant: AccountantId;
  table: DecisionSensitivity["table"];
  /** Where each flip lies on its bar; empty unless the flips were computed with it. */
  markers: FlipMarker[];
}

/**
 * @param options the cost options of the estimate being explained (e.g. batched serving), so the
 *   bars move the same costs the rows show.
 * @example analyseDecision(presetScenario("sst2"), false).sensitivity.bars[0] // the input with the widest cost swing
 */
export function analyseDecision(scenario: Scenario, withFlips: boolean, options: CostOptions = {}): DecisionSensitivity {
  const seen = new Set<string>();
  const memo = decisionEvaluator(options);
  const evaluate: typeof memo = (s) => {
    seen.add(JSON.stringify(s));
    return memo(s);
  };
  const sens = sensitivity(scenario, null, options, evaluate);
  const flips: Flip[] | null = withFlips
    ? flipInputs(scenario).flatMap((input) => flipsFor(scenario, input, evaluate).map((f): Flip => ({ input: f.input, at: f.at, to: f.to, sentence: f.sentence })))
    : null;
  const markers = flips ? flipMarkers(scenario, sens, flips, options, evaluate) : [];
  return { sensitivity: sens, table: sensitivityTable(sens), flips, markers, evaluations: seen.size };
}

/**
 * The estimate with `decision.sensitivity` filled in (and, with `flips`, `decision.flips` from the
 * same search): what the API (`sensitivity=1`), the CLI (`--sensitivity`) and /statement show.
 * About a dozen estimates with the link's accountant (RDP: a fraction of a second; PRV: seconds).
 */
export function withSensitivity(est: Estimate, options: CostOptions = {}, flips = false): Estimate {
  const a = analyseDecision(est.scenario, flips, options);
  const answer: AnswerSensitivity = { accountant: est.scenario.accountant, ...a.sensitivity, table: a.table, markers: a.markers };
  return { ...est, decision: { ...est.decision, flips: flips ? a.flips : est.decision.flips, sensitivity: answer } };
}
