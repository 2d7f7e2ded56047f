/**
 * What the server hands the calculator for a link: the form's fields, the raw values, what the
 * link got wrong, and the first evaluation (RDP figures; the browser adds PRV). Shared by the
 * page and the component tests, so both see the same first render.
 */
import { formModel, parseScenario, type FormModel } from "@/lib";
import { buildQuery, rawFromSearchParams, type RawScenario } from "@/app/search-params";
import { createEngineCore } from "./engine-core";
import type { LinkProblems } from "./calculator-provider";
import type { Evaluation } from "./protocol";

/** One engine per server process: its cache makes a popular link cheap to render again. */
const core = createEngineCore();
let model: FormModel | null = null;

export interface CalculatorData {
  model: FormModel;
  initial: Evaluation;
  initialRaw: RawScenario;
  linkProblems: LinkProblems;
}

export function loadCalculator(params: URLSearchParams): CalculatorData {
  model ??= formModel();
  const full = parseScenario(params);
  const linkProblems: LinkProblems = { errors: full.ok ? [] : full.errors, warnings: full.warnings };
  const initialRaw = rawFromSearchParams(params, model.keys);
  // The fields the link got wrong are left out (their defaults apply), as the banner says.
  const query = buildQuery(initialRaw, model.keys, new Set(linkProblems.errors.map((e) => e.field)));
  // RDP whatever the link asks for (PRV takes seconds cold): the presentation records both and the page labels it.
  const initial = core.handle({ id: 0, type: "evaluate", query, accountant: "rdp" }) as Evaluation;
  return { model, initial, initialRaw, linkProblems };
}
