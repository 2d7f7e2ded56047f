/**
 * Next.js hands a page its query as an object of string | string[]; the codec reads
 * URLSearchParams. Repeated keys stay repeated, so the codec can report them.
 */
export type PageSearchParams = Record<string, string | string[] | undefined>;

export function toUrlSearchParams(params: PageSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) for (const v of value) out.append(key, v);
    else if (value !== undefined) out.append(key, value);
  }
  return out;
}
