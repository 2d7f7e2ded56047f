"use client";

import type { PrivacyView } from "@/lib";

/** ε, δ, noise and budget per method: each ε names its accountant (data-testid="epsilon-<method>"). */
export function PrivacyTable({ privacy, prvPending }: { privacy: PrivacyView[]; prvPending: boolean }) {
  return (
    <div className="table-scroll" role="region" aria-label="Privacy per method" tabIndex={0}>
      <table className="data">
        <caption>Privacy per method</caption>
        <thead>
          <tr>
            <th scope="col">Method</th>
            <th scope="col">ε achieved</th>
            <th scope="col" className="privacy-accountant">Accountant</th>
            <th scope="col">δ</th>
            <th scope="col">Calibrated noise</th>
            <th scope="col">Budget use</th>
          </tr>
        </thead>
        <tbody>
          {privacy.map((p) => {
            const rdpPending = prvPending && p.accountantId === "rdp";
            return (
              <tr key={p.method} className={p.feasible ? undefined : "infeasible"}>
                <th scope="row" title={p.sources.join("\n")}>{p.label}</th>
                <td className="num" data-testid={`epsilon-${p.method}`} title={p.epsilon.source}>
                  {p.feasible ? p.epsilon.text.replace(/ \((PRV|RDP).*\)$/, "") : p.epsilon.text}
                </td>
                <td title={p.epsilon.source}>{rdpPending ? "RDP (upper bound; PRV computing…)" : p.accountant}</td>
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
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
