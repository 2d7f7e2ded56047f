/** @jest-environment node */
import { presetScenario } from "@/lib/scenario";
import {
  apiUsd, calibrationTokens, costWork, dpIclQueryTokens, estimateCostRow, fewShotGenTokens, methodWork, resolveApiPrice,
  singleCallTokens, type ApiCostStage, type ApiPriceQuote,
} from "@/lib/cost";

// Token counts are sums of products of the inputs: exact up to float rounding.
const EXACT = 1e-9;
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

const flat = (inputUsdPerMillionTokens: number, outputUsdPerMillionTokens = inputUsdPerMillionTokens): ApiPriceQuote => ({
  model: "gpt-3-davinci", priceSet: "paper-2024-05", inputUsdPerMillionTokens, outputUsdPerMillionTokens, tiers: [], source: "test", asOf: "test",
});

describe("DP-ICL tokens (Hanke et al. 2024, Appendix D)", () => {
  it("SAMSum, 1 shot × 100 teachers: 30,733.4 input + 2,562 output tokens per query (Hanke et al. 2024, Appendix D; docs/derivations.md §S6)", () => {
    const q = dpIclQueryTokens({ ensemble: 100, shots: 1, inTokens: 140.857, outTokens: 25.62 });
    expect(q.calls).toBe(100);
    expect(rel(q.inputTokens, 30733.4)).toBeLessThan(EXACT);
    expect(rel(q.outputTokens, 2562)).toBeLessThan(EXACT);
  });

  it("SAMSum with the original 4 shots costs $1,664.77 per 10k queries on Davinci (docs/derivations.md §3)", () => {
    const q = dpIclQueryTokens({ ensemble: 100, shots: 4, inTokens: 140.857, outTokens: 25.62 });
    const { inputUsd, outputUsd } = apiUsd(flat(2), q.calls * 1e4, q.inputTokens * 1e4, q.outputTokens * 1e4);
    expect(inputUsd + outputUsd).toBeCloseTo(1664.77, 2);
  });

  it("classification with calibration: 1,540 + 10 base tokens and 60 calls / 7,680 tokens of calibration per query (docs/derivations.md §2)", () => {
    const base = dpIclQueryTokens({ ensemble: 10, shots: 4, inTokens: 30, outTokens: 1 });
    expect(base.inputTokens).toBe(1540);
    expect(base.outputTokens).toBe(10);
    const cal = calibrationTokens({ prompts: 10, shots: 4, inTokens: 30, outTokens: 1, classes: 2 });
    expect(cal).toEqual({ calls: 60, inputTokens: 7680, outputTokens: 0, longestCallTokens: 128 }); // 4 × 31 + 3 + 1 = 128 per echo call
    // babbage-002 at $0.40/M: $0.54 base and +$2.68 calibration for 872 queries (docs/derivations.md §2).
    const babbage = flat(0.4);
    const b = apiUsd(babbage, 10 * 872, base.inputTokens * 872, base.outputTokens * 872);
    expect(b.inputUsd + b.outputUsd).toBeCloseTo(0.54, 2);
    expect(apiUsd(babbage, 60 * 872, cal.inputTokens * 872, 0).inputUsd).toBeCloseTo(2.68, 2);
  });

  it("the original code's extra calls are options, off by default, and labelled when on", () => {
    const s = presetScenario("sst2");
    expect(methodWork("dp-icl", s).perQuery.map((c) => c.id)).toEqual(["teachers"]);
    const withCal = methodWork("dp-icl", s, { calibrationCalls: true }).perQuery;
    expect(withCal.map((c) => c.id)).toEqual(["teachers", "calibration"]);
    expect(withCal[1]!.option).toBe("calibrationCalls");
    // The keyword call belongs to generation only.
    expect(methodWork("dp-icl", s, { finalKeywordCall: true }).perQuery).toHaveLength(1);
  });

  it("the final KSA keyword call adds about $3.83 per 10k SAMSum queries on Davinci (docs/derivations.md §3)", () => {
    const s = presetScenario("samsum");
    const without = estimateCostRow(s, "dp-icl", "gpt-3-davinci").queryCostUsd!;
    const withKeyword = estimateCostRow(s, "dp-icl", "gpt-3-davinci", { finalKeywordCall: true });
    // "about": the source rounds the keyword length; we take keywords as long as an answer (ℓout).
    expect(withKeyword.queryCostUsd! - without).toBeCloseTo(3.84, 1);
    expect(withKeyword.breakdown.stages.find((st) => st.id === "final-keyword-call")).toMatchObject({ option: "finalKeywordCall", calls: 10000 });
  });
});

describe("single-call methods", () => {
  it("SAMSum 0-shot on Davinci is $3.33 per 10k queries (Hanke et al. 2024, Appendix D worked example)", () => {
    const q = singleCallTokens({ promptTokens: 0, inTokens: 140.857, outTokens: 25.62 });
    const { inputUsd, outputUsd } = apiUsd(flat(2), 1e4, q.inputTokens * 1e4, q.outputTokens * 1e4);
    expect(Math.round((inputUsd + outputUsd) * 100) / 100).toBe(3.33);
  });

  it("DP-OPT on SST2 sends the 39-token instruction with every query: 51.35 input tokens, ≈ $1.05 per 10k on Davinci (Hanke et al. 2024, Appendix D; docs/derivations.md §S6)", () => {
    const s = presetScenario("sst2");
    const [q] = methodWork("dp-opt", s).perQuery;
    expect(rel(q!.inputTokens, 51.35)).toBeLessThan(EXACT);
    const row = estimateCostRow(s, "dp-opt", "gpt-3-davinci");
    expect(row.queryCostUsd).toBeCloseTo(1.047, 3);
  });
});

describe("PromptPATEGen tokens priced as an API at $2/1M (docs/derivations.md §5)", () => {
  const s = presetScenario("samsum");
  s.priceOverrides = { "vicuna-7b": { inputUsdPerMTok: 2, outputUsdPerMTok: 2 } };

  it("10,000 teacher calls ≈ 3.33M tokens ≈ $6.66, plus ≈ 0.036M tokens ≈ $0.07 for zero-shot and keyword answers", () => {
    const row = estimateCostRow(s, "prompt-pate-gen", "vicuna-7b");
    const stages = row.breakdown.stages as ApiCostStage[];
    const teachers = stages.find((st) => st.id === "teachers")!;
    expect(teachers.calls).toBe(10000);
    expect((teachers.inputTokens + teachers.outputTokens) / 1e6).toBeCloseTo(3.33, 2);
    expect(teachers.usd).toBeCloseTo(6.66, 2);
    const extra = stages.filter((st) => st.id === "zero-shot" || st.id === "keyword-answers");
    expect(extra.reduce((a, st) => a + st.usd!, 0)).toBeCloseTo(0.07, 2);
  });

  it.each([[1, 6.66], [2, 9.99], [4, 16.65]])("student prompt of %i shots: $%f per 10k queries", (k, usd) => {
    const t = structuredClone(s);
    t.knobs["prompt-pate-gen"].studentShots = k;
    expect(estimateCostRow(t, "prompt-pate-gen", "vicuna-7b").queryCostUsd).toBeCloseTo(usd, 2);
  });
});

describe("DP-FewShotGen tokens", () => {
  it("MIT, 4 demos × 20 tokens × 20 prompts of 4 shots: 1,600 calls and 185,536 input tokens", () => {
    const g = fewShotGenTokens({ demos: 4, ensemble: 20, shots: 4, tokens: 20, inTokens: 24.314, outTokens: 2.301 });
    expect(g.calls).toBe(1600);
    expect(g.outputTokens).toBe(1600);
    expect(rel(g.inputTokens, 185536)).toBeLessThan(EXACT);
  });

  it("the public-token (RVP) calls are an option, off by default", () => {
    const s = presetScenario("mitg");
    expect(methodWork("dp-fewshotgen", s).training).toHaveLength(1);
    const w = methodWork("dp-fewshotgen", s, { publicTokenCalls: true }).training;
    expect(w.map((x) => x.id)).toEqual(["generation", "public-token-calls"]);
  });
});

describe("stage breakdown", () => {
  it("each API stage carries calls, input and output tokens, $ in and $ out, and per-query values for queries", () => {
    const s = presetScenario("samsum");
    const row = costWork(methodWork("dp-icl", s), "dp-icl", "gpt-3-davinci", s);
    const [stage] = row.breakdown.stages as ApiCostStage[];
    expect(stage).toMatchObject({ kind: "api", phase: "query", calls: 1e6, model: "gpt-3-davinci" });
    expect(stage!.inputUsd! + stage!.outputUsd!).toBeCloseTo(stage!.usd!, 9);
    expect(stage!.perQuery!.calls).toBe(100);
    expect(resolveApiPrice("gpt-3-davinci", s)).toMatchObject({ ok: true, quote: { asOf: "2024-05-22", source: "Hanke et al. 2024, Table 22" } });
  });
});

/**
 * The longest single call of each stage: what must fit the model's context window. Oracles are the
 * Appendix D token formulas worked by hand at the dataset averages.
 */
describe("longest call per stage (prompt + output), for the context-window check", () => {
  it("DP-ICL SAMSum, 1 shot: (140.857 + 25.62) + 140.857 + 25.62 = 332.954 tokens per teacher call", () => {
    const w = methodWork("dp-icl", presetScenario("samsum"));
    expect(w.perQuery[0]!.longestCallTokens).toBeCloseTo(332.954, 9);
    expect(w.perQuery[0]!.shots).toEqual({ knob: "dp-icl.shots", count: 1, tokensEach: 166.477 });
  });

  it("PromptPATEGen PFL-DocVQA, 10 student shots: 10 × 930.575 + 930.575 = 10,236.325 tokens", () => {
    const w = methodWork("prompt-pate-gen", presetScenario("docvqa"));
    const student = w.perQuery.find((c) => c.id === "student")!;
    expect(student.longestCallTokens).toBeCloseTo(10236.325, 6);
    expect(student.shots).toMatchObject({ knob: "prompt-pate-gen.studentShots", count: 10 });
  });

  it("DP-FewShotGen MIT-G: the last token's call holds 4 shots × 26.615 + 19 tokens so far + 1 output = 126.46", () => {
    const w = methodWork("dp-fewshotgen", presetScenario("mitg"));
    expect(w.training[0]!.kind).toBe("llm-calls");
    const g = w.training[0] as { longestCallTokens: number; inputTokens: number; outputTokens: number; calls: number };
    expect(g.longestCallTokens).toBeCloseTo(126.46, 9);
    // The prompt grows, so the longest call exceeds the average one: (185,536 + 1,600) / 1,600 = 116.96.
    expect(g.longestCallTokens).toBeGreaterThan((g.inputTokens + g.outputTokens) / g.calls);
  });

  it("DP-OPT SST-2: a meta-prompt of 5 × 13.35 demos + 39 instruction tokens = 105.75 on the local Vicuna 7B", () => {
    const w = methodWork("dp-opt", presetScenario("sst2"));
    const search = w.training[0]!;
    expect(search.kind).toBe("local-forward");
    if (search.kind !== "local-forward") return;
    expect(search.longestCallTokens).toBeCloseTo(105.75, 9);
    expect(search.shots).toEqual({ knob: "dp-opt.shots", count: 5, tokensEach: 13.35 });
  });

  it("every LLM stage's longest call is at least its average call, with and without the original code's calls", () => {
    for (const preset of ["sst2", "trec", "samsum", "docvqa", "mitg"] as const) {
      for (const method of ["dp-icl", "prompt-pate", "dp-fewshotgen", "dp-opt", "prompt-dpsgd", "private-lora", "dp-finetune", "prompt-pate-gen"] as const) {
        for (const options of [{}, { calibrationCalls: true, finalKeywordCall: true, publicTokenCalls: true }]) {
          const w = methodWork(method, presetScenario(preset), options);
          for (const item of [...w.training, ...w.perQuery]) {
            if (item.kind !== "llm-calls") continue;
            expect(item.longestCallTokens).toBeGreaterThanOrEqual((item.inputTokens + item.outputTokens) / item.calls - 1e-9);
          }
        }
      }
    }
  });
});

describe("answer length per method and provider (PromptPATE code, docs/derivations.md §4)", () => {
  it("PromptPATE prices Claude's answers at 10 tokens, and cites the code; other providers keep ℓout", () => {
    const s = presetScenario("sst2");
    const claude = methodWork("prompt-pate", s, {}, "claude-2.1");
    const babbage = methodWork("prompt-pate", s, {}, "gpt-3-babbage");
    // SST2: ℓout = 1 (Table 7); 400 teachers × 300 public inputs.
    expect(claude.perQuery[0]!.outputTokens).toBe(10);
    expect(claude.training[0]).toMatchObject({ calls: 120000, outputTokens: 1200000 });
    expect(claude.perQuery[0]!.formula).toMatch(/output 10 \(Anthropic answer, up to 10 tokens\)/);
    expect(claude.sources.join(" ")).toMatch(/prompts_anthropic\/teacher\.py/);
    expect(babbage.perQuery[0]!.outputTokens).toBe(1);
    expect(babbage.training[0]).toMatchObject({ outputTokens: 120000 });
    // DP-ICL on Claude is not covered by the rule: 10 teachers × ℓout = 1 token each.
    expect(methodWork("dp-icl", s, {}, "claude-2.1").perQuery[0]!.outputTokens).toBe(10 * 1);
  });

  it("a calculator row on Claude 2.1 carries the 10-token answer: SST2 student query $5.524 per 10k (hand calc in test/cost/reproduction)", () => {
    const s = presetScenario("sst2");
    s.knobs["prompt-pate"].studentShots = 2;
    // (2 × 13.35 + 12.35) × $8/1M + 10 × $24/1M = $0.0005524 per query.
    expect(estimateCostRow(s, "prompt-pate", "claude-2.1").queryCostUsdPerQuery!).toBeCloseTo(0.0005524, 10);
  });
});
