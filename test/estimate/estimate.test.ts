/** @jest-environment node */
import fc from "fast-check";
import { MODELS, estimate, estimateFromInput, methodDataRequirements, methodWork, presetScenario, type Estimate } from "@/lib";
import { contextChecks } from "@/lib/estimate";
import { scenarioArb } from "../scenario/arbitraries";

function findNonFinite(value: unknown, path = "$"): string | null {
  if (typeof value === "number") return Number.isFinite(value) ? null : path;
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const hit = findNonFinite(v, `${path}.${k}`);
      if (hit) return hit;
    }
  }
  return null;
}

function rowOf(e: Estimate, method: string, model: string) {
  const row = e.rows.find((r) => r.method === method && r.model === model);
  if (!row) throw new Error(`no row ${method} × ${model}`);
  return row;
}

describe("estimate(): one row per method × model with cost, privacy, leakage and utility", () => {
  const samsum = estimateFromInput("preset=samsum&methods=dp-icl,private-lora&closed=gpt-3-davinci&open=bart-large&accountant=rdp");

  test("SAMSum DP-ICL on Davinci costs $665.91 per 10k queries (paper Table 4, Appendix D)", () => {
    expect(samsum.ok).toBe(true);
    if (!samsum.ok) return;
    const row = rowOf(samsum.estimate, "dp-icl", "gpt-3-davinci");
    expect(row.trainingCostUsd).toBe(0);
    expect(row.queryCostUsd).toBeCloseTo(665.91, 2);
    expect(row.llm).toBe("closed");
    expect(row.methodLabel).toBe("DP-ICL");
    expect(row.privacy.method).toBe("dp-icl");
    expect(row.privacy.accountant).toMatch(/^rdp/);
    expect(row.leakage?.channels.A.status).toBe("exposed");
    expect(row.utility).toMatchObject({ value: 31.8, metric: "rougeL", kind: "measured" }); // paper Table 4
  });

  test("PrivateLoRA on BART-Large exposes nothing to a provider (paper Table 2)", () => {
    if (!samsum.ok) throw new Error("parse failed");
    const row = rowOf(samsum.estimate, "private-lora", "bart-large");
    expect(row.leakage?.trainingRecordsToProvider).toBe(0);
    expect(row.leakage?.queryCopiesToProvider).toBe(0);
    expect(row.llm).toBe("open");
  });

  test("the document carries the canonical link, the scenario and each method's privacy once", () => {
    if (!samsum.ok) throw new Error("parse failed");
    const e = samsum.estimate;
    expect(e.canonical).toBe("v=1&preset=samsum&accountant=rdp&methods=dp-icl,private-lora&closed=gpt-3-davinci&open=bart-large");
    expect(e.privacy.map((p) => p.method)).toEqual(["dp-icl", "private-lora"]);
    expect(e.breakEven.length).toBe(1);
  });

  test("bad input returns the codec's field errors", () => {
    const r = estimateFromInput("eps=abc");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.field).toBe("eps");
  });

  test("no NaN or Infinity anywhere for any valid scenario (RDP accountant, fast-check)", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const e = estimate({ ...s, accountant: "rdp" });
        expect(findNonFinite(e)).toBeNull();
        for (const row of e.rows) {
          for (const cost of [row.trainingCostUsd, row.queryCostUsd, row.totalCostUsd]) {
            if (cost === null) expect(row.missing).toMatch(/no price/);
            else expect(cost).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { numRuns: 25, endOnFailure: true },
    );
  });

  test("every preset estimates without NaN with its defaults (RDP)", () => {
    for (const preset of ["sst2", "trec", "mpqa", "disaster", "samsum", "docvqa", "mitg", "mitd", "custom"] as const) {
      const e = estimate({ ...presetScenario(preset), accountant: "rdp" });
      expect(findNonFinite(e)).toBeNull();
      expect(e.rows.length).toBeGreaterThan(0);
    }
  });
});

/**
 * Audit finding 3: a row is feasible only if its privacy budget runs the workload, the N records
 * meet what the method draws (lib/methods dataRequirements) and every prompt fits the context
 * window of the model that reads it (catalogue contextTokens).
 */
describe("rows that cannot run are never feasible", () => {
  const n100 = estimateFromInput("n=100&accountant=rdp");

  test("N = 100: PromptPATE's rows are infeasible with the teacher-records reason, and their cost says the plan cannot run", () => {
    if (!n100.ok) throw new Error("parse failed");
    const row = rowOf(n100.estimate, "prompt-pate", "gpt-3-babbage");
    expect(row.feasible).toBe(false);
    expect(row.infeasibleReasons).toEqual(["PromptPATE's 400 teachers × 1 shot need 400 disjoint private records; N = 100, so the teachers cannot be built."]);
    expect(row.assumptions[0]).toMatch(/^This plan cannot run as specified: PromptPATE's 400 teachers/);
    expect(row.totalCostUsd).not.toBeNull(); // still priced, for the plan as if it could run
  });

  test("N = 100: DP-OPT's rows are infeasible (1,025 demonstrations per token, 99 records)", () => {
    if (!n100.ok) throw new Error("parse failed");
    for (const model of ["gpt-3-babbage", "gpt-3-davinci", "gpt-4-turbo", "claude-2.1"]) {
      const row = rowOf(n100.estimate, "dp-opt", model);
      expect(row.feasible).toBe(false);
      expect(row.infeasibleReasons.join(" ")).toMatch(/1,025 distinct private records for every instruction token; only 99 remain/);
    }
  });

  test("PromptPATEGen on PFL-DocVQA, 10 student shots on Vicuna 7B: ≈10,236 tokens > 4,096, at most 3 shots fit", () => {
    // Hand: 10 × (924.191 + 6.384) + 924.191 + 6.384 = 10,236.325; ⌊(4,096 − 930.575) / 930.575⌋ = ⌊3.40⌋ = 3.
    const s = presetScenario("docvqa");
    const student = contextChecks(s, "prompt-pate-gen", "vicuna-7b").find((c) => c.stage === "student")!;
    expect(student.tokens).toBeCloseTo(10236.325, 6);
    expect(student).toMatchObject({ contextTokens: 4096, fits: false, model: "vicuna-7b", maxShots: { knob: "prompt-pate-gen.studentShots", count: 3 } });
    const row = rowOf(estimate({ ...s, accountant: "rdp", methods: ["prompt-pate-gen"], openModels: ["vicuna-7b"] }), "prompt-pate-gen", "vicuna-7b");
    expect(row.feasible).toBe(false);
    expect(row.infeasibleReasons).toContain("Student prompt answers the query: one call is ≈10,236 tokens at the dataset's average lengths, more than Vicuna 7B's 4,096-token context window; lower prompt-pate-gen.studentShots to at most 3.");
    // With 3 shots: 4 × 930.575 = 3,722.3 ≤ 4,096, so no context reason remains.
    const three = { ...s, knobs: { ...s.knobs, "prompt-pate-gen": { ...s.knobs["prompt-pate-gen"], studentShots: 3 } } };
    expect(contextChecks(three, "prompt-pate-gen", "vicuna-7b").every((c) => c.fits)).toBe(true);
  });

  test("DP-OPT's prompt search is checked on its local Vicuna 7B, whatever the API model: 5 × 930.575 + 50 = 4,702.9 > 4,096 on PFL-DocVQA", () => {
    const search = contextChecks(presetScenario("docvqa"), "dp-opt", "gpt-4-turbo").find((c) => c.stage === "prompt-search")!;
    expect(search.model).toBe("vicuna-7b");
    expect(search.tokens).toBeCloseTo(4702.875, 6);
    expect(search.maxShots).toEqual({ knob: "dp-opt.shots", count: 4 }); // ⌊(4,096 − 50) / 930.575⌋ = 4
  });

  test("DP-SGD sequences are checked too: 600 + 1 tokens per record exceed RoBERTa-Large's 512 positions", () => {
    const parsed = estimateFromInput("preset=custom&in=600&out=1&accountant=rdp&methods=private-lora&open=roberta-large");
    if (!parsed.ok) throw new Error("parse failed");
    const row = rowOf(parsed.estimate, "private-lora", "roberta-large");
    expect(row.feasible).toBe(false);
    // Both the training sequence and the query (600 + 1 tokens, no soft prompt) are too long.
    expect(row.infeasibleReasons).toEqual([
      "DP-SGD training (LoRA adapters): one training sequence is ≈601 tokens at the dataset's average lengths, more than RoBERTa-Large's 512-token context window.",
      "Adapted model answers the query: one call is ≈601 tokens at the dataset's average lengths, more than RoBERTa-Large's 512-token context window.",
    ]);
  });

  test("property: a feasible row meets every declared requirement, every prompt fits its reader's context, and reasons ⇔ infeasible", () => {
    fc.assert(
      fc.property(scenarioArb, (generated) => {
        const s = { ...generated, accountant: "rdp" as const };
        for (const row of estimate(s).rows) {
          expect(row.feasible).toBe(row.infeasibleReasons.length === 0);
          if (!row.privacy.feasible) expect(row.feasible).toBe(false);
          if (!row.feasible) continue;
          for (const r of methodDataRequirements(s, row.method)) expect(r).toMatchObject({ met: true });
          const work = methodWork(row.method, s, {}, row.model);
          for (const item of [...work.training, ...work.perQuery]) {
            const reader = item.kind === "local-forward" ? (item.localModel ?? row.model) : item.kind === "llm-calls" && item.runsOn ? item.runsOn : row.model;
            const tokens = item.kind === "dp-sgd" ? item.tokensPerRecord : item.longestCallTokens;
            expect(tokens).toBeLessThanOrEqual(MODELS[reader].contextTokens);
          }
        }
      }),
      { numRuns: 20, endOnFailure: true },
    );
  });
});

describe("estimate(): channel C reads the row's plan (audit finding 1)", () => {
  test("MIT-G, PromptPATEGen at ε = 8 is infeasible (achieves ε ≈ 23.62), so no row's channel C is protected or claims (8, δ)", () => {
    // Oracle: the CLI reproduction of the audit, `estimate --query 'preset=mitg&eps=8&methods=prompt-pate-gen'`.
    const r = estimateFromInput("preset=mitg&eps=8&methods=prompt-pate-gen&accountant=rdp");
    if (!r.ok) throw new Error("parse failed");
    expect(r.estimate.rows.length).toBeGreaterThan(0);
    for (const row of r.estimate.rows) {
      expect(row.feasible).toBe(false);
      expect(row.leakage?.channels.C.status).toBe("partial");
      expect(row.leakage?.statement).toContain("answers are only (23.7, 3.39e-4)-DP, missing the target ε = 8");
      expect(row.leakage?.hypothesisTest.epsilon).toBe(row.privacy.epsilon);
    }
  });
});
