/**
 * The "What must hold" group and the answer (issue #18). Oracle: the share-link keys in README.md
 * ("Must-haves") and `estimate()`'s decision for the same link, computed directly.
 */
import "./jsdom-polyfills";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { estimate, parseScenario } from "@/lib";
import { renderCalculator, URL_WRITE_WAIT_MS } from "./render-calculator";

jest.setTimeout(90000);
const wait = (ms: number) => act(() => new Promise((r) => setTimeout(r, ms)));

function decisionOf(link: string) {
  const r = parseScenario(link);
  if (!r.ok) throw new Error("bad link");
  return estimate(r.scenario).decision;
}

describe("must-haves and the answer", () => {
  test("the answer is the first thing the results show, and it is the decision's sentence", async () => {
    const link = "preset=samsum&rank=cost&accountant=rdp&protect=A";
    const { container } = await renderCalculator(link);
    const d = decisionOf(link);
    const results = container.querySelector("section.results") as HTMLElement;
    const firstBlock = results.querySelector(".results-head + *") as HTMLElement;
    expect(firstBlock).toHaveClass("answer");
    expect(firstBlock.textContent).toContain(d.answer?.sentence ?? "missing");
  });

  test("nothing qualifies: the answer says so and what to relax", async () => {
    const link = "protect=A,B&maxCost=0.01&accountant=rdp";
    const { container } = await renderCalculator(link);
    const d = decisionOf(link);
    expect(d.answer).toBeNull();
    const answer = container.querySelector(".answer") as HTMLElement;
    expect(answer.textContent).toContain("No option meets every must-have.");
    expect(answer.textContent).toContain(d.relax[0]?.sentence ?? "missing");
  });

  test("ticking channel B and choosing rank=cost write protect=B and rank=cost to the link", async () => {
    const { lastUrl } = await renderCalculator("preset=trec&accountant=rdp");
    fireEvent.click(screen.getByRole("checkbox", { name: "B: queries must not reach the provider" }));
    fireEvent.change(screen.getByLabelText("Best means"), { target: { value: "cost" } });
    await wait(URL_WRITE_WAIT_MS);
    await waitFor(() => expect(lastUrl()?.get("protect")).toBe("B"));
    await waitFor(() => expect(lastUrl()?.get("rank")).toBe("cost"));
  });
});
