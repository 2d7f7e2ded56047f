/**
 * Runs once when a Next.js server starts, before it answers a request (Next's instrumentation
 * hook). The landing page's PRV figures take ~0.9 s to compute on a cold process; computing them
 * here means `/` is served with its final figures from the first visitor on, instead of RDP
 * figures that the browser replaces a few seconds later (see components/calculator/load-calculator.ts).
 * The bare `/` redirects to LANDING_QUERY (`/?v=3`, today's setup), so that query is the one warmed:
 * warming "" computed the study's setup, which no landing visitor is served any more.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ warmCalculator }, { LANDING_QUERY }] = await Promise.all([
    import("./components/calculator/load-calculator"),
    import("./lib/scenario/search-params"),
  ]);
  const ms = warmCalculator([LANDING_QUERY]);
  console.log(`privadapt: landing page's PRV figures computed in ${Math.round(ms)} ms`);
}
