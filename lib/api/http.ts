/**
 * HTTP plumbing shared by the API routes, as plain data: a response is `{status, headers, body}`
 * so the request logic can be tested, fuzzed and benchmarked without a server. `toResponse`
 * turns it into the web-standard `Response` (a Node 20 global, not a Next.js type).
 */
import type { FieldError } from "../index";
import { sha256Hex } from "./estimate-cache";

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  /** The JSON text (decoded, whatever the Content-Encoding); null for 304 and HEAD. */
  body: string | null;
  /**
   * The bytes to send instead of `body`: `body` in UTF-8, compressed as the Content-Encoding
   * header says. Set by the estimate API, whose bytes are memoised; absent means send `body`.
   */
  encoded?: Uint8Array<ArrayBuffer>;
}

/** Results are deterministic for a canonical link and engine version: cache them for an hour, serve stale for a day while revalidating. */
export const CACHE_CONTROL_RESULT = "public, max-age=3600, stale-while-revalidate=86400";
/**
 * The estimate API compresses its own bodies and gives each content coding its own strong ETag;
 * `no-transform` keeps anything downstream from re-encoding them under those tags (including
 * Next's `compress`, which would otherwise deflate an identity body for a deflate-only client).
 */
export const CACHE_CONTROL_ESTIMATE = `${CACHE_CONTROL_RESULT}, no-transform`;
/** Errors depend on the engine's validation rules, which may change: do not keep them. */
export const CACHE_CONTROL_ERROR = "no-store";
/** The OpenAPI document changes only with a deployment. */
export const CACHE_CONTROL_DOCUMENT = "public, max-age=3600";

export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

export function jsonResponse(status: number, body: string, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { "content-type": JSON_CONTENT_TYPE, ...headers }, body };
}

/** 400 with every field error, in the CLI's shape `{"errors": [...]}`. */
export function errorResponse(errors: FieldError[]): ApiResponse {
  return jsonResponse(400, JSON.stringify({ errors }), { "cache-control": CACHE_CONTROL_ERROR });
}

/**
 * 500: a bug on our side, never a problem with the input. Same shape as a 400 so clients parse one
 * thing; no stack, no internals.
 */
export function internalErrorResponse(): ApiResponse {
  const errors: FieldError[] = [{
    field: "server",
    message: "The server failed while answering a valid request. This is a bug in privadapt, not a problem with your input.",
    received: null,
    allowed: "retry later or report the link",
  }];
  return jsonResponse(500, JSON.stringify({ errors }), { "cache-control": CACHE_CONTROL_ERROR });
}

/** A strong entity tag (RFC 9110 §8.8.3) over the given parts. */
export function strongEtag(...parts: string[]): string {
  return `"${sha256Hex(parts.join("\n")).slice(0, 32)}"`;
}

/**
 * Whether an `If-None-Match` field matches `etag` (RFC 9110 §13.1.2): `*` matches any current
 * representation; otherwise any listed tag matches by weak comparison (the `W/` prefix ignored).
 * Entity tags may contain commas, so the list is read tag by tag, not split on commas.
 * @example ifNoneMatchMatches('W/"abc", "def"', '"abc"') === true
 */
export function ifNoneMatchMatches(field: string | null | undefined, etag: string): boolean {
  if (!field) return false;
  if (field.trim() === "*") return true;
  const opaque = etag.replace(/^W\//, "");
  for (const m of field.matchAll(/(?:W\/)?("[^"]*")/g)) if (m[1] === opaque) return true;
  return false;
}

/**
 * A stream of the one chunk `bytes`, not copied. `new Response(uint8Array)` copies its body
 * (undici's extractBody), which for the memo's 170 kB estimate allocated and copied the whole
 * body on every request; the memo's bytes are never mutated, so they can be handed out as is.
 */
function streamOf(bytes: Uint8Array<ArrayBuffer>): ReadableStream<Uint8Array<ArrayBuffer>> {
  return new ReadableStream({
    start(controller) {
      if (bytes.byteLength > 0) controller.enqueue(bytes);
      controller.close();
    },
  });
}

export function toResponse(r: ApiResponse): Response {
  return new Response(r.encoded ? streamOf(r.encoded) : r.body, { status: r.status, headers: r.headers });
}
