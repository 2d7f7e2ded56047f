/** @jest-environment node */
/**
 * Where an open model runs decides channels A and B (audit finding 2), and the study's setups
 * with closed-LLM methods on open models (finding 8). Each expectation is worked out by hand
 * from the mechanism, cited in the test's name.
 */
import { leakageFor } from "../../lib/leakage";
import { METHOD_IDS, deploymentOf, parseScenario, presetScenario, type Scenario } from "../../lib/scenario";

function scenarioOf(link: string): Scenario {
  const r = parseScenario(link);
  if (!r.ok) throw new Error(`${link}: ${JSON.stringify(r.errors)}`);
  return r.scenario;
}

describe("an open model priced as a hosted API is hosted: the host is the provider (finding 2)", () => {
  // The audit's link: Vicuna 7B priced at $0.2 per 1M tokens, i.e. called at a host.
  const s = scenarioOf("preset=samsum&open=vicuna-7b&price.vicuna-7b=0.2,0.2");

  it("a price override on an open model means hosted, with no hosted= key needed (old links)", () => {
    expect(s.hostedModels).toEqual([]);
    expect(deploymentOf(s, "vicuna-7b")).toBe("hosted");
    expect(deploymentOf(s, "gpt-3-davinci")).toBe("provider-api");
    expect(deploymentOf(presetScenario("samsum"), "vicuna-7b")).toBe("local");
  });

  it.each(["prompt-dpsgd", "private-lora", "dp-finetune", "prompt-pate-gen"] as const)("%s on hosted Vicuna: deployment hosted, the host receives every query once (B exposed)", (method) => {
    const row = leakageFor(s, method, "vicuna-7b");
    expect(row.deployment).toBe("hosted");
    expect(row.provider).toBe("the host of Vicuna 7B");
    expect(row.channels.B.status).toBe("exposed");
    // One copy per query, 10,000 queries of 140.857 input tokens (SAMSum, Table 14).
    expect(row.queryCopiesToProvider).toBe(1);
    expect(row.querySendsToProvider).toBe(10000);
    expect(row.queryTokensToProvider).toBeCloseTo(1408570, 6);
    expect(row.statement).toContain("to the host of Vicuna 7B in plaintext");
    expect(row.statement).not.toMatch(/runs locally|reaches any provider/);
  });

  it("PromptPATEGen at a host sends its teachers' records: A exposed, min(N, E·s) = 100 records (100 teachers × 1 shot, Hanke et al. 2024 App. D)", () => {
    const row = leakageFor(s, "prompt-pate-gen", "vicuna-7b");
    expect(s.knobs["prompt-pate-gen"]).toMatchObject({ ensemble: 100, shots: 1, public: 100 });
    expect(row.channels.A.status).toBe("exposed");
    expect(row.trainingRecordsToProvider).toBe(100);
    expect(row.trainingFractionToProvider).toBeCloseTo(100 / 14732, 12);
    // Each of the 100 public queries carries all 100 teacher records: 10,000 record-sends.
    expect(row.trainingRecordSendsToProvider).toBe(10000);
  });

  it.each(["prompt-dpsgd", "private-lora", "dp-finetune"] as const)("%s trains on the curator's GPU: the host gets a DP artefact, never a raw record", (method) => {
    const row = leakageFor(s, method, "vicuna-7b");
    expect(row.trainingRecordsToProvider).toBe(0);
    expect(row.trainingRecordSendsToProvider).toBe(0);
    expect(row.channels.A.status).not.toBe("exposed");
    // The artefact is covered by the same guarantee as the answers, and says so.
    expect(row.channels.A.status).toBe(row.channels.C.status);
    expect(row.channels.A.reason).toMatch(/DP-trained/);
    expect(row.statement).toMatch(/no raw private record \(only the DP-trained/);
  });

  it("the host's data policy is unknown: never a policy we have not read", () => {
    const row = leakageFor(s, "private-lora", "vicuna-7b");
    expect(row.providerPolicy).not.toBeNull();
    expect(row.providerPolicy?.trainsOnApiData).toBe("unknown");
    expect(row.providerPolicy?.retention).toBe("unknown");
    expect(row.providerPolicy?.asOf).toBeNull();
  });

  it("hosted= marks a host without a price; local stays local", () => {
    const hosted = scenarioOf("preset=samsum&open=vicuna-7b,pythia-1b&hosted=vicuna-7b");
    expect(leakageFor(hosted, "private-lora", "vicuna-7b").deployment).toBe("hosted");
    const local = leakageFor(hosted, "private-lora", "pythia-1b");
    expect(local.deployment).toBe("local");
    expect(local.provider).toBeNull();
    expect([local.channels.A.status, local.channels.B.status]).toEqual(["protected", "protected"]);
  });
});

describe("closed-LLM methods on open models and DP-FewShotGen variant (2) (finding 8)", () => {
  it("DP-ICL on a local OpenLLaMA 13B (Table 5): nothing reaches a provider", () => {
    const s = scenarioOf("preset=docvqa&methods=dp-icl&open=openllama-13b&closedOnOpen=dp-icl");
    const row = leakageFor(s, "dp-icl", "openllama-13b");
    expect(row.deployment).toBe("local");
    expect([row.channels.A.status, row.channels.B.status]).toEqual(["protected", "protected"]);
  });

  it("DP-ICL on a hosted OpenLLaMA 13B: the host receives the teachers' records and E copies of each query", () => {
    const s = scenarioOf("preset=docvqa&methods=dp-icl&open=openllama-13b&closedOnOpen=dp-icl&hosted=openllama-13b&queries=1");
    const row = leakageFor(s, "dp-icl", "openllama-13b");
    expect(row.deployment).toBe("hosted");
    expect(row.channels.A.status).toBe("exposed");
    // One query draws E·s = 100 × 1 records (Appendix D's generation setup) and sends the query 100 times.
    expect(row.trainingRecordsToProvider).toBeCloseTo(100, 9);
    expect(row.queryCopiesToProvider).toBe(100);
  });

  it("DP-FewShotGen variant (2), demonstrations written on a local Vicuna 7B: A protected, 0 records to OpenAI; B still exposed", () => {
    const v2 = scenarioOf("preset=samsum&methods=dp-fewshotgen&dp-fewshotgen.generator=vicuna-7b");
    const row = leakageFor(v2, "dp-fewshotgen", "gpt-3-davinci");
    expect(row.deployment).toBe("provider-api");
    expect(row.channels.A.status).toBe("protected");
    expect(row.trainingRecordsToProvider).toBe(0);
    expect(row.channels.B.status).toBe("exposed");
    expect(row.statement).toContain("only the DP synthetic demonstrations");
    // Variant (1), the default, samples M·N = 80 records per token over 4 × 50 tokens: exposed.
    const v1 = leakageFor(presetScenario("samsum"), "dp-fewshotgen", "gpt-3-davinci");
    expect(v1.channels.A.status).toBe("exposed");
    // 14,732·(1 − (1 − 80/14,732)^200) ≈ 9,797 records (hand calculation).
    expect(v1.trainingRecordsToProvider).toBeCloseTo(14732 * (1 - (1 - 80 / 14732) ** 200), 6);
  });

  it("every method has a ledger row on a hosted open model (no RangeError)", () => {
    const s = scenarioOf("preset=samsum&open=vicuna-7b&hosted=vicuna-7b");
    for (const method of METHOD_IDS) expect(leakageFor(s, method, "vicuna-7b").deployment).toBe("hosted");
  });
});
