/**
 * The study's measured utility at the scenario's ε: a lookup, never a model.
 *
 * Hanke et al. 2024 measured each (method, model, dataset) at ε = 8 (Tables 1, 3–6), PromptPATE
 * at an unspecified ε < 0.3 where it has already plateaued (Table 3, Fig. 2), and PrivateLoRA on
 * Vicuna 7B at five ε (Table 23). privadapt returns a value only where those measurements cover
 * the scenario, and labels how: measured, interpolated linearly in ε between two measured points
 * of one table, or the plateau rule for PromptPATE. Anything else is "none" with a reason.
 */
import { DATASETS, MODELS, PAPER, type DatasetId, type MethodId, type ModelId } from "../scenario";
import { MEASURED_RESULTS, type MeasuredResult, type PaperTable, type UtilityMetric } from "./paper-results";
import { PAPER_DATASET_NAMES, PAPER_MODEL_NAMES, methodLabel, paperMethodNames } from "./paper-names";

export type UtilityKind = "measured" | "interpolated" | "reference" | "none";
/** How a value follows from the tables. */
export type UtilityBasis = "exact-epsilon" | "plateau" | "linear-in-epsilon";

export interface MeasuredPoint {
  value: number;
  epsilon: number;
  source: string;
}

export interface UtilityEstimate {
  /** In the metric's units (accuracy in %, ROUGE/BLEU in points); null when kind is "none". */
  value: number | null;
  metric: UtilityMetric;
  /** The ± the study printed (std over seeds); null when it printed none or for interpolations. */
  spread: number | null;
  kind: UtilityKind;
  basis: UtilityBasis | null;
  /** The table(s) the value comes from, e.g. "Hanke et al. 2024, Table 23"; null for "none". */
  source: string | null;
  /**
   * The ε the value stands for: the measured ε, the scenario's ε for an interpolation, or 0.3
   * (the upper end of "ε < 0.3") for PromptPATE's plateau rule; null for "none".
   */
  epsilon: number | null;
  /** Why this value, what else the study printed, or why there is none. */
  note: string;
  /** For "reference" (custom preset): the study dataset whose value this is. */
  referenceDataset?: DatasetId;
  /** For "none": the measured point closest in ε, for the UI to offer (never used as a value). */
  nearestMeasured?: MeasuredPoint;
}

/**
 * When several tables print the same cell, prefer the table that is about that task
 * (3 classification, 4 SAMSum, 5 DocVQA, 6 MIT) over the ε sweep (23) and the headline (1):
 * the specific tables share one protocol across methods, so rows of one scenario compare.
 */
export const TABLE_PREFERENCE: readonly PaperTable[] = ["3", "4", "5", "6", "23", "1"];

/** PromptPATE's rows are at an unspecified ε < 0.3, after which it plateaus (Table 3 header, Fig. 2). */
export const PROMPT_PATE_PLATEAU_EPSILON = 0.3;

/** ε values closer than this are the same point (the tables print ε to one decimal). */
const EPSILON_MATCH_TOLERANCE = 1e-9;

export const tableSource = (table: PaperTable): string => `${PAPER}, Table ${table}`;

const byPreference = (a: MeasuredResult, b: MeasuredResult) => TABLE_PREFERENCE.indexOf(a.table) - TABLE_PREFERENCE.indexOf(b.table);

/**
 * The study's private-run rows (finite ε, or PromptPATE's "ε < 0.3"), grouped by the paper's
 * dataset name once at load. An estimate looks up every (method, model) row and every ε of the
 * utility chart (the lookups took ~7% of a warm estimate-and-present in a Node CPU profile,
 * 2026-11-27); grouped, each scans one dataset's rows instead of all of MEASURED_RESULTS.
 */
const PRIVATE_ROWS_BY_DATASET: ReadonlyMap<string, readonly MeasuredResult[]> = (() => {
  const byDataset = new Map<string, MeasuredResult[]>();
  for (const r of MEASURED_RESULTS) {
    if (r.epsilonKind !== "exact" && r.epsilonKind !== "below") continue;
    const rows = byDataset.get(r.dataset) ?? [];
    rows.push(r);
    byDataset.set(r.dataset, rows);
  }
  return byDataset;
})();

const privateRowsOf = (dataset: DatasetId): readonly MeasuredResult[] => PRIVATE_ROWS_BY_DATASET.get(PAPER_DATASET_NAMES[dataset]) ?? [];

/** Private-run rows (finite ε) of the study for a (dataset, method, model), any metric. */
export function measuredRows(dataset: DatasetId, method: MethodId, model: ModelId): MeasuredResult[] {
  const paperModel = PAPER_MODEL_NAMES[model];
  if (paperModel === undefined) return [];
  const names = paperMethodNames(method, model, DATASETS[dataset].task);
  return privateRowsOf(dataset).filter((r) => r.model === paperModel && names.includes(r.method));
}

/**
 * The ε series with the most measured points among the tables (Table 23 for PrivateLoRA on
 * Vicuna 7B), sorted by ε. Interpolating within one table keeps one run protocol.
 */
export function epsilonSeries(rows: readonly MeasuredResult[]): { table: PaperTable; points: MeasuredResult[] } | null {
  const tables = [...new Set(rows.filter((r) => r.epsilonKind === "exact").map((r) => r.table))];
  let best: { table: PaperTable; points: MeasuredResult[] } | null = null;
  for (const table of tables) {
    const points = rows.filter((r) => r.table === table && r.epsilonKind === "exact").sort((a, b) => (a.epsilon ?? 0) - (b.epsilon ?? 0));
    if (points.length >= 2 && (best === null || points.length > best.points.length)) best = { table, points };
  }
  return best;
}

function none(metric: UtilityMetric, note: string, nearestMeasured?: MeasuredPoint): UtilityEstimate {
  return { value: null, metric, spread: null, kind: "none", basis: null, source: null, epsilon: null, note, ...(nearestMeasured ? { nearestMeasured } : {}) };
}

function nearestPoint(rows: readonly MeasuredResult[], epsilon: number): MeasuredPoint | undefined {
  const exact = rows.filter((r) => r.epsilonKind === "exact" && r.epsilon !== null).sort(byPreference);
  let best: MeasuredResult | undefined;
  for (const r of exact) if (best === undefined || Math.abs((r.epsilon as number) - epsilon) < Math.abs((best.epsilon as number) - epsilon)) best = r;
  return best ? { value: best.mean, epsilon: best.epsilon as number, source: tableSource(best.table) } : undefined;
}

const fmt = (x: number) => String(Number(x.toPrecision(6)));

/**
 * The study's measured utility for `method` on `model` on a study dataset at `epsilon`.
 *
 * Rules, in order:
 * 1. A row at exactly this ε → "measured" (TABLE_PREFERENCE picks among tables; the note names
 *    any other table that prints the cell, with its value if it differs).
 * 2. PromptPATE (run at ε < 0.3, plateaued) → "measured" with basis "plateau" for ε ≥ 0.3;
 *    "none" below 0.3, where the run's exact ε is unknown.
 * 3. ε inside one table's measured range (Table 23) → "interpolated", linearly between the
 *    two bracketing points: v = v₀ + (ε − ε₀)·(v₁ − v₀)/(ε₁ − ε₀).
 * 4. Otherwise "none", naming the measured ε; the value is not extrapolated.
 *
 * @param metric defaults to the dataset's headline metric (catalog DATASETS[dataset].metric)
 * @example
 * lookupMeasuredUtility("sst2", "private-lora", "vicuna-7b", 2).value // 93.95 (Table 23: 93.5 at ε = 1, 94.4 at ε = 3)
 */
export function lookupMeasuredUtility(dataset: DatasetId, method: MethodId, model: ModelId, epsilon: number, metric: UtilityMetric = DATASETS[dataset].metric): UtilityEstimate {
  if (Number.isNaN(epsilon) || epsilon <= 0) throw new RangeError(`epsilon must be > 0; got ${epsilon}`);
  const label = methodLabel(method);
  const datasetLabel = DATASETS[dataset].label;
  if (PAPER_MODEL_NAMES[model] === undefined) {
    return none(metric, `The study did not use ${MODELS[model].label}; no measured utility for ${label} on it.`);
  }
  const all = measuredRows(dataset, method, model);
  if (all.length === 0) {
    const others = [...new Set(modelsMeasuredFor(dataset, method))];
    const hint = others.length > 0 ? ` (it measured ${label} on ${datasetLabel} with ${others.join(", ")})` : ` (it did not run ${label} on ${datasetLabel} at all)`;
    return none(metric, `The study did not run ${label} on ${MODELS[model].label} for ${datasetLabel}${hint}.`);
  }
  const rows = all.filter((r) => r.metric === metric);
  if (rows.length === 0) {
    const metrics = [...new Set(all.map((r) => r.metric))].join(", ");
    return none(metric, `The study reports ${label} on ${MODELS[model].label} for ${datasetLabel} in ${metrics}, not ${metric}.`);
  }

  // 1. Exact ε.
  const exact = rows.filter((r) => r.epsilonKind === "exact" && Math.abs((r.epsilon as number) - epsilon) <= EPSILON_MATCH_TOLERANCE).sort(byPreference);
  const chosen = exact[0];
  if (chosen) {
    const others = exact.slice(1).map((r) => (r.mean === chosen.mean ? `Table ${r.table} prints the same value` : `Table ${r.table} prints ${fmt(r.mean)} (a different run; cite the table you use, paper-facts.md §9)`));
    return {
      value: chosen.mean, metric, spread: chosen.spread, kind: "measured", basis: "exact-epsilon", source: tableSource(chosen.table), epsilon: chosen.epsilon,
      note: `Measured at ε = ${fmt(epsilon)} (${tableSource(chosen.table)}${chosen.spread !== null ? `, ± ${fmt(chosen.spread)} over seeds` : ""}).${others.length ? ` ${others.join("; ")}.` : ""}`,
    };
  }

  // 2. PromptPATE's plateau rule.
  const below = rows.filter((r) => r.epsilonKind === "below").sort(byPreference)[0];
  if (below) {
    const threshold = below.epsilon ?? PROMPT_PATE_PLATEAU_EPSILON;
    if (epsilon >= threshold) {
      return {
        value: below.mean, metric, spread: below.spread, kind: "measured", basis: "plateau", source: tableSource(below.table), epsilon: threshold,
        note: `Measured at ε < ${fmt(threshold)}; the study reports that ${label} plateaus after ε ≈ ${fmt(threshold)} (Table 3, Fig. 2), so the value stands for any ε ≥ ${fmt(threshold)}.`,
      };
    }
    return none(metric, `${label} was measured at an unspecified ε < ${fmt(threshold)}; at ε = ${fmt(epsilon)} the study gives no value.`);
  }

  // 3. Linear interpolation inside one table's ε range.
  const series = epsilonSeries(rows);
  if (series) {
    const pts = series.points;
    for (let i = 0; i + 1 < pts.length; i++) {
      const lo = pts[i] as MeasuredResult;
      const hi = pts[i + 1] as MeasuredResult;
      const e0 = lo.epsilon as number;
      const e1 = hi.epsilon as number;
      if (epsilon > e0 && epsilon < e1) {
        const value = lo.mean + ((epsilon - e0) * (hi.mean - lo.mean)) / (e1 - e0);
        return {
          value, metric, spread: null, kind: "interpolated", basis: "linear-in-epsilon", source: tableSource(series.table), epsilon,
          note: `Interpolated linearly in ε between ${fmt(lo.mean)} at ε = ${fmt(e0)} and ${fmt(hi.mean)} at ε = ${fmt(e1)} (${tableSource(series.table)}); not itself measured.`,
        };
      }
    }
  }

  // 4. Outside what was measured: say so, never extrapolate.
  const measuredAt = [...new Set(rows.filter((r) => r.epsilonKind === "exact").map((r) => r.epsilon as number))].sort((a, b) => a - b);
  const nearest = nearestPoint(rows, epsilon);
  return none(
    metric,
    `The study measured ${label} on ${MODELS[model].label} for ${datasetLabel} only at ε = ${measuredAt.map(fmt).join(", ")}; privadapt does not extrapolate to ε = ${fmt(epsilon)}.`,
    nearest,
  );
}

/** Models the study ran `method` on for `dataset`, in the study's names. */
function modelsMeasuredFor(dataset: DatasetId, method: MethodId): string[] {
  return privateRowsOf(dataset).filter((r) =>
    (Object.keys(PAPER_MODEL_NAMES) as ModelId[]).some((m) => PAPER_MODEL_NAMES[m] === r.model && paperMethodNames(method, m, DATASETS[dataset].task).includes(r.method)))
    .map((r) => r.model);
}
