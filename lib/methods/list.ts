/**
 * The registered methods: adding a method is its file plus one line here (issue #16). Each
 * descriptor carries its card (./card.ts), from which lib/scenario derives everything the share
 * link knows about the method: METHOD_IDS and the catalogue rows (lib/scenario/catalog.ts), the
 * knob specs, defaults and notes (lib/scenario/knobs.ts) and the link schema's knob fields
 * (lib/scenario/schema.ts). ./registry.ts keys the descriptors by id; lib/cost and lib/leakage
 * fold over them. test/methods/throwaway-method.test.ts extends this list (jest.mock) with a
 * method of its own and nothing else.
 *
 * The order is the share link's canonical method order (the codec writes `methods=` in it):
 * append, never insert or reorder. The methods beyond the study (DPZero, POST, Aug-PE; issue #17)
 * come after its eight; no link version before v=3 lists them among its default methods
 * (lib/scenario/versions.ts), so an older link compares them only when it names them.
 *
 * `as const`, with each descriptor typed `MethodDescriptor<typeof itsCard>`: the tuple's card ids
 * are the `MethodId` union (lib/scenario/catalog.ts).
 */
import { augPe } from "./aug-pe";
import { dpFewShotGen } from "./dp-fewshotgen";
import { dpFineTune } from "./dp-finetune";
import { dpIcl } from "./dp-icl";
import { dpOpt } from "./dp-opt";
import { dpZero } from "./dpzero";
import { post } from "./post";
import { privateLora } from "./private-lora";
import { promptDpsgd } from "./prompt-dpsgd";
import { promptPate } from "./prompt-pate";
import { promptPateGen } from "./prompt-pate-gen";

export const METHOD_LIST = [
  dpIcl,
  promptPate,
  dpFewShotGen,
  dpOpt,
  promptDpsgd,
  privateLora,
  dpFineTune,
  promptPateGen,
  dpZero,
  post,
  augPe,
] as const;
