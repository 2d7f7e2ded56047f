/** @jest-environment node */
import { calcPrice } from "@pydantic/genai-prices";
import { CLOSED_MODEL_IDS, MODELS, presetScenario } from "@/lib/scenario";
import { apiUsd, currentApiPrice, estimateCostRow, GENAI_PRICES_AS_OF, resolveApiPrice } from "@/lib/cost";

const paper = { priceSet: "paper-2024-05", priceOverrides: {} } as const;

describe("paper-2024-05 price set (oracle: Hanke et al. 2024, Table 22)", () => {
  it.each([
    ["gpt-3-babbage", 0.4, 0.4],
    ["gpt-3-davinci", 2, 2],
    ["gpt-3.5-turbo-instruct", 1.5, 2],
    ["gpt-4-turbo", 10, 30],
    ["claude-2.1", 8, 24],
  ] as const)("%s: $%f in / $%f out per 1M tokens, as of 2024-05-22", (model, input, output) => {
    const p = resolveApiPrice(model, paper);
    expect(p).toEqual({ ok: true, quote: expect.objectContaining({ inputUsdPerMillionTokens: input, outputUsdPerMillionTokens: output, asOf: "2024-05-22", source: "Hanke et al. 2024, Table 22" }) });
  });

  it("models the study did not price have no price in its set (never $0)", () => {
    expect(resolveApiPrice("gpt-4o", paper)).toEqual({ ok: false, missing: "no price for gpt-4o in paper-2024-05; set price.gpt-4o=in,out" });
  });
});

describe("current price set (oracle: @pydantic/genai-prices calcPrice)", () => {
  it("babbage-002 and davinci-002 are not in the dataset: null cost with the field to fill in", () => {
    const s = presetScenario("samsum");
    s.priceSet = "current";
    const row = estimateCostRow(s, "dp-icl", "gpt-3-davinci");
    expect(row.queryCostUsd).toBeNull();
    expect(row.totalCostUsd).toBeNull();
    expect(row.missing).toBe("no price for gpt-3-davinci in current; set price.gpt-3-davinci=in,out");
    expect(currentApiPrice("gpt-3-babbage")).toBeNull();
  });

  // Cross-check: our per-call pricing (including prompt-length tiers) equals calcPrice's for
  // every priced catalogue model, at a short call and at a call past the 200k-token tier.
  const priced = CLOSED_MODEL_IDS.filter((m) => currentApiPrice(m) !== null);
  it("prices most catalogue models, each with source and as-of date", () => {
    expect(priced.length).toBeGreaterThanOrEqual(10);
    for (const m of priced) expect(currentApiPrice(m)).toMatchObject({ asOf: GENAI_PRICES_AS_OF, source: expect.stringContaining("@pydantic/genai-prices") });
  });
  it.each(priced.flatMap((m) => [[m, 1200, 30], [m, 250_000, 500]] as const))("%s, a call of %i input + %i output tokens: same $ as calcPrice", (model, inputTokens, outputTokens) => {
    const expected = calcPrice({ input_tokens: inputTokens, output_tokens: outputTokens }, MODELS[model].apiId!, { timestamp: new Date(`${GENAI_PRICES_AS_OF}T00:00:00Z`) })!;
    const ours = apiUsd(currentApiPrice(model)!, 1, inputTokens, outputTokens);
    expect(ours.inputUsd).toBeCloseTo(expected.input_price, 12);
    expect(ours.outputUsd).toBeCloseTo(expected.output_price, 12);
  });
});

describe("user overrides", () => {
  it("win over both price sets and are labelled", () => {
    for (const priceSet of ["paper-2024-05", "current"] as const) {
      const p = resolveApiPrice("gpt-3-davinci", { priceSet, priceOverrides: { "gpt-3-davinci": { inputUsdPerMTok: 1, outputUsdPerMTok: 3 } } });
      expect(p).toMatchObject({ ok: true, quote: { inputUsdPerMillionTokens: 1, outputUsdPerMillionTokens: 3, source: "user override price.gpt-3-davinci" } });
    }
  });

  it("fill a missing price: the row gets numbers instead of null", () => {
    const s = presetScenario("samsum");
    s.priceSet = "current";
    s.priceOverrides = { "gpt-3-davinci": { inputUsdPerMTok: 2, outputUsdPerMTok: 2 } };
    expect(estimateCostRow(s, "dp-icl", "gpt-3-davinci").queryCostUsd).toBeCloseTo(665.908, 3);
  });
});

