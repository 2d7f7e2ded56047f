"use client";

/**
 * "What would change the answer" (issue #18): the tornado chart of the answer's total cost over
 * each input's range, and on demand ("Find the thresholds") the flip thresholds, solved in lib by
 * bisection on the same engine (lib/decide/flips.ts), listed in text and drawn on the bars.
 *
 * Both run in their own Web Worker (Engine.analyse), never on the worker that follows typing; the
 * tornado is asked for once the panel is near the viewport, and only for the scenario that has
 * settled for ANALYSE_DELAY_MS, so typing does not start a search per keystroke.
 *
 * Like the charts' figures (chart-figure.tsx), this panel is part of the page's script and only
 * its drawing (recharts, ../charts/tornado-canvas.tsx) loads lazily, when first drawn.
 */
import { Suspense, lazy, useEffect, useId, useRef, useState } from "react";
import { formatFixed, formatUsd } from "@/lib/light";
import { SUPERSEDED, type DecisionAnalysis } from "../calculator/protocol";
import { useCalculator } from "../calculator/calculator-provider";
import { useNearViewport } from "../charts/chart-figure";
import { LazyDetails } from "../lazy-details";

/**
 * recharts and the tornado load when first drawn (a chunk of their own). React.lazy, not
 * next/dynamic: a module-level next/dynamic started loading the chunk when this module loaded, in
 * the component tests before the page's own charts were drawn, and PRV then landed first
 * (test/components/calculator.test.tsx "RDP first, then PRV"). Only drawn client-side, after an
 * analysis arrived, so there is nothing to render on the server.
 */
const TornadoCanvas = lazy(() => import("../charts/tornado-canvas").then((m) => ({ default: m.TornadoCanvas })));

/** How long the scenario must stay unchanged before its sensitivity is asked for. */
export const ANALYSE_DELAY_MS = 300;

export interface WhatWouldChangeViewProps {
  query: string;
  /** Whether the page's decision has an answer (the tornado moves the answer's cost). */
  hasAnswer: boolean;
  analyse: (query: string, flips: boolean) => Promise<DecisionAnalysis>;
  /**
   * Start the tornado unasked once near the viewport (true when the analysis runs in a Web Worker);
   * else a button draws it, so a search on the page's own thread never holds up typing.
   */
  auto: boolean;
  /** Tests draw the chart at a fixed width (jsdom has no layout). */
  chartWidth?: number;
}

type State = { query: string; analysis: DecisionAnalysis | null; pending: null | "sensitivity" | "flips"; error: string | null };

export function WhatWouldChange() {
  const { evaluation, analyse, analysisOffThread } = useCalculator();
  return <WhatWouldChangeView query={evaluation.query} hasAnswer={evaluation.presentation.answer.answer !== null} analyse={analyse} auto={analysisOffThread} />;
}

export function WhatWouldChangeView({ query, hasAnswer, analyse, auto, chartWidth }: WhatWouldChangeViewProps) {
  const id = useId();
  const box = useRef<HTMLElement>(null);
  const near = useNearViewport(box);
  const [state, setState] = useState<State>({ query, analysis: null, pending: null, error: null });
  const current = state.query === query ? state : { query, analysis: null, pending: null, error: null };
  // A result lands only on the state of its own scenario; the view shows a state only while its
  // scenario is the page's (`current`), so an older scenario's late answer is never shown.
  const run = (flips: boolean) => {
    const q = query;
    setState((s) => ({ ...(s.query === q ? s : { analysis: null, error: null }), query: q, pending: flips ? "flips" : "sensitivity", error: null }));
    analyse(q, flips).then(
      (analysis) => setState((s) => {
        if (s.query !== q) return s;
        // The tornado alone never replaces thresholds, nor ends a threshold search still running.
        if (!flips) return s.analysis?.flips ? s : { query: q, analysis, pending: s.pending === "flips" ? "flips" : null, error: null };
        return { query: q, analysis, pending: null, error: null };
      }),
      (e: unknown) => {
        // A newer scenario's analysis replaced the worker: this one's search ended unanswered.
        if (e instanceof Error && e.message === SUPERSEDED) return setState((s) => (s.query === q ? { ...s, pending: null } : s));
        setState((s) => (s.query === q ? { ...s, pending: null, error: e instanceof Error ? e.message : String(e) } : s));
      },
    );
  };

  const hasSensitivity = current.analysis !== null || current.pending !== null;
  useEffect(() => {
    if (!auto || !near || !hasAnswer || hasSensitivity) return;
    const t = setTimeout(() => run(false), ANALYSE_DELAY_MS);
    return () => clearTimeout(t);
    // `run` is re-made every render; the scenario (query) is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [auto, near, hasAnswer, hasSensitivity, query]);

  const a = current.analysis;
  const sens = a?.sensitivity ?? null;
  const who = sens?.option ? `${sens.option.methodLabel} on ${sens.option.modelLabel}` : null;
  return (
    <section ref={box} className="what-would-change" aria-labelledby={`${id}-title`} aria-busy={current.pending !== null || undefined} data-testid="what-would-change">
      <h2 id={`${id}-title`}>What would change the answer</h2>
      {!hasAnswer ? (
        <p className="help">Nothing meets every must-have, so there is no answer whose cost to move; the relaxations above say what would give one. The thresholds below say where an input, moved alone, gives one.</p>
      ) : null}
      {a && sens && who ? (
        <figure className="chart" aria-labelledby={`${id}-chart`} data-chart="tornado">
          <figcaption>
            <h3 id={`${id}-chart`}>{sens.bars[0] && sens.bars[0].swingUsd !== null ? `${sens.bars[0].label} moves the cost of ${who} most: by ${formatUsd(sens.bars[0].swingUsd)} over its range` : `Cost of ${who} over each input's range`}</h3>
            <p className="help">
              Total cost (training + queries, USD) of {who} when one input at a time moves over its stated range, the others as given; the dashed line is today&apos;s
              {sens.baseCostUsd === null ? " cost (no price)" : ` ${formatUsd(sens.baseCostUsd)}`}. Rows are sorted by swing. Dots mark flip thresholds once found. Computed with the RDP accountant (an upper bound on ε).
            </p>
          </figcaption>
          <div className="chart-body" style={{ ["--h" as string]: `${80 + 44 * Math.max(1, sens.bars.length)}px` }} role="img" aria-label={`Tornado chart of the total cost of ${who}. The data table below has the numbers.`}>
            {near ? <Suspense fallback={null}><TornadoCanvas sensitivity={sens} markers={a?.markers ?? []} width={chartWidth} /></Suspense> : null}
          </div>
          <LazyDetails className="chart-data" summary="Data table">
            <div className="table-scroll" role="region" aria-label={a.table.caption} tabIndex={0}>
              <table>
                <caption>{a.table.caption}</caption>
                <thead><tr>{a.table.columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr></thead>
                <tbody>{a.table.rows.map((r, i) => <tr key={i}>{r.map((cell, j) => (j === 0 ? <th key={j} scope="row">{cell}</th> : <td key={j}>{cell}</td>))}</tr>)}</tbody>
              </table>
            </div>
          </LazyDetails>
          {sens.omitted.length > 0 ? <ul className="notes">{sens.omitted.map((o) => <li key={o.input}>{o.label}: {o.reason}.</li>)}</ul> : null}
        </figure>
      ) : hasAnswer ? (
        current.pending === "sensitivity" ? <p className="help" role="status">Moving each input over its range…</p>
          : auto ? <p className="help" role="status">{current.error ? "" : "The sensitivity chart loads when you reach it."}</p>
          : <p><button type="button" onClick={() => run(false)}>Draw the cost sensitivity</button></p>
      ) : null}
      <div className="thresholds">
        <button type="button" onClick={() => run(true)} disabled={current.pending === "flips"}>Find the thresholds</button>
        <span className="help" role="status" aria-live="polite">
          {current.pending === "flips" ? " Solving by bisection on the same engine (a few seconds)…" : current.error ? ` Could not compute: ${current.error}` : a?.flips ? ` ${a.evaluations} estimates, ${formatFixed(a.ms / 1000, 1)} s.` : ""}
        </span>
        {a?.flips ? (
          a.flips.length === 0 ? (
            <p>No input, moved alone over its range, changes the answer.</p>
          ) : (
            <ul className="flips">{a.flips.map((f) => <li key={`${f.input}-${f.at}`}>{f.sentence}</li>)}</ul>
          )
        ) : null}
      </div>
    </section>
  );
}
