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
import { methodWork } from "./method-work";

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
  option: "batch";
  /** Whether the option changed the stage's price. */
  applied: boolean;
  /** The multiplier applied to input and output token prices (1 when not applied). */
  multiplier: number;
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
