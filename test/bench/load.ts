/**
 * `npm run bench:load` (issue #8 §5; loopback only, bounded): autocannon against one production
 * server on 127.0.0.1, one route after another: the trivial `/api/ping` (the baseline),
 * `/api/v1/estimate?v=1` (the default scenario, its memo warmed first) and the page `/`.
 * Each run: 10 connections for 30 s (--duration S, --connections C to change).
 * Target: the estimate API at ≥ 80% of /api/ping's throughput with p99 ≤ 50 ms, 0 errors.
 * Two more estimate runs put the target run in context: with `Accept-Encoding: gzip` (what
 * browsers and `curl --compressed` send; Next compresses each response) and a revalidating
 * client's `If-None-Match` (304, no body).
 * Prints one JSON document and rewrites the "load" section of test/bench/RESULTS-web.md.
 */
import { execFile } from "node:child_process";
import { loadavg } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { ROOT, buildIfNeeded, describeMachine, machine, startServer, writeSection } from "./web-server";

const run = promisify(execFile);
const log = (s: string) => process.stderr.write(`[bench:load] ${s}\n`);
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

const DURATION_S = arg("--duration", 30);
const CONNECTIONS = arg("--connections", 10);
const ESTIMATE_QUERY = "v=1";

interface AutocannonJson {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  throughput: { average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  "2xx": number;
}

async function autocannon(url: string, headers: Record<string, string> = {}, label = "") {
  // The CLI, bounded twice: by -d and by a hard timeout in case the server stalls.
  const { stdout } = await run(
    join(ROOT, "node_modules", ".bin", "autocannon"),
    ["-c", String(CONNECTIONS), "-d", String(DURATION_S), ...Object.entries(headers).flatMap(([k, v]) => ["-H", `${k}=${v}`]), "--json", url],
    { timeout: (DURATION_S + 30) * 1000, maxBuffer: 16 * 1024 * 1024 },
  );
  const r = JSON.parse(stdout) as AutocannonJson;
  return {
    url: url.replace(/^http:\/\/127\.0\.0\.1:\d+/, "") + (label ? ` (${label})` : ""),
    reqPerSec: Math.round(r.requests.average),
    total: r.requests.total,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    mbPerSec: Number((r.throughput.average / 1e6).toFixed(1)),
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

async function main() {
  const m = machine();
  buildIfNeeded(log);
  const server = await startServer();
  const results: Awaited<ReturnType<typeof autocannon>>[] = [];
  let warm: { coldMs: number; cacheHeader: string | null; bytes: number };
  try {
    const estimateUrl = `${server.url}/api/v1/estimate?${ESTIMATE_QUERY}`;
    const t0 = performance.now();
    const cold = await fetch(estimateUrl);
    const bytes = (await cold.arrayBuffer()).byteLength;
    const coldMs = Math.round(performance.now() - t0);
    const again = await fetch(estimateUrl);
    await again.arrayBuffer();
    warm = { coldMs, cacheHeader: again.headers.get("x-estimate-cache"), bytes };
    const etag = again.headers.get("etag") ?? "";
    log(`estimate memo warmed: cold ${coldMs} ms, ${bytes} bytes, then ${warm.cacheHeader}`);
    await (await fetch(`${server.url}/`)).arrayBuffer();
    const runs: [string, Record<string, string>, string][] = [
      ["/api/ping", {}, ""],
      [`/api/v1/estimate?${ESTIMATE_QUERY}`, {}, ""],
      ["/", {}, ""],
      [`/api/v1/estimate?${ESTIMATE_QUERY}`, { "accept-encoding": "gzip" }, "gzip"],
      [`/api/v1/estimate?${ESTIMATE_QUERY}`, { "if-none-match": etag }, "If-None-Match → 304"],
    ];
    for (const [path, headers, label] of runs) {
      log(`autocannon ${path} ${label}: ${CONNECTIONS} connections, ${DURATION_S} s`);
      results.push(await autocannon(`${server.url}${path}`, headers, label));
    }
  } finally {
    await server.stop();
  }
  const loadAtEnd = Number(loadavg()[0]?.toFixed(2));
  const [ping, est] = results as [typeof results[0], typeof results[0]];
  const ratio = est.reqPerSec / ping.reqPerSec;
  const verdict = {
    estimateVsPing: Number(ratio.toFixed(2)),
    throughputTargetMet: ratio >= 0.8,
    p99TargetMet: est.p99Ms <= 50,
    // In the If-None-Match run every answer should be a 304, which autocannon counts as non-2xx.
    zeroErrors: results.every((r) => r.errors === 0 && (r.url.includes("304") ? r.non2xx === r.total : r.non2xx === 0)),
  };
  const date = new Date().toISOString();
  process.stdout.write(`${JSON.stringify({ date, machine: m, loadAverage1mAtEnd: loadAtEnd, connections: CONNECTIONS, durationS: DURATION_S, estimateWarmUp: warm, results, verdict }, null, 2)}\n`);
  const yes = (b: boolean) => (b ? "✓" : "✗");
  writeSection(
    "load",
    `## Load: autocannon on loopback

\`npm run bench:load\`, ${date}; ${describeMachine(m)} (${loadAtEnd} at the end). One \`next start\` server; each route
alone for ${DURATION_S} s with ${CONNECTIONS} connections, autocannon on the same 2 cores. The
estimate memo was warmed first (the cold default scenario took ${warm.coldMs} ms, ${Math.round(warm.bytes / 1000)} kB of JSON; the
next request was a memo ${warm.cacheHeader ?? "?"}).

| Route | req/s | p50 ms | p99 ms | max ms | MB/s | errors | non-2xx |
|---|---|---|---|---|---|---|---|
${results.map((r) => `| \`${r.url}\` | ${r.reqPerSec} | ${r.p50Ms} | ${r.p99Ms} | ${r.maxMs} | ${r.mbPerSec} | ${r.errors} | ${r.non2xx} |`).join("\n")}

Estimate API vs the trivial route: ${(ratio * 100).toFixed(0)}% of its throughput (target ≥ 80% ${yes(verdict.throughputTargetMet)}),
p99 ${est.p99Ms} ms (target ≤ 50 ms ${yes(verdict.p99TargetMet)}); errors and non-2xx on every route: ${verdict.zeroErrors ? "none ✓" : "some ✗"}
(in the If-None-Match row every answer is a 304, which autocannon lists as non-2xx). The estimate's body is ${Math.round(warm.bytes / 1000)} kB (the wire form of
lib/api/wire.ts) against /api/ping's few bytes, so the plain run mostly measures moving that body; the gzip and 304 rows show what
browsers and revalidating scripts see.`,
  );
  log("wrote test/bench/RESULTS-web.md");
}

main().catch((cause) => {
  process.stderr.write(`${cause instanceof Error ? cause.stack : String(cause)}\n`);
  process.exit(1);
});
