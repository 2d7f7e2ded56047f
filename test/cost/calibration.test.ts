/** @jest-environment node */
import {
  fitServingConstants, fitTrainingConstants, minimiseNelderMead, predictServingGpuHours, predictTrainingGpuHours, rmsLogError,
  SERVING_CONSTANTS, studyServingMeasurements, studyTrainingMeasurements, TRAINING_CONSTANTS,
} from "@/lib/cost";

/**
 * How the GPU constants were calibrated, as a test: re-fit them to the study's measured A40
 * costs and check that the constants shipped in lib/cost/gpu-model.ts are that optimum.
 */
// The shipped constants are the fit rounded to 3 significant digits: each within 1% of the re-fit.
const CONSTANT_ROUNDING_TOLERANCE = 0.01;
// Rounding may cost at most 0.5% of the optimum's RMS log error.
const RMS_ROUNDING_TOLERANCE = 1.005;

describe("GPU model calibration (oracle: paper Tables 3–6 measured costs, A40 at $0.69/h)", () => {
  const training = studyTrainingMeasurements();
  const serving = studyServingMeasurements();

  it("training constants are the least-squares fit to the 29 DP-SGD training cells", () => {
    const fit = fitTrainingConstants(training, { overheadTokensPerRecord: 50, maxUtilisation: 0.3, halfUtilisationParamsBillions: 1, fullFineTuneDpOverhead: 2 });
    for (const k of Object.keys(TRAINING_CONSTANTS) as (keyof typeof TRAINING_CONSTANTS)[]) {
      expect(Math.abs(TRAINING_CONSTANTS[k] / fit.constants[k] - 1)).toBeLessThan(CONSTANT_ROUNDING_TOLERANCE);
    }
    const shipped = rmsLogError(training.map((m) => ({ predicted: predictTrainingGpuHours(m), measured: m.measuredGpuHours })));
    expect(shipped).toBeLessThanOrEqual(fit.rmsLogError * RMS_ROUNDING_TOLERANCE);
  });

  it("serving constants are the least-squares fit to the 30 local query cells", () => {
    const fit = fitServingConstants(serving, { secondsPerCall: 0.1, prefillUtilisation: 0.1, decodeUtilisation: 0.001 });
    for (const k of Object.keys(SERVING_CONSTANTS) as (keyof typeof SERVING_CONSTANTS)[]) {
      expect(Math.abs(SERVING_CONSTANTS[k] / fit.constants[k] - 1)).toBeLessThan(CONSTANT_ROUNDING_TOLERANCE);
    }
    const shipped = rmsLogError(serving.map((m) => ({ predicted: predictServingGpuHours(m), measured: m.measuredGpuHoursPerQuery })));
    expect(shipped).toBeLessThanOrEqual(fit.rmsLogError * RMS_ROUNDING_TOLERANCE);
  });

  it("the fitted constants are physically plausible", () => {
    // Model-FLOP utilisation of DP-SGD on an A40 well below 1; full fine-tuning slower than LoRA.
    expect(TRAINING_CONSTANTS.maxUtilisation).toBeGreaterThan(0.05);
    expect(TRAINING_CONSTANTS.maxUtilisation).toBeLessThan(0.6);
    expect(TRAINING_CONSTANTS.fullFineTuneDpOverhead).toBeGreaterThan(1);
    // Decoding one token at a time is memory-bound: far below prefill utilisation.
    expect(SERVING_CONSTANTS.decodeUtilisation).toBeLessThan(SERVING_CONSTANTS.prefillUtilisation / 10);
  });

  it("Nelder–Mead finds the minimum of a known function (Rosenbrock, minimum at (1, 1))", () => {
    const { x, value } = minimiseNelderMead(([a, b]) => (1 - a!) ** 2 + 100 * (b! - a! ** 2) ** 2, [-1.2, 1], { iterations: 10000 });
    expect(value).toBeLessThan(1e-8);
    expect(x[0]).toBeCloseTo(1, 3);
    expect(x[1]).toBeCloseTo(1, 3);
  });
});
