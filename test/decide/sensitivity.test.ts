/**
 * @jest-environment node
 *
 * The tornado chart's data (lib/decide/sensitivity.ts). Oracles:
 * - brute force: each bar's ends equal a fresh `estimate()` of the scenario with that one input
 *   changed by hand here (not through the module's `apply`), the option's `totalCostUsd`;
 * - a hand calculation (default scenario, SST-2): PrivateLoRA on Llama3-8B run locally costs GPU-hours only, so its cost is
 *   proportional to the $/GPU-hour: $28.38 at the default $0.69 (the study's RunPod A40 median,
 *   Hanke et al. 2024, Table 22) → 28.38 × 0.50 / 0.69 = $20.5652 at Hyperstack's $0.50 and
 *   28.38 × 2.07 / 0.69 = $85.14 at Replicate's $2.07 (the same table's range);
 * - flips drawn on the bars lie within the bar's range, and each marker's cost is a fresh estimate
 *   at the threshold.
 */
import { decisionEvaluator, estimate, findFlips, flipMarkers, parseScenario, sensitivity, sensitivityTable, type Scenario } from "../helpers/lib-internals";

function scenario(query: string): Scenario {
  const r = parseScenario(query);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return { ...r.scenario, accountant: "rdp" };
}
const costOf = (s: Scenario, method: string, model: string) => estimate(s).rows.find((r) => r.method === method && r.model === model)?.totalCostUsd ?? null;

describe("sensitivity of the default scenario's answer (SST-2, 66,674 records, ε = 8, A40 at $0.69/h)", () => {
  const s = scenario("");
  const sens = sensitivity(s);
  const bar = (id: string) => {
    const b = sens.bars.find((x) => x.input === id);
    if (!b) throw new Error(`no bar ${id}`);
    return b;
  };

  test("is about the decision's answer, at its cost", () => {
    const answer = estimate(s).decision.answer;
    expect(sens.option).toMatchObject({ method: answer?.method, model: answer?.model });
    expect(sens.option).toMatchObject({ method: "private-lora", model: "llama-3-8b-instruct" });
    expect(sens.baseCostUsd).toBeCloseTo(28.38, 6);
  });

  test("GPU price: the A40's Table 22 range, cost proportional to the price (hand calculation)", () => {
    const g = bar("gpuPrice");
    expect([g.low.value, g.high.value]).toEqual([0.5, 2.07]);
    expect(g.low.costUsd).toBeCloseTo((28.38 * 0.5) / 0.69, 6);
    expect(g.high.costUsd).toBeCloseTo((28.38 * 2.07) / 0.69, 6);
    expect(g.source).toMatch(/Table 22/);
  });

  test("each bar's ends equal a fresh estimate with that input changed by hand", () => {
    const m = "private-lora";
    const md = "llama-3-8b-instruct";
    const expected: Record<string, [Scenario, Scenario]> = {
      queries: [{ ...s, queries: 1000 }, { ...s, queries: 100000 }], // 10,000 × 0.1 and × 10
      n: [{ ...s, records: Math.round(s.records / 2), delta: 1 / Math.round(s.records / 2) }, { ...s, records: s.records * 2, delta: 1 / (s.records * 2) }],
      tokens: [{ ...s, inTokens: s.inTokens / 2, outTokens: s.outTokens / 2 }, { ...s, inTokens: s.inTokens * 2, outTokens: s.outTokens * 2 }],
      eps: [{ ...s, epsilon: 4 }, { ...s, epsilon: 16 }], // ε = 8: ε/2 … 2ε without maxEps
      priceSet: [{ ...s, priceSet: "paper-2024-05" }, { ...s, priceSet: "current" }],
    };
    expect(Math.abs(s.delta * s.records - 1)).toBeLessThan(1e-12); // δ = 1/N, so δ follows N
    for (const [id, [lo, hi]] of Object.entries(expected)) {
      const b = bar(id);
      expect([id, b.low.costUsd]).toEqual([id, costOf(lo, m, md)]);
      expect([id, b.high.costUsd]).toEqual([id, costOf(hi, m, md)]);
    }
  });

  test("bars are sorted by swing, widest first, swing = |high − low|", () => {
    const swings = sens.bars.map((b) => b.swingUsd);
    for (const b of sens.bars) if (b.swingUsd !== null) expect(b.swingUsd).toBeCloseTo(Math.abs((b.high.costUsd as number) - (b.low.costUsd as number)), 9);
    const known = swings.filter((x): x is number => x !== null);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    expect(sens.bars[0]?.input).toBe("gpuPrice"); // $64.57 swing, more than N's $41.40
  });

  test("the text alternative has one row per bar with both ends' costs", () => {
    const t = sensitivityTable(sens);
    expect(t.rows).toHaveLength(sens.bars.length);
    expect(t.rows[0]?.[0]).toBe("GPU price");
    expect(t.rows[0]?.[2]).toBe("$20.57");
    expect(t.rows[0]?.[3]).toBe("$85.14");
  });

  test("flip markers lie within their bar's range, at the option's cost at the threshold", () => {
    const evaluate = decisionEvaluator();
    const flips = findFlips(s);
    const markers = flipMarkers(s, sens, flips, {}, evaluate);
    expect(markers.length).toBeGreaterThan(0);
    for (const mk of markers) {
      const b = bar(mk.input);
      expect(mk.at).toBeGreaterThanOrEqual(Math.min(b.low.value as number, b.high.value as number));
      expect(mk.at).toBeLessThanOrEqual(Math.max(b.low.value as number, b.high.value as number));
      const at = mk.input === "queries" ? { ...s, queries: mk.at } : mk.input === "n" ? { ...s, records: mk.at, delta: 1 / mk.at } : mk.input === "eps" ? { ...s, epsilon: mk.at } : mk.input === "tokens" ? { ...s, inTokens: s.inTokens * mk.at, outTokens: s.outTokens * mk.at } : null;
      if (at === null) throw new Error(`unexpected marker input ${mk.input}`);
      expect(mk.costUsd).toBe(costOf(at, sens.option?.method ?? "", sens.option?.model ?? ""));
    }
  });
});

describe("a GPU without a dated price range", () => {
  test("gets no GPU-price bar, and says why", () => {
    const s = scenario("preset=samsum&gpu=a100-40gb");
    const sens = sensitivity(s);
    expect(sens.bars.some((b) => b.input === "gpuPrice")).toBe(false);
    // The answer runs on an open model (a GPU), so the missing range is said, not silently dropped.
    expect(estimate(s).rows.find((r) => r.method === sens.option?.method && r.model === sens.option.model)?.llm).toBe("open");
    expect(sens.omitted.map((o) => o.input)).toEqual(["gpuPrice"]);
    expect(sens.omitted[0]?.reason).toMatch(/no dated spot\/on-demand price range for the a100-40gb/);
  });
});

describe("no answer", () => {
  test("nothing to move: no option, no bars", () => {
    const s = scenario("preset=samsum&maxCost=1&protect=A");
    expect(estimate(s).decision.answer).toBeNull();
    const sens = sensitivity(s);
    expect(sens.option).toBeNull();
    expect(sens.bars).toEqual([]);
  });

  test("a given option is analysed even then", () => {
    const s = scenario("preset=samsum&maxCost=1&protect=A");
    const sens = sensitivity(s, { method: "private-lora", model: "llama-3-8b-instruct" });
    expect(sens.baseCostUsd).toBe(costOf(s, "private-lora", "llama-3-8b-instruct"));
    expect(sens.bars.find((b) => b.input === "queries")?.high.costUsd).toBe(costOf({ ...s, queries: s.queries * 10 }, "private-lora", "llama-3-8b-instruct"));
  });
});
