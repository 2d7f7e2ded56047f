/** @jest-environment node */
import { presetScenario } from "@/lib/scenario";
import {
  activeParams, checkInferenceMemory, checkTrainingMemory, dpSgdGpuHours, estimateCostRow, servingGpuHours, TRAINING_CONSTANTS,
  trainingUtilisation, type GpuCostStage,
} from "@/lib/cost";

const CLOSED_FORM = 1e-12;

describe("FLOP model (Kaplan et al. 2020, §2.1)", () => {
  it("training FLOPs are 6·P per token for all weights and 4·P for LoRA", () => {
    const job = { epochs: 2, records: 1000, tokensPerRecord: 50 };
    const full = dpSgdGpuHours({ ...job, trainable: "full" }, "pythia-1b", "a40");
    const lora = dpSgdGpuHours({ ...job, trainable: "lora" }, "pythia-1b", "a40");
    expect(full.flops).toBeCloseTo(6 * 1e9 * 2 * 1000 * 50, 0);
    expect(lora.flops / full.flops).toBeCloseTo(4 / 6, 12);
    // Time adds the fitted full-fine-tune DP overhead on top of the FLOP ratio.
    expect(full.gpuHours / lora.gpuHours).toBeCloseTo(1.5 * TRAINING_CONSTANTS.fullFineTuneDpOverhead, 10);
  });

  it("compute follows Mixtral's 12.9B active parameters, memory its total", () => {
    expect(activeParams("mixtral-8x7b")).toBe(12.9e9);
    expect(checkInferenceMemory("mixtral-8x7b", "a40").requiredGb).toBeGreaterThan(45 * 0.5);
  });

  it("a faster GPU takes proportionally fewer hours for FLOP-bound training", () => {
    const job = { trainable: "lora" as const, epochs: 1, records: 1000, tokensPerRecord: 100 };
    const a40 = dpSgdGpuHours(job, "vicuna-7b", "a40").gpuHours;
    const h100 = dpSgdGpuHours(job, "vicuna-7b", "h100").gpuHours;
    expect(a40 / h100).toBeCloseTo(989 / 149.7, 10);
  });

  it("utilisation grows with model size toward its maximum", () => {
    expect(trainingUtilisation(0.16)).toBeLessThan(trainingUtilisation(1));
    expect(trainingUtilisation(1)).toBeLessThan(trainingUtilisation(13));
    expect(trainingUtilisation(1e6)).toBeCloseTo(TRAINING_CONSTANTS.maxUtilisation, 5);
  });

  it("encoders classify without decoding: RoBERTa serving has no decode term", () => {
    const one = servingGpuHours({ calls: 1, prefillTokensPerCall: 10, decodeTokensPerCall: 1 }, "roberta-large", "a40");
    const none = servingGpuHours({ calls: 1, prefillTokensPerCall: 10, decodeTokensPerCall: 0 }, "roberta-large", "a40");
    expect(one.gpuHours).toBe(none.gpuHours);
  });

  it("batched serving is cheaper than one call at a time", () => {
    const w = { calls: 100, prefillTokensPerCall: 140, decodeTokensPerCall: 25 };
    expect(servingGpuHours(w, "vicuna-7b", "a40", "batched").gpuHours).toBeLessThan(servingGpuHours(w, "vicuna-7b", "a40", "sequential").gpuHours / 10);
  });
});

describe("memory check", () => {
  it("LoRA on Vicuna 7B fits an A40 with 16-bit weights", () => {
    expect(checkTrainingMemory("vicuna-7b", "lora", "a40", { loraRank: 8, task: "generation" })).toMatchObject({ fits: true, precision: "16-bit", gpusNeeded: 1 });
  });

  it("LoRA on Mixtral 8x7B needs 4-bit weights on an A40, as the study did (QLoRA, Appendix D)", () => {
    const m = checkTrainingMemory("mixtral-8x7b", "lora", "a40", { loraRank: 8, task: "generation" });
    expect(m).toMatchObject({ fits: true, precision: "4-bit" });
    expect(m.advice).toMatch(/4-bit/);
  });

  it("full DP fine-tuning of Pythia 6.9B needs several A40s: 20 bytes per parameter", () => {
    const m = checkTrainingMemory("pythia-6.9b", "full", "a40", { task: "generation" });
    // 6.9e9 × 20 B × 1.2 + 1 GB = 166.6 GB; (166.6 − 1) / 47 GB per GPU → 4 GPUs.
    // requiredGb is reported to 3 significant digits.
    expect(m.requiredGb).toBe(Number((6.9 * 20 * 1.2 + 1).toPrecision(3)));
    expect(m).toMatchObject({ fits: false, precision: "16-bit", gpusNeeded: 4 });
    expect(m.advice).toMatch(/sharded|PrivateLoRA/);
  });

  it("OpenLLaMA 13B does not fit an L4 in 16-bit but does in 4-bit", () => {
    expect(checkInferenceMemory("openllama-13b", "l4")).toMatchObject({ fits: true, precision: "4-bit" });
  });

  it("a model too large for one GPU at 4-bit doubles serving GPU-hours per GPU it needs", () => {
    const s = presetScenario("samsum");
    s.gpu = "l4";
    s.gpuUsdPerHour = 0.43;
    const mem = checkInferenceMemory("mixtral-8x7b", "l4");
    expect(mem.gpusNeeded).toBe(2);
    const row = estimateCostRow(s, "private-lora", "mixtral-8x7b");
    const query = row.breakdown.stages.find((st) => st.phase === "query") as GpuCostStage;
    const single = servingGpuHours({ calls: 1, prefillTokensPerCall: s.inTokens, decodeTokensPerCall: s.outTokens }, "mixtral-8x7b", "l4").gpuHours;
    expect(query.perQuery!.gpuHours / single).toBeCloseTo(2, 12);
    expect(row.assumptions.join(" ")).toMatch(/needs 2 ×/);
  });
});

it("GPU cost = GPU-hours × the scenario's $/GPU-hour", () => {
  const s = presetScenario("sst2");
  s.gpuUsdPerHour = 1.5;
  const row = estimateCostRow(s, "private-lora", "vicuna-7b");
  for (const st of row.breakdown.stages) {
    if (st.kind === "gpu") expect(Math.abs(st.usd - st.gpuHours * 1.5)).toBeLessThan(CLOSED_FORM * st.usd);
  }
});

describe("worked examples of the TSDoc (lib/cost/gpu-model.ts)", () => {
  it("PrivateLoRA, Pythia 1B, SAMSum on an A40: ≈ 4.48 GPU-hours, ≈ $3.09 (study, Table 4: $4.24)", () => {
    const h = dpSgdGpuHours({ trainable: "lora", epochs: 20, records: 14732, tokensPerRecord: 166.477 }, "pythia-1b", "a40").gpuHours;
    expect(h).toBeCloseTo(4.48, 2);
    expect(h * 0.69).toBeCloseTo(3.09, 2);
  });

  it("one SST2 query on Vicuna 7B: ≈ 0.37 s, $0.72 per 10k (study, Table 3: $0.78)", () => {
    const h = servingGpuHours({ calls: 1, prefillTokensPerCall: 12.35, decodeTokensPerCall: 1 }, "vicuna-7b", "a40").gpuHours;
    expect(h * 3600).toBeCloseTo(0.37, 2);
    expect(h * 1e4 * 0.69).toBeCloseTo(0.72, 2);
  });
});
