/**
 * Channel A arithmetic: how many distinct private records end up in a provider's logs when a
 * method keeps drawing random subsets of the training set into prompts.
 */

export interface RecordExposure {
  /** Expected number of distinct records drawn at least once, in records (≤ N). */
  expectedRecords: number;
  /** The same as a fraction of N, in [0, 1]. */
  fraction: number;
  /** Probability that one draw includes a given record: min(1, recordsPerDraw / N). */
  inclusionProbability: number;
}

/**
 * Expected number of distinct records out of a pool of N that appear in at least one of
 * `draws` independent draws, when each draw puts `recordsPerDraw` records, chosen uniformly
 * without replacement, into a prompt (so a given record is in one draw with probability
 * p = min(1, recordsPerDraw / N), independently across draws).
 *
 * Formula: E[distinct] = N · (1 − (1 − p)^draws), by linearity of expectation over records.
 * Computed as N · −expm1(draws · log1p(−p)): with p ≈ 6e-4 and draws up to 1e12, the direct
 * power loses every digit (1 − p rounds, and (1 − p)^draws underflows), while log1p/expm1 keep
 * full relative precision at both ends. p is clipped at 1 because a draw cannot include a
 * record more than once.
 *
 * Used for DP-ICL (a fresh ensemble·shots records per query; docs/derivations.md §2 "Leakage")
 * and DP-FewShotGen (a fresh M·N records per generated token; §6 "Leakage").
 *
 * @param records pool size N, in records (> 0)
 * @param recordsPerDraw records placed in prompts per draw (≥ 0), e.g. ensemble × shots
 * @param draws number of independent draws (≥ 0), e.g. queries answered
 * @throws RangeError on a non-finite, negative or zero pool, or negative inputs
 * @example
 * // SST2 with DP-ICL, 10 teachers × 4 shots, 872 queries (Hanke et al. 2024, Tables 7 and 13):
 * expectedDistinctRecords(66674, 40, 872).fraction // ≈ 0.4074
 */
export function expectedDistinctRecords(records: number, recordsPerDraw: number, draws: number): RecordExposure {
  if (!Number.isFinite(records) || records <= 0) throw new RangeError(`records must be a finite number > 0; got ${records}`);
  if (!Number.isFinite(recordsPerDraw) || recordsPerDraw < 0) throw new RangeError(`recordsPerDraw must be a finite number ≥ 0; got ${recordsPerDraw}`);
  if (Number.isNaN(draws) || draws < 0) throw new RangeError(`draws must be ≥ 0; got ${draws}`);
  const inclusionProbability = Math.min(1, recordsPerDraw / records);
  let fraction: number;
  if (draws === 0 || inclusionProbability === 0) fraction = 0;
  else if (inclusionProbability === 1) fraction = 1; // log1p(−1) = −∞; avoid 0·∞ style edge cases
  else fraction = -Math.expm1(draws * Math.log1p(-inclusionProbability));
  return { expectedRecords: records * fraction, fraction, inclusionProbability };
}
