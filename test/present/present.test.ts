/** @jest-environment node */
/**
 * lib/present: what the page shows, as data.
 *
 * Oracles: the engines' own estimate() (the presentation must carry exactly their numbers), the
 * study's printed numbers where the scenario is the study's (Hanke et al. 2024, Table 4: DP-ICL on
 * GPT-3 Davinci, SAMSum, $665.91 per 10,000 queries, ROUGE-L 31.8; PrivateLoRA on BART-Large
 * ROUGE-L 39.1), the definition of Pareto optimality, and papaparse reading back the CSV.
 */
import fc from "fast-check";
import Papa from "papaparse";
import {
  PRESET_IDS, estimate, parseScenario, presentEstimate, sortRows, type Estimate, type EstimateRow, type PresetId,
} from "@/lib";
import { paretoFront, tableToCsv } from "@/lib/present";

function est(query: string): Estimate {
  const parsed = parseScenario(query);
  if (!parsed.ok) throw new Error(`bad test query ${query}: ${JSON.stringify(parsed.errors)}`);
  return estimate(parsed.scenario);
}

const KNOWN = "preset=samsum&methods=dp-icl,private-lora&closed=gpt-3-davinci&open=bart-large&accountant=rdp";

describe("presentEstimate for the study's SAMSum setup", () => {
  const e = est(KNOWN);
  const p = presentEstimate(e);

  test("one table row per estimate row, carrying the engine's numbers", () => {
    expect(p.table.caption).toBe("Comparison of methods");
    expect(p.table.rows.map((r) => r.key)).toEqual(["dp-icl|gpt-3-davinci", "private-lora|bart-large"]);
    p.table.rows.forEach((r, i) => {
      expect(r.cells.total.value).toBe(e.rows[i]!.totalCostUsd);
      expect(r.cells.training.value).toBe(e.rows[i]!.trainingCostUsd);
    });
    // Hanke et al. 2024, Table 4: $665.91 per 10,000 queries, no training.
    expect(p.table.rows[0]!.cells.total.text).toBe("$665.91");
    expect(p.table.rows[0]!.cells.training.text).toBe("$0");
    expect(p.table.rows[0]!.cells.utility.text).toBe("31.8 ± 0.3");
    expect(p.table.rows[1]!.cells.utility.text).toBe("39.1 ± 0.2");
  });

  test("every cost cell has its formula one hover away", () => {
    for (const r of p.table.rows) {
      expect(r.cells.training.source).toBeTruthy();
      expect(r.cells.query.source).toMatch(/=/);
      expect(r.cells.total.source).toMatch(/^Total = training \+ queries/);
      expect(r.cells.epsilon.text).toMatch(/^\d/);
      expect(r.cells.accountant.text).toMatch(/^(RDP|PRV)/);
      expect(r.cells.epsilon.source).toMatch(/accountant/);
    }
  });

  test("chart (b) draws one line per method and marks their break-even", () => {
    const c = p.charts.costVsQueries;
    expect(c.series.map((s) => s.key)).toEqual(["dp-icl|gpt-3-davinci", "private-lora|bart-large"]);
    expect(c.series.every((s) => s.totalUsd.length === c.queries.length)).toBe(true);
    expect(c.breakEven).toHaveLength(1);
    // By hand from the study's Table 4, which the rows now show as measured (issue #15): DP-ICL costs
    // $665.91 per 10,000 queries and nothing up front; PrivateLoRA on BART-Large $2.90 training +
    // $0.69 for 10,000 queries = $3.59. Ratio 665.91 / 3.59 = 185.49 → "185×" (whole multiples above
    // 100). Break-even: 2.90 = q · (665.91 − 0.69) / 10,000 → q = 43.59 → 44 queries.
    expect(p.table.rows.map((r) => [r.cells.training.text, r.cells.query.text, r.cells.total.text])).toEqual([["$0", "$665.91", "$665.91"], ["$2.90", "$0.690", "$3.59"]]);
    expect(c.title).toBe("Open PrivateLoRA is 185× cheaper than DP-ICL at 10,000 queries; it pays off from 44 queries");
  });

  test("the other charts state their conclusion from the data", () => {
    expect(p.charts.costSplit.bars).toHaveLength(2);
    expect(p.charts.utility.series.map((s) => s.method)).toEqual(["dp-icl", "private-lora"]);
    expect(p.charts.utility.title).toBe("At ε = 8, PrivateLoRA on BART-Large (XSum) has the highest measured ROUGE-L: 39.1");
    expect(p.charts.leakage.bars.map((b) => [b.label, b.leakClass])).toEqual([["DP-ICL → OpenAI", "exposed"], ["PrivateLoRA (local)", "none"]]);
    expect(p.charts.pareto.front).toEqual(["private-lora|bart-large"]);
    expect(p.charts.pareto.title).toBe("1 of 2 options is on the cost–ROUGE-L front; it leaks nothing to the provider");
  });

  test("the summary names the cheapest, the most accurate measured and the leak-free options", () => {
    // The study's own setup: its measured $2.90 + $0.69 = $3.59 (paper Table 4), not a model estimate.
    expect(p.summary.cheapest?.text).toBe("PrivateLoRA on BART-Large (XSum): $3.59 for training and 10,000 queries");
    // Table 4: PrivateLoRA on BART-Large ROUGE-L 39.1 beats DP-ICL on Davinci 31.8, both measured at ε = 8.
    expect(p.summary.mostAccurate?.text).toBe("PrivateLoRA on BART-Large (XSum): ROUGE-L 39.1 (measured at ε = 8; Hanke et al. 2024, Table 4)");
    expect(p.summary.leakNothing.text).toBe("PrivateLoRA, on local open models (1 of 2 options).");
  });

  test("a presentation computed with RDP for a PRV scenario says so", () => {
    const q = parseScenario(KNOWN.replace("&accountant=rdp", ""));
    if (!q.ok) throw new Error("parse");
    const rdp = presentEstimate(estimate({ ...q.scenario, accountant: "rdp" }), { requestedAccountant: "prv" });
    expect(rdp.accountant).toEqual({ requested: "prv", computed: "rdp" });
  });
});

describe("CSV", () => {
  test("exactly the table's rows in the order given, unformatted numbers, units in the header", () => {
    const p = presentEstimate(est(KNOWN));
    const rows = sortRows(p.table.rows, { column: "total", direction: "ascending" });
    const [header, ...body] = Papa.parse<string[]>(tableToCsv(p.table, rows)).data;
    expect(header).toEqual([
      "Method", "LLM", "Model", "Training cost (USD)", "Query cost, 10,000 queries (USD)", "Total cost (USD)", "ε achieved", "ε accountant",
      "ROUGE-L in the study (points)", "Kind of figure", "Private records sent to provider", "Copies of each query sent to provider", "Provider receives",
    ]);
    expect(body.map((r) => r[0])).toEqual(rows.map((r) => r.cells.method.text));
    const t = header!.indexOf("Total cost (USD)");
    body.forEach((r, i) => expect(Number(r[t])).toBe(rows[i]!.cells.total.value));
  });

  test("an unknown price is an empty CSV cell, and the table says how to fix it, never $0", () => {
    // DP-ICL builds nothing before the first query, so its training cost is a known $0 even without a price.
    const p = presentEstimate(est("closed=gpt-5&methods=dp-icl&accountant=rdp"));
    const row = p.table.rows.find((r) => r.model === "gpt-5")!;
    expect(row.cells.total.value).toBeNull();
    expect(row.cells.total.text).toBe("no price — set price.gpt-5");
    const [header, ...body] = Papa.parse<string[]>(tableToCsv(p.table)).data;
    const gpt5 = body.find((r) => r[2] === "GPT-5")!;
    expect(gpt5[header!.indexOf("Total cost (USD)")]).toBe("");
    expect(p.charts.costSplit.table.rows.find((r) => r[0] === "DP-ICL · GPT-5")).toEqual(["DP-ICL · GPT-5", "$0", "no price — set price.gpt-5", "no price — set price.gpt-5"]);
  });
});

describe("sortRows", () => {
  const p = presentEstimate(est("methods=dp-icl,private-lora&closed=gpt-5,gpt-3-babbage&open=pythia-160m&accountant=rdp"));
  test("unknown values sort last in both directions", () => {
    for (const direction of ["ascending", "descending"] as const) {
      const sorted = sortRows(p.table.rows, { column: "total", direction });
      expect(sorted.at(-1)!.cells.total.value).toBeNull();
      const known = sorted.filter((r) => r.cells.total.value !== null).map((r) => r.cells.total.value as number);
      expect(known).toEqual([...known].sort((a, b) => (direction === "ascending" ? a - b : b - a)));
    }
  });
  test("no sort keeps the table order", () => {
    expect(sortRows(p.table.rows, null).map((r) => r.key)).toEqual(p.table.rows.map((r) => r.key));
  });
});

describe("paretoFront", () => {
  const point = fc.record({ key: fc.uuid(), costUsd: fc.double({ min: 0.01, max: 1e6, noNaN: true }), utility: fc.double({ min: 0, max: 100, noNaN: true }) });
  test("no front point is dominated, and every other point is dominated by a front point (definition)", () => {
    fc.assert(fc.property(fc.uniqueArray(point, { selector: (p) => p.key, maxLength: 30 }), (points) => {
      const front = new Set(paretoFront(points));
      const dominates = (a: typeof points[number], b: typeof points[number]) =>
        (a.costUsd <= b.costUsd && a.utility >= b.utility) && (a.costUsd < b.costUsd || a.utility > b.utility);
      for (const p of points) {
        const dominated = points.some((q) => q !== p && dominates(q, p));
        if (front.has(p.key)) expect(dominated).toBe(false);
        else expect(points.some((q) => front.has(q.key) && (dominates(q, p) || (q.costUsd === p.costUsd && q.utility === p.utility)))).toBe(true);
      }
    }), { numRuns: 200 });
  });
  test("the worked example", () => {
    expect(paretoFront([{ key: "a", costUsd: 1, utility: 90 }, { key: "b", costUsd: 2, utility: 80 }, { key: "c", costUsd: 3, utility: 95 }])).toEqual(["a", "c"]);
  });
});

describe("no NaN, no $0 for an unknown, a title for every chart", () => {
  test("across presets, ε, queries and price sets", () => {
    fc.assert(fc.property(
      fc.constantFrom(...PRESET_IDS),
      fc.constantFrom(0.1, 0.5, 1, 3, 8, 50),
      fc.constantFrom(1, 100, 10000, 1e7),
      fc.constantFrom("paper-2024-05", "current"),
      (preset: PresetId, eps: number, queries: number, prices: string) => {
        const p = presentEstimate(est(`preset=${preset}&eps=${eps}&queries=${queries}&prices=${prices}&accountant=rdp`));
        const json = JSON.stringify(p);
        expect(json).not.toMatch(/NaN|Infinity|undefined/);
        for (const c of Object.values(p.charts)) expect(c.title.length).toBeGreaterThan(10);
        for (const r of p.table.rows) {
          for (const id of ["training", "query", "total"] as const) {
            const v = r.cells[id].value;
            if (v === null) expect(r.cells[id].text).toMatch(/^no price/);
            else {
              // Read the text back as a reader would: it must be a dollar figure within its shown rounding of the value
              // (cents from $1, whole dollars from $1,000, 3 significant digits below $1). A modelled GPU cost
              // reads "≈ $13 ($9–$19)" (issue #15): the point figure is read the same way.
              const text = r.cells[id].text.replace(/^≈ /, "").replace(/ \(\$[^)]*\)$/, "");
              expect(text).toMatch(/^\$(\d{1,3}(,\d{3})*(\.\d+)?|\d(\.\d+)?e-?\d+)$/);
              const shown = Number(text.replace(/[$,]/g, ""));
              const v0 = v as number;
              const tolerance = v0 === 0 ? 0 : v0 >= 1000 ? 0.5 : v0 >= 1 ? 0.005 : v0 * 0.005 + 1e-12;
              expect(Math.abs(shown - v0)).toBeLessThanOrEqual(tolerance * (1 + 1e-9));
            }
          }
        }
      },
    ), { numRuns: 25 });
  });
});

describe("infeasible methods are shown, never recommended", () => {
  // At ε = 0.1 and 1,000,000 queries some methods cannot run their workload (oracle: the
  // methods' own feasibility in estimate().privacy).
  const e = est("eps=0.1&queries=1000000&accountant=rdp");
  const infeasible = new Set(e.rows.filter((r) => !r.feasible).map((r) => r.method));
  const p = presentEstimate(e);

  test("the scenario has infeasible methods (else this test proves nothing)", () => {
    expect(infeasible.size).toBeGreaterThan(0);
  });
  test("the table keeps them, marked", () => {
    const rows = p.table.rows.filter((r) => infeasible.has(r.method));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.feasible).toBe(false);
      expect(r.cells.epsilon.text).toMatch(/^infeasible/);
    }
  });
  test("the summary, chart (b) and the Pareto chart leave them out", () => {
    // The card names a retired model with its mark (issue #17): "… on GPT-3 Babbage (retired 2026-10-23): …".
    const cheapestMethod = p.table.rows.find((r) => /^(.+?) on (.+?)(?: \((?:retired|deprecated)[^)]*\))?: /.exec(p.summary.cheapest!.text)?.slice(1, 3).join("|") === `${r.cells.method.text}|${r.cells.model.text}`)!;
    expect(infeasible.has(cheapestMethod.method)).toBe(false);
    expect(p.charts.costVsQueries.series.some((s) => infeasible.has(s.method))).toBe(false);
    expect(p.charts.pareto.points.some((pt) => infeasible.has(pt.method))).toBe(false);
    expect(p.charts.costVsQueries.description).toMatch(/Left out \(infeasible at ε = 0\.1\)/);
  });
});

describe("cards and cost titles read row.feasible, and say what their figures are (audit finding 11)", () => {
  const e = est("eps=1&accountant=rdp");
  const p = presentEstimate(e);

  test("the cheapest card names its option; the options left out are said beside the cards (issue #19)", () => {
    // At ε = 1 on SST2, PromptPATEGen misses the target on every model (it achieves ε ≈ 5.19); DP-FewShotGen on
    // Babbage is the cheapest that runs: $0.126 to generate demonstrations + $0.869 for 10,000 queries = $0.996.
    // Issue #17: GPT-3 Babbage (babbage-002) was shut down by OpenAI on 2026-10-23, so the card says so.
    // Inside the card the left-out sentence still read as if it were about the card's option.
    expect(p.summary.cheapest?.text).toBe("DP-FewShotGen on GPT-3 Babbage (retired 2026-10-23): $0.996 for training and 10,000 queries");
    expect(p.summary.notCompared).toBe("Left out of these answers: PromptPATEGen cannot run as planned at ε = 1 (the table marks its rows).");
  });

  test("a row that cannot run for a reason other than privacy (row.feasible false, privacy feasible) is left out of the cards and the cost titles", () => {
    // Simulate a context-window failure of the cheapest option: its privacy is fine, its row is not.
    const cheapestKey = "dp-fewshotgen|gpt-3-babbage";
    const rows: EstimateRow[] = e.rows.map((r) => (`${r.method}|${r.model}` === cheapestKey ? { ...r, feasible: false, infeasibleReasons: ["a prompt exceeds GPT-3 Babbage's context window"] } : r));
    expect(rows.find((r) => `${r.method}|${r.model}` === cheapestKey)?.privacy.feasible).toBe(true);
    const q = presentEstimate({ ...e, rows });
    expect(q.summary.cheapest?.text).not.toMatch(/^DP-FewShotGen on GPT-3 Babbage/);
    expect(q.summary.notCompared).toBe("Left out of these answers: DP-FewShotGen and PromptPATEGen cannot run as planned at ε = 1 (the table marks their rows).");
    expect(q.charts.costSplit.title).not.toMatch(/^DP-FewShotGen on GPT-3 Babbage/);
    expect(q.charts.costVsQueries.series.map((x) => x.key)).not.toContain(cheapestKey);
    expect(q.table.rows.find((r) => r.key === cheapestKey)).toBeDefined(); // still in the table
  });

  test("the cheapest card and the cost-split title name the same option at the same rounded total, whatever the scenario", () => {
    // Two views of one figure: "X on Y: $Z for training…" and "X on Y costs least in total: $Z; …".
    for (const query of ["accountant=rdp", "eps=1&accountant=rdp", "eps=0.5&methods=dp-icl,prompt-pate,prompt-pate-gen&accountant=rdp", "preset=samsum&eps=3&accountant=rdp", "preset=docvqa&accountant=rdp"]) {
      const v = presentEstimate(est(query));
      const card = /^(.+?): (\$[\d,.e-]+) for training/.exec(v.summary.cheapest?.text ?? "");
      const title = /^(.+?) costs least in total: (\$[\d,.e-]+)/.exec(v.charts.costSplit.title);
      expect(card).not.toBeNull();
      expect([title?.[1], title?.[2]]).toEqual([card?.[1], card?.[2]]);
    }
  });

  test("the most-accurate card compares measured figures only while any exists, and never calls another kind measured", () => {
    // SAMSum, Table 4: PrivateLoRA on BART-Large 39.1 and DP-ICL on Davinci 31.8, both measured. A higher
    // non-measured figure (an interpolation of 99) must not win over them.
    const base = est(KNOWN);
    const withInterpolated = { ...base, rows: base.rows.map((r) => (r.method === "dp-icl" ? { ...r, utility: { ...r.utility, kind: "interpolated" as const, value: 99, spread: null } } : r)) };
    const a = presentEstimate(withInterpolated).summary.mostAccurate?.text;
    expect(a).toBe("PrivateLoRA on BART-Large (XSum): ROUGE-L 39.1 (measured at ε = 8; Hanke et al. 2024, Table 4). Only measured figures are compared; the table lists the others.");
    // With no measured figure at all, the card names the interpolated one as such, and the word "measured" never qualifies it.
    const allInterpolated = { ...base, rows: base.rows.map((r) => ({ ...r, utility: { ...r.utility, kind: "interpolated" as const, spread: null } })) };
    const b = presentEstimate(allInterpolated).summary.mostAccurate?.text;
    expect(b).toBe("PrivateLoRA on BART-Large (XSum): ROUGE-L 39.1 (interpolated in ε between the study's measurements, not itself measured; Hanke et al. 2024, Table 4)");
  });
});
