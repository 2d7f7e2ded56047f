/**
 * "Reproduce the study": the study's cost and utility tables beside privadapt's numbers for the
 * same setups, with each difference explained.
 *
 * Costs: every cost cell of Tables 1, 3–6 (lib/cost reproduceStudyCosts) — the study's dataset,
 * knobs, 10,000 queries, Table 22 prices and an A40 at $0.69/h — priced by privadapt's engine.
 * GPU parts (issue #15): for every GPU part of every cost cell, the figure a calculator row with the
 * study's setup shows (lib/cost estimateCostRow, measured-first: the study's own A40 measurement),
 * beside the GPU model's in-sample and leave-one-out estimates and their ratios to the measurement
 * (GPU_CELL_CHECKS, written by `npm run --silent gpu:report`, also in test/cost/GPU-MODEL.md).
 * Utility: every private-run cell of Tables 1, 3–6 and 23, looked up the way the calculator does
 * (lookupMeasuredUtility); a different value means privadapt prefers another table's run of the
 * same cell (TABLE_PREFERENCE) and the note says which.
 */
import {
  CENT_TOLERANCE_USD, GPU_CELL_CHECKS, STUDY_COST_CELLS, STUDY_SETUP_GAPS, estimateCostRow, reproduceStudyCosts, studyScenario, trainsLocally,
  type CostCellLabel, type CostCellPart, type GpuCellCheck, type StudyCostCell,
} from "../cost";
import { DATASETS, DATASET_IDS, METHOD_IDS, MODELS, type DatasetId, type MethodId, type ModelId } from "../scenario";
import { MEASURED_RESULTS, PAPER_DATASET_NAMES, PAPER_MODEL_NAMES, lookupMeasuredUtility, paperMethodNames, type MeasuredResult } from "../utility";
import { formatFixed, formatUsd, formatUtility } from "./format";
import { metricInfo } from "./table";

export interface ReproduceCostRow {
  key: string;
  table: string;
  method: string;
  model: string;
  datasets: string;
  runsOn: "api" | "gpu";
  paperTraining: string;
  oursTraining: string;
  paperQuery: string;
  oursQuery: string;
  /** Relative error of training and query, as "+3.1%"; "—" when the paper's figure is 0 and ours is not. */
  errorTraining: string;
  errorQuery: string;
  /** Label of each part: exact, documented-inconsistency, residual or unexplained (lib/cost GapLabel). */
  labelTraining: CostCellLabel;
  labelQuery: CostCellLabel;
  /** The labels in words, with what is known about each gap; "" when both parts are exact. */
  explanation: string;
  /** One entry per GPU part (training, queries) with a non-zero study figure; [] for API cells. */
  gpu: ReproduceGpuPart[];
}

/**
 * One GPU part of a study cell: the measured figure the calculator shows for the study's setup,
 * and what the fitted GPU model (lib/cost/gpu-model.ts) would have said in sample and leave-one-out.
 * USD at $0.69 per A40-hour; training once, queries per 10,000. Ratios are estimate ÷ measured.
 */
export interface ReproduceGpuPart {
  part: "training" | "query";
  /** The study's figure for this setup that a calculator row shows (its GPU basis is "measured"). */
  measuredUsd: number;
  measured: string;
  /** The study table whose measurement the calculator uses; differs from the row's table only for Table 1's reprints. */
  measuredTable: string;
  /** "Table 4, PrivateLoRA on BART-Large (XSum)" when the measurement is another row's of the study; "" when it is this cell's. */
  measuredFrom: string;
  inSampleUsd: number;
  inSample: string;
  /** "×0.72": in-sample estimate ÷ measured. */
  inSampleRatio: string;
  /** null when the cell is left out of the fit (`notFitted` says why). */
  leaveOneOutUsd: number | null;
  leaveOneOut: string;
  leaveOneOutRatio: string;
  /** Why the cell is not in the fit (lib/cost/gpu-model.ts STUDY_SETUP_GAPS); "" when fitted. */
  notFitted: string;
}

export interface ReproduceUtilityRow {
  key: string;
  table: string;
  method: string;
  model: string;
  dataset: string;
  epsilon: string;
  metric: string;
  paper: string;
  ours: string;
  same: boolean;
  explanation: string;
}

export interface ReproduceView {
  costs: ReproduceCostRow[];
  costSummary: string;
  utility: ReproduceUtilityRow[];
  utilitySummary: string;
}

function percent(x: number | null, paper: number, ours: number): string {
  if (x === null) return ours === paper ? "0%" : "—";
  if (Math.abs(x) < 5e-4) return "0%";
  const pct = x * 100;
  return `${pct > 0 ? "+" : "−"}${formatFixed(Math.abs(pct), Math.abs(pct) >= 10 ? 0 : 1)}%`;
}

/** How a label reads on the page. */
export const COST_LABEL_TEXT: Record<CostCellLabel, string> = {
  exact: "matches to the cent",
  "documented-inconsistency": "the paper contradicts itself",
  residual: "privadapt's model residual",
  unexplained: "unexplained",
};

function explain(training: CostCellPart, query: CostCellPart, fitted: boolean | null): string {
  const say = (part: string, p: CostCellPart) => `${part}: ${COST_LABEL_TEXT[p.label]}${p.note ? ` — ${p.note}` : ""}`;
  if (training.label === "exact" && query.label === "exact") return "";
  const texts = training.label !== "exact" && query.label !== "exact" && training.label === query.label && training.note === query.note
    ? [say("Training and queries", training)]
    : [training.label !== "exact" ? say("Training", training) : null, query.label !== "exact" ? say("Queries", query) : null].filter((x): x is string => x !== null);
  const residual = training.label === "residual" || query.label === "residual";
  if (residual && fitted !== null) texts.push(fitted ? "This cell was one of those the GPU model was fitted to." : "Out-of-sample: not used to fit the GPU model.");
  return texts.join(" ");
}

/** "×1.38": an estimate ÷ the measured figure, two decimals, as test/cost/GPU-MODEL.md prints it. */
function ratioText(estimate: number, measured: number): string {
  return `×${formatFixed(estimate / measured, 2)}`;
}

/**
 * The GPU parts of one study cell. The measured figure is what the calculator shows for the cell's
 * setup (mean over its datasets, as lib/cost estimateStudyCell averages), and it must be a study
 * measurement: a row whose GPU basis is not "measured", or a figure no GPU_CELL_CHECKS entry of the
 * same method and model carries, is a broken invariant and throws rather than print a model figure
 * as measured.
 * @example gpuParts(Table 3 PromptDPSGD on RoBERTa-Large)[0] // measured $7.59, in sample $5.47 (×0.72), leave-one-out $5.05 (×0.67)
 */
function gpuParts(cell: StudyCostCell): ReproduceGpuPart[] {
  const method = cell.method;
  if (method === "zero-shot" || method === "icl") return [];
  // A method whose training runs locally (DP-OPT's prompt search, `cost.trainsLocally`) has a GPU training part even
  // when its queries go to an API (as lib/cost/reproduce labels it), measured by the study's row for the local model (Table 3 DP-OPT (local)).
  const gpuPhases = cell.runsOn === "gpu" ? (["training", "query"] as const) : trainsLocally(method) ? (["training"] as const) : [];
  if (gpuPhases.length === 0) return [];
  const local = cell.runsOn === "gpu" ? cell : STUDY_COST_CELLS.find((k) => k.method === method && k.runsOn === "gpu" && k.table === cell.table);
  if (!local) throw new Error(`Table ${cell.table} ${cell.paperMethod}: no local GPU row of ${method} in the same table`);
  const rows = cell.datasets.map((d) => estimateCostRow(studyScenario(cell, d), method, cell.model));
  const where = `Table ${cell.table} ${cell.paperMethod} on ${cell.model}`;
  for (const r of rows) if (r.costBasis !== "measured") throw new Error(`${where}: the calculator's GPU basis is ${r.costBasis ?? "absent"}, not measured`);
  const mean = (f: (r: (typeof rows)[number]) => number | null) => rows.reduce((sum, r) => {
    const x = f(r);
    if (x === null) throw new Error(`${where}: the calculator has no price for the study's setup (${r.missing ?? "unknown"})`);
    return sum + x;
  }, 0) / rows.length;
  const out: ReproduceGpuPart[] = [];
  for (const part of gpuPhases) {
    if ((part === "training" ? cell.trainUsd : cell.queryUsdPer10k) === 0) continue;
    // The study's setup runs 10,000 queries, so the row's query cost is already per 10k.
    const measuredUsd = mean((r) => (part === "training" ? r.trainingCostUsd : r.queryCostUsd));
    const same = (k: GpuCellCheck) => k.paperMethod === local.paperMethod && k.model === local.model && k.part === part && Math.abs(k.measuredUsd - measuredUsd) <= CENT_TOLERANCE_USD;
    const check = GPU_CELL_CHECKS.find((k) => same(k) && k.table === cell.table) ?? GPU_CELL_CHECKS.find(same);
    if (!check) throw new Error(`${where} ${part}: the calculator shows ${measuredUsd}, which no study GPU cell measured (GPU_CELL_CHECKS)`);
    // GPU_CELL_CHECKS leaves the leave-one-out estimate null exactly for the labelled study-setup gaps.
    const gap = STUDY_SETUP_GAPS.find((g) => g.match({ method, model: local.model, part }));
    if (check.leaveOneOutUsd === null && !gap) throw new Error(`${where} ${part}: left out of the fit without a labelled cause (STUDY_SETUP_GAPS)`);
    out.push({
      part,
      measuredUsd,
      measured: formatUsd(measuredUsd),
      measuredTable: check.table,
      measuredFrom: check.table === cell.table && local === cell ? "" : `Table ${check.table}, ${check.paperMethod} on ${MODELS[local.model].label}`,
      inSampleUsd: check.inSampleUsd,
      inSample: formatUsd(check.inSampleUsd),
      inSampleRatio: ratioText(check.inSampleUsd, check.measuredUsd),
      leaveOneOutUsd: check.leaveOneOutUsd,
      leaveOneOut: check.leaveOneOutUsd === null ? "not fitted" : formatUsd(check.leaveOneOutUsd),
      leaveOneOutRatio: check.leaveOneOutUsd === null ? "—" : ratioText(check.leaveOneOutUsd, check.measuredUsd),
      notFitted: check.leaveOneOutUsd === null ? gap!.reason : "",
    });
  }
  return out;
}

/** reproduceStudyCosts maps STUDY_COST_CELLS in order: the i-th comparison is the i-th cell (checked). */
function cellAt(i: number, c: { table: string; paperMethod: string; model: string }): StudyCostCell {
  const cell = STUDY_COST_CELLS[i];
  if (!cell || cell.table !== c.table || cell.paperMethod !== c.paperMethod || cell.model !== c.model) throw new Error(`study cost cell ${i} is not Table ${c.table} ${c.paperMethod} on ${c.model}`);
  return cell;
}

function costRows(): ReproduceCostRow[] {
  return reproduceStudyCosts().map((c, i) => ({
    key: `${c.table}-${c.paperMethod}-${c.model}-${i}`,
    table: c.table,
    method: c.paperMethod,
    model: MODELS[c.model].label,
    datasets: c.datasets.map((d) => DATASETS[d].label).join(" + "),
    runsOn: c.runsOn,
    paperTraining: formatUsd(c.paper.trainingCostUsd),
    oursTraining: formatUsd(c.estimate.trainingCostUsd),
    paperQuery: formatUsd(c.paper.queryCostUsdPer10kQueries),
    oursQuery: formatUsd(c.estimate.queryCostUsdPer10kQueries),
    errorTraining: percent(c.relativeError.training, c.paper.trainingCostUsd, c.estimate.trainingCostUsd),
    errorQuery: percent(c.relativeError.query, c.paper.queryCostUsdPer10kQueries, c.estimate.queryCostUsdPer10kQueries),
    labelTraining: c.parts.training.label,
    labelQuery: c.parts.query.label,
    explanation: explain(c.parts.training, c.parts.query, c.runsOn === "gpu" || trainsLocally(c.method) ? c.calibration.training || c.calibration.query : null),
    gpu: gpuParts(cellAt(i, c)),
  }));
}

const DATASET_BY_NAME = new Map(DATASET_IDS.map((d) => [PAPER_DATASET_NAMES[d] as string, d]));
const MODEL_BY_NAME = new Map((Object.entries(PAPER_MODEL_NAMES) as [ModelId, string][]).map(([id, name]) => [name, id]));

/** privadapt's ids for a study row, or null for the study's non-private baselines (0-shot, ICL, ε = ∞). */
function idsOf(r: MeasuredResult): { dataset: DatasetId; method: MethodId; model: ModelId } | null {
  const dataset = DATASET_BY_NAME.get(r.dataset);
  const model = MODEL_BY_NAME.get(r.model);
  if (!dataset || !model) return null;
  const method = METHOD_IDS.find((m) => paperMethodNames(m, model, DATASETS[dataset].task).includes(r.method));
  return method ? { dataset, method, model } : null;
}

function utilityRows(): ReproduceUtilityRow[] {
  const out: ReproduceUtilityRow[] = [];
  MEASURED_RESULTS.forEach((r, i) => {
    if (r.epsilonKind !== "exact" && r.epsilonKind !== "below") return;
    const ids = idsOf(r);
    if (!ids) return;
    const epsilon = r.epsilon ?? 0.3;
    const ours = lookupMeasuredUtility(ids.dataset, ids.method, ids.model, epsilon, r.metric);
    const unit = metricInfo(r.metric).unit;
    const same = ours.value !== null && Math.abs(ours.value - r.mean) < 1e-9;
    const spread = r.spread !== null ? ` ± ${r.spread}` : "";
    out.push({
      key: `${r.table}-${i}`,
      table: r.table,
      method: r.variant ?? r.method,
      model: MODELS[ids.model].label,
      dataset: DATASETS[ids.dataset].label,
      epsilon: r.epsilonKind === "below" ? `< ${epsilon}` : String(epsilon),
      metric: metricInfo(r.metric).label,
      paper: `${formatUtility(r.mean, unit)}${spread}`,
      ours: ours.value === null ? "—" : formatUtility(ours.value, unit),
      same,
      explanation: same ? (ours.source === `Hanke et al. 2024, Table ${r.table}` ? "Same cell." : `Same value; the calculator cites ${ours.source}.`) : ours.note,
    });
  });
  return out;
}

export function reproduceView(): ReproduceView {
  const costs = costRows();
  const utility = utilityRows();
  // Counted per part (training and queries of every cell), since the two can carry different labels.
  const parts = costs.flatMap((c) => [c.labelTraining, c.labelQuery]);
  const count = (l: CostCellLabel) => parts.filter((p) => p === l).length;
  const same = utility.filter((u) => u.same).length;
  return {
    costs,
    costSummary: `Of the ${parts.length} cost figures (training and queries of ${costs.length} cells), ${count("exact")} match to the cent; ${count("documented-inconsistency")} differ where the paper contradicts itself (cited); ${count("residual")} are residuals of privadapt's own model (mostly its fitted GPU-hour model); ${count("unexplained")} differ from privadapt's application of the paper's stated formula for reasons the paper does not give.`,
    utility,
    utilitySummary: `${same} of ${utility.length} private-run utility cells are returned unchanged; the others are cells the study printed twice with different runs, where the calculator cites the task's own table.`,
  };
}
