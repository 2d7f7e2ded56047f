/**
 * Translation between privadapt's ids (lib/scenario/catalog.ts) and the names the study prints
 * in its tables (docs/derivations.md §S2–§S4, §S7), so that a lookup cannot silently miss a row because
 * of a spelling difference.
 */
import { methodDescriptor } from "../methods";
import { METHODS, MODELS, type DatasetId, type MethodId, type ModelId, type Task } from "../scenario";
import type { PaperDatasetName, PaperMethodName, PaperModelName, UtilityMetric } from "./paper-results";

export const PAPER_DATASET_NAMES: Record<DatasetId, PaperDatasetName> = {
  sst2: "SST2",
  trec: "Trec",
  mpqa: "Mpqa",
  disaster: "Disaster",
  samsum: "SAMSum",
  docvqa: "PFL-DocVQA",
  mitg: "MIT-G",
  mitd: "MIT-D",
};

/**
 * The study's model names. Two differ from the catalogue labels: BART-Large is the XSum
 * fine-tune (docs/derivations.md §S4), and Table 4's "GPT-3.5 Turbo" is priced in Table 22 as
 * "GPT-3.5 Turbo Instruct", the catalogue's id. Current models (inStudy: false) have no row.
 */
export const PAPER_MODEL_NAMES: Partial<Record<ModelId, PaperModelName>> = {
  "gpt-3-babbage": "GPT-3 Babbage",
  "gpt-3-davinci": "GPT-3 Davinci",
  "gpt-3.5-turbo-instruct": "GPT-3.5 Turbo",
  "gpt-4-turbo": "GPT-4 Turbo",
  "claude-2.1": "Claude 2.1",
  "roberta-large": "RoBERTa-Large",
  "bart-large": "BART-Large",
  "pythia-160m": "Pythia 160M",
  "pythia-410m": "Pythia 410M",
  "pythia-1b": "Pythia 1B",
  "pythia-6.9b": "Pythia 6.9B",
  "vicuna-7b": "Vicuna 7B",
  "llama-3-8b-instruct": "Llama3-8B Instruct",
  "openllama-13b": "OpenLLaMA 13B",
  "mixtral-8x7b": "Mixtral 8x7B",
};

/**
 * The study's row names for a method on a model, as the method's file declares them
 * (`paperNames` in lib/methods/<method>.ts). Non-private baselines (0-shot, ICL at ε = ∞,
 * PromptPATE at ε = ∞) are deliberately not mapped: they are not the method at any finite ε.
 * - DP-FewShotGen is "DP-FewShotGen (1)" in Table 3 (prompt generated through the API) and
 *   "DP-FewShotGen" in Table 6.
 * - DP-OPT on a closed model is Table 3's "DP-OPT (original)"; on an open model "DP-OPT (local)".
 * - PromptDPSGD is "PromptDPSGDGen" on generation tasks (Tables 4–6).
 * Without `task`, both names of a task-dependent method are returned.
 * @example paperMethodNames("dp-opt", "vicuna-7b") // ["DP-OPT (local)"]
 * @example paperMethodNames("prompt-dpsgd", "pythia-1b", "generation") // ["PromptDPSGDGen"]
 */
export function paperMethodNames(method: MethodId, model: ModelId, task?: Task): PaperMethodName[] {
  const declared = methodDescriptor(method).paperNames;
  const names = (MODELS[model].llm === "open" ? declared.onOpenModel : undefined) ?? declared;
  const picked = task === undefined ? [names.classification, names.generation] : [task === "generation" ? names.generation : names.classification];
  // The method files type these as strings (lib/methods does not import lib/utility);
  // test/utility/utility-lookup.test.ts checks every declared name is one the study prints.
  return [...new Set(picked)] as PaperMethodName[];
}

/** The method's label as the UI shows it, e.g. "DP-ICL". */
export function methodLabel(method: MethodId): string {
  return METHODS[method].label;
}

export interface UtilityMetricInfo {
  label: string;
  unit: string;
  /** Every metric the study reports is higher-is-better (see the levenshtein note). */
  higherIsBetter: true;
  note?: string;
}

export const UTILITY_METRICS: Record<UtilityMetric, UtilityMetricInfo> = {
  accuracy: { label: "Accuracy", unit: "%", higherIsBetter: true },
  rouge1: { label: "ROUGE-1", unit: "points", higherIsBetter: true },
  rouge2: { label: "ROUGE-2", unit: "points", higherIsBetter: true },
  rougeL: { label: "ROUGE-L", unit: "points", higherIsBetter: true },
  bleu: { label: "BLEU", unit: "points", higherIsBetter: true },
  levenshtein: {
    label: "Levenshtein similarity",
    unit: "points",
    higherIsBetter: true,
    note: "Table 5 prints it as \"Levenshtein\"; it rises with ROUGE-1 across rows, so we read it as a normalised similarity (higher is better) [our reading].",
  },
};
