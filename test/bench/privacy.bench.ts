/**
 * Privacy engine benchmarks (issue #3 targets, on this 2-core machine):
 * - σ calibration with RDP ≤ 2 ms (Opacus's Python search: ~264 ms for the same work);
 * - one PRV ε at eps_error 0.01 for 10,000 steps ≤ 100 ms (prv_accountant: ~1.85 s);
 * - the default scenario's full per-method privacy ≤ 20 ms with PRV results cached.
 */
import {
  calibrateNoiseMultiplier, clearMethodPrivacyMemo, clearPrvCache, defaultScenario, dpSgdEvent, privacyForScenario, prvEpsilon,
} from "../../lib";
import type { Benchmark } from "./harness";

// A DP-SGD run like the reference cases: q = 256/60000, T = 10,000, δ = 1e-5.
const SAMPLING_RATE = 0.004266666666666667;
const STEPS = 10_000;
const DELTA = 1e-5;

let sigmaOffset = 0;

export const benchmarks: Benchmark[] = [
  {
    name: "privacy: σ calibration, RDP (ε = 8, q = 0.00427, T = 10,000, default orders)",
    targetMs: 2,
    // A different target each run, so no cache can answer it.
    fn: () => calibrateNoiseMultiplier({ targetEpsilon: 8 + (sigmaOffset++ % 1000) * 1e-4, delta: DELTA, samplingRate: SAMPLING_RATE, steps: STEPS, spec: { accountant: "rdp" } }),
  },
  {
    name: "privacy: one PRV ε, eps_error 0.01 (σ = 1.1, q = 0.00427, T = 10,000)",
    targetMs: 100,
    runs: 15,
    fn: () => {
      clearPrvCache();
      return prvEpsilon(dpSgdEvent(1.1, SAMPLING_RATE, STEPS), DELTA, { epsError: 0.01 });
    },
  },
  {
    name: "privacy: default scenario, all 8 methods, PRV cached (method memo cleared)",
    targetMs: 20,
    setup: () => {
      privacyForScenario(defaultScenario());
    },
    fn: () => {
      clearMethodPrivacyMemo();
      return privacyForScenario(defaultScenario());
    },
  },
  {
    name: "privacy: default scenario, all 8 methods, memoised",
    fn: () => privacyForScenario(defaultScenario()),
  },
];
