/**
 * Channel C in words: what an (ε, δ)-DP guarantee means for someone who sees the answers and
 * wants to tell whether a given record was in the private training data.
 */
import { formatEpsilon, formatParameter, formatPercentUpperBound, formatSignificant } from "../present/format";

/** The false-positive rates the ledger reports (1%, 5%, 10%), as fractions. */
export const MEMBERSHIP_TEST_FPRS = [0.01, 0.05, 0.1] as const;

export const MEMBERSHIP_TEST_CITATION =
  "Kairouz, Oh, Viswanath 2015 (ICML), Theorem 2.1; Dong, Roth, Su 2022 (JRSS-B), f-DP, Proposition 2.5";

/**
 * Largest true-positive rate any membership test can reach at a given false-positive rate
 * against an (ε, δ)-DP mechanism. The test decides "record x was in the training data" from
 * the mechanism's output; FPR is its error rate when x was absent, TPR its success rate when x
 * was present (FNR = 1 − TPR).
 *
 * (ε, δ)-DP holds iff every test satisfies both FPR + e^ε·FNR ≥ 1 − δ and FNR + e^ε·FPR ≥ 1 − δ
 * (Kairouz et al. 2015, Thm 2.1; in f-DP terms the trade-off function f_{ε,δ}, Dong et al. 2022,
 * Prop. 2.5). Solving for TPR:
 *
 *   TPR ≤ min(1, e^ε·FPR + δ, 1 − e^(−ε)·(1 − δ − FPR)).
 *
 * The last term is evaluated as (1 − x) − x·expm1(−ε) with x = 1 − δ − FPR, because for small ε
 * the direct form subtracts two numbers close to 1. The bound is non-decreasing in ε, δ and FPR.
 * It is a worst case over all attacks and all pairs of neighbouring datasets.
 *
 * @param epsilon ε ≥ 0 (Infinity allowed: no guarantee, bound 1)
 * @param delta δ in [0, 1]
 * @param fpr false-positive rate in [0, 1]
 * @returns the TPR bound in [0, 1] (a fraction, not a percentage)
 * @throws RangeError on NaN or out-of-range input
 * @example
 * membershipTprBound(1, 0, 0.05) // = e·0.05 ≈ 0.1359
 * membershipTprBound(8, 1 / 66674, 0.01) // ≈ 0.99967: ε = 8 allows an almost perfect test in the worst case
 */
export function membershipTprBound(epsilon: number, delta: number, fpr: number): number {
  if (Number.isNaN(epsilon) || epsilon < 0) throw new RangeError(`epsilon must be ≥ 0; got ${epsilon}`);
  if (!(delta >= 0 && delta <= 1)) throw new RangeError(`delta must be in [0, 1]; got ${delta}`);
  if (!(fpr >= 0 && fpr <= 1)) throw new RangeError(`fpr must be in [0, 1]; got ${fpr}`);
  if (epsilon === Infinity) return 1;
  const viaFalsePositives = Math.exp(epsilon) * fpr + delta;
  const x = 1 - delta - fpr;
  const viaFalseNegatives = 1 - x - x * Math.expm1(-epsilon);
  return Math.max(0, Math.min(1, viaFalsePositives, viaFalseNegatives));
}

/** FPRs are round percentages (1%, 5%, 10%): print them without trailing zeros. */
function fprLabel(fpr: number): string {
  return `${formatSignificant(fpr * 100, 6)}%`;
}

export interface MembershipTestPoint {
  /** False-positive rate, as a fraction. */
  fpr: number;
  /** Maximum true-positive rate at that FPR, as a fraction. */
  tprMax: number;
}

export interface MembershipTestBound {
  /** The ε the bound is stated at; null when no finite ε bounds the mechanism (every tprMax is then 1). */
  epsilon: number | null;
  delta: number;
  /** One point per entry of MEMBERSHIP_TEST_FPRS. */
  points: MembershipTestPoint[];
  /** The bound with the scenario's ε and δ substituted. */
  formula: string;
  citation: string;
  /** One sentence in words. */
  statement: string;
}

/**
 * The membership-test bound at FPR 1%, 5% and 10%, with the formula and a sentence for the UI.
 * @example
 * membershipTestBound(1, 1e-5).points[0] // { fpr: 0.01, tprMax: ≈ 0.02719 }
 */
export function membershipTestBound(epsilon: number, delta: number): MembershipTestBound {
  const points = MEMBERSHIP_TEST_FPRS.map((fpr) => ({ fpr, tprMax: membershipTprBound(epsilon, delta, fpr) }));
  const e = formatEpsilon(epsilon);
  const d = formatParameter(delta);
  const formula = `TPR ≤ min(1, e^${e}·FPR + ${d}, 1 − e^(−${e})·(1 − ${d} − FPR)) → ${points
    .map((p) => `FPR ${fprLabel(p.fpr)}: TPR ≤ ${formatPercentUpperBound(p.tprMax)}`)
    .join("; ")}`;
  const [p1, p5, p10] = points as [MembershipTestPoint, MembershipTestPoint, MembershipTestPoint];
  const weak = p1.tprMax >= 0.5 ? ` At ε = ${e} this worst-case bound is weak.` : "";
  const statement =
    `At (ε = ${e}, δ = ${d}), anyone who sees the answers and tries to tell whether a given record was used ` +
    `can be right at most ${formatPercentUpperBound(p1.tprMax)} of the time while wrongly accusing 1% of non-members ` +
    `(${formatPercentUpperBound(p5.tprMax)} at 5%, ${formatPercentUpperBound(p10.tprMax)} at 10%).${weak}`;
  return { epsilon, delta, points, formula, citation: MEMBERSHIP_TEST_CITATION, statement };
}
