/** @jest-environment node */
/**
 * Issue #16, "one home per method": a method is one file. A hypothetical DP zeroth-order method
 * (test/fixtures/methods/dp-zeroth.ts, after DP-ZO, arXiv:2401.04343) is declared in its own file,
 * catalogue row and share-link knob (`dp-zeroth.steps`, a default per dataset) included, and
 * registered by one line in lib/methods/list.ts (below: the only jest.mock adds the line). No
 * other file is edited or mocked: the catalogue (lib/scenario/catalog.ts), the knob tables
 * (lib/scenario/knobs.ts) and the link's zod schema read the list. It gets a place in the share
 * link and a full estimate row — cost, privacy/budget, leakage, feasibility, utility `none`,
 * style — through the public estimate().
 *
 * The test fails if a lib module still switches on method ids: a switch with no default, or a
 * table keyed by the eight ids, returns undefined (or throws) for `dp-zeroth`, and the row then
 * lacks a number checked below.
 *
 * Oracles: the privacy numbers against lib/privacy's accountant run directly on the fixture's
 * event (an independent path: no registry, no memo); the cost's tokens by hand (written out below);
 * the utility against the study's tables, which have no zeroth-order method (Hanke et al. 2024,
 * Tables 3–6); the knob's defaults, label and range against the fixture's card, written out.
 */
import { DP_ZEROTH_BATCH, DP_ZEROTH_ID, dpZerothCard } from "../fixtures/methods/dp-zeroth";

/** The card's SAMSum default for `dp-zeroth.steps` (its perDataset(1000, …, 500, …)): LINK's preset. */
const SAMSUM_STEPS = 500;

jest.mock("../../lib/methods/list", () => {
  const actual = jest.requireActual<typeof import("../../lib/methods/list")>("../../lib/methods/list");
  const fixture = jest.requireActual<typeof import("../fixtures/methods/dp-zeroth")>("../fixtures/methods/dp-zeroth");
  return { METHOD_LIST: [...actual.METHOD_LIST, fixture.dpZeroth] };
});

// After the mocks: every lib module below sees the extended lists.
import {
  comparisonTable, computeEpsilon, costVsQueriesChart, dpSgdEvent, estimateFromInput, formModel, KNOB_DEFAULT_NOTES, KNOB_SPECS, leakageChart, linkProblemView,
  METHOD_DESCRIPTORS, METHOD_IDS, METHODS, parseScenario, scenarioSchema, serializeScenario,
} from "../helpers/lib-internals";

const knobsOf = (scenario: unknown) => (scenario as { knobs: Record<string, Record<string, number>> }).knobs;

const LINK = `preset=samsum&methods=${DP_ZEROTH_ID},private-lora&closed=&open=pythia-1b&prices=paper-2024-05&gpu=a40&gpuPrice=0.69&queries=10000`;

function run(link = LINK) {
  const r = estimateFromInput(link);
  if (!r.ok) throw new Error(`the link did not parse: ${JSON.stringify(r.errors)}`);
  return r.estimate;
}

describe("a throwaway method declared in one file gets a full estimate row", () => {
  it("the catalogue, the knob tables, the schema's method enum and the registry read the extended list", () => {
    expect(METHOD_IDS.at(-1)).toBe(DP_ZEROTH_ID);
    expect(METHOD_DESCRIPTORS[DP_ZEROTH_ID]?.label).toBe("DP-ZO (throwaway)");
    expect(METHODS[DP_ZEROTH_ID]).toEqual({ id: "dp-zeroth", label: "DP-ZO (throwaway)", llm: "open", mechanism: "zeroth-order", summary: dpZerothCard.summary, source: dpZerothCard.source });
    expect(KNOB_SPECS[DP_ZEROTH_ID]).toEqual({ steps: { label: "Zeroth-order steps", unit: "steps", description: "Noisy steps T, each a Poisson batch of B records.", min: 1, max: 100000, integer: true } });
    expect(KNOB_DEFAULT_NOTES[DP_ZEROTH_ID]).toBe(dpZerothCard.defaultsNote);
    const parsed = parseScenario(`preset=samsum&methods=${DP_ZEROTH_ID}&open=pythia-1b`);
    expect(parsed.ok && parsed.scenario.methods).toEqual([DP_ZEROTH_ID]);
  });

  it("its knob is in the share link: per-dataset defaults, a set value, the canonical link", () => {
    // The card's defaults: 1,000 on SST2 (classification), 500 on SAMSum (generation).
    const sst2 = parseScenario(`preset=sst2&methods=${DP_ZEROTH_ID}&open=pythia-1b`);
    const samsum = parseScenario(`preset=samsum&methods=${DP_ZEROTH_ID}&open=pythia-1b`);
    expect(sst2.ok && knobsOf(sst2.scenario)[DP_ZEROTH_ID]).toEqual({ steps: 1000 });
    expect(samsum.ok && knobsOf(samsum.scenario)[DP_ZEROTH_ID]).toEqual({ steps: SAMSUM_STEPS });
    const set = parseScenario(`preset=samsum&methods=${DP_ZEROTH_ID}&open=pythia-1b&dp-zeroth.steps=250`);
    if (!set.ok) throw new Error(JSON.stringify(set.errors));
    expect(knobsOf(set.scenario)[DP_ZEROTH_ID]).toEqual({ steps: 250 });
    // The codec writes a set knob and omits a default one.
    expect(serializeScenario(set.scenario)).toContain("dp-zeroth.steps=250");
    expect(samsum.ok && serializeScenario(samsum.scenario)).not.toContain("dp-zeroth.steps");
    // The form shows its knob group with the card's label and note.
    const group = formModel().knobs.find((g) => g.method === DP_ZEROTH_ID);
    expect([group?.label, group?.note, group?.fields.map((f) => [f.key, f.label, f.min, f.max])]).toEqual(["DP-ZO (throwaway)", dpZerothCard.defaultsNote, [["dp-zeroth.steps", "Zeroth-order steps", 1, 100000]]]);
  });

  it("a bad value of its knob is a field error naming the knob, its label, what was received and what is allowed", () => {
    for (const [value, message] of [["0", "dp-zeroth.steps is out of range"], ["100001", "dp-zeroth.steps is out of range"], ["2.5", "dp-zeroth.steps must be a whole number"], ["abc", "dp-zeroth.steps is not a number"]] as const) {
      const p = parseScenario(`preset=samsum&methods=${DP_ZEROTH_ID}&dp-zeroth.steps=${value}`);
      expect(p.ok).toBe(false);
      if (p.ok) continue;
      expect(p.errors).toEqual([{ field: "dp-zeroth.steps", message, received: value, allowed: "an integer from 1 to 100000" }]);
      // The page and the statement say it with the method's and the knob's labels (lib/present/link-problem.ts).
      expect(linkProblemView(p.errors[0]!)).toMatchObject({ key: "dp-zeroth.steps", label: "DP-ZO (throwaway): Zeroth-order steps", received: value, allowed: "a whole number from 1 to 100,000" });
    }
    // The zod schema itself holds the knob's range: a scenario object with steps = 0 fails at that path.
    const ok = parseScenario(`preset=samsum&methods=${DP_ZEROTH_ID}`);
    if (!ok.ok) throw new Error("the default link did not parse");
    const bad = { ...ok.scenario, knobs: { ...ok.scenario.knobs, [DP_ZEROTH_ID]: { steps: 0 } } };
    const checked = scenarioSchema.safeParse(bad);
    expect(checked.success).toBe(false);
    expect(checked.error?.issues.map((i) => i.path.join("."))).toEqual(["knobs.dp-zeroth.steps"]);
    expect(scenarioSchema.safeParse(ok.scenario).success).toBe(true);
  });

  const e = run();
  const row = e.rows.find((r) => r.method === DP_ZEROTH_ID);

  it("has one row on the open model, beside a real method's", () => {
    expect(e.rows.map((r) => [r.method, r.model])).toEqual([["private-lora", "pythia-1b"], [DP_ZEROTH_ID, "pythia-1b"]]); // the catalogue's order: the new id is last
    expect(row?.methodLabel).toBe("DP-ZO (throwaway)");
  });

  it("privacy: σ calibrated to the target, ε checked by lib/privacy's accountant on the fixture's own event", () => {
    const p = row!.privacy;
    // SAMSum N = 14,732 (Table 14): q = 64 / 14,732.
    expect(p.samplingRate).toBeCloseTo(DP_ZEROTH_BATCH / 14732, 12);
    expect(p.budget).toEqual({ unit: "steps", planned: SAMSUM_STEPS, allowed: null });
    expect(p.feasible).toBe(true);
    expect(p.noiseMultiplier).toBeGreaterThan(0);
    // Independent path: compose the subsampled Gaussian directly at σ, with the accountant the result names.
    const direct = computeEpsilon(dpSgdEvent(p.noiseMultiplier!, p.samplingRate, SAMSUM_STEPS), e.scenario.delta, p.accountant === "rdp" ? { accountant: "rdp", orders: "default" } : { accountant: "prv", epsError: 0.01 }).epsilon;
    expect(p.epsilon!).toBeLessThanOrEqual(e.scenario.epsilon * (1 + 1e-9));
    expect(Math.abs(direct - p.epsilon!) / p.epsilon!).toBeLessThan(0.02);
    expect(p.requirements?.map((r) => [r.id, r.met])).toEqual([["batch", true]]);
  });

  it("cost: the fixture's forward passes and queries priced on the local GPU", () => {
    const training = row!.breakdown.stages.find((s) => s.id === "zeroth-order-steps");
    const query = row!.breakdown.stages.find((s) => s.id === "answer");
    expect(training?.kind).toBe("gpu");
    expect(query?.kind).toBe("gpu");
    // Hand count: 2 passes × 500 steps (the card's SAMSum default) × 64 records = 64,000 forward passes.
    expect(training?.formula).toMatch(/^2 × 500 steps × 64 records; input ℓin \+ ℓout each; GPU: /);
    expect(row!.trainingCostUsd).toBeGreaterThan(0);
    expect(row!.queryCostUsd).toBeGreaterThan(0);
    expect(row!.totalCostUsd).toBeCloseTo(row!.trainingCostUsd! + row!.queryCostUsd!, 9);
    // DP-SGD-free work: no instruction tokens (SAMSum's preset has 0 anyway) and the fixture's own source.
    expect(row!.sources).toContain(dpZerothCard.source);
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
    expect(JSON.stringify(comparisonTable(e))).toContain("DP-ZO (throwaway)");
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
