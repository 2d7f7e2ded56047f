/** @jest-environment node */
import { estimateFromInput } from "@/lib/estimate";
import { leakageChart } from "@/lib/present/charts";

function chartOf(link: string) {
  const r = estimateFromInput(link);
  if (!r.ok) throw new Error(`${link}: ${JSON.stringify(r.errors)}`);
  return leakageChart(r.estimate);
}

describe("the leakage chart's title follows where the open models run (finding 2)", () => {
  it("local open models only: nothing reaches a provider", () => {
    expect(chartOf("preset=samsum&methods=private-lora&closed=&open=vicuna-7b").title).toBe("Nothing reaches a provider: every option runs on a local open model");
  });

  it("the audit's hosted Vicuna: the title names the host and never says 'local'", () => {
    const chart = chartOf("preset=samsum&methods=private-lora&closed=&open=vicuna-7b&price.vicuna-7b=0.2,0.2");
    expect(chart.title).toBe("No raw private record reaches a provider, but every query reaches the host of Vicuna 7B for PrivateLoRA");
    expect(chart.bars.map((b) => b.label)).toEqual(["PrivateLoRA → the host of Vicuna 7B"]);
    expect(chart.bars[0]?.querySends).toBe(10000);
  });

  it("hosted PromptPATEGen: the host receives 100 of the 14,732 records (100 teachers × 1 shot)", () => {
    const chart = chartOf("preset=samsum&methods=prompt-pate-gen&closed=&open=vicuna-7b&hosted=vicuna-7b");
    expect(chart.title).toMatch(/^PromptPATEGen sends .* of the 14,732 private records to the host of Vicuna 7B/);
    expect(chart.bars[0]?.records).toBe(100);
  });
});

describe("the comparison table says where an open model runs", () => {
  it("hosted Vicuna is 'served by a host', local Pythia 'run locally'", async () => {
    const { tableRow } = await import("@/lib/present/table");
    const r = estimateFromInput("preset=samsum&methods=private-lora&closed=&open=pythia-1b,vicuna-7b&hosted=vicuna-7b");
    if (!r.ok) throw new Error("link refused");
    const byModel = new Map(r.estimate.rows.map((row) => [row.model, tableRow(row)]));
    expect(byModel.get("vicuna-7b")?.cells.model.source).toMatch(/^Open model, served by a host;/);
    expect(byModel.get("vicuna-7b")?.cells.llm.source).toBe("Adapts an open model served by the host of Vicuna 7B");
    expect(byModel.get("pythia-1b")?.cells.model.source).toMatch(/^Open model, run locally;/);
  });
});

describe("what the provider sees, in words", () => {
  it("names the DP artefact a provider or host receives besides the queries", async () => {
    const { providerSees } = await import("@/lib/present/table");
    const r = estimateFromInput("preset=samsum&methods=dp-opt,dp-fewshotgen,private-lora&closed=gpt-3-davinci&open=vicuna-7b,pythia-1b&hosted=vicuna-7b&dp-fewshotgen.generator=pythia-1b");
    if (!r.ok) throw new Error("link refused");
    const sees = new Map(r.estimate.rows.map((row) => [`${row.method}@${row.model}`, providerSees(row.leakage)]));
    expect(sees.get("dp-opt@gpt-3-davinci")).toBe("a DP instruction + queries");
    expect(sees.get("dp-fewshotgen@gpt-3-davinci")).toBe("DP demonstrations + queries");
    expect(sees.get("private-lora@vicuna-7b")).toBe("a DP-trained model + queries");
    expect(sees.get("private-lora@pythia-1b")).toBe("nothing");
  });
});
