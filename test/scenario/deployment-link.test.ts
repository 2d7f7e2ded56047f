/** @jest-environment node */
/**
 * The share-link keys added for deployment (findings 2 and 8): `hosted`, `closedOnOpen` and
 * `dp-fewshotgen.generator`. Old links keep their meaning: absent keys mean "local", "no extra
 * pairs" and "variant (1)".
 */
import { parseScenario, presetScenario, serializeScenario, validateScenario, type Scenario } from "@/lib/scenario";

function parsed(link: string): Scenario {
  const r = parseScenario(link);
  if (!r.ok) throw new Error(`${link}: ${JSON.stringify(r.errors)}`);
  return r.scenario;
}

describe("deployment keys in the share link", () => {
  it("defaults: every open model local, no closed-LLM method on open models, DP-FewShotGen variant (1)", () => {
    for (const link of ["v=1", "v=1&preset=samsum", "v=1&preset=samsum&price.vicuna-7b=0.2,0.2"]) {
      const s = parsed(link);
      expect(s.hostedModels).toEqual([]);
      expect(s.closedOnOpen).toEqual([]);
      expect(s.fewShotGenGenerator).toBe("api");
      // An old link serializes as it was written: no new key appears.
      expect(serializeScenario(s)).toBe(link);
    }
    expect(presetScenario("docvqa").hostedModels).toEqual([]);
  });

  it("round-trips in catalogue order and validates", () => {
    const s = parsed("v=1&preset=docvqa&hosted=vicuna-7b,pythia-1b&closedOnOpen=dp-opt,dp-icl&dp-fewshotgen.generator=openllama-13b");
    expect(s.hostedModels).toEqual(["pythia-1b", "vicuna-7b"]);
    expect(s.closedOnOpen).toEqual(["dp-icl", "dp-opt"]);
    expect(s.fewShotGenGenerator).toBe("openllama-13b");
    expect(validateScenario(s).ok).toBe(true);
    const link = serializeScenario(s);
    expect(link).toBe("v=1&preset=docvqa&hosted=pythia-1b,vicuna-7b&closedOnOpen=dp-icl,dp-opt&dp-fewshotgen.generator=openllama-13b");
    expect(parsed(link)).toEqual(s);
  });

  it.each([
    ["hosted=gpt-4-turbo", "hosted", /of: roberta-large, bart-large, .*mixtral-8x7b, llama-3.1-8b, llama-3.1-70b, qwen2.5-7b, mistral-7b$/],
    ["closedOnOpen=private-lora", "closedOnOpen", /dp-icl, prompt-pate, dp-fewshotgen, dp-opt/],
    ["dp-fewshotgen.generator=roberta-large", "dp-fewshotgen.generator", /api, bart-large/],
  ])("%s is refused with a field error naming the field, what was received and what is allowed", (link, field, allowed) => {
    const r = parseScenario(link);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.field).toBe(field);
    expect(r.errors[0]?.received).toBe(link.slice(link.indexOf("=") + 1));
    expect(r.errors[0]?.allowed).toMatch(allowed);
    // The fallback keeps the default for the bad field.
    expect(r.fallback.hostedModels).toEqual([]);
  });
});
