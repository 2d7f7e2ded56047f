/**
 * utilityCurve: the points of chart (c), utility against ε, for one (dataset, method, model).
 */
import { DATASETS, type DatasetId, type MethodId, type ModelId } from "../scenario";
import type { UtilityMetric } from "./paper-results";
import { curveAnchors, lookupMeasuredUtility, measuredRows, tableSource } from "./utility-lookup";

/** "plateau" is a row of kind "reference" with basis "plateau" (PromptPATE on GPT-3 Babbage, Fig. 2). */
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
 * Utility against ε, from the study's tables only, sorted by ε: the same curve the rows read.
 *
 * The measured points are `curveAnchors` (one printed cell per ε; at ε = 8 for PrivateLoRA on
 * Vicuna 7B that is Table 3's 94.8 on SST2, not Table 23's 95.3 — see curveAnchors for why).
 * Every other point is `lookupMeasuredUtility` at a grid ε, so a chart drawn from this curve
 * shows at the scenario's ε exactly the value of the scenario's row, with the same kind:
 * - "measured": a printed cell (PromptPATE's "ε < 0.3" cell drawn at ε = 0.3, noted);
 * - "interpolated": linear in ε between the two adjacent measured points, named in the note;
 * - "plateau": PromptPATE on GPT-3 Babbage for 0.3 < ε ≤ 8, a labelled reading of Fig. 2.
 * No point lies outside what the study ran: the curve never extrapolates.
 *
 * @param options.epsilons extra ε at which to add interpolated/plateau points (default DEFAULT_CURVE_EPSILONS)
 * @example
 * utilityCurve("sst2", "private-lora", "vicuna-7b").filter((p) => p.kind === "measured").map((p) => [p.epsilon, p.value])
 * // [[0.3, 91.9], [0.7, 93.4], [1, 93.5], [3, 94.4], [8, 94.8]]  (Table 23 below ε = 8, Table 3 at 8)
 */
export function utilityCurve(dataset: DatasetId, method: MethodId, model: ModelId, options: { metric?: UtilityMetric; epsilons?: readonly number[] } = {}): UtilityCurvePoint[] {
  const metric = options.metric ?? DATASETS[dataset].metric;
  const grid = (options.epsilons ?? DEFAULT_CURVE_EPSILONS).filter((e) => Number.isFinite(e) && e > 0);
  const anchors = curveAnchors(measuredRows(dataset, method, model).filter((r) => r.metric === metric));
  if (anchors.length === 0) return [];

  const points: UtilityCurvePoint[] = anchors.map((a) => ({
    epsilon: a.epsilon, value: a.row.mean, kind: "measured", spread: a.row.spread, source: tableSource(a.row.table),
    ...(a.bound ? { note: `run at ε < ${a.epsilon}; drawn at ε = ${a.epsilon}` } : {}),
  }));
  const onCurve = new Set(anchors.map((a) => a.epsilon));
  for (const e of new Set(grid)) {
    if (onCurve.has(e)) continue;
    const u = lookupMeasuredUtility(dataset, method, model, e, metric);
    if (u.value === null || u.source === null) continue;
    if (u.kind === "interpolated") points.push({ epsilon: e, value: u.value, kind: "interpolated", spread: null, source: u.source, note: u.note });
    else if (u.basis === "plateau") points.push({ epsilon: e, value: u.value, kind: "plateau", spread: null, source: u.source, note: u.note });
  }
  return points.sort((a, b) => a.epsilon - b.epsilon);
}
