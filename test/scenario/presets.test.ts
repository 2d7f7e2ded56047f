/** @jest-environment node */
import { DATASETS, PRESET_IDS, STUDY_METHOD_IDS, presetScenario, type DatasetId } from "@/lib/scenario";

/**
 * Each preset against docs/derivations.md §S3 (Tables 7, 14, 21: sizes, classes, token averages) and
 * §S8 (Tables 8–20: hyperparameters). Expected values are typed in from the paper, not read from lib/.
 */
const PAPER_DATASETS: Record<DatasetId, { train: number; classes: number | null; inTokens: number; outTokens: number; task: string }> = {
  sst2: { train: 66674, classes: 2, inTokens: 12.35, outTokens: 1, task: "classification" }, // Table 7
  trec: { train: 5452, classes: 6, inTokens: 11.43, outTokens: 1, task: "classification" }, // Table 7
  mpqa: { train: 8603, classes: 2, inTokens: 3.88, outTokens: 1, task: "classification" }, // Table 7
  disaster: { train: 4430, classes: 2, inTokens: 30.79, outTokens: 1, task: "classification" }, // Table 7
  samsum: { train: 14732, classes: null, inTokens: 140.857, outTokens: 25.62, task: "generation" }, // Table 14
  docvqa: { train: 85000, classes: null, inTokens: 924.191, outTokens: 6.384, task: "generation" }, // Table 21
  mitg: { train: 2953, classes: null, inTokens: 24.314, outTokens: 2.301, task: "generation" }, // Table 14
  mitd: { train: 1561, classes: null, inTokens: 25.276, outTokens: 3.877, task: "generation" }, // Table 14
};

/** Order: sst2, trec, mpqa, disaster, samsum, docvqa, mitg, mitd (docs/derivations.md §S8). */
const order: DatasetId[] = ["sst2", "trec", "mpqa", "disaster", "samsum", "docvqa", "mitg", "mitd"];
const PAPER_KNOBS: Record<string, number[]> = {
  "private-lora.epochs": [10, 40, 20, 20, 20, 15, 20, 20], // Tables 8 and 16
  "private-lora.batch": [128, 128, 128, 128, 256, 256, 256, 256],
  "dp-finetune.epochs": [10, 40, 40, 50, 20, 15, 20, 20], // Tables 9 and 18
  "dp-finetune.batch": [128, 128, 128, 128, 256, 256, 256, 256],
  "prompt-dpsgd.epochs": [22, 100, 100, 100, 20, 15, 40, 40], // Tables 10 and 17
  "prompt-dpsgd.batch": [32, 32, 32, 32, 256, 256, 256, 256],
  "prompt-dpsgd.promptLength": [1, 10, 10, 10, 10, 25, 5, 5],
  "dp-icl.ensemble": [10, 10, 10, 10, 100, 100, 100, 100], // Table 13; Appendix D
  "dp-icl.shots": [4, 4, 4, 4, 1, 1, 1, 1],
  "dp-fewshotgen.tokens": [50, 50, 50, 50, 50, 50, 20, 20], // Tmax, Tables 12 and 20
  "prompt-pate-gen.ensemble": [100, 100, 100, 100, 100, 100, 25, 25], // Table 19 (SAMSum 100, MIT 25)
};

describe("presets match the study", () => {
  test.each(order)("%s: N, classes, token averages and task (docs/derivations.md §S3)", (id) => {
    const s = presetScenario(id);
    const paper = PAPER_DATASETS[id];
    expect(s.records).toBe(paper.train);
    expect(s.classes).toBe(paper.classes);
    expect(s.inTokens).toBe(paper.inTokens);
    expect(s.outTokens).toBe(paper.outTokens);
    expect(s.task).toBe(paper.task);
    expect(DATASETS[id].train).toBe(paper.train);
  });

  test.each(order)("%s: privacy defaults ε = 8, δ = 1/N, 10,000 queries, all methods (paper §4)", (id) => {
    const s = presetScenario(id);
    expect(s.epsilon).toBe(8);
    expect(s.delta).toBe(1 / PAPER_DATASETS[id].train);
    expect(s.queries).toBe(10000);
    // The study's eight (a later method, Aug-PE, is compared only when a link names it).
    expect(s.methods).toEqual([...STUDY_METHOD_IDS]);
  });

  test.each(Object.entries(PAPER_KNOBS))("%s per dataset (docs/derivations.md §S8)", (key, values) => {
    const [method, knob] = key.split(".") as [string, string];
    order.forEach((id, i) => {
      const knobs = presetScenario(id).knobs as unknown as Record<string, Record<string, number>>;
      expect([id, knobs[method]?.[knob]]).toEqual([id, values[i]]);
    });
  });

  test("custom starts from a generic classification task and switches knob columns with the task", () => {
    expect(PRESET_IDS).toContain("custom");
    const cls = presetScenario("custom");
    expect(cls.task).toBe("classification");
    expect(cls.knobs["dp-icl"]).toEqual({ ensemble: 10, shots: 4 });
    const gen = presetScenario("custom", "generation");
    expect(gen.classes).toBeNull();
    expect(gen.knobs["dp-icl"]).toEqual({ ensemble: 100, shots: 1 });
  });
});
