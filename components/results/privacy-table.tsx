"use client";

import { Fragment, useId } from "react";
import type { PrivacyView } from "@/lib";
import { detailId, SourcesButton, SourcesRow, useOpenRows, type SourceEntry } from "./comparison-table";

const COLUMNS = 6;

/** What each column cites, in column order: the detail row lists these (the cells show them as tooltips). */
function entries(p: PrivacyView, epsilonText: string, accountantText: string): SourceEntry[] {
  return [
    { columns: [{ header: "Method", value: p.label }], source: p.sources.join("\n") },
    { columns: [{ header: "ε achieved", value: epsilonText }, { header: "Accountant", value: accountantText }], source: p.epsilon.source },
    { columns: [{ header: "δ", value: p.delta.text }], source: p.delta.source },
    { columns: [{ header: "Calibrated noise", value: p.mechanism.text }], source: p.mechanism.source },
    { columns: [{ header: "Budget use", value: p.budget.text }], source: p.budget.source },
  ];
}

/**
 * ε, δ, noise and budget per method: each ε names its accountant (data-testid="epsilon-<method>").
 * Each figure's source is in its tooltip and, for keyboard and touch, in the detail row the
 * row's "Sources" button opens.
 */
export function PrivacyTable({ privacy, prvPending }: { privacy: PrivacyView[]; prvPending: boolean }) {
  const id = useId();
  const [open, toggle] = useOpenRows();
  return (
    <div className="table-scroll" role="region" aria-label="Privacy per method" tabIndex={0}>
      <table className="data privacy-table">
        <caption>Privacy per method</caption>
        <thead>
          <tr>
            <th scope="col">Method</th>
            <th scope="col">ε achieved</th>
            <th scope="col" className="privacy-accountant">Accountant</th>
            <th scope="col">δ</th>
            <th scope="col">Calibrated noise</th>
            <th scope="col" className="privacy-budget">Budget use</th>
          </tr>
        </thead>
        <tbody>
          {privacy.map((p) => {
            const rdpPending = prvPending && p.accountantId === "rdp";
            // The Accountant column names it, so the ε cell drops its " (accountant)" suffix: for every
            // accountant, not only PRV/RDP (Aug-PE's "8.00 (exact μ-GDP)" kept it, and its nowrap cell
            // made the table 21 px wider than its box at 1280 px on today's setup).
            const suffix = ` (${p.accountant})`;
            const epsilonText = !p.feasible ? p.epsilon.text
              : p.epsilon.text.endsWith(suffix) ? p.epsilon.text.slice(0, -suffix.length)
              : p.epsilon.text.replace(/ \((PRV|RDP).*\)$/, "");
            const accountantText = rdpPending ? "RDP (upper bound; PRV computing…)" : p.accountant;
            const expanded = open.has(p.method);
            const controls = detailId(id, p.method);
            return (
              <Fragment key={p.method}>
                <tr className={p.feasible ? undefined : "infeasible"}>
                  <th scope="row" title={p.sources.join("\n")}>
                    <span className="row-head">
                      {p.label}
                      <SourcesButton label={p.label} expanded={expanded} controls={controls} onToggle={() => toggle(p.method)} />
                    </span>
                  </th>
                  <td className="num" data-testid={`epsilon-${p.method}`} title={p.epsilon.source}>{epsilonText}</td>
                  <td title={p.epsilon.source}>{accountantText}</td>
                  <td className="num" title={p.delta.source}>{p.delta.text}</td>
                  <td title={p.mechanism.source}>{p.mechanism.text}</td>
                  <td title={p.budget.source}>
                    {p.budget.text}
                    {p.originalCode ? (
                      <details className="original-code">
                        <summary>As the original code computes it</summary>
                        <p>{p.originalCode}</p>
                      </details>
                    ) : null}
                  </td>
                </tr>
                {expanded ? <SourcesRow id={controls} label={p.label} colSpan={COLUMNS} entries={entries(p, epsilonText, accountantText)} /> : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
