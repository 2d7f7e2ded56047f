/**
 * DP-FineTune (Li et al., ICLR 2022): DP-SGD on all weights of a local LLM. Same accounting as
 * PrivateLoRA (opacus for classification, dp-transformers for generation). See ./dp-sgd.ts.
 */
import { DP_SGD_SOURCES, dpSgdDescriptor } from "./dp-sgd";
import { BATCH_KNOB, EPOCHS_KNOB, IMPL_KNOB, perDataset, type MethodCard } from "./card";
import type { MethodDescriptor } from "./types";

/**
 * DP-FineTune's card (./card.ts): its catalogue row and its share-link knobs `dp-finetune.<knob>`,
 * with their defaults per dataset (docs/derivations.md §S8: Hanke et al. 2024, Tables 8–20 and
 * Appendix D; `defaultsNote` marks what the study did not itself use). lib/scenario reads it.
 */
export const dpFineTuneCard = {
  id: "dp-finetune", label: "DP-FineTune", llm: "open", mechanism: "dp-sgd",
  summary: "All weights (or the last layers) of a local open LLM are fine-tuned with DP-SGD.",
  source: "Li et al., ICLR 2022; Hanke et al. 2024, Table 2",
  inStudy: true,
  runsOnOpenModels: false,
  knobs: {
    epochs: EPOCHS_KNOB, batch: BATCH_KNOB, impl: IMPL_KNOB,
  },
  defaults: {
    epochs: perDataset(10, 40, 40, 50, 20, 15, 20, 20),
    batch: perDataset(128, 128, 128, 128, 256, 256, 256, 256),
    impl: "per-sample",
  },
  defaultsNote: "Batch 128 (classification) or 256 (generation); epochs from Tables 9 and 18.",
} as const satisfies MethodCard;

export const dpFineTune: MethodDescriptor<typeof dpFineTuneCard> = dpSgdDescriptor({
  card: dpFineTuneCard,
  rules: { classification: "opacus", generation: "dp-transformers" },
  sources: ["Li et al., Large Language Models Can Be Strong Differentially Private Learners, ICLR 2022", ...DP_SGD_SOURCES],
  artefact: { name: "weights", plural: true },
  // The study's eval scripts load the full fine-tune in 8-bit on SAMSum, 16-bit on its other generation presets.
  training: { trainable: "full", servingPrecision: (dataset) => (dataset === "samsum" ? "8-bit" : "16-bit") },
  paperNames: { classification: "DP-FineTune", generation: "DP-FineTune" },
  // Okabe–Ito bluish green.
  style: { color: { light: "#009E73", dark: "#009E73" }, marker: "triangle" },
});
