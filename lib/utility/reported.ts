/**
 * Accuracy reported by a method's own authors (issue #17): utility kind "reported".
 *
 * Hanke et al. 2024 measured eight methods (./paper-results.ts, kind "measured"). Methods that came
 * after the study carry their authors' own numbers instead: a different paper, protocol, data
 * subset and seed count. privadapt keeps them apart from the study's measurements everywhere: the
 * kind says "reported", the source names the paper and its table or figure, the note names the
 * authors' setup, and the decision uses them only when the scenario asks for it
 * (`utilitySource=reported`, lib/decide).
 *
 * Sources: DPZero's repository figures (values printed on the bars; the paper's tables were not
 * read) and POST's Tables 5 and 14.
 *
 * Rules (lookupReportedUtility): a value applies only to the catalogue dataset and model the
 * authors ran, at an ε they ran, or linearly in ε between two of their own points for that same
 * dataset and model (labelled as such). Never borrowed from another model or dataset, never
 * extrapolated. Rows whose dataset or model is not in the catalogue are kept for the record
 * (/reproduce) with a null id.
 */
import { DATASETS, MODELS, type DatasetId, type MethodId, type ModelId } from "../scenario";
import type { UtilityMetric } from "./paper-results";
import type { UtilityEstimate } from "./utility-lookup";
import { formatCount, formatSignificant } from "../present/format";

export interface ReportedResult {
  method: MethodId;
  /** The paper, with its arXiv id. */
  paper: string;
  /** Where in the paper or its repository: "Table 5", "repository figure assets/roberta.png". */
  where: string;
  /** The authors' name for the model, and the catalogue's id when the catalogue has that model. */
  modelName: string;
  model: ModelId | null;
  /** The authors' name for the dataset, and the catalogue's id when the catalogue has that dataset. */
  datasetName: string;
  dataset: DatasetId | null;
  epsilon: number;
  /** δ of the run; null where the paper does not list it. */
  delta: number | null;
  metric: UtilityMetric;
  value: number;
  /**
   * How the number was read: "table" (printed in a table), "figure-label" (printed on a figure's
   * bar), "figure-reading" (read off a figure's axis, ± about one unit).
   */
  readAs: "table" | "figure-label" | "figure-reading";
  /** The authors' setup in words: private records, steps, batch, what else differs. */
  setup: string;
  /** Private records the authors trained on, when stated. */
  records: number | null;
}

export const DPZERO_PAPER_SHORT = "Zhang et al., ICML 2024 (DPZero, arXiv 2310.09639)";
export const POST_PAPER_SHORT = "Wang et al., ICML 2025 (POST, arXiv 2506.16196)";

const DPZERO_ROBERTA_SETUP = "RoBERTa-large, prompt-based fine-tuning on 512 examples per class, batch 64, 10,000 steps, δ = 1e-5 (roberta/examples/dpzero.sh)";
const DPZERO_OPT_SETUP = "OPT, 1,000 training examples, δ = 1e-5 (opt/examples/dpzero.sh); the README's figure does not say which batch and step count of the script";

/**
 * `records`: 512 × classes where every class has at least 512 training examples; null for TREC,
 * whose smallest class (ABBR) has fewer, so the exact count the script drew is not known here.
 */
const dpzeroRoberta = (datasetName: string, dataset: DatasetId | null, records: number | null, eps6: number, eps2: number): ReportedResult[] =>
  [[6, eps6], [2, eps2]].map(([epsilon, value]) => ({
    method: "dpzero", paper: DPZERO_PAPER_SHORT, where: "repository figure assets/roberta.png (github.com/Liang137/DPZero; values printed on the bars)",
    modelName: "RoBERTa-large", model: "roberta-large", datasetName, dataset, epsilon: epsilon as number, delta: 1e-5, metric: "accuracy", value: value as number,
    readAs: "figure-label", setup: DPZERO_ROBERTA_SETUP, records,
  }));

const dpzeroOpt = (modelName: string, datasetName: string, metric: UtilityMetric, eps6: number, eps2: number): ReportedResult[] =>
  [[6, eps6], [2, eps2]].map(([epsilon, value]) => ({
    method: "dpzero", paper: DPZERO_PAPER_SHORT, where: "repository figure assets/opt.png (github.com/Liang137/DPZero; values printed on the bars)",
    modelName, model: null, datasetName, dataset: null, epsilon: epsilon as number, delta: 1e-5, metric, value: value as number,
    readAs: "figure-label", setup: DPZERO_OPT_SETUP, records: 1000,
  }));

/**
 * POST with DP (ε = 8): Table 5 (Llama2-7b as the provider's model, its 2-layer distilled model, the
 * best public set; δ from Table 10, which lists none for disaster and trec) and Table 14 (GPT2-XL,
 * RoBERTa-base). No target model of POST is in the catalogue (the catalogue's closed models are
 * APIs POST was not run on), so these appear on no row; /reproduce lists them.
 */
const post = (modelName: string, datasetName: string, dataset: DatasetId | null, delta: number | null, value: number, where: string, publicSet: string): ReportedResult => ({
  method: "post", paper: POST_PAPER_SHORT, where, modelName, model: null, datasetName, dataset, epsilon: 8, delta, metric: "accuracy", value, readAs: "table",
  setup: `${modelName} as the provider's model; a 100-token soft prompt tuned with DP on its distilled small model and transferred with the public ${publicSet} set`, records: null,
});

/**
 * Every number the authors of the beyond-study methods report that privadapt carries. DPZero:
 * the repository README's figures (values printed on the bars; the paper's tables were not read).
 * Catalogue ids only where the authors' model and dataset are the catalogue's.
 */
export const REPORTED_RESULTS: readonly ReportedResult[] = [
  ...dpzeroRoberta("SST-2", "sst2", 1024, 92.2, 91.8),
  ...dpzeroRoberta("TREC", "trec", null, 87.6, 82.0),
  ...dpzeroRoberta("SST-5", null, null, 49.3, 47.1),
  ...dpzeroRoberta("SNLI", null, null, 77.8, 73.6),
  ...dpzeroRoberta("MNLI", null, null, 67.4, 62.7),
  ...dpzeroRoberta("RTE", null, null, 71.9, 70.4),
  ...dpzeroOpt("OPT-1.3B", "SST-2", "accuracy", 88.2, 86.8),
  ...dpzeroOpt("OPT-2.7B", "SST-2", "accuracy", 91.5, 90.5),
  ...dpzeroOpt("OPT-6.7B", "SST-2", "accuracy", 92.6, 90.6),
  ...dpzeroOpt("OPT-1.3B", "BoolQ", "accuracy", 62.4, 61.6),
  ...dpzeroOpt("OPT-2.7B", "BoolQ", "accuracy", 65.4, 63.7),
  ...dpzeroOpt("OPT-6.7B", "BoolQ", "accuracy", 66.8, 63.7),
  post("Llama2-7b", "sst2", "sst2", 1.5e-5, 89.91, "Table 5 (DP-POST)", "imdb"),
  post("Llama2-7b", "imdb", null, 4e-5, 83.26, "Table 5 (DP-POST)", "best"),
  post("Llama2-7b", "tweet", null, 2e-5, 59.55, "Table 5 (DP-POST)", "best"),
  post("Llama2-7b", "arisetv", null, 2e-4, 82.6, "Table 5 (DP-POST)", "best"),
  post("Llama2-7b", "mpqa", "mpqa", 1.16e-4, 80.17, "Table 5 (DP-POST)", "best"),
  post("Llama2-7b", "disaster", "disaster", null, 58.62, "Table 5 (DP-POST)", "best"),
  post("Llama2-7b", "trec", "trec", null, 37.8, "Table 5 (DP-POST)", "best"),
  post("GPT2-XL", "sst2", "sst2", 1.5e-5, 84.06, "Table 14 (DP-POST)", "imdb"),
  post("RoBERTa-base", "sst2", "sst2", 1.5e-5, 84.4, "Table 14 (DP-POST)", "tweet"),
];

const fmt = (x: number) => formatSignificant(x, 6);

/** The authors' rows for a catalogue (dataset, method, model) in a metric, sorted by ε. */
export function reportedRows(dataset: DatasetId, method: MethodId, model: ModelId, metric: UtilityMetric = DATASETS[dataset].metric): ReportedResult[] {
  return REPORTED_RESULTS.filter((r) => r.method === method && r.dataset === dataset && r.model === model && r.metric === metric).sort((a, b) => a.epsilon - b.epsilon);
}

function setupNote(r: ReportedResult, records: number | undefined): string {
  const differs = records !== undefined && r.records !== null && records !== r.records ? ` Your scenario has N = ${formatCount(records)} records; the authors trained on ${formatCount(r.records)}.` : "";
  return `Reported by the method's authors (${r.paper}, ${r.where}), not measured by Hanke et al. 2024: ${r.setup}.${differs}`;
}

/**
 * The authors' figure for a catalogue setup at ε, or null when they report none there.
 * @example lookupReportedUtility("sst2", "dpzero", "roberta-large", 2)?.value // 91.8 (DPZero figure assets/roberta.png)
 * @example lookupReportedUtility("sst2", "dpzero", "roberta-large", 4)?.value // 92.0 = 91.8 + (4 − 2) × (92.2 − 91.8) / (6 − 2)
 */
export function lookupReportedUtility(dataset: DatasetId, method: MethodId, model: ModelId, epsilon: number, options: { records?: number; metric?: UtilityMetric } = {}): UtilityEstimate | null {
  const metric = options.metric ?? DATASETS[dataset].metric;
  const rows = reportedRows(dataset, method, model, metric);
  if (rows.length === 0) return null;
  const at = rows.find((r) => Math.abs(r.epsilon - epsilon) <= 1e-9);
  if (at) {
    return {
      value: at.value, metric, spread: null, kind: "reported", basis: "exact-epsilon", source: `${at.paper}, ${at.where}`, epsilon: at.epsilon,
      note: `${setupNote(at, options.records)} At ε = ${fmt(at.epsilon)}${at.delta !== null ? `, δ = ${at.delta}` : ""}.`,
    };
  }
  for (let i = 0; i + 1 < rows.length; i++) {
    const lo = rows[i] as ReportedResult;
    const hi = rows[i + 1] as ReportedResult;
    if (epsilon > lo.epsilon && epsilon < hi.epsilon) {
      const value = lo.value + ((epsilon - lo.epsilon) * (hi.value - lo.value)) / (hi.epsilon - lo.epsilon);
      return {
        value, metric, spread: null, kind: "reported", basis: "linear-in-epsilon", source: `${lo.paper}, ${lo.where}`, epsilon,
        between: [{ value: lo.value, epsilon: lo.epsilon, source: `${lo.paper}, ${lo.where}` }, { value: hi.value, epsilon: hi.epsilon, source: `${hi.paper}, ${hi.where}` }],
        note: `Interpolated linearly in ε between the authors' own points ${fmt(lo.value)} at ε = ${fmt(lo.epsilon)} and ${fmt(hi.value)} at ε = ${fmt(hi.epsilon)}; not itself reported. ${setupNote(lo, options.records)}`,
      };
    }
  }
  return null;
}

/** The authors' nearest point, for a "none" note: "the authors report 92.2 at ε = 6 on …". */
export function reportedElsewhereNote(method: MethodId, dataset: DatasetId | null, model: ModelId): string | null {
  // A pure function of constants (REPORTED_RESULTS, the catalogue): each note is written once per
  // process. Bounded by the catalogue: at most methods × (datasets + 1) × models entries.
  const key = `${method}|${dataset ?? ""}|${model}`;
  const known = elsewhereNotes.get(key);
  if (known !== undefined) return known;
  const note = writeReportedElsewhereNote(method, dataset, model);
  elsewhereNotes.set(key, note);
  return note;
}

const elsewhereNotes = new Map<string, string | null>();

function writeReportedElsewhereNote(method: MethodId, dataset: DatasetId | null, model: ModelId): string | null {
  const mine = REPORTED_RESULTS.filter((r) => r.method === method);
  if (mine.length === 0) return null;
  const sameModel = mine.filter((r) => r.model === model);
  const sameDataset = dataset === null ? [] : mine.filter((r) => r.dataset === dataset);
  const pick = sameModel[0] ?? sameDataset[0] ?? mine[0] as ReportedResult;
  const eps = [...new Set(mine.filter((r) => r.modelName === pick.modelName && r.datasetName === pick.datasetName).map((r) => fmt(r.epsilon)))].join(" and ");
  return `Its authors report results on ${[...new Set(mine.map((r) => r.modelName))].join(", ")} (e.g. ${pick.modelName} on ${pick.datasetName} at ε = ${eps}, ${pick.paper}, ${pick.where}); none for ${MODELS[model].label}${dataset ? ` on ${DATASETS[dataset].label}` : ""} at this ε, and privadapt does not borrow them.`;
}
