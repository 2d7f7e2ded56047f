/** @jest-environment node */
import { presetScenario } from "../../lib/scenario";
import { nearestReferenceDatasets, utilityFor } from "../../lib/utility";

describe("utilityFor on a custom dataset", () => {
  it("offers the nearest study dataset of the same task, named and labelled 'reference' (oracle: Trec is the study set with ~5k records, ~11 input tokens, 6 classes; Table 3 DP-ICL GPT-4 Turbo Trec 16.2)", () => {
    const custom = { ...presetScenario("custom"), records: 5000, inTokens: 12, outTokens: 1, classes: 6 };
    expect(nearestReferenceDatasets(custom)[0]).toBe("trec");
    const u = utilityFor(custom, "dp-icl", "gpt-4-turbo");
    expect(u).toMatchObject({ kind: "reference", referenceDataset: "trec", value: 16.2, source: "Hanke et al. 2024, Table 3" });
    expect(u.note).toMatch(/Trec's value.*not a prediction/);
  });

  it("stays within the task: a generation scenario never gets a classification dataset", () => {
    const gen = presetScenario("custom", "generation");
    const order = nearestReferenceDatasets(gen);
    expect(order.sort()).toEqual(["docvqa", "mitd", "mitg", "samsum"]);
  });

  it("skips nearer datasets without a measurement and says which were skipped (oracle: the study ran DP-FewShotGen only on the 4 classification sets with Babbage and MIT with Davinci)", () => {
    const gen = { ...presetScenario("custom", "generation"), records: 14000, inTokens: 140, outTokens: 25 };
    expect(nearestReferenceDatasets(gen)[0]).toBe("samsum");
    const u = utilityFor(gen, "dp-fewshotgen", "gpt-3-davinci");
    expect(u.kind).toBe("reference");
    expect(["mitg", "mitd"]).toContain(u.referenceDataset);
    expect(u.note).toMatch(/nearer: SAMSum/);
  });

  it("returns 'none' when no dataset of the task has a value", () => {
    const u = utilityFor(presetScenario("custom"), "dp-icl", "gpt-5");
    expect(u).toMatchObject({ kind: "none", value: null });
  });
});
