import { absoluteUrl, type Statement } from "@/lib/api";
import { linkProblemView, linkWarningView } from "@/lib";
import { PrintButton } from "./print-button";
import styles from "./statement.module.css";

const STATUS_LABEL = { protected: "protected", partial: "partial", exposed: "exposed" } as const;

function Problems({ problems }: { problems: Statement["problems"] }) {
  const { errors, warnings, selection } = problems;
  if (errors.length + warnings.length + selection.length === 0) return null;
  return (
    <div role="alert" className={`alert ${styles.alert}`}>
      <p>
        <strong>Parts of this link were ignored.</strong> {errors.length > 0 ? "Fields with invalid values use their defaults:" : ""}
      </p>
      <ul>
        {errors.map(linkProblemView).map((v) => (
          <li key={`e-${v.key}`}>
            <strong>{v.label}</strong> {v.message} (<code>{v.key}={v.received}</code> in the link). Allowed: {v.allowed}. The default is used.
          </li>
        ))}
        {warnings.map(linkWarningView).map((w, i) => (
          <li key={`w-${w.key}-${i}`}>
            {w.label ? <><strong>{w.label}</strong>: </> : null}{w.message}
          </li>
        ))}
        {selection.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
    </div>
  );
}

function KeyValues({ items, caption }: { items: { label: string; value: string }[]; caption: string }) {
  return (
    <table className={styles.kv}>
      <caption className={styles.srOnly}>{caption}</caption>
      <tbody>
        {items.map((item) => (
          <tr key={item.label}>
            <th scope="row">{item.label}</th>
            <td>{item.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The answer's sensitivity (the page's tornado chart) as a table. Six columns do not fit a 375 px
 * phone, so the table scrolls inside its own box, which is focusable so keyboard users can scroll it.
 */
function Sensitivity({ sensitivity: t }: { sensitivity: NonNullable<Statement["decision"]["sensitivity"]> }) {
  return (
    <>
      <div className={styles.scrollBox} role="region" aria-label={t.caption} tabIndex={0}>
        <table className={`${styles.small} ${styles.sensitivity}`}>
          <caption>{t.caption}</caption>
          <thead>
            <tr>
              {t.columns.map((c) => (
                <th key={c} scope="col">{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {t.rows.map((r) => (
              <tr key={r[0]}>
                {r.map((cell, i) => (i === 0 ? <th key={i} scope="row">{cell}</th> : <td key={i}>{cell}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {t.omitted.length > 0 ? (
        <ul className={`${styles.compact} ${styles.small}`}>
          {t.omitted.map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** The decision (lib/decide): the same answer, runner-up, exclusions, sensitivity and flips as the API and the CLI. */
function Decision({ decision: d }: { decision: Statement["decision"] }) {
  return (
    <section aria-labelledby="answer">
      <h2 id="answer">The answer</h2>
      <p className={styles.guarantee}>{d.answer ?? "No option meets every must-have."}</p>
      {d.relax.length > 0 ? <p>To get an option: {d.relax.join("; or ")}.</p> : null}
      {d.runnerUp ? <p>Runner-up: {d.runnerUp}</p> : null}
      <p>{d.robustness}</p>
      <ul className={`${styles.compact} ${styles.small}`}>
        <li>{d.epsilon}</li>
        {d.notes.filter((n) => n !== d.epsilon).map((n) => (
          <li key={n}>{n}</li>
        ))}
        <li>Best means: {d.rule}</li>
      </ul>
      <h3>What would change the answer</h3>
      {d.sensitivity ? <Sensitivity sensitivity={d.sensitivity} /> : null}
      {d.flips === null ? (
        <p className={styles.small}>
          Flip thresholds are not computed on this view (they take tens of estimates). <a href={d.flipsLink ?? "#"}>Compute them</a>.
        </p>
      ) : d.flips.length === 0 ? (
        <p className={styles.small}>Across the searched ranges (queries ×0.1–×10, N and token lengths ×0.5–×2, ε over its range, GPU and API prices ×0.5–×2) the answer at each end is today&apos;s.</p>
      ) : (
        <ul className={`${styles.compact} ${styles.small}`}>
          {d.flips.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
      {d.excluded.length > 0 ? (
        <details className={styles.small}>
          <summary>Excluded ({d.excluded.length})</summary>
          <ul className={styles.compact}>
            {d.excluded.map((e) => (
              <li key={e.title}>
                {e.title}: {e.reasons}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

export function StatementView({ statement: s, origin }: { statement: Statement; origin: string | null }) {
  const c = s.chosen;
  const shareLink = absoluteUrl(origin, s.links.calculator);
  return (
    <main className={styles.sheet}>
      <header className={styles.header}>
        <h1>{s.title}</h1>
        <p className={styles.lede}>{s.scenarioLine}</p>
        <p className={styles.noPrint}>
          <PrintButton /> <a href={s.links.calculator}>Back to the calculator</a> · <a href={s.links.api}>API: this scenario as JSON</a>
        </p>
      </header>

      <Problems problems={s.problems} />

      <Decision decision={s.decision} />

      {c === null ? (
        <section aria-labelledby="none">
          <h2 id="none">No option to describe</h2>
          <p>{s.noChoiceReason}</p>
        </section>
      ) : (
        <>
          <section aria-labelledby="chosen">
            <h2 id="chosen">Chosen option: {c.title}</h2>
            <p>{c.chosenBecause}</p>
            <p>
              {c.methodSummary} {c.deployment}
            </p>
          </section>

          <section aria-labelledby="guarantee">
            <h2 id="guarantee">Differential privacy guarantee</h2>
            <p className={styles.guarantee}>{c.guarantee.headline}</p>
            <p>
              ε was computed by {c.guarantee.accountantWords}.
            </p>
            <ul className={`${styles.compact} ${styles.small}`}>
              {c.guarantee.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
            {s.rederive ? (
              <details className={styles.small}>
                <summary>Re-derive ε and σ yourself</summary>
                <p>{s.rederive.note}</p>
                {s.rederive.snippets.map((snippet) => (
                  <figure key={`${snippet.library}-${snippet.accountant}-${snippet.figure}`}>
                    <figcaption>
                      {snippet.figure === "sigma" ? "σ" : "ε"} with {snippet.library} ({snippet.accountant.toUpperCase()})
                    </figcaption>
                    <pre className={styles.formula}>{snippet.code}</pre>
                  </figure>
                ))}
              </details>
            ) : null}
          </section>

          <section aria-labelledby="ledger">
            <h2 id="ledger">Leakage ledger</h2>
            <table className={styles.ledger}>
              <thead>
                <tr>
                  <th scope="col">Channel</th>
                  <th scope="col">Status</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {c.ledger.map((l) => (
                  <tr key={l.channel}>
                    <th scope="row">
                      {l.channel}: {l.name}
                    </th>
                    <td className={styles[l.status]}>{STATUS_LABEL[l.status]}</td>
                    <td>
                      {l.reason}
                      {l.formula ? <span className={styles.formula}>{l.formula}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {c.providerPolicy ? <p className={styles.small}>Provider policy: {c.providerPolicy}</p> : null}
          </section>

          <div className={styles.columns}>
            <section aria-labelledby="costs">
              <h2 id="costs">Costs</h2>
              <KeyValues items={c.costs} caption="Costs of the chosen option" />
              <ul className={`${styles.compact} ${styles.small}`}>
                {c.costStages.map((st) => (
                  <li key={`${st.phase}-${st.label}`}>
                    {st.label} ({st.phase}): {st.cost}. <span className={`${styles.formula} ${styles.noPrint}`}>{st.formula}</span>
                  </li>
                ))}
                {c.prices.map((p) => (
                  <li key={p}>Price: {p}</li>
                ))}
              </ul>
            </section>
            <section aria-labelledby="utility">
              <h2 id="utility">{c.utilityFrom === "authors" ? "Utility reported by the method's authors (not the study)" : "Utility from the study"}</h2>
              <KeyValues items={c.utility} caption={c.utilityFrom === "authors" ? "Utility its own authors report, with their paper and setup; Hanke et al. 2024 did not measure this method" : "Utility from the study's tables, with its kind (measured, interpolated or reference)"} />
              <h3>Method settings</h3>
              <KeyValues items={c.knobs} caption="Knobs of the chosen method" />
            </section>
          </div>
        </>
      )}

      <section aria-labelledby="scenario">
        <h2 id="scenario">Scenario</h2>
        <ul className={styles.inlineList}>
          {s.scenario.map((item) => (
            <li key={item.label}>
              <span className={styles.term}>{item.label}:</span> {item.value}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="compare">
        <h2 id="compare">Headline comparison</h2>
        <p>
          Cheapest on a local open model: {s.headline.cheapestOpen ? `${s.headline.cheapestOpen.label}, ${s.headline.cheapestOpen.totalCost} (${s.headline.cheapestOpen.guarantee})` : "none compared"}. Cheapest on a
          closed API: {s.headline.cheapestClosed ? `${s.headline.cheapestClosed.label}, ${s.headline.cheapestClosed.totalCost} (${s.headline.cheapestClosed.guarantee})` : "none compared"}. {s.headline.compared} options compared.
        </p>
        {s.alternatives.length > 0 ? (
          <div className={styles.noPrint}>
            <h3>Next in the ranking ({s.rankedCount} options ranked)</h3>
            <ol className={styles.compact}>
              {s.alternatives.map((a) => (
                <li key={a.statement} value={a.rank}>
                  <a href={a.statement}>{a.title}</a>: {a.why}
                </li>
              ))}
            </ol>
          </div>
        ) : null}
        {s.notRanked.length > 0 ? (
          <div className={styles.noPrint}>
            <h3>Not ranked ({s.notRanked.length === 1 ? "1 option cannot" : `${s.notRanked.length} options cannot`} run as planned)</h3>
            <ul className={`${styles.compact} ${styles.small}`}>
              {s.notRanked.map((n) => (
                <li key={n.title}>
                  {n.title}: {n.reason}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      <div className={styles.columns}>
        {s.assumptions.length > 0 ? (
          <section aria-labelledby="assumptions">
            <h2 id="assumptions">Assumptions</h2>
            <ul className={`${styles.compact} ${styles.small}`}>
              {s.assumptions.map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
          </section>
        ) : null}

        {s.sources.length > 0 ? (
          <section aria-labelledby="sources">
            <h2 id="sources">Sources</h2>
            <ol className={`${styles.compact} ${styles.small}`}>
              {s.sources.map((src) => (
                <li key={src}>{src}</li>
              ))}
            </ol>
          </section>
        ) : null}
      </div>

      <footer className={styles.footer}>
        <p>
          Share link: <a href={s.links.calculator}>{shareLink}</a>
        </p>
        <p className={styles.small}>
          This statement: {absoluteUrl(origin, s.links.statement)} · Computed by {s.engine} from Hanke et al., “Open LLMs are Necessary for Current Private Adaptations and Outperform their Closed Alternatives”, NeurIPS 2024.
        </p>
      </footer>
    </main>
  );
}
