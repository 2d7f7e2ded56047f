/**
 * Fitting the GPU-hour model's constants to measured costs.
 *
 * How the constants in ./gpu-model were obtained (and how to re-obtain them for your own
 * hardware): take every measured open-model cost of the study that the model should explain —
 * DP-SGD training cells (29) for the training constants; DP-SGD and DP-OPT query cells (30) for
 * the serving constants; Table 1 repeats are left out — convert dollars to GPU-hours at $0.69/h,
 * and minimise Σ log²(predicted / measured) over the constants (Nelder–Mead in log-parameter
 * space, so every constant stays positive). Errors are relative, so a $0.06 cell counts as much
 * as a $358 one. PromptPATEGen and DP-ICL run locally are not used: they check the fit out of sample.
 */
import type { DatasetId, ModelId } from "../scenario";
import {
  dpSgdGpuHours, servingGpuHours, TRAINING_CONSTANTS, SERVING_CONSTANTS,
  type ServingConstants, type TrainingConstants,
} from "./gpu-model";
import { methodWork, type DpSgdTraining, type LlmCalls } from "./method-work";
import { calibratesServing, calibratesTraining, studyScenario } from "./reproduce";
import { STUDY_COST_CELLS, type StudyCostCell } from "./study-costs";

/** The study's GPU price (Hanke et al. 2024, Table 22: A40, RunPod median). */
export const STUDY_GPU_USD_PER_HOUR = 0.69;

export interface TrainingMeasurement {
  label: string;
  /** One DP-SGD job per dataset the measured cost covers (the cost is their mean). */
  jobs: { work: DpSgdTraining; model: ModelId }[];
  measuredGpuHours: number;
}

export interface ServingMeasurement {
  label: string;
  /** The LLM calls of one query, per dataset the measured cost covers. */
  queries: { calls: LlmCalls[]; model: ModelId }[];
  measuredGpuHoursPerQuery: number;
}

const label = (c: StudyCostCell) => `Table ${c.table} ${c.paperMethod} ${c.model} ${c.datasets.join("+")}`;

/** The study's DP-SGD training cells as GPU-hour measurements (A40). */
export function studyTrainingMeasurements(): TrainingMeasurement[] {
  return STUDY_COST_CELLS.filter(calibratesTraining).map((cell) => ({
    label: label(cell),
    jobs: cell.datasets.map((d: DatasetId) => {
      const work = methodWork(cell.method as Parameters<typeof methodWork>[0], studyScenario(cell, d)).training[0] as DpSgdTraining;
      return { work, model: cell.model };
    }),
    measuredGpuHours: cell.trainUsd / STUDY_GPU_USD_PER_HOUR,
  }));
}

/** The study's query cells of local models answering one call per query (A40). */
export function studyServingMeasurements(): ServingMeasurement[] {
  return STUDY_COST_CELLS.filter(calibratesServing).map((cell) => ({
    label: label(cell),
    queries: cell.datasets.map((d) => ({ calls: methodWork(cell.method as Parameters<typeof methodWork>[0], studyScenario(cell, d)).perQuery, model: cell.model })),
    measuredGpuHoursPerQuery: cell.queryUsdPer10k / STUDY_GPU_USD_PER_HOUR / 10000,
  }));
}

export function predictTrainingGpuHours(m: TrainingMeasurement, c: TrainingConstants = TRAINING_CONSTANTS): number {
  return m.jobs.reduce((a, j) => a + dpSgdGpuHours(j.work, j.model, "a40", c).gpuHours, 0) / m.jobs.length;
}

export function predictServingGpuHours(m: ServingMeasurement, c: ServingConstants = SERVING_CONSTANTS): number {
  let total = 0;
  for (const q of m.queries) {
    for (const call of q.calls) total += servingGpuHours({ calls: call.calls, prefillTokensPerCall: call.inputTokens / call.calls, decodeTokensPerCall: call.outputTokens / call.calls }, q.model, "a40", "sequential", c).gpuHours;
  }
  return total / m.queries.length;
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

/** Fit the training constants to measurements (least squares of log errors). */
export function fitTrainingConstants(ms: TrainingMeasurement[], start: TrainingConstants = TRAINING_CONSTANTS): { constants: TrainingConstants; rmsLogError: number } {
  const toConstants = (x: number[]): TrainingConstants => ({ overheadTokensPerRecord: Math.exp(x[0]!), maxUtilisation: Math.exp(x[1]!), halfUtilisationParamsBillions: Math.exp(x[2]!), fullFineTuneDpOverhead: Math.exp(x[3]!) });
  const objective = (x: number[]) => { const c = toConstants(x); return ms.reduce((a, m) => a + Math.log(predictTrainingGpuHours(m, c) / m.measuredGpuHours) ** 2, 0); };
  const { x, value } = minimiseNelderMead(objective, [start.overheadTokensPerRecord, start.maxUtilisation, start.halfUtilisationParamsBillions, start.fullFineTuneDpOverhead].map(Math.log));
  return { constants: toConstants(x), rmsLogError: Math.sqrt(value / ms.length) };
}

/** Fit the serving constants to measurements (least squares of log errors). */
export function fitServingConstants(ms: ServingMeasurement[], start: ServingConstants = SERVING_CONSTANTS): { constants: ServingConstants; rmsLogError: number } {
  const toConstants = (x: number[]): ServingConstants => ({ secondsPerCall: Math.exp(x[0]!), prefillUtilisation: Math.exp(x[1]!), decodeUtilisation: Math.exp(x[2]!) });
  const objective = (x: number[]) => { const c = toConstants(x); return ms.reduce((a, m) => a + Math.log(predictServingGpuHours(m, c) / m.measuredGpuHoursPerQuery) ** 2, 0); };
  const { x, value } = minimiseNelderMead(objective, [start.secondsPerCall, start.prefillUtilisation, start.decodeUtilisation].map(Math.log));
  return { constants: toConstants(x), rmsLogError: Math.sqrt(value / ms.length) };
}
