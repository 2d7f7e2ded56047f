/**
 * The cost engine's data shapes. `CostRow` and `BreakEven` are a public contract (issue #4): the
 * page, the JSON API, the CLI and the lead's merged `estimate` row spread them. Later issues may
 * add fields; never rename or change the meaning of these.
 */
import type { GpuId, LlmFamily, MethodId, ModelId, PriceSetId } from "../scenario";
import type { StagePricingNote } from "./api-options";

/** Which part of a method's life a stage belongs to. */
export type CostPhase = "training" | "query";

/**
 * A price of one API model in one price set, with where it came from.
 * Units: US dollars per 1,000,000 tokens.
 */
export interface ApiPriceQuote {
  model: ModelId;
  priceSet: PriceSetId;
  inputUsdPerMillionTokens: number;
  outputUsdPerMillionTokens: number;
  /**
   * Prompt-length tiers (some current models charge more for long prompts): a call whose prompt
   * has more than `abovePromptTokens` input tokens is charged entirely at the tier's rates
   * (the semantics of @pydantic/genai-prices). Empty when the price is flat.
   */
  tiers: { abovePromptTokens: number; inputUsdPerMillionTokens: number; outputUsdPerMillionTokens: number }[];
  source: string;
  /** ISO date the price was valid on, or "user override" for `price.<model>=in,out`. */
  asOf: string;
}

/** LLM calls of one stage, priced by API tokens (closed model, or an open model with a price override). */
export interface ApiCostStage {
  kind: "api";
  phase: CostPhase;
  /** Stable id within a method, e.g. `teachers`, `calibration`, `student`. */
  id: string;
  label: string;
  model: ModelId;
  /** Totals over the scenario (for `query` stages: over `scenario.queries` queries). */
  calls: number;
  inputTokens: number;
  outputTokens: number;
  inputUsd: number | null;
  outputUsd: number | null;
  usd: number | null;
  /** For `query` stages: the same quantities for one query. */
  perQuery?: { calls: number; inputTokens: number; outputTokens: number; usd: number | null };
  /** The token formula in words, with the knob values filled in. */
  formula: string;
  /** Set when the stage exists only because an option of the original code was switched on. */
  option?: ApiCostOptionId;
  /**
   * API pricing options the scenario asked for (`batch=on`, issue #17) and what each did to this
   * stage: applied (with its multiplier) or not, and why (lib/cost/api-options.ts).
   */
  pricing?: StagePricingNote[];
}

/** GPU work of one stage on a local open model. */
export interface GpuCostStage {
  kind: "gpu";
  phase: CostPhase;
  id: string;
  label: string;
  /** The open model doing the work (DP-OPT's prompt search runs on a local Vicuna 7B). */
  model: ModelId;
  gpu: GpuId;
  /** Model FLOPs of the work (no overheads), for transparency. */
  flops: number;
  gpuHours: number;
  usd: number;
  perQuery?: { gpuHours: number; usd: number };
  /** How the hours were obtained, with the constants used. */
  formula: string;
  /** Which fitted constants of the GPU model priced the hours: training (DP-SGD, batched forward passes) or serving (LLM calls); sets the error band. */
  regime: "training" | "serving";
}

export type CostStage = ApiCostStage | GpuCostStage;

/**
 * Where a row's GPU cost comes from (issue #15):
 * - `measured`: the study measured this setup (dataset preset, method, model, an A40, the study's
 *   knobs, N and token lengths); the GPU hours are its figure, at the scenario's $/GPU-hour;
 * - `scaled-from-measured`: the study measured a neighbouring setup; its figure is scaled by the
 *   GPU model's ratio (this scenario ÷ the study's setup);
 * - `modelled`: no measurement; the GPU model's hours.
 */
export type CostBasis = "measured" | "scaled-from-measured" | "modelled";

/** A USD range: the 10th–90th percentile band of the GPU model's leave-one-out errors (test/cost/GPU-MODEL.md); API parts are exact. */
export interface CostRange {
  low: number;
  high: number;
}

/** The GPU basis of a row in detail: the measurement used, the model's estimate beside it, and the scale applied. */
export interface GpuCostBasis {
  basis: CostBasis;
  /** The study cell measured for this setup (absent when modelled). */
  measured?: { table: string; trainingCostUsd: number; queryCostUsdPer10kQueries: number };
  /** The GPU model's own estimate for the scenario, before any measurement is used (cross-check). */
  model: { trainingCostUsd: number; queryCostUsd: number };
  /** Scale applied to the measured hours per phase: model(scenario) ÷ model(study's setup); 1 when measured as is. */
  scale?: { training: number | null; query: number | null };
  /** What differs from the study's setup (e.g. "N", "GPU"), when scaled. */
  changed?: string[];
  note: string;
}

export type ApiCostOptionId = "calibrationCalls" | "finalKeywordCall" | "publicTokenCalls";

/** Does the model plus method fit the chosen GPU? Estimated from bytes per parameter. */
export interface MemoryCheck {
  /** What the check is for. */
  purpose: "training" | "inference";
  precision: "16-bit" | "4-bit";
  requiredGb: number;
  gpuMemoryGb: number;
  /** GPUs of the chosen kind needed at `precision` (1 when it fits). */
  gpusNeeded: number;
  fits: boolean;
  /** What to do when it does not fit, or why the precision was chosen. */
  advice: string;
  formula: string;
}

export interface CostBreakdown {
  stages: CostStage[];
  /** API prices used by the stages (one per priced model). */
  prices: ApiPriceQuote[];
  /** Present when any stage runs on a GPU. */
  gpu?: { id: GpuId; label: string; usdPerHour: number; peakBf16Tflops: number; memoryBandwidthGBs: number; memory: MemoryCheck[] };
  /** Present when any stage runs on a GPU: whether its hours are measured, scaled from a measurement, or modelled. */
  gpuBasis?: GpuCostBasis;
}

/** The study's own measurement for the same method, model and dataset (its knobs, 10,000 queries). */
export interface PaperCostFigure {
  table: string;
  trainingCostUsd: number;
  queryCostUsdPer10kQueries: number;
  /** The study's query cost scaled to the scenario's number of queries (it is linear in queries). */
  queryCostUsdAtScenarioQueries: number;
  note?: string;
}

export interface CostRow {
  method: MethodId;
  model: ModelId;
  llm: LlmFamily;
  /** One-time cost of building the private prompt or model, USD; null when a price is missing. */
  trainingCostUsd: number | null;
  /** Cost of answering `queries` queries, USD. */
  queryCostUsd: number | null;
  totalCostUsd: number | null;
  /** Query cost of one query, USD (query cost is linear in the number of queries). */
  queryCostUsdPerQuery: number | null;
  queries: number;
  /** Why a cost is null: `no price for <model> in <set>; set price.<model>=in,out`. */
  missing?: string;
  breakdown: CostBreakdown;
  assumptions: string[];
  sources: string[];
  paperFigure?: PaperCostFigure;
  /** Basis of the GPU part of the cost; absent when no stage runs on a GPU (API tokens × prices are computed exactly). */
  costBasis?: CostBasis;
  /** Range of `totalCostUsd` when any GPU part is modelled or scaled (absent when measured or API-only, or a price is missing). */
  costRange?: CostRange;
  /** Ranges of the two parts, on the same terms as `costRange`. */
  trainingCostRange?: CostRange;
  queryCostRange?: CostRange;
}

export interface BreakEven {
  openMethod: MethodId;
  openModel: ModelId;
  closedMethod: MethodId;
  closedModel: ModelId;
  /** Query volume at which the two total costs are equal; null if they never cross (or a cost is unknown). */
  queries: number | null;
  /** Which side is cheaper at volumes above the crossing (or everywhere if it never crosses). */
  cheaperAbove: "open" | "closed" | "equal" | null;
  note: string;
}

/** A method × model pair that was not costed, and why. */
export interface SkippedPair {
  method: MethodId;
  model: ModelId;
  reason: string;
}

export interface CostEstimate {
  rows: CostRow[];
  breakEven: BreakEven[];
  skipped: SkippedPair[];
}
