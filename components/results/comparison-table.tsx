"use client";

import { useId, useMemo, useState } from "react";
import type { ColumnId, ComparisonTable as Table, SortState } from "@/lib";
import { sortRows } from "@/lib/present/sort";

function nextSort(current: SortState | null, column: ColumnId): SortState | null {
  if (current?.column !== column) return { column, direction: "ascending" };
  if (current.direction === "ascending") return { column, direction: "descending" };
  return null;
}

/**
 * The comparison table: sortable by any column (unknown values last), units in the headers,
 * every number's source in its tooltip, and "Copy as CSV" with exactly the rows shown.
 */
export function ComparisonTable({ table }: { table: Table }) {
  const id = useId();
  const [sort, setSort] = useState<SortState | null>(null);
  const [status, setStatus] = useState("");
  const rows = useMemo(() => sortRows(table.rows, sort), [table.rows, sort]);

  const copyCsv = async () => {
    const { tableToCsv } = await import("@/lib/present/csv");
    const csv = tableToCsv(table, rows);
    try {
      await navigator.clipboard.writeText(csv);
      setStatus(`Copied ${rows.length} rows as CSV.`);
    } catch {
      setStatus("The browser refused the clipboard; use Download CSV.");
    }
  };
  const downloadCsv = async () => {
    const { tableToCsv } = await import("@/lib/present/csv");
    const { downloadBlob } = await import("../charts/export-image");
    downloadBlob(new Blob([tableToCsv(table, rows)], { type: "text/csv" }), "privadapt-comparison.csv");
    setStatus("Downloaded privadapt-comparison.csv.");
  };

  return (
    <div className="comparison">
      <div className="toolbar">
        <button type="button" onClick={() => void copyCsv()}>Copy as CSV</button>
        <button type="button" onClick={() => void downloadCsv()}>Download CSV</button>
        <span className="status" role="status">{status}</span>
      </div>
      <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className="data comparison-table">
          <caption id={`${id}-caption`}>{table.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => {
                const direction = sort?.column === c.id ? sort.direction : undefined;
                return (
                  <th key={c.id} scope="col" aria-sort={direction ?? "none"} className={c.numeric ? "num" : undefined}>
                    <button type="button" onClick={() => setSort((s) => nextSort(s, c.id))}>
                      {c.header}
                      {c.unit ? <span className="unit"> ({c.unit})</span> : null}
                      <span aria-hidden="true" className="sort-mark">{direction === "ascending" ? " ▲" : direction === "descending" ? " ▼" : ""}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className={r.feasible ? undefined : "infeasible"}>
                {table.columns.map((c) => {
                  const cell = r.cells[c.id];
                  const testId = c.id === "total" ? `total-${r.method}-${r.model}` : undefined;
                  const unknown = cell.value === null && c.numeric;
                  if (c.id === "method") {
                    return <th key={c.id} scope="row" title={cell.source}>{cell.text}</th>;
                  }
                  return (
                    <td key={c.id} title={cell.source} data-testid={testId} className={[`col-${c.id}`, c.numeric ? "num" : "", unknown ? "unknown" : "", c.id === "provider" ? `leak-${String(cell.value)}` : ""].filter(Boolean).join(" ") || undefined}>
                      {cell.text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
