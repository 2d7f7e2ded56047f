/** @jest-environment node */
/**
 * Properties tying cost and ledger to one deployment (findings 2 and 8), over random scenarios
 * with random hosted models, closed-LLM methods on open models and DP-FewShotGen generators.
 */
import fc from "fast-check";
import { estimateCosts } from "@/lib/cost";
import { leakageFor } from "@/lib/leakage";
import { CLOSED_METHOD_IDS, FEWSHOTGEN_GENERATORS, OPEN_MODEL_IDS, deploymentOf, type Scenario } from "@/lib/scenario";
import { scenarioArb } from "../scenario/arbitraries";

const withDeployment: fc.Arbitrary<Scenario> = fc
  .tuple(scenarioArb, fc.subarray([...OPEN_MODEL_IDS]), fc.subarray([...CLOSED_METHOD_IDS]), fc.constantFrom(...FEWSHOTGEN_GENERATORS))
  .map(([s, hosted, closedOnOpen, generator]) => ({ ...s, queries: Math.min(s.queries, 1e6), hostedModels: hosted, closedOnOpen, fewShotGenGenerator: generator }));

describe("one deployment decides both the bill and the ledger", () => {
  test("a row's query stages are API stages exactly when its model is not local; local rows send nothing, others send every query", () => {
    fc.assert(
      fc.property(withDeployment, (s) => {
        for (const row of estimateCosts(s).rows) {
          const deployment = deploymentOf(s, row.model);
          const queryStages = row.breakdown.stages.filter((st) => st.phase === "query");
          for (const st of queryStages) expect(st.kind).toBe(deployment === "local" ? "gpu" : "api");
          // Never $0 for an unknown price: a null stage cost comes with the field to set.
          if (row.breakdown.stages.some((st) => st.usd === null)) expect(row.missing).toMatch(/set price\./);
          const l = leakageFor(s, row.method, row.model);
          expect(l.deployment).toBe(deployment);
          if (deployment === "local") {
            expect(l.provider).toBeNull();
            expect(l.querySendsToProvider).toBe(0);
          } else {
            expect(l.provider).not.toBeNull();
            expect(l.channels.B.status).toBe("exposed");
            expect(l.querySendsToProvider).toBeGreaterThanOrEqual(s.queries);
          }
        }
      }),
      { numRuns: 150, seed: 20261203 },
    );
  });
});
