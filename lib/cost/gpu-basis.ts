/**
 * Measured first: a row's GPU hours are the study's measurement where the study ran the setup,
 * the measurement scaled by the GPU model's ratio where it ran a neighbouring setup, and the
 * model's own hours otherwise — then with the model's leave-one-out error band (issue #15).
 *
 * Why ratios: the model misses single cells by up to ×2.7 out of sample (test/cost/GPU-MODEL.md),
 * while the measurement is the study's own hours for that setup. A changed N, token length, knob,
 * GPU or serving mode therefore moves the measured figure by model(scenario) ÷ model(study's setup)
 * — the model says how the cost moves, the measurement where it starts — never to the model's
 * absolute level. The scaled figure still carries the model's leave-one-out band: how well a ratio
 * predicts is not separately validated.
 *
 * The study measured GPU-hours on an A40 at $0.69/h (Hanke et al. 2024, Appendix D); a measured
 * row keeps the measured hours and prices them at the scenario's $/GPU-hour.
 */
import { GPUS, presetScenario, type DatasetId, type MethodId, type ModelId, type Scenario } from "../scenario";
import { GPU_MODEL_LOO_RATIO } from "./gpu-model";
import { STUDY_COST_CELLS, type StudyCostCell } from "./study-costs";
import type { CostBasis, CostRange, CostRow, CostStage, GpuCostBasis, GpuCostStage } from "./types";
import { formatFixed, formatSignificant } from "../present/format";

/** The study's A40 price (Hanke et al. 2024, Table 22), to turn its dollar figures back into hours. */
const STUDY_USD_PER_GPU_HOUR = 0.69;

/** The study cell that measured this method on this model for the scenario's dataset (Tables 3–6 first). */
export function studyCellFor(scenario: Pick<Scenario, "preset">, method: MethodId, model: ModelId): StudyCostCell | undefined {
  if (scenario.preset === "custom") return undefined;
  return cellIndex().get(`${method}|${model}|${scenario.preset}`);
}

let cellsByKey: Map<string, StudyCostCell> | undefined;
/** method|model|dataset → its cell, Tables 3–6 before Table 1; built once (estimate() looks up every row). */
function cellIndex(): Map<string, StudyCostCell> {
  if (cellsByKey) return cellsByKey;
  cellsByKey = new Map();
  for (const c of [...STUDY_COST_CELLS.filter((x) => x.table !== "1"), ...STUDY_COST_CELLS.filter((x) => x.table === "1")]) {
    if (c.nonPrivate) continue;
    for (const d of c.datasets) {
      const key = `${c.method}|${c.model}|${d}`;
      if (!cellsByKey.has(key)) cellsByKey.set(key, c);
    }
  }
  return cellsByKey;
}

/**
 * The study's setup of a cell on one dataset: the preset with its knobs, 10,000 queries, the
 * paper's prices, an A40 at $0.69/h (the same setup as ./reproduce `studyScenario`).
 */
export function studySetupScenario(cell: StudyCostCell, dataset: DatasetId): Scenario {
  const s = presetScenario(dataset);
  s.queries = 10000;
  s.priceSet = "paper-2024-05";
  s.gpu = "a40";
  s.gpuUsdPerHour = STUDY_USD_PER_GPU_HOUR;
  for (const [method, knobs] of Object.entries(cell.knobs ?? {})) Object.assign((s.knobs as unknown as Record<string, Record<string, number>>)[method]!, knobs);
  return s;
}

/** What the scenario changes from the study's setup, in words a reader knows from the form. */
function changesFromStudy(scenario: Scenario, study: Scenario, method: MethodId, batched: boolean): string[] {
  const out: string[] = [];
  if (scenario.records !== study.records) out.push(`N (${scenario.records} vs ${study.records})`);
  if (scenario.inTokens !== study.inTokens || scenario.outTokens !== study.outTokens) out.push("token lengths");
  const k = scenario.knobs[method] as Record<string, number>;
  const ks = study.knobs[method] as Record<string, number>;
  for (const key of Object.keys(ks)) if (k[key] !== ks[key]) out.push(`${method}.${key} (${k[key]} vs ${ks[key]})`);
  if (scenario.gpu !== study.gpu) out.push(`GPU (${GPUS[scenario.gpu].label} vs the study's A40)`);
  if (batched || scenario.servingBatch !== study.servingBatch) out.push(`serving batch ${batched ? "64" : scenario.servingBatch} (the study served one query at a time)`);
  return out;
}

const gpuHours = (stages: CostStage[], phase: "training" | "query", perQuery: boolean): number =>
  stages.reduce((a, s) => a + (s.kind === "gpu" && s.phase === phase ? (perQuery ? s.perQuery?.gpuHours ?? 0 : s.gpuHours) : 0), 0);

/** [usd ÷ p90, usd ÷ p10]: where the true cost fell for 80% of the study's cells when each was predicted without itself. */
function band(stage: GpuCostStage, usd: number): CostRange {
  const r = GPU_MODEL_LOO_RATIO[stage.regime];
  return { low: usd / r.p90, high: usd / r.p10 };
}

const fmt = (x: number) => `$${formatFixed(x, 2)}`;

/**
 * GPU hours of the study's setup per cell, dataset and options (training once, queries per query):
 * the same for every scenario, so priced once per process.
 */
const studySetupHours = new Map<string, { training: number; query: number }>();
const studySetups = new Map<string, Scenario>();
const ratioText = (x: number) => `× ${formatSignificant(x, 3)}`;

/**
 * Re-base a row's GPU stages on the study's measurement when it has one, and attach the basis
 * and the error band. Mutates and returns `row`. `costStudySetup` prices the same method and
 * model in the study's setup (passed in by ./estimate to keep this module free of it).
 */
export function applyGpuBasis(row: CostRow, scenario: Scenario, method: MethodId, model: ModelId, options: { serving?: "sequential" | "batched" }, costStudySetup: (s: Scenario) => CostRow): CostRow {
  const stages = row.breakdown.stages;
  if (!stages.some((s) => s.kind === "gpu")) return row;
  let modelTraining = 0, modelQuery = 0;
  for (const s of stages) if (s.kind === "gpu") { if (s.phase === "training") modelTraining += s.usd; else modelQuery += s.usd; }
  const cell = studyCellFor(scenario, method, model);
  // A phase can be re-based only if all its stages run on the GPU (the measurement covers the phase).
  const gpuOnly = (phase: "training" | "query") => stages.some((s) => s.phase === phase) && stages.every((s) => s.phase !== phase || s.kind === "gpu");
  const phases = (["training", "query"] as const).filter((p) => cell !== undefined && gpuOnly(p) && (p === "training" ? cell.trainUsd : cell.queryUsdPer10k) > 0);
  // Per phase with GPU work: measured as is, scaled from a measurement, or modelled (no measurement).
  const phaseBasis: Partial<Record<"training" | "query", CostBasis>> = {};
  for (const p of ["training", "query"] as const) if (stages.some((s) => s.phase === p && s.kind === "gpu")) phaseBasis[p] = "modelled";
  const rowBasis = (): CostBasis => {
    const b = Object.values(phaseBasis);
    return b.includes("modelled") ? "modelled" : b.includes("scaled-from-measured") ? "scaled-from-measured" : "measured";
  };
  let basis: CostBasis = rowBasis();
  let detail: GpuCostBasis;
  if (cell && phases.length > 0) {
    const dataset = scenario.preset as DatasetId;
    const setupKey = `${cell.table}|${cell.paperMethod}|${model}|${dataset}`;
    let study = studySetups.get(setupKey);
    if (!study) {
      study = studySetupScenario(cell, dataset);
      studySetups.set(setupKey, study);
    }
    const key = `${setupKey}|${options.serving ?? "sequential"}`;
    let studyHours = studySetupHours.get(key);
    if (!studyHours) {
      const studyStages = costStudySetup(study).breakdown.stages;
      studyHours = { training: gpuHours(studyStages, "training", false), query: gpuHours(studyStages, "query", true) };
      studySetupHours.set(key, studyHours);
    }
    const scale: { training: number | null; query: number | null } = { training: null, query: null };
    for (const phase of phases) {
      const perQuery = phase === "query";
      const modelStudy = studyHours[phase];
      const modelHere = gpuHours(stages, phase, perQuery);
      const measuredHours = (phase === "training" ? cell.trainUsd : cell.queryUsdPer10k / 10000) / STUDY_USD_PER_GPU_HOUR;
      scale[phase] = modelHere / modelStudy;
      // Every GPU stage of the phase × measured ÷ model(study): the phase totals measured × model(here) ÷ model(study).
      const f = measuredHours / modelStudy;
      for (const s of stages) {
        if (s.kind !== "gpu" || s.phase !== phase) continue;
        s.gpuHours *= f;
        s.usd *= f;
        if (s.perQuery) s.perQuery = { gpuHours: s.perQuery.gpuHours * f, usd: s.perQuery.usd * f };
        s.formula += `; × ${formatSignificant(f, 3)} to the study's measured hours (Hanke et al. 2024, Table ${cell.table}: the model gives ${formatSignificant(modelStudy * (perQuery ? 10000 : 1), 3)} h${perQuery ? " per 10k queries" : ""} for the study's setup, the study measured ${formatSignificant(measuredHours * (perQuery ? 10000 : 1), 3)} h)`;
      }
    }
    // Measured only when nothing the study fixed has changed (a knob the model ignores, like the
    // batch size, still changes the real run); otherwise scaled, even by a ratio of 1.
    const changed = changesFromStudy(scenario, study, method, options.serving === "batched");
    for (const p of phases) phaseBasis[p] = changed.length === 0 && Math.abs(scale[p]! - 1) < 1e-9 ? "measured" : "scaled-from-measured";
    basis = rowBasis();
    const measuredText = `the study measured this ${phases.join(" and ")} on an A40 (Hanke et al. 2024, Table ${cell.table}: training ${fmt(cell.trainUsd)}, queries ${fmt(cell.queryUsdPer10k)} per 10,000 at $0.69/h)`;
    const cross = `the GPU model's own estimate for this scenario, as a cross-check: training ${fmt(modelTraining)}, queries ${fmt(modelQuery)}`;
    const modelledPhases = (["training", "query"] as const).filter((p) => phaseBasis[p] === "modelled");
    const note = basis === "measured"
      ? `GPU cost is measured: ${measuredText}; its hours are priced at $${scenario.gpuUsdPerHour}/GPU-hour. ${cross[0]!.toUpperCase()}${cross.slice(1)}.`
      : `GPU cost is scaled from a measurement: ${measuredText}, × the GPU model's ratio for this scenario vs the study's setup (${phases.map((p) => `${p} ${ratioText(scale[p]!)}`).join(", ")})${changed.length ? `, for the changed ${changed.join(", ")}` : ""}${modelledPhases.length ? `; the ${modelledPhases.join(" and ")} GPU cost is modelled (no measurement)` : ""}. The range applies the model's leave-one-out 10th–90th percentile error band to the scaled figure (test/cost/GPU-MODEL.md). ${cross[0]!.toUpperCase()}${cross.slice(1)}.`;
    detail = { basis, measured: { table: cell.table, trainingCostUsd: cell.trainUsd, queryCostUsdPer10kQueries: cell.queryUsdPer10k }, model: { trainingCostUsd: modelTraining, queryCostUsd: modelQuery }, scale, ...(changed.length ? { changed } : {}), note };
  } else {
    detail = { basis, model: { trainingCostUsd: modelTraining, queryCostUsd: modelQuery }, note: "GPU cost is modelled: the study did not measure this setup; the range is the model's leave-one-out 10th–90th percentile error band (test/cost/GPU-MODEL.md)." };
  }
  row.costBasis = basis;
  row.breakdown.gpuBasis = detail;
  row.assumptions.push(detail.note);

  // Totals and ranges from the (re-based) stages in one pass: every GPU stage not measured as is
  // carries the model's LOO band; API and measured stages are exact.
  let training: number | null = 0, query: number | null = 0, perQuery: number | null = 0;
  let tLow = 0, tHigh = 0, qLow = 0, qHigh = 0;
  for (const s of stages) {
    const usd = s.usd;
    let low = usd ?? 0, high = usd ?? 0;
    if (s.kind === "gpu" && usd !== null && phaseBasis[s.phase] !== "measured") ({ low, high } = band(s, usd));
    if (s.phase === "training") {
      training = training === null || usd === null ? null : training + usd;
      tLow += low; tHigh += high;
    } else {
      query = query === null || usd === null ? null : query + usd;
      const one = s.perQuery?.usd ?? null;
      perQuery = perQuery === null || one === null ? null : perQuery + one;
      qLow += low; qHigh += high;
    }
  }
  row.trainingCostUsd = training;
  row.queryCostUsd = query;
  row.queryCostUsdPerQuery = perQuery;
  row.totalCostUsd = training === null || query === null ? null : training + query;
  if (basis !== "measured" && row.totalCostUsd !== null) {
    row.trainingCostRange = { low: tLow, high: tHigh };
    row.queryCostRange = { low: qLow, high: qHigh };
    row.costRange = { low: tLow + qLow, high: tHigh + qHigh };
  }
  return row;
}
