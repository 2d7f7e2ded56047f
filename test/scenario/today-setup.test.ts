/** @jest-environment node */
/**
 * Issue #17, items 5–6: link version 3 ("today's setup") and the study's setup one click away.
 *
 * Oracles: the issue's contract, typed in here (not read from lib/): v=3 defaults to current closed
 * models of OpenAI, Anthropic and Google at the `current` price set and current open models on a
 * current GPU; the study's setup restores v=1 exactly, checked against the recorded corpus
 * test/fixtures/links/v1-corpus.json (what every v=1 link decoded to before v=3 existed).
 */
import { readFileSync } from "node:fs";
import { buildQuery, landingAddress, pageParams } from "@/lib/scenario/search-params";
import { setupValues } from "@/lib/present/form-model";
import { MODELS, PRESET_IDS, modelLabelWithStatus, parseScenario, presetScenario, serializeScenario, type Scenario } from "@/lib/scenario";
import { CORPUS_FILE, type CorpusEntry } from "./link-corpus";

const corpus = JSON.parse(readFileSync(CORPUS_FILE, "utf8")) as CorpusEntry[];
const read = (q: string): Scenario => {
  const r = parseScenario(q);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
};

describe("v=3: today's setup", () => {
  it("defaults to current models at current prices on an H100, the study's 8 methods and DPZero, POST, Aug-PE, ε = 8, 10,000 queries", () => {
    const s = read("v=3");
    expect(s.v).toBe(3);
    expect(s.preset).toBe("sst2");
    // OpenAI, Anthropic, Google: a flagship and a small model each, in catalogue order (the codec's canonical order).
    expect(s.closedModels).toEqual(["gpt-4.1", "gpt-4.1-mini", "claude-sonnet-4.5", "gemini-2.5-pro", "gemini-2.5-flash", "claude-haiku-4.5"]);
    expect(s.openModels).toEqual(["llama-3.1-8b", "qwen2.5-7b", "mistral-7b"]);
    expect(s.priceSet).toBe("current");
    expect(s.gpu).toBe("h100");
    // The catalogue's H100 list price when v=3 was published (RunPod community rate, $2.69/h).
    expect(s.gpuUsdPerHour).toBe(2.69);
    // v=3 is the first version to compare the methods beyond the study by default (issue #17).
    expect(s.methods).toEqual(["dp-icl", "prompt-pate", "dp-fewshotgen", "dp-opt", "prompt-dpsgd", "private-lora", "dp-finetune", "prompt-pate-gen", "dpzero", "post", "aug-pe"]);
    expect(s.epsilon).toBe(8);
    expect(s.queries).toBe(10000);
    // The study's SST2 figures (Hanke et al. 2024, Table 7): N = 66,674, δ = 1/N.
    expect(s.records).toBe(66674);
    expect(s.delta).toBe(1 / 66674);
  });

  it("recommends no retired or shutdown-announced model by default", () => {
    for (const preset of PRESET_IDS) {
      const s = read(`v=3&preset=${preset}`);
      for (const m of [...s.closedModels, ...s.openModels]) expect(MODELS[m].lifecycle).toBeUndefined();
    }
  });

  it("round-trips: a v=3 scenario is written as v=3, values equal to v=3's defaults omitted", () => {
    expect(serializeScenario(read("v=3"))).toBe("v=3");
    expect(serializeScenario(read("v=3&preset=samsum&eps=3"))).toBe("v=3&preset=samsum&eps=3");
    // Custom in v=3 keeps v=2's 287 instruction tokens per call (docs/derivations.md §S11).
    const custom = read("v=3&preset=custom");
    expect(custom.instructionTokens).toBe(287);
    expect(serializeScenario(custom)).toBe("v=3&preset=custom");
    // A model of the study is a non-default in v=3 and is written out.
    expect(serializeScenario(read("v=3&closed=gpt-3-davinci"))).toBe("v=3&closed=gpt-3-davinci");
  });

  it("the page's bare address opens today's setup; any other address is left alone", () => {
    expect(landingAddress(new URLSearchParams(""))).toBe("/?v=3");
    expect(landingAddress(new URLSearchParams("eps=3"))).toBeNull();
    expect(landingAddress(new URLSearchParams("v=1"))).toBeNull();
    // What the page evaluates: the bare address reads as the link `v=3`, never as an unversioned
    // link (which would be the study's v=2 setup); any other address is evaluated as it is.
    expect(pageParams(new URLSearchParams("")).toString()).toBe("v=3");
    expect(read(pageParams(new URLSearchParams("")).toString())).toEqual(read("v=3"));
    expect(pageParams(new URLSearchParams("eps=3")).toString()).toBe("eps=3");
  });
});

describe("the study's setup (2024) restores today's v=1 defaults exactly", () => {
  it("for every preset link of the recorded corpus, the setup choice decodes to the recorded scenario", () => {
    const presetEntries = corpus.filter((e) => e.origin === "preset");
    expect(presetEntries.length).toBeGreaterThanOrEqual(10);
    for (const e of presetEntries) {
      // Switching from today's setup: start at v=3 on the same dataset (and task), then choose the study's setup.
      const today = read(`v=3${e.scenario.preset === "sst2" ? "" : `&preset=${e.scenario.preset}`}${e.scenario.preset === "custom" ? `&task=${e.scenario.task}` : ""}`);
      const values = setupValues("study-2024", today.preset, today.task);
      const keys = Object.keys(values);
      const q = buildQuery(values, keys);
      const chosen = read(q);
      // A custom scenario differs in one default: the setup writes it as v=2, as the page always has
      // for a new custom scenario, whose instruction tokens are 287 per call (Hanke et al. 2024,
      // Table 3: $6.00 per 10k 0-shot SST2 queries on Davinci at $2/1M = 300 tokens per query, less
      // 12.35 input and 1 output token ≈ 287; docs/derivations.md §S11); a v=1 custom link reads 0.
      const expected = e.scenario.preset === "custom" ? { ...e.scenario, instructionTokens: 287 } : e.scenario;
      expect({ link: e.link, s: JSON.parse(JSON.stringify(chosen)) }).toEqual({ link: e.link, s: JSON.parse(JSON.stringify(expected)) });
    }
  });

  it("the study's setup for SST2 is exactly the link v=1, equal to the recorded decode of v=1", () => {
    const values = setupValues("study-2024", "sst2", "classification");
    expect(buildQuery(values, Object.keys(values))).toBe("v=1");
    const recorded = corpus.find((e) => e.link === "v=1");
    expect(JSON.stringify(read("v=1"))).toBe(JSON.stringify(recorded?.scenario));
  });

  it("a link without v still reads as the study's setup (v=2), as before v=3 existed", () => {
    for (const e of corpus.filter((x) => x.scenario.preset !== "custom" && x.link.startsWith("v=1&")).slice(0, 200)) {
      const unversioned = e.link.replace(/^v=1&/, "");
      expect(JSON.stringify({ ...read(unversioned), v: 1 })).toBe(JSON.stringify(e.scenario));
    }
  });

  it("presetScenario without a version is still the study's setup (lib and tests build on it)", () => {
    expect(presetScenario("samsum").closedModels).toEqual(["gpt-3-davinci", "gpt-3.5-turbo-instruct", "gpt-4-turbo"]);
    expect(presetScenario("samsum").v).toBe(1);
    expect(presetScenario("samsum", undefined, 3).v).toBe(3);
  });
});

describe("retired models are marked with their date", () => {
  it("the study's GPT-3 models and Claude 2.1 carry the provider's shutdown date and a source", () => {
    // OpenAI deprecations page (2026-04-22 notice, shutdown 2026-10-23); Anthropic model deprecations (claude-2.1 retired 2025-07-21).
    expect(modelLabelWithStatus("gpt-3-davinci")).toBe("GPT-3 Davinci (retired 2026-10-23)");
    expect(modelLabelWithStatus("gpt-3-babbage")).toBe("GPT-3 Babbage (retired 2026-10-23)");
    expect(modelLabelWithStatus("claude-2.1")).toBe("Claude 2.1 (retired 2025-07-21)");
    expect(modelLabelWithStatus("gpt-5")).toBe("GPT-5 (deprecated: shutdown 2026-12-11)");
    expect(modelLabelWithStatus("gpt-4.1")).toBe("GPT-4.1");
    for (const m of Object.values(MODELS)) if (m.lifecycle) expect(m.lifecycle.source).toMatch(/deprecations page/);
  });

  it("new open models are sourced, licensed and not counted as the study's", () => {
    for (const id of ["llama-3.1-8b", "llama-3.1-70b", "qwen2.5-7b", "mistral-7b"] as const) {
      const m = MODELS[id];
      expect(m.inStudy).toBe(false);
      expect(m.source).toMatch(/Hugging Face/);
      expect(m.licence).toMatch(/Licen[cs]e|Apache 2\.0/);
      expect(m.paramsBillions).toBeGreaterThan(7);
    }
  });
});
