"use client";

import dynamic from "next/dynamic";
import { memo, useEffect, useId, useMemo, useRef, useState, type ReactNode, type RefObject } from "react";
import type { ChartDataTable } from "@/lib";
import { mark } from "../calculator/user-timing";
import { LazyDetails } from "../lazy-details";
import type { ChartSpec } from "./chart-canvas";
import { scheduleChartRedraw } from "./chart-queue";
import { chartSvg, downloadBlob, svgToPng, type LegendEntry } from "./export-image";
import { LEAK_LABEL, useTheme, type Theme } from "./theme";
import type { Palette } from "./palette";

/** recharts (the page's largest dependency) loads after the first paint, into a box of known height. */
const ChartCanvas = dynamic(() => import("./chart-canvas").then((m) => m.ChartCanvas), { ssr: false, loading: () => null });

/**
 * How far below the viewport a chart starts loading. recharts is 485 kB of script and drawing the
 * five charts costs about a second of main-thread time on a phone; the charts sit below the
 * comparison table, so a reader who never scrolls there never pays for them, and one who scrolls
 * finds them drawn: a screen's height ahead is about the time the chunk needs on a fast link.
 */
export const CHART_LOAD_MARGIN = "1000px 0px";

/**
 * True once the element has come within `margin` of the viewport, and from then on (a chart that
 * was drawn stays drawn). Where IntersectionObserver is missing (old browsers, jsdom), true at once.
 */
export function useNearViewport(ref: RefObject<Element | null>, margin = CHART_LOAD_MARGIN): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (near || !el) return;
    if (typeof IntersectionObserver === "undefined") {
      const id = setTimeout(() => setNear(true), 0);
      return () => clearTimeout(id);
    }
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setNear(true);
    }, { rootMargin: margin });
    io.observe(el);
    return () => io.disconnect();
  }, [ref, margin, near]);
  return near;
}

/** The on-screen legend (leakage only) needs the theme; a download's legend names methods too. */
function leakLegend(p: Theme): LegendEntry[] {
  return (["none", "partial", "exposed"] as const).map((c) => ({ label: LEAK_LABEL[c], color: p.leak[c] }));
}

function legendOf(spec: ChartSpec, p: Palette): LegendEntry[] {
  switch (spec.kind) {
    case "costSplit": return [{ label: "Training (one-off)", color: p.training }, { label: "Queries", color: p.query }];
    case "costVsQueries": return spec.chart.series.map((s) => ({ label: `${s.llm}: ${s.label}`, color: p.method[s.method] }));
    case "utility": return spec.chart.series.map((s) => ({ label: s.label, color: p.method[s.method] }));
    case "leakage":
    case "pareto": return leakLegend(p);
  }
}

/**
 * What the bar colours mean, on screen (issue #19: the leakage chart had colours and no legend;
 * only its downloaded image had one). Outside the chart's fixed-height box, rendered by the
 * server too, so nothing moves when the chart arrives.
 */
export function ChartLegend({ entries }: { entries: LegendEntry[] }) {
  return (
    <ul className="chart-legend" aria-label="Bar colours">
      {entries.map((e) => (
        <li key={e.label}><span className="swatch" style={{ background: e.color }} aria-hidden="true" />{e.label}</li>
      ))}
    </ul>
  );
}

function DataTable({ table }: { table: ChartDataTable }) {
  return (
    <LazyDetails className="chart-data" summary="Data table">
      {/* A wide table scrolls in its own box; keyboard users need to reach it to scroll it (axe: scrollable-region-focusable). */}
      <div className="table-scroll" role="region" aria-label={table.caption} tabIndex={0}>
        <table>
          <caption>{table.caption}</caption>
          <thead>
            <tr>{table.columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr key={i}>{r.map((cell, j) => (j === 0 ? <th key={j} scope="row">{cell}</th> : <td key={j}>{cell}</td>))}</tr>
            ))}
          </tbody>
        </table>
      </div>
    </LazyDetails>
  );
}

export interface ChartFigureProps {
  /** File name stem of the downloads, e.g. "cost-vs-queries". */
  name: string;
  spec: ChartSpec;
  /** Controls shown beside the download buttons (e.g. the log-scale switch). */
  controls?: ReactNode;
  /** Two panels side by side on wide screens, stacked on narrow ones. */
  twoPanel?: boolean;
}

/**
 * A chart with its conclusion as the title, what is plotted, PNG/SVG downloads and a data table
 * that screen readers (and readers without JavaScript) get instead of the drawing.
 */
export const ChartFigure = memo(ChartFigureImpl, sameFigure);

/**
 * Redraw only when the chart's data changed. The page's evaluations share unchanged sub-trees
 * (components/calculator/structural-share.ts), so identity is equality here; a recharts chart
 * costs tens of milliseconds to draw, which is what keeps typing smooth.
 */
function sameFigure(a: ChartFigureProps, b: ChartFigureProps): boolean {
  return a.name === b.name && a.twoPanel === b.twoPanel && a.controls === b.controls &&
    a.spec.kind === b.spec.kind && a.spec.chart === b.spec.chart &&
    (a.spec.kind === "costSplit" ? a.spec.log : null) === (b.spec.kind === "costSplit" ? b.spec.log : null);
}

function ChartFigureImpl({ name, spec, controls, twoPanel = false }: ChartFigureProps) {
  const id = useId();
  const body = useRef<HTMLDivElement>(null);
  const palette = useTheme();
  const [status, setStatus] = useState("");
  const chart = spec.chart;
  const near = useNearViewport(body);
  // The drawing follows the figures in its turn (one chart per frame, chart-queue.ts); the title,
  // description and data table follow at once.
  const [drawn, setDrawn] = useState(spec);
  useEffect(() => {
    if (drawn === spec) return;
    return scheduleChartRedraw(() => {
      mark(`privadapt:chart-redraw:${spec.kind}`);
      setDrawn(spec);
    });
  }, [drawn, spec]);
  // The same element while `drawn` is unchanged: recharts rebuilds its data on every render, so a
  // re-render of this figure (new title, status text) must not redraw the old chart.
  const canvas = useMemo(() => (near ? <ChartCanvas spec={drawn} /> : null), [near, drawn]);

  const download = async (format: "svg" | "png") => {
    // The method colours come with lib's registry: loaded on demand, as the canvases load them.
    const { paletteFor } = await import("./palette");
    const full = paletteFor(palette.dark);
    const svg = body.current ? chartSvg(body.current, { title: chart.title, legend: legendOf(spec, full), background: full.background, text: full.text }) : null;
    if (!svg) {
      setStatus("The chart has not loaded yet.");
      return;
    }
    try {
      const blob = format === "svg" ? new Blob([svg.text], { type: "image/svg+xml" }) : await svgToPng(svg.text, svg.width, svg.height);
      downloadBlob(blob, `privadapt-${name}.${format}`);
      setStatus(`Downloaded privadapt-${name}.${format}`);
    } catch (e) {
      setStatus(`Download failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <figure className="chart" aria-labelledby={`${id}-title`} data-chart={spec.kind}>
      <figcaption>
        <h3 id={`${id}-title`}>{chart.title}</h3>
        <p className="help" id={`${id}-desc`}>{chart.description}</p>
      </figcaption>
      <div className="chart-toolbar">
        {controls}
        <button type="button" onClick={() => void download("svg")}>Download SVG</button>
        <button type="button" onClick={() => void download("png")}>Download PNG</button>
        <span className="status" role="status">{status}</span>
      </div>
      <div
        ref={body}
        className={twoPanel ? "chart-body two-panel" : "chart-body"}
        style={{ ["--h" as string]: `${chart.height}px` }}
        role="img"
        aria-label={`${chart.title}. The data table below has the numbers.`}
      >
        {canvas}
      </div>
      {spec.kind === "leakage" ? <ChartLegend entries={leakLegend(palette)} /> : null}
      <DataTable table={chart.table} />
    </figure>
  );
}
