/** @jest-environment node */
import { INSTRUCTION_TOKENS_CUSTOM_DEFAULT, parseScenario, presetScenario, serializeScenario, type Scenario } from "@/lib/scenario";
import { estimateCostRow, methodWork } from "@/lib/cost";

function parsed(query: string): Scenario {
  const r = parseScenario(query);
  if (!r.ok) throw new Error(`expected ${query} to parse: ${JSON.stringify(r.errors)}`);
  return r.scenario;
}

describe("instruction tokens per call (`instr`) and share-link v=2 (docs/derivations.md §S11)", () => {
  it("the custom default is the study's 0-shot SST2 cost turned into tokens (Hanke et al. 2024, Tables 3, 7, 22)", () => {
    // $6.00 per 10,000 queries ÷ $2.00 per 1M tokens = 300 tokens per query; minus the query's
    // 12.35 input and 1 output token = 286.65, rounded to 287.
    const tokensPerQuery = (6.0 / 10000) / (2.0 / 1e6);
    expect(tokensPerQuery).toBeCloseTo(300, 9);
    expect(INSTRUCTION_TOKENS_CUSTOM_DEFAULT).toBe(Math.round(tokensPerQuery - 12.35 - 1));
  });

  it("study presets carry 0 instruction tokens (the study's accounting), in any version", () => {
    for (const preset of ["sst2", "samsum", "docvqa", "mitg"] as const) {
      expect(presetScenario(preset).instructionTokens).toBe(0);
      expect(parsed(`v=1&preset=${preset}`).instructionTokens).toBe(0);
      expect(parsed(`v=2&preset=${preset}`).instructionTokens).toBe(0);
    }
  });

  it("a v=1 custom link decodes as before (0 instruction tokens); v=2 and a link without v default to 287", () => {
    expect(parsed("v=1&preset=custom").instructionTokens).toBe(0);
    expect(parsed("v=1&preset=custom&n=5000&in=80").instructionTokens).toBe(0);
    expect(parsed("v=2&preset=custom").instructionTokens).toBe(287);
    expect(parsed("preset=custom").instructionTokens).toBe(287);
    expect(parsed("v=1&preset=custom&instr=120").instructionTokens).toBe(120);
    // Everything else of a v=1 custom link is what it always was.
    expect({ ...parsed("v=1&preset=custom"), instructionTokens: 287 }).toEqual(presetScenario("custom"));
  });

  it("the codec writes v=2 for custom scenarios and keeps a v=1 link's meaning when it rewrites it", () => {
    expect(serializeScenario(presetScenario("custom"))).toBe("v=2&preset=custom");
    expect(serializeScenario(parsed("v=1&preset=custom"))).toBe("v=2&preset=custom&instr=0");
    expect(parsed(serializeScenario(parsed("v=1&preset=custom&n=5000"))).instructionTokens).toBe(0);
    // Study presets read the same in both versions, so their links stay byte-identical.
    expect(serializeScenario(presetScenario("samsum"))).toBe("v=1&preset=samsum");
    expect(serializeScenario(parsed("preset=samsum&instr=300"))).toBe("v=1&preset=samsum&instr=300");
  });

  it("bad values name the field, what was received and what is allowed", () => {
    // v=3 exists since issue #17 (today's setup); v=4 does not.
    const r = parseScenario("instr=-5&v=4");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: "instr", received: "-5", allowed: "a number from 0 to 1000000" }),
      expect.objectContaining({ field: "v", received: "4", allowed: "an integer from 1 to 3" }),
    ]));
    expect(r.fallback.instructionTokens).toBe(0);
  });
});

describe("instruction tokens in the costs (hand calculations; Table 22 prices)", () => {
  // Custom classification defaults: ℓin = 50, ℓout = 1; DP-ICL E = 10, s = 4; GPT-3 Davinci $2/1M.
  it("DP-ICL: $51.00 per 10k queries in a v=1 custom link, $108.40 in v=2 (287 tokens on each of 10 calls)", () => {
    // v=1: input 10 × (4 × 51 + 50) = 2,540, output 10 → 2,550 × $2/1M × 10,000 = $51.00.
    // v=2: input 2,540 + 10 × 287 = 5,410, output 10 → 5,420 × $2/1M × 10,000 = $108.40.
    expect(estimateCostRow(parsed("v=1&preset=custom"), "dp-icl", "gpt-3-davinci").queryCostUsd).toBeCloseTo(51.0, 9);
    const v2 = estimateCostRow(parsed("v=2&preset=custom"), "dp-icl", "gpt-3-davinci");
    expect(v2.queryCostUsd).toBeCloseTo(108.4, 9);
    expect(v2.breakdown.stages[0]!.formula).toMatch(/\+ 287 instruction tokens per call/);
    expect(v2.assumptions.join(" ")).toMatch(/287 instruction\/template tokens/);
  });

  it("every call of a prompt-based method carries them; DP-SGD methods send none", () => {
    const base = parsed("v=1&preset=custom");
    const withInstr = parsed("v=1&preset=custom&instr=100");
    for (const method of ["dp-icl", "prompt-pate", "dp-fewshotgen", "dp-opt", "prompt-pate-gen"] as const) {
      const a = methodWork(method, base);
      const b = methodWork(method, withInstr);
      for (const [x, y] of [...a.perQuery.map((c, i) => [c, b.perQuery[i]!] as const), ...a.training.flatMap((c, i) => (c.kind === "llm-calls" ? [[c, b.training[i]!] as const] : []))]) {
        expect(y.kind === "llm-calls" && y.inputTokens - x.inputTokens).toBeCloseTo(100 * x.calls, 6);
      }
    }
    // DP-OPT's local search: 40 candidates × 205 meta-prompts × 39 tokens, each pass + 100 tokens.
    const search = (s: Scenario) => { const t = methodWork("dp-opt", s).training[0]!; return t.kind === "local-forward" ? t.tokens : NaN; };
    expect(search(withInstr) - search(base)).toBeCloseTo(40 * 205 * 39 * 100, 3);
    for (const method of ["prompt-dpsgd", "private-lora", "dp-finetune"] as const) {
      expect(methodWork(method, withInstr).perQuery[0]!.inputTokens).toBe(methodWork(method, base).perQuery[0]!.inputTokens);
    }
  });
});
