/**
 * PATE's data-dependent RDP for GNMax (Papernot et al., ICLR 2018, Prop. 7 and Thm. 6), as
 * PromptPATE's code computes it (`pate/core.py`: compute_logq_gaussian, rdp_gaussian). Used only
 * to show what the original code would report; the value depends on the private votes and is not
 * itself differentially private.
 */
import { PATE_ORDERS, epsilonFromRdp, log1mExp, logAddExp, logNormalSurvival } from "../privacy";

/**
 * log q, an upper bound on log Pr[GNMax ≠ argmax] by the union bound over rivals:
 * q ≤ Σ_j Φ̄((n* − n_j)/(√2·σ)), capped at 1 − 1/C (Prop. 7).
 */
export function logProbabilityNotArgmax(counts: readonly number[], noiseMultiplier: number): number {
  const top = Math.max(...counts);
  const winner = counts.indexOf(top);
  let logq = -Infinity;
  counts.forEach((c, j) => {
    if (j !== winner) logq = logAddExp(logq, logNormalSurvival((top - c) / (Math.SQRT2 * noiseMultiplier)));
  });
  return Math.min(logq, Math.log(1 - 1 / counts.length));
}

/**
 * Data-dependent RDP of one GNMax answer at order α given log q (Thm. 6 with the higher orders
 * μ2 = σ·√(−log q), μ1 = μ2 + 1 of Prop. 10), never above the data-independent α/σ².
 */
export function rdpGnmaxDataDependent(logq: number, noiseMultiplier: number, order: number): number {
  const variance = noiseMultiplier * noiseMultiplier;
  const independent = order / variance;
  if (logq === -Infinity) return 0;
  const muHi2 = Math.sqrt(variance * -logq);
  const muHi1 = muHi2 + 1;
  if (!(muHi1 > order && muHi2 > 1)) return independent;
  const rdpHi1 = muHi1 / variance;
  const rdpHi2 = muHi2 / variance;
  const logA2 = (muHi2 - 1) * rdpHi2;
  const applies = logq <= logA2 - muHi2 * (Math.log(1 + 1 / (muHi1 - 1)) + Math.log(1 + 1 / (muHi2 - 1))) && -logq > rdpHi2;
  if (!applies) return independent;
  const log1q = log1mExp(logq);
  const logA = (order - 1) * (log1q - log1mExp((logq + rdpHi2) * (1 - 1 / muHi2)));
  const logB = (order - 1) * (rdpHi1 - logq / (muHi1 - 1));
  const logS = logAddExp(log1q + logA, logq + logB);
  return Math.min(independent, logS / (order - 1));
}

/**
 * The data-dependent ε PromptPATE's code would report if every one of `queries` answers had a
 * fraction `agreement` of the teachers on one class and the rest on one rival (the closest
 * contest for that agreement) [assumption: a consensus model; the real value needs the votes].
 * Improved conversion on PATE's order grid.
 * @example dataDependentGnmaxEpsilon({ teachers: 400, classes: 2, agreement: 0.7, noiseMultiplier: 20, queries: 200, delta: 1e-6 }) // ≈ 0.337 (docs/derivations.md §4)
 */
export function dataDependentGnmaxEpsilon(input: { teachers: number; classes: number; agreement: number; noiseMultiplier: number; queries: number; delta: number }): number {
  const { teachers, classes, agreement, noiseMultiplier, queries, delta } = input;
  const top = Math.round(agreement * teachers);
  const counts = [top, teachers - top, ...Array.from({ length: Math.max(0, classes - 2) }, () => 0)];
  const logq = logProbabilityNotArgmax(counts, noiseMultiplier);
  const rdp = PATE_ORDERS.map((a) => queries * rdpGnmaxDataDependent(logq, noiseMultiplier, a));
  return epsilonFromRdp(PATE_ORDERS, rdp, delta, "improved").epsilon;
}
