/**
 * `/api/v1/estimate`: the share link's scenario in, exactly the CLI's `estimate` JSON out.
 *
 * - GET  `/api/v1/estimate?<share-link query>`
 * - POST `/api/v1/estimate` with `Content-Type: application/json` and a JSON object of the same
 *   keys (lists as arrays or comma strings; knobs flat `"dp-icl.shots": 1` or nested).
 * - Cost options, the CLI's flags, ride along as two reserved keys: `batched` and
 *   `original-code-calls` (true/false/1/0; in the query string, or for POST also in the body);
 *   a third, `flips`, fills `decision.flips` (the CLI's --flips; many estimates, so opt-in), and a
 *   fourth, `sensitivity`, fills `decision.sensitivity` (the CLI's --sensitivity; the tornado).
 *
 * Every problem is a field error in the CLI's shape, all of them at once: a 400 lists the bad
 * body, the bad options and every bad scenario field. Only a bug gives a 500, without internals.
 * `respondToEstimate` is pure and synchronous (body already read) so it can be fuzzed;
 * `handleEstimateRequest` reads a web-standard Request with a size cap and calls it.
 */
import {
  MAX_QUERY_CHARS, PRICE_OVERRIDE_PREFIX, TOP_FIELDS, parseScenario, serializeScenario,
  type CostOptions, type FieldError,
} from "../index";
import { CONTENT_CODINGS, EncodedBody, PER_REQUEST_COMPRESSION, negotiateContentCoding, type ContentCoding } from "./encoded-body";
import { cachedEstimate, engineVersion, extrasKey, optionsKey } from "./estimate-cache";
import {
  CACHE_CONTROL_ESTIMATE, CACHE_CONTROL_RESULT, errorResponse, ifNoneMatchMatches, internalErrorResponse, jsonResponse, strongEtag, toResponse,
  type ApiResponse,
} from "./http";

export const ESTIMATE_PATH = "/api/v1/estimate";
/** Largest POST body read, in bytes. A full scenario is at most MAX_QUERY_CHARS (2,000) characters as a query string. */
export const MAX_BODY_BYTES = 16 * 1024;

/** Reserved keys for the cost options; they are not share-link keys (test/api/estimate-api.test.ts checks they never collide). */
export const OPTION_KEYS = {
  batched: "Serve local open models in large batches instead of one query at a time (the CLI's --batched).",
  "original-code-calls": "Add the extra API calls of the methods' original code: calibration, final keyword call, public-token calls (the CLI's --original-code-calls).",
  flips: "Fill decision.flips: the thresholds at which the answer changes, found by bisection on the same engine (the CLI's --flips). Costs tens of estimates, so it is off unless asked for.",
  sensitivity: "Fill decision.sensitivity: the answer's total cost at each end of each input's range and the answer there (the page's tornado chart; the CLI's --sensitivity). About a dozen estimates with the link's accountant, so it is off unless asked for.",
} as const;
export type OptionKey = keyof typeof OPTION_KEYS;
const OPTION_KEY_LIST = Object.keys(OPTION_KEYS) as OptionKey[];
const BOOLEAN_ALLOWED = "true, false, 1 or 0 (an empty value means true)";

/** What was read of a request body. */
export type BodyRead =
  | { kind: "text"; text: string }
  | { kind: "too-large"; bytes: number | null }
  | { kind: "invalid-utf8" };

export interface EstimateApiRequest {
  method: string;
  /** The URL's query string, with or without the leading "?". */
  query: string;
  /** POST: the Content-Type header. */
  contentType?: string | null;
  /** POST: the body as read. */
  body?: BodyRead;
  /** GET/HEAD: the If-None-Match header. */
  ifNoneMatch?: string | null;
  /** The Accept-Encoding header: a 200 is sent gzip- or brotli-compressed when the client accepts it. */
  acceptEncoding?: string | null;
}

/**
 * Each content coding is its own representation with its own strong ETag (RFC 9110 §8.8.3: a
 * strong tag names one sequence of bytes): the identity tag, and the same tag suffixed.
 */
const ETAG_SUFFIX: Record<ContentCoding, string> = { identity: "", gzip: "-gz", br: "-br" };
const withSuffix = (etag: string, coding: ContentCoding) => (ETAG_SUFFIX[coding] ? `${etag.slice(0, -1)}${ETAG_SUFFIX[coding]}"` : etag);

const truncate = (text: string) => (text.length > 100 ? `${text.slice(0, 100)}…` : text);

function bodyError(message: string, received: unknown, allowed: string): FieldError {
  return { field: "body", message, received, allowed };
}

/** `application/json` or any `+json` type, parameters (charset) ignored. */
export function isJsonContentType(contentType: string | null | undefined): boolean {
  if (!contentType) return false;
  const essence = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  return essence === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(essence);
}

function readBoolean(key: string, value: unknown, errors: FieldError[]): boolean | undefined {
  if (value === true || value === false) return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === "string") {
    const text = value.trim().toLowerCase();
    if (text === "" || text === "true" || text === "1") return true;
    if (text === "false" || text === "0") return false;
  }
  errors.push({ field: key, message: `${key} is not a boolean`, received: typeof value === "string" ? truncate(value) : value ?? null, allowed: BOOLEAN_ALLOWED });
  return undefined;
}

/** Take the option keys out of the scenario input; what is left is the share link proper. */
type ApiOptions = CostOptions & { flips?: true; sensitivity?: true };

function takeOptions(sources: { query: URLSearchParams; body: Record<string, unknown> | null }, errors: FieldError[]): ApiOptions {
  const values = new Map<OptionKey, boolean>();
  for (const key of OPTION_KEY_LIST) {
    const fromQuery = sources.query.getAll(key);
    sources.query.delete(key);
    const inBody = sources.body !== null && Object.prototype.hasOwnProperty.call(sources.body, key);
    const bodyValue = inBody ? sources.body?.[key] : undefined;
    if (inBody) delete sources.body?.[key];
    const count = fromQuery.length + (inBody ? 1 : 0);
    if (count > 1) {
      errors.push({ field: key, message: `${key} is given ${count} times`, received: [...fromQuery, ...(inBody ? [bodyValue] : [])], allowed: "each key once" });
      continue;
    }
    if (count === 0) continue;
    const value = readBoolean(key, inBody ? bodyValue : fromQuery[0], errors);
    if (value !== undefined) values.set(key, value);
  }
  const options: ApiOptions = {};
  if (values.get("flips")) options.flips = true;
  if (values.get("sensitivity")) options.sensitivity = true;
  if (values.get("batched")) options.serving = "batched";
  if (values.get("original-code-calls")) Object.assign(options, { calibrationCalls: true, finalKeywordCall: true, publicTokenCalls: true });
  return options;
}

/** The query string that reproduces the options (for Content-Location), with a leading "&" or empty. */
function optionsQuery(options: ApiOptions): string {
  const parts: string[] = [];
  if (options.flips) parts.push("flips=1");
  if (options.sensitivity) parts.push("sensitivity=1");
  if (options.serving === "batched") parts.push("batched=1");
  if (options.calibrationCalls) parts.push("original-code-calls=1");
  return parts.length ? `&${parts.join("&")}` : "";
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Read a POST body into a scenario object, or explain every way it is unusable. */
function readPostBody(req: EstimateApiRequest, errors: FieldError[]): { value: unknown } | null {
  const body = req.body ?? { kind: "text", text: "" };
  if (body.kind === "too-large") {
    errors.push(bodyError(`The body is ${body.bytes === null ? "larger than" : `${body.bytes} bytes, over`} the ${MAX_BODY_BYTES}-byte limit`, null, `a JSON object of at most ${MAX_BODY_BYTES} bytes`));
    return null;
  }
  if (!isJsonContentType(req.contentType)) {
    errors.push(bodyError(`The body must be sent as JSON; Content-Type is ${req.contentType ? JSON.stringify(truncate(req.contentType)) : "missing"}`, req.contentType ?? null, "Content-Type: application/json"));
  }
  if (body.kind === "invalid-utf8") {
    errors.push(bodyError("The body is not valid UTF-8", null, "a JSON object in UTF-8"));
    return null;
  }
  if (body.text.trim() === "") {
    errors.push(bodyError("The body is empty", "", "a JSON object of share-link keys, e.g. {} for the default scenario or {\"preset\": \"samsum\", \"eps\": 3}"));
    return null;
  }
  try {
    return { value: JSON.parse(body.text) as unknown };
  } catch (cause) {
    errors.push(bodyError(`The body is not valid JSON: ${cause instanceof Error ? cause.message : String(cause)}`, truncate(body.text), "a JSON object of share-link keys, e.g. {\"n\": 5000, \"methods\": [\"dp-icl\", \"private-lora\"]}"));
    return null;
  }
}

/** Share-link keys (not option keys) in a POST's query string: the scenario must come from one place. */
function scenarioKeysInQuery(query: URLSearchParams, errors: FieldError[]): void {
  const topKeys = new Set<string>(TOP_FIELDS.map((f) => f.key));
  for (const key of new Set(query.keys())) {
    const looksLikeScenario = topKeys.has(key) || key.startsWith(PRICE_OVERRIDE_PREFIX) || key.includes(".");
    if (looksLikeScenario) errors.push({ field: key, message: `${key} is in the query string of a POST; send scenario keys in the JSON body`, received: truncate(query.get(key) ?? ""), allowed: `only ${OPTION_KEY_LIST.join(", ")} in a POST's query string` });
  }
}

function answer(req: EstimateApiRequest): ApiResponse {
  const method = req.method.toUpperCase();
  const rawQuery = req.query.startsWith("?") ? req.query.slice(1) : req.query;
  const errors: FieldError[] = [];
  if (rawQuery.length > MAX_QUERY_CHARS + 200) {
    // Let the codec word the error; this only stops a giant query before URLSearchParams copies it.
    const parsed = parseScenario(rawQuery);
    return errorResponse(parsed.ok ? [] : parsed.errors);
  }
  const query = new URLSearchParams(rawQuery);
  let body: Record<string, unknown> | null = null;
  let scenarioInput: unknown = query;
  if (method === "POST") {
    const read = readPostBody(req, errors);
    if (read === null) {
      takeOptions({ query, body: null }, errors);
      return errorResponse(errors);
    }
    body = isPlainObject(read.value) ? { ...read.value } : null;
    scenarioInput = body ?? read.value;
    scenarioKeysInQuery(query, errors);
  }
  const { flips, sensitivity, ...options } = takeOptions({ query, body }, errors);
  const parsed = parseScenario(scenarioInput);
  if (!parsed.ok) errors.push(...parsed.errors);
  if (errors.length > 0 || !parsed.ok) return errorResponse(errors);

  const canonical = serializeScenario(parsed.scenario);
  const identityEtag = strongEtag(engineVersion(), canonical, `${optionsKey(options)}${extrasKey({ flips, sensitivity })}`, JSON.stringify(parsed.warnings));
  const coding = negotiateContentCoding(req.acceptEncoding);
  const etag = withSuffix(identityEtag, coding);
  const headers: Record<string, string> = {
    // An identity body may still be compressed downstream (Next's compress); a coded one must not be.
    "cache-control": coding === "identity" ? CACHE_CONTROL_RESULT : CACHE_CONTROL_ESTIMATE,
    etag,
    vary: "Accept-Encoding",
    "content-location": `${ESTIMATE_PATH}?${canonical}${optionsQuery({ ...options, ...(flips ? { flips } : {}), ...(sensitivity ? { sensitivity } : {}) })}`,
  };
  const conditional = method === "GET" || method === "HEAD";
  if (conditional) {
    // A client holding any coding of this result is up to date: 304 with the tag it holds, so its
    // cache refreshes that stored response (RFC 9111 §4.3.4), even if it now asks for another coding.
    const held = [etag, ...CONTENT_CODINGS.map((c) => withSuffix(identityEtag, c))].find((tag) => ifNoneMatchMatches(req.ifNoneMatch, tag));
    if (held !== undefined) return { status: 304, headers: { ...headers, etag: held }, body: null };
  }

  const started = performance.now();
  const result = cachedEstimate(parsed.scenario, options, parsed.warnings, { flips: flips === true, sensitivity: sensitivity === true });
  // Memo hit without warnings: the bytes (and, after the first time, the compressed bytes) are ready.
  const encoded = (result.encoded ?? new EncodedBody(result.body, PER_REQUEST_COMPRESSION)).bytes(coding);
  headers["x-estimate-cache"] = result.hit ? "hit" : "miss";
  headers["server-timing"] = `estimate;dur=${(performance.now() - started).toFixed(1)};desc="${result.hit ? "memo hit" : "computed"}"`;
  headers["content-length"] = String(encoded.byteLength);
  if (coding !== "identity") headers["content-encoding"] = coding;
  const response = jsonResponse(200, result.body, headers);
  return method === "HEAD" ? { ...response, body: null } : { ...response, encoded };
}

/**
 * The endpoint as a pure function of the request's parts. Never throws: input problems are 400s,
 * anything else a 500 without internals (logged on the server).
 */
export function respondToEstimate(req: EstimateApiRequest): ApiResponse {
  try {
    return answer(req);
  } catch (cause) {
    console.error("privadapt /api/v1/estimate failed on a valid request", cause);
    return internalErrorResponse();
  }
}

/**
 * Read at most `maxBytes` of a request body. A declared Content-Length over the cap is refused
 * before reading; a chunked body is cut off as soon as it passes the cap.
 */
export async function readBodyCapped(request: Request, maxBytes: number = MAX_BODY_BYTES): Promise<BodyRead> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) return { kind: "too-large", bytes: Number(declared) };
  if (!request.body) return { kind: "text", text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { kind: "too-large", bytes: null };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  try {
    return { kind: "text", text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { kind: "invalid-utf8" };
  }
}

/** The route handler body for GET, HEAD and POST. */
export async function handleEstimateRequest(request: Request): Promise<Response> {
  try {
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const body = method === "POST" ? await readBodyCapped(request) : undefined;
    return toResponse(respondToEstimate({
      method,
      query: url.search,
      contentType: request.headers.get("content-type"),
      body,
      ifNoneMatch: request.headers.get("if-none-match"),
      // Not passed on: Next 16.4's route-handler bridge (next/dist/server/send-response.js,
      // FORBIDDEN_HEADERS) drops Content-Encoding and Content-Length from a Response, so a
      // pre-compressed body would reach the client unlabelled. The route sends identity bytes and
      // `next start`'s compress gzips them; respondToEstimate's codings serve hosts that can label them.
    }));
  } catch (cause) {
    console.error("privadapt /api/v1/estimate failed before answering", cause);
    return toResponse(internalErrorResponse());
  }
}
