/** @jest-environment node */
import fc from "fast-check";
import { DATASET_IDS, METHOD_IDS, CLOSED_MODEL_IDS, OPEN_MODEL_IDS, PRESET_IDS, presetScenario, type DatasetId, type MethodId, type ModelId } from "../../lib/scenario";
import { MEASURED_RESULTS, lookupMeasuredUtility, paperMethodNames, utilityFor } from "../../lib/utility";

const CLASSIFICATION: DatasetId[] = ["sst2", "trec", "mpqa", "disaster"];
/** Table 23 (docs/derivations.md §S7), PrivateLoRA on Vicuna 7B, accuracy (%) by ε: the oracle. */
const TABLE_23: Record<number, number[]> = {
  8: [95.3, 97.4, 88.4, 82.0],
  3: [94.4, 96.2, 87.6, 79.6],
  1: [93.5, 93.8, 82.1, 78.1],
  0.7: [93.4, 93.2, 79.5, 76.4],
  0.3: [91.9, 87.6, 64.4, 73.6],
};

describe("utilityFor on a study preset", () => {
  it("returns Table 23 at ε = 3 for PrivateLoRA on Vicuna 7B, all four classification sets (oracle: Table 23)", () => {
    CLASSIFICATION.forEach((id, i) => {
      const u = utilityFor({ ...presetScenario(id), epsilon: 3 }, "private-lora", "vicuna-7b");
      expect(u).toMatchObject({ value: TABLE_23[3]![i], kind: "measured", metric: "accuracy", source: "Hanke et al. 2024, Table 23", epsilon: 3 });
    });
  });

  it("interpolates linearly at ε = 2 between ε = 1 and ε = 3, labelled (oracle: Table 23 midpoints)", () => {
    CLASSIFICATION.forEach((id, i) => {
      const u = utilityFor({ ...presetScenario(id), epsilon: 2 }, "private-lora", "vicuna-7b");
      expect(u.kind).toBe("interpolated");
      expect(u.value).toBeCloseTo((TABLE_23[1]![i]! + TABLE_23[3]![i]!) / 2, 10);
      expect(u.spread).toBeNull();
      expect(u.note).toMatch(/Interpolated linearly/);
    });
  });

  it("interpolates at ε = 0.5 with weight 0.5 between 0.3 and 0.7 and at ε = 5 with weight 0.4 between 3 and 8 (oracle: Table 23; Table 3 at ε = 8)", () => {
    const at = (eps: number) => utilityFor({ ...presetScenario("mpqa"), epsilon: eps }, "private-lora", "vicuna-7b").value;
    expect(at(0.5)).toBeCloseTo((64.4 + 79.5) / 2, 10);
    // Toward ε = 8 the curve ends at the cell the row shows at 8, Table 3's 87.8 (not Table 23's 88.4).
    expect(at(5)).toBeCloseTo(87.6 + 0.4 * (87.8 - 87.6), 10);
  });

  it("at ε = 8 prefers Table 3 (94.8 ± 0.5) over Table 23 (95.3) and mentions the other (oracle: Table 3; docs/derivations.md §S9)", () => {
    const u = utilityFor(presetScenario("sst2"), "private-lora", "vicuna-7b");
    expect(u).toMatchObject({ value: 94.8, spread: 0.5, source: "Hanke et al. 2024, Table 3" });
    expect(u.note).toMatch(/Table 23 prints 95\.3/);
  });

  it("never extrapolates: ε outside the measured range gives 'none' with a reason and the nearest measured point", () => {
    const high = utilityFor({ ...presetScenario("sst2"), epsilon: 10 }, "private-lora", "vicuna-7b");
    expect(high).toMatchObject({ value: null, kind: "none" });
    expect(high.note).toMatch(/does not extrapolate/);
    const low = utilityFor({ ...presetScenario("sst2"), epsilon: 0.1 }, "private-lora", "vicuna-7b");
    expect(low.kind).toBe("none");
    expect(low.nearestMeasured).toEqual({ value: 91.9, epsilon: 0.3, source: "Hanke et al. 2024, Table 23" });
    const icl = utilityFor({ ...presetScenario("sst2"), epsilon: 3 }, "dp-icl", "gpt-4-turbo");
    expect(icl).toMatchObject({ value: null, kind: "none", nearestMeasured: { value: 95.9, epsilon: 8 } });
  });

  it("DP-ICL on GPT-4 Turbo, SST2, ε = 8 → 95.9 ± 0.1 from Table 3, Table 1 printing the same (oracle: Tables 1 and 3)", () => {
    const u = utilityFor(presetScenario("sst2"), "dp-icl", "gpt-4-turbo");
    expect(u).toMatchObject({ value: 95.9, spread: 0.1, kind: "measured", source: "Hanke et al. 2024, Table 3", epsilon: 8, metric: "accuracy" });
    expect(u.note).toMatch(/Table 1 prints the same value/);
  });

  it("SAMSum PrivateLoRA on BART-Large comes from Table 4, the specific table, and mentions Table 1 (oracle: Table 4 ROUGE-L 39.1 ± 0.2)", () => {
    const u = utilityFor(presetScenario("samsum"), "private-lora", "bart-large");
    expect(u).toMatchObject({ value: 39.1, spread: 0.2, metric: "rougeL", source: "Hanke et al. 2024, Table 4" });
    expect(u.note).toMatch(/Table 1/);
    expect(utilityFor(presetScenario("samsum"), "private-lora", "bart-large", { metric: "rouge2" }).value).toBe(23.5);
  });

  it("PromptPATE's ε < 0.3 value is measured at 0.3, a labelled plateau reference above it only on GPT-3 Babbage, and not below (oracle: Table 3 header and Fig. 2)", () => {
    expect(utilityFor({ ...presetScenario("trec"), epsilon: 0.3 }, "prompt-pate", "claude-2.1")).toMatchObject({ value: 79.3, spread: 1.2, kind: "measured", basis: "epsilon-bound", epsilon: 0.3 });
    const babbage = utilityFor({ ...presetScenario("trec"), epsilon: 1 }, "prompt-pate", "gpt-3-babbage");
    expect(babbage).toMatchObject({ value: 52.8, kind: "reference", basis: "plateau", epsilon: 0.3 });
    expect(babbage.note).toMatch(/Fig\. 2/);
    // The study states no plateau for Claude 2.1: above its run's ε there is no value.
    expect(utilityFor({ ...presetScenario("trec"), epsilon: 1 }, "prompt-pate", "claude-2.1").kind).toBe("none");
    expect(utilityFor({ ...presetScenario("trec"), epsilon: 0.2 }, "prompt-pate", "claude-2.1").kind).toBe("none");
  });

  it("maps ids to the study's names: DP-OPT local vs original, PromptDPSGDGen, GPT-3.5 Turbo, DP-FewShotGen (1) (oracle: Tables 3, 4, 6)", () => {
    expect(lookupMeasuredUtility("sst2", "dp-opt", "gpt-3-davinci", 8).value).toBe(92.2);
    expect(lookupMeasuredUtility("sst2", "dp-opt", "vicuna-7b", 8).value).toBe(89.5);
    expect(lookupMeasuredUtility("samsum", "prompt-dpsgd", "bart-large", 8).value).toBe(37.4);
    expect(lookupMeasuredUtility("samsum", "dp-icl", "gpt-3.5-turbo-instruct", 8).value).toBe(33.8);
    expect(lookupMeasuredUtility("sst2", "dp-fewshotgen", "gpt-3-babbage", 8).value).toBe(72.8);
    expect(lookupMeasuredUtility("mitd", "dp-fewshotgen", "gpt-3-davinci", 8)).toMatchObject({ value: 80.6, spread: null });
    expect(lookupMeasuredUtility("docvqa", "dp-icl", "openllama-13b", 8).value).toBe(60.7);
  });

  it("paperMethodNames picks the table name by task and by where DP-OPT ran (its @examples)", () => {
    expect(paperMethodNames("dp-opt", "vicuna-7b")).toEqual(["DP-OPT (local)"]);
    expect(paperMethodNames("prompt-dpsgd", "pythia-1b", "generation")).toEqual(["PromptDPSGDGen"]);
    expect(paperMethodNames("dp-fewshotgen", "gpt-3-babbage", "classification")).toEqual(["DP-FewShotGen (1)"]);
  });

  it("says why when the study has no row: model not in the study, pairing not run", () => {
    expect(utilityFor(presetScenario("sst2"), "dp-icl", "gpt-5").note).toMatch(/did not use GPT-5/);
    const u = utilityFor(presetScenario("sst2"), "dp-icl", "claude-2.1");
    expect(u.kind).toBe("none");
    expect(u.note).toMatch(/GPT-4 Turbo/);
  });
});

/** The study's method names → privadapt ids (test-side, hand-written: an independent mapping). */
const METHOD_ID: Record<string, MethodId | null> = {
  "DP-ICL": "dp-icl", PromptPATE: "prompt-pate", "DP-FewShotGen (1)": "dp-fewshotgen", "DP-FewShotGen": "dp-fewshotgen",
  "DP-OPT (original)": "dp-opt", "DP-OPT (local)": "dp-opt", PromptDPSGD: "prompt-dpsgd", PromptDPSGDGen: "prompt-dpsgd",
  PrivateLoRA: "private-lora", "DP-FineTune": "dp-finetune", PromptPATEGen: "prompt-pate-gen", "0-shot": null, ICL: null,
};
const MODEL_ID: Record<string, ModelId> = {
  "GPT-3 Babbage": "gpt-3-babbage", "GPT-3 Davinci": "gpt-3-davinci", "GPT-3.5 Turbo": "gpt-3.5-turbo-instruct", "GPT-4 Turbo": "gpt-4-turbo",
  "Claude 2.1": "claude-2.1", "RoBERTa-Large": "roberta-large", "BART-Large": "bart-large", "Pythia 160M": "pythia-160m", "Pythia 410M": "pythia-410m",
  "Pythia 1B": "pythia-1b", "Pythia 6.9B": "pythia-6.9b", "Vicuna 7B": "vicuna-7b", "Llama3-8B Instruct": "llama-3-8b-instruct",
  "OpenLLaMA 13B": "openllama-13b", "Mixtral 8x7B": "mixtral-8x7b",
};
const DATASET_ID: Record<string, DatasetId> = { SST2: "sst2", Trec: "trec", Mpqa: "mpqa", Disaster: "disaster", SAMSum: "samsum", "PFL-DocVQA": "docvqa", "MIT-G": "mitg", "MIT-D": "mitd" };

describe("every private row of the study is reachable by some lookup", () => {
  it("each row's mean is returned for its ids, ε and metric, or another table's cell is preferred and named (oracle: paper-results.json)", () => {
    let checked = 0;
    for (const r of MEASURED_RESULTS) {
      const method = METHOD_ID[r.method];
      if (method === null || method === undefined || (r.epsilonKind !== "exact" && r.epsilonKind !== "below")) continue;
      const u = lookupMeasuredUtility(DATASET_ID[r.dataset]!, method, MODEL_ID[r.model]!, r.epsilon ?? 0.3, r.metric);
      expect(u.kind).toBe("measured");
      if (u.value !== r.mean) expect(u.note).toContain(`Table ${r.table} prints`);
      else if (u.source !== `Hanke et al. 2024, Table ${r.table}`) expect(u.note).toContain(`Table ${r.table}`);
      checked++;
    }
    expect(checked).toBe(MEASURED_RESULTS.length - 4 * 3); // all but 0-shot, ICL and PromptPATE at ε = ∞ (3 baselines × 4 datasets)
  });
});

describe("properties", () => {
  const models: ModelId[] = [...CLOSED_MODEL_IDS, ...OPEN_MODEL_IDS];
  it("no NaN for any preset, method, model and ε; value is null exactly when kind is 'none'", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PRESET_IDS), fc.constantFrom(...METHOD_IDS), fc.constantFrom(...models), fc.double({ min: 1e-6, max: 100, noNaN: true }), (preset, method, model, epsilon) => {
        const u = utilityFor({ ...presetScenario(preset), epsilon }, method, model);
        expect(u.value === null).toBe(u.kind === "none");
        if (u.value !== null) expect(Number.isFinite(u.value)).toBe(true);
        expect(u.note).not.toMatch(/NaN|undefined/);
        if (preset === "custom" && u.value !== null) expect(u.kind).toBe("reference");
      }),
      { numRuns: 1000 },
    );
  });

  it("interpolated values lie between the measured neighbours and are non-decreasing in ε where Table 23 is (oracle: Table 23 is monotone in ε)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...CLASSIFICATION), fc.double({ min: 0.3, max: 8, noNaN: true }), fc.double({ min: 0.3, max: 8, noNaN: true }), (id, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        // Up to and including ε = 8: the curve ends at Table 3's cell, which is ≥ Table 23's at ε = 3
        // on all four sets (94.8 ≥ 94.4, 97.3 ≥ 96.2, 87.8 ≥ 87.6, 81.3 ≥ 79.6).
        const u = lookupMeasuredUtility(id, "private-lora", "vicuna-7b", lo).value!;
        const v = lookupMeasuredUtility(id, "private-lora", "vicuna-7b", hi).value!;
        expect(v).toBeGreaterThanOrEqual(u - 1e-9);
      }),
      { numRuns: 2000 },
    );
  });

  it("DATASET_IDS all have a headline metric the study reports", () => {
    for (const id of DATASET_IDS) expect(MEASURED_RESULTS.some((r) => DATASET_ID[r.dataset] === id)).toBe(true);
  });
});
