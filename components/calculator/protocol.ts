/**
 * The messages between the page and its estimate workers, and what an engine answers.
 * Types only: this file adds nothing to the page's bundle.
 */
import type { AccountantId, FieldError, FieldWarning, Flip, FlipMarker, Presentation, Scenario, Sensitivity } from "@/lib";

/** A share link read by the codec: the scenario it stands for and what was wrong with it. */
export interface ParseView {
  ok: boolean;
  errors: FieldError[];
  warnings: FieldWarning[];
  /** The scenario used: the link's, or its fallback with bad fields at their defaults. */
  scenario: Scenario;
  /** Canonical query string of `scenario` (no `?`). */
  canonical: string;
}

export interface Evaluation {
  /** The raw query string that was evaluated. */
  query: string;
  parse: ParseView;
  presentation: Presentation;
}

export type EngineRequest =
  | { id: number; type: "evaluate"; query: string; accountant: AccountantId }
  | { id: number; type: "validate"; query: string }
  | { id: number; type: "json"; query: string; accountant: AccountantId }
  | { id: number; type: "analyse"; query: string; flips: boolean };

/**
 * What would change the answer (issue #18), for the "What would change the answer" panel: the
 * tornado data (lib/decide/sensitivity.ts) and, when asked for, the flip thresholds
 * (lib/decide/flips.ts) with their markers on the bars. Computed with the RDP accountant (an upper
 * bound on ε: the safe side, and fast enough to search); `accountant` says so.
 */
export interface DecisionAnalysis {
  query: string;
  accountant: "rdp";
  sensitivity: Sensitivity;
  /** The chart's text alternative (lib `sensitivityTable`). */
  table: { caption: string; columns: string[]; rows: string[][] };
  /** Null until asked for (the search takes seconds). */
  flips: Flip[] | null;
  markers: FlipMarker[];
  /** Estimates run and wall time in the worker, ms. */
  evaluations: number;
  ms: number;
}

/** A request before it gets its id. */
export type EngineCall = EngineRequest extends infer R ? (R extends unknown ? Omit<R, "id"> : never) : never;

export type EngineResponse =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: string };

/** Thrown (as a rejection) when a newer request made an older slow one pointless. */
export const SUPERSEDED = "superseded";

export interface Engine {
  /** Parse and estimate with `accountant` (PRV may take seconds; RDP tens of milliseconds). */
  evaluate(query: string, accountant: AccountantId): Promise<Evaluation>;
  /** Parse only: the codec's errors and warnings for a query. */
  validate(query: string): Promise<Pick<ParseView, "ok" | "errors" | "warnings">>;
  /** The full estimate as pretty JSON, for download. */
  estimateJson(query: string, accountant: AccountantId): Promise<string>;
  /** Sensitivity of the answer, and with `flips` its thresholds (seconds): never on the fast worker. */
  analyse(query: string, flips: boolean): Promise<DecisionAnalysis>;
  /** True when `analyse` runs off the main thread (a Web Worker): only then may the page start it unasked. */
  readonly analysisOffThread: boolean;
  dispose(): void;
}
