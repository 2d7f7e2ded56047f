/**
 * Per-method knobs: the hyperparameters a method's cost, privacy and leakage depend on.
 *
 * In the share link a knob is `<method>.<knob>`, e.g. `dp-icl.ensemble=100&dp-icl.shots=1`.
 * Every ensemble method uses `.ensemble` and `.shots`; DP-SGD methods use `.epochs` and `.batch`.
 *
 * Each method declares its knobs, their per-dataset defaults and the defaults' sources in its own
 * file (its card, lib/methods/card.ts; issue #16); this module reads them from the methods listed
 * in lib/methods/list.ts, in that order. Defaults come from the study's hyperparameter tables
 * (docs/derivations.md §S8) for each dataset; where the study is silent the default is marked as
 * an assumption in the card's `defaultsNote` (`KNOB_DEFAULT_NOTES` here). What an older share link
 * means by an absent knob is pinned separately, per link version (./versions).
 */
import type { MethodCard } from "../methods/card";
import { METHOD_LIST } from "../methods/list";
import type { MethodCardOf, MethodId, PresetId } from "./catalog";
import type { EnumKnobSpec, KnobSpec } from "./knob-spec";

export * from "./knob-spec";

/**
 * The cards at run time (a test may register a method the type system does not know), in the
 * order of a scenario's `knobs` object: the list's, except where a card names the method its entry
 * comes before (`knobsEntryBefore`: POST's before DPZero's, as the knob tables had them), so that
 * every JSON output stays byte-identical.
 */
const CARDS: readonly MethodCard[] = knobsEntryOrder(METHOD_LIST.map((d) => d.card));

function knobsEntryOrder(cards: readonly MethodCard[]): MethodCard[] {
  const out = cards.filter((c) => c.knobsEntryBefore === undefined);
  for (const card of cards) {
    if (card.knobsEntryBefore === undefined) continue;
    const at = out.findIndex((c) => c.id === card.knobsEntryBefore);
    out.splice(at < 0 ? out.length : at, 0, card);
  }
  return out;
}

type KnobSpecs = { [M in MethodId]: MethodCardOf<M>["knobs"] };

/** Each method's knob specs (its card's `knobs`), keyed by method id in the list's order. */
export const KNOB_SPECS: KnobSpecs = Object.fromEntries(CARDS.map((c) => [c.id, c.knobs])) as unknown as KnobSpecs;

export type KnobName<M extends MethodId> = keyof KnobSpecs[M] & string;
/** A knob's value: a number, or one of an enum knob's values. */
export type KnobValue = number | string;
/** A method's knob values: a number, or for an enum knob one of its values (`impl`: DpSgdImpl). */
export type MethodKnobs<M extends MethodId> = { [K in KnobName<M>]: KnobSpecs[M][K] extends { values: readonly (infer V extends string)[] } ? V : number };
export type Knobs = { [M in MethodId]: MethodKnobs<M> };
/**
 * A scenario's knobs: every method's, the methods beyond the study's included (a link that never
 * names them reads their current defaults; test/scenario/link-corpus.ts treats their entries as
 * fields added after v=1, which no old estimate reads).
 */
export type ScenarioKnobs = Knobs;

/**
 * The knobs a method runs with in a scenario.
 * @example knobsFor(presetScenario("sst2"), "aug-pe") // { iterations: 10, samples: 2000, variations: 3 }
 */
export function knobsFor<M extends MethodId>(scenario: { knobs: ScenarioKnobs }, method: M): MethodKnobs<M> {
  return scenario.knobs[method] as MethodKnobs<M>;
}

export function knobNames<M extends MethodId>(method: M): KnobName<M>[] {
  return Object.keys(KNOB_SPECS[method]) as KnobName<M>[];
}

export function knobSpec(method: MethodId, knob: string): KnobSpec | EnumKnobSpec | undefined {
  return (KNOB_SPECS[method] as Record<string, KnobSpec | EnumKnobSpec>)[knob];
}

export function isEnumKnob(spec: KnobSpec | EnumKnobSpec): spec is EnumKnobSpec {
  return "values" in spec;
}

/** Where each method's defaults come from and which the study did not itself use on a dataset (shown in the UI as assumptions). */
export const KNOB_DEFAULT_NOTES: Partial<Record<MethodId, string>> = Object.fromEntries(CARDS.map((c) => [c.id, c.defaultsNote]));

/** The knob defaults for a preset; `custom` uses the SST2 column (classification) or SAMSum (generation). */
export function defaultKnobs(preset: PresetId, task: "classification" | "generation" = "classification"): Knobs {
  const column: Exclude<PresetId, "custom"> = preset === "custom" ? (task === "generation" ? "samsum" : "sst2") : preset;
  const out = {} as Record<string, Record<string, KnobValue>>;
  for (const card of CARDS) {
    const row: Record<string, KnobValue> = {};
    for (const [knob, values] of Object.entries(card.defaults)) row[knob] = typeof values === "string" ? values : values[column];
    out[card.id] = row;
  }
  return out as Knobs;
}
