// A trivial route: the liveness probe for Playwright's webServer and the load test's baseline.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true });
}
