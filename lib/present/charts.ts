/**
 * The five charts' series, each with a title that states the conclusion drawn from the data and
 * an accessible data-table fallback. Components draw these as given; they compute nothing.
 *
 * (a) training vs query cost per option, (b) total cost vs queries (log–log) with break-even
 * points, (c) the study's utility vs ε with the chosen ε, (d) the leakage ledger, (e) cost ×
 * utility with the Pareto front, coloured by what the provider sees.
 */
import { costAtQueries, costCurves } from "../cost";
import type { Estimate, EstimateRow } from "../estimate";
import { DATASETS, METHODS, type DatasetId, type MethodId } from "../scenario";
import { DEFAULT_CURVE_EPSILONS, PROMPT_PATE_PLATEAU_EPSILON, STATED_PLATEAUS, nearestReferenceDatasets, utilityCurve } from "../utility";
import { formatCount, formatEpsilonTarget, formatMultiple, formatPercent, formatUsd, formatUsdOrMissing, formatUtility, missingPriceText } from "./format";
import { answerLabel, leakClassOf, metricInfo, optionLabel, rowKey, scenarioMetric } from "./table";
import type {
  BreakEvenPoint, CostSeriesView, CostSplitChart, CostVsQueriesChart, LeakageBar, LeakageChart, ParetoChart, ParetoPoint,
  UtilityChart, UtilitySeriesView,
} from "./types";

/** Bar charts grow with their rows; everything else has a fixed height. */
const BAR_ROW_PX = 30;
const BAR_CHART_PAD_PX = 70;
export const LINE_CHART_HEIGHT = 360;

function barHeight(n: number): number {
  return BAR_CHART_PAD_PX + BAR_ROW_PX * Math.max(1, n);
}

/** "accuracy" in a sentence, but "ROUGE-L" stays as written. */
const lowerMetric = (label: string) => (label === "Accuracy" ? "accuracy" : label);

const shortLabel = (r: Pick<EstimateRow, "methodLabel" | "modelLabel">) => `${r.methodLabel} · ${r.modelLabel}`;

/**
 * Options that can run as planned (row.feasible: privacy, data, context window). The others are
 * shown in the table, never counted in a title or recommended.
 */
export function feasibleRows(est: Estimate): EstimateRow[] {
  return est.rows.filter((r) => r.feasible);
}

function infeasibleNote(est: Estimate): string {
  const out = [...new Set(est.rows.filter((r) => !r.feasible).map((r) => r.methodLabel))];
  return out.length ? ` Left out (infeasible at ε = ${est.scenario.epsilon}): ${out.join(", ")}.` : "";
}

const queriesText = (q: number) => `${formatCount(q)} ${q === 1 ? "query" : "queries"}`;

// ---------------------------------------------------------------------------------------------
// (a) Training vs query cost
// ---------------------------------------------------------------------------------------------

export function costSplitChart(est: Estimate): CostSplitChart {
  const q = est.scenario.queries;
  const bars = est.rows.map((r) => ({
    key: rowKey(r), label: shortLabel(r), method: r.method, model: r.model, llm: r.llm,
    trainingUsd: r.trainingCostUsd, queryUsd: r.queryCostUsd, totalUsd: r.totalCostUsd, missing: r.missing ?? null,
  }));
  const priced = feasibleRows(est).filter((r) => r.totalCostUsd !== null);
  const cheapest = priced.reduce<EstimateRow | null>((b, r) => (b === null || (r.totalCostUsd as number) < (b.totalCostUsd as number) ? r : b), null);
  const queryHeavy = priced.filter((r) => (r.queryCostUsd as number) > (r.trainingCostUsd as number));
  const closed = priced.filter((r) => r.llm === "closed");
  const open = priced.filter((r) => r.llm === "open");
  const closedQueryHeavy = closed.length > 0 && closed.every((r) => queryHeavy.includes(r));
  const openTrainingHeavy = open.length > 0 && open.every((r) => !queryHeavy.includes(r));
  let title: string;
  if (!cheapest) title = feasibleRows(est).length === 0 ? `No method can run this workload at ε = ${est.scenario.epsilon}` : "No option has a price: set a price override to compare costs";
  else {
    const lead = `${answerLabel(cheapest)} costs least in total: ${formatUsd(cheapest.totalCostUsd as number)}`;
    if (closedQueryHeavy && openTrainingHeavy) title = `${lead}; closed methods pay mostly per query, open ones mostly up front`;
    else if (queryHeavy.length === 0) title = `${lead}; training is the larger share for every option`;
    else if (queryHeavy.length === priced.length) title = `${lead}; queries are the larger share for every option`;
    else title = `${lead}; queries are the larger share for ${queryHeavy.length} of ${priced.length} options`;
  }
  return {
    title,
    description: `One-off training cost and the cost of ${queriesText(q)}, stacked, in USD, per method and model. On the log scale the segments' lengths are not proportional; hover for values.${infeasibleNote(est).replace("Left out", "Not counted in the title")}`,
    height: barHeight(bars.length),
    queries: q,
    bars,
    table: {
      caption: "Training and query cost per option",
      columns: ["Option", "Training cost (USD)", `Query cost, ${queriesText(q)} (USD)`, "Total cost (USD)"],
      rows: est.rows.map((r) => [shortLabel(r), formatUsdOrMissing(r.trainingCostUsd, r.missing), formatUsdOrMissing(r.queryCostUsd, r.missing), formatUsdOrMissing(r.totalCostUsd, r.missing)]),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// (b) Total cost vs queries
// ---------------------------------------------------------------------------------------------

/** Per method, the model that is cheapest at the scenario's volume: one line per method. */
export function cheapestPerMethod(est: Estimate): EstimateRow[] {
  const best = new Map<MethodId, EstimateRow>();
  for (const r of feasibleRows(est)) {
    if (r.totalCostUsd === null) continue;
    const b = best.get(r.method);
    if (!b || r.totalCostUsd < (b.totalCostUsd as number)) best.set(r.method, r);
  }
  return est.rows.filter((r) => best.get(r.method) === r);
}

function cheapestOf(rows: EstimateRow[]): EstimateRow | null {
  return rows.reduce<EstimateRow | null>((b, r) => (r.totalCostUsd !== null && (b === null || r.totalCostUsd < (b.totalCostUsd as number)) ? r : b), null);
}

const DECADES = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12];

export function costVsQueriesChart(est: Estimate): CostVsQueriesChart {
  const q = est.scenario.queries;
  const lines = cheapestPerMethod(est);
  const keys = new Set(lines.map(rowKey));
  const byKey = new Map(lines.map((r) => [rowKey(r), r]));
  const crossings = est.breakEven.filter((b) => b.queries !== null && Number.isFinite(b.queries) && keys.has(`${b.openMethod}|${b.openModel}`) && keys.has(`${b.closedMethod}|${b.closedModel}`));
  const curves = costCurves(lines, crossings, 41);
  const series: CostSeriesView[] = curves.series.map((s) => {
    const r = byKey.get(`${s.method}|${s.model}`) as EstimateRow;
    return { key: rowKey(s), label: shortLabel(r), method: s.method, model: s.model, llm: s.llm, totalUsd: s.totalCostUsd, ...(s.totalCostUsdRange ? { bandUsd: s.totalCostUsdRange } : {}) };
  });
  const breakEven: BreakEvenPoint[] = crossings.map((b) => {
    const open = byKey.get(`${b.openMethod}|${b.openModel}`) as EstimateRow;
    const closed = byKey.get(`${b.closedMethod}|${b.closedModel}`) as EstimateRow;
    const at = b.queries as number;
    return { key: `${rowKey(open)}~${rowKey(closed)}`, queries: at, costUsd: costAtQueries(open, at) as number, label: `${open.methodLabel} = ${closed.methodLabel} at ${queriesText(Math.round(at))}` };
  });

  const open = cheapestOf(lines.filter((r) => r.llm === "open"));
  const closed = cheapestOf(lines.filter((r) => r.llm === "closed"));
  let title: string;
  const at = `at ${queriesText(q)}`;
  if (open && closed) {
    const o = open.totalCostUsd as number;
    const c = closed.totalCostUsd as number;
    const cross = est.breakEven.find((b) => b.openMethod === open.method && b.openModel === open.model && b.closedMethod === closed.method && b.closedModel === closed.model);
    const crossAt = cross?.queries != null ? Math.round(cross.queries) : null;
    if (Math.max(o, c) <= 1.05 * Math.min(o, c)) {
      title = `Open ${open.methodLabel} and closed ${closed.methodLabel} cost about the same ${at}`;
    } else if (o < c) {
      title = `Open ${open.methodLabel} is ${formatMultiple(c / o)} cheaper than ${closed.methodLabel} ${at}`;
      if (crossAt !== null && crossAt < q) title += `; it pays off from ${queriesText(crossAt)}`;
    } else {
      title = `Closed ${closed.methodLabel} is ${formatMultiple(o / c)} cheaper than ${open.methodLabel} ${at}`;
      if (crossAt !== null && crossAt > q) title += `; open is cheaper above ${queriesText(crossAt)}`;
    }
  } else if (open || closed) {
    const only = (open ?? closed) as EstimateRow;
    title = `${only.methodLabel} on ${only.modelLabel} is the cheapest ${at}; no ${open ? "closed" : "open"} method has a price to compare`;
  } else {
    title = feasibleRows(est).length === 0 ? `No method can run this workload at ε = ${est.scenario.epsilon}` : "No option has a price: set a price override to compare costs";
  }

  const max = curves.queries[curves.queries.length - 1] ?? q;
  const decades = DECADES.filter((d) => d <= max);
  const rows: string[][] = lines.map((r) => [shortLabel(r), ...decades.map((d) => formatUsdOrMissing(costAtQueries(r, d), r.missing))]);
  // The band's ends at each decade, as lib/cost costCurves computes them: training range + q × the per-query range.
  for (const r of lines) {
    const t = r.trainingCostRange, u = r.queryCostRange;
    if (t && u && r.queries > 0) rows.push([`${shortLabel(r)}: range`, ...decades.map((d) => `${formatUsd(t.low + (d * u.low) / r.queries)}–${formatUsd(t.high + (d * u.high) / r.queries)}`)]);
  }
  for (const b of breakEven) rows.push([`Break-even: ${b.label}`, `${formatUsd(b.costUsd)} each`, ...decades.slice(1).map(() => "")]);
  const banded = series.some((s) => s.bandUsd);
  return {
    title,
    description: `Total cost (training + queries, USD) against the number of queries, both on log scales; one line per method on its cheapest model ${at}. Dots mark break-even volumes.${banded ? " Shaded bands: the range of a modelled or scaled GPU cost, the GPU-hour model's leave-one-out 10th–90th percentile error (test/cost/GPU-MODEL.md), at your GPU price; the GPU's spot…on-demand price range is not in the band (see \"What would change the answer\")." : ""}${infeasibleNote(est)}`,
    height: LINE_CHART_HEIGHT,
    queries: curves.queries,
    scenarioQueries: q,
    series,
    breakEven,
    table: {
      caption: "Total cost (USD) at each query volume",
      columns: ["Option", ...decades.map((d) => queriesText(d))],
      rows,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// (c) Utility vs ε
// ---------------------------------------------------------------------------------------------

/** The study dataset whose measurements stand for the scenario (the nearest one for custom data). */
export function utilityDataset(est: Estimate): { dataset: DatasetId; reference: boolean } {
  const s = est.scenario;
  if (s.preset !== "custom") return { dataset: s.preset, reference: false };
  const fromRows = est.rows.find((r) => r.utility.referenceDataset)?.utility.referenceDataset;
  return { dataset: fromRows ?? nearestReferenceDatasets(s)[0] ?? "sst2", reference: true };
}

/**
 * How a row's utility is described in the chart's title, from the row's own kind and basis:
 * "measured" (a printed cell at this ε), "interpolated" (between two printed cells), or, for
 * PromptPATE on GPT-3 Babbage above ε = 0.3, a plateau reference (Table 3's value, flat in Fig. 2).
 * A custom scenario's "reference" keeps the word of how its study value was obtained.
 */
function utilityWording(u: EstimateRow["utility"]): { word: string; tail: string } {
  if (u.basis === "plateau") return { word: "", tail: `, a reference (its ε < ${PROMPT_PATE_PLATEAU_EPSILON} value, flat to ε = ${STATED_PLATEAUS[0]?.toEpsilon ?? 8} in Fig. 2), not measured at this ε` };
  if (u.kind === "reported") return { word: "", tail: ` (reported by its authors${u.basis === "linear-in-epsilon" ? ", interpolated between their points" : ""}, ${u.source ?? "not the study"}; not measured by the study)` };
  if (u.kind === "interpolated" || u.basis === "linear-in-epsilon") return { word: "interpolated ", tail: "" };
  return { word: "measured ", tail: "" };
}

/**
 * Chart (c). Each option's line is `utilityCurve` on the chart's dataset — the curve its row's
 * utility is read from — sampled on the study's ε grid plus your ε, so at your ε the line shows
 * exactly the row's value and kind. Options whose row cannot run (`row.feasible === false`) are
 * not drawn and never named the winner; the description lists them. One line per method: the
 * runnable model with the highest value at your ε, or, when none has one there, the model with
 * the highest value at its measured point nearest your ε (more points breaking ties).
 */
export function utilityChart(est: Estimate): UtilityChart {
  const eps = est.scenario.epsilon;
  const { dataset, reference } = utilityDataset(est);
  const metric = DATASETS[dataset].metric;
  const m = metricInfo(metric);
  const metricWord = lowerMetric(m.label);
  const grid = [...DEFAULT_CURVE_EPSILONS, eps].filter((e) => e > 0);
  // A custom scenario's row may borrow another study dataset than the chart's; its value is not on this chart.
  const onChartDataset = (r: EstimateRow) => !reference || r.utility.value === null || r.utility.referenceDataset === dataset;

  const curves = est.rows
    .map((r) => ({ row: r, points: utilityCurve(dataset, r.method, r.model, { metric, epsilons: grid }) }))
    .filter((c) => c.points.length > 0 && onChartDataset(c.row));
  const notDrawn = curves.filter((c) => !c.row.feasible).map((c) => optionLabel(c.row));

  const bestPerMethod = new Map<MethodId, { series: UtilitySeriesView; atEps: number | null; score: number }>();
  for (const { row: r, points } of curves.filter((c) => c.row.feasible)) {
    const atEps = points.find((p) => p.epsilon === eps)?.value ?? null;
    const nearest = [...points].sort((a, b) => Math.abs(Math.log(a.epsilon / eps)) - Math.abs(Math.log(b.epsilon / eps)))[0];
    const score = (nearest?.value ?? 0) + points.length * 1e-6;
    const prev = bestPerMethod.get(r.method);
    // A model with a value at your ε beats one without; then the higher value wins.
    if (prev && (prev.atEps !== null ? atEps === null || prev.atEps >= atEps : atEps === null && prev.score >= score)) continue;
    bestPerMethod.set(r.method, {
      atEps,
      score,
      series: {
        key: rowKey(r), label: shortLabel(r), method: r.method, model: r.model,
        points: points.map((p) => ({ epsilon: p.epsilon, value: p.value, kind: p.kind, spread: p.spread, source: p.source, ...(p.note ? { note: p.note } : {}) })),
      },
    });
  }
  const series = [...bestPerMethod.values()].map((b) => b.series);
  const where = reference ? ` on ${DATASETS[dataset].label}, the nearest study dataset` : "";
  // The study's figures first; an authors' reported figure only when no option has one of the study's.
  const valuedAtEps = est.rows.filter((r) => r.feasible && r.utility.value !== null && r.utility.kind !== "none" && onChartDataset(r));
  const studyAtEps = valuedAtEps.filter((r) => r.utility.kind !== "reported");
  const atEps = studyAtEps.length > 0 ? studyAtEps : valuedAtEps;
  const best = atEps.reduce<EstimateRow | null>((b, r) => (b === null || (r.utility.value as number) > (b.utility.value as number) ? r : b), null);
  let title: string;
  if (best) {
    const { word, tail } = utilityWording(best.utility);
    title = `At ε = ${formatEpsilonTarget(eps)}, ${optionLabel(best)} has the highest ${word}${metricWord}${where}: ${formatUtility(best.utility.value as number, m.unit)}${tail}`;
  } else if (series.length > 0) {
    const measuredEps = [...new Set(series.flatMap((s) => s.points.filter((p) => p.kind === "measured").map((p) => p.epsilon)))].sort((a, b) => a - b);
    title = `The study has no ${metricWord} for these options at ε = ${eps}; it measured them at ε = ${measuredEps.join(", ")}`;
  } else if (notDrawn.length > 0) {
    title = `No option the study measured${where || ` on ${DATASETS[dataset].label}`} can run at ε = ${eps}`;
  } else {
    title = `The study measured none of these options${where || ` on ${DATASETS[dataset].label}`}`;
  }
  const rows = series.flatMap((s) => s.points.map((p) => [s.label, String(p.epsilon), `${formatUtility(p.value, m.unit)}${p.spread !== null ? ` ± ${p.spread}` : ""}`, p.kind, p.source]));
  const leftOut = notDrawn.length ? ` Not drawn (cannot run at ε = ${eps}): ${notDrawn.join(", ")}.` : "";
  return {
    title,
    description: `${m.label}${m.unit === "%" ? " (%)" : ` (${m.unit})`} the study measured against ε (log scale)${where}; filled dots are measured, hollow ones interpolated between measured ε (or PromptPATE's plateau on GPT-3 Babbage, Fig. 2). The dashed line marks your ε. One line per method, on its runnable study model with the highest value at your ε.${leftOut}`,
    height: LINE_CHART_HEIGHT,
    metricLabel: m.label,
    unit: m.unit,
    datasetLabel: DATASETS[dataset].label,
    reference,
    chosenEpsilon: eps,
    series,
    table: { caption: `${m.label} against ε (${DATASETS[dataset].label})`, columns: ["Option", "ε", m.label, "Kind", "Source"], rows },
  };
}

// ---------------------------------------------------------------------------------------------
// (d) Leakage ledger
// ---------------------------------------------------------------------------------------------

export function leakageChart(est: Estimate): LeakageChart {
  const s = est.scenario;
  const bars: LeakageBar[] = [];
  const seen = new Set<string>();
  for (const r of est.rows) {
    const l = r.leakage;
    if (!l) continue;
    const key = `${r.method}|${l.provider ?? "local"}`;
    if (seen.has(key)) continue;
    seen.add(key);
    bars.push({
      key,
      label: l.provider ? `${r.methodLabel} → ${l.provider}` : `${r.methodLabel} (local)`,
      method: r.method,
      provider: l.provider,
      records: l.trainingRecordsToProvider,
      fraction: l.trainingFractionToProvider,
      queryCopies: l.queryCopiesToProvider,
      querySends: l.querySendsToProvider,
      leakClass: leakClassOf(l),
      recordsSource: [l.channels.A.formula, l.channels.A.reason].filter(Boolean).join("\n"),
      queriesSource: [l.channels.B.formula, l.channels.B.reason].filter(Boolean).join("\n"),
    });
  }
  const worst = bars.reduce<LeakageBar | null>((b, x) => (x.records > 0 && (b === null || x.records > b.records) ? x : b), null);
  const safeMethods = [...new Set(bars.filter((b) => b.leakClass === "none").map((b) => METHODS[b.method].label))];
  const safeText = safeMethods.length === 0 ? "" : `; ${safeMethods.length === 1 ? `${safeMethods[0]} sends` : `${safeMethods.length} methods on local models send`} nothing`;
  let title: string;
  if (worst) {
    const copies = worst.queryCopies > 1 ? ` and every query ${formatCount(worst.queryCopies)} times` : "";
    title = `${METHODS[worst.method].label} sends ${formatPercent(worst.fraction)} of the ${formatCount(s.records)} private records to ${worst.provider}${copies}${safeText}`;
  } else if (bars.some((b) => b.querySends > 0)) {
    // Name who receives the queries: a closed model's provider or the host of an open model.
    const sending = bars.filter((b) => b.querySends > 0);
    const receivers = [...new Set(sending.map((b) => b.provider).filter((p): p is string => p !== null))];
    title = `No raw private record reaches a provider, but every query reaches ${receivers.join(", ")} for ${[...new Set(sending.map((b) => METHODS[b.method].label))].join(", ")}`;
  } else if (est.rows.length > 0 && est.rows.every((r) => r.leakage?.deployment === "local")) {
    // Only when every row's ledger says the model runs on the curator's GPU (a hosted open model is not local).
    title = "Nothing reaches a provider: every option runs on a local open model";
  } else {
    title = "No private record and no query reaches a provider in these options";
  }
  return {
    title,
    description: `Per method and provider: expected distinct private training records sent in plaintext (of N = ${formatCount(s.records)}), and copies of each query sent, over ${queriesText(s.queries)}. DP limits only what answers reveal, not what the provider sees.`,
    height: barHeight(bars.length),
    privateRecords: s.records,
    queries: s.queries,
    bars,
    table: {
      caption: "What reaches the provider, per method",
      columns: ["Method → provider", "Private records sent", "Share of N", "Copies of each query", `Query copies over ${queriesText(s.queries)}`],
      rows: bars.map((b) => [b.label, formatCount(b.records), formatPercent(b.fraction), formatCount(b.queryCopies), formatCount(b.querySends)]),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// (e) Cost × utility with the Pareto front
// ---------------------------------------------------------------------------------------------

/**
 * Keys of the options no other option beats on both cost and utility (cheaper and at least as
 * good, or as cheap and better), cheapest first.
 * @example paretoFront([{key:"a",costUsd:1,utility:90},{key:"b",costUsd:2,utility:80},{key:"c",costUsd:3,utility:95}]) // ["a","c"]
 */
export function paretoFront(points: readonly { key: string; costUsd: number; utility: number }[]): string[] {
  const sorted = [...points].sort((a, b) => a.costUsd - b.costUsd || b.utility - a.utility);
  const front: string[] = [];
  let best = -Infinity;
  for (const p of sorted) {
    if (p.utility > best) {
      front.push(p.key);
      best = p.utility;
    }
  }
  return front;
}

export function paretoChart(est: Estimate): ParetoChart {
  const metric = scenarioMetric(est);
  const m = metricInfo(metric);
  const candidates = feasibleRows(est).filter((r) => r.totalCostUsd !== null && r.utility.value !== null && r.utility.metric === metric);
  const front = paretoFront(candidates.map((r) => ({ key: rowKey(r), costUsd: r.totalCostUsd as number, utility: r.utility.value as number })));
  const onFront = new Set(front);
  const points: ParetoPoint[] = candidates.map((r) => ({
    key: rowKey(r), label: shortLabel(r), method: r.method, model: r.model, llm: r.llm,
    costUsd: r.totalCostUsd as number, utility: r.utility.value as number, utilityKind: r.utility.kind,
    leakClass: leakClassOf(r.leakage), onFront: onFront.has(rowKey(r)),
    source: `${formatUsd(r.totalCostUsd as number)} total; ${m.label} ${formatUtility(r.utility.value as number, m.unit)} (${r.utility.kind}, ${r.utility.source ?? "study"})`,
  }));
  const frontPoints = front.map((k) => points.find((p) => p.key === k) as ParetoPoint);
  const safe = frontPoints.filter((p) => p.leakClass === "none").length;
  let title: string;
  const metricWord = lowerMetric(m.label);
  if (points.length === 0) title = `No option has both a price and a study ${metricWord} to plot`;
  else {
    const n = frontPoints.length;
    const who = safe === n ? (n === 1 ? "it leaks" : "all of them leak") : safe === 0 ? (n === 1 ? "it leaks something" : "each leaks something") : `${safe} of them ${safe === 1 ? "leaks" : "leak"}`;
    title = `${n} of ${points.length} options ${n === 1 ? "is" : "are"} on the cost–${metricWord} front; ${who}${safe === 0 ? "" : " nothing"} to the provider`;
  }
  const unpriced = est.rows.filter((r) => r.totalCostUsd === null && r.utility.value !== null);
  return {
    title,
    description: `Total cost (USD, log scale) against the study's ${m.label}${m.unit === "%" ? " (%)" : ` (${m.unit})`}; the line joins the Pareto front (no other option is both cheaper and better). Colour and shape show what the provider sees.${infeasibleNote(est)}${unpriced.length ? ` Not plotted (no price): ${unpriced.map((r) => `${shortLabel(r)} — ${missingPriceText(r.missing)}`).join("; ")}.` : ""}`,
    height: LINE_CHART_HEIGHT,
    metricLabel: m.label,
    unit: m.unit,
    points,
    front,
    table: {
      caption: `Total cost and ${m.label} per option`,
      columns: ["Option", "Total cost (USD)", m.label, "Utility basis", "Provider sees", "On the front"],
      rows: points.map((p) => [p.label, formatUsd(p.costUsd), formatUtility(p.utility, m.unit), p.utilityKind, p.leakClass === "none" ? "nothing" : p.leakClass === "partial" ? "queries (and a DP artefact)" : "private records + queries", p.onFront ? "yes" : "no"]),
    },
  };
}
