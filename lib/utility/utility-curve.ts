/**
 * utilityCurve: the points of chart (c), utility against ε, for one (dataset, method, model).
 */
import { DATASETS, type DatasetId, type MethodId, type ModelId } from "../scenario";
import type { UtilityMetric } from "./paper-results";
import { PROMPT_PATE_PLATEAU_EPSILON, epsilonSeries, lookupMeasuredUtility, measuredRows, tableSource, TABLE_PREFERENCE } from "./utility-lookup";

export type UtilityPointKind = "measured" | "interpolated" | "plateau";

export interface UtilityCurvePoint {
  epsilon: number;
  value: number;
  kind: UtilityPointKind;
  /** The ± the study printed for a measured point, else null. */
  spread: number | null;
  source: string;
  note?: string;
}

/**
 * The ε grid of the study's Figures 2–3 (ε ∈ (0, 8]) at which the curve adds interpolated or
 * plateau points between measured ones; measured points are always included.
 */
export const DEFAULT_CURVE_EPSILONS: readonly number[] = [0.3, 0.5, 0.7, 1, 2, 3, 4, 5, 6, 7, 8];

/**
 * Utility against ε, from the study's tables only, sorted by ε, each point labelled:
 * - "measured": a printed cell. When one table has an ε series (Table 23 for PrivateLoRA on
 *   Vicuna 7B) the curve uses that series alone, so all its points come from one protocol
 *   (at ε = 8 Table 3 prints 94.8 for SST2, Table 23 95.3; utilityFor uses Table 3).
 * - "interpolated": linear in ε between two measured points of that series.
 * - "plateau": PromptPATE's value (run at ε < 0.3) repeated for ε ≥ 0.3 (Table 3, Fig. 2);
 *   its measured point is drawn at ε = 0.3 with a note.
 * No point lies outside the measured range: the curve never extrapolates.
 *
 * @param options.epsilons extra ε at which to add interpolated/plateau points (default DEFAULT_CURVE_EPSILONS)
 * @example
 * utilityCurve("sst2", "private-lora", "vicuna-7b").filter((p) => p.kind === "measured").map((p) => p.epsilon)
 * // [0.3, 0.7, 1, 3, 8]  (Table 23)
 */
export function utilityCurve(dataset: DatasetId, method: MethodId, model: ModelId, options: { metric?: UtilityMetric; epsilons?: readonly number[] } = {}): UtilityCurvePoint[] {
  const metric = options.metric ?? DATASETS[dataset].metric;
  const grid = (options.epsilons ?? DEFAULT_CURVE_EPSILONS).filter((e) => Number.isFinite(e) && e > 0);
  const rows = measuredRows(dataset, method, model).filter((r) => r.metric === metric);
  if (rows.length === 0) return [];

  const below = rows.filter((r) => r.epsilonKind === "below").sort((a, b) => TABLE_PREFERENCE.indexOf(a.table) - TABLE_PREFERENCE.indexOf(b.table))[0];
  if (below) {
    const at = below.epsilon ?? PROMPT_PATE_PLATEAU_EPSILON;
    const points: UtilityCurvePoint[] = [{ epsilon: at, value: below.mean, kind: "measured", spread: below.spread, source: tableSource(below.table), note: `run at ε < ${at}; drawn at ε = ${at}` }];
    for (const e of [...new Set(grid)].filter((e) => e > at).sort((a, b) => a - b)) {
      points.push({ epsilon: e, value: below.mean, kind: "plateau", spread: null, source: tableSource(below.table), note: `plateau after ε ≈ ${at} (Fig. 2)` });
    }
    return points;
  }

  const series = epsilonSeries(rows);
  const measured = series
    ? series.points
    : // One ε only (ε = 8): one point per ε, from the preferred table.
      [...rows].sort((a, b) => TABLE_PREFERENCE.indexOf(a.table) - TABLE_PREFERENCE.indexOf(b.table))
        .filter((r, i, all) => all.findIndex((s) => s.epsilon === r.epsilon) === i);
  const points: UtilityCurvePoint[] = measured.map((r) => ({ epsilon: r.epsilon as number, value: r.mean, kind: "measured", spread: r.spread, source: tableSource(r.table) }));
  if (series) {
    const measuredEps = new Set(points.map((p) => p.epsilon));
    for (const e of new Set(grid)) {
      if (measuredEps.has(e)) continue;
      const v = lookupMeasuredUtility(dataset, method, model, e, metric);
      if (v.kind === "interpolated" && v.value !== null && v.source === tableSource(series.table)) {
        points.push({ epsilon: e, value: v.value, kind: "interpolated", spread: null, source: v.source });
      }
    }
  }
  return points.sort((a, b) => a.epsilon - b.epsilon);
}
