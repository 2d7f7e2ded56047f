/**
 * The scenario form's fields as plain data, built from the schema's own tables (TOP_FIELDS,
 * KNOB_SPECS, the catalogues): labels, units, help text and options cannot drift from what the
 * codec accepts. The server builds it and hands it to the client form, so the form's bundle does
 * not carry the schema (zod) itself; validation goes through the codec in a Web Worker.
 */
import {
  CLOSED_METHOD_IDS, CLOSED_MODEL_IDS, DATASETS, GENERATING_OPEN_MODEL_IDS, GPUS, KNOB_DEFAULT_NOTES, KNOB_SPECS, METHODS, METHOD_IDS, MODELS, OPEN_MODEL_IDS,
  PRESET_IDS, PRICE_OVERRIDE_META, PRICE_OVERRIDE_PREFIX, TOP_FIELDS, isEnumKnob, knobKey, modelLabelWithStatus,
  INSTRUCTION_TOKENS_CUSTOM_DEFAULT, defaultScenario, type DatasetId, type EnumKnobSpec, type FieldKind, type KnobSpec, type MethodId,
} from "../scenario";
import type { DatasetTokenLengths } from "./carried-over";
import { formatCount } from "./format";

export interface FormOption {
  id: string;
  label: string;
  /** Grouping or a short note shown beside the option (e.g. "closed", "study model"). */
  group?: string;
  description?: string;
}

export interface FormField {
  /** The share-link key, e.g. `eps`. */
  key: string;
  label: string;
  unit: string;
  description: string;
  type: FieldKind["type"];
  min?: number;
  max?: number;
  integer?: boolean;
  options?: FormOption[];
}

/** A method's non-numeric setting: a top-level scenario field whose share-link key is `<method>.<name>`. */
export interface MethodSettingField extends FormField {
  /** The Scenario property it sets (TOP_FIELDS `path`). */
  path: string;
  /** The value a share link leaves out (the scenario default): choosing it removes the key. */
  defaultValue: string;
}

export interface KnobGroup {
  method: MethodId;
  label: string;
  note: string | null;
  fields: FormField[];
  /**
   * The method's other settings (e.g. DP-FewShotGen's generator, `dp-fewshotgen.generator`), drawn
   * from the schema's top-level fields by key prefix, so the form renders them without naming a method.
   */
  settings: MethodSettingField[];
}

export interface FormModel {
  /** Top-level fields by share-link key. */
  fields: Record<string, FormField>;
  knobs: KnobGroup[];
  /** `price.<model>` fields, one per model. */
  priceOverrides: FormField[];
  /** Every key the page reads from the URL. */
  keys: string[];
  /** The study datasets' token averages, to mark lengths a custom scenario carried over (./carried-over). */
  datasetTokenLengths: DatasetTokenLengths[];
  /** Instruction tokens per call of a new custom scenario (docs/derivations.md §S11). */
  instructionTokensCustomDefault: number;
}

const PRESET_LABELS: Record<string, string> = Object.fromEntries([
  ...Object.values(DATASETS).map((d) => [d.id, `${d.label} — ${d.description} (${d.task}, N = ${formatCount(d.train)})`]),
  ["custom", "Custom — your own data"],
]);

function options(key: string): FormOption[] | undefined {
  switch (key) {
    case "preset": return PRESET_IDS.map((id) => ({ id, label: PRESET_LABELS[id] ?? id }));
    case "task": return [{ id: "classification", label: "Classification" }, { id: "generation", label: "Generation" }];
    case "accountant": return [
      { id: "prv", label: "PRV (tight, numerical)", description: "Gopi et al. 2021: lower and upper bounds on the true ε; the upper bound is used." },
      { id: "rdp", label: "RDP (Rényi, looser, fast)", description: "An upper bound on ε from Rényi DP; never smaller than PRV's." },
    ];
    case "methods": return METHOD_IDS.map((id) => ({ id, label: METHODS[id].label, group: METHODS[id].llm, description: METHODS[id].summary }));
    // A retired (or shutdown-announced) model stays selectable, marked with its date (issue #17).
    case "closed": return CLOSED_MODEL_IDS.map((id) => ({ id, label: modelLabelWithStatus(id), group: MODELS[id].inStudy ? "study" : "current", description: `${MODELS[id].provider}${MODELS[id].inStudy ? ", used in the study" : ", current price set only"}${MODELS[id].lifecycle ? `; ${MODELS[id].lifecycle?.source}` : ""}` }));
    case "open": return OPEN_MODEL_IDS.map((id) => ({ id, label: MODELS[id].label, group: "open", description: `${MODELS[id].paramsBillions}B parameters, ${MODELS[id].architecture}${MODELS[id].inStudy ? "" : `, not run by the study (${MODELS[id].licence ?? "licence not stated"}; ${MODELS[id].source})`}` }));
    case "hosted": return OPEN_MODEL_IDS.map((id) => ({ id, label: MODELS[id].label, group: "open", description: "Served by a host: priced per token, the host sees what it is sent" }));
    case "closedOnOpen": return CLOSED_METHOD_IDS.map((id) => ({ id, label: `${METHODS[id].label} on the open models`, group: "closed", description: METHODS[id].summary }));
    case "dp-fewshotgen.generator": return [
      { id: "api", label: "On the model that answers the queries (variant (1), as the study ran it)" },
      ...GENERATING_OPEN_MODEL_IDS.map((id) => ({ id, label: `${MODELS[id].label} on your GPU (variant (2))`, description: "The private records reach no provider; only the DP demonstrations and the queries do" })),
    ];
    case "protect": return [
      { id: "A", label: "A: private training data must not reach the provider" },
      { id: "B", label: "B: queries must not reach the provider" },
      { id: "C", label: "C: answers bounded by the target ε (the plan runs and reaches it)" },
    ];
    case "utilitySource": return [
      { id: "study", label: "Measured by the study only" },
      { id: "reported", label: "Also reported by methods' authors (marked \"reported\")" },
    ];
    case "rank": return [
      { id: "privacy", label: "Least exposure, then accuracy, then cost" },
      { id: "cost", label: "Cheapest, then accuracy" },
      { id: "utility", label: "Most accurate, then cost" },
    ];
    case "prices": return [
      { id: "paper-2024-05", label: "Study prices (2024-05-22, Table 22)" },
      { id: "current", label: "Current list prices (genai-prices)" },
    ];
    case "batch": return [
      { id: "off", label: "Off: every call at the interactive price" },
      { id: "on", label: "On: offline stages through the batch API at half price (results within 24 h)" },
    ];
    case "cache": return [
      { id: "off", label: "Off: every input token at the full price" },
      { id: "on", label: "On: fixed teacher prompts at the cached-input price, where the provider caches them" },
    ];
    case "gpu": return Object.values(GPUS).map((g) => ({ id: g.id, label: `${g.label} — $${g.usdPerHour}/h default`, description: g.priceSource }));
    default: return undefined;
  }
}

export function formModel(): FormModel {
  const fields: Record<string, FormField> = {};
  for (const f of TOP_FIELDS) {
    if (f.key === "v") continue;
    const kind = f.kind as FieldKind;
    fields[f.key] = {
      key: f.key, label: f.label, unit: f.unit, description: f.description, type: kind.type,
      ...(kind.type === "number" ? { min: kind.min, max: kind.max, integer: kind.integer } : {}),
      ...(options(f.key) ? { options: options(f.key) } : {}),
    };
  }
  const defaults = defaultScenario();
  const knobs: KnobGroup[] = METHOD_IDS.map((method) => ({
    method,
    label: METHODS[method].label,
    note: KNOB_DEFAULT_NOTES[method] ?? null,
    fields: Object.entries(KNOB_SPECS[method] as Record<string, KnobSpec | EnumKnobSpec>).map(([knob, spec]): FormField => (isEnumKnob(spec)
      ? { key: knobKey(method, knob), label: spec.label, unit: spec.unit, description: spec.description, type: "enum", options: spec.values.map((v) => ({ id: v, label: v })) }
      : { key: knobKey(method, knob), label: spec.label, unit: spec.unit, description: spec.description, type: "number", min: spec.min, max: spec.max, integer: spec.integer })),
    settings: TOP_FIELDS.filter((f) => f.key.startsWith(knobKey(method, ""))).flatMap((f): MethodSettingField[] => {
      const field = fields[f.key];
      return field ? [{ ...field, path: f.path, defaultValue: String(defaults[f.path]) }] : [];
    }),
  }));
  const priceOverrides: FormField[] = [...CLOSED_MODEL_IDS, ...OPEN_MODEL_IDS].map((model) => ({
    key: `${PRICE_OVERRIDE_PREFIX}${model}`,
    label: `${MODELS[model].label} price`,
    unit: PRICE_OVERRIDE_META.unit,
    description: PRICE_OVERRIDE_META.description,
    type: "number" as const,
  }));
  const keys = ["v", ...Object.keys(fields), ...priceOverrides.map((f) => f.key), ...knobs.flatMap((g) => g.fields.map((f) => f.key))];
  const datasetTokenLengths = (Object.keys(DATASETS) as DatasetId[]).map((id) => ({
    dataset: id, label: DATASETS[id].label, inTokens: DATASETS[id].inTokens, outTokens: DATASETS[id].outTokens, source: DATASETS[id].source,
  }));
  return { fields, knobs, priceOverrides, keys, datasetTokenLengths, instructionTokensCustomDefault: INSTRUCTION_TOKENS_CUSTOM_DEFAULT };
}

export { setupValues, type SetupChoice } from "./setup";
