/** @jest-environment node */
import fc from "fast-check";
import { leakageDefinedFor, leakageFor, type LeakagePlan, type LeakageRow } from "../../lib/leakage";
import { methodPrivacy } from "../../lib/methods";
import {
  CLOSED_MODEL_IDS, DATASETS, METHOD_IDS, MODELS, OPEN_MODEL_IDS, PRESET_IDS, parseScenario, presetScenario,
  type MethodId, type ModelId, type Scenario,
} from "../../lib/scenario";

const ALL_MODELS: ModelId[] = [...CLOSED_MODEL_IDS, ...OPEN_MODEL_IDS];
const NUMERIC_FIELDS = [
  "trainingRecordsToProvider", "trainingFractionToProvider", "trainingTokensToProvider", "trainingRecordSendsToProvider",
  "queryCopiesToProvider", "querySendsToProvider", "queryTokensToProvider",
] as const satisfies readonly (keyof LeakageRow)[];

describe("leakageFor: the SST2 preset with DP-ICL (10 teachers × 4 shots, 872 queries)", () => {
  const sst2 = { ...presetScenario("sst2"), queries: 872 };
  const row = leakageFor(sst2, "dp-icl", "gpt-4-turbo");

  it("≈ 41% of the training records reach the provider (oracle: docs/derivations.md §2, 40.4% at N = 67,349; 40.7% at the study's N = 66,674)", () => {
    expect(sst2.knobs["dp-icl"]).toEqual({ ensemble: 10, shots: 4 }); // the preset is the study's setup (Table 13)
    expect(row.trainingFractionToProvider).toBeCloseTo(0.407, 3);
    expect(row.trainingRecordsToProvider).toBeCloseTo(66674 * row.trainingFractionToProvider, 6);
    // Tokens of the distinct records: each shot carries its input and its label.
    expect(row.trainingTokensToProvider).toBeCloseTo(row.trainingRecordsToProvider * (12.35 + 1), 6);
    expect(row.trainingRecordSendsToProvider).toBe(40 * 872);
  });

  it("every query is sent 10 times, once per teacher (oracle: docs/derivations.md §2 and §11)", () => {
    expect(row.queryCopiesToProvider).toBe(10);
    expect(row.querySendsToProvider).toBe(8720);
    expect(row.queryTokensToProvider).toBeCloseTo(8720 * 12.35, 9);
  });

  it("A and B are exposed to OpenAI, C is DP-bounded; formulas carry the inputs", () => {
    expect(row.deployment).toBe("provider-api");
    expect(row.provider).toBe("OpenAI");
    expect(row.channels.A.status).toBe("exposed");
    expect(row.channels.B.status).toBe("exposed");
    expect(row.channels.C.status).toBe("protected");
    expect(row.channels.A.formula).toContain("66,674·(1 − (1 − 10·4/66,674)^872)");
    expect(row.channels.A.formula).toContain("40.74%");
    expect(row.channels.B.formula).toContain("10 × 872 × 12.35");
    expect(row.statement).toMatch(/^DP-ICL on GPT-4 Turbo sends an expected 27,165\.5 of 66,674 private records \(40\.74%\) and every query 10 times to OpenAI/);
    expect(row.providerPolicy?.provider).toBe("OpenAI");
  });

  it("TREC with 500 queries → 97.5% (oracle: docs/derivations.md §2)", () => {
    const trec = leakageFor({ ...presetScenario("trec"), queries: 500 }, "dp-icl", "gpt-3-babbage");
    expect(trec.trainingFractionToProvider).toBeCloseTo(0.975, 3);
  });

  it("at the preset's 10,000 queries almost all of SST2 is exposed: 1 − (1 − 40/66,674)^10,000 (oracle: closed form)", () => {
    const r = leakageFor(presetScenario("sst2"), "dp-icl", "gpt-4-turbo");
    expect(r.trainingFractionToProvider).toBeCloseTo(1 - Math.pow(1 - 40 / 66674, 10000), 12);
  });
});

describe("leakageFor: the other methods", () => {
  const sst2 = presetScenario("sst2");

  it("PrivateLoRA exposes nothing on any open model (oracle: docs/derivations.md §S2, A/B/C all protected)", () => {
    for (const model of OPEN_MODEL_IDS) {
      const r = leakageFor(sst2, "private-lora", model);
      for (const field of NUMERIC_FIELDS) expect(r[field]).toBe(0);
      expect(r.channels.A.status).toBe("protected");
      expect(r.channels.B.status).toBe("protected");
      expect(r.deployment).toBe("local");
      expect(r.providerPolicy).toBeNull();
    }
  });

  it("a closed-family method run on an open model exposes nothing either (oracle: docs/derivations.md §S2, DP-ICL on OpenLLaMA 13B)", () => {
    const r = leakageFor(presetScenario("docvqa"), "dp-icl", "openllama-13b");
    expect(r.trainingRecordsToProvider).toBe(0);
    expect(r.queryCopiesToProvider).toBe(0);
    expect(r.channels.A.reason).toMatch(/run locally/);
  });

  it("PromptPATE sends its fixed teacher set, 400 × 1 records, and each query once (oracle: docs/derivations.md §4 Leakage, 400 in the paper's setting)", () => {
    const r = leakageFor(sst2, "prompt-pate", "claude-2.1");
    expect(r.trainingRecordsToProvider).toBe(400);
    expect(r.trainingFractionToProvider).toBeCloseTo(400 / 66674, 15);
    expect(r.queryCopiesToProvider).toBe(1);
    expect(r.provider).toBe("Anthropic");
    // Fixed teachers: more queries do not expose more records.
    expect(leakageFor({ ...sst2, queries: 1e9 }, "prompt-pate", "claude-2.1").trainingRecordsToProvider).toBe(400);
  });

  it("PromptPATE's teacher set is capped at N (oracle: a prompt cannot hold more records than exist)", () => {
    const small = { ...sst2, records: 100 };
    expect(leakageFor(small, "prompt-pate", "gpt-3-babbage").trainingFractionToProvider).toBe(1);
  });

  it("DP-FewShotGen resamples MN = 80 records per generated token over T·d = 50·4 tokens (oracle: docs/derivations.md §6 formula)", () => {
    const r = leakageFor(sst2, "dp-fewshotgen", "gpt-3-babbage");
    expect(r.trainingFractionToProvider).toBeCloseTo(1 - Math.pow(1 - 80 / 66674, 200), 12);
    expect(r.queryCopiesToProvider).toBe(1);
  });

  it("DP-OPT sends no raw record (partial: its DP instruction may paraphrase records) and each query once (oracle: docs/derivations.md §S2, docs/derivations.md §7)", () => {
    const r = leakageFor(sst2, "dp-opt", "gpt-3-davinci");
    expect(r.trainingRecordsToProvider).toBe(0);
    expect(r.channels.A.status).toBe("partial");
    expect(r.channels.A.reason).toMatch(/paraphrase/);
    expect(r.channels.B.status).toBe("exposed");
    expect(r.queryCopiesToProvider).toBe(1);
  });

  it("DP-SGD methods cannot run on a closed API: leakageDefinedFor is false and leakageFor throws a RangeError", () => {
    for (const method of ["prompt-dpsgd", "private-lora", "dp-finetune"] as const) {
      expect(leakageDefinedFor(method, "gpt-4-turbo")).toBe(false);
      expect(() => leakageFor(sst2, method, "gpt-4-turbo")).toThrow(RangeError);
    }
    expect(leakageDefinedFor("prompt-pate-gen", "gpt-4-turbo")).toBe(true);
  });
});

/** A plan that runs and achieves exactly its target: what channel C needs to say "protected". */
const meetsTarget = (s: Scenario): LeakagePlan => ({
  privacy: { targetEpsilon: s.epsilon, epsilon: s.epsilon, delta: s.delta },
  feasibility: { feasible: true, infeasibleReasons: [] },
});

describe("leakageFor: channel C states the ε the plan achieves, never the target it misses (audit finding 1)", () => {
  const mitg = (() => {
    const parsed = parseScenario("preset=mitg&eps=8&methods=prompt-pate-gen&accountant=rdp");
    if (!parsed.ok) throw new Error("mitg link failed to parse");
    return parsed.scenario;
  })();

  it("MIT-G, PromptPATEGen at target ε = 8: the plan achieves only ε ≈ 23.62, so C is not protected and the statement says 23.62, not 8", () => {
    // Oracle: `npm run cli -- estimate --query 'preset=mitg&eps=8&methods=prompt-pate-gen'` reports
    // privacy.epsilon = 23.618… (infeasible, RDP: 100 public queries at the useful limits ε_EM = 0.4536,
    // σ_PTR = 2.475). No plan is passed: leakageFor computes it itself.
    for (const model of ["pythia-1b", "gpt-3-davinci"] as const) {
      const r = leakageFor(mitg, "prompt-pate-gen", model);
      expect(r.channels.C.status).toBe("partial");
      expect(r.channels.C.reason).toMatch(/^The plan misses the target ε = 8: it achieves only ε = 23\.7 \(δ = 3\.39e-4\)\./);
      expect(r.statement).toContain("answers are only (23.7, 3.39e-4)-DP, missing the target ε = 8");
      expect(r.statement).not.toContain("(8, 3.39e-4)-DP");
      // The membership test is stated at the achieved ε: e^23.62 makes the bound 1 − e^(−23.62)·0.98966 ≈ 1 − 5.5e-11.
      expect(r.hypothesisTest.epsilon).toBeCloseTo(23.618, 2);
      expect(r.hypothesisTest.points[0]?.tprMax).toBeGreaterThan(1 - 1e-10);
    }
  });

  it("a feasible plan that achieves ε = 1 under a target of 2 is protected, with the bound at ε = 1 (hand calculation)", () => {
    const s = presetScenario("sst2");
    const plan: LeakagePlan = { privacy: { targetEpsilon: 2, epsilon: 1, delta: 1e-5 }, feasibility: { feasible: true, infeasibleReasons: [] } };
    const r = leakageFor(s, "private-lora", "pythia-1b", plan);
    expect(r.channels.C.status).toBe("protected");
    // TPR ≤ min(1, e^1·0.01 + 1e-5, 1 − e^−1·(1 − 1e-5 − 0.01)) = min(1, 0.0271928, 0.6358) = 0.0271928.
    expect(r.hypothesisTest.epsilon).toBe(1);
    expect(r.hypothesisTest.points[0]?.tprMax).toBeCloseTo(0.0271928, 6);
    expect(r.statement).toContain("answers are (1, 1e-5)-DP, so a membership test at 1% false positives succeeds at most 2.72% of the time");
  });

  it("a plan at a weaker finite ε (3 > target 1) is partial, bounded at ε = 3: e^3·0.01 + 1e-5 = 0.20087 (hand calculation)", () => {
    const plan: LeakagePlan = {
      privacy: { targetEpsilon: 1, epsilon: 3, delta: 1e-5 },
      feasibility: { feasible: false, infeasibleReasons: ["the plan misses the target ε = 1: it achieves ε = 3"] },
    };
    const r = leakageFor(presetScenario("sst2"), "dp-icl", "gpt-4-turbo", plan);
    expect(r.channels.C.status).toBe("partial");
    expect(r.channels.C.reason).toContain("it achieves only ε = 3");
    expect(r.hypothesisTest.points[0]?.tprMax).toBeCloseTo(0.2008654, 6);
    expect(r.statement).toContain("answers are only (3, 1e-5)-DP, missing the target ε = 1");
  });

  it("a plan that reaches its ε but cannot run as specified is partial, and says why", () => {
    const plan: LeakagePlan = {
      privacy: { targetEpsilon: 1, epsilon: 0.9, delta: 1e-5 },
      feasibility: { feasible: false, infeasibleReasons: ["N = 10 records cannot fill 10 teachers × 4 shots"] },
    };
    const r = leakageFor(presetScenario("sst2"), "prompt-pate", "pythia-1b", plan);
    expect(r.channels.C.status).toBe("partial");
    expect(r.channels.C.reason).toContain("N = 10 records cannot fill 10 teachers × 4 shots");
    expect(r.statement).toContain("no DP guarantee is claimed for its answers");
  });

  it("no finite ε → exposed: no guarantee is claimed, every TPR bound is 1, and the row stays JSON-safe", () => {
    const plan: LeakagePlan = {
      privacy: { targetEpsilon: 0.5, epsilon: null, delta: 1e-5 },
      feasibility: { feasible: false, infeasibleReasons: ["no setting reaches the target ε = 0.5 for the planned workload; no guarantee is claimed"] },
    };
    const r = leakageFor(presetScenario("sst2"), "dp-opt", "gpt-3-davinci", plan);
    expect(r.channels.C.status).toBe("exposed");
    expect(r.channels.C.reason).toContain("no guarantee is claimed");
    expect(r.hypothesisTest.epsilon).toBeNull();
    expect(r.hypothesisTest.points.map((p) => p.tprMax)).toEqual([1, 1, 1]);
    expect(r.statement).toContain("no DP guarantee is claimed for its answers");
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(`${r.statement} ${r.channels.A.reason} ${r.channels.A.formula}`).not.toMatch(/NaN|undefined|Infinity|null/);
  });
});

/** Schema-valid scenarios (ranges from lib/scenario/schema.ts and knobs.ts). */
const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    preset: fc.constantFrom(...PRESET_IDS),
    records: fc.integer({ min: 1, max: 1e9 }),
    queries: fc.integer({ min: 1, max: 1e12 }),
    epsilon: fc.double({ min: 1e-6, max: 100, noNaN: true }),
    delta: fc.double({ min: 1e-15, max: 0.999999, noNaN: true }),
    inTokens: fc.double({ min: 0.01, max: 1e6, noNaN: true }),
    outTokens: fc.double({ min: 0.01, max: 1e6, noNaN: true }),
    ensemble: fc.integer({ min: 1, max: 100000 }),
    shots: fc.integer({ min: 1, max: 1000 }),
    tokens: fc.integer({ min: 1, max: 10000 }),
    demos: fc.integer({ min: 1, max: 1000 }),
    publicExamples: fc.integer({ min: 1, max: 1_000_000 }),
  })
  .map((r) => {
    const base = presetScenario(r.preset);
    const k = structuredClone(base.knobs);
    Object.assign(k["dp-icl"], { ensemble: r.ensemble, shots: r.shots });
    Object.assign(k["prompt-pate"], { ensemble: r.ensemble, shots: r.shots, public: r.publicExamples });
    Object.assign(k["prompt-pate-gen"], { ensemble: r.ensemble, shots: r.shots, public: r.publicExamples });
    Object.assign(k["dp-fewshotgen"], { ensemble: r.ensemble, shots: r.shots, tokens: r.tokens, demos: r.demos });
    Object.assign(k["dp-opt"], { tokens: r.tokens });
    return { ...base, records: r.records, queries: r.queries, epsilon: r.epsilon, delta: r.delta, inTokens: r.inTokens, outTokens: r.outTokens, knobs: k };
  });

describe("leakageFor: properties over schema-valid scenarios", () => {
  it("no NaN, exposure within [0, N] for every method and every model it can run on", () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom(...METHOD_IDS), fc.constantFrom(...ALL_MODELS), (s, method: MethodId, model: ModelId) => {
        fc.pre(leakageDefinedFor(method, model));
        const r = leakageFor(s, method, model, meetsTarget(s));
        for (const field of NUMERIC_FIELDS) {
          expect(Number.isNaN(r[field])).toBe(false);
          expect(r[field]).toBeGreaterThanOrEqual(0);
        }
        expect(r.trainingRecordsToProvider).toBeLessThanOrEqual(s.records);
        expect(r.trainingFractionToProvider).toBeLessThanOrEqual(1);
        r.hypothesisTest.points.forEach((p) => expect(Number.isNaN(p.tprMax)).toBe(false));
        expect(r.statement).not.toMatch(/NaN|undefined/);
        for (const c of Object.values(r.channels)) expect(`${c.reason} ${c.formula ?? ""}`).not.toMatch(/NaN|undefined/);
        if (MODELS[model].llm === "open") expect(r.trainingRecordsToProvider + r.queryTokensToProvider).toBe(0);
      }),
      { numRuns: 800 },
    );
  });

  it("exposure never decreases with more queries (oracle: 1 − (1 − p)^Q is non-decreasing in Q)", () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 1e12 }), fc.constantFrom("dp-icl", "prompt-pate", "dp-fewshotgen", "dp-opt") as fc.Arbitrary<MethodId>, (s, more, method) => {
        const a = leakageFor(s, method, "gpt-4-turbo", meetsTarget(s));
        const b = leakageFor({ ...s, queries: Math.min(1e12, s.queries + more) }, method, "gpt-4-turbo", meetsTarget(s));
        expect(b.trainingRecordsToProvider).toBeGreaterThanOrEqual(a.trainingRecordsToProvider);
        expect(b.querySendsToProvider).toBeGreaterThanOrEqual(a.querySendsToProvider);
        expect(b.trainingRecordsToProvider).toBeLessThanOrEqual(s.records);
      }),
      { numRuns: 500 },
    );
  });

  it("without a plan, leakageFor computes it (methodPrivacy, RDP): channel C and the statement stay finite, JSON-safe, and 'protected' only when privacy is feasible", () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom(...METHOD_IDS), fc.constantFrom<ModelId>("gpt-4-turbo", "pythia-1b"), (s0, method: MethodId, model: ModelId) => {
        fc.pre(leakageDefinedFor(method, model));
        const s = { ...s0, accountant: "rdp" as const };
        const r = leakageFor(s, method, model);
        expect(JSON.parse(JSON.stringify(r.hypothesisTest))).toEqual(r.hypothesisTest);
        expect(`${r.statement} ${r.channels.C.reason} ${r.channels.C.formula ?? ""}`).not.toMatch(/NaN|undefined|Infinity/);
        if (r.channels.C.status === "protected") {
          expect(r.hypothesisTest.epsilon).toBeLessThanOrEqual(s.epsilon);
          expect(methodPrivacy(s, method).feasible).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("channel C is protected exactly when the plan is feasible and achieves its target (oracle: the rule of audit finding 1)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 50, noNaN: true }), fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }), fc.boolean(),
        fc.constantFrom<ModelId>("gpt-4-turbo", "pythia-1b"),
        (target, achieved, feasible, model) => {
          const s = presetScenario("sst2");
          const plan: LeakagePlan = { privacy: { targetEpsilon: target, epsilon: achieved, delta: 1e-5 }, feasibility: { feasible, infeasibleReasons: feasible ? [] : ["x"] } };
          const c = leakageFor(s, "dp-icl", model, plan).channels.C;
          const expected = achieved === null ? "exposed" : feasible && achieved <= target ? "protected" : "partial";
          expect(c.status).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("all eight dataset presets give finite rows for DP-ICL on GPT-3 Davinci", () => {
    for (const id of Object.keys(DATASETS) as (keyof typeof DATASETS)[]) {
      const r = leakageFor(presetScenario(id), "dp-icl", "gpt-3-davinci");
      expect(Number.isFinite(r.trainingRecordsToProvider)).toBe(true);
    }
  });
});
