/**
 * The engine's work, shared by the Web Worker and the in-process engine (tests, and browsers
 * without workers): parse a query with the codec, estimate, present. Results are cached per
 * query and accountant, so going back to a scenario costs nothing.
 */
import { analyseDecision as analyse, estimate, parseScenario, presentEstimate, serializeScenario, type AccountantId, type Estimate } from "@/lib";
import { LruCache } from "@/lib/light";
import type { DecisionAnalysis, EngineRequest, Evaluation, ParseView } from "./protocol";

/** Evaluations (and estimates) kept per engine, least recently used dropped first. */
const CACHE_SIZE = 24;

export function parseView(query: string): ParseView {
  const parsed = parseScenario(query);
  const scenario = parsed.ok ? parsed.scenario : parsed.fallback;
  return { ok: parsed.ok, errors: parsed.ok ? [] : parsed.errors, warnings: parsed.warnings, scenario, canonical: serializeScenario(scenario) };
}

/**
 * The answer's sensitivity and, with `withFlips`, its flip thresholds, on one memoised evaluator
 * (the flip search revisits the range ends the tornado already estimated). RDP: see DecisionAnalysis.
 */
export function analyseDecision(query: string, withFlips: boolean): DecisionAnalysis {
  const started = performance.now();
  const scenario = { ...parseView(query).scenario, accountant: "rdp" as const };
  return { query, accountant: "rdp", ...analyse(scenario, withFlips), ms: performance.now() - started };
}

export function createEngineCore() {
  const estimates = new LruCache<string, Estimate>({ maxEntries: CACHE_SIZE });
  const evaluations = new LruCache<string, Evaluation>({ maxEntries: CACHE_SIZE });
  const estimateFor = (query: string, accountant: AccountantId) =>
    estimates.getOrSet(`${accountant}|${query}`, () => {
      const parse = parseView(query);
      return estimate({ ...parse.scenario, accountant }, {}, parse.warnings);
    });
  const evaluate = (query: string, accountant: AccountantId): Evaluation =>
    evaluations.getOrSet(`${accountant}|${query}`, () => {
      const parse = parseView(query);
      const est = estimateFor(query, accountant);
      return { query, parse, presentation: presentEstimate(est, { requestedAccountant: parse.scenario.accountant, canonical: parse.canonical }) };
    });
  return {
    /** The evaluation if this core has already made it, without computing anything. */
    cached(query: string, accountant: AccountantId): Evaluation | undefined {
      return evaluations.get(`${accountant}|${query}`);
    },
    handle(req: EngineRequest): unknown {
      switch (req.type) {
        case "evaluate": return evaluate(req.query, req.accountant);
        case "validate": {
          const p = parseView(req.query);
          return { ok: p.ok, errors: p.errors, warnings: p.warnings };
        }
        case "json": {
          const est = estimateFor(req.query, req.accountant);
          return JSON.stringify({ ...est, canonical: parseView(req.query).canonical }, null, 2);
        }
        case "analyse": return analyseDecision(req.query, req.flips);
      }
    },
  };
}
