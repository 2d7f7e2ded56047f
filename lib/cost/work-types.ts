/**
 * The vocabulary of a method's cost work, shared by lib/methods (where each method declares its
 * work, in its own file) and lib/cost (which prices it): LLM calls with their input and output
 * tokens, DP-SGD training passes, batched forward passes of a local model, the study-setup facts
 * the GPU model and the cost reproduction need, and the generic token formulas method files call.
 *
 * This file imports nothing from lib/methods (and nothing of lib/cost but types), so method
 * files can import it without a cycle: lib/methods → lib/cost/work-types, lib/cost → lib/methods.
 *
 * Notation in formulas: ℓin, ℓout = average input and output tokens per record
 * (`scenario.inTokens`, `scenario.outTokens`); E = ensemble size; s = shots per prompt.
 */
import type { DatasetId, DpSgdImpl, MethodId, ModelId, OpenModelId, Scenario } from "../scenario";
// MODELS from the catalogue's leaf, not from ../scenario: the method files import this module, and
// ../scenario loads the method files (its catalogue and knobs are read from their cards).
import { MODELS } from "../scenario/base-catalog";
import type { ApiCostOptionId, CostPhase } from "./types";

/** LLM calls of one stage. For a `query` stage the numbers are for one query. */
export interface LlmCalls {
  kind: "llm-calls";
  phase: CostPhase;
  id: string;
  label: string;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  /**
   * Tokens of the longest single call of the stage, prompt plus generated output, at the dataset's
   * average lengths: what must fit the model's context window (lib/estimate/feasibility.ts).
   * Equal to (input + output) / calls except where prompts grow (DP-FewShotGen's token steps).
   */
  longestCallTokens: number;
  /** The examples in that call's prompt and the knob that sets them, so an over-long prompt can say how many fit. */
  shots?: PromptShots;
  formula: string;
  option?: ApiCostOptionId;
  /**
   * The model that makes these calls when it is not the row's model: DP-FewShotGen's variant (2)
   * writes its demonstrations on an open model and answers queries on the closed one.
   */
  runsOn?: OpenModelId;
}

/** `count` examples of `tokensEach` tokens in a prompt, set by the share-link knob `knob`. */
export interface PromptShots {
  knob: string;
  count: number;
  tokensEach: number;
}

/** DP-SGD training of an open model: `epochs` passes over `records` records of `tokensPerRecord` tokens. */
export interface DpSgdTraining {
  kind: "dp-sgd";
  phase: "training";
  id: string;
  label: string;
  /** What is trained: all weights, LoRA adapters, or a soft prompt / prefix. */
  trainable: "full" | "lora" | "prompt";
  epochs: number;
  records: number;
  tokensPerRecord: number;
  /** LoRA rank (memory check), when `trainable` is `lora`. */
  loraRank?: number;
  /** How per-example gradient norms are computed (`<method>.impl`); the study: per-sample. */
  impl: DpSgdImpl;
  /** The model trained when it is not the row's (POST tunes its prompt on a distilled small model); absent: the row's model. */
  localModel?: OpenModelId;
  formula: string;
}

/** Forward passes of a local model run in large batches (DP-OPT's token-by-token prompt search). */
export interface LocalForward {
  kind: "local-forward";
  phase: "training";
  id: string;
  label: string;
  /**
   * The local model, fixed by the method's code (DP-OPT: Vicuna 7B), not the scenario's model;
   * absent: the row's own model (DPZero's forward passes on the model it fine-tunes).
   */
  localModel?: OpenModelId;
  tokens: number;
  /** Tokens of the longest single forward pass (a meta-prompt plus the instruction so far), for the context check. */
  longestCallTokens: number;
  shots?: PromptShots;
  formula: string;
}

export type WorkItem = LlmCalls | DpSgdTraining | LocalForward;

export interface MethodWork {
  method: MethodId;
  training: WorkItem[];
  /** Work per query. */
  perQuery: LlmCalls[];
  assumptions: string[];
  sources: string[];
}

/** Options that add the original code's extra calls (all off by default = Appendix D). */
export interface ApiCostOptions {
  /**
   * Contextual calibration of GPT-3 classification prompts (Zhao et al. 2021), as in the DP-ICL,
   * PromptPATE and DP-FewShotGen code: 3 content-free inputs × C label completions with echo,
   * per teacher per query (DP-ICL), once per teacher (PromptPATE), or once (DP-FewShotGen).
   */
  calibrationCalls?: boolean;
  /** DP-ICL generation (KSA): one more call per query that writes the answer from the released keywords. */
  finalKeywordCall?: boolean;
  /** DP-FewShotGen: the public-prompt call per generated token of the RVP variant (the code's default). */
  publicTokenCalls?: boolean;
}

/** Content-free calibration inputs per prompt ("N/A", "[MASK]", ""), as in the methods' code. */
export const CALIBRATION_CONTENT_FREE_INPUTS = 3;
/**
 * Tokens of a content-free input plus its template [derived]: docs/derivations.md §2 reports
 * 7,680 calibration tokens per SST-2-like query for E = 10, s = 4, ℓin = 30, ℓout = 1, C = 2,
 * i.e. 128 tokens per echo call = s·(ℓin+ℓout) + 3 + label.
 */
export const CALIBRATION_CONTENT_FREE_TOKENS = 3;
/**
 * DP-ICL tokens of one query: E teacher calls, each with s shots and the query.
 *
 * input = E · (s · (ℓin + ℓout) + ℓin), output = E · ℓout   (Hanke et al. 2024, Appendix D)
 *
 * @example
 * // SAMSum on GPT-3 Davinci, 1 shot, 100 teachers (Appendix D worked example):
 * dpIclQueryTokens({ ensemble: 100, shots: 1, inTokens: 140.857, outTokens: 25.62 })
 * // → { calls: 100, inputTokens: 30733.4, outputTokens: 2562 }; × $2/1M × 10,000 = $665.91
 */
export function dpIclQueryTokens(p: { ensemble: number; shots: number; inTokens: number; outTokens: number }) {
  return {
    calls: p.ensemble,
    inputTokens: p.ensemble * (p.shots * (p.inTokens + p.outTokens) + p.inTokens),
    outputTokens: p.ensemble * p.outTokens,
    longestCallTokens: p.shots * (p.inTokens + p.outTokens) + p.inTokens + p.outTokens,
  };
}

/**
 * One call answering a query with a fixed prompt of `promptTokens` tokens in front of it:
 * input = promptTokens + ℓin, output = ℓout. Zero-shot: promptTokens = 0.
 *
 * @example
 * // SAMSum 0-shot on Davinci (Appendix D): 140.857 + 25.62 tokens × $2/1M = $0.000333; $3.33 per 10k
 * singleCallTokens({ promptTokens: 0, inTokens: 140.857, outTokens: 25.62 })
 * // → { calls: 1, inputTokens: 140.857, outputTokens: 25.62 }
 */
export function singleCallTokens(p: { promptTokens: number; inTokens: number; outTokens: number }) {
  return { calls: 1, inputTokens: p.promptTokens + p.inTokens, outputTokens: p.outTokens, longestCallTokens: p.promptTokens + p.inTokens + p.outTokens };
}

/**
 * Contextual-calibration echo calls for prompts with s shots: 3 content-free inputs × C labels per
 * prompt, each echoing s·(ℓin+ℓout) + content-free + label tokens; no generated tokens.
 *
 * @example
 * // docs/derivations.md §2: E = 10 prompts, s = 4, ℓin = 30, ℓout = 1, C = 2 → 60 calls, 7,680 input tokens
 * calibrationTokens({ prompts: 10, shots: 4, inTokens: 30, outTokens: 1, classes: 2 })
 */
export function calibrationTokens(p: { prompts: number; shots: number; inTokens: number; outTokens: number; classes: number }) {
  const calls = p.prompts * CALIBRATION_CONTENT_FREE_INPUTS * p.classes;
  const perCall = p.shots * (p.inTokens + p.outTokens) + CALIBRATION_CONTENT_FREE_TOKENS + p.outTokens;
  return { calls, inputTokens: calls * perCall, outputTokens: 0, longestCallTokens: perCall };
}

/**
 * DP-FewShotGen's generation calls: for each of n demonstrations and each of T tokens, M prompts
 * of N private shots each return one next-token distribution (1 output token). The prompt grows
 * by the tokens generated so far.
 *
 * calls = n·T·M;  input = n·M·(T·N·(ℓin+ℓout) + T(T−1)/2);  output = n·T·M
 * (docs/derivations.md §6; microsoft/dp-few-shot-generation, src/dp_few_shot_generation/run_exp_*.py; instructions and headers excluded as in Appendix D)
 *
 * @example
 * // MIT (Davinci), n = 4, M = 20, N = 4, T = 20, ℓin+ℓout = 26.615 → 1,600 calls, 185,536 input tokens
 * fewShotGenTokens({ demos: 4, ensemble: 20, shots: 4, tokens: 20, inTokens: 24.314, outTokens: 2.301 })
 */
export function fewShotGenTokens(p: { demos: number; ensemble: number; shots: number; tokens: number; inTokens: number; outTokens: number }) {
  const calls = p.demos * p.tokens * p.ensemble;
  const inputTokens = p.demos * p.ensemble * (p.tokens * p.shots * (p.inTokens + p.outTokens) + (p.tokens * (p.tokens - 1)) / 2);
  // The last token's call: N shots, the T − 1 tokens written so far, 1 generated token.
  return { calls, inputTokens, outputTokens: calls, longestCallTokens: p.shots * (p.inTokens + p.outTokens) + p.tokens };
}


/** What a method's cost work reads of a scenario (lib/cost methodWork's parameter). */
export type WorkScenario = Pick<Scenario, "task" | "classes" | "records" | "inTokens" | "outTokens" | "instructionTokens" | "knobs"> & Partial<Pick<Scenario, "fewShotGenGenerator">>;

/**
 * What lib/cost hands a method's `cost.work`: the scenario, the original-code options, the row's
 * model (when known), and the study's base notes, which the method extends in place.
 */
export interface WorkContext {
  scenario: WorkScenario;
  options: ApiCostOptions;
  /** The row's model; undefined when the work is asked for without one (then ℓout prices every answer). */
  model: ModelId | undefined;
  /** C for a classification task (2 when the scenario leaves it unset), null for generation. */
  classes: number | null;
  /** `options.calibrationCalls` on a classification task: the original code's echo calls apply. */
  calibration: boolean;
  /**
   * Tokens the GPU model processes for one record of `tokens` tokens (lib/cost/gpu-model.ts
   * processedTokensPerRecord: classification records padded as the study's code pads them), for a
   * method that counts forward-pass tokens itself (DPZero) without importing the GPU model.
   */
  paddedTokensPerRecord: (tokens: number) => number;
  /** Starts with the Appendix D token-count note; the method appends its own. */
  assumptions: string[];
  /** Starts with Appendix D; the method appends its paper and code. */
  sources: string[];
}

/**
 * A provider whose models the method's original code lets answer with more tokens than the
 * label. `tokens` is the maximum the code allows; privadapt prices every answer at that maximum,
 * so the figure is an upper bound on the answers' length.
 */
export interface ProviderAnswerRule {
  provider: string;
  tokens: number;
  source: string;
}

/** A ProviderAnswerRule with the method it belongs to (lib/cost ANSWER_TOKEN_RULES). */
export interface AnswerTokenRule extends ProviderAnswerRule {
  method: MethodId;
}

/** Bytes per weight a serving setup loads (lib/cost/gpu-model.ts WEIGHT_BYTES). */
export type WeightPrecision = "16-bit" | "8-bit" | "4-bit";

/**
 * A study cell whose cost comes from a setup the paper does not describe: the fit
 * (lib/cost/calibration.ts) leaves it out and the reports say why. `model` narrows it to one
 * model; without it, every model of the method's `part`.
 */
export interface StudySetupGap {
  part: "training" | "query";
  model?: ModelId;
  reason: string;
}

/**
 * A method's cost, declared in its own file (lib/methods/<method>.ts) and priced by lib/cost,
 * which folds over the registry and never branches on a method id.
 */
export interface MethodCost {
  /**
   * The method's work before instruction tokens: training (prompt creation) items and per-query
   * LLM calls, following the study's own cost method (Hanke et al. 2024, Appendix D).
   */
  work: (context: WorkContext) => Omit<MethodWork, "method">;
  /**
   * Whether every LLM call carries the scenario's instruction/template tokens (`every-prompt`:
   * the prompt-based methods) or none (`none`: a model trained on, and answering, bare records).
   * A method with a local prompt search adds them per meta-prompt in its own `work`.
   */
  instructionTokens: "every-prompt" | "none";
  /** Providers whose answers the method's code lets run longer than ℓout. */
  answerTokens?: readonly ProviderAnswerRule[];
  /**
   * Why an encoder model cannot run the method even for classification, when the method's own
   * stages write text (PromptPATEGen's teachers and student), as the start of the sentence
   * "<this>; <model> is an encoder model without a text generator".
   */
  writesText?: string;
  /**
   * The study's training and serving setup on its generation presets, as its code runs it
   * (sprintml/OpenLLMs; lib/cost/gpu-model.ts gpuSetup): records padded to the study's
   * max_seq_length, answers capped at its eval_len, weights served at `servingPrecision`.
   * Absent: no study setup (dynamic padding, answers stop at their length, 16-bit serving).
   */
  studyGpuSetup?: { servingPrecision: (dataset: DatasetId) => WeightPrecision };
  /** The study's cells of this method that come from an undescribed setup (left out of the GPU fit). */
  studySetupGaps?: readonly StudySetupGap[];
  /**
   * Present when the method's training runs on a local GPU even when its queries go to an API
   * (DP-OPT's instruction search on a local Vicuna 7B): the cost reproduction labels that part's
   * gap as the GPU model's, and the study's local cell measures it.
   */
  trainsLocally?: true;
}

/**
 * Output tokens of one answer on `model`: the dataset's ℓout, or the longer answer a rule of the
 * method's code allows on that model's provider.
 *
 * @example
 * answerTokensBy([{ provider: "Anthropic", tokens: 10, source: "…" }], "claude-2.1", 1)    // → { tokens: 10, rule }
 * answerTokensBy([{ provider: "Anthropic", tokens: 10, source: "…" }], "gpt-3-babbage", 1) // → { tokens: 1 }
 */
export function answerTokensBy<R extends ProviderAnswerRule>(rules: readonly R[], model: ModelId | undefined, outTokens: number): { tokens: number; rule?: R } {
  if (model === undefined) return { tokens: outTokens };
  const rule = rules.find((r) => r.provider === MODELS[model].provider);
  return rule && rule.tokens > outTokens ? { tokens: rule.tokens, rule } : { tokens: outTokens };
}
