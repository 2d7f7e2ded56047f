/** @jest-environment node */
/**
 * Properties tying cost and ledger to one deployment (findings 2 and 8), over random scenarios
 * with random hosted models, closed-LLM methods on open models and DP-FewShotGen generators.
 */
import fc from "fast-check";
import { estimateCosts, methodWork } from "@/lib/cost";
import { leakageFor } from "@/lib/leakage";
import { CLOSED_METHOD_IDS, FEWSHOTGEN_GENERATORS, OPEN_MODEL_IDS, deploymentOf, type Scenario } from "@/lib/scenario";
import { scenarioArb } from "../scenario/arbitraries";

const withDeployment: fc.Arbitrary<Scenario> = fc
  .tuple(scenarioArb, fc.subarray([...OPEN_MODEL_IDS]), fc.subarray([...CLOSED_METHOD_IDS]), fc.constantFrom(...FEWSHOTGEN_GENERATORS))
  .map(([s, hosted, closedOnOpen, generator]) => ({ ...s, queries: Math.min(s.queries, 1e6), hostedModels: hosted, closedOnOpen, fewShotGenGenerator: generator }));

describe("one deployment decides both the bill and the ledger", () => {
  // A query stage on the row's model is paid like the row's deployment; a stage the method pins to
  // its own local model (`runsOn`: Aug-PE's downstream model, fine-tuned on the curator's GPU) is GPU
  // time wherever the row's model runs.
  // Queries reach the provider exactly when a query stage is an API stage.
  test("a row's query stages are API stages exactly when the model answering is not local, and then every query reaches the provider", () => {
    fc.assert(
      fc.property(withDeployment, (s) => {
        for (const row of estimateCosts(s).rows) {
          const deployment = deploymentOf(s, row.model);
          const queryStages = row.breakdown.stages.filter((st) => st.phase === "query");
          // Stages the method's work pins to its own local model (`runsOn`), whatever the row's model.
          const ownLocal = new Set(methodWork(row.method, s).perQuery.filter((c) => c.runsOn !== undefined).map((c) => c.id));
          for (const st of queryStages) expect(st.kind).toBe(deployment === "local" || ownLocal.has(st.id) ? "gpu" : "api");
          const queriesToProvider = queryStages.some((st) => st.kind === "api");
          // Never $0 for an unknown price: a null stage cost comes with the field to set.
          if (row.breakdown.stages.some((st) => st.usd === null)) expect(row.missing).toMatch(/set price\./);
          const l = leakageFor(s, row.method, row.model);
          expect(l.deployment).toBe(deployment);
          if (deployment === "local") {
            expect(l.provider).toBeNull();
            expect(l.querySendsToProvider).toBe(0);
          } else {
            expect(l.provider).not.toBeNull();
            expect(l.channels.B.status).toBe(queriesToProvider ? "exposed" : "protected");
            if (queriesToProvider) expect(l.querySendsToProvider).toBeGreaterThanOrEqual(s.queries);
            else expect(l.querySendsToProvider).toBe(0);
          }
        }
      }),
      { numRuns: 150, seed: 20261203 },
    );
  });
});
