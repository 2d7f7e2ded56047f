/** @jest-environment node */
import fc from "fast-check";
import {
  METHOD_DESCRIPTORS, METHOD_IDS, computeEpsilon, defaultScenario, methodDataRequirements, presetScenario,
  privacyForScenario, type MethodPrivacy, type Scenario,
} from "@/lib/index";
import { clearMethodPrivacyMemo, dpSgdPlan, methodPrivacy, prvEpsError } from "@/lib/methods";
import { scenarioArb } from "../scenario/arbitraries";
import { parseScenario } from "@/lib/scenario";
import { gdpEpsilon, gdpMu } from "@/lib/privacy";

/** No NaN, no Infinity anywhere: JSON round-trips to an equal value. */
function expectJsonSafe(r: MethodPrivacy) {
  const text = JSON.stringify(r);
  expect(text).not.toMatch(/NaN|Infinity/);
  expect(JSON.parse(text)).toEqual(r);
}

describe("the default scenario (SST-2, ε = 8, δ = 1/N, 10,000 queries, PRV)", () => {
  const scenario = defaultScenario();
  const results = privacyForScenario(scenario);

  it("returns every selected method in order, feasible, within the target, JSON-safe", () => {
    expect(results.map((r) => r.method)).toEqual(scenario.methods);
    for (const r of results) {
      expectJsonSafe(r);
      expect(r.error).toBeUndefined();
      expect(r.feasible).toBe(true);
      expect(r.epsilon).not.toBeNull();
      expect(r.epsilon!).toBeLessThanOrEqual(scenario.epsilon);
      expect(r.sources.length).toBeGreaterThan(0);
      expect(["prv", "rdp", "rdp-classic", "rdp-autodp-classic"]).toContain(r.accountant);
    }
  });

  it("Gaussian methods use the scenario's accountant (PRV) and report its bounds; DP-OPT and PromptPATEGen say RDP", () => {
    for (const id of ["dp-icl", "prompt-pate", "dp-fewshotgen", "prompt-dpsgd", "private-lora", "dp-finetune"] as const) {
      const r = results.find((x) => x.method === id)!;
      expect(r.accountant).toBe("prv");
      expect(r.bounds!.lower).toBeLessThanOrEqual(r.bounds!.estimate);
      expect(r.bounds!.upper).toBe(r.epsilon);
    }
    expect(results.find((x) => x.method === "dp-opt")!.accountant).toBe("rdp");
    expect(results.find((x) => x.method === "prompt-pate-gen")!.accountant).toBe("rdp");
  });

  it("DP-ICL: the code's σ (Δ = 1, autodp classic) costs more than its reported ε under the sound accounting (docs/derivations.md §12.1)", () => {
    const r = results.find((x) => x.method === "dp-icl")!;
    const code = r.asOriginalCode!;
    expect(code.reportedAccountant).toBe("rdp-autodp-classic");
    expect(code.reportedEpsilon!).toBeLessThanOrEqual(scenario.epsilon);
    expect(code.soundEpsilon!).toBeGreaterThan(scenario.epsilon);
    expect(code.mechanism!.value!).toBeLessThan(r.noiseMultiplier!);
  });

  it("PromptPATEGen: the code's ε = 8 preset reproduces 7.99978 as coded and is far larger once teachers are fixed and δ0 is charged per query (§5)", () => {
    const r = results.find((x) => x.method === "prompt-pate-gen")!;
    expect(r.asOriginalCode!.reportedEpsilon!).toBeCloseTo(7.99978, 5);
    expect(r.asOriginalCode!.soundEpsilon!).toBeGreaterThan(10 * scenario.epsilon);
  });

  it("is deterministic: recomputing without the memo gives identical results", () => {
    clearMethodPrivacyMemo();
    expect(privacyForScenario(scenario)).toEqual(results);
  });

  // Every registered method, each with its own accountant: PRV for the Gaussian methods; RDP for
  // DP-OPT (autodp orders, at δ1 + δ0·q·T, DP-OPT utils/dp_accountant.py) and PromptPATEGen
  // (default orders, at δ/2 + n·δ0) whose steps fail with probability δ0. (It checked 4 of 8 before.)
  it("every descriptor builds the event it accounts: its ε by the method's accountant is within the target", () => {
    const prv = { accountant: "prv", epsError: prvEpsError(scenario.epsilon), maxGridPoints: 2 ** 20, fftSlack: 0.05 } as const;
    const checked: string[] = [];
    for (const id of Object.keys(METHOD_DESCRIPTORS) as (keyof typeof METHOD_DESCRIPTORS)[]) {
      const event = METHOD_DESCRIPTORS[id].privacyEvent(scenario);
      const r = methodPrivacy(scenario, id);
      const extra = r.mechanism.extra ?? {};
      let eps: number;
      if (id === "dp-opt") {
        const tokens = r.budget.planned;
        eps = computeEpsilon(event, extra.conversionDelta! + tokens * r.samplingRate * extra.failureProbability!, { accountant: "rdp", orders: "autodp" }).epsilon;
      } else if (id === "prompt-pate-gen") {
        const queries = r.budget.planned;
        eps = computeEpsilon(event, Math.min(scenario.delta, scenario.delta / 2 + queries * extra.failureProbability!), { accountant: "rdp", orders: "default" }).epsilon;
      } else if (r.accountant === "gdp") {
        // Aug-PE: T non-subsampled Gaussians, exactly √T/σ-GDP (Dong, Roth & Su 2019), read off the event.
        if (event.kind !== "selfComposed" || event.event.kind !== "gaussian") throw new Error(`${id}: a GDP result needs selfComposed(T, gaussian(σ)); got ${event.kind}`);
        eps = gdpEpsilon(gdpMu(event.event.noiseMultiplier, event.count), scenario.delta);
      } else {
        eps = computeEpsilon(event, scenario.delta, prv).epsilon;
      }
      expect(eps).toBeCloseTo(r.epsilon!, 9);
      expect(eps).toBeLessThanOrEqual(scenario.epsilon);
      checked.push(id);
    }
    expect(checked.sort()).toEqual([...METHOD_IDS].sort());
  });
});

describe("worked examples, oracle: docs/derivations.md §7, §8", () => {
  it("DP-SGD step rules: SAMSum 1,170 steps (dp-transformers), SST-2 PrivateLoRA 660 (opacus), MIT-G 188, MIT-D 106", () => {
    const samsum = dpSgdPlan(14732, 256, 20, "dp-transformers");
    expect(samsum.samplingRate).toBeCloseTo(0.017377, 6);
    expect(samsum.steps).toBe(1170);
    const sst2 = dpSgdPlan(67349, 1024, 10, "opacus");
    expect(sst2.samplingRate).toBe(1 / 66);
    expect(sst2.steps).toBe(660);
    expect(dpSgdPlan(2953, 256, 15, "dp-transformers").steps).toBe(188);
    expect(dpSgdPlan(1561, 256, 15, "dp-transformers").steps).toBe(106);
    expect(dpSgdPlan(67349, 1024, 100, "private-transformers").steps).toBe(6578);
  });

  it("SAMSum PrivateLoRA at ε = 8 (PRV upper, eps_error 0.05): σ = 0.683", () => {
    const r = methodPrivacy(presetScenario("samsum"), "private-lora");
    expect(r.noiseMultiplier!).toBeCloseTo(0.683, 2);
    expect(r.budget.planned).toBe(1170);
  });

  it("PromptDPSGD SST-2, B = 1024, 100 epochs: the code's σ (RDP, δ = N^−1.1) is 1.059", () => {
    const s: Scenario = { ...presetScenario("sst2"), records: 67349, delta: 1 / 67349, knobs: { ...presetScenario("sst2").knobs, "prompt-dpsgd": { epochs: 100, batch: 1024, promptLength: 1, impl: "per-sample" } } };
    const r = methodPrivacy(s, "prompt-dpsgd");
    expect(r.asOriginalCode!.mechanism!.value!).toBeCloseTo(1.059, 2);
    expect(r.asOriginalCode!.reportedDelta!).toBeCloseTo(67349 ** -1.1, 15);
  });

  it("DP-OPT SST-2 (n_train = 66,676): the code's ε_tok = 1.8 setting stops after 1,377 token queries", () => {
    const s: Scenario = { ...presetScenario("sst2"), records: 67349, delta: 1 / 66676 };
    const r = methodPrivacy(s, "dp-opt");
    expect(r.samplingRate).toBeCloseTo(0.0153728, 6);
    expect(r.asOriginalCode!.mechanism!.extra!.tokenQueries).toBe(1377);
  });
});

describe("budgets that cannot be met are results, not errors", () => {
  it("DP-ICL on TREC at ε = 0.05 cannot answer one query: infeasible, allowed 0, with the smallest ε that would work", () => {
    const s: Scenario = { ...presetScenario("trec"), epsilon: 0.05, accountant: "rdp" };
    const r = methodPrivacy(s, "dp-icl");
    expectJsonSafe(r);
    expect(r.feasible).toBe(false);
    expect(r.budget.allowed).toBe(0);
    expect(r.minFeasibleEpsilon!).toBeGreaterThan(0.05);
    expect(r.notes.join(" ")).toMatch(/cannot answer even one query/);
  });

  it("ensemble × shots > N and batch > N clip q to 1 with a note", () => {
    const base = presetScenario("mitd");
    const s: Scenario = { ...base, records: 50, delta: 0.01, accountant: "rdp", knobs: { ...base.knobs, "dp-icl": { ensemble: 100, shots: 4 }, "private-lora": { epochs: 3, batch: 500, rank: 8, impl: "per-sample" } } };
    const icl = methodPrivacy(s, "dp-icl");
    expect(icl.samplingRate).toBe(1);
    expect(icl.notes.join(" ")).toMatch(/no amplification/);
    const lora = methodPrivacy(s, "private-lora");
    expect(lora.samplingRate).toBe(1);
    expect(lora.notes.join(" ")).toMatch(/q = 1/);
    expectJsonSafe(icl);
    expectJsonSafe(lora);
  });
});

describe("where PRV cannot answer, RDP does, and the notes say why", () => {
  it("DP-ICL, SST-2, ε = 0.3, δ = 1e-10, 100,000 queries: FFT round-off swamps δ, so RDP answers (not \"the privacy computation failed\")", () => {
    // PRV's composed pmf for these queries carries ~5e-11 of round-off, over half of δ = 1e-10
    // (lib/privacy/prv.ts PrvRoundOffError); RDP's bound is analytic (Mironov 2017, Prop. 3).
    const parsed = parseScenario("preset=sst2&delta=1e-10&eps=0.3&queries=100000&methods=dp-icl");
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.scenario.accountant).toBe("prv");
    const r = methodPrivacy(parsed.scenario, "dp-icl");
    expectJsonSafe(r);
    expect(r.error).toBeUndefined();
    expect(r.accountant).toMatch(/^rdp/);
    expect(r.epsilon).not.toBeNull();
    expect(r.notes.join(" ")).toMatch(/round-off/);
  });
});

describe("any schema-valid scenario (property, RDP for speed)", () => {
  it("never throws, never returns NaN or Infinity, never overshoots a feasible target", () => {
    fc.assert(fc.property(scenarioArb, (generated) => {
      const s: Scenario = { ...generated, accountant: "rdp", methods: [...METHOD_IDS] };
      for (const id of METHOD_IDS) {
        const r = methodPrivacy(s, id);
        const text = JSON.stringify(r);
        if (/NaN|Infinity/.test(text) || r.error !== undefined) throw new Error(`${id}: ${text}`);
        if (r.feasible && (r.epsilon === null || r.epsilon > s.epsilon * (1 + 1e-9))) throw new Error(`${id} overshoots: ${text}`);
        if (!r.feasible && r.minFeasibleEpsilon !== undefined && r.minFeasibleEpsilon !== null && !(r.minFeasibleEpsilon > 0)) throw new Error(`${id}: ${text}`);
      }
      return true;
    }), { numRuns: 40 });
  });

  // The privacy memo leaves `queries` out of its key for every method but DP-ICL (registry.ts);
  // this holds only while no other method reads it. Computed without the memo on both sides.
  it("only methods with queriesSpendBudget depend on the number of queries", () => {
    expect(METHOD_IDS.filter((id) => METHOD_DESCRIPTORS[id].queriesSpendBudget)).toEqual(["dp-icl"]);
    fc.assert(fc.property(scenarioArb, fc.integer({ min: 1, max: 1e12 }), (generated, otherQueries) => {
      const s: Scenario = { ...generated, accountant: "rdp" };
      for (const id of METHOD_IDS) {
        if (METHOD_DESCRIPTORS[id].queriesSpendBudget) continue;
        clearMethodPrivacyMemo();
        const a = methodPrivacy(s, id);
        clearMethodPrivacyMemo();
        const b = methodPrivacy({ ...s, queries: otherQueries }, id);
        if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${id} changes with queries ${s.queries} → ${otherQueries}`);
      }
      return true;
    }), { numRuns: 25 });
    // And DP-ICL's does (the reason its key keeps the field): 10× the queries need more noise.
    const base: Scenario = { ...defaultScenario(), accountant: "rdp" };
    expect(methodPrivacy({ ...base, queries: 100_000 }, "dp-icl").noiseMultiplier!).toBeGreaterThan(methodPrivacy(base, "dp-icl").noiseMultiplier!);
  });

  // Scenarios that were slow (8–160 s) or failed before: infeasible DP-ICL budgets with the
  // autodp-classic search, δ ≈ 1 (PromptPATEGen's δ split rounded to 1), δ = 1e-20 and huge PRV grids.
  const extreme = [
    "preset=disaster&n=367617633&in=20004.5&out=999985&queries=6&eps=0.001&accountant=rdp&methods=dp-icl&dp-icl.ensemble=52384&dp-icl.shots=101",
    "preset=trec&n=277354752&queries=753800808853&eps=0.0184&delta=1e-20&accountant=rdp",
    "preset=trec&n=277354752&queries=753800808853&eps=0.0184&delta=1e-20",
    "preset=docvqa&n=847873371&eps=0.008460047726113121&delta=0.9999999999999999&accountant=rdp",
    "preset=mitd&n=117280979&queries=999999999996&delta=0.9999999999999989",
    "preset=custom&classes=7724&n=806474910&in=7.04&out=648274&delta=1e-20",
    "preset=mpqa&classes=9999&in=840843.7&out=893391&queries=17&eps=13.965200245494753&delta=0.6",
  ];
  it.each(extreme)("extreme but schema-valid: %s — every method finite, no error, feasible ones within target", (query) => {
    const parsed = parseScenario(query);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed));
    const s = parsed.scenario;
    for (const id of s.methods) {
      const r = methodPrivacy(s, id);
      expect(r.error).toBeUndefined();
      expectJsonSafe(r);
      if (r.feasible) expect(r.epsilon).toBeLessThanOrEqual(s.epsilon);
    }
  });

  it("PRV where it cannot be trusted or afforded is replaced by RDP, and the notes say so", () => {
    const tiny = parseScenario("preset=custom&classes=7724&n=806474910&in=7.04&out=648274&delta=1e-20");
    const wide = parseScenario("preset=mpqa&classes=9999&in=840843.7&out=893391&queries=17&eps=13.965200245494753&delta=0.6");
    if (!tiny.ok || !wide.ok) throw new Error("parse");
    const atTinyDelta = methodPrivacy(tiny.scenario, "dp-icl");
    expect(atTinyDelta.accountant).toBe("rdp");
    expect(atTinyDelta.notes.join(" ")).toMatch(/cannot resolve the tail mass/);
    const overGrid = methodPrivacy(wide.scenario, "dp-icl");
    expect(overGrid.accountant).toBe("rdp");
    expect(overGrid.notes.join(" ")).toMatch(/PRV accountant would need a grid of [\d,]+ points/);
    expect(methodPrivacy(wide.scenario, "private-lora").accountant).toBe("prv");
  });

  it("δ too small to split (5e-324) is an infeasible result, not an error", () => {
    const s: Scenario = { ...presetScenario("sst2"), delta: 5e-324, accountant: "rdp" };
    for (const id of METHOD_IDS) {
      const r = methodPrivacy(s, id);
      expect(r.error).toBeUndefined();
      expectJsonSafe(r);
    }
    expect(methodPrivacy(s, "dp-opt").feasible).toBe(false);
  });
});

/**
 * Data requirements: what each method draws from the N private records. Oracles are hand counts
 * from the knobs (SST-2 defaults: DP-ICL 10 × 4, PromptPATE 400 × 1, DP-FewShotGen 20 × 4 per
 * token from a label pool of ⌊N/2⌋, DP-OPT 205 × 5 per token from N − ⌊N/100⌋, PrivateLoRA batch 128).
 */
describe("plans that cannot be built are infeasible, with a one-line reason (audit finding 3)", () => {
  const at = (records: number, knobs: Partial<Scenario["knobs"]> = {}): Scenario => {
    const base = presetScenario("sst2");
    return { ...base, records, delta: 1 / records, accountant: "rdp", knobs: { ...base.knobs, ...knobs } };
  };
  const unmet = (r: MethodPrivacy) => (r.requirements ?? []).filter((q) => !q.met);

  it("PromptPATE at N = 100: 400 teachers × 1 shot need 400 disjoint records, so it is infeasible though the budget alone would run", () => {
    const r = methodPrivacy(at(100), "prompt-pate");
    expect(r.feasible).toBe(false);
    expect(r.budgetFeasible).toBe(true);
    expect(r.minFeasibleEpsilon).toBeNull(); // no ε creates records
    expect(unmet(r)).toEqual([expect.objectContaining({ id: "teacher-records", needed: 400, available: 100, met: false })]);
    expect(r.notes.join(" ")).toMatch(/400 teachers × 1 shot need 400 disjoint private records; N = 100/);
    expectJsonSafe(r);
  });

  it("DP-OPT at N = 100: 205 × 5 = 1,025 demonstrations per token from the 99 records left after the 1% holdout", () => {
    const r = methodPrivacy(at(100), "dp-opt");
    expect(r.feasible).toBe(false);
    expect(unmet(r)).toEqual([expect.objectContaining({ id: "records-per-token", needed: 1025, available: 99 })]);
    expect(r.notes.join(" ")).toMatch(/1,025 distinct private records for every instruction token; only 99 remain/);
  });

  it("boundaries, by hand: each requirement is met exactly at needed = available and unmet one record below", () => {
    // DP-OPT: N − ⌊N/100⌋ = 1,035 − 10 = 1,025 (met); 1,034 − 10 = 1,024 (unmet).
    expect(methodDataRequirements(at(1035), "dp-opt").every((q) => q.met)).toBe(true);
    expect(methodDataRequirements(at(1034), "dp-opt").find((q) => !q.met)?.id).toBe("records-per-token");
    // DP-OPT's holdout ⌊N/100⌋ is empty below N = 100 (with a small ensemble so only the holdout fails).
    const small = { "dp-opt": { ensemble: 2, shots: 1, tokens: 10 } };
    expect(methodDataRequirements(at(99, small), "dp-opt").filter((q) => !q.met).map((q) => q.id)).toEqual(["holdout"]);
    expect(methodDataRequirements(at(100, small), "dp-opt").every((q) => q.met)).toBe(true);
    // DP-FewShotGen: 2 label pools of ⌊N/2⌋; 80 per token: N = 160 → 80 (met), 159 → 79 (unmet).
    expect(methodDataRequirements(at(160), "dp-fewshotgen")[0]).toMatchObject({ needed: 80, available: 80, met: true });
    expect(methodDataRequirements(at(159), "dp-fewshotgen")[0]).toMatchObject({ needed: 80, available: 79, met: false });
    // DP-ICL: 10 × 4 = 40 records per query.
    expect(methodDataRequirements(at(40), "dp-icl")[0]!.met).toBe(true);
    expect(methodDataRequirements(at(39), "dp-icl")[0]!.met).toBe(false);
    // PromptPATE: 400 × 1 teachers.
    expect(methodDataRequirements(at(400), "prompt-pate")[0]!.met).toBe(true);
    expect(methodDataRequirements(at(399), "prompt-pate")[0]!.met).toBe(false);
    // DP-SGD: batch 128 (PrivateLoRA, DP-FineTune), 32 (PromptDPSGD).
    expect(methodDataRequirements(at(128), "private-lora")[0]!.met).toBe(true);
    expect(methodDataRequirements(at(127), "private-lora")[0]!.met).toBe(false);
    expect(methodDataRequirements(at(127), "dp-finetune")[0]!.met).toBe(false);
    expect(methodDataRequirements(at(127), "prompt-dpsgd")[0]!.met).toBe(true);
  });

  it("a student prompt cannot hold more labelled examples than the teachers label", () => {
    const s = at(66674, { "prompt-pate": { ensemble: 400, shots: 1, public: 2, studentShots: 3 } });
    const r = methodPrivacy(s, "prompt-pate");
    expect(r.feasible).toBe(false);
    expect(unmet(r)).toEqual([expect.objectContaining({ id: "student-examples", needed: 3, available: 2 })]);
  });

  it("every method declares its requirements: met ⇔ needed ≤ available, a reason, and a source that is the paper or the code", () => {
    for (const records of [2, 100, 66674]) {
      for (const id of METHOD_IDS) {
        const reqs = methodDataRequirements(at(records), id);
        expect(reqs.length).toBeGreaterThan(0);
        for (const q of reqs) {
          expect(q.met).toBe(q.needed <= q.available);
          expect(q.reason.length).toBeGreaterThan(10);
          expect(q.source).not.toMatch(/\.md\b/);
        }
        const r = methodPrivacy(at(records), id);
        expect(r.requirements).toEqual(reqs);
        if (reqs.some((q) => !q.met)) expect(r.feasible).toBe(false);
      }
    }
  });

  it("the study's own setups (8 presets at their defaults) meet every data requirement of every method", () => {
    for (const preset of ["sst2", "trec", "mpqa", "disaster", "samsum", "docvqa", "mitg", "mitd"] as const) {
      for (const id of METHOD_IDS) {
        const failing = methodDataRequirements(presetScenario(preset), id).filter((q) => !q.met);
        expect({ preset, id, failing }).toEqual({ preset, id, failing: [] });
      }
    }
  });

  it("property: a feasible result meets every declared requirement", () => {
    fc.assert(fc.property(scenarioArb, (generated) => {
      const s: Scenario = { ...generated, accountant: "rdp" };
      for (const id of METHOD_IDS) {
        const r = methodPrivacy(s, id);
        if (r.feasible && (r.requirements ?? []).some((q) => !q.met)) throw new Error(`${id} feasible with an unmet requirement: ${JSON.stringify(r.requirements)}`);
        if (!r.requirements || r.requirements.length === 0) throw new Error(`${id} declares no requirement`);
      }
      return true;
    }), { numRuns: 30 });
  });
});

describe("PromptPATEGen allows fewer answers at larger N (audit finding 5)", () => {
  const at = (records: number, delta: number): Scenario => ({ ...presetScenario("sst2"), records, delta, accountant: "rdp" });

  it("N enters only through δ: at the same δ, N = 100 and N = 10⁶ allow the same number of answers (fixed teachers, q = 1)", () => {
    // Oracle: the accounting is selfComposed(n, ksaPtr(ε_EM, σ, δ0)) with q = 1 and δ0 = δ/(2n);
    // no term contains N, so the count cannot change with N at fixed δ.
    const small = methodPrivacy(at(100, 1e-6), "prompt-pate-gen");
    const large = methodPrivacy(at(1e6, 1e-6), "prompt-pate-gen");
    expect(small.budget.allowed).toBe(large.budget.allowed);
    expect(small.samplingRate).toBe(1);
  });

  it("δ = 1/N: N = 100 (δ = 0.01) allows more answers than N = 10⁶ (δ = 10⁻⁶), and the notes say why in one line", () => {
    const small = methodPrivacy(at(100, 0.01), "prompt-pate-gen");
    const large = methodPrivacy(at(1e6, 1e-6), "prompt-pate-gen");
    expect(small.budget.allowed!).toBeGreaterThan(large.budget.allowed!);
    // Less useful PTR noise at the smaller δ0 = δ/(2n): (E − 2)/(2·z(δ0)) falls as z grows.
    expect(large.noiseMultiplier!).toBeLessThan(small.noiseMultiplier!);
    const why = large.notes.find((n) => n.startsWith("Allowed public queries depend on δ, not on N"));
    expect(why).toBeDefined();
    expect(why).toContain(`${large.budget.allowed} here`);
    expect(why).toContain("100 teachers are fixed (q = 1)");
  });
});
