/** @jest-environment node */
import fc from "fast-check";
import { expectedDistinctRecords } from "../../lib/leakage";

describe("expectedDistinctRecords", () => {
  it("SST2 DP-ICL, 10 × 4 shots, 872 queries with N = 67,349 → 40.4% (oracle: docs/derivations.md §2 Leakage)", () => {
    expect(expectedDistinctRecords(67349, 40, 872).fraction).toBeCloseTo(0.404, 3);
  });

  it("the same with the study's N = 66,674 (docs/derivations.md §S3, Table 7) → 40.7%, equal to the closed form N·(1 − (1 − 40/N)^872)", () => {
    const x = expectedDistinctRecords(66674, 40, 872);
    // Oracle: the direct power form, accurate to ~1e-13 at this p and Q.
    const direct = 1 - Math.pow(1 - 40 / 66674, 872);
    expect(x.fraction).toBeCloseTo(0.407, 3);
    expect(Math.abs(x.fraction - direct)).toBeLessThan(1e-12);
    expect(x.expectedRecords).toBeCloseTo(66674 * direct, 6);
  });

  it("TREC, 10 × 4 shots, 500 queries → 97.5% (oracle: docs/derivations.md §2)", () => {
    expect(expectedDistinctRecords(5452, 40, 500).fraction).toBeCloseTo(0.975, 3);
  });

  it("SAMSum, 100 teachers × 4 shots over 100 queries → 93.6% (oracle: docs/derivations.md §3 Leakage)", () => {
    expect(expectedDistinctRecords(14732, 400, 100).fraction).toBeCloseTo(0.936, 3);
  });

  it("SAMSum, 100 × 1 shot over 10,000 queries → ≈ 100% (oracle: docs/derivations.md §3 and §11)", () => {
    expect(expectedDistinctRecords(14732, 100, 10000).fraction).toBeGreaterThan(0.9999);
  });

  it("keeps full relative precision for tiny p and huge Q (oracle: series pk − (pk)²/2 + (pk)³/6)", () => {
    // p = 1e-12 per draw, 1e6 draws: the direct power form loses ~4 digits here.
    const pk = 1e-6;
    const series = pk - pk ** 2 / 2 + pk ** 3 / 6;
    const x = expectedDistinctRecords(1e12, 1, 1e6);
    expect(Math.abs(x.fraction - series) / series).toBeLessThan(1e-12);
  });

  it("clips the inclusion probability at 1 and handles zero draws (oracle: definition)", () => {
    expect(expectedDistinctRecords(100, 400, 3)).toEqual({ expectedRecords: 100, fraction: 1, inclusionProbability: 1 });
    expect(expectedDistinctRecords(100, 4, 0).expectedRecords).toBe(0);
    expect(expectedDistinctRecords(100, 0, 1e12).expectedRecords).toBe(0);
    expect(expectedDistinctRecords(100, 4, Infinity).fraction).toBe(1);
  });

  it("rejects impossible input with a RangeError that names the input", () => {
    expect(() => expectedDistinctRecords(0, 1, 1)).toThrow(/records must be/);
    expect(() => expectedDistinctRecords(10, -1, 1)).toThrow(/recordsPerDraw must be/);
    expect(() => expectedDistinctRecords(10, 1, Number.NaN)).toThrow(/draws must be/);
  });

  it("property: exposure is in [0, N], never NaN, and never decreases with more draws (oracle: 1 − (1 − p)^k is non-decreasing in k)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 0, max: 1e12 }),
        (n, perDraw, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const x = expectedDistinctRecords(n, perDraw, lo);
          const y = expectedDistinctRecords(n, perDraw, hi);
          expect(Number.isNaN(x.expectedRecords)).toBe(false);
          expect(x.expectedRecords).toBeGreaterThanOrEqual(0);
          expect(y.expectedRecords).toBeLessThanOrEqual(n);
          expect(y.fraction).toBeLessThanOrEqual(1);
          expect(y.expectedRecords).toBeGreaterThanOrEqual(x.expectedRecords);
        },
      ),
      { numRuns: 500 },
    );
  });
});
