/**
 * The share link's keys as URL state: one raw string per key. Every value stays a string here
 * and the whole scenario is read by the codec (parseScenario) — on the server for the first
 * paint, in the estimate worker afterwards. Shared by the server page (app/) and the client hooks
 * (components/calculator/), which is why it lives in lib/: components never import app/. The
 * nuqs parsers the hooks need are in components/calculator/url-parsers.ts (lib/ has no nuqs).
 */

/**
 * Next.js hands a page its query as an object of string | string[]; the codec reads
 * URLSearchParams. Repeated keys stay repeated, so the codec can report them.
 */
export type PageSearchParams = Record<string, string | string[] | undefined>;

export type RawScenario = Record<string, string | null>;

export function toUrlSearchParams(params: PageSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) for (const v of value) out.append(key, v);
    else if (value !== undefined) out.append(key, value);
  }
  return out;
}

/** The first value of each known key, as the nuqs hooks read it. */
export function rawFromSearchParams(params: URLSearchParams, keys: readonly string[]): RawScenario {
  return Object.fromEntries(keys.map((k) => [k, params.get(k)]));
}

/**
 * The query string the engines evaluate: the known keys in a fixed order, without the keys the
 * link got wrong (`ignored`, their defaults are used, as the banner says).
 */
export function buildQuery(raw: RawScenario, keys: readonly string[], ignored: ReadonlySet<string> = new Set()): string {
  const out = new URLSearchParams();
  for (const k of keys) {
    const v = raw[k];
    if (v !== null && v !== undefined && !ignored.has(k)) out.append(k, v);
  }
  return out.toString();
}

/**
 * The page's bare address (no key at all) opens today's setup (issue #17): it redirects to this
 * query, a real share link, so the address bar, the form and every link written from it carry
 * `v=3`. A link with keys but no `v` is read as the study's setup (UNVERSIONED_LINK_VERSION in
 * ./schema), as it always was.
 */
export const LANDING_QUERY = "v=3";

/** Where the page should send a request for `params`: `/?v=3` for the bare address, else null. */
export function landingRedirect(params: URLSearchParams): string | null {
  return [...params.keys()].length === 0 ? `/?${LANDING_QUERY}` : null;
}
