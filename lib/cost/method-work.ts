/**
 * What each method asks of an LLM and of a GPU, before any price: LLM calls with their input and
 * output tokens, DP-SGD training passes, and batched forward passes of a local model.
 *
 * The default follows the study's own cost method (Hanke et al. 2024, Appendix D): token counts
 * from the dataset's average input and output lengths, building teacher prompts and aggregating
 * votes free. On top, every prompt-based call carries `scenario.instructionTokens` instruction and
 * template tokens (share-link key `instr`): 0 in the study's presets, which is Appendix D exactly,
 * and 287 by default in a custom scenario (docs/derivations.md §S11). The extra calls the methods' original code makes
 * (contextual-calibration echo calls, DP-ICL's final keyword call, DP-FewShotGen's public-token
 * calls) are options, off by default, and every stage they add is labelled with the option.
 *
 * Notation in formulas: ℓin, ℓout = average input and output tokens per record
 * (`scenario.inTokens`, `scenario.outTokens`); E = ensemble size; s = shots per prompt.
 */
import { augPeWork } from "../methods/aug-pe";
import { MODELS, type DpSgdImpl, type MethodId, type ModelId, type OpenModelId, type Scenario } from "../scenario";
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
  formula: string;
}

/** Forward passes of a local model run in large batches (DP-OPT's token-by-token prompt search). */
export interface LocalForward {
  kind: "local-forward";
  phase: "training";
  id: string;
  label: string;
  /** The local model, fixed by the method's code (DP-OPT: Vicuna 7B; Aug-PE: its encoder and downstream model), not the scenario's model. */
  localModel: OpenModelId;
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
/** DP-OPT's code generates 40 candidate instructions in the SST-2 sweep (docs/derivations.md §7; VITA-Group/DP-OPT, train_opt.py). */
export const DP_OPT_CANDIDATE_PROMPTS = 40;
/** DP-OPT selects the best candidate on a 1% private holdout (docs/derivations.md §7; VITA-Group/DP-OPT, train_opt.py). */
export const DP_OPT_HOLDOUT_FRACTION = 0.01;

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

/**
 * Forward tokens of DP-OPT's local prompt search: for each of the candidate instructions and each
 * of its L tokens, E meta-prompts of s demos plus the t tokens written so far (no KV reuse, since
 * demos are resampled per token), plus scoring every candidate on a 1% holdout.
 *
 * tokens = K·E·(L·(s·(ℓin+ℓout) + I) + L(L−1)/2) + K·⌈0.01·N⌉·(L + ℓin + ℓout), I = instruction tokens
 */
export function dpOptSearchTokens(p: { candidates: number; ensemble: number; shots: number; tokens: number; records: number; inTokens: number; outTokens: number; instructionTokens?: number }) {
  const L = p.tokens;
  // Every forward pass of the search is one meta-prompt, and each carries the meta-instruction.
  const generation = p.candidates * p.ensemble * (L * (p.shots * (p.inTokens + p.outTokens) + (p.instructionTokens ?? 0)) + (L * (L - 1)) / 2);
  const holdout = p.candidates * Math.ceil(DP_OPT_HOLDOUT_FRACTION * p.records) * (L + p.inTokens + p.outTokens);
  // Longest pass: a meta-prompt of s demos plus the L − 1 instruction tokens so far, voting on the last one;
  // or scoring the finished instruction on a holdout record.
  const longestCallTokens = Math.max(p.shots * (p.inTokens + p.outTokens) + (p.instructionTokens ?? 0) + L, L + p.inTokens + p.outTokens);
  return { generation, holdout, total: generation + holdout, longestCallTokens };
}

const APPENDIX_D = "Hanke et al. 2024, Appendix D (token cost method)";

/**
 * A method whose original code lets one provider's models answer with more tokens than the label.
 * `tokens` is the maximum the code allows; privadapt prices every answer at that maximum, so the
 * figure is an upper bound on the answers' length.
 */
export interface AnswerTokenRule {
  method: MethodId;
  provider: string;
  tokens: number;
  source: string;
}

/**
 * PromptPATE's Anthropic path asks Claude for the label inside an `<answer>` tag and allows up to 10
 * output tokens per call (docs/derivations.md §4). Claude 2.1 charges 3× as much for output as
 * for input (Hanke et al. 2024, Table 22), so this is what moves the Claude row: SST2 student query,
 * 2 shots, input 2 × (12.35 + 1) + 12.35 = 39.05 tokens →
 * 1 output token: 10,000 × (39.05 × $8 + 1 × $24)/1M = $3.36 per 10k;
 * 10 output tokens: 10,000 × (39.05 × $8 + 10 × $24)/1M = $5.52 per 10k (Table 3 prints $5.36).
 */
export const ANSWER_TOKEN_RULES: readonly AnswerTokenRule[] = [
  {
    method: "prompt-pate", provider: "Anthropic", tokens: 10,
    source: "PromptPATE code: github.com/cleverhans-lab/PrivatePrompts, PromptPATE/prompts_anthropic/teacher.py (answers of up to 10 tokens with an <answer> tag); docs/derivations.md §4",
  },
];

/**
 * Output tokens of one answer of `method` on `model`: the dataset's ℓout, or the method code's
 * per-provider answer length when that is longer (ANSWER_TOKEN_RULES).
 *
 * @example
 * answerTokens("prompt-pate", "claude-2.1", 1)    // → { tokens: 10, rule: ANSWER_TOKEN_RULES[0] }
 * answerTokens("prompt-pate", "gpt-3-babbage", 1) // → { tokens: 1 }
 */
export function answerTokens(method: MethodId, model: ModelId | undefined, outTokens: number): { tokens: number; rule?: AnswerTokenRule } {
  if (model === undefined) return { tokens: outTokens };
  const rule = ANSWER_TOKEN_RULES.find((r) => r.method === method && r.provider === MODELS[model].provider);
  return rule && rule.tokens > outTokens ? { tokens: rule.tokens, rule } : { tokens: outTokens };
}

/**
 * The work of `method` in `scenario`: training (prompt creation) items and per-query LLM calls.
 * Pure: depends only on the scenario's token averages, N, classes and the method's knobs, and on
 * `model` only where the method's code asks that model's provider for a longer answer
 * (ANSWER_TOKEN_RULES); without `model` the dataset's ℓout is used.
 */
export function methodWork(method: MethodId, scenario: Pick<Scenario, "task" | "classes" | "records" | "inTokens" | "outTokens" | "instructionTokens" | "knobs"> & Partial<Pick<Scenario, "fewShotGenGenerator">>, options: ApiCostOptions = {}, model?: ModelId): MethodWork {
  // Aug-PE's work (lib/methods/aug-pe.ts) adds its own instruction tokens: its API prompts carry them, its local downstream model answers bare records.
  if (method === "aug-pe") return augPeWork(scenario);
  return withInstructionTokens(appendixDWork(method, scenario, options, model), scenario.instructionTokens);
}

/** Methods whose adapted model is trained on, and answers, bare records: no instruction is sent. */
const DP_SGD_METHODS: readonly MethodId[] = ["prompt-dpsgd", "private-lora", "dp-finetune"];

/**
 * Add `instructionTokens` to the input of every call that carries a prompt: every LLM call of the
 * prompt-based methods (teachers, students, generation, calibration, the query), on an API or on a
 * local model. DP-OPT's local search gets them per meta-prompt in appendixDWork. The DP-SGD
 * methods send none: their adaptation replaces the instruction, and Appendix D trains and queries
 * them on bare records.
 *
 * @example
 * // Custom classification, DP-ICL E = 10, s = 4, ℓin = 50, ℓout = 1, I = 287 (docs/derivations.md §S11):
 * // input per query 10 × (4 × 51 + 50) + 10 × 287 = 2,540 + 2,870 = 5,410 tokens
 */
function withInstructionTokens(work: MethodWork, instructionTokens: number): MethodWork {
  if (DP_SGD_METHODS.includes(work.method)) {
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

function appendixDWork(method: MethodId, scenario: Pick<Scenario, "task" | "classes" | "records" | "inTokens" | "outTokens" | "instructionTokens" | "knobs"> & Partial<Pick<Scenario, "fewShotGenGenerator">>, options: ApiCostOptions, model: ModelId | undefined): MethodWork {
  const li = scenario.inTokens;
  const lo = scenario.outTokens;
  const classes = scenario.task === "classification" ? (scenario.classes ?? 2) : null;
  const calibration = options.calibrationCalls === true && classes !== null;
  const assumptions: string[] = ["Token counts follow the study's Appendix D method: dataset average input/output tokens, no instruction or template tokens."];
  const sources: string[] = [APPENDIX_D];

  switch (method) {
    case "dp-icl": {
      const k = scenario.knobs["dp-icl"];
      const q = dpIclQueryTokens({ ensemble: k.ensemble, shots: k.shots, inTokens: li, outTokens: lo });
      const perQuery: LlmCalls[] = [{
        kind: "llm-calls", phase: "query", id: "teachers", label: "Teacher prompts answer the query (ensemble vote)", ...q, shots: { knob: "dp-icl.shots", count: k.shots, tokensEach: li + lo },
        formula: `${k.ensemble} calls; input ${k.ensemble} × (${k.shots} × (ℓin + ℓout) + ℓin), output ${k.ensemble} × ℓout`,
      }];
      if (calibration) {
        const c = calibrationTokens({ prompts: k.ensemble, shots: k.shots, inTokens: li, outTokens: lo, classes: classes! });
        perQuery.push({ kind: "llm-calls", phase: "query", id: "calibration", label: "Contextual-calibration echo calls (original code)", ...c, shots: { knob: "dp-icl.shots", count: k.shots, tokensEach: li + lo }, option: "calibrationCalls",
          formula: `${k.ensemble} teachers × ${CALIBRATION_CONTENT_FREE_INPUTS} content-free inputs × ${classes} labels; input each ${k.shots} × (ℓin + ℓout) + ${CALIBRATION_CONTENT_FREE_TOKENS} + ℓout` });
      }
      if (options.finalKeywordCall === true && scenario.task === "generation") {
        // KSA writes the answer from a zero-shot prompt plus the released keywords; we take the
        // keywords to be as long as an answer (ℓout) [derived, docs/derivations.md §3: ≈ +$3.83 per 10k on SAMSum/Davinci].
        perQuery.push({ kind: "llm-calls", phase: "query", id: "final-keyword-call", label: "Final call writing the answer from the private keywords (original code, KSA)",
          calls: 1, inputTokens: li + lo, outputTokens: lo, longestCallTokens: li + 2 * lo, option: "finalKeywordCall", formula: "1 call; input ℓin + ℓout (keywords), output ℓout" });
      }
      sources.push("Wu et al., ICLR 2024 (DP-ICL)", "DP-ICL code: github.com/sprintml/OpenLLMs (DP-ICL), github.com/tongwu2020/DP-ICL");
      assumptions.push("No training cost: teacher prompts are drawn afresh for every query and building them is free (Appendix D).");
      return { method, training: [], perQuery, assumptions, sources };
    }

    case "prompt-pate":
    case "prompt-pate-gen": {
      const k = scenario.knobs[method];
      // Public inputs are assumed to be as long as private ones [assumption].
      const lp = li;
      // The demonstrations in a prompt carry the label (ℓout); the model's answer may be longer.
      const answer = answerTokens(method, model, lo);
      const la = answer.tokens;
      const answerText = answer.rule ? `${la} (${MODELS[model!].provider} answer, up to ${la} tokens)` : "ℓout";
      const training: LlmCalls[] = [{
        kind: "llm-calls", phase: "training", id: "teachers", label: "Teachers label the public examples",
        calls: k.ensemble * k.public, inputTokens: k.ensemble * k.public * (k.shots * (li + lo) + lp), outputTokens: k.ensemble * k.public * la,
        longestCallTokens: k.shots * (li + lo) + lp + la, shots: { knob: `${method}.shots`, count: k.shots, tokensEach: li + lo },
        formula: `${k.ensemble} teachers × ${k.public} public inputs; input each ${k.shots} × (ℓin + ℓout) + ℓin, output ${answerText}`,
      }];
      if (answer.rule) {
        assumptions.push(`Every ${MODELS[model!].label} answer is priced at the ${la}-token maximum the method's code allows (an upper bound).`);
        sources.push(answer.rule.source);
      }
      if (method === "prompt-pate-gen") {
        training.push(
          { kind: "llm-calls", phase: "training", id: "zero-shot", label: "Zero-shot answers of the public queries (fallback when PTR fails)", calls: k.public, inputTokens: k.public * lp, outputTokens: k.public * lo, longestCallTokens: lp + lo, formula: `${k.public} calls; input ℓin, output ℓout` },
          { kind: "llm-calls", phase: "training", id: "keyword-answers", label: "Answers written from the released private keywords", calls: k.public, inputTokens: k.public * (lp + lo), outputTokens: k.public * lo, longestCallTokens: lp + 2 * lo, formula: `${k.public} calls; input ℓin + ℓout (keywords), output ℓout` },
        );
      } else if (calibration) {
        const c = calibrationTokens({ prompts: k.ensemble, shots: k.shots, inTokens: li, outTokens: lo, classes: classes! });
        training.push({ kind: "llm-calls", phase: "training", id: "calibration", label: "Contextual-calibration echo calls, once per teacher (original code)", ...c, shots: { knob: `${method}.shots`, count: k.shots, tokensEach: li + lo }, option: "calibrationCalls",
          formula: `${k.ensemble} teachers × ${CALIBRATION_CONTENT_FREE_INPUTS} × ${classes}; input each ${k.shots} × (ℓin + ℓout) + ${CALIBRATION_CONTENT_FREE_TOKENS} + ℓout` });
      }
      const q = singleCallTokens({ promptTokens: k.studentShots * (lp + lo), inTokens: li, outTokens: la });
      sources.push(method === "prompt-pate" ? "Duan et al., NeurIPS 2023 (PromptPATE)" : "Hanke et al. 2024, Section 3 (PromptPATEGen)", method === "prompt-pate" ? "PromptPATE code: github.com/cleverhans-lab/PrivatePrompts" : "PromptPATEGen code: github.com/sprintml/OpenLLMs (PromptPATEGen)");
      assumptions.push("Public examples are as long as private records (ℓin, ℓout).", "Selecting the student prompt on validation data is not counted.");
      return {
        method, training, assumptions, sources,
        perQuery: [{ kind: "llm-calls", phase: "query", id: "student", label: "Student prompt answers the query", ...q, shots: { knob: `${method}.studentShots`, count: k.studentShots, tokensEach: lp + lo }, formula: `1 call; input ${k.studentShots} × (ℓin + ℓout) + ℓin, output ${answerText}` }],
      };
    }

    case "dp-fewshotgen": {
      const k = scenario.knobs["dp-fewshotgen"];
      const g = fewShotGenTokens({ demos: k.demos, ensemble: k.ensemble, shots: k.shots, tokens: k.tokens, inTokens: li, outTokens: lo });
      // Variant (2) (Hanke et al. 2024, Table 1): the same token-by-token calls, made on an open
      // model; only the finished demonstrations go to the model that answers the queries.
      const generator = scenario.fewShotGenGenerator ?? "api";
      const runsOn = generator === "api" ? {} : { runsOn: generator };
      const training: LlmCalls[] = [{
        kind: "llm-calls", phase: "training", id: "generation", label: `Token-by-token generation of the demonstrations (ensemble next-token votes)${generator === "api" ? "" : ", variant (2) on an open model"}`, ...g, ...runsOn, shots: { knob: "dp-fewshotgen.shots", count: k.shots, tokensEach: li + lo },
        formula: `${k.demos} demos × ${k.tokens} tokens × ${k.ensemble} prompts; input each ${k.shots} × (ℓin + ℓout) + tokens so far, output 1`,
      }];
      if (options.publicTokenCalls === true) {
        const calls = k.demos * k.tokens;
        training.push({ kind: "llm-calls", phase: "training", id: "public-token-calls", label: "Public-prompt call per generated token (RVP variant, original code)", calls,
          inputTokens: k.demos * ((k.tokens * (k.tokens - 1)) / 2), outputTokens: calls, longestCallTokens: k.tokens, option: "publicTokenCalls", formula: `${k.demos} × ${k.tokens} calls; input tokens so far, output 1`, ...runsOn });
      }
      if (calibration) {
        const c = calibrationTokens({ prompts: 1, shots: k.demos, inTokens: k.tokens, outTokens: lo, classes: classes! });
        training.push({ kind: "llm-calls", phase: "training", id: "calibration", label: "Contextual calibration of the final prompt, once (original code)", ...c, shots: { knob: "dp-fewshotgen.demos", count: k.demos, tokensEach: k.tokens + lo }, option: "calibrationCalls",
          formula: `${CALIBRATION_CONTENT_FREE_INPUTS} × ${classes} calls; input each ${k.demos} × (${k.tokens} + ℓout) + ${CALIBRATION_CONTENT_FREE_TOKENS} + ℓout` });
      }
      // A generated demonstration is T generated tokens plus its label/answer.
      const q = singleCallTokens({ promptTokens: k.demos * (k.tokens + lo), inTokens: li, outTokens: lo });
      sources.push("Tang et al., ICLR 2024 (DP-FewShotGen)", "DP-FewShotGen code: github.com/microsoft/dp-few-shot-generation");
      assumptions.push(`Every demonstration reaches the maximum length (${k.tokens} tokens).`);
      return {
        method, training, assumptions, sources,
        perQuery: [{ kind: "llm-calls", phase: "query", id: "synthetic-prompt", label: "Prompt of synthetic demonstrations answers the query", ...q, shots: { knob: "dp-fewshotgen.demos", count: k.demos, tokensEach: k.tokens + lo }, formula: `1 call; input ${k.demos} × (${k.tokens} + ℓout) + ℓin, output ℓout` }],
      };
    }

    case "dp-opt": {
      const k = scenario.knobs["dp-opt"];
      const t = dpOptSearchTokens({ candidates: DP_OPT_CANDIDATE_PROMPTS, ensemble: k.ensemble, shots: k.shots, tokens: k.tokens, records: scenario.records, inTokens: li, outTokens: lo, instructionTokens: scenario.instructionTokens });
      const q = singleCallTokens({ promptTokens: k.tokens, inTokens: li, outTokens: lo });
      sources.push("Hong et al., ICLR 2024 (DP-OPT)", "DP-OPT code: github.com/VITA-Group/DP-OPT");
      assumptions.push(`The instruction is searched on a local Vicuna 7B: ${DP_OPT_CANDIDATE_PROMPTS} candidates of ${k.tokens} tokens (DP-OPT code's SST-2 sweep), scored on a 1% holdout.`);
      return {
        method, assumptions, sources,
        training: [{ kind: "local-forward", phase: "training", id: "prompt-search", label: "Private instruction search on a local Vicuna 7B (no API calls)", localModel: "vicuna-7b", tokens: t.total, longestCallTokens: t.longestCallTokens,
          ...(t.longestCallTokens === k.shots * (li + lo) + scenario.instructionTokens + k.tokens ? { shots: { knob: "dp-opt.shots", count: k.shots, tokensEach: li + lo } } : {}),
          formula: `${DP_OPT_CANDIDATE_PROMPTS} candidates × ${k.ensemble} meta-prompts × Σ over ${k.tokens} tokens of (${k.shots} × (ℓin + ℓout) + ${scenario.instructionTokens} instruction tokens + t) + holdout scoring` }],
        perQuery: [{ kind: "llm-calls", phase: "query", id: "instruction", label: "Generated instruction answers the query", ...q, shots: { knob: "dp-opt.tokens", count: k.tokens, tokensEach: 1 }, formula: `1 call; input ${k.tokens} + ℓin, output ℓout` }],
      };
    }

    case "aug-pe": return augPeWork(scenario);
    case "prompt-dpsgd":
    case "private-lora":
    case "dp-finetune": {
      const k = scenario.knobs[method];
      const promptTokens = method === "prompt-dpsgd" ? scenario.knobs["prompt-dpsgd"].promptLength : 0;
      const trainable = method === "dp-finetune" ? "full" : method === "private-lora" ? "lora" : "prompt";
      const training: DpSgdTraining = {
        kind: "dp-sgd", phase: "training", id: "dp-sgd", label: `DP-SGD training (${trainable === "full" ? "all weights" : trainable === "lora" ? "LoRA adapters" : "soft prompt"})`,
        trainable, epochs: k.epochs, records: scenario.records, tokensPerRecord: li + lo + promptTokens, impl: k.impl,
        ...(method === "private-lora" ? { loraRank: scenario.knobs["private-lora"].rank } : {}),
        formula: `${k.epochs} epochs × N × (ℓin + ℓout${promptTokens ? ` + ${promptTokens} prompt tokens` : ""})`,
      };
      const q = singleCallTokens({ promptTokens, inTokens: li, outTokens: lo });
      sources.push("Hanke et al. 2024, Appendix D (measured GPU hours × $/hour)");
      return {
        method, training: [training], assumptions, sources,
        perQuery: [{ kind: "llm-calls", phase: "query", id: "answer", label: "Adapted model answers the query", ...q, formula: `1 call; input ${promptTokens ? `${promptTokens} + ` : ""}ℓin, output ℓout` }],
      };
    }
  }
}

/** Sum of LLM calls (scaled by `times`), for totals over queries. */
export function scaleCalls(c: LlmCalls, times: number): { calls: number; inputTokens: number; outputTokens: number } {
  return { calls: c.calls * times, inputTokens: c.inputTokens * times, outputTokens: c.outputTokens * times };
}
