/**
 * `epsilon`, `sigma` and `budget`: the privacy engine on the command line (issue #3).
 *
 *   epsilon --noise-multiplier S --sample-rate Q --steps T --delta D [--accountant rdp|prv] [--orders default|opacus]
 *     → {"epsilon": e, "accountant": "rdp", "order": a}  or
 *       {"epsilon": e, "accountant": "prv", "bounds": {"lower": l, "estimate": m, "upper": u}} (ε = upper, the safe one)
 *     When the accountant has no finite bound (ε = ∞; JSON has no Infinity), `"epsilon": null`
 *     comes with `"unbounded": true` and a `"note"` that says so in words, as `epsilon: null` means
 *     unbounded in a method's privacy (lib/methods/types.ts). The flag is absent for a finite ε.
 *     Every answer is a finite upper bound, ∞ stated as such, or a field error (exit 2).
 *   sigma --epsilon E --delta D --sample-rate Q --steps T [--accountant rdp|prv] [--orders default|opacus]
 *     → {"noiseMultiplier": s, "epsilon": achieved, "accountant": "..."}
 *   budget --query '<share-link query>'
 *     → {"canonical": "...", "methods": [MethodPrivacy, ...]}
 *
 * Bad flags exit 2 with `{"errors":[{field, message, received, allowed}]}` on stderr.
 */
import {
  calibrateNoiseMultiplier, computeEpsilon, dpSgdEvent, formatEpsilon, parseScenario, privacyForScenario, serializeScenario, PRV_MIN_DELTA, PrvDeltaOutOfRangeError,
  PrvGridTooLargeError, PrvRoundOffError,
  type AccountantSpec, type EpsilonResult, type FieldError,
} from "../index";
import { fail, withFlags, type Command } from "./command";
import type { FlagSpec } from "./args";

/** Plain decimal or scientific notation only, as in the share-link codec. */
const NUMBER_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** PRV composes on a grid that grows like √T; beyond this many steps use --accountant rdp. */
const PRV_MAX_STEPS = 1_000_000;

interface NumberRule {
  flag: string;
  allowed: string;
  test: (x: number) => boolean;
  integer?: boolean;
}

const RULES = {
  "noise-multiplier": { flag: "noise-multiplier", allowed: "a number > 0", test: (x: number) => x > 0 },
  "sample-rate": { flag: "sample-rate", allowed: "a number in (0, 1]", test: (x: number) => x > 0 && x <= 1 },
  steps: { flag: "steps", allowed: "an integer >= 1", test: (x: number) => x >= 1 && Number.isSafeInteger(x), integer: true },
  delta: { flag: "delta", allowed: "a number in (0, 1)", test: (x: number) => x > 0 && x < 1 },
  epsilon: { flag: "epsilon", allowed: "a number > 0", test: (x: number) => x > 0 },
  "eps-error": { flag: "eps-error", allowed: "a number in (0, 1]", test: (x: number) => x > 0 && x <= 1 },
} satisfies Record<string, NumberRule>;

function readNumber(flags: Record<string, string | true>, rule: NumberRule, errors: FieldError[]): number | undefined {
  const raw = flags[rule.flag];
  if (raw === undefined) return undefined;
  const text = typeof raw === "string" ? raw.trim() : "";
  const value = NUMBER_PATTERN.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(value) || !rule.test(value)) {
    const kind = rule.integer && Number.isFinite(value) && !Number.isInteger(value) ? "must be an integer" : `must be ${rule.allowed}`;
    errors.push({ field: rule.flag, message: `--${rule.flag} ${kind}; got ${JSON.stringify(raw)}`, received: raw, allowed: rule.allowed });
    return undefined;
  }
  return value;
}

function readChoice(flags: Record<string, string | true>, flag: string, choices: readonly string[], errors: FieldError[]): string | undefined {
  const raw = flags[flag];
  if (raw === undefined) return undefined;
  if (typeof raw !== "string" || !choices.includes(raw)) {
    errors.push({ field: flag, message: `--${flag} must be one of ${choices.join(", ")}; got ${JSON.stringify(raw)}`, received: raw, allowed: choices.join(" | ") });
    return undefined;
  }
  return raw;
}

const ACCOUNTANT_FLAG: FlagSpec = { name: "accountant", description: "prv (default; tight, reports lower/estimate/upper) or rdp (Rényi DP, an upper bound)." };
const ORDERS_FLAG: FlagSpec = { name: "orders", description: "RDP order grid: default ({1.1..10.9} ∪ {11..256}) or opacus ({1.1..10.9} ∪ {12..63}). RDP only." };
const EPS_ERROR_FLAG: FlagSpec = { name: "eps-error", description: "PRV's error budget in ε (default 0.01, as prv_accountant and Opacus). PRV only." };

/** The accountant settings from the flags, with the cross-flag checks. */
function readSpec(flags: Record<string, string | true>, steps: number | undefined, delta: number | undefined, errors: FieldError[]): AccountantSpec {
  const accountant = readChoice(flags, "accountant", ["prv", "rdp"], errors) ?? "prv";
  const orders = readChoice(flags, "orders", ["default", "opacus"], errors) as "default" | "opacus" | undefined;
  const epsError = readNumber(flags, RULES["eps-error"], errors);
  if (accountant === "prv" && orders !== undefined) errors.push({ field: "orders", message: "--orders applies to --accountant rdp only", received: orders, allowed: "omit --orders, or use --accountant rdp" });
  if (accountant === "rdp" && epsError !== undefined) errors.push({ field: "eps-error", message: "--eps-error applies to --accountant prv only", received: flags["eps-error"], allowed: "omit --eps-error, or use --accountant prv" });
  if (accountant === "prv" && steps !== undefined && steps > PRV_MAX_STEPS) {
    errors.push({ field: "steps", message: `--steps above ${PRV_MAX_STEPS} is too many for the PRV grid; use --accountant rdp`, received: steps, allowed: `an integer in [1, ${PRV_MAX_STEPS}] with --accountant prv` });
  }
  if (accountant === "prv" && delta !== undefined && delta < PRV_MIN_DELTA) {
    errors.push({ field: "delta", message: `--delta below ${PRV_MIN_DELTA} is out of the PRV accountant's range (FFT round-off swamps the tail mass δ is read from); use --accountant rdp`, received: delta, allowed: `a number in [${PRV_MIN_DELTA}, 1) with --accountant prv` });
  }
  return accountant === "rdp" ? { accountant: "rdp", orders: orders ?? "default" } : { accountant: "prv", epsError: epsError ?? 0.01 };
}

/**
 * Engine RangeErrors (limits no flag check caught) become field errors, exit 2, naming the flag to
 * change. A PRV grid that is too large names the parameter the engine found responsible
 * (`PrvGridTooLargeError.field`): the noise (a domain too wide: ε is large) or the steps (a mesh
 * too fine). `flagFor` maps the engine's names to this command's flags and received values.
 */
function engineError(io: Parameters<Command["run"]>[1], error: unknown, flagFor: (engineField: "noiseMultiplier" | "steps" | null) => { field: string; received: unknown; allowed: string }): number {
  if (error instanceof PrvDeltaOutOfRangeError) return fail(io, [{ field: "delta", message: error.message, received: error.delta, allowed: `a number in [${PRV_MIN_DELTA}, 1) with --accountant prv` }]);
  if (error instanceof PrvRoundOffError) {
    return fail(io, [{ field: "delta", message: error.message, received: error.delta, allowed: "a larger --delta, or --accountant rdp" }]);
  }
  if (error instanceof PrvGridTooLargeError) {
    const { field, received, allowed } = flagFor(error.field);
    return fail(io, [{ field, message: error.message, received, allowed }]);
  }
  if (error instanceof RangeError) {
    const { field, received } = flagFor(null);
    return fail(io, [{ field, message: error.message, received, allowed: "see --help" }]);
  }
  throw error;
}

/** What fixes a PRV grid that is too large because of many steps (a mesh too fine). */
const FEWER_STEPS = "--accountant rdp, fewer --steps, or a larger --eps-error";

/**
 * The epsilon command's answer. A finite ε prints as before; ε = ∞ (the accountant has no finite
 * bound, e.g. σ = 1e-154: α/(2σ²) overflows) prints `null` with `"unbounded": true` and a note,
 * because JSON.stringify turns Infinity into a bare null that reads like "missing".
 */
function epsilonOutput(r: EpsilonResult, sigma: number): Record<string, unknown> {
  const detail = r.accountant === "prv" ? { bounds: r.bounds } : { order: r.order };
  if (Number.isFinite(r.epsilon)) return { epsilon: r.epsilon, accountant: r.accountant, ...detail };
  const bounds = r.bounds ? { lower: finiteOrNull(r.bounds.lower), estimate: finiteOrNull(r.bounds.estimate), upper: finiteOrNull(r.bounds.upper) } : undefined;
  return {
    epsilon: null, unbounded: true, accountant: r.accountant, ...(r.accountant === "prv" ? { bounds } : { order: r.order ?? null }),
    note: `ε = ∞: the ${r.accountant} accountant has no finite bound for σ = ${sigma} (its privacy loss overflows double precision); this setting gives no privacy guarantee.`,
  };
}

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

export const epsilonCommand: Command = {
  name: "epsilon",
  summary: "ε of DP-SGD (T Poisson-subsampled Gaussian steps) at δ, by PRV or RDP.",
  flags: [
    { name: "noise-multiplier", description: "σ: noise std ÷ L2 sensitivity, > 0.", required: true },
    { name: "sample-rate", description: "q: Poisson sampling rate in (0, 1].", required: true },
    { name: "steps", description: "T: number of steps, an integer >= 1.", required: true },
    { name: "delta", description: "δ in (0, 1).", required: true },
    ACCOUNTANT_FLAG, ORDERS_FLAG, EPS_ERROR_FLAG,
  ],
  run(argv, io) {
    const flags = withFlags(this, argv, io);
    if (typeof flags === "number") return flags;
    const errors: FieldError[] = [];
    const sigma = readNumber(flags, RULES["noise-multiplier"], errors);
    const q = readNumber(flags, RULES["sample-rate"], errors);
    const steps = readNumber(flags, RULES.steps, errors);
    const delta = readNumber(flags, RULES.delta, errors);
    const spec = readSpec(flags, steps, delta, errors);
    if (errors.length > 0 || sigma === undefined || q === undefined || steps === undefined || delta === undefined) return fail(io, errors);
    try {
      io.out(JSON.stringify(epsilonOutput(computeEpsilon(dpSgdEvent(sigma, q, steps), delta, spec), sigma)));
      return 0;
    } catch (error) {
      return engineError(io, error, (field) => (field === "noiseMultiplier"
        ? { field: "noise-multiplier", received: sigma, allowed: "--accountant rdp (it bounds any σ, and says ε = ∞ where no finite bound exists), or a larger --noise-multiplier" }
        : { field: "steps", received: steps, allowed: FEWER_STEPS }));
    }
  },
};

export const sigmaCommand: Command = {
  name: "sigma",
  summary: "The smallest safe noise multiplier σ for DP-SGD at target (ε, δ), by PRV or RDP.",
  flags: [
    { name: "epsilon", description: "Target ε, > 0.", required: true },
    { name: "delta", description: "δ in (0, 1).", required: true },
    { name: "sample-rate", description: "q: Poisson sampling rate in (0, 1].", required: true },
    { name: "steps", description: "T: number of steps, an integer >= 1.", required: true },
    ACCOUNTANT_FLAG, ORDERS_FLAG, EPS_ERROR_FLAG,
  ],
  run(argv, io) {
    const flags = withFlags(this, argv, io);
    if (typeof flags === "number") return flags;
    const errors: FieldError[] = [];
    const epsilon = readNumber(flags, RULES.epsilon, errors);
    const delta = readNumber(flags, RULES.delta, errors);
    const q = readNumber(flags, RULES["sample-rate"], errors);
    const steps = readNumber(flags, RULES.steps, errors);
    const spec = readSpec(flags, steps, delta, errors);
    if (errors.length > 0 || epsilon === undefined || delta === undefined || q === undefined || steps === undefined) return fail(io, errors);
    try {
      const r = calibrateNoiseMultiplier({ targetEpsilon: epsilon, delta, samplingRate: q, steps, spec });
      if (!r.feasible || r.noiseMultiplier === null) {
        // Suggest only what would work: an RDP call cannot be told to use RDP, and a PRV call only
        // when RDP does reach the target (below its σ → ∞ floor, ~0.02 at δ = 1e-5, it does not).
        const allowed = spec.accountant === "rdp"
          ? `a larger ε (at σ = 1e6 the RDP bound is ${formatEpsilon(r.epsilon)})`
          : calibrateNoiseMultiplier({ targetEpsilon: epsilon, delta, samplingRate: q, steps, spec: { accountant: "rdp", orders: "default" } }).feasible
            ? "a larger ε, a smaller --eps-error, or --accountant rdp (it reaches this ε)"
            : "a larger ε, or a smaller --eps-error (the RDP accountant does not reach this ε either)";
        return fail(io, [{ field: "epsilon", message: `no noise multiplier up to 1e6 reaches ε = ${epsilon} with the ${spec.accountant} accountant${spec.accountant === "prv" ? ` (its upper bound is at least eps-error = ${spec.epsError})` : ""}`, received: epsilon, allowed }]);
      }
      io.out(JSON.stringify({ noiseMultiplier: r.noiseMultiplier, epsilon: r.epsilon, accountant: r.accountant, ...(r.result?.bounds ? { bounds: r.result.bounds } : {}) }));
      return 0;
    } catch (error) {
      // The search walks σ down while ε is above the target: a domain too wide means the target ε is large.
      return engineError(io, error, (field) => (field === "noiseMultiplier"
        ? { field: "epsilon", received: epsilon, allowed: "--accountant rdp, or a smaller --epsilon" }
        : { field: "steps", received: steps, allowed: FEWER_STEPS }));
    }
  },
};

export const budgetCommand: Command = {
  name: "budget",
  summary: "What the scenario's (ε, δ) buys each selected method: noise, queries/tokens/steps allowed, accountant.",
  flags: [{ name: "query", description: "A share-link query string, e.g. 'preset=trec&eps=1' (default: the default scenario)." }],
  run(argv, io) {
    const flags = withFlags(this, argv, io);
    if (typeof flags === "number") return flags;
    const parsed = parseScenario(typeof flags.query === "string" ? flags.query : "");
    if (!parsed.ok) return fail(io, parsed.errors);
    io.out(JSON.stringify({ canonical: serializeScenario(parsed.scenario), methods: privacyForScenario(parsed.scenario) }));
    return 0;
  },
};

export const PRIVACY_COMMANDS: Command[] = [epsilonCommand, sigmaCommand, budgetCommand];
