/**
 * utilityFor: the measured-utility column of an estimate row, for the scenario's dataset and ε.
 */
import { DATASETS, DATASET_IDS, type DatasetId, type MethodId, type ModelId, type Scenario } from "../scenario";
import type { UtilityMetric } from "./paper-results";
import { lookupMeasuredUtility, type UtilityEstimate } from "./utility-lookup";
import { lookupReportedUtility, reportedElsewhereNote } from "./reported";
import { LruCache } from "../api/lru-cache";

/**
 * Study datasets of the same task, nearest first, by distance in
 * (log₁₀ N, log₁₀ input tokens, log₁₀ output tokens, log₂ classes) [assumption: a simple,
 * explainable similarity; the study gives no rule for transferring results between datasets].
 * Logs because sizes matter by ratio: 5,000 vs 10,000 records is as far as 50,000 vs 100,000.
 * @example nearestReferenceDatasets({ task: "classification", records: 5000, inTokens: 12, outTokens: 1, classes: 6 })[0] // "trec"
 */
export function nearestReferenceDatasets(target: Pick<Scenario, "task" | "records" | "inTokens" | "outTokens" | "classes">): DatasetId[] {
  const distance = (id: DatasetId) => {
    const d = DATASETS[id];
    const terms = [
      Math.log10(target.records / d.train),
      Math.log10(target.inTokens / d.inTokens),
      Math.log10(target.outTokens / d.outTokens),
      target.classes !== null && d.classes !== null ? Math.log2(target.classes / d.classes) : 0,
    ];
    return Math.hypot(...terms);
  };
  return DATASET_IDS.filter((id) => DATASETS[id].task === target.task)
    .map((id) => ({ id, d: distance(id) }))
    .sort((a, b) => a.d - b.d || DATASET_IDS.indexOf(a.id) - DATASET_IDS.indexOf(b.id))
    .map((x) => x.id);
}

/**
 * The study's utility for `method` on `model` in `scenario`, labelled by kind:
 * - a study preset: `lookupMeasuredUtility` at the scenario's ε (measured, interpolated, or none);
 * - `custom`: the value of the nearest study dataset of the same task that has one for this
 *   method and model (see nearestReferenceDatasets), kind "reference" and the dataset named.
 *   It describes the study's data, not a prediction for the user's.
 *
 * Units: the metric's own (accuracy in %, ROUGE/BLEU/Levenshtein in points).
 * Source: Hanke et al. 2024, Tables 1, 3–6, 23 (lib/utility/paper-results.ts).
 *
 * @param options.metric a metric other than the dataset's headline one (e.g. "rouge1" on SAMSum)
 * @example
 * // SST2 preset, ε = 8, DP-ICL on GPT-4 Turbo:
 * utilityFor(presetScenario("sst2"), "dp-icl", "gpt-4-turbo")
 * // → { value: 95.9, spread: 0.1, metric: "accuracy", kind: "measured", source: "Hanke et al. 2024, Table 3", epsilon: 8, ... }
 */
export function utilityFor(scenario: Scenario, method: MethodId, model: ModelId, options: { metric?: UtilityMetric } = {}): UtilityEstimate {
  // A pure function of these scenario fields and the study's constant tables: memoised per
  // process (every estimate looks up every row; issue #15's speed target, test/bench/RESULTS.md).
  // The estimate is frozen, as rows and later estimates share it.
  const { preset, epsilon, records, task, inTokens, outTokens, classes } = scenario;
  const key = JSON.stringify([preset, method, model, epsilon, records, task, inTokens, outTokens, classes, options.metric ?? null]);
  return utilityMemo.getOrSet(key, () => deepFreeze(lookUpUtility(scenario, method, model, options)));
}

/** LRU-bounded: the page and the API ask for a few scenarios at a time, 11 methods × ~10 models each. */
const utilityMemo = new LruCache<string, UtilityEstimate>({ maxEntries: 2048 });

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function lookUpUtility(scenario: Scenario, method: MethodId, model: ModelId, options: { metric?: UtilityMetric }): UtilityEstimate {
  if (scenario.preset !== "custom") {
    const measured = lookupMeasuredUtility(scenario.preset, method, model, scenario.epsilon, options.metric);
    if (measured.kind !== "none") return measured;
    // Not measured by the study: the method's authors' own figure for this dataset, model and ε, labelled "reported".
    const reported = lookupReportedUtility(scenario.preset, method, model, scenario.epsilon, { records: scenario.records, ...(options.metric ? { metric: options.metric } : {}) });
    if (reported) return reported;
    const elsewhere = reportedElsewhereNote(method, scenario.preset, model);
    return elsewhere ? { ...measured, note: `${measured.note} ${elsewhere}` } : measured;
  }
  const candidates = nearestReferenceDatasets(scenario);
  const tried: string[] = [];
  for (const id of candidates) {
    const found = lookupMeasuredUtility(id, method, model, scenario.epsilon, options.metric);
    if (found.value !== null) {
      const rank = tried.length === 0 ? "the nearest study dataset" : `the nearest study dataset with a value for this method and model (nearer: ${tried.join(", ")})`;
      return {
        ...found,
        kind: "reference",
        referenceDataset: id,
        note: `Custom data: this is ${DATASETS[id].label}'s value, ${rank} by size, token lengths and classes; a reference, not a prediction for your data. ${found.note}`,
      };
    }
    tried.push(DATASETS[id].label);
  }
  const metric = options.metric ?? (candidates[0] ? DATASETS[candidates[0]].metric : "accuracy");
  return {
    value: null, metric, spread: null, kind: "none", basis: null, source: null, epsilon: null,
    note: `Custom data: no study dataset of the ${scenario.task} task (${tried.join(", ")}) has a value for this method and model at ε = ${scenario.epsilon}.`,
  };
}
