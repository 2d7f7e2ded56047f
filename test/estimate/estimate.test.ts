/** @jest-environment node */
import fc from "fast-check";
import { estimate, estimateFromInput, presetScenario, type Estimate } from "@/lib";
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

describe("estimate(): channel C reads the row's plan (audit finding 1)", () => {
  test("MIT-G, PromptPATEGen at ε = 8 is infeasible (achieves ε ≈ 23.62), so no row's channel C is protected or claims (8, δ)", () => {
    // Oracle: the CLI reproduction of the audit, `estimate --query 'preset=mitg&eps=8&methods=prompt-pate-gen'`.
    const r = estimateFromInput("preset=mitg&eps=8&methods=prompt-pate-gen&accountant=rdp");
    if (!r.ok) throw new Error("parse failed");
    expect(r.estimate.rows.length).toBeGreaterThan(0);
    for (const row of r.estimate.rows) {
      expect(row.feasible).toBe(false);
      expect(row.leakage?.channels.C.status).toBe("partial");
      expect(row.leakage?.statement).toContain("answers are only (23.62, 3.39e-4)-DP, missing the target ε = 8");
      expect(row.leakage?.hypothesisTest.epsilon).toBe(row.privacy.epsilon);
    }
  });
});
