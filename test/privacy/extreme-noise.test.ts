/** @jest-environment node */
/**
 * Audit finding 10: the accountants must never under-report ε, whatever σ. Every door returns a
 * finite upper bound, ε = ∞ stated as such, or an error naming the field to change.
 *
 * Oracles (all closed forms, written out here):
 * - Gaussian mechanism, q = 1 (Mironov 2017, Prop. 7): r(α) = α/(2σ²), so T steps at the
 *   improved conversion give ε = min_α T·α/(2σ²) + log(1 − 1/α) − (log δ + log α)/(α − 1).
 *   For σ = 1e-150, T = 1000 the minimum is at the smallest order α = 1.1:
 *   1000 · 1.1/(2·1e-300) = 5.5e302; the conversion terms (|…| < 200) are below one ulp of it.
 * - Subsampled Gaussian, any real α > 1 (Mironov, Talwar & Zhang 2019, §3.3):
 *   A_α = E_{z~N(0,σ²)}[(1 − q + q·e^{(2z−1)/(2σ²)})^α] ≥ q^α·E[e^{α(2z−1)/(2σ²)}] = q^α·e^{α(α−1)/(2σ²)},
 *   so r(α) = log(A_α)/(α − 1) ≥ α/(2σ²) + α·log(q)/(α − 1)  (lower bound);
 *   and r(α) ≤ α/(2σ²)  (upper bound: Poisson subsampling mixes P with Q, and the Rényi
 *   divergence is jointly quasi-convex, van Erven & Harremoës 2014, Thm. 13).
 */
import fc from "fast-check";
import {
  DEFAULT_ORDERS, PrvGridTooLargeError, PrvRoundOffError, computeEpsilon, gaussian, logAddExp, nonPrivate, poissonSampled, prvEpsilon, rdpCurve,
  rdpEpsilon, rdpSubsampledGaussian, selfComposed,
} from "@/lib/privacy";
import { epsilonFromScaledRdp } from "@/lib/privacy/rdp";

const sgm = (q: number, sigma: number, steps: number) => selfComposed(steps, poissonSampled(q, gaussian(sigma)));

/** The field a refusal names, or null when the accountant answered. */
function refusalField(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof PrvGridTooLargeError) return error.field;
    throw error;
  }
}

describe("RDP never under-reports ε for tiny σ (closed form α/(2σ²))", () => {
  it("σ = 1e-150, T = 1000, δ = 1e-5: ε = 1000·1.1/(2·1e-300) = 5.5e302 at q = 1 and at q = 0.01", () => {
    for (const q of [1, 0.01]) {
      const r = rdpEpsilon(sgm(q, 1e-150, 1000), 1e-5);
      expect(Math.abs(r.epsilon - 5.5e302) / 5.5e302).toBeLessThan(1e-12);
      expect(r.order).toBe(1.1);
    }
  });

  it("σ = 1e-154, q = 0.01 (the audit's case: old answer 0.93): 1000·1.1/(2·1e-308) = 5.5e310 overflows, so ε = ∞", () => {
    const r = rdpEpsilon(sgm(0.01, 1e-154, 1000), 1e-5);
    expect(r.epsilon).toBe(Infinity);
    expect(r.order).toBeNull();
    // A single step too: 1.1/(2·1e-308) = 5.5e307 is finite, and the bound is the smallest order's.
    const one = rdpEpsilon(poissonSampled(0.01, gaussian(1e-154)), 1e-5);
    expect(one.epsilon).toBeGreaterThanOrEqual(1.1 / (2 * 1e-308) + (1.1 * Math.log(0.01)) / 0.1);
  });

  it("the one-step RDP at every default order sits between the closed-form bounds, σ from 1e-300 to 1e300", () => {
    // The old fractional series returned 0 (σ = 1e-154, α = 9.9) or NaN (σ ≤ 1e-155) here.
    fc.assert(fc.property(
      fc.oneof(fc.double({ min: -300, max: 300, noNaN: true }), fc.double({ min: -162, max: -150, noNaN: true }), fc.double({ min: 150, max: 160, noNaN: true })),
      fc.double({ min: -12, max: 0, noNaN: true }), fc.constantFrom(...DEFAULT_ORDERS),
      (logSigma, logQ, order) => {
        const sigma = 10 ** logSigma;
        const q = 10 ** logQ;
        const r = rdpSubsampledGaussian(q, sigma, order);
        const upper = order / (2 * sigma * sigma);
        const lower = upper + (order * Math.log(q)) / (order - 1);
        expect(Number.isNaN(r)).toBe(false);
        expect(r).toBeGreaterThanOrEqual(0);
        // Relative slack 1e-9 for round-off (the series stops at terms below e^-30 ≈ 1e-13).
        expect(r).toBeLessThanOrEqual(upper * (1 + 1e-9));
        if (lower > 0) expect(r).toBeGreaterThanOrEqual(lower * (1 - 1e-9));
      },
    ), { numRuns: 2000 });
  });

  it("no curve holds NaN: a Poisson-subsampled non-private step is ∞ at every order (old: NaN at integer orders ≥ 3)", () => {
    // Closed form: log(e^∞ + e^∞) = ∞; and subsampling at q > 0 keeps a step without a guarantee without one.
    expect(logAddExp(Infinity, Infinity)).toBe(Infinity);
    expect(logAddExp(Infinity, 3)).toBe(Infinity);
    const { rdp } = rdpCurve(poissonSampled(0.5, nonPrivate()));
    expect(rdp.every((r) => r === Infinity)).toBe(true);
  });

  it("a NaN order is never skipped: the conversion then says ε = ∞", () => {
    const r = epsilonFromScaledRdp([2, 3], [NaN, 0.1], 1, 1e-5, "improved");
    expect(r.epsilon).toBe(Infinity);
    expect(r.order).toBeNull();
  });
});

describe("PRV never under-reports ε and names the field it cannot handle", () => {
  it("σ = 1e-154, q = 0.01 (old answer: upper bound 2.78, sized from the broken RDP) is refused, naming noiseMultiplier", () => {
    expect(refusalField(() => prvEpsilon(sgm(0.01, 1e-154, 1000), 1e-5))).toBe("noiseMultiplier");
  });

  it("σ = 1e-154, q = 1 (old error: \"noiseMultiplier must be > 0; got 0\") is refused, naming noiseMultiplier", () => {
    let error: unknown = null;
    try {
      prvEpsilon(sgm(1, 1e-154, 1000), 1e-5);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PrvGridTooLargeError);
    expect((error as PrvGridTooLargeError).field).toBe("noiseMultiplier");
    expect((error as Error).message).not.toContain("got 0");
  });

  it("σ = 1e-150 (RDP ε = 5.5e302, a grid of ~1e307 points) is refused naming noiseMultiplier, not steps", () => {
    expect(refusalField(() => prvEpsilon(sgm(0.01, 1e-150, 1000), 1e-5))).toBe("noiseMultiplier");
  });

  it("too many steps for the mesh (σ = 1, q = 1e-3, T = 1e6, δ = 1e-5, eps_error 1e-4) is refused naming steps", () => {
    // Mesh = eps_error/√(T/2·log(12/δ_err)) ≈ 1e-4/3233; even the narrowest domain ±3 needs ~2e8 points.
    expect(refusalField(() => prvEpsilon(sgm(1e-3, 1, 1e6), 1e-5, { epsError: 1e-4 }))).toBe("steps");
  });

  it("σ = 1e300 (old answer: NaN, printed as null = unbounded) gives a finite upper bound within eps_error of 0", () => {
    // Oracle: a Gaussian with μ = 1/σ = 1e-300 has δ(0) = Φ(μ/2) − Φ(−μ/2) ≈ μ/√(2π) < 1e-5, so the true ε is 0;
    // PRV's upper bound is its discretised reading (0 here) plus eps_error (Gopi et al. 2021, Thm. 5.5).
    for (const q of [0.01, 1]) {
      const r = prvEpsilon(sgm(q, 1e300, 1000), 1e-5);
      expect(r.lower).toBe(0);
      expect(r.upper).toBeGreaterThanOrEqual(0);
      expect(r.upper).toBeLessThanOrEqual(r.epsError + 1e-12);
      expect(Number.isNaN(r.estimate)).toBe(false);
    }
  });
});

describe("PRV at δ near its floor: FFT round-off is charged or refused, never read as privacy loss", () => {
  it("q = 1e-10, σ = 2, T = 1e6, δ = 1e-10: no lower bound above RDP's valid upper bound (old: lower 1.23 vs RDP 0.092)", () => {
    // Oracle: RDP's ε is an upper bound on the true ε (Mironov 2017, Prop. 3; Balle et al. 2020, Thm. 21),
    // so a PRV "lower bound" above it is false. The composed pmf of this near-point-mass PRV carries
    // ~1e-8 of FFT round-off on a 2.9e6-point grid, far more than δ.
    // Here the round-off is as large as δ itself, so PRV refuses, naming delta.
    const event = sgm(1e-10, 2, 1e6);
    let error: unknown = null;
    try {
      prvEpsilon(event, 1e-10);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PrvRoundOffError);
    expect(error).toBeInstanceOf(RangeError);
    expect((error as PrvRoundOffError).field).toBe("delta");
    expect((error as PrvRoundOffError).roundOff).toBeGreaterThan(1e-10 / 2);
    // At δ = 1e-5 the same composition answers, within RDP's bound (0.029 by the same oracle).
    const answer = prvEpsilon(event, 1e-5);
    expect(answer.lower).toBeLessThanOrEqual(rdpEpsilon(event, 1e-5).epsilon);
    expect(answer.roundOff).toBeLessThan(1e-5 / 2);
  });

  it("q = 1e-3, σ = 1.2, T = 1e6, eps_error 0.1, δ = 1e-10: a lower bound above RDP's valid bound is refused (old: lower 7.85 vs RDP 6.88)", () => {
    // Oracle: lower ≤ true ε ≤ RDP's ε (Balle et al. 2020, Thm. 21). Here T-fold composition
    // multiplies the one-step spectrum's round-off by 1e6; no negative entry shows it, the RDP check does.
    const event = sgm(1e-3, 1.2, 1e6);
    let error: unknown = null;
    try {
      prvEpsilon(event, 1e-10, { epsError: 0.1 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PrvRoundOffError);
    expect((error as PrvRoundOffError).field).toBe("delta");
    expect((error as PrvRoundOffError).reason).toContain("above RDP's valid upper bound");
  });

  it("an ordinary composition still answers at δ = 1e-10, its round-off (~1e-12) charged to δ", () => {
    // q = 0.01, σ = 1, T = 1000: PRV ≈ 3.3, RDP 3.725 at δ = 1e-10 (lib/privacy/prv.ts PRV_MIN_DELTA's test case).
    const r = prvEpsilon(sgm(0.01, 1, 1000), 1e-10);
    expect(r.roundOff).toBeGreaterThanOrEqual(0);
    expect(r.roundOff).toBeLessThan(1e-11);
    expect(r.upper).toBeLessThanOrEqual(rdpEpsilon(sgm(0.01, 1, 1000), 1e-10).epsilon);
  });
});

describe("every door, σ from 1e-300 to 1e300 (property)", () => {
  /** ε by the accountant, ∞ as such, or the refusal's field. */
  function door(accountant: "rdp" | "prv", sigma: number, q: number, steps: number, delta: number): { epsilon: number; lower: number } | { field: string } {
    const spec = accountant === "rdp" ? { accountant } as const : { accountant, maxGridPoints: 2 ** 16 } as const;
    try {
      const r = computeEpsilon(sgm(q, sigma, steps), delta, spec);
      return { epsilon: r.epsilon, lower: r.bounds?.lower ?? r.epsilon };
    } catch (error) {
      if (error instanceof PrvGridTooLargeError || error instanceof PrvRoundOffError) return { field: error.field };
      throw error;
    }
  }

  // log10 σ: the whole range; the everyday range; and the bands where σ² leaves double precision
  // (1/(2σ²) overflows below σ ≈ 1e-154, σ² overflows above σ ≈ 1.3e154), where the old series broke down.
  // fc.double leans to the ends and to 0; thousandths of a decade spread the band draws evenly.
  const logSigma = fc.oneof(
    fc.double({ min: -300, max: 300, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }),
    fc.integer({ min: -162_000, max: -150_000 }).map((k) => k / 1000), fc.integer({ min: 150_000, max: 160_000 }).map((k) => k / 1000),
  );
  const rate = fc.oneof(fc.double({ min: -8, max: 0, noNaN: true }).map((u) => 10 ** u), fc.constant(1));

  it.each(["rdp", "prv"] as const)("%s: ε is finite and ≥ 0, or ∞, or a refusal naming noiseMultiplier/steps/delta; smaller σ never gives smaller ε", (accountant) => {
    fc.assert(fc.property(
      logSigma, logSigma, rate, fc.integer({ min: 1, max: 1e6 }), fc.double({ min: -10, max: -1, noNaN: true }),
      (u1, u2, q, steps, logDelta) => {
        const [small, large] = u1 <= u2 ? [10 ** u1, 10 ** u2] : [10 ** u2, 10 ** u1];
        const delta = 10 ** logDelta;
        const atSmall = door(accountant, small, q, steps, delta);
        const atLarge = door(accountant, large, q, steps, delta);
        for (const r of [atSmall, atLarge]) {
          if ("field" in r) expect(["noiseMultiplier", "steps", "delta"]).toContain(r.field);
          else {
            expect(Number.isNaN(r.epsilon)).toBe(false);
            expect(r.epsilon).toBeGreaterThanOrEqual(0);
          }
        }
        // Monotone in σ (P8). RDP: the bound itself, with relative slack 1e-9 for round-off.
        // PRV: the two compositions sit on different grids, so what is guaranteed is
        // upper(σ_small) ≥ true ε(σ_small) ≥ true ε(σ_large) ≥ lower(σ_large) (Gopi et al. 2021, Thm. 5.5).
        if ("epsilon" in atSmall && "epsilon" in atLarge) {
          const floor = accountant === "rdp" ? atLarge.epsilon * (1 - 1e-9) : atLarge.lower;
          expect(atSmall.epsilon).toBeGreaterThanOrEqual(floor);
        }
      },
    ), {
      numRuns: accountant === "rdp" ? 300 : 60,
      // Always tried: the audit's cases (log10 σ, log10 σ', q, T, log10 δ). RDP: σ = 1e-154 gave 0.93 < ε(σ = 1) = 2.10;
      // PRV: σ = 1e-154 gave 2.78 < ε(σ = 1) = 1.84 + …, and σ = 1e300 gave NaN.
      examples: [[-154, 0, 0.01, 1000, -5], [0, 300, 0.01, 1000, -5], [-154, -150, 1, 1000, -5]],
    });
  });
});
