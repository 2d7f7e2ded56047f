/** @jest-environment node */
import fc from "fast-check";
import cases from "../fixtures/golden/dp-reference-cases.json";
import {
  PRV_MIN_DELTA, PrvDeltaOutOfRangeError, UnsupportedEventError, calibrateNoiseMultiplier, composed, computeEpsilon, epsilonDelta,
  exponential, gaussian, gnmax, nonPrivate, normalCdf, noOp, poissonSampled, prvComponents, prvEpsilon, prvEpsilonOfComponents,
  rdpEpsilon, selfComposed, withFailure,
} from "@/lib/privacy";

const sgm = (q: number, sigma: number, steps: number) => selfComposed(steps, poissonSampled(q, gaussian(sigma)));

/** ε(δ) by bisection on an exact, decreasing δ(ε). */
function invert(deltaOf: (eps: number) => number, delta: number): number {
  let lo = 0, hi = 100;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (deltaOf(mid) > delta) lo = mid;
    else hi = mid;
  }
  return hi;
}

describe("PRV accountant, oracle: microsoft/prv_accountant (dp-reference-cases.json), eps_error 0.01, δ_err = δ/1000", () => {
  const prvCases = cases.cases.filter((c) => c.kind === "eps_for_sigma") as { q: number; sigma: number; steps: number; delta: number; eps_prv_lower: number; eps_prv_est: number; eps_prv_upper: number }[];
  it.each(prvCases.map((c) => [c.q, c.sigma, c.steps, c.delta, c.eps_prv_lower, c.eps_prv_est, c.eps_prv_upper]))(
    "q=%p σ=%p T=%p δ=%p → (%p, %p, %p): estimate to 2e-6, bounds the library's widened by round-off",
    (q, sigma, steps, delta, lower, estimate, upper) => {
      const r = prvEpsilon(sgm(q, sigma, steps), delta);
      expect(r.accountant).toBe("prv");
      expect(r.epsilon).toBe(r.upper);
      // Our grid matches the library's (same L, mesh, discretisation, mean shift); the FFT is
      // zero-padded to a power of two, which only moves mass the library's bound treats as negligible.
      expect(Math.abs(r.estimate - estimate)).toBeLessThan(2e-6);
      // The bounds also charge the FFT round-off measured in the tail (lib/privacy/prv.ts
      // epsilonReader), which prv_accountant does not: never narrower than the library's (2e-6),
      // at most 1e-5 wider (0.05% of their width 2·eps_error), and the round-off stays below δ_err = δ/1000.
      expect(r.lower).toBeLessThan(lower + 2e-6);
      expect(r.lower).toBeGreaterThan(lower - 1e-5);
      expect(r.upper).toBeGreaterThan(upper - 2e-6);
      expect(r.upper).toBeLessThan(upper + 1e-5);
      expect(r.roundOff).toBeLessThan(delta / 1000);
    },
  );

  it("docs/derivations.md §9: q=0.01, σ=1, T=1000, δ=1e-5 → (1.8181, 1.8282, 1.8384); RDP gives 2.1014", () => {
    const r = prvEpsilon(sgm(0.01, 1, 1000), 1e-5);
    expect(r.lower).toBeCloseTo(1.8181, 4);
    expect(r.estimate).toBeCloseTo(1.8282, 4);
    expect(r.upper).toBeCloseTo(1.8384, 4);
  });

  it("docs/derivations.md §9: AGNEWS q=20/30000, σ=0.51, T=100, δ=1/30000 → estimate 0.964891 (library)", () => {
    const r = prvEpsilon(sgm(20 / 30000, 0.51, 100), 1 / 30000);
    expect(Math.abs(r.estimate - 0.964891)).toBeLessThan(2e-6);
  });
});

describe("PRV bounds contain exact values (closed-form oracles)", () => {
  it("T Gaussian steps: exact analytic Gaussian δ(ε) = Φ(−ε/μ + μ/2) − e^ε Φ(−ε/μ − μ/2) (Balle & Wang 2018, Thm. 8)", () => {
    for (const [sigma, steps, delta] of [[5, 10, 1e-5], [2, 50, 1e-6], [20, 200, 1e-5]] as const) {
      const mu = Math.sqrt(steps) / sigma;
      const exact = invert((e) => normalCdf(-e / mu + mu / 2) - Math.exp(e) * normalCdf(-e / mu - mu / 2), delta);
      const r = prvEpsilon(selfComposed(steps, gaussian(sigma)), delta);
      expect(r.lower).toBeLessThanOrEqual(exact);
      expect(r.upper).toBeGreaterThanOrEqual(exact);
      expect(Math.abs(r.estimate - exact)).toBeLessThan(1e-4);
    }
  });

  it("k pure ε-DP steps: exact composition of randomized response (Kairouz, Oh & Viswanath 2015)", () => {
    const k = 20, eps = 0.3, delta = 1e-4;
    const p = 1 / (1 + Math.exp(-eps));
    const logBinom = (n: number, i: number) => { let s = 0; for (let j = 1; j <= i; j++) s += Math.log((n - i + j) / j); return s; };
    const deltaOf = (e: number) => {
      let d = 0;
      for (let i = 0; i <= k; i++) {
        const loss = (2 * i - k) * eps;
        if (loss > e) d += Math.exp(logBinom(k, i) + i * Math.log(p) + (k - i) * Math.log(1 - p)) * (1 - Math.exp(e - loss));
      }
      return d;
    };
    const exact = invert(deltaOf, delta);
    const r = prvEpsilon(selfComposed(k, exponential(eps)), delta, { epsError: 0.01 });
    expect(r.lower).toBeLessThanOrEqual(exact);
    expect(r.upper).toBeGreaterThanOrEqual(exact);
  });
});

describe("PRV event support", () => {
  it("unsupported events throw UnsupportedEventError naming the accountant, never fall back", () => {
    expect(() => prvEpsilon(selfComposed(10, withFailure(1e-7, exponential(1))), 1e-5)).toThrow(UnsupportedEventError);
    expect(() => prvEpsilon(epsilonDelta(1, 1e-7), 1e-5)).toThrow("prv accountant does not support");
    expect(() => prvEpsilon(poissonSampled(0.1, composed([gaussian(1), gaussian(2)])), 1e-5)).toThrow(UnsupportedEventError);
  });

  it("nonPrivate gives ε = ∞, noOp gives 0", () => {
    expect(prvEpsilon(composed([nonPrivate(), gaussian(1)]), 1e-5).epsilon).toBe(Infinity);
    expect(prvEpsilon(noOp(), 1e-5).epsilon).toBe(0);
  });

  it("GNMax is the Gaussian with σ/√2; un-subsampled Gaussians merge exactly (1/σ² adds)", () => {
    const merged = prvComponents(selfComposed(3, gnmax(2)))!;
    expect(merged).toHaveLength(1);
    expect(merged[0]!.count).toBe(1);
    expect(merged[0]!.kind === "subsampledGaussian" && merged[0]!.noiseMultiplier).toBeCloseTo(2 / Math.sqrt(2 * 3), 14);
    const two = prvComponents(composed([gaussian(3), gaussian(4)]))!;
    expect(two[0]!.kind === "subsampledGaussian" && two[0]!.noiseMultiplier).toBeCloseTo(12 / 5, 14);
  });

  it("property: selfComposed(n, e) and n copies composed flatten to the same composition", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 1e-4, max: 0.9, noNaN: true }), fc.double({ min: 0.3, max: 10, noNaN: true }), (n, q, sigma) => {
      const step = composed([poissonSampled(q, gaussian(sigma)), exponential(0.2)]);
      return JSON.stringify(prvComponents(selfComposed(n, step))) === JSON.stringify(prvComponents(composed(Array.from({ length: n }, () => step))));
    }), { numRuns: 50 });
    const a = prvEpsilon(selfComposed(4, poissonSampled(0.05, gaussian(1))), 1e-5);
    const b = prvEpsilon(composed(Array.from({ length: 4 }, () => poissonSampled(0.05, gaussian(1)))), 1e-5);
    expect(b).toEqual(a);
  });

  it("property: ε non-decreasing in steps and q, non-increasing in σ, within the stated ε error; never NaN", () => {
    fc.assert(fc.property(fc.double({ min: 1e-3, max: 0.5, noNaN: true }), fc.double({ min: 0.5, max: 5, noNaN: true }), fc.integer({ min: 1, max: 300 }), (q, sigma, steps) => {
      const opts = { epsError: 0.05 };
      const e = prvEpsilon(sgm(q, sigma, steps), 1e-5, opts);
      const more = prvEpsilon(sgm(q, sigma, steps * 2), 1e-5, opts);
      const higherQ = prvEpsilon(sgm(Math.min(1, q * 1.5), sigma, steps), 1e-5, opts);
      const noisier = prvEpsilon(sgm(q, sigma * 1.3, steps), 1e-5, opts);
      const ok = [e, more, higherQ, noisier].every((r) => !Number.isNaN(r.lower) && !Number.isNaN(r.estimate) && !Number.isNaN(r.upper) && r.lower <= r.estimate && r.estimate <= r.upper);
      return ok && more.estimate >= e.estimate - 0.05 && higherQ.estimate >= e.estimate - 0.05 && noisier.estimate <= e.estimate + 0.05;
    }), { numRuns: 12 });
  });
});

describe("PRV's δ range: below PRV_MIN_DELTA = 1e-10 it refuses instead of returning an unsafe bound", () => {
  // Source of the limit: FFT round-off (~1e-16 of the pmf's peak) swamps tail masses near δ; measured
  // for q = 5e-8…6e-4, T = 10⁴, PRV's ε stops rising below δ ≈ 1e-12 and at δ = 1e-20 came out 7.6
  // where RDP's valid bound is 17.8 (lib/privacy/prv.ts PRV_MIN_DELTA; docs/derivations.md §1 P7 assumes
  // exact arithmetic). 1e-10 keeps a 100× margin.
  it("throws PrvDeltaOutOfRangeError, a RangeError naming delta and the range, from every PRV entry point", () => {
    expect(PRV_MIN_DELTA).toBe(1e-10);
    const event = sgm(0.01, 1, 1000);
    for (const delta of [1e-12, 1e-20, 9.99e-11]) {
      const calls = [
        () => prvEpsilon(event, delta),
        () => prvEpsilonOfComponents([{ kind: "subsampledGaussian", samplingRate: 0.01, noiseMultiplier: 1, count: 1000 }], delta),
        () => computeEpsilon(event, delta, { accountant: "prv" }),
        () => calibrateNoiseMultiplier({ targetEpsilon: 8, delta, samplingRate: 0.01, steps: 1000, spec: { accountant: "prv" } }),
      ];
      for (const call of calls) {
        let thrown: unknown;
        try {
          call();
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(PrvDeltaOutOfRangeError);
        expect(thrown).toBeInstanceOf(RangeError);
        expect((thrown as PrvDeltaOutOfRangeError).field).toBe("delta");
        expect((thrown as Error).message).toMatch(/^delta must be in \[1e-10, 1\) for the PRV accountant/);
        expect((thrown as Error).message).toContain("RDP accountant");
      }
    }
    // Out of (0, 1) altogether is still the ordinary range error.
    expect(() => prvEpsilon(event, 0)).toThrow("delta must be in (0, 1)");
    // RDP has no such limit: its bound is analytic (Mironov 2017, Prop. 3; Balle et al. 2020).
    expect(Number.isFinite(rdpEpsilon(event, 1e-20).epsilon)).toBe(true);
  });

  it("answers at the limit itself, with an upper bound between PRV's estimate and RDP's bound, and ε growing as δ shrinks", () => {
    // Oracles: RDP is a valid upper bound (2.1014 at δ = 1e-5 vs PRV's 1.8384, docs/derivations.md §9),
    // and ε(δ) is non-increasing in δ for any mechanism (δ(ε) is non-increasing in ε).
    const event = sgm(0.01, 1, 1000);
    const atLimit = prvEpsilon(event, PRV_MIN_DELTA, { epsError: 0.05 });
    const above = prvEpsilon(event, 1e-8, { epsError: 0.05 });
    expect(atLimit.upper).toBeGreaterThanOrEqual(atLimit.estimate);
    expect(atLimit.upper).toBeLessThanOrEqual(rdpEpsilon(event, PRV_MIN_DELTA).epsilon);
    expect(atLimit.estimate).toBeGreaterThan(above.estimate);
  });
});

describe("fftSlack: a grid just past a power of two is fitted below it with a proportionally wider ε error", () => {
  // The default scenario's DP-ICL check: 524,440 points at eps_error 0.05, 152 past 2^19.
  const event = sgm(0.0005999340072592015, 0.3235196356151988, 10000);
  const delta = 0.000014998350181480038;
  it("halves the FFT, widens the error by < 5%, and the wider bounds still contain the exact-size estimate", () => {
    const exact = prvEpsilon(event, delta, { epsError: 0.05 });
    const fitted = prvEpsilon(event, delta, { epsError: 0.05, fftSlack: 0.05 });
    expect(exact.fftSize).toBe(2 ** 20);
    expect(fitted.fftSize).toBe(2 ** 19);
    expect(fitted.gridPoints).toBeLessThanOrEqual(2 ** 19);
    expect(fitted.epsError).toBeGreaterThan(0.05);
    expect(fitted.epsError).toBeLessThan(0.05 * 1.05);
    expect(fitted.upper - fitted.epsError).toBeCloseTo(exact.upper - exact.epsError, 3);
    expect(fitted.lower).toBeLessThanOrEqual(exact.estimate);
    expect(fitted.upper).toBeGreaterThanOrEqual(exact.estimate);
  });
  it("leaves grids far from a power of two, and the default (no slack), untouched", () => {
    const far = sgm(0.004266666666666667, 1.1, 10000);
    expect(prvEpsilon(far, 1e-5, { epsError: 0.01, fftSlack: 0.05 })).toEqual(prvEpsilon(far, 1e-5, { epsError: 0.01 }));
    expect(prvEpsilon(event, delta, { epsError: 0.05 }).epsError).toBe(0.05);
  });
});
