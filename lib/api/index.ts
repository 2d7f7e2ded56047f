/**
 * The doors beyond the page (issue #7): the JSON API, its OpenAPI document, the printable
 * statement's data and the link-preview headline. Pure TypeScript over lib/index.ts; the route
 * files in app/ import this module and stay thin.
 */
export { LruCache, type LruCacheOptions } from "./lru-cache";
export {
  CONTENT_CODINGS, EncodedBody, MEMO_COMPRESSION, PER_REQUEST_COMPRESSION, negotiateContentCoding, type CompressionLevels,
  type ContentCoding,
} from "./encoded-body";
export {
  APP_VERSION, ESTIMATE_CACHE_MAX_ENTRIES, ESTIMATE_CACHE_MAX_SIZE, cacheKey, cachedEstimate, clearEstimateCache,
  engineVersion, estimateCacheStats, optionsKey, type CachedResult,
} from "./estimate-cache";
export {
  CACHE_CONTROL_DOCUMENT, CACHE_CONTROL_ERROR, CACHE_CONTROL_ESTIMATE, CACHE_CONTROL_RESULT, JSON_CONTENT_TYPE, errorResponse, ifNoneMatchMatches,
  internalErrorResponse, jsonResponse, strongEtag, toResponse, type ApiResponse,
} from "./http";
export {
  ESTIMATE_PATH, MAX_BODY_BYTES, OPTION_KEYS, handleEstimateRequest, isJsonContentType, readBodyCapped, respondToEstimate,
  type BodyRead, type EstimateApiRequest, type OptionKey,
} from "./estimate-api";
export { NUMERIC_STRING_PATTERN, OG_IMAGE_PATH, OPENAPI_PATH, openApiDocument, shareLinkKeys } from "./openapi";
export {
  breakEvenEntrySchema, breakEvenSchema, errorsSchema, estimateRowSchema, estimateSchema, fieldErrorSchema, fieldWarningSchema,
  hypothesisTestSchema, leakageRowSchema, leakageSectionSchema, methodPrivacySchema, methodSectionSchema, providerPolicySchema, skippedPairSchema,
  utilitySchema,
} from "./response-schema";
export {
  estimateJson, expandWireEstimate, toWireEstimate,
  type WireBreakEvenEntry, type WireBreakEvenGroup, type WireEstimate, type WireLeakageRow, type WireLeakageSection, type WireMethod, type WireRow,
} from "./wire";
export { CHANNEL_NAMES, guaranteeLine, headlineOf, previewFor, recommendableRows, scenarioLine, type Headline, type HeadlineOption, type Preview } from "./headline";
export {
  STATEMENT_KEYS, STATEMENT_PATH, buildStatement, guaranteeInWords,
  type ChosenOption, type CostStageLine, type LabelledValue, type LedgerLine, type Statement, type StatementProblems,
} from "./statement";
export { absoluteUrl, originFromHeaders, type HeaderReader } from "./origin";
