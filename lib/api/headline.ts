/**
 * The headline comparison of a scenario: the cheapest option on a local open model against the
 * cheapest on a closed API, with their total cost, what each leaks (channels A, B, C) and the ε
 * its plan achieves, plus the top recommendation. The link-preview image draws it; the statement
 * prints it. An option that cannot run as planned is never the cheapest while one that can
 * exists, and when it is shown it says so.
 */
import {
  DATASETS, parseScenario, recommend, serializeScenario, type Estimate, type EstimateRow, type LeakageChannelId, type LeakageChannelStatus, type LlmFamily,
  type MethodId, type ModelId, type RecommendOption,
} from "../index";
import { cachedEstimate } from "./estimate-cache";
import { formatCount, formatDelta, formatEpsilon, formatEpsilonTarget, formatUsdOrMissing } from "../present/format";

export interface HeadlineOption {
  method: MethodId;
  model: ModelId;
  label: string;
  llm: LlmFamily;
  totalCostUsd: number | null;
  totalCost: string;
  channels: Record<LeakageChannelId, LeakageChannelStatus> | null;
  /** Whether the plan can run as specified (the row's `feasible`). */
  feasible: boolean;
  /** The ε the plan achieves (`row.privacy.epsilon`), not the target; null when unbounded. */
  epsilon: number | null;
  /** The δ it charges. */
  delta: number;
  targetEpsilon: number;
  /** One line: the achieved (ε, δ), or plainly that the plan misses its target or cannot run. */
  guarantee: string;
}

export interface Headline {
  /** e.g. "SST2 · 66,674 records · 10,000 queries · ε = 8, δ = 1.5e-5". */
  scenarioLine: string;
  cheapestOpen: HeadlineOption | null;
  cheapestClosed: HeadlineOption | null;
  recommended: HeadlineOption | null;
  /** Options compared (estimate rows). */
  compared: number;
}

export const CHANNEL_NAMES: Record<LeakageChannelId, string> = {
  A: "Private training data → provider",
  B: "Queries → provider",
  C: "Training data → querying party",
};

/**
 * What a row's plan guarantees, in one line, from the ε it achieves (never the target it misses).
 * @example guaranteeLine(row) // "misses the target ε = 8: achieves only ε = 23.62, δ = 3.39e-4"
 */
export function guaranteeLine(row: Pick<EstimateRow, "privacy" | "feasible">): string {
  const p = row.privacy;
  const target = `target ε = ${formatEpsilonTarget(p.targetEpsilon)}`;
  if (p.epsilon === null) return `no finite ε (${target}): no guarantee is claimed`;
  const achieved = `ε = ${formatEpsilon(p.epsilon)}, δ = ${formatDelta(p.delta)}`;
  if (p.epsilon > p.targetEpsilon) return `misses the ${target}: achieves only ${achieved}`;
  if (!row.feasible) return `cannot run as planned at the ${target}: no guarantee is claimed`;
  return `${achieved} (${target})`;
}

function option(row: EstimateRow): HeadlineOption {
  return {
    method: row.method,
    model: row.model,
    label: `${row.methodLabel} on ${row.modelLabel}`,
    llm: row.llm,
    totalCostUsd: row.totalCostUsd,
    totalCost: formatUsdOrMissing(row.totalCostUsd),
    channels: row.leakage ? { A: row.leakage.channels.A.status, B: row.leakage.channels.B.status, C: row.leakage.channels.C.status } : null,
    feasible: row.feasible,
    epsilon: row.privacy.epsilon,
    delta: row.privacy.delta,
    targetEpsilon: row.privacy.targetEpsilon,
    guarantee: guaranteeLine(row),
  };
}

/** The cheapest priced row of a family that can run as planned; only when none can, the cheapest that cannot (it says so). */
function cheapest(rows: EstimateRow[], llm: LlmFamily): EstimateRow | null {
  let best: EstimateRow | null = null;
  for (const row of rows) {
    if (row.llm !== llm || row.totalCostUsd === null) continue;
    const better = best === null
      || (row.feasible && !best.feasible)
      || (row.feasible === best.feasible && (best.totalCostUsd ?? Infinity) > row.totalCostUsd);
    if (better) best = row;
  }
  return best;
}

/** The options `recommend` can rank: rows with a leakage ledger. */
export function recommendableRows(rows: EstimateRow[]): (EstimateRow & RecommendOption)[] {
  return rows.filter((r): r is EstimateRow & RecommendOption => r.leakage !== null);
}

export function scenarioLine(e: Estimate): string {
  const s = e.scenario;
  const dataset = s.preset === "custom" ? `Custom ${s.task}` : DATASETS[s.preset].label;
  return `${dataset} · ${formatCount(s.records)} records · ${formatCount(s.queries)} ${s.queries === 1 ? "query" : "queries"} · ε = ${formatEpsilonTarget(s.epsilon)}, δ = ${formatDelta(s.delta)}`;
}

/** Reads cost, leakage and each row's privacy: the ε it states is the one the plan achieves, by the estimate's accountant. */
export function headlineOf(e: Estimate): Headline {
  const top = recommend(recommendableRows(e.rows)).ranked[0]?.option ?? null;
  const open = cheapest(e.rows, "open");
  const closed = cheapest(e.rows, "closed");
  return {
    scenarioLine: scenarioLine(e),
    cheapestOpen: open ? option(open) : null,
    cheapestClosed: closed ? option(closed) : null,
    recommended: top ? option(top) : null,
    compared: e.rows.length,
  };
}

export interface Preview {
  headline: Headline;
  /** Fields of the link that were invalid and fell back to their defaults. */
  ignored: string[];
  canonical: string;
}

/**
 * The headline of a share link for its preview image. Never throws for input: invalid fields
 * fall back to their defaults and are listed, because a preview must always render.
 *
 * It runs with the link's own accountant, like the page and the statement: the card states the ε
 * each option achieves and whether it meets the target, and channel C follows from it, so an RDP
 * shortcut could call a plan infeasible that the page (PRV) shows meeting its target. A cold PRV
 * preview costs what the statement's first view costs; both share the estimate memo.
 */
export function previewFor(input: URLSearchParams | string): Preview {
  const parsed = parseScenario(input);
  const scenario = parsed.ok ? parsed.scenario : parsed.fallback;
  const canonical = serializeScenario(scenario);
  const { estimate } = cachedEstimate(scenario);
  return { headline: headlineOf(estimate), ignored: parsed.ok ? [] : [...new Set(parsed.errors.map((e) => e.field))], canonical };
}
