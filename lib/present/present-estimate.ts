/**
 * `presentEstimate(estimate)`: everything the calculator page shows for one estimate, as data.
 */
import type { Estimate } from "../estimate";
import { DATASETS, METHODS, type AccountantId } from "../scenario";
import { costSplitChart, costVsQueriesChart, leakageChart, paretoChart, utilityChart } from "./charts";
import { countNoun, formatCount, formatDelta } from "./format";
import { comparisonTable, privacyView, summaryView } from "./table";
import type { AnswerView, Presentation } from "./types";

export interface PresentOptions {
  /**
   * The accountant the scenario asked for, when the estimate was computed with another one
   * (the page renders RDP figures first while PRV computes). Defaults to the estimate's own.
   */
  requestedAccountant?: AccountantId;
  /** The canonical query of the scenario as asked (with the requested accountant). */
  canonical?: string;
}

/** "SST2 · N = 66,674 records · 10,000 queries · ε = 8, δ = 1.50e-5". */
export function scenarioLine(est: Estimate): string {
  const s = est.scenario;
  const data = s.preset === "custom" ? `Custom ${s.task}` : DATASETS[s.preset].label;
  return `${data} · N = ${formatCount(s.records)} records · ${countNoun(s.queries, "query", "queries")} · ε = ${s.epsilon}, δ = ${formatDelta(s.delta)}`;
}

function engineNotes(est: Estimate): string[] {
  const notes = new Set<string>();
  for (const r of est.rows) {
    for (const m of r.breakdown.gpu?.memory ?? []) {
      if (!m.fits || m.gpusNeeded > 1) notes.add(`${r.modelLabel} (${m.purpose}): ${m.advice}.`);
    }
  }
  for (const w of est.warnings) notes.add(`${w.field}: ${w.message}`);
  return [...notes];
}

/** The decision in words (lib/decide); the page shows it above everything else. */
export function answerView(est: Estimate): AnswerView {
  const d = est.decision;
  return {
    answer: d.answer?.sentence ?? null,
    relax: d.relax.map((r) => r.sentence),
    runnerUp: d.runnerUp?.sentence ?? null,
    robustness: d.robustness,
    epsilon: d.epsilon.used !== d.epsilon.asked ? d.epsilon.sentence : null,
    notes: d.notes.filter((n) => n !== d.epsilon.sentence),
  };
}

export function presentEstimate(est: Estimate, options: PresentOptions = {}): Presentation {
  const computed = est.scenario.accountant;
  return {
    canonical: options.canonical ?? est.canonical,
    accountant: { requested: options.requestedAccountant ?? computed, computed },
    scenarioLine: scenarioLine(est),
    answer: answerView(est),
    summary: summaryView(est),
    table: comparisonTable(est),
    privacy: est.privacy.map(privacyView),
    skipped: est.skipped.map((s) => ({ label: `${METHODS[s.method].label} on ${s.model}`, reason: s.reason })),
    charts: {
      costSplit: costSplitChart(est),
      costVsQueries: costVsQueriesChart(est),
      utility: utilityChart(est),
      leakage: leakageChart(est),
      pareto: paretoChart(est),
    },
    notes: engineNotes(est),
  };
}
