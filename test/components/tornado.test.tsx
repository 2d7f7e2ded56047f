/**
 * "What would change the answer" (issue #18): the tornado chart and the flip thresholds panel.
 *
 * The panel is given the real analysis (components/calculator/engine-core.ts `analyseDecision`,
 * what the worker runs), never a canned one. Oracles:
 * - the default scenario's hand calculation (test/decide/sensitivity.test.ts): PrivateLoRA on
 *   Llama3-8B costs GPU-hours only, $28.38 at $0.69/h, so $20.57 at $0.50/h and $85.14 at $2.07/h
 *   (Hanke et al. 2024, Table 22's A40 range), the widest swing;
 * - the thresholds listed are `findFlips` of the same scenario (with RDP), called directly;
 * - the chart draws one dot per flip marker and one bar segment per end with a known cost.
 */
import "./jsdom-polyfills";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { estimate, findFlips, parseScenario } from "../helpers/lib-internals";
import { analyseDecision } from "@/components/calculator/engine-core";
import { SUPERSEDED, type DecisionAnalysis } from "@/components/calculator/protocol";
import { WhatWouldChangeView } from "@/components/results/what-would-change";

jest.setTimeout(120000);

function recordingAnalyse() {
  const calls: { query: string; flips: boolean }[] = [];
  const analyse = (query: string, flips: boolean): Promise<DecisionAnalysis> => {
    calls.push({ query, flips });
    return new Promise((resolve, reject) => setTimeout(() => {
      try {
        resolve(analyseDecision(query, flips));
      } catch (e) {
        reject(e);
      }
    }, 0));
  };
  return { calls, analyse };
}

const flipsOf = (query: string) => {
  const r = parseScenario(query);
  if (!r.ok) throw new Error("bad link");
  return findFlips({ ...r.scenario, accountant: "rdp" });
};

test("the tornado chart of the answer's cost, sorted by swing, with a data table", async () => {
  const { calls, analyse } = recordingAnalyse();
  const { container } = render(<WhatWouldChangeView query="" hasAnswer analyse={analyse} auto />);
  const fig = await screen.findByRole("heading", { name: /moves the cost of PrivateLoRA on Llama3-8B Instruct most/ }, { timeout: 60000 });
  expect(fig.textContent).toBe("GPU price moves the cost of PrivateLoRA on Llama3-8B Instruct most: by $64.57 over its range"); // 85.14 − 20.57
  expect(calls).toEqual([{ query: "", flips: false }]);
  // Drawn: one rectangle per end whose cost differs from today's (a zero-length segment draws nothing).
  const figure = container.querySelector('figure[data-chart="tornado"]') as HTMLElement;
  await waitFor(() => expect(figure.querySelector("svg.recharts-surface")).not.toBeNull(), { timeout: 30000 });
  const sens = analyseDecision("", false).sensitivity;
  const segments = sens.bars.flatMap((b) => [b.low.costUsd, b.high.costUsd]).filter((c) => c !== null && c !== sens.baseCostUsd).length;
  expect(segments).toBeGreaterThan(4);
  await waitFor(() => expect(figure.querySelectorAll(".recharts-bar-rectangle path").length).toBe(segments), { timeout: 30000 });
  // The text alternative: open the data table (jsdom does not toggle <details> on a click).
  const details = figure.querySelector("details.chart-data") as HTMLDetailsElement;
  act(() => {
    details.open = true;
    details.dispatchEvent(new Event("toggle"));
  });
  const rows = within(figure).getAllByRole("row").slice(1);
  expect(rows[0]?.textContent).toContain("GPU price");
  expect(rows[0]?.textContent).toContain("$20.57");
  expect(rows[0]?.textContent).toContain("$85.14");
  expect(rows[0]?.textContent).toContain("Table 22");
  expect(rows.map((r) => r.querySelector("th")?.textContent)).toEqual(expect.arrayContaining(["Query volume", "Private records N", "Token lengths", "ε (privacy budget)"]));
});

test("Find the thresholds: pending, then the flips in text and as dots on the bars", async () => {
  const { calls, analyse } = recordingAnalyse();
  const query = "preset=samsum&rank=cost";
  const { container } = render(<WhatWouldChangeView query={query} hasAnswer analyse={analyse} auto />);
  await screen.findByRole("heading", { name: /moves the cost of/ }, { timeout: 60000 });
  fireEvent.click(screen.getByRole("button", { name: "Find the thresholds" }));
  expect(screen.getByRole("button", { name: "Find the thresholds" })).toBeDisabled();
  expect(container.textContent).toContain("Solving by bisection on the same engine");
  const expected = flipsOf(query);
  expect(expected.length).toBeGreaterThan(0);
  await waitFor(() => expect(container.querySelectorAll("ul.flips li")).toHaveLength(expected.length), { timeout: 90000 });
  expect([...container.querySelectorAll("ul.flips li")].map((li) => li.textContent)).toEqual(expected.map((f) => f.sentence));
  expect(calls.at(-1)).toEqual({ query, flips: true });
  expect(screen.getByRole("button", { name: "Find the thresholds" })).not.toBeDisabled();
  // Dots: one per marker lib placed within a bar's range.
  const analysis = analyseDecision(query, true);
  expect(analysis.markers.length).toBeGreaterThan(0);
  await waitFor(() => expect(container.querySelectorAll(".flip-marker").length).toBe(analysis.markers.filter((m) => m.costUsd !== null).length), { timeout: 30000 });
});

test("nothing qualifies: no tornado is asked for, and the thresholds say where an answer appears", async () => {
  const { calls, analyse } = recordingAnalyse();
  // PromptDPSGD on BART-Large costs $2.13 here, above the $2 budget; at 1,000 queries it costs
  // $1.77 (test/decide/sensitivity.test.ts's brute force), so fewer queries give an answer.
  const query = "preset=samsum&rank=cost&maxCost=2";
  const parsed = parseScenario(query);
  expect(parsed.ok && estimate({ ...parsed.scenario, accountant: "rdp" }).decision.answer).toBeNull();
  const { container } = render(<WhatWouldChangeView query={query} hasAnswer={false} analyse={analyse} auto />);
  expect(container.textContent).toContain("Nothing meets every must-have, so there is no answer whose cost to move");
  await act(() => new Promise((r) => setTimeout(r, 600)));
  expect(calls).toEqual([]);
  expect(container.querySelector('figure[data-chart="tornado"]')).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "Find the thresholds" }));
  const expected = flipsOf(query);
  expect(expected.some((f) => f.input === "queries" && f.sentence.startsWith("Below about"))).toBe(true);
  await waitFor(() => expect(container.textContent).toMatch(/becomes the answer/), { timeout: 90000 });
  expect([...container.querySelectorAll("ul.flips li")].map((li) => li.textContent)).toEqual(expected.map((f) => f.sentence));
});

test("a new scenario drops the old one's thresholds", async () => {
  const { analyse } = recordingAnalyse();
  const { container, rerender } = render(<WhatWouldChangeView query="preset=samsum&rank=cost" hasAnswer analyse={analyse} auto />);
  await screen.findByRole("heading", { name: /moves the cost of/ }, { timeout: 60000 });
  fireEvent.click(screen.getByRole("button", { name: "Find the thresholds" }));
  await waitFor(() => expect(container.querySelectorAll("ul.flips li").length).toBeGreaterThan(0), { timeout: 90000 });
  rerender(<WhatWouldChangeView query="preset=samsum&rank=cost&q=20000" hasAnswer analyse={analyse} auto />);
  expect(container.querySelectorAll("ul.flips li")).toHaveLength(0);
});

test("a search superseded by a newer scenario's ends its pending state (the button comes back)", async () => {
  let rejectIt: (e: Error) => void = () => {};
  const analyse = (_q: string, flips: boolean) => (flips ? new Promise<DecisionAnalysis>((_r, reject) => { rejectIt = reject; }) : new Promise<DecisionAnalysis>(() => {}));
  render(<WhatWouldChangeView query="preset=samsum" hasAnswer={false} analyse={analyse} auto />);
  fireEvent.click(screen.getByRole("button", { name: "Find the thresholds" }));
  expect(screen.getByRole("button", { name: "Find the thresholds" })).toBeDisabled();
  await act(async () => rejectIt(new Error(SUPERSEDED)));
  expect(screen.getByRole("button", { name: "Find the thresholds" })).not.toBeDisabled();
});

test("on the page's own thread (no Web Worker) nothing runs unasked; a button draws the chart", async () => {
  const { calls, analyse } = recordingAnalyse();
  const { container } = render(<WhatWouldChangeView query="" hasAnswer analyse={analyse} auto={false} />);
  await act(() => new Promise((r) => setTimeout(r, 600)));
  expect(calls).toEqual([]);
  fireEvent.click(screen.getByRole("button", { name: "Draw the cost sensitivity" }));
  await screen.findByRole("heading", { name: /moves the cost of PrivateLoRA on Llama3-8B Instruct most/ }, { timeout: 60000 });
  expect(calls).toEqual([{ query: "", flips: false }]);
  expect(container.querySelector('figure[data-chart="tornado"]')).not.toBeNull();
});
