/**
 * Typed catalogues: datasets, methods, models and GPUs.
 *
 * These tables feed the zod schema (the allowed ids), the presets, the engines and the UI
 * (labels, units, help text), so an id cannot exist in one place and be missing in another.
 * Every row carries its source. Datasets, models, GPUs, price sets and accountants live in the
 * leaf ./base-catalog (re-exported here); the methods' rows are read from their own files
 * (issue #16: a method is one file): each method's card (lib/methods/card.ts), in the order of
 * lib/methods/list.ts, the share link's canonical order.
 */
import type { MethodCard, MethodMechanism, MethodSettingSpec } from "../methods/card";
import { METHOD_LIST } from "../methods/list";
import type { LlmFamily } from "./base-catalog";

export * from "./base-catalog";

// ---------------------------------------------------------------------------------------------
// Methods (paper Fig. 1 and Table 2; docs/derivations.md §S2), from the cards in lib/methods.
// ---------------------------------------------------------------------------------------------

/** The cards of the registered methods, as the type system knows them (one literal type per method). */
type Card = (typeof METHOD_LIST)[number]["card"];
/** A registered method's card, by id. */
export type MethodCardOf<M extends MethodId> = Extract<Card, { id: M }>;

export type MethodId = Card["id"];
/** Every method id, in the list's order (lib/methods/list.ts): the share link's canonical method order. */
export const METHOD_IDS: readonly MethodId[] = METHOD_LIST.map((d) => d.card.id);

/** The cards, read at run time: a test may register a method the type system does not know (test/methods/throwaway-method.test.ts). */
const CARDS: readonly MethodCard[] = METHOD_LIST.map((d) => d.card);

/**
 * The study's eight methods (Hanke et al. 2024, Table 2; cards with `inStudy`): every link version
 * so far pins their knobs (lib/scenario/versions.ts). A method beyond them has a knobs entry in a
 * scenario only when a link sets one of its knobs or a link version pins them (ScenarioKnobs in
 * ./knobs), so adding one leaves every older link's decoded scenario byte-identical.
 */
export type StudyMethodId = Extract<Card, { inStudy: true }>["id"];
export const STUDY_METHOD_IDS = CARDS.filter((c) => c.inStudy).map((c) => c.id as StudyMethodId) as readonly StudyMethodId[];

export interface MethodInfo {
  id: MethodId;
  label: string;
  /** Which kind of LLM the method adapts: a closed API model or a local open model. */
  llm: LlmFamily;
  /** The DP algorithm family, as the study groups them. */
  mechanism: MethodMechanism;
  summary: string;
  source: string;
}

/** Each method's catalogue row: the label, family, mechanism, summary and source of its card. */
export const METHODS: Record<MethodId, MethodInfo> = Object.fromEntries(
  CARDS.map((c) => [c.id, { id: c.id as MethodId, label: c.label, llm: c.llm, mechanism: c.mechanism, summary: c.summary, source: c.source }]),
) as Record<MethodId, MethodInfo>;

/** A card's settings that are not knobs (lib/methods/card.ts MethodSettingSpec), as a union. */
type SettingOf<C> = C extends { settings: infer S } ? S[keyof S] : never;
type Setting = SettingOf<Card>;
/** The scenario properties the methods' settings add (`fewShotGenGenerator`), each typed by its values. */
export type MethodSettings = { [S in Setting as S["path"]]: S["values"][number] };

/**
 * The methods' settings as share-link fields (`dp-fewshotgen.generator`), in the list's order;
 * the schema puts them among its top-level fields (TOP_FIELDS), the form in the method's group.
 */
export const METHOD_SETTING_FIELDS = CARDS.flatMap((c) => Object.entries(c.settings ?? {}).map(([name, s]: [string, MethodSettingSpec]) => ({
  path: s.path as keyof MethodSettings,
  key: `${c.id}.${name}`,
  label: s.label,
  unit: s.unit,
  description: s.description,
  kind: { type: "enum" as const, values: s.values },
})));

/** Each setting's default value, by scenario property: what a link without the key means. */
export function methodSettingDefaults(): MethodSettings {
  return Object.fromEntries(CARDS.flatMap((c) => Object.values(c.settings ?? {}).map((s) => [s.path, s.default]))) as MethodSettings;
}

/**
 * The closed-LLM methods that only prompt a model (cards with `runsOnOpenModels`), so they can
 * also run on an open model (the study ran DP-ICL on OpenLLaMA 13B, Table 5, and DP-OPT on Vicuna
 * 7B, Table 3). The share link's `closedOnOpen` lists which of them to pair with the selected open
 * models as well.
 */
export type ClosedMethodId = Extract<Card, { runsOnOpenModels: true }>["id"];
export const CLOSED_METHOD_IDS = CARDS.filter((c) => c.runsOnOpenModels).map((c) => c.id as ClosedMethodId) as readonly ClosedMethodId[];
