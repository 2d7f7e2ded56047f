/**
 * Methods as data: each adaptation method is one descriptor that maps a scenario to its DP
 * event, to what the budget buys, to what it sends a provider (the leakage ledger) and to what
 * it draws from the private records, and to its cost work (`cost`: the LLM calls and GPU work per
 * stage, which lib/cost prices).
 */
import type { MethodCost } from "../cost/work-types";
import type { AccountantLabel, DpEvent } from "../privacy";
import type { MethodId, Scenario } from "../scenario";
import type { MethodCard } from "./card";

/** What the budget is spent on, per method. */
export type BudgetUnit = "queries" | "public queries" | "tokens" | "token queries" | "steps";

/** The calibrated mechanism parameter a method runs with. */
export interface MechanismSetting {
  /** e.g. "noiseMultiplier" (σ), "tokenEpsilon" (DP-OPT ε_tok), "keywordEpsilon" (KSA ε_EM). */
  parameter: "noiseMultiplier" | "tokenEpsilon" | "keywordEpsilon";
  /** The value for the planned workload; null when no value meets the target. */
  value: number | null;
  /** Unit or meaning of `value`, for the UI. */
  unit: string;
  /** Other parameters of the same mechanism (e.g. the PTR noise, δ0), all finite numbers. */
  extra?: Record<string, number>;
}

export interface BudgetUse {
  unit: BudgetUnit;
  /** The workload the scenario plans (queries, tokens, steps…). */
  planned: number;
  /**
   * The most the budget allows at the least-private useful setting (e.g. the largest noise at
   * which the method still answers), or null where any workload fits by adding noise (DP-SGD).
   */
  allowed: number | null;
  /** Which accountant computed `allowed`. */
  allowedAccountant?: AccountantLabel;
  /**
   * Present (true) when `allowed` is a lower bound: the search for the largest workload stopped
   * at its limit (1e9 for DP-ICL, DP-FewShotGen and PromptPATE, 1e7 for DP-OPT and PromptPATEGen)
   * with ε still within the target, so the budget allows *at least* `allowed`. Show it as
   * "≥ 10⁹ (search limit)", never as an exact count. Absent when `allowed` is the exact largest.
   */
  capped?: true;
  /** For DP-SGD: epochs and the sampling scheme's step count. */
  epochs?: number;
}

/** The value "as the original code computes it", shown beside the sound default. */
export interface AsOriginalCode {
  /** What the original code does differently, in one line. */
  summary: string;
  /** The mechanism parameter the code would use for this budget (null if it has none to offer). */
  mechanism: MechanismSetting | null;
  /** ε the code reports for its setting (null when it cannot be computed). */
  reportedEpsilon: number | null;
  reportedDelta: number | null;
  reportedAccountant: AccountantLabel | "pate-data-dependent" | null;
  /** ε of the code's setting under our sound accounting (null when unbounded). */
  soundEpsilon: number | null;
  soundDelta: number | null;
  /** Why the two differ (docs/derivations.md §12). */
  reason: string;
}

/**
 * One thing a method draws from the N private records (or from its own earlier output), and whether
 * the scenario supplies it. A plan whose requirement is unmet cannot be built as stated, whatever
 * its privacy numbers say: DP-OPT cannot put 1,025 distinct demonstrations in one token's ensemble
 * when only 99 records remain after its holdout.
 * @example { id: "teacher-records", what: "disjoint records in the teacher prompts (E × s = 400 × 1)",
 *   needed: 400, available: 100, met: false, reason: "PromptPATE's 400 teachers × 1 shot need 400 disjoint private records; N = 100", source: "..." }
 */
export interface DataRequirement {
  /** Stable id within the method, e.g. `teacher-records`, `records-per-token`, `batch`. */
  id: string;
  /** What is drawn, in words, with the knob values filled in. */
  what: string;
  /** How many are needed (records, examples). */
  needed: number;
  /** How many the scenario has for it. */
  available: number;
  /** needed ≤ available. */
  met: boolean;
  /** One plain line: why the plan cannot run (when unmet) or what holds (when met). */
  reason: string;
  /** Where the method draws this: the paper's section, the original code's file. */
  source: string;
}

/** A method's privacy for one scenario: JSON-serializable, no NaN, no Infinity. */
export interface MethodPrivacy {
  method: MethodId;
  label: string;
  /**
   * Whether the plan can run: the target (ε, δ) runs the planned workload at a useful setting AND
   * every data requirement (`requirements`) is met.
   */
  feasible: boolean;
  /**
   * Whether the (ε, δ) budget alone runs the planned workload at a useful setting, before the data
   * requirements are checked. Set by the registry; absent on results built elsewhere.
   */
  budgetFeasible?: boolean;
  /**
   * What the method draws from the private records, each checked against the scenario (see
   * `MethodDescriptor.dataRequirements`). Set by the registry for every result.
   */
  requirements?: DataRequirement[];
  targetEpsilon: number;
  /** ε achieved by the calibrated setting (≤ target when feasible); null when unbounded. */
  epsilon: number | null;
  /** δ charged (the target δ, or less). */
  delta: number;
  /** The accountant that produced `epsilon`. */
  accountant: AccountantLabel;
  /** PRV's lower bound, estimate and upper bound of the true ε, when PRV produced `epsilon`. */
  bounds?: { lower: number; estimate: number; upper: number };
  /** Noise multiplier σ (Gaussian methods), else null. */
  noiseMultiplier: number | null;
  mechanism: MechanismSetting;
  budget: BudgetUse;
  /** Poisson sampling rate per step (1 = no amplification). */
  samplingRate: number;
  /**
   * When infeasible: the smallest ε that would run the planned workload at a useful setting; null
   * when no ε would (e.g. a data requirement is unmet: more budget does not create records).
   */
  minFeasibleEpsilon?: number | null;
  asOriginalCode: AsOriginalCode | null;
  /** Plain-language notes: what was assumed, clipped or switched, and why. */
  notes: string[];
  /**
   * What the method releases outside the DP guarantee, in one sentence (Aug-PE: per-class seed
   * counts from the private label counts without noise); absent when the guarantee covers
   * everything released. The statement's guarantee says so beside its claim.
   */
  notCovered?: string;
  sources: string[];
  /** Set when the computation failed unexpectedly; the result is then marked infeasible. */
  error?: string;
}

// ---------------------------------------------------------------------------------------------
// What a method tells the leakage ledger (lib/leakage/leakage-for.ts folds over these).
// The types live here, not in lib/leakage, because lib/leakage imports lib/methods; lib/leakage
// re-exports them. The ledger hands each method its number formatting and the distinct-records
// formula (`LedgerTools`) so that no method file imports lib/leakage.
// ---------------------------------------------------------------------------------------------

export type LeakageChannelStatus = "exposed" | "protected" | "partial";

export interface LeakageChannel {
  status: LeakageChannelStatus;
  /** Why, in one sentence. */
  reason: string;
  /** The formula that produced the channel's numbers, with the scenario's inputs substituted. */
  formula?: string;
}

/**
 * Channel C's bound as the ledger states it: the (ε, δ) the plan achieves, its formula and the
 * membership-test points (lib/leakage/membership-test.ts MembershipTestBound fits this shape).
 */
export interface DpBound {
  epsilon: number | null;
  delta: number;
  formula: string;
  points: readonly { tprMax: number }[];
}

/** The ledger's helpers a method's exposure uses (lib/leakage/exposure.ts, lib/leakage/format.ts). */
export interface LedgerTools {
  /** N·(1 − (1 − min(1, k/N))^d): expected distinct records reached by d draws of k records. */
  expectedDistinctRecords: (records: number, recordsPerDraw: number, draws: number) => { expectedRecords: number; fraction: number };
  formatQuantity: (x: number) => string;
  formatPercent: (fraction: number) => string;
  formatParameter: (x: number) => string;
}

/** What the ledger knows when it asks a method what reaches a provider. */
export interface ExposureContext {
  scenario: Scenario;
  /** Who receives the prompts: a closed model's provider, or the host of a hosted open model. */
  provider: string;
  /** Channel C's bound at the plan's achieved (ε, δ). */
  bound: DpBound;
  /** Channel C's status, for what the method sends that is itself DP. */
  dpStatus: LeakageChannelStatus;
  tools: LedgerTools;
}

/** Channel A and the query multiplicity of a method whose prompts go through a provider. */
export interface ProviderExposure {
  /** Distinct private records sent in plaintext (≤ N). */
  records: number;
  /** Whether `records` is an expectation over random draws (DP-ICL, DP-FewShotGen) or exact. */
  expected: boolean;
  fraction: number;
  recordSends: number;
  queryCopies: number;
  channelA: LeakageChannel;
  /** Channel A in the statement's words, when it is not "N of M private records". */
  aClause?: string;
  /** Why a query is sent `queryCopies` times, appended to channel B's reason (e.g. " (once per teacher prompt)"). */
  copiesWhy?: string;
  /** A further sentence for channel B (e.g. DP-ICL generation's extra copies), with its leading space. */
  queryNote?: string;
  /**
   * Channel B when the provider never receives the queries although it builds the adaptation
   * (Aug-PE: a local downstream model answers them; `queryCopies` is then 0), with the statement's
   * clause for it. Absent: every query reaches the provider `queryCopies` times.
   */
  queryChannel?: { channel: LeakageChannel; clause: string };
  source: string;
}

/** A method's part of the leakage ledger (Hanke et al. 2024, Section 2 and Fig. 1). */
export interface MethodLeakage {
  /**
   * Whether the method trains weights or soft prompts with DP-SGD and so needs the model's
   * gradients: it cannot run on a closed API, which exposes neither (lib/leakage leakageDefinedFor).
   */
  needsLocalWeights: boolean;
  /** What reaches the provider when the method's model is a provider's API or a hosted open model. */
  providerExposure: (context: ExposureContext) => ProviderExposure;
  /**
   * What the provider receives besides queries when no raw record reaches it, in the table's
   * words ("a DP instruction"); null when the method sends nothing else (lib/present providerSees).
   */
  dpArtefact: string | null;
}

/**
 * How the charts draw a method: a colour per colour scheme and a marker shape, so that beyond the
 * eight Okabe–Ito colours (Okabe & Ito 2008; components/charts/palette.ts) two methods sharing a
 * colour still differ by shape. Colour is never the only cue.
 */
export interface MethodStyle {
  /** CSS colours on a light and on a dark background. */
  color: { light: string; dark: string };
  /** Marker of the method's points and legend entry (recharts symbol names). */
  marker: "circle" | "cross" | "diamond" | "square" | "star" | "triangle" | "wye";
}

/**
 * The names the study prints for a method in its result tables (Hanke et al. 2024, Tables 3–6),
 * for the utility lookup (lib/utility/paper-names.ts). Per task; `onOpenModel` when the study
 * names the method differently on an open model (DP-OPT "(local)", Table 3).
 */
export interface PaperNames {
  classification: string;
  generation: string;
  onOpenModel?: { classification: string; generation: string };
}

/**
 * A figure a method's own authors publish (paper, README, notebook output, figure), beside
 * privadapt's figure for the same setup: the /reproduce page's "reported by the method's authors"
 * section. For methods beyond the study, whose numbers Hanke et al. 2024 never measured.
 */
export interface AuthorsFigure {
  kind: "budget" | "cost" | "utility";
  /** The setup, with its inputs: "Yelp (N = 1,939,290), T = 10, δ = 1/(N ln N): σ for ε = 1". */
  what: string;
  /** Their figure as published ("15.34"), or "≈ 42" when read off a figure. */
  theirs: string;
  /** privadapt's figure for the same setup; null when privadapt has none (say why in `note`). */
  ours: string | null;
  /** How their figure was obtained: "README table", "notebook output", "read off a bar chart (±1 point)". */
  reading: string;
  source: string;
  note: string;
}

/**
 * One adaptation method, everything about it in one place: its card (catalogue row, share-link
 * knobs and their defaults), its privacy, data requirements, leakage, cost work, the study's names
 * for it and its style. The rest of lib/ folds over the registry (./registry.ts) and never branches
 * on a method id.
 *
 * `C` is the card's own literal type, so ./list.ts's tuple of descriptors types the `MethodId`
 * union (lib/scenario/catalog.ts reads `card.id`). An explicit interface, never inferred: a
 * descriptor's functions read `Scenario`, whose knobs are typed from the cards.
 */
export interface MethodDescriptor<C extends MethodCard = MethodCard> {
  /** Its catalogue row and knobs, as plain data (./card.ts); `id`, `label` and `llm` below repeat the card's. */
  card: C;
  id: MethodId;
  label: string;
  llm: "closed" | "open";
  /**
   * Whether answering queries spends privacy budget. True only for DP-ICL, whose every answer is a
   * noisy vote over private records (ε grows with the number of queries). Every other method spends
   * its budget once, building a prompt, labels or weights; the queries after that are
   * post-processing (Dwork & Roth 2014, Prop. 2.1). The privacy memo leaves `queries` out of its
   * key when this is false, so moving the query-volume slider recomputes DP-ICL's privacy only.
   */
  queriesSpendBudget: boolean;
  sources: readonly string[];
  /** The DP event the method runs for this scenario, at its calibrated (sound) setting. */
  privacyEvent: (scenario: Scenario) => DpEvent;
  privacy: (scenario: Scenario) => MethodPrivacy;
  /**
   * What the method draws from the N private records (teacher records, demonstrations per token,
   * a batch, student examples), each checked against the scenario. Pure and cheap: no accounting.
   */
  dataRequirements: (scenario: Scenario) => DataRequirement[];
  /** What reaches a provider per stage, for the leakage ledger. */
  leakage: MethodLeakage;
  /**
   * Its cost work: LLM calls and tokens, or GPU work, per stage (lib/cost methodWork prices it),
   * and the study-setup facts the GPU model and the cost reproduction need.
   */
  cost: MethodCost;
  /** The study's names for it, for the measured-utility lookup. */
  paperNames: PaperNames;
  /**
   * When the scenario runs the method in a setup the study did not measure, why its measured
   * utility does not apply, naming what was measured (`measured`, e.g. "72.8 measured, Table 3");
   * null when the study's measurement applies (lib/estimate drops the value and shows this note).
   */
  unmeasuredSetup?: (scenario: Scenario, measured: string) => string | null;
  /** Its colour and marker in the charts. */
  style: MethodStyle;
  /** A method beyond the study: its authors' published figures beside privadapt's (/reproduce). */
  reportedByAuthors?: () => AuthorsFigure[];
}
