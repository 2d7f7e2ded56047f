/** @jest-environment node */
/**
 * The printable statement: its data (lib/api/statement.ts) for every preset, and the server
 * component rendered to HTML. Oracles: the estimate itself (the statement must repeat its numbers,
 * not compute new ones), `recommend()` for the default choice, the codec for ignored fields.
 * Presets run with accountant=rdp (fast); the default link runs once with PRV, as a user sees it.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { StatementView } from "@/app/statement/statement-view";
import { buildStatement, cachedEstimate, formatUsd, headlineOf, originFromHeaders, recommendableRows } from "@/lib/api";
import { PRESET_IDS, parseScenario, recommend } from "@/lib";

function estimateOf(query: string) {
  const parsed = parseScenario(query);
  if (!parsed.ok) throw new Error(`fixture ${query} must parse`);
  return cachedEstimate(parsed.scenario).estimate;
}

const render = (query: string, origin: string | null = "https://privadapt.example") =>
  renderToStaticMarkup(createElement(StatementView, { statement: buildStatement(query), origin }));

describe.each(PRESET_IDS.map((p) => [p]))("preset %s", (preset) => {
  const query = `preset=${preset}&accountant=rdp`;
  const s = buildStatement(query);
  const e = estimateOf(query);

  test("chooses the top recommendation of recommend() and repeats its numbers", () => {
    const top = recommend(recommendableRows(e.rows)).ranked[0]?.option;
    expect(top).toBeDefined();
    expect(s.chosen?.method).toBe(top?.method);
    expect(s.chosen?.model).toBe(top?.model);
    expect(s.chosen?.chosenBecause).toMatch(/^Top recommendation \(rank 1 of \d+\)/);
    expect(s.chosen?.costs.find((c) => c.label === "Total")?.value).toBe(formatUsd(top?.totalCostUsd));
  });

  test("states the DP guarantee with the accountant that produced ε, and the three ledger channels", () => {
    const c = s.chosen;
    expect(c?.guarantee.accountant).toBe(e.rows.find((r) => r.method === c?.method)?.privacy.accountant);
    if (c?.guarantee.feasible) expect(c.guarantee.headline).toMatch(/differentially private with respect to each of the [\d,]+ private records/);
    else expect(c?.guarantee.headline).toMatch(/no guarantee is claimed/);
    expect(c?.ledger.map((l) => l.channel)).toEqual(["A", "B", "C"]);
    expect(s.sources.length).toBeGreaterThan(0);
    expect(s.problems).toEqual({ errors: [], warnings: [], selection: [] });
  });

  test("renders to HTML with every section, no alert, and the absolute share link", () => {
    const html = renderToStaticMarkup(createElement(StatementView, { statement: s, origin: "https://privadapt.example" }));
    for (const heading of ["Differential privacy guarantee", "Leakage ledger", "Costs", "Measured utility", "Scenario", "Assumptions", "Sources"]) expect(html).toContain(`>${heading}</h2>`);
    expect(html).toContain(`https://privadapt.example/?${s.canonical.replace(/&/g, "&amp;")}`);
    expect(html).not.toContain('role="alert"');
  });
});

describe("the default link, with its own accountant (PRV)", () => {
  test("names PRV and its bounds", () => {
    const s = buildStatement("");
    expect(s.canonical).toBe("v=1");
    expect(s.chosen?.guarantee.accountant).toBe("prv");
    expect(s.chosen?.guarantee.accountantWords).toMatch(/^the PRV accountant/);
    const html = render("");
    expect(html).toContain("ε was computed by the PRV accountant");
  });

  test("the headline (cost and leakage only) is the same under PRV and RDP, which is why the preview image may use RDP", () => {
    const prv = headlineOf(estimateOf(""));
    expect(prv.cheapestOpen).not.toBeNull();
    expect(headlineOf(estimateOf("accountant=rdp"))).toEqual(prv);
  });
});

describe("bad links still render, with a role=alert naming what was ignored", () => {
  const query = "accountant=rdp&eps=abc&n=-5&colour=blue";
  const s = buildStatement(query);

  test("bad fields fall back to defaults; the codec's errors and warnings are reported", () => {
    const parsed = parseScenario(query);
    expect(parsed.ok).toBe(false);
    expect(s.problems.errors).toEqual(parsed.ok ? [] : parsed.errors);
    expect(s.problems.warnings.map((w) => w.field)).toEqual(["colour"]);
    expect(s.canonical).toBe("v=1&accountant=rdp");
    expect(s.chosen).not.toBeNull();
  });

  test("the alert names each ignored field", () => {
    const html = render(query);
    const alert = html.slice(html.indexOf('role="alert"'), html.indexOf("</div>", html.indexOf('role="alert"')));
    for (const field of ["eps", "n", "colour"]) expect(alert).toContain(`<code>${field}</code>`);
    expect(html).toContain(">Differential privacy guarantee</h2>");
  });

  test("an unknown method/model is named and the top recommendation is shown instead", () => {
    const t = buildStatement("accountant=rdp&method=nope&model=gpt-3-babbage");
    expect(t.problems.selection).toEqual(['method="nope" and model="gpt-3-babbage" does not match any compared option; showing the top recommendation instead.']);
    expect(t.chosen?.chosenBecause).toMatch(/^Top recommendation/);
  });
});

describe("method and model in the link choose the option", () => {
  test("an explicit pair is described, with its rank", () => {
    const s = buildStatement("accountant=rdp&method=dp-icl&model=gpt-4-turbo");
    expect(s.chosen).toMatchObject({ method: "dp-icl", model: "gpt-4-turbo", title: "DP-ICL on GPT-4 Turbo" });
    expect(s.chosen?.chosenBecause).toMatch(/^Chosen in the link \(method=dp-icl, model=gpt-4-turbo\); it ranks \d+ of \d+/);
    expect(s.chosen?.ledger.find((l) => l.channel === "A")?.status).toBe("exposed");
    expect(s.chosen?.providerPolicy).toMatch(/^OpenAI:/);
    // Printed once, in the ledger, not again among the sources.
    expect(s.sources.filter((src) => src.startsWith("OpenAI: "))).toEqual([]);
    expect(s.links.statement).toBe("/statement?v=1&accountant=rdp&method=dp-icl&model=gpt-4-turbo");
  });

  test("method alone picks that method's best-ranked model", () => {
    const s = buildStatement("accountant=rdp&method=prompt-pate");
    expect(s.chosen?.method).toBe("prompt-pate");
  });

  test("method and model are not share-link keys: no unknown-key warnings for them", () => {
    expect(buildStatement("accountant=rdp&method=dp-icl&model=gpt-4-turbo").problems.warnings).toEqual([]);
  });
});

describe("no comparable option", () => {
  test("a link with no models says why instead of failing", () => {
    const s = buildStatement("accountant=rdp&methods=dp-icl&closed=&open=");
    expect(s.chosen).toBeNull();
    expect(s.noChoiceReason).toMatch(/No selected method × model pair could be compared/);
    expect(renderToStaticMarkup(createElement(StatementView, { statement: s, origin: null }))).toContain("No option to describe");
  });
});

describe("origin from request headers", () => {
  test.each([
    [{ host: "example.org" }, "http://example.org"],
    [{ host: "example.org:3200", "x-forwarded-proto": "https" }, "https://example.org:3200"],
    [{ host: "internal", "x-forwarded-host": "public.example, proxy", "x-forwarded-proto": "https,http" }, "https://public.example"],
    [{ host: "[::1]:3000" }, "http://[::1]:3000"],
    [{ host: 'evil.example"><script>' }, null],
    [{ host: "a/b" }, null],
    [{}, null],
    [{ host: "example.org", "x-forwarded-proto": "javascript" }, "http://example.org"],
  ])("%j → %s", (h, expected) => {
    expect(originFromHeaders(new Headers(h as Record<string, string>))).toBe(expected);
  });
});
