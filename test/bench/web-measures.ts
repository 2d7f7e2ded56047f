/**
 * Measures for `npm run bench:web` (issue #18 §5), beside test/bench/web.ts:
 *
 * - CPU pressure beside each run: /proc/pressure/cpu's "some avg10" (the share of the last 10 s in
 *   which at least one runnable task waited for a CPU; Linux PSI) when readable, and always the
 *   1-minute load average with the core count. A run on a busy machine says so next to its figure.
 * - In the page, per edit of "Queries to answer" (MEASURE_EDIT_SOURCE): input event → the frame
 *   after the first change of the results a reader sees first (the answer, the summary, the
 *   comparison table's body), and → the frame after the first change inside each chart's SVG. "Every
 *   chart in the viewport updated" is the latest of those for the charts that were in the viewport
 *   when the edit was made AND that the page redrew for it (the page marks each redraw with
 *   `privadapt:chart-redraw:<kind>`, components/charts/chart-figure.tsx; a chart whose data did not
 *   change is already up to date and is not waited for).
 * - A bare recharts re-render of the same chart with the same data (bareRechartsBaseline): the
 *   chart's own component (components/charts/chart-canvas.tsx `ChartCanvas`, which is recharts and
 *   nothing else: no worker, no provider, no redraw queue) bundled by esbuild into one HTML page that
 *   the benchmark serves to Chromium itself (Playwright `page.route`, so nothing is added to the
 *   production build or the server), fed the presentations lib computes for the same scenarios the
 *   page is edited to (presentEstimate(estimate(…)), RDP, which is what the page draws first). It
 *   times setState → the frame after the first change inside the SVG, the same rule as the page.
 *   The ratio page/bare is load-independent to first order: both run in the same browser, minutes
 *   apart, under the same pressure (recorded). The harness has no site CSS, so fonts may differ.
 */
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import type { Browser } from "@playwright/test";
import { estimate, parseScenario, presentEstimate } from "@/lib";
import { ROOT, median, percentile } from "./web-server";

export interface CpuPressure {
  /** PSI "some avg10" in %, null where /proc/pressure/cpu is not readable. */
  psiSomeAvg10: number | null;
  loadavg1: number;
  cores: number;
}

export function cpuPressure(): CpuPressure {
  let psi: number | null = null;
  try {
    const m = readFileSync("/proc/pressure/cpu", "utf8").match(/^some avg10=([\d.]+)/m);
    psi = m ? Number(m[1]) : null;
  } catch {
    psi = null;
  }
  return { psiSomeAvg10: psi, loadavg1: Number(loadavg()[0]?.toFixed(2) ?? NaN), cores: cpus().length };
}

export const pressureText = (p: CpuPressure) => `${p.psiSomeAvg10 !== null ? `PSI some avg10 ${p.psiSomeAvg10}%, ` : ""}load ${p.loadavg1}/${p.cores} cores`;

/** Min–max of the pressures of a set of runs, in words. */
export function pressureRange(ps: readonly CpuPressure[]): string {
  if (ps.length === 0) return "not recorded";
  const psi = ps.map((p) => p.psiSomeAvg10).filter((x): x is number => x !== null);
  const load = ps.map((p) => p.loadavg1);
  const span = (xs: number[]) => (Math.min(...xs) === Math.max(...xs) ? `${Math.min(...xs)}` : `${Math.min(...xs)}–${Math.max(...xs)}`);
  return `${psi.length ? `PSI some avg10 ${span(psi)}%, ` : ""}load ${span(load)} on ${ps[0]?.cores ?? "?"} cores`;
}

export interface EditSample {
  /** Input event → frame after the first change in the answer, summary or comparison table; NaN if none within 5 s. */
  resultsMs: number;
  /** Per chart kind, input event → frame after its first SVG change (absent: no change). */
  chartMs: Record<string, number>;
  /** Charts in the viewport at the edit, and those of them the page redrew. */
  inView: string[];
  redrawn: string[];
  /** The latest chartMs over `redrawn`; NaN when one of them did not change within the window. */
  allInViewMs: number;
  /** The first chart change anywhere and the last (before 400 ms of quiet), as the older measure. */
  firstChartMs: number;
  settledMs: number;
  /** A performance.measure mentioning "chart" recorded by the page during the edit, if any. */
  measureMs: number | null;
  /** Input event → frame after the first change of the comparison table's body (older measure). */
  tableMs: number;
}

/**
 * In the page (plain JavaScript: tsx's esbuild would wrap a TypeScript function in __name()
 * helpers the page lacks). Sets the input's value as typing would (native setter + input event).
 */
export const MEASURE_EDIT_SOURCE = `window.__privadaptMeasureEdit = function (input, v) {
  var before = new Set(performance.getEntriesByType("measure").map(function (m) { return m.name + m.startTime; }));
  var vh = window.innerHeight;
  var inView = Array.prototype.slice.call(document.querySelectorAll("figure.chart[data-chart]")).filter(function (f) {
    var r = f.getBoundingClientRect(); return r.bottom > 0 && r.top < vh;
  }).map(function (f) { return f.getAttribute("data-chart"); });
  return new Promise(function (resolve) {
    var t0, quiet, results = null, table = null, first = null, last = 0, charts = {}, done = false;
    function afterFrame(set) { requestAnimationFrame(function () { set(performance.now() - t0); }); }
    function finish() {
      if (done) return; done = true;
      mo.disconnect();
      var redrawn = performance.getEntriesByType("mark").filter(function (m) { return m.startTime >= t0 && m.name.indexOf("privadapt:chart-redraw:") === 0; })
        .map(function (m) { return m.name.slice("privadapt:chart-redraw:".length); });
      var expected = inView.filter(function (k, i, a) { return redrawn.indexOf(k) >= 0 && a.indexOf(k) === i; });
      var times = expected.map(function (k) { return typeof charts[k] === "number" && charts[k] >= 0 ? charts[k] : NaN; });
      var measure = performance.getEntriesByType("measure").find(function (m) { return /chart/i.test(m.name) && !before.has(m.name + m.startTime); });
      resolve({
        resultsMs: results === null || results < 0 ? NaN : results,
        chartMs: charts, inView: inView, redrawn: expected,
        allInViewMs: expected.length === 0 ? NaN : times.some(function (t) { return !isFinite(t); }) ? NaN : Math.max.apply(null, times),
        firstChartMs: first === null || first < 0 ? NaN : first, settledMs: last,
        measureMs: measure ? measure.duration : null,
        tableMs: table === null || table < 0 ? NaN : table,
      });
    }
    var mo = new MutationObserver(function (records) {
      var now = performance.now();
      records.forEach(function (r) {
        var el = r.target instanceof Element ? r.target : r.target.parentElement;
        if (!el) return;
        var svg = el.closest("svg.recharts-surface, .recharts-wrapper");
        var fig = el.closest("figure.chart[data-chart]");
        if (svg && fig) {
          var k = fig.getAttribute("data-chart");
          if (!(k in charts)) { charts[k] = -1; afterFrame(function (t) { charts[k] = t; }); }
          if (first === null) { first = -1; afterFrame(function (t) { first = t; }); }
          last = now - t0;
          return;
        }
        if (r.type === "attributes") return; // aria-busy and the like flip before any figure changes
        if (table === null && el.closest("table.comparison-table tbody")) { table = -1; afterFrame(function (t) { table = t; }); }
        if (results === null && el.closest(".answer, dl.summary, table.comparison-table tbody")) { results = -1; afterFrame(function (t) { results = t; }); }
      });
      clearTimeout(quiet);
      quiet = setTimeout(finish, 400);
    });
    mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    setTimeout(finish, 5000);
    var setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
    t0 = performance.now();
    setter.call(input, v);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
};`;

/** The value typed at edit i (warm-ups included), shared by the page run and the bare baseline. */
export const editValue = (i: number) => String(20_000 + i * 7_919);

/** Summary of a list of times: runs, median, p90 (NaN left out). */
export function summary(xs: readonly number[]): { runs: number; medianMs: number | null; p90Ms: number | null } {
  const ok = xs.filter((x) => Number.isFinite(x));
  const round = (x: number) => Number(x.toFixed(1));
  return { runs: ok.length, medianMs: ok.length ? round(median(ok)) : null, p90Ms: ok.length ? round(percentile(ok, 90)) : null };
}

const HARNESS_ENTRY = `
import { useState } from "react";
import { createRoot } from "react-dom/client";
import { ChartCanvas } from "@/components/charts/chart-canvas";
const w = window;
const specs = w.__BARE_SPECS;
let setIndex = null;
function App() {
  const [i, set] = useState(0);
  setIndex = set;
  return <div style={{ width: w.__BARE_WIDTH + "px" }}><ChartCanvas spec={specs[i]} /></div>;
}
createRoot(document.getElementById("root")).render(<App />);
w.__bareRerender = (i) => new Promise((resolve) => {
  const root = document.getElementById("root");
  let t0 = 0, done = false;
  const mo = new MutationObserver((records) => {
    if (done || !records.some((r) => { const el = r.target instanceof Element ? r.target : r.target.parentElement; return !!(el && el.closest("svg.recharts-surface, .recharts-wrapper")); })) return;
    done = true;
    mo.disconnect();
    requestAnimationFrame(() => resolve(performance.now() - t0));
  });
  mo.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  setTimeout(() => { if (!done) { done = true; mo.disconnect(); resolve(NaN); } }, 5000);
  t0 = performance.now();
  setIndex(i);
});
`;

/** The harness page: React + recharts + ChartCanvas in one minified script, production React. */
export async function harnessHtml(specs: unknown[], width: number): Promise<string> {
  const esbuild = await import("esbuild");
  const out = await esbuild.build({
    stdin: { contents: HARNESS_ENTRY, loader: "tsx", resolveDir: ROOT, sourcefile: "bench-bare-recharts.tsx" },
    bundle: true, write: false, format: "iife", platform: "browser", target: "es2022", minify: true,
    jsx: "automatic", tsconfig: join(ROOT, "tsconfig.json"), logLevel: "error",
    define: { "process.env.NODE_ENV": '"production"' },
  });
  const js = out.outputFiles[0]?.text ?? "";
  // "</script" inside the bundle would end the element early.
  const safe = js.replace(/<\/script/gi, "<\\/script");
  return `<!doctype html><html><head><meta charset="utf-8"><title>bare recharts</title></head><body><div id="root"></div>
<script>window.__BARE_SPECS = ${JSON.stringify(specs).replace(/</g, "\\u003c")}; window.__BARE_WIDTH = ${width};</script>
<script>${safe}</script></body></html>`;
}

/** The presentation's chart of `kind` for the default scenario with `queries=value` (RDP, as the page draws first). */
function chartFor(kind: "costSplit" | "costVsQueries", value: string) {
  const r = parseScenario(`queries=${value}&accountant=rdp`);
  if (!r.ok) throw new Error(`bad scenario queries=${value}`);
  const p = presentEstimate(estimate(r.scenario));
  return kind === "costSplit" ? { kind, chart: p.charts.costSplit, log: false } : { kind, chart: p.charts.costVsQueries };
}

/**
 * Bare re-renders of chart `kind` over the same edit sequence as the page (values editValue(i)),
 * in a page served by Playwright at `origin`/__bench/bare.html. `width` is the page's chart width.
 */
export async function bareRechartsBaseline(browser: Browser, origin: string, kind: "costSplit" | "costVsQueries", edits: number, warmup: number, width: number) {
  const specs = Array.from({ length: edits + warmup + 1 }, (_, i) => chartFor(kind, i === 0 ? "10000" : editValue(i - 1)));
  const html = await harnessHtml(specs, width);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.route(`${origin}/__bench/bare.html`, (route) => route.fulfill({ status: 200, contentType: "text/html", body: html }));
    await page.goto(`${origin}/__bench/bare.html`);
    await page.waitForSelector("svg.recharts-surface", { timeout: 20_000 });
    const samples: number[] = [];
    const pressure: CpuPressure[] = [];
    for (let i = 1; i < specs.length; i++) {
      pressure.push(cpuPressure());
      const ms = await page.evaluate((k) => (window as unknown as { __bareRerender: (k: number) => Promise<number> }).__bareRerender(k), i);
      if (i > warmup) samples.push(ms);
      await page.waitForTimeout(300);
    }
    // CPU time of the same re-renders, traced in a second pass (see editCpu for why).
    const cdp = await page.context().newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on("Tracing.dataCollected", (e) => void events.push(...(e.value as unknown as TraceEvent[])));
    const complete = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
    await cdp.send("Tracing.start", { categories: "devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing", transferMode: "ReportEvents" });
    const traced: number[] = [];
    for (let j = 0; j < Math.min(10, specs.length - 1); j++) {
      traced.push(await page.evaluate((k) => {
        performance.mark("bench:bare-rerender");
        return (window as unknown as { __bareRerender: (k: number) => Promise<number> }).__bareRerender(k);
      }, j + 1));
      await page.waitForTimeout(300);
    }
    await cdp.send("Tracing.end");
    await complete;
    await cdp.detach();
    const marks = events.filter((e) => e.name === "bench:bare-rerender").sort((a, b) => a.ts - b.ts);
    const cpu = marks.slice(0, traced.length).flatMap((m, j) => (Number.isFinite(traced[j]) ? [mainCpu(events, m.ts - 3000, m.ts + traced[j]! * 1000)] : []));
    return { chart: kind, widthPx: width, ...summary(samples), cpu: summary(cpu), pressure: pressureRange(pressure), samplesMs: samples.map((x) => Number(x.toFixed(1))) };
  } finally {
    await page.close();
  }
}

/**
 * CPU time, not wall time, of the same edits (issue #18 asks for a load-independent figure). On a
 * shared 2-core machine an edit's wall time is mostly waiting for a core: at PSI ~95% a worker
 * evaluation took 272 ms of wall time for 23 ms of its thread's CPU (2026-12-03), and the page's
 * path crosses two threads and several tasks, each waiting its turn, where the bare recharts
 * re-render is one task, so the page/bare ratio of wall times grows with the load. This traces
 * `edits` further edits (Chromium trace, `tdur` = thread time of each task) and sums, per edit, the
 * CPU of the page's main-thread tasks from the input event to the first results and to the
 * cost-split chart's redraw, and of the worker tasks that started before the results arrived
 * (the RDP evaluation; the PRV refresh starts 350 ms later). Tracing adds a little to each task,
 * so these run after the timed edits, not during them.
 */
type TraceEvent = { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; cat?: string; args?: { name?: string } };

/** CPU (thread time, ms) of the tasks that started in [from, until) µs on threads named like `kind`. */
function threadCpu(events: readonly TraceEvent[], kind: RegExp, from: number, until: number): number {
  const thread: Record<string, string> = {};
  for (const e of events) if (e.name === "thread_name" && e.args?.name) thread[`${e.pid}:${e.tid}`] = e.args.name;
  return events.filter((t) => t.name === "RunTask" && t.ph === "X" && t.ts >= from && t.ts < until && kind.test(thread[`${t.pid}:${t.tid}`] ?? ""))
    .reduce((a, t) => a + (t.tdur ?? t.dur ?? 0), 0) / 1000;
}
const mainCpu = (events: readonly TraceEvent[], from: number, until: number) => threadCpu(events, /CrRendererMain/, from, until);

export async function editCpu(page: import("@playwright/test").Page, input: import("@playwright/test").ElementHandle<Element>, firstEdit: number, edits: number) {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
  await cdp.send("Tracing.start", { categories: "devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing", transferMode: "ReportEvents" });
  const samples: EditSample[] = [];
  for (let i = 0; i < edits; i++) {
    samples.push(await input.evaluate((el, v) => (window as unknown as { __privadaptMeasureEdit: (el: Element, v: string) => Promise<EditSample> }).__privadaptMeasureEdit(el, v), editValue(firstEdit + i)));
    await page.waitForTimeout(300);
  }
  await cdp.send("Tracing.end");
  await complete;
  await cdp.detach();
  const inputs = events.filter((e) => e.name === "privadapt:input" && e.cat?.includes("blink.user_timing")).sort((a, b) => a.ts - b.ts);
  const cpu = (kind: RegExp, from: number, until: number) => threadCpu(events, kind, from, until);
  const toResults: number[] = [], toChart: number[] = [], worker: number[] = [];
  // One privadapt:input mark per edit, in order; an edit whose mark is missing is left out.
  inputs.slice(0, samples.length).forEach((mark, k) => {
    const s = samples[k]!;
    const from = mark.ts - 3000; // the input event's own task starts just before the mark
    if (Number.isFinite(s.resultsMs)) {
      toResults.push(cpu(/CrRendererMain/, from, mark.ts + s.resultsMs * 1000));
      // From the mark, not before: a previous edit's PRV run (the other worker) may still be going.
      worker.push(cpu(/DedicatedWorker/, mark.ts, mark.ts + s.resultsMs * 1000));
    }
    const chart = s.chartMs.costSplit;
    if (chart !== undefined && chart >= 0) toChart.push(cpu(/CrRendererMain/, from, mark.ts + chart * 1000));
  });
  return { edits: samples.length, mainToResults: summary(toResults), mainToCostSplit: summary(toChart), workerBeforeResults: summary(worker) };
}
