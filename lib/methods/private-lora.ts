/**
 * PrivateLoRA (Yu et al., ICLR 2022): DP-SGD on low-rank adapters of a local LLM.
 * Classification code uses opacus 1.4 (`make_private_with_epsilon`, PRV accountant), generation
 * uses dp-transformers; both calibrate σ on the PRV upper bound, as we do. See ./dp-sgd.ts.
 */
import { DP_SGD_SOURCES, dpSgdDescriptor } from "./dp-sgd";

export const privateLora = dpSgdDescriptor({
  id: "private-lora",
  label: "PrivateLoRA",
  rules: { classification: "opacus", generation: "dp-transformers" },
  sources: ["Yu et al., Differentially Private Fine-tuning of Language Models, ICLR 2022", ...DP_SGD_SOURCES, "sprintml/OpenLLMs PrivateLoRA-Classification (opacus 1.4.1), PrivateTuning-Generation (dp-transformers)"],
  artefact: { name: "LoRA adapters", plural: true },
  training: { trainable: "lora", loraRank: (scenario) => scenario.knobs["private-lora"].rank, servingPrecision: () => "4-bit" },
  paperNames: { classification: "PrivateLoRA", generation: "PrivateLoRA" },
  // Okabe–Ito blue, lightened on a dark background.
  style: { color: { light: "#0072B2", dark: "#3D9BD6" }, marker: "star" },
});
