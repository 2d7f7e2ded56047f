/**
 * The shape of a method's share-link knob, e.g. `dp-icl.shots` (a number in a range) or
 * `private-lora.impl` (one of a fixed set of values).
 *
 * A leaf module: it imports nothing, so a method file (lib/methods) can declare its knobs with
 * these types and values at run time without importing the share-link schema (./schema), which
 * itself reads the method files through ./catalog and ./knobs. ./knobs re-exports everything here.
 */

export interface KnobSpec {
  label: string;
  unit: string;
  description: string;
  min: number;
  max: number;
  integer: boolean;
}

/** A knob with a fixed set of values, e.g. `private-lora.impl=ghost`. */
export interface EnumKnobSpec {
  label: string;
  unit: string;
  description: string;
  values: readonly string[];
}

/**
 * How DP-SGD computes per-example gradient norms: `per-sample` instantiates every example's
 * gradient (Opacus hooks; the study's dp-transformers / Opacus code), `ghost` takes the norms from
 * activations without instantiating them (Li et al. 2022, ghost clipping), `bk` is book-keeping
 * (Bu et al. 2023, fastDP). The privacy guarantee is the same; time and memory differ.
 */
export const DP_SGD_IMPLS = ["per-sample", "ghost", "bk"] as const;
export type DpSgdImpl = (typeof DP_SGD_IMPLS)[number];
