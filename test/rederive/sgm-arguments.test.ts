/**
 * @jest-environment node
 *
 * sgmArguments reads (q, σ, steps) off a DP event through lib/privacy's one shape matcher
 * (subsampledGaussianShape). Oracle: the events are built by hand below, so the expected
 * arguments are the constructors' own inputs; GNMax and other mechanisms have no
 * Opacus/prv_accountant form (the snippet writes them as dp_accounting events instead).
 */
import { sgmArguments } from "@/lib/rederive/snippets";
import { exponential, gaussian, gnmax, poissonSampled, selfComposed } from "@/lib/privacy/events";

const delta = 1e-5;

test("T Poisson-subsampled Gaussian steps give (q, σ, T)", () => {
  expect(sgmArguments(selfComposed(1200, poissonSampled(0.004, gaussian(0.87))), delta)).toEqual({ samplingRate: 0.004, noiseMultiplier: 0.87, steps: 1200, delta });
});

test("one subsampled step is T = 1; a plain Gaussian is q = 1, T = 1", () => {
  expect(sgmArguments(poissonSampled(0.25, gaussian(2)), delta)).toEqual({ samplingRate: 0.25, noiseMultiplier: 2, steps: 1, delta });
  expect(sgmArguments(gaussian(3), delta)).toEqual({ samplingRate: 1, noiseMultiplier: 3, steps: 1, delta });
  expect(sgmArguments(selfComposed(40, gaussian(5)), delta)).toEqual({ samplingRate: 1, noiseMultiplier: 5, steps: 40, delta });
});

test("a GNMax base is not an SGM for the snippets (its σ/√2 stays written out in the dp_accounting form)", () => {
  expect(sgmArguments(selfComposed(100, gnmax(40)), delta)).toBeNull();
  expect(sgmArguments(selfComposed(100, poissonSampled(0.1, gnmax(40))), delta)).toBeNull();
});

test("other mechanisms and other nestings have no SGM arguments", () => {
  expect(sgmArguments(exponential(0.5), delta)).toBeNull();
  expect(sgmArguments(selfComposed(10, exponential(0.5)), delta)).toBeNull();
  // Sampling outside composition is not the SGM shape the libraries take.
  expect(sgmArguments(poissonSampled(0.1, selfComposed(10, gaussian(1))), delta)).toBeNull();
});

test("zero steps are no SGM (they spend nothing; rdp.ts's matcher says null)", () => {
  expect(sgmArguments(selfComposed(0, poissonSampled(0.1, gaussian(1))), delta)).toBeNull();
});
