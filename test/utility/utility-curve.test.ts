/** @jest-environment node */
import { utilityCurve } from "../../lib/utility";

describe("utilityCurve (chart c)", () => {
  it("PrivateLoRA on Vicuna 7B, SST2: Table 23's points below ε = 8, Table 3's at 8, plus labelled interpolations (oracle: Tables 23 and 3)", () => {
    const pts = utilityCurve("sst2", "private-lora", "vicuna-7b");
    const measured = pts.filter((p) => p.kind === "measured");
    expect(measured.map((p) => [p.epsilon, p.value])).toEqual([[0.3, 91.9], [0.7, 93.4], [1, 93.5], [3, 94.4], [8, 94.8]]);
    expect(measured.map((p) => p.source.replace("Hanke et al. 2024, ", ""))).toEqual(["Table 23", "Table 23", "Table 23", "Table 23", "Table 3"]);
    const at2 = pts.find((p) => p.epsilon === 2);
    expect(at2?.kind).toBe("interpolated");
    expect(at2?.value).toBeCloseTo(93.95, 10);
    // Sorted, inside the measured range, each interpolation between its neighbours.
    for (let i = 1; i < pts.length; i++) expect(pts[i]!.epsilon).toBeGreaterThan(pts[i - 1]!.epsilon);
    expect(Math.min(...pts.map((p) => p.epsilon))).toBe(0.3);
    expect(Math.max(...pts.map((p) => p.epsilon))).toBe(8);
    for (let i = 1; i + 1 < pts.length; i++) {
      if (pts[i]!.kind !== "interpolated") continue;
      expect(pts[i]!.value).toBeGreaterThanOrEqual(Math.min(pts[i - 1]!.value, pts[i + 1]!.value));
      expect(pts[i]!.value).toBeLessThanOrEqual(Math.max(pts[i - 1]!.value, pts[i + 1]!.value));
    }
  });

  it("does not extrapolate beyond the measured range, even when asked", () => {
    const pts = utilityCurve("trec", "private-lora", "vicuna-7b", { epsilons: [0.1, 10, 2] });
    expect(pts.map((p) => p.epsilon)).toEqual([0.3, 0.7, 1, 2, 3, 8]);
  });

  it("PromptPATE: the ε < 0.3 point drawn at 0.3, then a labelled plateau (oracle: Table 3, Fig. 2)", () => {
    const pts = utilityCurve("mpqa", "prompt-pate", "gpt-3-babbage", { epsilons: [1, 8] });
    expect(pts).toEqual([
      expect.objectContaining({ epsilon: 0.3, value: 79.0, kind: "measured", spread: 0.5 }),
      expect.objectContaining({ epsilon: 1, value: 79.0, kind: "plateau" }),
      expect.objectContaining({ epsilon: 8, value: 79.0, kind: "plateau" }),
    ]);
  });

  it("a method measured only at ε = 8 gives one measured point; an unmeasured pairing none (oracle: Table 3)", () => {
    expect(utilityCurve("sst2", "dp-icl", "gpt-4-turbo")).toEqual([expect.objectContaining({ epsilon: 8, value: 95.9, kind: "measured", spread: 0.1, source: "Hanke et al. 2024, Table 3" })]);
    expect(utilityCurve("sst2", "dp-icl", "claude-2.1")).toEqual([]);
  });
});
