/** @jest-environment node */
import { presetScenario } from "@/lib/scenario";
import {
  activeParams, BATCHED_SERVING_BATCH, checkInferenceMemory, costWork, methodWork, checkTrainingMemory, dpSgdGpuHours, estimateCostRow, gpuSetup, kvBytesPerToken, servingGpuHours, TRAINING_CONSTANTS,
  trainingUtilisation, type GpuCostStage,
} from "@/lib/cost";

const CLOSED_FORM = 1e-12;

describe("FLOP model (Kaplan et al. 2020, §2.1)", () => {
  it("training FLOPs are 6·P per token for all weights and 4·P for LoRA, on the padded length", () => {
    // Generation records are padded to max_seq_length (the study's code): 128 tokens, not 50.
    const job = { epochs: 2, records: 1000, tokensPerRecord: 50, task: "generation" as const, maxSeqLength: 128 };
    const full = dpSgdGpuHours({ ...job, trainable: "full" }, "pythia-1b", "a40");
    const lora = dpSgdGpuHours({ ...job, trainable: "lora" }, "pythia-1b", "a40");
    expect(full.flops).toBeCloseTo(6 * 1e9 * 2 * 1000 * 128, 0);
    expect(lora.flops / full.flops).toBeCloseTo(4 / 6, 12);
  });

  it("full fine-tuning pays per-sample-gradient memory traffic for every weight (hand calculation)", () => {
    // Pythia 1B, 1 epoch × 1,000 records padded to 128 tokens, all weights, A40:
    //   utilisation u = 0.407 × 1 / (1 + 0.65) = 0.24667
    //   compute     = 6 × 1e9 × 1,000 × 128 / (149.7e12 × 0.24667) = 20.80 s
    //   per-sample  = 1,000 × 45.5 B × 1e9 / 696e9 B/s              = 65.37 s
    const h = dpSgdGpuHours({ trainable: "full", epochs: 1, records: 1000, tokensPerRecord: 50, task: "generation", maxSeqLength: 128 }, "pythia-1b", "a40");
    expect(h.gpuHours * 3600).toBeCloseTo(20.80 + 65.37, 1);
  });

  it("compute follows Mixtral's 12.9B active parameters, memory its total", () => {
    expect(activeParams("mixtral-8x7b")).toBe(12.9e9);
    expect(checkInferenceMemory("mixtral-8x7b", "a40").requiredGb).toBeGreaterThan(45 * 0.5);
  });

  it("LoRA training is compute-bound: an H100 is faster by its peak-FLOP ratio; full fine-tuning also by bandwidth", () => {
    const job = { epochs: 1, records: 1000, tokensPerRecord: 100, task: "classification" as const };
    const lora = dpSgdGpuHours({ ...job, trainable: "lora" }, "vicuna-7b", "a40").gpuHours / dpSgdGpuHours({ ...job, trainable: "lora" }, "vicuna-7b", "h100").gpuHours;
    // Datasheets: 989 / 149.7 = 6.61 × the FLOP/s, 3,350 / 696 = 4.81 × the bandwidth.
    expect(lora).toBeGreaterThan(0.99 * (989 / 149.7));
    expect(lora).toBeLessThanOrEqual(989 / 149.7);
    const full = dpSgdGpuHours({ ...job, trainable: "full" }, "pythia-1b", "a40").gpuHours / dpSgdGpuHours({ ...job, trainable: "full" }, "pythia-1b", "h100").gpuHours;
    expect(full).toBeGreaterThan(3350 / 696);
    expect(full).toBeLessThan(989 / 149.7);
  });

  it("decoding is memory-bound: one more decoded token costs layers × a fixed time + (weights + KV cache) ÷ bandwidth, not FLOPs", () => {
    const one = (gpu: "a40" | "h100", decode: number) => servingGpuHours({ calls: 1, prefillTokensPerCall: 100, decodeTokensPerCall: decode }, "vicuna-7b", gpu).gpuHours * 3600;
    // A40, Vicuna 7B in 16-bit, 32 layers: 32 × 0.598 ms + (14e9 B + KV) / (696e9 B/s × 0.533) ≈ 19.14 + 37.74 ms ≈ 56.9 ms per token
    // (KV cache at ~100 tokens of context: 5.5e5 B per token × ~100 = 0.055 GB, +0.15 ms).
    const perToken = one("a40", 2) - one("a40", 1);
    expect(perToken * 1000).toBeGreaterThan(56.5);
    expect(perToken * 1000).toBeLessThan(57.5);
    // On an H100 the same token is bandwidth-bound too: ≈ 19.14 + 14e9 / (3,350e9 × 0.533) ≈ 27.0 ms, not FLOP-bound 1/6.6.
    const h100 = one("h100", 2) - one("h100", 1);
    expect(h100 * 1000).toBeGreaterThan(26.7);
    expect(h100 * 1000).toBeLessThan(27.3);
  });

  it("the fixed decoding time is per layer: Pythia 410M (24 layers) decodes a token slower than Pythia 1B (16 layers)", () => {
    // The study's own figures show it (PrivateLoRA queries, 4-bit, one at a time): Pythia 410M $1.34 (SAMSum, Table 4)
    // and $0.50 (MIT, Table 6) per 10k, Pythia 1B $1.00 and $0.31. Per token, 4-bit weights on an A40:
    // 410M: 24 × 0.598 + 0.41e9 × 0.5 / (696e9 × 0.533) × 1000 = 14.35 + 0.55 = 14.9 ms; 1B: 16 × 0.598 + 1.35 = 10.9 ms.
    const perToken = (model: "pythia-410m" | "pythia-1b") => {
      const at = (decode: number) => servingGpuHours({ calls: 1, prefillTokensPerCall: 0, decodeTokensPerCall: decode, weightBytes: 0.5 }, model, "a40").gpuHours * 3600 * 1000;
      return at(2) - at(1);
    };
    expect(perToken("pythia-410m")).toBeGreaterThan(14.8);
    expect(perToken("pythia-410m")).toBeLessThan(15.1);
    expect(perToken("pythia-1b")).toBeGreaterThan(10.8);
    expect(perToken("pythia-1b")).toBeLessThan(11.1);
  });

  it("KV-cache bytes per token follow the Llama shape (32 layers × 4,096 for 7B: 4 × 32 × 4,096 = 524,288 B)", () => {
    expect(kvBytesPerToken(6.74e9) / 524288).toBeGreaterThan(0.95);
    expect(kvBytesPerToken(6.74e9) / 524288).toBeLessThan(1.1);
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
    expect(servingGpuHours({ ...w, batch: BATCHED_SERVING_BATCH }, "vicuna-7b", "a40").gpuHours).toBeLessThan(servingGpuHours(w, "vicuna-7b", "a40").gpuHours / 10);
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
    // The model's own hours (costWork), before the row is re-based on the study's measurement.
    const row = costWork(methodWork("private-lora", s), "private-lora", "mixtral-8x7b", s);
    const query = row.breakdown.stages.find((st) => st.phase === "query") as GpuCostStage;
    // The study's SAMSum setup: answers capped at 64 tokens, served in 4-bit (gpuSetup).
    const setup = gpuSetup(s, "private-lora");
    const single = servingGpuHours({ calls: 1, prefillTokensPerCall: s.inTokens, decodeTokensPerCall: s.outTokens, weightBytes: setup.servingWeightBytes!, maxNewTokens: setup.maxNewTokens! }, "mixtral-8x7b", "l4").gpuHours;
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

describe("the study's classification setup: float32 serving where it fits (sprintml/OpenLLMs PrivateLoRA-Classification/main_*.py)", () => {
  it("SST2 preset, PrivateLoRA on Vicuna 7B, A40: 4 bytes per weight (7e9 × 4 B × 1.2 + 1 GB = 34.6 GB ≤ 48 GB)", () => {
    expect(gpuSetup({ preset: "sst2", task: "classification", gpu: "a40" }, "private-lora", "vicuna-7b")).toEqual({ servingWeightBytes: 4 });
  });

  it("no study setup where the study's code could not run it: OpenLLaMA 13B in float32 needs 13e9 × 4 × 1.2 + 1 = 63.4 GB > 48 GB", () => {
    expect(gpuSetup({ preset: "sst2", task: "classification", gpu: "a40" }, "private-lora", "openllama-13b")).toEqual({});
  });

  it("no study setup for a custom scenario or a method without the study's DP-SGD code", () => {
    expect(gpuSetup({ preset: "custom", task: "classification", gpu: "a40" }, "private-lora", "vicuna-7b")).toEqual({});
    expect(gpuSetup({ preset: "sst2", task: "classification", gpu: "a40" }, "dp-icl", "vicuna-7b")).toEqual({});
  });

  it("an SST2 query on Vicuna 7B costs one more weight read in float32: + 14e9 B / (696e9 B/s × 0.533) = + 37.7 ms", () => {
    const w = { calls: 1, prefillTokensPerCall: 12.35, decodeTokensPerCall: 1 };
    const at = (bytes: number) => servingGpuHours({ ...w, weightBytes: bytes }, "vicuna-7b", "a40").gpuHours * 3600 * 1000;
    expect(at(4) - at(2)).toBeGreaterThan(37.6);
    expect(at(4) - at(2)).toBeLessThan(37.9);
  });
});

describe("worked examples of the TSDoc (lib/cost/gpu-model.ts)", () => {
  it("PrivateLoRA, Pythia 1B, SAMSum on an A40: ≈ 5.8 GPU-hours, ≈ $4.0 (study, Table 4: $4.24)", () => {
    const h = dpSgdGpuHours({ trainable: "lora", epochs: 20, records: 14732, tokensPerRecord: 166.477, task: "generation", loraRank: 8, maxSeqLength: 650 }, "pythia-1b", "a40").gpuHours;
    expect(h).toBeCloseTo(5.8, 1);
    expect(h * 0.69).toBeCloseTo(4.0, 1);
  });

  it("one SST2 query on Vicuna 7B in 16-bit: ≈ 0.29 s, ≈ $0.56 per 10k (study, Table 3: $0.78, served in float32)", () => {
    // 0.224 s + 2 × 7e9 × 12.35 / (149.7e12 × 0.131) = 8.82 ms prefill + 1 token × 56.9 ms ≈ 0.2897 s; × 10k / 3600 × $0.69 ≈ $0.555.
    const h = servingGpuHours({ calls: 1, prefillTokensPerCall: 12.35, decodeTokensPerCall: 1 }, "vicuna-7b", "a40").gpuHours;
    expect(h * 3600).toBeCloseTo(0.29, 2);
    expect(h * 1e4 * 0.69).toBeCloseTo(0.555, 2);
  });
});
