/**
 * Calibration: the inverse searches a calculator needs (docs/derivations.md §1 P8). Every privacy
 * map used here is monotone (ε falls as noise grows and rises with steps, sampling rate and
 * per-step ε), so each search brackets the answer, narrows the bracket, and returns the end
 * whose ε is ≤ the target — never the midpoint (Opacus `get_noise_multiplier`, dp_accounting
 * `mechanism_calibration.py`). Achieved ε ≤ target is a tested invariant.
 *
 * Continuous searches narrow the bracket with the Illinois variant of regula falsi on
 * log ε vs log x (Dowell & Jarratt 1971), falling back to bisection when a step would leave the
 * bracket: ε is smooth and nearly a power law in σ, so this takes ~6 accountant calls instead of
 * ~20, which matters when each call is a PRV composition.
 *
 * Nothing here is method-specific: the methods' recipes (PATE's GNMax calibration, DP-ICL's
 * query event, KSA+PTR, DP-OPT's token accountant) live in their files in lib/methods (issue #16).
 */
import {
  gaussian, poissonSampled, requireCount, requireInterval, requirePositive, selfComposed,
  type DpEvent,
} from "./events";
import { computeEpsilon, type AccountantSpec, type EpsilonResult } from "./accountant";
import { PrvGridTooLargeError, prvEpsilon, requirePrvDelta, type PrvEpsilon } from "./prv";
import {
  AUTODP_CLASSIC_MAX_ORDER, CONVERSION_ACCOUNTANT, conversionTerms, descendUnimodal, epsilonFromRdp, epsilonFromScaledRdp, memoisedRdpSubsampledGaussian, rdpCurve, rdpEpsilon,
  resolveOrders, subsampledGaussianShape, type OrderHint,
} from "./rdp";

// Module-level bindings of the globals used in hot loops. Inside a vm context (Jest's node
// environment, some server sandboxes) every lookup of a global such as Math goes through the
// context's global proxy: measured 30× slower for Math.exp. A module constant avoids that.
const math = Math;
const INFINITY = Infinity;

// ---------------------------------------------------------------------------------------------
// Generic monotone searches
// ---------------------------------------------------------------------------------------------

export interface ParameterSearch {
  /** ε as a function of the parameter. */
  evaluate: (parameter: number) => number;
  targetEpsilon: number;
  /** "decreasing": ε falls as the parameter grows (noise). "increasing": ε rises (per-step ε). */
  direction: "decreasing" | "increasing";
  /** Search range; the bracket grows by doubling/halving inside it. */
  minimum: number;
  maximum: number;
  /** A first guess (default: geometric middle of the range, clipped to [minimum, maximum]). */
  initial?: number;
  /** Stop when the bracket's relative width is below this (default 1e-4). */
  relativeTolerance?: number;
  /** Factor by which the bracket walks out from `initial` (default 2). */
  stepFactor?: number;
}

export interface ParameterSearchResult {
  /** The safe end of the final bracket (ε ≤ target); null when no parameter in range meets the target. */
  value: number | null;
  /** ε at `value` (or at the most private end of the range when infeasible). */
  epsilon: number;
  feasible: boolean;
  /** Accountant evaluations used. */
  evaluations: number;
}

/**
 * Bracket, then narrow, a monotone parameter ↦ ε map; returns the safe end.
 * @example searchParameter({ evaluate: (s) => 1 / s, targetEpsilon: 2, direction: "decreasing", minimum: 1e-3, maximum: 1e3 }).value // ≈ 0.5, with 1/value ≤ 2
 */
export function searchParameter(search: ParameterSearch): ParameterSearchResult {
  const { evaluate, targetEpsilon, direction, minimum, maximum } = search;
  requirePositive("targetEpsilon", targetEpsilon);
  requirePositive("minimum", minimum);
  if (!(maximum > minimum)) throw new RangeError(`maximum must be > minimum; got ${maximum}`);
  const tolerance = search.relativeTolerance ?? 1e-4;
  const factor = search.stepFactor ?? 2;
  if (!(factor > 1)) throw new RangeError(`stepFactor must be > 1; got ${factor}`);
  let evaluations = 0;
  const f = (x: number) => {
    evaluations++;
    const e = evaluate(x);
    return Number.isNaN(e) ? INFINITY : e;
  };
  // "safe" is the side where ε ≤ target: large x for decreasing maps, small x for increasing ones.
  const safeIsHigh = direction === "decreasing";
  let x = math.min(maximum, math.max(minimum, search.initial ?? math.sqrt(minimum * maximum)));
  let ex = f(x);
  let safe: number, safeEps: number, unsafe: number, unsafeEps: number;
  if (ex <= targetEpsilon) {
    safe = x;
    safeEps = ex;
    // Walk toward the unsafe side until ε exceeds the target.
    for (;;) {
      const next = safeIsHigh ? math.max(minimum, safe / factor) : math.min(maximum, safe * factor);
      if (next === safe) return { value: safe, epsilon: safeEps, feasible: true, evaluations };
      const e = f(next);
      if (e > targetEpsilon) {
        unsafe = next;
        unsafeEps = e;
        break;
      }
      safe = next;
      safeEps = e;
    }
  } else {
    unsafe = x;
    unsafeEps = ex;
    for (;;) {
      const next = safeIsHigh ? math.min(maximum, unsafe * factor) : math.max(minimum, unsafe / factor);
      if (next === unsafe) return { value: null, epsilon: unsafeEps, feasible: false, evaluations };
      const e = f(next);
      if (e <= targetEpsilon) {
        safe = next;
        safeEps = e;
        break;
      }
      unsafe = next;
      unsafeEps = e;
    }
  }
  // Illinois regula falsi on g(u) = log ε − log target with u = log x; bisection when g is not finite.
  const g = (eps: number) => math.log(eps) - math.log(targetEpsilon);
  let gSafe = g(safeEps);
  let gUnsafe = g(unsafeEps);
  let side = 0;
  for (let iteration = 0; iteration < 200; iteration++) {
    if (math.abs(safe - unsafe) <= tolerance * math.min(safe, unsafe)) break;
    const uSafe = math.log(safe);
    const uUnsafe = math.log(unsafe);
    let u: number;
    if (Number.isFinite(gSafe) && Number.isFinite(gUnsafe) && gUnsafe !== gSafe) {
      u = uSafe - (gSafe * (uUnsafe - uSafe)) / (gUnsafe - gSafe);
      // Aim half a tolerance past the estimated root, toward the unsafe end: when the estimate is
      // good, the bracket then closes from both sides in one step instead of creeping from one.
      u += math.sign(uUnsafe - uSafe) * 0.5 * math.log1p(tolerance);
      const lo = math.min(uSafe, uUnsafe);
      const hi = math.max(uSafe, uUnsafe);
      // An estimate at (or past) an end means the root is within a tolerance of it: probe just
      // inside that end, so a good estimate closes the bracket next step. Bisecting instead (as
      // this did before) threw the estimate away and left Illinois creeping from the far side.
      const margin = math.min(0.5 * math.log1p(tolerance), 0.25 * (hi - lo));
      if (Number.isNaN(u)) u = (uSafe + uUnsafe) / 2;
      else u = math.min(hi - margin, math.max(lo + margin, u));
    } else {
      u = (uSafe + uUnsafe) / 2;
    }
    x = math.exp(u);
    ex = f(x);
    if (ex <= targetEpsilon) {
      safe = x;
      safeEps = ex;
      gSafe = g(ex);
      if (side === -1) gUnsafe /= 2;
      side = -1;
    } else {
      unsafe = x;
      unsafeEps = ex;
      gUnsafe = g(ex);
      if (side === 1) gSafe /= 2;
      side = 1;
    }
  }
  return { value: safe, epsilon: safeEps, feasible: true, evaluations };
}

/**
 * The largest integer n in [0, maximum] with ok(n), for a predicate that is true up to some n*
 * and false after (monotone). Doubling, then bisection on integers; exact.
 * @example largestInteger((n) => n * n <= 50, 1e6) === 7
 */
export function largestInteger(ok: (n: number) => boolean, maximum: number = Number.MAX_SAFE_INTEGER): number {
  requireCount("maximum", maximum);
  if (maximum === 0 || !ok(1)) return 0;
  let good = 1;
  let bad = -1;
  while (bad < 0) {
    const next = math.min(maximum, good * 2);
    if (next === good) return good;
    if (ok(next)) good = next;
    else bad = next;
  }
  while (bad - good > 1) {
    const mid = math.floor((good + bad) / 2);
    if (ok(mid)) good = mid;
    else bad = mid;
  }
  return good;
}

/**
 * The largest integer n in [0, maximum] with ε(n) ≤ target, for ε non-decreasing in n: the same
 * answer as `largestInteger((n) => ε(n) <= target, maximum)` (for a monotone map the answer is
 * unique, whichever points a search visits), found from the values instead of only the verdicts.
 * ε of an n-fold composition is close to a power of n (RDP adds up: T·r(α), Mironov 2017), so
 * - the bracket grows to twice the n the power law through the last two points predicts, instead
 *   of doubling from 1 (~log₂ n* evaluations);
 * - it narrows by Illinois regula falsi on log ε vs log n (Dowell & Jarratt 1971), each probe
 *   rounded to an integer strictly inside the bracket, instead of bisecting (another ~log₂ n*).
 * Where ε is 0 or ∞ at an end (no slope to fit) the step bisects. A handful of evaluations where
 * doubling and bisection took ~40 for n* ≈ 10⁶, which matters when each is a P6 curve (~0.3 ms).
 * @example largestIntegerAtMost((n) => Math.sqrt(n), 7, 1e6) === 49
 */
export function largestIntegerAtMost(epsilonOf: (n: number) => number, target: number, maximum: number = Number.MAX_SAFE_INTEGER): number {
  requireCount("maximum", maximum);
  const f = (n: number) => {
    const e = epsilonOf(n);
    return Number.isNaN(e) ? INFINITY : e;
  };
  if (maximum === 0) return 0;
  let good = 1;
  let goodEps = f(1);
  if (!(goodEps <= target)) return 0;
  // Grow: twice the power-law prediction through the last two good points (at least doubling).
  let previous = 0;
  let previousEps = 0;
  let bad = -1;
  let badEps = INFINITY;
  while (bad < 0) {
    let next = good * 2;
    if (previous > 0 && previousEps > 0 && goodEps > previousEps && goodEps < INFINITY) {
      const power = math.log(goodEps / previousEps) / math.log(good / previous);
      const predicted = good * math.exp(math.log(target / goodEps) / power);
      if (predicted < maximum) next = math.max(next, math.ceil(2 * predicted));
      else next = maximum;
    }
    next = math.min(maximum, next);
    if (next === good) return good;
    const e = f(next);
    if (e <= target) {
      previous = good;
      previousEps = goodEps;
      good = next;
      goodEps = e;
    } else {
      bad = next;
      badEps = e;
    }
  }
  // Narrow: Illinois on g(u) = log ε − log target, u = log n; gGood ≤ 0 < gBad.
  const logTarget = math.log(target);
  let gGood = math.log(goodEps) - logTarget;
  let gBad = math.log(badEps) - logTarget;
  let side = 0;
  while (bad - good > 1) {
    let probe: number;
    if (Number.isFinite(gGood) && Number.isFinite(gBad) && gBad > gGood) {
      const uGood = math.log(good);
      const uBad = math.log(bad);
      probe = math.round(math.exp(uGood - (gGood * (uBad - uGood)) / (gBad - gGood)));
    } else {
      probe = math.floor((good + bad) / 2);
    }
    probe = math.min(bad - 1, math.max(good + 1, probe));
    const e = f(probe);
    if (e <= target) {
      good = probe;
      goodEps = e;
      gGood = math.log(e) - logTarget;
      if (side === -1) gBad /= 2; // Illinois: the far end's weight halves when one side repeats
      side = -1;
    } else {
      bad = probe;
      badEps = e;
      gBad = math.log(e) - logTarget;
      if (side === 1) gGood /= 2;
      side = 1;
    }
  }
  return good;
}

// ---------------------------------------------------------------------------------------------
// Named calibrations
// ---------------------------------------------------------------------------------------------

/** Orders on each side of the last optimum that the fallback window walk looks at. */
const ORDER_WINDOW = 2;

/**
 * ε by RDP on the order grid, searched from the previous optimum instead of evaluated everywhere.
 * ε(α) on the grid is unimodal for the subsampled Gaussian (P3: the CGF (α − 1)·R(α) is convex
 * in α, by Hölder; tested against the full grid), so the strict local minimum `descendUnimodal`
 * finds from the last optimum is the full-grid minimum. Successive σ in a search move the optimum
 * a little, so this costs ~3–6 orders instead of ~345; far moves (a σ search's first doublings
 * shift it by tens of grid steps) cost O(log distance) orders, where the window walk below cost
 * O(distance). Where compared orders tie (ε = 0 under the improved conversion's floor, ε = ∞) the
 * window walk decides instead: windows of ±2, ±4, … orders recentred on their minimum until it is
 * interior. Either way the answer is a local minimum over the grid, never below the full-grid ε,
 * so searches that use it stay on the safe side.
 */
function windowedRdpEpsilon(delta: number, spec: Extract<AccountantSpec, { accountant: "rdp" }>): (event: DpEvent) => EpsilonResult {
  const orders = resolveOrders(spec.orders);
  const conversion = spec.conversion ?? "improved";
  const last = orders.length - 1;
  let center = -1;
  const asResult = (r: { epsilon: number; order: number | null; accountant: EpsilonResult["accountant"] }): EpsilonResult => ({ epsilon: r.epsilon, delta, accountant: r.accountant, order: r.order });
  const label = CONVERSION_ACCOUNTANT[conversion];
  // The conversion term of each order (P3), which does not depend on the event.
  const terms = conversionTerms(orders, delta, conversion);
  return (event) => {
    if (orders.length <= 4 * ORDER_WINDOW + 1) return asResult(rdpEpsilon(event, delta, { orders, conversion }));
    if (center < 0) center = math.max(0, orders.findIndex((a) => a >= 8)); // a typical optimum; the search walks from here
    // ε at one order, memoised for this event, so no order is paid for twice.
    // The subsampled-Gaussian shape every σ search uses goes straight to the closed form (P2, P3).
    const known = new Map<number, { epsilon: number; order: number | null; accountant: EpsilonResult["accountant"] }>();
    const sgm = subsampledGaussianShape(event);
    const rdpAt = sgm ? memoisedRdpSubsampledGaussian(sgm.q, sgm.sigma) : null;
    const at = (i: number) => {
      let r = known.get(i);
      if (!r) {
        const order = orders[i]!;
        if (sgm && rdpAt) {
          const eps = sgm.count * rdpAt(order) + terms[i]!;
          r = { epsilon: Number.isNaN(eps) ? INFINITY : conversion === "improved" ? math.max(0, eps) : eps, order, accountant: label };
        } else {
          r = rdpEpsilon(event, delta, { orders: [order], conversion });
        }
        known.set(i, r);
      }
      return r;
    };
    // ε = ∞ at an order, or the pure-DP bound beating it (order null): the window walk decides.
    const plain = (i: number) => {
      const r = at(i);
      return r.order === null ? NaN : r.epsilon;
    };
    const descended = descendUnimodal(plain, last, center);
    if (descended >= 0) {
      center = descended;
      return asResult(at(descended));
    }
    // When the optimum sits on the window's edge, recentre there and double the span, so a far
    // optimum is reached in O(log distance) windows.
    for (let span = ORDER_WINDOW; ; span *= 2) {
      const lo = math.max(0, center - span);
      const hi = math.min(last, center + span);
      let best = lo;
      for (let i = lo; i <= hi; i++) {
        const r = at(i);
        if (r.order === null) return asResult(r); // ε = ∞, or the pure-DP bound beats every order
        if (r.epsilon < at(best).epsilon) best = i;
      }
      center = best;
      const interior = (best > lo || lo === 0) && (best < hi || hi === last);
      if (interior) return asResult(at(best));
    }
  };
}

/**
 * The infimum over σ of RDP's ε for a subsampled-Gaussian event: as σ → ∞ the RDP of every order
 * tends to 0, leaving the conversion term alone (P3), minimised over the order grid. It is a lower
 * bound on ε at every σ (RDP ≥ 0), so a target below it is infeasible for any noise.
 */
function rdpEpsilonFloor(delta: number, spec: Extract<AccountantSpec, { accountant: "rdp" }>): number {
  const logDelta = math.log(delta);
  const conversion = spec.conversion ?? "improved";
  if (conversion === "autodp-classic") return -logDelta / (AUTODP_CLASSIC_MAX_ORDER - 1);
  let floor = INFINITY;
  for (const term of conversionTerms(resolveOrders(spec.orders), delta, conversion)) if (term < floor) floor = term;
  return conversion === "improved" ? math.max(0, floor) : floor;
}

/** The smallest and largest noise multiplier a search considers. */
export const NOISE_MULTIPLIER_RANGE = { minimum: 1e-3, maximum: 1e6 } as const;

export interface NoiseCalibration {
  /** The calibrated noise multiplier (safe end), or null when no σ in range reaches the target. */
  noiseMultiplier: number | null;
  /** ε achieved at `noiseMultiplier` by `accountant` (≤ target when feasible). */
  epsilon: number;
  accountant: EpsilonResult["accountant"];
  feasible: boolean;
  result: EpsilonResult | null;
}

/**
 * σ such that `makeEvent(σ)` reaches the target ε at δ (P8: σ ↦ ε is decreasing).
 * @example calibrateNoise((s) => selfComposed(1000, poissonSampled(0.01, gaussian(s))), 2, 1e-5, { accountant: "rdp" })
 */
export function calibrateNoise(makeEvent: (noiseMultiplier: number) => DpEvent, targetEpsilon: number, delta: number, spec: AccountantSpec, relativeTolerance = 1e-4): NoiseCalibration {
  requirePositive("targetEpsilon", targetEpsilon);
  requireInterval("delta", delta, 0, 1, true, true);
  if (spec.accountant === "prv") return calibrateNoisePrv(makeEvent, targetEpsilon, delta, spec, relativeTolerance);
  const label = CONVERSION_ACCOUNTANT[spec.conversion ?? "improved"];
  // autodp-classic: each evaluation's search for the optimal order starts at the last one's.
  const hint: OrderHint = { order: 8 };
  const evaluate = spec.conversion !== "autodp-classic"
    ? windowedRdpEpsilon(delta, spec)
    : (event: DpEvent): EpsilonResult => {
      const r = rdpEpsilon(event, delta, { orders: spec.orders, conversion: spec.conversion }, hint);
      return { epsilon: r.epsilon, delta, accountant: r.accountant, order: r.order };
    };
  // Below the σ → ∞ limit no σ can help: say so after one evaluation instead of walking the whole
  // range in doublings (measured 8–17 s for extreme scenarios with the autodp-classic grid).
  if (subsampledGaussianShape(makeEvent(1)) && targetEpsilon < rdpEpsilonFloor(delta, spec)) {
    return { noiseMultiplier: null, epsilon: evaluate(makeEvent(NOISE_MULTIPLIER_RANGE.maximum)).epsilon, accountant: label, feasible: false, result: null };
  }
  const search = searchParameter({
    evaluate: (s) => evaluate(makeEvent(s)).epsilon,
    targetEpsilon,
    direction: "decreasing",
    ...NOISE_MULTIPLIER_RANGE,
    initial: 1,
    relativeTolerance,
  });
  if (search.value === null) return { noiseMultiplier: null, epsilon: search.epsilon, accountant: label, feasible: false, result: null };
  const result = evaluate(makeEvent(search.value));
  return { noiseMultiplier: search.value, epsilon: result.epsilon, accountant: result.accountant, feasible: true, result };
}

/** The coarse stage's ε error: a few times the reported one, capped where its estimates stop being sharp. */
function coarseEpsError(epsError: number, targetEpsilon: number): number {
  return math.max(epsError, math.min(0.25, 8 * epsError, targetEpsilon / 8));
}

/** A grid-limited PRV σ search may spend this many grid limits' worth of points in all. */
const CALIBRATION_GRID_BUDGET = 8;

/** Secant steps a stage may take before it hands over to the bracketing search. */
const SECANT_STEPS = 6;

/**
 * Secant iterations on g(u) = log ε(e^u) − log target, u = log σ, from x0 with slope estimate
 * `slope` (d log ε / d log σ < 0). Each step aims half a tolerance past the estimated root on the
 * safe side, and the iteration stops at the first σ with ε ≤ target whose gap to the target is
 * within `tolerance` in σ at the local slope: |log(target/ε)| ≤ |slope|·log(1 + tolerance). That is
 * Opacus's `epsilon_tolerance` criterion with the tolerance stated in σ (to first order the same as a
 * bracket of relative width `tolerance`), and it needs no evaluation on the unsafe side. Returns null
 * when it does not settle in `SECANT_STEPS` (a non-smooth or flat ε), so the caller can bracket.
 */
function secantSafeNoise(evaluate: (s: number) => number, targetEpsilon: number, x0: number, initialSlope: number, tolerance: number): { value: number; epsilon: number; slope: number } | null {
  const logTarget = math.log(targetEpsilon);
  const accept = math.log1p(tolerance);
  const { minimum, maximum } = NOISE_MULTIPLIER_RANGE;
  let slope = initialSlope;
  let u = math.log(x0);
  let previousU = NaN;
  let previousG = NaN;
  for (let step = 0; step <= SECANT_STEPS; step++) {
    const e = evaluate(math.exp(u));
    if (!(e > 0 && e < INFINITY)) return null;
    const g = math.log(e) - logTarget;
    if (step > 0) {
      const secant = (g - previousG) / (u - previousU);
      if (secant < 0 && Number.isFinite(secant)) slope = secant;
    }
    if (g <= 0 && -g <= -slope * accept) return { value: math.exp(u), epsilon: e, slope };
    if (step === SECANT_STEPS) return null;
    previousU = u;
    previousG = g;
    // Newton step with the secant slope, at most a factor 2 at a time, then half a tolerance safe-ward.
    const move = math.max(-math.LN2, math.min(math.LN2, -g / slope));
    u = math.min(math.log(maximum), math.max(math.log(minimum), u + move + 0.5 * accept));
    if (u === previousU) return null;
  }
  return null;
}

/**
 * PRV σ search, coarse to fine. A PRV composition costs in proportion to its grid, and the grid
 * in proportion to 1/eps_error (Gopi et al. 2021, Thm. 5.5: mesh ∝ eps_error), so:
 * 1. RDP's σ and its local slope d log ε/d log σ (cheap; RDP's ε is an upper bound of the true ε,
 *    and PRV's σ is usually 0.4–1× RDP's) seed
 * 2. secant steps on a grid `coarseEpsError` wide, whose ε estimate predicts the fine upper bound
 *    (upper_fine ≈ read_coarse(δ − δ_err) + eps_error_fine). Coarse estimates are far sharper than
 *    their worst-case bound: measured within ~0.005 of the fine ones at ε ≈ 8 for 4–8× coarser
 *    grids (dp-transformers calibrates at eps_error 0.05 for the same reason);
 * 3. the fine stage starts at the coarse answer with the coarse slope, and usually accepts its
 *    first or second composition at the reported eps_error (before: ~7–9, several on grids 2–4×
 *    larger because the walk visited small σ).
 * Only fine evaluations decide the answer: the returned σ's fine upper bound is ≤ the target (the
 * safe end). When the secant stages do not settle, the bracketing search of `searchParameter`
 * takes over, so no case is worse off than before.
 */
function calibrateNoisePrv(makeEvent: (noiseMultiplier: number) => DpEvent, targetEpsilon: number, delta: number, spec: Extract<AccountantSpec, { accountant: "prv" }>, relativeTolerance: number): NoiseCalibration {
  requirePrvDelta(delta); // before the RDP seed's work: PRV refuses δ below its range
  // PRV's upper bound is at least its ε error: a smaller target is out of its reach.
  const epsError = spec.epsError ?? 0.01;
  if (targetEpsilon <= epsError) return { noiseMultiplier: null, epsilon: epsError, accountant: "prv", feasible: false, result: null };
  const deltaError = spec.deltaError ?? delta / 1000; // prvEpsilon's default, fixed here so both stages share it
  const { maxGridPoints, fftSlack } = spec;
  const fine: AccountantSpec = { accountant: "prv", epsError, deltaError, maxGridPoints, fftSlack };
  // With a grid limit, the whole search also gets a work limit: CALIBRATION_GRID_BUDGET limits'
  // worth of grid points over all its compositions. Flat or erratic ε (δ near 1, ε near PRV's
  // error) otherwise walks σ down through ever larger grids; counting points keeps it deterministic.
  const budget = maxGridPoints === undefined ? INFINITY : CALIBRATION_GRID_BUDGET * maxGridPoints;
  let spent = 0;
  const charge = (r: PrvEpsilon): PrvEpsilon => {
    spent += r.gridPoints;
    if (spent > budget) throw new PrvGridTooLargeError(spent, budget, epsError);
    return r;
  };
  const fineEpsilon = (s: number) => charge(prvEpsilon(makeEvent(s), delta, { epsError, deltaError, maxGridPoints, fftSlack })).upper;
  const finish = (value: number): NoiseCalibration => {
    const result = computeEpsilon(makeEvent(value), delta, fine); // cached by the PRV accountant
    return { noiseMultiplier: value, epsilon: result.epsilon, accountant: result.accountant, feasible: true, result };
  };
  let initial = 1;
  let stepFactor = 2;
  const rdp = calibrateNoise(makeEvent, targetEpsilon, delta, { accountant: "rdp" }, 1e-2);
  if (rdp.noiseMultiplier !== null && rdp.epsilon > 0) {
    initial = rdp.noiseMultiplier;
    stepFactor = 1.25; // PRV's σ is usually within a factor 0.4–1 of RDP's: walk in small steps
    const nudged = computeEpsilon(makeEvent(initial * 1.05), delta, { accountant: "rdp" }).epsilon;
    let slope = (math.log(nudged) - math.log(rdp.epsilon)) / math.log(1.05);
    if (!(slope < 0 && Number.isFinite(slope))) slope = -1;
    const coarseError = coarseEpsError(epsError, targetEpsilon);
    if (coarseError > epsError) {
      // Half the tolerance, so the coarse answer's prediction error leaves room in the fine one.
      const predicted = (s: number) => {
        const r = charge(prvEpsilon(makeEvent(s), delta, { epsError: coarseError, deltaError, maxGridPoints, fftSlack }));
        return r.upper - r.epsError + epsError;
      };
      const coarse = secantSafeNoise(predicted, targetEpsilon, initial, slope, relativeTolerance / 2);
      if (coarse) {
        initial = coarse.value;
        slope = coarse.slope;
        stepFactor = 1 + 4 * math.max(relativeTolerance, 1e-3);
      } else {
        // RDP's σ or slope misled the secant (e.g. δ near 1, where PRV's ε is 0 at RDP's σ and
        // PRV's σ is < 0.5× RDP's): bracket on the coarse grid too, so the fine grid is only
        // ever evaluated near the answer.
        const bracketed = searchParameter({ evaluate: predicted, targetEpsilon, direction: "decreasing", ...NOISE_MULTIPLIER_RANGE, initial, stepFactor, relativeTolerance: math.max(relativeTolerance, 1e-3) });
        if (bracketed.value !== null) {
          initial = bracketed.value;
          stepFactor = 1 + 4 * math.max(relativeTolerance, 1e-3);
          const nearby = predicted(initial * (1 - 4e-3));
          const local = (math.log(nearby) - math.log(bracketed.epsilon)) / math.log1p(-4e-3);
          if (local < 0 && Number.isFinite(local)) slope = local;
        }
      }
    }
    const settled = secantSafeNoise(fineEpsilon, targetEpsilon, initial, slope, relativeTolerance);
    if (settled) return finish(settled.value);
  }
  const search = searchParameter({ evaluate: fineEpsilon, targetEpsilon, direction: "decreasing", ...NOISE_MULTIPLIER_RANGE, initial, relativeTolerance, stepFactor });
  if (search.value === null) return { noiseMultiplier: null, epsilon: search.epsilon, accountant: "prv", feasible: false, result: null };
  return finish(search.value);
}

/** DP-SGD's event: `steps` Poisson-subsampled Gaussian steps. */
export function dpSgdEvent(noiseMultiplier: number, samplingRate: number, steps: number): DpEvent {
  return selfComposed(steps, poissonSampled(samplingRate, gaussian(noiseMultiplier)));
}

export interface SgmCalibrationInput {
  targetEpsilon: number;
  delta: number;
  samplingRate: number;
  steps: number;
  spec?: AccountantSpec;
  relativeTolerance?: number;
}

/**
 * σ for DP-SGD (a T-fold Poisson-subsampled Gaussian) at target (ε, δ), by RDP or PRV.
 * @example calibrateNoiseMultiplier({ targetEpsilon: 8, delta: 6.79e-5, samplingRate: 0.017377, steps: 1170, spec: { accountant: "prv" } }).noiseMultiplier // ≈ 0.683 (docs/derivations.md §8)
 */
export function calibrateNoiseMultiplier(input: SgmCalibrationInput): NoiseCalibration {
  const { targetEpsilon, delta, samplingRate, steps } = input;
  requireInterval("samplingRate", samplingRate, 0, 1, true, false);
  requireCount("steps", steps);
  return calibrateNoise((s) => dpSgdEvent(s, samplingRate, steps), targetEpsilon, delta, input.spec ?? { accountant: "prv" }, input.relativeTolerance);
}

/**
 * Opacus 1.x `get_noise_multiplier`, reproduced step for step for comparisons: σ_high starts at
 * 10 and doubles until ε ≤ target, then bisects [0, σ_high] until target − ε ≤ tolerance.
 * Uses the RDP accountant on Opacus's grid. Returns σ_high (the safe end).
 * @example opacusNoiseMultiplier({ targetEpsilon: 3, delta: 1.4998e-5, samplingRate: 0.00192, steps: 5208 }) // 0.657958984375 (dp-reference-cases.json)
 */
export function opacusNoiseMultiplier(input: { targetEpsilon: number; delta: number; samplingRate: number; steps: number; epsilonTolerance?: number }): { noiseMultiplier: number; epsilon: number } {
  const { targetEpsilon, delta, samplingRate, steps } = input;
  requirePositive("targetEpsilon", targetEpsilon);
  const tolerance = input.epsilonTolerance ?? 0.01;
  const orders = resolveOrders("opacus");
  const eps = (sigma: number) => epsilonFromRdp(orders, rdpCurve(dpSgdEvent(sigma, samplingRate, steps), orders).rdp, delta, "improved").epsilon;
  let sigmaLow = 0;
  let sigmaHigh = 10;
  let epsHigh = INFINITY;
  while (epsHigh > targetEpsilon) {
    sigmaHigh *= 2;
    epsHigh = eps(sigmaHigh);
    if (sigmaHigh > 2000) throw new RangeError(`targetEpsilon is too low for Opacus's search; got ${targetEpsilon}`);
  }
  while (targetEpsilon - epsHigh > tolerance) {
    const sigma = (sigmaLow + sigmaHigh) / 2;
    const e = eps(sigma);
    if (e < targetEpsilon) {
      sigmaHigh = sigma;
      epsHigh = e;
    } else {
      sigmaLow = sigma;
    }
  }
  return { noiseMultiplier: sigmaHigh, epsilon: epsHigh };
}

export interface CompositionBudget {
  /** The largest count with ε ≤ target (0 when even one step exceeds it). */
  count: number;
  /** ε at `count` (0 when count = 0). */
  epsilon: number;
  /** ε of a single step (for "the smallest ε that allows one"). */
  epsilonForOne: number;
  accountant: EpsilonResult["accountant"];
  /**
   * True when the search stopped at `maximum` with ε still within the target: `count` is then a
   * lower bound (at least this many), not the largest count. Absent otherwise.
   */
  capped?: true;
}

/**
 * The largest T with ε(selfComposed(T, step)) ≤ target (P8: T ↦ ε is increasing).
 * RDP scales the one-step curve, so the search is exact and cheap. PRV composes afresh for every
 * T; above `prvExactBelow` compositions it stops when the bracket is within 0.1% (still safe:
 * the returned T was evaluated and meets the target).
 * @example maxCompositions(poissonSampled(40 / 67349, gnmax(1)), 1, 1e-5, { accountant: "rdp" }).count
 */
export function maxCompositions(step: DpEvent, targetEpsilon: number, delta: number, spec: AccountantSpec, maximum = 1e9): CompositionBudget {
  requirePositive("targetEpsilon", targetEpsilon);
  requireInterval("delta", delta, 0, 1, true, true);
  if (spec.accountant === "rdp") {
    const orders = resolveOrders(spec.orders);
    const one = rdpCurve(step, orders);
    const conversion = spec.conversion ?? "improved";
    if (conversion === "autodp-classic") {
      const eps = (t: number) => computeEpsilon(selfComposed(t, step), delta, spec).epsilon;
      return budgetFromPredicate(eps, targetEpsilon, maximum, computeEpsilon(step, delta, spec).accountant);
    }
    const eps = (t: number) => {
      const failure = t * one.failureDelta;
      if (!(delta - failure > 0)) return INFINITY;
      return epsilonFromScaledRdp(orders, one.rdp, t, delta - failure, conversion).epsilon;
    };
    return budgetFromPredicate(eps, targetEpsilon, maximum, computeEpsilon(step, delta, spec).accountant);
  }
  const eps = (t: number) => computeEpsilon(selfComposed(t, step), delta, spec).epsilon;
  const epsilonForOne = eps(1);
  if (!(epsilonForOne <= targetEpsilon)) return { count: 0, epsilon: 0, epsilonForOne, accountant: "prv" };
  let good = 1;
  let goodEps = epsilonForOne;
  let bad = -1;
  while (bad < 0) {
    const next = math.min(maximum, good * 2);
    if (next === good) return { count: good, epsilon: goodEps, epsilonForOne, accountant: "prv", capped: true };
    const e = eps(next);
    if (e <= targetEpsilon) {
      good = next;
      goodEps = e;
    } else bad = next;
  }
  while (bad - good > math.max(1, math.floor(good * 1e-3))) {
    const mid = math.floor((good + bad) / 2);
    const e = eps(mid);
    if (e <= targetEpsilon) {
      good = mid;
      goodEps = e;
    } else bad = mid;
  }
  return { count: good, epsilon: goodEps, epsilonForOne, accountant: "prv" };
}

function budgetFromPredicate(eps: (t: number) => number, target: number, maximum: number, accountant: EpsilonResult["accountant"]): CompositionBudget {
  const epsilonForOne = eps(1);
  const count = largestInteger((t) => eps(t) <= target, maximum);
  // largestInteger returns `maximum` only when ε(maximum) ≤ target: the search hit its limit.
  return { count, epsilon: count > 0 ? eps(count) : 0, epsilonForOne, accountant, ...(count === maximum ? { capped: true as const } : {}) };
}
