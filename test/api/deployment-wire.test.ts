/** @jest-environment node */
/**
 * The JSON API carries the new deployments: `leakage.deployment` "hosted" with the host's unknown
 * policy under `leakage.providers`, closed-LLM methods on open models and DP-FewShotGen (2) rows.
 * Oracle: the response schema the OpenAPI document is generated from, and estimate() itself.
 */
import { estimate, parseScenario } from "@/lib";
import { estimateJson, estimateSchema, expandWireEstimate, type WireEstimate } from "@/lib/api";

const QUERY = "accountant=rdp&preset=samsum&methods=dp-icl,dp-fewshotgen,private-lora,prompt-pate-gen&closed=gpt-3-davinci&open=vicuna-7b,pythia-1b&hosted=vicuna-7b&price.vicuna-7b=0.2,0.2&closedOnOpen=dp-icl&dp-fewshotgen.generator=pythia-1b";

describe("a scenario with hosted and local open models through the wire form", () => {
  const parsed = parseScenario(QUERY);
  if (!parsed.ok) throw new Error("fixture must parse");
  const e = estimate(parsed.scenario, {}, parsed.warnings);
  const wire = JSON.parse(estimateJson(e)) as WireEstimate;

  test("satisfies the response schema and expands back to estimate()", () => {
    const r = estimateSchema.safeParse(wire);
    expect(r.success ? [] : r.error.issues).toEqual([]);
    expect(expandWireEstimate(wire)).toEqual(JSON.parse(JSON.stringify(e)));
  });

  test("rows say hosted / local / provider-api, and the host's policy is listed as unknown", () => {
    const deployments = Object.fromEntries(wire.rows.map((r) => [`${r.method}@${r.model}`, r.leakage?.deployment]));
    expect(deployments).toMatchObject({
      "dp-icl@gpt-3-davinci": "provider-api", "dp-icl@vicuna-7b": "hosted", "dp-icl@pythia-1b": "local",
      "private-lora@vicuna-7b": "hosted", "private-lora@pythia-1b": "local", "dp-fewshotgen@gpt-3-davinci": "provider-api",
    });
    expect(wire.leakage.providers["the host of Vicuna 7B"]?.trainsOnApiData).toBe("unknown");
  });
});
