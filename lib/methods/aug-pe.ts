/**
 * Aug-PE, Augmented Private Evolution (Xie et al., "Differentially Private Synthetic Data via
 * Foundation Model APIs 2: Text", ICML 2024, arXiv:2403.01749; code github.com/AI-secure/aug-pe).
 * Beyond the study: Hanke et al. 2024 did not run it. docs/derivations.md §13.
 *
 * DP synthetic text through an LLM's inference API alone; nothing is trained on the private records.
 * 1. The N private records are embedded once, locally (sentence-transformers, dpsda/feature_extractor.py).
 * 2. The API writes S seed samples from class-conditioned prompts (RANDOM_API), then L − 1 variations
 *    of each (VARIATION_API): S·L candidates.
 * 3. For each of T rounds: the candidates are embedded; every private record votes for its nearest
 *    candidate of its own class (faiss L2, num_nearest_neighbor = 1); N(0, σ²) is added to every bin
 *    (dpsda/dp_counter.py); the top S by noisy count are kept, and the API writes L − 1 new
 *    variations of each.
 * 4. A small local model is fine-tuned on the final S samples; it answers the queries.
 *
 * Privacy: each round releases one Gaussian-noised histogram; one record changes one vote, so the
 * L2 sensitivity is 1 (add/remove) and the round is the Gaussian mechanism with multiplier σ. A
 * record votes only in its own class, so the per-class histograms compose in parallel. No
 * subsampling: every record votes in every round. T rounds are exactly √T/σ-GDP (lib/privacy/gdp.ts),
 * the accountant of the original code (notebook/dp_budget.ipynb). The API calls, the candidates'
 * embeddings and the downstream training are post-processing, and so are the queries: they spend
 * no budget (Dwork & Roth 2014, Prop. 2.1).
 */
import { computeEpsilon, gaussian, gdpEpsilon, gdpMu, gdpNoiseMultiplier, selfComposed } from "../privacy";
import type { Scenario } from "../scenario";
import { MODELS, type OpenModelId } from "../scenario/base-catalog";
// Types only: the cost engine (lib/cost/method-work.ts) calls augPeWork; no runtime import of lib/cost.
import type { LlmCalls, LocalForward, MethodWork } from "../cost/work-types";
import { count, finiteOrNull, gaussianSpec, requirement, fromWork } from "./common";
import type { AsOriginalCode, AuthorsFigure, DataRequirement, ExposureContext, MethodDescriptor, MethodPrivacy, ProviderExposure } from "./types";
import { perDataset, type MethodCard } from "./card";
import { formatDelta, formatEpsilon, formatFixed, formatSignificant } from "../present/format";

const PAPER = "Xie et al., Differentially Private Synthetic Data via Foundation Model APIs 2: Text, ICML 2024 (arXiv:2403.01749)";
const CODE = "github.com/AI-secure/aug-pe (main.py, dpsda/dp_counter.py, notebook/dp_budget.ipynb)";
const SOURCES = [PAPER, CODE, "Dong, Roth & Su, Gaussian Differential Privacy, arXiv:1905.02383 (Corollaries 2.13, 3.3)", "docs/derivations.md §13"] as const;

/**
 * The knobs with their paper names: T rounds, S samples, L candidates per kept sample. A scenario
 * without an Aug-PE entry (no link version pins it, lib/scenario/knobs.ts ScenarioKnobs) runs at the
 * current defaults (augPeCard below), which are the same for every preset, so the preset-free
 * custom column gives them (SST2's for classification, SAMSum's for generation, as defaultKnobs).
 */
function knobsOf(scenario: Pick<Scenario, "knobs" | "task">): { rounds: number; samples: number; candidatesPerSample: number; variations: number } {
  const column = scenario.task === "generation" ? "samsum" : "sst2";
  const d = augPeCard.defaults;
  const k = scenario.knobs["aug-pe"] ?? { iterations: d.iterations[column], samples: d.samples[column], variations: d.variations[column] };
  return { rounds: k.iterations, samples: k.samples, candidatesPerSample: k.variations + 1, variations: k.variations };
}

/**
 * δ as the original code sets it: 1/(N·ln N) (notebook/dp_budget.ipynb; microsoft/DPSDA examples
 * `delta = 1.0/num_private_samples/np.log(num_private_samples)`).
 * @example augPeCodeDelta(8396) ≈ 1.3182e-5 (OpenReview)
 */
export function augPeCodeDelta(records: number): number {
  return 1 / (records * Math.log(records));
}

/**
 * The scenario's accountant (PRV or RDP) on the same event at the exact σ, beside the exact value:
 * one evaluation, no σ search (a search would double the method's time for a figure the exact
 * value already supersedes). Null when it cannot run here (e.g. a PRV grid limit).
 */
function engineView(scenario: Scenario, rounds: number, sigma: number): { note: string | null; epsilonAtSigma: number | null; label: string } | null {
  const { spec, note } = gaussianSpec(scenario, rounds);
  try {
    const at = computeEpsilon(selfComposed(rounds, gaussian(sigma)), scenario.delta, spec);
    return { note, epsilonAtSigma: finiteOrNull(at.epsilon), label: at.accountant === "prv" ? "PRV (upper bound)" : "RDP (upper bound)" };
  } catch {
    return null;
  }
}

export function augPePrivacy(scenario: Scenario): MethodPrivacy {
  const { rounds, samples, candidatesPerSample } = knobsOf(scenario);
  const sigma = gdpNoiseMultiplier({ targetEpsilon: scenario.epsilon, delta: scenario.delta, compositions: rounds });
  const mu = gdpMu(sigma, rounds);
  // μ is the safe end of its search, δ(ε_target; μ) ≤ δ, so the exact ε is at most the target; the
  // min only keeps the last bisection step's round-off from reporting 1 + 1e-16 for a target of 1.
  const epsilon = Math.min(gdpEpsilon(mu, scenario.delta), scenario.epsilon);
  const classes = scenario.task === "classification" ? (scenario.classes ?? 2) : 1;
  const candidates = samples * candidatesPerSample;
  const votesPerCandidate = scenario.records / candidates;
  const notes: string[] = [
    `${rounds} rounds of the Gaussian mechanism on nearest-neighbour vote histograms (one vote per private record, sensitivity 1), no subsampling: exactly μ-GDP with μ = √T/σ = √${rounds}/${formatSignificant(sigma, 4)} = ${formatSignificant(mu, 4)} (Dong, Roth & Su 2019), so ε = ${formatEpsilon(epsilon)} at δ = ${formatDelta(scenario.delta)} is exact, not a bound (printed rounded up).`,
    classes > 1
      ? `A record votes only for candidates of its own class, so the ${classes} per-class histograms compose in parallel (one record changes one bin of one class's histogram).`
      : "One histogram per round over all candidates (no labels).",
    `Signal against noise [modelled, not a feasibility test]: ${count(scenario.records)} votes over ${count(candidates)} candidates (S·L = ${count(samples)} × ${candidatesPerSample}) average ${formatSignificant(votesPerCandidate, 3)} per candidate, against noise std σ = ${formatSignificant(sigma, 3)} per bin. The authors report useful text at ε = 1 on OpenReview (8,396 records, 8,000 candidates, σ = 11.6), where the average is about 1 vote per candidate.`,
    "The queries spend no budget: the downstream model is trained on DP synthetic text (post-processing).",
  ];
  const engine = engineView(scenario, rounds, sigma);
  const extra: Record<string, number> = { gdpMu: mu, rounds, candidatesPerRound: candidates };
  if (engine) {
    if (engine.note) notes.push(engine.note);
    if (engine.epsilonAtSigma !== null) {
      notes.push(`The scenario's accountant, ${engine.label}, on the same ${rounds} Gaussian rounds at this σ: ε ≤ ${formatEpsilon(engine.epsilonAtSigma)}. Both hold; the exact μ-GDP value is the one stated.`);
      extra.engineEpsilonAtSigma = engine.epsilonAtSigma;
    }
  } else notes.push("The scenario's accountant could not evaluate this event here; the exact μ-GDP value stands alone.");
  const notCovered = scenario.task === "classification"
    ? "the number of seed samples per class, allocated from the private label counts without noise (round(n_c·S/N) per class; AI-secure/aug-pe apis/azure_api.py and apis/hf_api.py, text_random_sampling); the label distribution must be public for the guarantee to cover everything released."
    : null;
  if (notCovered) notes.push(`Not covered by the DP guarantee: ${notCovered}`);
  // As the original code computes it: the same exact accountant at δ = 1/(N ln N).
  const codeDelta = augPeCodeDelta(scenario.records);
  let asOriginalCode: AsOriginalCode | null = null;
  if (codeDelta < 1 && Math.abs(codeDelta - scenario.delta) > 1e-12 * scenario.delta) {
    const codeSigma = gdpNoiseMultiplier({ targetEpsilon: scenario.epsilon, delta: codeDelta, compositions: rounds });
    const codeMu = gdpMu(codeSigma, rounds);
    asOriginalCode = {
      summary: `The original code sets δ = 1/(N·ln N) = ${formatSignificant(codeDelta, 4)} (notebook/dp_budget.ipynb) and solves σ by the same exact μ-GDP formula: σ = ${formatSignificant(codeSigma, 4)} for ε = ${scenario.epsilon}, T = ${rounds}.`,
      mechanism: { parameter: "noiseMultiplier", value: codeSigma, unit: "σ" },
      reportedEpsilon: finiteOrNull(gdpEpsilon(codeMu, codeDelta)),
      reportedDelta: codeDelta,
      reportedAccountant: "gdp",
      soundEpsilon: finiteOrNull(gdpEpsilon(codeMu, scenario.delta)),
      soundDelta: scenario.delta,
      reason: "Same exact accountant; only δ differs: the calculator charges every method the scenario's δ (default 1/N). The README's published σ are rounded (Yelp, ε = 1: README σ = 15.34 gives ε = 1.0045 by the notebook's own formula; its search stops at 15.40).",
    };
  }
  return {
    method: "aug-pe",
    label: "Aug-PE",
    feasible: epsilon <= scenario.epsilon,
    targetEpsilon: scenario.epsilon,
    epsilon: finiteOrNull(epsilon),
    delta: scenario.delta,
    accountant: "gdp",
    noiseMultiplier: sigma,
    mechanism: { parameter: "noiseMultiplier", value: sigma, unit: "σ (noise std per histogram bin ÷ vote sensitivity 1)", extra },
    // Any number of rounds fits the budget by adding noise (as DP-SGD's steps): allowed is null.
    budget: { unit: "steps", planned: rounds, allowed: null },
    samplingRate: 1,
    asOriginalCode,
    notes,
    ...(notCovered ? { notCovered } : {}),
    sources: [...SOURCES],
  };
}

// ---------------------------------------------------------------------------------------------
// Leakage
// ---------------------------------------------------------------------------------------------

/**
 * What reaches the generator's provider: prompts built from public label strings and keywords, and
 * the DP-selected synthetic samples it is asked to vary (post-processing of the noisy histograms).
 * No private record and no private embedding: the records are embedded locally. Two caveats read in
 * the code: the seed allocation uses the private label counts without noise (classification), and
 * an API embedding model (`--feature_extractor text-embedding-ada-002` is among the argparse
 * choices) would send all N records to that provider; privadapt assumes the local
 * sentence-transformers model the scripts use. Queries go to the local downstream model.
 */
function augPeProviderExposure({ scenario, provider, bound, dpStatus, tools: t }: ExposureContext): ProviderExposure {
  const downstream = MODELS[augPeDownstreamModel(scenario)].label;
  const labels = scenario.task === "classification";
  const dpText = `the synthetic samples sent for variation are (${t.formatParameter(scenario.epsilon)}, ${t.formatParameter(scenario.delta)})-DP: ${bound.formula}`;
  return {
    records: 0, expected: false, fraction: 0, recordSends: 0, queryCopies: 0,
    channelA: {
      // The label counts are released without noise: the guarantee does not cover them.
      status: labels && dpStatus === "protected" ? "partial" : dpStatus,
      formula: `0 raw records; ${dpText}${labels ? "; per-class seed counts round(n_c·S/N) use the private label counts without noise" : ""}`,
      reason:
        `No private record reaches ${provider}: the records are embedded on the curator's GPU (a local sentence-transformers model) and only DP-selected synthetic samples, covered by the same (ε, δ) as the answers, are sent for variation.` +
        (labels ? ` But the number of seed samples per class is computed from the private label counts without noise (Aug-PE code, text_random_sampling), so ${provider} learns the label distribution to within 1/S unless it is public.` : "") +
        ` An API embedding model instead of the local one would send all ${t.formatQuantity(scenario.records)} records to its provider.`,
    },
    aClause: labels ? "no raw private record (only DP synthetic samples, and seed counts per class taken from the private label distribution without noise)" : "no raw private record (only DP synthetic samples)",
    queryChannel: {
      channel: {
        status: "protected",
        formula: "0 query copies (local downstream model)",
        reason: `Queries are answered by ${downstream}, fine-tuned on the synthetic set on the curator's own GPU; none reaches ${provider}. (Sending the synthetic set to ${provider} as few-shot demonstrations instead would send every query; the authors did not evaluate that use.)`,
      },
      clause: `queries are answered by ${downstream} on the curator's GPU and never reach ${provider}`,
    },
    source: `${CODE}; docs/derivations.md §13 (Leakage)`,
  };
}

// ---------------------------------------------------------------------------------------------
// Cost work (called by lib/cost/method-work.ts; the lead may re-home the hook)
// ---------------------------------------------------------------------------------------------

/**
 * The local model fine-tuned on the synthetic set and answering the queries. The authors fine-tune
 * RoBERTa-base (Yelp, OpenReview) or BERT-small/-mini for next-token prediction (PubMed); the
 * catalogue has neither, so: RoBERTa-Large for classification and Pythia 160M, the smallest
 * catalogue model that writes text, for generation [assumption: the closest catalogue models].
 */
export function augPeDownstreamModel(scenario: Pick<Scenario, "task">): OpenModelId {
  return scenario.task === "classification" ? "roberta-large" : "pythia-160m";
}

/**
 * The sentence encoder that embeds records and candidates. The scripts use stsb-roberta-base-v2 or
 * sentence-t5-base (≈0.11 B parameters), not in the catalogue; RoBERTa-Large (0.355 B) is priced
 * instead, about 3× the FLOPs, so the embedding cost is an upper bound [assumption].
 */
export const AUG_PE_EMBEDDING_PROXY: OpenModelId = "roberta-large";

/** Downstream fine-tuning epochs: 10 (OpenReview's roberta-base and PubMed's bert-small scripts; Yelp uses 5). */
export const AUG_PE_DOWNSTREAM_EPOCHS = 10;

/**
 * API generations of Aug-PE (lookahead degree 0, the last round's variations kept as in main.py):
 * S seed samples, S·(L − 1) initial variations, and S·(L − 1) variations after each of the T rounds:
 *
 *   calls = S + S·(L − 1) + T·S·(L − 1) = S·[1 + (T + 1)(L − 1)]
 *
 * @example augPeApiCalls({ samples: 5000, candidatesPerSample: 4, rounds: 10 }) // 170,000 (Yelp, GPT-3.5)
 * @example augPeApiCalls({ samples: 2000, candidatesPerSample: 4, rounds: 10 }) // 68,000 (OpenReview, PubMed)
 */
export function augPeApiCalls(p: { samples: number; candidatesPerSample: number; rounds: number }): { seed: number; variation: number; total: number } {
  const seed = p.samples;
  const variation = (p.rounds + 1) * p.samples * (p.candidatesPerSample - 1);
  return { seed, variation, total: seed + variation };
}

/**
 * Aug-PE's work: API generations with their tokens, local GPU work (embedding the N records once and
 * the (T + 1)·S·L candidates; fine-tuning the downstream model on the S samples) and one forward
 * pass of the downstream model per query.
 *
 * Tokens [modelled; the per-call counts are not published]: a synthetic sample is as long as a
 * private record, r = ℓin (classification: the label is in the prompt) or ℓin + ℓout (generation).
 * A seed call writes r tokens from a short class prompt (the scenario's instruction tokens); a
 * variation call reads the masked sample (≈ r) plus the instruction and fixed demonstrations
 * (instruction tokens) and writes r.
 * GPU: embedding is a batched forward pass, 2·P FLOPs per token; fine-tuning ≈ 3 × that (forward and
 * backward, 6·P per token, Kaplan et al. 2020, §2.1), over AUG_PE_DOWNSTREAM_EPOCHS epochs of S samples.
 *
 * @example
 * // SST2 (N = 66,674, ℓin = 12.35), S = 2,000, L = 4, T = 10, no instruction tokens:
 * // 2,000 seed calls (0 in, 24,700 out) + 66,000 variation calls (815,100 in, 815,100 out);
 * // embedding (66,674 + 11 × 8,000) × 12.35 = 1,910,124 tokens.
 */
export function augPeWork(scenario: Pick<Scenario, "task" | "records" | "inTokens" | "outTokens" | "instructionTokens" | "knobs">): MethodWork {
  const { rounds, samples, candidatesPerSample, variations } = knobsOf(scenario);
  const generation = scenario.task === "generation";
  const r = generation ? scenario.inTokens + scenario.outTokens : scenario.inTokens;
  const rText = generation ? "(ℓin + ℓout)" : "ℓin";
  const instr = scenario.instructionTokens;
  const calls = augPeApiCalls({ samples, candidatesPerSample, rounds });
  const downstream = augPeDownstreamModel(scenario);
  const embedContext = MODELS[AUG_PE_EMBEDDING_PROXY].contextTokens;
  const downstreamContext = MODELS[downstream].contextTokens;
  const instrText = instr === 0 ? "+ 0 instruction tokens per call (Appendix D's accounting)" : `+ ${instr} instruction tokens per call`;
  const seed: LlmCalls = {
    kind: "llm-calls", phase: "training", id: "seed-samples", label: "Seed synthetic samples from class prompts (RANDOM_API)",
    calls: calls.seed, inputTokens: calls.seed * instr, outputTokens: calls.seed * r, longestCallTokens: instr + r,
    formula: `S = ${count(samples)} calls; input the class prompt ${instrText}, output ${rText}`,
  };
  const variation: LlmCalls = {
    kind: "llm-calls", phase: "training", id: "variations", label: `Variations of the kept samples (VARIATION_API), ${rounds + 1} batches`,
    calls: calls.variation, inputTokens: calls.variation * (r + instr), outputTokens: calls.variation * r, longestCallTokens: 2 * r + instr,
    formula: `(T + 1)·S·(L − 1) = ${rounds + 1} × ${count(samples)} × ${variations} calls; input the masked sample ${rText} ${instrText}, output ${rText}`,
  };
  const embedded = scenario.records + (rounds + 1) * samples * candidatesPerSample;
  const embedding: LocalForward = {
    kind: "local-forward", phase: "training", id: "embeddings", label: `Embedding the private records once and the candidates of every round (priced as ${MODELS[AUG_PE_EMBEDDING_PROXY].label}, an upper bound for the scripts' base-size sentence encoders)`,
    localModel: AUG_PE_EMBEDDING_PROXY, tokens: embedded * Math.min(r, embedContext), longestCallTokens: Math.min(r, embedContext),
    formula: `(N + (T + 1)·S·L) × ${rText} = (${count(scenario.records)} + ${rounds + 1} × ${count(samples)} × ${candidatesPerSample}) × ${formatSignificant(r, 6)} tokens${r > embedContext ? ` (truncated to ${embedContext})` : ""}`,
  };
  const fineTune: LocalForward = {
    kind: "local-forward", phase: "training", id: "downstream-training", label: `Fine-tuning ${MODELS[downstream].label} on the synthetic set (not DP: it sees only DP output)`,
    localModel: downstream, tokens: 3 * AUG_PE_DOWNSTREAM_EPOCHS * samples * Math.min(r, downstreamContext), longestCallTokens: Math.min(r, downstreamContext),
    formula: `3 × ${AUG_PE_DOWNSTREAM_EPOCHS} epochs × S × ${rText} = 3 × ${AUG_PE_DOWNSTREAM_EPOCHS} × ${count(samples)} × ${formatSignificant(Math.min(r, downstreamContext), 6)} forward-token equivalents (backward ≈ 2 × forward)`,
  };
  const answer: LlmCalls = {
    kind: "llm-calls", phase: "query", id: "downstream-answer", label: `${MODELS[downstream].label} fine-tuned on the synthetic set answers the query`,
    calls: 1, inputTokens: scenario.inTokens, outputTokens: scenario.outTokens, longestCallTokens: scenario.inTokens + scenario.outTokens, runsOn: downstream,
    formula: "1 call; input ℓin, output ℓout (no instruction: the model is trained on bare records)",
  };
  return {
    method: "aug-pe",
    training: [seed, variation, embedding, fineTune],
    perQuery: [answer],
    assumptions: [
      `Aug-PE's API calls: S·[1 + (T + 1)(L − 1)] = ${count(calls.total)} generations (AI-secure/aug-pe main.py control flow, lookahead degree 0). Token counts per call are modelled: a synthetic sample is as long as a private record; the published code's prompts add instructions and fixed demonstrations, counted as the scenario's instruction tokens.`,
      `The private records are embedded on the curator's GPU with a local sentence encoder (the scripts' stsb-roberta-base-v2 or sentence-t5-base), priced as ${MODELS[AUG_PE_EMBEDDING_PROXY].label} forward passes (about 3× their FLOPs, so an upper bound).`,
      `The downstream model is ${MODELS[downstream].label} [assumption: the authors fine-tune RoBERTa-base or BERT-small, not in the catalogue], ${AUG_PE_DOWNSTREAM_EPOCHS} epochs on the S synthetic samples, and answers every query on the curator's GPU.`,
      `Each round's calls are independent, so a batch API could serve them (${rounds + 1} sequential batches); priced here at the list price per token.`,
    ],
    sources: [PAPER, CODE, "docs/derivations.md §13 (cost)", "Kaplan et al. 2020, Scaling Laws for Neural Language Models, §2.1 (FLOPs per token)"],
  };
}

/**
 * Aug-PE puts no private record in a prompt (every record votes, none is sampled), so no record
 * count can run short. What can: its own output. The S seed samples are split over the classes in
 * proportion to their private counts (round(n_c·S/N), apis/azure_api.py text_random_sampling); with
 * fewer samples than classes some class gets none and the downstream model never sees it.
 * Balanced classes assumed, as elsewhere: one sample per class needs S ≥ C.
 */
export function augPeDataRequirements(scenario: Scenario): DataRequirement[] {
  const { samples } = knobsOf(scenario);
  const classes = scenario.task === "classification" ? (scenario.classes ?? 2) : 1;
  return [requirement({
    id: "samples-per-class", what: `synthetic samples per class (S = ${count(samples)} over ${count(classes)} class${classes === 1 ? "" : "es"}, at least one each)`, needed: classes, available: samples,
    unmet: `Aug-PE's ${count(samples)} synthetic samples are split over ${count(classes)} classes in proportion to their counts: some classes get none, so the downstream model never sees them; raise aug-pe.samples to at least ${count(classes)}.`,
    met: `The ${count(samples)} synthetic samples cover all ${count(classes)} class${classes === 1 ? "" : "es"} (balanced classes assumed).`,
    source: "AI-secure/aug-pe apis/azure_api.py and apis/hf_api.py (text_random_sampling: round(n_c·S/N) seed samples per class)",
  })];
}

/** The README's datasets with the notebook's N (notebook/dp_budget.ipynb; README train sizes). */
const README_DATASETS = [
  { name: "Yelp", records: 1_939_290, sigma: [15.34, 8.03, 4.24], notebookEpsilon: [1.004455, 2.002377, 4.005258] },
  { name: "OpenReview", records: 8_396, sigma: [11.6, 6.22, 3.38], notebookEpsilon: [0.999986, 1.996654, 3.992231] },
  { name: "PubMed", records: 75_316, sigma: [13.26, 7.01, 3.75], notebookEpsilon: [0.999232, 1.997191, 3.999169] },
] as const;
const README = "AI-secure/aug-pe README.md (\"To achieve ε=1,2,4 under 10 epochs, we set noise level\")";
const NOTEBOOK = "AI-secure/aug-pe notebook/dp_budget.ipynb (printed output)";
const FIGURE = "AI-secure/aug-pe figures/overview2.png (OpenReview, ε = 1, RoBERTa-base downstream)";

/**
 * Aug-PE's published figures beside privadapt's: the README's σ per ε (T = 10, δ = 1/(N ln N)) and
 * the ε its notebook prints for them, recomputed with lib/privacy/gdp.ts; the README's embedding
 * time; the accuracy bars of the README's overview figure, read off the chart.
 */
export function augPeReportedFigures(): AuthorsFigure[] {
  const out: AuthorsFigure[] = [];
  for (const d of README_DATASETS) {
    const delta = augPeCodeDelta(d.records);
    [1, 2, 4].forEach((epsilon, i) => {
      const theirs = d.sigma[i]!;
      const ours = gdpNoiseMultiplier({ targetEpsilon: epsilon, delta, compositions: 10 });
      const diff = (100 * (ours - theirs)) / theirs;
      out.push({
        kind: "budget", what: `${d.name} (N = ${count(d.records)}), T = 10, δ = 1/(N ln N) = ${formatSignificant(delta, 4)}: σ for ε = ${epsilon}`,
        theirs: String(theirs), ours: formatFixed(ours, 3), reading: "README table", source: README,
        note: `${diff >= 0 ? "+" : ""}${formatFixed(diff, 2)}%: privadapt solves exact μ-GDP for the smallest σ meeting ε; the README's values are rounded from the notebook's 0.01-step search.`,
      });
    });
    [1, 2, 4].forEach((_epsilon, i) => {
      const sigma = d.sigma[i]!;
      const ours = gdpEpsilon(gdpMu(sigma, 10), delta);
      out.push({
        kind: "budget", what: `${d.name}: ε of the README's σ = ${sigma}, T = 10, δ = 1/(N ln N)`,
        theirs: formatFixed(d.notebookEpsilon[i]!, 6), ours: formatFixed(ours, 6), reading: "notebook output", source: NOTEBOOK,
        note: "Same formula, δ(ε) = Φ(−ε/μ + μ/2) − e^ε Φ(−ε/μ − μ/2) with μ = √T/σ; agreement to the printed 6 decimals is tested (test/privacy/gdp.test.ts).",
      });
    });
  }
  out.push({
    kind: "cost", what: "Yelp: embedding the 1.9M private records (sentence-transformers, once)",
    theirs: "≈ 40 minutes", ours: null, reading: "README text", source: "AI-secure/aug-pe README.md (\"the process may take approximately 40 minutes\")",
    note: "Not compared: the README names neither the GPU nor the records' token lengths, and Yelp is not in privadapt's catalogue. The paper's GPU-hour and API-cost tables could not be read for privadapt, so no other cost figure of the authors is compared here; privadapt's API call count S·[1 + (T + 1)(L − 1)] follows main.py's control flow (docs/derivations.md §13).",
  });
  const bars: [string, string, string][] = [
    ["Area classification accuracy, Aug-PE (GPT-3.5)", "≈ 42", "DP-FT-Downstream ≈ 30.5; DP-FT-Generator GPT2 ≈ 32, GPT2-M ≈ 35.5, GPT2-L ≈ 39"],
    ["Area classification accuracy, Aug-PE (Mixtral-8x7B-v0.1)", "≈ 44", "same baselines"],
    ["Rating classification accuracy, Aug-PE (GPT-3.5)", "≈ 43", "DP-FT-Downstream and every DP-FT-Generator ≈ 32"],
    ["Rating classification accuracy, Aug-PE (Mixtral-8x7B-v0.1)", "≈ 42", "same baselines"],
  ];
  for (const [what, theirs, baselines] of bars) {
    out.push({
      kind: "utility", what: `OpenReview, ε = 1: ${what} (%)`, theirs, ours: null, reading: "read off a bar chart without value labels (±1 point)", source: FIGURE,
      note: `Baselines on the same chart: ${baselines}. The calculator shows no accuracy for Aug-PE: OpenReview is not one of the study's datasets, and a figure from another dataset is never borrowed. The paper's tables (Yelp, OpenReview, PubMed at ε = 1, 2, 4) could not be read for privadapt.`,
    });
  }
  return out;
}

/**
 * Aug-PE's card (./card.ts): its catalogue row and its share-link knobs `aug-pe.<knob>`,
 * with their defaults per dataset (the method's own setup: the study did not run it; `defaultsNote`
 * gives the sources). lib/scenario reads it.
 */
export const augPeCard = {
  id: "aug-pe", label: "Aug-PE", llm: "closed", mechanism: "private-evolution",
  summary: "Beyond the study: an LLM API writes synthetic text and variations of it; private records, embedded locally, vote for their nearest synthetic samples in noisy histograms that keep the best; a small local model is fine-tuned on the DP synthetic set and answers the queries.",
  source: "Xie et al., ICML 2024 (arXiv:2403.01749); code github.com/AI-secure/aug-pe",
  inStudy: false,
  runsOnOpenModels: true,
  knobs: {
    // Aug-PE (Xie et al., ICML 2024; AI-secure/aug-pe main.py, dpsda/arg_utils.py): lib/methods/aug-pe.ts.
    iterations: { label: "PE iterations T", unit: "noisy histograms", description: "Private-evolution rounds (the code's --epochs): each releases one Gaussian-noised nearest-neighbour vote histogram; 10 in the paper's DP runs.", min: 1, max: 1000, integer: true },
    samples: { label: "Synthetic samples S", unit: "samples", description: "Samples kept after every round (the code's --num_seed_samples); the final synthetic training set.", min: 1, max: 1_000_000, integer: true },
    variations: { label: "Variations per sample (L − 1)", unit: "variations", description: "New variations the API writes of each kept sample per round; with the sample itself, L = variations + 1 candidates each (3 in the GPT-3.5 scripts, so L = 4).", min: 1, max: 100, integer: true },
  },
  defaults: {
    // T = 10 (the README's DP setting: "we use 10 epochs for DP setting"); S = 2,000 and L − 1 = 3
    // (scripts/gpt-3.5-turbo/openreview.sh and pubmed.sh). The study's datasets were not run with Aug-PE.
    iterations: perDataset(10, 10, 10, 10, 10, 10, 10, 10),
    samples: perDataset(2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000),
    variations: perDataset(3, 3, 3, 3, 3, 3, 3, 3),
  },
  defaultsNote: "Not run by the study on any of its datasets [assumption]: T = 10 rounds (the Aug-PE README's DP setting), S = 2,000 samples and 3 variations each (L = 4), as its GPT-3.5 scripts for OpenReview and PubMed (AI-secure/aug-pe scripts/gpt-3.5-turbo/).",
} as const satisfies MethodCard;

export const augPe: MethodDescriptor<typeof augPeCard> = {
  card: augPeCard,
  id: augPeCard.id,
  label: augPeCard.label,
  llm: augPeCard.llm,
  queriesSpendBudget: false,
  sources: SOURCES,
  privacyEvent(scenario) {
    const { rounds } = knobsOf(scenario);
    return selfComposed(rounds, gaussian(gdpNoiseMultiplier({ targetEpsilon: scenario.epsilon, delta: scenario.delta, compositions: rounds })));
  },
  privacy: augPePrivacy,
  dataRequirements: augPeDataRequirements,
  leakage: { needsLocalWeights: false, providerExposure: augPeProviderExposure, dpArtefact: "DP synthetic samples" },
  cost: {
    work: (context) => fromWork(context, augPeWork(context.scenario)),
    // augPeWork adds the instruction tokens itself: its API prompts carry them, its local downstream model answers bare records.
    instructionTokens: "none",
  },
  // The study never ran Aug-PE: names no table of Hanke et al. 2024 prints, so its utility is "not measured".
  paperNames: { classification: "Aug-PE", generation: "Aug-PE" },
  // Beyond Okabe–Ito's eight (all taken by the study's methods): Paul Tol's muted wine, lightened
  // to rose on a dark background (Tol 2021, "Colour Schemes", muted scheme), with a square marker.
  style: { color: { light: "#882255", dark: "#CC6677" }, marker: "square" },
  reportedByAuthors: augPeReportedFigures,
};
