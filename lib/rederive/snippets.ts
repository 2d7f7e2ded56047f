/**
 * Re-derive it yourself (issue #18): beside every ε and σ privadapt states, a Python snippet that
 * reproduces the figure with a public library a privacy engineer already trusts, with the exact
 * arguments our engine used and the value it got.
 *
 * Libraries and the calls used (signatures checked against their sources):
 * - Opacus (`opacus/accountants/rdp.py`, `prv.py`, `utils.py`): `RDPAccountant().history =
 *   [(noise_multiplier, sample_rate, steps)]`, `get_epsilon(delta, alphas)`; `PRVAccountant`'s
 *   `get_epsilon(delta, eps_error=, delta_error=)`; `get_noise_multiplier(target_epsilon=,
 *   target_delta=, sample_rate=, steps=, accountant=, epsilon_tolerance=)`.
 * - Microsoft prv_accountant (`prv_accountant/dpsgd.py`): `DPSGDAccountant(noise_multiplier=,
 *   sampling_probability=, max_steps=, eps_error=, delta_error=)`, `compute_epsilon(num_steps=,
 *   delta=)` → (lower, estimate, upper).
 * - Google dp_accounting (`dp_accounting/dp_event.py`, `rdp/rdp_privacy_accountant.py`):
 *   `SelfComposedDpEvent(PoissonSampledDpEvent(q, GaussianDpEvent(sigma)), steps)`,
 *   `rdp.RdpAccountant(orders).compose(event).get_epsilon(delta)`.
 *
 * A snippet exists where the method's DP event is made of Gaussians, Poisson sampling and
 * composition (every DP-SGD method, DP-FewShotGen's token votes, DP-ICL's and PromptPATE's votes,
 * a GNMax vote being a Gaussian with multiplier σ/√2). Events with an exponential mechanism, a
 * failure probability or a pure (ε, δ) term have no counterpart in these libraries' event
 * vocabulary; their entry says so instead of printing code that would compute something else.
 */
import { methodDescriptor, prvEpsError, type MethodPrivacy } from "../methods";
import { computeEpsilon, type DpEvent } from "../privacy";
import { subsampledGaussianShape } from "../privacy/rdp";
import type { MethodId, Scenario } from "../scenario";

/** privadapt's RDP order grid (lib/privacy/rdp.ts DEFAULT_ORDERS), as Python. */
export const PYTHON_DEFAULT_ORDERS = "[k / 10 for k in range(11, 110)] + list(range(11, 257))";

export interface SgmArguments {
  /** Poisson sampling rate q per step. */
  samplingRate: number;
  /** Noise multiplier σ. */
  noiseMultiplier: number;
  /** Number of noisy steps (compositions). */
  steps: number;
  delta: number;
}

export interface Snippet {
  library: "opacus" | "prv_accountant" | "dp_accounting";
  /** What it reproduces: `epsilon` (ε from σ) or `sigma` (σ from the target ε). */
  figure: "epsilon" | "sigma";
  /** The accountant whose number it reproduces. */
  accountant: "rdp" | "prv";
  code: string;
  /** The value our engine got for this figure by this accountant; null where it did not compute one. */
  ours: number | null;
}

export interface Rederive {
  method: MethodId;
  /** The Poisson-subsampled Gaussian the ε is for, when the event is one; null for other Gaussian trees. */
  arguments: SgmArguments | null;
  snippets: Snippet[];
  /** Why there is no snippet, or what to expect when comparing (tolerances). */
  note: string;
}

/** A number as Python reads it back exactly (JavaScript's shortest round-trip digits; ∞ as float("inf")). */
export function pythonNumber(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? 'float("inf")' : 'float("-inf")';
  return String(x).replace("e+", "e");
}

/**
 * `selfComposed(steps, poissonSampled(q, gaussian(σ)))`, or one step of it, as its arguments; else
 * null. The shape is read by lib/privacy's one matcher (`subsampledGaussianShape`, which the RDP
 * closed form and the σ searches use too). That matcher also takes a GNMax base, as a Gaussian of
 * multiplier σ/√2; the Opacus and prv_accountant snippets take a Gaussian only, so a GNMax event
 * keeps its dp_accounting form (which writes `σ / math.sqrt(2)` out) and gets null here. Zero
 * steps are no SGM either (the matcher's null: they spend nothing).
 */
export function sgmArguments(event: DpEvent, delta: number): SgmArguments | null {
  const shape = subsampledGaussianShape(event);
  if (shape === null) return null;
  const sampled = event.kind === "selfComposed" ? event.event : event;
  const base = sampled.kind === "poissonSampled" ? sampled.event : sampled;
  if (base.kind !== "gaussian") return null;
  return { samplingRate: shape.q, noiseMultiplier: shape.sigma, steps: shape.count, delta };
}

/** The event as dp_accounting Python, or null when it holds a mechanism dp_accounting has no event for. */
export function dpAccountingEvent(event: DpEvent): string | null {
  switch (event.kind) {
    case "noOp": return "dp_accounting.NoOpDpEvent()";
    case "gaussian": return `dp_accounting.GaussianDpEvent(${pythonNumber(event.noiseMultiplier)})`;
    // GNMax: one record moves one vote between two classes, L2 sensitivity √2, so σ votes of noise is a Gaussian with multiplier σ/√2.
    case "gnmax": return `dp_accounting.GaussianDpEvent(${pythonNumber(event.noiseMultiplier)} / math.sqrt(2))`;
    case "poissonSampled": {
      const inner = dpAccountingEvent(event.event);
      return inner === null ? null : `dp_accounting.PoissonSampledDpEvent(${pythonNumber(event.samplingRate)}, ${inner})`;
    }
    case "selfComposed": {
      const inner = dpAccountingEvent(event.event);
      return inner === null ? null : `dp_accounting.SelfComposedDpEvent(${inner}, ${event.count})`;
    }
    case "composed": {
      const parts = event.events.map(dpAccountingEvent);
      return parts.some((p) => p === null) ? null : `dp_accounting.ComposedDpEvent([${parts.join(", ")}])`;
    }
    default:
      return null;
  }
}

/** The snippets of a Poisson-subsampled Gaussian: ε by Opacus RDP, dp_accounting RDP, prv_accountant and Opacus PRV; σ by Opacus. */
export function sgmSnippets(a: SgmArguments, ours: { rdpEpsilon: number | null; prvEpsilon: number | null; epsError: number; targetEpsilon: number; noiseMultiplier: number; sigmaAccountant: "rdp" | "prv" }): Snippet[] {
  const [q, sigma, steps, delta] = [pythonNumber(a.samplingRate), pythonNumber(a.noiseMultiplier), String(a.steps), pythonNumber(a.delta)];
  const deltaError = pythonNumber(a.delta / 1000);
  const tail = (x: number | null, accountant: string) => (x === null ? `privadapt did not compute this figure by ${accountant}` : `privadapt (${accountant}): ${pythonNumber(x)}`);
  return [
    {
      library: "opacus", figure: "epsilon", accountant: "rdp", ours: ours.rdpEpsilon,
      code: [
        "from opacus.accountants import RDPAccountant",
        "acct = RDPAccountant()",
        `acct.history = [(${sigma}, ${q}, ${steps})]  # (σ, q, steps)`,
        `orders = ${PYTHON_DEFAULT_ORDERS}`,
        `print(acct.get_epsilon(delta=${delta}, alphas=orders))  # ${tail(ours.rdpEpsilon, "RDP")}`,
      ].join("\n"),
    },
    {
      library: "dp_accounting", figure: "epsilon", accountant: "rdp", ours: ours.rdpEpsilon,
      code: [
        "import dp_accounting",
        `event = dp_accounting.SelfComposedDpEvent(dp_accounting.PoissonSampledDpEvent(${q}, dp_accounting.GaussianDpEvent(${sigma})), ${steps})`,
        `acct = dp_accounting.rdp.RdpAccountant(${PYTHON_DEFAULT_ORDERS})`,
        `print(acct.compose(event).get_epsilon(${delta}))  # ${tail(ours.rdpEpsilon, "RDP")}`,
      ].join("\n"),
    },
    {
      library: "prv_accountant", figure: "epsilon", accountant: "prv", ours: ours.prvEpsilon,
      code: [
        "from prv_accountant.dpsgd import DPSGDAccountant",
        `acct = DPSGDAccountant(noise_multiplier=${sigma}, sampling_probability=${q}, max_steps=${steps}, eps_error=${pythonNumber(ours.epsError)}, delta_error=${deltaError})`,
        `eps_lower, eps_estimate, eps_upper = acct.compute_epsilon(num_steps=${steps}, delta=${delta})`,
        `print(eps_upper)  # ${tail(ours.prvEpsilon, "PRV")}`,
      ].join("\n"),
    },
    {
      library: "opacus", figure: "epsilon", accountant: "prv", ours: ours.prvEpsilon,
      code: [
        "from opacus.accountants import PRVAccountant",
        "acct = PRVAccountant()",
        `acct.history = [(${sigma}, ${q}, ${steps})]`,
        `print(acct.get_epsilon(delta=${delta}, eps_error=${pythonNumber(ours.epsError)}, delta_error=${deltaError}))  # ${tail(ours.prvEpsilon, "PRV")}`,
      ].join("\n"),
    },
    {
      // σ was calibrated with the headline accountant; Opacus's search passes eps_error/delta_error on to its PRV accountant.
      library: "opacus", figure: "sigma", accountant: ours.sigmaAccountant, ours: ours.noiseMultiplier,
      code: [
        "from opacus.accountants.utils import get_noise_multiplier",
        `sigma = get_noise_multiplier(target_epsilon=${pythonNumber(ours.targetEpsilon)}, target_delta=${delta}, sample_rate=${q}, steps=${steps}, accountant="${ours.sigmaAccountant}", epsilon_tolerance=0.01${ours.sigmaAccountant === "prv" ? `, eps_error=${pythonNumber(ours.epsError)}, delta_error=${deltaError}` : ""})`,
        `print(sigma)  # privadapt: ${pythonNumber(ours.noiseMultiplier)} (Opacus stops within epsilon_tolerance, so σ may differ slightly)`,
      ].join("\n"),
    },
  ];
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** The snippets for one method's privacy in a scenario. */
export function rederiveFor(scenario: Scenario, privacy: MethodPrivacy): Rederive {
  const method = privacy.method;
  let event: DpEvent;
  try {
    event = methodDescriptor(method).privacyEvent(scenario);
  } catch {
    return { method, arguments: null, snippets: [], note: "The method's DP event could not be built for this scenario, so there is nothing to re-derive." };
  }
  const args = sgmArguments(event, privacy.delta);
  const code = args === null ? dpAccountingEvent(event) : null;
  // Our RDP value for exactly these arguments (cheap: closed forms over the order grid), so the
  // snippet's expected value is the engine's, whichever accountant produced the headline ε.
  const rdp = args !== null || code !== null ? finite(computeEpsilon(event, privacy.delta, { accountant: "rdp", orders: "default" }).epsilon) : null;
  const prv = privacy.accountant === "prv" ? privacy.epsilon : null;
  if (args !== null) {
    // Only the accountant that produced the stated ε (and σ): the figure shown is the one to re-derive.
    const headline = privacy.accountant === "prv" ? "prv" : "rdp";
    const snippets = sgmSnippets(args, { rdpEpsilon: rdp, prvEpsilon: prv, epsError: prvEpsError(privacy.targetEpsilon), targetEpsilon: privacy.targetEpsilon, noiseMultiplier: args.noiseMultiplier, sigmaAccountant: headline }).filter((x) => x.accountant === headline);
    return { method, arguments: args, snippets, note: headline === "prv" ? "PRV: libraries agree within eps_error." : "RDP: libraries agree to ~1e-3 relative." };
  }
  if (code === null) {
    return { method, arguments: null, snippets: [], note: "This method's DP event includes a mechanism (exponential, a failure probability or a pure (ε, δ) term) that Opacus, prv_accountant and dp_accounting have no event for; its ε follows the derivation cited in the method's sources." };
  }
  const snippet: Snippet = {
    library: "dp_accounting", figure: "epsilon", accountant: "rdp", ours: rdp,
    code: [
      "import math",
      "import dp_accounting",
      `event = ${code}`,
      `acct = dp_accounting.rdp.RdpAccountant(${PYTHON_DEFAULT_ORDERS})`,
      `print(acct.compose(event).get_epsilon(${pythonNumber(privacy.delta)}))  # ${rdp === null ? "privadapt: unbounded" : `privadapt (RDP, these orders): ${pythonNumber(rdp)}`}`,
    ].join("\n"),
  };
  const same = rdp !== null && rdp === privacy.epsilon;
  return { method, arguments: null, snippets: [snippet], note: same ? "Reproduces the stated ε." : `The stated ε is by ${privacy.accountant}; this is our RDP bound for the same event.` };
}
