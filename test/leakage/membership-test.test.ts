/** @jest-environment node */
import fc from "fast-check";
import { MEMBERSHIP_TEST_FPRS, membershipTestBound, membershipTprBound } from "../../lib/leakage";

/**
 * Independent oracle: the (ε, δ)-DP trade-off function of Dong, Roth, Su 2022 (Prop. 2.5),
 * f(α) = max(0, 1 − δ − e^ε·α, e^(−ε)·(1 − δ − α)); the best test's TPR at FPR α is 1 − f(α).
 */
const tradeOffOracle = (eps: number, delta: number, fpr: number) =>
  1 - Math.max(0, 1 - delta - Math.exp(eps) * fpr, Math.exp(-eps) * (1 - delta - fpr));

describe("membershipTprBound", () => {
  it("ε = 0, δ = 0 allows no better than guessing: TPR ≤ FPR (oracle: definition of 0-DP)", () => {
    for (const fpr of [0, 0.01, 0.3, 1]) expect(membershipTprBound(0, 0, fpr)).toBeCloseTo(fpr, 14);
  });

  it("ε = 1, δ = 0 at FPR 5% → e·0.05 (oracle: Kairouz et al. 2015 Thm 2.1, first constraint binds)", () => {
    expect(membershipTprBound(1, 0, 0.05)).toBeCloseTo(Math.E * 0.05, 14);
  });

  it("ε = 1, δ = 0 at FPR 50% → 1 − 0.5/e (oracle: second constraint binds)", () => {
    expect(membershipTprBound(1, 0, 0.5)).toBeCloseTo(1 - 0.5 / Math.E, 14);
  });

  it("matches the f-DP trade-off function on a grid (oracle: Dong, Roth, Su 2022 Prop. 2.5)", () => {
    for (const eps of [0.01, 0.1, 0.5, 1, 3, 8, 20])
      for (const delta of [0, 1e-6, 1 / 66674, 0.01])
        for (const fpr of [0, 0.001, 0.01, 0.05, 0.1, 0.5, 0.99])
          expect(membershipTprBound(eps, delta, fpr)).toBeCloseTo(tradeOffOracle(eps, delta, fpr), 12);
  });

  it("ε = 8, δ = 1/66,674 at FPR 1%: the worst-case bound is nearly vacuous, 1 − e^(−8)·(0.99 − δ) ≈ 99.97% (oracle: closed form)", () => {
    const delta = 1 / 66674;
    expect(membershipTprBound(8, delta, 0.01)).toBeCloseTo(1 - Math.exp(-8) * (0.99 - delta), 14);
  });

  it("ε = ∞ gives no guarantee; NaN and out-of-range inputs throw", () => {
    expect(membershipTprBound(Infinity, 0, 0)).toBe(1);
    expect(() => membershipTprBound(Number.NaN, 0, 0.1)).toThrow(RangeError);
    expect(() => membershipTprBound(1, 2, 0.1)).toThrow(/delta must be in \[0, 1\]; got 2/);
    expect(() => membershipTprBound(1, 0, -0.1)).toThrow(/fpr must be/);
  });

  it("property: the bound is in [min(1, FPR + δ), 1] and non-decreasing in ε, δ and FPR (oracle: both DP constraints loosen as ε, δ grow)", () => {
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    const eps = fc.double({ min: 0, max: 100, noNaN: true });
    fc.assert(
      fc.property(eps, eps, unit, unit, unit, (e1, e2, delta, fpr, fpr2) => {
        const [lo, hi] = e1 <= e2 ? [e1, e2] : [e2, e1];
        const b = membershipTprBound(lo, delta, fpr);
        expect(b).toBeLessThanOrEqual(1);
        expect(b).toBeGreaterThanOrEqual(Math.min(1, fpr + delta) - 1e-12);
        expect(membershipTprBound(hi, delta, fpr)).toBeGreaterThanOrEqual(b - 1e-12);
        const [f1, f2] = fpr <= fpr2 ? [fpr, fpr2] : [fpr2, fpr];
        expect(membershipTprBound(lo, delta, f2)).toBeGreaterThanOrEqual(membershipTprBound(lo, delta, f1) - 1e-12);
        expect(membershipTprBound(lo, Math.min(1, delta * 2), fpr)).toBeGreaterThanOrEqual(b - 1e-12);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("membershipTestBound", () => {
  it("reports FPR 1%, 5%, 10% with the oracle's TPR and a sentence with the numbers (oracle: f-DP trade-off)", () => {
    const r = membershipTestBound(1, 1e-5);
    expect(r.points.map((p) => p.fpr)).toEqual([...MEMBERSHIP_TEST_FPRS]);
    r.points.forEach((p) => expect(p.tprMax).toBeCloseTo(tradeOffOracle(1, 1e-5, p.fpr), 12));
    expect(r.statement).toContain("2.72%"); // e·1% + 1e-5
    expect(r.formula).toContain("FPR 1%: TPR ≤ 2.72%");
    expect(r.citation).toMatch(/Kairouz/);
  });

  it("flags a weak worst-case bound at ε = 8 but not at ε = 1", () => {
    expect(membershipTestBound(8, 1e-5).statement).toMatch(/weak/);
    expect(membershipTestBound(1, 1e-5).statement).not.toMatch(/weak/);
  });
});
