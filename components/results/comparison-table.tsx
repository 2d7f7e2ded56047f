"use client";

import { Fragment, useCallback, useId, useMemo, useState, type ReactNode } from "react";
import type { ColumnId, ComparisonTable as Table, SortState } from "@/lib";
import { sortRows } from "@/lib/light";

function nextSort(current: SortState | null, column: ColumnId): SortState | null {
  if (current?.column !== column) return { column, direction: "ascending" };
  if (current.direction === "ascending") return { column, direction: "descending" };
  return null;
}

/** A DOM id from a row key ("dp-icl|gpt-4-turbo"): ids must not hold whitespace; keep them plain. */
export function detailId(base: string, key: string): string {
  return `${base}-sources-${key.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

/** Which rows have their sources open, by row key (survives sorting; nothing open at first paint). */
export function useOpenRows(): [ReadonlySet<string>, (key: string) => void] {
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = useCallback((key: string) => {
    setOpen((prev) => {
      const next = new Set(prev);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  }, []);
  return [open, toggle];
}

/**
 * The row's disclosure button, inside its row header: the keyboard and touch way to the sources
 * the cells' `title` tooltips only show on hover. No text content (an SVG chevron), so the row
 * header's text stays the method's name.
 */
export function SourcesButton({ label, expanded, controls, onToggle }: { label: string; expanded: boolean; controls: string; onToggle: () => void }) {
  return (
    <button type="button" className="sources-toggle" aria-label={`Sources for ${label}`} aria-expanded={expanded} aria-controls={controls} onClick={onToggle}>
      <svg aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="12" height="12">
        <path d="M5 3l5 5-5 5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    </button>
  );
}

/** One entry of a detail row: the column(s) with the value shown, then the source, one line per line. */
export interface SourceEntry {
  /** Column headers with units, and the text their cells show. */
  columns: { header: string; value: string }[];
  source: string | undefined;
}

/** Consecutive columns citing the same source (ε and its accountant, utility and its basis) share one entry. */
export function groupEntries(entries: SourceEntry[]): SourceEntry[] {
  const out: SourceEntry[] = [];
  for (const e of entries) {
    const last = out[out.length - 1];
    if (last && e.source && last.source === e.source) last.columns = [...last.columns, ...e.columns];
    else out.push({ columns: [...e.columns], source: e.source });
  }
  return out;
}

/** The detail row below a row: rendered only while open, one cell spanning the table. */
export function SourcesRow({ id, label, colSpan, entries }: { id: string; label: string; colSpan: number; entries: SourceEntry[] }) {
  return (
    <tr id={id} className="sources-row">
      <td colSpan={colSpan}>
        <div className="sources-detail">
          <p className="sources-title">Sources for {label}</p>
          <dl>
            {groupEntries(entries).map((e) => (
              <Fragment key={e.columns.map((c) => c.header).join("|")}>
                <dt>
                  {e.columns.map((c, i): ReactNode => (
                    <Fragment key={c.header}>
                      {i > 0 ? "; " : null}
                      {c.header}: <span className="sources-value">{c.value}</span>
                    </Fragment>
                  ))}
                </dt>
                <dd>
                  {e.source
                    ? e.source.split("\n").filter((line) => line.trim() !== "").map((line, i) => <span key={i} className="sources-line">{line}</span>)
                    : <span className="sources-line sources-missing">No source recorded.</span>}
                </dd>
              </Fragment>
            ))}
          </dl>
        </div>
      </td>
    </tr>
  );
}

/**
 * The comparison table: sortable by any column (unknown values last), units in the headers,
 * every number's source in its tooltip and, for keyboard and touch, in a detail row that each
 * row's "Sources" button opens; and "Copy as CSV" with exactly the rows shown.
 */
export function ComparisonTable({ table }: { table: Table }) {
  const id = useId();
  const [sort, setSort] = useState<SortState | null>(null);
  const [status, setStatus] = useState("");
  const [open, toggle] = useOpenRows();
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
                  <th key={c.id} scope="col" aria-sort={direction ?? "none"} className={c.numeric ? `num col-${c.id}` : `col-${c.id}`}>
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
            {rows.map((r) => {
              const expanded = open.has(r.key);
              const controls = detailId(id, r.key);
              const label = `${r.cells.method.text} on ${r.cells.model.text}`;
              return (
                <Fragment key={r.key}>
                  <tr className={r.feasible ? undefined : "infeasible"}>
                    {table.columns.map((c) => {
                      const cell = r.cells[c.id];
                      const testId = c.id === "total" ? `total-${r.method}-${r.model}` : undefined;
                      const unknown = cell.value === null && c.numeric;
                      if (c.id === "method") {
                        return (
                          <th key={c.id} scope="row" title={cell.source}>
                            <span className="row-head">
                              {cell.text}
                              <SourcesButton label={label} expanded={expanded} controls={controls} onToggle={() => toggle(r.key)} />
                            </span>
                          </th>
                        );
                      }
                      return (
                        <td key={c.id} title={cell.source} data-testid={testId} className={[`col-${c.id}`, c.numeric ? "num" : "", unknown ? "unknown" : "", c.id === "provider" ? `leak-${String(cell.value)}` : ""].filter(Boolean).join(" ") || undefined}>
                          {cell.text}
                        </td>
                      );
                    })}
                  </tr>
                  {expanded ? (
                    <SourcesRow
                      id={controls}
                      label={label}
                      colSpan={table.columns.length}
                      entries={table.columns.map((c) => ({
                        columns: [{ header: c.unit ? `${c.header} (${c.unit})` : c.header, value: r.cells[c.id].text }],
                        source: r.cells[c.id].source,
                      }))}
                    />
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
