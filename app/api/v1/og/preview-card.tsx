// The link-preview card, drawn by next/og (Satori): flexbox only, inline styles, and ASCII text
// plus Latin-1, because the bundled font has no Greek and fetching another font needs a network.
import { ImageResponse } from "next/og";
import {
  CACHE_CONTROL_RESULT, LruCache, engineVersion, ifNoneMatchMatches, previewFor, strongEtag, type HeadlineOption, type Preview,
} from "@/lib/api";

export const PREVIEW_SIZE = { width: 1200, height: 630 };
export const PREVIEW_ALT = "privadapt: the cheapest local open-model option against the cheapest closed-API option for this scenario, with total cost and what each leaks";

const STATUS_COLOUR = { protected: "#0a6b2d", partial: "#8a5a00", exposed: "#a61b1b" } as const;
const CHANNEL_SHORT = { A: "Data to provider", B: "Queries to provider", C: "Data via answers" } as const;

/** Satori has no Greek glyphs offline: write the letters out. */
function ascii(text: string): string {
  return text.replace(/ε/g, "epsilon").replace(/δ/g, "delta").replace(/→/g, "->").replace(/[^\x20-\xff]/g, "?");
}

function OptionColumn({ heading, option }: { heading: string; option: HeadlineOption | null }) {
  return (
    <div style={{ display: "flex", flexDirection: "column", flex: 1, padding: "20px 28px", border: "2px solid #d0d0d0", borderRadius: 16, background: "#fafafa" }}>
      <div style={{ display: "flex", flexShrink: 0, fontSize: 22, color: "#555" }}>{heading}</div>
      {option ? (
        <div style={{ display: "flex", flexDirection: "column", flexShrink: 0 }}>
          <div style={{ display: "flex", fontSize: 28, fontWeight: 700, marginTop: 6 }}>{ascii(option.label)}</div>
          <div style={{ display: "flex", fontSize: 54, fontWeight: 700, marginTop: 4 }}>{option.totalCost}</div>
          <div style={{ display: "flex", fontSize: 19, marginTop: 2, color: option.feasible ? "#333" : STATUS_COLOUR.exposed }}>{ascii(`DP: ${option.guarantee}`)}</div>
          <div style={{ display: "flex", flexDirection: "column", marginTop: 6 }}>
            {(["A", "B", "C"] as const).map((c) => {
              const status = option.channels?.[c] ?? null;
              return (
                <div key={c} style={{ display: "flex", fontSize: 22, marginTop: 2 }}>
                  <div style={{ display: "flex", width: 280, color: "#333" }}>{`${c}  ${CHANNEL_SHORT[c]}`}</div>
                  <div style={{ display: "flex", fontWeight: 700, color: status ? STATUS_COLOUR[status] : "#555" }}>{status ?? "n/a"}</div>
                </div>
              );
            })}
          </div>
        </div>
      ) : (
        <div style={{ display: "flex", fontSize: 32, marginTop: 16 }}>none compared</div>
      )}
    </div>
  );
}

export function PreviewCard({ preview }: { preview: Preview }) {
  const { headline, ignored } = preview;
  const rec = headline.recommended;
  return (
    <div style={{ display: "flex", flexDirection: "column", width: "100%", height: "100%", padding: "36px 48px", background: "#ffffff", color: "#1a1a1a", fontSize: 26 }}>
      <div style={{ display: "flex", flexShrink: 0, justifyContent: "space-between", fontSize: 22, color: "#0b5cad" }}>
        <div style={{ display: "flex" }}>privadapt - private LLM adaptation, closed API vs open model</div>
        <div style={{ display: "flex" }}>{`${headline.compared} options`}</div>
      </div>
      <div style={{ display: "flex", flexShrink: 0, fontSize: 32, fontWeight: 700, marginTop: 10 }}>{ascii(headline.scenarioLine)}</div>
      <div style={{ display: "flex", gap: 32, marginTop: 18, flexGrow: 1, flexShrink: 0 }}>
        <OptionColumn heading="Cheapest on a local open model" option={headline.cheapestOpen} />
        <OptionColumn heading="Cheapest on a closed API" option={headline.cheapestClosed} />
      </div>
      <div style={{ display: "flex", flexShrink: 0, marginTop: 16, fontSize: 24 }}>
        {rec ? ascii(`Recommended (privacy first): ${rec.label}, ${rec.totalCost}`) : headline.compared > 0 ? "No compared option can run as planned: none is recommended" : "No option could be compared"}
      </div>
      {ignored.length > 0 ? (
        <div style={{ display: "flex", flexShrink: 0, marginTop: 4, fontSize: 20, color: "#a61b1b" }}>{ascii(`Invalid fields shown at their defaults: ${ignored.join(", ")}`.slice(0, 110))}</div>
      ) : null}
    </div>
  );
}

/** A fallback that cannot fail: used only if building the preview throws (a bug). */
function FallbackCard() {
  return (
    <div style={{ display: "flex", width: "100%", height: "100%", alignItems: "center", justifyContent: "center", fontSize: 48, background: "#ffffff", color: "#1a1a1a" }}>
      privadapt - private LLM adaptation calculator
    </div>
  );
}

const IMAGE_OPTIONS = { ...PREVIEW_SIZE, headers: { "cache-control": CACHE_CONTROL_RESULT } };

/** The preview image of a share link: 1200 x 630 PNG, cached like API results. */
export function previewImage(query: URLSearchParams | string, preview?: Preview): ImageResponse {
  try {
    return new ImageResponse(<PreviewCard preview={preview ?? previewFor(query)} />, IMAGE_OPTIONS);
  } catch (cause) {
    console.error("privadapt preview image failed", cause);
    return new ImageResponse(<FallbackCard />, IMAGE_OPTIONS);
  }
}

/** Rendered PNGs (about 100 kB each) by ETag: drawing one costs about 0.3 s of CPU. */
const pngMemo = new LruCache<string, Uint8Array>({ maxEntries: 64, maxSize: 16_000_000, sizeOf: (b) => b.byteLength });

/**
 * The /api/v1/og response: ETag over the engine version and the canonical link (plus the ignored
 * fields the card names), 304 for a matching If-None-Match, memoised PNG bytes otherwise.
 */
export async function previewResponse(query: URLSearchParams, ifNoneMatch: string | null): Promise<Response> {
  let preview: Preview;
  try {
    preview = previewFor(query);
  } catch (cause) {
    console.error("privadapt preview data failed", cause);
    return new ImageResponse(<FallbackCard />, IMAGE_OPTIONS);
  }
  // og-v2: the card states each option's achieved ε (an image of og-v1 said less for the same link).
  const etag = strongEtag(engineVersion(), "og-v2", preview.canonical, preview.ignored.join(","));
  const headers = { "cache-control": CACHE_CONTROL_RESULT, etag, "content-type": "image/png" };
  if (ifNoneMatchMatches(ifNoneMatch, etag)) return new Response(null, { status: 304, headers });
  let png = pngMemo.get(etag);
  if (!png) {
    png = new Uint8Array(await previewImage(query, preview).arrayBuffer());
    pngMemo.set(etag, png);
  }
  return new Response(png as BodyInit, { headers });
}
