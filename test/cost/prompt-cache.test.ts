/** @jest-environment node */
/**
 * Issue #17, item 4: `cache=on` prices PromptPATE's fixed teacher prefixes at the cached-input rate.
 *
 * Oracles: hand calculations below, with the cached-input rates of @pydantic/genai-prices 0.1.8
 * typed in (gpt-4.1: input $2, cache read $0.50, no write rate = OpenAI's free writes;
 * claude-sonnet-4-5: input $3, cache write $3.75, cache read $0.30, per 1M tokens) and the
 * providers' minimum cacheable prefixes (OpenAI 1,024 tokens; Claude Haiku 4.5 4,096 tokens).
 */
import { estimateCosts, type ApiCostStage } from "@/lib/cost";
import { parseScenario, serializeScenario, type Scenario } from "@/lib/scenario";

const read = (q: string): Scenario => {
  const r = parseScenario(q);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
};
const teachers = (q: string, model: string): ApiCostStage => {
  const r = estimateCosts(read(q)).rows.find((x) => x.method === "prompt-pate" && x.model === model);
  const s = r?.breakdown.stages.find((x) => x.id === "teachers");
  if (!s || s.kind !== "api") throw new Error("no teachers stage");
  return s;
};

// A custom task with 2,000-token records: PromptPATE's defaults (SST2 column) are 400 teachers × 1 shot and
// 300 public examples, so the teacher prefix is 1 × (2,000 + 1) = 2,001 tokens and there are 400 × 300 = 120,000 calls.
const LONG = "v=3&preset=custom&in=2000&out=1&instr=0&methods=prompt-pate&open=";

describe("cache=on, hand-calculated", () => {
  it("GPT-4.1: writes are free, reads at $0.50 instead of $2 per 1M", () => {
    // Δ = 2,001 × (400 × (2 − 2) + 119,600 × (0.5 − 2)) / 1e6 = 2,001 × −179,400 / 1e6 = −$358.9794
    const off = teachers(`${LONG}&closed=gpt-4.1`, "gpt-4.1");
    const on = teachers(`${LONG}&closed=gpt-4.1&cache=on`, "gpt-4.1");
    expect((on.usd as number) - (off.usd as number)).toBeCloseTo(-358.9794, 6);
    expect(on.pricing).toEqual([expect.objectContaining({ option: "cache", applied: true, inputUsdDelta: expect.closeTo(-358.9794, 6) })]);
    expect(on.outputUsd).toBe(off.outputUsd);
  });

  it("Claude Sonnet 4.5: one write per teacher at $3.75, reads at $0.30 instead of $3", () => {
    // Δ = 2,001 × (400 × (3.75 − 3) + 119,600 × (0.3 − 3)) / 1e6 = 2,001 × (300 − 322,920) / 1e6 = −$645.56262
    const off = teachers(`${LONG}&closed=claude-sonnet-4.5`, "claude-sonnet-4.5");
    const on = teachers(`${LONG}&closed=claude-sonnet-4.5&cache=on`, "claude-sonnet-4.5");
    expect((on.usd as number) - (off.usd as number)).toBeCloseTo(-645.56262, 6);
  });

  it("with batch=on too, the batch multiplier applies to the cached price: (off + Δ) × 0.5", () => {
    const off = teachers(`${LONG}&closed=gpt-4.1`, "gpt-4.1");
    const both = teachers(`${LONG}&closed=gpt-4.1&cache=on&batch=on`, "gpt-4.1");
    expect(both.usd as number).toBeCloseTo(((off.usd as number) - 358.9794) * 0.5, 6);
  });
});

describe("cache=on gives no discount where it does not fit, and says why", () => {
  it("a prefix below the provider's minimum: 2,001 tokens on Claude Haiku 4.5 (minimum 4,096)", () => {
    const s = teachers(`${LONG}&closed=claude-haiku-4.5&cache=on`, "claude-haiku-4.5");
    expect(s.pricing?.[0]).toEqual(expect.objectContaining({ applied: false, inputUsdDelta: 0, note: expect.stringMatching(/2001 tokens\) is below .* 4096/) }));
    expect(s.usd).toBe(teachers(`${LONG}&closed=claude-haiku-4.5`, "claude-haiku-4.5").usd);
  });

  it("the study's SST2 prompts: a 13-token teacher prefix is far below OpenAI's 1,024", () => {
    const s = teachers("v=3&methods=prompt-pate&closed=gpt-4.1&open=&cache=on", "gpt-4.1");
    expect(s.pricing?.[0]?.applied).toBe(false);
    expect(s.pricing?.[0]?.note).toMatch(/13 tokens\) is below .*1024/);
  });

  it("no cached-input price: the study's 2024 prices", () => {
    const s = teachers("v=1&preset=custom&in=2000&out=1&methods=prompt-pate&open=&closed=gpt-4-turbo&cache=on", "gpt-4-turbo");
    expect(s.pricing?.[0]).toEqual(expect.objectContaining({ applied: false, note: expect.stringMatching(/no cached-input price/) }));
  });

  it("DP-ICL's teacher prompts are drawn afresh per query: nothing repeats", () => {
    const r = estimateCosts(read("v=3&preset=custom&in=2000&out=1&methods=dp-icl&closed=gpt-4.1&open=&cache=on")).rows[0];
    const s = r?.breakdown.stages.find((x) => x.id === "teachers") as ApiCostStage;
    expect(s.pricing?.[0]).toEqual(expect.objectContaining({ applied: false, note: expect.stringMatching(/drawn afresh/) }));
  });

  it("the link key round-trips and is absent when off", () => {
    expect(serializeScenario(read("v=3&cache=on"))).toBe("v=3&cache=on");
    expect("cache" in read("v=3&cache=off")).toBe(false);
  });
});
