import Link from "next/link";
import { CalculatorProvider } from "@/components/calculator/calculator-provider";
import { loadCalculator } from "@/components/calculator/load-calculator";
import { Results } from "@/components/results/results";
import { LinkProblems } from "@/components/results/link-problems";
import { ScenarioForm } from "@/components/scenario-form/scenario-form";
import { toUrlSearchParams, type PageSearchParams } from "./search-params";

/**
 * The calculator. The server reads the link, evaluates it and renders the form and every result,
 * so a shared link reads right without JavaScript. PRV accounting takes seconds cold, so the
 * server renders RDP figures (labelled) unless the link asks for RDP; the browser then computes
 * PRV in a Web Worker.
 */
export default async function Home({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const { model, initial, initialRaw, linkProblems } = loadCalculator(toUrlSearchParams(await searchParams));

  return (
    <main>
      <a href="#results-title" className="skip-link">Skip to the results</a>
      <header className="site-header">
        <div>
          <h1>privadapt</h1>
          <p className="tagline">Adapt an LLM to private data under differential privacy: closed API methods or open local models? Cost, leakage and the accuracy Hanke et al. (NeurIPS 2024) measured.</p>
        </div>
        <nav aria-label="Pages">
          <Link href="/reproduce">Reproduce the study</Link>
        </nav>
      </header>
      <CalculatorProvider keys={model.keys} initial={initial} initialRaw={initialRaw} linkProblems={linkProblems}>
        <LinkProblems />
        <div className="layout">
          <div className="form-column">
            <ScenarioForm model={model} />
          </div>
          <div className="results-column">
            <Results />
          </div>
        </div>
      </CalculatorProvider>
    </main>
  );
}
