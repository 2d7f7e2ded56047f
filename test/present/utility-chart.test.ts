/** @jest-environment node */
/**
 * Chart (c), utility against ε (audit finding 11): the chart draws the same curve the rows read,
 * its title's kind word is the row's, its numbers are formatted like the table's, and an option
 * whose plan cannot run is neither the winner nor drawn.
 *
 * Oracles: the study's printed cells (Hanke et al. 2024, Table 3 and Table 23), hand
 * interpolations written out below, and the rows of estimate() (the chart must agree with them).
 */
import { estimate, formatUtility, parseScenario, presentEstimate, type Estimate } from "@/lib";
import { utilityChart } from "@/lib/present";

function est(query: string): Estimate {
  const parsed = parseScenario(query);
  if (!parsed.ok) throw new Error(`bad test query ${query}: ${JSON.stringify(parsed.errors)}`);
  return estimate(parsed.scenario);
}

const rowKeyOf = (r: { method: string; model: string }) => `${r.method}|${r.model}`;

/** The value a series shows at ε, or undefined when it has no point there. */
const valueAt = (chart: ReturnType<typeof utilityChart>, key: string, eps: number) => chart.series.find((s) => s.key === key)?.points.find((p) => p.epsilon === eps)?.value;

describe("Trec at ε = 0.5 (the audit's case)", () => {
  const e = est("preset=trec&eps=0.5");
  const c = utilityChart(e);

  test("the title's winner is drawn, at its row's value, with the row's kind word", () => {
    // Table 23, Trec: 87.6 at ε = 0.3 and 93.2 at ε = 0.7; at ε = 0.5, halfway: (87.6 + 93.2)/2 = 90.4.
    expect(c.title).toBe("At ε = 0.5, PrivateLoRA on Vicuna 7B has the highest interpolated accuracy: 90.4%");
    expect(valueAt(c, "private-lora|vicuna-7b", 0.5)).toBeCloseTo(90.4, 10);
    // PrivateLoRA is drawn on Vicuna 7B, the model with a value at your ε, not a model measured only at ε = 8.
    expect(c.series.filter((s) => s.method === "private-lora").map((s) => s.model)).toEqual(["vicuna-7b"]);
  });

  test("every drawn series that has a point at your ε shows its row's value there", () => {
    let compared = 0;
    for (const s of c.series) {
      const row = e.rows.find((r) => rowKeyOf(r) === s.key)!;
      const at = valueAt(c, s.key, 0.5);
      expect(at ?? null).toBe(row.utility.value);
      if (at !== undefined) compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });

  test("options whose plan cannot run are not drawn, and the description says which were left out", () => {
    const infeasible = e.rows.filter((r) => !r.feasible);
    expect(infeasible.length).toBeGreaterThan(0); // PromptPATE cannot run at ε = 0.5 here (else this proves nothing)
    for (const r of infeasible) expect(c.series.some((s) => s.key === rowKeyOf(r))).toBe(false);
    expect(c.description).toMatch(/Not drawn \(cannot run at ε = 0\.5\): .*PromptPATE on GPT-3 Babbage, PromptPATE on Claude 2\.1/);
  });
});

describe("Trec at ε = 8: chart and row agree on Table 3's cell", () => {
  const e = est("preset=trec&eps=8");
  const c = utilityChart(e);
  test("PrivateLoRA on Vicuna 7B shows 97.3 (Table 3), not Table 23's 97.4, in the title, the data and the table", () => {
    expect(c.title).toBe("At ε = 8, PrivateLoRA on Vicuna 7B has the highest measured accuracy: 97.3%");
    expect(valueAt(c, "private-lora|vicuna-7b", 8)).toBe(97.3);
    const tableRow = c.table.rows.find((r) => r[0] === "PrivateLoRA · Vicuna 7B" && r[1] === "8");
    expect(tableRow?.[2]).toBe("97.3% ± 0.1");
  });

  test("an infeasible row (row.feasible false) is never the title's winner and is not drawn", () => {
    // The contract: claims read row.feasible. Mark the winner infeasible (as a data or context
    // requirement would) and the next best, Llama3-8B Instruct's 96.8 (Table 3), takes the title.
    const rows = e.rows.map((r) => (rowKeyOf(r) === "private-lora|vicuna-7b" ? { ...r, feasible: false, infeasibleReasons: ["test: a requirement is unmet"] } : r));
    const c2 = utilityChart({ ...e, rows });
    expect(c2.title).toBe("At ε = 8, PrivateLoRA on Llama3-8B Instruct has the highest measured accuracy: 96.8%");
    expect(c2.series.some((s) => s.key === "private-lora|vicuna-7b")).toBe(false);
    expect(c2.description).toMatch(/Not drawn \(cannot run at ε = 8\): PrivateLoRA on Vicuna 7B/);
  });
});

describe("PromptPATE's plateau in the chart", () => {
  test("on Claude 2.1 at ε = 50 the chart claims no accuracy (Table 3 ran it at ε < 0.3 only)", () => {
    const c = utilityChart(est("preset=sst2&eps=50&closed=claude-2.1"));
    expect(c.title).not.toMatch(/PromptPATE/);
    expect(c.title).toMatch(/^The study has no accuracy for these options at ε = 50/);
  });

  test("on GPT-3 Babbage at ε = 3 a plateau winner is called a reference, not measured (Table 3 88.8; Fig. 2)", () => {
    // Only PromptPATE on Babbage and PrivateLoRA on Pythia 160M (80.4 at ε = 8 only) compared.
    const e = est("preset=sst2&eps=3&methods=prompt-pate,private-lora&closed=gpt-3-babbage&open=pythia-160m");
    const c = utilityChart(e);
    const row = e.rows.find((r) => r.method === "prompt-pate")!;
    expect(row.utility).toMatchObject({ value: 88.8, kind: "reference", basis: "plateau" });
    expect(row.feasible).toBe(true); // the premise: PromptPATE's 300 public queries fit ε = 3 here
    expect(c.title).toBe("At ε = 3, PromptPATE on GPT-3 Babbage has the highest accuracy: 88.8%, a reference (its ε < 0.3 value, flat to ε = 8 in Fig. 2), not measured at this ε");
    expect(valueAt(c, "prompt-pate|gpt-3-babbage", 3)).toBe(88.8);
    expect(c.series.find((s) => s.method === "prompt-pate")?.points.find((p) => p.epsilon === 3)?.kind).toBe("plateau");
  });

  test("the table cell of a plateau value says reference, not measured", () => {
    const p = presentEstimate(est("preset=sst2&eps=3&methods=prompt-pate&closed=gpt-3-babbage&open=pythia-160m"));
    expect(p.table.rows[0]!.cells.utilityKind.text).toBe("reference (plateau, Fig. 2)");
  });
});

describe("numbers in the chart's text are formatted like the table's", () => {
  test("title and data table use formatUtility", () => {
    const e = est("preset=sst2&eps=2");
    const c = utilityChart(e);
    // Table 23, SST2: 93.5 at ε = 1 and 94.4 at ε = 3; at ε = 2: 93.95, formatted to one decimal.
    expect(c.title).toBe(`At ε = 2, PrivateLoRA on Vicuna 7B has the highest interpolated accuracy: ${formatUtility(93.95, "%")}`);
    for (const r of c.table.rows) expect(r[2]).toMatch(/^\d+\.\d%( ± [\d.]+)?$/);
  });
});

describe("the summary's most accurate measured option", () => {
  test("is never a plateau reference: at Mpqa, ε = 2 PromptPATE on GPT-3 Babbage's 79.0 was run at ε < 0.3 (Table 3), not measured at 2", () => {
    const e = est("preset=mpqa&eps=2");
    expect(e.rows.find((r) => r.method === "prompt-pate" && r.model === "gpt-3-babbage")).toMatchObject({ feasible: true, utility: { value: 79.0, kind: "reference", basis: "plateau" } });
    const p = presentEstimate(e);
    expect(p.summary.mostAccurate?.text).not.toMatch(/PromptPATE/);
    // Nothing is printed at ε = 2; PrivateLoRA on Vicuna 7B is interpolated between Table 23's ε = 1
    // (82.1) and ε = 3 (87.6): (82.1 + 87.6) / 2 = 84.85, which is 84.8499… in binary, so "84.8%".
    // The card says it is interpolated, not measured (audit finding 11: it says what it used).
    expect(p.summary.mostAccurate?.text).toBe("PrivateLoRA on Vicuna 7B: Accuracy 84.8% (interpolated in ε between the study's measurements, not itself measured; Hanke et al. 2024, Table 23)");
  });
});
