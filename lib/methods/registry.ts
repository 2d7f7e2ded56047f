/**
 * The method registry: one descriptor per method id, read from ./list.ts. Adding a method = one
 * file + one line in that list. lib/cost and lib/leakage fold over the descriptors.
 */
import type { MethodId, Scenario } from "../scenario";
import { METHOD_LIST } from "./list";
import type { DataRequirement, MethodDescriptor, MethodPrivacy } from "./types";
import { PrvGridTooLargeError, PrvRoundOffError } from "../privacy";
import { PRV_MAX_GRID_POINTS } from "./common";
import { formatCount } from "../present/format";

/** Every registered method's descriptor by id (./list.ts), in the list's order. */
export const METHOD_DESCRIPTORS: Readonly<Record<MethodId, MethodDescriptor>> = Object.freeze(
  Object.fromEntries(METHOD_LIST.map((d): [MethodId, MethodDescriptor] => [d.id, d])) as Record<MethodId, MethodDescriptor>,
);

export function methodDescriptor(id: MethodId): MethodDescriptor {
  const d = METHOD_DESCRIPTORS[id];
  if (!d) throw new RangeError(`method must be one of ${METHOD_LIST.map((m) => m.id).join(", ")}; got ${String(id)}`);
  return d;
}

/**
 * The scenario fields a method's privacy depends on: the memo key. `queries` only where answering
 * spends budget (DP-ICL); test/methods/methods.test.ts checks that every other method's privacy is
 * the same whatever the number of queries, so a method that starts reading it fails there.
 */
function privacyKey(scenario: Scenario, descriptor: MethodDescriptor): string {
  const { task, classes, records, queries, epsilon, delta, accountant } = scenario;
  return JSON.stringify([descriptor.id, task, classes, records, descriptor.queriesSpendBudget ? queries : null, epsilon, delta, accountant, scenario.knobs[descriptor.id]]);
}

const memo = new Map<string, MethodPrivacy>();
const MEMO_LIMIT = 512;

/**
 * A deep copy of a result as JSON would carry it: non-finite numbers become null (JSON has no
 * NaN/Infinity), −0 becomes 0, undefined properties are dropped and undefined array items become
 * null — exactly JSON.parse(JSON.stringify(·)) with that replacer on plain data, without building
 * and re-parsing the string (a fifth of a warm scenario's time once its searches were cached).
 */
function jsonSafe<T>(value: T): T {
  return copyAsJson(value) as T;
}

function copyAsJson(value: unknown): unknown {
  if (typeof value === "number") return Number.isFinite(value) ? value + 0 : null; // −0 + 0 = +0
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item: unknown) => (item === undefined || typeof item === "function" ? null : copyAsJson(item)));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined && typeof item !== "function") out[key] = copyAsJson(item);
  }
  return out;
}

/**
 * The method's privacy with the scenario's accountant, except where PRV would need a grid beyond
 * PRV_MAX_GRID_POINTS (extreme ε, δ or step counts: single compositions of 10⁷ points take
 * seconds to minutes), or where its FFT round-off swamps δ (PrvRoundOffError: small δ, many
 * compositions): then RDP, an upper bound on ε, produces every number of that method, and
 * the notes say so — the result's accountant label changes with it, never silently.
 */
function privacyWithinGridLimit(descriptor: MethodDescriptor, scenario: Scenario): MethodPrivacy {
  try {
    return descriptor.privacy(scenario);
  } catch (error) {
    if (!(error instanceof PrvGridTooLargeError || error instanceof PrvRoundOffError) || scenario.accountant === "rdp") throw error;
    const result = descriptor.privacy({ ...scenario, accountant: "rdp" });
    const why = error instanceof PrvRoundOffError
      ? `The PRV accountant cannot read ε at δ = ${error.delta} here (${error.reason})`
      : `The PRV accountant would need a grid of ${formatCount(error.gridPoints)} points here (limit ${formatCount(PRV_MAX_GRID_POINTS)})`;
    return {
      ...result,
      notes: [...result.notes, `${why}; the RDP accountant (an upper bound on ε) produced these numbers instead.`],
    };
  }
}

/**
 * One method's privacy for a scenario. Deterministic and memoised per (method, relevant scenario
 * fields). Never throws for a schema-valid scenario: an unexpected failure becomes an infeasible
 * result carrying `error`, so one method cannot take the page down.
 */
export function methodPrivacy(scenario: Scenario, id: MethodId): MethodPrivacy {
  const descriptor = methodDescriptor(id);
  const key = privacyKey(scenario, descriptor);
  const hit = memo.get(key);
  if (hit) return hit;
  let result: MethodPrivacy;
  try {
    result = jsonSafe(privacyWithinGridLimit(descriptor, scenario));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    result = {
      method: id, label: descriptor.label, feasible: false, targetEpsilon: scenario.epsilon, epsilon: null, delta: scenario.delta,
      accountant: scenario.accountant === "rdp" ? "rdp" : "prv", noiseMultiplier: null,
      mechanism: { parameter: "noiseMultiplier", value: null, unit: "" },
      budget: { unit: "queries", planned: 0, allowed: null }, samplingRate: 1, asOriginalCode: null,
      notes: [`The privacy computation failed: ${message}`], sources: [...descriptor.sources], error: message,
    };
  }
  result = withDataRequirements(result, methodDataRequirements(scenario, id));
  if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value as string);
  memo.set(key, result);
  return result;
}

/** What a method draws from the private records, each checked against the scenario. */
export function methodDataRequirements(scenario: Scenario, id: MethodId): DataRequirement[] {
  return methodDescriptor(id).dataRequirements(scenario);
}

/**
 * A plan is feasible only if its budget runs the workload AND the data it draws exists. An unmet
 * requirement makes the result infeasible, puts its one-line reason in the notes, and sets
 * `minFeasibleEpsilon` to null: no ε creates the missing records. The privacy numbers stay, for
 * the plan as it would be if it could be built.
 */
function withDataRequirements(result: MethodPrivacy, requirements: DataRequirement[]): MethodPrivacy {
  const unmet = requirements.filter((r) => !r.met);
  if (unmet.length === 0) return { ...result, budgetFeasible: result.feasible, requirements };
  return {
    ...result,
    feasible: false,
    budgetFeasible: result.feasible,
    requirements,
    minFeasibleEpsilon: null,
    notes: [...result.notes, ...unmet.map((r) => `Cannot run: ${r.reason}`)],
  };
}

/** Every selected method's privacy, in the scenario's method order. */
export function privacyForScenario(scenario: Scenario): MethodPrivacy[] {
  return scenario.methods.map((id) => methodPrivacy(scenario, id));
}

/** Forgets memoised method results (benchmarks time the engine without them). */
export function clearMethodPrivacyMemo(): void {
  memo.clear();
}
