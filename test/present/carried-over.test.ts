/** @jest-environment node */
import { carriedOverTokens, formModel } from "@/lib/present";
import { parseScenario, presetScenario } from "@/lib/scenario";

const model = formModel();

describe("token lengths carried over into a custom scenario (oracle: Hanke et al. 2024, Tables 7, 14, 21)", () => {
  it("the form model carries every study dataset's averages and the custom instruction default", () => {
    expect(model.datasetTokenLengths.find((d) => d.dataset === "sst2")).toMatchObject({ label: "SST2", inTokens: 12.35, outTokens: 1, source: expect.stringMatching(/Table 7/) });
    expect(model.datasetTokenLengths.find((d) => d.dataset === "samsum")).toMatchObject({ inTokens: 140.857, outTokens: 25.62, source: expect.stringMatching(/Table 14/) });
    expect(model.datasetTokenLengths).toHaveLength(8);
    expect(model.instructionTokensCustomDefault).toBe(287);
    expect(model.fields.instr).toMatchObject({ key: "instr", label: "Instruction tokens per call", unit: "tokens", min: 0 });
  });

  it("a custom scenario still holding SAMSum's lengths is marked; a dataset preset or the user's own lengths are not", () => {
    // What the form writes when the user switches from SAMSum to Custom: the on-screen numbers.
    const r = parseScenario("v=2&preset=custom&task=generation&n=14732&in=140.857&out=25.62");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(carriedOverTokens(model.datasetTokenLengths, r.scenario.preset, r.scenario.inTokens, r.scenario.outTokens)?.label).toBe("SAMSum");
    const samsum = presetScenario("samsum");
    expect(carriedOverTokens(model.datasetTokenLengths, samsum.preset, samsum.inTokens, samsum.outTokens)).toBeNull();
    expect(carriedOverTokens(model.datasetTokenLengths, "custom", 140.857, 30)).toBeNull();
    // The custom preset's own generic lengths (50 / 1) are no dataset's.
    const custom = presetScenario("custom");
    expect(carriedOverTokens(model.datasetTokenLengths, custom.preset, custom.inTokens, custom.outTokens)).toBeNull();
  });
});
