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
import type { Scenario } from "../scenario";
import type { Flip } from "./decide";
import { decisionEvaluator, flipInputs, flipsFor, withFlips } from "./flips";
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
  /**
   * The accountant every estimate behind the bars used: RDP, as the page's chart, whatever the
   * link's (see `withSensitivity`).
   */
  accountant: "rdp";
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
 * The estimate with `decision.sensitivity` filled in (and, with `flips`, `decision.flips`): what
 * the API (`sensitivity=1`), the CLI (`--sensitivity`) and /statement show.
 *
 * The bars are estimated with the RDP accountant whatever the link's, exactly as the page's chart
 * (components/calculator/engine-core.ts), so every door shows the same bars for a link: about a
 * dozen estimates, a fraction of a second with RDP, but about a second each with PRV (measured on
 * a loaded 2-core machine, the default link's cold statement: 13.9 s with PRV bars, about 6 s with
 * RDP bars, of which about 5 s is the link's own PRV estimate). RDP is
 * an upper bound on ε, usually looser than PRV. The flips keep the link's accountant (the same as
 * `flips=1` alone, ./flips.ts `withFlips`); their markers are placed on the RDP bars.
 */
export function withSensitivity(est: Estimate, options: CostOptions = {}, flips = false): Estimate {
  const rdp: Scenario = { ...est.scenario, accountant: "rdp" };
  const withThresholds = flips ? withFlips(est, options) : est;
  const a = analyseDecision(rdp, false, options);
  const found = withThresholds.decision.flips;
  const markers = flips && found ? flipMarkers(rdp, a.sensitivity, found, options) : [];
  const answer: AnswerSensitivity = { accountant: "rdp", ...a.sensitivity, table: a.table, markers };
  return { ...withThresholds, decision: { ...withThresholds.decision, sensitivity: answer } };
}
