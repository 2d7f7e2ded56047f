/**
 * How well the GPU-hour model predicts what it was not fitted on: leave-one-out validation.
 *
 * For every measured GPU cell of the study (./calibration), refit the constants of its group
 * without it and predict it: the leave-one-out (LOO) ratio predicted / measured. The in-sample
 * ratio uses the shipped constants. Errors are summarised as |log ratio| — the median and the
 * 90th percentile — per table and overall, over the fitted cells (cells labelled as a study
 * setup gap are listed apart). Targets (issue #15): median |log ratio| ≤ log 1.3, 90th percentile
 * ≤ log 2, no cell worse than × 3 without a one-line cause.
 *
 * The LOO ratios' 10th and 90th percentiles per group are the error bars every modelled cost
 * carries (./gpu-model `GPU_MODEL_LOO_RATIO`).
 */
import { fitGpuConstants, predictGpuHours, SHIPPED_GPU_CONSTANTS, studyGpuMeasurements, type GpuConstants, type GpuFitGroup, type GpuMeasurement } from "./calibration";

export const LOO_TARGETS = { medianAbsLog: Math.log(1.3), p90AbsLog: Math.log(2), worstFactor: 3 } as const;

export interface GpuCellValidation {
  measurement: GpuMeasurement;
  measuredGpuHours: number;
  inSampleGpuHours: number;
  leaveOneOutGpuHours: number;
  /** predicted / measured. */
  inSampleRatio: number;
  leaveOneOutRatio: number;
  /** Why the cell is worse than × 3, when it is (or the study-setup gap that keeps it out of the fit). */
  cause?: string;
}

/**
 * Quantile of sorted values by linear interpolation between closest ranks (the "R-7" definition,
 * Hyndman & Fan 1996; numpy's default).
 * @example quantile([1, 2, 3, 4], 0.5) // → 2.5
 */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError("quantile of an empty list");
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export interface ErrorSummary {
  cells: number;
  /** Median of |log(predicted / measured)|. */
  medianAbsLog: number;
  p90AbsLog: number;
  worstAbsLog: number;
}

export function summarise(ratios: readonly number[]): ErrorSummary {
  const abs = ratios.map((r) => Math.abs(Math.log(r))).sort((a, b) => a - b);
  return { cells: abs.length, medianAbsLog: quantile(abs, 0.5), p90AbsLog: quantile(abs, 0.9), worstAbsLog: abs[abs.length - 1] ?? 0 };
}

/**
 * One-line causes of the cells the model misses by more than × 3 (by label prefix). A cause is
 * evidence from the study's own numbers, not a tuning knob.
 */
export const KNOWN_CAUSES: { match: (m: GpuMeasurement) => boolean; cause: string }[] = [];

/** Every GPU cell: measured, in-sample and leave-one-out hours. Costs ≈ 1–3 s (one refit per fitted cell). */
export function validateGpuModel(constants: GpuConstants = SHIPPED_GPU_CONSTANTS): GpuCellValidation[] {
  const ms = studyGpuMeasurements();
  return ms.map((m) => {
    const inSample = predictGpuHours(m, constants);
    let loo = inSample;
    if (m.setupGap === undefined) {
      const without = ms.filter((x) => x !== m);
      const group: GpuFitGroup = m.group;
      // Training cells: refit training (serving does not enter their hours). Serving cells:
      // refit serving with the shipped training constants.
      const refit = fitGpuConstants(without, group, constants).constants;
      loo = predictGpuHours(m, refit);
    }
    const inSampleRatio = inSample / m.measuredGpuHours;
    const leaveOneOutRatio = loo / m.measuredGpuHours;
    const worse = Math.max(leaveOneOutRatio, 1 / leaveOneOutRatio) > LOO_TARGETS.worstFactor;
    const cause = m.setupGap ?? (worse ? KNOWN_CAUSES.find((k) => k.match(m))?.cause : undefined);
    return { measurement: m, measuredGpuHours: m.measuredGpuHours, inSampleGpuHours: inSample, leaveOneOutGpuHours: loo, inSampleRatio, leaveOneOutRatio, ...(cause ? { cause } : {}) };
  });
}

export interface GpuModelReport {
  cells: GpuCellValidation[];
  /** Over the fitted cells (no study-setup gap). */
  overall: { inSample: ErrorSummary; leaveOneOut: ErrorSummary };
  byTable: Record<string, { inSample: ErrorSummary; leaveOneOut: ErrorSummary }>;
  byGroup: Record<GpuFitGroup, { inSample: ErrorSummary; leaveOneOut: ErrorSummary; looRatioP10: number; looRatioP90: number }>;
  /** The cells left out of the fit as study-setup gaps, with their in-sample ratio. */
  setupGaps: GpuCellValidation[];
  targets: { median: boolean; p90: boolean; worstExplained: boolean };
}

export function gpuModelReport(constants: GpuConstants = SHIPPED_GPU_CONSTANTS): GpuModelReport {
  const cells = validateGpuModel(constants);
  const fitted = cells.filter((c) => c.measurement.setupGap === undefined);
  const both = (cs: GpuCellValidation[]) => ({ inSample: summarise(cs.map((c) => c.inSampleRatio)), leaveOneOut: summarise(cs.map((c) => c.leaveOneOutRatio)) });
  const byTable: GpuModelReport["byTable"] = {};
  for (const t of [...new Set(fitted.map((c) => c.measurement.table))].sort()) byTable[t] = both(fitted.filter((c) => c.measurement.table === t));
  const group = (g: GpuFitGroup) => {
    const cs = fitted.filter((c) => c.measurement.group === g);
    const ratios = cs.map((c) => c.leaveOneOutRatio).sort((a, b) => a - b);
    return { ...both(cs), looRatioP10: quantile(ratios, 0.1), looRatioP90: quantile(ratios, 0.9) };
  };
  const overall = both(fitted);
  return {
    cells, overall, byTable,
    byGroup: { training: group("training"), serving: group("serving") },
    setupGaps: cells.filter((c) => c.measurement.setupGap !== undefined),
    targets: {
      median: overall.leaveOneOut.medianAbsLog <= LOO_TARGETS.medianAbsLog,
      p90: overall.leaveOneOut.p90AbsLog <= LOO_TARGETS.p90AbsLog,
      worstExplained: fitted.every((c) => Math.max(c.leaveOneOutRatio, 1 / c.leaveOneOutRatio) <= LOO_TARGETS.worstFactor || c.cause !== undefined),
    },
  };
}

