// The JSON API door: all request logic lives in lib/api (pure, tested, fuzzable); this file only wires it.
import { handleEstimateRequest } from "@/lib/api";

// Every answer depends on the query string; results are memoised in-process and cached by clients via ETag.
export const dynamic = "force-dynamic";
// node:crypto (ETags) and the synchronous engine need the Node.js runtime.
export const runtime = "nodejs";

export function GET(request: Request): Promise<Response> {
  return handleEstimateRequest(request);
}

export function HEAD(request: Request): Promise<Response> {
  return handleEstimateRequest(request);
}

export function POST(request: Request): Promise<Response> {
  return handleEstimateRequest(request);
}
