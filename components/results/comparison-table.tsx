"use client";

import { Fragment, useCallback, useId, useMemo, useState, type ReactNode } from "react";
import type { ColumnId, ComparisonTable as Table, SortState, TableColumn, TableRow } from "@/lib";
import { filterRows, leakBadges, MAX_COMPARED, NO_FILTERS, sortRows, statementHref, togglePicked, type RowFilters } from "@/lib/light";

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

/** "Total cost (USD)": a column's header with its unit, as the CSV and the detail rows write it. */
function headerText(c: TableColumn): string {
  return c.unit ? `${c.header} (${c.unit})` : c.header;
}

/** A sortable column header: a button that cycles ascending → descending → table order. */
function SortHeader({ column, label, sort, onSort, className }: { column: ColumnId; label: ReactNode; sort: SortState | null; onSort: (c: ColumnId) => void; className: string }) {
  const direction = sort?.column === column ? sort.direction : undefined;
  return (
    <th scope="col" aria-sort={direction ?? "none"} className={className}>
      <button type="button" onClick={() => onSort(column)}>
        {label}
        <span aria-hidden="true" className="sort-mark">{direction === "ascending" ? " ▲" : direction === "descending" ? " ▼" : ""}</span>
      </button>
    </th>
  );
}

/** The compact view's columns (issue #19): what a newcomer asks first; the rest is one click away. */
const COMPACT: readonly ColumnId[] = ["method", "model", "total", "utility", "epsilon", "provider"];

/** The "what reaches the provider" badges of a row (lib/present/table-view.ts leakBadges). */
function LeakBadges({ row }: { row: TableRow }) {
  return (
    <ul className="badges">
      {leakBadges(row).map((b) => <li key={b.text} className={`badge leak-badge-${b.tone}`}>{b.text}</li>)}
    </ul>
  );
}

/** A compact cell: one figure (never broken) and, beside it, what kind of figure it is. */
function CompactCell({ row, id }: { row: TableRow; id: ColumnId }) {
  const c = row.cells;
  switch (id) {
    case "utility":
      return (
        <td className="col-utility" title={c.utility.source}>
          {c.utility.value === null ? null : <span className="figure">{c.utility.text}</span>}{" "}
          <span className={`badge kind-badge kind-${String(c.utilityKind.value)}`}>{c.utilityKind.text}</span>
        </td>
      );
    case "epsilon":
      // A figure is a number that never wraps; "infeasible: achieves … (needs ε ≥ …)" is a sentence and may.
      return c.epsilon.value === null
        ? <td className="col-epsilon epsilon-note" title={c.epsilon.source}>{c.epsilon.text}</td>
        : <td className="col-epsilon num" title={c.epsilon.source}>{c.epsilon.text} <span className="muted">{c.accountant.text}</span></td>;
    case "provider":
      return <td className="col-provider" title={c.provider.source}><LeakBadges row={row} /></td>;
    default: {
      const cell = c[id];
      // A figure is right-aligned and never wraps; an unknown one ("no price — set price.<model>") is words and may.
      const numeric = typeof cell.value === "number";
      return (
        <td title={cell.source} data-testid={id === "total" ? `total-${row.method}-${row.model}` : undefined}
          className={[`col-${id}`, numeric ? "num" : "", cell.value === null ? "unknown" : ""].filter(Boolean).join(" ")}>
          {cell.text}
        </td>
      );
    }
  }
}

/** The last cell of a row: its printable statement, and the box that picks it for the side-by-side view. */
function OptionCell({ row, label, statementQuery, picked, full, onPick }: { row: TableRow; label: string; statementQuery: string | undefined; picked: boolean; full: boolean; onPick: () => void }) {
  return (
    <td className="col-option">
      {statementQuery !== undefined ? (
        <a href={statementHref(statementQuery, row.method, row.model)} aria-label={`Statement for ${label}`}>Statement</a>
      ) : null}
      <label className="pick">
        <input type="checkbox" checked={picked} disabled={!picked && full} onChange={onPick} aria-label={`Compare ${label}`} />
        <span aria-hidden="true">compare</span>
      </label>
    </td>
  );
}

/**
 * Two to four picked options side by side: one column per option, one row per figure of the
 * full table (with units), so nothing the compact view hides is lost.
 */
function SideBySide({ table, rows, onClear }: { table: Table; rows: TableRow[]; onClear: () => void }) {
  const id = useId();
  const labels = rows.map((r) => `${r.cells.method.text} on ${r.cells.model.text}`);
  return (
    <section className="side-by-side-compare" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Side by side</h3>
      <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className="data compare-table">
          <caption id={`${id}-caption`}>{labels.join(" vs ")}</caption>
          <thead>
            <tr>
              <td />
              {labels.map((l) => <th key={l} scope="col">{l}</th>)}
            </tr>
          </thead>
          <tbody>
            {table.columns.filter((c) => c.id !== "method" && c.id !== "model").map((c) => (
              <tr key={c.id}>
                <th scope="row">{headerText(c)}</th>
                {rows.map((r) => <td key={r.key} title={r.cells[c.id].source} className={c.numeric && r.cells[c.id].value !== null ? "num" : undefined}>{r.cells[c.id].text}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" onClick={onClear}>Clear the comparison</button>
    </section>
  );
}

const FILTERS: { key: keyof RowFilters; label: string }[] = [
  { key: "feasibleOnly", label: "Feasible only" },
  { key: "measuredOnly", label: "Measured accuracy only" },
  { key: "localOnly", label: "Nothing leaves my machines" },
];

/**
 * The comparison table (issue #19). By default a compact view that fits a laptop screen: method,
 * model, total cost, the study's accuracy with its kind, ε achieved and what reaches the provider
 * as badges; "More columns" shows all thirteen, and each row's Sources button lists every column
 * with its source. Filters (feasible, measured, nothing leaves), sorting by any column (unknown
 * values last), a statement link per row, two to four rows side by side, and "Copy as CSV" with
 * exactly the rows shown (all columns).
 *
 * @param statementQuery the scenario's canonical query: each row links to its statement with it.
 */
export function ComparisonTable({ table, statementQuery }: { table: Table; statementQuery?: string }) {
  const id = useId();
  const [sort, setSort] = useState<SortState | null>(null);
  const [status, setStatus] = useState("");
  const [open, toggle] = useOpenRows();
  const [all, setAll] = useState(false);
  const [filters, setFilters] = useState<RowFilters>(NO_FILTERS);
  const [picked, setPicked] = useState<string[]>([]);
  const rows = useMemo(() => sortRows(filterRows(table.rows, filters), sort), [table.rows, filters, sort]);
  const onSort = useCallback((c: ColumnId) => setSort((s) => nextSort(s, c)), []);
  const columns = all ? table.columns : COMPACT.map((cid) => table.columns.find((c) => c.id === cid)).filter((c): c is TableColumn => c !== undefined);
  const colSpan = columns.length + 1;
  // A picked option that the scenario no longer compares drops out.
  const pickedRows = picked.map((k) => table.rows.find((r) => r.key === k)).filter((r): r is TableRow => r !== undefined);

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
  const pick = (r: TableRow, label: string) => {
    const next = togglePicked(picked.filter((k) => pickedRows.some((p) => p.key === k)), r.key);
    setPicked(next);
    setStatus(next.includes(r.key) ? `${label} picked to compare (${next.length} of up to ${MAX_COMPARED}).` : `${label} removed from the comparison.`);
  };

  return (
    <div className="comparison">
      <div className="toolbar">
        <fieldset className="table-filters">
          <legend>Show</legend>
          {FILTERS.map((f) => (
            <label key={f.key} className="inline">
              <input type="checkbox" checked={filters[f.key]} onChange={(e) => setFilters((prev) => ({ ...prev, [f.key]: e.target.checked }))} /> {f.label}
            </label>
          ))}
          <label className="inline">
            <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> More columns
          </label>
        </fieldset>
        <button type="button" onClick={() => void copyCsv()}>Copy as CSV</button>
        <button type="button" onClick={() => void downloadCsv()}>Download CSV</button>
        <span className="status" role="status">{status}</span>
      </div>
      <p className="help table-count">
        {rows.length === table.rows.length ? `${table.rows.length} options.` : `Showing ${rows.length} of ${table.rows.length} options.`}
        {" "}Pick 2 to {MAX_COMPARED} with “compare” to see them side by side.
      </p>
      <div className={`table-scroll comparison-scroll${all ? " all-columns" : ""}`} role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className={`data comparison-table${all ? " all-columns" : " compact"}`}>
          <caption id={`${id}-caption`}>{table.caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <SortHeader key={c.id} column={c.id} sort={sort} onSort={onSort} className={c.numeric ? `num col-${c.id}` : `col-${c.id}`}
                  label={<>{c.header}{c.unit ? <span className="unit"> ({c.unit})</span> : null}</>} />
              ))}
              <th scope="col" className="col-option">This option</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr><td colSpan={colSpan} className="empty">No option matches these filters.</td></tr>
            ) : null}
            {rows.map((r) => {
              const expanded = open.has(r.key);
              const controls = detailId(id, r.key);
              const label = `${r.cells.method.text} on ${r.cells.model.text}`;
              const isPicked = pickedRows.some((p) => p.key === r.key);
              return (
                <Fragment key={r.key}>
                  <tr className={r.feasible ? undefined : "infeasible"}>
                    {columns.map((c) => {
                      const cell = r.cells[c.id];
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
                      if (!all) return <CompactCell key={c.id} row={r} id={c.id} />;
                      const testId = c.id === "total" ? `total-${r.method}-${r.model}` : undefined;
                      const unknown = cell.value === null && c.numeric;
                      return (
                        <td key={c.id} title={cell.source} data-testid={testId} className={[`col-${c.id}`, c.numeric ? "num" : "", unknown ? "unknown" : "", c.id === "provider" ? `leak-${String(cell.value)}` : ""].filter(Boolean).join(" ") || undefined}>
                          {cell.text}
                        </td>
                      );
                    })}
                    <OptionCell row={r} label={label} statementQuery={statementQuery} picked={isPicked} full={pickedRows.length >= MAX_COMPARED} onPick={() => pick(r, label)} />
                  </tr>
                  {expanded ? (
                    <SourcesRow
                      id={controls}
                      label={label}
                      colSpan={colSpan}
                      entries={table.columns.map((c) => ({
                        columns: [{ header: headerText(c), value: r.cells[c.id].text }],
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
      {pickedRows.length >= 2 ? <SideBySide table={table} rows={pickedRows} onClear={() => { setPicked([]); setStatus("Comparison cleared."); }} /> : null}
    </div>
  );
}
