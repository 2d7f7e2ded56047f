"use client";

import { useMemo, useState } from "react";
import { ChartFigure } from "../charts/chart-figure";
import { LazyDetails } from "../lazy-details";
import { useCalculator } from "../calculator/calculator-provider";
import { ComparisonTable } from "./comparison-table";
import { PrivacyTable } from "./privacy-table";
import { ShareBar } from "./share-bar";
import { Answer, Summary } from "./summary";
import { WhatWouldChange } from "./what-would-change";

function AccountantStatus({ requested, computed, pending, error }: { requested: string; computed: string; pending: boolean; error: string | null }) {
  const text = error
    ? `Could not compute this scenario (${error}); the figures below are for the previous one.`
    : pending || (requested === "prv" && computed !== "prv")
    ? "ε figures: RDP (upper bound; PRV computing…)"
    : `ε figures: ${computed === "prv" ? "PRV (tight numerical bounds)" : "RDP (upper bound)"}; each ε names its accountant.`;
  return <p className="accountant-status" role="status" aria-live="polite">{text}</p>;
}

export function Results() {
  const { evaluation, prvPending, updating, engineError } = useCalculator();
  const p = evaluation.presentation;
  const [log, setLog] = useState(false);
  // The tables re-render only when their figures change: typing flips `updating` at once, and
  // re-rendering 35 rows for it cost ~25 ms before the new figures were even asked for.
  const summaryEl = useMemo(() => <Summary summary={p.summary} />, [p.summary]);
  const answerEl = useMemo(() => <Answer answer={p.answer} />, [p.answer]);
  const tableEl = useMemo(() => <ComparisonTable table={p.table} statementQuery={p.canonical} />, [p.table, p.canonical]);
  const privacyEl = useMemo(() => <PrivacyTable privacy={p.privacy} prvPending={prvPending} />, [p.privacy, prvPending]);
  // Stable while `log` is unchanged, so the memoised chart figures can skip redrawing.
  const logControl = useMemo(() => <label className="inline"><input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} /> Log scale</label>, [log]);
  return (
    <section className="results" aria-labelledby="results-title" aria-busy={updating || prvPending || undefined}>
      <div className="results-head">
        <h2 id="results-title" tabIndex={-1}>Results</h2>
        <p className="scenario-line">{p.scenarioLine}</p>
        <AccountantStatus requested={p.accountant.requested} computed={p.accountant.computed} pending={prvPending} error={engineError} />
        <ShareBar />
      </div>
      {answerEl}
      {summaryEl}

      <h2>Comparison</h2>
      <p className="help">Hover a number for its formula, inputs and source, or open a row’s Sources button (keyboard and touch). Sort by any column.</p>
      {tableEl}
      {p.skipped.length > 0 ? (
        <LazyDetails className="skipped" summary={`${p.skipped.length} pairing${p.skipped.length === 1 ? "" : "s"} not compared`}>
          <ul>{p.skipped.map((s) => <li key={s.label}>{s.label}: {s.reason}</li>)}</ul>
        </LazyDetails>
      ) : null}
      {p.notes.length > 0 ? (
        <ul className="notes">{p.notes.map((n) => <li key={n}>{n}</li>)}</ul>
      ) : null}

      <h2>Privacy per method</h2>
      {privacyEl}

      <h2>Charts</h2>
      <div className="charts">
        <ChartFigure name="training-vs-query-cost" spec={{ kind: "costSplit", chart: p.charts.costSplit, log }} controls={logControl} />
        <ChartFigure name="cost-vs-queries" spec={{ kind: "costVsQueries", chart: p.charts.costVsQueries }} />
        <ChartFigure name="utility-vs-epsilon" spec={{ kind: "utility", chart: p.charts.utility }} />
        <ChartFigure name="leakage" spec={{ kind: "leakage", chart: p.charts.leakage }} twoPanel />
        <ChartFigure name="cost-vs-utility" spec={{ kind: "pareto", chart: p.charts.pareto }} />
      </div>
      <WhatWouldChange />
    </section>
  );
}
