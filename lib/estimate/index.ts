/**
 * `estimate(scenario)`: the one result every door shows.
 *
 * One row per compared method × model, merging the four engines:
 * - cost (lib/cost): training, query and total cost with their breakdown and sources;
 * - privacy (lib/methods): what (ε, δ) buys the method — noise, allowed queries/tokens/steps — and
 *   which accountant produced each ε (privacy depends on the method, not the model);
 * - leakage (lib/leakage): what reaches the provider and the querying party;
 * - utility (lib/utility): what accuracy the study measured for this setup.
 * The row's top-level cost fields are a public contract (issue #4): later issues add fields,
 * never rename these.
 */
import type { BreakEven, CostOptions, CostRow, SkippedPair } from "../cost";
import { leakageDefinedFor, leakageFor, type LeakageRow } from "../leakage";
import { methodDescriptor, methodPrivacy, type MethodPrivacy } from "../methods";
import { METHODS, MODELS, parseScenario, serializeScenario, type FieldError, type FieldWarning, type MethodId, type ModelId, type Scenario, type ScenarioInput } from "../scenario";
import { utilityFor, type UtilityEstimate } from "../utility";
import { decide, epsilonRelaxation, hasMustHave, pickEpsilon, type Decision } from "../decide";
import { estimateCostsWithWork } from "../cost/estimate";
import { rowFeasibility } from "./feasibility";

export { privacyFeasibility, rowFeasibility, contextChecks, type RowFeasibility, type ContextCheck } from "./feasibility";

export interface EstimateRow extends CostRow {
  methodLabel: string;
  modelLabel: string;
  privacy: MethodPrivacy;
  /** Null only for a pair the leakage ledger does not define (never produced by estimateCosts). */
  leakage: LeakageRow | null;
  utility: UtilityEstimate;
  /** Whether the plan can run as specified (privacy, data, context window); see ./feasibility. */
  feasible: boolean;
  /** One line per unmet requirement; empty when feasible. */
  infeasibleReasons: string[];
}

export interface Estimate {
  canonical: string;
  scenario: Scenario;
  rows: EstimateRow[];
  breakEven: BreakEven[];
  /** Selected method × model pairs that were not compared, with the reason. */
  skipped: SkippedPair[];
  /** Each selected method's privacy once (rows repeat it per model). */
  privacy: MethodPrivacy[];
  warnings: FieldWarning[];
  /**
   * The answer under the scenario's must-haves (lib/decide, issue #18). `flips` is null here: the
   * thresholds cost many estimates, so the API, the CLI and the statement add them (`withFlips`).
   */
  decision: Decision;
}

/**
 * The study's measured utility, unless the scenario runs a setup the study did not measure (the
 * method file's `unmeasuredSetup`, e.g. DP-FewShotGen's variant (2)): then no measured value, and
 * a note naming what was measured.
 */
function deployedUtility(scenario: Scenario, method: MethodId, model: ModelId): UtilityEstimate {
  const u = utilityFor(scenario, method, model);
  const unmeasured = methodDescriptor(method).unmeasuredSetup;
  if (unmeasured === undefined || u.kind === "none") return u;
  const note = unmeasured(scenario, `${u.value === null ? "" : `${u.value} `}${u.kind}${u.source ? `, ${u.source}` : ""}`);
  if (note === null) return u;
  return { value: null, metric: u.metric, spread: null, kind: "none", basis: null, source: null, epsilon: null, note };
}

export function estimate(scenario: Scenario, options: CostOptions = {}, warnings: FieldWarning[] = []): Estimate {
  return estimateWith(scenario, options, warnings, true);
}

/**
 * `estimate()` without the search for an ε that would give an option (lib/decide/epsilon.ts
 * `epsilonRelaxation`): what searches that read only the answer call (flips, pickEpsilon,
 * sensitivity), so a search does not start a search at each of its points.
 */
export function estimateForSearch(scenario: Scenario, options: CostOptions = {}): Estimate {
  return estimateWith(scenario, options, [], false);
}

function estimateWith(scenario: Scenario, options: CostOptions, warnings: FieldWarning[], relaxEpsilon: boolean): Estimate {
  const { costs, work } = estimateCostsWithWork(scenario, options);
  const privacyByMethod = new Map<MethodId, MethodPrivacy>();
  for (const method of scenario.methods) privacyByMethod.set(method, methodPrivacy(scenario, method));
  const rows: EstimateRow[] = costs.rows.map((row) => {
    const privacy = privacyByMethod.get(row.method) ?? methodPrivacy(scenario, row.method);
    // Feasibility first: channel C may claim "protected" only for a plan that runs and reaches its target.
    const { feasible, infeasibleReasons } = rowFeasibility({ scenario, method: row.method, model: row.model, privacy, options, work: work.get(row) });
    // The cost row is this call's own (estimateCosts built it just now), so it is completed in
    // place rather than copied key by key: the same keys in the same order as `{ ...row, … }`
    // (`assumptions` keeps its place, the rest follow), a tenth of estimate()'s time less
    // (test/bench/RESULTS.md, issue #15).
    return Object.assign(row, {
      // The cost is still shown, for the plan as if it could run; its first assumption says it cannot.
      assumptions: feasible ? row.assumptions : [`This plan cannot run as specified: ${infeasibleReasons[0] ?? ""} The cost shown is what it would be if it could.`, ...row.assumptions],
      methodLabel: METHODS[row.method].label,
      modelLabel: MODELS[row.model].label,
      privacy,
      leakage: leakageDefinedFor(row.method, row.model) ? leakageFor(scenario, row.method, row.model, { privacy, feasibility: { feasible, infeasibleReasons } }) : null,
      utility: deployedUtility(scenario, row.method, row.model),
      feasible,
      infeasibleReasons,
    });
  });
  return {
    canonical: serializeScenario(scenario),
    scenario,
    rows,
    breakEven: costs.breakEven,
    skipped: costs.skipped,
    privacy: [...privacyByMethod.values()],
    warnings,
    decision: relaxEpsilon ? withEpsilonRelaxation(scenario, decisionAt(scenario, rows, options), options) : decisionAt(scenario, rows, options),
  };
}

/**
 * The decision for the rows; with `maxEps`, the one at the ε the search picks (lib/decide/epsilon.ts:
 * extra estimates only when maxEps is set and no option qualifies at eps).
 */
function decisionAt(scenario: Scenario, rows: EstimateRow[], options: CostOptions): Decision {
  const atAsked = decide(scenario, rows);
  if (scenario.maxEpsilon === null) return atAsked;
  const { decision, epsilon } = pickEpsilon(scenario, atAsked, options);
  return { ...decision, epsilon, notes: [...decision.notes, epsilon.sentence] };
}

/** Parse a share link (or JSON body) and estimate it: what the CLI and the JSON API call. */
export function estimateFromInput(input: ScenarioInput | unknown, options: CostOptions = {}): { ok: true; estimate: Estimate } | { ok: false; errors: FieldError[] } {
  const parsed = parseScenario(input);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  return { ok: true, estimate: estimate(parsed.scenario, options, parsed.warnings) };
}

/**
 * When nothing meets every must-have, whether a larger ε gives an option, as one more relaxation
 * ("allow ε up to 2.31"). Only when the link names a must-have: without one the decision has no
 * must-have to relax (and links from before must-haves keep their estimates byte for byte).
 */
function withEpsilonRelaxation(scenario: Scenario, d: Decision, options: CostOptions): Decision {
  if (d.answer !== null || !hasMustHave(scenario)) return d;
  const from = Math.max(scenario.epsilon, scenario.maxEpsilon ?? scenario.epsilon);
  const r = epsilonRelaxation(scenario, from, (eps) => estimateForSearch({ ...scenario, epsilon: eps, maxEpsilon: null }, options).decision);
  if (r === null) return d;
  // The note "no must-have relaxed alone gives an option" is no longer true once ε does.
  return { ...d, relax: [...d.relax, r], notes: d.notes.filter((n) => !n.startsWith("No must-have relaxed alone")) };
}
