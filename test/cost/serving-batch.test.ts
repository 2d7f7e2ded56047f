/** @jest-environment node */
import { parseScenario, presetScenario, serializeScenario } from "@/lib/scenario";
import { checkInferenceMemory, estimateCostRow, kvBytesPerToken } from "@/lib/cost";

/**
 * Serving batch size (issue #15 §5): a team serving many queries runs a batched server; the
 * study answered one query at a time. Oracles: the GPU's datasheet peak (a physical floor), hand
 * calculations, and the share-link contract.
 */
describe("share link: serveBatch", () => {
  it("defaults to 1 (the study's one-at-a-time serving), so old links keep their meaning and omit it", () => {
    const p = parseScenario("v=1&preset=samsum");
    expect(p.ok && p.scenario.servingBatch).toBe(1);
    expect(serializeScenario(presetScenario("samsum"))).not.toMatch(/serveBatch/);
    const q = parseScenario("v=1&preset=samsum&serveBatch=64");
    expect(q.ok && q.scenario.servingBatch).toBe(64);
    expect(q.ok && serializeScenario(q.scenario)).toMatch(/serveBatch=64/);
  });

  it("a bad value is a field error naming the field, what was received and what is allowed", () => {
    const p = parseScenario("serveBatch=0");
    expect(p.ok).toBe(false);
    if (!p.ok) {
      const e = p.errors.find((x) => x.field === "serveBatch");
      expect(e).toBeDefined();
      expect(e!.received).toBe("0");
      expect(e!.allowed).toMatch(/1.*4096/);
    }
  });
});

describe("batched serving through the roofline", () => {
  const samsum = (batch: number) => {
    const s = presetScenario("samsum");
    s.queries = 1_000_000;
    s.servingBatch = batch;
    return s;
  };

  it("1M SAMSum queries on Vicuna 7B: a 64-query batch costs far less per query than one at a time, never less than the FLOP floor", () => {
    const one = estimateCostRow(samsum(1), "private-lora", "vicuna-7b").queryCostUsdPerQuery!;
    const batched = estimateCostRow(samsum(64), "private-lora", "vicuna-7b").queryCostUsdPerQuery!;
    expect(batched).toBeLessThan(one / 10);
    // Physical floor: 2 × 7e9 FLOPs × (140.857 + 25.620) tokens at the A40's 149.7 TFLOP/s dense peak
    // = 1.556e-2 s = 4.32e-6 h → $2.98e-6 at $0.69/h. No server can beat it.
    expect(batched).toBeGreaterThan((2 * 7e9 * (140.857 + 25.62)) / 149.7e12 / 3600 * 0.69);
  });

  it("the study's setup stays measured at batch 1; batch 64 makes the row scaled from the measurement, and says so", () => {
    expect(estimateCostRow(samsum(1), "private-lora", "pythia-1b").costBasis).toBe("measured");
    const row = estimateCostRow(samsum(64), "private-lora", "pythia-1b");
    expect(row.costBasis).toBe("scaled-from-measured");
    expect(row.breakdown.gpuBasis?.changed?.join(" ")).toMatch(/serving batch 64/);
    expect(row.assumptions.join(" ")).toMatch(/decoded 64 at a time/);
  });

  it("a batch's KV cache counts against memory: 256 PFL-DocVQA contexts on Vicuna 7B overflow an A40 (hand calculation)", () => {
    // KV per token ≈ 5.54e5 B (kvBytesPerToken(7e9)); 256 × 936.6 tokens × 5.54e5 B = 132.8 GB, plus 14 GB of weights.
    const kv = 256 * 936.575 * kvBytesPerToken(7e9);
    expect(kv / 1e9).toBeGreaterThan(130);
    expect(kv / 1e9).toBeLessThan(136);
    expect(checkInferenceMemory("vicuna-7b", "a40", { batch: 256, contextTokens: 936.575 }).gpusNeeded).toBeGreaterThan(1);
    expect(checkInferenceMemory("vicuna-7b", "a40").fits).toBe(true);
  });
});
