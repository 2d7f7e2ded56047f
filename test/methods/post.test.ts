/** @jest-environment node */
/**
 * POST (Wang et al., ICML 2025, arXiv 2506.16196; github.com/sprintml/POST), issue #17.
 * Oracles: Opacus's step rule (q = 1/⌈N/B⌉, steps = ⌊E/q⌋) worked by hand; a step-for-step port of
 * Opacus get_noise_multiplier (lib/privacy opacusNoiseMultiplier) for the RDP σ; the study's GPT-3
 * Davinci price ($2 per 1M tokens, Hanke et al. 2024, Table 22) for the query cost by hand; POST's
 * Section 3 for who sees what.
 */
import { estimate, methodPrivacy, opacusNoiseMultiplier, parseScenario, serializeScenario, type Scenario } from "../helpers/lib-internals";
import { methodWork } from "@/lib/cost";

function scenario(link: string): Scenario {
  const p = parseScenario(link);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.scenario;
}

describe("POST's privacy: PromptDPSGD on the distilled small model", () => {
  it("SST2 defaults: q = 1/⌈66,674/32⌉ = 1/2,084 and ⌊20 × 2,084⌋ = 41,680 steps (hand, Opacus's rule)", () => {
    const r = methodPrivacy(scenario("v=1&methods=post"), "post");
    expect(r.samplingRate).toBeCloseTo(1 / 2084, 15);
    expect(r.budget).toEqual({ unit: "steps", planned: 41680, allowed: null, epochs: 20 });
    expect(r.feasible).toBe(true);
    expect(r.accountant).toBe("prv");
    expect(r.epsilon!).toBeLessThanOrEqual(8);
  });

  it("with RDP, σ matches a step-for-step port of Opacus get_noise_multiplier to 0.5% (TREC: N = 5,452, ε = 3, δ = 1/N)", () => {
    const s = scenario("v=1&preset=trec&methods=post&eps=3&accountant=rdp");
    const r = methodPrivacy(s, "post");
    const batches = Math.ceil(5452 / 32); // 171
    const opacus = opacusNoiseMultiplier({ targetEpsilon: 3, delta: 1 / 5452, samplingRate: 1 / batches, steps: 20 * batches });
    expect(Math.abs(r.noiseMultiplier! / opacus.noiseMultiplier - 1)).toBeLessThanOrEqual(0.005);
  });
});

describe("POST's cost and leakage on a closed model", () => {
  const e = estimate(scenario("v=1&methods=post&closed=gpt-3-davinci&open="));
  const row = e.rows[0]!;

  it("queries carry the 100-token soft prompt: 10,000 × (100 + 12.35 + 1) tokens × $2/1M = $2.267 (hand, Table 22 price)", () => {
    expect(row.model).toBe("gpt-3-davinci");
    expect(row.queryCostUsd!).toBeCloseTo(10000 * (100 + 12.35 + 1) * 2 / 1e6, 9);
    expect(methodWork("post", { ...scenario("v=1&methods=post"), instructionTokens: 287 }).perQuery[0]!.inputTokens).toBe(112.35);
  });

  it("the prompt tuning is GPU work on the distilled model's stand-in, not on the closed model; provider-side work is stated, not charged", () => {
    const tuning = row.breakdown.stages.find((s) => s.id === "dp-prompt-tuning")!;
    expect(tuning).toMatchObject({ kind: "gpu", model: "pythia-410m", phase: "training" });
    expect(row.trainingCostUsd!).toBeGreaterThan(0);
    expect(row.costBasis).toBe("modelled");
    expect(row.assumptions.join(" ")).toMatch(/Not charged to you: the provider's one-time distillation/);
  });

  it("A: only the DP soft prompt reaches the provider (protected); B: every query does (exposed); C: bounded", () => {
    const ch = row.leakage!.channels;
    expect(row.leakage!.trainingRecordsToProvider).toBe(0);
    expect(ch.A.status).toBe("protected");
    expect(ch.A.reason).toMatch(/only the soft prompt tuned with DP/);
    expect(ch.B.status).toBe("exposed");
    expect(ch.C.status).toBe("protected");
  });

  it("no accuracy: the authors' figures are on Llama2-7b, GPT2-XL and RoBERTa-base, which it does not borrow", () => {
    expect(row.utility.kind).toBe("none");
    expect(row.utility.note).toMatch(/Its authors report results on Llama2-7b/);
    expect(row.utility.note).toMatch(/does not borrow them/);
  });
});

describe("POST in the share link", () => {
  it("is not a default of v=1, v=2 or a link without v; post.* knobs round-trip", () => {
    for (const link of ["v=1", "", "v=2&preset=custom"]) expect(scenario(link).methods).not.toContain("post");
    const s = scenario("v=1&methods=post&post.promptLength=50&post.epochs=10");
    expect(s.knobs.post).toEqual({ epochs: 10, batch: 32, impl: "per-sample", promptLength: 50 });
    expect(serializeScenario(s)).toBe("v=1&methods=post&post.epochs=10&post.promptLength=50");
  });
});
