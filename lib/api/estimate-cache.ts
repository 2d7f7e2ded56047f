/**
 * The memo behind every door that computes an estimate from a link: the JSON API, the printable
 * statement and the link-preview image.
 *
 * Key: the scenario's canonical query (serializeScenario) plus the cost options. Two links that
 * differ only in key order, defaults spelled out, or unknown keys share one entry; the entry holds
 * the estimate without warnings (warnings belong to the request, not the scenario), its wire
 * JSON text (wire.ts), and that text as UTF-8 bytes plus a gzip and a brotli variant made on first demand
 * (encoded-body.ts), so a warm API response costs one Map lookup: no serialisation, no UTF-8
 * encoding, no compression.
 *
 * Bounds: 64 entries and 48 million units in all, a unit being one UTF-16 code unit of the JSON
 * text or one byte of its encodings. The default scenario's wire JSON is about 168,000 characters
 * (169 kB), plus about 35 kB compressed, so the entry cap binds first (with the estimate's object
 * graph, which the statement and preview read, about 100 MB at the cap). One Node process holds one
 * memo; it is never written anywhere, so the API stays stateless.
 */
import { createHash } from "node:crypto";
import { estimate, parseScenario, serializeScenario, withFlips, withSensitivity, type CostOptions, type Estimate, type FieldWarning, type Scenario } from "../index";
import pkg from "../../package.json";
import { EncodedBody } from "./encoded-body";
import { estimateJson } from "./wire";
import { LruCache } from "./lru-cache";

export const ESTIMATE_CACHE_MAX_ENTRIES = 64;
export const ESTIMATE_CACHE_MAX_SIZE = 48_000_000;

interface CachedEstimate {
  /** The estimate with `warnings: []`; shared between requests, so never mutated. */
  estimate: Estimate;
  /** The estimate's wire JSON (wire.ts `estimateJson`). */
  body: string;
  /** `body` as bytes on the wire, per content coding. */
  encoded: EncodedBody;
}

/**
 * One memo per process, not per module instance: Next.js bundles each route (the API, the
 * statement page, the preview image) separately, so a plain module-level memo would be three
 * memos and the statement would recompute what the API just computed. A registered symbol on
 * globalThis is the one place all bundles share.
 */
const MEMO_KEY = Symbol.for("privadapt.estimateMemo.v2");
type GlobalWithMemo = typeof globalThis & { [MEMO_KEY]?: { memo: LruCache<string, CachedEstimate>; engineVersion: string | null } };
const shared = ((globalThis as GlobalWithMemo)[MEMO_KEY] ??= {
  memo: new LruCache<string, CachedEstimate>({
    maxEntries: ESTIMATE_CACHE_MAX_ENTRIES,
    maxSize: ESTIMATE_CACHE_MAX_SIZE,
    sizeOf: (entry) => entry.body.length + entry.encoded.byteSize,
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

/** What the decision adds on request: flip thresholds, the answer's sensitivity (tornado). */
export interface DecisionExtras {
  flips?: boolean;
  sensitivity?: boolean;
}

/** The extras in one canonical string: part of the memo key and of the ETag ("" for none). */
export function extrasKey(extras: DecisionExtras = {}): string {
  return `${extras.flips ? "#flips" : ""}${extras.sensitivity ? "#sensitivity" : ""}`;
}

export function cacheKey(canonical: string, options: CostOptions, flips: boolean | DecisionExtras = false): string {
  return `${canonical}#${optionsKey(options)}${extrasKey(typeof flips === "boolean" ? { flips } : flips)}`;
}

export interface CachedResult {
  /** The estimate with this request's warnings. */
  estimate: Estimate;
  /** The estimate's wire JSON, exactly `estimateJson(estimate)` (what the CLI prints). */
  body: string;
  /** Whether the memo answered. */
  hit: boolean;
  /**
   * `body` as bytes, held by the memo (absent when this request's warnings made the body its own:
   * the caller encodes it then).
   */
  encoded?: EncodedBody;
}

/**
 * `estimate(scenario, options, warnings)`, memoised on the canonical query and the options.
 * The result equals the uncached call field for field (test/api/estimate-cache.test.ts).
 */
export function cachedEstimate(scenario: Scenario, options: CostOptions = {}, warnings: FieldWarning[] = [], decision: DecisionExtras = {}): CachedResult {
  const flips = decision.flips === true;
  const sensitivity = decision.sensitivity === true;
  const key = cacheKey(serializeScenario(scenario), options, { flips, sensitivity });
  let entry = memo.get(key);
  const hit = entry !== undefined;
  if (!entry) {
    // Flips and the sensitivity cost many estimates (lib/decide), so they are computed only when
    // asked for, on top of the plain estimate's entry (shared with plain requests for the link).
    const plain = flips || sensitivity ? cachedEstimate(scenario, options).estimate : estimate(scenario, options, []);
    const computed = sensitivity ? withSensitivity(plain, options, flips) : flips ? withFlips(plain, options) : plain;
    const body = estimateJson(computed);
    entry = { estimate: computed, body, encoded: new EncodedBody(body, undefined, () => memo.refreshSize(key)) };
    memo.set(key, entry);
  }
  if (warnings.length === 0) return { estimate: entry.estimate, body: entry.body, hit, encoded: entry.encoded };
  const withWarnings: Estimate = { ...entry.estimate, warnings };
  // `warnings` is the wire form's last key: splice this request's into the memo's text rather than
  // serialising the whole estimate again.
  const tail = ',"warnings":[]}';
  const body = entry.body.endsWith(tail) ? `${entry.body.slice(0, -tail.length)},"warnings":${JSON.stringify(warnings)}}` : estimateJson(withWarnings);
  return { estimate: withWarnings, body, hit };
}

/** For tests and benchmarks: start cold. */
export function clearEstimateCache(): void {
  memo.clear();
}

export function estimateCacheStats(): { entries: number; size: number; maxEntries: number; maxSize: number } {
  return { entries: memo.size, size: memo.storedSize, maxEntries: ESTIMATE_CACHE_MAX_ENTRIES, maxSize: ESTIMATE_CACHE_MAX_SIZE };
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
