/**
 * API price sets. Every price carries its source and the date it was valid on.
 *
 * - `paper-2024-05`: the prices the study used (Hanke et al. 2024, Table 22, as of 2024-05-22).
 * - `current`: looked up with `calcPrice` of @pydantic/genai-prices, a maintained, dated price
 *   dataset, rather than a hand-typed table. The lookup is pinned to the dataset's publication
 *   date so that a share link gives the same numbers until the package is upgraded.
 *
 * A user override (`price.<model>=in,out` → `scenario.priceOverrides`) wins over both. A model
 * with no price is reported as missing, never as $0.
 */
import { calcPrice, type ModelPrice } from "@pydantic/genai-prices";
import { MODELS, PAPER, type GpuId, type ModelId, type PriceSetId, type Scenario } from "../scenario";
import type { ApiPriceQuote } from "./types";

/** The study's API prices (Hanke et al. 2024, Table 22), $ per 1M tokens, as of 2024-05-22. */
export const PAPER_API_PRICES: Partial<Record<ModelId, { inputUsdPerMillionTokens: number; outputUsdPerMillionTokens: number }>> = {
  "gpt-3-babbage": { inputUsdPerMillionTokens: 0.4, outputUsdPerMillionTokens: 0.4 },
  "gpt-3-davinci": { inputUsdPerMillionTokens: 2, outputUsdPerMillionTokens: 2 },
  "gpt-3.5-turbo-instruct": { inputUsdPerMillionTokens: 1.5, outputUsdPerMillionTokens: 2 },
  "gpt-4-turbo": { inputUsdPerMillionTokens: 10, outputUsdPerMillionTokens: 30 },
  "claude-2.1": { inputUsdPerMillionTokens: 8, outputUsdPerMillionTokens: 24 },
};
export const PAPER_PRICES_AS_OF = "2024-05-22";
export const PAPER_PRICES_SOURCE = `${PAPER}, Table 22`;

/** The installed @pydantic/genai-prices release and its npm publication date (the data's as-of date). */
export const GENAI_PRICES_VERSION = "0.1.8";
export const GENAI_PRICES_AS_OF = "2026-09-23";

export type PriceLookup = { ok: true; quote: ApiPriceQuote } | { ok: false; missing: string };

/** The message and the share-link field to fill in when a price is unknown. */
export function missingPriceMessage(model: ModelId, priceSet: PriceSetId): string {
  return `no price for ${model} in ${priceSet}; set price.${model}=in,out`;
}

type Rate = number | { base: number; tiers: { start: number; price: number }[] } | undefined;

function rateAt(rate: Rate, promptTokens: number): number | undefined {
  if (rate === undefined || typeof rate === "number") return rate;
  let price = rate.base;
  for (const t of rate.tiers) if (promptTokens > t.start) price = t.price;
  return price;
}

/** Turn genai-prices' model price into flat rates plus prompt-length tiers. */
function quoteFromModelPrice(model: ModelId, modelPrice: ModelPrice, source: string): ApiPriceQuote | null {
  const input = modelPrice.input_mtok as Rate;
  const output = modelPrice.output_mtok as Rate;
  const inBase = rateAt(input, 0);
  const outBase = rateAt(output, 0);
  if (inBase === undefined || outBase === undefined) return null;
  const starts = new Set<number>();
  for (const r of [input, output]) if (r !== undefined && typeof r !== "number") for (const t of r.tiers) starts.add(t.start);
  const tiers = [...starts].sort((a, b) => a - b).map((start) => ({
    abovePromptTokens: start,
    inputUsdPerMillionTokens: rateAt(input, start + 1) ?? inBase,
    outputUsdPerMillionTokens: rateAt(output, start + 1) ?? outBase,
  }));
  return { model, priceSet: "current", inputUsdPerMillionTokens: inBase, outputUsdPerMillionTokens: outBase, tiers, source, asOf: GENAI_PRICES_AS_OF };
}

// calcPrice scans the provider catalogue (~0.1 ms); the quote of a model never changes within a
// process, so it is looked up once.
const currentCache = new Map<ModelId, ApiPriceQuote | null>();

/**
 * The `current` price of a model from @pydantic/genai-prices (`calcPrice(usage, apiId)`), or null
 * when the dataset has no price for it (e.g. babbage-002 and davinci-002, retired).
 */
export function currentApiPrice(model: ModelId): ApiPriceQuote | null {
  if (currentCache.has(model)) return currentCache.get(model) ?? null;
  const apiId = MODELS[model].apiId;
  let quote: ApiPriceQuote | null = null;
  if (apiId) {
    const result = calcPrice({ input_tokens: 1000, output_tokens: 1000 }, apiId, { timestamp: new Date(`${GENAI_PRICES_AS_OF}T00:00:00Z`) });
    if (result) quote = quoteFromModelPrice(model, result.model_price, `@pydantic/genai-prices ${GENAI_PRICES_VERSION}, calcPrice(…, "${apiId}") → ${result.provider.id}/${result.model.id}`);
  }
  currentCache.set(model, quote);
  return quote;
}

/**
 * The API price of `model` under `scenario`: the user's override if any, else the price set's.
 * Open models have no API price unless the user gives one (then their LLM calls are priced as a
 * hosted API instead of GPU time).
 */
export function resolveApiPrice(model: ModelId, scenario: Pick<Scenario, "priceSet" | "priceOverrides">): PriceLookup {
  const override = scenario.priceOverrides[model];
  if (override) {
    return {
      ok: true,
      quote: { model, priceSet: scenario.priceSet, inputUsdPerMillionTokens: override.inputUsdPerMTok, outputUsdPerMillionTokens: override.outputUsdPerMTok, tiers: [], source: `user override price.${model}`, asOf: "user override" },
    };
  }
  if (MODELS[model].llm === "open") return { ok: false, missing: missingPriceMessage(model, scenario.priceSet) };
  if (scenario.priceSet === "paper-2024-05") {
    const p = PAPER_API_PRICES[model];
    if (!p) return { ok: false, missing: missingPriceMessage(model, scenario.priceSet) };
    return { ok: true, quote: { model, priceSet: "paper-2024-05", ...p, tiers: [], source: PAPER_PRICES_SOURCE, asOf: PAPER_PRICES_AS_OF } };
  }
  const quote = currentApiPrice(model);
  return quote ? { ok: true, quote } : { ok: false, missing: missingPriceMessage(model, scenario.priceSet) };
}

/**
 * Dollars for `calls` API calls with these token totals. Prices are per 1M tokens; a tiered price
 * is chosen by the prompt length of one call (inputTokens / calls).
 *
 * usd_in = inputTokens × p_in / 10⁶,  usd_out = outputTokens × p_out / 10⁶
 *
 * @example
 * // 10,000 SAMSum DP-ICL queries on Davinci ($2/1M in and out): 307.334M input + 25.62M output tokens
 * apiUsd(quote, 1e6, 307_334_000, 25_620_000) // → { inputUsd: 614.668, outputUsd: 51.24 } (total $665.91)
 */
export function apiUsd(quote: ApiPriceQuote, calls: number, inputTokens: number, outputTokens: number): { inputUsd: number; outputUsd: number } {
  let pin = quote.inputUsdPerMillionTokens;
  let pout = quote.outputUsdPerMillionTokens;
  const promptTokens = calls > 0 ? inputTokens / calls : 0;
  for (const t of quote.tiers) {
    if (promptTokens > t.abovePromptTokens) {
      pin = t.inputUsdPerMillionTokens;
      pout = t.outputUsdPerMillionTokens;
    }
  }
  return { inputUsd: (inputTokens * pin) / 1e6, outputUsd: (outputTokens * pout) / 1e6 };
}

// ---------------------------------------------------------------------------------------------
// GPU rental prices
// ---------------------------------------------------------------------------------------------

/** A range of $/GPU-hour a team would pay for one GPU, with where it came from. */
export interface GpuPriceRange {
  /** Spot / interruptible or community-hosted rate, $/GPU-hour; null when the source gives none. */
  spotUsdPerHour: number | null;
  /** On-demand rate, $/GPU-hour; null when the source gives none. */
  onDemandUsdPerHour: number | null;
  asOf: string;
  source: string;
}

/**
 * The study's A40 prices (Hanke et al. 2024, Table 22, as of 2024-05-22): Hyperstack from $0.50,
 * RunPod $0.69 (the median, which the study used), Replicate $2.07 per hour. Only the A40 was priced.
 */
export const PAPER_GPU_PRICES: Partial<Record<GpuId, GpuPriceRange>> = {
  a40: { spotUsdPerHour: 0.5, onDemandUsdPerHour: 2.07, asOf: PAPER_PRICES_AS_OF, source: `${PAPER}, Table 22 (Hyperstack from $0.50, RunPod $0.69, Replicate $2.07 per hour)` },
};

/**
 * A dated snapshot of RunPod's per-GPU rates, spot and on-demand, as tabulated by a pricing guide
 * (deploybase.ai, "RunPod GPU Pricing: 2026 Comprehensive Pricing Guide", 2026-03-10; it notes
 * spot rates move ±15% with supply). A secondary source: check your provider. GPUs the snapshot
 * does not list (A40, A100 40 GB) have no range rather than a guessed one; the A10G is AWS's
 * (g5.xlarge on-demand, us-east-1, whose one GPU is an A10G).
 */
const RUNPOD_2026_03 = { asOf: "2026-03-10", source: "RunPod rates via deploybase.ai, RunPod GPU Pricing: 2026 Comprehensive Pricing Guide (2026-03-10) [secondary source: check your provider]" };
export const CURRENT_GPU_PRICES: Partial<Record<GpuId, GpuPriceRange>> = {
  l4: { spotUsdPerHour: 0.44, onDemandUsdPerHour: 0.78, ...RUNPOD_2026_03 },
  "a100-80gb": { spotUsdPerHour: 1.39, onDemandUsdPerHour: 2.45, ...RUNPOD_2026_03, source: `${RUNPOD_2026_03.source}; A100 SXM 80 GB (PCIe: $1.19 spot, $2.10 on-demand)` },
  h100: { spotUsdPerHour: 2.69, onDemandUsdPerHour: 4.76, ...RUNPOD_2026_03, source: `${RUNPOD_2026_03.source}; H100 SXM 80 GB` },
  h200: { spotUsdPerHour: 3.59, onDemandUsdPerHour: 6.35, ...RUNPOD_2026_03 },
  a10g: { spotUsdPerHour: null, onDemandUsdPerHour: 1.006, asOf: "2026-03", source: "AWS EC2 on-demand pricing, g5.xlarge (1 × A10G), us-east-1, Linux [unverified snapshot: check your provider]" },
};

/** The rental price range of `gpu` in a price set, or null when the set has none for it (never a guessed $0). */
export function gpuPriceRange(gpu: GpuId, priceSet: PriceSetId): GpuPriceRange | null {
  return (priceSet === "paper-2024-05" ? PAPER_GPU_PRICES : CURRENT_GPU_PRICES)[gpu] ?? null;
}

/**
 * Cached-input rates of a model in the `current` price set, $ per 1M tokens (base tier), from
 * @pydantic/genai-prices' `cache_read_mtok` / `cache_write_mtok`; null when the data has no read
 * rate (then prompt caching gives no modelled discount). `write` is absent when the data has no
 * write rate: OpenAI and Google list none. Kept apart from ApiPriceQuote so the quotes shown for
 * existing links do not change.
 * @example currentCacheRates("claude-haiku-4.5") // { read: 0.1, write: 1.25 }
 */
export function currentCacheRates(model: ModelId): { read: number; write?: number; source: string } | null {
  const apiId = MODELS[model].apiId;
  if (!apiId) return null;
  const result = calcPrice({ input_tokens: 1000, output_tokens: 1000 }, apiId, { timestamp: new Date(`${GENAI_PRICES_AS_OF}T00:00:00Z`) });
  if (!result) return null;
  const read = rateAt(result.model_price.cache_read_mtok as Rate, 0);
  const write = rateAt(result.model_price.cache_write_mtok as Rate, 0);
  if (read === undefined) return null;
  return { read, ...(write !== undefined ? { write } : {}), source: `@pydantic/genai-prices ${GENAI_PRICES_VERSION}, ${result.provider.id}/${result.model.id} cache_read_mtok${write !== undefined ? ", cache_write_mtok" : ""} (as of ${GENAI_PRICES_AS_OF})` };
}
