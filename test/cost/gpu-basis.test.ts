/** @jest-environment node */
import { presetScenario, type DatasetId, type MethodId, type Scenario } from "@/lib/scenario";
import { costCurves, estimateCostRow, estimateCosts, GPU_MODEL_LOO_RATIO, STUDY_COST_CELLS, studyScenario } from "@/lib/cost";
import { studySetupScenario } from "@/lib/cost/gpu-basis";

/**
 * Measured first (issue #15): a row whose setup the study ran shows the study's measured GPU
 * cost; a neighbouring setup scales it by the model's ratio; anything else is modelled with the
 * model's leave-one-out error band. Oracle: paper Tables 3–6 and hand calculations.
 */
const samsum = (edit: (s: Scenario) => void = () => {}) => {
  const s = presetScenario("samsum");
  s.queries = 10000;
  edit(s);
  return s;
};

describe("measured: the study's own setup shows the study's figure (paper Table 4)", () => {
  it("PrivateLoRA on Pythia 1B, SAMSum, A40 at $0.69/h: $4.24 training, $1.00 per 10k queries, no range", () => {
    const row = estimateCostRow(samsum(), "private-lora", "pythia-1b");
    expect(row.costBasis).toBe("measured");
    expect(row.trainingCostUsd).toBeCloseTo(4.24, 10);
    expect(row.queryCostUsd).toBeCloseTo(1.0, 10);
    expect(row.costRange).toBeUndefined();
    // The model's own estimate stays beside it as a cross-check, and differs from the measurement.
    expect(row.breakdown.gpuBasis?.model.trainingCostUsd).not.toBeCloseTo(4.24, 2);
    expect(row.breakdown.gpuBasis?.measured).toEqual({ table: "4", trainingCostUsd: 4.24, queryCostUsdPer10kQueries: 1.0 });
    expect(row.assumptions.join(" ")).toMatch(/measured.*Table 4.*cross-check/);
  });

  it("every GPU cell of Tables 3–6, rebuilt with its setup, shows the measured figure exactly", () => {
    let checked = 0;
    for (const cell of STUDY_COST_CELLS.filter((c) => c.runsOn === "gpu" && c.table !== "1" && c.method !== "zero-shot" && c.method !== "icl")) {
      for (const d of cell.datasets) {
        const row = estimateCostRow(studyScenario(cell, d), cell.method as MethodId, cell.model);
        expect(row.trainingCostUsd).toBeCloseTo(cell.trainUsd, 9);
        expect(row.queryCostUsd).toBeCloseTo(cell.queryUsdPer10k, 9);
        expect(row.costBasis).toBe("measured");
        checked++;
      }
    }
    // 36 GPU cells of Tables 3–6, the 9 of Table 6 printed once for MIT-G and MIT-D: 36 + 9 rows.
    expect(checked).toBe(45);
  });

  it("a different GPU price keeps the measured hours: $1.38/h doubles the $0.69/h figures", () => {
    const row = estimateCostRow(samsum((s) => { s.gpuUsdPerHour = 1.38; }), "private-lora", "pythia-1b");
    expect(row.costBasis).toBe("measured");
    expect(row.trainingCostUsd).toBeCloseTo(8.48, 10);
  });

  it("the study's setup here is the reproduction's setup (lib/cost/reproduce.ts studyScenario)", () => {
    for (const cell of STUDY_COST_CELLS.filter((c) => c.runsOn === "gpu")) for (const d of cell.datasets) expect(studySetupScenario(cell, d as DatasetId)).toEqual(studyScenario(cell, d));
  });
});

describe("scaled from measured: a neighbouring setup moves the measurement by the model's ratio", () => {
  it("half the records halve DP-SGD training (both model terms are linear in N): $4.24 → $2.12", () => {
    const row = estimateCostRow(samsum((s) => { s.records = 7366; }), "private-lora", "pythia-1b");
    expect(row.costBasis).toBe("scaled-from-measured");
    expect(row.trainingCostUsd).toBeCloseTo(4.24 * (7366 / 14732), 9);
    // Queries do not depend on N: still the measured $1.00 per 10k, but the row is scaled, so it carries a range.
    expect(row.queryCostUsd).toBeCloseTo(1.0, 9);
    expect(row.breakdown.gpuBasis?.changed?.join(" ")).toMatch(/^N \(7366 vs 14732\)/);
    expect(row.costRange!.low).toBeLessThan(row.totalCostUsd!);
    expect(row.costRange!.high).toBeGreaterThan(row.totalCostUsd!);
  });

  it("a knob the model ignores (batch size) still makes the row scaled, by a ratio of 1", () => {
    const row = estimateCostRow(samsum((s) => { s.knobs["private-lora"].batch = 64; }), "private-lora", "pythia-1b");
    expect(row.costBasis).toBe("scaled-from-measured");
    expect(row.trainingCostUsd).toBeCloseTo(4.24, 9);
    expect(row.breakdown.gpuBasis?.scale).toEqual({ training: 1, query: 1 });
  });

  it("an H100 scales LoRA training by the compute ratio 149.7 / 989 (datasheets), within the per-sample term", () => {
    const row = estimateCostRow(samsum((s) => { s.gpu = "h100"; s.gpuUsdPerHour = 0.69; }), "private-lora", "pythia-1b");
    expect(row.costBasis).toBe("scaled-from-measured");
    expect(row.trainingCostUsd! / 4.24).toBeGreaterThan(149.7 / 989);
    expect(row.trainingCostUsd! / 4.24).toBeLessThan(1.01 * (149.7 / 989));
  });
});

describe("modelled: no measurement, with the model's leave-one-out band", () => {
  it("DP-FineTune on Vicuna 7B (never run by the study): range = training ÷ 1.71 … ÷ 0.594, queries ÷ 2.01 … ÷ 0.609", () => {
    const row = estimateCostRow(samsum(), "dp-finetune", "vicuna-7b");
    expect(row.costBasis).toBe("modelled");
    const t = row.trainingCostUsd!, q = row.queryCostUsd!;
    // Hand values of GPU_MODEL_LOO_RATIO (test/cost/GPU-MODEL.md): training 0.594–1.71, serving 0.609–2.01.
    expect(GPU_MODEL_LOO_RATIO).toEqual({ training: { p10: 0.594, p90: 1.71 }, serving: { p10: 0.609, p90: 2.01 } });
    expect(row.costRange!.low).toBeCloseTo(t / 1.71 + q / 2.01, 9);
    expect(row.costRange!.high).toBeCloseTo(t / 0.594 + q / 0.609, 9);
  });

  it("a custom scenario is modelled; API-only rows have no GPU basis and no range", () => {
    const { rows } = estimateCosts(presetScenario("custom"));
    for (const r of rows) {
      const gpu = r.breakdown.stages.some((s) => s.kind === "gpu");
      if (gpu) expect(r.costBasis).toBe("modelled");
      else {
        expect(r.costBasis).toBeUndefined();
        expect(r.costRange).toBeUndefined();
      }
    }
  });

  it("DP-OPT on Davinci, SST2: the local prompt search is Table 3's measured $2.10; the API queries stay exact", () => {
    const s = presetScenario("sst2");
    s.queries = 10000;
    const row = estimateCostRow(s, "dp-opt", "gpt-3-davinci");
    expect(row.costBasis).toBe("measured");
    expect(row.trainingCostUsd).toBeCloseTo(2.1, 9);
    expect(row.costRange).toBeUndefined();
  });
});

describe("cost curves carry the band", () => {
  it("a modelled row's band brackets its curve and, at the scenario's 10,000 queries, is its costRange", () => {
    const row = estimateCostRow(samsum(), "dp-finetune", "vicuna-7b");
    const { queries, series } = costCurves([row], [], 41);
    const band = series[0]!.totalCostUsdRange!;
    queries.forEach((_, i) => {
      expect(band.low[i]!).toBeLessThan(series[0]!.totalCostUsd[i]!);
      expect(band.high[i]!).toBeGreaterThan(series[0]!.totalCostUsd[i]!);
    });
    // The band is linear in q: training range + q × per-query range, which at the scenario's 10,000 queries is costRange.
    expect(row.trainingCostRange!.low + 10000 * (row.queryCostRange!.low / row.queries)).toBeCloseTo(row.costRange!.low, 9);
    expect(row.trainingCostRange!.high + 10000 * (row.queryCostRange!.high / row.queries)).toBeCloseTo(row.costRange!.high, 9);
  });

  it("a measured row has no band", () => {
    expect(costCurves([estimateCostRow(samsum(), "private-lora", "pythia-1b")]).series[0]!.totalCostUsdRange).toBeUndefined();
  });
});
