/**
 * The PRV accountant (Gopi, Lee & Wutschitz, "Numerical Composition of Differential Privacy",
 * NeurIPS 2021; microsoft/prv_accountant), docs/derivations.md §1 P7.
 *
 * The privacy random variable (PRV) of a mechanism is its privacy loss Y = log(P(o)/Q(o)) with
 * o ~ P. Composition adds independent PRVs, so the PRV of a T-fold composition is the T-fold
 * convolution of the single-step distribution. We discretise it on a uniform grid of mesh Δ,
 * convolve by FFT (p^(T) = irfft(rfft(p)^T)) and read ε(δ) off the composed distribution:
 *   δ(ε) = E[(1 − e^(ε−Y))₊],
 * inverted for the target δ. The grid is sized so that the truncation and discretisation errors
 * stay within `epsError` in ε and `deltaError` in δ (Gopi et al., Thm. 5.5), giving
 *   lower = ε(δ + δ_err) − ε_err ≤ true ε ≤ upper = ε(δ − δ_err) + ε_err.
 * Opacus and dp-transformers calibrate on `upper`; so do we. That theorem assumes exact
 * arithmetic; the FFT's round-off, measured in the composed pmf, is charged to δ like δ_err
 * (`epsilonReader`), and a δ it swamps is refused (`PrvRoundOffError`).
 *
 * Supported: Poisson-subsampled Gaussians (any q in (0, 1], which covers plain Gaussians and
 * GNMax), pure ε-DP steps (randomized-response PRV) and their compositions. Anything else throws
 * `UnsupportedEventError`; nothing falls back to another accountant silently.
 *
 * The FFT is fft.js (radix-4, power-of-two sizes). The library's grid has n points (n even); we
 * zero-pad to the next power of two N ≥ n. The circular convolution then wraps modulo N instead
 * of n: inside the grid the values are identical, and only mass that the library's error bound
 * already treats as negligible (beyond ±L) lands in a different place.
 */
import FFT from "fft.js";
import * as special from "./special-functions";
import {
  UnsupportedEventError, describeEvent, requireInterval, requirePositive,
  composed, exponential, gaussian, poissonSampled, selfComposed,
  type DpEvent,
} from "./events";
import { OPACUS_ORDERS, epsilonFromRdp, rdpCurve } from "./rdp";
import { formatSignificant } from "../present/format";

// Module-level bindings of the globals used in hot loops. Inside a vm context (Jest's node
// environment, some server sandboxes) every lookup of a global such as Math goes through the
// context's global proxy: measured 30× slower for Math.exp. A module constant avoids that.
const math = Math;
const INFINITY = Infinity;
// The same for imported functions: compiled to CommonJS (tsx, Jest), every call of an imported
// name reads it through the exporting module's getter.
const { erfc } = special;

/** One kind of step in a composition, with how many times it is repeated. */
export type PrvComponent =
  | { kind: "subsampledGaussian"; samplingRate: number; noiseMultiplier: number; count: number }
  | { kind: "pureDp"; epsilon: number; count: number };

export interface PrvOptions {
  /** Error budget in ε (default 0.01, the library's DP-SGD default). */
  epsError?: number;
  /** Error budget in δ (default δ/1000, the library's DP-SGD default). */
  deltaError?: number;
  /**
   * Up to this fraction more ε error (default 0) to keep the grid within a power of two when it
   * is just past one; `epsError` in the result is then the error actually used.
   */
  fftSlack?: number;
  /** Refuse (PrvGridTooLargeError) compositions whose grid needs more points (default 2^24). */
  maxGridPoints?: number;
}

/**
 * The composition would need a grid larger than the caller allows. Thrown before any work, so a
 * caller with a time budget (the per-method privacy of an interactive page) can switch to RDP and
 * say so, instead of spending seconds to minutes on one composition.
 *
 * The grid has 2L/Δ points: a domain ±L that must hold the composed privacy loss (L grows with ε:
 * little noise) and a mesh Δ ∝ eps_error/√T (many steps). `field` names the parameter to change,
 * so a CLI or API can point at it: "noiseMultiplier" when the domain is what makes the grid too
 * large (the same mesh on the narrowest domain, ±(eps_error + 3), would fit; L is ∞ when even the
 * RDP bound that sizes it overflows), "steps" when the mesh alone is too fine.
 */
export class PrvGridTooLargeError extends RangeError {
  /** Points the grid would need (∞ when the privacy loss has no finite domain). */
  readonly gridPoints: number;
  /** Half-width L of the domain the privacy loss needs, in nats (∞ when unbounded; null when not one composition's). */
  readonly halfWidth: number | null;
  readonly field: "noiseMultiplier" | "steps";
  constructor(gridPoints: number, maxGridPoints: number, epsError: number, details: { halfWidth: number; field: "noiseMultiplier" | "steps" } | null = null) {
    const reason = details === null || details.field === "steps"
      ? `raise epsError (now ${epsError}) or use fewer steps`
      : Number.isFinite(details.halfWidth)
        ? `the privacy loss needs a domain of ±${formatSignificant(details.halfWidth, 3)} (sized by its RDP bound): the noise is too small for this many steps; use the RDP accountant or more noise`
        : "the privacy loss is beyond double precision (its RDP bound overflows to ∞): the noise is too small; use the RDP accountant (it reports ε = ∞) or more noise";
    super(`PRV grid of ${Number.isFinite(gridPoints) ? gridPoints : "∞"} points is too large (limit ${maxGridPoints}); ${reason}`);
    this.name = "PrvGridTooLargeError";
    this.gridPoints = gridPoints;
    this.halfWidth = details?.halfWidth ?? null;
    this.field = details?.field ?? "steps";
  }
}

/**
 * The smallest δ the PRV accountant answers for. The composed pmf comes out of an FFT whose
 * round-off is ~1e-16 relative to its peak, and ε(δ) is read off tail masses of order δ (and
 * δ ± δ_err, δ_err = δ/1000 by default), so near that level the tail is round-off noise:
 * measured (q = 5e-8…6e-4, T = 10⁴) ε stops rising as δ falls below ~1e-12, then jumps about —
 * ε(1e-14) = 73.5 where RDP gives 24.7, and ε(1e-20) = 7.6 where RDP gives 17.8, an "upper bound"
 * below a valid one, i.e. unsafe. 1e-10 keeps a 100× margin above the last δ where ε was still
 * monotone and below RDP's bound. (Gopi et al. 2021 assume exact arithmetic; prv_accountant has
 * the same double-precision FFT and no such guard.) Below it, use the RDP accountant.
 */
export const PRV_MIN_DELTA = 1e-10;

/**
 * δ is below PRV_MIN_DELTA: the PRV accountant does not support it (its upper bound would not be
 * one). A RangeError naming `delta` and the supported range, so callers that map engine range
 * errors to fields (the CLI) point at the right one.
 */
export class PrvDeltaOutOfRangeError extends RangeError {
  readonly field = "delta";
  readonly minimum = PRV_MIN_DELTA;
  readonly delta: number;
  constructor(delta: number) {
    super(`delta must be in [${PRV_MIN_DELTA}, 1) for the PRV accountant (below ${PRV_MIN_DELTA} its double-precision FFT cannot resolve the tail mass δ is read from, and its upper bound is not safe); use the RDP accountant; got ${delta}`);
    this.name = "PrvDeltaOutOfRangeError";
    this.delta = delta;
  }
}

/** Refuse when the round-off exceeds δ divided by this: the reading would be mostly noise. */
const ROUND_OFF_SHARE_LIMIT = 2;

/**
 * The composition's round-off is too large for ε(δ) to be read at this δ. Within
 * [PRV_MIN_DELTA, 1) this still happens on large grids, in two ways:
 * - measured round-off: near-point-mass PRVs (tiny q, many steps) keep a spectrum of modulus ~1
 *   at every frequency, so the inverse FFT spreads ~1e-16 of round-off over each of millions of
 *   points. q = 1e-10, σ = 2, T = 1e6 carries ~1e-8 of it on 2.9e6 points, and read at δ = 1e-10
 *   gave a "lower bound" of 1.23 where RDP's valid upper bound is 0.092;
 * - a contradiction with RDP: raising the one-step spectrum to the power T also multiplies its
 *   relative round-off by T, which can reshape the tail without any negative entry to measure.
 *   q = 1e-3, σ = 1.2, T = 1e6, eps_error 0.1 gave a lower bound of 7.85 at δ = 1e-10 where RDP's
 *   valid upper bound is 6.88. Since lower ≤ true ε ≤ RDP's ε must hold, a lower bound above RDP's
 *   proves the reading wrong.
 * A RangeError naming `delta`, as PrvDeltaOutOfRangeError; `reason` says which.
 */
export class PrvRoundOffError extends RangeError {
  readonly field = "delta";
  readonly delta: number;
  /** The round-off mass measured in the tail the upper bound is read from (see `epsilonReader`). */
  readonly roundOff: number;
  readonly reason: string;
  constructor(delta: number, roundOff: number, reason: string) {
    super(`delta = ${delta} is too small for this PRV composition: ${reason}; use a larger delta or the RDP accountant`);
    this.name = "PrvRoundOffError";
    this.delta = delta;
    this.roundOff = roundOff;
    this.reason = reason;
  }
}

/** Throws unless δ is in the PRV accountant's range [PRV_MIN_DELTA, 1). */
export function requirePrvDelta(delta: number): number {
  requireInterval("delta", delta, 0, 1, true, true);
  if (delta < PRV_MIN_DELTA) throw new PrvDeltaOutOfRangeError(delta);
  return delta;
}

export interface PrvEpsilon {
  /** The safe value: the upper bound. */
  epsilon: number;
  lower: number;
  estimate: number;
  upper: number;
  delta: number;
  accountant: "prv";
  epsError: number;
  deltaError: number;
  /** Grid points the library would use (n) and the FFT size after padding (N). */
  gridPoints: number;
  fftSize: number;
  /**
   * FFT round-off mass measured in the composed pmf's tail where the upper bound is read (see
   * `epsilonReader`), charged like δ_err: the upper bound is read at δ − δ_err − roundOff.
   */
  roundOff: number;
}

// ---------------------------------------------------------------------------------------------
// Flattening an event into components
// ---------------------------------------------------------------------------------------------

function unsupported(event: DpEvent, reason: string): never {
  throw new UnsupportedEventError("prv", describeEvent(event), reason);
}

/**
 * Flattens an event tree into its distinct steps and their repeat counts. Returns null when the
 * tree contains a nonPrivate step (ε = ∞).
 */
export function prvComponents(event: DpEvent): PrvComponent[] | null {
  const acc = new Map<string, PrvComponent>();
  let nonPrivateSeen = false;
  const add = (c: PrvComponent) => {
    if (c.count === 0) return;
    const key = c.kind === "pureDp" ? `pure:${c.epsilon}` : `sgm:${c.samplingRate}:${c.noiseMultiplier}`;
    const prev = acc.get(key);
    acc.set(key, prev ? { ...prev, count: prev.count + c.count } : c);
  };
  const visit = (e: DpEvent, multiplicity: number): void => {
    switch (e.kind) {
      case "noOp":
        return;
      case "nonPrivate":
        nonPrivateSeen = true;
        return;
      case "gaussian":
        return add({ kind: "subsampledGaussian", samplingRate: 1, noiseMultiplier: e.noiseMultiplier, count: multiplicity });
      case "gnmax":
        return add({ kind: "subsampledGaussian", samplingRate: 1, noiseMultiplier: e.noiseMultiplier / math.SQRT2, count: multiplicity });
      case "exponential":
        if (e.epsilon > 0) add({ kind: "pureDp", epsilon: e.epsilon, count: multiplicity });
        return;
      case "epsilonDelta":
        if (e.delta > 0) unsupported(e, "an (ε, δ)-DP step with δ > 0 has no single privacy random variable");
        if (e.epsilon > 0) add({ kind: "pureDp", epsilon: e.epsilon, count: multiplicity });
        return;
      case "poissonSampled": {
        const q = e.samplingRate;
        if (q === 0) return;
        const inner = e.event;
        if (inner.kind === "gaussian" || inner.kind === "gnmax") {
          const sigma = inner.kind === "gnmax" ? inner.noiseMultiplier / math.SQRT2 : inner.noiseMultiplier;
          return add({ kind: "subsampledGaussian", samplingRate: q, noiseMultiplier: sigma, count: multiplicity });
        }
        if (inner.kind === "exponential" || (inner.kind === "epsilonDelta" && inner.delta === 0)) {
          // Poisson subsampling of an ε-DP step is log(1 + q(e^ε − 1))-DP (Balle et al. 2018, Thm. 8).
          const amplified = math.log1p(q * math.expm1(inner.epsilon));
          if (amplified > 0) add({ kind: "pureDp", epsilon: amplified, count: multiplicity });
          return;
        }
        if (q === 1) return visit(inner, multiplicity);
        return unsupported(e, "only subsampled Gaussian and subsampled pure-DP steps have a PRV here; use the RDP accountant");
      }
      case "selfComposed":
        if (e.count === 0) return;
        return visit(e.event, multiplicity * e.count);
      case "composed":
        for (const x of e.events) visit(x, multiplicity);
        return;
      case "withFailure":
        return unsupported(e, "a guarantee that fails with probability δ0 has no PRV; use the RDP accountant");
    }
  };
  visit(event, 1);
  if (nonPrivateSeen) return null;
  // Un-subsampled Gaussians compose exactly into one Gaussian: 1/σ² adds up (the μ of Gaussian
  // DP adds in quadrature; Dong, Roth & Su 2019, Cor. 3.3). One step then needs a far coarser grid.
  // Scaled by the smallest σ, σ_min/√(Σ count·(σ_min/σ)²): the plain sum of count/σ² overflows
  // for σ ≈ 1e-154 and gave σ = 1/√∞ = 0 ("noiseMultiplier must be > 0; got 0").
  const out: PrvComponent[] = [];
  const plain: { noiseMultiplier: number; count: number }[] = [];
  for (const c of acc.values()) {
    if (c.kind === "subsampledGaussian" && c.samplingRate === 1) plain.push(c);
    else out.push(c);
  }
  if (plain.length > 0) {
    const smallest = math.min(...plain.map((c) => c.noiseMultiplier));
    const weight = plain.reduce((sum, c) => sum + c.count * (smallest / c.noiseMultiplier) ** 2, 0);
    out.push({ kind: "subsampledGaussian", samplingRate: 1, noiseMultiplier: weight === 1 ? smallest : smallest / math.sqrt(weight), count: 1 });
  }
  return out.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

function componentEvent(c: PrvComponent, count: number): DpEvent {
  const step = c.kind === "pureDp" ? exponential(c.epsilon) : poissonSampled(c.samplingRate, gaussian(c.noiseMultiplier));
  return selfComposed(count, step);
}

// ---------------------------------------------------------------------------------------------
// Single-step privacy random variables
// ---------------------------------------------------------------------------------------------

/**
 * Survival function S(t) = P(Y > t) of the PRV of one Poisson-subsampled Gaussian step
 * (P7 step 1). With z = log((e^t − (1−q))/q) for t > log(1−q):
 *   S(t) = (q/2)·erfc((2σ²z − 1)/(2√2σ)) + ((1−q)/2)·erfc((2σ²z + 1)/(2√2σ)),
 * and S(t) = 1 below log(1−q). Working with S rather than F = 1 − S keeps the right tail, where
 * δ lives, free of cancellation.
 */
function subsampledGaussianSurvival(q: number, sigma: number): (t: number) => number {
  const logQ = math.log(q);
  const floor = q < 1 ? math.log1p(-q) : -INFINITY;
  // (2σ²z ∓ 1)/(2√2σ) = σz/√2 ∓ 1/(2√2σ): the same number, but 2σ² overflows for σ above ~1e154
  // and gave ∞/∞ = NaN (the old formula printed ε = NaN, read as unbounded, for σ = 1e300).
  const halfRootTwoSigma = sigma / math.SQRT2;
  const offset = 1 / (2 * math.SQRT2 * sigma);
  return (t: number) => {
    if (t <= floor) return 1;
    let z: number;
    if (t < 30) {
      const excess = math.expm1(t) + q; // e^t − (1 − q), without cancellation near t = 0
      if (!(excess > 0)) return 1;
      z = math.log(excess) - logQ;
    } else {
      z = t + math.log1p(-(1 - q) * math.exp(-t)) - logQ;
    }
    return 0.5 * q * erfc(halfRootTwoSigma * z - offset) + 0.5 * (1 - q) * erfc(halfRootTwoSigma * z + offset);
  };
}

/**
 * An ε-DP step is dominated by ε-randomized response, whose PRV is +ε with probability
 * e^ε/(1+e^ε) and −ε otherwise (Kairouz, Oh & Viswanath 2015).
 */
function pureDpSurvival(epsilon: number): (t: number) => number {
  const pHigh = 1 / (1 + math.exp(-epsilon));
  return (t: number) => (t < -epsilon ? 1 : t < epsilon ? pHigh : 0);
}

/**
 * ∫_a^b f by adaptive Simpson (Lyness 1969) to absolute tolerance `tolerance`. Used for the mean
 * of the truncated PRV, whose density is a sharp spike near 0 for small q; the library uses
 * QUADPACK on the same breakpoints.
 */
function adaptiveSimpson(f: (t: number) => number, a: number, b: number, tolerance: number): number {
  // A budget of evaluations bounds the work on pathological (near-singular) integrands; past it
  // the remaining intervals take Richardson-corrected Simpson values, accurate to far below Δ.
  let budget = 20000;
  const step = (lo: number, hi: number, fLo: number, fMid: number, fHi: number, whole: number, tol: number, depth: number): number => {
    budget -= 2;
    if (budget <= 0) depth = 0;
    const mid = (lo + hi) / 2;
    const leftMid = f((lo + mid) / 2);
    const rightMid = f((mid + hi) / 2);
    const left = ((mid - lo) / 6) * (fLo + 4 * leftMid + fMid);
    const right = ((hi - mid) / 6) * (fMid + 4 * rightMid + fHi);
    const diff = left + right - whole;
    if (depth <= 0 || math.abs(diff) <= 15 * tol) return left + right + diff / 15;
    return step(lo, mid, fLo, leftMid, fMid, left, tol / 2, depth - 1) + step(mid, hi, fMid, rightMid, fHi, right, tol / 2, depth - 1);
  };
  const fa = f(a);
  const fb = f(b);
  const fm = f((a + b) / 2);
  return step(a, b, fa, fm, fb, ((b - a) / 6) * (fa + 4 * fm + fb), tolerance, 30);
}

/** prv_accountant's quadrature breakpoints for the truncated mean, plus the PRV's lower end log(1 − q). */
const MEAN_BREAKPOINTS = [-1e-1, -1e-2, -1e-3, -1e-4, -1e-5, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1];

/**
 * Cell-centred discretisation (prv_accountant `CellCentred`) of the PRV truncated to
 * [tMin, tMax], padded with zeros to `size`, plus the mean shift s that makes the discrete mean
 * equal the truncated continuous mean (P7 step 3).
 */
function discretise(c: PrvComponent, tMin: number, mesh: number, n: number, size: number): { pmf: Float64Array; shift: number } {
  const tMax = tMin + (n - 1) * mesh;
  const survival = c.kind === "pureDp" ? pureDpSurvival(c.epsilon) : subsampledGaussianSurvival(c.samplingRate, c.noiseMultiplier);
  const sLow = survival(tMin);
  const sHigh = survival(tMax);
  const mass = sLow - sHigh;
  const pmf = new Float64Array(size);
  // Cell i is [t_i − Δ/2, t_i + Δ/2], clipped to [tMin, tMax]; p_i = (S(left) − S(right))/mass.
  let previous = sLow;
  let discreteMean = 0;
  for (let i = 0; i < n; i++) {
    const right = i === n - 1 ? sHigh : survival(tMin + (i + 0.5) * mesh);
    const p = (previous - right) / mass;
    pmf[i] = p;
    discreteMean += (tMin + i * mesh) * p;
    previous = right;
  }
  let continuousMean: number;
  if (c.kind === "pureDp") {
    // Two atoms: the truncated mean is exact.
    const pHigh = 1 / (1 + math.exp(-c.epsilon));
    let m = 0;
    let z = 0;
    if (-c.epsilon >= tMin && -c.epsilon <= tMax) { m += -c.epsilon * (1 - pHigh); z += 1 - pHigh; }
    if (c.epsilon >= tMin && c.epsilon <= tMax) { m += c.epsilon * pHigh; z += pHigh; }
    continuousMean = z > 0 ? m / z : 0;
  } else {
    // E[Y | tMin ≤ Y ≤ tMax] = tMin + ∫_{tMin}^{tMax} (S(t) − S(tMax)) dt / mass  (integration by parts).
    const floor = c.samplingRate < 1 ? math.log1p(-c.samplingRate) : -INFINITY;
    const points = [tMin, ...[floor, ...MEAN_BREAKPOINTS].filter((t) => t > tMin && t < tMax).sort((a, b) => a - b), tMax];
    const excess = (t: number) => survival(t) - sHigh;
    let integral = 0;
    for (let k = 0; k + 1 < points.length; k++) {
      const a = points[k]!;
      const b = points[k + 1]!;
      // Below log(1 − q) the survival is exactly 1: integrate in closed form.
      integral += b <= floor ? (b - a) * (1 - sHigh) : adaptiveSimpson(excess, a, b, 1e-13 * (b - a));
    }
    continuousMean = tMin + integral / mass;
  }
  return { pmf, shift: continuousMean - discreteMean };
}

// ---------------------------------------------------------------------------------------------
// Composition by FFT
// ---------------------------------------------------------------------------------------------

/**
 * Real FFTs of size N through complex fft.js transforms of size N/2 (the standard packing of
 * even and odd samples into one complex sequence). This halves the work and, for N = 2^19, keeps
 * the arrays in cache: in our measurements it is about twice as fast as fft.js's own realTransform
 * plus a full-size inverse.
 */
class RealFft {
  readonly size: number;
  private readonly half: number;
  private readonly fft: FFT;
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;
  private readonly bufferA: Float64Array;
  private readonly bufferB: Float64Array;

  constructor(size: number) {
    this.size = size;
    this.half = size / 2;
    this.fft = new FFT(this.half);
    this.cos = new Float64Array(this.half + 1);
    this.sin = new Float64Array(this.half + 1);
    for (let k = 0; k <= this.half; k++) {
      this.cos[k] = math.cos((2 * math.PI * k) / size);
      this.sin[k] = math.sin((2 * math.PI * k) / size);
    }
    this.bufferA = new Float64Array(size);
    this.bufferB = new Float64Array(size);
  }

  /** X_k = Σ_j x_j e^(−2πijk/N) for k = 0 … N/2, interleaved (re, im) into `out` (length ≥ N + 2). */
  forward(x: Float64Array, out: Float64Array): void {
    const m = this.half;
    const z = this.bufferA;
    z.set(x.subarray(0, 2 * m)); // z_j = x_{2j} + i·x_{2j+1}, already interleaved
    const spectrum = this.bufferB;
    this.fft.transform(spectrum, z);
    for (let k = 0; k <= m; k++) {
      const a = k % m;
      const b = (m - k) % m;
      const zr = spectrum[2 * a]!, zi = spectrum[2 * a + 1]!;
      const cr = spectrum[2 * b]!, ci = -spectrum[2 * b + 1]!; // conj(Z_{M−k})
      const er = (zr + cr) / 2, ei = (zi + ci) / 2; // E_k
      // O_k = (Z_k − conj Z_{M−k}) / (2i)
      const dr = zr - cr, di = zi - ci;
      const or = di / 2, oi = -dr / 2;
      // X_k = E_k + e^(−2πik/N)·O_k
      const wr = this.cos[k]!, wi = -this.sin[k]!;
      out[2 * k] = er + wr * or - wi * oi;
      out[2 * k + 1] = ei + wr * oi + wi * or;
    }
  }

  /** Inverse of `forward` for a Hermitian spectrum given on k = 0 … N/2; writes N real samples. */
  inverse(spectrumHalf: Float64Array, x: Float64Array): void {
    const m = this.half;
    const packed = this.bufferA;
    for (let k = 0; k < m; k++) {
      const xr = spectrumHalf[2 * k]!, xi = spectrumHalf[2 * k + 1]!;
      const cr = spectrumHalf[2 * (m - k)]!, ci = -spectrumHalf[2 * (m - k) + 1]!; // conj(X_{M−k})
      const er = (xr + cr) / 2, ei = (xi + ci) / 2; // E_k
      const dr = (xr - cr) / 2, di = (xi - ci) / 2;
      // O_k = (X_k − conj X_{M−k})/2 · e^(+2πik/N)
      const wr = this.cos[k]!, wi = this.sin[k]!;
      const or = dr * wr - di * wi, oi = dr * wi + di * wr;
      // Z_k = E_k + i·O_k
      packed[2 * k] = er - oi;
      packed[2 * k + 1] = ei + or;
    }
    this.fft.inverseTransform(this.bufferB, packed);
    x.set(this.bufferB.subarray(0, 2 * m));
  }
}

const fftCache = new Map<number, RealFft>();
function realFftOfSize(size: number): RealFft {
  let f = fftCache.get(size);
  if (!f) {
    if (fftCache.size >= 4) fftCache.delete(fftCache.keys().next().value as number);
    f = new RealFft(size);
    fftCache.set(size, f);
  }
  return f;
}

function nextPowerOfTwo(n: number): number {
  let p = 4;
  while (p < n) p *= 2;
  return p;
}

/** Composed distribution: values t_j = start + j·mesh, pmf[j], j = 0 … size−1. */
interface ComposedPrv {
  start: number;
  mesh: number;
  pmf: Float64Array;
}

/** Below this log-modulus a spectral coefficient raised to its power is 0 in double precision. */
const NEGLIGIBLE_LOG_MODULUS = -745;

function compose(components: readonly PrvComponent[], tMin: number, mesh: number, n: number): ComposedPrv {
  const size = nextPowerOfTwo(n);
  const fft = realFftOfSize(size);
  const half = size / 2;
  // Π_k P_k^{count_k} on the non-redundant half spectrum, in polar form (log-modulus, phase).
  const logModulus = new Float64Array(half + 1);
  const phase = new Float64Array(half + 1);
  const spectrum = new Float64Array(size + 2);
  let totalCount = 0;
  let totalShift = 0;
  for (const c of components) {
    const { pmf, shift } = discretise(c, tMin, mesh, n, size);
    fft.forward(pmf, spectrum);
    for (let k = 0; k <= half; k++) {
      if (logModulus[k]! === -INFINITY) continue;
      const re = spectrum[2 * k]!;
      const im = spectrum[2 * k + 1]!;
      const lm = logModulus[k]! + c.count * 0.5 * math.log(re * re + im * im);
      if (lm < NEGLIGIBLE_LOG_MODULUS) {
        logModulus[k] = -INFINITY;
        continue;
      }
      logModulus[k] = lm;
      phase[k]! += c.count * math.atan2(im, re);
    }
    totalCount += c.count;
    totalShift += c.count * shift;
  }
  for (let k = 0; k <= half; k++) {
    const lm = logModulus[k]!;
    if (lm === -INFINITY) {
      spectrum[2 * k] = 0;
      spectrum[2 * k + 1] = 0;
      continue;
    }
    const m = math.exp(lm);
    spectrum[2 * k] = m * math.cos(phase[k]!);
    spectrum[2 * k + 1] = m * math.sin(phase[k]!);
  }
  const composedPmf = new Float64Array(size);
  fft.inverse(spectrum, composedPmf);
  // The sum of T values t_min + i_k·Δ is T·t_min + (Σi_k)Δ; place it on the grid starting at t_min:
  // output index j = Σi_k + (T−1)·(t_min/Δ)  (mod N)  — the library's roll by T−1 (+ n/2).
  const offsetSteps = math.round(tMin / mesh);
  const roll = ((((totalCount - 1) * offsetSteps) % size) + size) % size;
  const pmf = new Float64Array(size);
  pmf.set(composedPmf.subarray(size - roll), 0);
  pmf.set(composedPmf.subarray(0, size - roll), roll);
  return { start: tMin + totalShift, mesh, pmf };
}

/**
 * ε(δ) from a composed PRV (P7 step 5): with d1_i = Σ_{j≥i} p_j and d2_i = Σ_{j≥i} p_j e^(−t_j),
 * take the first i with e^(t_i)·d2_i − d1_i ≥ −δ and return log((d1_i − δ)/d2_i).
 * d2 is kept scaled as D_i = e^(t_i)·d2_i = p_i + e^(−Δ)·D_{i+1}, which never overflows.
 *
 * FFT round-off. The composed pmf carries round-off of ~1e-16 of its peak at every grid point;
 * the tail sums above add it up, so δ(t_i) = d1_i − D_i is off by up to the round-off mass beyond
 * i (each term's weight 1 − e^(t_i − t_j) is in [0, 1]). That mass is measured: a pmf is ≥ 0, so
 * every negative entry is round-off, and round-off of the other sign is taken to be as large:
 * noise_i = 2·Σ_{j≥i} max(0, −p_j). (An estimate from the data: Gopi et al. 2021 bound the
 * discretisation and truncation errors in exact arithmetic only.) With `side` = +1 (upper bound)
 * the reader needs δ(t_i) + noise_i ≤ δ and solves at δ − noise_i, so round-off can only raise
 * ε; with −1 (lower bound) the opposite; 0 reads as the library does. It reports the noise it
 * charged. For ordinary compositions noise is ~1e-13, far below δ_err; for near-point-mass PRVs
 * on large grids it reaches 1e-8 (see PrvRoundOffError).
 */
function epsilonReader(prv: ComposedPrv): (delta: number, side: -1 | 0 | 1) => { epsilon: number; noise: number } {
  const size = prv.pmf.length;
  const d1 = new Float64Array(size + 1);
  const scaled = new Float64Array(size + 1);
  // Single precision is plenty for an error estimate and halves its memory (64 MB at 2^24 points);
  // rounding is monotone, so the suffix sums stay non-increasing for the search.
  const noise = new Float32Array(size + 1);
  const decay = math.exp(-prv.mesh);
  let noiseSum = 0;
  for (let i = size - 1; i >= 0; i--) {
    const p = prv.pmf[i]!;
    d1[i] = d1[i + 1]! + p;
    scaled[i] = p + decay * scaled[i + 1]!;
    if (p < 0) noiseSum -= 2 * p;
    noise[i] = noiseSum;
  }
  return (delta: number, side: -1 | 0 | 1) => {
    // Binary search on the (numerically) non-decreasing sequence scaled − d1 − side·noise, as numpy's searchsorted.
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (scaled[mid]! - d1[mid]! - side * noise[mid]! >= -delta) hi = mid;
      else lo = mid + 1;
    }
    const charged = side === 0 ? 0 : noise[lo]!;
    if (lo === 0) return { epsilon: 0, noise: charged }; // δ(t_0) ≤ δ already: every ε ≥ 0 works
    const numerator = d1[lo]! - (delta - side * charged);
    if (!(numerator > 0) || !(scaled[lo]! > 0)) return { epsilon: 0, noise: charged };
    const eps = math.log(numerator) - math.log(scaled[lo]!) + prv.start + lo * prv.mesh;
    return { epsilon: math.max(0, eps), noise: charged };
  };
}

// ---------------------------------------------------------------------------------------------
// Public entry points
// ---------------------------------------------------------------------------------------------

/** Improved RDP → ε without the floor at 0 (prv_accountant `other_accountants.RDP`), for sizing L. */
function rdpEpsilonUnfloored(event: DpEvent, delta: number): number {
  const { orders, rdp } = rdpCurve(event, OPACUS_ORDERS);
  let best = INFINITY;
  for (let i = 0; i < orders.length; i++) {
    const a = orders[i]!;
    const eps = rdp[i]! - (math.log(delta) + math.log(a)) / (a - 1) + math.log((a - 1) / a);
    if (Number.isNaN(eps)) return INFINITY; // no bound: the domain must not be sized from it
    if (eps < best) best = eps;
  }
  return best;
}

const resultCache = new Map<string, PrvEpsilon>();
const RESULT_CACHE_LIMIT = 2000;

/**
 * ε at target δ for the composition of PRV components, with lower/estimate/upper bounds (P7).
 * δ must be in [PRV_MIN_DELTA, 1) (`PrvDeltaOutOfRangeError` otherwise).
 * Results are cached per (components, δ, epsError, deltaError): a scenario's privacy never pays
 * twice for the same composition.
 */
export function prvEpsilonOfComponents(components: readonly PrvComponent[], delta: number, options: PrvOptions = {}): PrvEpsilon {
  requirePrvDelta(delta);
  const epsError = requirePositive("epsError", options.epsError ?? 0.01);
  const deltaError = requireInterval("deltaError", options.deltaError ?? delta / 1000, 0, delta, true, true);
  const active = components.filter((c) => c.count > 0);
  const base = { delta, accountant: "prv" as const, epsError, deltaError };
  if (active.length === 0) return { ...base, epsilon: 0, lower: 0, estimate: 0, upper: 0, gridPoints: 0, fftSize: 0, roundOff: 0 };
  const key = JSON.stringify([active, delta, epsError, deltaError, options.fftSlack ?? 0]);
  const cached = resultCache.get(key);
  if (cached) return cached;

  // Domain (P7 step 2): L bounds the composed PRV via RDP at δ_err/4, and each single step at δ_err/(8T).
  const totalCount = active.reduce((s, c) => s + c.count, 0);
  const whole = composed(active.map((c) => componentEvent(c, c.count)));
  let halfWidth = rdpEpsilonUnfloored(whole, deltaError / 4);
  for (const c of active) halfWidth = math.max(halfWidth, rdpEpsilonUnfloored(componentEvent(c, 1), deltaError / (8 * totalCount)));
  halfWidth = math.max(halfWidth, epsError) + 3;
  const errorPerMesh = math.sqrt((totalCount / 2) * math.log(12 / deltaError));
  let mesh = epsError / errorPerMesh;
  const pointsFor = (width: number, m: number) => {
    const points = math.round((math.ceil(width / m) * m - math.floor(-width / m) * m) / m) + 1;
    return points % 2 === 1 ? points + 1 : points;
  };
  const gridPoints = (m: number) => pointsFor(halfWidth, m);
  const maxGridPoints = options.maxGridPoints ?? 2 ** 24;
  // Too wide a domain (little noise) or too fine a mesh (many steps): say which, before any work.
  // The narrowest domain this accountant uses is ±(eps_error + 3); if the mesh fits on that, the
  // domain is the culprit. NaN (an RDP bound of NaN) counts as unbounded, never as small.
  const refuse = (points: number) => {
    const field = pointsFor(epsError + 3, mesh) <= maxGridPoints ? "noiseMultiplier" : "steps";
    return new PrvGridTooLargeError(points, maxGridPoints, epsError, { halfWidth: Number.isFinite(halfWidth) ? halfWidth : INFINITY, field });
  };
  if (!Number.isFinite(halfWidth)) throw refuse(INFINITY);
  let n = gridPoints(mesh);
  // A grid just past a power of two doubles the FFT. With `fftSlack`, widen the mesh (and with it
  // the ε error, which is proportional to it: Gopi et al. 2021, Thm. 5.5) by up to that fraction
  // so the grid fits the power of two below; the bounds then carry the wider error.
  const slack = options.fftSlack ?? 0;
  const below = nextPowerOfTwo(n) / 2;
  if (slack > 0 && n > below && n <= below * (1 + slack)) {
    let widened = mesh * (n / below);
    while (gridPoints(widened) > below && widened <= mesh * (1 + slack)) widened *= 1 + 1e-6;
    if (gridPoints(widened) <= below && widened <= mesh * (1 + slack)) {
      mesh = widened;
      n = gridPoints(mesh);
    }
  }
  const effectiveError = mesh === epsError / errorPerMesh ? epsError : mesh * errorPerMesh;
  const tMin = math.floor(-halfWidth / mesh) * mesh;
  if (!(n <= maxGridPoints)) throw refuse(n);

  const prv = compose(active, tMin, mesh, n);
  const read = epsilonReader(prv);
  // Round-off in the tail moves δ(ε) like a δ error: the bounds charge it (see epsilonReader),
  // and when it is a sizeable share of δ the reading is mostly noise: refuse.
  const high = read(delta - deltaError, 1);
  if (high.noise > (delta - deltaError) / ROUND_OFF_SHARE_LIMIT) {
    throw new PrvRoundOffError(delta, high.noise, `the FFT round-off of its ${n}-point grid is ~${formatSignificant(high.noise, 2)} of probability mass, more than δ/${ROUND_OFF_SHARE_LIMIT}, so the tail mass δ is read from is noise`);
  }
  const estimate = read(delta, 0).epsilon;
  const upper = high.epsilon + effectiveError;
  const lower = math.max(0, read(delta + deltaError, -1).epsilon - effectiveError);
  // lower ≤ true ε ≤ RDP's ε (improved conversion, a valid bound: Balle et al. 2020, Thm. 21): a
  // lower bound above RDP's proves round-off the measurement above cannot see (see PrvRoundOffError).
  const rdpBound = epsilonFromRdp(OPACUS_ORDERS, rdpCurve(whole, OPACUS_ORDERS).rdp, delta, "improved").epsilon;
  if (lower > rdpBound) {
    throw new PrvRoundOffError(delta, high.noise, `its ${n}-point grid gives a lower bound of ${formatSignificant(lower, 4)}, above RDP's valid upper bound ${formatSignificant(rdpBound, 4)}: round-off, multiplied by composing the steps, has reshaped the tail δ is read from`);
  }
  const result: PrvEpsilon = { ...base, epsError: effectiveError, epsilon: upper, lower, estimate, upper, gridPoints: n, fftSize: prv.pmf.length, roundOff: high.noise };
  if (resultCache.size >= RESULT_CACHE_LIMIT) resultCache.delete(resultCache.keys().next().value as string);
  resultCache.set(key, result);
  return result;
}

/**
 * ε at target δ for an event, by the PRV accountant. `epsilon` is the upper bound (the safe one).
 * Throws `UnsupportedEventError` for events without a PRV (withFailure, (ε, δ>0) steps,
 * subsampled non-Gaussian non-pure steps) and `PrvDeltaOutOfRangeError` for δ < PRV_MIN_DELTA.
 * A nonPrivate step gives ε = ∞.
 * @example prvEpsilon(selfComposed(1000, poissonSampled(0.01, gaussian(1))), 1e-5)
 *   // { lower ≈ 1.8181, estimate ≈ 1.8282, upper ≈ 1.8384 } (docs/derivations.md §9)
 */
export function prvEpsilon(event: DpEvent, delta: number, options: PrvOptions = {}): PrvEpsilon {
  requirePrvDelta(delta);
  const components = prvComponents(event);
  if (components === null) {
    const epsError = options.epsError ?? 0.01;
    return { epsilon: INFINITY, lower: INFINITY, estimate: INFINITY, upper: INFINITY, delta, accountant: "prv", epsError, deltaError: options.deltaError ?? delta / 1000, gridPoints: 0, fftSize: 0, roundOff: 0 };
  }
  return prvEpsilonOfComponents(components, delta, options);
}

/** Empties the PRV result cache (benchmarks use it to time cold runs). */
export function clearPrvCache(): void {
  resultCache.clear();
}
