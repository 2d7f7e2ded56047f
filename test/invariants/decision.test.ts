/**
 * @jest-environment node
 *
 * Invariants of the decision (issue #18) over random scenarios with random must-haves. Oracle: the
 * definitions in README.md ("Must-haves"), restated here independently of lib/recommend:
 * - the answer is a row that can run (feasible) and meets every must-have: total cost known and
 *   ≤ maxCost, each channel in `protect` "protected", utility known and ≥ minUtility;
 * - when there is no answer, no row meets them all (checked when all rows share one metric);
 * - an answer that names no leak has A, B and C all protected;
 * - each `relax` entry names a row that meets every must-have once that one is relaxed to `to`
 *   (for ε, `eps`/`maxEps`: the row of a fresh estimate at ε = `to` meets every must-have).
 */
import fc from "fast-check";
import { estimate, PROTECTABLE_CHANNELS, RANK_RULES, type EstimateRow, type Scenario } from "@/lib";
import { scenarioArb } from "../scenario/arbitraries";

const withMustHaves: fc.Arbitrary<Scenario> = fc
  .tuple(
    scenarioArb,
    fc.option(fc.double({ min: 0, max: 5000, noNaN: true }), { nil: null }),
    fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
    fc.subarray([...PROTECTABLE_CHANNELS]),
    fc.constantFrom(...RANK_RULES),
  )
  .map(([s, maxCostUsd, minUtility, protect, rank]) => ({ ...s, accountant: "rdp" as const, maxCostUsd, minUtility, protect, rank }));

function meets(row: EstimateRow, s: Scenario, skip: string | null = null): string[] {
  const out: string[] = [];
  if (!row.feasible) out.push("cannot run");
  if (skip !== "maxCost" && s.maxCostUsd !== null && !(row.totalCostUsd !== null && row.totalCostUsd <= s.maxCostUsd)) out.push(`cost ${row.totalCostUsd} > ${s.maxCostUsd}`);
  if (skip !== "minUtility" && s.minUtility !== null && !(row.utility.value !== null && row.utility.value >= s.minUtility)) out.push(`utility ${row.utility.value} < ${s.minUtility}`);
  for (const ch of s.protect) if (skip !== `protect.${ch}` && row.leakage?.channels[ch].status !== "protected") out.push(`${ch} is ${row.leakage?.channels[ch].status}`);
  return out;
}

test("300 random scenarios with must-haves: the answer always meets every must-have; none means none does; relax gives what it says", () => {
  fc.assert(
    fc.property(withMustHaves, (scenario) => {
      const est = estimate(scenario);
      const d = est.decision;
      const problems: string[] = [];
      const find = (o: { method: string; model: string }) => est.rows.find((r) => r.method === o.method && r.model === o.model);
      if (d.answer) {
        const row = find(d.answer);
        if (!row) problems.push(`answer ${d.answer.method} × ${d.answer.model} is no row`);
        else {
          problems.push(...meets(row, scenario).map((p) => `answer ${row.method} × ${row.model}: ${p}`));
          if (d.answer.epsilon !== row.privacy.epsilon) problems.push(`answer states ε ${d.answer.epsilon}, achieves ${row.privacy.epsilon}`);
          if (d.answer.leaks.length === 0 && !PROTECTABLE_CHANNELS.every((c) => row.leakage?.channels[c].status === "protected")) problems.push("answer names no leak, yet a channel is not protected");
        }
        if (d.relax.length > 0) problems.push("relax offered although there is an answer");
      } else {
        const metrics = new Set(est.rows.map((r) => r.utility.metric));
        if (scenario.minUtility === null || metrics.size <= 1) {
          const ok = est.rows.filter((r) => r.leakage !== null && meets(r, scenario).length === 0);
          if (ok.length > 0) problems.push(`no answer, yet ${ok[0]?.method} × ${ok[0]?.model} meets every must-have`);
        }
        for (const r of d.relax) {
          if (r.constraint === "eps" || r.constraint === "maxEps") {
            // ε relaxed: the rows change with ε, so the named row is checked in a fresh estimate at ε = to.
            const at = estimate({ ...scenario, epsilon: r.to as number, maxEpsilon: null });
            const row = at.rows.find((x) => x.method === r.gives.method && x.model === r.gives.model);
            if (!row) problems.push(`relax ${r.constraint} → ${r.to} gives no row`);
            else problems.push(...meets(row, scenario).map((p) => `relax ${r.constraint} → ${r.to} gives ${row.method} × ${row.model}, which fails: ${p}`));
            continue;
          }
          const row = find(r.gives);
          if (!row) { problems.push(`relax ${r.constraint} gives no row`); continue; }
          const relaxed: Scenario = r.constraint === "maxCost" ? { ...scenario, maxCostUsd: r.to } : r.constraint === "minUtility" ? { ...scenario, minUtility: r.to } : { ...scenario, protect: scenario.protect.filter((c) => `protect.${c}` !== r.constraint) };
          problems.push(...meets(row, relaxed).map((p) => `relax ${r.constraint} → ${r.to} gives ${row.method} × ${row.model}, which fails: ${p}`));
        }
      }
      if (problems.length > 0) throw new Error(problems.slice(0, 8).join("\n"));
    }),
    { numRuns: 300, seed: 18, endOnFailure: true },
  );
});
