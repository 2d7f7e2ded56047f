/**
 * A method's card: what the share link and the catalogue know about it, as plain data in the
 * method's own file (issue #16: a method is one file). lib/scenario derives the catalogue's rows
 * (METHOD_IDS, METHODS, STUDY_METHOD_IDS, CLOSED_METHOD_IDS), the knob specs, the per-dataset
 * defaults and their notes, and the link schema's knob fields from the cards of the methods listed
 * in ./list.ts, in that order.
 *
 * Written `export const xCard = { … } as const satisfies MethodCard`: the literal id types the
 * `MethodId` union and the knob names type `Scenario["knobs"]`, so a card must not depend on
 * Scenario itself. This file imports only leaf modules of lib/scenario (./base-catalog and
 * ./knob-spec import nothing), so loading a method file never loads the share-link schema.
 */
import type { DatasetId, LlmFamily } from "../scenario/base-catalog";
import { DP_SGD_IMPLS, type EnumKnobSpec, type KnobSpec } from "../scenario/knob-spec";

/** The DP algorithm family, as the study groups them (Hanke et al. 2024, Fig. 1 and Table 2). */
export type MethodMechanism = "ensemble-vote" | "pate" | "dp-sgd" | "token-generation" | "zeroth-order" | "private-evolution";

/** A numeric knob's default on each of the study's datasets. A custom scenario reads SST2 (classification) or SAMSum (generation). */
export type PerDataset = Readonly<Record<DatasetId, number>>;

/** Column order in the paper's lists: SST2 / Trec / Mpqa / Disaster, then SAMSum / DocVQA / MIT-G / MIT-D. */
export const perDataset = (sst2: number, trec: number, mpqa: number, disaster: number, samsum: number, docvqa: number, mitg: number, mitd: number): PerDataset => ({ sst2, trec, mpqa, disaster, samsum, docvqa, mitg, mitd });

/**
 * A setting of a method that is not a knob: an enum held in its own top-level scenario property
 * (`path`) and keyed `<id>.<name>` in the share link, e.g. `dp-fewshotgen.generator`. Top-level
 * because scenarios and links had it before the cards existed; the form shows it in the method's group.
 */
export interface MethodSettingSpec extends EnumKnobSpec {
  /** The Scenario property that holds it, e.g. `fewShotGenGenerator`. */
  readonly path: string;
  /** Its value when a link does not set it. */
  readonly default: string;
}

export interface MethodCard {
  /** The share-link id (`methods=dp-icl`, `dp-icl.shots=…`). Its position in ./list.ts is the link's canonical order. */
  readonly id: string;
  readonly label: string;
  /** Which kind of LLM the method adapts: a closed API model or a local open model. */
  readonly llm: LlmFamily;
  readonly mechanism: MethodMechanism;
  readonly summary: string;
  readonly source: string;
  /**
   * One of the study's eight methods (Hanke et al. 2024, Table 2). Every link version so far pins
   * their knobs (lib/scenario/versions.ts); a method beyond them is compared only where a link
   * names it or a link version lists it.
   */
  readonly inStudy: boolean;
  /**
   * A closed-LLM method that only prompts a model, so it can run on an open model too (the share
   * link's `closedOnOpen`; the study ran DP-ICL on OpenLLaMA 13B, Table 5, and DP-OPT on Vicuna 7B, Table 3).
   */
  readonly runsOnOpenModels: boolean;
  /** Share-link knobs `<id>.<knob>`, in the order the form shows them. */
  readonly knobs: Readonly<Record<string, KnobSpec | EnumKnobSpec>>;
  /** Each knob's default: per dataset for a number, one value for an enum knob. Same keys as `knobs`. */
  readonly defaults: Readonly<Record<string, PerDataset | string>>;
  /** Where the defaults come from, and which the study did not itself use (shown in the form as assumptions). */
  readonly defaultsNote: string;
  /** Its settings that are not knobs (MethodSettingSpec), by name; absent when it has none. */
  readonly settings?: Readonly<Record<string, MethodSettingSpec>>;
  /**
   * Kept only for byte-identical JSON: the id of a method before whose entry this method's entry
   * sits in a scenario's `knobs` object (and the link schema's knobs shape), where that differs
   * from the list's order. Values, links and meaning do not depend on it. New methods leave it out.
   */
  readonly knobsEntryBefore?: string;
}

// Knobs several methods share. Every ensemble method uses `.ensemble` and `.shots`; DP-SGD methods use `.epochs`, `.batch` and `.impl`.

export const ensembleKnob = (description: string): KnobSpec => ({ label: "Ensemble size", unit: "prompts", description, min: 1, max: 100000, integer: true });
export const shotsKnob = (description: string): KnobSpec => ({ label: "Shots per prompt", unit: "records", description, min: 1, max: 1000, integer: true });
export const EPOCHS_KNOB: KnobSpec = { label: "Epochs", unit: "passes over N", description: "Training epochs of DP-SGD; with the batch size this fixes the number of noisy steps.", min: 1, max: 10000, integer: true };
export const BATCH_KNOB: KnobSpec = { label: "Batch size", unit: "records", description: "Expected batch size of DP-SGD; sampling rate q = batch / N.", min: 1, max: 10_000_000, integer: true };
/** `<method>.impl`: how DP-SGD computes per-example gradient norms (DP_SGD_IMPLS). Its values type the knob as DpSgdImpl. */
export const IMPL_KNOB = {
  label: "DP-SGD implementation", unit: "", values: DP_SGD_IMPLS,
  description: "per-sample (Opacus hooks, as the study), ghost (ghost clipping, Li et al. 2022) or bk (book-keeping, Bu et al. 2023): same privacy, different time and memory.",
} as const satisfies EnumKnobSpec;
