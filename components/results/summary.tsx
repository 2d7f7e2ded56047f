import type { SummaryView } from "@/lib";

/** The three answers a reader wants first; each with its source in the tooltip. */
export function Summary({ summary }: { summary: SummaryView }) {
  const items: [string, SummaryView["cheapest"]][] = [
    ["Cheapest option", summary.cheapest],
    ["Most accurate by the study's figures", summary.mostAccurate],
    ["Leak nothing to the provider", summary.leakNothing],
  ];
  return (
    <dl className="summary">
      {items.map(([term, item]) => (
        <div key={term} className="summary-item">
          <dt>{term}</dt>
          <dd title={item?.source}>{item?.text ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}
