/**
 * The page's engine: two Web Workers. The fast one validates and estimates with RDP (tens of
 * milliseconds) so results follow typing; the slow one runs PRV (seconds cold). A PRV run that a
 * newer scenario made pointless cannot be interrupted inside the worker, so the worker is
 * replaced instead; its callers get a "superseded" rejection. A third worker, started on first
 * use, runs the decision analysis (sensitivity, flip thresholds: up to seconds), so it never delays
 * the results that follow typing; a newer scenario's analysis replaces an older one's the same way.
 */
import type { AccountantId } from "@/lib";
import { SUPERSEDED, type DecisionAnalysis, type Engine, type EngineCall, type EngineRequest, type EngineResponse, type Evaluation, type ParseView } from "./protocol";

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; query: string };

class WorkerChannel {
  private worker: Worker | null = null;
  private pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(private readonly create: () => Worker) {}

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const w = this.create();
    w.onmessage = (e: MessageEvent<EngineResponse>) => {
      const p = this.pending.get(e.data.id);
      if (!p) return;
      this.pending.delete(e.data.id);
      if (e.data.ok) p.resolve(e.data.result);
      else p.reject(new Error(e.data.error));
    };
    w.onerror = (e) => {
      e.preventDefault();
      this.fail(new Error(e.message || "estimate worker failed"));
    };
    this.worker = w;
    return w;
  }

  busyWithOtherThan(query: string): boolean {
    return [...this.pending.values()].some((p) => p.query !== query);
  }

  private fail(error: Error) {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
    this.worker?.terminate();
    this.worker = null;
  }

  restart() {
    this.fail(new Error(SUPERSEDED));
  }

  request<T>(req: EngineCall): Promise<T> {
    const id = ++this.nextId;
    const worker = this.ensure();
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, query: req.query });
      worker.postMessage({ ...req, id } as EngineRequest);
    });
  }

  dispose() {
    this.fail(new Error(SUPERSEDED));
  }
}

export function createWorkerEngine(): Engine {
  const make = () => new Worker(new URL("./estimate.worker.ts", import.meta.url));
  const fast = new WorkerChannel(make);
  const slow = new WorkerChannel(make);
  const deciding = new WorkerChannel(make);
  return {
    analysisOffThread: true,
    evaluate(query: string, accountant: AccountantId) {
      if (accountant === "rdp") return fast.request<Evaluation>({ type: "evaluate", query, accountant });
      if (slow.busyWithOtherThan(query)) slow.restart();
      return slow.request<Evaluation>({ type: "evaluate", query, accountant });
    },
    validate: (query: string) => fast.request<Pick<ParseView, "ok" | "errors" | "warnings">>({ type: "validate", query }),
    estimateJson: (query: string, accountant: AccountantId) =>
      (accountant === "rdp" ? fast : slow).request<string>({ type: "json", query, accountant }),
    analyse(query: string, flips: boolean) {
      if (deciding.busyWithOtherThan(query)) deciding.restart();
      return deciding.request<DecisionAnalysis>({ type: "analyse", query, flips });
    },
    dispose() {
      fast.dispose();
      slow.dispose();
      deciding.dispose();
    },
  };
}
