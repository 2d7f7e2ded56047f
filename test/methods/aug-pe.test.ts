/** @jest-environment node */
/**
 * Aug-PE (Xie et al., ICML 2024, arXiv:2403.01749; github.com/AI-secure/aug-pe), beyond the study.
 * Oracles: the aug-pe README's σ table and notebook/dp_budget.ipynb's printed ε; hand counts of
 * main.py's control flow written out below; the share-link contract of lib/scenario/versions.ts.
 */
import fc from "fast-check";
import {
  PRESET_IDS, VERSION_DEFAULTS, augPeApiCalls, knobsFor, reportedByAuthorsView, augPeWork, estimateFromInput, leakageFor, methodPrivacy, parseScenario, presetScenario, serializeScenario,
  type Estimate, type Scenario,
} from "../helpers/lib-internals";
import { buildStatement } from "@/lib/api";
import { laterMethodArb, scenarioArb } from "../scenario/arbitraries";

function parsed(query: string): Scenario {
  const r = parseScenario(query);
  if (!r.ok) throw new Error(`expected ${query} to parse: ${JSON.stringify(r.errors)}`);
  return r.scenario;
}

function estimated(query: string): Estimate {
  const r = estimateFromInput(query);
  if (!r.ok) throw new Error(`expected ${query} to estimate: ${JSON.stringify(r.errors)}`);
  return r.estimate;
}

const STUDY_METHODS = ["dp-icl", "prompt-pate", "dp-fewshotgen", "dp-opt", "prompt-dpsgd", "private-lora", "dp-finetune", "prompt-pate-gen"];

describe("Aug-PE privacy: T exact Gaussian rounds (μ-GDP), at the scenario's δ", () => {
  // README: "To achieve ε=1,2,4 under 10 epochs", σ per dataset; the notebook's δ = 1/(N ln N) and N.
  const readme: [string, number, number[]][] = [
    ["Yelp", 1_939_290, [15.34, 8.03, 4.24]],
    ["OpenReview", 8_396, [11.6, 6.22, 3.38]],
    ["PubMed", 75_316, [13.26, 7.01, 3.75]],
  ];
  describe.each(readme)("%s, N = %p, δ = 1/(N ln N), T = 10", (_name, n, sigmas) => {
    it.each([[1, 0], [2, 1], [4, 2]])("ε = %p: σ within 0.5% of the README's, ε exact and within target", (epsilon, i) => {
      const delta = 1 / (n * Math.log(n));
      const p = methodPrivacy(parsed(`preset=custom&n=${n}&eps=${epsilon}&delta=${delta}&methods=aug-pe`), "aug-pe");
      expect(Math.abs(p.noiseMultiplier! / sigmas[i]! - 1)).toBeLessThan(0.005);
      expect(p.accountant).toBe("gdp");
      expect(p.feasible).toBe(true);
      expect(p.epsilon).toBeLessThanOrEqual(epsilon);
      expect(p.epsilon).toBeGreaterThan(epsilon * 0.999999);
      // δ is the scenario's, so the original code's view has nothing different to show.
      expect(p.asOriginalCode).toBeNull();
    });
  });

  it("at the default δ = 1/N the original code's view shows its δ = 1/(N ln N) and σ (OpenReview, ε = 1: notebook σ = 11.59–11.60)", () => {
    const p = methodPrivacy(parsed("preset=custom&n=8396&eps=1&methods=aug-pe"), "aug-pe");
    const code = p.asOriginalCode!;
    expect(code.reportedDelta).toBeCloseTo(1 / (8396 * Math.log(8396)), 15);
    // The notebook's 0.01-step search: 11.59 gives ε = 1.000936 > 1, so σ ∈ (11.59, 11.60].
    expect(code.mechanism!.value).toBeGreaterThan(11.59);
    expect(code.mechanism!.value).toBeLessThanOrEqual(11.6);
    expect(code.reportedAccountant).toBe("gdp");
    // A larger δ (1/N > 1/(N ln N)) at the same σ gives a smaller ε.
    expect(code.soundEpsilon!).toBeLessThan(1);
    // And our σ at δ = 1/N is smaller than the code's.
    expect(p.noiseMultiplier!).toBeLessThan(code.mechanism!.value!);
  });

  it("the scenario's accountant is shown beside the exact value and is never below it (PRV and RDP are upper bounds)", () => {
    const prv = methodPrivacy(parsed("preset=custom&n=8396&eps=2&methods=aug-pe"), "aug-pe");
    const rdp = methodPrivacy(parsed("preset=custom&n=8396&eps=2&methods=aug-pe&accountant=rdp"), "aug-pe");
    expect(prv.noiseMultiplier).toBeCloseTo(rdp.noiseMultiplier!, 12);
    expect(prv.mechanism.extra!.engineEpsilonAtSigma).toBeGreaterThanOrEqual(prv.epsilon!);
    expect(rdp.mechanism.extra!.engineEpsilonAtSigma).toBeGreaterThanOrEqual(prv.mechanism.extra!.engineEpsilonAtSigma!);
  });

  it("queries spend no budget: the same privacy at 1 and 10⁹ queries", () => {
    const a = methodPrivacy(parsed("methods=aug-pe&queries=1"), "aug-pe");
    const b = methodPrivacy(parsed("methods=aug-pe&queries=1000000000"), "aug-pe");
    expect(b.noiseMultiplier).toBe(a.noiseMultiplier);
    expect(b.epsilon).toBe(a.epsilon);
  });

  it("more rounds need more noise, σ ∝ √T for a fixed μ (hand: T = 40 vs 10 doubles σ)", () => {
    const t10 = methodPrivacy(parsed("methods=aug-pe&eps=2"), "aug-pe").noiseMultiplier!;
    const t40 = methodPrivacy(parsed("methods=aug-pe&eps=2&aug-pe.iterations=40"), "aug-pe").noiseMultiplier!;
    expect(t40 / t10).toBeCloseTo(2, 9);
  });

  it("the statement's guarantee says the label counts are not covered (classification only)", () => {
    const cls = buildStatement("methods=aug-pe&eps=2").chosen!.guarantee.headline;
    expect(cls).toMatch(/differentially private/);
    expect(cls).toMatch(/anything its DP mechanism releases/);
    expect(cls).toMatch(/Not covered by this guarantee: the number of seed samples per class, allocated from the private label counts without noise/);
    expect(buildStatement("preset=samsum&methods=aug-pe&eps=2").chosen!.guarantee.headline).not.toMatch(/Not covered/);
  });

  it("classification notes the label counts used without noise (aug-pe apis text_random_sampling)", () => {
    expect(methodPrivacy(parsed("methods=aug-pe"), "aug-pe").notes.join(" ")).toMatch(/label counts without noise/);
    expect(methodPrivacy(parsed("preset=samsum&methods=aug-pe"), "aug-pe").notCovered).toBeUndefined();
    expect(methodPrivacy(parsed("preset=samsum&methods=aug-pe"), "aug-pe").notes.join(" ")).not.toMatch(/label counts/);
  });
});

describe("Aug-PE in the share link", () => {
  it("the default method list stays the study's eight for v=1, v=2 and a link without v", () => {
    expect(VERSION_DEFAULTS[1].methods).toEqual(STUDY_METHODS);
    expect(VERSION_DEFAULTS[2].methods).toEqual(STUDY_METHODS);
    expect(parsed("").methods).toEqual(STUDY_METHODS);
    expect(parsed("v=1").methods).toEqual(STUDY_METHODS);
    expect(parsed("v=2&preset=custom").methods).toEqual(STUDY_METHODS);
    expect(parsed("v=1&preset=samsum").methods).toEqual(STUDY_METHODS);
  });

  it("knobs aug-pe.iterations, aug-pe.samples, aug-pe.variations round-trip; defaults are not written", () => {
    const s = parsed("methods=dp-icl,aug-pe&aug-pe.iterations=20&aug-pe.samples=5000&aug-pe.variations=6");
    expect(parsed("methods=aug-pe&aug-pe.samples=500").knobs["aug-pe"]).toEqual({ iterations: 10, samples: 500, variations: 3 });
    expect(s.methods).toEqual(["dp-icl", "aug-pe"]);
    expect(s.knobs["aug-pe"]).toEqual({ iterations: 20, samples: 5000, variations: 6 });
    const link = serializeScenario(s);
    expect(link).toBe("v=1&methods=dp-icl,aug-pe&aug-pe.iterations=20&aug-pe.samples=5000&aug-pe.variations=6");
    expect(parsed(link)).toEqual(s);
    // Defaults (T = 10, S = 2,000, L − 1 = 3; aug-pe scripts/gpt-3.5-turbo/openreview.sh) are omitted.
    expect(serializeScenario(parsed("methods=aug-pe&aug-pe.iterations=10"))).toBe("v=1&methods=aug-pe");
    // No link version pins Aug-PE's knobs: every scenario carries its current defaults (an old link,
    // which cannot name the method, reads them and compares without it; test/scenario/link-corpus.ts).
    expect(presetScenario("sst2").knobs["aug-pe"]).toEqual({ iterations: 10, samples: 2000, variations: 3 });
    expect(parsed("methods=aug-pe&aug-pe.iterations=10").knobs["aug-pe"]).toEqual({ iterations: 10, samples: 2000, variations: 3 });
    for (const preset of PRESET_IDS) expect(knobsFor(presetScenario(preset), "aug-pe")).toEqual({ iterations: 10, samples: 2000, variations: 3 });
  });

  it("a bad knob is a field error naming the key, what was received and what is allowed", () => {
    const r = parseScenario("methods=aug-pe&aug-pe.iterations=0");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([expect.objectContaining({ field: "aug-pe.iterations", received: "0", allowed: "an integer from 1 to 1000" })]);
  });
});

describe("Aug-PE in random scenarios (test/scenario/arbitraries.ts laterMethodArb)", () => {
  it("parse ∘ serialize is the identity, and the privacy has no NaN and stays within the target", () => {
    fc.assert(fc.property(laterMethodArb(scenarioArb), (s) => {
      const link = serializeScenario(s);
      const back = parseScenario(link);
      if (!back.ok) throw new Error(`${link}: ${JSON.stringify(back.errors)}`);
      expect(serializeScenario(back.scenario)).toBe(link);
      const p = methodPrivacy(back.scenario, "aug-pe");
      expect(JSON.stringify(p)).not.toMatch(/NaN|Infinity/);
      if (p.epsilon !== null) expect(p.epsilon).toBeLessThanOrEqual(back.scenario.epsilon);
    }), { numRuns: 40, seed: 17 });
  });
});

describe("Aug-PE cost work: S·[1 + (T + 1)(L − 1)] API generations plus local GPU work", () => {
  it("Yelp GPT-3.5 (S = 5,000, L = 4, T = 10): 5,000 + 11 × 5,000 × 3 = 170,000 calls; OpenReview/PubMed (S = 2,000): 68,000", () => {
    expect(augPeApiCalls({ samples: 5000, candidatesPerSample: 4, rounds: 10 }).total).toBe(170_000);
    expect(augPeApiCalls({ samples: 5000, candidatesPerSample: 4, rounds: 20 }).total).toBe(320_000);
    expect(augPeApiCalls({ samples: 2000, candidatesPerSample: 4, rounds: 10 }).total).toBe(68_000);
  });

  it("SST2 defaults, by hand: 2,000 seed calls writing 12.35 tokens; 66,000 variations reading and writing 12.35; (66,674 + 88,000) × 12.35 tokens embedded", () => {
    const w = augPeWork(presetScenario("sst2"));
    const byId = Object.fromEntries(w.training.map((i) => [i.id, i]));
    expect(byId["seed-samples"]).toMatchObject({ kind: "llm-calls", calls: 2000, inputTokens: 0 });
    expect((byId["seed-samples"] as { outputTokens: number }).outputTokens).toBeCloseTo(24_700, 6);
    expect(byId.variations).toMatchObject({ kind: "llm-calls", calls: 66_000 });
    expect((byId.variations as { inputTokens: number }).inputTokens).toBeCloseTo(815_100, 6);
    expect((byId.embeddings as { tokens: number }).tokens).toBeCloseTo(154_674 * 12.35, 6);
    // 3 (forward + backward) × 10 epochs × 2,000 samples × 12.35 tokens.
    expect((byId["downstream-training"] as { tokens: number }).tokens).toBeCloseTo(741_000, 6);
    expect(w.perQuery).toEqual([expect.objectContaining({ calls: 1, runsOn: "roberta-large", inputTokens: 12.35, outputTokens: 1 })]);
  });

  it("instruction tokens go on every API call, not on the downstream model's queries (custom v=2: 287 per call)", () => {
    const w = augPeWork(parsed("preset=custom&methods=aug-pe"));
    const variations = w.training.find((i) => i.id === "variations") as { calls: number; inputTokens: number };
    // 66,000 × (50 + 287) = 22,242,000 input tokens (custom: ℓin = 50).
    expect(variations.inputTokens).toBeCloseTo(66_000 * 337, 6);
    expect(w.perQuery[0]!.inputTokens).toBe(50);
  });
});

describe("Aug-PE rows through estimate(): every closed model, plus open generators via closedOnOpen", () => {
  const e = estimated("methods=aug-pe&eps=4");
  const rows = e.rows.filter((r) => r.method === "aug-pe");

  it("one row per closed model, priced (no null for a known price), modelled GPU part, no study utility", () => {
    expect(rows.map((r) => r.model)).toEqual(["gpt-3-babbage", "gpt-3-davinci", "gpt-4-turbo", "claude-2.1"]);
    for (const r of rows) {
      expect(r.totalCostUsd).not.toBeNull();
      expect(r.totalCostUsd!).toBeGreaterThan(0);
      expect(r.costBasis).toBe("modelled");
      expect(r.utility.kind).toBe("none");
      expect(r.utility.value).toBeNull();
    }
  });

  it("Davinci's API part by hand: (24,700 + 815,100 + 815,100) tokens × $2/1M = $3.3098 (Hanke et al. 2024, Table 22 price)", () => {
    const davinci = rows.find((r) => r.model === "gpt-3-davinci")!;
    const api = davinci.breakdown.stages.filter((s) => s.kind === "api").reduce((a, s) => a + (s.usd ?? 0), 0);
    expect(api).toBeCloseTo(3.3098, 6);
    // Queries run on the local RoBERTa-Large: GPU, no API stage in the query phase.
    expect(davinci.breakdown.stages.filter((s) => s.phase === "query").map((s) => [s.kind, s.model])).toEqual([["gpu", "roberta-large"]]);
  });

  it("leakage: no record and no query reaches the provider; A partial (label counts), B protected, C protected", () => {
    const l = leakageFor(parsed("methods=aug-pe&eps=4"), "aug-pe", "gpt-4-turbo");
    expect(l.trainingRecordsToProvider).toBe(0);
    expect(l.queryCopiesToProvider).toBe(0);
    expect(l.querySendsToProvider).toBe(0);
    expect(l.channels.A.status).toBe("partial");
    expect(l.channels.B.status).toBe("protected");
    expect(l.channels.C.status).toBe("protected");
    expect(l.statement).toMatch(/never reach OpenAI/);
  });

  it("generation (no labels): A is as protected as the DP guarantee", () => {
    const l = leakageFor(parsed("preset=samsum&methods=aug-pe&eps=4"), "aug-pe", "gpt-3-davinci");
    expect(l.channels.A.status).toBe("protected");
    expect(l.channels.B.status).toBe("protected");
  });

  it("closedOnOpen=aug-pe runs the generator on the open models locally (the encoder RoBERTa-Large cannot generate)", () => {
    const open = estimated("methods=aug-pe&closedOnOpen=aug-pe").rows.filter((r) => r.method === "aug-pe" && r.llm === "open");
    expect(open.map((r) => r.model)).toEqual(["pythia-160m", "pythia-6.9b", "vicuna-7b", "llama-3-8b-instruct"]);
    for (const r of open) {
      expect(r.breakdown.stages.every((s) => s.kind === "gpu")).toBe(true);
      expect(r.leakage!.channels.A.status).toBe("protected");
    }
  });

  it("the study's eight are unchanged by Aug-PE's presence (same rows with and without it)", () => {
    const without = estimated("eps=4");
    const withIt = estimated(`eps=4&methods=${STUDY_METHODS.join(",")},aug-pe`);
    const strip = (x: Estimate) => x.rows.filter((r) => r.method !== "aug-pe").map((r) => [r.method, r.model, r.totalCostUsd, r.privacy.epsilon]);
    expect(strip(withIt)).toEqual(strip(without));
  });
});

describe("/reproduce: Aug-PE reported by its authors (lib/present/reported-by-authors.ts)", () => {
  const section = reportedByAuthorsView().find((s) => s.method === "aug-pe")!;

  it("one section, for Aug-PE only (the study's methods are in the study tables)", () => {
    expect(reportedByAuthorsView().map((s) => s.method)).toEqual(["aug-pe"]);
  });

  it("the README's nine σ are within 0.5% of ours, and the notebook's nine printed ε match ours to 1e-6", () => {
    const budget = section.figures.filter((f) => f.kind === "budget");
    expect(budget).toHaveLength(18);
    for (const f of budget) {
      const theirs = Number(f.theirs), ours = Number(f.ours);
      if (f.reading === "README table") expect(Math.abs(ours / theirs - 1)).toBeLessThan(0.005);
      else expect(Math.abs(ours - theirs)).toBeLessThan(1.5e-6);
    }
  });

  it("utility bars are labelled as read off a figure, and privadapt claims none for them", () => {
    const utility = section.figures.filter((f) => f.kind === "utility");
    expect(utility.length).toBeGreaterThan(0);
    for (const f of utility) {
      expect(f.reading).toMatch(/read off a bar chart/);
      expect(f.ours).toBeNull();
      expect(f.oursText).toBe("—");
    }
  });
});
