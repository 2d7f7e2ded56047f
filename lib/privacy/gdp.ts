/**
 * Gaussian differential privacy (μ-GDP), exactly: the accountant Aug-PE's code uses.
 *
 * The Gaussian mechanism with L2 sensitivity 1 and noise N(0, σ²) is μ-GDP with μ = 1/σ, and T of
 * them composed (adaptively, no subsampling) are exactly √T/σ-GDP: the composition of Gaussian
 * trade-off functions is again Gaussian, G_μ1 ⊗ G_μ2 = G_√(μ1²+μ2²) (Dong, Roth & Su 2019,
 * "Gaussian Differential Privacy", arXiv:1905.02383, Corollary 3.3). Nothing is bounded or
 * approximated: this is the mechanism's privacy profile itself.
 *
 * μ-GDP holds at every (ε, δ(ε)) with (ibid., Corollary 2.13)
 *
 *   δ(ε; μ) = Φ(−ε/μ + μ/2) − e^ε · Φ(−ε/μ − μ/2)
 *
 * where Φ is the standard normal CDF. δ falls with ε and rises with μ. This is the function of
 * AI-secure/aug-pe `notebook/dp_budget.ipynb` (`delta_Gaussian`, `eps_Gaussian` by Brent's method on
 * ε ∈ [0, 500], `compute_epsilon(noise, steps, delta) = eps_Gaussian(delta, √steps/noise)`) and of
 * microsoft/DPSDA `pe/dp/gaussian.py`.
 *
 * Numerics: both terms are tiny when δ is (1e-8 and below) and nearly equal, so δ is computed in
 * log space, log δ = log Φ̄(a) + log(1 − exp(ε + log Φ̄(b) − log Φ̄(a))) with a = ε/μ − μ/2,
 * b = ε/μ + μ/2 (Φ(−x) = Φ̄(x)), which keeps full relative precision where the plain difference
 * would cancel to 0 or go negative.
 *
 * Units: ε in nats (natural log, as everywhere in privadapt), δ a probability, σ the noise std in
 * units of the L2 sensitivity.
 */
import { requireInterval, requirePositive } from "./events";
import { log1mExp, logNormalSurvival } from "./special-functions";

/**
 * log δ(ε; μ) for μ-GDP, −∞ when δ = 0 (μ = 0: no information released).
 * @example Math.exp(gdpLogDelta(1, 1)) ≈ 0.126937 (Φ(−0.5) − e·Φ(−1.5) = 0.3085375 − 2.7182818 × 0.0668072)
 */
export function gdpLogDelta(epsilon: number, mu: number): number {
  requireInterval("epsilon", epsilon, 0, Infinity, false, true);
  requireInterval("mu", mu, 0, Infinity, false, true);
  if (mu === 0) return -Infinity;
  const a = epsilon / mu - mu / 2;
  const b = epsilon / mu + mu / 2;
  const logFirst = logNormalSurvival(a);
  const logRatio = epsilon + logNormalSurvival(b) - logFirst;
  // logRatio < 0 always (δ > 0 for μ > 0); round-off can push it to 0 when δ is near the float floor.
  if (!(logRatio < 0)) return -Infinity;
  return logFirst + log1mExp(logRatio);
}

/**
 * δ(ε; μ) = Φ(−ε/μ + μ/2) − e^ε Φ(−ε/μ − μ/2) (Dong, Roth & Su 2019, Corollary 2.13).
 * @example gdpDelta(0, 1) ≈ 0.382925 (= 2Φ(0.5) − 1: at ε = 0, δ is the total-variation distance)
 */
export function gdpDelta(epsilon: number, mu: number): number {
  return Math.exp(gdpLogDelta(epsilon, mu));
}

/** μ of T composed Gaussian mechanisms of noise multiplier σ (sensitivity 1): √T/σ. */
export function gdpMu(noiseMultiplier: number, compositions: number): number {
  requirePositive("noiseMultiplier", noiseMultiplier);
  requirePositive("compositions", compositions);
  return Math.sqrt(compositions) / noiseMultiplier;
}

/** Bisection steps: 200 halvings take any bracket below double precision. */
const BISECTION_STEPS = 200;

/**
 * The smallest ε with δ(ε; μ) ≤ δ: the ε of μ-GDP at δ. 0 when δ(0; μ) ≤ δ already.
 * Bisection on ε (δ falls with ε), returning the bracket's upper end, so δ(result) ≤ δ always.
 * @example gdpEpsilon(Math.sqrt(10) / 15.34, 1 / (1939290 * Math.log(1939290))) ≈ 1.004455
 *   (the notebook's printed output for Yelp's README σ = 15.34, T = 10)
 */
export function gdpEpsilon(mu: number, delta: number): number {
  requireInterval("mu", mu, 0, Infinity, false, true);
  requireInterval("delta", delta, 0, 1, true, true);
  const logDelta = Math.log(delta);
  if (gdpLogDelta(0, mu) <= logDelta) return 0;
  let lo = 0;
  let hi = 1;
  // δ(ε) ≤ Φ̄(ε/μ − μ/2) → 0, so doubling ends (ε = μ²/2 + μ·40 already gives δ < 1e-300).
  while (gdpLogDelta(hi, mu) > logDelta) {
    lo = hi;
    hi *= 2;
    if (!Number.isFinite(hi)) return Infinity;
  }
  for (let i = 0; i < BISECTION_STEPS && hi - lo > 1e-15 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (gdpLogDelta(mid, mu) > logDelta) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * The largest μ whose μ-GDP meets (ε, δ): δ(ε; μ) ≤ δ. Bisection on μ (δ rises with μ), returning
 * the bracket's lower end, so the guarantee holds at the result (the safe side).
 * @example gdpMuFor(1, 1e-5) ≈ 0.26805 (check: gdpDelta(1, 0.26805) ≈ 1e-5)
 */
export function gdpMuFor(epsilon: number, delta: number): number {
  requireInterval("epsilon", epsilon, 0, Infinity, false, true);
  requireInterval("delta", delta, 0, 1, true, true);
  const logDelta = Math.log(delta);
  let lo = 0;
  let hi = 1;
  while (gdpLogDelta(epsilon, hi) <= logDelta) {
    lo = hi;
    hi *= 2;
    if (hi > 1e6) return lo;
  }
  for (let i = 0; i < BISECTION_STEPS && hi - lo > 1e-15 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (gdpLogDelta(epsilon, mid) <= logDelta) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * The noise multiplier σ at which T non-subsampled Gaussian mechanisms of sensitivity 1 are exactly
 * (ε, δ)-DP: σ = √T / μ(ε, δ). Rounded up to the safe side (μ from its lower end).
 * @example gdpNoiseMultiplier({ targetEpsilon: 1, delta: 1 / (1939290 * Math.log(1939290)), compositions: 10 }) ≈ 15.40
 *   (Aug-PE Yelp, T = 10; the notebook's 0.01-step search prints 15.40, the README rounds to 15.34)
 */
export function gdpNoiseMultiplier(input: { targetEpsilon: number; delta: number; compositions: number }): number {
  requirePositive("targetEpsilon", input.targetEpsilon);
  requirePositive("compositions", input.compositions);
  const mu = gdpMuFor(input.targetEpsilon, input.delta);
  if (!(mu > 0)) throw new RangeError(`no noise multiplier reaches ε = ${input.targetEpsilon} at δ = ${input.delta}`);
  return Math.sqrt(input.compositions) / mu;
}
