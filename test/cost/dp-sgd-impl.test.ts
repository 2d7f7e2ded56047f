/** @jest-environment node */
import { estimate } from "@/lib";
import { parseScenario, presetScenario, serializeScenario, type Scenario } from "@/lib/scenario";
import { checkTrainingMemory, estimateCostRow } from "@/lib/cost";

/**
 * The DP-SGD implementation knob `<method>.impl=per-sample|ghost|bk` (issue #15 §6). Oracles:
 * Bu et al. 2023 Fig. 4 throughputs, byte counts by hand, the share-link contract.
 */
const samsum = (edit: (s: Scenario) => void = () => {}) => {
  const s = presetScenario("samsum");
  s.queries = 10000;
  edit(s);
  return s;
};

describe("share link", () => {
  it("defaults to per-sample (the study's), omitted from links; ghost and bk round-trip", () => {
    expect(presetScenario("samsum").knobs["private-lora"].impl).toBe("per-sample");
    expect(serializeScenario(presetScenario("samsum"))).not.toMatch(/impl/);
    const p = parseScenario("preset=samsum&dp-finetune.impl=bk");
    expect(p.ok && p.scenario.knobs["dp-finetune"].impl).toBe("bk");
    expect(p.ok && serializeScenario(p.scenario)).toMatch(/dp-finetune\.impl=bk/);
  });

  it("an unknown implementation is a field error naming the field, the value and the allowed ones", () => {
    const p = parseScenario("private-lora.impl=fast");
    expect(p.ok).toBe(false);
    if (!p.ok) {
      const e = p.errors.find((x) => x.field === "private-lora.impl")!;
      expect(e.received).toBe("fast");
      expect(e.allowed).toMatch(/per-sample.*ghost.*bk/);
    }
  });
});

describe("time and memory", () => {
  it("book-keeping DP-FineTune on Pythia 1B, SAMSum: the study's $9.84 × 0.689 = $6.78 (Bu et al. 2023 Fig. 4 ratio)", () => {
    // 0.689 = mean over SST2/QNLI/QQP/MNLI of Opacus ÷ BK throughput: (49/68 + 49/73 + 49/72 + 50/73) / 4.
    const row = estimateCostRow(samsum((s) => { s.knobs["dp-finetune"].impl = "bk"; }), "dp-finetune", "pythia-1b");
    expect(row.costBasis).toBe("scaled-from-measured");
    expect(row.trainingCostUsd).toBeCloseTo(9.84 * 0.689, 9);
    expect(row.breakdown.gpuBasis?.changed?.join(" ")).toMatch(/dp-finetune\.impl \(bk vs per-sample\)/);
  });

  it("LoRA's time does not change (Opacus benchmark: same step time for a mostly frozen model), but the row is no longer the study's", () => {
    const row = estimateCostRow(samsum((s) => { s.knobs["private-lora"].impl = "ghost"; }), "private-lora", "pythia-1b");
    expect(row.trainingCostUsd).toBeCloseTo(4.24, 9);
    expect(row.costBasis).toBe("scaled-from-measured");
  });

  it("ghost clipping drops the per-sample gradients from memory: full DP fine-tuning of Pythia 1B fits an L4 only without them", () => {
    // Per-sample: 1e9 × (2 weight + 14 optimiser + 4 per-sample) B × 1.2 + 1 GB = 25.0 GB > 24 GB.
    // Ghost:      1e9 × (2 + 14) B × 1.2 + 1 GB = 20.2 GB ≤ 24 GB.
    expect(checkTrainingMemory("pythia-1b", "full", "l4", { task: "generation" })).toMatchObject({ requiredGb: 25, fits: false });
    expect(checkTrainingMemory("pythia-1b", "full", "l4", { task: "generation", impl: "ghost" })).toMatchObject({ requiredGb: 20.2, fits: true });
  });

  it("the privacy guarantee does not depend on the implementation", () => {
    const a = estimate(samsum()).privacy.find((p) => p.method === "dp-finetune")!;
    const b = estimate(samsum((s) => { s.knobs["dp-finetune"].impl = "bk"; })).privacy.find((p) => p.method === "dp-finetune")!;
    expect(a.epsilon).toBeGreaterThan(0);
    expect(b.epsilon).toBe(a.epsilon);
    expect(b.noiseMultiplier).toEqual(a.noiseMultiplier);
  });
});
