/**
 * @jest-environment node
 *
 * /statement shows the same decision as the API and the CLI (issue #18). Oracle: `estimate()`
 * and `findFlips()` on the same link, called directly.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { StatementView } from "@/app/statement/statement-view";
import { buildStatement } from "@/lib/api";
import { estimate, parseScenario } from "@/lib";
import { findFlips } from "@/lib/decide";

function direct(link: string) {
  const r = parseScenario(link);
  if (!r.ok) throw new Error("bad link");
  return { est: estimate(r.scenario), scenario: r.scenario };
}

test("the statement's answer, runner-up and exclusions are the decision's, and the chosen option is the answer", () => {
  const link = "preset=custom&classes=10&n=20000&queries=1000000&eps=1&protect=A&maxCost=500&accountant=rdp";
  const { est } = direct(link);
  const st = buildStatement(link);
  expect(st.decision.answer).toBe(est.decision.answer?.sentence);
  expect(st.decision.runnerUp).toBe(est.decision.runnerUp?.sentence ?? null);
  expect(st.decision.excluded.length).toBe(est.decision.excluded.length);
  expect(st.chosen?.method).toBe(est.decision.answer?.method);
  expect(st.chosen?.model).toBe(est.decision.answer?.model);
  expect(st.decision.flips).toBeNull();
  expect(st.decision.flipsLink).toBe(`/statement?${est.canonical}&flips=1`);
});

test("nothing qualifies: no answer, and what to relax", () => {
  const link = "protect=A,B&maxCost=0.01&accountant=rdp";
  const { est } = direct(link);
  const st = buildStatement(link);
  expect(st.decision.answer).toBeNull();
  expect(st.decision.relax).toEqual(est.decision.relax.map((r) => r.sentence));
  expect(st.decision.relax.length).toBeGreaterThan(0);
});

test("flips=1 lists the flips findFlips finds", () => {
  const link = "preset=samsum&rank=cost&accountant=rdp";
  const { scenario } = direct(link);
  const st = buildStatement(`${link}&flips=1`);
  const flips = findFlips(scenario).map((f) => f.sentence);
  expect(flips.length).toBeGreaterThan(0);
  expect(st.decision.flips).toEqual(flips);
  expect(st.problems.warnings).toEqual([]);
});

test("the page shows the answer first, and a link to compute the flips", () => {
  const st = buildStatement("protect=A&accountant=rdp");
  const html = renderToStaticMarkup(createElement(StatementView, { statement: st, origin: null }));
  const headings = [...html.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1]);
  expect(headings[0]).toBe("answer");
  expect(html).toContain(String(st.decision.answer).replace(/&/g, "&amp;"));
  expect(html).toContain("flips=1");
});

test("the statement carries the chosen option's re-derive snippets, with the stated ε", () => {
  const st = buildStatement("v=1&accountant=rdp&method=private-lora&model=vicuna-7b");
  expect(st.chosen?.method).toBe("private-lora");
  const opacus = st.rederive?.snippets.find((x) => x.library === "opacus" && x.figure === "epsilon");
  const stated = direct("v=1&accountant=rdp").est.privacy.find((p) => p.method === "private-lora")?.epsilon;
  expect(opacus?.ours).toBe(stated);
  const html = renderToStaticMarkup(createElement(StatementView, { statement: st, origin: null }));
  expect(html).toContain("Re-derive ε and σ yourself");
  expect(html).toContain("from opacus.accountants import RDPAccountant");
});
