/**
 * The memo behind every door that computes an estimate from a link: the JSON API, the printable
 * statement and the link-preview image.
 *
 * Key: the scenario's canonical query (serializeScenario) plus the cost options. Two links that
 * differ only in key order, defaults spelled out, or unknown keys share one entry; the entry holds
 * the estimate without warnings (warnings belong to the request, not the scenario) and its JSON
 * body, so a warm API response costs one Map lookup and no serialisation.
 *
 * Bounds: 64 entries and 24 million UTF-16 code units of JSON in all. The default scenario's body
 * is about 340,000 characters, so the entry cap binds first (the parsed object graph roughly
 * doubles the string's footprint: about 100 MB at the cap). One Node process holds one memo; it is
 * never written anywhere, so the API stays stateless.
 */
import { createHash } from "node:crypto";
import { estimate, parseScenario, serializeScenario, type CostOptions, type Estimate, type FieldWarning, type Scenario } from "../index";
import pkg from "../../package.json";
import { LruCache } from "./lru-cache";

export const ESTIMATE_CACHE_MAX_ENTRIES = 64;
export const ESTIMATE_CACHE_MAX_CHARS = 24_000_000;

interface CachedEstimate {
  /** The estimate with `warnings: []`; shared between requests, so never mutated. */
  estimate: Estimate;
  /** `JSON.stringify(estimate)`. */
  body: string;
}

/**
 * One memo per process, not per module instance: Next.js bundles each route (the API, the
 * statement page, the preview image) separately, so a plain module-level memo would be three
 * memos and the statement would recompute what the API just computed. A registered symbol on
 * globalThis is the one place all bundles share.
 */
const MEMO_KEY = Symbol.for("privadapt.estimateMemo.v1");
type GlobalWithMemo = typeof globalThis & { [MEMO_KEY]?: { memo: LruCache<string, CachedEstimate>; engineVersion: string | null } };
const shared = ((globalThis as GlobalWithMemo)[MEMO_KEY] ??= {
  memo: new LruCache<string, CachedEstimate>({
    maxEntries: ESTIMATE_CACHE_MAX_ENTRIES,
    maxSize: ESTIMATE_CACHE_MAX_CHARS,
    sizeOf: (entry) => entry.body.length,
  }),
  engineVersion: null,
});
const memo = shared.memo;

/** The cost options in one canonical string: part of the memo key and of the ETag. */
export function optionsKey(options: CostOptions): string {
  const parts: string[] = [];
  if (options.serving && options.serving !== "sequential") parts.push(`serving=${options.serving}`);
  if (options.calibrationCalls) parts.push("calibrationCalls");
  if (options.finalKeywordCall) parts.push("finalKeywordCall");
  if (options.publicTokenCalls) parts.push("publicTokenCalls");
  return parts.join("&");
}

export function cacheKey(canonical: string, options: CostOptions): string {
  return `${canonical}#${optionsKey(options)}`;
}

export interface CachedResult {
  /** The estimate with this request's warnings. */
  estimate: Estimate;
  /** The estimate's JSON, exactly `JSON.stringify(estimate)`. */
  body: string;
  /** Whether the memo answered. */
  hit: boolean;
}

/**
 * `estimate(scenario, options, warnings)`, memoised on the canonical query and the options.
 * The result equals the uncached call field for field (test/api/estimate-cache.test.ts).
 */
export function cachedEstimate(scenario: Scenario, options: CostOptions = {}, warnings: FieldWarning[] = []): CachedResult {
  const key = cacheKey(serializeScenario(scenario), options);
  let entry = memo.get(key);
  const hit = entry !== undefined;
  if (!entry) {
    const computed = estimate(scenario, options, []);
    entry = { estimate: computed, body: JSON.stringify(computed) };
    memo.set(key, entry);
  }
  if (warnings.length === 0) return { estimate: entry.estimate, body: entry.body, hit };
  const withWarnings: Estimate = { ...entry.estimate, warnings };
  return { estimate: withWarnings, body: JSON.stringify(withWarnings), hit };
}

/** For tests and benchmarks: start cold. */
export function clearEstimateCache(): void {
  memo.clear();
}

export function estimateCacheStats(): { entries: number; chars: number; maxEntries: number; maxChars: number } {
  return { entries: memo.size, chars: memo.storedSize, maxEntries: ESTIMATE_CACHE_MAX_ENTRIES, maxChars: ESTIMATE_CACHE_MAX_CHARS };
}

/** The app's package version, e.g. "0.1.0". */
export const APP_VERSION: string = pkg.version;

/**
 * A link's result can change only when the engine changes. ETags and the memo must follow such a
 * change even when nobody bumps the package version, so the version carries a fingerprint of the
 * engine: the hash of one fast probe estimate (the default scenario under RDP: every method, every
 * default model, cost, leakage, utility and RDP privacy; about 50 ms once per process). A change
 * that only moves PRV numbers is not caught; bump the package version for those.
 */
const ENGINE_PROBE_QUERY = "accountant=rdp";
export function engineVersion(): string {
  if (shared.engineVersion === null) {
    const probe = parseScenario(ENGINE_PROBE_QUERY);
    const body = probe.ok ? cachedEstimate(probe.scenario).body : "probe failed";
    shared.engineVersion = `${APP_VERSION}+${sha256Hex(body).slice(0, 12)}`;
  }
  return shared.engineVersion;
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
