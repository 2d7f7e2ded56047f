/** @jest-environment node */
import { MODELS, type ModelId } from "@/lib/scenario";

/**
 * Context windows, typed in from the sources each row cites (not read from lib/): OpenAI's model
 * pages, Anthropic's and Google's model docs, and each open model's config.json
 * `max_position_embeddings` on Hugging Face (RoBERTa reserves 2 of its 514 positions).
 */
const CONTEXT: Record<ModelId, number> = {
  "gpt-3-babbage": 16384, "gpt-3-davinci": 16384, "gpt-3.5-turbo-instruct": 4096, "gpt-4-turbo": 128000, "claude-2.1": 200000,
  "gpt-4o": 128000, "gpt-4o-mini": 128000, "gpt-4.1": 1047576, "gpt-4.1-mini": 1047576, "gpt-5": 400000, "gpt-5-mini": 400000,
  "claude-sonnet-4.5": 200000, "claude-haiku-3.5": 200000, "gemini-2.5-pro": 1048576, "gemini-2.5-flash": 1048576,
  "roberta-large": 512, "bart-large": 1024, "pythia-160m": 2048, "pythia-410m": 2048, "pythia-1b": 2048, "pythia-6.9b": 2048,
  "vicuna-7b": 4096, "llama-3-8b-instruct": 8192, "openllama-13b": 2048, "mixtral-8x7b": 32768,
  // Issue #17: Anthropic's models overview (Opus 4.5, Haiku 4.5: 200K), Google's Gemini models page
  // (2.5 Flash-Lite: 1,048,576), and the Hugging Face config.json of each open model of today.
  "claude-opus-4.5": 200000, "claude-haiku-4.5": 200000, "gemini-2.5-flash-lite": 1048576,
  "llama-3.1-8b": 131072, "llama-3.1-70b": 131072, "qwen2.5-7b": 32768, "mistral-7b": 32768,
};

describe("model catalogue: every model has a sourced context window", () => {
  it.each(Object.keys(MODELS) as ModelId[])("%s", (id) => {
    const m = MODELS[id];
    expect(m.contextTokens).toBe(CONTEXT[id]);
    expect(m.contextSource.length).toBeGreaterThan(10);
    // A number is written in its source line (e.g. "16,384", "4096"), or the line says it is unverified.
    expect(m.contextSource).toMatch(/\d|unverified/);
  });

  it("the Vicuna row says which version's context it takes and that the study's version is unverified", () => {
    expect(MODELS["vicuna-7b"].contextSource).toMatch(/v1\.5.*4096/);
    expect(MODELS["vicuna-7b"].contextSource).toMatch(/unverified/);
  });
});
