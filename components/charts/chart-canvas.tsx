"use client";

/**
 * The five charts, drawn with recharts from ready series (lib/present computes everything).
 * This module is loaded lazily after the first paint: recharts is the page's largest dependency.
 */
import type { ReactElement } from "react";
import {
  Area, Bar, BarChart, CartesianGrid, Cell, ComposedChart, Legend, Line, ReferenceDot, ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis,
} from "recharts";
import type { CostSplitChart, CostVsQueriesChart, LeakageChart, ParetoChart, UtilityChart } from "@/lib";
import { formatCount, formatSignificant, formatUsd, formatUtility } from "@/lib/light";
import { LEAK_LABEL, LEAK_SHAPE, usePalette, type Palette } from "./palette";

export type ChartSpec =
  | { kind: "costSplit"; chart: CostSplitChart; log: boolean }
  | { kind: "costVsQueries"; chart: CostVsQueriesChart }
  | { kind: "utility"; chart: UtilityChart }
  | { kind: "leakage"; chart: LeakageChart }
  | { kind: "pareto"; chart: ParetoChart };

/** Decades covering [min, max] of the positive values: the ticks and domain of a log axis. */
export function logDomain(values: readonly (number | null | undefined)[], floor?: number): { domain: [number, number]; ticks: number[] } {
  const positive = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v) && v > 0);
  const lo = positive.length ? Math.min(...positive) : 1;
  const hi = positive.length ? Math.max(...positive) : 10;
  let a = Math.floor(Math.log10(floor !== undefined ? Math.max(floor, lo) : lo));
  let b = Math.ceil(Math.log10(hi));
  if (b <= a) b = a + 1;
  if (b - a > 14) a = b - 14;
  const ticks: number[] = [];
  for (let e = a; e <= b; e++) ticks.push(10 ** e);
  return { domain: [10 ** a, 10 ** b], ticks };
}

function usdTick(x: number): string {
  if (x >= 1e9) return `$${x / 1e9}B`;
  if (x >= 1e6) return `$${x / 1e6}M`;
  if (x >= 1e3) return `$${x / 1e3}k`;
  if (x >= 1) return `$${x}`;
  return `$${formatSignificant(x, 1)}`;
}

function countTick(x: number): string {
  if (x >= 1e9) return `${x / 1e9}B`;
  if (x >= 1e6) return `${x / 1e6}M`;
  if (x >= 1e3) return `${x / 1e3}k`;
  return String(x);
}

/** A category tick on two lines: the method, then the model ("DP-ICL · GPT-4 Turbo"). */
function TwoLineTick(props: { x?: number | string; y?: number | string; payload?: { value: string }; fill: string }): ReactElement {
  const x = Number(props.x ?? 0);
  const y = Number(props.y ?? 0);
  // Split at the first separator only: "PrivateLoRA · BART-Large (XSum)", "DP-ICL → OpenAI", "PrivateLoRA (local)".
  const value = String(props.payload?.value ?? "");
  const m = value.match(/^(.*?)(?: · | → | (?=\())(.*)$/);
  const [first, second] = m ? [m[1], m[2]] : [value, ""];
  return (
    <text x={x} y={y} textAnchor="end" fill={props.fill} fontSize={11}>
      <tspan x={x - 4} dy={second ? -2 : 4}>{first}</tspan>
      {second ? <tspan x={x - 4} dy={12}>{props.payload?.value.includes("→") ? `→ ${second}` : second}</tspan> : null}
    </text>
  );
}

const axisProps = (p: Palette) => ({ stroke: p.muted, tick: { fill: p.text, fontSize: 11 } });
const tooltipStyle = (p: Palette) => ({ contentStyle: { background: p.background, border: `1px solid ${p.grid}`, color: p.text, fontSize: 12 }, itemStyle: { color: p.text } });

function CostSplit({ chart, log, p }: { chart: CostSplitChart; log: boolean; p: Palette }) {
  const { domain, ticks } = logDomain(chart.bars.flatMap((b) => [b.trainingUsd, b.queryUsd, b.totalUsd]));
  const floor = domain[0];
  const data = chart.bars.map((b) => ({
    label: b.label,
    training: b.trainingUsd === null ? null : log ? Math.max(b.trainingUsd, floor) : b.trainingUsd,
    query: b.queryUsd,
    trainingUsd: b.trainingUsd,
    queryUsd: b.queryUsd,
  }));
  return (
    <BarChart layout="vertical" data={data} responsive style={{ width: "100%", height: chart.height }} margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
      <CartesianGrid horizontal={false} stroke={p.grid} />
      <XAxis type="number" {...axisProps(p)} scale={log ? "log" : "linear"} domain={log ? domain : [0, "auto"]} ticks={log ? ticks : undefined} allowDataOverflow={log} tickFormatter={usdTick} />
      <YAxis type="category" dataKey="label" width={128} interval={0} tick={(t: object) => <TwoLineTick {...t} fill={p.text} />} stroke={p.muted} />
      <Tooltip {...tooltipStyle(p)} formatter={(_v, name, item) => {
        const raw = name === "training" ? item.payload.trainingUsd : item.payload.queryUsd;
        return [raw === null ? "no price" : formatUsd(raw), name === "training" ? "Training (one-off)" : `Queries (${formatCount(chart.queries)})`];
      }} />
      <Legend formatter={(v) => (v === "training" ? "Training (one-off)" : `Queries (${formatCount(chart.queries)})`)} />
      <Bar dataKey="training" stackId="cost" fill={p.training} isAnimationActive={false} />
      <Bar dataKey="query" stackId="cost" fill={p.query} isAnimationActive={false} />
    </BarChart>
  );
}

function CostVsQueries({ chart, p }: { chart: CostVsQueriesChart; p: Palette }) {
  // A modelled GPU cost's band (lib/present CostSeriesView.bandUsd) is a range area under its line.
  const bandKey = (key: string) => `${key}~band`;
  const data = chart.queries.map((q, i) => ({
    q,
    ...Object.fromEntries(chart.series.map((s) => [s.key, s.totalUsd[i] ?? null])),
    ...Object.fromEntries(chart.series.filter((s) => s.bandUsd).map((s) => [bandKey(s.key), [s.bandUsd?.low[i] ?? null, s.bandUsd?.high[i] ?? null]])),
  }));
  const x = logDomain(chart.queries);
  const y = logDomain(chart.series.flatMap((s) => [...s.totalUsd, ...(s.bandUsd ? [...s.bandUsd.low, ...s.bandUsd.high] : [])]));
  const names = new Map(chart.series.flatMap((s) => [[s.key, `${s.llm === "open" ? "open" : "closed"} · ${s.label}`], [bandKey(s.key), `${s.label}: GPU model range`]]));
  const money = (v: unknown) => (Array.isArray(v) ? `${formatUsd(Number(v[0]))}–${formatUsd(Number(v[1]))}` : v === null || v === undefined ? "no price" : formatUsd(Number(v)));
  return (
    <ComposedChart data={data} responsive style={{ width: "100%", height: chart.height }} margin={{ top: 8, right: 20, bottom: 8, left: 8 }}>
      <CartesianGrid stroke={p.grid} />
      <XAxis dataKey="q" type="number" scale="log" domain={[chart.queries[0] ?? 1, chart.queries[chart.queries.length - 1] ?? 10]} ticks={x.ticks.filter((t) => t >= (chart.queries[0] ?? 1))} tickFormatter={countTick} {...axisProps(p)}
        label={{ value: "queries (log)", position: "insideBottomRight", offset: -4, fill: p.muted, fontSize: 11 }} />
      <YAxis type="number" scale="log" domain={y.domain} ticks={y.ticks} allowDataOverflow tickFormatter={usdTick} width={56} {...axisProps(p)} />
      <Tooltip {...tooltipStyle(p)} labelFormatter={(q) => `${formatCount(Number(q))} queries`} formatter={(v, name) => [money(v), names.get(String(name)) ?? String(name)]} />
      <Legend formatter={(v) => names.get(String(v)) ?? String(v)} />
      {chart.series.filter((s) => s.bandUsd).map((s) => (
        <Area key={bandKey(s.key)} dataKey={bandKey(s.key)} type="linear" stroke="none" fill={p.method[s.method]} fillOpacity={0.18} legendType="none" isAnimationActive={false} className="cost-band" />
      ))}
      <ReferenceLine x={chart.scenarioQueries} stroke={p.muted} strokeDasharray="2 4" label={{ value: "your volume", position: "insideTopLeft", fill: p.muted, fontSize: 11 }} />
      {chart.series.map((s) => (
        <Line key={s.key} dataKey={s.key} type="linear" stroke={p.method[s.method]} strokeWidth={2} strokeDasharray={s.llm === "closed" ? "6 3" : undefined} dot={false} connectNulls={false} isAnimationActive={false} />
      ))}
      {chart.breakEven.map((b) => (
        <ReferenceDot key={b.key} x={b.queries} y={b.costUsd} r={4} fill={p.background} stroke={p.text} strokeWidth={2} ifOverflow="hidden" />
      ))}
    </ComposedChart>
  );
}

interface DotProps { cx?: number; cy?: number; payload?: { kind?: string } }

function UtilityDot({ color, background }: { color: string; background: string }) {
  return function Dot(props: DotProps): ReactElement {
    const measured = props.payload?.kind === "measured";
    return <circle cx={props.cx} cy={props.cy} r={5} stroke={color} strokeWidth={2} fill={measured ? color : background} />;
  };
}

function UtilityVsEpsilon({ chart, p }: { chart: UtilityChart; p: Palette }) {
  const hi = Math.max(10, chart.chosenEpsilon * 1.5);
  const ticks = [0.1, 0.3, 1, 3, 10, 30, 100].filter((t) => t <= hi * 1.01);
  return (
    <ScatterChart responsive style={{ width: "100%", height: chart.height }} margin={{ top: 20, right: 20, bottom: 8, left: 8 }}>
      <CartesianGrid stroke={p.grid} />
      <XAxis dataKey="epsilon" type="number" scale="log" domain={[0.1, hi]} ticks={ticks} allowDataOverflow {...axisProps(p)}
        label={{ value: "ε (log)", position: "insideBottomRight", offset: -4, fill: p.muted, fontSize: 11 }} />
      <YAxis dataKey="value" type="number" domain={["auto", "auto"]} width={48} unit={chart.unit === "%" ? "%" : ""} {...axisProps(p)} />
      <Tooltip {...tooltipStyle(p)} content={({ active, payload }) => {
        const d = active ? (payload?.[0]?.payload as { epsilon: number; value: number; kind: string; source: string } | undefined) : undefined;
        const series = active ? (payload?.[0] as { name?: string } | undefined)?.name : undefined;
        if (!d) return null;
        return (
          <div className="chart-tooltip">
            <strong>{series}</strong><br />ε = {d.epsilon}: {formatUtility(d.value, chart.unit)} ({d.kind})<br />{d.source}
          </div>
        );
      }} />
      <Legend />
      <ReferenceLine x={chart.chosenEpsilon} stroke={p.text} strokeDasharray="4 4" label={{ value: `your ε = ${chart.chosenEpsilon}`, position: "top", fill: p.text, fontSize: 11 }} />
      {chart.series.map((s) => (
        <Scatter key={s.key} name={s.label} data={s.points} fill={p.method[s.method]} line={{ stroke: p.method[s.method], strokeWidth: 1.5 }}
          shape={UtilityDot({ color: p.method[s.method], background: p.background })} isAnimationActive={false} />
      ))}
    </ScatterChart>
  );
}

function Leakage({ chart, p }: { chart: LeakageChart; p: Palette }) {
  const panel = (dataKey: "records" | "queryCopies", title: string, format: (x: number) => string) => (
    <div className="leak-panel">
      <p className="leak-panel-title" data-export-text>{title}</p>
      <BarChart layout="vertical" data={chart.bars} responsive style={{ width: "100%", height: chart.height - 24 }} margin={{ top: 4, right: 24, bottom: 4, left: 4 }}>
        <CartesianGrid horizontal={false} stroke={p.grid} />
        <XAxis type="number" domain={[0, "auto"]} allowDecimals={false} tickFormatter={countTick} {...axisProps(p)} />
        <YAxis type="category" dataKey="label" width={128} interval={0} tick={(t: object) => <TwoLineTick {...t} fill={p.text} />} stroke={p.muted} />
        <Tooltip {...tooltipStyle(p)} formatter={(v) => [format(Number(v)), title]} />
        <Bar dataKey={dataKey} isAnimationActive={false} minPointSize={0}>
          {chart.bars.map((b) => <Cell key={b.key} fill={p.leak[b.leakClass]} />)}
        </Bar>
      </BarChart>
    </div>
  );
  return (
    <div className="leak-grid">
      {panel("records", `Private records sent (of N = ${formatCount(chart.privateRecords)})`, (x) => `${formatCount(x)} records`)}
      {panel("queryCopies", "Copies of each query sent", (x) => `${formatCount(x)} copies`)}
    </div>
  );
}

function Pareto({ chart, p }: { chart: ParetoChart; p: Palette }) {
  const x = logDomain(chart.points.map((pt) => pt.costUsd));
  const front = chart.front.map((k) => chart.points.find((pt) => pt.key === k)).filter((pt) => pt !== undefined);
  const classes = (["none", "partial", "exposed"] as const).filter((c) => chart.points.some((pt) => pt.leakClass === c));
  return (
    <ScatterChart responsive style={{ width: "100%", height: chart.height }} margin={{ top: 8, right: 20, bottom: 8, left: 8 }}>
      <CartesianGrid stroke={p.grid} />
      <XAxis dataKey="costUsd" type="number" scale="log" domain={x.domain} ticks={x.ticks} tickFormatter={usdTick} allowDataOverflow {...axisProps(p)}
        label={{ value: "total cost (log)", position: "insideBottomRight", offset: -4, fill: p.muted, fontSize: 11 }} />
      <YAxis dataKey="utility" type="number" domain={["auto", "auto"]} width={48} unit={chart.unit === "%" ? "%" : ""} {...axisProps(p)} />
      <Tooltip {...tooltipStyle(p)} content={({ active, payload }) => {
        const d = active ? (payload?.[0]?.payload as ParetoChart["points"][number] | undefined) : undefined;
        if (!d || !d.label) return null;
        return (
          <div className="chart-tooltip">
            <strong>{d.label}</strong><br />{formatUsd(d.costUsd)} · {chart.metricLabel} {formatUtility(d.utility, chart.unit)}<br />{LEAK_LABEL[d.leakClass]}{d.onFront ? " · on the front" : ""}
          </div>
        );
      }} />
      <Legend />
      <Scatter name="Pareto front" data={front} line={{ stroke: p.muted, strokeWidth: 1.5, strokeDasharray: "4 3" }} shape={() => <g />} legendType="plainline" fill={p.muted} isAnimationActive={false} />
      {classes.map((c) => (
        <Scatter key={c} name={LEAK_LABEL[c]} data={chart.points.filter((pt) => pt.leakClass === c)} fill={p.leak[c]} shape={LEAK_SHAPE[c]} legendType={LEAK_SHAPE[c]} isAnimationActive={false} />
      ))}
    </ScatterChart>
  );
}

export function ChartCanvas({ spec }: { spec: ChartSpec }) {
  const p = usePalette();
  switch (spec.kind) {
    case "costSplit": return <CostSplit chart={spec.chart} log={spec.log} p={p} />;
    case "costVsQueries": return <CostVsQueries chart={spec.chart} p={p} />;
    case "utility": return <UtilityVsEpsilon chart={spec.chart} p={p} />;
    case "leakage": return <Leakage chart={spec.chart} p={p} />;
    case "pareto": return <Pareto chart={spec.chart} p={p} />;
  }
}
