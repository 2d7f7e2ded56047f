/**
 * What the calculator page shows, as plain data: the comparison table, the summary, the
 * per-method privacy and the five charts' series, each with its display text and source.
 *
 * Everything here is JSON-serializable (no functions, no Infinity, no NaN), so the same
 * `Presentation` is computed on the server for the first paint and in a Web Worker afterwards,
 * and crosses both boundaries unchanged. Components only render it.
 */
import type { AccountantId, LlmFamily, MethodId, ModelId } from "../scenario";

/** One table cell: the raw value (CSV, sorting), the text shown, and where it comes from. */
export interface Cell {
  /** Unformatted: a number in the column's unit, a string, or null when unknown. */
  value: number | string | null;
  text: string;
  /** One hover away: the formula with its inputs, or the study table. */
  source?: string;
}

export type ColumnId =
  | "method" | "llm" | "model" | "training" | "query" | "total" | "epsilon" | "accountant" | "utility" | "utilityKind"
  | "records" | "queryCopies" | "provider";

export interface TableColumn {
  id: ColumnId;
  header: string;
  /** Unit shown in the header, e.g. "USD"; empty for text columns. */
  unit: string;
  numeric: boolean;
}

export interface TableRow {
  key: string;
  method: MethodId;
  model: ModelId;
  llm: LlmFamily;
  /** False when the budget cannot run the method's planned workload (shown, never recommended). */
  feasible: boolean;
  cells: Record<ColumnId, Cell>;
}

export interface ComparisonTable {
  caption: string;
  columns: TableColumn[];
  rows: TableRow[];
}

/** A method's privacy, once (rows repeat it per model). */
export interface PrivacyView {
  method: MethodId;
  label: string;
  llm: LlmFamily;
  feasible: boolean;
  /** "8.00"; "∞" when unbounded. */
  epsilon: Cell;
  /** Display name of the accountant that produced ε, e.g. "PRV". */
  accountant: string;
  accountantId: string;
  delta: Cell;
  /** σ or the method's calibrated mechanism parameter. */
  mechanism: Cell;
  budget: Cell;
  /** When the original code reports a different ε for its own setting. */
  originalCode: string | null;
  notes: string[];
  sources: string[];
}

export interface SummaryItem {
  text: string;
  source: string;
}

export interface SummaryView {
  cheapest: SummaryItem | null;
  mostAccurate: SummaryItem | null;
  /** Options whose training records and queries never reach a provider (channels A and B protected). */
  leakNothing: SummaryItem;
  /**
   * The methods left out of the three answers because they cannot run as planned, as its own
   * sentence beside the cards (inside the cheapest card it read as if it were about that option).
   */
  notCompared?: string;
}

/** The accessible data-table fallback of a chart: display strings only. */
export interface ChartDataTable {
  caption: string;
  columns: string[];
  rows: string[][];
}

interface ChartBase {
  /** The conclusion, computed from the data. */
  title: string;
  /** What is plotted, with units. */
  description: string;
  /** Pixel height the chart needs, known before it loads (no layout shift). */
  height: number;
  table: ChartDataTable;
}

export interface CostSplitBar {
  key: string;
  label: string;
  method: MethodId;
  model: ModelId;
  llm: LlmFamily;
  trainingUsd: number | null;
  queryUsd: number | null;
  totalUsd: number | null;
  missing: string | null;
}

export interface CostSplitChart extends ChartBase {
  queries: number;
  bars: CostSplitBar[];
}

export interface CostSeriesView {
  key: string;
  label: string;
  method: MethodId;
  model: ModelId;
  llm: LlmFamily;
  /** Total cost in USD at each of the chart's query volumes; null where a price is missing. */
  totalUsd: (number | null)[];
  /**
   * The band around `totalUsd` when the row's GPU cost is modelled or scaled (lib/cost
   * `totalCostUsdRange`: the GPU-hour model's leave-one-out 10th–90th percentile error range, at
   * the scenario's GPU price); absent when the cost is measured or API-only.
   */
  bandUsd?: { low: number[]; high: number[] };
}

export interface BreakEvenPoint {
  key: string;
  queries: number;
  costUsd: number;
  label: string;
}

export interface CostVsQueriesChart extends ChartBase {
  queries: number[];
  scenarioQueries: number;
  series: CostSeriesView[];
  breakEven: BreakEvenPoint[];
}

export type UtilityPointKindView = "measured" | "interpolated" | "plateau";

export interface UtilityPointView {
  epsilon: number;
  value: number;
  kind: UtilityPointKindView;
  spread: number | null;
  source: string;
  note?: string;
}

export interface UtilitySeriesView {
  key: string;
  label: string;
  method: MethodId;
  model: ModelId;
  points: UtilityPointView[];
}

export interface UtilityChart extends ChartBase {
  metricLabel: string;
  unit: string;
  /** The study dataset the points come from (the nearest one for a custom scenario). */
  datasetLabel: string;
  reference: boolean;
  chosenEpsilon: number;
  series: UtilitySeriesView[];
}

export type LeakClass = "none" | "partial" | "exposed";

export interface LeakageBar {
  key: string;
  label: string;
  method: MethodId;
  /** Who receives the records and queries; null when the model runs locally. */
  provider: string | null;
  records: number;
  fraction: number;
  queryCopies: number;
  querySends: number;
  leakClass: LeakClass;
  recordsSource: string;
  queriesSource: string;
}

export interface LeakageChart extends ChartBase {
  privateRecords: number;
  queries: number;
  bars: LeakageBar[];
}

export interface ParetoPoint {
  key: string;
  label: string;
  method: MethodId;
  model: ModelId;
  llm: LlmFamily;
  costUsd: number;
  utility: number;
  utilityKind: string;
  leakClass: LeakClass;
  onFront: boolean;
  source: string;
}

export interface ParetoChart extends ChartBase {
  metricLabel: string;
  unit: string;
  points: ParetoPoint[];
  /** Keys of the front, cheapest first. */
  front: string[];
}

export interface ChartsView {
  costSplit: CostSplitChart;
  costVsQueries: CostVsQueriesChart;
  utility: UtilityChart;
  leakage: LeakageChart;
  pareto: ParetoChart;
}

export interface AnswerView {
  /** The answer's sentence, or null when nothing meets every must-have. */
  answer: string | null;
  /** When nothing qualifies: what to relax, one clause each. */
  relax: string[];
  runnerUp: string | null;
  robustness: string;
  /** The ε the decision ran at, when maxEps raised it; else null. */
  epsilon: string | null;
  notes: string[];
}

export interface Presentation {
  /** The scenario's canonical query string (no `?`), with the requested accountant. */
  canonical: string;
  accountant: {
    /** What the scenario asks for. */
    requested: AccountantId;
    /** What produced these figures (RDP while PRV is still computing). */
    computed: AccountantId;
  };
  /** One line: dataset, N, queries, ε, δ. */
  scenarioLine: string;
  /** The decision under the must-haves (lib/decide), in words: the first thing the results show. */
  answer: AnswerView;
  summary: SummaryView;
  table: ComparisonTable;
  privacy: PrivacyView[];
  skipped: { label: string; reason: string }[];
  charts: ChartsView;
  /** Engine notes the reader should see (e.g. a model that needs two GPUs). */
  notes: string[];
}
