/** @jest-environment node */
import { COST_LABEL_TEXT, reproduceView } from "@/lib/present";

const view = reproduceView();
const row = (table: string, method: string, model: string) => {
  const r = view.costs.find((c) => c.table === table && c.method === method && c.model === model);
  if (!r) throw new Error(`no row Table ${table} ${method} ${model}`);
  return r;
};

describe("/reproduce cost rows (oracle: the labels pinned in test/cost/reproduction.test.ts)", () => {
  it("uses only the four labels, and never the old unsupported ones", () => {
    const texts = new Set(Object.values(COST_LABEL_TEXT));
    for (const c of view.costs) {
      expect(Object.keys(COST_LABEL_TEXT)).toContain(c.labelTraining);
      expect(Object.keys(COST_LABEL_TEXT)).toContain(c.labelQuery);
      expect(c.explanation).not.toMatch(/paper inconsistency|GPU model fit|paper-facts|method-mechanics|evidently/);
    }
    expect(texts.size).toBe(4);
  });

  it("an exact cell explains nothing; any other cell names each part's label", () => {
    const davinci = row("4", "DP-ICL", "GPT-3 Davinci");
    expect([davinci.labelTraining, davinci.labelQuery, davinci.explanation]).toEqual(["exact", "exact", ""]);
    const claude = row("3", "PromptPATE (ε < 0.3)", "Claude 2.1");
    expect(claude.explanation).toMatch(/^Training: unexplained — .*Queries: privadapt's model residual — .*10-token maximum/);
  });

  it("DP-FewShotGen on MIT (an API cell) is the token model's residual, not a GPU fit", () => {
    const c = row("6", "DP-FewShotGen", "GPT-3 Davinci");
    expect([c.labelTraining, c.labelQuery]).toEqual(["residual", "residual"]);
    expect(c.explanation).toMatch(/token model/);
    expect(c.explanation).not.toMatch(/GPU/);
  });

  it("the summary counts the 106 figures of the 53 cells by label", () => {
    // Hand count of the PINS in test/cost/reproduction.test.ts, 53 cells × (training, query):
    // exact = 10 zero training figures (DP-ICL ×8, 0-shot, ICL) + DP-ICL SAMSum Davinci's query in
    // Tables 1 and 4 + the GPU model's two queries within half a cent (PrivateLoRA Pythia 1B SAMSum
    // $1.0003 vs $1.00, Pythia 410M MIT $0.5002 vs $0.50) = 14; documented = BART Table 1 ×2 + DP-OPT's query = 3; unexplained = DP-ICL
    // queries ×5, 0-shot, ICL, PromptPATE Babbage ×4, Claude training, DP-FewShotGen SST2 ×2 = 14;
    // residual = 106 − 14 − 3 − 14 = 75.
    expect(view.costs).toHaveLength(53);
    expect(view.costSummary).toMatch(/^Of the 106 cost figures \(training and queries of 53 cells\), 14 match to the cent; 3 differ where the paper contradicts itself \(cited\); 75 are residuals of privadapt's own model .*; 14 differ/);
  });
});
