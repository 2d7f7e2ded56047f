/**
 * The comparison table, the per-method privacy view and the summary, from an estimate.
 *
 * Each cell keeps three things: the raw value (what CSV and sorting use), the text shown, and
 * the source one hover away — the cost formula with the scenario's inputs, the accountant that
 * produced an ε, or the study table a utility comes from.
 */
import type { CostRow, CostStage } from "../cost";
import type { EstimateRow, Estimate } from "../estimate";
import type { LeakageRow } from "../leakage";
import { methodDescriptor, type MethodPrivacy } from "../methods";
import { DATASETS, METHODS, MODELS, modelLabelWithStatus } from "../scenario";
import { UTILITY_METRICS, type UtilityMetric } from "../utility";
import {
  accountantName, countNoun, formatAllowed, formatCount, formatDelta, formatEpsilon, formatPercent, formatUsd, formatUsdOrMissing, formatUtility,
  formatEpsilonTarget, formatSignificant, missingPriceText,
} from "./format";
import type { Cell, ColumnId, ComparisonTable, LeakClass, PrivacyView, SummaryItem, SummaryView, TableColumn, TableRow } from "./types";

/** "DP-ICL on GPT-3 Babbage": how sentences name an option. */
export function optionLabel(row: Pick<EstimateRow, "methodLabel" | "modelLabel">): string {
  return `${row.methodLabel} on ${row.modelLabel}`;
}

/** An option named as an answer (a summary card): its model with its lifecycle mark, e.g. "(retired 2026-10-23)". */
export function answerLabel(row: Pick<EstimateRow, "methodLabel" | "model">): string {
  return `${row.methodLabel} on ${modelLabelWithStatus(row.model)}`;
}

export function rowKey(row: Pick<CostRow, "method" | "model">): string {
  return `${row.method}|${row.model}`;
}

/**
 * Who sees what, in three classes: nothing reaches a provider (channels A and B protected);
 * raw private records reach it (A exposed); or only queries and at most a DP artefact do.
 */
export function leakClassOf(leakage: LeakageRow | null): LeakClass {
  if (leakage === null) return "exposed";
  const { A, B } = leakage.channels;
  if (A.status === "protected" && B.status === "protected") return "none";
  if (A.status === "exposed") return "exposed";
  return "partial";
}

/** What the provider receives, in words: "nothing", "private records + queries", "a DP instruction + queries". */
export function providerSees(leakage: LeakageRow | null): string {
  if (leakage === null) return "not defined";
  const parts: string[] = [];
  if (leakage.channels.A.status === "exposed") parts.push("private records");
  else if (leakage.deployment !== "local") {
    // What a method sends besides queries when no raw record travels, as its file declares it
    // (`leakage.dpArtefact`): DP-OPT its DP instruction; DP-FewShotGen's variant (2) its DP
    // demonstrations; a DP-SGD method at a host its DP-trained model.
    const artefact = methodDescriptor(leakage.method).leakage.dpArtefact;
    if (artefact !== null) parts.push(artefact);
  }
  if (leakage.channels.B.status !== "protected") parts.push("queries");
  return parts.length === 0 ? "nothing" : parts.join(" + ");
}

export function metricInfo(metric: UtilityMetric): { label: string; unit: string } {
  const m = UTILITY_METRICS[metric];
  return { label: m.label, unit: m.unit };
}

// ---------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------

function stageLine(stage: CostStage): string {
  if (stage.kind === "api") {
    return `${stage.label} (${MODELS[stage.model].label}): ${stage.formula}; ${countNoun(stage.calls, "call")}, ${formatCount(stage.inputTokens)} input + ${countNoun(stage.outputTokens, "output token")} = ${formatUsdOrMissing(stage.usd)}`;
  }
  return `${stage.label}: ${stage.formula}; ${formatCount(Number(formatSignificant(stage.gpuHours, 3)))} GPU-hours = ${formatUsd(stage.usd)}`;
}

function priceLines(row: CostRow): string[] {
  const lines = row.breakdown.prices.map((p) =>
    `${MODELS[p.model].label} price: $${p.inputUsdPerMillionTokens} in / $${p.outputUsdPerMillionTokens} out per 1M tokens — ${p.source} (${p.asOf})`);
  const gpu = row.breakdown.gpu;
  if (gpu) lines.push(`${gpu.label} at ${formatUsd(gpu.usdPerHour)}/GPU-hour`);
  return lines;
}

/** The formula behind a training or query cost, with the scenario's inputs and the prices used. */
export function costSource(row: CostRow, phase: "training" | "query"): string {
  const stages = row.breakdown.stages.filter((s) => s.phase === phase);
  const lines = stages.length > 0 ? stages.map(stageLine) : [phase === "training" ? "No training stage: nothing is built before the first query." : "No per-query stage."];
  if (row.missing) lines.push(row.missing);
  return [...lines, ...priceLines(row)].join("\n");
}

function totalSource(row: CostRow): string {
  const lines = [
    row.trainingCostUsd !== null && row.queryCostUsd !== null
      ? `Total = training + queries = ${formatUsd(row.trainingCostUsd)} + ${formatUsd(row.queryCostUsd)} (${countNoun(row.queries, "query", "queries")})`
      : `Total unknown: ${row.missing ?? "a price is missing"}`,
  ];
  if (row.paperFigure) {
    const f = row.paperFigure;
    lines.push(`Study (Hanke et al. 2024, Table ${f.table}): training ${formatUsd(f.trainingCostUsd)}, queries ${formatUsd(f.queryCostUsdPer10kQueries)} per 10,000 (${formatUsd(f.queryCostUsdAtScenarioQueries)} at this volume)${f.note ? `. ${f.note}` : ""}`);
  }
  lines.push(...row.assumptions);
  return lines.join("\n");
}

function epsilonSource(p: MethodPrivacy): string {
  const lines = [`Target ε = ${p.targetEpsilon}, δ = ${formatDelta(p.delta)}; ε computed by the ${accountantName(p.accountant)} accountant.`];
  if (p.bounds) lines.push(`PRV bounds on the true ε: ${formatEpsilon(p.bounds.lower)} ≤ ε ≤ ${formatEpsilon(p.bounds.upper)} (estimate ${formatEpsilon(p.bounds.estimate)}); the upper bound is shown.`);
  if (!p.feasible) lines.push(p.minFeasibleEpsilon ? `Infeasible: the planned workload needs ε ≥ ${formatEpsilon(p.minFeasibleEpsilon)}.` : "Infeasible at this budget.");
  if (p.error) lines.push(`Error: ${p.error}`);
  lines.push(...p.notes);
  return lines.join("\n");
}

/** @param brief the comparison table repeats ε on every model of a method: there it cites the accountant only. */
function epsilonCell(p: MethodPrivacy, brief = false): Cell {
  const source = brief
    ? `ε by the ${accountantName(p.accountant)} accountant at δ = ${formatDelta(p.delta)}${p.bounds ? `; PRV bounds ${formatEpsilon(p.bounds.lower)}–${formatEpsilon(p.bounds.upper)}` : ""}. Details under "Privacy per method".`
    : epsilonSource(p);
  if (!p.feasible) {
    const need = p.minFeasibleEpsilon ? ` (needs ε ≥ ${formatEpsilon(p.minFeasibleEpsilon)})` : "";
    // Say what the plan achieves when it misses the target: the number a reader would otherwise assume is the target.
    const achieved = p.epsilon !== null && p.epsilon > p.targetEpsilon ? `: achieves ${formatEpsilon(p.epsilon)} > target ${formatEpsilonTarget(p.targetEpsilon)}` : "";
    return { value: null, text: `infeasible${achieved}${need}`, source };
  }
  return { value: p.epsilon, text: `${formatEpsilon(p.epsilon)} (${accountantName(p.accountant)})`, source };
}

/** The comparison table shows ε and its accountant in two columns, so the CSV keeps ε a number. */
function epsilonColumns(p: MethodPrivacy): { epsilon: Cell; accountant: Cell } {
  const e = epsilonCell(p, true);
  return {
    epsilon: p.feasible ? { ...e, text: formatEpsilon(p.epsilon) } : e,
    accountant: { value: p.accountant, text: accountantName(p.accountant), source: e.source },
  };
}

const MECHANISM_SYMBOL: Record<string, string> = { noiseMultiplier: "σ", tokenEpsilon: "ε per token", keywordEpsilon: "ε per keyword" };

// ---------------------------------------------------------------------------------------------
// Table
// ---------------------------------------------------------------------------------------------

export function tableColumns(queries: number, metric: UtilityMetric): TableColumn[] {
  const m = metricInfo(metric);
  return [
    { id: "method", header: "Method", unit: "", numeric: false },
    { id: "llm", header: "LLM", unit: "", numeric: false },
    { id: "model", header: "Model", unit: "", numeric: false },
    { id: "training", header: "Training cost", unit: "USD", numeric: true },
    { id: "query", header: `Query cost, ${countNoun(queries, "query", "queries")}`, unit: "USD", numeric: true },
    { id: "total", header: "Total cost", unit: "USD", numeric: true },
    { id: "epsilon", header: "ε achieved", unit: "", numeric: true },
    // Headers a newcomer reads without a legend (issue #19): "ε by" said nothing, "Study Accuracy"
    // read as a verb phrase, and counts printed their unit twice ("records … (records)").
    { id: "accountant", header: "ε accountant", unit: "", numeric: false },
    { id: "utility", header: `${m.label} in the study`, unit: m.unit, numeric: true },
    { id: "utilityKind", header: "Kind of figure", unit: "", numeric: false },
    { id: "records", header: "Private records sent to provider", unit: "", numeric: true },
    { id: "queryCopies", header: "Copies of each query sent to provider", unit: "", numeric: true },
    { id: "provider", header: "Provider receives", unit: "", numeric: false },
  ];
}

/** The metric the scenario's utilities are in (the dataset's headline metric). */
export function scenarioMetric(est: Estimate): UtilityMetric {
  const first = est.rows.find((r) => r.utility.value !== null)?.utility.metric;
  if (first) return first;
  return est.scenario.preset === "custom" ? (est.scenario.task === "generation" ? "rougeL" : "accuracy") : DATASETS[est.scenario.preset].metric;
}

function utilityCells(row: EstimateRow): { utility: Cell; utilityKind: Cell } {
  const u = row.utility;
  const unit = metricInfo(u.metric).unit;
  const source = [u.note, u.source].filter(Boolean).join("\n");
  if (u.value === null) {
    return { utility: { value: null, text: "—", source }, utilityKind: { value: "none", text: "not measured", source } };
  }
  const spread = u.spread !== null ? ` ± ${u.spread}` : "";
  const kindText = u.kind === "reference" && u.referenceDataset ? `reference (${DATASETS[u.referenceDataset].label})` : u.basis === "plateau" ? "reference (plateau, Fig. 2)" : u.basis === "epsilon-bound" ? "measured (run at ε < 0.3)"
    : u.kind === "reported" ? (u.basis === "linear-in-epsilon" ? "reported by authors (interpolated)" : "reported by authors") : u.kind;
  return {
    utility: { value: u.value, text: `${formatUtility(u.value, unit)}${spread}`, source },
    utilityKind: { value: u.kind, text: kindText, source },
  };
}

/**
 * The study's figure beside a plan that cannot run: the figure is the study's own run, not what
 * this plan would reach. PromptPATE on GPT-3 Babbage at ε = 0.3 read "infeasible (needs ε ≥ 0.409)"
 * beside "measured (run at ε < 0.3)", as if the plan could have that accuracy (issue #19 §6).
 */
function studyUtilityCells(row: EstimateRow): { utility: Cell; utilityKind: Cell } {
  const cells = utilityCells(row);
  if (row.feasible || row.utility.value === null) return cells;
  const why = `This plan cannot run as planned at ε = ${row.privacy.targetEpsilon}${row.infeasibleReasons.length ? ` (${row.infeasibleReasons.join("; ")})` : ""}; the figure is the study's own run of the method, not what this plan would reach.`;
  return {
    utility: { ...cells.utility, source: [cells.utility.source, why].filter(Boolean).join("\n") },
    utilityKind: { ...cells.utilityKind, text: `${cells.utilityKind.text}; the study's run, not this plan`, source: [cells.utilityKind.source, why].filter(Boolean).join("\n") },
  };
}

function leakageCells(row: EstimateRow): { records: Cell; queryCopies: Cell; provider: Cell } {
  const l = row.leakage;
  if (l === null) {
    const none: Cell = { value: null, text: "—", source: "The leakage ledger is not defined for this pairing." };
    return { records: none, queryCopies: none, provider: none };
  }
  const a = l.channels.A;
  const b = l.channels.B;
  return {
    records: {
      value: l.trainingRecordsToProvider,
      text: l.trainingRecordsToProvider === 0 ? "0" : `${formatCount(l.trainingRecordsToProvider)} (${formatPercent(l.trainingFractionToProvider)})`,
      source: [a.formula, a.reason].filter(Boolean).join("\n"),
    },
    queryCopies: {
      value: l.queryCopiesToProvider,
      text: formatCount(l.queryCopiesToProvider),
      source: [b.formula, b.reason].filter(Boolean).join("\n"),
    },
    provider: { value: leakClassOf(l), text: providerSees(l), source: l.statement },
  };
}

export function tableRow(row: EstimateRow): TableRow {
  const method = METHODS[row.method];
  const model = MODELS[row.model];
  const missing = row.missing;
  // A modelled GPU cost reads "≈ $13 ($9–$19)": the estimate and the model's leave-one-out band (row.costRange).
  const money = (x: number | null, source: string, range?: { low: number; high: number }): Cell =>
    x === null ? { value: null, text: missingPriceText(missing), source }
      : range && range.high > range.low ? { value: x, text: `≈ ${formatUsd(x)} (${formatUsd(range.low)}–${formatUsd(range.high)})`, source }
        : { value: x, text: formatUsd(x), source };
  const cells: Record<ColumnId, Cell> = {
    method: { value: method.label, text: method.label, source: `${method.summary}\n${method.source}` },
    llm: { value: row.llm, text: row.llm, source: row.llm === "closed" ? "Adapts a closed model through its provider's API" : row.leakage?.deployment === "hosted" ? `Adapts an open model served by ${row.leakage.provider ?? "a host"}` : "Adapts an open model on your own GPU" },
    model: { value: model.label, text: model.label, source: `${model.llm === "closed" ? `Closed model by ${model.provider}` : row.leakage?.deployment === "hosted" ? "Open model, served by a host" : "Open model, run locally"}; ${model.source}` },
    training: money(row.trainingCostUsd, costSource(row, "training"), row.trainingCostRange),
    query: money(row.queryCostUsd, costSource(row, "query"), row.queryCostRange),
    total: money(row.totalCostUsd, totalSource(row), row.costRange),
    ...epsilonColumns(row.privacy),
    ...studyUtilityCells(row),
    ...leakageCells(row),
  };
  return { key: rowKey(row), method: row.method, model: row.model, llm: row.llm, feasible: row.feasible, cells };
}

export function comparisonTable(est: Estimate): ComparisonTable {
  return {
    caption: "Comparison of methods",
    columns: tableColumns(est.scenario.queries, scenarioMetric(est)),
    rows: est.rows.map(tableRow),
  };
}

// ---------------------------------------------------------------------------------------------
// Privacy per method
// ---------------------------------------------------------------------------------------------

export function privacyView(p: MethodPrivacy): PrivacyView {
  const m = p.mechanism;
  const symbol = MECHANISM_SYMBOL[m.parameter] ?? m.parameter;
  const mechanism: Cell = m.value === null
    ? { value: null, text: "none meets the target", source: p.notes.join("\n") }
    : { value: m.value, text: `${symbol} = ${/epsilon/i.test(m.parameter) ? formatEpsilon(m.value) : formatSignificant(m.value, 3)}`, source: `${symbol} in ${m.unit}${m.extra ? `; ${Object.entries(m.extra).map(([k, v]) => `${k} = ${formatSignificant(v, 4)}`).join(", ")}` : ""}` };
  const b = p.budget;
  const allowed = b.allowed === null ? "any workload (more noise)" : `${formatAllowed(b.allowed, b.capped, b.unit)}${b.allowedAccountant ? ` (${accountantName(b.allowedAccountant)})` : ""}`;
  const budget: Cell = {
    value: b.planned,
    text: `${formatCount(b.planned)} ${b.unit} planned; budget allows ${allowed}`,
    source: `Planned: ${formatCount(b.planned)} ${b.unit}${b.epochs ? ` (${b.epochs} epochs)` : ""}. Allowed at the least-private useful setting: ${allowed}.`,
  };
  const o = p.asOriginalCode;
  const originalCode = o
    ? `${o.summary} Its reported ε = ${formatEpsilonTarget(o.reportedEpsilon)}${o.reportedAccountant ? ` (${accountantName(o.reportedAccountant)})` : ""}; under sound accounting ε = ${formatEpsilon(o.soundEpsilon)}. ${o.reason}`
    : null;
  return {
    method: p.method,
    label: p.label,
    llm: METHODS[p.method].llm,
    feasible: p.feasible,
    epsilon: epsilonCell(p),
    accountant: accountantName(p.accountant),
    accountantId: p.accountant,
    delta: { value: p.delta, text: formatDelta(p.delta), source: "δ charged: the target δ or less" },
    mechanism,
    budget,
    originalCode,
    notes: p.notes,
    sources: p.sources,
  };
}

// ---------------------------------------------------------------------------------------------
// Summary
// ---------------------------------------------------------------------------------------------

function listJoin(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "DP-ICL, PromptPATEGen": the methods with a row that cannot run as planned, once each. */
function infeasibleMethods(est: Estimate): string[] {
  return [...new Set(est.rows.filter((r) => !r.feasible).map((r) => r.methodLabel))];
}

/**
 * The most accurate option the card may name, and how to say what its figure is. Only one metric
 * is compared (the scenario's), and only one kind of figure: the study's measurements when any
 * option has one; otherwise a nearest-dataset reference; otherwise an interpolation, said as such.
 * "measured" is written only for kind "measured"; figures use formatUtility like the table.
 */
function mostAccurateItem(est: Estimate, rows: EstimateRow[]): SummaryItem {
  const metric = scenarioMetric(est);
  const m = metricInfo(metric);
  // A plateau reference (PromptPATE on GPT-3 Babbage above ε = 0.3, Fig. 2) was not measured at this ε,
  // and it is no custom-dataset reference either: it is left out of this card.
  const valued = rows.filter((r) => r.utility.value !== null && r.utility.metric === metric && r.utility.basis !== "plateau");
  for (const kind of ["measured", "reference", "interpolated"] as const) {
    const best = valued.filter((r) => r.utility.kind === kind)
      .reduce<EstimateRow | null>((b, r) => (b === null || (r.utility.value as number) > (b.utility.value as number) ? r : b), null);
    if (!best) continue;
    const u = best.utility;
    const figure = `${m.label} ${formatUtility(u.value as number, m.unit)}`;
    const source = u.source ?? "Hanke et al. 2024";
    const others = valued.some((r) => r.utility.kind !== kind) ? `. Only ${kind} figures are compared; the table lists the others.` : "";
    let text: string;
    if (kind === "measured") {
      text = u.basis === "epsilon-bound"
        ? `${answerLabel(best)}: ${figure} (measured at ε < 0.3, which also meets ε = 0.3; ${source})`
        : `${answerLabel(best)}: ${figure} (measured at ε = ${u.epsilon ?? est.scenario.epsilon}; ${source})`;
    } else if (kind === "reference") {
      const ref = u.referenceDataset ? DATASETS[u.referenceDataset].label : "the nearest study dataset";
      text = `${answerLabel(best)}: ${figure} on ${ref}, the nearest study dataset (${source})`;
    } else {
      text = `${answerLabel(best)}: ${figure} (interpolated in ε between the study's measurements, not itself measured; ${source})`;
    }
    return { text: `${text}${others}${reportedApart(valued)}`, source: u.note };
  }
  // Only figures reported by methods' own authors (issue #17): said as such, never as the study's.
  const reported = bestReported(valued);
  if (reported) {
    return { text: `The study measured none of these options at ε = ${est.scenario.epsilon}. ${reportedSentence(reported, m.label, m.unit)}`, source: reported.utility.note };
  }
  const interpolatedOtherMetric = rows.filter((r) => r.utility.value !== null && r.utility.metric !== metric).length;
  return {
    text: `The study measured none of these options at ε = ${est.scenario.epsilon}${interpolatedOtherMetric ? ` in ${m.label}` : ""}.`,
    source: "Hanke et al. 2024, Tables 1, 3–6, 23: privadapt shows measured values only and never extrapolates.",
  };
}

function bestReported(valued: readonly EstimateRow[]): EstimateRow | null {
  return valued.filter((r) => r.utility.kind === "reported").reduce<EstimateRow | null>((b, r) => (b === null || (r.utility.value as number) > (b.utility.value as number) ? r : b), null);
}

function reportedSentence(row: EstimateRow, label: string, unit: string): string {
  const u = row.utility;
  const how = u.basis === "linear-in-epsilon" ? "interpolated between its authors' reported points" : `reported by its authors at ε = ${u.epsilon}`;
  return `Reported by a method's own authors, not measured by the study: ${optionLabel(row)}: ${label} ${formatUtility(u.value as number, unit)} (${how}; ${u.source ?? "the authors"}).`;
}

/** " Reported by a method's own authors, not measured by the study: …" when any option has such a figure; "" otherwise. */
function reportedApart(valued: readonly EstimateRow[]): string {
  const r = bestReported(valued);
  if (!r) return "";
  const m = metricInfo(r.utility.metric);
  return ` ${reportedSentence(r, m.label, m.unit)}`;
}

export function summaryView(est: Estimate): SummaryView {
  // Only what can run as planned (row.feasible: privacy, data, context) is recommended;
  // the others stay in the table, marked.
  const rows = est.rows.filter((r) => r.feasible);
  if (rows.length === 0) {
    const none = { text: `No compared option can run as planned at ε = ${est.scenario.epsilon}; see "Privacy per method" for the ε each needs.`, source: est.rows.map((r) => `${optionLabel(r)}: ${r.infeasibleReasons.join("; ")}`).join("\n") || "Each method's budget use (lib/methods)." };
    return { cheapest: none, mostAccurate: null, leakNothing: { text: "—", source: none.source } };
  }
  const priced = rows.filter((r) => r.totalCostUsd !== null);
  const unpriced = rows.length - priced.length;
  const left = infeasibleMethods(est);
  // Beside the cards, not in them: inside the cheapest option's card it read as if it were about that option (issue #19).
  const notCompared = left.length > 0
    ? `Left out of these answers: ${listJoin(left)} cannot run as planned at ε = ${est.scenario.epsilon} (the table marks ${left.length === 1 ? "its rows" : "their rows"}).`
    : undefined;
  let cheapest: SummaryItem | null = null;
  const cheap = priced.reduce<EstimateRow | null>((best, r) => (best === null || (r.totalCostUsd as number) < (best.totalCostUsd as number) ? r : best), null);
  if (cheap) {
    cheapest = {
      // A retired model is named with its mark (issue #17): the card must not offer what cannot be bought unmarked.
      text: `${answerLabel(cheap)}: ${formatUsd(cheap.totalCostUsd as number)} for training and ${countNoun(est.scenario.queries, "query", "queries")}${unpriced ? ` (${unpriced} ${unpriced === 1 ? "option has" : "options have"} no price)` : ""}`,
      source: totalSource(cheap),
    };
  } else if (rows.length > 0) {
    cheapest = { text: `No option has a price: ${missingPriceText(rows[0]?.missing)}`, source: rows[0]?.missing ?? "" };
  }

  const mostAccurate = mostAccurateItem(est, rows);

  const safe = rows.filter((r) => leakClassOf(r.leakage) === "none");
  const byMethod = new Map<string, string[]>();
  for (const r of safe) byMethod.set(r.methodLabel, [...(byMethod.get(r.methodLabel) ?? []), r.modelLabel]);
  const localButInfeasible = [...new Set(est.rows.filter((r) => !r.feasible && leakClassOf(r.leakage) === "none").map((r) => r.methodLabel))];
  const leakNothing: SummaryItem = safe.length === 0
    ? {
      text: localButInfeasible.length > 0
        ? `None that can run as planned: every option that can sends private records or queries to a provider. Local options that cannot run as planned: ${localButInfeasible.join(", ")}.`
        : "None: every compared option sends private records or queries to a provider.",
      source: "Channels A and B (Hanke et al. 2024, Section 2): a closed API sees the prompts whatever ε is.",
    }
    : {
      text: `${listJoin([...byMethod.keys()])}, on local open models (${safe.length} of ${est.rows.length} options).`,
      source: [...byMethod.entries()].map(([m, models]) => `${m}: ${models.join(", ")}`).join("\n") + "\nNo private record and no query leaves your hardware; answers are still (ε, δ)-DP.",
    };

  return notCompared ? { cheapest, mostAccurate, leakNothing, notCompared } : { cheapest, mostAccurate, leakNothing };
}
