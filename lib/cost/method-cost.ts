/**
 * Questions about a method's cost setup that lib/cost and lib/present ask of a study cell's
 * method, answered from the method's own file (`descriptor.cost`) so that no caller branches on
 * a method id. A study cell's method may be a non-private baseline ("zero-shot", "icl"), which is
 * not in the registry: it has no setup of its own.
 */
import { METHOD_DESCRIPTORS } from "../methods/registry";
import type { MethodDescriptor } from "../methods/types";

const descriptorOf = (method: string): MethodDescriptor | undefined => (METHOD_DESCRIPTORS as Readonly<Record<string, MethodDescriptor | undefined>>)[method];

/**
 * Whether the method's training runs on a local GPU even when its queries go to an API (its file
 * declares `cost.trainsLocally`: DP-OPT's instruction search on a local Vicuna 7B, Hanke et al.
 * 2024, Table 3). A baseline or an unknown id: false.
 * @example trainsLocally("dp-opt") // → true; trainsLocally("dp-icl") // → false; trainsLocally("zero-shot") // → false
 */
export function trainsLocally(method: string): boolean {
  return descriptorOf(method)?.cost.trainsLocally === true;
}
