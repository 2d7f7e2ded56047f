/**
 * `npm run bench`: runs every `test/bench/*.bench.ts` module (each exports `benchmarks: Benchmark[]`)
 * and prints one JSON document with the medians, the date and the machine.
 * Record notable results in test/bench/RESULTS.md.
 */
import { readdirSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { runBenchmark, type Benchmark, type BenchResult } from "./harness";

async function main() {
  const only = process.argv[2];
  const files = readdirSync(__dirname).filter((f) => f.endsWith(".bench.ts")).sort();
  const results: BenchResult[] = [];
  for (const file of files) {
    const mod = (await import(join(__dirname, file))) as { benchmarks: Benchmark[] };
    for (const b of mod.benchmarks) {
      if (only && !b.name.includes(only)) continue;
      results.push(runBenchmark(b));
    }
  }
  const cpu = cpus()[0]?.model ?? "unknown";
  process.stdout.write(
    JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: { cpu, cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
        results,
      },
      null,
      2,
    ) + "\n",
  );
}

void main();
