/**
 * One door to both accountants: `computeEpsilon(event, delta, spec)` returns ε with the name of
 * the accountant that produced it. The caller chooses; nothing falls back silently. An event the
 * chosen accountant cannot handle raises `UnsupportedEventError`.
 */
import { requireInterval, type DpEvent } from "./events";
import { prvEpsilon } from "./prv";
import { rdpEpsilon, type OrderGridId, type RdpConversion } from "./rdp";

export type AccountantKind = "rdp" | "prv";

/** Which accountant, and its settings. */
export type AccountantSpec =
  | { accountant: "rdp"; orders?: OrderGridId | readonly number[]; conversion?: RdpConversion }
  | { accountant: "prv"; epsError?: number; deltaError?: number; maxGridPoints?: number; fftSlack?: number };

/**
 * Labels a result carries: the accountant and, for RDP, the conversion it used. `gdp`: exact
 * μ-Gaussian DP (./gdp.ts), for mechanisms that are compositions of non-subsampled Gaussians
 * (Aug-PE), where the privacy curve is known in closed form and no bound is needed.
 */
export type AccountantLabel = "prv" | "rdp" | "rdp-classic" | "rdp-autodp-classic" | "gdp";

export interface EpsilonResult {
  /** The safe ε: RDP's bound, or PRV's upper bound. Finite or +∞, never NaN. */
  epsilon: number;
  delta: number;
  accountant: AccountantLabel;
  /** RDP: the optimal order α. */
  order?: number | null;
  /** PRV: the lower bound, estimate and upper bound of the true ε. */
  bounds?: { lower: number; estimate: number; upper: number };
}

/**
 * ε at target δ for an event by the chosen accountant.
 * @example computeEpsilon(selfComposed(1000, poissonSampled(0.01, gaussian(1))), 1e-5, { accountant: "prv" })
 *   // { epsilon ≈ 1.8384, accountant: "prv", bounds: { lower ≈ 1.8181, estimate ≈ 1.8282, upper ≈ 1.8384 } }
 */
export function computeEpsilon(event: DpEvent, delta: number, spec: AccountantSpec = { accountant: "prv" }): EpsilonResult {
  requireInterval("delta", delta, 0, 1, true, true);
  if (spec.accountant === "rdp") {
    const r = rdpEpsilon(event, delta, { orders: spec.orders, conversion: spec.conversion });
    return { epsilon: r.epsilon, delta, accountant: r.accountant, order: r.order };
  }
  const r = prvEpsilon(event, delta, { epsError: spec.epsError, deltaError: spec.deltaError, maxGridPoints: spec.maxGridPoints, fftSlack: spec.fftSlack });
  return { epsilon: r.upper, delta, accountant: "prv", bounds: { lower: r.lower, estimate: r.estimate, upper: r.upper } };
}
