/**
 * The log sliders and the keyboard (issue #19 item 3): the arrow keys move one step of the log
 * scale from ANY value. Before, a step was 0.01 decade rounded to two significant digits, so from
 * ε = 1 (10^0.01 = 1.023 → 1) and from ε 2, 20, queries 10k, 20k, 1M the arrows did nothing.
 *
 * Oracles: the scale is ISO 3's rounded preferred-number series R″10 (1, 1.2, 1.5, 2, 2.5, 3, 4,
 * 5, 6, 8 per decade), written out by hand below; each expected neighbour is read off that list.
 * The browser is emulated as the HTML spec's range input behaves: a key the page does not handle
 * (no preventDefault) moves the value by the input's `step`, then fires `change` — so the old
 * slider's stuck keys fail these tests, and the page's own key handling is what makes them pass.
 */
import { fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { LogSlider } from "@/components/scenario-form/fields";
import { decadeFrom, logGrid, nearestOnGrid, stepFrom } from "@/components/scenario-form/log-steps";

/** The decade 1–10 of R″10, by hand from ISO 3. */
const R10 = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8];

describe("the scale (log-steps.ts)", () => {
  test("ε's scale is R″10 from 0.1 to 100", () => {
    expect(logGrid(0.1, 100)).toEqual([...R10.map((m) => Number((m / 10).toPrecision(12))), ...R10, ...R10.map((m) => m * 10), 100]);
  });

  test("the queries' scale keeps whole numbers only: 1, 2, 3, 4, 5, 6, 8, 10, 12, 15 …", () => {
    const grid = logGrid(1, 1e9, true);
    expect(grid.slice(0, 10)).toEqual([1, 2, 3, 4, 5, 6, 8, 10, 12, 15]);
    expect(grid[grid.length - 1]).toBe(1e9);
    expect(grid.every(Number.isInteger)).toBe(true);
  });

  test("one step from the values the issue names, both ways", () => {
    const eps = logGrid(0.1, 100);
    const q = logGrid(1, 1e9, true);
    // [grid, from, up, down], each neighbour read off R″10.
    const cases: [number[], number, number, number][] = [
      [eps, 1, 1.2, 0.8],
      [eps, 2, 2.5, 1.5],
      [eps, 20, 25, 15],
      [eps, 8, 10, 6],
      [q, 10_000, 12_000, 8_000],
      [q, 20_000, 25_000, 15_000],
      [q, 1_000_000, 1_200_000, 800_000],
    ];
    for (const [grid, from, up, down] of cases) {
      expect([from, stepFrom(grid, from, 1)]).toEqual([from, up]);
      expect([from, stepFrom(grid, from, -1)]).toEqual([from, down]);
    }
  });

  test("from a value off the grid, its neighbours on the grid (never itself)", () => {
    const eps = logGrid(0.1, 100);
    expect(stepFrom(eps, 1.3, 1)).toBe(1.5);
    expect(stepFrom(eps, 1.3, -1)).toBe(1.2);
    expect(stepFrom(eps, 7.99, 1)).toBe(8);
    expect(stepFrom(logGrid(1, 1e9, true), 123_456, 1)).toBe(150_000);
    expect(stepFrom(logGrid(1, 1e9, true), 123_456, -1)).toBe(120_000);
  });

  test("the ends hold; a value that is not a number starts at the bottom", () => {
    const eps = logGrid(0.1, 100);
    expect(stepFrom(eps, 100, 1)).toBe(100);
    expect(stepFrom(eps, 0.1, -1)).toBe(0.1);
    expect(stepFrom(eps, 500, 1)).toBe(100);
    expect(stepFrom(eps, Number.NaN, 1)).toBe(0.1);
  });

  test("a decade: 1 → 10 → 1; 1.3 → 15 (13 is not on the scale); clamped at the ends", () => {
    const eps = logGrid(0.1, 100);
    expect(decadeFrom(eps, 1, 1)).toBe(10);
    expect(decadeFrom(eps, 10, -1)).toBe(1);
    expect(decadeFrom(eps, 1.3, 1)).toBe(15);
    expect(decadeFrom(eps, 50, 1)).toBe(100);
    expect(decadeFrom(eps, 0.5, -1)).toBe(0.1);
  });

  test("a dragged position lands on the grid value nearest in log10", () => {
    const eps = logGrid(0.1, 100);
    expect(nearestOnGrid(eps, 0)).toBe(1);
    // log10(8) = 0.9031, log10(10) = 1: 0.95 is 0.0469 from 8 and 0.05 from 10; 0.96 is 0.0569 and 0.04.
    expect(nearestOnGrid(eps, 0.95)).toBe(8);
    expect(nearestOnGrid(eps, 0.96)).toBe(10);
  });
});

function Harness({ initial, integer = false, min, max, label }: { initial: string; integer?: boolean; min: number; max: number; label: string }) {
  const [text, setText] = useState(initial);
  return (
    <>
      <LogSlider label={label} min={min} max={max} integer={integer} text={text} onChange={setText} ticks={[min, max]}
        valueText={(x) => (integer ? `${x.toLocaleString("en-US")} queries` : `ε = ${x}`)} />
      <output data-testid="value">{text}</output>
    </>
  );
}

/**
 * A key as Chromium handles it on a range input: the keydown goes to the page first; unless the
 * page prevented it, the browser moves the value by `step` (PageUp/PageDown by a tenth of the
 * range, at least a step) and fires change. The value is read back from the input, which holds
 * the position the browser shows.
 */
function press(input: HTMLInputElement, key: string) {
  const notPrevented = fireEvent.keyDown(input, { key });
  if (!notPrevented) return;
  const min = Number(input.min);
  const max = Number(input.max);
  const step = Number(input.step);
  const v = Number(input.value);
  const big = Math.max(step, (max - min) / 10);
  const moves: Record<string, number> = { ArrowUp: step, ArrowRight: step, ArrowDown: -step, ArrowLeft: -step, PageUp: big, PageDown: -big };
  const target = key === "Home" ? min : key === "End" ? max : v + (moves[key] ?? 0);
  const snapped = Math.min(max, Math.max(min, min + Math.round((target - min) / step) * step));
  if (snapped !== v) fireEvent.change(input, { target: { value: String(snapped) } });
}

const value = () => screen.getByTestId("value").textContent;

describe("the slider and its keys", () => {
  test("ε: the arrows leave 1, 2 and 20 by one step of the scale", () => {
    for (const [from, up, down] of [["1", "1.2", "0.8"], ["2", "2.5", "1.5"], ["20", "25", "15"]] as const) {
      const { unmount } = render(<Harness initial={from} min={0.1} max={100} label="ε slider" />);
      const slider = screen.getByRole("slider", { name: "ε slider" }) as HTMLInputElement;
      press(slider, "ArrowRight");
      expect(value()).toBe(up);
      press(slider, "ArrowLeft");
      expect(value()).toBe(from);
      press(slider, "ArrowDown");
      expect(value()).toBe(down);
      press(slider, "ArrowUp");
      expect(value()).toBe(from);
      unmount();
    }
  });

  test("queries: the arrows leave 10k, 20k and 1M by one step of the scale", () => {
    for (const [from, up, down] of [["10000", "12000", "8000"], ["20000", "25000", "15000"], ["1000000", "1200000", "800000"]] as const) {
      const { unmount } = render(<Harness initial={from} integer min={1} max={1e9} label="queries slider" />);
      const slider = screen.getByRole("slider", { name: "queries slider" }) as HTMLInputElement;
      press(slider, "ArrowUp");
      expect(value()).toBe(up);
      press(slider, "ArrowDown");
      press(slider, "ArrowDown");
      expect(value()).toBe(down);
      unmount();
    }
  });

  test("from a typed value off the scale, one step to each neighbour", () => {
    render(<Harness initial="1.3" min={0.1} max={100} label="ε slider" />);
    const slider = screen.getByRole("slider", { name: "ε slider" }) as HTMLInputElement;
    press(slider, "ArrowDown");
    expect(value()).toBe("1.2");
  });

  test("PageUp/PageDown move a decade, Home/End go to the ends", () => {
    render(<Harness initial="1" min={0.1} max={100} label="ε slider" />);
    const slider = screen.getByRole("slider", { name: "ε slider" }) as HTMLInputElement;
    press(slider, "PageUp");
    expect(value()).toBe("10");
    press(slider, "PageDown");
    expect(value()).toBe("1");
    press(slider, "End");
    expect(value()).toBe("100");
    press(slider, "Home");
    expect(value()).toBe("0.1");
  });

  test("aria-valuetext says the value, not the log position", () => {
    render(<Harness initial="1000000" integer min={1} max={1e9} label="queries slider" />);
    const slider = screen.getByRole("slider", { name: "queries slider" }) as HTMLInputElement;
    expect(slider).toHaveAttribute("aria-valuetext", "1,000,000 queries");
    press(slider, "ArrowUp");
    expect(slider).toHaveAttribute("aria-valuetext", "1,200,000 queries");
  });

  test("a screen reader's increment (a change with no key) is one step from the value too", () => {
    render(<Harness initial="1.3" min={0.1} max={100} label="ε slider" />);
    const slider = screen.getByRole("slider", { name: "ε slider" }) as HTMLInputElement;
    // Shown at log10(1.3) = 0.114, rounded to the step: 0.1. One step down is 0.0 (= 1 on the
    // scale), but the value's lower neighbour is 1.2.
    fireEvent.change(slider, { target: { value: "0" } });
    expect(value()).toBe("1.2");
    // From 1.2 (shown at 0.1), a position two decades up is a drag: the scale's value there.
    fireEvent.change(slider, { target: { value: "2" } });
    expect(value()).toBe("100");
  });
});
