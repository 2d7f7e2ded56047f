/**
 * Renders the calculator as the page does (same server data, same components) with the nuqs
 * testing adapter for the URL and the in-process engine instead of Web Workers (jsdom has none).
 */
import { act, configure, render } from "@testing-library/react";
import { withNuqsTestingAdapter, type UrlUpdateEvent } from "nuqs/adapters/testing";
import { CalculatorProvider } from "@/components/calculator/calculator-provider";
import { createInlineEngine } from "@/components/calculator/inline-engine";
import { loadCalculator } from "@/components/calculator/load-calculator";
import type { Engine } from "@/components/calculator/protocol";
import { Results } from "@/components/results/results";
import { LinkProblems } from "@/components/results/link-problems";
import { PageLinks } from "@/components/results/page-links";
import { ScenarioForm } from "@/components/scenario-form/scenario-form";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * waitFor/findBy give up after 10 s instead of Testing Library's 1 s. The engine computes in the
 * test's own thread; with one Jest worker per core on a busy 2-core machine an estimate took more
 * than 1 s (measured 2026-12-03, load ~10: "unticking the last method" timed out waiting for the
 * codec's message). A wait still ends as soon as its condition holds.
 */
configure({ asyncUtilTimeout: 10_000 });

/** How long the lazily loaded charts may take to draw before renderCalculator gives up (ms). */
const CHARTS_DRAWN_TIMEOUT_MS = 15000;

/**
 * True once every chart figure holds its recharts drawing: one `.recharts-wrapper` per
 * `.chart-body`, and one per panel of a two-panel figure (the leakage chart draws two).
 */
function chartsDrawn(container: HTMLElement): boolean {
  const bodies = [...container.querySelectorAll(".chart-body")];
  const panels = [...container.querySelectorAll(".leak-panel")];
  return bodies.length > 0 && bodies.every((b) => b.querySelector(".recharts-wrapper")) && panels.every((p) => p.querySelector(".recharts-wrapper"));
}

/**
 * Render and let the first render settle inside act(): the engine's first answer and the lazily
 * loaded charts (recharts updates its own store as it measures), so no update escapes act().
 *
 * The render is committed by its own act(); the wait for the charts then polls in short act()
 * scopes. (It used to poll inside the render's act(), where React queues every update until the
 * scope ends: the container stayed empty, so every call waited the full 15 s timeout — 15 of the
 * ~16 s each calculator test took.) React flushes what it queued at the end of each scope, so
 * the charts appear as soon as recharts has drawn them; a calculator whose charts never draw is
 * an error here, not a silent wait. A test that must see a state before the engine's later answer
 * (PRV) passes its own `engine` and holds that answer back.
 */
export async function renderCalculator(search: string, options: { engine?: Engine } = {}) {
  const data = loadCalculator(new URLSearchParams(search));
  const onUrlUpdate = jest.fn<void, [UrlUpdateEvent]>();
  const engine = options.engine ?? createInlineEngine();
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
  });
  const started = Date.now();
  while (!chartsDrawn(utils.container)) {
    if (Date.now() - started > CHARTS_DRAWN_TIMEOUT_MS) {
      const drawn = utils.container.querySelectorAll(".recharts-wrapper").length;
      throw new Error(`renderCalculator("${search}"): the charts were not drawn within ${CHARTS_DRAWN_TIMEOUT_MS} ms (${drawn} recharts drawings for ${utils.container.querySelectorAll(".chart-body").length} chart figures)`);
    }
    await act(() => sleep(10));
  }
  await act(() => sleep(50));
  /** The query string of the last URL write, or null if nothing was written. */
  const lastUrl = () => {
    const calls = onUrlUpdate.mock.calls;
    return calls.length ? calls[calls.length - 1]![0].searchParams : null;
  };
  return { ...utils, data, onUrlUpdate, lastUrl };
}

/** nuqs writes the URL once typing pauses (debounced, URL_UPDATE_MS); wait past that. */
export const URL_WRITE_WAIT_MS = 400;
