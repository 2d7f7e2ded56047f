/**
 * PrivateLoRA (Yu et al., ICLR 2022): DP-SGD on low-rank adapters of a local LLM.
 * Classification code uses opacus 1.4 (`make_private_with_epsilon`, PRV accountant), generation
 * uses dp-transformers; both calibrate σ on the PRV upper bound, as we do. See ./dp-sgd.ts.
 */
import { DP_SGD_SOURCES, dpSgdDescriptor } from "./dp-sgd";
import { BATCH_KNOB, EPOCHS_KNOB, IMPL_KNOB, perDataset, type MethodCard } from "./card";
import type { MethodDescriptor } from "./types";

/**
 * PrivateLoRA's card (./card.ts): its catalogue row and its share-link knobs `private-lora.<knob>`,
 * with their defaults per dataset (docs/derivations.md §S8: Hanke et al. 2024, Tables 8–20 and
 * Appendix D; `defaultsNote` marks what the study did not itself use). lib/scenario reads it.
 */
export const privateLoraCard = {
  id: "private-lora", label: "PrivateLoRA", llm: "open", mechanism: "dp-sgd",
  summary: "Low-rank adapters of a local open LLM are trained with DP-SGD.",
  source: "Yu et al., ICLR 2022; Hanke et al. 2024, Table 2",
  inStudy: true,
  runsOnOpenModels: false,
  knobs: {
    epochs: EPOCHS_KNOB, batch: BATCH_KNOB, impl: IMPL_KNOB,
    rank: { label: "LoRA rank", unit: "", description: "Rank of the low-rank adapters.", min: 1, max: 4096, integer: true },
  },
  defaults: {
    epochs: perDataset(10, 40, 20, 20, 20, 15, 20, 20),
    batch: perDataset(128, 128, 128, 128, 256, 256, 256, 256),
    impl: "per-sample",
    rank: perDataset(4, 4, 4, 4, 8, 8, 8, 8),
  },
  defaultsNote: "Batch 128 (classification) or 256 (generation); epochs from Tables 8 and 16.",
} as const satisfies MethodCard;

export const privateLora: MethodDescriptor<typeof privateLoraCard> = dpSgdDescriptor({
  card: privateLoraCard,
  rules: { classification: "opacus", generation: "dp-transformers" },
  sources: ["Yu et al., Differentially Private Fine-tuning of Language Models, ICLR 2022", ...DP_SGD_SOURCES, "sprintml/OpenLLMs PrivateLoRA-Classification (opacus 1.4.1), PrivateTuning-Generation (dp-transformers)"],
  artefact: { name: "LoRA adapters", plural: true },
  training: { trainable: "lora", loraRank: (scenario) => scenario.knobs["private-lora"].rank, servingPrecision: () => "4-bit" },
  paperNames: { classification: "PrivateLoRA", generation: "PrivateLoRA" },
  // Okabe–Ito blue, lightened on a dark background.
  style: { color: { light: "#0072B2", dark: "#3D9BD6" }, marker: "star" },
});
