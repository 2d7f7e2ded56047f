/** @jest-environment node */
import { calcPrice } from "@pydantic/genai-prices";
import { CLOSED_MODEL_IDS, GPU_IDS, GPUS, MODELS, presetScenario } from "@/lib/scenario";
import { apiUsd, checkInferenceMemory, checkTrainingMemory, currentApiPrice, estimateCostRow, GENAI_PRICES_AS_OF, gpuPriceRange, gpusWithMemory, resolveApiPrice } from "@/lib/cost";

const paper = { priceSet: "paper-2024-05", priceOverrides: {} } as const;

describe("paper-2024-05 price set (oracle: Hanke et al. 2024, Table 22)", () => {
  it.each([
    ["gpt-3-babbage", 0.4, 0.4],
    ["gpt-3-davinci", 2, 2],
    ["gpt-3.5-turbo-instruct", 1.5, 2],
    ["gpt-4-turbo", 10, 30],
    ["claude-2.1", 8, 24],
  ] as const)("%s: $%f in / $%f out per 1M tokens, as of 2024-05-22", (model, input, output) => {
    const p = resolveApiPrice(model, paper);
    expect(p).toEqual({ ok: true, quote: expect.objectContaining({ inputUsdPerMillionTokens: input, outputUsdPerMillionTokens: output, asOf: "2024-05-22", source: "Hanke et al. 2024, Table 22" }) });
  });

  it("models the study did not price have no price in its set (never $0)", () => {
    expect(resolveApiPrice("gpt-4o", paper)).toEqual({ ok: false, missing: "no price for gpt-4o in paper-2024-05; set price.gpt-4o=in,out" });
  });
});

describe("current price set (oracle: @pydantic/genai-prices calcPrice)", () => {
  it("babbage-002 and davinci-002 are not in the dataset: null cost with the field to fill in", () => {
    const s = presetScenario("samsum");
    s.priceSet = "current";
    const row = estimateCostRow(s, "dp-icl", "gpt-3-davinci");
    expect(row.queryCostUsd).toBeNull();
    expect(row.totalCostUsd).toBeNull();
    expect(row.missing).toBe("no price for gpt-3-davinci in current; set price.gpt-3-davinci=in,out");
    expect(currentApiPrice("gpt-3-babbage")).toBeNull();
  });

  // Cross-check: our per-call pricing (including prompt-length tiers) equals calcPrice's for
  // every priced catalogue model, at a short call and at a call past the 200k-token tier.
  const priced = CLOSED_MODEL_IDS.filter((m) => currentApiPrice(m) !== null);
  it("prices most catalogue models, each with source and as-of date", () => {
    expect(priced.length).toBeGreaterThanOrEqual(10);
    for (const m of priced) expect(currentApiPrice(m)).toMatchObject({ asOf: GENAI_PRICES_AS_OF, source: expect.stringContaining("@pydantic/genai-prices") });
  });
  it.each(priced.flatMap((m) => [[m, 1200, 30], [m, 250_000, 500]] as const))("%s, a call of %i input + %i output tokens: same $ as calcPrice", (model, inputTokens, outputTokens) => {
    const expected = calcPrice({ input_tokens: inputTokens, output_tokens: outputTokens }, MODELS[model].apiId!, { timestamp: new Date(`${GENAI_PRICES_AS_OF}T00:00:00Z`) })!;
    const ours = apiUsd(currentApiPrice(model)!, 1, inputTokens, outputTokens);
    expect(ours.inputUsd).toBeCloseTo(expected.input_price, 12);
    expect(ours.outputUsd).toBeCloseTo(expected.output_price, 12);
  });
});

describe("user overrides", () => {
  it("win over both price sets and are labelled", () => {
    for (const priceSet of ["paper-2024-05", "current"] as const) {
      const p = resolveApiPrice("gpt-3-davinci", { priceSet, priceOverrides: { "gpt-3-davinci": { inputUsdPerMTok: 1, outputUsdPerMTok: 3 } } });
      expect(p).toMatchObject({ ok: true, quote: { inputUsdPerMillionTokens: 1, outputUsdPerMillionTokens: 3, source: "user override price.gpt-3-davinci" } });
    }
  });

  it("fill a missing price: the row gets numbers instead of null", () => {
    const s = presetScenario("samsum");
    s.priceSet = "current";
    s.priceOverrides = { "gpt-3-davinci": { inputUsdPerMTok: 2, outputUsdPerMTok: 2 } };
    expect(estimateCostRow(s, "dp-icl", "gpt-3-davinci").queryCostUsd).toBeCloseTo(665.908, 3);
  });
});


describe("GPU catalogue and rental prices (oracle: NVIDIA datasheets, paper Table 22, the dated snapshot)", () => {
  it("covers the GPUs a team rents today, with the study's A40 and existing ids unchanged", () => {
    expect(GPU_IDS.slice(0, 5)).toEqual(["a40", "a100-40gb", "a100-80gb", "h100", "l4"]);
    expect(GPU_IDS).toEqual(expect.arrayContaining(["a10g", "h200"]));
    // Old links: gpu=… keeps its default $/hour (the A40's is the study's RunPod median, Table 22).
    expect(GPUS.a40.usdPerHour).toBe(0.69);
    expect(GPUS.h100.usdPerHour).toBe(2.69);
  });

  it.each([
    // id, dense bf16 TFLOP/s, GB/s, GB — NVIDIA datasheets (A40; A100 SXM; H100 SXM; L4; H200 SXM)
    ["a40", 149.7, 696, 48],
    ["a100-80gb", 312, 2039, 80],
    ["h100", 989, 3350, 80],
    ["l4", 121, 300, 24],
    ["h200", 989, 4800, 141],
  ] as const)("%s: %f TFLOP/s bf16 dense, %f GB/s, %f GB, each with its source", (id, tflops, bw, gb) => {
    expect(GPUS[id]).toMatchObject({ peakBf16Tflops: tflops, memoryBandwidthGBs: bw, memoryGb: gb });
    expect(GPUS[id].specSource).toMatch(/datasheet|AWS/);
  });

  it("the study's A40 range is Table 22's ($0.50 Hyperstack to $2.07 Replicate); the current set has a dated snapshot", () => {
    expect(gpuPriceRange("a40", "paper-2024-05")).toMatchObject({ spotUsdPerHour: 0.5, onDemandUsdPerHour: 2.07, asOf: "2024-05-22" });
    expect(gpuPriceRange("h100", "current")).toMatchObject({ spotUsdPerHour: 2.69, onDemandUsdPerHour: 4.76, asOf: "2026-03-10" });
    // No guessed price where the snapshot has none.
    expect(gpuPriceRange("a40", "current")).toBeNull();
    expect(gpuPriceRange("h100", "paper-2024-05")).toBeNull();
  });

  it("a GPU row names the rental range of its price set beside the price it uses", () => {
    const s = presetScenario("samsum");
    s.priceSet = "current";
    s.gpu = "h100";
    s.gpuUsdPerHour = 2.69;
    const row = estimateCostRow(s, "private-lora", "pythia-1b");
    expect(row.assumptions.join(" ")).toMatch(/\$2\.69\/h spot to \$4\.76\/h on demand.*2026-03-10.*uses \$2\.69\/h/);
  });

  it("the memory check says which GPU a model fits on: full DP fine-tuning of Pythia 6.9B (≈ 167 GB) fits no single GPU", () => {
    expect(checkTrainingMemory("pythia-6.9b", "full", "a40", { task: "generation" }).advice).toMatch(/no single GPU of the catalogue fits it/);
    // Serving Mixtral (45B × 2 B × 1.2 + 1 = 109 GB in 16-bit) on an L4: one H200 141 GB holds it.
    expect(checkInferenceMemory("mixtral-8x7b", "l4").advice).toMatch(/one NVIDIA H200 141 GB SXM fits it with 16-bit weights/);
    expect(gpusWithMemory(100)).toEqual(["h200"]);
  });
});
