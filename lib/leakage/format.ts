/**
 * Number formatting for the formula strings and sentences of the leakage ledger.
 *
 * The ledger shows its arithmetic with the inputs substituted, so the numbers in those strings
 * must be readable (grouped thousands, a few significant digits) and never print "NaN" or
 * "1e+21"-style noise. Formatting is fixed to en-US so that tests and share links agree.
 */

const GROUPED = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const GROUPED_1 = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * A count or other quantity: integers grouped ("66,674"), large reals with one decimal
 * ("27,166.4"), small reals with 4 significant digits ("0.0006"), huge ones in e-notation.
 * @example formatQuantity(66674) // "66,674"
 */
export function formatQuantity(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) >= 1e15) return x.toPrecision(4).replace("e+", "e");
  if (Number.isInteger(x)) return GROUPED.format(x);
  if (Math.abs(x) >= 100) return GROUPED_1.format(x);
  if (x !== 0 && Math.abs(x) < 1e-3) return x.toPrecision(3).replace("e+", "e");
  return String(Number(x.toPrecision(4)));
}

/**
 * A probability as a percentage with enough digits to tell 99.97% from 100%.
 * @example formatPercent(0.40744) // "40.74%"
 */
export function formatPercent(fraction: number): string {
  const pct = fraction * 100;
  if (pct === 0 || pct === 100) return `${pct}%`;
  if (pct > 99.99) return `${Number(pct.toPrecision(6))}%`;
  if (pct < 0.01) return `${pct.toPrecision(2).replace("e+", "e")}%`;
  return `${pct.toFixed(2)}%`;
}

/**
 * A privacy parameter (ε, δ, a sampling rate): 4 significant digits, e-notation below 1e-3.
 * @example formatParameter(1 / 66674) // "1.5e-5"
 */
export function formatParameter(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x !== 0 && Math.abs(x) < 1e-3) return Number(x.toPrecision(3)).toExponential().replace("e+", "e");
  return String(Number(x.toPrecision(4)));
}
