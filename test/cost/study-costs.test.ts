/** @jest-environment node */
/**
 * The study's cost cells are typed once (issue #16): lib/utility/paper-results.ts holds the
 * figures, lib/cost/study-costs.ts reads them (`studyCost`) and adds privadapt's ids, knobs and
 * gap notes. Oracle: every cost cell of Hanke et al. 2024 (arXiv:2411.05818) Tables 1, 3, 4, 5
 * and 6, written out below as the tables print them (training USD, USD per 10,000 queries; Table
 * 3's row label where it names a variant; Table 5's "DP-ICL (run locally)" printed as DP-ICL on
 * OpenLLaMA 13B), 53 distinct cells.
 */
import { STUDY_COST_CELLS, studyCost } from "@/lib/cost/study-costs";

const PRINTED: [table: string, row: string, model: string, trainUsd: number, queryUsdPer10k: number][] = [
  ["1", "DP-ICL", "GPT-4 Turbo", 0, 138],
  ["1", "PrivateLoRA", "Llama3-8B Instruct", 27.6, 0.78],
  ["1", "DP-ICL", "GPT-3 Davinci", 0, 665.91],
  ["1", "PrivateLoRA", "BART-Large", 3.63, 0.8],
  ["3", "0-shot (ε = 0)", "GPT-3 Davinci", 0, 6],
  ["3", "DP-OPT (original)", "GPT-3 Davinci", 2.1, 6],
  ["3", "ICL (ε = ∞)", "GPT-3 Davinci", 0, 6],
  ["3", "PromptPATE (ε = ∞)", "GPT-3 Babbage", 8.66, 1.72],
  ["3", "PromptPATE (ε < 0.3)", "GPT-3 Babbage", 9.72, 1.72],
  ["3", "PromptPATE (ε < 0.3)", "Claude 2.1", 48.24, 5.36],
  ["3", "DP-FewShotGen (1)", "GPT-3 Babbage", 0.86, 1.1],
  ["3", "DP-ICL", "GPT-3 Babbage", 0, 17.2],
  ["3", "DP-ICL", "GPT-4 Turbo", 0, 138],
  ["3", "PromptDPSGD", "RoBERTa-Large", 7.59, 0.4],
  ["3", "DP-FineTune", "RoBERTa-Large", 5.75, 0.4],
  ["3", "PrivateLoRA", "RoBERTa-Large", 3.45, 0.4],
  ["3", "PrivateLoRA", "Vicuna 7B", 13.8, 0.78],
  ["3", "DP-OPT (local)", "Vicuna 7B", 2.1, 0.78],
  ["3", "PrivateLoRA", "Pythia 6.9B", 13.8, 0.78],
  ["3", "PrivateLoRA", "Pythia 160M", 1.6, 0.5],
  ["3", "PrivateLoRA", "Llama3-8B Instruct", 27.6, 0.78],
  ["4", "DP-ICL", "GPT-3 Davinci", 0, 665.91],
  ["4", "DP-ICL", "GPT-3.5 Turbo", 0, 449.16],
  ["4", "DP-ICL", "GPT-4 Turbo", 0, 3419.42],
  ["4", "PromptPATEGen", "Vicuna 7B", 3.29, 2.74],
  ["4", "PromptPATEGen", "OpenLLaMA 13B", 18.63, 0.8],
  ["4", "PromptDPSGDGen", "BART-Large", 1.73, 0.4],
  ["4", "PrivateLoRA", "BART-Large", 2.9, 0.69],
  ["4", "PrivateLoRA", "Pythia 410M", 3.45, 1.34],
  ["4", "PromptDPSGDGen", "Pythia 1B", 4.83, 0.95],
  ["4", "DP-FineTune", "Pythia 1B", 9.84, 1.08],
  ["4", "PrivateLoRA", "Pythia 1B", 4.24, 1],
  ["4", "PrivateLoRA", "Pythia 6.9B", 10.18, 6.57],
  ["4", "PrivateLoRA", "Vicuna 7B", 11.28, 6.19],
  ["4", "PrivateLoRA", "OpenLLaMA 13B", 19.46, 8.05],
  ["4", "PrivateLoRA", "Mixtral 8x7B", 57.96, 9.99],
  ["5", "DP-ICL", "OpenLLaMA 13B", 0, 641.32],
  ["5", "PromptPATEGen", "Vicuna 7B", 2.28, 0.57],
  ["5", "PromptDPSGDGen", "Pythia 1B", 37.26, 0.96],
  ["5", "DP-FineTune", "Pythia 1B", 137.06, 1.32],
  ["5", "PrivateLoRA", "Pythia 1B", 44.16, 1.28],
  ["5", "PrivateLoRA", "Pythia 6.9B", 293.25, 5.8],
  ["5", "PrivateLoRA", "OpenLLaMA 13B", 358.8, 9.02],
  ["6", "DP-FewShotGen", "GPT-3 Davinci", 0.42, 2.36],
  ["6", "PromptPATEGen", "Vicuna 7B", 0.52, 0.73],
  ["6", "PromptPATEGen", "OpenLLaMA 13B", 3.11, 0.8],
  ["6", "PrivateLoRA", "Pythia 410M", 0.06, 0.5],
  ["6", "PromptDPSGDGen", "Pythia 1B", 0.17, 0.25],
  ["6", "DP-FineTune", "Pythia 1B", 0.94, 0.5],
  ["6", "PrivateLoRA", "Pythia 1B", 0.08, 0.31],
  ["6", "PrivateLoRA", "Vicuna 7B", 0.52, 5.92],
  ["6", "PrivateLoRA", "OpenLLaMA 13B", 1.04, 6.21],
  ["6", "PrivateLoRA", "Mixtral 8x7B", 1.52, 9.47],
];

/** The paper's model names for privadapt's model ids (written out here, not read from lib/). */
const PAPER_MODEL: Record<string, string> = {
  "gpt-4-turbo": "GPT-4 Turbo", "gpt-3-davinci": "GPT-3 Davinci", "gpt-3-babbage": "GPT-3 Babbage", "gpt-3.5-turbo-instruct": "GPT-3.5 Turbo", "claude-2.1": "Claude 2.1",
  "llama-3-8b-instruct": "Llama3-8B Instruct", "bart-large": "BART-Large", "roberta-large": "RoBERTa-Large", "vicuna-7b": "Vicuna 7B", "pythia-6.9b": "Pythia 6.9B",
  "pythia-160m": "Pythia 160M", "pythia-410m": "Pythia 410M", "pythia-1b": "Pythia 1B", "openllama-13b": "OpenLLaMA 13B", "mixtral-8x7b": "Mixtral 8x7B",
};

test("every typed cell carries the figures its table prints, and every printed cell is typed exactly once", () => {
  const printed = PRINTED.map(([t, row, model, train, query]) => `${t} | ${row} | ${model} | ${train} | ${query}`).sort();
  const typed = STUDY_COST_CELLS.map((c) => `${c.table} | ${c.paperMethod.replace(" (run locally)", "")} | ${PAPER_MODEL[c.model]} | ${c.trainUsd} | ${c.queryUsdPer10k}`).sort();
  expect(typed).toEqual(printed);
  expect(new Set(typed).size).toBe(53);
});

test("studyCost reads a cell by table, row, model and dataset (Table 4: PrivateLoRA on BART-Large, SAMSum, $2.90 / $0.69)", () => {
  expect(studyCost("4", "PrivateLoRA", "bart-large", "samsum")).toEqual({ trainUsd: 2.9, queryUsdPer10k: 0.69 });
  // Table 1 prints the same setup differently ($3.63 / $0.80): the table picks the cell.
  expect(studyCost("1", "PrivateLoRA", "bart-large", "samsum")).toEqual({ trainUsd: 3.63, queryUsdPer10k: 0.8 });
  // Table 6 prints one cost for both MIT tasks.
  expect(studyCost("6", "DP-FineTune", "pythia-1b", "mitd")).toEqual(studyCost("6", "DP-FineTune", "pythia-1b", "mitg"));
});

test("a cell the tables do not print is an error, not a zero", () => {
  expect(() => studyCost("4", "PrivateLoRA", "bart-large", "sst2")).toThrow("Table 4 has no row PrivateLoRA on bart-large (sst2)");
  expect(() => studyCost("3", "PromptPATE", "gpt-3-babbage", "sst2")).toThrow(/no row/);
  expect(() => studyCost("3", "PrivateLoRA", "gpt-5", "sst2")).toThrow(/no row/);
});
