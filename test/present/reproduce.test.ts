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
    // Tables 1 and 4 + the GPU model's one query within half a cent (PrivateLoRA Pythia 1B SAMSum
    // $1.0023 vs $1.00) = 13; documented = BART Table 1 ×2 + DP-OPT's query = 3; unexplained = DP-ICL
    // queries ×5, 0-shot, ICL, PromptPATE Babbage ×4, Claude training, DP-FewShotGen SST2 ×2 = 14;
    // residual = 106 − 13 − 3 − 14 = 76.
    expect(view.costs).toHaveLength(53);
    expect(view.costSummary).toMatch(/^Of the 106 cost figures \(training and queries of 53 cells\), 13 match to the cent; 3 differ where the paper contradicts itself \(cited\); 76 are residuals of privadapt's own model .*; 14 differ/);
  });
});

describe("/reproduce GPU parts: measured, in sample, leave-one-out (issue #15)", () => {
  const part = (table: string, method: string, model: string, p: "training" | "query") => {
    const g = row(table, method, model).gpu.find((x) => x.part === p);
    if (!g) throw new Error(`no GPU ${p} on Table ${table} ${method} ${model}`);
    return g;
  };
  const figures = (g: ReturnType<typeof part>) => [g.measured, g.inSample, g.inSampleRatio, g.leaveOneOut, g.leaveOneOutRatio];

  it("Table 3 PromptDPSGD on RoBERTa-Large (oracle: Table 3 $7.59 / $0.40; test/cost/GPU-MODEL.md row 1–2)", () => {
    // GPU-MODEL.md: training $7.59, in sample $5.47 (0.72), leave-one-out $5.05 (0.67);
    // queries $0.40, in sample $0.43 (1.08), leave-one-out $0.43 (1.09); lib/cost/gpu-validation.generated.ts
    // $0.43026 and $0.434976. Query figures under $1 print to 3 digits.
    expect(figures(part("3", "PromptDPSGD", "RoBERTa-Large", "training"))).toEqual(["$7.59", "$5.47", "×0.72", "$5.05", "×0.67"]);
    expect(figures(part("3", "PromptDPSGD", "RoBERTa-Large", "query"))).toEqual(["$0.400", "$0.430", "×1.08", "$0.435", "×1.09"]);
    expect(part("3", "PromptDPSGD", "RoBERTa-Large", "training").notFitted).toBe("");
  });

  it("Table 4 PromptPATEGen on OpenLLaMA 13B is left out of the fit and says why (oracle: Table 4 $18.63 / $0.80; GPU-MODEL.md)", () => {
    // GPU-MODEL.md: training $18.63, in sample $5.97 (0.32), not fitted; queries $0.80, in sample $9.84 (12.29), not fitted.
    const t = part("4", "PromptPATEGen", "OpenLLaMA 13B", "training");
    const q = part("4", "PromptPATEGen", "OpenLLaMA 13B", "query");
    expect(figures(t)).toEqual(["$18.63", "$5.97", "×0.32", "not fitted", "—"]);
    expect(figures(q)).toEqual(["$0.800", "$9.84", "×12.29", "not fitted", "—"]);
    expect([t.leaveOneOutUsd, q.leaveOneOutUsd]).toEqual([null, null]);
    expect(t.notFitted).toMatch(/5\.7× \(SAMSum, Table 4: \$18\.63 vs \$3\.29\)/);
    expect(q.notFitted).toMatch(/one-at-a-time serving cannot be 10× cheaper/);
  });

  it("Table 5 DP-ICL run locally has one GPU part, its queries (oracle: Table 5 $0 training, $641.32 queries; GPU-MODEL.md)", () => {
    const c = row("5", "DP-ICL (run locally)", "OpenLLaMA 13B");
    expect(c.gpu.map((g) => g.part)).toEqual(["query"]);
    expect(figures(part("5", "DP-ICL (run locally)", "OpenLLaMA 13B", "query"))).toEqual(["$641.32", "$634.41", "×0.99", "$625.42", "×0.98"]);
  });

  it("Table 1's BART-Large reprint shows Table 4's measurement, the one the calculator uses (oracle: Table 4 $2.90 / $0.69 vs Table 1 $3.63 / $0.80)", () => {
    const t = part("1", "PrivateLoRA", "BART-Large (XSum)", "training");
    expect([t.measuredTable, t.measuredFrom, ...figures(t)]).toEqual(["4", "Table 4, PrivateLoRA on BART-Large (XSum)", "$2.90", "$2.42", "×0.84", "$2.35", "×0.81"]);
  });

  it("DP-OPT (original), an API cell, has one GPU part: its prompt search, measured by Table 3's DP-OPT (local) row (oracle: Table 3 $2.10; GPU-MODEL.md)", () => {
    // GPU-MODEL.md, Table 3 DP-OPT (local) Vicuna 7B training: $2.10, in sample $1.39 (0.66), leave-one-out $1.34 (0.64).
    const c = row("3", "DP-OPT (original)", "GPT-3 Davinci");
    expect(c.gpu.map((g) => g.part)).toEqual(["training"]);
    const t = part("3", "DP-OPT (original)", "GPT-3 Davinci", "training");
    expect([t.measuredFrom, ...figures(t)]).toEqual(["Table 3, DP-OPT (local) on Vicuna 7B", "$2.10", "$1.39", "×0.66", "$1.34", "×0.64"]);
  });

  it("every GPU part of every cost cell carries the measured figure and both estimates; API cells carry none but DP-OPT's prompt search", () => {
    // Hand count from GPU-MODEL.md's "Every cell" list ("all 71 of Tables 3–6"): Table 3, 8 cells × 2 = 16;
    // Table 4, 12 × 2 = 24; Table 5, DP-ICL run locally's query + 6 × 2 = 13; Table 6, 9 × 2 = 18; 71 in all.
    // Table 1 reprints two GPU cells (Llama3-8B SST2, BART-Large SAMSum) × 2 parts: 71 + 4 = 75; and
    // DP-OPT (original)'s training, the prompt search on a local GPU (Table 3): 76.
    let parts = 0;
    for (const c of view.costs) {
      // A part is a GPU part when it runs on a GPU and the study prints a non-zero figure for it.
      const dpOptSearch = c.runsOn === "api" && c.method.startsWith("DP-OPT");
      const expected = c.runsOn === "api"
        ? (dpOptSearch && c.paperTraining !== "$0" ? ["training"] : [])
        : [c.paperTraining !== "$0" ? "training" : null, c.paperQuery !== "$0" ? "query" : null].filter((x) => x !== null);
      expect(c.gpu.map((g) => g.part)).toEqual(expected);
      for (const g of c.gpu) {
        parts++;
        const where = `Table ${c.table} ${c.method} ${c.model} ${g.part}`;
        expect([where, Number.isFinite(g.measuredUsd) && g.measuredUsd > 0, Number.isFinite(g.inSampleUsd) && g.inSampleUsd > 0]).toEqual([where, true, true]);
        expect(g.inSampleRatio).toMatch(/^×\d+\.\d\d$/);
        if (g.leaveOneOutUsd === null) expect([where, g.leaveOneOut, g.leaveOneOutRatio, g.notFitted.length > 0]).toEqual([where, "not fitted", "—", true]);
        else expect([where, g.leaveOneOutRatio, g.notFitted]).toEqual([where, expect.stringMatching(/^×\d+\.\d\d$/), ""]);
        // Tables 3–6: the calculator shows the study's own figure for its own setup, to the cent.
        if (c.table !== "1") expect([where, g.measured, g.measuredTable]).toEqual([where, g.part === "training" ? c.paperTraining : c.paperQuery, c.table]);
        if (c.table !== "1" && !dpOptSearch) expect([where, g.measuredFrom]).toEqual([where, ""]);
      }
    }
    expect(parts).toBe(76);
  });
});
