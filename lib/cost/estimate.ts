/**
 * `estimateCosts(scenario)`: the cost of every selected method on every compatible selected model,
 * and the query volume at which each open choice and each closed choice cost the same.
 *
 * A row prices the method's work (./method-work) in one of two currencies:
 * - LLM calls on a closed model, or on an open model run at a host (`hosted`, or a `price.<model>`
 *   override; see `deploymentOf`) → API tokens × price (./prices);
 * - LLM calls on a local open model, DP-SGD training, DP-OPT's local search → GPU-hours (./gpu-model)
 *   × the scenario's $/GPU-hour. DP-SGD training stays on the user's GPU even when the trained
 *   model is then served at a host (a host's API exposes no gradients to train with).
 * Training cost is paid once; query cost is linear in the number of queries, so
 * total(q) = training + q × per-query cost, which is what break-even and the chart use.
 */
import { GPUS, METHODS, MODELS, deploymentOf, type DpSgdImpl, type MethodId, type ModelId, type Scenario } from "../scenario";
import {
  BATCHED_SERVING_BATCH, batchedForwardGpuHours, checkInferenceMemory, checkTrainingMemory, dpSgdGpuHours, gpuSetup, servingGpuHours, WEIGHT_BYTES,
  type GpuSetup, type ServingMode,
} from "./gpu-model";
import { methodDescriptor } from "../methods/registry";
import { methodWork, type ApiCostOptions, type LlmCalls, type MethodWork, type WorkItem } from "./method-work";
import { apiUsd, gpuPriceRange, resolveApiPrice } from "./prices";
import { batchFor, cacheFor, type StagePricingNote } from "./api-options";
import { applyGpuBasis } from "./gpu-basis";
import { LruCache } from "../api/lru-cache";
import { paperFigureFor } from "./study-costs";
import { groupedFixed } from "../present/format";
import type { ApiCostStage, ApiPriceQuote, BreakEven, CostEstimate, CostRow, CostStage, GpuCostStage, MemoryCheck, SkippedPair } from "./types";

export interface CostOptions extends ApiCostOptions {
  /** How a local open model answers calls: one at a time as the study measured (default), or batched. */
  serving?: ServingMode;
}

/** Why a method cannot run on a model for this task; null when it can. */
export function incompatibility(method: MethodId, model: ModelId, task: Scenario["task"]): string | null {
  const m = MODELS[model];
  if (m.architecture === "encoder" && task === "generation") return `${m.label} is an encoder model: it can classify but cannot generate the text a generation task needs`;
  // A method whose own stages write text (its file's `cost.writesText`) needs a generator even to classify.
  const writesText = methodDescriptor(method).cost.writesText;
  if (m.architecture === "encoder" && writesText !== undefined) return `${writesText}; ${m.label} is an encoder model without a text generator`;
  if (m.architecture === "encoder" && METHODS[method].llm === "closed") return `${METHODS[method].label} prompts a model that writes its answer; ${m.label} is an encoder model without a text generator`;
  if (m.llm === "open" && m.paramsBillions === null) return `${m.label} has no published parameter count, so its GPU cost cannot be estimated`;
  return null;
}

/**
 * Memory checks are pure functions of (model, GPU, batch shape) and the catalogue: the same few
 * pairs recur in every row and every estimate (51 rows of the default scenario, one check or more
 * each), so each is computed once per process and shared. LRU-bounded; the checks are frozen, as
 * rows and estimates share them. Issue #15's speed target (test/bench/RESULTS.md).
 */
const memoryChecks = new LruCache<string, MemoryCheck>({ maxEntries: 512 });

function inferenceMemory(model: ModelId, gpu: Scenario["gpu"], serving: { batch: number; contextTokens: number } | Record<string, never> = {}): MemoryCheck {
  const key = "batch" in serving ? `i|${model}|${gpu}|${serving.batch}|${serving.contextTokens}` : `i|${model}|${gpu}`;
  return memoryChecks.getOrSet(key, () => Object.freeze(checkInferenceMemory(model, gpu, serving)));
}

function trainingMemory(model: ModelId, trainable: "full" | "lora" | "prompt", gpu: Scenario["gpu"], opts: { task: Scenario["task"]; impl?: DpSgdImpl; loraRank?: number }): MemoryCheck {
  const key = `t|${model}|${trainable}|${gpu}|${opts.task}|${opts.impl ?? ""}|${opts.loraRank ?? ""}`;
  return memoryChecks.getOrSet(key, () => Object.freeze(checkTrainingMemory(model, trainable, gpu, opts)));
}

type Costed = { stages: CostStage[]; prices: Map<ModelId, ApiPriceQuote>; missing: Set<string>; memory: MemoryCheck[]; setup: GpuSetup; method: MethodId };

function priceCalls(c: LlmCalls, model: ModelId, scenario: Scenario, times: number, acc: Costed, options: CostOptions): CostStage | null {
  if (c.calls <= 0) return null;
  const lookup = resolveApiPrice(model, scenario);
  const total = { calls: c.calls * times, inputTokens: c.inputTokens * times, outputTokens: c.outputTokens * times };
  const perQuery = c.phase === "query";
  const deployment = deploymentOf(scenario, model);
  if (deployment !== "local") {
    let inputUsd: number | null = null;
    let outputUsd: number | null = null;
    let perQueryUsd: number | null = null;
    // Batch API (scenario `batch=on`, ./api-options.ts): a multiplier on offline stages only; the
    // stage says what was done and why, whether it applied or not.
    const batch = batchFor(c.id, c.phase, model, scenario);
    const m = batch?.multiplier ?? 1;
    // Prompt caching (scenario `cache=on`): an input-cost change on fixed teacher prefixes (training stages only).
    const teachers = (scenario.knobs as unknown as Record<string, Record<string, number | string> | undefined>)[acc.method]?.ensemble;
    const cache = cacheFor(c, model, scenario, typeof teachers === "number" ? teachers : undefined, lookup.ok ? lookup.quote : null);
    if (lookup.ok) {
      acc.prices.set(model, lookup.quote);
      ({ inputUsd, outputUsd } = apiUsd(lookup.quote, total.calls, total.inputTokens, total.outputTokens));
      if (cache?.applied && !perQuery) inputUsd += cache.inputUsdDelta ?? 0;
      inputUsd *= m;
      outputUsd *= m;
      const one = apiUsd(lookup.quote, c.calls, c.inputTokens, c.outputTokens);
      perQueryUsd = (one.inputUsd + one.outputUsd) * m;
    } else acc.missing.add(lookup.missing);
    const pricing = [batch, cache].filter((x): x is StagePricingNote => x !== null);
    // A hosted open model is paid per token like an API; say so where a GPU stage would say "local".
    const label = deployment === "hosted" ? `${c.label} (at the host of ${MODELS[model].label}, per-token price)` : c.label;
    const stage: ApiCostStage = {
      kind: "api", phase: c.phase, id: c.id, label, model, ...total, inputUsd, outputUsd,
      usd: inputUsd === null || outputUsd === null ? null : inputUsd + outputUsd,
      ...(perQuery ? { perQuery: { calls: c.calls, inputTokens: c.inputTokens, outputTokens: c.outputTokens, usd: perQueryUsd } } : {}),
      formula: `${c.formula}${cache?.applied ? "; cached teacher prefix" : ""}${batch?.applied ? `; × ${batch.multiplier} (batch API)` : ""}`, ...(c.option ? { option: c.option } : {}),
      ...(pricing.length > 0 ? { pricing } : {}),
    };
    return stage;
  }
  // A local open model answers the calls: GPU time. Queries are decoded `servingBatch` at a time
  // (1: one at a time, as the study; the legacy option serving: "batched" means 64); the
  // method's own offline calls (teachers, training phase) one at a time, as the study ran them.
  const batch = c.phase !== "query" ? 1 : options.serving === "batched" ? BATCHED_SERVING_BATCH : scenario.servingBatch;
  const contextTokens = (c.inputTokens + c.outputTokens) / c.calls;
  const mem = inferenceMemory(model, scenario.gpu, batch > 1 ? { batch, contextTokens } : {});
  if (!acc.memory.some((m) => m.purpose === "inference")) acc.memory.push(mem);
  const weightBytes = acc.setup.servingWeightBytes ?? WEIGHT_BYTES[mem.precision];
  const one = servingGpuHours({
    calls: c.calls, prefillTokensPerCall: c.inputTokens / c.calls, decodeTokensPerCall: c.outputTokens / c.calls, weightBytes,
    ...(acc.setup.maxNewTokens !== undefined ? { maxNewTokens: acc.setup.maxNewTokens } : {}),
    ...(batch > 1 ? { batch } : {}),
  }, model, scenario.gpu);
  // One call at a time holds every GPU the model is split over; a batched server's throughput is per GPU.
  const gpus = batch === 1 ? mem.gpusNeeded : 1;
  const hoursOnce = one.gpuHours * gpus;
  const stage: GpuCostStage = {
    kind: "gpu", phase: c.phase, id: c.id, label: `${c.label} (on the local ${MODELS[model].label})`, model, gpu: scenario.gpu, regime: "serving",
    flops: one.flops * times, gpuHours: hoursOnce * times, usd: hoursOnce * times * scenario.gpuUsdPerHour,
    ...(perQuery ? { perQuery: { gpuHours: hoursOnce, usd: hoursOnce * scenario.gpuUsdPerHour } } : {}),
    formula: `${c.formula}; GPU: ${one.formula}${gpus > 1 ? ` × ${gpus} GPUs` : ""}`,
  };
  return stage;
}

function priceTraining(item: WorkItem, model: ModelId, scenario: Scenario, acc: Costed, options: CostOptions): CostStage | null {
  switch (item.kind) {
    case "llm-calls": {
      if (item.runsOn === undefined) return priceCalls(item, model, scenario, 1, acc, options);
      // DP-FewShotGen's variant (2) generates on the open model on the user's own GPU, as the study
      // defines it (Hanke et al. 2024, Table 1), even when the same model is also served at a host.
      return priceCalls(item, item.runsOn, onOwnGpu(scenario, item.runsOn), 1, acc, options);
    }
    case "dp-sgd": {
      const trained = item.localModel ?? model;
      acc.memory.push(trainingMemory(trained, item.trainable, scenario.gpu, { task: scenario.task, impl: item.impl, ...(item.loraRank !== undefined ? { loraRank: item.loraRank } : {}) }));
      const h = dpSgdGpuHours({ ...item, task: scenario.task, ...(acc.setup.maxSeqLength !== undefined ? { maxSeqLength: acc.setup.maxSeqLength } : {}) }, trained, scenario.gpu);
      return { kind: "gpu", phase: "training", id: item.id, label: item.label, model: trained, gpu: scenario.gpu, regime: "training", flops: h.flops, gpuHours: h.gpuHours, usd: h.gpuHours * scenario.gpuUsdPerHour, formula: `${item.formula}; GPU: ${h.formula}` };
    }
    case "local-forward": {
      const local = item.localModel ?? model;
      acc.memory.push(inferenceMemory(local, scenario.gpu));
      const h = batchedForwardGpuHours(item.tokens, local, scenario.gpu);
      return { kind: "gpu", phase: "training", id: item.id, label: item.label, model: local, gpu: scenario.gpu, regime: "training", flops: h.flops, gpuHours: h.gpuHours, usd: h.gpuHours * scenario.gpuUsdPerHour, formula: `${item.formula}; GPU: ${h.formula}` };
    }
  }
}

/** The scenario with `model` run on the user's own GPU (not hosted, no per-token price override). */
function onOwnGpu(scenario: Scenario, model: ModelId): Scenario {
  const priceOverrides = Object.fromEntries(Object.entries(scenario.priceOverrides).filter(([m]) => m !== model)) as Scenario["priceOverrides"];
  return { ...scenario, hostedModels: scenario.hostedModels.filter((m) => m !== model), priceOverrides };
}

/** The strings in order of first appearance, as `[...new Set(xs)]`, without hashing each (long, fresh) string: a row has a handful. */
function distinct(xs: readonly string[]): string[] {
  const out: string[] = [];
  for (const x of xs) if (!out.includes(x)) out.push(x);
  return out;
}

const sum = (xs: (number | null)[]): number | null => (xs.some((x) => x === null) ? null : (xs as number[]).reduce((a, b) => a + b, 0));

/** Price a method's work on one model. Exposed for the study reproduction (which also prices baselines). */
export function costWork(work: MethodWork, method: MethodId, model: ModelId, scenario: Scenario, options: CostOptions = {}): CostRow {
  const acc: Costed = { stages: [], prices: new Map(), missing: new Set(), memory: [], setup: gpuSetup(scenario, method, model), method };
  for (const item of work.training) {
    const s = priceTraining(item, model, scenario, acc, options);
    if (s) acc.stages.push(s);
  }
  const queryStages: CostStage[] = [];
  for (const c of work.perQuery) {
    // A query answered by the method's own local model (Aug-PE's downstream model) runs on the user's GPU.
    const s = c.runsOn === undefined ? priceCalls(c, model, scenario, scenario.queries, acc, options) : priceCalls(c, c.runsOn, onOwnGpu(scenario, c.runsOn), scenario.queries, acc, options);
    if (s) queryStages.push(s);
  }
  acc.stages.push(...queryStages);

  const trainingCostUsd = sum(acc.stages.filter((s) => s.phase === "training").map((s) => s.usd));
  const queryCostUsd = sum(queryStages.map((s) => s.usd));
  const queryCostUsdPerQuery = sum(queryStages.map((s) => s.perQuery?.usd ?? null));
  const totalCostUsd = trainingCostUsd === null || queryCostUsd === null ? null : trainingCostUsd + queryCostUsd;

  const usesGpu = acc.stages.some((s) => s.kind === "gpu");
  const gpu = GPUS[scenario.gpu];
  const assumptions = [...work.assumptions];
  const sources = [...work.sources];
  // Which currency each model's work is paid in, in words (the stages carry the numbers).
  for (const m of new Set(acc.stages.map((s) => s.model))) {
    if (MODELS[m].llm !== "open") continue;
    const onGpu = acc.stages.filter((s) => s.model === m && s.kind === "gpu").map((s) => s.id);
    const perToken = acc.stages.filter((s) => s.model === m && s.kind === "api").map((s) => s.id);
    if (perToken.length > 0) assumptions.push(`${MODELS[m].label} runs at a host: its calls (${perToken.join(", ")}) are priced per token at price.${m}${onGpu.length > 0 ? `; ${onGpu.join(", ")} run${onGpu.length === 1 ? "s" : ""} on your GPU` : ""}.`);
  }
  for (const q of acc.prices.values()) sources.push(`${MODELS[q.model].label} price: ${q.source} (as of ${q.asOf})`);
  if (usesGpu) {
    assumptions.push(
      "GPU-hours from a roofline model (lib/cost/gpu-model.ts): training and prompt reading are compute-bound (6·P FLOPs per token to fine-tune all weights, 4·P for LoRA/prompts, 2·P to run, ÷ GPU peak × utilisation), DP-SGD adds per-sample-gradient memory traffic, and generating a token is memory-bound (weights + KV cache ÷ memory bandwidth); 9 constants fitted to the study's measured A40 costs, validated leave-one-out (test/cost/GPU-MODEL.md).",
      options.serving === "batched" || scenario.servingBatch > 1 ? `Queries on a local model are decoded ${options.serving === "batched" ? BATCHED_SERVING_BATCH : scenario.servingBatch} at a time by a batched server: the weights are read once per step for the whole batch, each query's KV cache on its own; the study answered one at a time.` : "Queries on a local model are answered one at a time, as the study measured.",
      "Training GPU-hours do not change when the model is split over several GPUs; one-at-a-time serving holds all of them.",
    );
    sources.push(`GPU: ${gpu.label}, ${gpu.specSource}; $${scenario.gpuUsdPerHour}/GPU-hour (${scenario.gpuUsdPerHour === gpu.usdPerHour ? gpu.priceSource : "scenario gpuPrice"})`, "Kaplan et al. 2020, Scaling Laws for Neural Language Models, §2.1 (FLOPs per token)");
    const range = gpuPriceRange(scenario.gpu, scenario.priceSet);
    if (range) assumptions.push(`${gpu.label} rents for ${[range.spotUsdPerHour !== null ? `$${range.spotUsdPerHour}/h spot` : null, range.onDemandUsdPerHour !== null ? `$${range.onDemandUsdPerHour}/h on demand` : null].filter(Boolean).join(" to ")} (${range.source}, as of ${range.asOf}); this row uses $${scenario.gpuUsdPerHour}/h.`);
    for (const m of acc.memory) if (!m.fits || m.precision === "4-bit") assumptions.push(`Memory (${m.purpose}): ${m.advice}.`);
  }

  const row: CostRow = {
    method, model, llm: MODELS[model].llm,
    trainingCostUsd, queryCostUsd, totalCostUsd, queryCostUsdPerQuery, queries: scenario.queries,
    breakdown: {
      stages: acc.stages,
      prices: [...acc.prices.values()],
      ...(usesGpu ? { gpu: { id: gpu.id, label: gpu.label, usdPerHour: scenario.gpuUsdPerHour, peakBf16Tflops: gpu.peakBf16Tflops, memoryBandwidthGBs: gpu.memoryBandwidthGBs, memory: acc.memory } } : {}),
    },
    assumptions,
    sources: distinct(sources),
  };
  if (acc.missing.size > 0) row.missing = [...acc.missing].join("; ");
  return row;
}

/** The cost of one method on one model (any pair: a closed-family method on an open model is run locally). */
export function estimateCostRow(scenario: Scenario, method: MethodId, model: ModelId, options: CostOptions = {}): CostRow {
  return costRowOf(methodWork(method, scenario, options, model), scenario, method, model, options);
}

/** estimateCostRow with the method's work already built (`methodWork(method, scenario, options, model)`). */
function costRowOf(work: MethodWork, scenario: Scenario, method: MethodId, model: ModelId, options: CostOptions): CostRow {
  const row = costWork(work, method, model, scenario, options);
  // The study measured open models on its own A40; a hosted model's per-token bill is another cost.
  const figure = deploymentOf(scenario, model) === "hosted" ? undefined : paperFigureFor(scenario, method, model);
  if (figure) row.paperFigure = figure;
  // GPU hours: the study's measurement where it ran this setup, scaled where it ran a neighbour, else the model, with its error band.
  // The study served one query at a time: its setup is priced sequentially whatever the scenario's serving mode.
  const studyOptions: CostOptions = { ...options, serving: "sequential" };
  return applyGpuBasis(row, scenario, method, model, options, (study) => costWork(methodWork(method, study, studyOptions), method, model, study, studyOptions));
}

/**
 * Every selected method on every compatible selected model: closed-family methods (DP-ICL,
 * PromptPATE, DP-FewShotGen, DP-OPT) × `closedModels`, open-family methods × `openModels`, and
 * the closed-family methods listed in `closedOnOpen` × `openModels` as well (run on the open
 * model, as the study ran DP-ICL on OpenLLaMA 13B, Table 5, and DP-OPT on Vicuna 7B, Table 3).
 * Incompatible pairs (an encoder for a generation task) are listed in `skipped` with the reason.
 *
 * @example
 * const { rows } = estimateCosts(presetScenario("samsum"));
 * rows.find((r) => r.method === "dp-icl" && r.model === "gpt-3-davinci")?.queryCostUsd // → 665.908 (Table 4: $665.91)
 */
export function estimateCosts(scenario: Scenario, options: CostOptions = {}): CostEstimate {
  return estimateCostsWithWork(scenario, options).costs;
}

/**
 * estimateCosts, and the work each row priced (`methodWork(row.method, scenario, options,
 * row.model)`), for estimate()'s context-window check, which reads the same work: built once per
 * row instead of twice (issue #15's speed target, test/bench/RESULTS.md).
 */
export function estimateCostsWithWork(scenario: Scenario, options: CostOptions = {}): { costs: CostEstimate; work: Map<CostRow, MethodWork> } {
  const rows: CostRow[] = [];
  const work = new Map<CostRow, MethodWork>();
  const skipped: SkippedPair[] = [];
  for (const method of scenario.methods) {
    const alsoOpen = METHODS[method].llm === "closed" && (scenario.closedOnOpen as readonly MethodId[]).includes(method);
    const models: readonly ModelId[] = METHODS[method].llm === "closed" ? [...scenario.closedModels, ...(alsoOpen ? scenario.openModels : [])] : scenario.openModels;
    for (const model of models) {
      const why = incompatibility(method, model, scenario.task);
      if (why) skipped.push({ method, model, reason: why });
      else {
        const w = methodWork(method, scenario, options, model);
        const row = costRowOf(w, scenario, method, model, options);
        work.set(row, w);
        rows.push(row);
      }
    }
  }
  const open = rows.filter((r) => r.llm === "open");
  const closed = rows.filter((r) => r.llm === "closed");
  const breakEven: BreakEven[] = [];
  for (const o of open) for (const c of closed) breakEven.push(findBreakEven(o, c));
  return { costs: { rows, breakEven, skipped }, work };
}

/**
 * Total cost of a row at another query volume: training + queries × per-query cost.
 * @example costAtQueries(row, 0) === row.trainingCostUsd
 */
export function costAtQueries(row: Pick<CostRow, "trainingCostUsd" | "queryCostUsdPerQuery">, queries: number): number | null {
  if (row.trainingCostUsd === null || row.queryCostUsdPerQuery === null) return null;
  if (!(queries >= 0)) throw new RangeError(`queries must be ≥ 0; got ${queries}`);
  return row.trainingCostUsd + queries * row.queryCostUsdPerQuery;
}

/**
 * `count` query volumes spaced evenly on a log scale from `min` to `max` (both included), for the
 * chart "total cost vs number of queries".
 * @example logSpacedQueries(1, 1e6, 7) // → [1, 10, 100, 1000, 10000, 100000, 1000000]
 */
export function logSpacedQueries(min: number, max: number, count: number): number[] {
  if (!(min > 0) || !(max >= min)) throw new RangeError(`need 0 < min ≤ max; got min ${min}, max ${max}`);
  if (!(Number.isInteger(count) && count >= 2)) throw new RangeError(`count must be an integer ≥ 2; got ${count}`);
  const a = Math.log10(min);
  const b = Math.log10(max);
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? max : i === 0 ? min : Number((10 ** (a + ((b - a) * i) / (count - 1))).toPrecision(12))));
}

/** The curve of one row: total cost at each query volume (default: 1 to 100 × the scenario's queries, 41 points). */
export function costCurve(row: CostRow, queries: number[] = logSpacedQueries(1, Math.max(10, row.queries * 100), 41)): { queries: number; totalCostUsd: number | null }[] {
  return queries.map((q) => ({ queries: q, totalCostUsd: costAtQueries(row, q) }));
}

/** One line of the chart "total cost vs number of queries". */
export interface CostSeries {
  method: MethodId;
  model: ModelId;
  llm: CostRow["llm"];
  /** Total cost at each of the curve's query volumes; null where a price is missing. */
  totalCostUsd: (number | null)[];
  /**
   * The band of `totalCostUsd` when the row's GPU cost is modelled or scaled (row.costRange): at q
   * queries, training range + q × the query range per query. For a band or whiskers in the chart.
   */
  totalCostUsdRange?: { low: number[]; high: number[] };
}

/**
 * Ready-to-draw series for the chart "total cost vs number of queries": one series per row over
 * shared log-spaced query volumes. The default range runs from 1 query to 100 × the scenario's
 * queries, widened to 10 × the largest finite break-even so every crossing is on the chart.
 *
 * @example
 * const { rows, breakEven } = estimateCosts(presetScenario("samsum"));
 * const { queries, series } = costCurves(rows, breakEven); // queries[0] === 1, 41 points
 */
export function costCurves(rows: CostRow[], breakEven: BreakEven[] = [], count = 41): { queries: number[]; series: CostSeries[] } {
  const crossings = breakEven.map((b) => b.queries).filter((q): q is number => q !== null && Number.isFinite(q));
  const max = Math.max(10, ...rows.map((r) => r.queries * 100), ...crossings.map((q) => q * 10));
  const queries = logSpacedQueries(1, max, count);
  return {
    queries,
    series: rows.map((r) => {
      const t = r.trainingCostRange, u = r.queryCostRange;
      const band = t && u && r.queries > 0 ? { low: queries.map((q) => t.low + (q * u.low) / r.queries), high: queries.map((q) => t.high + (q * u.high) / r.queries) } : undefined;
      return { method: r.method, model: r.model, llm: r.llm, totalCostUsd: queries.map((q) => costAtQueries(r, q)), ...(band ? { totalCostUsdRange: band } : {}) };
    }),
  };
}

/**
 * Where an open row and a closed row cost the same:
 * q* = (training_open − training_closed) / (perQuery_closed − perQuery_open).
 */
export function findBreakEven(open: CostRow, closed: CostRow): BreakEven {
  // Each outcome is one object literal (breakEvenOf), not `{ ...base, … }`: 540 pairs per default
  // scenario made the spread copies a fifth of estimate()'s time (test/bench/RESULTS.md, issue #15).
  const To = open.trainingCostUsd, Tc = closed.trainingCostUsd, co = open.queryCostUsdPerQuery, cc = closed.queryCostUsdPerQuery;
  if (To === null || Tc === null || co === null || cc === null) {
    return breakEvenOf(open, closed, null, null, `cost unknown: ${[open.missing, closed.missing].filter(Boolean).join("; ")}`);
  }
  const slope = cc - co;
  const gap = To - Tc;
  if (slope === 0) {
    if (gap === 0) return breakEvenOf(open, closed, null, "equal", "the two cost the same at every volume");
    const cheaper = gap < 0 ? "open" : "closed";
    return breakEvenOf(open, closed, null, cheaper, `same cost per query; ${cheaper} is cheaper at every volume`);
  }
  const q = gap / slope;
  if (!Number.isFinite(q)) {
    // The per-query costs differ by so little (e.g. a GPU price of 1e-300 $/h) that the crossing
    // lies beyond any volume a float can count: the cheaper upfront option is cheaper at every volume.
    const cheaper = gap < 0 ? "open" : "closed";
    return breakEvenOf(open, closed, null, cheaper, `per-query costs differ by less than a float can resolve; ${cheaper} is cheaper at every volume`);
  }
  const aboveCheaper = slope > 0 ? "open" : "closed";
  if (q <= 0) return breakEvenOf(open, closed, null, aboveCheaper, `${aboveCheaper} is cheaper at every volume`);
  const below = aboveCheaper === "open" ? "closed" : "open";
  return breakEvenOf(open, closed, q, aboveCheaper, `${below} is cheaper below ${groupedFixed(Math.round(q), 0)} queries, ${aboveCheaper} above`);
}

/** Key order as the document has always had it (the recorded estimate hashes pin it). */
function breakEvenOf(open: CostRow, closed: CostRow, queries: number | null, cheaperAbove: BreakEven["cheaperAbove"], note: string): BreakEven {
  return { openMethod: open.method, openModel: open.model, closedMethod: closed.method, closedModel: closed.model, queries, cheaperAbove, note };
}

