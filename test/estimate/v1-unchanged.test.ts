/** @jest-environment node */
/**
 * v=1 links that do not use the deployment keys estimate exactly as before them.
 *
 * Oracle: test/fixtures/deploy/v1-estimates-before.json, recorded by running the projection below
 * on the code before `hosted`, `closedOnOpen` and `dp-fewshotgen.generator` existed (commit
 * 016b0e6). It holds each row's costs, its stages and its leakage counts and statuses; a change to
 * any of them for these links is a change of what an old link means.
 *
 * One deliberate correction since: PromptPATE on Claude 2.1 is priced at the 10-token answers its
 * code allows (PromptPATE/prompts_anthropic/teacher.py; issue #14 finding 7, SST2 query $5.52 per
 * 10k vs the paper's $5.36), so that pair's four cost figures were re-recorded; nothing else changed.
 * Then the GPU-hour model was rebuilt and validated out of sample (issue #15): both fixtures were
 * re-recorded in that merge, after checking that only the cost figures of rows with a GPU stage
 * changed (every API row, every stage list and every ledger entry was identical). Re-recorded again
 * with the same check when the GPU model's decoding time became per layer and the study's
 * classification presets served in float32 (issue #15's leave-one-out work, test/cost/GPU-MODEL.md):
 * 130 rows with a GPU stage changed cost figures here and 13 in the price-override fixture; nothing else.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { estimateCosts } from "@/lib/cost";
import { leakageDefinedFor, leakageFor } from "@/lib/leakage";
import { parseScenario } from "@/lib/scenario";

const before = JSON.parse(readFileSync(path.join(__dirname, "../fixtures/deploy/v1-estimates-before.json"), "utf8")) as Record<string, unknown>;

function project(link: string) {
  const p = parseScenario(link);
  if (!p.ok) throw new Error(link);
  const s = p.scenario;
  const c = estimateCosts(s);
  return {
    skipped: c.skipped.map((k) => `${k.method}@${k.model}`),
    rows: c.rows.map((r) => {
      const l = leakageDefinedFor(r.method, r.model) ? leakageFor(s, r.method, r.model) : null;
      return {
        pair: `${r.method}@${r.model}`, llm: r.llm,
        trainingCostUsd: r.trainingCostUsd, queryCostUsd: r.queryCostUsd, totalCostUsd: r.totalCostUsd, queryCostUsdPerQuery: r.queryCostUsdPerQuery,
        stages: r.breakdown.stages.map((st) => `${st.kind}:${st.phase}:${st.id}:${st.model}`),
        leakage: l && { deployment: l.deployment, provider: l.provider, A: l.channels.A.status, B: l.channels.B.status, records: l.trainingRecordsToProvider, queryCopies: l.queryCopiesToProvider, querySends: l.querySendsToProvider },
      };
    }),
  };
}

describe("old v=1 links estimate as before the deployment keys", () => {
  it.each(Object.keys(before))("%s", (link) => {
    // JSON drops -0 and keeps numbers exact, so a JSON round trip compares like with like.
    expect(JSON.parse(JSON.stringify(project(link)))).toEqual(before[link]);
  });

  it("the fixture covers the study presets, a custom one and a closed-model price override", () => {
    expect(Object.keys(before)).toEqual(expect.arrayContaining(["v=1", "v=1&preset=samsum", "v=1&preset=docvqa", "v=1&preset=samsum&price.gpt-4-turbo=5,15"]));
  });
});

/**
 * Old links that priced an open model (`price.<open model>`) keep every cost: the override already
 * meant per-token pricing. Oracle: test/fixtures/deploy/price-override-costs-before.json, the
 * projection below run on commit 016b0e6. Only their ledger changes (local → hosted, finding 2).
 */
describe("old links with a price on an open model keep their costs and now read as hosted", () => {
  const costsBefore = JSON.parse(readFileSync(path.join(__dirname, "../fixtures/deploy/price-override-costs-before.json"), "utf8")) as Record<string, unknown>;
  it.each(Object.keys(costsBefore))("%s", (link) => {
    const p = parseScenario(link);
    if (!p.ok) throw new Error(link);
    const rows = estimateCosts(p.scenario).rows;
    const now = rows.map((r) => ({ pair: `${r.method}@${r.model}`, trainingCostUsd: r.trainingCostUsd, queryCostUsd: r.queryCostUsd, totalCostUsd: r.totalCostUsd, stages: r.breakdown.stages.map((st) => `${st.kind}:${st.phase}:${st.id}:${st.model}:${st.usd}`) }));
    expect(JSON.parse(JSON.stringify(now))).toEqual(costsBefore[link]);
    for (const r of rows) {
      const priced = p.scenario.priceOverrides[r.model] !== undefined && r.llm === "open";
      if (priced) expect(leakageFor(p.scenario, r.method, r.model).deployment).toBe("hosted");
    }
  });
});
