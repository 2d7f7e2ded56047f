/** @jest-environment node */
/**
 * Issue #17, item 4: `batch=on` halves the price of offline API stages only, and says so per stage.
 *
 * Oracles: hand calculations written out below, from the study's SST2 figures (Hanke et al. 2024,
 * Table 7: ℓin = 12.35, ℓout = 1), PromptPATE's knobs (Table 8 / Appendix D: 400 teachers × 1
 * shot, 300 public examples, 1 student shot), GPT-3 Davinci at $2 per 1M input and output tokens
 * (Table 22), and the providers' batch discount of 50% (OpenAI Batch API FAQ; Anthropic Message
 * Batches docs; Google Developers Blog 2025-07-07).
 */
import { estimateCosts, type ApiCostStage } from "@/lib/cost";
import { leakageFor } from "@/lib/leakage";
import { parseScenario, serializeScenario, type Scenario } from "@/lib/scenario";

const read = (q: string): Scenario => {
  const r = parseScenario(q);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
};
const row = (q: string, method: string, model: string) => {
  const r = estimateCosts(read(q)).rows.find((x) => x.method === method && x.model === model);
  if (!r) throw new Error(`no row ${method} on ${model}`);
  return r;
};
const stage = (r: ReturnType<typeof row>, id: string) => r.breakdown.stages.find((s) => s.id === id) as ApiCostStage;

describe("batch=on in the share link", () => {
  it("is read, written back, and absent when off (a link without it is the object it always was)", () => {
    expect(read("v=1&batch=on").batch).toBe("on");
    expect(serializeScenario(read("v=1&batch=on"))).toBe("v=1&batch=on");
    expect("batch" in read("v=1&batch=off")).toBe(false);
    expect(serializeScenario(read("v=1&batch=off"))).toBe("v=1");
    expect("batch" in read("v=1")).toBe(false);
  });

  it("a bad value is a field error naming the field, what was received and what is allowed", () => {
    const r = parseScenario("v=1&batch=maybe");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([expect.objectContaining({ field: "batch", received: "maybe", allowed: "one of: off, on" })]);
  });
});

describe("batch pricing per stage (hand calculations)", () => {
  const q = "v=1&methods=prompt-pate&closed=gpt-3-davinci&open=";

  it("PromptPATE's teacher labelling is batched at half price; the live student queries are not", () => {
    // Teachers: E × P = 400 × 300 = 120,000 calls; input each s × (ℓin + ℓout) + ℓin = 1 × 13.35 + 12.35 = 25.7
    // tokens, output 1: 3,084,000 input + 120,000 output tokens × $2/1M = $6.168 + $0.24 = $6.408 interactive,
    // × 0.5 = $3.204 through the batch API.
    const off = row(q, "prompt-pate", "gpt-3-davinci");
    const on = row(`${q}&batch=on`, "prompt-pate", "gpt-3-davinci");
    expect(stage(off, "teachers").usd).toBeCloseTo(6.408, 9);
    expect(stage(off, "teachers").pricing).toBeUndefined();
    expect(stage(on, "teachers").usd).toBeCloseTo(3.204, 9);
    expect(stage(on, "teachers").pricing).toEqual([expect.objectContaining({ option: "batch", applied: true, multiplier: 0.5 })]);
    expect(stage(on, "teachers").formula).toMatch(/× 0\.5 \(batch API\)$/);
    expect(on.trainingCostUsd).toBeCloseTo(3.204, 9);
    // Student: 10,000 queries × (input 1 × 13.35 + 12.35 = 25.7, output 1) = 267,000 tokens × $2/1M = $0.534, unchanged.
    expect(stage(on, "student").usd).toBeCloseTo(0.534, 9);
    expect(stage(on, "student").pricing).toEqual([expect.objectContaining({ applied: false, multiplier: 1, note: expect.stringMatching(/live queries/) })]);
    expect(on.queryCostUsd).toBe(off.queryCostUsd);
  });

  it("DP-ICL has no offline stage: batch=on changes nothing and says why", () => {
    const off = row("v=1&methods=dp-icl&closed=gpt-3-davinci&open=", "dp-icl", "gpt-3-davinci");
    const on = row("v=1&methods=dp-icl&closed=gpt-3-davinci&open=&batch=on", "dp-icl", "gpt-3-davinci");
    expect(on.totalCostUsd).toBe(off.totalCostUsd);
    expect(stage(on, "teachers").pricing?.[0]?.applied).toBe(false);
  });

  it("DP-FewShotGen's generation is batched and the stage says it takes one batch per generated token", () => {
    const off = row("v=1&methods=dp-fewshotgen&closed=gpt-3-davinci&open=", "dp-fewshotgen", "gpt-3-davinci");
    const on = row("v=1&methods=dp-fewshotgen&closed=gpt-3-davinci&open=&batch=on", "dp-fewshotgen", "gpt-3-davinci");
    // Same tokens, half the price: the ratio is the multiplier whatever the token count.
    expect((stage(on, "generation").usd as number) / (stage(off, "generation").usd as number)).toBeCloseTo(0.5, 12);
    expect(stage(on, "generation").pricing?.[0]?.note).toMatch(/one batch per generated token/);
  });
});

describe("the leakage ledger's provider notes carry the batch API's data handling", () => {
  it("Anthropic's batch API is not eligible for zero data retention, said only when batching is on", () => {
    const base = "v=3&methods=prompt-pate&closed=claude-sonnet-4.5&open=";
    const on = leakageFor(read(`${base}&batch=on`), "prompt-pate", "claude-sonnet-4.5");
    const off = leakageFor(read(base), "prompt-pate", "claude-sonnet-4.5");
    expect(on.providerPolicy?.note).toMatch(/not eligible for Zero Data Retention/);
    expect(off.providerPolicy?.note).not.toMatch(/Batch API/);
    // DP-ICL batches nothing, so its note is unchanged even with batch=on.
    expect(leakageFor(read(`${base}&batch=on`), "dp-icl", "claude-sonnet-4.5").providerPolicy?.note).not.toMatch(/Batch API/);
  });
});
