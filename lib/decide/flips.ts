/**
 * What would change the answer (issue #18): the thresholds at which the decision flips to another
 * option, solved by bisection on the same engine (`estimate` + `decide`), not read off a grid.
 *
 * For each input, over a stated range around the scenario's value:
 * - `queries` ×0.1…×10, `n` (private records N) ×0.5…×2 (δ follows as 1/N when it was 1/N, the
 *   link's default), `tokens` (input and output tokens per record together) ×0.5…×2,
 * - `eps` over the user's range: [eps, maxEps] when maxEps is set, else ε/2…2ε,
 * - `gpuPrice` ×0.5…×2 (spot rental is about half the on-demand price), and `apiPrices` (every
 *   closed model's API price and every hosted model's override together) ×0.5…×2.
 * the answer is evaluated at each end. Where it differs from the answer at the scenario's value,
 * bisection (in log space: every input is a positive scale) narrows [inside, outside] — inside
 * gives today's answer, outside the other one — until outside / inside ≤ 1 + FLIP_TOLERANCE (or
 * the two are adjacent integers). Bisection finds *a* change in the bracket; an answer that changes
 * and changes back inside the range, with the same answer at the end, is not reported.
 */
import { estimateForSearch, type Estimate } from "../estimate";
import type { CostOptions } from "../cost";
import { resolveApiPrice } from "../cost";
import { MIN_EPSILON, MODELS, deploymentOf, modelLabelWithStatus, type ModelId, type PriceOverride, type Scenario } from "../scenario";
import { formatCompact, formatEpsilon, formatSignificant, formatUpperBound, groupedFixed } from "../present/format";
import type { Decision, Flip, OptionId } from "./decide";

/** Relative width at which a bracket is narrow enough: 1% is finer than the two digits a sentence prints. */
export const FLIP_TOLERANCE = 0.01;

export interface FlipInput {
  input: string;
  /** The value in the scenario, in the input's units. */
  current: number;
  low: number;
  high: number;
  integer: boolean;
  /** The scenario with the input at `x`. */
  apply: (s: Scenario, x: number) => Scenario;
  /** The value in words, e.g. "2.4M queries". */
  words: (x: number) => string;
  /** The value to enough digits to tell a bracket's two ends apart, e.g. "2,412,345". */
  exact: (x: number) => string;
}

// Words and exact values through the one formatting module (lib/present/format.ts).
const compact = formatCompact;
const sig = (x: number) => formatSignificant(x, 3);
const fine = (x: number) => formatSignificant(x, 5);

/** The scenario with every API price scaled by `k` (closed models' list prices, hosted models' overrides); null if a price is tiered or unknown. */
function scaleApiPrices(s: Scenario, k: number): Scenario | null {
  const overrides: Partial<Record<ModelId, PriceOverride>> = { ...s.priceOverrides };
  const models = [...s.closedModels, ...s.openModels.filter((m) => deploymentOf(s, m) === "hosted")];
  for (const model of models) {
    const p = resolveApiPrice(model, s);
    // A tiered price cannot be scaled by one override without dropping its tiers; say nothing rather than something wrong.
    if (!p.ok || p.quote.tiers.length > 0) return null;
    overrides[model] = { inputUsdPerMTok: p.quote.inputUsdPerMillionTokens * k, outputUsdPerMTok: p.quote.outputUsdPerMillionTokens * k };
  }
  // An override on an open model marks it hosted; only models already hosted were given one.
  return { ...s, priceOverrides: overrides, hostedModels: s.hostedModels.filter((m) => MODELS[m].llm === "open") };
}

/** The inputs searched and their ranges (module comment). */
export function flipInputs(s: Scenario): FlipInput[] {
  const out: FlipInput[] = [];
  const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
  out.push({
    input: "queries", current: s.queries, low: clamp(Math.round(s.queries * 0.1), 1, 1e12), high: clamp(Math.round(s.queries * 10), 1, 1e12), integer: true,
    apply: (sc, x) => ({ ...sc, queries: x }), words: (x) => `${compact(x)} queries`, exact: (x) => groupedFixed(x, 0),
  });
  const deltaIsDefault = Math.abs(s.delta * s.records - 1) < 1e-12;
  out.push({
    input: "n", current: s.records, low: clamp(Math.round(s.records * 0.5), 2, 1e9), high: clamp(Math.round(s.records * 2), 2, 1e9), integer: true,
    apply: (sc, x) => ({ ...sc, records: x, ...(deltaIsDefault ? { delta: 1 / x } : {}) }), words: (x) => `${compact(x)} private records`, exact: (x) => groupedFixed(x, 0),
  });
  out.push({
    input: "tokens", current: 1, low: 0.5, high: 2, integer: false,
    apply: (sc, x) => ({ ...sc, inTokens: s.inTokens * x, outTokens: s.outTokens * x }), words: (x) => `×${sig(x)} the token lengths (${sig(s.inTokens * x)} in, ${sig(s.outTokens * x)} out per record)`, exact: (x) => `×${fine(x)}`,
  });
  const [epsLow, epsHigh] = s.maxEpsilon !== null ? [Math.min(s.epsilon, s.maxEpsilon), Math.max(s.epsilon, s.maxEpsilon)] : [Math.max(MIN_EPSILON, s.epsilon / 2), Math.min(100, s.epsilon * 2)];
  out.push({ input: "eps", current: s.epsilon, low: epsLow, high: epsHigh, integer: false, apply: (sc, x) => ({ ...sc, epsilon: x }), words: (x) => `ε = ${formatEpsilon(x)}`, exact: (x) => `ε = ${formatUpperBound(x, 5)}` });
  if (s.gpuUsdPerHour > 0) {
    out.push({
      input: "gpuPrice", current: s.gpuUsdPerHour, low: s.gpuUsdPerHour * 0.5, high: Math.min(1000, s.gpuUsdPerHour * 2), integer: false,
      apply: (sc, x) => ({ ...sc, gpuUsdPerHour: x }), words: (x) => `$${sig(x)} per GPU-hour`, exact: (x) => `$${fine(x)}/h`,
    });
  }
  if (scaleApiPrices(s, 1) !== null && s.closedModels.length + s.hostedModels.length > 0) {
    out.push({
      input: "apiPrices", current: 1, low: 0.5, high: 2, integer: false,
      apply: (sc, x) => scaleApiPrices(sc, x) ?? sc, words: (x) => `×${sig(x)} every API price`, exact: (x) => `×${fine(x)}`,
    });
  }
  return out;
}

const idOf = (d: Decision): OptionId | null => (d.answer ? { method: d.answer.method, model: d.answer.model } : null);
const keyOf = (o: OptionId | null) => (o ? `${o.method}/${o.model}` : "none");

/** Evaluates the decision at a scenario, memoised by the scenario's JSON within one search. */
export function decisionEvaluator(options: CostOptions = {}): (s: Scenario) => { decision: Decision; estimate: Estimate } {
  const memo = new Map<string, { decision: Decision; estimate: Estimate }>();
  return (s) => {
    const key = JSON.stringify(s);
    let hit = memo.get(key);
    if (!hit) {
      const est = estimateForSearch(s, options);
      hit = { decision: est.decision, estimate: est };
      memo.set(key, hit);
    }
    return hit;
  };
}

function nameOf(o: OptionId | null, evaluated: Estimate): string {
  if (!o) return "nothing meets every must-have";
  const row = evaluated.rows.find((r) => r.method === o.method && r.model === o.model);
  return `${row?.methodLabel ?? o.method} on ${modelLabelWithStatus(o.model)} becomes the answer`;
}

/**
 * One input's flips: at most one per direction (module comment). `bracket` is [inside, outside]:
 * the answer is today's at `inside` and `to` at `outside` (= `at`).
 */
export function flipsFor(s: Scenario, input: FlipInput, evaluate: (s: Scenario) => { decision: Decision; estimate: Estimate }): (Flip & { bracket: [number, number] })[] {
  const here = keyOf(idOf(evaluate(s).decision));
  const out: (Flip & { bracket: [number, number] })[] = [];
  for (const end of [input.low, input.high]) {
    if (end === input.current) continue;
    const atEnd = evaluate(input.apply(s, end));
    if (keyOf(idOf(atEnd.decision)) === here) continue;
    let inside = input.current;
    let outside = end;
    let outsideEval = atEnd;
    for (;;) {
      const narrow = input.integer ? Math.abs(outside - inside) <= 1 : Math.max(outside, inside) / Math.min(outside, inside) <= 1 + FLIP_TOLERANCE;
      if (narrow) break;
      let mid = Math.sqrt(inside * outside);
      if (input.integer) mid = Math.round(mid);
      if (mid === inside || mid === outside) mid = input.integer ? inside + Math.sign(outside - inside) : (inside + outside) / 2;
      if (mid === outside) break;
      const m = evaluate(input.apply(s, mid));
      if (keyOf(idOf(m.decision)) === here) inside = mid;
      else {
        outside = mid;
        outsideEval = m;
      }
    }
    const to = idOf(outsideEval.decision);
    const up = outside > input.current;
    out.push({
      input: input.input,
      at: outside,
      to,
      bracket: [inside, outside],
      sentence: `${up ? "Above" : "Below"} about ${input.words(outside)}, ${nameOf(to, outsideEval.estimate)} (bisection: today's answer at ${input.exact(inside)}, the new one at ${input.exact(outside)}).`,
    });
  }
  return out;
}

/** Every input's flips for the scenario (see the module comment for the inputs and ranges). */
export function findFlips(s: Scenario, options: CostOptions = {}): Flip[] {
  const evaluate = decisionEvaluator(options);
  return flipInputs(s).flatMap((input) => flipsFor(s, input, evaluate).map((f): Flip => ({ input: f.input, at: f.at, to: f.to, sentence: f.sentence })));
}

/** The estimate's decision with its flips filled in: what the API, the CLI and the statement show. */
export function withFlips(est: Estimate, options: CostOptions = {}): Estimate {
  if (est.decision.flips !== null) return est;
  return { ...est, decision: { ...est.decision, flips: findFlips(est.scenario, options) } };
}
