/**
 * What the server hands the calculator for a link: the form's fields, the raw values, what the
 * link got wrong, and the first evaluation. Shared by the page and the component tests, so both
 * see the same first render.
 *
 * Which accountant the first render shows: PRV takes from a few milliseconds to ~0.9 s per new
 * scenario on this code (seconds on a cold process), too long to hold a page for, so the server
 * renders RDP figures (labelled; the browser then computes PRV in a Web Worker) — unless this
 * process already holds the PRV evaluation for the link. The landing page's is computed when the
 * server starts (instrumentation.ts → warmCalculator), so `/` arrives with its final, tight
 * figures: readers without JavaScript get PRV, and the browser has nothing to recompute or
 * re-render while the page is loading. Every ε names its accountant either way.
 */
import { buildQuery, formModel, linkProblemView, linkWarningView, parseScenario, rawFromSearchParams, type FormModel, type RawScenario } from "@/lib";
import { createEngineCore } from "./engine-core";
import type { LinkProblems } from "./calculator-provider";
import type { Evaluation } from "./protocol";

type Core = ReturnType<typeof createEngineCore>;

/**
 * One engine per server process: its cache makes a popular link cheap to render again. Kept on
 * globalThis because Next bundles instrumentation.ts and the page separately: a module-level
 * constant would give the warm-up its own cache, which the page would never read.
 */
function serverCore(): Core {
  const g = globalThis as typeof globalThis & { __privadaptEngineCore?: Core };
  return (g.__privadaptEngineCore ??= createEngineCore());
}

let model: FormModel | null = null;

export interface CalculatorData {
  model: FormModel;
  initial: Evaluation;
  initialRaw: RawScenario;
  linkProblems: LinkProblems;
}

/** The engine's query for a link: the link's raw values, without the fields it got wrong. */
function linkQuery(params: URLSearchParams) {
  model ??= formModel();
  const full = parseScenario(params);
  const errors = full.ok ? [] : full.errors;
  const linkProblems: LinkProblems = { errors, warnings: full.warnings, views: { errors: errors.map(linkProblemView), warnings: full.warnings.map(linkWarningView) } };
  const initialRaw = rawFromSearchParams(params, model.keys);
  // The fields the link got wrong are left out (their defaults apply), as the banner says.
  const query = buildQuery(initialRaw, model.keys, new Set(linkProblems.errors.map((e) => e.field)));
  const wantsPrv = (full.ok ? full.scenario : full.fallback).accountant === "prv";
  return { model, linkProblems, initialRaw, query, wantsPrv };
}

export function loadCalculator(params: URLSearchParams): CalculatorData {
  const { model, linkProblems, initialRaw, query, wantsPrv } = linkQuery(params);
  const core = serverCore();
  const initial = (wantsPrv ? core.cached(query, "prv") : undefined) ??
    (core.handle({ id: 0, type: "evaluate", query, accountant: "rdp" }) as Evaluation);
  return { model, initial, initialRaw, linkProblems };
}

/**
 * Compute the PRV evaluations of these links now (at server start), so their pages render with
 * PRV figures. `links` are query strings as in the address bar ("" is the landing page).
 * Returns the milliseconds spent, for the start-up log.
 */
export function warmCalculator(links: readonly string[]): number {
  const start = performance.now();
  const core = serverCore();
  for (const link of links) {
    const { query, wantsPrv } = linkQuery(new URLSearchParams(link));
    if (wantsPrv) core.handle({ id: 0, type: "evaluate", query, accountant: "prv" });
  }
  return performance.now() - start;
}
