/**
 * What the calculator page shows, computed as plain data (no React): the comparison table, the
 * summary, per-method privacy, the five charts with their conclusions, the scenario form's
 * fields, and the study reproduction. Public surface of lib/present.
 */
export * from "./types";
export * from "./format";
export { answerView, presentEstimate, scenarioLine, type PresentOptions } from "./present-estimate";
export { comparisonTable, costSource, leakClassOf, optionLabel, privacyView, providerSees, rowKey, summaryView, tableColumns, tableRow } from "./table";
export { cheapestPerMethod, costSplitChart, feasibleRows, costVsQueriesChart, leakageChart, paretoChart, paretoFront, utilityChart, utilityDataset } from "./charts";
export { csvHeader, tableToCsv } from "./csv";
export { formModel, type FormModel, type FormField, type FormOption, type KnobGroup, type MethodSettingField } from "./form-model";
export { setupValues, type SetupChoice } from "./setup";
export { carriedOverTokens, type DatasetTokenLengths } from "./carried-over";
export { reportedByAuthorsView, type AuthorsSection } from "./reported-by-authors";
export { reproduceView, COST_LABEL_TEXT, type ReproduceView, type ReproduceCostRow, type ReproduceGpuPart, type ReproduceUtilityRow } from "./reproduce";
export { sortRows, type SortState } from "./sort";
export { filterRows, leakBadges, statementHref, togglePicked, MAX_COMPARED, NO_FILTERS, type LeakBadge, type RowFilters } from "./table-view";
export { fieldLabel, linkProblemView, linkWarningView, readableAllowed, type LinkProblemView } from "./link-problem";
export { authorsReproduceView, type AuthorsReproduceView, type AuthorsBudgetRow, type AuthorsCostRow, type AuthorsUtilityRow } from "./reproduce-authors";
