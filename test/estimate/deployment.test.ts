/** @jest-environment node */
import { estimateFromInput } from "@/lib/estimate";

describe("estimate rows of the deployment setups (finding 8)", () => {
  it("DP-FewShotGen variant (2) claims no measured utility: the study measured only variant (1) (Table 3: 72.8 on SST2, GPT-3 Babbage)", () => {
    const v1 = estimateFromInput("methods=dp-fewshotgen&closed=gpt-3-babbage&open=");
    const v2 = estimateFromInput("methods=dp-fewshotgen&closed=gpt-3-babbage&open=&dp-fewshotgen.generator=vicuna-7b");
    if (!v1.ok || !v2.ok) throw new Error("links refused");
    expect(v1.estimate.rows[0]?.utility).toMatchObject({ kind: "measured", value: 72.8 });
    const u = v2.estimate.rows[0]?.utility;
    expect(u?.kind).toBe("none");
    expect(u?.value).toBeNull();
    expect(u?.note).toMatch(/variant \(2\).*was not measured/);
    expect(v2.estimate.rows[0]?.leakage?.channels.A.status).toBe("protected");
  });

  it("DP-ICL on the local OpenLLaMA 13B carries the study's Table 5 measurement and its GPU cost", () => {
    const r = estimateFromInput("preset=docvqa&methods=dp-icl&closed=&open=openllama-13b&closedOnOpen=dp-icl");
    if (!r.ok) throw new Error("link refused");
    const row = r.estimate.rows[0];
    expect(row?.model).toBe("openllama-13b");
    expect(row?.leakage?.deployment).toBe("local");
    expect(row?.breakdown.gpu?.id).toBe("a40");
    // Table 5 prints ROUGE-1 60.7 ± 0.6 for DP-ICL on OpenLLaMA 13B at ε = 8.
    expect(row?.utility).toMatchObject({ kind: "measured", value: 60.7 });
  });
});
