/**
 * The GPU cost band in the cost-vs-queries (break-even) chart (issue #15). Oracles:
 * - each row's own `costRange` (lib/cost/gpu-basis.ts: the sum of its stages' leave-one-out bands)
 *   at the scenario's 10,000 queries: the data table's range cell at 10,000 queries reads exactly
 *   that range, and the band is affine in q (training range + q × per-query range), so its two
 *   ends extended to 10,000 from the chart's first and last points give the same range;
 * - the band holds the line at every point (low ≤ total ≤ high);
 * - a measured or API-only cost has no band; the drawing has one shaded area per banded line.
 */
import "./jsdom-polyfills";
import { render, waitFor } from "@testing-library/react";
import { estimate, parseScenario, presentEstimate } from "@/lib";
import { formatUsd } from "@/lib/present/format";
import { ChartCanvas } from "@/components/charts/chart-canvas";

const est = (() => {
  const r = parseScenario("accountant=rdp");
  if (!r.ok) throw new Error("bad link");
  return estimate(r.scenario);
})();
const chart = presentEstimate(est).charts.costVsQueries;
const rowOf = (key: string) => est.rows.find((r) => `${r.method}|${r.model}` === key);

test("a band exactly where the row's cost has a range", () => {
  expect(chart.series.filter((s) => s.bandUsd).length).toBeGreaterThan(0);
  for (const s of chart.series) expect([s.key, s.bandUsd !== undefined]).toEqual([s.key, rowOf(s.key)?.costRange !== undefined]);
  expect(chart.description).toMatch(/Shaded bands: the range of a modelled or scaled GPU cost, the GPU-hour model's leave-one-out 10th–90th percentile error/);
  expect(chart.description).toMatch(/spot…on-demand price range is not in the band/);
});

test("the band holds the line, and at 10,000 queries it is the row's costRange", () => {
  expect(est.scenario.queries).toBe(10000);
  for (const s of chart.series.filter((x) => x.bandUsd)) {
    const band = s.bandUsd as { low: number[]; high: number[] };
    s.totalUsd.forEach((t, i) => {
      expect(band.low[i] as number).toBeLessThanOrEqual((t as number) + 1e-9);
      expect(band.high[i] as number).toBeGreaterThanOrEqual((t as number) - 1e-9);
    });
    const range = rowOf(s.key)?.costRange as { low: number; high: number };
    const n = chart.queries.length - 1;
    const [q0, qn] = [chart.queries[0] as number, chart.queries[n] as number];
    const at = (ends: number[]) => (ends[0] as number) + (((ends[n] as number) - (ends[0] as number)) * (10000 - q0)) / (qn - q0);
    expect(at(band.low)).toBeCloseTo(range.low, 6);
    expect(at(band.high)).toBeCloseTo(range.high, 6);
    const tableRow = chart.table.rows.find((r) => r[0] === `${s.label}: range`);
    const col = chart.table.columns.indexOf("10,000 queries");
    expect(tableRow?.[col]).toBe(`${formatUsd(range.low)}–${formatUsd(range.high)}`);
  }
});

test("the chart draws one shaded band per banded line, beside the lines", async () => {
  const { container } = render(<div style={{ width: 800 }}><ChartCanvas spec={{ kind: "costVsQueries", chart }} /></div>);
  await waitFor(() => expect(container.querySelectorAll(".recharts-line")).toHaveLength(chart.series.length), { timeout: 20000 });
  expect(container.querySelectorAll(".recharts-area.cost-band, .cost-band .recharts-area, g.cost-band").length).toBe(chart.series.filter((s) => s.bandUsd).length);
});
