/**
 * PromptDPSGD (Duan et al., NeurIPS 2023): DP-SGD on a soft prompt or prefix of a local LLM.
 *
 * Classification code (PrivatePrompts/PromptDPSGD, private_transformers): q = B/N, steps = ⌈E/q⌉,
 * RDP accountant on Opacus's orders with the improved conversion, and δ = N^(−1.1) when the run
 * does not set it (run.sh does not). Generation (PromptDPSGDGen) uses dp-transformers like
 * PrivateLoRA. Our default uses the scenario's δ and accountant; asOriginalCode shows the code's σ.
 */
import { calibrateNoiseMultiplier } from "../privacy";
import type { Scenario } from "../scenario";
import { finiteOrNull } from "./common";
import { DP_SGD_SOURCES, dpSgdDescriptor, soundEpsilonOf, type DpSgdPlan } from "./dp-sgd";
import type { AsOriginalCode } from "./types";
import { BATCH_KNOB, EPOCHS_KNOB, IMPL_KNOB, perDataset, type MethodCard } from "./card";
import type { MethodDescriptor } from "./types";
import { formatScientific } from "../present/format";

function asOriginalCode(scenario: Scenario, plan: DpSgdPlan): AsOriginalCode | null {
  if (scenario.task !== "classification") return null;
  const codeDelta = scenario.records ** -1.1;
  const code = calibrateNoiseMultiplier({ targetEpsilon: scenario.epsilon, delta: codeDelta, samplingRate: plan.samplingRate, steps: plan.steps, spec: { accountant: "rdp", orders: "opacus" }, relativeTolerance: 1e-3 });
  return {
    summary: `private_transformers calibrates σ with RDP on Opacus's orders at δ = N^(−1.1) = ${formatScientific(codeDelta, 3)} when no δ is given.`,
    mechanism: code.noiseMultiplier === null ? null : { parameter: "noiseMultiplier", value: code.noiseMultiplier, unit: "σ" },
    reportedEpsilon: finiteOrNull(code.epsilon),
    reportedDelta: codeDelta,
    reportedAccountant: code.accountant,
    soundEpsilon: code.noiseMultiplier === null ? null : soundEpsilonOf(scenario, plan, code.noiseMultiplier),
    soundDelta: scenario.delta,
    reason: "Only the δ default and the accountant differ: N^(−1.1) is smaller than 1/N, and RDP is looser than PRV, so the code's σ is a little larger than needed at the scenario's δ (docs/derivations.md §8, §12.6).",
  };
}

/**
 * PromptDPSGD's card (./card.ts): its catalogue row and its share-link knobs `prompt-dpsgd.<knob>`,
 * with their defaults per dataset (docs/derivations.md §S8: Hanke et al. 2024, Tables 8–20 and
 * Appendix D; `defaultsNote` marks what the study did not itself use). lib/scenario reads it.
 */
export const promptDpsgdCard = {
  id: "prompt-dpsgd", label: "PromptDPSGD", llm: "open", mechanism: "dp-sgd",
  summary: "A soft prompt (or prefix) of a local open LLM is trained with DP-SGD.",
  source: "Duan et al., NeurIPS 2023; Hanke et al. 2024, Table 2",
  inStudy: true,
  runsOnOpenModels: false,
  knobs: {
    epochs: EPOCHS_KNOB, batch: BATCH_KNOB, impl: IMPL_KNOB,
    promptLength: { label: "Soft-prompt length", unit: "virtual tokens", description: "Trainable prompt or prefix tokens.", min: 1, max: 10000, integer: true },
  },
  defaults: {
    epochs: perDataset(22, 100, 100, 100, 20, 15, 40, 40),
    batch: perDataset(32, 32, 32, 32, 256, 256, 256, 256),
    // The study's code computes per-sample gradients (Opacus / dp-transformers, private-transformers).
    impl: "per-sample",
    promptLength: perDataset(1, 10, 10, 10, 10, 25, 5, 5),
  },
  defaultsNote: "Batch 32 and epochs 22/100/100/100 (classification), batch 256 and epochs 20/15/40/40 (generation).",
} as const satisfies MethodCard;

export const promptDpsgd: MethodDescriptor<typeof promptDpsgdCard> = dpSgdDescriptor({
  card: promptDpsgdCard,
  rules: { classification: "private-transformers", generation: "dp-transformers" },
  sources: ["Duan et al., Flocks of Stochastic Parrots, NeurIPS 2023 (PromptDPSGD)", ...DP_SGD_SOURCES, "cleverhans-lab/PrivatePrompts PromptDPSGD (private_transformers)"],
  asOriginalCode,
  artefact: { name: "soft prompt", plural: false },
  // Tables 4–6 name the generation variant PromptDPSGDGen.
  training: { trainable: "prompt", promptTokens: (scenario) => scenario.knobs["prompt-dpsgd"].promptLength, servingPrecision: () => "4-bit" },
  paperNames: { classification: "PromptDPSGD", generation: "PromptDPSGDGen" },
  // Okabe–Ito sky blue.
  style: { color: { light: "#56B4E9", dark: "#56B4E9" }, marker: "cross" },
});
