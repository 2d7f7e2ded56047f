/**
 * An engine that runs in the page's own thread: for tests (jsdom has no Worker) and for browsers
 * without Web Workers. Same answers as the worker, asynchronously, so callers cannot tell.
 */
import type { AccountantId } from "@/lib";
import { createEngineCore } from "./engine-core";
import type { DecisionAnalysis, Engine, EngineCall, EngineRequest, Evaluation, ParseView } from "./protocol";

export function createInlineEngine(): Engine {
  const core = createEngineCore();
  let id = 0;
  const run = <T,>(req: EngineCall): Promise<T> =>
    new Promise((resolve, reject) => {
      setTimeout(() => {
        try {
          resolve(core.handle({ ...req, id: ++id } as EngineRequest) as T);
        } catch (e) {
          reject(e);
        }
      }, 0);
    });
  return {
    evaluate: (query: string, accountant: AccountantId) => run<Evaluation>({ type: "evaluate", query, accountant }),
    validate: (query: string) => run<Pick<ParseView, "ok" | "errors" | "warnings">>({ type: "validate", query }),
    estimateJson: (query: string, accountant: AccountantId) => run<string>({ type: "json", query, accountant }),
    analyse: (query: string, flips: boolean) => run<DecisionAnalysis>({ type: "analyse", query, flips }),
    // On the page's own thread a search would hold up typing: the page runs it only when asked.
    analysisOffThread: false,
    dispose() {},
  };
}
