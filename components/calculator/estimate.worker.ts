/**
 * The estimate worker: parses, estimates and presents off the main thread, so typing never
 * waits for the accountants (PRV takes seconds cold).
 */
import { createEngineCore } from "./engine-core";
import type { EngineRequest, EngineResponse } from "./protocol";

const core = createEngineCore();
const scope = self as unknown as { onmessage: ((e: MessageEvent<EngineRequest>) => void) | null; postMessage(message: EngineResponse): void };

scope.onmessage = (event) => {
  const req = event.data;
  try {
    scope.postMessage({ id: req.id, ok: true, result: core.handle(req) });
  } catch (cause) {
    scope.postMessage({ id: req.id, ok: false, error: cause instanceof Error ? cause.message : String(cause) });
  }
};
