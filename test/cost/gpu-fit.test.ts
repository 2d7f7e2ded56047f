/** @jest-environment node */
import { GPU_CELL_CHECKS, GPU_MODEL_LOO_RATIO, gpuModelReport, LOO_TARGETS, quantile, STUDY_GPU_USD_PER_HOUR } from "@/lib/cost";

/**
 * Out-of-sample validation of the GPU-hour model (issue #15): every measured GPU cell of the
 * study predicted by a fit without it. Oracle: the paper's measured costs (Tables 3–6). The
 * same numbers are in test/cost/GPU-MODEL.md (regenerate: npm run --silent gpu:report).
 */
const report = gpuModelReport();
const fitted = report.cells.filter((c) => c.measurement.setupGap === undefined);

describe("leave-one-out validation of the GPU model (oracle: paper Tables 3–6)", () => {
  it("predicts every fitted cell without it: 64 cells, 30 training and 34 serving", () => {
    expect(fitted).toHaveLength(64);
    expect(fitted.filter((c) => c.measurement.group === "training")).toHaveLength(30);
  });

  it(`90th percentile of |log(predicted / measured)| ≤ log 2 (target met)`, () => {
    expect(report.overall.leaveOneOut.p90AbsLog).toBeLessThanOrEqual(LOO_TARGETS.p90AbsLog);
  });

  it("no fitted cell is worse than × 3 out of sample", () => {
    for (const c of fitted) expect(Math.abs(Math.log(c.leaveOneOutRatio))).toBeLessThanOrEqual(Math.log(LOO_TARGETS.worstFactor));
  });

  it("median |log ratio| out of sample ≤ log 1.35 — the issue's target of log 1.3 is NOT met (see GPU-MODEL.md for why)", () => {
    // Honest bound of what the model achieves (×1.32 at the time of writing, ×1.38 before; training cells ×1.48, serving ×1.26); the target of ×1.3
    // is reported as missed, not hidden: the study's own duplicates differ by more (e.g. three
    // methods on Pythia 1B, MIT, same tokens: $0.25, $0.31 and $0.50 per 10k queries, Table 6).
    expect(report.overall.leaveOneOut.medianAbsLog).toBeLessThanOrEqual(Math.log(1.35));
    expect(report.targets.median).toBe(report.overall.leaveOneOut.medianAbsLog <= Math.log(1.3));
  });

  it("the serving cells alone meet the median target out of sample: |log ratio| median ≤ log 1.3 over the 34 serving cells", () => {
    // ×1.26 at the time of writing; ×1.33 before decoding time per layer (test/cost/gpu-model-previous.json).
    const serving = report.byGroup.serving.leaveOneOut;
    expect(serving.cells).toBe(34);
    expect(serving.medianAbsLog).toBeLessThanOrEqual(LOO_TARGETS.medianAbsLog);
  });

  it("out of sample is never better than in sample overall (a sanity check of the refits)", () => {
    expect(report.overall.leaveOneOut.medianAbsLog).toBeGreaterThanOrEqual(report.overall.inSample.medianAbsLog - 1e-12);
  });

  it("the error bars shipped in GPU_MODEL_LOO_RATIO are the 10th/90th percentiles of the LOO ratios (to 3 digits)", () => {
    for (const g of ["training", "serving"] as const) {
      const ratios = fitted.filter((c) => c.measurement.group === g).map((c) => c.leaveOneOutRatio).sort((a, b) => a - b);
      expect(Math.abs(GPU_MODEL_LOO_RATIO[g].p10 / quantile(ratios, 0.1) - 1)).toBeLessThan(0.005);
      expect(Math.abs(GPU_MODEL_LOO_RATIO[g].p90 / quantile(ratios, 0.9) - 1)).toBeLessThan(0.005);
    }
  });

  it("the band means what it says: the study's measurement falls inside its leave-one-out band for ≈ 80% of fitted cells", () => {
    const cells = fitted;
    const inside = cells.filter((c) => {
      const r = GPU_MODEL_LOO_RATIO[c.measurement.group];
      return c.measuredGpuHours >= c.leaveOneOutGpuHours / r.p90 && c.measuredGpuHours <= c.leaveOneOutGpuHours / r.p10;
    }).length;
    expect(inside / cells.length).toBeGreaterThan(0.7);
    expect(inside / cells.length).toBeLessThan(0.9);
  });

  it("every cell left out of the fit says why, with the study's own numbers", () => {
    expect(report.setupGaps).toHaveLength(7);
    for (const c of report.setupGaps) expect(c.cause).toMatch(/\$\d/);
  });
});

describe("lib/cost/gpu-validation.generated.ts (the /reproduce data) matches a recomputation", () => {
  it("every cell's measured, in-sample and leave-one-out USD, to the 6 digits written", () => {
    expect(GPU_CELL_CHECKS).toHaveLength(report.cells.length);
    report.cells.forEach((c, i) => {
      const g = GPU_CELL_CHECKS[i]!;
      const m = c.measurement;
      expect([g.table, g.paperMethod, g.model, g.part]).toEqual([m.table, m.paperMethod, m.model, m.part]);
      const close = (written: number, hours: number) => expect(Math.abs(written / (hours * STUDY_GPU_USD_PER_HOUR) - 1)).toBeLessThan(1e-5);
      close(g.measuredUsd, c.measuredGpuHours);
      close(g.inSampleUsd, c.inSampleGpuHours);
      if (m.setupGap) expect(g.leaveOneOutUsd).toBeNull();
      else close(g.leaveOneOutUsd!, c.leaveOneOutGpuHours);
    });
  });
});

describe("quantile (R-7, Hyndman & Fan 1996)", () => {
  it("interpolates between ranks like numpy.quantile", () => {
    // numpy.quantile([1, 2, 3, 4], [0.5, 0.9, 0.1]) → [2.5, 3.7, 1.3]
    expect(quantile([1, 2, 3, 4], 0.5)).toBeCloseTo(2.5, 12);
    expect(quantile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 12);
    expect(quantile([1, 2, 3, 4], 0.1)).toBeCloseTo(1.3, 12);
  });
});
