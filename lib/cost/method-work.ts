/**
 * What each method asks of an LLM and of a GPU, before any price: LLM calls with their input and
 * output tokens, DP-SGD training passes, and batched forward passes of a local model.
 *
 * Each method declares its own work in its file (lib/methods/<method>.ts, `descriptor.cost.work`);
 * this module folds over the registry, adds what is common to every method (the Appendix D base
 * notes, the scenario's instruction tokens) and never branches on a method id. The vocabulary
 * (LlmCalls, WorkItem…) and the generic token formulas live in ./work-types, which method files import.
 *
 * The default follows the study's own cost method (Hanke et al. 2024, Appendix D): token counts
 * from the dataset's average input and output lengths, building teacher prompts and aggregating
 * votes free. On top, every prompt-based call carries `scenario.instructionTokens` instruction and
 * template tokens (share-link key `instr`): 0 in the study's presets, which is Appendix D exactly,
 * and 287 by default in a custom scenario (docs/derivations.md §S11). The extra calls the methods' original code makes
 * (contextual-calibration echo calls, DP-ICL's final keyword call, DP-FewShotGen's public-token
 * calls) are options, off by default, and every stage they add is labelled with the option.
 */
import { type MethodId, type ModelId } from "../scenario";
import { METHOD_DESCRIPTORS, methodDescriptor } from "../methods/registry";
import { answerTokensBy, type AnswerTokenRule, type ApiCostOptions, type LlmCalls, type MethodCost, type MethodWork, type WorkContext, type WorkItem, type WorkScenario } from "./work-types";

export {
  CALIBRATION_CONTENT_FREE_INPUTS, CALIBRATION_CONTENT_FREE_TOKENS, dpIclQueryTokens, singleCallTokens, calibrationTokens, fewShotGenTokens, answerTokensBy,
  type LlmCalls, type PromptShots, type DpSgdTraining, type LocalForward, type WorkItem, type MethodWork, type ApiCostOptions, type AnswerTokenRule,
  type WorkScenario, type WorkContext, type MethodCost, type ProviderAnswerRule, type StudySetupGap, type WeightPrecision,
} from "./work-types";
export { DP_OPT_CANDIDATE_PROMPTS, DP_OPT_HOLDOUT_FRACTION, dpOptSearchTokens } from "../methods/dp-opt";

import { processedTokensPerRecord } from "./gpu-model";

const APPENDIX_D = "Hanke et al. 2024, Appendix D (token cost method)";

/**
 * Every method's answer-length rules (each declared in its method file, `cost.answerTokens`), with
 * the method they belong to: PromptPATE's Anthropic path answers in up to 10 tokens (docs/derivations.md §4).
 */
export const ANSWER_TOKEN_RULES: readonly AnswerTokenRule[] = Object.values(METHOD_DESCRIPTORS).flatMap((d) => (d.cost.answerTokens ?? []).map((rule) => ({ method: d.id, ...rule })));

/**
 * Output tokens of one answer of `method` on `model`: the dataset's ℓout, or the method code's
 * per-provider answer length when that is longer (ANSWER_TOKEN_RULES).
 *
 * @example
 * answerTokens("prompt-pate", "claude-2.1", 1)    // → { tokens: 10, rule: ANSWER_TOKEN_RULES[0] }
 * answerTokens("prompt-pate", "gpt-3-babbage", 1) // → { tokens: 1 }
 */
export function answerTokens(method: MethodId, model: ModelId | undefined, outTokens: number): { tokens: number; rule?: AnswerTokenRule } {
  return answerTokensBy(ANSWER_TOKEN_RULES.filter((r) => r.method === method), model, outTokens);
}

/**
 * The work of `method` in `scenario`: training (prompt creation) items and per-query LLM calls,
 * as the method's file declares them (`methodDescriptor(method).cost.work`), plus the scenario's
 * instruction tokens on every prompt-based call.
 * Pure: depends only on the scenario's token averages, N, classes and the method's knobs, and on
 * `model` only where the method's code asks that model's provider for a longer answer
 * (ANSWER_TOKEN_RULES); without `model` the dataset's ℓout is used.
 */
export function methodWork(method: MethodId, scenario: WorkScenario, options: ApiCostOptions = {}, model?: ModelId): MethodWork {
  const cost = methodDescriptor(method).cost;
  const classes = scenario.task === "classification" ? (scenario.classes ?? 2) : null;
  const context: WorkContext = {
    scenario, options, model, classes,
    paddedTokensPerRecord: (tokens) => processedTokensPerRecord(tokens, scenario.task, undefined),
    calibration: options.calibrationCalls === true && classes !== null,
    assumptions: ["Token counts follow the study's Appendix D method: dataset average input/output tokens, no instruction or template tokens."],
    sources: [APPENDIX_D],
  };
  return withInstructionTokens({ method, ...cost.work(context) }, cost.instructionTokens, scenario.instructionTokens);
}

/**
 * Add `instructionTokens` to the input of every call that carries a prompt: every LLM call of the
 * prompt-based methods (teachers, students, generation, calibration, the query), on an API or on a
 * local model (`cost.instructionTokens: "every-prompt"`). DP-OPT's local search gets them per
 * meta-prompt in its own work. The DP-SGD methods (`"none"`) send none: their adaptation replaces
 * the instruction, and Appendix D trains and queries them on bare records.
 *
 * @example
 * // Custom classification, DP-ICL E = 10, s = 4, ℓin = 50, ℓout = 1, I = 287 (docs/derivations.md §S11):
 * // input per query 10 × (4 × 51 + 50) + 10 × 287 = 2,540 + 2,870 = 5,410 tokens
 */
function withInstructionTokens(work: MethodWork, carried: MethodCost["instructionTokens"], instructionTokens: number): MethodWork {
  if (carried === "none") {
    if (instructionTokens > 0) work.assumptions.push("No instruction tokens: the adapted model is trained on and answers bare records (Appendix D); the scenario's instruction tokens apply to prompt-based methods only.");
    return work;
  }
  const label = instructionTokens === 0 ? "+ 0 instruction tokens per call (the study's accounting, Appendix D)" : `+ ${instructionTokens} instruction tokens per call`;
  const add = <T extends WorkItem>(item: T): T =>
    // The instruction sits in every prompt, so the longest call grows by it too (context-window check).
    item.kind === "llm-calls" ? { ...item, inputTokens: item.inputTokens + item.calls * instructionTokens, longestCallTokens: item.longestCallTokens + instructionTokens, formula: `${item.formula}; ${label}` } : item;
  if (instructionTokens > 0) {
    work.assumptions[0] = `Token counts: dataset average input/output tokens as in the study's Appendix D, plus ${instructionTokens} instruction/template tokens on every prompt-based call (the scenario's instruction tokens; custom default derived from Hanke et al. 2024, Table 3, in docs/derivations.md §S11).`;
    work.sources.push("docs/derivations.md §S11 (instruction tokens per call)");
  }
  return { ...work, training: work.training.map(add), perQuery: work.perQuery.map(add) };
}

/** Sum of LLM calls (scaled by `times`), for totals over queries. */
export function scaleCalls(c: LlmCalls, times: number): { calls: number; inputTokens: number; outputTokens: number } {
  return { calls: c.calls * times, inputTokens: c.inputTokens * times, outputTokens: c.outputTokens * times };
}
