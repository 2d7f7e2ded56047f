/**
 * The Rényi-DP accountant: a fold over the event algebra (./events.ts) that returns the RDP
 * curve r(α) on a grid of orders α, plus the conversions from RDP to (ε, δ).
 *
 * A mechanism is (α, r)-RDP when the Rényi divergence of order α between its output
 * distributions on neighbouring datasets is at most r (Mironov 2017, Def. 3). RDP composes by
 * addition at each order, so a T-fold composition has curve T·r(α); the (ε, δ) guarantee is the
 * best conversion over the grid. Formula labels P1–P6 refer to docs/derivations.md §1.
 */
import * as special from "./special-functions";
import {
  UnsupportedEventError, describeEvent, requireInterval,
  type DpEvent, type PoissonSampledEvent,
} from "./events";

// Module-level bindings of the globals used in hot loops. Inside a vm context (Jest's node
// environment, some server sandboxes) every lookup of a global such as Math goes through the
// context's global proxy: measured 30× slower for Math.exp. A module constant avoids that.
const math = Math;
const INFINITY = Infinity;
// The same for imported functions: compiled to CommonJS (tsx, Jest), every call of an imported
// name reads it through the exporting module's getter (measured ~9% of a P6 curve's time).
const { logAddExp, logCosh, logErfc, logSubExp } = special;

// ---------------------------------------------------------------------------------------------
// Order grids
// ---------------------------------------------------------------------------------------------

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

/** 1.1, 1.2, …, 10.9, built from integers so that 2.0, 3.0, … are exact integers. */
const FRACTIONAL_1_TO_11 = range(11, 109).map((k) => k / 10);

/**
 * The calculator's default grid {1.1, …, 10.9} ∪ {11, …, 256} (docs/derivations.md §1 P2, an
 * assumption of ours): Opacus's grid stops at 63, which overstates ε ~2× in DP-ICL's tiny-q,
 * large-σ regime (0.104 vs 0.045), and integer-only grids overstate large ε (12.42 vs 10.45).
 */
export const DEFAULT_ORDERS: readonly number[] = Object.freeze([...FRACTIONAL_1_TO_11, ...range(11, 256)]);

/** Opacus's `DEFAULT_ALPHAS` {1.1, …, 10.9} ∪ {12, …, 63}; also private_transformers' and prv_accountant's RDP grid. */
export const OPACUS_ORDERS: readonly number[] = Object.freeze([...FRACTIONAL_1_TO_11, ...range(12, 63)]);

/** autodp's integer orders 2…199 (`range(1, 200)`, α = 1 giving ∞), used by DP-OPT and the DP-ICL notebook. */
export const AUTODP_ORDERS: readonly number[] = Object.freeze(range(2, 199));

/**
 * The PATE utilities' grid (PromptPATE `privacy_utils.py`): 2, 2.5, …, 99.5 plus 200 orders
 * log-spaced from 100 to 1000 (`np.logspace(2, 3, 200)`).
 */
export const PATE_ORDERS: readonly number[] = Object.freeze([
  ...range(4, 199).map((k) => k / 2),
  ...range(0, 199).map((k) => 10 ** (2 + k / 199)),
]);

export const ORDER_GRIDS = { default: DEFAULT_ORDERS, opacus: OPACUS_ORDERS, autodp: AUTODP_ORDERS, pate: PATE_ORDERS } as const;
export type OrderGridId = keyof typeof ORDER_GRIDS;

// ---------------------------------------------------------------------------------------------
// Closed forms of single mechanisms
// ---------------------------------------------------------------------------------------------

/**
 * P1. RDP of the Gaussian mechanism with noise multiplier σ (std ÷ L2 sensitivity):
 * r(α) = α / (2σ²) (Mironov 2017, Prop. 7). Unitless (nats).
 * @example rdpGaussian(1, 2) === 1
 */
export function rdpGaussian(noiseMultiplier: number, order: number): number {
  return order / (2 * noiseMultiplier * noiseMultiplier);
}

/**
 * The log-binomial coefficients of one integer order, as the sums below accumulate them: a table
 * per order, filled once by the very same sequence of additions, so every later sum reads
 * bit-for-bit the values it used to compute (a logarithm per term saved: P6 on autodp's orders
 * 2…199 adds ~20,000 terms per curve, and DP-OPT's searches build dozens of curves per estimate).
 * Only orders up to BINOMIAL_TABLE_MAX_ORDER are kept (≤ 0.5 MB for all of them); the doubling
 * grids of autodp-classic (up to 8192) compute larger rows afresh.
 */
const BINOMIAL_TABLE_MAX_ORDER = 256;
const fromZeroRows = new Map<number, Float64Array>();
const fromTwoRows = new Map<number, Float64Array>();

/** row[j] = log C(α, j) for j = 0 … α: 0, then += log((α − j)/(j + 1)) (P2's integer sum). */
function logBinomialsFromZero(order: number): Float64Array {
  const cached = fromZeroRows.get(order);
  if (cached) return cached;
  const row = new Float64Array(order + 1);
  let logBinomial = 0;
  for (let j = 0; j <= order; j++) {
    row[j] = logBinomial;
    logBinomial += math.log((order - j) / (j + 1));
  }
  if (order <= BINOMIAL_TABLE_MAX_ORDER) fromZeroRows.set(order, row);
  return row;
}

/** row[j] = log C(α, j) for j = 2 … α: log(α(α − 1)/2), then += log((α − j + 1)/j) (P6's sum). */
function logBinomialsFromTwo(order: number): Float64Array {
  const cached = fromTwoRows.get(order);
  if (cached) return cached;
  const row = new Float64Array(order + 1);
  let logBinomial = math.log((order * (order - 1)) / 2);
  row[2] = logBinomial;
  for (let j = 3; j <= order; j++) {
    logBinomial += math.log((order - j + 1) / j);
    row[j] = logBinomial;
  }
  if (order <= BINOMIAL_TABLE_MAX_ORDER) fromTwoRows.set(order, row);
  return row;
}

/**
 * P2, integer α ≥ 2: log A_α with
 * A_α = Σ_{j=0..α} C(α,j) q^j (1−q)^(α−j) exp((j² − j)/(2σ²)) (Mironov, Talwar & Zhang 2019, §3.3).
 * Summed in log space: the terms span hundreds of orders of magnitude.
 */
function logAInteger(samplingRate: number, noiseMultiplier: number, order: number): number {
  const logQ = math.log(samplingRate);
  const logOneMinusQ = math.log1p(-samplingRate);
  const inverseTwoVariance = 1 / (2 * noiseMultiplier * noiseMultiplier);
  // Two passes, one exp per term: find the largest log-term, then sum e^(term − max).
  const terms = integerTerms.length > order ? integerTerms : (integerTerms = new Float64Array(2 * order + 2));
  // log C(α, j), from log C(α, 0) = 0 by the ratio C(α, j+1)/C(α, j) = (α − j)/(j + 1).
  const logBinomial = logBinomialsFromZero(order);
  let max = -INFINITY;
  for (let j = 0; j <= order; j++) {
    const term = logBinomial[j]! + j * logQ + (order - j) * logOneMinusQ + (j * j - j) * inverseTwoVariance;
    terms[j] = term;
    if (term > max) max = term;
  }
  if (max === INFINITY) return INFINITY;
  let sum = 0;
  for (let j = 0; j <= order; j++) sum += math.exp(terms[j]! - max);
  return max + math.log(sum);
}
let integerTerms = new Float64Array(520);

/**
 * P2, fractional α: the two-sided erfc series of Mironov, Talwar & Zhang 2019 (§3.3, as in
 * TF-Privacy and Opacus `_compute_log_a_frac`). With z0 = σ² log(1/q − 1) + ½ and generalised
 * binomial coefficients C(α, i), terms of alternating sign are added or subtracted in log space
 * until both are below e^−30.
 *
 * Returns NaN when the series cannot be evaluated in double precision: each term is a product
 * e^{(i² − i)/(2σ²)}·erfc(…) whose two factors leave the double range separately (σ below ~1e-154:
 * 1/(2σ²) overflows and ∞ − ∞ appears; σ above ~1e154: σ² overflows). The old loop took such a
 * term as a rounding tie, reset the partial sum to "≈ 0" and returned r(α) = 0 — ε = 0.93 for
 * σ = 1e-154, whose true ε is beyond 1e308. The caller then uses a bound that holds everywhere.
 */
function logAFractional(samplingRate: number, noiseMultiplier: number, order: number): number {
  const logQ = math.log(samplingRate);
  const logOneMinusQ = math.log1p(-samplingRate);
  const variance = noiseMultiplier * noiseMultiplier;
  if (!(variance > 0 && variance < INFINITY)) return NaN;
  const z0 = variance * math.log(1 / samplingRate - 1) + 0.5;
  const scale = math.SQRT2 * noiseMultiplier;
  let logA0 = -INFINITY;
  let logA1 = -INFINITY;
  let logAbsBinomial = 0;
  let binomialPositive = true;
  for (let i = 0; i < 100000; i++) {
    const j = order - i;
    const logT0 = logAbsBinomial + i * logQ + j * logOneMinusQ;
    const logT1 = logAbsBinomial + j * logQ + i * logOneMinusQ;
    const logE0 = math.log(0.5) + logErfc((i - z0) / scale);
    const logE1 = math.log(0.5) + logErfc((z0 - j) / scale);
    const logS0 = logT0 + (i * i - i) / (2 * variance) + logE0;
    const logS1 = logT1 + (j * j - j) / (2 * variance) + logE1;
    // A term that is NaN (∞ − ∞) or +∞ has left the double range: the sum is not computable here.
    if (!(logS0 < INFINITY && logS1 < INFINITY)) return NaN;
    if (binomialPositive) {
      logA0 = logAddExp(logA0, logS0);
      logA1 = logAddExp(logA1, logS1);
    } else {
      // The partial sums stay positive in exact arithmetic; a rounding tie means "≈ 0".
      logA0 = logS0 < logA0 ? logSubExp(logA0, logS0) : -INFINITY;
      logA1 = logS1 < logA1 ? logSubExp(logA1, logS1) : -INFINITY;
    }
    if (math.max(logS0, logS1) < -30) break;
    const ratio = (order - i) / (i + 1);
    if (ratio < 0) binomialPositive = !binomialPositive;
    logAbsBinomial += math.log(math.abs(ratio));
  }
  return logAddExp(logA0, logA1);
}

/**
 * P2. RDP of one step of the Poisson-subsampled Gaussian mechanism (SGM) at order α > 1:
 * r(α) = log(A_α)/(α − 1), exact at integer and fractional orders
 * (Mironov, Talwar & Zhang 2019, Thm. 9 and §3.3; equals Opacus `_compute_rdp`).
 *
 * Capped by the un-subsampled Gaussian's α/(2σ²) (P1): Poisson subsampling mixes the output
 * distributions, and the Rényi divergence is jointly quasi-convex (van Erven & Harremoës 2014,
 * Thm. 13), so subsampling never raises it. Where the series cannot be evaluated in double
 * precision (σ below ~1e-154 or above ~1e154, see `logAFractional`) that cap is the answer: an
 * upper bound, never a silent 0 or NaN. Within the range the cap changes nothing but round-off.
 * Never NaN; +∞ when α/(2σ²) overflows (σ = 1e-155: the true r(α) exceeds 1e308 too).
 * @param samplingRate q in [0, 1]. @param noiseMultiplier σ > 0. @param order α > 1.
 * @example rdpSubsampledGaussian(0.01, 1, 2) ≈ 1.7181342e-4 // docs/derivations.md §9
 * @example rdpSubsampledGaussian(0.01, 1e-154, 9.9) // 4.95e308 overflows: +∞ (the old series said 0)
 */
export function rdpSubsampledGaussian(samplingRate: number, noiseMultiplier: number, order: number): number {
  if (samplingRate === 0) return 0;
  if (samplingRate === 1) return rdpGaussian(noiseMultiplier, order);
  if (order === INFINITY) return INFINITY;
  const logA = Number.isInteger(order)
    ? logAInteger(samplingRate, noiseMultiplier, order)
    : logAFractional(samplingRate, noiseMultiplier, order);
  const cap = rdpGaussian(noiseMultiplier, order);
  const r = logA / (order - 1);
  if (Number.isNaN(r)) return cap;
  return math.max(0, math.min(r, cap));
}

/**
 * One-step subsampled-Gaussian RDP r(α) for a fixed (q, σ), memoised per order. An order's value
 * is the same math whichever search asks for it: the σ searches of several methods visit the same
 * (q, σ) (every search starts at σ = 1 and walks in factors of 2; methods with the same sampling
 * plan repeat the whole search), and a scenario's figures are recomputed with the same events.
 * Bounded: the (q, σ) pairs least recently added are forgotten first.
 */
const sgmMemo = new Map<string, Map<number, number>>();
const SGM_MEMO_LIMIT = 2048;

export function memoisedRdpSubsampledGaussian(samplingRate: number, noiseMultiplier: number): (order: number) => number {
  const key = `${samplingRate}:${noiseMultiplier}`;
  let byOrder = sgmMemo.get(key);
  if (!byOrder) {
    if (sgmMemo.size >= SGM_MEMO_LIMIT) sgmMemo.delete(sgmMemo.keys().next().value as string);
    byOrder = new Map();
    sgmMemo.set(key, byOrder);
  }
  const memo = byOrder;
  return (order) => {
    let r = memo.get(order);
    if (r === undefined) {
      r = rdpSubsampledGaussian(samplingRate, noiseMultiplier, order);
      memo.set(order, r);
    }
    return r;
  };
}

/**
 * P5. RDP of an ε-DP selection (exponential mechanism, Gumbel-max): the RDP of ε-randomized
 * response, which dominates every ε-DP mechanism, capped by the zCDP bound αε²/2
 * (Bun & Steinke 2016, Prop. 3.3). In the overflow-safe form
 * r(α) = min(αε²/2, [log cosh((α−½)ε) − log cosh(ε/2)] / (α − 1)),
 * identical to autodp `RDP_EM`'s (sinh(αε) − sinh((α−1)ε))/sinh ε. At α = ∞ the value is ε.
 * @example rdpExponential(1, 10) ≈ 0.96519315 // docs/derivations.md §9
 */
export function rdpExponential(epsilon: number, order: number): number {
  if (epsilon === 0) return 0;
  if (order === INFINITY) return epsilon;
  const zcdp = (order * epsilon * epsilon) / 2;
  const randomizedResponse = (logCosh((order - 0.5) * epsilon) - logCosh(epsilon / 2)) / (order - 1);
  return math.min(zcdp, randomizedResponse);
}

/**
 * P6. autodp's general upper bound for Poisson subsampling of a mechanism with RDP f
 * (Zhu & Wang 2019, as coded in autodp `compose_poisson_subsampled_mechanisms1`), integer α ≥ 2:
 *
 *   (α−1)·r'(α) = log[ (1−q)^(α−1)(1 + (α−1)q) + C(α,2) q² (1−q)^(α−2) e^{f(2)}
 *                      + Σ_{j=3..α} C(α,j) q^j (1−q)^(α−j) e^{j·f(j+1)} ],
 *   r'(α) ← min(r'(α), log(1 + q(e^{f(∞)} − 1)))  when f(∞) is finite.
 *
 * The exponent j·f(j+1) (the CGF at order j+1) is what autodp codes; it is larger than
 * (j−1)·f(j), so it errs on the safe side and reproduces the published numbers.
 * Fractional orders are not covered by this bound: they return ∞ (a valid, useless bound).
 *
 * @param baseAtInteger f at integer orders, indexed by order (entries 2 … α+1 are read).
 * @param basePureEpsilon f(∞), the base mechanism's pure-DP ε (∞ for a Gaussian).
 */
export function rdpPoissonGeneral(samplingRate: number, baseAtInteger: ArrayLike<number>, basePureEpsilon: number, order: number): number {
  if (!Number.isInteger(order) || order < 2) return INFINITY;
  const q = samplingRate;
  if (q === 0) return 0;
  const logQ = math.log(q);
  const logOneMinusQ = math.log1p(-q);
  let logSum = (order - 1) * logOneMinusQ + math.log1p((order - 1) * q);
  const f2 = baseAtInteger[2] ?? INFINITY;
  const logBinomial = logBinomialsFromTwo(order); // log C(α, j), j ≥ 2
  logSum = logAddExp(logSum, logBinomial[2]! + 2 * logQ + (order - 2) * logOneMinusQ + f2);
  for (let j = 3; j <= order; j++) {
    const f = baseAtInteger[j + 1] ?? INFINITY;
    logSum = logAddExp(logSum, logBinomial[j]! + j * logQ + (order - j) * logOneMinusQ + j * f);
  }
  let value = logSum / (order - 1);
  if (Number.isFinite(basePureEpsilon)) value = math.min(value, math.log1p(q * math.expm1(basePureEpsilon)));
  return math.max(0, value);
}

// ---------------------------------------------------------------------------------------------
// The fold
// ---------------------------------------------------------------------------------------------

/** The RDP accountant's view of an event: its curve on the orders, plus the failure probability δ0 it carries. */
export interface RdpCurve {
  orders: readonly number[];
  /** r(α) at each order, ≥ 0, possibly +∞ (never NaN). */
  rdp: number[];
  /** Probability that the RDP statement fails (withFailure events), to be added to δ. */
  failureDelta: number;
}

/**
 * The pure-DP ε an event is known to satisfy (∞ when none), i.e. its RDP at α = ∞.
 * Used by P6's cap and by pure-DP amplification log(1 + q(e^ε − 1)) (Balle et al. 2018, Thm. 8).
 */
export function pureEpsilonOf(event: DpEvent): number {
  switch (event.kind) {
    case "noOp":
      return 0;
    case "nonPrivate":
    case "gaussian":
    case "gnmax":
      return INFINITY;
    case "exponential":
      return event.epsilon;
    case "epsilonDelta":
      return event.delta === 0 ? event.epsilon : INFINITY;
    case "poissonSampled": {
      const inner = pureEpsilonOf(event.event);
      return Number.isFinite(inner) ? math.log1p(event.samplingRate * math.expm1(inner)) : INFINITY;
    }
    case "selfComposed":
      return event.count === 0 ? 0 : event.count * pureEpsilonOf(event.event);
    case "composed":
      return event.events.reduce((sum, e) => sum + pureEpsilonOf(e), 0);
    case "withFailure":
      return pureEpsilonOf(event.event);
  }
}

/**
 * Total failure probability an event carries (union bound): δ0 per withFailure, q·δ_inner under
 * Poisson subsampling, count·δ_inner under self-composition. This is the sound charge: a
 * failure can happen at every step, so a T-fold composition pays T·q·δ0 (docs/derivations.md §3 (i)).
 */
export function failureProbabilityOf(event: DpEvent): number {
  switch (event.kind) {
    case "noOp":
    case "nonPrivate":
    case "gaussian":
    case "gnmax":
    case "exponential":
    case "epsilonDelta":
      return 0;
    case "poissonSampled":
      return event.samplingRate * failureProbabilityOf(event.event);
    case "selfComposed":
      return event.count === 0 ? 0 : event.count * failureProbabilityOf(event.event);
    case "composed":
      return event.events.reduce((sum, e) => sum + failureProbabilityOf(e), 0);
    case "withFailure":
      return math.min(1, event.failureProbability + failureProbabilityOf(event.event));
  }
}

/** The Gaussian noise multiplier (sensitivity 1) of an event that is exactly a Gaussian, else null. */
function gaussianMultiplierOf(event: DpEvent): number | null {
  if (event.kind === "gaussian") return event.noiseMultiplier;
  if (event.kind === "gnmax") return event.noiseMultiplier / math.SQRT2;
  return null;
}

/** count × value with 0 × ∞ = 0 (zero repetitions of anything cost nothing). */
function times(count: number, value: number): number {
  return count === 0 ? 0 : count * value;
}

function curveOf(event: DpEvent, orders: readonly number[]): number[] {
  switch (event.kind) {
    case "noOp":
      return orders.map(() => 0);
    case "nonPrivate":
      return orders.map(() => INFINITY);
    case "gaussian":
      return orders.map((a) => rdpGaussian(event.noiseMultiplier, a));
    case "gnmax":
      // Sensitivity √2: α·2/(2σ²) = α/σ² (P1).
      return orders.map((a) => a / (event.noiseMultiplier * event.noiseMultiplier));
    case "exponential":
      return exponentialCurve(event.epsilon, orders);
    case "epsilonDelta":
      if (event.delta > 0) {
        throw new UnsupportedEventError("rdp", describeEvent(event), "an (ε, δ)-DP step with δ > 0 has no RDP curve; use withFailure(δ, exponential(ε)) if its guarantee is pure DP except with probability δ");
      }
      return exponentialCurve(event.epsilon, orders);
    case "poissonSampled":
      return poissonCurve(event, orders);
    case "selfComposed": {
      const inner = curveOf(event.event, orders);
      return inner.map((r) => times(event.count, r));
    }
    case "composed": {
      const total = orders.map(() => 0);
      for (const e of event.events) {
        const c = curveOf(e, orders);
        for (let i = 0; i < total.length; i++) total[i]! += c[i]!;
      }
      return total;
    }
    case "withFailure":
      // The RDP statement is conditional on the good event; δ0 is carried by failureProbabilityOf.
      return curveOf(event.event, orders);
  }
}

/**
 * Curves of the expensive leaves of the fold, cached per order grid and event: subsampled curves
 * (P2 sums, P6 double sums) and exponential-mechanism curves (two log-cosh per order, P5).
 * Searches re-evaluate the same step for many counts and a scenario asks for the same events
 * again; events are immutable and the same event gives the same curve. Only frozen grids are
 * cached (a caller's own array could change under the key). Cached arrays are never mutated:
 * the fold only reads its children's curves, and `rdpCurve` hands out copies.
 */
let curveCache = new WeakMap<readonly number[], Map<string, number[]>>();
const CURVE_CACHE_LIMIT = 256;

function cachedCurve(orders: readonly number[], key: string, compute: () => number[]): number[] {
  if (!Object.isFrozen(orders)) return compute();
  let byEvent = curveCache.get(orders);
  if (!byEvent) {
    byEvent = new Map();
    curveCache.set(orders, byEvent);
  }
  const hit = byEvent.get(key);
  if (hit) return hit;
  const curve = compute();
  if (byEvent.size >= CURVE_CACHE_LIMIT) byEvent.delete(byEvent.keys().next().value as string);
  byEvent.set(key, curve);
  return curve;
}

function exponentialCurve(epsilon: number, orders: readonly number[]): number[] {
  return cachedCurve(orders, `exponential:${epsilon}`, () => orders.map((a) => rdpExponential(epsilon, a)));
}

function poissonCurve(event: PoissonSampledEvent, orders: readonly number[]): number[] {
  return cachedCurve(orders, JSON.stringify(event), () => computePoissonCurve(event, orders));
}

function computePoissonCurve(event: PoissonSampledEvent, orders: readonly number[]): number[] {
  const q = event.samplingRate;
  if (q === 0) return orders.map(() => 0);
  const sigma = gaussianMultiplierOf(event.event);
  if (sigma !== null) return orders.map((a) => rdpSubsampledGaussian(q, sigma, a));
  if (q === 1) return curveOf(event.event, orders);
  // General mechanism: P6 at integer orders. A failure probability δ_in inside changes the
  // effective rate to q' = q(1 − δ_in)/(1 − q·δ_in) (Zhu & Wang 2019; DP-OPT dp_accountant.py).
  const innerFailure = failureProbabilityOf(event.event);
  const effectiveRate = innerFailure > 0 ? (q * (1 - innerFailure)) / (1 - q * innerFailure) : q;
  const maxInteger = orders.reduce((m, a) => (Number.isInteger(a) ? math.max(m, a) : m), 1);
  const integerOrders = range(0, maxInteger + 1).map((a) => math.max(a, 1.5)); // 0, 1 unused; keep α > 1
  const base = curveOf(event.event, integerOrders);
  const pure = pureEpsilonOf(event.event);
  return orders.map((a) => rdpPoissonGeneral(effectiveRate, base, pure, a));
}

/**
 * Frozen order grids already checked (the named grids, and any frozen array a caller reuses): a
 * frozen array cannot change, so checking its 345 orders again on every call (with a field name
 * built for each) is wasted work. Unfrozen arrays are checked on every call.
 */
const checkedGrids = new WeakSet<readonly number[]>();

function requireOrders(orders: readonly number[]): void {
  if (checkedGrids.has(orders)) return;
  orders.forEach((a, i) => requireInterval(`orders[${i}]`, a, 1, INFINITY, true, true));
  if (Object.isFrozen(orders)) checkedGrids.add(orders);
}

/**
 * Fold an event into its RDP curve on the given orders (default grid unless told).
 * Throws `UnsupportedEventError` for an event the RDP accountant cannot bound.
 * @example rdpCurve(selfComposed(1000, poissonSampled(0.01, gaussian(1)))).rdp
 */
export function rdpCurve(event: DpEvent, orders: readonly number[] = DEFAULT_ORDERS): RdpCurve {
  if (orders.length === 0) throw new RangeError("orders must not be empty");
  requireOrders(orders);
  // A copy: the fold may hand back cached arrays, which must never be mutated.
  return { orders, rdp: [...curveOf(event, orders)], failureDelta: failureProbabilityOf(event) };
}

// ---------------------------------------------------------------------------------------------
// RDP → (ε, δ)
// ---------------------------------------------------------------------------------------------

/**
 * - `improved`: ε = min_α R(α) + log(1 − 1/α) − (log δ + log α)/(α − 1), floored at 0
 *   (Balle et al. 2020, Thm. 21; Canonne, Kamath & Steinke 2020). Opacus, PATE, private_transformers.
 * - `classic`: ε = min_α R(α) + log(1/δ)/(α − 1) (Mironov 2017, Prop. 3).
 * - `autodp-classic`: P4, autodp `anaRDPacct.get_eps`: the classic conversion over integer orders
 *   2, 3, … (the grid grows until the optimum is interior). Between integers autodp interpolates the
 *   CGF linearly, which makes the objective monotone on each segment, so its optimum is an integer.
 */
export type RdpConversion = "improved" | "classic" | "autodp-classic";

export interface RdpEpsilon {
  epsilon: number;
  delta: number;
  /** The order α at which the minimum is attained (null when ε is ∞, or when the pure-DP bound at α = ∞ is smaller). */
  order: number | null;
  conversion: RdpConversion;
  /** The accountant's label: "rdp" (improved), "rdp-classic" or "rdp-autodp-classic". */
  accountant: "rdp" | "rdp-classic" | "rdp-autodp-classic";
  /** Failure probability charged on top of the conversion's δ (withFailure events). */
  failureDelta: number;
}

export const CONVERSION_ACCOUNTANT = { improved: "rdp", classic: "rdp-classic", "autodp-classic": "rdp-autodp-classic" } as const;

function conversionTerm(conversion: RdpConversion, order: number, logDelta: number): number {
  if (conversion === "improved") return math.log1p(-1 / order) - (logDelta + math.log(order)) / (order - 1);
  return -logDelta / (order - 1);
}

/**
 * The conversion term of every order of a grid at one δ (P3: ε(α) = R(α) + term(α, δ)). It does
 * not depend on the event, and searches convert many curves at the same δ (a budget search: one
 * per count tried; a parameter search: one per value), so frozen grids keep their terms per
 * (conversion, δ): three logarithms per order saved on every later conversion, same arithmetic.
 */
const termCache = new WeakMap<readonly number[], Map<string, Float64Array>>();
const TERM_CACHE_LIMIT = 64;

export function conversionTerms(orders: readonly number[], delta: number, conversion: RdpConversion): Float64Array {
  const compute = () => {
    const logDelta = math.log(delta);
    const terms = new Float64Array(orders.length);
    for (let i = 0; i < orders.length; i++) terms[i] = conversionTerm(conversion, orders[i]!, logDelta);
    return terms;
  };
  if (!Object.isFrozen(orders)) return compute();
  let byDelta = termCache.get(orders);
  if (!byDelta) {
    byDelta = new Map();
    termCache.set(orders, byDelta);
  }
  const key = `${conversion}:${delta}`;
  let terms = byDelta.get(key);
  if (!terms) {
    if (byDelta.size >= TERM_CACHE_LIMIT) byDelta.delete(byDelta.keys().next().value as string);
    terms = compute();
    byDelta.set(key, terms);
  }
  return terms;
}

/**
 * Best (ε, order) over a curve for a target δ in (0, 1) (P3). ε is +∞ when no order is finite.
 * @example epsilonFromRdp([2], [0.5], 1e-5, "classic").epsilon ≈ 0.5 + math.log(1e5)
 */
export function epsilonFromRdp(orders: readonly number[], rdp: readonly number[], delta: number, conversion: RdpConversion = "improved"): { epsilon: number; order: number | null } {
  return epsilonFromScaledRdp(orders, rdp, 1, delta, conversion);
}

/**
 * Best (ε, order) for the curve count·r(α) without materialising it (a T-fold composition of a
 * step with curve r: RDP adds up, Mironov 2017, Prop. 1), with 0·r = 0 for orders where r = 0.
 * Used by budget searches that try many counts for one step.
 */
export function epsilonFromScaledRdp(orders: readonly number[], rdp: readonly number[], count: number, delta: number, conversion: RdpConversion = "improved"): { epsilon: number; order: number | null } {
  requireInterval("delta", delta, 0, 1, true, true);
  const terms = conversionTerms(orders, delta, conversion);
  let best = INFINITY;
  let bestOrder: number | null = null;
  for (let i = 0; i < orders.length; i++) {
    const step = rdp[i]!;
    // NaN is no bound at all: an order whose RDP could not be computed says nothing, and
    // skipping it would let the other orders speak for a computation that failed. ε = ∞ then.
    if (Number.isNaN(step)) return { epsilon: INFINITY, order: null };
    const r = count === 1 || step === 0 ? step : count * step;
    if (!(r < INFINITY)) continue;
    const eps = r + terms[i]!;
    if (eps < best) {
      best = eps;
      bestOrder = orders[i]!;
    }
  }
  if (conversion === "improved" && best < 0) best = 0;
  return { epsilon: best, order: bestOrder };
}

/** P4: autodp's classic conversion over integer orders 2…m, m doubling while the optimum is at the end. */
const integerGrids = new Map<number, readonly number[]>();
function integerGrid(maxOrder: number): readonly number[] {
  let grid = integerGrids.get(maxOrder);
  if (!grid) {
    grid = Object.freeze(range(2, maxOrder));
    integerGrids.set(maxOrder, grid);
  }
  return grid;
}

/** The largest integer order autodp-classic's doubling grid reaches. */
export const AUTODP_CLASSIC_MAX_ORDER = 8192;

/**
 * (q, σ, T) when the event is T Poisson-subsampled Gaussian (or GNMax, σ/√2) steps, else null.
 * The one shape matcher of lib/privacy: the closed-form RDP here and the σ searches of
 * ./calibrate both recognise the subsampled Gaussian through it.
 */
export function subsampledGaussianShape(event: DpEvent): { q: number; sigma: number; count: number } | null {
  let count = 1;
  let e = event;
  if (e.kind === "selfComposed") {
    count = e.count;
    e = e.event;
  }
  let q = 1;
  if (e.kind === "poissonSampled") {
    q = e.samplingRate;
    e = e.event;
  }
  const sigma = gaussianMultiplierOf(e);
  if (sigma === null || count === 0 || q === 0) return null;
  return { q, sigma, count };
}

/** 1 − 1/φ ≈ 0.382, the golden section's inner fraction. */
const GOLDEN_INNER = (3 - math.sqrt(5)) / 2;

/**
 * The index in 0…last minimising f, for f unimodal on the indices, searched from `start` (the
 * previous optimum of a search, whose successive calls move it only a little):
 * 1. compare f at start − 1, start, start + 1: if neither neighbour is lower, start is the minimum;
 * 2. otherwise step downhill by 1, 2, 4, … indices until f rises, which brackets the minimum
 *    between two indices with a lower one inside: O(log distance) evaluations;
 * 3. golden-section the bracket on integer indices (Kiefer 1953) until it holds three indices.
 * The answer is a strict local minimum (both neighbours evaluated and larger), so for unimodal f
 * it is the global minimum and the first index attaining it. Returns −1 when two compared values
 * tie or one is NaN: a plateau (ε floored at 0, ε = ∞, rounded-off flat stretches) cannot tell
 * uphill from downhill, and the caller must then use a search that needs no strict descent.
 */
export function descendUnimodal(f: (i: number) => number, last: number, start: number): number {
  const value = (i: number) => (i < 0 || i > last ? INFINITY : f(i));
  const first = math.min(last, math.max(0, start));
  const middle = value(first);
  if (!Number.isFinite(middle)) return -1;
  const left = value(first - 1);
  const right = value(first + 1);
  if (Number.isNaN(left) || Number.isNaN(right) || left === middle || right === middle) return -1;
  if (left > middle && right > middle) return first;
  const direction = left < middle ? -1 : 1;
  // From here f(inner) < f(behind) and f(inner) < f(outer), with behind, inner, outer in the
  // direction of descent: the minimum lies strictly between behind and outer.
  let behind = first;
  let inner = first + direction;
  let innerValue = direction < 0 ? left : right;
  let outer: number;
  for (let step = 1; ; step *= 2) {
    const next = math.min(last, math.max(0, inner + direction * step));
    if (next === inner) {
      // Still descending at the end: the minimum lies between `behind` and the end; the index
      // past the end closes the bracket (as +∞, never evaluated).
      outer = inner + direction;
      break;
    }
    const nextValue = value(next);
    if (Number.isNaN(nextValue) || nextValue === innerValue) return -1;
    if (nextValue > innerValue) {
      outer = next;
      break;
    }
    behind = inner;
    inner = next;
    innerValue = nextValue;
  }
  // Golden section on the open bracket (lo, hi), whose best known index is `inner`: probe the
  // larger side of inner at the golden fraction of the bracket.
  let lo = math.min(behind, outer);
  let hi = math.max(behind, outer);
  while (hi - lo > 2) {
    const probe = inner - lo >= hi - inner
      ? math.min(inner - 1, math.max(lo + 1, math.round(inner - GOLDEN_INNER * (hi - lo))))
      : math.max(inner + 1, math.min(hi - 1, math.round(inner + GOLDEN_INNER * (hi - lo))));
    const probeValue = value(probe);
    if (Number.isNaN(probeValue) || probeValue === innerValue) return -1;
    if (probeValue < innerValue) {
      if (probe < inner) hi = inner;
      else lo = inner;
      inner = probe;
      innerValue = probeValue;
    } else if (probe < inner) lo = probe;
    else hi = probe;
  }
  return inner;
}

/**
 * Where autodp-classic's search for the optimal order starts. A caller that evaluates many
 * similar events (a σ search) passes one hint to all of them; the search leaves its optimum in
 * it. The result does not depend on the hint, only the work does.
 */
export interface OrderHint {
  order: number;
}

/** A typical optimal order: where a search without a hint starts. */
const AUTODP_CLASSIC_START = 8;

/**
 * autodp-classic for T subsampled-Gaussian steps without materialising curves on 2…8192.
 * Exact: ε(α) = ((α − 1)·R(α) + log(1/δ))/(α − 1) is the slope of the chord from (1, −log(1/δ)) to
 * the graph of the convex CGF (α − 1)·R(α) (log-moments are convex in α, by Hölder), hence
 * unimodal in α; and the doubling grid stops exactly at the first grid that holds the global
 * minimiser on 2…8192, so a search for the minimum over 2…8192 returns the same value. Tested
 * against the full grid.
 * - From the last optimum (`descendUnimodal`): a σ search moves the optimum little, so this costs
 *   a handful of orders near it, each O(α) (Σ ≈ 1.6·10⁵ terms per method before, mostly the
 *   golden section's first probes at α ≈ 3,000–5,000 for optima near 10).
 * - On a tie, a golden-section search over all of 2…8192: ~40 orders of O(α) work instead of
 *   Σα ≈ 3·10⁷ (measured 0.7 s per call when the optimum sits at the top, as it does for large σ
 *   or tiny δ). Ties (flat, rounded-off stretches) keep the lower half: the first minimiser.
 */
function autodpClassicSubsampledGaussian(shape: { q: number; sigma: number; count: number }, delta: number, hint?: OrderHint): { epsilon: number; order: number | null } {
  const logInverseDelta = -math.log(delta);
  const rdpAt = memoisedRdpSubsampledGaussian(shape.q, shape.sigma);
  const at = (a: number) => {
    const r = shape.count * rdpAt(a);
    const eps = r + logInverseDelta / (a - 1);
    return Number.isNaN(eps) ? INFINITY : eps;
  };
  const descended = descendUnimodal((i) => at(i + 2), AUTODP_CLASSIC_MAX_ORDER - 2, (hint?.order ?? AUTODP_CLASSIC_START) - 2);
  if (descended >= 0) {
    if (hint) hint.order = descended + 2;
    return { epsilon: at(descended + 2), order: descended + 2 };
  }
  let lo = 2;
  let hi = AUTODP_CLASSIC_MAX_ORDER;
  const phi = (math.sqrt(5) - 1) / 2;
  let x1 = math.round(hi - phi * (hi - lo));
  let x2 = math.round(lo + phi * (hi - lo));
  let f1 = at(x1);
  let f2 = at(x2);
  while (hi - lo > 4) {
    // Ties (flat, rounded-off stretches) keep the lower half: the minimiser's first occurrence.
    if (f1 <= f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = math.round(hi - phi * (hi - lo));
      if (x1 >= x2) x1 = x2 - 1;
      f1 = at(x1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = math.round(lo + phi * (hi - lo));
      if (x2 <= x1) x2 = x1 + 1;
      f2 = at(x2);
    }
  }
  let best = INFINITY;
  let bestOrder: number | null = null;
  for (let a = lo; a <= hi; a++) {
    const eps = at(a);
    if (eps < best) {
      best = eps;
      bestOrder = a;
    }
  }
  return { epsilon: best, order: bestOrder };
}

function autodpClassic(event: DpEvent, delta: number, hint?: OrderHint): { epsilon: number; order: number | null } {
  const shape = subsampledGaussianShape(event);
  if (shape) return autodpClassicSubsampledGaussian(shape, delta, hint);
  let maxOrder = 256;
  for (;;) {
    const orders = integerGrid(maxOrder);
    const curve = curveOf(event, orders);
    const result = epsilonFromRdp(orders, curve, delta, "classic");
    if (result.order === null || result.order < maxOrder || maxOrder >= AUTODP_CLASSIC_MAX_ORDER) return result;
    maxOrder *= 2;
  }
}

export interface RdpOptions {
  /** Order grid: a named grid or explicit orders (> 1). Default: DEFAULT_ORDERS. */
  orders?: OrderGridId | readonly number[];
  conversion?: RdpConversion;
}

export function resolveOrders(orders: RdpOptions["orders"]): readonly number[] {
  if (orders === undefined) return DEFAULT_ORDERS;
  if (typeof orders === "string") {
    const grid = ORDER_GRIDS[orders];
    if (!grid) throw new RangeError(`orders must be one of ${Object.keys(ORDER_GRIDS).join(", ")}; got ${orders}`);
    return grid;
  }
  return orders;
}

/**
 * ε at target δ for an event, by the RDP accountant. Failure probabilities (withFailure) are
 * charged first: the conversion runs at δ − δ_fail, and ε = ∞ when δ ≤ δ_fail.
 * @param delta target δ in (0, 1).
 * @param hint autodp-classic only: where the search for the optimal order starts, updated to the
 *   optimum found (see `OrderHint`); the value returned does not depend on it.
 * @example rdpEpsilon(selfComposed(1000, poissonSampled(0.01, gaussian(1))), 1e-5).epsilon ≈ 2.1014 // docs/derivations.md §9
 */
export function rdpEpsilon(event: DpEvent, delta: number, options: RdpOptions = {}, hint?: OrderHint): RdpEpsilon {
  requireInterval("delta", delta, 0, 1, true, true);
  const conversion = options.conversion ?? "improved";
  const failureDelta = failureProbabilityOf(event);
  const base = { delta, conversion, accountant: CONVERSION_ACCOUNTANT[conversion], failureDelta } as const;
  const remaining = delta - failureDelta;
  if (!(remaining > 0)) return { ...base, epsilon: INFINITY, order: null };
  // A finite grid cannot reach α = ∞, where the RDP is the pure-DP ε (0 for noOp): a pure
  // ε-DP mechanism is (ε, δ)-DP for every δ, so that bound applies too (α = ∞ is reported as null).
  const pure = pureEpsilonOf(event);
  const withPure = (r: { epsilon: number; order: number | null }) => (pure < r.epsilon ? { epsilon: pure, order: null } : r);
  if (conversion === "autodp-classic") return { ...base, ...withPure(autodpClassic(event, remaining, hint)) };
  const orders = resolveOrders(options.orders);
  requireOrders(orders);
  return { ...base, ...withPure(epsilonFromRdp(orders, curveOf(event, orders), remaining, conversion)) };
}

/**
 * Empties the RDP caches: the per-event leaf curves and the per-(q, σ) one-step values
 * (benchmarks use it to time the RDP work itself).
 */
export function clearRdpCache(): void {
  sgmMemo.clear();
  curveCache = new WeakMap();
}
