/** @jest-environment node */
/**
 * The memos added for issue #15's speed target (test/bench/RESULTS.md): memory checks per
 * (model, GPU, batch shape) in lib/cost/estimate.ts and the "reported elsewhere" notes in
 * lib/utility/reported.ts. A memo may change only the time, never an answer.
 *
 * Oracles: (1) the same computation in a fresh module registry (jest.isolateModules), where every
 * memo is cold — the uncached path; (2) the memory-check functions of lib/cost/gpu-model.ts called
 * directly, without the memo; (3) the estimate hashes recorded before the memos
 * (test/estimate/estimate-corpus*.test.ts, unchanged).
 */
import { estimateCosts, methodWork, type MemoryCheck } from "@/lib/cost";
import { checkInferenceMemory, checkTrainingMemory } from "@/lib/cost/gpu-model";
import { parseScenario, type Scenario } from "@/lib/scenario";
import { reportedElsewhereNote } from "@/lib/utility/reported";
import type * as CostModule from "@/lib/cost";
import type * as ReportedModule from "@/lib/utility/reported";
import { DATASETS, METHOD_IDS, MODELS, type DatasetId, type MethodId, type ModelId } from "@/lib/scenario";

const scenario = (query: string): Scenario => {
  const p = parseScenario(query);
  if (!p.ok) throw new Error(`${query}: ${JSON.stringify(p.errors)}`);
  return p.scenario;
};

const QUERIES = ["v=3", "v=1", "v=3&gpu=h100", "v=3&serving=8", "v=3&preset=samsum", "v=1&preset=docvqa&gpu=l4", "v=1&preset=sst2&open=mixtral-8x7b"];

/** estimateCosts in a registry of its own: every module-level memo starts empty. */
function coldCosts(query: string, serving?: "batched"): string {
  let json = "";
  jest.isolateModules(() => {
    const cost = jest.requireActual("../../lib/cost") as typeof CostModule;
    json = JSON.stringify(cost.estimateCosts(scenario(query), serving ? { serving } : {}));
  });
  return json;
}

describe("memory-check memo", () => {
  it("gives the cold (uncached) rows once warm, for each scenario, sequential and batched", () => {
    for (const q of QUERIES) {
      for (const serving of [undefined, "batched" as const]) {
        const cold = coldCosts(q, serving);
        estimateCosts(scenario(q), serving ? { serving } : {}); // warm this registry's memo
        expect(JSON.stringify(estimateCosts(scenario(q), serving ? { serving } : {}))).toBe(cold);
      }
    }
  });

  it("each row's memory checks are ones gpu-model's functions give called directly (no memo)", () => {
    const s = scenario("v=3&gpu=l4");
    let checked = 0;
    for (const row of estimateCosts(s).rows) {
      // Every memory check the row's work could ask for, computed without the memo.
      const work = methodWork(row.method, s, {}, row.model);
      const direct: MemoryCheck[] = [];
      for (const item of [...work.training, ...work.perQuery]) {
        if (item.kind === "dp-sgd") direct.push(checkTrainingMemory(item.localModel ?? row.model, item.trainable, s.gpu, { task: s.task, impl: item.impl, ...(item.loraRank !== undefined ? { loraRank: item.loraRank } : {}) }));
        else if (item.kind === "local-forward") direct.push(checkInferenceMemory(item.localModel ?? row.model, s.gpu));
        else if (MODELS[item.runsOn ?? row.model].llm === "open") direct.push(checkInferenceMemory(item.runsOn ?? row.model, s.gpu));
      }
      for (const m of row.breakdown.gpu?.memory ?? []) {
        expect(direct).toContainEqual(m);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("shares frozen checks: a consumer cannot alter another row's (or a later estimate's) check", () => {
    const rows = estimateCosts(scenario("v=3")).rows;
    const m = rows.flatMap((r) => r.breakdown.gpu?.memory ?? [])[0]!;
    expect(Object.isFrozen(m)).toBe(true);
    expect(() => {
      (m as { fits: boolean }).fits = !m.fits;
    }).toThrow(TypeError);
  });

  it("stays right past its bound (512 entries): 600 batch shapes, then the first again, equal the cold path", () => {
    // Batched serving keys the check by context length: 600 token lengths are 600 keys per model.
    const base = scenario("v=3&serving=8&methods=private-lora&open=pythia-1b");
    const first = JSON.stringify(estimateCosts({ ...base, inTokens: 10 }).rows.map((r) => r.breakdown.gpu?.memory));
    for (let t = 11; t < 611; t++) estimateCosts({ ...base, inTokens: t });
    expect(JSON.stringify(estimateCosts({ ...base, inTokens: 10 }).rows.map((r) => r.breakdown.gpu?.memory))).toBe(first);
    let cold = "";
    jest.isolateModules(() => {
      const cost = jest.requireActual("../../lib/cost") as typeof CostModule;
      cold = JSON.stringify(cost.estimateCosts({ ...base, inTokens: 10 }).rows.map((r) => r.breakdown.gpu?.memory));
    });
    expect(first).toBe(cold);
  });
});

describe("reported-elsewhere note memo", () => {
  it("gives, warm, the note a fresh module writes cold, for every method × dataset (and none) × model", () => {
    const datasets: (DatasetId | null)[] = [null, ...(Object.keys(DATASETS) as DatasetId[])];
    const models = Object.keys(MODELS) as ModelId[];
    const cold = new Map<string, string | null>();
    jest.isolateModules(() => {
      const fresh = jest.requireActual("../../lib/utility/reported") as typeof ReportedModule;
      for (const m of METHOD_IDS as readonly MethodId[]) for (const d of datasets) for (const x of models) cold.set(`${m}|${d}|${x}`, fresh.reportedElsewhereNote(m, d, x));
    });
    let notes = 0;
    for (let pass = 0; pass < 2; pass++) {
      for (const m of METHOD_IDS as readonly MethodId[]) for (const d of datasets) for (const x of models) {
        const note = reportedElsewhereNote(m, d, x);
        if (note !== cold.get(`${m}|${d}|${x}`)) throw new Error(`pass ${pass}: ${m} ${d} ${x}: ${note} ≠ ${cold.get(`${m}|${d}|${x}`)}`);
        if (note !== null) notes++;
      }
    }
    // Not vacuous: some methods have authors' results (DPZero, POST, Aug-PE), so notes exist.
    expect(notes).toBeGreaterThan(0);
  });
});
