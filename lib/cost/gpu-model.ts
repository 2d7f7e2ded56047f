/**
 * GPU-hours of open-model work from FLOPs, and whether the model fits the GPU.
 *
 * The study measured wall-clock GPU hours on an A40 and multiplied by $0.69/h (Hanke et al. 2024,
 * Appendix D). For any other model, GPU, dataset size or number of epochs we need a model of
 * those hours. We use the standard FLOP approximations (Kaplan et al. 2020, "Scaling Laws for
 * Neural Language Models", §2.1: ≈ 2·P FLOPs per token forward, ≈ 6·P forward + backward) and
 * divide by the GPU's dense bf16 peak times a utilisation. The utilisation and overhead constants
 * are not guesses: they are least-squares fits (in log space) to the study's own measured costs,
 * done by `fitTrainingConstants` / `fitServingConstants` in ./calibration and re-checked by
 * test/cost/calibration.test.ts, which also prints the error of every row.
 *
 * Units: FLOPs (floating-point operations), seconds, GPU-hours, GB = 10⁹ bytes.
 */
import { GPUS, MODELS, type GpuId, type ModelId, type Task } from "../scenario";
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

export interface TrainingConstants {
  /**
   * Per-record overhead in token-equivalents added to every record's tokens: padding, special
   * tokens and the per-example work of DP-SGD (per-sample clipping) that does not scale with length.
   */
  overheadTokensPerRecord: number;
  /** Asymptotic model-FLOP utilisation of a large model (fraction of dense bf16 peak). */
  maxUtilisation: number;
  /**
   * Model size (billions of parameters) at which utilisation is half its maximum: small models
   * cannot keep a GPU busy (kernel-launch and data-loading bound). utilisation(P) = max · P / (P + half).
   */
  halfUtilisationParamsBillions: number;
  /**
   * Extra time of DP-SGD when all weights are trained, relative to LoRA/soft prompts (per-sample
   * gradients of every weight, larger optimiser). PEFT's own DP overhead is inside `maxUtilisation`.
   */
  fullFineTuneDpOverhead: number;
}

export interface ServingConstants {
  /** Fixed time per LLM call, seconds (tokenisation, Python and kernel-launch latency). */
  secondsPerCall: number;
  /** Utilisation while reading the prompt (prefill), one call at a time. */
  prefillUtilisation: number;
  /**
   * Utilisation of token-by-token decoding, one call at a time. It is tiny because decoding is
   * memory-bandwidth bound: every new token re-reads all weights.
   */
  decodeUtilisation: number;
}

/**
 * Constants fitted to the study's measured A40 costs (Tables 3–6) by ./calibration: training on
 * the 29 DP-SGD training cells, serving on the 30 DP-SGD / DP-OPT query cells. Rounded to 3
 * significant digits; test/cost/calibration.test.ts re-fits and checks they are the optimum.
 * Fit quality (RMS of log(predicted / measured)): training 0.48, serving 0.52, i.e. a typical
 * cell is within a factor ≈ 1.6–1.7 of the study's measurement; lib/cost/reproduce.ts lists every
 * cell. The largest misses: MIT cells of small models (the study's minutes-long runs are dominated
 * by start-up time) and MIT queries of ≥ 7B models, which the study measured as costly as SAMSum
 * queries although MIT answers are 10× shorter (generation evidently ran to a fixed length).
 */
export const TRAINING_CONSTANTS: TrainingConstants = {
  overheadTokensPerRecord: 86.2,
  maxUtilisation: 0.232,
  halfUtilisationParamsBillions: 0.879,
  fullFineTuneDpOverhead: 2.18,
};

export const SERVING_CONSTANTS: ServingConstants = {
  secondsPerCall: 0.194,
  prefillUtilisation: 0.0467,
  decodeUtilisation: 0.000605,
};

export type ServingMode = "sequential" | "batched";

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

function peakFlopsPerSecond(gpu: GpuId): number {
  return GPUS[gpu].peakBf16Tflops * 1e12;
}

/** utilisation(P) = max · P / (P + half), P in billions of parameters. */
export function trainingUtilisation(paramsBillions: number, c: TrainingConstants = TRAINING_CONSTANTS): number {
  return (c.maxUtilisation * paramsBillions) / (paramsBillions + c.halfUtilisationParamsBillions);
}

const sig = (x: number) => Number(x.toPrecision(3));

/**
 * GPU-hours of DP-SGD training.
 *
 * hours = k · P · epochs · N · (tokens per record + overhead) · o / (peak · u(P)) / 3600
 * with k = 6 (all weights) or 4 (LoRA, prompts), o = the full-fine-tune DP overhead (1 for PEFT),
 * u(P) = utilisation of a model of P parameters. Linear in epochs × N.
 *
 * @example
 * // PrivateLoRA, Pythia 1B, SAMSum (20 epochs × 14,732 records × 166.477 tokens) on an A40:
 * dpSgdGpuHours({ trainable: "lora", epochs: 20, records: 14732, tokensPerRecord: 166.477 }, "pythia-1b", "a40")
 * // → ≈ 4.48 GPU-hours (≈ $3.09 at $0.69/h; the study measured $4.24, Table 4)
 */
export function dpSgdGpuHours(
  work: { trainable: "full" | "lora" | "prompt"; epochs: number; records: number; tokensPerRecord: number },
  model: ModelId,
  gpu: GpuId,
  c: TrainingConstants = TRAINING_CONSTANTS,
): GpuHours {
  const p = activeParams(model);
  const k = TRAINING_FLOPS_PER_PARAM_TOKEN[work.trainable];
  const recordPasses = work.epochs * work.records;
  const flops = k * p * recordPasses * work.tokensPerRecord;
  const overhead = work.trainable === "full" ? c.fullFineTuneDpOverhead : 1;
  const u = trainingUtilisation(p / 1e9, c);
  const seconds = (k * p * recordPasses * (work.tokensPerRecord + c.overheadTokensPerRecord) * overhead) / (peakFlopsPerSecond(gpu) * u);
  return {
    flops,
    gpuHours: seconds / 3600,
    formula: `${k} × ${sig(p / 1e9)}B params × ${work.epochs} epochs × ${work.records} records × (${sig(work.tokensPerRecord)} + ${c.overheadTokensPerRecord} overhead) tokens${overhead !== 1 ? ` × ${c.fullFineTuneDpOverhead} full-fine-tune DP overhead` : ""} ÷ (${GPUS[gpu].peakBf16Tflops} TFLOP/s × utilisation ${sig(u)})`,
  };
}

/**
 * GPU-hours of forward passes run in large batches (DP-OPT's prompt search): batched work reaches
 * the same utilisation as training. hours = 2 · P · tokens / (peak · u(P)) / 3600.
 */
export function batchedForwardGpuHours(tokens: number, model: ModelId, gpu: GpuId, c: TrainingConstants = TRAINING_CONSTANTS): GpuHours {
  const p = activeParams(model);
  const flops = INFERENCE_FLOPS_PER_PARAM_TOKEN * p * tokens;
  const u = trainingUtilisation(p / 1e9, c);
  return {
    flops,
    gpuHours: flops / (peakFlopsPerSecond(gpu) * u) / 3600,
    formula: `2 × ${sig(p / 1e9)}B params × ${sig(tokens)} tokens ÷ (${GPUS[gpu].peakBf16Tflops} TFLOP/s × batched utilisation ${sig(u)})`,
  };
}

/**
 * GPU-hours of answering LLM calls on a local model.
 *
 * sequential (the study's measurements: one call at a time, as a Hugging Face `generate` loop):
 *   seconds per call = t_call + 2·P·prefill / (peak · u_prefill) + decode · 2·P / (peak · u_decode)
 * batched (a throughput server, e.g. vLLM): 2·P·(prefill + decode) / (peak · u(P)).
 * Encoder models (RoBERTa) classify with a head: no decoded tokens.
 *
 * @example
 * // one SST2 query on Vicuna 7B: 12.35 prompt tokens, 1 decoded token → ≈ 0.37 s
 * servingGpuHours({ calls: 1, prefillTokensPerCall: 12.35, decodeTokensPerCall: 1 }, "vicuna-7b", "a40")
 * // → ≈ 1.04e-4 GPU-hours, i.e. $0.72 per 10k queries at $0.69/h (the study measured $0.78, Table 3)
 */
export function servingGpuHours(
  work: { calls: number; prefillTokensPerCall: number; decodeTokensPerCall: number },
  model: ModelId,
  gpu: GpuId,
  mode: ServingMode = "sequential",
  c: ServingConstants = SERVING_CONSTANTS,
  t: TrainingConstants = TRAINING_CONSTANTS,
): GpuHours {
  const p = activeParams(model);
  const decode = MODELS[model].architecture === "encoder" ? 0 : work.decodeTokensPerCall;
  const flops = work.calls * INFERENCE_FLOPS_PER_PARAM_TOKEN * p * (work.prefillTokensPerCall + decode);
  const peak = peakFlopsPerSecond(gpu);
  if (mode === "batched") {
    const u = trainingUtilisation(p / 1e9, t);
    return { flops, gpuHours: flops / (peak * u) / 3600, formula: `batched: 2 × ${sig(p / 1e9)}B params × ${sig(work.calls)} calls × ${sig(work.prefillTokensPerCall + decode)} tokens ÷ (${GPUS[gpu].peakBf16Tflops} TFLOP/s × ${sig(u)})` };
  }
  const perCall = c.secondsPerCall + (2 * p * work.prefillTokensPerCall) / (peak * c.prefillUtilisation) + (decode * 2 * p) / (peak * c.decodeUtilisation);
  return {
    flops,
    gpuHours: (work.calls * perCall) / 3600,
    formula: `${sig(work.calls)} calls × (${c.secondsPerCall} s + 2 × ${sig(p / 1e9)}B × ${sig(work.prefillTokensPerCall)} prompt tokens ÷ (${GPUS[gpu].peakBf16Tflops} TFLOP/s × ${c.prefillUtilisation}) + ${sig(decode)} decoded tokens × 2 × ${sig(p / 1e9)}B ÷ (${GPUS[gpu].peakBf16Tflops} TFLOP/s × ${c.decodeUtilisation}))`,
  };
}

// ---------------------------------------------------------------------------------------------
// Memory
// ---------------------------------------------------------------------------------------------

/** Bytes per weight: bf16/fp16, or 4-bit NF4 as in QLoRA (Dettmers et al. 2023; quantisation constants ignored). */
export const WEIGHT_BYTES = { "16-bit": 2, "4-bit": 0.5 } as const;
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
/**
 * LoRA parameters per unit of rank as a fraction of the model (adapters on the query and value
 * projections): Llama-7B, rank 8 → 4.19M of 6.74B = 6.2e-4, i.e. 7.8e-5 per rank (Hu et al. 2021 setup).
 */
export const LORA_FRACTION_PER_RANK = 7.8e-5;
/** Trainable share of soft prompts: ≈ 0.1% for classification, ≈ 10% with prefix projection for generation (Hanke et al. 2024, Table 2). */
export const PROMPT_TRAINABLE_FRACTION = { classification: 0.001, generation: 0.1 } as const;

function totalParams(model: ModelId): number {
  const b = MODELS[model].paramsBillions;
  if (b === null) throw new RangeError(`model ${model} has no parameter count`);
  return b * 1e9;
}

function memoryCheckAt(purpose: MemoryCheck["purpose"], precision: MemoryCheck["precision"], bytes: number, gpu: GpuId, formula: string): Omit<MemoryCheck, "advice"> {
  const requiredGb = (bytes / 1e9) * MEMORY_MARGIN + CUDA_CONTEXT_GB;
  const gpuMemoryGb = GPUS[gpu].memoryGb;
  // Splitting over n GPUs: each holds 1/n of the state plus its own context.
  const gpusNeeded = requiredGb <= gpuMemoryGb ? 1 : Math.ceil(((bytes / 1e9) * MEMORY_MARGIN) / (gpuMemoryGb - CUDA_CONTEXT_GB));
  return { purpose, precision, requiredGb: sig(requiredGb), gpuMemoryGb, gpusNeeded, fits: gpusNeeded === 1, formula };
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
export function checkTrainingMemory(model: ModelId, trainable: "full" | "lora" | "prompt", gpu: GpuId, opts: { loraRank?: number; task: Task }): MemoryCheck {
  const p = totalParams(model);
  const trained = trainable === "full" ? p : trainable === "lora" ? p * Math.min(1, LORA_FRACTION_PER_RANK * (opts.loraRank ?? 8)) : p * PROMPT_TRAINABLE_FRACTION[opts.task];
  const stateBytes = trained * (TRAINED_PARAM_STATE_BYTES + PER_SAMPLE_GRADIENT_BYTES);
  const at = (precision: MemoryCheck["precision"]) =>
    memoryCheckAt("training", precision, p * WEIGHT_BYTES[precision] + stateBytes, gpu,
      `${sig(p / 1e9)}B weights × ${WEIGHT_BYTES[precision]} B + ${sig(trained / 1e9)}B trained params × (${TRAINED_PARAM_STATE_BYTES} + ${PER_SAMPLE_GRADIENT_BYTES} per-sample) B, × ${MEMORY_MARGIN} + ${CUDA_CONTEXT_GB} GB`);
  const full = at("16-bit");
  if (full.fits) return { ...full, advice: `fits one ${GPUS[gpu].label} with 16-bit weights` };
  if (trainable !== "full") {
    const q = at("4-bit");
    if (q.fits) return { ...q, advice: `16-bit weights need ${full.requiredGb} GB; 4-bit weights (QLoRA-style) fit one ${GPUS[gpu].label}` };
    return { ...q, advice: `needs ${q.gpusNeeded} × ${GPUS[gpu].label} even with 4-bit weights (${full.gpusNeeded} with 16-bit), or a GPU with ≥ ${q.requiredGb} GB` };
  }
  return { ...full, advice: `full fine-tuning needs ${full.requiredGb} GB: ${full.gpusNeeded} × ${GPUS[gpu].label} with sharded optimiser state (ZeRO-3/FSDP); 4-bit weights cannot be fine-tuned directly — consider PrivateLoRA` };
}

/** Memory to serve `model` on `gpu`: weights × 1.2 (KV cache, activations) + 1 GB; 4-bit if 16-bit does not fit. */
export function checkInferenceMemory(model: ModelId, gpu: GpuId): MemoryCheck {
  const p = totalParams(model);
  const at = (precision: MemoryCheck["precision"]) => memoryCheckAt("inference", precision, p * WEIGHT_BYTES[precision], gpu, `${sig(p / 1e9)}B weights × ${WEIGHT_BYTES[precision]} B × ${MEMORY_MARGIN} + ${CUDA_CONTEXT_GB} GB`);
  const full = at("16-bit");
  if (full.fits) return { ...full, advice: `fits one ${GPUS[gpu].label} with 16-bit weights` };
  const q = at("4-bit");
  if (q.fits) return { ...q, advice: `16-bit weights need ${full.requiredGb} GB; 4-bit weights fit one ${GPUS[gpu].label}` };
  return { ...q, advice: `needs ${q.gpusNeeded} × ${GPUS[gpu].label} even with 4-bit weights (${full.gpusNeeded} with 16-bit)` };
}
