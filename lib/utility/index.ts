/**
 * The study's measured utility (issue #5): typed results, lookup at ε, chart series.
 * Public surface of lib/utility.
 */
export {
  MEASURED_RESULTS,
  type MeasuredResult, type PaperDatasetName, type PaperEpsilonKind, type PaperMethodName, type PaperModelName, type PaperTable, type UtilityMetric,
} from "./paper-results";
export { PAPER_DATASET_NAMES, PAPER_MODEL_NAMES, UTILITY_METRICS, paperMethodNames, type UtilityMetricInfo } from "./paper-names";
export {
  PROMPT_PATE_PLATEAU_EPSILON, STATED_PLATEAUS, TABLE_PREFERENCE, curveAnchors, lookupMeasuredUtility, measuredRows,
  type CurveAnchor, type MeasuredPoint, type UtilityBasis, type UtilityEstimate, type UtilityKind,
} from "./utility-lookup";
export { nearestReferenceDatasets, utilityFor } from "./utility-for";
export { DEFAULT_CURVE_EPSILONS, utilityCurve, type UtilityCurvePoint, type UtilityPointKind } from "./utility-curve";
export { REPORTED_RESULTS, DPZERO_PAPER_SHORT, POST_PAPER_SHORT, lookupReportedUtility, reportedRows, reportedElsewhereNote, type ReportedResult } from "./reported";
