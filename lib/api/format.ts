/**
 * Number formatting for the statement and the preview image: en-US, units in words, enough
 * digits to tell small costs apart (a query can cost $0.00015).
 */

/** @example formatUsd(1234.5) === "$1,234.50"; formatUsd(0.000149) === "$0.000149"; formatUsd(null) === "unknown" */
export function formatUsd(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "unknown";
  if (x === 0) return "$0.00";
  const abs = Math.abs(x);
  if (abs < 0.01) return `$${Number(x.toPrecision(3)).toString()}`;
  return x.toLocaleString("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** @example formatCount(66674) === "66,674"; formatCount(5451.9999) === "5,452" */
export function formatCount(x: number): string {
  return Math.round(x).toLocaleString("en-US");
}

/** Four significant digits, no trailing zeros, scientific below 1e-3: how ε, δ and σ read in prose. @example formatSig(7.999854) === "8"; formatSig(1.4998e-5) === "1.5e-5" */
export function formatSig(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x);
  if (x !== 0 && Math.abs(x) < 1e-3) return x.toExponential(Math.max(0, digits - 1)).replace(/\.?0+e/, "e").replace("e+", "e");
  return Number(x.toPrecision(digits)).toLocaleString("en-US", { maximumFractionDigits: 20 });
}

/** @example formatPercent(0.9975) === "99.75%" */
export function formatPercent(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(4))}%`;
}
