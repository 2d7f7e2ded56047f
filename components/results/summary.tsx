import type { AnswerView, SummaryView } from "@/lib";

/** The answer under the must-haves, in one sentence (lib/decide): the first thing the results say. */
export function Answer({ answer: a }: { answer: AnswerView }) {
  return (
    <div className="answer" role="status" aria-live="polite">
      <p>
        <strong>The answer:</strong> {a.answer ?? `No option meets every must-have.${a.relax.length > 0 ? ` To get one: ${a.relax.join("; or ")}.` : ""}`}
      </p>
      {a.epsilon ? <p className="help">{a.epsilon}</p> : null}
      {a.answer ? <p className="help">{a.robustness}{a.runnerUp ? ` Runner-up: ${a.runnerUp}` : ""}</p> : null}
      {a.notes.map((n) => <p key={n} className="help">{n}</p>)}
    </div>
  );
}

/** The three answers a reader wants first; each with its source in the tooltip. */
export function Summary({ summary }: { summary: SummaryView }) {
  const items: [string, SummaryView["cheapest"]][] = [
    ["Cheapest option", summary.cheapest],
    ["Most accurate by the study's figures", summary.mostAccurate],
    ["Leak nothing to the provider", summary.leakNothing],
  ];
  return (
    <>
      <dl className="summary">
        {items.map(([term, item]) => (
          <div key={term} className="summary-item">
            <dt>{term}</dt>
            <dd title={item?.source}>{item?.text ?? "—"}</dd>
          </div>
        ))}
      </dl>
      {summary.notCompared ? <p className="help summary-note">{summary.notCompared}</p> : null}
    </>
  );
}
