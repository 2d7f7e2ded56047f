/**
 * The headline comparison of a scenario: the cheapest option on a local open model against the
 * cheapest on a closed API, with their total cost and what each leaks (channels A, B, C), plus
 * the top recommendation. The link-preview image draws it; the statement prints it.
 */
import {
  DATASETS, parseScenario, recommend, serializeScenario, type Estimate, type EstimateRow, type LeakageChannelId, type LeakageChannelStatus, type LlmFamily,
  type MethodId, type ModelId, type RecommendOption,
} from "../index";
import { cachedEstimate } from "./estimate-cache";
import { formatCount, formatSig, formatUsd } from "./format";

export interface HeadlineOption {
  method: MethodId;
  model: ModelId;
  label: string;
  llm: LlmFamily;
  totalCostUsd: number | null;
  totalCost: string;
  channels: Record<LeakageChannelId, LeakageChannelStatus> | null;
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

function option(row: EstimateRow): HeadlineOption {
  return {
    method: row.method,
    model: row.model,
    label: `${row.methodLabel} on ${row.modelLabel}`,
    llm: row.llm,
    totalCostUsd: row.totalCostUsd,
    totalCost: formatUsd(row.totalCostUsd),
    channels: row.leakage ? { A: row.leakage.channels.A.status, B: row.leakage.channels.B.status, C: row.leakage.channels.C.status } : null,
  };
}

function cheapest(rows: EstimateRow[], llm: LlmFamily): EstimateRow | null {
  let best: EstimateRow | null = null;
  for (const row of rows) {
    if (row.llm !== llm || row.totalCostUsd === null) continue;
    if (best === null || (best.totalCostUsd ?? Infinity) > row.totalCostUsd) best = row;
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
  return `${dataset} · ${formatCount(s.records)} records · ${formatCount(s.queries)} queries · ε = ${formatSig(s.epsilon)}, δ = ${formatSig(s.delta, 2)}`;
}

/** Reads only cost and leakage, which no privacy accountant feeds (lib/cost and lib/leakage do not import lib/privacy). */
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
 * It runs with the RDP accountant whatever the link says: the headline shows cost and leakage
 * only, which no accountant feeds (lib/cost and lib/leakage do not import lib/privacy; the
 * statement tests check PRV and RDP give the same headline), and RDP keeps a cold preview
 * around 100 ms instead of seconds, inside link unfurlers' timeouts.
 */
export function previewFor(input: URLSearchParams | string): Preview {
  const parsed = parseScenario(input);
  const scenario = parsed.ok ? parsed.scenario : parsed.fallback;
  const canonical = serializeScenario(scenario);
  const { estimate } = cachedEstimate({ ...scenario, accountant: "rdp" });
  return { headline: headlineOf(estimate), ignored: parsed.ok ? [] : [...new Set(parsed.errors.map((e) => e.field))], canonical };
}
