// The OpenAPI 3.1 document, generated from the zod schema in lib/api/openapi.ts (not hand-written).
import { CACHE_CONTROL_DOCUMENT, JSON_CONTENT_TYPE, openApiDocument } from "@/lib/api";

// The document depends only on the code: build it once, at build time.
export const dynamic = "force-static";

export function GET(): Response {
  return new Response(JSON.stringify(openApiDocument(), null, 2), {
    headers: { "content-type": JSON_CONTENT_TYPE, "cache-control": CACHE_CONTROL_DOCUMENT },
  });
}
