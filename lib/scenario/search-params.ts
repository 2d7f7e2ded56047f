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
 * The page's bare address (no key at all) opens today's setup (issue #17) as the share link
 * `/?v=3`: the server renders that link in place, and a one-line script in the page writes the
 * address into the address bar before the page hydrates, so the address bar, the form and every
 * link written from it carry `v=3`. It was a 307 redirect to the same address; serving in place
 * saves a phone a round trip (Lighthouse's mobile profile put the redirect at 0.6 s of simulated
 * first and largest paint, test/bench/RESULTS-web.md). The meaning is unchanged: the bare address
 * has always opened the newest setup. A link with keys but no `v` is read as the study's setup
 * (UNVERSIONED_LINK_VERSION in ./schema), as it always was.
 */
export const LANDING_QUERY = "v=3";

/**
 * The share link a request for `params` is rendered as: `/?v=3` for the bare address, else null
 * (the request's own address is the link).
 * @example landingAddress(new URLSearchParams("")) // "/?v=3"
 */
export function landingAddress(params: URLSearchParams): string | null {
  return [...params.keys()].length === 0 ? `/?${LANDING_QUERY}` : null;
}

/** The query the page evaluates: today's setup for the bare address, else the request's own. */
export function pageParams(params: URLSearchParams): URLSearchParams {
  return landingAddress(params) === null ? params : new URLSearchParams(LANDING_QUERY);
}
