/** @jest-environment node */
import fc from "fast-check";
import cases from "../fixtures/golden/dp-reference-cases.json";
import {
  AUTODP_ORDERS, DEFAULT_ORDERS, OPACUS_ORDERS, UnsupportedEventError, composed, epsilonDelta, epsilonFromRdp,
  exponential, gaussian, gnmax, noOp, nonPrivate, poissonSampled, rdpCurve, rdpEpsilon, rdpExponential,
  rdpGaussian, rdpSubsampledGaussian, selfComposed, withFailure, clearRdpCache,
} from "@/lib/privacy";
// The methods' DP recipes live in their files since issue #16 (lib/privacy is method-agnostic).
import { dpOptEpsilon, ksaPtrQueryEvent } from "@/lib/methods";
import { descendUnimodal, epsilonFromScaledRdp, memoisedRdpSubsampledGaussian } from "@/lib/privacy/rdp";

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
const sgm = (q: number, sigma: number, steps: number) => selfComposed(steps, poissonSampled(q, gaussian(sigma)));

describe("P2 subsampled Gaussian RDP, oracle: docs/derivations.md §9 (= Opacus _compute_rdp)", () => {
  // §9 gives 8 significant digits, so the tolerance is the rounding of the printed value.
  it.each([
    [0.01, 1, 2, 1.7181342e-4],
    [0.01, 1, 8.5, 1.0893888e-3],
    [0.01, 1, 32, 11.2462759],
    [0.017377138, 0.8, 3.4, 2.3878289e-3],
  ])("r(q=%p, σ=%p, α=%p) = %p", (q, sigma, order, expected) => {
    expect(rel(rdpSubsampledGaussian(q, sigma, order), expected)).toBeLessThan(5e-8);
  });

  it("q = 1 is the plain Gaussian α/(2σ²) exactly; q = 0 costs nothing (closed forms)", () => {
    expect(rdpSubsampledGaussian(1, 0.7, 3.3)).toBe(rdpGaussian(0.7, 3.3));
    expect(rdpGaussian(2, 8)).toBe(1);
    expect(rdpSubsampledGaussian(0, 0.7, 3.3)).toBe(0);
  });

  it("fractional and integer orders join continuously (series vs sum at α = 5 ± 1e-9)", () => {
    const at = rdpSubsampledGaussian(0.05, 1.3, 5);
    expect(rel(rdpSubsampledGaussian(0.05, 1.3, 5 + 1e-9), at)).toBeLessThan(1e-7);
    expect(rel(rdpSubsampledGaussian(0.05, 1.3, 5 - 1e-9), at)).toBeLessThan(1e-7);
  });
});

describe("RDP → (ε, δ), oracle: Opacus RDP accountant, dp-reference-cases.json", () => {
  const epsCases = cases.cases.filter((c) => c.kind === "eps_for_sigma") as { q: number; sigma: number; steps: number; delta: number; eps_opacus_rdp: number }[];
  it.each(epsCases.map((c) => [c.q, c.sigma, c.steps, c.delta, c.eps_opacus_rdp]))("q=%p σ=%p T=%p δ=%p → ε = %p (Opacus orders, 1e-9 relative)", (q, sigma, steps, delta, expected) => {
    const r = rdpEpsilon(sgm(q, sigma, steps), delta, { orders: "opacus" });
    expect(r.accountant).toBe("rdp");
    expect(rel(r.epsilon, expected)).toBeLessThan(1e-9);
  });

  it("docs/derivations.md §9: RDP-improved for q=0.01, σ=1, T=1000, δ=1e-5 is 2.1014", () => {
    expect(rdpEpsilon(sgm(0.01, 1, 1000), 1e-5).epsilon).toBeCloseTo(2.1014, 4);
  });

  it("docs/derivations.md §2: SST-2 DP-ICL σ = 0.5 — RDP-improved 3.682, autodp-classic (P4) 4.866401", () => {
    const event = sgm(40 / 67349, 0.5, 872);
    expect(rdpEpsilon(event, 1e-5).epsilon).toBeCloseTo(3.682, 3);
    const classic = rdpEpsilon(event, 1e-5, { conversion: "autodp-classic" });
    expect(classic.accountant).toBe("rdp-autodp-classic");
    expect(Math.abs(classic.epsilon - 4.866401)).toBeLessThan(2e-6); // autodp's bounded Brent search stops within ~1e-6
  });

  it("classic conversion is the textbook formula R(α) + log(1/δ)/(α−1) (closed form)", () => {
    expect(epsilonFromRdp([2, 3], [0.5, 10], 1e-5, "classic").epsilon).toBeCloseTo(0.5 + Math.log(1e5), 12);
    expect(epsilonFromRdp([2], [0.01], 0.5, "improved").epsilon).toBe(0); // floored
  });

  it("order grids are the documented ones", () => {
    expect(DEFAULT_ORDERS).toHaveLength(99 + 246);
    expect(DEFAULT_ORDERS[0]).toBe(1.1);
    expect(DEFAULT_ORDERS.at(-1)).toBe(256);
    expect(DEFAULT_ORDERS).toContain(2);
    expect(OPACUS_ORDERS.at(-1)).toBe(63);
    expect(OPACUS_ORDERS).not.toContain(11);
    expect(AUTODP_ORDERS).toHaveLength(198);
  });
});

describe("P5 exponential mechanism RDP, oracle: docs/derivations.md §9 (autodp RDP_EM)", () => {
  it("r_EM(α=10, ε=1) = 0.96519315 and r_EM(α=3, ε=0.45) = 0.25347881", () => {
    expect(rel(rdpExponential(1, 10), 0.96519315)).toBeLessThan(1e-8);
    expect(rel(rdpExponential(0.45, 3), 0.25347881)).toBeLessThan(2e-8);
  });
  it("overflow-safe at huge α·ε and equal to the sinh form where that is finite", () => {
    const e = 0.7, a = 6;
    const sinhForm = Math.log((Math.sinh(a * e) - Math.sinh((a - 1) * e)) / Math.sinh(e)) / (a - 1);
    expect(rel(rdpExponential(e, a), Math.min(sinhForm, (a * e * e) / 2))).toBeLessThan(1e-13);
    expect(Number.isFinite(rdpExponential(50, 250))).toBe(true);
    expect(rdpExponential(2, Infinity)).toBe(2);
  });
});

describe("P6 general amplification, oracle: docs/derivations.md §9 (autodp)", () => {
  const q = 400 / 14732;
  it("EM+PTR (ε_EM=1, σ=1.15046, δ0=0.99·5e-5/q) at q' → r'(2), r'(10), r'(50)", () => {
    const c = rdpCurve(ksaPtrQueryEvent(1, 1.15046, (0.99 * 5e-5) / q, q), [2, 10, 50]);
    expect(rel(c.rdp[0]!, 2.5245424e-3)).toBeLessThan(5e-8);
    expect(rel(c.rdp[1]!, 1.6924448)).toBeLessThan(5e-8);
    expect(rel(c.rdp[2]!, 16.991729)).toBeLessThan(5e-8);
    expect(c.failureDelta).toBeCloseTo(0.99 * 5e-5, 15);
  });

  it("§3 KSA presets as coded (δ0 charged once) → 7.99978 / 2.99959 / 0.99970; joint-EM 1.65 → 2.99845, 2.67 → 7.99574", () => {
    const d = 5e-5;
    for (const [em, sigma, factor, expected] of [[1, 1.15046, 0.99, 7.99978], [0.9, 1.869, 0.99, 2.99959], [0.45, 2.62, 0.8, 0.9997]] as const) {
      const d0 = (factor * d) / q;
      const curve = rdpCurve(selfComposed(100, ksaPtrQueryEvent(em, sigma, d0, q)), AUTODP_ORDERS);
      expect(epsilonFromRdp(AUTODP_ORDERS, curve.rdp, d - q * d0).epsilon).toBeCloseTo(expected, 5);
    }
    for (const [em, expected] of [[1.65, 2.99845], [2.67, 7.99574]] as const) {
      expect(rdpEpsilon(selfComposed(100, poissonSampled(q, exponential(em))), d, { orders: "autodp" }).epsilon).toBeCloseTo(expected, 5);
    }
  });

  it("DP-OPT (ε_tok=1.8, δ0=δ1=5e-7, q=1025/66676, 100 tokens) → ε = 2.532312, δ = 1.26864e-6 (§9, §7)", () => {
    const r = dpOptEpsilon({ tokenEpsilon: 1.8, failureProbability: 5e-7, conversionDelta: 5e-7, samplingRate: 1025 / 66676, tokens: 100 });
    expect(r.epsilon).toBeCloseTo(2.532312, 6);
    expect(rel(r.delta, 1.26864e-6)).toBeLessThan(1e-5);
    expect(dpOptEpsilon({ tokenEpsilon: 1.8, failureProbability: 5e-7, conversionDelta: 5e-7, samplingRate: 1025 / 66676, tokens: 2000 }).epsilon).toBeCloseTo(9.771, 3);
  });

  it("P6 is never tighter than the exact subsampled-Gaussian RDP it generalises", () => {
    // withFailure(0, ·) forces the general bound on a Gaussian.
    const general = rdpCurve(poissonSampled(0.02, withFailure(0, gaussian(1))), [2, 5, 20]).rdp;
    const exact = [2, 5, 20].map((a) => rdpSubsampledGaussian(0.02, 1, a));
    general.forEach((g, i) => expect(g).toBeGreaterThanOrEqual(exact[i]! * (1 - 1e-12)));
  });
});

describe("GNMax data-independent, oracle: docs/derivations.md §9 / §4 (PATE utilities)", () => {
  it("Q=200, σ_G=20, δ=1e-6 → 5.22243 at α = 6 on PATE's orders", () => {
    const r = rdpEpsilon(selfComposed(200, gnmax(20)), 1e-6, { orders: "pate" });
    expect(r.epsilon).toBeCloseTo(5.22243, 5);
    expect(r.order).toBe(6);
  });
  it("σ_G = 40, Q = 300, δ = 1e-5 → 2.714", () => {
    expect(rdpEpsilon(selfComposed(300, gnmax(40)), 1e-5, { orders: "pate" }).epsilon).toBeCloseTo(2.714, 3);
  });
});

describe("the fold", () => {
  it("noOp costs 0, nonPrivate costs ∞, never NaN", () => {
    expect(rdpEpsilon(noOp(), 1e-5).epsilon).toBe(0);
    expect(rdpEpsilon(composed([nonPrivate(), gaussian(1)]), 1e-5).epsilon).toBe(Infinity);
    expect(rdpEpsilon(selfComposed(0, nonPrivate()), 1e-5).epsilon).toBe(0);
  });

  it("an (ε, δ>0) step is unsupported by RDP, loudly", () => {
    expect(() => rdpEpsilon(epsilonDelta(1, 1e-6), 1e-5)).toThrow(UnsupportedEventError);
    expect(rdpEpsilon(epsilonDelta(1, 0), 1e-5).epsilon).toBeGreaterThan(0);
  });

  it("failure probabilities above the target δ give ε = ∞", () => {
    expect(rdpEpsilon(selfComposed(10, withFailure(1e-5, exponential(1))), 1e-5).epsilon).toBe(Infinity);
  });

  it("property: selfComposed(n, e) equals n copies composed (RDP curves agree to 1e-12)", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 12 }), fc.double({ min: 1e-4, max: 1, noNaN: true }), fc.double({ min: 0.3, max: 20, noNaN: true }), (n, q, sigma) => {
      const step = composed([poissonSampled(q, gaussian(sigma)), exponential(0.1)]);
      const a = rdpCurve(selfComposed(n, step), OPACUS_ORDERS).rdp;
      const b = rdpCurve(composed(Array.from({ length: n }, () => step)), OPACUS_ORDERS).rdp;
      return a.every((x, i) => Math.abs(x - b[i]!) <= 1e-12 * Math.max(1, Math.abs(x)));
    }), { numRuns: 40 });
  });

  it("property: ε is non-decreasing in steps and q, non-increasing in σ, and never NaN", () => {
    fc.assert(fc.property(
      fc.double({ min: 1e-5, max: 1, noNaN: true }), fc.double({ min: 0.2, max: 50, noNaN: true }), fc.integer({ min: 1, max: 1e6 }),
      fc.double({ min: 1e-10, max: 0.5, noNaN: true }),
      (q, sigma, steps, delta) => {
        const e = rdpEpsilon(sgm(q, sigma, steps), delta).epsilon;
        const moreSteps = rdpEpsilon(sgm(q, sigma, steps + 1 + Math.floor(steps / 3)), delta).epsilon;
        const moreQ = rdpEpsilon(sgm(Math.min(1, q * 1.5), sigma, steps), delta).epsilon;
        const moreNoise = rdpEpsilon(sgm(q, sigma * 1.3, steps), delta).epsilon;
        const slack = 1e-9 * Math.max(1, e);
        return !Number.isNaN(e) && e >= 0 && moreSteps >= e - slack && moreQ >= e - slack && moreNoise <= e + slack;
      },
    ), { numRuns: 60 });
  });
});

describe("autodp-classic for subsampled Gaussians (golden-section over integer orders)", () => {
  // Oracle: autodp get_eps's integer stage as P4 states it, on materialised curves: the classic
  // conversion over orders 2…M, M = 256 doubling while the optimum sits at M, up to 8192.
  const doublingGrid = (event: ReturnType<typeof selfComposed>, delta: number) => {
    for (let m = 256; ; m *= 2) {
      const orders = Array.from({ length: m - 1 }, (_, i) => i + 2);
      const r = epsilonFromRdp(orders, rdpCurve(event, orders).rdp, delta, "classic");
      if (r.order === null || r.order < m || m >= 8192) return r;
    }
  };
  it("equals the doubling grid's minimum and order (optima from α = 2 to the top of the grid)", () => {
    fc.assert(fc.property(
      fc.double({ min: 1e-6, max: 0.5, noNaN: true }), fc.double({ min: 0.3, max: 300, noNaN: true }), fc.integer({ min: 1, max: 1e6 }), fc.double({ min: 1e-20, max: 1e-2, noNaN: true }), fc.boolean(),
      (q, sigma, steps, delta, votes) => {
        const event = selfComposed(steps, poissonSampled(q, votes ? gnmax(sigma) : gaussian(sigma)));
        const fast = rdpEpsilon(event, delta, { conversion: "autodp-classic" });
        const oracle = doublingGrid(event, delta);
        return fast.order === oracle.order && Math.abs(fast.epsilon - oracle.epsilon) <= 1e-12 * oracle.epsilon;
      },
    ), { numRuns: 8 });
  });
});

describe("searches from a warm start (descendUnimodal, autodp-classic's order hint, the one-step memo)", () => {
  // Oracle: a linear scan for the first index of the minimum (the definition of argmin).
  const argmin = (values: readonly number[]) => values.reduce((best, v, i) => (v < values[best]! ? i : best), 0);

  it("descendUnimodal finds the minimum of any strictly unimodal sequence from any start", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 399 }), fc.integer({ min: 0, max: 399 }), fc.double({ min: 0.1, max: 3, noNaN: true }), (length, rawMinimum, rawStart, power) => {
      const minimum = rawMinimum % length;
      // Distinct values falling to the minimum and rising after it (even ranks on the left, odd on
      // the right), under a monotone power so both steep and flat shapes occur.
      const values = Array.from({ length }, (_, i) => (i < minimum ? 2 * (minimum - i) : i > minimum ? 2 * (i - minimum) - 1 : 0) ** power);
      let evaluations = 0;
      const found = descendUnimodal((i) => { evaluations++; return values[i]!; }, length - 1, rawStart % length);
      return found === argmin(values) && evaluations <= 3 + 4 * Math.ceil(Math.log2(length + 1));
    }), { numRuns: 300 });
  });

  it("descendUnimodal gives up (−1) on a tie rather than guess, and never returns a non-minimum", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 60 }), fc.nat(), (values, rawStart) => {
      // Any sequence at all: a tie or a non-unimodal shape must never produce a wrong "minimum"
      // with both neighbours higher unless it is a strict local minimum.
      const found = descendUnimodal((i) => values[i]!, values.length - 1, rawStart % values.length);
      if (found === -1) return true;
      const v = values[found]!;
      const left = found > 0 ? values[found - 1]! : Infinity;
      const right = found < values.length - 1 ? values[found + 1]! : Infinity;
      return v < left && v < right;
    }), { numRuns: 300 });
    expect(descendUnimodal(() => 0, 10, 5)).toBe(-1); // a plateau (ε floored at 0)
    expect(descendUnimodal(() => Infinity, 10, 5)).toBe(-1);
  });

  it("autodp-classic returns the same ε and order whatever hint it starts from, and leaves its optimum in the hint", () => {
    fc.assert(fc.property(
      fc.double({ min: 1e-6, max: 0.5, noNaN: true }), fc.double({ min: 0.3, max: 300, noNaN: true }), fc.integer({ min: 1, max: 1e6 }), fc.double({ min: 1e-20, max: 1e-2, noNaN: true }), fc.integer({ min: 2, max: 8192 }),
      (q, sigma, steps, delta, start) => {
        const event = sgm(q, sigma, steps);
        const cold = rdpEpsilon(event, delta, { conversion: "autodp-classic" });
        const hint = { order: start };
        const warm = rdpEpsilon(event, delta, { conversion: "autodp-classic" }, hint);
        return warm.epsilon === cold.epsilon && warm.order === cold.order && (cold.order === null || hint.order === cold.order || hint.order === start);
      },
    ), { numRuns: 60 });
  });

  it("the one-step memo returns exactly rdpSubsampledGaussian, and clearing the caches changes no result", () => {
    const at = memoisedRdpSubsampledGaussian(0.004, 0.8);
    for (const order of [1.5, 2, 3.3, 17, 256]) {
      expect(at(order)).toBe(rdpSubsampledGaussian(0.004, 0.8, order));
      expect(at(order)).toBe(rdpSubsampledGaussian(0.004, 0.8, order)); // the memoised read
    }
    const event = sgm(0.004, 0.8, 1000);
    const before = [rdpEpsilon(event, 1e-5), rdpEpsilon(event, 1e-5, { conversion: "autodp-classic" })];
    clearRdpCache();
    expect([rdpEpsilon(event, 1e-5), rdpEpsilon(event, 1e-5, { conversion: "autodp-classic" })]).toEqual(before);
  });
});

describe("conversion without materialising T·r(α), and cached conversion terms and leaf curves", () => {
  it("epsilonFromScaledRdp(r, T) equals epsilonFromRdp(T·r) bit for bit, on frozen (cached) and unfrozen grids", () => {
    // Oracle: P3 on the materialised curve T·r(α) (0·r = 0), as maxCompositions computed it before.
    fc.assert(fc.property(fc.double({ min: 1e-5, max: 1, noNaN: true }), fc.double({ min: 0.3, max: 50, noNaN: true }), fc.integer({ min: 1, max: 1e7 }), fc.double({ min: 1e-12, max: 0.5, noNaN: true }), fc.constantFrom("improved", "classic") as fc.Arbitrary<"improved" | "classic">, (q, sigma, count, delta, conversion) => {
      const one = rdpCurve(poissonSampled(q, gaussian(sigma)), DEFAULT_ORDERS).rdp;
      const materialised = epsilonFromRdp([...DEFAULT_ORDERS], one.map((r) => (r === 0 ? 0 : count * r)), delta, conversion);
      const frozen = epsilonFromScaledRdp(DEFAULT_ORDERS, one, count, delta, conversion);
      const again = epsilonFromScaledRdp(DEFAULT_ORDERS, one, count, delta, conversion); // cached terms
      return frozen.epsilon === materialised.epsilon && frozen.order === materialised.order && again.epsilon === frozen.epsilon;
    }), { numRuns: 40 });
  });

  it("a cached exponential-mechanism curve is the closed form (P5), and a composed curve built on it is unchanged", () => {
    const first = rdpCurve(composed([gaussian(2), exponential(0.7)]), DEFAULT_ORDERS).rdp;
    const second = rdpCurve(composed([gaussian(2), exponential(0.7)]), DEFAULT_ORDERS).rdp;
    expect(second).toEqual(first);
    DEFAULT_ORDERS.forEach((a, i) => expect(first[i]).toBe(rdpGaussian(2, a) + rdpExponential(0.7, a)));
    clearRdpCache();
    expect(rdpCurve(composed([gaussian(2), exponential(0.7)]), DEFAULT_ORDERS).rdp).toEqual(first);
  });
});
