/**
 * The comparison table as CSV: exactly the table's rows, in the order shown, with unformatted
 * numbers (USD, records, copies) and the units in the header row. Unknown values are empty.
 */
import Papa from "papaparse";
import type { ComparisonTable, TableRow } from "./types";

/** "Total cost (USD)": a column's header with its unit, as the CSV's first row names it. */
export function csvHeader(column: ComparisonTable["columns"][number]): string {
  return column.unit ? `${column.header} (${column.unit})` : column.header;
}

/**
 * @param rows the rows as currently shown (sorted); defaults to the table's order
 * @example tableToCsv(table).split("\r\n")[0] // "Method,LLM,Model,Training cost (USD),…"
 */
export function tableToCsv(table: ComparisonTable, rows: readonly TableRow[] = table.rows): string {
  const header = table.columns.map(csvHeader);
  const body = rows.map((row) => table.columns.map((c) => {
    const v = row.cells[c.id].value;
    return v === null ? "" : typeof v === "number" ? String(v) : v;
  }));
  return Papa.unparse([header, ...body], { newline: "\r\n" });
}
