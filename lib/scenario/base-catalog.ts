/**
 * The catalogue's leaf: datasets, models, GPUs, price sets and accountants.
 *
 * It imports nothing, so any module may import it at run time without a cycle: the method files
 * (lib/methods) and lib/cost/work-types read MODELS here, while ./catalog, which the share link's
 * schema reads, derives the methods' rows from the method files (lib/methods/list.ts). ./catalog
 * re-exports everything here, so `@/lib/scenario` imports are unchanged.
 *
 * These tables feed the zod schema (the allowed ids), the presets, the engines and the UI
 * (labels, units, help text), so an id cannot exist in one place and be missing in another.
 * Every row carries its source. Paper figures are from Hanke et al., "Open LLMs are Necessary
 * for Current Private Adaptations and Outperform their Closed Alternatives", NeurIPS 2024
 * (arXiv 2411.05818), cited as "Hanke et al. 2024, Table N".
 */

export const PAPER = "Hanke et al. 2024";

// ---------------------------------------------------------------------------------------------
// Datasets (paper Tables 7, 14, 21; docs/derivations.md §S3)
// ---------------------------------------------------------------------------------------------

export const TASKS = ["classification", "generation"] as const;
export type Task = (typeof TASKS)[number];

export const DATASET_IDS = ["sst2", "trec", "mpqa", "disaster", "samsum", "docvqa", "mitg", "mitd"] as const;
export type DatasetId = (typeof DATASET_IDS)[number];

export const PRESET_IDS = [...DATASET_IDS, "custom"] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export interface Dataset {
  id: DatasetId;
  label: string;
  description: string;
  task: Task;
  /** Private training records N (the DP unit is one record). */
  train: number;
  test: number;
  /** Number of classes; null for generation tasks. */
  classes: number | null;
  /** Average input tokens per record, instructions excluded. */
  inTokens: number;
  /** Average output tokens per record. */
  outTokens: number;
  /** The metric the study reports first for this dataset. */
  metric: "accuracy" | "rougeL" | "rouge1";
  source: string;
}

export const DATASETS: Record<DatasetId, Dataset> = {
  sst2: { id: "sst2", label: "SST2", description: "Sentiment of movie reviews", task: "classification", train: 66674, test: 872, classes: 2, inTokens: 12.35, outTokens: 1, metric: "accuracy", source: `${PAPER}, Table 7` },
  trec: { id: "trec", label: "Trec", description: "Question type", task: "classification", train: 5452, test: 500, classes: 6, inTokens: 11.43, outTokens: 1, metric: "accuracy", source: `${PAPER}, Table 7` },
  mpqa: { id: "mpqa", label: "Mpqa", description: "Sentiment of short phrases", task: "classification", train: 8603, test: 2000, classes: 2, inTokens: 3.88, outTokens: 1, metric: "accuracy", source: `${PAPER}, Table 7` },
  disaster: { id: "disaster", label: "Disaster", description: "Disaster relevance of tweets", task: "classification", train: 4430, test: 1000, classes: 2, inTokens: 30.79, outTokens: 1, metric: "accuracy", source: `${PAPER}, Table 7` },
  samsum: { id: "samsum", label: "SAMSum", description: "Dialog summarization", task: "generation", train: 14732, test: 819, classes: null, inTokens: 140.857, outTokens: 25.62, metric: "rougeL", source: `${PAPER}, Table 14` },
  docvqa: { id: "docvqa", label: "PFL-DocVQA", description: "Document question answering", task: "generation", train: 85000, test: 10000, classes: null, inTokens: 924.191, outTokens: 6.384, metric: "rouge1", source: `${PAPER}, Table 21` },
  mitg: { id: "mitg", label: "MIT-G", description: "Movie genre extraction", task: "generation", train: 2953, test: 780, classes: null, inTokens: 24.314, outTokens: 2.301, metric: "accuracy", source: `${PAPER}, Table 14` },
  mitd: { id: "mitd", label: "MIT-D", description: "Movie director extraction", task: "generation", train: 1561, test: 415, classes: null, inTokens: 25.276, outTokens: 3.877, metric: "accuracy", source: `${PAPER}, Table 14` },
};

/** Which kind of LLM a method adapts or a model is: a closed API model or a local open model. */
export type LlmFamily = "closed" | "open";

// ---------------------------------------------------------------------------------------------
// Models (docs/derivations.md §S4; closed parameter counts are the paper's estimates)
// ---------------------------------------------------------------------------------------------

export const CLOSED_MODEL_IDS = [
  "gpt-3-babbage",
  "gpt-3-davinci",
  "gpt-3.5-turbo-instruct",
  "gpt-4-turbo",
  "claude-2.1",
  // Current models, priced by the "current" price set only.
  "gpt-4o",
  "gpt-4o-mini",
  "gpt-4.1",
  "gpt-4.1-mini",
  "gpt-5",
  "gpt-5-mini",
  "claude-sonnet-4.5",
  "claude-haiku-3.5",
  "gemini-2.5-pro",
  "gemini-2.5-flash",
  // Added with link version 3 (issue #17): appended, so older links keep their canonical order.
  "claude-opus-4.5",
  "claude-haiku-4.5",
  "gemini-2.5-flash-lite",
] as const;
export type ClosedModelId = (typeof CLOSED_MODEL_IDS)[number];

export const OPEN_MODEL_IDS = [
  "roberta-large",
  "bart-large",
  "pythia-160m",
  "pythia-410m",
  "pythia-1b",
  "pythia-6.9b",
  "vicuna-7b",
  "llama-3-8b-instruct",
  "openllama-13b",
  "mixtral-8x7b",
  // Open models of today (issue #17), not run by the study: appended for the same reason.
  "llama-3.1-8b",
  "llama-3.1-70b",
  "qwen2.5-7b",
  "mistral-7b",
] as const;
export type OpenModelId = (typeof OPEN_MODEL_IDS)[number];

export type ModelId = ClosedModelId | OpenModelId;

export interface ModelInfo {
  id: ModelId;
  label: string;
  llm: LlmFamily;
  /** Parameters in billions; null when nobody has published a count. */
  paramsBillions: number | null;
  /** Architecture matters for which tasks a model can do and for the FLOP count. */
  architecture: "decoder" | "encoder" | "encoder-decoder" | "moe-decoder" | "unknown";
  provider: string;
  /** The provider's API model id (closed models), used to look prices up. */
  apiId?: string;
  /** Whether the study used this model. */
  inStudy: boolean;
  source: string;
  /**
   * Context window in tokens: prompt plus generated tokens of one call must fit in it (for an
   * encoder, the longest input). Every prompt the cost model builds is checked against it
   * (lib/estimate/feasibility.ts), so a plan whose prompt cannot be sent is never "feasible".
   */
  contextTokens: number;
  /** Where `contextTokens` comes from (model card, provider docs); "unverified" when unsourced. */
  contextSource: string;
  /** Open models: the licence its weights are released under, with where that is stated. */
  licence?: string;
  /**
   * Set when the provider has shut the model down (`retired`: calls fail since `date`) or has
   * announced a shutdown date (`deprecated`). Such a model stays selectable, so old links keep
   * their meaning, but it is never named as an answer without this mark (modelLabelWithStatus).
   */
  lifecycle?: { status: "retired" | "deprecated"; date: string; source: string };
}

const closed = (id: ClosedModelId, label: string, paramsBillions: number | null, provider: string, apiId: string, inStudy: boolean, source: string, context: Context): ModelInfo => ({
  id, label, llm: "closed", paramsBillions, architecture: "unknown", provider, apiId, inStudy, source, ...context,
});
const open = (id: OpenModelId, label: string, paramsBillions: number, architecture: ModelInfo["architecture"], source: string, context: Context): ModelInfo => ({
  id, label, llm: "open", paramsBillions, architecture, provider: "local", inStudy: true, source, ...context,
});
/** An open model the study did not run: its utility is `none` unless a source reports one (lib/utility). */
const openToday = (id: OpenModelId, label: string, paramsBillions: number, source: string, licence: string, context: Context): ModelInfo => ({
  id, label, llm: "open", paramsBillions, architecture: "decoder", provider: "local", inStudy: false, source, licence, ...context,
});

type Context = Pick<ModelInfo, "contextTokens" | "contextSource">;
const ctx = (contextTokens: number, contextSource: string): Context => ({ contextTokens, contextSource });

/*
 * Context windows. Closed models: the provider's model page (OpenAI platform.openai.com/docs/models,
 * Anthropic docs.anthropic.com models overview, Google ai.google.dev Gemini models). Open models: the
 * model card's config.json `max_position_embeddings` (the sequence length the model was trained on).
 */
const OPENAI_MODELS = "OpenAI model page (platform.openai.com/docs/models)";
const ANTHROPIC_MODELS = "Anthropic models overview (docs.anthropic.com)";
const GEMINI_MODELS = "Google Gemini API models page (ai.google.dev), input token limit";

/*
 * Lifecycle marks. OpenAI's deprecations page (developers.openai.com/api/docs/deprecations): the
 * GPT-3 base models `babbage` and `davinci` were shut down on 2024-01-04 (notice of 2023-07-06);
 * their successors babbage-002 and davinci-002, whose prices are the study's (Table 22: $0.40 and
 * $2.00 per 1M tokens), are in the notice of 2026-04-22 "Legacy GPT model snapshots" with shutdown
 * on 2026-10-23 [secondary: the page's diff of 2026-04-23 and deprecation trackers list the
 * davinci-002 family for that date; check the page]. @pydantic/genai-prices 0.1.8 no longer prices
 * either. gpt-5 and gpt-5-mini: the same page lists their shutdown on 2026-12-11 (notice 2026-06-11).
 * Anthropic's model deprecations page (platform.claude.com/docs/en/about-claude/model-deprecations):
 * claude-2.1 deprecated 2025-01-21, retired 2025-07-21.
 */
const OPENAI_DEPRECATIONS = "OpenAI API deprecations page (developers.openai.com/api/docs/deprecations)";
const GPT3_RETIRED = { status: "retired", date: "2026-10-23", source: `${OPENAI_DEPRECATIONS}: notice of 2026-04-22 "Legacy GPT model snapshots", shutdown 2026-10-23 (the GPT-3 base models babbage and davinci themselves were shut down on 2024-01-04) [secondary for the -002 date: check the page]` } as const;
const GPT5_DEPRECATED = { status: "deprecated", date: "2026-12-11", source: `${OPENAI_DEPRECATIONS}: shutdown 2026-12-11, notice of 2026-06-11` } as const;

export const MODELS: Record<ModelId, ModelInfo> = {
  "gpt-3-babbage": { ...closed("gpt-3-babbage", "GPT-3 Babbage", 1.3, "OpenAI", "babbage-002", true, `${PAPER}, Section 4 (parameter estimate)`, ctx(16384, `${OPENAI_MODELS}, babbage-002: 16,384 tokens`)), lifecycle: GPT3_RETIRED },
  "gpt-3-davinci": { ...closed("gpt-3-davinci", "GPT-3 Davinci", 175, "OpenAI", "davinci-002", true, `${PAPER}, Section 4 (parameter estimate)`, ctx(16384, `${OPENAI_MODELS}, davinci-002: 16,384 tokens`)), lifecycle: GPT3_RETIRED },
  "gpt-3.5-turbo-instruct": closed("gpt-3.5-turbo-instruct", "GPT-3.5 Turbo Instruct", null, "OpenAI", "gpt-3.5-turbo-instruct", true, `${PAPER}, Table 22`, ctx(4096, `${OPENAI_MODELS}, gpt-3.5-turbo-instruct: 4,096 tokens`)),
  "gpt-4-turbo": closed("gpt-4-turbo", "GPT-4 Turbo", 1760, "OpenAI", "gpt-4-turbo", true, `${PAPER}, Section 4 (parameter estimate)`, ctx(128000, `${OPENAI_MODELS}, gpt-4-turbo: 128,000 tokens`)),
  "claude-2.1": { ...closed("claude-2.1", "Claude 2.1", 200, "Anthropic", "claude-2.1", true, `${PAPER}, Section 4 (parameter estimate)`, ctx(200000, "Anthropic, Introducing Claude 2.1 (2023-11-21): 200K-token context window")), lifecycle: { status: "retired", date: "2025-07-21", source: "Anthropic model deprecations page (platform.claude.com/docs/en/about-claude/model-deprecations): claude-2.1 deprecated 2025-01-21, retired 2025-07-21" } },
  "gpt-4o": closed("gpt-4o", "GPT-4o", null, "OpenAI", "gpt-4o", false, "provider model list", ctx(128000, `${OPENAI_MODELS}, gpt-4o: 128,000 tokens`)),
  "gpt-4o-mini": closed("gpt-4o-mini", "GPT-4o mini", null, "OpenAI", "gpt-4o-mini", false, "provider model list", ctx(128000, `${OPENAI_MODELS}, gpt-4o-mini: 128,000 tokens`)),
  "gpt-4.1": closed("gpt-4.1", "GPT-4.1", null, "OpenAI", "gpt-4.1", false, "provider model list", ctx(1047576, `${OPENAI_MODELS}, gpt-4.1: 1,047,576 tokens`)),
  "gpt-4.1-mini": closed("gpt-4.1-mini", "GPT-4.1 mini", null, "OpenAI", "gpt-4.1-mini", false, "provider model list", ctx(1047576, `${OPENAI_MODELS}, gpt-4.1-mini: 1,047,576 tokens`)),
  "gpt-5": { ...closed("gpt-5", "GPT-5", null, "OpenAI", "gpt-5", false, "provider model list", ctx(400000, `${OPENAI_MODELS}, gpt-5: 400,000 tokens`)), lifecycle: GPT5_DEPRECATED },
  "gpt-5-mini": { ...closed("gpt-5-mini", "GPT-5 mini", null, "OpenAI", "gpt-5-mini", false, "provider model list", ctx(400000, `${OPENAI_MODELS}, gpt-5-mini: 400,000 tokens`)), lifecycle: GPT5_DEPRECATED },
  "claude-sonnet-4.5": closed("claude-sonnet-4.5", "Claude Sonnet 4.5", null, "Anthropic", "claude-sonnet-4-5", false, "provider model list", ctx(200000, `${ANTHROPIC_MODELS}, Claude Sonnet 4.5: 200K tokens (1M in beta, not assumed)`)),
  "claude-haiku-3.5": closed("claude-haiku-3.5", "Claude Haiku 3.5", null, "Anthropic", "claude-3-5-haiku-latest", false, "provider model list", ctx(200000, `${ANTHROPIC_MODELS}, Claude Haiku 3.5: 200K tokens`)),
  "gemini-2.5-pro": closed("gemini-2.5-pro", "Gemini 2.5 Pro", null, "Google", "gemini-2.5-pro", false, "provider model list", ctx(1048576, `${GEMINI_MODELS}, gemini-2.5-pro: 1,048,576 tokens`)),
  "gemini-2.5-flash": closed("gemini-2.5-flash", "Gemini 2.5 Flash", null, "Google", "gemini-2.5-flash", false, "provider model list", ctx(1048576, `${GEMINI_MODELS}, gemini-2.5-flash: 1,048,576 tokens`)),
  "claude-opus-4.5": closed("claude-opus-4.5", "Claude Opus 4.5", null, "Anthropic", "claude-opus-4-5", false, "provider model list", ctx(200000, `${ANTHROPIC_MODELS}, Claude Opus 4.5: 200K tokens`)),
  "claude-haiku-4.5": closed("claude-haiku-4.5", "Claude Haiku 4.5", null, "Anthropic", "claude-haiku-4-5", false, "provider model list", ctx(200000, `${ANTHROPIC_MODELS}, Claude Haiku 4.5: 200K tokens`)),
  "gemini-2.5-flash-lite": closed("gemini-2.5-flash-lite", "Gemini 2.5 Flash-Lite", null, "Google", "gemini-2.5-flash-lite", false, "provider model list", ctx(1048576, `${GEMINI_MODELS}, gemini-2.5-flash-lite: 1,048,576 tokens`)),
  "roberta-large": open("roberta-large", "RoBERTa-Large", 0.355, "encoder", `${PAPER}, Section 4`, ctx(512, "Hugging Face FacebookAI/roberta-large config.json: max_position_embeddings 514, of which 2 are reserved, so 512 tokens")),
  "bart-large": open("bart-large", "BART-Large (XSum)", 0.355, "encoder-decoder", `${PAPER}, Section 4`, ctx(1024, "Hugging Face facebook/bart-large-xsum config.json: max_position_embeddings 1024")),
  "pythia-160m": open("pythia-160m", "Pythia 160M", 0.16, "decoder", `${PAPER}, Section 4`, ctx(2048, "Hugging Face EleutherAI/pythia-160m config.json: max_position_embeddings 2048 (Biderman et al. 2023)")),
  "pythia-410m": open("pythia-410m", "Pythia 410M", 0.41, "decoder", `${PAPER}, Section 4`, ctx(2048, "Hugging Face EleutherAI/pythia-410m config.json: max_position_embeddings 2048 (Biderman et al. 2023)")),
  "pythia-1b": open("pythia-1b", "Pythia 1B", 1.0, "decoder", `${PAPER}, Section 4`, ctx(2048, "Hugging Face EleutherAI/pythia-1b config.json: max_position_embeddings 2048 (Biderman et al. 2023)")),
  "pythia-6.9b": open("pythia-6.9b", "Pythia 6.9B", 6.9, "decoder", `${PAPER}, Section 4`, ctx(2048, "Hugging Face EleutherAI/pythia-6.9b config.json: max_position_embeddings 2048 (Biderman et al. 2023)")),
  "vicuna-7b": open("vicuna-7b", "Vicuna 7B", 7, "decoder", `${PAPER}, Section 4`, ctx(4096, "Hugging Face lmsys/vicuna-7b-v1.5 config.json: max_position_embeddings 4096 (the Llama 2 context); the study does not name the Vicuna version, and v1.3 (LLaMA 1) has 2,048 [unverified which the study ran]")),
  "llama-3-8b-instruct": open("llama-3-8b-instruct", "Llama3-8B Instruct", 8, "decoder", `${PAPER}, Section 4`, ctx(8192, "Meta Llama 3 model card (meta-llama/Meta-Llama-3-8B-Instruct): 8k context length")),
  "openllama-13b": open("openllama-13b", "OpenLLaMA 13B", 13, "decoder", `${PAPER}, Section 4`, ctx(2048, "Hugging Face openlm-research/open_llama_13b config.json: max_position_embeddings 2048")),
  "mixtral-8x7b": open("mixtral-8x7b", "Mixtral 8x7B", 45, "moe-decoder", `${PAPER}, Section 4 (~45B total parameters)`, ctx(32768, "Mistral AI, Mixtral of experts (2023-12-11) and mistralai/Mixtral-8x7B-v0.1 config.json: 32k-token context")),
  // Open models of today (issue #17). Parameter counts and context lengths from each model card on
  // Hugging Face (huggingface.co/<repo>, config.json `max_position_embeddings`). The GPU model
  // (lib/cost/gpu-model.ts) needs only the parameter count; its KV-cache estimate assumes full
  // multi-head attention, so for these grouped-query-attention models it is an upper bound.
  "llama-3.1-8b": openToday("llama-3.1-8b", "Llama 3.1 8B Instruct", 8.03, "Hugging Face meta-llama/Llama-3.1-8B-Instruct model card: 8B parameters (8.03B in the safetensors index)", "Llama 3.1 Community License (model card)", ctx(131072, "Hugging Face meta-llama/Llama-3.1-8B-Instruct model card: 128k context; config.json max_position_embeddings 131072")),
  "llama-3.1-70b": openToday("llama-3.1-70b", "Llama 3.1 70B Instruct", 70.6, "Hugging Face meta-llama/Llama-3.1-70B-Instruct model card: 70B parameters (70.6B in the safetensors index)", "Llama 3.1 Community License (model card)", ctx(131072, "Hugging Face meta-llama/Llama-3.1-70B-Instruct model card: 128k context; config.json max_position_embeddings 131072")),
  "qwen2.5-7b": openToday("qwen2.5-7b", "Qwen2.5 7B Instruct", 7.61, "Hugging Face Qwen/Qwen2.5-7B-Instruct model card: 7.61B parameters", "Apache 2.0 (model card)", ctx(32768, "Hugging Face Qwen/Qwen2.5-7B-Instruct model card: full context 131,072 tokens with YaRN, 32,768 in config.json (max_position_embeddings 32768), which is assumed")),
  "mistral-7b": openToday("mistral-7b", "Mistral 7B Instruct v0.3", 7.25, "Hugging Face mistralai/Mistral-7B-Instruct-v0.3 (7.25B parameters in the safetensors index)", "Apache 2.0 (model card)", ctx(32768, "Hugging Face mistralai/Mistral-7B-Instruct-v0.3 config.json: max_position_embeddings 32768")),
};

/**
 * A model's name as an answer must show it: with its lifecycle mark when the provider has retired
 * it or announced its shutdown, so a retired model is never recommended unmarked.
 * @example modelLabelWithStatus("gpt-3-davinci") // "GPT-3 Davinci (retired 2026-10-23)"
 * @example modelLabelWithStatus("gpt-4o") // "GPT-4o"
 */
export function modelLabelWithStatus(id: ModelId): string {
  const m = MODELS[id];
  if (!m.lifecycle) return m.label;
  return m.lifecycle.status === "retired" ? `${m.label} (retired ${m.lifecycle.date})` : `${m.label} (deprecated: shutdown ${m.lifecycle.date})`;
}

/** Open models that can write text: every open model but the encoder-only RoBERTa-Large. */
export const GENERATING_OPEN_MODEL_IDS = OPEN_MODEL_IDS.filter((id) => MODELS[id].architecture !== "encoder");

/**
 * Where DP-FewShotGen generates its synthetic demonstrations (share link `dp-fewshotgen.generator`):
 * `api`, on the closed model that later answers the queries (the study's variant (1), Hanke et al.
 * 2024, Table 1), or an open model id (variant (2): generated on an open LLM, so the private
 * records never reach the closed model's provider; only the DP demonstrations and the queries do).
 */
export const FEWSHOTGEN_GENERATORS = ["api", ...GENERATING_OPEN_MODEL_IDS] as const;
export type FewShotGenGenerator = "api" | OpenModelId;

// ---------------------------------------------------------------------------------------------
// Price sets and GPUs. The prices themselves live in lib/cost; the ids are part of the URL contract.
// ---------------------------------------------------------------------------------------------

export const PRICE_SET_IDS = ["paper-2024-05", "current"] as const;
export type PriceSetId = (typeof PRICE_SET_IDS)[number];

/** Ids are part of the URL contract (`gpu=`): existing ids keep their meaning; new ones are appended. */
export const GPU_IDS = ["a40", "a100-40gb", "a100-80gb", "h100", "l4", "a10g", "h200"] as const;
export type GpuId = (typeof GPU_IDS)[number];

export interface GpuInfo {
  id: GpuId;
  label: string;
  memoryGb: number;
  /** Dense bf16/fp16 tensor-core peak, in TFLOP/s (no sparsity). Bounds compute-bound work: training and prefill. */
  peakBf16Tflops: number;
  /**
   * Memory bandwidth, GB/s (10⁹ bytes per second). Bounds memory-bound work: decoding one token
   * re-reads every weight, so a token takes at least weight bytes ÷ bandwidth.
   */
  memoryBandwidthGBs: number;
  /** Default rental price in $ per GPU-hour. */
  usdPerHour: number;
  priceSource: string;
  specSource: string;
}

export const GPUS: Record<GpuId, GpuInfo> = {
  a40: { id: "a40", label: "NVIDIA A40 48 GB", memoryGb: 48, peakBf16Tflops: 149.7, memoryBandwidthGBs: 696, usdPerHour: 0.69, priceSource: `${PAPER}, Table 22 (RunPod median, 2024-05-22)`, specSource: "NVIDIA A40 datasheet (149.7 TFLOPS bf16 dense, 696 GB/s GDDR6, 48 GB)" },
  "a100-40gb": { id: "a100-40gb", label: "NVIDIA A100 40 GB", memoryGb: 40, peakBf16Tflops: 312, memoryBandwidthGBs: 1555, usdPerHour: 1.19, priceSource: "RunPod community cloud list price, 2024 [assumption: check your provider]", specSource: "NVIDIA A100 datasheet (312 TFLOPS bf16 dense; 40 GB HBM2 at 1,555 GB/s)" },
  "a100-80gb": { id: "a100-80gb", label: "NVIDIA A100 80 GB", memoryGb: 80, peakBf16Tflops: 312, memoryBandwidthGBs: 2039, usdPerHour: 1.64, priceSource: "RunPod community cloud list price, 2024 [assumption: check your provider]", specSource: "NVIDIA A100 datasheet (312 TFLOPS bf16 dense; 80 GB HBM2e at 2,039 GB/s, SXM)" },
  h100: { id: "h100", label: "NVIDIA H100 80 GB SXM", memoryGb: 80, peakBf16Tflops: 989, memoryBandwidthGBs: 3350, usdPerHour: 2.69, priceSource: "RunPod community cloud list price, 2024 [assumption: check your provider]", specSource: "NVIDIA H100 SXM datasheet (989 TFLOPS bf16 dense; 80 GB HBM3 at 3.35 TB/s)" },
  l4: { id: "l4", label: "NVIDIA L4 24 GB", memoryGb: 24, peakBf16Tflops: 121, memoryBandwidthGBs: 300, usdPerHour: 0.43, priceSource: "RunPod community cloud list price, 2024 [assumption: check your provider]", specSource: "NVIDIA L4 datasheet (121 TFLOPS bf16 dense, 300 GB/s GDDR6, 24 GB)" },
  a10g: { id: "a10g", label: "NVIDIA A10G 24 GB", memoryGb: 24, peakBf16Tflops: 70, memoryBandwidthGBs: 600, usdPerHour: 1.01, priceSource: "AWS EC2 g5.xlarge on-demand, us-east-1 (1 × A10G, 4 vCPU), $1.006/h [unverified snapshot: check your provider]", specSource: "AWS EC2 G5 instance page (24 GB, 600 GB/s); NVIDIA publishes no A10G datasheet: 70 TFLOPS bf16 dense is the figure cloud providers quote [unverified] (the A10 datasheet gives 125)" },
  h200: { id: "h200", label: "NVIDIA H200 141 GB SXM", memoryGb: 141, peakBf16Tflops: 989, memoryBandwidthGBs: 4800, usdPerHour: 3.59, priceSource: "RunPod spot rate, 2026-03-10 (deploybase.ai RunPod pricing guide; on-demand $6.35) [check your provider]", specSource: "NVIDIA H200 datasheet (989 TFLOPS bf16 dense; 141 GB HBM3e at 4.8 TB/s, SXM)" },
};

export const ACCOUNTANT_IDS = ["prv", "rdp"] as const;
export type AccountantId = (typeof ACCOUNTANT_IDS)[number];
