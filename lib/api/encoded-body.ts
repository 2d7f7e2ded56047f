/**
 * A JSON body as the bytes that go on the wire, in every content coding the API sends.
 *
 * The estimate's JSON was about 340 kB (169 kB in the wire form of ./wire.ts; two-byte characters, so not a cheap copy): encoding it to
 * UTF-8 on every response cost about 0.4 ms and Next's `compress` gzipped it again on every
 * response (about 2 ms at level 6), which is what held the API to a third of a trivial route's
 * throughput. The memo therefore keeps the UTF-8 bytes, and compresses each coding once, lazily,
 * the first time a client accepts it.
 *
 * Sizes of the default scenario (340,029 bytes of JSON): gzip level 9 27.5 kB (2.4 ms once);
 * brotli quality 9 18.9 kB (19 ms once; quality 11 saves 2 kB more for 230 ms, not worth blocking
 * the event loop for). In the wire form (169,310 bytes): gzip 18.7 kB, brotli 16.6 kB.
 */
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** The content codings the API sends itself. `identity` is no coding. */
export type ContentCoding = "identity" | "gzip" | "br";
export const CONTENT_CODINGS: readonly ContentCoding[] = ["br", "gzip", "identity"];

/** How hard to compress: once per memo entry (default), or cheaper for a body built per request. */
export interface CompressionLevels {
  gzipLevel: number;
  brotliQuality: number;
}
export const MEMO_COMPRESSION: CompressionLevels = { gzipLevel: 9, brotliQuality: 9 };
export const PER_REQUEST_COMPRESSION: CompressionLevels = { gzipLevel: 6, brotliQuality: 4 };

export class EncodedBody {
  /** The UTF-8 bytes of the JSON text. */
  readonly identity: Buffer<ArrayBuffer>;
  private readonly compressed = new Map<Exclude<ContentCoding, "identity">, Buffer<ArrayBuffer>>();

  /**
   * @param onGrow called after a compressed variant is added, so a size-bounded memo can
   *   re-account the entry.
   */
  constructor(text: string, private readonly levels: CompressionLevels = MEMO_COMPRESSION, private readonly onGrow?: () => void) {
    this.identity = Buffer.from(text, "utf8") as Buffer<ArrayBuffer>;
  }

  /** The body in `coding`, compressed on first use and kept. */
  bytes(coding: ContentCoding): Buffer<ArrayBuffer> {
    if (coding === "identity") return this.identity;
    let out = this.compressed.get(coding);
    if (out === undefined) {
      out = (coding === "gzip"
        ? gzipSync(this.identity, { level: this.levels.gzipLevel })
        : brotliCompressSync(this.identity, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: this.levels.brotliQuality,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: this.identity.byteLength,
          },
        })) as Buffer<ArrayBuffer>;
      this.compressed.set(coding, out);
      this.onGrow?.();
    }
    return out;
  }

  /** Bytes held: the identity body and every compressed variant made so far. */
  get byteSize(): number {
    let size = this.identity.byteLength;
    for (const b of this.compressed.values()) size += b.byteLength;
    return size;
  }
}

/**
 * The coding to send for an `Accept-Encoding` field (RFC 9110 §12.5.3): the acceptable coding
 * with the highest q-value, ties going to the smaller body (br, then gzip, then identity).
 * No field means identity. `x-gzip` counts as gzip; `*` covers every coding not listed.
 * Identity is acceptable unless refused (`identity;q=0`, or `*;q=0` without identity listed);
 * if every coding is refused the body goes out as identity anyway (RFC 9110 allows that rather
 * than a 406).
 */
export function negotiateContentCoding(acceptEncoding: string | null | undefined): ContentCoding {
  if (!acceptEncoding) return "identity";
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [rawName, ...params] = part.split(";");
    let name = (rawName ?? "").trim().toLowerCase();
    if (!name) continue;
    if (name === "x-gzip") name = "gzip";
    let weight = 1;
    for (const p of params) {
      const [k, v] = p.split("=");
      // A malformed q (not a number in 0..1) drops the coding, as if it were not listed.
      if (k?.trim().toLowerCase() === "q") weight = /^\s*[0-9.]+\s*$/.test(v ?? "") ? Number(v) : Number.NaN;
    }
    if (!Number.isFinite(weight) || weight < 0 || weight > 1) continue;
    // A coding listed twice keeps its highest weight.
    q.set(name, Math.max(weight, q.get(name) ?? 0));
  }
  const star = q.get("*");
  const weightOf = (coding: ContentCoding): number => {
    const listed = q.get(coding);
    if (listed !== undefined) return listed;
    if (star !== undefined) return star;
    return coding === "identity" ? 0.001 : 0; // identity is acceptable when not mentioned, as a last resort
  };
  let best: ContentCoding = "identity";
  let bestWeight = 0;
  for (const coding of CONTENT_CODINGS) {
    const w = weightOf(coding);
    if (w > bestWeight) {
      best = coding;
      bestWeight = w;
    }
  }
  return best;
}
