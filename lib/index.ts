/**
 * privadapt's public API: what the page (app/, components/), the JSON API (lib/api) and the CLI
 * (lib/cli) may use of lib/. A curated list of named exports, grouped; anything not listed here is
 * an internal of its sub-module (tests may import those directly, the app may not: an ESLint rule
 * in eslint.config.mjs fails on deep imports from app/, components/ and lib/cli).
 *
 * Two documented sub-entries sit beside it (README, "Architecture"):
 * - `@/lib/light` — the dependency-free helpers client components need (formatting, URL state,
 *   an LRU map, table sorting), so the page's main bundle does not carry the engines;
 * - `@/lib/api` — the server-only helpers behind the route handlers (JSON API, OpenAPI, the
 *   statement, the link preview, request origin).
 *
 * Pure TypeScript: no React, Next, recharts, nuqs or DOM (test/lib/purity.test.ts). Imports go
 * through each sub-module's own index, so moving code inside a sub-module does not touch this list.
 */

/** The scenario: the share link's codec, its schema, the presets and the default scenario. */
export {
  defaultScenario, parseScenario, presetScenario, scenarioSchema, serializeScenario, validateScenario,
  type FieldError, type FieldWarning, type ParseResult, type Scenario, type ScenarioInput,
} from "./scenario";
/** The catalogues: methods, models, datasets, presets, GPUs, accountants. */
export {
  CLOSED_MODEL_IDS, DATASETS, GPUS, METHODS, METHOD_IDS, MODELS, OPEN_MODEL_IDS, PRESET_IDS,
  type AccountantId, type LlmFamily, type MethodId, type ModelId, type PresetId,
} from "./scenario";
/** The scenario's fields as the form and the OpenAPI document describe them (keys, limits, notes). */
export {
  KNOB_DEFAULT_NOTES, KNOB_SPECS, MAX_QUERY_CHARS, PRICE_OVERRIDE_META, PRICE_OVERRIDE_PREFIX, PROTECTABLE_CHANNELS, RANK_RULES, TOP_FIELDS, knobKey,
} from "./scenario";
/** The share link's keys as URL state (also in `@/lib/light`, for client components). */
export { buildQuery, landingAddress, pageParams, rawFromSearchParams, toUrlSearchParams, type PageSearchParams, type RawScenario } from "./scenario/search-params";

/** The estimate: one row per method × model (cost, privacy, leakage, utility, feasibility) and the decision. */
export { estimate, estimateFromInput, type Estimate, type EstimateRow, type RowFeasibility } from "./estimate";
/** The decision's flips and robustness (what the API, the CLI and the statement add to an estimate). */
export {
  FLIP_TOLERANCE, constraintsOf, robustness, withFlips,
  type Decision, type DecisionExclusion, type DecisionOption, type Flip, type MustHave, type Relaxation,
} from "./decide";
/** What would change the answer: the tornado's cost swings and the flip thresholds (the page's analysis worker). */
export {
  analyseDecision, flipMarkers, sensitivity, sensitivityTable, withSensitivity,
  type AnswerSensitivity, type DecisionSensitivity, type FlipMarker, type Sensitivity, type SensitivityBar, type SensitivityEnd,
} from "./decide";
/** Ranking under budget, accuracy and must-protect constraints. */
export { recommend, type RankedOption, type RecommendOption, type Recommendation } from "./recommend";

/** Cost: API-token and GPU-hour costs of a scenario, break-even query volumes, each method's work. */
export {
  estimateCosts, findBreakEven, methodWork,
  type BreakEven, type CostOptions, type CostRow, type MethodWork, type SkippedPair,
} from "./cost";
/** Privacy per method: what (ε, δ) buys each method, its data requirements, its chart style. */
export {
  METHOD_DESCRIPTORS, methodDataRequirements, privacyForScenario, type MethodPrivacy, type MethodStyle,
} from "./methods";
/** The privacy engine: DP events, the RDP and PRV accountants, σ calibration (the CLI's privacy commands). */
export {
  PRV_MIN_DELTA, PrvDeltaOutOfRangeError, PrvGridTooLargeError, PrvRoundOffError,
  calibrateNoiseMultiplier, composed, computeEpsilon, dpSgdEvent, gaussian, gnmax, maxCompositions, poissonSampled, prvEpsilon, selfComposed,
  type AccountantLabel, type AccountantSpec, type DpEvent, type EpsilonResult,
} from "./privacy";
/** Leakage: who sees what (channels A, B, C) and the membership-test bound. */
export {
  type LeakageChannel, type LeakageChannelId, type LeakageChannelStatus, type LeakageRow, type MembershipTestBound, type ProviderDataPolicy } from "./leakage";
/** The study's measured utility, as an estimate row carries it. */
export { type UtilityEstimate } from "./utility";
/** Re-derive it yourself: the Python snippets beside every ε and σ. */
export { rederiveFor, type Rederive, type Snippet } from "./rederive";

/** What the page shows, as plain data: the presentation, the form, the study reproduction. */
export {
  COST_LABEL_TEXT, authorsReproduceView, comparisonTable, reportedByAuthorsView, formModel, setupValues, presentEstimate, privacyView, reproduceView,
  type AuthorsReproduceView, type AuthorsSection, type SetupChoice, type AuthorsBudgetRow, type AuthorsCostRow, type AuthorsUtilityRow, type TableColumn, type TableRow,
  type AnswerView, type ChartDataTable, type ColumnId, type ComparisonTable, type CostSplitChart, type CostVsQueriesChart, type FormField,
  type FormModel, type LeakClass, type LeakageChart, type ParetoChart, type Presentation, type PrivacyView, type SummaryView, type UtilityChart,
} from "./present";
/** A share link's bad fields as the reader sees them: the field's label, what was received, what is allowed. */
export { linkProblemView, linkWarningView, type LinkProblemView, type LinkWarningView } from "./present/link-problem";
/** Numbers as text: the one formatting module (also in `@/lib/light`, for client components). */
export {
  NO_PRICE, accountantName, formatAllowed, formatCount, formatCountWithUnit, formatDelta, formatEpsilon, formatMultiple,
  countNoun, formatParameter, formatPercent, formatQuantity, formatSig, formatUsd, formatUsdOrMissing, formatUtility,
  EPSILON_SIGNIFICANT_DIGITS, formatCompact, formatEpsilonTarget, formatFixed, formatPercentUpperBound, formatScientific, formatSignificant, formatUpperBound,
  formatUsdCents, formatUsdCentsUp, groupedFixed, missingPriceText,
} from "./present/format";
/** The comparison table's row order for a clicked column (also in `@/lib/light`). */
export { sortRows, type SortState } from "./present/sort";
