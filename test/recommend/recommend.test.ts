/** @jest-environment node */
import fc from "fast-check";
import { leakageFor } from "../../lib/leakage";
import { exposureScore, recommend, RANKING_RULE, type RecommendOption } from "../../lib/recommend";
import { MODELS, presetScenario, type MethodId, type ModelId } from "../../lib/scenario";
import { utilityFor } from "../../lib/utility";

const sst2 = presetScenario("sst2");
/** Total costs: Table 3's "All $" column (Hanke et al. 2024) as the oracle; null = not costed. */
const PAPER_ALL_USD: Array<[MethodId, ModelId, number | null]> = [
  ["dp-icl", "gpt-4-turbo", 138.0],
  ["private-lora", "llama-3-8b-instruct", 28.38],
  ["private-lora", "roberta-large", 3.85],
  ["prompt-pate", "claude-2.1", 53.6],
  ["dp-opt", "gpt-3-davinci", 8.1],
  ["dp-icl", "claude-2.1", null],
];
const option = ([method, model, cost]: [MethodId, ModelId, number | null]): RecommendOption => {
  const u = utilityFor(sst2, method, model);
  return { method, model, llm: MODELS[model].llm, totalCostUsd: cost, utility: { value: u.value, kind: u.kind, metric: u.metric }, leakage: leakageFor(sst2, method, model), feasible: true, infeasibleReasons: [] };
};
const OPTIONS = PAPER_ALL_USD.map(option);
const key = (o: RecommendOption) => `${o.method}@${o.model}`;

describe("recommend", () => {
  it("without constraints ranks local options first, then by utility, then cost (rule: RANKING_RULE; utilities from Table 3)", () => {
    const r = recommend(OPTIONS);
    expect(r.excluded).toEqual([]);
    expect(r.rule).toBe(RANKING_RULE);
    expect(r.utilityMetric).toBe("accuracy");
    expect(r.ranked.map((x) => key(x.option))).toEqual([
      "private-lora@llama-3-8b-instruct", // 0 exposure, 96.0
      "private-lora@roberta-large", // 0 exposure, 93.6
      "dp-opt@gpt-3-davinci", // A partial + B exposed = 3
      "dp-icl@gpt-4-turbo", // A + B exposed = 4, 95.9
      "prompt-pate@claude-2.1", // 4, not measured at ε = 8 (run only at ε < 0.3; no plateau stated for Claude 2.1)
      "dp-icl@claude-2.1", // 4, not measured
    ]);
    expect(r.ranked[0]!.why).toBe("protects A, B, C · accuracy 96 (measured) · $28.38");
    expect(r.ranked[3]!.why).toMatch(/^A exposed, B exposed; protects C · accuracy 95\.9 \(measured\) · \$138\.00$/);
  });

  it("mustProtect A and B keeps only the local options and says which channel leaks (oracle: docs/derivations.md §S2, closed API exposes A and B)", () => {
    const r = recommend(OPTIONS, { mustProtect: ["A", "B"] });
    expect(r.ranked.map((x) => x.option.llm)).toEqual(["open", "open"]);
    const dpIcl = r.excluded.find((x) => key(x.option) === "dp-icl@gpt-4-turbo")!;
    expect(dpIcl.reasons).toEqual([
      "channel A (private training data → provider) is exposed, must be protected",
      "channel B (queries → provider) is exposed, must be protected",
    ]);
    expect(r.excluded.find((x) => x.option.method === "dp-opt")!.reason).toMatch(/channel A .* is partial/);
  });

  it("a budget excludes options over it and options of unknown cost, each with one line", () => {
    const r = recommend(OPTIONS, { maxBudgetUsd: 20 });
    expect(r.ranked.map((x) => key(x.option))).toEqual(["private-lora@roberta-large", "dp-opt@gpt-3-davinci"]);
    const reasons = Object.fromEntries(r.excluded.map((x) => [key(x.option), x.reason]));
    expect(reasons["private-lora@llama-3-8b-instruct"]).toBe("costs $28.38, over the $20.00 budget");
    expect(reasons["dp-icl@claude-2.1"]).toBe("cost unknown, cannot check the $20.00 budget");
  });

  it("a minimum utility excludes lower and unmeasured options (oracle: Table 3, DP-OPT Davinci 92.2 and RoBERTa PrivateLoRA 93.6 < 95)", () => {
    const r = recommend(OPTIONS, { minUtility: 95 });
    expect(r.ranked.map((x) => key(x.option))).toEqual(["private-lora@llama-3-8b-instruct", "dp-icl@gpt-4-turbo"]);
    const reasons = Object.fromEntries(r.excluded.map((x) => [key(x.option), x.reason]));
    // Table 3 ran PromptPATE on Claude 2.1 only at ε < 0.3 and Fig. 2 shows a plateau for GPT-3 Babbage only: no value at ε = 8.
    expect(reasons["prompt-pate@claude-2.1"]).toMatch(/no utility measured by the study \(none\)/);
    expect(reasons["dp-opt@gpt-3-davinci"]).toBe("accuracy 92.2 (measured) is below the minimum 95");
    expect(reasons["dp-icl@claude-2.1"]).toMatch(/no utility measured by the study \(none\)/);
  });

  it("all constraints together list every failed clause", () => {
    const r = recommend(OPTIONS, { maxBudgetUsd: 50, minUtility: 95, mustProtect: ["A"] });
    expect(r.ranked.map((x) => key(x.option))).toEqual(["private-lora@llama-3-8b-instruct"]);
    expect(r.excluded.find((x) => key(x.option) === "dp-icl@gpt-4-turbo")!.reasons).toHaveLength(2);
  });

  it("does not compare utilities across metrics", () => {
    const other: RecommendOption = { ...OPTIONS[2]!, utility: { value: 99, kind: "reference", metric: "rougeL" } };
    const r = recommend([OPTIONS[1]!, other]);
    expect(r.ranked[0]!.option).toBe(OPTIONS[1]); // 96.0 accuracy beats an incomparable 99 ROUGE-L
    expect(r.ranked[1]!.why).toMatch(/other metric, not compared/);
    expect(recommend([OPTIONS[1]!, other], { minUtility: 90 }).excluded[0]!.reason).toMatch(/not comparable/);
  });

  it("an infeasible option is never ranked, even when it would top the list; it is excluded with its reason (audit finding 11)", () => {
    // PrivateLoRA on Llama-3-8B ranks first above (0 exposure, 96.0); made infeasible it must drop out.
    const cannot: RecommendOption = { ...OPTIONS[1]!, feasible: false, infeasibleReasons: ["the plan misses the target ε = 0.5: it achieves ε = 2.1"] };
    const r = recommend([cannot, ...OPTIONS.slice(2)]);
    expect(r.ranked.map((x) => key(x.option))).not.toContain("private-lora@llama-3-8b-instruct");
    expect(r.ranked[0]!.option.model).toBe("roberta-large");
    expect(r.excluded).toEqual([{ option: cannot, reasons: ["cannot run as planned: the plan misses the target ε = 0.5: it achieves ε = 2.1"], reason: "cannot run as planned: the plan misses the target ε = 0.5: it achieves ε = 2.1" }]);
  });

  it("rejects impossible constraints with a RangeError", () => {
    expect(() => recommend(OPTIONS, { maxBudgetUsd: -1 })).toThrow(/maxBudgetUsd must be a number ≥ 0; got -1/);
    expect(() => recommend(OPTIONS, { minUtility: Number.NaN })).toThrow(RangeError);
    expect(() => recommend(OPTIONS, { mustProtect: ["D" as "A"] })).toThrow(/A, B or C/);
  });

  it("property: ranked and excluded partition the options, ranked ones meet every constraint, exposure never improves down the list", () => {
    const arbOption = fc.record({
      i: fc.integer({ min: 0, max: OPTIONS.length - 1 }),
      cost: fc.option(fc.double({ min: 0, max: 1e4, noNaN: true }), { nil: null }),
      feasible: fc.boolean(),
    }).map(({ i, cost, feasible }) => ({ ...OPTIONS[i]!, totalCostUsd: cost, feasible, infeasibleReasons: feasible ? [] : ["x"] }));
    fc.assert(
      fc.property(
        fc.array(arbOption, { maxLength: 12 }),
        fc.option(fc.double({ min: 0, max: 1e4, noNaN: true }), { nil: undefined }),
        fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: undefined }),
        fc.subarray(["A", "B", "C"] as const),
        (opts, maxBudgetUsd, minUtility, mustProtect) => {
          const r = recommend(opts, { maxBudgetUsd, minUtility, mustProtect });
          expect(r.ranked.length + r.excluded.length).toBe(opts.length);
          r.excluded.forEach((x) => expect(x.reason.length).toBeGreaterThan(0));
          for (const { option: o } of r.ranked) {
            expect(o.feasible).toBe(true);
            if (maxBudgetUsd !== undefined) expect(o.totalCostUsd).not.toBeNull();
            if (maxBudgetUsd !== undefined) expect(o.totalCostUsd!).toBeLessThanOrEqual(maxBudgetUsd);
            if (minUtility !== undefined) expect(o.utility.value!).toBeGreaterThanOrEqual(minUtility);
            for (const c of mustProtect) expect(o.leakage.channels[c].status).toBe("protected");
          }
          for (let i = 1; i < r.ranked.length; i++)
            expect(exposureScore(r.ranked[i]!.option.leakage.channels)).toBeGreaterThanOrEqual(exposureScore(r.ranked[i - 1]!.option.leakage.channels));
          expect(r.ranked.map((x) => x.rank)).toEqual(r.ranked.map((_, i) => i + 1));
        },
      ),
      { numRuns: 300 },
    );
  });
});
