/**
 * The words a newcomer reads (issue #19 §6), with the exact new strings. Each case failed on the
 * old code, which printed: "eps: eps is out of range", "an integer from 1 to 1000000000000", a
 * "JSON" link that did not say it is the API, "… for training and 10,000 queries. Not compared
 * (cannot run as planned at ε = 1): PromptPATEGen." inside the cheapest option's card, "1 of them
 * leak nothing", and a study accuracy "measured (run at ε < 0.3)" beside a plan that cannot run.
 *
 * Oracles: the field rules of lib/scenario/schema.ts (ε in [0.001, 100], queries a whole number in
 * [1, 10^12]); PromptPATEGen's planned workload needs ε ≥ 7.99, so at ε = 1 it cannot run (its
 * rows are the only infeasible ones, test/components/comparison-table.test.tsx); at ε = 1 the
 * cost–accuracy front holds two options of which one runs locally.
 */
import "./jsdom-polyfills";
import { render, screen, within } from "@testing-library/react";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { comparisonTable, estimate, linkProblemView, linkWarningView, paretoChart, parseScenario, summaryView } from "../helpers/lib-internals";
import { buildStatement } from "@/lib/api";
import { Summary } from "@/components/results/summary";
import { LinkProblems } from "@/components/results/link-problems";
import { PageLinks } from "@/components/results/page-links";
import { StatementView } from "@/app/statement/statement-view";

const BAD = "eps=5000&queries=0&methods=nope,dp-icl&foo=1&accountant=rdp";

const mockState: { current: unknown } = { current: null };
jest.mock("../../components/calculator/calculator-provider", () => ({ useCalculator: () => mockState.current }));

function estimateOf(search: string) {
  const parsed = parseScenario(search);
  if (!parsed.ok) throw new Error(`scenario must parse: ${search}`);
  return estimate(parsed.scenario);
}

describe("the bad-link banner", () => {
  test("names each field by its label, shows what the link held and the limits as a person writes them", () => {
    const parsed = parseScenario(BAD);
    if (parsed.ok) throw new Error("the link must be bad");
    // The server words the banner where it reads the link (components/calculator/load-calculator.ts).
    const views = { errors: parsed.errors.map(linkProblemView), warnings: parsed.warnings.map(linkWarningView) };
    mockState.current = { linkProblems: { errors: parsed.errors, warnings: parsed.warnings, views }, raw: {}, initialRaw: {} };
    render(<LinkProblems />);
    const items = within(screen.getByRole("alert")).getAllByRole("listitem").map((li) => li.textContent);
    expect(items).toEqual([
      "ε (epsilon) is out of range (eps=5000 in the link). Allowed: a number from 0.001 to 100.",
      "Queries to answer is out of range (queries=0 in the link). Allowed: a whole number from 1 to 1,000,000,000,000.",
      "Methods has unknown id \"nope\" (methods=nope,dp-icl in the link). Allowed: a comma-separated list of 1 to 20 of: dp-icl, prompt-pate, dp-fewshotgen, dp-opt, prompt-dpsgd, private-lora, dp-finetune, prompt-pate-gen, dpzero, post, aug-pe.",
      "Unknown key \"foo\" ignored",
    ]);
  });

  test("the statement's banner says it the same way", () => {
    const html = renderToStaticMarkup(createElement(StatementView, { statement: buildStatement(BAD), origin: null }));
    const text = html.replace(/<[^>]+>/g, "").replace(/&quot;/g, "\"");
    expect(text).toContain("ε (epsilon) is out of range (eps=5000 in the link). Allowed: a number from 0.001 to 100. The default is used.");
    expect(text).toContain("Queries to answer is out of range (queries=0 in the link). Allowed: a whole number from 1 to 1,000,000,000,000. The default is used.");
    expect(text).not.toContain("eps: eps");
  });
});

describe("links that say where they go", () => {
  test("the header's API link says it is the API, for this scenario", () => {
    mockState.current = { evaluation: { presentation: { canonical: "eps=3" } } };
    render(<PageLinks />);
    expect(screen.getByRole("link", { name: "API: this scenario as JSON" })).toHaveAttribute("href", "/api/v1/estimate?eps=3");
    expect(screen.queryByRole("link", { name: "JSON" })).toBeNull();
  });

  test("so does the statement's", () => {
    const html = renderToStaticMarkup(createElement(StatementView, { statement: buildStatement("accountant=rdp"), origin: null }));
    expect(html).toMatch(/<a href="\/api\/v1\/estimate\?[^"]*">API: this scenario as JSON<\/a>/);
  });
});

describe("the cards", () => {
  test("what cannot run is said beside the cards, not inside the cheapest option's card", () => {
    render(<Summary summary={summaryView(estimateOf("accountant=rdp&eps=1"))} />);
    expect(screen.getByText("Cheapest option").nextElementSibling).toHaveTextContent(/^DP-FewShotGen on GPT-3 Babbage \(retired 2026-10-23\): \$0\.996 for training and 10,000 queries$/);
    expect(screen.getByText("Left out of these answers: PromptPATEGen cannot run as planned at ε = 1 (the table marks its rows).")).toBeInTheDocument();
  });

  test("with nothing left out there is no such note", () => {
    const { container } = render(<Summary summary={summaryView(estimateOf("accountant=rdp"))} />);
    expect(container.querySelector(".summary-note")).toBeNull();
  });
});

describe("sentences that count", () => {
  test("one of two on the front: '1 of them leaks nothing'", () => {
    expect(paretoChart(estimateOf("accountant=rdp&eps=1")).title).toBe("2 of 2 options are on the cost–accuracy front; 1 of them leaks nothing to the provider");
  });

  test("a plan that cannot run does not borrow the study's accuracy: its kind says it is the study's run", () => {
    // PromptPATE on GPT-3 Babbage at ε = 0.3: the study ran it at ε < 0.3 (Table 3, 88.8 ± 2.3), but this
    // plan (10,000 queries) needs ε ≥ 0.409.
    const row = comparisonTable(estimateOf("accountant=rdp&eps=0.3&methods=prompt-pate&closed=gpt-3-babbage")).rows[0]!;
    expect(row.feasible).toBe(false);
    expect(row.cells.utility.text).toBe("88.8% ± 2.3");
    expect(row.cells.utilityKind.text).toBe("measured (run at ε < 0.3); the study's run, not this plan");
    expect(row.cells.utilityKind.source).toMatch(/This plan cannot run as planned at ε = 0\.3 .*; the figure is the study's own run of the method, not what this plan would reach\.$/);
  });
});

describe("the leakage chart", () => {
  test("has a legend on screen saying what each bar colour means", async () => {
    const { ChartFigure } = await import("@/components/charts/chart-figure");
    const { leakageChart } = await import("../helpers/lib-internals");
    render(<ChartFigure name="leakage" spec={{ kind: "leakage", chart: leakageChart(estimateOf("accountant=rdp")) }} twoPanel />);
    const legend = screen.getByRole("list", { name: "Bar colours" });
    expect(within(legend).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Provider sees nothing", "Provider sees queries (and a DP artefact)", "Provider sees private records and queries",
    ]);
  });
});

describe("units said once", () => {
  test("the leakage chart's data table: 'Private records sent', not 'Private records (records)'", async () => {
    const { leakageChart } = await import("../helpers/lib-internals");
    expect(leakageChart(estimateOf("accountant=rdp")).table.columns[1]).toBe("Private records sent");
  });
});

describe("one is singular", () => {
  test("a scenario with one query says '1 query' in its line, the query-cost header, the totals' source and the statement", async () => {
    const { presentEstimate } = await import("../helpers/lib-internals");
    const p = presentEstimate(estimateOf("accountant=rdp&queries=1&methods=dp-icl&closed=gpt-3-babbage"));
    expect(p.scenarioLine).toMatch(/ · 1 query · ε = 8,/);
    expect(p.table.columns.find((c) => c.id === "query")?.header).toBe("Query cost, 1 query");
    const row = p.table.rows[0]!;
    expect(row.cells.total.source).toMatch(/^Total = training \+ queries = \$0 \+ \$\S+ \(1 query\)$/m);
    // DP-ICL answers one query with one call per teacher prompt (10 prompts, Hanke et al. 2024, Section 4): "10 calls", never "1 calls".
    expect(row.cells.query.source).toMatch(/\b10 calls, /);
    expect(buildStatement("accountant=rdp&queries=1").scenarioLine).toMatch(/ · 1 query · ε = 8,/);
  });

  test("countNoun: singular for exactly one, grouped digits otherwise", async () => {
    const { countNoun } = await import("../helpers/lib-internals");
    expect([countNoun(1, "call"), countNoun(0, "call"), countNoun(2, "output token"), countNoun(10000, "query", "queries")]).toEqual(["1 call", "0 calls", "2 output tokens", "10,000 queries"]);
  });
});
