import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { COST_LABEL_TEXT, authorsReproduceView, formatCount, formatFixed, reportedByAuthorsView, reproduceView } from "@/lib";

export const metadata: Metadata = {
  title: "Reproduce the study — privadapt",
  description: "Hanke et al. (NeurIPS 2024) cost and utility tables beside privadapt's numbers for the same setups, with every difference explained.",
};

/** Same for every request: computed once per server process. */
const view = reproduceView();
/** Methods beyond the study (issue #17): what their own authors report, beside privadapt's figures. */
const authors = authorsReproduceView();
/** Each later method's own published figures (MethodDescriptor.reportedByAuthors): Aug-PE. */
const authorsByMethod = reportedByAuthorsView();


/**
 * "Reproduce the study": the study's cost and utility tables side by side with privadapt's
 * numbers for the same setups (dataset, knobs, 10,000 queries, Table 22 prices, A40 at $0.69/h).
 */
export default async function Reproduce() {
  // Rendered per request so its scripts carry the request's CSP nonce (proxy.ts).
  await connection();
  return (
    <main>
      <header className="site-header">
        <div>
          <h1>Reproduce the study</h1>
          <p className="tagline">Hanke et al., “Open LLMs are Necessary for Current Private Adaptations and Outperform their Closed Alternatives”, NeurIPS 2024: their cost and utility tables beside privadapt’s numbers for the same setups.</p>
        </div>
        <nav aria-label="Pages"><Link href="/">Back to the calculator</Link></nav>
      </header>

      <div className="side-by-side">
        <section aria-labelledby="costs-title">
          <h2 id="costs-title">Costs: the study vs privadapt</h2>
          <p>{view.costSummary}</p>
          <p className="help">Each setup uses the study’s dataset, knobs, 10,000 queries, the study’s API prices (Table 22, 2024-05-22) and an A40 at $0.69/hour. API costs follow the Appendix D token formula; GPU costs in this table come from privadapt’s GPU-hour model (a roofline fitted to the study’s measured A40 costs); for these very setups the calculator itself shows the study’s measurement (next table). Every gap is labelled as one of three things only: an inconsistency the paper itself contains (cited), the residual of privadapt’s model, or unexplained (docs/derivations.md §S6).</p>
          <div className="table-scroll" role="region" aria-labelledby="costs-caption" tabIndex={0}>
            <table className="data reproduce-table">
              <caption id="costs-caption">Study cost cells (USD) and privadapt’s estimate for the same setup</caption>
              <thead>
                <tr>
                  <th scope="col">Table</th>
                  <th scope="col">Method (as printed)</th>
                  <th scope="col">Model</th>
                  <th scope="col">Dataset</th>
                  <th scope="col" className="num">Training, study (USD)</th>
                  <th scope="col" className="num">Training, privadapt (USD)</th>
                  <th scope="col" className="num">Δ</th>
                  <th scope="col" className="num">Queries per 10k, study (USD)</th>
                  <th scope="col" className="num">Queries per 10k, privadapt (USD)</th>
                  <th scope="col" className="num">Δ</th>
                  <th scope="col">Why they differ</th>
                </tr>
              </thead>
              <tbody>
                {view.costs.map((c) => (
                  <tr key={c.key}>
                    <td>{c.table}</td>
                    <th scope="row">{c.method}</th>
                    <td>{c.model}</td>
                    <td>{c.datasets}</td>
                    <td className="num">{c.paperTraining}</td>
                    <td className="num">{c.oursTraining}</td>
                    <td className="num">{c.errorTraining}</td>
                    <td className="num">{c.paperQuery}</td>
                    <td className="num">{c.oursQuery}</td>
                    <td className="num">{c.errorQuery}</td>
                    <td className={`why diff-${c.labelTraining === "exact" && c.labelQuery === "exact" ? "none" : c.labelTraining === "residual" || c.labelQuery === "residual" ? "model" : "paper"}`}>{c.explanation === "" ? <strong>{COST_LABEL_TEXT.exact}</strong> : c.explanation}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <h3 id="gpu-title">GPU cells: the measurement beside the GPU model</h3>
          <p className="help">For each GPU part of the cells above: the figure the calculator shows for the study’s setup (the study’s own A40 measurement), and what privadapt’s GPU-hour model (lib/cost/gpu-model.ts) estimates for it, fitted to all the study’s GPU cells (in sample) and refitted without this cell (leave-one-out). A ratio is the estimate ÷ the measurement; the full list and its error summary are in test/cost/GPU-MODEL.md.</p>
          <div className="table-scroll" role="region" aria-labelledby="gpu-caption" tabIndex={0}>
            <table className="data reproduce-table">
              <caption id="gpu-caption">GPU parts of the study cost cells (USD at $0.69 per A40-hour; training once, queries per 10,000): measured and the GPU model’s estimates</caption>
              <thead>
                <tr>
                  <th scope="col">Table</th>
                  <th scope="col">Method (as printed)</th>
                  <th scope="col">Model</th>
                  <th scope="col">Dataset</th>
                  <th scope="col">Part</th>
                  <th scope="col" className="num">Measured, as the calculator shows it (USD)</th>
                  <th scope="col" className="num">GPU model, in sample (USD)</th>
                  <th scope="col" className="num">In sample ÷ measured (ratio)</th>
                  <th scope="col" className="num">GPU model, leave-one-out (USD)</th>
                  <th scope="col" className="num">Leave-one-out ÷ measured (ratio)</th>
                  <th scope="col">Note</th>
                </tr>
              </thead>
              <tbody>
                {view.costs.flatMap((c) => c.gpu.map((g) => (
                  <tr key={`${c.key}-${g.part}`}>
                    <td>{c.table}</td>
                    <th scope="row">{c.method}</th>
                    <td>{c.model}</td>
                    <td>{c.datasets}</td>
                    <td>{g.part === "training" ? "Training" : "Queries per 10k"}</td>
                    <td className="num">{g.measured}</td>
                    <td className="num">{g.inSample}</td>
                    <td className="num">{g.inSampleRatio}</td>
                    <td className="num">{g.leaveOneOut}</td>
                    <td className="num">{g.leaveOneOutRatio}</td>
                    <td className="why">{g.notFitted !== "" ? `Not in the fit: ${g.notFitted}` : g.measuredFrom !== "" ? `The calculator shows the study’s measurement of this setup in ${g.measuredFrom}.` : ""}</td>
                  </tr>
                )))}
              </tbody>
            </table>
          </div>
        </section>

        <section aria-labelledby="utility-title">
          <h2 id="utility-title">Utility: the study vs what the calculator shows</h2>
          <p>{view.utilitySummary}</p>
          <p className="help">privadapt never models accuracy: it looks the study’s numbers up. This table checks that every private-run cell of Tables 1, 3–6 and 23 comes back as printed, and explains the cells where two tables print different runs of the same setup.</p>
          <div className="table-scroll" role="region" aria-labelledby="utility-caption" tabIndex={0}>
            <table className="data reproduce-table">
              <caption id="utility-caption">Study utility cells and the value the calculator shows for the same setup</caption>
              <thead>
                <tr>
                  <th scope="col">Table</th>
                  <th scope="col">Method</th>
                  <th scope="col">Model</th>
                  <th scope="col">Dataset</th>
                  <th scope="col" className="num">ε</th>
                  <th scope="col">Metric</th>
                  <th scope="col" className="num">Study</th>
                  <th scope="col" className="num">privadapt</th>
                  <th scope="col">Note</th>
                </tr>
              </thead>
              <tbody>
                {view.utility.map((u) => (
                  <tr key={u.key}>
                    <td>{u.table}</td>
                    <th scope="row">{u.method}</th>
                    <td>{u.model}</td>
                    <td>{u.dataset}</td>
                    <td className="num">{u.epsilon}</td>
                    <td>{u.metric}</td>
                    <td className="num">{u.paper}</td>
                    <td className="num">{u.ours}</td>
                    <td className={`why ${u.same ? "diff-none" : "diff-paper"}`}>{u.explanation}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>

        <section aria-labelledby="authors-title">
          <h2 id="authors-title">Reported by the method’s authors (methods beyond the study)</h2>
          <p>{authors.summary}</p>
          <p className="help">These methods were not run by Hanke et al.: their figures come from their own papers and code, under their own protocols. The calculator shows them only where dataset, model and ε match, marked “reported”, and its decision uses them only with utilitySource=reported.</p>
          <div className="table-scroll" role="region" aria-labelledby="authors-budget-caption" tabIndex={0}>
            <table className="data reproduce-table">
              <caption id="authors-budget-caption">Noise multiplier σ for the authors’ own setups (δ = 1e-5): as their code computes it, and as privadapt does</caption>
              <thead>
                <tr>
                  <th scope="col">Method</th>
                  <th scope="col">Setup</th>
                  <th scope="col" className="num">N</th>
                  <th scope="col" className="num">Batch</th>
                  <th scope="col" className="num">Steps</th>
                  <th scope="col" className="num">ε</th>
                  <th scope="col" className="num">σ, authors’ code</th>
                  <th scope="col" className="num">σ, privadapt (PRV)</th>
                  <th scope="col" className="num">σ, privadapt (RDP)</th>
                  <th scope="col">Source</th>
                </tr>
              </thead>
              <tbody>
                {authors.budget.map((b) => (
                  <tr key={b.key}>
                    <th scope="row">{b.method}</th>
                    <td>{b.setup}</td>
                    <td className="num">{formatCount(b.records)}</td>
                    <td className="num">{b.batch}</td>
                    <td className="num">{formatCount(b.steps)}</td>
                    <td className="num">{b.epsilon}</td>
                    <td className="num">{b.codeSigma}</td>
                    <td className="num">{b.prvSigma}</td>
                    <td className="num">{b.rdpSigma}</td>
                    <td className="why">{b.source}. {b.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="table-scroll" role="region" aria-labelledby="authors-cost-caption" tabIndex={0}>
            <table className="data reproduce-table">
              <caption id="authors-cost-caption">Costs the authors’ papers give, beside privadapt’s figure for the same work</caption>
              <thead>
                <tr>
                  <th scope="col">Method</th>
                  <th scope="col">Work</th>
                  <th scope="col" className="num">Paper</th>
                  <th scope="col" className="num">privadapt</th>
                  <th scope="col" className="num">Ratio</th>
                  <th scope="col">Source and note</th>
                </tr>
              </thead>
              <tbody>
                {authors.costs.map((c) => (
                  <tr key={c.key}>
                    <th scope="row">{c.method}</th>
                    <td>{c.work}</td>
                    <td className="num">{c.paper}</td>
                    <td className="num">{c.ours}</td>
                    <td className="num">{`${formatFixed(c.ratio, 2)}×`}</td>
                    <td className="why">{c.source}. {c.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="table-scroll" role="region" aria-labelledby="authors-utility-caption" tabIndex={0}>
            <table className="data reproduce-table">
              <caption id="authors-utility-caption">Accuracy reported by the authors and the value a calculator row shows for the same setup</caption>
              <thead>
                <tr>
                  <th scope="col">Method</th>
                  <th scope="col">Model</th>
                  <th scope="col">Dataset</th>
                  <th scope="col" className="num">ε</th>
                  <th scope="col" className="num">Authors</th>
                  <th scope="col" className="num">privadapt</th>
                  <th scope="col">Source</th>
                </tr>
              </thead>
              <tbody>
                {authors.utility.map((u) => (
                  <tr key={u.key}>
                    <th scope="row">{u.method}</th>
                    <td>{u.model}</td>
                    <td>{u.dataset}</td>
                    <td className="num">{u.epsilon}</td>
                    <td className="num">{u.authors}</td>
                    <td className="num">{u.ours}</td>
                    <td className="why">{u.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        {authorsByMethod.map((a) => (
          <section key={a.method} aria-labelledby={`authors-${a.method}-title`}>
            <h2 id={`authors-${a.method}-title`}>{a.label}: reported by the method’s authors</h2>
            <p className="help">The study did not run {a.label}, so its tables above have no row for it. These are the figures its authors publish, beside privadapt’s for the same setup. Sources: {a.sources.join("; ")}.</p>
            <div className="table-scroll" role="region" aria-labelledby={`authors-${a.method}-caption`} tabIndex={0}>
              <table className="data reproduce-table">
                <caption id={`authors-${a.method}-caption`}>{a.label}: the authors’ figures and privadapt’s</caption>
                <thead>
                  <tr>
                    <th scope="col">Kind</th>
                    <th scope="col">Setup</th>
                    <th scope="col" className="num">Authors</th>
                    <th scope="col" className="num">privadapt</th>
                    <th scope="col">How read</th>
                    <th scope="col">Note</th>
                  </tr>
                </thead>
                <tbody>
                  {a.figures.map((f) => (
                    <tr key={f.key}>
                      <td>{f.kind}</td>
                      <th scope="row" className="setup">{f.what}</th>
                      <td className="num">{f.theirs}</td>
                      <td className="num">{f.oursText}</td>
                      <td>{f.reading}; {f.source}</td>
                      <td className="why">{f.note}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))}
      </div>
    </main>
  );
}
