// Link preview of a share link: /api/v1/og?<share-link query>. The root app/opengraph-image.tsx
// cannot see a page's query string (the file convention passes params only), so share links point
// their og:image here through the page's generateMetadata.
import { previewResponse } from "./preview-card";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export function GET(request: Request): Promise<Response> {
  return previewResponse(new URL(request.url).searchParams, request.headers.get("if-none-match"));
}
