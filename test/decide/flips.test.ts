/**
 * @jest-environment node
 *
 * Flip thresholds (issue #18), found by bisection on the same engine. Oracles:
 * - brute force on either side: a fresh `estimate()` at the bracket's inside end gives today's
 *   answer and at its outside end the flip's `to`, and the bracket is narrow (adjacent integers,
 *   or within FLIP_TOLERANCE);
 * - for a query-volume flip under rank=cost between two feasible rows, the crossing of their
 *   straight cost lines, q* = (training_B − training_A) / (perQuery_A − perQuery_B), written out
 *   below from the two rows' own training and per-query costs, lies inside the bracket.
 */
import { FLIP_TOLERANCE, estimate, parseScenario, type Scenario } from "@/lib";
import { decisionEvaluator, flipInputs, flipsFor } from "@/lib/decide";

function scenario(query: string): Scenario {
  const r = parseScenario(query);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}
const answerId = (s: Scenario) => {
  const a = estimate(s).decision.answer;
  return a ? `${a.method}/${a.model}` : "none";
};

describe("flips on SAMSum ranked by cost", () => {
  const s = scenario("preset=samsum&rank=cost");
  const today = answerId(s);
  const evaluate = decisionEvaluator();
  const inputs = flipInputs(s);
  const input = (id: string) => {
    const found = inputs.find((i) => i.input === id);
    if (!found) throw new Error(`no input ${id}`);
    return found;
  };

  test("queries: today's answer at the inside end, the new one at the outside end, and the cost lines cross in between", () => {
    const q = input("queries");
    expect([q.low, q.high]).toEqual([1000, 100000]); // ×0.1 … ×10 of 10,000 queries
    const flips = flipsFor(s, q, evaluate);
    expect(flips.length).toBeGreaterThan(0);
    for (const f of flips) {
      const [inside, outside] = f.bracket;
      expect(Math.abs(outside - inside)).toBe(1);
      expect(answerId(q.apply(s, inside))).toBe(today);
      expect(answerId(q.apply(s, outside))).toBe(f.to ? `${f.to.method}/${f.to.model}` : "none");
      // Hand formula: total(q) = training + perQuery × q for each row; equal at q*.
      const rows = estimate(q.apply(s, inside)).rows;
      const a = rows.find((r) => `${r.method}/${r.model}` === today);
      const b = rows.find((r) => f.to && r.method === f.to.method && r.model === f.to.model);
      expect(a?.feasible && b?.feasible).toBe(true);
      const [ta, tb, pa, pb] = [a?.trainingCostUsd, b?.trainingCostUsd, a?.queryCostUsdPerQuery, b?.queryCostUsdPerQuery].map((x) => x ?? NaN) as [number, number, number, number];
      const crossing = (tb - ta) / (pa - pb);
      expect(crossing).toBeGreaterThanOrEqual(Math.min(inside, outside) - 1e-6);
      expect(crossing).toBeLessThanOrEqual(Math.max(inside, outside) + 1e-6);
      expect(f.sentence).toMatch(/^(Above|Below) about .* becomes the answer|nothing meets every must-have/);
    }
  });

  test("token lengths: either side of each threshold, and the bracket within the tolerance", () => {
    const t = input("tokens");
    const flips = flipsFor(s, t, evaluate);
    expect(flips.length).toBeGreaterThan(0);
    for (const f of flips) {
      const [inside, outside] = f.bracket;
      expect(Math.max(inside, outside) / Math.min(inside, outside)).toBeLessThanOrEqual(1 + FLIP_TOLERANCE);
      expect(answerId(t.apply(s, inside))).toBe(today);
      expect(answerId(t.apply(s, outside))).toBe(f.to ? `${f.to.method}/${f.to.model}` : "none");
    }
  });

  test("an input without a flip keeps today's answer at both ends of its range", () => {
    const g = input("gpuPrice");
    expect(flipsFor(s, g, evaluate)).toEqual([]);
    expect(answerId(g.apply(s, g.low))).toBe(today);
    expect(answerId(g.apply(s, g.high))).toBe(today);
  });
});
