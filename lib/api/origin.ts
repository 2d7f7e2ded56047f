/**
 * This deployment's origin from request headers, for absolute share links in a printed statement
 * and in og:image URLs. Null when the host does not look like a host name, so a forged header can
 * only ever make the links relative, never inject markup or another scheme.
 */
export interface HeaderReader {
  get(name: string): string | null;
}

/** @example originFromHeaders(new Headers({ host: "example.org", "x-forwarded-proto": "https" })) === "https://example.org" */
export function originFromHeaders(h: HeaderReader): string | null {
  const host = (h.get("x-forwarded-host") ?? h.get("host") ?? "").split(",")[0]?.trim() ?? "";
  const hostOk = /^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(host) || /^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host);
  if (!hostOk) return null;
  const proto = (h.get("x-forwarded-proto") ?? "http").split(",")[0]?.trim().toLowerCase();
  return `${proto === "https" ? "https" : "http"}://${host}`;
}

/** `origin + path`, or the path alone when the origin is unknown. */
export function absoluteUrl(origin: string | null, path: string): string {
  return origin ? `${origin}${path}` : path;
}
