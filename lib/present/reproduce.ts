/**
 * "Reproduce the study": the study's cost and utility tables beside privadapt's numbers for the
 * same setups, with each difference explained.
 *
 * Costs: every cost cell of Tables 1, 3–6 (lib/cost reproduceStudyCosts) — the study's dataset,
 * knobs, 10,000 queries, Table 22 prices and an A40 at $0.69/h — priced by privadapt's engine.
 * Utility: every private-run cell of Tables 1, 3–6 and 23, looked up the way the calculator does
 * (lookupMeasuredUtility); a different value means privadapt prefers another table's run of the
 * same cell (TABLE_PREFERENCE) and the note says which.
 */
import { reproduceStudyCosts, type CostCellLabel, type CostCellPart } from "../cost";
import { DATASETS, DATASET_IDS, METHOD_IDS, MODELS, type DatasetId, type MethodId, type ModelId } from "../scenario";
import { MEASURED_RESULTS, PAPER_DATASET_NAMES, PAPER_MODEL_NAMES, lookupMeasuredUtility, paperMethodNames, type MeasuredResult } from "../utility";
import { formatUsd, formatUtility } from "./format";
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
  return `${pct > 0 ? "+" : "−"}${Math.abs(pct) >= 10 ? Math.abs(pct).toFixed(0) : Math.abs(pct).toFixed(1)}%`;
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
    explanation: explain(c.parts.training, c.parts.query, c.runsOn === "gpu" || c.method === "dp-opt" ? c.calibration.training || c.calibration.query : null),
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
