"use client";

/**
 * The tornado chart (issue #18): the answer's total cost when one input at a time moves over its
 * range, one row per input, widest swing on top (lib/decide/sensitivity.ts sorts them). Each row
 * has two bars from today's cost: to the cost at the input's low end, and to the cost at its high
 * end. Flip thresholds found by bisection are drawn as dots at the option's cost there.
 * Loaded lazily with recharts, like the other charts (components/charts/chart-canvas.tsx).
 */
import { Bar, BarChart, CartesianGrid, Legend, ReferenceDot, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { FlipMarker, Sensitivity } from "@/lib";
import { formatUsd } from "@/lib/light";
import { usePalette } from "./palette";

export const TORNADO_ROW_PX = 44;
export const TORNADO_PAD_PX = 80;

/** The chart's rows: [from, to] ranges in USD, null where a cost is unknown (drawn as nothing, never $0). */
export function tornadoRows(sens: Sensitivity) {
  const base = sens.baseCostUsd;
  const seg = (cost: number | null): [number, number] | null => (base === null || cost === null ? null : [Math.min(base, cost), Math.max(base, cost)]);
  return sens.bars.map((b) => ({ label: b.label, input: b.input, low: seg(b.low.costUsd), high: seg(b.high.costUsd), lowWords: b.low.words, highWords: b.high.words, lowUsd: b.low.costUsd, highUsd: b.high.costUsd }));
}

export function TornadoCanvas({ sensitivity: sens, markers, width }: { sensitivity: Sensitivity; markers: readonly FlipMarker[]; width?: number }) {
  const p = usePalette();
  const rows = tornadoRows(sens);
  const height = TORNADO_PAD_PX + TORNADO_ROW_PX * Math.max(1, rows.length);
  const costs = rows.flatMap((r) => [r.lowUsd, r.highUsd]).concat(sens.baseCostUsd, ...markers.map((m) => m.costUsd)).filter((x): x is number => x !== null);
  const lo = Math.min(...costs);
  const hi = Math.max(...costs);
  const pad = (hi - lo) * 0.05 || Math.abs(hi) * 0.05 || 1;
  const domain: [number, number] = [Math.max(0, lo - pad), hi + pad];
  const labelOf = new Map(rows.map((r) => [r.input, r.label]));
  const size = width !== undefined ? { width, height } : { responsive: true as const, style: { width: "100%", height } };
  return (
    <BarChart layout="vertical" data={rows} {...size} margin={{ top: 8, right: 24, bottom: 8, left: 8 }} barGap={2}>
      <CartesianGrid horizontal={false} stroke={p.grid} />
      <XAxis type="number" domain={domain} tickFormatter={(x: number) => formatUsd(x)} stroke={p.muted} tick={{ fill: p.text, fontSize: 11 }}
        label={{ value: "total cost (USD)", position: "insideBottomRight", offset: -4, fill: p.muted, fontSize: 11 }} />
      <YAxis type="category" dataKey="label" width={136} interval={0} stroke={p.muted} tick={{ fill: p.text, fontSize: 11 }} />
      <Tooltip contentStyle={{ background: p.background, border: `1px solid ${p.grid}`, color: p.text, fontSize: 12 }} itemStyle={{ color: p.text }}
        formatter={(_v, name, item) => {
          const d = item.payload as ReturnType<typeof tornadoRows>[number];
          return name === "low" ? [d.lowUsd === null ? "no price" : formatUsd(d.lowUsd), `at ${d.lowWords}`] : [d.highUsd === null ? "no price" : formatUsd(d.highUsd), `at ${d.highWords}`];
        }} />
      <Legend formatter={(v) => (v === "low" ? "input at the low end of its range" : "input at the high end of its range")} />
      {sens.baseCostUsd !== null ? (
        <ReferenceLine x={sens.baseCostUsd} stroke={p.text} strokeDasharray="4 4" label={{ value: `today ${formatUsd(sens.baseCostUsd)}`, position: "top", fill: p.text, fontSize: 11 }} />
      ) : null}
      <Bar dataKey="low" fill={p.training} isAnimationActive={false} />
      <Bar dataKey="high" fill={p.query} isAnimationActive={false} />
      {markers.map((m) => (m.costUsd === null ? null : (
        <ReferenceDot key={`${m.input}-${m.at}`} x={m.costUsd} y={labelOf.get(m.input)} r={6} fill={p.background} stroke={p.text} strokeWidth={2} ifOverflow="extendDomain" className="flip-marker" />
      )))}
    </BarChart>
  );
}
