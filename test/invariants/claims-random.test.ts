/**
 * @jest-environment node
 *
 * Invariants over random valid scenarios (issue #14, "make the class impossible"): no row of any
 * estimate states a claim its own numbers contradict. The checks and their oracles are in
 * ./claims.ts. RDP drives the 2,000-scenario run (≈30 ms a scenario); PRV, the default accountant,
 * is exercised on a smaller sample in claims-prv.test.ts because a cold PRV estimate takes ~0.5 s.
 */
import fc from "fast-check";
import { estimate } from "@/lib";
import { toWireEstimate } from "@/lib/api/wire";
import { scenarioArb } from "../scenario/arbitraries";
import { badNumbers, estimateClaims } from "./claims";

const rdpScenarioArb = scenarioArb.map((s) => ({ ...s, accountant: "rdp" as const }));

test("2,000 random scenarios: every row's claims hold and every figure is finite and ≥ 0", () => {
  fc.assert(
    fc.property(rdpScenarioArb, (scenario) => {
      const est = estimate(scenario);
      const problems = [...estimateClaims(est), ...badNumbers(toWireEstimate(est)).map((p) => `document: ${p}`)];
      if (problems.length > 0) throw new Error(problems.slice(0, 8).join("\n"));
    }),
    { numRuns: 2000, seed: 20261203, endOnFailure: true },
  );
});
