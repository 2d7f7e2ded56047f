/**
 * Renders the calculator as the page does (same server data, same components) with the nuqs
 * testing adapter for the URL and the in-process engine instead of Web Workers (jsdom has none).
 */
import { act, render } from "@testing-library/react";
import { withNuqsTestingAdapter, type UrlUpdateEvent } from "nuqs/adapters/testing";
import { CalculatorProvider } from "@/components/calculator/calculator-provider";
import { createInlineEngine } from "@/components/calculator/inline-engine";
import { loadCalculator } from "@/components/calculator/load-calculator";
import { Results } from "@/components/results/results";
import { LinkProblems } from "@/components/results/link-problems";
import { PageLinks } from "@/components/results/page-links";
import { ScenarioForm } from "@/components/scenario-form/scenario-form";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Render and let the first render settle inside act(): the engine's first answer and the lazily
 * loaded charts (recharts updates its own store as it measures), so no update escapes act().
 */
export async function renderCalculator(search: string) {
  const data = loadCalculator(new URLSearchParams(search));
  const onUrlUpdate = jest.fn<void, [UrlUpdateEvent]>();
  const engine = createInlineEngine();
  let utils!: ReturnType<typeof render>;
  await act(async () => {
    utils = render(
    <CalculatorProvider keys={data.model.keys} initial={data.initial} initialRaw={data.initialRaw} linkProblems={data.linkProblems} engine={engine}>
      <PageLinks />
      <LinkProblems />
      <ScenarioForm model={data.model} />
      <Results />
    </CalculatorProvider>,
    { wrapper: withNuqsTestingAdapter({ searchParams: search, onUrlUpdate, hasMemory: true }) },
    );
    const started = Date.now();
    while (Date.now() - started < 15000 && utils.container.querySelectorAll(".recharts-wrapper").length < 6) await sleep(25);
    await sleep(50);
  });
  /** The query string of the last URL write, or null if nothing was written. */
  const lastUrl = () => {
    const calls = onUrlUpdate.mock.calls;
    return calls.length ? calls[calls.length - 1]![0].searchParams : null;
  };
  return { ...utils, data, onUrlUpdate, lastUrl };
}

/** nuqs writes the URL once typing pauses (debounced, URL_UPDATE_MS); wait past that. */
export const URL_WRITE_WAIT_MS = 400;
