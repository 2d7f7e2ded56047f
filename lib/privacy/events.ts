/**
 * Privacy mechanisms as data: an immutable, tagged event algebra after Google's dp_accounting
 * (`dp_event.py`). An event holds exactly what accounting needs and nothing else; accountants
 * (./rdp.ts, ./prv.ts) are folds over the tree with an exhaustive `switch`.
 *
 * DP-SGD for T steps at sampling rate q and noise multiplier σ is
 *   `selfComposed(T, poissonSampled(q, gaussian(σ)))`,
 * and the repeat count lives only in `selfComposed`, so no accountant multiplies it twice.
 *
 * Stability rule (dp_accounting's): never change what a kind means; add a new kind or an
 * optional field instead.
 *
 * Constructors validate and throw a `RangeError` that names the parameter, e.g.
 * `"noiseMultiplier must be > 0; got -1"`. NaN is never accepted.
 */

/** No privacy cost (e.g. post-processing, or a step that touches only public data). */
export interface NoOpEvent { readonly kind: "noOp" }

/** A step with no privacy guarantee; every accountant reports ε = ∞ for a composition holding it. */
export interface NonPrivateEvent { readonly kind: "nonPrivate" }

/**
 * The Gaussian mechanism with L2 sensitivity 1 and noise std `noiseMultiplier`
 * (noise std ÷ sensitivity). RDP α/(2σ²) (Mironov 2017, Prop. 7).
 */
export interface GaussianEvent { readonly kind: "gaussian"; readonly noiseMultiplier: number }

/**
 * Report-noisy-max with Gaussian noise on a vote histogram (GNMax, Papernot et al. 2018):
 * `noiseMultiplier` is the noise std in votes. Changing one record moves one vote from one class
 * to another, an L2 change of √2, so the event is a Gaussian with multiplier σ/√2: RDP α/σ².
 */
export interface GnmaxEvent { readonly kind: "gnmax"; readonly noiseMultiplier: number }

/**
 * An ε-DP selection (exponential mechanism, Gumbel-max, LimitedDomain). Its worst-case RDP is
 * that of ε-randomized response (docs/derivations.md §1 P5).
 */
export interface ExponentialEvent { readonly kind: "exponential"; readonly epsilon: number }

/** A mechanism known only to be (ε, δ)-DP. With δ = 0 it is pure DP and RDP can use it. */
export interface EpsilonDeltaEvent { readonly kind: "epsilonDelta"; readonly epsilon: number; readonly delta: number }

/** Run `event` on a Poisson subsample: each record is included independently with `samplingRate`. */
export interface PoissonSampledEvent { readonly kind: "poissonSampled"; readonly samplingRate: number; readonly event: DpEvent }

/** `count` independent repetitions of the same event (adaptive composition). */
export interface SelfComposedEvent { readonly kind: "selfComposed"; readonly count: number; readonly event: DpEvent }

/** Adaptive composition of different events. */
export interface ComposedEvent { readonly kind: "composed"; readonly events: readonly DpEvent[] }

/**
 * `event`'s guarantee holds except with probability `failureProbability` (δ0): a
 * propose-test-release step (DP-ICL KSA, PromptPATEGen) or DP-OPT's LimitedDomain mechanism.
 * Accountants carry δ0 separately: under Poisson subsampling at rate q the RDP is amplified at
 * q' = q(1−δ0)/(1−qδ0) and each step adds q·δ0 to δ (DP-OPT `dp_accountant.py`; Zhu & Wang 2019).
 */
export interface WithFailureEvent { readonly kind: "withFailure"; readonly failureProbability: number; readonly event: DpEvent }

export type DpEvent =
  | NoOpEvent
  | NonPrivateEvent
  | GaussianEvent
  | GnmaxEvent
  | ExponentialEvent
  | EpsilonDeltaEvent
  | PoissonSampledEvent
  | SelfComposedEvent
  | ComposedEvent
  | WithFailureEvent;

export type DpEventKind = DpEvent["kind"];

// ---------------------------------------------------------------------------------------------
// Validation helpers: one message format everywhere ("<name> must be <rule>; got <value>").
// ---------------------------------------------------------------------------------------------

function isNumber(x: unknown): x is number {
  return typeof x === "number" && !Number.isNaN(x);
}

/** Throws unless `value` is a finite number > 0. */
export function requirePositive(name: string, value: number): number {
  if (!isNumber(value) || !(value > 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be > 0; got ${value}`);
  return value;
}

/** Throws unless `value` is a finite number ≥ 0. */
export function requireNonNegative(name: string, value: number): number {
  if (!isNumber(value) || !(value >= 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be >= 0; got ${value}`);
  return value;
}

/** Throws unless `value` is in the interval given by the bounds and openness flags. */
export function requireInterval(name: string, value: number, low: number, high: number, lowOpen: boolean, highOpen: boolean): number {
  const ok = isNumber(value) && (lowOpen ? value > low : value >= low) && (highOpen ? value < high : value <= high);
  if (!ok) throw new RangeError(`${name} must be in ${lowOpen ? "(" : "["}${low}, ${high}${highOpen ? ")" : "]"}; got ${value}`);
  return value;
}

/** Throws unless `value` is a non-negative safe integer. */
export function requireCount(name: string, value: number): number {
  if (!isNumber(value) || !Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer; got ${value}`);
  return value;
}

function requireEvent(name: string, event: unknown): DpEvent {
  if (typeof event !== "object" || event === null || typeof (event as { kind?: unknown }).kind !== "string") {
    throw new RangeError(`${name} must be a DpEvent; got ${String(event)}`);
  }
  return event as DpEvent;
}

// ---------------------------------------------------------------------------------------------
// Constructors. Each returns a frozen object, so an event can be shared and cached safely.
// ---------------------------------------------------------------------------------------------

const NO_OP: NoOpEvent = Object.freeze({ kind: "noOp" });
const NON_PRIVATE: NonPrivateEvent = Object.freeze({ kind: "nonPrivate" });

/** @example noOp().kind === "noOp" */
export function noOp(): NoOpEvent {
  return NO_OP;
}

/** @example nonPrivate().kind === "nonPrivate" */
export function nonPrivate(): NonPrivateEvent {
  return NON_PRIVATE;
}

/**
 * @param noiseMultiplier noise std ÷ L2 sensitivity, > 0.
 * @example gaussian(1.1) // one DP-SGD step without subsampling
 */
export function gaussian(noiseMultiplier: number): GaussianEvent {
  return Object.freeze({ kind: "gaussian", noiseMultiplier: requirePositive("noiseMultiplier", noiseMultiplier) });
}

/**
 * @param noiseMultiplier noise std in votes (sensitivity √2 is built in), > 0.
 * @example gnmax(20) // one PATE answer with σ_G = 20 votes: RDP α/400
 */
export function gnmax(noiseMultiplier: number): GnmaxEvent {
  return Object.freeze({ kind: "gnmax", noiseMultiplier: requirePositive("noiseMultiplier", noiseMultiplier) });
}

/**
 * @param epsilon the selection's pure-DP ε, ≥ 0 (0 is a data-independent choice: no cost).
 * @example exponential(1.8) // one DP-OPT token vote
 */
export function exponential(epsilon: number): ExponentialEvent {
  return Object.freeze({ kind: "exponential", epsilon: requireNonNegative("epsilon", epsilon) });
}

/**
 * @param epsilon ≥ 0. @param delta in [0, 1).
 * @example epsilonDelta(0.5, 0) // a pure 0.5-DP step
 */
export function epsilonDelta(epsilon: number, delta: number): EpsilonDeltaEvent {
  return Object.freeze({ kind: "epsilonDelta", epsilon: requireNonNegative("epsilon", epsilon), delta: requireInterval("delta", delta, 0, 1, false, true) });
}

/**
 * @param samplingRate probability q in [0, 1] that a record is in the subsample.
 * @example poissonSampled(0.01, gaussian(1)) // one DP-SGD step
 */
export function poissonSampled(samplingRate: number, event: DpEvent): PoissonSampledEvent {
  return Object.freeze({
    kind: "poissonSampled",
    samplingRate: requireInterval("samplingRate", samplingRate, 0, 1, false, false),
    event: requireEvent("event", event),
  });
}

/**
 * @param count non-negative integer number of repetitions.
 * @example selfComposed(1000, poissonSampled(0.01, gaussian(1))) // 1000 DP-SGD steps
 */
export function selfComposed(count: number, event: DpEvent): SelfComposedEvent {
  return Object.freeze({ kind: "selfComposed", count: requireCount("count", count), event: requireEvent("event", event) });
}

/** @example composed([gaussian(1), exponential(0.5)]) // a PTR test then a keyword selection */
export function composed(events: readonly DpEvent[]): ComposedEvent {
  if (!Array.isArray(events)) throw new RangeError(`events must be an array of DpEvent; got ${String(events)}`);
  events.forEach((e, i) => requireEvent(`events[${i}]`, e));
  return Object.freeze({ kind: "composed", events: Object.freeze([...events]) });
}

/**
 * @param failureProbability δ0 in [0, 1): probability that the inner guarantee does not hold.
 * @example withFailure(5e-7, exponential(1.8)) // DP-OPT's LimitedDomain token step
 */
export function withFailure(failureProbability: number, event: DpEvent): WithFailureEvent {
  return Object.freeze({
    kind: "withFailure",
    failureProbability: requireInterval("failureProbability", failureProbability, 0, 1, false, true),
    event: requireEvent("event", event),
  });
}

/** Thrown by an accountant that cannot account for an event; never replaced by a silent fallback. */
export class UnsupportedEventError extends Error {
  readonly accountant: string;
  readonly eventKind: string;
  constructor(accountant: string, eventKind: string, reason: string) {
    super(`${accountant} accountant does not support ${eventKind}: ${reason}`);
    this.name = "UnsupportedEventError";
    this.accountant = accountant;
    this.eventKind = eventKind;
  }
}

/** A one-line human description of an event tree, for notes and error messages. */
export function describeEvent(event: DpEvent): string {
  switch (event.kind) {
    case "noOp":
      return "noOp";
    case "nonPrivate":
      return "nonPrivate";
    case "gaussian":
      return `gaussian(σ=${event.noiseMultiplier})`;
    case "gnmax":
      return `gnmax(σ=${event.noiseMultiplier})`;
    case "exponential":
      return `exponential(ε=${event.epsilon})`;
    case "epsilonDelta":
      return `epsilonDelta(ε=${event.epsilon}, δ=${event.delta})`;
    case "poissonSampled":
      return `poissonSampled(q=${event.samplingRate}, ${describeEvent(event.event)})`;
    case "selfComposed":
      return `selfComposed(${event.count}, ${describeEvent(event.event)})`;
    case "composed":
      return `composed[${event.events.map(describeEvent).join(", ")}]`;
    case "withFailure":
      return `withFailure(δ0=${event.failureProbability}, ${describeEvent(event.event)})`;
  }
}
