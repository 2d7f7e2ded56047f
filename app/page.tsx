import Link from "next/link";
import { formModel, parseScenario } from "@/lib";
import { CalculatorProvider } from "@/components/calculator/calculator-provider";
import { createEngineCore } from "@/components/calculator/engine-core";
import type { Evaluation } from "@/components/calculator/protocol";
import { Results } from "@/components/results/results";
import { LinkProblems } from "@/components/results/link-problems";
import { ScenarioForm } from "@/components/scenario-form/scenario-form";
import { buildQuery, rawFromSearchParams, toUrlSearchParams, type PageSearchParams } from "./search-params";

/** One engine per server process: its cache makes a popular link cheap to render again. */
const core = createEngineCore();
const model = formModel();

/**
 * The calculator. The server reads the link, evaluates it and renders the form and every result,
 * so a shared link reads right without JavaScript. PRV accounting takes seconds cold, so the
 * server renders RDP figures (labelled) unless the link asks for RDP; the browser then computes
 * PRV in a Web Worker.
 */
export default async function Home({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const params = toUrlSearchParams(await searchParams);
  const full = parseScenario(params);
  const linkProblems = { errors: full.ok ? [] : full.errors, warnings: full.warnings };
  const initialRaw = rawFromSearchParams(params, model.keys);
  // The fields the link got wrong are left out (their defaults apply), as the banner says.
  const query = buildQuery(initialRaw, model.keys, new Set(linkProblems.errors.map((e) => e.field)));
  // RDP whatever the link asks for: the presentation records both, and the page labels it.
  const evaluation = core.handle({ id: 0, type: "evaluate", query, accountant: "rdp" }) as Evaluation;

  return (
    <main>
      <header className="site-header">
        <div>
          <h1>privadapt</h1>
          <p className="tagline">Adapt an LLM to private data under differential privacy: closed API methods or open local models? Cost, leakage and the accuracy Hanke et al. (NeurIPS 2024) measured.</p>
        </div>
        <nav aria-label="Pages">
          <Link href="/reproduce">Reproduce the study</Link>
        </nav>
      </header>
      <CalculatorProvider keys={model.keys} initial={evaluation} initialRaw={initialRaw} linkProblems={linkProblems}>
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
