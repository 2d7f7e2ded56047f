/**
 * Shared pieces of the method files: which accountant to run, when a mechanism is still useful,
 * and the JSON-safe shape of numbers.
 */
import { PRV_MIN_DELTA as PRIVACY_PRV_MIN_DELTA, upperNormalQuantile, type AccountantSpec, type EpsilonResult, type NoiseCalibration } from "../privacy";
import { formatCount } from "../present/format";
import type { Scenario } from "../scenario";
import type { DataRequirement, ExposureContext, MethodPrivacy, ProviderExposure } from "./types";
import type { MethodCost, MethodWork, WorkContext } from "../cost/work-types";

/** JSON has no Infinity or NaN: a non-finite number becomes null (read "unbounded"). */
export function finiteOrNull(x: number | null | undefined): number | null {
  return typeof x === "number" && Number.isFinite(x) ? x : null;
}

/**
 * PRV's ε error for method results: 5% of the target, between 0.002 and 0.05. dp-transformers
 * calibrates with 0.05; a finer error would only cost time, and the upper bound we report (and
 * calibrate on) already includes it, so the choice errs on the safe side.
 */
export function prvEpsError(targetEpsilon: number): number {
  return Math.min(0.05, Math.max(0.002, targetEpsilon / 20));
}

/** Above this many subsampled compositions a PRV grid outgrows an interactive budget (~2^21 points). */
export const PRV_MAX_COMPOSITIONS = 300_000;

/**
 * The largest PRV grid a method's privacy may use: 2^20 points, one composition ≈ 0.1–0.3 s on
 * this 2-core machine (measured). Beyond it the registry recomputes the method with RDP and says so.
 */
export const PRV_MAX_GRID_POINTS = 2 ** 20;

/**
 * Method results accept up to 5% more PRV ε error (0.05 → ≤ 0.0525) when that keeps a grid within
 * a power of two: the default scenario's DP-ICL check needed 524,440 points, 152 past 2^19, and paid
 * for a 2^20 FFT (≈ ⅓ of its cold time). The bounds reported carry the error actually used.
 */
export const PRV_FFT_SLACK = 0.05;

/**
 * The smallest δ at which method results use PRV: the PRV accountant's own limit (lib/privacy/prv.ts
 * PRV_MIN_DELTA, 1e-10: below it FFT round-off swamps the tail mass δ is read from, and PRV's
 * "upper bound" fell below RDP's at δ = 1e-20). Below it the methods use RDP and say so.
 */
export const PRV_MIN_DELTA = PRIVACY_PRV_MIN_DELTA;

/**
 * The accountant a Gaussian method uses: the scenario's choice, except where PRV cannot give a
 * meaningful answer — then RDP, and the note says so (it is never a silent switch).
 */
export function gaussianSpec(scenario: Scenario, compositions: number): { spec: AccountantSpec; note: string | null } {
  if (scenario.accountant === "rdp") return { spec: { accountant: "rdp", orders: "default" }, note: null };
  const epsError = prvEpsError(scenario.epsilon);
  if (compositions > PRV_MAX_COMPOSITIONS) {
    return { spec: { accountant: "rdp", orders: "default" }, note: `PRV would need a grid of millions of points for ${formatCount(compositions)} compositions; the RDP accountant (an upper bound) produced these numbers instead.` };
  }
  if (scenario.delta < PRV_MIN_DELTA) {
    return { spec: { accountant: "rdp", orders: "default" }, note: `δ = ${scenario.delta} is below ${PRV_MIN_DELTA}, where PRV's double-precision FFT cannot resolve the tail mass δ lives in; the RDP accountant (an upper bound) produced these numbers instead.` };
  }
  if (scenario.epsilon <= 2 * epsError) {
    return { spec: { accountant: "rdp", orders: "default" }, note: `ε = ${scenario.epsilon} is within PRV's error margin (${epsError}); the RDP accountant produced these numbers instead.` };
  }
  return { spec: { accountant: "prv", epsError, maxGridPoints: PRV_MAX_GRID_POINTS, fftSlack: PRV_FFT_SLACK }, note: null };
}

/** The RDP spec used for "allowed" counts: exact integer searches are cheap with RDP. */
export const RDP_SPEC: AccountantSpec = { accountant: "rdp", orders: "default" };

/** Probability with which a unanimous ensemble must still get its answer through the noise [assumption]. */
export const USEFUL_ANSWER_PROBABILITY = 0.9;

/**
 * The largest noise std (in votes) at which a unanimous ensemble of `ensemble` voters still wins
 * report-noisy-max against each of the other classes' noisy zero counts with probability ≥ 0.9
 * (union bound over the C − 1 rivals; each difference has std √2·σ):
 *   σ_max = E / (√2 · z), with z the upper (0.1/(C−1))-quantile of N(0, 1).
 * Beyond σ_max the released label is mostly noise, so we call more noise "not useful". [assumption]
 * @example usefulVoteNoise(10, 2) ≈ 5.52
 */
export function usefulVoteNoise(ensemble: number, classes: number): number {
  const rivals = Math.max(1, classes - 1);
  return ensemble / (Math.SQRT2 * upperNormalQuantile((1 - USEFUL_ANSWER_PROBABILITY) / rivals));
}

/** The PRV bounds of an ε result, if it has them. */
export function boundsOf(result: EpsilonResult | null): { lower: number; estimate: number; upper: number } | undefined {
  if (!result?.bounds) return undefined;
  const { lower, estimate, upper } = result.bounds;
  if (![lower, estimate, upper].every(Number.isFinite)) return undefined;
  return { lower, estimate, upper };
}

/** Sampling rate k/N clipped to 1 (k records of N); the note says when it was clipped. */
export function clippedRate(recordsPerStep: number, pool: number, what: string): { rate: number; note: string | null } {
  const raw = recordsPerStep / pool;
  if (raw >= 1) return { rate: 1, note: `${what} (${recordsPerStep}) is at least the private pool (${Math.round(pool)} records): every step sees all the data, so there is no amplification by subsampling (q = 1).` };
  return { rate: raw, note: null };
}

export const HANKE = "Hanke et al. 2024 (NeurIPS), Table 2 and Appendix D";
export const MECHANICS = "docs/derivations.md";

/**
 * The fields every noise-calibrated method reports the same way: the target, the ε achieved and
 * the accountant that produced it, PRV's bounds when PRV did, and σ.
 */
export function calibratedFields(scenario: Scenario, calibration: NoiseCalibration): Pick<MethodPrivacy, "targetEpsilon" | "epsilon" | "delta" | "accountant" | "bounds" | "noiseMultiplier"> {
  return {
    targetEpsilon: scenario.epsilon,
    epsilon: finiteOrNull(calibration.epsilon),
    delta: scenario.delta,
    accountant: calibration.accountant,
    bounds: boundsOf(calibration.result),
    noiseMultiplier: calibration.noiseMultiplier,
  };
}

/**
 * One data requirement: `needed` of something out of `available`, met when needed ≤ available.
 * `unmet` is the one-line reason shown when the plan cannot run; `met` says what holds otherwise.
 * @example requirement({ id: "batch", what: "records per batch", needed: 128, available: 100, unmet: "…", met: "…", source: "…" }).met // false
 */
export function requirement(r: { id: string; what: string; needed: number; available: number; unmet: string; met: string; source: string }): DataRequirement {
  const met = r.needed <= r.available;
  return { id: r.id, what: r.what, needed: r.needed, available: r.available, met, reason: met ? r.met : r.unmet, source: r.source };
}

/** "1,025" — counts in requirement lines. */
export function count(n: number): string {
  return formatCount(n);
}

/**
 * The records a fixed teacher ensemble holds (PromptPATE, PromptPATEGen): E prompts of s records
 * each, pairwise disjoint so that one record sits in exactly one teacher and changes at most one
 * vote (the sensitivity every PATE analysis rests on, Papernot et al. 2018, Section 2). The student
 * prompt's k shots are public inputs the teachers labelled, so k ≤ P.
 */
export function teacherRequirements(scenario: Scenario, label: string, knobs: { ensemble: number; shots: number; public: number; studentShots: number }, source: string): DataRequirement[] {
  const { ensemble, shots, public: answered, studentShots } = knobs;
  const needed = ensemble * shots;
  return [
    requirement({
      id: "teacher-records", what: `disjoint private records in the teacher prompts (E × s = ${count(ensemble)} × ${count(shots)})`, needed, available: scenario.records,
      unmet: `${label}'s ${count(ensemble)} teachers × ${count(shots)} shot${shots === 1 ? "" : "s"} need ${count(needed)} disjoint private records; N = ${count(scenario.records)}, so the teachers cannot be built.`,
      met: `${count(needed)} of the ${count(scenario.records)} private records fill the ${count(ensemble)} teachers, one teacher per record.`,
      source,
    }),
    requirement({
      id: "student-examples", what: `labelled public examples in the student prompt (k = ${count(studentShots)} of P = ${count(answered)})`, needed: studentShots, available: answered,
      unmet: `${label}'s student prompt needs ${count(studentShots)} labelled public examples but the teachers label only ${count(answered)}.`,
      met: `The student prompt's ${count(studentShots)} shot${studentShots === 1 ? "" : "s"} come from the ${count(answered)} public examples the teachers label.`,
      source,
    }),
  ];
}

/**
 * What a fixed teacher ensemble sends a provider (PromptPATE, PromptPATEGen): the same E × s
 * records label every public example, so min(N, E·s) distinct records, each sent once per public
 * example (docs/derivations.md §4 and §5 "Leakage").
 * @example SST2, 400 teachers × 1 shot, 300 public examples: 400 records, 120,000 record-sends.
 */
export function fixedTeacherExposure({ scenario, provider, tools: t }: ExposureContext, method: "prompt-pate" | "prompt-pate-gen", source: string): ProviderExposure {
  const n = scenario.records;
  const { ensemble, shots, public: publicExamples } = scenario.knobs[method];
  const records = Math.min(n, ensemble * shots);
  const fraction = records / n;
  const formula = `min(N, E·s) = min(${t.formatQuantity(n)}, ${ensemble}·${shots}) = ${t.formatQuantity(records)} records (${t.formatPercent(fraction)} of N)`;
  return {
    records, expected: false, fraction, recordSends: records * publicExamples, queryCopies: 1,
    channelA: { status: "exposed", formula, reason: `The ${t.formatQuantity(ensemble)} teacher prompts hold a fixed set of ${t.formatQuantity(records)} private records, sent in plaintext to ${provider} with each of ${t.formatQuantity(publicExamples)} public examples they label.` },
    source,
  };
}

/**
 * A method's cost work written as one function of the scenario (the methods beyond the study),
 * placed after the study's base notes: the context's Appendix D assumption and source come first,
 * then the method's own.
 * @example fromWork(context, postWork(context.scenario)).sources[0] // "Hanke et al. 2024, Appendix D (token cost method)"
 */
export function fromWork(context: WorkContext, work: MethodWork): ReturnType<MethodCost["work"]> {
  return { training: work.training, perQuery: work.perQuery, assumptions: [...context.assumptions, ...work.assumptions], sources: [...context.sources, ...work.sources] };
}
