/**
 * The 2,000-random-scenario run of the row claims (issue #14, "make the class impossible"), split
 * into four files of 500 so that Jest's workers share it: one file of ~100 s of CPU was the
 * suite's longest (issue #19 item 8). Each shard is the same property over the same generator
 * with its own seed; together they check 2,000 scenarios, as the single run did. Shard 1 keeps
 * the single run's seed, so its 500 scenarios are the first 500 of that run (fast-check draws run
 * i from the seed and i alone).
 *
 * RDP drives this run (≈30–50 ms a scenario); PRV, the default accountant, is exercised on a
 * smaller sample in claims-prv.test.ts because a cold PRV estimate takes ~0.5 s.
 */
import fc from "fast-check";
import { estimate } from "@/lib";
import { toWireEstimate } from "@/lib/api/wire";
import { scenarioArb } from "../scenario/arbitraries";
import { badNumbers, estimateClaims } from "./claims";

export const RANDOM_CLAIMS_TOTAL = 2000;
export const RANDOM_CLAIMS_SHARDS = [20261203, 20261204, 20261205, 20261206] as const;
export const RANDOM_CLAIMS_PER_SHARD = RANDOM_CLAIMS_TOTAL / RANDOM_CLAIMS_SHARDS.length;

const rdpScenarioArb = scenarioArb.map((s) => ({ ...s, accountant: "rdp" as const }));

/** Shard `index` (0-based) of the run: every row's claims hold and every figure is finite and ≥ 0. */
export function checkRandomClaims(index: number): void {
  const seed = RANDOM_CLAIMS_SHARDS[index];
  if (seed === undefined) throw new RangeError(`no shard ${index}; there are ${RANDOM_CLAIMS_SHARDS.length}`);
  fc.assert(
    fc.property(rdpScenarioArb, (scenario) => {
      const est = estimate(scenario);
      const problems = [...estimateClaims(est), ...badNumbers(toWireEstimate(est)).map((p) => `document: ${p}`)];
      if (problems.length > 0) throw new Error(problems.slice(0, 8).join("\n"));
    }),
    { numRuns: RANDOM_CLAIMS_PER_SHARD, seed, endOnFailure: true },
  );
}

/** The test's title for shard `index`, e.g. "random scenarios 1–500 of 2,000 (seed 20261203): …". */
export function shardTitle(index: number): string {
  const from = index * RANDOM_CLAIMS_PER_SHARD + 1;
  const to = from + RANDOM_CLAIMS_PER_SHARD - 1;
  return `random scenarios ${from}–${to} of 2,000 (seed ${RANDOM_CLAIMS_SHARDS[index]}): every row's claims hold and every figure is finite and ≥ 0`;
}
