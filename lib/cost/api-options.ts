/**
 * API pricing options that change the closed-API side (issue #17, item 4): batch APIs.
 *
 * A batch API takes a file of requests and returns the answers within 24 hours at half the price:
 * - OpenAI Batch API: "Each model will be offered at 50% cost discount vs. the synchronous APIs",
 *   results within 24 h (help.openai.com, "Batch API FAQ").
 * - Anthropic Message Batches API: "reducing costs by 50%", results within 24 h; the feature is
 *   "not eligible for Zero Data Retention (ZDR)" (platform.claude.com/docs/en/build-with-claude/batch-processing).
 * - Google Gemini API Batch Mode: "a 50% discount compared to our synchronous APIs", results
 *   within 24 h (Google Developers Blog, "Batch Mode in the Gemini API: Process more for less", 2025-07-07).
 * @pydantic/genai-prices has no batch price field (its schema has input, cache read/write and
 * output rates), so the discount is modelled as a multiplier of 0.5 on input and output tokens.
 *
 * Where it fits: only a stage that no user waits for. Every `training` stage is offline (it runs
 * once, before the deployment answers anything): PromptPATE's teachers label public examples
 * known in advance (one batch); DP-FewShotGen's variant (1) generates its demonstrations token by
 * token, each token one round of ensemble prompts whose vote fixes the next prompt, so one batch
 * per generated token, each up to 24 h: cheaper, and slow, which the stage says. A `query` stage
 * answers a live query and never gets it. DP-ICL has no training stage and DP-OPT searches its
 * instruction on a local model, so neither has anything to batch. A hosted open model's batch
 * price is not sourced: no discount.
 */
import { METHODS, MODELS, type MethodId, type ModelId, type Scenario } from "../scenario";
import { methodWork, type LlmCalls } from "./method-work";
import { currentCacheRates } from "./prices";
import type { ApiPriceQuote } from "./types";

/** The price multiplier of a batch API: half the interactive price (sources above). */
export const BATCH_PRICE_MULTIPLIER = 0.5;

/** Providers with a batch API at 50%, each with its source and data-handling caveat. */
export const BATCH_PROVIDERS: Readonly<Record<string, { source: string; dataHandling: string }>> = {
  OpenAI: { source: "OpenAI Batch API FAQ (help.openai.com): 50% discount, results within 24 h", dataHandling: "the batch's prompts are uploaded as a file; its retention is not stated in the sources used here: check OpenAI's data controls before batching private records" },
  Anthropic: { source: "Anthropic Message Batches API (platform.claude.com/docs/en/build-with-claude/batch-processing): 50% off, results within 24 h", dataHandling: "the Message Batches API is not eligible for Zero Data Retention (ZDR): batched prompts are retained even under a ZDR agreement" },
  Google: { source: "Google Developers Blog, Batch Mode in the Gemini API (2025-07-07): 50% discount, results within 24 h", dataHandling: "the batch's prompts are uploaded as a file; its retention is not stated in the sources used here: check Google's terms before batching private records" },
};

/** What a pricing option did to one API stage, for the row's breakdown. */
export interface StagePricingNote {
  option: "batch" | "cache";
  /** Whether the option changed the stage's price. */
  applied: boolean;
  /** Batch: the multiplier applied to input and output token prices (1 when not applied or for cache). */
  multiplier: number;
  /** Cache: USD added to the stage's input cost (negative = saved); 0 when not applied. */
  inputUsdDelta?: number;
  /** Why it applies or does not, in one sentence. */
  note: string;
  source: string;
}

/**
 * The batch option's effect on one API stage, or null when the scenario did not ask for it.
 * @example batchFor("teachers", "training", "gpt-4o", { batch: "on" })?.multiplier // 0.5 (PromptPATE's labelling)
 * @example batchFor("teachers", "query", "gpt-4o", { batch: "on" })?.applied // false: DP-ICL answering a live query
 */
export function batchFor(stageId: string, phase: "training" | "query", model: ModelId, scenario: Pick<Scenario, "batch">): StagePricingNote | null {
  if (scenario.batch !== "on") return null;
  const info = MODELS[model];
  const provider = info.llm === "closed" ? BATCH_PROVIDERS[info.provider] : undefined;
  const no = (note: string, source: string): StagePricingNote => ({ option: "batch", applied: false, multiplier: 1, note, source });
  if (phase === "query") return no("not batched: it answers live queries, which cannot wait up to 24 h", "issue #17: a batch API fits offline stages only");
  if (!provider) return no(`not batched: no sourced batch price for ${info.label}${info.llm === "open" ? " at its host" : ""}`, "lib/cost/api-options.ts BATCH_PROVIDERS");
  // DP-FewShotGen's token-by-token generation (stage id of lib/cost/method-work.ts): sequential rounds.
  const slow = stageId === "generation" ? "; generation runs token by token, so one batch per generated token, each up to 24 h" : "";
  return { option: "batch", applied: true, multiplier: BATCH_PRICE_MULTIPLIER, note: `batch API at ${BATCH_PRICE_MULTIPLIER}× the price (offline stage, results within 24 h${slow})`, source: provider.source };
}

/**
 * The data-handling caveat a batch API adds to the provider's policy, for the leakage ledger's
 * provider notes: set when `batch=on` batches at least one of this method's stages on this model's
 * provider (the private records of those stages go through the batch API), else null.
 * @example batchDataNote({ batch: "on" }, "prompt-pate", "claude-sonnet-4.5") // "Batch API (batch=on): … not eligible for Zero Data Retention …"
 */
export function batchDataNote(scenario: Scenario, method: MethodId, model: ModelId): string | null {
  if (scenario.batch !== "on") return null;
  const info = MODELS[model];
  const provider = info.llm === "closed" ? BATCH_PROVIDERS[info.provider] : undefined;
  if (!provider) return null;
  // Batched = a training-phase API call on the model itself (not DP-FewShotGen's variant (2) generator).
  const batched = methodWork(method, scenario, {}, model).training.some((item) => item.kind === "llm-calls" && item.runsOn === undefined && item.calls > 0);
  return batched ? `Batch API (batch=on): ${METHODS[method].label}'s offline stages go through ${info.provider}'s batch API; ${provider.dataHandling}.` : null;
}

// ---------------------------------------------------------------------------------------------
// Prompt caching (scenario `cache=on`)
// ---------------------------------------------------------------------------------------------

/**
 * Smallest prompt prefix a provider caches, in tokens, per model. OpenAI: "Caching is enabled
 * automatically for prompts that are 1024 tokens or longer", no fee for writes (OpenAI prompt
 * caching guide, developers.openai.com/docs/guides/prompt-caching). Anthropic: 1,024 tokens for
 * Sonnet models, 2,048 for Claude 3.x Haiku (Anthropic prompt caching docs), 4,096 for Haiku 4.5
 * and Opus 4.5 [secondary: reports citing the docs]. Google implicit caching: 1,024 tokens for 2.5
 * Flash(-Lite), 2,048 for 2.5 Pro [unverified: Gemini API context caching page]. A model without
 * an entry gets no modelled discount.
 */
export const CACHE_MIN_PREFIX_TOKENS: Readonly<Partial<Record<ModelId, { tokens: number; source: string }>>> = {
  "gpt-4o": { tokens: 1024, source: "OpenAI prompt caching guide" },
  "gpt-4o-mini": { tokens: 1024, source: "OpenAI prompt caching guide" },
  "gpt-4.1": { tokens: 1024, source: "OpenAI prompt caching guide" },
  "gpt-4.1-mini": { tokens: 1024, source: "OpenAI prompt caching guide" },
  "gpt-5": { tokens: 1024, source: "OpenAI prompt caching guide" },
  "gpt-5-mini": { tokens: 1024, source: "OpenAI prompt caching guide" },
  "claude-sonnet-4.5": { tokens: 1024, source: "Anthropic prompt caching docs (Sonnet models)" },
  "claude-haiku-3.5": { tokens: 2048, source: "Anthropic prompt caching docs (Claude 3.x Haiku)" },
  "claude-haiku-4.5": { tokens: 4096, source: "Anthropic prompt caching docs [secondary]" },
  "claude-opus-4.5": { tokens: 4096, source: "Anthropic prompt caching docs [secondary]" },
  "gemini-2.5-flash": { tokens: 1024, source: "Gemini API caching page [unverified]" },
  "gemini-2.5-flash-lite": { tokens: 1024, source: "Gemini API caching page [unverified]" },
  "gemini-2.5-pro": { tokens: 2048, source: "Gemini API caching page [unverified]" },
};

/**
 * What `cache=on` does to one API stage. Only a training-phase `teachers` stage has a fixed prefix
 * per teacher: PromptPATE's (and a hosted PromptPATEGen's) teacher prompt, its shots, is the same
 * for every public example the teacher labels. So each teacher writes its prefix once (the
 * labelling of one teacher's examples runs back to back, within one cache lifetime of 5 minutes
 * [assumption]) and reads it on every later call:
 *
 *   Δ_in = prefix × [E × (p_write − p_in) + (calls − E) × (p_read − p_in)] / 10⁶  (USD)
 *
 * with prefix = shots × tokens per shot, E teachers, p_* in $ per 1M tokens (p_write = p_in where
 * the data lists no write rate: OpenAI charges none; Google's is not in the data [assumption]).
 * Instruction tokens, also fixed, are left out of the prefix (a smaller saving, never a larger one).
 * A query-phase `teachers` stage (DP-ICL) draws its teacher prompts afresh for every query
 * (lib/cost/method-work.ts), so no prefix repeats. No discount, said, when the prefix is below the
 * provider's minimum or the model has no cached-input price.
 * @example // 400 teachers, 300 calls each, a 2,000-token prefix on GPT-4.1 ($2 in, $0.5 cached):
 * // Δ = 2000 × (400 × 0 + 119,600 × (0.5 − 2)) / 1e6 = −$358.80
 */
export function cacheFor(c: Pick<LlmCalls, "id" | "phase" | "calls" | "shots">, model: ModelId, scenario: Pick<Scenario, "cache" | "priceSet" | "priceOverrides">, teachers: number | undefined, quote: ApiPriceQuote | null): StagePricingNote | null {
  if (scenario.cache !== "on") return null;
  const no = (note: string, source: string): StagePricingNote => ({ option: "cache", applied: false, multiplier: 1, inputUsdDelta: 0, note, source });
  if (c.id !== "teachers" || c.shots === undefined) return no("not cached: the stage has no prompt prefix that repeats", "lib/cost/api-options.ts cacheFor");
  if (c.phase === "query") return no("not cached: the teacher prompts are drawn afresh for every query, so no prefix repeats", "lib/cost/method-work.ts (DP-ICL assumptions)");
  const label = MODELS[model].label;
  const rates = scenario.priceSet === "current" && scenario.priceOverrides[model] === undefined ? currentCacheRates(model) : null;
  if (!rates || !quote) return no(`not cached: no cached-input price for ${label} in this price set`, "@pydantic/genai-prices cache_read_mtok");
  const min = CACHE_MIN_PREFIX_TOKENS[model];
  if (!min) return no(`not cached: no sourced minimum cacheable prefix for ${label}`, "lib/cost/api-options.ts CACHE_MIN_PREFIX_TOKENS");
  const prefix = c.shots.count * c.shots.tokensEach;
  if (prefix < min.tokens) return no(`not cached: the teacher prefix (${Math.round(prefix)} tokens) is below ${label}'s minimum cacheable prefix of ${min.tokens} tokens`, min.source);
  const e = Math.min(teachers ?? c.calls, c.calls);
  const pin = quote.inputUsdPerMillionTokens;
  const pwrite = rates.write ?? pin;
  const delta = (prefix * (e * (pwrite - pin) + (c.calls - e) * (rates.read - pin))) / 1e6;
  return {
    option: "cache", applied: true, multiplier: 1, inputUsdDelta: delta,
    note: `prompt cache: ${Math.round(prefix)}-token teacher prefix written once per teacher (${e} writes at $${pwrite}/1M) and read on the other ${c.calls - e} calls at $${rates.read}/1M instead of $${pin}/1M`,
    source: `${rates.source}; minimum prefix ${min.tokens} tokens (${min.source})`,
  };
}
