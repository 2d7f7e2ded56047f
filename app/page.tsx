import type { Metadata } from "next";
import { headers } from "next/headers";
import { landingAddress, pageParams, parseScenario, serializeScenario, toUrlSearchParams, type PageSearchParams } from "@/lib";
import { absoluteUrl, originFromHeaders } from "@/lib/api";
import { CalculatorProvider } from "@/components/calculator/calculator-provider";
import { loadCalculator } from "@/components/calculator/load-calculator";
import { Results } from "@/components/results/results";
import { LinkProblems } from "@/components/results/link-problems";
import { PageLinks } from "@/components/results/page-links";
import { JumpBar } from "@/components/results/jump-bar";
import { ScenarioForm } from "@/components/scenario-form/scenario-form";

/**
 * The calculator. The server reads the link, evaluates it and renders the form and every result,
 * so a shared link reads right without JavaScript. PRV accounting takes seconds cold, so the
 * server renders RDP figures (labelled) unless the link asks for RDP; the browser then computes
 * PRV in a Web Worker.
 */
/**
 * A pasted share link previews its own headline comparison: og:image points at the preview route
 * for the link's canonical query (the root opengraph-image cannot see a page's query). URLs are
 * absolute, built from the request's host, since metadata needs them so.
 */
export async function generateMetadata({ searchParams }: { searchParams: Promise<PageSearchParams> }): Promise<Metadata> {
  const parsed = parseScenario(pageParams(toUrlSearchParams(await searchParams)));
  const canonical = serializeScenario(parsed.ok ? parsed.scenario : parsed.fallback);
  const origin = originFromHeaders(await headers());
  const image = { url: absoluteUrl(origin, `/api/v1/og?${canonical}`), width: 1200, height: 630, alt: "Cheapest open vs closed option for this scenario, with cost and leakage" };
  return {
    alternates: { canonical: absoluteUrl(origin, `/?${canonical}`) },
    openGraph: { title: "privadapt — private LLM adaptation calculator", images: [image] },
    twitter: { card: "summary_large_image", images: [image] },
  };
}

export default async function Home({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const requested = toUrlSearchParams(await searchParams);
  // The bare address is rendered as today's setup, the share link `/?v=3` (lib/scenario/search-params.ts).
  const landing = landingAddress(requested);
  const { model, initial, initialRaw, linkProblems } = loadCalculator(pageParams(requested));
  // Next puts the proxy's per-request nonce on its own scripts; this one needs it too (proxy.ts).
  const nonce = landing ? ((await headers()).get("x-nonce") ?? undefined) : undefined;

  return (
    <main>
      {landing ? (
        // Runs as the HTML is parsed, before hydration: the address bar shows the share link the
        // page renders, so nuqs, "Copy link" and a bookmark all read `v=3`, never the bare `/`.
        // The browser hides a nonce after parsing, hence suppressHydrationWarning.
        <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: `history.replaceState(history.state,"",${JSON.stringify(landing)}+location.hash)` }} />
      ) : null}
      <a href="#results-title" className="skip-link">Skip to the results</a>
      <CalculatorProvider keys={model.keys} initial={initial} initialRaw={initialRaw} linkProblems={linkProblems}>
        <header className="site-header">
          <div>
            <h1>privadapt</h1>
            <p className="tagline">Adapt an LLM to private data under differential privacy: closed API methods or open local models? Cost, leakage and the accuracy Hanke et al. (NeurIPS 2024) measured.</p>
          </div>
          <PageLinks />
        </header>
        <LinkProblems />
        <div className="layout">
          <div className="form-column" id="scenario-form" tabIndex={-1}>
            <ScenarioForm model={model} />
          </div>
          <div className="results-column">
            <Results />
          </div>
        </div>
        {/* Narrow screens show the results first (globals.css); this bar keeps the form one tap away. */}
        <JumpBar />
      </CalculatorProvider>
    </main>
  );
}
