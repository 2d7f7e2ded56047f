/** @jest-environment node */
/**
 * The speed-ups of issue #19 item 8 in lib/privacy change no bit of any result:
 * - logAddExp's shortcut for negligible terms (lib/privacy/special-functions.ts);
 * - the per-order tables of log-binomial coefficients that P2's integer sum and P6's sum read
 *   instead of taking a logarithm per term (lib/privacy/rdp.ts).
 * Oracle: the formulas evaluated directly, written out here as lib/privacy computed them before
 * (hi + log1p(e^(lo − hi)); the running sums of log((α − j)/(j + 1)) and log((α − j + 1)/j)),
 * compared with Object.is, so that −0 and +0 differ and any rounding difference fails.
 */
import fc from "fast-check";
import { rdpExponential, rdpPoissonGeneral, rdpSubsampledGaussian } from "@/lib/privacy";
import { logAddExp } from "@/lib/privacy/special-functions";

/** log(e^a + e^b) by the formula, without any shortcut. */
function logAddExpFormula(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const hi = Math.max(a, b);
  if (hi === Infinity) return Infinity;
  return hi + Math.log1p(Math.exp(Math.min(a, b) - hi));
}

/** P2 at an integer order: log A_α = log Σ_j C(α,j) q^j (1−q)^(α−j) e^((j²−j)/(2σ²)), the binomial by running ratios. */
function logAIntegerFormula(q: number, sigma: number, order: number): number {
  const logQ = Math.log(q);
  const logOneMinusQ = Math.log1p(-q);
  const inverseTwoVariance = 1 / (2 * sigma * sigma);
  const terms: number[] = [];
  let logBinomial = 0;
  let max = -Infinity;
  for (let j = 0; j <= order; j++) {
    const term = logBinomial + j * logQ + (order - j) * logOneMinusQ + (j * j - j) * inverseTwoVariance;
    terms.push(term);
    if (term > max) max = term;
    logBinomial += Math.log((order - j) / (j + 1));
  }
  if (max === Infinity) return Infinity;
  let sum = 0;
  for (const t of terms) sum += Math.exp(t - max);
  return max + Math.log(sum);
}

/** P2's r(α) at integer α with its cap α/(2σ²), as rdpSubsampledGaussian defines it for 0 < q < 1. */
function rdpSgmIntegerFormula(q: number, sigma: number, order: number): number {
  const cap = order / (2 * sigma * sigma);
  const r = logAIntegerFormula(q, sigma, order) / (order - 1);
  if (Number.isNaN(r)) return cap;
  return Math.max(0, Math.min(r, cap));
}

/** P6 (autodp's general Poisson-subsampling bound) at integer α ≥ 2, the binomial by running ratios. */
function rdpPoissonGeneralFormula(q: number, base: ArrayLike<number>, pure: number, order: number): number {
  const logQ = Math.log(q);
  const logOneMinusQ = Math.log1p(-q);
  let logSum = (order - 1) * logOneMinusQ + Math.log1p((order - 1) * q);
  const f2 = base[2] ?? Infinity;
  logSum = logAddExpFormula(logSum, Math.log((order * (order - 1)) / 2) + 2 * logQ + (order - 2) * logOneMinusQ + f2);
  let logBinomial = Math.log((order * (order - 1)) / 2);
  for (let j = 3; j <= order; j++) {
    logBinomial += Math.log((order - j + 1) / j);
    const f = base[j + 1] ?? Infinity;
    logSum = logAddExpFormula(logSum, logBinomial + j * logQ + (order - j) * logOneMinusQ + j * f);
  }
  let value = logSum / (order - 1);
  if (Number.isFinite(pure)) value = Math.min(value, Math.log1p(q * Math.expm1(pure)));
  return Math.max(0, value);
}

describe("logAddExp's shortcut returns the formula's value bit for bit", () => {
  it("at the edges of the shortcut: |hi| = 1 and just below, ±0, d around −38 and −745.13 (where e^d underflows to 0)", () => {
    const his = [0, -0, 1, -1, 1 - 2 ** -53, -(1 - 2 ** -53), 1 + 2 ** -52, -1 - 2 ** -52, 0.5, -0.5, 2, -2, 5e-324, -5e-324, 1e-300, 1e300, -1e300, 2 ** 53];
    const ds = [-36, -37.4, -37.5, -37.9, -38, -38.000001, -40, -100, -700, -745, -745.1332191019411, -745.2, -746, -746.000001, -800, -1e300, -Infinity];
    let compared = 0;
    for (const hi of his) {
      for (const d of ds) {
        const lo = hi + d;
        expect(Object.is(logAddExp(hi, lo), logAddExpFormula(hi, lo))).toBe(true);
        expect(Object.is(logAddExp(lo, hi), logAddExpFormula(lo, hi))).toBe(true);
        compared += 2;
      }
    }
    expect(compared).toBe(his.length * ds.length * 2);
  });

  it("over 20,000 random pairs at every scale (fast-check, seed 19)", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.double({ noNaN: true, min: 0, max: 2000 }), (a, gap) => {
        const b = a - gap;
        return Object.is(logAddExp(a, b), logAddExpFormula(a, b)) && Object.is(logAddExp(b, a), logAddExpFormula(b, a));
      }),
      { numRuns: 20_000, seed: 19 },
    );
  });
});

describe("P2 and P6 with log-binomial tables equal the running-ratio sums bit for bit", () => {
  // Orders up to 256 read cached rows (first call fills, later calls read); 300 and 600 are computed afresh.
  const orders = [2, 3, 7, 32, 63, 64, 199, 200, 255, 256, 257, 300, 600];

  it("P2, subsampled Gaussian at integer orders: 30 (q, σ) pairs × 13 orders, each asked twice", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 0.99, noNaN: true }), fc.double({ min: 0.05, max: 50, noNaN: true }), (q, sigma) => {
        for (const order of orders) {
          for (let pass = 0; pass < 2; pass++) {
            if (!Object.is(rdpSubsampledGaussian(q, sigma, order), rdpSgmIntegerFormula(q, sigma, order))) return false;
          }
        }
        return true;
      }),
      { numRuns: 30, seed: 191 },
    );
  });

  it("P6, subsampled exponential mechanism (DP-OPT's token): 30 (q, ε) pairs × 13 orders, each asked twice", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 0.99, noNaN: true }), fc.double({ min: 0.01, max: 20, noNaN: true }), fc.boolean(), (q, eps, capped) => {
        const base = Array.from({ length: 602 }, (_, a) => rdpExponential(eps, Math.max(a, 1.5)));
        const pure = capped ? eps : Infinity;
        for (const order of orders) {
          for (let pass = 0; pass < 2; pass++) {
            if (!Object.is(rdpPoissonGeneral(q, base, pure, order), rdpPoissonGeneralFormula(q, base, pure, order))) return false;
          }
        }
        return true;
      }),
      { numRuns: 30, seed: 192 },
    );
  });

  it("the formulas themselves reproduce a published value: r(q=0.01, σ=1, α=32) = 11.2462759 (docs/derivations.md §9)", () => {
    expect(Math.abs(rdpSgmIntegerFormula(0.01, 1, 32) - 11.2462759) / 11.2462759).toBeLessThan(5e-8);
  });
});
