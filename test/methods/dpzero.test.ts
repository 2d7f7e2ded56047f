/** @jest-environment node */
/**
 * DPZero (Zhang et al., ICML 2024, arXiv 2310.09639; github.com/Liang137/DPZero), issue #17.
 * Oracles: the σ test vectors computed by a port of the code's accountant (Opacus
 * get_noise_multiplier, RDP on Opacus's orders, δ = 1e-5) for the authors' own setups; hand
 * calculations of the forward-pass count written out below; the share-link contract of issue #2.
 */
import { dpZeroCodeNoiseMultiplier, dpZeroWork, estimate, methodPrivacy, parseScenario, presetScenario, serializeScenario, type Scenario } from "../helpers/lib-internals";
import { methodWork } from "@/lib/cost";

const STUDY_METHODS = ["dp-icl", "prompt-pate", "dp-fewshotgen", "dp-opt", "prompt-dpsgd", "private-lora", "dp-finetune", "prompt-pate-gen"];

/** The authors' RoBERTa-large SST-2 setup: 512 examples per class (N = 1,024), B = 64, T = 10,000 (roberta/examples/dpzero.sh). */
function robertaSst2(epsilon: number, accountant: Scenario["accountant"]): Scenario {
  const s = presetScenario("sst2");
  return { ...s, records: 1024, delta: 1e-5, epsilon, accountant, methods: ["dpzero"], openModels: ["roberta-large"], knobs: { ...s.knobs, dpzero: { steps: 10000, batch: 64 } } };
}

const within = (actual: number, expected: number, relative: number) => expect(Math.abs(actual / expected - 1)).toBeLessThanOrEqual(relative);

describe("DPZero's σ for the authors' setups (reference vectors: Opacus get_noise_multiplier, RDP, δ = 1e-5)", () => {
  it.each([
    // [N, B, T, ε, σ]: RoBERTa-large SST-2 (roberta script) and OPT (opt script defaults)
    [1024, 64, 10000, 2, 13.516],
    [1024, 64, 10000, 6, 5.156],
    [1000, 16, 20000, 2, 4.941],
    [1000, 16, 20000, 6, 1.98],
  ])("N = %d, B = %d, T = %d, ε = %d → σ ≈ %d (within 0.5%%)", (records, batch, steps, epsilon, sigma) => {
    const code = dpZeroCodeNoiseMultiplier({ epsilon, delta: 1e-5, records, batch, steps });
    within(code.noiseMultiplier, sigma, 0.005);
    expect(code.epsilon).toBeLessThanOrEqual(epsilon);
  });

  it.each([[2, 13.516], [6, 5.156]])("the method's own result at ε = %d: the code's σ (asOriginalCode) and the sound RDP σ both match %d to 0.5%%", (epsilon, sigma) => {
    const r = methodPrivacy(robertaSst2(epsilon, "rdp"), "dpzero");
    expect(r.feasible).toBe(true);
    within(r.asOriginalCode!.mechanism!.value!, sigma, 0.005);
    within(r.noiseMultiplier!, sigma, 0.005);
    expect(r.epsilon!).toBeLessThanOrEqual(epsilon);
    expect(r.accountant).toBe("rdp");
    expect(r.budget).toMatchObject({ unit: "steps", planned: 10000 });
    expect(r.samplingRate).toBeCloseTo(64 / 1024, 12);
  });

  it("PRV (the default) needs no more noise than RDP, stays within the target, and says which accountant it used", () => {
    const prv = methodPrivacy(robertaSst2(2, "prv"), "dpzero");
    const rdp = methodPrivacy(robertaSst2(2, "rdp"), "dpzero");
    expect(prv.accountant).toBe("prv");
    expect(prv.epsilon!).toBeLessThanOrEqual(2);
    expect(prv.noiseMultiplier!).toBeLessThan(rdp.noiseMultiplier!);
    // The code's σ under the tighter PRV accounting spends less than the ε the code reports.
    expect(prv.asOriginalCode!.soundEpsilon!).toBeLessThanOrEqual(2);
  });

  it("a batch larger than N cannot be drawn: the plan is infeasible and says which knob to lower", () => {
    const s = { ...robertaSst2(6, "rdp"), records: 50, delta: 1e-3 };
    const r = methodPrivacy(s, "dpzero");
    expect(r.feasible).toBe(false);
    expect(r.notes.join(" ")).toMatch(/dpzero\.batch/);
  });
});

describe("DPZero's cost work: forward passes only", () => {
  it("SST2 defaults: 2 passes × 10,000 steps × 64 examples × (12.35 + 1 + 280 padding) tokens = 375,488,000 forward tokens (hand calculation)", () => {
    const s = presetScenario("sst2");
    const work = methodWork("dpzero", s);
    expect(work.training).toHaveLength(1);
    const t = work.training[0]!;
    expect(t.kind).toBe("local-forward");
    if (t.kind !== "local-forward") return;
    expect(t.localModel).toBeUndefined();
    within(t.tokens, 2 * 10000 * 64 * (12.35 + 1 + 280), 1e-12);
    // No instruction tokens on a fine-tuned model's answer (like DP-SGD methods).
    expect(methodWork("dpzero", { ...s, instructionTokens: 287 }).perQuery[0]!.inputTokens).toBe(12.35);
  });

  it("the batch never exceeds N in the work either: B = min(B, N)", () => {
    const s = { ...presetScenario("sst2"), records: 10 };
    const w = dpZeroWork({ ...s, knobs: { ...s.knobs, dpzero: { steps: 3, batch: 64 } } }, (x) => x);
    const t = w.training[0]!;
    if (t.kind !== "local-forward") throw new Error("expected local-forward");
    expect(t.tokens).toBeCloseTo(2 * 3 * 10 * 13.35, 9);
  });

  it("through estimate(): a modelled GPU cost on the row's own model, memory checked as inference, no provider sees anything", () => {
    const parsed = parseScenario("v=1&methods=dpzero&open=roberta-large,llama-3-8b-instruct");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const e = estimate(parsed.scenario);
    expect(e.rows.map((r) => `${r.method}/${r.model}`)).toEqual(["dpzero/roberta-large", "dpzero/llama-3-8b-instruct"]);
    for (const row of e.rows) {
      const stage = row.breakdown.stages.find((x) => x.id === "zeroth-order-steps")!;
      expect(stage.model).toBe(row.model);
      expect(stage.kind).toBe("gpu");
      expect(row.costBasis).toBe("modelled");
      expect(row.trainingCostUsd!).toBeGreaterThan(0);
      expect(row.breakdown.gpu!.memory.some((m) => m.purpose === "inference")).toBe(true);
      expect(row.breakdown.gpu!.memory.some((m) => m.purpose === "training")).toBe(false);
      expect(row.leakage!.channels.A.status).toBe("protected");
      expect(row.leakage!.channels.B.status).toBe("protected");
      // The study did not run DPZero: no measured accuracy, and it says so.
      expect(row.utility.kind).toBe("none");
      expect(row.utility.note).toMatch(/did not run DPZero/);
    }
    // Llama 3 8B (8B parameters) costs more than RoBERTa-large (0.355B) for the same passes.
    expect(e.rows[1]!.trainingCostUsd!).toBeGreaterThan(e.rows[0]!.trainingCostUsd!);
  });
});

describe("DPZero in the share link", () => {
  it("v=1, v=2 and a link without v keep exactly the study's eight methods by default", () => {
    for (const link of ["v=1", "v=2&preset=custom", "", "preset=samsum"]) {
      const p = parseScenario(link);
      expect(p.ok).toBe(true);
      if (p.ok) expect(p.scenario.methods).toEqual(STUDY_METHODS);
    }
  });

  it("is selected by naming it; its knobs round-trip as dpzero.steps and dpzero.batch", () => {
    const p = parseScenario("v=1&methods=dpzero&dpzero.steps=5000&dpzero.batch=32");
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.scenario.methods).toEqual(["dpzero"]);
    expect(p.scenario.knobs.dpzero).toEqual({ steps: 5000, batch: 32 });
    expect(serializeScenario(p.scenario)).toBe("v=1&methods=dpzero&dpzero.steps=5000&dpzero.batch=32");
    // Defaults are omitted: the RoBERTa script's 10,000 steps × 64 on a classification preset.
    expect(serializeScenario({ ...p.scenario, knobs: { ...p.scenario.knobs, dpzero: { steps: 10000, batch: 64 } } })).toBe("v=1&methods=dpzero");
  });

  it("a bad knob is a field error naming the field, what was received and what is allowed", () => {
    const p = parseScenario("methods=dpzero&dpzero.batch=0");
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.errors).toEqual([expect.objectContaining({ field: "dpzero.batch", received: "0", allowed: "an integer from 1 to 10000000" })]);
  });
});
