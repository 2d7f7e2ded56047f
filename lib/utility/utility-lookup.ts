/**
 * The study's measured utility at the scenario's ε: a lookup, never a model.
 *
 * Hanke et al. 2024 measured each (method, model, dataset) at ε = 8 (Tables 1, 3–6), PromptPATE
 * at an unspecified ε < 0.3 (Table 3), and PrivateLoRA on Vicuna 7B at five ε (Table 23).
 * privadapt returns a value only where those measurements cover the scenario, and labels how:
 * measured (a printed cell at this ε), interpolated linearly in ε between two adjacent printed
 * cells (both named), or, for PromptPATE on GPT-3 Babbage only, a reference to the plateau the
 * study draws in Fig. 2. Anything else is "none" with a reason.
 *
 * One curve per (dataset, method, model): `curveAnchors` picks one printed cell per ε, and both
 * the rows (lookupMeasuredUtility) and the chart (utilityCurve) read that one list, so a value
 * never jumps between adjacent ε and the chart at the scenario's ε equals the row.
 */
import { DATASETS, MODELS, PAPER, type DatasetId, type MethodId, type ModelId } from "../scenario";
import { MEASURED_RESULTS, type MeasuredResult, type PaperTable, type UtilityMetric } from "./paper-results";
import { PAPER_DATASET_NAMES, PAPER_MODEL_NAMES, methodLabel, paperMethodNames } from "./paper-names";
import { formatSignificant } from "../present/format";

/**
 * "reported" (issue #17): a figure a method's own authors report (./reported.ts), never the study's;
 * the decision uses it only when the scenario asks for it (`utilitySource=reported`).
 */
export type UtilityKind = "measured" | "interpolated" | "reference" | "reported" | "none";
/**
 * How a value follows from the tables:
 * - "exact-epsilon": a cell printed at this ε;
 * - "epsilon-bound": PromptPATE's cell printed for "ε < 0.3", read at ε = 0.3 (a run that is
 *   ε′-DP for some ε′ < 0.3 is also 0.3-DP, so it is a run at a budget of 0.3);
 * - "linear-in-epsilon": between two adjacent printed cells;
 * - "plateau": PromptPATE on GPT-3 Babbage above ε = 0.3, where the study draws a flat curve
 *   (Fig. 2) but prints no number; kind "reference", never "measured".
 */
export type UtilityBasis = "exact-epsilon" | "epsilon-bound" | "plateau" | "linear-in-epsilon";

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
   * (the upper end of "ε < 0.3") for PromptPATE's run and its plateau; null for "none".
   */
  epsilon: number | null;
  /** Why this value, what else the study printed, or why there is none. */
  note: string;
  /** For "reference" (custom preset): the study dataset whose value this is. */
  referenceDataset?: DatasetId;
  /** For "none": the measured point closest in ε, for the UI to offer (never used as a value). */
  nearestMeasured?: MeasuredPoint;
  /** For "interpolated": the two adjacent printed cells the value lies between, lower ε first. */
  between?: [MeasuredPoint, MeasuredPoint];
}

/**
 * When several tables print the same cell, prefer the table that is about that task
 * (3 classification, 4 SAMSum, 5 DocVQA, 6 MIT) over the ε sweep (23) and the headline (1):
 * the specific tables share one protocol across methods, so rows of one scenario compare.
 */
export const TABLE_PREFERENCE: readonly PaperTable[] = ["3", "4", "5", "6", "23", "1"];

/** PromptPATE's rows are at an unspecified ε < 0.3 (Table 3 header); read at ε = 0.3. */
export const PROMPT_PATE_PLATEAU_EPSILON = 0.3;

/**
 * Where the study states that a method's utility stays flat: PromptPATE on GPT-3 Babbage
 * plateaus after ε ≈ 0.3 in Fig. 2 (Hanke et al. 2024), whose curves span ε ∈ [0, 8] with no
 * numbers printed beyond Table 23's. It is a reading of a figure, so values on it are a labelled
 * "reference", never "measured". The study states no plateau for Claude 2.1 (Table 3 has one
 * run, at ε < 0.3), and none beyond ε = 8 for any model.
 */
export const STATED_PLATEAUS: readonly { method: MethodId; model: ModelId; fromEpsilon: number; toEpsilon: number; source: string }[] = [
  { method: "prompt-pate", model: "gpt-3-babbage", fromEpsilon: PROMPT_PATE_PLATEAU_EPSILON, toEpsilon: 8, source: "Fig. 2" },
];

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

/** A point a utility curve passes through: one printed cell at one ε. */
export interface CurveAnchor {
  epsilon: number;
  /** The printed cell the curve passes through at this ε. */
  row: MeasuredResult;
  /** Other tables' cells at the same ε (not on the curve; named in the note). */
  others: MeasuredResult[];
  /** True for PromptPATE's "ε < 0.3" cell, read at 0.3. */
  bound: boolean;
}

/**
 * One printed cell per ε: the points a (dataset, method, model) curve passes through, sorted by ε.
 *
 * Where two tables print a cell at the same ε, TABLE_PREFERENCE picks one and the others are kept
 * for the note. The one case in the study: PrivateLoRA on Vicuna 7B at ε = 8, where Table 3
 * prints 94.8 ± 0.5 / 97.3 / 87.8 / 81.3 and the ε sweep, Table 23, prints 95.3 / 97.4 / 88.4 /
 * 82.0 (different runs). The curve passes through Table 3's cell: it is the main result, a mean
 * over three seeds with a printed ±, under the protocol every other method's ε = 8 value in the
 * comparison comes from; Table 23 is the only source below ε = 8. So the curve runs through Table
 * 23 up to ε = 3 and then to Table 3's cell at ε = 8. Taking both cells would give two values
 * at ε = 8 and a jump (95.3 just below, 94.8 at 8); one point per ε keeps the curve continuous.
 *
 * PromptPATE's cell ("ε < 0.3") becomes a point at ε = 0.3, flagged `bound`: its exact ε is
 * unknown, so no line is drawn from it (interpolation uses exact cells only).
 *
 * @example curveAnchors(measuredRows("sst2", "private-lora", "vicuna-7b")).map((a) => [a.epsilon, a.row.mean, a.row.table])
 * // [[0.3, 91.9, "23"], [0.7, 93.4, "23"], [1, 93.5, "23"], [3, 94.4, "23"], [8, 94.8, "3"]]
 */
export function curveAnchors(rows: readonly MeasuredResult[]): CurveAnchor[] {
  const anchors: CurveAnchor[] = [];
  const sorted = rows.filter((r) => r.epsilonKind === "exact" || r.epsilonKind === "below").sort(byPreference);
  for (const r of sorted) {
    const epsilon = r.epsilon ?? PROMPT_PATE_PLATEAU_EPSILON;
    const bound = r.epsilonKind === "below";
    const same = anchors.find((a) => a.bound === bound && Math.abs(a.epsilon - epsilon) <= EPSILON_MATCH_TOLERANCE);
    if (same) same.others.push(r);
    else anchors.push({ epsilon, row: r, others: [], bound });
  }
  return anchors.sort((a, b) => a.epsilon - b.epsilon);
}

function none(metric: UtilityMetric, note: string, nearestMeasured?: MeasuredPoint): UtilityEstimate {
  return { value: null, metric, spread: null, kind: "none", basis: null, source: null, epsilon: null, note, ...(nearestMeasured ? { nearestMeasured } : {}) };
}

const pointOf = (a: CurveAnchor): MeasuredPoint => ({ value: a.row.mean, epsilon: a.epsilon, source: tableSource(a.row.table) });

function nearestPoint(anchors: readonly CurveAnchor[], epsilon: number): MeasuredPoint | undefined {
  let best: CurveAnchor | undefined;
  for (const a of anchors) if (best === undefined || Math.abs(a.epsilon - epsilon) < Math.abs(best.epsilon - epsilon)) best = a;
  return best ? pointOf(best) : undefined;
}

const fmt = (x: number) => formatSignificant(x, 6);

/** "Table 23 prints 97.4 at ε = 8 (a different run)" for the cells a curve does not pass through. */
function othersText(a: CurveAnchor): string {
  return a.others.map((r) => (r.mean === a.row.mean ? `Table ${r.table} prints the same value` : `Table ${r.table} prints ${fmt(r.mean)} at ε = ${fmt(a.epsilon)} (a different run; privadapt uses Table ${a.row.table}, which compares the methods on this task)`)).join("; ");
}

/**
 * The study's measured utility for `method` on `model` on a study dataset at `epsilon`.
 *
 * Rules, in order, over the curve's points (curveAnchors):
 * 1. A point at exactly this ε → "measured" (basis "exact-epsilon", or "epsilon-bound" for
 *    PromptPATE's ε < 0.3 run at ε = 0.3); the note names other tables printing the cell.
 * 2. PromptPATE: on GPT-3 Babbage for 0.3 < ε ≤ 8 → "reference", basis "plateau" (STATED_PLATEAUS);
 *    elsewhere "none": below 0.3 the run's exact ε is unknown, and the study states no plateau
 *    for Claude 2.1 or beyond ε = 8.
 * 3. ε strictly between two adjacent exact points → "interpolated", linearly:
 *    v = v₀ + (ε − ε₀)·(v₁ − v₀)/(ε₁ − ε₀), both points named in `between` and the note.
 *    The curve is continuous: at ε → ε₁ the value tends to v₁, the value printed at ε₁.
 * 4. Otherwise "none", naming the measured ε; the value is not extrapolated.
 *
 * @param metric defaults to the dataset's headline metric (catalog DATASETS[dataset].metric)
 * @example
 * lookupMeasuredUtility("sst2", "private-lora", "vicuna-7b", 2).value // 93.95 (Table 23: 93.5 at ε = 1, 94.4 at ε = 3)
 * lookupMeasuredUtility("sst2", "private-lora", "vicuna-7b", 5.5).value // 94.6 (94.4 at ε = 3, Table 23; 94.8 at ε = 8, Table 3)
 */
export function lookupMeasuredUtility(dataset: DatasetId, method: MethodId, model: ModelId, epsilon: number, metric: UtilityMetric = DATASETS[dataset].metric): UtilityEstimate {
  if (Number.isNaN(epsilon) || epsilon <= 0) throw new RangeError(`epsilon must be > 0; got ${epsilon}`);
  const label = methodLabel(method);
  const datasetLabel = DATASETS[dataset].label;
  const modelLabel = MODELS[model].label;
  if (PAPER_MODEL_NAMES[model] === undefined) {
    return none(metric, `The study did not use ${modelLabel}; no measured utility for ${label} on it.`);
  }
  const all = measuredRows(dataset, method, model);
  if (all.length === 0) {
    const others = [...new Set(modelsMeasuredFor(dataset, method))];
    const hint = others.length > 0 ? ` (it measured ${label} on ${datasetLabel} with ${others.join(", ")})` : ` (it did not run ${label} on ${datasetLabel} at all)`;
    return none(metric, `The study did not run ${label} on ${modelLabel} for ${datasetLabel}${hint}.`);
  }
  const rows = all.filter((r) => r.metric === metric);
  if (rows.length === 0) {
    const metrics = [...new Set(all.map((r) => r.metric))].join(", ");
    return none(metric, `The study reports ${label} on ${modelLabel} for ${datasetLabel} in ${metrics}, not ${metric}.`);
  }
  const anchors = curveAnchors(rows);

  // 1. A printed point at this ε.
  const at = anchors.find((a) => Math.abs(a.epsilon - epsilon) <= EPSILON_MATCH_TOLERANCE);
  if (at) {
    const r = at.row;
    const others = othersText(at);
    const spread = r.spread !== null ? `, ± ${fmt(r.spread)} over seeds` : "";
    const note = at.bound
      ? `Measured at ε < ${fmt(at.epsilon)} (${tableSource(r.table)}${spread}); a run within ε < ${fmt(at.epsilon)} also meets ε = ${fmt(at.epsilon)}, so it stands at ε = ${fmt(at.epsilon)}.`
      : `Measured at ε = ${fmt(at.epsilon)} (${tableSource(r.table)}${spread}).${others ? ` ${others}.` : ""}`;
    return { value: r.mean, metric, spread: r.spread, kind: "measured", basis: at.bound ? "epsilon-bound" : "exact-epsilon", source: tableSource(r.table), epsilon: at.epsilon, note };
  }

  // 2. PromptPATE: a run at ε < 0.3, and a plateau only where the study states one.
  const bound = anchors.find((a) => a.bound);
  if (bound) {
    const threshold = bound.epsilon;
    const plateau = STATED_PLATEAUS.find((p) => p.method === method && p.model === model);
    if (epsilon < threshold) {
      return none(metric, `${label} was measured at an unspecified ε < ${fmt(threshold)} (${tableSource(bound.row.table)}); at ε = ${fmt(epsilon)} the study gives no value.`, pointOf(bound));
    }
    if (plateau && epsilon <= plateau.toEpsilon) {
      return {
        value: bound.row.mean, metric, spread: null, kind: "reference", basis: "plateau", source: `${tableSource(bound.row.table)} and ${plateau.source}`, epsilon: threshold,
        note: `Not measured at ε = ${fmt(epsilon)}: this is ${label}'s value on ${modelLabel} at ε < ${fmt(threshold)} (${tableSource(bound.row.table)}${bound.row.spread !== null ? `, ± ${fmt(bound.row.spread)}` : ""}), which the study's ${plateau.source} shows staying flat from ε ≈ ${fmt(plateau.fromEpsilon)} to ε = ${fmt(plateau.toEpsilon)}; a reading of the figure, which prints no numbers.`,
      };
    }
    const why = plateau
      ? `the plateau it shows (${plateau.source}) ends at ε = ${fmt(plateau.toEpsilon)}, the largest ε it ran`
      : `it shows ${label}'s plateau (Fig. 2) only for ${STATED_PLATEAUS.filter((p) => p.method === method).map((p) => MODELS[p.model].label).join(", ") || "no model"}, not for ${modelLabel}`;
    return none(metric, `The study ran ${label} on ${modelLabel} for ${datasetLabel} only at ε < ${fmt(threshold)} (${tableSource(bound.row.table)}), and ${why}; privadapt does not carry the value to ε = ${fmt(epsilon)}.`, pointOf(bound));
  }

  // 3. Linear interpolation between adjacent exact points of the one curve.
  const exact = anchors.filter((a) => !a.bound);
  for (let i = 0; i + 1 < exact.length; i++) {
    const lo = exact[i] as CurveAnchor;
    const hi = exact[i + 1] as CurveAnchor;
    if (epsilon > lo.epsilon && epsilon < hi.epsilon) {
      const value = lo.row.mean + ((epsilon - lo.epsilon) * (hi.row.mean - lo.row.mean)) / (hi.epsilon - lo.epsilon);
      const sameTable = lo.row.table === hi.row.table;
      const source = sameTable ? tableSource(lo.row.table) : `${PAPER}, Table ${lo.row.table} (ε = ${fmt(lo.epsilon)}) and Table ${hi.row.table} (ε = ${fmt(hi.epsilon)})`;
      const ends = [lo, hi].map((a) => `${fmt(a.row.mean)} at ε = ${fmt(a.epsilon)} (${tableSource(a.row.table)})`).join(" and ");
      const mixed = sameTable ? "" : ` The two end points come from different tables (different runs): ${othersText(hi) || othersText(lo)}.`;
      return {
        value, metric, spread: null, kind: "interpolated", basis: "linear-in-epsilon", source, epsilon, between: [pointOf(lo), pointOf(hi)],
        note: `Interpolated linearly in ε between ${ends}; not itself measured.${mixed}`,
      };
    }
  }

  // 4. Outside what was measured: say so, never extrapolate.
  return none(
    metric,
    `The study measured ${label} on ${modelLabel} for ${datasetLabel} only at ε = ${anchors.map((a) => fmt(a.epsilon)).join(", ")}; privadapt does not extrapolate to ε = ${fmt(epsilon)}.`,
    nearestPoint(anchors, epsilon),
  );
}

/** Models the study ran `method` on for `dataset`, in the study's names. */
function modelsMeasuredFor(dataset: DatasetId, method: MethodId): string[] {
  return privateRowsOf(dataset).filter((r) =>
    (Object.keys(PAPER_MODEL_NAMES) as ModelId[]).some((m) => PAPER_MODEL_NAMES[m] === r.model && paperMethodNames(method, m, DATASETS[dataset].task).includes(r.method)))
    .map((r) => r.model);
}
