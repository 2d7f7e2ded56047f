/** @jest-environment node */
/**
 * Issue #16, "one home per method": a method is one file. A hypothetical DP zeroth-order method
 * (test/fixtures/methods/dp-zeroth.ts, after DP-ZO, arXiv:2401.04343) is declared in its own file
 * and registered by one line in lib/methods/list.ts (below: jest.mock adds the line), plus its id
 * and summary in the share-link catalogue (lib/scenario/catalog.ts METHOD_IDS/METHODS, which the
 * link's zod schema reads). No other lib file is edited, and it gets a full estimate row — cost,
 * privacy/budget, leakage, feasibility, utility `none`, style — through the public estimate().
 *
 * The test fails if a lib module still switches on method ids: a switch with no default, or a
 * table keyed by the eight ids, returns undefined (or throws) for `dp-zeroth`, and the row then
 * lacks a number checked below.
 *
 * Oracles: the privacy numbers against lib/privacy's accountant run directly on the fixture's
 * event (an independent path: no registry, no memo); the cost's tokens by hand (written out below);
 * the utility against the study's tables, which have no zeroth-order method (Hanke et al. 2024,
 * Tables 3–6).
 */
import { DP_ZEROTH_BATCH, DP_ZEROTH_CATALOG_ENTRY, DP_ZEROTH_ID, DP_ZEROTH_STEPS } from "../fixtures/methods/dp-zeroth";

jest.mock("../../lib/methods/list", () => {
  const actual = jest.requireActual<typeof import("../../lib/methods/list")>("../../lib/methods/list");
  const fixture = jest.requireActual<typeof import("../fixtures/methods/dp-zeroth")>("../fixtures/methods/dp-zeroth");
  return { METHOD_LIST: [...actual.METHOD_LIST, fixture.dpZeroth] };
});

// After the mocks: every lib module below sees the extended lists.
import { comparisonTable, computeEpsilon, costVsQueriesChart, dpSgdEvent, estimateFromInput, leakageChart, METHOD_DESCRIPTORS, METHOD_IDS, parseScenario } from "../helpers/lib-internals";

const LINK = `preset=samsum&methods=${DP_ZEROTH_ID},private-lora&closed=&open=pythia-1b&prices=paper-2024-05&gpu=a40&gpuPrice=0.69&queries=10000`;

function run(link = LINK) {
  const r = estimateFromInput(link);
  if (!r.ok) throw new Error(`the link did not parse: ${JSON.stringify(r.errors)}`);
  return r.estimate;
}

describe("a throwaway method declared in one file gets a full estimate row", () => {
  it("the schema's method enum and the registry read the extended lists", () => {
    expect(METHOD_IDS).toContain(DP_ZEROTH_ID);
    expect(METHOD_DESCRIPTORS[DP_ZEROTH_ID]?.label).toBe(DP_ZEROTH_CATALOG_ENTRY.label);
    const parsed = parseScenario(`preset=samsum&methods=${DP_ZEROTH_ID}&open=pythia-1b`);
    expect(parsed.ok && parsed.scenario.methods).toEqual([DP_ZEROTH_ID]);
  });

  const e = run();
  const row = e.rows.find((r) => r.method === DP_ZEROTH_ID);

  it("has one row on the open model, beside a real method's", () => {
    expect(e.rows.map((r) => [r.method, r.model])).toEqual([["private-lora", "pythia-1b"], [DP_ZEROTH_ID, "pythia-1b"]]); // the catalogue's order: the new id is last
    expect(row?.methodLabel).toBe(DP_ZEROTH_CATALOG_ENTRY.label);
  });

  it("privacy: σ calibrated to the target, ε checked by lib/privacy's accountant on the fixture's own event", () => {
    const p = row!.privacy;
    // SAMSum N = 14,732 (Table 14): q = 64 / 14,732.
    expect(p.samplingRate).toBeCloseTo(DP_ZEROTH_BATCH / 14732, 12);
    expect(p.budget).toEqual({ unit: "steps", planned: DP_ZEROTH_STEPS, allowed: null });
    expect(p.feasible).toBe(true);
    expect(p.noiseMultiplier).toBeGreaterThan(0);
    // Independent path: compose the subsampled Gaussian directly at σ, with the accountant the result names.
    const direct = computeEpsilon(dpSgdEvent(p.noiseMultiplier!, p.samplingRate, DP_ZEROTH_STEPS), e.scenario.delta, p.accountant === "rdp" ? { accountant: "rdp", orders: "default" } : { accountant: "prv", epsError: 0.01 }).epsilon;
    expect(p.epsilon!).toBeLessThanOrEqual(e.scenario.epsilon * (1 + 1e-9));
    expect(Math.abs(direct - p.epsilon!) / p.epsilon!).toBeLessThan(0.02);
    expect(p.requirements?.map((r) => [r.id, r.met])).toEqual([["batch", true]]);
  });

  it("cost: the fixture's forward passes and queries priced on the local GPU", () => {
    const training = row!.breakdown.stages.find((s) => s.id === "zeroth-order-steps");
    const query = row!.breakdown.stages.find((s) => s.id === "answer");
    expect(training?.kind).toBe("gpu");
    expect(query?.kind).toBe("gpu");
    // Hand count: 2 passes × 1,000 steps × 64 records = 128,000 forward passes.
    expect(training?.formula).toMatch(/^2 × 1000 steps × 64 records; input ℓin \+ ℓout each; GPU: /);
    expect(row!.trainingCostUsd).toBeGreaterThan(0);
    expect(row!.queryCostUsd).toBeGreaterThan(0);
    expect(row!.totalCostUsd).toBeCloseTo(row!.trainingCostUsd! + row!.queryCostUsd!, 9);
    // DP-SGD-free work: no instruction tokens (SAMSum's preset has 0 anyway) and the fixture's own source.
    expect(row!.sources).toContain(DP_ZEROTH_CATALOG_ENTRY.source);
    // Not a study cell: no paper figure, and the GPU cost is the model's, with a range.
    expect(row!.paperFigure).toBeUndefined();
    expect(row!.costBasis).toBe("modelled");
  });

  it("leakage: local model, so nothing reaches a provider (A, B); channel C bounded by the achieved ε", () => {
    const l = row!.leakage!;
    expect(l).not.toBeNull();
    expect([l.deployment, l.provider, l.trainingRecordsToProvider, l.queryCopiesToProvider]).toEqual(["local", null, 0, 0]);
    expect(l.channels.C.status).toBe("protected");
    // A DP bound's membership test: TPR at each FPR is a number below 1.
    for (const p of l.hypothesisTest.points) expect(p.tprMax).toBeLessThan(1);
  });

  it("feasibility and utility: feasible; no measured utility (the study has no zeroth-order method)", () => {
    expect(row!.feasible).toBe(true);
    expect(row!.infeasibleReasons).toEqual([]);
    expect(row!.utility.kind).toBe("none");
    expect(row!.utility.value).toBeNull();
  });

  it("style, table, charts and decision take it without a method-specific line", () => {
    expect(METHOD_DESCRIPTORS[DP_ZEROTH_ID]!.style.marker).toBe("circle");
    // The comparison table and the cost and leakage charts (lib/present) carry a row for it.
    expect(JSON.stringify(comparisonTable(e))).toContain(DP_ZEROTH_CATALOG_ENTRY.label);
    expect(JSON.stringify(costVsQueriesChart(e))).toContain(DP_ZEROTH_ID);
    expect(JSON.stringify(leakageChart(e))).toContain(DP_ZEROTH_ID);
    expect(JSON.stringify(e.decision)).toContain(DP_ZEROTH_ID);
  });

  it("the whole estimate is JSON without NaN, Infinity or undefined holes", () => {
    const json = JSON.stringify(e);
    expect(json).not.toMatch(/NaN|Infinity/);
    expect(JSON.parse(json).rows).toHaveLength(2);
  });
});
