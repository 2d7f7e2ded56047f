/**
 * The registered methods, in the catalogue's order: adding a method is its file plus one line here
 * (and its id and summary in the share-link catalogue, lib/scenario/catalog.ts, which the link's
 * schema reads). ./registry.ts keys these by id; lib/cost and lib/leakage fold over them.
 * test/methods/throwaway-method.test.ts extends this list (jest.mock) with a method of its own.
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
import type { MethodDescriptor } from "./types";

export const METHOD_LIST: readonly MethodDescriptor[] = [
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
];
