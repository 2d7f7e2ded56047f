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
import { estimateCosts, type BreakEven, type CostOptions, type CostRow, type SkippedPair } from "../cost";
import { leakageDefinedFor, leakageFor, type LeakageRow } from "../leakage";
import { methodPrivacy, type MethodPrivacy } from "../methods";
import { METHODS, MODELS, parseScenario, serializeScenario, type FieldError, type FieldWarning, type MethodId, type Scenario, type ScenarioInput } from "../scenario";
import { utilityFor, type UtilityEstimate } from "../utility";
import { privacyFeasibility } from "./feasibility";

export { privacyFeasibility, type RowFeasibility } from "./feasibility";

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
}

export function estimate(scenario: Scenario, options: CostOptions = {}, warnings: FieldWarning[] = []): Estimate {
  const costs = estimateCosts(scenario, options);
  const privacyByMethod = new Map<MethodId, MethodPrivacy>();
  for (const method of scenario.methods) privacyByMethod.set(method, methodPrivacy(scenario, method));
  const rows: EstimateRow[] = costs.rows.map((row) => {
    const privacy = privacyByMethod.get(row.method) ?? methodPrivacy(scenario, row.method);
    // Feasibility first: channel C may claim "protected" only for a plan that runs and reaches its target.
    const feasibility = privacyFeasibility(privacy);
    return {
      ...row,
      methodLabel: METHODS[row.method].label,
      modelLabel: MODELS[row.model].label,
      privacy,
      leakage: leakageDefinedFor(row.method, row.model) ? leakageFor(scenario, row.method, row.model, { privacy, feasibility }) : null,
      utility: utilityFor(scenario, row.method, row.model),
      ...feasibility,
    };
  });
  return {
    canonical: serializeScenario(scenario),
    scenario,
    rows,
    breakEven: costs.breakEven,
    skipped: costs.skipped,
    privacy: [...privacyByMethod.values()],
    warnings,
  };
}

/** Parse a share link (or JSON body) and estimate it: what the CLI and the JSON API call. */
export function estimateFromInput(input: ScenarioInput | unknown, options: CostOptions = {}): { ok: true; estimate: Estimate } | { ok: false; errors: FieldError[] } {
  const parsed = parseScenario(input);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  return { ok: true, estimate: estimate(parsed.scenario, options, parsed.warnings) };
}
