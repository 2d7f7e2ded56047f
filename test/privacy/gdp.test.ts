/** @jest-environment node */
import { computeEpsilon, gaussian, gdpDelta, gdpEpsilon, gdpLogDelta, gdpMu, gdpMuFor, gdpNoiseMultiplier, selfComposed } from "@/lib/privacy";

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
/** δ = 1/(N ln N), as AI-secure/aug-pe notebook/dp_budget.ipynb sets it. */
const augPeDelta = (n: number) => 1 / (n * Math.log(n));

describe("gdpDelta: δ(ε; μ) = Φ(−ε/μ + μ/2) − e^ε Φ(−ε/μ − μ/2) (Dong, Roth & Su 2019, Cor. 2.13)", () => {
  // Oracle: scipy 1.17 `norm.cdf(-eps/mu + mu/2) - np.exp(eps) * norm.cdf(-eps/mu - mu/2)`, the
  // notebook's delta_Gaussian verbatim.
  it.each([
    [1, 1, 0.12693673750664392],
    [2, 0.5, 9.439168634947276e-6],
    [4, 0.2, 2.014571506385548e-90],
    [0.5, 2, 0.599185618533933],
  ])("δ(ε = %p, μ = %p) = %p to 1e-9 relative", (epsilon, mu, expected) => {
    expect(rel(gdpDelta(epsilon, mu), expected)).toBeLessThan(1e-9);
  });

  it("hand check: δ(1; 1) = Φ(−0.5) − e·Φ(−1.5) = 0.3085375387 − 2.7182818285 × 0.0668072013 = 0.1269367375", () => {
    expect(gdpDelta(1, 1)).toBeCloseTo(0.1269367375, 9);
  });

  it("at ε = 0, δ is the total variation between N(0,1) and N(μ,1): 2Φ(μ/2) − 1 (μ = 1: 0.3829249225)", () => {
    expect(gdpDelta(0, 1)).toBeCloseTo(0.3829249225, 9);
  });

  it("stays in log space where the two terms cancel: log δ(8; 0.5) = −131.1998379 (scipy norm.logsf + log1p oracle)", () => {
    expect(gdpLogDelta(8, 0.5)).toBeCloseTo(-131.19983792498053, 6);
    expect(gdpDelta(8, 0.5)).toBeGreaterThan(0);
  });

  it("μ = 0 releases nothing: δ = 0", () => {
    expect(gdpDelta(1, 0)).toBe(0);
  });

  it("refuses a negative ε or μ with a message naming it", () => {
    expect(() => gdpDelta(-1, 1)).toThrow(/epsilon must be in \[0, Infinity\); got -1/);
    expect(() => gdpDelta(1, Number.NaN)).toThrow(/mu/);
  });
});

describe("Aug-PE test vectors: AI-secure/aug-pe notebook/dp_budget.ipynb printed outputs, T = 10, δ = 1/(N ln N)", () => {
  // The notebook prints ε for the README's σ values (README: "To achieve ε=1,2,4 under 10 epochs").
  // N: Yelp 1,939,290; OpenReview (ICLR 2023) 8,396; PubMed 75,316 (the notebook's N, = the README's train sizes).
  const cases: [string, number, [number, number, number], [number, number, number]][] = [
    ["Yelp", 1_939_290, [15.34, 8.03, 4.24], [1.004455, 2.002377, 4.005258]],
    ["OpenReview", 8_396, [11.6, 6.22, 3.38], [0.999986, 1.996654, 3.992231]],
    ["PubMed", 75_316, [13.26, 7.01, 3.75], [0.999232, 1.997191, 3.999169]],
  ];
  describe.each(cases)("%s (N = %p)", (_name, n, readmeSigma, notebookEpsilon) => {
    const delta = augPeDelta(n);
    it.each([0, 1, 2])("README σ #%p gives the notebook's printed ε to its 6 printed decimals", (i) => {
      const epsilon = gdpEpsilon(gdpMu(readmeSigma[i]!, 10), delta);
      expect(Math.abs(epsilon - notebookEpsilon[i]!)).toBeLessThan(1e-6 + 5e-7);
    });
    it.each([[1, 0], [2, 1], [4, 2]])("σ calibrated for ε = %p matches the README value to 0.5%", (epsilon, i) => {
      const sigma = gdpNoiseMultiplier({ targetEpsilon: epsilon, delta, compositions: 10 });
      expect(rel(sigma, readmeSigma[i]!)).toBeLessThan(0.005);
      // Safe side: the calibrated σ never exceeds the target ε.
      expect(gdpEpsilon(gdpMu(sigma, 10), delta)).toBeLessThanOrEqual(epsilon);
    });
  });

  it("the notebook's 0.01-step search stops at 15.40 for Yelp ε = 1 (it prints 15.3999…); ours lies in (15.39, 15.41]", () => {
    const sigma = gdpNoiseMultiplier({ targetEpsilon: 1, delta: augPeDelta(1_939_290), compositions: 10 });
    expect(sigma).toBeGreaterThan(15.39);
    expect(sigma).toBeLessThanOrEqual(15.41);
  });
});

describe("gdpEpsilon and gdpMuFor invert δ(ε; μ)", () => {
  it.each([[0.3, 1e-5], [1, 1e-8], [2.5, 1e-3]])("μ = %p, δ = %p: δ(ε(μ, δ); μ) = δ to 1e-9 relative", (mu, delta) => {
    const epsilon = gdpEpsilon(mu, delta);
    expect(rel(gdpDelta(epsilon, mu), delta)).toBeLessThan(1e-9);
  });
  it("ε = 0 when δ(0; μ) is already below δ", () => {
    expect(gdpEpsilon(1e-6, 0.5)).toBe(0);
  });
  it("μ(ε, δ) round-trips through ε(μ, δ)", () => {
    const mu = gdpMuFor(2, 1e-6);
    expect(rel(gdpEpsilon(mu, 1e-6), 2)).toBeLessThan(1e-9);
  });
});

describe("independent oracle: our PRV accountant brackets the exact GDP ε of T composed Gaussians", () => {
  // PRV discretises the privacy-loss distribution numerically (Gopi et al. 2021); its lower and
  // upper bounds must contain the exact value for the same mechanism (no subsampling).
  it.each([[15.34, 10, augPeDelta(1_939_290)], [3.38, 10, augPeDelta(8_396)], [1, 4, 1e-5]])("σ = %p, T = %p, δ = %p", (sigma, steps, delta) => {
    const exact = gdpEpsilon(gdpMu(sigma, steps), delta);
    const prv = computeEpsilon(selfComposed(steps, gaussian(sigma)), delta, { accountant: "prv", epsError: 0.01 });
    expect(prv.bounds!.lower).toBeLessThanOrEqual(exact);
    expect(prv.bounds!.upper).toBeGreaterThanOrEqual(exact);
    // RDP is an upper bound on the exact ε.
    expect(computeEpsilon(selfComposed(steps, gaussian(sigma)), delta, { accountant: "rdp" }).epsilon).toBeGreaterThanOrEqual(exact);
  });
});
