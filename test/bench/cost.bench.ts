/**
 * Cost engine benchmarks (issue #4): estimateCosts for the default scenario with all methods,
 * target ≤ 5 ms median. The price lookup of @pydantic/genai-prices is cached per model, so the
 * `current` set is warmed once in setup.
 */
import { defaultScenario, presetScenario } from "../../lib/scenario";
import { estimateCosts, reproduceStudyCosts } from "../../lib/cost";
import type { Benchmark } from "./harness";

const sst2 = defaultScenario();
const current = { ...presetScenario("samsum"), priceSet: "current" as const, closedModels: [...presetScenario("custom").closedModels, "gpt-4o" as const, "gpt-5" as const, "claude-sonnet-4.5" as const, "gemini-2.5-pro" as const] };

export const benchmarks: Benchmark[] = [
  { name: "cost: estimateCosts(default scenario, all methods)", targetMs: 5, fn: () => estimateCosts(sst2), runs: 200 },
  { name: "cost: estimateCosts(SAMSum, current prices, 6 closed × 7 open models)", targetMs: 5, setup: () => estimateCosts(current), fn: () => estimateCosts(current), runs: 200 },
  { name: "cost: reproduceStudyCosts (53 paper cells)", fn: () => reproduceStudyCosts(), runs: 30 },
];
