/**
 * `npm run bench:web` (issue #8 §2; a benchmark, not CI). On the production build:
 * 1. Lighthouse 12.2.3, mobile and desktop presets, on `/` (median of --lh-runs runs, default 3);
 * 2. first-load JS of `/` in gzip: every chunk .next/diagnostics/route-bundle-stats.json lists
 *    for the route, gzipped (level 9) one by one and summed;
 * 3. input → updated charts in Chromium, median of 20 edits of "Queries to answer". If the page
 *    records a performance measure for it (a `performance.measure` whose name contains "chart"),
 *    that is used; otherwise the time from the input event to the frame after the first change
 *    inside a chart's SVG (MutationObserver + requestAnimationFrame), and the JSON says which.
 *    The same edits also time the comparison table (input event → the frame after its first
 *    change): the results a reader sees first, for issue #6's "within a frame or two".
 * 4. (issue #18 §5, ./web-measures.ts) the same edits also time input → first updated results
 *    (answer, summary or comparison table) and input → every chart in the viewport updated (the
 *    charts in view that the page redrew), and a bare recharts re-render of the cost-split chart
 *    with the same data in the same browser gives the load-independent ratio page / bare;
 *    CPU pressure (/proc/pressure/cpu, else the load average) is recorded beside every run;
 * 5. CPU time (thread time from a Chromium trace) of 10 more edits and of the bare re-renders, and
 *    their ratio: the wall-time ratio of 4. grows with the machine's load (web-measures.ts editCpu).
 * Lighthouse mobile is the median of 5 runs by default; run it on an idle machine (the pressure
 * beside each run says how idle it was).
 * Prints one JSON document and rewrites the "web" section of test/bench/RESULTS-web.md.
 * Flags: --build (force a build), --lh-runs N, --no-lighthouse; --url URL measures a server that is
 * already running (an A/B against another build: no build, no server started, first-load JS not
 * measured), --no-write prints the JSON without rewriting RESULTS-web.md. The server's port is
 * BENCH_PORT (default 3300).
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { chromium, type ElementHandle } from "@playwright/test";
import { CHROMIUM, CHROMIUM_ARGS, ROOT, buildIfNeeded, describeMachine, machine, median, percentile, startServer, writeSection } from "./web-server";
import { MEASURE_EDIT_SOURCE, bareRechartsBaseline, cpuPressure, editCpu, editValue, pressureRange, pressureText, summary, type CpuPressure, type EditSample } from "./web-measures";

const run = promisify(execFile);
const log = (s: string) => process.stderr.write(`[bench:web] ${s}\n`);
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

const TARGETS = { mobilePerformance: 95, desktopPerformance: 99, accessibility: 95, firstLoadKbGzip: 200, inputToChartsMs: 50, inputToResultsMs: 50, inputToViewportChartsMs: 100, chartToBareRatio: 1.5 };
/** Lighthouse runs per preset unless --lh-runs says otherwise: issue #18 asks for the median of 5. */
const LH_RUNS = 5;
const INPUT_RUNS = 20;
/** Edits before the timed ones (caches and JIT warm). */
const WARMUP_EDITS = 2;
/** Traced edits after the timed ones, for CPU time (web-measures.ts editCpu). */
const CPU_EDITS = 10;

// ---------------------------------------------------------------------------------------------
// First-load JS
// ---------------------------------------------------------------------------------------------

interface RouteStats { route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[] }

function firstLoadJs(route = "/") {
  const stats = JSON.parse(readFileSync(join(ROOT, ".next", "diagnostics", "route-bundle-stats.json"), "utf8")) as RouteStats[];
  const entry = stats.find((s) => s.route === route);
  if (!entry) throw new Error(`route ${route} is not in route-bundle-stats.json`);
  const chunks = entry.firstLoadChunkPaths.map((p) => {
    const bytes = readFileSync(join(ROOT, p));
    return { path: p, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
  const gzipBytes = chunks.reduce((a, c) => a + c.gzipBytes, 0);
  return {
    route,
    chunks: chunks.length,
    uncompressedBytes: entry.firstLoadUncompressedJsBytes,
    gzipBytes,
    gzipKb: Number((gzipBytes / 1000).toFixed(1)),
    largest: [...chunks].sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 3).map((c) => ({ path: c.path, gzipKb: Number((c.gzipBytes / 1000).toFixed(1)) })),
  };
}

// ---------------------------------------------------------------------------------------------
// Lighthouse
// ---------------------------------------------------------------------------------------------

interface LhSummary {
  performance: number; accessibility: number; bestPractices: number; seo: number;
  fcpMs: number; lcpMs: number; tbtMs: number; cls: number; siMs: number; ttiMs: number;
}

async function lighthouseOnce(url: string, preset: "mobile" | "desktop"): Promise<LhSummary> {
  const dir = mkdtempSync(join(tmpdir(), "privadapt-lh-"));
  const out = join(dir, "lh.json");
  try {
    const args = [
      url, "--output=json", `--output-path=${out}`, "--quiet",
      "--only-categories=performance,accessibility,best-practices,seo",
      `--chrome-flags=${CHROMIUM_ARGS.join(" ")}`,
      ...(preset === "desktop" ? ["--preset=desktop"] : []),
    ];
    let failure: string | null = null;
    try {
      await run(join(ROOT, "node_modules", ".bin", "lighthouse"), args, { cwd: ROOT, env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 * 1024 * 1024, timeout: 180_000 });
    } catch (cause) {
      // Lighthouse exits non-zero on a runtime error (NO_NAVSTART and the like) and may still write its report.
      const stderr = (cause as { stderr?: string }).stderr ?? "";
      failure = /\b(NO_[A-Z_]+|[A-Z]+_[A-Z_]{3,})\b/.exec(stderr)?.[1] ?? (cause instanceof Error ? cause.message.split("\n")[0] ?? "lighthouse failed" : String(cause));
    }
    const lhr = (existsSync(out) ? JSON.parse(readFileSync(out, "utf8")) : null) as {
      categories: Record<string, { score: number | null }>;
      audits: Record<string, { numericValue?: number }>;
      runtimeError?: { code: string; message: string };
    } | null;
    if (!lhr || lhr.runtimeError || failure) throw new LighthouseRunError(lhr?.runtimeError?.code ?? failure ?? "no report written");
    const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
    const metric = (a: string) => Math.round(lhr.audits[a]?.numericValue ?? NaN);
    return {
      performance: score("performance"), accessibility: score("accessibility"), bestPractices: score("best-practices"), seo: score("seo"),
      fcpMs: metric("first-contentful-paint"), lcpMs: metric("largest-contentful-paint"), tbtMs: metric("total-blocking-time"),
      cls: Number((lhr.audits["cumulative-layout-shift"]?.numericValue ?? NaN).toFixed(3)), siMs: metric("speed-index"), ttiMs: metric("interactive"),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A Lighthouse run that produced no usable report; `code` is Lighthouse's (e.g. NO_NAVSTART). */
class LighthouseRunError extends Error {
  constructor(readonly code: string) {
    super(`Lighthouse run failed: ${code}`);
  }
}

/**
 * Attempts per run. Lighthouse 12.2.3 with Debian's Chromium 156 now and then reports NO_NAVSTART
 * ("Something went wrong with recording the trace"): its trace has no navigationStart event for
 * the main frame it audits, so it cannot place any metric (lighthouse/core/lib/tracehouse/
 * trace-processor.js, computeTimeOrigin). Three bench:web runs in a row stopped on it on 2026-12-03
 * (19:40–19:43Z); the next 20 audits (that build, and one differing only in CSS) had none, then 1 run in 10
 * at CPU pressure 99.4% (PSI some avg10): intermittent, not the page; every attempt already gets a fresh Chromium and profile
 * (chrome-launcher's temporary user-data-dir), so nothing carries over from a failed one.
 * A failed attempt is run again from scratch (new Chromium, new profile), and the failures are
 * counted and printed beside the scores, never dropped silently; a run that fails every attempt
 * stops the benchmark.
 */
const LH_ATTEMPTS = 3;

/** The run with the median performance score (Lighthouse's own advice for noisy machines). */
async function lighthouse(url: string, preset: "mobile" | "desktop", runs: number) {
  const all: LhSummary[] = [];
  const pressure: CpuPressure[] = [];
  const failures: { run: number; attempt: number; code: string; pressure: string }[] = [];
  for (let i = 0; i < runs; i++) {
    for (let attempt = 1; ; attempt++) {
      const p = cpuPressure();
      log(`lighthouse ${preset} ${i + 1}/${runs}${attempt > 1 ? ` attempt ${attempt}` : ""} (${pressureText(p)})`);
      try {
        all.push(await lighthouseOnce(url, preset));
        pressure.push(p);
        break;
      } catch (cause) {
        if (!(cause instanceof LighthouseRunError) || attempt >= LH_ATTEMPTS) throw cause;
        log(`  ${cause.code}: running it again`);
        failures.push({ run: i + 1, attempt, code: cause.code, pressure: pressureText(p) });
      }
    }
  }
  const sorted = [...all].sort((a, b) => a.performance - b.performance);
  return { median: sorted[Math.floor((sorted.length - 1) / 2)]!, performanceScores: all.map((r) => r.performance), pressure, pressureRange: pressureRange(pressure), failures };
}

/** "none", or each failed attempt with its code and the CPU pressure when it started. */
const failuresText = (f: { run: number; attempt: number; code: string; pressure: string }[]) =>
  f.length === 0 ? "none" : `${f.length} (${f.map((x) => `run ${x.run} attempt ${x.attempt}: ${x.code}, ${x.pressure}`).join("; ")}), each run again from a fresh Chromium`;

// ---------------------------------------------------------------------------------------------
// Input → updated charts
// ---------------------------------------------------------------------------------------------

async function inputToCharts(url: string) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url);
    await page.waitForFunction(() => "next" in window);
    const input = page.getByLabel("Queries to answer", { exact: true });
    if ((await input.count()) === 0) return { method: "none", note: "no input labelled \"Queries to answer\" on the page" };
    try {
      // The charts load when they come near the viewport (below the comparison table): bring them in.
      await page.locator("figure.chart").first().scrollIntoViewIfNeeded();
      await page.waitForSelector("svg.recharts-surface", { timeout: 20_000 });
    } catch {
      return { method: "none", note: "no recharts chart rendered within 20 s" };
    }
    await page.waitForLoadState("networkidle");
    // Plain JavaScript text: tsx's esbuild would wrap a TypeScript function in __name() helpers the page lacks.
    await page.evaluate(MEASURE_EDIT_SOURCE);
    const handle = (await input.elementHandle()) as ElementHandle<Element> | null;
    const samples: EditSample[] = [];
    const pressure: CpuPressure[] = [];
    for (let i = 0; i < INPUT_RUNS + WARMUP_EDITS; i++) {
      const p = cpuPressure();
      const sample = await handle!.evaluate((el, v) => (window as unknown as { __privadaptMeasureEdit: (el: Element, v: string) => Promise<EditSample> }).__privadaptMeasureEdit(el, v), editValue(i));
      if (i >= WARMUP_EDITS) {
        samples.push(sample);
        pressure.push(p);
      }
      await page.waitForTimeout(300);
    }
    const chartWidth = await page.locator('figure.chart[data-chart="costSplit"] .chart-body').evaluate((el) => el.clientWidth).catch(() => 800);
    log(`CPU time of ${CPU_EDITS} more edits (traced)`);
    const cpu = await editCpu(page, handle!, INPUT_RUNS + WARMUP_EDITS, CPU_EDITS);
    await page.close();
    const measures = samples.map((s) => s.measureMs).filter((m): m is number => m !== null);
    const first = samples.map((s) => s.firstChartMs).filter((x) => Number.isFinite(x));
    const settled = samples.map((s) => s.settledMs);
    const tables = samples.map((s) => s.tableMs).filter((x) => Number.isFinite(x));
    const table = tables.length ? { runs: tables.length, medianMs: Number(median(tables).toFixed(1)), p90Ms: Number(percentile(tables, 90).toFixed(1)) } : null;
    const round = (x: number) => Number(x.toFixed(1));
    // Issue #18 §5: results first, every chart in view, and the page's cost-split chart vs a bare recharts re-render of it.
    const results = summary(samples.map((s) => s.resultsMs));
    const viewportCharts = { ...summary(samples.map((s) => s.allInViewMs)), chartsInView: [...new Set(samples.flatMap((s) => s.inView))], chartsRedrawn: [...new Set(samples.flatMap((s) => s.redrawn))] };
    const pageChart = summary(samples.map((s) => s.chartMs.costSplit ?? NaN));
    log("bare recharts baseline (cost-split chart, same data)");
    const bare = await bareRechartsBaseline(browser, new URL(url).origin, "costSplit", INPUT_RUNS, WARMUP_EDITS, chartWidth);
    const ratio = pageChart.medianMs !== null && bare.medianMs ? Number((pageChart.medianMs / bare.medianMs).toFixed(2)) : null;
    const cpuRatio = cpu.mainToCostSplit.medianMs !== null && bare.cpu.medianMs ? Number((cpu.mainToCostSplit.medianMs / bare.cpu.medianMs).toFixed(2)) : null;
    const issue18 = { results, viewportCharts, costSplit: { page: pageChart, bare, ratio, cpuRatio }, cpu, pressure: pressureRange(pressure), pressurePerEdit: pressure };
    if (measures.length === samples.length) {
      return { method: "performance.measure (the page's own)", runs: measures.length, medianMs: round(median(measures)), p90Ms: round(percentile(measures, 90)), table, issue18 };
    }
    return {
      method: "MutationObserver: input event → frame after the first change inside a chart's SVG (the page records no chart measure)",
      runs: first.length,
      medianMs: first.length ? round(median(first)) : null,
      p90Ms: first.length ? round(percentile(first, 90)) : null,
      settledMedianMs: round(median(settled)),
      note: "settled = last chart mutation before 400 ms of quiet (includes a later PRV refresh if it lands within that window)",
      table,
      issue18,
    };
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------

const mark = (ok: boolean | null) => (ok === null ? "—" : ok ? "✓" : "✗");

/** The value after a flag, e.g. --url http://127.0.0.1:3472/ (undefined when absent). */
const stringArg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

async function main() {
  const m = machine();
  const external = stringArg("--url");
  if (!external) buildIfNeeded(log);
  const js = external ? null : firstLoadJs("/");
  const server = external ? { url: new URL(external).origin, stop: async () => {} } : await startServer();
  let result: Record<string, unknown>;
  try {
    const url = `${server.url}/`;
    const runs = arg("--lh-runs", LH_RUNS);
    const skipLh = process.argv.includes("--no-lighthouse");
    const mobile = skipLh ? null : await lighthouse(url, "mobile", runs);
    const desktop = skipLh ? null : await lighthouse(url, "desktop", runs);
    log("input → charts");
    const input = await inputToCharts(url);
    result = { date: new Date().toISOString(), machine: m, url, firstLoadJs: js, lighthouse: { mobile, desktop }, inputToCharts: input, targets: TARGETS };
  } finally {
    await server.stop();
  }
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if (!js || process.argv.includes("--no-write")) return;

  const lh = result.lighthouse as { mobile: Awaited<ReturnType<typeof lighthouse>> | null; desktop: Awaited<ReturnType<typeof lighthouse>> | null };
  type Stat = { runs: number; medianMs: number | null; p90Ms: number | null };
  const inp = result.inputToCharts as {
    method: string; medianMs?: number | null; p90Ms?: number | null; settledMedianMs?: number; note?: string; table?: { runs: number; medianMs: number; p90Ms: number } | null;
    issue18?: { results: Stat; viewportCharts: Stat & { chartsInView: string[]; chartsRedrawn: string[] }; costSplit: { page: Stat; bare: Stat & { pressure: string; widthPx: number; cpu: Stat }; ratio: number | null; cpuRatio: number | null };
      cpu: { edits: number; mainToResults: Stat; mainToCostSplit: Stat; workerBeforeResults: Stat }; pressure: string };
  };
  const i18 = inp.issue18;
  const stat = (x: Stat | undefined) => (x && x.medianMs !== null ? `${x.medianMs} ms (${x.p90Ms} ms), ${x.runs} runs` : "n/a");
  const within = (x: Stat | undefined, target: number) => mark(x && x.medianMs !== null ? x.medianMs <= target : null);
  const row = (name: string, r: Awaited<ReturnType<typeof lighthouse>> | null, perfTarget: number) =>
    r
      ? `| ${name} | ${r.median.performance} (runs: ${r.performanceScores.join(", ")}) ${mark(r.median.performance >= perfTarget)} | ${r.median.accessibility} ${mark(r.median.accessibility >= TARGETS.accessibility)} | ${r.median.bestPractices} | ${r.median.seo} | ${r.median.fcpMs} | ${r.median.lcpMs} | ${r.median.tbtMs} | ${r.median.cls} | ${r.median.siMs} | ${r.median.ttiMs} |`
      : `| ${name} | not run | | | | | | | | | |`;
  writeSection(
    "web",
    `## Page: Lighthouse, first-load JS, input → charts

\`npm run bench:web\`, ${String(result.date)}; ${describeMachine(m)}. Production build served by
\`next start\` on 127.0.0.1; Lighthouse 12.2.3 with simulated throttling (mobile: Moto G Power, 4× CPU
slowdown, slow 4G; desktop preset), the run with the median performance score of ${arg("--lh-runs", LH_RUNS)}.
CPU pressure during the Lighthouse runs: mobile ${lh.mobile?.pressureRange ?? "not run"}; desktop ${lh.desktop?.pressureRange ?? "not run"}.
Failed Lighthouse attempts: mobile ${lh.mobile ? failuresText(lh.mobile.failures) : "not run"}; desktop ${lh.desktop ? failuresText(lh.desktop.failures) : "not run"}.

| Lighthouse | performance (target mobile ≥ ${TARGETS.mobilePerformance}, desktop ≥ ${TARGETS.desktopPerformance}) | accessibility (≥ ${TARGETS.accessibility}) | best practices | SEO | FCP ms | LCP ms | TBT ms | CLS | SI ms | TTI ms |
|---|---|---|---|---|---|---|---|---|---|---|
${row("mobile", lh.mobile, TARGETS.mobilePerformance)}
${row("desktop", lh.desktop, TARGETS.desktopPerformance)}

| Measure | Result | Target |
|---|---|---|
| first-load JS of \`/\`, gzip (${js.chunks} chunks, ${(js.uncompressedBytes / 1000).toFixed(1)} kB uncompressed) | ${js.gzipKb} kB | ≤ ${TARGETS.firstLoadKbGzip} kB ${mark(js.gzipKb <= TARGETS.firstLoadKbGzip)} |
| input → updated charts, median of ${INPUT_RUNS} (p90) | ${inp.medianMs ?? "n/a"} ms (${inp.p90Ms ?? "n/a"} ms) | ≤ ${TARGETS.inputToChartsMs} ms ${mark(inp.medianMs == null ? null : inp.medianMs <= TARGETS.inputToChartsMs)} |
| input → updated comparison table, same edits (p90) | ${inp.table ? `${inp.table.medianMs} ms (${inp.table.p90Ms} ms)` : "n/a"} | no target (issue #6: "a frame or two"; a frame is 16.7 ms at 60 Hz) |
| input → first updated results (answer, summary or table), median (p90) | ${stat(i18?.results)} | ≤ ${TARGETS.inputToResultsMs} ms ${within(i18?.results, TARGETS.inputToResultsMs)} |
| input → every chart in the viewport updated (${i18 ? i18.viewportCharts.chartsRedrawn.join(", ") || "none redrawn" : "n/a"} of ${i18 ? i18.viewportCharts.chartsInView.join(", ") || "none" : "n/a"} in view), median (p90) | ${stat(i18?.viewportCharts)} | ≤ ${TARGETS.inputToViewportChartsMs} ms ${within(i18?.viewportCharts, TARGETS.inputToViewportChartsMs)} |
| cost-split chart: page input → chart ÷ bare recharts re-render, same data (${stat(i18?.costSplit.page)} ÷ ${stat(i18?.costSplit.bare)}) | ${i18?.costSplit.ratio ?? "n/a"}× | ≤ ${TARGETS.chartToBareRatio}× ${mark(i18?.costSplit.ratio == null ? null : i18.costSplit.ratio <= TARGETS.chartToBareRatio)} |
| CPU, not wall time (traced, thread time; ${i18?.cpu.edits ?? "n/a"} more edits): page main thread input → first results, median (p90) | ${stat(i18?.cpu.mainToResults)}; plus the worker's evaluation ${stat(i18?.cpu.workerBeforeResults)} | — (the wall-time target is above) |
| CPU: page main thread input → cost-split chart redrawn ÷ bare recharts re-render (${stat(i18?.cpu.mainToCostSplit)} ÷ ${stat(i18?.costSplit.bare.cpu)}) | ${i18?.costSplit.cpuRatio ?? "n/a"}× | ≤ ${TARGETS.chartToBareRatio}× ${mark(i18?.costSplit.cpuRatio == null ? null : i18.costSplit.cpuRatio <= TARGETS.chartToBareRatio)} (same target, on CPU time, which the machine's load moves far less than wall time) |

Largest first-load chunks (gzip): ${js.largest.map((c) => `\`${c.path.replace(".next/static/chunks/", "")}\` ${c.gzipKb} kB`).join(", ")}.
Input → charts method: ${inp.method}${inp.settledMedianMs !== undefined ? `; settled median ${inp.settledMedianMs} ms` : ""}${inp.note ? ` (${inp.note})` : ""}.
CPU pressure during the edits: ${i18?.pressure ?? "not recorded"}; during the bare re-renders: ${i18?.costSplit.bare.pressure ?? "not recorded"}. The bare baseline is the
same \`ChartCanvas\` (recharts only) bundled by esbuild into a page the benchmark serves to Chromium itself, fed lib's presentation for the
same scenarios, ${i18?.costSplit.bare.widthPx ?? "?"} px wide (the page's chart width); see test/bench/web-measures.ts.`,
  );
  log("wrote test/bench/RESULTS-web.md");
}

main().catch((cause) => {
  process.stderr.write(`${cause instanceof Error ? cause.stack : String(cause)}\n`);
  process.exit(1);
});
