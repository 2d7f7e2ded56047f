/**
 * Fitting the GPU-hour model's constants to the study's measured costs.
 *
 * How the constants in ./gpu-model were obtained (and how to re-obtain them for your own
 * hardware): take every measured open-model GPU cost of the study (Tables 3–6; Table 1 repeats
 * them), rebuild each cell's work with the study's setup (its dataset preset and knobs,
 * ./gpu-model `gpuSetup`), convert dollars to GPU-hours at $0.69/h, and minimise
 * Σ log²(predicted / measured) over the constants (Nelder–Mead in log-parameter space, so every
 * constant stays positive). Errors are relative, so a $0.06 cell counts as much as a $358 one.
 *
 * Two independent fits: training (DP-SGD cells and DP-OPT's batched prompt search) fits
 * `TrainingConstants`; serving (every cell whose hours are LLM calls on a local model: queries,
 * PromptPATEGen's teachers, DP-ICL run locally) fits `ServingConstants`. Cells whose gap comes
 * from a study setup the paper does not describe are labelled (`STUDY_SETUP_GAPS`) and left out
 * of the fit; they are still predicted and listed.
 */
import { MODELS, type DatasetId, type MethodId, type ModelId } from "../scenario";
import {
  batchedForwardGpuHours, checkInferenceMemory, dpSgdGpuHours, gpuSetup, servingGpuHours, SERVING_CONSTANTS, STUDY_SETUP_GAPS, TRAINING_CONSTANTS, WEIGHT_BYTES,
  type ServingConstants, type ServingWork, type TrainingConstants, type DpSgdJob,
} from "./gpu-model";
import { methodWork } from "./method-work";
import { studyScenario } from "./reproduce";
import { STUDY_COST_CELLS, type StudyCostCell } from "./study-costs";

/** The study's GPU price (Hanke et al. 2024, Table 22: A40, RunPod median). */
export const STUDY_GPU_USD_PER_HOUR = 0.69;

/** One unit of GPU work of a study cell, on the study's A40. */
export type GpuJob =
  | { kind: "dp-sgd"; job: DpSgdJob; model: ModelId }
  | { kind: "batched-forward"; tokens: number; model: ModelId }
  | { kind: "serving"; work: ServingWork; model: ModelId };

export type GpuFitGroup = "training" | "serving";

export interface GpuMeasurement {
  /** e.g. "Table 4 PrivateLoRA openllama-13b samsum (training)". */
  label: string;
  table: StudyCostCell["table"];
  paperMethod: string;
  method: StudyCostCell["method"];
  model: ModelId;
  datasets: DatasetId[];
  part: "training" | "query";
  /** Which constants explain the cell. */
  group: GpuFitGroup;
  /** The GPU jobs of the cell, one list per dataset the printed cost covers (the cost is their mean). */
  jobs: GpuJob[][];
  /** The study's figure as A40 hours: training once, or per 10,000 queries. */
  measuredGpuHours: number;
  /** Set when the gap comes from a setup of the study the paper does not describe: the reason and the evidence. Not fitted. */
  setupGap?: string;
}

function servingJob(calls: { calls: number; inputTokens: number; outputTokens: number }, times: number, model: ModelId, setup: ReturnType<typeof gpuSetup>): GpuJob {
  const mem = checkInferenceMemory(model, "a40");
  return {
    kind: "serving", model,
    work: {
      calls: calls.calls * times, prefillTokensPerCall: calls.inputTokens / calls.calls, decodeTokensPerCall: calls.outputTokens / calls.calls,
      weightBytes: setup.servingWeightBytes ?? WEIGHT_BYTES[mem.precision],
      ...(setup.maxNewTokens !== undefined ? { maxNewTokens: setup.maxNewTokens } : {}),
    },
  };
}

/** The study's GPU cells (Tables 3–6, non-zero) as GPU-hour measurements on the A40, with the study's setup. */
export function studyGpuMeasurements(): GpuMeasurement[] {
  const out: GpuMeasurement[] = [];
  for (const cell of STUDY_COST_CELLS) {
    if (cell.runsOn !== "gpu" || cell.table === "1" || cell.method === "zero-shot" || cell.method === "icl") continue;
    const method = cell.method as MethodId;
    for (const part of ["training", "query"] as const) {
      const usd = part === "training" ? cell.trainUsd : cell.queryUsdPer10k;
      if (!(usd > 0)) continue;
      const jobs = cell.datasets.map((d): GpuJob[] => {
        const s = studyScenario(cell, d);
        const work = methodWork(method, s);
        const setup = gpuSetup(s, method, cell.model);
        if (part === "query") return work.perQuery.map((c) => servingJob(c, 10000, cell.model, setup));
        return work.training.map((t): GpuJob => {
          if (t.kind === "dp-sgd") return { kind: "dp-sgd", model: cell.model, job: { trainable: t.trainable, epochs: t.epochs, records: t.records, tokensPerRecord: t.tokensPerRecord, task: s.task, ...(t.loraRank !== undefined ? { loraRank: t.loraRank } : {}), ...(setup.maxSeqLength !== undefined ? { maxSeqLength: setup.maxSeqLength } : {}) } };
          if (t.kind === "local-forward") return { kind: "batched-forward", tokens: t.tokens, model: t.localModel ?? cell.model };
          return servingJob(t, 1, cell.model, setup);
        });
      });
      const group: GpuFitGroup = jobs.every((js) => js.every((j) => j.kind === "serving")) ? "serving" : "training";
      const base = { table: cell.table, paperMethod: cell.paperMethod, method: cell.method, model: cell.model, datasets: cell.datasets, part };
      const gap = STUDY_SETUP_GAPS.find((g) => g.match(base));
      out.push({
        ...base, group, jobs,
        label: `Table ${cell.table} ${cell.paperMethod} ${MODELS[cell.model].label} ${cell.datasets.join("+")} (${part})`,
        measuredGpuHours: usd / STUDY_GPU_USD_PER_HOUR,
        ...(gap ? { setupGap: gap.reason } : {}),
      });
    }
  }
  return out;
}

export interface GpuConstants {
  training: TrainingConstants;
  serving: ServingConstants;
}

export const SHIPPED_GPU_CONSTANTS: GpuConstants = { training: TRAINING_CONSTANTS, serving: SERVING_CONSTANTS };

/** The model's GPU-hours for a measurement (mean over its datasets), with the given constants. */
export function predictGpuHours(m: GpuMeasurement, c: GpuConstants = SHIPPED_GPU_CONSTANTS): number {
  let total = 0;
  for (const jobs of m.jobs) {
    for (const j of jobs) {
      // Hours only: the fits call this thousands of times and never read the formula text.
      if (j.kind === "dp-sgd") total += dpSgdGpuHours(j.job, j.model, "a40", c.training, false).gpuHours;
      else if (j.kind === "batched-forward") total += batchedForwardGpuHours(j.tokens, j.model, "a40", c.training, false).gpuHours;
      else total += servingGpuHours(j.work, j.model, "a40", c.serving, c.training, false).gpuHours;
    }
  }
  return total / m.jobs.length;
}

/** Root-mean-square of log(predicted / measured): 0.1 ≈ 10% typical error, 0.5 ≈ a factor 1.65. */
export function rmsLogError(pairs: { predicted: number; measured: number }[]): number {
  return Math.sqrt(pairs.reduce((a, p) => a + Math.log(p.predicted / p.measured) ** 2, 0) / pairs.length);
}

/**
 * Nelder–Mead minimisation (Nelder & Mead 1965; standard coefficients 1, 2, ½, ½), restarted
 * from its best point until it stops improving. Small and dependency-free; enough for ≤ 5 parameters.
 */
export function minimiseNelderMead(f: (x: number[]) => number, start: number[], opts: { step?: number; iterations?: number; restarts?: number } = {}): { x: number[]; value: number } {
  const n = start.length;
  let best = { x: [...start], value: f(start) };
  for (let r = 0; r < (opts.restarts ?? 4); r++) {
    let simplex = [best.x, ...start.map((_, i) => best.x.map((v, j) => (j === i ? v + (opts.step ?? 0.5) : v)))].map((x) => ({ x, value: f(x) }));
    for (let it = 0; it < (opts.iterations ?? 4000); it++) {
      simplex.sort((a, b) => a.value - b.value);
      const worst = simplex[n]!;
      const centroid = Array.from({ length: n }, (_, j) => simplex.slice(0, n).reduce((a, p) => a + p.x[j]!, 0) / n);
      const along = (t: number) => centroid.map((c, j) => c + t * (worst.x[j]! - c));
      const reflected = { x: along(-1), value: 0 };
      reflected.value = f(reflected.x);
      if (reflected.value < simplex[0]!.value) {
        const expanded = { x: along(-2), value: 0 };
        expanded.value = f(expanded.x);
        simplex[n] = expanded.value < reflected.value ? expanded : reflected;
      } else if (reflected.value < simplex[n - 1]!.value) {
        simplex[n] = reflected;
      } else {
        const contracted = { x: along(reflected.value < worst.value ? -0.5 : 0.5), value: 0 };
        contracted.value = f(contracted.x);
        if (contracted.value < Math.min(worst.value, reflected.value)) simplex[n] = contracted;
        else simplex = simplex.map((p, i) => (i === 0 ? p : { x: p.x.map((v, j) => simplex[0]!.x[j]! + 0.5 * (v - simplex[0]!.x[j]!)), value: f(p.x.map((v, j) => simplex[0]!.x[j]! + 0.5 * (v - simplex[0]!.x[j]!))) }));
      }
      if (Math.abs(simplex[n]!.value - simplex[0]!.value) < 1e-14) break;
    }
    simplex.sort((a, b) => a.value - b.value);
    const improved = simplex[0]!.value < best.value - 1e-12;
    best = simplex[0]!.value < best.value ? simplex[0]! : best;
    if (!improved && r > 0) break;
  }
  return best;
}

const TRAINING_KEYS = ["classificationPadTokens", "maxUtilisation", "halfUtilisationParamsBillions", "perSampleGradientBytesPerParam"] as const satisfies readonly (keyof TrainingConstants)[];
const SERVING_KEYS = ["secondsPerCall", "prefillUtilisation", "bandwidthEfficiency", "secondsPerLayerPerDecodedToken", "runOnHalfParamsBillions"] as const satisfies readonly (keyof ServingConstants)[];

/**
 * Fit one group's constants to measurements (least squares of log errors); the other group's
 * constants stay as given. Serving's compute floor uses the training utilisation, so serving is
 * fitted after training.
 */
export function fitGpuConstants(ms: GpuMeasurement[], group: GpuFitGroup, start: GpuConstants = SHIPPED_GPU_CONSTANTS): { constants: GpuConstants; rmsLogError: number } {
  const used = ms.filter((m) => m.group === group && m.setupGap === undefined);
  const keys: readonly string[] = group === "training" ? TRAINING_KEYS : SERVING_KEYS;
  const from = (group === "training" ? start.training : start.serving) as unknown as Record<string, number>;
  const toConstants = (x: number[]): GpuConstants => {
    const values = Object.fromEntries(keys.map((k, i) => [k, Math.exp(x[i]!)]));
    return group === "training" ? { ...start, training: values as unknown as TrainingConstants } : { ...start, serving: values as unknown as ServingConstants };
  };
  const objective = (x: number[]) => { const c = toConstants(x); return used.reduce((a, m) => a + Math.log(predictGpuHours(m, c) / m.measuredGpuHours) ** 2, 0); };
  const { x, value } = minimiseNelderMead(objective, keys.map((k) => Math.log(from[k]!)));
  return { constants: toConstants(x), rmsLogError: Math.sqrt(value / used.length) };
}

/** Fit both groups: training first, then serving (whose compute floor reads the training utilisation). */
export function fitAllGpuConstants(ms: GpuMeasurement[], start: GpuConstants = SHIPPED_GPU_CONSTANTS): GpuConstants {
  const training = fitGpuConstants(ms, "training", start).constants;
  return fitGpuConstants(ms, "serving", training).constants;
}
