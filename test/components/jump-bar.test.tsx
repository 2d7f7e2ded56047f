/**
 * The narrow-screen bar (issue #19 item 2): "Edit scenario" brings the form into view and moves
 * the focus there, without a history entry (Back undoes scenario changes, not scrolls); without
 * JavaScript it is a plain link to #scenario-form. Layout (results first, the bar fixed at the
 * bottom below 1100 px) needs a browser: test/e2e/phone.spec.ts.
 */
import { fireEvent, render, screen } from "@testing-library/react";
import { JumpBar } from "@/components/results/jump-bar";

test("Edit scenario scrolls to the form and focuses it; Answer and figures goes back", () => {
  const scrolled: string[] = [];
  // jsdom lays nothing out and has no scrollIntoView: record which element asked to be shown.
  Element.prototype.scrollIntoView = function (this: Element) {
    scrolled.push(this.id);
  };
  render(
    <main>
      <h2 id="results-title" tabIndex={-1}>Results</h2>
      <div id="scenario-form" tabIndex={-1}><h2>Scenario</h2></div>
      <JumpBar />
    </main>,
  );
  const bar = screen.getByRole("navigation", { name: "Jump to" });
  const edit = screen.getByRole("link", { name: "Edit scenario" });
  expect(bar).toContainElement(edit);
  expect(edit).toHaveAttribute("href", "#scenario-form");
  const before = window.location.href;
  const notPrevented = fireEvent.click(edit);
  expect(notPrevented).toBe(false);
  expect(scrolled).toEqual(["scenario-form"]);
  expect(document.activeElement?.id).toBe("scenario-form");
  expect(window.location.href).toBe(before);

  fireEvent.click(screen.getByRole("link", { name: "Answer and figures" }));
  expect(scrolled).toEqual(["scenario-form", "results-title"]);
  expect(document.activeElement?.id).toBe("results-title");
});
