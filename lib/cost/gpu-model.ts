/**
 * GPU-hours of open-model work: a roofline model with a few constants fitted to the study's
 * measured A40 hours, and whether the model fits the GPU.
 *
 * The study measured wall-clock GPU hours on an A40 and multiplied by $0.69/h (Hanke et al. 2024,
 * Appendix D). For any other model, GPU, dataset size or number of epochs we need a model of
 * those hours. A GPU is bounded by two roofs (Williams et al. 2009, "Roofline", CACM 52(4)):
 *
 * - compute: training and prefill (reading the prompt) do ≈ 6·P or 2·P FLOPs per token (Kaplan
 *   et al. 2020, "Scaling Laws for Neural Language Models", §2.1) at a fraction of the dense bf16
 *   peak; small models cannot keep the GPU busy, so that fraction grows with P;
 * - memory bandwidth: generating one token at a time re-reads every weight and the KV cache, so
 *   a decoded token takes at least (weight bytes + KV bytes) ÷ bandwidth, whatever the FLOPs;
 *   one call at a time, each of the model's layers also costs a fixed time per token (kernel
 *   launches, 4-bit dequantisation), so a deep small model decodes slower than a shallow larger one.
 *
 * The constants are not guesses: they are least-squares fits (in log space) to the study's
 * measured GPU cells, done by ./calibration; ./gpu-fit refits them once per cell without that
 * cell (leave-one-out) to measure how well the model predicts a setup it was not fitted on, and
 * test/cost/GPU-MODEL.md lists every cell (regenerate: `npm run --silent gpu:report`).
 *
 * The study's own setup enters as knobs, read from its code (github.com/sprintml/OpenLLMs,
 * PrivateTuning-Generation): generation training pads every record to max_seq_length
 * (arguments.py: pad_to_max_length defaults to True; 650 / 1500 / 128 tokens for SAMSum /
 * PFL-DocVQA / MIT, paper Tables 15–18); answers are generated one query at a time with
 * max_new_tokens 64 (SAMSum_eval.py) or 100 (DocVQA_eval.py, MITMovie_eval.py), from a model
 * loaded in 4-bit NF4 (load_4_bit defaults to True; full fine-tunes in 8-bit on SAMSum, 16-bit
 * elsewhere).
 *
 * Units: FLOPs (floating-point operations), seconds, GPU-hours, bytes, GB = 10⁹ bytes.
 */
import { GPUS, MODELS, type DatasetId, type DpSgdImpl, type GpuId, type ModelId, type Task } from "../scenario";
import { METHOD_DESCRIPTORS } from "../methods/registry";
import type { MethodDescriptor } from "../methods/types";
import type { MemoryCheck } from "./types";

/**
 * FLOPs per parameter per trained token. Full fine-tuning: forward 2 + backward 4 = 6
 * (Kaplan et al. 2020). Parameter-efficient (LoRA, soft prompts): the backward pass still
 * propagates activation gradients (≈ 2·P) but skips the weight gradients of frozen weights, so ≈ 4.
 */
export const TRAINING_FLOPS_PER_PARAM_TOKEN = { full: 6, lora: 4, prompt: 4 } as const;
/** FLOPs per parameter per processed token at inference (one forward pass; Kaplan et al. 2020). */
export const INFERENCE_FLOPS_PER_PARAM_TOKEN = 2;

/**
 * Parameters active per token where they differ from the total. Mixtral 8x7B routes each token
 * through 2 of 8 experts: 12.9B of 46.7B parameters are active (Mistral AI, "Mixtral of experts",
 * 2023-12-11). Compute follows active parameters; memory follows total parameters.
 */
export const ACTIVE_PARAMS_BILLIONS: Partial<Record<ModelId, number>> = { "mixtral-8x7b": 12.9 };

/**
 * The study's sequence length per generation record: its training code pads every record to
 * max_seq_length (sprintml/OpenLLMs PrivateTuning-Generation/arguments.py, pad_to_max_length
 * default True; lengths from paper Tables 15–18 and slurm_scripts/DP_finetuning_SAMSum.sh).
 */
export const STUDY_MAX_SEQ_LENGTH: Partial<Record<DatasetId, number>> = { samsum: 650, docvqa: 1500, mitg: 128, mitd: 128 };
/**
 * The study's cap on generated tokens per answer (max_new_tokens): eval_len defaults of
 * SAMSum_eval.py (64), DocVQA_eval.py and MITMovie_eval.py (100) in sprintml/OpenLLMs.
 */
export const STUDY_MAX_NEW_TOKENS: Partial<Record<DatasetId, number>> = { samsum: 64, docvqa: 100, mitg: 100, mitd: 100 };

export interface TrainingConstants {
  /**
   * Tokens per classification record beyond its average length: dynamic padding to the longest
   * record of a batch, special tokens, the classification template. Generation records are padded
   * to the study's max_seq_length instead (STUDY_MAX_SEQ_LENGTH).
   */
  classificationPadTokens: number;
  /** Asymptotic model-FLOP utilisation of a large model (fraction of dense bf16 peak). */
  maxUtilisation: number;
  /**
   * Model size (billions of parameters) at which utilisation is half its maximum: small models
   * cannot keep a GPU busy (kernel-launch and data-loading bound). utilisation(P) = max · P / (P + half).
   */
  halfUtilisationParamsBillions: number;
  /**
   * Memory traffic of DP-SGD's per-sample gradients, bytes per trained parameter per record:
   * every example's gradient of every trained weight is written, its norm read, then clipped and
   * summed (Opacus hooks). Memory-bound, so it costs bytes ÷ bandwidth; it is why full
   * fine-tuning (all P weights trained) is far slower per record than LoRA (≈ 0.06% trained).
   */
  perSampleGradientBytesPerParam: number;
}

export interface ServingConstants {
  /** Fixed time per LLM call, seconds (tokenisation, generate() set-up, Python latency). */
  secondsPerCall: number;
  /** Model-FLOP utilisation while reading the prompt (prefill), one call at a time. */
  prefillUtilisation: number;
  /** Fraction of the GPU's memory bandwidth that decoding achieves (weights and KV cache re-read per token). */
  bandwidthEfficiency: number;
  /**
   * Fixed time per decoded token and per layer of the model, seconds: every layer launches the
   * same handful of GPU kernels per token (attention, MLP, norms; with 4-bit weights, their
   * dequantisation), whatever its width, so one call at a time a token costs layers × this on top
   * of reading the weights. Evidence in the study: Pythia 410M (24 layers) answers SAMSum for
   * $1.34 and MIT for $0.50 per 10k, Pythia 1B (16 layers, 2.4× the parameters) for $1.00 and
   * $0.31 (PrivateLoRA, Tables 4 and 6): the deeper model is the slower one, by about 24 / 16.
   * Replaced a fixed time per token (commit 511bc2d): leave-one-out median error of the serving
   * cells × 1.33 → × 1.25 (test/cost/GPU-MODEL.md).
   */
  secondsPerLayerPerDecodedToken: number;
  /**
   * Model size (billions) at which half the answers run on to max_new_tokens instead of stopping
   * at the answer's length. Evidence in the study: Vicuna 7B's MIT answers (≈ 3 tokens) take
   * 3.1 s, as long as its 64-token-capped SAMSum answers, while Pythia 1B's take 0.16 s, a third
   * of its SAMSum time. Share running on = P⁴ / (P⁴ + half⁴).
   */
  runOnHalfParamsBillions: number;
}

/**
 * Constants fitted to the study's measured A40 cells by ./calibration (least squares of
 * log(predicted / measured)), rounded to 3 significant digits; test/cost/gpu-fit.test.ts re-fits
 * and checks they are the optimum. Out-of-sample quality: test/cost/GPU-MODEL.md.
 */
export const TRAINING_CONSTANTS: TrainingConstants = {
  classificationPadTokens: 280,
  maxUtilisation: 0.407,
  halfUtilisationParamsBillions: 0.65,
  perSampleGradientBytesPerParam: 45.5,
};

export const SERVING_CONSTANTS: ServingConstants = {
  secondsPerCall: 0.224,
  prefillUtilisation: 0.131,
  bandwidthEfficiency: 0.533,
  secondsPerLayerPerDecodedToken: 0.000598,
  runOnHalfParamsBillions: 3.36,
};

/**
 * Spread of the model's leave-one-out errors: the 10th and 90th percentiles of
 * predicted / measured over the fitted cells (./gpu-fit, test/cost/GPU-MODEL.md). A modelled
 * cost C is shown as the range [C / p90, C / p10]: the measured value would have fallen in it for
 * 80% of the study's cells when each was predicted without itself.
 */
export const GPU_MODEL_LOO_RATIO = {
  training: { p10: 0.594, p90: 1.71 },
  serving: { p10: 0.609, p90: 2.01 },
} as const;

/**
 * Cells whose cost comes from a setup of the study that the paper does not describe, with the
 * evidence, each declared in its method's file (`cost.studySetupGaps`; PromptPATEGen's batched-looking
 * queries and its OpenLLaMA 13B teachers). ./calibration leaves them out of the fit and ./gpu-fit
 * reports them apart.
 */
export const STUDY_SETUP_GAPS: { match: (m: { method: string; model: ModelId; part: "training" | "query" }) => boolean; reason: string }[] = Object.values(METHOD_DESCRIPTORS).flatMap((d) =>
  (d.cost.studySetupGaps ?? []).map((gap) => ({
    match: (m: { method: string; model: ModelId; part: "training" | "query" }) => m.method === d.id && m.part === gap.part && (gap.model === undefined || m.model === gap.model),
    reason: gap.reason,
  })));

export type ServingMode = "sequential" | "batched";
/** Requests a batched server decodes together (vLLM-style continuous batching) when `serving` is "batched". */
export const BATCHED_SERVING_BATCH = 64;

export interface GpuHours {
  flops: number;
  gpuHours: number;
  formula: string;
}

export function activeParams(model: ModelId): number {
  const billions = ACTIVE_PARAMS_BILLIONS[model] ?? MODELS[model].paramsBillions;
  if (billions === null || !(billions > 0)) throw new RangeError(`model ${model} has no parameter count; the GPU model needs one`);
  return billions * 1e9;
}

function totalParams(model: ModelId): number {
  const b = MODELS[model].paramsBillions;
  if (b === null) throw new RangeError(`model ${model} has no parameter count`);
  return b * 1e9;
}

function peakFlopsPerSecond(gpu: GpuId): number {
  return GPUS[gpu].peakBf16Tflops * 1e12;
}

function bandwidthBytesPerSecond(gpu: GpuId): number {
  return GPUS[gpu].memoryBandwidthGBs * 1e9;
}

/** utilisation(P) = max · P / (P + half), P in billions of parameters. */
export function trainingUtilisation(paramsBillions: number, c: TrainingConstants = TRAINING_CONSTANTS): number {
  return (c.maxUtilisation * paramsBillions) / (paramsBillions + c.halfUtilisationParamsBillions);
}

/**
 * x to 3 significant digits, as Number(x.toPrecision(3)) but ≈ 5× faster: every GPU stage's formula
 * text has ~10 of them, and estimate() builds dozens of stages.
 * @example sig(123456) // → 123000;  sig(0.00060512) // → 0.000605
 */
export function sig(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const e = Math.floor(Math.log10(Math.abs(x)));
  // Scale so that the digits kept are an integer; multiply (never divide) by an exact power of ten where possible.
  if (e >= 2) {
    const step = 10 ** (e - 2);
    return Math.round(x / step) * step;
  }
  const f = 10 ** (2 - e);
  return Math.round(x * f) / f;
}

/**
 * LoRA parameters per unit of rank as a fraction of the model (adapters on the query and value
 * projections): Llama-7B, rank 8 → 4.19M of 6.74B = 6.2e-4, i.e. 7.8e-5 per rank (Hu et al. 2021 setup).
 */
export const LORA_FRACTION_PER_RANK = 7.8e-5;
/** Trainable share of soft prompts: ≈ 0.1% for classification, ≈ 10% with prefix projection for generation (Hanke et al. 2024, Table 2). */
export const PROMPT_TRAINABLE_FRACTION = { classification: 0.001, generation: 0.1 } as const;

/** Parameters DP-SGD trains: all of them, the LoRA adapters, or the soft prompt / prefix. */
export function trainedParams(model: ModelId, trainable: "full" | "lora" | "prompt", opts: { loraRank?: number; task: Task }): number {
  const p = totalParams(model);
  return trainable === "full" ? p : trainable === "lora" ? p * Math.min(1, LORA_FRACTION_PER_RANK * (opts.loraRank ?? 8)) : p * PROMPT_TRAINABLE_FRACTION[opts.task];
}

/**
 * Tokens the GPU processes per training record: a generation record padded to the study's
 * max_seq_length (never less than the record), a classification record plus the fitted padding.
 */
export function processedTokensPerRecord(tokensPerRecord: number, task: Task, maxSeqLength: number | undefined, c: TrainingConstants = TRAINING_CONSTANTS): number {
  if (task === "generation" && maxSeqLength !== undefined) return Math.max(maxSeqLength, tokensPerRecord);
  return tokensPerRecord + c.classificationPadTokens;
}

/**
 * Time of a DP-SGD implementation relative to per-sample gradients (Opacus hooks, the study's),
 * when all weights are trained. Bu et al. 2023 (book-keeping), Fig. 4, RoBERTa-large full
 * fine-tuning at batch 16 on a 40 GB GPU, examples per second (SST2 / QNLI / QQP / MNLI):
 * Opacus 49 / 49 / 49 / 50, ghost clipping 54 / 54 / 53 / 54, book-keeping 68 / 73 / 72 / 73.
 * Ratio of times = per-sample throughput ÷ theirs, averaged over the four tasks:
 *   ghost = (49/54 + 49/54 + 49/53 + 50/54) / 4 = 0.916;  bk = (49/68 + 49/73 + 49/72 + 50/73) / 4 = 0.689.
 * Parameter-efficient training (LoRA, prompts) keeps 1: on a mostly frozen BERT the Opacus
 * benchmark measured the same 0.21 s per step for per-sample and ghost clipping at batch 32
 * (Opacus blog "Enabling Fast Gradient Clipping and Ghost Clipping in Opacus", 2024-08-20), and no
 * book-keeping measurement of PEFT is published [assumption: 1].
 */
export const DP_SGD_IMPL_TIME_FACTOR: Record<DpSgdImpl, number> = { "per-sample": 1, ghost: 0.916, bk: 0.689 };

export interface DpSgdJob {
  trainable: "full" | "lora" | "prompt";
  epochs: number;
  records: number;
  tokensPerRecord: number;
  task: Task;
  loraRank?: number;
  /** Length every record is padded to (the study's max_seq_length for generation); none: classification padding. */
  maxSeqLength?: number;
  /** DP-SGD implementation; default per-sample (the study's). */
  impl?: DpSgdImpl;
}

/**
 * GPU-hours of DP-SGD training: a compute term and a per-sample-gradient memory term per record.
 *
 * seconds = epochs · N · [ k · P_active · ℓ_eff / (peak · u(P)) + β · T / bandwidth ]
 * with k = 6 (all weights) or 4 (LoRA, prompts), ℓ_eff the processed tokens per record
 * (`processedTokensPerRecord`), u(P) the utilisation, T the trained parameters and β the
 * per-sample gradient bytes per trained parameter. Linear in epochs × N.
 *
 * @example
 * // PrivateLoRA, Pythia 1B, SAMSum (20 epochs × 14,732 records, padded to 650 tokens) on an A40:
 * dpSgdGpuHours({ trainable: "lora", epochs: 20, records: 14732, tokensPerRecord: 166.477, task: "generation", loraRank: 8, maxSeqLength: 650 }, "pythia-1b", "a40")
 * // → ≈ 5.8 GPU-hours (≈ $4.0 at $0.69/h; the study measured $4.24, Table 4)
 */
export function dpSgdGpuHours(work: DpSgdJob, model: ModelId, gpu: GpuId, c: TrainingConstants = TRAINING_CONSTANTS, withFormula = true): GpuHours {
  const p = activeParams(model);
  const k = TRAINING_FLOPS_PER_PARAM_TOKEN[work.trainable];
  const recordPasses = work.epochs * work.records;
  const tokens = processedTokensPerRecord(work.tokensPerRecord, work.task, work.maxSeqLength, c);
  const flops = k * p * recordPasses * tokens;
  const u = trainingUtilisation(p / 1e9, c);
  const trained = trainedParams(model, work.trainable, { task: work.task, ...(work.loraRank !== undefined ? { loraRank: work.loraRank } : {}) });
  const computeSeconds = flops / (peakFlopsPerSecond(gpu) * u);
  const perSampleSeconds = (recordPasses * c.perSampleGradientBytesPerParam * trained) / bandwidthBytesPerSecond(gpu);
  const impl = work.impl ?? "per-sample";
  const implFactor = work.trainable === "full" ? DP_SGD_IMPL_TIME_FACTOR[impl] : 1;
  return {
    flops,
    gpuHours: ((computeSeconds + perSampleSeconds) * implFactor) / 3600,
    // The fits evaluate these functions thousands of times and never read the text.
    formula: withFormula ? `${work.epochs} epochs × ${work.records} records × [${k} × ${sig(p / 1e9)}B params × ${sig(tokens)} tokens${work.task === "generation" && work.maxSeqLength !== undefined ? " (padded to max_seq_length)" : ` (${sig(work.tokensPerRecord)} + ${c.classificationPadTokens} padding)`} ÷ (${GPUS[gpu].peakBf16Tflops} TFLOP/s × utilisation ${sig(u)}) + ${c.perSampleGradientBytesPerParam} B × ${sig(trained / 1e9)}B trained params ÷ ${GPUS[gpu].memoryBandwidthGBs} GB/s (per-sample gradients)]${implFactor !== 1 ? ` × ${implFactor} (${impl} instead of per-sample gradients; Bu et al. 2023, Fig. 4)` : ""}` : "",
  };
}

/**
 * GPU-hours of forward passes run in large batches (DP-OPT's prompt search): batched work reaches
 * the same utilisation as training. hours = 2 · P · tokens / (peak · u(P)) / 3600.
 */
export function batchedForwardGpuHours(tokens: number, model: ModelId, gpu: GpuId, c: TrainingConstants = TRAINING_CONSTANTS, withFormula = true): GpuHours {
  const p = activeParams(model);
  const flops = INFERENCE_FLOPS_PER_PARAM_TOKEN * p * tokens;
  const u = trainingUtilisation(p / 1e9, c);
  return {
    flops,
    gpuHours: flops / (peakFlopsPerSecond(gpu) * u) / 3600,
    // The fits evaluate these functions thousands of times and never read the text.
    formula: withFormula ? `2 × ${sig(p / 1e9)}B params × ${sig(tokens)} tokens ÷ (${GPUS[gpu].peakBf16Tflops} TFLOP/s × batched utilisation ${sig(u)})` : "",
  };
}

/**
 * KV-cache bytes per token of context: K and V of every layer, 2 bytes each, 2 · 2 · L · d.
 * L · d from the parameter count: P ≈ 12 · L · d² (Kaplan et al. 2020, §2.1) with d ≈ 128 · L
 * (Llama 7B: 32 layers × 4,096; 13B: 40 × 5,120), so L = (P / (12 · 128²))^⅓.
 * @example kvBytesPerToken(7e9) // → ≈ 5.5e5 (Llama 7B exactly: 4 × 32 × 4096 = 5.2e5)
 */
export function kvBytesPerToken(activeParameters: number): number {
  const layers = Math.cbrt(activeParameters / (12 * 128 * 128));
  return 4 * layers * 128 * layers;
}

/**
 * Transformer layers (blocks) a generated token passes through, from each model's Hugging Face
 * config.json: num_hidden_layers (EleutherAI/pythia-160m 12, -410m 24, -1b 16, -6.9b 32;
 * FacebookAI/roberta-large 24; lmsys/vicuna-7b-v1.5, meta-llama/Meta-Llama-3-8B-Instruct,
 * meta-llama/Llama-3.1-8B-Instruct, mistralai/Mixtral-8x7B-v0.1, mistralai/Mistral-7B-Instruct-v0.3 32;
 * openlm-research/open_llama_13b 40; meta-llama/Llama-3.1-70B-Instruct 80; Qwen/Qwen2.5-7B-Instruct 28);
 * facebook/bart-large-xsum: decoder_layers 12, the layers that run per generated token.
 */
export const MODEL_LAYERS: Partial<Record<ModelId, number>> = {
  "roberta-large": 24, "bart-large": 12, "pythia-160m": 12, "pythia-410m": 24, "pythia-1b": 16, "pythia-6.9b": 32,
  "vicuna-7b": 32, "llama-3-8b-instruct": 32, "openllama-13b": 40, "mixtral-8x7b": 32,
  "llama-3.1-8b": 32, "llama-3.1-70b": 80, "qwen2.5-7b": 28, "mistral-7b": 32,
};

/**
 * Layers of a model: its config's count (MODEL_LAYERS), else estimated from its size as in
 * `kvBytesPerToken`, L = (P / (12 · 128²))^⅓ rounded.
 * @example modelLayers("pythia-1b") // → 16;  a 7B model without a count → round(32.9) = 33
 */
export function modelLayers(model: ModelId): number {
  return MODEL_LAYERS[model] ?? Math.max(1, Math.round(Math.cbrt(activeParams(model) / (12 * 128 * 128))));
}

/** Share of answers that run on to max_new_tokens: P⁴ / (P⁴ + half⁴), P in billions. */
export function runOnShare(paramsBillions: number, c: ServingConstants = SERVING_CONSTANTS): number {
  return paramsBillions ** 4 / (paramsBillions ** 4 + c.runOnHalfParamsBillions ** 4);
}

export interface ServingWork {
  calls: number;
  prefillTokensPerCall: number;
  decodeTokensPerCall: number;
  /** Cap on generated tokens (max_new_tokens); above the answer length, answers may run on to it. None: answers stop at their length. */
  maxNewTokens?: number;
  /** Bytes per weight read while decoding: 2 (16-bit), 1 (8-bit), 0.5 (4-bit). Default 2. */
  weightBytes?: number;
  /** Calls decoded together (1: one at a time, as the study). Default 1. */
  batch?: number;
}

/**
 * GPU-hours of answering LLM calls on a local model.
 *
 * seconds per call = t_call / b + 2 · P · prefill / (peak · u_prefill)
 *                  + decoded · max(L · t_layer / b + (W / b + KV) / (bandwidth · η), 2 · P / (peak · u(P)))
 * with b calls decoded together (1 = one at a time, as the study), L the model's layers
 * (`modelLayers`), t_layer the fixed time per layer and token, W = total params × bytes per
 * weight, KV = KV-cache bytes of the call's context, decoded = the answer's tokens plus, when
 * capped by max_new_tokens, the share that runs on to the cap (`runOnShare`). Encoder models
 * (RoBERTa) classify with a head: no decoded tokens.
 *
 * @example
 * // one SST2 query on Vicuna 7B: 12.35 prompt tokens, 1 decoded token, 16-bit, 32 layers → ≈ 0.29 s
 * servingGpuHours({ calls: 1, prefillTokensPerCall: 12.35, decodeTokensPerCall: 1 }, "vicuna-7b", "a40")
 * // → ≈ 8.05e-5 GPU-hours, ≈ $0.56 per 10k queries at $0.69/h (the study measured $0.78, Table 3, serving in float32)
 */
export function servingGpuHours(work: ServingWork, model: ModelId, gpu: GpuId, c: ServingConstants = SERVING_CONSTANTS, t: TrainingConstants = TRAINING_CONSTANTS, withFormula = true): GpuHours {
  const p = activeParams(model);
  const b = Math.max(1, work.batch ?? 1);
  const answer = MODELS[model].architecture === "encoder" ? 0 : work.decodeTokensPerCall;
  const runOn = answer > 0 && work.maxNewTokens !== undefined && work.maxNewTokens > answer ? runOnShare(p / 1e9, c) * (work.maxNewTokens - answer) : 0;
  const decoded = answer + runOn;
  const flops = work.calls * INFERENCE_FLOPS_PER_PARAM_TOKEN * p * (work.prefillTokensPerCall + decoded);
  const peak = peakFlopsPerSecond(gpu);
  const weightBytes = totalParams(model) * (work.weightBytes ?? 2);
  const kvBytes = kvBytesPerToken(p) * (work.prefillTokensPerCall + decoded / 2);
  const layers = modelLayers(model);
  const memoryBound = (c.secondsPerLayerPerDecodedToken * layers) / b + (weightBytes / b + kvBytes) / (bandwidthBytesPerSecond(gpu) * c.bandwidthEfficiency);
  const computeBound = (INFERENCE_FLOPS_PER_PARAM_TOKEN * p) / (peak * trainingUtilisation(p / 1e9, t));
  const perToken = Math.max(memoryBound, computeBound);
  const perCall = c.secondsPerCall / b + (INFERENCE_FLOPS_PER_PARAM_TOKEN * p * work.prefillTokensPerCall) / (peak * c.prefillUtilisation) + decoded * perToken;
  return {
    flops,
    gpuHours: (work.calls * perCall) / 3600,
    // The fits evaluate these functions thousands of times and never read the text.
    formula: withFormula ? `${sig(work.calls)} calls × (${c.secondsPerCall} s${b > 1 ? ` ÷ ${b}` : ""} + 2 × ${sig(p / 1e9)}B × ${sig(work.prefillTokensPerCall)} prompt tokens ÷ (${GPUS[gpu].peakBf16Tflops} TFLOP/s × ${c.prefillUtilisation}) + ${sig(decoded)} decoded tokens${runOn > 0 ? ` (${sig(answer)} + ${sig(runOn)} running on to max_new_tokens ${work.maxNewTokens})` : ""} × ${sig(perToken * 1000)} ms${perToken === computeBound ? " (compute-bound)" : ` (${layers} layers × ${sig(c.secondsPerLayerPerDecodedToken * 1000)} ms${b > 1 ? ` ÷ ${b}` : ""} + ${sig(weightBytes / 1e9)} GB ${(work.weightBytes ?? 2) * 8}-bit weights${b > 1 ? ` ÷ ${b}` : ""} + ${sig(kvBytes / 1e9)} GB KV cache ÷ (${GPUS[gpu].memoryBandwidthGBs} GB/s × ${c.bandwidthEfficiency}))`})${b > 1 ? `, ${b} calls decoded together` : ", one call at a time"}` : "",
  };
}

// ---------------------------------------------------------------------------------------------
// Memory
// ---------------------------------------------------------------------------------------------

/** Bytes per weight: bf16/fp16, 8-bit (LLM.int8), or 4-bit NF4 as in QLoRA (Dettmers et al. 2023; quantisation constants ignored). */
export const WEIGHT_BYTES = { "16-bit": 2, "8-bit": 1, "4-bit": 0.5 } as const;
/**
 * Bytes per trained parameter besides its weight, mixed-precision Adam: gradient 2 + fp32 master
 * copy 4 + two Adam moments 8 = 14 (Rajbhandari et al. 2020, ZeRO, §3: 16 bytes per parameter in all).
 */
export const TRAINED_PARAM_STATE_BYTES = 14;
/** DP-SGD keeps one fp32 per-sample gradient per trained parameter and example (Opacus); we count a micro-batch of 1. */
export const PER_SAMPLE_GRADIENT_BYTES = 4;
/** Headroom for activations, KV cache and fragmentation [assumption], plus the CUDA context. */
export const MEMORY_MARGIN = 1.2;
export const CUDA_CONTEXT_GB = 1;

function memoryCheckAt(purpose: MemoryCheck["purpose"], precision: MemoryCheck["precision"], bytes: number, gpu: GpuId, formula: string): Omit<MemoryCheck, "advice"> {
  const requiredGb = (bytes / 1e9) * MEMORY_MARGIN + CUDA_CONTEXT_GB;
  const gpuMemoryGb = GPUS[gpu].memoryGb;
  // Splitting over n GPUs: each holds 1/n of the state plus its own context.
  const gpusNeeded = requiredGb <= gpuMemoryGb ? 1 : Math.ceil(((bytes / 1e9) * MEMORY_MARGIN) / (gpuMemoryGb - CUDA_CONTEXT_GB));
  return { purpose, precision, requiredGb: sig(requiredGb), gpuMemoryGb, gpusNeeded, fits: gpusNeeded === 1, formula };
}

/** Catalogue GPUs with at least `requiredGb` of memory, smallest first. */
export function gpusWithMemory(requiredGb: number): GpuId[] {
  return (Object.keys(GPUS) as GpuId[]).filter((g) => GPUS[g].memoryGb >= requiredGb).sort((a, b) => GPUS[a].memoryGb - GPUS[b].memoryGb);
}

/** "; one H200 141 GB fits it with 16-bit weights" — which catalogue GPU holds the job alone, if any. */
function fitsOnText(sixteenBitGb: number, fourBitGb: number | null): string {
  const at16 = gpusWithMemory(sixteenBitGb)[0];
  if (at16) return `; one ${GPUS[at16].label} fits it with 16-bit weights`;
  const at4 = fourBitGb === null ? undefined : gpusWithMemory(fourBitGb)[0];
  if (at4) return `; one ${GPUS[at4].label} fits it with 4-bit weights`;
  return "; no single GPU of the catalogue fits it";
}

/**
 * Memory to train `model` with DP-SGD on `gpu`. Tries 16-bit weights; if they do not fit and the
 * method keeps the base weights frozen (LoRA, prompts), 4-bit weights as in QLoRA; otherwise
 * reports how many GPUs (sharded) it needs.
 *
 * bytes = P·w + T·(14 + 4), with w = 2 (16-bit) or 0.5 (4-bit) bytes per frozen weight and
 * T trained parameters (all of P for full fine-tuning, where w = 2 is part of the 16 + 4).
 * required GB = bytes × 1.2 + 1.
 */
export function checkTrainingMemory(model: ModelId, trainable: "full" | "lora" | "prompt", gpu: GpuId, opts: { loraRank?: number; task: Task; impl?: DpSgdImpl }): MemoryCheck {
  const p = totalParams(model);
  const trained = trainedParams(model, trainable, opts);
  // Ghost clipping and book-keeping never instantiate per-sample gradients (Li et al. 2022; Bu et al. 2023).
  const perSampleBytes = (opts.impl ?? "per-sample") === "per-sample" ? PER_SAMPLE_GRADIENT_BYTES : 0;
  const stateBytes = trained * (TRAINED_PARAM_STATE_BYTES + perSampleBytes);
  const at = (precision: MemoryCheck["precision"]) =>
    memoryCheckAt("training", precision, p * WEIGHT_BYTES[precision] + stateBytes, gpu,
      `${sig(p / 1e9)}B weights × ${WEIGHT_BYTES[precision]} B + ${sig(trained / 1e9)}B trained params × (${TRAINED_PARAM_STATE_BYTES} + ${perSampleBytes} per-sample) B, × ${MEMORY_MARGIN} + ${CUDA_CONTEXT_GB} GB`);
  const full = at("16-bit");
  if (full.fits) return { ...full, advice: `fits one ${GPUS[gpu].label} with 16-bit weights` };
  if (trainable !== "full") {
    const q = at("4-bit");
    if (q.fits) return { ...q, advice: `16-bit weights need ${full.requiredGb} GB; 4-bit weights (QLoRA-style) fit one ${GPUS[gpu].label}` };
    return { ...q, advice: `needs ${q.gpusNeeded} × ${GPUS[gpu].label} even with 4-bit weights (${full.gpusNeeded} with 16-bit), or a GPU with ≥ ${q.requiredGb} GB${fitsOnText(full.requiredGb, q.requiredGb)}` };
  }
  return { ...full, advice: `full fine-tuning needs ${full.requiredGb} GB: ${full.gpusNeeded} × ${GPUS[gpu].label} with sharded optimiser state (ZeRO-3/FSDP)${fitsOnText(full.requiredGb, null)}; 4-bit weights cannot be fine-tuned directly — consider PrivateLoRA` };
}

/**
 * Memory to serve `model` on `gpu`: (weights + the KV cache of a batch) × 1.2 + 1 GB; 4-bit if
 * 16-bit does not fit. One call at a time: the 1.2 margin covers its KV cache; a batch of b calls
 * of c tokens adds b · c · KV bytes per token (`kvBytesPerToken`).
 */
export function checkInferenceMemory(model: ModelId, gpu: GpuId, serving: { batch?: number; contextTokens?: number } = {}): MemoryCheck {
  const p = totalParams(model);
  const kv = (serving.batch ?? 1) > 1 ? (serving.batch ?? 1) * (serving.contextTokens ?? 0) * kvBytesPerToken(activeParams(model)) : 0;
  const at = (precision: MemoryCheck["precision"]) => memoryCheckAt("inference", precision, p * WEIGHT_BYTES[precision] + kv, gpu, `(${sig(p / 1e9)}B weights × ${WEIGHT_BYTES[precision]} B${kv > 0 ? ` + ${serving.batch} × ${sig(serving.contextTokens ?? 0)} tokens × ${sig(kvBytesPerToken(activeParams(model)) / 1e6)} MB KV cache` : ""}) × ${MEMORY_MARGIN} + ${CUDA_CONTEXT_GB} GB`);
  const full = at("16-bit");
  if (full.fits) return { ...full, advice: `fits one ${GPUS[gpu].label} with 16-bit weights` };
  const q = at("4-bit");
  if (q.fits) return { ...q, advice: `16-bit weights need ${full.requiredGb} GB; 4-bit weights fit one ${GPUS[gpu].label}` };
  return { ...q, advice: `needs ${q.gpusNeeded} × ${GPUS[gpu].label} even with 4-bit weights (${full.gpusNeeded} with 16-bit)${fitsOnText(full.requiredGb, q.requiredGb)}` };
}

export interface GpuSetup {
  /** Training records padded to this length (generation presets: the study's max_seq_length). */
  maxSeqLength?: number;
  /** Answers capped at this many generated tokens (the study's eval_len). */
  maxNewTokens?: number;
  /**
   * Bytes per weight when serving (the study's generation eval scripts load PEFT models in 4-bit,
   * full fine-tunes in 8- or 16-bit; its classification code keeps every model in float32).
   */
  servingWeightBytes?: number;
}

/** The study's classification datasets (paper Table 7): their presets run the study's classification code. */
const STUDY_CLASSIFICATION_DATASETS: ReadonlySet<string> = new Set<DatasetId>(["sst2", "trec", "mpqa", "disaster"]);
/**
 * Bytes per weight of the study's classification runs: float32. Its PrivateLoRA classification
 * code loads every model it ran in float32 and answers the queries with it
 * (sprintml/OpenLLMs PrivateLoRA-Classification/main_pythia.py and main_vicuna.py:
 * `torch_dtype: torch.float32`; main_roberta.py: from_pretrained's default dtype, float32). The
 * study's other DP-SGD classification runs are on RoBERTa-Large only, an encoder that answers
 * without decoding, so the weight bytes do not enter their cost; for them and for any model the
 * study did not run this is the same setup assumed [assumption].
 */
export const STUDY_CLASSIFICATION_WEIGHT_BYTES = 4;

/**
 * The study's setup for a method on a dataset preset, as its code runs it (see the file header).
 * A custom scenario or a non-DP-SGD method gets no study setup: records are padded dynamically,
 * answers stop at their length, weights are served in 16-bit unless they do not fit. A
 * classification preset serves in float32 (STUDY_CLASSIFICATION_WEIGHT_BYTES) when the float32
 * weights fit the scenario's GPU, as the study's code would need them to; otherwise it gets no
 * study setup either. Only the weight bytes change: prompt reading is still priced at the bf16 rate
 * the constants were fitted with.
 *
 * @example gpuSetup({ preset: "samsum", task: "generation" }, "private-lora") // → { maxSeqLength: 650, maxNewTokens: 64, servingWeightBytes: 0.5 }
 * @example gpuSetup({ preset: "sst2", task: "classification", gpu: "a40" }, "private-lora", "vicuna-7b") // → { servingWeightBytes: 4 } (7e9 × 4 B × 1.2 + 1 = 34.6 GB ≤ 48 GB)
 * @example gpuSetup({ preset: "sst2", task: "classification", gpu: "a40" }, "private-lora", "openllama-13b") // → {} (63.4 GB > 48 GB)
 */
export function gpuSetup(scenario: { preset: string; task: Task; gpu?: GpuId }, method: string, model?: ModelId): GpuSetup {
  if (scenario.task !== "generation") {
    const declared = (METHOD_DESCRIPTORS as Readonly<Record<string, MethodDescriptor | undefined>>)[method]?.cost.studyGpuSetup;
    if (!STUDY_CLASSIFICATION_DATASETS.has(scenario.preset) || declared === undefined) return {};
    if (model !== undefined && MODELS[model].paramsBillions === null) return {};
    if (model !== undefined && scenario.gpu !== undefined && !memoryCheckAt("inference", "16-bit", totalParams(model) * STUDY_CLASSIFICATION_WEIGHT_BYTES, scenario.gpu, "").fits) return {};
    return { servingWeightBytes: STUDY_CLASSIFICATION_WEIGHT_BYTES };
  }
  const dataset = scenario.preset as DatasetId;
  const maxSeqLength = STUDY_MAX_SEQ_LENGTH[dataset];
  const maxNewTokens = STUDY_MAX_NEW_TOKENS[dataset];
  // The method's file declares the study's setup (`cost.studyGpuSetup`: the DP-SGD methods, whose
  // code in sprintml/OpenLLMs fixes it); a study baseline or any other method has none.
  const study = (METHOD_DESCRIPTORS as Readonly<Record<string, MethodDescriptor | undefined>>)[method]?.cost.studyGpuSetup;
  if (maxSeqLength === undefined || maxNewTokens === undefined || study === undefined) return {};
  return { maxSeqLength, maxNewTokens, servingWeightBytes: WEIGHT_BYTES[study.servingPrecision(dataset)] };
}
