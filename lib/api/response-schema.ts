/**
 * The API's response contract as zod schemas: the OpenAPI document is generated from them, and
 * the contract tests parse real estimates with them, so the document cannot drift from what the
 * engine returns. Objects are loose: later issues add fields (never rename), and clients must
 * ignore fields they do not know. Only the contract fields of lib/estimate and lib/cost are listed.
 *
 * They describe the wire form (./wire.ts): what rows share (a method's privacy, assumptions and
 * sources; the scenario's membership-test bound; a provider's data policy) is sent once at the top
 * and referenced by the `method` and `provider` ids rows already carry.
 */
import { z } from "zod";
import { CLOSED_MODEL_IDS, METHOD_IDS, OPEN_MODEL_IDS, scenarioSchema } from "../index";

const methodId = z.enum(METHOD_IDS);
const modelId = z.enum([...CLOSED_MODEL_IDS, ...OPEN_MODEL_IDS]);
const usdOrNull = (description: string) => z.number().nonnegative().nullable().meta({ description, unit: "USD" });
const accountantLabel = z.enum(["prv", "rdp", "rdp-classic", "rdp-autodp-classic", "gdp"]);

export const fieldErrorSchema = z.object({
  field: z.string().meta({ description: "The share-link key (e.g. `eps`, `dp-icl.shots`), `body` for the request body, `query` for the whole query string, `server` for a server bug." }),
  message: z.string().meta({ description: "What is wrong, naming the field." }),
  received: z.unknown().meta({ description: "The value received (strings over 100 characters truncated with …), or null." }),
  allowed: z.string().meta({ description: "What would be accepted, in words." }),
});

export const errorsSchema = z.object({
  errors: z.array(fieldErrorSchema).min(1).meta({ description: "Every problem found, not just the first." }),
});

export const fieldWarningSchema = z.object({ field: z.string(), message: z.string() });

const leakageChannelSchema = z.looseObject({
  status: z.enum(["protected", "partial", "exposed"]),
  reason: z.string(),
  formula: z.string().optional(),
});

export const hypothesisTestSchema = z.looseObject({
  epsilon: z.number().nullable().meta({ description: "The ε the bound is stated at: the ε the row's plan achieves (not the target); null when no finite ε bounds the answers (every `tprMax` is then 1)." }),
  delta: z.number().min(0).max(1),
  points: z.array(z.object({ fpr: z.number().min(0).max(1), tprMax: z.number().min(0).max(1) })),
  formula: z.string(),
  citation: z.string(),
  statement: z.string(),
});

export const providerPolicySchema = z.looseObject({
  provider: z.string(),
  trainsOnApiData: z.string(),
  training: z.string(),
  retention: z.string(),
  source: z.string(),
  asOf: z.string().nullable(),
  checkedLive: z.boolean(),
  note: z.string(),
});

export const leakageRowSchema = z.looseObject({
  deployment: z.enum(["provider-api", "hosted", "local"]),
  provider: z.string().nullable().meta({ description: "Who receives channels A and B (its data policy is `leakage.providers[provider]`); null when the model runs locally." }),
  trainingRecordsToProvider: z.number().nonnegative().meta({ unit: "records" }),
  trainingFractionToProvider: z.number().min(0).max(1),
  queryCopiesToProvider: z.number().nonnegative(),
  queryTokensToProvider: z.number().nonnegative().meta({ unit: "tokens" }),
  channels: z.object({
    A: leakageChannelSchema.meta({ description: "Private training data → provider." }),
    B: leakageChannelSchema.meta({ description: "Queries → provider." }),
    C: z.looseObject({
      status: z.enum(["protected", "partial", "exposed"]),
      reason: z.string().optional(),
      formula: z.string().optional(),
    }).meta({ description: "Training data → querying party, bounded by the ε the plan achieves: `protected` only when the row is feasible and reaches its target ε; `partial` when it runs at a weaker ε or cannot run as specified; `exposed` when no finite ε bounds it. Without `reason`, its formula and reason are the row's hypothesis test's `formula` and `statement`." }),
  }),
  statement: z.string(),
  sources: z.array(z.string()).meta({ description: "The row's own leakage sources; they follow `leakage.sources`." }),
  hypothesisTest: hypothesisTestSchema.optional().meta({ description: "Only when it differs from `methods[method].hypothesisTest` (never today); a row's bound is this, else its method's, else `leakage.hypothesisTest`." }),
  providerPolicy: providerPolicySchema.nullable().optional().meta({ description: "Only when it differs from `leakage.providers[provider]` (never today)." }),
});

export const methodPrivacySchema = z.looseObject({
  method: methodId,
  label: z.string(),
  feasible: z.boolean(),
  targetEpsilon: z.number().positive(),
  epsilon: z.number().nullable().meta({ description: "ε achieved by the calibrated setting (≤ target when feasible); null when unbounded." }),
  delta: z.number().min(0).max(1),
  accountant: accountantLabel.meta({ description: "The accountant that produced `epsilon`." }),
  bounds: z.object({ lower: z.number(), estimate: z.number(), upper: z.number() }).optional().meta({ description: "PRV's bounds on the true ε, when PRV produced `epsilon`." }),
  noiseMultiplier: z.number().nullable(),
  mechanism: z.looseObject({ parameter: z.string(), value: z.number().nullable(), unit: z.string() }),
  budget: z.looseObject({
    unit: z.string(),
    planned: z.number(),
    allowed: z.number().nullable().meta({ description: "The most the budget allows at the least-private useful setting; a lower bound when `capped`. Null when any workload fits by adding noise (DP-SGD)." }),
    capped: z.literal(true).optional().meta({ description: "Present when the search for `allowed` stopped at its limit (1e9, or 1e7 for DP-OPT and PromptPATEGen) with ε still within the target: the budget allows at least `allowed`, maybe more. Show it as \"≥ 10⁹ (search limit)\", never as an exact count." }),
  }),
  samplingRate: z.number().min(0).max(1),
  asOriginalCode: z.looseObject({ summary: z.string() }).nullable(),
  notes: z.array(z.string()),
  notCovered: z.string().optional().meta({ description: "What the method releases outside its DP guarantee (Aug-PE, classification: per-class seed counts from the private label counts, without noise); absent when the guarantee covers everything it releases." }),
  sources: z.array(z.string()),
  requirements: z.array(z.looseObject({ id: z.string(), what: z.string(), needed: z.number().nonnegative(), available: z.number().nonnegative(), met: z.boolean(), reason: z.string(), source: z.string() })).optional().meta({ description: "The method's data requirements on N (teacher records, demonstrations per token, batch…), each with what it needs, what N offers and whether it is met." }),
});

export const utilitySchema = z.looseObject({
  value: z.number().nullable().meta({ description: "In the metric's units (accuracy in %, ROUGE/BLEU in points); null when the study measured nothing comparable." }),
  metric: z.string(),
  spread: z.number().nullable(),
  kind: z.string(),
  source: z.string().nullable(),
  epsilon: z.number().nullable(),
  note: z.string(),
});

const costStageSchema = z.looseObject({
  kind: z.enum(["api", "gpu"]),
  phase: z.enum(["training", "query"]),
  id: z.string(),
  label: z.string(),
  model: modelId,
  usd: z.number().nullable(),
  formula: z.string(),
});

export const estimateRowSchema = z.looseObject({
  method: methodId,
  model: modelId,
  llm: z.enum(["closed", "open"]),
  trainingCostUsd: usdOrNull("One-time cost of building the private prompt or model; null when a price is missing."),
  queryCostUsd: usdOrNull("Cost of answering the scenario's queries."),
  totalCostUsd: usdOrNull("Training + query cost."),
  queryCostUsdPerQuery: usdOrNull("Cost of one query."),
  queries: z.number().int().positive(),
  missing: z.string().optional().meta({ description: "Why a cost is null." }),
  costBasis: z.enum(["measured", "scaled-from-measured", "modelled"]).optional().meta({ description: "Where the GPU part of the cost comes from: `measured` — the study ran this setup (dataset preset, method, model, an A40, its knobs, N and token lengths) and its GPU hours are used, priced at the scenario's $/GPU-hour; `scaled-from-measured` — the study's hours × the GPU model's ratio for this scenario vs the study's setup; `modelled` — the GPU model's hours. Absent when no stage runs on a GPU (API token costs are computed exactly). Details and the model's own estimate as a cross-check: `breakdown.gpuBasis`." }),
  costRange: z.object({ low: z.number(), high: z.number() }).optional().meta({ description: "USD range of `totalCostUsd` when any GPU part is modelled or scaled: each such GPU stage's cost C spans C ÷ p90 to C ÷ p10, the 10th/90th percentiles of the GPU model's leave-one-out ratio predicted / measured over the study's cells (test/cost/GPU-MODEL.md); API and measured parts are exact. Absent when measured, API-only, or a price is missing." }),
  trainingCostRange: z.object({ low: z.number(), high: z.number() }).optional().meta({ description: "`costRange` of the training cost alone." }),
  queryCostRange: z.object({ low: z.number(), high: z.number() }).optional().meta({ description: "`costRange` of the query cost alone (at the scenario's query volume)." }),
  breakdown: z.looseObject({ stages: z.array(costStageSchema), prices: z.array(z.looseObject({ model: modelId, source: z.string(), asOf: z.string() })) }),
  assumptions: z.array(z.string()).meta({ description: "The row's own cost assumptions; they follow `methods[method].assumptions`." }),
  sources: z.array(z.string()).meta({ description: "The row's own cost sources; they follow `methods[method].sources`." }),
  methodLabel: z.string(),
  modelLabel: z.string(),
  privacy: methodPrivacySchema.optional().meta({ description: "Only when it differs from the top-level `privacy` entry of the row's method (never today: privacy depends on the method, not the model)." }),
  leakage: leakageRowSchema.nullable(),
  utility: utilitySchema,
  feasible: z.boolean().meta({ description: "Whether the plan can run as specified: the budget reaches the target (ε, δ), N meets the method's data requirements, and every prompt fits the model's context window. Every claim of the row (channel C protected, ranking) holds only when this is true." }),
  infeasibleReasons: z.array(z.string()).meta({ description: "One line per unmet requirement; empty exactly when `feasible` is true." }),
});

export const breakEvenEntrySchema = z.looseObject({
  method: methodId.meta({ description: "The closed option's method." }),
  model: modelId.meta({ description: "The closed option's model." }),
  queries: z.number().nullable().meta({ description: "Query volume at which the open and the closed option's total costs are equal; null if they never cross." }),
  cheaperAbove: z.enum(["open", "closed", "equal"]).nullable().meta({ description: "Which side is cheaper above `queries` (or at every volume when null; null too when a cost is unknown)." }),
  note: z.string().optional().meta({ description: "Only when it is not the sentence the engine words from `queries` and `cheaperAbove` (never today)." }),
});

export const breakEvenSchema = z.looseObject({
  openMethod: methodId,
  openModel: modelId,
  closed: z.array(breakEvenEntrySchema).meta({ description: "One entry per closed option, in row order." }),
});

export const methodSectionSchema = z.looseObject({
  label: z.string(),
  assumptions: z.array(z.string()).meta({ description: "Cost assumptions every row of the method starts with." }),
  sources: z.array(z.string()).meta({ description: "Cost sources every row of the method starts with." }),
  hypothesisTest: hypothesisTestSchema.optional().meta({ description: "Channel C's membership-test bound for every row of the method, at the (ε, δ) its plan achieves (not the target); absent when the method has no leakage rows." }),
});

export const leakageSectionSchema = z.looseObject({
  hypothesisTest: hypothesisTestSchema.nullable().meta({ description: "The membership-test bound every row shares, when they all share one; null when methods achieve different ε (read `methods[method].hypothesisTest`) or there are no leakage rows." }),
  sources: z.array(z.string()).meta({ description: "Leakage sources every row starts with." }),
  providers: z.record(z.string(), providerPolicySchema).meta({ description: "Each provider's stated data policy, keyed by the rows' `leakage.provider`." }),
});

export const skippedPairSchema = z.object({ method: methodId, model: modelId, reason: z.string() });

const optionIdSchema = z.object({ method: methodId, model: modelId });

export const decisionOptionSchema = z.looseObject({
  method: methodId,
  model: modelId,
  methodLabel: z.string(),
  modelLabel: z.string(),
  totalCostUsd: usdOrNull("Training + query cost; null when a price is unknown."),
  utility: z.looseObject({ value: z.number().nullable(), metric: z.string(), spread: z.number().nullable(), kind: z.string(), source: z.string().nullable() }),
  epsilon: z.number().nullable().meta({ description: "The ε the plan achieves (not the target); null when no finite ε bounds it." }),
  leaks: z.array(z.looseObject({ channel: z.enum(["A", "B", "C"]), status: z.enum(["partial", "exposed"]), what: z.string() })).meta({ description: "Channels that are not protected; empty when A, B and C all are." }),
  sentence: z.string(),
});

export const flipSchema = z.looseObject({
  input: z.string().meta({ description: "The input moved: queries, n, tokens (× both token lengths), eps, gpuPrice ($/GPU-hour), apiPrices (× every API price)." }),
  at: z.number().meta({ description: "The input's value at the threshold, in its own units." }),
  to: optionIdSchema.nullable().meta({ description: "The answer just beyond the threshold; null when nothing qualifies there." }),
  sentence: z.string(),
});

const sensitivityEndSchema = z.looseObject({
  value: z.union([z.number(), z.string()]).meta({ description: "The input's value at this end, in its own units (queries, records, × token lengths, ε, $/GPU-hour), or the price list's id (`paper-2024-05`, `current`)." }),
  words: z.string(),
  costUsd: usdOrNull("The answer's total cost (training + queries) at this end; null when a price is unknown there (never $0)."),
  feasible: z.boolean().meta({ description: "Whether the answer can run as planned at this end (privacy, data, context window)." }),
  answer: optionIdSchema.nullable().meta({ description: "The decision's answer at this end (the option that is best there); null when nothing meets every must-have there." }),
});

export const sensitivityBarSchema = z.looseObject({
  input: z.string().meta({ description: "The input moved, the same id as a flip's `input` (queries, n, tokens, eps, gpuPrice), or priceSet (the two dated API price lists)." }),
  label: z.string(),
  unit: z.string(),
  currentWords: z.string().meta({ description: "The scenario's value in words." }),
  range: z.string().meta({ description: "The range in words, low … high." }),
  source: z.string().meta({ description: "Where the range comes from: issue #18's stated ranges (queries ×0.1…×10, N and token lengths ×0.5…×2), the user's ε range, a dated GPU price range, two dated API price lists." }),
  low: sensitivityEndSchema,
  high: sensitivityEndSchema,
  swingUsd: usdOrNull("|high.costUsd − low.costUsd|; null when either end has no cost."),
});

export const sensitivitySchema = z.looseObject({
  accountant: z.literal("rdp").meta({ description: "The accountant of every estimate behind the bars: always RDP, as the page's chart draws them, whatever the link's (about a dozen estimates; PRV takes seconds each). RDP is an upper bound on ε, usually looser than PRV, so for a link with another accountant `option` (the answer at the scenario's values under RDP) can differ from `decision.answer` where the accountant decides an option's feasibility." }),
  option: z.looseObject({ method: methodId, model: modelId, methodLabel: z.string(), modelLabel: z.string() }).nullable().meta({ description: "The option whose cost is moved: the answer at the scenario's values; null when there is none (then `bars` is empty)." }),
  baseCostUsd: usdOrNull("The option's total cost at the scenario's values."),
  bars: z.array(sensitivityBarSchema).meta({ description: "One bar per input, the widest swing first; bars without a swing last." }),
  omitted: z.array(z.looseObject({ input: z.string(), label: z.string(), reason: z.string() })).meta({ description: "Inputs without a bar and why (e.g. a GPU without a dated price range)." }),
  evaluations: z.number().int().nonnegative().meta({ description: "Distinct scenarios estimated for the bars." }),
  table: z.looseObject({ caption: z.string(), columns: z.array(z.string()), rows: z.array(z.array(z.string())) }).meta({ description: "The bars as text: the chart's text alternative." }),
  markers: z.array(z.looseObject({ input: z.string(), at: z.number(), costUsd: z.number().nullable(), sentence: z.string() })).meta({ description: "Where each flip of `decision.flips` lies on its bar (its cost estimated with RDP, as the bars); empty unless flips were computed in the same request." }),
});

export const decisionSchema = z.looseObject({
  answer: decisionOptionSchema.nullable().meta({ description: "The first option under the must-haves and the rank rule: always a feasible row meeting every must-have; null when none does (then read `relax`)." }),
  runnerUp: decisionOptionSchema.nullable(),
  excluded: z.array(z.looseObject({ method: methodId, model: modelId, reasons: z.array(z.string()) })).meta({ description: "Every option not ranked, with each reason." }),
  relax: z.array(z.looseObject({ constraint: z.string(), to: z.number().nullable(), gives: optionIdSchema, sentence: z.string() })).meta({ description: "When nothing qualifies: each must-have that, relaxed alone, gives an option, and the value that does." }),
  robust: z.boolean().meta({ description: "Whether the answer beats the runner-up across the ranges of the deciding figure (cost range, the study's ± spread)." }),
  robustness: z.string(),
  flips: z.array(flipSchema).nullable().meta({ description: "Thresholds at which the answer changes, found by bisection on the same engine; null only where they were not computed." }),
  sensitivity: sensitivitySchema.nullable().meta({ description: "The answer's total cost at each end of each input's range, and the answer there (the page's tornado chart); null unless asked for (`sensitivity=1`, the CLI's --sensitivity): about a dozen estimates." }),
  rule: z.string(),
  notes: z.array(z.string()),
  epsilon: z.looseObject({ asked: z.number(), used: z.number(), noAnswerAt: z.number().nullable(), evaluations: z.number().int().nonnegative(), sentence: z.string() }).meta({ description: "The ε the decision ran at: the link's eps, or with maxEps the smallest larger ε up to it at which an option meets every must-have (bisection on the same engine). Rows stay at eps." }),
});

export const snippetSchema = z.looseObject({
  library: z.enum(["opacus", "prv_accountant", "dp_accounting"]),
  figure: z.enum(["epsilon", "sigma"]),
  accountant: z.enum(["rdp", "prv"]),
  code: z.string().meta({ description: "Copyable Python with the exact arguments (q, σ, steps, δ, orders, eps_error, delta_error) our engine used; its last comment is the value our engine got." }),
  ours: z.number().nullable().meta({ description: "The value our engine got for this figure by this accountant; null where it did not compute one." }),
});

export const rederiveSchema = z.looseObject({
  method: methodId,
  arguments: z.looseObject({ samplingRate: z.number(), noiseMultiplier: z.number(), steps: z.number(), delta: z.number() }).nullable(),
  snippets: z.array(snippetSchema),
  note: z.string(),
});

export const estimateSchema = z.looseObject({
  canonical: z.string().meta({ description: "The scenario's canonical share-link query string (no leading ?)." }),
  scenario: scenarioSchema,
  privacy: z.array(methodPrivacySchema).meta({ description: "Each selected method's privacy once; a row's privacy is the entry with its `method`." }),
  methods: z.record(z.string(), methodSectionSchema).meta({ description: "Per selected method id: its label and the cost assumptions and sources all its rows share." }),
  leakage: leakageSectionSchema,
  rows: z.array(estimateRowSchema).meta({ description: "One row per compared method × model." }),
  breakEven: z.array(breakEvenSchema).meta({ description: "Every open option against every closed option, grouped by open option." }),
  skipped: z.array(skippedPairSchema).meta({ description: "Selected pairs that were not compared, with the reason." }),
  warnings: z.array(fieldWarningSchema).meta({ description: "Ignored keys and other non-fatal remarks about the input." }),
  rederive: z.record(z.string(), z.union([rederiveSchema, z.object({ sameAs: methodId })])).meta({ description: "Per selected method: Python snippets that re-derive its ε and σ with Opacus, Microsoft's prv_accountant or Google's dp_accounting, or a note saying why none applies." }),
  decision: decisionSchema.meta({ description: "The answer under the scenario's must-haves (issue #18): answer, runner-up, exclusions, what to relax, robustness, flip thresholds and, when asked, the answer's sensitivity." }),
});
