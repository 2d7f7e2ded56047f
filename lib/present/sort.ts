/**
 * Sorting the comparison table by a column: numbers numerically, text alphabetically, unknown
 * values (null) always last whatever the direction, ties in the table's original order.
 * No run-time imports from the rest of lib/, so the client can use it.
 */
import type { ColumnId, TableRow } from "./types";

export interface SortState {
  column: ColumnId;
  direction: "ascending" | "descending";
}

export function sortRows(rows: readonly TableRow[], sort: SortState | null): TableRow[] {
  if (sort === null) return [...rows];
  const sign = sort.direction === "ascending" ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const x = a.row.cells[sort.column].value;
      const y = b.row.cells[sort.column].value;
      if (x === null || y === null) return x === y ? a.index - b.index : x === null ? 1 : -1;
      const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "en");
      return c !== 0 ? sign * c : a.index - b.index;
    })
    .map((e) => e.row);
}
