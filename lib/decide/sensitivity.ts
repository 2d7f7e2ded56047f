/**
 * What moves the answer's cost (issue #18, "what would change the answer"): a tornado chart's data.
 *
 * For one option (the decision's answer, or a method + model the reader picks), the option's total
 * cost (training + queries, USD) is re-estimated with the same engine (`estimate`, memoised by
 * ./flips.ts's `decisionEvaluator`) at the low and the high end of each input's range, the other
 * inputs held at the scenario's values. Bars are sorted by swing, |cost(high) − cost(low)|, the
 * widest first, so the input that matters most is on top.
 *
 * The ranges, and where each comes from:
 * - `queries` ×0.1…×10, `n` (private records N; δ follows as 1/N when it was 1/N) ×0.5…×2, `tokens`
 *   (input and output tokens per record together) ×0.5…×2: the ranges issue #18 states, the same
 *   as the flip search's (./flips.ts `flipInputs`), so a flip threshold can be drawn on its bar;
 * - `eps`: [eps, maxEps] when the user set maxEps (the user's own range), else ε/2…2ε (a stated
 *   what-if, as in the flip search: the study itself compares ε = 0.5…8, Hanke et al. 2024 Table 3);
 * - `gpuPrice`: the GPU's dated spot … on-demand rental range (lib/cost/prices.ts `gpuPriceRange`:
 *   the study's Table 22 for the A40, a dated RunPod/AWS snapshot for current GPUs). A GPU without
 *   a dated range gets no bar (listed in `omitted`): a guessed range would be a figure without source;
 * - `priceSet`: every closed model's API price at the study's list prices (2024-05-22, Table 22)
 *   versus today's (@pydantic/genai-prices, lib/cost/prices.ts): two dated lists, not a scale
 *   factor. User price overrides are kept in both. A model priced in one list only has no cost at
 *   the other end (shown as "no price", never $0).
 *
 * Example (the default scenario: SST-2, ε = 8, A40 at $0.69/h): the answer, PrivateLoRA on
 * Llama3-8B, costs $28.38, all GPU-hours; the GPU-price bar is the widest, $20.57 at $0.50/h …
 * $85.14 at $2.07/h, then N ($14.58 … $55.98), query volume, token lengths; ε and the API price
 * list do not move it (swing $0). Measured in the worker: 12 estimates, about 0.4–0.5 s with RDP
 * on a loaded 2-core machine.
 */
import type { CostOptions } from "../cost";
import { GENAI_PRICES_AS_OF, PAPER_PRICES_AS_OF, gpuPriceRange } from "../cost";
import type { Estimate } from "../estimate";
import { METHODS, MODELS, type Scenario } from "../scenario";
import type { Decision, Flip, OptionId } from "./decide";
import { decisionEvaluator, flipInputs } from "./flips";
import { formatSignificant } from "../present/format";

/** One end of a bar: the input's value there and the option's total cost. */
export interface SensitivityEnd {
  /** The input's value (its own units: queries, records, ×tokens, ε, $/GPU-hour), or the price list's id. */
  value: number | string;
  /** The value in words, e.g. "1k queries". */
  words: string;
  /** The option's total cost in USD at this end; null when a price is unknown there (never $0). */
  costUsd: number | null;
  /** Whether the option can run as planned at this end (privacy, data, context window). */
  feasible: boolean;
  /** The decision's answer at this end (null: nothing meets every must-have there). */
  answer: OptionId | null;
}

export interface SensitivityBar {
  /** The input's id, the same as a flip's `input` (`queries`, `n`, `tokens`, `eps`, `gpuPrice`) or `priceSet`. */
  input: string;
  label: string;
  /** The input's unit, e.g. "queries", "records", "× token lengths", "ε", "$/GPU-hour", "price list". */
  unit: string;
  /** The scenario's value in words. */
  currentWords: string;
  /** The range in words, e.g. "×0.1…×10 (1k…100k queries)". */
  range: string;
  /** Where the range comes from. */
  source: string;
  low: SensitivityEnd;
  high: SensitivityEnd;
  /** |high.costUsd − low.costUsd| in USD; null when either end has no cost. */
  swingUsd: number | null;
}

export interface FlipMarker {
  input: string;
  /** The input's value at the threshold. */
  at: number;
  /** The option's total cost at the threshold (USD); null when unknown. */
  costUsd: number | null;
  sentence: string;
}

export interface Sensitivity {
  /** The option whose cost is moved; null when there is no answer and none was given. */
  option: (OptionId & { methodLabel: string; modelLabel: string }) | null;
  /** The option's total cost at the scenario's values (USD). */
  baseCostUsd: number | null;
  /** Sorted by swing, widest first; bars without a swing (a price unknown at one end) last. */
  bars: SensitivityBar[];
  /** Inputs left out and why (e.g. no dated GPU price range). */
  omitted: { input: string; label: string; reason: string }[];
  /** Estimates run (the evaluator's memo counts each scenario once). */
  evaluations: number;
}

type Evaluate = (s: Scenario) => { decision: Decision; estimate: Estimate };

const LABELS: Record<string, { label: string; unit: string; source: string }> = {
  queries: { label: "Query volume", unit: "queries", source: "×0.1…×10 of your volume (issue #18's stated range)" },
  n: { label: "Private records N", unit: "records", source: "×0.5…×2 of your N (issue #18's stated range); δ follows as 1/N when it was 1/N" },
  tokens: { label: "Token lengths", unit: "× token lengths", source: "×0.5…×2 of your input and output tokens per record (issue #18's stated range)" },
};

const usdText = (x: number | null) => (x === null ? "no price" : `$${formatSignificant(x, 4)}`);

/**
 * The option's cost at each end of each input's range (module comment). `evaluate` may be shared
 * with a flip search (`decisionEvaluator`), so scenarios both visit are estimated once.
 */
export function sensitivity(scenario: Scenario, option: OptionId | null = null, options: CostOptions = {}, evaluate: Evaluate = decisionEvaluator(options)): Sensitivity {
  let evaluations = 0;
  const seen = new Set<string>();
  const at = (s: Scenario) => {
    const key = JSON.stringify(s);
    if (!seen.has(key)) {
      seen.add(key);
      evaluations++;
    }
    return evaluate(s);
  };
  const base = at(scenario);
  const target = option ?? (base.decision.answer ? { method: base.decision.answer.method, model: base.decision.answer.model } : null);
  const omitted: Sensitivity["omitted"] = [];
  if (target === null) return { option: null, baseCostUsd: null, bars: [], omitted, evaluations };
  const rowOf = (est: Estimate) => est.rows.find((r) => r.method === target.method && r.model === target.model) ?? null;
  const baseRow = rowOf(base.estimate);
  const end = (s: Scenario, value: number | string, words: string): SensitivityEnd => {
    const e = at(s);
    const row = rowOf(e.estimate);
    const a = e.decision.answer;
    return { value, words, costUsd: row?.totalCostUsd ?? null, feasible: row?.feasible ?? false, answer: a ? { method: a.method, model: a.model } : null };
  };

  const bars: SensitivityBar[] = [];
  for (const input of flipInputs(scenario)) {
    if (input.input === "apiPrices") continue; // the price lists below are this input's sourced range
    if (input.input === "gpuPrice") continue; // the dated range below, not a scale factor
    const meta = input.input === "eps"
      ? { label: "ε (privacy budget)", unit: "ε", source: scenario.maxEpsilon !== null ? "your range: eps … maxEps" : "ε/2…2ε of your ε (a stated what-if; no maxEps given)" }
      : LABELS[input.input];
    if (!meta) continue;
    bars.push(bar(input.input, meta, input.words(input.current), `${input.words(input.low)} … ${input.words(input.high)}`,
      end(input.apply(scenario, input.low), input.low, input.words(input.low)), end(input.apply(scenario, input.high), input.high, input.words(input.high))));
  }

  const gpuUsed = baseRow !== null && baseRow.llm === "open" && scenario.gpuUsdPerHour > 0;
  const range = gpuPriceRange(scenario.gpu, scenario.priceSet);
  if (range && range.spotUsdPerHour !== null && range.onDemandUsdPerHour !== null) {
    const words = (x: number) => `$${formatSignificant(x, 3)} per GPU-hour`;
    const [lo, hi] = [range.spotUsdPerHour, range.onDemandUsdPerHour];
    bars.push(bar("gpuPrice", { label: "GPU price", unit: "$/GPU-hour", source: `${scenario.gpu} spot … on-demand, ${range.source} (as of ${range.asOf})` }, words(scenario.gpuUsdPerHour), `${words(lo)} … ${words(hi)}`,
      end({ ...scenario, gpuUsdPerHour: lo }, lo, words(lo)), end({ ...scenario, gpuUsdPerHour: hi }, hi, words(hi))));
  } else if (gpuUsed) {
    omitted.push({ input: "gpuPrice", label: "GPU price", reason: `no dated spot/on-demand price range for the ${scenario.gpu} in this price list (lib/cost/prices.ts), so no range is drawn rather than a guessed one` });
  }

  if (scenario.closedModels.length > 0) {
    const study = `the study's list prices (${PAPER_PRICES_AS_OF}, Hanke et al. 2024, Table 22)`;
    const today = `today's list prices (@pydantic/genai-prices, as of ${GENAI_PRICES_AS_OF})`;
    bars.push(bar("priceSet", { label: "API price list", unit: "price list", source: "two dated price lists (lib/cost/prices.ts); your price overrides are kept in both" },
      scenario.priceSet === "paper-2024-05" ? study : today, `${study} … ${today}`,
      end({ ...scenario, priceSet: "paper-2024-05" }, "paper-2024-05", study), end({ ...scenario, priceSet: "current" }, "current", today)));
  }

  bars.sort((a, b) => (a.swingUsd === null ? 1 : 0) - (b.swingUsd === null ? 1 : 0) || (b.swingUsd ?? 0) - (a.swingUsd ?? 0));
  return {
    option: { ...target, methodLabel: baseRow?.methodLabel ?? METHODS[target.method].label, modelLabel: baseRow?.modelLabel ?? MODELS[target.model].label },
    baseCostUsd: baseRow?.totalCostUsd ?? null,
    bars,
    omitted,
    evaluations,
  };
}

function bar(input: string, meta: { label: string; unit: string; source: string }, currentWords: string, range: string, low: SensitivityEnd, high: SensitivityEnd): SensitivityBar {
  const swingUsd = low.costUsd === null || high.costUsd === null ? null : Math.abs(high.costUsd - low.costUsd);
  return { input, ...meta, currentWords, range, source: meta.source, low, high, swingUsd };
}

/**
 * Where each flip lies on its input's bar: the option's cost at the threshold (one more estimate
 * each, memoised). Flips outside the bar's range, on inputs without a bar, or on a non-numeric
 * input are left out.
 */
export function flipMarkers(scenario: Scenario, sens: Sensitivity, flips: readonly Flip[], options: CostOptions = {}, evaluate: Evaluate = decisionEvaluator(options)): FlipMarker[] {
  const target = sens.option;
  if (!target) return [];
  const inputs = new Map(flipInputs(scenario).map((i) => [i.input, i]));
  const out: FlipMarker[] = [];
  for (const f of flips) {
    const b = sens.bars.find((x) => x.input === f.input);
    const input = inputs.get(f.input);
    if (!b || !input || typeof b.low.value !== "number" || typeof b.high.value !== "number") continue;
    if (f.at < Math.min(b.low.value, b.high.value) || f.at > Math.max(b.low.value, b.high.value)) continue;
    const row = evaluate(input.apply(scenario, f.at)).estimate.rows.find((r) => r.method === target.method && r.model === target.model);
    out.push({ input: f.input, at: f.at, costUsd: row?.totalCostUsd ?? null, sentence: f.sentence });
  }
  return out;
}

/** The bars as rows of text: the chart's text alternative. */
export function sensitivityTable(sens: Sensitivity): { caption: string; columns: string[]; rows: string[][] } {
  const who = sens.option ? `${sens.option.methodLabel} on ${sens.option.modelLabel}` : "no option";
  return {
    caption: `Total cost of ${who} (USD) at each end of each input's range, the other inputs as given (base ${usdText(sens.baseCostUsd)})`,
    columns: ["Input", "Range (source)", "Cost at low end", "Cost at high end", "Swing"],
    rows: sens.bars.map((b) => [
      b.label,
      `${b.range} (${b.source})`,
      `${usdText(b.low.costUsd)}${b.low.feasible ? "" : " (cannot run)"}`,
      `${usdText(b.high.costUsd)}${b.high.feasible ? "" : " (cannot run)"}`,
      usdText(b.swingUsd),
    ]),
  };
}
