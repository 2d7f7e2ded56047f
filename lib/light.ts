/**
 * `@/lib/light`: the few lib/ helpers the page's main thread needs, for client components.
 *
 * Why a second entry beside `@/lib`: every module re-exported here has no run-time import (type
 * imports only), so a client component that imports from this file carries these few functions
 * and nothing else; `@/lib` re-exports the engines (zod schema, price catalogue, accountants),
 * which the page runs in its estimate worker, not in the main bundle. test/lib/entries.test.ts
 * fails if a module reached from here gains a run-time import.
 *
 * Server code and the worker use `@/lib`, which re-exports all of these too.
 */

/** Numbers as text: USD, counts, ε, δ, percentages (the one formatting module; rules in its header). */
export {
  NO_PRICE, accountantName, formatAllowed, formatCount, formatCountWithUnit, formatDelta, formatEpsilon, formatMultiple,
  countNoun, formatParameter, formatPercent, formatQuantity, formatSig, formatUsd, formatUsdOrMissing, formatUtility,
  EPSILON_SIGNIFICANT_DIGITS, formatCompact, formatEpsilonTarget, formatFixed, formatPercentUpperBound, formatScientific, formatSignificant, formatUpperBound,
  formatUsdCents, formatUsdCentsUp, groupedFixed, missingPriceText,
} from "./present/format";
/** The share link's keys as URL state (the server page and the client hooks). */
export { buildQuery, landingAddress, pageParams, rawFromSearchParams, toUrlSearchParams, type PageSearchParams, type RawScenario } from "./scenario/search-params";
/** A bounded least-recently-used map (the calculator's result cache). */
export { LruCache, type LruCacheOptions } from "./api/lru-cache";
/** The form's token lengths carried over from the dataset a preset names. */
export { carriedOverTokens, type DatasetTokenLengths } from "./present/carried-over";
/** The comparison table's row order for a clicked column. */
export { sortRows, type SortState } from "./present/sort";
/** The comparison table's filters, badges, side-by-side picks and per-row statement links. */
export { filterRows, leakBadges, statementHref, togglePicked, MAX_COMPARED, NO_FILTERS, type LeakBadge, type RowFilters } from "./present/table-view";
/** The form's setup choice: today's models (v=3) or the study's setup (2024). */
export { setupValues, type SetupChoice } from "./present/setup";
