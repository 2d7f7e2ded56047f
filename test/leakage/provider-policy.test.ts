/** @jest-environment node */
import { describeProviderPolicy, providerPolicies, providerPolicyFor } from "../../lib/leakage";
import { CLOSED_MODEL_IDS, MODELS, OPEN_MODEL_IDS } from "../../lib/scenario";

describe("provider data policies", () => {
  it("every closed model has a policy of its own provider; open models have none (nothing is sent)", () => {
    for (const m of CLOSED_MODEL_IDS) expect(providerPolicyFor(m)?.provider).toBe(MODELS[m].provider);
    for (const m of OPEN_MODEL_IDS) expect(providerPolicyFor(m)).toBeNull();
    expect(providerPolicies(CLOSED_MODEL_IDS)).toHaveLength(CLOSED_MODEL_IDS.length);
  });

  it("states nothing without a source and a date (rule: never invent specifics; 'unknown' otherwise)", () => {
    for (const m of CLOSED_MODEL_IDS) {
      const p = providerPolicyFor(m)!;
      if (p.trainsOnApiData !== "unknown" || p.retention !== "unknown") {
        expect(p.source).not.toBe("none recorded");
        expect(p.asOf).toMatch(/^\d{4}-\d{2}$/);
      }
      // Not checked against the live page by this project: the text must say so.
      if (!p.checkedLive && p.asOf) expect(describeProviderPolicy(p)).toMatch(/as of \d{4}-\d{2}, not re-checked/);
    }
  });
});
