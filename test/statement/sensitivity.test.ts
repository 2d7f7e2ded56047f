/**
 * @jest-environment node
 *
 * /statement prints what would change the answer (issue #18 item 2): the answer's sensitivity
 * (the page's tornado) as a table — input, range, the cost and the answer at each end — beside
 * the flips or the link that computes them. Oracle: lib/decide `analyseDecision` on the same
 * scenario, called directly (the bars the page's worker draws); the table must print its numbers.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { StatementView } from "@/app/statement/statement-view";
import { buildStatement } from "@/lib/api";
import { parseScenario } from "@/lib";
import { analyseDecision } from "@/lib/decide";
import { formatUsdOrMissing } from "@/lib/present/format";

jest.setTimeout(120_000);

const LINK = "preset=samsum&rank=cost&accountant=rdp";

function scenario(link: string) {
  const r = parseScenario(link);
  if (!r.ok) throw new Error("bad link");
  return r.scenario;
}

test("the table has one row per bar, with the cost and the answer at each end", () => {
  const want = analyseDecision(scenario(LINK), false).sensitivity;
  const t = buildStatement(LINK).decision.sensitivity;
  expect(t).not.toBeNull();
  expect(t?.columns).toEqual(["Input", "Range (source)", "Cost at the low end", "Answer at the low end", "Cost at the high end", "Answer at the high end"]);
  expect(t?.rows.length).toBe(want.bars.length);
  want.bars.forEach((b, i) => {
    const row = t?.rows[i] ?? [];
    expect(row[0]).toBe(b.label);
    expect(row[1]).toContain(b.range);
    expect(row[2]?.startsWith(formatUsdOrMissing(b.low.costUsd))).toBe(true);
    expect(row[4]?.startsWith(formatUsdOrMissing(b.high.costUsd))).toBe(true);
    // The answer at each end: today's is marked as such, another option is named.
    for (const [cell, end] of [[row[3], b.low], [row[5], b.high]] as const) {
      if (end.answer === null) expect(cell).toBe("nothing meets every must-have");
      else if (end.answer.method === want.option?.method && end.answer.model === want.option?.model) expect(cell).toMatch(/\(today's answer\)$/);
      else expect(cell).not.toMatch(/today's answer/);
    }
  });
  expect(t?.caption).toContain(`${want.option?.methodLabel} on ${want.option?.modelLabel}`);
});

test("the page prints it in a focusable scroll box under 'What would change the answer', with the Compute-them link", () => {
  const st = buildStatement(LINK);
  const html = renderToStaticMarkup(createElement(StatementView, { statement: st, origin: null }));
  const from = html.indexOf("What would change the answer");
  expect(from).toBeGreaterThan(0);
  const part = html.slice(from);
  expect(part).toMatch(/^What would change the answer<\/h3><div class="[^"]*" role="region" aria-label="[^"]+" tabindex="0"><table/);
  for (const row of st.decision.sensitivity?.rows ?? []) expect(part).toContain(`<th scope="row">${row[0]}</th>`);
  expect(part).toContain("flips=1");
  // 375 px: the box scrolls sideways rather than the page (app/statement/statement.module.css).
  const css = readFileSync(join(__dirname, "..", "..", "app", "statement", "statement.module.css"), "utf8");
  expect(css).toMatch(/\.scrollBox \{[^}]*overflow-x: auto/);
});

test("with nothing meeting every must-have there is no answer to move: no table", () => {
  const st = buildStatement("protect=A,B&maxCost=0.01&accountant=rdp");
  expect(st.decision.answer).toBeNull();
  expect(st.decision.sensitivity).toBeNull();
});

test("flips=1: the flips beside the same table", () => {
  const plain = buildStatement(LINK).decision.sensitivity;
  const st = buildStatement(`${LINK}&flips=1`);
  expect(st.decision.flips?.length).toBeGreaterThan(0);
  expect(st.decision.sensitivity).toEqual(plain);
});
