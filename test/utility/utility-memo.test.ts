/** @jest-environment node */
/**
 * utilityFor's memo (issue #15's speed target, test/bench/RESULTS.md) changes only the time. Oracle:
 * the same lookups in a fresh module registry (jest.isolateModules), where the memo is empty —
 * the uncached path — over every method × model of every preset and custom variants, at several ε;
 * and the estimate hashes recorded before the memo (test/estimate/estimate-corpus*.test.ts).
 */
import { METHOD_IDS, MODELS, PRESET_IDS, presetScenario, type MethodId, type ModelId, type Scenario } from "@/lib/scenario";
import { utilityFor } from "@/lib/utility";
import type * as UtilityModule from "@/lib/utility";

const scenarios: Scenario[] = [];
for (const preset of PRESET_IDS) {
  for (const epsilon of [0.5, 1, 3, 8]) scenarios.push({ ...presetScenario(preset), epsilon });
}
// Custom data reads N, token lengths and classes to pick the nearest study dataset.
scenarios.push({ ...presetScenario("custom"), records: 500, inTokens: 400, outTokens: 30, classes: null, task: "generation" });
scenarios.push({ ...presetScenario("custom"), records: 120000, classes: 6 });
// The same preset at another N: the authors' reported notes name N.
scenarios.push({ ...presetScenario("sst2"), records: 1234 });

const models = Object.keys(MODELS) as ModelId[];

function lookups(fn: typeof utilityFor): string[] {
  const out: string[] = [];
  for (const s of scenarios) for (const m of METHOD_IDS as readonly MethodId[]) for (const x of models) out.push(JSON.stringify(fn(s, m, x)));
  return out;
}

test("warm (twice) gives what a fresh, cold module gives, for every lookup", () => {
  let cold: string[] = [];
  jest.isolateModules(() => {
    cold = lookups((jest.requireActual("../../lib/utility") as typeof UtilityModule).utilityFor);
  });
  const first = lookups(utilityFor);
  const second = lookups(utilityFor);
  expect(first.length).toBe(cold.length);
  // Not vacuous: the grid holds measured, reported and absent values.
  expect(cold.some((j) => j.includes('"kind":"measured"'))).toBe(true);
  expect(cold.some((j) => j.includes('"kind":"reference"'))).toBe(true);
  for (let i = 0; i < cold.length; i++) if (first[i] !== cold[i] || second[i] !== cold[i]) throw new Error(`lookup ${i}: warm ${first[i]} / ${second[i]} ≠ cold ${cold[i]}`);
});

test("a shared estimate cannot be altered by one consumer for the next", () => {
  const u = utilityFor(presetScenario("sst2"), "dp-icl", "gpt-4-turbo");
  expect(Object.isFrozen(u)).toBe(true);
  expect(() => {
    (u as { value: number | null }).value = 0;
  }).toThrow(TypeError);
  expect(utilityFor(presetScenario("sst2"), "dp-icl", "gpt-4-turbo").value).toBe(95.9);
});

test("a scenario mutated in place between lookups is looked up anew (the key is its fields, not its identity)", () => {
  const s = presetScenario("sst2");
  const at8 = utilityFor(s, "private-lora", "pythia-6.9b");
  s.epsilon = 3;
  const at3 = utilityFor(s, "private-lora", "pythia-6.9b");
  expect(at3.epsilon === at8.epsilon && at3.value === at8.value && at3.note === at8.note).toBe(false);
  let cold = "";
  jest.isolateModules(() => {
    cold = JSON.stringify((jest.requireActual("../../lib/utility") as typeof UtilityModule).utilityFor(s, "private-lora", "pythia-6.9b"));
  });
  expect(JSON.stringify(at3)).toBe(cold);
});
