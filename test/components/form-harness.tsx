/**
 * The scenario form alone, with the page's provider, the nuqs testing adapter for the URL and an
 * in-process engine that counts its evaluations: a leaf render for the form's own tests, seconds
 * faster than render-calculator.tsx (no results, no charts).
 */
import { act, render } from "@testing-library/react";
import { withNuqsTestingAdapter, type UrlUpdateEvent } from "nuqs/adapters/testing";
import { CalculatorProvider } from "@/components/calculator/calculator-provider";
import { createInlineEngine } from "@/components/calculator/inline-engine";
import { loadCalculator } from "@/components/calculator/load-calculator";
import type { Engine } from "@/components/calculator/protocol";
import { ScenarioForm } from "@/components/scenario-form/scenario-form";

export const sleep = (ms: number) => act(() => new Promise<void>((r) => setTimeout(r, ms)));

export async function renderForm(search: string) {
  const data = loadCalculator(new URLSearchParams(search));
  const onUrlUpdate = jest.fn<void, [UrlUpdateEvent]>();
  const inline = createInlineEngine();
  /** The queries the engine was asked to evaluate, in order. */
  const evaluated: string[] = [];
  const engine: Engine = { ...inline, evaluate: (query, accountant) => (evaluated.push(query), inline.evaluate(query, accountant)) };
  let utils!: ReturnType<typeof render>;
  await act(async () => {
    utils = render(
      <CalculatorProvider keys={data.model.keys} initial={data.initial} initialRaw={data.initialRaw} linkProblems={data.linkProblems} engine={engine}>
        <ScenarioForm model={data.model} />
      </CalculatorProvider>,
      { wrapper: withNuqsTestingAdapter({ searchParams: search, onUrlUpdate, hasMemory: true }) },
    );
    await new Promise((r) => setTimeout(r, 50));
  });
  const lastUrl = () => {
    const calls = onUrlUpdate.mock.calls;
    return calls.length ? calls[calls.length - 1]![0].searchParams : null;
  };
  return { ...utils, data, onUrlUpdate, lastUrl, evaluated };
}
