/**
 * The decision (issue #18). Oracles: brute force over the estimate's own rows with the must-haves
 * restated from README.md (feasible; cost ≤ maxCost; each `protect` channel "protected"; utility ≥
 * minUtility) and the rank rule's first key (cheapest for rank=cost, most accurate for
 * rank=utility); hand-built intervals for robustness.
 */
import { centsUp } from "@/lib/decide/decide";
import { estimate, parseScenario, robustness, type EstimateRow, type Scenario } from "@/lib";

function scenario(query: string): Scenario {
  const r = parseScenario(query);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

const qualifies = (s: Scenario) => (r: EstimateRow) =>
  r.feasible && r.leakage !== null &&
  (s.maxCostUsd === null || (r.totalCostUsd !== null && r.totalCostUsd <= s.maxCostUsd)) &&
  s.protect.every((c) => r.leakage?.channels[c].status === "protected") &&
  (s.minUtility === null || (r.utility.value !== null && r.utility.value >= s.minUtility));

describe("decide", () => {
  test("the issue's question: 20,000 tickets, 10 categories, 1M queries, ε = 1, provider must not see the data, $500", () => {
    const s = scenario("preset=custom&classes=10&n=20000&queries=1000000&eps=1&protect=A&maxCost=500&rank=cost");
    const est = estimate(s);
    const ok = est.rows.filter(qualifies(s));
    expect(ok.length).toBeGreaterThan(0);
    const cheapest = Math.min(...ok.map((r) => r.totalCostUsd as number));
    const a = est.decision.answer;
    expect(a).not.toBeNull();
    expect(a?.totalCostUsd).toBe(cheapest);
    expect(a?.sentence).toContain(`$${cheapest.toFixed(2)}`);
    // Every row not ranked is listed as excluded with at least one reason.
    expect(est.decision.excluded.length).toBe(est.rows.length - ok.length);
    for (const e of est.decision.excluded) expect(e.reasons.length).toBeGreaterThan(0);
  });

  test("rank=utility picks the most accurate qualifying row (SST2 preset, protect=A)", () => {
    const s = scenario("v=1&protect=A&rank=utility");
    const est = estimate(s);
    const ok = est.rows.filter(qualifies(s)).filter((r) => r.utility.value !== null);
    const best = Math.max(...ok.map((r) => r.utility.value as number));
    expect(est.decision.answer?.utility.value).toBe(best);
  });

  test("nothing qualifies: relax says the budget that gives the cheapest option protecting A and B", () => {
    const s = scenario("v=1&protect=A,B&maxCost=0.01");
    const est = estimate(s);
    expect(est.decision.answer).toBeNull();
    const protecting = est.rows.filter(qualifies({ ...s, maxCostUsd: null }));
    const cheapest = Math.min(...protecting.map((r) => r.totalCostUsd as number));
    const relax = est.decision.relax.find((r) => r.constraint === "maxCost");
    expect(relax?.to).toBe(Math.ceil(cheapest * 100) / 100);
    expect(relax?.sentence).toMatch(/^raise the budget to \$\d/);
    // Dropping B alone: an option that protects only A within a cent exists only if some row does.
    const onlyA = est.rows.filter(qualifies({ ...s, protect: ["A"] }));
    expect(est.decision.relax.some((r) => r.constraint === "protect.B")).toBe(onlyA.length > 0);
  });

  // The catalogue now holds authors' figures (DPZero's, issue #17), so the note no longer says "none in the catalogue
  // yet"; for the study's eight methods there are still none, so both sources pick the same answer.
  test("utilitySource=reported on the study's methods: no option has an authors' figure, it says so, and picks what study picks", () => {
    const study = estimate(scenario("v=1&protect=A"));
    const reported = estimate(scenario("v=1&protect=A&utilitySource=reported"));
    expect(reported.decision.answer).toEqual(study.decision.answer);
    expect(reported.decision.notes.join(" ")).toMatch(/none of the compared options has a figure from its authors/);
  });

  test("centsUp: a budget is rounded up to the cent, never down to $0", () => {
    expect(centsUp(2e-119)).toBe(0.01); // hand: any positive cost needs at least one cent
    expect(centsUp(41.2)).toBe(41.2);
    expect(centsUp(41.201)).toBe(41.21);
  });
});

describe("robustness", () => {
  const base = estimate(scenario("v=1&rank=cost")).rows.find((r) => r.feasible) as EstimateRow;
  const row = (method: EstimateRow["method"], cost: number, range?: { low: number; high: number }): EstimateRow =>
    ({ ...base, method, methodLabel: method, totalCostUsd: cost, ...(range ? { costRange: range } : {}) }) as EstimateRow;
  const exposure = () => 0;

  test("cost ranges that overlap are a tie", () => {
    const r = robustness(row("private-lora", 10, { low: 8, high: 13 }), row("prompt-dpsgd", 12, { low: 11, high: 15 }), "cost", exposure);
    expect(r.robust).toBe(false);
    expect(r.sentence).toMatch(/within each other's cost range: a tie/);
  });

  test("disjoint cost ranges hold", () => {
    const r = robustness(row("private-lora", 10, { low: 8, high: 10.5 }), row("prompt-dpsgd", 12, { low: 11, high: 15 }), "cost", exposure);
    expect(r.robust).toBe(true);
    expect(r.sentence).toMatch(/stays ahead .* across the cost range/);
  });

  test("without a runner-up the answer is the only option", () => {
    expect(robustness(row("private-lora", 10), null, "cost", exposure)).toEqual({ robust: true, sentence: expect.stringMatching(/only option/) });
  });
});

describe("maxEps: the smallest ε up to maxEps with an answer", () => {
  // Oracle: fresh estimates without maxEps on either side of the bracket the search reports.
  test("raises ε only as far as needed, and says so", () => {
    const s = scenario("v=1&minUtility=93&eps=0.3&maxEps=8&accountant=rdp");
    const d = estimate(s).decision;
    expect(d.epsilon.asked).toBe(0.3);
    expect(d.epsilon.used).toBeGreaterThan(0.3);
    expect(d.epsilon.used).toBeLessThanOrEqual(8);
    const below = d.epsilon.noAnswerAt as number;
    expect(d.epsilon.used / below).toBeLessThanOrEqual(1.01);
    expect(estimate({ ...s, maxEpsilon: null, epsilon: below }).decision.answer).toBeNull();
    const at = estimate({ ...s, maxEpsilon: null, epsilon: d.epsilon.used }).decision.answer;
    expect(at).not.toBeNull();
    expect(d.answer).toEqual(at);
    expect(d.notes.join(" ")).toMatch(/the smallest ε up to maxEps = 8 at which one does is ε = /);
  });

  test("does not raise ε when an option already qualifies", () => {
    const d = estimate(scenario("v=1&protect=A&eps=1&maxEps=8&accountant=rdp")).decision;
    expect(d.answer).not.toBeNull();
    expect(d.epsilon).toMatchObject({ asked: 1, used: 1, evaluations: 0 });
  });
});
