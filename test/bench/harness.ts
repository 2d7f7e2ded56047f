/**
 * A tiny benchmark harness: run a function repeatedly, report the median and the spread.
 * Benchmarks, not timed tests: these machines are shared, so targets are checked by reading
 * `npm run bench` output, never by a test that fails on a slow run.
 */
export interface Benchmark {
  name: string;
  /** The target for the median, in milliseconds. */
  targetMs?: number;
  /** Optional one-time setup (e.g. warming a cache that the target assumes warm). */
  setup?: () => void;
  fn: () => unknown;
  /** How many timed runs (default 30). */
  runs?: number;
}

export interface BenchResult {
  name: string;
  runs: number;
  medianMs: number;
  p10Ms: number;
  p90Ms: number;
  targetMs: number | null;
  meetsTarget: boolean | null;
}

let sink: unknown;

export function runBenchmark(b: Benchmark): BenchResult {
  b.setup?.();
  sink = b.fn(); // warm-up (JIT)
  const runs = b.runs ?? 30;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    sink = b.fn();
    times.push(performance.now() - t0);
  }
  void sink;
  times.sort((x, y) => x - y);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? NaN;
  const median = at(0.5);
  return {
    name: b.name,
    runs,
    medianMs: round(median),
    p10Ms: round(at(0.1)),
    p90Ms: round(at(0.9)),
    targetMs: b.targetMs ?? null,
    meetsTarget: b.targetMs === undefined ? null : median <= b.targetMs,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
