/**
 * Runs once when a Next.js server starts, before it answers a request (Next's instrumentation
 * hook). The landing page's PRV figures take ~0.9 s to compute on a cold process; computing them
 * here means `/` is served with its final figures from the first visitor on, instead of RDP
 * figures that the browser replaces a few seconds later (see components/calculator/load-calculator.ts).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { warmCalculator } = await import("./components/calculator/load-calculator");
  const ms = warmCalculator([""]);
  console.log(`privadapt: landing page's PRV figures computed in ${Math.round(ms)} ms`);
}
