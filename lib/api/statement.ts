/**
 * The printable privacy-and-cost statement (/statement?<share link>&method=&model=), as data.
 * The page component only lays this out; everything said here is derived from the estimate.
 *
 * - A bad link never blanks the page: bad fields fall back to their defaults and are named in
 *   `problems` (the page shows them in a role="alert" banner).
 * - The chosen option is `method` + `model` from the link, or the decision's answer (lib/decide:
 *   `recommend()` under the link's must-haves and rank rule; without them privacy first, then the
 *   study's utility, then cost). The `decision` section shows the answer, the runner-up, every
 *   exclusion, what to relax, the answer's sensitivity (the tornado, as a table) and, with
 *   `flips=1` (seconds of bisection), the flip thresholds — the same `decision` the API and the
 *   CLI print with `sensitivity=1` (`--sensitivity`) and `flips=1` (`--flips`).
 * - The estimate uses the link's own accountant (PRV by default) through the shared memo: the
 *   first view of a link pays the PRV cost, later views and the API share the result.
 */
import {
  DATASETS, GPUS, KNOB_DEFAULT_NOTES, KNOB_SPECS, METHODS, MODELS, TOP_FIELDS, constraintsOf, formatAllowed, parseScenario, recommend, rederiveFor, serializeScenario,
  type Decision, type Rederive,
  type AccountantLabel, type RankedOption, type Recommendation, type RecommendOption, type Estimate, type EstimateRow, type FieldError, type FieldWarning, type LeakageChannelId,
  type LeakageChannelStatus, type MethodId, type MethodPrivacy, type RowFeasibility, type Scenario,
} from "../index";
import { cachedEstimate, engineVersion } from "./estimate-cache";
import { formatCount, formatDelta, formatEpsilon, formatEpsilonTarget, formatSig, formatUsdOrMissing } from "../present/format";
import { CHANNEL_NAMES, headlineOf, recommendableRows, scenarioLine, type Headline } from "./headline";

/** Query keys of the statement itself; they are not share-link keys. */
export const STATEMENT_KEYS = ["method", "model", "flips"] as const;
export const STATEMENT_PATH = "/statement";

export interface StatementProblems {
  errors: FieldError[];
  warnings: FieldWarning[];
  /** Problems with `method` / `model`. */
  selection: string[];
}

export interface LabelledValue {
  label: string;
  value: string;
}

export interface LedgerLine {
  channel: LeakageChannelId;
  name: string;
  status: LeakageChannelStatus;
  reason: string;
  formula: string | null;
}

export interface CostStageLine {
  phase: string;
  label: string;
  cost: string;
  formula: string;
}

export interface ChosenOption {
  method: MethodId;
  model: string;
  title: string;
  /** How it was chosen, in one sentence. */
  chosenBecause: string;
  methodSummary: string;
  deployment: string;
  guarantee: { headline: string; details: string[]; accountant: AccountantLabel; accountantWords: string; feasible: boolean };
  ledger: LedgerLine[];
  ledgerStatement: string | null;
  membershipTest: string | null;
  providerPolicy: string | null;
  costs: LabelledValue[];
  costStages: CostStageLine[];
  prices: string[];
  utility: LabelledValue[];
  /** Whose figure `utility` is: the study's (Hanke et al. 2024) or the method's own authors' (kind "reported", issue #17). */
  utilityFrom: "study" | "authors";
  knobs: LabelledValue[];
}

/** The decision (lib/decide) in words: the same answer the API and the CLI give for the link. */
export interface StatementDecision {
  answer: string | null;
  runnerUp: string | null;
  robustness: string;
  excluded: { title: string; reasons: string }[];
  relax: string[];
  /** The ε the decision ran at, and why (maxEps). */
  epsilon: string;
  notes: string[];
  rule: string;
  /** Flip thresholds in words; null when not computed (then `flipsLink` computes them). */
  flips: string[] | null;
  flipsLink: string | null;
  /** The answer's sensitivity (the page's tornado chart) as a table; null when there is no answer to move. */
  sensitivity: StatementSensitivity | null;
}

/**
 * The tornado as a printable table (lib/decide `withSensitivity`, the bars the API's
 * `sensitivity=1` and the page's chart carry): per input its range, and at each end the answer's
 * total cost and the option that is the answer there.
 */
export interface StatementSensitivity {
  caption: string;
  columns: string[];
  rows: string[][];
  /** Inputs without a bar, and why. */
  omitted: string[];
}

export interface Statement {
  title: string;
  decision: StatementDecision;
  /** Python snippets re-deriving the chosen option's ε and σ (lib/rederive); null without a chosen option. */
  rederive: Rederive | null;
  scenarioLine: string;
  /** The share link's canonical query (no leading ?). */
  canonical: string;
  /** Relative links; the page makes them absolute when it knows its origin. */
  links: { calculator: string; statement: string; api: string };
  problems: StatementProblems;
  scenario: LabelledValue[];
  chosen: ChosenOption | null;
  /** Why nothing was chosen, when `chosen` is null. */
  noChoiceReason: string | null;
  alternatives: { rank: number; title: string; why: string; statement: string }[];
  /** Ranked options in all. */
  rankedCount: number;
  /** Compared options left out of the ranking because they cannot run as planned, with why. */
  notRanked: { title: string; reason: string }[];
  headline: Headline;
  assumptions: string[];
  sources: string[];
  engine: string;
}

const ACCOUNTANT_WORDS: Record<AccountantLabel, string> = {
  prv: "the PRV accountant (Gopi, Lee and Wutschitz 2021), a numerical accountant that bounds the true ε from both sides; the ε stated is its upper bound",
  rdp: "the Rényi-DP (RDP) accountant with the improved RDP-to-(ε, δ) conversion (Balle et al. 2020); an upper bound, usually looser than PRV",
  "rdp-classic": "the Rényi-DP accountant with the classic conversion (Mironov 2017); an upper bound",
  "rdp-autodp-classic": "the Rényi-DP accountant with autodp's classic conversion; an upper bound",
  gdp: "exact μ-Gaussian DP (Dong, Roth and Su 2019, arXiv:1905.02383): T non-subsampled Gaussian mechanisms compose to a Gaussian, whose (ε, δ) curve is known in closed form, so ε is exact, not a bound",
};

const PARAMETER_WORDS: Record<string, string> = {
  noiseMultiplier: "noise multiplier σ",
  tokenEpsilon: "per-token ε",
  keywordEpsilon: "per-keyword ε",
};

function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.map((id) => METHODS[id as MethodId]?.label ?? MODELS[id as keyof typeof MODELS]?.label ?? String(id)).join(", ") || "none";
  if (typeof value === "number") return formatSig(value, 6);
  return value === null || value === undefined ? "—" : String(value);
}

/** Ids that read better as names. */
const ENUM_NAMES: Record<string, (id: string) => string> = {
  preset: (id) => (id === "custom" ? "Custom" : `${DATASETS[id as keyof typeof DATASETS]?.label ?? id} (the study's dataset)`),
  gpu: (id) => GPUS[id as keyof typeof GPUS]?.label ?? id,
  accountant: (id) => (id === "prv" ? "PRV (tight numerical)" : id === "rdp" ? "RDP (Rényi DP)" : id),
  prices: (id) => (id === "paper-2024-05" ? "The study's prices of 2024-05-22" : id === "current" ? "Current list prices" : id),
};

function scenarioSummary(s: Scenario): LabelledValue[] {
  return TOP_FIELDS.filter((f) => f.key !== "v" && !(f.key === "classes" && s.task === "generation")).map((f) => {
    const raw = s[f.path];
    const named = typeof raw === "string" ? ENUM_NAMES[f.key]?.(raw) : undefined;
    const unit = f.unit && typeof raw === "number" ? ` ${f.unit}` : "";
    return { label: f.label, value: `${named ?? valueText(raw)}${unit}` };
  });
}

/**
 * The DP guarantee in words, naming the accountant that produced ε. It states the ε the plan
 * achieves, and claims the target only when the row is feasible and reaches it.
 * @param row the row's feasibility (privacy, data, context); defaults to the privacy's own.
 */
export function guaranteeInWords(p: MethodPrivacy, s: Scenario, row: RowFeasibility = { feasible: p.feasible, infeasibleReasons: [] }): ChosenOption["guarantee"] {
  const details: string[] = [];
  const unit = p.budget.unit;
  const workload = `${formatCount(p.budget.planned)} ${unit}`;
  const feasible = p.feasible && row.feasible && p.epsilon !== null && p.epsilon <= p.targetEpsilon;
  let headline: string;
  if (feasible && p.epsilon !== null) {
    headline =
      `${p.label} is (ε = ${formatEpsilon(p.epsilon)}, δ = ${formatDelta(p.delta)})-differentially private with respect to each of the ${formatCount(s.records)} private records ` +
      `(target ε = ${formatEpsilonTarget(p.targetEpsilon)}): adding, removing or changing any one record changes the probability of anything ${p.notCovered ? "its DP mechanism" : "the method"} releases for the planned workload (${workload}) ` +
      `by at most a factor e^${formatEpsilon(p.epsilon)}, except with probability δ.`;
    if (p.bounds) details.push(`PRV bounds on the true ε: between ${formatEpsilon(p.bounds.lower)} and ${formatEpsilon(p.bounds.upper)} (estimate ${formatEpsilon(p.bounds.estimate)}).`);
  } else if (p.epsilon !== null && p.epsilon > p.targetEpsilon) {
    headline =
      `${p.label} misses the target (ε = ${formatEpsilonTarget(p.targetEpsilon)}, δ = ${formatDelta(p.delta)}): its plan for the planned workload (${workload}) achieves only ε = ${formatEpsilon(p.epsilon)}, ` +
      `so the target guarantee is not claimed; the weaker (ε = ${formatEpsilon(p.epsilon)}, δ = ${formatDelta(p.delta)}) bound is all that holds.` +
      (p.minFeasibleEpsilon ? ` The smallest ε that would run it at a useful setting is about ${formatEpsilon(p.minFeasibleEpsilon)}.` : "");
  } else {
    const why = row.infeasibleReasons.length > 0 ? ` (${row.infeasibleReasons.join("; ")})` : "";
    headline =
      `At the target (ε = ${formatEpsilonTarget(p.targetEpsilon)}, δ = ${formatDelta(p.delta)}), ${p.label} cannot run the planned workload (${workload}) as planned${why}, so no guarantee is claimed for it.` +
      (p.minFeasibleEpsilon ? ` The smallest ε that would run it is about ${formatEpsilon(p.minFeasibleEpsilon)}.` : "");
  }
  // The guarantee covers what the mechanism releases; say what the method releases besides it.
  if (p.notCovered) headline += ` Not covered by this guarantee: ${p.notCovered}`;
  if (p.mechanism.value !== null) details.push(`Calibrated ${PARAMETER_WORDS[p.mechanism.parameter] ?? p.mechanism.parameter} = ${/epsilon/i.test(p.mechanism.parameter) ? formatEpsilon(p.mechanism.value) : formatSig(p.mechanism.value)} (${p.mechanism.unit}).`);
  if (p.samplingRate < 1) details.push(`Sampling rate per step: q = ${formatSig(p.samplingRate)} (privacy amplification by subsampling).`);
  if (p.budget.allowed !== null) {
    // A capped figure is a lower bound (BudgetUse.capped): "at least", never "up to".
    const allowed = p.budget.capped ? `at least ${formatAllowed(p.budget.allowed, true, unit).replace(/^≥ | \(search limit\)$/g, "")}` : `up to ${formatCount(p.budget.allowed)} ${unit}`;
    const limit = p.budget.capped ? "; the search stopped at that limit, so the true figure may be higher" : "";
    details.push(`The budget allows ${allowed} at the least private useful setting${p.budget.allowedAccountant ? ` (counted with the ${p.budget.allowedAccountant.toUpperCase()} accountant)` : ""}${limit}; ${formatCount(p.budget.planned)} are planned.`);
  } else if (p.budget.epochs !== undefined) {
    details.push(`${formatCount(p.budget.planned)} noisy ${unit} for ${formatCount(p.budget.epochs)} epochs; more training only adds noise, it never exceeds ε.`);
  }
  if (p.asOriginalCode) {
    const c = p.asOriginalCode;
    const reported = c.reportedEpsilon !== null ? `reports ε = ${formatEpsilonTarget(c.reportedEpsilon)}${c.reportedAccountant ? ` (${c.reportedAccountant})` : ""}` : "reports no ε";
    // soundEpsilon is null when the code offers no usable setting for this workload (e.g. DP-OPT's
    // budget split leaves it 0 instruction tokens) as well as when its setting has no finite ε:
    // "unbounded" would claim the second when it may be the first, so say only what is known.
    const sound = c.soundEpsilon !== null
      ? `; under sound accounting its setting gives ε = ${formatEpsilon(c.soundEpsilon)}`
      : "; privadapt states no sound ε for its setting here: the code has no usable setting for this workload, or that setting's ε is not finite";
    details.push(`As the original code computes it: ${c.summary} It ${reported}${sound}. ${c.reason}`);
  }
  if (p.error) details.push(`The privacy computation failed: ${p.error}`);
  details.push("Differential privacy bounds what the released outputs reveal about any one record (channel C of the ledger). It says nothing about who receives the data itself (channels A and B).");
  return { headline, details, accountant: p.accountant, accountantWords: ACCOUNTANT_WORDS[p.accountant] ?? p.accountant, feasible };
}

function stageCost(usd: number | null): string {
  return formatUsdOrMissing(usd);
}

function chosenOption(row: EstimateRow, s: Scenario, chosenBecause: string): ChosenOption {
  const leakage = row.leakage;
  const ledger: LedgerLine[] = leakage
    ? (["A", "B", "C"] as const).map((c) => ({ channel: c, name: CHANNEL_NAMES[c], status: leakage.channels[c].status, reason: leakage.channels[c].reason, formula: leakage.channels[c].formula ?? null }))
    : [];
  const policy = leakage?.providerPolicy;
  const u = row.utility;
  const knobSpecs = KNOB_SPECS[row.method] as Record<string, { label: string; unit: string }>;
  // A later method without an entry runs at its current defaults (lib/scenario/knobs.ts knobsFor).
  const knobValues = s.knobs[row.method] as Record<string, number | string>;
  return {
    method: row.method,
    model: row.model,
    title: `${row.methodLabel} on ${row.modelLabel}`,
    chosenBecause,
    methodSummary: METHODS[row.method].summary,
    deployment: leakage?.deployment === "local"
      ? `${row.modelLabel} runs on your own hardware: no provider sees the training data or the queries.`
      : leakage?.deployment === "hosted"
        ? `${row.modelLabel} is an open model served by a host (${leakage.provider ?? "unknown host"}): the host sees what the model is sent, and its data policy is unknown unless you check it.`
        : `${row.modelLabel} is called through ${leakage?.provider ?? MODELS[row.model].provider}'s API.`,
    guarantee: guaranteeInWords(row.privacy, s, row),
    ledger,
    ledgerStatement: leakage?.statement ?? null,
    membershipTest: leakage?.hypothesisTest.statement ?? null,
    providerPolicy: policy ? `${policy.provider}: training on API data: ${policy.trainsOnApiData}; ${policy.training}. Retention: ${policy.retention}. (${policy.source}${policy.asOf === null ? "" : `, as of ${policy.asOf}`}${policy.checkedLive ? "" : ", not re-checked by privadapt"}.)` : null,
    costs: [
      { label: "Training (one-time)", value: formatUsdOrMissing(row.trainingCostUsd) },
      { label: `Queries (${formatCount(row.queries)})`, value: formatUsdOrMissing(row.queryCostUsd) },
      { label: "Total", value: formatUsdOrMissing(row.totalCostUsd) },
      { label: "Per query", value: formatUsdOrMissing(row.queryCostUsdPerQuery) },
      ...(row.missing ? [{ label: "Missing", value: row.missing }] : []),
    ],
    costStages: row.breakdown.stages.map((st) => ({ phase: st.phase, label: st.label, cost: stageCost(st.usd), formula: st.formula })),
    prices: [
      ...row.breakdown.prices.map((q) => `${MODELS[q.model].label}: $${formatSig(q.inputUsdPerMillionTokens)} in / $${formatSig(q.outputUsdPerMillionTokens)} out per 1M tokens (${q.source}, ${q.asOf})`),
      ...(row.breakdown.gpu ? [`${row.breakdown.gpu.label}: ${formatUsdOrMissing(row.breakdown.gpu.usdPerHour)} per GPU-hour`] : []),
    ],
    utility: [
      { label: u.metric[0]?.toUpperCase() + u.metric.slice(1), value: u.value === null ? "not measured by the study for this setup" : `${formatSig(u.value)}${u.spread !== null ? ` ± ${formatSig(u.spread)}` : ""} (${u.kind === "reported" ? "reported by the method's authors, not measured by the study" : u.kind}${u.epsilon !== null ? `, at ε = ${formatEpsilonTarget(u.epsilon)}` : ""})` },
      { label: "Note", value: u.note },
      ...(u.source ? [{ label: "Source", value: u.source }] : []),
    ],
    utilityFrom: u.kind === "reported" ? "authors" : "study",
    knobs: Object.entries(knobSpecs).map(([knob, spec]) => {
      const v = knobValues[knob] ?? 0;
      return { label: spec.label, value: `${typeof v === "string" ? v : formatCount(v)}${spec.unit ? ` ${spec.unit}` : ""}` };
    }),
  };
}

/** The ledger's sources, minus the provider-policy sentence the statement already prints in full. */
function leakageSources(row: EstimateRow): string[] {
  const provider = row.leakage?.providerPolicy?.provider;
  return (row.leakage?.sources ?? []).filter((src) => !(provider && src.startsWith(`${provider}: `)));
}

function unique(items: (string | null | undefined)[]): string[] {
  return [...new Set(items.filter((x): x is string => typeof x === "string" && x.trim() !== ""))];
}

function statementLink(canonical: string, method: string, model: string): string {
  return `${STATEMENT_PATH}?${canonical}&method=${encodeURIComponent(method)}&model=${encodeURIComponent(model)}`;
}

/** Split the statement's own keys from the share link. */
function splitQuery(input: URLSearchParams | string): { link: URLSearchParams; method: string | null; model: string | null; flips: boolean; selection: string[] } {
  const link = new URLSearchParams(typeof input === "string" ? input.replace(/^\?/, "") : input);
  const selection: string[] = [];
  const take = (key: string): string | null => {
    const all = link.getAll(key);
    link.delete(key);
    if (all.length > 1) selection.push(`${key} is given ${all.length} times; the first (${JSON.stringify(all[0])}) is used.`);
    return all[0]?.trim() || null;
  };
  const flipsRaw = take("flips");
  const flips = flipsRaw !== null && ["1", "true"].includes(flipsRaw.toLowerCase());
  if (flipsRaw !== null && !flips && !["0", "false"].includes(flipsRaw.toLowerCase())) selection.push(`flips is ${JSON.stringify(flipsRaw)}; allowed: 1, true, 0 or false. Flips are not computed.`);
  return { link, method: take("method"), model: take("model"), flips, selection };
}

const optionTitle = (o: { method: MethodId; model: string }) => `${METHODS[o.method].label} on ${MODELS[o.model as keyof typeof MODELS]?.label ?? o.model}`;

function statementSensitivity(d: Decision): StatementSensitivity | null {
  const sens = d.sensitivity;
  if (!sens || !sens.option) return null;
  const today = sens.option;
  const best = (a: { method: MethodId; model: string } | null) =>
    a === null ? "nothing meets every must-have" : `${optionTitle(a)}${a.method === today.method && a.model === today.model ? " (today's answer)" : ""}`;
  const cost = (end: { costUsd: number | null; feasible: boolean }) => `${formatUsdOrMissing(end.costUsd)}${end.feasible ? "" : " (cannot run as planned)"}`;
  return {
    caption: `Total cost of ${optionTitle(today)} (today: ${formatUsdOrMissing(sens.baseCostUsd)}) with one input at a time at each end of its range, the others as given, and the answer there (estimated with the ${sens.accountant.toUpperCase()} accountant, an upper bound on ε, as the calculator's chart)`,
    columns: ["Input", "Range (source)", "Cost at the low end", "Answer at the low end", "Cost at the high end", "Answer at the high end"],
    rows: sens.bars.map((b) => [b.label, `${b.range} (${b.source})`, cost(b.low), best(b.low.answer), cost(b.high), best(b.high.answer)]),
    omitted: sens.omitted.map((o) => `${o.label}: ${o.reason}.`),
  };
}

function statementDecision(d: Decision, canonical: string): StatementDecision {
  return {
    answer: d.answer?.sentence ?? null,
    runnerUp: d.runnerUp?.sentence ?? null,
    robustness: d.robustness,
    excluded: d.excluded.map((e) => ({ title: optionTitle(e), reasons: e.reasons.join("; ") })),
    relax: d.relax.map((r) => r.sentence),
    epsilon: d.epsilon.sentence,
    notes: d.notes,
    rule: d.rule,
    flips: d.flips === null ? null : d.flips.map((f) => f.sentence),
    flipsLink: d.flips === null ? `${STATEMENT_PATH}?${canonical}&flips=1` : null,
    sensitivity: statementSensitivity(d),
  };
}

function pick(e: Estimate, method: string | null, model: string | null, selection: string[]): { row: EstimateRow | null; because: string } {
  const ranked = rankedOptions(e);
  const top = ranked[0] ?? null;
  const topBecause = (r: { rank: number; why: string }) => `Top recommendation (rank ${r.rank} of ${ranked.length}): ${r.why}.`;
  if (method === null && model === null) return top ? { row: top.option, because: topBecause(top) } : { row: null, because: "" };
  const matches = ranked.filter((r) => (method === null || r.option.method === method) && (model === null || r.option.model === model));
  if (matches[0]) {
    const m = matches[0];
    const asked = [method && `method=${method}`, model && `model=${model}`].filter(Boolean).join(", ");
    return { row: m.option, because: `Chosen in the link (${asked}); it ranks ${m.rank} of ${ranked.length} by the recommendation rule: ${m.why}.` };
  }
  // Asked for by name but not ranked: it cannot run as planned. Describe it, and say it is not recommended.
  const unranked = e.rows.find((r) => !r.feasible && (method === null || r.method === method) && (model === null || r.model === model));
  if (unranked) {
    const asked = [method && `method=${method}`, model && `model=${model}`].filter(Boolean).join(", ");
    return { row: unranked, because: `Requested in the link (${asked}); not ranked and not recommended: it cannot run as planned (${unranked.infeasibleReasons.join("; ")}).` };
  }
  // Asked for by name (each row of the calculator's table links here) but left out by the link's
  // must-haves: describe that option, say why it is not recommended. Before, the top pick was
  // shown instead, with "does not match any compared option", which was false.
  const excluded = recommendation(e).excluded.find((x) => x.option.feasible && (method === null || x.option.method === method) && (model === null || x.option.model === model));
  if (excluded) {
    const asked = [method && `method=${method}`, model && `model=${model}`].filter(Boolean).join(", ");
    return { row: excluded.option, because: `Requested in the link (${asked}); not ranked and not recommended: it fails the must-haves (${excluded.reasons.join("; ")}).` };
  }
  const asked = [method !== null ? `method=${JSON.stringify(method)}` : null, model !== null ? `model=${JSON.stringify(model)}` : null].filter(Boolean).join(" and ");
  selection.push(`${asked} does not match any compared option; showing the top recommendation instead.`);
  return top ? { row: top.option, because: topBecause(top) } : { row: null, because: "" };
}

/**
 * The recommendation's ranking, memoised on the rows array: memo hits share it, so a warm
 * statement does not re-rank. recommend() needs leakage; rows without a ledger cannot be ranked.
 */
const recommendationMemo = new WeakMap<EstimateRow[], Recommendation<EstimateRow & RecommendOption>>();
function recommendation(e: Estimate): Recommendation<EstimateRow & RecommendOption> {
  let r = recommendationMemo.get(e.rows);
  if (!r) {
    // Under the link's must-haves and rank rule, so the top option is the decision's answer.
    r = recommend(recommendableRows(e.rows), constraintsOf(e.scenario));
    recommendationMemo.set(e.rows, r);
  }
  return r;
}
function rankedOptions(e: Estimate): RankedOption<EstimateRow & RecommendOption>[] {
  return recommendation(e).ranked;
}

/**
 * Build the statement for a share link plus optional `method` and `model`.
 * Never throws for input: bad fields fall back to defaults and are reported.
 */
export function buildStatement(input: URLSearchParams | string): Statement {
  const { link, method, model, flips, selection } = splitQuery(input);
  const parsed = parseScenario(link);
  const scenario = parsed.ok ? parsed.scenario : parsed.fallback;
  const problems: StatementProblems = { errors: parsed.ok ? [] : parsed.errors, warnings: parsed.warnings, selection };
  // The tornado always (about a dozen estimates, shared with the API's sensitivity=1 through the memo); flips on request.
  const asked = cachedEstimate(scenario, {}, [], { flips, sensitivity: true }).estimate;
  const decision = asked.decision;
  // With maxEps the decision may run at a larger ε; the statement then describes the plan at that ε.
  const estimate = decision.epsilon.used === scenario.epsilon ? asked : cachedEstimate({ ...scenario, epsilon: decision.epsilon.used, maxEpsilon: null }).estimate;
  const canonical = serializeScenario(scenario);
  const chosen = pick(estimate, method, model, selection);
  const ranked = rankedOptions(estimate);
  const row = chosen.row;
  const alternatives = ranked
    .filter((r) => !(row && r.option.method === row.method && r.option.model === row.model))
    .slice(0, 4)
    .map((r) => ({ rank: r.rank, title: `${r.option.methodLabel} on ${r.option.modelLabel}`, why: r.why, statement: statementLink(canonical, r.option.method, r.option.model) }));
  const methodNotes = row ? [KNOB_DEFAULT_NOTES[row.method] ? `Default knobs: ${KNOB_DEFAULT_NOTES[row.method]}` : null] : [];
  return {
    title: "Privacy and cost statement",
    decision: statementDecision(decision, canonical),
    rederive: row ? rederiveFor(estimate.scenario, row.privacy) : null,
    scenarioLine: scenarioLine(estimate),
    canonical,
    links: {
      calculator: `/?${canonical}`,
      statement: row ? statementLink(canonical, row.method, row.model) : `${STATEMENT_PATH}?${canonical}`,
      api: `/api/v1/estimate?${canonical}`,
    },
    problems,
    scenario: scenarioSummary(scenario),
    chosen: row ? chosenOption(row, scenario, chosen.because) : null,
    noChoiceReason: row ? null : estimate.rows.length > 0
      ? `No compared option can run as planned, so none is recommended: ${estimate.rows.filter((r) => !r.feasible).map((r) => `${r.methodLabel} on ${r.modelLabel}: ${r.infeasibleReasons.join("; ")}`).join("; ")}.`
      : estimate.skipped.length > 0
      ? `No selected method × model pair could be compared: ${estimate.skipped.map((s) => `${s.method} on ${s.model}: ${s.reason}`).join("; ")}.`
      : "No selected method × model pair could be compared; select at least one model for the selected methods.",
    alternatives,
    rankedCount: ranked.length,
    notRanked: estimate.rows.filter((r) => !r.feasible).map((r) => ({ title: `${r.methodLabel} on ${r.modelLabel}`, reason: `cannot run as planned: ${r.infeasibleReasons.join("; ")}` })),
    headline: headlineOf(estimate),
    assumptions: unique(row ? [...row.assumptions, ...row.privacy.notes, ...methodNotes] : []),
    sources: unique(row ? [METHODS[row.method].source, ...row.privacy.sources, ...row.sources, ...leakageSources(row), row.utility.source, MODELS[row.model as keyof typeof MODELS]?.source] : []),
    engine: `privadapt ${engineVersion()}`,
  };
}

