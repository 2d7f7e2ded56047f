/**
 * The messages between the page and its estimate workers, and what an engine answers.
 * Types only: this file adds nothing to the page's bundle.
 */
import type { AccountantId, FieldError, FieldWarning, Presentation, Scenario } from "@/lib";

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
  | { id: number; type: "json"; query: string; accountant: AccountantId };

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
  dispose(): void;
}
