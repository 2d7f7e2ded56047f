/**
 * What the comparison table's controls do to its rows (issue #19): the three filters a newcomer
 * asks for, the "what reaches the provider" badges, and the link to one row's printable statement.
 * No run-time imports from the rest of lib/, so the client can use it without the engines.
 */
import type { TableRow } from "./types";

export interface RowFilters {
  /** Only options that can run as planned at this ε (row.feasible: privacy, data, context). */
  feasibleOnly: boolean;
  /** Only options whose utility the study measured (kind "measured"; not interpolated, not a reference). */
  measuredOnly: boolean;
  /** Only options where no private record and no query reaches a provider (channels A and B protected). */
  localOnly: boolean;
}

export const NO_FILTERS: RowFilters = { feasibleOnly: false, measuredOnly: false, localOnly: false };

/** The rows the filters keep, in their order. */
export function filterRows(rows: readonly TableRow[], f: RowFilters): TableRow[] {
  return rows.filter((r) =>
    (!f.feasibleOnly || r.feasible)
    && (!f.measuredOnly || r.cells.utilityKind.value === "measured")
    && (!f.localOnly || r.cells.provider.value === "none"));
}

export interface LeakBadge {
  text: string;
  /** "none" (nothing reaches a provider), "exposed" (raw private records do), else "partial". */
  tone: "none" | "partial" | "exposed";
}

/**
 * The "Provider receives" cell as short badges: one per thing the provider receives, from the
 * row's own "Provider sees" text (lib/present/table.ts `providerSees`, parts joined by " + "),
 * so the badge and the full column can never disagree. Raw private records are "exposed", a DP
 * artefact or the queries "partial"; a row where nothing leaves reads "nothing".
 */
export function leakBadges(row: TableRow): LeakBadge[] {
  const cell = row.cells.provider;
  if (cell.value === "none") return [{ text: "nothing", tone: "none" }];
  if (cell.value === null) return [{ text: cell.text, tone: "exposed" }];
  return cell.text.split(" + ").map((part) => ({ text: part, tone: part === "private records" ? "exposed" : "partial" }));
}

/**
 * The printable statement of one row: the scenario's canonical query plus `method` and `model`
 * (lib/api/statement.ts STATEMENT_KEYS; they are not share-link keys, so old links keep their meaning).
 * @example statementHref("preset=sst2", "dp-icl", "gpt-3-babbage") === "/statement?preset=sst2&method=dp-icl&model=gpt-3-babbage"
 */
export function statementHref(canonical: string, method: string, model: string): string {
  return `/statement?${canonical ? `${canonical}&` : ""}method=${encodeURIComponent(method)}&model=${encodeURIComponent(model)}`;
}

/** Up to this many rows can be picked to compare side by side. */
export const MAX_COMPARED = 4;

/** Add or remove a row key from the picked list; a fifth pick is refused (the list is returned unchanged). */
export function togglePicked(picked: readonly string[], key: string): string[] {
  if (picked.includes(key)) return picked.filter((k) => k !== key);
  if (picked.length >= MAX_COMPARED) return [...picked];
  return [...picked, key];
}
