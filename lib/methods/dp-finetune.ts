/**
 * DP-FineTune (Li et al., ICLR 2022): DP-SGD on all weights of a local LLM. Same accounting as
 * PrivateLoRA (opacus for classification, dp-transformers for generation). See ./dp-sgd.ts.
 */
import { DP_SGD_SOURCES, dpSgdDescriptor } from "./dp-sgd";

export const dpFineTune = dpSgdDescriptor({
  id: "dp-finetune",
  label: "DP-FineTune",
  rules: { classification: "opacus", generation: "dp-transformers" },
  sources: ["Li et al., Large Language Models Can Be Strong Differentially Private Learners, ICLR 2022", ...DP_SGD_SOURCES],
  artefact: { name: "weights", plural: true },
  // The study's eval scripts load the full fine-tune in 8-bit on SAMSum, 16-bit on its other generation presets.
  training: { trainable: "full", servingPrecision: (dataset) => (dataset === "samsum" ? "8-bit" : "16-bit") },
  paperNames: { classification: "DP-FineTune", generation: "DP-FineTune" },
  // Okabe–Ito bluish green.
  style: { color: { light: "#009E73", dark: "#009E73" }, marker: "triangle" },
});
