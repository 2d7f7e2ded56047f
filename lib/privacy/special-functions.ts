/**
 * Special functions the accountants need, written for double precision over the whole range.
 *
 * Privacy accounting multiplies tiny probabilities by huge likelihood ratios: the terms of the
 * subsampled-Gaussian RDP sum reach e^±1000 and PRV tail masses go down to 1e-300. So everything
 * here works in log space where it matters, and the error function is the Cody (1969) rational
 * Chebyshev approximation, accurate to about 1e-16 relative, with its scaled form erfcx so that
 * log erfc(x) stays finite far beyond the point where erfc(x) underflows (x ≈ 27).
 *
 * JavaScript has no erf, erfc or log-erfc in `Math`, hence this file.
 */

// Module-level bindings of the globals used in hot loops. Inside a vm context (Jest's node
// environment, some server sandboxes) every lookup of a global such as Math goes through the
// context's global proxy: measured 30× slower for Math.exp. A module constant avoids that.
const math = Math;
const INFINITY = Infinity;

/**
 * log(e^a + e^b) without overflow; −∞ is the log of 0 and +∞ absorbs everything (without the
 * check, ∞ − ∞ made logAddExp(∞, ∞) NaN, and with it P6's sum for a subsampled non-private step).
 * @example logAddExp(0, 0) === math.LN2
 */
export function logAddExp(a: number, b: number): number {
  if (a === -INFINITY) return b;
  if (b === -INFINITY) return a;
  const hi = math.max(a, b);
  if (hi === INFINITY) return INFINITY;
  const d = math.min(a, b) - hi;
  // Shortcut, bit for bit the same result without the exp and log1p (P6's sums add thousands of
  // negligible terms): x = log1p(e^d) ≤ e^d. For d < −38, x < 3.2e-17 < 2^-54, and when |hi| ≥ 1
  // the doubles next to hi are at least 2^-53 away, so hi + x rounds back to hi. For d < −746,
  // e^d underflows to exactly 0 and hi + log1p(0) = hi + 0 (the `+ 0` keeps −0 + 0 = +0).
  if (d < -38 && (hi >= 1 || hi <= -1 || d < -746)) return hi + 0;
  return hi + math.log1p(math.exp(d));
}

/**
 * log(e^a − e^b) for a ≥ b; returns −∞ when a = b. Used for the alternating terms of the
 * fractional-order RDP series (Mironov–Talwar–Zhang 2019, §3.3).
 * @example logSubExp(math.log(3), 0) ≈ math.log(2)
 */
export function logSubExp(a: number, b: number): number {
  if (b === -INFINITY) return a;
  if (b > a) throw new RangeError(`logSubExp needs a >= b; got a=${a}, b=${b}`);
  if (a === b) return -INFINITY;
  return a + log1mExp(b - a);
}

/**
 * log(1 − e^x) for x ≤ 0, choosing log1p or expm1 by Mächler's rule (log(2) split) so that
 * neither branch cancels.
 * @example log1mExp(-math.LN2) === -math.LN2
 */
export function log1mExp(x: number): number {
  if (x > 0) throw new RangeError(`log1mExp needs x <= 0; got ${x}`);
  return x > -math.LN2 ? math.log(-math.expm1(x)) : math.log1p(-math.exp(x));
}

/** log cosh(x) = |x| + log1p(e^(−2|x|)) − log 2, finite for every finite x (docs/derivations.md §1 P5). */
export function logCosh(x: number): number {
  const a = math.abs(x);
  return a + math.log1p(math.exp(-2 * a)) - math.LN2;
}

// --- Cody's rational Chebyshev approximations (W. J. Cody, math. Comp. 23 (1969) 631–637; CALERF) ---
const ERF_A = [3.1611237438705656, 113.86415415105016, 377.48523768530202, 3209.3775891384695, 0.18577770618460315];
const ERF_B = [23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.2368334391706];
const ERFC_C = [
  0.56418849698867009, 8.8831497943883759, 66.119190637141634, 298.63513819740013, 881.95222124176909,
  1712.0476126340707, 2051.0783778260716, 1230.3393547979972, 2.1531153547440383e-8,
];
const ERFC_D = [
  15.744926110709835, 117.69395089131250, 537.18110186200986, 1621.3895745666902, 3290.7992357334597,
  4362.6190901432472, 3439.3676741437216, 1230.3393548037495,
];
const ERFC_P = [0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.016083785148742275, 6.5874916152983678e-4, 0.016315387137302097];
const ERFC_Q = [2.5685201922898682, 1.8729528499234604, 0.52790510295142837, 0.060518341312441320, 0.0023352049762686918];
const ONE_OVER_SQRT_PI = 0.56418958354775628;
const SMALL = 0.46875;

/** erf(x) for |x| ≤ 0.46875 (Cody's first interval); Horner form unrolled, it is the PRV hot path. */
function erfSmall(x: number): number {
  const y = x * x;
  const num = (((ERF_A[4]! * y + ERF_A[0]!) * y + ERF_A[1]!) * y + ERF_A[2]!) * y + ERF_A[3]!;
  const den = (((y + ERF_B[0]!) * y + ERF_B[1]!) * y + ERF_B[2]!) * y + ERF_B[3]!;
  return (x * num) / den;
}

const [C0, C1, C2, C3, C4, C5, C6, C7, C8] = ERFC_C as [number, number, number, number, number, number, number, number, number];
const [D0, D1, D2, D3, D4, D5, D6, D7] = ERFC_D as [number, number, number, number, number, number, number, number];
const [P0, P1, P2, P3, P4, P5] = ERFC_P as [number, number, number, number, number, number];
const [Q0, Q1, Q2, Q3, Q4] = ERFC_Q as [number, number, number, number, number];

/** erfcx(y) = e^(y²)·erfc(y) for y > 0.46875 (Cody's second and third intervals). */
function erfcxLarge(y: number): number {
  if (y <= 4) {
    const num = (((((((C8 * y + C0) * y + C1) * y + C2) * y + C3) * y + C4) * y + C5) * y + C6) * y + C7;
    const den = (((((((y + D0) * y + D1) * y + D2) * y + D3) * y + D4) * y + D5) * y + D6) * y + D7;
    return num / den;
  }
  if (y >= 1e8) return ONE_OVER_SQRT_PI / y; // the asymptote; avoids 1/y² underflow games
  const z = 1 / (y * y);
  const num = ((((P5 * z + P0) * z + P1) * z + P2) * z + P3) * z + P4;
  const den = ((((z + Q0) * z + Q1) * z + Q2) * z + Q3) * z + Q4;
  return (ONE_OVER_SQRT_PI - (z * num) / den) / y;
}

/**
 * e^(−y²) for y ≥ 0, computed as e^(−s²)·e^(−(y−s)(y+s)) with s = y rounded down to 1/16, as
 * Cody does, so the rounding error of y² is not amplified by the exponential.
 */
function expMinusSquare(y: number): number {
  const s = math.trunc(y * 16) / 16;
  return math.exp(-s * s) * math.exp(-(y - s) * (y + s));
}

/**
 * Complementary error function erfc(x) = 2/√π ∫ₓ^∞ e^(−t²) dt, relative error ≈ 1e-16.
 * @example erfc(0) === 1; erfc(1) ≈ 0.15729920705028513
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = math.abs(x);
  if (y <= SMALL) return 1 - erfSmall(x);
  const positive = y > 26.7 ? 0 : expMinusSquare(y) * erfcxLarge(y);
  return x > 0 ? positive : 2 - positive;
}

/**
 * log erfc(x), finite for every finite x: for large positive x it is log erfcx(x) − x², so the
 * fractional-order RDP series (whose arguments reach |x| ≈ 100) never sees log(0).
 * @example logErfc(30) ≈ -904.7767
 */
export function logErfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= SMALL) return math.log(erfc(x));
  return math.log(erfcxLarge(x)) - x * x;
}

/** Standard normal survival function Φ̄(x) = P(Z > x) = erfc(x/√2)/2. */
export function normalSurvival(x: number): number {
  return 0.5 * erfc(x / math.SQRT2);
}

/** Standard normal CDF Φ(x) = erfc(−x/√2)/2. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / math.SQRT2);
}

/** log Φ̄(x) = log P(Z > x), finite for all finite x (PATE's log q uses it). */
export function logNormalSurvival(x: number): number {
  return math.log(0.5) + logErfc(x / math.SQRT2);
}

/**
 * The upper quantile z with P(Z > z) = p, for p in (0, 1), by bisection on Φ̄ (monotone).
 * Used only for usefulness thresholds, so 1e-12 absolute accuracy in z is ample.
 * @example upperNormalQuantile(0.025) ≈ 1.959964
 */
export function upperNormalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1); got ${p}`);
  let lo = -40;
  let hi = 40;
  for (let i = 0; i < 200 && hi - lo > 1e-13; i++) {
    const mid = (lo + hi) / 2;
    if (normalSurvival(mid) > p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
